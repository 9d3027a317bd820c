"""Which named organisation a definite description stands for: "the airline", "the Danish carrier",
"the Turin-based team", "the union's general secretary".

Not an extractor: a helper the role and nationality extractors share. Each named organisation
(an ORG entity, or a proper noun in apposition with an organisation noun) is known by the nouns
the article calls it: its name's last word ("Aviation Cabin Staff Union": union), a noun in
apposition ("Castell Opera, the Cardiff-based touring company": company) or before the name
("the airline Skellig Air": airline). A definite description "the NOUN" then stands for the last
organisation named before it that is known by that noun; failing that, for the last one named in
the same or the previous two sentences that is known by no organisation noun at all (so "the
airline" after "Skellig Air" and "the Aviation Cabin Staff Union" is Skellig Air), and from then on
that organisation is known by the noun too. Descriptions are read in text order, once per article.
How each was tied: "noun" (by its noun), "recent" (the one fitting organisation named last),
"subject" (two fitting ones named in that sentence, one its subject: that one), "guess" (the later
of two); roles take only "noun" and "recent".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..lexicon import COLLECTIVE_NOUNS, ORGANISATION_NOUNS, same_organisation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..ledger import Reader

# Nouns an organisation is called by (the head of "the NOUN"), beside the companies and teams of
# ORGANISATION_NOUNS: public bodies and associations.
ORG_NOUNS = ORGANISATION_NOUNS | COLLECTIVE_NOUNS | frozenset("""
agency organisation organization union association federation institute institution ministry department
authority council commission board foundation trust coalition alliance network university college school
hospital museum gallery theatre theater company carrier chain brand newspaper broadcaster station regulator
""".split()) - frozenset({"party", "side", "mission", "panel", "delegation", "contingent", "squad", "crew"})


@dataclass
class NamedOrganisation:
    name: str
    nouns: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # (field order, token index)
    guessed: dict[str, str] = field(default_factory=dict)  # nouns given it by a guess between two


@dataclass
class OrganisationReferences:
    organisations: list[NamedOrganisation]
    resolved: dict[tuple[str, int], tuple[NamedOrganisation, str]]  # (field, noun index) -> (org, how)

    def at(self, field_name: str, index: int) -> tuple[str, str] | None:
        """(organisation name, how) for the description whose head noun is at this token."""
        found = self.resolved.get((field_name, index))
        return (found[0].name, found[1]) if found else None


def references(reader: Reader) -> OrganisationReferences:
    """The article's named organisations and its definite organisation descriptions, resolved once."""
    cached = reader.__dict__.get("_organisation_references")
    if cached is None:
        cached = _build(reader)
        reader.__dict__["_organisation_references"] = cached
    return cached


def description_head(noun: Token) -> bool:
    """"the airline", "the Danish carrier", "the Turin-based team": a singular organisation noun with
    "the" and no name of its own."""
    return noun.pos_ == "NOUN" and noun.tag_ == "NN" and noun.lemma_.lower() in ORG_NOUNS \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
        and not any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in noun.children) \
        and not (noun.dep_ == "appos" and noun.head.pos_ == "PROPN") \
        and not (noun.dep_ == "compound" and noun.head.pos_ == "PROPN")


def _name(ent_text: str) -> str:
    text = ent_text.strip()
    for prefix in ("the ", "The "):
        text = text.removeprefix(prefix)
    return text.removesuffix("'s").removesuffix("’s")


# Nouns for a company of any kind, or for the part a body plays in the story ("the partner"):
# they fit any organisation not known as a public body, club or charity.
GENERIC_NOUNS = frozenset("""
firm company group business concern outfit organisation organization partner owner buyer bidder suitor
investor operator developer producer supplier giant lender maker manufacturer conglomerate consortium
""".split())
# Organisations that are no company: "the firm" is none of them.
PUBLIC_NOUNS = frozenset("""
agency union association federation institute institution ministry department authority council commission
board university college school hospital museum gallery theatre theater regulator club team charity
foundation trust coalition alliance network orchestra ensemble band choir
""".split())


def _fits(org: NamedOrganisation, lemma: str) -> bool:
    """Whether an organisation not yet called by this noun may be: it is called by no organisation
    noun, or the noun is generic and the organisation no public body."""
    kinds = org.nouns & ORG_NOUNS
    return not kinds or lemma in GENERIC_NOUNS and not kinds & PUBLIC_NOUNS


