"""The claims ledger: one structured reading of an article that every rule compares.

`build_ledger(ctx)` (exposed as `ctx.claims`) runs each fact extractor once over the
parsed article and collects

- **subjects**: who or what a claim is about: people (the clusters of `ctx.people`),
  organisations, groups ("the Brazilian engineers"), places, and the article itself;
- **claims**: rows of (subject, attribute, normalised value, qualifiers, span,
  sentence), e.g. (person:2, "role", "winger", ("current",), "Barcelona winger", 3).

Qualifiers carry time and stance per claim: `former`, `acting`, `outgoing` (still
current), `future`, `past` (true at an earlier time: "at 19", "when he was 19"),
`change` (the sentence reports a change: "was appointed", "became"), `negated`,
`quoted`, `hedged`, `description` (read from a definite description such as "the
27-year-old winger", attached to the person it most likely refers to).

Extractors live in `consistency.understanding.facts`, one module per kind of fact;
the ledger is the only place a rule needs to look for these attributes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from ..models import Span
from .lexicon import given_names_gender, is_only_person_noun, is_person_noun
from .people import fold
from .tokens import sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..analysis import ArticleAnalysis
    from .people import NameMention, Person

# Qualifiers that make a claim not true of the subject now (the default comparison time).
NOT_CURRENT = frozenset({"former", "future", "past", "negated", "hypothetical", "hedged-denied"})
def _noun_gender(lemma: str) -> str | None:
    """The gender a person noun states ("spokeswoman", "chairman"), or None."""
    if lemma.endswith(("woman", "wife", "mother", "daughter", "sister", "actress", "queen", "lady")):
        return "f"
    if lemma.endswith(("man", "husband", "father", "son", "brother", "king")) and not lemma.endswith("person"):
        return "m"
    return None


_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
             "herself": "f"}


class Subject(BaseModel):
    """Who or what claims are about."""

    model_config = ConfigDict(frozen=True)

    id: str  # "person:1", "organisation:Fjell Capital", "group:engineer", "article"
    kind: str  # person | organisation | group | place | article
    name: str
    mentions: tuple[Span, ...] = ()


class Claim(BaseModel):
    """One thing the article says about a subject, with the span it was read from."""

    model_config = ConfigDict(frozen=True)

    subject: str  # a Subject id
    attribute: str  # name | role | age | birth | kin | nationality | affiliation | based-in | ...
    value: str | int | float | None  # normalised: "winger", 27, "1981-05", "son", "Norway"
    text: str  # the words the value was read from, as written
    qualifiers: tuple[str, ...] = ()
    span: Span
    sentence: int  # index into ctx.sentences (title first)
    extractor: str  # the module that read it
    data: dict[str, Any] = {}
    # The reader's own object the claim was read from, for rules that need its tokens: the
    # `Quantity` of a quantity claim (facts/quantities.py). Not part of the JSON shape.
    quantity: Any = Field(default=None, exclude=True, repr=False)

    @property
    def current(self) -> bool:
        """True unless a qualifier puts the claim at another time or denies it."""
        return not NOT_CURRENT.intersection(self.qualifiers)


class Ledger:
    """Subjects and claims of one article, with look-ups by attribute and subject."""

    def __init__(self, subjects: Iterable[Subject], claims: Iterable[Claim]) -> None:
        self.subjects: dict[str, Subject] = {s.id: s for s in subjects}
        claims = list(claims)
        self.claims: list[Claim] = sorted(claims, key=lambda c: (c.span.field != "title", c.span.start, c.attribute))
        # Claims by attribute, in text order: a rule asks for one attribute, and a scan of every
        # claim per question grew with the article for rules that read only a few claims.
        self._by_attribute: dict[str, list[Claim]] = {}
        for c in self.claims:
            self._by_attribute.setdefault(c.attribute, []).append(c)
        self._quantities: list[Any] = []  # in the reader's order (claims are sorted by span)
        self._claim_of_quantity: dict[int, Claim] = {}
        for c in claims:
            if c.quantity is not None and id(c.quantity) not in self._claim_of_quantity:
                self._claim_of_quantity[id(c.quantity)] = c
                self._quantities.append(c.quantity)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)

    def of(self, attribute: str, subject: str | None = None) -> list[Claim]:
        """Claims of one attribute (optionally about one subject), in text order."""
        found = self._by_attribute.get(attribute, [])
        return list(found) if subject is None else [c for c in found if c.subject == subject]

    def about(self, subject: str) -> list[Claim]:
        """Every claim about one subject, in text order."""
        return [c for c in self.claims if c.subject == subject]

    def by_subject(self, attribute: str) -> dict[str, list[Claim]]:
        """Claims of one attribute grouped by subject."""
        grouped: dict[str, list[Claim]] = {}
        for c in self.of(attribute):
            grouped.setdefault(c.subject, []).append(c)
        return grouped

    def quantities(self) -> list[Any]:
        """Every number of the article, as the `Quantity` its quantity claim links to, in text order.

        Each number the quantity reader finds has one claim (attribute: its measure, or
        `quantity` when the parse names none; a score's two numbers share a `score` claim
        and the second also has its own), so this is the one list of numbers rules read."""
        return list(self._quantities)

    def quantity_claim(self, quantity: Any) -> Claim | None:
        """The first claim read from one of `quantities()`: what the number measures, and how
        (`data["how"]`; "age" for a number written as an age, "aged 92", whoever's it is)."""
        return self._claim_of_quantity.get(id(quantity))

    def name_of(self, subject: str) -> str:
        """The subject's display name ("the article" for the article itself)."""
        found = self.subjects.get(subject)
        return found.name if found else subject

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape printed by `consistency claims --format json` (docs/claims.md)."""
        return {
            "subjects": [s.model_dump(mode="json") for s in self.subjects.values()],
            "claims": [c.model_dump(mode="json") for c in self.claims],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


@dataclass
class Reader:
    """What every extractor shares: the article, its people, and where each subject is named.

    `person_at` finds the person a token names; `salient_person` the person a pronoun or
    a description most likely refers to (the last person named before it, in the same or
    the previous two sentences, the subject of a clause preferred, gender respected).
    """

    ctx: ArticleAnalysis
    subjects: dict[str, Subject] = field(default_factory=dict)
    _person_of_token: dict[tuple[str, int], str] = field(default_factory=dict)
    _mention_of_token: dict[tuple[str, int], NameMention] = field(default_factory=dict)
    _mentions_in_order: list[tuple[str, int, str, bool]] = field(default_factory=list)
    _genders: dict[str, str | None] = field(default_factory=dict)
    # The sex a person's given names suggest (`lexicon.given_names_gender`), for pronouns only: it
    # rules a person out for a pronoun of the other sex, but gives no lead over someone whose names
    # say nothing ("Kim"), and never tells two people who share a surname apart.
    _name_genders: dict[str, str | None] = field(default_factory=dict)
    _weak_names: set[str] = field(default_factory=set)  # persons named by one word alone, never in full
    _sentence_of: dict[tuple[str, int], int] = field(default_factory=dict)
    # The claims earlier extractors have read (`build_ledger` fills it as each one finishes), so a
    # later extractor can ask them: kin reads "the chief executive's husband" through the roles.
    read: list[Claim] = field(default_factory=list)

    def __post_init__(self) -> None:
        full_name_words = {fold(w) for p in self.ctx.person_names for m in p.full_mentions
                           for w in (*m.given, *(m.surname or "").split())}
        for index, sent in enumerate(self.ctx.sentences):
            self._sentence_of[(self.ctx.field_of(sent), sent.start)] = index
        for person in self.ctx.person_names:
            sid = f"person:{person.id}"
            self.subjects[sid] = Subject(id=sid, kind="person", name=person.name,
                                         mentions=tuple(m.to_span() for m in person.mentions))
            self._genders[sid] = person.gender
            self._name_genders[sid] = given_names_gender(person.first_names)
            if not person.full_mentions and not person.honorifics and not any(
                    fold(m.surname or "") in full_name_words for m in person.mentions):
                self._weak_names.add(sid)
            for m in person.mentions:
                doc = self.ctx.doc(m.field)
                for i in range(m.token_start, m.token_end):
                    self._person_of_token[(m.field, i)] = sid
                    self._mention_of_token[(m.field, i)] = m
                is_subject = any(doc[i].dep_ in ("nsubj", "nsubjpass") for i in range(m.token_start, m.token_end))
                self._mentions_in_order.append((m.field, m.token_start, sid, is_subject))
        self._add_given_name_mentions()
        self._mentions_in_order.sort(key=lambda t: (t[0] != "title", t[1]))

    def _add_given_name_mentions(self) -> None:
        """A person's first name standing alone ("Gunnar told supporters"), where no one else in
        the article has that first name: Icelandic, Spanish and sports copy name people so."""
        owners: dict[str, set[str]] = {}
        introduced: dict[str, tuple[bool, int]] = {}  # where each person's full name is first written
        for person in self.ctx.person_names:
            for m in person.mentions:
                if m.first and len(m.first) > 2 and not m.first.endswith("."):
                    sid = f"person:{person.id}"
                    owners.setdefault(m.first, set()).add(sid)
                    introduced[sid] = min(introduced.get(sid, (True, 1 << 30)), (m.field != "title", m.start))
        unique = {name: next(iter(sids)) for name, sids in owners.items() if len(sids) == 1}
        if not unique:
            return
        starts = {form for name in unique for form in (name, name.split("-")[0])}
        for field_name, doc in self.ctx.docs:
            for tok in _tokens_with_text(doc, starts):
                if tok.i > 0 and not doc[tok.i - 1].whitespace_ and doc[tok.i - 1].is_alpha | (doc[tok.i - 1].text == "-"):
                    continue  # inside a hyphenated word
                end = tok.i + 1  # a hyphenated first name is several tokens: "Chih-hao", "Jean-Paul"
                while end < len(doc) and end - tok.i < 3 and not doc[end - 1].whitespace_ and \
                        (doc[end].text == "-" or doc[end - 1].text == "-"):
                    end += 1
                word = doc[tok.i:end].text
                sid = unique.get(word) or unique.get(tok.text)
                if sid is None or (field_name, tok.i) in self._person_of_token or tok.pos_ != "PROPN":
                    continue
                if unique.get(word) is None:
                    end = tok.i + 1
                if (field_name != "title", tok.idx) < introduced[sid]:
                    continue  # "his son Nick" before "Nick Vaughan" is written: maybe another Nick
                nxt = doc[end] if end < len(doc) else None
                if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
                    continue  # part of a longer name: "Gunnar Olsen" is someone else
                for i in range(tok.i, end):
                    self._person_of_token[(field_name, i)] = sid
                self._mentions_in_order.append((field_name, tok.i, sid, tok.dep_ in ("nsubj", "nsubjpass")))

    # --- subjects -----------------------------------------------------------------------
    def person(self, person: Person) -> str:
        return f"person:{person.id}"

    def person_at(self, field_name: str, token_i: int) -> str | None:
        """The person subject a token is part of the name of."""
        return self._person_of_token.get((field_name, token_i))

    def weakly_named(self, sid: str) -> bool:
        """A person named by one word alone, never in full nor with an honorific, whose word is no
        surname of anyone named in full: often a body or a place the small model called a person."""
        return sid in self._weak_names

    def mention_at(self, field_name: str, token_i: int) -> NameMention | None:
        return self._mention_of_token.get((field_name, token_i))

    def salient_person(self, field_name: str, token_i: int, gender: str | None = None,
                       max_distance: int = 2) -> str | None:
        """The person a pronoun or description at this token most likely refers to, or None."""
        doc = self.ctx.doc(field_name)
        here = self.sentence_index(doc[token_i])
        best: tuple[int, int, str] | None = None
        for f, start, sid, is_subject in self._mentions_in_order:
            if f != field_name or start >= token_i:
                continue
            dist = here - self.sentence_index(doc[start])
            if dist > max_distance:
                continue
            if gender and (self._genders.get(sid) or self._name_genders.get(sid)) not in (None, gender):
                continue
            score = (max_distance - dist) * 2 + (1 if is_subject else 0)
            if gender and self._genders.get(sid) == gender:
                score += 5  # known to be a woman (a man): before someone of unknown sex named since ...
            elif gender and sid in self._weak_names:
                score -= 2 * max_distance + 2  # a lone word of unknown sex ("Fjara", an album) after the others
            if gender and dist == 0 and is_subject and sid not in self._weak_names:
                score += 2 * max_distance + 8  # ... but not before the subject of the pronoun's own sentence
            if best is None or (score, start) >= (best[0], best[1]):
                best = (score, start, sid)
        return best[2] if best else None

    def learn_gender(self, sid: str, gender: str | None) -> None:
        """A person's sex read from the text ("her father, X": X is a man), kept for later pronouns
        when the names did not say it."""
        if gender and self._genders.get(sid) is None:
            self._genders[sid] = gender

    def refers_to(self, token: Token) -> str | None:
        """The person a token names, or that a personal pronoun refers to."""
        field_name = self.ctx.field_of(token)
        sid = self.person_at(field_name, token.i)
        if sid is None and token.lower_ in _PRONOUNS:  # a pronoun reaches further back than a description
            gender = _PRONOUNS[token.lower_]
            sid = self.salient_person(field_name, token.i, gender, max_distance=4)
            if sid is not None and self._unnamed_person_between(field_name, sid, token, gender):
                sid = None
        return sid

    def _unnamed_person_between(self, field_name: str, sid: str, pronoun: Token, gender: str) -> bool:
        """Whether an unnamed person ("an executive spokeswoman insisted ...") is the subject of a
        sentence between the named candidate and the pronoun, and so the likelier antecedent:
        '"...," she said' then speaks for the spokeswoman, not for the woman named before her."""
        last = max((start for f, start, s, _ in self._mentions_in_order if f == field_name and s == sid
                    and start < pronoun.i), default=None)
        if last is None:
            return False
        doc = pronoun.doc
        for t in doc[last + 1:pronoun.i]:
            if t.dep_ not in ("nsubj", "nsubjpass") or t.tag_ != "NN" or self.person_at(field_name, t.i):
                continue  # a singular noun, subject of its clause
            if t.head.dep_ in ("relcl", "acl") or any(c.dep_ == "poss" for c in t.children):
                continue  # "whose family has farmed", "his spokesman": someone already named
            if any(c.dep_ in ("compound", "appos") and self.person_at(field_name, c.i) for c in t.children):
                continue  # "the minister, Ana Reis," names her
            if any(c is not t and c.dep_ in ("nsubj", "nsubjpass") and self.person_at(field_name, c.i)
                   for c in t.head.children):
                continue  # a second subject of a verb a named person is subject of: a misread apposition
            lemma = t.lemma_.lower()
            if not is_only_person_noun(lemma):
                continue  # "the company said", "the case was brought": WordNet knows them as people too
            said = _noun_gender(lemma)
            if said in (None, gender):
                return True
        return False

    def add_subject(self, sid: str, kind: str, name: str, span: Span) -> str:
        """Register (or extend) a non-person subject."""
        old = self.subjects.get(sid)
        mentions = (old.mentions if old else ()) + (span,)
        self.subjects[sid] = Subject(id=sid, kind=kind, name=old.name if old else name, mentions=mentions)
        return sid

    def name_of(self, sid: str) -> str:
        found = self.subjects.get(sid)
        return found.name if found else sid

    # --- positions ---------------------------------------------------------------------
    def sentence_index(self, token: Token) -> int:
        # `token.sent` walks the doc to the sentence's start on every call; the index bisects
        return self._sentence_of.get((self.ctx.field_of(token), sentence_of(token).start), 0)

    def span_of(self, doc: Doc, start: int, end: int) -> Span:
        """A report span over tokens [start, end) of a doc."""
        field_name = self.ctx.field_of(doc)
        return self.ctx.span_at(field_name, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))

    def claim(self, subject: str, attribute: str, value: Any, doc: Doc, start: int, end: int, extractor: str,
              qualifiers: Iterable[str] = (), quantity: Any = None, **data: Any) -> Claim:
        """A claim read from tokens [start, end) of a doc (`quantity`: the `Quantity` it was read from)."""
        span = self.span_of(doc, start, end)
        return Claim(subject=subject, attribute=attribute, value=value, text=span.text,
                     qualifiers=tuple(sorted(set(qualifiers))), span=span,
                     sentence=self.sentence_index(doc[start]), extractor=extractor, data=data,
                     quantity=quantity)

    def claim_at(self, subject: str, attribute: str, value: Any, field_name: str, start: int, end: int,
                 extractor: str, qualifiers: Iterable[str] = (), **data: Any) -> Claim:
        """A claim read from characters [start, end) of a field: the place-fact extractors read
        phrases with patterns over the text, not token by token."""
        span = self.ctx.span_at(field_name, start, end)
        tokens = self.ctx.char_span(field_name, start, end)
        sentence = self.sentence_index(tokens[0]) if tokens is not None and len(tokens) else 0
        return Claim(subject=subject, attribute=attribute, value=value, text=span.text,
                     qualifiers=tuple(sorted(set(qualifiers))), span=span, sentence=sentence,
                     extractor=extractor, data=data)


def build_ledger(ctx: ArticleAnalysis) -> Ledger:
    """Read every fact extractor over the article once and collect subjects and claims."""
    from .facts import EXTRACTORS

    reader = Reader(ctx)
    claims: list[Claim] = []
    for extract in EXTRACTORS:
        claims.extend(extract(reader))
        reader.read = claims
    return Ledger(reader.subjects.values(), claims)


def _tokens_with_text(doc: Any, texts: set[str]) -> list[Any]:
    """The tokens of `doc` whose text is one of `texts`, found on the doc's arrays: making a
    spaCy `Token` for every word of every article costs more than the test itself."""
    from spacy.attrs import ORTH

    if not texts or not len(doc):
        return []
    ids = {doc.vocab.strings[t] for t in texts}
    return [doc[i] for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in ids]
