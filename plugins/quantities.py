"""Rule family `quantities`: numbers that disagree with each other.

Codes: QT01 (one count, such as a death toll, given two values), QT02 (a list that does not
match its announced number; a percentage that disagrees with its counts), QT03 (parts that do
not add up to their stated total; shares over 100 percent), QT04 (a measure restated with
another figure).

Sources: the claims ledger's quantity claims (`ctx.claims`, facts/quantities.py): QT04 compares
their measures, owners and qualifiers; QT01-QT03 read every number through the `Quantity` each
quantity claim links to (`ctx.claims.quantities()`: values, units, counted nouns, tokens), and
still read from the text the words around a number (update, hedge and period words, a list after
"N things:", "X of Y, or Z%"). No external data.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from itertools import groupby
from typing import TYPE_CHECKING, Any

from consistency import Options, Rule, hookimpl
from consistency.models import Finding, Severity, Span
from consistency.understanding.facts.quantities import MONEY_HOWS, measure_of_noun
from consistency.understanding.ledger import Claim
from consistency.understanding.lexicon import is_person_noun
from consistency.understanding.quantities import Quantity
from consistency.understanding.tokens import sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from consistency.analysis import ArticleAnalysis

# What an event count counts, by the words that name it (counted noun or verb lemma).
COUNT_CLASSES: dict[str, set[str]] = {
    "death toll": {"die", "dead", "death", "kill", "toll", "fatality", "victim", "body", "perish"},
    "number of injured": {"injure", "injured", "wound", "wounded", "hurt", "injury"},
    "number of arrests": {"arrest", "detain"},
    "number of missing": {"missing"},
    "number of evacuated": {"evacuate", "evacuee"},
    "number of hostages": {"hostage"},
}
_CLASS_OF = {word: name for name, words in COUNT_CLASSES.items() for word in words}
_GENERIC_NOUNS = {"people", "person", "dead", "death", "toll", "fatality", "victim", "body", "injured", "wounded",
                  "injury", "hostage", "evacuee", "missing", "casualty", "life"}
_UPDATE_WORDS = {"revised", "revise", "now", "latest", "later", "updated", "update", "new", "final", "total",
                 "further", "another", "additional", "more", "risen", "rose", "rise", "climbed", "increased",
                 "corrected", "initially", "originally", "earlier", "first", "then", "since", "overall",
                 "subsequently", "eventually", "previously", "preliminary", "raised", "other",
                 "officially", "tally", "including", "among", "whom", "altogether", "all", "cumulative"}
_HEDGES = {"may", "might", "could", "would", "fear", "feared", "fears", "possibly", "perhaps", "likely", "estimate",
           "estimated", "estimates", "believed", "thought", "reportedly", "unconfirmed", "claimed", "claims", "if"}
_PERIOD_WORDS = {"year", "month", "week", "day", "annually", "annual", "each", "every", "per", "a", "daily",
                 "weekly", "monthly", "yearly"}
_RECENT = {"today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
           "on", "the", "'s", "morning", "evening", "night", "afternoon", "this", "late", "early"}


class CountConflict(Rule):
    """One event count, such as a death toll, is given two different values.

    What it flags:
        A count of the dead, injured, arrested, missing, evacuated or hostages given as
        one number ("12 people died") and later as another ("the 15 dead", "15 were
        killed"), for the same group, place and time, with no word marking an update.
        Also a group counted once ("150 passengers") and later taken up as "the 180
        passengers" (a definite back-reference), at lower confidence. Other figures
        (money, percentages, business results) are out of scope: one article gives many
        different values for them by design.

    Why it matters:
        Casualty figures are the facts readers remember and other outlets copy; two
        figures in one article mean one of them is wrong or an update was lost.

        A warning, not an error: a toll can rise during the story, and the rule cannot
        always tell an update from a conflict.

    Example:
        Blast in city centre
        Twelve people died in the blast on Monday, police said.
        Rescue workers said the 15 dead included two firefighters.

    Not flagged:
        Blast in city centre
        Twelve people died in the blast on Monday, police said.
        The death toll later rose to 15, rescue workers said.

    Options:
        min_relative_difference: smallest difference, as a share of the larger value,
            counted as a conflict when either figure is approximate (default 0.2).
    """

    code = "QT01"
    name = "quantities.value-conflict"
    default_severity = Severity.warning
    requires = ("quantities", "claims")

    class Options(Options):
        min_relative_difference: float = 0.2

    options: CountConflict.Options

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        facts = _Facts()
        counts = [(q, cls) for q in ctx.claims.quantities() if (cls := _count_class(q)) is not None]
        later = _later_in_bucket([cls for _, cls in counts])
        reported: set[str] = set()
        for i, (first, cls) in enumerate(counts):
            if cls in reported or not facts.plain(first):
                continue
            for j in later[i]:
                second = counts[j][0]
                if second.value == first.value or not facts.plain(second):
                    continue
                if not self._same_count(first, second, facts):
                    continue
                reported.add(cls)
                yield self._finding(ctx, cls, first, second)
                break
        yield from self._back_references(ctx, facts)

    def _back_references(self, ctx: ArticleAnalysis, facts: _Facts) -> Iterator[Finding]:
        """"150 passengers ... the 180 passengers": a definite "the N things" takes up a group counted before."""
        groups = [q for q in ctx.claims.quantities() if _countable_group(q) and _count_class(q) is None]
        later = _later_in_bucket([q.counted_phrase for q in groups])
        reported: set[str] = set()
        for i, first in enumerate(groups):
            if first.counted_phrase in reported or not facts.plain(first):
                continue
            for j in later[i]:
                second = groups[j]
                if (second.value == first.value or not _definite(second) or _modifiers(second) - _modifiers(first)
                        or not facts.plain(second) or not self._same_count(first, second, facts)):
                    continue
                reported.add(first.counted_phrase or "")
                span, evidence = _phrase_span(ctx, second), _phrase_span(ctx, first)
                yield self.finding(
                    f"The {first.counted_phrase} are counted as {_fmt(first.value)} (\"{evidence.text}\") and later "
                    f"referred to as \"{span.text}\", with nothing marking an update.",
                    [span], [evidence], confidence=0.6,
                    data={"count": first.counted_phrase, "first": first.value, "second": second.value},
                )
                break

    def _same_count(self, a: Quantity, b: Quantity, facts: _Facts) -> bool:
        if _subject(a) != _subject(b):
            return False  # "12 soldiers" and "15 civilians", or "3 children" among "15 dead"
        if (a.approximate or b.approximate) and \
                abs(a.value - b.value) / max(a.value, b.value) < self.options.min_relative_difference:
            return False
        if a.sentence == b.sentence:
            return False  # "12 died in X and 15 in Y": one sentence contrasting two counts
        return facts.same_circumstances(a, b)

    def _finding(self, ctx: ArticleAnalysis, cls: str, first: Quantity, second: Quantity) -> Finding:
        span, evidence = _phrase_span(ctx, second), _phrase_span(ctx, first)
        return self.finding(
            f"The {cls} is given as {_fmt(first.value)} (\"{evidence.text}\") and later as {_fmt(second.value)} "
            f"(\"{span.text}\"), with nothing marking an update.",
            [span], [evidence], confidence=0.7,
            data={"count": cls, "first": first.value, "second": second.value},
        )


def _count_class(q: Quantity) -> str | None:
    """Which event count a quantity gives, or None for anything else."""
    if q.unit is not None or not q.is_integer or q.value < 1 or q.range or q.score:
        return None
    if q.counted in _CLASS_OF:
        if q.counted == "toll" and not (q.counted_phrase or "").startswith("death"):
            return None
        return _CLASS_OF[q.counted]
    doc = q.sentence.doc
    following = doc[q.tokens[1]] if q.tokens[1] < q.sentence.end else None
    if following is not None and q.counted is None and following.tag_ in ("JJ", "VBN", "NNS", "NN"):
        word = following.lower_ if following.lower_ in _CLASS_OF else following.lemma_.lower()
        if word in _CLASS_OF:
            return _CLASS_OF[word]  # "treated the 14 injured", "the 20 arrested": the participle is the group
    if q.counted_index is not None:
        for child in doc[q.counted_index].children:  # "eight injured firefighters"
            if child.dep_ == "amod" and (child.lower_ in _CLASS_OF or child.lemma_.lower() in _CLASS_OF):
                return _CLASS_OF.get(child.lower_) or _CLASS_OF[child.lemma_.lower()]
    if q.predicate in _CLASS_OF and (q.counted is None or q.counted not in ("%",)):
        return _CLASS_OF[q.predicate]
    if q.counted is None:
        return _class_of_subject(doc[q.tokens[1] - 1])
    return None


def _class_of_subject(number: Token) -> str | None:
    """"The death toll is 12", "the death toll stands at 12": the count named by the verb's subject."""
    verb = number.head
    if number.dep_ == "pobj" and verb.lower_ in ("at", "of") and verb.dep_ == "prep":
        verb = verb.head
    elif number.dep_ not in ("attr", "dobj"):
        return None
    if verb.lemma_.lower() not in ("be", "stand", "remain", "reach", "hit", "total"):
        return None
    for child in verb.children:
        if child.dep_ == "nsubj":
            lemma = child.lemma_.lower()
            compounds = {c.lower_ for c in child.children if c.dep_ == "compound"}
            if lemma == "toll" and "death" in compounds:
                return "death toll"
            if lemma in _CLASS_OF and lemma != "toll":
                return _CLASS_OF[lemma]
    return None


_NOT_GROUPS = {"%", "year", "month", "day", "week", "hour", "minute", "second", "time", "point", "percent", "cent",
               "decade", "century", "times", "mile", "kilometre", "km", "metre", "tonne", "ton", "barrel", "share"}


def _countable_group(q: Quantity) -> bool:
    """A whole count of a plural noun ("150 passengers"), not a measure, a ratio ("one in 10") or a name ("3G")."""
    if q.unit is not None or not q.is_integer or q.value < 2 or q.range or q.score or q.counted_index is None:
        return False
    doc = q.sentence.doc
    noun = doc[q.counted_index]
    if noun.tag_ != "NNS" or q.counted in _NOT_GROUPS or q.counted in _GENERIC_NOUNS:
        return False
    before = doc[q.tokens[0] - 1] if q.tokens[0] > q.sentence.start else None
    after = doc[q.tokens[1]] if q.tokens[1] < q.sentence.end else None
    if before is not None and before.lower_ in ("in", "per", "every", "out"):
        return False  # "one in 10 adults"
    return not (after is not None and after.idx == q.end and after.is_alpha)  # "3G networks"


def _definite(q: Quantity) -> bool:
    doc = q.sentence.doc
    return q.tokens[0] > q.sentence.start and doc[q.tokens[0] - 1].lower_ == "the"


def _modifiers(q: Quantity) -> set[str]:
    """Adjectives and compounds of the counted noun: "adult Americans" is not all "Americans"."""
    if q.counted_index is None:
        return set()
    noun = q.sentence.doc[q.counted_index]
    return {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i != q.tokens[1] - 1}


def _subject(q: Quantity) -> str | None:
    return None if q.counted is None or q.counted in _GENERIC_NOUNS else q.counted


#: Later counts of the same kind a count is compared with (QT01): enough for any real
#: article, and it keeps a text of thousands of numbers linear.
MAX_COMPARED = 50


def _later_in_bucket(keys: list[str | None]) -> list[list[int]]:
    """For each position, the next MAX_COMPARED later positions with the same key."""
    positions: dict[str | None, list[int]] = {}
    for i, key in enumerate(keys):
        positions.setdefault(key, []).append(i)
    later: list[list[int]] = [[] for _ in keys]
    for indices in positions.values():
        for n, i in enumerate(indices):
            later[i] = indices[n + 1:n + 1 + MAX_COMPARED]
    return later


class _Facts:
    """What QT01's pair checks read, computed once per sentence or quantity of one article.

    Without it every pair of counts re-read its sentences, cubic in a long list of figures.
    """

    def __init__(self) -> None:
        self._words: dict[tuple[int, int], frozenset[str]] = {}
        self._places: dict[tuple[int, int], frozenset[str]] = {}
        self._dates: dict[tuple[int, int], tuple[list[int], list[int], list[frozenset[str]], Counter[str]]] = {}
        self._plain: dict[int, bool] = {}
        self._date_keys: dict[int, frozenset[str]] = {}

    def plain(self, q: Quantity) -> bool:
        """A figure stated flatly: no bound, range, change, partitive, or update/period words nearby."""
        if id(q) not in self._plain:
            self._plain[id(q)] = self._is_plain(q)
        return self._plain[id(q)]

    def _is_plain(self, q: Quantity) -> bool:
        if q.bound is not None or q.range or q.change or q.partitive:
            return False
        if self._sentence_words(q.sentence) & (_UPDATE_WORDS | _HEDGES):
            return False
        near = {t.lower_ for t in q.sentence.doc[q.tokens[1]:min(q.tokens[1] + 4, q.sentence.end)]}
        return not (near & _PERIOD_WORDS and near & {"a", "per", "each", "every"})

    def _sentence_words(self, sent: SpacySpan) -> frozenset[str]:
        key = (id(sent.doc), sent.start)
        if key not in self._words:
            self._words[key] = frozenset(t.lower_ for t in sent)
        return self._words[key]

    def same_circumstances(self, a: Quantity, b: Quantity) -> bool:
        """Whether the sentences of two counts could speak of the same event: no differing dates or places."""
        dates_a, dates_b = self.date_keys(a), self.date_keys(b)
        if dates_a != dates_b and (dates_a - _RECENT or dates_b - _RECENT):
            return False
        places_a, places_b = self.places(a.sentence), self.places(b.sentence)
        return not (places_a and places_b and places_a.isdisjoint(places_b))

    def places(self, sent: SpacySpan) -> frozenset[str]:
        """Lower-cased place entities of a sentence."""
        key = (id(sent.doc), sent.start)
        if key not in self._places:
            self._places[key] = frozenset(e.text.lower() for e in sent.ents if e.label_ in ("GPE", "LOC", "FAC"))
        return self._places[key]

    def date_keys(self, q: Quantity) -> frozenset[str]:
        """Words of the sentence's dates, leaving out the count itself (the tagger may call "21" a date)."""
        if id(q) in self._date_keys:
            return self._date_keys[id(q)]
        key = (id(q.sentence.doc), q.sentence.start)
        if key not in self._dates:
            dates = [e for e in q.sentence.ents if e.label_ in ("DATE", "TIME")]
            words = [frozenset(t.lower_ for t in e if not t.is_punct) for e in dates]
            self._dates[key] = ([e.start for e in dates], [e.end for e in dates], words,
                                Counter(w for group in words for w in group))
        starts, ends, words, total = self._dates[key]
        first, last = q.tokens
        # Entities do not overlap one another: those overlapping the count sit just before `last`.
        overlapping = []
        k = bisect.bisect_left(starts, last) - 1
        while k >= 0 and ends[k] > first:
            overlapping.append(k)
            k -= 1
        if not overlapping:
            result = frozenset(total)
        else:
            remaining = Counter(total)
            for k in overlapping:
                remaining.subtract(words[k])
            result = frozenset(w for w, n in remaining.items() if n > 0)
        self._date_keys[id(q)] = result
        return result


def _phrase_span(ctx: ArticleAnalysis, q: Quantity) -> Span:
    """The number with its counted noun or verb when they are close: "12 people died"."""
    indices = [q.tokens[0], q.tokens[1] - 1]
    extras = [q.counted_index]
    if q.counted_index is None or q.counted in ("people", "person"):
        extras.append(q.predicate_index)  # "15 were killed", "12 people died"
    for extra in extras:
        if extra is not None and abs(extra - q.tokens[0]) <= 5:
            indices.append(extra)
    doc = q.sentence.doc
    start, end = doc[min(indices)], doc[max(indices)]
    return ctx.span_at(q.field, start.idx, end.idx + len(end.text))


def _fmt(value: float) -> str:
    return f"{int(value):,}" if value.is_integer() else f"{value:,}"


class PartsTotalMismatch(Rule):
    """Listed parts do not add up to their stated total, or a percentage disagrees with its counts.

    What it flags:
        A number of things followed by the list of them that has another length ("three
        ministers: Smith and Jones", "five countries - France, Germany and Italy -"), and
        "X of Y ..., or Z%" where X/Y is not Z% (beyond rounding); Y's noun may carry a
        clause ("of the 9,400 members who took part in the ballot, or 75 percent") and the
        whole may be a group that holds the parts ("12 restaurants on the list of 50"). Also a share
        of a group of people above 100% ("210% of bondholders", "120 percent of the voters"); a
        change ("rose 150%") and a ratio of amounts ("150% of GDP") are no shares of a group.
        And a count from a count of tries glossed by a rate: "24 of them on kills from 50
        attacks, a 58 percent success rate" (not a movement: "fell to 24 from 50"). A share
        that names its base ("87 participants, or 12 per cent of the 1,240 enrolled"), a base
        opening a clause (": of the 412, 103, or 35 per cent"), and a rate named by the act it
        measures ("312 of its 400 candidates passing ... The pass rate of 87 per cent"; not
        "the national pass rate", nor when two counts come before).

    Why it matters:
        A reader counts the names; a list one short means a name was lost or the number
        is wrong. A wrong percentage beside its own counts is a plain arithmetic slip.

        A wrong percentage beside its own counts is reported as an error, as the three
        numbers in one sentence cannot all be right; a list that does not match its
        announced number is a warning, as a list can be cut short on purpose ("including").

    Example:
        Ministers resign
        Three ministers resigned on Monday: Anna Berg and Tom Lund.

    Not flagged:
        Ministers resign
        Three ministers resigned on Monday: Anna Berg, Karl Holm and Tom Lund.
    """

    code = "QT02"
    name = "quantities.parts-total"
    default_severity = Severity.warning
    requires = ("quantities", "claims")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        for q in ctx.claims.quantities():
            listed = _listed_items(q)
            if listed is not None:
                items, end_token = listed
                doc = q.sentence.doc
                span = ctx.span_at(q.field, q.start, end_token.idx + len(end_token.text))
                names = ", ".join(items)
                yield self.finding(
                    f"\"{q.text} {doc[q.counted_index].text if q.counted_index is not None else ''}\" "
                    f"are announced but {len(items)} are listed ({names}).",
                    [span], confidence=0.8, data={"stated": q.value, "listed": len(items), "items": items},
                )
        yield from self._percentages(ctx)
        yield from self._named_rates(ctx)
        yield from self._shares_over_all(ctx)

    def _named_rates(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        """"312 of its 400 candidates passing ... The pass rate of 87 per cent": a rate named by the
        act it measures ("pass", "response", "success") takes up the one "X of Y" count of that act
        in its sentence or the two before (one such count only)."""
        quantities = ctx.claims.quantities()
        for i, pct in enumerate(quantities):
            act = _rate_act(pct)
            if act is None:
                continue
            pairs = [(quantities[j], quantities[j + 1]) for j in range(max(0, i - 8), i - 1)
                     if _of_pair(quantities[j], quantities[j + 1]) and quantities[j].field == pct.field
                     and 0 <= _sentences_apart(quantities[j + 1], pct) <= 2]
            if len(pairs) != 1:
                continue  # none, or two counts the rate may take up
            part, whole = pairs[0]
            clause = {t.lemma_.lower() for t in part.sentence}
            if not any(len(w) >= 4 and len(act) >= 4 and w[:4] == act[:4] for w in clause):
                continue  # the count is not of the act the rate measures
            actual = 100.0 * part.value / whole.value
            if abs(actual - pct.value) <= 1.0 or _rounds_to(actual, pct.value) or pct.approximate or pct.bound:
                continue
            yield self.finding(
                f"{_fmt(part.value)} of {_fmt(whole.value)} is {actual:.1f}%, not the {pct.text} {act} rate.",
                [ctx.span_at(pct.field, pct.start, pct.end)], [ctx.span_at(part.field, part.start, whole.end)],
                confidence=0.7,
                data={"part": part.value, "whole": whole.value, "percent": pct.value, "computed": round(actual, 2)},
            )

    def _shares_over_all(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        """"210% of bondholders": a share of a group of people cannot be more than all of them."""
        for q in ctx.claims.quantities():
            group = _share_of_people(q)
            if group is None:
                continue
            doc = q.sentence.doc
            span = ctx.span_at(q.field, q.start, group.idx + len(group.text))
            yield self.finding(
                f"\"{span.text}\" is more than all of the {group.text}: a share of a group is at most 100%.",
                [span], confidence=0.8,
                data={"percent": q.value, "group": group.lemma_.lower(), "text": doc[q.tokens[0]:group.i + 1].text},
            )

    def _percentages(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        quantities = ctx.claims.quantities()
        for i, part in enumerate(quantities):
            trio = _part_whole_percent(quantities, i) or _success_rate(quantities, i)
            if trio is None:
                continue
            whole, pct = trio
            actual = 100.0 * part.value / whole.value
            if abs(actual - pct.value) <= 1.0 or _rounds_to(actual, pct.value):
                continue
            if (pct.approximate or pct.bound) and abs(actual - pct.value) <= max(2.5, 0.1 * pct.value):
                continue  # "about 25 percent" of 24.4 percent
            span = ctx.span_at(part.field, part.start, pct.end)
            outside = whole.end <= part.start or whole.start >= pct.end  # the base named apart: its words are evidence
            yield self.finding(
                f"{_fmt(part.value)} of {_fmt(whole.value)} is {actual:.1f}%, not {pct.text}.",
                [span], [ctx.span_at(whole.field, whole.start, whole.end)] if outside else [],
                confidence=0.85, severity=Severity.error,  # three numbers in one sentence
                data={"part": part.value, "whole": whole.value, "percent": pct.value, "computed": round(actual, 2)},
            )


# Words before a percentage that make it a change or a ratio of amounts, not a share of a group.
_NOT_SHARE_BEFORE = frozenset({"by", "up", "down", "rise", "rose", "risen", "fell", "fall", "increase", "increased",
                               "grew", "jumped", "soared", "climbed", "gained", "than", "over", "from"})


def _share_of_people(q: Quantity) -> Token | None:
    """The plural noun of people a percentage above 100 is a share of ("210% of bondholders", "about 120
    percent of the voters", "150% to 80% of members"), or None. A change ("rose 150%", "up 150% of"),
    a ratio of amounts ("150% of GDP", "120% of the target") and a range from a lower share
    ("from 80% to 120%") are not shares of a group."""
    if q.unit != "%" or q.value <= 100 or q.bound == "lower":
        return None
    doc = q.sentence.doc
    before = {t.lower_ for t in doc[max(q.sentence.start, q.tokens[0] - 3):q.tokens[0]]}
    if before & _NOT_SHARE_BEFORE or q.change:
        return None
    i = q.tokens[1]
    end = q.sentence.end
    if i + 2 < end and doc[i].lower_ in ("to", "-", "–") and doc[i + 1].like_num:
        i += 2  # the other end of a range: "210% to 80%"
        if i < end and doc[i].lower_ in ("%", "percent", "per"):
            i += 2 if doc[i].lower_ == "per" else 1
    if i >= end or doc[i].lower_ != "of":
        return None
    i += 1
    while i < end and doc[i].tag_ in ("DT", "PRP$", "PDT") or i < end and doc[i].pos_ == "ADJ":
        i += 1  # "of the", "of its", "of all", "of eligible"
    while i + 1 < end and doc[i].head.i > doc[i].i and (doc[i].dep_ in ("compound", "amod", "nmod")
                                                         or doc[i].tag_ == "HYPH"):
        i += 1  # "of season-ticket holders": the noun the modifiers lead to
    if i >= end or doc[i].tag_ != "NNS" or doc[i].ent_type_:
        return None
    noun = doc[i]
    if i + 1 < end and doc[i + 1].tag_ in ("NN", "NNS", "POS"):
        return None  # "of members' fees", "of voters' ballots": the noun measured is another
    lemma = noun.lemma_.lower()
    return noun if lemma == "people" or is_person_noun(lemma) else None


_LIST_SEPARATORS = {":", "-", "–", "—", "--"}
_LIST_STOPS = {";", ")", "(", ".", "-", "–", "—", "--", "who", "which", "that", "whose", "where", "were", "are",
               "was", "is", "have", "had", "has", "will"}
_PARTIAL = {"including", "include", "includes", "such", "among", "notably", "mainly", "mostly", "other", "others",
            "etc", "like", "led", "especially", "chiefly", "plus", "also", "each", "both", "respectively"}


#: Tokens of a list read after "N things:" (N is at most 20, items at most 5 words each):
#: a longer run is no such list, and stopping keeps a sentence of thousands of commas linear.
_MAX_LIST_TOKENS = 250


def _listed_items(q: Quantity) -> tuple[list[str], Token] | None:
    """(items, last token) when a stated number of things is followed by a list of another length."""
    if q.unit is not None or not q.is_integer or not 2 <= q.value <= 20 or q.counted_index is None or q.range:
        return None
    doc, sent = q.sentence.doc, q.sentence
    noun = doc[q.counted_index]
    if noun.i < q.tokens[1] or noun.i - q.tokens[1] > 2 or noun.tag_ not in ("NNS", "NNPS"):
        return None
    if q.tokens[0] >= 2 and doc[q.tokens[0] - 1].lower_ == "the" and doc[q.tokens[0] - 2].lower_ in ("of", "among"):
        return None  # "one of the four banks - A or B -": a choice among them, not their list
    located = _list_start(doc, noun, sent)
    if located is None:
        return None
    start, end = located
    items: list[list[Token]] = []
    current: list[Token] = []
    splits_inside_entities = 0
    for token in doc[start:min(end, start + _MAX_LIST_TOKENS)]:
        inside_entity = token.ent_iob_ == "I"
        if token.lower_ in _PARTIAL or token.lower_ in ("or", "nor"):
            return None
        if not inside_entity and (token.lower_ in _LIST_STOPS or (token.pos_ in ("VERB", "AUX") and not token.ent_type_)):
            break
        if token.text == "," or token.tag_ == "CC":
            if inside_entity:
                splits_inside_entities += 1  # "Bosnia and Herzegovina", or two names run together by the tagger
                current.append(token)
            elif current:
                items.append(current)
                current = []
            continue
        current.append(token)
    else:
        if end - start > _MAX_LIST_TOKENS:
            return None  # no end in sight: not the list of at most 20 things
    if current:
        items.append(current)
    stated = int(q.value)
    if len(items) < 2 or len(items) <= stated <= len(items) + splits_inside_entities:
        return None
    if not all(_is_name(item) and len(item) <= 5 for item in items):
        return None
    return [" ".join(t.text for t in item) for item in items], items[-1][-1]


def _list_start(doc: Doc, noun: Token, sent: SpacySpan) -> tuple[int, int] | None:
    """(start, end) token indices of the list after "N things": after a colon or dash, or an appositive comma.

    A colon may close the clause ("three ministers resigned on Monday: A and B") and the
    parser may then start a new sentence at the list: it is read up to that sentence's end.
    """
    nxt = noun.i + 1
    for j in range(nxt, min(sent.end, nxt + 6)):
        if doc[j].text in _LIST_SEPARATORS:
            between = doc[nxt:j]
            if doc[j].text != ":" and len(between):
                return None
            if any(t.pos_ in ("NOUN", "PROPN", "NUM") and t.ent_type_ not in ("DATE", "TIME") for t in between):
                return None
            end = sent.end
            if j == sent.end - 1 and sent.end < len(doc):
                end = sentence_of(doc[sent.end]).end
            return j + 1, end
        if doc[j].text == ",":
            if j == nxt and j + 1 < sent.end and doc[j + 1].dep_ == "appos" and doc[j + 1].head.i == noun.i:
                return j + 1, sent.end
            return None
    return None


def _is_name(tokens: list[Token]) -> bool:
    """A list item that names something: it holds a proper noun."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "GPE", "ORG", "NORP", "LOC") for t in tokens)


def _part_whole_percent(quantities: list[Quantity], i: int) -> tuple[Quantity, Quantity] | None:
    """(whole, percent) for "X of Y ..., or Z%", "X out of Y (Z%)" or "Of the Y ..., X ..., or Z%" at quantity i."""
    part = quantities[i]
    if part.unit is not None or part.duration is not None or i + 1 >= len(quantities):
        return None
    anaphoric = _anaphoric_base(quantities, i)
    if anaphoric is not None:
        whole, pct = anaphoric, quantities[i + 1]  # "... an audience of 1.12 million. Of those, 428,000, or 48%"
        if pct.unit != "%" or pct.sentence != part.sentence or not 0 < part.value <= whole.value:
            return None
        return (whole, pct) if _percent_follows(part, pct) else None
    if i >= 1 and _opens_with_of(quantities[i - 1]):
        whole, pct = quantities[i - 1], quantities[i + 1]  # "Of the 200 asked, 50 said yes, or 40%"
        doc = part.sentence.doc
        if not any(t.text == "," for t in doc[whole.tokens[1]:part.tokens[0]]):
            return None  # "Of the 4,000 asked across four countries, about 10 percent": the part is in the opening
    elif i + 2 < len(quantities) and (named := _percent_of_named_base(quantities, i)) is not None:
        return named  # "87 participants, or 12 per cent of the 1,240 enrolled"
    elif i + 2 < len(quantities):
        whole, pct = quantities[i + 1], quantities[i + 2]
    else:
        return None
    if whole.unit is not None or pct.unit != "%" or whole.sentence != part.sentence or pct.sentence != part.sentence:
        return None
    doc = part.sentence.doc
    if whole.tokens[0] - part.tokens[1] > 7:
        return None  # "X of Y", "X out of the Y", "X seats in the chamber of Y", "X on the start list of Y"
    between = [t.lower_ for t in doc[part.tokens[1]:whole.tokens[0]]]
    if whole.tokens[0] > part.tokens[0]:
        if between not in (["of"], ["out", "of"], ["of", "the"], ["out", "of", "the"]) and not (
                len(between) == 2 and between[0] == "of" and between[1] in _POSSESSIVES) and not \
                _in_group_of(doc[part.tokens[1]:whole.tokens[0]], part):
            return None  # "150 of its 1,200 jobs" is read too
        pct_after = whole
    else:
        pct_after = part
    whole_end = pct_after.tokens[1]
    if not 0 < part.value <= whole.value or part.range or whole.range:
        return None
    return (whole, pct) if _percent_follows(part, pct, whole_end) else None


_RATE_WORDS = frozenset({"rate", "ratio", "percentage"})
_MOVE_LEMMAS = frozenset({"rise", "fall", "increase", "decrease", "grow", "drop", "climb", "jump", "cut", "reduce",
                          "slip", "slide", "up", "down"})


def _success_rate(quantities: list[Quantity], i: int) -> tuple[Quantity, Quantity] | None:
    """(whole, percent) for "24 kills from 50 attacks, a 58 percent success rate", "scored 3 goals from 10
    shots, a 30 per cent conversion rate": a count from a count of tries, glossed by a rate. A movement
    ("fell to 24 from 50, a 52 percent drop") is no rate of success."""
    part = quantities[i]
    if i + 2 >= len(quantities) or part.unit is not None or part.duration is not None or part.range:
        return None
    whole, pct = quantities[i + 1], quantities[i + 2]
    if whole.unit is not None or whole.range or pct.unit != "%" or not (part.sentence == whole.sentence == pct.sentence):
        return None
    doc = part.sentence.doc
    between = doc[part.tokens[1]:whole.tokens[0]]
    if not 1 <= len(between) <= 6 or between[-1].lower_ != "from" or any(t.like_num for t in between):
        return None
    gap = doc[whole.tokens[1]:pct.tokens[0]]
    if not 2 <= len(gap) <= 4 or gap[-1].lower_ not in ("a", "an") or gap[-2].text != "," or any(t.like_num for t in gap):
        return None
    after = [t.lower_ for t in doc[pct.tokens[1]:min(pct.tokens[1] + 3, part.sentence.end)]]
    if not _RATE_WORDS & set(after):
        return None
    if any(t.lemma_.lower() in _MOVE_LEMMAS for t in doc[part.sentence.start:pct.tokens[1]]) or part.change:
        return None
    return (whole, pct) if 0 < part.value <= whole.value else None


_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})


def _in_group_of(between: SpacySpan, part: Quantity) -> bool:
    """"12 restaurants on the list of 50", "five players in the squad of 23", "nine runners on the
    start list of 40": the part's own noun, then the group of Y that holds it (a preposition, "the"
    or a possessive, a noun with up to two modifiers, "of")."""
    words = [t.lower_ for t in between]
    return (5 <= len(words) <= 7 and part.counted_index == between.start and words[1] in ("on", "in", "among", "from")
            and (words[2] == "the" or words[2] in _POSSESSIVES) and words[-1] == "of"
            and between[-2].pos_ == "NOUN" and all(t.pos_ in ("NOUN", "ADJ", "PROPN") for t in between[3:-1]))
_ANAPHORS = frozenset({"those", "these", "them", "which", "whom", "this", "that"})


def _anaphoric_base(quantities: list[Quantity], i: int) -> Quantity | None:
    """The count an "Of those (viewers), 312 ..." takes up: the last whole count before the sentence,
    in it or the one before, larger than the part; one whose counted noun the anaphor names is preferred."""
    part = quantities[i]
    doc, sent = part.sentence.doc, part.sentence
    words = [t.lower_ for t in doc[sent.start:part.tokens[0]]]
    if len(words) < 2 or words[0] != "of" or words[1] not in _ANAPHORS or len(words) > 6:
        return None
    named = doc[sent.start + 2].lemma_.lower() if words[1] in ("those", "these") and len(words) > 3 else None
    candidates = []
    for q in reversed(quantities[:i]):
        if q.field != part.field or q.sentence.start < sent.start and q.sentence.end < sent.start - 80:
            break
        if q.sentence == sent and q.tokens[0] > part.tokens[0]:
            continue
        if q.unit is None and q.duration is None and not q.range and not q.score and q.value > part.value and \
                not (q.is_integer and 1900 <= q.value <= 2100 and len(q.text) == 4):
            candidates.append(q)
        if len(candidates) >= 3:
            break
    previous = [q for q in candidates if q.sentence == sent or q.sentence.end <= sent.start and
                _sentences_apart(q, part) <= 1]
    if not previous:
        return None
    if named is not None:
        for q in previous:
            if q.counted == named:
                return q
    return previous[0] if len(previous) == 1 else None  # two counts before: "those" may take up either


def _sentences_apart(a: Quantity, b: Quantity) -> int:
    """How many sentence boundaries lie between two quantities of one doc."""
    doc = a.sentence.doc
    return sum(1 for t in doc[a.tokens[1]:b.tokens[0]] if t.is_sent_start)


def _percent_follows(part: Quantity, pct: Quantity, after: int | None = None) -> bool:
    """"312 - or 18 percent", "428,000, or 48 per cent", "30 out of 120 (25%)": the percentage glosses the count."""
    doc = part.sentence.doc
    gap = doc[(after if after is not None else part.tokens[1]):pct.tokens[0]]
    # up to 12 words: the whole's noun may carry a clause ("of the 9,400 members who took part
    # in the ballot, or 85 percent"), but no other figure
    if len(gap) > 12 or not gap or len(gap) > 8 and any(t.like_num or t.pos_ == "NUM" for t in gap) or gap[-1].lower_ not in ("or", "(", ",", "-", "–", "—", "about", "nearly", "some",
                                                          "around", "roughly", "almost"):
        return False
    if any(t.pos_ == "VERB" and t.lemma_.lower() in ("rise", "fall", "increase", "decrease", "grow", "drop", "compare")
           for t in gap):
        return False
    following = doc[pct.tokens[1]:pct.tokens[1] + 1]
    return not (len(following) and following[0].lower_ in ("more", "less", "up", "down", "higher", "lower", "than",
                                                            "on", "from", "rise", "increase", "fall", "drop",
                                                            "growth"))


# Punctuation that opens a clause: "...: of the 412, 103, or 35 per cent, belong to ..."
_CLAUSE_OPENERS = frozenset({":", ";", ",", "-", "–", "—", "("})


def _opens_with_of(q: Quantity) -> bool:
    """A sentence or clause opening "Of (the) Y ...": Y is the base of what follows."""
    doc, first = q.sentence.doc, q.sentence.start
    of = q.tokens[0] - 1 if q.tokens[0] - 1 >= first and doc[q.tokens[0] - 1].lower_ == "of" else q.tokens[0] - 2
    if of < first or doc[of].lower_ != "of" or q.unit is not None:
        return False
    if of + 1 < q.tokens[0] and doc[of + 1].lower_ != "the":
        return False
    return of == first or doc[of - 1].text in _CLAUSE_OPENERS


def _percent_of_named_base(quantities: list[Quantity], i: int) -> tuple[Quantity, Quantity] | None:
    """(whole, percent) for a count glossed by a share that names its base: "87 participants, or 12
    per cent of the 1,240 enrolled", "150 jobs (12% of its 1,250 staff)". Only "of", "the" or a
    possessive lie between the percentage and its base, so "12 per cent of the women among the
    1,240" (another base) is not read."""
    part, pct, whole = quantities[i], quantities[i + 1], quantities[i + 2]
    if pct.unit != "%" or whole.unit is not None or whole.duration is not None or whole.range or pct.range:
        return None
    if not part.sentence == pct.sentence == whole.sentence:
        return None
    doc = part.sentence.doc
    between = [t.lower_ for t in doc[pct.tokens[1]:whole.tokens[0]]]
    if not between or between[0] != "of" or len(between) > 3 or any(
            w not in ("the", "all", *_POSSESSIVES) for w in between[1:]):
        return None
    if not 0 < part.value <= whole.value or part.range or whole.is_integer and 1900 <= whole.value <= 2100 \
            and len(whole.text) == 4:
        return None
    return (whole, pct) if _percent_follows(part, pct) else None


_RATE_NOUNS = frozenset({"rate", "ratio", "proportion"})


def _rate_act(pct: Quantity) -> str | None:
    """The act a percentage is the rate of: "the pass rate of 87 per cent", "a 64% response rate" -> the
    modifier's lemma ("pass", "response"); None for other percentages or a change of a rate."""
    if pct.unit != "%" or pct.range or pct.change:
        return None
    doc, sent = pct.sentence.doc, pct.sentence
    noun = None
    if pct.tokens[0] - 2 >= sent.start and doc[pct.tokens[0] - 1].lower_ == "of" \
            and doc[pct.tokens[0] - 2].lemma_.lower() in _RATE_NOUNS:
        noun = doc[pct.tokens[0] - 2]  # "the pass rate of 87 per cent"
    elif pct.tokens[1] + 1 < sent.end and doc[pct.tokens[1] + 1].lemma_.lower() in _RATE_NOUNS:
        noun = doc[pct.tokens[1] + 1]  # "a 64% response rate"
    if noun is None:
        return None
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "VERB", "ADJ")
            and not c.like_num]
    if len(mods) != 1 or not any(c.dep_ == "det" and c.lower_ in ("the", "a", "an", "its", "their") for c in
                                 noun.children):
        return None
    return mods[0].lemma_.lower()


def _of_pair(part: Quantity, whole: Quantity) -> bool:
    """"312 of its 400 candidates", "9 out of 12 schools": a count of a larger count, in one sentence."""
    if part.sentence != whole.sentence or part.unit is not None or whole.unit is not None or part.range \
            or whole.range or not 0 < part.value < whole.value:
        return False
    doc = part.sentence.doc
    between = [t.lower_ for t in doc[part.tokens[1]:whole.tokens[0]]]
    return between in (["of"], ["out", "of"], ["of", "the"], ["out", "of", "the"]) or (
        len(between) == 2 and between[0] == "of" and between[1] in _POSSESSIVES)


def _rounds_to(actual: float, stated: float) -> bool:
    """True when the stated percentage is the actual one rounded (to whole or tenths)."""
    return round(actual) == stated or round(actual, 1) == stated or int(actual) == stated


_NOT_EXHAUSTIVE = frozenset({"including", "include", "includes", "included", "among", "such", "like", "other",
                             "others", "remaining", "rest", "least", "whom", "which", "plus"})
_SHARE_GUARDS = frozenset({"points", "point", "more than one", "multiple", "respectively", "each", "rate", "rates",
                           "turnout", "margin", "growth", "inflation", "interest"})


def _share_guarded(sent: SpacySpan) -> bool:
    """Whether a sentence has a word that makes its percentages no shares of one whole ("points",
    "each", "rate"): whole words, so "teachers" holds no "each" and "appointed" no "point"."""
    words = {t.lower_ for t in sent}
    return any(g in words if " " not in g else g in sent.text.lower() for g in _SHARE_GUARDS)


def _loose_share(q: Quantity) -> bool:
    """"About 58 per cent": a percentage that is an estimate, kept for a partition a remainder closes."""
    return q.approximate and _unit_class(q) == "percent" and not (q.range or q.score or q.change or q.bound) \
        and q.value < 100


def _partition_share(q: Quantity) -> bool:
    """A share in a list that a remainder closes ("the remaining 23 percent"): an estimate ("about 58
    per cent") or an added share ("a further 37 percent", "another 12 per cent") counts, not a change
    ("rose a further 3 percent") or a rate."""
    if q.range or q.change or q.bound:
        return False
    doc = q.sentence.doc
    first = q.tokens[0]
    before = [t.lower_ for t in doc[max(q.sentence.start, first - 2):first]]
    if before[-1:] in (["further"], ["another"], ["extra"]) and not (len(before) == 2 and before[0] != "a"
                                                                     and before[-1] == "further"):
        head = doc[first].head
        while head.dep_ in ("nummod", "compound", "quantmod", "npadvmod", "pobj", "prep") and head.head.i != head.i:
            head = head.head
        return head.lemma_.lower() not in _MOVE_VERBS
    if q.approximate:
        j = q.tokens[1]
        while j < q.sentence.end and doc[j].lower_ in ("%", "percent", "per", "cent", "pc"):
            j += 1
        return (doc[j].lower_ if j < q.sentence.end else "") not in _CHANGE_AFTER
    return False


def _listable(q: Quantity) -> bool:
    """A number that can be one part of a listed breakdown (not a year, range, change or estimate)."""
    if q.range or q.score or q.change or q.approximate or q.bound or q.duration is not None:
        return False
    if q.unit is None and q.is_integer and 1900 <= q.value <= 2100 and len(q.text) == 4:
        return False
    doc = q.sentence.doc
    start = q.tokens[0]
    if start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() and not q.unit:
        return False  # a model or route number: "ATR 72", "Boeing 737", "Route 66"
    return doc[start].ent_type_ not in ("DATE", "TIME", "ORDINAL")


def _unit_class(q: Quantity) -> str:
    return "percent" if q.unit in ("%", "percent", "per cent") else (q.unit or "count")


def _runs(quantities: list[Quantity]) -> Iterator[list[Quantity]]:
    """Runs of two or more numbers of one kind written as a list: "28 jets and 16 turboprops"."""
    run: list[Quantity] = []
    for q in quantities:
        if run and _unit_class(q) == _unit_class(run[-1]) and _joined(run[-1], q):
            run.append(q)
            continue
        if len(run) >= 2:
            yield run
        run = [q]
    if len(run) >= 2:
        yield run


def _joined(a: Quantity, b: Quantity) -> bool:
    doc = a.sentence.doc
    between = doc[a.tokens[1]:b.tokens[0]]
    # an item may carry a description before the last one ("16 Continental squads, mostly from
    # Europe and the Gulf, and six national selections"): longer, when ", and" closes it and no number is in it
    longest = 16 if len(between) > 2 and between[-2].text == "," and between[-1].lower_ == "and" and not any(
        t.like_num or t.pos_ == "NUM" for t in between) else 10
    return 0 < len(between) <= longest and any(t.text in (",", ";") or t.lower_ in ("and", "while") for t in between) \
        and not any(t.text in (".", "?", "!") and doc[t.i - 1].text not in ("No", "Nos", "Nr") or "\n" in t.text
                    for t in between)  # "Sindicato No. 2, 350 ...": the abbreviation's point ends no sentence


class SumMismatch(Rule):
    """Listed parts add up to more (or, in a closed list, less) than their stated total.

    What it flags:
        "Of the 1,211,340 ballots cast, 612,450 went to Fuenzalida, 547,980 to Meier and
        40,910 were blank" (they make 1,201,340); "a fleet of 42 aircraft: 28 jets and 16
        turboprops" (44); shares of one whole listed in one sentence that make more than
        100 percent ("62 per cent in Germany, 29 per cent in Austria and 14 per cent in
        Switzerland"); and shares closed by a remainder ("the remaining 5 percent", "the other
        22.7 percent") that with the shares before it, in its sentence or the sentences just
        before it in the paragraph, make more than 100 percent; there an estimate ("about 58 per
        cent", allowed 2.5 points either way) and an added share ("a further 37 percent", "another
        12 per cent"; not "fell a further 3 percent") are shares too. A whole said to be made of parts
        that count its own noun: "the 41 points came from 24 raid points, 13 tackle points, four
        bonus points and two extra points", "the 120 seats are split into" ("300 refugees came
        from 12 countries" is no breakdown). Parts of a whole named without its number, told
        as one partition, against the one earlier total of that measure ("would cut 420 jobs"
        ... "Of the positions being eliminated, 250 are in Stockholm, 130 in Gothenburg and 60
        ..."); a definite collective broken down against the collective sized in the sentence
        before ("named a 23-man squad. The group comprises three goalkeepers, ...").

    Why it matters:
        Readers add up breakdowns; parts that exceed their whole mean one figure is wrong.

    Example:
        Airline strike grounds fleet
        The airline flies a fleet of 42 aircraft: 28 Airbus jets and 16 ATR turboprops.

    Not flagged:
        Airline strike grounds fleet
        The airline flies a fleet of 42 aircraft, including 28 Airbus jets and 10 ATR
        turboprops. Inflation was 3 per cent, growth 2 per cent and unemployment 5 per cent.

    Reads:
        `ctx.claims.quantities()` (the quantity claims' numbers: values, units, counted nouns);
        the list and its total are read from the words between the numbers. A list that is not
        closed ("including", "among", "others") is compared only when its parts exceed the total.
    """

    code = "QT03"
    name = "quantities.sum-mismatch"
    default_severity = Severity.warning
    requires = ("entities", "quantities", "claims")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        by_sentence: dict[tuple[str, int], list[Quantity]] = {}
        loose: dict[tuple[str, int], list[Quantity]] = {}  # "about 58 per cent": a share of a closed partition
        for q in ctx.claims.quantities():
            if _listable(q):
                by_sentence.setdefault((q.field, q.sentence.start), []).append(q)
            elif _loose_share(q):
                loose.setdefault((q.field, q.sentence.start), []).append(q)
        previous: list[Quantity] = []
        shares_before: list[list[Quantity]] = []  # the percentages of the sentences just before, by sentence
        for key in sorted(set(by_sentence) | set(loose), key=lambda k: (k[0] != "title", k[1])):
            quantities = sorted(by_sentence.get(key, []), key=lambda q: q.start)
            if key[0] == "title":
                continue
            runs = [r for r in _runs(quantities) if _unit_class(r[0]) != "percent"]
            # shares are read over the percentages alone: "41 per cent, B 38 per cent and the other
            # three books 26 per cent" is one list though a count stands between two shares
            percents = [q for q in quantities if _unit_class(q) == "percent"]
            runs += list(_runs(percents))
            flagged = False
            for run in sorted(runs, key=lambda r: r[0].start):
                finding = self._shares(ctx, run) if _unit_class(run[0]) == "percent" else \
                    self._parts(ctx, run, quantities, previous)
                if finding is not None:
                    flagged = True
                    yield finding
            shares_before = _adjacent_shares(shares_before, sorted(percents + loose.get(key, []), key=lambda q: q.start))
            if not flagged:
                finding = self._remainder(ctx, shares_before)
                if finding is not None:
                    yield finding
            previous = quantities

    def _remainder(self, ctx: ArticleAnalysis, by_sentence: list[list[Quantity]]) -> Finding | None:
        """"A won 41 percent, B 38 percent and C 21 percent, with D taking the remaining 5 percent"
        (or the remainder in the next sentences of the paragraph): "the remaining", "the rest",
        "the other" closes a partition of one whole, so the shares before it and it make 100."""
        if not by_sentence:
            return None
        last = by_sentence[-1]
        rest = next((q for q in last if _is_remainder(q)), None)
        if rest is None or not _share_like(rest):
            return None
        run = [q for q in last if q.start < rest.start]
        if not all(_share_like(q) or _partition_share(q) for q in run):
            return None  # "up 5 percent on last time": changes beside the shares, not one partition
        if len(run) < 2:  # the remainder closes the shares of the sentences before it
            earlier = [q for sentence in by_sentence[:-1] for q in sentence]
            if not all(_share_like(q) or _partition_share(q) for q in earlier):
                return None
            run = earlier + run
        run.append(rest)
        if len(run) < 3 or any(q.value >= 100 for q in run):
            return None
        if any(_share_guarded(q.sentence) for q in run):
            return None
        decimals = max(len(q.text.split(".")[1]) if "." in q.text else 0 for q in run)
        total = sum(q.value for q in run)
        slack = 2.5 * sum(1 for q in run if q.approximate)  # "about 58 per cent" may be 56 or 60
        if total <= 100 + len(run) * 0.5 * 10 ** -decimals + slack or total > 115:
            return None
        shown = " + ".join(_num(q.value) for q in run)
        return self.finding(
            f"The shares listed here and the remaining {_num(rest.value)} percent add up to {_num(total)} percent "
            f"({shown}), more than the whole.",
            [ctx.span_at(rest.field, rest.start, rest.end)], [ctx.span_at(run[0].field, run[0].start, run[0].end)],
            confidence=0.7, data={"values": [q.value for q in run], "sum": total},
        )

    def _shares(self, ctx: ArticleAnalysis, run: list[Quantity]) -> Finding | None:
        if len(run) < 3 or any(q.value > 100 for q in run):
            return None
        sent = run[0].sentence
        if _share_guarded(sent):
            return None
        decimals = max(len(q.text.split(".")[1]) if "." in q.text else 0 for q in run)
        tolerance = len(run) * 0.5 * 10 ** -decimals
        total = sum(q.value for q in run)
        if total <= 100 + tolerance or total > 115 or any(q.value >= 100 for q in run):
            return None  # far over 100: rates of different wholes, not shares of one
        shown = " + ".join(_num(q.value) for q in run)
        return self.finding(
            f"The shares listed here add up to {_num(total)} percent ({shown}), more than the whole.",
            [ctx.span_at(run[0].field, run[0].start, run[-1].end)], [], confidence=0.7,
            data={"values": [q.value for q in run], "sum": total},
        )

    def _parts(self, ctx: ArticleAnalysis, run: list[Quantity], here: list[Quantity],
               previous: list[Quantity]) -> Finding | None:
        doc = run[0].sentence.doc
        if len(run) >= 3 and run[0].value > max(q.value for q in run[1:]) and _of_the(run[0]) and \
                _breakdown(run[0], doc[run[0].tokens[1]:run[1].tokens[0]]):
            head, run = run[0], run[1:]  # "Of the 1,211,340 ballots cast, 612,450 went to ..."
            candidates = [head]
        else:
            candidates = []
        if any(q.value < 2 or not q.is_integer and q.unit is None for q in run):
            return None  # "one ... and one" are often pronouns; decimals are not counts of parts
        first = run[0]
        candidates = candidates or [q for q in here if q.start < first.start and q not in run
                                    and _unit_class(q) == _unit_class(first) and q.value > max(p.value for p in run)]
        if not candidates:
            return self._anaphoric_parts(ctx, run) or self._collective_parts(ctx, run)
        total_q = candidates[-1]
        if max(q.value for q in run) * 1000 < total_q.value:
            return None  # parts of another scale: not a breakdown of this total
        between = doc[total_q.tokens[1]:first.tokens[0]]
        if not (_breakdown(total_q, between) or _made_of_same(total_q, between, run)):
            return None  # numbers in one sentence, not a whole and its parts
        after = ctx.article.field(first.field)[first.start:first.sentence.end_char]
        parts = sum(q.value for q in run) + len(re.findall(r"(?:,|\band)\s+(?:a|an|one|another)\s+[a-z]", after))
        words = {t.lower_ for t in first.sentence}
        closed = not words & _NOT_EXHAUSTIVE
        tolerance = 0.005 * total_q.value if total_q.unit else 0
        if parts > total_q.value + tolerance or (closed and parts < total_q.value - tolerance):
            relation = "more" if parts > total_q.value else "less"
            shown = " + ".join(_num(q.value) for q in run)
            return self.finding(
                f"The parts listed ({shown} = {_num(parts)}) make {relation} than the stated total of "
                f"{total_q.text} (\"{ctx.article.field(total_q.field)[total_q.start:total_q.end]}\").",
                [ctx.span_at(first.field, first.start, run[-1].end)], [total_q.to_span()],
                confidence=0.7 if relation == "more" else 0.65,
                data={"parts": [q.value for q in run], "sum": parts, "total": total_q.value},
            )
        return None


    def _anaphoric_parts(self, ctx: ArticleAnalysis, run: list[Quantity]) -> Finding | None:
        """"... would cut 420 jobs. ... Of the positions being eliminated, 250 are in Stockholm, 130 in
        Gothenburg and 60 in Malmö": parts of a whole named without its number, whose total is the one
        earlier count of the same measure (the measures table: "positions" are jobs)."""
        noun = _numberless_of_head(run)
        if noun is None or not _parallel_parts(run):
            return None
        measure = measure_of_noun(noun)
        sent = run[0].sentence
        totals = []
        for q in ctx.claims.quantities():
            if q.field != run[0].field:
                continue
            if q.start >= sent.start_char:
                break
            claim = ctx.claims.quantity_claim(q)
            if claim is None or claim.attribute != measure or q.unit is not None or not _listable(q) \
                    or _sentences_apart(q, run[0]) > 8:
                continue
            totals.append(q)
        if len({q.value for q in totals}) != 1 or not totals[-1].value > max(q.value for q in run):
            return None  # no earlier total of this measure, or several: "those" may take up either
        closed = not {t.lower_ for t in sent} & _NOT_EXHAUSTIVE
        return self._parts_against(ctx, run, totals[-1], closed, "anaphoric")

    def _parts_against(self, ctx: ArticleAnalysis, run: list[Quantity], total_q: Quantity, closed: bool,
                       how: str) -> Finding | None:
        """The finding for listed parts that do not make the total they take up (fewer is fine when the
        list is open: "including", "among them")."""
        parts = sum(q.value for q in run)
        if parts == total_q.value or not closed and parts < total_q.value:
            return None
        relation = "more" if parts > total_q.value else "less"
        shown = " + ".join(_num(q.value) for q in run)
        return self.finding(
            f"The parts listed ({shown} = {_num(parts)}) make {relation} than the stated total of "
            f"{total_q.text} (\"{ctx.article.field(total_q.field)[total_q.start:total_q.end]}\").",
            [ctx.span_at(run[0].field, run[0].start, run[-1].end)], [total_q.to_span()], confidence=0.65,
            data={"parts": [q.value for q in run], "sum": parts, "total": total_q.value, "how": how},
        )

    def _collective_parts(self, ctx: ArticleAnalysis, run: list[Quantity]) -> Finding | None:
        """"... named a 23-man squad. The group comprises three goalkeepers, eight defenders, seven
        midfielders and six forwards": a definite collective ("the group", "the squad", "the crew")
        broken down by "comprise", "consist of", "be made up of" or "include" takes up the one
        collective counted in the sentence before ("a 23-man squad", "a crew of 12")."""
        verb = _collective_breakdown(run)
        if verb is None or not _parallel_parts(run, verbs_allowed=0):
            return None
        sent = run[0].sentence
        totals = [q for q in ctx.claims.quantities() if q.field == run[0].field and q.sentence != sent
                  and q.sentence.end <= sent.start and _sentences_apart(q, run[0]) == 1 and _counts_collective(q)]
        if len(totals) != 1 or not totals[0].value > max(q.value for q in run):
            return None
        closed = verb != "include" and not {t.lower_ for t in sent} & _NOT_EXHAUSTIVE
        return self._parts_against(ctx, run, totals[0], closed, "collective")


# Nouns for a body of people or things taken as one: "the group", "the squad", "the crew".
_COLLECTIVES = frozenset({"group", "squad", "team", "party", "delegation", "contingent", "crew", "cast", "panel",
                          "roster", "field", "fleet", "line-up", "lineup", "side", "committee", "board", "jury",
                          "batch", "cohort", "class", "intake", "shortlist"})
_BREAKDOWN_LEMMAS = frozenset({"comprise", "consist", "include", "make", "compose"})


def _collective_breakdown(run: list[Quantity]) -> str | None:
    """The verb lemma of "The group comprises 3 ..., 8 ... and 6 ...", "The crew is made up of ...",
    "The squad consists of ...": its subject a definite collective at the start of the sentence."""
    sent = run[0].sentence
    doc = sent.doc
    number = doc[run[0].tokens[1] - 1]
    verb = number.head
    while verb.dep_ in ("dobj", "pobj", "prep", "prt", "nummod", "compound", "agent", "conj") and verb.head.i != verb.i:
        verb = verb.head
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in _BREAKDOWN_LEMMAS:
        return None
    if lemma == "make" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lemma_.lower() not in _COLLECTIVES or subject.tag_ != "NN":
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subject.children) or \
            subject.left_edge.i != sent.start:
        return None
    return lemma


