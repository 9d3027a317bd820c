"""Kin: who is whose son, mother, wife or sister.

Read from the parse around each kin noun (`consistency.understanding.people.KIN_WORDS`):

- "X, Y's son," / "Y's son, X" / "Y's son X": the noun with a possessor Y, in apposition
  with (or compounded to) the name X;
- "X, the daughter of Y" / "X, 41, the daughter of veteran sprinter Y": "of Y";
- "Y, whose mother, the novelist X, ...": "whose" points back to Y;
- "his wife, X" / "her brother X": the possessive pronoun refers to the salient person.

Each reading is a `kin` claim about X with value the relation ("son") and
`data["relative"]` the subject it relates X to (and `relative_name`, as written).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..people import KIN_WORDS
from .qualifiers import stance, time_modifiers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..ledger import Claim, Reader


def extract(reader: Reader) -> Iterator[Claim]:
    """`kin` claims: (person, relation, relative)."""
    seen: set[tuple[str, str, int]] = set()
    for field_name, doc in reader.ctx.docs:
        for token in doc:
            kin = KIN_WORDS.get(token.lower_) or KIN_WORDS.get(token.lemma_.lower())
            if kin is None or token.pos_ not in ("NOUN", "PROPN"):
                continue
            relative = _relative_of(reader, field_name, token)
            person = _person_of(reader, field_name, token)
            if relative is None or person is None or relative == person:
                continue
            key = (person, field_name, token.i)
            if key in seen:
                continue
            seen.add(key)
            start, end = _bounds(doc, token)
            qualifiers = stance(token) | time_modifiers([c for c in token.children if c.i < token.i])
            extra = {}
            pronoun = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            if pronoun is not None and pronoun.lower_ in ("his", "her"):
                extra["relative_gender"] = "m" if pronoun.lower_ == "his" else "f"
            yield reader.claim(person, "kin", kin, doc, start, end, "kin", qualifiers,
                               relative=relative, relative_name=reader.name_of(relative), **extra)


def _relative_of(reader: Reader, field_name: str, kin: Token) -> str | None:
    """Whose son (or mother, ...) it is: a possessor, "of Y", or "whose" pointing back."""
    for c in kin.children:
        if c.dep_ == "poss":
            if c.lower_ == "whose":
                clause = next((a for a in kin.ancestors if a.dep_ == "relcl"), None)
                return reader.person_at(field_name, clause.head.i) if clause is not None else None
            if c.pos_ == "PRON":
                return reader.refers_to(c)
            return _named(reader, field_name, c)
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    return _named(reader, field_name, p)
    return None


def _person_of(reader: Reader, field_name: str, kin: Token) -> str | None:
    """Who is the son: the name in apposition with the kin noun, or compounded to it."""
    for c in kin.children:
        if c.dep_ in ("appos", "compound", "npadvmod") and c.i > kin.i or c.dep_ == "appos":
            sid = _named(reader, field_name, c)
            if sid:
                return sid
    if kin.dep_ in ("appos", "attr"):
        head = kin.head
        if kin.dep_ == "attr":  # "X is Y's son"
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            return reader.refers_to(subj) if subj is not None else None
        return _named(reader, field_name, head)
    doc = kin.doc
    nxt = kin.i + 1
    if nxt < kin.sent.end:  # "his son Boris Nalbandian" parsed as a compound of the name
        sid = reader.person_at(field_name, nxt)
        if sid and doc[nxt].head.i != kin.i or sid:
            return sid
    return None


def _named(reader: Reader, field_name: str, token: Token) -> str | None:
    """The person a token (or the name phrase it heads) names."""
    sid = reader.person_at(field_name, token.i)
    if sid:
        return sid
    for t in token.subtree:
        sid = reader.person_at(field_name, t.i)
        if sid:
            return sid
    return None


def _bounds(doc: Doc, kin: Token) -> tuple[int, int]:
    tokens = [kin, *(c for c in kin.children if c.dep_ in ("poss", "det", "amod", "compound"))]
    for c in kin.children:
        if c.dep_ == "poss":
            tokens.extend(c.subtree)
        if c.dep_ == "prep" and c.lower_ == "of":
            tokens.extend(c.subtree)
    idx = [t.i for t in tokens]
    return min(idx), max(idx) + 1
