"""temporal: dates and times that contradict each other.

- `temporal/weekday`: a date is given a weekday it did not fall on ("on Tuesday, March 3, 2005").
- `temporal/event-status`: a later mention of an event is turned from done to still to come
  ("Google reported ..." -> "Google is expected to report ...", "will", "is due to", "is set to", "is to").
- `temporal/age`: a person's age contradicts an earlier one: a restated age changed, or a new
  age ("Mr Ebbers, 61,"; "the 61-year-old Mr Ebbers") or birth year inserted at a later mention.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
import re
from dataclasses import dataclass

from .base import ArticleFacts, Mention, Mutant, Pools, Token, is_full_name, make_mutant, norm, replace, shuffled
from .numeric import MONTHS

WEEKDAYS = tuple(calendar.day_name)  # Monday .. Sunday


def mutate_weekday(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Give a date a weekday it did not fall on: after "on Monday", or as a new "on <date>"."""
    article = facts.article
    day = rng.randrange(0, 731)
    date = dt.date(2004, 1, 1) + dt.timedelta(days=day)
    style = rng.choice(("us", "uk"))
    date_text = (f"{calendar.month_name[date.month]} {date.day}, {date.year}" if style == "us"
                 else f"{date.day} {calendar.month_name[date.month]} {date.year}")
    sep = ", " if style == "us" else " "
    mention = re.search(rf"\bon ({'|'.join(WEEKDAYS)})\b(?![,\s]+(\d|{MONTHS}))", article.body)
    if mention:
        weekday = mention.group(1)
        if WEEKDAYS[date.weekday()] == weekday:
            date += dt.timedelta(days=rng.randrange(1, 7))
        return mutate_weekday_at(facts, mention.start(1), mention.end(1), weekday, date, style)
    if not facts.past_sentence_ends:
        return None
    at = rng.choice(facts.past_sentence_ends)
    weekday = rng.choice([w for w in WEEKDAYS if w != WEEKDAYS[date.weekday()]])
    new = f" on {weekday}{sep}{date_text}"
    mutated = replace(article, "body", at, at, new)
    return make_mutant("temporal", "weekday", facts, mutated, "body", at + 4, at + len(new),
                       f"{date.isoformat()} was a {WEEKDAYS[date.weekday()]}, not a {weekday}.",
                       {"variant": "inserted", "weekday": weekday, "date": date.isoformat(),
                        "true_weekday": WEEKDAYS[date.weekday()]})


def mutate_weekday_at(facts: ArticleFacts, start: int, end: int, weekday: str, date: dt.date,
                      style: str) -> Mutant | None:
    """Write a date after an existing weekday ("Monday" -> "Monday, March 3, 2005") on which it did not fall."""
    date_text = (f", {calendar.month_name[date.month]} {date.day}, {date.year}" if style == "us"
                 else f" {date.day} {calendar.month_name[date.month]} {date.year}")
    mutated = replace(facts.article, "body", end, end, date_text)
    return make_mutant("temporal", "weekday", facts, mutated, "body", start, end + len(date_text),
                       f"{date.isoformat()} was a {WEEKDAYS[date.weekday()]}, not a {weekday}.",
                       {"variant": "appended", "weekday": weekday, "date": date.isoformat(),
                        "true_weekday": WEEKDAYS[date.weekday()]})


# --- event status ----------------------------------------------------------------------------------
#: Past-tense verbs that report, think or state rather than tell of an event.
_NOT_EVENTS = frozenset({
    "be", "have", "do", "say", "tell", "add", "claim", "believe", "think", "know", "seem", "feel", "want", "need",
    "expect", "suggest", "argue", "insist", "admit", "explain", "note", "point", "ask", "reply", "describe",
    "write", "call", "mean", "hope", "fear", "like", "appear", "continue", "remain", "become", "get", "make",
    "go", "come", "take", "give", "put", "see", "use", "try", "let", "show", "find", "keep",
})
FUTURES = ("will", "is expected to", "is due to", "is set to", "is to")


def _children(facts: ArticleFacts, verb: Token) -> list[Token]:
    sent = facts.sentences[verb.sent]
    return [t for t in facts.body_tokens[sent.first:sent.last + 1] if t.head == verb.i and t.i != verb.i]


def _plural_subject(facts: ArticleFacts, verb: Token) -> bool:
    for child in _children(facts, verb):
        if child.dep in ("nsubj", "nsubjpass"):
            conj = any(t.dep == "conj" for t in _children(facts, child))
            return conj or child.tag in ("NNS", "NNPS") or child.text.lower() in ("they", "we", "you")
    return False


