"""The names of the `--check` report formats: the one list the CLI and `report.render` share.

A leaf module (no imports), so the CLI can offer the choices without loading any renderer.
"""

from __future__ import annotations

FORMATS = ("text", "json", "github", "sarif")
"""Every format `modelfile-ls --check --format` accepts; `text` is the default."""
