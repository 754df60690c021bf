"""`python -m modelfile_ls` runs the same entry point as the `modelfile-ls` script."""

import sys

from modelfile_ls.cli import main

sys.exit(main())
