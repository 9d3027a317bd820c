"""NM01 spelling variants and NM02 person-name conflicts: flagged cases and the traps."""

from __future__ import annotations

import pytest

from consistency.testing import assert_flags, assert_passes, make_article, run_rule

pytestmark = pytest.mark.slow


# --- NM01 naming.spelling-variant ---------------------------------------------------------
def test_naming_flags_country_variant_against_majority_spelling():
    text = ("Belarus shuts border\n"
            "Belarus closed its border with Poland. Officials in Belarus said trade would suffer. "
            "While Belarusia remains isolated, its exports to Russia grew.")
    findings = assert_flags("NM01", text, quotes=["Belarusia"])
    assert "Belarus" in findings[0].message and "Belarusia" in findings[0].message
    assert all(e.text == "Belarus" for e in findings[0].evidence)


def test_naming_flags_surname_transliteration_variant():
    text = ("Leader speaks\n"
            "President Alexander Lukashenko spoke on Monday. Lukashenko said the talks failed. "
            "Critics say Lukashenka has ruled since 1994.")
    assert_flags("NM01", text, quotes=["Lukashenka"])


def test_naming_flags_swapped_first_letter_transliteration():
    text = ("Libya talks\n"
            "Muammar Gaddafi met envoys in Tripoli. Gaddafi rejected the plan. "
            "Aides said Qaddafi would travel to Rome.")
    assert_flags("NM01", text, quotes=["Qaddafi"])


@pytest.mark.parametrize("pair", [("Austria", "Australia"), ("Niger", "Nigeria"), ("Slovakia", "Slovenia"),
                                  ("Iran", "Iraq")])
def test_naming_passes_two_real_countries(pair):
    a, b = pair
    text = f"Trade talks\n{a} signed a deal with {b} on Monday. Officials in {a} welcomed it, and {b} agreed."
    assert_passes("NM01", text)


def test_naming_passes_demonyms_plurals_and_possessives():
    text = ("Belarus and its people\n"
            "Belarus said Belarusian troops would stay home. The Belarusians were relieved. "
            "Belarus's neighbours agreed; Russia and the Russians, and Ukraine and Ukrainian "
            "officials, also agreed. Croatia said Croat soldiers were ready.")
    assert_passes("NM01", text)


def test_naming_passes_different_people_sharing_a_stem():
    text = ("Ministers clash\n"
            "Gordon Brown met Des Browne on Monday. Mr Brown said Mr Browne had done well. "
            "Boris Johnson and Mark Johnston also attended.")
    assert_passes("NM01", text)


def test_naming_passes_british_and_american_spellings():
    text = ("Labour and Labor\n"
            "Labour leaders met members of the Australian Labor Party. The Labour delegation was small.")
    assert_passes("NM01", text)


# --- NM02 naming.person-name-conflict ------------------------------------------------------
def test_naming_flags_two_first_names_for_one_office_holder():
    text = ("Lavrov visits Minsk\n"
            "Foreign Minister Sergei Lavrov arrived in Minsk on Monday. Lavrov met officials. "
            "Foreign Minister Vladimir Lavrov told reporters the talks went well.")
    findings = assert_flags("NM02", text, quotes=["Vladimir Lavrov"])
    assert "Sergei" in findings[0].message and "Vladimir" in findings[0].message


def test_naming_flags_two_surname_spellings_with_one_first_name():
    text = ("Leader re-elected\n"
            "Alexander Lukashenko won the vote. Observers said Alexander Lukashenka had jailed rivals.")
    assert_flags("NM02", text, quotes=["Alexander Lukashenka"])


def test_naming_passes_couples_and_siblings():
    assert_passes("NM02", "Clintons campaign\nHillary and Bill Clinton campaigned in Ohio. "
                          "Hillary Clinton spoke first.")
    assert_passes("NM02", "Brothers meet\nEd Miliband met his brother David Miliband. "
                          "David Miliband later left.")
    assert_passes("NM02", "Couple in court\nMr and Mrs Smith arrived. John Smith spoke; Mary Smith did not.")


def test_naming_passes_nicknames_and_initials():
    text = ("Former president speaks\n"
            "Bill Clinton spoke in Harlem. William Clinton's foundation paid for it. "
            "Tony Blair and Anthony Blair are one man, as are J. Smith and John Smith.")
    assert_passes("NM02", text)


