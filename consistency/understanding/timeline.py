"""Time in an article: its reference date, its temporal expressions, and event predicates.

Three things are built here, once per article, for the `temporal` rules:

* `find_reference_date(ctx)`: when the article was written, from its `published`
  metadata, else a "Published: 3 March 2023" line, else a dateline ("MOSCOW, March 3, 2018 -",
  "Lima, Peru — Tuesday, May 14, 2024:", also under a byline "By José Núñez"), else a
  "(c) 2018" copyright line (year precision). None when nothing says so; rules that need it stay quiet.
* `find_temporal_expressions(ctx)`: spaCy DATE/TIME entities and weekday tokens with
  their explicit parts (weekday, day, month, year) read from the tokens, their direction
  ("last week" is past, "next month" future); `TemporalExpression.resolve(reference)`
  turns relative phrases into dates with dateparser on demand (it is slow; cached per text).
* `event_mentions(ctx)`: verbs of one-off events (travel/visit, meet, sign, attend) with
  their status (done, future, unknown) read from tag, morphology and auxiliaries, their
  actor (subject, pronouns resolved to the nearest earlier named subject) and their
  destination or partner.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from dataclasses import replace as dataclass_replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from ..models import Span
from .tokens import MONTHS, WEEKDAYS, doc_text, entity_at, sentence_of, token_indices

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ..analysis import ArticleAnalysis

T = TypeVar("T")

_AMBIGUOUS_MONTHS = {"May": 5, "Mar": 3, "Jan": 1, "Dec": 12}

_FREE_WEEKDAYS = {name.lower() for name in calendar.day_name}  # abbreviations alone ("Sun", "Wed") are too ambiguous
PAST_WORDS = {"last", "ago", "earlier", "previous", "yesterday", "past", "recently", "former", "since"}
FUTURE_WORDS = {"next", "coming", "tomorrow", "upcoming", "later", "forthcoming"}
PRESENT_WORDS = {"today", "tonight", "now", "currently", "this"}

_DAY_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$", re.IGNORECASE)
_YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d)$")
_COPYRIGHT_RE = re.compile(r"(?:\(c\)|©|copyright)\s*(?:©\s*)?((?:1[89]|20)\d\d)\b", re.IGNORECASE)
_DATELINE_END_RE = re.compile(r"\s(?:—|–|-{1,2})\s|\(\w+\)\s*[-—–]")


# --- the reference date -----------------------------------------------------------------
@dataclass(frozen=True)
class ReferenceDate:
    """When the article was written, and how precisely we know it.

    `precision` is "day" for metadata and full datelines, "year" for a copyright line
    (then `date` is January 1 of that year and only `year` should be trusted).
    """

    date: dt.date
    precision: Literal["day", "month", "year"]
    source: Literal["published", "dateline", "copyright"]
    span: Span | None = None

    @property
    def year(self) -> int:
        """The year of the reference date."""
        return self.date.year

    def describe(self) -> str:
        """The date as a reader would say it: "3 March 2021", or "2018" for year precision."""
        if self.precision == "year":
            return str(self.date.year)
        if self.precision == "month":
            return f"{calendar.month_name[self.date.month]} {self.date.year}"
        return f"{self.date.day} {calendar.month_name[self.date.month]} {self.date.year}"


def find_reference_date(ctx: ArticleAnalysis) -> ReferenceDate | None:
    """The article's reference date: `published`, else a dateline, else a copyright year."""
    article = ctx.article
    published = article.published
    if published is not None:
        day = published.date() if isinstance(published, dt.datetime) else published
        return ReferenceDate(day, "day", "published")
    copyright_year = _copyright_year(ctx)
    dateline = _dateline_date(ctx, copyright_year[0] if copyright_year else None)
    if dateline is not None:
        return dateline
    if copyright_year is not None:
        year, span = copyright_year
        return ReferenceDate(dt.date(year, 1, 1), "year", "copyright", span)
    return None


def _copyright_year(ctx: ArticleAnalysis) -> tuple[int, Span] | None:
    """The year of the last copyright line: at a line start or in the article's tail, not in running text."""
    body = ctx.article.body
    found = None
    for match in _COPYRIGHT_RE.finditer(body):
        line_start = body.rfind("\n", 0, match.start()) + 1
        if not body[line_start:match.start()].strip() or match.start() >= len(body) - 400:
            found = match
    if found is None:
        return None
    return int(found.group(1)), ctx.span_at("body", found.start(), found.end())


