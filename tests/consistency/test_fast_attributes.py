"""The fast attribute step must give what spaCy's attribute ruler and lemmatizer give, token for token."""

import pytest

from consistency import fast_attributes
from consistency.nlp import load_nlp, resolve_model_name

spacy = pytest.importorskip("spacy")

#: Texts in several registers, with the forms the longer patterns name ("gon na", "let 's",
#: "ai n't", "there is", "y' all"), spaces, numbers, hyphens and quotes; each is parsed twice
#: so the second pass reads the learnt tables.
TEXTS = [
    "The court heard on Monday that the two defendants had been seen near the harbour.",
    "Let's be honest: we're gonna need a bigger boat, and it ain't cheap, y'all.",
    "There is no doubt. There were 3,400 fans; there's a queue at gate 12.",
    "Shares in Acme Corp. rose 5.3% to $12.40 after the U.S. regulator's ruling.",
    "  Spaced   text\n\nwith\ttabs and   runs of  spaces.  ",
    "\"I gotta say, c'mon,\" the striker told reporters after the 2-1 win.",
    "She has been nominated for best actress; he was knighted in 1998 for services to drama.",
    "Researchers measured the glaciers' retreat: they're shrinking faster than models predicted.",
    "Nothin' doin', said the old farmer, who'd farmed there for forty-two years.",
]


@pytest.fixture(scope="module")
def pipelines():
    fast = load_nlp()
    if fast_attributes.NAME not in fast.pipe_names:
        pytest.skip("this pipeline keeps spaCy's own ruler and lemmatizer")
    return spacy.load(resolve_model_name()), fast


def _attributes(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_the_fast_step_replaces_ruler_and_lemmatizer(pipelines):
    _bare, fast = pipelines
    assert fast_attributes.RULER in fast.disabled and fast_attributes.LEMMATIZER in fast.disabled


@pytest.mark.parametrize("round_", [1, 2])
def test_same_parts_of_speech_morphology_and_lemmas_as_spacy(pipelines, round_):
    bare, fast = pipelines
    for text in TEXTS:
        assert _attributes(fast(text)) == _attributes(bare(text)), text


def test_a_pipeline_with_unreadable_patterns_is_left_alone():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"NOT_IN": ["a"]}}]], {"POS": "NOUN"})
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert fast_attributes.install(nlp) is False
    assert fast_attributes.NAME not in nlp.pipe_names


def test_a_longer_pattern_is_applied_on_the_fast_path(pipelines, monkeypatch):
    bare, fast = pipelines
    teaching = "The plan is simple. The fans were loud. There is a queue. There were fans."
    fast(teaching)
    fast(teaching)  # every key of the second sentence is known now
    step = fast.get_pipe(fast_attributes.NAME)
    monkeypatch.setattr(step, "_by_components", lambda doc, keys: pytest.fail("took the slow path"))
    text = "There is a queue. There were fans."
    assert _attributes(fast(text)) == _attributes(bare(text))


def test_rule_lemmas_agree_with_spacys_rule_lemmatizer(pipelines):
    bare, _fast = pipelines
    lemmas = fast_attributes.RuleLemmas(bare.get_pipe(fast_attributes.LEMMATIZER))
    text = ("The geese were flying over wolves' dens; she'd better have written the analyses, "
            "said the oldest of the Smiths, happier than ever, as prices fell further and worse.")
    for token in bare(text):
        assert lemmas.lemma(token) == bare.get_pipe(fast_attributes.LEMMATIZER).rule_lemmatize(token)[0], token.text
