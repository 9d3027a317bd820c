"""TM01 on the ledger's event-status claims, TM04/TM05/TM06 constructions of issue 14: positives and traps."""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.testing import assert_flags, assert_passes, make_article


# --- TM01: one event told as done and as still to come ---------------------------------------
@pytest.mark.parametrize("text, quote", [
    ("Trade deal\nThe ministers signed the accord on Tuesday in Geneva. The prime minister is due to sign "
     "the accord next month, officials said.", "due to sign the accord next month"),  # politics
    ("Jazz week\nThe festival opened on Thursday with a brass concert. Hotels expect full rooms when the "
     "festival opens on Sunday.", "the festival opens on Sunday"),  # culture
    ("Wheat yields\nA study published on Monday found that yields fell by a tenth. Farmers will learn more "
     "when the study is published next month.", "the study is published next month"),  # science
    ("Water deal\nThe framework, which the presidents signed at a summit in Astana in March, sets quotas. Once the "
     "presidents sign it, the framework would replace older deals.", "sign it"),  # diplomacy, pronoun
    ("Merger\nThe board approved the merger on Friday. Shareholders say the board will approve the merger "
     "next week.", "will approve the merger next week"),  # business
    ("Appeal\nThe court heard the appeal on Monday. The court is expected to hear the appeal in the "
     "spring.", "expected to hear the appeal"),  # courts
    ("Appeal\nThe tribunal heard the appeal on Monday. Since the appeal is still to be heard, the ban stands for "
     "now.", "the appeal is still to be heard"),  # sport, pending
    ("Appeal\nThe tribunal dismissed the appeal on Monday. Since the appeal is still to be heard, the ban "
     "stands for now.", "the appeal is still to be heard"),  # sport, a decision needs a hearing
    ("Appeal\nThe tribunal upheld the appeal on Monday. Lawyers said the appeal was yet to be heard.",
     "yet to be heard"),  # courts
    ("Treaty\nParliament ratified the treaty on Monday. The treaty has yet to be ratified, the opposition said.",
     "yet to be ratified"),  # politics, pending
])
def test_tm01_flags_event_done_then_planned(text: str, quote: str) -> None:
    findings = assert_flags("TM01", text, quotes=[quote])
    assert findings[0].evidence, "the finding points at the other telling"


@pytest.mark.parametrize("text", [
    # repeat events
    "Concert\nThe band played the concert on Friday. It will play the concert again next year.",
    "Final\nThe club won the final on Sunday. It hopes to win another final next season.",
    "Vote\nThe party held the vote on Monday. It will hold a second vote next month.",
    "Talks\nThe unions held a round of talks on Monday. They will hold a further round of talks next week.",
    "Port\nThe operator installed the crane on Monday. It will install a fifth crane in April.",
    # an earlier occurrence, dated years back
    "Race\nThe town hosted the marathon in 2019. It will host the marathon in May.\n(c) 2024, The Post.",
    # explicit reschedule
    "Rain\nThe final was postponed on Saturday because of rain. Officials said the final will now be "
    "played on Sunday after it was played to a draw.",
    "Summit\nThe delegates opened the session on Monday. The session will be reopened on Friday.",
    # different events with the same noun, or different agents
    "Finals\nThe men's final ended on Saturday. The women's final will end on Sunday.",
    "Bill\nThe Senate approved the bill on Tuesday. The House is expected to approve the bill next week.",
    # conditions, negations, hypotheticals, habits
    "Accord\nThe ministers signed the accord on Tuesday. If the parliament signs the accord, it will be law.",
    "Accord\nThe ministers did not sign the accord on Tuesday. They are due to sign the accord next month.",
    "Festival\nThe festival opened on Thursday. The festival opens every June.",
    # plural, generic objects repeat
    "Jobs\nThe company cut jobs in March. It plans to cut jobs next year.",
    "Appeal\nThe tribunal heard the appeal on Monday. The appeal is yet to be decided.",
    "Appeal\nThe tribunal dismissed the appeal on Monday. A second appeal is still to be heard.",
])
def test_tm01_passes_repeats_reschedules_and_other_events(text: str) -> None:
    assert_passes("TM01", text)


