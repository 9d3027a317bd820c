"""Tests of the `temporal` rule family (TM01-TM04), positives and the traps that must pass."""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.testing import assert_flags, assert_passes, make_article


# --- TM01 event status ---------------------------------------------------------------------
def test_temporal_flags_trip_done_then_expected() -> None:
    text = ("Premier in Paris\n"
            "Prime Minister Jane Okafor flew to France on Monday for talks on fishing rights.\n"
            "Officials said she is expected to travel to France later this week.")
    assert_flags("TM01", text, quotes=["she is expected to travel to France"])


def test_temporal_flags_meeting_done_then_planned() -> None:
    text = ("Talks in Rome\n"
            "Chancellor Olaf Brandt met Giorgia Meloni in Rome on Tuesday.\n"
            "Brandt plans to meet Meloni to discuss the budget.")
    assert_flags("TM01", text, quotes=["Brandt plans to meet Meloni"])


def test_temporal_flags_perfect_then_will() -> None:
    text = ("Envoy's tour\n"
            "The envoy, Maria Lopez, has visited Kenya to press for a ceasefire.\n"
            "Lopez will visit Kenya, her office said.")
    assert_flags("TM01", text)


@pytest.mark.parametrize("second", [
    "He is expected to visit Belarus again next month.",
    "He will return to Belarus next month.",
    "He is expected to make another trip and visit Belarus in May.",
    "He would visit Belarus if invited.",
    "He was expected to visit Belarus, but the trip was cancelled.",
    "He is expected to visit Ukraine over the next few days.",
    "Putin is expected to visit Belarus over the next few days.",
    "He will not visit Belarus this year.",
])
def test_temporal_passes_distinct_or_unrelated_occurrences(second: str) -> None:
    assert_passes("TM01", "Minister's trips\nForeign Minister Ivan Petrov traveled to Belarus on Tuesday. " + second)


def test_temporal_flags_due_to_arrive_after_arrival() -> None:
    text = ("Kerry in Egypt\nSecretary of State John Kerry arrived in Cairo on Sunday for talks.\n"
            "Kerry is due to arrive in Cairo on Wednesday, officials said.")
    assert_flags("TM01", text, quotes=["Kerry is due to arrive in Cairo on Wednesday"])


@pytest.mark.parametrize("text", [
    "Trips\nLavrov traveled to Belarus. Putin said on Monday that he is expected to visit Belarus soon.",
    "Trips\n\"I have visited Belarus many times,\" Lavrov said. \"I will visit Belarus next week.\"",
    "Trips\nLavrov went to Belarus in March. He will go to Belarus in June.",
    "Trips\nLavrov has visited Belarus several times. Lavrov will visit Belarus next week.",
    "Trips\nMicrosoft headed to court on Monday. Microsoft will head to court again in May.",
    "Trips\nIf Lavrov traveled to Belarus, he would be arrested. He is expected to visit Belarus next week.",
    "Talks\nJoe Biden met Volodymyr Zelensky in Kyiv on Monday. Biden plans to meet Zelensky at the NATO summit.",
    "Trips\nLavrov traveled to Belarus on Monday. He is expected to visit Belarus in July.",
    "Trips\nLavrov traveled to Belarus on Monday. He is expected to visit Belarus later this year.",
])
def test_temporal_passes_other_actors_habits_and_conditions(text: str) -> None:
    assert_passes("TM01", text)


def test_temporal_passes_past_trip_with_old_date() -> None:
    text = ("Minister's trips\nIvan Petrov visited Belarus in 2014 during the crisis.\n"
            "He is expected to visit Belarus over the next few days.")
    assert_passes("TM01", text)


def test_temporal_passes_future_then_past() -> None:
    text = ("Minister's trips\nIvan Petrov will visit Belarus next week.\n"
            "He last visited Belarus in 2016.")
    assert_passes("TM01", text)


# --- TM02 weekday / date ----------------------------------------------------------------------
def test_temporal_flags_weekday_with_explicit_year() -> None:
    findings = assert_flags("TM02", "Vote set\nThe vote will be held on Friday, November 3, 2020.",
                            quotes=["Friday, November 3, 2020"])
    assert "Tuesday" in findings[0].message


def test_temporal_flags_split_weekday_and_date_with_published_year() -> None:
    article = make_article("Border opens\nThe border posts opened on Monday, July 21, officials said.",
                           published=dt.date(2020, 7, 25))
    assert_flags("TM02", article, quotes=["Monday, July 21"])


def test_temporal_flags_british_order_with_copyright_year() -> None:
    text = "Match report\nThe final was played on Monday 20 July in London.\n(c) 2021, The Sports Daily."
    assert_flags("TM02", text, quotes=["Monday 20 July"])


