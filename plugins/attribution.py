"""Rule family `attribution` (AT01-AT03): who said it, who they are, who published it.

Codes: AT01 `attribution.quote-speaker-conflict`, AT02 `attribution.speaker-affiliation-conflict`,
AT03 `attribution.publisher-mismatch`.
Data: AT01 reads the claims ledger's `said` claims (consistency/understanding/facts/quotes.py:
speakers from the parse, speech verbs and nouns from WordNet 3.0 via
consistency/data/speech_verbs.tsv); AT02 the ledger's role claims with their organisation
(facts/roles.py) in sentences with a `said` claim or a speech verb; AT03 reads publisher lines
from the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from consistency import Options, Rule, Severity, hookimpl
from consistency.understanding.facts.quotes import words_of
from consistency.understanding.ledger import Claim
from consistency.understanding.lexicon import speech_verbs

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from consistency import ArticleAnalysis, Finding, Span

@dataclass(frozen=True)
class Said:
    """One `said` claim of the ledger, with its words split into sentences."""

    claim: Claim
    words: tuple[str, ...]
    clauses: tuple[tuple[str, ...], ...]

    @property
    def subject(self) -> str:
        return self.claim.subject


def said_claims(ctx: ArticleAnalysis) -> list[Said]:
    """The ledger's quotations, in text order."""
    found = []
    for claim in ctx.claims.of("said"):
        words = tuple(claim.data.get("words") or words_of(str(claim.value)))
        clauses = tuple(c for c in (words_of(part) for part in _CLAUSE.split(str(claim.value))) if c)
        found.append(Said(claim, words, clauses))
    return found


_CLAUSE = re.compile(r"[.!?;:]+(?:\s|$)")