@pytest.mark.parametrize("text, quote", [
    ("Quay works\nThe old sheds on the quay were demolished last spring, leaving an empty lot. Once demolition of "
     "the sheds is complete, building will start.", "Once demolition of the sheds is complete"),  # housing
    ("Stadium\nThe club renovated the stadium last summer for the new season. The team will move back when "
     "renovation of the stadium is finished.", "renovation of the stadium is finished"),  # sport
    ("Treaty\nThe parliament ratified the treaty on Monday. Once ratification of the treaty is complete, "
     "tariffs will fall.", "Once ratification of the treaty is complete"),  # politics
    ("Samples\nThe team analysed the samples on Friday. The paper will follow once analysis of the samples "
     "is complete.", "analysis of the samples"),  # science, British and American spellings
    ("Pier\nThe old pier was demolished on Tuesday after storms. Demolition of the pier is expected to finish "
     "in May.", "Demolition of the pier is expected to finish in May"),  # a frame of plans
    ("Chapel\nThe frescoes in the chapel were restored in March. Visitors will return when restoration of the "
     "frescoes is complete.", "restoration of the frescoes is complete"),  # culture
])
def test_tm01_flags_an_event_noun_still_to_finish_after_its_verb_told_done(text: str, quote: str) -> None:
    findings = assert_flags("TM01", text, quotes=[quote])
    assert findings[0].evidence


@pytest.mark.parametrize("text", [
    # a stage of the event: begun, partly done
    "Quay works\nDemolition of the sheds began in March. Once demolition of the sheds is complete, building "
    "will start.",
    "Quay works\nThe sheds were partly demolished in March. Once demolition of the sheds is complete, building "
    "will start.",
    # another thing of the same kind
    "Quay works\nThe old sheds were demolished last spring. Once demolition of the warehouses is complete, "
    "building will start.",
    "Quay works\nThe sheds were demolished last spring. Once demolition of the new sheds is complete, building "
    "will start.",
    # things without a determiner, generic
    "Houses\nCrews demolished houses last year. Once demolition of houses is complete, the land is sold.",
    # a condition, a habit
    "Stadium\nThe club renovated the stadium last summer. If renovation of the stadium is finished by May, the "
    "team will return.",
    "Museum\nThe staff cleaned the galleries on Monday. Cleaning of the galleries is complete every week.",
    # a frame of plans for a stage that is not all of it
    "Pier\nDemolition of the pier began on Tuesday. Demolition of the pier is expected to finish in May.",
    # another agent
    "Merger\nThe merger was approved by shareholders on Monday. Once approval of the merger by regulators is "
    "complete, the shares will be delisted.",
    # an earlier year
    "Pier\nThe council repaired the pier in 2019. Once repair of the pier is complete, ferries will return.\n"
    "(c) 2024, The Post.",
])
def test_tm01_passes_event_noun_stages_other_things_and_conditions(text: str) -> None:
    assert_passes("TM01", text)


@pytest.mark.parametrize("text, quote", [
    ("Oil deal\nThe presidents met in Caracas on Tuesday. Last April, the two countries will sign a fuel "
     "agreement.", "Last April, the two countries will sign"),  # politics
    ("Search\nA smaller video service is to be launched last month, the firm said.", "is to be launched last month"),
    ("Wages\nA lower minimum wage is set to be introduced last October for apprentices.",
     "is set to be introduced last October"),  # business
    ("Probe\nThe lander is expected to touch down two weeks ago, the agency said.",
     "is expected to touch down two weeks ago"),  # science
    ("Sentence\nThe judge will sentence the two men last Friday at the crown court.",
     "will sentence the two men last Friday"),  # courts
    ("Transfer\nThe striker will join the club last summer on a three-year deal.",
     "will join the club last summer"),  # sport
])
def test_tm01_flags_a_future_dated_in_the_past(text: str, quote: str) -> None:
    assert_flags("TM01", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Profits\nProfits will be higher than last year, the bank said.",
    "Rates\nThe new rate will apply from last April, backdated.",
    "Titles\nBy May the club will have won three titles since last year.",
    "Report\nThe firm will report last year's results on Monday.",
    "Deal\nThe minister said the country would sign the deal last week.",  # a past's future
    "League\nThe team will play the side that beat them last week.",
    "Tax\nThe rebate will be paid on the last day of the month.",
    "Bill\nIf the bill is passed last week, it will be law.",
    'Quote\nThe film opened on Friday. "It will open last week in Paris," the director joked.',  # quoted: info
    "Vote\nThe council is expected to approve the plan next week, after it was delayed last month.",
])
def test_tm01_passes_future_with_other_times(text: str) -> None:
    assert_passes("TM01", text)


