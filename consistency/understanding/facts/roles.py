"""Roles: what a person is or does, in any field ("winger", "cellist", "senior lecturer").

Read from the dependency parse around each named person:

- a title before the name: "Barcelona winger Iker Solano", "former coach Ana Ruiz";
- an apposition either side: "Solano, the club's goalkeeping coach," / "the head of the
  cardiology unit at St Mary's, Dr Ana Ruiz";
- a copula or relative clause: "Solano is the captain", "Ruiz, who is a senior lecturer";
- "as" and leading verbs: "served as treasurer", "works as a nurse", "who heads the unit",
  "has led the cardiology unit at the Royal Infirmary" (role "head", organisation given);
- a definite description with an age: "the 27-year-old winger" (attached to the person it
  refers to, qualifier `description`).

A role word is any noun of the packaged person-noun lexicon (`lexicon.is_person_noun`);
its class (`lexicon.role_class`) says which roles exclude each other. The organisation
(a name before the role, a possessor, or "of/at X") goes to `data["organisation"]`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..people import KIN_WORDS, ROLE_QUALIFIERS, ROLE_WORDS, party_of
from ..tokens import doc_text, pos_flags
from ..lexicon import (
    ORGANISATION_NOUNS,
    is_named_role,
    is_person_noun,
    role_class,
    role_synonym,
    verb_lemmas,
)
from .orgrefs import description_head, references
from .qualifiers import TIME_MODIFIERS, reports_change, stance, time_modifiers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..ledger import Claim, Reader

_LEAD_VERBS = {"head": "head", "lead": "head", "run": "head", "chair": "chair", "direct": "director",
               "manage": "manager", "captain": "captain", "coach": "coach", "edit": "editor", "found": "founder",
               "conduct": "conductor"}
# The sides of a trial a lawyer leads: "led the defence" makes one defence counsel.
_COURT_SIDES = {"defence": "defence counsel", "defense": "defense counsel", "prosecution": "prosecutor"}
_COURT_WORDS = frozenset({"trial", "court", "jury", "judge", "hearing", "case", "appeal", "tribunal", "verdict",
                          "sentence", "sentencing", "accused", "defendant", "charge", "charges", "prosecutor"})
_AS_VERBS = frozenset({"serve", "work", "act", "play", "join", "start", "begin", "continue", "remain", "stay",
                       "appear", "perform", "sign", "train", "qualify", "practise", "practice", "operate"})
_ORG_LABELS = frozenset({"ORG", "GPE", "FAC", "LOC"})
_PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "npadvmod"})
# Person nouns that say how someone stands to the story, not what office or trade they hold.
_NOT_ROLES = frozenset("""
rival consumer customer client victim winner loser survivor resident neighbour neighbor fan supporter
critic friend colleague counterpart successor predecessor host guest visitor owner user buyer seller
love darling sweetheart idol hero enemy ally favourite favorite target
suspect immigrant emigrant migrant refugee charge ward
""".split())
_TRADE_SUFFIXES = ("ologist", "ographer", "ician", "iatrist", "ometrist")
# Modifiers that make an office hoped for or expected, not held: "the next chancellor", "a potential
# successor", "the likely nominee". Read on role nouns only (kin and groups keep TIME_MODIFIERS).
_PROSPECTIVE = frozenset({"next", "potential", "likely", "possible", "probable", "presumptive", "putative"})
# Auxiliaries that put the verb giving a role in the future or the hypothetical: "X will make a fine
# prime minister", "X would become chancellor".
_PROSPECTIVE_AUX = frozenset({"will", "would", "'ll", "’ll", "'d", "’d", "shall"})
_RANKS = frozenset({"deputy", "vice", "assistant", "associate", "junior", "co", "joint", "shadow", "under",
                    "honorary", "second", "first", "lead", "senior", "shadow"})


def extract(reader: Reader) -> Iterator[Claim]:
    """`role` claims about named people, from titles, appositions, copulas and descriptions."""
    seen: set[tuple[str, str, int]] = set()
    for field_name, doc in reader.ctx.docs:
        nouns = pos_flags(doc, "NOUN", "PROPN")  # a role starts at a person's name or at a (role) noun
        for token in reader.ctx.tokens(field_name):
            if not nouns[token.i] and reader.person_at(field_name, token.i) is None:
                continue
            for sid, role_token, how, extra in _role_links(reader, field_name, doc, token):
                key = (sid, field_name, role_token.i)
                if key in seen:
                    continue
                seen.add(key)
                claim = _role_claim(reader, doc, sid, role_token, how, extra)
                if claim is not None:
                    yield claim


def _role_links(reader: Reader, field_name: str, doc: Doc, token: Token) -> Iterator[tuple[str, Token, str, dict]]:
    """(person, role noun, how it was linked, extra data) for the role a token introduces."""
    sid = reader.person_at(field_name, token.i)
    if sid is not None:
        mention = reader.mention_at(field_name, token.i)
        if mention is None or token.i != _head_of(doc, mention.token_start, mention.token_end):
            return
        for link in _roles_of_name(reader, doc, token, sid, mention.token_start):
            if mention.ambiguous:
                link[3]["ambiguous"] = True
            yield link
        return
    if _is_role_noun(token) and token.dep_ not in ("compound",) and _age_description(token):
        target = reader.salient_person(field_name, token.i)
        if target is not None and not _names_someone(reader, field_name, token):
            yield target, token, "description", {}


def _comma_apposition(doc: Doc, start: int, step: int) -> Token | None:
    """The role noun of a comma-delimited phrase beside a name ("Weber, Medivio's spokesman,"),
    read from the token sequence where the small model's parse misses the apposition."""
    i = start + step
    if not 0 <= i < len(doc) or doc[i].text != ",":
        return None
    limit = doc[start].sent.start if step < 0 else doc[start].sent.end
    found: Token | None = None
    j = i + step
    count = 0
    opened = False
    while (j >= limit if step < 0 else j < limit) and count < 12:
        t = doc[j]
        if t.text in (",", ";", "(", ")", "—", "–") or "\n" in t.text:
            break
        if step < 0 and found is not None and t.lower_ in ("the", "a", "an") and j > limit \
                and doc[j - 1].pos_ in ("VERB", "AUX") and doc[j - 1].lemma_.lower() in SPEECH_LEMMAS:
            opened = True  # "said the company's artistic director, X": the phrase opens after the verb
            break
        if t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG"):
            return None  # a clause, not an apposition
        if step > 0 and found is not None and t.pos_ == "ADP":
            break  # "adviser to IMF's managing director": the role is the phrase's head, before "to"
        if step > 0 and found is not None and t.ent_type_ == "PERSON":
            return None  # "X, Belarusian president Y's son,": the role is Y's title, not X's
        if _is_role_noun(t) and (found is None or step > 0 and found.i < t.i and t.i < _first_prep(doc, i, j)):
            found = t if step > 0 or found is None else found
        j += step
        count += 1
    ended = opened or j < 0 or j >= len(doc) or doc[j].text in (",", ";", ")", "—", "–") or (step < 0 and j < limit)
    return found if ended or step > 0 else None


