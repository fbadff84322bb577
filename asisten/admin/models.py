"""The admin's records: uploaded originals, corpus documents taken out, and every admin action."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

# pratinjau: checked, waiting for the admin's confirmation; aktif: part of the index;
# dibatalkan: the admin declined the preview; dihapus: taken out of the index later.
UPLOAD_STATUSES = ("pratinjau", "aktif", "dibatalkan", "dihapus")


def _now() -> datetime:
    return datetime.now(UTC)


class UploadedDocument(SQLModel, table=True):
    id: str = Field(primary_key=True)
    sha256: str = Field(index=True)
    file_name: str
    stored_path: str
    size: int
    uploaded_by: str
    uploaded_at: datetime = Field(default_factory=_now)
    status: str = "pratinjau"
    # Metadata the admin corrected (front-matter names: tipe, judul, jenis, nomor, tahun).
    fields: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    doc_id: str | None = None
    title: str = ""


class RemovedDocument(SQLModel, table=True):
    """A corpus file the admin took out of the index (the file itself stays in the repo)."""

    path: str = Field(primary_key=True)
    doc_id: str
    removed_by: str
    removed_at: datetime = Field(default_factory=_now)


class AdminAction(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    user: str = Field(index=True)
    action: str
    target: str = ""
    result: str = "ok"  # ok | ditolak | gagal | antre
    detail: str = ""
    created_at: datetime = Field(default_factory=_now)
