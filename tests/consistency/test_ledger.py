"""The claims ledger (`ctx.claims`): each extractor, positive and negative, in several domains."""

from __future__ import annotations

import json

import pytest

from consistency import Article
from consistency.cli import main
from consistency.testing import checker_for

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def read():
    checker = checker_for("NM01")

    def _read(text: str):
        return checker.analyze(Article.from_text(text)).claims

    return _read


def claims_of(ledger, attribute, name=None):
    found = []
    for c in ledger.of(attribute):
        if name is None or name in ledger.name_of(c.subject):
            found.append(c)
    return found


def values(ledger, attribute, name=None):
    return [c.value for c in claims_of(ledger, attribute, name)]


# --- every span is the article's text at its offsets -------------------------------------------
def test_ledger_spans_are_the_article_text(read):
    text = ("Barcelona sign winger\n"
            "BARCELONA, March 3, 2023 - Barcelona winger Iker Solano, 27, signed a new deal. "
            "Solano, who was born in May 1995, is the son of former striker Jordi Solano.")
    article = Article.from_text(text)
    ledger = read(text)
    assert len(ledger) > 3
    for claim in ledger:
        assert article.field(claim.span.field)[claim.span.start:claim.span.end] == claim.span.text == claim.text


# --- roles, in sport, culture, science, courts, business, politics ------------------------------
@pytest.mark.parametrize("text, name, role", [
    ("Derby\nBarcelona winger Iker Solano scored twice on Sunday.", "Solano", "winger"),
    ("Derby\nIker Solano, the club's goalkeeping coach, watched from the stand.", "Solano", "goalkeeping coach"),
    ("Concert\nThe cellist Marta Ruiz played Elgar on Friday night in Leeds.", "Ruiz", "cellist"),
    ("Lab\nDr Amara Obi, a senior lecturer at the university, led the study.", "Obi", "senior lecturer"),
    ("Trial\nDefence lawyer Kwame Mensah told the jury the evidence was thin.", "Mensah", "defence lawyer"),
    ("Results\nMaria Gomez, who is the company's chief executive, said sales rose.", "Gomez", "chief executive"),
    ("Vote\nSenator Ana Ruiz said the bill would pass on Tuesday.", "Ruiz", "senator"),
    ("Court\nPriya Nair, who works as a prosecutor in Delhi, filed the appeal.", "Nair", "prosecutor"),
])
def test_ledger_reads_roles_in_every_domain(read, text, name, role):
    assert role in values(read(text), "role", name)


def test_ledger_role_carries_former_and_change(read):
    ledger = read("Club\nFormer winger Tom Hale, who was appointed coach in 2019, spoke on Monday.")
    roles = {c.value: c for c in claims_of(ledger, "role", "Hale")}
    assert "former" in roles["winger"].qualifiers and not roles["winger"].current
    assert "change" in roles["coach"].qualifiers


def test_ledger_leading_verb_gives_a_head_role_with_its_unit(read):
    ledger = read("Hospital\nDr Lena Fischer, who heads the cardiology unit at St Mary's, spoke.")
    roles = claims_of(ledger, "role", "Fischer")
    assert roles and roles[0].value == "head" and "cardiology unit" in roles[0].data["organisation"]


def test_ledger_title_on_the_subject_of_a_change_verb_is_not_a_change(read):
    ledger = read("Deal\nBarcelona winger Iker Solano signed a new contract on Friday.")
    (role,) = claims_of(ledger, "role", "Solano")
    assert "change" not in role.qualifiers


def test_ledger_kin_word_is_not_a_role(read):
    ledger = read("Family\nBoris Nalbandian, the son of Alexander Lukashenko, arrived.")
    assert "son" not in values(ledger, "role")


# --- ages and birth dates -------------------------------------------------------------------
def test_ledger_reads_ages_in_several_forms(read):
    ledger = read("Final\nTom Hughes, 27, scored. Later, Hughes (27) was substituted. "
                  "Ana Silva, aged 31, refereed the game.")
    assert values(ledger, "age", "Hughes")[:2] == [27, 27]
    assert values(ledger, "age", "Silva") == [31]