def _counts_collective(q: Quantity) -> bool:
    """"a 23-man squad", "a 12-strong crew", "a squad of 23", "a crew of 12": a number that sizes a collective."""
    if q.unit is not None or q.range or q.approximate or q.bound or not _listable(q):
        return False
    doc, sent = q.sentence.doc, q.sentence
    after = doc[q.tokens[1]:min(q.tokens[1] + 4, sent.end)]
    if any(t.lemma_.lower() in _COLLECTIVES and t.pos_ == "NOUN" for t in after) and \
            any(t.text == "-" for t in after[:1]):
        return True  # "23-man squad", "12-strong crew"
    before = doc[max(sent.start, q.tokens[0] - 2):q.tokens[0]]
    return len(before) == 2 and before[1].lower_ == "of" and before[0].lemma_.lower() in _COLLECTIVES


def _numberless_of_head(run: list[Quantity]) -> Token | None:
    """The noun of a sentence opening "Of the positions (being cut), 250 ..." with no number of its own."""
    sent = run[0].sentence
    doc = sent.doc
    opening = doc[sent.start:run[0].tokens[0]]
    if len(opening) < 4 or len(opening) > 10 or opening[0].lower_ != "of" or opening[-1].text != "," or \
            opening[1].lower_ not in ("the", "these", "those", *_POSSESSIVES):
        return None
    if any(t.like_num or t.pos_ == "NUM" or t.text == "," for t in opening[:-1]):
        return None
    noun = next((t for t in opening[2:] if t.pos_ == "NOUN" and t.head.i == opening[0].i), None)
    return noun if noun is not None and noun.tag_ == "NNS" else None


