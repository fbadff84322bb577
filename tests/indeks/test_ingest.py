"""Ingestion throughput: parallel parsing that changes nothing in the result, GPU chosen when
present, larger batches on it."""

from __future__ import annotations

import shutil

import pytest

from asisten.errors import EmptyFileError
from asisten.indeks import build, embedder, parallel
from asisten.kb.loaders import iter_files, load_paths
from tests.conftest import CORPUS

INGEST = """
ingest: {{parallel_from_files: {from_files}, workers: 2, embed_batch: 32, gpu_batch: 256}}
"""


def test_parallel_parsing_gives_the_same_documents_and_errors(tmp_path, data_file):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "regulasi", corpus / "regulasi")
    shutil.copytree(CORPUS / "faq", corpus / "faq")
    (corpus / "kosong.md").write_bytes(b"")
    files = iter_files([corpus])
    data_file("skala.yaml", INGEST.format(from_files=2))
    assert parallel.workers_for(len(files)) == 2
    parallel_report = parallel.load_files(files, 25 * 2**20, {})
    serial_report = load_paths(files, 25 * 2**20, {})
    assert [d.meta for d in parallel_report.documents] == [d.meta for d in serial_report.documents]
    assert [[c.as_dict() for c in d.chunks] for d in parallel_report.documents] == [
        [c.as_dict() for c in d.chunks] for d in serial_report.documents
    ]
    assert [str(e) for e in parallel_report.errors] == [str(e) for e in serial_report.errors]
    assert isinstance(parallel_report.errors[0], EmptyFileError)


def test_few_files_are_parsed_in_process(data_file):
    data_file("skala.yaml", INGEST.format(from_files=200))
    assert parallel.workers_for(199) == 1


@pytest.mark.parametrize("available", [True, False])
def test_a_gpu_is_used_when_there_is_one(monkeypatch, available):
    torch = pytest.importorskip("torch")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: available)
    assert embedder.choose_device() == ("cuda" if available else "cpu")


def test_batches_are_larger_on_a_gpu(data_file):
    data_file("skala.yaml", INGEST.format(from_files=200))

    class OnGpu:
        device = "cuda"

    assert build.embed_batch(OnGpu()) == 256
    assert build.embed_batch(embedder.HashingEmbedder(64)) == 32
