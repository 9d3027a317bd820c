"""Rules that compare claims of the ledger: RL03-RL05, TM05, GR02, KN02; flagged cases and traps."""

from __future__ import annotations

import pytest

from consistency.testing import assert_flags, assert_passes

pytestmark = pytest.mark.slow


# --- RL03 roles.role-class-conflict ---------------------------------------------------------
@pytest.mark.parametrize("text, quote", [
    ("Rovers win\nRovers winger Tom Hale scored twice. Hale, the match referee, was booked.", "match referee"),
    ("Orchestra tour\nThe cellist Marta Ruiz played Elgar. Ruiz, the orchestra's chief executive, thanked donors.",
     "chief executive"),
    ("Lab study\nDr Amara Obi, a senior lecturer at the university, led the work. Obi, a first-year undergraduate, "
     "presented it.", "undergraduate"),
    ("Trial\nThe prosecutor, Priya Nair, opened the case. Nair, the defence lawyer, then called a witness.",
     "defence lawyer"),
    ("Concert\nMatthias Gruber, the principal cellist, will play. Later Gruber, the orchestra's principal oboist, "
     "spoke.", "principal oboist"),
])
def test_rl03_flags_roles_no_one_holds_together(text, quote):
    findings = assert_flags("RL03", text)
    assert any(quote in s.text for f in findings for s in f.spans)
    assert " and " in findings[0].message and findings[0].evidence


@pytest.mark.parametrize("text", [
    "Club\nFormer winger Tom Hale, now the club's assistant coach, watched. Hale said the team was improving.",
    "Club\nTom Hale, who was appointed coach in 2019, was a winger for ten years. Hale, the coach, smiled.",
    "Club\nRovers winger Tom Hale scored. His father, Bill Hale, the match referee, was proud. Hale smiled.",
    "Band\nSinger and guitarist Lena Ortiz played Leeds. Ortiz, the band's pianist, wrote the songs.",
    "Firm\nJane Doe, the chief executive, founded the firm. Doe, a trained pianist, plays at weekends.",
])
def test_rl03_traps(text):
    assert_passes("RL03", text)


@pytest.mark.parametrize("text, quote", [
    ("Burglaries\nDetective Sergeant Ewa Nowak, who led the inquiry, said the gang was organised.\n\n"
     "\"The van gave them away,\" said Nowak, the prosecutor in the trial.", "prosecutor"),
    ("Rally\nOrtiz and his co-driver Kaarel Tamm won on Sunday. \"The car was perfect,\" said Tamm, the team's "
     "chief engineer.", "chief engineer"),
])
def test_rl03_flags_police_and_court_or_crew_and_staff(text, quote):
    findings = assert_flags("RL03", text)
    assert any(quote in s.text for f in findings for s in f.spans)


@pytest.mark.parametrize("text", [
    # a past post beside a present one
    "Trial\nAna Ruiz, a former detective, is now the prosecutor handling the case.",
    # a detective giving evidence is a witness
    "Trial\nDetective Sergeant Tom Hale, a witness for the prosecution, told the court he found the phone.",
    # two people
    "Rally\nOrtiz and his co-driver Kaarel Tamm won. Marta Lind, the team's chief engineer, praised them.",
])
def test_rl03_police_and_crew_traps(text):
    assert_passes("RL03", text)


@pytest.mark.parametrize("text, quote", [
    # a chair is not also one of the chief officers who report to the board (business, sport, charity)
    ("Results\nAcme chairman John Bond spoke on Monday about profits.\n\nMr Bond, the chief operating officer, "
     "said costs fell.", "chief operating officer"),
    ("Club accounts\nRovers chairman Ian Pike defended the wage bill on Friday.\n\nFinance director Ian Pike said "
     "the club would break even.", "Finance director"),
    ("Charity\nThe trust's chairwoman, Mary Osei, opened the appeal.\n\nOsei, the chief financial officer, said "
     "gifts had doubled.", "chief financial officer"),
    # two chief officers, and the chief executive beside another chief officer
    ("Airline\nChief executive Lena Berg announced the cuts.\n\nLater chief operating officer Lena Berg said "
     "routes would close.", "chief operating officer"),
    # one government's two portfolios, a portfolio and its shadow, a party's leader and a shadow post
    ("Budget\nChancellor Gordon Brown set out his plans.\n\nMr Brown, the home secretary, defended them.",
     "home secretary"),
    ("Tax plans\nTory leader Michael Howard spoke on Monday.\n\nMr Howard, the shadow chancellor, said the plans "
     "were costed.", "shadow chancellor"),
])
def test_rl03_flags_board_officers_and_offices_at_warning(text, quote):
    findings = assert_flags("RL03", text)
    assert any(quote in s.text for f in findings for s in f.spans)


@pytest.mark.parametrize("text", [
    # a chair who is also chief executive; a chief executive who also chairs
    "Results\nAcme chairman John Bond spoke on Monday.\n\nMr Bond, the chief executive, said costs fell.",
    # a governing party's leader is prime minister; a leader of no party
    "Election\nLabour leader Tony Blair spoke in Sedgefield.\n\nPrime Minister Tony Blair said he was confident.",
    "Expedition\nTeam leader Ana Ruiz reached the summit.\n\nRuiz, the shadow chancellor, praised her guides.",
    # offices hoped for, expected or hypothetical (politics, business, sport)
    "Budget\nChancellor Gordon Brown set out his plans.\n\nMany see Mr Brown as a prime minister-in-waiting.",
    "Orchestra\nThe cellist Anna Berg played on Friday.\n\nBerg is the likely chief executive of the orchestra "
    "when Smith retires.",
    "Board\nFinance director Omar Haddad presented the results.\n\nHaddad, the next chief executive, takes over "
    "in May.",
    "Budget\nChancellor Gordon Brown set out his plans.\n\nThere will be an argument over how good a prime "
    "minister Gordon Brown will make after the election.",
    "Club\nRovers winger Tom Hale scored twice.\n\nFans argue over what sort of coach Tom Hale would make one day.",
    # "shadow" read as a verb by the small model must still make a shadow post
    "Posters\nShadow chancellor Tim Yeo spoke first.\n\nSupporters voted for a poster featuring Mr Howard and "
    "shadow chancellor Tim Yeo holding a blackboard.",
])
def test_rl03_board_and_office_traps(text):
    assert_passes("RL03", text)


# --- RL04 roles.role-organisation-conflict ---------------------------------------------------
def test_rl04_flags_a_spokesman_of_two_bodies():
    text = ("Breach\nJonas Weber, a spokesman for the Berlin data protection authority, said the breach was "
            "serious. Later, Weber, Medivio's spokesman, said customers need not act.")
    findings = assert_flags("RL04", text, quotes=["spokesman"])
    assert "Medivio" in findings[0].message and "Berlin data protection authority" in findings[0].message


@pytest.mark.parametrize("text", [
    "Science prize\nThe prize is run by the Bergen Ocean Foundation. Ingrid Aas, who chairs the foundation, "
    "opened the evening.\n\nAas, chair of the Nordic Marine Society, said entries had doubled.",
    "Court ruling\nThe appeal was brought by the Harbour Residents Association. Tomas Reid, who chairs the "
    "association, welcomed the ruling. Reid, chair of the Dockside Traders Guild, later said he would appeal.",
])
def test_rl04_flags_a_post_of_a_described_body_placed_at_another(text):
    assert_flags("RL04", text)