# The past time on the frame's own verb, "recently", or a year before the article's.
@pytest.mark.parametrize("text, quote", [
    ("Striker\nLast April, the club is expected to sign the striker from Leeds.",
     "Last April, the club is expected to sign"),  # sport: the date on "expected"
    ("Museum\nThe museum recently is to open a new wing for its Roman coins.", "recently is to open"),  # culture
    ("Festival\nThe festival, which recently is set to move to Bath, drew 5,000 visitors.",
     "recently is set to move"),  # culture, in a relative clause
    ("Clinic\nLast month the health board is due to close the clinic in Ayr.",
     "Last month the health board is due to close"),  # politics
])
def test_tm01_flags_a_plan_frame_dated_in_the_past(text: str, quote: str) -> None:
    assert_flags("TM01", text, quotes=[quote])


@pytest.mark.parametrize("text, quote", [
    ("Branch\nIn 2003 the bank is set to open a branch in Leeds.", "In 2003 the bank is set to open"),  # business
    ("Probe\nThe probe is expected to land on the comet in March 2011.", "is expected to land"),  # science
    ("Trial\nThe trial of the two men is due to begin in 2009 at the crown court.", "due to begin in 2009"),  # courts
])
def test_tm01_flags_a_plan_dated_in_an_earlier_year(text: str, quote: str) -> None:
    assert_flags("TM01", make_article(text, published=dt.date(2014, 5, 1)), quotes=[quote])


@pytest.mark.parametrize("text", [
    "Striker\nThe club said last April it is expected to sign the striker.",  # a plan reported then
    "Museum\nThe museum has recently said it is to open a new wing.",
    "Striker\nThe striker was expected to sign last April.",  # the past of a plan
    "Profits\nShares, which fell last month, are expected to rise next year.",  # a forecast of later
    "Jobs\nLast year, the firm made a loss, and it is expected to cut jobs next year.",
    "Vote\nUntil recently the council was due to vote on the plan.",
    "Clinic\nIf the board agreed last month, the clinic is to close.",  # a condition
])
def test_tm01_passes_plan_frames_with_other_times(text: str) -> None:
    assert_passes("TM01", text)


@pytest.mark.parametrize("text", [
    "Branch\nIn 2016 the bank is set to open a branch in Leeds.",  # a later year
    "Probe\nThe probe, launched in 2004, is expected to land in 2016.",
    "Fees\nThe fees, in force since 2010, are set to rise in 2015.",
])
def test_tm01_passes_plans_in_a_later_year(text: str) -> None:
    assert_passes("TM01", make_article(text, published=dt.date(2014, 5, 1)))


def test_tm01_passes_a_plan_year_without_reference_date() -> None:
    assert_passes("TM01", "Trial\nThe trial is due to begin in 2009 at the crown court.")


def test_tm01_quoted_telling_is_only_info() -> None:
    text = ('Treaty\nThe ministers signed the treaty on Tuesday. "We will sign the treaty next month," one '
            'minister said.')
    assert_passes("TM01", text)


# --- TM04: ages against birth and founding dates in one sentence, from the ledger -------------
def test_tm04_flags_age_against_birth_in_one_sentence() -> None:
    article = make_article("Coach\nJohn Smith, 45, who was born in 1950, retired on Monday.",
                           published=dt.date(2018, 3, 1))
    assert_flags("TM04", article, quotes=["45"])


def test_tm04_flags_firm_set_up_in_a_year_against_its_age() -> None:
    article = make_article("Start-up\nThe 30-year-old firm, set up in 2015, was sold to a rival.",
                           published=dt.date(2024, 5, 1))
    assert_flags("TM04", article, quotes=["30-year-old"])