def _named_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges naming organisations: ORG entities (not places), and proper names the
    article calls an organisation ("Fundación Alborada, a private charity", "Madrid-based X")."""
    from ..people import is_known_place

    spans = [(e.start, e.end) for e in doc.ents if e.label_ == "ORG" and not is_known_place(_name(e.text))]
    taken = {i for a, b in spans for i in range(a, b)}
    for token in doc:
        if token.pos_ != "PROPN" or token.i in taken or token.dep_ == "compound" and token.head.pos_ == "PROPN":
            continue
        described = any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in ORG_NOUNS
                        for c in token.children) or \
            any(c.lower_ == "based" and c.i >= 2 and doc[c.i - 1].text == "-" for c in token.children)
        if not described:
            continue
        start = token.i
        while start > token.sent.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
            start -= 1
        spans.append((start, token.i + 1))
    # "(Reuters)", "(ACSU)": a credit or an acronym in brackets is an aside, not the antecedent
    return sorted((a, b) for a, b in spans
                  if not (0 < a and b < len(doc) and doc[a - 1].text == "(" and doc[b].text == ")"))


def _build(reader: Reader) -> OrganisationReferences:
    orgs: list[NamedOrganisation] = []
    by_name: dict[str, NamedOrganisation] = {}  # a name written again is the organisation it was
    events: list[tuple[int, int, str, Token]] = []  # (field order, index, kind, token)
    owner: dict[tuple[int, int], int] = {}  # a mention -> the first organisation (in `orgs`) holding it
    position: dict[int, int] = {}  # id(organisation) -> its place in `orgs`
    for order, (field_name, doc) in enumerate(reader.ctx.docs):
        for start, end in _named_spans(doc):
            name = _name(doc[start:end].text)
            if len(name) < 2 or not name[:1].isupper():
                continue
            org = by_name.get(name)
            if org is None:
                org = next((o for o in orgs if same_organisation(o.name, name)), None)
            if org is None:
                org = NamedOrganisation(name)
                position[id(org)] = len(orgs)
                orgs.append(org)
            elif len(name) > len(org.name):
                org.name = name
            by_name.setdefault(name, org)
            org.mentions.append((order, start))
            owner[(order, start)] = min(owner.get((order, start), position[id(org)]), position[id(org)])
            org.nouns |= _nouns_of(doc, start, end)
            events.append((order, start, "org", doc[start:end].root))
        for token in doc:
            if description_head(token):
                events.append((order, token.i, "description", token))
    events.sort(key=lambda e: (e[0], e[1]))
    resolved: dict[tuple[str, int], tuple[NamedOrganisation, str]] = {}
    fields = [f for f, _ in reader.ctx.docs]
    seen: list[tuple[NamedOrganisation, int, int]] = []  # (org, sentence, _rank), in text order
    for order, index, kind, token in events:
        sentence = reader.sentence_index(token)
        if kind == "org":
            org = orgs[owner[(order, index)]]  # what scanning `orgs` for the mention finds first
            seen.append((org, sentence, _rank(token)))
            continue
        lemma = token.lemma_.lower()
        chosen: tuple[NamedOrganisation, str] | None = None
        for org, _s, _subj in reversed(seen):
            if lemma in org.nouns:
                chosen = (org, org.guessed.get(lemma, "noun"))
                break
        if chosen is None:  # the last fitting one named, a subject preferred to an object
            near = [(s, rank, i, org) for i, (org, s, rank) in enumerate(seen)
                    if sentence - s <= 3 and _fits(org, lemma)]
            if near:
                best = max(near, key=lambda n: n[:3])
                rivals = {id(n[3]) for n in near if n[0] == best[0]}
                peers = {id(n[3]) for n in near if n[:2] == best[:2]}
                chosen = (best[3], "recent" if len(rivals) == 1 else "subject" if len(peers) == 1 else "guess")
        if chosen is not None:
            if lemma not in chosen[0].nouns and chosen[1] in ("guess", "subject"):
                chosen[0].guessed[lemma] = chosen[1]  # "the company" again is as unsure
            chosen[0].nouns.add(lemma)
            resolved[(fields[order], index)] = chosen
    return OrganisationReferences(orgs, resolved)


def _rank(root: Token) -> int:
    """2 for a subject, 0 for an object, 1 otherwise ("Amsterdam-based X has bought Y": X before Y)."""
    if root.dep_ in ("nsubj", "nsubjpass"):
        return 2
    return 0 if root.dep_ in ("dobj", "pobj", "dative", "iobj", "attr", "oprd") else 1


def _nouns_of(doc: Doc, start: int, end: int) -> set[str]:
    """The organisation nouns a name is given where it is named."""
    nouns: set[str] = set()
    nouns |= {t.lower_ for t in doc[start:end] if t.lower_ in ORG_NOUNS}  # "Kenya Medical Research Institute"
    root = doc[start:end].root
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in ORG_NOUNS:
            nouns.add(c.lemma_.lower())
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in ORG_NOUNS:
        nouns.add(root.head.lemma_.lower())
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.lemma_.lower() in ORG_NOUNS \
            and before.head.i in range(start, end):
        nouns.add(before.lemma_.lower())  # "the airline Skellig Air"
    return nouns
