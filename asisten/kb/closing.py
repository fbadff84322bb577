"""A regulation's closing part (its Penutup): the order to promulgate it, the place and date it was
enacted (ditetapkan / disahkan) and by whom, the date it was promulgated (diundangkan) and the
gazette that holds it ("LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2015 NOMOR 58").

It follows the last pasal, and a parser that ends the last pasal at the Penjelasan would glue it
to that pasal: "when was it enacted" would then be answered, if at all, by the pasal on its entry
into force, and the closing's words would dilute that pasal for every other question. Cut out, it
is a unit of its own with its own citation.
"""

from __future__ import annotations

import re

# The order to promulgate opens the closing in every drafting era ("Agar supaya setiap orang
# dapat mengetahuinya" in 1965, "Agar setiap orang mengetahuinya" since).
_ORDER = re.compile(
    r"\bAgar\s+(?:supaya\s+)?setiap\s+orang\s+(?:dapat\s+)?mengetahuinya\b", re.IGNORECASE
)
# Without that order (a Surat Edaran, a Keputusan): the signing place and a real date; an annex's
# blank form ("ditetapkan di Jakarta, pada tanggal .......20...") has no digit.
_SIGNED = re.compile(
    r"\b(?:Ditetapkan|Disahkan)\s+di\s+[A-Z][\w.]*[\s,.]+pada\s+tanggal\s+\d", re.IGNORECASE
)
# Where each act of the closing starts, to give it a line of its own.
_ACT = re.compile(r"\s+(?=(?:Ditetapkan|Disahkan|Diundangkan)\s+di\b)")
# The gazette line ends the closing: what a PDF prints after it is coordination initials,
# certification stamps and page furniture.
# OCR may misread its words ("LEMBARAN NEGAM REPUBLIK INDONESIATAHUN 2017 NOMOR 73").
_GAZETTE = re.compile(
    r"\b(?:LEMBARAN|BERITA)\s+[A-Z]{4,8}\b[A-Z\s.]{0,80}?TAHUN\s*\w{4}\s+NOMOR\s+\d+"
)
# Longer than the initials and stamps a PDF prints after the gazette line.
MAX_FURNITURE_CHARS = 400
# Longer than any real closing: past this the text is not what it looks like.
MAX_CHARS = 1200


def split_closing(body: str) -> tuple[str, str]:
    """The body without its closing, and the closing with each act on a line of its own ("" when
    none is found)."""
    start = _closing_start(body)
    if start is None:
        return body, ""
    end = len(body)
    if gazette := _GAZETTE.search(body, start, start + MAX_CHARS):
        end = gazette.end()
    text = _ACT.sub("\n", " ".join(body[start:end].split()))
    if gazette:
        line = " ".join(gazette.group(0).split())
        text = text.replace(" " + line, "\n" + line)
    if len(text) > MAX_CHARS:
        return body, ""
    # After the gazette line: coordination initials and stamps are dropped; a long text is
    # content that belongs to the body (a Penjelasan whose heading OCR mangled).
    rest = body[end:].strip()
    kept = f"\n{rest}" if len(rest) > MAX_FURNITURE_CHARS else ""
    return body[:start].rstrip() + kept, text.strip()


def _closing_start(body: str) -> int | None:
    """The order to promulgate, said once in a regulation; else the last signing."""
    if order := _ORDER.search(body):
        return order.start()
    signed = [m.start() for m in _SIGNED.finditer(body)]
    return signed[-1] if signed else None
