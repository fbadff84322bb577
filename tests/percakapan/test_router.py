"""The session router: one decision for Slack and the terminal about what a message is."""

from __future__ import annotations

from io import BytesIO

import docx

from asisten.percakapan.router import OPTION_ANSWER, Incoming
from tests.usulan.proposal_answers import FREE_ANSWERS, KONTAK


def _docx_text(data: bytes) -> str:
    document = docx.Document(BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_free_words_draft_with_one_answer_outside_the_thread(router):
    """The issue's "done when": free words throughout, the contact sent outside the thread, at
    most two re-asks, the export holds the template's choices and the stray answer."""
    start = router.route(Incoming("U1", "buat usulan"))
    draft_id, asked, reasks = start.draft_id, start.step.key, 0
    for typed, _shown in FREE_ANSWERS:
        if typed is None:
            continue
        if (typed, _shown) == KONTAK:
            reply = router.route(Incoming("U1", typed))  # no draft: a top-level DM
            assert reply.moved_to_draft and "sebagai jawaban untuk [3/20] Narahubung" in reply.text
        else:
            reply = router.route(Incoming("U1", typed, draft_id=draft_id))
        if reply.step is not None and reply.step.key == asked:
            reasks += 1
            reply = router.route(Incoming("U1", "ya", draft_id=draft_id))
        asked = reply.step.key if reply.step else None
    assert reply.kind == "check" and "Semua bagian sudah terisi" in reply.text
    assert reasks == 1, reasks  # only "awal 2028", confirmed as 1 Januari 2028
    values = router.flow.values(draft_id)
    assert values["inisiator"] == "ASN" and values["tahapan"] == "Uji coba"
    assert values["jenis"] == "Digital" and values["sumber_anggaran"] == "APBD"
    assert values["anggaran"] == "150000000" and values["waktu_penerapan"] == "2028-01-01"
    text = _docx_text(router.flow.export(draft_id, "U1", "docx")[1])
    for _typed, shown in FREE_ANSWERS:
        if shown:
            assert shown in text, shown


def test_what_was_understood_is_said_back(router):
    draft_id = router.route(Incoming("U1", "buat usulan")).draft_id
    for typed in ("SIAP", "Dinas Kesehatan", "Budi 0812 1111 2222"):
        router.route(Incoming("U1", typed, draft_id=draft_id))
    reply = router.route(Incoming("U1", "ASN, saya sendiri", draft_id=draft_id))
    assert reply.notice == "Tersimpan: Inisiator = ASN."
    for typed in ("uji coba", "digital", "pelayanan publik", "Kesehatan"):
        router.route(Incoming("U1", typed, draft_id=draft_id))
    router.flow.store.update_state(draft_id, step="anggaran")
    reply = router.route(Incoming("U1", "seratus lima puluh juta, dari CSR", draft_id=draft_id))
    assert "Tersimpan: Anggaran (jumlah) = Rp 150.000.000." in reply.notice
    assert "Tersimpan juga: Sumber anggaran = Pendanaan lain" in reply.notice
    assert reply.step.key == "dasar_hukum"


def test_two_plausible_choices_come_back_as_two_options(router):
    draft_id = router.route(Incoming("U1", "buat usulan")).draft_id
    router.flow.store.update_state(draft_id, step="inisiator")
    reply = router.route(Incoming("U1", "ASN dari Dinas Kesehatan", draft_id=draft_id))
    assert reply.step.key == "inisiator"
    assert [o.value for o in reply.options] == ["ASN", "Perangkat daerah"]
    assert router.flow.choose(draft_id, "U1", "inisiator", "ASN").step.key == "tahapan"


def test_unclear_message_outside_the_thread_is_kept_and_placed(router):
    draft_id = router.route(Incoming("U1", "buat usulan")).draft_id
    router.route(Incoming("U1", "SIAP Puskesmas", draft_id=draft_id))
    parked = router.route(Incoming("U1", "Dinas Kesehatan dan Dinas Kominfo"))
    assert parked.kind == "parked" and parked.held_id is not None
    assert "[2/20] Perangkat daerah / unit pengusul" in parked.options[0].label
    assert "unit_pengusul" not in router.flow.values(draft_id)  # not applied yet, not lost
    placed = router.place(parked.held_id, "U1", as_answer=True)
    assert placed.moved_to_draft and placed.step.key == "kontak"
    assert router.flow.values(draft_id)["unit_pengusul"] == "Dinas Kesehatan dan Dinas Kominfo"
    assert router.place(parked.held_id, "U1", as_answer=True).kind == "info"  # a second click


def test_questions_outside_the_thread_go_to_the_knowledge_base(router):
    draft_id = router.route(Incoming("U1", "buat usulan")).draft_id
    for text in ("Siapa yang dapat mengusulkan inovasi daerah?", "isi proposal inovasi apa saja"):
        reply = router.route(Incoming("U1", text))
        assert reply.kind == "answer" and reply.side_answer is not None
    assert router.flow.values(draft_id) == {}
    kept = router.route(Incoming("U1", "Puskesmas Sehat"))
    assert router.place(kept.held_id, "U1", as_answer=False).side_answer is not None
    assert kept.options[0].value == OPTION_ANSWER


def test_side_question_in_the_thread_has_its_answer_apart(router):
    draft_id = router.route(Incoming("U1", "buat usulan")).draft_id
    reply = router.route(Incoming("U1", "Apa isi proposal inovasi daerah?", draft_id=draft_id))
    assert reply.side_answer is not None and reply.side_answer.text not in reply.text
    assert reply.text.startswith(f"Kembali ke usulan {draft_id}")


def test_replication_draft_from_a_shipped_case(router):
    """Prefilled from the case, marked to adapt, rules cited; copies never edited are flagged;
    the export carries the case's content and the replication rules."""
    reply = router.route(Incoming("U1", "buat usulan replikasi dari e-health surabaya"))
    draft_id = reply.draft_id
    assert "dari praktik baik e-Health Surabaya" in reply.notice
    assert "PP 38/2017 Pasal 29 ayat (2) dan (3)" in reply.notice
    values = router.flow.values(draft_id)
    assert "antre" in values["latar_belakang"] and "e-Kios" in values["rancang_bangun"]
    assert "Dinas Komunikasi dan Informatika" in values["kolaborator"]
    assert values["jenis"] == "Digital" and values["bentuk"] == "Inovasi pelayanan publik"
    assert reply.step.key == "nama_inovasi"  # asked first; the copied parts are not re-asked
    copied = {f.key for f in router.flow.findings(draft_id) if "salinan" in f.message}
    assert copied == {"latar_belakang", "rancang_bangun", "manfaat", "kolaborator"}
    router.route(Incoming("U1", "SIAP Antre", draft_id=draft_id))
    router.route(Incoming("U1", "ubah latar belakang", draft_id=draft_id))
    own = "Antrean puskesmas di Kabupaten Contoh mencapai tiga jam setiap pagi, dan warga desa"
    own += " terpencil sering pulang tanpa dilayani karena kuota nomor antrean habis sejak subuh."
    router.route(Incoming("U1", own, draft_id=draft_id))
    copied = {f.key for f in router.flow.findings(draft_id) if "salinan" in f.message}
    assert "latar_belakang" not in copied and "rancang_bangun" in copied
    markdown = router.flow.export(draft_id, "U1", "md")[1].decode()
    assert "## Replikasi praktik baik" in markdown and "e-Health Surabaya" in markdown
    assert "Penjelasan PP 38/2017 Pasal 23" in markdown and "e-Kios" in markdown
    text = _docx_text(router.flow.export(draft_id, "U1", "docx")[1])
    assert "Replikasi praktik baik" in text and "PP 38/2017 Pasal 28" in text


def test_unknown_case_lists_the_cases_there_are(router):
    reply = router.route(Incoming("U1", "buat usulan replikasi dari kota atlantis"))
    assert reply.draft_id is None and "tidak ditemukan" in reply.notice
    assert "e-Health Surabaya" in reply.notice
