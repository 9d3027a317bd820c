"""Headline claims: what the headline says happened, read into the ledger like a body claim.

Each predicate of the headline ("Rovers edge Collegians", "profit rises", "approves $35.1
million deal", "runs aground off Batam", "Ballarat-shot drama") becomes a `headline` claim
about the article. Its value is the predicate's lemma; `data` holds

- `actor`: the words of whoever does it (the subject, or the words before the predicate in
  headline-ese, where the small model often tags the verb a plural noun: "profit rises");
- `object`: the words of what it is done to ("Collegians", "cancer wing");
- `topics`: the content-noun lemmas of actor and object, what body claims must be about;
- `place`: the place the headline puts it in (`in`/`at`/`off`/`near` + a name, or a name
  before a hyphenated participle, "Ballarat-shot") with the preposition in `place_how`;
- `name_places`: when there is no such place, names that may be a place modifying a noun of the
  actor or object ("Cape Town container backlog", "Accra Fashion Week"), [text, start] each,
  longest first: rules ask the gazetteer which is a city;
- `figures`: the headline's figures (value, unit, text), and `score` a pair ("24-19" is a
  score or tally, [24, 19], not a range) when the headline has one;
- `phrases`: the predicate's multi-word forms, "hold off", "cut short", "give go-ahead" (`phrases`);
- `aligned`: indices of the body sentences about the same subject (sharing a name or a
  topic noun with the headline's actor or object), best first.

Qualifiers give the headline's stance: `question` ("Will X win?"), `quoted` ("'We will
win', says X"), `hedged` (may, could, set to, poised to, likely), `future` ("X to quit"),
`conditional` ("if"), `negated`. Rules compare only claims that carry none of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..tokens import doc_text
from .qualifiers import HEDGES, inside_quotation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..ledger import Claim, Reader

_PLACE_PREPS = frozenset({"in", "at", "off", "near", "outside", "on"})
_HEDGE_WORDS = HEDGES | frozenset({"may", "might", "could", "would", "should", "likely", "poised", "set",
                                   "expected", "eyes", "eye", "mulls", "considers", "seeks", "plans", "hopes",
                                   "threatens", "bid", "vows", "wants"})
_CLAUSE_BREAKS = frozenset({",", ":", ";", "but", "as", "after", "while", "and", "amid", "with", "despite",
                            "–", "—", "-", "|", "before", "when", "over"})
_QUESTION_STARTS = frozenset({"will", "can", "could", "should", "would", "is", "are", "does", "do", "did",
                              "who", "what", "why", "how", "which", "when", "where", "has", "have"})
_SCORE = re.compile(r"^(\d{1,3})[-–](\d{1,3})$")


@cache
def verb_lexicon() -> frozenset[str]:
    """Verbs WordNet knows (the keys of consistency/data/verb_synonyms.tsv) plus the antonym tables' words."""
    words: set[str] = set()
    for name in ("verb_synonyms.tsv", "antonyms.tsv", "opposites.tsv"):
        text = resources.files("consistency").joinpath("data", name).read_text(encoding="utf-8")
        for line in text.splitlines():
            if line and not line.startswith("#"):
                for side in line.split("\t")[:2 if name != "verb_synonyms.tsv" else 1]:
                    words.update(w.strip() for w in side.split(",") if w.strip())
    return frozenset(words)


def is_predicate(token: Token) -> bool:
    """A headline predicate: a verb, or a word headline-ese leaves tagged a noun ("profit rises",
    "hospital delays wing") that is a known verb, in its -s form, with no determiner of its own."""
    if token.pos_ == "VERB" and token.dep_ not in ("amod", "compound"):
        if token.i == 0 and token.tag_ == "VB" and not any(c.dep_.startswith("nsubj") for c in token.children):
            return False  # "Wet summer leaves ...": a headline does not open on an imperative
        return token.tag_ != "VBG" or token.dep_ == "ROOT"
    if token.pos_ in ("NOUN", "PROPN") and token.tag_ in ("NNS", "VBZ") and token.lower_.endswith("s") \
            and token.i > 0 and token.lemma_.lower() in verb_lexicon():
        before = token.doc[token.i - 1]
        if _subordinate_clause(token, before):
            return True  # "as quarterly profit slumps": the parse's adjective is the subject's
        if any(c.dep_ in ("det", "poss", "amod", "nummod") for c in token.children):
            return False
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if after is not None and after.pos_ in ("VERB", "AUX"):
            return False  # "Umbro profits lifted by Euro 2004": the noun is the subject
        return before.pos_ in ("NOUN", "PROPN") and not before.is_stop and before.dep_ != "compound" \
            or token.dep_ in ("ROOT", "compound") and before.pos_ in ("NOUN", "PROPN")
    return False


