"""modelfile-ls: editor tooling and a checker for Ollama Modelfiles."""

import os as _os

from modelfile_ls.code_image import install as _install_code_image

__version__ = "0.1.0"

CODE_IMAGE = _install_code_image(__name__, _os.path.dirname(__file__))
"""Serves the package's modules from one file of compiled code (code_image.py says why)."""
