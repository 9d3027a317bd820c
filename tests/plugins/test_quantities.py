"""Tests of the `quantities` rule family (QT01, QT02), positives and the traps that must pass."""

from __future__ import annotations

import pytest

from consistency.testing import assert_flags, assert_passes


# --- QT01 value conflict --------------------------------------------------------------------
def test_quantities_flags_death_toll_then_killed() -> None:
    text = ("Bus crash\nThe death toll of 12 was confirmed by the hospital.\n"
            "Officials said 15 were killed when the bus left the road.")
    assert_flags("QT01", text, quotes=["15 were killed"])


def test_quantities_flags_injured_counts() -> None:
    text = ("Storm damage\nNine people were injured as the roof collapsed.\n"
            "Doctors treated the 14 injured at the city hospital.")
    assert_flags("QT01", text)


@pytest.mark.parametrize("second", [
    "The death toll later rose to 15.",                       # explicit update
    "The toll has been revised to 15.",                       # revision
    "Officials now say 15 people died.",                      # "now"
    "At least 15 people died, officials said.",               # bound
    "Up to 15 people may have died.",                         # bound
    "Between 10 and 15 people died, officials said.",         # range
    "In 2004, 15 people died in a similar crash.",            # another year
    "Three children were among the dead.",                    # a part of the whole
    "Fifteen soldiers died in a separate attack in Basra.",   # another group and place
    "About 13 people died, officials said.",                  # approximation close to 12
    "Some 5,000 people die on the roads each year.",          # per-year figure
    "It was the second time people died on that road.",       # ordinal
])
def test_quantities_passes_updates_bounds_and_other_counts(second: str) -> None:
    assert_passes("QT01", "Bus crash\nTwelve people died when the bus left the road on Monday.\n" + second)


def test_quantities_passes_money_and_scores() -> None:
    text = ("Club results\nThe club won 3-1 on Saturday after a 1-1 draw in midweek.\n"
            "Profits rose to $12m, or £9m, and sales reached €15m.\n"
            "Profits were $15m a year earlier.")
    assert_passes("QT01", text)


def test_quantities_passes_business_figures() -> None:
    text = ("Results\nQuarterly profits jumped 76% to $1.13bn from $639m a year earlier.\n"
            "Sales rose 2% to $11.1bn from $10.9bn, while the firm cut 1,000 jobs.\n"
            "It had 12,000 staff in 2003 and now employs 11,000.")
    assert_passes("QT01", text)


def test_quantities_passes_rounded_large_counts() -> None:
    text = ("Floods\nAbout 1.2 million people were evacuated from the coast.\n"
            "Officials said 1,215,000 people were evacuated in total.")
    assert_passes("QT01", text)


# --- QT02 parts and total -------------------------------------------------------------------
def test_quantities_flags_list_shorter_than_total_with_dashes() -> None:
    text = "Trade pact\nFive countries - France, Germany and Italy - signed the pact on Monday."
    assert_flags("QT02", text, quotes=["Five countries - France, Germany and Italy"])


def test_quantities_flags_percentage_against_counts() -> None:
    text = "Board vote\nOnly 12 of 40 members voted for the plan, or 50%, the chairman said."
    findings = assert_flags("QT02", text)
    assert "30.0%" in findings[0].message


@pytest.mark.parametrize("text", [
    "Pact\nThree countries - France, Germany and Italy - signed the pact.",
    "Pact\nFive countries, including France, Germany and Italy, signed the pact.",
    "Pact\nThree countries signed: Bosnia and Herzegovina, Serbia and Croatia.",
    "Pact\nOne of the four big banks - Bank of Egypt or Banque du Caire - will be sold.",
    "Match\nChelsea won 3-1 and Arsenal drew 1-1 on Saturday.",
    "Poll\nOnly 1 of 3 members voted for the plan, or 33%.",
    "Poll\nOnly 12 of 40 members voted, 50% more than last year.",
    "Poll\nOf 40 members 12 voted; turnout nationally was 50%.",
    "Pact\nIn three years, France and Germany have signed two treaties.",
])
def test_quantities_passes_consistent_or_partial_lists(text: str) -> None:
    assert_passes("QT02", text)


@pytest.mark.parametrize("text", [
    "Quake\nThe earthquake killed 230 people, the government said. Rescuers said 310 people were killed in the quake.",
    "Fire\nFive firefighters were injured in the blaze. The eight injured firefighters were taken to hospital.",
    "Raids\nPolice arrested 14 people in dawn raids. The 20 arrested were being questioned on Tuesday.",
])
def test_quantities_flags_counts_in_other_wordings(text: str) -> None:
    assert_flags("QT01", text)


@pytest.mark.parametrize("text", [
    "Quake\nThe earthquake killed 230 people in Chile. Another quake killed 310 people in Peru.",
    "Quake\nThe earthquake killed 230 people, including 12 children. 40 soldiers died too.",
    "Roads\nRoad crashes kill 3,000 people a year in Britain. A crash on Monday killed 4 people.",
    "War\nThe war killed 100,000 civilians. Five British soldiers were killed last week.",
    "Quake\nThe earthquake killed 230 people. Officials fear 310 may have died.",
    "Quake\nThe earthquake killed 230 people, officials said on Monday. By Tuesday, 310 were dead.",
])
def test_quantities_passes_other_events_groups_and_hedges(text: str) -> None:
    assert_passes("QT01", text)


