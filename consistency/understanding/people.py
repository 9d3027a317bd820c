"""People: the mentions that refer to one person, with their names, offices and relatives.

`build_people(ctx)` (exposed as `ctx.people`) groups the person mentions of title and
body into `Person` clusters:

- names come from spaCy PERSON entities, cleaned of honorifics ("Mr"), titles that
  slipped inside the entity ("President Bush") and possessives ("Lukashenko's"); a
  surname tagged ORG/NORP by mistake, or a capitalised word after an honorific, is
  picked up as a mention as well;
- a full name ("Sergei Lavrov") opens or joins a cluster whose first names are
  compatible (same name, nickname, initial); a surname alone ("Lavrov", "Mr Lavrov",
  "Foreign Minister Lavrov") joins the cluster of that surname mentioned last, marked
  `ambiguous` when several clusters share the surname;
- offices come from the words before a name ("former Ukraine President Viktor
  Yanukovych") and from appositions ("X, the mayor of Y", "the mayor of Y, X",
  "X, Y's chief executive"), each with its role, the body it belongs to and markers
  such as former / acting / then / shadow;
- family relations come from "X, Y's son", "Y's son X", "X, the son of Y".

Everything is found in bounded windows around entities, so the cost is linear in the
number of tokens. Rules read the result; they never parse again.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .tokens import doc_text, pos_flags, whole_word_spans, word_count

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..analysis import ArticleAnalysis
    from ..models import Span

# --- lexicons ------------------------------------------------------------------------
HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "baron": "m", "king": "m", "prince": "m",
    "mrs": "f", "ms": "f", "miss": "f", "lady": "f", "dame": "f", "baroness": "f", "madam": "f",
    "queen": "f", "princess": "f", "mme": "f",
    "dr": None, "prof": None, "professor": None, "rev": None, "reverend": None, "mx": None,
    "gen": None, "general": None, "col": None, "colonel": None, "capt": None, "captain": None, "maj": None,
    "major": None, "sgt": None, "lt": None, "adm": None, "admiral": None, "cllr": None, "det": None, "insp": None,
    "supt": None, "sen": None, "rep": None, "gov": None, "fr": None, "rabbi": None, "imam": None, "sheikh": None,
    "cardinal": None, "archbishop": None, "bishop": None, "judge": None, "justice": None, "president": None,
    # courtesy titles of other languages that English news keeps ("Senhor do Bonfim", "Frau Merkel")
    "senhor": "m", "senhora": "f", "señor": "m", "señora": "f", "señorita": "f", "signor": "m",
    "signora": "f", "signore": "m", "monsieur": "m", "madame": "f", "mademoiselle": "f", "herr": "m",
    "frau": "f", "dona": "f", "doña": "f",
}
# Honorifics that also are ordinary words or first names: only read as honorifics before a name.
_WEAK_HONORIFICS = frozenset({"general", "major", "justice", "president", "judge", "bishop", "cardinal", "rep", "sen",
                              "gov", "det", "col", "gen"})
# Honorifics that are titles of nobility: "Lord Sainsbury" is not a surname.
NOBLE_HONORIFICS = frozenset({"lord", "lady", "baron", "baroness", "king", "queen", "prince", "princess", "dame", "sir"})

# Head words of offices. Multi-word roles are recognised as word sequences ending in one.
ROLE_WORDS = frozenset("""
president minister premier chancellor secretary mayor governor chairman chairwoman chair chairperson
chief executive ceo cfo coo cto boss head director leader spokesman spokeswoman spokesperson king queen
prince princess senator congressman congresswoman mp mep msp am commissioner ambassador general judge
manager coach editor founder treasurer attorney speaker officer counterpart envoy governor-general
chief-executive vice-president emir sultan monarch pope archbishop bishop chief-of-staff adviser advisor
deputy
""".split())
# Words that qualify a role without naming its body ("Foreign Minister", "finance chief").
ROLE_QUALIFIERS = frozenset("""
foreign home prime finance trade industry defence defense interior health education culture justice
transport environment energy economy economic treasury state culture media sport sports work pensions
transport agriculture employment development international affairs chief executive managing
financial operating technology technical general attorney-general secretary-general first lord privy
seal northern ireland scotland wales welsh scottish cabinet opposition party group company commercial
marketing sales information communications digital science culture business enterprise skills
constitutional local government families family children trade-and-industry women equality
""".split())
MARKERS = frozenset({"former", "ex", "then", "acting", "now", "previously", "interim", "outgoing", "incoming",
                     "late", "future", "caretaker", "designate", "elect", "formerly", "one-time", "erstwhile",
                     "retired", "new"})
RANK_WORDS = frozenset({"deputy", "shadow", "junior", "vice", "assistant", "co", "joint", "under", "associate",
                        "honorary", "senior", "regional", "european", "global", "executive"})
KIN_WORDS: dict[str, str] = {
    "son": "son", "daughter": "daughter", "brother": "brother", "sister": "sister", "father": "father",
    "mother": "mother", "nephew": "nephew", "niece": "niece", "grandson": "grandson",
    "granddaughter": "granddaughter", "grandfather": "grandfather", "grandmother": "grandmother",
    "uncle": "uncle", "aunt": "aunt", "cousin": "cousin", "wife": "wife", "husband": "husband",
    "widow": "widow", "widower": "widower", "stepson": "stepson", "stepdaughter": "stepdaughter",
    "stepfather": "stepfather", "stepmother": "stepmother", "son-in-law": "son-in-law",
    "daughter-in-law": "daughter-in-law", "father-in-law": "father-in-law", "mother-in-law": "mother-in-law",
    "brother-in-law": "brother-in-law", "sister-in-law": "sister-in-law", "partner": "partner",
    "fiancee": "fiancee", "fiance": "fiance", "girlfriend": "girlfriend", "boyfriend": "boyfriend",
    "half-brother": "half-brother", "half-sister": "half-sister", "twin": "twin", "granddad": "grandfather",
    "dad": "father", "mum": "mother", "mom": "mother",
}
KIN_GENDER = {
    **dict.fromkeys(("wife", "widow", "mother", "daughter", "sister", "niece", "aunt", "grandmother",
                     "granddaughter", "girlfriend", "fiancee", "mum", "mom", "stepmother", "stepdaughter"), "f"),
    **dict.fromkeys(("husband", "widower", "father", "son", "brother", "nephew", "uncle", "grandfather", "grandson",
                     "boyfriend", "fiance", "dad", "stepfather", "stepson"), "m"),
}
NAME_PARTICLES = frozenset({"de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "du",
                            "bin", "ibn", "bint", "al", "el", "ben", "abu", "ter", "ten", "dos", "das", "st"})
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "junior", "senior", "qc", "kc", "mp", "mep",
                           "msp", "obe", "cbe", "mbe", "kbe", "phd"})
_POSSESSIVES = ("'s", "’s", "'", "’")
_LATIN_CAPITALS = "".join(chr(c) for c in (*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00))
                          if chr(c).isupper())
_NAME_TOKEN = re.compile(rf"^(?:[{_LATIN_CAPITALS}][A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’\-]*\.?|[A-Z]\.)$")


def _prev_word(doc: Doc, i: int) -> int:
    """Index of the nearest token at or before i that is not a line-wrap space (-1 if none)."""
    while i >= 0 and doc[i].is_space and "\n\n" not in doc[i].text:
        i -= 1
    return i


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents or possessive: the key names are compared by."""
    text = strip_possessive(text.strip())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower().replace("’", "'").replace("-", " ")  # "Kilroy-Silk" = "Kilroy Silk"