# Conjunctions a headline's second clause opens with, which the parse takes for prepositions.
_SUBORDINATORS = frozenset({"as", "after", "while", "when", "before", "since", "until", "amid"})


def _subordinate_clause(token: Token, before: Token) -> bool:
    """ "Vindla to cut jobs as quarterly profit slumps": a known verb's -s form read as the object of
    "as" or "after", with the subject's noun right before it read as its compound (and the
    subject's own modifiers as the verb's): a clause, not a noun phrase ("after talks")."""
    return token.dep_ == "pobj" and token.head.lower_ in _SUBORDINATORS and token.head.i < before.i \
        and before.dep_ == "compound" and before.head.i == token.i and before.tag_ in ("NN", "NNP") \
        and not any(c.dep_ in ("det", "poss", "nummod") for c in token.children)


def _bare_verb(doc: Doc) -> list[Token]:
    """A headline with no predicate the tagger saw, opening on a plural subject and a verb's base form that it
    tagged otherwise ("Greens top Hamburg poll", "Voters back new constitution", "Exporters hail tariff deal"):
    that word, when WordNet knows it as a verb and a noun phrase follows it."""
    for t in doc[1:-1]:
        before, after = doc[t.i - 1], doc[t.i + 1]
        opening = all(x.pos_ in ("NOUN", "PROPN", "ADJ", "DET") for x in doc[:t.i])
        plural = before.tag_ in ("NNS", "NNPS") or before.pos_ == "PROPN" and before.lower_.endswith("s")
        if not opening:
            return []
        if plural and t.pos_ in ("ADJ", "NOUN", "ADV", "PROPN") and t.lower_ == t.lemma_.lower() \
                and t.lower_ in verb_lexicon() and not t.lower_.endswith("s") \
                and after.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"):
            return [t]
    return []


# Verbs of beginning and going on, whose infinitive tells a change under way, not a plan.
_ASPECT_VERBS = frozenset({"start", "begin", "continue", "resume", "keep", "carry"})


def frames(doc: Doc) -> Iterator[dict[str, Any]]:
    """The headline's predicates with actor, object, place, figures and stance."""
    preds = [t for t in doc if is_predicate(t)] or _bare_verb(doc)
    title = doc.text.strip()
    question = title.endswith("?") or bool(len(doc)) and doc[0].lower_ in _QUESTION_STARTS and doc[0].pos_ in (
        "AUX", "PRON", "ADV", "VERB") and title.endswith("?")
    quoted_head = title[:1] in "\"'“‘"
    extra = []
    for t in doc[:-2]:
        if _hyphen_participle(doc, t) and doc[t.i + 2] not in preds:
            extra.append(doc[t.i + 2])  # "Ballarat-shot drama": the shooting is an event of the headline
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if not preds and root is not None and root.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "prep" and c.lower_ in _PLACE_PREPS for c in root.children):
        extra.append(root)  # "water-sharing deal in Almaty": an event noun with its place
    for pred in sorted([*preds, *extra], key=lambda t: t.i):
        qualifiers = set()
        if question or "?" in title:
            qualifiers.add("question")
        if quoted_head or inside_quotation(pred) or _in_single_quotes(doc, pred):
            qualifiers.add("quoted")
        window = [t.lower_ for t in doc[max(0, pred.i - 3):pred.i]]
        if any(w in _HEDGE_WORDS for w in window) or any(c.lower_ in _HEDGE_WORDS for c in pred.children):
            qualifiers.add("hedged")
        # "economy starts to shrink", "shares continue to fall": the change is under way, said of the
        # aspectual verb's subject; "Blair to visit Iraq": planned, not done
        aspect = pred.head if pred.dep_ == "xcomp" and pred.head.i < pred.i and \
            pred.head.lemma_.lower() in _ASPECT_VERBS and pred.head.tag_ != "VB" else None
        result = _result_clause(doc, pred)
        if pred.i > 0 and doc[pred.i - 1].lower_ == "to" and pred.tag_ == "VB" and aspect is None and result is None:
            qualifiers.add("future")
        if any(c.dep_ == "neg" for c in pred.children) or any(w in ("not", "no", "never", "fails", "fail") for w in window):
            qualifiers.add("negated")
        if any(t.lower_ in ("if", "unless") for t in doc[:pred.i]):
            qualifiers.add("conditional")
        actor = _actor(doc, result if result is not None else pred, preds)
        if aspect is not None and not actor:
            actor = _actor(doc, aspect, preds)
            window = [t.lower_ for t in doc[max(0, aspect.i - 3):aspect.i]]
            if any(w in _HEDGE_WORDS for w in window):
                qualifiers.add("hedged")
            if any(c.dep_ == "neg" for c in aspect.children) or any(w in ("not", "no", "never") for w in window):
                qualifiers.add("negated")
        obj = _object(doc, pred, preds)
        place, how = _place(doc, pred, obj)
        yield {
            "predicate": pred,
            "lemma": pred.lemma_.lower(),
            "qualifiers": qualifiers,
            "actor": actor,
            "object": obj,
            "place": place,
            "place_how": how,
            "score": _score(doc),
        }


