"""Output formats of `modelfile-ls --check`."""