# A leap year, so that a yearless "Feb. 29" dateline still reads; only month and day are meant.
_PLACEHOLDER_YEAR = 2000


def yearless_dateline(ctx: ArticleAnalysis) -> tuple[int, int, Span | None] | None:
    """(month, day, span) of a dateline that gives no year ("DOHA, May 10 (AFP) -"), when the
    article has no reference date otherwise: yearless dates can still be compared with it."""
    if ctx.reference_date is not None:
        return None
    found = _dateline_date(ctx, _PLACEHOLDER_YEAR)
    if found is None:
        return None
    return found.date.month, found.date.day, found.span


def _dateline_date(ctx: ArticleAnalysis, fallback_year: int | None) -> ReferenceDate | None:
    """A date in the dateline: the `dateline` metadata, or the body's lead before its dash."""
    if ctx.article.dateline:
        parts = _parts_of_text(ctx.article.dateline)
        ref = _reference_from_parts(parts, fallback_year, None)
        if ref is not None:
            return ref
    body = ctx.article.body
    base = 0
    for line in _LEAD_LINE_RE.finditer(body[:400]):  # a byline or "Published ..." line before the dateline
        if line.start() != base:
            break
        published = written_date(line.group(0))
        if line.group("published") and published is not None:
            (year, month, day), (start, stop) = published
            found = _reference_from_parts((year, month, day), fallback_year,
                                          ctx.span_at("body", base + start, base + stop))
            if found is not None:
                return ReferenceDate(found.date, "day", "published", found.span)
        base = line.end()
    end = _DATELINE_END_RE.search(body[base:base + 90])
    if end is None:
        return None
    lead, offset = body[base:base + end.start()], base
    after = re.match(r"\s*(?:[A-Z][a-z]+day,?\s+)?[^\n:]{0,30}?:", body[base + end.end():base + end.end() + 45])
    if written_date(lead) is None and after:  # "Lima, Peru — Tuesday, May 14, 2024: ..."
        lead, offset = after.group(0), base + end.end()
    written = written_date(lead)
    if written is not None:  # a date grammar first: the small model splits "12 June 2025" and "Nov. 25, 2024"
        (year, month, day), (start, stop) = written
        outside = lead[:start] + lead[stop:]
        if not any(w[:1].islower() for w in _WORD_RE.findall(outside) if w.lower() not in _WEEKDAY_WORDS):
            return _reference_from_parts((year, month, day), fallback_year,
                                         ctx.span_at("body", offset + start, offset + stop))
    for entity in ctx.entities_of("DATE", field="body"):
        if entity.start < base:
            continue
        if entity.start >= base + end.start():
            break
        outside = body[base:entity.start] + body[entity.end:base + end.start()]
        if any(word[:1].islower() for word in _WORD_RE.findall(outside)):
            return None  # "Shares fell on 3 March - ...": a sentence, not a dateline ("LONDON, March 3 (Reuters) -")
        expr = _expression("body", entity.span, entity.label)
        if expr.day is not None and expr.month is not None:
            year, stop = expr.year, expr.end
            if year is None:  # the small model may tag "March 3" and ", 2023" apart
                tail = re.match(r",?\s*((?:1[89]|20)\d\d)\b", body[expr.end:end.start()])
                if tail:
                    year, stop = int(tail.group(1)), expr.end + tail.end()
            return _reference_from_parts((year, expr.month, expr.day), fallback_year,
                                         ctx.span_at("body", expr.start, stop))
    return None


# Words in any script ("José", "Ñúñez"), so that an accented byline is not read as lower-case prose.
_WORD_RE = re.compile(r"[^\W\d_]+")
# Lines before a dateline: "By María Ñúñez and Tomás Ortega", "Published: 3 March 2023", "Updated Nov. 25, 2024".
_LEAD_LINE_RE = re.compile(
    r"[ \t]*(?:(?P<published>(?:first\s+)?(?:published|posted|updated|last\s+updated)\b[^\n]{0,80})|"
    r"(?:by|from|words\s+by|reporting\s+by)\s+[^\W\d_][^\n]{0,80})\n+", re.IGNORECASE)
