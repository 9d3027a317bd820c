"""The attribute ruler and the rule lemmatizer of spaCy's English pipelines, as table look-ups.

In `en_core_web_sm` these two steps cost about a fifth of the parse: the ruler runs a
`Matcher` of 179 patterns over every token and the lemmatizer makes a Python `Token` for
every token, though for a given word their output rarely changes. `FastAttributes` takes
their place and gives the same output, token for token:

- a one-token pattern tests only a token's fine tag, lower-case form, dependency label and
  whether it is a space, so which of them match a token is a function of that key (the
  lower-case form counts only where a pattern names it or its expression takes it). What
  the real ruler does to each key is learnt the first time the key is seen, from a doc of
  the one token that has it; docs are then written with one `Doc.from_array`;
- the few longer patterns ("gon na", "there is") run in a small `Matcher` of their own;
  a token one of them hits gets every rule that applies to it again, in the ruler's order
  (later rules win), so the result is the ruler's;
- the lemmatizer already keys its own cache on (word, part of speech, morphology); the same
  key is read here without making `Token` objects, and only words not seen yet go through
  the real lemmatizer.

Where a pipeline's one-token patterns test anything else (another attribute, a negated list
of word forms), `install` leaves the pipeline as it is. `tests/consistency/test_fast_attributes.py`
and `benchmarks/fast_attributes.py` compare the output with spaCy's own.
"""

from __future__ import annotations

import re
from typing import Any

NAME = "consistency_fast_attributes"
RULER, LEMMATIZER = "attribute_ruler", "lemmatizer"
_TESTED = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})

Key = tuple[int, int, int, int]


class _PatternShape:
    """What the ruler's one-token patterns test, its longer patterns, and whether it can be read."""

    def __init__(self, ruler: Any) -> None:
        self.lowers: set[str] = set()
        self.regexes: list[re.Pattern[str]] = []
        self.longer: list[tuple[int, list[dict[str, Any]]]] = []  # (rule id, pattern)
        self.readable = True
        for rule_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if len(pattern) > 1:
                    self.longer.append((rule_id, pattern))
                else:
                    self._read(pattern[0])

    def _read(self, token_pattern: dict[str, Any]) -> None:
        for key, value in token_pattern.items():
            if key not in _TESTED:
                self.readable = False
            elif key == "LOWER":
                if isinstance(value, dict) and set(value) == {"REGEX"}:
                    self.regexes.append(re.compile(value["REGEX"]))
                elif (values := _listed(value)) is not None:
                    self.lowers.update(values)
                else:
                    self.readable = False


