"""Rule family `attribution` (AT01-AT03): who said it, who they are, who published it.

Codes: AT01 `attribution.quote-speaker-conflict`, AT02 `attribution.speaker-affiliation-conflict`,
AT03 `attribution.publisher-mismatch`.
Data: none beyond the article; speakers are found with the parse (the subject of a
speech verb next to a quotation), people are grouped by the shared `ctx.people`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from consistency import Options, Rule, Severity, hookimpl

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from consistency import ArticleAnalysis, Finding

SPEECH_VERBS = frozenset(["say", "tell", "add", "state", "claim", "insist", "explain", "warn", "argue", "write", "declare", "note", "comment", "announce", "reply", "answer", "ask", "recall", "suggest", "admit", "acknowledge", "concede", "confirm", "deny", "stress", "told", "said"])
_QUOTE = re.compile(r"“([^”“]{3,2000})”|\"([^\"]{3,2000})\"")
_WORD = re.compile(r"[\w’']+")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this"})


@dataclass(frozen=True)
class Quotation:
    """A quotation in the body with the speaker the text attributes it to (if found)."""

    start: int  # offsets of the quoted words, without the marks
    end: int
    text: str
    words: tuple[str, ...]
    speaker: str | None  # the speaker as written: "John Smith", "a spokesman"
    speaker_start: int | None
    speaker_end: int | None
    surname: str | None  # the speaker's surname when the speaker is named


def find_quotations(ctx: ArticleAnalysis, min_words: int = 3, repeated_only: bool = False) -> list[Quotation]:
    """Body quotations of `min_words` words or more, each with its attributed speaker when the parse
    shows one. With `repeated_only`, only quotations that share their words with another are kept
    (speakers are then looked up for those alone)."""
    body = ctx.article.body
    raw = []
    for match in _QUOTE.finditer(body):
        group = 1 if match.group(1) is not None else 2
        words = tuple(w.lower().replace("’", "'") for w in _WORD.findall(match.group(group)))
        if len(words) >= min_words:
            raw.append((match, group, words))
    if repeated_only:
        repeated = _repeated([r[2] for r in raw], min_words)
        raw = [r for r, keep in zip(raw, repeated) if keep]
    found = []
    for match, group, words in raw:
        start, end = match.start(group), match.end(group)
        speaker = _speaker_of(ctx, ctx.body_doc, match.start(), match.end())
        if speaker is None:
            found.append(Quotation(start, end, body[start:end], words, None, None, None, None))
            continue
        s_start, s_end, s_text = speaker
        surname = s_text.split()[-1] if _looks_like_name(s_text) else None
        found.append(Quotation(start, end, body[start:end], words, s_text, s_start, s_end, surname))
    return found


def _speaker_of(ctx: ArticleAnalysis, doc: Any, q_start: int, q_end: int) -> tuple[int, int, str] | None:
    """The subject of a speech verb outside the quotation, in the sentences it touches."""
    first = doc.char_span(q_start, q_end, alignment_mode="expand")
    if first is None:
        return None
    sents = []
    for token in (first[0], first[-1]):
        if token.sent not in sents:
            sents.append(token.sent)
    # the closing sentence first: '"...," said X' is the commonest form
    for sent in reversed(sents):
        for token in sent:
            if q_start <= token.idx < q_end:
                continue
            if token.lemma_.lower() == "accord" or token.lower_ == "according":
                pobj = [g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
                if pobj:
                    return _phrase(pobj[0], q_start, q_end, ctx.article.body)
            if token.lemma_.lower() in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
                subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")
                            and not (q_start <= c.idx < q_end)]
                if subjects and subjects[0].lower_ not in _PRONOUNS:
                    return _phrase(subjects[0], q_start, q_end, ctx.article.body)
    return None


def _phrase(head: Token, q_start: int, q_end: int, text: str) -> tuple[int, int, str] | None:
    """The speaker's name or noun phrase: compounds and determiners of the head, not appositions."""
    tokens = [head] + [t for t in head.lefts if t.dep_ in ("compound", "det", "amod", "poss") and t.i >= head.i - 4]
    if head.ent_type_ == "PERSON":
        tokens = [t for t in head.doc[max(0, head.i - 4):head.i + 1] if t.ent_type_ == "PERSON" and
                  all(x.ent_type_ == "PERSON" for x in head.doc[t.i:head.i + 1])] or [head]
    start = min(t.idx for t in tokens)
    end = head.idx + len(head.text)
    if q_start <= start < q_end:
        return None
    return start, end, text[start:end]


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and words[0].lower() not in ("the", "a", "an")


