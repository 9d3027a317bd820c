"""HL01 headline.unsupported-claim: relations, numbers, countries, people and events of the headline."""

from __future__ import annotations

import pytest

from consistency.testing import assert_flags, assert_passes, run_rule

BODY_ROW = ("Chile's foreign minister flew to La Paz to ease a row with Bolivia over access to the sea.\n"
            "Chilean officials said the dispute between Santiago and La Paz had dragged on for years.")


def test_headline_flags_relation_with_parties_the_body_never_relates():
    findings = assert_flags("HL01", "Chile seeks to end Peru, Bolivia border dispute\n" + BODY_ROW,
                            quotes=["Peru, Bolivia border dispute"])
    assert findings[0].message == ("The headline names Bolivia and Peru as the parties of the dispute, but the body "
                                   "names Bolivia and Chile.")
    assert findings[0].evidence


def test_headline_flags_hyphenated_relation():
    assert_flags("HL01", "Peru-Bolivia row deepens\n" + BODY_ROW, quotes=["Peru-Bolivia row"])


def test_headline_passes_relation_the_body_states_with_demonyms_and_capitals():
    assert_passes("HL01", "Chile, Bolivia border dispute drags on\n" + BODY_ROW)
    assert_passes("HL01", "Chile and Bolivia in sea row\nChilean and Bolivian diplomats met on Monday.\n"
                  "Santiago and La Paz have argued over sea access for a century.")


def test_headline_passes_relation_in_adjacent_sentences():
    assert_passes("HL01", "India and Iran in gas export deal\nIndia has agreed to buy gas from Iran.\n"
                  "The deal is worth $40bn over 25 years.")


def test_headline_passes_when_body_never_names_the_relation():
    # a paraphrase ("agreed to buy") is likelier than an error when the body has no such relation at all
    assert_passes("HL01", "Argentina, Venezuela in oil deal\nVenezuela will sell fuel oil to Argentina, "
                  "the two governments said on Monday.")


def test_headline_flags_number_the_body_contradicts():
    text = "Factory to cut 500 jobs\nThe carmaker said 200 jobs would go at its plant by March."
    assert_flags("HL01", text, quotes=["500"])


def test_headline_passes_rounded_numbers_and_names_with_digits():
    assert_passes("HL01", "Factory to cut 500 jobs\nThe carmaker said about 480 jobs would go by March.")
    assert_passes("HL01", "Half-Life 2 tops sales chart\nThe game sold more copies than any other this week.")
    assert_passes("HL01", "Profits jump 76%\nQuarterly profits rose 76% to $1.13bn.")


def test_headline_flags_country_the_body_never_mentions():
    text = "Spain bans smoking in bars\nPortugal's parliament voted to ban smoking in bars and restaurants."
    assert_flags("HL01", text, quotes=["Spain"])


def test_headline_demonym_absent_from_body_is_only_info():
    text = "French suitor holds exchange talks\nEuronext met the London Stock Exchange on Friday."
    assert_passes("HL01", text)
    assert run_rule("HL01", text, min_severity="info")


def test_headline_passes_country_named_by_demonym_or_capital_in_body():
    assert_passes("HL01", "Spain bans smoking in bars\nSpanish MPs voted to ban smoking in bars.")
    assert_passes("HL01", "Russia warns Nato\nThe Kremlin said the deployment was a hostile act.")


def test_headline_person_absent_from_body_is_only_info():
    text = "Smith hails deal\nThe party leader said the agreement was historic."
    assert_passes("HL01", text)


def test_headline_flags_resignation_the_body_never_reports():
    text = "Health minister resigns\nThe health minister defended hospital waiting times in parliament."
    assert_flags("HL01", text, quotes=["resigns"])


def test_headline_passes_resignation_paraphrased_in_body():
    assert_passes("HL01", "Health minister resigns\nThe health minister stepped down on Tuesday.")
    assert_passes("HL01", "Tycoon quits company shares\nThe tycoon transferred his stake to a partner.")


def test_headline_reads_older_capital_spellings_as_their_country():
    assert_passes("HL01", "Russia, Ukraine gas row deepens\nMoscow cut gas to Kiev in a row over unpaid bills.")


