from __future__ import annotations

from slack_bolt import App

from asisten.bot.listeners.events.app_home_opened import handle_app_home_opened
from asisten.bot.listeners.events.app_mention import handle_app_mention
from asisten.bot.listeners.events.message import handle_message


def register(app: App) -> None:
    app.event("app_mention")(handle_app_mention)
    app.event("message")(handle_message)
    app.event("app_home_opened")(handle_app_home_opened)
