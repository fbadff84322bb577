"""Repository for proposal drafts. Every method is one transaction, committed before it returns,
so a process killed at any moment keeps every answer already accepted.

Edits are guarded by revision numbers with a conditional UPDATE, so of two people changing the
same field from the same starting point, the second is told instead of overwriting the first.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from asisten.db.engine import update_row
from asisten.errors import AsistenError
from asisten.usulan.models import (
    ROLE_COAUTHOR,
    ROLE_OWNER,
    Draft,
    DraftAnswer,
    DraftMember,
    DraftRevision,
    DraftThread,
    HeldMessage,
)

ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: ids are typed by hand
ID_LENGTH = 6


class DraftError(AsistenError):
    """A draft action that cannot be done; the message is for the user."""


class DraftNotFoundError(DraftError):
    def __init__(self, draft_id: str) -> None:
        super().__init__(f"Usulan {draft_id} tidak ditemukan.")


class AccessDeniedError(DraftError):
    def __init__(self, draft_id: str) -> None:
        super().__init__(
            f"Usulan {draft_id} hanya dapat dilihat dan diubah oleh pemilik dan penulis pendampingnya."
        )


class EditConflictError(DraftError):
    def __init__(self, key: str, current: DraftAnswer | None) -> None:
        self.key = key
        self.current = current
        by = current.updated_by if current else "orang lain"
        super().__init__(f"Bagian ini baru saja diubah oleh {by}; perubahan Anda belum disimpan.")


def _now() -> datetime:
    return datetime.now(UTC)


def new_draft_id() -> str:
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))


class DraftStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- drafts -----------------------------------------------------------------------------
    def create(self, owner: str, first_step: str) -> Draft:
        with Session(self.engine) as session:
            draft = Draft(id=new_draft_id(), owner=owner, step=first_step)
            session.add(draft)
            session.add(DraftMember(draft_id=draft.id, user=owner, role=ROLE_OWNER))
            session.commit()
            session.refresh(draft)
            return draft

    def get(self, draft_id: str, user: str) -> Draft:
        """The draft, if `user` is its owner or a co-author."""
        with Session(self.engine) as session:
            draft = session.get(Draft, draft_id.strip().lower())
            if draft is None or draft.status == "dibatalkan":
                raise DraftNotFoundError(draft_id)
            if session.get(DraftMember, (draft.id, user)) is None:
                raise AccessDeniedError(draft.id)
            return draft

    def drafts_of(self, user: str) -> list[Draft]:
        """Every open draft the user owns or co-writes, most recently changed first."""
        with Session(self.engine) as session:
            query = (
                select(Draft)
                .join(DraftMember, DraftMember.draft_id == Draft.id)
                .where(DraftMember.user == user, Draft.status != "dibatalkan")
                .order_by(Draft.updated_at.desc())
            )
            return list(session.exec(query).all())

    def member(self, draft_id: str, user: str) -> DraftMember:
        with Session(self.engine) as session:
            member = session.get(DraftMember, (draft_id, user))
            if member is None:
                raise AccessDeniedError(draft_id)
            return member

    def update_member(self, draft_id: str, user: str, **fields: object) -> DraftMember:
        """One person's place in the draft (pending command, partial text), committed at once."""
        key = (draft_id, user)
        return update_row(
            self.engine, DraftMember, key, fields, lambda: AccessDeniedError(draft_id)
        )

    def update_state(self, draft_id: str, **fields: object) -> Draft:
        """Move the shared flow (step): committed at once like an answer."""
        fields = {**fields, "updated_at": _now()}
        return update_row(
            self.engine, Draft, draft_id, fields, lambda: DraftNotFoundError(draft_id)
        )

    def set_status(self, draft_id: str, user: str, status: str) -> Draft:
        with Session(self.engine) as session:
            draft = session.get(Draft, draft_id)
            if draft is None:
                raise DraftNotFoundError(draft_id)
            session.add(
                DraftRevision(
                    draft_id=draft_id, key="status", value=status, previous=draft.status,
                    revision=draft.version + 1, user=user,
                )
            )  # fmt: skip
            draft.status, draft.version, draft.updated_at = status, draft.version + 1, _now()
            session.add(draft)
            session.commit()
            session.refresh(draft)
            return draft

    # -- answers ----------------------------------------------------------------------------
    def answers(self, draft_id: str) -> dict[str, DraftAnswer]:
        with Session(self.engine) as session:
            rows = session.exec(select(DraftAnswer).where(DraftAnswer.draft_id == draft_id))
            return {row.key: row for row in rows.all()}

    def set_answer(
        self,
        draft_id: str,
        key: str,
        value: str | None,
        user: str,
        expected_revision: int | None = None,
        member_state: dict[str, object] | None = None,
        **state: object,
    ) -> DraftAnswer:
        """Store one answer (None = skipped) and move the flow (`state` on the draft,
        `member_state` on the user's place in it) in one transaction.

        `expected_revision` is the revision the user saw (0: the field was empty); a different
        current revision raises EditConflictError and nothing is written.
        """
        with Session(self.engine) as session:
            current = session.get(DraftAnswer, (draft_id, key))
            seen = current.revision if current else 0
            if expected_revision is not None and expected_revision != seen:
                raise EditConflictError(key, current)
            revision = self._write_answer(session, draft_id, key, value, user, seen)
            if revision is None:
                session.rollback()
                raise EditConflictError(key, self.answers(draft_id).get(key))
            session.add(
                DraftRevision(
                    draft_id=draft_id, key=key, value=value,
                    previous=current.value if current else None, revision=revision, user=user,
                )
            )  # fmt: skip
            self._touch(session, draft_id, key, value, state)
            if member_state:
                member = session.get(DraftMember, (draft_id, user))
                for name, new in member_state.items():
                    setattr(member, name, new)
                session.add(member)
            session.commit()
        return self.answers(draft_id)[key]

    @staticmethod
    def _write_answer(
        session: Session, draft_id: str, key: str, value: str | None, user: str, seen: int
    ) -> int | None:
        """Insert or conditionally update; None when someone else wrote in between."""
        if seen == 0:
            session.add(DraftAnswer(draft_id=draft_id, key=key, value=value, updated_by=user))
            try:
                session.flush()
            except IntegrityError:
                return None
            return 1
        result = session.execute(
            update(DraftAnswer)
            .where(
                DraftAnswer.draft_id == draft_id,
                DraftAnswer.key == key,
                DraftAnswer.revision == seen,
            )
            .values(value=value, revision=seen + 1, updated_by=user, updated_at=_now())
        )
        return seen + 1 if result.rowcount == 1 else None

    @staticmethod
    def _touch(
        session: Session, draft_id: str, key: str, value: str | None, state: dict[str, object]
    ) -> None:
        draft = session.get(Draft, draft_id)
        if draft is None:
            raise DraftNotFoundError(draft_id)
        for name, new in state.items():
            setattr(draft, name, new)
        if key == "nama_inovasi" and value:
            draft.name = value
        draft.version += 1
        draft.updated_at = _now()
        session.add(draft)

    def revisions(self, draft_id: str) -> list[DraftRevision]:
        with Session(self.engine) as session:
            query = select(DraftRevision).where(DraftRevision.draft_id == draft_id)
            return list(session.exec(query.order_by(DraftRevision.id)).all())

    # -- held messages ----------------------------------------------------------------------
    def hold(
        self, draft_id: str, user: str, key: str, text: str, kind: str, proposed: str | None = None
    ) -> HeldMessage:
        """Keep a message until it is placed; an older open one of the same kind is superseded."""
        with Session(self.engine) as session:
            for older in self._open_held(session, draft_id, user, kind):
                older.resolved = "diganti"
                session.add(older)
            held = HeldMessage(
                draft_id=draft_id, user=user, key=key, text=text, kind=kind, proposed=proposed
            )
            session.add(held)
            session.commit()
            session.refresh(held)
            return held

    def open_held(self, draft_id: str, user: str, kind: str) -> HeldMessage | None:
        with Session(self.engine) as session:
            return next(iter(self._open_held(session, draft_id, user, kind)), None)

    def held(self, held_id: int, user: str) -> HeldMessage:
        """A kept message, only for the person who typed it."""
        with Session(self.engine) as session:
            held = session.get(HeldMessage, held_id)
            if held is None or held.user != user:
                raise DraftError("Pesan itu tidak ditemukan.")
            return held

    def resolve_held(self, held_id: int, how: str) -> bool:
        """Mark a kept message placed; False if it already was (a second click)."""
        with Session(self.engine) as session:
            result = session.execute(
                update(HeldMessage)
                .where(HeldMessage.id == held_id, HeldMessage.resolved.is_(None))
                .values(resolved=how)
            )
            session.commit()
            return result.rowcount == 1

    @staticmethod
    def _open_held(session: Session, draft_id: str, user: str, kind: str) -> list[HeldMessage]:
        query = select(HeldMessage).where(
            HeldMessage.draft_id == draft_id, HeldMessage.user == user,
            HeldMessage.kind == kind, HeldMessage.resolved.is_(None),
        )  # fmt: skip
        return list(session.exec(query.order_by(HeldMessage.id.desc())).all())

    # -- people and threads -----------------------------------------------------------------
    def members(self, draft_id: str) -> list[DraftMember]:
        with Session(self.engine) as session:
            query = select(DraftMember).where(DraftMember.draft_id == draft_id)
            return list(session.exec(query).all())

    def add_coauthor(self, draft_id: str, by_user: str, user: str) -> bool:
        """Only the owner adds co-authors. False if `user` was already on the draft."""
        draft = self.get(draft_id, by_user)
        if draft.owner != by_user:
            raise DraftError("Hanya pemilik usulan yang dapat menambah penulis pendamping.")
        with Session(self.engine) as session:
            if session.get(DraftMember, (draft_id, user)) is not None:
                return False
            session.add(DraftMember(draft_id=draft_id, user=user, role=ROLE_COAUTHOR))
            session.commit()
            return True

    def link_thread(self, draft_id: str, channel: str, thread_ts: str) -> None:
        with Session(self.engine) as session:
            session.merge(DraftThread(channel=channel, thread_ts=thread_ts, draft_id=draft_id))
            session.commit()

    def draft_for_thread(self, channel: str, thread_ts: str) -> str | None:
        with Session(self.engine) as session:
            row = session.get(DraftThread, (channel, thread_ts))
            return row.draft_id if row else None

    def thread_of(self, draft_id: str, channel: str) -> str | None:
        """The latest thread of this draft in `channel` (a user's DM), if any."""
        with Session(self.engine) as session:
            query = select(DraftThread).where(
                DraftThread.draft_id == draft_id, DraftThread.channel == channel
            )
            rows = session.exec(query).all()
            return max((r.thread_ts for r in rows), default=None, key=float)
