"""The sentence cap scans long docs by word ids; it must set the same sentence starts as the
token-by-token form it replaced."""

import random

import spacy

from consistency.nlp import MAX_SENTENCE_TOKENS, _cap_sentences_reference, cap_sentences


def _starts(doc):
    return [t.i for t in doc if t.is_sent_start]


def _text(seed: int, words: int) -> str:
    rng = random.Random(seed)
    pieces = ["shares", "rose", "in", "Paris", ",", "and", "the", "court", "ruled", "\n", "\n\n", ".", ";", "!",
              "?", "…", "said", "Smith", "3.5", "per", "cent"]
    weights = [8, 8, 8, 4, 6, 6, 8, 4, 4, 1, 1, 1, 1, 1, 1, 1, 3, 3, 2, 2, 2]
    return " ".join(rng.choices(pieces, weights=[w if i > 8 else w * 20 for i, w in enumerate(weights)], k=words))


def test_cap_sets_the_same_starts_as_the_token_by_token_scan():
    nlp = spacy.blank("en")
    for seed in range(12):
        text = _text(seed, 50 + 200 * seed)
        fast, slow = cap_sentences(nlp(text)), _cap_sentences_reference(nlp(text))
        assert _starts(fast) == _starts(slow)


def test_cap_starts_a_sentence_in_a_long_run_without_ends():
    nlp = spacy.blank("en")
    doc = cap_sentences(nlp(" ".join(["word"] * (3 * MAX_SENTENCE_TOKENS + 10))))
    assert [t.i for t in doc[1:] if t.is_sent_start is True] == [MAX_SENTENCE_TOKENS, 2 * MAX_SENTENCE_TOKENS,
                                                             3 * MAX_SENTENCE_TOKENS]


def test_short_docs_are_left_alone():
    nlp = spacy.blank("en")
    doc = cap_sentences(nlp(" ".join(["word"] * MAX_SENTENCE_TOKENS)))
    assert not any(t.is_sent_start is True for t in doc[1:])
