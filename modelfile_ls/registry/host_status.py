"""The connection state of the Ollama hosts the registry knows, for the dashboard's hosts view.

A host is known when it is configured (`OLLAMA_HOST`, or the server's own list) or when `sync`
stored an inventory from it. Each is asked for `/api/version` in parallel with a short timeout,
and answers are kept for a few seconds so that a page reload does not probe again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from modelfile_ls.ollama.client import OllamaClient, OllamaError, resolve_base_url
from modelfile_ls.registry.store import Registry

PROBE_TIMEOUT = 1.5
"""Seconds a host may take to answer before it counts as unreachable."""
CACHE_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class HostState:
    """One Ollama host as the dashboard shows it."""

    host: str
    reachable: bool
    version: str | None
    latency_ms: float | None
    models: int
    synced_at: str | None
    message: str

    def to_json(self) -> dict[str, Any]:
        """JSON object."""
        return {
            "host": self.host,
            "reachable": self.reachable,
            "version": self.version,
            "latency_ms": self.latency_ms,
            "models": self.models,
            "synced_at": self.synced_at,
            "message": self.message,
        }


def probe(base_url: str) -> tuple[bool, str | None, float | None, str]:
    """Ask one host for its version: (reachable, version, latency in ms, message)."""
    started = time.perf_counter()
    try:
        with OllamaClient(base_url, timeout=PROBE_TIMEOUT) as client:
            version = client.version()
    except OllamaError as exc:
        return False, None, None, str(exc)
    return True, version, round((time.perf_counter() - started) * 1000, 1), ""


class HostMonitor:
    """Probes the known hosts, caching each answer for `CACHE_SECONDS`."""

    def __init__(self, configured: Sequence[str] = ()) -> None:
        self.configured = [resolve_base_url(h) for h in configured] or [resolve_base_url(None)]
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, tuple[bool, str | None, float | None, str]]] = {}

    def states(self, registry: Registry) -> list[HostState]:
        """Every configured or synced host with its state, configured ones first."""
        inventory: dict[str, list[str]] = {}
        for install in registry.installed_models():
            inventory.setdefault(install.host, []).append(install.synced_at)
        hosts = list(dict.fromkeys([*self.configured, *sorted(inventory)]))
        with ThreadPoolExecutor(max_workers=min(8, len(hosts))) as pool:
            answers = list(pool.map(self._probe, hosts))
        return [
            HostState(
                host=host,
                reachable=reachable,
                version=version,
                latency_ms=latency,
                models=len(inventory.get(host, [])),
                synced_at=max(inventory[host]) if inventory.get(host) else None,
                message=message,
            )
            for host, (reachable, version, latency, message) in zip(hosts, answers, strict=True)
        ]

    def _probe(self, host: str) -> tuple[bool, str | None, float | None, str]:
        now = time.monotonic()
        with self._lock:
            cached = self._cache.get(host)
        if cached is not None and now - cached[0] < CACHE_SECONDS:
            return cached[1]
        answer = probe(host)
        with self._lock:
            self._cache[host] = (time.monotonic(), answer)
        return answer
