"""RL01 office conflicts and RL02 office-holder conflicts: flagged cases and the traps."""

from __future__ import annotations

import pytest

from consistency.testing import assert_flags, assert_passes, make_article

pytestmark = pytest.mark.slow


# --- RL01 roles.office-conflict -------------------------------------------------------------
def test_roles_flags_mayor_of_two_cities():
    text = ("Mayor opens bridge\n"
            "John Smith, the mayor of Leeds, opened the bridge on Monday. "
            "Smith, the mayor of York, cut the ribbon.")
    findings = assert_flags("RL01", text, quotes=["the mayor of York"])
    assert "Leeds" in findings[0].message and "York" in findings[0].message


def test_roles_flags_president_of_two_countries():
    text = ("Leader travels\n"
            "Belarusian President Alexander Lukashenko flew to Moscow. "
            "In the Kremlin, Russian President Alexander Lukashenko gave a speech.")
    assert_flags("RL01", text)


def test_roles_flags_two_exclusive_posts_in_one_company():
    text = ("Results\n"
            "Acme chief executive Jane Doe said profits rose. Analysts said Acme finance chief "
            "Jane Doe had cut costs.")
    assert_flags("RL01", text)


@pytest.mark.parametrize("text", [
    "Minister\nChancellor Gordon Brown spoke. Mr Brown, the MP for Kirkcaldy, smiled.",
    "Results\nJane Doe, the chairman and chief executive of Acme, spoke. Acme chief executive Jane Doe smiled.",
    "Mayor\nJohn Smith, the former mayor of Leeds, spoke. Smith, the mayor of York, smiled.",
    "Mayor\nJohn Smith, who was mayor of Leeds, spoke. Smith, now the mayor of York, smiled.",
    "Mayor\nJohn Smith, the mayor of Leeds, spoke. Before becoming mayor of York, Smith taught.",
    "Minister\nShadow chancellor Oliver Letwin spoke. Mr Letwin, the shadow foreign secretary, smiled.",
])
def test_roles_passes_combined_former_and_shadow_roles(text):
    assert_passes("RL01", text)


# --- RL02 roles.office-holder-conflict ------------------------------------------------------
def test_roles_flags_two_foreign_ministers_of_one_country():
    text = ("Ministers meet\n"
            "Russian Foreign Minister Sergei Lavrov met the press. "
            "Russian Foreign Minister Andrei Kozyrev answered questions.")
    assert_flags("RL02", text, quotes=["Andrei Kozyrev"])


@pytest.mark.parametrize("text", [
    "Talks\nRussian Foreign Minister Sergei Lavrov met Belarusian Foreign Minister Vladimir Makei.",
    "Talks\nRussian Foreign Minister Sergei Lavrov met former Russian Foreign Minister Andrei Kozyrev.",
    "Talks\nRussian Foreign Minister Sergei Lavrov met Russian deputy foreign minister Sergei Ryabkov.",
    "Talks\nForeign Secretary Jack Straw spoke. Shadow foreign secretary Michael Ancram replied.",
    "Talks\nForeign Minister Sergei Lavrov met his Belarusian counterpart in Minsk.",
])
def test_roles_holder_passes_counterparts_deputies_former_and_shadow(text):
    assert_passes("RL02", text)


def test_roles_flags_two_cabinet_posts_for_one_minister():
    text = ("Minister speaks\n"
            "Foreign Secretary Jack Straw spoke in Paris on Monday. Home Secretary Jack Straw "
            "said the talks had gone well.")
    assert_flags("RL01", text, quotes=["Home Secretary"])


def test_roles_holder_passes_dated_past_holder():
    text = ("Ministers\nRussian President Vladimir Putin spoke. In 1998, Russian President Boris Yeltsin "
            "devalued the rouble.")
    assert_passes("RL02", text)


def test_roles_flags_city_mayor_at_sentence_start():
    text = "Talks\nLondon mayor Ken Livingstone spoke. Manchester mayor Ken Livingstone replied."
    assert_flags("RL01", text, quotes=["Manchester mayor"])


def test_roles_holder_flags_two_current_mayors_of_one_city():
    text = ("Talks\nThe mayor of London, Ken Livingstone, spoke. Boris Johnson, the mayor of London, "
            "replied.")
    assert_flags("RL02", text)


def test_roles_holder_flags_two_presidents_of_one_country():
    text = ("Talks\nFrench President Jacques Chirac met Tony Blair. French President Nicolas Sarkozy "
            "said the talks went well.")
    assert_flags("RL02", text, quotes=["Nicolas Sarkozy"])


