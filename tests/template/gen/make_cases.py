"""Write cases.json, the input of the Go program `gen` (see README.md).

Parse cases: `parse_cases.PARSE_CASES` plus every TEMPLATE of the shared corpus as the CLI
sends it (`create_request.template` in the corpus verdicts). Render cases: the family
templates and the semantics templates of `render_cases`, each over every message set, plus
every corpus template over the default conversation.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from parse_cases import PARSE_CASES  # noqa: E402
from probe_cases import LEGACY, PRINTF  # noqa: E402
from render_cases import CONVERSATIONS, FAMILIES, SEMANTICS  # noqa: E402

CORPUS = HERE.parents[2] / ".." / "shared" / "corpus"


def corpus_templates() -> list[tuple[str, str]]:
    """(corpus file, template) for each corpus Modelfile whose create request has one."""
    found = []
    for path in sorted((CORPUS / "expected").glob("*.json")):
        request = json.loads(path.read_text()).get("create_request") or {}
        if request.get("template"):
            found.append((f"corpus {path.stem}", request["template"]))
    return found


def main() -> None:
    """Write cases.json next to this script."""
    corpus = corpus_templates()
    parse = [{"name": n, "template": t} for n, t in [*PARSE_CASES, *corpus]]
    render = []
    for family, template in FAMILIES.items():
        for conversation, body in CONVERSATIONS.items():
            render.append({"name": f"{family} / {conversation}", "template": template, **body})
    for name, template, body in [*SEMANTICS, *PRINTF, *LEGACY]:
        render.append({"name": name, "template": template, **body})
    for name, template in corpus:
        render.append({"name": name, "template": template, **CONVERSATIONS["multi-turn"]})
    out = {"parse": parse, "render": render}
    (HERE / "cases.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
