"""HL02 headline.contradicted-claim over the ledger's headline claims: polarity, winner, figure, place."""

from __future__ import annotations

import pytest

from consistency.testing import assert_flags, assert_passes, run_rule


# --- polarity: an antonym of the headline's predicate about the same thing ---------------------------
@pytest.mark.parametrize("text, quote", [
    # business
    ("Brightwater profit jumps\nLONDON - Brightwater said its annual profit fell 9 percent as costs rose.",
     "jumps"),
    # politics
    ("Council rejects housing budget\nThe city council approved the housing budget by 31 votes to 12 on Tuesday.",
     "rejects"),
    # health / culture: a wing "delayed" that the body says opened
    ("Regional hospital delays maternity wing\nThe regional hospital opened its new maternity wing on Monday "
     "after two years of building work.", "delays"),
    # science: WordNet antonym pairs beyond the hand table (accept / reject)
    ("Journal accepts disputed study\nThe journal rejected the disputed study on Friday, its editors said.",
     "accepts"),
    # culture: praise / criticise
    ("Critics praise new Verdi staging\nCritics criticised the new Verdi staging at the Royal Opera House, "
     "calling it muddled.", "praise"),
])
def test_hl02_flags_a_headline_predicate_the_body_reverses(text, quote):
    findings = assert_flags("HL02", text, quotes=[quote])
    assert findings[0].evidence, "the finding points at the body's word"
    assert findings[0].data["kind"] == "polarity"


@pytest.mark.parametrize("text", [
    # the body says the headline's word about the headline's thing
    "Brightwater profit jumps\nBrightwater said its profit jumped 9 percent, although its shares fell.",
    # the opposite word is about something else
    "Brightwater profit rises\nBrightwater's profit rose 4 percent. Its shares fell 2 percent on the news.",
    # questions, quoted and hedged headlines are not claims
    "Will council reject the budget?\nThe city council approved the budget by 31 votes to 12.",
    "'We will reject the budget', says mayor\nThe city council approved the budget by 31 votes to 12.",
    "Council may reject budget\nThe city council approved a first draft of the budget last month.",
    "Council to reject budget\nThe city council approved a first draft of the budget last month.",
    # a headline pun: "Wet summer" is not a verb
    "Wet summer leaves farmers short of hay\nThe summer in the south was drier, farmers said.",
    # background noun, not the news: "after years of delays" beside "opened"
    "Hospital opens cancer wing after delays\nThe hospital opened its cancer wing on Monday after years of delays.",
    # the lead says the headline's own word about the news; an earlier day went the other way (BBC business/144)
    "Oil prices fall back from highs\nUS light crude fell 32 cents to $51 after the comments. On Monday, oil "
    "prices rose for a sixth straight session.",
])
def test_hl02_polarity_traps(text):
    assert_passes("HL02", text)


# --- the winner ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    # sport: the headline's winner is the one beaten
    "Rovers edge Collegians to claim club crown\nHAMILTON - Cambridge Collegians are club champions after "
    "edging Rovers 24-19 in a tense final on Saturday.",
    # tennis: a player "loses" a final the body says he won
    "Okafor loses Lagos Open final\nTop seed Daniel Okafor beat Marco Rossi 6-4 6-3 to win the Lagos Open "
    "final on Sunday.",
    # business: another bidder won the contest the headline gives to X
    "Rheinwerk wins battle for pump maker\nSwedish group Norrsken Industrier won the contest for the pump maker "
    "after its rival, Rheinwerk, pulled out.",
    # passive: "was beaten by"
    "Hartley beats Moreau in Paris final\nHartley was beaten by Moreau in the Paris final on Sunday.",
])
def test_hl02_flags_the_wrong_winner(text):
    findings = assert_flags("HL02", text)
    assert findings[0].data["kind"] in ("winner", "polarity")


@pytest.mark.parametrize("text", [
    "Rovers beat City 3-1\nRovers won 3-1. City had beaten Rovers last year.",
    # a past defeat in the pluperfect is background, not the result
    "Collegians edge Rovers in final\nCollegians edged Rovers 24-19. Rovers, who had beaten Collegians twice "
    "in the regular season, led at half-time.",
    # an election: the headline's winner won; the loser conceded
    "Sandhu wins mayoral byelection\nPriya Sandhu won Monday's byelection by 7,000 votes. Her rival, "
    "Tom Kowalczyk, conceded shortly after 11 p.m.",
    # a candidate who lost an earlier, different race
    "Sandhu wins mayoral byelection\nPriya Sandhu won Monday's byelection. She ran for council in 2018 and lost.",
    "Will Okafor win the Lagos Open?\nMarco Rossi beat Daniel Okafor in last year's final.",
])
def test_hl02_winner_traps(text):
    assert_passes("HL02", text)


# --- figures -----------------------------------------------------------------------------------------
# a change in per cent against the change the first sentences give, after a scene-setting opening
@pytest.mark.parametrize("text", [
    # tourism / business
    "Museum visitor numbers fall 30% after price rise\nThe queue outside the museum was short on Monday morning. "
    "Visitor numbers at the museum fell 13 percent in the first half of the year, its annual report showed.",
    # science
    "Bee populations jump 45% in restored meadows\nOn a warm afternoon the meadow hummed. Bee populations in the "
    "restored meadows rose 25 per cent over three summers, the study found.",
    # a bare count the headline leaves without its noun, and the lead's count of the headline's thing (politics)
    "Teachers protest plan to cut 7,000 from pension scheme\nThousands of teachers marched on Tuesday against a "
    "plan that would remove about 3,500 teachers from the pension scheme.",
    # sport: a winning margin
    "Okafor wins by four at Carnoustie\nCARNOUSTIE - Okafor holed a long putt on the last to complete a "
    "two-stroke victory on Sunday, with three birdies on the back nine.",
    "Harriers edge Rovers by three points\nHarriers finished two points clear of Rovers after a late try.",
])
def test_hl02_flags_a_changed_figure_after_a_scene_setting_lead(text):
    assert assert_flags("HL02", text)[0].data["kind"] == "figure"


@pytest.mark.parametrize("text", [
    # the same change in the body
    "Museum visitor numbers fall 13% after price rise\nThe queue was short on Monday. Visitor numbers at the "
    "museum fell 13 percent in the first half of the year.",
    # another change, of another thing, later in the article
    "Museum visitor numbers fall 13% after price rise\nVisitor numbers fell 13 percent. Later, the cafe's "
    "takings rose 30 percent and shop sales fell 8 percent, the report said.",
    # the margin the headline gives, whatever other numbers the lead has
    "Okafor wins by two at Carnoustie\nOkafor birdied three of the last four holes to complete a two-stroke "
    "victory on Sunday.",
    # a small count is not compared with the lead's count
    "Club drops 3 from squad\nThe club named 25 players in its squad on Friday.",
])
def test_hl02_changed_figure_traps(text):
    assert_passes("HL02", text)


