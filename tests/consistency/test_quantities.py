"""Tests of `consistency.understanding.quantities`: values, units, counted nouns and qualifiers."""

from __future__ import annotations

import pytest

from consistency.checker import Checker
from consistency.understanding.quantities import Quantity, number_value
from consistency.testing import make_article


@pytest.fixture(scope="module")
def quantities():
    checker = Checker(select=["QT01"], preview=True)

    def run(text: str) -> list[Quantity]:
        return checker.analyze(make_article("Headline\n" + text)).quantities

    return run


@pytest.mark.parametrize(("text", "value"), [
    ("1,400", 1400), ("1.13bn", 1.13e9), ("600m", 6e8), ("twelve", 12), ("twenty-five", 25), ("12", 12),
    ("Monday", None), ("1.2.3", None),
])
def test_quantities_number_value(text: str, value: float | None) -> None:
    assert number_value(text) == value


def test_quantities_scaled_values_and_currencies(quantities) -> None:
    found = {q.text: q for q in quantities("Profits rose to $1.13bn (£600m), and about 1.2 million jobs went.")}
    assert found["$1.13bn"].value == 1.13e9 and found["$1.13bn"].unit == "USD"
    assert found["£600m"].unit == "GBP"
    jobs = found["1.2 million"]
    assert (jobs.value, jobs.counted, jobs.approximate) == (1.2e6, "job", True)


def test_quantities_short_scale_that_took_the_full_stop(quantities) -> None:
    # the tokenizer reads "m." at a sentence end as an abbreviation: still 125 million, and the stop is not
    # part of the figure; a word with a full stop after a spaced number is no scale ("12 m. of rope" aside)
    found = {q.text: q for q in quantities("The club sold its ground for £125m. Shares in the group rose. It paid $40bn.")}
    assert found["£125m"].value == 125e6 and found["£125m"].unit == "GBP" and found["£125m"].counted != "share"
    assert found["$40bn"].value == 40e9
    found = {q.text: q for q in quantities("The agency paid out 7 k. of it was late. It fined the bank $3bn.")}
    assert "7" in found and found["7"].value == 7
    assert found["$3bn"].value == 3e9


def test_quantities_counted_noun_predicate_and_bounds(quantities) -> None:
    qs = quantities("Twelve people died. Up to 300 citizens were flown home. At least 15 were killed.")
    died, citizens, killed = qs
    assert (died.value, died.counted, died.predicate) == (12, "people", "die")
    assert citizens.bound == "upper" and "up to" in citizens.qualifiers
    assert killed.bound == "lower" and killed.predicate == "kill"


def test_quantities_percent_change_range_and_score(quantities) -> None:
    qs = {q.text: q for q in quantities("Sales rose 2% to $11bn. Between 10 and 20 people were hurt. Chelsea won 3-1.")}
    assert qs["2%"].unit == "%"
    assert qs["$11bn"].change == "rise"
    assert qs["10"].range and qs["20"].range
    assert qs["3"].score


def test_quantities_skip_dates_years_and_ordinals(quantities) -> None:
    qs = quantities("On July 20, 2004, the second vote was held at 10:30.")
    assert [q.text for q in qs] == []


@pytest.mark.parametrize(("text", "label"), [
    ("Hornád beat Poľana in Game 7 to win the title.", "7"),  # ice hockey
    ("She won Stage 5 of the race by four seconds.", "5"),  # cycling
    ("A Category 4 hurricane made landfall overnight.", "4"),  # weather
    ("The court ruled on Article 50 of the treaty.", "50"),  # courts
    ("The firm filed for Chapter 11 protection in Delaware.", "11"),  # business
])
def test_quantities_a_number_after_the_noun_it_numbers_is_a_name(quantities, text: str, label: str) -> None:
    assert label not in {q.text for q in quantities(text)}


@pytest.mark.parametrize(("text", "count"), [
    ("Police arrest 14 after the raid in the capital.", "14"),
    ("The storm killed 12 people in the north.", "12"),
    ("Jets 5, Rangers 2: the visitors scored late.", "2"),  # a score line: each team's goals
    ("Smith, 54, said the orchestra played 12 concerts.", "12"),
])
def test_quantities_counts_before_their_nouns_and_score_lines_stay_counts(quantities, text: str, count: str) -> None:
    assert count in {q.text for q in quantities(text)}


# --- currencies in every form: signs glued or apart, ISO codes, names written after the figure --------------
@pytest.mark.parametrize(("text", "figure", "value", "unit"), [
    ("The port operator spent HK$12.5 million on cranes.", "HK$12.5 million", 12.5e6, "HKD"),
    ("The miner posted a loss of A$310m last year.", "A$310m", 3.1e8, "AUD"),
    ("Dairy exports earned NZ$2.1bn in the quarter.", "NZ$2.1bn", 2.1e9, "NZD"),
    ("The province will borrow C$ 900 million.", "C$ 900 million", 9e8, "CAD"),
    ("The airline lost US$45m on the route.", "US$45m", 4.5e7, "USD"),
    ("The municipality set aside R14 million for water pipes.", "R14 million", 1.4e7, "ZAR"),
    ("A ticket costs Rs 250 on the express.", "Rs 250", 250, "INR"),
    ("Traders pay KSh 1,500 a day for a stall.", "KSh 1,500", 1500, "KES"),
    ("The state raised N40 billion from the bond.", "N40 billion", 4e10, "NGN"),
    ("The state raised ₦40bn from the bond.", "₦40bn", 4e10, "NGN"),
    ("Growers were paid GH¢800 a tonne.", "GH¢800", 800, "GHS"),
    ("The bond raised NGN12bn.", "NGN12bn", 1.2e10, "NGN"),
])
def test_quantities_currency_signs_glued_or_apart(quantities, text: str, figure: str, value: float, unit: str) -> None:
    found = {q.text: q for q in quantities(text)}
    assert figure in found, sorted(found)
    assert (found[figure].value, found[figure].unit) == (value, unit)
    assert found[figure].counted is None or found[figure].counted.isalpha() and len(found[figure].counted) > 3  # not the sign


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The tower sold for 640 million Hong Kong dollars.", 6.4e8, "HKD"),
    ("Farmers received 3 billion naira in loans.", 3e9, "NGN"),
    ("The fine was 20,000 Kenya shillings.", 2e4, "KES"),
    ("The club paid 90 million rand for the stadium.", 9e7, "ZAR"),
    ("The dam will cost 12 billion Pakistani rupees.", 1.2e10, "PKR"),
])
def test_quantities_currency_named_after_the_figure(quantities, text: str, value: float, unit: str) -> None:
    money = [q for q in quantities(text) if q.value == value]
    assert money and money[0].unit == unit


@pytest.mark.parametrize("text", [
    "Nurses asked for more N95 masks.",             # a mask's name, not naira
    "Traffic was slow on the R5 near the bridge.",  # a road
    "He listed 7 real problems with the plan.",     # "real" the word, not the Brazilian currency
    "The 4,000 shillings of the old coin hoard were found in a field.",  # a family word of several currencies
])
def test_quantities_currency_lookalikes_are_not_money(quantities, text: str) -> None:
    assert all(q.unit is None for q in quantities(text))
