"""`asisten tanya`: one question, or one per stdin line (model loaded once)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from asisten.cli.common import engine, friendly_errors, settings, usage_error
from asisten.cli.output import answer_text, trace_text
from asisten.kb.models import DOC_TYPES


def tanya(
    pertanyaan: Annotated[
        str | None, typer.Argument(help="Pertanyaan; tanpa argumen: baca dari stdin.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Keluaran JSON (satu objek per baris).")
    ] = False,
    jelaskan: Annotated[
        bool, typer.Option("--jelaskan", help="Tampilkan mengapa mesin menjawab atau menolak.")
    ] = False,
    jenis: Annotated[
        list[str] | None,
        typer.Option("--jenis", help=f"Batasi jenis dokumen: {', '.join(DOC_TYPES)}."),
    ] = None,
) -> None:
    with friendly_errors():
        doc_types = _doc_types(jenis)
        core = engine(settings())
        questions = [pertanyaan] if pertanyaan else _stdin_questions()
        for question in questions:
            answer = core.answer(question, doc_types)
            if as_json:
                typer.echo(json.dumps(answer.as_json(), ensure_ascii=False))
            else:
                typer.echo(answer_text(answer))
                if jelaskan:
                    typer.echo(trace_text(answer))
                if len(questions) > 1:
                    typer.echo("-" * 60)


def _doc_types(values: list[str] | None) -> set[str] | None:
    if not values:
        return None
    chosen = {v.strip() for value in values for v in value.split(",") if v.strip()}
    unknown = chosen - set(DOC_TYPES)
    if unknown:
        usage_error(
            f"Jenis tidak dikenal: {', '.join(sorted(unknown))}. Pilih dari: {', '.join(DOC_TYPES)}."
        )
    return chosen


def _stdin_questions() -> list[str]:
    return [line.strip() for line in sys.stdin if line.strip()]