def past_events(facts: ArticleFacts) -> list[tuple[Token, Token | None, str]]:
    """Past-tense event verbs of the body's main clauses outside quotations, whose lemma the title or an
    earlier sentence already uses: (verb, its "was"/"were" when passive, that earlier word)."""
    tokens = facts.body_tokens
    earlier: dict[str, str] = {}
    for t in facts.title_tokens:
        if t.pos in ("VERB", "NOUN"):
            earlier.setdefault(t.lemma.lower(), t.text)
    found = []
    current = -1
    pending: dict[str, str] = {}
    for t in tokens:
        if t.sent != current:
            earlier = {**pending, **earlier}
            pending, current = {}, t.sent
        lemma = t.lemma.lower()
        if t.pos in ("VERB", "NOUN"):
            pending.setdefault(lemma, t.text)
        if t.quoted or t.sent == 0 or lemma in _NOT_EVENTS or not lemma.isalpha() or lemma not in earlier:
            continue
        if not _main_clause(facts, t) or not _reported(facts, t.sent):
            continue
        if t.tag == "VBD" and t.pos == "VERB":
            found.append((t, None, earlier[lemma]))
        elif t.tag == "VBN" and t.i > 0 and tokens[t.i - 1].dep == "auxpass" and tokens[t.i - 1].text.lower() \
                in ("was", "were"):
            found.append((t, tokens[t.i - 1], earlier[lemma]))
    return found


def _main_clause(facts: ArticleFacts, verb: Token) -> bool:
    """The verb heads its sentence, or is joined to the verb that does ("rose and closed")."""
    root = facts.sentences[verb.sent].root
    return verb.i == root or (verb.dep == "conj" and verb.head == root)


_FIRST_PERSON = re.compile(r"\b(I|we|We|me|us|my|our|Our|My)\b")
#: A sentence dated before the corpus's time, or to a former occasion, likely tells of another event.
_OTHER_TIME = re.compile(r"\b(1[89]\d\d|200[0-3]|ago|previously|formerly|once|in the past|last (year|time))\b")


def _reported(facts: ArticleFacts, sent: int) -> bool:
    """The sentence is the writer's report of the article's own time: no quotation marks, no first person,
    no earlier year or "ago"."""
    s = facts.sentences[sent]
    text = facts.article.body[s.start:s.end]
    return '"' not in text and not _FIRST_PERSON.search(text) and not _OTHER_TIME.search(text)