def quotation_groups(quotes: Sequence[tuple[str, ...]], min_words: int) -> tuple[list[int], list[list[int]]]:
    """Quotations (their words) grouped by identical words, and which groups share words.

    Returns the group of each quotation (groups are numbered in order of first appearance) and,
    for each group, the other groups whose words it contains or that contain it (`_same_words`),
    ascending. A quotation inside another starts with a run of `min_words` words that the other
    contains, so groups are filed under every such run they contain and only those sharing one
    are compared: linear in the distinct quoted words of the article, where comparing every
    pair of quotations grew with the square of their number (and of a quotation's repeats).
    """
    group_of: list[int] = []
    distinct: dict[tuple[str, ...], int] = {}
    for words in quotes:
        group_of.append(distinct.setdefault(words, len(distinct)))
    groups = list(distinct)
    m = max(0, min_words)
    runs = [{words[k:k + m] for k in range(len(words) - m + 1)} if len(words) >= m else set() for words in groups]
    containing: dict[tuple[str, ...], list[int]] = {}
    starting: dict[tuple[str, ...], list[int]] = {}
    for index, words in enumerate(groups):
        if len(words) < m:
            continue
        starting.setdefault(words[:m], []).append(index)
        for run in runs[index]:
            containing.setdefault(run, []).append(index)
    near: list[list[int]] = []
    for index, words in enumerate(groups):
        if len(words) < m:
            near.append([])
            continue
        candidates = set(containing.get(words[:m], ()))  # groups this one may lie inside
        for run in runs[index]:  # groups that may lie inside this one
            candidates.update(starting.get(run, ()))
        candidates.discard(index)
        near.append(sorted(o for o in candidates if _same_words(words, groups[o], min_words)))
    return group_of, near


def _repeated(quotes: Sequence[tuple[str, ...]], min_words: int) -> list[bool]:
    """Whether each quotation shares its words with another one (`_same_words`)."""
    group_of, near = quotation_groups(quotes, min_words)
    size = [0] * len(near)
    for group in group_of:
        size[group] += 1
    # Identical words count only when long enough to be compared at all.
    return [bool(near[g]) or (size[g] > 1 and len(words) >= min_words) for g, words in zip(group_of, quotes)]