def _first_prep(doc: Doc, start: int, end: int) -> int:
    for k in range(start, end + 1):
        if doc[k].pos_ == "ADP" and doc[k].lower_ in ("of", "for", "at", "with", "in"):
            return k
    return end + 1


def _roles_of_name(reader: Reader, doc: Doc, head: Token, sid: str, name_start: int) -> Iterator[tuple]:
    # a title right before the name: the nearest role noun in the run of words ending at the name
    i = name_start - 1
    if i >= 0 and doc[i].is_space and doc[i].text.count("\n") == 1:
        i -= 1  # a line break inside the title: "Foreign Minister\nAndrei Kozyrev"
    if i >= 0 and _title_tagged_as_verb(doc[i]):
        yield sid, doc[i], "title", {}  # "down to goaltender Samuel Kováčik": "to goaltender" read as a verb
        i = -1
    while i >= 0 and _title_word(doc[i]):
        if _is_role_noun(doc[i]):  # the small model often hangs the title elsewhere: adjacency decides
            yield sid, doc[i], "title", {}
            break
        i -= 1
    name_end = head.i
    while name_end + 1 < len(doc) and doc[name_end + 1].text in ("'s", "’s"):
        name_end += 1
    for role in (_comma_apposition(doc, name_end, +1), _comma_apposition(doc, name_start, -1)):
        if role is not None:
            yield sid, role, "apposition", {}
    for child in head.children:
        if child.dep_ == "appos" and _is_role_noun(child):
            yield sid, child, "apposition", {}
        elif child.dep_ == "relcl":
            yield from _clause_roles(child, sid, "relative")
    if head.dep_ == "appos" and _is_role_noun(head.head):
        yield sid, head.head, "apposition", {}
    if head.dep_ in ("nsubj", "nsubjpass"):
        yield from _clause_roles(head.head, sid, "clause")


