"""Traps met on short correct articles by writers who never saw the rules (the session-9 probes):
each reading below once made a false alarm on correct text, and each has its slip counterpart."""

from __future__ import annotations

import pytest

from consistency.testing import assert_flags, assert_passes

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Province approves $4.2-billion hospital plan\n\nEDMONTON, June 3, 2024 - The province approved a "
    "$4.2-billion plan on Monday to rebuild two hospitals, the health minister said.",
    "Council backs $38M arena\n\nThe council voted 6-3 to build a $38-million arena beside the river.",
    "Port signs Rs 1,200-crore deal\n\nThe port trust signed a 1,200-crore deal with the dredging firm on Friday.",
])
def test_a_figure_hyphenated_to_its_scale_word_is_one_figure(text):
    """"$38-million" is 38 million, not a range from 38 to a million."""
    assert_passes("HL01", text)


def test_a_hyphenated_figure_still_differs_from_another_headline_figure():
    assert_flags("HL01", "Council backs $83M arena\n\nThe council voted 6-3 to build a $38-million arena beside "
                         "the river, and a $12-million car park beside it.")


@pytest.mark.parametrize("text", [
    "Okafor wins state rowing federation vote\n\nLAGOS, May 2, 2024 - Coach Amaka Okafor was elected head of the "
    "state rowing federation on Saturday, defeating the incumbent by 212 votes to 187.",
    "Lindqvist wins Uppsala mayoral race\n\nUPPSALA - Sara Lindqvist prevailed in Sunday's mayoral race, "
    "defeating two rivals with 41 percent of the vote.",
])
def test_a_win_told_as_an_election_or_a_defeat_supports_the_headline(text):
    assert_passes("HL01", text)


@pytest.mark.parametrize("text", [
    "Almaty teenager clinches national chess title\n\nALMATY, Dec 18, 2023 - Sixteen-year-old Arman Bekov "
    "clinched the national chess title on Monday. The International Master from Almaty beat the top seed.",
    "Cork schoolgirl wins European spelling final\n\nCORK - Aoife Byrne, 12, won the European spelling final "
    "in Brussels on Saturday, beating pupils from 14 countries.",
])
def test_a_place_that_describes_the_headline_person_is_not_the_winner(text):
    assert_passes("HL02", text)


def test_a_team_named_by_its_country_is_still_a_winner():
    assert_flags("HL02", "Kenya beat Uganda to win regional title\n\nNAIROBI, May 3, 2024 - Uganda beat Kenya "
                         "2-1 on Saturday to win the regional title in Nairobi.")


def test_a_pronoun_another_named_person_can_mean_does_not_make_a_family_of_strangers():
    """'He is survived by ... their son' after a quoted speaker: the deceased, whose surname the son has."""
    text = ("Lute maker dies at 88\n\nSEVILLE, 4 March 2024 - Rafael Campos Vidal, who built lutes in Triana for "
            "sixty years, died on Sunday. Campos opened his workshop in 1961. \"He heard wood the way others hear "
            "music,\" said the musician Luis Ortega Ruiz, a client for decades. He is survived by his wife, Elena "
            "Soler Gil, and their son, Pablo Campos Soler, who runs the workshop.")
    assert_passes("KN01", text)


def test_a_pronoun_no_named_person_explains_still_flags():
    text = ("Lute maker dies at 88\n\nSEVILLE, 4 March 2024 - Rafael Campos Vidal, who built lutes in Triana for "
            "sixty years, died on Sunday. Campos opened his workshop in 1961. \"He heard wood the way others hear "
            "music,\" said the musician Luis Ortega Ruiz, a client for decades. He is survived by his wife, Elena "
            "Soler Gil, and their son, Pablo Morales Soler, who runs the workshop.")
    assert_flags("KN01", text)


@pytest.mark.parametrize("text", [
    "Pilgrims fill Bonfim steps\n\nSALVADOR, Brazil - Crowds walked from the Church of Nossa Senhora da Conceicao "
    "to the Church of Nosso Senhor do Bonfim, where Father Joao Silva blessed them. Ribbons read 'Senhor do "
    "Bonfim'.",
    "Rome tenor returns\n\nROME - Signora Lucia Ferri and Signor Marco Ferri, her husband, sang at the Teatro "
    "dell'Opera. Signor Ferri said the hall was full.",
])
def test_courtesy_titles_of_other_languages_are_not_name_variants(text):
    assert_passes("NM01", text)
