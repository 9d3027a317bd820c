"""numeric: a figure that no longer agrees with itself.

- `numeric/restated-value`: the later of exactly two mentions of the same amount changes
  ($1.13bn ... $2.26bn).
"""

from __future__ import annotations

import calendar
import random
import re
from typing import Any

from consistency import Article

from .base import ArticleFacts, Mutant, Pools, appears, make_mutant, replace

_NUMBER = re.compile(
    r"(?<![\w.,])([$£€]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%|bn|m|\s(?:per cent|million|billion|trillion))?(?![A-Za-z]|[.,]\d)"
)
MONTHS = "|".join(calendar.month_name[1:])


def quantity_mentions(text: str) -> list[tuple[int, int, str, str, str]]:
    """(start, end, currency, number, unit) of numbers in text that could be quantities, years and dates left out."""
    found = []
    for match in _NUMBER.finditer(text):
        currency, digits, decimals, unit = match.group(1), match.group(2), match.group(3) or "", match.group(4) or ""
        value = float(digits.replace(",", "") + decimals)
        if not (currency or unit or decimals) and (1900 <= value <= 2100 or value < 10):
            continue  # years, and small bare counts that repeat by chance
        window = text[max(0, match.start() - 12): match.end() + 12]
        if re.search(rf"\b({MONTHS})\b", window):
            continue  # a day of a date
        found.append((match.start(), match.end(), currency, digits + decimals, unit))
    return found


def mutate_restated_value(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Change the later of two mentions of the same quantity ($1.13bn ... $1.13bn -> $1.69bn)."""
    article = facts.article
    mentions = [("title", *m) for m in quantity_mentions(article.title)]
    mentions += [("body", *m) for m in quantity_mentions(article.body)]
    seen: dict[str, list[tuple[Any, ...]]] = {}
    for m in mentions:
        seen.setdefault(article.field(m[0])[m[1]:m[2]], []).append(m)
    repeated = [ms for ms in seen.values() if len(ms) == 2 and same_context(article, *ms)]
    rng.shuffle(repeated)
    for ms in repeated:
        name, start, end, currency, number, unit = ms[-1]
        new_number = changed_number(number, rng)
        new = f"{currency}{new_number}{unit}"
        if appears(article, new):
            continue
        mutated = replace(article, name, start, end, new)
        old = article.field(name)[start:end]
        found = make_mutant("numeric", "restated-value", facts, mutated, name, start, start + len(new),
                            f"{old} is restated as {new}.", {"variant": "scaled", "original": old, "new": new,
                                                            "mentions": len(ms)})
        if found:
            return found
    return None


_FILLER = {"the", "a", "an", "of", "to", "at", "by", "in", "and", "about", "around", "some", "nearly", "almost",
           "just", "over", "under", "up", "down", "more", "than", "only", "least", "is", "was", "were", "be", "been",
           "are", "with", "for", "from", "on", "its", "their", "his", "her", "per", "cent"}


def _context_words(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The nearest content word before and after a number (filler words skipped), lower-cased."""
    before = [w for w in re.findall(r"[A-Za-z]+", text[max(0, start - 40):start]) if w.lower() not in _FILLER]
    after = [w for w in re.findall(r"[A-Za-z]+", text[end:end + 40]) if w.lower() not in _FILLER]
    return (before[-1].lower() if before else None), (after[0].lower() if after else None)


def same_context(article: Article, first: tuple[Any, ...], second: tuple[Any, ...]) -> bool:
    """True when two mentions of a value share a neighbouring content word: likely the same quantity.

    "profits of $1.5bn" ... "$1.5bn profits" pass; "the poorest 20%" ... "the richest 20%"
    do not. A bare number after a capitalised word ("BBC News 24") is a name, not a quantity.
    """
    contexts = []
    for name, start, end, currency, _number, unit in (first, second):
        text = article.field(name)
        if not (currency or unit) and re.search(r"[A-Z][a-z]*\s$", text[max(0, start - 20):start]):
            return False
        contexts.append(_context_words(text, start, end))
    first_words, second_words = ({w.rstrip("s") for w in c if w} for c in contexts)
    return bool(first_words & second_words)


def changed_number(number: str, rng: random.Random) -> str:
    """Another value in the same format: scaled by a factor that no rounding hides."""
    decimals = len(number.split(".")[1]) if "." in number else 0
    value = float(number.replace(",", ""))
    factor = rng.choice((0.5, 1.5, 2.0, 3.0))
    new = round(value * factor, decimals)
    if new == value:
        new = value + 10 ** -decimals if decimals else value + 1
    text = f"{new:,.{decimals}f}" if "," in number else f"{new:.{decimals}f}"
    return text