# Nouns of a time in office that name the office with "as": "in his second term as secretary",
# "serving a third season as captain", "her first year as head of the unit".
_TENURE_NOUNS = frozenset({"term", "tenure", "stint", "spell", "season", "year", "month", "week", "reign", "mandate"})


def _tenure_roles(verb: Token, sid: str, how: str) -> Iterator[tuple]:
    """The office of a time in office the clause is in or serves ("who is in his second term as
    secretary of the Forum", "X is serving a third season as captain")."""
    for c in verb.children:
        nouns = [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "in" else \
            [c] if c.dep_ == "dobj" else []
        for noun in nouns:
            if noun.lemma_.lower() not in _TENURE_NOUNS:
                continue
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    for p in prep.children:
                        if p.dep_ == "pobj" and _is_role_noun(p):
                            yield sid, p, f"{how}-tenure", {"verb": verb.lemma_.lower(), "tense": verb.tag_}


def _clause_roles(verb: Token, sid: str, how: str) -> Iterator[tuple]:
    lemma = verb.lemma_.lower()
    if lemma in ("be", "serve", "begin", "start", "enter"):
        yield from _tenure_roles(verb, sid, how)
    if lemma == "be":
        for c in verb.children:
            if c.dep_ in ("attr", "acomp") and _is_role_noun(c):
                yield sid, c, f"{how}-copula", {"tense": verb.tag_}
    elif lemma in _AS_VERBS or lemma in ("name", "appoint", "elect", "hire", "choose", "make", "promote"):
        for c in verb.children:
            if c.dep_ in ("oprd", "attr", "xcomp") and _is_role_noun(c):  # "was appointed coach"
                yield sid, c, f"{how}-complement", {"verb": lemma, "tense": verb.tag_}
            if c.dep_ == "prep" and c.lower_ == "as":
                for p in c.children:
                    if p.dep_ == "pobj" and _is_role_noun(p):
                        yield sid, p, f"{how}-as", {"verb": lemma, "tense": verb.tag_, "since": _perfect_since(verb)}
    elif lemma in _LEAD_VERBS and verb.pos_ == "VERB":
        for c in verb.children:
            if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN"):
                yield sid, c, f"{how}-leads", {"verb": lemma, "role": _LEAD_VERBS[lemma], "tense": verb.tag_}


def _in_court(side: Token) -> bool:
    """A defence or prosecution of a trial, not a team's: owned by a person ("Kowalchuk's defence")
    or in a sentence about a court ("led the defence at the trial"); "led the defence superbly"
    in a match report is the back line."""
    if any(c.dep_ == "poss" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") for c in side.children):
        return True
    return any(t.lower_ in _COURT_WORDS for t in side.sent)


def _role_claim(reader: Reader, doc: Doc, sid: str, role_token: Token, how: str, extra: dict) -> Claim | None:
    if how.endswith("-leads"):
        role = extra["role"]
        organisation = _phrase_text(role_token)
        start, end = _span_bounds([role_token.head, *role_token.subtree])
        side = _COURT_SIDES.get(role_token.lemma_.lower()) if extra["verb"] in ("lead", "head", "conduct") else None
        if side is not None and _in_court(role_token):  # "led Kowalchuk's defence": counsel for that side
            role, organisation = side, ""
    else:
        if role_token.i + 1 < len(doc) and doc[role_token.i + 1].text in ("'s", "’s"):
            return None  # "X, the chief executive's husband": the role of whom X is related to
        words, modifiers = _role_words(role_token)
        role = _best_role(words)
        if role is None:
            return None
        i = role_token.i
        if i >= 2 and doc[i - 1].text == "-" and is_named_role(f"{doc[i - 2].lower_} {role}"):
            role = f"{doc[i - 2].lower_} {role}"  # "co-driver" split at its hyphen by the tokenizer
        role = role_synonym(role)
        first = min([m.i for m in modifiers] + [role_token.i])
        if first > role_token.sent.start and doc[first - 1].lower_ in ("shadow", "deputy", "vice") \
                and doc[first - 1] not in modifiers and not role.startswith(doc[first - 1].lower_):
            # "described shadow chancellor Oliver Letwin": the small model reads "shadow" as a verb
            modifiers = [doc[first - 1], *modifiers]
            words = [doc[first - 1].lower_, *words]
        rank = [w for w in words[: len(words) - len(role.split())] if w in _RANKS]
        if rank and not role.startswith(rank[-1]):
            role = f"{rank[-1]} {role}"  # "deputy managing director" is another post
        field_name = reader.ctx.field_of(doc)
        organisation = _organisation_of(role_token, lambda i: _names_person(reader, field_name, i))
        start, end = _span_bounds([*modifiers, role_token])
    qualifiers = time_modifiers(_modifier_tokens(role_token)) | stance(role_token)
    qualifiers -= {"new"}
    if how in ("title", "apposition", "description"):
        qualifiers.discard("negated")  # "The outgoing governor, X, did not seek re-election": still governor
    if extra.get("ambiguous"):
        qualifiers.add("ambiguous")
    if how == "description":
        qualifiers.add("description")
    if extra.get("verb") == "serve" and extra.get("tense") in ("VBD", "VBN") and not extra.get("since"):
        qualifiers.add("former")  # "served as treasurer"; not "has served as treasurer since 2019"
    if extra.get("tense") == "VBD" and how.endswith("tenure"):
        qualifiers.add("former")  # "who was in her third term as secretary": a time in office that is over
    if extra.get("tense") in ("VBD",) and how.endswith("copula"):
        qualifiers.add("past-tense")
    if reports_change(role_token):
        qualifiers.add("change")
    if _prospective(role_token):
        qualifiers.add("future")
    succession = _succession(role_token)
    if succession:
        qualifiers.add(succession)
    data = {"how": how, "class": role_class(role, "party" if organisation and party_of(organisation) else None)}
    resolved = _described_body(reader, doc, role_token, organisation) \
        if organisation and not (how.endswith("-leads") and role == "head") else None  # "led the team": no post
    if resolved is not None:  # "the airline's chief executive": the airline the article names
        data["organisation_text"], data["organisation_how"] = organisation, resolved[1]
        organisation = resolved[0]
    if organisation:
        data["organisation"] = organisation
        words = set(organisation.replace("'s", "").split())
        # whether the small model saw a name there: "Arms" in "Sergeant of Arms" is no body
        data["org_entity"] = sum(w[:1].isupper() for w in words) >= 2 or any(
            w.isupper() and w.isalpha() and len(w) >= 2 for w in words) or any(
            t.ent_type_ in ("ORG", "GPE", "FAC", "NORP", "PERSON", "PRODUCT") and t.text in words
            for t in role_token.sent) or _named_after_at(role_token, organisation)
    return reader.claim(sid, "role", role, doc, start, end, "roles", qualifiers, **data)


def _names_person(reader: Reader, field_name: str, i: int) -> bool:
    """The token names a person: not a lone word the small model called a person that the article
    never names in full ("a spokeswoman for Aurora", a body's short name; `Reader.weakly_named`)."""
    sid = reader.person_at(field_name, i)
    if sid is None or reader.weakly_named(sid):
        return False
    mention = reader.mention_at(field_name, i)
    if mention is None or mention.given or not mention.surname:
        return True
    person = next((p for p in reader.ctx.person_names if f"person:{p.id}" == sid), None)
    if person is None:
        return True
    # "Aurora Robotics ... a spokeswoman for Aurora": the lone word is the full name's first word and
    # the article never calls it by its last, as it calls a body by its short name and a person by surname
    firsts = {m.given[0] for m in person.full_mentions if m.given}
    surnames = {m.surname for m in person.full_mentions}
    lone = {m.surname for m in person.mentions if not m.given}
    return not (mention.surname in firsts and not lone & surnames)


def _succession(role_token: Token) -> str | None:
    """"change" for a role named as what someone succeeds to ("his successor as race director",
    "her replacement as captain"), "former" for what a predecessor held ("his predecessor as
    mayor"): in a handover one of the two holders is not the current one."""
    if role_token.dep_ != "pobj" or role_token.head.lower_ != "as":
        return None
    noun = role_token.head.head
    lemma = noun.lemma_.lower() if noun.pos_ in ("NOUN", "PROPN") else ""
    return "former" if lemma == "predecessor" else "change" if lemma in ("successor", "replacement", "heir") else None


def _prospective(role_token: Token) -> bool:
    """Whether a role is one the person may hold later, not one held now: a prospective modifier
    ("the next chancellor", "the likely nominee"), "-in-waiting" after it ("a prime minister-in-waiting"),
    or the role is the complement of a verb in the future or the hypothetical ("X will make a fine
    coach", "tipped to become the next chair", "X would be named captain")."""
    if any(c.dep_ == "amod" and c.lower_ in _PROSPECTIVE for c in role_token.children):
        return True
    doc = role_token.doc
    if doc_text(doc)[role_token.idx + len(role_token.text):].startswith("-in-waiting"):
        return True
    node = role_token
    verb = next((t for t in role_token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.lemma_.lower() in ("make", "become") and role_token.dep_ != "compound" and (
            role_token.dep_ != "nsubj" or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in role_token.children)) \
            and any(c.dep_ == "aux" and c.lower_ in _PROSPECTIVE_AUX for c in verb.children):
        return True  # "how good a prime minister X will make", "what sort of coach X would make"
    if node.dep_ == "pobj" and node.head.lower_ == "as":
        node = node.head  # "tipped as the next chancellor"
    if node.dep_ not in ("attr", "oprd", "dobj", "xcomp", "prep") or node.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = node.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _PROSPECTIVE_AUX for a in auxes):
        return True
    # "to become": an infinitive governed by a verb of expecting ("tipped/expected/set to become")
    return any(a.lower_ == "to" for a in auxes) and verb.dep_ == "xcomp" and verb.lemma_.lower() in (
        "become", "be", "take", "succeed", "replace")


def _named_after_at(role_token: Token, organisation: str) -> bool:
    """"head of A&R at Hljóðbylgja": a capitalised name after "at" is a body even when untagged."""
    from ..people import is_known_place

    sent = role_token.sent
    return organisation[:1].isupper() and not is_known_place(organisation) and any(
        t.lower_ == "at" and t.i > role_token.i and sent.doc[t.i + 1:t.i + 1 + len(organisation.split())].text
        == organisation for t in sent if t.i + 1 < sent.end)


def _described_body(reader: Reader, doc: Doc, role_token: Token, organisation: str) -> tuple[str, str] | None:
    """(name, how) of the named organisation a role's "the airline's" or "of the union" stands for
    (`orgrefs`), or None."""
    if " " in organisation or not organisation.islower():
        return None
    field_name = reader.ctx.field_of(doc)
    sent = role_token.sent
    for t in doc[max(sent.start, role_token.i - 6):min(sent.end, role_token.i + 6)]:
        if t.lower_ == organisation and description_head(t):
            found = references(reader).at(field_name, t.i)
            return found if found is not None and found[1] in ("noun", "recent") else None
    return None


# Verbs of saying that come before their speaker ("said the coach, X"; "added", "told").
SPEECH_LEMMAS = frozenset({"say", "add", "tell", "explain", "insist", "note", "argue", "warn", "ask", "write"})


# --- role phrases ----------------------------------------------------------------------
def _perfect_since(verb: Token) -> bool:
    """A present perfect that runs from a time to now: "has served as chief negotiator since 2019"."""
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "since" for c in verb.children)


def _is_role_noun(token: Token) -> bool:
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("PERSON", "GPE", "NORP", "ORG"):
        return False
    lemma = token.lemma_.lower()
    if lemma in KIN_WORDS or token.lower_ in KIN_WORDS or lemma in ORGANISATION_NOUNS or lemma in _NOT_ROLES:
        return False
    if lemma.endswith(_TRADE_SUFFIXES) and token.pos_ == "NOUN":
        return True  # "vaccinologist", "seismologist", "cinematographer": trades the lexicon may lack
    return is_person_noun(lemma) or is_person_noun(token.lower_)


def _role_words(role_token: Token) -> tuple[list[str], list[Token]]:
    """The role noun with the modifier words directly before it that can be part of a role name."""
    modifiers: list[Token] = []
    doc = role_token.doc
    i = role_token.i - 1
    while i >= role_token.sent.start:
        t = doc[i]
        if t.text == "-" or (t.head.i == role_token.i or t.head in modifiers) and t.dep_ in _PHRASE_DEPS:
            if (t.ent_type_ in _ORG_LABELS | {"NORP", "PERSON", "DATE", "CARDINAL"}
                    and not _names_a_role_with(t, modifiers, role_token)) or t.lower_ in TIME_MODIFIERS:
                break  # "Acme chief executive": the organisation; "Home Secretary" (tagged ORG): one office
            if t.pos_ in ("NUM", "DET", "PRON") or t.pos_ == "PROPN" and not (
                    _office_word(t) or _is_role_noun(t) or _names_a_role_with(t, modifiers, role_token)):
                break
            modifiers.insert(0, t)
            i -= 1
            continue
        break
    words = [t.lower_ for t in modifiers if t.text != "-"] + [role_token.lemma_.lower()]
    return words, [t for t in modifiers if t.text != "-" or modifiers.index(t) > 0]


def _names_a_role_with(token: Token, modifiers: list[Token], role_token: Token) -> bool:
    """A capitalised word that with the words after it names a known role: "Home" in "Home Secretary"."""
    words = [token.lower_] + [t.lower_ for t in modifiers if t.text != "-"] + [role_token.lemma_.lower()]
    return is_named_role(" ".join(words))


def _office_word(token: Token) -> bool:
    """A capitalised word of an office's name: "Foreign" and "Prime" in "Foreign Minister", "Prime Minister"."""
    return token.ent_type_ not in ("PERSON", "GPE", "NORP", "ORG") and (
        token.lower_ in ROLE_QUALIFIERS or token.lower_ in ROLE_WORDS or token.lower_ in _RANKS)


def _is_office(words: list[str]) -> bool:
    """Office words ending in an office noun: "foreign minister", "prime minister", "finance chief"."""
    return len(words) > 1 and words[-1] in ROLE_WORDS and all(w in ROLE_QUALIFIERS for w in words[:-1])


def _best_role(words: list[str]) -> str | None:
    """The longest tail of the words that names a role ("senior lecturer", "goalkeeping coach")."""
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[-n:])
        if is_named_role(phrase) or _is_office(words[-n:]):
            return phrase
    for n in range(min(3, len(words)), 0, -1):
        phrase = " ".join(words[-n:])
        if is_person_noun(phrase) or is_person_noun(phrase.replace(" ", "-")):
            return phrase
    return words[-1] if words and words[-1].endswith(_TRADE_SUFFIXES) else None