def strip_possessive(text: str) -> str:
    """ "Lukashenko's" -> "Lukashenko"; "Jones'" -> "Jones"."""
    for suffix in _POSSESSIVES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix)]
    return text


# Name forms that say the bearer's sex: Icelandic -dóttir ("daughter"), East Slavic patronymics
# (-ovna, -ovich) and adjectival feminine surnames ("Kovalevskaya"). Not -ova: "Córdova", "Casanova".
_FEMININE_NAME = re.compile(r"(?:d[óo]ttir|[oe]vna|ichna|ovaya|skaya)$")
_MASCULINE_NAME = re.compile(r"(?:[oe]vich|[oe]vych)$")


def gendered_name(m: NameMention) -> str | None:
    """"f" or "m" when a full name's surname or patronymic carries its bearer's sex, else None."""
    words = [fold(w) for w in (*m.given[1:], *(m.surname or "").split())]
    female = any(len(w) > 5 and _FEMININE_NAME.search(w) for w in words)
    male = any(len(w) > 5 and _MASCULINE_NAME.search(w) for w in words)
    return "f" if female and not male else "m" if male and not female else None


# --- the model ---------------------------------------------------------------------------
@dataclass
class NameMention:
    """One place where a person is named: "Mr Blair", "Tony Blair's", "Lavrov"."""

    field: str
    start: int  # character offsets of the name proper (no title, honorific or possessive)
    end: int
    text: str
    given: tuple[str, ...] = ()  # first and middle names, as written ("Alexander", "J.")
    surname: str | None = None
    honorific: str | None = None  # folded: "mr", "mrs", "lord"
    possessive: bool = False
    token_start: int = 0  # token offsets of the name proper in its doc
    token_end: int = 0
    ambiguous: bool = False  # a surname alone that several clusters share
    source: str = "entity"  # "entity", "honorific", "surname"
    cue_gender: str | None = None  # from a kin word right before the name: "his wife Michelle Obama"
    kin_intro: bool = False  # a kin word just before the name: "His son, Tang Chih-hao"

    @property
    def first(self) -> str | None:
        """The first given name, if any."""
        return self.given[0] if self.given else None

    @property
    def is_full(self) -> bool:
        """Whether the mention has a given name and a surname."""
        return bool(self.given) and self.surname is not None

    def to_span(self) -> Span:
        """The name as a report `Span`."""
        from ..models import Span

        return Span(field=self.field, start=self.start, end=self.end, text=self.text)  # type: ignore[arg-type]


@dataclass
class Office:
    """A role a person is given: "former Ukraine President", "the mayor of Leeds"."""

    role: str  # normalised role words: "foreign minister", "mayor", "chief executive"
    body: str | None  # the country, city, party or company it belongs to (canonical when known)
    body_text: str | None  # the body as written
    markers: frozenset[str]  # former, acting, then, shadow, deputy, ... (folded)
    text: str  # the whole title phrase as written
    field: str
    start: int
    end: int
    mention: NameMention
    form: str  # "pre" (title before the name) or "apposition"
    sentence_markers: frozenset[str] = frozenset()  # change-of-office words in the same sentence

    @property
    def is_current(self) -> bool:
        """No marker says the office is past, future, temporary or a shadow one."""
        return not (self.markers & (MARKERS | {"shadow"})) and not self.sentence_markers

    @property
    def rank(self) -> frozenset[str]:
        """Rank words (deputy, shadow, junior, vice ...) that make it a different office."""
        return self.markers & RANK_WORDS

    def to_span(self) -> Span:
        """The title phrase as a report `Span`."""
        from ..models import Span

        return Span(field=self.field, start=self.start, end=self.end, text=self.text)  # type: ignore[arg-type]


@dataclass
class Relation:
    """A family tie stated in the text: `subject` is the `kind` of `relative`."""

    kind: str  # "son", "daughter-in-law", ...
    subject: NameMention
    relative: NameMention
    field: str
    start: int  # the whole phrase, e.g. "Boris Nalbandian, ... Lukashenko's son"
    end: int
    text: str
    by_pronoun: bool = False  # the relative is whom "his", "her" or "their" was read to mean
    relative_gender: str | None = None  # "m" for "his son", "f" for "her son": the relative's sex

    def to_span(self) -> Span:
        """The relation phrase as a report `Span`."""
        from ..models import Span

        return Span(field=self.field, start=self.start, end=self.end, text=self.text)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Affiliation:
    """A body a person belongs to: `kind` is "country", "party" or "organisation"."""

    kind: str
    name: str  # canonical: "Belarus", "Conservative", "Microsoft"
    office: Office | None = None