def _parallel_parts(run: list[Quantity], verbs_allowed: int = 1) -> bool:
    """Parts told as one partition: the first with its verb, the rest elided ("250 are in Stockholm,
    130 in Gothenburg and 60 in Malmö"); "250 were in sales and 100 were held by women" cut across.
    A list after its verb ("comprises 3 ..., 8 ... and 6 ...") has no verb among its parts."""
    doc = run[0].sentence.doc
    covered = {i for q in run for i in range(*q.tokens)}
    if any((t.like_num or t.pos_ == "NUM") and t.i not in covered for t in doc[run[0].tokens[0]:run[-1].tokens[1]]):
        return False  # a number left out of the run ("70 in Hull" read as a date): the list is not whole
    verbs = [t for t in doc[run[0].tokens[1]:run[-1].tokens[0]] if t.pos_ in ("VERB", "AUX")]
    if len(verbs) > verbs_allowed or verbs and verbs[0].i > run[1].tokens[0]:
        return False
    tail = doc[run[-1].tokens[1]:run[-1].sentence.end]
    for t in tail:
        if t.text in (",", ";", ".", "-", "–", "—"):
            break
        if t.pos_ in ("VERB", "AUX"):
            return False
    return True


_REMAINDER_WORDS = frozenset({"remaining", "rest", "other", "remainder"})


