"""The third stage: whether to answer a question from the passages found, and by which rule.

A `Decision` says what happens (answer, decline, the named regulation is not in the knowledge
base, ask back which reading of the question is meant) and records the rule that decided with the scores it looked at, so that an answer can be
explained (`asisten tanya --jelaskan`) and a wrong decline traced to its cause.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from asisten.indeks import text
from asisten.jawab.analysis import Query, names_a_year, year_spans_cut
from asisten.jawab.answer_type import declines_unsaid, label, says
from asisten.jawab.answerability import features, near_top
from asisten.jawab.asked_regulation import names_one
from asisten.jawab.calibration import FULL_COVERAGE, Calibration, shared
from asisten.jawab.logistic import LogisticModel
from asisten.jawab.officeholders import present_holder_phrase
from asisten.jawab.regions import Region, names_region
from asisten.jawab.retrieval import Hit
from asisten.jawab.scope import mentions_scope
from asisten.jawab.vocabulary import Vocabulary
from asisten.kb import jenis

# Outcomes.
ANSWER = "jawab"
DECLINE = "tolak"
# The question names a regulation (or a pasal of one) the knowledge base does not hold.
NOT_HELD = "tidak-dimuat"
# The question is too thin to answer one way: ask which reading is meant (asisten.jawab.clarify).
CLARIFY = "tanya-balik"
# A value asked for a year no passage found mentions ("Berapa skor IID Makassar pada IGA
# 2022?"): whatever value the passages give is another year's, or none.
YEAR_UNSAID = "tahun-tidak-dimuat"
# The same for a region ("Berapa skor IID Kabupaten Banjarnegara?"): the passages found give
# another region's value, or a general rule.
REGION_UNSAID = "wilayah-tidak-dimuat"
# A value asked for a region in a year, each named by some passage but never together ("Berapa
# nilai indeks RB Provinsi Bali tahun 2023?" beside a Bali regulation and another text's 2023):
# no passage gives that region's value for that year.
PAIR_UNSAID = "wilayah-tahun-tidak-dimuat"
# A value asked for a year that passages name, but none beside a value of the kind asked
# ("Berapa rupiah DID yang diterima peraih IGA 2022?" beside a guide's account of IGA 2022).
VALUE_YEAR_UNSAID = "nilai-tahun-tidak-dimuat"
# Which regulation of a type, by its number, that no passage near the top comes from or names
# ("Perpres nomor berapa yang mengatur ganti rugi?" beside the pasal delegating it to a Perpres).
REGULATION_UNSAID = "nomor-peraturan-tidak-dimuat"
# Who holds an office now: no passage can say that (asisten.jawab.officeholders).
PRESENT_HOLDER = "pejabat-saat-ini"
# Only a value the knowledge base seldom holds is asked (an office's telephone number, a
# service's opening hours: asisten/data/jenis_jawaban.yaml), and no passage near the top says one.
VALUE_UNSAID = "nilai-tidak-dimuat"

# The rules' numbers are data: the `shared` section of asisten/data/calibration.yaml.


@dataclass(frozen=True)
class Decision:
    outcome: str
    rule: str
    in_scope: bool = False
    scores: dict[str, float] = field(default_factory=dict)
    # What the knowledge base holds no data for, as the reply says it ("tahun 2013").
    unsaid: tuple[str, ...] = ()

    @property
    def answer(self) -> bool:
        return self.outcome == ANSWER

    def as_json(self) -> dict:
        found = {
            "outcome": self.outcome,
            "rule": self.rule,
            "in_scope": self.in_scope,
            "scores": {k: round(v, 4) for k, v in self.scores.items()},
        }
        return {**found, "unsaid": list(self.unsaid)} if self.unsaid else found


class Decider:
    """The answer/decline rules, with one model's calibrated numbers, and the answerability
    model fitted for that embedding model when there is one: then the rules' verdict is one of
    its signals and the model decides."""

    def __init__(
        self,
        calibration: Calibration,
        vocabulary: Vocabulary | None = None,
        model: LogisticModel | None = None,
    ) -> None:
        self.calibration = calibration
        self.vocabulary = vocabulary
        self.model = model

    def decide(self, query: Query, hits: list[Hit]) -> Decision:
        decision = self._decide(query, hits)
        if query.asks_present_holder:
            phrase = (present_holder_phrase(),)
            return Decision(DECLINE, PRESENT_HOLDER, decision.in_scope, decision.scores, phrase)
        if decision.answer and (missing := unsaid(query, hits)):
            rule = (
                YEAR_UNSAID if missing.years
                else REGION_UNSAID if missing.regions
                else VALUE_YEAR_UNSAID if missing.years_without_value
                else REGULATION_UNSAID if missing.regulation
                else VALUE_UNSAID if missing.values
                else PAIR_UNSAID
            )  # fmt: skip
            return Decision(DECLINE, rule, decision.in_scope, decision.scores, missing.phrases)
        return decision

    def _decide(self, query: Query, hits: list[Hit]) -> Decision:
        by_rules = self.by_rules(query, hits)
        # With no question word left (an English question naming one of our documents in words
        # the glossary lacks), the model's word signals measure nothing: the rules decide.
        if self.model is None or self.vocabulary is None or not hits or not query.stems:
            return by_rules
        values = self.signals(query, hits, by_rules)
        probability = self.model.probability(values)
        scores = {**by_rules.scores, "p_answerable": probability, "threshold": self.model.threshold}
        if values.get("value_asked"):
            # Whether the passages say a value of the kind asked (asisten.jawab.answer_type).
            scores["value_unsaid"] = values["value_unsaid"]
        outcome = ANSWER if probability >= self.model.threshold else DECLINE
        return Decision(outcome, f"model ({by_rules.rule})", by_rules.in_scope, scores)

    def signals(self, query: Query, hits: list[Hit], by_rules: Decision) -> dict[str, float]:
        assert self.vocabulary is not None
        return features(query, hits, self.vocabulary, by_rules.answer, by_rules.in_scope)

    def by_rules(self, query: Query, hits: list[Hit]) -> Decision:
        if not hits:
            return Decision(DECLINE, "tidak-ada-kandidat")
        best = max(hits, key=lambda h: h.base)
        rules = self.calibration.for_english() if query.english else self.calibration
        in_scope = self.in_scope(query, hits)
        scores = {
            "coverage": best.coverage,
            "dense": best.dense,
            "base": best.base,
            "unknown_share": len(query.unknown) / max(1, len(query.stems)),
            "max_shared_idf": max(best.shared.values(), default=0.0),
        }

        def decision(answer: bool, rule: str) -> Decision:
            return Decision(ANSWER if answer else DECLINE, rule, in_scope, scores)

        if in_scope:
            # An innovation question: answer from the closest passage unless it shares next to
            # nothing with the question. An English question left with no translated word has
            # only the document it names to go by.
            if not query.stems:
                return decision(best.named, "cakupan:hanya-nama-dokumen")
            covered = any(
                h.coverage >= rules.min_coverage_in_scope
                for h in hits[: int(shared().in_scope_top)]
            )
            return decision(covered, "cakupan:kata-bersama")
        # A question naming a regulation we hold is in scope however it is worded (typos and
        # chat spelling push e5 similarities down), so only the word rules below apply.
        far = best.dense < rules.meaning_floor and not best.named
        # Every word of an English question found means little when most of its words were
        # set aside untranslated ("village" of "how is the Village Fund allocated").
        if far and (query.english or best.coverage < FULL_COVERAGE):
            return decision(False, "makna-jauh")
        if query.english and not best.named and scores["max_shared_idf"] < shared().distinctive_idf:
            return decision(False, "inggris:tanpa-kata-khas")
        return decision(*self._relevance(best, bool(query.unknown), rules))

    def in_scope(self, query: Query, hits: list[Hit]) -> bool:
        """A question about innovation, or about a regulation we hold ("apakah 'Menteri' di
        PP 38/2017 dan UU 25/2009 sama?"), in words the corpus mostly knows. One that merely
        mentions "inovasi" on a foreign topic ("inovasi menu kopi untuk kafe") is not."""
        mostly_known = len(query.unknown) <= shared().in_scope_unknown_share * len(query.stems)
        names_ours = any(hit.named for hit in hits)
        # An English question sets aside the words it cannot translate, so the unknown share
        # says less; an unknown name, which is no Indonesian region (those are not unknown),
        # says the topic is elsewhere ("a hospital in Singapore ... piloting a service
        # innovation").
        foreign = query.english and any(word in query.names for word in query.unknown)
        return mostly_known and (names_ours or (mentions_scope(list(query.stems)) and not foreign))

    def relevant(
        self, hit: Hit, unknown_words: bool = False, rules: Calibration | None = None
    ) -> bool:
        return self._relevance(hit, unknown_words, rules or self.calibration)[0]

    def relevant_companion(self, hit: Hit, in_scope: bool) -> bool:
        """A companion passes the rule its question passed: an innovation question, or one
        naming a document we hold, was answered on little shared wording, and so are its
        companions from the named document ("... mau direvisi ya? rencananya apa?")."""
        if in_scope and hit.named:
            return hit.coverage >= self.calibration.min_coverage_in_scope
        return self.relevant(hit)

    @staticmethod
    def _relevance(hit: Hit, unknown_words: bool, rules: Calibration) -> tuple[bool, str]:
        if hit.dense >= rules.very_close_meaning and hit.coverage >= rules.min_coverage_very_close:
            return True, "makna-sangat-dekat"
        if unknown_words and hit.dense < rules.close_meaning:
            return hit.coverage >= rules.min_coverage_unknown, "kata-tak-dikenal:cakupan"
        return hit.coverage >= rules.min_coverage, "cakupan"


@dataclass(frozen=True)
class Unsaid:
    """The years and regions asked about that no passage found names."""

    years: tuple[str, ...] = ()
    regions: tuple[Region, ...] = ()
    # Years named by some passage, but by none that also names the question's regions.
    years_apart: tuple[str, ...] = ()
    regions_apart: tuple[Region, ...] = ()
    # Years named by some passage, but by none that also says a value of the kind asked
    # (its label: "persentase").
    years_without_value: tuple[str, ...] = ()
    value_label: str = ""
    # The type of regulation whose number is asked, when no passage near the top gives one.
    regulation: str = ""
    # The labels of the values asked that the knowledge base seldom holds, when no passage near
    # the top says one ("nomor kontak", "alamat").
    values: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(
            self.years or self.regions or self.years_apart or self.years_without_value
            or self.regulation or self.values
        )  # fmt: skip

    @property
    def phrases(self) -> tuple[str, ...]:
        """As the reply says them: "Kabupaten Banjarnegara", "tahun 2013", "Provinsi Bali tahun
        2023"."""
        where = " dan ".join(r.written for r in self.regions_apart)
        return (
            *(r.written for r in self.regions),
            *(f"tahun {y}" for y in self.years),
            *(f"{where} tahun {y}" for y in self.years_apart),
            *(f"tahun {y} ({self.value_label})" for y in self.years_without_value),
            *(
                [f"nomor {jenis.long_name(self.regulation)} yang ditanyakan"]
                if self.regulation
                else []
            ),
            *self.values,
        )


def _seldom_held(query: Query) -> tuple[str, ...]:
    """The types of value the question asks for, when every clause asking something asks for a
    value of a type the knowledge base seldom holds (answer_type.declines_unsaid), and for that
    alone; else none. A clause asking something else ("Apa tugas BRIDA Bali, dan berapa nomor
    teleponnya?") may be answered, and so may a clause asking two things that the splitter left
    whole ("Apa itu Lapor Sleman, dan alamat kantornya di mana?": one type is read for it); a
    clause telling the setting ("Mau ngurus KK.") asks nothing."""
    asking = [
        part
        for part in query.parts or (query,)
        if part.expects or part.asked or part.asks_yes_no or "?" in part.text
    ]
    if not asking or not all(declines_unsaid(part.expects) and part.asked <= 1 for part in asking):
        return ()
    return tuple(dict.fromkeys(part.expects for part in asking))


def _holds_in(hit: Hit, year: int) -> bool:
    """Whether the passage states what holds in `year`: a rule naming no year of its own (of a
    regulation, a guide, an FAQ; not a case, which tells what happened), from a document of
    that year or before ("aturan tahun 2010" is not PP 38/2017)."""
    meta = hit.meta
    if meta.is_case or (meta.tahun and meta.tahun > year):
        return False
    return not names_a_year(hit.chunk.text)


def unsaid(query: Query, hits: list[Hit]) -> Unsaid:
    """The years the question asks about and, when it asks for a value (an amount, a count, a
    time), the regions, that no passage found names (in its text, headings or title): what
    the passages say is about another year or region. A passage's span of years ("RPJMN
    2020–2024") names a period, not its years. Unless a value is asked, a year is also said by
    a best passage stating a rule that holds in it (`_holds_in`): "Apakah tahun 2026 pemda masih
    wajib melaporkan inovasi?" is answered by PP 38/2017's pasal, while a year's events (a case,
    a guide's account of IGA 2023) must name it. A value asked for a year (a prize, a deficit
    ceiling, a count "sampai 2025") is that year's figure, which a rule naming no year does not
    give; and some passage must give a value of the kind asked beside that year
    (`years_without_value`), not merely name the year while another passage gives an amount.
    Which regulation of a type a question asks by its number ("Perpres nomor berapa …?") is said
    only by a passage near the top from such a regulation or naming one with its number
    (`regulation`): a pasal delegating the matter to a Perpres names none. A question asking
    only for values the knowledge base seldom holds (an office's telephone number, a service's
    opening hours) needs a passage near the top saying one of them (`values`): a passage about
    the office or the service that gives none does not answer it."""
    if (kinds := _seldom_held(query)) and not any(
        says(kind, h.chunk.text) for kind in kinds for h in near_top(hits)
    ):
        return Unsaid(values=tuple(label(kind) for kind in kinds))
    if query.asks_regulation and not any(
        names_one(query.asks_regulation, h.meta.jenis, h.chunk.text) for h in near_top(hits)
    ):
        return Unsaid(regulation=query.asks_regulation)
    if not (query.years or (query.expects and query.regions)):
        return Unsaid()
    regions = query.regions if query.expects else ()
    passages = [f"{h.chunk.citation} {h.meta.title} {h.chunk.context} {h.chunk.text}" for h in hits]
    # Each passage's years with its spans of years cut out, once: a span names a period.
    cut = [year_spans_cut(passage) for passage in passages]
    said = " ".join(cut)
    # Each passage folded once: region names are matched in the folded text.
    folded = [text.normalise(passage) for passage in passages] if regions else []
    folded_said = " ".join(folded)
    missing = Unsaid(
        tuple(
            year
            for year in query.years
            if year not in said
            and not (hits and not query.expects and _holds_in(hits[0], int(year)))
        ),
        tuple(r for r in regions if not names_region(folded_said, r)),
    )
    if not missing and query.expects and query.years and not regions:
        # A value asked for a year needs a passage giving such a value beside that year: the
        # year in a guide's account and an amount in a regulation do not make that year's value.
        without = tuple(
            year
            for year in query.years
            if not any(year in p and says(query.expects, p) for p in cut)
        )
        return Unsaid(years_without_value=without, value_label=label(query.expects))
    if missing or not (query.years and regions):
        return missing
    # Each is named somewhere; a value for the region in that year needs one passage naming
    # both (a case's year in its text, its region in its title counts: both are the passage's).
    with_regions = [
        passage_cut
        for passage_cut, passage_folded in zip(cut, folded, strict=True)
        if all(names_region(passage_folded, region) for region in regions)
    ]
    apart = tuple(y for y in query.years if not any(y in passage for passage in with_regions))
    return Unsaid(years_apart=apart, regions_apart=regions if apart else ())
