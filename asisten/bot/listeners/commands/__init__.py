from __future__ import annotations

from slack_bolt import App

from asisten.bot.listeners.commands.asisten import handle_asisten_command

COMMAND = "/asisten"


def register(app: App) -> None:
    app.command(COMMAND)(handle_asisten_command)
