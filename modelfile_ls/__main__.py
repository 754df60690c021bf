"""`python -m modelfile_ls` runs the same entry point as the `modelfile-ls` script."""

from modelfile_ls.cli import run

run()