def test_quantities_flags_percentage_after_of_the_base() -> None:
    assert_flags("QT02", "Poll\nOf the 200 people asked, 50 said they would vote, or 40%.")


def test_quantities_flags_percentage_in_brackets() -> None:
    assert_flags("QT02", "Poll\nSome 30 out of 120 members (40%) backed the motion.")


@pytest.mark.parametrize("text", [
    "Summit\nThe three leaders, Putin, Erdogan and Rouhani, met in Sochi on Monday.",
    "Summit\nThe two leaders met in Sochi on Monday: Putin and Erdogan.",
    "Firms\nThe four firms - Sony, Philips, Samsung and LG - make most of the panels.",
    "Poll\nSome 30 out of 120 members (25%) backed the motion.",
    "Poll\nSales of 3 of its 10 brands rose, a gain of 40%.",
    "Market\nTwo firms, Microsoft and Google, dominate the market.",
    "Teams\nThe top two: Chelsea (3-1 winners) and Arsenal.",
    "Firms\nThree firms - Procter & Gamble, Marks and Spencer and Ernst & Young - bid.",
])
def test_quantities_passes_lists_and_percentages_that_agree(text: str) -> None:
    assert_passes("QT02", text)


def test_quantities_flags_toll_stated_with_copula() -> None:
    text = ("Mine collapse\nThe death toll stands at 21, the governor said.\n"
            "Rescuers said 25 people were killed when the shaft collapsed.")
    assert_flags("QT01", text, quotes=["25 people were killed"])


def test_quantities_flags_definite_back_reference_to_a_group() -> None:
    text = ("Plane lands safely\nThe plane carried 150 passengers from Madrid.\n"
            "The 180 passengers left the aircraft on slides, the airline said.")
    assert_flags("QT01", text, quotes=["180 passengers"])


@pytest.mark.parametrize("text", [
    "Survey\nOne in 10 adult Americans owns a player. Of the 22 million Americans who own one, most are men.",
    "Plane\nThe plane carried 150 passengers. The 12 British passengers were met by consular staff.",
    "Plane\nThe plane carried 150 passengers. The airline later said the 160 passengers were safe.",
    "Networks\nIt will broadcast on 2G networks. It said the 3G networks were built for this.",
])
def test_quantities_passes_subgroups_ratios_and_names(text: str) -> None:
    assert_passes("QT01", text)


# --- QT04 over the ledger: restated values in several domains -------------------------------------
@pytest.mark.parametrize("text", [
    "Race\nRuiz held off Hasegawa by 1.8 seconds to win the race. The 2.8-second margin was the closest.",
    "Ski\nAnna Berg led by 14 seconds after the first run. Her 17-second advantage held.",
    "Court\nJudge Amy Cole handed Tom Reed a sentence of five years. Reed will appeal the four-year sentence.",
    "Results\nRevenue rose 12 percent to 318 million euros in 2022. Analysts welcomed the 381 million euros in revenue.",
])
def test_qt04_flags_restated_durations_and_amounts(text):
    assert_flags("QT04", text)


@pytest.mark.parametrize("text", [
    "Ski\nAnna Berg led by 14 seconds after the first run. Her 14.2-second advantage held.",       # rounding
    "Ski\nAnna Berg led by about 14 seconds after the first run. Her 15-second advantage held.",   # approximate
    "Ski\nAnna Berg led Maria Holm by 14 seconds. Holm's 17-second deficit was too much.",         # another owner
    "Results\nProfit rose to $4.2bn in 2022. The $3.9bn profit in 2023 was lower.",                # other periods
    "Court\nTom Reed was jailed for five years in 2019. His brother received a two-year sentence.",  # indefinite
    "Council\nShe proposed buying six trucks. The council bought 22 trucks. The 22 trucks arrived in May.",
])
def test_qt04_restated_value_traps(text):
    assert_passes("QT04", text)


# --- QT02 percentages of counts with an anaphoric or possessive base -----------------------------------
@pytest.mark.parametrize("text", [
    "Jobs\nThe firm will cut 150 of its 1,200 jobs, or about 25 percent.",
    "Survey\nThe survey reached 1,040 households. Of those, 312 - or 18 percent - said they had no heating.",
    "TV\nThe episode reached a national audience of 1.12 million. Of those viewers, 428,000, or 48 per cent, "
    "watched online.",
])
def test_qt02_flags_percentage_against_anaphoric_base(text):
    assert_flags("QT02", text)


@pytest.mark.parametrize("text", [
    "Jobs\nThe firm will cut 300 of its 1,200 jobs, or about 25 percent.",
    "Survey\nThe survey reached 1,040 households. Of those, 312 - or 30 percent - said they had no heating.",
    "Staff\nThe firm had 800 staff last year and 950 now. Of those, 300, or 32 percent, work abroad.",
])
def test_qt02_anaphoric_base_traps(text):
    assert_passes("QT02", text)


def test_qt03_flags_shares_around_an_interposed_count():
    assert_flags("QT03", "Poll\nOf about 9,000 votes, Isithunzi took 41 per cent, Rivier 38 per cent and the other "
                         "three books 26 per cent between them.")