_MONTH_WORD = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
               r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WRITTEN_DATES = (
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_WORD},?\s+(?P<year>(?:1[89]|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH_WORD}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:1[89]|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
)
_MONTH_NUMBERS = {m[:3]: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december"), 1)}


def written_date(text: str) -> tuple[tuple[int, int, int], tuple[int, int]] | None:
    """The first full date written in a text, read by a grammar of news forms, not by NER:
    "12 June 2025", "Friday, 3 March 2023", "Nov. 25, 2024", "2024-11-25" -> ((y, m, d), (start, end))."""
    best = None
    for pattern in _WRITTEN_DATES:
        found = pattern.search(text)
        if found and (best is None or found.start() < best.start()):
            best = found
    if best is None:
        return None
    groups = best.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTH_NUMBERS[groups["month"].lower()[:3]]
    return (int(groups["year"]), month, int(groups["day"])), (best.start(), best.end())


_WEEKDAY_WORDS = frozenset(WEEKDAYS)


def _reference_from_parts(parts: tuple[int | None, int | None, int | None], fallback_year: int | None,
                          span: Span | None) -> ReferenceDate | None:
    year, month, day = parts
    year = year or fallback_year
    if year is None or month is None or day is None:
        return None
    try:
        return ReferenceDate(dt.date(year, month, day), "day", "dateline", span)
    except ValueError:
        return None


def _parts_of_text(text: str) -> tuple[int | None, int | None, int | None]:
    words = re.findall(r"[A-Za-z]+|\d+(?:st|nd|rd|th)?", text)
    year = month = day = None
    for word in words:
        if _YEAR_RE.match(word):
            year = int(word)
        elif word.lower() in MONTHS or word in _AMBIGUOUS_MONTHS:
            month = MONTHS.get(word.lower()) or _AMBIGUOUS_MONTHS[word]
        elif (m := _DAY_RE.match(word)) and 1 <= int(m.group(1)) <= 31:
            day = int(m.group(1))
    return year, month, day


# --- temporal expressions ---------------------------------------------------------------
@dataclass(frozen=True)
class TemporalExpression:
    """A date, time, weekday or relative time phrase, with the parts the text states.

    `year`, `month`, `day` and `weekday` (0 = Monday) are only what the words say;
    `direction` is "past", "future" or "present" when words like "last", "next" or
    "this" tell; `date` is a resolved calendar date when the text or a day-precise
    reference date allows one.
    """

    field: str
    start: int
    end: int
    text: str
    kind: Literal["date", "weekday", "relative", "year", "time", "duration"]
    span: SpacySpan
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: Literal["past", "future", "present"] | None = None
    date: dt.date | None = None
    years_ago: int | None = None
    tokens: tuple[int, int] = (0, 0)

    def to_span(self) -> Span:
        """The expression as a report `Span`."""
        return Span(field=self.field, start=self.start, end=self.end, text=self.text)  # type: ignore[arg-type]

    def resolve(self, reference: ReferenceDate | None) -> dt.date | None:
        """The calendar date: the stated one, or for a relative phrase ("two weeks ago") one
        dateparser computes from a day-precise reference date. On demand, as dateparser
        costs about a millisecond a phrase (cached per phrase and date)."""
        if self.date is not None or self.kind != "relative" or reference is None or reference.precision != "day":
            return self.date
        return _resolve_relative(self.text, reference.date)


def find_temporal_expressions(ctx: ArticleAnalysis) -> list[TemporalExpression]:
    """DATE/TIME entities and free weekday tokens, in text order, normalised.

    Stated dates get their `date`; relative phrases get theirs from `resolve(reference)`.
    """
    return _cached(ctx, "_timeline_expressions", lambda: _find_expressions(ctx))


def _find_expressions(ctx: ArticleAnalysis) -> list[TemporalExpression]:
    found: list[TemporalExpression] = []
    for entity in ctx.entities_of("DATE", "TIME"):
        found.append(_expression(entity.field, entity.span, entity.label))
    for field_name, doc in ctx.docs:
        for i in token_indices(doc, "LOWER", _FREE_WEEKDAYS):
            token = doc[i]
            inside = entity_at(token)
            if (inside is None or inside.label_ not in ("DATE", "TIME")) and _weekday_of(token) is not None:
                found.append(_expression(field_name, doc[i: i + 1], "WEEKDAY"))
    for field_name, doc in ctx.docs:
        found = _merge_grammar_dates(field_name, doc, found)
    found.sort(key=lambda e: (e.field != "title", e.start))
    return found


_WEEKDAY_WORD = r"(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
_YEAR_TAIL = r"(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?"
# Dates as news copy writes them, read without NER (the small model splits or misses day-first and
# weekday-first forms): "Friday, 3 March 2023", "3rd of March", "Tuesday, May 14, 2024", "Nov. 28",
# "Saturday 7 August", "last Tuesday", "next Friday".
_GRAMMAR_DATES = (
    re.compile(rf"\b(?:{_WEEKDAY_WORD},?\s+(?:the\s+)?)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+"
               rf"{_MONTH_WORD}(?![a-z]){_YEAR_TAIL}", re.IGNORECASE),
    re.compile(rf"\b(?:{_WEEKDAY_WORD},?\s+)?{_MONTH_WORD}\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
               rf"(?![.,]?\d){_YEAR_TAIL}", re.IGNORECASE),
    re.compile(rf"\b(?P<relative>last|next|this|coming|past)\s+{_WEEKDAY_WORD}\b", re.IGNORECASE),
)


_FULL_MONTHS = frozenset(m.lower() for m in calendar.month_name if m) | {"sept"}


def _grammar_dates(text: str) -> list[tuple[int, int, dict[str, Any]]]:
    """(start, end, parts) of the dates the grammar finds, longest first where two overlap."""
    found: list[tuple[int, int, dict[str, Any]]] = []
    for pattern in _GRAMMAR_DATES:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month_word = parts.get("month")
            if month_word is not None and not month_word[:1].isupper():
                continue  # "may", "march": verbs
            if month_word is not None and month_word.lower() not in _FULL_MONTHS and not month_word.endswith("."):
                continue  # "del Mar 5": an abbreviation needs its full stop
            if parts.get("weekday") and not parts["weekday"][:1].isupper():
                continue
            day = int(parts["day"]) if parts.get("day") else None
            if day is not None and not 1 <= day <= 31:
                continue
            found.append((match.start(), match.end(), parts))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, dict[str, Any]]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


