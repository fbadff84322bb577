"""A regulation's considerations (its Menimbang): why it was made, and what it implements or
replaces ("bahwa untuk melaksanakan ketentuan Pasal 390 ...", "bahwa Undang-Undang Nomor 32
Tahun 2004 ... tidak sesuai lagi ... sehingga perlu diganti").

Only the "bahwa ..." items are taken. The Mengingat that follows is a list of legal bases: the
names of other regulations, which would make questions about *those* look answered here.
Scans shuffle the labels ("Mcnimbang : Mcnimbang : Mcngingat : ... bahwa ..."), so the items are
found by their own word and end at the semicolon closing the last one.
"""

from __future__ import annotations

import re

# OCR reads "e" as "c" often enough ("Mcnimbang") to tolerate it.
_MARKER = re.compile(r"\bM[ec]n[il]mbang\b", re.IGNORECASE)
_ITEM = re.compile(r"\bbahwa\b", re.IGNORECASE)
# What ends the considerations when their last item has no closing semicolon. "Mengingat" as
# a label (capitalised, before a colon or at a line start), not the conjunction "mengingat".
_STOP = re.compile(
    r"\bM[ec]ngingat\s*:|^\s*M[ec]ngingat\b|\bMEMUTUSKAN\b|\bMenetapkan\s*:"
    r"|\bDengan\s+Persetujuan\s+Bersama\b|\bMemperhatikan\s*:",
    re.MULTILINE,
)
_NEXT_ITEM = re.compile(r";\s+(?=(?:[a-z]\.\s+)?bahwa\b)", re.IGNORECASE)
_LABEL = re.compile(r"(?:^|\s)([a-z]\.)\s*$")
# Longer than any real Menimbang: past this the text is not what it looks like.
MAX_CHARS = 4000


def considerations(preamble: str) -> str:
    """The "bahwa ..." items of the preamble's Menimbang, one per line; "" when there is none."""
    marker = _MARKER.search(preamble)
    if marker is None:
        return ""
    first = _ITEM.search(preamble, marker.end())
    if first is None:
        return ""
    start = first.start()
    label = _LABEL.search(preamble, 0, start)
    if label is not None:
        start = label.start(1)
    stop = _STOP.search(preamble, first.end())
    region = preamble[start : stop.start() if stop else len(preamble)]
    items = list(_ITEM.finditer(region))
    closing = region.find(";", items[-1].end())
    if closing >= 0:
        region = region[: closing + 1]
    # One line per item: the layout's line breaks (a PDF's narrow column) go, items keep theirs.
    text = _NEXT_ITEM.sub(";\n", " ".join(region.split()))
    return text if len(text) <= MAX_CHARS else ""
