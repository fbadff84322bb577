"""The first stage of answering: a question read once into a `Query`.

Everything later stages need to know about the question's words is found here and nowhere
else: its language, its content words with chat spelling and typos repaired and English
translated, the provision and regulations it names (and whether the knowledge base holds them),
the documents it names by other names, and the words the corpus never uses. Retrieval, the
decision and the composed answer read the `Query`; none of them parses the question again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from asisten.indeks import text
from asisten.indeks.lexicon import yaml_data
from asisten.jawab import answer_type
from asisten.jawab.asked_regulation import asked_type
from asisten.jawab.calibration import shared
from asisten.jawab.closing_ask import asks_more, read_closing_ask
from asisten.jawab.officeholders import asks_present_holder
from asisten.jawab.preamble_ask import asks_preamble
from asisten.jawab.query import ProvisionRef, RegulationMention, find_provision, find_regulations
from asisten.jawab.question_parts import (
    count_question_words,
    points_back,
    split_question,
    split_sentences,
    told_and_asked,
)
from asisten.jawab.regions import Region, find_regions
from asisten.jawab.spelling import Speller, in_standard_spelling
from asisten.jawab.vocabulary import Vocabulary
from asisten.kb import jenis
from asisten.kb.models import DocumentMeta

_DEFINITION_QUESTION = re.compile(
    r"^\s*(apa\s+(itu|yang\s+dimaksud|arti|maksud|pengertian)|pengertian|definisi|arti|"
    r"what\s+(is|are)\s+(meant|the\s+(meaning|definition))|define)\b",
    re.IGNORECASE,
)
# A definition question is searched with the words definitions are indexed under.
DEFINITION_CUE = "pengertian definisi"
# A clause of a question with fewer content words than this is read with its neighbour.
MIN_PART_WORDS = 2
_YEAR = re.compile(r"(?<![\w/.,])(19[4-9]\d|20\d\d)(?![\w/]|[.,]\d)")
# The words joining two years into a span (data/rentang_tahun.yaml).
YEAR_SPAN_FILE = "rentang_tahun.yaml"
EXPLANATION_ASK_FILE = "tanya_penjelasan.yaml"
_MID_SENTENCE_CAPITAL = re.compile(r"(?<![.?!:]\s)(?<!^)(?<![\"'(])\b[A-Z][A-Za-z]+")


@cache
def _year_span() -> re.Pattern[str]:
    joiners = sorted(yaml_data(YEAR_SPAN_FILE)["penghubung"], key=len, reverse=True)
    joiner = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in joiners)
    return re.compile(rf"\b(?:19|20)\d\d\s*(?:{joiner})\s*(?:19|20)\d\d\b", re.IGNORECASE)


def year_spans_cut(said: str) -> str:
    """The text with its spans of years ("RPJMN 2020–2024") blanked: a span names a period,
    not the year of its start or of its end."""
    return _year_span().sub(" ", said)


@cache
def _explanation_asks() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{form})" for form in yaml_data(EXPLANATION_ASK_FILE)["asks"]))


def _asks_explanation(question: str) -> bool:
    return bool(_explanation_asks().search(question.lower()))


@dataclass(frozen=True)
class Query:
    """One question, analysed. `search_text`: the question with a definition cue added and the
    names of the regulations it names cut out; `standard_text`, what the dense side embeds, is
    that text with its chat spellings written out (spelling.in_standard_spelling)."""

    text: str
    search_text: str
    standard_text: str
    words: tuple[str, ...]
    stems: tuple[str, ...]
    repaired: dict[str, str] = field(default_factory=dict)
    # The question is in English. Its English words the corpus does not use and the glossary
    # does not translate ("inaugurated") are set aside: they say the question is English, not
    # that its topic is foreign, so they count neither as unknown words nor against coverage.
    english: bool = False
    untranslated: tuple[str, ...] = ()
    # An English question's capitalised words inside a sentence ("Singapore", "Sragen").
    names: frozenset[str] = frozenset()
    # Question words the corpus never uses, after repair (not Indonesian place names).
    unknown: tuple[str, ...] = ()
    # Indonesian place names the corpus never uses ("Denpasar"): not unknown words, since every
    # region is the audience, but what the knowledge base holds says nothing about that place.
    unknown_places: tuple[str, ...] = ()
    provision: ProvisionRef | None = None
    # The documents we hold of the regulation the named provision belongs to, when it names one.
    provision_documents: frozenset[str] = frozenset()
    # Regulations named by type and number, and which of them the knowledge base lacks.
    regulations: tuple[RegulationMention, ...] = ()
    missing_regulations: tuple[RegulationMention, ...] = ()
    # Documents we hold that the question names: by number, by a case title, by an alias.
    named_documents: frozenset[str] = frozenset()
    # Of those, the ones it names itself, not as amended by another ("UU Pemda": UU 23/2014).
    named_directly: frozenset[str] = frozenset()
    # Regional regulations (a Perda, a Pergub) of regions the question does not name, nor
    # names them: a rule for another region answers nothing here ("syarat kenaikan pangkat
    # PNS" is no question about Bali's BKD).
    elsewhere: frozenset[str] = frozenset()
    # It asks when a regulation was enacted, who signed it, or which gazette holds it: what the
    # regulation's closing (Penutup) says (asisten.jawab.closing_ask). A question asking several
    # things leaves this to the clause that asks it.
    asks_closing: bool = False
    # Of those, it asks when the regulation takes effect ("Kapan UU 23/2014 mulai berlaku?").
    asks_in_force: bool = False
    # It asks why a regulation it names was made or amended, or which provisions it carries out:
    # what the regulation's preamble (Konsiderans) says (asisten.jawab.preamble_ask).
    asks_preamble: bool = False
    # It asks what a regulation's own Penjelasan says (asisten/data/tanya_penjelasan.yaml):
    # every provision quoted brings its Penjelasan, not only the best one.
    asks_explanation: bool = False
    # It asks who holds an office now, or held it before someone (asisten.jawab.officeholders).
    asks_present_holder: bool = False
    definition: bool = False
    # The kind of value asked for ("uang", "persentase", "waktu", "jumlah"), or "".
    expects: str = ""
    # The type of regulation whose number it asks ("Perpres nomor berapa …?": "Perpres"), or ""
    # (asisten.jawab.asked_regulation).
    asks_regulation: str = ""
    # It asks for a list ("syaratnya apa saja?"): a passage opening one is quoted with more room.
    asks_list: bool = False
    # It asks yes or no ("Bolehkah …?", "harus berkala tidak?"): an FAQ pair opening with its
    # verdict ("Boleh. …") answers it; for another question the answer names the pair's question.
    asks_yes_no: bool = False
    # A clause pointing back at what the question is about ("… and what was its budget?"): its
    # passages are sought first in the question's documents (asisten.jawab.pipeline).
    refers_back: bool = False
    # How many question words ("siapa …, dan apakah …?"): each asks for one more source.
    asked: int = 0
    # The years and regions it names outside the names of regulations, in the sentences that ask
    # (for a value when it asks for one: "skor IID Kota Makassar pada IGA 2022"): a value asked
    # for one year or region, or what happened in a year ("pemenang UNPSA 2024"), is answered
    # only by a passage about it. The setting told in another sentence ("Kami dari Kabupaten
    # Sumba Timur. Berapa lama uji coba …?") is not what is asked, and a span of years
    # ("periode 2020–2024") is a period, not a year.
    years: tuple[str, ...] = ()
    regions: tuple[Region, ...] = ()
    # A question asking several things, read clause by clause ("… batas waktunya? Terus siapa
    # yang menilai?"), or the one thing asked after sentences telling the setting ("Saya PPPK
    # di dinas kesehatan. Apakah saya boleh mengusulkan inovasi?"); empty when it asks one thing
    # straight away. Each part knows the documents the whole question names, since its pronouns
    # point back at them ("memberlakukannya").
    parts: tuple[Query, ...] = ()

    @property
    def searchable(self) -> bool:
        return bool(self.stems or self.untranslated)

    @property
    def further_asked(self) -> int:
        """How many further things it asks that get a source (and searched hits) of their own:
        one per thing asked beyond the first, up to `extra_sources_max`."""
        return min(int(shared().extra_sources_max), max(0, self.asked - 1))

    @property
    def missing_names(self) -> str:
        """The regulations named that the knowledge base lacks: "Perpres 95/2018"."""
        return " dan ".join(dict.fromkeys(_mention_label(m) for m in self.missing_regulations))

    @property
    def provision_name(self) -> str:
        return _provision_label(self.provision) or ""

    def summary(self) -> dict:
        return {
            "language": "en" if self.english else "id",
            "stems": list(self.stems),
            "repaired": dict(self.repaired),
            "untranslated": list(self.untranslated),
            "unknown": list(self.unknown),
            "unknown_places": list(self.unknown_places),
            "provision": _provision_label(self.provision),
            "more_pasal": [
                f"Pasal {p}" for p in (self.provision.more_pasal if self.provision else ())
            ],
            "regulations": [_mention_label(m) for m in self.regulations],
            "missing_regulations": [_mention_label(m) for m in self.missing_regulations],
            "named_documents": sorted(self.named_documents),
            "asks_closing": self.asks_closing,
            "asks_in_force": self.asks_in_force,
            "asks_preamble": self.asks_preamble,
            "asks_explanation": self.asks_explanation,
            "asks_present_holder": self.asks_present_holder,
            "definition": self.definition,
            "expects": self.expects,
            "asks_regulation": self.asks_regulation,
            "asks_list": self.asks_list,
            "asks_yes_no": self.asks_yes_no,
            "years": list(self.years),
            "regions": [region.written for region in self.regions],
            "elsewhere": sorted(self.elsewhere),
            "parts": [part.text for part in self.parts],
        }


class Analyser:
    """Reads questions against one index version's vocabulary and documents."""

    def __init__(
        self, vocabulary: Vocabulary, documents: dict[str, DocumentMeta],
        amended_by: Callable[[str], list[str]] | None = None, home_regions: tuple[str, ...] = (),
    ) -> None:  # fmt: skip
        """`amended_by`: the held regulations amending one (asisten.kb.in_force), so that a
        question naming a regulation names it as amended too. `home_regions`: the deployment's
        own regions, whose regional regulations need not be named (ASISTEN_WILAYAH)."""
        self.vocabulary = vocabulary
        self.documents = documents
        self._amended_by = amended_by or (lambda doc_id: [])
        self._speller = Speller(vocabulary.counts, vocabulary.knows)
        # Built once per index version, so a question looks up names instead of scanning every
        # document (at 10k documents the scan took ~16 ms a question).
        self._regulations_by_number: dict[str | None, list[tuple[str, DocumentMeta]]] = {}
        for doc_id, meta in documents.items():
            if meta.doc_type == "regulasi":
                self._regulations_by_number.setdefault(meta.nomor, []).append((doc_id, meta))
        # Each name is filed under one of its stems: a name is asked only when all its stems
        # are, so only names filed under an asked stem need checking.
        self._names_by_stem: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for doc_id, meta in documents.items():
            for name in _document_names(meta):
                self._names_by_stem.setdefault(min(name), []).append((doc_id, name))
        # One regulation may be held twice (the team's text and the official one an admin
        # added): a name either carries ("UU Pelayanan Publik") names both.
        self._same_regulation: dict[str, set[str]] = {}
        # Regional regulations by the stems of their region's name ("bali": its Pergubs),
        # but for the deployment's own regions.
        self._regional: dict[frozenset[str], list[str]] = {}
        for doc_id, meta in documents.items():
            region = jenis.region_of(meta.jenis)
            if region and not jenis.is_home_region(region, home_regions):
                self._regional.setdefault(_question_stems(region), []).append(doc_id)
        for pairs in self._regulations_by_number.values():
            editions: dict[tuple, set[str]] = {}
            for doc_id, meta in pairs:
                if meta.nomor and meta.tahun:
                    editions.setdefault((meta.jenis, meta.nomor, meta.tahun), set()).add(doc_id)
            for held in editions.values():
                for doc_id in held:
                    self._same_regulation[doc_id] = held

    def analyse(self, question: str) -> Query:
        query = self._analyse(question)
        parts = [self._analyse(clause) for clause in _asking_clauses(split_question(query.text))]
        parts = _merge_thin(parts, self._analyse)
        if len(parts) < 2:
            if not (query.asks_closing and asks_more(query.text, _spans(query.regulations))):
                asking = self._asked_after_setting(query)
                # One thing asked after the setting told: the question is read as usual, and
                # what it asks is searched on its own too.
                return replace(query, parts=(_knowing(asking, query),)) if asking else query
            # "Lampiran II memuat apa, dan pergub itu diundangkan kapan?" in one clause: the
            # question is searched as usual, and its closing answers it as a clause of its own.
            parts = [replace(query, asks_closing=False, asks_in_force=False), query]
        return replace(
            query,
            asks_closing=False,
            asks_in_force=False,
            parts=tuple(_knowing(p, query) for p in parts),
        )

    def _asked_after_setting(self, query: Query) -> Query | None:
        """What a question asking one thing asks, when it tells its setting first and what it
        asks says enough to search on (asisten.jawab.question_parts.told_and_asked)."""
        told, asked = told_and_asked(query.text)
        if not told:
            return None
        asking = self._analyse(asked)
        return None if _thin(asking) else asking

    def _analyse(self, question: str) -> Query:
        question = question.strip()
        definition = bool(_DEFINITION_QUESTION.match(question))
        search_text = f"{question} {DEFINITION_CUE}" if definition else question
        regulations = find_regulations(question)
        named: set[str] = set()
        missing = []
        for mention in regulations:
            if documents := self._documents_named_by(mention):
                named |= documents
            else:
                missing.append(mention)
        # A regulation's name ("undang undang 25 2009") is no content word, whether we hold it
        # or not: one we lack is answered for apart.
        search_text = _without_names(search_text, regulations)
        terms = self._terms(search_text)
        named |= self._named_by_words(terms["stems"], terms["untranslated"])
        directly = frozenset(named)
        # "UU Pemda" is the law as amended: what UU 9/2015 wrote into it is named too.
        named |= {later for doc_id in named for later in self._amended_by(doc_id)}
        provision = find_provision(question)
        closing = read_closing_ask(question, _spans(regulations))
        unknown, places = self._unknown(terms["words"], terms["stems"])
        asking = _asking_sentences(search_text)
        acronyms = terms.pop("acronyms")
        # An English question's words are no chat spellings ("for" is no "tapi").
        standard_text = (
            search_text
            if terms["english"]
            else in_standard_spelling(search_text, self.vocabulary.knows, acronyms)
        )
        return Query(
            text=question,
            search_text=search_text,
            standard_text=standard_text,
            unknown=unknown,
            unknown_places=places,
            provision=provision,
            provision_documents=frozenset(self._documents_of(provision)),
            regulations=tuple(regulations),
            missing_regulations=tuple(missing),
            named_documents=frozenset(named),
            named_directly=directly,
            elsewhere=self._elsewhere(question, named),
            asks_closing=closing.closing,
            asks_in_force=closing.in_force,
            asks_preamble=asks_preamble(question, _spans(regulations)),
            asks_explanation=_asks_explanation(question),
            asks_present_holder=asks_present_holder(question),
            definition=definition,
            expects=answer_type.expected(question),
            asks_regulation=asked_type(question),
            asks_list=answer_type.asks_list(question),
            asks_yes_no=answer_type.asks_yes_no(standard_text),
            refers_back=points_back(question),
            asked=count_question_words(question),
            years=tuple(dict.fromkeys(_YEAR.findall(year_spans_cut(asking)))),
            regions=find_regions(asking),
            **terms,
        )

    # -- words ------------------------------------------------------------------------------
    def _terms(self, question: str) -> dict:
        """Content words with typos repaired against the corpus vocabulary; an English
        question's words translated by the glossary first."""
        known = self.vocabulary.knows
        english = text.is_english_text(question)
        names = _proper_names(question) if english else frozenset()
        acronyms = text.acronyms(question)
        repaired: dict[str, str] = {}
        words: list[str] = []
        untranslated: list[str] = []
        for word in text.content_words(question):
            reading = self._read_english(word, names) if english else None
            if reading is not None:
                words += reading
                if not reading:
                    untranslated.append(word)
                continue
            # Chat spelling from the colloquial lexicon first ("lgsg" → "langsung", "kadis"
            # → "kepala dinas"), then typos against the corpus.
            # An acronym stays as typed: what it names is the topic, known to the corpus or not.
            typed = known(word) or word in acronyms
            pieces = [word] if typed else text.colloquial(word)
            for piece in pieces:
                fixed = piece if typed else self._speller.repair(piece)
                if fixed in text.STOPWORDS or (len(fixed) <= 2 and not known(fixed)):
                    continue  # "knp" → "kenapa"; chat particles ("tu", "eh") carry no topic
                if fixed != word:
                    repaired[word] = fixed if len(pieces) == 1 else " ".join(pieces)
                words.append(fixed)
        # A long form is searched by its abbreviation too, which the index holds beside it.
        words, stems = text.with_abbreviations(words, [text.stem(w) for w in words])
        return {
            "words": tuple(words),
            "stems": tuple(stems),
            "repaired": repaired,
            "english": english,
            "untranslated": tuple(untranslated),
            "names": names,
            "acronyms": acronyms,
        }

    def _read_english(self, word: str, names: frozenset[str]) -> list[str] | None:
        """An English question's word as corpus words: its translation by the glossary
        ("piloting" → "uji coba"; the word stays beside it when the corpus uses it too), [] to
        set it aside, or None to read it like any other word. An English word the corpus and the
        glossary lack is set aside unless it is a name ("Berlin", "US"): a name is the topic."""
        known = self.vocabulary.knows(word)
        if translated := text.translate_english(word):
            return ([word] if known else []) + translated
        if known or not text.is_english_word(word) or word in names:
            return None
        return []

    def _unknown(
        self, words: tuple[str, ...], stems: tuple[str, ...]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Question words the corpus never uses (after typo repair), and apart from them the
        names of Indonesian regions it never mentions ("Sumba", "Pontianak"): every region is
        the product's audience, so its name is no foreign topic, only a place the knowledge
        base says nothing about."""
        unseen = [w for w, s in zip(words, stems, strict=True) if s not in self.vocabulary.idf]
        places = tuple(w for w in unseen if text.is_indonesian_place(w))
        return tuple(w for w in unseen if w not in places), places

    # -- names ------------------------------------------------------------------------------
    def _elsewhere(self, question: str, named: set[str]) -> frozenset[str]:
        """The regional regulations of regions `question` does not name, unless it names them."""
        asked = _question_stems(question)
        return frozenset(
            doc_id
            for region, held in self._regional.items()
            if not region <= asked
            for doc_id in held
            if doc_id not in named
        )

    def _documents_named_by(self, mention: RegulationMention | ProvisionRef) -> set[str]:
        if mention.nomor:
            candidates = self._regulations_by_number.get(mention.nomor, [])
        else:
            candidates = [pair for pairs in self._regulations_by_number.values() for pair in pairs]
        return {
            doc_id
            for doc_id, meta in candidates
            if mention.matches_document(meta.jenis, meta.nomor, meta.tahun)
        }

    def _documents_of(self, provision: ProvisionRef | None) -> set[str]:
        if provision is None or not provision.jenis:
            return set()
        return self._documents_named_by(provision)

    def _named_by_words(self, stems: tuple[str, ...], untranslated: tuple[str, ...]) -> set[str]:
        """Documents the question names in words: a best-practice case in full ("lapor sleman",
        "kemitraan bidan dan dukun aceh singkil"; a place alone, "ke Jakarta", names none), or
        any document by one of its other names ("UU Pelayanan Publik", "Siola")."""
        asked = set(stems) | {text.stem(word) for word in untranslated}
        named = {
            doc_id
            for stem in asked
            for doc_id, name in self._names_by_stem.get(stem, ())
            if name <= asked
        }
        return {same for doc_id in named for same in self._same_regulation.get(doc_id, {doc_id})}


def _knowing(part: Query, query: Query) -> Query:
    """A part of the question knowing the documents the whole names."""
    return replace(
        part,
        named_documents=part.named_documents | query.named_documents,
        named_directly=part.named_directly | query.named_directly,
        elsewhere=part.elsewhere & query.elsewhere,
    )


def _asking_clauses(clauses: list[str]) -> list[str]:
    return clauses if len(clauses) > 1 else []


def _merge_thin(parts: list[Query], analyse: Callable[[str], Query]) -> list[Query]:
    """Clauses with fewer than two content words ("untuk apa", "Apa") read with the clause
    before them (the first with the one after): alone they would search for nothing."""
    groups: list[list[Query]] = []
    for part in parts:
        if groups and (_thin(part) or _thin(*groups[-1])):
            groups[-1].append(part)
        else:
            groups.append([part])
    return [g[0] if len(g) == 1 else analyse(" ".join(p.text for p in g)) for g in groups]


def _thin(*parts: Query) -> bool:
    return len({stem for part in parts for stem in part.stems}) < MIN_PART_WORDS


def _document_names(meta: DocumentMeta) -> list[frozenset[str]]:
    """The ways a document is named, as stem sets: the title of a case and its short name in
    parentheses ("Mal Pelayanan Publik Surabaya (MPP Siola)") when at least two words long, and
    every alias the team wrote, however short ("Siola", "UPTPK"). A name is read the way a
    question is ("Public Service Law" → its Indonesian words too), so the two meet."""
    names = []
    if meta.is_case:
        main, _, short = meta.title.partition("(")
        names = [_question_stems(part) for part in (main, short.rstrip(")"))]
        names = [name for name in names if len(name) >= 2]
    names += [_question_stems(alias) for alias in meta.aliases]
    return [name for name in names if name]


def _question_stems(name: str) -> frozenset[str]:
    return frozenset(text.stem(word) for word in text.content_words(name))


def _proper_names(question: str) -> frozenset[str]:
    """Capitalised words inside a sentence ("Berlin", "European", "US"): names, which say what
    an English question is about even when they are English words too."""
    return frozenset(match.lower() for match in _MID_SENTENCE_CAPITAL.findall(question.strip()))


def regulation_label(jenis: str | None, nomor: str | None, tahun: int | None) -> str:
    """ "PP 38/2017", or "PP 38" when the year was not named."""
    return f"{jenis} {nomor}" + (f"/{tahun}" if tahun else "")


def _mention_label(mention: RegulationMention) -> str:
    return regulation_label(mention.jenis, mention.nomor, mention.tahun)


def _provision_label(ref: ProvisionRef | None) -> str | None:
    if ref is None:
        return None
    label = f"Pasal {ref.pasal}" + (f" ayat ({ref.ayat})" if ref.ayat else "")
    if ref.jenis:
        label += " " + regulation_label(ref.jenis, ref.nomor, ref.tahun)
    return label


def names_a_year(passage: str) -> bool:
    """Whether a passage names a year, or a span of years, outside the names of regulations
    ("sejak 2019", "periode 2020–2024"; not "Peraturan Pemerintah Nomor 38 Tahun 2017")."""
    return bool(_YEAR.search(_without_names(passage, find_regulations(passage))))


def _without_names(text_: str, mentions: list[RegulationMention]) -> str:
    """`text_` with the regulations it names cut out, from the end so that earlier offsets
    stay valid."""
    for mention in reversed(mentions):
        text_ = text_[: mention.start] + " " + text_[mention.end :]
    return text_


def _asking_sentences(question: str) -> str:
    """The sentences of `question` that ask for a value (an amount, a time, a count); in a
    question asking none, those that ask at all ("Inovasi apa yang memenangi UNPSA 2024?", not
    the setting "Layanan kami diluncurkan tahun 2016."); else the whole question."""
    sentences = split_sentences(question)
    asking = [s for s in sentences if answer_type.expected(s)]
    if not asking and not answer_type.expected(question):
        asking = [s for s in sentences if s.rstrip().endswith("?") or count_question_words(s)]
    return " ".join(asking) or question


def _spans(
    mentions: tuple[RegulationMention, ...] | list[RegulationMention],
) -> list[tuple[int, int]]:
    """Where the question names regulations by number."""
    return [(m.start, m.end) for m in mentions]