def _merge_grammar_dates(field_name: str, doc: Any, found: list[TemporalExpression]) -> list[TemporalExpression]:
    """Add the grammar's dates, replacing the pieces of one the NER split or mislabelled."""
    text = doc_text(doc)  # `doc.text` joins every token again on each access
    for start, end, parts in _grammar_dates(text):
        same_field = [e for e in found if e.field == field_name and e.start < end and start < e.end]
        if any(e.start <= start and end <= e.end for e in same_field):
            continue  # NER has it already, whole or inside a longer phrase ("the week of 3 March")
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        base = _expression(field_name, span, "DATE")
        month = _MONTH_NUMBERS[parts["month"].lower()[:3]] if parts.get("month") else None
        year = int(parts["year"]) if parts.get("year") else None
        day = int(parts["day"]) if parts.get("day") else None
        weekday = WEEKDAYS.get(parts["weekday"].lower()) if parts.get("weekday") else None
        relative = (parts.get("relative") or "").lower()
        direction: Literal["past", "future", "present"] | None = base.direction
        kind: Literal["date", "weekday", "relative", "year", "time", "duration"] = "date"
        if relative:
            kind = "relative"
            direction = "past" if relative in ("last", "past") else "future" if relative in ("next", "coming") \
                else "present"
        expr = dataclass_replace(
            base, start=start, end=end, text=text[start:end], kind=kind, year=year, month=month, day=day, weekday=weekday, direction=direction,
            date=_safe_date(year, month, day) if year and month and day else None)
        found = [e for e in found if e not in same_field] + [expr]
    return found