def test_rl04_passes_a_body_only_guessed():
    # "the company" could be either of the two named in the sentence before
    assert_passes("RL04", "Merger\nAcme Foods and Beta Mills agreed terms. Ann Lee, the company's chief "
                  "executive, spoke. Lee, chief executive of Gamma Oils, declined to comment.")


def test_rl04_same_role_under_two_names_at_two_companies():
    text = ("Takeover\nKattegat's chief financial officer, Mette Skovgaard, backed the bid. "
            "Skovgaard, Norrsken's finance chief, said the price was fair.")
    assert_flags("RL04", text)


@pytest.mark.parametrize("text", [
    "Boards\nAnna Roth, a director of Acme, joined the board. Roth, a director of Beta Bank, agreed.",
    "Move\nJonas Weber, a former spokesman for Medivio, now speaks for Apotheka. Weber, Apotheka's spokesman, "
    "declined.",
    "Firm\nJonas Weber, Medivio's spokesman, said it was fine. Weber, the company's spokesman, said more.",
])
def test_rl04_traps(text):
    assert_passes("RL04", text)


# --- RL05 roles.single-holder-conflict --------------------------------------------------------
def test_rl05_flags_two_principal_investigators_of_one_trial():
    text = ("Trial\nDr Samuel Okello, the trial's principal investigator, was pleased. Dr Grace Namuli, "
            "the trial's principal investigator, urged caution.")
    findings = assert_flags("RL05", text)
    assert "Okello" in findings[0].message and "Namuli" in findings[0].message


@pytest.mark.parametrize("text", [
    "Trial\nDr Samuel Okello, the trial's principal investigator, spoke. Dr Grace Namuli, the former principal "
    "investigator of the trial, listened.",
    "Firms\nJane Doe, Acme's chief executive, met John Roe, Beta Bank's chief executive.",
    "Firm\nJane Doe, Acme's chief executive, met Jack Doe, Acme's chief executive in 1990.",
])
def test_rl05_traps(text):
    assert_passes("RL05", text)


@pytest.mark.parametrize("text", [
    # cycling: an event's director
    "Stage four\nRace director Omar Haddad praised the riders on Friday. The stage finished in Irbid. "
    "\"It was a hard day,\" said race director Faris Qasem after the finish.",
    # science: an institute's director, the body named once and then by its noun
    "Seaweed grant\nProf Ann Kelly, director of the Atlantic Institute of Marine Science, welcomed the grant. "
    "The money will fund three posts. The institute's director, Dr Conall Byrne, said work starts in May.",
    # culture: a museum's director
    "Museum reopens\nLena Berg, director of the Nordic Museum, opened the new wing. Visitors queued for hours. "
    "Nils Dahl, director of the Nordic Museum, said 4,000 came on the first day.",
])
def test_rl05_flags_two_directors_of_a_body_a_director_heads(text):
    assert_flags("RL05", text)


@pytest.mark.parametrize("text", [
    # business: a company's directors are its board
    "Board shake-up\nJane Doe, a director of Acme, resigned on Monday. Shares fell. John Roe, a director of "
    "Acme, said the board would meet.",
    # public life: a council's directors head its departments
    "Council\nAnn Lee, director of finance at the council, spoke. Bob Hart, director of housing at the "
    "council, listened.",
    # culture: two museums, two directors
    "Loans\nLena Berg, director of the Nordic Museum, lent six paintings. Nils Dahl, director of the "
    "Ateneum Museum, received them.",
    # sport: an outgoing and a new race director
    "Handover\nRace director Omar Haddad, who retires this year, praised the riders. His successor as race "
    "director, Faris Qasem, takes over in June.",
])
def test_rl05_director_traps(text):
    assert_passes("RL05", text)


# --- TM05 temporal.age-conflict -----------------------------------------------------------------
def test_tm05_flags_a_restated_age():
    text = ("Contract\nStriker Tom Hughes, 27, signed a new deal on Friday. The striker joined in 2019. "
            "Hughes, 31, said he was delighted.")
    findings = assert_flags("TM05", text, quotes=["31"])
    assert "27" in findings[0].message and "31" in findings[0].message


def test_tm05_flags_an_age_against_a_birth_date_in_another_sentence():
    text = ("Profile\nLONDON, March 3, 2023 - Maria Gomez, who was born in May 1981, runs the firm. "
            "The 38-year-old said the year had been hard.")
    findings = assert_flags("TM05", text, quotes=["38-year-old"])
    assert "41" in findings[0].message


@pytest.mark.parametrize("text", [
    "Contract\nTom Hughes, 27, signed. He joined the club at 19. Hughes, 27, said he was delighted.",
    "Profile\nTom Hughes, 27, signed. Hughes, who turned pro when he was 17, smiled.",
    "Profile\nLONDON, March 3, 2023 - Maria Gomez, who was born in May 1981, runs the firm. Gomez, 41, smiled.",
    "Family\nTom Hughes, 27, scored. His brother Sam Hughes, 31, watched.",
])
def test_tm05_traps(text):
    assert_passes("TM05", text)


@pytest.mark.parametrize("text, quote", [
    ("Auction\nAuctioneer Ben Marsh, 52, opened the bidding at noon. The house sold for $1.2m. For Marsh, the day "
     "was typical. \"Spring brings out the buyers,\" the 45-year-old said.", "45-year-old"),
    ("Court\nJudge Ana Reis, 61, read the verdict. The hearing lasted an hour. Reis left without comment, and "
     "the 66-year-old is due to retire in June.", "66-year-old"),
])
def test_tm05_warns_on_a_description_age_with_no_other_candidate(text, quote):
    assert_flags("TM05", text, quotes=[quote])


@pytest.mark.parametrize("text, quote", [
    # quoted sentences between: not counted, and the name inside the quote is no candidate (sport)
    ("Open\nScotland's Ewan Reid, 38, bogeyed the last hole on Sunday. He finished second. \"It was a good week "
     "for me,\" said the Scot. \"Fair play to Luis. He putted well. He deserved it.\" The 41-year-old's prize "
     "secures his card.", "41-year-old"),
    # the person was last named in a possessive, after someone else (health)
    ("Ward\nAmong the patients is Paul Grant, 64, a retired teacher. Minister Helen Moss said beds would be "
     "added. For Grant's family, the wait is hard. His wife said she visits the 46-year-old every day.",
     "46-year-old"),
    # quoted speech of the person described, then the description (culture)
    ("Prize\nNovelist Ada Brook, 51, won the prize on Friday. \"I never expected it. My agent told me to stay "
     "calm. I did not listen,\" Brook said. The 55-year-old's novel has sold 40,000 copies.", "55-year-old"),
])
def test_tm05_warns_on_a_description_age_read_over_quoted_speech(text, quote):
    assert_flags("TM05", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    # someone else is named beside the person last named (politics)
    "Talks\nMayor Tom Lee, 58, met council leader Jane Park on Monday. The 61-year-old said talks went well.",
    # someone else is named after them, outside the quotation (business)
    "Deal\nChief executive Ann Cole, 49, agreed the deal. \"It is good for us,\" Cole said. Analyst Mark "
    "Dunn disagreed. The 52-year-old said the price was too high.",
])
def test_tm05_description_age_over_quotes_with_rivals_stays_below_warning(text):
    assert_passes("TM05", text)