@pytest.mark.parametrize("text", [
    "Council approves $62 million stadium deal\nThe council approved a $26 million contract for the stadium.",
    "Wheat line outyields rivals by 18 per cent\nA wheat line bred at the lab produced 14 per cent more grain "
    "than a commercial cultivar in the trials.",
])
def test_hl02_flags_a_figure_the_body_gives_otherwise(text):
    assert_flags("HL02", text)


@pytest.mark.parametrize("text", [
    "Council approves $35 million deal\nThe council approved a $35.1 million contract on Monday.",
    # a score is a pair, not a range: "5-2" in the headline, 5-2 in the body
    "United beat City 5-2\nUnited beat City 5-2 at Old Trafford on Saturday.",
    "Wheat yields up by 14 per cent\nThe wheat line produced 14 per cent more grain than the standard variety.",
])
def test_hl02_figure_traps(text):
    assert_passes("HL02", text)


# --- place of the event ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    # transport: the grounding happened off another island
    "Container ship runs aground off Batam\nSINGAPORE - A container ship ran aground on a reef off the northern "
    "coast of the Indonesian island of Bintan early on Thursday. Two tugs were sent from Batam.",
    # culture: a hyphenated participle, "-shot", against "filmed in"
    "Ballarat-shot drama tops ratings\nThe drama, filmed over 14 weeks in and around Bendigo last spring, "
    "reached 1.1 million viewers.",
    # diplomacy: the dateline and the lead put the deal in another capital
    "Neighbours initial water deal in Almaty\nTashkent, Uzbekistan — Ministers initialled a draft water deal on "
    "Wednesday after three days of talks in the Uzbek capital.",
    # sport: a stage finish
    "Moreau wins stage in Bilbao\nFrench rider Luc Moreau won the fifth stage in Pamplona on Tuesday.",
])
def test_hl02_flags_a_place_the_body_contradicts(text):
    findings = assert_flags("HL02", text)
    assert findings[0].data["kind"] == "place"
    assert findings[0].evidence


@pytest.mark.parametrize("text", [
    # a place inside the headline's place
    "Blair speaks in London\nTony Blair spoke in Westminster on Monday.",
    # the same place
    "Ship runs aground off Batam\nA ship ran aground off Batam on Thursday.",
    # a based-in compound is not where the event happened
    "London-based firm opens office\nThe firm opened an office in Leeds on Monday.",
    # the headline's place is named in the body and the other place is for another event
    "Ministers sign deal in Almaty\nMinisters signed the deal in Almaty. They will meet again in Tashkent.",
    # a place of two words is one place: "New York" is not York (courts)
    "Fraud trial starts in New York\nThe fraud trial of the firm's former chief has started in New York with the "
    "selection of the jury.",
])
def test_hl02_place_traps(text):
    assert_passes("HL02", text)


# a city's name before a noun of the headline ("Glasgow jazz festival"), set against the dateline or lead
@pytest.mark.parametrize("text", [
    # culture: a festival the dateline puts in another city, the body never naming the headline's
    "Glasgow jazz festival draws record crowd\nEDINBURGH, 3 May — The city's jazz festival drew a record "
    "crowd of 40,000 over the weekend, organisers said.",
    # business: a dateline with a colon
    "Rotterdam dock workers end strike\nAntwerp, 4 June 2025: Dock workers at the port ended their two-week "
    "strike on Tuesday after the operator raised its pay offer.",
    # sport: the body names the headline's city, but gives the event's name under another
    "Moreno takes Madrid Masters title\nCarlos Moreno won the Barcelona Masters on Sunday, beating the top seed "
    "in three sets. He moved to Madrid as a teenager.",
    # politics: a name of several words
    "Cape Town council backs water levy\nDURBAN — The city council voted on Thursday to back a new water levy.",
])
def test_hl02_flags_a_city_modifier_the_body_places_elsewhere(text):
    findings = assert_flags("HL02", text)
    assert findings[0].data["kind"] == "place"


@pytest.mark.parametrize("text", [
    # the body names the headline's city too: the name says whose councillors, not where
    "Leeds councillors approve budget\nMANCHESTER — Leeds councillors approved the budget on Tuesday.",
    # the body puts the same event in the headline's place, under another city's dateline
    "Thriller shot in Leeds tops box office\nLONDON — The thriller, shot almost entirely in Leeds, topped the "
    "box office for a second weekend.",
    # the dateline is the headline's place; another event elsewhere in the body
    "Lara wins again at Austin\nAUSTIN, Texas — Mateo Lara won the six-hour race on Sunday. His father, a "
    "former driver, took his class at Sebring back in 1994.",
    # a person named like a city
    "Florence Pugh joins Broadway cast\nNEW YORK — The actor will join the cast in March, producers said.",
    # the event's name as the headline writes it
    "Moreno takes Madrid Masters title\nMADRID — Carlos Moreno won the Madrid Masters on Sunday, a week after "
    "losing the Barcelona Masters final.",
])
def test_hl02_city_modifier_traps(text):
    assert_passes("HL02", text)


def test_hl02_message_names_both_sides():
    findings = run_rule("HL02", "Moreau wins stage in Bilbao\nFrench rider Luc Moreau won the fifth stage in "
                        "Pamplona on Tuesday.")
    assert "Bilbao" in findings[0].message and "Pamplona" in findings[0].message


# --- multi-word predicates: a particle, a result, a light verb's object ---------------------------------
@pytest.mark.parametrize("text, kind", [
    # politics: a light verb and its object say "approve"
    ("Senate rejects water bill\nThe Senate gave the go-ahead to the water bill on Tuesday, 51 votes to 40.",
     "polarity"),
    # science: "cut short" against "extended"
    ("Telescope mission cut short after fault\nThe space agency has extended the telescope mission by two years "
     "despite a minor fault in its cooling system.", "polarity"),
    # business: a change against a rate left as it was
    ("Turkish central bank cuts interest rates\nTurkey's central bank left its main interest rate unchanged on "
     "Thursday, citing stubborn inflation.", "polarity"),
    ("Reserve bank raises rates again\nThe reserve bank held rates steady on Tuesday for a third meeting.",
     "polarity"),
    # sport: "hold off" is a win
    ("Falcons hold off Sharks to reach final\nThe Sharks beat the Falcons 3-1 on Saturday to reach the final.",
     "winner"),
])
def test_hl02_reads_multi_word_predicates(text, kind):
    assert assert_flags("HL02", text)[0].data["kind"] == kind