def _is_remainder(q: Quantity) -> bool:
    """"the remaining 5 percent", "the other 12 per cent", "the rest, 9 percent"."""
    doc = q.sentence.doc
    before = [t.lower_ for t in doc[max(q.sentence.start, q.tokens[0] - 3):q.tokens[0]]]
    return bool(_REMAINDER_WORDS & set(before)) and "the" in before


def _adjacent_shares(before: list[list[Quantity]], percents: list[Quantity]) -> list[list[Quantity]]:
    """The percentages of this sentence after those of the sentences just before it in the same
    paragraph; a sentence without one, or a new paragraph, starts afresh (at most three sentences)."""
    if not percents:
        return []
    if before:
        last = before[-1][-1]
        doc = last.sentence.doc
        gap = doc[last.sentence.end:percents[0].sentence.start]
        if last.field != percents[0].field or any("\n" in t.text for t in doc[last.tokens[1]:percents[0].tokens[0]]) \
                or len(gap) and any(t.is_sent_start for t in gap):
            before = []
    return (before + [percents])[-4:]


_CHANGE_BEFORE = frozenset({"up", "down", "by", "from", "rose", "fell", "gained", "lost", "dropped", "climbed",
                            "slipped", "jumped", "grew", "shrank", "swing", "another", "extra", "further"})
