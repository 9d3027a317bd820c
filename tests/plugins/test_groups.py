"""Tests of the `groups` family: GR01 groups.nationality-drift."""

from __future__ import annotations

import pytest

from consistency.testing import assert_flags, assert_passes, run_rule

pytestmark = pytest.mark.slow


# --- flagged ---------------------------------------------------------------------------------------
def test_groups_flags_host_nationality_after_composition_verb():
    text = ("Deportation flight lands\n"
            "A flight carrying Georgian deportees from Greece landed in Tbilisi on Monday. "
            "Police had detained the Georgian citizens in Athens last month. "
            "The Greeks included six children, officials said.")
    findings = assert_flags("GR01", text, quotes=["The Greeks included six children"])
    assert "Georgia" in findings[0].message and "Greece" in findings[0].message
    assert any("Georgian deportees" in (e.text or "") for e in findings[0].evidence)


def test_groups_flags_same_role_with_other_nationality():
    text = ("Workers freed\n"
            "Twelve Indian workers were detained in Qatar after a strike at a building site. "
            "The company said talks had begun. "
            "The Nepalese workers were released on Friday after paying a fine.")
    assert_flags("GR01", text, quotes=["The Nepalese workers"])


def test_groups_flags_plural_demonym_in_role():
    text = ("Evacuation\n"
            "About 200 Spanish tourists were evacuated from the island on Sunday. "
            "The storm destroyed several hotels. "
            "The Italians who were evacuated were flown to Madrid on Monday.")
    assert_flags("GR01", text, quotes=["The Italians"])


def test_groups_flags_group_introduced_with_country_name():
    text = ("Detained\nFive US citizens were detained in Iran last month. Talks continued. "
            "The Iranians included two students.")
    assert_flags("GR01", text, quotes=["The Iranians included two students"])


def test_groups_flags_same_status_noun():
    text = ("Raid\nPolice arrested 40 Chinese nationals in a raid on a factory in Milan. The factory was closed. "
            "The Vietnamese nationals appeared in court on Monday.")
    assert_flags("GR01", text, quotes=["The Vietnamese nationals"])


def test_groups_passes_generic_people_noun():
    text = ("Raid\nPolice detained five Iraqi men in Leeds. Witnesses said the British men who had been "
            "attacked were in hospital.")
    assert_passes("GR01", text)


def test_groups_flags_citizens_of_country():
    text = ("Flight lands\nA flight carrying 300 citizens of Georgia who were deported from Greece landed on "
            "Monday. Police had held them for weeks. The Greeks included six children.")
    findings = assert_flags("GR01", text, quotes=["The Greeks included six children"])
    assert any(e.text == "300 citizens of Georgia" for e in findings[0].evidence)


def test_groups_flags_counted_group_despite_host_forces():
    text = ("Fishermen freed\nPakistani authorities detained 40 Indian fishermen off the coast last week. "
            "The Indian fishermen were released on Sunday, and the Pakistanis included several teenagers, "
            "officials said.")
    assert_flags("GR01", text, quotes=["the Pakistanis included several teenagers"])


def test_groups_flags_composition_after_unnamed_group_mention():
    text = ("Detainees return\nA flight carrying Turkish detainees from Syria landed in Istanbul. Syrian forces had "
            "arrested the Turkish nationals in Aleppo. The decision to return the detainees was made in May. "
            "Talks were held in Geneva. The Syrians included twelve students.")
    assert_flags("GR01", text, quotes=["The Syrians included twelve students"])


def test_groups_passes_host_side_speaking():
    text = ("Arrests\nSyrian security forces arrested 20 Turkish nationals in Aleppo. The Syrians said the men "
            "were spies.")
    assert_passes("GR01", text)


def test_groups_lowers_severity_when_nationality_change_is_mentioned():
    text = ("Deportees\n"
            "Forty Moldovan deportees arrived from Italy on Monday. "
            "Several hold dual citizenship, officials said. "
            "The Romanians included four children.")
    findings = run_rule("GR01", text)
    assert findings and all(str(f.severity) == "info" for f in findings)


