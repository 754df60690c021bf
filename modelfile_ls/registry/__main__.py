"""`python -m modelfile_ls.registry ARGS` is `modelfile-ls registry ARGS`."""

import sys

from modelfile_ls.registry.cli import main

sys.exit(main(sys.argv[1:]))
