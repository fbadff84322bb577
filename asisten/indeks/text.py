"""Indonesian text normalisation for the keyword index and for queries.

The embedding model is English-trained, so the keyword side carries Indonesian retrieval. The two
sides differ on purpose:

- Index side (`tokens`, `index_words`): normalisation, the stopwords of data/stopwords.txt and
  the Sastrawi stemmer ("pengusulan", "diusulkan" and "usulan" meet at "usul"), nothing else.
  These inputs are in the index fingerprint (asisten.indeks.build): changing one re-indexes.
- Query side (`words`, `content_words`): the same, after chat spellings and shorthand are read
  ("klo mo bikin" → "kalau mau buat", data/colloquial.txt) and English words are mapped to the
  corpus's Indonesian terms (data/english.txt). Documents are indexed as written, so these
  lists change what a question searches for without a re-index.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from asisten.indeks import lexicon

_WORD = re.compile(r"[a-z0-9]+")
# Where a full stop ends a sentence: after a word or a bracket ("… Daerah.", "… (satu)."), not
# after an item's mark ("a.", "2."), which opens its item. Read by the excerpt and the matrix
# reader alike, so an item keeps its mark in both.
SENTENCE_FULL_STOP = r"(?<=[\w)]{2}\.)"

# The word lists are data (asisten/data/, read by asisten.indeks.lexicon on first use).
STOPWORDS_FILE = "stopwords.txt"
COLLOQUIAL_FILE = "colloquial.txt"
ENGLISH_FILE = "english.txt"
PLACES_FILE = "places.txt"
ABBREVIATIONS_FILE = "singkatan.txt"
# What the index is built with; the rest is read on the query side only.
INDEX_LEXICON = (STOPWORDS_FILE, ABBREVIATIONS_FILE)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(entry[0] for entry in lexicon.phrase_list(STOPWORDS_FILE) if len(entry) == 1)


@lru_cache(maxsize=1)
def _stop_phrases() -> dict[str, list[tuple[str, ...]]]:
    """First word → the stop phrases it begins, longest first."""
    phrases = sorted((e for e in lexicon.phrase_list(STOPWORDS_FILE) if len(e) > 1), key=len)
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in reversed(phrases):
        found.setdefault(phrase[0], []).append(phrase)
    return found


def without_stopwords(words: list[str]) -> list[str]:
    """The words that carry a topic: stopwords dropped, and a stop phrase dropped only whole.
    "terima kasih" is a courtesy, but "tanda terima" is a receipt and "kasih penghargaan" a
    grant, so neither of its words is a stopword alone."""
    stopwords, phrases = _stopwords(), _stop_phrases()
    kept: list[str] = []
    at = 0
    while at < len(words):
        word = words[at]
        phrase = next(
            (p for p in phrases.get(word, ()) if tuple(words[at : at + len(p)]) == p), None
        )
        if phrase:
            at += len(phrase)
            continue
        if word not in stopwords:
            kept.append(word)
        at += 1
    return kept


def _informal() -> dict[str, str]:
    return lexicon.word_map(COLLOQUIAL_FILE)


def _english() -> dict[str, str]:
    return lexicon.word_map(ENGLISH_FILE)


def __getattr__(name: str):
    """`STOPWORDS`, `INFORMAL` and `ENGLISH`, loaded on first use (PEP 562)."""
    lists = {"STOPWORDS": _stopwords, "INFORMAL": _informal, "ENGLISH": _english}
    if name in lists:
        return lists[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=1)
def _root_words() -> frozenset[str]:
    from importlib.resources import files

    listing = files("Sastrawi").joinpath("Stemmer/data/kata-dasar.txt").read_text("utf-8")
    return frozenset(listing.split())


def is_root_word(word: str) -> bool:
    """True if the word as written is one of Sastrawi's root words ("teman", "sukses")."""
    return word in _root_words()


def is_dictionary_word(word: str) -> bool:
    """True if the word, or its stem, is one of Sastrawi's ~30,000 Indonesian root words."""
    roots = _root_words()
    return word in roots or stem(word) in roots


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    from english_words import get_english_words_set

    # web2 has the lemmas, GCIDE adds irregular forms ("paid", "held").
    return frozenset(get_english_words_set(["web2", "gcide"], lower=True, alpha=True))


def is_english_word(word: str) -> bool:
    """True for English words, inflected ("existed", "cataloguing") or not ("during"): never a
    typo of an Indonesian one."""
    english = _english_words()
    return any(base in english for base in _english_bases(word))