def test_headline_country_supported_by_a_city_of_it_in_the_body():
    assert_passes("HL01", "Brazil floods kill 20\nFloods in Rio de Janeiro killed 20 people on Monday.")


def test_headline_relation_spread_over_sentences_is_only_info():
    text = ("Russia, Ukraine gas dispute deepens\nGazprom cut supplies to Ukraine in a row over unpaid bills.\n"
            "The Russian firm said the debts had grown for months.")
    assert_passes("HL01", text)


def test_headline_flags_person_whose_action_the_body_gives_to_another():
    text = "Blair hails 'historic' deal\nGordon Brown hailed the agreement as historic on Monday."
    findings = assert_flags("HL01", text, quotes=["Blair"])
    assert "Gordon Brown" in findings[0].message or "Brown" in findings[0].message


# --- people and organisations the body never names -------------------------------------------
TAX_BODY = ("Tony Blair said the new tax deal would help working families.\n"
            "The prime minister told MPs the agreement was the best in a decade.\n"
            "Mr Blair added that the Treasury had costed every measure.")
JOBS_BODY = ("German software firm SAP is to cut 500 jobs in its home market.\n"
             "The company said demand for its business software had slowed.\n"
             "SAP shares fell 2% in Frankfurt after the announcement.")


def test_headline_flags_subject_person_the_body_never_names():
    findings = assert_flags("HL01", "Howard hails new tax deal\n" + TAX_BODY, quotes=["Howard"])
    assert findings[0].data["kind"] == "person"


def test_headline_flags_subject_person_whose_first_name_alone_is_in_the_body():
    body = TAX_BODY.replace("Tony Blair", "Michael Blair")
    assert_flags("HL01", "Michael Ancram hails new tax deal\n" + body, quotes=["Michael Ancram"])


def test_headline_flags_subject_organisation_the_body_never_names():
    findings = assert_flags("HL01", "Microsoft to cut 500 jobs\n" + JOBS_BODY, quotes=["Microsoft"])
    assert "Microsoft" in findings[0].message


def test_headline_organisation_outside_subject_or_over_short_body_is_only_info():
    assert_passes("HL01", "SAP cuts jobs as Microsoft gains\n" + JOBS_BODY)
    assert run_rule("HL01", "SAP cuts jobs as Microsoft gains\n" + JOBS_BODY, min_severity="info")
    assert_passes("HL01", "Microsoft to cut 500 jobs\nGerman software firm SAP is to cut 500 jobs.")


def test_headline_passes_acronyms_and_initials():
    assert_passes("HL01", "BA cuts fuel surcharge\nBritish Airways said fuel costs had eased.\n"
                  "The airline will cut its surcharge on long-haul flights.\nRivals are expected to follow.")
    assert_passes("HL01", "British Airways cuts fuel surcharge\nBA said fuel costs had eased.\n"
                  "The airline will cut its surcharge on long-haul flights.\nRivals are expected to follow.")
    assert_passes("HL01", "GSK wins patent case\nGlaxoSmithKline said it had won the case over its patent.\n"
                  "The drug maker had sued a generic rival.\nShares rose 3%.")


def test_headline_passes_case_hyphen_and_brand_variants():
    body = ("Worldcom founder Bernie Ebbers is on trial in New York.\nProsecutors say he hid losses.\n"
            "He denies the charges.")
    assert_passes("HL01", "WorldCom boss denies fraud\n" + body)
    assert_passes("HL01", "Kilroy Silk launches new party\nRobert Kilroy-Silk said his party would fight "
                  "every seat.\nThe former MEP left UKIP last year.\nHe said voters wanted a change.")
    assert_passes("HL01", "Google buys map firm\nGoogle Inc has bought a digital mapping firm.\n"
                  "The deal was worth $20m.\nThe search firm said maps were popular.")
    assert_passes("HL01", "Yukos seeks US bankruptcy\nThe Yukos oil firm filed in Houston.\n"
                  "The Russian company hopes to stop the sale of its main unit.\nA judge will rule next week.")


