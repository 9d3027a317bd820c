"""Rule family `temporal`: events, dates and ages that disagree with each other or with the date of writing.

Codes: TM01 (event told as done, then as still to come), TM02 (weekday that does not
fit its date), TM03 (past events dated after the article's date; "N years ago" and
anniversaries that miscount), TM04 (an age that disagrees with a birth or founding
year in one sentence, read from the claims ledger), TM05 (a person's age restated differently, or against a birth date
anywhere in the article, read from the claims ledger).

Sources: the spaCy parse (tags, dependencies, morphology, DATE entities) read through
`consistency.understanding.timeline`; the article's reference date (published metadata, dateline, or
a copyright line); Python's proleptic Gregorian calendar. No external data.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from consistency import Options, Rule, hookimpl
from consistency.models import Finding, Severity, Span
from consistency.understanding.facts.events import (
    future_told_past,
    made_after_it_acted,
    plan_after_past,
    same_period_antecedent,
)
from consistency.understanding.facts.qualifiers import inside_quotation
from consistency.understanding.ledger import Claim
from consistency.understanding.quantities import number_value
from consistency.understanding.tokens import entity_at, sentence_of
from consistency.understanding.timeline import (
    MONTHS,
    WEEKDAYS,
    ReferenceDate,
    TemporalExpression,
    date_for,
    yearless_dateline,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from consistency.analysis import ArticleAnalysis



class EventStatusConflict(Rule):
    """An event is told as already done, then as still to come.

    What it flags:
        One actor, one kind of event (travel/visit/go to, meet, sign, attend) and one
        destination or partner, first told in the past ("traveled to X", "has visited X")
        and later as pending ("is expected to visit X", "will visit X", "plans to visit X").
        Pronouns ("he") are resolved to the nearest earlier named subject.
        Also any event read into the claims ledger (an event noun with its verb: "signed
        the accord on Tuesday" ... "is due to sign the accord next month"; "the festival
        opened on Thursday" ... "when the festival opens on Sunday"; "a study published on
        Monday" ... "when the study is published next month"), when one of the two tellings
        carries a time; a decision told as done ("the jury dismissed the protest on Saturday")
        against the hearing it needs told as pending ("with the protest still to be heard").
        An event noun is one event with the verb WordNet derives it from, about the thing it is
        of: "the warehouses were demolished last autumn" ... "once demolition of the warehouses
        is complete" (definite plural things count: "the warehouses", not "houses").
        A future dated in the past in its own clause: "Last April, Argentina will sign",
        "is to be launched last month", "is set to be introduced last October".
        An event told as finished and later as still to begin, with a near time: "had completed
        consultations with unions on Monday" ... "once consultations with unions start next
        week" (a bare plural event noun is compared only this way, with the same partners;
        begun, then still to finish, is no conflict; "opens next June" is another edition).
        An event noun put on the calendar by its own words, with no "of" phrase, about the one
        thing the article tells acted on by its verb: "signed an agreement with farmers on Monday"
        ... "ahead of the signing, which is due next month" ("the launch, scheduled for next
        week", "the opening is set for next month", "before its launch next month" with the thing
        named in that sentence or the one before; not when two things were signed). A plural thing
        named bare and dated, taken up later by a definite mention with the same verb, dated and
        with no words of its own: "on Wednesday activated emergency relief payments" ... "once the
        payments are activated next week" (not "the findings of a second team", "new charges").
        "The same period" after a past one: "over the past six months ... Over the same period,
        5,000 laptops are due to be left" (not after "the next six months").
        A plan inside an "after" clause of a past main verb: "Bell took over after his predecessor is
        expected to die" (not "before", "until" or "as": "weeks before the inquiry is due to report").
        A thing told as still to be made that has already done something: "fans are expected to set
        up a petition that notched 18,000 signatures" (a making verb planned, its object carrying a
        relative clause in the simple past; "a robot like the one which won", "a new robot which can
        climb", "a stadium that seats 40,000" and "which was designed by" are not read).
        Repeats ("again", "second", "another", "return"), reschedules
        ("postponed", "now"), other events with the same noun ("the men's final", "the
        women's final") and other agents are not compared; nor a stage of the event
        ("demolition began in March", "partly demolished"). "would sign last week" (a past's
        future), "higher than last year", "from last April", "since last year" are no future
        dated in the past.

    Why it matters:
        A trip cannot both have happened and still be expected; stitched or rewritten
        copy often keeps both versions, and the reader cannot tell which is true.

        A warning, not an error: a trip can be made and then a second one announced.

    Example:
        Minister visits Belarus
        Foreign Minister Ivan Petrov traveled to Belarus on Tuesday to discuss trade.
        He is expected to visit Belarus over the next few days, the ministry said.

    Not flagged:
        Minister to return to Belarus
        Foreign Minister Ivan Petrov traveled to Belarus last year to discuss trade.
        He is expected to visit Belarus again next month, the ministry said.

    Reads:
        Only `ctx.claims` event-status claims (facts/events.py) for both comparisons: trips, meetings,
        signings and attendances with a named actor and target (`data.how == "trip"`, with their
        dates, repeat markers and named occasions), and event nouns with their verbs, times and markers; the
        event nouns' verbs (WordNet 3.0 derivations, `consistency/data/event_nouns.tsv`), and
        `facts.events.future_told_past` and `facts.events.made_after_it_acted` over the body's parse.
        What it still reads from the text itself: only those two checks (a future dated in the past
        inside one clause, a thing to be made that already acted), which compare no two claims.
    """

    code = "TM01"
    name = "temporal.event-status"
    default_severity = Severity.warning
    requires = ("sentences", "tense", "claims")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        trips = [c for c in ctx.claims.of("event-status") if c.data.get("how") == "trip"]
        reported: set[str] = set()
        spans: list[Span] = []
        for i, done in enumerate(trips):
            if done.value != "done" or _distinct_occurrence(done, past=True):
                continue
            for later in trips[i + 1:]:
                if (later.value != "planned" or later.subject in reported or later.subject != done.subject
                        or _distinct_occurrence(later, past=False)):
                    continue
                reported.add(done.subject)
                found = self._finding(done, later)
                spans.extend(found.spans + found.evidence)
                yield found
        yield from self._ledger_conflicts(ctx, spans)
        yield from self._future_told_past(ctx)
        yield from self._made_after_it_acted(ctx)
        yield from self._plan_after_past(ctx)

    def _plan_after_past(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        """"Bell took over after his predecessor is expected to die": what a past event came after
        cannot still be to come."""
        doc = ctx.body_doc
        for verb, phrase, main in plan_after_past(doc):
            told = sorted(phrase, key=lambda t: t.i)
            plan = doc[told[0].i:told[-1].i + 1]
            past = doc[main.i:main.i + 1]
            prt = [c for c in main.children if c.dep_ == "prt" and c.i == main.i + 1]
            if prt:
                past = doc[main.i:prt[0].i + 1]  # "took over"
            yield self.finding(
                f"\"{plan.text}\" tells of something still to come, but \"{past.text}\" is told as past and came "
                f"after it.",
                [ctx.span_at("body", plan.start_char, plan.end_char)],
                [ctx.span_at("body", past.start_char, past.end_char)], confidence=0.7,
                data={"verb": verb.lemma_.lower(), "planned": plan.text, "past": past.text},
            )

    def _made_after_it_acted(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        """"Fans are expected to set up a petition that notched 18,000 signatures": a thing still to be
        made cannot already have done something."""
        doc = ctx.body_doc
        for verb, obj, acted, phrase in made_after_it_acted(doc):
            told = sorted(phrase, key=lambda t: t.i)
            start, end = told[0].i, max(told[-1].i, obj.i) + 1
            plan = doc[start:end]
            clause = doc[min(t.i for t in acted.subtree):max(t.i for t in acted.subtree) + 1]
            if len(clause) > 12:
                clause = doc[acted.i - 1:acted.i + 1]  # "which stored": the relative word and its verb
            yield self.finding(
                f"\"{plan.text}\" tells of the {obj.text} as still to be made, but it already "
                f"{acted.text} (\"{clause.text}\").",
                [ctx.span_at("body", plan.start_char, plan.end_char)],
                [ctx.span_at("body", clause.start_char, clause.end_char)], confidence=0.7,
                data={"verb": verb.lemma_.lower(), "thing": obj.lemma_.lower(), "acted": acted.lemma_.lower()},
            )

    def _future_told_past(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        """"Last April, Argentina will sign", "is to be launched last month": still to come and past at once."""
        doc = ctx.body_doc
        reference = ctx.reference_date
        for verb, time, phrase in future_told_past(doc, reference.year if reference is not None else None):
            entity = entity_at(time)
            when = list(entity) if entity is not None else list(doc[time.left_edge.i:time.i + 1]) \
                if time.pos_ == "NOUN" else [time]
            if time.head.dep_ == "prep":
                when = [time.head, *when]
            told = sorted(phrase, key=lambda t: t.i)
            tokens = told + when
            start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
            span = ctx.span_at("body", doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
            told_text = doc[told[0].i:told[-1].i + 1].text
            when_text = doc[when[0].i:when[-1].i + 1].text
            quoted = inside_quotation(verb)
            earlier = same_period_antecedent(time) if "same" in when_text.lower().split() else None
            evidence = [ctx.span_at("body", earlier.start_char, earlier.end_char)] if earlier is not None else []
            dated = f"\"{when_text}\", that is \"{earlier.text}\"" if earlier is not None else f"\"{when_text}\""
            yield self.finding(
                f"\"{told_text}\" tells of something still to come, but it is dated in the past ({dated}).",
                [span], evidence, confidence=0.6 if quoted else 0.75, severity=Severity.info if quoted else None,
                data={"verb": verb.lemma_.lower(), "planned": told_text, "time": when_text},
            )

    def _ledger_conflicts(self, ctx: ArticleAnalysis, taken: list[Span]) -> Iterator[Finding]:
        """Event-status claims of one event (same noun and verb) told as done and as planned."""
        reference: ReferenceDate | None = ctx.reference_date
        floor = reference.year if reference is not None else _latest_past_year(ctx)
        for subject, rows in ctx.claims.by_subject("event-status").items():
            if subject.startswith("trip:"):
                continue  # trips are compared by check() with their own dates and occasions
            if any(r.value == "rescheduled" for r in rows):
                continue  # "the final was postponed": a new date is no conflict
            pair = next(((a, b) for i, a in enumerate(rows) for b in rows[i + 1:]
                         if {a.value, b.value} == {"done", "planned"} and _same_event(a, b, floor)), None)
            if pair is None:
                continue
            first, later = pair
            if any(_overlaps(c.span, t) for c in pair for t in taken):
                continue
            done, planned = (first, later) if first.value == "done" else (later, first)
            quoted = "quoted" in first.qualifiers + later.qualifiers
            name = ctx.claims.name_of(subject)
            noun = next((c.data.get("noun") for c in pair if c.data.get("noun")), None)
            if noun:  # "the demolition of the warehouses"
                name, verb = f"the {noun} of {name}", "is"
            else:
                verb = "are" if any(c.data.get("plural") for c in pair) else "is"
            yield self.finding(
                f"{name[:1].upper()}{name[1:]} {verb} told as done (\"{done.text}\") and as still to come "
                f"(\"{planned.text}\").",
                [later.span], [first.span], confidence=0.6 if quoted else 0.7,
                severity=Severity.info if quoted else None,
                data={"event": subject, "verb": done.data.get("verb"), "done": done.text, "planned": planned.text},
            )

    def _finding(self, done: Claim, later: Claim) -> Finding:
        event = str(done.data.get("event"))
        return self.finding(
            f"The {_EVENT_NOUNS.get(event, event)} {'with' if event == 'meet' else 'to'} {later.data.get('target_text')} "
            f"is told as done (\"{done.text}\") and later as still to come (\"{later.text}\").",
            [later.span], [done.span], confidence=0.8,
            data={"event": event, "actor": done.data.get("actor"), "target": done.data.get("target"),
                  "done_verb": done.data.get("verb_text"), "pending_verb": later.data.get("verb_text")},
        )


def _overlaps(a: Span, b: Span) -> bool:
    return a.field == b.field and a.start < b.end and b.start < a.end


def _latest_past_year(ctx: ArticleAnalysis) -> int | None:
    """The latest year the body tells something happened in ("was elected in 1997"), outside quotations:
    the article was written in that year or later. For articles with no date of their own."""
    years = [int(y) for ent in ctx.body_doc.ents if ent.label_ == "DATE" and not inside_quotation(ent.root)
             for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", ent.text) if _past_verb_of(ent) is not None]
    return max(years) if years else None


def _same_event(a: Claim, b: Claim, year_floor: int | None) -> bool:
    """Two event-status claims tell of one occurrence: same verb, a time on one of them (on both
    when the event is the subject of an intransitive verb), no repeat marker, compatible
    modifiers and agents, and times that do not place the done one in an earlier year (before the
    article's year, or, with no date of the article's own, before the latest year it tells as past)."""
    verbs_a = {_verb_key(v) for v in (a.data.get("verb"), *(a.data.get("verbs") or ())) if v}
    verbs_b = {_verb_key(v) for v in (b.data.get("verb"), *(b.data.get("verbs") or ())) if v}
    linked = any(str(c.data.get("how", "")).startswith("linked") for c in (a, b))
    if linked and not (set(a.data.get("partners") or ()) & set(b.data.get("partners") or ())
                       and _ended_before_begun(a, b)):
        return False  # "talks with Iran" recur: only a finish told done and its start still to come is one
    if a.sentence == b.sentence or not verbs_a & verbs_b and not _decided_before_heard(a, b) \
            and not _ended_before_begun(a, b):
        return False  # "demolition" (WordNet: demolish) is one event with "were demolished"
    timed = [bool(c.data.get("times")) for c in (a, b)]
    if "bare-object" in (a.data.get("how"), b.data.get("how")) and not _introduced_then_taken_up(a, b, timed):
        return False
    if not any(timed) or ({"subject", "linked-subject", "linked-object"} & {a.data.get("how"), b.data.get("how")}
                          and not all(timed)):
        return False  # "the market has risen" ... "the market will rise": no dated occurrence to compare
    if a.data.get("markers") or b.data.get("markers"):
        return False  # "again", "another", "second", "now": another occurrence or a new date
    if a.data.get("ordinal") and b.data.get("ordinal") and a.data["ordinal"] != b.data["ordinal"]:
        return False  # "the group's first album" and "the group's second album"
    mods_a, mods_b = set(a.data.get("modifiers") or ()), set(b.data.get("modifiers") or ())
    if mods_a and mods_b and not mods_a & mods_b:
        return False  # "the men's final" and "the women's final"
    agent_a, agent_b = a.data.get("agent"), b.data.get("agent")
    if agent_a and agent_b and agent_a != agent_b:
        return False  # "the Senate approved the bill" ... "the House is to approve the bill"
    for claim in (a, b):
        for t in claim.data.get("times") or ():
            words = set(re.findall(r"[a-z]+|\d+", str(t.get("text", "")).lower()))
            if claim.value == "done" and (t.get("direction") == "future" or words & {"year", "years", "ago", "decade"}
                                          or any(w.isdigit() and len(w) == 4 and year_floor is not None
                                                 and int(w) < year_floor for w in words)):
                return False  # done "last year" or "in 2019": an earlier occurrence
            if claim.value == "planned" and t.get("direction") == "past":
                return False
    return True


def _introduced_then_taken_up(a: Claim, b: Claim, timed: list[bool]) -> bool:
    """"activated emergency payments on Wednesday" ... "once the payments are activated next week": a
    plural thing named bare is one occurrence with a later definite mention only when it is told as
    done, the definite one comes after it with the same verb and no words of its own, and both are dated."""
    bare, other = (a, b) if a.data.get("how") == "bare-object" else (b, a)
    if not set(other.data.get("modifiers") or ()) <= set(bare.data.get("modifiers") or ()):
        return False  # "the findings of a second team": words of its own make it another set
    return bare.value == "done" and other.data.get("how") != "bare-object" and all(timed) \
        and other.sentence > bare.sentence and other.data.get("determiner") == "the" \
        and bare.data.get("verb") == other.data.get("verb")


def _verb_key(lemma: str) -> str:
    """British and American spellings as one verb: "analyse"/"analyze", "organise"/"organize"."""
    return re.sub(r"([iy])se$", r"\1ze", lemma)


# Verbs that decide a case, an appeal, a protest or a complaint: deciding it means it was heard.
_DECISION_VERBS = frozenset({"dismiss", "uphold", "reject", "overturn", "allow", "grant", "refuse", "throw",
                             "decide", "settle", "quash", "deny"})


def _decided_before_heard(a: Claim, b: Claim) -> bool:
    """"The jury dismissed the protest on Saturday" ... "with the protest still to be heard": a
    decision told as done, and the hearing it needs told as still to come."""
    done, planned = (a, b) if a.value == "done" else (b, a)
    return done.value == "done" and planned.value == "planned" and planned.data.get("verb") == "hear" \
        and done.data.get("verb") in _DECISION_VERBS


_ENDING_VERBS = frozenset({"complete", "finish", "conclude", "end", "wrap", "close"})
_BEGINNING_VERBS = frozenset({"begin", "start", "commence", "open", "launch"})


def _ended_before_begun(a: Claim, b: Claim) -> bool:
    """"had completed consultations on Monday" ... "once consultations start next week": an event
    told as finished cannot still be to begin (begun, then still to finish, is no conflict)."""
    done, planned = (a, b) if a.value == "done" else (b, a)
    if not (done.value == "done" and planned.value == "planned" and done.data.get("verb") in _ENDING_VERBS
            and planned.data.get("verb") in _BEGINNING_VERBS):
        return False
    for t in planned.data.get("times") or ():  # "the festival closed on Sunday ... opens next June": next year's
        words = set(re.findall(r"[a-z]+|\d+", str(t.get("text", "")).lower()))
        if words & {"year", "years", "month", "months", "season", "decade"} or words & set(MONTHS) \
                or any(w.isdigit() and len(w) == 4 for w in words):
            return False
    return True


_EVENT_NOUNS = {"travel": "trip", "meet": "meeting", "sign": "signing", "attend": "attendance"}


def _distinct_occurrence(claim: Claim, past: bool) -> bool:
    """Whether the words around a telling make it another occurrence than a recent trip or meeting.

    Markers ("again", "return", "another"), a named occasion ("for next week's summit"), or
    a date coarser than a day: "last year", "in 2014", "in March" for a done event,
    "next month", "in July", "later this year" for a pending one. Days and weeks ("on
    Tuesday", "over the next few days") keep it the same occurrence.
    """
    if claim.data.get("markers") or claim.data.get("occasions"):
        return True
    for text in claim.data.get("dates") or ():
        words = {w.lower() for w in re.findall(r"[A-Za-z]+|\d+", text)}
        if _day_level(words):
            continue  # "on Tuesday", "on July 9, 2019": this trip's days
        coarse = {"year", "years", "decade", "month", "months"} | ({"last", "ago", "previous", "past", "once"} if past else set())
        if words & coarse or words & set(MONTHS) or any(re.fullmatch(r"(1[89]|20)\d\d", w) for w in words):
            return True
    return False


def _day_level(words: set[str]) -> bool:
    """A date that names a day (a weekday, or a month with its day): this week's news, not history."""
    if words & set(WEEKDAYS):
        return True
    return bool(words & set(MONTHS)) and any(w.isdigit() and int(w) <= 31 for w in words)


class WeekdayDateMismatch(Rule):
    """A weekday is paired with a date that falls on another day of the week.

    What it flags:
        "Tuesday, March 3, 2021", "on Monday, July 20" and "Monday 20 July" when the
        calendar puts that date on another weekday. The year comes from the date itself,
        else from the article's reference date, else from the one year the article's full
        dates share ("Sunday, April 27, 2025"); without any the rule stays quiet.

    Why it matters:
        A wrong weekday means the weekday or the date is wrong, and a reader cannot tell
        which; fact-checkers verify these first.

        When the year is written beside the date this is an error: the calendar leaves no
        doubt that the weekday and the date cannot both be right. When the year is taken
        from the article's date it is a warning, as that date can be off.

    Example:
        Summit date set
        The leaders will meet on Tuesday, March 3, 2021, in Geneva.

    Not flagged:
        Summit date set
        The leaders will meet on Wednesday, March 3, 2021, in Geneva.
    """

    code = "TM02"
    name = "temporal.weekday-date-mismatch"
    default_severity = Severity.error
    requires = ("entities",)

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        reference = ctx.reference_date
        expressions: list[TemporalExpression] = ctx.temporal
        # Without a dateline, the one year that the article's full dates share ("on Sunday,
        # April 27, 2025, ... began on Wednesday, April 24") dates its yearless ones.
        written_year, written_months = None, set()
        if reference is None:
            full = [e for e in expressions if e.kind == "date" and e.year and e.month and e.day]
            years = {e.year for e in full}
            written_year = years.pop() if len(years) == 1 else None
            written_months = {e.month for e in full}
        for i, expr in enumerate(expressions):
            pair = _weekday_and_date(ctx, expressions, i)
            if pair is None:
                continue
            weekday, month, day, year, spans = pair
            if year is None and written_year is not None and min(abs(month - m) for m in written_months) > 5:
                continue  # "Saturday, December 28" beside "January 5, 2025": maybe the year before
            candidates = date_for(year or written_year, month, day, reference)
            if not candidates or any(d.weekday() == weekday for d in candidates):
                continue
            actual = candidates[0]
            if year is not None:
                source = ""
            elif reference is not None:
                source = f" (year taken from the article's date, {reference.describe()})"
            else:
                source = f" (year taken from the article's other dates, {written_year})"
            yield self.finding(
                f"{calendar.month_name[month]} {day}, {actual.year} was a {calendar.day_name[actual.weekday()]}, "
                f"not a {calendar.day_name[weekday]}{source}.",
                spans, confidence=0.95 if year is not None else 0.75,
                severity=None if year is not None else Severity.warning,  # an inferred year can be off
                suggestion=f"{calendar.day_name[actual.weekday()]}, {calendar.month_name[month]} {day}",
                data={"weekday": calendar.day_name[weekday], "date": actual.isoformat(),
                      "actual_weekday": calendar.day_name[actual.weekday()], "year_stated": year is not None},
            )


def _weekday_and_date(ctx: ArticleAnalysis, expressions: list[TemporalExpression], i: int):  # type: ignore[no-untyped-def]
    """(weekday, month, day, year, spans) when expression i is a weekday with its date."""
    expr = expressions[i]
    if expr.kind == "date" and expr.weekday is not None and expr.month and expr.day:
        return expr.weekday, expr.month, expr.day, expr.year, [expr.to_span()]
    if expr.kind != "weekday" or expr.weekday is None or i + 1 >= len(expressions):
        return None
    nxt = expressions[i + 1]
    if nxt.field != expr.field or nxt.kind != "date" or not (nxt.month and nxt.day) or nxt.weekday is not None:
        return None
    between = ctx.article.field(expr.field)[expr.end:nxt.start]
    if not re.fullmatch(r"\s*,?\s*(?:the\s+)?", between):
        return None
    return expr.weekday, nxt.month, nxt.day, nxt.year, [ctx.span_at(expr.field, expr.start, nxt.end)]


_YEARS_SINCE_RE = re.compile(
    r"\b(\d{1,3}|[a-z]+(?:-[a-z]+)?) years (?:since|after)\b[^.;]{0,60}?\b((?:1[89]|20)\d\d)\b", re.IGNORECASE)


def _present_main_verb(sent: SpacySpan) -> bool:
    """The sentence speaks from the time of writing: "it has been", "the visit comes", "marks"."""
    root = sent.root
    if root.tag_ in ("VBZ", "VBP"):
        return True
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s") for c in root.children) and root.tag_ == "VBN"


_APPOSED_RE = re.compile(r"[\s,(–—-]*(?:in\s+|back\s+in\s+)?", re.IGNORECASE)
_FORWARD_LEMMAS = {"plan", "schedule", "expect", "due", "set", "aim", "target", "forecast", "predict", "project",
                   "estimate", "budget", "promise", "pledge", "vow", "agree", "hope", "intend", "propose",
                   "announce", "say", "warn", "extend", "delay", "postpone", "push", "move", "defer", "earmark"}
_FORECAST_LEMMAS = {"plan", "schedule", "expect", "forecast", "predict", "project", "estimate", "budget", "target",
                    "aim", "hope", "intend", "propose", "want", "seek"}
_DEADLINE_PREPS = {"by", "until", "till", "through", "before", "to", "for", "from", "beyond", "after", "into",
                   "between", "within", "towards", "toward", "up"}
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
                  "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
                  "hundredth": 100}
_ANNIVERSARY_RE = re.compile(
    r"\b(\d{1,3})(?:st|nd|rd|th)\b|\b((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?"
    r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twentieth|thirtieth|fortieth|"
    r"fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)\b", re.IGNORECASE)


class AfterPublication(Rule):
    """A past event is dated after the article was written, or "N years ago" miscounts.

    What it flags:
        A verb in the past tense ("opened in 2020", "was signed on March 3, 2019") whose
        date lies after the article's reference date; "N years ago" next to a year that is
        not N years before it; "it has been N years since <year>" and "comes N years after
        ... <year>" in the present tense; "the Nth anniversary of" a year not N years back.
        Quiet when the article has no reference date (no `published`, dateline or
        copyright line).

    Why it matters:
        An article cannot report as done what had not happened when it was written; wrong
        years and miscounted anniversaries are among the commonest factual slips.

        A warning, not an error: the article's date is read from metadata, dateline or a
        copyright line, which can be wrong or missing.

    Example:
        Plant opens
        The new plant opened in 2021, the company said.
        (c) 2018, The Daily Bugle.

    Not flagged:
        Plant to open
        The new plant is expected to open in 2021, the company said.
        (c) 2018, The Daily Bugle.
    """

    code = "TM03"
    name = "temporal.after-publication"
    default_severity = Severity.warning
    requires = ("entities", "tense")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        reference: ReferenceDate | None = ctx.reference_date
        if reference is None:
            return
        for expr in ctx.temporal:
            if reference.span is not None and expr.field == reference.span.field and \
                    reference.span.start <= expr.start < reference.span.end + 2:
                continue  # the copyright line or dateline itself
            later = _after(expr, reference)
            if later and (verb := _past_verb_of(expr.span)) is not None:
                clause = ctx.span_at(expr.field, min(verb.idx, expr.start), max(verb.idx + len(verb.text), expr.end))
                yield self.finding(
                    f"\"{clause.text}\" is told as past, but {expr.text} is after the article's date "
                    f"({reference.describe()}).",
                    [clause], [reference.span] if reference.span else [], confidence=0.8,
                    data={"date": expr.text, "reference": reference.date.isoformat(),
                          "reference_source": reference.source, "verb": verb.text},
                )
        yield from self._years_ago(ctx, reference)
        yield from self._years_since(ctx, reference)
        yield from self._anniversaries(ctx, reference)

    def _years_ago(self, ctx: ArticleAnalysis, reference: ReferenceDate) -> Iterator[Finding]:
        for expr in ctx.temporal:
            if expr.years_ago is None:
                continue
            sent = sentence_of(expr.span[0])
            text = ctx.article.field(expr.field)
            years = [e for e in ctx.temporal if e.field == expr.field and e.kind in ("year", "date") and e.year
                     and sent.start_char <= e.start < sent.end_char and e is not expr
                     and _APPOSED_RE.fullmatch(text[min(e.end, expr.end):max(e.start, expr.start)])]
            if len(years) != 1:
                continue  # only "in 1998, 20 years ago" / "20 years ago (1998)": a year set beside the count
            stated = years[0]
            gap = reference.year - (stated.year or 0)
            if abs(gap - expr.years_ago) > 1:
                yield self.finding(
                    f"{stated.year} is {gap} years before the article's date ({reference.describe()}), "
                    f"not \"{expr.text}\".",
                    [expr.to_span()], [stated.to_span()], confidence=0.8,
                    data={"years_ago": expr.years_ago, "year": stated.year, "reference_year": reference.year},
                )

    def _years_since(self, ctx: ArticleAnalysis, reference: ReferenceDate) -> Iterator[Finding]:
        """"It has been 20 years since 1998", "The visit comes 45 years after ... 1972": counted from now."""
        for sent in ctx.sentences:
            match = _YEARS_SINCE_RE.search(sent.text)
            if match is None or not _present_main_verb(sent):
                continue
            count = number_value(match.group(1))
            if count is None or not count.is_integer():
                continue
            year = int(match.group(2))
            gap = reference.year - year
            if abs(gap - count) > 1:
                field = ctx.field_of(sent)
                span = ctx.span_at(field, sent.start_char + match.start(), sent.start_char + match.end())
                yield self.finding(
                    f"{year} is {gap} years before the article's date ({reference.describe()}), "
                    f"not {match.group(1)}.",
                    [span], confidence=0.7, data={"years": int(count), "year": year, "reference_year": reference.year},
                )

    def _anniversaries(self, ctx: ArticleAnalysis, reference: ReferenceDate) -> Iterator[Finding]:
        for sent in ctx.sentences:
            text = sent.text
            where = text.lower().find("anniversary")
            if where < 0:
                continue
            ordinal = None
            for match in _ANNIVERSARY_RE.finditer(text[:where]):
                ordinal = match
            if ordinal is None or text[ordinal.end():where].strip() not in ("", "-"):
                continue
            count = _ordinal_value(ordinal)
            years = re.findall(r"\b(1[89]\d\d|20\d\d)\b", text[where:])
            if count is None or len(years) != 1:
                continue
            gap = reference.year - int(years[0])
            if abs(gap - count) > 1:
                field = ctx.field_of(sent)
                start = sent.start_char + ordinal.start()
                yield self.finding(
                    f"{years[0]} is {gap} years before the article's date ({reference.describe()}), "
                    f"so this is not its {ordinal.group(0)} anniversary.",
                    [ctx.span_at(field, start, sent.start_char + where + len("anniversary"))], confidence=0.75,
                    data={"ordinal": count, "year": int(years[0]), "reference_year": reference.year},
                )


def _ordinal_value(match: re.Match[str]) -> int | None:
    if match.group(1):
        return int(match.group(1))
    tens = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90}
    base = _ORDINAL_WORDS[match.group(3).lower()]
    return base + (tens[match.group(2)[:-1].lower()] if match.group(2) else 0)


