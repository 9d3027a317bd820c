"""KN01 kinship surname mismatches: flagged cases and naming customs that explain them."""

from __future__ import annotations

import pytest

from consistency.testing import assert_flags, assert_passes, run_rule

pytestmark = pytest.mark.slow


def test_kinship_flags_son_with_another_surname():
    text = ("Minister meets president's son\n"
            "The minister met Boris Nalbandian, Belarusian president Alexander Lukashenko's son, in Minsk.")
    findings = assert_flags("KN01", text, quotes=["Boris Nalbandian"])
    assert "Nalbandian" in findings[0].message and "Lukashenko" in findings[0].message


def test_kinship_flags_possessive_before_name_and_son_of():
    assert_flags("KN01", "Heir named\nPresident Paul Dupont's son Marc Leblanc will inherit the firm.")
    assert_flags("KN01", "Heir named\nThe firm went to Marc Leblanc, the son of Paul Dupont, last year.")


def test_kinship_passes_shared_surname():
    assert_passes("KN01", "Heir named\nThe minister met Viktor Lukashenko, President Alexander "
                          "Lukashenko's son, in Minsk.")


@pytest.mark.parametrize("text", [
    "Icelandic heir\nGunnar Einarsson, Einar Gudmundsson's son, took over.",
    "Saudi heir\nMohammed bin Salman, Salman bin Abdulaziz's son, spoke.",
    "Russian heir\nIvan Viktorovich Petrov, Viktor Sidorov's son, spoke.",
    "Korean heir\nKim Jong-un, Kim Jong-il's son, took power.",
])
def test_kinship_passes_patronymics(text):
    assert_passes("KN01", text)


@pytest.mark.parametrize("text", [
    "Wedding\nCherie Booth, Tony Blair's wife, attended.",
    "Family firm\nAnne Jones, Peter Smith's daughter, runs the firm.",
    "Family firm\nJane Doe, nee Smith, Peter Smith's sister, runs the firm.",
    "Family firm\nTom Brown, Peter Smith's stepson, runs the firm.",
    "Family firm\nTom Brown, Peter Smith's son-in-law, runs the firm.",
    "Peerage\nJohn Sainsbury, Lord Sainsbury of Preston Candover's son, spoke.",
])
def test_kinship_passes_marriage_and_step_relations(text):
    assert_passes("KN01", text)


def test_kinship_daughter_mismatch_is_info():
    findings = run_rule("KN01", "Family firm\nAnne Jones, Peter Smith's daughter, runs the firm.")
    assert all(f.severity == "info" for f in findings)


@pytest.mark.parametrize("text", [
    "Heir named\nThe minister met Boris Nalbandian, the son of Belarusian president Alexander Lukashenko, on Monday.",
    "Heir named\nThe minister met Boris Nalbandian, Alexander Lukashenko's eldest son, on Monday.",
])
def test_kinship_flags_son_of_with_title_and_adjectives(text):
    assert_flags("KN01", text, quotes=["Boris Nalbandian"])


def test_kinship_passes_son_of_someone_else():
    assert_passes("KN01", "Profile\nBoris Nalbandian, the son of a farmer who once met Alexander Lukashenko, spoke.")


def test_kinship_uses_the_full_name_of_a_later_mention():
    text = ("Heir named\nBoris Nalbandian arrived on Monday. Mr Nalbandian, Alexander Lukashenko's son, "
            "spoke first.")
    assert_flags("KN01", text)


def test_kinship_flags_and_his_son():
    assert_flags("KN01", "Visit\nAlexander Lukashenko and his son Boris Nalbandian visited Moscow on Monday.")


def test_kinship_passes_and_his_son_with_family_name():
    assert_passes("KN01", "Visit\nAlexander Lukashenko and his son Viktor Lukashenko visited Moscow on Monday.")
