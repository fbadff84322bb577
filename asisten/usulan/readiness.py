""" "Cek kesiapan": what a draft still lacks, each finding with the rule it comes from.

`kurang` findings block submission (a required part is missing or invalid); `lemah` findings are
advice: the part is there but an assessor is likely to find it thin. The checks follow the
proposal's minimum contents (PP 38/2017 Pasal 7 ayat (2)), the criteria of an innovation (Pasal 6)
and what the national index form asks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from asisten.usulan.template import ProposalTemplate

KURANG = "kurang"
LEMAH = "lemah"
RANCANG_BANGUN_WORDS = 300
_WORD = re.compile(r"\w+", re.UNICODE)
# Phrases that show the text says what is new, how others could replicate it, or that the
# public would carry a cost; matched on lower-case text.
_NOVELTY = ("baru", "pembaharuan", "pembaruan", "perubahan", "berubah", "kebaruan", "sebelumnya")
_REPLICATION = ("replikasi", "direplikasi", "ditiru", "daerah lain", "diterapkan di", "diadopsi")
_PUBLIC_BURDEN = (
    "retribusi",
    "tarif",
    "pungutan",
    "denda",
    "iuran",
    "dibebankan kepada masyarakat",
)
_MEASURE = re.compile(r"\d|%|persen|indikator|target|sasaran", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    key: str
    title: str
    level: str
    message: str
    rule: str


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def check_draft(
    template: ProposalTemplate, answers: dict[str, str | None], copied: set[str] | None = None
) -> list[Finding]:
    """`copied`: steps still holding text prefilled from a replicated good practice."""
    findings = _missing(template, answers)
    findings += [
        _finding(
            template, key, KURANG,
            "Masih salinan dari praktik baik yang direplikasi dan belum pernah diubah; "
            "sesuaikan dengan kondisi daerah Anda.",
            "Penjelasan PP 38/2017 Pasal 23 (replikasi memperhatikan karakteristik daerah)",
        )
        for key in template.keys
        if key in (copied or set()) and answers.get(key)
    ]  # fmt: skip
    text = {key: (value or "") for key, value in answers.items()}
    findings += _design(template, text)
    findings += _criteria(template, text)
    findings += _dates_and_budget(template, text)
    return findings


def is_ready(findings: list[Finding]) -> bool:
    return not any(f.level == KURANG for f in findings)


def _finding(template: ProposalTemplate, key: str, level: str, message: str, rule: str = ""):
    step = template.step(key) if key in template.keys else None
    return Finding(
        key, step.title if step else key, level, message, rule or (step.rule if step else "")
    )


def _missing(template: ProposalTemplate, answers: dict[str, str | None]) -> list[Finding]:
    return [
        _finding(template, step.key, KURANG, "Belum diisi; bagian ini wajib.")
        for step in template.steps
        if step.required and not answers.get(step.key)
    ]


def _design(template: ProposalTemplate, text: dict[str, str]) -> list[Finding]:
    findings = []
    design = text.get("rancang_bangun", "")
    if design and word_count(design) < RANCANG_BANGUN_WORDS:
        findings.append(
            _finding(
                template, "rancang_bangun", KURANG,
                f"Baru {word_count(design)} kata; formulir indeks meminta minimal "
                f"{RANCANG_BANGUN_WORDS} kata.",
                "Formulir Indeks Inovasi Daerah (Permendagri 104/2018)",
            )
        )  # fmt: skip
    result = text.get("hasil", "")
    if result and not _MEASURE.search(result):
        findings.append(
            _finding(
                template, "hasil", LEMAH,
                "Belum ada angka sasaran atau indikator; penilai melihat dampak yang terukur.",
                "PP 38/2017 Pasal 23 huruf a",
            )
        )  # fmt: skip
    return findings


def _criteria(template: ProposalTemplate, text: dict[str, str]) -> list[Finding]:
    findings = []
    design = text.get("rancang_bangun", "").lower()
    everything = " ".join(text.values()).lower()
    if design and not any(word in design for word in _NOVELTY):
        findings.append(
            _finding(
                template, "rancang_bangun", LEMAH,
                "Rancang bangun belum menyebut apa yang baru dibanding cara lama (unsur pembaharuan).",
                "PP 38/2017 Pasal 6 huruf a",
            )
        )  # fmt: skip
    if design and not any(phrase in everything for phrase in _REPLICATION):
        findings.append(
            _finding(
                template, "rancang_bangun", LEMAH,
                "Belum dijelaskan bagaimana inovasi ini dapat direplikasi daerah lain.",
                "PP 38/2017 Pasal 6 huruf e",
            )
        )  # fmt: skip
    if any(phrase in everything for phrase in _PUBLIC_BURDEN):
        findings.append(
            _finding(
                template, "dasar_hukum", LEMAH,
                "Usulan menyebut beban bagi masyarakat (retribusi, tarif, pungutan, denda): "
                "pastikan inovasi tidak membebani masyarakat, atau penerapannya ditetapkan "
                "dengan Perda (PP 38/2017 Pasal 20 ayat (2) huruf a).",
                "PP 38/2017 Pasal 6 huruf c",
            )
        )  # fmt: skip
    return findings


def _dates_and_budget(template: ProposalTemplate, text: dict[str, str]) -> list[Finding]:
    findings = []
    trial, start = _date(text.get("waktu_uji_coba")), _date(text.get("waktu_penerapan"))
    if trial and start and start <= trial:
        findings.append(
            _finding(
                template, "waktu_penerapan", KURANG,
                "Waktu penerapan harus sesudah waktu uji coba.", "PP 38/2017 Pasal 20 ayat (1)",
            )
        )  # fmt: skip
    amount, source = text.get("anggaran", ""), text.get("sumber_anggaran", "")
    if amount and amount != "0" and not source:
        findings.append(
            _finding(
                template, "sumber_anggaran", LEMAH,
                "Anggaran disebut tanpa sumbernya.", "PP 38/2017 Pasal 30 ayat (1)",
            )
        )  # fmt: skip
    if source and not amount:
        findings.append(
            _finding(
                template, "anggaran", LEMAH,
                "Sumber anggaran disebut tanpa jumlahnya.", "PP 38/2017 Pasal 7 ayat (2) huruf f",
            )
        )  # fmt: skip
    return findings


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
