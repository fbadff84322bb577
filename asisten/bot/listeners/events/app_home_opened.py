"""The App Home tab: a short guide and example questions."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from asisten.bot.blocks import build_home_view
from asisten.bot.services import BotServices

log = logging.getLogger("asisten.bot")


def handle_app_home_opened(event: dict, client: WebClient, services: BotServices) -> None:
    if event.get("tab", "home") != "home":
        return
    view = build_home_view(services.render("beranda.txt.j2"))
    try:
        client.views_publish(user_id=event["user"], view=view)
    except SlackApiError as exc:
        log.error("home not published user=%s error=%s", event["user"], exc.response.get("error"))