def test_ledger_attaches_an_age_description_to_the_person_just_named(read):
    ledger = read("Final\nTom Hughes scored twice on Sunday. The 27-year-old striker was substituted late.")
    (age,) = claims_of(ledger, "age", "Hughes")
    assert age.value == 27 and "description" in age.qualifiers


def test_ledger_age_at_another_time_is_past(read):
    ledger = read("Profile\nTom Hughes joined the academy at 12 and signed for the first team when he was 17.")
    assert all(not c.current for c in claims_of(ledger, "age", "Hughes"))


def test_ledger_does_not_read_the_age_of_a_thing_as_a_person(read):
    ledger = read("Firm\nAcme chief Tom Hughes said the 40-year-old company would expand.")
    assert [(c.subject, c.value) for c in ledger.of("age")] == [("thing:company", 40)]


@pytest.mark.parametrize("text, age", [
    ("Tributes paid\nThe veteran actor has died aged 92, his agent said.", 92),
    ("Record set\nThe climber reached the summit at the age of 71 on Monday.", 71),
    ("Obituary\nThe poet, who was 88 years old, had lived in the village since 1970.", 88),
    ("Match report\nA 19-year-old scored twice for the visitors.", 19),
])
def test_ledger_marks_a_number_written_as_an_age_whoever_is_unnamed(read, text, age):
    """An age with no named owner is still an age: the quantity claim says so (`how="age"`)."""
    ledger = read(text)
    ages = [q for q in ledger.quantities() if ledger.quantity_claim(q).data.get("how") == "age"]
    assert [q.value for q in ages] == [age]


@pytest.mark.parametrize("text", [
    "Budget\nThe council will spend 92 million on roads over five years.",
    "Lab\nThe study followed 71 patients aged between 40 and 60 for two years.",
])
def test_ledger_does_not_mark_counts_or_ranges_as_ages(read, text):
    ledger = read(text)
    assert [q.value for q in ledger.quantities() if ledger.quantity_claim(q).data.get("how") == "age"] == []


@pytest.mark.parametrize("text, value", [
    ("Profile\nMaria Gomez, who was born in May 1981, joined the firm.", "1981-05"),
    ("Profile\nMaria Gomez was born on 3 March 1990 in Lima.", "1990-03-03"),
    ("Profile\nBorn in Lagos in 1985, Ade Okafor moved to London as a child. Okafor now coaches.", "1985"),
])
def test_ledger_reads_birth_dates(read, text, value):
    assert value in values(read(text), "birth")


# --- kin ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, person, kin, relative", [
    ("Court\nBoris Nalbandian, Alexander Lukashenko's son, was in court.", "Nalbandian", "son", "Lukashenko"),
    ("Athletics\nAna Ruiz, 24, the daughter of veteran sprinter Pedro Ruiz, won the 200m.", "Ana", "daughter",
     "Pedro Ruiz"),
    ("Books\nLeo Brandt, whose mother, the novelist Greta Brandt, died in 2019, spoke.", "Greta", "mother",
     "Leo Brandt"),
])
def test_ledger_reads_kin_from_the_parse(read, text, person, kin, relative):
    ledger = read(text)
    found = [c for c in claims_of(ledger, "kin", person) if c.value == kin]
    assert found and relative in found[0].data["relative_name"]


def test_ledger_kin_needs_two_people(read):
    assert values(read("Family\nTom Hale said his son would play football next year."), "kin") == []


# --- nationality, base and affiliation --------------------------------------------------------
def test_ledger_group_nationality_by_head_noun(read):
    ledger = read("Dam\nA delegation of Brazilian engineers arrived. The Argentine engineers left.")
    assert [c.value for c in ledger.of("nationality", "group:engineer")] == ["Brazil", "Argentina"]
    # the delegation is the engineers' group: "the Argentine delegation" would be compared with it
    assert [c.value for c in ledger.of("nationality", "group:delegation")] == ["Brazil"]