def _after(expr: TemporalExpression, reference: ReferenceDate) -> bool:
    """True when the expression's stated date lies wholly after the reference date."""
    if expr.year is None or expr.direction is not None or re.search(r"\d{4}\s*[-–/]\s*\d{2}", expr.text):
        return False
    if reference.precision == "year" or expr.month is None:
        return expr.year > reference.year
    if expr.day is not None and expr.date is not None:
        return (expr.date - reference.date).days > 1  # a day's slack for time zones and late editions
    return (expr.year, expr.month) > (reference.date.year, reference.date.month)


_TIME_CLAUSE_MARKS = frozenset({"once", "when", "until", "till", "after", "before", "as", "whenever"})
_MODALS = frozenset({"would", "could", "might", "should", "will", "can", "may", "'d"})


def _future_in_the_past(verb: Token) -> bool:
    """A past form in a time clause under a modal: reported future, not a past event ("the company
    would run 60 trucks a day once the mine reached full production in 2026")."""
    if verb.dep_ != "advcl" or not any(c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_CLAUSE_MARKS
                                       for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.head.children)


def _past_verb_of(span: SpacySpan) -> Token | None:
    """The past-tense verb a date phrase modifies directly ("opened in 2020"), or None.

    Dates inside noun phrases ("the 2020 Olympics"), deadlines ("by 2020", "until 2020")
    and forward-looking verbs ("planned for 2020", "was expected in 2020") do not count.
    """
    root = span.root
    head = root.head
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.pos_ == "PROPN" and before.ent_type_ != "DATE":
        return None  # a year in a name: "Elections 2005", "Euro 2004"
    if root.dep_ == "pobj":
        if head.lower_ in _DEADLINE_PREPS or head.dep_ != "prep":
            return None
        verb = head.head
    elif root.dep_ in ("npadvmod", "tmod"):
        verb = head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _FORWARD_LEMMAS:
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "neg" for c in verb.children) or aux & {"would", "could", "might", "may", "will", "should"}:
        return None
    if any(t.lemma_.lower() in _FORECAST_LEMMAS for t in verb.ancestors):
        return None
    if _future_in_the_past(verb):
        return None
    if verb.tag_ == "VBD" and not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return verb
    if verb.tag_ == "VBN" and aux & {"has", "have", "had", "was", "were"}:
        return verb
    if verb.tag_ == "VBN" and not aux and verb.dep_ in ("ROOT", "ccomp", "conj") and \
            any(c.dep_ == "nsubj" for c in verb.children):
        return verb  # a finite past verb the tagger took for a participle: "the plant opened in 2021"
    return None


