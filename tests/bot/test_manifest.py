"""The committed manifests ask for exactly what the bot uses, in both run modes."""

from __future__ import annotations

import json

import pytest

from asisten.bot.listeners.commands import COMMAND
from asisten.config import PROJECT_ROOT

# Each scope, and why the bot needs it.
SCOPES = {
    "app_mentions:read": "app_mention events",
    "channels:history": "follow-ups in public-channel threads (message.channels)",
    "groups:history": "follow-ups in private-channel threads (message.groups)",
    "im:history": "questions by DM (message.im)",
    "chat:write": "chat.postMessage",
    "commands": "/asisten",
    "reactions:write": "the progress reaction",
    "im:write": "conversations.open: a draft started by /asisten usulan goes to the user's DM",
    "files:write": "files_upload_v2: the exported proposal",
    "files:read": "downloading a document an admin shares (url_private)",
}
EVENTS = {"app_home_opened", "app_mention", "message.channels", "message.groups", "message.im"}


@pytest.fixture(params=["manifest.json", "manifest.http.json"])
def manifest(request) -> dict:
    return json.loads((PROJECT_ROOT / request.param).read_text())


def test_scopes_events_and_command(manifest):
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == set(SCOPES)
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == EVENTS
    [command] = manifest["features"]["slash_commands"]
    assert command["command"] == COMMAND
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True


def test_http_manifest_points_every_url_at_bolts_path():
    manifest = json.loads((PROJECT_ROOT / "manifest.http.json").read_text())
    urls = [
        manifest["features"]["slash_commands"][0]["url"],
        manifest["settings"]["event_subscriptions"]["request_url"],
        manifest["settings"]["interactivity"]["request_url"],
    ]
    assert all(url.endswith("/slack/events") for url in urls)
    assert manifest["settings"]["socket_mode_enabled"] is False
