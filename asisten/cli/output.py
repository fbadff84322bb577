"""Terminal rendering of answers: the answer, then its numbered sources."""

from __future__ import annotations

from asisten.jawab.answer import Answer

DISCLAIMER = "Catatan: jawaban ini bukan nasihat hukum; rujuk teks resmi peraturan."


def answer_text(answer: Answer) -> str:
    lines = [answer.text]
    if answer.sources:
        lines += ["", "Sumber:" if answer.found else "Terdekat (bukan jawaban atas pertanyaan):"]
        for source in answer.sources:
            page = f", hlm. {source.page}" if source.page else ""
            lines.append(f"  [{source.number}] {source.citation} — {source.title}{page}")
            if source.url:
                lines.append(f"      {source.url}")
        lines += ["", DISCLAIMER]
    return "\n".join(lines)


_ASKS_UNITS = (
    ("asks_closing", "Menanyakan penutup peraturan (tanggal, penanda tangan, lembaran)"),
    ("asks_preamble", "Menanyakan alasan peraturan dibuat: konsiderans-nya didahulukan"),
    ("asks_explanation", "Menanyakan isi Penjelasan: Penjelasan setiap pasal yang dikutip ikut"),
)


def trace_text(answer: Answer) -> str:
    """Why the engine answered or declined, for a person: what it read in the question, the
    rule that decided with its scores, and the best passages it found."""
    trace = answer.trace
    query, decision = trace.get("query", {}), trace.get("decision", {})
    lines = ["", "Penjelasan keputusan:"]
    lines.append(f"  Bahasa: {'Inggris' if query.get('language') == 'en' else 'Indonesia'}")
    lines.append(f"  Kata pokok (stem): {', '.join(query.get('stems', [])) or '-'}")
    if query.get("repaired"):
        fixes = ", ".join(f"{a} → {b}" for a, b in query["repaired"].items())
        lines.append(f"  Ejaan diperbaiki: {fixes}")
    if query.get("unknown"):
        lines.append(f"  Kata tak dikenal korpus: {', '.join(query['unknown'])}")
    if query.get("expects"):
        lines.append(f"  Jenis nilai yang ditanyakan: {query['expects']}")
    if query.get("years") or query.get("regions"):
        lines.append(
            f"  Tahun/wilayah yang disebut: {', '.join(query['regions'] + query['years'])}"
        )
    if query.get("provision"):
        lines.append(f"  Pasal yang disebut: {query['provision']}")
    if query.get("more_pasal"):
        lines.append(f"  Pasal lain yang disebut: {', '.join(query['more_pasal'])}")
    if query.get("regulations"):
        lines.append(f"  Peraturan yang disebut: {', '.join(query['regulations'])}")
    # What the question asks of a regulation's own units, which the answer brings first.
    for flag, said in _ASKS_UNITS:
        if query.get(flag):
            lines.append(f"  {said}")
    if query.get("missing_regulations"):
        lines.append(f"  Tidak ada di basis pengetahuan: {', '.join(query['missing_regulations'])}")
    parts = query.get("parts", [])
    found_by_part = trace.get("part_hits") or [None] * len(parts)
    for number, (part, found) in enumerate(zip(parts, found_by_part, strict=True), 1):
        where = f" → {found}" if found else ""
        lines.append(f"  Bagian pertanyaan {number}: {part}{where}")
    scores = ", ".join(f"{k}={v}" for k, v in decision.get("scores", {}).items())
    lines.append(
        f"  Keputusan: {decision.get('outcome')} (aturan {decision.get('rule')}"
        + (", dalam cakupan inovasi" if decision.get("in_scope") else "")
        + ")"
    )
    if decision.get("unsaid"):
        lines.append(f"  Tidak disebut potongan mana pun: {', '.join(decision['unsaid'])}")
    if scores:
        lines.append(f"  Skor: {scores}")
    if trace.get("hits"):
        lines.append("  Potongan teratas:")
        for hit in trace["hits"]:
            lines.append(
                f"    - {hit['citation']}: skor {hit['score']}, kosinus {hit['dense']},"
                f" cakupan kata {hit['coverage']}" + (" (dokumen disebut)" if hit["named"] else "")
            )
    return "\n".join(lines)
