"""Repairing question words against the corpus vocabulary: typos and chat abbreviations.

Four ways an ASN's word misses the corpus:
- a clitic on a word Sastrawi's dictionary lacks, which the stemmer therefore leaves whole
  ("daringnya", "fiturnya", "validasikah"): the word without it, if the corpus knows that;
- colloquial affixes ("ngisinya", "ajuin"): the formal word, if the corpus knows it;
- a typo ("inovsi", "mengusulkn"): the closest vocabulary word within one or two edits, unless
  the word is a real Indonesian root word (Sastrawi's dictionary) the corpus happens to lack,
  or an English word ("during" is not a misspelt "daring");
- vowels dropped, the way Indonesians abbreviate in chat ("dipertanggungjwbkn", "pnggunany",
  "lwt"): the vocabulary word with the same consonants in the same order, of which the typed
  word is a shortening. Only shortenings count, and never of a root word as written, so a real
  word the corpus lacks ("mutasi", "kuliah", "teman") is not turned into an unrelated one
  ("temuan").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from asisten.indeks import text

_VOWELS = re.compile(r"[aiueo]")
# Shorter words are too often another real word one edit away ("bumi" / "bumd", "dini" / "ini").
MIN_TYPO_LENGTH = 5
# Shorter skeletons are ambiguous: "pk" fits "pakai", "pokok" and "puncak".
MIN_SKELETON = 3


def skeleton(word: str) -> str:
    return _VOWELS.sub("", word)


def _is_shortening(short: str, full: str) -> bool:
    """True if `short` is `full` with some letters left out (and at least one)."""
    letters = iter(full)
    return len(short) < len(full) and all(char in letters for char in short)


# Colloquial Jakarta-style affixes: "ngisinya" (mengisinya), "ngecek", "ajuin" (ajukan), and the
# nasal that replaces a root's first consonant: "nambah" (tambah), "nyusun" (susun),
# "ngirim" (kirim), "mukul" (pukul).
_NASAL_PREFIX = re.compile(r"^(nge|ng|ny)(?=[a-z]{3})")
_NASAL_FOR = (("ny", "s"), ("ng", "k"), ("n", "t"), ("m", "p"))
_IN_SUFFIX = re.compile(r"(?<=[a-z]{3})in$")
# The possessive and the particles Sastrawi strips only from its dictionary's words.
_CLITIC = re.compile(r"(?<=[a-z]{4})(nya|lah|kah|pun)$")


def _formal_forms(word: str) -> list[str]:
    roots = [_NASAL_PREFIX.sub("", word)]
    for nasal, consonant in _NASAL_FOR:
        if word.startswith(nasal) and word[len(nasal) : len(nasal) + 1] in "aiueo":
            roots.append(consonant + word[len(nasal) :])
    forms = []
    for root in roots:
        for candidate in (root, _IN_SUFFIX.sub("kan", root)):
            if candidate != word and candidate not in forms:
                forms.append(candidate)
    return forms


class Speller:
    def __init__(self, vocabulary: Mapping[str, int], is_known: Callable[[str], bool]) -> None:
        self._vocabulary = vocabulary
        # A typo is repaired into a content word, never into a function word: "dini" is not
        # a misspelt "ini".
        self._words = [w for w in vocabulary if w not in text.STOPWORDS]
        self._is_known = is_known
        by_skeleton: dict[str, str] = {}
        for word, count in vocabulary.items():
            key = skeleton(word)
            if len(key) >= MIN_SKELETON and (
                key not in by_skeleton or count > vocabulary[by_skeleton[key]]
            ):
                by_skeleton[key] = word
        self._by_skeleton = by_skeleton

    def repair(self, word: str) -> str:
        if word in self._vocabulary or word.isdigit() or self._is_known(word):
            return word
        bare = _CLITIC.sub("", word)
        if bare != word and (bare in self._vocabulary or self._is_known(bare)):
            return bare
        # Colloquial affixes, but never on a real word: "kemarin" is not "kemarkan".
        dictionary_word = text.is_dictionary_word(word)
        for formal in [] if dictionary_word else _formal_forms(word):
            if self._is_known(formal):
                return formal
        # A real Indonesian word the corpus lacks ("jatuh", "pensiun") is not a typo of a
        # corpus word one letter away ("jauh"): it stays, and counts as unknown.
        if len(word) >= MIN_TYPO_LENGTH and not dictionary_word and not text.is_english_word(word):
            limit = 1 if len(word) < 8 else 2
            best = process.extractOne(
                word, self._words, scorer=Levenshtein.distance, score_cutoff=limit
            )
            # Two edits only behind the same first letter: "mengusulakn" is a typo,
            # "merenovasi" is not a misspelt "berinovasi".
            if best and (best[1] <= 1 or best[0][0] == word[0]):
                return best[0]
        full = None if text.is_root_word(word) else self._by_skeleton.get(skeleton(word))
        if full is not None and _is_shortening(word, full):
            return full
        return word


# A word as typed: letters only ("dikit2" keeps its "2", "di-SK-in" is three words).
_TYPED_WORD = re.compile(r"[^\W\d_]+")


def in_standard_spelling(
    question: str, known: Callable[[str], bool], acronyms: frozenset[str] | None = None
) -> str:
    """The question as typed with its chat spellings written out ("blh gk dirombak dikit2 klo"
    → "boleh tidak dirombak sedikit2 kalau"): what the embedding model reads. It reads standard
    Indonesian far better than chat, and a chat-typed question about a provision the corpus
    holds otherwise lands far from it (cosine 0.83 against 0.86 written out) and is declined.
    Acronyms ("THR"), words the corpus uses (`known`) and everything else stay as typed; so do
    typos, whose repair (`Speller`) may be wrong ("Kemenkes" is no "kemensos"): only the chat
    lexicons' readings replace a word, as the keyword side reads it too. `acronyms`: those of
    `question` (text.acronyms), when already found."""
    acronyms = text.acronyms(question) if acronyms is None else acronyms

    def standard(match: re.Match) -> str:
        word = match.group()
        lower = word.lower()
        if lower in acronyms:
            return word
        return text.written_out(lower, known) or word

    return _TYPED_WORD.sub(standard, question)
