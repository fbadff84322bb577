"""The `asisten` command line."""