@pytest.mark.parametrize("text", [
    # another person is named just before: the description may be theirs (kept at info)
    "Race\nMara Diaz won ahead of Chloe Ward and Kim Sato. Ward, 31, was second. The 27-year-old Mexican led "
    "from the start.",
    "Lab\nProfessor Lena Holt, 58, leads the study. Her colleague Tom Berg ran the trials. The 49-year-old said "
    "the results were clear.",
    # a description with its own noun may bring in someone new
    "Club\nStriker Tom Hughes, 27, scored twice. The 17-year-old midfielder who replaced him set up the third.",
    "Rumours\nThe death of Ali Musa, the 41-year-old son of a senator, was confirmed. The 88-year-old "
    "revolutionary has not been seen since.",
])
def test_tm05_description_age_with_rivals_stays_below_warning(text):
    assert_passes("TM05", text)


# --- GR02 groups.description-drift ----------------------------------------------------------------
def test_gr02_flags_a_group_whose_nationality_drifts():
    text = ("Dam\nA delegation of Brazilian engineers arrived on Monday. The Argentine engineers said the dam "
            "was sound.")
    assert_flags("GR02", text, quotes=["Argentine engineers"])


@pytest.mark.parametrize("text", [
    "Dam\nBrazilian and Argentine engineers arrived. The Argentine engineers said the dam was sound.",
    "Match\nBrazilian fans sang. Argentina won, and the Argentine fans celebrated.",
    "Dam\nBrazilian engineers arrived. Argentine engineers, who came from Argentina, left.",
])
def test_gr02_traps(text):
    assert_passes("GR02", text)


# --- KN02 kinship.patronymic-mismatch --------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Vote\nPrime Minister Gunnar Einarsson won. Among the new MPs is his daughter, Sóley Einarsdóttir.",
    "Golf\nHamdan bin Saeed Al Falasi won. His father, Khalid bin Rashid Al Falasi, watched from the stand.",
    "Farm\nGuðrún Pálsdóttir keeps sheep. Pálsdóttir said her father, Jón Einarsson, built the barn.",
    # the Russian form of address gives the patronymic the full name leaves out
    "Bout\nPavel Morozov won on points. Pavel Andreyevich, as his coaches call him, is trained by his father, "
    "Yuri Morozov.",
    # a pronoun passes over a one-word name of unknown sex (a record, a boat) to the woman named before
    "Album\nPianist Helga Björnsdóttir, 31, recorded the suite in May. Vetur, the record, was engineered by "
    "her father, Magnús Ólafsson, in Akureyri.",
    # a vowel-changing genitive is still compared: Sigurður's daughter, not Örn's
    "Trawler\nÁsta Sigurðardóttir, the skipper, sailed at dawn. The boat belongs to Hafbrún, the firm her "
    "father, Örn Sigurðsson, founded.",
])
def test_kn02_flags_a_patronymic_that_names_another_father(text):
    assert_flags("KN02", text)


@pytest.mark.parametrize("text", [
    "Vote\nPrime Minister Gunnar Einarsson won. Among the new MPs is his daughter, Sóley Gunnarsdóttir.",
    "Golf\nHamdan bin Saeed Al Falasi won. His father, Saeed bin Rashid Al Falasi, watched.",
    "Firm\nTom Johnson runs the firm. His son, Mark Johnson, joined in 2019. Bill Peterson, his father, founded it.",
    "Vote\nAnna Jónsdóttir won. Her mother, Helga Sigurðardóttir, voted for her.",
    "Bout\nPavel Morozov won on points. Pavel Yuryevich, as his coaches call him, is trained by his father, "
    "Yuri Morozov.",
    # Icelandic genitives change the vowel: Örn's son is Arnarson, Björn's daughter Bjarnadóttir
    "Trawler\nSkipper Kári Arnarson sailed at dawn. His father, Örn Sigurðsson, founded the firm.",
    "Clinic\nDr Sunna Bjarnadóttir opened the clinic. Her father, Björn Hauksson, is a surgeon.",
])
def test_kn02_traps(text):
    assert_passes("KN02", text)


# --- QT03 quantities.sum-mismatch ----------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Vote\nOf the 1,211,340 ballots cast, 612,450 went to Fuenzalida, 547,980 to Meier and 40,910 were blank.",
    "Fleet\nSkellig operates a fleet of 42 aircraft – 28 Airbus jets and 16 ATR 72 turboprops – from Dublin.",
    "Hospital\nThe 120 beds include 48 in general wards, 40 in surgery, 24 in a transplant unit and 12 in intensive care.",
    "Breach\nOf the affected customers, 62 per cent are in Germany, 29 per cent in Austria and 14 per cent in Switzerland.",
    "Race\nA record 96 riders had started the race last Sunday – 54 riders from African teams and 38 from Europe.",
])
def test_qt03_flags_parts_that_do_not_make_their_total(text):
    assert_flags("QT03", text)


@pytest.mark.parametrize("text", [
    "Train\nThe train has 10 carriages: four sleeper cars, five Pullman coaches and a dining car.",
    "Cricket\nKings Park made 312 runs before bowling Fremantle out for 190 on Sunday and reaching 124.",
    "Fleet\nThe airline flies 42 aircraft, including 28 Airbus jets and 10 ATR turboprops.",
    "Economy\nInflation was 3 per cent, growth 2 per cent and unemployment 5 per cent.",
    "Poll\nOf the 1,000 voters, 60 per cent backed the plan, 55 per cent backed the levy and 48 per cent "
    "backed both, as respondents could choose more than one.",
    "Vote\nOf the 900 ballots, 500 went to Ruiz, 300 to Lopez and the rest were blank.",
])
def test_qt03_traps(text):
    assert_passes("QT03", text)


# --- HL02 headline.contradicted-claim ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Hanbit second-quarter profit rises\nSEOUL - Hanbit said its operating profit fell 38 percent in the quarter.",
    "Coalition keeps its majority\nThe two-party government lost its parliamentary majority on Saturday.",
    "Council approves $35.1 million deal\nThe council approved a $31.5 million contract for 22 trucks.",
    "Skip-hire boss jailed for eight years\nA skip-hire boss has been jailed for six years for dumping rubbish.",
])
def test_hl02_flags_a_headline_the_body_contradicts(text):
    assert_flags("HL02", text)


@pytest.mark.parametrize("text", [
    "Profit rises at Hanbit\nHanbit said its operating profit rose 12 percent although sales fell in Europe.",
    "Will the coalition keep its majority?\nThe government lost its majority on Saturday.",
    "Council approves $35 million deal\nThe council approved a $35.1 million contract on Monday.",
    "Shares fall as profit rises\nShares fell 3 percent even though profit rose.",
    "Rovers beat City 3-1\nRovers won 3-1. City had beaten Rovers last year.",
])
def test_hl02_traps(text):
    assert_passes("HL02", text)


