"""Admin actions, one method each, shared by the Slack bot and `asisten admin`.

Every action checks that the user is an admin (ASISTEN_ADMINS) and is recorded (who, what,
when, result), refusals included. Changes to the index go through the job runner; rollback is
immediate because it only moves the CURRENT pointer to a version that is already complete.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from asisten.admin import intake
from asisten.admin.intake import Preview
from asisten.admin.jobs import Job, JobOutcome, JobRunner, index_job_lock
from asisten.admin.models import UploadedDocument
from asisten.admin.registry import AdminRegistry
from asisten.celah.collect import gap_questions
from asisten.celah.group import Gap, group
from asisten.celah.recheck import Answers, recheck
from asisten.config import Settings
from asisten.errors import AsistenError, DocumentError, IndexNotFoundError, NotAdminError
from asisten.indeks.embedder import Embedder, create_embedder
from asisten.indeks.store import IndexStore
from asisten.kb import relations
from asisten.kb.corrections import RelationCorrections
from asisten.kb.in_force import InForce
from asisten.kb.loaders import iter_files, load_document
from asisten.kb.scans import Progress as ScanProgress
from asisten.kb.scans import ScanReader
from asisten.usulan.store import new_draft_id

EDITABLE_FIELDS = ("judul", "tipe", "jenis", "nomor", "tahun")
Progress = Callable[[Job, str, int, int], None]
Done = Callable[[Job, JobOutcome], None]


class AdminError(AsistenError):
    """An admin action that cannot be done as asked; the message is for the admin."""


@dataclass
class IndexedDocument:
    doc_id: str
    title: str
    doc_type: str
    chunks: int
    source: str  # korpus | unggahan
    path: str
    # In force or not: "berlaku", "diubah dengan UU 9/2015 (Pasal 63)", "dicabut dengan …".
    status: str = "berlaku"
    # What it does to other regulations: "mengubah UU 23/2014 (Pasal 63, 65)".
    relations: list[str] = field(default_factory=list)


@dataclass
class IndexStatus:
    version: str
    documents: int
    chunks: int
    model: str
    created_at: str
    built_by: str
    versions: list[str]
    running: str | None


class AdminService:
    def __init__(
        self,
        settings: Settings,
        registry: AdminRegistry,
        extra_admins: frozenset[str] = frozenset(),
    ) -> None:
        self.settings = settings
        self.registry = registry
        # The terminal's user runs the server; they are an admin without being listed.
        self.admins = settings.admins | extra_admins
        self.store = IndexStore(settings.index_dir)
        # The index's OCR cache: a scan read for an upload's preview is not read again by the
        # index job, nor by any rebuild.
        self.scans = ScanReader(self.store.ocr_dir)
        self.corrections = RelationCorrections(settings.home)
        self.runner = JobRunner(
            self.build_spec, lambda: index_job_lock(registry.engine, settings.index_dir)
        )

    # -- who ----------------------------------------------------------------------------------
    def is_admin(self, user: str) -> bool:
        return user in self.admins

    def require(self, user: str, action: str, target: str = "") -> None:
        if not self.is_admin(user):
            self.registry.record(user, action, target, "ditolak", "bukan admin")
            raise NotAdminError()

    # -- uploads ------------------------------------------------------------------------------
    def receive(
        self, user: str, name: str, data: bytes, ocr_progress: ScanProgress | None = None
    ) -> tuple[UploadedDocument, Preview]:
        """Check an uploaded file and keep it awaiting confirmation, with its preview. A scan is
        read by OCR here (seconds a page): `ocr_progress("ocr", done, total)` follows it."""
        self.require(user, "unggah", name)
        scans = ScanReader(self.store.ocr_dir, progress=ocr_progress) if ocr_progress else None
        try:
            suffix = intake.check_bytes(name, data, self.settings.max_file_bytes, self._known())
            path, document = intake.store_and_parse(
                name, data, suffix, self.settings.uploads_dir, self.settings.max_file_bytes,
                scans=scans or self.scans,
            )  # fmt: skip
        except DocumentError as exc:
            self.registry.record(user, "unggah", name, "gagal", exc.message)
            raise
        preview = Preview.of(document, self.settings.home_regions)
        upload = self.registry.add_upload(
            UploadedDocument(
                id=new_draft_id(), sha256=document.sha256, file_name=name,
                stored_path=str(path), size=len(data), uploaded_by=user,
                doc_id=preview.doc_id, title=preview.title,
            )
        )  # fmt: skip
        self.registry.record(user, "unggah", name, "ok", f"pratinjau {upload.id}: {preview.title}")
        return upload, preview

    def preview(self, upload_id: str) -> tuple[UploadedDocument, Preview]:
        upload = self._upload(upload_id)
        document = load_document(
            Path(upload.stored_path), self.settings.max_file_bytes, upload.fields, self.scans
        )
        return upload, Preview.of(document, self.settings.home_regions)

    def correct(
        self, user: str, upload_id: str, fields: dict[str, Any]
    ) -> tuple[UploadedDocument, Preview]:
        """Replace detected metadata; the preview is parsed again with it."""
        self.require(user, "koreksi", upload_id)
        clean = {k: v for k, v in fields.items() if k in EDITABLE_FIELDS and v not in (None, "")}
        if "tahun" in clean:
            clean["tahun"] = _year(clean["tahun"])
        upload = self._upload(upload_id)
        document = load_document(
            Path(upload.stored_path), self.settings.max_file_bytes, clean, self.scans
        )
        preview = Preview.of(document, self.settings.home_regions)
        upload = self.registry.update_upload(
            upload_id, fields=clean, doc_id=preview.doc_id, title=preview.title
        )
        self.registry.record(user, "koreksi", upload_id, "ok", str(clean))
        return upload, preview

    def confirm(
        self, user: str, upload_id: str, on_progress: Progress | None = None,
        on_done: Done | None = None,
    ) -> tuple[Job, int]:  # fmt: skip
        self.require(user, "konfirmasi", upload_id)
        upload = self._upload(upload_id)
        # A conditional change: of two confirmations (a double click, two replicas) one wins,
        # so the upload is indexed by exactly one job.
        if not self.registry.change_status(upload_id, "pratinjau", "aktif"):
            raise AdminError(f"Unggahan {upload_id} sudah {self._upload(upload_id).status}.")
        label = f"menambah {upload.title or upload.file_name}"
        return self._submit(Job("indeks", user, label, False, on_progress, on_done), upload_id)

    def cancel(self, user: str, upload_id: str) -> None:
        self.require(user, "batal-unggah", upload_id)
        upload = self._upload(upload_id)
        if self.registry.change_status(upload_id, "pratinjau", "dibatalkan"):
            Path(upload.stored_path).unlink(missing_ok=True)
        self.registry.record(user, "batal-unggah", upload_id)

    # -- the index ----------------------------------------------------------------------------
    def status(self, user: str) -> IndexStatus:
        self.require(user, "status")
        manifest = self._manifest()
        running = self.runner.running
        self.registry.record(user, "status", manifest["version"])
        return IndexStatus(
            version=manifest["version"], documents=manifest["document_count"],
            chunks=manifest["chunk_count"], model=manifest["model"],
            created_at=manifest["created_at"], built_by=manifest.get("built_by", "-"),
            versions=self.store.list_versions(), running=running.label if running else None,
        )  # fmt: skip

    def documents(self, user: str, record: bool = True) -> list[IndexedDocument]:
        """Every indexed document with its status and relations; `record=False` for views an
        admin merely opens (the App Home), which would otherwise flood the history."""
        self.require(user, "daftar")
        uploads = str(self.settings.uploads_dir.resolve())
        in_force = self._in_force()
        rows = [
            IndexedDocument(
                doc_id=doc_id, title=info["title"], doc_type=info["type"], chunks=info["chunks"],
                source="unggahan" if str(Path(info["path"]).resolve()).startswith(uploads) else "korpus",
                path=info["path"], status=in_force.status(doc_id),
                relations=[r.label for r in in_force.relations(doc_id)],
            )
            for doc_id, info in self._manifest()["documents"].items()
        ]  # fmt: skip
        if record:
            self.registry.record(user, "daftar", "", "ok", f"{len(rows)} dokumen")
        return sorted(rows, key=lambda r: (r.source, r.doc_type, r.doc_id))

    def relations(self, user: str, doc_id: str, correction: str | None = None) -> IndexedDocument:
        """What one regulation amends, revokes or implements, as read or as corrected; with
        `correction` ("mengubah UU 23/2014 pasal 63; mencabut PP 18/2016", "tidak ada", or
        "asli" to go back to what was read) the admin's correction is stored first. It applies to
        the next question, without re-indexing."""
        action = "relasi" if correction is None else "koreksi-relasi"
        self.require(user, action, doc_id)
        if doc_id not in self._manifest()["documents"]:
            raise AdminError(f"Dokumen {doc_id} tidak ada di indeks. Lihat daftar dokumen.")
        if correction is not None:
            if correction.strip().lower() == "asli":
                self.corrections.clear(doc_id)
            else:
                try:
                    self.corrections.set(doc_id, relations.parse_correction(correction))
                except relations.RelationError as exc:
                    raise AdminError(f"Koreksi relasi tidak dapat dibaca: {exc}") from exc
            self.registry.record(user, action, doc_id, "ok", correction)
        [row] = [d for d in self.documents(user) if d.doc_id == doc_id]
        return row

    def remove(
        self, user: str, doc_id: str, on_progress: Progress | None = None,
        on_done: Done | None = None,
    ) -> tuple[Job, int]:  # fmt: skip
        self.require(user, "hapus", doc_id)
        info = self._manifest()["documents"].get(doc_id)
        if info is None:
            raise AdminError(f"Dokumen {doc_id} tidak ada di indeks. Lihat /asisten indeks daftar.")
        path = str(Path(info["path"]).resolve())
        for upload in self.registry.uploads("aktif"):
            if str(Path(upload.stored_path).resolve()) == path:
                self.registry.update_upload(upload.id, status="dihapus")
                break
        else:
            self.registry.remove(path, doc_id, user)
        label = f"menghapus {info['title']}"
        return self._submit(Job("hapus", user, label, False, on_progress, on_done), doc_id)

    def rebuild(
        self, user: str, on_progress: Progress | None = None, on_done: Done | None = None
    ) -> tuple[Job, int]:
        self.require(user, "ulang")
        return self._submit(
            Job("ulang", user, "membangun ulang indeks", True, on_progress, on_done)
        )

    def rollback(self, user: str) -> tuple[str, str]:
        """Point CURRENT at the version before the current one: (from, to)."""
        self.require(user, "kembalikan")
        current = self.store.current_name()
        older = [v for v in self.store.list_versions() if current and v < current]
        if not older:
            self.registry.record(user, "kembalikan", current or "", "gagal", "tidak ada versi lama")
            raise AdminError("Tidak ada versi indeks sebelumnya untuk dikembalikan.")
        self.store.set_current(older[-1])
        self.registry.record(user, "kembalikan", older[-1], "ok", f"dari {current}")
        return current or "", older[-1]

    def history(self, user: str, limit: int = 15):
        self.require(user, "riwayat")
        return self.registry.actions(limit)

    # -- knowledge gaps -----------------------------------------------------------------------
    def gaps(
        self, user: str, embedder: Embedder | None = None, days: int | None = None,
        where: str = "", recheck_now: bool = False,
    ) -> list[Gap]:  # fmt: skip
        """What users asked that the knowledge base could not answer, grouped by topic; the
        embedder is the index's model (the bot passes its loaded one). With `recheck_now`, each
        gap's question is asked again of the index in use, which marks the gaps a newly added
        document has closed."""
        self.require(user, "celah", where)
        since = datetime.now(UTC) - timedelta(days=days) if days else None
        questions = gap_questions(self.registry.engine, since)
        found: list[Gap] = []
        if questions:  # loading a model for nothing would cost seconds
            embedder = embedder or create_embedder(self._manifest()["model"])
            found = group(questions, embedder)
            if recheck_now:
                found = list(recheck(found, self._answers_now(embedder)))
        self.registry.record(
            user, "celah", where, "ok", f"{len(found)} celah, {len(questions)} pertanyaan"
        )
        return found

    def _answers_now(self, embedder: Embedder) -> Answers:
        from asisten.jawab.engine import Engine  # the index and answer stack: only when asked

        engine = Engine(self.settings, embedder_factory=lambda name: embedder)
        return lambda question: engine.answer(question).found

    # -- the build a job runs -----------------------------------------------------------------
    def build_spec(self, job: Job) -> dict[str, Any]:
        """What to index now: the corpus minus removed files, plus active uploads."""
        removed = self.registry.removed_paths()
        corpus = [
            str(p.resolve())
            for p in iter_files([self.settings.corpus_dir])
            if str(p.resolve()) not in removed
        ]
        uploads = self.registry.uploads("aktif")
        return {
            "settings": {
                "home": str(self.settings.home), "model": self.settings.model,
                "max_file_mb": self.settings.max_file_mb,
                "keep_versions": self.settings.keep_versions,
            },
            "paths": corpus + [str(Path(u.stored_path).resolve()) for u in uploads],
            "overrides": {str(Path(u.stored_path).resolve()): u.fields for u in uploads if u.fields},
            "force": job.force,
            "built_by": job.requested_by,
        }  # fmt: skip

    # -- helpers ------------------------------------------------------------------------------
    def _submit(self, job: Job, target: str = "") -> tuple[Job, int]:
        done = job.on_done

        def record_and_report(finished: Job, outcome: JobOutcome) -> None:
            result = "ok" if outcome.ok else "gagal"
            detail = outcome.version or outcome.message
            self.registry.record(
                finished.requested_by, f"job-{finished.kind}", target, result, detail or ""
            )
            if done:
                done(finished, outcome)

        job.on_done = record_and_report
        place = self.runner.submit(job)
        self.registry.record(
            job.requested_by, job.kind, target, "antre" if place else "ok", job.label
        )
        return job, place

    def _known(self) -> dict[str, str]:
        known = {
            info["sha256"]: info["title"]
            for info in (self.store.current_manifest() or {}).get("documents", {}).values()
        }
        for upload in self.registry.uploads("pratinjau", "aktif"):
            known[upload.sha256] = upload.title or upload.file_name
        return known

    def _in_force(self) -> InForce:
        self._manifest()  # a clear error when there is no index yet
        name = self.store.current_name()
        assert name is not None
        return InForce(self.store.read_documents(name), self.corrections.load())

    def _manifest(self) -> dict[str, Any]:
        manifest = self.store.current_manifest()
        if manifest is None:
            raise IndexNotFoundError(self.store.root)
        return manifest

    def _upload(self, upload_id: str) -> UploadedDocument:
        upload = self.registry.upload(upload_id)
        if upload is None:
            raise AdminError(f"Unggahan {upload_id} tidak ditemukan.")
        return upload


def _year(value: Any) -> int:
    try:
        year = int(str(value).strip())
    except ValueError as exc:
        raise AdminError(f"Tahun {value!r} harus berupa angka, misalnya 2017.") from exc
    if not 1945 <= year <= 2100:
        raise AdminError(f"Tahun {year} tidak masuk akal untuk sebuah peraturan.")
    return year
