from __future__ import annotations

import re

from slack_bolt import App

from asisten.bot.admin import (
    ACTION_DOCUMENT_DELETE,
    ACTION_GAP_UPLOAD,
    ACTION_UPLOAD_CANCEL,
    ACTION_UPLOAD_CONFIRM,
    ACTION_UPLOAD_CORRECT,
)
from asisten.bot.blocks import (
    ACTION_ASK_OPTION,
    ACTION_FEEDBACK_DOWN,
    ACTION_FEEDBACK_UP,
    ACTION_REPLICATE,
    ACTION_SHOW_PROVISION,
)
from asisten.bot.listeners.actions.ask_option import handle_ask_option
from asisten.bot.listeners.actions.document_delete import handle_delete_confirm
from asisten.bot.listeners.actions.draft_choice import handle_draft_choice
from asisten.bot.listeners.actions.draft_continue import handle_continue_draft
from asisten.bot.listeners.actions.draft_delete import handle_delete_draft
from asisten.bot.listeners.actions.draft_export import handle_export_draft
from asisten.bot.listeners.actions.draft_form import handle_draft_form
from asisten.bot.listeners.actions.draft_new import handle_new_draft
from asisten.bot.listeners.actions.draft_overview import handle_draft_overview
from asisten.bot.listeners.actions.draft_place import handle_place_message
from asisten.bot.listeners.actions.draft_replicate import handle_replicate_case
from asisten.bot.listeners.actions.feedback import handle_feedback
from asisten.bot.listeners.actions.gap_upload import handle_gap_upload
from asisten.bot.listeners.actions.show_provision import handle_show_provision
from asisten.bot.listeners.actions.upload_cancel import handle_upload_cancel
from asisten.bot.listeners.actions.upload_confirm import handle_upload_confirm
from asisten.bot.listeners.actions.upload_correct import handle_upload_correct
from asisten.bot.usulan_blocks import (
    ACTION_CHOICE,
    ACTION_CONTINUE,
    ACTION_DELETE,
    ACTION_EDIT,
    ACTION_EXPORT,
    ACTION_NEW,
    ACTION_OVERVIEW,
    ACTION_PLACE,
)


def register(app: App) -> None:
    app.action(ACTION_FEEDBACK_UP)(handle_feedback)
    app.action(ACTION_FEEDBACK_DOWN)(handle_feedback)
    app.action(re.compile(rf"^{ACTION_SHOW_PROVISION}_\d+$"))(handle_show_provision)
    app.action(re.compile(rf"^{ACTION_ASK_OPTION}_\d+$"))(handle_ask_option)
    app.action(re.compile(rf"^{ACTION_CHOICE}_\d+$"))(handle_draft_choice)
    app.action(ACTION_EDIT)(handle_draft_form)
    app.action(ACTION_NEW)(handle_new_draft)
    app.action(ACTION_OVERVIEW)(handle_draft_overview)
    app.action(re.compile(rf"^{ACTION_REPLICATE}_\d+$"))(handle_replicate_case)
    app.action(re.compile(rf"^{ACTION_PLACE}_\w+$"))(handle_place_message)
    app.action(ACTION_CONTINUE)(handle_continue_draft)
    app.action(ACTION_EXPORT)(handle_export_draft)
    app.action(ACTION_DELETE)(handle_delete_draft)
    app.action(ACTION_UPLOAD_CONFIRM)(handle_upload_confirm)
    app.action(ACTION_UPLOAD_CORRECT)(handle_upload_correct)
    app.action(ACTION_UPLOAD_CANCEL)(handle_upload_cancel)
    app.action(ACTION_DOCUMENT_DELETE)(handle_delete_confirm)
    app.action(ACTION_GAP_UPLOAD)(handle_gap_upload)
