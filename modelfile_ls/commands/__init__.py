"""The sub-commands of `modelfile-ls`, one module per command group (see `cli.SUBCOMMANDS`)."""