def _same_words(a: tuple[str, ...], b: tuple[str, ...], min_words: int) -> bool:
    """Identical quoted words, or one quotation contained in the other, of at least `min_words` words."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < min_words:
        return False
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


class QuoteSpeakerConflict(Rule):
    """One quotation is attributed to two different people.

    What it flags:
        The same quoted words (six words or more, or one quotation contained in the other)
        attributed first to one named person and later to another ("... said John Smith" and
        "... Jane Doe told reporters"). Speakers are compared by surname and by the article's
        person clusters; a title ("the minister", "a spokesman") or a pronoun is never taken
        as a different speaker.

    Why it matters:
        Putting words in the wrong mouth is among the most damaging errors a newsroom can
        publish, and it creeps in when copy is merged from several sources.

        A warning, not an error: the two attributions may be one quote repeated by two
        people, or a quote read out by a spokesperson.

    Example:
        MPs clash over budget
        "The budget will hurt every family in my constituency," said John Smith.
        Ministers defended the plan on Tuesday.
        "The budget will hurt every family in my constituency," Jane Doe told reporters.

    Not flagged:
        MPs clash over budget
        "The budget will hurt every family in my constituency," said John Smith.
        Ministers defended the plan on Tuesday.
        "The budget will hurt every family in my constituency," Mr Smith told reporters.

    Options:
        min_words: fewest words a repeated quotation must have (default 6).
    """

    code = "AT01"
    name = "attribution.quote-speaker-conflict"
    default_severity = Severity.warning
    requires = ("entities", "sentences")

    class Options(Options):
        min_words: int = 6

    options: Options  # the validated options, typed for mypy

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        quotes = [q for q in find_quotations(ctx, self.options.min_words, repeated_only=True) if q.surname]
        for i, j in _conflicting_pairs(quotes, self.options.min_words):
            first, later = quotes[i], quotes[j]
            assert later.speaker_start is not None and later.speaker_end is not None
            assert first.speaker_start is not None and first.speaker_end is not None
            yield self.finding(
                f"The quotation \"{_clip(later.text)}\" is attributed to {later.speaker} here but to "
                f"{first.speaker} earlier.",
                [ctx.span_at("body", later.speaker_start, later.speaker_end)],
                [ctx.span_at("body", first.speaker_start, first.speaker_end),
                 ctx.span_at("body", first.start, first.end)],
                confidence=0.85,
                data={"quotation": later.text, "speakers": [first.speaker, later.speaker]},
            )


def _conflicting_pairs(quotes: Sequence[Quotation], min_words: int) -> list[tuple[int, int]]:
    """(i, j) for each quotation j that has the words of an earlier one with another speaker,
    i the earliest such: what comparing every earlier quotation with every later one finds, in
    the order it finds them, from the groups of identical words (`quotation_groups`) and, per
    group, where its first two speakers first appear."""
    group_of, near = quotation_groups([q.words for q in quotes], min_words)
    keys = [_speaker_key(q) for q in quotes]
    first_speakers: list[list[tuple[int, str]]] = [[] for _ in near]
    for index, (group, key) in enumerate(zip(group_of, keys)):
        slots = first_speakers[group]
        if key and len(slots) < 2 and all(key != other for _, other in slots):
            slots.append((index, key))
    pairs = []
    for j, (group, key) in enumerate(zip(group_of, keys)):
        if not key:
            continue  # an empty surname is never another speaker
        best = None
        own = [group] if len(quotes[j].words) >= min_words else []
        for other_group in (*own, *near[group]):
            for index, other in first_speakers[other_group]:  # the group's earliest other speaker
                if other != key:
                    if index < j and (best is None or index < best):
                        best = index
                    break
        if best is not None:
            pairs.append((best, j))
    return sorted(pairs)


def _speaker_key(quotation: Quotation) -> str:
    key = (quotation.surname or "").lower()
    for suffix in ("'s", "’s"):
        key = key.removesuffix(suffix)
    return key


def _same_speaker(a: Quotation, b: Quotation) -> bool:
    sa, sb = _speaker_key(a), _speaker_key(b)
    return sa == sb or not sa or not sb


def _clip(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("..." if len(parts) > words else "")


# --- AT02 --------------------------------------------------------------------------------------
_AFFILIATION_ALIASES = {
    "tory": "conservative", "tories": "conservative", "conservatives": "conservative",
    "lib dem": "liberal democrat", "lib dems": "liberal democrat", "libdem": "liberal democrat",
    "liberal democrats": "liberal democrat", "democrats": "democrat", "democratic": "democrat",
    "republicans": "republican", "gop": "republican", "labour party": "labour", "greens": "green",
}
_GENERIC_CAPS = frozenset(["the", "a", "an", "former", "ex", "senior", "junior", "deputy", "shadow", "acting", "new", "then", "veteran", "leading", "prominent", "local", "junior", "backbench", "frontbench", "chief", "prime", "foreign", "home", "first"])


@dataclass(frozen=True)
class Affiliation:
    """A speaker's stated affiliation: "Labour" of "a Labour MP"."""

    person: int
    name: str
    affiliation: str  # normalised
    role: str
    kind: str  # "country" ("a French MP") or "organisation" ("a Labour MP"): only like kinds conflict
    start: int  # the affiliation phrase ("Labour MP")
    end: int


