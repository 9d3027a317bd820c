"""What every mutation shares: the facts kept from a parse, the mutant and its gold, editing helpers.

A mutation edits one copy of a clean article and returns a `Mutant` whose gold quote is the
edited text, located where scoring will look for it (first occurrence, title before body).
The spaCy docs are reduced to `ArticleFacts` right after parsing, so the whole corpus's
parses need not stay in memory.
"""

from __future__ import annotations

import bisect
import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from consistency import Article
from consistency.evaluation import locate

FIRST_NAMES = (
    "Peter", "David", "Michael", "Paul", "Richard", "Andrew", "Mark", "Simon", "Stephen", "Robert", "Thomas",
    "Daniel", "James", "Martin", "Graham", "Kevin", "Alan", "Brian", "Colin", "Neil", "Susan", "Helen", "Sarah",
    "Anne", "Claire", "Laura", "Karen", "Julia", "Maria", "Elena", "Sergei", "Vladimir", "Hans", "Pierre", "Carlos",
    "Luis", "Marco", "Ahmed", "Hiroshi", "Rajesh",
)
MALE_FIRST_NAMES = ("Peter", "David", "Michael", "Paul", "Richard", "Andrew", "Mark", "Simon", "Stephen", "Robert",
                    "Thomas", "Daniel", "James", "Martin", "Graham", "Kevin", "Alan", "Brian", "Colin", "Neil")
SURNAMES = ("Walker", "Hughes", "Patel", "Morgan", "Turner", "Fletcher", "Harrison", "Bennett", "Chapman", "Lawson",
            "Marsh", "Whitaker", "Dawson", "Holloway", "Pearce", "Sutton", "Gardner", "Reeves", "Fisher", "Kemp")
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "president", "prime", "minister", "chancellor",
              "secretary", "chief", "judge", "king", "queen", "prince", "general", "professor", "mp", "st"}


