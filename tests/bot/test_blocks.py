"""Block Kit builders as pure functions: structure, escaping, Slack's limits."""

from __future__ import annotations

import json

from asisten.bot import blocks as b
from asisten.bot.home import build_home_view
from asisten.bot.usulan_blocks import DraftCard
from asisten.jawab.answer import Answer, Source


def _source(number: int, citation: str = "PP 38/2017 Pasal 7 ayat (2)", **kw) -> Source:
    values = dict(
        number=number, title="Peraturan Pemerintah tentang Inovasi Daerah", citation=citation,
        doc_id="pp-38-2017", score=1.0, text="...", url="https://peraturan.bpk.go.id/x",
        chunk_id=f"c{number}", doc_type="regulasi", pasal="7",
    )  # fmt: skip
    values.update(kw)
    return Source(**values)


def _answer(text: str = "Proposal memuat rancang bangun [1].", sources=None, found=True):
    return Answer("q", text, found, [_source(1)] if sources is None else sources, "retrieval")


def test_escape_handles_slacks_three_characters():
    assert b.escape("a & <!channel> > b") == "a &amp; &lt;!channel&gt; &gt; b"


def test_split_text_cuts_at_boundaries_within_limit():
    text = "\n\n".join("kalimat " * 50 for _ in range(20))
    pieces = b.split_text(text, 1000)
    assert all(len(p) <= 1000 for p in pieces) and len(pieces) > 1
    assert " ".join(pieces).split() == text.split()  # nothing lost


def test_split_text_hard_cuts_a_word_longer_than_the_limit():
    assert [len(p) for p in b.split_text("x" * 2500, 1000)] == [1000, 1000, 500]


def test_answer_blocks_have_sources_disclaimer_and_feedback():
    built = b.build_answer_blocks(_answer(), answer_id=42)
    kinds = [block["type"] for block in built]
    assert kinds == ["section", "divider", "context", "section", "context", "actions"]
    source = built[3]
    assert source["text"]["text"].startswith("*[1]* <https://peraturan.bpk.go.id/x|PP 38/2017")
    assert json.loads(source["accessory"]["value"]) == {"doc": "pp-38-2017", "pasal": "7"}
    assert "bukan nasihat hukum" in built[4]["elements"][0]["text"]
    assert [e["value"] for e in built[5]["elements"]] == ["42", "42"]


def test_source_without_pasal_has_no_provision_button():
    built = b.build_answer_blocks(_answer(sources=[_source(1, "FAQ: x", pasal=None)]))
    assert not any("accessory" in block for block in built)


def test_not_found_answer_has_no_sources():
    built = b.build_answer_blocks(_answer("tidak ditemukan", sources=[], found=False), 1)
    assert [block["type"] for block in built] == ["section", "context", "actions"]


def test_not_held_answer_labels_its_closest_passages_as_no_answer():
    built = b.build_answer_blocks(_answer("Perpres 95/2018 tidak ada", found=False), 1)
    texts = json.dumps(built, ensure_ascii=False)
    assert "Terdekat (bukan jawaban atas pertanyaan)" in texts and "*Sumber*" not in texts
    assert "PP 38/2017 Pasal 7 ayat (2)" in texts


def test_unsafe_urls_are_not_linked():
    for url in ("javascript:alert(1)", "https://x.example|disguise", "https://a b", None):
        block = b.source_block(_source(1, url=url))
        assert "<" not in block["text"]["text"]


def test_titles_and_citations_are_escaped():
    block = b.source_block(_source(1, citation="<!channel>", title="<@U1> & co"))
    assert (
        "&lt;!channel&gt;" in block["text"]["text"]
        and "&lt;@U1&gt; &amp; co" in block["text"]["text"]
    )


def test_long_answer_and_many_sources_stay_within_limits():
    text = "\n\n".join(f"Ayat {i}: " + "isi ketentuan " * 120 for i in range(120))
    sources = [_source(i) for i in range(1, 80)]
    built = b.build_answer_blocks(_answer(text, sources), answer_id=1)
    assert len(built) <= b.MESSAGE_BLOCK_LIMIT
    assert all(len(block.get("text", {}).get("text", "")) <= 3000 for block in built)
    assert "dipotong" in json.dumps(built)
    assert "[79] PP 38/2017" in json.dumps(built)  # sources past the tenth listed in one line


def test_provision_view_fits_a_modal():
    view = b.build_provision_view("PP 38/2017 Pasal 7", "Inovasi Daerah", None, "isi " * 100_000)
    assert view["type"] == "modal" and len(view["blocks"]) <= b.VIEW_BLOCK_LIMIT
    assert len(view["title"]["text"]) <= 24


def test_reason_view_carries_the_feedback_id():
    view = b.build_reason_view(7)
    assert view["callback_id"] == b.VIEW_FEEDBACK_REASON and view["private_metadata"] == "7"
    assert view["blocks"][1]["optional"] is True


def test_fallback_text_is_short_and_escaped():
    text = b.fallback_text("<!here> " + "kata " * 200)
    assert len(text) <= b.FALLBACK_LIMIT and text.startswith("&lt;!here&gt;")


def test_home_view_lists_drafts_with_progress_and_confirmed_delete():
    cards = [DraftCard("k3q7fa", "SIAP <!here>", "draf", 7, 20)]
    view = build_home_view("Panduan singkat", cards)
    assert view["type"] == "home" and view["blocks"][0]["type"] == "header"
    text = json.dumps(view)
    assert "7/20" in text and "k3q7fa" in text and "&lt;!here&gt;" in text
    delete = [
        e for blk in view["blocks"] for e in blk.get("elements", []) if e.get("style") == "danger"
    ]
    assert delete and "confirm" in delete[0]


def test_home_view_without_drafts_offers_to_start_one():
    text = json.dumps(build_home_view("Panduan", []))
    assert "Belum ada usulan" in text and "usulan_baru" in text


def test_gap_blocks_escape_questions_and_carry_the_topic_in_the_button():
    from asisten.bot.admin import ACTION_GAP_UPLOAD, build_gap_blocks

    value = json.dumps({"t": "Apa itu SPBE?", "n": 3})
    gaps = build_gap_blocks("Celah", [("*3×* <@U123> & <!here> SPBE?", value)], "Kosong")
    [section] = [blk for blk in gaps if "accessory" in blk]
    assert section["text"]["text"] == "*3×* &lt;@U123&gt; &amp; &lt;!here&gt; SPBE?"
    button = section["accessory"]
    assert (button["action_id"], json.loads(button["value"])["n"]) == (ACTION_GAP_UPLOAD, 3)
    assert "Kosong" not in json.dumps(gaps) and gaps[-1] == {"type": "divider"}
    empty = build_gap_blocks("Celah", [], "Kosong")
    assert "Kosong" in json.dumps(empty) and not any("accessory" in blk for blk in empty)
    view = build_home_view("Panduan", [], gaps)
    assert view["blocks"].index(section) < len(view["blocks"]) - 1  # before the disclaimer