def test_roles_flags_two_parties_for_one_politician():
    text = "Vote\nLabour MP Kate Hoey spoke on Monday. Tory MP Kate Hoey said the vote was close."
    assert_flags("RL01", text)


def test_roles_passes_defection_between_parties():
    text = ("Vote\nLabour MP Kate Hoey spoke on Monday. Tory MP Kate Hoey, who defected last week, "
            "said the vote was close.")
    assert_passes("RL01", text)


def test_roles_holder_passes_a_holder_who_died():
    text = ("Apple\nApple chief executive Tim Cook unveiled a phone. Apple chief executive Steve Jobs, who died "
            "of cancer, had planned it.")
    assert_passes("RL02", text)


def test_role_title_the_tagger_read_as_a_verb_is_still_a_title():
    # ice hockey: "down to goaltender X" is parsed "to goaltender" (a verb English does not have)
    from consistency.testing import checker_for

    text = ("Final\nThe title was largely down to goaltender Samuel Kovac. The club thanked its staff. "
            "\"He was brilliant,\" said Kovac, the club's goaltending coach.")
    ctx = checker_for("RL03").analyze(make_article(text))
    roles = {c.value for c in ctx.claims.of("role")}
    assert "goaltender" in roles
    assert_flags("RL03", text)


def test_role_a_verb_that_is_also_a_person_noun_keeps_its_reading():
    # sport: "to coach Tom Smith" is the verb coach; Smith is no coach
    from consistency.testing import checker_for

    text = "Academy\nThe club hired Ana Ruiz to coach Tom Smith. Smith, a winger, scored twice."
    ctx = checker_for("RL03").analyze(make_article(text))
    assert not any(c.value == "coach" and ctx.claims.name_of(c.subject) == "Tom Smith" for c in ctx.claims.of("role"))


def test_role_leading_a_trial_side_is_counsel_for_it():
    # courts: the Crown prosecutor later said to have led the accused's defence
    assert_flags("RL03", "Fraud trial\nCrown prosecutor Amrita Sandhu told the jury the books were false. The "
                         "trial lasted six weeks. Sandhu, who led Kowalchuk's defence, said he would appeal.")


@pytest.mark.parametrize("text", [
    # sport: a defender who "led the defence" leads the back line
    "Derby\nDefender Tom Hale led the defence superbly on Saturday. Hale, the club captain, lifted the cup.",
    # courts: the defence led by one lawyer, the prosecution by another
    "Verdict\nCrown prosecutor Amrita Sandhu told the jury the books were false. Peter Otieno, who led "
    "Kowalchuk's defence, said he would appeal.",
])
def test_role_leading_a_side_traps(text):
    assert_passes("RL03", text)


# --- role classes: a wicketkeeper, a conductor, an election's returning officer --------------
@pytest.mark.parametrize("text, quote", [
    ("Hosts win by six wickets\nThe Harbour XI's wicketkeeper, Ravi Menon, took four catches as the hosts "
     "bowled out the visitors for 141. Menon, the third umpire, was asked to review a run-out in the 30th over.", "third umpire"),
    ("Symphony opens season\nThe orchestra's principal cellist, Anna Weiss, played the solo in the Elgar. "
     "After the interval the guest conductor Anna Weiss took the orchestra through Sibelius.", "guest conductor"),
    ("Independent takes the ward\nCandidate Joseph Mensah won the Kaneshie ward by 212 votes. "
     "The result was declared just after midnight by returning officer Joseph Mensah.", "returning officer"),
])
def test_roles_flags_a_player_official_conductor_or_returning_officer_in_two_parts(text, quote):
    assert_flags("RL03", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Hosts win by six wickets\nWicketkeeper Ravi Menon took four catches. The third umpire, Asif Khan, "
    "was asked to review a run-out in the 30th over.",
    "Symphony opens season\nThe orchestra's principal cellist, Anna Weiss, played the solo in the Elgar. "
    "After the interval the guest conductor Ivan Petrov took the orchestra through Sibelius.",
    "Independent takes the ward\nCandidate Joseph Mensah won the Kaneshie ward by 212 votes. "
    "The result was declared just after midnight by returning officer Ama Owusu.",
])
def test_roles_passes_the_parts_held_by_different_people(text):
    assert_passes("RL03", text)


def test_roles_a_post_served_since_a_date_is_current():
    text = ("Wind farm delayed\nJonas Berg, a spokesman for Nordvik Energy, said the turbines would arrive in May. "
            "Berg has served as Baltic Wind's spokesman since 2020.")
    assert_flags("RL04", text, quotes=["spokesman"])
    assert_passes("RL04", text.replace("Berg has served as Baltic Wind's spokesman since 2020.",
                                       "Berg served as Baltic Wind's spokesman until 2020."))