def _listed(value: Any) -> list[str] | None:
    """The strings a pattern value accepts: a string, or {"IN": [...]}; None for anything else."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return list(value["IN"])
    return None


class FastAttributes:
    """One pipeline step doing the attribute ruler's and the lemmatizer's work from learnt tables."""

    def __init__(self, nlp: Any, ruler: Any, lemmatizer: Any, shape: _PatternShape) -> None:
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
        from spacy.matcher import Matcher

        self.ruler, self.lemmatizer = ruler, lemmatizer
        self._vocab, self._strings = nlp.vocab, nlp.vocab.strings
        self._regexes = shape.regexes
        self._named = {self._strings.add(s): True for s in shape.lowers}  # lower form id -> a pattern names it
        self._longer = Matcher(nlp.vocab, validate=False)
        for rule_id, pattern in shape.longer:
            self._longer.add(str(rule_id), [pattern])
        self._read, self._written = [TAG, LOWER, DEP, IS_SPACE, ORTH], [POS, MORPH, LEMMA]
        self._ruled: dict[Key, tuple[int, int, int]] = {}  # key -> (pos, morph, lemma) after the ruler
        self._rules: dict[Key, tuple[int, ...]] = {}  # key -> ids of the one-token rules that match it
        self._lemmas: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma
        self._rule_lemmas = RuleLemmas(lemmatizer)

    def __call__(self, doc: Any) -> Any:
        import numpy

        rows = doc.to_array(self._read).tolist()
        keys = [self._key(row) for row in rows]
        unseen = {key for key in keys if key not in self._ruled}
        if unseen and not self._learn(unseen):
            return self._by_components(doc, keys)
        values = numpy.array([self._ruled[key] for key in keys], dtype="uint64").reshape((len(rows), 3))
        doc.from_array(self._written, values)
        if len(self._longer):
            self._apply_longer(doc, keys, values)
        self._lemmatize(doc, rows, values)
        return doc

    def _key(self, row: list[int]) -> Key:
        tag, lower, dep, space, _orth = row
        named = self._named.get(lower)
        if named is None:  # first sight of this word: does a pattern's expression take it?
            text = self._strings[lower]
            named = self._named[lower] = any(r.search(text) for r in self._regexes)
        return (tag, lower if named else 0, dep, space)

    def _apply_longer(self, doc: Any, keys: list[Key], values: Any) -> None:
        """Tokens a longer pattern hits: every rule that applies to them, in the ruler's order."""
        from spacy.tokens._retokenize import set_token_attrs

        hits: dict[int, set[int]] = {}
        for match_id, start, end in self._longer(doc, allow_missing=True):
            rule_id = int(self._strings[match_id])
            token = doc[start:end][self.ruler.indices[rule_id]]
            hits.setdefault(token.i, set()).add(rule_id)
        for i, extra in hits.items():
            token = doc[i]
            for rule_id in sorted(extra.union(self._rules[keys[i]])):
                set_token_attrs(token, self.ruler.attrs[rule_id])
            values[i] = (token.pos, token.morph.key, token.lemma)

    def _lemmatize(self, doc: Any, rows: list[list[int]], values: Any) -> None:
        unknown = []
        for i, row in enumerate(rows):
            if values[i, 2] == 0:
                lemma = self._lemmas.get((row[4], int(values[i, 0]), int(values[i, 1])))
                if lemma is None:
                    unknown.append(i)
                else:
                    values[i, 2] = lemma
        for i in unknown:  # the lemmatizer's rules, for words not seen yet
            token = doc[i]
            values[i, 2] = self._lemmas[(token.orth, token.pos, token.morph.key)] = (
                self._strings.add(self._rule_lemmas.lemma(token)))
        doc.from_array(self._written[2:], values[:, 2:])

    def _learn(self, keys: set[Key]) -> bool:
        """Learn what the real ruler does to each key from a one-token doc holding just it.

        A one-token rule's match depends on the token's key alone, so a doc of that one token
        shows it; this costs a few microseconds a key where running the real ruler over a whole
        doc with one unseen key costs the ruler's full price. Returns False where a key cannot
        be written as a token (no placeholder word fits it, or its word's space flag differs),
        leaving the doc to the real components.
        """
        from spacy.attrs import DEP, HEAD, TAG
        from spacy.tokens import Doc
        import numpy

        for key in keys:
            tag, lower, dep, space = key
            word = self._strings[lower] if lower else self._placeholder(bool(space))
            if word is None:
                return False
            one = Doc(self._vocab, words=[word], spaces=[False])
            one.from_array([TAG, HEAD, DEP], numpy.array([[tag, 0, dep]], dtype="uint64"))
            if bool(one[0].is_space) != bool(space):
                return False
            matches = self.ruler.match(one)
            self.ruler.set_annotations(one, matches)
            token = one[0]
            self._ruled[key] = (token.pos, token.morph.key, token.lemma)
            self._rules[key] = tuple(sorted({rule_id for rule_id, _m, start, end in matches if end - start == 1}))
        return True

    def _placeholder(self, space: bool) -> str | None:
        """A word no pattern names or takes, spaces or not, to stand for a key without its word."""
        for word in ((" ", "\n", "\t") if space else ("zzqx", "qqzx", "xqzv")):
            if self._strings.add(word) not in self._named and not any(r.search(word) for r in self._regexes):
                return word
        return None

    def _by_components(self, doc: Any, keys: list[Key]) -> Any:
        """Run the real ruler, then the real lemmatizer, and learn what they did.

        Only tokens no longer pattern hit teach the ruler's table: their state is that of
        their one-token rules alone.
        """
        matches = self.ruler.match(doc)
        self.ruler.set_annotations(doc, matches)
        rules: dict[int, list[int]] = {}
        touched = set()
        for rule_id, _match_id, start, end in matches:
            if end - start == 1:
                rules.setdefault(start, []).append(rule_id)
            else:
                touched.add(doc[start:end][self.ruler.indices[rule_id]].i)
        before = [(t.pos, t.morph.key, t.lemma) for t in doc]
        doc = self.lemmatizer(doc)
        for token, key, ruled in zip(doc, keys, before):
            if token.i not in touched and key not in self._ruled:
                self._ruled[key] = ruled
                self._rules[key] = tuple(sorted(set(rules.get(token.i, ()))))
            if ruled[2] == 0:
                self._lemmas.setdefault((token.orth, token.pos, token.morph.key), token.lemma)
        return doc


