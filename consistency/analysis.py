"""`ArticleAnalysis`: one article parsed once and shared by every rule (the rule's `ctx`).

It holds the spaCy docs of the title and body, sentences and entities, and offers
the shared knowledge the rule families build on (gazetteer, people, dates,
quantities, knowledge packs) as cached properties computed on first use. Rules read
it and never run spaCy again.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .isolation import ReadOnlyList, read_only_article
from .models import Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

FIELDS = ("title", "body")
_POSSESSIVE = ("'s", "’s", "'", "’")


@dataclass(frozen=True)
class Entity:
    """A named entity in the title or body, with offsets into that field."""

    field: str
    label: str
    text: str
    start: int
    end: int
    span: SpacySpan

    @property
    def norm(self) -> str:
        """The text without a leading "the" and a trailing possessive: "Lukashenko's" -> "Lukashenko"."""
        text = self.text
        if text.lower().startswith("the "):
            text = text[4:]
        for suffix in _POSSESSIVE:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                text = text[: -len(suffix)]
                break
        return text.strip()

    @property
    def sent(self) -> SpacySpan:
        """The sentence the entity stands in."""
        return self.span.sent

    def to_span(self) -> Span:
        """The entity as a report `Span`."""
        return Span(field=self.field, start=self.start, end=self.end, text=self.text)  # type: ignore[arg-type]


class ArticleAnalysis:
    """The shared, parsed view of one article; rules receive it as `ctx`."""

    def __init__(self, article: Article, title_doc: Doc, body_doc: Doc, resources: Mapping[str, Any] | None = None) -> None:
        #: What rules read: a read-only copy, so no rule can change the article for another.
        self.article: Article = read_only_article(article)
        #: The article as given, for the report.
        self.original_article = article
        self.title_doc = title_doc
        self.body_doc = body_doc
        self.resources: Mapping[str, Any] = MappingProxyType(dict(resources or {}))
        self._sealed = True

    def __setattr__(self, name: str, value: Any) -> None:
        # Rules share this object: once built, only cached properties fill in (they
        # write to __dict__ directly), nothing is replaced.
        if getattr(self, "_sealed", False):
            raise AttributeError(f"the shared analysis is read-only to rules (cannot set {name!r})")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"the shared analysis is read-only to rules (cannot delete {name!r})")

    # --- the parsed text -------------------------------------------------------------
    def doc(self, field: str) -> Doc:
        """The spaCy doc of `title` or `body`."""
        return self.title_doc if field == "title" else self.body_doc

    def tokens(self, field: str) -> tuple[Token, ...]:
        """The tokens of `title` or `body` as one tuple, made once per article.

        Iterating a spaCy doc makes a new `Token` object for every word each time; the ledger's
        extractors each walk every token, so sharing one list saves most of that.
        """
        cache = self.__dict__.setdefault("_token_lists", {})
        tokens = cache.get(field)
        if tokens is None:
            tokens = cache[field] = tuple(self.doc(field))
        return tokens

    @property
    def docs(self) -> tuple[tuple[str, Doc], ...]:
        """(field, doc) pairs, title first."""
        return (("title", self.title_doc), ("body", self.body_doc))

    def field_of(self, obj: Doc | SpacySpan | Token) -> str:
        """Which field a spaCy doc, span or token belongs to."""
        doc = getattr(obj, "doc", obj)
        return "title" if doc is self.title_doc else "body"

    def span(self, obj: SpacySpan | Token | Entity) -> Span:
        """A report `Span` for a spaCy span or token, or an `Entity`."""
        if isinstance(obj, Entity):
            return obj.to_span()
        start = obj.idx if hasattr(obj, "idx") else obj.start_char
        end = start + len(obj.text)
        return Span(field=self.field_of(obj), start=start, end=end, text=obj.text)  # type: ignore[arg-type]

    def span_at(self, field: str, start: int, end: int) -> Span:
        """A report `Span` for character offsets into a field."""
        text = self.article.field(field)[start:end]
        return Span(field=field, start=start, end=end, text=text)  # type: ignore[arg-type]

    def char_span(self, field: str, start: int, end: int) -> SpacySpan | None:
        """The spaCy span covering these character offsets (expanded to whole tokens)."""
        return self.doc(field).char_span(start, end, alignment_mode="expand")

    @cached_property
    def sentences(self) -> list[SpacySpan]:
        """All sentences, the title's first; each knows its doc (see `field_of`)."""
        return ReadOnlyList(sent for _, doc in self.docs for sent in _sents(doc))

    @cached_property
    def entities(self) -> list[Entity]:
        """Named entities of title and body, in text order."""
        found = []
        for field, doc in self.docs:
            for ent in doc.ents:
                found.append(Entity(field, ent.label_, ent.text, ent.start_char, ent.end_char, ent))
        return ReadOnlyList(found)

    def entities_of(self, *labels: str, field: str | None = None) -> list[Entity]:
        """Entities with one of these labels (all when none given), optionally in one field."""
        return [e for e in self.entities if (not labels or e.label in labels) and (field is None or e.field == field)]

    def iter_tokens(self) -> Iterator[tuple[str, Token]]:
        """(field, token) for every token, title first."""
        for field, doc in self.docs:
            for token in doc:
                yield field, token

    # --- shared knowledge, built on first use by the module that owns it --------------
    @cached_property
    def gazetteer(self) -> Any:
        """The process-wide gazetteer of countries, regions, cities and demonyms."""
        from .understanding.gazetteer import get_gazetteer

        return get_gazetteer()

    @cached_property
    def places(self) -> Any:
        """Place mentions of this article resolved against the gazetteer."""
        from .understanding.gazetteer import resolve_places

        return ReadOnlyList(resolve_places(self))

    @cached_property
    def person_names(self) -> Any:
        """Person clusters: the mentions that refer to one person (what the ledger reads names from)."""
        from .understanding.people import build_people

        return build_people(self)

    @cached_property
    def people(self) -> Any:
        """Person clusters with their offices and relations, as the claims ledger reads them."""
        from .understanding.offices import attach_claims

        return attach_claims(self, self.person_names, self.claims)

    @cached_property
    def reference_date(self) -> Any:
        """The article's reference date (published, dateline, copyright line), or None."""
        from .understanding.timeline import find_reference_date

        return find_reference_date(self)

    @cached_property
    def temporal(self) -> Any:
        """Temporal expressions normalised against the reference date."""
        from .understanding.timeline import find_temporal_expressions

        return ReadOnlyList(find_temporal_expressions(self))

    @cached_property
    def quantities(self) -> Any:
        """Quantities with value, unit, what is counted, and qualifiers."""
        from .understanding.quantities import find_quantities

        return ReadOnlyList(find_quantities(self))

    @cached_property
    def claims(self) -> Any:
        """The claims ledger: subjects and what the article says about them (docs/claims.md)."""
        from .understanding.ledger import build_ledger

        return build_ledger(self)

    @property
    def knowledge(self) -> Any:
        """The knowledge packs loaded by the checker (None when none are loaded)."""
        return self.resources.get("knowledge")


def _sents(doc: Doc) -> Iterator[SpacySpan]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        yield from doc.sents
    elif len(doc):
        yield doc[:]