@pytest.mark.parametrize("text", [
    "Start-up\nThe 9-year-old firm, set up in 2015, was sold to a rival.",
    "Founder\nThe 45-year-old founder of the firm, founded in 1990, sold it.",
    "Church\nThe 150-year-old church, built in 1874, reopened.",
])
def test_tm04_passes_consistent_or_non_age_readings(text: str) -> None:
    assert_passes("TM04", make_article(text, published=dt.date(2024, 5, 1)))


# --- TM05: restated ages across sentences -----------------------------------------------------
def test_tm05_flags_present_age_after_at() -> None:
    text = ("Election\nREYKJAVIK, 3 March 2024 - Anna Jonsdottir, 44, leads the party. Jonsdottir, who at 47 is "
            "the youngest party leader in parliament, grew up on a farm.")
    assert_flags("TM05", text, quotes=["at 47"])


def test_tm05_passes_age_at_another_time() -> None:
    text = ("Election\nREYKJAVIK, 3 March 2024 - Anna Jonsdottir, 44, leads the party. Jonsdottir, who at 27 "
            "was elected mayor, grew up on a farm.")
    assert_passes("TM05", text)


# --- TM06: past told on a day after the article's date -----------------------------------------
@pytest.mark.parametrize("text, quote", [
    ("Breach\nBERLIN, 7 March 2024 - Medivio said hackers stole data. It began emailing customers on "
     "9 March.", "9 March"),  # tech: the tense of the frame
    ("Runoff\nVALPARAISO, Nov. 25, 2024 - At a final rally held on Nov. 28 in Vina del Mar, he promised "
     "more firebreaks.", "Nov. 28"),  # elections: a reduced relative in a past clause
])
def test_tm06_flags_past_after_the_dateline(text: str, quote: str) -> None:
    assert_flags("TM06", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Breach\nBERLIN, 7 March 2024 - Medivio said hackers stole data. It plans to begin emailing customers "
    "on 9 March.",
    "Runoff\nVALPARAISO, Nov. 25, 2024 - At a final rally scheduled for Nov. 28, he will promise more "
    "firebreaks.",
    "Runoff\nVALPARAISO, Nov. 25, 2024 - At a final rally held on Nov. 21, he promised more firebreaks.",
])
def test_tm06_passes_plans_and_earlier_days(text: str) -> None:
    assert_passes("TM06", text)


# --- TM01: a thing still to be made that has already done something ---------------------------
@pytest.mark.parametrize("text, quote", [
    ("Petition\nResidents are expected to set up a petition that gathered 4,000 names in a week.",
     "are expected to set up a petition"),  # politics
    ("Robot\nThe lab is to build a robot which won a design prize in Tokyo.", "is to build a robot"),  # science
    ("Academy\nThe club will found an academy that produced three internationals.",
     "will found an academy"),  # sport
    ("Opera\nThe composer is due to create an opera which toured Europe to warm reviews.",
     "is due to create an opera"),  # culture
    ("Fund\nThe bank is set to establish a fund that lent £40m to small firms.",
     "is set to establish a fund"),  # business
])
def test_tm01_flags_a_thing_to_be_made_that_already_acted(text: str, quote: str) -> None:
    assert_flags("TM01", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Robot\nThe lab is to build a robot like the one which won a design prize in Tokyo.",  # another of a kind
    "Robot\nThe lab is to build a new robot which can climb stairs.",  # what it will do
    "Petition\nResidents set up a petition that gathered 4,000 names in a week.",  # made, then acted
    "Stadium\nThe council will build a stadium that seats 40,000 fans.",  # a present of state
    "Academy\nThe club is to found an academy which was designed by a former coach.",  # a passive: the plan
    "Fund\nThe bank is set to establish a second fund that lent money to farmers.",  # another one
    "Opera\nThe composer is to create an opera for the singer who toured Europe last year.",  # not the thing
    "Academy\nIf the club had founded an academy that produced players, it would be richer.",  # a condition
    "Drug\nThe firm is not expected to develop a drug which failed its trials.",  # negated
    'Quote\n"We will build a school that changed lives," the mayor said.',  # quoted
    "Plants\nThe group is to build two plants which supplied the region.",  # several
])
def test_tm01_passes_other_things_states_and_conditions(text: str) -> None:
    assert_passes("TM01", text)


