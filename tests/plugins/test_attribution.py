"""AT01-AT03: quotations given two speakers, speakers given two affiliations, two publishers."""

from __future__ import annotations

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


# --- the quotation index (AT01's pairs without comparing every pair) ----------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from consistency_plugins.attribution import (  # noqa: E402
    Quotation,
    _conflicting_pairs,
    _repeated,
    _same_speaker,
    _same_words,
)

_QUOTES = st.lists(st.lists(st.sampled_from("a b c d".split()), min_size=0, max_size=9).map(tuple), max_size=12)
_SURNAMES = st.sampled_from(["Smith", "smith", "Smith's", "Jones", "Brown", "'s", ""])


@settings(max_examples=300, deadline=None)
@given(quotes=_QUOTES, min_words=st.integers(min_value=0, max_value=4))
def test_attribution_repeated_quotations_are_those_a_full_comparison_finds(quotes, min_words):
    expected = [any(o != i and _same_words(q, quotes[o], min_words) for o in range(len(quotes)))
                for i, q in enumerate(quotes)]
    assert _repeated(quotes, min_words) == expected


@settings(max_examples=300, deadline=None)
@given(quotes=_QUOTES, surnames=st.lists(_SURNAMES, min_size=12, max_size=12),
       min_words=st.integers(min_value=0, max_value=4))
def test_attribution_conflicting_pairs_are_those_of_the_pairwise_loop(quotes, surnames, min_words):
    items = [Quotation(10 * i, 10 * i + 5, "", words, surname, 0, 1, surname) for i, (words, surname)
             in enumerate(zip(quotes, surnames))]
    expected, reported = [], set()
    for i, first in enumerate(items):  # the loop AT01 ran before its index
        for j in range(i + 1, len(items)):
            later = items[j]
            if later.start in reported or not _same_words(first.words, later.words, min_words):
                continue
            if _same_speaker(first, later):
                continue
            reported.add(later.start)
            expected.append((i, j))
    assert _conflicting_pairs(items, min_words) == expected