def test_naming_unrelated_same_surname_is_info_at_most():
    text = ("Two Smiths\n"
            "John Smith opened the shop on Monday. Later, Peter Smith closed it.")
    assert not run_rule("NM02", text, min_severity="warning")


def test_naming_passes_place_and_similar_person_name():
    text = ("Columnist in France\n"
            "Matthew Parris flew to Paris on Monday. Mr Parris said Paris was cold, and Paris agreed.")
    assert_passes("NM01", text)


def test_naming_first_name_variants_are_info_at_most():
    text = ("Hijackers named\n"
            "Mohammed Atta led the group. Mohammed Atta trained in Florida, where Mohammed Atta lived. "
            "Preachers cited the Prophet Muhammad.")
    assert not run_rule("NM01", text, min_severity="warning")


def test_naming_passes_common_word_inside_a_name():
    text = ("Firm quits Iraq\n"
            "Contrack International left the contract. Contrack said costs rose, and the Project "
            "and Contract Office took over Contrack's work.")
    assert_passes("NM01", text)


def test_naming_flags_two_first_names_for_one_president_of_one_country():
    text = ("Kremlin\nRussian President Vladimir Putin spoke. Russian President Dmitry Putin "
            "then left the room.")
    assert_flags("NM02", text, quotes=["Dmitry Putin"])


def test_naming_flags_first_name_spelled_two_ways():
    text = ("Ivanov visits Berlin\nSergei Ivanov flew to Berlin. Sergei Ivanov met Angela Merkel, "
            "and Sergey Ivanov then flew home.")
    assert_flags("NM02", text, quotes=["Sergey Ivanov"])


def test_naming_flags_swapped_letters_in_surname():
    text = ("Merkel speaks\nAngela Merkel spoke in Berlin. Merkel said the euro was safe. "
            "Critics said Merkle had waited too long.")
    assert_flags("NM01", text, quotes=["Merkle"])


def test_naming_passes_two_similar_but_distinct_first_names():
    text = ("Couple honoured\nMark Smith and his colleague met Mary Smith on Monday. Later Mary Smith "
            "spoke, and Martin Jones thanked Marvin Jones.")
    assert_passes("NM02", text)


def test_naming_flags_transliterated_first_name():
    text = ("Minister quits\nViktor Makarov resigned on Monday. Viktor Makarov had served for ten years, "
            "and Victor Makarov said he would now rest.")
    assert_flags("NM02", text, quotes=["Victor Makarov"])


# --- NM02: a later slip of an established person's first name --------------------------------
def test_naming_flags_honorific_mention_given_another_first_name():
    text = ("Budget row\n"
            "Gordon Brown set out his budget on Wednesday. Mr Brown said growth would be strong. "
            "Critics were unconvinced, but Peter Brown said the plans were fully costed.")
    findings = assert_flags("NM02", text, quotes=["Peter Brown"])
    assert "Peter" in findings[0].message and "Gordon Brown" in findings[0].message
    assert findings[0].evidence[0].text == "Gordon Brown"


def test_naming_flags_repeated_full_name_with_changed_first_name():
    text = ("Chief quits\n"
            "Mikhail Khodorkovsky left the firm on Monday. Lawyers for Khodorkovsky appealed. "
            "The court heard that Anne Khodorkovsky had moved his shares abroad in 2003.")
    assert_flags("NM02", text, quotes=["Anne Khodorkovsky"])


def test_naming_passes_relative_introduced_earlier():
    text = ("Chancellor on tour\n"
            "Gordon Brown toured Africa with his wife on Monday. Mr Brown met aid workers. "
            "Later in the week Sarah Brown visited a school in Lusaka.")
    assert_passes("NM02", text)


def test_naming_passes_couples_joined_by_and():
    text = ("Party conference\n"
            "Tony Blair spoke to the conference on Tuesday. Mr Blair was cheered by delegates. "
            "Officials said Tony and Cherie Blair would leave by train afterwards.")
    assert_passes("NM02", text)
    text = ("Party conference\n"
            "Tony Blair spoke to the conference on Tuesday. Mr Blair was cheered by delegates. "
            "Guests included Cherie Blair and several cabinet ministers at the dinner.")
    assert_passes("NM02", text)


