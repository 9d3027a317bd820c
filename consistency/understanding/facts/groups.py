"""Groups of people named with a nationality: "300 Russian nationals", "the Belarusians", "citizens of Georgia".

One `nationality` claim (value: the country's name, `data["code"]` its ISO code) per group mention
in the body, on the subject `group:LEMMA` (the group noun's lemma: `group:national`,
`group:belarusian`), `data["reading"] == "mention"`. Its `data` says how the mention stands in
its sentence, which is what a rule comparing groups needs:

- `noun`: the group noun ("national"), None for a demonym used as a noun ("the Belarusians");
- `definite` ("the", "these", "their" ...), `role` (the group an event happens to: deportees,
  "were detained", "the repatriation of ..."), `composition` (subject of "include", "comprise"),
  `mixed` ("British and French troops"), `subgroup` ("including ten Ukrainians"), `other` ("the
  other Belarusians", "Belarusians too"), `counted` ("the Belarusians included ten citizens");
- `token`, `first_token`, `last_token` (token indices in the body), `body_sentence` (index among body
  sentences), `extent_end` (end offset of "the Belarusians included ten citizens").

Plural nouns with a demonym modifier of any kind ("Belarusian police", "Russian and Belarusian
officials") give `data["reading"] == "described"` claims, one per country, with `mixed`: people
of that nationality the article speaks of, whatever their part in the event.

Demonyms and country names resolve through the project gazetteer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..lexicon import is_person_noun
from .qualifiers import stance

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..ledger import Claim, Reader

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


@dataclass(frozen=True)
class GroupMention:
    """One mention of a group of people with a nationality (tokens of the body doc)."""

    token: Token
    start: int
    end: int
    country: str  # ISO code
    demonym: str
    noun: str | None
    definite: bool
    role: bool
    composition: bool
    mixed: bool
    subgroup: bool
    sent: int


def merge(reader: Reader, found: list[Claim]) -> Iterator[Claim]:
    """The nationality pass's claims with the group mentions read into them: a mention the pass
    already claimed (same group subject, over the group noun) gets the mention's `data`; other
    mentions and described plurals become claims of their own (extractor `groups`)."""
    extra = list(_read(reader))
    by_subject: dict[str, list[int]] = {}
    for n, claim in enumerate(found):
        if claim.attribute == "nationality" and claim.span.field == "body":
            by_subject.setdefault(claim.subject, []).append(n)
    merged: set[int] = set()
    for claim in extra:
        at = claim.data.get("noun_start", -1)
        n = next((n for n in by_subject.get(claim.subject, ()) if n not in merged
                  and found[n].span.start <= at < found[n].span.end and found[n].value == claim.value), None)
        if n is not None:
            merged.add(n)
            found[n] = found[n].model_copy(update={"data": {**found[n].data, **claim.data}})
        else:
            found.append(claim)
    yield from found


def _read(reader: Reader) -> Iterator[Claim]:
    """`nationality` claims of group mentions and described plurals in the body."""
    ctx = reader.ctx
    try:
        gaz = ctx.gazetteer
    except ImportError:
        return
    if gaz is None:
        return
    doc = ctx.body_doc
    body = [s for s in ctx.sentences if ctx.field_of(s) == "body"]
    tokens = ctx.tokens("body")  # the article's shared Token objects, not new ones per sentence
    for index, sent in enumerate(body):
        for token in tokens[sent.start:sent.end]:
            if token.tag_ not in ("NNS", "NNPS") and token.lower_ not in ("people", "children", "men", "women", "police") \
                    and not token.text[:1].isupper():
                continue
            described = []
            if token.tag_ in ("NNS", "NNPS") or token.lower_ == "police":
                described = [code for word in _demonym_modifiers(gaz, token) if (code := _nationality(gaz, word))]
            mention = _group_mention(gaz, token, index)
            if mention is not None:
                yield _mention_claim(reader, gaz, mention, described)
            elif described and _people(token):
                for code in described:
                    yield reader.claim(_subject(reader, doc, token), "nationality", _country_name(gaz, code), doc,
                                       token.i, token.i + 1, "groups", stance(token), reading="described", code=code,
                                       token=token.i, mixed=len(set(described)) > 1, body_sentence=index,
                                       noun_start=token.idx)


# Plural nouns for the people on one side of an event ("Belarusian police", "Russian authorities").
_SIDE_NOUNS = frozenset({"police", "authority", "force", "official", "officer", "guard", "service", "army",
                         "government", "leader", "diplomat", "minister", "border"})


def _people(token: Token) -> bool:
    """A plural noun of people: "officials", "police", "engineers" (not "trucks")."""
    lemma = token.lemma_.lower()
    return lemma in GROUP_NOUNS or lemma in _SIDE_NOUNS or lemma in COUNTED_PEOPLE or is_person_noun(lemma)


def _subject(reader: Reader, doc: Any, token: Token) -> str:
    return reader.add_subject(f"group:{token.lemma_.lower()}", "group", token.text,
                              reader.span_of(doc, token.i, token.i + 1))


def _mention_claim(reader: Reader, gaz: Any, m: GroupMention, described: list[str]) -> Claim:
    token = m.token
    doc = token.doc
    extent_end = token.idx + len(token.text)
    if m.composition:
        obj = next((c for c in token.head.children if c.dep_ == "dobj"), None)
        last = obj if obj is not None else token.head
        extent_end = last.idx + len(last.text)
    return reader.claim(
        _subject(reader, doc, token), "nationality", _country_name(gaz, m.country), doc, m.start, m.end + 1,
        "groups", stance(token), reading="mention", code=m.country, demonym=m.demonym, noun=m.noun,
        definite=m.definite, role=m.role, composition=m.composition, mixed=m.mixed, subgroup=m.subgroup,
        other=_marks_other_group(token), counted=_counts_people(m), token=token.i, first_token=m.start, last_token=m.end,
        body_sentence=m.sent, extent_end=extent_end,
        described_codes=described, noun_start=token.idx,
    )


def _counts_people(mention: GroupMention) -> bool:
    """"the Belarusians included ten citizens": the mention is a group of people being counted,
    which the host side (police, officials) is not."""
    if not mention.composition:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in (GROUP_NOUNS | COUNTED_PEOPLE) for c in mention.token.head.children)


def _marks_other_group(token: Token) -> bool:
    """"the other Belarusians", "Belarusians too": another group."""
    near = [*token.children, *(c for c in token.head.children if c.dep_ == "advmod")]
    return any(c.lower_ in OTHER_GROUP_WORDS for c in near)


def _clean(text: str) -> str:
    text = text.strip().strip(".,;:\"'“”‘’")
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return text.strip()


def _country_code(gaz: Any, text: str) -> str | None:
    """ISO code of the country this name, alias or demonym stands for ("Russia", "Russian")."""
    text = _clean(text)
    if not text:
        return None
    country = gaz.country(text) or gaz.country_of_demonym(text)
    if country is None and text.lower().startswith("the "):
        country = gaz.country(text[4:])
    return getattr(country, "code", None) if country is not None else None


def _demonym_code(gaz: Any, text: str) -> str | None:
    """ISO code of the country whose demonym (adjective or plural noun) this word is."""
    text = _clean(text)
    country = gaz.country_of_demonym(text) if text else None
    return getattr(country, "code", None) if country is not None else None


def _country_name(gaz: Any, code: str) -> str:
    country = gaz.country(code)
    return getattr(country, "name", None) or code


def _group_mention(gaz: Any, token: Token, sent: int) -> GroupMention | None:
    """The group this plural noun names, if it carries a nationality: "300 Russian nationals"
    (a group noun with a demonym or country modifier) or "the Belarusians" (a demonym noun)."""
    if token.tag_ not in ("NNS", "NNPS") and token.lower_ not in ("people", "children", "men", "women") \
            and not _is_people_noun(gaz, token):
        return None
    lemma = token.lemma_.lower()
    demonyms: list[Token] = []
    noun: str | None = None
    if lemma in GROUP_NOUNS and token.pos_ in ("NOUN", "PROPN"):
        noun = lemma
        demonyms = _demonym_modifiers(gaz, token) or _citizenship_of(gaz, token)
        if not demonyms:
            return None
    elif _is_people_noun(gaz, token):
        demonyms = [token]
    else:
        return None
    codes = [_nationality(gaz, d) for d in demonyms]
    codes_set = {c for c in codes if c}
    if not codes_set:
        return None
    conj_demonyms = [c for c in (*token.children, token.head) if (c.dep_ == "conj" or token.dep_ == "conj")
                     and c is not token and c.tag_ in ("NNS", "NNPS") and _demonym_code(gaz, c.text)]
    if any(c.lower_ in ("ethnic", "dual") for c in token.children):
        return None
    mixed = len(codes_set) > 1 or any(_demonym_code(gaz, c.text) not in codes_set for c in conj_demonyms)
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


def _is_people_noun(gaz: Any, token: Token) -> bool:
    """A demonym used as a plural noun: "Belarusians", "the Lebanese", "the Swiss"."""
    if token.dep_ in ("amod", "compound") or not token.text[:1].isupper() or not _plain_word(token):
        return False
    if token.tag_ in ("NNS", "NNPS") and token.lower_.endswith("s"):
        return _demonym_code(gaz, token.text) is not None
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    as_noun = token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") and not token.text.endswith("s")
    return definite and as_noun and token.ent_type_ == "NORP" and _demonym_code(gaz, token.text) is not None


def _demonym_modifiers(gaz: Any, noun: Token) -> list[Token]:
    """Demonyms modifying a noun, with their conjuncts: "British and French" in "British and French troops"."""
    found: list[Token] = []
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i and _plain_word(child) \
                and _nationality(gaz, child):
            found.append(child)
            found.extend(c for c in child.children if c.dep_ == "conj" and _nationality(gaz, c))
    return found


def _citizenship_of(gaz: Any, noun: Token) -> list[Token]:
    """The country of "citizens of Russia", "nationals of the UK" (not "citizens in Belarus")."""
    if noun.lemma_.lower() not in ("citizen", "national", "subject"):
        return []
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
            if p.dep_ == "pobj" and p.ent_type_ == "GPE" and _country_code(gaz, p.text)]


def _nationality(gaz: Any, word: Token) -> str | None:
    """Country code of a nationality word: a demonym ("Russian") or a country name used as a
    modifier ("UK troops", "US citizens")."""
    code = _demonym_code(gaz, word.text)
    if code is None and word.ent_type_ == "GPE" and word.dep_ in ("compound", "pobj"):
        code = _country_code(gaz, word.text)
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
