"""numeric: a figure that no longer agrees with itself.

- `numeric/restated-value`: the last of two or three mentions of the same amount changes
  ($1.13bn ... $2.26bn).
- `numeric/parts-total`: one listed part of a total changes, so the parts no longer add up
  ("5 million customers, 3 million of them in Europe and 2 million in Asia" -> "4 million in Asia").
"""

from __future__ import annotations

import calendar
import random
import re
from dataclasses import dataclass
from typing import Any

from consistency import Article

from .base import ArticleFacts, Mutant, Pools, figure_occurs, make_mutant, replace, shuffled

_NUMBER = re.compile(
    r"(?<![\w.,])([$£€]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%|bn|m|\s(?:per cent|million|billion|trillion))?"
    r"(?![\dA-Za-z]|[.,]\d)"
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
    """Change the last of two or three mentions of the same quantity ($1.13bn ... $1.13bn -> $1.69bn).

    The new value is a slip of one of several shapes, tried in a seeded order: scaled by a
    factor, two digits transposed, one digit nudged, the unit confused (bn/m, million/billion),
    or the currency confused ($/£/€).
    """
    article = facts.article
    mentions = [("title", *m) for m in quantity_mentions(article.title)]
    mentions += [("body", *m) for m in quantity_mentions(article.body)]
    seen: dict[str, list[tuple[Any, ...]]] = {}
    for m in mentions:
        seen.setdefault(article.field(m[0])[m[1]:m[2]], []).append(m)
    repeated = [ms for ms in seen.values() if len(ms) in (2, 3) and ms[-1][0] == "body"
                and any(same_context(article, m, ms[-1]) for m in ms[:-1])]
    rng.shuffle(repeated)
    for ms in repeated:
        name, start, end, currency, number, unit = ms[-1]
        old = article.field(name)[start:end]
        for variant in shuffled(RESTATEMENTS, rng):
            new = restated(variant, currency, number, unit, rng)
            if new is None or new == old or figure_occurs(article, new):
                continue
            mutated = replace(article, name, start, end, new)
            found = make_mutant("numeric", "restated-value", facts, mutated, name, start, start + len(new),
                                f"{old} is restated as {new}.",
                                {"variant": variant, "original": old, "new": new, "mentions": len(ms)})
            if found:
                return found
    return None


RESTATEMENTS = ("scaled", "transposed", "nudged", "unit", "currency")
_OTHER_UNIT = {"bn": "m", "m": "bn", " million": " billion", " billion": " million", " trillion": " billion"}
_OTHER_CURRENCY = {"$": ("£", "€"), "£": ("$", "€"), "€": ("$", "£")}


def restated(variant: str, currency: str, number: str, unit: str, rng: random.Random) -> str | None:
    """The quantity rewritten with one kind of slip; None when this kind does not apply to it."""
    if variant == "scaled":
        return f"{currency}{changed_number(number, rng)}{unit}"
    if variant == "transposed":
        digits = [i for i, ch in enumerate(number) if ch.isdigit()]
        pairs = [(a, b) for a, b in zip(digits, digits[1:]) if number[a] != number[b] and not (a == digits[0]
                 and number[b] == "0")]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        chars = list(number)
        chars[a], chars[b] = chars[b], chars[a]
        return f"{currency}{''.join(chars)}{unit}"
    if variant == "nudged":
        digits = [i for i, ch in enumerate(number) if ch.isdigit() and ch != "0"]
        at = digits[-1]
        old = int(number[at])
        new = rng.choice([d for d in range(1, 10) if d != old and abs(d - old) <= 2])
        return f"{currency}{number[:at]}{new}{number[at + 1:]}{unit}"
    if variant == "unit":
        return f"{currency}{number}{_OTHER_UNIT[unit]}" if unit in _OTHER_UNIT else None
    if variant == "currency":
        return f"{rng.choice(_OTHER_CURRENCY[currency])}{number}{unit}" if currency in _OTHER_CURRENCY else None
    raise ValueError(variant)


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


# --- parts and totals -------------------------------------------------------------------------------
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
_SCALE = {"m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "trillion": 1e12}
_FIGURE = re.compile(
    r"(?<![\w.,$£€-])([$£€])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%| per cent|bn|m|\s(?:million|billion|trillion))?"
    r"(?![\w-]|[.,]\d)"
    rf"|(?<![\w-])({'|'.join(NUMBER_WORDS[1:])})(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Figure:
    """A number in the text: where, its value, and what it counts ("$", "%", "" for a bare count)."""

    start: int
    end: int
    value: float
    unit: str
    digits: str  # the digits written ("2.5"), or the number word ("three")
    word: bool


def figures(text: str) -> list[Figure]:
    """Numbers of the text that may be counts, amounts or shares: years and days of dates left out."""
    found = []
    for m in _FIGURE.finditer(text):
        if m.group(5):
            word = m.group(5)
            if word[0].isupper() and not re.search(r"(^|[.!?\"]\s+|\n)$", text[:m.start()]):
                continue  # a capitalised number word inside a sentence is a name ("Precious Six Garments")
            scale = re.match(r"\s(million|billion)\b", text[m.end():])
            value = float(NUMBER_WORDS.index(word.lower())) * (_SCALE[scale.group(1)] if scale else 1)
            found.append(Figure(m.start(), m.end(), value, "", word, True))
            continue
        currency, digits, decimals, unit = m.group(1) or "", m.group(2), m.group(3) or "", (m.group(4) or "").strip()
        value = float(digits.replace(",", "") + decimals)
        if not (currency or unit or decimals) and 1900 <= value <= 2100:
            continue  # a year
        if re.search(rf"\b({MONTHS})\b", text[max(0, m.start() - 12): m.end() + 12]):
            continue  # a day of a date
        kind = currency + ("%" if unit in ("%", "per cent") else "")
        found.append(Figure(m.start(), m.end(), value * _SCALE.get(unit, 1), kind, digits + decimals, False))
    return found


_LEAD_CUE = re.compile(r"(\b(of them|of whom|of which|including|comprising|made up of|split|divided)\b|:|\s[-–]\s)"
                       r"[^.;:]{0,40}$", re.IGNORECASE)
_TOTAL_CUE = re.compile(r"\b(a total of|in total|in all|altogether|total|totalling|combined|together)\b",
                        re.IGNORECASE)
_RANGE = re.compile(r"^\s*(to|-|–|or|and|out of|in|per)\s*$|^\s*-\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Breakdown:
    """A total and the listed parts that add up to it."""

    total: Figure
    parts: tuple[Figure, ...]
    variant: str  # "total" (a stated total), "sum" (parts then their total) or "shares" (percentages, 100 in all)


def breakdowns(facts: ArticleFacts) -> list[Breakdown]:
    """Stated totals and the two to four listed parts, in the same or the next sentence, that add up to them.

    Parts form a list ("A, B and C", nothing but words between them) tied to the total by a
    cue: "of them", "including", a colon or a dash before the first part, or "in total",
    "altogether" beside the total; or by the total's noun repeated after a part ("three
    executives ... two executives from AIG and one from Marsh"). Ranges ("between 12 and 14",
    "three out of four") are no lists. Percentages of one sentence that add up to 100, listed
    with "and", count as shares of a whole.
    """
    body = facts.article.body
    out: list[Breakdown] = []
    sentences = facts.sentences
    for n, sent in enumerate(sentences):
        window_end = sentences[n + 1].end if n + 1 < len(sentences) else sent.end
        found = [Figure(f.start + sent.start, f.end + sent.start, f.value, f.unit, f.digits, f.word)
                 for f in figures(body[sent.start:window_end])]
        own = [f for f in found if f.start < sent.end]
        for i, total in enumerate(own):
            if total.value < 3 or (total.word and total.digits.lower() == "one"):
                continue
            parts = _listed(body, [f for f in found[i + 1:] if f.unit == total.unit], total.value)
            if parts and _tied(facts, total, parts):
                out.append(Breakdown(total, parts, "total"))
            before = [f for f in own[:i] if f.unit == total.unit]
            parts = _listed(body, before, total.value, last=True)
            if parts and _TOTAL_CUE.search(body[parts[-1].end:total.start]) and total.start - parts[-1].end < 60:
                out.append(Breakdown(total, parts, "sum"))
        shares = [f for f in own if f.unit.endswith("%")]
        for size in (2, 3, 4):
            for i in range(len(shares) - size + 1):
                run = tuple(shares[i:i + size])
                if abs(sum(f.value for f in run) - 100) < 1e-9 and _is_list(body, run) \
                        and re.search(r"\band\b", body[run[-2].end:run[-1].start]):
                    out.append(Breakdown(Figure(run[0].start, run[0].start, 100.0, "%", "100", False), run, "shares"))
    return out


def _is_list(body: str, run: tuple[Figure, ...]) -> bool:
    """True when the figures are listed: words, commas and "and" between them, no range or other figure."""
    for a, b in zip(run, run[1:]):
        between = body[a.end:b.start]
        if len(between) > 60 or _RANGE.match(between) or re.search(r"\d|\bbetween\b", between):
            return False
        if not re.search(r",|\band\b|;", between):
            return False
    before = body[max(0, run[0].start - 9):run[0].start]
    return not re.search(r"\b(between|from)\s+$", before)


def _listed(body: str, candidates: list[Figure], total: float, last: bool = False) -> tuple[Figure, ...] | None:
    """A run of two to four consecutive candidates (the first ones, or with `last` the final ones) that is
    a list and adds up to the total."""
    for size in (2, 3, 4):
        if len(candidates) < size:
            break
        run = tuple(candidates[-size:] if last else candidates[:size])
        if all(0 < f.value < total for f in run) and abs(sum(f.value for f in run) - total) < 1e-6 * total \
                and _is_list(body, run):
            return run
    return None


def _tied(facts: ArticleFacts, total: Figure, parts: tuple[Figure, ...]) -> bool:
    body = facts.article.body
    if _RANGE.match(body[total.end:parts[0].start]) or re.search(r"\b(between|from)\s+$", body[:total.start][-9:]):
        return False
    if (_LEAD_CUE.search(body[total.end:parts[0].start]) or re.match(r"\s+of (them|whom|which|these|those)\b",
                                                                     body[parts[0].end:])
            or _TOTAL_CUE.search(body[max(0, total.start - 12):total.end + 12])):
        return True
    noun = _noun_after(facts, total.end)
    nouns = {_noun_after(facts, p.end) for p in parts}
    return noun is not None and noun in nouns and nouns <= {noun, None}


def _noun_after(facts: ArticleFacts, offset: int) -> str | None:
    """The lemma of the first noun within three tokens after an offset."""
    token = facts.token_after(offset)
    for _ in range(3):
        if token is None:
            return None
        if token.pos == "NOUN":
            return token.lemma.lower()
        token = facts.token_after(token.end)
    return None


def _changed_part(part: Figure, rng: random.Random) -> str:
    """The part written with another value: a nudge of its last digit, or another number word."""
    if part.word:
        value = int(part.value)
        options = [v for v in range(max(1, value - 3), value + 4) if v != value]
        word = NUMBER_WORDS[rng.choice(options)]
        return word.capitalize() if part.digits[:1].isupper() else word
    digits = part.digits
    last = max(i for i, ch in enumerate(digits) if ch.isdigit() and (ch != "0" or i == 0))
    old = int(digits[last])
    new = rng.choice([d for d in range(1, 10) if d != old and abs(d - old) <= 3])
    return digits[:last] + str(new) + digits[last + 1:]


def mutate_parts_total(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Change one listed part of a total, so the parts no longer add up to it."""
    article = facts.article
    for found in shuffled(breakdowns(facts), rng):
        part = rng.choice(found.parts)
        old = article.body[part.start:part.end]
        new_digits = _changed_part(part, rng)
        new = old.replace(part.digits, new_digits, 1)
        if new == old:
            continue
        mutated = replace(article, "body", part.start, part.end, new)
        total_text = "100%" if found.variant == "shares" else article.body[found.total.start:found.total.end]
        parts_text = " + ".join(article.body[p.start:p.end] if p is not part else new for p in found.parts)
        made = make_mutant("numeric", "parts-total", facts, mutated, "body", part.start, part.start + len(new),
                           f"The parts ({parts_text}) no longer add up to {total_text}.",
                           {"variant": found.variant + ("-word" if part.word else ""), "original": old, "new": new,
                            "total": total_text, "parts": len(found.parts)})
        if made:
            return made
    return None
