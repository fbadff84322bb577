"""Checking and normalising one answer to one proposal step.

People answer in whatever form comes naturally ("1 Mar 2025", "mulai Maret 2027 di dua
puskesmas", "Rp150 jt", "seratus lima puluh juta", "ASN, saya sendiri", "pelayan publik"). Each answer is stored in a single canonical form instead: ISO
dates, whole rupiah as digits, the choice's own text. That way later checks can compare values
(a deployment date must come after the trial date), documents can be rendered consistently with
`asisten.usulan.values`, and a draft reads the same however it was typed. An answer that cannot be
understood comes back as `Invalid` with a message in Bahasa Indonesia that says what is wrong and
shows a good answer, so the question can simply be asked again; `Ambiguous` (two choices fit)
and `Unsure` (a vague date to confirm) ask back instead. Choices, dates and amounts are read by
`choices`, `dates` and `amounts`; their word lists are data in asisten/data/usulan/.
"""

from __future__ import annotations

import re
from datetime import date

from asisten.usulan.amounts import read_amount
from asisten.usulan.choices import match_choice
from asisten.usulan.dates import read_date
from asisten.usulan.outcome import Ambiguous, Invalid, Unsure, Valid
from asisten.usulan.template import Step

__all__ = ["Ambiguous", "Invalid", "Unsure", "Valid", "validate"]


def validate(
    step: Step, raw: str, answers: dict[str, str], today: date | None = None
) -> Valid | Invalid:
    """Check `raw` against `step`; `answers` are the draft's stored values, by step key;
    `today` anchors relative dates ("tahun depan")."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return _empty(step)
    if step.kind in ("text", "long_text"):
        return _text(step, text)
    if step.kind == "choice":
        return match_choice(step, text)
    if step.kind == "date":
        return read_date(step, text, answers, today or date.today())
    if step.kind == "number":
        return read_amount(text)
    raise ValueError(f"jenis langkah tidak dikenal: {step.kind!r}")


def _empty(step: Step) -> Invalid:
    if step.required:
        return Invalid(
            f"Bagian {step.title} wajib diisi, jadi jawabannya tidak boleh kosong. "
            "(Perintah `lewati` hanya untuk bagian yang tidak wajib.) Silakan tulis jawabannya."
        )
    return Invalid(
        f"Jawaban untuk {step.title} kosong. Bagian ini tidak wajib: ketik `lewati` untuk "
        "melewatinya, atau tulis jawabannya."
    )


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


# --- text ---------------------------------------------------------------------------------------


def _text(step: Step, text: str) -> Valid | Invalid:
    if len(text) > step.max_chars:
        return Invalid(
            f"{step.title} terlalu panjang: {_count(len(text))} karakter; maksimal "
            f"{_count(step.max_chars)} karakter. Ringkas jawabannya, misalnya dengan menghapus "
            "pengulangan dan rincian yang tidak diperlukan."
        )
    if step.min_words > 0:
        n = len(_words(text))
        if n < step.min_words:
            return Invalid(
                f"{step.title} baru {_count(n)} kata; minimal {_count(step.min_words)} kata. "
                f"Tambahkan sedikitnya {_count(step.min_words - n)} kata lagi, misalnya dengan "
                "menjelaskan masalah yang diatasi, cara kerja inovasi, dan hasil yang diharapkan."
            )
    return Valid(text)
