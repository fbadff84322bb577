"""Build and send signed requests to a Bolt app running in HTTP mode, the way Slack does.

Slack delivers events, slash commands and interactions as POSTs signed with the app's
signing secret (``X-Slack-Signature: v0=<hmac>``). These helpers produce bodies shaped
like Slack's real payloads, the signature headers for them, and a small ``post`` that
returns the status instead of raising so tests can assert on 401s and retries.

``response_url`` defaults point at a closed local port so a forgotten argument fails
fast instead of reaching out to hooks.slack.com; pass ``FakeSlack.response_url()``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import time
import urllib.error
import urllib.request
import uuid
from typing import Any
from urllib.parse import urlencode

__all__ = [
    "action_body",
    "command_body",
    "event_body",
    "new_trigger_id",
    "new_ts",
    "post",
    "sign",
    "view_submission_body",
]

TEAM_ID = "T1"
TEAM_DOMAIN = "asisten-test"
API_APP_ID = "A1"
BOT_USER_ID = "UBOT"
VERIFICATION_TOKEN = "verification-token"
UNSET_RESPONSE_URL = "http://127.0.0.1:9/response_url/unset"

_counter = itertools.count(1)


def sign(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    """Headers Slack sends with ``body``: timestamp, v0 signature and content type."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    base = f"v0:{ts}:{body}".encode()
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    content_type = (
        "application/json" if body.startswith("{") else "application/x-www-form-urlencoded"
    )
    return {
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": f"v0={digest}",
        "Content-Type": content_type,
    }


def new_trigger_id() -> str:
    """A fresh id in Slack's ``<digits>.<digits>.<hex>`` trigger_id format."""
    n = next(_counter)
    return f"{1_000_000_000 + n}.{7_000_000_000 + n}.{uuid.uuid4().hex}"


def new_ts() -> str:
    """A message timestamp (``seconds.micros``) that is unique within the process."""
    return f"{int(time.time())}.{next(_counter) % 1_000_000:06d}"


def _event_context(event: dict[str, Any], team_id: str, api_app_id: str) -> str:
    context = {
        "et": event.get("type"),
        "tid": team_id,
        "aid": api_app_id,
        "cid": event.get("channel"),
    }
    raw = json.dumps(context, separators=(",", ":")).encode()
    return "4-" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def event_body(
    event: dict[str, Any],
    event_id: str | None = None,
    team_id: str = TEAM_ID,
    api_app_id: str = API_APP_ID,
    bot_user_id: str = BOT_USER_ID,
    event_time: int | None = None,
) -> str:
    """JSON ``event_callback`` envelope around ``event`` (``event_ts`` filled in if absent)."""
    event = {**event}
    event.setdefault("event_ts", event.get("ts") or new_ts())
    envelope = {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "context_team_id": team_id,
        "context_enterprise_id": None,
        "api_app_id": api_app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
        "event_time": int(time.time()) if event_time is None else event_time,
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": bot_user_id,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": _event_context(event, team_id, api_app_id),
    }
    return json.dumps(envelope)


def command_body(
    command: str = "/asisten",
    text: str = "",
    user_id: str = "U1",
    channel_id: str = "C1",
    response_url: str = UNSET_RESPONSE_URL,
    trigger_id: str | None = None,
    *,
    user_name: str | None = None,
    channel_name: str = "general",
    team_id: str = TEAM_ID,
    team_domain: str = TEAM_DOMAIN,
    api_app_id: str = API_APP_ID,
) -> str:
    """Form-encoded slash command payload with every field Slack sends."""
    fields = {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "team_domain": team_domain,
        "channel_id": channel_id,
        "channel_name": channel_name,
        "user_id": user_id,
        "user_name": user_name or f"user.{user_id.lower()}",
        "command": command,
        "text": text,
        "api_app_id": api_app_id,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id or new_trigger_id(),
    }
    return urlencode(fields)


def _user(user_id: str, team_id: str) -> dict[str, str]:
    name = f"user.{user_id.lower()}"
    return {"id": user_id, "username": name, "name": name, "team_id": team_id}


def _interaction(payload: dict[str, Any]) -> str:
    return urlencode({"payload": json.dumps(payload)})


