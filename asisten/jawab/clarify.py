"""When a question is too thin to answer one way: the options to ask back with.

Two shapes of question are underspecified however good the retrieval is:

- a pasal named without its regulation ("Apa isi Pasal 5?") when several regulations we hold
  have that pasal and the question has no other word to choose between them;
- a single content word ("syaratnya apa?", "sanksinya?") whose best passages come from
  different documents: requirements of what, sanctions under which law?

Answering either from the first passage found would be a guess presented as the answer, so the
decision asks back instead, offering the candidates as ready-made questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from asisten.indeks import text
from asisten.indeks.lexicon import word_list
from asisten.jawab.analysis import Query
from asisten.jawab.retrieval import Hit
from asisten.kb.models import DocumentMeta

REQUEST_WORDS_FILE = "request_words.txt"
# At most this many options: Slack shows them as buttons, a person reads them at a glance.
MAX_OPTIONS = 4
# The best passages a one-word question is read against.
VAGUE_TOP = 3


@dataclass(frozen=True)
class Option:
    """One reading of an underspecified question: a label and the question that asks it."""

    label: str
    question: str
    # What the label stands for: the regulation's or document's full title.
    detail: str = ""

    def as_json(self) -> dict[str, str]:
        return {"label": self.label, "question": self.question, "detail": self.detail}


@cache
def _request_stems() -> frozenset[str]:
    return frozenset(text.stem(word) for word in word_list(REQUEST_WORDS_FILE))


def topic_stems(query: Query) -> list[str]:
    """The question's words that say what it is about, beyond which provision it names."""
    return [s for s in query.stems if s not in _request_stems() and not s.isdigit()]


def provision_options(
    query: Query, holders: list[str], documents: dict[str, DocumentMeta]
) -> list[Option]:
    """The regulations to choose from when the question names a pasal several of them hold and
    nothing else: no regulation, no document, no topic word."""
    if query.provision is None or query.regulations or len(holders) < 2:
        return []
    if query.named_documents & set(holders) or topic_stems(query):
        return []
    provision = query.provision_name
    options = []
    for doc_id in sorted(holders, key=lambda d: _recency(documents[d]), reverse=True):
        meta = documents[doc_id]
        name = meta.short_name or meta.title
        label = f"{provision} {name}"
        options.append(Option(label, f"Apa isi {label}?", meta.title))
    return options[:MAX_OPTIONS]


def vague_options(
    query: Query, hits: list[Hit], documents: dict[str, DocumentMeta]
) -> list[Option]:
    """The documents a one-word question could be about, when its best passages disagree."""
    if len(query.stems) != 1 or query.english or query.definition or query.unknown:
        return []
    if query.provision is not None or query.regulations or query.named_documents:
        return []
    best_per_document: dict[str, Hit] = {}
    for hit in hits[:VAGUE_TOP]:
        if hit.coverage > 0:  # a passage near in meaning only is no reading of the word
            best_per_document.setdefault(hit.chunk.doc_id, hit)
    if len(best_per_document) < 2:
        return []
    subject = _subject(query.text)
    return [_reading(hit, documents[doc_id], subject) for doc_id, hit in best_per_document.items()][
        :MAX_OPTIONS
    ]


def _reading(hit: Hit, meta: DocumentMeta, subject: str) -> Option:
    """One passage as a question that finds it: an FAQ's own question, a provision's citation,
    else the question asked of that document by name."""
    chunk = hit.chunk
    if chunk.kind == "faq" and (faq := chunk.extra.get("question")):
        return Option(faq, faq, meta.title)
    if chunk.pasal and meta.short_name:
        citation = f"{meta.short_name} Pasal {chunk.pasal}"
        return Option(citation, f"Apa isi {citation}?", meta.title)
    name = meta.short_name or meta.title
    return Option(name, f"{subject} menurut {name}?", meta.title)


def _subject(question: str) -> str:
    return re.sub(r"[\s?!.]+$", "", question.strip()) or question


def _recency(meta: DocumentMeta) -> tuple[int, str]:
    return (meta.tahun or 0, meta.short_name or meta.title)