# --- TM01: "the same period" takes the time of the date before it -----------------------------
@pytest.mark.parametrize("text, quote", [
    ("Costs\nSales rose 8% over the past year. Over the same period, costs are expected to rise 3%.",
     "Over the same period"),  # business
    ("Patients\nResearchers tracked 400 patients over the past decade. During the same period, 30 of them "
     "are due to undergo surgery.", "During the same period"),  # science
    ("Transfers\nThe club signed nine players in the last two seasons. In the same period, the club will "
     "sell eleven.", "In the same period"),  # sport
])
def test_tm01_flags_a_plan_in_the_same_period_as_a_past_one(text: str, quote: str) -> None:
    assert_flags("TM01", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Costs\nSales are expected to rise 8% over the next year. Over the same period, costs are expected to rise 3%.",
    "Costs\nSales rose 8% over the past year. Over the same period, costs rose 3%.",  # both done
    "Growth\nThe firm grew 5% in the first quarter of last year. In the same period next year, it is expected "
    "to grow 7%.",  # another period named
    "Court\nThe court sat for two weeks in March. The jury will be asked to consider the same period.",  # no date
    "Exports\nExports fell over the past year. Imports will rise over the next few days.",  # a span ahead
])
def test_tm01_passes_the_same_period_after_a_future_or_with_its_own_date(text: str) -> None:
    assert_passes("TM01", text)


# --- TM01: a plan inside an "after" clause of a past event --------------------------------------
@pytest.mark.parametrize("text, quote", [
    ("New boss\nMr Bell took over as chief executive after his predecessor, Jim Cantalupo, is expected to die "
     "of a heart attack in April.", "is expected to die"),  # business, "after" misread as a preposition
    ("Ground sale\nThe club sold the ground after the council will approve the plan.", "will approve"),  # sport
    ("New chair\nMs Ode took over as chair after her predecessor as head, Ann Lee, is expected to retire in May.",
     "is expected to retire"),  # business, the subject's apposition misread too
    ("Rates\nPrices rose after the central bank is to cut interest rates.", "is to cut"),  # business
    ("Conductor\nThe orchestra hired Volkova after her contract is set to expire.", "is set to expire"),  # culture
    ("Queue\nFans queued overnight after the announcement is set to be made.", "is set to be made"),  # culture
])
def test_tm01_flags_a_plan_that_a_past_event_came_after(text: str, quote: str) -> None:
    findings = assert_flags("TM01", text, quotes=[quote])
    assert findings[0].evidence, "the finding points at the past event"


@pytest.mark.parametrize("text", [
    "Inquiry\nShe quit weeks before the inquiry is due to report.",  # before: looks forward
    "Talks\nThe warning came as ministers are due to meet on Friday.",  # as: at the time of a plan
    "Jobs\nShares fell sharply after the firm said it is expected to cut 500 jobs.",  # the plan is what was said
    "Jobs\nShares fell after the results, and the firm is expected to cut 500 jobs.",  # a clause of its own
    "Squad\nThe team arrived after midnight and is due to train on Monday.",  # its own clause
    "Report\nHe resigned after the report, which is due to be published on Friday.",  # a relative clause
    "Museum\nThe museum closed after a fire, and is expected to reopen in May.",
    "Flight\nAfter the match ended, the players are due to fly home.",  # the past is the time clause
    "Appeal\nThe team left after the final whistle, Leeds are expected to appeal.",  # a clause with its own subject
    "Vote\nHe said he would leave after the vote is expected to take place.",  # under a modal
    "Court\nThe judge did not rule after the jury is due to retire.",  # negated
    'Plan\n"We left after the council will approve it," the mayor joked.',  # quoted
])
def test_tm01_passes_plans_before_as_or_beside_a_past_event(text: str) -> None:
    assert_passes("TM01", text)


# --- TM01: an event told as done, then owned by its thing as still to come -----------------------
@pytest.mark.parametrize("text, quote", [
    ('Tour\nThe shows feature songs from the group\'s second album, "Tidewater," which was released in March. '
     "The setlist was reworked ahead of the album's release next month.", "the album's release next month"),  # music
    ("Bridge\nThe council opened the bridge on Monday. Traffic is expected to build ahead of the bridge's opening "
     "next month.", "the bridge's opening next month"),  # local government
    ("Stadium\nThe club opened the stadium on Saturday with a friendly. Tickets for the stadium's opening next "
     "week sold out.", "the stadium's opening next week"),  # sport
    ("Report\nThe report was published on Tuesday. Ministers were briefed ahead of the report's publication next "
     "month.", "the report's publication next month"),  # politics
])
def test_tm01_flags_an_owned_event_still_to_come(text: str, quote: str) -> None:
    findings = assert_flags("TM01", text, quotes=[quote])
    assert findings[0].evidence, "the finding points at the other telling"


