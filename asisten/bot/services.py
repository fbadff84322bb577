"""What the listeners need, built once at start-up and handed to them through Bolt's context."""

from __future__ import annotations

from dataclasses import dataclass

from asisten import templates
from asisten.config import Settings
from asisten.db import create_db_engine, init_db
from asisten.db.records import Records
from asisten.jawab.engine import Engine
from asisten.percakapan.conversation import Conversation


@dataclass
class BotServices:
    settings: Settings
    engine: Engine
    conversation: Conversation
    records: Records

    def render(self, template: str, **context: object) -> str:
        return templates.render(self.settings.prompts_dir, template, **context)


def build_services(settings: Settings, engine: Engine | None = None) -> BotServices:
    """Load the index (raises IndexNotFoundError if there is none) and open the database."""
    engine = engine or Engine(settings)
    database = create_db_engine(settings.database)
    init_db(database)
    return BotServices(
        settings=settings,
        engine=engine,
        conversation=Conversation(engine, settings.prompts_dir),
        records=Records(database),
    )
