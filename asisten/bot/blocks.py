"""Block Kit as pure functions: answers, provision texts, feedback and the App Home.

Everything that comes from users or documents passes through `escape`, so no text can ping
`<!channel>`, mention someone or disguise a link. Slack's limits are respected here: 3,000
characters per section, 50 blocks per message, 100 per view.
"""

from __future__ import annotations

import json
import re
from typing import Any

from asisten.jawab.answer import Answer, Source
from asisten.jawab.clarify import Option

SECTION_LIMIT = 3000
MESSAGE_BLOCK_LIMIT = 50
VIEW_BLOCK_LIMIT = 100
# Sources beyond this many are listed by citation in one line instead of a block each.
SOURCE_BLOCKS = 10
FALLBACK_LIMIT = 300
DISCLAIMER = (
    "Jawaban dikutip dari basis pengetahuan asisten, bukan nasihat hukum. "
    "Periksa teks resmi sebelum dipakai sebagai dasar keputusan."
)
TRUNCATED = "_… jawaban dipotong karena terlalu panjang untuk satu pesan Slack._"

ACTION_FEEDBACK_UP = "feedback_up"
ACTION_FEEDBACK_DOWN = "feedback_down"
ACTION_SHOW_PROVISION = "show_provision"
# A button per reading of an underspecified question; its value is the question to ask.
ACTION_ASK_OPTION = "ask_option"
BUTTON_TEXT_LIMIT = 75
ACTION_REPLICATE = "usulan_replikasi"  # a good practice in the sources: draft a replication
VIEW_FEEDBACK_REASON = "feedback_reason"
REASON_BLOCK = "reason"
REASON_INPUT = "reason_input"

Block = dict[str, Any]


