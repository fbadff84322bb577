"""The App Home tab: a short guide, example questions and the user's drafts."""

from __future__ import annotations

import logging

from slack_sdk import WebClient

from asisten.bot.drafting import publish_home
from asisten.bot.services import BotServices

log = logging.getLogger("asisten.bot")


def handle_app_home_opened(event: dict, client: WebClient, services: BotServices) -> None:
    if event.get("tab", "home") != "home":
        return
    try:
        publish_home(services, client, event["user"])
    except Exception as exc:  # the tab stays as it was; nothing to apologise in
        log.error("home not published user=%s error=%s", event["user"], exc)