def _result_clause(doc: Doc, pred: Token) -> Token | None:
    """The verb of winning a "to" infinitive tells the result of ("Mensah edges Nwosu to win belt", "City
    beat United to reach final", "Ferrari hold off Mercedes to take pole"): done, not planned, and said of
    that verb's subject. None for a plan ("Blair to visit Iraq", "union votes to strike")."""
    head = pred.head
    if not (pred.i > 1 and doc[pred.i - 1].lower_ == "to" and pred.tag_ == "VB" and pred.dep_ in ("advcl", "xcomp")):
        return None
    if head.i >= pred.i or head.tag_ not in ("VBZ", "VBD", "VBP") or head.lemma_.lower() not in _win_verbs():
        return None
    return head


@cache
def _win_verbs() -> frozenset[str]:
    """Single-word verbs of winning a contest: the "win" line of consistency/data/opposites.tsv."""
    text = resources.files("consistency").joinpath("data", "opposites.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("win,"):
            return frozenset(w.strip() for w in line.split("\t")[0].split(",") if " " not in w.strip())
    return frozenset()


def _in_single_quotes(doc: Doc, token: Token) -> bool:
    """Between single quotation marks of a headline ('We will win', says X)."""
    text = doc_text(doc)
    marks = [m.start() for m in re.finditer(r"(?<!\w)['‘]|['’](?!\w)", text)]
    return any(a < token.idx < b for a, b in zip(marks[::2], marks[1::2]))


def _segment(doc: Doc, start: int, stop: int, step: int, preds: list[Token]) -> list[Token]:
    """Tokens from start (inclusive) towards stop, up to a clause break or another predicate."""
    found = []
    i = start
    pred_is = {p.i for p in preds}
    while (i < stop) if step > 0 else (i > stop):
        t = doc[i]
        if t.lower_ in _CLAUSE_BREAKS and not (t.text == "-" and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_) \
                or i in pred_is or t.pos_ == "VERB" and t.dep_ not in ("amod", "compound"):
            break
        if step < 0 and t.dep_ == "prep" and found:
            break
        if step > 0 and t.dep_ == "prep" and t.lower_ in _PLACE_PREPS | {"for", "to", "from", "by", "of", "into"}:
            break
        found.append(t)
        i += step
    return found[::-1] if step < 0 else found


def _actor(doc: Doc, pred: Token, preds: list[Token]) -> list[Token]:
    subject = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.i < pred.i:
        tokens = [t for t in subject.subtree if t.i < pred.i]
    else:
        tokens = _segment(doc, pred.i - 1, -1, -1, preds)
    return [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or t.text[:1].isupper()]


def _object(doc: Doc, pred: Token, preds: list[Token]) -> list[Token]:
    tokens = _segment(doc, pred.i + 1, len(doc), 1, preds)
    return [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "NUM") or t.text[:1].isupper() and t.is_alpha]


def _place(doc: Doc, pred: Token, obj: list[Token]) -> tuple[Token | Span | None, str | None]:
    """A named place the headline puts the event in: "off Batam", "deal in Almaty", "Ballarat-shot"."""
    heads = {pred.i} | {t.i for t in obj}
    heads |= _event_objects(doc, heads)
    for t in doc:
        if t.lower_ in _PLACE_PREPS and t.head.i in heads | {pred.head.i} and t.i > pred.i:
            place = next((c for c in t.children if c.dep_ == "pobj"), None)
            # a capitalised object: the small model often tags a headline's place a noun ("off Batam")
            if place is not None and place.pos_ in ("PROPN", "NOUN") and place.text[:1].isupper():
                # a name of several words: "in New York", "off Cape Town"
                first = min((c for c in place.children if c.dep_ == "compound" and c.i < place.i
                             and c.text[:1].isupper()), key=lambda c: c.i, default=place)
                return (doc[first.i:place.i + 1] if first is not place else place), t.lower_
    for t in doc[:-2]:
        if _hyphen_participle(doc, t) and (doc[t.i + 2].i == pred.i or doc[t.i + 2].head.i in heads):
            return t, "-" + doc[t.i + 2].lower_
    return None, None


