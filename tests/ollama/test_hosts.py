"""Which hosts are configured, whether each answers, and failover for reads and pulls."""

from __future__ import annotations

import pytest

from modelfile_ls.ollama.errors import OllamaUnreachable
from modelfile_ls.ollama.hosts import Hosts, HostStatus, check_hosts, configured_hosts
from modelfile_ls.settings import Settings
from tests.fake_ollama import FakeModel, FakeOllama, refused_url


def test_configured_hosts_in_order_of_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_HOST", "0.0.0.0:9000")
    both = Settings(ollama_host="h:1", ollama_hosts=("a", "b:2", "a:11434"))
    assert configured_hosts(["x", "y:5"], both) == ["http://x:11434", "http://y:5"]
    assert configured_hosts([], both) == ["http://a:11434", "http://b:2"]
    assert configured_hosts([], Settings(ollama_host="h:1")) == ["http://h:1"]
    assert configured_hosts([], Settings()) == ["http://127.0.0.1:9000"]
    assert configured_hosts([], None) == ["http://127.0.0.1:9000"]
    monkeypatch.delenv("OLLAMA_HOST")
    assert configured_hosts([], None) == ["http://127.0.0.1:11434"]


def test_check_hosts_reports_each_host_in_order() -> None:
    down = refused_url()
    with FakeOllama(version="0.32.15") as up:
        up.failures["/api/version"] = (500, {"error": "boom"})
        broken = up.url
        with FakeOllama() as good:
            statuses = check_hosts([down, broken, good.url], timeout=2.0)
    assert [s.url for s in statuses] == [down, broken, good.url]
    assert statuses[0] == HostStatus(down, False, "", None, "connection refused")
    assert statuses[1].error == "answered 500: boom" and not statuses[1].reachable
    assert statuses[2].reachable and statuses[2].version == "0.33.0-rc2"
    assert statuses[2].latency_ms is not None and statuses[2].error == ""
    assert statuses[2].to_json()["reachable"] is True
    assert check_hosts([]) == []


def test_reads_fail_over_to_the_next_healthy_host_with_a_notice() -> None:
    down = refused_url()
    with FakeOllama([FakeModel("llama3.2")]) as second, Hosts([down, second.url]) as hosts:
        client, notices = hosts.for_read()
        assert client.base_url == second.url
        assert [n.text for n in notices] == [f"{down} refused the connection; using {second.url}"]
        assert hosts.primary().base_url == down
        assert hosts.for_read()[0] is client  # one pooled client per host


def test_no_healthy_host_names_every_address() -> None:
    first, second = refused_url(), refused_url()
    with (
        Hosts([first, second], connect_timeout=1.0) as hosts,
        pytest.raises(OllamaUnreachable) as caught,
    ):
        hosts.for_read()
    assert str(caught.value) == (
        f"could not connect to Ollama at {first} (connection refused), {second}"
        " (connection refused)"
    )


def test_one_host_is_used_without_a_probe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OLLAMA_HOST", raising=False)
    assert Hosts([]).urls == ["http://127.0.0.1:11434"]
    with FakeOllama() as only, Hosts([only.url]) as hosts:
        client, notices = hosts.for_read()
        assert (client.base_url, notices) == (only.url, [])
        assert only.requests == []