def _english_bases(word: str) -> list[str]:
    """The word and what it may be inflected from: -s, -es, -ies, -ves, -ed, -ied, -ing, and
    the British -re ("centre")."""
    bases = [word]
    for suffix, endings in (
        ("ies", ("y",)), ("ied", ("y",)), ("ves", ("f", "fe")), ("es", ("", "e")), ("s", ("",)),
        ("ed", ("", "e")), ("ing", ("", "e")),
    ):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            bases += [word[: -len(suffix)] + ending for ending in endings]
    bases += [base[:-2] + "er" for base in bases if base.endswith("re")]
    return bases


def translate_english(word: str) -> list[str]:
    """The glossary's Indonesian for an inflected English word ("piloting" → "uji coba",
    "awarded" → "penghargaan"), or [] if the glossary lacks its base form. The word itself was
    already looked up by `words`."""
    for base in _english_bases(word)[1:]:
        if base in (english := _english()):
            return english[base].split()
    return []


@lru_cache(maxsize=1)
def indonesian_provinces() -> tuple[dict, ...]:
    """Indonesia's provinces as areaid's data gives them: "provinsi" (its name) and "kabupaten"
    (its regencies and cities: "kab_kota", "ibukota", and their districts, "kecamatan")."""
    from importlib.resources import files

    return tuple(
        province
        for path in sorted(files("areaid").joinpath("data").iterdir(), key=lambda p: p.name)
        for province in json.loads(path.read_text("utf-8"))
    )


@lru_cache(maxsize=1)
def _indonesian_place_words() -> frozenset[str]:
    # Provinces, regencies/cities, their seats and districts (kecamatan).
    # Words that name a place without being its name ("East Sumba", "Bekasi Regency").
    found = set(lexicon.word_list(PLACES_FILE))
    for province in indonesian_provinces():
        found.update(_WORD.findall(normalise(province["provinsi"])))
        for regency in province["kabupaten"]:
            names = [regency["kab_kota"], regency.get("ibukota") or ""]
            names += [district["kec"] for district in regency["kecamatan"]]
            for name in names:
                found.update(_WORD.findall(normalise(name)))
    return frozenset(found)


def is_indonesian_place(word: str) -> bool:
    """A word of an Indonesian province, regency, city or district name ("sumba", "pontianak",
    "timur"), or a word that goes with one ("east", "regency")."""
    return word in _indonesian_place_words()


# A question is English when at least this share of its words are English and not Indonesian.
ENGLISH_QUESTION_SHARE = 0.5


def is_english_text(text: str) -> bool:
    """True for a question written in English ("Who may propose a regional innovation?").

    Indonesian questions, even with loanwords ("data", "Command Center"), stay under a quarter.
    """
    found = [w for w in _WORD.findall(normalise(text)) if len(w) >= 3 and w.isalpha()]
    english = [
        w for w in found if (w in _english() or is_english_word(w)) and not is_dictionary_word(w)
    ]
    return bool(found) and len(english) >= ENGLISH_QUESTION_SHARE * len(found)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if word.isdigit() or len(word) <= 3:
        return word
    return _stemmer().stem(word)


def fold_accents(text: str) -> str:
    """The text in ASCII, case kept: "Dottoro’ta" → "Dottorota"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def normalise(text: str) -> str:
    """Lower-case, strip accents, and separate 'dan/atau' style compounds."""
    return re.sub(r"[/\-_]", " ", fold_accents(text).lower())


# Chat reduplication: "denger2" for "denger-denger", "hati2" for "hati-hati".
_REDUPLICATION = re.compile(r"\b([a-z]{3,})2\b")


def index_words(text: str) -> list[str]:
    """A document's words as indexed: normalised, nothing mapped, stopwords kept (the
    vocabulary that typo repair corrects a question's words towards)."""
    return _WORD.findall(_REDUPLICATION.sub(r"\1", normalise(text)))


def words(text: str) -> list[str]:
    """A question's words, chat spellings and English read as the corpus's Indonesian, stopwords
    kept. An abbreviation the documents use too ("pemda") keeps itself beside its reading: its
    reading in the data file lists it first."""
    informal, english = _informal(), _english()
    mapped: list[str] = []
    for word in index_words(text):
        replacement = informal.get(word, english.get(word, word))
        mapped.extend(replacement.split())
    return mapped


@lru_cache(maxsize=1)
def _colloquial_lexicon() -> dict[str, str]:
    # Kamus Alay (Salsabila et al. 2018), ~4,300 chat spellings with their standard form.
    from indoNLP.preprocessing.slang_data import SLANG_DATA

    return SLANG_DATA