def test_naming_passes_namesake_with_an_office_of_its_own():
    text = ("Election strategist\n"
            "Michael Howard denied the report on Monday. Mr Howard said it was untrue. "
            "The strategist helped Australia's PM, John Howard, win four elections.")
    assert_passes("NM02", text)
    text = ("Police warning\n"
            "Tony Blair defended his plans on Monday. Mr Blair said the risk was real. "
            "Metropolitan Police Commissioner Ian Blair said terror groups were watching.")
    assert_passes("NM02", text)
    text = ("Police warning\n"
            "Tony Blair defended his plans on Monday. Mr Blair said the risk was real. "
            "Ian Blair, the Metropolitan Police Commissioner, said terror groups were watching.")
    assert_passes("NM02", text)


def test_naming_passes_knight_named_before_the_namesake():
    text = ("Terror warning\n"
            "Sir Ian Blair said terror groups would remember the effect of the Madrid bomb. "
            "The comments come after Tony Blair defended his proposals. But Mr Blair insisted the plan was fair.")
    assert_passes("NM02", text)


def test_naming_passes_slogans_and_organisations():
    text = ("Conference mood\n"
            "Tony Blair told Labour he was back. Mr Blair was cheered by the hall.\n\n"
            "Vote Blair, Get Brown\n\n"
            "Activists said Gordon Brown's speech had fired them up.")
    assert_passes("NM02", text)
    text = ("Takeover bid\n"
            "Shares in Manchester United rose. Manchester United said it had received an offer. "
            "Fans backed the supporters' group, Shareholders United, and other shareholders agreed.")
    assert_passes("NM02", text)


def test_naming_passes_namesake_in_a_quotation_or_with_a_remark():
    text = ("Campaign trail\n"
            "Gordon Brown visited Leeds on Friday. Mr Brown spoke about jobs. "
            'One voter said: "My neighbour Peter Brown always votes Labour, whatever happens."')
    assert_passes("NM02", text)
    text = ("Campaign trail\n"
            "Gordon Brown visited Leeds on Friday. Mr Brown spoke about jobs. "
            "A local teacher, Peter Brown (no relation), asked about school funding.")
    assert_passes("NM02", text)


def test_naming_passes_possessive_organisation_of_the_namesake():
    text = ("Legal advice\n"
            "Tony Blair dismissed questions about the advice. Mr Blair said it was a fair summary. "
            "The claims were made by a member of Cherie Blair's Matrix Chambers in a new book.")
    assert_passes("NM02", text)


def test_naming_passes_namesake_with_a_descriptor_or_other_gender():
    text = ("Campaign trail\n"
            "Gordon Brown visited Leeds on Friday. Mr Brown spoke about jobs for an hour. "
            "Afterwards local teacher Peter Brown asked about school funding.")
    assert_passes("NM02", text)
    text = ("Thatcher years\n"
            "Margaret Thatcher came to power in 1979. Mrs Thatcher cut taxes in her first budget. "
            "Observers said Denis Thatcher stayed out of politics, and Mr Thatcher rarely spoke.")
    assert_passes("NM02", text)


def test_naming_passes_namesake_in_a_multi_sentence_quotation_or_a_thing_name():
    text = ("Campaign trail\n"
            "Gordon Brown visited Leeds on Friday. Mr Brown spoke about jobs for an hour.\n"
            'One voter was unmoved: "I have voted for years. Peter Brown from next door agrees with me."')
    assert_passes("NM02", text)
    text = ("Charity gala\n"
            "Tony Blair attended the gala on Friday. Mr Blair spoke about aid for an hour. "
            "Money raised will go to the Cherie Blair Foundation for Women next year.")
    assert_passes("NM02", text)


def test_naming_flags_slip_despite_generic_family_words():
    text = ("Budget for families\n"
            "Gordon Brown set out his budget on Wednesday. Mr Brown said working families would gain. "
            "Critics were unconvinced, but Peter Brown said the plans were fully costed.")
    assert_flags("NM02", text, quotes=["Peter Brown"])


def test_naming_passes_relatives_behind_an_owned_family_word():
    text = ("Chancellor on holiday\n"
            "Gordon Brown left for Cornwall on Friday. Mr Brown took his family with him. "
            "Neighbours said Sarah Brown had booked the cottage months ago.")
    assert_passes("NM02", text)
    text = ("Chancellor on holiday\n"
            "Gordon Brown left for Cornwall on Friday. Mr Brown was seen on the beach. "
            "Wife of the chancellor, Sarah Brown had booked the cottage months ago.")
    assert_passes("NM02", text)


