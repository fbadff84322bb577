"""`asisten`: the engine from a terminal. Each subcommand lives in its own module."""

from __future__ import annotations

import typer

from asisten.cli import admin, bot, chat, db, indeks, tanya, usulan

app = typer.Typer(
    help="Asisten inovasi daerah: jawaban bersitasi dari regulasi, praktik baik, FAQ, dan panduan.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("indeks", help="Bangun atau perbarui indeks pengetahuan.")(indeks.indeks)
app.command("tanya", help="Ajukan satu pertanyaan (atau satu per baris dari stdin).")(tanya.tanya)
app.command("chat", help="Percakapan interaktif di terminal.")(chat.chat)
app.command("demo", help="Siapkan indeks bila belum ada, lalu mulai percakapan.")(chat.demo)
app.command("bot", help="Jalankan bot Slack (Socket Mode, atau --http).")(bot.bot)
app.add_typer(usulan.app, name="usulan")
app.add_typer(admin.app, name="admin")
app.add_typer(db.app, name="db")