# --- session 4: percentages of a count with a clause between; shares closed by "the remaining" ---
@pytest.mark.parametrize(("text", "quote"), [
    ("Vote\nThe union said 2,100 of the 2,800 nurses who voted in the poll, or 65 percent, supported action.",
     "65 percent"),
    ("Squad\nThe coach picked five players from the squad of 23, or 40 percent, from the academy.", "40 percent"),
    ("Guide\nKenya had 9 runners on the start list of 40, or 31 percent.", "31 percent"),
])
def test_qt02_flags_a_percentage_of_a_count_read_through_its_clause(text, quote):
    assert_flags("QT02", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Vote\nThe union said 2,100 of the 2,800 nurses who voted in the poll, or 75 percent, supported action.",
    "Guide\nKenya had 9 runners on the start list of 40, or 22.5 percent.",
    "Trial\nOf 200 patients, 30 who had taken the drug for 12 weeks in 2021, or 15 percent, improved.",
])
def test_qt02_percentage_of_a_count_through_its_clause_passes_when_right(text):
    assert_passes("QT02", text)


@pytest.mark.parametrize(("text", "quote"), [
    ("Market\nAlpha holds 41 percent of subscriptions, Beta 38 percent and Gamma 21 percent, with resellers that "
     "lease capacity on the three big networks taking the remaining 5 percent.", "5 percent"),
    ("Election\nThe Labour list won 30.5 percent of the vote. The Liberals took 25.1 percent and six seats. "
     "The Greens won 20.2 percent. The remaining 28.4 percent went to smaller parties.", "28.4 percent"),
    ("Sales\nFiction made up 48 per cent of sales and non-fiction 37 per cent. The other 21 per cent came from "
     "children's books.", "21 per cent"),
])
def test_qt03_flags_shares_that_the_remainder_takes_past_100(text, quote):
    assert_flags("QT03", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Market\nAlpha holds 41 percent of subscriptions, Beta 33 percent and Gamma 21 percent, with resellers that "
    "lease capacity on the three big networks taking the remaining 5 percent.",
    "Election\nThe Labour list won 30.5 percent of the vote. The Liberals took 25.1 percent and six seats. "
    "The Greens won 20.2 percent. The remaining 24.2 percent went to smaller parties.",
    # a new paragraph: the remainder is of another whole
    "Survey\nSome 60 percent of firms hired and 30 percent cut jobs.\n\nOf the workers, 45 percent were women. "
    "The remaining 55 percent were men.",
    "Economy\nInflation was 4 percent and growth 3 percent. The remaining 97 percent of the budget is fixed.",
    # a change beside the shares: no partition to close
    "Vote\nLabour won 40 percent of the vote, up 5 percent on last time. The Greens took 12 percent. "
    "The remaining 48 percent went to others.",
    "Sales\nExports made up 60 percent of sales, which rose 8 percent a year. The remaining 40 percent were local.",
])
def test_qt03_remainder_traps(text):
    assert_passes("QT03", text)


# --- session 4: a number after "No." names, it does not count ------------------------------
@pytest.mark.parametrize("text", [
    "Depot\nOf the 600 drivers at the depot, 250 work on Route No. 4, 150 on Line No. 2 and 220 on night buses.",
    "Port\nOf the 900 dockers, 400 belong to Local No. 7, 300 to Local No. 9 and 250 are casual staff.",
])
def test_qt03_reads_past_numbered_names(text):
    assert_flags("QT03", text)


@pytest.mark.parametrize("text", [
    "Depot\nOf the 600 drivers at the depot, 250 work on Route No. 4, 150 on Line No. 2 and 200 on night buses.",
    "Office\nThe 12 staff at No. 10 include 3 advisers, and Platform #4 serves 2 lines.",
])
def test_qt03_numbered_names_are_not_parts(text):
    assert_passes("QT03", text)


# --- session 4: "did it in N days" ... "the M-day <deverbal noun>" ---------------------------
@pytest.mark.parametrize(("text", "quote"), [
    ("Film\nThe director shot the film in 19 days last spring. She said the 23-day shoot was the hardest of her life.",
     "23-day"),
    ("Bridge\nEngineers built the footbridge in 12 weeks. Residents praised the 16-week build.", "16-week"),
])
def test_qt04_flags_a_verbs_duration_restated_by_its_noun(text, quote):
    assert_flags("QT04", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Film\nThe director shot the film in 19 days last spring. She said the 19-day shoot was the hardest of her life.",
    # another noun: no restatement of the shoot
    "Film\nThe director shot the film in 19 days. The 23-day festival opens on Friday.",
    "Bridge\nEngineers built the footbridge in 12 weeks. A new 16-week build of the station starts in May.",
    "Court\nThe jury convicted him in two hours. The four-hour deliberation of the second jury ended in acquittal.",
])
def test_qt04_verbs_duration_traps(text):
    assert_passes("QT04", text)


def test_qt04_a_screen_size_glued_to_in_is_no_count():
    assert_passes("QT04", "Laptops\nRead our 11in 2014 laptop review here. Then read the review of the 13in model.")


def test_qt02_a_number_inside_the_opening_of_phrase_is_no_part():
    assert_passes("QT02", "Survey\nOf the 4,000 people polled across four regions, about 10 percent said they would move.")
    assert_flags("QT02", "Survey\nOf the 4,000 people polled, 1,000 said they would move, or 40 percent.")


# --- QT04: a sum of money read as the value or price of the thing it modifies ----------------------
@pytest.mark.parametrize("text", [
    "Bakery sold\nHarbor Foods agreed to buy Mill Bakery on Monday. The deal is worth $340m, the company said.\n"
    "Analysts said the $430m deal gives Harbor a fifth of the market.",
    "Striker signs\nRovers paid £12m for the striker, the club said.\nFans cheered the £15m striker on his debut.",
    "Studio gamble\nThe film cost $40m to make, the studio said.\nCritics praised the $65m film at its premiere.",
    "Gadget launch\nThe watch costs $349, the maker said.\nReviewers liked the $400 watch for its battery.",
])
def test_quantities_flags_money_of_one_thing_restated(text: str) -> None:
    assert_flags("QT04", text)