@pytest.mark.parametrize("text", [
    "Council rejects depot plan\nThe council threw out the depot plan on Monday after a two-hour debate.",
    "Striker's season cut short by injury\nThe striker's season was cut short by a knee injury in March.",
    "Falcons hold off Sharks to reach final\nThe Falcons held off the Sharks to win 3-1 on Saturday.",
    # another country's bank left its rate as it was; the headline's bank did cut
    "Polish central bank cuts rates\nPoland's central bank cut its reference rate on Wednesday. The Czech "
    "central bank left its rate unchanged.",
    # the headline's bank said nothing in the lead but another country's bank is what the lead is about
    "Polish central bank cuts rates\nThe Hungarian central bank left its main rate unchanged on Tuesday.",
])
def test_hl02_multi_word_predicate_traps(text):
    assert_passes("HL02", text)


# --- first place: the headline's subject tops, the lead gives first place to another -------------------
@pytest.mark.parametrize("text", [
    # culture / travel
    "Marlowe named Europe's best hotel\nThe Grand Orsay was named the best hotel in Europe on Monday, ahead of "
    "the Marlowe in second place.",
    # politics
    "Greens top Hamburg poll\nThe Social Democrats emerged as the largest party in Hamburg's state election on "
    "Sunday, with the Greens second.",
    # business
    "Norvik wins biggest share of wind auction\nRival Baltech won the largest share of the offshore wind "
    "auction, the ministry said, with Norvik taking 30 percent.",
])
def test_hl02_flags_first_place_given_to_another(text):
    findings = assert_flags("HL02", text)
    assert findings[0].data["kind"] == "winner"


@pytest.mark.parametrize("text", [
    # the body gives the headline's subject first place too
    "Greens top Hamburg poll\nThe Greens emerged as the largest party in Hamburg on Sunday. The Social Democrats "
    "were the largest party four years ago.",
    # another category's first place
    "Smith named best actor\nJones was named best actress at the ceremony, where Smith took the acting prize.",
    # a quoted hope is no result
    "Greens top Hamburg poll\nThe Greens won 31 percent on Sunday. \"We will be the largest party next time,\" "
    "the Social Democrat leader said.",
    # first place in something else, outside the lead
    "Norvik wins biggest share of wind auction\nNorvik won 45 percent of the offshore wind capacity on offer. "
    "The ministry said bidding was strong. Analysts expect Baltech to remain the largest operator.",
])
def test_hl02_first_place_traps(text):
    assert_passes("HL02", text)


# --- a headline verb the tagger missed: a plural subject and a bare verb read as an adjective or noun ---
@pytest.mark.parametrize("text", [
    # politics
    "Voters back new constitution\nVoters rejected the new constitution in Sunday's referendum, 58 percent to 42.",
    # business
    "Exporters hail tariff deal\nExporters criticised the tariff deal on Monday, saying it would raise costs.",
])
def test_hl02_reads_a_bare_verb_after_a_plural_subject(text):
    assert assert_flags("HL02", text)[0].data["kind"] == "polarity"


def test_hl02_bare_verb_passes_when_the_body_agrees():
    assert_passes("HL02", "Voters back new constitution\nVoters backed the new constitution in Sunday's "
                  "referendum, 58 percent to 42, although turnout fell.")


@pytest.mark.parametrize("text", [
    # politics: "voted against" rejects
    "Assembly approves budget cuts\nThe assembly voted against the budget cuts on Thursday by 48 to 41.",
    # business: "won approval" approves
    "Regulator rejects airline merger\nThe airline merger won approval from the regulator on Friday.",
])
def test_hl02_reads_votes_and_approval_phrases(text):
    assert assert_flags("HL02", text)[0].data["kind"] == "polarity"


def test_hl02_vote_in_favour_supports_approval():
    assert_passes("HL02", "Panel approves housing plan\nThe panel voted nine to four in favour of the housing "
                  "plan after residents objected.")


@pytest.mark.parametrize("text", [
    # business: a count between 1900 and 2100 is no year when it has a comma and a noun
    "Carmaker cuts 2,000 jobs\nThe carmaker said on Monday it would cut 1,200 jobs over the next two years.",
    # politics: "a margin of" is a margin
    "Mayor wins second term by 400 votes\nThe mayor was re-elected on Thursday by a margin of 40 votes, the "
    "closest result in the city's history.",
])
def test_hl02_flags_counts_in_the_year_range_and_margins_of(text):
    assert assert_flags("HL02", text)[0].data["kind"] == "figure"


def test_hl02_a_year_is_not_a_figure():
    assert_passes("HL02", "Class of 2012 gathers for reunion\nGraduates of the class of 2013 met on Saturday.")


@pytest.mark.parametrize("text", [
    # sport: headline-ese verbs of victory, and a score that the small model parses as an adverbial
    "Rangers stun Celtic in cup semi-final\nCeltic beat Rangers 2-0 in the cup semi-final at Hampden on Sunday.",
    "Sharks crush Bulls in Pretoria\nThe Bulls thrashed the Sharks 41-10 at Loftus Versfeld on Saturday.",
    "Novak outpoints Ruiz to keep belt\nRuiz outpointed Novak over 12 rounds on Saturday to take the belt.",
])
def test_hl02_flags_headline_ese_victories_the_body_reverses(text):
    assert assert_flags("HL02", text)[0].data["kind"] == "winner"


@pytest.mark.parametrize("text", [
    # sport: the city before a common noun, the body's event under another city
    "Lisbon marathon won by Kenyan\nNAIROBI — Kenyan runner Joseph Kimani won the Porto marathon on Sunday.",
    # economics: a level reached ("eases to 3.2%") is a change
    "Inflation eases to 3.2% in June\nInflation rose to 3.8 percent in June from 3.4 percent in May, the "
    "statistics office said.",
])
def test_hl02_flags_a_renamed_event_and_a_changed_level(text):
    assert assert_flags("HL02", text)