@pytest.mark.parametrize(("text", "quote"), [
    ("Court ruling\nJudge Amelia Whitcombe dismissed the appeal on Tuesday. The hearing lasted two days. "
     "\"The law is clear,\" Whitford said after the ruling.", "Whitford"),
    ("Cup final\nStriker Tomasz Kowalczyk scored twice for the visitors in the second half. "
     "Kowalewski, 27, had missed the semi-final through injury.", "Kowalewski"),
    ("Merger talks\nThe bank's chief executive, Anneke Vandermeulen, confirmed the talks on Monday. "
     "Vandermeersch, who joined the bank in 2015, said a deal was months away.", "Vandermeersch"),
    ("Lab result\nThe study was led by Dr Ingrid Sandqvist of the national institute. Sandberg said the "
     "effect was larger in older patients.", "Sandberg"),
])
def test_naming_flags_an_unintroduced_surname_close_to_an_introduced_one(text, quote):
    assert_flags("NM02", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    # the other name is introduced in full
    "Court ruling\nJudge Amelia Whitcombe dismissed the appeal. Counsel Mark Whitford disagreed. "
    "\"The law is clear,\" Whitford said.",
    # one name extends the other: two surnames, not a slip
    "Election\nGordon Brown spoke in Leeds on Monday. Brownlee, 44, a local councillor, disagreed.",
    # not similar enough
    "Lab result\nThe study was led by Dr Ingrid Sandqvist of the institute. Larsson said the effect was large.",
    # a place that says something
    "Talks\nForeign Minister Jan Moravec met envoys on Monday. Moravia said the border would stay open.",
    # used on its own account several times
    "Match report\nLiam Hendry scored first on Saturday. Henderson, 29, equalised. Henderson then hit the post, "
    "and Henderson was booked late on.",
])
def test_naming_passes_unintroduced_surname_traps(text):
    assert_passes("NM02", text)


def test_naming_flags_a_first_name_one_letter_off_despite_a_description():
    # science: the slip comes with a relative clause of its own, but the first names are one letter apart
    text = ("Telescope upgrade\nDr Diana Vogelsang leads the optics team at the observatory. Vogelsang said "
            "the new mirror would arrive in May. Dana Vogelsang, who joined the project in 2011, said the "
            "work had taken a decade.")
    assert_flags("NM02", text, quotes=["Dana Vogelsang"])


def test_naming_passes_a_participle_opening_a_paragraph():
    # a participle before the surname opening a paragraph is no first name
    text = ("Proposal goes wrong\nThe man proposed to his girlfriend Mai Tran, 22, at the sports hall on Friday.\n\n"
            "Tran said she had not expected it.\n\nBewildered Tran told local TV the fire had started by accident.")
    assert_passes("NM02", text)


def test_naming_flags_close_first_names_with_one_role():
    # culture: one syllable changed, the same role, the body not repeated
    text = ("Festival prize\nThe film's director, Park Min-seo, 41, accepted the prize in Busan on Friday. Han said "
            "the cast had worked for free. In a statement the studio praised Park Min-ji, a director with a rare "
            "ear, and announced a second film.")
    assert_flags("NM02", text, quotes=["Park Min-ji"])


def test_naming_passes_close_first_names_of_relatives_with_one_role():
    text = ("Festival prize\nThe film's director, Park Min-seo, 41, accepted the prize on Friday. Park said the cast "
            "had worked for free. Her sister, Park Min-ji, a director too, was in the audience.")
    assert_passes("NM02", text)


@pytest.mark.parametrize("text", [
    # two first names further apart, with a description: another person
    "Telescope upgrade\nDr Diana Vogelsang leads the optics team. Vogelsang said the mirror would arrive "
    "in May. Martin Vogelsang, who joined the project in 2011, said the work had taken a decade.",
    # one letter apart, but a relative
    "Telescope upgrade\nDr Diana Vogelsang leads the optics team. Vogelsang said the mirror would arrive "
    "in May. Her sister Dana Vogelsang, who joined in 2011, agreed.",
])
def test_naming_passes_other_first_names_with_a_description(text):
    assert_passes("NM02", text)


