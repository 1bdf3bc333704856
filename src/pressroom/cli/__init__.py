"""The command line: ``cli.app`` holds the Typer app and the one place where errors
become exit codes; ``cli.commands`` has one module a command; ``cli.main`` is the program."""