@pytest.mark.parametrize("text", [
    # another thing of one kind
    "Striker signs\nRovers paid £12m for the striker.\nFans cheered another striker, and the £15m striker scored.",
    "Deals\nHarbor signed a deal worth $340m.\nMill signed a deal with Oak.\nAnalysts said the $430m deal gives Oak a lead.",
    # an update, a forecast, a modal
    "Deal\nThe deal is worth $340m.\nThe offer was raised, and the $430m deal was signed.",
    "Deal\nThe deal could be worth $340m.\nAnalysts said the $430m deal gives Harbor a lead.",
    "Studio\nThe studio expects the film to cost $40m.\nCritics praised the $65m film at its premiere.",
    "Gadget\nThe watch costs up to $349.\nReviewers liked the $400 watch.",
    # rounding, currencies, periods
    "Deal\nThe deal is worth $1.2bn.\nAnalysts said the $1,180m deal gives Harbor a lead.",
    "Deal\nThe deal is worth $340m.\nAnalysts said the £430m deal gives Harbor a lead.",
    "Studio\nThe film cost $40m to make last year.\nCritics praised the $65m film at its premiere.",
    "Contract\nThe annual contract is worth £3m.\nThe club praised the £12m contract.",
])
def test_quantities_passes_money_of_other_things_updates_and_forecasts(text: str) -> None:
    assert_passes("QT04", text)


# --- QT02: a share of a group of people above all of it ---------------------------------------
@pytest.mark.parametrize("text, quote", [
    ("Bond swap\nAbout 170% of bondholders are expected to accept the offer.", "170% of bondholders"),  # business
    ("Turnout\nOfficials said 120 percent of the voters cast a ballot in the district.",
     "120 percent of the voters"),  # politics
    ("Survey\nThe survey found that 140% to 90% of patients waited more than a week.",
     "140% to 90% of patients"),  # science, a range
    ("Fans\nSome 110% of season-ticket holders renewed before the deadline.", "110% of season-ticket holders"),  # sport
])
def test_qt02_flags_a_share_of_people_above_all_of_them(text: str, quote: str) -> None:
    assert_flags("QT02", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Debt\nThe debt stands at 120% of GDP, the ministry said.",  # a ratio of amounts
    "Target\nThe club sold 130% of its target for season tickets.",  # of an amount
    "Members\nFees rose 150% for members of the club.",  # a change
    "Wages\nThe bonus is worth 120% of workers' annual pay.",  # of their pay, not of them
    "Voters\nTurnout was 85% of registered voters, up from 70% of voters in 2019.",  # within 100
    "Growth\nThe number of patients grew by 140% of the figure in 2010.",  # a change
    "Range\nShares of between 80% and 100% of members voted yes.",  # at most all
    "Ratio\nThe ratio rose from 90% to 120% of payments.",  # from a lower share, of payments
])
def test_qt02_passes_ratios_changes_and_shares_within_the_whole(text: str) -> None:
    assert_passes("QT02", text)


# --- QT04: one act told twice with another figure ------------------------------------------------
@pytest.mark.parametrize("text, quote", [
    ("Cuts\nLabour claimed a Conservative government would take £20bn from public services. During the "
     "debate Labour said the Conservatives would take £30bn from public services.", "£30bn"),  # politics
    ("Telescope\nThe agency will invest $300m in the telescope project. Officials said the agency will "
     "invest $200m in the telescope project.", "$200m"),  # science
    ("Damages\nThe court awarded £2m in damages to the family of the victim. The family's lawyer said the "
     "court awarded £3m in damages to the family.", "£3m"),  # courts
    ("Library\nThe council will spend £12m on the library, its leader said. Work starts soon, and the "
     "council will spend £21m on the library.", "£21m"),  # culture
    ("Stadium\nThe club paid £8m for the site, the chairman said. Fans were told the club paid £18m for the "
     "site.", "£18m"),  # sport, business
])
def test_qt04_flags_an_act_restated_with_another_figure(text: str, quote: str) -> None:
    assert_flags("QT04", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Schools\nLabour would spend £5bn on schools. The Tories would spend £8bn on schools.",  # other agents
    "Roads\nThe council will spend £12m on roads in 2024. It will spend £15m on roads in 2025.",  # periods
    "Roads\nThe council will spend £12m on roads this year. It will spend £15m on roads.",  # one period only
    "Bid\nThe club bid £8m for the striker. It bid £12m for the striker on Friday, raising its offer.",  # update
    "Care\nThe trust will spend £5m on schools. The trust will spend £8m on hospitals.",  # other complements
    "Shares\nShares fell 3% in London. Shares fell 5% in London after the warning.",  # movements
    "Aid\nThe charity sent about £5m to the region. The charity sent £6m to the region.",  # approximate
    "Jobs\nThe firm cut 500 jobs at the plant. It again cut 300 jobs at the plant.",  # a repeat
    "Fund\nThe bank will lend £40m to small firms. The bank will also lend £10m to small firms.",  # more
    "Grant\nThe board gave £2m to the museum. The board did not give £3m to the museum.",  # negated
    "Fees\nThe club will pay up to £9m for the striker. The club will pay £4m for the striker.",  # a bound
    "Budget\nThe agency will invest $300m in the project. It will invest a total of $500m in the project.",  # total
])
def test_qt04_passes_other_acts_agents_periods_and_updates(text: str) -> None:
    assert_passes("QT04", text)