def escape(text: str) -> str:
    """Slack's three control characters, escaped as its docs require."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def split_text(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Pieces of at most `limit` characters, cut at paragraph, line or word boundaries."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        cut = cut if cut > limit // 2 else limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def _section(markdown: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": markdown}}


def _context(markdown: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": markdown}]}


def text_sections(text: str, limit: int = SECTION_LIMIT) -> list[Block]:
    return [_section(piece) for piece in split_text(escape(text), limit)]


def fallback_text(text: str) -> str:
    """The notification text: short, escaped, on one line."""
    flat = re.sub(r"\s+", " ", escape(text)).strip()
    return flat if len(flat) <= FALLBACK_LIMIT else flat[: FALLBACK_LIMIT - 1].rstrip() + "…"


def _safe_url(url: str | None) -> str | None:
    # A link target must not be able to close the <url|label> syntax or run a script.
    if not url or not re.fullmatch(r"https?://[^\s<>|]+", url):
        return None
    return url.replace("&", "&amp;")


def source_block(source: Source) -> Block:
    url = _safe_url(source.url)
    citation = escape(source.citation)
    label = f"<{url}|{citation}>" if url else f"*{citation}*"
    block = _section(f"*[{source.number}]* {label}\n{escape(source.title)}")
    if source.pasal:
        value = json.dumps({"doc": source.doc_id, "pasal": source.pasal})
        block["accessory"] = {
            "type": "button",
            "text": {"type": "plain_text", "text": "Lihat teks pasal"},
            "action_id": f"{ACTION_SHOW_PROVISION}_{source.number}",
            "value": value,
        }
    elif source.doc_type == "praktik-baik":
        block["accessory"] = {
            "type": "button",
            "text": {"type": "plain_text", "text": "📝 Buat usulan replikasi", "emoji": True},
            "action_id": f"{ACTION_REPLICATE}_{source.number}",
            "value": json.dumps({"doc": source.doc_id}),
        }
    return block


def feedback_actions(answer_id: int) -> Block:
    return {
        "type": "actions",
        "block_id": "feedback",
        "elements": [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": "👍 Membantu", "emoji": True},
                "action_id": ACTION_FEEDBACK_UP,
                "value": str(answer_id),
            },
            {
                "type": "button",
                "text": {"type": "plain_text", "text": "👎 Kurang tepat", "emoji": True},
                "action_id": ACTION_FEEDBACK_DOWN,
                "value": str(answer_id),
            },
        ],
    }


def option_actions(options: list[Option]) -> Block:
    """One button per reading of the question; a click asks that reading in the same place."""
    return {
        "type": "actions",
        "block_id": "options",
        "elements": [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": _button_text(option.label)},
                "action_id": f"{ACTION_ASK_OPTION}_{number}",
                "value": option.question[:2000],
            }
            for number, option in enumerate(options, start=1)
        ],
    }


def _button_text(label: str) -> str:
    return label if len(label) <= BUTTON_TEXT_LIMIT else label[: BUTTON_TEXT_LIMIT - 1] + "…"


def build_answer_blocks(answer: Answer, answer_id: int | None = None) -> list[Block]:
    """The answer, its numbered sources, the disclaimer and the feedback buttons; a question
    asked back gets a button per reading."""
    tail: list[Block] = [option_actions(answer.options)] if answer.options else []
    if answer.sources:
        # A "not in the knowledge base" reply shows what is closest, labelled as such.
        heading = "*Sumber*" if answer.found else "*Terdekat (bukan jawaban atas pertanyaan)*"
        tail.append({"type": "divider"})
        tail.append(_context(heading))
        tail.extend(source_block(s) for s in answer.sources[:SOURCE_BLOCKS])
        rest = answer.sources[SOURCE_BLOCKS:]
        if rest:
            listed = "; ".join(f"[{s.number}] {s.citation}" for s in rest)
            tail.append(_context(split_text(escape(f"Sumber lain: {listed}"), SECTION_LIMIT)[0]))
    tail.append(_context(DISCLAIMER if answer.sources else "Tidak ada sumber yang dikutip."))
    if answer_id is not None:
        tail.append(feedback_actions(answer_id))
    body = text_sections(answer.text)
    room = MESSAGE_BLOCK_LIMIT - len(tail)
    if len(body) > room:
        body = body[: room - 1] + [_section(TRUNCATED)]
    return body + tail


def build_text_blocks(text: str) -> list[Block]:
    """Help, greetings and apologies: plain sections within the message limit."""
    blocks = text_sections(text)
    if len(blocks) > MESSAGE_BLOCK_LIMIT:
        blocks = blocks[: MESSAGE_BLOCK_LIMIT - 1] + [_section(TRUNCATED)]
    return blocks


def _modal(title: str, blocks: list[Block], **extra: Any) -> dict[str, Any]:
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": title[:24]},
        "close": {"type": "plain_text", "text": "Tutup"},
        "blocks": blocks,
        **extra,
    }


def build_provision_view(citation: str, title: str, url: str | None, text: str) -> dict[str, Any]:
    """A modal with the whole provision; a text longer than a modal holds ends with a link."""
    link = _safe_url(url)
    footer = [_context(f"Teks resmi: <{link}|{escape(title)}>" if link else escape(title))]
    header = [{"type": "header", "text": {"type": "plain_text", "text": citation[:150]}}]
    body = text_sections(text)
    room = VIEW_BLOCK_LIMIT - len(header) - len(footer)
    if len(body) > room:
        body = body[: room - 1] + [
            _section("_… teks dipotong; buka teks resmi untuk selengkapnya._")
        ]
    return _modal("Teks pasal", header + body + footer)


def build_missing_provision_view(citation: str) -> dict[str, Any]:
    message = (
        f"Teks {escape(citation)} tidak ada lagi di indeks yang sedang dipakai "
        "(mungkin dokumennya sudah diperbarui atau dihapus). Coba ajukan pertanyaannya lagi."
    )
    return _modal("Teks pasal", [_section(message)])


def build_reason_view(feedback_id: int) -> dict[str, Any]:
    """The optional 'why was it wrong' form after a 👎."""
    prompt = _section("Terima kasih. Apa yang kurang tepat? (opsional, membantu kami memperbaiki)")
    field = {
        "type": "input",
        "block_id": REASON_BLOCK,
        "optional": True,
        "label": {"type": "plain_text", "text": "Alasan"},
        "element": {
            "type": "plain_text_input",
            "action_id": REASON_INPUT,
            "multiline": True,
            "max_length": 2000,
        },
    }
    return _modal(
        "Umpan balik",
        [prompt, field],
        callback_id=VIEW_FEEDBACK_REASON,
        submit={"type": "plain_text", "text": "Kirim"},
        private_metadata=str(feedback_id),
    )