def _expression(field_name: str, span: SpacySpan, label: str) -> TemporalExpression:
    year = month = day = weekday = None
    years_ago = None
    words = [t.lower_ for t in span]
    for token in span:
        if (w := _weekday_of(token)) is not None:
            weekday = w
        elif (m := _month_of(token)) is not None:
            month = m
        elif _YEAR_RE.match(token.text):
            year = int(token.text)
        elif (d := _DAY_RE.match(token.text)) and 1 <= int(d.group(1)) <= 31 and month is None and year is None or (d := _DAY_RE.match(token.text)) and 1 <= int(d.group(1)) <= 31 and month is not None and day is None:
            day = int(d.group(1))
    if month is None:
        day = None  # "15 later", "the 20 days": a number alone is no day of a month
    if "ago" in words:
        years_ago = _years_ago(span)
    direction = _direction(words)
    kind: Literal["date", "weekday", "relative", "year", "time", "duration"]
    if weekday is not None and month is None and year is None:
        kind = "weekday"
    elif month is not None or day is not None:
        kind = "date"
    elif year is not None and direction is None:
        kind = "year"
    elif direction is not None:
        kind = "relative"
    elif label == "TIME":
        kind = "time"
    else:
        kind = "duration"
    date = None
    if year and month and day:
        date = _safe_date(year, month, day)
    return TemporalExpression(
        field=field_name, start=span.start_char, end=span.end_char, text=span.text, kind=kind, span=span,
        year=year, month=month, day=day, weekday=weekday, direction=direction, date=date,
        years_ago=years_ago, tokens=(span.start, span.end),
    )


def _weekday_of(token: Token) -> int | None:
    text = token.text.rstrip(".")
    if not text[:1].isupper():
        return None
    if text.lower().endswith("s") and text.lower()[:-1] in WEEKDAYS and len(text) > 4:
        return None  # "Mondays": a habit, not a date
    return WEEKDAYS.get(text.lower())


def _month_of(token: Token) -> int | None:
    text = token.text.rstrip(".")
    if not text[:1].isupper():
        return None
    if text in _AMBIGUOUS_MONTHS:
        return _AMBIGUOUS_MONTHS[text] if token.tag_ == "NNP" or token.ent_type_ == "DATE" else None
    return MONTHS.get(text.lower())


def _direction(words: list[str]) -> Literal["past", "future", "present"] | None:
    if any(w in PAST_WORDS for w in words):
        return "past"
    if any(w in FUTURE_WORDS for w in words):
        return "future"
    if any(w in PRESENT_WORDS for w in words):
        return "present"
    return None