# --- QT04: a general noun priced by a sum takes up the one sum named before ----------------------
@pytest.mark.parametrize("text, quote", [
    ("Factories\nThe firm unveiled a $2bn investment in its factories. The $3bn plan will create 400 jobs.",
     "$3bn"),  # business
    ("Research\nThe government set out a £250m programme to fund research. Ministers said the £520m "
     "programme would fund 30 laboratories.", "£520m"),  # science
    ("Theatre\nThe council backed a £12m scheme to restore the theatre. Work on the £21m scheme begins next "
     "year.", "£21m"),  # culture
    ("Grassroots\nThe league agreed a £40m package for grassroots football. Clubs said the £45m move was "
     "overdue.", "£45m"),  # sport
])
def test_qt04_flags_a_general_noun_taking_up_another_sum(text: str, quote: str) -> None:
    assert_flags("QT04", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Sport\nA £500m initiative and a £100m fund were announced. The £100m scheme starts in May.",  # two sums
    "Sport\nThe government launched a £500m initiative. The £100m plan for swimming pools is part of it.",
    "Theatre\nThe council backed a £12m scheme. The second £21m scheme will restore the library.",  # another
    "Factories\nThe firm proposed a $2bn investment. It has now raised it, and the $3bn plan will create jobs.",
    "Budget\nSpending rose from £500m. The £600m plan was approved.",  # only an earlier value before
    "Research\nThe university set out a £1.2bn programme. The £1.25bn programme starts in April.",  # rounding
    "Aid\nThe US pledged a $500m initiative. The £300m scheme from Britain follows.",  # another currency
])
def test_qt04_passes_general_nouns_with_other_sums_or_things(text: str) -> None:
    assert_passes("QT04", text)


# --- QT04: how long an event lasted, and units that are no scale words -----------------------------
@pytest.mark.parametrize("text, quote", [
    ("Final\nXu beat Hoshino 4-3 in the singles final on Sunday. Xu won in a match that lasted 71 minutes. "
     "The 58-minute final was the longest of the week.", "58-minute"),  # sport
    ("Talks\nMinisters met in Geneva for the summit. The meeting lasted three hours. The two-hour summit ended "
     "without a deal.", "two-hour"),  # politics
    ("Hearing\nThe hearing lasted four days. Lawyers said the six-day hearing had been fair.", "six-day"),  # courts
    ("Strike\nThe strike lasted 12 months. The 18-month strike ended in May.", "18-month"),  # business
])
def test_qt04_flags_a_duration_restated(text: str, quote: str) -> None:
    assert_flags("QT04", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    # another event: a part of a longer name, one of several, or named by its own words
    "Final\nXu beat Hoshino in the semi-final on Saturday in a match that lasted 71 minutes. The 58-minute final "
    "was the longest of the week.",
    "Final\nShe reached the final. Her first match lasted 40 minutes. The 58-minute final was tense.",
    "Talks\nThe summit opened on Monday. A meeting of officials lasted three hours. The two-hour summit ended "
    "without a deal.",
    # the same figure, rounded, or an approximation
    "Strike\nThe strike lasted 12 months. Union leaders called the 12-month strike a victory.",
    "Concert\nThe concert lasted about 90 minutes. The 95-minute concert ended with an encore.",
    # a distance and a rate are no millions: equal figures still pass
    "Race\nThe route covers 42km through the city. The 42km route is flat.",
])
def test_qt04_passes_other_events_and_agreeing_durations(text: str) -> None:
    assert_passes("QT04", text)


# --- QT03: a whole said to be made of parts of the same noun ---------------------------------------
@pytest.mark.parametrize("text", [
    "Semi-final\nThe Tigers won 41-37. The Tigers' 41 points came from 24 raid points, 13 tackle points, four bonus "
    "points and two extra points.",  # sport
    "Council\nThe council's 120 seats are split into 48 Labour seats and 70 Conservative seats.",  # politics
    "Budget\nThe firm's 900 jobs are divided into 500 factory jobs, 300 office jobs and 150 sales jobs.",  # business
])
def test_qt03_flags_parts_a_whole_is_made_of(text: str) -> None:
    assert_flags("QT03", text)


@pytest.mark.parametrize("text", [
    "Refugees\nThe 300 refugees came from 12 countries, 40 towns and 6 camps.",  # other nouns: no breakdown
    "Semi-final\nThe Tigers' 41 points came from 24 raid points, 13 tackle points and four bonus points.",  # adds up
    "Goals\nTheir 30 goals came from 12 headers and 18 shots.",
    "Orchestra\nThe 80 musicians came from 12 orchestras and 3 schools.",  # culture
])
def test_qt03_passes_wholes_made_of_other_things_or_adding_up(text: str) -> None:
    assert_passes("QT03", text)


# --- QT02: a count from a count of tries, glossed by a rate ----------------------------------------
@pytest.mark.parametrize("text", [
    "Final\nShe scored 27 points, 20 of them on spikes from 50 attacks, a 58 percent success rate.",  # volleyball
    "Derby\nSilva scored three goals from 10 shots, a 40 per cent conversion rate.",  # football
    "Trial\nThe drug cleared the infection in 45 patients from 60 treated, a 90 percent cure rate.",  # science
])
def test_qt02_flags_a_rate_that_is_not_its_counts(text: str) -> None:
    assert_flags("QT02", text)


