"""What the listeners need, built once at start-up and handed to them through Bolt's context."""

from __future__ import annotations

from dataclasses import dataclass

from asisten import templates
from asisten.admin.registry import AdminRegistry
from asisten.admin.service import AdminService
from asisten.config import Settings
from asisten.db import open_database
from asisten.db.records import Records
from asisten.jawab.engine import Engine
from asisten.percakapan.conversation import Conversation
from asisten.percakapan.router import SessionRouter
from asisten.usulan import build_flow
from asisten.usulan.flow import ProposalFlow


@dataclass
class BotServices:
    settings: Settings
    engine: Engine
    conversation: Conversation
    records: Records
    flow: ProposalFlow
    router: SessionRouter
    admin: AdminService

    def render(self, template: str, **context: object) -> str:
        return templates.render(self.settings.prompts_dir, template, **context)


def build_services(settings: Settings, engine: Engine | None = None) -> BotServices:
    """Load the index (raises IndexNotFoundError if there is none) and open the database."""
    engine = engine or Engine(settings)
    database = open_database(settings)
    conversation = Conversation(engine, settings.prompts_dir)
    flow = build_flow(settings, database, conversation.ask, engine)
    return BotServices(
        settings=settings,
        engine=engine,
        conversation=conversation,
        records=Records(database),
        flow=flow,
        router=SessionRouter(conversation, flow),
        admin=AdminService(settings, AdminRegistry(database)),
    )