@pytest.mark.parametrize(("text", "quote"), [
    ("Tour\nHOBART (AP) - Nash won on Sunday, March 9, 2025. The race opened on Friday, March 6, on the coast.",
     "Friday, March 6"),
    ("Verdict\nThe jury returned its verdict on Friday, 14 March 2025. The trial had opened on Monday 4 March.",
     "Monday 4 March"),
])
def test_temporal_flags_weekday_with_the_year_of_the_articles_other_dates(text: str, quote: str) -> None:
    findings = assert_flags("TM02", text, quotes=[quote])
    assert "other dates" in findings[0].message


@pytest.mark.parametrize("text", [
    "Tour\nHOBART (AP) - Nash won on Sunday, March 9, 2025. The race opened on Thursday, March 6, on the coast.",
    # two years among the full dates: no single year to lend
    "Album\nIt came out on Friday, May 3, 2019, and was reissued on Friday, May 5, 2023. A tour began on Monday, May 8.",
    # a yearless December date beside a January one may be of the year before
    "Storm\nThe floods peaked on Sunday, January 5, 2025. The rain had begun on Saturday, December 28.",
    "Vote set\nThe vote will be held on Tuesday, November 3, 2020.",
    "Vote set\nThe vote will be held on Friday, November 3.",  # no year and no reference date
    "Vote set\nThe vote was delayed on Friday, and November 3 is the new date.\n(c) 2020, The Post.",
    "Vote set\nThe vote will be held on Tuesday 3 November 2020.",
])
def test_temporal_passes_correct_or_unanchored_weekdays(text: str) -> None:
    assert_passes("TM02", text)


def test_temporal_passes_december_date_in_next_years_article() -> None:
    # Friday, December 29 is 2017, the year before the copyright line: late-year dates may be last year's
    text = "Year review\nThe deal was signed on Friday, December 29, officials said.\n(c) 2018, The Post."
    assert_passes("TM02", text)


# --- TM03 after publication ------------------------------------------------------------------
def test_temporal_flags_past_event_after_published_date() -> None:
    article = make_article("Bridge opens\nThe bridge was opened on March 3, 2021, by the mayor.",
                           published=dt.date(2020, 5, 1))
    assert_flags("TM03", article, quotes=["opened on March 3, 2021"])


def test_temporal_flags_years_ago_miscount() -> None:
    text = "War remembered\nThe war ended in 1995, 30 years ago, with a treaty.\n(c) 2018, The Post."
    assert_flags("TM03", text, quotes=["30 years ago"])


def test_temporal_flags_years_ago_before_the_year() -> None:
    text = "War remembered\nThe war ended 30 years ago (in 1995) with a treaty.\n(c) 2018, The Post."
    assert_flags("TM03", text, quotes=["30 years ago"])


def test_temporal_passes_event_a_day_after_publication_time() -> None:
    article = make_article("Vote\nThe vote was held on March 3, 2021, officials said.",
                           published=dt.datetime(2021, 3, 2, 23, 30))
    assert_passes("TM03", article)


def test_temporal_flags_years_since_miscount() -> None:
    text = ("Ties renewed\nThe visit comes 45 years after China and Germany established relations in 1972.\n"
            "(c) 2019, The Post.")
    assert_flags("TM03", text, quotes=["45 years after China and Germany established relations in 1972"])


def test_temporal_passes_years_after_counted_from_another_event() -> None:
    text = ("Career\nHe retired in 2010, 20 years after joining the firm in 1990.\n(c) 2019, The Post.")
    assert_passes("TM03", text)


def test_temporal_passes_correct_years_since() -> None:
    assert_passes("TM03", "Ties\nIt has been 47 years since relations were set up in 1972.\n(c) 2019, The Post.")


def test_temporal_flags_anniversary_miscount() -> None:
    text = "Landing remembered\nCrowds marked the 40th anniversary of the 1969 moon landing.\n(c) 2019, The Post."
    assert_flags("TM03", text, quotes=["40th anniversary"])


@pytest.mark.parametrize("text", [
    "Plant\nThe plant will open in 2021, the company said.\n(c) 2018, The Post.",
    "Plant\nThe firm pledged to cut emissions by 2021.\n(c) 2018, The Post.",
    "Plant\nThe opening was planned for 2021.\n(c) 2018, The Post.",
    "Games\nThe 2022 World Cup was awarded to Qatar.\n(c) 2018, The Post.",
    "Mock vote\nPupils signed up for the Mock Elections 2021 in large numbers.\n(c) 2018, The Post.",
    "Plant\nThe plant opened in 2021, the company said.",  # no reference date
    "War\nThe war ended in 1995, 23 years ago, with a treaty.\n(c) 2018, The Post.",
    "Landing\nCrowds marked the 50th anniversary of the 1969 moon landing.\n(c) 2019, The Post.",
    "Plant\nThe plant opened in 2017, the company said.\n(c) 2018, The Post.",
    "Firm\nThe firm, founded in 1990, cut 500 jobs three years ago.\n(c) 2018, The Post.",
])
def test_temporal_passes_forward_looking_or_consistent_dates(text: str) -> None:
    assert_passes("TM03", text)