@pytest.mark.parametrize("text", [
    "Derby\nSilva scored three goals from 10 shots, a 30 per cent conversion rate.",
    "Kicks\nThe fly-half landed 9 kicks from 12 attempts, a 75 percent success rate.",
    "Sales\nSales fell to 24 units from 50 units, a 58 percent drop rate.",  # a movement
    "Jobs\nThe firm cut 30 jobs from 120 posts, a 25 percent rate of loss.",  # a movement, adds up anyway
    "Survey\nSome 24 replies came from 50 towns, a 10 percent rise in the response rate.",  # a rise
])
def test_qt02_passes_rates_that_fit_or_movements(text: str) -> None:
    assert_passes("QT02", text)


# --- QT02 a count glossed by a share whose base is named beside it -------------------------------


@pytest.mark.parametrize(("text", "quote"), [
    ("Vaccine trial\nAltogether 64 volunteers, or 19 per cent of the 880 enrolled, dropped out before the "
     "second dose.", "64 volunteers, or 19 per cent"),
    ("Branch closures\nThe bank will shut 45 branches (22% of its 410 outlets) by the spring.", "45 branches (22%"),
    ("Book fair\nThe hall holds 260 stands: of the 260, 91, or 45 percent, went to foreign publishers.",
     "91, or 45 percent"),
    ("Council vote\nAt the count on Friday, of the 1,500 ballots, 300, or 35 per cent, were spoilt.",
     "300, or 35 per cent"),
])
def test_quantities_flags_share_against_a_named_base(text: str, quote: str) -> None:
    findings = assert_flags("QT02", text, quotes=[quote])
    assert findings[0].evidence or "of" in quote


@pytest.mark.parametrize("text", [
    "Vaccine trial\nAltogether 64 volunteers, or 7 per cent of the 880 enrolled, dropped out.",
    "Vaccine trial\nAltogether 64 volunteers, or 12 per cent of the women among the 880 enrolled, dropped out.",
    "Branch closures\nThe bank will shut 45 branches (about 11% of its 410 outlets) by the spring.",
    "Book fair\nThe hall holds 260 stands: of the 260, 91, or 35 percent, went to foreign publishers.",
    "Council vote\nThe party won 300 seats, or 35 per cent of the vote in 2019.",
    "Jobs\nThe firm added 300 jobs, or 2 per cent of the total, to reach 15,300 staff.",
    "Council vote\nOn a turnout of 1,500, 300, or 35 per cent, voted for the independent.",
])
def test_quantities_passes_share_with_its_base_or_another_base(text: str) -> None:
    assert_passes("QT02", text)


# --- QT03 parts of a whole named without its number, and items with a description -------------------


@pytest.mark.parametrize(("text", "quote"), [
    ("Brewer to close sites\nThe brewer said on Monday it would shed 310 jobs over two years.\n"
     "The union called the plan a betrayal.\nOf the posts being cut, 180 are in Leeds, 90 in Hull and 60 in York.",
     "180 are in Leeds, 90 in Hull and 60"),
    ("Hospital beds\nThe trust will open 75 new beds this winter. Of the beds being added, 40 are in Preston "
     "and 20 in Blackpool, a spokesman said.", "40 are in Preston and 20"),
    ("Airline fleet\nThe airline flies 42 aircraft: 28 Airbus jets, most of them leased from lessors in "
     "Dublin, and 16 ATR turboprops.", "28 Airbus jets"),
])
def test_quantities_flags_parts_against_a_total_named_before(text: str, quote: str) -> None:
    assert_flags("QT03", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Brewer to close sites\nThe brewer said it would shed 310 jobs.\nOf the posts being cut, 180 are in Leeds, "
    "70 in Hull and 60 in York.",
    "Brewer to close sites\nThe brewer said it would shed 310 jobs.\nOf the posts being cut, 180 are in sales "
    "and 100 are held by women.",
    "Brewer to close sites\nThe brewer said it would shed 310 jobs.\nOf the posts being cut, including some "
    "in Leeds, 180 are in sales and 60 in logistics.",
    "Brewer to close sites\nThe brewer cut 310 jobs in 2023 and 250 jobs last year.\nOf the posts, 180 are "
    "in Leeds and 90 in Hull.",
    "Hospital beds\nThe trust will open 75 new beds this winter. Of the nurses hired, 40 are in Preston "
    "and 20 in Blackpool.",
    "Airline fleet\nThe airline flies 44 aircraft: 28 Airbus jets, most of them leased from lessors in "
    "Dublin, and 16 ATR turboprops.",
])
def test_quantities_passes_parts_that_fit_or_cut_across(text: str) -> None:
    assert_passes("QT03", text)


# --- QT04 a figure taken up by a relative clause with its agent and verb ----------------------------


