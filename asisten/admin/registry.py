"""Repository over the admin tables; every method is one committed transaction."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from asisten.admin.models import AdminAction, RemovedDocument, UploadedDocument
from asisten.db.engine import update_row


class AdminRegistry:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- actions ------------------------------------------------------------------------------
    def record(
        self, user: str, action: str, target: str = "", result: str = "ok", detail: str = ""
    ):
        with Session(self.engine) as session:
            entry = AdminAction(
                user=user, action=action, target=target, result=result, detail=detail[:2000]
            )
            session.add(entry)
            session.commit()
            session.refresh(entry)
            return entry

    def actions(self, limit: int = 20) -> list[AdminAction]:
        with Session(self.engine) as session:
            query = select(AdminAction).order_by(AdminAction.id.desc()).limit(limit)
            return list(session.exec(query).all())

    # -- uploads ------------------------------------------------------------------------------
    def add_upload(self, upload: UploadedDocument) -> UploadedDocument:
        with Session(self.engine) as session:
            session.add(upload)
            session.commit()
            session.refresh(upload)
            return upload

    def upload(self, upload_id: str) -> UploadedDocument | None:
        with Session(self.engine) as session:
            return session.get(UploadedDocument, upload_id)

    def update_upload(self, upload_id: str, **fields: object) -> UploadedDocument:
        return update_row(
            self.engine, UploadedDocument, upload_id, fields, lambda: KeyError(upload_id)
        )

    def change_status(self, upload_id: str, expected: str, status: str) -> bool:
        """Move an upload from `expected` to `status`; False if it was no longer `expected`
        (another request, perhaps on another replica, changed it first)."""
        with Session(self.engine) as session:
            result = session.execute(
                update(UploadedDocument)
                .where(UploadedDocument.id == upload_id, UploadedDocument.status == expected)
                .values(status=status)
            )
            session.commit()
            return result.rowcount == 1

    def uploads(self, *statuses: str) -> list[UploadedDocument]:
        with Session(self.engine) as session:
            query = select(UploadedDocument).order_by(UploadedDocument.uploaded_at)
            if statuses:
                query = query.where(UploadedDocument.status.in_(statuses))
            return list(session.exec(query).all())

    # -- corpus documents taken out ---------------------------------------------------------
    def remove(self, path: str, doc_id: str, user: str) -> None:
        with Session(self.engine) as session:
            session.merge(RemovedDocument(path=path, doc_id=doc_id, removed_by=user))
            session.commit()

    def removed_paths(self) -> set[str]:
        with Session(self.engine) as session:
            return {row.path for row in session.exec(select(RemovedDocument)).all()}
