"""`/asisten tanya <pertanyaan>`, `/asisten bantuan` and `/asisten usulan [lanjut]`.

The command is acknowledged at once with a visible "sedang mencari" note; the answer follows
through `respond` (the command's response_url), visible only to the person who asked.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, Respond
from slack_sdk import WebClient

from asisten.bot.asking import Place, answer_question
from asisten.bot.blocks import build_text_blocks, escape, fallback_text
from asisten.bot.drafting import continue_draft, safely, start_draft
from asisten.bot.listeners.commands.indeks import run_index_command
from asisten.bot.services import BotServices

HELP_WORDS = {"", "bantuan", "help", "?"}


def handle_asisten_command(
    ack: Ack, command: dict, respond: Respond, client: WebClient, services: BotServices
) -> None:
    text = (command.get("text") or "").strip()
    word, _, rest = text.partition(" ")
    if word.lower() in HELP_WORDS:
        help_text = services.render("bantuan.txt.j2")
        ack(text=fallback_text(help_text), blocks=build_text_blocks(help_text))
        return
    if word.lower() == "indeks":
        run_index_command(ack, command, rest, client, services)
        return
    if word.lower() == "usulan":
        _proposal(ack, command, rest.strip().lower(), client, services)
        return
    # "/asisten tanya X" and, forgivingly, "/asisten X" both ask X.
    question = rest.strip() if word.lower() == "tanya" else text
    if not question:
        empty = services.render("kosong.txt.j2")
        ack(text=fallback_text(empty), blocks=build_text_blocks(empty))
        return
    ack(text=services.render("sedang_mencari.txt.j2", question=escape(question)))
    place = Place(command["user_id"], command["channel_id"], "command")

    def deliver(fallback: str, blocks: list[dict[str, Any]]) -> None:
        respond(text=fallback, blocks=blocks, response_type="ephemeral", replace_original=False)

    answer_question(services, client, place, question, deliver)


def _proposal(
    ack: Ack, command: dict, argument: str, client: WebClient, services: BotServices
) -> None:
    """`/asisten usulan` starts a draft in the user's DM; `/asisten usulan lanjut` resumes."""
    user = command["user_id"]
    resume = argument.startswith("lanjut")
    ack(text=services.render("usulan/perintah.txt.j2", lanjut=resume))
    if resume:
        draft_id = argument.split()[1] if len(argument.split()) > 1 else None
        safely(
            services, client, None, None, lambda: continue_draft(services, client, user, draft_id)
        )
    else:
        safely(services, client, None, None, lambda: start_draft(services, client, user))
