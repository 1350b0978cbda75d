from showcase.cli.ending import run

run()
