"""temporal: dates and times that contradict each other.

- `temporal/weekday`: a date is given a weekday it did not fall on ("on Tuesday, March 3, 2005").
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
import re

from .base import ArticleFacts, Mutant, Pools, make_mutant, replace
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
