"""The guided proposal conversation, shared by Slack and `asisten chat`.

One message in, one `FlowReply` out. A message is a command (kembali, lewati, ubah <bagian>,
ringkasan, cek, batal, simpan, lanjut, ekspor, ajukan, tambah, ulang, bantuan), a side question
(ends with "?": answered by the answering function the flow was given, then the flow goes on), or
the answer to the step being asked. Free words are read per step (`validation`); what was
understood is said back ("Tersimpan: Inisiator = ASN"), words beside an amount or a date may
answer the next step too, two plausible choices are offered alone, and a vague date is kept
(`HeldMessage`) until confirmed. Every accepted answer and every move of the flow is committed
before the reply is returned, so a killed process resumes exactly at the next question.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from asisten import templates
from asisten.jawab.answer import Answer
from asisten.jawab.engine import Engine
from asisten.kb.models import CASE_TYPE
from asisten.usulan.export import (
    ExportDraft,
    ExportReplication,
    ExportSection,
    render_docx,
    render_markdown,
)
from asisten.usulan.models import HELD_CONFIRM, Draft, DraftMember
from asisten.usulan.readiness import Finding, check_draft, is_ready, word_count
from asisten.usulan.replication import PREFILL_AUTHOR, cases, find_case, prefill, rules
from asisten.usulan.reply import FlowReply, Option
from asisten.usulan.store import DraftError, DraftStore, EditConflictError
from asisten.usulan.template import ProposalTemplate, Step
from asisten.usulan.validation import Ambiguous, Invalid, Unsure, Valid, validate
from asisten.usulan.values import display_value

SINGLE_COMMANDS = {
    "kembali", "lewati", "ringkasan", "batal", "simpan", "lanjut", "cek", "ajukan", "bantuan",
    "ulang", "ekspor",
}  # fmt: skip
ARGUMENT_COMMANDS = {"ubah", "ekspor", "tambah", "cek", "ringkasan"}
# "ringkasan lengkap": every value whole, the terminal's view of the whole draft at once.
FULL_SUMMARY = {"lengkap", "penuh", "semua"}
YES = {"ya", "y", "iya", "yakin", "ya batalkan", "ok", "oke", "betul", "benar", "ya betul"}
# Steps whose answers are checked strictly enough that leftover words can safely fill them.
PREFILLABLE = ("choice", "date", "number")
EXPORT_FORMATS = ("docx", "md")
_USER_MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")
SUMMARY_CHARS = 90
REPLICATION_KEY = "_replikasi"  # not a step: which good practice the draft replicates


@dataclass(frozen=True)
class Turn:
    """The draft and this person's place in it, for one message."""

    draft: Draft
    member: DraftMember

    @property
    def user(self) -> str:
        return self.member.user


