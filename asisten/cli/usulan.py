"""`asisten usulan`: list, check and export proposal drafts from a terminal.

Drafting itself happens in `asisten chat` ("buat usulan") or in Slack; the same access rules
apply here: only a draft's owner and co-authors (`--sebagai`, default ASISTEN_USER) see it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from asisten.cli.common import cli_user, friendly_errors, settings, usage_error

app = typer.Typer(help="Usulan inovasi daerah: daftar, cek kesiapan, ekspor.", no_args_is_help=True)
AsUser = Annotated[
    str | None, typer.Option("--sebagai", help="ID pengguna (bawaan: ASISTEN_USER).")
]


def _flow_and_user(as_user: str | None):
    from asisten.usulan import build_flow

    config = settings()
    return build_flow(config), as_user or cli_user(config)


@app.command("daftar", help="Daftar usulan milik pengguna.")
def daftar(sebagai: AsUser = None) -> None:
    with friendly_errors():
        flow, user = _flow_and_user(sebagai)
        drafts = flow.store.drafts_of(user)
        if not drafts:
            typer.echo(f"Belum ada usulan untuk {user}.")
        for draft in drafts:
            done, total = flow.progress(draft.id)
            name = draft.name or "(tanpa nama)"
            typer.echo(f"{draft.id}  {draft.status:<9} {done:>2}/{total}  {name}")


@app.command("cek", help="Cek kesiapan satu usulan.")
def cek(draft_id: str, sebagai: AsUser = None) -> None:
    with friendly_errors():
        flow, user = _flow_and_user(sebagai)
        typer.echo(flow.handle(draft_id, user, "cek").text)


@app.command("ekspor", help="Ekspor usulan sebagai dokumen Word (docx) atau Markdown (md).")
def ekspor(
    draft_id: str,
    format: Annotated[str, typer.Option("--format", help="docx atau md.")] = "docx",  # noqa: A002
    keluaran: Annotated[
        Path | None,
        typer.Option("--keluaran", help="Berkas tujuan (bawaan: usulan-<id>.<format>)."),
    ] = None,
    sebagai: AsUser = None,
) -> None:
    with friendly_errors():
        if format not in ("docx", "md"):
            usage_error("Galat: --format harus docx atau md.")
        flow, user = _flow_and_user(sebagai)
        name, data = flow.export(draft_id, user, format)
        path = keluaran or Path.cwd() / name
        path.write_bytes(data)
        typer.echo(f"Usulan {draft_id} diekspor ke {path}")
