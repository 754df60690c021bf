"""The HTTP API filters by imported capability names and documents them (open vocabulary)."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
from jsonschema import Draft202012Validator

from modelfile_ls.registry import open_registry
from modelfile_ls.registry.csvio import CORE_COLUMNS, read_csv
from modelfile_ls.registry.http_api import make_server, openapi_document

DOC = openapi_document()


def _valid(path: str, body: object) -> None:
    schema = DOC["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    Draft202012Validator({**schema["schema"], "components": DOC["components"]}).validate(body)


def test_imported_capabilities_filter_and_list_over_http(registry_path: Path) -> None:
    row = 'thinker,Thinker,F,7b,7,,,"chat,reasoning,math",,d'
    with open_registry(registry_path) as registry:
        registry.import_entries(read_csv(f"{','.join(CORE_COLUMNS)}\n{row}\n".encode()))
    api = make_server(registry_path, "127.0.0.1", 0)
    thread = threading.Thread(target=api.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        with httpx.Client(base_url=api.url, trust_env=False) as client:
            models = client.get("/api/models", params={"capability": "math"}).json()
            assert [m["name"] for m in models["data"]] == ["thinker"]
            _valid("/api/models", models)
            listed = client.get("/api/capabilities").json()
            _valid("/api/capabilities", listed)
            math = next(c for c in listed["data"] if c["name"] == "math")
            assert math == {"name": "math", "models": 1, "description": "", "ollama": False}
            unknown = client.get("/api/models", params={"capability": "telepathy"})
            assert unknown.status_code == 400
            assert "math" in unknown.json()["error"]
    finally:
        api.shutdown()
        api.server_close()
        thread.join()
