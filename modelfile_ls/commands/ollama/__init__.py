"""The Ollama verbs of the command line (`create`, `pull`, `push`, `copy`, `delete`, `list`,
`ps`, `show`, `version`, `extract`, `bench`, `hosts`): one module per group, each rendering an
operation of `modelfile_ls.ollama`; `common` holds what they share."""
