from __future__ import annotations

from slack_bolt import App

from asisten.bot.blocks import VIEW_FEEDBACK_REASON
from asisten.bot.listeners.views.feedback_reason import handle_feedback_reason


def register(app: App) -> None:
    app.view(VIEW_FEEDBACK_REASON)(handle_feedback_reason)
