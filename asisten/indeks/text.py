"""Indonesian text normalisation for the keyword index and for queries.

The embedding model is English-trained, so the keyword side carries Indonesian retrieval:
informal spellings are normalised ("klo mo bikin" → "kalau mau buat"), common English query words
are mapped to the corpus's Indonesian terms, and words are stemmed with Sastrawi so "pengusulan",
"diusulkan" and "usulan" meet at "usul".
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")

# Function words only: numbers, time words ("bulan", "hari") and "tanpa"/"tidak" carry meaning in
# regulations and are kept.
STOPWORDS = frozenset(
    """
    yang dan di ke dari ini itu untuk dengan pada dalam adalah atau oleh sebagaimana dimaksud
    serta bagi para akan telah sudah juga pun lah kah nya apa apakah bagaimana gimana siapa
    siapakah kapan berapa mengapa kenapa dimana mana saja sih dong ya kok deh nih tuh min saya
    aku kami kita anda kamu mereka dia beliau tolong mohon bisa boleh bolehkah dapatkah jelaskan
    sebutkan terangkan apa-apa hal tersebut secara sesuai merupakan ialah yaitu yakni ada
    tentang mengenai terkait perihal seperti agar supaya maka jika kalau bila apabila ketika
    harus wajib perlu mau ingin sebuah suatu sang si pak bu bapak ibu halo hai terima kasih the
    a an of in for to is are be was were do does did can could should would will what which who
    whom whose how when where why i we you my our your it its this that these those on by with
    as at from about into any there their they me please tell explain
    have has and if under before through since every may take allowed or get need menurut
    sebenarnya gue gua gw lu lo elo bro sis gan lho loh tuh nah dong deh begitu begini gitu
    gini agak maaf cuma banget kan memang emang padahal
    """.split()  # noqa: SIM905 - a word list reads better as text
)

# Informal and abbreviated Indonesian as ASN type it in chat.
INFORMAL = {
    "klo": "kalau", "kalo": "kalau", "kl": "kalau", "mo": "mau", "pengen": "ingin",
    "gmn": "bagaimana", "gmana": "bagaimana", "bgmn": "bagaimana", "bikin": "buat",
    "ngajuin": "ajukan", "ngusulin": "usulkan", "diusulin": "diusulkan", "usulin": "usulkan",
    "yg": "yang", "dgn": "dengan", "utk": "untuk", "tdk": "tidak", "gak": "tidak",
    "ga": "tidak", "nggak": "tidak", "ngga": "tidak", "enggak": "tidak", "sy": "saya",
    "dpt": "dapat", "blm": "belum", "sdh": "sudah", "udah": "sudah", "udh": "sudah",
    "krn": "karena", "tsb": "tersebut", "dll": "", "pemda": "pemerintah daerah",
    "pemkab": "pemerintah daerah", "pemkot": "pemerintah daerah", "pemprov": "pemerintah daerah",
    "opd": "perangkat daerah", "skpd": "perangkat daerah", "pns": "asn",
    "perbup": "perkada", "perwali": "perkada", "perwal": "perkada", "pergub": "perkada",
    "ujicoba": "uji coba", "uu": "undang undang", "pp": "peraturan pemerintah",
    "duit": "anggaran", "dipenjara": "dipidana", "penjara": "pidana", "dipenjarakan": "dipidana",
    "hki": "hak kekayaan intelektual", "haki": "hak kekayaan intelektual",
    "litbang": "penelitian pengembangan", "brida": "penelitian pengembangan",
    "inovasinya": "inovasi", "lg": "lagi", "emg": "memang", "bgt": "", "gk": "tidak",
    "pake": "pakai", "kab": "kabupaten", "hrs": "harus", "bs": "bisa", "kmn": "ke mana",
    "brp": "berapa", "mw": "mau", "dlm": "dalam", "dr": "dari", "ap": "apa", "sm": "sama",
    "cm": "cuma", "doang": "saja", "mna": "mana", "jg": "juga", "kyk": "seperti", "bos": "",
    "nyampe": "mencapai", "sblm": "sebelum", "dikit": "sedikit", "dirombak": "diubah",
    "duitnya": "anggaran", "staf": "asn", "pegawai": "asn", "kena": "", "kasus": "",
    "aja": "saja", "bole": "boleh", "blh": "boleh", "tp": "tapi", "trs": "terus", "jd": "jadi",
    "dewan": "dprd", "legislatif": "dprd",
    # Office shorthand ASN use for their own posts, and "nabrak aturan" for breaking a rule.
    "kadis": "kepala dinas", "kabid": "kepala bidang", "kaban": "kepala badan",
    "kabag": "kepala bagian", "kasi": "kepala seksi", "kasubag": "kepala subbagian",
    "kasubbag": "kepala subbagian", "sekda": "sekretaris daerah", "nabrak": "langgar",
    "nabrakin": "langgar",
}  # fmt: skip

# English query words → the corpus's Indonesian terms (the model alone cannot bridge languages).
ENGLISH = {
    "innovation": "inovasi", "innovations": "inovasi", "innovative": "inovatif",
    "regional": "daerah", "region": "daerah", "regions": "daerah", "local": "daerah",
    "government": "pemerintah", "governments": "pemerintah", "proposal": "proposal",
    "propose": "usul", "proposes": "usul", "proposed": "usul", "submit": "ajukan",
    "initiative": "inisiatif", "initiator": "inisiatif", "trial": "uji coba",
    "pilot": "uji coba", "testing": "uji coba", "award": "penghargaan", "awards": "penghargaan",
    "incentive": "insentif", "incentives": "insentif", "funding": "anggaran", "funded": "anggaran",
    "budget": "anggaran", "money": "anggaran", "criminal": "pidana", "prosecuted": "dipidana",
    "punished": "dipidana", "jailed": "dipidana", "liability": "pidana", "civil": "asn",
    "servant": "asn", "servants": "asn", "employee": "asn", "employees": "asn",
    "regulation": "peraturan", "law": "undang undang", "bylaw": "perda",
    "head": "kepala", "public": "publik", "service": "pelayanan", "services": "pelayanan",
    "assessment": "penilaian", "assessed": "penilaian", "evaluation": "evaluasi",
    "evaluate": "evaluasi", "evaluated": "evaluasi", "replicate": "replikasi",
    "replication": "replikasi", "replicated": "replikasi", "intellectual": "kekayaan intelektual",
    "property": "hak", "patent": "hak kekayaan intelektual", "commercialise": "komersialisasi",
    "commercialize": "komersialisasi", "commercialized": "komersialisasi", "sell": "komersialisasi",
    "report": "laporan", "reported": "laporan", "reporting": "laporan", "minister": "menteri",
    "principle": "prinsip", "principles": "prinsip", "criteria": "kriteria",
    "criterion": "kriteria", "forms": "bentuk", "form": "bentuk", "types": "bentuk",
    "purpose": "tujuan", "goal": "tujuan", "goals": "tujuan", "objective": "tujuan",
    "benefit": "manfaat", "benefits": "manfaat", "months": "bulan", "month": "bulan",
    "days": "hari", "day": "hari", "deadline": "paling lambat", "information": "informasi",
    "system": "sistem", "bureaucratic": "birokrasi", "reform": "reformasi",
    "implementation": "penerapan", "implement": "penerapan", "implemented": "penerapan",
    "applied": "penerapan", "apply": "penerapan", "dissemination": "diseminasi",
    "supervision": "pengawasan", "guidance": "pembinaan", "parliament": "dprd",
    "council": "dprd", "community": "masyarakat", "citizen": "masyarakat", "citizens": "masyarakat",
    "public's": "masyarakat", "fail": "tidak berhasil", "fails": "tidak berhasil",
    "failed": "tidak berhasil", "contents": "memuat", "contain": "memuat", "include": "memuat",
    "must": "", "define": "definisi", "definition": "definisi", "meaning": "pengertian",
    "research": "penelitian", "development": "pengembangan", "team": "tim",
    "independent": "independen", "decree": "keputusan", "decision": "keputusan",
    "targets": "sasaran", "target": "sasaran", "example": "contoh", "examples": "contoh",
    # "best practice" and "good practice" are the domain's "praktik baik"; "best" alone ("the
    # best month to go") is not.
    "best": "", "practice": "praktik baik", "practices": "praktik baik",
    "complaint": "pengaduan", "complaints": "pengaduan", "standard": "standar",
    "standards": "standar", "index": "indeks", "data": "data", "digital": "digital",
    "phase": "tahap", "stage": "tahap", "stages": "tahap", "regulations": "peraturan",
    "agency": "badan", "long": "lama", "charges": "pidana", "charged": "pidana",
    "adopted": "ditetapkan", "policy": "kebijakan", "reach": "mencapai", "launched": "diluncurkan",
    "affairs": "urusan", "face": "", "run": "menyelenggarakan", "before": "sebelum",
    "through": "melalui", "indonesian": "indonesia", "innovate": "inovasi",
    "obliged": "wajib", "obligatory": "wajib", "mandatory": "wajib", "compulsory": "wajib",
    "app": "aplikasi", "apps": "aplikasi", "application": "aplikasi", "ministry": "kementerian",
    "administrative": "administrasi", "administration": "administrasi", "january": "januari",
    "february": "februari", "march": "maret", "april": "april", "june": "juni",
    "july": "juli", "august": "agustus", "september": "september", "october": "oktober",
    "november": "november", "december": "desember",
}  # fmt: skip


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=1)
def _root_words() -> frozenset[str]:
    from importlib.resources import files

    listing = files("Sastrawi").joinpath("Stemmer/data/kata-dasar.txt").read_text("utf-8")
    return frozenset(listing.split())


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
        if base in ENGLISH:
            return ENGLISH[base].split()
    return []


# Words that name a place without being its name ("East Sumba", "Bekasi Regency").
_PLACE_DESCRIPTORS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "regency",
        "city",
        "province",
        "district",
        "island",
        "islands",
        "java",
        "borneo",
        "kabupaten",
        "kota",
        "provinsi",
    ]
)


@lru_cache(maxsize=1)
def _indonesian_place_words() -> frozenset[str]:
    # Provinces, regencies/cities, their seats and districts (kecamatan), from areaid's data.
    from importlib.resources import files

    found = set(_PLACE_DESCRIPTORS)
    for path in files("areaid").joinpath("data").iterdir():
        for province in json.loads(path.read_text("utf-8")):
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
        w for w in found if (w in ENGLISH or is_english_word(w)) and not is_dictionary_word(w)
    ]
    return bool(found) and len(english) >= ENGLISH_QUESTION_SHARE * len(found)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if word.isdigit() or len(word) <= 3:
        return word
    return _stemmer().stem(word)


def normalise(text: str) -> str:
    """Lower-case, strip accents, and separate 'dan/atau' style compounds."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[/\-_]", " ", text.lower())


# Chat reduplication: "denger2" for "denger-denger", "hati2" for "hati-hati".
_REDUPLICATION = re.compile(r"\b([a-z]{3,})2\b")


def words(text: str) -> list[str]:
    """Surface words after informal/English mapping, stopwords kept (used for typo repair)."""
    mapped: list[str] = []
    for word in _WORD.findall(_REDUPLICATION.sub(r"\1", normalise(text))):
        replacement = INFORMAL.get(word, ENGLISH.get(word, word))
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


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS]


def tokens(text: str) -> list[str]:
    """Stemmed content tokens: what BM25 indexes and searches."""
    return [stem(w) for w in content_words(text)]