_CHANGE_AFTER = frozenset({"on", "from", "than", "more", "less", "fewer", "higher", "lower", "up", "down", "rise",
                           "increase", "fall", "drop", "growth", "decline", "gain", "loss", "swing", "points",
                           "point", "year", "a", "per", "each", "annually"})


def _share_like(q: Quantity) -> bool:
    """A percentage that can be one share of a whole: not a range, bound or estimate, and not a
    change ("up 5 percent on last time", "fell by 3 percent") or a rate ("2 percent a year")."""
    if q.range or q.change or q.bound or q.approximate:
        return False
    doc = q.sentence.doc
    prev = doc[q.tokens[0] - 1] if q.tokens[0] > q.sentence.start else None
    before = prev.lower_ if prev is not None and prev.dep_ != "prt" else ""  # "made up 48 per cent": a particle
    j = q.tokens[1]
    while j < q.sentence.end and doc[j].lower_ in ("%", "percent", "per", "cent", "pc"):
        j += 1  # past the unit: "48 per cent of sales"
    after = doc[j].lower_ if j < q.sentence.end else ""
    return before not in _CHANGE_BEFORE and after not in _CHANGE_AFTER


_BREAKDOWN_VERBS = frozenset({"include", "comprise", "consist", "split", "break", "divide", "make", "go", "be"})


def _breakdown(total: Quantity, between: SpacySpan) -> bool:
    """Whether the words between a total and a list introduce its parts: "42 aircraft: 28 ...",
    "Of the 120 beds, 48 ...", "The 120 beds include 48 ...", "96 riders, of whom 54 ..."."""
    if any("\n" in t.text for t in between):
        return False  # a new line: a table or a list of items, not one sentence's breakdown
    if len(between) and between[-1].text in (":", "–", "—", "-") and len(between) <= 30:
        return True  # "a record 96 riders ... last Sunday – 54 riders from ..."
    if len(between) > 12:
        return False
    if _of_the(total) or any(t.text in (":", "–", "—") for t in between):
        return True
    words = [t.lower_ for t in between]
    if "of" in words and any(w in ("whom", "which", "them", "those") for w in words):
        return True
    return any(t.lemma_.lower() in ("include", "comprise", "consist") for t in between)