# --- TM06 temporal.yearless-after-publication ----------------------------------------------------
@pytest.mark.parametrize("text", [
    "Strike\nDUBLIN, 12 June 2025 - Talks between the airline and the union broke down on 19 June.",
    "Vote\nVALPARAISO, Chile, Nov. 25, 2024 (AP) — The runoff was held on Nov. 28 in Vina del Mar.",
    "Race\nKIGALI, 23 February 2025 – The riders started the final stage in Huye on 2 March.",
    "Cup\nLYON, 10 May 2025 - Lyon reached the final. The team qualified by beating Juventus in Turin on 14 May.",
    "Rail\nLEEDS, 3 March 2025 - The line carried its millionth rider, on a train from York on 12 March.",
    "Court\nOSLO, 5 June 2025 - The court ruled after hearing the last witness on 9 June.",
])
def test_tm06_flags_a_past_event_on_a_later_day(text):
    assert_flags("TM06", text)


@pytest.mark.parametrize("text", [
    "Strike\nDUBLIN, 12 June 2025 - Talks broke down on 9 June. A new round is due to start on 19 June.",
    "Strike\nDUBLIN, 12 June 2025 - The union said it would strike on 19 June.",
    "Strike\nDUBLIN, 12 June 2025 - Staff were told they had until 19 June to decide.",
    "Review\nDUBLIN, 12 January 2025 - The shop opened on 28 December after a refit.",
    "Strike\nTalks broke down on 19 June, the union said.",
    "Rail\nLEEDS, 3 March 2025 - Fares rose from 12 March, the operator said.",
    "Cup\nLYON, 10 May 2025 - The side hopes to qualify by winning the semi-final in Turin on 14 May.",
    "Rail\nLEEDS, 3 March 2025 - The line will carry its millionth rider on a train from York on 12 March.",
])
def test_tm06_traps(text):
    assert_passes("TM06", text)


@pytest.mark.parametrize("lead, expected", [
    ("DUBLIN, 12 June 2025 - Talks", "2025-06-12"),
    ("Lima, Peru — Tuesday, May 14, 2024: The", "2024-05-14"),
    ("VALPARAISO, Chile, Nov. 25, 2024 (AP) — The", "2024-11-25"),
])
def test_dateline_date_grammar_reads_split_forms(lead, expected):
    from consistency import Article
    from consistency.testing import checker_for

    ctx = checker_for("TM06").analyze(Article.from_text("T\n" + lead + " vote was held."))
    assert ctx.reference_date is not None and ctx.reference_date.date.isoformat() == expected


def test_dateline_date_grammar_ignores_a_sentence_before_a_dash():
    from consistency import Article
    from consistency.testing import checker_for

    ctx = checker_for("TM06").analyze(Article.from_text("T\nShares fell on 3 March 2023 - a record."))
    assert ctx.reference_date is None


# --- GR03 groups.affiliation-drift ---------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Trial\nDr Esther Kamau, a vaccinologist at the Kenya Medical Research Institute, led it. "
    '"It works," said Kamau, of Makerere University.',
    "Prize\nProfessor Nomsa Dlamini of the University of the Western Cape chaired the jury. "
    '"A fine year," said Dlamini, of Stellenbosch University.',
    "Oil\n\"It leaks,\" said Gulnara Iskakova of Taza Zhaiyk, an Atyrau environmental group. "
    '"We will watch," said Iskakova, of the Energy Ministry.',
])
def test_gr03_flags_a_person_tied_to_two_bodies(text):
    assert_flags("GR03", text)


# ties read from relative clauses ("who buys for X", "who has run A&R at X", "who coordinates X's work")
# and from "head of something at X"
@pytest.mark.parametrize("text", [
    "Book fair\nYaw Mensah, who buys for the Kumasi bookshop Page & Quill, ordered 40 titles. "
    '"The covers are lovely," said Mensah, of the Abuja chain Harmattan Books.',
    "Record deal\nKatrin Aas, head of A&R at Nordlyd Records, saw the band in March.\n\n"
    '"They had one good song," said Aas, who has run A&R at Fjellsang Music since 2019.',
    pytest.param(
        "Drought aid\nAmina Yusuf, head of logistics at the Kano Water Board, opened the depots.\n\n"
        '"Demand keeps rising," said Yusuf, who coordinates Sahel Care\'s work in the region.',
        marks=pytest.mark.xfail(strict=True, reason="known gap: 'head of logistics at X' gives no affiliation "
                                "claim, and the model tags 'Sahel Care' a person")),
    "Lab results\nDr Ines Moreau, head of genomics at the Pasteur Institute, led the study. "
    '"It is robust," said Moreau, who works at the Curie Institute.',
])
def test_gr03_flags_ties_read_from_clauses(text):
    assert_flags("GR03", text)


@pytest.mark.parametrize("text", [
    "Stage race\nThe break was led by Team Akagera, run by former champion Jean-Paul Habineza.\n\n"
    '"We rode well," said Habineza, Red Sea Cycling Team\'s sports director.',
    "Fund deal\nFjell Capital, led by Kari Nygaard, bought the stake. \"It is a fair price,\" said Nygaard, "
    "of Bergen Partners Group.",
])
def test_gr03_flags_a_body_run_by_the_person(text):
    assert_flags("GR03", text)


@pytest.mark.parametrize("text", [
    pytest.param(
        "Mayoral race\nLuz Ibarra of the centrist Lima Futura list took 39 percent. Ibarra, the Callao "
        "Primero candidate, conceded.",
        marks=pytest.mark.xfail(strict=True, reason="known gap: the parse hangs 'the' on 'centrist', so "
                                "'of the ... list' is not read as a named body")),
    "Dock strike\nMaria Santos of the Harbour Workers union addressed the crowd. \"We will not move,\" said "
    "Santos, of the Transnet Drivers Guild.",
])
def test_gr03_flags_a_named_list_or_union_by_its_noun(text):
    assert_flags("GR03", text)


@pytest.mark.parametrize("text", [
    # a past tie, then a present one
    "Record deal\nKatrin Aas, who worked for Nordlyd Records, now runs A&R at Fjellsang Music.",
    # a person, not a body
    "Campaign\nAnna Berg, who works for Senator Tom Reed, spoke. Berg, of the Reed campaign, left.",
    # a vote is no tie
    "Vote\nAnna Berg, who votes for the Green Party, spoke. Berg, of the Harbour Residents Association, agreed.",
    # one body twice
    "Lab results\nDr Ines Moreau, head of genomics at the Pasteur Institute, led it. Moreau, who works at the "
    "Pasteur Institute in Paris, spoke.",
])
def test_gr03_clause_traps(text):
    assert_passes("GR03", text)


@pytest.mark.parametrize("text", [
    "Fund deal\nFjell Capital, once run by Kari Nygaard, bought the stake. \"It is a fair price,\" said Nygaard, "
    "of Bergen Partners Group.",
    "Stage race\nTeam Akagera, run by Jean-Paul Habineza, won. \"We rode well,\" said Habineza, Team Akagera's "
    "sports director.",
])
def test_gr03_run_by_traps(text):
    assert_passes("GR03", text)


