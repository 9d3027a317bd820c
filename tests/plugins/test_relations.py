"""Tests of the `relations` family: RE01 relations.unknown-party, RE02 relations.mediator-is-party."""

from __future__ import annotations

import pytest

from consistency.testing import assert_flags, assert_passes, run_rule

pytestmark = pytest.mark.slow


# --- RE01 relations.unknown-party ----------------------------------------------------------------
@pytest.mark.parametrize("text, quote", [
    ("Ministers meet\nChina-Bolshevik relations soured after the trade summit in Beijing.", "China-Bolshevik relations"),
    ("Border reopens\nThe Poland-Varangian border was reopened on Monday, officials in Warsaw said.",
     "Poland-Varangian border"),
    ("Summit ends\nThe Japan–Frobnian summit ended without a statement on Friday.", "Japan–Frobnian summit"),
])
def test_relations_flags_party_that_is_no_country(text, quote):
    findings = assert_flags("RE01", text, quotes=[quote])
    assert "names no country" in findings[0].message


def test_relations_reports_between_form():
    text = "Talks resume\nThe talks were the first since relations between France and Jacobin collapsed last year."
    findings = assert_flags("RE01", text, quotes=["relations between France and Jacobin"], min_severity="info")
    assert findings[0].data["party"] == "Jacobin"


def test_relations_passes_modifier_in_between_form():
    text = "Talks resume\nRelations between France and Jacobin rebels collapsed last year."
    assert not run_rule("RE01", text)


@pytest.mark.parametrize("text", [
    "Ties improve\nSino-Japanese relations improved, and Anglo-Irish ties were warm.",
    "Talks stall\nIsraeli-Palestinian talks stalled while EU-US trade grew.",
    "Parties meet\nLabour-Tory talks on the budget broke down late on Tuesday.",
    "Deal done\nThe Sony-Ericsson talks and the AOL-Time Warner merger talks went on.",
    "Policy\nCross-border trade and post-war, long-term relations were discussed.",
    "Summit\nThe US-Mexico border summit and the China-Taiwan talks were postponed.",
    "Summit\nRussia-Nato relations and Turkey-EU talks were discussed in Brussels.",
    "Summit\nThe Franco-German alliance and Russo-Japanese treaty were cited.",
])
def test_relations_passes_known_parties(text):
    assert_passes("RE01", text)


def test_relations_passes_party_named_elsewhere():
    text = ("Talks resume\nThe Acme group said on Monday it would talk to Britain. "
            "Britain-Acme talks are expected next week.")
    assert_passes("RE01", text)


def test_relations_passes_region_and_city_parties():
    assert_passes("RE01", "Talks\nBeijing-Taipei relations and the Texas-Mexico border were in focus.")


# --- RE02 relations.mediator-is-party -------------------------------------------------------------
def test_relations_flags_minister_of_party_via_dateline():
    text = ("Envoy visits Kiev\nWARSAW — Foreign Minister Jan Nowak travelled to Kiev to mediate the dispute "
            "between Poland and Ukraine over grain imports.")
    findings = assert_flags("RE02", text, quotes=["mediate the dispute between Poland and Ukraine"])
    assert findings[0].evidence and findings[0].evidence[0].text == "WARSAW"
    assert "Poland" in findings[0].message


def test_relations_flags_country_mediating_its_own_dispute():
    text = "Row deepens\nTurkey offered to mediate the Turkey-Syria dispute over water rights on Tuesday."
    assert_flags("RE02", text, quotes=["mediate the Turkey-Syria dispute"])


@pytest.mark.parametrize("text", [
    "Row\nRussia offered mediation in the dispute between Russia and Georgia.",
    "Row\nThe talks between Russia and Ukraine, mediated by Russia, failed.",
    "Row\nThe Polish envoy tried to mediate between Poland and Lithuania.",
    "Row\nForeign Minister Ivan Petrov of Russia flew to Minsk to mediate the dispute between Russia and Belarus.",
])
def test_relations_flags_other_mediation_phrasings(text):
    assert_flags("RE02", text)


def test_relations_flags_apposition_affiliation():
    text = ("Gas row\nIvan Petrov, Russia's foreign minister, spoke in Moscow on Monday. On Tuesday Petrov "
            "travelled to Minsk to mediate the dispute between Russia and Belarus.")
    findings = assert_flags("RE02", text, quotes=["mediate the dispute between Russia and Belarus"])
    assert findings[0].evidence, "the affiliation should be pointed at"


def test_relations_flags_seat_of_government():
    text = "Row\nThe Kremlin offered to mediate the dispute between Russia and Georgia over South Ossetia."
    assert_flags("RE02", text, quotes=["mediate the dispute between Russia and Georgia"])
    assert_passes("RE02", text.replace("The Kremlin", "The White House"))


def test_relations_flags_demonym_titled_official():
    text = ("Gas row\nThe Russian foreign minister tried to broker a ceasefire between Russia and Belarus "
            "over gas prices on Monday.")
    findings = assert_flags("RE02", text)
    assert findings[0].data["country"] == "RU"


def test_relations_flags_affiliation_given_elsewhere():
    text = ("Gas row\nGerman Chancellor Anna Weber spoke to reporters on Monday. Later, Weber said she would "
            "mediate the dispute between Germany and Austria over transit fees.")
    assert_flags("RE02", text, quotes=["mediate the dispute between Germany and Austria"])


@pytest.mark.parametrize("text", [
    "Peace efforts\nNorway mediated between Israel and the PLO in 1993.",
    "Peace efforts\nThe UN brokered talks between Russia and Ukraine in Geneva.",
    "Peace efforts\nRussia has offered to mediate between Armenia and Azerbaijan.",
    "Peace efforts\nMOSCOW — Foreign Minister Ivan Petrov offered to mediate between Armenia and Azerbaijan.",
    "Peace efforts\nThe Russian foreign minister asked Norway to mediate in Russia's dispute with Ukraine.",
    "Peace efforts\nRussia said it could not mediate the dispute between Russia and Ukraine.",
    "Peace efforts\nMOSCOW — Ivan Petrov, a businessman, offered to mediate between Russia and Ukraine.",
    "Trade\nThe UK brokered a trade deal between the UK and Japan last year.",
    "Peace efforts\nBritain's mediation between Russia and Ukraine failed.",
    "Peace efforts\nUkraine asked Turkey to mediate its dispute with Russia.",
    "Peace efforts\nThe talks between Russia and Ukraine were mediated by Turkey.",
    "Peace efforts\nRussia called for mediation between Russia and Ukraine.",
    "Peace efforts\nForeign Minister Ivan Petrov of Turkey flew to Minsk to mediate between Russia and Belarus.",
    "Peace efforts\nUkraine welcomed Turkish mediation in the dispute between Ukraine and Russia.",
    ("Peace efforts\nLONDON — UN Secretary-General Kofi Annan offered to mediate the dispute between Britain and "
    "Argentina."),
])
def test_relations_passes_neutral_or_refused_mediators(text):
    assert_passes("RE02", text)


def test_relations_mediator_finding_names_both_sides():
    text = "Row\nTurkey offered to mediate the dispute between Turkey and Greece over islands."
    finding = run_rule("RE02", text)[0]
    assert "Turkey" in finding.message and "mediate" in finding.message