# Verbs with the particle that tell what a whole is made of: "came from", "made up of", "split into".
_MADE_OF = frozenset({("come", "from"), ("make", "of"), ("split", "into"), ("divide", "into"), ("break", "into"),
                      ("break", "down")})


def _made_of_same(total: Quantity, between: SpacySpan, run: list[Quantity]) -> bool:
    """"The Tuskers' 41 points came from 24 raid points, 13 tackle points ...", "the 120 seats are split into
    48 ... seats": a whole said to be made of parts that count the same noun as it does (so "300 refugees
    came from 12 countries" is no breakdown)."""
    if len(between) > 8 or total.counted is None or any(q.counted != total.counted for q in run):
        return False
    lemmas = [t.lemma_.lower() for t in between]
    return any((verb, particle) in _MADE_OF for i, verb in enumerate(lemmas) for particle in lemmas[i + 1:i + 3])


# Words that report a changed figure anywhere in its sentence ...
_RESTATEMENT_UPDATES = frozenset("now later instead rather revised updated amended".split())
# ... verbs that change the figure they govern ("extended the four-year contract") ...
_CHANGE_VERBS = frozenset("revise update extend raise reduce increase expand cut change lower lift trim amend shorten "
                          "lengthen double halve renew renegotiate".split())
# ... and words that mark another item only beside it ("the new five-year contract").
_OTHER_ITEM_WORDS = frozenset("new latest another additional further more original initial previous former".split())
_TERM_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute"})
_TIME_WORDS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "time", "decade", "century",
                         "old", "season", "term", "night", "morning"})
_DEFINITE = frozenset({"the", "its", "their", "his", "her", "this", "that", "those", "these"})