@pytest.mark.parametrize("text", [
    # a dateline alone says where the reporter is
    "Kenyan wins Boston marathon\nNAIROBI — Kenyan runner Joseph Kimani won the marathon on Monday, his family "
    "said.",
    # a month is no place
    "Sharks crush Bulls in Durban\nThe Sharks thrashed the Bulls 41-10 on Saturday. The Bulls had beaten the "
    "Sharks in March.",
])
def test_hl02_dateline_and_month_traps(text):
    assert_passes("HL02", text)


def test_hl02_a_country_before_the_headline_noun_is_no_renamed_event():
    assert_passes("HL02", "Mombasa container backlog eases\nMOMBASA - The queue of ships off the port has fallen. "
                  "The port handles most of Kenya's container traffic and much of Uganda container cargo.")


@pytest.mark.parametrize("text", [
    # elections: the headline's place with a qualifier the headline drops
    "Labour holds Bexley seat\nLONDON, 4 May 2023 - Labour's Sarah Pike held the Bexley North seat in Thursday's "
    "by-election with a majority of 2,140.",
    # sport: a club named by its town and a second word
    "Leeds side sign Ghana winger\nLEEDS - The Leeds Rhinos side signed the winger Kofi Asante on Monday.",
])
def test_hl02_the_headline_place_with_a_qualifier_is_no_renamed_event(text):
    assert_passes("HL02", text)


def test_hl02_winner_named_right_before_the_verb_when_the_parse_takes_a_dateline_for_subject():
    assert_flags("HL02", "Ortiz scores twice but Valencia Rays lose unbeaten record\nVALENCIA, Spain, May 3, 2025 — "
                 "Ana Ortiz scored twice, and the Valencia Rays beat Porto's Atlantic Wolves 3-1 on Saturday night to "
                 "improve to 5-0 in Group A.")


@pytest.mark.parametrize("text", [
    # politics: a verb of no opposites table, denied in its own word
    "Transport minister resigns over rail failures\nThe transport minister has not resigned, despite calls from "
    "MPs over the rail failures, her office said.",
    # business
    "Refinery reopens after fire\nThe refinery did not reopen on Monday after the fire, its owner said.",
])
def test_hl02_flags_a_headline_verb_the_body_denies(text):
    assert assert_flags("HL02", text)[0].data["kind"] == "polarity"


@pytest.mark.parametrize("text", [
    "Refinery reopens after fire\nThe refinery reopened on Monday. Its second unit did not reopen.",
    # a verb of speech is denied of other things
    "Minister says no to pay rise\nThe minister did not say when the pay talks would resume.",
    # courts: the denial is about other people
    "Police arrest two after protest\nPolice arrested two men after the protest. Officers did not arrest the "
    "organisers.",
])
def test_hl02_denial_traps(text):
    assert_passes("HL02", text)


# --- figures: money without a counted noun, currencies, written precision, sums ---------------------------
@pytest.mark.parametrize("text", [
    # business: an amount with no counted noun, in a sentence about the headline's thing
    "Grocer's profits jump to £3.1bn\nThe grocer reported annual profits of £1.3bn on Tuesday, up from £1.1bn a "
    "year earlier. Sales rose in every region. Its chief executive said the results were strong.",
    # culture: the same amount in another currency
    "Museum pays €4m for lost portrait\nThe city museum has paid $4m for a portrait that had been missing since "
    "the war. Curators said the painting would go on show in the spring. The seller was not named.",
    # politics: figures written alike must be equal
    "Council sets parking fine at £6.40\nDrivers who overstay will be fined £6.30 under the council's new "
    "scheme, approved on Monday. The fine rises for repeat offenders. Opposition members voted against.",
    # sport: a sentence-final "m." is millions
    "United agree £48m fee for striker\nThe club confirmed it had agreed a fee of £84m. The striker will have a "
    "medical on Friday. He scored 30 goals last season.",
])
def test_hl02_flags_a_money_figure_the_body_gives_otherwise(text):
    assert assert_flags("HL02", text)[0].data["kind"] == "figure"


@pytest.mark.parametrize("text", [
    # roundings by the headline's written precision
    "Airline in $1.2bn jet order\nThe airline has ordered 12 jets in a deal worth 1,180 million dollars, or "
    "$1,180m. Deliveries start in 2027. The order is its biggest.",
    "Insurer's bill tops $16bn\nThe insurer said claims from the storms would cost it $16.6bn. Shares fell. "
    "Analysts had expected a smaller bill.",
    # a sum and a difference of body figures
    "Quake kills 41 in two towns\nAt least 27 people died in the first town and 14 in the second, officials said. "
    "Rescue teams are still searching. Aid has begun to arrive.",
    "Bank's profit up $2bn\nThe bank made a profit of $9bn, against $7bn a year earlier. Lending grew. "
    "Its chairman praised staff.",
    # a headline bound the body's figure meets; a finer headline over a rounded body figure
    "Storm bill 'less than $15bn'\nThe storm will cost insurers $10bn, a broker estimated. Claims are still "
    "coming in. Premiums are expected to rise.",
    "Flood kills 41\nAbout 40 people died when the river burst its banks, officials said. Hundreds were rescued. "
    "Roads remain closed.",
    # the headline's currency given beside a conversion
    "Firm pays £1m to settle claim\nThe firm will pay $1.9m (£1m) to settle the claim, a court heard. "
    "It admitted no wrongdoing. The claimant welcomed the deal.",
])
def test_hl02_money_figure_traps(text):
    assert [f for f in run_rule("HL02", text, min_severity="warning") if f.data.get("kind") == "figure"] == []


# --- polarity: the headline's figure reached by a change the other way ------------------------------------
@pytest.mark.parametrize("text", [
    # politics
    "Pension cut to £180\nThe state pension will be £180 a week from April, up from £172, ministers said. "
    "Pensioners' groups said it was not enough. The change needs a vote.",
    # business
    "Bank cuts rate to 4.5%\nThe central bank raised its main rate to 4.5% on Thursday. It said prices were "
    "still rising. Markets had expected the move.",
    # sport
    "Club raises ticket price to £30\nThe club has cut the price of its cheapest ticket to £30. Season tickets "
    "are unchanged. Fans welcomed the move.",
])
def test_hl02_flags_a_figure_reached_the_other_way(text):
    found = assert_flags("HL02", text)
    assert found[0].data["kind"] == "polarity"


