"""Every Bolt listener, registered per kind (events, commands, actions, views)."""

from __future__ import annotations

from slack_bolt import App

from asisten.bot.listeners import actions, commands, events, views


def register(app: App) -> None:
    events.register(app)
    commands.register(app)
    actions.register(app)
    views.register(app)