# --- the indexes behind NM01 and NM02 (no comparison of every pair) ------------------------
import re  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from consistency_plugins.naming import CloseSpellings, _occurrences, spelling_distance  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.text(alphabet="abcqk", min_size=3, max_size=10), max_size=25, unique=True))
def test_naming_close_spellings_hold_every_pair_a_variant_can_be(words):
    close = CloseSpellings(words)
    for a in words:
        near = close.near(a)
        assert a in near
        for b in words:
            if spelling_distance(a, b) is not None:
                assert b in near, (a, b)


_SURFACES = st.lists(st.sampled_from(["Ivanov", "Iva", "O'Neill", "O", "Neill", "Dell’Acqua", "Dell", "Zoë"]),
                     min_size=1, max_size=5)
_TEXT = st.lists(st.sampled_from(["Ivanov", "ivanov", "IVANOV", "Ivanovs", "O'Neill", "O", "'", "Neill", "Dell",
                                  "’", "Acqua", "Zoë", "2", "_", " ", ".", "-", "Iva"]), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(surfaces=_SURFACES, text=_TEXT)
def test_naming_name_scan_matches_the_alternation_it_replaces(surfaces, text):
    pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, set(surfaces)), key=len, reverse=True)) + r")\b",
                         re.IGNORECASE)
    expected = [(m.start(), m.end()) for m in pattern.finditer(text)]
    assert list(_occurrences(text, {s.lower() for s in surfaces})) == expected