class SpeakerAffiliationConflict(Rule):
    """A speaker's affiliation changes between quotes.

    What it flags:
        A person quoted in the article whose affiliation for the same role differs between
        attributions: "John Smith, a Labour MP, said ..." and later "Conservative MP John Smith
        added ...". Only affiliations written next to the name in sentences that quote or
        report speech count; "former" and "ex-" titles are left alone.

    Why it matters:
        A speaker's party or employer tells readers how to weigh the words; giving two is a
        factual error that confuses readers and can misrepresent the speaker.

        A warning, not an error: people change parties and jobs, and a story may report the
        change.

    Example:
        MPs clash over budget
        "The budget will hurt families," said John Smith, a Labour MP.
        Ministers defended the plan on Tuesday.
        Conservative MP John Smith later added: "I stand by every word."

    Not flagged:
        MPs clash over budget
        "The budget will hurt families," said John Smith, a Labour MP.
        Ministers defended the plan on Tuesday.
        Labour MP John Smith later added: "I stand by every word."
    """

    code = "AT02"
    name = "attribution.speaker-affiliation-conflict"
    default_severity = Severity.warning
    requires = ("entities", "sentences", "people")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        from consistency.understanding.people import ROLE_WORDS

        if len(_affiliation_candidates(ctx.article.body, ROLE_WORDS)) < 2:
            return  # fewer than two "<Affiliation> <role>" phrases: nothing can conflict
        try:
            people = ctx.people
        except ImportError:
            return

        found: list[Affiliation] = []
        for person in people:
            for mention in person.mentions:
                if mention.field != "body":
                    continue
                sent = ctx.body_doc[mention.token_start].sent
                if not _reports_speech(sent):
                    continue
                found += _affiliations(ctx, person.id, mention, ROLE_WORDS)
        by_person: dict[int, list[Affiliation]] = {}
        for aff in found:
            by_person.setdefault(aff.person, []).append(aff)
        for affs in by_person.values():
            affs.sort(key=lambda a: a.start)
            for i, first in enumerate(affs):
                conflict = next((b for b in affs[i + 1:] if b.role == first.role and b.affiliation != first.affiliation
                                 and b.kind == first.kind), None)
                if conflict is None:
                    continue
                yield self.finding(
                    f"{conflict.name} is called {ctx.article.body[conflict.start:conflict.end]} here but "
                    f"{ctx.article.body[first.start:first.end]} earlier.",
                    [ctx.span_at("body", conflict.start, conflict.end)],
                    [ctx.span_at("body", first.start, first.end)],
                    confidence=0.8,
                    data={"person": conflict.name, "role": conflict.role,
                          "affiliations": [first.affiliation, conflict.affiliation]},
                )
                break


@lru_cache(maxsize=1)
def _role_pattern(role_words: frozenset[str]) -> re.Pattern[str]:
    roles = "|".join(sorted((re.escape(w) for w in role_words), key=len, reverse=True))
    return re.compile(rf"\b[A-Z][\w-]+\s+(?i:{roles})\b")


def _affiliation_candidates(body: str, role_words: frozenset[str]) -> list[str]:
    """Cheap pre-check: capitalised words directly before a role word ("Labour MP")."""
    return [m.group() for m in _role_pattern(role_words).finditer(body)]