@pytest.mark.parametrize(("text", "quote"), [
    ("Takeover collapses\nVantor paid $2.1 billion for the chipmaker in March. Analysts said the $1.2 billion "
     "Vantor paid, a record for the sector, now looks too much.", "$1.2 billion"),
    ("Striker leaves\nThe club said Ortiz scored 23 goals in his first season. Fans will miss the 32 goals "
     "Ortiz scored, the manager said.", "32"),
    ("Appeal fails\nMarlow Homes had claimed £850,000 from the council. The judge said the £580,000 Marlow "
     "Homes had claimed was not owed.", "£580,000"),
])
def test_quantities_flags_figure_restated_by_a_relative_clause(text: str, quote: str) -> None:
    assert_flags("QT04", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Takeover\nVantor paid $2.1 billion for the chipmaker. Analysts said the $2.1 billion Vantor paid was too much.",
    "Takeover\nVantor paid $2.1 billion for the chipmaker. Analysts said the $2bn Vantor paid was too much.",
    "Takeover\nVantor paid $2.1 billion for the chipmaker. The $1.2 billion Orwell paid for its rival was less.",
    "Takeover\nVantor paid $2.1 billion for the chipmaker and $900 million for a start-up. The $1.2 billion "
    "Vantor paid in 2019 was less.",
    "Takeover\nVantor would have paid $2.1 billion for the chipmaker. The $1.2 billion Vantor paid was less.",
    "Takeover\nVantor offered $2.1 billion for the chipmaker. The $1.2 billion Vantor paid in the end was less.",
])
def test_quantities_passes_relative_clause_that_fits_or_names_another_act(text: str) -> None:
    assert_passes("QT04", text)


# --- QT03 guard words are whole words ----------------------------------------------------------------


def test_quantities_flags_shares_when_a_word_only_contains_a_guard() -> None:
    text = ("Nurses poll\nOf the 900 nurses reached by the poll, 48 per cent said pay was the main worry, "
            "31 per cent named staffing and 27 per cent cited hours.")
    assert_flags("QT03", text, quotes=["48 per cent"])
    assert_passes("QT03", "Nurses poll\nOf the 900 nurses polled, 48 per cent, 31 per cent and 27 per cent of "
                          "each ward said pay was the main worry.")


# --- QT02 a rate named by its act against the count of that act ----------------------------------


@pytest.mark.parametrize(("text", "quote"), [
    ("Driving tests\nAt the Ashford centre, 180 of the 300 learners passed first time last month. The pass rate "
     "of 75 per cent was the best in the county.", "75 per cent"),
    ("Census drive\nIn the pilot, 500 of the 2,000 households written to responded by post. The response rate "
     "of 40% was called encouraging.", "40%"),
])
def test_quantities_flags_rate_against_the_count_of_its_act(text: str, quote: str) -> None:
    assert_flags("QT02", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Driving tests\nAt the Ashford centre, 180 of the 300 learners passed first time. The pass rate of 60 per "
    "cent was the best in the county.",
    "Driving tests\nAt the Ashford centre, 180 of the 300 learners passed first time. The national pass rate of "
    "75 per cent is higher.",
    "Driving tests\nAt the Ashford centre, 180 of the 300 learners were women. The pass rate of 75 per cent was "
    "the best in the county.",
    "Driving tests\nAt the Ashford centre, 180 of the 300 learners passed. Last year 90 of 200 passed. The pass "
    "rate of 75 per cent was the best.",
])
def test_quantities_passes_rate_that_fits_or_measures_another_group(text: str) -> None:
    assert_passes("QT02", text)


# --- QT03 a definite collective broken down after the sentence that sizes it -------------------------


@pytest.mark.parametrize(("text", "quote"), [
    ("Lifeboat rescue\nThe coastguard sent a crew of 12 to the stranded trawler. The crew consists of four "
     "divers, five paramedics and four boat handlers.", "four divers"),
    ("Debate panel\nOrganisers chose a 9-strong panel for the final. The panel is made up of three judges, "
     "two novelists and five critics.", "three judges"),
])
def test_quantities_flags_collective_breakdown_against_its_size(text: str, quote: str) -> None:
    assert_flags("QT03", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Lifeboat rescue\nThe coastguard sent a crew of 12 to the trawler. The crew consists of four divers, five "
    "paramedics and three boat handlers.",
    "Lifeboat rescue\nThe coastguard sent a crew of 12 to the trawler. The crew includes four divers and five "
    "paramedics.",
    "Lifeboat rescue\nThe coastguard sent a crew of 12 to the trawler. A second crew consists of four divers, five "
    "paramedics and four boat handlers.",
    "Lifeboat rescue\nThe coastguard sent a crew of 12 and a crew of 9 to the trawler. The crew consists of four "
    "divers, five paramedics and four boat handlers.",
])
def test_quantities_passes_collective_breakdown_that_fits_or_is_another(text: str) -> None:
    assert_passes("QT03", text)


# --- "200m": a race's metres on the sport pages, millions elsewhere ------------------------------
def _figures(text: str) -> list[tuple[str, float, str | None]]:
    from consistency.checker import Checker
    from consistency.models import Article

    title, _, body = text.partition("\n")
    ctx = Checker().analyze(Article(title=title, body=body))
    return [(q.text, q.value, q.unit) for q in ctx.claims.quantities()]


@pytest.mark.parametrize("text, figure", [
    ("Okoro takes Nairobi 400m in 44.91\nOkoro won the 400 metres in 44.91 seconds.", "400m"),
    ("Sprinter wins 100m final\nShe won the 100m final in Rome on Friday.", "100m"),
    ("Relay record\nThe 800m freestyle relay team set a record.", "800m"),
])
def test_a_race_distance_written_with_m_is_metres(text, figure):
    assert (figure, float(figure[:-1]), "metre") in _figures(text)


