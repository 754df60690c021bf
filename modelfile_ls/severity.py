"""How serious a finding is: a leaf type shared by the analysis, the settings and the reports.

It lives apart from `analysis.finding` so that `settings` (which the analysis engine imports)
can use it without importing the analysis package.
"""

from __future__ import annotations

from modelfile_ls.light_stdlib import IntEnum


class Severity(IntEnum):
    """How serious a finding is; errors mean `ollama create` would fail."""

    HINT = 1
    INFO = 2
    WARNING = 3
    ERROR = 4

    @property
    def label(self) -> str:
        """Lower-case name used in output formats and configuration."""
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read a severity name (`error`, `warning`, `info`, `hint`)."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {text!r} (use error, warning, info or hint)"
            ) from None