@pytest.mark.parametrize("text", [
    "Pension raised to £180\nThe state pension will be £180 a week from April, up from £172, ministers said. "
    "Pensioners' groups said it was not enough.",
    # the body gives both ways for different things; the headline's way is said of its figure
    "Bank cuts rate to 4.5%\nThe central bank cut its main rate to 4.5% on Thursday, after it raised it to 5% "
    "last year. Markets had expected the move.",
    # a question and a quoted headline are left alone
    "Will the bank cut rates to 4.5%?\nThe central bank raised its main rate to 4.5% on Thursday.",
    "'Cut ticket price to £30'\nThe club has raised the price of its cheapest ticket to £30, fans said.",
])
def test_hl02_figure_direction_traps(text):
    assert [f for f in run_rule("HL02", text, min_severity="warning") if f.data.get("kind") == "polarity"] == []


@pytest.mark.parametrize("text", [
    "Regional economy starts to shrink\nThe regional economy grew by 2% in the last quarter, official figures "
    "show. Exports rose. Officials said growth would continue.",
    "Ticket sales continue to fall\nTicket sales at the festival rose for a third year, organisers said. "
    "More than 90,000 people came. The line-up was praised.",
    "Vaccine trials begin to fail\nThe vaccine trials succeeded in all three groups, the lab said. "
    "Regulators will now review the data.",
])
def test_hl02_reads_the_verb_after_a_verb_of_beginning(text):
    assert assert_flags("HL02", text)[0].data["kind"] == "polarity"


def test_hl02_verb_of_beginning_traps():
    assert_passes("HL02", "Regional economy starts to grow\nThe regional economy grew by 2% in the last quarter, "
                  "official figures show. Exports rose.")
    assert_passes("HL02", "Economy may start to shrink\nThe regional economy grew by 2% in the last quarter, "
                  "official figures show. Exports rose.")


def test_hl02_reads_the_clause_a_body_denies():
    text = ("Lab admits data error\nThe laboratory has denied that an error in its data skewed the results of the "
            "trial. It said its methods were sound. Other scientists have asked to see the data.")
    assert assert_flags("HL02", text)[0].data["kind"] == "polarity"
    # admitted in the lead; a denial of another clause later is no conflict
    assert_passes("HL02", "Lab admits data error\nThe laboratory has admitted that an error in its data skewed the "
                  "results of the trial. It said its methods were otherwise sound. It denied that any patient was harmed.")


@pytest.mark.parametrize("text", [
    "Film pioneer dies aged 91\nThe director, who made more than 40 films, has died at the age of 81, his family "
    "said. He won two awards. His last film came out in 2019.",
    "Chess champion retires aged 33\nThe 38-year-old champion said she would retire after the national title, her "
    "agent said. She won it six times. Her coach praised her calm.",
    "Founder dies aged 70\nThe company's founder has died aged 76 after a short illness. He set up the firm with "
    "two friends. Staff paid tribute.",
    "Poet dies aged 84\nThe poet, who was 88 years old, died at home in the village where she was born, her "
    "publisher said. She wrote twelve collections.",
    # a count of a thing inside the body's counted phrase
    "Broadcaster cuts 60 jobs\nThe broadcaster is cutting 40 newsroom jobs, about 10% of its staff. "
    "Unions said they would resist. The cuts start in June.",
])
def test_hl02_flags_an_age_or_count_the_body_gives_otherwise(text):
    assert assert_flags("HL02", text)[0].data["kind"] == "figure"


@pytest.mark.parametrize("text", [
    "Film pioneer dies aged 81\nThe director, who made more than 40 films, has died at the age of 81, his family "
    "said. He won two awards.",
    "Founder dies aged 76\nThe founder of the firm, a 76-year-old, died after a short illness. He set it up with "
    "40 friends 50 years ago.",
    "Broadcaster cuts 40 jobs\nThe broadcaster is cutting 40 newsroom jobs, about 10% of its staff. "
    "Unions said they would resist.",
])
def test_hl02_age_and_count_traps(text):
    assert [f for f in run_rule("HL02", text, min_severity="warning") if f.data.get("kind") == "figure"] == []


def test_hl02_an_age_of_someone_else_is_no_conflict():
    assert_passes("HL02", "Former minister dies aged 88\nThe former minister has died at home on the eve of his "
                  "89th birthday. He died a week after his brother Tomas died aged 85. He served for 20 years.")


def test_hl02_small_counts_are_not_read_as_sums():
    text = ("Builder jailed for nine years over fraud\nA builder who cheated customers has been jailed for seven years. "
            "His partner was jailed for two years. The judge said the fraud was planned.")
    assert assert_flags("HL02", text)[0].data["kind"] == "figure"


def test_hl02_polarity_over_a_second_word_for_the_same_modified_thing():
    """"reject wage deal" over "voted to accept a new wage agreement": one modifier, two nouns."""
    text = ("Dockers reject pay deal, extending strike\nDockers at the port of Santos voted to accept a new "
            "two-year pay agreement on Monday, ending a 20-day strike, union leaders said. The offer was backed "
            "by 900 votes to 300.")
    assert assert_flags("HL02", text)[0].data["kind"] == "polarity"


def test_hl02_another_thing_with_the_same_modifier_is_no_opposite():
    assert_passes("HL02", "Dockers reject pay deal\nDockers at the port of Santos rejected the pay deal on Monday, "
                          "union leaders said. They accepted a pay review by an independent panel instead.")


def test_hl02_winner_read_past_a_dateline_parsed_as_a_subject():
    """"X falls short" over a lead whose dateline the parser takes for a second subject."""
    text = ("Moreau falls short in Lyon final\nLyon, France — Sunday, March 3, 2024: French teenager Lea Moreau "
            "came back from two sets down to beat Italy's Giulia Conti 3-2 in the final on Sunday.")
    assert assert_flags("HL02", text)[0].data["kind"] == "winner"
    assert_passes("HL02", "Moreau wins Lyon final\nLyon, France — Sunday, March 3, 2024: French teenager Lea Moreau "
                          "came back from two sets down to beat Italy's Giulia Conti 3-2 in the final on Sunday.")


@pytest.mark.parametrize("text", [
    # business: the body counts the modifier ("journalist jobs"), and 90 less "10 redundancies" is no tally
    "Printer cuts 80 jobs\nThe printing group is cutting 90 factory jobs, a fifth of its staff. Ten redundancies "
    "announced last year were voluntary. The union said it would fight the cuts.",
    # science: 26 and "one" add up to 27 only by chance
    "Agency halts 27 drilling projects\nThe environment agency has halted work on 26 drilling projects, one of them "
    "near a national park. The 26 projects had skipped safety reviews, it said.",
])
def test_hl02_figure_not_excused_by_a_chance_sum_or_a_compound(text):
    assert assert_flags("HL02", text)[0].data["kind"] == "figure"