@pytest.mark.parametrize("text, figure, value", [
    ("Firm raises 200m in bond sale\nThe firm raised 200m euros from investors.", "200m", 2e8),
    ("Club spends £400m on stadium\nThe club will spend £400m on its new ground.", "£400m", 4e8),
    ("Budget of 120m\nThe council set a budget of 120m for roads.", "120m", 1.2e8),
])
def test_m_stays_millions_off_the_track(text, figure, value):
    assert any(t == figure and v == value for t, v, _u in _figures(text))


@pytest.mark.parametrize("text, quote", [
    ("Mosquito study\nA research institute will lead a five-year, $48 million programme to map mosquitoes. "
     "It brings together 60 researchers. The $84 million programme is funded by the agency.",
     "$84 million"),  # science, a future act on the priced thing
    ("Bypass\nThe council will build a £40m bypass around the village. Residents say the £60m bypass is a "
     "waste of money.", "£60m"),  # local government
])
def test_qt04_flags_priced_thing_restated_after_future_act(text: str, quote: str) -> None:
    assert_flags("QT04", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Pilot\nThe ministry could fund a $5 million pilot scheme. Officials said the $8 million pilot scheme was "
    "popular.",  # "could": a sum that may never be
    "Pilot\nThe ministry will fund a $5 million pilot scheme. If it works, the $50 million scheme would follow "
    "nationally.",  # a condition
    "Bypass\nThe council will build a £40m bypass around the village. Residents say the £40m bypass is a waste.",
    "Satellite\nThe agency will spend $3 billion on a satellite programme. Critics said the $2 billion satellite "
    "would be obsolete.",  # a part, another noun
])
def test_qt04_passes_priced_things_under_doubt_or_other(text: str) -> None:
    assert_passes("QT04", text)


@pytest.mark.parametrize("text", [
    "Survey\nOf the households asked, about 62 per cent heat with gas, 31 per cent with oil and the remaining "
    "15 per cent with wood.",  # an estimate in the partition
    "Budget\nRoughly half goes to schools. Of the rest, 48 percent funds clinics, a further 40 percent roads "
    "and the remaining 20 percent parks.",  # an added share: "a further"
    "Voters\nOf the ballots, 51 percent backed the mayor, another 39 percent her rival and the other 14 percent "
    "were spoiled.",  # "another", "the other"
])
def test_qt03_flags_closed_partition_with_estimates_and_added_shares(text: str) -> None:
    assert_flags("QT03", text)


@pytest.mark.parametrize("text", [
    "Survey\nOf the households asked, about 62 per cent heat with gas, 31 per cent with oil and the remaining "
    "9 per cent with wood.",  # within what "about" allows
    "Survey\nOf the households asked, about 60 per cent heat with gas, roughly 38 per cent with oil and the "
    "remaining 5 per cent with wood.",  # two estimates: 103 is within their slack
    "Market\nThe index rose 2 percent on Monday, added a further 3 percent on Tuesday, and the remaining 95 "
    "percent of trading was flat.",  # a change, not a share
])
def test_qt03_passes_partitions_within_estimates_and_changes(text: str) -> None:
    assert_passes("QT03", text)


@pytest.mark.parametrize("text, quote", [
    ("Marathon\nShe collected the winner's prize of 3 million Kenyan shillings. Kipkurui, 24, received the same "
     "2 million shilling prize as Alemu.", "2 million"),  # athletics, a prize
    ("Tackle\nHughes was fined £5,000 for the tackle. Smith got the same £8,000 fine as Hughes.", "£8,000"),  # a verb
    ("Arts funding\nThe theatre won a grant of €40,000 from the city. The choir was awarded the same €45,000 "
     "grant as the theatre, officials said.", "€45,000"),  # culture
])
def test_qt04_flags_same_figure_as_another_restated(text: str, quote: str) -> None:
    assert_flags("QT04", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Tackle\nHughes was fined £5,000 for the tackle. Smith got the same £5,000 fine as Hughes.",
    "Tackle\nHughes was fined £5,000 and Jones £3,000. Smith got the same £8,000 fine as Hughes.",  # two before
    "Prize\nThe winner took a prize of $40,000. The runner-up got the same $25,000 prize as last year.",  # a time
    "Grant\nThe charity received a grant of about $20,000. The library got the same $21,000 grant as the charity.",
])
def test_qt04_passes_same_figure_or_unclear_base(text: str) -> None:
    assert_passes("QT04", text)


# --- QT04 and HL over money in any currency: the reader's currencies reach every rule ------------------------
@pytest.mark.parametrize("text", [
    "Park\nThe city council approved a R7 million budget for the park on Tuesday. The R9 million budget pays for paths.",
    "Transfer\nThe club agreed a fee of KSh 40 million for the striker. The KSh 60 million fee is a league record.",
    "Port\nThe operator signed a HK$520 million contract for new cranes. Unions backed the HK$250 million contract.",
])
def test_qt04_flags_restated_amounts_in_other_currencies(text):
    assert_flags("QT04", text)


@pytest.mark.parametrize("text", [
    "Transfer\nThe club agreed a fee of KSh 40 million for the striker. The KSh 40 million fee is a league record.",
    "Port\nThe operator agreed a HK$520 million contract for cranes. The 520 million Hong Kong dollar contract runs to 2030.",
    "Farm\nThe bank lent N5 billion to rice farmers. It lent N2bn to cocoa growers last year.",
])
def test_qt04_passes_amounts_restated_alike_in_other_currencies(text):
    assert_passes("QT04", text)


def test_headline_dollar_over_a_prefixed_dollar_agrees():
    assert_passes("HL01", "Port operator pays $38m for cranes\nThe operator paid HK$38 million for six cranes on Monday.")