def _modifier_tokens(role_token: Token) -> list[Token]:
    doc = role_token.doc
    found = [c for c in role_token.children if c.i < role_token.i]
    j = role_token.i - 1
    while j >= role_token.sent.start and j >= role_token.i - 4 and doc[j].pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT"):
        found.append(doc[j])
        j -= 1
    return found


def _organisation_of(role_token: Token, names_person: Callable[[int], bool] = lambda i: False) -> str | None:
    """The body a role belongs to: "Barcelona winger", "the club's coach", "coach at Benfica"."""
    doc = role_token.doc
    j = role_token.i - 1
    while j > role_token.sent.start and doc[j].pos_ in ("ADJ", "NOUN", "PUNCT") and doc[j].text not in (",", "("):
        j -= 1
    if j > role_token.sent.start and doc[j].text in ("'s", "’s", "'"):  # "Medivio's spokesman"
        k = j - 1
        while k > role_token.sent.start and doc[k - 1].pos_ == "PROPN":
            k -= 1
        return doc[k:j].text
    nxt = role_token.i + 1
    if nxt + 1 < role_token.sent.end and doc[nxt].lower_ in ("of", "for", "at", "with"):
        end = nxt + 1
        while end < role_token.sent.end and doc[end].text not in (",", ";", ".", "(", ")") and \
                doc[end].pos_ in ("DET", "PROPN", "NOUN", "ADJ", "ADP", "PART", "CCONJ") and end - nxt < 9 \
                and not names_person(end):  # "Mayor of Leeds John Smith": the body ends at the name
            end += 1
        at = next((k for k in range(nxt + 2, end) if doc[k].lower_ in ("at", "with") and doc[k].pos_ == "ADP"), None)
        if doc[nxt].lower_ == "of" and at is not None:  # "head of relief operations at the Kogi State Agency"
            body_end = at + 1
            while body_end < role_token.sent.end and doc[body_end].text not in (",", ";", ".", "(", ")") and \
                    doc[body_end].pos_ in ("DET", "PROPN", "NOUN", "ADJ", "PART", "CCONJ") and body_end - at < 9:
                body_end += 1
            body = doc[at + 1:body_end]
            if any(t.pos_ == "PROPN" for t in body):
                phrase = body.text
                return phrase[4:] if phrase.lower().startswith("the ") else phrase
        while end > nxt + 2 and doc[end - 1].pos_ in ("ADP", "CCONJ", "PART", "DET"):
            end -= 1  # "of the Potters Union in 2015": the body ends before "in"
        phrase = doc[nxt + 1:end].text
        return phrase[4:] if phrase.lower().startswith("the ") else phrase
    names = [t for t in doc[max(role_token.sent.start, role_token.i - 5):role_token.i]
             if t.ent_type_ in ("ORG", "GPE", "FAC") and t.head.i in (role_token.i, *[c.i for c in role_token.children])]
    if names:
        return " ".join(t.text for t in names)
    title_body = _title_body(role_token)
    if title_body:
        return title_body
    for c in role_token.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") and c.lower_ not in ("his", "her", "their"):
            return _phrase_text(c)
        if c.dep_ == "poss" and c.lower_ == "its":
            owner = _its_owner(c, names_person)
            if owner is not None:
                return owner
        if c.dep_ == "prep" and c.lower_ in ("of", "at", "for", "with"):
            for p in c.children:
                if p.dep_ == "pobj" and (p.pos_ == "PROPN" or p.ent_type_ in _ORG_LABELS or p.pos_ == "NOUN"):
                    return _phrase_text(p)
    return None