def colloquial(word: str) -> list[str]:
    """The standard words for a chat spelling ("lgsg" → ["langsung"], "gk" → ["enggak"]),
    or the word itself."""
    return normalise(_colloquial_lexicon().get(word, word)).split() or [word]


def written_out(word: str, known: Callable[[str], bool]) -> str | None:
    """What a chat spelling stands for, in standard words ("blh" → "boleh", "kadis" → "kepala
    dinas"): by the team's list (data/colloquial.txt), then, for a word the corpus does not
    use (`known`), by Kamus Alay. None for any other word, and for an abbreviation the
    documents use too, which the team's list keeps first in its reading ("pemda")."""
    listed = _informal().get(word)
    if listed is not None:
        return None if listed.split()[0] == word else listed
    if known(word):
        return None
    standard = " ".join(colloquial(word))
    return None if standard == word else standard


# A token written in capitals ("THR", "SMP", "PPh", "BPJS"): an acronym, typed as such.
_RAW_TOKEN = re.compile(r"[A-Za-z0-9]+")
# A question more than this share of whose words are capitals is shouted, not abbreviated.
_SHOUTED_SHARE = 0.5


def acronyms(text: str) -> frozenset[str]:
    """The words of `text` written as acronyms (two capitals or more, no more small letters
    than capitals), lower-cased as `words` gives them. An acronym names something: it is no
    chat shortening with its vowels dropped ("SMP" is a school, not "sampai") and no typo of
    a word one edit away ("THR" is no "tahura"). A question typed all in capitals has none."""
    tokens = _RAW_TOKEN.findall(fold_accents(text))
    found = {
        t.lower() for t in tokens
        if sum(c.isupper() for c in t) >= max(2, sum(c.islower() for c in t))
    }  # fmt: skip
    lettered = [t for t in tokens if any(c.isalpha() for c in t) and len(t) >= 3]
    if lettered and sum(t.isupper() for t in lettered) > _SHOUTED_SHARE * len(lettered):
        return frozenset()
    return frozenset(found)


def content_words(text: str) -> list[str]:
    """A question's words that carry its topic (query side)."""
    return without_stopwords(words(text))


def tokens(text: str) -> list[str]:
    """A document's stemmed content tokens: what BM25 indexes (index side), with the
    abbreviation of each long form it spells out. A question's are the stems of its
    `content_words`, with the abbreviations of their long forms (`with_abbreviations`)."""
    found = [stem(w) for w in without_stopwords(index_words(text))]
    return found + [stem(short) for *_, shorts in long_forms_in(found) for short in shorts]


@lru_cache(maxsize=1)
def _long_forms() -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """First stem → (the stems of a long form, its abbreviations), longest first. The long
    forms are read as content tokens are, so "pembinaan dan pengawasan" is (bina, awas), and
    "Menteri Dalam Negeri" and "Kementerian Dalam Negeri" are one form with two
    abbreviations."""
    by_form: dict[tuple[str, ...], tuple[str, ...]] = {}
    for short, long in lexicon.word_map(ABBREVIATIONS_FILE).items():
        stems = tuple(stem(w) for w in without_stopwords(long.split()))
        by_form[stems] = (*by_form.get(stems, ()), short)
    forms: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for stems, shorts in sorted(by_form.items(), key=lambda item: -len(item[0])):
        forms.setdefault(stems[0], []).append((stems, shorts))
    return forms


def long_forms_in(stems: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, abbreviations) of each long form spelled out in a sequence of stems, the
    longest at each place ("dewan perwakilan rakyat daerah" is DPRD, not DPR)."""
    forms, found, at = _long_forms(), [], 0
    while at < len(stems):
        for form, shorts in forms.get(stems[at], ()):
            if tuple(stems[at : at + len(form)]) == form:
                found.append((at, at + len(form), shorts))
                at += len(form)
                break
        else:
            at += 1
    return found


def with_abbreviations(words: list[str], stems: list[str]) -> tuple[list[str], list[str]]:
    """A question's words and their stems, with the abbreviation of each long form it spells
    out added: the index holds the abbreviation wherever the long form is written, so the
    question meets passages writing either form. The long form's own words stay, for passages
    using them apart ("pembinaan umum … pengawasan")."""
    shorts = [short for *_, (short, *_) in long_forms_in(stems)]
    return words + shorts, stems + [stem(short) for short in shorts]
