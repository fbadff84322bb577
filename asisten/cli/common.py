"""What every subcommand needs: settings, friendly errors, the engine."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer

from asisten.config import Settings, load_settings
from asisten.errors import AsistenError


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Translate our errors into an Indonesian message and exit code 1, never a traceback."""
    try:
        yield
    except AsistenError as exc:
        typer.secho(f"Galat: {exc}", err=True, fg=typer.colors.RED)
        raise typer.Exit(1) from exc
    except KeyboardInterrupt:
        typer.echo("\nDihentikan.", err=True)
        raise typer.Exit(130) from None


def usage_error(message: str) -> NoReturn:
    """A wrong argument or option: the message in red on stderr, exit status 2 (typer's own)."""
    typer.secho(message, err=True, fg="red")
    raise typer.Exit(2)


def settings() -> Settings:
    return load_settings()


def engine(settings: Settings):
    """The engine of `tanya` and `chat`: it keeps declined questions for `asisten admin celah`."""
    from asisten.celah.record import RecordingEngine

    return RecordingEngine(settings)


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def cli_user(settings: Settings) -> str:
    """Who owns drafts written in the terminal: ASISTEN_USER, else the login name."""
    import getpass

    return settings.cli_user or f"cli-{getpass.getuser()}"
