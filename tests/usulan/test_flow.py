"""The proposal flow end to end on a real SQLite file: answers, commands, validation, access,
concurrent edits, readiness and export."""

from __future__ import annotations

import threading
import time
from io import BytesIO

import docx
import pytest

from asisten.usulan.store import AccessDeniedError, DraftNotFoundError, EditConflictError
from tests.usulan.conftest import fill
from tests.usulan.proposal_answers import ANSWERS


def _docx_text(data: bytes) -> str:
    document = docx.Document(BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_whole_proposal_is_drafted_checked_and_exported(flow):
    start = flow.start("U1")
    assert start.step.key == "nama_inovasi" and "[1/20]" in start.text
    replies = fill(flow, start.draft_id, "U1", ANSWERS)
    assert all(r.kind == "question" for r in replies[:-1])
    assert replies[-1].kind == "check" and "siap" in replies[-1].text
    draft = flow.store.get(start.draft_id, "U1")
    assert draft.status == "siap" and draft.step is None and draft.name == "SIAP Puskesmas"
    answers = flow.store.answers(draft.id)
    assert answers["anggaran"].value == "150000000"
    assert answers["waktu_penerapan"].value == "2027-01-01"
    assert answers["dasar_hukum"].value is None  # skipped
    assert len(flow.store.revisions(draft.id)) == len(ANSWERS) + 1  # + status → siap
    name, data = flow.export(draft.id, "U1", "docx")
    text = _docx_text(data)
    assert name == f"usulan-{draft.id}.docx"
    for _typed, shown in ANSWERS:
        if shown:
            assert shown in text, shown
    assert "(dilewati)" in text
    markdown = flow.export(draft.id, "U1", "md")[1].decode()
    assert "## Rancang bangun dan pokok perubahan" in markdown and "Rp 150.000.000" in markdown


def test_invalid_answers_are_explained_and_asked_again(flow):
    draft_id = flow.start("U1").draft_id
    fill(flow, draft_id, "U1", ANSWERS[:3])
    reply = flow.handle(draft_id, "U1", "belum tahu")  # not a choice
    assert reply.step.key == "inisiator" and "1. Kepala daerah" in reply.text
    fill(flow, draft_id, "U1", ANSWERS[3:13])
    reply = flow.handle(draft_id, "U1", "31 Februari 2026")
    assert reply.step.key == "waktu_uji_coba" and "Februari" in reply.text
    flow.handle(draft_id, "U1", "1 Maret 2026")
    reply = flow.handle(draft_id, "U1", "1 Januari 2026")
    assert reply.step.key == "waktu_penerapan" and "sesudah" in reply.text
    assert "waktu_penerapan" not in flow.store.answers(draft_id)


def test_long_answer_can_arrive_in_pieces(flow):
    draft_id = flow.start("U1").draft_id
    fill(flow, draft_id, "U1", ANSWERS[:9])
    first, second = ANSWERS[9][0][:900], ANSWERS[9][0][900:]
    reply = flow.handle(draft_id, "U1", first)
    assert reply.step.key == "rancang_bangun" and "minimal 300 kata" in reply.text
    assert flow.store.member(draft_id, "U1").buffer  # kept: a restart would not lose it
    assert "dikosongkan" in flow.handle(draft_id, "U1", "ulang").text
    assert flow.store.member(draft_id, "U1").buffer == ""
    flow.handle(draft_id, "U1", first)
    reply = flow.handle(draft_id, "U1", second)
    assert reply.step.key == "tujuan"
    assert "Metode pembaharuan" in flow.store.answers(draft_id)["rancang_bangun"].value


def test_kembali_lewati_and_ubah(flow):
    draft_id = flow.start("U1").draft_id
    fill(flow, draft_id, "U1", ANSWERS[:2])
    assert flow.handle(draft_id, "U1", "kembali").step.key == "unit_pengusul"
    assert flow.handle(draft_id, "U1", "Dinas Kesehatan").step.key == "kontak"
    assert "wajib" in flow.handle(draft_id, "U1", "lewati").text
    reply = flow.handle(draft_id, "U1", "ubah nama")
    assert reply.step.key == "nama_inovasi" and "Isi sekarang: SIAP Puskesmas" in reply.text
    reply = flow.handle(draft_id, "U1", "SIAP Puskesmas Terpadu")
    assert reply.step.key == "kontak"  # back where the flow was
    assert flow.store.get(draft_id, "U1").name == "SIAP Puskesmas Terpadu"
    assert "tidak dikenal" in flow.handle(draft_id, "U1", "ubah warna sampul").text
    assert flow.handle(draft_id, "U1", "ekspor md").export_format == "md"
    assert "tambah @pengguna" in flow.handle(draft_id, "U1", "bantuan").text
    summary = flow.handle(draft_id, "U1", "ringkasan")
    assert summary.kind == "summary" and "Dinas Kesehatan" in summary.text
    assert "(belum diisi)" in summary.text and "2/20" in summary.text
    long = "Warga antre sejak subuh di puskesmas karena pendaftaran masih manual. " * 3
    flow.handle(draft_id, "U1", "ubah latar belakang")
    flow.handle(draft_id, "U1", long)
    assert long.strip() not in flow.handle(draft_id, "U1", "ringkasan").text  # shortened
    full = flow.handle(draft_id, "U1", "ringkasan lengkap")
    assert full.kind == "summary" and long.strip() in full.text


def test_optional_step_can_be_skipped(flow):
    draft_id = flow.start("U1").draft_id
    fill(flow, draft_id, "U1", ANSWERS[:15])
    reply = flow.handle(draft_id, "U1", "lewati")
    assert reply.step.key == "sumber_anggaran" and "dilewati" in reply.text
    assert flow.store.answers(draft_id)["anggaran"].value is None


def test_batal_needs_confirmation(flow):
    draft_id = flow.start("U1").draft_id
    assert flow.handle(draft_id, "U1", "batal").kind == "confirm"
    assert flow.handle(draft_id, "U1", "tidak jadi").kind == "question"
    assert flow.store.drafts_of("U1")
    flow.handle(draft_id, "U1", "batal")
    assert flow.handle(draft_id, "U1", "ya").kind == "closed"
    assert flow.store.drafts_of("U1") == []
    with pytest.raises(DraftNotFoundError):
        flow.handle(draft_id, "U1", "lanjut")


def test_simpan_then_lanjut_resumes_at_the_next_question(flow):
    draft_id = flow.start("U1").draft_id
    fill(flow, draft_id, "U1", ANSWERS[:4])
    assert flow.handle(draft_id, "U1", "simpan").kind == "closed"
    reply = flow.resume(draft_id, "U1")
    assert reply.step.key == "tahapan" and draft_id in reply.text


def test_several_drafts_per_person_are_separate(flow):
    first, second = flow.start("U1").draft_id, flow.start("U1").draft_id
    flow.handle(first, "U1", "Inovasi A")
    flow.handle(second, "U1", "Inovasi B")
    assert {d.name for d in flow.store.drafts_of("U1")} == {"Inovasi A", "Inovasi B"}


def test_cek_and_ajukan(flow):
    draft_id = flow.start("U1").draft_id
    fill(flow, draft_id, "U1", ANSWERS[:9])
    check = flow.handle(draft_id, "U1", "cek")
    kurang = {f.key for f in check.findings if f.level == "kurang"}
    assert {"rancang_bangun", "tujuan", "waktu_uji_coba"} <= kurang
    assert "PP 38/2017 Pasal 7 ayat (2) huruf b" in check.text
    assert flow.handle(draft_id, "U1", "ajukan").kind == "check"  # refused: not ready
    fill(flow, draft_id, "U1", ANSWERS[9:])
    assert flow.handle(draft_id, "U1", "ajukan").kind == "info"
    assert flow.store.get(draft_id, "U1").status == "diajukan"
    assert "sudah diajukan" in flow.handle(draft_id, "U1", "ubah tujuan").text


def test_weak_parts_are_named_with_their_rule(flow):
    draft_id = flow.start("U1").draft_id
    answers = list(ANSWERS)
    answers[12] = (
        "Layanan menjadi lebih baik, warga lebih puas, dan pelayanan makin tertib setiap harinya.",
        "",
    )
    fill(flow, draft_id, "U1", answers)
    weak = {f.key: f for f in flow.handle(draft_id, "U1", "cek").findings}
    assert weak["hasil"].level == "lemah" and weak["hasil"].rule == "PP 38/2017 Pasal 23 huruf a"


def test_stranger_is_refused_and_coauthor_allowed(flow):
    draft_id = flow.start("U1").draft_id
    with pytest.raises(AccessDeniedError):
        flow.handle(draft_id, "U9", "Nama lain")
    with pytest.raises(AccessDeniedError):
        flow.export(draft_id, "U9")
    flow.handle(draft_id, "U1", "tambah <@U9>")
    assert flow.handle(draft_id, "U9", "Nama dari U9").step.key == "unit_pengusul"
    assert [d.id for d in flow.store.drafts_of("U9")] == [draft_id]


def test_two_people_changing_one_field_do_not_overwrite_each_other(flow):
    draft_id = flow.start("U1").draft_id
    flow.handle(draft_id, "U1", "tambah <@U2>")
    fill(flow, draft_id, "U1", ANSWERS[:2])
    flow.handle(draft_id, "U1", "ubah nama")
    flow.handle(draft_id, "U2", "ubah nama")  # both see revision 1
    assert flow.handle(draft_id, "U1", "Nama versi U1").kind == "question"
    conflict = flow.handle(draft_id, "U2", "Nama versi U2")
    assert (
        conflict.kind == "conflict" and "U1" in conflict.text and "Nama versi U1" in conflict.text
    )
    assert flow.store.get(draft_id, "U1").name == "Nama versi U1"
    # having seen the change, U2 may still decide to replace it
    assert flow.handle(draft_id, "U2", "Nama versi U2").kind == "question"
    assert flow.store.get(draft_id, "U2").name == "Nama versi U2"


def test_modal_edit_with_an_old_revision_is_refused(flow):
    draft_id = flow.start("U1").draft_id
    fill(flow, draft_id, "U1", ANSWERS[:1])
    revision = flow.store.answers(draft_id)["nama_inovasi"].revision
    assert flow.edit(draft_id, "U1", "nama_inovasi", "Baru", revision).kind == "info"
    assert flow.edit(draft_id, "U1", "nama_inovasi", "Lama", revision).kind == "conflict"
    assert flow.edit(draft_id, "U1", "waktu_uji_coba", "kemarin", 0).kind == "invalid"


def test_answer_written_before_someone_else_answered_is_not_misapplied(flow):
    draft_id = flow.start("U1").draft_id
    flow.handle(draft_id, "U1", "tambah <@U2>")
    sent_by_u2 = time.time()
    time.sleep(0.01)
    flow.handle(draft_id, "U1", "Nama dari U1", sent_at=time.time())
    reply = flow.handle(draft_id, "U2", "Nama dari U2", sent_at=sent_by_u2)
    assert "unit_pengusul" not in flow.store.answers(draft_id)
    assert "Nama dari U1" in reply.text and reply.step.key == "unit_pengusul"


def test_simultaneous_writers_one_wins(flow):
    draft_id = flow.start("U1").draft_id
    results: list[str] = []
    barrier = threading.Barrier(8)

    def write(n: int) -> None:
        barrier.wait()
        try:
            flow.store.set_answer(draft_id, "tujuan", f"versi {n}", f"U{n}", expected_revision=0)
            results.append("ok")
        except EditConflictError:
            results.append("conflict")

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["conflict"] * 7 + ["ok"]
    assert flow.store.answers(draft_id)["tujuan"].revision == 1


@pytest.mark.model
def test_knowledge_base_helps_while_drafting(tmp_path, real_engine):
    from asisten.config import load_settings
    from asisten.usulan import build_flow

    flow = build_flow(load_settings(home=tmp_path), engine=real_engine)
    draft_id = flow.start("U1").draft_id
    replies = fill(flow, draft_id, "U1", ANSWERS[:17])
    by_step = {r.step.key: r.text for r in replies if r.step}
    cases = by_step["bentuk"].split("Praktik baik serupa", 1)[1]
    assert "Surabaya" in cases or "Makassar" in cases  # health innovations for a health draft
    assert (
        "PP 38/2017 Pasal 20" in by_step["dasar_hukum"].split("Ketentuan yang mungkin berlaku")[1]
    )