def _reports_speech(sent: SpacySpan) -> bool:
    return any(t.text in ('"', "“", "”") for t in sent) or any(
        t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" for t in sent)


def _affiliations(ctx: ArticleAnalysis, person: int, mention: Any, role_words: frozenset[str]) -> list[Affiliation]:
    """Affiliations written right before the name ("Labour MP X") or in an apposition after it."""
    doc = ctx.body_doc
    out: list[Affiliation] = []
    # before: <Affiliation> <role> NAME
    i = mention.token_start - 1
    if i >= 1 and doc[i].lower_ in role_words:
        role = doc[i].lower_
        aff_tokens = _caps_before(doc, i)
        if aff_tokens and not _former(doc, aff_tokens[0].i - 1) and not _is_department(aff_tokens):
            out.append(_affiliation(ctx, person, mention.text, aff_tokens, role, doc[i]))
    # after: NAME, a/the <Affiliation> <role>
    j = mention.token_end
    if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("a", "an", "the"):
        k = j + 2
        if doc[k].lower_ in ("former", "ex", "ex-", "then"):
            return out
        caps = []
        while k < len(doc) and k < j + 7 and doc[k].text[:1].isupper() and doc[k].lower_ not in role_words:
            caps.append(doc[k])
            k += 1
        if caps and k < len(doc) and doc[k].lower_ in role_words:
            caps = [t for t in caps if t.lower_ not in _GENERIC_CAPS]
            if caps and not _is_department(caps):
                out.append(_affiliation(ctx, person, mention.text, caps, doc[k].lower_, doc[k]))
    return out


def _caps_before(doc: Any, role_index: int) -> list[Any]:
    tokens: list[Any] = []
    k = role_index - 1
    while k >= 0 and k >= role_index - 3 and doc[k].text[:1].isupper() and doc[k].is_alpha:
        if doc[k].lower_ in _GENERIC_CAPS:
            break
        tokens.insert(0, doc[k])
        k -= 1
    return tokens


def _is_department(tokens: Sequence[Any]) -> bool:
    """"Treasury minister", "Home Office official": a portfolio, not an affiliation."""
    from consistency.understanding.people import ROLE_QUALIFIERS

    return any(t.lower_ in ROLE_QUALIFIERS for t in tokens)


def _former(doc: Any, i: int) -> bool:
    return i >= 0 and doc[i].lower_ in ("former", "ex", "ex-", "then", "one-time")


def _affiliation(ctx: ArticleAnalysis, person: int, name: str, tokens: Sequence[Any], role: str, role_token: Any) -> Affiliation:
    text = " ".join(t.text for t in tokens)
    norm = _AFFILIATION_ALIASES.get(text.lower(), text.lower())
    kind = "organisation"
    try:
        gaz = ctx.gazetteer
        if gaz.country(text) or gaz.country_of_demonym(text):
            kind = "country"
    except ImportError:
        pass
    return Affiliation(person, name, norm, role, kind, tokens[0].idx, role_token.idx + len(role_token.text))


# --- AT03 --------------------------------------------------------------------------------------
_COPYRIGHT = re.compile(r"^[ \t]*(?:\(c\)|©|copyright)\s*(?:\(c\)|©)?\s*(?:\d{4}\s*,?\s*)?(?P<pub>[A-Z][^.\n;|]{1,60}?)"
                        r"(?:\.|,?\s+all rights reserved|\s*$)", re.IGNORECASE | re.MULTILINE)
_STAFF_CREDIT = re.compile(r"(?P<pub>(?:The\s+)?[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,4})\s+(?:staff writers?|staff reporters?|"
                           r"correspondents?|reporters?)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s+contributed to this report")
_BYLINE = re.compile(r"^[ \t]*By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:,|\||—|-)\s*"
                     r"(?P<pub>(?:The\s+)?[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,4})[ \t]*$", re.MULTILINE)
_DOMAIN_EXTRAS = ("news", "online", "web", "digital", "daily", "media", "live", "group", "tv", "com")


class PublisherMismatch(Rule):
    """The article names two different publishers (copyright line, staff credit, byline, metadata).

    What it flags:
        A copyright line ("(c) 2018, The Washington Post."), a staff credit ("Washington Post staff
        writer Jane Doe contributed to this report") or a byline ("By Jane Doe, The New York
        Times") whose publication disagrees with the article's `publisher` metadata (a name or a
        domain such as "nytimes.com") or, without metadata, with the article's copyright line.
        Only explicit names are compared, allowing initials ("nytimes" = "The New York Times").
        A wire credit ("Reuters contributed to this report") is normal and never flagged.

    Why it matters:
        A story published under one masthead that carries another's copyright line was copied,
        syndicated without credit, or generated; editors and trust-and-safety teams want to know
        which. (Licensed syndication is legitimate: check the agreement before acting.)

        A warning, not an error: the article does not contradict itself, and licensed copies
        carry two names.

    Example:
        Talks resume in Minsk
        By Jane Doe, The New York Times
        Negotiators met again on Monday, officials said.

        (c) 2018, The Washington Post.

    Not flagged:
        Talks resume in Minsk
        By Jane Doe, The Washington Post
        Negotiators met again on Monday, officials said. Reuters contributed to this report.

        (c) 2018, The Washington Post.
    """

    code = "AT03"
    name = "attribution.publisher-mismatch"
    default_severity = Severity.warning
    requires = ()

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        body = ctx.article.body
        claims = [(m.start("pub"), m.end("pub"), "copyright line") for m in _COPYRIGHT.finditer(body)]
        claims += [(m.start("pub"), m.end("pub"), "staff credit") for m in _STAFF_CREDIT.finditer(body)]
        claims += [(m.start("pub"), m.end("pub"), "byline") for m in _BYLINE.finditer(body)]
        claims = sorted((s, s + len(body[s:e].strip()), kind) for s, e, kind in claims if body[s:e].strip())
        publisher = (ctx.article.publisher or "").strip()
        reference: tuple[str, str, int | None] | None = None  # (name, described as, offset)
        if publisher:
            reference = (publisher, "the article's publisher is", None)
        else:
            copyright_lines = [c for c in claims if c[2] == "copyright line"]
            if copyright_lines:
                s, e, _ = copyright_lines[-1]
                reference = (body[s:e], "the copyright line names", s)
        if reference is None:
            return
        ref_name, ref_label, ref_start = reference
        for start, end, kind in claims:
            named = body[start:end]
            if start == ref_start or same_publisher(named, ref_name):
                continue
            evidence = [ctx.span_at("body", ref_start, ref_start + len(ref_name))] if ref_start is not None else []
            yield self.finding(
                f"The {kind} names {named}, but {ref_label} {ref_name}.",
                [ctx.span_at("body", start, end)],
                evidence,
                confidence=0.7,
                data={"named": named, "reference": ref_name, "kind": kind},
            )


def same_publisher(named: str, publisher: str) -> bool:
    """Whether a publication name and a publisher (name or domain) can be the same outlet."""
    a, b = _publisher_words(named), _publisher_words(publisher)
    if not a or not b:
        return True
    joined_a, joined_b = "".join(a), "".join(b)
    if joined_a == joined_b or joined_a in joined_b or joined_b in joined_a:
        return True
    return _abbreviates(joined_b, a) or _abbreviates(joined_a, b)


def _publisher_words(text: str) -> list[str]:
    text = text.lower().strip()
    text = re.sub(r"^https?://", "", text)
    text = re.sub(r"^www\.", "", text)
    if re.fullmatch(r"[\w.-]+\.[a-z]{2,}(?:/.*)?", text):  # a domain: keep the name part
        text = text.split("/")[0]
        parts = text.split(".")
        text = max(parts[:-1], key=len) if len(parts) > 1 else parts[0]
        if len(parts) > 2 and parts[-2] in ("co", "com", "org", "net", "gov", "ac"):
            text = max(parts[:-2], key=len)
    words = re.findall(r"[a-z0-9]+", text)
    return [w for w in words if w not in ("the", "inc", "ltd", "limited", "llc", "plc", "co")]


def _abbreviates(compact: str, words: Sequence[str]) -> bool:
    """Whether `compact` ("nytimes") is the words ("new", "york", "times") each taken whole or by initial."""
    for extra in ("",) + _DOMAIN_EXTRAS:
        target = compact[: -len(extra)] if extra and compact.endswith(extra) else compact
        if extra and not compact.endswith(extra):
            continue
        if _spells(target, list(words)):
            return True
    return False


def _spells(target: str, words: list[str]) -> bool:
    if not words:
        return not target
    head, rest = words[0], words[1:]
    if target.startswith(head) and _spells(target[len(head):], rest):
        return True
    return bool(target) and target[0] == head[0] and _spells(target[1:], rest)


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return [QuoteSpeakerConflict, SpeakerAffiliationConflict, PublisherMismatch]
