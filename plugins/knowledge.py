"""Rule family `knowledge` (KB01): the article contradicts a loaded knowledge pack.

Codes: KB01 `knowledge.fact-contradiction`.
Data: the knowledge packs given with `--knowledge`, `[tool.consistency] knowledge`,
a plugin's `consistency_knowledge_packs` hook, or this rule's `pack` option (see
docs/knowledge.md). With no pack loaded the rule does nothing.

Pack entries are matched generically: a person by surname next to one of their office
titles, an event by an actor, an action (by lemma) and an object in one sentence, a
false status by its terms next to the place's name, a relative by the family relations
the shared `ctx.people` reads ("X, Y's son"). Nothing is keyed to any article.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from consistency import Options, Rule, Severity, hookimpl
from consistency.knowledge import (
    FalseStatus,
    KnowledgeBase,
    OfficeHolding,
    Place,
    given_names_of,
    load_knowledge,
    surname_of,
)

from ._countries import place_mentions

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from consistency import ArticleAnalysis, Finding

EXAMPLE_PACKS = Path(__file__).resolve().parents[1] / "docs" / "examples" / "knowledge"

# Words that may stand in a name chain before a person's name without being a given name.
_TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "minister", "prime",
    "foreign", "chancellor", "secretary", "general", "former", "ex", "deputy", "vice", "premier", "leader",
    "chairman", "chief", "head", "senator", "sen", "rep", "governor", "mayor", "king", "queen", "prince",
    "princess", "defence", "defense", "interior", "finance", "home", "state", "then", "acting", "new",
}
_NEGATIONS = {"not", "never", "n't", "no", "nor", "unlike", "neither"}
_NEGATION_PHRASES = ("rather than", "instead of", "as opposed to", "far from", "contrary to")
_CONTRAST_NOUNS = {"unlike", "than"}
_YEAR = re.compile(r"^(1[6-9]\d\d|20\d\d)$")
_YEAR_IN_TEXT = re.compile(r"\b(?:1[6-9]\d\d|20\d\d)\b")
_CAPITALISED = re.compile(r"(?<![\w-])[A-Z](?:[\w-]|['’](?=[A-Z]))*\w")  # "O'Brien", not "Lavrov's"
_WORDS = re.compile(r"\w+")


class FactContradiction(Rule):
    """The article contradicts a fact of a loaded knowledge pack.

    What it flags:
        Against the loaded knowledge packs: a known office holder given the wrong first name
        next to their office ("Foreign Minister Vladimir Lavrov" when the pack says Russia's
        foreign minister is Sergei Lavrov); a known event given the wrong year (an actor, an
        action and an object of the event in one sentence, with a year attached to the action
        that the event does not cover); a place given a status the pack lists as false for it
        ("Belarus, one of the Soviet satellite states"); a relative the pack does not list ("X,
        Lukashenko's son" when the pack lists his sons and X is none of them; only info when X has
        the family's surname, as the pack may be incomplete). With no pack loaded it does nothing.

    Why it matters:
        These errors read fluently and survive every self-consistency check; only a fact the
        newsroom already trusts can catch them. Packs keep that knowledge explicit, dated and
        reviewable instead of hidden in code.

        A warning, not an error: the conflict is with a pack's facts, which can be out of
        date, not within the text.

    Example:
        Lavrov meets Belarusian counterpart
        Foreign Minister Vladimir Lavrov met his Belarusian counterpart in Minsk on Tuesday.

    Not flagged:
        Lavrov meets Belarusian counterpart
        Foreign Minister Sergei Lavrov met his Belarusian counterpart in Minsk on Tuesday.

    Options:
        pack: path of a pack file or folder used by this rule in addition to those loaded by the
            checker (default none). The Example and Not flagged texts above are checked with the
            example packs of docs/examples/knowledge/.
        people: check first names of office holders (default true).
        events: check years of dated events (default true).
        statuses: check statuses a place never had (default true).
        relatives: check "X, Y's son" against the relatives the pack lists for Y (default true).

    Sources:
        The knowledge packs a newsroom loads; docs/examples/knowledge/ holds an example pack
        (true as of 1 August 2018) covering Russian, Belarusian and Ukrainian office holders,
        Soviet-era statuses and a few dated events.
    """

    code = "KB01"
    name = "knowledge.fact-contradiction"
    default_severity = Severity.warning
    requires = ("sentences", "entities", "knowledge")
    # Options the documentation tests use to run Example / Not flagged with a pack.
    doc_example_options: ClassVar[dict[str, Any]] = {"pack": str(EXAMPLE_PACKS)}

    class Options(Options):
        pack: str | None = None
        people: bool = True
        events: bool = True
        statuses: bool = True
        relatives: bool = True

    options: Options  # the validated options, typed for mypy

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        kb = self._knowledge(ctx)
        if kb is None:
            return
        reference = _reference_day(ctx)
        if self.options.people:
            yield from self._check_people(ctx, kb, reference)
        if self.options.events:
            yield from self._check_events(ctx, kb)
        if self.options.statuses:
            yield from self._check_statuses(ctx, kb)
        if self.options.relatives:
            yield from self._check_relatives(ctx, kb)

    def _knowledge(self, ctx: ArticleAnalysis) -> KnowledgeBase | None:
        loaded: KnowledgeBase | None = ctx.knowledge
        if self.options.pack is None:
            return loaded
        files = [*(loaded.files if loaded is not None else []), self.options.pack]
        return load_knowledge(files)

    # --- people: wrong given name next to a known office ------------------------------
    def _check_people(self, ctx: ArticleAnalysis, kb: KnowledgeBase, reference: dt.date | None) -> Iterator[Finding]:
        seen: set[tuple[str, int]] = set()
        for field, doc in ctx.docs:
            # a regex over the text finds candidate surnames without building every spaCy token
            for match in _CAPITALISED.finditer(ctx.article.field(field)):
                holdings = kb.holdings(match.group())
                if not holdings:
                    continue
                found = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if found is None or found[-1].text != match.group():
                    continue
                token = found[-1]
                given, title_tokens = _name_chain(token)
                if not given:
                    continue
                given_text = " ".join(t.text for t in given)
                before = _text_before(token, given, title_tokens)
                after = _appositive_after(token)
                candidates = [h for h in holdings if _office_named(h, before, after)]
                if not candidates:
                    continue
                if any(_same_given_names(given_text, name) for h in candidates for name in h.person.names):
                    continue
                if _other_country_named(ctx, h_countries={h.office.country for h in candidates}, text=before):
                    continue
                current = [h for h in candidates if reference is None or h.office.holds_on(reference)]
                former = " former " in f" {before.lower()} " or "ex-" in before.lower()
                chosen = (current or candidates)[0]
                key = (field, token.idx)
                if key in seen:
                    continue
                seen.add(key)
                span_start = given[0].idx
                name_span = ctx.span_at(field, span_start, token.idx + len(token.text))
                yield self.finding(
                    _person_message(chosen, given_text, token.text),
                    [name_span],
                    confidence=0.9 if current or former else 0.6,
                    severity=None if current or former else Severity.info,
                    suggestion=chosen.person.name,
                    data={"kind": "person", "person": chosen.person.name, "office": chosen.office.title,
                          "country": chosen.office.country, "term": chosen.office.term(),
                          "pack": chosen.pack.name, "as_of": str(chosen.pack.as_of)},
                )

    # --- events: a year the event does not cover ----------------------------------------
    def _check_events(self, ctx: ArticleAnalysis, kb: KnowledgeBase) -> Iterator[Finding]:
        if not kb.events_for(_words_of(ctx.article.title + "\n" + ctx.article.body)):
            return
        for sent in ctx.sentences:
            text = sent.text
            if not _YEAR_IN_TEXT.search(text):
                continue
            candidates = kb.events_for(_words_of(text))
            if not candidates:
                continue
            lower = text.lower()
            years = [t for t in sent if _YEAR.match(t.text)]
            for event, pack in candidates:
                if not _any_phrase(event.actors, sent.text, case_sensitive=True):
                    continue
                if event.objects and not _any_phrase(event.objects, sent.text, case_sensitive=False):
                    continue
                for anchor in _action_tokens(sent, event.actions, lower):
                    if _negated(anchor):
                        continue
                    attached = [y for y in years if _attached_to(y, anchor)]
                    wrong = [y for y in attached if int(y.text) not in event.years()]
                    if not wrong or len(wrong) < len(attached):
                        continue
                    year = wrong[0]
                    yield self.finding(
                        f"{event.description} in {event.when()}, not in {year.text}.",
                        [ctx.span(year)],
                        [ctx.span(anchor)],
                        confidence=0.8,
                        suggestion=str(event.date.year),
                        data={"kind": "event", "event": event.id or event.description, "date": str(event.date),
                              "year_in_text": int(year.text), "pack": pack.name, "as_of": str(pack.as_of)},
                    )
                    break

    # --- statuses a place never had ------------------------------------------------------
    # --- relatives: "X, Y's son" where the pack lists Y's sons -------------------------------
    def _check_relatives(self, ctx: ArticleAnalysis, kb: KnowledgeBase) -> Iterator[Finding]:
        words = _words_of(ctx.article.title + "\n" + ctx.article.body)
        if not any(person.relatives and surname_of(person.name) in words for person in kb.people):
            return  # no one whose relatives the pack knows is named: skip building people
        try:
            relations = list(ctx.people.relations)
        except ImportError:
            return
        for relation in relations:
            relative = relation.relative
            if not relative.surname:
                continue
            known = [p for p, _ in kb.people_by_surname.get(relative.surname.lower(), [])
                     if any(_same_given_names(" ".join(relative.given), name) for name in p.names)]
            if len(known) != 1:
                continue
            person = known[0]
            listed = [r for r in person.relatives if r.relation.lower() == relation.kind.lower()]
            if not listed:
                continue  # the pack says nothing about this kind of relative
            subject = relation.subject
            written = subject.text
            if any(_names_agree(subject, r.name) for r in listed):
                continue
            same_surname = bool(subject.surname) and any(
                r.name.split()[-1].lower() == (subject.surname or "").lower() for r in listed)
            names = _join([r.name for r in listed])
            yield self.finding(
                f"{person.name}'s known {_plural(relation.kind, len(listed))} {'is' if len(listed) == 1 else 'are'} "
                f"{names}, not {written}.",
                [subject.to_span()],
                [relative.to_span()],
                # a namesake with the family's surname may just be missing from the pack
                confidence=0.5 if same_surname else 0.8,
                severity=Severity.info if same_surname else None,
                data={"kind": "relative", "person": person.name, "relation": relation.kind,
                      "known": [r.name for r in listed]},
            )

    def _check_statuses(self, ctx: ArticleAnalysis, kb: KnowledgeBase) -> Iterator[Finding]:
        if not any(p.false_statuses for p, _ in kb.places_for(_words_of(ctx.article.title + "\n" + ctx.article.body))):
            return
        for sent in ctx.sentences:
            for place, pack in kb.places_for(_words_of(sent.text)):
                if not place.false_statuses:
                    continue
                mentions = _find_phrases(place.names, sent.text, case_sensitive=True)
                if not mentions:
                    continue
                for false in place.false_statuses:
                    for start, end in _find_phrases(false.terms, sent.text, case_sensitive=False, plural=True):
                        mention = _closest(mentions, start, end)
                        if mention is None or not _status_applies(ctx, sent, mention, (start, end)):
                            continue
                        field = ctx.field_of(sent)
                        offset = sent.start_char
                        yield self.finding(
                            _status_message(place, false),
                            [ctx.span_at(field, offset + start, offset + end)],
                            [ctx.span_at(field, offset + mention[0], offset + mention[1])],
                            confidence=0.8,
                            data={"kind": "status", "place": place.name, "terms": false.terms,
                                  "correction": false.correction, "pack": pack.name, "as_of": str(pack.as_of)},
                        )
                        break


# --- helpers: people ------------------------------------------------------------------------
def _name_chain(surname: Token) -> tuple[list[Token], list[Token]]:
    """Given-name tokens and title tokens written directly before a surname."""
    chain: list[Token] = []
    i = surname.i - 1
    doc = surname.doc
    while i >= 0 and i >= surname.i - 6:
        tok = doc[i]
        if tok.is_space or not (tok.text[:1].isupper() or tok.text == "."):
            break
        if tok.text == "." and not (i > 0 and len(doc[i - 1].text) == 1):
            break
        chain.insert(0, tok)
        i -= 1
    given: list[Token] = []
    for tok in reversed(chain):
        if tok.text.lower().rstrip(".") in _TITLE_WORDS or tok.ent_type_ in ("GPE", "NORP"):
            break
        given.insert(0, tok)
    titles = chain[: len(chain) - len(given)]
    given = [t for t in given if t.text != "."]
    return given, titles


def _text_before(surname: Token, given: Sequence[Token], titles: Sequence[Token]) -> str:
    """The sentence text from up to eight tokens before the name to its first given name."""
    first = given[0] if given else surname
    sent_start = surname.sent.start
    start = max(sent_start, first.i - 8)
    return surname.doc[start:first.i].text if first.i > start else ""


def _appositive_after(surname: Token) -> str:
    """", Russia's foreign minister," after a name: the words up to the next comma or sentence end."""
    doc = surname.doc
    i = surname.i + 1
    if i >= len(doc) or doc[i].text != ",":
        return ""
    end = i + 1
    while end < len(doc) and end < i + 10 and doc[end].text not in (",", ";", ".", "—", "(") and not doc[end].is_sent_start:
        end += 1
    return doc[i + 1:end].text


def _office_named(holding: OfficeHolding, before: str, after: str) -> bool:
    """Whether the office is written as a title right before the name or as an appositive after it."""
    for title in holding.office.titles:
        words = r"\s+".join(re.escape(w) for w in title.split())
        if re.search(rf"\b{words}\s*$", before, re.IGNORECASE):
            return True
        # the appositive's head must be the office itself, not "the president's son"
        if re.search(rf"\b{words}\b(?!\s*(?:'s|’s|'|’))(?!\s+[a-z]+\s*$)", after, re.IGNORECASE) and \
                re.search(rf"\b{words}\s*(?:of\s+[\w\s]+)?$", after, re.IGNORECASE):
            return True
    return False


def _same_given_names(written: str, known_name: str) -> bool:
    """Whether the written given names fit a known full name (initials and spelling variants allowed)."""
    known = [w.lower().rstrip(".") for w in given_names_of(known_name)]
    if not known:
        return True
    for word in written.replace(".", ". ").split():
        w = word.lower().rstrip(".")
        if not w:
            continue
        if len(w) == 1:
            if not any(k.startswith(w) for k in known):
                return False
        elif not any(_variant(w, k) for k in known):
            return False
    return True


def _variant(a: str, b: str) -> bool:
    """Transliteration variants: Sergei/Sergey, Dmitry/Dmitri, Alexander/Aleksandr."""
    if a == b:
        return True
    if a[:3] != b[:3]:
        return False
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b) <= max(1, min(len(a), len(b)) // 4)


def _other_country_named(ctx: ArticleAnalysis, h_countries: set[str | None], text: str) -> bool:
    """Whether the words right before the title name a country other than the office's own."""
    words = re.findall(r"[A-Z][\w-]+(?:'s|’s)?", text)[-3:]
    if not words:
        return False
    known = {_country_code(ctx, c) or c.lower() for c in h_countries if c}
    candidates = [*words, *(f"{a} {b}" for a, b in itertools.pairwise(words))]
    for word in candidates:
        code = _country_code(ctx, word.removesuffix("'s").removesuffix("’s"))
        if code and code not in known:
            return True
    return False


def _country_code(ctx: ArticleAnalysis, word: str) -> str | None:
    """The ISO code of the country a name or demonym refers to, via the shared gazetteer."""
    try:
        gazetteer = ctx.gazetteer
    except ImportError:
        return None
    found = gazetteer.country(word) or gazetteer.country_of_demonym(word)
    return getattr(found, "code", None) if found is not None else None


def _person_message(holding: OfficeHolding, given: str, surname: str) -> str:
    office = holding.office
    whose = f"{office.country}'s {office.title}" if office.country else office.title
    term = office.term()
    when = f" ({term})" if term else ""
    return f"{whose}{when} is {holding.person.name}, not {given} {surname}."


# --- helpers: events ------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str, case_sensitive: bool, plural: bool) -> re.Pattern[str]:
    words = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", phrase))
    tail = r"(?:s|es)?" if plural else ""
    return re.compile(rf"(?<![\w-]){words}{tail}(?![\w-])", 0 if case_sensitive else re.IGNORECASE)


def _find_phrases(phrases: Sequence[str], text: str, *, case_sensitive: bool, plural: bool = False) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for phrase in phrases:
        found += [m.span() for m in _phrase_pattern(phrase, case_sensitive, plural).finditer(text)]
    # overlapping matches ("Soviet satellite", "satellite states") merge into one stretch
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _any_phrase(phrases: Sequence[str], text: str, *, case_sensitive: bool) -> bool:
    return any(_phrase_pattern(p, case_sensitive, False).search(text) for p in phrases)


def _action_tokens(sent: SpacySpan, actions: Sequence[str], lower: str) -> list[Token]:
    """Tokens where one of the event's actions is written (single words by lemma, phrases by text or lemma)."""
    single = {a.lower() for a in actions if " " not in a}
    anchors = [t for t in sent if t.lemma_.lower() in single or t.lower_ in single]
    lemmas = " ".join(t.lemma_.lower() for t in sent)
    for phrase in (a.lower() for a in actions if " " in a):
        first = phrase.split()[0]
        if phrase in lower or phrase in lemmas:
            anchors += [t for t in sent if t.lower_ == first or t.lemma_.lower() == first]
    return sorted(set(anchors), key=lambda t: t.i)


def _negated(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children)


def _attached_to(year: Token, anchor: Token) -> bool:
    """Whether the year belongs to the anchor's clause: its nearest verb (or the anchor) above it."""
    node = year
    for _ in range(12):
        if node.i == anchor.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i == anchor.i:
            return True
        if node.pos_ in ("VERB", "AUX") and anchor.pos_ in ("VERB", "AUX"):
            return False
    return False


def _words_of(text: str) -> set[str]:
    """The words of a text as written, hyphenated pieces apart: keys for the pack's word indexes."""
    return set(_WORDS.findall(text))


def _names_agree(mention: Any, known: str) -> bool:
    """Whether a written name can be the known relative's name (surname and given names agree)."""
    known_words = [w.lower() for w in known.split()]
    if not mention.given:  # one word: "Viktor, Lukashenko's son" or "Mr Lukashenko"
        return (mention.surname or mention.text).lower() in known_words
    if mention.surname and mention.surname.lower() != known_words[-1]:
        return False
    return not mention.given or _same_given_names(" ".join(mention.given), known)


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _plural(kind: str, count: int) -> str:
    return kind if count == 1 else {"child": "children"}.get(kind, kind + "s")


# --- helpers: statuses ----------------------------------------------------------------------
def _closest(mentions: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    near = [m for m in mentions if abs(m[0] - start) < 120]
    return min(near, key=lambda m: abs(m[0] - start)) if near else None


def _status_applies(ctx: ArticleAnalysis, sent: SpacySpan, mention: tuple[int, int], term: tuple[int, int]) -> bool:
    """The place and the status term are close, with no negation between and no other place nearer the term."""
    between = sent.text[min(mention[1], term[1]):max(mention[0], term[0])].lower()
    lead = sent.text[max(0, term[0] - 25):term[0]].lower()
    tokens = re.findall(r"[\w']+|n't", between + " " + lead)
    if any(t in _NEGATIONS for t in tokens) or any(p in between or p in lead for p in _NEGATION_PHRASES):
        return False
    if len(re.findall(r"\S+", between)) > 10:
        return False
    # the status belongs to the place nearest to it ("Belarus, a Soviet republic, borders Poland")
    base = sent.start_char
    others = [(e.start_char - base, e.end_char - base) for e in sent.ents if e.label_ in ("GPE", "LOC")]
    others += [(p.start - base, p.end - base) for p in place_mentions(ctx, sent.doc)
               if base <= p.start < sent.end_char]
    mention_distance = term[0] - mention[1] if mention[1] <= term[0] else mention[0] - term[1]
    for s, e in others:
        if (s < mention[1] and mention[0] < e) or (s < term[1] and term[0] < e):
            continue
        distance = term[0] - e if e <= term[0] else s - term[1]
        if 0 <= distance <= mention_distance:
            return False
    return True


def _status_message(place: Place, false: FalseStatus) -> str:
    return f"{place.name} was {false.correction}."


def _reference_day(ctx: ArticleAnalysis) -> dt.date | None:
    """The article's date: publication metadata, else the shared timeline's reference date."""
    published = ctx.article.published
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        ref = ctx.reference_date
    except ImportError:
        return None
    value = getattr(ref, "date", ref)
    if callable(value):
        value = value()
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return [FactContradiction]