@pytest.mark.parametrize("text", [
    # a people is no employer, a suspect no post
    "School prize\nAmir Hassan, a senior at Riverside High School, won. Hassan, one of many Bengali immigrants "
    "in the borough, thanked his parents.",
    # "in charge of" is no post
    "Brothers\nAnil Mehta, the younger of the two brothers in charge of India's largest private firm, resigned. "
    "Shares of Mehta Power, headed by Anil, rose.",
    "Attack\nMarc Roy, a soldier of the Canadian Forces, was hurt. Police named Luc Bernard, a Saint-Jean-sur-"
    "Richelieu terrorist suspect, as the driver.",
])
def test_gr03_people_and_status_traps(text):
    assert_passes("GR03", text)


@pytest.mark.parametrize("text", [
    "Trade\nGary Shapiro, chief executive of the Consumer Electronics Association, spoke. Shapiro, of the CEA, "
    "smiled.",
    "Trial\nDr Esther Kamau of Makerere University led it. Kamau, who also advises the Kenya Medical Research "
    "Institute, spoke.",
    "Trial\nDr Esther Kamau, formerly of Makerere University, now works for the Kenya Medical Research Institute.",
    "Board\nJane Doe, chief executive of Acme, spoke. Doe, a director of Beta Bank, agreed.",
    "Town\nJohn Smith of Leeds won. Smith, of the Green Party, was pleased.",
])
def test_gr03_traps(text):
    assert_passes("GR03", text)


@pytest.mark.parametrize("text", [
    "Hospital\nThe Madrid-based Fundación Alborada paid for the wing. Staff thanked the Barcelona-based charity.",
    "Pipeline\nPerth-based Redgum Resources lost the appeal. The Adelaide company said it would consider its options.",
    "Ship\nThe ship's Hong Kong-based manager, Lumen Ship Management, said no one was hurt. The Taiwanese firm said "
    "it was investigating.",
])
def test_gr02_flags_an_organisation_described_somewhere_else(text):
    assert_flags("GR02", text)


@pytest.mark.parametrize("text", [
    "Hospital\nThe Madrid-based Fundación Alborada paid for the wing. Staff thanked the Madrid charity.",
    "Pipeline\nPerth-based Redgum Resources lost the appeal to Adelaide's Sandfire. The Adelaide company said it "
    "was pleased.",
    "Oil\nThe Atyrau-based company Zhaiyk Oil and Noordkust Energy, a Rotterdam-based company, signed the deal.",
    "Pipeline\nPerth-based Redgum Resources lost the appeal. The Western Australian company said it would appeal.",
])
def test_gr02_organisation_traps(text):
    assert_passes("GR02", text)


# GR02 through a definite description tied to a named organisation (facts/orgrefs.py)
@pytest.mark.parametrize("text, quote", [
    ("Cup run\nThe striker plays for Real Tormes, the Salamanca-based club that was promoted in May. "
     "The win was the Portuguese club's first away from home.", "Portuguese club"),
    ("Freight\nOrient Feeder Lines, a Singapore-based carrier, cut two sailings. The Malaysian carrier said "
     "demand had fallen.", "Malaysian carrier"),
    ("Books deal\nLyon-based Éditions Valmont has bought the poet's back catalogue, giving the French group its "
     "first list of poetry. Its chief executive will join the Marseille-based group's board.", "Marseille-based"),
    ("Telescope\nVlak Optics, a Rotterdam-based maker of mirrors, won the contract. Engineers at the Belgian "
     "manufacturer will start work in June.", "Belgian manufacturer"),
])
def test_gr02_flags_a_description_of_a_named_organisation(text, quote):
    findings = assert_flags("GR02", text)
    assert any(quote in s.text for f in findings for s in f.spans)


@pytest.mark.parametrize("text", [
    # the description fits another organisation of the article
    "Freight\nOrient Feeder Lines, a Singapore-based carrier, and Kelang Shipping, a Malaysian firm, cut sailings. "
    "The Malaysian carrier said demand had fallen.",
    # the same place, written as a city and as its country
    "Cup run\nThe striker plays for Real Tormes, the Salamanca-based club. The win was the Spanish club's first "
    "away from home.",
    # another company named just before the description
    "Court case\nPerth-based Redgum Resources lost to Kuna Mining in the appeal court. The Adelaide company said "
    "it was pleased.",
    # a university is no firm
    "Research\nThe Oslo-based Nordic Institute of Marine Science signed with Bergen Labs. The Danish firm will "
    "supply the sensors.",
])
def test_gr02_description_traps(text):
    assert_passes("GR02", text)


# GR02 for a group of people named by its collective noun ("a team of Ghanaian doctors" ... "the team")
@pytest.mark.parametrize("text, quote", [
    ("Flood relief\nA team of six Kenyan nurses arrived at the camp on Monday. The Tanzanian team has treated 400 "
     "patients since.", "Tanzanian team"),
    ("Regatta\nSecond was Aurora, sailed by a crew of Danish students. The Norwegian crew said the night was "
     "the hardest part.", "Norwegian crew"),
    ("Festival\nThe Chilean duo Vientos will open the festival. The promoter said she booked the Bolivian duo "
     "after one demo.", "Bolivian duo"),
    ("Excavation\nA team of five Greek archaeologists spent a month at the site. The Turkish diggers found "
     "a mosaic under the floor.", "Turkish diggers"),
])
def test_gr02_flags_a_collective_group_described_by_another_nationality(text, quote):
    findings = assert_flags("GR02", text)
    assert any(quote in s.text for f in findings for s in f.spans)


@pytest.mark.parametrize("text", [
    # two crews, each of its own nationality
    "Regatta\nSecond was Aurora, sailed by a crew of Danish students, and third Skarv, with a Norwegian crew. "
    "The Norwegian crew said the night was the hardest part.",
    # a definite group far from the collective one is another group
    "Excavation\nA team of five Greek archaeologists spent a month at the site. They mapped the walls. The walls "
    "were old. Rain stopped work. The Turkish workers who dug the trench were paid on Friday.",
    # the first mention of a team, no group introduced before it
    "Cup final\nThe Brazilian team won the final. The French team were second.",
])
def test_gr02_collective_traps(text):
    assert_passes("GR02", text)


# --- NM03 naming.name-order -------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Final\nZhao Weiming scored 27 points on Thursday. Weiming Zhao, 26, also had ten rebounds.",
    "Ship\nCaptain Haoran Zhou said the crew was safe. Zhou Haoran, 54, has sailed for 30 years.",
    # courts: a hyphenated Korean given name moved last in a sentence the parser does not tag
    "Fraud ring\nInspector Park Ji-hoon led the raid in Incheon on Monday. Park said 14 people were held. "
    "Ji-hoon Park said most of the money had gone abroad.",
    # culture: a title before the given name alone, as if it were the family name
    "Calligrapher dies\nChen Li-wei, a master of seal script, died on Friday. Mr Chen taught for 40 years. "
    "In 1990 Mr. Li-wei opened a school in Tainan.",
])
def test_nm03_flags_a_name_in_both_orders(text):
    assert_flags("NM03", text)


