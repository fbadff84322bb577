"""One settings object, built once at the edge (CLI, bot) from env / `.env`, then passed down.

Library code never reads `os.environ`; it receives a `Settings`.
"""

from __future__ import annotations

import re
from pathlib import Path

from platformdirs import user_data_path
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from asisten.errors import ConfigError

DEFAULT_MODEL = "multilingual-e5-small"
DEFAULT_MAX_FILE_MB = 25
DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DATABASE_FILE = "asisten.sqlite3"
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def default_home() -> Path:
    return user_data_path("asisten", appauthor=False)


class Settings(BaseSettings):
    """Every variable is documented in `.env.example` and the README."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    home: Path = Field(default_factory=default_home, alias="ASISTEN_HOME")
    corpus_dir: Path = Field(default=PROJECT_ROOT / "corpus", alias="ASISTEN_CORPUS")
    prompts_dir: Path = Field(default=PROJECT_ROOT / "prompts", alias="ASISTEN_PROMPTS")
    model: str = Field(default=DEFAULT_MODEL, alias="ASISTEN_MODEL")
    max_file_mb: float = Field(default=DEFAULT_MAX_FILE_MB, gt=0, alias="ASISTEN_MAX_FILE_MB")
    top_k: int = Field(default=4, ge=1, le=10, alias="ASISTEN_TOP_K")
    # The deployment's own regions ("Bali", "Banjarnegara"): their regional regulations answer
    # questions that do not name the region; another region's answer only questions naming it.
    home_regions_raw: str = Field(default="", alias="ASISTEN_WILAYAH")
    keep_versions: int = Field(default=3, ge=1, alias="ASISTEN_KEEP_VERSIONS")
    llm_url: str | None = Field(default=None, alias="ASISTEN_LLM_URL")
    llm_model: str = Field(default="gpt-4o-mini", alias="ASISTEN_LLM_MODEL")
    llm_api_key: str | None = Field(default=None, alias="ASISTEN_LLM_API_KEY")
    llm_timeout_s: float = Field(default=20.0, gt=0, alias="ASISTEN_LLM_TIMEOUT")
    database_url: str | None = Field(default=None, alias="DATABASE_URL")
    # Apply pending schema migrations at start; off when a deploy step runs `asisten db upgrade`.
    db_auto_upgrade: bool = Field(default=True, alias="ASISTEN_DB_AUTO_UPGRADE")
    slack_bot_token: str | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_app_token: str | None = Field(default=None, alias="SLACK_APP_TOKEN")
    slack_signing_secret: str | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
    slack_api_url: str = Field(default=DEFAULT_SLACK_API_URL, alias="SLACK_API_URL")
    bot_workers: int = Field(default=8, ge=1, le=64, alias="ASISTEN_BOT_WORKERS")
    # How often the bot looks for an index version published by another process.
    index_poll_s: float = Field(default=2.0, gt=0, le=300, alias="ASISTEN_INDEX_POLL")
    cli_user: str | None = Field(default=None, alias="ASISTEN_USER")
    admins_raw: str = Field(default="", alias="ASISTEN_ADMINS")
    admin_channel: str | None = Field(default=None, alias="ASISTEN_ADMIN_CHANNEL")

    @field_validator(
        "llm_url", "llm_api_key", "database_url", "slack_bot_token", "slack_app_token",
        "slack_signing_secret", "cli_user", "admin_channel", mode="before",
    )  # fmt: skip
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("harus berupa URL http(s), misalnya https://slack.com/api/")
        return value if value.endswith("/") else value + "/"

    @field_validator("admins_raw")
    @classmethod
    def _admin_ids(cls, value: str) -> str:
        for item in filter(None, (v.strip() for v in value.split(","))):
            if not re.fullmatch(r"[UW][A-Z0-9]+", item):
                raise ValueError(f"{item!r} bukan ID pengguna Slack (misalnya U012AB3CD)")
        return value

    @property
    def home_regions(self) -> tuple[str, ...]:
        return tuple(filter(None, (v.strip() for v in self.home_regions_raw.split(","))))

    @property
    def admins(self) -> frozenset[str]:
        return frozenset(filter(None, (v.strip() for v in self.admins_raw.split(","))))

    @property
    def database(self) -> str:
        return self.database_url or f"sqlite:///{self.home / DATABASE_FILE}"

    @property
    def index_dir(self) -> Path:
        return self.home / "indeks"

    @property
    def uploads_dir(self) -> Path:
        return self.home / "unggahan"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


def load_settings(**overrides: object) -> Settings:
    """Build settings (explicit field overrides beat env), turning pydantic's error into one clear message naming the variable."""
    by_alias = {
        Settings.model_fields[name].alias or name: value for name, value in overrides.items()
    }
    try:
        return Settings(**by_alias)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else "?"
            problems.append(f"{name}: {err['msg']}")
        raise ConfigError("Konfigurasi tidak valid — " + "; ".join(problems)) from exc


# What each Slack variable must look like, and where an admin finds it.
_SLACK_VARIABLES = {
    "SLACK_BOT_TOKEN": ("slack_bot_token", "xoxb-", "Bot User OAuth Token di halaman OAuth & Permissions"),
    "SLACK_APP_TOKEN": ("slack_app_token", "xapp-", "App-Level Token (scope connections:write) di Basic Information"),
    "SLACK_SIGNING_SECRET": ("slack_signing_secret", "", "Signing Secret di Basic Information"),
}  # fmt: skip


def check_slack(settings: Settings, http: bool) -> None:
    """Fail fast before start-up: every variable the chosen mode needs, present and well-formed."""
    needed = ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET" if http else "SLACK_APP_TOKEN"]
    problems = []
    for variable in needed:
        field, prefix, where = _SLACK_VARIABLES[variable]
        value = getattr(settings, field)
        if not value:
            problems.append(f"{variable} belum diisi ({where})")
        elif prefix and not value.startswith(prefix):
            problems.append(f"{variable} harus diawali {prefix!r} ({where})")
        elif variable == "SLACK_SIGNING_SECRET" and not re.fullmatch(r"[0-9a-f]{16,128}", value):
            problems.append(f"{variable} harus berupa string heksadesimal ({where})")
    if problems:
        mode = "HTTP" if http else "Socket Mode"
        raise ConfigError(f"Bot tidak dapat dijalankan dalam mode {mode}: " + "; ".join(problems))