_PARTIES = {
    "labour": "Labour", "conservative": "Conservative", "conservatives": "Conservative", "tory": "Conservative",
    "tories": "Conservative", "lib dem": "Liberal Democrat", "lib dems": "Liberal Democrat",
    "liberal democrat": "Liberal Democrat", "liberal democrats": "Liberal Democrat", "snp": "SNP",
    "scottish national": "SNP", "plaid": "Plaid Cymru", "plaid cymru": "Plaid Cymru", "ukip": "UKIP",
    "green": "Green", "greens": "Green", "bnp": "BNP", "republican": "Republican", "republicans": "Republican",
    "gop": "Republican", "democrat": "Democratic", "democrats": "Democratic", "democratic": "Democratic",
    "sinn fein": "Sinn Fein", "dup": "DUP", "uup": "UUP", "sdlp": "SDLP",
}


def party_of(body: str | None) -> str | None:
    """The canonical party a body names ("Tory" -> "Conservative"), else None."""
    if not body:
        return None
    return _PARTIES.get(" ".join(body.lower().replace("-", " ").split()))


def affiliation_of(body_text: str, office: Office | None = None) -> Affiliation:
    """Classify a body as written: a party, a country (by name or demonym), else an organisation."""
    party = party_of(body_text)
    if party:
        return Affiliation("party", party, office)
    gaz = optional_gazetteer()
    if gaz is not None:
        try:
            country = gaz.country(body_text) or gaz.country_of_demonym(body_text)
        except Exception:  # noqa: BLE001
            country = None
        if country is not None:
            return Affiliation("country", country.name, office)
    return Affiliation("organisation", canonical_body(body_text), office)


@dataclass
class Person:
    """One person: every mention that refers to them, their offices and relatives."""

    id: int
    mentions: list[NameMention] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    @property
    def surname(self) -> str | None:
        """The surname most full mentions use (else any surname)."""
        names = [m.surname for m in self.mentions if m.surname and m.is_full] or [
            m.surname for m in self.mentions if m.surname]
        return Counter(names).most_common(1)[0][0] if names else None  # ties: the first written wins

    @property
    def first_names(self) -> list[str]:
        """Distinct first names as written, in order of appearance."""
        seen: dict[str, str] = {}
        for m in self.mentions:
            if m.first and not _is_initial(m.first):
                seen.setdefault(fold(m.first), m.first)
        return list(seen.values())

    @property
    def full_mentions(self) -> list[NameMention]:
        """Mentions with given name and surname."""
        return [m for m in self.mentions if m.is_full]

    @property
    def name(self) -> str:
        """The first full name, else the first mention."""
        full = self.full_mentions
        return (full[0] if full else self.mentions[0]).text

    @property
    def honorifics(self) -> set[str]:
        """Folded honorifics used for this person."""
        return {m.honorific for m in self.mentions if m.honorific and not m.ambiguous}

    @property
    def gender(self) -> str | None:
        """"m" or "f" when honorifics and kin words ("his wife X") agree, else None."""
        genders = {HONORIFICS.get(h) for h in self.honorifics} - {None}
        genders |= {m.cue_gender for m in self.mentions if m.cue_gender and not m.ambiguous}
        genders |= {g for m in self.full_mentions if not m.ambiguous for g in [gendered_name(m)] if g}
        return genders.pop() if len(genders) == 1 else None

    @property
    def affiliations(self) -> list[Affiliation]:
        """Countries, parties and organisations the person's offices belong to, in order."""
        found: dict[tuple[str, str], Affiliation] = {}
        for office in self.offices:
            if office.body_text:
                aff = affiliation_of(office.body_text, office)
                found.setdefault((aff.kind, aff.name), aff)
        return list(found.values())


@dataclass
class People:
    """All person clusters of one article."""

    persons: list[Person]
    relations: list[Relation]
    _owner: dict[int, Person] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._owner = {id(m): p for p in self.persons for m in p.mentions}

    def __iter__(self) -> Iterator[Person]:
        return iter(self.persons)

    def __len__(self) -> int:
        return len(self.persons)

    def of_mention(self, mention: NameMention) -> Person | None:
        """The cluster a mention belongs to."""
        return self._owner.get(id(mention))

    def with_surname(self, surname: str) -> list[Person]:
        """Clusters whose mentions use this surname (folded comparison)."""
        key = fold(surname)
        return [p for p in self.persons if any(m.surname and fold(m.surname) == key for m in p.mentions)]

    def at(self, field: str, start: int, end: int) -> Person | None:
        """The person named at (or overlapping) these character offsets."""
        for person in self.persons:
            for m in person.mentions:
                if m.field == field and m.start < end and start < m.end:
                    return person
        return None

    @property
    def mentions(self) -> list[NameMention]:
        """Every mention, in text order (title first)."""
        return sorted((m for p in self.persons for m in p.mentions), key=lambda m: (m.field != "title", m.start))


# --- name compatibility ------------------------------------------------------------------
@lru_cache(maxsize=1)
def _nicknamer() -> Any:
    try:
        from nicknames import NickNamer
    except ImportError:  # the dataset is optional: without it only exact names match
        return None
    return NickNamer()


def _is_initial(name: str) -> bool:
    return len(name.rstrip(".")) == 1