def _content(words: Sequence[str]) -> int:
    """How many words are not function words (spaCy's English stop words)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return sum(1 for w in words if w not in STOP_WORDS and not w.isdigit())


def shared_part(a: Sequence[str], b: Sequence[str], min_words: int, min_content: int) -> tuple[str, tuple[str, ...]] | None:
    """What two quotations share, if it is distinctive enough to be one quotation:

    - ("run", words): a run of at least `min_words` words with `min_content` words that are
      not function words ("treated the pennine foothills as a free skip");
    - ("near", words): two sentences of six words or more that are the same but for a word or
      two ("water that crosses it becomes a bridge" / "... crosses a border becomes a bridge");
    - ("whole", words): the same whole quotation of ten words or more, word for word, even with
      a content word fewer ("the table does not know the score, so why should i?");
    - ("runs", words): the shorter quotation, of ten words or more, all but two of its words
      in runs of four or more that the other shares, the first opening both ("the car was a
      rock. we only had to ..." / "the car was a rock today. i only had to ...").
    A stock phrase ("one game at a time") has too few content words to count.
    """
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    match = matcher.find_longest_match(0, len(a), 0, len(b))
    run = tuple(a[match.a:match.a + match.size])
    if len(run) >= min_words and _content(run) >= min_content:
        return "run", run
    if tuple(a) == tuple(b) and len(a) >= min_words + 4 and _content(run) >= min_content - 1:
        return "whole", run  # one whole quotation of ten words or more, word for word
    # one quotation retold nearly whole, a word or two changed across its sentences ("The car was a
    # rock. We only had to keep it out of the ditches" / "The car was a rock today. I only had to ...")
    blocks = [block for block in matcher.get_matching_blocks() if block.size >= 4]
    words = tuple(w for block in blocks for w in a[block.a:block.a + block.size])
    shorter = min(len(a), len(b))
    if len(blocks) >= 2 and blocks[0].a == blocks[0].b == 0 and shorter >= min_words + 4 \
            and shorter - len(words) <= 2 and _content(words) >= min_content - 1:
        return "runs", words
    return None


def _near(a: Said, b: Said, min_words: int) -> tuple[str, ...] | None:
    """A sentence of `a` and one of `b`, six words or more each, differing in a word or two."""
    for x in a.clauses:
        if len(x) < min_words:
            continue
        for y in b.clauses:
            if len(y) < min_words or abs(len(x) - len(y)) > 2:
                continue
            matcher = SequenceMatcher(None, x, y, autojunk=False)
            same = [w for block in matcher.get_matching_blocks() for w in x[block.a:block.a + block.size]]
            if matcher.ratio() >= 0.8 and _content(same) >= 3 and x != y:
                return x
    return None


def _contained(a: Said, b: Said) -> tuple[str, ...] | None:
    """A sentence of one quotation told again inside the other, cut down ("the river forgives
    nobody" of "We love it, but the river forgives nobody"; "it no longer feeds the
    grandchildren" of "... crop, but it no longer feeds the grandchildren"): a sentence of five
    words or more, with three that are not function words (a stock phrase, "one game at a time",
    has two), whose words all stand in the other
    quotation in their order (all but one, from eight words), four of them in a row there."""
    for x, whole in ((c, b.words) for c in a.clauses):
        found = _held_in(x, whole)
        if found:
            return found
    for x, whole in ((c, a.words) for c in b.clauses):
        found = _held_in(x, whole)
        if found:
            return found
    return None


def _named_phrase(a: Said, b: Said) -> tuple[str, ...] | None:
    """A short phrase the article calls someone's own ('Ravuvu's "never stops running" line'),
    three words or more with two that are not function words, written word for word in the other
    quotation: naming a phrase as one person's line is an attribution of it, however short."""
    for part, whole in ((b, a), (a, b)):
        if part.claim.data.get("how") != "owned-phrase" or whole.claim.data.get("how") == "owned-phrase":
            continue
        words = part.words
        if len(words) < 3 or _content(words) < 2 or len(words) >= len(whole.words):
            continue
        n = len(words)
        if any(tuple(whole.words[k:k + n]) == tuple(words) for k in range(len(whole.words) - n + 1)):
            return tuple(words)
    return None


def _held_in(part: Sequence[str], whole: Sequence[str]) -> tuple[str, ...] | None:
    """The words of `part` that `whole` holds in order, when that is all of them (or all but one)."""
    if len(part) < 5 or len(part) >= len(whole) + 3 or _content(part) < 3:
        return None
    matcher = SequenceMatcher(None, part, whole, autojunk=False)
    blocks = [blk for blk in matcher.get_matching_blocks() if blk.size]
    kept = [w for blk in blocks for w in part[blk.a:blk.a + blk.size]]
    allowed = 1 if len(part) >= 8 else 0
    if len(part) - len(kept) > allowed or max((blk.size for blk in blocks), default=0) < 4:
        return None
    if _content(kept) < 3 or tuple(part) == tuple(whole):
        return None
    return tuple(kept)


class QuoteSpeakerConflict(Rule):
    """One quotation is attributed to two different people.

    What it flags:
        The same quoted words, or their distinctive part (a run of six words or more with four
        that are not function words, a sentence repeated but for a word or two, or a sentence
        told again cut down, "the river forgives nobody" of "we love it, but the river forgives
        nobody", with three words that are not function words), attributed
        to one person and elsewhere to another, whatever the verb: "... said John Smith" and
        "... Jane Doe told reporters", "she repeated", "echoed", "according to", "X's line
        ...". Speakers are the ledger's `said` claims, resolved through its people: a title
        ("the minister", "a spokesman"), an organisation or a pronoun that points back is never
        taken as a different person; someone new and unnamed ("said one exporter", "a nurse
        said") is.

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
        Jane Doe quoted Smith as saying: "The budget will hurt every family in my constituency."

    Options:
        min_words: fewest words the shared part must have (default 6).
        min_content: fewest words of the shared part that are not function words (default 4).

    Reads:
        `ctx.claims` (`said` claims and their speakers, the `echoes` of "echoing Smith"); the
        article's words, to leave alone a line that circulates (said also by a group or an
        organisation, in the headline, or unattributed: a slogan, a motto) and a speaker passing
        on another's words (a quotation within the quotation, or a person named with a verb of
        saying before the shared words: "Paul told us, ...", "Fiona put it best: ...").
    """

    code = "AT01"
    name = "attribution.quote-speaker-conflict"
    default_severity = Severity.warning
    requires = ("entities", "sentences", "claims")

    class Options(Options):
        min_words: int = 6
        min_content: int = 4

    options: Options  # the validated options, typed for mypy

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        quotes = said_claims(ctx)
        if len(quotes) < 2:
            return
        ledger = ctx.claims
        opts = self.options
        article_words: tuple[str, ...] | None = None
        reported: set[int] = set()
        for j, later, i, first, kind, shared in _candidate_pairs(quotes, opts.min_words, opts.min_content):
            if j in reported or _same_speaker(ledger, first, later) or _cites(ledger, first, later, shared):
                continue
            if not _compared(first) or not _compared(later):
                continue
            if article_words is None:
                article_words = words_of(f"{ctx.article.title}\n{ctx.article.body}")
            if _circulates(shared, quotes, article_words):
                continue  # a slogan or a line several people or groups repeat
            reported.add(j)
            first_name, later_name = _speaker_name(ledger, first), _speaker_name(ledger, later)
            yield self.finding(
                f"The quotation \"{_clip(later.claim.text)}\" is attributed to {later_name} here but to "
                f"{first_name} earlier.",
                [_speaker_span(ctx, later)],
                [_speaker_span(ctx, first), first.claim.span],
                confidence=0.85 if kind == "run" else 0.6,
                data={"quotation": later.claim.text, "speakers": [first_name, later_name], "shared": " ".join(shared),
                      "match": kind},
            )


def _candidate_pairs(quotes: Sequence[Said], min_words: int, min_content: int
                     ) -> Iterator[tuple[int, Said, int, Said, str, tuple[str, ...]]]:
    """(j, later, i, earlier, how, shared words) for quotations sharing a distinctive part, each
    later one with the earliest such, from an index of word triples: only quotations that share
    three words in a row are compared (linear in the quoted words, not in pairs of quotations)."""
    index: dict[tuple[str, ...], list[int]] = {}
    for i, q in enumerate(quotes):
        for k in {q.words[n:n + 3] for n in range(max(0, len(q.words) - 2))}:
            index.setdefault(k, []).append(i)
    for j, later in enumerate(quotes):
        earlier: set[int] = set()
        for n in range(max(0, len(later.words) - 2)):
            earlier.update(i for i in index.get(later.words[n:n + 3], ()) if i < j)
        for i in sorted(earlier)[:50]:
            first = quotes[i]
            found = shared_part(first.words, later.words, min_words, min_content)
            if found is None:
                near = _near(first, later, min_words)
                found = ("near", near) if near else None
            if found is None:
                held = _contained(first, later)
                found = ("contained", held) if held else None
            if found is None:
                named = _named_phrase(first, later)
                found = ("named-phrase", named) if named else None
            if found is not None:
                yield j, later, i, first, found[0], found[1]


def _compared(q: Said) -> bool:
    """A quotation by a named person, or by someone new the article does not name ("said one
    exporter", "an engineer said"), not denied. A definite or spokes- title ("the minister", "a
    spokeswoman") may be someone already named, or speak for them."""
    if "negated" in q.claim.qualifiers:
        return False
    if q.subject.startswith(("person:", "name:")):
        return True
    words = str(q.claim.data.get("speaker_text") or "").lower().split()
    return q.subject.startswith("speaker:") and len(words) == 2 and words[0] in _INDEFINITE \
        and not words[1].startswith(_SPEAKS_FOR)


_INDEFINITE = frozenset({"one", "a", "an", "another"})
_SPEAKS_FOR = ("spokes", "representative", "official", "aide", "adviser", "advisor", "source", "person", "member")


def _surname_forms(ledger: Any, subject: str) -> set[str]:
    """Lower-cased words of every name the subject goes by."""
    found = ledger.subjects.get(subject)
    names = [found.name] + [m.text for m in found.mentions] if found else [subject.split(":", 1)[-1]]
    return {w.lower().removesuffix("'s").removesuffix("’s") for n in names for w in n.split() if w[:1].isupper()}


def _same_speaker(ledger: Any, a: Said, b: Said) -> bool:
    """One speaker, or a speaker repeating the other's words ("echoing Smith")."""
    if a.subject == b.subject:
        return True
    if a.claim.data.get("echoes") == b.subject or b.claim.data.get("echoes") == a.subject:
        return True
    if a.subject.startswith("name:") or b.subject.startswith("name:"):
        named, other = (a, b) if a.subject.startswith("name:") else (b, a)
        last = named.subject.split(":", 1)[1].split()[-1].lower()
        return last in _surname_forms(ledger, other.subject)
    return False


def _cites(ledger: Any, a: Said, b: Said, shared: Sequence[str]) -> bool:
    """One quotation names someone else before the shared words ("Paul told us, '...'", "Fiona put
    it best: ..."), or "as" or "like" and a verb of saying come right before them ("Like the president said,
    ..."), or
    holds them as a quotation of its own ('...' inside "..."): its speaker is
    passing on another's words."""
    for quoting in (b, a):
        if re.search(r"(^|[\s,:;(])['‘][^'’]{12,}['’]", quoting.claim.text):
            return True  # a quotation within the quotation
        words = list(quoting.words)
        n = len(shared)
        at = next((k for k in range(len(words) - n + 1) if tuple(words[k:k + n]) == tuple(shared)), 0)
        if at == 0:
            continue
        before = words[max(0, at - 5):at]
        marker = next((k for k, w in enumerate(before) if w in ("as", "like")), None)
        if marker is not None and any(_says(w) for w in before[marker + 1:]):
            return True  # "Like the president said, ...", "as the coach put it, ...": words of another
        names = {w for subject in ledger.subjects if subject.startswith("person:") and subject != quoting.subject
                 for w in _surname_forms(ledger, subject) if len(w) > 2}
        for k in range(at):
            if words[k] in names and any(_says(w) for w in words[k + 1:min(k + 4, at)]):
                return True  # "Paul told us", "Fiona put it best", "as Smith said"
    return False


_IRREGULAR_SPEECH = frozenset({"said", "told", "put", "wrote", "spoke", "says", "tells", "puts", "writes"})


def _says(word: str) -> bool:
    """A form of a verb of saying ("told", "warned", "puts")."""
    from consistency.understanding.lexicon import speech_verbs

    verbs = speech_verbs()
    return word in _IRREGULAR_SPEECH or word in verbs or any(
        word.endswith(e) and word[:-len(e)] in verbs for e in ("ed", "d", "s", "es"))


def _circulates(shared: Sequence[str], quotes: Sequence[Said], article: Sequence[str]) -> bool:
    """Whether a line goes round: said by a group or an organisation, or written more often than
    it is attributed to people (in the headline, unattributed, on a banner)."""
    n = len(shared)
    by_people = 0
    for q in quotes:
        if any(tuple(q.words[k:k + n]) == tuple(shared) for k in range(len(q.words) - n + 1)):
            if not _compared(q):
                return True
            by_people += 1
    written = sum(1 for k in range(len(article) - n + 1) if tuple(article[k:k + n]) == tuple(shared))
    return written > max(by_people, 2)


def _speaker_name(ledger: Any, q: Said) -> str:
    if q.subject.startswith("person:"):
        return ledger.name_of(q.subject)
    return str(q.claim.data.get("speaker_text") or ledger.name_of(q.subject))


def _speaker_span(ctx: ArticleAnalysis, q: Said) -> Span:
    start, end = q.claim.data.get("speaker_start"), q.claim.data.get("speaker_end")
    if isinstance(start, int) and isinstance(end, int) and end > start:
        return ctx.span_at(q.claim.span.field, start, end)
    return q.claim.span


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

    Reads:
        `ctx.claims`: role claims with an organisation written right before the role, before the
        name or in an apposition ("Labour MP John Smith", "John Smith, a Labour MP"; current only;
        not "MP for Henley"), and the
        sentences of `said` claims. Still from the parse directly: a verb of saying
        (`lexicon.speech_verbs`) in the sentence, for reported speech without quotation marks.
    """

    code = "AT02"
    name = "attribution.speaker-affiliation-conflict"
    default_severity = Severity.warning
    requires = ("entities", "sentences", "people", "claims")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        ledger = ctx.claims
        roles = [c for c in ledger.of("role") if c.subject.startswith("person:") and c.data.get("organisation")]
        if len(roles) < 2:
            return
        speech = {c.sentence for c in ledger.of("said")}
        sentences = ctx.sentences
        by_person: dict[str, list[tuple[Claim, str, str]]] = {}
        for claim in roles:
            if claim.span.field != "body" or not claim.current or claim.data.get("how") not in ("title", "apposition"):
                continue
            if claim.sentence not in speech and not (claim.sentence < len(sentences)
                                                     and _reports_speech(sentences[claim.sentence])):
                continue
            found = _affiliation_of(ctx, str(claim.data["organisation"]))
            if found is not None and _org_first(ctx, claim):  # "Labour MP", not "MP for Henley"
                by_person.setdefault(claim.subject, []).append((claim, *found))
        for subject, affs in by_person.items():
            affs.sort(key=lambda a: a[0].span.start)
            for i, (first, aff, kind) in enumerate(affs):
                conflict = next((b for b in affs[i + 1:] if b[0].value == first.value and b[1] != aff
                                 and b[2] == kind), None)
                if conflict is None:
                    continue
                later, earlier = _extent(ctx, conflict[0]), _extent(ctx, first)
                name = ledger.name_of(subject)
                yield self.finding(
                    f"{name} is called {later.text} here but {earlier.text} earlier.",
                    [later], [earlier], confidence=0.8,
                    data={"person": name, "role": str(first.value), "affiliations": [aff, conflict[1]]},
                )
                break


def _extent(ctx: ArticleAnalysis, claim: Claim) -> Span:
    """The role claim's span widened to its organisation ("Labour MP" of "a Labour MP")."""
    org = str(claim.data.get("organisation") or "")
    span = claim.span
    if org and org not in span.text:
        field = ctx.article.field(span.field)
        at = field.rfind(org, max(0, span.start - len(org) - 30), span.start)
        if at >= 0:
            return ctx.span_at(span.field, at, span.end)
    return span


def _org_first(ctx: ArticleAnalysis, claim: Claim) -> bool:
    """The organisation is written before the role word ("Labour MP", "a Labour MP")."""
    text = _extent(ctx, claim).text.lower()
    at = text.find(str(claim.data.get("organisation") or "").lower())
    role = text.rfind(str(claim.value).split()[-1].lower())
    return 0 <= at < role


def _reports_speech(sent: SpacySpan) -> bool:
    """A sentence with a verb of saying (reported speech: "Smith, a Labour MP, said the plan ...")."""
    return any(t.lemma_.lower() in speech_verbs() and t.pos_ == "VERB" for t in sent)


def _affiliation_of(ctx: ArticleAnalysis, organisation: str) -> tuple[str, str] | None:
    """(normalised affiliation, kind) of a role's organisation written with capitals ("Labour",
    "Tory", "French"); None for a portfolio ("Treasury minister") or a long name."""
    from consistency.understanding.people import ROLE_QUALIFIERS

    words = [w for w in organisation.split() if w.lower() not in _GENERIC_CAPS]
    if not words or len(words) > 3 or not all(w[:1].isupper() for w in words) \
            or any(w.lower() in ROLE_QUALIFIERS for w in words):
        return None
    text = " ".join(words)
    kind = "organisation"
    try:
        gaz = ctx.gazetteer
        if gaz.country(text) or gaz.country_of_demonym(text):
            kind = "country"
    except ImportError:
        pass
    return _AFFILIATION_ALIASES.get(text.lower(), text.lower()), kind


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