def _its_owner(its: Token, names_person: Callable[[int], bool]) -> str | None:
    """The body "its" stands for, when its sentence has named one owner before it: "The DA's
    campaign was run by its regional chairperson", "Acme said its chief executive": the nearest
    word before it that owns something or is a subject (or that subject's owner), when that is a
    proper noun and no person ("The company's board said its chairman": no name; "Tom Reed's firm
    said its": a person's, not a body's)."""
    doc = its.doc
    for j in range(its.i - 1, its.sent.start - 1, -1):
        t = doc[j]
        if t.dep_ in ("poss", "nsubj", "nsubjpass") and t.pos_ in ("PROPN", "NOUN", "PRON"):
            if t.pos_ == "NOUN":  # "The DA's campaign was run by its ...": the subject's owner
                t = next((c for c in t.children if c.dep_ == "poss"), t)
            if t.pos_ == "PROPN" and t.text[:1].isupper() and not names_person(t.i) \
                    and t.ent_type_ not in ("PERSON", "GPE", "NORP", "DATE"):
                return _phrase_text(t)
            return None
    return None


def _title_body(role_token: Token) -> str | None:
    """The capitalised words of a title before its role words: "Russian" in "Russian Foreign
    Minister", "Acme" in "Acme chief executive", "Waikato Club Rugby Board" in "Waikato Club
    Rugby Board chief executive". Read from the parse: words that modify the role phrase."""
    doc = role_token.doc
    words, modifiers = _role_words(role_token)
    role = _best_role(words)
    phrase = [*modifiers, role_token][-len(role.split()):] if role else [role_token]
    while phrase and phrase[0].i > 0 and doc[phrase[0].i - 1].lower_ in _RANKS:
        phrase.insert(0, doc[phrase[0].i - 1])  # "deputy" is part of the office, not of its body
    chain = {role_token.i, *(t.i for t in modifiers)}
    if role_token.dep_ in ("compound", "nmod") and role_token.head.i > role_token.i:
        name = role_token.head  # a title hangs on the name: "Barcelona winger Iker Solano"
        chain |= {name.i, *(c.i for c in name.children if c.dep_ == "compound")}
    nxt = role_token.i + 1
    if nxt < len(doc) and doc[nxt].ent_type_ == "PERSON":  # the name the title stands before
        name = doc[nxt] if doc[nxt].dep_ != "compound" else doc[nxt].head
        chain |= {name.i, *(c.i for c in name.children if c.dep_ == "compound")}
    if role_token.dep_ == "appos" and role_token.head.i < role_token.i:
        chain.add(role_token.head.i)  # "Barcelona winger" parsed as a winger in apposition to Barcelona
        if role_token.head.i == (modifiers[0].i if modifiers else role_token.i) - 1:
            chain |= {t.i for t in role_token.head.subtree if t.i < role_token.i}
    j = phrase[0].i - 1
    end = j + 1
    while j >= role_token.sent.start and end - j < 6:
        t = doc[j]
        if not t.text[:1].isupper() or t.ent_type_ == "PERSON" or t.lower_ in _RANKS or t.lower_ in TIME_MODIFIERS \
                or t.pos_ in ("DET", "PRON", "ADP", "AUX", "CCONJ", "SCONJ", "NUM", "PUNCT") \
                or t.dep_ not in ("compound", "nmod", "amod", "npadvmod") or t.head.i not in chain:
            break
        chain.add(j)
        j -= 1
    words = doc[j + 1:end]
    if not len(words) or all(t.lower_ in ROLE_QUALIFIERS or t.lower_ in ROLE_WORDS for t in words):
        return None
    return words.text


