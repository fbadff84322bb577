"""`asisten chat` and `asisten demo`: the terminal conversation."""

from __future__ import annotations

import typer

from asisten.cli.common import cli_user, engine, friendly_errors, settings, stdin_is_terminal
from asisten.cli.output import answer_text

SAMPLE_QUESTION = "Siapa saja yang dapat mengusulkan inovasi daerah dan apa isi proposalnya?"
_EXIT_WORDS = {"keluar", "exit", "quit", "selesai"}


def chat() -> None:
    with friendly_errors():
        _loop(settings())


def demo() -> None:
    """First run: build the index if there is none, then chat (or answer one sample question)."""
    from asisten.cli.indeks import build, report
    from asisten.indeks.store import IndexStore

    with friendly_errors():
        config = settings()
        if IndexStore(config.index_dir).current_name() is None:
            typer.echo(f"Menyiapkan indeks pengetahuan di {config.index_dir} (sekali saja)…")
            report(build(config, [config.corpus_dir]))
        if stdin_is_terminal():
            _loop(config)
        else:
            typer.echo(f"Pertanyaan contoh: {SAMPLE_QUESTION}\n")
            typer.echo(answer_text(engine(config).answer(SAMPLE_QUESTION)))


def _loop(config) -> None:
    from pathlib import Path

    from asisten.percakapan import Conversation
    from asisten.percakapan.router import SessionRouter
    from asisten.percakapan.session import ChatSession
    from asisten.usulan import build_flow

    core = engine(config)
    conversation = Conversation(core, config.prompts_dir)
    flow = build_flow(config, ask=conversation.ask, engine=core)
    session = ChatSession(SessionRouter(conversation, flow), cli_user(config), Path.cwd())
    typer.echo(
        'Asisten inovasi daerah. Ketik pertanyaan, "bantuan", "buat usulan", "lanjut", atau "keluar".'
    )
    while True:
        try:
            message = input("\nAnda> ")
        except EOFError:
            break
        if message.strip().lower() in _EXIT_WORDS:
            break
        reply = session.reply(message)
        shown = [answer_text(reply.answer)] if reply.answer else []
        typer.echo("\n" + "\n\n".join(shown + ([reply.text] if reply.text else [])))
    typer.echo("Sampai jumpa.")
