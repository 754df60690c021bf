"""The analysis core: rules over a parsed Modelfile. It never imports the LSP libraries."""

from modelfile_ls.analysis.engine import analyze
from modelfile_ls.analysis.finding import Finding, Fix, Related, Severity, TextEdit

__all__ = ["Finding", "Fix", "Related", "Severity", "TextEdit", "analyze"]
