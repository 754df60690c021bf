"""Facts about the Modelfile language, one module per subject; `modelfile_ls.facts.read_facts`
reads them, and nothing else holds these facts.

Python literals rather than JSON: a `--check` reads parameters, instructions and the template
language on every run, and `json` (with the `re` it imports) would be a tenth of its start-up
(bench/lazy_imports.py, "check path: json" and "check path: re"). Each `load()` returns a
fresh copy, so no reader can change what another reads.
"""