@lru_cache(maxsize=4096)
def first_name_relation(a: str, b: str) -> str | None:
    """How two first names can name one person: "same", "initial", "short" ("Chris"/"Christopher"),
    "nickname" ("Bill"/"William"), "spelling" ("Sergei"/"Sergey"); None when they cannot."""
    fa, fb = fold(a).rstrip("."), fold(b).rstrip(".")
    if fa == fb:
        return "same"
    if len(fa) == 1 or len(fb) == 1:
        return "initial" if fa[0] == fb[0] else None
    if fa.startswith(fb) or fb.startswith(fa):
        return "short" if min(len(fa), len(fb)) >= 3 else None
    parts_a, parts_b = fa.split(), fb.split()
    if len(parts_a) == len(parts_b) >= 2:  # "Jong-un"/"Jong-il", "Jean-Paul"/"Jean-Pierre": part by part
        from rapidfuzz.distance import OSA

        differ = [(x, y) for x, y in zip(parts_a, parts_b) if x != y]  # a syllable changed is another name
        if _HYPHENATED_GIVEN.match(a.strip()) or _HYPHENATED_GIVEN.match(b.strip()):
            return None  # Korean, Chinese syllables: "Kyong-hui" and "Yong-hui" are two names
        return "spelling" if len(differ) == 1 and min(map(len, differ[0])) >= 4 and \
            OSA.distance(*differ[0]) == 1 else None
    if _similar_spelling(fa, fb):
        return "spelling"  # before nicknames: "Theresa"/"Teresa" share "Tess" but are one name spelled twice
    namer = _nicknamer()
    if namer is not None:
        forms_a = {fa} | namer.nicknames_of(fa) | namer.canonicals_of(fa)
        forms_b = {fb} | namer.nicknames_of(fb) | namer.canonicals_of(fb)
        if forms_a & forms_b:
            return "nickname"
    return None


def first_names_compatible(a: str, b: str) -> bool:
    """Whether two first names can name one person: equal, initial, nickname or spelling."""
    return first_name_relation(a, b) is not None


_TRANSLIT_FOLDS = (("ks", "x"), ("kh", "h"), ("ch", "h"), ("ph", "f"), ("y", "i"), ("w", "v"), ("c", "k"),
                   ("q", "k"))


def _translit_key(name: str) -> str:
    """A rough key under which transliterations agree: "Viktor"/"Victor", "Sergei"/"Sergey"."""
    key = name
    for old, new in _TRANSLIT_FOLDS:
        key = key.replace(old, new)
    key = re.sub(r"(.)\1", r"\1", key)
    return key[:-1] if len(key) > 4 and key.endswith("e") else key


def known_given_name(name: str) -> bool:
    namer = _nicknamer()
    return namer is not None and bool(namer.nicknames_of(name) or namer.canonicals_of(name))


def _similar_spelling(a: str, b: str) -> bool:
    """Transliterations of one name: "Sergei"/"Sergey", "Viktor"/"Victor", "Aleksandr"/"Alexander".

    Two distinct English names ("Mark"/"Mary", "Martin"/"Marvin") are not spellings of one.
    """
    from rapidfuzz.distance import OSA

    if a[0] != b[0] or min(len(a), len(b)) < 4:
        return False
    ka, kb = _translit_key(a), _translit_key(b)
    if ka == kb:
        return True
    if known_given_name(a) and known_given_name(b):
        return False
    shortest = min(len(ka), len(kb))
    return shortest >= 5 and OSA.distance(ka, kb) <= (1 if shortest < 7 else 2)


# --- gazetteer access -----------------------------------------------------------------------
def optional_gazetteer() -> Any:
    """The gazetteer, or None if it cannot load: people and naming checks then skip place tests."""
    try:
        from .gazetteer import get_gazetteer

        return get_gazetteer()
    except Exception:  # noqa: BLE001 - the gazetteer is optional here
        return None


@lru_cache(maxsize=2048)
def canonical_body(text: str) -> str:
    """A body's canonical form: "Belarusian" -> "Belarus", "the UK" -> "United Kingdom" when known."""
    cleaned = strip_possessive(text.strip())
    if cleaned.lower().startswith("the "):
        cleaned = cleaned[4:]
    gaz = optional_gazetteer()
    if gaz is not None:
        for lookup in ("country_of_demonym", "country"):
            try:
                found = getattr(gaz, lookup)(cleaned)
            except Exception:  # noqa: BLE001
                found = None
            if found:
                name = getattr(found, "name", found)
                if isinstance(name, str):
                    return name
    return cleaned


# --- extraction ----------------------------------------------------------------------------
def build_people(ctx: ArticleAnalysis) -> People:
    """Person clusters of one article: who is named where. Their offices and relations are
    filled from the claims ledger (`consistency.understanding.offices`)."""
    mentions: list[NameMention] = []
    for field_name, doc in ctx.docs:
        mentions.extend(_mentions_in(doc, field_name))
    return People(_cluster(mentions), [])


