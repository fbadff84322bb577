from __future__ import annotations

import re

from slack_bolt import App

from asisten.bot.blocks import ACTION_FEEDBACK_DOWN, ACTION_FEEDBACK_UP, ACTION_SHOW_PROVISION
from asisten.bot.listeners.actions.feedback import handle_feedback
from asisten.bot.listeners.actions.show_provision import handle_show_provision


def register(app: App) -> None:
    app.action(ACTION_FEEDBACK_UP)(handle_feedback)
    app.action(ACTION_FEEDBACK_DOWN)(handle_feedback)
    app.action(re.compile(rf"^{ACTION_SHOW_PROVISION}_\d+$"))(handle_show_provision)
