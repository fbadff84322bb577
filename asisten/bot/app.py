"""`create_app(settings, services) -> App`: the Bolt app, its Web API client and its listeners."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from asisten.bot import listeners
from asisten.bot.services import BotServices
from asisten.config import Settings

RATE_LIMIT_RETRIES = 3


def create_web_client(settings: Settings) -> WebClient:
    """The bot's Web API client; rate-limited calls wait for Retry-After and try again."""
    client = WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url)
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES))
    return client


def create_app(settings: Settings, services: BotServices, http: bool = True) -> App:
    app = App(
        client=create_web_client(settings),
        signing_secret=settings.slack_signing_secret or "",
        request_verification_enabled=http,
        # Ack first, work afterwards in this pool: Slack gets its answer within 3 seconds and
        # askers do not wait for each other.
        process_before_response=False,
        listener_executor=ThreadPoolExecutor(
            max_workers=settings.bot_workers, thread_name_prefix="asisten-bot"
        ),
    )

    @app.middleware
    def provide_services(context: BoltContext, next) -> None:  # noqa: A002 - Bolt's name
        # Listeners declare a `services` argument; Bolt injects context entries by name.
        context["services"] = services
        next()

    listeners.register(app)
    return app