def _years_ago(span: SpacySpan) -> int | None:
    from .quantities import number_value

    for token in span:
        if token.lemma_ == "year" and token.i > span.start:
            value = number_value(span.doc[token.i - 1].text)
            if value is not None and value == int(value):
                return int(value)
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _resolve_relative(text: str, base: dt.date) -> dt.date | None:
    """A relative phrase ("two weeks ago", "last month") as a date, by dateparser."""
    import dateparser

    settings = {"RELATIVE_BASE": dt.datetime(base.year, base.month, base.day), "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001  dateparser raises many kinds on odd input; an unreadable phrase has no date
        return None
    return parsed.date() if parsed else None


def date_for(year: int | None, month: int, day: int, reference: ReferenceDate | None) -> list[dt.date]:
    """Calendar dates a "month day [year]" can mean: the stated year, else plausible years.

    Without a stated year, a day-precise reference date gives the year that puts the date
    nearest to it; a year-precise one gives its year, plus the year before for late-year
    dates and the year after for early-year ones (an article of January 2019 may carry a
    "(c) 2018" line or speak of last December).
    """
    if year is not None:
        candidates = [year]
    elif reference is None:
        return []
    elif reference.precision == "day":
        options = [d for y in (reference.year - 1, reference.year, reference.year + 1)
                   if (d := _safe_date(y, month, day)) is not None]
        return sorted(options, key=lambda d: abs((d - reference.date).days))[:1]
    else:
        candidates = [reference.year]
        if month >= 10:
            candidates.append(reference.year - 1)
        if month <= 2:
            candidates.append(reference.year + 1)
    return [d for y in candidates if (d := _safe_date(y, month, day)) is not None]


# --- event predicates -------------------------------------------------------------------
EVENT_CLASSES = {
    "travel": {"travel", "visit", "go", "fly", "head", "journey", "arrive", "come", "tour"},
    "meet": {"meet"},
    "sign": {"sign"},
    "attend": {"attend"},
}
_EVENT_OF_LEMMA = {lemma: name for name, lemmas in EVENT_CLASSES.items() for lemma in lemmas}
FUTURE_FRAMES = {"expect", "due", "schedule", "set", "slate", "plan", "intend", "hope", "aim", "prepare",
                 "going", "go", "likely", "poised", "scheduled", "expected", "planning", "planned"}
_TITLE_NOUNS = {"minister", "president", "secretary", "chancellor", "premier", "envoy", "ambassador", "pope",
                "king", "queen", "prince", "princess", "leader", "governor", "mayor", "chairman", "commissioner"}
_TRANSITIVE_EVENTS = {"visit", "tour", "meet", "sign", "attend"}
_DESTINATION_PREPS = {"to", "in", "into", "for", "at"}
_ENTITY_TARGETS = {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP", "EVENT"}
_PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON",
             "it": "ORG", "they": "ORG"}
_HYPOTHETICAL = {"would", "could", "might", "may", "should", "must", "can"}


@dataclass(frozen=True)
class EventMention:
    """One telling of an event: who does what, to where/whom, and whether it is done.

    `status` is "done" (traveled, has visited, was signed), "future" (will visit, is
    expected to visit, plans to visit) or "unknown" (would visit, did not visit, visiting).
    `actor` and `target` are lower-case keys (a person's surname, a place's name).
    """

    field: str
    event: str
    lemma: str
    status: Literal["done", "future", "unknown"]
    actor: str | None
    target: str | None
    verb: Token
    subject: Token | None
    target_token: Token
    sentence: SpacySpan
    markers: frozenset[str] = dataclass_field(default_factory=frozenset)
    dates: tuple[str, ...] = ()

    @property
    def clause(self) -> tuple[int, int]:
        """Character offsets from the subject (or verb frame) to the end of the target/time phrase."""
        tokens = [t for t in (self.subject, self.verb, self.target_token) if t is not None]
        tokens += [t for t in _frame_tokens(self.verb)]
        tokens += [t for t in self.verb.subtree if t.ent_type_ in ("DATE", "TIME")]
        if self.subject is not None and (name := entity_at(self.subject)) is not None:
            tokens.append(name[0])  # "Li Keqiang arrived", not "Keqiang arrived"
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        return start, end


def event_mentions(ctx: ArticleAnalysis) -> list[EventMention]:
    """Event verbs with a named destination or partner, with status and actor, title first, in text order."""
    return _cached(ctx, "_timeline_events", lambda: list(_find_events(ctx)))


def _find_events(ctx: ArticleAnalysis) -> Iterable[EventMention]:
    names = _PersonNames(ctx)
    subjects = [(e.field, e.start, "PERSON" if e.label == "PERSON" else "ORG", names.canonical(_entity_key(e.span.root)))
                for e in ctx.entities_of("PERSON", "ORG", "GPE", "NORP") if e.span.root.dep_ in ("nsubj", "nsubjpass")]
    for field_name, doc in ctx.docs:  # "the foreign minister" as a subject stands for a person too
        for i in token_indices(doc, "LEMMA", _TITLE_NOUNS):
            token = doc[i]
            if token.dep_ in ("nsubj", "nsubjpass") and (key := _title_key(token)) is not None:
                subjects.append((field_name, token.idx, "PERSON", key))
    subjects.sort(key=lambda s: (s[0] != "title", s[1]))
    for field_name, doc in ctx.docs:
        for i in token_indices(doc, "LEMMA", set(_EVENT_OF_LEMMA)):
            token = doc[i]
            lemma = _event_lemma(token)
            if lemma is None:
                continue
            target_token = _target_of(token, lemma)
            if target_token is None:
                continue  # "went ahead", "came to power": no named destination, nothing to compare
            sent = sentence_of(token)
            subject = _subject_of(token)
            before = subject.idx if subject is not None else sent.start_char
            # the nearest named subject before the pronoun, in an earlier sentence or earlier in this one
            last_subject = {kind: key for f, start, kind, key in subjects if f == field_name and start < before and key}
            actor = names.canonical(_actor_key(subject, last_subject, names.words))
            target = names.canonical(_entity_key(target_token))
            yield EventMention(
                field=field_name, event=_EVENT_OF_LEMMA[lemma], lemma=lemma, status=_status(token),
                actor=actor, target=target, verb=token, subject=subject, target_token=target_token,
                sentence=sent, markers=_markers(token, sent), dates=_dates_of(token),
            )


def _event_lemma(token: Token) -> str | None:
    if token.pos_ not in ("VERB",) or token.lemma_.lower() not in _EVENT_OF_LEMMA:
        return None
    if token.lemma_.lower() == "hold":
        return None
    return token.lemma_.lower()


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, climbing xcomp/conj chains ("is expected to visit", "went and met")."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.tag_ in ("WP", "WDT") and current.dep_ == "relcl":
                    return current.head
                return child
        if current.dep_ in ("xcomp", "conj", "advcl", "acomp") and current.head is not current:
            current = current.head
        else:
            return None
    return None


class _PersonNames:
    """Names of the article's people, so "Lavrov" and "Li" find "Vladimir Lavrov" and "Li Keqiang".

    A short name maps to the longest full name that holds all its words (either order:
    Chinese names put the surname first).
    """

    def __init__(self, ctx: ArticleAnalysis) -> None:
        full = {" ".join(w.lower() for w in e.norm.split()) for e in ctx.entities_of("PERSON") if e.norm.strip()}
        self.full_names = sorted(full, key=lambda n: (-len(n.split()), n))
        self.words = {w for name in full for w in name.split()}

    def canonical(self, key: str | None) -> str | None:
        if key is None:
            return None
        wanted = set(key.split())
        for name in self.full_names:
            if wanted <= set(name.split()):
                return name
        return key


def _actor_key(subject: Token | None, last_subject: dict[str, str], surnames: set[str]) -> str | None:
    if subject is None:
        return None
    if subject.text.istitle() and subject.lower_ in surnames and not subject.ent_type_:
        return subject.lower_  # a bare surname the tagger missed: "Lopez will visit Kenya"
    pronoun = _PRONOUNS.get(subject.lower_)
    if pronoun is not None:
        return last_subject.get(pronoun)
    if subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return _entity_key(subject)
    for child in subject.children:  # "the minister, Lavrov," / "Minister Lavrov"
        if child.dep_ in ("appos", "compound") and child.ent_type_ == "PERSON":
            return _entity_key(child)
    if subject.lemma_.lower() in _TITLE_NOUNS:
        return _title_key(subject)
    return None


def _title_key(token: Token) -> str | None:
    """"the foreign minister" -> "the foreign minister": a singular, definite title with no name attached."""
    if token.tag_ != "NN" or token.ent_type_ or not any(c.lower_ == "the" for c in token.children):
        return None
    if any(c.dep_ in ("appos", "compound", "poss") and c.ent_type_ for c in token.children):
        return None  # "Minister Lavrov", "Russia's minister": named, or owned by a named party
    words = [c.lower_ for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i]
    return " ".join(["the", *words, token.lemma_.lower()])


def _entity_key(token: Token) -> str | None:
    """A lower-case key for the named entity a token stands in: a person's surname, a place's name."""
    ent = entity_at(token)
    if ent is None:
        return None
    words = [t for t in ent if not t.is_punct and t.tag_ != "POS"]
    if not words:
        return None
    return " ".join(t.lower_ for t in words if t.lower_ != "the")


def _target_of(verb: Token, lemma: str) -> Token | None:
    """Where the trip goes or whom the meeting is with: a named entity after the verb."""
    candidates: list[Token] = []
    for child in verb.children:
        if child.dep_ == "dobj" and lemma in _TRANSITIVE_EVENTS:
            candidates.append(child)  # "visited Kenya", "met Putin"; not "headed Microsoft"
        elif child.dep_ == "prep" and (child.lower_ in _DESTINATION_PREPS or (lemma == "meet" and child.lower_ == "with")):
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
    for candidate in candidates:
        if candidate.ent_type_ in _ENTITY_TARGETS:
            return candidate
        for sub in candidate.children:  # "the Belarusian capital Minsk" / "the city of Minsk"
            if sub.dep_ in ("appos", "compound") and sub.ent_type_ in _ENTITY_TARGETS:
                return sub
            if sub.dep_ == "prep" and sub.lower_ == "of":
                for pobj in sub.children:
                    if pobj.ent_type_ in _ENTITY_TARGETS:
                        return pobj
    return None


def _frame_tokens(verb: Token) -> list[Token]:
    """Auxiliaries and the governing frame verb ("is expected to", "will", "plans to")."""
    tokens = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
    if verb.dep_ == "xcomp" and verb.head is not verb:
        head = verb.head
        tokens.append(head)
        tokens.extend(c for c in head.children if c.dep_ in ("aux", "auxpass", "neg", "nsubj", "nsubjpass"))
        if head.dep_ == "acomp":  # "Kerry is due to arrive": the subject hangs on "is"
            tokens.extend(c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    return tokens


def _status(verb: Token) -> Literal["done", "future", "unknown"]:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in aux}
    if any(c.dep_ == "neg" for c in verb.children) or aux_words & _HYPOTHETICAL:
        return "unknown"
    if aux_words & {"will", "shall", "'ll"}:
        return "future"
    if verb.tag_ == "VBD":
        return "unknown" if _in_condition(verb) else "done"
    if verb.tag_ == "VBN" and aux_words & {"has", "have", "had", "'s", "'ve", "was", "were"}:
        return "done"
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head is not verb:
        return _frame_status(verb.head)
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in aux) and verb.head.lemma_ == "be" and verb.head.tag_ in ("VBZ", "VBP"):
        return "future"  # "he is to visit"
    return "unknown"