def _event_objects(doc: Doc, heads: set[int]) -> set[int]:
    """Event nouns a preposition ties to the predicate or its object ("close tour with three nights in
    Busan", "ends season with a win in Perth"): the event's place is the predicate's."""
    from ..lexicon import event_nouns

    found = set()
    for t in doc:
        if t.dep_ == "prep" and t.head.i in heads and t.lower_ in ("with", "after", "on", "for"):
            found |= {c.i for c in t.children if c.dep_ == "pobj" and c.pos_ == "NOUN"
                      and c.lemma_.lower() in event_nouns()}
    return found


def _hyphen_participle(doc: Doc, t: Token) -> bool:
    """"Ballarat-shot drama", "Leeds-made film": a name before a hyphenated participle of an event
    (not "London-based", "Oxford-born": where someone is, not where something happened)."""
    if t.i + 2 >= len(doc):
        return False
    nxt, part = doc[t.i + 1], doc[t.i + 2]
    return t.text[:1].isupper() and t.pos_ == "PROPN" and nxt.text == "-" and not t.whitespace_ \
        and not nxt.whitespace_ and part.lower_ not in ("based", "born", "bound", "listed", "owned", "led", "backed",
                                                        "registered", "headquartered", "educated", "raised") \
        and (part.tag_ == "VBN" or part.lower_.endswith("ed") or part.lower_ in _PARTICIPLES)


_PARTICIPLES = frozenset({"shot", "made", "built", "set", "held", "run", "won", "hit", "struck", "found", "sold"})


def _name_places(doc: Doc, phrase: list[Token]) -> list[list[Any]]:
    """Names that may be a place modifying a noun of the predicate's actor or object: "Cape Town
    container backlog", "Cádiz parents", "Bengaluru Open title", "Accra Fashion Week", "Seville's
    schools": [text, start] for each leading part of a run of capitalised words, longest first
    (the gazetteer decides which, if any, is a place). A person's name is not a place ("Austin
    Butler"), nor a name standing alone as the phrase ("Durban eases")."""
    indices = {t.i for t in phrase}
    found: list[list[Any]] = []
    i = 0
    while i < len(doc):
        if not _name_word(doc[i]) or i > 0 and doc[i - 1].lower_ in _PLACE_PREPS:
            i += 1
            continue
        j = i
        while j < len(doc) and _name_word(doc[j]):
            j += 1
        after = doc[j] if j < len(doc) else None
        run = doc[i:j]
        # the small model tags many a lone place PERSON ("Rotterdam dock workers"); a run of names so tagged is one
        person = len(run) > 1 and any(t.ent_type_ == "PERSON" for t in run)
        if person or not indices & set(range(i, j + 1)) or after is not None and after.text == "-":
            i = j
            continue
        # the whole run modifies what follows ("Cádiz parents", "Seville's"); its leading parts modify its last
        stops = list(range(j - 1, i, -1))
        if after is not None and (after.pos_ == "NOUN" and after.text.islower() or after.lower_ in ("'s", "’s")):
            stops.insert(0, j)
        for stop in stops:
            found.append([doc[i:stop].text, run[0].idx])
        i = j
    return found


def _name_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha and token.pos_ in ("PROPN", "ADJ", "NOUN", "VERB")


def _score(doc: Doc) -> list[int] | None:
    """A pair "24-19" in the headline: a score or tally, read as a pair, not a range of values."""
    for t in doc:
        m = _SCORE.match(t.text)
        if m is None and t.like_num and t.i + 2 < len(doc) and doc[t.i + 1].text in ("-", "–") \
                and doc[t.i + 2].like_num and not t.whitespace_:
            m = _SCORE.match(t.text + "-" + doc[t.i + 2].text)
            nxt = doc[t.i + 3] if t.i + 3 < len(doc) else None
        else:
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if m is None:
            continue
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ == "NNS" and nxt.lower_ not in ("wins", "votes"):
            continue  # "10-15 people": a range of a count
        return [int(m.group(1)), int(m.group(2))]
    return None


_STILL = frozenset({"unchanged", "steady", "flat", "stable", "short", "open", "shut", "closed", "clear", "free"})