class Token(NamedTuple):
    """A token kept from the parse (offsets into its field)."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    sent: int
    quoted: bool  # inside a quotation ("...") of its paragraph


class Sentence(NamedTuple):
    """A body sentence: character offsets, token range and its root token."""

    start: int
    end: int
    first: int
    last: int  # index of its last token
    root: int


@dataclass(frozen=True)
class Mention:
    """An entity mention kept from the parse: field, offsets, text and label."""

    field: str
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class ArticleFacts:
    """What mutations need from one parsed original, so the spaCy docs can be dropped."""

    source: str
    article: Article
    mentions: tuple[Mention, ...]
    past_sentence_ends: tuple[int, ...] = ()  # body offsets of the final "." of past-tense sentences
    title_tokens: tuple[Token, ...] = ()
    body_tokens: tuple[Token, ...] = ()
    sentences: tuple[Sentence, ...] = ()

    def token_after(self, offset: int, name: str = "body") -> Token | None:
        """The first token starting at or after `offset` in a field."""
        tokens = self.body_tokens if name == "body" else self.title_tokens
        at = bisect.bisect_left(tokens, offset, key=lambda t: t.start)
        return tokens[at] if at < len(tokens) else None

    def people(self, name: str = "body") -> list[Mention]:
        """PERSON mentions of a field, in order."""
        return [m for m in self.mentions if m.label == "PERSON" and m.field == name]


@dataclass(frozen=True)
class Mutant:
    """A copy of an article with exactly one injected inconsistency and its gold."""

    kind: str
    subkind: str
    source: str
    article: Article
    quote: str
    why: str = ""
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """"kind/subkind"."""
        return f"{self.kind}/{self.subkind}"

    @property
    def original(self) -> str:
        """The source of the untouched original: its paired negative."""
        return self.source.split("#")[0]

    @property
    def variant(self) -> str:
        """Which edit strategy or template made it."""
        return str(self.detail.get("variant", "-"))

    def gold(self) -> dict[str, Any]:
        """The gold file of this copy: one item whose quote is the mutated text."""
        item = {"id": f"{self.kind}/{self.subkind}", "kind": self.kind, "subkind": self.subkind, "tier": "A",
                "quotes": [self.quote], "why": self.why}
        return {"items": [item]}


# --- from parses to facts -----------------------------------------------------------------------
def _tokens(doc: Any) -> tuple[tuple[Token, ...], tuple[Sentence, ...]]:
    text = doc.text
    sent_of = {}
    sentences = []
    for n, sent in enumerate(doc.sents):
        sentences.append(Sentence(sent.start_char, sent.end_char, sent.start, sent.end - 1, sent.root.i))
        for t in sent:
            sent_of[t.i] = n
    tokens = []
    for t in doc:
        paragraph_start = text.rfind("\n", 0, t.idx) + 1
        quoted = text.count('"', paragraph_start, t.idx) % 2 == 1
        tokens.append(Token(t.i, t.idx, t.idx + len(t.text), t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i,
                            sent_of.get(t.i, 0), quoted))
    return tuple(tokens), tuple(sentences)


def extract_facts(source: str, article: Article, title_doc: Any, body_doc: Any) -> ArticleFacts:
    """Entity mentions, tokens, sentences and past-tense sentence ends of one parsed article."""
    mentions = tuple(
        Mention(name, ent.start_char, ent.end_char, ent.text, ent.label_)
        for name, doc in (("title", title_doc), ("body", body_doc)) for ent in doc.ents
    )
    ends = []
    for sent in body_doc.sents:
        last = sent[-1]
        if last.text == "." and sent.root.tag_ == "VBD" and '"' not in sent.text and len(sent) > 6:
            ends.append(last.idx)
    title_tokens, _ = _tokens(title_doc)
    body_tokens, sentences = _tokens(body_doc)
    return ArticleFacts(source, article, mentions, tuple(ends), title_tokens, body_tokens, sentences)


@dataclass
class Pools:
    """Replacement names seen across the corpus, by entity label."""

    by_label: dict[str, list[str]] = field(default_factory=dict)
    common_words: frozenset[str] = frozenset()

    @classmethod
    def build(cls, facts: Iterable[ArticleFacts], min_articles: int = 3) -> Pools:
        """Names that spaCy labels consistently, seen in at least `min_articles` articles.

        PERSON: full names; ORG: organisations; GPE: countries and big cities only, so a
        swapped-in place is a real one. Names that are also common words ("House",
        "Budget": seen in lower case in the corpus) are left out.
        """
        from .places import DEMONYMS, city_table

        counts: Counter[tuple[str, str]] = Counter()
        common: set[str] = set()
        for f in facts:
            common.update(re.findall(r"\b[a-z]+\b", f.article.body))
            for label, text in {(m.label, norm(m.text)) for m in f.mentions}:
                if text[:1].isupper() and text.replace(" ", "").replace("-", "").isalpha():
                    counts[(label, text)] += 1
        total: Counter[str] = Counter()
        for (label, text), n in counts.items():
            total[text] += n
        table, _ = city_table()
        places = set(table) | set(DEMONYMS)
        pools: dict[str, list[str]] = {}
        for (label, text), n in sorted(counts.items()):
            if n < min_articles or n < 0.8 * total[text] or text.lower() in common:
                continue
            words = text.split()
            person = label == "PERSON" and len(words) >= 2 and words[0].lower().rstrip(".") not in HONORIFICS
            if person or label == "ORG" or (label == "GPE" and text in places):
                pools.setdefault(label, []).append(text)
        return cls(pools, frozenset(common))


def norm(text: str) -> str:
    """An entity's text without a leading "the" and a trailing possessive."""
    text = re.sub(r"^(the|The) ", "", text)
    return re.sub(r"['’]s?$", "", text).strip()


