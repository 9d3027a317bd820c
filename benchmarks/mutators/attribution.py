"""attribution/second-speaker: a quotation repeated later in the article, attributed to someone else.

The repeat takes the quotation whole when it is short, or its first clause, and gives it to
another person the article names, at the end of a later paragraph (the same one when the
quote is in the last). Templates vary the order of speaker and words ('"...," said X.',
'X said: "..."', 'As X put it: "..."', 'X told reporters: "..."', 'In the words of X, "..."').
"""

from __future__ import annotations

import random
import re

from .base import ArticleFacts, Mention, Mutant, Pools, is_full_name, later_paragraph_end, make_mutant, norm, \
    replace, shuffled

_SAID_AFTER = re.compile(r'^,?"?\s*(\w+\s){0,4}?(said|says|added|adds|told|warned|explained|insisted|argued)\b')
_SAID_BEFORE = re.compile(r"\b(said|says|added|told [\w ]{1,30}|warned|explained|insisted|argued|according to \w+)"
                          r"[:,]?\s*$")
TEMPLATES = {
    "said-after": '"{frag}," said {who}.',
    "speaker-after": '"{frag}," {who} said.',
    "speaker-first": '{who} said: "{frag}."',
    "put-it": 'As {who} put it: "{frag}."',
    "told": '{who} told reporters: "{frag}."',
    "in-the-words": 'In the words of {who}, "{frag}."',
}


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words between paired quotation marks, paired within each paragraph."""
    spans = []
    offset = 0
    for paragraph in text.split("\n"):
        marks = [offset + i for i, ch in enumerate(paragraph) if ch == '"']
        spans += [(marks[i] + 1, marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
        offset += len(paragraph) + 1
    return spans


def quotations(facts: ArticleFacts) -> list[tuple[int, int, str, str | None]]:
    """Quoted speech of the body: (start, end of the quoted words, the words, the speaker's surname if found).

    Speech is a quotation with a verb of saying just after it ('"...," said X', '"...," he
    added') or just before it ('X said: "..."'); the speaker is the person named there, or for
    "he"/"she" the last person named before.
    """
    body = facts.article.body
    people = facts.people()
    found = []
    for start, end in _quote_spans(body):
        words = body[start:end].strip()
        after, before = body[end + 1:end + 40], body[max(0, start - 50):start - 1]
        if len(words.split()) < 5 or not (_SAID_AFTER.match(after) or _SAID_BEFORE.search(before)):
            continue
        near = [p for p in people if end < p.start <= end + 30] + [p for p in people if start - 50 <= p.end < start]
        speaker = norm(near[0].text).split()[-1] if near and norm(near[0].text) else None
        if speaker is None:
            before_people = [p for p in people if p.end <= start]
            speaker = norm(before_people[-1].text).split()[-1] if before_people and norm(before_people[-1].text) \
                else None
        found.append((start, end, words, speaker))
    return found


def fragment(words: str) -> str | None:
    """The quotation when it is one sentence of 5 to 18 words, else its first sentence if that is; or None."""
    words = words.strip()
    first = re.split(r"(?<=[.!?])\s+", words)[0].rstrip(",.;:!?")
    if 5 <= len(first.split()) <= 18 and first[:1].isupper():
        return first
    return None


def _name_for(facts: ArticleFacts, person: Mention, rng: random.Random) -> str:
    """How to name the second speaker: the full name, or "Mr/Ms Surname" where the article writes it so."""
    full = norm(person.text)
    surname = full.split()[-1]
    titled = re.search(rf"\b(Mr|Mrs|Ms|Dr) {re.escape(surname)}\b", facts.article.body)
    if titled and rng.random() < 0.5:
        return titled.group(0)
    return full


#: Words spaCy sometimes takes for people's names in this corpus ("Lib Dem", "Downing Street").
_NOT_NAMES = frozenset({"Lib", "Dem", "Dems", "Labour", "Tory", "Tories", "Downing", "Street", "Commons", "Lords",
                        "Minister", "Secretary", "Chancellor", "Party", "News", "Online"})


def _candidates(facts: ArticleFacts, quotes: list[tuple[int, int, str, str | None]], start: int, end: int,
                speaker: str | None) -> tuple[list[Mention], str]:
    """People who could be given the words: other speakers of the article, else anyone else it names in full;
    never someone named near the quotation in its paragraph, who may be its speaker."""
    people = [p for p in facts.people() if is_full_name(p.text) and not set(norm(p.text).split()) & _NOT_NAMES]
    body = facts.article.body
    low = max(start - 150, body.rfind("\n", 0, start) + 1)
    high = min(end + 100, len(body) if body.find("\n", end) < 0 else body.find("\n", end))
    near = {norm(p.text).split()[-1] for p in facts.people() if low <= p.start <= high}
    allowed = [p for p in people if norm(p.text).split()[-1] not in near | {speaker}]
    speakers = {s for _, _, _, s in quotes if s}
    others = [p for p in allowed if norm(p.text).split()[-1] in speakers]
    if others:
        return others, "other-speaker"
    return allowed, "named-person"


def mutate_second_speaker(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Repeat a quotation later in the article, attributed to another named person (another speaker of the
    article where there is one)."""
    article, body = facts.article, facts.article.body
    quotes = quotations(facts)
    for start, end, words, speaker in shuffled(quotes, rng):
        frag = fragment(words)
        if frag is None:
            continue
        people, chosen_from = _candidates(facts, quotes, start, end, speaker)
        others = {norm(p.text): p for p in people}
        if not others:
            continue
        other = others[rng.choice(sorted(others))]
        who = _name_for(facts, other, rng)
        variant = rng.choice(sorted(TEMPLATES))
        sentence = TEMPLATES[variant].format(frag=frag, who=who)
        at = later_paragraph_end(body, end, rng)
        mutated = replace(article, "body", at, at, " " + sentence)
        made = make_mutant("attribution", "second-speaker", facts, mutated, "body", at + 1, at + 1 + len(sentence),
                           f"The words \"{frag}\" are quoted from {speaker or 'one speaker'} and later from {who}.",
                           {"variant": variant, "speaker": speaker, "second_speaker": who, "fragment": frag,
                            "chosen_from": chosen_from})
        if made:
            return made
    return None