def mutate_event_status(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Turn a later mention of an event from done to still to come ("reported" -> "is expected to report")."""
    article = facts.article
    for verb, aux, first in shuffled(past_events(facts), rng):
        plural = _plural_subject(facts, verb)
        future = rng.choice(FUTURES)
        if plural:
            future = future.replace("is ", "are ")
        new = f"{future} be {verb.text}" if aux is not None else f"{future} {verb.lemma.lower()}"
        start = aux.start if aux is not None else verb.start
        if start > 0 and article.body[start - 1:start] not in (" ", "\n"):
            continue
        mutated = replace(article, "body", start, verb.end, new)
        old = article.body[start:verb.end]
        found = make_mutant("temporal", "event-status", facts, mutated, "body", start, start + len(new),
                            f"An event told as done (\"{first}\" ... \"{old}\") is later still to come (\"{new}\").",
                            {"variant": future.replace("are ", "is "), "passive": aux is not None, "original": old,
                             "new": new, "earlier": first})
        if found:
            return found
    return None


# --- ages ----------------------------------------------------------------------------------------------
#: BBC corpus articles were published in 2004 and 2005: an age fits birth years that make it then.
PUBLISHED = (2004, 2005)


@dataclass(frozen=True)
class AgeStatement:
    """An age given to a person: who (surname), how old, where the digits are, how it is written."""

    surname: str
    age: int
    start: int
    end: int
    person_end: int  # where the person's mention ends
    form: str  # "apposition" ("Mr Ebbers, 63,"), "aged" ("aged 63"), "year-old" ("63-year-old Mr Ebbers",
    # "Mr Ebbers, a 63-year-old") or "subject" ("The 63-year-old was ..." after a sentence naming him)


def age_statements(facts: ArticleFacts) -> list[AgeStatement]:
    """Ages given to people of the body: "<name>, 63,", "<name>, aged 63", "the 63-year-old <name>"."""
    body = facts.article.body
    found = []
    for person in facts.people():
        surname = norm(person.text).split()[-1] if norm(person.text) else ""
        if not surname[:1].isupper():
            continue
        after = re.match(r", (aged )?(\d{2}),", body[person.end:])
        if after:
            form = "aged" if after.group(1) else "apposition"
            found.append(AgeStatement(surname, int(after.group(2)), person.end + after.start(2),
                                      person.end + after.end(2), person.end, form))
            continue
        appositive = re.match(r", (?:a|the) (\d{2})-year-old\b", body[person.end:])
        if appositive:
            found.append(AgeStatement(surname, int(appositive.group(1)), person.end + appositive.start(1),
                                      person.end + appositive.end(1), person.end, "year-old"))
            continue
        before = re.search(r"\b(\d{2})-year-old (?:[a-z]+ ){0,3}(?:(?:Mr|Mrs|Ms|Dr|Miss) )?$", body[:person.start])
        if before:
            found.append(AgeStatement(surname, int(before.group(1)), before.start(1), before.end(1), person.end,
                                      "year-old"))
    people = facts.people()
    for n, sent in enumerate(facts.sentences[1:], start=1):
        subject = re.match(r"The (\d{2})-year-old (is|was|has|had|said|says|will|would|served|joined|won|lost)\b",
                           body[sent.start:sent.end])
        previous = facts.sentences[n - 1]
        named = {norm(m.text).split()[-1] for m in people if previous.start <= m.start < previous.end
                 and is_full_name(m.text)}
        if subject and len(named) == 1:
            person_end = max(m.end for m in people if previous.start <= m.start < previous.end)
            found.append(AgeStatement(named.pop(), int(subject.group(1)), sent.start + subject.start(1),
                                      sent.start + subject.end(1), person_end, "subject"))
    found.sort(key=lambda a: a.start)
    return [a for a in found if 16 <= a.age <= 99]


def _wrong_age(age: int, rng: random.Random) -> int:
    return rng.choice([a for a in range(age - 9, age + 10) if abs(a - age) >= 2 and 18 <= a <= 99])


def _other_mentions(facts: ArticleFacts, statement: AgeStatement) -> list[Mention]:
    """Other body mentions of the same person, outside quotations; mentions after the age come first,
    earlier ones when there are none."""
    body = facts.article.body
    found = [m for m in facts.people() if norm(m.text).split()[-1:] == [statement.surname]
             and not statement.start - 40 <= m.start <= statement.end + 40
             and not getattr(facts.token_after(m.start), "quoted", True)]
    later = [m for m in found if m.start > statement.end]
    return later or found


_SENTENCE_START = re.compile(r"(^|[.!?]\s+|\n)$")
_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Dr|Miss) $")


def _title_start(body: str, mention: Mention) -> int:
    """Where the "Mr"/"Mrs"/"Dr" before a mention starts; -1 when there is none."""
    title = _TITLE.search(body[:mention.start])
    return title.start() if title else -1


def _year_old_fits(body: str, at: int) -> bool:
    """True where "the 61-year-old" can go before a title at `at`: a sentence start, or after "the"/"said"/"told"."""
    return at >= 0 and bool(_SENTENCE_START.search(body[:at]) or re.search(r"\b(the|said|told) $", body[:at]))


def mutate_age(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Give a person a second age that contradicts the first: a restated age changed, or a new one inserted.

    Strategies, tried in a seeded order: a second statement of the age changed ("restated");
    another mention (a later one where there is one) given another age as an apposition
    ("Mr Ebbers, 61, said") or as "the 61-year-old Mr Ebbers" ("year-old"); or a birth year
    that does not fit the age at the time of the corpus, 2004-05 ("born").
    """
    article, body = facts.article, facts.article.body
    statements = age_statements(facts)
    by_person: dict[str, list[AgeStatement]] = {}
    for a in statements:
        by_person.setdefault(a.surname, []).append(a)
    for variant in shuffled(("restated", "apposition", "year-old", "born"), rng):
        for first in shuffled([a for a in statements if by_person[a.surname][0] == a], rng):
            wrong = _wrong_age(first.age, rng)
            year = rng.choice(PUBLISHED) - first.age + rng.choice((-7, -5, -4, 4, 5, 7))
            if variant == "restated":
                later = [a for a in by_person[first.surname][1:] if a.age == first.age]
                if not later:
                    continue
                target = later[-1]
                start, end, new = target.start, target.end, str(wrong)
                quote_start, quote_end = start, start + len(new)
            else:
                mentions = _other_mentions(facts, first)
                if variant == "year-old":  # before a title: "the 61-year-old Mr Ebbers"
                    mentions = [m for m in mentions if _year_old_fits(body, _title_start(body, m))]
                else:  # ", 61," needs a lower-case word after it
                    mentions = [m for m in mentions if re.match(r" [a-z]", body[m.end:m.end + 2])]
                if not mentions:
                    continue
                mention = rng.choice(mentions)
                if variant == "apposition":
                    start = end = mention.end
                    new = f", {wrong},"
                    quote_start, quote_end = mention.start, mention.end + len(new)
                elif variant == "born":
                    start = end = mention.end
                    new = f", born in {year},"
                    quote_start, quote_end = mention.start, mention.end + len(new)
                else:
                    start = end = _title_start(body, mention)
                    lead = body[:start]
                    if re.search(r"\b[Tt]he $", lead):
                        new = f"{wrong}-year-old "
                    else:
                        article_word = "The" if _SENTENCE_START.search(lead) else "the"
                        new = f"{article_word} {wrong}-year-old "
                    quote_start, quote_end = start, mention.end + len(new)
            mutated = replace(article, "body", start, end, new)
            later_age = f"born in {year}" if variant == "born" else str(wrong)
            made = make_mutant("temporal", "age", facts, mutated, "body", quote_start, quote_end,
                               f"{first.surname} is {first.age} at first, then {later_age}.",
                               {"variant": variant, "surname": first.surname, "age": first.age,
                                "new": later_age, "first_form": first.form})
            if made:
                return made
    return None