@pytest.mark.parametrize("text", [
    "Final\nZhao Weiming scored 27 points. Zhao, 26, also had ten rebounds, and Li Na added twelve.",
    "Court\nJohn Smith sued Smith John Ltd over the name.",
    "Tennis\nNa Li beat Li Ting. Li Ting said Na Li had played well.",
    "Fraud ring\nInspector Park Ji-hoon led the raid on Monday. Park said 14 people were held. "
    "Ji-hoon, as colleagues call him, said most of the money had gone abroad.",
    "Calligrapher dies\nChen Li-wei died on Friday. Mr Chen taught for 40 years; Li-wei Arts, his school, "
    "will stay open.",
    # a name of one word twice has no order to confuse
    "Children's TV\nThe puppet Laa Laa returns this spring. Laa Laa and Po will sing.",
])
def test_nm03_traps(text):
    assert_passes("NM03", text)


@pytest.mark.parametrize("text, flagged", [
    ("Rheinwerk wins battle for pump maker\nSwedish group Norrsken Industrier won the contest for the pump maker "
     "after its rival, Rheinwerk, pulled out.", True),
    ("Norrsken wins battle for pump maker\nSwedish group Norrsken Industrier won the contest for the pump maker "
     "after its rival, Rheinwerk, pulled out.", False),
    ("Rovers win derby\nRovers won 3-1 on Saturday. City had beaten them in August.", False),
])
def test_hl02_winner(text, flagged):
    if flagged:
        assert_flags("HL02", text)
    else:
        assert_passes("HL02", text)


# --- QT04 quantities.restated-value --------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Conductor\nVolkova will sign a five-year contract on Monday. Critics welcomed the four-year contract.",
    "Council\nThe council voted to buy 22 electric garbage trucks. The city expects the 26 trucks to cut costs.",
])
def test_qt04_flags_a_figure_restated_differently(text):
    assert_flags("QT04", text)


@pytest.mark.parametrize("text", [
    "Conductor\nVolkova will sign a five-year contract. The orchestra extended the four-year contract of her "
    "predecessor.",
    "Council\nThe council bought 22 trucks in 2020. It now plans to buy more, and the 26 trucks will arrive in May.",
    "Profit\nSales rose 4% in March. The 5% rise in April surprised analysts.",
    "Player\nTom Hughes, 27, has played for 14 years. The 27-year-old said he was happy.",
    "Council\nThe council bought 22 trucks. The 22 trucks arrived in May.",
    # "that" is a complementiser here, not "those": two sets of flights (BBC business/064)
    "Delays\nThe airline cancelled 77 short-haul flights. Its spokesman said that 92 outgoing flights were "
    "delayed by an hour.",
    # a size that names a model or another thing ("the 13-inch MacBook Air", "the 10-building project")
    "Laptop\nThe new laptop will have a 12-inch screen, and it is smaller than the 13-inch Vista Pro.",
    "Offices\nThe firm bought six buildings from Halden. Nearby, the 10-building campus was sold to Arlo.",
])
def test_qt04_traps(text):
    assert_passes("QT04", text)


def test_qt01_more_deaths_are_an_addition_not_a_conflict():
    assert_passes("QT01", "Quake\nFour people were killed in the town. Two more deaths were reported in a village on Friday.")


# --- RL05: one organisation's single-holder role given to two people -----------------------------
@pytest.mark.parametrize("text, quote", [
    ("Rugby final\nWaikato Club Rugby Board chief executive Aroha Tipene presented the trophy.\n\n"
     "Board chief executive Grant Muir said the crowd was the biggest in a decade.", "chief executive"),
    ("Oil spill\nAigerim Tulegenova, head of the Atyrau regional ecology department, approved the restart.\n\n"
     "Marat Zhumabayev, head of the regional ecology department, said a fine was issued.", "head"),
    ("Organ\nThe chairwoman of the parish council, Guðrún Haraldsdóttir, thanked the town.\n\n"
     "The chairman of the parish council, Ólafur Sveinsson, said the loan would be repaid.", "chairman"),
    ("Election\nThe outgoing governor, Rodrigo Mella Carrasco, did not seek re-election.\n\n"
     "Outgoing governor Hernán Toro said he would meet the winner this week.", "governor"),
])
def test_rl05_flags_one_post_with_two_holders(text, quote):
    assert_flags("RL05", text, [quote])


@pytest.mark.parametrize("text", [
    # each club has its own captain
    "Derby\nMiguel Ortiz, the club's captain, scored. For the visitors, Tomas Berg, the club's captain, "
    "missed a penalty.",
    # a past holder
    "Board\nAroha Tipene, chief executive of the Waikato Rugby Board, spoke. Grant Muir, the former chief "
    "executive of the Waikato Rugby Board, listened.",
    # two different organisations
    "Merger\nAna Ruiz, chief executive of Acme Foods, met Luis Vidal, chief executive of Beta Foods.",
    # a governor and a governor without anything tying them to one post
    "Summit\nGovernor Ana Lopez of Texas met Governor Tom Reed of Ohio.",
    # one outgoing, one incoming
    "Handover\nThe outgoing governor, Rodrigo Mella, met the new governor, Ignacio Rojas.",
])
def test_rl05_passes_separate_posts(text):
    assert_passes("RL05", text)


# RL05 through "the airline's", "the company's": the named organisation the description stands for
@pytest.mark.parametrize("text, quote", [
    ("Strike\nCabin crew at Fjord Air will strike on Friday, the Nordic Cabin Staff Union said. The union "
     "represents 600 of the Bergen-based airline's crew.\n\nThe airline's chief executive, Kari Nygaard, said "
     "talks had failed. On Sunday Fjord Air's chief executive, Lars Holm, apologised to passengers.",
     "chief executive"),
    ("Season launch\nTeatro Sul, the Porto-based touring company, announced its season.\n\n\"We wanted "
     "new work,\" said the company's artistic director, Inês Moura. Teatro Sul's artistic director, Rui Costa, "
     "said tickets sold fast.", "artistic director"),
    ("Transfer\nDesportivo Quinteiro, the Lisbon-based club, sold its striker. The club's president, Vasco Pires, "
     "called it a fair deal.\n\nQuinteiro's president, Nuno Dias, said the money would go on the stadium.",
     "president"),
])
def test_rl05_flags_a_post_of_a_described_organisation(text, quote):
    assert_flags("RL05", text, [quote])


@pytest.mark.parametrize("text", [
    # "the company" is the other company named just before it
    "Merger\nAcme Foods, the Leeds-based grocer, bought Beta Mills. The company's chief executive, Ann Lee, "
    "stays. Acme Foods's chief executive, Tom Ray, welcomed her.",
    # a speaker's description before the name, no second holder
    "Cup exit\n\"We were not good enough,\" said the club's head coach, Marta Lindqvist, after the defeat.",
])
def test_rl05_described_organisation_traps(text):
    assert_passes("RL05", text)


def test_role_read_after_a_speech_verb():
    findings = assert_flags("RL03", "Cup exit\nMarta Lindqvist, the club's striker, scored. \"We were not good "
                            "enough,\" said the club's head coach, Marta Lindqvist, after the defeat.")
    assert "head coach" in findings[0].message


