"""Quotations: who said what.

Each quotation in the body (between “curly” or "straight" marks, within one paragraph; marks
read by direction, so mixed marks pair and a closing mark never opens: `quotation_spans`) is a
`said` claim. Its subject is the speaker, read from the dependency parse of the sentences the
quotation touches:

- the subject of a speech verb ("... ," said Jane Doe; Doe told reporters: "..."; "...," she
  repeated; Doe echoed the line, "..."), whatever the verb: speech verbs come from WordNet's
  communication verbs (`lexicon.speech_verbs`), the verb that governs the quotation first,
  else the nearest one outside it;
- "according to X"; "as X put it";
- the possessor of a speech noun ("Harcourt's line about ... "...""; "her words, "..."", "in the
  words of X"), nouns
  from WordNet (`lexicon.speech_nouns`);
- "X quoted Y as saying "..."": Y, not X (a speaker quoting someone else).

The speaker is resolved through the ledger's people (names, and pronouns through the
salient person), else to the organisation named ("the ministry said": `organisation:NAME`),
else to a name the people reader did not keep (`name:Nam`), else to a description subject
(`speaker:spokesman`). A quotation with no speaker (a scare
quote, a title, a slogan on a banner) is not a claim.

value: the quotation as written; data: `words` (lower-cased, without punctuation), `verb`
(the speech verb's lemma, or "according to", or the speech noun), `speaker_text` and
`speaker_start`/`speaker_end` (character offsets of the speaker's words), `echoes` (the
person whose words the speaker says they repeat: "echoing Smith", "quoted Smith"), and
`how` (verb, according-to, noun, quoted-as). Qualifiers: `negated`, `hedged` of the speech
verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..lexicon import ORGANISATION_NOUNS, is_person_noun, speech_nouns, speech_verbs
from ..tokens import entity_at
from .qualifiers import stance

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..ledger import Claim, Reader

_MARKS = re.compile(r"[“”\"]")
_OPENS_AFTER = frozenset(" \t([{—–-:;,/")  # a straight mark after these (or at a line start) opens
_WORD = re.compile(r"[\w’']+")
_RELATIVE = frozenset({"who", "which", "that"})
# Verbs by which a speaker says the words are someone else's: "X quoted Y", "echoing Smith".
_REPEAT_LEMMAS = frozenset({"quote", "cite", "echo", "repeat", "parrot", "paraphrase", "reiterate", "misquote"})


def words_of(text: str) -> tuple[str, ...]:
    """A quotation's words, lower-cased, apostrophes unified, punctuation dropped."""
    return tuple(w.lower().replace("’", "'") for w in _WORD.findall(text))


def extract(reader: Reader) -> Iterator[Claim]:
    """`said` claims: (speaker, "said", quotation)."""
    ctx = reader.ctx
    body = ctx.article.body
    doc = ctx.body_doc
    verbs, nouns = speech_verbs(), speech_nouns()
    last: tuple[int, str, dict[str, object]] | None = None  # (end, subject, speaker data) of the last claim
    for q_open, start, end, q_close in quotation_spans(body):
        text = body[start:end].strip()
        if len(words_of(text)) < 2:
            continue
        inner = doc.char_span(start, end, alignment_mode="expand")
        if inner is None or len(inner) == 0:
            continue
        q_first, q_last = inner[0].i, inner[-1].i + 1
        found = _speaker(reader, doc, q_open, q_close, inner, verbs, nouns)
        if found is None:
            # '"...," she said. "I tell them ..."': a quotation that follows an attributed one in
            # the same paragraph, with nothing but the attribution between, is the same speaker's
            if last is not None and _continues(body, last[0], q_open):
                speaker_data = dict(last[2], how="continued")
                yield reader.claim(last[1], "said", text, doc, q_first, q_last, "quotes", (),
                                   words=list(words_of(text)), **speaker_data)
                last = (q_close, last[1], last[2])
            continue
        speaker, how, lemma, anchor = found
        subject, s_start, s_end, s_text = _subject_of(reader, doc, speaker)
        if subject is None:
            last = None
            continue
        qualifiers = stance(anchor) if anchor is not None and anchor.pos_ in ("VERB", "AUX") else set()
        qualifiers.discard("quoted")
        echoes = _echoes(reader, anchor, subject) if anchor is not None else None
        data: dict[str, object] = {"verb": lemma, "how": how, "speaker_text": s_text, "speaker_start": s_start,
                                   "speaker_end": s_end}
        if echoes:
            data["echoes"] = echoes
        yield reader.claim(subject, "said", text, doc, q_first, q_last, "quotes", qualifiers,
                           words=list(words_of(text)), **data)
        last = (q_close, subject, data)


