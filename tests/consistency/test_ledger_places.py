"""Place facts on the ledger: located-in, capital-of, borders, near-border, coast, distance, route
and via claims, positive and negative, on texts in several domains (facts/places.py, capitals.py,
borders.py, distances.py, routes.py)."""

from __future__ import annotations

import json

import pytest

from consistency import Article
from consistency.cli import main
from consistency.testing import assert_flags, assert_passes, checker_for

pytestmark = pytest.mark.slow

PLACE_ATTRIBUTES = ("located-in", "capital-of", "borders", "near-border", "coast", "distance", "route", "via")


@pytest.fixture(scope="module")
def read():
    checker = checker_for("GE01")

    def _read(text: str, attribute: str):
        ledger = checker.analyze(Article.from_text(text)).claims
        for claim in ledger:  # every span quotes the article
            field = text.split("\n", 1)[0] if claim.span.field == "title" else text.split("\n", 1)[1]
            assert field[claim.span.start : claim.span.end] == claim.span.text == claim.text
        return ledger.of(attribute)

    return _read


# --- located-in ---------------------------------------------------------------------------------
def test_ledger_places_demonym_city_is_located_in_its_country(read):
    [claim] = read("Arrests confirmed\nThe local administration in the Belarusian city of Kazan confirmed "
                   "the arrests of four activists.", "located-in")
    assert (claim.subject, claim.value, claim.text) == ("place:Kazan", "Belarus", "the Belarusian city of Kazan")
    assert claim.data["kind"] == "country" and claim.data["form"] == "demonym" and claim.data["codes"] == ["BY"]
    assert claim.extractor == "places"


def test_ledger_places_town_comma_region_in_business(read):
    [claim] = read("Oil shares rise\nShares of an oil firm based in Calgary, Manitoba, rose on Monday.", "located-in")
    assert (claim.subject, claim.value, claim.data["kind"], claim.data["form"]) == (
        "place:Calgary", "Manitoba", "region", "comma")
    assert ["CA", "Manitoba"] in [list(r) for r in claim.data["regions"]]


@pytest.mark.parametrize("text, place, value, form, kind", [
    ("Appeal rejected\nThe appeal was heard by a court in Kazan, Belarus, on Tuesday.", "Kazan", "Belarus", "comma",
     "country"),
    ("Verdict due\nJudges at the regional court in Lyon in France will rule on Friday.", "Lyon", "France", "in",
     "country"),
    ("Trial opens\nThe trial opened in Rennes, Brittany, where the defendant lives.", "Rennes", "Brittany", "comma",
     "region"),
])
def test_ledger_places_containment_in_court_reports(read, text, place, value, form, kind):
    [claim] = read(text, "located-in")
    assert (claim.data["place"], claim.value, claim.data["form"], claim.data["kind"]) == (place, value, form, kind)


@pytest.mark.parametrize("text, place, region", [
    ("Storm hits town\nA tornado damaged homes in Paris, Texas, on Monday.", "Paris", "Texas"),
    ("Festival opens\nThe film festival in London, Ontario, opened on Friday with a premiere.", "London", "Ontario"),
])
def test_ledger_places_same_name_places_keep_their_region(read, text, place, region):
    [claim] = read(text, "located-in")
    assert (claim.data["place"], claim.value) == (place, region)
    assert_passes("GE01", text)  # the namesake in that region is meant


def test_ledger_places_regions_with_and_without_accents(read):
    text = ("Copper mine reopens\nThe copper mine southeast of Calama in the Tarapacá region reopened. "
            "A second mine near Calama in the Tarapaca region closed.")
    claims = read(text, "located-in")
    assert [c.value for c in claims] == ["Tarapacá region", "Tarapaca region"]
    assert all(("CL", "Tarapacá") in [tuple(r) for r in c.data["regions"]] for c in claims)  # folded to one region
    assert all(c.data["near"] for c in claims)  # "southeast of", "near": a looser claim


