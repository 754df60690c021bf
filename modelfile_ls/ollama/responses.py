"""Typed results of Ollama's JSON answers (shared spec ollama-api.md §3), and the reader that
turns a JSON object into them: a wrong type names the endpoint and the key, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from modelfile_ls.ollama.errors import OllamaProtocolError


@dataclass(frozen=True, slots=True)
class ModelDetails:
    """The `details` object of `/api/tags` and `/api/show`."""

    parent_model: str = ""
    format: str = ""
    family: str = ""
    families: tuple[str, ...] = ()
    parameter_size: str = ""
    quantization_level: str = ""
    context_length: int | None = None
    embedding_length: int | None = None


@dataclass(frozen=True, slots=True)
class LocalModel:
    """One entry of `GET /api/tags`: a model installed on the server."""

    name: str
    model: str
    modified_at: str
    size: int
    digest: str
    details: ModelDetails
    capabilities: tuple[str, ...] = ()
    remote_model: str = ""
    remote_host: str = ""


@dataclass(frozen=True, slots=True)
class ShowResponse:
    """The answer of `POST /api/show` (optional fields are empty when Ollama omits them)."""

    details: ModelDetails
    modified_at: str
    license: str = ""
    modelfile: str = ""
    parameters: str = ""
    template: str = ""
    system: str = ""
    messages: tuple[tuple[str, str], ...] = ()
    model_info: dict[str, Any] = field(default_factory=dict)
    capabilities: tuple[str, ...] = ()
    requires: str = ""
    remote_model: str = ""
    remote_host: str = ""


class Reader:
    """Typed access to one JSON object; a wrong type names the endpoint and the key."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise OllamaProtocolError(f"{where}: expected a JSON object, got {kind(data)}")
        self.data: dict[str, Any] = data
        self.where = where

    def _bad(self, key: str, expected: str) -> OllamaProtocolError:
        got = kind(self.data.get(key))
        return OllamaProtocolError(f"{self.where}: '{key}' should be {expected}, got {got}")

    def text(self, key: str, *, required: bool = False) -> str:
        """A string value ("" when absent and not required)."""
        value = self.data.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            raise self._bad(key, "a string")
        return value

    def integer(self, key: str, *, required: bool = False) -> int | None:
        """An integer value (None when absent and not required)."""
        value = self.data.get(key)
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._bad(key, "an integer")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        """A list of strings (empty when absent)."""
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._bad(key, "a list of strings")
        return tuple(value)

    def obj(self, key: str) -> Reader:
        """A nested object (empty when absent)."""
        value = self.data.get(key)
        return Reader({} if value is None else value, f"{self.where}.{key}")

    def items(self, key: str) -> list[object]:
        """A list of anything (empty when absent)."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._bad(key, "a list")
        return value


def kind(value: object) -> str:
    """How a message names a JSON value's type."""
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), "a number"
    )


def details_of(reader: Reader) -> ModelDetails:
    """The `details` object of `/api/tags`, `/api/ps` and `/api/show`."""
    return ModelDetails(
        parent_model=reader.text("parent_model"),
        format=reader.text("format"),
        family=reader.text("family"),
        families=reader.strings("families"),
        parameter_size=reader.text("parameter_size"),
        quantization_level=reader.text("quantization_level"),
        context_length=reader.integer("context_length"),
        embedding_length=reader.integer("embedding_length"),
    )


@dataclass(frozen=True, slots=True)
class RunningModel:
    """One entry of `GET /api/ps`: a model loaded in memory."""

    name: str
    model: str
    size: int
    digest: str
    details: ModelDetails
    expires_at: str
    size_vram: int
    context_length: int | None = None


@dataclass(frozen=True, slots=True)
class GenerateResult:
    """The final object of `POST /api/generate`; durations in nanoseconds, absent ones 0."""

    model: str
    response: str
    done_reason: str
    total_duration: int = 0
    load_duration: int = 0
    prompt_eval_count: int = 0
    prompt_eval_duration: int = 0
    eval_count: int = 0
    eval_duration: int = 0

    @property
    def tokens_per_second(self) -> float | None:
        """Generation speed, `eval_count / eval_duration` (None when nothing was generated)."""
        return _rate(self.eval_count, self.eval_duration)

    @property
    def prompt_tokens_per_second(self) -> float | None:
        """Prompt processing speed, `prompt_eval_count / prompt_eval_duration`."""
        return _rate(self.prompt_eval_count, self.prompt_eval_duration)

    @property
    def load_seconds(self) -> float:
        """Time Ollama took to get a runner (loading the weights on a cold start)."""
        return self.load_duration / 1e9


def _rate(count: int, nanoseconds: int) -> float | None:
    return count / nanoseconds * 1e9 if count > 0 and nanoseconds > 0 else None


def local_model(entry: Reader) -> LocalModel:
    """One `/api/tags` entry."""
    name = entry.text("name") or entry.text("model", required=True)
    return LocalModel(
        name=name,
        model=entry.text("model") or name,
        modified_at=entry.text("modified_at"),
        size=entry.integer("size") or 0,
        digest=entry.text("digest"),
        details=details_of(entry.obj("details")),
        capabilities=entry.strings("capabilities"),
        remote_model=entry.text("remote_model"),
        remote_host=entry.text("remote_host"),
    )


def running_model(entry: Reader) -> RunningModel:
    """One `/api/ps` entry."""
    name = entry.text("name") or entry.text("model", required=True)
    return RunningModel(
        name=name,
        model=entry.text("model") or name,
        size=entry.integer("size") or 0,
        digest=entry.text("digest"),
        details=details_of(entry.obj("details")),
        expires_at=entry.text("expires_at"),
        size_vram=entry.integer("size_vram") or 0,
        context_length=entry.integer("context_length"),
    )


def show_response(data: Reader) -> ShowResponse:
    """The `/api/show` answer."""
    messages = []
    for index, item in enumerate(data.items("messages")):
        message = Reader(item, f"{data.where} messages[{index}]")
        messages.append((message.text("role"), message.text("content")))
    model_info = data.data.get("model_info") or {}
    if not isinstance(model_info, dict):
        raise OllamaProtocolError(f"{data.where}: 'model_info' should be an object")
    return ShowResponse(
        details=details_of(data.obj("details")),
        modified_at=data.text("modified_at"),
        license=data.text("license"),
        modelfile=data.text("modelfile"),
        parameters=data.text("parameters"),
        template=data.text("template"),
        system=data.text("system"),
        messages=tuple(messages),
        model_info=model_info,
        capabilities=data.strings("capabilities"),
        requires=data.text("requires"),
        remote_model=data.text("remote_model"),
        remote_host=data.text("remote_host"),
    )


def generate_result(data: Reader, response: str) -> GenerateResult:
    """The final `/api/generate` object; `response` is the text of every line joined."""
    return GenerateResult(
        model=data.text("model"),
        response=response,
        done_reason=data.text("done_reason"),
        total_duration=data.integer("total_duration") or 0,
        load_duration=data.integer("load_duration") or 0,
        prompt_eval_count=data.integer("prompt_eval_count") or 0,
        prompt_eval_duration=data.integer("prompt_eval_duration") or 0,
        eval_count=data.integer("eval_count") or 0,
        eval_duration=data.integer("eval_duration") or 0,
    )
