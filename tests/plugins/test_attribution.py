"""AT01-AT03: quotations given two speakers, speakers given two affiliations, two publishers."""

from __future__ import annotations

import pytest

from consistency_plugins.attribution import same_publisher

from consistency import Article
from consistency.testing import assert_flags, assert_passes, run_rule

QUOTE = "\"We will not accept any cuts to the hospital budget this year,\""


def test_attribution_flags_one_quote_with_two_speakers():
    text = (f"Hospital cuts row\n{QUOTE} said Mary Jones.\nThe board meets on Friday.\n"
            f"{QUOTE} Peter Brown told the BBC.")
    findings = assert_flags("AT01", text, quotes=["Peter Brown"])
    assert "Mary Jones" in findings[0].message and "Peter Brown" in findings[0].message


def test_attribution_flags_contained_quote_with_other_speaker():
    text = (f"Hospital cuts row\n{QUOTE} said Mary Jones, adding that staff were worried.\n"
            "\"We will not accept any cuts to the hospital budget,\" Peter Brown said.")
    assert_flags("AT01", text, quotes=["Peter Brown"])


def test_attribution_passes_same_speaker_by_surname_or_pronoun_or_title():
    for second in ("Ms Jones told the BBC.", "she told the BBC.", "a spokesman told the BBC."):
        text = f"Hospital cuts row\n{QUOTE} said Mary Jones.\nThe board meets on Friday.\n{QUOTE} {second}"
        assert_passes("AT01", text)


def test_attribution_passes_short_repeated_phrase():
    text = ("Budget row\nMary Jones called it \"a disgrace\".\nThe board meets on Friday.\n"
            "Peter Brown said it was \"a disgrace\" too.")
    assert_passes("AT01", text)


def test_attribution_flags_speaker_affiliation_change():
    text = ("MPs clash over budget\n\"The budget will hurt families,\" said John Smith, a Labour MP.\n"
            "Ministers defended the plan.\nConservative MP John Smith later added: \"I stand by every word.\"")
    findings = assert_flags("AT02", text, quotes=["Conservative MP"])
    assert "Labour MP" in findings[0].message


def test_attribution_passes_party_aliases_and_former_affiliations():
    text = ("MPs clash over budget\n\"The budget will hurt families,\" said John Smith, a Conservative MP.\n"
            "Ministers defended the plan.\nTory MP John Smith later added: \"I stand by every word.\"")
    assert_passes("AT02", text)
    text = ("MPs clash over budget\n\"The budget will hurt families,\" said John Smith, a Conservative MP.\n"
            "Ministers defended the plan.\nFormer Labour MP John Smith later added: \"I agree.\"")
    assert_passes("AT02", text)


def test_attribution_passes_different_roles():
    text = ("Party row\n\"We will win,\" said John Smith, a Labour MP.\n"
            "Treasury minister John Smith added: \"The numbers add up.\"")
    assert_passes("AT02", text)


def test_attribution_flags_copyright_line_of_another_publisher():
    article = Article.from_text("Talks resume\nNegotiators met again on Monday.\n\n(c) 2018, The Washington Post.",
                                publisher="nytimes.com")
    findings = assert_flags("AT03", article, quotes=["The Washington Post"])
    assert "nytimes.com" in findings[0].message


def test_attribution_passes_matching_publisher_forms():
    body = "Talks resume\nNegotiators met again on Monday.\n\n(c) 2018, The New York Times."
    for publisher in ("nytimes.com", "https://www.nytimes.com/2018/01/01/x.html", "The New York Times"):
        assert_passes("AT03", Article.from_text(body, publisher=publisher))


def test_attribution_passes_wire_credit_and_missing_metadata():
    text = "Talks resume\nNegotiators met again on Monday. Reuters contributed to this report.\n\n(c) 2018, The Washington Post."
    assert_passes("AT03", Article.from_text(text, publisher="washingtonpost.com"))
    assert not run_rule("AT03", text)


def test_attribution_flags_staff_credit_against_metadata():
    text = ("Talks resume\nNegotiators met again on Monday. Washington Post staff writer Jane Doe contributed "
            "to this report.")
    assert_flags("AT03", Article.from_text(text, publisher="latimes.com"), quotes=["Washington Post"])


def test_attribution_same_publisher_allows_initials_and_domains():
    assert same_publisher("The Wall Street Journal", "wsj.com")
    assert same_publisher("The Associated Press", "apnews.com")
    assert same_publisher("BBC", "bbc.co.uk")
    assert not same_publisher("The Guardian", "dailymail.co.uk")


