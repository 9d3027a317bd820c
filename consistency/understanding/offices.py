"""Offices and family ties of each person, as views of the claims ledger.

Rules that think in people ("this person's offices", "the relations stated in the article")
read `ctx.people`, whose `Person.offices` and `People.relations` are filled here from the
ledger's `role` and `kin` claims (facts/roles.py, facts/kin.py). Roles and kin are so read
by one extractor each, and every rule sees the same reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .people import RANK_WORDS, NameMention, Office, People, Person, Relation, canonical_body

if TYPE_CHECKING:
    from ..analysis import ArticleAnalysis
    from .ledger import Claim, Ledger

# Ledger qualifiers and the office markers they stand for (people.MARKERS: not current).
_MARKER_OF = {"former": "former", "future": "future", "acting": "acting", "outgoing": "outgoing",
              "past": "then", "negated": "then", "past-tense": "former"}
# Words in an office's sentence that say the office may not be current: a change, a death, a
# date ("Tim Cook succeeded Steve Jobs, who died in 2011"). Rules comparing offices as current
# skip such offices; the ledger keeps the claim and its own per-claim qualifiers.
_CHANGE_WORDS = frozenset("""
former formerly previously then became become becomes becoming until succeeded succeed succeeds replace
replaced replaces replacing appointed appoint named nominated elected promoted joined join joins quit quits
resigned resign resigns retired retire stepped ex later once will successor predecessor sacked ousted fired
before new outgoing incoming acting interim elect designate defected defect defects switched crossed served
died dead death late killed assassinated overthrown deposed era predecessors successors
""".split())


def attach_claims(ctx: ArticleAnalysis, people: People, ledger: Ledger) -> People:
    """Fill each person's `offices` and the article's `relations` from the ledger."""
    by_id = {f"person:{p.id}": p for p in people}
    for claim in ledger.of("role"):
        person = by_id.get(claim.subject)
        if person is not None and person.mentions:
            person.offices.append(office_of(ctx, person, claim))
    for claim in ledger.of("kin"):
        subject, relative = by_id.get(claim.subject), by_id.get(str(claim.data.get("relative")))
        if subject is None or relative is None or subject is relative:
            continue
        relation = relation_of(ctx, subject, relative, claim)
        if relation is not None:
            subject.relations.append(relation)
            people.relations.append(relation)
    return people


def office_of(ctx: ArticleAnalysis, person: Person, claim: Claim) -> Office:
    """An `Office` for a role claim: its role, its body (canonical when the gazetteer knows it),
    markers from the claim's qualifiers and rank words, the title phrase with its body."""
    mention = _nearest_mention(person, claim)
    body_text = claim.data.get("organisation")
    markers = {_MARKER_OF[q] for q in claim.qualifiers if q in _MARKER_OF}
    markers |= {w for w in str(claim.value).split() if w in RANK_WORDS and w not in ("executive", "senior")}
    start, end = _with_body(ctx, claim, body_text)
    text = _field_text(ctx, claim.span.field)[start:end]
    return Office(
        role=str(claim.value), body=canonical_body(body_text) if body_text else None, body_text=body_text,
        markers=frozenset(markers), text=text, field=claim.span.field,
        start=start, end=end, mention=mention, form="pre" if claim.data.get("how") == "title" else "apposition",
        sentence_markers=_sentence_markers(ctx, claim),
    )


def _sentence_markers(ctx: ArticleAnalysis, claim: Claim) -> frozenset[str]:
    found = {"change"} if "change" in claim.qualifiers else set()
    doc = ctx.doc(claim.span.field)
    token = doc.char_span(claim.span.start, claim.span.end, alignment_mode="expand")
    if token is None or not len(token):
        return frozenset(found)
    sent = token[0].sent
    found |= {t.lower_ for t in sent if t.lower_ in _CHANGE_WORDS}
    if any(t.lower_ == "went" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "on" for t in sent):
        found.add("went on")  # "went on to become"
    if any(len(t.text) == 4 and t.text.isdigit() and t.text[:2] in ("19", "20") for t in sent):
        found.add("<year>")  # "president in 1999": a dated office may be a past one
    return frozenset(found)


def relation_of(ctx: ArticleAnalysis, subject: Person, relative: Person, claim: Claim) -> Relation | None:
    """A `Relation` for a kin claim: the phrase from the first of the two names to the last."""
    a, b = _nearest_mention(subject, claim, full=True), _nearest_mention(relative, claim, full=True)
    if a.field != claim.span.field or b.field != claim.span.field:
        return None
    start = min(a.start, b.start, claim.span.start)
    end = max(a.end, b.end, claim.span.end)
    text = _field_text(ctx, claim.span.field)
    if end - start > 240:  # the two names are far apart: the claim's own words
        start, end = claim.span.start, claim.span.end
    return Relation(kind=str(claim.value), subject=a, relative=b, field=claim.span.field, start=start, end=end,
                    text=text[start:end], by_pronoun=bool(claim.data.get("by_pronoun")),
                    relative_gender=claim.data.get("relative_gender"))


def _nearest_mention(person: Person, claim: Claim, full: bool = False) -> NameMention:
    """The person's mention closest to the claim, in its field (before it, when tied); with
    `full`, a full name where the person has one (a relation compares surnames)."""
    mentions = [m for m in person.mentions if m.is_full] if full else []
    mentions = mentions or person.mentions
    same_field = [m for m in mentions if m.field == claim.span.field] or mentions
    return min(same_field, key=lambda m: (abs(m.start - claim.span.start), m.start > claim.span.start))


def _field_text(ctx: ArticleAnalysis, field: str) -> str:
    return ctx.article.title if field == "title" else ctx.article.body


def _with_body(ctx: ArticleAnalysis, claim: Claim, body_text: str | None) -> tuple[int, int]:
    """The claim's span widened to its body when the body is written right beside it
    ("Russian Foreign Minister", "mayor of Leeds", "Medivio's spokesman")."""
    start, end = claim.span.start, claim.span.end
    if not body_text:
        return start, end
    text = _field_text(ctx, claim.span.field)
    before = text.rfind(body_text, max(0, start - len(body_text) - 12), start)
    if before >= 0:
        return before, end
    after = text.find(body_text, end, end + len(body_text) + 12)
    if after >= 0:
        return start, after + len(body_text)
    return start, end