def _phrase_text(token: Token) -> str:
    words = [t for t in token.subtree if t.dep_ not in ("det", "case", "punct") and t.pos_ != "DET"]
    text = " ".join(t.text for t in words)
    return re.sub(r"\s+'s$", "", text).strip()


def _title_tagged_as_verb(token: Token) -> bool:
    """A person noun right before a name that the tagger took for a verb, though English has no
    such verb (WordNet's verbs, `lexicon.verb_lemmas`): "goaltender", "winger". A noun that is also
    a verb ("coach", "judge", "host") keeps the parse's reading: "to coach Tom Smith"."""
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    if before is not None and before.pos_ == "CCONJ":
        return False  # "Singer and guitarist X": a title in a pair, which the parse already reads its way
    return token.pos_ == "VERB" and token.lower_ == token.text and not token.ent_type_ \
        and token.lower_ not in verb_lemmas() and is_person_noun(token.lower_)


def _title_word(token: Token) -> bool:
    """Words that can stand in a title before a name: "Barcelona's Spanish left-back"."""
    if token.is_punct and token.text != "-":
        return False
    if "\n" in token.text or token.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "NUM"):
        return False
    return token.lower_ not in ("the", "a", "an") or False


def _age_description(token: Token) -> bool:
    """"the 27-year-old winger": a definite role noun with an age among its modifiers."""
    has_the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    if not has_the:
        return False
    doc = token.doc
    window = doc[max(token.sent.start, token.i - 6):token.i].text
    return bool(re.search(r"\b\d{1,3}-year-old\b", window))


def _names_someone(reader: Reader, field_name: str, token: Token) -> bool:
    """Whether the role noun already introduces a name ("the winger Iker Solano")."""
    for c in token.children:
        if c.dep_ in ("appos", "compound") and reader.person_at(field_name, c.i):
            return True
    nxt = token.i + 1
    return nxt < len(token.doc) and reader.person_at(field_name, nxt) is not None


def _span_bounds(tokens: list[Token]) -> tuple[int, int]:
    idx = [t.i for t in tokens]
    return min(idx), max(idx) + 1


def _head_of(doc: Doc, start: int, end: int) -> int:
    """The syntactic head of tokens [start, end): the one whose head lies outside."""
    for i in range(end - 1, start - 1, -1):
        if not start <= doc[i].head.i < end or doc[i].head.i == i:
            return i
    return end - 1

