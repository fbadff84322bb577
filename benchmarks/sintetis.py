"""A synthetic knowledge base in the project's own format, for scale runs (benchmarks/skala.py).

Perbup-style Markdown: one regulation a file, 100 pasal a document, ~70 words a pasal, so one
document is 100 chunks. Words come from the shipped corpus's own regulations, Zipf-weighted,
and each document leans on its own topic words, so the vectors cluster the way a real
collection's do (uniformly random text would flatter neither exact nor approximate search).
Everything is seeded: the same size gives the same files.

    python benchmarks/sintetis.py 10000 /tmp/sintetis-10k
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

PASAL_PER_DOCUMENT = 100
WORDS_PER_PASAL = 70
REGIONS = 550
FILES_PER_FOLDER = 1000
TOPIC_WORDS = 60
SEED = 17
_CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "regulasi"
_SYLLABLES = [
    "ba",
    "bu",
    "ka",
    "ke",
    "ma",
    "mu",
    "na",
    "ni",
    "pa",
    "po",
    "ra",
    "ri",
    "sa",
    "se",
    "ta",
    "tu",
    "ja",
    "jo",
    "la",
    "lu",
    "ga",
    "go",
    "wa",
    "wi",
]


@dataclass(frozen=True)
class SyntheticDocument:
    region: str
    nomor: int
    tahun: int
    judul: str
    pasal: list[str]

    @property
    def jenis(self) -> str:
        return f"Perbup {self.region}"

    @property
    def short_name(self) -> str:
        return f"{self.jenis} {self.nomor}/{self.tahun}"

    @property
    def file_name(self) -> str:
        return f"perbup-{self.region.lower()}-{self.nomor}-{self.tahun}.md"

    def markdown(self) -> str:
        head = (
            f'---\ntipe: regulasi\njenis: {self.jenis}\nnomor: "{self.nomor}"\n'
            f"tahun: {self.tahun}\njudul: {self.judul}\nstatus: berlaku\n---\n\n"
            f"# Peraturan Bupati {self.region} Nomor {self.nomor} Tahun {self.tahun} "
            f"tentang {self.judul}\n"
        )
        body = "".join(f"\n### Pasal {n}\n{text}\n" for n, text in enumerate(self.pasal, 1))
        return head + body


class Generator:
    def __init__(self, seed: int = SEED) -> None:
        self.seed = seed
        counts = Counter(
            word
            for path in sorted(_CORPUS.glob("*.md"))
            for word in re.findall(r"[a-z]{3,}", path.read_text(encoding="utf-8").lower())
        )
        self.words = [w for w, _ in counts.most_common(6000)]
        # Zipf weights: the 1st word is common, the 6,000th rare.
        self.weights = [1.0 / (rank + 1) for rank in range(len(self.words))]
        self.regions = [self._region_name(i) for i in range(REGIONS)]

    def _region_name(self, index: int) -> str:
        syllables = [_SYLLABLES[(index * 7 + k * 13) % len(_SYLLABLES)] for k in range(3)]
        return "".join(syllables).capitalize() + str(index)

    def document(self, index: int) -> SyntheticDocument:
        # Seeded per document, so any one can be made again alone (a benchmark's questions).
        chooser = random.Random(f"{self.seed}-{index}")
        topic = chooser.sample(self.words[200:], TOPIC_WORDS)
        title = " ".join(w.capitalize() for w in topic[:4])
        pasal = [self._pasal(chooser, topic) for _ in range(PASAL_PER_DOCUMENT)]
        region = self.regions[index % REGIONS]
        return SyntheticDocument(region, index // REGIONS + 1, 2000 + index % 25, title, pasal)

    def _pasal(self, chooser: random.Random, topic: list[str]) -> str:
        general = chooser.choices(self.words, self.weights, k=WORDS_PER_PASAL // 2)
        topical = chooser.choices(topic, k=WORDS_PER_PASAL - len(general))
        words = general + topical
        chooser.shuffle(words)
        return " ".join(words).capitalize() + "."


def write_corpus(chunks: int, folder: Path) -> list[SyntheticDocument]:
    """Write enough documents for `chunks` chunks (rounded up to whole documents) into `folder`
    (unless a previous run left them there); return the documents."""
    generator = Generator()
    count = -(-chunks // PASAL_PER_DOCUMENT)
    documents = [generator.document(i) for i in range(count)]
    marker = folder / f".lengkap-{count}"
    if not marker.exists():
        for index, document in enumerate(documents):
            sub = folder / f"{index // FILES_PER_FOLDER:04d}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / document.file_name).write_text(document.markdown(), encoding="utf-8")
        marker.touch()
    return documents


def extra_document(index: int) -> SyntheticDocument:
    """One more document, not in any corpus: the one a benchmark adds."""
    return Generator(seed=SEED + 1).document(index)


if __name__ == "__main__":
    written = write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"{len(written)} dokumen di {sys.argv[2]}")
