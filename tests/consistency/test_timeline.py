"""Tests of `consistency.understanding.timeline`: reference date, temporal expressions, event mentions."""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.analysis import ArticleAnalysis
from consistency.checker import Checker
from consistency.testing import make_article
from consistency.understanding.timeline import ReferenceDate, date_for, event_mentions


@pytest.fixture(scope="module")
def analyze():
    checker = Checker(select=["TM01"], preview=True)

    def run(text: str, **metadata: object) -> ArticleAnalysis:
        return checker.analyze(make_article(text, **metadata))

    return run


def test_timeline_reference_date_from_published(analyze) -> None:
    ref = analyze("Headline\nBody text.", published=dt.datetime(2020, 5, 1, 12, 0)).reference_date
    assert (ref.date, ref.precision, ref.source) == (dt.date(2020, 5, 1), "day", "published")


def test_timeline_reference_date_from_dateline_with_copyright_year(analyze) -> None:
    ctx = analyze("Headline\nLONDON, March 3 (Reuters) - Shares fell on Tuesday.\n(c) 2015 Reuters.")
    ref = ctx.reference_date
    assert (ref.date, ref.precision, ref.source) == (dt.date(2015, 3, 3), "day", "dateline")


def test_timeline_reference_date_from_full_dateline(analyze) -> None:
    ref = analyze("Headline\nPARIS, June 5, 2019 — Talks resumed in Paris.").reference_date
    assert ref.date == dt.date(2019, 6, 5)


def test_timeline_reference_date_from_copyright_is_year_precise(analyze) -> None:
    ref = analyze("Headline\nTalks resumed.\n(c) 2018, The Washington Post.").reference_date
    assert (ref.year, ref.precision, ref.source) == (2018, "year", "copyright")
    assert ref.describe() == "2018"


def test_timeline_reference_date_none_without_clues(analyze) -> None:
    assert analyze("Headline\nTalks resumed in 2018 after a pause.").reference_date is None


def test_timeline_expressions_parts_and_direction(analyze) -> None:
    ctx = analyze("Headline\nThe vote on Tuesday, March 3, 2021 followed talks last week. "
                  "Another round is due next month, and the treaty dates from 2014.")
    by_text = {e.text: e for e in ctx.temporal}
    full = next(e for t, e in by_text.items() if "March 3" in t)
    assert (full.weekday, full.month, full.day, full.year) == (1, 3, 3, 2021)
    assert full.date == dt.date(2021, 3, 3)
    assert by_text["last week"].direction == "past"
    assert by_text["next month"].direction == "future"
    assert by_text["2014"].kind == "year"


def test_timeline_relative_dates_resolved_against_published_date(analyze) -> None:
    ctx = analyze("Headline\nThe plant closed two weeks ago.", published=dt.date(2020, 5, 15))
    (expr,) = [e for e in ctx.temporal if "ago" in e.text]
    assert expr.resolve(ctx.reference_date) == dt.date(2020, 5, 1)
    assert expr.resolve(None) is None


def test_timeline_years_ago(analyze) -> None:
    (expr,) = [e for e in analyze("Headline\nThe war ended 25 years ago.").temporal]
    assert expr.years_ago == 25


def test_timeline_date_for_uses_nearest_year_of_day_precise_reference() -> None:
    ref = ReferenceDate(dt.date(2019, 1, 3), "day", "published")
    assert date_for(None, 12, 31, ref) == [dt.date(2018, 12, 31)]
    assert date_for(2017, 12, 31, ref) == [dt.date(2017, 12, 31)]
    assert date_for(None, 12, 31, None) == []


def test_timeline_events_status_actor_and_target(analyze) -> None:
    ctx = analyze("Headline\nForeign Minister Ivan Petrov traveled to Belarus on Monday. "
                  "He is expected to visit Belarus again soon. Petrov will meet Lukashenko in Minsk. "
                  "He would visit Poland if asked. He plans to fly to Poland.")
    got = [(m.lemma, m.status, m.actor, m.target) for m in event_mentions(ctx)]
    assert ("travel", "done", "ivan petrov", "belarus") in got
    assert ("visit", "future", "ivan petrov", "belarus") in got
    assert ("meet", "future", "ivan petrov", "lukashenko") in got
    assert ("visit", "unknown", "ivan petrov", "poland") in got
    assert ("fly", "future", "ivan petrov", "poland") in got
    again = next(m for m in event_mentions(ctx) if m.lemma == "visit" and m.target == "belarus")
    assert "again" in again.markers


def test_timeline_copyright_in_running_text_is_no_reference(analyze) -> None:
    filler = "The debate went on for hours. " * 20
    text = f"Headline\nCritics of the copyright 1998 rules spoke first. {filler}"
    assert analyze(text).reference_date is None


def test_timeline_sentence_with_date_and_dash_is_no_dateline(analyze) -> None:
    assert analyze("Headline\nShares fell on 3 March 2005 - the biggest drop this year.").reference_date is None


# --- issue 14: a date grammar independent of NER, and reference dates under bylines ------------
@pytest.mark.parametrize("text, parts", [
    ("Vote\nThe vote on Friday, 3 March 2023 was close.", (2023, 3, 3, 4)),
    ("Vote\nTalks broke down on the 3rd of March.", (None, 3, 3, None)),
    ("Vote\nThe group met on Tuesday, May 14, 2024, in Lima.", (2024, 5, 14, 1)),
    ("Vote\nThe rally held on Nov. 28 drew crowds.", (None, 11, 28, None)),
])
def test_timeline_grammar_reads_news_date_forms(analyze, text, parts) -> None:
    dates = [(e.year, e.month, e.day, e.weekday) for e in analyze(text).temporal if e.kind == "date"]
    assert parts in dates


@pytest.mark.parametrize("text", [
    "Vote\nThey may march on the square.",
    "Vote\nThe Vina del Mar 5 group met.",
])
def test_timeline_grammar_ignores_verbs_and_bare_abbreviations(analyze, text) -> None:
    assert [e for e in analyze(text).temporal if e.kind == "date"] == []


@pytest.mark.parametrize("text, expected, source", [
    ("Talks\nBy José Ñúñez and Tomás Ortega\nLIMA, Peru — Tuesday, May 14, 2024: Talks resumed.",
     dt.date(2024, 5, 14), "dateline"),
    ("Talks\nPublished on 3 March 2023\nTalks resumed on Friday.", dt.date(2023, 3, 3), "published"),
    ("Talks\nÁlvaro Núñez, 3 March 2023 - Talks resumed.", dt.date(2023, 3, 3), "dateline"),
])
def test_timeline_reference_date_under_bylines_and_published_lines(analyze, text, expected, source) -> None:
    ref = analyze(text).reference_date
    assert (ref.date, ref.source) == (expected, source)


def test_timeline_byline_then_sentence_with_dash_is_no_dateline(analyze) -> None:
    assert analyze("Shares\nBy Ann Lee\nShares fell on 3 March 2005 - the biggest drop.").reference_date is None
