from __future__ import annotations

from slack_bolt import App

from asisten.bot.admin import VIEW_CORRECT
from asisten.bot.blocks import VIEW_FEEDBACK_REASON
from asisten.bot.listeners.views.admin_koreksi import handle_upload_correction
from asisten.bot.listeners.views.feedback_reason import handle_feedback_reason
from asisten.bot.listeners.views.usulan_semua import handle_draft_overview_submit
from asisten.bot.listeners.views.usulan_ubah import handle_draft_edit
from asisten.bot.usulan_blocks import VIEW_EDIT, VIEW_OVERVIEW


def register(app: App) -> None:
    app.view(VIEW_FEEDBACK_REASON)(handle_feedback_reason)
    app.view(VIEW_EDIT)(handle_draft_edit)
    app.view(VIEW_OVERVIEW)(handle_draft_overview_submit)
    app.view(VIEW_CORRECT)(handle_upload_correction)
