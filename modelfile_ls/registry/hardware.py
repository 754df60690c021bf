"""How "this machine's hardware" is named in performance metrics, in one function.

`bench` records its measurements under `hardware_id()`, and hover looks up the best
recorded speed on this machine under the same string, so the two always agree. The name is
built from facts that stay the same between runs (system, architecture, CPU model, logical
CPUs, memory rounded to whole GB, NVIDIA GPU models when the driver lists them) and never
from anything that changes (load, free memory). `$MODELFILE_LS_HARDWARE` overrides it, for
a machine the user wants to call by its own name.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Mapping
from pathlib import Path

HARDWARE_ENV = "MODELFILE_LS_HARDWARE"
_CPUINFO = Path("/proc/cpuinfo")
_NVIDIA_GPUS = Path("/proc/driver/nvidia/gpus")


def hardware_id(environ: Mapping[str, str] | None = None) -> str:
    """This machine's hardware as metrics name it: `linux x86_64, AMD EPYC, 2 CPUs, 25 GB`."""
    env = os.environ if environ is None else environ
    override = env.get(HARDWARE_ENV, "").strip()
    if override:
        return override
    parts = [f"{platform.system().lower()} {platform.machine().lower()}".strip()]
    cpu = _cpu_model()
    if cpu:
        parts.append(cpu)
    parts.append(f"{os.cpu_count() or 1} CPUs")
    memory = _memory_gb()
    if memory is not None:
        parts.append(f"{memory} GB")
    parts += _gpu_models()
    return ", ".join(parts)


def _cpu_model() -> str:
    try:
        for line in _CPUINFO.read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, value = line.partition(":")
            if key.strip() in ("model name", "Model", "Hardware") and value.strip():
                return " ".join(value.split())
    except OSError:
        pass
    return " ".join(platform.processor().split())


def _memory_gb() -> int | None:
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        # Windows has no sysconf; the rest of the name still tells machines apart.
        return None
    return round(total / 1e9) if total > 0 else None


def _gpu_models() -> list[str]:
    models: list[str] = []
    try:
        cards = sorted(_NVIDIA_GPUS.iterdir())
    except OSError:
        return models
    for card in cards:
        try:
            text = (card / "information").read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for line in text.splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "Model" and value.strip():
                models.append(" ".join(value.split()))
    return models
