"""The App Home tab: a short guide, example questions, and the user's proposal drafts."""

from __future__ import annotations

from typing import Any

from asisten.bot.blocks import DISCLAIMER, VIEW_BLOCK_LIMIT, Block, text_sections
from asisten.bot.usulan_blocks import DraftCard, build_draft_cards


def build_home_view(guide: str, cards: list[DraftCard]) -> dict[str, Any]:
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": "asisten inovasi daerah"}},
        *text_sections(guide),
        {"type": "divider"},
        *build_draft_cards(cards),
        {"type": "context", "elements": [{"type": "mrkdwn", "text": DISCLAIMER}]},
    ]
    return {"type": "home", "blocks": blocks[:VIEW_BLOCK_LIMIT]}