def test_attribution_passes_portfolio_and_nationality_beside_party():
    text = ("Budget row\n\"We will win,\" said John Smith, a Labour minister.\n"
            "Treasury minister John Smith added: \"The numbers add up.\"")
    assert_passes("AT02", text)
    text = ("Budget row\n\"We will win,\" said Jean Dupont, a Socialist MP.\n"
            "French MP Jean Dupont added: \"The numbers add up.\"")
    assert_passes("AT02", text)


# --- quotations on the ledger: verbs, distinctive parts, traps -----------------------------
FOOTHILLS = "You treated the Pennine foothills as a free skip, and you showed no remorse."


def test_attribution_flags_distinctive_part_given_to_another_speaker_in_court():
    text = (f"Waste dumper jailed\nJudge Rebecca Halloran said: \"{FOOTHILLS}\"\nThe court heard from residents.\n"
            "Sunita Bhatt, an Environment Agency manager, said: \"Mr Pemberton treated the Pennine foothills as a "
            "free skip, and the people of Heywood paid for it.\"")
    findings = assert_flags("AT01", text, quotes=["Sunita Bhatt"])
    assert "Halloran" in findings[0].message


def test_attribution_flags_whatever_the_speech_verb():
    line = "The wind was the real opponent today on every single hole"
    for verb in ("repeated", "insisted", "remarked", "told reporters"):
        text = (f"Golf classic\n\"{line},\" Drysdale said after his round.\nThe leaders tee off at nine.\n"
                f"\"{line},\" Nam {verb}.")
        assert_flags("AT01", text, quotes=["Nam"])


def test_attribution_flags_according_to_and_sentence_changed_by_a_word():
    text = ("Water talks\n\"Water that crosses a border becomes a bridge between our peoples,\" said Dilshod Rakhimov.\n"
            "Talks continued into the night.\nAccording to Aibek Toktosunov, \"Water that crosses the border becomes "
            "a bridge between our peoples.\"")
    assert_flags("AT01", text, quotes=["Aibek Toktosunov"])


def test_attribution_flags_continued_quotation_in_culture_story():
    text = ("Glacier volunteers\nThe volunteers met at dawn.\n\"The glacier is writing its own obituary, one metre at a "
            "time,\" said Anna Jonsdottir.\n"
            "Tourists arrive by coach.\n\"They see so much ice,\" Kristin Haraldsdottir said. \"I tell them the glacier "
            "is writing its own obituary, one metre at a time.\"")
    assert_flags("AT01", text)


def test_attribution_passes_speaker_quoting_someone_else():
    text = ("Budget row\n\"The budget will hurt every family in my constituency,\" said John Smith.\n"
            "Ministers defended the plan.\nJane Doe quoted Smith as saying: \"The budget will hurt every family in "
            "my constituency.\"")
    assert_passes("AT01", text)


def test_attribution_passes_stock_phrase_shared_by_coach_and_captain():
    text = ("Cup tie preview\n\"We just have to take it one game at a time,\" said coach Mark Ellis.\n"
            "The squad trained on Tuesday.\n\"We just have to take it one game at a time,\" captain Tom Reid said.")
    assert_passes("AT01", text)


def test_attribution_passes_slogan_chanted_and_repeated():
    text = ("Housing march\nProtesters chanted \"Homes for people, not for profit, in every city\" outside the hall.\n"
            "\"Homes for people, not for profit, in every city,\" said Ana Ruiz, a campaigner.\n"
            "Later Tom Lee said: \"Homes for people, not for profit, in every city.\"")
    assert_passes("AT01", text)


def test_attribution_passes_organisation_then_its_spokesperson():
    text = ("Bank results\nThe Central Bank said: \"Inflation will fall sharply below target by next spring.\"\n"
            "Markets rose.\n\"Inflation will fall sharply below target by next spring,\" said John Hale, a Central "
            "Bank spokesman.")
    assert_passes("AT01", text)


def test_attribution_passes_echoing_another_speaker_in_science_story():
    text = ("Vaccine trial\n\"This vaccine could save millions of young lives across Africa,\" said Esther Kamau.\n"
            "The trial enrolled 4,000 children.\nPeter Otieno echoed Kamau: \"This vaccine could save millions of young "
            "lives across Africa.\"")
    assert_passes("AT01", text)


def test_attribution_pronoun_after_an_unnamed_speaker_is_not_the_woman_named_before():
    """'An executive spokeswoman insisted ... "...," she said' speaks for the spokeswoman: the
    quotation is not the opposition leader's (BBC politics/094)."""
    text = ("Drinking row\nOpposition leader Ruth Gray said: \"This is a gaffe by the minister.\" "
            "But a ministry spokeswoman insisted the minister had meant adults. "
            "\"He was talking about adults and cheap drinks promotions,\" she said.\n"
            "Later the minister said: \"He was talking about adults and cheap drinks promotions.\"")
    assert_passes("AT01", text)