class RuleLemmas:
    """spaCy's rule lemmatizer (`Lemmatizer.rule_lemmatize`) with its word index held as sets.

    spaCy keeps each part of speech's index of known words as a list (57,528 nouns in
    `en_core_web_sm`) and tests every candidate form against it, so a word not yet in its
    cache costs about 0.3 ms; with sets the same rules give the same first lemma in
    microseconds. Cases the rules do not cover go to the real lemmatizer.
    """

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        lookups = lemmatizer.lookups
        index = lookups.get_table("lemma_index", {})
        self.exceptions = lookups.get_table("lemma_exc", {})
        self.rules = lookups.get_table("lemma_rules", {})
        self.index = {pos: frozenset(index.get(pos) or ()) for pos in _POS_WITH_RULES}
        self.has_rules = {pos: bool(index.get(pos) or self.exceptions.get(pos) or self.rules.get(pos))
                          for pos in _POS_WITH_RULES}

    def lemma(self, token: Any) -> str:
        """The first lemma spaCy's rule lemmatizer gives `token`."""
        univ_pos = token.pos_.lower()
        if univ_pos not in self.has_rules:
            return str(self.lemmatizer.lemmatize(token)[0])
        string = token.text
        if self.lemmatizer.is_base_form(token):
            return string.lower()
        if not self.has_rules[univ_pos]:
            return string if univ_pos == "propn" else string.lower()
        index = self.index[univ_pos]
        lower = string.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in self.rules.get(univ_pos, {}):
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in self.exceptions.get(univ_pos, {}).get(lower, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [string])[0]


#: Parts of speech the rule lemmatizer's own code handles (others: "", "eol", "space" and
#: anything unexpected go to the real lemmatizer).
_POS_WITH_RULES = ("adj", "adp", "adv", "aux", "cconj", "conj", "det", "intj", "noun", "num", "part",
                   "pron", "propn", "punct", "sconj", "sym", "verb", "x")


def install(nlp: Any) -> bool:
    """Put `FastAttributes` in place of the ruler and lemmatizer where their output allows it.

    Returns whether it did. The two components stay in the pipeline, disabled: the new step
    calls them for what it has not seen yet.
    """
    from spacy.language import Language

    names = nlp.pipe_names
    if NAME in names or RULER not in names or LEMMATIZER not in names:
        return False
    if names.index(LEMMATIZER) != names.index(RULER) + 1:
        return False
    lemmatizer = nlp.get_pipe(LEMMATIZER)
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return False
    if not _PatternShape(nlp.get_pipe(RULER)).readable:
        return False
    if not Language.has_factory(NAME):
        Language.factory(NAME, func=_make)
    nlp.add_pipe(NAME, after=LEMMATIZER)
    nlp.disable_pipe(RULER)
    nlp.disable_pipe(LEMMATIZER)
    return True


def _make(nlp: Any, name: str) -> FastAttributes:
    ruler = nlp.get_pipe(RULER)
    return FastAttributes(nlp, ruler, nlp.get_pipe(LEMMATIZER), _PatternShape(ruler))
