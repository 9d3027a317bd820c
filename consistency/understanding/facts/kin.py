"""Kin: who is whose son, mother, wife or sister.

Read from the parse around each kin noun (`consistency.understanding.people.KIN_WORDS`):

- "X, Y's son," / "Y's son, X" / "Y's son X": the noun with a possessor Y, in apposition
  with (or compounded to) the name X;
- "X, the daughter of Y" / "X, 41, the daughter of veteran sprinter Y": "of Y";
- "Y, whose mother, the novelist X, ...": "whose" points back to Y;
- "his wife, X" / "her brother X": the possessive pronoun refers to the salient person;
- '"My father, X, fished the lake," she said': "my" inside a quotation is its speaker
  (`extract_spoken`, run after the quotations are read; `data["how"]` `speaker`).

Each reading is a `kin` claim about X with value the relation ("son") and
`data["relative"]` the subject it relates X to (and `relative_name`, as written).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..people import KIN_GENDER, KIN_WORDS
from .qualifiers import stance, time_modifiers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..ledger import Claim, Reader


def extract(reader: Reader) -> Iterator[Claim]:
    """`kin` claims: (person, relation, relative)."""
    seen: set[tuple[str, str, int]] = set()
    couples: list[tuple[int, str, str]] = []  # (sentence, one, other) of "X ... his wife (brother), Y"
    for field_name, doc in reader.ctx.docs:
        for token in reader.ctx.tokens(field_name):
            kin = KIN_WORDS.get(token.lower_) or KIN_WORDS.get(token.lemma_.lower())
            if kin is None or token.pos_ not in ("NOUN", "PROPN"):
                continue
            kin = _whole_kin_word(doc, token, kin)
            if kin is None:
                continue
            person = _person_of(reader, field_name, token)
            pronoun = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            via = _kin_between(token)
            if via is not None:  # "the son of Pemberton's sister": Pemberton's nephew
                kin = _COMPOSED.get((kin, KIN_WORDS.get(via.lower_) or KIN_WORDS.get(via.lemma_.lower())))
                if kin is None:
                    continue
                relatives = [_relative_of(reader, field_name, via)]
            elif pronoun is not None and pronoun.lower_ == "their":
                relatives = _couple_before(reader, couples, token)  # "Their son, Omar": of both parents
            else:
                relatives = [_relative_of(reader, field_name, token)]
            for relative in relatives:
                if relative is None or person is None or relative == person:
                    continue
                key = (person, field_name, token.i, relative)
                if key in seen:
                    continue
                seen.add(key)
                start, end = _bounds(doc, token)
                if "-" in kin and kin not in KIN_WORDS.get(token.lower_, ""):  # the split compound's words
                    start = min(start, token.i - 2) if kin.startswith(("half-", "step")) else start
                    end = max(end, token.i + 5) if kin.endswith("-in-law") else end
                qualifiers = stance(token) | time_modifiers([c for c in token.children if c.i < token.i])
                extra = {}
                if pronoun is not None and pronoun.lower_ in ("his", "her", "their"):
                    extra["by_pronoun"] = True  # whose kin it is, a pronoun's antecedent says
                if pronoun is not None and pronoun.lower_ in ("his", "her"):
                    extra["relative_gender"] = "m" if pronoun.lower_ == "his" else "f"
                    reader.learn_gender(relative, extra["relative_gender"])
                reader.learn_gender(person, KIN_GENDER.get(kin))
                if kin in ("wife", "husband", "brother", "sister"):  # "their" then means the two of them
                    couples.append((reader.sentence_index(token), person, relative))
                yield reader.claim(person, "kin", kin, doc, start, end, "kin", qualifiers,
                                   relative=relative, relative_name=reader.name_of(relative), **extra)


def extract_spoken(reader: Reader) -> Iterator[Claim]:
    """`kin` claims a speaker gives of their own family inside a quotation ('"My father, Magnus
    Gunnarsson, fished the lake," she said'): the person the kin noun names, related to the
    quotation's speaker (a person of the ledger's `said` claims). Only a kin noun owned by "my"
    with a name beside it is read: a first-hand statement of the speaker's own family, so not
    marked `quoted` (a figure of speech, "he is like a brother to me", names no one)."""
    for said in [c for c in reader.read if c.attribute == "said" and c.subject.startswith("person:")]:
        if not any(w in _MY for w in said.data.get("words") or ()):
            continue
        field_name = said.span.field
        inner = reader.ctx.char_span(field_name, said.span.start, said.span.end)
        if inner is None:
            continue
        doc = inner.doc
        for token in inner:
            kin = KIN_WORDS.get(token.lower_) or KIN_WORDS.get(token.lemma_.lower())
            if kin is None or token.pos_ not in ("NOUN", "PROPN"):
                continue
            if not any(c.dep_ == "poss" and c.lower_ in _MY for c in token.children):
                continue
            kin = _whole_kin_word(doc, token, kin)
            person = _person_of(reader, field_name, token) if kin is not None else None
            if kin is None or person is None or person == said.subject:
                continue
            start, end = _bounds(doc, token)
            qualifiers = (stance(token) - {"quoted"}) | time_modifiers([c for c in token.children if c.i < token.i])
            reader.learn_gender(person, KIN_GENDER.get(kin))
            yield reader.claim(person, "kin", kin, doc, start, end, "kin", qualifiers, relative=said.subject,
                               relative_name=reader.name_of(said.subject), how="speaker")


_MY = frozenset({"my"})


def _whole_kin_word(doc: Doc, token: Token, kin: str) -> str | None:
    """The kin word the tokenizer split: "brother-in-law" (brother, -, in, -, law), "half-brother",
    "step-son"; None for a compound it does not know ("god-son")."""
    after = [t.lower_ for t in doc[token.i + 1:token.i + 5]]
    if after[:4] == ["-", "in", "-", "law"]:
        return KIN_WORDS.get(f"{kin}-in-law")
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_:
        prefix = doc[token.i - 2].lower_
        if prefix == "half":
            return KIN_WORDS.get(f"half-{kin}")
        if prefix == "step":
            return KIN_WORDS.get(f"step{kin}")
        if prefix not in ("twin",):
            return None
    return kin


def _kin_between(kin: Token) -> Token | None:
    """A kin noun that relates this one to its person: "the son of [Pemberton's sister]",
    "[Pemberton's sister]'s son"."""
    for c in kin.children:
        candidates = [c] if c.dep_ == "poss" and c.pos_ == "NOUN" else \
            [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "of" else []
        for t in candidates:
            if t.pos_ == "NOUN" and (KIN_WORDS.get(t.lower_) or KIN_WORDS.get(t.lemma_.lower())):
                return t
    return None


_SIBLING = ("brother", "sister")
_PARENT = ("father", "mother")
_CHILD = ("son", "daughter")
_SPOUSE = ("husband", "wife")
# (relation, relation of the one between) -> the relation to that one's person, by the outer one's sex.
_COMPOSED: dict[tuple[str, str | None], str] = {}
for _i, _outer in enumerate(_CHILD):
    for _mid in _SIBLING:
        _COMPOSED[(_outer, _mid)] = ("nephew", "niece")[_i]
    for _mid in _CHILD:
        _COMPOSED[(_outer, _mid)] = ("grandson", "granddaughter")[_i]
    for _mid in ("uncle", "aunt"):
        _COMPOSED[(_outer, _mid)] = "cousin"
for _i, _outer in enumerate(_PARENT):
    for _mid in _PARENT:
        _COMPOSED[(_outer, _mid)] = ("grandfather", "grandmother")[_i]
    for _mid in _SPOUSE:
        _COMPOSED[(_outer, _mid)] = ("father-in-law", "mother-in-law")[_i]
for _i, _outer in enumerate(_SIBLING):
    for _mid in _PARENT:
        _COMPOSED[(_outer, _mid)] = ("uncle", "aunt")[_i]
    for _mid in _SPOUSE:
        _COMPOSED[(_outer, _mid)] = ("brother-in-law", "sister-in-law")[_i]
for _i, _outer in enumerate(_SPOUSE):
    for _mid in _SIBLING:
        _COMPOSED[(_outer, _mid)] = ("brother-in-law", "sister-in-law")[_i]
    for _mid in _CHILD:
        _COMPOSED[(_outer, _mid)] = ("son-in-law", "daughter-in-law")[_i]


def _couple_before(reader: Reader, couples: list[tuple[int, str, str]], token: Token) -> list[str]:
    """The two people "their" most likely means: the last couple or pair of siblings named in the two
    sentences before ("his younger brother, Iñigo ... Their mother")."""
    here = reader.sentence_index(token)
    recent = [c for c in couples if 0 <= here - c[0] <= 2]
    if not recent:
        return []
    couples.append((here, *recent[-1][1:]))  # "Their son ... Their daughter": the couple stays in view
    return list(recent[-1][1:])


def _relative_of(reader: Reader, field_name: str, kin: Token) -> str | None:
    """Whose son (or mother, ...) it is: a possessor, "of Y", or "whose" pointing back."""
    for c in kin.children:
        if c.dep_ == "poss":
            if c.lower_ == "whose":
                clause = next((a for a in kin.ancestors if a.dep_ == "relcl"), None)
                return reader.person_at(field_name, clause.head.i) if clause is not None else None
            if c.pos_ == "PRON":
                return reader.refers_to(c)
            return _named(reader, field_name, c) or _holder_of(reader, c)
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    return _named(reader, field_name, p)
    return None


def _holder_of(reader: Reader, owner: Token) -> str | None:
    """The one person the article gives the role a definite owner names: "the chief executive's
    husband", "the conductor's daughter" (a role claim read before, current and sure, whose role
    ends with the owner's word); None when no one or several people hold it."""
    if owner.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in owner.children):
        return None
    word = owner.lemma_.lower()
    holding = [c for c in reader.read if c.attribute == "role" and c.subject.startswith("person:")
               and str(c.value).split()[-1:] == [word]]
    holders = {c.subject for c in holding if c.current}
    if len(holders) != 1 or any({"ambiguous", "description"} & set(c.qualifiers) for c in holding):
        return None  # no one, several people, or a holder read only through a shared surname
    return next(iter(holders))


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
            if subj is not None and subj.lower_ in ("who", "that") and head.dep_ == "relcl":
                return _named(reader, field_name, head.head)  # "Doyle, who is the son of ..."
            return reader.refers_to(subj) if subj is not None else None
        return _named(reader, field_name, head)
    if kin.dep_ == "pobj" and kin.head.lower_ == "as" and kin.head.head.pos_ in ("VERB", "AUX"):
        verb = kin.head.head  # "X, who wields power as the daughter of Y", "X spoke as Y's son"
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
            return _named(reader, field_name, verb.head)
        if subj is not None:
            return reader.refers_to(subj) or _named(reader, field_name, subj)
        return None
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
    for c in token.children:  # the name phrase itself, not a clause on it ("a farmer who met Y")
        if c.dep_ not in _CLAUSE_DEPS:
            sid = _named(reader, field_name, c)
            if sid:
                return sid
    return None


_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "prep", "conj", "cc", "punct"})


def _bounds(doc: Doc, kin: Token) -> tuple[int, int]:
    tokens = [kin, *(c for c in kin.children if c.dep_ in ("poss", "det", "amod", "compound"))]
    for c in kin.children:
        if c.dep_ == "poss":
            tokens.extend(c.subtree)
        if c.dep_ == "prep" and c.lower_ == "of":
            tokens.extend(c.subtree)
    idx = [t.i for t in tokens]
    return min(idx), max(idx) + 1