def is_full_name(text: str) -> bool:
    """Two or three capitalised words, the first not an honorific: "Gordon Brown"."""
    parts = norm(text).split()
    return (2 <= len(parts) <= 3 and all(p[:1].isupper() and p.replace("-", "").isalpha() for p in parts)
            and parts[0].lower().rstrip(".") not in HONORIFICS and len(parts[0]) > 2)


# --- editing helpers ------------------------------------------------------------------------------
def replace(article: Article, name: str, start: int, end: int, new: str) -> Article:
    """A copy of the article with `field[start:end]` replaced by `new` (and a fresh id)."""
    text = article.field(name)
    return Article.model_validate({**article.model_dump(), name: text[:start] + new + text[end:], "id": ""})


def unique_quote(article: Article, name: str, start: int, end: int, max_len: int = 80) -> str | None:
    """The text at `start:end`, widened word by word until its first occurrence is this one.

    Scoring locates a quote at its first occurrence (title, then body), so the quote must
    lead there; None when no short enough widening does.
    """
    text = article.field(name)
    max_len = max(max_len, end - start)
    while end - start <= max_len:
        quote = text[start:end]
        if locate(article.model_dump(), quote) == (name, start, end):
            return quote
        grown_end = word_end(text, end)
        if grown_end > end:
            end = grown_end
        elif start > 0:
            start = word_start(text, start)
        else:
            return None
    return None


def word_end(text: str, at: int) -> int:
    """The end of the word after `at` (spaces skipped)."""
    match = re.compile(r"\s*\S+").match(text, at)
    return match.end() if match else at


def word_start(text: str, at: int) -> int:
    """The start of the word before `at` (spaces skipped)."""
    head = text[:at].rstrip()
    return len(head) - len(re.split(r"\s", head)[-1]) if head else 0


def appears(article: Article, words: str) -> bool:
    """True when the words occur (as whole words, any case) in the title or body."""
    pattern = re.compile(rf"\b{re.escape(words)}\b", re.IGNORECASE)
    return bool(pattern.search(article.title) or pattern.search(article.body))


def figure_occurs(article: Article, figure: str) -> bool:
    """True when a figure ("$4", "80%", "11") occurs as a whole figure in the title or body."""
    pattern = re.compile(rf"(?<![\w.,]){re.escape(figure)}(?![\w%]|[.,]\d)")
    return bool(pattern.search(article.title) or pattern.search(article.body))


def paragraph_end(text: str, at: int) -> int:
    """The offset where the paragraph holding `at` ends (before its newline, or the end of text)."""
    newline = text.find("\n", at)
    end = len(text) if newline < 0 else newline
    return len(text[:end].rstrip())


def later_paragraph_end(text: str, at: int, rng: random.Random) -> int:
    """The end of a paragraph after the one holding `at` (the same one when it is the last)."""
    ends = []
    pos = paragraph_end(text, at)
    while True:
        ends.append(pos)
        nxt = text.find("\n", pos)
        if nxt < 0:
            break
        following = re.compile(r"\s*\S").match(text, nxt)
        if not following:
            break
        pos = paragraph_end(text, following.end() - 1)
        if pos <= ends[-1]:
            break
    later = ends[1:] or ends
    return rng.choice(later)


def make_mutant(kind: str, subkind: str, facts: ArticleFacts, article: Article, name: str, start: int, end: int,
                why: str, detail: dict[str, Any], max_len: int = 80) -> Mutant | None:
    """The mutant whose quote is `article.field(name)[start:end]`, widened to be unique; None if it cannot be."""
    quote = unique_quote(article, name, start, end, max_len)
    if quote is None or not quote.strip():
        return None
    return Mutant(kind, subkind, f"{facts.source}#{kind}/{subkind}", article, quote, why, detail)


def shuffled(items: Sequence[Any], rng: random.Random) -> list[Any]:
    """A shuffled copy (the strategies and candidates of a mutation are tried in a seeded order)."""
    out = list(items)
    rng.shuffle(out)
    return out
