"""FAQ pairs: one chunk per question, cited by the provision its answer rests on."""

from __future__ import annotations

from typing import Any

from asisten.kb.chunking import slug
from asisten.kb.models import Chunk, DocumentMeta


def faq_chunks(meta: DocumentMeta, pairs: list[dict[str, Any]]) -> list[Chunk]:
    chunks = []
    for index, pair in enumerate(pairs, start=1):
        question = str(pair["tanya"]).strip()
        answer = " ".join(str(pair["jawab"]).split())
        if not question or not answer:
            raise ValueError(f"pasangan ke-{index} tanpa tanya atau jawab")
        references = [str(r).strip() for r in pair.get("rujukan") or []]
        variants = [str(v).strip() for v in pair.get("varian") or []]
        pair_id = str(pair.get("id") or slug(question)[:60])
        chunks.append(
            Chunk(
                chunk_id=f"{meta.doc_id}#{pair_id}",
                doc_id=meta.doc_id,
                citation=references[0] if references else f"FAQ: {question}",
                text=answer,
                context=question,
                kind="faq",
                extra={"question": question, "variants": variants, "references": references},
            )
        )
    return chunks