class AgeMismatch(Rule):
    """An age disagrees with a stated birth or founding year and the article's date.

    What it flags:
        "Smith, 45, born in 1950" or "the 45-year-old, born in 1950" in an article of
        2018, and "the 10-year-old company, founded in 2001" in one of 2018: the age is off
        by more than one year. Quiet without a reference date. Also a person's age no
        one reaches ("died aged 186"), with or without a date.

    Why it matters:
        Ages and birth years are checked by readers with a subtraction; a wrong one casts
        doubt on the rest of the profile.

        A warning, not an error: the article's date is inferred, and a birthday can fall
        either side of it.

    Example:
        Veteran coach retires
        John Smith, 45, who was born in 1950, retired on Monday.
        (c) 2018, The Daily Bugle.

    Not flagged:
        Veteran coach retires
        John Smith, 67, who was born in 1950, retired on Monday.
        (c) 2018, The Daily Bugle.

    Options:
        max_age: the oldest age taken as possible for a person (default 120).

    Reads:
        `ctx.claims`: `age` claims with a `birth` or `founded` claim of the same subject in
        the same sentence (pairs across sentences are TM05's), and the article's reference date.
    """

    code = "TM04"
    name = "temporal.age-mismatch"
    default_severity = Severity.warning
    requires = ("entities", "people", "claims")

    class Options(Options):
        max_age: int = 120

    options: AgeMismatch.Options

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        reference: ReferenceDate | None = ctx.reference_date
        ledger = ctx.claims
        for claim in ledger.of("age"):
            if claim.subject.startswith("person:") and (claim.value > self.options.max_age or  # type: ignore[operator]
                                                         "implausible" in claim.qualifiers):
                yield self.finding(
                    f"No one is {claim.value} years old; the age \"{claim.text}\" must be wrong.",
                    [claim.span], confidence=0.9, data={"age": claim.value},
                )
        if reference is None:
            return
        origins = {"birth": ledger.by_subject("birth"), "founded": ledger.by_subject("founded")}
        for subject, ages in ledger.by_subject("age").items():
            for attribute, by_subject in origins.items():
                for age in ages:
                    same = [o for o in by_subject.get(subject, []) if o.sentence == age.sentence]
                    if len(same) != 1 or not age.current or "implausible" in age.qualifiers \
                            or not isinstance(age.value, int):
                        continue
                    origin = same[0]
                    year = int(str(origin.value)[:4])
                    expected = reference.year - year
                    if abs(expected - age.value) <= 1:
                        continue
                    if attribute == "birth":
                        message = f"Someone born in {year} is {expected - 1} or {expected} in {reference.year}, not {age.value}."
                    else:
                        message = (f"Something founded in {year} is {expected - 1} or {expected} years old in "
                                   f"{reference.year}, not {age.value}.")
                    yield self.finding(
                        message, [age.span], [origin.span], confidence=0.8,
                        data={"age": age.value, "year": year, "expected": expected, "reference_year": reference.year},
                    )


