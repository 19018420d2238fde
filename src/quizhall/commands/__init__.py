"""One module per ``quizhall`` subcommand, each with ``configure(parser)`` and ``run(args)``."""
