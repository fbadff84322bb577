"""`/asisten indeks status | daftar | relasi <dokumen> [koreksi] | hapus <dokumen> | ulang |
kembalikan | riwayat` (admins).

Quick answers come in the acknowledgement itself; a rebuild or a deletion runs as a job whose
progress message goes to the admin's DM.
"""

from __future__ import annotations

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.admin import ACTION_DOCUMENT_DELETE, message, start_job
from asisten.bot.blocks import build_text_blocks, escape, fallback_text
from asisten.bot.messages import SlackThread, dm_channel
from asisten.bot.services import BotServices
from asisten.errors import AsistenError


def run_index_command(
    ack: Ack, command: dict, argument: str, client: WebClient, services: BotServices
) -> None:
    user = command["user_id"]
    word, _, rest = argument.strip().partition(" ")
    admin = services.admin
    try:
        if word == "status":
            text = message(services, "status", s=admin.status(user))
        elif word == "daftar":
            text = message(services, "daftar", dokumen=admin.documents(user))
        elif word == "relasi" and rest.strip():
            doc_id, _, correction = rest.strip().partition(" ")
            row = admin.relations(user, doc_id, correction.strip() or None)
            text = message(services, "relasi", d=row)
        elif word == "kembalikan":
            old, new = admin.rollback(user)
            services.engine.refresh()
            text = message(services, "kembalikan", dari=old, ke=new)
        elif word == "riwayat":
            text = message(services, "riwayat", tindakan=admin.history(user))
        elif word == "hapus" and rest.strip():
            admin.require(user, "hapus", rest.strip())
            ack(blocks=_delete_confirmation(services, rest.strip()), text="Konfirmasi hapus")
            return
        elif word == "ulang":
            admin.require(user, "ulang")
            ack(text="Pembangunan ulang dimulai; kemajuannya di DM Anda dengan asisten.")
            where = SlackThread(dm_channel(client, user))
            start_job(services, client, where, lambda p, d: admin.rebuild(user, p, d))
            return
        else:
            admin.require(user, "bantuan")
            text = message(services, "bantuan", kanal=bool(services.settings.admin_channel))
    except AsistenError as exc:
        text = str(exc)
    ack(text=fallback_text(text), blocks=build_text_blocks(text))


def _delete_confirmation(services: BotServices, doc_id: str) -> list[dict]:
    question = message(services, "hapus_tanya", doc_id=doc_id)
    button = {
        "type": "button",
        "text": {"type": "plain_text", "text": f"Hapus {doc_id}"[:75]},
        "style": "danger",
        "action_id": ACTION_DOCUMENT_DELETE,
        "value": doc_id,
        "confirm": {
            "title": {"type": "plain_text", "text": "Yakin?"},
            "text": {
                "type": "mrkdwn",
                "text": f"Dokumen *{escape(doc_id)}* dikeluarkan dari indeks.",
            },
            "confirm": {"type": "plain_text", "text": "Hapus"},
            "deny": {"type": "plain_text", "text": "Batal"},
        },
    }
    return build_text_blocks(question) + [{"type": "actions", "elements": [button]}]
