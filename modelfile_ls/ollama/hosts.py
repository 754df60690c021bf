"""The configured Ollama hosts: which ones, whether each answers, and which one to use.

Reads and pulls go to the first host that answers (with a Notice for each one skipped), writes
(create, push, copy, delete) always to the first: a model created on a fallback host would be
somewhere the user does not expect. One pooled OllamaClient per host serves every call.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from modelfile_ls.closing import Closing
from modelfile_ls.ollama.address import resolve_base_url
from modelfile_ls.ollama.client import CONNECT_TIMEOUT, DEFAULT_TIMEOUT, OllamaClient
from modelfile_ls.ollama.errors import OllamaError, OllamaHTTPError, OllamaUnreachable
from modelfile_ls.ollama.events import Notice
from modelfile_ls.settings import Settings


def configured_hosts(flag_hosts: Sequence[str], settings: Settings | None) -> list[str]:
    """Base URLs in failover order: --host flags, else settings.ollama_hosts, else
    settings.ollama_host, else OLLAMA_HOST, else http://127.0.0.1:11434 (each via parse_host)."""
    values: Sequence[str | None]
    if flag_hosts:
        values = flag_hosts
    elif settings is not None and settings.ollama_hosts:
        values = settings.ollama_hosts
    elif settings is not None and settings.ollama_host:
        values = [settings.ollama_host]
    else:
        values = [os.environ.get("OLLAMA_HOST", "")]
    return list(dict.fromkeys(resolve_base_url(value or "") for value in values))


@dataclass(frozen=True, slots=True)
class HostStatus:
    """One host's health: whether `/api/version` answered, and how fast."""

    url: str
    reachable: bool
    version: str
    latency_ms: float | None
    error: str
    """Why the host is not usable ("" when it is)."""

    def to_json(self) -> dict[str, object]:
        """JSON object (what `hosts --format json` and the language server answer)."""
        return {
            "url": self.url,
            "reachable": self.reachable,
            "version": self.version,
            "latency_ms": self.latency_ms,
            "error": self.error,
        }


def _reason(url: str, exc: OllamaError) -> str:
    """A few words on why a host was skipped, for the Notice and the final error."""
    if isinstance(exc, OllamaUnreachable):
        return "; ".join(reason for failed, reason in exc.failures if failed == url) or str(exc)
    if isinstance(exc, OllamaHTTPError):
        return f"answered {exc.status}: {exc.message}"
    return str(exc)


def probe(client: OllamaClient) -> HostStatus:
    """Ask one host for its version (the cheapest call Ollama answers)."""
    started = time.perf_counter()
    try:
        version = client.version()
    except OllamaError as exc:
        return HostStatus(client.base_url, False, "", None, _reason(client.base_url, exc))
    latency = round((time.perf_counter() - started) * 1000, 1)
    return HostStatus(client.base_url, True, version, latency, "")


def check_hosts(urls: Sequence[str], *, timeout: float = 2.0) -> list[HostStatus]:
    """Probe every host in parallel (each within `timeout` seconds), in the order given."""
    if not urls:
        return []

    def one(url: str) -> HostStatus:
        with OllamaClient(url, timeout=timeout) as client:
            return probe(client)

    with ThreadPoolExecutor(max_workers=min(8, len(urls))) as pool:
        return list(pool.map(one, urls))


def _skipped(url: str, reason: str, used: str) -> Notice:
    if reason == "connection refused":
        return Notice(f"{url} refused the connection; using {used}")
    return Notice(f"{url} is not usable ({reason}); using {used}")


class Hosts(Closing):
    """The configured hosts with one pooled OllamaClient per host; a context manager."""

    def __init__(
        self,
        urls: Sequence[str],
        *,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.urls = list(dict.fromkeys(resolve_base_url(url) for url in urls)) or [
            resolve_base_url(None)
        ]
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self._clients: dict[str, OllamaClient] = {}

    def client(self, url: str) -> OllamaClient:
        """The pooled client of one configured host (created on first use)."""
        if url not in self._clients:
            self._clients[url] = OllamaClient(
                url, timeout=self.read_timeout, connect_timeout=self.connect_timeout
            )
        return self._clients[url]

    def primary(self) -> OllamaClient:
        """The first host: where writes go (create, push, copy, delete)."""
        return self.client(self.urls[0])

    def for_read(self) -> tuple[OllamaClient, list[Notice]]:
        """The first healthy host (reads and pulls), with a Notice per host skipped;
        OllamaUnreachable naming all of them when none answers."""
        if len(self.urls) == 1:
            # Nothing to fail over to: the call itself reports what is wrong with the host.
            return self.primary(), []
        failures: list[tuple[str, str]] = []
        for url in self.urls:
            status = probe(self.client(url))
            if status.reachable:
                return self.client(url), [_skipped(u, why, url) for u, why in failures]
            failures.append((url, status.error))
        raise OllamaUnreachable(failures)

    def interrupt(self) -> None:
        """Hang up every stream in flight on any host, from any thread (a cancel)."""
        for client in list(self._clients.values()):
            client.interrupt()

    def close(self) -> None:
        """Close every host's connection pool."""
        for client in self._clients.values():
            client.close()
        self._clients.clear()