# --- not flagged (traps) ------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    # two groups of different nationalities
    "Troops deploy\nBritish and French troops were deployed to the border. The French troops arrived first.",
    ("Officials meet\nRussian and Belarusian officials met in Minsk. Russian citizens detained in Belarus were "
    "freed. The Belarusians included two ministers."),
    # subgroup of another nationality
    ("Flight lands\nA flight carrying 300 Russian deportees, including 20 Ukrainians, landed on Monday. "
    "The Ukrainians were taken to Kiev."),
    # host-country people
    ("Arrests\nBelarusian police arrested 40 Russian citizens in Minsk. Belarusian troops guarded the border. "
    "The Belarusian officers said the detainees would be deported."),
    # Russian-speaking Belarusians are Belarusians
    ("Detentions\nRussian-speaking Belarusians were detained in Grodno on Monday. The Belarusians included "
    "three students."),
    # an article that introduces a second group before naming it
    ("Evacuation\nSpanish tourists were evacuated from the island on Sunday. Italian tourists were also "
    "moved to a shelter. The Italian tourists were flown home on Monday."),
    # "also"/"other" mark another group
    ("Arrests\nSeven Egyptian fishermen were arrested off the coast. The other Sudanese fishermen were also "
    "arrested."),
    # a country name as the nationality ("UK troops") introduces a group too
    "Charges\nUK troops detained 12 Iraqi civilians in Basra. The British soldiers were later charged.",
    # agents, not the group
    ("Arrests\nRussian soldiers detained 30 Georgian villagers. The Russians said they were searching for "
    "weapons."),
])
def test_groups_passes_traps(text):
    assert_passes("GR01", text)


def test_groups_passes_consistent_group():
    text = ("Repatriation\n"
            "The repatriation of 300 Russian citizens from Belarus began on Monday. "
            "The Russians included ten children. The Russian deportees were flown to Moscow.")
    assert_passes("GR01", text)


def test_groups_passes_distant_composition_mention():
    text = ("Deportees\n"
            "Georgian deportees from Greece landed on Monday. The flight was late. The weather was bad. "
            "The airport was closed. Officials said the Greeks included several ministers.")
    assert_passes("GR01", text)


def test_groups_two_word_demonym_drift_is_read():
    text = ("Car sales rise\nJapanese customers bought more cars in March than in any month since 2010.\n"
            "Dealers said demand was strong. Prices rose by 3%.\n"
            "The South Korean customers were offered discounts of up to 10%, dealers said.")
    assert_flags("GR02", text, quotes=["Korean customers"])
    text = ("Stadium opens\nOfficials said North Korean workers built the stadium in two years.\n"
            "It seats 40,000 people.\nThe Chinese workers said the pay was low.")
    assert_flags("GR02", text, quotes=["Chinese workers"])


def test_groups_two_word_demonym_named_twice_is_no_drift():
    text = ("Car sales rise\nJapanese customers bought more cars in March than in South Korea.\n"
            "Dealers said demand was strong.\nThe South Korean customers were offered discounts, dealers said.")
    assert_passes("GR02", text)


@pytest.mark.parametrize("text, quote", [
    ("Port contract signed\nUS firm ISG will run the container terminal for 20 years under the deal.\n"
     "The contract was signed in Lagos on Friday.\nThe Canadian firm said it would invest $300m in new cranes.",
     "Canadian firm"),
    ("Album deal\nUK label Domino Records will release the album in June.\n"
     "Tickets go on sale on Monday.\nThe Irish label said demand was high.", "Irish label"),
])
def test_groups_country_name_before_an_organisation_is_its_nationality(text, quote):
    findings = assert_flags("GR02", text, quotes=[quote])
    assert "is given" in findings[0].message


def test_groups_country_name_before_an_organisation_then_another_named_one():
    text = ("Port contract signed\nUS firm ISG will run the container terminal for 20 years.\n"
            "The contract was signed in Lagos on Friday.\nThe Canadian firm Portco said it would bid again.")
    assert_passes("GR02", text)


def test_gr03_a_candidacy_beside_an_employer_is_no_drift():
    """Standing for a party and working for a hospital are two ties of different kinds."""
    from consistency.testing import assert_passes

    assert_passes("GR03", "By-election result\nGreen Party candidate Ruth Okafor won the ward with 41% of the vote. "
                          "Okafor, a nurse at St Luke's Hospital, thanked voters. The turnout was 29%.")


@pytest.mark.parametrize("text", [
    # a company placed in one city and later described by another city's name
    "Drug trial\nThe tablets were supplied by Nilgiri Pharma, a Bengaluru-based drug maker. A Chennai-based "
    "charitable trust paid for the scans. Asked whether the Hyderabad company would profit, the lead author "
    "said the drug was sold by several firms.",
])
def test_gr02_a_company_placed_in_another_city_later(text):
    from consistency.testing import assert_flags

    assert assert_flags("GR02", text)


@pytest.mark.parametrize("text", [
    # one metropolitan area: a suburb and its city
    "Club news\nThe Salford-based club signed a striker on Monday. The Manchester club paid a fee of two million.",
    # another company of the same kind placed in the later city
    "Drug trial\nNilgiri Pharma, a Bengaluru-based drug maker, supplied the tablets. A Hyderabad-based company "
    "made the placebo. The Hyderabad company said it was pleased.",
])
def test_gr02_city_traps(text):
    from consistency.testing import assert_passes

    assert_passes("GR02", text)