def action_body(
    actions: list[dict[str, Any]],
    user_id: str = "U1",
    channel_id: str = "C1",
    message_ts: str | None = None,
    thread_ts: str | None = None,
    trigger_id: str | None = None,
    response_url: str = UNSET_RESPONSE_URL,
    *,
    message_text: str = "",
    message_blocks: list[dict[str, Any]] | None = None,
    is_ephemeral: bool = False,
    channel_name: str = "general",
    team_id: str = TEAM_ID,
    team_domain: str = TEAM_DOMAIN,
    api_app_id: str = API_APP_ID,
    bot_user_id: str = BOT_USER_ID,
) -> str:
    """Form-encoded ``payload=`` of a ``block_actions`` click on a bot message."""
    message_ts = message_ts or new_ts()
    container: dict[str, Any] = {
        "type": "message",
        "message_ts": message_ts,
        "channel_id": channel_id,
        "is_ephemeral": is_ephemeral,
    }
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": _user(user_id, team_id),
        "api_app_id": api_app_id,
        "token": VERIFICATION_TOKEN,
        "container": container,
        "trigger_id": trigger_id or new_trigger_id(),
        "team": {"id": team_id, "domain": team_domain},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel_id, "name": channel_name},
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [_action(action) for action in actions],
    }
    if thread_ts:
        container["thread_ts"] = thread_ts
    # Slack leaves the message out of payloads for clicks on ephemeral messages.
    if not is_ephemeral:
        payload["message"] = _action_message(
            bot_user_id, message_ts, message_text, message_blocks, thread_ts
        )
    return _interaction(payload)


def _action(action: dict[str, Any]) -> dict[str, Any]:
    return {"type": "button", "block_id": "b1", "action_ts": f"{time.time():.6f}", **action}


def _action_message(
    bot_user_id: str,
    ts: str,
    text: str,
    blocks: list[dict[str, Any]] | None,
    thread_ts: str | None,
) -> dict[str, Any]:
    message: dict[str, Any] = {
        "type": "message",
        "user": bot_user_id,
        "ts": ts,
        "bot_id": "BBOT",
        "app_id": API_APP_ID,
        "text": text,
        "team": TEAM_ID,
        "blocks": blocks or [],
    }
    if thread_ts:
        message["thread_ts"] = thread_ts
    return message


def view_submission_body(
    callback_id: str,
    values: dict[str, Any],
    private_metadata: str = "",
    user_id: str = "U1",
    *,
    view_id: str | None = None,
    blocks: list[dict[str, Any]] | None = None,
    title: str = "Asisten",
    team_id: str = TEAM_ID,
    team_domain: str = TEAM_DOMAIN,
    api_app_id: str = API_APP_ID,
) -> str:
    """Form-encoded ``payload=`` of a modal ``view_submission`` with ``state.values``."""
    view_id = view_id or f"V{uuid.uuid4().hex[:10].upper()}"
    view = {
        "id": view_id,
        "team_id": team_id,
        "type": "modal",
        "blocks": blocks or [],
        "private_metadata": private_metadata,
        "callback_id": callback_id,
        "state": {"values": values},
        "hash": f"{int(time.time())}.{uuid.uuid4().hex[:8]}",
        "title": {"type": "plain_text", "text": title, "emoji": True},
        "clear_on_close": False,
        "notify_on_close": False,
        "close": {"type": "plain_text", "text": "Batal", "emoji": True},
        "submit": {"type": "plain_text", "text": "Kirim", "emoji": True},
        "previous_view_id": None,
        "root_view_id": view_id,
        "app_id": api_app_id,
        "external_id": "",
        "app_installed_team_id": team_id,
        "bot_id": "BBOT",
    }
    payload = {
        "type": "view_submission",
        "team": {"id": team_id, "domain": team_domain},
        "user": _user(user_id, team_id),
        "api_app_id": api_app_id,
        "token": VERIFICATION_TOKEN,
        "trigger_id": new_trigger_id(),
        "view": view,
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }
    return _interaction(payload)


def post(
    url: str,
    body: str,
    headers: dict[str, str],
    retry_num: int | None = None,
    retry_reason: str | None = None,
    timeout: float = 10,
) -> tuple[int, str, float]:
    """POST ``body`` like Slack's delivery; returns (status, body text, elapsed seconds)."""
    headers = dict(headers)
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
    if retry_reason is not None:
        headers["X-Slack-Retry-Reason"] = retry_reason
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    return status, text, time.perf_counter() - started
