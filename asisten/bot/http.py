"""HTTP mode: Bolt behind a threaded WSGI server (waitress), with a health endpoint.

POST /slack/events   events, commands, interactivity (Bolt's default path)
GET  /healthz        200 {"status": "ok", ...} when the index and database answer, else 503
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from sqlalchemy import text
from waitress import wasyncore
from waitress.server import create_server

from asisten.bot.services import BotServices

log = logging.getLogger("asisten.bot")
HEALTH_PATH = "/healthz"


def create_wsgi_app(app: App, services: BotServices) -> Callable:
    slack = SlackRequestHandler(app)

    def wsgi(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") == "GET":
            status, body = health(services)
            payload = json.dumps(body).encode()
            start_response(
                "200 OK" if status == 200 else "503 Service Unavailable",
                [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))],
            )
            return [payload]
        return slack(environ, start_response)

    return wsgi


def health(services: BotServices) -> tuple[int, dict]:
    try:
        version = services.engine.version
        with services.records.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # health must report, not raise
        return 503, {"status": "error", "error": type(exc).__name__}
    return 200, {
        "status": "ok",
        "index_version": version.name,
        "documents": len(version.documents),
        # Live chunks: rows of replaced or removed documents stay in their segment until a merge.
        "chunks": version.manifest.get("chunk_count", len(version.chunks)),
    }


def create_http_server(app: App, services: BotServices, host: str, port: int, threads: int = 8):
    """A waitress server (not yet serving); `port=0` picks a free port, see `effective_port`."""
    return create_server(
        create_wsgi_app(app, services), host=host, port=port, threads=threads, ident="asisten"
    )


def stop_http_server(server) -> None:
    """Stop a server running in another thread. The sockets are closed inside the server's
    own loop (through its trigger), never under a select() that is still waiting on them."""

    def close_everything() -> None:
        server.task_dispatcher.shutdown(timeout=1)
        wasyncore.close_all(server._map)

    server.trigger.pull_trigger(close_everything)
