"""The connection state of the Ollama hosts the registry knows, for the dashboard's hosts view.

A host is known when it is configured (`OLLAMA_HOST`, or the server's own list) or when `sync`
stored an inventory from it. Each is asked for `/api/version` in parallel with a short timeout
by `ollama.hosts.check_hosts` (the same health check as the `hosts` verb and the failover), and
answers are kept for a few seconds so that a page reload does not probe again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from modelfile_ls.ollama.address import resolve_base_url
from modelfile_ls.ollama.hosts import HostStatus, check_hosts
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


class HostMonitor:
    """Probes the known hosts, caching each answer for `CACHE_SECONDS`."""

    def __init__(self, configured: Sequence[str] = ()) -> None:
        self.configured = [resolve_base_url(h) for h in configured] or [resolve_base_url(None)]
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, HostStatus]] = {}

    def states(self, registry: Registry) -> list[HostState]:
        """Every configured or synced host with its state, configured ones first."""
        inventory: dict[str, list[str]] = {}
        for install in registry.installed_models():
            inventory.setdefault(install.host, []).append(install.synced_at)
        hosts = list(dict.fromkeys([*self.configured, *sorted(inventory)]))
        answers = self._statuses(hosts)
        return [
            HostState(
                host=host,
                reachable=status.reachable,
                version=status.version if status.reachable else None,
                latency_ms=status.latency_ms,
                models=len(inventory.get(host, [])),
                synced_at=max(inventory[host]) if inventory.get(host) else None,
                message=f"{host}: {status.error}" if status.error else "",
            )
            for host, status in zip(hosts, answers, strict=True)
        ]

    def _statuses(self, hosts: list[str]) -> list[HostStatus]:
        """Each host's status: cached when fresh, else probed (all stale ones in parallel)."""
        now = time.monotonic()
        with self._lock:
            fresh = {
                host: cached[1]
                for host in hosts
                if (cached := self._cache.get(host)) is not None and now - cached[0] < CACHE_SECONDS
            }
        stale = [host for host in hosts if host not in fresh]
        probed = dict(zip(stale, check_hosts(stale, timeout=PROBE_TIMEOUT), strict=True))
        with self._lock:
            for host, status in probed.items():
                self._cache[host] = (time.monotonic(), status)
        return [fresh.get(host) or probed[host] for host in hosts]