@pytest.mark.parametrize("text", [
    "Film\nThe studio released the film in March. The film's release in China next month is awaited.",  # a part
    "Film\nThe film was released in March. The sequel's release next month is awaited.",  # another thing
    "Album\nThe band's first album was released in March. The band's second album's release next month is "
    "awaited.",  # another of the owner's things
    "Album\nThe band released its first album in March. Its second album was released in May.",
    "Bridge\nThe council opened the bridge on Monday. The bridge's reopening next month follows repairs.",
    "Bridge\nThe council opened the bridge on Monday. The bridge's second opening next month follows repairs.",
    "Trial\nThe drug was approved in May. The drug's approval in Europe next year is expected.",  # science, a part
    "Museum\nThe museum was opened in 2019. The museum's opening last week drew crowds.",  # both done
    # a future time that may be the future verb's own ("respond next month, after the publication")
    "Report\nThe report was published on Tuesday. Ministers will respond after the report's publication next month.",
])
def test_tm01_passes_other_parts_things_and_occurrences_of_an_owned_event(text: str) -> None:
    assert_passes("TM01", text)


# --- TM05: a description by what the person did ("the garland seller") ----------------------------
@pytest.mark.parametrize("text, quote", [
    ("Festival\nOn Sunday, Meena Pillai, 71, sold jasmine garlands at the temple. Ravi Menon, 46, said he would "
     "return next year. By evening, the 76-year-old garland seller was counting her stock.", "76-year-old"),  # culture
    ("Bus crash\nTom Reed, 52, drove the bus from Leeds. Police said Anna Cole, 30, was hurt. The 55-year-old bus "
     "driver was unhurt.", "55-year-old"),  # transport
    ("Start-up\nMaria Lopes, 44, founded the company in 2009. Investor Ken Ito, 61, joined later. The 48-year-old "
     "founder said sales doubled.", "48-year-old"),  # business
    ("Marathon\nAmina Diallo, 29, won the race in Berlin. Coach Ben Ortiz, 50, was delighted. The 31-year-old race "
     "winner thanked the crowd.", "31-year-old"),  # sport
])
def test_tm05_flags_a_description_by_what_the_person_did(text: str, quote: str) -> None:
    assert_flags("TM05", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    # two people did it: the description may be either
    "Bus crash\nTom Reed, 52, drove the bus. Anna Cole, 30, drove the car. The 55-year-old driver was unhurt.",
    # the compound names another thing than what the person sold
    "Market\nKalaivani Rajendran, 71, sold garlands. Ravi Kumar, 50, was there too. The 76-year-old flower seller "
    "was busy.",
    # the same age
    "Festival\nKalaivani Rajendran, 71, sold garlands. Tan Kok Leong, 46, came too. The 71-year-old garland "
    "seller smiled.",
    # the verb inside a quotation
    "Bus crash\n\"Tom Reed drove the bus,\" police said. Anna Cole, 30, was hurt. The 55-year-old driver was unhurt.",
])
def test_tm05_passes_descriptions_of_someone_else_or_agreeing(text: str) -> None:
    assert_passes("TM05", text)