class AgeConflict(Rule):
    """A person's age is restated differently, or contradicts their birth date elsewhere in the article.

    What it flags:
        "Hughes, 27," and later "Hughes, 31,"; "born in May 1981" and later "the
        38-year-old" in an article of 2023: two `age` claims of one person that differ, or
        an age that differs by more than a year from the one the birth date and the
        article's date give. Ages at another time ("at 19", "when she was 19", "as a
        19-year-old") are not compared with the current one. A birthday against the age:
        "Šimko, 36," and "Šimko, who turns 34 in June" (who turns N is N - 1 or N; who turned
        N is N or N + 1; not a birthday in another year). An age read from a bare
        description ("the 45-year-old said", with no noun of its own) is a warning when no
        one else is named in the sentences it can refer back to, or the person it takes up was
        named alone in its sentence or the one before with no one named since; else
        information only. A description by what the person did ("the 76-year-old garland
        seller" after "Meena Pillai, 71, sold jasmine garlands") takes up the one person named
        as doing it, and is a warning. Quoted speech between is read over: sentences wholly inside a
        quotation are not counted, names inside it are no candidates, and "said the Scot"
        stands for the person it takes up.

    Why it matters:
        Ages are among the facts readers check first; a restated age that changes means
        one of the two is wrong.

    Example:
        Hughes extends contract
        LONDON, March 3, 2023 - Tom Hughes, 27, signed a new deal on Friday. The striker
        joined in 2019. Hughes, 31, said he was delighted.

    Not flagged:
        Hughes extends contract
        LONDON, March 3, 2023 - Tom Hughes, 27, signed a new deal on Friday. He joined the
        club at 19. Hughes, 27, said he was delighted.

    Reads:
        `ctx.claims` (age and birth claims) and the article's reference date. Pairs inside
        one sentence are left to TM04.
    """

    code = "TM05"
    name = "temporal.age-conflict"
    default_severity = Severity.warning
    requires = ("entities", "people", "claims")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        ledger = ctx.claims
        reference: ReferenceDate | None = ctx.reference_date
        births = ledger.by_subject("birth")
        for subject, ages in ledger.by_subject("age").items():
            current = [a for a in ages if a.current and not {"ambiguous", "implausible"} & set(a.qualifiers)]
            name = ledger.name_of(subject)
            yield from self._restated(current, name)
            yield from self._against_turning(ctx, ages, current, name)
            if reference is not None:
                for birth in births.get(subject, [])[:1]:
                    yield from self._against_birth(current, birth, reference, name)

    def _restated(self, ages: list, name: str) -> Iterator[Finding]:  # type: ignore[type-arg]
        if not ages:
            return
        first = ages[0]
        for later in ages[1:]:
            if later.value == first.value or later.sentence == first.sentence:
                continue
            sure = 0.8
            for claim in (first, later):
                if "description" in claim.qualifiers:
                    # "the 45-year-old said": attached to the person named just before; surer
                    # when no one else is named in the sentences it can refer back to
                    sure = min(sure, 0.75 if claim.data.get("rivals") == 0 else 0.6)
            yield self.finding(
                f"{name} is {first.value} (\"{first.span.text}\") and later {later.value} "
                f"(\"{later.span.text}\"); one age is wrong.",
                [later.span], [first.span], confidence=sure,
                severity=None if sure >= 0.7 else Severity.info,
                data={"person": name, "ages": [first.value, later.value]},
            )
            return  # one finding per person: the first restatement that differs

    def _against_turning(self, ctx: ArticleAnalysis, ages: list, current: list,  # type: ignore[type-arg]
                         name: str) -> Iterator[Finding]:
        """"Šimko, 36," and "Šimko, who turns 34 in June": who turns N is N - 1 now (or N, the
        birthday just past); who turned N is N (or N + 1). A birthday in another year ("turns 40
        next year", "in 2027") is not compared."""
        for turning in ages:
            how = turning.data.get("how")
            if how not in ("turns", "turned") or {"ambiguous", "quoted", "hedged", "negated"} & set(turning.qualifiers):
                continue
            words = {t.lower_ for t in _sentence_tokens(ctx, turning)}
            if words & {"year", "years", "decade"} or any(_YEAR_RE.match(w) for w in words):
                continue
            n = int(turning.value)
            possible = {n - 1, n} if how == "turns" else {n, n + 1}
            for age in current:
                if age.sentence == turning.sentence or not isinstance(age.value, int) or age.value in possible:
                    continue
                sure = 0.6 if "description" in age.qualifiers else 0.75
                shown = " or ".join(str(p) for p in sorted(possible))
                yield self.finding(
                    f"{name} is {age.value} (\"{age.span.text}\"), but someone who {turning.span.text} is {shown}.",
                    [turning.span], [age.span], confidence=sure,
                    severity=None if sure >= 0.7 else Severity.info,
                    data={"person": name, "age": age.value, "turning": n, "expected": sorted(possible)},
                )
                return

    def _against_birth(self, ages: list, birth: object, reference: ReferenceDate,  # type: ignore[type-arg]
                       name: str) -> Iterator[Finding]:
        value = str(getattr(birth, "value", ""))
        year = int(value[:4])
        month = int(value[5:7]) if len(value) >= 7 else None
        expected = reference.year - year
        possible = {expected - 1, expected}
        if month and reference.precision == "day":
            if len(value) >= 10:
                birthday_passed = (reference.date.month, reference.date.day) >= (month, int(value[8:10]))
                possible = {expected if birthday_passed else expected - 1}
            elif reference.date.month != month:
                possible = {expected if reference.date.month > month else expected - 1}
        span = getattr(birth, "span")
        for age in ages:
            if age.sentence == getattr(birth, "sentence") or age.value in possible or not isinstance(age.value, int):
                continue
            if min(abs(age.value - p) for p in possible) <= 0:
                continue
            shown = " or ".join(str(p) for p in sorted(possible))
            yield self.finding(
                f"{name} is said to be {age.value} (\"{age.span.text}\"), but someone {span.text} is {shown} "
                f"on {reference.describe()}.",
                [age.span], [span], confidence=0.8,
                data={"person": name, "age": age.value, "birth": value, "expected": sorted(possible)},
            )
            return


_YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")


def _sentence_tokens(ctx: ArticleAnalysis, claim: Claim) -> list[Token]:
    """The tokens of the sentence a claim was read from."""
    tokens = ctx.char_span(claim.span.field, claim.span.start, claim.span.end)
    return list(tokens[0].sent) if tokens is not None and len(tokens) else []


_FUTURE_FRAMES = frozenset({"will", "would", "shall", "due", "expected", "scheduled", "set", "plan", "planned", "intend",
                            "hope", "aim", "propose", "proposed", "going", "until", "by", "before", "from", "next",
                            "if", "unless", "could", "might", "may", "should", "must", "deadline"})


_DATE_PREPOSITIONS = frozenset({"until", "by", "before", "from", "next"})


class YearlessAfterPublication(Rule):
    """An event told as past on a day after the article's own date, the year left to the reader.

    What it flags:
        "talks broke down on 19 June" in an article datelined 12 June 2025; "the vote was
        held on Nov. 28" under "Nov. 25, 2024": a day and month without a year, read in the
        article's year, later than its date (by up to six months), in a clause told in the
        past tense with nothing that makes it a plan ("by winning the final on Aug. 26" takes
        the tense of the verb it depends on; "from", "by", "until" frame the date only right
        before it, so "a flight from Mombasa on 19 November" is past; "by" in a past clause is
        a completion: "had been repaired by 6 November"). A dateline with no year ("DOHA, May
        10 (AFP) -") is the reference too, both days read in one year. Not a day that a past act
        aims at ("postponed to 20 June", "called an election for 24 July", "tickets for the 20 June
        concert"), nor a day put in an earlier year by its sentence or the one before ("since
        October 1 last year", "carried 1.2 million passengers last year. The busiest day was 28 July").

    Why it matters:
        A report cannot tell of a day that has not come yet; the date or the tense is wrong.

    Example:
        Cabin crew strike grounds flights
        DUBLIN, 12 June 2025 - Talks between the airline and the union broke down on
        19 June, and the strike began the next day.

    Not flagged:
        Cabin crew strike grounds flights
        DUBLIN, 12 June 2025 - Talks between the airline and the union broke down on
        9 June. A new round is due to start on 19 June.

    Reads:
        The article's reference date (dateline grammar, published metadata) and
        `ctx.temporal`; the tense and modal words of the clause from the parse.
    """

    code = "TM06"
    name = "temporal.yearless-after-publication"
    default_severity = Severity.warning
    requires = ("entities",)

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        import datetime as dt

        reference: ReferenceDate | None = ctx.reference_date
        if reference is not None and reference.precision == "day":
            year, day_of_writing, ref_span = reference.year, reference.date, reference.span
            described = reference.describe()
        elif reference is None and (yearless := yearless_dateline(ctx)) is not None:
            # "DOHA, May 10 (AFP) -": no year anywhere, so both days are read in one (leap) year
            month, day, ref_span = yearless
            year, day_of_writing = 2000, dt.date(2000, month, day)
            described = f"{day} {calendar.month_name[month]}"
        else:
            return
        for expr in ctx.temporal:
            if expr.field != "body" or expr.kind != "date" or expr.year is not None or not expr.day or not expr.month:
                continue
            if ref_span is not None and ref_span.start <= expr.start < ref_span.end:
                continue
            try:
                when = dt.date(year, expr.month, expr.day)
            except ValueError:
                continue
            ahead = (when - day_of_writing).days
            if not 0 < ahead <= 183:
                continue
            verb = _past_verb_of_date(expr)
            if verb is None or _in_an_earlier_year(expr):
                continue
            yield self.finding(
                f"\"{verb.text} ... {expr.text}\" tells as past a day {ahead} day(s) after the article's date, "
                f"{described}.",
                [ctx.span_at("body", expr.start, expr.end)],
                [ref_span] if ref_span is not None else [], confidence=0.7,
                data={"date": when.isoformat()[5:] if reference is None else when.isoformat(),
                      "reference": day_of_writing.isoformat()[5:] if reference is None else day_of_writing.isoformat(),
                      "days_after": ahead},
            )