def _mentions_in(doc: Doc, field_name: str) -> list[NameMention]:
    """Person mentions of one doc: PERSON entities, honorific + name, known surnames alone.

    The two extra scans run as regular expressions over the text, not token loops, and
    map their hits back to tokens: most articles have few honorifics and surnames.
    """
    found: list[NameMention] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or _names_a_body(ent):
            continue
        mention = _mention_from_tokens(doc, _given_name_before(doc, ent), ent.end, field_name, "entity")
        if mention is not None:
            found.append(mention)
            taken.update(range(mention.token_start, mention.token_end))
    # Honorific + capitalised words the NER missed or mislabelled ("Mr Blair" as ORG).
    for tok in _tokens_at(doc, _HONORIFIC_RE):
        if tok.i + 1 >= len(doc):
            continue
        nxt = doc[tok.i + 1]
        if nxt.i in taken or not _NAME_TOKEN.match(nxt.text) or nxt.is_sent_start:
            continue
        end = nxt.i + 1
        while end < len(doc) and end - nxt.i < 3 and _NAME_TOKEN.match(doc[end].text) and doc[end].pos_ == "PROPN":
            end += 1
        mention = _mention_from_tokens(doc, tok.i, end, field_name, "honorific")
        if mention is not None:
            found.append(mention)
            taken.update(range(mention.token_start, mention.token_end))
    known = {m.surname for m in found if m.surname and m.is_full}
    found.extend(_untagged_names(doc, field_name, taken, known))
    found.sort(key=lambda m: m.start)
    # A known surname standing alone under another label ("Lukashenko" tagged ORG).
    surnames = {m.surname for m in found if m.surname and m.is_full and " " not in m.surname}
    surnames |= {pair[0] for m in found if m.is_full for pair in [double_surnames(m)] if pair}  # "Delgado"
    if surnames:
        pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, surnames), key=len, reverse=True)) + r")\b")
        extra = []
        for tok, end in _token_spans_at(doc, pattern):  # a hyphenated surname is several tokens: "Chih-hao"
            if any(i in taken for i in range(tok.i, end)) or tok.ent_type_ in ("FAC", "DATE", "TIME", "MONEY"):
                continue
            if tok.ent_type_ in ("GPE", "LOC") and is_known_place(tok.text):
                continue  # "Jordan" the country, not Michael Jordan
            if tok.ent_iob_ == "I" or (end < len(doc) and doc[end].ent_iob_ == "I"):
                continue  # inside a longer entity: "Brown University"
            nxt = doc[end] if end < len(doc) else None
            if nxt is not None and _NAME_TOKEN.match(nxt.text) and nxt.pos_ == "PROPN" and not _is_possessive(nxt):
                continue  # part of a longer name we do not know
            mention = _mention_from_tokens(doc, tok.i, end, field_name, "surname")
            if mention is not None:
                extra.append(mention)
        found.extend(extra)
        found.sort(key=lambda m: m.start)
    return found


# Nouns that a name before them makes the name of a body, not a person ("the Lima Futura list").
_BODY_HEADS = frozenset({"list", "party", "alliance", "union", "front", "movement", "coalition", "bloc", "ticket",
                         "slate", "foundation", "trust", "charity", "group", "company", "firm", "label", "agency"})


def _names_a_body(ent: Any) -> bool:
    """A PERSON entity that names a body: "the Lima Futura list", "the Sahel Care charity" (the small
    model tags many two-word names so), read from the noun the name modifies."""
    root = ent.root
    return root.dep_ == "compound" and root.head.i == ent.end and root.head.lemma_.lower() in _BODY_HEADS


def _given_name_before(doc: Doc, ent: Any) -> int:
    """Where a PERSON entity really starts: the small model often leaves the first name of a
    three-part name outside ("Fernanda [Ruiz Cruz]"); a capitalised word compounded into the
    name, that is no title, place or other entity, belongs to it."""
    i = ent.start - 1
    if i < 0 or ent.end - ent.start != 2:
        return ent.start
    tok = doc[i]
    if tok.pos_ != "PROPN" or tok.ent_type_ or not _NAME_TOKEN.match(tok.text) or tok.dep_ != "compound" \
            or not ent.start <= tok.head.i < ent.end:
        return ent.start
    word = fold(tok.text).rstrip(".")
    if word in HONORIFICS or word in ROLE_WORDS or word in ROLE_QUALIFIERS or word in MARKERS or word in RANK_WORDS \
            or is_known_place(tok.text):
        return ent.start
    return i