@pytest.mark.parametrize("text", [
    # sport: two tallies of the same thing add up to the headline's
    "Club sells 40 season tickets in a day\nThe club sold 28 season tickets in the morning and 12 more in the "
    "afternoon. Fans queued from dawn.",
    # courts: the body's compound names the headline's counted noun
    "Court hears 30 fraud cases\nThe court heard 30 fraud cases on Monday. Most ended in fines.",
])
def test_hl02_figure_sum_and_compound_traps(text):
    assert [f for f in run_rule("HL02", text, min_severity="warning") if f.data.get("kind") == "figure"] == []


# --- polarity about a named actor alone: the body predicate's own subject names it ---------------------------
@pytest.mark.parametrize("text", [
    # sport: a denying headline over the plan stated outright
    "Kovac not to step down at Olympics\nMarta Kovac, the national team's coach, is to step down after the "
    "Olympics, the federation said. She has led the team since 2016.",
    # politics
    "Okafor not to stand down at election\nJane Okafor, the transport minister, is to stand down as an MP at the "
    "next election. She has held the seat since 2010.",
    # culture: a verb of avowal turned, its clause about the headline's nouns
    "Lindqvist confirms rift over tour dates\nAstrid Lindqvist has denied there was a rift with her band over the "
    "tour dates. The singer said the group remained close.",
    # courts: dismissing is rejecting
    "Moreau accepts appeal claims\nThe defence lawyer Paul Moreau has dismissed claims that the appeal was "
    "filed late. He said the court had the papers in time.",
])
def test_hl02_polarity_about_a_named_actor(text):
    assert assert_flags("HL02", text)[0].data["kind"] == "polarity"


@pytest.mark.parametrize("text", [
    # the named actor says the headline's thing, beside another person's opposite
    "Kovac not to step down at Olympics\nMarta Kovac will not step down as coach after the Olympics, the "
    "federation said. Her assistant is to step down instead.",
    # someone else denies it
    "Lindqvist confirms rift over tour dates\nHer label's owner, Ivan Petrov, has denied there was a rift over "
    "the tour dates. Astrid Lindqvist said on Monday that the band had argued.",
    # business: the named firm's own word supports it later
    "Halvorsen confirms talks over merger\nHalvorsen has confirmed it is in talks over a merger with a rival. "
    "Its chairman denied that a deal was close.",
    # a question and a quoted headline
    "Will Kovac step down at Olympics?\nMarta Kovac is not stepping down after the Olympics.",
    "'Kovac not to step down'\nMarta Kovac is to step down after the Olympics, the federation said.",
])
def test_hl02_polarity_about_a_named_actor_traps(text):
    assert [f for f in run_rule("HL02", text, min_severity="warning") if f.data.get("kind") == "polarity"] == []


@pytest.mark.parametrize("text", [
    # business: what had happened before the news does not support the headline
    "Merger talk boosts Halden shares\nShares in Halden fell 9% on Tuesday after the merger talks collapsed. "
    "Traders said there was heavy selling. The shares had been rising for a month on hopes of a deal.",
    # science
    "Spring rain boosts reservoir levels\nReservoir levels fell again in June, the water board said. "
    "Levels had climbed in April after heavy rain.",
])
def test_hl02_past_perfect_does_not_support_the_headline(text):
    assert assert_flags("HL02", text)[0].data["kind"] == "polarity"


def test_hl02_past_perfect_is_no_contradiction_either():
    assert_passes("HL02", "Merger talk boosts Halden shares\nShares in Halden rose 9% on Tuesday on talk of a merger. "
                  "The shares had fallen for a month before the talks.")
    assert_passes("HL02", "Spring rain boosts reservoir levels\nThe water board said levels had fallen in the "
                  "winter. Officials expect more rain.")


@pytest.mark.parametrize("text", [
    # business: a verb of damage done to a measure says the measure fell
    "Strike hits carmaker's profit\nThe carmaker's profit rose 12% in the quarter despite a week-long strike at "
    "its main plant, it said on Tuesday. Sales were steady.",
    # culture
    "Rain dents festival attendance\nAttendance at the festival rose to a record 90,000 despite the rain, "
    "organisers said. Most stages ran late.",
])
def test_hl02_flags_damage_to_a_measure_the_body_says_grew(text):
    assert assert_flags("HL02", text)[0].data["kind"] == "polarity"


@pytest.mark.parametrize("text", [
    "Strike hits carmaker's profit\nThe carmaker's profit fell 12% in the quarter after a week-long strike at "
    "its main plant. Sales were steady.",
    # a mark reached is no damage
    "Carmaker's profit hits record\nThe carmaker's profit rose 12% to a record in the quarter, it said.",
    "Rain hits festival\nAttendance at the festival rose to a record 90,000 despite the rain, organisers said.",
    # what rose is the cause, not the measure the headline says fell
    "High fuel prices hit airline's profits\nThe airline blamed high fuel prices for a 40% drop in profits. Its "
    "chief executive said fuel costs rose by £106m in the quarter.",
    "Sluggish economy hits factory jobs\nThe number of people out of work has risen for a tenth month as the "
    "economy stalls, figures show.",
])
def test_hl02_damage_to_a_measure_traps(text):
    assert [f for f in run_rule("HL02", text, min_severity="warning") if f.data.get("kind") == "polarity"] == []


# --- a second clause in headline-ese ("as profit slumps"), a concession told as fact ----------------
@pytest.mark.parametrize("text, quote", [
    # business: the parse reads "as ... slumps" as a preposition and a plural noun
    ("Harbour Foods to shut two plants as annual revenue slumps\nHarbour Foods said on Monday it would shut "
     "two plants. Its annual revenue rose 6 percent to 1.2 billion euros.", "slumps"),
    # farming: a concession under a modal of reported speech is still the body's statement
    ("Co-operative to sell dairy arm after milk output falls\nThe co-operative said it would sell its dairy arm, "
     "even though milk output grew for a third straight year.", "falls"),
])
def test_hl02_flags_a_subordinate_headline_clause_the_body_reverses(text, quote):
    findings = assert_flags("HL02", text, quotes=[quote])
    assert findings[0].data["kind"] == "polarity"


@pytest.mark.parametrize("text", [
    "Harbour Foods to shut two plants as annual revenue slumps\nHarbour Foods said on Monday it would shut "
    "two plants after its annual revenue slumped 6 percent.",
    # the modal governs the clause that is no concession: a forecast, not a statement
    "Co-operative to sell dairy arm after milk output falls\nThe co-operative said milk output fell 3 percent. "
    "It said output could grow next year if prices recover.",
    # "after talks": a plural noun after "after" with no subject before it is no clause
    "Unions call off strike after talks\nUnions called off the strike after talks with ministers collapsed.",
])
def test_hl02_subordinate_clause_traps(text):
    assert_passes("HL02", text)