def _frame_status(frame: Token) -> Literal["done", "future", "unknown"]:
    """Status of "X is expected to / plans to / will try to" + verb, from the frame verb."""
    lemma = frame.lemma_.lower()
    aux_words = {c.lower_ for c in frame.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "neg" for c in frame.children) or aux_words & _HYPOTHETICAL:
        return "unknown"
    if lemma not in FUTURE_FRAMES and frame.lower_ not in FUTURE_FRAMES:
        return "future" if aux_words & {"will", "shall"} else "unknown"
    if aux_words & {"will", "shall"}:
        return "future"
    if frame.tag_ in ("VBZ", "VBP"):
        return "future"  # "plans to visit"
    if frame.tag_ in ("VBN", "JJ", "VBG") and aux_words & {"is", "are", "'s", "'re", "am"}:
        return "future"  # "is expected to visit", "is planning to"
    if frame.dep_ == "acomp" and frame.head.lemma_ == "be" and frame.head.tag_ in ("VBZ", "VBP"):
        return "future"  # "is due to arrive", "is likely to visit"
    return "unknown"  # "was expected to visit": the expectation is past, the trip unknown


def _in_condition(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children)


_OCCURRENCE_WORDS = {"again", "return", "another", "second", "third", "next", "repeat", "back", "previously",
                     "before", "first", "once", "regularly", "annual", "every", "often", "frequently",
                     "last", "ago", "earlier", "later", "recent", "recently", "past", "already", "since",
                     "times", "twice", "repeatedly", "several", "many", "numerous", "usually", "sometimes"}