# Chinese (Wade-Giles, Taiwanese) and Korean romanisations write the given name as two syllables
# joined by a hyphen, the second in lower case ("Jong-un", "Wei-ming", "Seo-yeon"), after a short
# family name ("Kim", "Tang", "Yoon"): such a two-word name is family name first.
_HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]{1,5}-[a-z]{1,5}$")
_FAMILY_NAME_FIRST = re.compile(r"^[A-Z][a-z]{1,4}$")
HYPHENATED_GIVEN = _HYPHENATED_GIVEN
_ADDRESS_PATRONYMIC = re.compile(r"(?:[oe]vich|[oe]vna|ichna)$")
# Surnames formed from a parent's name: Icelandic -son/-dóttir, Slavic -ovich/-ovna.
PATRONYMIC = re.compile(r"(?:s?son|d[óo]ttir|[oe]vi[cč]h?|[oe]vna|ovi[cć]|evi[cć])$")
# Labels the small model gives names it misreads ("Ade Okafor" as GPE); "" is no label at all.
_MISTAKEN_LABELS = frozenset({"", "GPE", "ORG", "NORP", "LOC"})
_MONTH_OR_DAY = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday""".split())


_WORD = re.compile(r"\w+")


def _untagged_names(doc: Doc, field_name: str, taken: set[int], known_surnames: set[str] = frozenset()
                    ) -> list[NameMention]:
    """Names the small model left untagged ("Ana Ruiz, 24, the daughter of ..."): two or three
    capitalised proper nouns with no entity label, read as a person when the first is a known
    given name, an age or a role noun stands beside them, or the last word recurs alone later."""
    from .lexicon import is_person_noun

    found: list[NameMention] = []
    text = doc_text(doc)
    propn = pos_flags(doc, "PROPN")  # most tokens are not proper nouns: skip them without making a Token
    i = 0
    while i < len(doc):
        if not propn[i]:
            i += 1
            continue
        tok = doc[i]
        label = tok.ent_type_
        if i in taken or tok.pos_ != "PROPN" or label not in _MISTAKEN_LABELS or not _NAME_TOKEN.match(tok.text):
            i += 1
            continue
        if is_person_noun(tok.lower_) and not known_given_name(tok.text) and _known_given_after_titles(doc, i):
            i += 1  # a capitalised title before a first name: "Detective Sergeant Ewa Nowak", not "Miner Highland Gold"
            continue
        end = i + 1
        while end < len(doc) and end - i < 3 and end not in taken and doc[end].pos_ == "PROPN" \
                and _NAME_TOKEN.match(doc[end].text) and (doc[end].ent_type_ == label or (
                    end == i + 1 and doc[end].ent_type_ in _MISTAKEN_LABELS
                    and strip_possessive(doc[end].text) in known_surnames and label == "")):
            end += 1  # a first name and a surname of the article, whatever labels: "Marina [Volkova]'s"
        words = [t.text for t in doc[i:end]]
        if end - i < 2 or any(w.lower() in _MONTH_OR_DAY for w in words) or is_known_place(" ".join(words)):
            i = end
            continue
        before = doc[i - 1] if i > 0 else None
        after = doc[end:end + 3]
        age_after = len(after) == 3 and after[0].text in (",", "(") and after[1].like_num and after[2].text in (",", ")")
        title_before = before is not None and before.pos_ == "NOUN" and is_person_noun(before.lemma_.lower())
        last = words[-1]
        recurs = (word_count(doc, last) if _WORD.fullmatch(last) else len(whole_word_spans(text, last))) > 1
        if label == "ORG" and not PATRONYMIC.search(words[-1]) and words[-1] not in known_surnames:
            recurs = False  # "Fjell Capital ... Fjell" is a company named twice; "Guðrún Pálsdóttir" is not
        # "Timur Rinatovich Galiev", "Ildar Rinatovich Galiev" (tagged ORG): a Russian patronymic in
        # the middle of three names is a person's, whatever the first name
        middle_patronymic = len(words) == 3 and _ADDRESS_PATRONYMIC.search(words[1]) is not None
        if known_given_name(words[0]) or age_after or title_before or recurs or middle_patronymic:
            mention = _mention_from_tokens(doc, i, end, field_name, "untagged")
            if mention is not None:
                found.append(mention)
                taken.update(range(mention.token_start, mention.token_end))
        i = end
    return found


def _known_given_after_titles(doc: Doc, i: int) -> bool:
    """Whether capitalised person nouns from token i are a title before a name."""
    from .lexicon import is_person_noun

    j = i
    while j < len(doc) and j - i < 4 and doc[j].pos_ == "PROPN" and is_person_noun(doc[j].lower_) \
            and not known_given_name(doc[j].text):
        j += 1
    if not (j > i and j < len(doc) and doc[j].pos_ == "PROPN"):
        return False
    # a known first name; or a title that is surely one: two words ("Detective Sergeant"), or capitalised
    # inside a sentence ("said Inspector Nowak"); a lone capital at a sentence start may be sentence case
    return known_given_name(doc[j].text) or j - i >= 2 or not doc[i].is_sent_start


_HONORIFIC_RE = re.compile(r"\b(?:" + "|".join(sorted(
    (h.capitalize() for h in HONORIFICS if h not in _WEAK_HONORIFICS and h not in ROLE_WORDS),
    key=len, reverse=True)) + r")\b\.?(?=\s+[A-Z])")




def _token_spans_at(doc: Doc, pattern: re.Pattern[str]) -> Iterator[tuple[Token, int]]:
    """The first token and the end of each match of `pattern` in the doc's text."""
    for match in pattern.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and len(span):
            yield span[0], span.end


def _tokens_at(doc: Doc, pattern: re.Pattern[str]) -> Iterator[Token]:
    """The first token of each match of `pattern` in the doc's text."""
    for match in pattern.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and len(span):
            yield span[0]


@lru_cache(maxsize=8192)
def is_known_place(word: str) -> bool:
    """A country, region or city (15,000 people or more) of this name."""
    gaz = optional_gazetteer()
    if gaz is None:
        return False
    try:
        return bool(gaz.is_country(word) or gaz.readings(word, min_population=15000))
    except Exception:  # noqa: BLE001
        return False


def _not_a_given_name(tok: Token) -> bool:
    """A first word no first name is: a verb or a plural noun ("Vote Blair", "Shareholders United").

    Places are not excluded: "Vladimir", "Jordan" and "Florence" are first names too.
    """
    if tok.tag_ == "NNPS" and known_given_name(tok.text):
        return False  # "Agnes", "Thomas", "Doris": tagged as plurals for their final s
    if tok.tag_ == "NNPS" and not tok.lower_.endswith("s"):
        return False  # "Sipho", "Thabo": a plural proper noun ends in s, so the tag is a misreading
    opens = tok.is_sent_start or tok.i > 0 and "\n" in tok.doc[tok.i - 1].text  # a sentence or a paragraph
    if opens and tok.text.endswith(("ing", "ed")) and _is_participle(tok.lower_) \
            and not known_given_name(tok.text):
        return True  # a participle opening the sentence: "Sentencing Pemberton", "Bewildered Yen told TV"
    return tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("NNS", "NNPS", "VBD", "VBZ", "VBP", "VB")


def _title_before_name(doc: Doc, start: int, end: int) -> bool:
    """A capitalised person noun ("Superintendent", "Singer") inside an entity, before a name that is
    surely one without it: a known first name next, or a family name and a hyphenated given name."""
    from .lexicon import is_person_noun

    from .lexicon import role_class

    tok = doc[start]
    if not is_person_noun(tok.lower_) or known_given_name(tok.text):
        return False
    if role_class(tok.lower_) is not None:
        return True  # a role of the role classes ("Wicketkeeper", "Goalkeeper", "Prosecutor"): a title
    rest = _glued_words([doc[i] for i in range(start + 1, end)])
    if len(rest) == 2 and _FAMILY_NAME_FIRST.match(rest[0]) and _HYPHENATED_GIVEN.match(rest[1]):
        return True
    return known_given_name(rest[0])


def _is_participle(word: str) -> bool:
    """An -ing or -ed form of a verb WordNet knows: "sentencing", "bewildered" (not "Weiming", "Jared")."""
    from .lexicon import verb_lemmas

    if word.endswith("ed"):  # "bewildered", "delighted" (a stem of five letters: not "Jared", "Fred")
        stem = word[:-2]
        return len(stem) >= 5 and (stem in verb_lemmas() or stem + "e" in verb_lemmas() or stem[:-1] in verb_lemmas())
    stem = word[:-3]
    return len(stem) >= 3 and (stem in verb_lemmas() or stem + "e" in verb_lemmas())