# --- a headline figure that is the body's with two digits swapped ----------------------------------
@pytest.mark.parametrize("text, quote", [
    # sport: a run chase, a finishing time
    ("Harriers chase down 243 to win county final\nThe Harriers reached a target of 234 with two overs to spare "
     "at Grace Road on Sunday.", "243"),
    ("Okafor takes 400m title in 44.38\nAda Okafor won the 400 metres in 44.83 seconds on Saturday, the fastest "
     "time of the season.", "44.38"),
    # local news: a count of homes
    ("Flooding forces 162 families from homes\nFloodwater forced 126 families from their homes in the valley "
     "overnight, the council said.", "162"),
])
def test_hl02_flags_a_headline_figure_with_swapped_digits(text, quote):
    findings = assert_flags("HL02", text, quotes=[quote])
    assert findings[0].data["kind"] == "figure"


@pytest.mark.parametrize("text", [
    # the headline's figure is in the body too
    "Harriers chase down 243 to win county final\nThe Harriers chased down 243 at Grace Road. Their previous best "
    "chase was 234.",
    # years, and figures of two digits, are no slips of this kind
    "Club marks 1926 founding\nThe club, founded in 1926, held a dinner. Its rivals date from 1962.",
    "Flooding forces 21 families from homes\nFloodwater forced 21 families from their homes; 12 returned later.",
])
def test_hl02_swapped_digits_traps(text):
    assert_passes("HL02", text)


# --- the place of an event noun after the predicate ---------------------------------------------
# (a planned event's place is not compared: the reading made false alarms on held-out correct text)
@pytest.mark.parametrize("text, quote", [
    # sport: a season that ends with a match somewhere else
    ("Wanderers end season with derby win in Leeds\nWanderers ended their season with a derby win at the "
     "Riverside ground in Middlesbrough on Saturday.", "Leeds"),
])
def test_hl02_flags_an_event_nouns_place_the_body_gives_otherwise(text, quote):
    findings = assert_flags("HL02", text, quotes=[quote])
    assert findings[0].data["kind"] == "place"


@pytest.mark.parametrize("text", [
    "Ensemble to end European tour with two concerts in Lyon\nThe ensemble will finish its tour with two "
    "concerts in Lyon next month. It played in Paris in May.",
    # a plan the body only hopes for elsewhere is no statement of place
    "Ensemble to end European tour with two concerts in Lyon\nThe ensemble may add a date in Paris, its manager "
    "said, before two closing concerts in Lyon.",
    # a question is no claim
    "Will the ensemble end its tour in Lyon?\nThe ensemble will finish its tour in Paris next month.",
])
def test_hl02_planned_place_traps(text):
    assert_passes("HL02", text)


# --- a region the headline names and the body never does, while its lead is about another region ---
@pytest.mark.parametrize("text, quote", [
    # farming
    ("Queensland cane growers count flood losses\nSydney, Australia: Floods swept through the cane fields of "
     "New South Wales this week, and growers said the harvest would be a third smaller.", "Queensland"),
    # fisheries
    ("Galicia fishermen protest new quotas\nMadrid: Fishermen in Andalusia blocked two ports on Monday in protest "
     "at the quotas agreed in Brussels.", "Galicia"),
])
def test_hl02_flags_a_headline_region_the_lead_gives_otherwise(text, quote):
    findings = assert_flags("HL02", text, quotes=[quote])
    assert findings[0].data["kind"] == "place"


@pytest.mark.parametrize("text", [
    # the body names the headline's region, or a town in it
    "Queensland cane growers count flood losses\nSydney: Floods swept through the cane fields of New South Wales "
    "and Queensland this week.",
    "Queensland cane growers count flood losses\nSydney: Floods that began in New South Wales reached the cane "
    "fields around Mackay this week.",
    # the lead names two regions: no one of them is the story's
    "Galicia fishermen protest new quotas\nMadrid: Fishermen from Andalusia and Asturias blocked ports on Monday.",
    # a region whose name is also a town of the country
    "Victoria nurses vote to strike\nVancouver: Nurses in Alberta voted to strike on Monday.",
])
def test_hl02_headline_region_traps(text):
    assert_passes("HL02", text)


# --- a plan's compound is what the headline is about ("approve tram extension plan") -----------------
def test_hl02_flags_a_plan_the_body_turns_down_by_its_thing():
    text = ("Bristol councillors approve tram extension plan\nBristol City Council's planning committee voted against a "
            "£120m tram extension to the airport on Thursday, citing its cost.")
    findings = assert_flags("HL02", text, quotes=["approve"])
    assert findings[0].data["kind"] == "polarity"


@pytest.mark.parametrize("text", [
    "Bristol councillors approve tram extension plan\nBristol City Council's planning committee voted for a £120m tram "
    "extension to the airport on Thursday. It voted against a new bus lane.",
    # the thing turned down is another one of the plan's kind
    "Bristol councillors approve tram extension plan\nThe committee backed the plan on Thursday. Councillors voted "
    "against a rival bus scheme.",
])
def test_hl02_plan_compound_traps(text):
    assert_passes("HL02", text)


# --- session 10: the thing won, result infinitives, margins, period results, reporting verbs ------------
@pytest.mark.parametrize("text, quote", [
    # a prize verb with a common noun: the same thing won by another
    ("Okonjo clinches league crown\nNAIROBI - Wanjiru Kamau clinched the league crown on Saturday, while Ada "
     "Okonjo took the last race of the season.", "clinches"),
    # politics: a race won by another
    ("Delgado wins governor race\nSANTA FE - Rosa Ibáñez won the governor race by six points on Tuesday, and "
     "Delgado conceded before midnight.", "wins"),
    # a contest name: "takes Harbour Classic" over another's win of it
    ("Marsh takes Harbour Classic\nPERTH - Leah Whitford won the Harbour Classic on Sunday, two strokes ahead of "
     "Dana Marsh.", "takes"),
    # "rallies past": a win verb with its preposition
    ("Ferreira storms past Novak in Lisbon final\nLISBON - Tomas Novak beat Rui Ferreira in three sets on Sunday "
     "to win the title.", "storms"),
])
def test_hl02_flags_a_thing_won_by_another(text, quote):
    findings = assert_flags("HL02", text, quotes=[quote])
    assert findings[0].data["kind"] == "winner"