# Words that put a yearless date in a year before the article's: "since October 1 last year", "the
# previous season", "a year earlier", "last July". Not "the past year" (the twelve months before the
# article hold days of its own year too), and not a written year in the sentence: "Ruiz, who joined in
# 2019, signed on 20 June" dates the joining, not the signing.
_EARLIER_YEAR = re.compile(
    r"\b(?:last|previous|prior) (?:year|season|summer|winter|spring|autumn|fall|edition|campaign|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"|\ba year (?:ago|earlier|before)\b|\bthe year before\b", re.IGNORECASE)
_THIS_YEAR = re.compile(r"\bthis (?:year|season)\b", re.IGNORECASE)


def _in_an_earlier_year(expr: TemporalExpression) -> bool:
    """Whether the date's sentence, or the one before when its own sentence has no frame, places it in
    a year before the article's: "carried 1.2 million passengers last year. The busiest day was 28
    July" tells of last July, not of a day to come."""
    doc = expr.span.doc
    sent = doc[expr.tokens[0]].sent
    for text in (sent.text, doc[sent.start - 1].sent.text if sent.start > 0 else ""):
        if _EARLIER_YEAR.search(text):
            return True
        if _THIS_YEAR.search(text):
            return False
    return False


# Prepositions that make a date the target of an act, not its time: "postponed to 20 June", "called an
# election for 24 July", "extended until 30 June".
_TARGET_PREPOSITIONS = frozenset({"to", "for", "until", "till", "through", "into"})


def _dates_something_else(expr: TemporalExpression, first: Token, verb: Token) -> bool:
    """Whether the date, on its way up the parse to the past verb, is the target of a preposition of
    aim ("moved to 22 June", "called an election for 24 July"), or dates a common noun that is ("invited
    to a reception on 19 June", "tickets for the 20 June concert"): the verb's tense then says nothing of
    that day. A place between stays the verb's ("flew to Doha on 20 May")."""
    inside = range(*expr.tokens)
    noun = None
    for t in first.ancestors:
        if t.i == verb.i:
            return False
        if t.i in inside:
            continue
        if t.pos_ == "ADP" and t.lower_ in _TARGET_PREPOSITIONS:
            return noun is None or noun.pos_ == "NOUN"
        if t.pos_ in ("NOUN", "PROPN"):
            if noun is not None:
                return False  # the date is deeper than one noun: "after a crash at a race in Cameroon on 2 March"
            noun = t
    return False


def _past_verb_of_date(expr: TemporalExpression):  # type: ignore[no-untyped-def]
    """The past-tense verb a yearless date is attached to, unless words frame it as a plan."""
    doc = expr.span.doc
    first = doc[expr.tokens[0]]
    before = [t.lower_ for t in doc[max(first.sent.start, expr.tokens[0] - 3):expr.tokens[0]]]
    # a preposition frames the date itself only right before it ("from 19 June", "by 19 June");
    # "a flight from Mombasa on 19 November" is no plan
    # "by" is a deadline for a plan ("will be restored by Aug. 9") but a completion in a past
    # clause ("had been restored by Aug. 9"): the clause's own words below decide
    deadline = bool(before) and before[-1] == "by"
    if set(before) - _DATE_PREPOSITIONS & _FUTURE_FRAMES or before and before[-1] in _DATE_PREPOSITIONS & _FUTURE_FRAMES \
            and not deadline:
        return None
    verb = next((t for t in (first, *first.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or _dates_something_else(expr, first, verb):
        return None
    clause = {verb.lower_, *(c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "advmod", "mark"))}
    if clause & _FUTURE_FRAMES or any(t.lower_ in _FUTURE_FRAMES for t in verb.ancestors if t.pos_ in ("VERB", "AUX")):
        return None
    told = verb
    if verb.tag_ in ("VBG", "VB") and verb.dep_ == "xcomp" and not any(c.dep_ == "aux" for c in verb.children):
        told = verb.head  # "began emailing customers on 9 March": the tense is the frame's
    elif verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in ("by", "after", "in") \
            and verb.head.head.pos_ in ("VERB", "AUX"):
        told = verb.head.head  # "qualified by winning the final on Aug. 26": the tense is the main verb's
    elif verb.tag_ == "VBN" and verb.dep_ == "acl" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        # "at a rally held on Nov. 28, he promised": a reduced relative takes the clause's tense
        told = next((t for t in verb.head.ancestors if t.pos_ in ("VERB", "AUX")), verb)
        if told is verb or any(c.dep_ == "neg" or c.lower_ in _FUTURE_FRAMES for c in told.children):
            return None
    if told is not verb and (told.lower_ in _FUTURE_FRAMES or any(c.dep_ == "neg" for c in told.children)):
        return None
    past = told.tag_ == "VBD" or (told.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in told.children))
    if told.tag_ == "VBN" and told.dep_ in ("ccomp", "xcomp", "oprd") and told.head.lemma_ in ("have", "get") \
            and told.head.tag_ == "VBD" and not any(c.lower_ in _FUTURE_FRAMES for c in told.head.children):
        past = True  # "most had their power restored by Aug. 9": a causative "have" in the past
    return verb if past else None


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return [EventStatusConflict, WeekdayDateMismatch, AfterPublication, AgeMismatch, AgeConflict,
            YearlessAfterPublication]