# --- TM04 ages ------------------------------------------------------------------------------
def test_temporal_flags_company_age_against_founding_year() -> None:
    text = ("Start-up sold\nThe 10-year-old company, founded in 2001, was sold on Monday.\n"
            "(c) 2018, The Post.")
    assert_flags("TM04", text, quotes=["10-year-old"])


def test_temporal_flags_aged_person() -> None:
    article = make_article("Obituary\nMary Jones, who was born in 1931, died aged 58 at home.",
                           published=dt.date(2018, 6, 1))
    assert_flags("TM04", article, quotes=["aged 58"])


@pytest.mark.parametrize("text", [
    "Coach\nJohn Smith, 67, who was born in 1950, retired.\n(c) 2018, The Post.",
    "Coach\nJohn Smith, 68, who was born in 1950, retired.\n(c) 2018, The Post.",
    "Coach\nJohn Smith, 45, who was born in 1950, retired.",  # no reference date
    "Firm\nThe 17-year-old company, founded in 2001, was sold.\n(c) 2018, The Post.",
    "Firm\nThe 45-year-old founder of the firm, founded in 1990, sold it.\n(c) 2018, The Post.",
])
def test_temporal_passes_consistent_or_unanchored_ages(text: str) -> None:
    assert_passes("TM04", text)


def test_temporal_flags_impossible_age_without_reference_date() -> None:
    assert_flags("TM04", "Judge dies\nLord Scarman, who led the inquiry, has died aged 186.", quotes=["aged 186"])


def test_temporal_passes_old_but_possible_age() -> None:
    assert_passes("TM04", "Judge dies\nLord Scarman, who led the inquiry, has died aged 93.")


def test_temporal_passes_large_number_after_name_that_is_no_age() -> None:
    assert_passes("TM04", "Sales\nThe Ford Focus, 150, and the Fiesta sold well.")


def test_temporal_flags_unnamed_title_as_actor() -> None:
    text = ("Minister abroad\nThe foreign minister traveled to Belarus on Tuesday for talks.\n"
            "He is expected to visit Belarus over the next few days, the ministry said.")
    assert_flags("TM01", text, quotes=["He is expected to visit Belarus"])


def test_temporal_passes_different_titles() -> None:
    text = ("Ministers abroad\nThe foreign minister traveled to Belarus on Tuesday for talks.\n"
            "The defence minister is expected to visit Belarus over the next few days.")
    assert_passes("TM01", text)


def test_temporal_flags_arrival_dated_then_scheduled() -> None:
    text = ("Premier in Berlin\nChinese Premier Li Keqiang arrived in Berlin on Tuesday, July 9, 2019, for talks.\n"
            "Li met Angela Merkel at the chancellery. He is scheduled to arrive in Berlin on Thursday, the embassy said.")
    assert_flags("TM01", text, quotes=["He is scheduled to arrive in Berlin on Thursday"])


def test_tm03_a_past_form_in_a_time_clause_under_would_is_reported_future():
    from consistency.testing import assert_flags, assert_passes

    assert_passes("TM03", "Mine plan\nPERTH, 10 September 2025 - The company said it would run 60 trucks a day "
                          "once the mine reached full production in early 2026. Work began in 2024.")
    assert assert_flags("TM03", "Mine opens\nPERTH, 10 September 2025 - The mine reached full production in "
                                "early 2026, the company said. Work began in 2024.")


# --- TM06 with a yearless dateline, and "by" a day in a past clause ---------------------------------


def test_temporal_flags_past_event_after_a_yearless_dateline() -> None:
    text = ("Ferry line sold\nOSLO, Sept. 3 (Reuters) - Shares in the ferry operator jumped on Wednesday "
            "after its board agreed on Sept. 7 to sell the northern routes to a rival.")
    assert_flags("TM06", text, quotes=["Sept. 7"])


def test_temporal_passes_plan_or_earlier_day_under_a_yearless_dateline() -> None:
    assert_passes("TM06", "Ferry line sold\nOSLO, Sept. 3 (Reuters) - The board agreed on Aug. 29 to sell the "
                          "northern routes, and the sale is due to close on Sept. 20.")
    assert_passes("TM06", "Orchard harvest\nNELSON, March 2 (AP) - Growers said picking would start on March 9.")


