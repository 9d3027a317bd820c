"""Ages and birth dates of people; ages and founding dates of companies and other things.

`age` claims (value: years, an int) come from "Hughes, 27,", "Hughes (27)", "aged 27",
"Hughes, who is 27,", "Hughes, who at 27 is the youngest", "who turns 28 in June" (`how`
"turns", qualifier `future`; "turned": `past`), "the 27-year-old" (a description
attached to the person it refers to, read over quoted speech: `_description_owner`) and
"27-year-old Hughes". An age at another time ("at 19",
"when she was 19", "as a 19-year-old", "aged 19 when") carries the qualifier `past`; an age
no one reaches ("died aged 186") the qualifier `implausible`. "The 10-year-old company" is an
`age` of the subject `thing:company`.

`founded` claims (value: "YYYY", "YYYY-MM" or "YYYY-MM-DD") come from "the company, founded
in 2001,", "the firm was set up in 1999", "Acme, established in 1990," (a company named by a
common noun, or an organisation entity).

`birth` claims (value: "YYYY", "YYYY-MM" or "YYYY-MM-DD") come from "born in May 1981",
"born on 3 March 1990", "Hughes, born 1990,", "Born in Lagos in 1981, Hughes ...",
"who was born in 1981" and "was born in 1981".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .qualifiers import inside_quotation, stance

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..ledger import Claim, Reader

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_YEAR = re.compile(r"^(1[89][0-9][0-9]|20[0-9][0-9])$")
_PAST_CUES = frozenset({"when", "at", "as", "since", "until", "before", "after", "by"})
_NON_PERSON_OWNERS = frozenset("""
company firm business building house car plant school club team brand band record law scheme tradition
festival event contest business institution church station bridge rule system programme program policy
marriage relationship partnership career rivalry feud dispute war conflict case mystery tree horse dog
""".split())


def extract(reader: Reader) -> Iterator[Claim]:
    """`age` and `birth` claims about people."""
    for field_name, doc in reader.ctx.docs:
        for token in reader.ctx.tokens(field_name):
            if token.like_num and _ascii_digits(token.text):
                found = _age_at(reader, field_name, doc, token)
                if found is not None:
                    yield found
            elif token.lower_ == "born":
                found = _birth_at(reader, field_name, doc, token)
                if found is not None:
                    yield found
            elif token.lemma_.lower() in _FOUNDING_VERBS and token.tag_ == "VBN":
                found = _founding_at(reader, field_name, doc, token)
                if found is not None:
                    yield found


def _ascii_digits(text: str) -> bool:
    """Digits 0-9 only: "27", not "²" or "٢٧", which str.isdigit also accepts."""
    return text.isascii() and text.isdigit()


# --- ages --------------------------------------------------------------------------------
def age_expression(doc: Doc, start: int, end: int) -> bool:
    """Whether the number at doc[start:end] is written as an age, whoever's it is: "aged 44",
    "at the age of 44", "a 44-year-old", "44 years old", "(44)" is not (it needs a person).

    For numbers whose owner does not matter: the quantity claims mark such a number
    `how="age"`, which the headline rules read (an unnamed "dies aged 92"). The age claims
    below read the same forms with their owner (`_age_at`, `_year_old`), each form its own way."""
    before = [t.lower_ for t in doc[max(0, start - 3):start]]
    after = [t.lower_ for t in doc[end:end + 4]]
    return (before[-1:] == ["aged"] or before[-3:] == ["the", "age", "of"]
            or after[:4] in (["-", "year", "-", "old"], ["-", "years", "-", "old"])
            or after[:2] in (["years", "old"], ["year", "old"], ["-year", "-old"]))


def _age_at(reader: Reader, field_name: str, doc: Doc, token: Token) -> Claim | None:
    value = int(token.text)
    if not 0 < value < 1000:
        return None
    i = token.i
    sent = token.sent
    prev = doc[i - 1] if i > sent.start else None
    nxt = doc[i + 1] if i + 1 < sent.end else None
    # "27-year-old" (tokenised 27 - year - old)
    if i + 4 <= sent.end - 1 or i + 4 < len(doc):
        words = [t.lower_ for t in doc[i + 1:i + 4]]
        if words == ["-", "year", "-"] and i + 4 < len(doc) and doc[i + 4].lower_ == "old":
            return _year_old(reader, field_name, doc, token, value)
    sid: str | None = None
    start, end = i, i + 1
    how = ""
    if prev is not None and prev.lower_ == "aged":
        sid = _owner_of_phrase(reader, field_name, prev)
        start, how = i - 1, "aged"
    elif value >= 130:
        return None  # only "aged 186" is read as an impossible age; "Focus, 150," is no age
    elif prev is not None and prev.lemma_.lower() == "turn" and prev.pos_ == "VERB" and token.head.i == prev.i:
        return _turning(reader, field_name, doc, token, prev, value)
    elif prev is not None and prev.lower_ == "at" and prev.head.pos_ in ("AUX", "VERB") \
            and prev.head.tag_ in ("VBZ", "VBP") and prev.head.lemma_ == "be":
        # "Hrafnhildur, who at 47 is the youngest leader": an age now, in the present tense
        verb = prev.head
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if subj and subj[0].lower_ == "who" and verb.dep_ == "relcl":
            sid = reader.person_at(field_name, verb.head.i)
        elif subj:
            sid = reader.refers_to(subj[0])
        if sid is None:
            return None
        qualifiers = stance(token) | ({"implausible"} if value >= 130 else set())
        return reader.claim(sid, "age", value, doc, i - 1, end, "ages", qualifiers, how="at-present")
    elif prev is not None and nxt is not None and prev.text in (",", "(") and nxt.text in (",", ")", ";", "."):
        sid = reader.person_at(field_name, prev.i - 1) if prev.i - 1 >= sent.start else None
        how = "apposition"
    elif prev is not None and prev.lemma_ == "be" and i >= 2:
        subj = [c for c in prev.children if c.dep_ == "nsubj"]
        if subj and (nxt is None or nxt.lower_ not in ("years", "year", "percent", "%", "per")):
            subject = subj[0]
            if subject.lower_ in ("who",) and prev.head.dep_ == "relcl":
                sid = reader.person_at(field_name, prev.head.head.i) if prev.head.head else None
            else:
                sid = reader.refers_to(subject)
            how = "copula"
    if sid is None:
        return None
    qualifiers = _age_qualifiers(doc, start) | stance(token) | ({"implausible"} if value >= 130 else set())
    return reader.claim(sid, "age", value, doc, start, end, "ages", qualifiers, how=how)


def _year_old(reader: Reader, field_name: str, doc: Doc, token: Token, value: int) -> Claim | None:
    if value >= 130:
        return None  # "the 150-year-old oak": no person's age
    i = token.i
    old = doc[i + 4]
    owner = old.head if old.head.i != old.i else old
    after = doc[i + 5] if i + 5 < len(doc) else None
    sid = None
    how = "year-old"
    # "27-year-old Hughes", "the 27-year-old striker Hughes"
    for j in range(i + 5, min(i + 9, token.sent.end)):
        sid = reader.person_at(field_name, j)
        if sid:
            break
        if doc[j].pos_ not in ("NOUN", "ADJ", "PROPN", "PUNCT") or doc[j].text in (",", "."):
            break
    if sid is None:
        det = doc[i - 1].lower_ if i > token.sent.start else ""
        head_word = owner.lemma_.lower() if owner.i != old.i else ""
        if head_word in _NON_PERSON_OWNERS:
            return _thing_age(reader, doc, token, owner, value)
        if det == "the":
            sid, near_rivals = _description_owner(reader, field_name, doc, i)
            how = "description"
            # "the 45-year-old said": a bare description takes up someone named; one with its own
            # noun ("the 16-year-old boy", "the 88-year-old revolutionary") may bring in someone new
            bare = after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ") or after.tag_ == "POS"
            rivals = near_rivals if sid and bare else None
            doer = None if bare or owner.i == old.i else _doer_of(reader, field_name, doc, owner, i)
            if doer is None and not bare and owner.i != old.i:
                doer = _role_holder(reader, owner, i)
            if doer is not None:
                sid, rivals = doer, 0  # "the 76-year-old garland seller" after "Kalaivani Rajendran ... sold garlands"
        elif doc[i - 1].text == "," and i - 2 >= token.sent.start:
            sid = reader.person_at(field_name, i - 2)
        elif after is not None and after.text == "," and i - 2 >= 0 and doc[i - 1].text in ("a", "an"):
            # "Hughes, a 27-year-old from Leeds,": apposition with an indefinite article
            sid = reader.person_at(field_name, i - 3) if doc[i - 2].text == "," else None
            how = "apposition"
    if sid is None:
        return None
    qualifiers = _age_qualifiers(doc, i) | stance(token)
    if doc[i - 1].lower_ in ("a", "an") and i >= 2 and doc[i - 2].lower_ == "as":
        qualifiers.add("past")
    if how == "description":
        qualifiers.add("description")
        return reader.claim(sid, "age", value, doc, i, i + 5, "ages", qualifiers, how=how, rivals=rivals)
    return reader.claim(sid, "age", value, doc, i, i + 5, "ages", qualifiers, how=how)


def _description_owner(reader: Reader, field_name: str, doc: Doc, token_i: int,
                       max_distance: int = 2) -> tuple[str | None, int]:
    """Who a definite description ("the 44-year-old") refers to, and how many others it could.

    As `Reader.salient_person` (the last person named in this or the previous two sentences,
    the subject of a clause preferred), but read over quoted speech: sentences wholly inside a
    quotation are not counted in the distance and names inside one are not candidates (the
    speaker is, not whom they speak of), and a person known only by a description of their own
    ("said the Scot", "the Kenyan") stands for the person it took up. Rivals are the others named
    since the chosen person's last mention, or beside it; none when the chosen person was named
    alone in this sentence or the one before. A surname of someone named in the article, written
    again where the model tagged no name ("lifts Mensah-Bonsu's record"), is a mention too."""
    rank = _sentence_ranks(doc)
    here = rank[doc[token_i].sent.start]
    quoted_here = inside_quotation(doc[token_i])
    seen: list[tuple[int, int, str, bool]] = []  # (rank, start, sid, is_subject)
    mentions = sorted([*reader._mentions_in_order, *_missed_surnames(reader, field_name, doc, token_i)],
                      key=lambda t: t[1])
    for f, start, sid, is_subject in mentions:
        if f != field_name or start >= token_i or (inside_quotation(doc[start]) and not quoted_here):
            continue
        dist = here - rank[doc[start].sent.start]
        if dist > max_distance:
            continue
        if _known_by_description(reader, field_name, doc, sid):
            sid = _stand_in(reader, field_name, doc, start, rank, max_distance)
            if sid is None:
                continue
        seen.append((rank[doc[start].sent.start], start, sid, is_subject))
    best: tuple[int, int, str] | None = None
    for sent_rank, start, sid, is_subject in seen:
        score = (max_distance - (here - sent_rank)) * 2 + (1 if is_subject else 0)
        if best is None or (score, start) >= (best[0], best[1]):
            best = (score, start, sid)
    if best is None:
        return None, 0
    chosen = best[2]
    last = max((r, s) for r, s, sid, _ in seen if sid == chosen)
    if here - last[0] <= 1:
        rivals = {sid for r, s, sid, _ in seen if sid != chosen and (s > last[1] or r == last[0])}
    else:
        rivals = {sid for _, _, sid, _ in seen if sid != chosen}
    return chosen, len(rivals)


def _doer_of(reader: Reader, field_name: str, doc: Doc, noun: Token, before: int) -> str | None:
    """The one person named earlier as doing what a description's agent noun says: "the garland seller"
    takes up the person who "sold jasmine garlands", "the bus driver" the one who "drove the bus". The
    noun is the verb with "-er", "-r" or "-or" ("seller", "driver", "sailor"); a compound before it
    ("garland") must be the lemma of the verb's object. None when no one, or several people, did it."""
    lemma = noun.lemma_.lower()
    if len(lemma) < 5 or not lemma.endswith(("er", "or")):
        return None
    thing = next((c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.i < noun.i), None)
    found: set[str] = set()
    for verb in doc[:before]:
        if verb.pos_ != "VERB" or inside_quotation(verb):
            continue
        stem = verb.lemma_.lower()
        if lemma not in (stem + "er", stem + "r", stem + "or", stem + stem[-1:] + "er"):
            continue
        if thing is not None and not any(c.dep_ == "dobj" and c.lemma_.lower() == thing for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        sid = reader.person_at(field_name, subject.i) if subject is not None else None
        if sid is not None:
            found.add(sid)
    return found.pop() if len(found) == 1 else None


def _missed_surnames(reader: Reader, field_name: str, doc: Doc, token_i: int) -> list[tuple[str, int, str, bool]]:
    """Surnames of people named in the article written again where the model tagged no name ("lifts
    Mensah-Bonsu's record"), in the sentence of a description and the two before it: mentions for the
    description's owner. A surname two people share is left out."""
    owners: dict[str, set[str]] = {}
    for person in reader.ctx.person_names:
        for m in person.mentions:
            if m.surname and len(m.surname) > 2:
                owners.setdefault(m.surname, set()).add(f"person:{person.id}")
    if not owners:
        return []
    start = _sentence_back_start(doc[token_i], 2)
    found = []
    for name, sids in owners.items():
        if len(sids) != 1:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", doc.text[doc[start].idx:doc[token_i].idx]):
            span = doc.char_span(doc[start].idx + match.start(), doc[start].idx + match.end())
            if span is None or reader.person_at(field_name, span.start) is not None:
                continue
            found.append((field_name, span.start, next(iter(sids)),
                          any(t.dep_ in ("nsubj", "nsubjpass") for t in span)))
    return found


def _sentence_back_start(token: Token, count: int) -> int:
    start = token.sent.start
    for _ in range(count):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start


def _role_holder(reader: Reader, noun: Token, before: int) -> str | None:
    """The one person the article gave this role before, by a claim of their own: "the 43-year-old
    playwright" takes up "playwright Solveig Einarsdottir", not the director named since. None when
    no one or several people hold it, or it was read from a description itself."""
    lemma = noun.lemma_.lower()
    field_name = reader.ctx.field_of(noun)
    holders = {c.subject for c in reader.read if c.attribute == "role" and c.subject.startswith("person:")
               and "description" not in c.qualifiers and c.span.field == field_name
               and str(c.value).split()[-1:] == [lemma] and c.span.start < noun.doc[before].idx}
    return holders.pop() if len(holders) == 1 else None


def _sentence_ranks(doc: Doc) -> dict[int, int]:
    """Each sentence's start -> its index counting only sentences with words outside quotation marks."""
    ranks: dict[int, int] = {}
    count = 0
    for sent in doc.sents:
        if any(not inside_quotation(t) for t in sent if not (t.is_punct or t.is_space)):
            count += 1
        ranks[sent.start] = count
    return ranks


def _known_by_description(reader: Reader, field_name: str, doc: Doc, sid: str) -> bool:
    """A "person" whose every mention is one word after "the": "said the Scot", "the Kenyan"."""
    starts = [s for f, s, other, _ in reader._mentions_in_order if f == field_name and other == sid]
    return bool(starts) and all(s > 0 and doc[s - 1].lower_ == "the"
                                and not (s + 1 < len(doc) and doc[s + 1].pos_ == "PROPN") for s in starts)


def _stand_in(reader: Reader, field_name: str, doc: Doc, start: int, rank: dict[int, int],
              max_distance: int) -> str | None:
    """The named person a description-only mention ("the Scot") takes up: the salient one before it."""
    here = rank[doc[start].sent.start]
    best: tuple[int, int, str] | None = None
    for f, s, sid, is_subject in reader._mentions_in_order:
        if f != field_name or s >= start or inside_quotation(doc[s]) \
                or _known_by_description(reader, field_name, doc, sid):
            continue
        dist = here - rank[doc[s].sent.start]
        if dist > max_distance:
            continue
        score = (max_distance - dist) * 2 + (1 if is_subject else 0)
        if best is None or (score, s) >= (best[0], best[1]):
            best = (score, s, sid)
    return best[2] if best else None


def _thing_age(reader: Reader, doc: Doc, token: Token, owner: Token, value: int) -> Claim | None:
    """"the 10-year-old company": the age of the thing the description names."""
    if value >= 130:
        return None
    sid = _thing_subject(reader, doc, owner)
    return reader.claim(sid, "age", value, doc, token.i, token.i + 5, "ages", stance(token), how="year-old")


def _thing_subject(reader: Reader, doc: Doc, noun: Token) -> str:
    """A subject for a company, building or scheme named by a common noun ("the company")."""
    span = reader.span_of(doc, noun.i, noun.i + 1)
    return reader.add_subject(f"thing:{noun.lemma_.lower()}", "organisation", f"the {noun.lemma_.lower()}", span)


def _owner_of_phrase(reader: Reader, field_name: str, aged: Token) -> str | None:
    """Who "aged 27" describes: the noun it attaches to, else the nearest person before it."""
    for t in (aged.head, *aged.head.ancestors):
        sid = reader.person_at(field_name, t.i)
        if sid:
            return sid
        if t.pos_ == "VERB":
            # "SANTIAGO, 28 March 2024 - Ximena Larrain ... died aged 64": the parser may take the
            # dateline for a second subject; the person is the subject that names one
            for subject in (c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")):
                # or hang the name on the dateline as its apposition ("LISBON, 3 May - Peter Walsh")
                for who in (subject, *(c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN")):
                    if found := reader.refers_to(who):
                        return found  # "Mary Jones, who was born in 1931, died aged 58"
            break
    for j in range(aged.i - 1, max(aged.sent.start, aged.i - 4) - 1, -1):
        sid = reader.person_at(field_name, j)
        if sid:
            return sid
    return None


def _turning(reader: Reader, field_name: str, doc: Doc, token: Token, verb: Token, value: int) -> Claim | None:
    """"Šimko, who turns 34 in June", "she will turn 60 next month", "he turned 40 in March": the age a
    person reaches on a birthday. `how` is "turns" (still to come: qualifier `future`, so the
    age now is one less) or "turned" (past: the age now, or one more when long ago)."""
    if value < 2 or any(t.lower_ in ("year", "years", "percent", "%") for t in doc[token.i + 1:token.i + 2]):
        return None  # "turned 2 percent", "turned 30 years of losses around"
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj:
        return None
    if subj[0].lower_ in ("who",) and verb.dep_ == "relcl":
        sid = reader.person_at(field_name, verb.head.i)
    else:
        sid = reader.refers_to(subj[0])
    if sid is None:
        return None
    past = verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    qualifiers = stance(token) | {"past" if past else "future"}
    return reader.claim(sid, "age", value, doc, verb.i, token.i + 1, "ages", qualifiers,
                        how="turned" if past else "turns")


def _age_qualifiers(doc: Doc, start: int) -> set[str]:
    """`past` when the age is at another time: "at 19", "when he was 19", "aged 19 when"."""
    found: set[str] = set()
    window = [t.lower_ for t in doc[max(start - 3, doc[start].sent.start):start]]
    if window[-1:] == ["at"] or (window and window[-1] in ("was", "were") and "when" in window):
        found.add("past")
    after = [t.lower_ for t in doc[start + 1:min(start + 3, doc[start].sent.end)]]
    if "when" in after[:2]:
        found.add("past")
    if any(t.lower_ in ("turns", "turn", "will") for t in doc[max(start - 2, 0):start]):
        found.add("future")
    return found


# --- birth dates -----------------------------------------------------------------------
def _birth_at(reader: Reader, field_name: str, doc: Doc, born: Token) -> Claim | None:
    date, end = _date_after(doc, born.i + 1, born.sent.end)
    if date is None:
        return None
    sid = _born_subject(reader, field_name, born)
    if sid is None:
        return None
    return reader.claim(sid, "birth", date, doc, born.i, end, "ages", stance(born))


_FOUNDING_VERBS = frozenset({"found", "establish", "incorporate", "set", "form", "launch", "create", "build", "open"})


def _founding_at(reader: Reader, field_name: str, doc: Doc, verb: Token) -> Claim | None:
    """`founded` claims: "The company, founded in 2001,", "the firm was set up in 1999"."""
    if verb.lemma_.lower() == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return None
    start = verb.i + 1
    if verb.lemma_.lower() == "set":
        start = max(c.i for c in verb.children if c.dep_ == "prt") + 1
    date, end = _date_after(doc, start, verb.sent.end)
    if date is None:
        return None
    owner = None
    if verb.dep_ == "acl":
        owner = verb.head
    else:
        owner = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if owner is None or owner.pos_ not in ("NOUN", "PROPN") or owner.ent_type_ in ("PERSON", "GPE", "DATE"):
        return None
    if owner.ent_type_ == "ORG":
        name = " ".join(t.text for t in owner.subtree if t.ent_type_ == "ORG")
        sid = reader.add_subject(f"organisation:{name}", "organisation", name, reader.span_of(doc, owner.i, owner.i + 1))
    elif owner.pos_ == "NOUN" and owner.lemma_.lower() in _NON_PERSON_OWNERS:
        sid = _thing_subject(reader, doc, owner)
    else:
        return None
    return reader.claim(sid, "founded", date, doc, verb.i, end, "ages", stance(verb))


def _born_subject(reader: Reader, field_name: str, born: Token) -> str | None:
    for c in born.children:
        if c.dep_ in ("nsubjpass", "nsubj"):
            if c.lower_ == "who" and born.dep_ == "relcl":
                return reader.person_at(field_name, born.head.i)
            return reader.refers_to(c)
    if born.dep_ in ("acl", "relcl", "appos") and reader.person_at(field_name, born.head.i):
        return reader.person_at(field_name, born.head.i)
    if born.dep_ in ("advcl", "ccomp", "xcomp") or born.i == born.sent.start:
        verb = born.head
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return reader.refers_to(c)
    doc = born.doc
    j = born.i - 1
    while j >= born.sent.start and doc[j].text in (",", "who", "was", "is"):
        j -= 1
    return reader.person_at(field_name, j) if j >= born.sent.start else None


def _date_after(doc: Doc, start: int, limit: int) -> tuple[str | None, int]:
    """The date in the few words after "born": "in May 1981", "on 3 March 1990", "1990"."""
    year = month = day = None
    end = start
    for j in range(start, min(limit, start + 8)):
        t = doc[j]
        word = t.lower_.rstrip(".")
        if _YEAR.match(t.text):
            year, end = int(t.text), j + 1
            break
        if word in _MONTHS:
            month, end = _MONTHS[word], j + 1
        elif _ascii_digits(t.text) and 1 <= int(t.text) <= 31:
            day = int(t.text)
        elif re.fullmatch(r"[0-9]{1,2}(st|nd|rd|th)", t.lower_):
            day = int(re.sub(r"[^0-9]", "", t.lower_))
        elif t.pos_ == "PROPN" and word not in _MONTHS or t.ent_type_ in ("GPE", "LOC"):
            continue  # "born in Lagos in 1985"
        elif word not in ("in", "on", "the", "of", ",", "around", "about") and not t.is_space:
            break
    if year is None:
        return None, start
    if month and day:
        return f"{year:04d}-{month:02d}-{day:02d}", end
    if month:
        return f"{year:04d}-{month:02d}", end
    return f"{year:04d}", end
