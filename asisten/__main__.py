"""`python -m asisten …` is the `asisten` command (handy where the script is not on PATH)."""

from asisten.cli.main import app

app(prog_name="asisten")
