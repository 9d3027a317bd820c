"""NM01 spelling variants and NM02 person-name conflicts: flagged cases and the traps."""

from __future__ import annotations

import pytest

from consistency.testing import assert_flags, assert_passes, run_rule

pytestmark = pytest.mark.slow


# --- NM01 naming.spelling-variant ---------------------------------------------------------
def test_naming_flags_country_variant_against_majority_spelling():
    text = ("Belarus shuts border\n"
            "Belarus closed its border with Poland. Officials in Belarus said trade would suffer. "
            "While Belarusia remains isolated, its exports to Russia grew.")
    findings = assert_flags("NM01", text, quotes=["Belarusia"])
    assert "Belarus" in findings[0].message and "Belarusia" in findings[0].message
    assert all(e.text == "Belarus" for e in findings[0].evidence)


def test_naming_flags_surname_transliteration_variant():
    text = ("Leader speaks\n"
            "President Alexander Lukashenko spoke on Monday. Lukashenko said the talks failed. "
            "Critics say Lukashenka has ruled since 1994.")
    assert_flags("NM01", text, quotes=["Lukashenka"])


def test_naming_flags_swapped_first_letter_transliteration():
    text = ("Libya talks\n"
            "Muammar Gaddafi met envoys in Tripoli. Gaddafi rejected the plan. "
            "Aides said Qaddafi would travel to Rome.")
    assert_flags("NM01", text, quotes=["Qaddafi"])


@pytest.mark.parametrize("pair", [("Austria", "Australia"), ("Niger", "Nigeria"), ("Slovakia", "Slovenia"),
                                  ("Iran", "Iraq")])
def test_naming_passes_two_real_countries(pair):
    a, b = pair
    text = f"Trade talks\n{a} signed a deal with {b} on Monday. Officials in {a} welcomed it, and {b} agreed."
    assert_passes("NM01", text)


def test_naming_passes_demonyms_plurals_and_possessives():
    text = ("Belarus and its people\n"
            "Belarus said Belarusian troops would stay home. The Belarusians were relieved. "
            "Belarus's neighbours agreed; Russia and the Russians, and Ukraine and Ukrainian "
            "officials, also agreed. Croatia said Croat soldiers were ready.")
    assert_passes("NM01", text)


def test_naming_passes_different_people_sharing_a_stem():
    text = ("Ministers clash\n"
            "Gordon Brown met Des Browne on Monday. Mr Brown said Mr Browne had done well. "
            "Boris Johnson and Mark Johnston also attended.")
    assert_passes("NM01", text)


def test_naming_passes_british_and_american_spellings():
    text = ("Labour and Labor\n"
            "Labour leaders met members of the Australian Labor Party. The Labour delegation was small.")
    assert_passes("NM01", text)


# --- NM02 naming.person-name-conflict ------------------------------------------------------
def test_naming_flags_two_first_names_for_one_office_holder():
    text = ("Lavrov visits Minsk\n"
            "Foreign Minister Sergei Lavrov arrived in Minsk on Monday. Lavrov met officials. "
            "Foreign Minister Vladimir Lavrov told reporters the talks went well.")
    findings = assert_flags("NM02", text, quotes=["Vladimir Lavrov"])
    assert "Sergei" in findings[0].message and "Vladimir" in findings[0].message


def test_naming_flags_two_surname_spellings_with_one_first_name():
    text = ("Leader re-elected\n"
            "Alexander Lukashenko won the vote. Observers said Alexander Lukashenka had jailed rivals.")
    assert_flags("NM02", text, quotes=["Alexander Lukashenka"])


def test_naming_passes_couples_and_siblings():
    assert_passes("NM02", "Clintons campaign\nHillary and Bill Clinton campaigned in Ohio. "
                          "Hillary Clinton spoke first.")
    assert_passes("NM02", "Brothers meet\nEd Miliband met his brother David Miliband. "
                          "David Miliband later left.")
    assert_passes("NM02", "Couple in court\nMr and Mrs Smith arrived. John Smith spoke; Mary Smith did not.")


def test_naming_passes_nicknames_and_initials():
    text = ("Former president speaks\n"
            "Bill Clinton spoke in Harlem. William Clinton's foundation paid for it. "
            "Tony Blair and Anthony Blair are one man, as are J. Smith and John Smith.")
    assert_passes("NM02", text)


def test_naming_unrelated_same_surname_is_info_at_most():
    text = ("Two Smiths\n"
            "John Smith opened the shop on Monday. Later, Peter Smith closed it.")
    assert not run_rule("NM02", text, min_severity="warning")


def test_naming_passes_place_and_similar_person_name():
    text = ("Columnist in France\n"
            "Matthew Parris flew to Paris on Monday. Mr Parris said Paris was cold, and Paris agreed.")
    assert_passes("NM01", text)


def test_naming_first_name_variants_are_info_at_most():
    text = ("Hijackers named\n"
            "Mohammed Atta led the group. Mohammed Atta trained in Florida, where Mohammed Atta lived. "
            "Preachers cited the Prophet Muhammad.")
    assert not run_rule("NM01", text, min_severity="warning")


def test_naming_passes_common_word_inside_a_name():
    text = ("Firm quits Iraq\n"
            "Contrack International left the contract. Contrack said costs rose, and the Project "
            "and Contract Office took over Contrack's work.")
    assert_passes("NM01", text)


def test_naming_flags_two_first_names_for_one_president_of_one_country():
    text = ("Kremlin\nRussian President Vladimir Putin spoke. Russian President Dmitry Putin "
            "then left the room.")
    assert_flags("NM02", text, quotes=["Dmitry Putin"])


def test_naming_flags_first_name_spelled_two_ways():
    text = ("Ivanov visits Berlin\nSergei Ivanov flew to Berlin. Sergei Ivanov met Angela Merkel, "
            "and Sergey Ivanov then flew home.")
    assert_flags("NM02", text, quotes=["Sergey Ivanov"])


def test_naming_flags_swapped_letters_in_surname():
    text = ("Merkel speaks\nAngela Merkel spoke in Berlin. Merkel said the euro was safe. "
            "Critics said Merkle had waited too long.")
    assert_flags("NM01", text, quotes=["Merkle"])


def test_naming_passes_two_similar_but_distinct_first_names():
    text = ("Couple honoured\nMark Smith and his colleague met Mary Smith on Monday. Later Mary Smith "
            "spoke, and Martin Jones thanked Marvin Jones.")
    assert_passes("NM02", text)


def test_naming_flags_transliterated_first_name():
    text = ("Minister quits\nViktor Makarov resigned on Monday. Viktor Makarov had served for ten years, "
            "and Victor Makarov said he would now rest.")
    assert_flags("NM02", text, quotes=["Victor Makarov"])
