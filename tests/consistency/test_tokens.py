"""The token helpers read from doc arrays give what the Token-by-Token reading they replace gives."""

from __future__ import annotations

import random
import re

import pytest

from consistency import Article
from consistency.testing import checker_for
from consistency.understanding.lexicon import same_organisation
from consistency.understanding.tokens import (
    lower_lemma_indices,
    pos_flags,
    sentence_of,
    whole_word_spans,
)

TEXTS = [
    "Ana Ruiz, 24, told reporters in Madrid that the talks would resume. \"We will mediate,\" she said.",
    "The Kenya Medical Research Institute said on Tuesday it had brokered a deal between the two unions.",
    "Shares in Volkswagen fell 3% in Frankfurt. Analysts said the mediation had failed.\n\nMediators left.",
    "",
]


@pytest.fixture(scope="module")
def docs():
    checker = checker_for("NM01")
    return [checker.analyze(Article(title="T", body=text)).body_doc for text in TEXTS]


def test_whole_word_spans_is_the_bounded_regex():
    rng = random.Random(7)
    alphabet = "ab .-'’\nUSé_1"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        form = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4)))
        assert whole_word_spans(text, form) == [m.span() for m in re.finditer(rf"\b{re.escape(form)}\b", text)]


def test_whole_word_spans_in_prose():
    text = "Korea and South Korea; Korean, Koreans. U.S. forces, the U.S.-led side."
    assert whole_word_spans(text, "Korea") == [(0, 5), (16, 21)]
    assert whole_word_spans(text, "Korean") == [(23, 29)]
    assert len(whole_word_spans(text, "U.S")) == 2


@pytest.mark.slow
def test_pos_flags_are_the_tokens_parts_of_speech(docs):
    for doc in docs:
        assert pos_flags(doc, "PROPN") == [t.pos_ == "PROPN" for t in doc]
        assert pos_flags(doc, "VERB", "AUX") == [t.pos_ in ("VERB", "AUX") for t in doc]


@pytest.mark.slow
def test_lower_lemma_indices_are_the_tokens_lemmas(docs):
    words = frozenset({"mediate", "mediation", "broker", "mediator", "say"})
    for doc in docs:
        assert lower_lemma_indices(doc, words) == [t.i for t in doc if t.lemma_.lower() in words]
    assert lower_lemma_indices(docs[0], frozenset()) == []


@pytest.mark.slow
def test_sentence_of_is_token_sent(docs):
    for doc in docs:
        assert [sentence_of(t).start for t in doc] == [t.sent.start for t in doc]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("the CEA", "Consumer Electronics Association", True),
    ("Makerere University", "Makerere University's medical school", True),
    ("the Met's Counter Terrorism Command", "the Metropolitan Police's Counter Terrorism Command", True),
    ("Bank of England", "BoE", False),
    ("BE", "Bank of England", True),
    ("Oxfam", "Save the Children", False),
    ("Toyota", "Honda", False),
])
def test_same_organisation_with_forms_made_once(a, b, same):
    assert same_organisation(a, b) is same
    assert same_organisation(b, a) is same