# --- KN01 over the ledger's kin claims: couples, double surnames, first names ----------------------
_FAMILY = ('Quake\n"We heard the walls crack," said Rogelio Santiago López, 57, who runs a bakery with his wife, '
           'Teresa Cruz Jiménez.\n\nTheir son, Omar Santiago Cruz, 22, helped neighbours. '
           'Their daughter, {daughter}, a nursing student, volunteered at a first-aid post.')


def test_kn01_flags_a_child_without_the_fathers_surname_under_the_double_surname_custom():
    assert_flags("KN01", _FAMILY.format(daughter="Fernanda Ruiz Cruz"), ["daughter"])


def test_kn01_passes_a_child_with_both_parents_surnames():
    assert_passes("KN01", _FAMILY.format(daughter="Fernanda Santiago Cruz"))


def test_kn01_flags_a_son_with_another_surname_through_a_pronoun():
    text = ("Farm trial\nAmong the growers was Hendrik Steenkamp, whose family has farmed near Moorreesburg for "
            "four generations. His son, Riaan Botha, who runs the farm, said the difference was plain.")
    assert_flags("KN01", text, ["His son"])


def test_kn01_passes_a_relative_named_by_first_name_only():
    assert_passes("KN01", "Cuba\nRaul Castro, the brother of Fidel, took power in 2008. Fidel had ruled since 1959.")


def test_kn01_passes_an_icelandic_son_named_after_his_father():
    text = ("Glacier\nEinar Magnússon, 71, has measured the glacier since 1980. Einar walks the ice each spring, "
            "and his son, Ari Einarsson, now joins him.")
    assert_passes("KN01", text)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("the Met's Counter Terrorism Command", "the Metropolitan Police's Counter Terrorism Command", True),
    ("Met's Counter", "Metropolitan Police's Counter Terrorism Command", True),  # a name the parse cut short
    ("Acme's board", "Zeta's board", False),  # two owners: two boards
    ("Patrolmen's Benevolent Association", "Sergeants Benevolent Association", False),  # FNC 1517
    ("Makerere University", "the Kenya Medical Research Institute", False),
])
def test_same_organisation_reads_the_owner_before_a_possessive(a, b, same):
    from consistency.understanding.lexicon import same_organisation
    assert same_organisation(a, b) is same


# --- RL03: one government's portfolios, shadow against government, chief officers ---------------
@pytest.mark.parametrize(("text", "quote"), [
    ("Budget row\nPrime Minister Tony Ade defended the plan. Labour figures agreed. Later, Home Secretary Tony Ade "
     "said taxes would not rise.", "Home Secretary"),  # politics; "Home" tagged ORG
    ("Budget row\nChancellor Gordon Reid set out the budget. The opposition attacked it. Shadow chancellor Gordon "
     "Reid said it was fair.", "Shadow chancellor"),
    ("Results\nAcme chief executive Jane Hall said sales rose. Analysts were pleased. Jane Hall, the chief "
     "financial officer, said costs fell.", "chief financial officer"),  # business
])
def test_rl03_flags_two_portfolios_or_two_chief_offices(text, quote):
    # portfolios at info until hypothetical offices ("a prime minister-in-waiting") are read as such
    assert_flags("RL03", text, quotes=[quote], min_severity="info")


@pytest.mark.parametrize("text", [
    "Reshuffle\nJack Straw, the former home secretary, is now foreign secretary. Mr Straw said he was proud.",
    "Reshuffle\nHome Secretary Jack Straw said the foreign secretary, Robin Cook, agreed.",
    "Reshuffle\nHome Secretary Jack Straw became foreign secretary in 2001.",
    "Results\nJane Hall, chief executive and managing director of Acme, said sales rose.",
    "Talks\nForeign Minister Sergei Lavrov met Prime Minister Mikhail Mishustin. Lavrov said the talks went well.",
])
def test_rl03_portfolio_traps(text):
    assert_passes("RL03", text)


# --- RL03: a managing director runs the company, as a chief executive does (session 8, #13) ------------
@pytest.mark.parametrize(("text", "quote"), [
    ("Oil demand\nJohn Westley, managing director of Petroscope, said imports would grow. Demand for diesel "
     "rose by 4%. \"We forecast a decline in output,\" Mr Westley, the chief operating officer, said.",
     "chief operating officer"),  # business
    ("Label results\nThe label's managing director, Ines Duarte, said streaming revenue doubled. Touring income "
     "fell. Ines Duarte, the chief financial officer, said the label would sign more acts.",
     "chief financial officer"),  # culture
])
def test_rl03_flags_a_managing_director_later_another_chief_officer(text, quote):
    assert_flags("RL03", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    # an executive director or the company secretary may be the finance chief too
    "Results\nJane Hall, an executive director of Acme, said sales rose. Jane Hall, the chief financial officer, "
    "said costs fell.",
    "Results\nTom Reid, the company secretary, read the notice. Tom Reid, who is also the chief financial "
    "officer, said the dividend would rise.",
    # a managing director named beside another person who is the chief operating officer
    "Results\nJane Hall, managing director of Acme, said sales rose. Tom Reid, the chief operating officer, "
    "said costs fell.",
])
def test_rl03_managing_director_traps(text):
    assert_passes("RL03", text)


# --- GR02: a group introduced by the country it comes from (session 8, #13) ----------------------------
@pytest.mark.parametrize(("text", "quote"), [
    # disaster: "the rescuers" are those the search-and-rescue team was named for, paragraphs later
    ("Cyclone hits port\nA 30-member search-and-rescue team from South Africa landed at the airport on Monday "
     "with inflatable boats. The storm flattened homes across the district. Roads were closed. Power was cut "
     "to most of the city. By late afternoon, the Tanzanian rescuers had begun ferrying families from "
     "rooftops.", "Tanzanian rescuers"),
    # science: a delegation, then the same noun with another country
    ("Dam inspection\nA delegation from Brazil arrived on Monday to inspect the dam. The Argentine delegation "
     "said the structure was sound.", "Argentine delegation"),
    # sport: a climbing team, then "the climbers"
    ("Summit reached\nA six-strong climbing team from Nepal reached the summit on Tuesday. Winds had kept "
     "them in camp for a week. Supplies ran low. Two tents were lost. The Bhutanese climbers came down "
     "on Thursday.", "Bhutanese climbers"),
])
def test_gr02_flags_a_group_from_one_country_later_of_another(text, quote):
    assert_flags("GR02", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    # the other country is named: a group from there may be meant
    "Dam inspection\nA delegation from Brazil arrived on Monday to inspect the dam. Officials from Argentina "
    "joined them. The Argentine delegation said the structure was sound.",
    # a city, not a country: no nationality is read from it
    "Cup tie\nA team from Manchester arrived on Friday. The Spanish team trained on Saturday.",
    # "the team from Kenya" points back, it introduces no group
    "Relief\nThe team from Kenya arrived on Monday. Aid workers unloaded the boxes. The storm passed. Roads "
    "opened. The Ugandan rescuers came on Friday.",
    # rescuers far from a team not named for rescue: another group
    "Relief\nA medical team from Kenya arrived on Monday. Aid workers unloaded the boxes. The storm passed. "
    "Roads opened. The Ugandan rescuers came on Friday.",
])
def test_gr02_group_from_a_country_traps(text):
    assert_passes("GR02", text)


