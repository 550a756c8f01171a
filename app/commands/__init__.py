"""One module per `medido` subcommand; see app/cli.py."""