def test_headline_passes_party_names_and_nicknames():
    tail = "\nThe party unveiled its manifesto on Monday.\nIts leader said taxes would fall."
    assert_passes("HL01", "Tories pledge tax cuts\nThe Conservatives promised lower taxes." + tail)
    assert_passes("HL01", "Lib Dems pledge tax cuts\nThe Liberal Democrats promised lower taxes." + tail)
    assert_passes("HL01", "Man Utd rejects takeover bid\nManchester United said the offer was too low.\n"
                  "The club's board met on Friday.\nThe bidder may return.")
    assert_passes("HL01", "EU fines software firm\nThe European Commission fined the company.\n"
                  "Brussels said it had abused its position.\nThe firm will appeal.")


def test_headline_passes_common_words_ner_slips_and_quoted_coinages():
    assert_passes("HL01", "'Brainwave' cap controls computer\nA cap that reads brain waves lets users move "
                  "a cursor.\nResearchers tested it on ten people.\nThey hope it will help disabled users.")
    assert_passes("HL01", "Standoff over bid deepens\nThe exchange rejected the offer.\n"
                  "Shareholders want a higher price.\nTalks will resume next week.")


def test_headline_title_case_names_are_only_info():
    text = "Microsoft To Cut 500 Jobs In Germany\n" + JOBS_BODY
    assert_passes("HL01", text)


def test_headline_flags_coordinated_subject_and_closing_speaker():
    assert_flags("HL01", "Brown and Ancram clash over tax deal\n" + TAX_BODY.replace("Tony Blair", "Gordon Brown"),
                 quotes=["Ancram"])
    assert_flags("HL01", "Tax deal will help families - Howard\n" + TAX_BODY, quotes=["Howard"])


def test_headline_first_word_counts_as_a_name_only_with_an_inner_capital():
    body = ("Irish airline Ryanair has ordered 70 new jets.\nThe deal is worth $4bn at list prices.\n"
            "Ryanair said the planes would arrive from 2006.")
    assert_flags("HL01", "O'Leary hails Ryanair jet deal\n" + body, quotes=["O'Leary"])
    # headline case makes the tagger read common first words as names
    assert_passes("HL01", "Slowdown hits airline growth\n" + body)
    assert_passes("HL01", "Mystery surrounds new jet order\n" + body)


def test_headline_flags_capital_whose_country_the_body_never_mentions():
    body = ("India's airline market is growing faster than any other.\nNew carriers have ordered dozens of jets.\n"
            "Delhi airport is being expanded.")
    assert_flags("HL01", "Aviation firms eye booming Beijing\n" + body, quotes=["Beijing"])
    assert_passes("HL01", "Aviation firms eye booming Beijing\n" + body.replace("India's", "China's"))


def test_headline_region_in_a_name_is_a_place_not_a_name_to_repeat():
    # health: a province named before a hospital abbreviation; the body gives its capital
    assert_passes("HL01", "Nova Scotia ICU beds run short as flu peaks\nHALIFAX - Intensive care units at the "
                  "city's hospitals were full on Monday, the provincial health authority said.\n"
                  "Doctors said the flu season had come early.\nSurgery was postponed for 40 patients.")
    # politics: a state before a party's name the body uses
    assert_passes("HL01", "Texas Democrats walk out of chamber\nDemocrats in the state legislature walked out on "
                  "Tuesday to block a vote.\nThe Republican majority called it a stunt.\nThe session ends in May.")
    # business: the firm's own word is still checked when the body never names it
    assert_flags("HL01", "Texas Instruments to cut 500 jobs\n" + JOBS_BODY, quotes=["Texas Instruments"])