def phrases(token: Token) -> list[str]:
    """The multi-word predicates a verb makes with its particle, its result or its object, most
    specific first: "hold off" (a particle), "cut short" and "leave unchanged" (an adjective of result,
    also after the object: "held rates steady"), "give go-ahead", "give green light" (a light verb and
    its object noun, modifiers included, determiners not). Looked up in the opposites tables."""
    lemma = token.lemma_.lower()
    found = []
    for c in token.children:
        if c.dep_ == "prt":
            found.append(f"{lemma} {c.lower_}")
        if c.dep_ == "prep" and c.lower_ in ("against", "for", "past"):
            found.append(f"{lemma} {c.lower_}")  # "voted against the plan", "rallies past Lindqvist"
        if c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ in ("favour", "favor") for g in c.children):
            found.append(f"{lemma} in favour")  # "voted eight to five in favour of the plan"
    for c in token.children:
        if c.dep_ in ("oprd", "acomp") and c.pos_ == "ADJ" or c.dep_ == "advmod" and c.lower_ in _STILL:
            found.append(f"{lemma} {c.lower_}")
        if c.dep_ == "dobj":
            found.extend(f"{lemma} {a.lower_}" for a in c.children
                         if a.dep_ == "amod" and a.i > c.i and a.lower_ in _STILL)  # "held rates steady"
            start = min((a.i for a in c.children if a.dep_ in ("compound", "amod") and a.i < c.i), default=c.i)
            words = token.doc[start:c.i + 1]
            found.append(f"{lemma} {words.text.lower() if start < c.i else c.lemma_.lower()}")
            if start < c.i:
                found.append(f"{lemma} {c.lemma_.lower()}")
    return found


def words_of(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens]


def topics_of(tokens: list[Token]) -> list[str]:
    """Content lemmas of a phrase: nouns, names (lower-cased), not stop words."""
    return sorted({t.lemma_.lower() if t.pos_ == "NOUN" else t.text.lower().removesuffix("'s") for t in tokens
                   if t.pos_ in ("NOUN", "PROPN") or t.text[:1].isupper() and t.is_alpha}
                  - {"s", "'s"} - _STOP_TOPICS)


_STOP_TOPICS = frozenset({"year", "time", "day", "week", "month", "people", "man", "woman", "new", "first", "last"})


def _sentence_words(doc: Doc, sents: list[Any]) -> list[set[str]]:
    """Each sentence's lower-cased lemmas and words, what `{t.lemma_.lower() for t in sent} |
    {t.text.lower() for t in sent}` gives, read from the doc's arrays (each distinct string
    lowered once, no `Token` made)."""
    from spacy.attrs import LEMMA, ORTH

    if not len(doc):
        return [set() for _ in sents]
    strings = doc.vocab.strings
    columns = doc.to_array([LEMMA, ORTH]).tolist()
    lowered = {key: strings[key].lower() for row in columns for key in row}
    return [{lowered[key] for row in columns[sent.start:sent.end] for key in row} for sent in sents]


def extract(reader: Reader) -> Iterator[Claim]:
    """One `headline` claim per predicate of the headline, aligned with the body sentences about it."""
    ctx = reader.ctx
    doc = ctx.title_doc
    if not len(doc) or not ctx.article.body.strip():
        return
    body_sents = list(ctx.body_doc.sents)
    figures = [{"value": q.value, "unit": q.unit, "text": q.text, "counted": q.counted}
               for q in ctx.quantities if q.field == "title"]
    sentence_words: list[set[str]] | None = None  # made once, on the first frame: every frame aligns with them
    for frame in frames(doc):
        pred = frame["predicate"]
        topics = set(topics_of(frame["actor"])) | set(topics_of(frame["object"]))
        aligned = []
        if sentence_words is None:
            sentence_words = _sentence_words(ctx.body_doc, body_sents)
        for index, words in enumerate(sentence_words):
            shared = len(topics & words)
            if shared:
                aligned.append((-shared, index))
        first_sentence = len(ctx.sentences) - len(body_sents)
        place = frame["place"]
        yield reader.claim(
            "article", "headline", frame["lemma"], doc, pred.i, pred.i + 1, "headline", frame["qualifiers"],
            actor=words_of(frame["actor"]), object=words_of(frame["object"]), topics=sorted(topics),
            place=place.text if place is not None else None, place_how=frame["place_how"],
            place_start=(place.idx if hasattr(place, "idx") else place.start_char) if place is not None else None,
            name_places=[] if place is not None else _name_places(doc, frame["actor"] + frame["object"]),
            figures=figures, score=frame["score"],
            aligned=[first_sentence + i for _, i in sorted(aligned)][:8], phrases=phrases(pred),
            nouns=sorted({t.lower_ for t in doc if t.pos_ == "NOUN"}),
        )
