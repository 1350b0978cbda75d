"""The `showcase` command line: one module per command, shared options in `options`,
and the load → warn → render → write → report pipeline in `report`."""

from showcase.cli.app import cli, main

__all__ = ["cli", "main"]
