"""Block Kit for proposal drafting: questions with choice buttons, the one-field edit modal,
draft cards for the App Home. Pure functions, like `blocks.py`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from asisten.bot.blocks import (
    MESSAGE_BLOCK_LIMIT,
    SECTION_LIMIT,
    VIEW_BLOCK_LIMIT,
    Block,
    build_answer_blocks,
    escape,
    text_sections,
)
from asisten.usulan.reply import FlowReply, Option
from asisten.usulan.template import Step
from asisten.usulan.values import display_value

ACTION_CHOICE = "usulan_pilih"
ACTION_EDIT = "usulan_formulir"
ACTION_NEW = "usulan_baru"
ACTION_CONTINUE = "usulan_lanjut"
ACTION_EXPORT = "usulan_ekspor"
ACTION_DELETE = "usulan_hapus"
ACTION_PLACE = "usulan_tempatkan"  # a message sent outside the thread: answer or question
VIEW_EDIT = "usulan_ubah"
ACTION_OVERVIEW = "usulan_semua"  # the whole draft in one form
VIEW_OVERVIEW = "usulan_semua_ubah"
OVERVIEW_BLOCK = "bagian_"  # + step key
EDIT_BLOCK = "nilai"
EDIT_INPUT = "nilai_input"
MODAL_INPUT_LIMIT = 3000
CHOICE_LABEL_LIMIT = 75


@dataclass(frozen=True)
class DraftCard:
    draft_id: str
    name: str
    status: str
    done: int
    total: int


def _button(text: str, action_id: str, value: dict[str, Any], style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": text[:CHOICE_LABEL_LIMIT], "emoji": True},
        "action_id": action_id,
        "value": json.dumps(value),
    }
    if style:
        button["style"] = style
    return button


def build_flow_blocks(reply: FlowReply, current_value_fits: bool = True) -> list[Block]:
    """A flow reply: a side answer with its sources, the notice and question, then buttons."""
    blocks: list[Block] = []
    if reply.side_answer is not None:
        blocks += build_answer_blocks(reply.side_answer)
    blocks += text_sections(reply.text)
    if reply.kind == "parked" and reply.held_id is not None:
        buttons = [
            _button(o.label, f"{ACTION_PLACE}_{o.value}", {"h": reply.held_id})
            for o in reply.options
        ]
        blocks.append({"type": "actions", "block_id": "usulan_tempat", "elements": buttons})
    step = reply.step
    if step is not None and reply.kind in ("question", "answer", "conflict"):
        draft = {"d": reply.draft_id, "k": step.key}
        options = reply.options or tuple(Option(c, c) for c in step.choices)
        buttons = [
            _button(option.label, f"{ACTION_CHOICE}_{i}", draft | {"c": option.value})
            for i, option in enumerate(options[:20], start=1)
        ]
        if current_value_fits:
            edit = draft | {"r": reply.step_revision}
            buttons.append(_button("✏️ Isi lewat formulir", ACTION_EDIT, edit))
        buttons.append(_button("📋 Semua bagian", ACTION_OVERVIEW, {"d": reply.draft_id}))
        blocks.append({"type": "actions", "block_id": f"usulan_{step.key}", "elements": buttons})
    return blocks[:MESSAGE_BLOCK_LIMIT]


def build_edit_view(
    draft_id: str, key: str, title: str, help_text: str, value: str, revision: int, place: dict
) -> dict[str, Any]:
    """A modal editing one field; `place` (channel, thread) says where to continue afterwards."""
    element: Block = {
        "type": "plain_text_input",
        "action_id": EDIT_INPUT,
        "multiline": True,
        "max_length": MODAL_INPUT_LIMIT,
    }
    if value:
        element["initial_value"] = value[:MODAL_INPUT_LIMIT]
    metadata = {"d": draft_id, "k": key, "r": revision, **place}
    field = {
        "type": "input",
        "block_id": EDIT_BLOCK,
        "label": {"type": "plain_text", "text": title[:2000]},
        "hint": {"type": "plain_text", "text": help_text[:2000] or title},
        "element": element,
    }
    return _form(VIEW_EDIT, "Ubah usulan", "Batal", metadata, [field])


def build_overview_view(
    draft_id: str, sections: list[tuple[Step, str, int]], place: dict
) -> dict[str, Any]:
    """Every section of a draft with its current value, editable in one form. A value longer
    than a modal input holds is shown, not offered for editing (it would be cut)."""
    blocks: list[Block] = [
        {
            "type": "context",
            "elements": [{"type": "mrkdwn", "text": escape(
                f"Usulan {draft_id}. Ubah bagian mana saja lalu tekan Simpan; bagian yang tidak "
                "diubah tetap seperti semula. Pilihan boleh ditulis dengan kata sendiri."
            )}],
        }
    ]  # fmt: skip
    revisions: dict[str, int] = {}
    for step, value, revision in sections:
        if len(value) > MODAL_INPUT_LIMIT:
            shown = escape(value[: SECTION_LIMIT - 200]) + " …"
            note = "_(terlalu panjang untuk formulir; ubah dengan `ubah " + escape(
                step.title.lower()
            )
            blocks.append(_overview_text(f"*{escape(step.title)}*\n{shown}\n{note}`)_"))
            continue
        revisions[step.key] = revision
        element: Block = {
            "type": "plain_text_input", "action_id": EDIT_INPUT,
            "multiline": step.kind == "long_text", "max_length": MODAL_INPUT_LIMIT,
        }  # fmt: skip
        if value:
            element["initial_value"] = display_value(step, value)
        hint = step.help[:1900]
        if step.choices:
            hint = ("Pilihan: " + ", ".join(step.choices) + ". " + hint)[:1900]
        blocks.append(
            {
                "type": "input", "block_id": f"{OVERVIEW_BLOCK}{step.key}", "optional": True,
                "label": {"type": "plain_text", "text": step.title[:2000]},
                "hint": {"type": "plain_text", "text": hint or step.title},
                "element": element,
            }
        )  # fmt: skip
    metadata = {"d": draft_id, "r": revisions, **place}
    return _form(VIEW_OVERVIEW, "Semua bagian usulan", "Tutup", metadata, blocks[:VIEW_BLOCK_LIMIT])


def _form(
    callback_id: str, title: str, close: str, metadata: dict, blocks: list[Block]
) -> dict[str, Any]:
    """A draft form saved with "Simpan"; `metadata` says which draft and revisions it shows."""
    return {
        "type": "modal",
        "callback_id": callback_id,
        "title": {"type": "plain_text", "text": title},
        "submit": {"type": "plain_text", "text": "Simpan"},
        "close": {"type": "plain_text", "text": close},
        "private_metadata": json.dumps(metadata),
        "blocks": blocks,
    }


def overview_changes(view: dict) -> dict[str, tuple[str, int]]:
    """The fields a submitted whole-draft form changed: step key -> (typed value, revision)."""
    metadata = json.loads(view.get("private_metadata") or "{}")
    initial = {
        b["block_id"]: b["element"].get("initial_value", "")
        for b in view.get("blocks", []) if b.get("type") == "input"
    }  # fmt: skip
    changes = {}
    for block_id, state in (view.get("state", {}).get("values") or {}).items():
        if not block_id.startswith(OVERVIEW_BLOCK):
            continue
        typed = (state.get(EDIT_INPUT, {}).get("value") or "").strip()
        key = block_id[len(OVERVIEW_BLOCK) :]
        if typed and typed != initial.get(block_id, "").strip() and key in metadata["r"]:
            changes[key] = (typed, int(metadata["r"][key]))
    return changes


def _overview_text(markdown: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": markdown[:SECTION_LIMIT]}}


def build_draft_cards(cards: list[DraftCard]) -> list[Block]:
    """App Home: the user's drafts with progress, continue / export / delete (confirmed)."""
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": "Usulan inovasi Anda"}},
        {
            "type": "actions",
            "block_id": "usulan_baru",
            "elements": [_button("📝 Buat usulan baru", ACTION_NEW, {}, "primary")],
        },
    ]
    if not cards:
        blocks += text_sections("Belum ada usulan. Tekan tombol di atas untuk mulai menyusun.")
    for card in cards[:20]:
        name = escape(card.name or "(tanpa nama)")
        line = (
            f"*{name}*  `{card.draft_id}`\nStatus: {card.status} · {card.done}/{card.total} bagian"
        )
        value = {"d": card.draft_id}
        delete = _button("Hapus", ACTION_DELETE, value, "danger")
        delete["confirm"] = {
            "title": {"type": "plain_text", "text": "Hapus usulan?"},
            "text": {"type": "mrkdwn", "text": f"Usulan *{name}* tidak akan tampil lagi."},
            "confirm": {"type": "plain_text", "text": "Hapus"},
            "deny": {"type": "plain_text", "text": "Batal"},
        }
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": line[:SECTION_LIMIT]}})
        blocks.append(
            {
                "type": "actions",
                "block_id": f"kartu_{card.draft_id}",
                "elements": [
                    _button("Lanjutkan", ACTION_CONTINUE, value),
                    _button("Ekspor Word", ACTION_EXPORT, value),
                    delete,
                ],
            }
        )
    return blocks
