"""`asisten bot`: the Slack bot in Socket Mode (default) or HTTP mode (`--http --port N`)."""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from asisten.cli.common import friendly_errors, settings
from asisten.config import check_slack


def bot(
    http: Annotated[
        bool, typer.Option("--http", help="Mode HTTP (butuh SLACK_SIGNING_SECRET).")
    ] = False,
    port: Annotated[int, typer.Option("--port", help="Port mode HTTP.")] = 3000,
    host: Annotated[str, typer.Option("--host", help="Alamat yang didengarkan.")] = "0.0.0.0",
    log_level: Annotated[str, typer.Option("--log-level", help="DEBUG, INFO, WARNING.")] = "INFO",
) -> None:
    logging.basicConfig(
        level=log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    with friendly_errors():
        config = settings()
        check_slack(config, http=http)
        # Imported late: Bolt and the model are only loaded once the settings are known good.
        from asisten.bot.app import create_app
        from asisten.bot.index_watch import watch_index
        from asisten.bot.services import build_services

        services = build_services(config)
        app = create_app(config, services, http=http)
        watch_index(services.engine, config.index_poll_s)
        if http:
            from asisten.bot.http import create_http_server

            server = create_http_server(app, services, host, port, threads=config.bot_workers)
            typer.echo(f"asisten bot (HTTP) mendengarkan di {host}:{server.effective_port}")
            server.run()
        else:
            from asisten.bot.socket_mode import run_socket_mode

            typer.echo("asisten bot (Socket Mode) berjalan.")
            run_socket_mode(app, config.slack_app_token or "")