def _direction(text: str, i: int) -> str:
    """Whether the quotation mark at `i` opens or closes: curly marks say so; a straight mark
    opens after a space, a bracket or a dash (or at a line start) before a word, and closes
    after a word before a space or punctuation; "either" when the text does not tell."""
    mark = text[i]
    if mark == "“":
        return "open"
    if mark == "”":
        return "close"
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if (before == "\n" or before in _OPENS_AFTER) and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return "either"


def quotation_spans(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(opening mark, words start, words end, after the closing mark) of each quotation, marks
    read by direction so that mixed marks pair (“...", "...”) and a closing mark is never taken
    for the next opening one; within one paragraph, 3 to 2,000 characters."""
    opened: int | None = None
    for match in _MARKS.finditer(text):
        i = match.start()
        way = _direction(text, i)
        if opened is not None and "\n" in text[opened:i]:
            opened = None  # a quotation does not run past its paragraph
        if opened is None:
            if way != "close":
                opened = i
            continue
        if way == "open" and text[i] == "“":
            opened = i  # an unclosed quotation: the new one starts here
            continue
        if 3 <= i - opened - 1 <= 2000:
            yield opened, opened + 1, i, i + 1
        opened = None


def _continues(body: str, previous_end: int, start: int) -> bool:
    """Only an attribution ('," she said.') lies between two quotations of one paragraph; a longer
    one ('," said Tim Hanlon, from brand firm Starcom MediaVest. ') when it goes on the sentence
    of the quotation before (a comma or a small word first) and ends there, with no other
    sentence in it."""
    gap = body[previous_end:start]
    if "\n" in gap or not any(ch in gap for ch in ".:"):
        return False
    if len(gap) <= 60:
        return True
    tail = gap.strip()
    return len(gap) <= 160 and (tail[:1] == "," or tail[:1].islower()) and tail.endswith((".", ":")) \
        and len(re.findall(r"[.!?:](?=\s)", gap)) == 1


def _speaker(reader: Reader, doc: Doc, q_start: int, q_end: int, inner: object, verbs: frozenset[str],
             nouns: frozenset[str]) -> tuple[Token, str, str, Token | None] | None:
    """(speaker token, how, verb lemma, the verb or noun) for the quotation at [q_start, q_end)."""
    first, last = inner[0], inner[-1]  # type: ignore[index]
    owned = _owned_phrase(doc, first, last, nouns)
    if owned is not None:
        return owned
    sents = []
    for token in (first, last):
        if token.sent not in sents:
            sents.append(token.sent)
    # '"... so why should I?" Xu said through an interpreter.': a quotation ending its own
    # sentence is attributed by the bare speech clause right after it
    after = _attribution_after(doc, last, q_end, verbs)
    if after is not None:
        sents.append(after)
    # A quotation opening a paragraph after "X said:" belongs to the sentence before it.
    prev_i = first.sent.start - 1
    if prev_i >= 0 and doc[prev_i].text == ":" or prev_i >= 1 and doc[prev_i].text in ('"', "“") \
            and doc[prev_i - 1].text == ":":
        sents.insert(0, doc[prev_i].sent)
    outside = [t for s in sents for t in s if not (q_start <= t.idx < q_end)]
    inside = {t.i for s in sents for t in s if q_start <= t.idx < q_end}
    # the verb that governs the quotation, then the nearest speech verb outside it
    governors = [t for t in outside if t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX")]
    for i in inside:
        head = doc[i]
        if head.head.i not in inside and head.head.lemma_.lower() in verbs and head.head.pos_ in ("VERB", "AUX"):
            governors.insert(0, head.head)
            break
    seen: set[int] = set()
    candidates = sorted(governors, key=lambda v: (v is not governors[0], _distance(v, first.i, last.i)))
    for verb in candidates:
        if verb.i in seen:
            continue
        seen.add(verb.i)
        found = _subject_of_verb(verb, q_start, q_end)
        if found is not None:
            return found
    for token in outside:
        if token.lower_ == "according":
            pobj = [g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
            if not pobj and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "to":
                pobj = [doc[token.i + 2]]
            if pobj:
                return pobj[0], "according-to", "according to", token
        if token.lemma_.lower() in nouns and token.pos_ == "NOUN":
            poss = next((c for c in token.children if c.dep_ == "poss" and not (q_start <= c.idx < q_end)), None)
            if poss is None:  # "in the words of Dr Haddad", "the phrase of the chairman"
                poss = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                             for g in c.children if g.dep_ == "pobj" and not (q_start <= g.idx < q_end)), None)
            if poss is not None and poss.lower_ not in ("its", "their", "our", "my", "your"):
                return poss, "noun", token.lemma_.lower(), token
        if token.lemma_.lower() == "put" and token.pos_ == "VERB" and _as_put_it(token):
            subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subj is not None:  # "as Mayor Kline put it", "as one fan put it"
                return subj, "verb", "put", token
    return None


_QUOTE_TOKENS = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''"})


def _owned_phrase(doc: Doc, first: Token, last: Token, nouns: frozenset[str]
                  ) -> tuple[Token, str, str, Token] | None:
    """A quotation written between an owner and a speech noun: 'Ravuvu's "never stops running"
    line', 'the mayor's "fix it first" slogan'. Read from the words, as the parse of such a
    phrase is seldom a noun phrase."""
    i = first.i - 1
    while i >= 0 and doc[i].text in _QUOTE_TOKENS:
        i -= 1
    j = last.i + 1
    while j < len(doc) and doc[j].text in _QUOTE_TOKENS:
        j += 1
    if i < 1 or j >= len(doc) or doc[i].text not in ("'s", "’s") or doc[j].pos_ != "NOUN" \
            or doc[j].lemma_.lower() not in nouns:
        return None
    owner = doc[i - 1]
    if owner.pos_ not in ("PROPN", "NOUN"):
        return None
    return owner, "owned-phrase", doc[j].lemma_.lower(), doc[j]


def _attribution_after(doc: Doc, last: Token, q_end: int, verbs: frozenset[str]) -> object | None:
    """The sentence right after the closing mark when it is only an attribution: a speech verb
    that reports nothing of its own ("Xu said through an interpreter."; not "Smith said the plan
    would fail.")."""
    end = last.sent.end
    if end >= len(doc) or doc[end].idx - q_end > 2 or doc[end].sent.start != end:
        return None
    nxt = doc[end].sent
    for token in nxt[:6]:
        if token.lemma_.lower() in verbs and token.pos_ in ("VERB", "AUX"):
            if any(c.dep_ in ("ccomp", "dobj", "xcomp", "obj") for c in token.children):
                return None
            return nxt
    return None


def _as_put_it(verb: Token) -> bool:
    """"as X put it": "put" with the object "it" and the marker "as"."""
    return any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children) and \
        any(c.lower_ == "as" and c.dep_ in ("mark", "advmod", "prep") for c in verb.children)


def _distance(verb: Token, first: int, last: int) -> int:
    return first - verb.i if verb.i < first else verb.i - last


def _subject_of_verb(verb: Token, q_start: int, q_end: int) -> tuple[Token, str, str, Token] | None:
    """The speaker of a speech verb: its subject, or Y of "X quoted Y as saying"."""
    lemma = verb.lemma_.lower()
    # "X quoted Y as saying": the verb is "saying" under "as", under "quoted Y"
    anc = verb.head.head if verb.head.lower_ == "as" else None
    if anc is not None and anc.lemma_.lower() in ("quote", "cite", "report") and anc.pos_ == "VERB":
        obj = next((c for c in anc.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None:
            return obj, "quoted-as", lemma, verb
    if lemma in ("quote", "cite"):
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        as_saying = any(c.lower_ == "as" for c in verb.children)
        if obj is not None and as_saying:
            return obj, "quoted-as", lemma, verb
        if any(c.dep_ == "nsubjpass" for c in verb.children):  # "Smith was quoted as saying"
            subj = next(c for c in verb.children if c.dep_ == "nsubjpass")
            return subj, "quoted-as", lemma, verb
    subjects = sorted((c for c in verb.children if c.dep_ in ("nsubj",) and not (q_start <= c.idx < q_end)),
                      key=lambda c: abs(verb.i - c.i))  # "Sentencing Pemberton, Judge Halloran said"
    if not subjects and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        # "Doe paused and added", "adding that ...": the subject of the verb it hangs on, through a
        # chain of conjoined verbs ("Brown put his hands up and tried to surrender, saying, ...")
        host = verb.head
        for _ in range(4):
            subjects = [c for c in host.children if c.dep_ == "nsubj" and not (q_start <= c.idx < q_end)]
            if subjects or host.dep_ != "conj" or host.head.pos_ not in ("VERB", "AUX"):
                break
            host = host.head
    if not subjects:
        return None
    subj = subjects[0]
    if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
        subj = verb.head
    return subj, "verb", lemma, verb


def _subject_of(reader: Reader, doc: Doc, token: Token) -> tuple[str | None, int, int, str]:
    """The ledger subject a speaker token names, with the speaker's words (start, end, text)."""
    field_name = reader.ctx.field_of(token)
    sid = reader.refers_to(token)
    if sid is None:
        # "Norrsken's chief executive, Johan Lindqvist, said": the name in apposition
        for c in token.children:
            if c.dep_ == "appos":
                sid = reader.person_at(field_name, c.i) or next(
                    (reader.person_at(field_name, t.i) for t in c.subtree if reader.person_at(field_name, t.i)), None)
                if sid:
                    token = c
                    break
    if sid is None:
        for c in token.children:  # "Health Minister Ana Reis": the compound names the person
            if c.dep_ == "compound" and reader.person_at(field_name, c.i):
                sid = reader.person_at(field_name, c.i)
                break
    tokens = [t for t in token.subtree if t.dep_ not in ("appos", "relcl", "punct", "acl", "prep", "cc", "conj")
              or t is token]
    lefts = [t for t in tokens if t.i <= token.i]
    s_first = min((t.i for t in lefts if token.i - t.i <= 5 and t.dep_ != "det"), default=token.i)
    mention = reader.mention_at(field_name, token.i)
    if mention is not None:
        s_first, s_last = mention.token_start, mention.token_end - 1
    else:
        s_last = token.i
    span = reader.span_of(doc, s_first, s_last + 1)
    if sid is not None:
        return sid, span.start, span.end, span.text
    if token.pos_ == "PRON":
        return None, span.start, span.end, span.text
    ent = entity_at(token)  # `doc.ents` makes every entity again on each access
    if ent is not None and ent.label_ == "ORG" and token.pos_ == "PROPN" and _described_as_person(token):
        # "KK Mittal, a fund manager with Escorts Mutual Fund": a person the small model took for a body
        did = reader.add_subject(f"name:{span.text}", "speaker", span.text, span)
        return did, span.start, span.end, span.text
    if ent is not None and ent.label_ == "ORG":
        name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        oid = reader.add_subject(f"organisation:{name}", "organisation", name, reader.ctx.span(ent))
        return oid, span.start, span.end, span.text
    if token.pos_ == "PROPN" and token.text[:1].isupper() and (ent is None or ent.label_ in ("PERSON", "NORP", "GPE")):
        # a name the people reader did not keep ("Nam said"): a speaker by name
        did = reader.add_subject(f"name:{span.text}", "speaker", span.text, span)
        return did, span.start, span.end, span.text
    if token.pos_ == "NOUN":
        lemma = token.lemma_.lower()
        did = reader.add_subject(f"speaker:{lemma}", "speaker", f"the {lemma}", reader.span_of(doc, token.i, token.i + 1))
        return did, span.start, span.end, span.text
    return None, span.start, span.end, span.text


_PERSON_PREPS = frozenset({"with", "at", "of", "for", "from"})


def _described_as_person(token: Token) -> bool:
    """The name has an apposition naming a person's occupation, indefinite or tied to a body ("a
    fund manager with Escorts", "an analyst at Numis"): no organisation's noun ("a retailer")."""
    from .orgrefs import ORG_NOUNS

    for c in token.children:
        lemma = c.lemma_.lower()
        if c.dep_ != "appos" or c.pos_ != "NOUN" or not is_person_noun(lemma) or lemma in ORGANISATION_NOUNS \
                or lemma in ORG_NOUNS:
            continue
        if any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children) \
                or any(d.dep_ == "prep" and d.lower_ in _PERSON_PREPS for d in c.children):
            return True
    return False


def _echoes(reader: Reader, anchor: Token, speaker: str) -> str | None:
    """The person whose words the speaker repeats: "echoing Smith", "repeated Smith's warning",
    "quoting Smith" (another person than the speaker)."""
    nodes = [anchor, *(a for a in anchor.ancestors if a.pos_ == "VERB")][:3]
    nodes += [c for n in nodes for c in n.children if c.dep_ in ("advcl", "xcomp", "conj") and c.pos_ == "VERB"]
    for node in nodes:
        if node.lemma_.lower() not in _REPEAT_LEMMAS:
            continue
        for c in node.subtree:
            if c.dep_ in ("dobj", "pobj", "poss") or c.head is node and c.dep_ in ("dative",):
                other = reader.refers_to(c)
                if other and other != speaker:
                    return other
    return None
