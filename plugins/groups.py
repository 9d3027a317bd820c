"""Rule family `groups`: groups of people whose description drifts across an article.

Codes:
    GR01 groups.nationality-drift  a group of deportees, detainees or evacuees introduced with
                                   one nationality is later called by another.

Data: demonyms ("Belarusian", "Belarusians") are resolved by the project gazetteer
(consistency/gazetteer.py); everything else is read from spaCy's parse of the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from consistency import Rule, Severity, hookimpl
from consistency.models import Finding

from ._parties import country_code, country_name, demonym_code

if TYPE_CHECKING:
    from spacy.tokens import Token

    from consistency.analysis import ArticleAnalysis

# Nouns for groups of people that carry a nationality ("Russian citizens", "300 British tourists").
GROUP_NOUNS = frozenset({
    "citizen", "national", "subject", "resident", "deportee", "detainee", "evacuee", "refugee", "migrant",
    "immigrant", "emigrant", "seeker", "worker", "labourer", "laborer", "soldier", "troop", "serviceman",
    "fighter", "mercenary", "fan", "supporter", "tourist", "visitor", "holidaymaker", "traveller", "traveler",
    "passenger", "pilgrim", "student", "protester", "protestor", "demonstrator", "activist", "prisoner",
    "captive", "hostage", "inmate", "expatriate", "expat", "returnee", "sailor", "fisherman", "crewman",
    "seaman", "journalist", "civilian", "people", "man", "woman", "child", "family", "exile", "volunteer",
    "contractor", "engineer", "émigré", "emigre", "internee", "survivor", "victim", "suspect",
})
# Nouns that already name the group's part in the event.
ROLE_NOUNS = frozenset({
    "deportee", "detainee", "evacuee", "refugee", "hostage", "prisoner", "captive", "returnee", "exile",
    "seeker", "internee", "inmate", "migrant", "suspect",
})
# Nouns that name one group by its nationality or status, so "the Vietnamese nationals" after
# "40 Chinese nationals were arrested" points back (unlike "the British men").
LINKING_NOUNS = ROLE_NOUNS | {"citizen", "national", "subject", "expatriate", "expat", "émigré", "emigre"}
# Verbs whose patient is the group the event is about: the deported, the detained, the freed.
ROLE_VERBS = frozenset({
    "deport", "repatriate", "detain", "arrest", "expel", "evacuate", "transfer", "hold", "free", "release",
    "rescue", "kidnap", "abduct", "capture", "jail", "imprison", "intern", "extradite", "return", "strand",
    "seize", "trap", "sentence", "convict", "charge", "gather", "airlift", "fly", "hand",
})
# Event nouns whose "of"-phrase is that group: "the repatriation of 300 citizens".
ROLE_EVENT_NOUNS = frozenset({
    "repatriation", "deportation", "expulsion", "evacuation", "detention", "arrest", "release", "return",
    "transfer", "extradition", "rescue", "kidnapping", "capture", "handover", "exchange",
})
# People counted in a group: "the Belarusians included ten citizens / six teenagers".
COUNTED_PEOPLE = frozenset({"teenager", "boy", "girl", "minor", "adult", "infant", "baby", "pensioner", "elderly",
                            "doctor", "nurse", "teacher", "farmer", "mother", "father", "relative", "pupil"})
# Verbs that say what a group is made of: "the Belarusians included ten citizens".
COMPOSITION_VERBS = frozenset({"include", "comprise", "number", "consist", "contain", "count"})
# Words marking a mention as another group: "the other Belarusians", "Belarusians too".
OTHER_GROUP_WORDS = frozenset({"also", "other", "another", "too", "both", "remaining", "separate", "fellow", "own"})
SUBGROUP_MARKERS = frozenset({"including", "among", "amongst", "besides", "excluding", "except", "plus"})
# Sentences that explain a change or a second nationality.
NATIONALITY_CHANGE = re.compile(
    r"\bdual\b|\bcitizenship\b|naturali[sz]|\bethnic\b|\bdescent\b|\borigin\b|-born\b|\bstateless\b|"
    r"\bbecame\b[^.]{0,30}\bcitizens?\b|\bpassports? of\b",
    re.IGNORECASE,
)


# Cheap pre-filter on the raw text: articles with no word of a deportation, detention or
# evacuation story cannot have an event group, and are skipped before any token loop.
EVENT_WORDS = re.compile(
    r"\b(?:deport|repatriat|detain|detention|arrest|expel|expuls|evacu|kidnap|abduct|hostage|refugee|"
    r"migrant|prisoner|captive|extradit|imprison|jailed|interned|internee|stranded|rescued|airlift|asylum|"
    r"returnee|exile|freed)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class GroupMention:
    """One mention of a group of people with a nationality."""

    token: Token
    start: int  # first token index of the mention
    end: int  # last token index ("Georgia" in "citizens of Georgia")
    country: str
    demonym: str
    noun: str | None  # lemma of the group noun; None for "the Belarusians"
    definite: bool
    role: bool  # deported, detained, evacuated...: the group the event is about
    composition: bool  # subject of "include", "comprise"
    mixed: bool  # "British and French troops"
    subgroup: bool  # "including ten Ukrainians"
    sent: int

    @property
    def text(self) -> str:
        return self.token.doc[self.start : self.end + 1].text


class NationalityDrift(Rule):
    """A group introduced with one nationality is later called by another.

    What it flags:
        A group the event is about (deported, detained, repatriated, evacuated, held: "Russian
        deportees", "Russian citizens who were arrested") is later referred to with another
        nationality ("the Belarusians included ten citizens", "the Belarusian detainees") when the
        article introduces no group of that other nationality and states no change. The later
        mention must point back: definite ("the ...") and either in the same role or the subject
        of "included"/"comprised" right after the group was mentioned, or named by the same status
        noun ("the Vietnamese nationals" after "40 Chinese nationals were arrested").

    Why it matters:
        Swapping the nationality of the people at the centre of a story (often for the host
        country's) changes who was deported or detained; readers and editors take it as fact.

        A warning, not an error: a group can hold two nationalities, or be a different group
        with the same description.

    Example:
        Deportation flight lands
        A flight carrying Moldovan deportees from Italy landed in Chisinau on Monday. Police had
        detained the Moldovan citizens in Rome last month. The Italians included four children,
        officials said.

    Not flagged:
        Deportation flight lands
        Italian police detained 40 Moldovan citizens in Rome last month. British and French
        troops guarded the airport. A flight carrying the Moldovan deportees, including ten
        Ukrainians, landed on Monday. The Ukrainians were taken to Kiev, and Russian-speaking
        Moldovans were met by relatives. Italian officers said the operation went well.

    Sources:
        Demonyms from the project gazetteer (pycountry names and a demonym table).
    """

    code = "GR01"
    name = "groups.nationality-drift"
    default_severity = Severity.warning
    requires = ("entities", "sentences", "gazetteer")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        if not EVENT_WORDS.search(ctx.article.body):
            return
        mentions = find_group_mentions(ctx)
        described = _described_plurals(ctx)
        event = [m for m in mentions if m.role and not m.mixed and not m.subgroup]
        if not event:
            return
        first = event[0]
        home = first.country
        vouched = {m.country for m in mentions if m.mixed or m.subgroup}
        vouched |= {code for code, _, mixed in described if mixed}
        flagged: set[str] = set()
        for mention in mentions:
            if mention.token.i <= first.token.i or mention.sent == first.sent:
                continue
            if mention.country in (home, *vouched, *flagged) or mention.mixed or mention.subgroup:
                continue
            if not mention.definite or _marks_other_group(mention):
                continue
            earlier = [m for m in mentions if m.token.i < mention.token.i]
            if any(m.country == mention.country and (m.noun is not None or m.role or m.definite) for m in earlier):
                continue  # a group of that nationality was introduced: the mention may be it
            host_side = any(c == mention.country and i < mention.start for c, i, _ in described)
            if mention.noun is None and host_side and not _counts_people(mention):
                continue  # "Belarusian police ... the Belarusians said": may be the host side
            home_mentions = [m for m in earlier if m.country == home and not m.mixed]
            recent = any(mention.sent - m.sent <= 2 for m in home_mentions if m.role or m.noun) \
                or _group_named_before(ctx, mention, {m.noun for m in event if m.noun})
            same_noun = mention.noun in LINKING_NOUNS and mention.noun in {m.noun for m in event}
            if mention.role:
                link = "role"  # "the Belarusian deportees", "the Belarusians who were detained"
            elif same_noun:
                link = "noun"  # "the Belarusian nationals" after "300 Russian nationals were deported"
            elif mention.composition and recent:
                link = "composition"  # "the Belarusians included ..." right after the group
            else:
                continue
            flagged.add(mention.country)
            yield self._finding(ctx, mention, first, home_mentions, link)

    def _finding(self, ctx: ArticleAnalysis, mention: GroupMention, first: GroupMention,
                 home_mentions: list[GroupMention], link: str) -> Finding:
        doc = mention.token.doc
        later = ctx.span(doc[mention.start : mention.end + 1])
        if mention.composition:
            obj = next((c for c in mention.token.head.children if c.dep_ == "dobj"), None)
            end = obj if obj is not None else mention.token.head
            later = ctx.span(doc[mention.start : end.i + 1])
        evidence = [ctx.span(doc[m.start : m.end + 1]) for m in home_mentions if m.role or m.noun][:3]
        sentence = mention.token.sent.text
        explained = bool(NATIONALITY_CHANGE.search(ctx.article.body))
        severity = Severity.info if explained else None
        return self.finding(
            f"\"{mention.text}\" gives the group introduced as \"{first.text}\" another nationality "
            f"({country_name(ctx, mention.country)} instead of {country_name(ctx, first.country)}), "
            f"and the article states no change.",
            [later],
            evidence,
            confidence=0.45 if explained else 0.75,
            severity=severity,
            data={"introduced_as": first.country, "later_called": mention.country,
                  "link": link, "sentence": sentence},
        )


def find_group_mentions(ctx: ArticleAnalysis) -> list[GroupMention]:
    """Mentions of groups of people with a nationality in the body, in text order."""
    mentions: list[GroupMention] = []
    for index, sent in enumerate(s for s in ctx.sentences if ctx.field_of(s) == "body"):
        for token in sent:
            mention = _group_mention(ctx, token, index)
            if mention is not None:
                mentions.append(mention)
    return mentions


def _group_mention(ctx: ArticleAnalysis, token: Token, sent: int) -> GroupMention | None:
    """The group this plural noun names, if it carries a nationality: "300 Russian nationals"
    (a group noun with a demonym or country modifier) or "the Belarusians" (a demonym noun)."""
    if token.tag_ not in ("NNS", "NNPS") and token.lower_ not in ("people", "children", "men", "women") \
            and not _is_people_noun(ctx, token):
        return None
    lemma = token.lemma_.lower()
    demonyms: list[Token] = []
    noun: str | None = None
    if lemma in GROUP_NOUNS and token.pos_ in ("NOUN", "PROPN"):
        noun = lemma
        demonyms = _demonym_modifiers(ctx, token) or _citizenship_of(ctx, token)
        if not demonyms:
            return None
    elif _is_people_noun(ctx, token):
        demonyms = [token]
    else:
        return None
    codes = [_nationality(ctx, d) for d in demonyms]
    codes_set = {c for c in codes if c}
    if not codes_set:
        return None
    conj_demonyms = [c for c in (*token.children, token.head) if (c.dep_ == "conj" or token.dep_ == "conj")
                     and c is not token and c.tag_ in ("NNS", "NNPS") and demonym_code(ctx, c.text)]
    if any(c.lower_ in ("ethnic", "dual") for c in token.children):
        return None
    mixed = len(codes_set) > 1 or any(demonym_code(ctx, c.text) not in codes_set for c in conj_demonyms)
    start = min([token.i, *(c.i for c in token.children if c.i < token.i and c.dep_ in
                            ("det", "amod", "compound", "nummod", "nmod", "poss", "quantmod"))])
    return GroupMention(
        token=token,
        start=start,
        end=max(token.i, *(d.i for d in demonyms)),
        country=codes[0] or next(iter(codes_set)),
        demonym=demonyms[0].text,
        noun=noun,
        definite=any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "these", "those", "their", "its")
                     for c in token.children),
        role=_has_role(token, noun),
        composition=token.dep_ == "nsubj" and token.head.lemma_.lower() in COMPOSITION_VERBS,
        mixed=mixed,
        subgroup=_is_subgroup(token),
        sent=sent,
    )


def _is_people_noun(ctx: ArticleAnalysis, token: Token) -> bool:
    """A demonym used as a plural noun: "Belarusians", "the Lebanese", "the Swiss"."""
    if token.dep_ in ("amod", "compound") or not token.text[:1].isupper() or not _plain_word(token):
        return False
    if token.tag_ in ("NNS", "NNPS") and token.lower_.endswith("s"):
        return demonym_code(ctx, token.text) is not None
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    as_noun = token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") and not token.text.endswith("s")
    return definite and as_noun and token.ent_type_ == "NORP" and demonym_code(ctx, token.text) is not None


def _described_plurals(ctx: ArticleAnalysis) -> list[tuple[str, int, bool]]:
    """(country, token index, mixed) of every plural noun with a demonym: "Belarusian police",
    "Russian and Belarusian officials" (mixed). These are people of that nationality the article
    speaks of, whatever their part in the event."""
    found: list[tuple[str, int, bool]] = []
    for token in ctx.body_doc:
        if token.tag_ not in ("NNS", "NNPS") and token.lower_ != "police":
            continue
        codes = [code for word in _demonym_modifiers(ctx, token) if (code := _nationality(ctx, word))]
        found.extend((code, token.i, len(set(codes)) > 1) for code in codes)
    return found


def _demonym_modifiers(ctx: ArticleAnalysis, noun: Token) -> list[Token]:
    """Demonyms modifying a noun, with their conjuncts: "British and French" in "British and French troops"."""
    found: list[Token] = []
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i and _plain_word(child) \
                and _nationality(ctx, child):
            found.append(child)
            found.extend(c for c in child.children if c.dep_ == "conj" and _nationality(ctx, c))
    return found


def _citizenship_of(ctx: ArticleAnalysis, noun: Token) -> list[Token]:
    """The country of "citizens of Russia", "nationals of the UK" (not "citizens in Belarus")."""
    if noun.lemma_.lower() not in ("citizen", "national", "subject"):
        return []
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
            if p.dep_ == "pobj" and p.ent_type_ == "GPE" and country_code(ctx, p.text)]


def _nationality(ctx: ArticleAnalysis, word: Token) -> str | None:
    """Country code of a nationality word: a demonym ("Russian") or a country name used as a
    modifier ("UK troops", "US citizens")."""
    code = demonym_code(ctx, word.text)
    if code is None and word.ent_type_ == "GPE" and word.dep_ in ("compound", "pobj"):
        code = country_code(ctx, word.text)
    return code


def _plain_word(token: Token) -> bool:
    """Not part of a hyphenated compound ("Russian-speaking", "Anglo-French")."""
    doc = token.doc
    before = doc[token.i - 1].text if token.i > 0 else ""
    after = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    return before not in ("-", "–") and after not in ("-", "–")


def _has_role(token: Token, noun: str | None) -> bool:
    """The group is the one the event happens to: deportees, or detained, expelled, repatriated."""
    if noun in ROLE_NOUNS:
        return True
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in ROLE_VERBS:
        return True
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ROLE_EVENT_NOUNS:
        return True
    for child in token.children:
        if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in ROLE_VERBS:
            passive = child.tag_ == "VBN" or any(c.dep_ in ("nsubjpass", "auxpass") for c in child.children)
            if passive:
                return True
    return False


def _is_subgroup(token: Token) -> bool:
    """"including ten Ukrainians", "among them Britons", "the group included Ukrainians"."""
    node = token
    for _ in range(3):
        if node.dep_ in ("pobj", "dobj", "appos", "conj") and node.head.lower_ in SUBGROUP_MARKERS:
            return True
        if node.dep_ == "dobj" and node.head.lemma_.lower() in COMPOSITION_VERBS:
            return True
        if node.dep_ not in ("conj", "appos"):
            break
        node = node.head
    return False


def _group_named_before(ctx: ArticleAnalysis, mention: GroupMention, nouns: set[str]) -> bool:
    """The event group is named, without nationality, in the two sentences before the mention
    ("the decision to return the detainees ...")."""
    body = [s for s in ctx.sentences if ctx.field_of(s) == "body"]
    window = body[max(0, mention.sent - 2) : mention.sent]
    wanted = nouns | ROLE_NOUNS | ROLE_EVENT_NOUNS
    return any(t.lemma_.lower() in wanted for sent in window for t in sent)


def _counts_people(mention: GroupMention) -> bool:
    """"the Belarusians included ten citizens": the mention is a group of people being counted,
    which the host side (police, officials) is not."""
    if not mention.composition:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in (GROUP_NOUNS | COUNTED_PEOPLE) for c in mention.token.head.children)


def _marks_other_group(mention: GroupMention) -> bool:
    token = mention.token
    near = [*token.children, *(c for c in token.head.children if c.dep_ == "advmod")]
    return any(c.lower_ in OTHER_GROUP_WORDS for c in near)


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return [NationalityDrift]