@pytest.mark.parametrize("text", [
    "Envoys meet\nEnvoys met in Moscow, Kazan, Belarus and Ukraine this week.",  # a list of places
    "Six changes\nIn Cardiff, Ireland made six changes to the side that lost in Rome.",  # the subject of "made"
    "Bill to pass\nSpeaking in Edinburgh, Wales Secretary Peter Hain said the bill would pass.",  # modifies a title
    "Russian talks\nThe South American city of Kazan is fictional in the novel.",  # a compound before the demonym
])
def test_ledger_places_no_containment_in_lists_subjects_and_titles(read, text):
    assert read(text, "located-in") == []


# --- capital-of ---------------------------------------------------------------------------------
def test_ledger_places_capital_claims_in_politics(read):
    claims = read("Protests spread\nThousands marched in Istanbul, the Turkish capital, on Sunday. Ankara is "
                  "the capital of Turkey. Lagos, the former capital of Nigeria, was calm.", "capital-of")
    assert [(c.subject, c.value, c.data["how"]) for c in claims] == [
        ("place:Istanbul", "Turkey", "adjective"), ("place:Ankara", "Turkey", "is"), ("place:Lagos", "Nigeria", "of")]
    assert claims[2].qualifiers == ("former",) and claims[2].data["qualified"] == "former"
    assert not claims[2].current


def test_ledger_places_capital_from_the_one_country_of_the_context(read):
    [claim] = read("Crowds gather\nProtests in Turkey grew on Monday. In the capital, Istanbul, crowds "
                   "gathered.", "capital-of")
    assert (claim.value, claim.data["how"], claim.text) == ("Turkey", "context", "the capital, Istanbul")
    # two countries in view: whose capital is unclear, so nothing is read
    assert read("Crowds gather\nProtests in Turkey and Greece grew. In the capital, Istanbul, crowds "
                "gathered.", "capital-of") == []


def test_ledger_places_no_capital_claim_without_a_country(read):
    assert read("Arts funding\nThe city is the cultural capital of the region, and London is a capital "
                "of fashion.", "capital-of") == []


# --- borders, near-border, coast ----------------------------------------------------------------------
def test_ledger_places_border_claims(read):
    text = ("Passport checks\nTravellers crossing Moscow's southern border with Turkey face checks. Talks on "
            "the border between Chile and Peru resumed.")
    claims = read(text, "borders")
    assert [(c.subject, c.value, c.data["how"], c.data["mods"]) for c in claims] == [
        ("place:Moscow", "Turkey", "possessive", "southern"), ("place:Chile", "Peru", "between", "")]


def test_ledger_places_border_towns_and_coasts(read):
    text = ("Local elections\nFrankfurt (Oder), on the Polish border, and Amherst, near the Quebec border, "
            "voted on Sunday. Austria's coast was calm.")
    towns = read(text, "near-border")
    assert [(c.subject, c.value, c.data["kind"], c.data["rel"]) for c in towns] == [
        ("place:Frankfurt (Oder)", "Polish", "country", "on"), ("place:Amherst", "Quebec", "region", "near")]
    [coast] = read(text, "coast")
    assert (coast.subject, coast.value) == ("place:Austria", "coast")


def test_ledger_places_no_border_claim_for_other_borders(read):
    text = "Cup final\nFans queued at the border of the car park, and the coast was clear for the striker."
    assert read(text, "borders") == [] and read(text, "near-border") == [] and read(text, "coast") == []