def test_temporal_flags_completion_by_a_later_day_in_a_past_clause() -> None:
    text = ("Rail line reopens\nLEEDS, 4 November 2025 - Engineers said the damaged viaduct had been "
            "repaired by 6 November, two days ahead of schedule.")
    assert_flags("TM06", text, quotes=["6 November"])
    text = ("Harvest in\nFRESNO, Calif., Sept. 12, 2024 - Most growers had their grapes picked by Sept. 15, "
            "the cooperative said.")
    assert_flags("TM06", text, quotes=["Sept. 15"])


def test_temporal_passes_a_deadline_by_a_later_day() -> None:
    for text in (
        "Rail line reopens\nLEEDS, 4 November 2025 - Engineers said the viaduct would be repaired by 6 November.",
        "Rail line reopens\nLEEDS, 4 November 2025 - The viaduct is expected to be repaired by 6 November.",
        "Rail line reopens\nLEEDS, 4 November 2025 - Engineers hoped to have the viaduct repaired by 6 November.",
        "Rail line reopens\nLEEDS, 4 November 2025 - The viaduct had been repaired by 1 November.",
    ):
        assert_passes("TM06", text)


# --- TM06: a day of an earlier year, and a day that is an act's target ------------------------------


@pytest.mark.parametrize("text", [
    # the year is named beside the day, or in the sentence before
    "Hall reopens\nPERUGIA, 2 September 2024 - \"We have waited since October 1 last year,\" the organiser said.",
    "Record summer\nOSLO, 14 March 2024 - The line carried 1.2 million passengers last year. The busiest day "
    "was 28 July, when 41,000 people travelled.",
    "Marathon\nBOSTON, April 16, 2024 - Kiprop won on Monday. He finished second in Chicago last year on Oct. 8.",
    "Pilgrims\nAMRITSAR, 3 February 2025 - The previous season's fair drew 80,000 people; it closed on 20 March.",
])
def test_temporal_passes_a_yearless_day_of_an_earlier_year(text) -> None:
    assert_passes("TM06", text)


@pytest.mark.parametrize("text", [
    "Court news\nLEEDS, 12 June 2025 - The hearing was postponed to 20 June after the judge fell ill.",
    "Court news\nLEEDS, 12 June 2025 - The deadline was extended to 30 June.",
    "Snap poll\nLEEDS, 12 June 2025 - The prime minister called a snap election for 24 July.",
    "Stadium\nLEEDS, 12 June 2025 - Organisers said they had booked the stadium for 28 June.",
    "Final moved\nLEEDS, 12 June 2025 - The final was moved to 22 June because of the storm.",
    "Concert\nLEEDS, 12 June 2025 - Tickets went on sale for the 20 June concert at the arena.",
])
def test_temporal_passes_a_later_day_that_a_past_act_aims_at(text) -> None:
    assert_passes("TM06", text)


def test_temporal_still_flags_a_past_day_after_the_date_through_a_place_or_a_past_event() -> None:
    text = ("Trade talks\nLEEDS, 12 June 2025 - The minister flew to Doha on 20 June for the talks, "
            "officials said on Wednesday.")
    assert_flags("TM06", text, quotes=["20 June"])
    text = ("Rider back\nKIGALI, 1 March 2025 - Habimana started the race two weeks after a heavy crash "
            "at a race in Cameroon on 2 March.")
    assert_flags("TM06", text, quotes=["2 March"])


# --- TM05 an age against the birthday someone "turns" -------------------------------------------------


@pytest.mark.parametrize(("text", "quote"), [
    ("Conductor retires\nVIENNA, 2 February 2025 - The conductor Ilse Brandauer, 71, led her last concert on "
     "Saturday. Brandauer, who turns 68 in April, said she would now teach.", "turns 68"),
    ("Jockey returns\nThe jockey Sean Mallory, 29, rode two winners at Naas. Mallory turned 33 last month "
     "and plans to ride on.", "turned 33"),
    ("Senator stands down\nSenator Ruth Okafor, 54, is standing down after three terms. Okafor, who will turn 61 "
     "in November, said the decision was personal.", "turn 61"),
])
def test_temporal_flags_age_against_the_birthday_turned(text: str, quote: str) -> None:
    assert_flags("TM05", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Conductor retires\nThe conductor Ilse Brandauer, 71, led her last concert. Brandauer, who turns 72 in April, "
    "said she would now teach.",
    "Conductor retires\nThe conductor Ilse Brandauer, 72, led her last concert. Brandauer, who turned 72 in "
    "January, said she would now teach.",
    "Jockey returns\nThe jockey Sean Mallory, 29, rode two winners. Mallory turns 31 next year.",
    "Jockey returns\nThe jockey Sean Mallory, 29, rode two winners. The stable turned 40 in May.",
    "Jockey returns\nThe jockey Sean Mallory, 29, rode two winners. His share of rides turned 30 percent.",
])
def test_temporal_passes_birthday_that_fits_or_belongs_elsewhere(text: str) -> None:
    assert_passes("TM05", text)
