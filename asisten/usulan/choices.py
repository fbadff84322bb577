"""A typed answer mapped to one of a step's choices, also when it is written in free words.

Short answers are read as before: the choice itself, its number, a unique prefix, words of one
choice, or a typo of the whole choice. A longer answer ("masih uji coba di dua puskesmas",
"digital, pakai aplikasi", "ASN, saya sendiri") is searched for each choice's phrase and the
synonyms the template declares for it, like a Rasa form mapping a slot from text. A phrase inside
a longer matched phrase does not count ("digital" inside "non digital"), a negated phrase does
not count ("tanpa aplikasi"), and when two choices stay plausible the result is `Ambiguous` with
just those two, so the person can pick one instead of reading the whole list again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from asisten.usulan.lexicon import lexicon
from asisten.usulan.outcome import Ambiguous, Invalid, Valid, quoted
from asisten.usulan.template import Step


@dataclass(frozen=True)
class _Hit:
    choice: str
    start: int
    end: int  # token span of the phrase in the answer


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def _key(text: str) -> str:
    return " ".join(words(text))


def _contains_words(haystack: list[str], needle: list[str]) -> bool:
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def match_choice(step: Step, text: str) -> Valid | Invalid:
    choices = step.choices
    keys = [_key(c) for c in choices]
    wanted = _key(text)
    if not wanted:
        return bad_choice(step, text)
    if wanted in keys:
        return Valid(choices[keys.index(wanted)])
    number = re.fullmatch(r"(?:no\.?|nomor|pilihan)?\s*\(?(\d{1,3})[.)]?", text.casefold().strip())
    if number:
        index = int(number.group(1))
        if 1 <= index <= len(choices):
            return Valid(choices[index - 1])
        return bad_choice(step, text, f"Tidak ada pilihan nomor {index}.")
    prefixed = [c for c, k in zip(choices, keys, strict=True) if k.startswith(wanted)]
    if len(prefixed) == 1:
        return Valid(prefixed[0])
    tokens = wanted.split()
    containing = [
        c for c, k in zip(choices, keys, strict=True) if _contains_words(k.split(), tokens)
    ]
    if len(containing) == 1:
        return Valid(containing[0])
    if len(prefixed) > 1 or len(containing) > 1:
        return _ambiguous(step, text, prefixed if len(prefixed) > 1 else containing)
    typo = _whole_typo(choices, keys, wanted)
    if typo is not None:
        return Valid(typo)
    return _in_free_words(step, text, tokens)


def _whole_typo(choices: tuple[str, ...], keys: list[str], wanted: str) -> str | None:
    limits = lexicon("pilihan")
    scores = sorted(
        ((fuzz.ratio(wanted, k), c) for c, k in zip(choices, keys, strict=True)), reverse=True
    )
    best, runner_up = scores[0][0], scores[1][0] if len(scores) > 1 else 0
    if best >= limits["skor_min_seluruh"] and best - runner_up >= limits["selisih_min"]:
        return scores[0][1]
    return None


def _in_free_words(step: Step, text: str, tokens: list[str]) -> Valid | Invalid:
    hits, negated = _phrase_hits(step, tokens)
    found = _outermost(hits)
    if not found and len(step.choices) == 2 and len(negated) == 1:
        # "bukan digital" for a yes/no-like pair: the other one is meant.
        return Valid(next(c for c in step.choices if c not in negated))
    if len(found) == 1:
        return Valid(found[0])
    if len(found) > 1:
        for combined, parts in step.combinations.items():
            if set(parts) == set(found):
                return Valid(combined)
        return _ambiguous(step, text, found)
    return bad_choice(step, text)


def _phrases(step: Step) -> list[tuple[str, list[str]]]:
    pairs = [(c, words(c)) for c in step.choices]
    pairs += [(c, words(s)) for c, synonyms in step.synonyms.items() for s in synonyms]
    return [(c, p) for c, p in pairs if p]


def _phrase_hits(step: Step, tokens: list[str]) -> tuple[list[_Hit], set[str]]:
    """Every place a choice's phrase (or synonym) occurs; negated choices apart."""
    limits = lexicon("pilihan")
    negations = set(limits["kata_ingkar"])
    hits: list[_Hit] = []
    negated: set[str] = set()
    for choice, phrase in _phrases(step):
        size = len(phrase)
        for start in range(len(tokens) - size + 1):
            window = tokens[start : start + size]
            if not _same(window, phrase, limits):
                continue
            if start > 0 and tokens[start - 1] in negations:
                negated.add(choice)
            else:
                hits.append(_Hit(choice, start, start + size))
    positive = {h.choice for h in hits}
    return hits, negated - positive


def _same(window: list[str], phrase: list[str], limits: dict) -> bool:
    if window == phrase:
        return True
    joined, target = " ".join(window), " ".join(phrase)
    if min(len(w) for w in phrase) < limits["panjang_min_samar"]:
        return False  # short words ("asn", "non") must be exact: fuzzy would confuse them
    return fuzz.ratio(joined, target) >= limits["skor_min_frasa"]


def _outermost(hits: list[_Hit]) -> list[str]:
    """Choices with at least one phrase not lying inside another choice's longer phrase."""
    kept: list[str] = []
    for hit in hits:
        inside = any(
            other.choice != hit.choice
            and other.start <= hit.start
            and hit.end <= other.end
            and (other.end - other.start) > (hit.end - hit.start)
            for other in hits
        )
        if not inside and hit.choice not in kept:
            kept.append(hit.choice)
    return kept


def _ambiguous(step: Step, text: str, options: list[str]) -> Ambiguous:
    reason = f"Jawaban itu cocok dengan lebih dari satu pilihan ({', '.join(options)})."
    message = bad_choice(step, text, reason).message
    return Ambiguous(message, tuple(options), f"{reason} Pilih salah satu.")


def bad_choice(step: Step, text: str, reason: str = "") -> Invalid:
    listing = "\n".join(f"{i}. {c}" for i, c in enumerate(step.choices, start=1))
    reason = reason or f"{quoted(text)} tidak cocok dengan pilihan mana pun."
    return Invalid(
        f"{reason} Pilih salah satu untuk {step.title} dengan menulis nomor atau teksnya:\n"
        f"{listing}\nContoh: `1` atau `{step.choices[0]}`."
    )