# --- TM01: a plan reported with "would" after the event was told as done ---------------------------
@pytest.mark.parametrize("text, quote", [
    ("By-election\nAccording to results declared by the electoral board on Thursday, the mayor's party held the "
     "seat. The board said the results would be declared on Friday.", "the results would be declared on Friday"),
    ("Deal\nThe ministers signed the accord on Tuesday. Officials said the accord would be signed on Friday.",
     "the accord would be signed on Friday"),  # politics
    ("Verdict\nThe judge delivered the verdict on Monday. The court said the judge would deliver the verdict next "
     "week.", "would deliver the verdict next week"),  # courts
])
def test_tm01_flags_a_reported_plan_for_a_done_event(text: str, quote: str) -> None:
    assert_flags("TM01", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Deal\nThe ministers signed the accord on Tuesday. Officials said the accord would be signed next month if "
    "parliament agreed.",  # a condition
    "Deal\nThe ministers signed the accord on Tuesday. Officials had said the accord would be signed on Friday.",
    "Deal\nThe ministers signed the accord on Tuesday. Officials said last week the accord would be signed on "
    "Friday.",  # the saying has its own time: the plan may have moved
    "Deal\nThe ministers signed the accord on Tuesday. Officials said the accord would not be signed on Friday.",
    "Deal\nThe ministers signed the accord on Tuesday. Officials said the accord would be signed again next year.",
    "Results\nResults declared by the board on Thursday showed a swing. The board said it would declare the "
    "results of the second ward on Friday.",  # another set: a different verb form, and "of the second ward"
    "Deal\nThe ministers signed the accord on Tuesday. Critics feared the accord would be signed in haste.",
])
def test_tm01_passes_reported_plans_that_are_conditions_earlier_or_other(text: str) -> None:
    assert_passes("TM01", text)


@pytest.mark.parametrize("text", [
    # what the thing is "of" tells two things apart
    "Age\nThe minister said the minimum age of 21 for candidates would be reduced to 18. The age of majority was "
    "reduced to 18 in 1969.",
    # with no date of the article's own, a year before one it tells as past is an earlier occurrence
    "Age\nThe minister said the voting age would be reduced to 16. The voting age was reduced to 18 in 1969. He was "
    "elected in 1997.",
    "Stadium\nThe club will rebuild the stand next year. The club rebuilt the stand in 1990. It won the league in "
    "2001.",  # sport
])
def test_tm01_passes_other_things_of_a_noun_and_earlier_years(text: str) -> None:
    assert_passes("TM01", text)


# --- an event told as finished, then as still to begin ---------------------------------------------


@pytest.mark.parametrize(("text", "quote"), [
    ("Port strike ends\nOn Friday the port authority concluded negotiations with dockers, a spokesman said. "
     "Pay rises will be paid in March.\nWhen negotiations with dockers begin next week, the union will "
     "ask for more.", "negotiations with dockers begin next week"),
    ("Survey results\nThe council completed the survey on Tuesday, a spokeswoman said. Officials expect "
     "a report within weeks. Once the survey starts on Monday, residents can take part online.",
     "the survey starts on Monday"),
])
def test_temporal_events_flag_finished_then_still_to_begin(text: str, quote: str) -> None:
    assert_flags("TM01", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    # begun, then still to finish
    "Port strike\nThe port authority began negotiations with dockers on Friday. The negotiations with dockers "
    "are expected to end next week.",
    # talks recur: held, and held again later, with no stage between
    "Trade talks\nThe minister held talks with farmers on Monday. He will hold talks with farmers next month "
    "in Leeds.",
    # other partners
    "Port strike\nThe authority had concluded negotiations with dockers on Friday. When negotiations with "
    "pilots begin next week, the union will ask for more.",
    # next year's edition
    "Book festival\nThe festival closed on Sunday after ten days. Organisers said the festival opens next "
    "June with a new director.",
])
def test_temporal_events_pass_stages_in_order_or_other_occurrences(text: str) -> None:
    assert_passes("TM01", text)


# --- TM01: an event noun on the calendar by its own words, and a bare plural taken up later --------
@pytest.mark.parametrize("text, quote", [
    ("Port deal\nThe port authority signed a lease with the shipping line on Monday. Dockers staged a "
     "walkout ahead of the signing, which is due next month.", "the signing, which is due next month"),  # business
    ("Festival\nThe mayor launched the festival on Friday. Organisers said the launch, scheduled for next "
     "week, would draw thousands.", "the launch, scheduled for next week"),  # culture, participle
    ("Stadium\nThe club opened the stadium on Saturday with a friendly. The opening is set for next "
     "month, the club said.", "The opening is set for next month"),  # sport, passive frame
    ("Relief\nThe state government on Wednesday activated emergency relief payments. Households can apply "
     "once the payments are activated next week.", "the payments are activated next week"),  # bare plural
    ("Emissions\nRegulators on Monday approved tougher emission limits for lorries. Hauliers must comply "
     "once the limits are approved next week.", "the limits are approved next week"),  # transport
])
def test_tm01_flags_timed_nominal_and_taken_up_plural(text: str, quote: str) -> None:
    findings = assert_flags("TM01", text, quotes=[quote])
    assert findings[0].evidence, "the finding points at the other telling"