# --- ties and posts read in more phrasings (session 9, #13) -------------------------------------
@pytest.mark.parametrize("code, text", [
    # cycling: a participle after the person gives the team, the quote's description another
    ("GR03", "Mountain stage\nMarco Ferri, a 24-year-old Italian racing for the Dolomiti Cycling squad, "
     "attacked on the last climb.\n\n\"My legs were empty,\" said Ferri, the Adriatica Pro rider, after the finish."),
    # journalism: a participle, then "of" another paper
    ("GR03", "Press award\nAyesha Raza, writing for the Lahore Courier, broke the story in May.\n\n"
     "\"It took a year,\" said Raza, of the Karachi Herald."),
    # academia: "of" after the agent of a passive, then "at" another university
    ("GR03", "Inquiry report\nThe review was led by Professor Amara Diallo of the University of Dakar, an "
     "economist.\n\n\"The numbers were poor,\" said Diallo, a professor at Gaston Berger University."),
    # politics: "its" owner, then another party's post
    ("GR03", "Council vote\nThe UDF's list was drawn up by its general secretary, Nalini Perera, in June.\n\n"
     "\"We knocked on every door,\" said Perera, the SLPP's campaign chief."),
    # crafts: a time in office as secretary of one body, secretary of another
    ("RL04", "Craft fair\nRuth Adeyemi, secretary of the Weavers Guild, opened the fair on Saturday.\n\n"
     "Adeyemi, who is in her third term as secretary of the Potters Union, said stalls had sold out."),
])
def test_people_bodies_read_in_more_phrasings_are_compared(code, text):
    assert_flags(code, text)


@pytest.mark.parametrize("code, text", [
    # one team twice, its name with a dash
    ("GR03", "Stage race\nPieter de Wit, a Belgian riding for the team Brabo–Lindemann, took the sprint.\n\n"
     "\"The lead-out was perfect,\" said de Wit, Brabo–Lindemann's sprinter."),
    # one body twice, the second time as a tenure
    ("RL04", "Craft fair\nRuth Adeyemi, secretary of the Weavers Guild, opened the fair on Saturday.\n\n"
     "Adeyemi, who is in her third term as secretary of the Weavers Guild, said stalls had sold out."),
    # "its" after a common noun's owner names no body: nothing to compare
    ("GR03", "Board changes\nThe company's board said its chairman, Ravi Menon, would stay.\n\n"
     "\"I am staying,\" said Menon, of Kerala Mills."),
    # a past time in office is no current post
    ("RL04", "Craft fair\nRuth Adeyemi, secretary of the Weavers Guild, opened the fair on Saturday.\n\n"
     "Adeyemi, who was in her third term as secretary of the Potters Union in 2015, said stalls had sold out."),
])
def test_people_bodies_read_in_more_phrasings_traps(code, text):
    assert_passes(code, text)


@pytest.mark.parametrize("text", [
    # football: a post of one club, then a participle of speaking for the other (a club name the
    # small model takes for a person's)
    "Transfer done\nTomas Eriksen, Vardar Borg's sporting director, confirmed the fee on Monday.\n\n"
    "Eriksen, speaking for Kolvik Idrottsklubb, said the player would train on Tuesday.",
    # publishing: a commercial director of one house, then "of" another
    "Book fair\nRania Khoury, Cedar Press's commercial director, opened the stand on Friday.\n\n"
    "\"Sales were strong,\" said Khoury, of Olive Tree Books.",
])
def test_gr03_a_director_of_a_post_and_speaking_for_another_body(text):
    assert_flags("GR03", text)


def test_gr03_a_board_director_beside_another_post_is_no_drift():
    assert_passes("GR03", "Board news\nRania Khoury, a non-executive director of Cedar Press, spoke first.\n\n"
                  "\"Sales were strong,\" said Khoury, of Olive Tree Books.")


# RL05 through a bare title ("Mayor X", "President X"): the post of the body the story is about
@pytest.mark.parametrize("text, quote", [
    # town hall: two bare mayors of the one council
    ("Library vote\nThe council voted 7-4 to close the branch library on Elm Street. Mayor Ingrid Solheim "
     "backed the closure.\n\nResidents protested outside. \"We listened to everyone,\" Mayor Daniel Frasier "
     "told the meeting.", "Mayor"),
    # business: a bare president, then the company's president by name
    ("Marwick Brewing lifts forecast\nMarwick Brewing raised its profit forecast on Thursday. President Pieter Vos "
     "said exports to Asia had grown.\n\nMarwick's president, Joost de Wit, said a new plant would open.",
     "president"),
    # a club: a bare title with the club's noun before it, then the club by name
    ("Atletico Vallese stadium plan\nThe plan was drawn up by club president Aurelio Marchetti, who bought the club in 2019. "
     "Supporters welcomed it.\n\nAtletico Vallese's president, Franco Bellini, said building starts in May.",
     "president"),
])
def test_rl05_flags_a_bare_title_and_a_second_holder(text, quote):
    assert_flags("RL05", text, [quote])


@pytest.mark.parametrize("text", [
    # two countries' presidents, both bare or one by its country
    "Summit\nPresident George Bush met President Jacques Chirac in Paris on Monday. Both men praised the talks.",
    "Summit\nFrench President Jacques Chirac greeted his guest. Later, President George Bush spoke to reporters.",
    # each side of a match has its own captain
    "Cup tie\nCaptain Sam Otieno scored twice. The visitors replied through captain Leon Hardy.",
    # a bare mayor who is a former holder
    "Bridge opens\nMayor Ruth Okoye cut the ribbon on Friday. Cheers rang out.\n\nMayor Colin Dube, "
    "who was mayor until 2018, said the bridge was his idea.",
    # a bare title and a town's post: two towns
    "Twinning\nMayor Erik Lund signed the pact. The guests were welcomed.\n\nBergamo's mayor, Luca Ferri, "
    "thanked his hosts.",
    # one person under the title twice
    "Budget\nMayor Ingrid Solheim presented the budget. It passed. \"We kept taxes flat,\" said Mayor Ingrid "
    "Solheim.",
])
def test_rl05_bare_title_traps(text):
    assert_passes("RL05", text)


@pytest.mark.parametrize("text", [
    # a head of state beside a firm's president: the headline is about neither body
    "Jobs growth slows\nThe economy added 90,000 jobs. President Dana Whitlow can claim a gain.\n\n"
    "\"It is modest,\" said Brightline Analytics president Omar Feld.",
    # the chairman of the headline's carmaker beside its partner's chairman
    "Carmaker hails record year\nVolta Motors lifted profit by 40%. Chairman Ruth Amsel called it a great year.\n\n"
    "Kaito Motors' chairman, Ren Ito, said the alliance had helped.",
])
def test_rl05_bare_title_of_another_body_passes(text):
    assert_passes("RL05", text)