_SIGN_TEXT = st.lists(st.sampled_from(["Hillary", " and ", " & ", "Bill", " ", "Clinton", "Clintons", "Clintones",
                                       "Mr.", "Kilroy-Silk", "Kilroy-Silks", "\n", ",", "mrs"]), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(title=_SIGN_TEXT, body=_SIGN_TEXT, surname=st.sampled_from(["Clinton", "Kilroy-Silk", "Bill", "", "-Silk"]))
def test_naming_two_people_text_signs_match_the_searches_they_replace(title, body, surname):
    from types import SimpleNamespace

    from consistency_plugins.naming import _TextSigns

    ctx = SimpleNamespace(article=SimpleNamespace(title=title, body=body), sentences=[], title_doc=None)
    text = title + "\n" + body
    signs = _TextSigns(ctx)
    plural = re.search(rf"\b{re.escape(surname)}(?:s|es)\b", text) is not None
    joined = re.search(rf"\b(?:[A-Z][a-z]+\.?) (?:and|&) (?:[A-Z][a-z]+\.?) {re.escape(surname)}\b", text) is not None
    assert (signs.plural(surname), signs.joined(surname)) == (plural, joined)


def test_naming_text_signs_do_not_keep_the_analysis_alive():
    import gc
    import weakref

    from consistency_plugins.naming import _SIGNS, _TextSigns

    from consistency.analysis import ArticleAnalysis
    from consistency.nlp import blank_nlp

    nlp = blank_nlp()
    article = make_article("Clintons campaign\nHillary and Bill Clinton campaigned. His wife spoke.")
    ctx = ArticleAnalysis(article, nlp(article.title), nlp(article.body))
    assert _TextSigns.of(ctx).joined("Clinton") and _TextSigns.of(ctx).in_kin_sentence("wife")
    alive = weakref.ref(ctx)
    del ctx
    gc.collect()
    assert alive() is None and len(_SIGNS) == 0


# --- two people who share a surname, told apart by the text --------------------------------------
@pytest.mark.parametrize("text", [
    # a relative introduced by first name only, later named in full
    "Harvest season\nCarmen Ortega Ruiz, 58, chairs the growers' cooperative. Her nephew, Tomás, drives the "
    "truck to market. Ortega said prices had fallen. The cooperative sold 40 tonnes last year. "
    "Tomás Ortega, 27, said the road was the problem. The growers meet again in May.",
    # her own occupation before the name, and a namesake remark in the next sentence
    "Sentencing\nJudge Ann Cole sentenced Peter Dlamini, 31, to 12 years for fraud. Dlamini had denied the "
    "charges. The prosecutor, advocate Grace Dlamini, had asked for 15 years. She is not related to the "
    "accused. The court heard the fraud ran for three years.",
    # a double surname shortened to its first part
    "Cooperative\nAna Lucia Pereira dos Santos, 61, leads the settlers' association. Pereira walked between "
    "rows of cacao trees. Her son runs the shop. Marcos Pereira, 34, said the families had waited years. "
    "\"It is ninety days,\" Ana Lucia Pereira said after the hearing in the town.",
])
def test_nm02_two_people_with_one_surname_told_apart_are_not_a_slip(text):
    assert [f for f in run_rule("NM02", text) if f.severity != "info"] == []


def test_nm02_still_flags_a_lone_first_name_slip_without_such_signs():
    text = ("Cup final\nStriker Diego Alvarez scored twice as the club won the cup on Saturday. Alvarez, 24, "
            "has now scored 19 goals this season. The manager praised Alvarez after the match. "
            "The fans sang for Marco Alvarez as the players left the pitch.")
    assert assert_flags("NM02", text)


def test_nm03_an_explained_second_order_is_no_conflict():
    assert_passes("NM03", "Shenzhen extend run\nZhao Weiming scored 27 points on Thursday. He is listed as "
                          "Weiming Zhao on the league's English website, which puts the family name last.")
    assert assert_flags("NM03", "Shenzhen extend run\nZhao Weiming scored 27 points on Thursday. Weiming Zhao, "
                                "26, also had ten rebounds.")


# --- a slip right after a one-off introduction with an office (session 8, #13) ------------------------
@pytest.mark.parametrize("text, quote", [
    # science: introduced once with a post, then the speaker's slot under another first name
    ("Telescope funding\nObservatory director Ingrid Solberg said the new mirror would arrive in March. "
     "The grant covers three years of work on the instrument. Peter Solberg said the team had waited a "
     "decade for the upgrade.", "Peter Solberg"),
    # business: an apposition introduces her, the slip is the subject of "told"
    ("Bakery chain expands\nMaria Kovacs, chief executive of the Danube Bread Company, said the chain would "
     "open ten shops next year. Sales rose by 8% in the last quarter. Elena Kovacs told investors the "
     "new shops would be in small towns.", "Elena Kovacs"),
    # sport: a former post introduces him just as well
    ("Club appoints coach\nFormer Orlik captain Tomasz Wrobel said the squad needed a new approach. The club "
     "finished ninth last season and lost its last four games. Piotr Wrobel argued the board should have "
     "acted in the autumn.", "Piotr Wrobel"),
])
def test_nm02_flags_a_first_name_slip_after_one_introduction_with_an_office(text, quote):
    assert assert_flags("NM02", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    # the second bearer is introduced in turn (a post of their own)
    "Telescope funding\nObservatory director Ingrid Solberg said the new mirror would arrive in March. "
    "The grant covers three years of work on the instrument. Engineer Peter Solberg said the team had "
    "waited a decade for the upgrade.",
    # a relative: the kin word tells two people apart
    "Family firm\nMaria Kovacs, chief executive of the Danube Bread Company, said the chain would open ten "
    "shops next year. Her brother runs the flour mill in Gyor. Laszlo Kovacs said the mill would double "
    "its output.",
    # no office introduces the first bearer: one earlier use is not yet one person's surname
    "Court hears appeal\nJonas Petrauskas said the ruling had surprised the family. The appeal will be heard "
    "in the spring at the court in Vilnius. Ruta Petrauskas said she would attend every day of it.",
    # the later full name is not a speaker's slot: it is the object of a verb
    "Orchestra tour\nConductor Ilse Brandt said the orchestra would tour Japan in May. The tickets sold out "
    "within a week in Tokyo and Osaka. The programme features a new work dedicated to Karl Brandt by the "
    "composer.",
])
def test_nm02_passes_a_second_bearer_after_one_introduction(text):
    assert [f for f in run_rule("NM02", text) if f.severity != "info"] == []


def test_nm02_an_office_read_through_a_shared_surname_is_no_ones_own():
    # "Mr Okafor has long been an advocate" is read once both Okafors are named: the advocate
    # office is not the slip's own description
    text = ("Trade pact signed\nThe pact is of great importance to the region's farmers, Chidi Okafor has said. "
            "The deal, struck in Abuja last week, also ended a long dispute over tariffs, James Okafor said. "
            "It was a historic step, he added. Mr Okafor has long been an advocate of open borders in the "
            "region.")
    assert assert_flags("NM02", text, quotes=["James Okafor"])


def test_nm02_one_office_whose_body_is_named_once_is_one_person():
    text = ("Gas deal talks\nThe topic came up during Ruritanian president Pavel Novak's visit to the capital "
            "last month. Officials said a deal could follow within weeks. The dispute is partly driven by "
            "President Karel Novak's push to control the energy sector.")
    assert assert_flags("NM02", text, quotes=["Karel Novak"])
    # two presidents in the article: the unnamed body may be the other one's
    other = text.replace("Officials said", "President Anna Berg of Freedonia said")
    assert [f for f in run_rule("NM02", other) if f.severity != "info"] == []