@pytest.mark.parametrize("text", [
    # another set, named by words of its own
    "Virus\nResearchers published findings on the virus on Monday. The findings of a second team will be "
    "published next week.",
    # a bare plural later told with another verb, or not dated
    "Trees\nVolunteers planted native trees along the river on Saturday. The trees will be watered next week.",
    "Trees\nVolunteers planted native trees along the river. The council said the trees will be planted soon.",
    # "new" things are not taken up: another set
    "Parking\nThe council on Tuesday approved new parking charges. Shops fear the charges will be approved "
    "next month.",
    # an event noun with a part of its own, or of another thing
    "Bridge\nThe minister opened the bridge to walkers on Friday ahead of the opening to traffic next week.",
    "Fireworks\nThe mayor launched the festival on Friday. Crowds gathered ahead of the launch of the fireworks "
    "next week.",
    # two things signed: "the signing" may be either
    "Deals\nThe union signed a pay deal on Monday and the operator signed a safety charter on Tuesday. Staff "
    "rallied ahead of the signing, which is due next month.",
    # "its" with nothing signed near it
    "Rocket\nThe agency launched a weather satellite last week. Engineers tested the new rocket at the coast on "
    "Monday. A storm may delay its launch next month.",
])
def test_tm01_passes_other_sets_parts_and_unclear_nominals(text: str) -> None:
    assert_passes("TM01", text)


# --- TM05: a description's owner, by the role it names or a surname the model did not tag -----
@pytest.mark.parametrize("text, quote", [
    ("Book prize\nThe novel, by author Grace Mwangi, 41, is set in Nakuru. Its publisher, Peter Otieno, said "
     "sales were strong. For the 45-year-old author, the prize is a first.", "45-year-old"),  # literature
    ("Derby\nCoach Tom Hale, 51, praised the side. Midfielder Sam Ode, 24, scored twice. The 53-year-old coach "
     "said little afterwards.", "53-year-old"),  # sport: the coach, not the scorer named since
])
def test_tm05_flags_description_by_the_role_it_names(text: str, quote: str) -> None:
    assert_flags("TM05", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    # the description names a role the one person holds, at the same age
    "Book prize\nThe novel, by author Grace Mwangi, 41, is set in Nakuru. Its publisher, Peter Otieno, said "
    "sales were strong. For the 41-year-old author, the prize is a first.",
    # a surname written again in a possessive is the description's owner, not the speaker before it
    "Title fight\nChallenger Ike Obi, 27, lost on points to champion Kofi Asante-Boateng, 31. \"He was too strong,\" "
    "Obi said. The win lifts Asante-Boateng's record to 20 wins. The 31-year-old, who turned professional in "
    "2014, wants a rematch.",
])
def test_tm05_passes_description_taken_up_by_role_or_untagged_surname(text: str) -> None:
    assert_passes("TM05", text)


@pytest.mark.parametrize("body, correct", [
    ("LISBON, 3 May 2022 - Peter Walsh, a jazz guitarist who toured with the orchestra he founded, died at home "
     "aged 71. Born in Coimbra on 9 June 1953, he learnt the guitar from his uncle.", False),  # he was 68
    ("LISBON, 3 May 2022 - Peter Walsh, a jazz guitarist who toured with the orchestra he founded, died at home "
     "aged 68. Born in Coimbra on 9 June 1953, he learnt the guitar from his uncle.", True),
    ("NAIROBI, 12 October 2021 - Sarah Mitchell, a rally driver who won the event she later ran, died on Monday "
     "aged 59. Born in Nyeri on 2 February 1955, she raced for two decades.", False),  # she was 66
])
def test_tm05_reads_age_at_death_past_a_dateline_subject(body: str, correct: bool) -> None:
    text = "Obituary\n" + body
    if correct:
        assert_passes("TM05", text)
    else:
        assert_flags("TM05", text)
