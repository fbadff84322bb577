"""The App Home tab: a short guide, example questions, the user's proposal drafts, and for an
admin the knowledge gaps (built by asisten.bot.admin)."""

from __future__ import annotations

from typing import Any

from asisten.bot.blocks import DISCLAIMER, VIEW_BLOCK_LIMIT, Block, text_sections
from asisten.bot.usulan_blocks import DraftCard, build_draft_cards


def build_home_view(
    guide: str, cards: list[DraftCard], admin_blocks: list[Block] | None = None
) -> dict[str, Any]:
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": "asisten inovasi daerah"}},
        *text_sections(guide),
        {"type": "divider"},
        *(admin_blocks or []),
        *build_draft_cards(cards),
        {"type": "context", "elements": [{"type": "mrkdwn", "text": DISCLAIMER}]},
    ]
    return {"type": "home", "blocks": blocks[:VIEW_BLOCK_LIMIT]}
