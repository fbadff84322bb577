"""Socket Mode: no public URL needed; Slack pushes events over a WebSocket opened with the app token."""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler


def run_socket_mode(app: App, app_token: str) -> None:
    SocketModeHandler(app, app_token=app_token).start()
