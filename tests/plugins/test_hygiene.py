"""HY01 hygiene.web-residue: page furniture on lines of its own, never inside prose."""

from __future__ import annotations

import pytest

from consistency.testing import assert_flags, assert_passes, run_rule

HEAD = "Council approves budget\nThe council approved the budget on Tuesday after a long debate.\n\n"


@pytest.mark.parametrize("line", [
    "Leave a Comment",
    "Share this article",
    "Share on Facebook",
    "Click here to subscribe",
    "Sign up for our daily newsletter",
    "Advertisement",
    "Story continues below advertisement",
    "Read more: Council tax to rise by 5%",
    "12 Comments",
    "Follow us on Twitter and Facebook",
    "We use cookies to give you the best experience on our website. By continuing you agree to our use of cookies.",
])
def test_hygiene_flags_furniture_lines(line):
    findings = assert_flags("HY01", HEAD + line + "\n\nThe vote was 30 to 12.", quotes=[line], min_severity="info")
    assert findings[0].severity.value == "info"


def test_hygiene_flags_residue_at_the_very_end_with_trailing_symbols():
    assert_flags("HY01", HEAD + "  Leave a Comment  ", quotes=["Leave a Comment"], min_severity="info")
    assert_flags("HY01", HEAD + "Read more »", quotes=["Read more »"], min_severity="info")


def test_hygiene_passes_the_words_inside_running_prose():
    for text in (
        "Residents who wish to leave a comment on the plans can do so at the town hall.",
        "Readers were asked to click here to subscribe, the complaint said.",
        "The firm spent £2m on advertisement campaigns last year.",
        ("Read more about the plans in the council's own report, which runs to 300 pages and was published "
         "on Monday after months of delay and a long consultation with residents and businesses."),
    ):
        assert not run_rule("HY01", HEAD + text, min_severity="info"), text


def test_hygiene_is_info_so_never_a_warning():
    assert_passes("HY01", HEAD + "Leave a Comment")


def test_hygiene_max_words_option_limits_line_length():
    line = "Read more: " + "the council's plans for the town centre " * 3
    assert run_rule("HY01", HEAD + line, min_severity="info")
    assert not run_rule("HY01", HEAD + line, min_severity="info", max_words=5)
