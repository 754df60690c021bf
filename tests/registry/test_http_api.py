"""The HTTP API over real loopback HTTP; every response is checked against openapi.json."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from jsonschema import Draft202012Validator

from modelfile_ls.registry import InstalledModel, Metric, open_registry
from modelfile_ls.registry.http_api import (
    HOSTS_PATH,
    ROUTES,
    RegistryServer,
    make_server,
    openapi_document,
)
from modelfile_ls.registry.schema import SCHEMA_VERSION
from modelfile_ls.syntax import parse_bytes

DOC = openapi_document()


def _template(path: str) -> str:
    if path.startswith("/api/models/"):
        return "/api/models/{ref}"
    return path


def _validate(path: str, status: int, body: Any) -> None:
    operation = DOC["paths"][_template(path)]["get"]
    assert str(status) in operation["responses"], f"{path}: status {status} is not documented"
    schema = operation["responses"][str(status)]["content"]["application/json"]["schema"]
    Draft202012Validator({**schema, "components": DOC["components"]}).validate(body)


@pytest.fixture
def server(registry_path: Path) -> Iterator[RegistryServer]:
    with open_registry(registry_path) as registry:
        registry.replace_installed(
            "http://127.0.0.1:11434",
            [
                InstalledModel(
                    host="http://127.0.0.1:11434",
                    name="llama3.2:latest",
                    model="llama3.2",
                    tag="latest",
                    digest="a" * 64,
                    size=2019393189,
                    modified_at="2026-11-01T10:00:00Z",
                    capabilities=("completion", "tools"),
                )
            ],
        )
        registry.add_metric(Metric("llama3.2", "3b", "cpu", "tokens_per_second", 25.5, 4096))
        coder = b"FROM qwen2.5-coder:7b\nSYSTEM You review code.\n"
        registry.save_modelfile("coder", "coder/Modelfile", coder, parse_bytes(coder))
    # Nothing listens on port 9: the hosts endpoint reports it unreachable without waiting.
    api = make_server(registry_path, "127.0.0.1", 0, ollama_hosts=["127.0.0.1:9"])
    thread = threading.Thread(target=api.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield api
    api.shutdown()
    api.server_close()
    thread.join()


@pytest.fixture
def client(server: RegistryServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, trust_env=False) as http:
        yield http


def get(client: httpx.Client, path: str, expect: int = 200, **params: Any) -> Any:
    response = client.get(path, params=params or None)
    assert response.status_code == expect, response.text
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    body = response.json()
    _validate(path.split("?")[0], expect, body)
    return body


def test_every_route_is_documented_and_every_document_path_is_served() -> None:
    documented = set(DOC["paths"])
    served = set(ROUTES) | {"/api/models/{ref}", "/openapi.json", HOSTS_PATH}
    assert documented == served
    for schema in DOC["components"]["schemas"].values():
        Draft202012Validator.check_schema({**schema, "components": DOC["components"]})


def test_health(client: httpx.Client) -> None:
    body = get(client, "/health")
    assert body == {
        "success": True,
        "data": {"status": "ok", "schema_version": SCHEMA_VERSION, "models": 140},
    }


def test_openapi_document_is_served(client: httpx.Client) -> None:
    body = get(client, "/openapi.json")
    assert body == DOC
    assert body["openapi"].startswith("3.1")


def test_models_list(client: httpx.Client) -> None:
    body = get(client, "/api/models")
    assert (body["total"], body["limit"], body["offset"], len(body["data"])) == (140, 50, 0, 50)
    ids = [m["id"] for m in body["data"]]
    assert len(set(ids)) == 50
    page = get(client, "/api/models", limit=5, offset=5)
    assert [m["name"] for m in page["data"]] == [m["name"] for m in body["data"][5:10]]


def test_models_filters(client: httpx.Client) -> None:
    qwen = get(client, "/api/models", family="Qwen", capability="vision")
    assert {m["name"] for m in qwen["data"]} == {"qwen2.5vl", "qwen3-vl", "qwen3.5", "qwen3.6"}
    both = client.get("/api/models?capability=tools&capability=thinking&limit=1000").json()
    assert all({"tools", "thinking"} <= set(m["capabilities"]) for m in both["data"])
    assert both["total"] == len(both["data"]) > 0
    _validate("/api/models", 200, both)
    search = get(client, "/api/models", search="code")
    assert search["data"][0]["name"].startswith("code")
    tagged = get(client, "/api/models", tag="tiny", limit=1000)
    assert all("tiny" in m["tags"] for m in tagged["data"])
    nothing = get(client, "/api/models", family="no-such-family")
    assert (nothing["total"], nothing["data"]) == (0, [])


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("limit=0", "limit must be a whole number from 1 to 1000, got '0'"),
        ("limit=abc", "limit must be a whole number from 1 to 1000"),
        ("limit=1001", "limit must be a whole number from 1 to 1000"),
        ("offset=-1", "offset must be a whole number"),
        ("capability=telepathy", "unknown capability 'telepathy'"),
        ("familly=Qwen", "unknown query parameter 'familly'"),
        ("family=a&family=b", "query parameter 'family' given more than once"),
    ],
)
def test_models_bad_queries_are_400(client: httpx.Client, query: str, message: str) -> None:
    body = get(client, f"/api/models?{query}", expect=400)
    assert body["success"] is False
    assert message in body["error"]


def test_model_by_name_id_and_tag(client: httpx.Client) -> None:
    by_name = get(client, "/api/models/llama3.2")["data"]
    assert by_name["name"] == "llama3.2"
    assert [i["name"] for i in by_name["installed"]] == ["llama3.2:latest"]
    assert by_name["metrics"][0]["value"] == 25.5
    assert by_name["default_parameters"] == []  # the installed model (latest) sets none
    by_id = get(client, f"/api/models/{by_name['id']}")["data"]
    assert by_id == by_name
    tagged = get(client, "/api/models/qwen3:8b")["data"]
    assert tagged["name"] == "qwen3"
    assert tagged["default_parameters"] is not None
    assert [v["tag"] for v in tagged["variants"] if v["latest"]] == ["8b"]


def test_model_not_found_is_404(client: httpx.Client) -> None:
    assert get(client, "/api/models/no-such", expect=404)["error"] == "no model 'no-such'"
    assert "has no tag '9b'" in get(client, "/api/models/llama3.2:9b", expect=404)["error"]
    assert get(client, "/api/models/999999", expect=404)["success"] is False


def test_namespaced_model_names(registry_path: Path, client: httpx.Client) -> None:
    from modelfile_ls.registry import ModelEntry

    with open_registry(registry_path) as registry:
        registry.import_entries([ModelEntry("someone/coder", "Coder")])
    for path in ("/api/models/someone/coder", f"/api/models/{quote('someone/coder', safe='')}"):
        assert get(client, path)["data"]["name"] == "someone/coder"


@pytest.mark.parametrize(
    ("path", "first"),
    [
        ("/api/families", "Arctic Embed"),
        ("/api/capabilities", "completion"),
        ("/api/tags", "large"),
    ],
)
def test_count_listings(client: httpx.Client, path: str, first: str) -> None:
    body = get(client, path)
    assert body["data"][0]["name"] == first
    assert body["total"] == len(body["data"])


def test_stats(client: httpx.Client) -> None:
    data = get(client, "/api/stats")["data"]
    assert (data["models"], data["installed"], data["metrics"]) == (140, 1, 1)


def test_params(client: httpx.Client) -> None:
    body = get(client, "/api/params")
    names = [p["name"] for p in body["data"]]
    assert "temperature" in names and "tfs_z" in names
    removed = get(client, "/api/params", status="removed")["data"]
    assert {p["status"] for p in removed} == {"removed"}
    assert "tfs_z" in {p["name"] for p in removed}
    assert "status must be one of" in get(client, "/api/params?status=gone", expect=400)["error"]
    assert "unknown query parameter" in get(client, "/api/params?x=1", expect=400)["error"]


def test_unknown_path_is_404(client: httpx.Client) -> None:
    response = client.get("/api/nothing")
    assert response.status_code == 404
    assert response.json() == {
        "success": False,
        "error": "no such endpoint: /api/nothing (see /openapi.json)",
    }


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_the_api_is_read_only(client: httpx.Client, method: str) -> None:
    response = client.request(method, "/api/models", content=b'{"name": "x"}')
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    body = response.json()
    assert body["success"] is False
    Draft202012Validator(DOC["components"]["schemas"]["Error"]).validate(body)


def test_head_has_headers_and_no_body(server: RegistryServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1])
    connection.request("HEAD", "/api/stats")
    response = connection.getresponse()
    assert response.status == 200
    assert int(response.headers["Content-Length"]) > 0
    assert response.read() == b""
    connection.close()


def test_foreign_host_header_is_refused_on_loopback(client: httpx.Client) -> None:
    response = client.get("/health", headers={"Host": "evil.example:3001"})
    assert response.status_code == 403
    _validate("/health", 403, response.json())
    assert client.get("/health", headers={"Host": "localhost:3001"}).status_code == 200
    assert client.get("/health", headers={"Host": "[::1]:3001"}).status_code == 200


def test_an_unusable_registry_is_a_500(registry_path: Path, server: RegistryServer) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{registry_path}{suffix}").unlink(missing_ok=True)
    registry_path.write_bytes(b"garbage" * 1000)
    with httpx.Client(base_url=server.url, trust_env=False) as http:
        response = http.get("/api/stats")
    assert response.status_code == 500
    assert "modelfile-ls registry reset" in response.json()["error"]
    _validate("/api/stats", 500, response.json())


def test_models_filtered_by_installed_and_sorted(client: httpx.Client) -> None:
    installed = get(client, "/api/models", installed="true")
    assert [m["name"] for m in installed["data"]] == ["llama3.2"]
    assert installed["data"][0]["installed"] is True
    missing = get(client, "/api/models", installed="false", limit="1000")
    assert missing["total"] == 139 and not any(m["installed"] for m in missing["data"])
    widest = get(client, "/api/models", sort="context", order="desc", limit="3")["data"]
    longest = [max(v["context_length"] or 0 for v in m["variants"]) for m in widest]
    assert longest == sorted(longest, reverse=True)
    by_family = get(client, "/api/models", sort="family", limit="1000")["data"]
    families = [m["family"] or "" for m in by_family]
    assert families == sorted(families)


def test_bad_sort_installed_and_order_values_are_400s(client: httpx.Client) -> None:
    for key, value in (("sort", "size"), ("order", "up"), ("installed", "yes")):
        body = get(client, "/api/models", 400, **{key: value})
        assert body["error"].startswith(f"{key} must be one of")


def test_metrics_listing_with_filters(client: httpx.Client) -> None:
    body = get(client, "/api/metrics")
    assert [(m["model"], m["value"]) for m in body["data"]] == [("llama3.2", 25.5)]
    assert get(client, "/api/metrics", hardware="gpu")["data"] == []
    assert get(client, "/api/metrics", model="llama3.2", metric="tokens_per_second")["total"] == 1
    assert get(client, "/api/metrics", 404, model="nope")["error"] == "no model 'nope'"


def test_modelfiles_by_the_model_their_from_names(client: httpx.Client) -> None:
    body = get(client, "/api/modelfiles", model="Qwen2.5-Coder")
    (saved,) = body["data"]
    assert saved["name"] == "coder"
    assert parse_bytes(saved["text"].encode()).ollama_error is None
    assert saved["text"].splitlines()[::2] == ["FROM qwen2.5-coder:7b", "SYSTEM You review code."]
    assert [e["kind"] for e in saved["elements"]] == ["from", "system"]
    assert get(client, "/api/modelfiles", model="llama3.2")["data"] == []
    assert get(client, "/api/modelfiles")["total"] == 1


def test_hosts_report_configured_and_synced_hosts(client: httpx.Client) -> None:
    body = get(client, HOSTS_PATH)
    by_host = {h["host"]: h for h in body["data"]}
    assert list(by_host) == ["http://127.0.0.1:9", "http://127.0.0.1:11434"]
    down = by_host["http://127.0.0.1:9"]
    assert (down["reachable"], down["version"], down["models"]) == (False, None, 0)
    assert "127.0.0.1:9" in down["message"]
    assert by_host["http://127.0.0.1:11434"]["models"] == 1


def test_dashboard_page_and_assets_are_served_with_a_strict_policy(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert '<script type="module" src="/assets/app.js"></script>' in page.text
    script = client.get("/assets/app.js")
    assert script.headers["content-type"] == "text/javascript; charset=utf-8"
    assert "innerHTML" not in script.text and "insertAdjacentHTML" not in script.text
    for response in (page, script, client.get("/api/stats")):
        assert "script-src 'self'" in response.headers["content-security-policy"]
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 403
