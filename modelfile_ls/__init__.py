"""modelfile-ls: editor tooling and a checker for Ollama Modelfiles."""

__version__ = "0.1.0"
