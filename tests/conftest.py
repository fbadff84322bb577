"""Shared fixtures: fake and real embedders, settings in a temp home, the real corpus index, and
the databases (a SQLite file, and a real PostgreSQL server started once per session)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from asisten.config import PROJECT_ROOT, Settings, load_settings
from asisten.indeks.build import build_index
from asisten.indeks.embedder import HashingEmbedder, create_embedder
from asisten.indeks.store import IndexStore

os.environ.setdefault("HF_HUB_OFFLINE", "1")

CORPUS = PROJECT_ROOT / "corpus"
CORPUS_UJI = PROJECT_ROOT.parent / "shared" / "corpus-uji"
REAL_MODEL = "multilingual-e5-small"


def make_settings(home: Path, **overrides: object) -> Settings:
    return load_settings(home=home, **overrides)


@pytest.fixture(scope="session")
def corpus_uji() -> Path:
    if not CORPUS_UJI.exists():
        pytest.fail(f"corpus-uji not found at {CORPUS_UJI}")
    return CORPUS_UJI


@pytest.fixture
def fake_embedder() -> HashingEmbedder:
    return HashingEmbedder(128)


def build_with(store: IndexStore, paths, embedder, **kwargs):
    return build_index(store, paths, lambda: embedder, embedder.name, 25 * 2**20, **kwargs)


def regulation_text(
    body: str, *, nomor: str, tahun: int, judul: str, jenis: str = "PP", in_force: bool = False,
    heading: bool = False,
) -> str:  # fmt: skip
    """A test regulation as the corpus writes one: its front matter (`status: berlaku` when
    `in_force`), the title heading the team's texts open with when `heading`, then `body`."""
    from asisten.kb.jenis import long_name

    status = "status: berlaku\n" if in_force else ""
    front = (
        f'---\ntipe: regulasi\njenis: {jenis}\nnomor: "{nomor}"\ntahun: {tahun}\n'
        f"judul: {judul}\n{status}---\n"
    )
    if heading:
        front += f"\n# {long_name(jenis)} Nomor {nomor} Tahun {tahun} tentang {judul}\n\n"
    return front + body


def indexed(home: Path, files: dict[str, str], embedder=None):
    """The published index version of a corpus of these files (name → text) written under
    `home`, embedded by a small hashing embedder unless told."""
    folder = home / "corpus"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text)
    store = IndexStore(home / "indeks")
    build_with(store, [folder], embedder or HashingEmbedder(64))
    return store.load()


def engine_over_official(tmp_path_factory, corpus_uji: Path, names: tuple[str, ...]):
    """An engine, with the hashing embedder, over these official texts of ../shared/corpus-uji
    copied to a fresh corpus."""
    import shutil

    from asisten.jawab.engine import Engine

    corpus = tmp_path_factory.mktemp("korpus")
    for name in names:
        shutil.copy(corpus_uji / name, corpus / name)
    settings = make_settings(tmp_path_factory.mktemp("home"))
    embedder = HashingEmbedder(128)
    build_with(IndexStore(settings.index_dir), [corpus], embedder)
    return Engine(settings, embedder_factory=lambda name: embedder)


@pytest.fixture(scope="session")
def real_embedder():
    return create_embedder(REAL_MODEL)


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory, real_embedder) -> Settings:
    """The project's corpus indexed once with the real model, shared by integration tests."""
    home = tmp_path_factory.mktemp("asisten-home")
    settings = make_settings(home)
    build_index(
        IndexStore(settings.index_dir), [CORPUS], lambda: real_embedder, REAL_MODEL, 25 * 2**20
    )
    return settings


@pytest.fixture(scope="session")
def real_engine(real_settings, real_embedder):
    from asisten.jawab.engine import Engine

    return Engine(real_settings, embedder_factory=lambda name: real_embedder)


@pytest.fixture(scope="session")
def postgres():
    import tempfile

    from tests.postgres import TestPostgres

    # Not under pytest's basetemp: a concurrent pytest session (another checkout on the same
    # machine) prunes old basetemp directories, and a server's data directory must outlive that.
    try:
        server = TestPostgres(Path(tempfile.mkdtemp(prefix="asisten-pg-")))
    except Exception as exc:  # say why, instead of a long traceback from inside pgserver
        pytest.fail(f"PostgreSQL for the tests did not start (pgserver): {exc!r}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> Iterator[str]:
    """DATABASE_URL of an empty database: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'asisten.sqlite3'}"
        return
    postgres = request.getfixturevalue("postgres")
    name = postgres.new_database()
    yield postgres.url(name)
    postgres.drop_database(name)