# --- a speaker passing on another's words inside the quotation ------------------------------------
@pytest.mark.parametrize("text", [
    # the later speaker names the first inside the quotation, with a verb of saying
    "Cup semi-final\n\"Matches like this are decided by the goalkeepers,\" said coach Lena Vogt.\n"
    "The squad flew home.\nCaptain Ida Berg laughed: \"Lena told us, matches like this are decided by the "
    "goalkeepers, and she was right.\"",
    # a quotation within the quotation
    "Council vote\n\"A closed library is a locked door for every child in the town,\" said Amal Haddad.\n"
    "The vote is on Friday.\nCouncillor Peter Lund said: \"My grandmother used to say, 'A closed library is a "
    "locked door for every child in the town.' She was right.\"",
    # a scientist crediting a colleague's line
    "Comet study\n\"The comet is a snowball that remembers the birth of the planets,\" said Dr Ravi Menon.\n"
    "Telescopes tracked it for a month.\n\"Ravi put it best: the comet is a snowball that remembers the birth "
    "of the planets,\" said Dr Hana Sato.",
])
def test_attribution_passes_a_speaker_citing_another(text):
    assert_passes("AT01", text)


def test_attribution_flags_a_quotation_that_only_names_a_third_person():
    # naming the defendant is not citing anyone: the line is still given to two speakers
    text = ("Fraud trial\nJudge Maria Okafor said: \"You treated your investors' savings as your own pocket money, "
            "without shame.\"\nThe court rose.\nProsecutor Ben Adeyemi said: \"Mr Hale treated your investors' "
            "savings as your own pocket money, without shame.\"")
    assert_flags("AT01", text, quotes=["Ben Adeyemi"])


def test_attribution_flags_a_quotation_retold_with_a_word_changed_in_two_places():
    text = ("Cup final\n\"The pitch was heavy as clay tonight. I just had to keep the ball low and be patient,\" "
            "said Ana Ruiz.\nThe fans sang.\n\"The pitch was heavy as clay. We just had to keep the ball low,\" "
            "Pedro Lima said.")
    assert_flags("AT01", text, quotes=["Pedro Lima"])


def test_attribution_passes_two_stock_phrases_shared_by_two_speakers():
    text = ("Cup tie\n\"We have to take it one game at a time, because at the end of the day the table does not "
            "lie,\" said coach Mark Ellis.\nThe squad trained.\n\"We have to take it one game at a time, obviously, "
            "and at the end of the day the results will come for us,\" captain Tom Reid said.")
    assert_passes("AT01", text)


def test_attribution_flags_quotation_given_by_as_put_it_and_in_the_words_of():
    text = ("Harbour plan\nThe scheme was, as councillor Rhys Owen put it, \"a gift to developers that the town "
            "will regret for decades\".\nThe council meets on Monday.\nIn the words of Carys Bevan, \"a gift to "
            "developers that the town will regret for decades\".")
    assert_flags("AT01", text, quotes=["Carys Bevan"])


def test_attribution_passes_as_put_it_by_the_same_speaker():
    text = ("Harbour plan\nThe scheme was, as councillor Rhys Owen put it, \"a gift to developers that the town "
            "will regret for decades\".\nThe council meets on Monday.\nIn the words of Owen, \"a gift to "
            "developers that the town will regret for decades\".")
    assert_passes("AT01", text)


def test_attribution_passes_constituency_after_the_role():
    text = ("Row deepens\nTory MP Boris Hale has insisted the mayor should not apologise.\n"
            "\"He should stick to his guns,\" Mr Hale, MP for Henley-on-Thames, told the BBC.")
    assert_passes("AT02", text)


def test_at01_a_whole_quotation_repeated_word_for_word_after_a_question_mark():
    """The attribution is its own sentence after "?": '"..., so why should I?" Xu said.'"""
    from consistency.testing import assert_flags

    text = ("Final\n\"The net does not care about the ranking, so why should I?\" Maria Santos said after the match. "
            "She won in five sets.\n\n"
            "\"The net does not care about the ranking, so why should I?\" said her coach, Rui Tavares, who has "
            "trained her for a decade.")
    assert assert_flags("AT01", text)


def test_at01_an_indirect_sentence_after_a_quotation_is_not_its_attribution():
    from consistency.testing import assert_passes

    text = ("Budget\n\"We cannot pay for all of this and we will not pretend that we can?\" the mayor asked. "
            "Okafor said the plan would fail. Later Okafor told reporters he was worried.\n\n"
            "\"We cannot pay for all of this and we will not pretend that we can?\" the mayor repeated.")
    assert_passes("AT01", text)