@pytest.mark.parametrize(("text", "quote"), [
    # what a collective noun is made of names people even when the person-noun lexicon lacks the word
    ("Cave rescue\nA team of Dutch divers reached the chamber at dawn. By noon the Belgian divers had "
     "brought out four of the boys.", "Belgian divers"),
    ("Relay record\nA squad of Jamaican pacers set the tempo for the first two laps. Officials said the "
     "Cuban pacers were paid by the meeting.", "Cuban pacers"),
])
def test_gr02_members_of_a_collective_are_a_group(text, quote):
    from consistency.testing import assert_flags

    assert_flags("GR02", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    # two nationalities in the collective, or the later nationality named again elsewhere
    "Cave rescue\nA team of Dutch and Belgian divers reached the chamber at dawn. By noon the Belgian divers "
    "had brought out four of the boys.",
    "Relay record\nA squad of Jamaican pacers set the tempo. Cuban officials said the Cuban pacers would run "
    "next year.",
    # things, not members: "a set of Japanese tyres"
    "Motor racing\nThe team fitted a set of Japanese tyres before the race. The Korean tyres wore out faster.",
])
def test_gr02_members_of_a_collective_traps(text):
    from consistency.testing import assert_passes

    assert_passes("GR02", text)


def test_gr02_a_country_name_before_a_plural_of_people_is_their_nationality():
    from consistency.testing import assert_flags

    assert_flags("GR02", "Fare rise\nUK commuters face a 4% rise in rail fares from January. Ministers said the "
                         "Irish commuters would be protected by a cap.", quotes=["Irish commuters"])


@pytest.mark.parametrize("text", [
    # the same nationality by name and by demonym
    "Fare rise\nUK commuters face a 4% rise in rail fares. Ministers said British commuters would be protected.",
    # a name that is also a region (a US state) says no nationality
    "Poll\nGeorgia voters backed the measure. The Armenian voters who took part were fewer.",
])
def test_gr02_country_name_before_people_traps(text):
    from consistency.testing import assert_passes

    assert_passes("GR02", text)


@pytest.mark.parametrize(("text", "quote"), [
    # a based noun that heads the organisation's name ("the Accra-based charity Nkabom Health Trust")
    ("Clinic opens\nA clinic was opened in Tamale on Monday by the Accra-based charity Nkabom Health Trust. The "
     "Lomé-based trust plans two more.", "Lomé-based"),
    # a demonym before a possessive
    ("Plant to close\nDanish toy maker Holm & Sons said it would close its plant in Ghent. Unions asked to meet "
     "the Swedish group's management.", "Swedish group"),
])
def test_gr02_organisation_described_elsewhere_later(text, quote):
    from consistency.testing import assert_flags

    assert_flags("GR02", text, quotes=[quote])


def test_gr03_agent_of_a_passive_and_a_centre_named_like_a_region():
    from consistency.testing import assert_flags

    text = ("Coral study\nThe survey was led by marine biologist Ana Lisboa of the Atlantic Reef Institute, which "
            "funds the work. Lisboa, who has worked at the Azores Marine Centre since 2012, said bleaching had slowed.")
    assert_flags("GR03", text, quotes=["worked at the Azores Marine Centre"])


def test_gr03_agent_of_a_passive_tied_to_one_body_passes():
    from consistency.testing import assert_passes

    assert_passes("GR03", "Coral study\nThe survey was led by marine biologist Ana Lisboa of the Azores Marine Centre. "
                          "Lisboa, who has worked at the Azores Marine Centre since 2012, said bleaching had slowed.")


def test_gr02_a_country_named_by_its_short_name_elsewhere_is_named():
    from consistency.testing import assert_passes

    # "British officials" when the article names the UK elsewhere: two sides, not a drift
    assert_passes("GR02", "Arms talks\nThe UK minister said talks with US officials went well. US officials say "
                          "they are not satisfied. A US envoy meets British officials this week.")


def test_gr03_rides_for_a_named_team_then_another_teams_leader():
    from consistency.testing import assert_flags

    text = ("Mountain stage\nThe stage went to Lucía Parra, ahead of Chile's Tomás Vergara Soto, who rides for the "
            "Cóndor-Sur team. \"It was hard,\" said Ana Ruiz, Ruta Norte's manager. Vergara, the Ruta Norte leader, "
            "said he had waited too long.")
    assert_flags("GR03", text, quotes=["leader"])


def test_gr03_the_same_hyphenated_team_written_with_spaces_is_one_body():
    from consistency.testing import assert_passes

    assert_passes("GR03", "Mountain stage\nThe stage went to Lucía Parra, ahead of Chile's Tomás Vergara Soto, who "
                          "rides for the Cóndor-Sur team. Vergara, the Cóndor-Sur leader, said he had waited too long.")


