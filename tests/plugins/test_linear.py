"""Rules do work linear in the article's length on hostile repetitive text (QT01, QT02, GE01).

Work is counted, not timed: the Python lines a rule executes (a `sys.settrace` counter) on a
text and on one four times as long. Each case once took quadratic or cubic work.
"""

from __future__ import annotations

import random
import sys

import pytest

from consistency import Article, Checker
from consistency.nlp import MAX_SENTENCE_TOKENS

pytestmark = pytest.mark.slow


def numbers(n: int) -> str:
    rng = random.Random(1)
    places = ["Paris", "Minsk", "Kazan"]
    return "Figures\n" + " ".join(f"{rng.randint(1, 999)} people died in {rng.choice(places)}," for _ in range(n))


def number_sentences(n: int) -> str:
    return numbers(n).replace(",", ".")


def number_list(n: int) -> str:
    rng = random.Random(2)
    return "Figures\nThe counts were " + ", ".join(str(rng.randint(1, 99999)) for _ in range(n)) + "."


def places(n: int) -> str:
    return "Places\n" + " ".join("Officials met in the Belarusian city of Kazan and in Paris, Texas." for _ in range(n))


def place_list(n: int) -> str:
    return "Places\n" + " ".join("the Belarusian city of Kazan and Paris, Texas," for _ in range(n))


@pytest.fixture(scope="module")
def checkers():
    return {code: Checker(select=[code]) for code in ("QT01", "QT02", "GE01")}


def lines_run(checker: Checker, text: str) -> int:
    article = Article.from_text(text)
    title, body = checker.nlp.pipe([article.title, article.body])
    from consistency.analysis import ArticleAnalysis

    checker.run_rules("warm", ArticleAnalysis(article, title, body, checker.resources))  # caches, lazy loads
    count = [0]

    def tracer(frame, event, arg):
        if event == "line":
            count[0] += 1
        return tracer

    ctx = ArticleAnalysis(article, title, body, checker.resources)
    sys.settrace(tracer)
    try:
        checker.run_rules("x", ctx)
    finally:
        sys.settrace(None)
    return count[0]


@pytest.mark.parametrize("code, make", [
    ("QT01", numbers), ("QT01", number_sentences), ("QT01", number_list),
    ("QT02", number_list), ("QT02", numbers),
    ("GE01", places), ("GE01", place_list),
])
def test_linear_work_on_repetitive_text(checkers, code, make):
    small, large = lines_run(checkers[code], make(60)), lines_run(checkers[code], make(240))
    assert large < 5 * small + 5000, (small, large)


def test_linear_sentences_are_capped(checkers):
    doc = checkers["QT01"].nlp(numbers(300))
    assert max(len(sent) for sent in doc.sents) <= MAX_SENTENCE_TOKENS + 2  # the title line and its break come first
