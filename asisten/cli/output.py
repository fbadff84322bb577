"""Terminal rendering of answers: the answer, then its numbered sources."""

from __future__ import annotations

from asisten.jawab.answer import Answer

DISCLAIMER = "Catatan: jawaban ini bukan nasihat hukum; rujuk teks resmi peraturan."


def answer_text(answer: Answer) -> str:
    lines = [answer.text]
    if answer.sources:
        lines += ["", "Sumber:"]
        for source in answer.sources:
            page = f", hlm. {source.page}" if source.page else ""
            lines.append(f"  [{source.number}] {source.citation} — {source.title}{page}")
            if source.url:
                lines.append(f"      {source.url}")
        lines += ["", DISCLAIMER]
    return "\n".join(lines)
