"""Corrected metadata of an upload: parsed again, and the preview message shows the result."""

from __future__ import annotations

import json

from slack_bolt import Ack
from slack_sdk import WebClient

from asisten.bot.admin import message, preview_blocks
from asisten.bot.messages import update_text
from asisten.bot.services import BotServices
from asisten.errors import AsistenError

FIELDS = ("judul", "tipe", "jenis", "nomor", "tahun")


def handle_upload_correction(
    ack: Ack, body: dict, view: dict, client: WebClient, services: BotServices
) -> None:
    meta = json.loads(view.get("private_metadata") or "{}")
    values = view["state"]["values"]
    fields = {
        name: (values.get(name, {}).get(name, {}).get("value") or "").strip() for name in FIELDS
    }
    try:
        upload, preview = services.admin.correct(body["user"]["id"], meta["u"], fields)
    except AsistenError as exc:
        ack(response_action="errors", errors={"judul": str(exc)[:150]})
        return
    ack()
    text = message(
        services, "pratinjau", upload_id=upload.id, nama_berkas=upload.file_name, p=preview
    )
    update_text(client, meta["c"], meta["m"], text, preview_blocks(text, upload.id))
