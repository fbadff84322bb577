"""Proposal drafting through Slack end to end: signed events and button actions into the real
Bolt app, everything the bot does recorded by the fake Slack Web API."""

from __future__ import annotations

import json
import time
from io import BytesIO

import docx
import pytest

from asisten.bot.usulan_blocks import EDIT_BLOCK, EDIT_INPUT, VIEW_EDIT
from tests.usulan.proposal_answers import ANSWERS, FREE_ANSWERS, KONTAK

pytestmark = pytest.mark.model


def _ts() -> str:
    time.sleep(0.002)  # Slack's ts are unique and increase with real time
    return f"{time.time():.6f}"


def _dm(text: str, thread_ts: str | None = None, user: str = "U1") -> dict:
    event = {"type": "message", "channel_type": "im", "channel": "D1", "user": user,
             "text": text, "ts": _ts()}  # fmt: skip
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


class Drafting:
    """Drives one draft the way a person would: typing in the thread or clicking buttons."""

    def __init__(self, bot) -> None:
        self.bot = bot
        self.seen = 0

    def next_post(self, timeout: float = 10.0):
        calls = self.bot.slack.wait_for("chat.postMessage", count=self.seen + 1, timeout=timeout)
        self.seen = len(calls)
        return calls[self.seen - 1]

    def start(self) -> tuple[str, str]:
        self.bot.event(_dm("buat usulan"))
        root = self.next_post()
        first = self.next_post()
        assert first.params["thread_ts"] == root.response["ts"]
        draft_id = root.params["text"].split("Usulan inovasi ", 1)[1].split(" ", 1)[0]
        return draft_id, root.response["ts"]

    def type(self, thread_ts: str, text: str, user: str = "U1"):
        self.bot.event(_dm(text, thread_ts, user))
        return self.next_post()

    def click(self, post, action_prefix: str, match: str | None = None, user: str = "U1"):
        button = _button(post.params["blocks"], action_prefix, match)
        self.bot.click(
            button, user=user, channel_id="D1", message_ts=post.response["ts"],
            thread_ts=post.params.get("thread_ts"),
        )  # fmt: skip
        return button


def _button(blocks: list[dict], prefix: str, match: str | None = None) -> dict:
    for block in blocks:
        accessory = [block["accessory"]] if "accessory" in block else []
        for element in [*block.get("elements", []), *accessory]:
            text = element.get("text")
            label = text.get("text", "") if isinstance(text, dict) else ""
            if element.get("action_id", "").startswith(prefix) and (
                match is None or match == label
            ):
                return element
    raise AssertionError(f"no {prefix} button {match!r} in {json.dumps(blocks)[:800]}")