def _is_possessive(tok: Token) -> bool:
    return tok.text in _POSSESSIVES or tok.tag_ == "POS"


def _mention_from_tokens(doc: Doc, start: int, end: int, field_name: str, source: str) -> NameMention | None:
    """Clean a token range into a name: drop "the", honorifics, titles and possessives."""
    honorific = None
    possessive = False
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    if end - start >= 3 and start > 0 and doc[start - 1].lower_ in ("of", "for") and is_known_place(doc[start].text):
        start += 1  # "Mayor of Leeds John Smith" tagged as one PERSON
    while start < end:
        word = fold(doc[start].text).rstrip(".")
        if word in HONORIFICS and end - start > 1:
            honorific = word
            start += 1
        elif (word in ROLE_WORDS or word in ROLE_QUALIFIERS or word in MARKERS or word in RANK_WORDS) and end - start > 1:
            start += 1  # a title inside the entity: "President Bush", "Foreign Minister Lavrov"
        elif end - start > 2 and _title_before_name(doc, start, end):
            start += 1  # "Superintendent Lim Seo-yeon", "Singer Ella Fitzgerald": a person noun, then the name
        else:
            break
    while end > start and (_is_possessive(doc[end - 1]) or doc[end - 1].text in ("-", "—")):
        possessive = possessive or _is_possessive(doc[end - 1])
        end -= 1
    if end > start and doc[end - 1].text.endswith(_POSSESSIVES[:2]) and len(doc[end - 1].text) > 2:
        possessive = True
    for k in range(start + 1, end - 1):
        if fold(doc[k].text).rstrip(".") in HONORIFICS and fold(doc[k].text).rstrip(".") not in _WEAK_HONORIFICS:
            honorific, start = fold(doc[k].text).rstrip("."), k + 1  # "said Mr Bysshe" tagged as one PERSON
    tokens = [doc[i] for i in range(start, end)]
    if len(tokens) > 1 and _not_a_given_name(tokens[0]):
        return None  # "Vote Blair", "Shareholders United", "Manchester United"
    # A name is capitalised words (initials and particles allowed), nothing else.
    words = _glued_words(tokens)
    if not words or len(words) > 5:
        return None
    if any(not (_NAME_TOKEN.match(w) or fold(w) in NAME_PARTICLES) for w in words):
        return None
    if all(fold(w) in NAME_PARTICLES for w in words):
        return None
    if honorific is None and start > 0 and fold(doc[start - 1].text).rstrip(".") in HONORIFICS \
            and doc[start - 1].text[:1].isupper():
        honorific = fold(doc[start - 1].text).rstrip(".")
    core = [w for w in words if fold(w) not in NAME_SUFFIXES]
    if not core:
        return None
    # The surname starts at the first particle after the given name ("Charles de Gaulle").
    surname_at = len(core) - 1
    for i in range(1, len(core) - 1):
        if fold(core[i]) in NAME_PARTICLES and fold(core[i]) not in ("bin", "ibn", "bint"):
            surname_at = i
            break
    given = tuple(core[:surname_at]) if len(core) > 1 else ()
    surname = " ".join(core[surname_at:]) if len(core) > 1 else core[0]
    if len(core) == 2 and _FAMILY_NAME_FIRST.match(core[0]) and _HYPHENATED_GIVEN.match(core[1]):
        given, surname = (core[1],), core[0]  # "Kim Jong-un", "Tang Wei-ming": the family name first
    if honorific in NOBLE_HONORIFICS and not given and honorific not in ("sir", "dame"):
        surname = core[0]  # "Lord Sainsbury": a title name; kept as a surname for matching
    start_char = doc[start].idx
    last = doc[end - 1]
    end_char = last.idx + len(strip_possessive(last.text))
    before = _prev_word(doc, start - 1)
    if before >= 0 and fold(doc[before].text).rstrip(".") in HONORIFICS:
        before = _prev_word(doc, before - 1)
    cue = KIN_GENDER.get(doc[before].lower_) if before >= 0 else None
    kin_intro = any(t.lower_ in KIN_WORDS for t in doc[max(doc[start].sent.start, start - 3):start])
    return NameMention(
        field=field_name, start=start_char, end=end_char, text=doc_text(doc)[start_char:end_char],
        given=given, surname=surname, honorific=honorific, possessive=possessive,
        token_start=start, token_end=end, source=source, cue_gender=cue, kin_intro=kin_intro,
    )


def _glued_words(tokens: list[Token]) -> list[str]:
    """Words of a name, tokens written without a space between them joined: "Jong-un", "O'Neill"."""
    words: list[str] = []
    glue = False
    for tok in tokens:
        if glue and words:
            words[-1] += tok.text
        else:
            words.append(tok.text)
        glue = not tok.whitespace_
    return [strip_possessive(w) for w in words]


def _join_compound_surnames(mentions: list[NameMention]) -> None:
    """A full name that ends another, longer one is its surname: "Kilroy Silk" in "Robert Kilroy Silk"."""
    words = {id(m): [fold(w) for w in (*m.given, *(m.surname or "").split())] for m in mentions if m.is_full}
    # Every full name filed under each of its proper word tails (two words or more), in text
    # order: the longer names a short one ends are then looked up, not searched for.
    by_tail: dict[tuple[str, ...], list[NameMention]] = defaultdict(list)
    for m in mentions:
        ws = words.get(id(m))
        for k in range(2, len(ws) if ws else 0):
            by_tail[tuple(ws[-k:])].append(m)
    for short in mentions:
        if not short.is_full or len(words[id(short)]) < 2:
            continue
        tail = words[id(short)]
        for long in by_tail.get(tuple(tail), ()):
            names = [*long.given, *(long.surname or "").split()]
            long.given, long.surname = tuple(names[:-len(tail)]), " ".join(names[-len(tail):])
            short.surname, short.given = " ".join([*short.given, *(short.surname or "").split()]), ()


