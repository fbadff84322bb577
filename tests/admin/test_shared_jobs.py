"""Two replicas' admin services over one database and one ASISTEN_HOME (SQLite and a real
PostgreSQL): index jobs asked for on both at once run one after the other, never failing as busy;
an upload confirmed on both at once is indexed by exactly one job."""

from __future__ import annotations

import threading

import pytest

from asisten.admin.registry import AdminRegistry
from asisten.admin.service import AdminError, AdminService
from asisten.config import load_settings
from asisten.db import open_database
from tests.conftest import CORPUS

ADMIN = "UADM"
JOB_TIMEOUT = 120


@pytest.fixture
def replicas(tmp_path, database_url) -> list[AdminService]:
    corpus = tmp_path / "corpus" / "faq"
    corpus.mkdir(parents=True)
    (corpus / "pengusulan.yaml").write_text((CORPUS / "faq" / "pengusulan.yaml").read_text())
    settings = load_settings(
        home=tmp_path / "home", corpus_dir=tmp_path / "corpus", model="hashing-64",
        database_url=database_url, admins_raw=ADMIN,
    )  # fmt: skip
    # Each replica has its own engine (its own connections), as separate processes would.
    return [AdminService(settings, AdminRegistry(open_database(settings))) for _ in range(2)]


def _together(*calls):
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(i, call):
        barrier.wait()
        try:
            results[i] = call()
        except Exception as exc:  # the caller asserts on it
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_jobs_on_two_replicas_run_one_at_a_time(replicas):
    stages: list[list[str]] = [[], []]

    def rebuild(i: int):
        def progress(job, stage: str, done: int, total: int) -> None:
            stages[i].append(stage)

        return replicas[i].rebuild(ADMIN, on_progress=progress)[0]

    jobs = _together(lambda: rebuild(0), lambda: rebuild(1))
    for job in jobs:
        assert job.finished.wait(JOB_TIMEOUT)
        assert job.outcome.ok, job.outcome.message
    # Exactly one of them found the other's build running and waited for it.
    assert sorted("tunggu" in s for s in stages) == [False, True], stages
    assert jobs[0].outcome.version != jobs[1].outcome.version


def test_upload_confirmed_on_two_replicas_is_indexed_once(replicas):
    first = replicas[0].rebuild(ADMIN)[0]
    assert first.finished.wait(JOB_TIMEOUT) and first.outcome.ok
    text = (CORPUS / "faq" / "perlindungan-hukum.yaml").read_bytes()
    upload, _ = replicas[0].receive(ADMIN, "perlindungan-hukum.yaml", text)

    results = _together(*[lambda s=s: s.confirm(ADMIN, upload.id) for s in replicas])
    submitted = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(submitted) == 1 and len(refused) == 1
    assert isinstance(refused[0], AdminError) and "sudah aktif" in str(refused[0])
    job = submitted[0][0]
    assert job.finished.wait(JOB_TIMEOUT) and job.outcome.ok and job.outcome.changed
    actions = [a.action for a in replicas[1].registry.actions(50)]
    assert actions.count("indeks") == 1  # one job submitted, on either replica
    assert replicas[1].registry.upload(upload.id).status == "aktif"