# --- a person the small model tags as an organisation, described as one (session 8, #13) -------------
def test_at01_flags_a_quotation_of_a_speaker_tagged_as_a_body_but_described_as_a_person():
    text = ("Markets\n\"Copper prices will slide once Chinese factories cut output,\" said JP Nair, an analyst "
            "at Numis Securities in London. Shares fell on Tuesday.\n\"Copper prices will slide once Chinese "
            "factories cut output,\" said Maria Lopez.")
    assert_flags("AT01", text, quotes=["Maria Lopez"])


@pytest.mark.parametrize("text", [
    # an organisation described by an organisation's noun stays an organisation: its spokesman may repeat it
    "Bank\n\"Rates will fall sharply below target by next spring,\" said Barclays Capital, the investment "
    "bank.\nMarkets rose.\n\"Rates will fall sharply below target by next spring,\" said John Hale, a "
    "Barclays Capital economist.",
    "Shops\n\"Prices will fall sharply in every store by next spring,\" said Tesco, a retailer with 900 "
    "shops.\nMarkets rose.\n\"Prices will fall sharply in every store by next spring,\" said Jane Hale, "
    "its spokeswoman.",
])
def test_at01_an_organisation_described_as_one_is_not_a_person(text):
    assert_passes("AT01", text)


@pytest.mark.parametrize("text, speaker", [
    ("Ferry service cut\n\"We love this crossing, but the river forgives nobody who rushes it,\" said pilot "
     "Maria Costa.\nThe operator will run two boats a day from May.\n\"The river forgives nobody who rushes it,\" "
     "harbour manager Tomas Ribeiro told the council.", "Tomas Ribeiro"),
    ("Clinic data row\n\"The numbers do not lie, but they never explain the waiting lists either,\" said Dr Hana Sato.\n"
     "The trust publishes its figures on Friday.\n\"The numbers never explain the waiting lists,\" Luis Andrade "
     "wrote in a letter to the board.", "Luis Andrade"),
    ("Derby defeat\n\"We chased every ball and still lost the derby with our heads,\" said captain Ruta Kalnina.\n"
     "The club has not won at home since March.\n\"We lost the derby with our heads,\" one supporter said "
     "outside the ground.", "one supporter"),
])
def test_at01_flags_a_sentence_told_again_cut_down_by_another_speaker(text, speaker):
    findings = assert_flags("AT01", text, quotes=[speaker])
    assert findings[0].data["match"] == "contained"


@pytest.mark.parametrize("text", [
    # a stock phrase of two content words, said by two people
    "Cup run goes on\n\"We just take it one game at a time,\" said coach Lena Marsh.\n"
    "The semi-final is on Sunday.\n\"One game at a time,\" said striker Abel Osei.",
    # the same speaker, by pronoun
    "Ferry service cut\n\"We love this crossing, but the river forgives nobody who rushes it,\" said pilot "
    "Maria Costa.\nShe has worked the route for 20 years.\n\"The river forgives nobody who rushes it,\" she said.",
    # a spokeswoman speaking for the named person
    "Ferry service cut\n\"We love this crossing, but the river forgives nobody who rushes it,\" said pilot "
    "Maria Costa.\nThe operator will run two boats a day.\n\"The river forgives nobody who rushes it,\" a "
    "spokeswoman said.",
])
def test_at01_passes_stock_phrases_same_speakers_and_spokespeople(text):
    assert_passes("AT01", text)


def test_at01_passes_a_speaker_who_says_whose_words_they_repeat():
    text = ("Harbour plan approved\n\"The harbour is the heart of this town,\" said mayor "
            "Ana Lopes.\nThe council voted 9-2 for the plan.\nAsked about it later, fisherman Rui Dias agreed: "
            "\"As the mayor said, the harbour is the heart of this town.\"")
    assert_passes("AT01", text)


# --- AT01: a short phrase named as someone's own line ------------------------------------------------
@pytest.mark.parametrize("text, quote", [
    ("Bakery strike\n\"Bread does not bake itself, and neither do we,\" union steward Ama Boateng told the crowd. "
     "Owner Ravi Sethi's \"bread does not bake itself\" remark was shared widely online.", "Ravi Sethi"),
])
def test_attribution_flags_a_phrase_called_another_speakers_line(text, quote):
    assert_flags("AT01", text, quotes=[quote])


@pytest.mark.parametrize("text", [
    ("Harbour vote\n\"We will fix it first and argue later,\" harbour master Lena Okoro said on Monday. "
     "By evening Okoro's \"fix it first\" slogan was printed on leaflets."),
    ("Bakery strike\n\"Bread does not bake itself, and neither do we,\" union steward Ama Boateng told the crowd. "
     "Owner Ravi Sethi's \"family business\" remark was shared widely online."),
])
def test_attribution_passes_a_phrase_called_its_own_speakers_line(text):
    assert_passes("AT01", text)