@pytest.mark.parametrize(("text", "quote"), [
    # business: the object of the headline's verb
    ("Three directors leave Nordvik Shipping\nThree senior directors have resigned from the Oslo-based container "
     "line Baltic Freight, the company said on Monday.\nThey gave no reason.\nShares fell 4% in early trading.",
     "Nordvik Shipping"),
    # courts: a name inside the object ("denies X fraud")
    ("Banker denies Halvorsen fraud\nA former banker has denied taking part in a fraud at the insurer Meridian "
     "Mutual.\nHe told the jury he had been misled.\nThe trial continues.", "Halvorsen"),
    # sport: after a preposition
    ("Striker signs for Castellano\nThe striker has signed a three-year deal with Real Olmedo, the club said.\n"
     "He scored 18 goals last season.\nThe fee was not disclosed.", "Castellano"),
])
def test_headline_flags_object_name_the_body_never_names(text, quote):
    assert_flags("HL01", text, quotes=[quote])


def test_headline_object_name_traps():
    # the body names the object (by its initials), the object is a title in quotes, or the headline is title case
    assert_passes("HL01", "Three directors leave Nordvik Shipping\nThree senior directors have resigned from NS, "
                  "the Oslo-based container line Nordvik, the company said.\nThey gave no reason.\nShares fell.")
    assert_passes("HL01", "Critics praise 'Halvorsen'\nA new novel about a banker has been praised by critics.\n"
                  "It is the author's fourth book.\nIt is out in May.")
    assert_passes("HL01", "Three Directors Leave Nordvik Shipping\nThree senior directors have resigned from the "
                  "container line Baltic Freight.\nThey gave no reason.\nShares fell 4% in early trading.")


def test_headline_flags_object_of_a_clause_under_the_headline_verb():
    assert_flags("HL01", "Singer accused of mocking Delia Farrant\nThe singer has been accused of mocking a rival "
                 "performer, Mara Kline, during a concert in Leeds.\nHer spokesman denied it.\nThe tour continues.",
                 quotes=["Delia Farrant"])
    assert_passes("HL01", "Singer accused of mocking Mara Kline\nThe singer has been accused of mocking a rival "
                  "performer, Mara Kline, during a concert in Leeds.\nHer spokesman denied it.\nThe tour continues.")


def test_headline_object_sharing_a_word_with_a_body_name_is_only_info():
    # the parse may take a first name and the next word for a person: "probe on Ken Nazi jibe"
    text = ("Inquiry opened into Ken Traitor jibe\nAn inquiry has been opened into claims that the mayor, Ken Lowry, "
            "called a journalist a traitor.\nThe mayor has refused to apologise.\nThe watchdog will report in May.")
    assert_passes("HL01", text)


def test_headline_name_in_the_plural_in_the_body():
    assert_passes("HL01", "Pupils warned over Raspberry ban\nPupils will be sent home if they bring Raspberries to "
                  "lessons, the head has ruled.\nParents were told by letter.\nThe ban starts on Monday.")


@pytest.mark.parametrize("text", [
    # an organisation in capitals opening the headline is a name even when the tagger calls it a noun
    "NHS set to close two wards\nThe health board said it would close two wards at the city hospital. "
    "Nurses will move to other sites. The change starts in May.",
    # a headline whose capitals are its names is in sentence case: its subject must be named in the body
    "Royal Shakespeare Company quits 'unsafe' theatre\nThe touring troupe said it would leave the theatre after "
    "an inspection found damp in the roof. Its last show there is on Friday. The council will repair the building.",
])
def test_hl01_flags_an_organisation_subject_the_body_never_names(text):
    assert any(f.data.get("kind") == "actor" for f in assert_flags("HL01", text))


@pytest.mark.parametrize("text", [
    "NHS set to close two wards\nThe NHS board said it would close two wards at the city hospital. "
    "Nurses will move to other sites. The change starts in May.",
    # a Title Case headline still says nothing by its capitals
    "Troupe Quits Unsafe Theatre After Inspection\nThe touring troupe said it would leave the theatre after an "
    "inspection found damp in the roof. Its last show there is on Friday. The council will repair it.",
])
def test_hl01_organisation_subject_traps(text):
    assert_passes("HL01", text)


def test_hl01_organisation_in_capitals_that_only_modifies_the_subject_passes():
    assert_passes("HL01", "NHS waiting time target is cut\nHospital waiting times for patients in Wales are to be "
                  "cut, the health minister said. No patient will wait more than a year. The target starts in March.")