# --- session 10: "based in X" after the name, and descriptions that point back ---------------------------
@pytest.mark.parametrize(("text", "quote"), [
    # "based in" / "headquartered in" after the name, later a "-based" description
    ("Relief flights\nAmani Aid, a charity based in Mombasa, flew supplies to the camps. A spokesman for the "
     "Kisumu-based charity said more would follow.", "Kisumu-based"),
    ("Shipyard order\nKvist Marine, headquartered in Bergen, won the order on Monday. The Trondheim-based "
     "shipbuilder will start work in May.", "Trondheim-based"),
    # a later body named in the description's own sentence is no rival it could point to
    ("Book fair\nLal Kalam, a Karachi-based publisher, took the largest stall. The Lahore firm's stall drew crowds "
     "that had travelled on the Khyber Mail for the weekend.", "Lahore firm"),
])
def test_gr02_a_base_given_after_the_name_drifts_later(text, quote):
    from consistency.testing import assert_flags

    assert_flags("GR02", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Relief flights\nAmani Aid, a charity based in Mombasa, flew supplies. A spokesman for the Mombasa-based "
    "charity said more would follow.",
    # another body of the kind is named before the description: it may be that one
    "Relief flights\nAmani Aid, a charity based in Mombasa, flew supplies. Tumaini Trust also sent food. The "
    "Kisumu charity said more would follow.",
    # the description names its own body ("the Hamburg-based Krause group"), told two sentences back
    "Label sold\nThe Vienna-based firm Ostwind has sold its shoe label. Ostwind said the label had been bought by the "
    "Krause Group. Many fashion houses are struggling. The Hamburg-based Krause group, which also runs 40 shops, "
    "said it would expand the label.",
    # a plan to move is no base
    "Shipyard order\nKvist Marine, which may be based in Trondheim from next year, won the order. The Bergen "
    "shipbuilder will start work in May.",
])
def test_gr02_base_after_the_name_traps(text):
    from consistency.testing import assert_passes

    assert_passes("GR02", text)


# --- GR03: a body's short name read as a person; a candidate "standing for" a party -----------------
@pytest.mark.parametrize("text, quote", [
    ("Frozen meals recalled\nHalcyon Foods recalled 40,000 frozen meals on Friday. "
     "Dana Whitcombe, a spokeswoman for Halcyon, said no illness had been reported. "
     "Shops were told to clear their shelves. "
     '"We acted as soon as we knew," Whitcombe, Brightwater\'s spokeswoman, added.', "spokeswoman"),
    ("Warehouse robots delayed\nMesa Robotics has delayed its warehouse robot by a year. "
     "Ivan Petrak, a spokesman for Mesa, blamed a shortage of chips. "
     "Customers will be offered refunds. Petrak, Corvane's spokesman, said the design was sound.", "spokesman"),
])
def test_groups_flags_a_spokesperson_for_a_body_called_by_its_short_name(text, quote):
    assert_flags("GR03", text, quotes=[quote])


@pytest.mark.parametrize("text, quote", [
    ("Mayoral race tightens\nThe Liberal Alliance candidate, Priya Raman, drew the largest crowd of the campaign. "
     "Turnout is expected to be high. "
     "Raman, standing for the People's Reform Party in her first race, promised cheaper buses.",
     "standing for the People's Reform Party"),
    ("Council by-election\nTomás Ferreira, the Green Party candidate, opened his campaign in the market square. "
     "Parking dominated the debate. Ferreira, standing for the Civic Renewal Movement, called for free parking.",
     "standing for the Civic Renewal Movement"),
])
def test_groups_flags_a_candidate_standing_for_another_party(text, quote):
    assert_flags("GR03", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    ("Frozen meals recalled\nHalcyon Foods recalled 40,000 frozen meals on Friday. "
     "Dana Whitcombe, a spokeswoman for Halcyon, said no illness had been reported. "
     '"We acted as soon as we knew," Whitcombe, Halcyon\'s spokeswoman, added.'),
    ("Council by-election\nTomás Ferreira, the Green Party candidate, opened his campaign in the market square. "
     "Ferreira, standing for the council for the first time, called for free parking."),
    ("Mayoral race tightens\nThe Liberal Alliance candidate, Priya Raman, drew the largest crowd of the campaign. "
     "Raman, standing for re-election, promised cheaper buses."),
    ("Seat contest\nLabour's Owen Pryce, standing for Parliament in Cardiff North, knocked on doors all week. "
     "Pryce, the Labour candidate, said rents were the issue."),
])
def test_groups_passes_one_body_and_a_seat_stood_for(text):
    assert_passes("GR03", text)


def test_gr03_a_country_before_a_longer_name_is_no_short_name_of_a_body():
    """"U.S. journalist X ... working for the Global Post": the country in "U.S. State Department" is no
    body's short name (FNC body 207)."""
    assert_passes("GR03", "Video shows journalist\nThe U.S. State Department said U.S. journalist Mark Ellison, "
                  "who was working for the Global Post, had been seen alive in March.")
