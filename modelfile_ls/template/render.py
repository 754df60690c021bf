"""Rendering a chat prompt exactly as Ollama's `Template.Execute` does (template/template.go).

Messages mode (the template's identifiers include `messages`): one execution with `.System`
(all system messages joined by blank lines), `.Messages`, `.Tools`, `.Think`... Legacy mode:
one execution per turn with `.System`, `.Prompt`, `.Response`, then a last one of the template
cut after its first `.Response` (a new template: Go's built-ins only, default options).
Consecutive messages of one role are merged (tool messages are not). Ollama's chat handler puts
the model's system prompt first when the request starts with another role.
"""

from __future__ import annotations

import datetime
from typing import Any

from modelfile_ls.template import nodes as n
from modelfile_ls.template.builtins import Builtin
from modelfile_ls.template.execute import ExecError, execute
from modelfile_ls.template.gojson import marshal
from modelfile_ls.template.govalues import ANY_MAP, GoMap, GoStruct, unwrap
from modelfile_ls.template.last_turn import DeleteNodePanic, cut_after_response
from modelfile_ls.template.ollama import OllamaTemplate, parse_template, room_to_recurse
from modelfile_ls.template.ollama_values import TOOL_PROPERTY, template_messages, template_tools
from modelfile_ls.template.trees import copy_tree

Message = dict[str, Any]


def _typescript(kinds: list[str]) -> str:
    names = {
        "string": "string",
        "number": "number",
        "integer": "number",
        "boolean": "boolean",
        "array": "any[]",
        "object": "Record<string, any>",
        "null": "null",
    }
    return " | ".join(names.get(kind, "any") for kind in kinds)


def to_typescript_type(value: Any) -> str:
    """Ollama's `toTypeScriptType`: a tool property's type as TypeScript, else `any`."""
    value = unwrap(value)
    if not isinstance(value, GoStruct) or value.type is not TOOL_PROPERTY:
        return "any"
    any_of = value.values["AnyOf"].items
    if any_of:
        return " | ".join(to_typescript_type(p) for p in any_of)
    kinds = value.values["Type"].items or []
    return _typescript(kinds) if kinds else "any"


def ollama_funcs(today: datetime.date) -> dict[str, Builtin]:
    """Ollama's four template functions; the date functions use `today`."""
    yesterday = today - datetime.timedelta(days=1)
    return {
        "json": Builtin("json", ("any",), None, marshal),
        "currentDate": Builtin("currentDate", (), "string", lambda *_: today.isoformat()),
        "yesterdayDate": Builtin("yesterdayDate", (), "string", lambda *_: yesterday.isoformat()),
        "toTypeScriptType": Builtin("toTypeScriptType", ("any",), None, to_typescript_type),
    }


def _response_action() -> n.ActionNode:
    """The `{{ .Response }}` node Ollama appends (it has no position: Go reports 1:0)."""
    field = n.FieldNode(n.NodeType.FIELD, 0, ["Response"])
    command = n.CommandNode(n.NodeType.COMMAND, 0, [field])
    return n.ActionNode(n.NodeType.ACTION, 0, 0, n.PipeNode(n.NodeType.PIPE, 0, cmds=[command]))


def collate(messages: list[Message]) -> tuple[str, list[Message]]:
    """Ollama's `collate`: the joined system prompt and the messages merged by role."""
    system = [str(m.get("content", "")) for m in messages if m.get("role") == "system"]
    collated: list[Message] = []
    for message in messages:
        role = message.get("role")
        if collated and collated[-1].get("role") == role and role != "tool":
            collated[-1]["content"] = (
                f"{collated[-1].get('content', '')}\n\n{message.get('content', '')}"
            )
        else:
            collated.append(dict(message))
    return "\n\n".join(system), collated


def _data(values: dict[str, Any]) -> GoMap:
    return GoMap(ANY_MAP, values)


def render_prompt(
    template_text: str,
    messages: list[Message],
    system: str | None = None,
    tools: list[dict[str, Any]] | None = None,
    think: bool | None = None,
    today: datetime.date | None = None,
    history: list[Message] | None = None,
) -> str:
    """The prompt Ollama builds for a chat request; raises `TemplateError` or `ExecError`.

    `messages` are the request's API messages (`role`, `content`, `tool_calls`, `tool_name`,
    `images`...); `history` the model's MESSAGE instructions, which Ollama puts before them;
    `system` the model's system prompt, which Ollama puts first when the request's first
    message is not a system message.
    """
    template = parse_template(template_text)
    request = [dict(m, role=str(m.get("role", "")).lower()) for m in messages]
    chat = [dict(m) for m in history or ()] + request
    if system and request and request[0]["role"] != "system":
        chat.insert(0, {"role": "system", "content": system})
    with room_to_recurse():
        return execute_template(
            template, tag_images(chat), tools, think, today or datetime.date.today()
        )


def tag_images(messages: list[Message]) -> list[Message]:
    """Ollama's `imageTaggedMessages`: each image becomes `[img-N]` in its message's content,
    in place of an `[img]` the content has, else in front of it (N counts across messages)."""
    count = 0
    tagged = []
    for message in messages:
        content, prefix = str(message.get("content", "")), ""
        for _ in message.get("images") or ():
            tag = f"[img-{count}]"
            count += 1
            if "[img]" in content:
                content = content.replace("[img]", tag, 1)
            else:
                prefix += tag
        tagged.append({**message, "content": prefix + content})
    return tagged


def execute_template(
    template: OllamaTemplate,
    messages: list[Message],
    tools: list[dict[str, Any]] | None,
    think: bool | None,
    today: datetime.date,
) -> str:
    """Ollama's `Template.Execute` for a chat request (no suffix)."""
    funcs = ollama_funcs(today)
    root = n.ListNode(n.NodeType.LIST, template.root.pos, list(template.root.nodes))
    if template.appends_response:
        root.nodes.append(_response_action())
    trees = template.trees
    thinking = {"Think": bool(think), "ThinkLevel": "", "IsThinkSet": think is not None}
    system, collated = collate(messages)
    if template.uses_messages:
        data = _data(
            {
                "System": system,
                "Messages": template_messages(collated or None),
                "Tools": template_tools(tools),
                "Response": "",
                **thinking,
            }
        )
        return execute(trees, "", data, funcs, True, root)
    out: list[str] = []
    turn = {"System": "", "Prompt": "", "Response": ""}

    def run() -> None:
        out.append(execute(trees, "", _data({**turn, **thinking}), funcs, True, root))
        turn.update(System="", Prompt="", Response="")

    for message in collated:
        role, content = message.get("role"), str(message.get("content", ""))
        if role == "system":
            if turn["Prompt"] or turn["Response"]:
                run()
            turn["System"] = content
        elif role == "user":
            if turn["Response"]:
                run()
            turn["Prompt"] = content
        elif role == "assistant":
            turn["Response"] = content
    try:
        cut = cut_after_response(copy_tree(root))
    except DeleteNodePanic as panic:
        raise ExecError(str(panic)) from None
    # The last turn runs as a new template: only Go's built-ins, the default missingkey.
    last = {"": trees[""]}
    out.append(execute(last, "", _data({**turn, **thinking}), {}, False, cut))
    return "".join(out)