# --- distance, route ----------------------------------------------------------------------------------
def test_ledger_places_distances_in_science_and_travel(read):
    text = ("Telescope site chosen\nRoma, a town in Queensland, Australia, is about 180 kilometres west of "
            "Brisbane by road. Ipswich is a 40-minute drive from Brisbane. The 370-mile flight from London "
            "to Edinburgh was cancelled.")
    road, drive, flight = read(text, "distance")
    assert (road.subject, road.value, road.data["from"], road.data["land"], road.data["direction"]) == (
        "place:Roma", 180.0, "Brisbane", True, "west")
    assert (drive.subject, drive.data["mode"], drive.data["unit"], drive.data["amount"]) == (
        "place:Ipswich", "drive", "minute", 40.0)
    assert drive.value == pytest.approx(40 / 60)
    assert (flight.data["from"], flight.data["to"], flight.data["unit"], flight.data["land"]) == (
        "London", "Edinburgh", "mile", False)
    assert flight.value == pytest.approx(370 * 1.609)


def test_ledger_places_loose_distances_and_other_numbers(read):
    [loose] = read("Farm sold\nThe farm lies more than 300 km from Sydney.", "distance")
    assert loose.data["loose"]  # a bound, not a figure
    assert read("Race report\nShe won the 10km race and scored 25 points from the line.", "distance") == []


def test_ledger_places_road_distance_longer_than_the_straight_line_passes():
    # Toowoomba is about 100 km from Brisbane in a straight line; 125 km by road is right
    text = "Road reopens\nToowoomba, a city in Queensland, Australia, is about 125 kilometres west of Brisbane by road."
    assert_passes("GE06", text)
    assert_flags("GE06", "Road reopens\nToowoomba, a city in Queensland, Australia, is about 25 kilometres "
                 "west of Brisbane by road.")


def test_ledger_places_route_pair(read):
    [route] = read("Corridor reopens\nTrucks on the Nairobi–Lagos corridor moved again.", "route")
    assert (route.value, route.data["from"], route.data["to"]) == ("Nairobi–Lagos", "Nairobi", "Lagos")
    [route] = read("Corridor reopens\nThe Kampala–Kigali road reopened on Monday.", "route")
    assert (route.value, route.text) == ("Kampala–Kigali", "Kampala–Kigali")  # a sentence's "The" is no place


# --- via ----------------------------------------------------------------------------------------------
def test_ledger_places_via_claims(read):
    [via] = read("Convoy arrives\nA convoy travelled from Germany through Austria and Hungary to Romania.", "via")
    assert via.value == "Romania"
    assert via.data["origin"]["name"] == "Germany"
    assert [p["name"] for p in via.data["vias"]] == ["Austria", "Hungary"]
    assert via.data["destination"]["country"] == "RO" and via.data["destination"]["lat"] is not None
    assert read("Court visit\nThe judge walked through the park to the court on Monday.", "via") == []


# --- the claims verb -----------------------------------------------------------------------------------
def test_ledger_places_claims_verb_shows_place_claims(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Protests spread\nThousands marched in Istanbul, the Turkish capital, and in the Belarusian "
                    "city of Kazan, about 700 kilometres east of Moscow.", encoding="utf-8")
    assert main(["claims", str(path), "--format", "json",
                 *[arg for a in PLACE_ATTRIBUTES for arg in ("--attribute", a)]]) == 0
    [record] = json.loads(capsys.readouterr().out)
    attributes = {c["attribute"] for c in record["claims"]}
    assert {"capital-of", "located-in", "distance"} <= attributes
    assert {s["kind"] for s in record["subjects"] if s["id"].startswith("place:")} == {"place"}


def test_ledger_places_rules_read_only_place_claims_of_a_shared_attribute():
    # the quantity extractor names "40,000 kilometres" by its noun: a `distance` claim, but no place's
    text = ("Asteroid passes\nScientists said last week that the asteroid, at the time of closest approach, "
            "would be about one-tenth the distance from the centre of Earth to the moon, or about 40,000 kilometres.")
    checker = checker_for("GE")
    report = checker.check(Article.from_text(text))
    assert not report.errors, report.errors
    ledger = checker.analyze(Article.from_text(text)).claims
    assert any(c.attribute == "distance" and c.extractor != "distances" for c in ledger)