@pytest.mark.parametrize("text", [
    # the headline's winner wins the same thing
    "Okonjo clinches league crown\nNAIROBI - Ada Okonjo clinched the league crown on Saturday, and Wanjiru Kamau "
    "won the last race of the season.",
    # another thing won by another is no contradiction
    "Okonjo clinches league crown\nNAIROBI - Ada Okonjo sealed the title on Saturday. Wanjiru Kamau won the final "
    "race.",
    # "takes" a thing the body never gives anyone
    "Marsh takes Harbour Classic\nPERTH - Dana Marsh finished two strokes clear on Sunday. Leah Whitford won the "
    "putting contest.",
    # a question is no claim
    "Will Delgado win the governor race?\nRosa Ibáñez won the governor race by six points.",
])
def test_hl02_thing_won_traps(text):
    assert_passes("HL02", text)


def test_hl02_a_result_infinitive_after_a_win_verb_is_done():
    # "beats X to win belt in Y": the belt was won, in the place the body contradicts
    text = ("Tetteh beats Ansah to win featherweight belt in Tamale\nACCRA, May 4 (Reuters) - Samuel Tetteh won "
            "the national featherweight title on points over Joseph Ansah at the Bukom Arena in Accra on Saturday.")
    findings = assert_flags("HL02", text, quotes=["Tamale"])
    assert findings[0].data["kind"] == "place"
    # a plan is still a plan
    assert_passes("HL02", "Tetteh to fight for featherweight belt in Tamale\nACCRA - Samuel Tetteh will meet Joseph "
                          "Ansah at the Bukom Arena in Accra next month.")


@pytest.mark.parametrize("text, quote", [
    ("Liberals keep Eastgate seat by 1,482 votes\nThe Liberals held Eastgate, with Mara Quill beating the Labour "
     "candidate by 1,248 votes after preferences.", "1,482"),
    ("Ostrava retain trophy by three points\nOstrava held on to the trophy, finishing two points ahead after "
     "defeating Brno by two points in the last round.", "three"),
])
def test_hl02_flags_a_margin_of_a_kept_seat(text, quote):
    findings = assert_flags("HL02", text, quotes=[quote])
    assert findings[0].data["kind"] == "figure"


@pytest.mark.parametrize("text, quote", [
    ("Island ferry firm swings to loss\nThe island ferry firm made a net profit of £3.4m last year, "
     "against a loss of £1.1m the year before.", "loss"),
    ("Water board slides into deficit\nThe water board posted a surplus of $12 million for the financial year, "
     "its accounts show.", "deficit"),
    ("Brewer returns to profit\nThe brewer reported a pre-tax loss of €8m for the half year, as sales fell.",
     "profit"),
])
def test_hl02_flags_a_period_result_the_body_gives_otherwise(text, quote):
    findings = assert_flags("HL02", text, quotes=[quote])
    assert findings[0].data["kind"] == "polarity"


@pytest.mark.parametrize("text", [
    # the headline's result for this period, beside another period's opposite
    "Island ferry firm swings to loss\nThe island ferry firm made a net loss of £3.4m last year, against "
    "a profit of £1.1m the year before.",
    # a part's loss is not the whole's result
    "Brewer returns to profit\nThe brewer made a profit of €8m, despite job losses at its Cork plant.",
    "Water board slides into deficit\nThe board said the deficit was £2m, after a surplus a year earlier.",
    # a narrowed loss is still a loss
    "Miner narrows loss\nThe miner posted a loss of $40m, smaller than a year earlier.",
])
def test_hl02_period_result_traps(text):
    assert_passes("HL02", text)


@pytest.mark.parametrize("text, quote", [
    ("Glassmaker sees earnings slump\nDUBLIN - The glassmaker said its earnings rose 14 percent in the year to "
     "March.", "sees"),
    ("Court upholds hunting ban\nA court on Friday overturned the regional hunting ban, ruling that ministers had "
     "not consulted landowners.", "upholds"),
])
def test_hl02_flags_a_reported_change_or_ruling_reversed(text, quote):
    findings = assert_flags("HL02", text, quotes=[quote])
    assert findings[0].data["kind"] == "polarity"


@pytest.mark.parametrize("text", [
    "Glassmaker sees earnings slump\nDUBLIN - The glassmaker said its earnings slumped 14 percent, although sales "
    "rose.",
    "Court upholds hunting ban\nA court on Friday upheld the regional hunting ban. It overturned a fine on one "
    "landowner.",
])
def test_hl02_reported_change_traps(text):
    assert_passes("HL02", text)


def test_hl02_another_time_s_winner_of_the_thing_is_no_contradiction():
    assert_passes("HL02", "Okonjo wins league title\nNAIROBI - Ada Okonjo clinched the championship on Saturday. "
                          "Wanjiru Kamau won the league title in 2019.")


_SYMPHONY = ("Lost symphony heard again after {n} years\nVIENNA, 3 March 2023 - The orchestra gave the first "
             "performance of the symphony, thought lost since the composer died in 1911. The cellist spent two "
             "years preparing an edition.")


@pytest.mark.parametrize("text", [
    _SYMPHONY.format(n=112),  # 2023 - 1911
    "Harbour club ends 40-year wait for title\nFALMOUTH, 2 June 2024 - The club last won the league in 1984, "
    "and its manager has spent three years rebuilding the side.",
    "Bridge reopens 25 years after flood\nThe bridge, swept away in 1998, reopened in 2023 after a six-year "
    "repair.",
])
def test_hl_a_count_of_years_between_the_body_dates_is_supported(text):
    assert_passes("HL01", text)
    assert_passes("HL02", text)


def test_hl_a_count_of_years_no_body_date_gives_is_still_flagged():
    assert_flags("HL02", _SYMPHONY.format(n=95))



@pytest.mark.parametrize("text", [
    "Tamale school celebrates best results in a decade\nTAMALE, Ghana - Northern Star Senior High School "
    "has recorded its best examination results in ten years, the headmaster said.",
    "Cork club named best in Ireland\nCORK - Rebel Rowing Club was named the best club in Ireland at the "
    "national awards on Friday.",
])
def test_hl02_a_common_noun_a_place_describes_is_no_rival_first_place(text):
    assert_passes("HL02", text)


def test_hl02_still_gives_first_place_to_a_named_rival():
    assert_flags("HL02", "Social Alliance tops poll\nThe Civic Front emerged as the largest party in Sunday's "
                 "election, with the Social Alliance second.")