def test_ledger_things_are_not_groups_of_people(read):
    assert values(read("Border\nRussian trucks crossed the border on Monday."), "nationality") == []


def test_ledger_based_in_and_affiliation(read):
    ledger = read("Deal\nOslo-based Fjell Capital bought the port. Maria Lopes of the Green Alliance objected.")
    based = ledger.of("based-in")
    assert based and based[0].value == "Norway" and based[0].subject == "organisation:Fjell Capital"
    assert values(ledger, "affiliation", "Lopes") == ["Green Alliance"]


def test_ledger_person_nationality_from_a_title(read):
    ledger = read("Transfer\nSpanish defender Iker Solano joined Benfica on Monday.")
    assert values(ledger, "nationality", "Solano") == ["Spain"]


# --- the `claims` verb ------------------------------------------------------------------------
def test_claims_verb_prints_text_and_json(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Final\nRovers winger Tom Hale, 27, scored twice.", encoding="utf-8")
    assert main(["claims", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Tom Hale [person:" in out and "winger" in out and '"27"' in out
    assert main(["claims", "--format", "json", "--attribute", "age", str(path)]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["source"] == str(path)
    assert {s["kind"] for s in record["subjects"]} == {"person"}
    assert [c["attribute"] for c in record["claims"]] == ["age"]
    claim = record["claims"][0]
    assert set(claim) == {"subject", "attribute", "value", "text", "qualifiers", "span", "sentence", "extractor",
                          "data"}


def test_claims_verb_error_record_for_a_bad_input(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    assert main(["claims", "--format", "jsonl", str(bad)]) == 2
    assert "error" in json.loads(capsys.readouterr().out.splitlines()[0])


# --- offices: titles with their bodies, in any field --------------------------------------------
@pytest.mark.parametrize("text, name, role, organisation", [
    ("Talks\nRussian Foreign Minister Sergei Lavrov met the press.", "Lavrov", "foreign minister", "Russian"),
    ("Results\nAcme chief executive Tom Hill said profits rose.", "Hill", "chief executive", "Acme"),
    ("Final\nWaikato Club Rugby Board chief executive Aroha Tipene presented the trophy.", "Tipene",
     "chief executive", "Waikato Club Rugby Board"),
    ("Match\nBarcelona winger Iker Solano scored twice.", "Solano", "winger", "Barcelona"),
    ("Bridge\nMayor of Leeds John Smith opened the bridge.", "Smith", "mayor", "Leeds"),
    ("Church\nThe chairman of the parish council, Ólafur Sveinsson, said the debt was paid.", "Sveinsson",
     "chair", "parish council"),
])
def test_ledger_reads_a_title_with_its_body(read, text, name, role, organisation):
    claims = claims_of(read(text), "role", name)
    assert [(c.value, c.data.get("organisation")) for c in claims] == [(role, organisation)]


def test_ledger_reads_multiword_offices_and_ranks(read):
    ledger = read("Cabinet\nShadow foreign secretary Liam Fox spoke with deputy prime minister John Prescott.")
    assert values(ledger, "role", "Fox") == ["shadow foreign secretary"]
    assert values(ledger, "role", "Prescott") == ["deputy prime minister"]


def test_ledger_title_of_a_relative_is_not_the_subjects_role(read):
    ledger = read("Visit\nBoris Nalbandian, Belarusian president Alexander Lukashenko's son, attended.")
    assert values(ledger, "role", "Nalbandian") == []
    assert values(ledger, "role", "Lukashenko") == ["president"]


def test_ledger_negated_main_verb_does_not_negate_an_apposition(read):
    ledger = read("Vote\nThe outgoing governor, Rodrigo Mella Carrasco, did not seek re-election.")
    (claim,) = claims_of(ledger, "role", "Mella")
    assert claim.qualifiers == ("outgoing",)


def test_ledger_names_with_accented_capitals_are_people(read):
    ledger = read("Saga\nÓlafur Sveinsson met Þórhildur Jónsdóttir and Cathal Ó Riordáin in Reykjavík.")
    names = {s.name for s in ledger.subjects.values() if s.kind == "person"}
    assert {"Ólafur Sveinsson", "Þórhildur Jónsdóttir"} <= names


def test_ledger_kin_of_a_common_noun_is_not_a_named_relative(read):
    ledger = read("Profile\nBoris Nalbandian, the son of a farmer who once met Alexander Lukashenko, spoke.")
    assert claims_of(ledger, "kin") == []


def test_ledger_first_name_before_the_full_name_is_not_that_person(read):
    ledger = read("Speech\nMr Howard was introduced by his son Nick, a trainee vicar. Later a student, "
                  "Nick Vaughan, said the party could win.")
    assert not [c for c in claims_of(ledger, "kin") if "Vaughan" in ledger.name_of(c.subject)]

def test_ledger_reads_quantities_with_measure_owner_and_unit():
    from consistency.testing import report_for  # noqa: F401  (the checker's own pipeline)
    from consistency import Checker, Config
    from consistency.testing import make_article

    ctx = Checker(Config()).analyze(make_article(
        "Results\nRuiz won by 1.8 seconds. The club won 5-2 on Saturday. Revenue rose 12 percent to "
        "318 million euros in 2022. The council voted to buy 22 electric trucks. Hughes, a 27-year-old, scored."))
    claims = {(c.attribute, c.value): c for c in ctx.claims if c.extractor == "quantities"}
    assert claims[("margin", 1.8)].data["unit"] == "second"
    assert ("score", "5-2") in claims
    assert claims[("revenue", 318e6)].data["unit"] == "EUR" and claims[("revenue", 318e6)].data["period"] == ["2022"]
    assert claims[("revenue change", 12.0)].data["unit"] == "%"
    assert ("truck", 22.0) in claims
    # ages are not ours: "27-year-old" is a number without a measure (attribute `quantity`)
    assert not any(c.attribute == "year" or c.value == 27 and c.attribute != "quantity" for c in claims.values())
    for c in claims.values():
        assert ctx.article.field(c.span.field)[c.span.start:c.span.end] == c.span.text


def test_every_number_has_one_quantity_claim_linking_to_it():
    from consistency import Checker, Config
    from consistency.testing import make_article

    ctx = Checker(Config()).analyze(make_article(
        "Budget vote\nThe club won 5-2 on Saturday. Of the 1,040 members, 312, or 30 percent, voted. "
        "In 1998 the city had three mayors, and Reed, 41, was jailed for five years."))
    assert ctx.claims.quantities() == list(ctx.quantities)  # every number, in the reader's order
    linked = [c for c in ctx.claims if c.extractor == "quantities"]
    assert all(c.quantity is not None for c in linked)
    assert {c.attribute for c in linked} >= {"score", "quantity"}
    assert "quantity" not in ctx.claims.to_dict()["claims"][0]  # the link is not part of the JSON shape

# --- said: quotations and their speakers (facts/quotes.py) -------------------------------
def test_quotes_reads_speaker_of_any_speech_verb_and_according_to():
    from consistency.understanding.lexicon import speech_nouns, speech_verbs

    verbs = speech_verbs()
    assert {"say", "repeat", "echo", "quote", "insist", "remark", "tell", "add"} <= verbs
    assert "hire" not in verbs and "lease" not in verbs
    assert {"remark", "words", "statement", "line"} <= speech_nouns()


def test_ledger_said_claims_name_the_speaker_in_several_domains(read):
    ledger = read("Budget row\n\"We will not accept any cuts this year,\" said Mary Jones.\n"
                  "Coach Tom Reid repeated: \"The players gave everything on the pitch.\"\n"
                  "According to Judge Anne Hall, \"the defendant showed no remorse at all\".")
    said = {c.value: ledger.name_of(c.subject) for c in ledger.of("said")}
    assert said["We will not accept any cuts this year,"] == "Mary Jones"
    assert said["The players gave everything on the pitch."] == "Tom Reid"
    assert said["the defendant showed no remorse at all"] == "Anne Hall"


def test_ledger_said_quoted_as_saying_is_the_quoted_person(read):
    ledger = read("Budget row\nJohn Smith spoke on Monday.\nJane Doe quoted Smith as saying: \"The budget will hurt "
                  "every family.\"")
    (claim,) = ledger.of("said")
    assert ledger.name_of(claim.subject) == "John Smith"


@pytest.mark.parametrize("text, speaker", [
    ("Stand-off\nOfficers say Tom Reed raised his hands and stepped back, shouting: \"I am not armed, do not "
     "shoot.\"", "Tom Reed"),
    ("Final\nThe coach says Ana Ruiz walked over and hugged her rival, telling her: \"You played the better "
     "tennis today.\"", "Ana Ruiz"),
])
def test_ledger_said_by_the_subject_of_a_chain_of_verbs(read, text, speaker):
    (claim,) = read(text).of("said")
    assert read(text).name_of(claim.subject) == speaker


def test_ledger_a_quantity_named_age_is_not_a_persons_age(read):
    ledger = read("Candidates\nThe minister said the current minimum age of 21 for a councillor would be reduced "
                  "to 18. In Scotland the minimum age of 24 for a judge stays.")
    assert [c for c in ledger.of("age") if c.extractor == "quantities"] == []


# --- said: "as X put it", "in the words of X", quotation marks by direction ----------------
@pytest.mark.parametrize("text, quote, speaker", [
    ("Council row\nThe plan was, as Mayor Ruth Kline put it, \"a betrayal of every family on the estate\".",
     "a betrayal of every family on the estate", "Ruth Kline"),
    ("Final whistle\nThe second half was, as coach Lena Ortiz put it, \"the worst we have played all year\".",
     "the worst we have played all year", "Lena Ortiz"),
    ("Trial results\nIn the words of Dr Omar Haddad, \"the data leave no room for doubt about the trial\".",
     "the data leave no room for doubt about the trial", "Omar Haddad"),
    ("Gallery opens\nIn the words of Ines Vidal, the curator, \"every room tells the story of the harbour\".",
     "every room tells the story of the harbour", "Ines Vidal"),
])
def test_ledger_said_as_put_it_and_in_the_words_of(read, quote, text, speaker):
    said = {c.value: read(text).name_of(c.subject) for c in read(text).of("said")}
    assert said.get(quote) == speaker


def test_ledger_said_put_without_as_is_no_attribution(read):
    ledger = read("Council vote\nMayor Ruth Kline put it to the council: \"a betrayal\" was the word used.")
    assert [c for c in ledger.of("said") if c.data.get("verb") == "put"] == []


@pytest.mark.parametrize("text, quote, speaker", [
    ("Cup tie\nCoach Lena Ortiz told reporters: \u201cWe were second best in every department today.\"",
     "We were second best in every department today.", "Lena Ortiz"),
    ("Court\n\"The court was misled from the very first hearing\u201d according to barrister Ian Cole.",
     "The court was misled from the very first hearing", "Ian Cole"),
    ("Budget\n\u201cThe cuts go too far,\" said Senator Ana Ruiz. \"We will vote against them.\u201d",
     "The cuts go too far,", "Ana Ruiz"),
])
def test_ledger_said_mixed_quotation_marks_pair_by_direction(read, quote, text, speaker):
    ledger = read(text)
    said = {c.value: ledger.name_of(c.subject) for c in ledger.of("said")}
    assert said.get(quote) == speaker


def test_quotation_spans_never_open_on_a_closing_mark():
    from consistency.understanding.facts.quotes import quotation_spans

    text = 'He called it fair" and left. Later "the vote" passed.'
    assert [text[s:e] for _, s, e, _ in quotation_spans(text)] == ["the vote"]
    text = "\u201cOne\u201d and \u201ctwo\u201d"
    assert [text[s:e] for _, s, e, _ in quotation_spans(text)] == ["One", "two"]


def test_shared_token_tuple_is_the_docs_tokens_made_once():
    ctx = checker_for("NM01").analyze(Article.from_text("Storm closes roads\n\nThe storm closed 40 roads on Monday."))
    tokens = ctx.tokens("body")
    assert isinstance(tokens, tuple) and tokens is ctx.tokens("body")
    assert [t.i for t in tokens] == [t.i for t in ctx.body_doc] and tokens[3].doc is ctx.body_doc
    assert [t.text for t in ctx.tokens("title")] == ["Storm", "closes", "roads"]


# --- constructions the claims-ledger issue names, in texts of our own ----------------------------

def test_served_as_is_a_role_held_before(read):
    ledger = read("Gallery appoints new head\n\nPriya Nair served as curator of the Hallam Gallery for a "
                  "decade before she left in 2019.")
    (role,) = claims_of(ledger, "role", "Nair")
    assert role.value == "curator" and "former" in role.qualifiers


def test_has_led_is_a_role_with_its_unit(read):
    ledger = read("Lab wins grant\n\nDr Tomas Berg has led the genetics unit at Northfield University since "
                  "2015, the university said.")
    (role,) = claims_of(ledger, "role", "Berg")
    assert role.value == "head" and "genetics unit" in role.data["organisation"]


def test_a_role_word_before_a_name_is_a_role_not_part_of_the_name(read):
    ledger = read("Bank warns on rates\n\nEconomist Ana Reis said inflation would ease. Reis added that wages "
                  "were rising.")
    assert values(ledger, "role", "Reis") == ["economist"]
    assert "Economist" not in " ".join(values(ledger, "name", "Reis"))


def test_a_korean_name_is_read_family_name_first(read):
    ledger = read("Defender signs\n\nKim Min-jae scored twice on Saturday. Kim later said the team had "
                  "worked hard.")
    full = [c for c in claims_of(ledger, "name", "Kim") if c.data.get("given")]
    assert full and full[0].data["surname"] == "Kim" and full[0].data["given"] == ["Min-jae"]


def test_a_spanish_double_surname_is_one_surname(read):
    ledger = read("Court throws out fraud case\n\nJudge Luis Garcia Moreno dismissed the case on Monday. "
                  "Garcia Moreno said the evidence was thin.")
    surnames = {c.data["surname"] for c in claims_of(ledger, "name", "Garcia")}
    assert surnames == {"Garcia Moreno"}
    assert values(ledger, "role", "Garcia") == ["judge"]


@pytest.mark.parametrize("text, speaker", [
    # media: a long attribution with the speaker's firm, then the speaker's next words
    ("TV brands\n\"We will be talking about content brands,\" said Tim Hanlon, from the brand communications "
     "firm Starcom MediaVest. \"The reality is that anybody can be the producer of content now.\"", "Tim Hanlon"),
    # science: the attribution goes on with a post at a named institute
    ("Reef survey\n\"The coral recovered faster than any model predicted,\" said Dr Amara Osei, a marine "
     "biologist at the Institute of Ocean Studies in Accra. \"We will go back to the reef in March.\"",
     "Amara Osei"),
])
def test_ledger_said_a_quotation_after_a_long_attribution_continues_the_speaker(read, text, speaker):
    ledger = read(text)
    said = ledger.of("said")
    assert len(said) == 2 and {ledger.name_of(c.subject) for c in said} == {speaker}


def test_ledger_said_a_sentence_of_its_own_between_two_quotations_ends_the_speaker(read):
    ledger = read("Talks\n\"We will keep talking to the union until a deal is done,\" said Ana Ruiz, the "
                  "minister. The union, which represents 40,000 dockers, walked out. \"It is not enough for "
                  "us today and it never will be,\" a docker shouted.")
    assert [c for c in ledger.of("said") if c.value.startswith("It is not enough")
            and ledger.name_of(c.subject) == "Ana Ruiz"] == []


@pytest.mark.parametrize(("name", "sex"), [
    ("Michael", "m"), ("Helen", "f"), ("Emeka", "m"), ("Adaeze", "f"), ("Hiroshi", "m"), ("Priya", "f"),
    ("Siobhán", "f"),  # listed without its accent
    ("Jean", None), ("Kim", None), ("Alex", None), ("J.", None), ("Zzyzxq", None),  # both ways, initials, unknown
])
def test_lexicon_given_name_gender_from_packaged_records(name, sex):
    from consistency.understanding.lexicon import given_name_gender

    assert given_name_gender(name) == sex


# --- people's bodies in more phrasings (session 9, #13) -----------------------------------------
@pytest.mark.parametrize("text, name, body", [
    # a present participle after the person, or after the noun in apposition to them
    ("Tour stage\nMarco Ferri, a 24-year-old Italian racing for the Dolomiti Cycling squad, attacked early.",
     "Ferri", "Dolomiti Cycling"),
    ("Newspaper\nAyesha Raza, writing for the Lahore Courier, broke the story.", "Raza", "Lahore Courier"),
    # a dash inside the body's name, its first word taken for a person by the small model
    ("Stage race\nPieter de Wit, a Belgian riding for the team Brabo–Lindemann, took the sprint.",
     "de Wit", "Brabo–Lindemann"),
    # "of" after the agent of a passive
    ("Inquiry\nThe panel was led by Professor Amara Diallo of the University of Dakar, an economist.",
     "Diallo", "University of Dakar"),
])
def test_ledger_reads_affiliations_from_participles_and_passive_agents(read, text, name, body):
    assert body in values(read(text), "affiliation", name)


@pytest.mark.parametrize("text", [
    "Newspaper\nAyesha Raza, writing for the first time since March, said little.",  # no body
    "Campaign\nTom Reed, working for Senator Ann Cole, spoke.",  # a person named in full
    "Race\nMarco Ferri, who was racing for Alpine Velo in 2019, retired.",  # past, in a clause
])
def test_ledger_participle_traps(read, text):
    assert values(read(text), "affiliation") == []


@pytest.mark.parametrize("text, name, role, body", [
    # a time in office named with "as"
    ("Guild\nRuth Adeyemi, who is in her third term as treasurer of the Weavers Guild, spoke.",
     "Adeyemi", "treasurer", "Weavers Guild"),
    ("League\nKarl Voss is serving a second season as captain of Eintracht Sud.", "Voss", "captain", "Eintracht Sud"),
    # "its": the owner named before it in the sentence
    ("Vote\nThe UDF's list was drawn up by its general secretary, Nalini Perera, in June.",
     "Perera", "secretary", "UDF"),
])
def test_ledger_reads_roles_of_tenures_and_its_owner(read, text, name, role, body):
    found = [c for c in claims_of(read(text), "role", name) if c.value.endswith(role)]
    assert found and found[0].data.get("organisation") == body


def test_ledger_its_of_a_common_noun_owner_names_no_body(read):
    ledger = read("Firm\nThe company's board said its chairman, Ravi Menon, would stay on.")
    assert all(not c.data.get("organisation") for c in claims_of(ledger, "role", "Menon"))


def test_ledger_a_role_that_owns_a_relative_is_the_relatives(read):
    ledger = read("Firm\nThe chief executive, Elin Berg, spoke first. Later Oskar Berg, the chief executive's "
                  "husband, spoke.")
    assert values(ledger, "role", "Oskar") == []
    (kin,) = claims_of(ledger, "kin", "Oskar")
    assert kin.value == "husband" and ledger.name_of(kin.data["relative"]) == "Elin Berg"


def test_ledger_only_person_nouns_leave_out_things_wordnet_also_calls_people():
    from consistency.understanding.lexicon import is_only_person_noun

    assert all(is_only_person_noun(w) for w in ("spokeswoman", "nurse", "farmer", "chief executive", "witness"))
    assert not any(is_only_person_noun(w) for w in ("case", "company", "source", "government"))