def _docx_text(data: bytes) -> str:
    document = docx.Document(BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_whole_proposal_drafted_in_a_dm_thread_and_exported(bot):
    drafting = Drafting(bot)
    draft_id, thread = drafting.start()
    post = None
    for typed, shown in ANSWERS:
        step = bot.services.flow.store.get(draft_id, "U1").step
        choices = bot.services.flow.template.step(step).choices
        if choices and shown in choices:
            drafting.click(post or drafting_last(bot), "usulan_pilih", shown)
            post = drafting.next_post()
        else:
            post = drafting.type(thread, typed)
    assert "Semua bagian sudah terisi" in post.params["text"]
    draft = bot.services.flow.store.get(draft_id, "U1")
    assert draft.status == "siap"

    bot.event(_dm("ekspor", thread))
    [complete] = bot.slack.wait_for("files.completeUploadExternal")
    files = complete.params["files"]
    files = files if isinstance(files, list) else json.loads(files)
    assert complete.params["channel_id"] == "D1" and complete.params["thread_ts"] == thread
    text = _docx_text(bot.slack.uploaded(files[0]["id"]))
    for _typed, shown in ANSWERS:
        if shown:
            assert shown in text, shown


def drafting_last(bot):
    return bot.slack.calls("chat.postMessage")[-1]


def test_slash_command_opens_the_draft_in_the_users_dm(bot):
    status, body, elapsed = bot.command("usulan", user="U5", channel="C1")
    assert status == 200 and elapsed < 3 and "DM" in body
    [opened] = bot.slack.wait_for("conversations.open")
    assert opened.params["users"] == "U5"
    posts = bot.slack.wait_for("chat.postMessage", count=2)
    assert {p.params["channel"] for p in posts} == {"D5"}
    assert "[1/20] Nama inovasi" in json.dumps(posts[1].params["blocks"])


def test_side_question_mid_draft_gets_a_cited_answer_then_the_question(bot):
    drafting = Drafting(bot)
    _draft_id, thread = drafting.start()
    post = drafting.type(thread, "Apakah ASN bisa dipidana jika inovasi gagal?")
    blocks = json.dumps(post.params["blocks"], ensure_ascii=False)
    assert "UU 23/2014 Pasal 389" in blocks
    assert "[1/20] Nama inovasi" in blocks


def test_validation_failure_is_explained_in_the_thread(bot):
    drafting = Drafting(bot)
    draft_id, thread = drafting.start()
    for typed, _ in ANSWERS[:13]:
        drafting.type(thread, typed)
    post = drafting.type(thread, "31 Februari 2026")
    assert "[14/20] Waktu uji coba" in post.params["text"]
    assert "waktu_uji_coba" not in bot.services.flow.store.answers(draft_id)


def test_retried_answer_is_stored_once(bot):
    drafting = Drafting(bot)
    draft_id, thread = drafting.start()
    event = _dm("SIAP Puskesmas", thread)
    bot.event(event, "EvA")
    bot.event(event, "EvA", retry_num=1, retry_reason="http_timeout")
    drafting.next_post()
    time.sleep(0.5)
    assert len(bot.slack.calls("chat.postMessage")) == drafting.seen
    assert bot.services.flow.store.get(draft_id, "U1").step == "unit_pengusul"


def test_one_field_form_edits_and_refuses_stale_revisions(bot):
    drafting = Drafting(bot)
    draft_id, thread = drafting.start()
    post = drafting.type(thread, "SIAP Puskesmas")
    drafting.type(thread, "ubah nama")
    post = drafting_last(bot)
    drafting.click(post, "usulan_formulir")
    [opened] = bot.slack.wait_for("views.open")
    view = opened.params["view"]
    view = view if isinstance(view, dict) else json.loads(view)
    element = view["blocks"][0]["element"]
    assert element["initial_value"] == "SIAP Puskesmas" and element["max_length"] == 3000
    values = {EDIT_BLOCK: {EDIT_INPUT: {"type": "plain_text_input", "value": "SIAP Puskesmas 2"}}}
    status, body, _ = bot.send(_submission(values, view["private_metadata"]))
    assert status == 200 and body == ""
    assert bot.services.flow.store.get(draft_id, "U1").name == "SIAP Puskesmas 2"
    # the same form submitted again carries the old revision: refused on the field
    values[EDIT_BLOCK][EDIT_INPUT]["value"] = "Nama lama"
    status, body, _ = bot.send(_submission(values, view["private_metadata"]))
    assert json.loads(body)["response_action"] == "errors"
    assert bot.services.flow.store.get(draft_id, "U1").name == "SIAP Puskesmas 2"


def _submission(values: dict, metadata: str) -> str:
    from tests.slack_fake import view_submission_body

    return view_submission_body(VIEW_EDIT, values, metadata, user_id="U1")


def test_stranger_is_refused_politely(bot):
    drafting = Drafting(bot)
    draft_id, _thread = drafting.start()
    button = {"type": "button", "action_id": "usulan_lanjut", "value": json.dumps({"d": draft_id})}
    assert bot.click(button, user="U9") == 200
    post = bot.slack.wait_for(
        "chat.postMessage", predicate=lambda c: c.params.get("channel") == "D9"
    )[0]
    assert "hanya dapat dilihat" in post.params["text"]
    assert bot.slack.calls("views.open") == []


def test_app_home_lists_drafts_and_deletes_with_confirmation(bot):
    drafting = Drafting(bot)
    draft_id, thread = drafting.start()
    drafting.type(thread, "SIAP Puskesmas")
    bot.event({"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home"})
    [home] = bot.slack.wait_for("views.publish")
    view = home.params["view"]
    view = view if isinstance(view, dict) else json.loads(view)
    text = json.dumps(view, ensure_ascii=False)
    assert draft_id in text and "SIAP Puskesmas" in text and "1/20" in text
    delete = _button(view["blocks"], "usulan_hapus")
    assert "confirm" in delete
    bot.click(delete)
    bot.slack.wait_for("views.publish", count=2)
    assert bot.services.flow.store.drafts_of("U1") == []


def test_home_export_uploads_the_word_document(bot):
    drafting = Drafting(bot)
    draft_id, thread = drafting.start()
    drafting.type(thread, "SIAP Puskesmas")
    button = {"type": "button", "action_id": "usulan_ekspor", "value": json.dumps({"d": draft_id})}
    bot.click(button)
    [complete] = bot.slack.wait_for("files.completeUploadExternal")
    files = complete.params["files"]
    files = files if isinstance(files, list) else json.loads(files)
    assert "SIAP Puskesmas" in _docx_text(bot.slack.uploaded(files[0]["id"]))


def test_home_button_starts_and_lanjut_resumes_in_the_same_thread(bot):
    button = {"type": "button", "action_id": "usulan_baru", "value": "{}"}
    assert bot.click(button, user="U1") == 200
    root, first = bot.slack.wait_for("chat.postMessage", count=2)
    thread = root.response["ts"]
    assert root.params["channel"] == "D1" and first.params["thread_ts"] == thread
    drafting = Drafting(bot)
    drafting.seen = 2
    drafting.type(thread, "SIAP Puskesmas")
    assert "tersimpan" in drafting.type(thread, "simpan").params["text"]
    bot.event(_dm("lanjut"))  # in the DM itself, not in the thread
    resumed = drafting.next_post()
    assert resumed.params["thread_ts"] == thread
    assert "[2/20]" in json.dumps(resumed.params["blocks"])


def test_free_words_draft_with_an_answer_outside_the_thread(bot):
    """The issue's "done when" through the real Bolt app: free words, the contact sent as a
    top-level DM, at most two re-asks, the Word export holds the mapped choices."""
    drafting = Drafting(bot)
    draft_id, thread = drafting.start()
    store, reasks = bot.services.flow.store, 0
    for typed, shown in FREE_ANSWERS:
        if typed is None:
            continue  # filled by the words beside the amount
        asked = store.get(draft_id, "U1").step
        if (typed, shown) == KONTAK:
            bot.event(_dm(typed))  # not in the draft's thread
            post = drafting.next_post()
            assert post.params["thread_ts"] == thread
            assert str(post.params.get("reply_broadcast")).lower() in ("true", "1")
            assert "sebagai jawaban untuk [3/20] Narahubung" in post.params["text"]
        else:
            post = drafting.type(thread, typed)
        if store.get(draft_id, "U1").step == asked:
            reasks += 1
            drafting.click(post, "usulan_pilih", "Ya, 1 Januari 2028")
            post = drafting.next_post()
    assert reasks == 1
    assert "Semua bagian sudah terisi" in post.params["text"]
    bot.event(_dm("ekspor", thread))
    [complete] = bot.slack.wait_for("files.completeUploadExternal")
    files = complete.params["files"]
    files = files if isinstance(files, list) else json.loads(files)
    text = _docx_text(bot.slack.uploaded(files[0]["id"]))
    for _typed, shown in FREE_ANSWERS:
        if shown:
            assert shown in text, shown


def test_unclear_dm_outside_the_thread_is_placed_with_a_button(bot):
    drafting = Drafting(bot)
    draft_id, thread = drafting.start()
    drafting.type(thread, "SIAP Puskesmas")
    bot.event(_dm("Dinas Kesehatan dan Dinas Kominfo"))
    asked = drafting.next_post()
    assert "thread_ts" not in asked.params or asked.params["thread_ts"] is None
    assert "[2/20] Perangkat daerah / unit pengusul" in json.dumps(asked.params["blocks"])
    drafting.click(asked, "usulan_tempatkan_jawab")
    placed = drafting.next_post()
    assert placed.params["thread_ts"] == thread and "[3/20] Narahubung" in placed.params["text"]
    answers = bot.services.flow.store.answers(draft_id)
    assert answers["unit_pengusul"].value == "Dinas Kesehatan dan Dinas Kominfo"


def test_replication_from_a_good_practice_cited_in_an_answer(bot):
    drafting = Drafting(bot)
    bot.event(_dm("Bagaimana e-Health Surabaya mengatasi antrean di puskesmas?"))
    answer = drafting.next_post()
    drafting.click(answer, "usulan_replikasi")
    root, first = drafting.next_post(), drafting.next_post()
    thread = root.response["ts"]
    assert first.params["thread_ts"] == thread
    assert "dari praktik baik e-Health Surabaya" in first.params["text"]
    draft_id = root.params["text"].split("Usulan inovasi ", 1)[1].split(" ", 1)[0]
    assert "e-Kios" in bot.services.flow.store.answers(draft_id)["rancang_bangun"].value
    bot.event(_dm("ekspor", thread))
    [complete] = bot.slack.wait_for("files.completeUploadExternal")
    files = complete.params["files"]
    files = files if isinstance(files, list) else json.loads(files)
    text = _docx_text(bot.slack.uploaded(files[0]["id"]))
    assert "Replikasi praktik baik" in text and "e-Health Surabaya" in text
    assert "PP 38/2017 Pasal 29 ayat (2) dan (3)" in text and "e-Kios" in text
    assert "belum pernah diubah" in text  # the readiness notes in the document


def test_whole_draft_form_lists_every_section_and_edits_with_revision_checks(bot):
    from tests.slack_fake import view_submission_body

    drafting = Drafting(bot)
    draft_id, thread = drafting.start()
    for typed, _ in ANSWERS[:3]:
        post = drafting.type(thread, typed)
    drafting.click(post, "usulan_semua")
    [opened] = bot.slack.wait_for("views.open")
    view = opened.params["view"]
    view = view if isinstance(view, dict) else json.loads(view)
    inputs = [b for b in view["blocks"] if b["type"] == "input"]
    assert len(inputs) == 20 and inputs[0]["element"]["initial_value"] == "SIAP Puskesmas"

    def submit(**typed: str):
        values = {
            b["block_id"]: {
                "nilai_input": {
                    "type": "plain_text_input",
                    "value": typed.get(
                        b["block_id"][len("bagian_") :], b["element"].get("initial_value")
                    ),
                }
            }
            for b in inputs
        }
        body = view_submission_body(
            "usulan_semua_ubah", values, view["private_metadata"], blocks=view["blocks"]
        )
        return bot.send(body)

    status, body, _ = submit(nama_inovasi="SIAP Sehat", waktu_uji_coba="31 Februari 2027")
    errors = json.loads(body)["errors"]
    assert (
        list(errors) == ["bagian_waktu_uji_coba"] and "Februari" in errors["bagian_waktu_uji_coba"]
    )
    assert bot.services.flow.store.get(draft_id, "U1").name == "SIAP Puskesmas"  # nothing stored
    status, body, _ = submit(nama_inovasi="SIAP Sehat", inisiator="ASN, saya sendiri")
    assert status == 200 and body == ""
    answers = bot.services.flow.store.answers(draft_id)
    assert answers["nama_inovasi"].value == "SIAP Sehat" and answers["inisiator"].value == "ASN"
    after = drafting.next_post()
    assert "Tersimpan dari formulir" in after.params["text"] and after.params["thread_ts"] == thread
    # the same form again carries the old revisions: refused on the field, nothing overwritten
    status, body, _ = submit(nama_inovasi="Nama lama")
    assert "bagian_nama_inovasi" in json.loads(body)["errors"]
    assert bot.services.flow.store.get(draft_id, "U1").name == "SIAP Sehat"