def _cluster(mentions: list[NameMention]) -> list[Person]:
    """Full names first, in text order; then each lone surname joins its latest cluster."""
    _join_compound_surnames(mentions)
    persons: list[Person] = []
    ordered = sorted(mentions, key=lambda m: (m.field != "title", m.start))
    body_first = sorted(mentions, key=lambda m: (m.field == "title", m.start))  # the headline refers back to the body
    # Indexes instead of scans of every person (which grew with the square of the article):
    # surname key -> the persons whose full mentions carry it, each with the distinct first
    # names of those mentions; first-name key -> persons with a mention of that first name;
    # surname key -> persons without a full mention whose first mention carries it.
    by_surname: dict[str, list[tuple[Person, dict[str, None]]]] = defaultdict(list)
    by_first: dict[str, set[int]] = defaultdict(set)
    alone_by_surname: dict[str, list[Person]] = defaultdict(list)

    def add(person: Person, m: NameMention) -> None:
        person.mentions.append(m)
        if m.first:
            by_first[fold(m.first)].add(person.id)

    # "Dmitry Olegovich", the Russian form of address (first name and patronymic), is read after
    # the full names, as one more mention of the one person with that first name.
    address_ids = {id(m) for m in body_first if m.is_full and len(m.given) == 1 and " " not in (m.surname or "")
                   and _ADDRESS_PATRONYMIC.search(fold(m.surname or ""))}
    for m in sorted(body_first, key=lambda m: id(m) in address_ids):  # stable: text order within each part
        if not m.is_full:
            continue
        key = fold(m.surname or "")
        if id(m) in address_ids:
            owners = [p for p in persons if any(o.is_full and id(o) not in address_ids
                                                and fold(o.first or "") == fold(m.first or "") for o in p.mentions)]
            if len(owners) == 1:
                add(owners[0], m)
                continue
        match = None
        for person, firsts in by_surname[key]:  # in the order the persons were made
            if any(first_names_compatible(first, m.first or "") for first in firsts):
                match = person
                firsts.setdefault(m.first or "")
                break
        if match is None:
            match = Person(id=len(persons))
            persons.append(match)
            by_surname[key].append((match, {m.first or "": None}))
        add(match, m)
    for m in ordered:
        if m.is_full:
            continue
        key = fold(m.surname or "")
        # Persons with a full mention of this surname (a surname that folds to a key is not empty).
        candidates = [person for person, _ in by_surname.get(key, ())
                      if key or any(o.is_full and o.surname for o in person.mentions)]
        if not candidates and key:
            # "Delgado" for "Rocío Delgado Fuentes": the first of two surnames (Spanish custom)
            candidates = [person for person in persons if any(
                len(o.given) == 2 and fold(o.given[1]) == key and double_surnames(o) for o in person.full_mentions)]
            if len(candidates) != 1:
                candidates = []
        if not candidates and m.source == "entity" and m.honorific is None:
            # A lone first name ("Tony") of one known person.
            candidates = [persons[i] for i in sorted(by_first.get(key, ()))]
            if len(candidates) != 1 or m.field == "body" and min(
                    (o.start for o in candidates[0].mentions if o.field == "body"), default=-1) > m.start:
                candidates = []  # a first name before the full name is written may be someone else: "his son Nick"
        if not candidates:
            alone = alone_by_surname.get(key)
            if alone:
                add(alone[0], m)
            elif m.source != "surname":
                person = Person(id=len(persons))
                persons.append(person)
                alone_by_surname[key].append(person)
                add(person, m)
            continue
        if len(candidates) > 1:
            m.ambiguous = True
            candidates = _by_gender(candidates, m) or candidates
            candidates.sort(key=lambda p: _last_before(p, m))
            if len(candidates) > 1 and _introduced_as_relatives(candidates[-1]):
                # "Tang" after "His son, Tang Chih-hao": a relative introduced as such goes by his own
                # first name; the surname alone is still the person the relatives were named after
                others = [p for p in candidates if not _introduced_as_relatives(p)
                          and _last_before(p, m) > (-1, -1)]
                if len(others) == 1:
                    candidates = [others[0]]
        add(candidates[-1], m)
    for person in persons:
        person.mentions.sort(key=lambda m: (m.field != "title", m.start))
    return persons


def double_surnames(m: NameMention) -> tuple[str, str] | None:
    """The two surnames of a name under the Spanish double-surname custom ("Rocío Delgado Fuentes":
    Delgado, Fuentes): the last two words of a name of three or four, when the one before the last is
    no first name (not "José Luis Zapatero") nor a particle; else None."""
    words = [*m.given, *(m.surname or "").split()]
    if not 3 <= len(words) <= 4 or not m.is_full:
        return None
    first, second = words[-2], words[-1]
    if fold(first) in NAME_PARTICLES or known_given_name(first) or "-" in first or "-" in second:
        return None
    if all(len(w) <= 4 for w in words):
        return None  # syllables of a Korean or Chinese name: "Kim Il Sung", "Mao Ze Dong"
    return first, second


def _introduced_as_relatives(person: Person) -> bool:
    full = [m for m in person.mentions if m.is_full]
    return bool(full) and full[0].kin_intro


def _by_gender(candidates: list[Person], m: NameMention) -> list[Person]:
    want = HONORIFICS.get(m.honorific or "")
    if want is None:
        return []
    return [p for p in candidates if p.gender in (want, None)]


def _last_before(person: Person, m: NameMention) -> tuple[int, int]:
    before = [(o.field == "body", o.start) for o in person.mentions if (o.field, o.start) <= (m.field, m.start)
              or (o.field == "title" and m.field == "body")]
    return max(before) if before else (-1, -1)


# --- offices -----------------------------------------------------------------------------
def iter_offices(people: Iterable[Person]) -> Iterator[tuple[Person, Office]]:
    """(person, office) for every office of every person."""
    for person in people:
        for office in person.offices:
            yield person, office