def _markers(verb: Token, sent: SpacySpan) -> frozenset[str]:
    """Words near the verb that tell one occurrence from another ("again", "return", "another").

    Words inside date phrases are not markers ("the next few days" says when, not which
    occurrence); the dates themselves are in `EventMention.dates`.
    """
    words: set[str] = set()
    scope = list(verb.subtree)
    if verb.dep_ == "xcomp":
        scope += [c for c in verb.head.children if c.dep_ in ("advmod", "npadvmod")]
    for token in scope:
        if token.lower_ in _OCCURRENCE_WORDS and token.ent_type_ not in ("DATE", "TIME"):
            words.add(token.lower_)
    return frozenset(words)


def _dates_of(verb: Token) -> tuple[str, ...]:
    """Texts of the DATE/TIME entities that modify the verb (or its frame verb)."""
    heads = {verb.i} | ({verb.head.i} if verb.dep_ == "xcomp" else set())
    heads |= {t.i for t in verb.children if t.dep_ == "prep"}
    texts: list[str] = []
    for token in verb.subtree:
        ent = entity_at(token)
        if ent is not None and ent.label_ in ("DATE", "TIME") and ent.root.i == token.i and ent.root.head.i in heads:
            texts.append(ent.text)
    return tuple(texts)


# --- small helpers ----------------------------------------------------------------------
def _cached(ctx: ArticleAnalysis, key: str, build: Callable[[], T]) -> T:
    """Compute once per article: stored on the analysis object, like its cached properties."""
    store: dict[str, Any] = vars(ctx)
    if key not in store:
        store[key] = build()
    return store[key]  # type: ignore[no-any-return]