class ProposalFlow:
    def __init__(
        self,
        store: DraftStore,
        template: ProposalTemplate,
        prompts_dir: Path,
        ask: Callable[[str], Answer] | None = None,
        engine: Engine | None = None,
    ) -> None:
        self.store = store
        self.template = template
        self.prompts_dir = prompts_dir
        # Answers a side question from the knowledge base; the flow knows nothing else of it.
        self.ask = ask
        self.engine = engine

    # -- entry points -------------------------------------------------------------------------
    def start(self, user: str) -> FlowReply:
        draft = self.store.create(user, self.template.steps[0].key)
        self.store.update_state(draft.id, step_changed_at=time.time())
        turn = self._turn(draft.id, user)
        notice = self._message("mulai", draft_id=draft.id, total=len(self.template.steps))
        return self._ask(turn, notice)

    def start_replication(self, user: str, name: str) -> FlowReply:
        """A draft prefilled from the good practice `name` (a case title or document id)."""
        if self.engine is None:
            raise DraftError(
                "Basis pengetahuan belum tersedia, jadi praktik baik belum dapat dibaca."
            )
        case = find_case(self.engine.version, name)
        if case is None:
            titles = [c.title for c in cases(self.engine.version)]
            return FlowReply(None, self._message("replikasi_tidak_ada", nama=name, kasus=titles))
        draft = self.store.create(user, self.template.steps[0].key)
        author = f"{PREFILL_AUTHOR}{case.doc_id}"
        values = prefill(self.template, case)
        note = {"doc_id": case.doc_id, "title": case.title, "region": case.region, "url": case.url}
        for key, value in {**values, REPLICATION_KEY: json.dumps(note)}.items():
            self.store.set_answer(draft.id, key, value, author, expected_revision=0)
        first = next((k for k in self.template.keys if k not in values), None)
        self.store.update_state(draft.id, step=first, step_changed_at=time.time())
        notice = self._message(
            "replikasi_mulai", draft_id=draft.id, kasus=case.title, daerah=case.region,
            bagian=[self.template.step(k).title for k in values], rujukan=rules(),
        )  # fmt: skip
        return self._ask(self._turn(draft.id, user), notice)

    def replication_note(self, draft_id: str) -> dict[str, str] | None:
        """The good practice a draft replicates (doc_id, title, region, url), if any."""
        stored = self.store.answers(draft_id).get(REPLICATION_KEY)
        return json.loads(stored.value) if stored and stored.value else None

    def resume(self, draft_id: str, user: str) -> FlowReply:
        turn = self._turn(draft_id, user)
        notice = self._message("lanjut", draft_id=turn.draft.id, nama=turn.draft.name)
        return self._ask(turn, notice)

    def handle(
        self, draft_id: str, user: str, message: str, sent_at: float | None = None
    ) -> FlowReply:
        """One message from `user` about this draft. `sent_at` (epoch seconds, when known)
        detects an answer written for a question that someone else has already answered."""
        turn = self._turn(draft_id, user)
        text = message.strip()
        if turn.member.pending == "batal":
            return self._confirm_cancel(turn, text)
        command = self._command(text)
        if command is not None:
            return self._run(turn, *command)
        if text.endswith("?") and self.ask is not None:
            return self._side_question(turn, text)
        if turn.draft.status == "diajukan":
            return self._info(turn, self._message("terkunci", draft_id=turn.draft.id))
        stale = sent_at is not None and sent_at < turn.draft.step_changed_at
        if stale and not turn.member.pending and not turn.member.buffer:
            return self._stale(turn)
        return self._answer(turn, text)

    def choose(self, draft_id: str, user: str, key: str, choice: str) -> FlowReply:
        """A choice button: applies only if that step is still the one this user is asked."""
        turn = self._turn(draft_id, user)
        if self._target(turn)[0] != key:
            title = self.template.step(key).title
            return self._ask(turn, self._message("sudah_terjawab", judul=title))
        return self.handle(draft_id, user, choice)

    def cancel(self, draft_id: str, user: str) -> None:
        """Delete (hide) a draft; only its owner may."""
        draft = self.store.get(draft_id, user)
        if draft.owner != user:
            raise DraftError("Hanya pemilik usulan yang dapat menghapusnya.")
        self.store.set_status(draft.id, user, "dibatalkan")

    def edit(self, draft_id: str, user: str, key: str, value: str, revision: int) -> FlowReply:
        """One field changed outside the flow (a Slack modal): validated, revision-checked."""
        turn = self._turn(draft_id, user)
        step = self.template.step(key)
        result = validate(step, value, self._values(draft_id))
        if isinstance(result, Invalid):
            return FlowReply(draft_id, result.message, kind="invalid", step=step)
        try:
            self.store.set_answer(draft_id, key, result.value, user, expected_revision=revision)
        except EditConflictError as exc:
            return FlowReply(draft_id, self._conflict_text(step, exc), kind="conflict", step=step)
        self._refresh_status(self.store.get(draft_id, user), user)
        return self._info(turn, self._saved(step, result.value))

    def edit_many(
        self, draft_id: str, user: str, changes: dict[str, tuple[str, int]]
    ) -> dict[str, str]:
        """Several fields changed at once (the whole-draft form): each is validated first and
        nothing is stored if any is invalid; then each is stored against the revision the
        person saw. Returns step key -> problem (empty: all stored)."""
        self._turn(draft_id, user)  # access check
        values = self._values(draft_id)
        checked: dict[str, str] = {}
        problems: dict[str, str] = {}
        for key, (value, _revision) in changes.items():
            result = validate(self.template.step(key), value, values)
            if isinstance(result, Invalid):
                problems[key] = result.message
            else:
                checked[key] = result.value
        if problems:
            return problems
        for key, value in checked.items():
            try:
                self.store.set_answer(draft_id, key, value, user, expected_revision=changes[key][1])
            except EditConflictError as exc:
                problems[key] = self._conflict_text(self.template.step(key), exc)
        draft = self.store.get(draft_id, user)
        if draft.step in checked and draft.step not in problems:  # the asked step got filled
            self._move_on(draft_id, draft.step)
        self._refresh_status(self.store.get(draft_id, user), user)
        return problems

    def _move_on(self, draft_id: str, key: str) -> None:
        next_step = self._next_step(key, set(self.store.answers(draft_id)))
        self.store.update_state(
            draft_id, step=next_step, step_changed_at=time.time(),
            step_revision=self._revision(draft_id, next_step),
        )  # fmt: skip

    def sections(self, draft_id: str, user: str) -> list[tuple[Step, str, int]]:
        """Every step with its stored value ("" when none) and revision, for the whole-draft form."""
        self._turn(draft_id, user)
        answers = self.store.answers(draft_id)
        return [
            (step, (answers[step.key].value or "") if step.key in answers else "",
             answers[step.key].revision if step.key in answers else 0)
            for step in self.template.steps
        ]  # fmt: skip

    # -- commands -----------------------------------------------------------------------------
    def _command(self, text: str) -> tuple[str, str] | None:
        words = text.rstrip(".!").split()
        if not words:
            return None
        word, rest = words[0].lower(), " ".join(words[1:])
        if not rest and word in SINGLE_COMMANDS:
            return word, ""
        # A command with an argument is short; a long answer that starts with "ubah" is an answer.
        if word in ARGUMENT_COMMANDS and rest and len(words) <= 5:
            return word, rest
        return None

    def _run(self, turn: Turn, command: str, argument: str) -> FlowReply:
        handlers = {
            "kembali": self._back, "lewati": self._skip, "ubah": self._change,
            "ringkasan": self._summary, "batal": self._ask_cancel, "simpan": self._save,
            "lanjut": self._continue, "cek": self._check, "ajukan": self._submit,
            "bantuan": self._help, "ulang": self._clear_buffer, "ekspor": self._export,
            "tambah": self._add_coauthor,
        }  # fmt: skip
        read_only = {"ringkasan", "cek", "ekspor", "simpan", "lanjut", "bantuan"}
        if turn.draft.status == "diajukan" and command not in read_only:
            return self._info(turn, self._message("terkunci", draft_id=turn.draft.id))
        return handlers[command](turn, argument)

    def _back(self, turn: Turn, _: str) -> FlowReply:
        if turn.member.pending:
            return self._ask(self._with_member(turn, pending=None, buffer=""))
        keys = self.template.keys
        index = keys.index(turn.draft.step) if turn.draft.step else len(keys)
        if index == 0:
            return self._ask(turn, self._message("awal"))
        self._move_to(turn, keys[index - 1])
        return self._ask(self._turn(turn.draft.id, turn.user))

    def _skip(self, turn: Turn, _: str) -> FlowReply:
        key, _revision = self._target(turn)
        if key is None:
            return self._ask(turn)
        step = self.template.step(key)
        if step.required:
            return self._ask(turn, self._message("wajib", judul=step.title))
        return self._store(turn, step, None, self._message("dilewati", judul=step.title))

    def _change(self, turn: Turn, name: str) -> FlowReply:
        step = self._find_step(name)
        if step is None:
            titles = [s.title.lower() for s in self.template.steps]
            notice = self._message("bagian_tidak_dikenal", nama_bagian=name, bagian=titles)
            return self._ask(turn, notice)
        current = self.store.answers(turn.draft.id).get(step.key)
        pending = f"ubah:{step.key}:{current.revision if current else 0}"
        turn = self._with_member(turn, pending=pending, buffer="")
        return self._ask(turn, self._message("ubah", judul=step.title))

    def _summary(self, turn: Turn, argument: str) -> FlowReply:
        full = argument.strip().lower() in FULL_SUMMARY
        return FlowReply(turn.draft.id, self.summary_text(turn.draft, full), kind="summary")

    def _ask_cancel(self, turn: Turn, _: str) -> FlowReply:
        self.store.update_member(turn.draft.id, turn.user, pending="batal")
        notice = self._message("batal_tanya", draft_id=turn.draft.id, nama=turn.draft.name)
        return FlowReply(turn.draft.id, notice, kind="confirm")

    def _confirm_cancel(self, turn: Turn, text: str) -> FlowReply:
        turn = self._with_member(turn, pending=None)
        if text.lower().rstrip(".!") in YES:
            self.store.set_status(turn.draft.id, turn.user, "dibatalkan")
            return FlowReply(
                turn.draft.id, self._message("batal", draft_id=turn.draft.id), kind="closed"
            )
        return self._ask(turn, self._message("batal_urung"))

    def _save(self, turn: Turn, _: str) -> FlowReply:
        return FlowReply(
            turn.draft.id, self._message("simpan", draft_id=turn.draft.id), kind="closed"
        )

    def _continue(self, turn: Turn, _: str) -> FlowReply:
        return self._ask(
            turn, self._message("lanjut", draft_id=turn.draft.id, nama=turn.draft.name)
        )

    def _check(self, turn: Turn, _: str) -> FlowReply:
        findings = self.findings(turn.draft.id)
        return FlowReply(turn.draft.id, self._check_text(findings), kind="check", findings=findings)

    def _submit(self, turn: Turn, _: str) -> FlowReply:
        draft_id = turn.draft.id
        findings = self.findings(draft_id)
        if not is_ready(findings):
            text = (
                self._message("belum_siap", draft_id=draft_id) + "\n\n" + self._check_text(findings)
            )
            return FlowReply(draft_id, text, kind="check", findings=findings)
        self.store.set_status(draft_id, turn.user, "diajukan")
        return FlowReply(draft_id, self._message("diajukan", draft_id=draft_id), kind="info")

    def _help(self, turn: Turn, _: str) -> FlowReply:
        return self._ask(turn, self._message("bantuan"))

    def _clear_buffer(self, turn: Turn, _: str) -> FlowReply:
        return self._ask(self._with_member(turn, buffer=""), self._message("ulang"))

    def _export(self, turn: Turn, argument: str) -> FlowReply:
        fmt = argument.lower().lstrip(".") or "docx"
        fmt = fmt if fmt in EXPORT_FORMATS else "docx"
        return FlowReply(turn.draft.id, kind="export", export_format=fmt)

    def _add_coauthor(self, turn: Turn, argument: str) -> FlowReply:
        mention = _USER_MENTION.search(argument)
        target = mention.group(1) if mention else argument.split()[-1].lstrip("@")
        added = self.store.add_coauthor(turn.draft.id, turn.user, target)
        shown = f"<@{target}>" if mention else target
        notice = self._message("penulis", baru=added, pengguna=shown, draft_id=turn.draft.id)
        return self._info(turn, notice)

    # -- answering ----------------------------------------------------------------------------
    def _answer(self, turn: Turn, text: str) -> FlowReply:
        key, _revision = self._target(turn)
        if key is None:
            return self._ask(turn)
        step = self.template.step(key)
        held = self.store.open_held(turn.draft.id, turn.user, HELD_CONFIRM)
        if held is not None:
            self.store.resolve_held(held.id, "jawaban" if _is_yes(text) else "diganti")
            if _is_yes(text) and held.key == key and held.proposed:
                confirmed = validate(step, held.proposed, self._values(turn.draft.id))
                if isinstance(confirmed, Invalid):  # e.g. before the trial date after all
                    return self._ask(turn, confirmed.message)
                return self._store(turn, step, confirmed.value, self._saved(step, confirmed.value))
        buffer = turn.member.buffer
        raw = f"{buffer}\n\n{text}" if buffer else text
        result = validate(step, raw, self._values(turn.draft.id))
        if isinstance(result, Unsure):
            self.store.hold(turn.draft.id, turn.user, key, raw, HELD_CONFIRM, result.proposed)
            label = f"Ya, {display_value(step, result.proposed)}"
            return self._ask(turn, result.message, full=False, options=(Option(label, "ya"),))
        if isinstance(result, Ambiguous):
            options = tuple(Option(o, o) for o in result.options)
            return self._ask(turn, result.reason, options=options)
        if isinstance(result, Invalid):
            if self._partial(step, raw):
                turn = self._with_member(turn, buffer=raw)
                notice = self._message("sebagian", kata=word_count(raw), minimal=step.min_words)
                return self._ask(turn, notice, full=False)
            return self._ask(turn, result.message)
        return self._store(turn, step, result.value, self._saved(step, result.value), result.rest)

    def _saved(self, step: Step, value: str | None) -> str:
        """ "Tersimpan: Inisiator = ASN": what was understood, for values read from free words."""
        shown = display_value(step, value) if step.kind in PREFILLABLE else ""
        return self._message("tersimpan", judul=step.title, nilai=shown)

    def _prefill(self, turn: Turn, rest: str) -> str:
        """Words left beside an amount or a date ("… dari APBD") answer the next step when
        they clearly do; the notice says so. Empty when they do not."""
        key, _revision = self._target(turn)
        if key is None:
            return ""
        step = self.template.step(key)
        if step.kind not in PREFILLABLE:
            return ""
        result = validate(step, rest, self._values(turn.draft.id))
        if type(result) is not Valid or self._commit(turn, step, result.value) is not None:
            return ""
        shown = display_value(step, result.value)
        return self._message("tersimpan_juga", judul=step.title, nilai=shown, dari=rest)

    def _store(
        self, turn: Turn, step: Step, value: str | None, notice: str, rest: str = ""
    ) -> FlowReply:
        conflict = self._commit(turn, step, value)
        if conflict is not None:
            return conflict
        turn = self._turn(turn.draft.id, turn.user)
        also = "" if _changing(turn) or not rest else self._prefill(turn, rest)
        if also:
            turn = self._turn(turn.draft.id, turn.user)
        return self._ask(turn, "\n".join(p for p in (notice, also) if p))

    def _commit(self, turn: Turn, step: Step, value: str | None) -> FlowReply | None:
        """Store one answer and move the flow on; a conflict reply if someone else was first."""
        draft_id = turn.draft.id
        _key, revision = self._target(turn)
        answered = set(self.store.answers(draft_id)) | {step.key}
        changing = _changing(turn)
        state: dict[str, Any] = {}
        if not changing:
            next_step = self._next_step(step.key, answered)
            state = {
                "step": next_step, "step_changed_at": time.time(),
                "step_revision": self._revision(draft_id, next_step),
            }  # fmt: skip
        try:
            self.store.set_answer(
                draft_id, step.key, value, turn.user, revision,
                member_state={"pending": None, "buffer": ""}, **state,
            )  # fmt: skip
        except EditConflictError as exc:
            current = exc.current.revision if exc.current else 0
            if changing:
                self.store.update_member(draft_id, turn.user, pending=f"ubah:{step.key}:{current}")
            else:
                self.store.update_state(draft_id, step_revision=current)
            return FlowReply(draft_id, self._conflict_text(step, exc), kind="conflict", step=step)
        self._refresh_status(self.store.get(draft_id, turn.user), turn.user)
        return None

    def _partial(self, step: Step, raw: str) -> bool:
        """A long answer that is only too short is kept and extended by the next message."""
        if step.kind != "long_text" or not step.min_words:
            return False
        return 0 < word_count(raw) < step.min_words and len(raw) <= step.max_chars

    def _stale(self, turn: Turn) -> FlowReply:
        answers = self.store.answers(turn.draft.id)
        latest = max(answers.values(), key=lambda a: a.updated_at, default=None)
        step = self.template.step(latest.key) if latest else None
        text = self._message(
            "konflik", judul=step.title if step else "Usulan", oleh=latest.updated_by if latest else "",
            nilai=display_value(step, latest.value) if step and latest else "",
        )  # fmt: skip
        return self._ask(turn, text)

    def _side_question(self, turn: Turn, question: str) -> FlowReply:
        assert self.ask is not None
        answer = self.ask(question)
        follow = self._ask(turn, self._message("kembali_ke", draft_id=turn.draft.id))
        follow.kind, follow.side_answer = "answer", answer
        return follow

    # -- reading ------------------------------------------------------------------------------
    def findings(self, draft_id: str) -> list[Finding]:
        stored = self.store.answers(draft_id)
        answers = {k: a.value for k, a in stored.items() if k in self.template.keys}
        # Text copied from a case's sections must be adapted; facts (bentuk, jenis) may stay.
        copied = {
            k for k, a in stored.items()
            if k in self.template.keys and a.updated_by.startswith(PREFILL_AUTHOR)
            and self.template.step(k).from_case
        }  # fmt: skip
        return check_draft(self.template, answers, copied)

    def progress(self, draft_id: str) -> tuple[int, int]:
        answers = self.store.answers(draft_id)
        return len([k for k in self.template.keys if k in answers]), len(self.template.steps)

    def summary_text(self, draft: Draft, full: bool = False) -> str:
        answers = self.store.answers(draft.id)
        lines = []
        for step in self.template.steps:
            answer = answers.get(step.key)
            if answer is None:
                value = "(belum diisi)"
            elif answer.value is None:
                value = "(dilewati)"
            else:
                value = display_value(step, answer.value)
                value = value if full else _shorten(value)
            lines.append({"title": step.title, "value": value})
        done, total = self.progress(draft.id)
        return self._render(
            "usulan/ringkasan.txt.j2", draft_id=draft.id, status=draft.status, terisi=done,
            total=total, baris=lines,
        )  # fmt: skip

    def export(self, draft_id: str, user: str, fmt: str = "docx") -> tuple[str, bytes]:
        """The draft as a Word or Markdown document: (file name, bytes)."""
        draft = self.store.get(draft_id, user)
        answers = self.store.answers(draft.id)
        members = self.store.members(draft.id)
        document = ExportDraft(
            draft_id=draft.id, template_title=self.template.title,
            name=draft.name or f"Usulan {draft.id}", status=draft.status, owner=draft.owner,
            coauthors=[m.user for m in members if m.user != draft.owner],
            updated_at=draft.updated_at,
            sections=[
                ExportSection(
                    step, answers[step.key].value if step.key in answers else None,
                    skipped=step.key in answers and answers[step.key].value is None,
                )
                for step in self.template.steps
            ],
            findings=self.findings(draft.id),
            replication=self._replication_export(draft.id),
        )  # fmt: skip
        if fmt == "md":
            return f"usulan-{draft.id}.md", render_markdown(document, self.prompts_dir).encode()
        return f"usulan-{draft.id}.docx", render_docx(document, self.prompts_dir)

    # -- helpers ------------------------------------------------------------------------------
    def _turn(self, draft_id: str, user: str) -> Turn:
        draft = self.store.get(draft_id, user)
        return Turn(draft, self.store.member(draft.id, user))

    def _with_member(self, turn: Turn, **fields: object) -> Turn:
        return Turn(turn.draft, self.store.update_member(turn.draft.id, turn.user, **fields))

    def _ask(
        self, turn: Turn, notice: str = "", full: bool = True, options: tuple[Option, ...] = ()
    ) -> FlowReply:
        key, revision = self._target(turn)
        if key is None:
            return self._complete(turn.draft, notice)
        step = self.template.step(key)
        question = self._question_text(turn.draft, step, full)
        return FlowReply(
            turn.draft.id, notice, question, kind="question", step=step,
            step_revision=revision, options=options,
        )  # fmt: skip

    def step_label(self, draft_id: str, user: str) -> str | None:
        """ "[3/20] Narahubung": the step this person is asked now, None when none is."""
        key, _revision = self._target(self._turn(draft_id, user))
        if key is None:
            return None
        return f"[{self.template.index(key) + 1}/{len(self.template.steps)}] {self.template.step(key).title}"

    def asked_step(self, draft_id: str, user: str) -> Step | None:
        key, _revision = self._target(self._turn(draft_id, user))
        return self.template.step(key) if key else None

    def _question_text(self, draft: Draft, step: Step, full: bool) -> str:
        values = {s.key: "" for s in self.template.steps} | self._values(draft.id)
        question = templates.environment(self.prompts_dir).from_string(step.question)
        current = self.store.answers(draft.id).get(step.key)
        return self._render(
            "usulan/pertanyaan.txt.j2",
            nomor=self.template.index(step.key) + 1, total=len(self.template.steps), langkah=step,
            pertanyaan=question.render(jawaban=values),
            nilai_sekarang=_shorten(display_value(step, current.value)) if current else "",
            terkait=self._related(step, values) if full else [],
        )  # fmt: skip

    def _related(self, step: Step, values: dict[str, str]) -> list:
        if not step.kb_help or self.engine is None:
            return []
        topic = " ".join(values.get(k, "") for k in ("nama_inovasi", "urusan", "latar_belakang"))
        if step.kb_help == "praktik":
            doc_types, query = {CASE_TYPE}, f"{topic} {step.title}"
        else:  # the step's own help names the rules in play (Perda, Perkada, Pasal 20)
            doc_types, query = {"regulasi"}, f"{step.help} {values.get('urusan', '')}"
        try:
            return self.engine.related(query.strip()[:500], doc_types)
        except Exception:  # help is a bonus; drafting must go on without it
            return []

    def _complete(self, draft: Draft, notice: str) -> FlowReply:
        findings = self.findings(draft.id)
        done = self._message("lengkap", draft_id=draft.id, siap=is_ready(findings))
        question = f"{done}\n\n{self._check_text(findings)}"
        return FlowReply(draft.id, notice, question, kind="check", findings=findings)

    def _refresh_status(self, draft: Draft, user: str) -> Draft:
        if draft.step is not None or draft.status not in ("draf", "siap"):
            return draft
        wanted = "siap" if is_ready(self.findings(draft.id)) else "draf"
        return draft if wanted == draft.status else self.store.set_status(draft.id, user, wanted)

    def _target(self, turn: Turn) -> tuple[str | None, int]:
        """The step a plain message answers, and the revision the user saw."""
        pending = turn.member.pending
        if pending and pending.startswith("ubah:"):
            _, key, revision = pending.split(":")
            return key, int(revision)
        return turn.draft.step, turn.draft.step_revision

    def _move_to(self, turn: Turn, key: str) -> None:
        self.store.update_member(turn.draft.id, turn.user, pending=None, buffer="")
        self.store.update_state(
            turn.draft.id, step=key, step_changed_at=time.time(),
            step_revision=self._revision(turn.draft.id, key),
        )  # fmt: skip

    def _revision(self, draft_id: str, key: str | None) -> int:
        answer = self.store.answers(draft_id).get(key) if key else None
        return answer.revision if answer else 0

    def _next_step(self, key: str, answered: set[str]) -> str | None:
        keys = self.template.keys
        later = keys[keys.index(key) + 1 :] + keys[: keys.index(key)]
        return next((k for k in later if k not in answered), None)

    def values(self, draft_id: str) -> dict[str, str]:
        """The draft's answered values by step key (skipped steps left out)."""
        return self._values(draft_id)

    def message(self, kind: str, **context: Any) -> str:
        """One of the flow's short messages (usulan/pesan.txt.j2), for the session router."""
        return self._message(kind, **context)

    def _values(self, draft_id: str) -> dict[str, str]:
        answers = self.store.answers(draft_id).items()
        return {k: a.value for k, a in answers if a.value and k in self.template.keys}

    def _replication_export(self, draft_id: str) -> ExportReplication | None:
        note = self.replication_note(draft_id)
        if note is None:
            return None
        return ExportReplication(note["title"], note["region"], note.get("url"), rules())

    def _find_step(self, name: str) -> Step | None:
        wanted = name.strip().lower()
        names: dict[str, Step] = {}
        for step in self.template.steps:
            for candidate in (step.key.replace("_", " "), step.title.lower(), *step.aliases):
                names[candidate.lower()] = step
        if wanted in names:
            return names[wanted]
        match = process.extractOne(wanted, list(names), scorer=fuzz.WRatio, score_cutoff=85)
        return names[match[0]] if match else None

    def _conflict_text(self, step: Step, exc: EditConflictError) -> str:
        current = exc.current
        return self._message(
            "konflik", judul=step.title, oleh=current.updated_by if current else "orang lain",
            nilai=_shorten(display_value(step, current.value)) if current else "",
        )  # fmt: skip

    def _check_text(self, findings: list[Finding]) -> str:
        kurang = sum(f.level == "kurang" for f in findings)
        return self._render(
            "usulan/kesiapan.txt.j2", temuan=findings, kurang=kurang, lemah=len(findings) - kurang
        )

    def _info(self, turn: Turn, text: str) -> FlowReply:
        return FlowReply(turn.draft.id, text, kind="info")

    def _message(self, kind: str, **context: Any) -> str:
        return self._render("usulan/pesan.txt.j2", jenis=kind, **context)

    def _render(self, name: str, **context: Any) -> str:
        return templates.render(self.prompts_dir, name, **context)


def _shorten(text: str, limit: int = SUMMARY_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _changing(turn: Turn) -> bool:
    """The person is changing one field ("ubah <bagian>"), not moving through the flow."""
    return bool(turn.member.pending and turn.member.pending.startswith("ubah:"))


def _is_yes(text: str) -> bool:
    return text.strip().lower().rstrip(".!") in YES


__all__ = ["DraftError", "FlowReply", "Option", "ProposalFlow"]