class RestatedValue(Rule):
    """One subject's measure is stated twice, and a later back-reference gives another value.

    What it flags:
        A figure of the claims ledger (a subject's revenue, margin, sentence, contract term or
        count of things) introduced once and later taken up by a back-reference ("the",
        "his", "its") with an incompatible value: "rose 12 percent to 318 million" ... "the
        381 million in revenue"; "a sentence of five years" ... "the four-year sentence";
        "won by 14 seconds" ... "his 17-second advantage"; "voted to buy 22 electric garbage
        trucks" ... "the 26 trucks"; "shot it in 19 days" ... "the 23-day shoot" (a verb's
        "in N days" measures the act its own noun names); "the deal is worth $340m" ... "the
        $430m deal", "paid £12m for the striker" ... "the £15m striker" (a sum of money is the
        value of the thing it prices; compared only when neither sentence has a modal, a
        forecast, a change verb or a period word, and the article names no second thing of
        that kind: "another deal", "two watches"; a sum written on the thing's own noun both times
        is compared under "will"/"would" too: "will lead a $48 million programme" ... "the $84
        million programme", not under "could", "may", "might" or "if", nor "the second £21m scheme"). Also one act told twice with the same verb,
        agent, prepositional complements and times and another figure as its object: "would cut
        £35bn from public services" ... "would cut £53bn from public services" (not movements,
        bounds, approximations, negations, or a sentence with "also", "again", "total", "now" or an
        update verb: "raising its offer"). A duration something "lasted" is that noun's ("the
        meeting lasted three hours" ... "the two-hour meeting"); a plain "a match that lasted 71
        minutes" is the one event its sentence or the one before names ("in the singles final"
        ... "the 58-minute final"; not "semi-final"). And a definite general noun priced by a sum ("the £600m
        move", "the scheme", "the package") after exactly one earlier sum in that currency ("a £500m
        initiative"): not "the second £21m scheme", "the £100m plan for pools", nor after two sums.
        A figure taken up by a relative clause with a named agent and its verb against the one
        figure that agent's verb took before: "Aurora had sought £4.6 million in damages" ...
        "the £6.4 million Aurora had sought" (not "the $1.2 billion Vantor paid in 2019").
        A figure said to be another's: "the winner's prize of 3 million shillings" ... "received
        the same 2 million shilling prize as Alemu", "was fined £5,000" ... "the same £8,000 fine
        as Hughes" (the one earlier figure of that noun or verb, in one denomination; not "the
        same ... as last year", nor after two earlier figures).

    Why it matters:
        A back-reference points to what was said before; a different figure there means one
        of the two is wrong.

    Example:
        Conductor signs on
        Volkova will sign a five-year contract on Monday. Critics welcomed
        the four-year contract as a sign of stability.

    Not flagged:
        Conductor signs on
        Volkova will sign a five-year contract on Monday. The orchestra extended the
        four-year contract of her predecessor, and the five-year contract starts in May.

    Reads:
        `ctx.claims`: quantity claims (subject, measure, value, unit, qualifiers `approximate`,
        `bound-*`, `range`, `update`, `previous`, `rate`, `hypothetical`, `forecast`, and
        `data.period`, `data.definite`). Figures are compatible when they agree after
        rounding to the coarser one, within 20 percent when either is approximate, within a
        bound, or when they carry different periods ("in 2022", "quarterly"). From the text
        it still reads the words that mark another item or a change beside the back-reference
        ("new", "another", "extended the four-year contract").
    """

    code = "QT04"
    name = "quantities.restated-value"
    default_severity = Severity.warning
    requires = ("entities", "quantities", "claims")

    class Options(Options):
        min_relative_difference: float = 0.2

    options: RestatedValue.Options

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        claims = [c for c in ctx.claims if c.extractor == "quantities" and c.attribute not in ("score", "quantity")
                  and c.span.field == "body"]
        groups: dict[tuple[str, str], list[Claim]] = {}
        for c in claims:
            groups.setdefault((c.attribute, _dimension(c)), []).append(c)
        _name_occurrences(groups)
        found: list[Finding] = []
        for (measure, _), group in groups.items():
            if measure in _MOVES or measure.endswith(" change"):
                continue  # rises and falls: many in one article by design
            found += self._group(ctx, measure, group)
        found += self._restated_acts(ctx)
        found += self._relative_restatements(ctx)
        found += self._shell_back_references(ctx)
        yield from found
        taken = [(sp.start, sp.end) for f in found for sp in f.spans]
        yield from (f for f in self._same_as(ctx)
                    if not any(a < f.spans[0].end and f.spans[0].start < b for a, b in taken))

    def _same_as(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        """"the winner's prize of 3 million shillings" ... "the same 2 million shilling prize as Alemu";
        "was fined £5,000" ... "got the same £8,000 fine as Hughes": a figure said to be the same as
        another's is that figure. Compared with the one earlier figure of that thing (a noun or verb of
        the same lemma above its number) in the same denomination; not "the same as last year"."""
        claims = [c for c in ctx.claims if c.extractor == "quantities" and c.span.field == "body"
                  and c.quantity is not None]
        for later in claims:
            noun = _same_as_noun(later)
            if noun is None:
                continue
            denomination = _denominations(later)
            earlier = [e for e in claims if e.sentence < later.sentence and _dimension(e) == _dimension(later)
                       and _figure_of(e, noun.lemma_.lower()) and _denominations(e) & denomination
                       and not {"range", "previous", "hypothetical", "negated", "rate"} & set(e.qualifiers)]
            if len({e.value for e in earlier}) != 1 or any(self._compatible(e, later) for e in earlier):
                continue
            first = earlier[0]
            doc = later.quantity.sentence.doc
            told = doc[min(c.i for c in noun.children if c.dep_ == "det" or c.lower_ == "same"):noun.i + 1].text
            yield self.finding(
                f"\"{told}\" is said to be the same figure as before, but it is {later.text} against {first.text}.",
                [later.span], [first.span], confidence=0.65,
                data={"thing": noun.lemma_.lower(), "values": [first.value, later.value]},
            )
            return

    def _relative_restatements(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        """"Aurora had sought £4.6 million in damages" ... "the £6.4 million Aurora had sought": a
        figure taken up by a relative clause with its agent and verb ("the 12 goals Ortiz scored",
        "the $2bn Vantor paid") is the figure that agent's verb took before."""
        objects: dict[tuple[str, str, str], list[Claim]] = {}
        for c in ctx.claims:
            if c.extractor != "quantities" or c.span.field != "body" or c.quantity is None:
                continue
            gap = _relative_gap(c)
            if gap is not None:
                agent, verb, end = gap
                earlier = [e for e in objects.get((agent, verb, _dimension(c)), []) if e.sentence != c.sentence]
                if len({e.value for e in earlier}) != 1 or any(self._compatible(e, c) for e in earlier):
                    continue  # none before, or several: the clause may take up either
                first = earlier[0]
                doc = c.quantity.sentence.doc
                told = doc[c.quantity.tokens[0] - 1:end + 1].text
                took = doc[first.quantity.predicate_index:first.quantity.tokens[1]].text
                yield self.finding(
                    f"\"{told}\" takes up \"{took}\" with another figure ({c.text} against {first.text}).",
                    [c.span], [first.span], confidence=0.65,
                    data={"verb": verb, "agent": agent, "unit": c.data.get("unit"), "values": [first.value, c.value]},
                )
                return
            taken = _object_of_named(c)
            if taken is not None:
                objects.setdefault((*taken, _dimension(c)), []).append(c)

    def _shell_back_references(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        """"A £500m initiative ... The £600m move": a definite general noun ("move", "scheme", "plan")
        priced by a sum takes up the one sum the article has named before. One pass: the sums of
        earlier sentences are kept per currency (at most two distinct values, and the first plain one)."""
        money = [c for c in ctx.claims if c.extractor == "quantities" and c.span.field == "body"
                 and c.data.get("kind") == "money" and c.quantity is not None]
        values: dict[Any, set[float]] = {}
        plain: dict[Any, Claim] = {}
        for _, group in groupby(money, key=lambda c: c.sentence):
            sentence = list(group)
            for later in sentence:
                unit = later.data.get("unit")
                seen, first = values.get(unit, set()), plain.get(unit)
                if first is None or len(seen) != 1 or not _shell_reference(later) or self._compatible(first, later):
                    continue  # several sums before (or only a bound, a range or an earlier value): any may be meant
                if any("modal" in c.qualifiers and _doubtful(ctx, c) for c in (first, later)):
                    continue  # "will fund a $5m scheme ... If it works, the $50m scheme would follow"
                yield self.finding(
                    f"\"{_context_words(ctx, later)}\" takes up the article's one earlier sum, "
                    f"\"{_context_words(ctx, first)}\", with another figure ({later.text} against {first.text}).",
                    [later.span], [first.span], confidence=0.6,
                    data={"thing": later.attribute, "unit": unit, "values": [first.value, later.value]},
                )
                return
            for c in sentence:
                unit = c.data.get("unit")
                seen = values.setdefault(unit, set())
                if len(seen) < 2:
                    seen.add(round(float(c.value), 6))  # type: ignore[arg-type]
                if unit not in plain and _plain(c) and not c.quantity.bound and not c.quantity.range:
                    plain[unit] = c

    def _group(self, ctx: ArticleAnalysis, measure: str, group: list[Claim]) -> Iterator[Finding]:
        for n, later in enumerate(group):
            if not later.data.get("definite") or not _plain(later, later=True) or _marks_other_item(ctx, later):
                continue
            earlier = [e for e in group[:n] if e.sentence != later.sentence and _plain(e)
                       and _same_owner(e, later) and not _other_periods(e, later)]
            if not earlier or any(self._compatible(e, later) for e in earlier):
                continue
            head = _described_head(ctx, later) if later.data.get("kind") == "count" else None
            if head is not None and (head.pos_ == "PROPN" or all(
                    _lemma_of(_described_head(ctx, e)) != head.lemma_.lower() for e in earlier)):
                continue  # "the 13-inch MacBook Air", "the 10-building project": another thing, named by its size
            if later.data.get("how") in MONEY_HOWS or any(e.data.get("how") in MONEY_HOWS for e in earlier):
                if not _same_money_thing(ctx, later, earlier):
                    continue
            if len({e.value for e in earlier}) != 1:
                continue  # two earlier figures of this measure: the back-reference may take up either
            first = earlier[0]
            if not _cannot_be_part(later, first):
                continue
            yield self.finding(
                f"\"{_context_words(ctx, later)}\" refers back to \"{_context_words(ctx, first)}\" with another "
                f"figure ({_claim_value(later)} against {_claim_value(first)}).",
                [later.span], [first.span], confidence=0.65,
                data={"thing": measure, "unit": later.data.get("unit"), "values": [first.value, later.value],
                      "subject": later.subject},
            )
            return  # one finding per measure

    def _restated_acts(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        """"Would cut £35bn from public services" ... "would cut £53bn from public services": one act,
        told twice with the same verb, agent and complements, and two figures."""
        seen: dict[tuple[Any, ...], Claim] = {}
        reported: set[tuple[Any, ...]] = set()
        for c in ctx.claims:
            if c.extractor != "quantities" or c.span.field != "body" or c.quantity is None:
                continue
            act = _act_of(c)
            if act is None:
                continue
            key, agent = act
            first = seen.get(key)
            if first is None:
                seen[key] = c
                continue
            if key in reported or first.sentence == c.sentence or self._compatible(first, c):
                continue
            if not _agents_agree(_act_of(first)[1], agent) or _times(first) != _times(c):  # type: ignore[index]
                continue
            reported.add(key)
            verb = c.quantity.sentence.doc[c.quantity.predicate_index]
            yield self.finding(
                f"\"{_act_words(ctx, c)}\" restates \"{_act_words(ctx, first)}\" with another figure "
                f"({c.text} against {first.text}).",
                [c.span], [first.span], confidence=0.65,
                data={"verb": verb.lemma_.lower(), "unit": c.data.get("unit"), "values": [first.value, c.value],
                      "complements": [f"{p} {o}" for p, o in key[2]]},
            )

    def _compatible(self, a: Claim, b: Claim) -> bool:
        x, y = _seconds(a), _seconds(b)
        if x == y:
            return True
        if "approximate" in a.qualifiers or "approximate" in b.qualifiers:
            if abs(x - y) / max(abs(x), abs(y)) < self.options.min_relative_difference:
                return True
        return _rounds_to_same(a, b)


# Measures that are movements, not levels: one article reports many of them.
_MOVES = frozenset("rise fall increase decrease drop cut gain growth decline jump slump rate".split())
_NOT_PLAIN = frozenset({"range", "update", "previous", "rate", "hypothetical", "negated", "bound-upper",
                        "bound-lower"})


_MONEY_PERIOD_RE = re.compile(r"\b(1[89]\d\d|20\d\d|quarter|quarterly|half|annual|annually|yearly|monthly|weekly|"
                              r"season|fiscal|financial|last|earlier|ago|previous|previously|year|month|week)\b")
_MONEY_UPDATE_LEMMAS = _CHANGE_VERBS | {"revise", "adjust", "sweeten", "improve", "rise", "fall", "grow", "climb",
                                         "drop", "balloon", "soar", "now", "later", "initially", "originally"}
_OTHER_THING_WORDS = frozenset("another other second third first separate rival earlier previous new each every "
                               "both two three several".split())


def _same_money_thing(ctx: ArticleAnalysis, later: Claim, earlier: list[Claim]) -> bool:
    """A sum read from the thing it prices ("the $430m deal" after "the deal is worth $340m") is
    compared only when nothing hints at another thing, period, forecast or update: neither
    sentence has a modal, a forecast, a change verb or a period word, and the article names the
    thing ("deal", "watch") with no indefinite second mention ("another deal", "a second watch")."""
    # "will lead a $48m programme" ... "the $84m programme": a sum written on the thing's own noun in
    # both tellings is its value under a modal too ("could", "might" and "if" still part them)
    described = all(c.data.get("how") == "money-modifier" and c.attribute == later.attribute for c in (later, *earlier))
    modals = ("could", "may", "might", "would", "should", "will", "can", "if") if not described else \
        ("could", "may", "might", "if", "unless")
    for c in (later, *earlier):
        if {"forecast", "hedged", "approximate"} & set(c.qualifiers) or "modal" in c.qualifiers and not described:
            return False
        span = ctx.char_span(c.span.field, c.span.start, c.span.end)
        if span is None:
            return False
        sent = span.sent
        if {t.lemma_.lower() for t in sent} & _MONEY_UPDATE_LEMMAS or _MONEY_PERIOD_RE.search(sent.text.lower()):
            return False
        if any(t.lower_ in modals for t in sent):
            return False
        if described and any(t.lower_ in _OTHER_THING_WORDS for t in sent[max(0, span.start - sent.start - 3):
                                                                        span.end - sent.start + 1]):
            return False  # "the second £21m scheme", "another $5m programme"
    span = ctx.char_span(later.span.field, later.span.start, later.span.end)
    if span is None:
        return False
    doc = span.doc
    lemmas = {later.attribute}
    for c in (later, *earlier):
        s = ctx.char_span(c.span.field, c.span.start, c.span.end)
        if s is not None:
            lemmas |= {t.lemma_.lower() for t in s.sent if t.pos_ == "NOUN" and t.lemma_.lower() == c.attribute}
    indefinite = 0
    for t in doc:
        if t.pos_ != "NOUN":
            continue
        if measure_of_noun(t) not in lemmas:
            continue
        words = {c.lower_ for c in t.children if c.i < t.i}
        if words & _OTHER_THING_WORDS or t.tag_ in ("NNS", "NNPS"):
            return False  # "another deal", "two watches", "the deals"
        if words & {"a", "an"}:
            indefinite += 1
    return indefinite <= 1


# Verbs of movement: a market report tells many rises and falls with the same complements.
_MOVE_VERBS = frozenset("rise fall grow drop climb gain jump slump slide lose decline increase decrease soar "
                        "plunge tumble rally ease edge dip surge sink shed add".split())
# Words in either sentence that make the second telling another act, a part or an update.
_OTHER_ACT_WORDS = _RESTATEMENT_UPDATES | _OTHER_ITEM_WORDS | frozenset(
    "also again extra total each every raise raised improve improved sweeten sweetened initially originally "
    "first second third part some".split())


# Verbs anywhere in the sentence that tell of a figure changed: "raising its offer", "topped the bid".
_UPDATE_ACTS = frozenset("raise improve sweeten revise increase lift boost double top match better up "
                         "reduce lower trim halve".split())


# General nouns that take up a thing named before: "the move", "the scheme", "the package".
_SHELL_NOUNS = frozenset("move scheme plan package programme program initiative measure project proposal "
                         "step investment".split())


def _same_as_noun(c: Claim) -> Any:
    """The noun of "the same 2 million shilling prize as Alemu" when the claim's number is on it, with
    "the same" before and an "as" phrase naming someone or something (not a time: "as last year")."""
    q = c.quantity
    if q is None or q.counted_index is None:
        return None
    doc = q.sentence.doc
    noun = doc[q.counted_index]
    if not any(t.lower_ == "same" and t.dep_ == "amod" for t in noun.children):
        return None
    if not any(t.dep_ == "det" and t.lower_ == "the" for t in noun.children):
        return None
    holders = [noun, noun.head]
    objs = [g for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "as"
            for g in p.children if g.dep_ == "pobj"]
    if len(objs) != 1 or objs[0].ent_type_ in ("DATE", "TIME") or objs[0].lower_ in ("before", "usual", "ever"):
        return None
    return noun


def _denominations(c: Claim) -> set[str]:
    """What a figure is counted in: its currency or unit, else its counted noun and that noun's compounds
    ("2 million shilling prize": shilling, prize)."""
    unit = c.data.get("unit")
    if unit:
        return {str(unit)}
    q = c.quantity
    if q is None or q.counted_index is None:
        return set()
    noun = q.sentence.doc[q.counted_index]
    return {noun.lemma_.lower(), *(t.lemma_.lower() for t in noun.children if t.dep_ == "compound")}


def _figure_of(c: Claim, lemma: str) -> bool:
    """A figure of this thing: the noun or verb of that lemma above its number ("prize of 3 million",
    "was fined £5,000", "a £5,000 fine")."""
    q = c.quantity
    if q is None:
        return False
    doc = q.sentence.doc
    token = doc[q.tokens[1] - 1]
    for _ in range(5):
        if token.lemma_.lower() == lemma or token.pos_ in ("VERB", "NOUN") and token.lower_ in (
                lemma + "d", lemma + "s", lemma + "ed", lemma + "es"):
            return True  # the small model lemmatises "fined" as "fin"

        if token.head.i == token.i:
            break
        token = token.head
    return False


def _doubtful(ctx: ArticleAnalysis, c: Claim) -> bool:
    """A sentence that puts its figure in doubt: a condition or a modal of possibility."""
    span = ctx.char_span(c.span.field, c.span.start, c.span.end)
    return span is None or any(t.lower_ in ("if", "unless", "could", "may", "might") for t in span.sent)


def _shell_reference(c: Claim) -> bool:
    """"The £600m move": a sum on a definite general noun with nothing of its own to tell it apart (no
    "new", "another", "second", no complement: "the £100m plan for pools" is another plan)."""
    if c.attribute not in _SHELL_NOUNS or not c.data.get("definite") or c.data.get("how") != "money-modifier":
        return False
    if not _plain(c, later=True) or {"approximate", "hedged"} & set(c.qualifiers):
        return False
    q = c.quantity
    doc = q.sentence.doc
    noun = next((t for t in doc[q.tokens[1]:min(q.sentence.end, q.tokens[1] + 3)] if t.lemma_.lower() == c.attribute),
                None)
    if noun is None or noun.tag_ != "NN":
        return False
    words = {t.lower_ for t in doc[max(q.sentence.start, q.tokens[0] - 3):noun.i]}
    if words & (_OTHER_ITEM_WORDS | _OTHER_THING_WORDS) or _sentence_words(q.sentence)[0] & _RESTATEMENT_UPDATES:
        return False
    return not any(ch.dep_ in ("prep", "acl", "relcl", "appos") for ch in noun.children)


def _act_of(c: Claim) -> tuple[tuple[Any, ...], str | None] | None:
    """The act a figure is the object of, as (key, agent): the key is the verb, the figure's dimension
    and the verb's prepositional complements ("cut £35bn from public services": ("cut", GBP,
    {("from", "service")})); the agent is the verb's subject head, climbing frames ("would", "is
    expected to"). None for movements, bounds, ranges, approximations, changes, negations, or an act
    with no complement to tell it by."""
    q = c.quantity
    if q.predicate_index is None or q.bound or q.range or q.approximate or q.score:
        return None
    if _NOT_PLAIN & set(c.qualifiers) or c.data.get("kind") not in ("money", "count", "percent"):
        return None
    doc = q.sentence.doc
    verb = doc[q.predicate_index]
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma in _MOVE_VERBS or any(c2.dep_ == "neg" for c2 in verb.children):
        return None
    number = doc[q.tokens[1] - 1]
    head = number
    while head.head.i != head.i and head.head.i != verb.i and head.dep_ in ("nummod", "quantmod", "compound", "nmod"):
        head = head.head  # "£35bn": from the digits up to the word the verb takes
    if head.head.i != verb.i or head.dep_ not in ("dobj", "nsubjpass"):
        return None  # the figure is what is acted on: "cut £35bn", not "cut jobs in 35 towns"
    complements = set()
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN") and obj.ent_type_ not in ("DATE", "TIME"):
                complements.add((prep.lower_, obj.lemma_.lower()))
    if not complements:
        return None
    words, lemmas = _sentence_words(q.sentence)
    if words & _RESTATEMENT_UPDATES or lemmas & _UPDATE_ACTS or {t.lower_ for t in _clause(verb)} & _OTHER_ACT_WORDS:
        return None
    return (lemma, _dimension(c), frozenset(complements)), _agent_of(verb)


_SENTENCE_WORDS_KEY = "consistency_plugins.quantities.sentence_words"


def _sentence_words(sent: SpacySpan) -> tuple[frozenset[str], frozenset[str]]:
    """A sentence's lower-cased words and lemmas, built once per sentence (kept in the doc's user_data,
    so a sentence of thousands of numbers is not re-read for each)."""
    cache = sent.doc.user_data.setdefault(_SENTENCE_WORDS_KEY, {})
    found = cache.get(sent.start)
    if found is None:
        found = cache[sent.start] = (frozenset(t.lower_ for t in sent), frozenset(t.lemma_.lower() for t in sent))
    return found  # type: ignore[no-any-return]


def _times(c: Claim) -> frozenset[str]:
    """The date and time phrases of a figure's sentence, lower-cased: two tellings of one act carry the
    same ones (or none)."""
    return frozenset(e.text.lower() for e in c.quantity.sentence.ents if e.label_ in ("DATE", "TIME"))


def _clause(verb: Token) -> list[Token]:
    """The verb's own clause: its subtree without the clauses hanging from it ("which was the equivalent
    of sacking every doctor")."""
    found = [verb]
    stack = [c for c in verb.children if c.dep_ not in ("advcl", "ccomp", "conj", "relcl", "acl", "parataxis", "cc")]
    while stack:  # one walk down the tree, leaving out the clauses below
        token = stack.pop()
        found.append(token)
        stack.extend(c for c in token.children if c.dep_ not in ("relcl", "acl", "advcl"))
    return found


def _agent_of(verb: Token) -> str | None:
    """The lower-cased subject of a verb with its modifiers ("tory government"), climbing frames; None for
    a pronoun or none."""
    current = verb
    for _ in range(3):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != verb.i:
                if child.pos_ == "PRON":
                    return None
                mods = [m.lemma_.lower() for m in child.children if m.dep_ in ("compound", "amod")]
                return " ".join([*mods, child.lemma_.lower()])
        if current.dep_ == "xcomp" and current.head.i != current.i:
            current = current.head  # "is expected to cut": the subject of the frame
        else:
            break
    return None


_GAP_AUX = frozenset({"had", "has", "have", "'d", "'s", "'ve"})


def _relative_gap(c: Claim) -> tuple[str, str, int] | None:
    """(agent, verb lemma, verb index) of "the £6.4 million Aurora had sought", "the 12 goals Ortiz scored": a
    definite figure followed by a named subject and a past verb with no object of its own. Read
    from the tags, as the parser often takes the name for the figure's noun."""
    q = c.quantity
    if q is None or q.bound or q.range or q.approximate or q.score or _NOT_PLAIN & set(c.qualifiers):
        return None
    doc, sent = q.sentence.doc, q.sentence
    if q.tokens[0] - 1 < sent.start or doc[q.tokens[0] - 1].lower_ != "the":
        return None
    i = q.tokens[1]
    if c.data.get("kind") == "count" and i < sent.end and doc[i].pos_ == "NOUN":
        i += 1  # "the 12 goals Ortiz scored"
    names = 0
    while i < sent.end and doc[i].pos_ == "PROPN" and names < 3:
        i, names = i + 1, names + 1
    if not names or i >= sent.end:
        return None
    agent = doc[i - 1].lemma_.lower()  # the name's last word: "Aurora", "Vantor Group" -> "group"
    if doc[i].lower_ in _GAP_AUX:
        i += 1
    if i >= sent.end or doc[i].pos_ != "VERB" or doc[i].tag_ not in ("VBD", "VBN"):
        return None
    after = doc[i + 1] if i + 1 < sent.end else None
    if after is not None and (after.pos_ in ("NOUN", "PROPN", "DET", "NUM", "PRON") or after.lower_ == "to"):
        return None  # "the £6m Aurora sought damages ...": the verb has an object of its own
    for t in doc[i + 1:sent.end]:
        if t.is_punct:
            break
        if t.ent_type_ in ("DATE", "TIME") or t.lower_ in _TIME_WORDS:
            return None  # "the $1.2 billion Vantor paid in 2019": a time of its own, maybe another act
    return agent, doc[i].lemma_.lower(), i


def _object_of_named(c: Claim) -> tuple[str, str] | None:
    """(agent, verb lemma) when a figure is the object of a named agent's past verb: "Aurora had sought
    £4.6 million in damages" -> ("aurora", "seek")."""
    q = c.quantity
    # "hypothetical" is read over the sentence ("... and an injunction that would have stopped"):
    # the verb's own modals are checked instead
    if q is None or q.predicate_index is None or q.bound or q.range or q.approximate or q.score \
            or (_NOT_PLAIN - {"hypothetical"}) & set(c.qualifiers):
        return None
    doc = q.sentence.doc
    verb = doc[q.predicate_index]
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN") or any(
            x.dep_ == "neg" or x.dep_ == "aux" and x.tag_ == "MD" for x in verb.children):
        return None
    head = doc[q.tokens[1] - 1]
    while head.head.i != head.i and head.head.i != verb.i and head.dep_ in ("nummod", "quantmod", "compound", "nmod"):
        head = head.head
    if head.head.i != verb.i or head.dep_ != "dobj":
        return None
    if any(x.dep_ == "conj" and any(t.like_num for t in x.subtree) for x in head.children):
        return None  # "paid $2.1 billion for A and $900 million for B": two figures, either may be taken up
    subject = next((x for x in verb.children if x.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN":
        return None
    return subject.lemma_.lower(), verb.lemma_.lower()


def _agents_agree(a: str | None, b: str | None) -> bool:
    """One agent, or one of them unnamed: "a Tory government" and "the Tories" share "tory"."""
    if a is None or b is None:
        return True
    words_a, words_b = [_singular(w) for w in a.split()], [_singular(w) for w in b.split()]
    return words_a[-1] == words_b[-1] or words_a[-1] in words_b or words_b[-1] in words_a


def _singular(word: str) -> str:
    """"tories" -> "tory", "unions" -> "union": a proper plural the lemmatiser leaves as written."""
    return re.sub(r"ies$", "y", word) if word.endswith("ies") else re.sub(r"(?<!s)s$", "", word)


def _act_words(ctx: ArticleAnalysis, c: Claim) -> str:
    """The verb, its figure and complements as written: "cut £53bn from public services"."""
    q = c.quantity
    doc = q.sentence.doc
    verb = doc[q.predicate_index]
    ends = [q.tokens[1] - 1] + [obj.i for p in verb.children if p.dep_ == "prep" and p.i > verb.i
                                for obj in p.children if obj.dep_ == "pobj"]
    start, end = min(verb.i, q.tokens[0]), max(ends) + 1
    if end - start > 14:
        end = max(verb.i, q.tokens[1] - 1) + 1
    return doc[start:end].text.replace('"', "").strip()


def _plain(c: Claim, later: bool = False) -> bool:
    """A figure stated as the value of its measure: no range, bound, update, earlier value or rate."""
    if _NOT_PLAIN & set(c.qualifiers) or not later and ("forecast" in c.qualifiers or "approximate" in c.qualifiers
                                                         and c.data.get("kind") == "count"):
        return False
    return not (c.data.get("kind") == "count" and isinstance(c.value, float) and not c.value.is_integer())


def _dimension(c: Claim) -> str:
    kind = c.data.get("kind", "count")
    return "time" if kind == "duration" else str(c.data.get("unit") or kind)


def _seconds(c: Claim) -> float:
    return float(c.data.get("seconds", c.value))


# Nouns of one occurrence of any contest or gathering: "a match that lasted 71 minutes" may be the
# final, the semi-final or the meeting the sentence before has named.
_OCCURRENCE_NOUNS = frozenset({"match", "game", "contest", "bout", "fixture", "tie", "encounter", "meeting",
                               "session", "event"})


def _name_occurrences(groups: dict[tuple[str, str], list[Claim]]) -> None:
    """"Beat Hoshino in the final. She won in a match that lasted 71 minutes ... The 58-minute final": a
    duration that something "lasted", told of a generic occurrence ("match", "meeting"), joins the
    durations of the one event noun its sentence or the one before names, when exactly one group of
    durations has such a name; so the later back-reference compares with it. In place."""
    for (measure, dimension), group in list(groups.items()):
        if dimension != "time" or measure not in _OCCURRENCE_NOUNS:
            continue
        for claim in [c for c in group if c.data.get("how") == "lasted" and c.quantity is not None]:
            sent = claim.quantity.sentence
            doc = sent.doc
            noun = next((t for t in sent if t.lemma_.lower() == measure and t.pos_ == "NOUN"), None)
            if noun is None or any(c.dep_ not in ("det", "relcl", "punct") for c in noun.children) or any(
                    c.dep_ == "det" and c.lower_ not in ("a", "an", "the") for c in noun.children):
                continue  # "her first match", "Tuesday's game", "the match against Leeds": one of several
            tokens = [*(doc[sent.start - 1].sent if sent.start > 0 else ()), *sent]
            # a name of its own, not a part of a longer one ("semi-final", "quarter-final")
            words = {t.lemma_.lower() for t in tokens if not (t.i > 0 and doc[t.i - 1].text in ("-", "–"))
                     and not any(c.dep_ == "compound" for c in t.children)}
            named = [key for key in groups if key[1] == "time" and key[0] != measure and key[0] in words
                     and key[0] not in _OCCURRENCE_NOUNS]
            if len(named) == 1:
                target = groups[named[0]]
                target.append(claim)
                target.sort(key=lambda c: (c.span.start, c.span.end))


def _same_owner(a: Claim, b: Claim) -> bool:
    return a.subject == b.subject or "article" in (a.subject, b.subject)


def _other_periods(a: Claim, b: Claim) -> bool:
    """Both figures carry date words, and none in common: two periods ("in 2022" / "in 2023")."""
    pa, pb = set(a.data.get("period", ())), set(b.data.get("period", ()))
    return bool(pa and pb and pa.isdisjoint(pb))


def _step(text: str) -> float:
    """The rounding step of a written number: "1.2 million" -> 100,000; "318" -> 1; "2.8" -> 0.1."""
    # the scale word ends there: "71 minutes", "3 months", "5km" are no millions or thousands
    match = re.search(r"(\d[\d,]*)(?:\.(\d+))?\s*(?:(bn|m|k|tn|million|billion|trillion|thousand)(?![a-z]))?",
                      text.lower())
    if not match:
        return 1.0
    decimals = len(match.group(2) or "")
    scale = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3, "tn": 1e12,
             "trillion": 1e12}.get(match.group(3) or "", 1.0)
    return scale * 10 ** -decimals


def _rounds_to_same(a: Claim, b: Claim) -> bool:
    """Whether one figure is the other rounded: "1.2 million" and "1,215,000", "2.8" and "2.75"."""
    step = max(_step(a.text), _step(b.text))
    return abs(float(a.value) - float(b.value)) <= step / 2 + 1e-9


def _marks_other_item(ctx: ArticleAnalysis, c: Claim) -> bool:
    """Words beside a back-reference that make it another item or a changed one: "the new five-year
    contract", "extended the four-year contract", "now"."""
    span = ctx.char_span(c.span.field, c.span.start, c.span.end)
    if span is None:
        return True
    doc = span.doc
    sent = span.sent
    window = doc[max(sent.start, span.start - 5):min(sent.end, span.end + 4)]
    if {t.lower_ for t in sent} & _RESTATEMENT_UPDATES or {t.lower_ for t in window} & _OTHER_ITEM_WORDS:
        return True
    noun = doc[span.start]
    while noun.dep_ in ("nummod", "compound", "amod", "npadvmod") and noun.head.i != noun.i:
        noun = noun.head  # from "four" up to "contract"
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in _CHANGE_VERBS


def _described_head(ctx: ArticleAnalysis, c: Claim) -> Any:
    """The noun a figure and its unit describe together ("four-year" -> "contract", "12-inch" ->
    "screen", "10-building" -> "project"), or None when the figure counts its own noun ("22 trucks")."""
    span = ctx.char_span(c.span.field, c.span.start, c.span.end)
    if span is None:
        return None
    token = span.root
    while token.dep_ in ("nummod", "quantmod", "compound") and token.pos_ == "NUM" and token.head.i != token.i:
        token = token.head  # "1.7 million" -> "foot"; "four" -> "year"
    if token.dep_ in ("compound", "nmod", "amod", "npadvmod") and token.head.pos_ in ("NOUN", "PROPN") \
            and token.head.i > token.i:
        return token.head
    return None


def _lemma_of(token: Any) -> str | None:
    return token.lemma_.lower() if token is not None else None


def _context_words(ctx: ArticleAnalysis, c: Claim) -> str:
    """The figure with the noun it measures: "the 26 trucks", "2.8-second margin"."""
    span = ctx.char_span(c.span.field, c.span.start, c.span.end)
    if span is None:
        return c.text
    doc = span.doc
    end = span.end
    for t in doc[span.end:min(span.sent.end, span.end + 3)]:
        if t.is_punct or t.pos_ in ("CCONJ", "VERB", "AUX", "ADP"):
            break
        end = t.i + 1
        if t.pos_ in ("NOUN", "PROPN"):
            break  # up to the noun measured: "2.8-second margin", "26 trucks"
    return doc[span.start:end].text


def _claim_value(c: Claim) -> str:
    unit = c.data.get("unit")
    value = _num(float(c.value))  # type: ignore[arg-type]
    if c.data.get("kind") == "duration":
        return f"{value} {unit}s" if float(c.value) != 1 else f"{value} {unit}"  # type: ignore[arg-type]
    if unit == "%":
        return f"{value}%"
    return f"{value} {unit}" if unit else value


def _cannot_be_part(later: Claim, first: Claim) -> bool:
    """Whether the later figure cannot be a part or another set: "the four-year contract" after "a
    five-year contract" (a measure of one thing: a term, a margin, an amount), or "the 26 trucks"
    after "22 trucks" (more than the set introduced, within a factor of two). "The two banks"
    after "four banks" may be two of them, so it is not compared."""
    if first.data.get("kind") != "count":
        return True
    a, b = float(first.value), float(later.value)  # type: ignore[arg-type]
    return a >= 3 and a < b <= 2 * a


def _phrase(ctx: ArticleAnalysis, q: Quantity) -> str:
    doc = q.sentence.doc
    end = min(q.sentence.end, q.tokens[1] + 3)
    while end > q.tokens[1] and doc[end - 1].pos_ not in ("NOUN", "PROPN"):
        end -= 1
    return doc[q.tokens[0]:max(end, q.tokens[1])].text


def _of_the(q: Quantity) -> bool:
    """"Of the 1,211,340 ballots", "a total of 96", "a fleet of 42": a number stated as a whole."""
    doc = q.sentence.doc
    before = [t.lower_ for t in doc[max(q.sentence.start, q.tokens[0] - 3):q.tokens[0]]]
    return before[-2:] == ["of", "the"] or "total" in before


def _num(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return [CountConflict, PartsTotalMismatch, SumMismatch, RestatedValue]
