"""Index jobs, one at a time: a queue, one worker thread, each build in a child process.

A second request while a job runs is queued and told its place. Across replicas the runner also
holds a shared lock (`asisten.db.locks`) while a build runs, so a job asked for on another
replica waits for this one instead of failing as busy. A job that fails or is killed
(the child exits with an error or a signal) is reported; the published index is untouched
because the child only publishes by an atomic swap when it has finished.
"""

from __future__ import annotations

import itertools
import json
import logging
import subprocess
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import Engine as DatabaseEngine

    from asisten.db.locks import SharedLock

log = logging.getLogger("asisten.admin")
INDEX_JOB_LOCK = "indeks-job"


@dataclass
class JobOutcome:
    ok: bool
    version: str | None = None
    changed: bool = False
    documents: int = 0
    chunks: int = 0
    embedded: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    message: str = ""


@dataclass
class Job:
    kind: str  # indeks | ulang | hapus
    requested_by: str
    label: str
    force: bool = False
    on_progress: Callable[[Job, str, int, int], None] | None = None
    on_done: Callable[[Job, JobOutcome], None] | None = None
    id: int = 0
    state: str = "antre"  # antre | berjalan | selesai | gagal
    pid: int | None = None
    outcome: JobOutcome | None = None
    finished: threading.Event = field(default_factory=threading.Event)


class JobRunner:
    """`spec_for(job)` is called when the job starts, so a queued job builds what is current.
    `shared_lock()`, when given, is held around each build (one build among all replicas)."""

    def __init__(
        self,
        spec_for: Callable[[Job], dict[str, Any]],
        shared_lock: Callable[[], SharedLock] | None = None,
    ) -> None:
        self._spec_for = spec_for
        self._shared_lock = shared_lock
        self._queue: deque[Job] = deque()
        self._running: Job | None = None
        self._cond = threading.Condition()
        self._ids = itertools.count(1)
        self._thread: threading.Thread | None = None

    def submit(self, job: Job) -> int:
        """Queue the job; its place: 0 when it starts at once, n when n jobs are ahead."""
        with self._cond:
            job.id = next(self._ids)
            ahead = len(self._queue) + (1 if self._running else 0)
            self._queue.append(job)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._work, name="asisten-indeks", daemon=True
                )
                self._thread.start()
            self._cond.notify()
            return ahead

    @property
    def running(self) -> Job | None:
        return self._running

    def _work(self) -> None:
        while True:
            with self._cond:
                while not self._queue:
                    if not self._cond.wait(timeout=60):
                        self._thread = None
                        return
                job = self._queue.popleft()
                self._running = job
            try:
                job.outcome = self._run_alone(job)
            except Exception as exc:  # the runner must survive anything a job does
                log.exception("index job %s crashed", job.id)
                job.outcome = JobOutcome(ok=False, message=str(exc))
            job.state = "selesai" if job.outcome.ok else "gagal"
            with self._cond:
                self._running = None
            job.finished.set()
            if job.on_done:
                _quietly(job.on_done, job, job.outcome)

    def _run_alone(self, job: Job) -> JobOutcome:
        """Run the job once no other replica's job runs; the wait is reported as a stage."""
        if self._shared_lock is None:
            return self._run(job)
        lock = self._shared_lock()
        if not lock.acquire(timeout=0):
            if job.on_progress:
                _quietly(job.on_progress, job, "tunggu", 0, 1)
            lock.acquire()
        try:
            return self._run(job)
        finally:
            lock.release()

    def _run(self, job: Job) -> JobOutcome:
        job.state = "berjalan"
        spec = self._spec_for(job)
        with tempfile.TemporaryFile() as errors:
            child = subprocess.Popen(
                [sys.executable, "-m", "asisten.admin.worker"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=errors, text=True,
            )  # fmt: skip
            job.pid = child.pid
            child.stdin.write(json.dumps(spec))
            child.stdin.close()
            outcome = None
            for line in child.stdout:
                outcome = self._read_line(job, line) or outcome
            code = child.wait()
            errors.seek(0)
            tail = errors.read().decode(errors="replace")[-1500:]
        if outcome is not None and (outcome.ok or code == 1):
            return outcome
        log.error("index job %s exited with %s: %s", job.id, code, tail)
        return JobOutcome(ok=False, message=f"proses pengindeksan berhenti (kode {code})")

    def _read_line(self, job: Job, line: str) -> JobOutcome | None:
        try:
            payload = json.loads(line)
        except ValueError:
            return None
        if "stage" in payload and job.on_progress:
            _quietly(job.on_progress, job, payload["stage"], payload["done"], payload["total"])
        if "result" in payload:
            return JobOutcome(ok=True, **payload["result"])
        if "error" in payload:
            return JobOutcome(ok=False, message=payload["error"])
        return None


def index_job_lock(database: DatabaseEngine, index_dir: Path) -> SharedLock:
    """The lock every index build holds: the bot's jobs on any replica and `asisten indeks`."""
    from asisten.db.locks import SharedLock

    return SharedLock(database, INDEX_JOB_LOCK, index_dir)


def _quietly(callback: Callable, *args: Any) -> None:
    """A progress or result callback (a Slack message) must not stop the job."""
    try:
        callback(*args)
    except Exception:
        log.exception("index job callback failed")
