"""The proposal template: the steps of a *proposal inovasi daerah*, defined as data.

The template lives in `prompts/usulan/templat.yaml` so an admin can adapt it without touching
code: each step has a key, a title, its question (a jinja2 template), help text citing the rule
it comes from, its kind and its validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from asisten.errors import ConfigError

KINDS = ("text", "long_text", "choice", "date", "number")
KB_HELP = ("praktik", "regulasi")
TEMPLATE_FILE = Path("usulan") / "templat.yaml"


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    question: str  # jinja2 source, rendered with the draft's answers
    help: str
    rule: str  # where the step comes from, e.g. "PP 38/2017 Pasal 7 ayat (2)"
    kind: str = "text"
    required: bool = True
    choices: tuple[str, ...] = ()
    min_words: int = 0
    max_chars: int = 20_000
    after: str | None = None  # a date step that must come strictly before this one
    kb_help: str | None = None  # "praktik": similar cases; "regulasi": applicable provisions
    aliases: tuple[str, ...] = field(default=())  # other names for "ubah <bagian>"
    # Free words that mean a choice ("aplikasi" -> Digital), and a choice meaning several at
    # once ("APBD dan pendanaan lain" when both APBD and other funding are named).
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    combinations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Case sections ("Masalah", "Solusi") that prefill this step in a replication draft.
    from_case: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ProposalTemplate:
    title: str
    steps: tuple[Step, ...]

    def step(self, key: str) -> Step:
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(key)

    def index(self, key: str) -> int:
        return [s.key for s in self.steps].index(key)

    @property
    def keys(self) -> list[str]:
        return [s.key for s in self.steps]


def load_template(prompts_dir: Path) -> ProposalTemplate:
    """Read and check the template; a mistake in it names the step and the problem."""
    path = prompts_dir / TEMPLATE_FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"Templat usulan {path} tidak dapat dibaca: {exc}") from exc
    steps = tuple(_step(item, path) for item in raw.get("langkah") or [])
    _check(steps, path)
    return ProposalTemplate(title=str(raw.get("judul") or "Proposal Inovasi Daerah"), steps=steps)


def _step(item: dict, path: Path) -> Step:
    try:
        return Step(
            key=str(item["kunci"]),
            title=str(item["judul"]),
            question=str(item["pertanyaan"]).strip(),
            help=str(item.get("bantuan") or "").strip(),
            rule=str(item.get("rujukan") or ""),
            kind=str(item.get("jenis") or "text"),
            required=bool(item.get("wajib", True)),
            choices=tuple(str(c) for c in item.get("pilihan") or ()),
            min_words=int(item.get("min_kata") or 0),
            max_chars=int(item.get("maks_karakter") or 20_000),
            after=item.get("setelah"),
            kb_help=item.get("bantuan_pengetahuan"),
            aliases=tuple(str(a) for a in item.get("alias") or ()),
            synonyms=_mapping(item.get("sinonim")),
            combinations=_mapping(item.get("gabungan")),
            from_case=tuple(str(s) for s in item.get("dari_praktik") or ()),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"Templat usulan {path}: langkah tidak lengkap ({exc}): {item}") from exc


def _mapping(raw: object) -> dict[str, tuple[str, ...]]:
    if not raw:
        return {}
    if not isinstance(raw, dict):
        raise TypeError(f"harus berupa pemetaan pilihan -> daftar, bukan {raw!r}")
    return {str(k): tuple(str(v) for v in (values or ())) for k, values in raw.items()}


def _check(steps: tuple[Step, ...], path: Path) -> None:
    keys = [s.key for s in steps]
    problems = []
    if not steps:
        problems.append("tidak ada langkah")
    if len(set(keys)) != len(keys):
        problems.append("kunci langkah ganda")
    for step in steps:
        if step.kind not in KINDS:
            problems.append(f"{step.key}: jenis {step.kind!r} tidak dikenal ({', '.join(KINDS)})")
        if step.kind == "choice" and not step.choices:
            problems.append(f"{step.key}: jenis choice tanpa pilihan")
        if step.after and (step.after not in keys or keys.index(step.after) > keys.index(step.key)):
            problems.append(f"{step.key}: 'setelah' harus menunjuk langkah tanggal sebelumnya")
        named = set(step.synonyms) | set(step.combinations)
        named |= {part for parts in step.combinations.values() for part in parts}
        if named - set(step.choices):
            unknown = ", ".join(sorted(named - set(step.choices)))
            problems.append(
                f"{step.key}: sinonim/gabungan menyebut pilihan yang tidak ada: {unknown}"
            )
        if step.kb_help and step.kb_help not in KB_HELP:
            problems.append(f"{step.key}: bantuan_pengetahuan harus {' atau '.join(KB_HELP)}")
    if problems:
        raise ConfigError(f"Templat usulan {path} tidak valid: " + "; ".join(problems))
