from peoplecraft.cli.main import run

run()