# --- NM03: a family-name-first name shortened to both ends (session 8, #13) ---------------------------
@pytest.mark.parametrize("text, quote", [
    # culture: a Malaysian Chinese name, family name first, later treated as family name last
    ("Lantern festival\nLim Boon Heng, 52, a noodle seller from Ipoh, has hung lanterns on the street for "
     "twenty years. \"It brings the families out,\" Lim said. The council paid for the lights this year. "
     "Heng, who closed his stall for the night, said his son, Lim Wei Jie, 20, would help next year.", "Heng"),
    # sport: a Vietnamese name
    ("Chess final\nNguyen Thanh Son, 19, won the national title in Hanoi on Sunday. Nguyen said he had "
     "prepared for months with his sister, Nguyen Thi Mai. The final lasted six hours. Son, who plays for a "
     "club in Da Nang, will defend the title next year.", "Son"),
])
def test_nm03_flags_a_three_word_name_shortened_to_both_ends(text, quote):
    assert assert_flags("NM03", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    # a given name first (known given name): the first word alone is informal use, not an order
    "School play\nMary Ann Fletcher, 15, played the lead in the school play on Friday. Mary said she had "
    "been nervous. The hall was full for both nights. Fletcher, who also sang, will study drama.",
    # no other name opens with the first word: the order is not shown ("Taylor Lianne Chandler")
    "Court date\nTaylor Lianne Chandler, 47, was seen with the swimmer last month. Taylor told friends she "
    "was happy. The photographs were sold to a magazine. Chandler, who lives in Washington, declined to "
    "comment.",
    # only one short form: the family name alone throughout
    "Lantern festival\nLim Boon Heng, 52, a noodle seller from Ipoh, has hung lanterns on the street for "
    "twenty years. \"It brings the families out,\" Lim said. The council paid for the lights this year. "
    "Lim, who closed his stall for the night, said the crowds were the biggest he had seen.",
])
def test_nm03_passes_one_short_form_or_a_given_name_first(text):
    assert_passes("NM03", text)


# --- a slip in the slot of someone already introduced, read from the ledger's speakers (session 9, #13) -
@pytest.mark.parametrize("text, quote", [
    # sailing: the odd name signs a sheet; the quotation after it is hers ("she said")
    ("Regatta ends in calm\nRace officer Astrid Holmberg said the fleet had waited four hours for wind. "
     "Only eleven boats finished before the cut-off on Sunday. Helena Holmberg then signed the results "
     'sheet at the harbour office. "We were lucky to finish at all," she said.', "Helena Holmberg"),
    # theatre: the odd name stands as the owner of a production, the next sentence quotes him
    ("Festival opens\nThe festival's artistic director, Tomas Novak, said ticket sales were the best in a "
     "decade. Forty companies are taking part this year across six venues. Jan Novak's own staging of "
     'the play opens on Friday. "It runs long, and I make no apology," he said.', "Jan Novak"),
])
def test_nm02_flags_a_slip_in_a_speakers_slot_read_from_the_ledger(text, quote):
    assert assert_flags("NM02", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    # the "who" clause says what the second bearer is: someone new
    "Clinic trial\nDr Marta Lindqvist, the paediatrician who ran the study, said the results were clear. "
    "Two hundred patients took part over two winters in three towns. \"Most of them noticed the "
    'difference within a week," said Elin Lindqvist, who is a nurse on the ward.',
    # the ledger gives the second bearer a post of their own ("who works as a driver")
    "Bus route cut\nCouncillor Rhys Morgan said the route would close in May. Passengers have "
    "collected 2,000 signatures against it in a month. \"I drive it every day,\" said Owen Morgan, who "
    "works as a driver for the company.",
    # the odd name owns something but the quotation after it is someone else's
    "Festival opens\nThe festival's artistic director, Tomas Novak, said ticket sales were the best in a "
    "decade. Forty companies are taking part this year across six venues. Jan Novak's paintings hang in "
    'the foyer. Critic Vera Sykes called the choice brave. "It is a fine room," she said.',
])
def test_nm02_passes_a_second_bearer_who_is_introduced_or_silent(text):
    assert [f for f in run_rule("NM02", text) if f.severity != "info"] == []
