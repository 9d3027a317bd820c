"""Event status: an event told as done, going on, or still to come, with the time it carries.

`event-status` claims have an event subject (`event:LEMMA`, named by its noun: "the accord",
"the festival", "the study") and a value `done`, `ongoing`, `planned` or `rescheduled`.

The event is a verb with its object or subject noun, read from the parse:

- a transitive verb and its definite, singular object: "signed the accord on Tuesday",
  "is due to sign the accord next month", "The framework, which their presidents signed";
- a passive verb and its subject, the thing acted on as an object is ("the pier was demolished",
  "when the study is published"), and an intransitive verb and its subject, when the subject is
  an event noun (WordNet's acts, events, times and documents, `lexicon.event_nouns()`): "the
  festival opened on Thursday", "when the festival opens on Sunday";
- a reduced relative: "a study published on Monday";
- a definite plural thing acted on as a whole, as object or passive subject: "the warehouses
  were demolished" (subject `event:warehouse`);
- an event noun WordNet derives from a verb, with the definite thing it is "of" and a predicate of
  completion: "once demolition of the warehouses is complete", "when renovation of the stadium is
  finished" (subject: the thing, `event:warehouse`; `verb`/`verbs`: the noun's verbs, "demolish";
  `noun`: "demolition"). "Demolition ... began" is a stage and gives no claim.

Status comes from tense, auxiliaries and frames: past tense and perfects are `done`;
"will", "is due/expected/set/scheduled to", "plans to", "is to", "still/yet to be heard", and a present tense in a
"when/once/after/before/until" clause or with a future time ("next month") are `planned`; a progressive is
`ongoing`. Hypothetical, negated and conditional tellings give no claim. A verb of
rescheduling ("postponed the final", "the vote was delayed") gives `rescheduled`.

`data` holds the verb lemma (`verb`), the agent (`agent`, a lower-cased head word), the
noun's modifiers (`modifiers`), repeat markers (`markers`: "again", "second", "another",
"return"), and the time phrases attached to the verb (`times`, with their `direction`:
past, future or present).

Trips, meetings, signings and attendances with a named actor and destination or partner
("Petrov traveled to Belarus", "he is expected to visit Belarus") are claims too, read from
`timeline.event_mentions`: subject `trip:EVENT:ACTOR:TARGET`, `data.how` "trip".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..lexicon import event_noun_verbs, event_nouns, is_person_noun
from ..timeline import event_mentions
from ..tokens import entity_at, pos_flags
from .qualifiers import inside_quotation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..ledger import Claim, Reader

_FRAMES = frozenset({"expect", "due", "schedule", "set", "slate", "plan", "intend", "hope", "aim", "prepare",
                     "likely", "poised", "go", "propose", "seek", "want", "pledge", "promise", "vow"})
_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "should", "must", "can", "ca"})
_PLAN_MARKS = frozenset({"when", "once", "after", "before", "until", "till"})
_CONDITION_MARKS = frozenset({"if", "unless", "whether"})
_RESCHEDULE = frozenset({"postpone", "delay", "reschedule", "defer", "cancel", "adjourn", "suspend", "bring",
                         "push", "move", "resume", "reopen", "restart", "rerun", "replay", "repeat", "redo",
                         "revise", "renegotiate", "reschedule", "call"})
_REPEAT = frozenset({"again", "another", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                     "ninth", "tenth", "further", "return", "repeat", "anew", "once",
                     "annual", "annually", "every", "each", "regularly", "usually", "often", "always",
                     "twice", "times", "previous", "previously", "latest", "next", "new", "first", "last",
                     "earlier", "later", "subsequent", "original", "originally", "initially", "yearly", "now",
                     "instead", "finally", "eventually"})
_HABITUAL = frozenset({"every", "each", "usually", "always", "often", "annually", "yearly", "regularly",
                       "traditionally", "normally", "typically", "generally"})
_GENERIC_VERBS = frozenset({"be", "have", "do", "say", "tell", "make", "get", "give", "take", "see", "know",
                            "think", "include", "show", "find", "mean", "use", "need", "call", "keep", "let",
                            "put", "want", "like", "look", "seem", "become", "describe", "expect", "plan",
                            "hope", "help", "add", "note", "cover", "follow", "involve", "lead", "mark",
                            "feature", "welcome", "praise", "criticise", "criticize", "attend", "watch",
                            "discuss", "support", "oppose", "back", "reject", "accept", "consider", "review",
                            "defend", "explain", "prepare", "face", "win", "lose"})
_PAST_WORDS = frozenset({"last", "ago", "earlier", "previous", "yesterday", "past", "recently"})
_FUTURE_WORDS = frozenset({"next", "coming", "tomorrow", "upcoming", "later", "forthcoming"})


def extract(reader: Reader) -> Iterator[Claim]:
    """`event-status` claims: one per event verb with an event noun, in the body."""
    tokens = reader.ctx.tokens("body")
    recent: list[Token] = []  # event nouns already read, for "sign it"
    by_verb: dict[str, list[tuple[str, Token]]] = {}  # verb -> (subject, object noun) told with it
    for verb in tokens:
        if verb.pos_ != "VERB":
            continue
        noun, role = _event_noun(verb, recent)
        if noun is None:
            continue
        status = _status(verb)
        if status is None:
            continue
        recent.append(noun)
        claim = _claim(reader, verb, noun, role, status)
        by_verb.setdefault(verb.lemma_.lower(), []).append((claim.subject, noun))
        yield claim
    for noun in tokens:
        found = _nominal_event(noun)
        if found is not None:
            yield _nominal_claim(reader, *found)
        elif (owned := _possessive_event(noun)) is not None:
            yield _possessive_claim(reader, *owned)
        elif (timed := _timed_nominal(noun)) is not None:
            yield _timed_nominal_claim(reader, by_verb, *timed)
    yield from _trip_claims(reader)


# Named occasions that make a trip another occurrence than this week's: "for next week's summit".
TRIP_OCCASIONS = frozenset({"summit", "conference", "forum", "ceremony", "funeral", "inauguration", "olympics",
                            "games", "championship", "festival", "anniversary", "celebration", "congress",
                            "convention", "assembly", "election", "wedding", "coronation", "tournament", "session"})


def _trip_claims(reader: Reader) -> Iterator[Claim]:
    """`event-status` claims for trips, meetings, signings and attendances with a named actor and target
    ("Petrov traveled to Belarus on Tuesday", "He is expected to visit Belarus"), read by
    `timeline.event_mentions` (pronouns resolved to the nearest earlier named subject). Subject
    `trip:EVENT:ACTOR:TARGET`; `data.how` is "trip", with `event`, `actor`, `target`, `target_text`,
    `verb_text`, `markers`, `dates` and the named `occasions` in the verb's phrase."""
    ctx = reader.ctx
    doc = ctx.body_doc
    for m in event_mentions(ctx):
        if not (m.actor and m.target and m.field == "body") or m.status not in ("done", "future"):
            continue
        span = doc.char_span(*m.clause, alignment_mode="expand")
        if span is None:
            continue
        sid = reader.add_subject(f"trip:{m.event}:{m.actor}:{m.target}", "event",
                                 f"the {m.event} of {m.actor} to {m.target}",
                                 reader.span_of(doc, m.target_token.i, m.target_token.i + 1))
        occasions = sorted({t.lemma_.lower() for t in m.verb.subtree} & TRIP_OCCASIONS)
        yield reader.claim(sid, "event-status", "done" if m.status == "done" else "planned", doc, span.start,
                           span.end, "events", {"quoted"} if inside_quotation(m.verb) else set(),
                           how="trip", event=m.event, actor=m.actor, target=m.target,
                           target_text=m.target_token.text, verb=m.verb.lemma_.lower(), verb_text=m.verb.text,
                           markers=sorted(m.markers), dates=list(m.dates), occasions=occasions)


def _event_noun(verb: Token, recent: list[Token]) -> tuple[Token | None, str]:
    """The noun that names the event a verb tells of, and how it was found."""
    lemma = verb.lemma_.lower()
    if lemma in _GENERIC_VERBS or not lemma.isalpha():
        return None, ""
    for child in verb.children:
        if child.dep_ == "dobj":
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and _one_off(verb.head, event=False):
                return verb.head, "relative"  # "the framework, which their presidents signed"
            if child.lower_ == "it":
                found = _antecedent(verb, child, recent)
                return (found, "pronoun") if found is not None else (None, "")
            if _one_off(child, event=False) or _definite_plural(child):
                return child, "object"
            if _linked_plural(child):
                return child, "linked-object"  # "completed consultations with unions on Monday"
            if _introduced_plural(child):
                return child, "bare-object"  # "activated emergency payments on Wednesday"
            return None, ""
    for child in verb.children:
        if child.dep_ == "nsubjpass" and child.tag_ == "WDT" and verb.dep_ == "relcl":
            thing = _named_thing(verb.head)
            # "the group's second album, "Tidewater," which was released in March"
            return (thing, "relative") if thing is not None and _one_off(thing, event=False) else (None, "")
        if child.dep_ == "nsubjpass" and (_one_off(child, event=False) or _definite_plural(child)):
            return child, "passive"  # "the festival was opened", "the pier was demolished", "the warehouses"
        if child.dep_ == "nsubj" and not any(c.dep_ in ("dobj", "attr", "acomp", "oprd") for c in verb.children) \
                and _one_off(child, event=True):
            return child, "subject"
        if child.dep_ == "nsubj" and not any(c.dep_ in ("dobj", "attr", "acomp", "oprd") for c in verb.children) \
                and _linked_plural(child):
            return child, "linked-subject"  # "once consultations with unions start next week"
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and _one_off(verb.head, event=True):
        return verb.head, "reduced-relative"  # "a study published on Monday"
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and _acted_by_on(verb) and _bare_plural(verb.head):
        return verb.head, "reduced-relative"  # "results declared by the commission on Thursday"
    if _pending(verb) and verb.dep_ == "xcomp" and not any(c.dep_ == "dobj" for c in verb.children):
        for c in verb.head.children:  # "the appeal is yet to be heard", "the accord has still to be signed"
            if c.dep_ in ("nsubj", "nsubjpass") and _one_off(c, event=True):
                return c, "pending"
    return None, ""


def _pending(verb: Token) -> bool:
    """"still to be heard", "is yet to be signed", "has yet to sign": an infinitive with "still" or
    "yet", on the verb or on the "be"/"have" it depends on, tells of what has not happened yet."""
    if verb.tag_ not in ("VB", "VBN") or "to" not in _aux(verb):
        return False
    holders = [verb] + ([verb.head] if verb.dep_ == "xcomp" and verb.head.lemma_ in ("be", "have") else [])
    return any(c.dep_ == "advmod" and c.lower_ in ("still", "yet") for h in holders for c in h.children)


def _one_off(noun: Token, event: bool) -> bool:
    """A singular common noun that can name one event (or, as an object, the thing acted on once)."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.ent_type_ or not noun.is_alpha:
        return False
    lemma = noun.lemma_.lower()
    if lemma in event_nouns():
        pass  # its commonest sense is an event, an act or a document ("study", "match")
    elif event or is_person_noun(lemma):
        return False
    if any(c.dep_ == "nummod" for c in noun.children):
        return False
    dets = [c for c in noun.children if c.dep_ in ("det", "poss")]
    return any(d.dep_ == "poss" or d.lower_ in ("the", "this", "that", "a", "an", "its", "their") for d in dets) \
        or (event and noun.dep_ in ("nsubj", "nsubjpass") and bool(dets))


_PAST_DATE = re.compile(r"^(?:(?:in|on|during|at) )?(?:last (?:week|weekend|month|year|night|season|term|summer|"
                        r"autumn|fall|winter|spring|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                        r"january|february|march|april|may|june|july|august|september|october|november|"
                        r"december)|yesterday|earlier this (?:week|month|year)|.+ ago)$")
_AT_PREPOSITIONS = frozenset({"in", "on", "during", "at"})


_YEAR_DATE = re.compile(r"^(?:in|during) (?:(?:january|february|march|april|may|june|july|august|september|"
                        r"october|november|december|early|late|mid) )?(\d{4})$")


def plan_phrase(verb: Token) -> list[Token] | None:
    """The words that tell a verb as still to come, the verb last: "will sign", "is to be launched",
    "is expected to sign" (frame and auxiliaries first); None for any other telling, a future
    perfect or a negation."""
    aux = _aux(verb)
    if "have" in aux or any(c.dep_ == "neg" for c in verb.children):
        return None
    infinitive = "to" in aux and verb.dep_ == "xcomp" and (verb.tag_ == "VB" or verb.tag_ == "VBN" and "be" in aux)
    own = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if aux & {"will", "shall", "'ll"}:
        return [*own, verb] if _status(verb) == "planned" else None
    if infinitive and verb.head.lemma_ == "be" and verb.head.tag_ in ("VBZ", "VBP"):
        return [verb.head, *own, verb]  # "is to be launched"
    if infinitive and _frame_status(verb.head) == "planned":
        return [verb.head, *(c for c in verb.head.children if c.dep_ in ("aux", "auxpass")), *own, verb]
    return None


def future_told_past(doc: Doc, before_year: int | None = None) -> Iterator[tuple[Token, Token, list[Token]]]:
    """A verb told as still to come and dated in the past in its own clause: "Last April, Argentina
    will sign", "the service is to be launched last month", "is set to be introduced last October".

    Only a future auxiliary or a frame of plans ("will", "is due/set/expected to", "is to"), not
    "would" (a past's future), nor a future perfect; the date hangs on the verb itself or through
    "in/on/during/at" ("since last year", "than last year", "from last April" are not its time),
    or on the frame's own verb ("Last April, the club is expected to sign"). "Recently" on either
    verb is a past time too ("the museum recently is to open"), and so is a bare year before
    `before_year` (the article's year): "in 2003 the bank is set to open". "The same period" takes
    the time of the date before it: "over the past six months ... Over the same period, 5,000
    laptops are due to be left".
    Yields (verb, time token, the tokens of the verb phrase)."""
    verbal = pos_flags(doc, "VERB", "AUX")  # most tokens are neither: no Token made for them
    for i, is_verbal in enumerate(verbal):
        if not is_verbal:
            continue
        verb = doc[i]
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("amod", "compound"):
            continue
        phrase = plan_phrase(verb)
        if phrase is None:
            continue
        if _marks(verb) & _CONDITION_MARKS or _marks(verb.head) & _CONDITION_MARKS and verb.dep_ == "xcomp":
            continue
        holders = [verb] + ([phrase[0]] if phrase[0].i != verb.i else [])
        frame = holders[-1]
        if frame.dep_ == "acomp" and frame.i != verb.i:
            frame = frame.head  # "is due to": the date may hang on "is"
            holders.append(frame)
        if frame.i != verb.i and frame.dep_ not in ("ROOT", "relcl", "conj"):
            holders = [verb]  # the frame inside a clause of its own ("said it is expected to") keeps its time
        found = None
        for t in _time_tokens(verb) + [c for h in holders[1:] for c in _frame_times(h)] + _same_periods(holders):
            if t.head.i not in {h.i for h in holders} and not (
                    t.head.dep_ == "prep" and t.head.lower_ in _AT_PREPOSITIONS | {"over"}
                    and t.head.head.i in {h.i for h in holders}):
                continue
            entity = entity_at(t)
            words = entity if entity is not None else t.doc[t.left_edge.i:t.i + 1] if t.pos_ == "NOUN" else [t]
            text = " ".join(w.lower_ for w in words)
            if t.head.dep_ == "prep":
                text = f"{t.head.lower_} {text}"
            if _SAME_PERIOD.match(text):
                earlier = same_period_antecedent(t)
                if earlier is not None and _direction(earlier.text) == "past":
                    found = t  # "over the past six months ... Over the same period ... are due to be left"
                    break
                continue
            if text.startswith("over "):
                continue  # "over the next few days": a span of time, not a date
            year = _YEAR_DATE.match(text)
            if _PAST_DATE.match(text) or (before_year is not None and year is not None
                                          and int(year.group(1)) < before_year):
                found = t
                break
        if found is None:
            found = next((c for h in holders for c in h.children
                          if c.dep_ == "advmod" and c.lower_ == "recently" and c.i < verb.i), None)
        if found is not None:
            yield verb, found, phrase


def plan_after_past(doc: Doc) -> Iterator[tuple[Token, list[Token], Token]]:
    """A plan told inside an "after" clause of a main verb in the simple past: "Bell took over after
    his predecessor is expected to die in April", "the club sold the ground after the council will
    approve the plan". What came after must have happened already, so the plan cannot still be to come.

    The clause is marked "after" (not "before", "until" or "as", which may look forward: "weeks before
    the inquiry is due to report", "came as ministers are due to meet"); the main verb is a past tense,
    neither negated nor under a modal, outside quotations, and not a verb of saying (whose "after"
    clause may be part of what was said). Yields (the planned verb, the tokens of its plan, the main verb)."""
    verbal = pos_flags(doc, "VERB", "AUX")
    for i, is_verbal in enumerate(verbal):
        if not is_verbal:
            continue
        verb = doc[i]
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        phrase = plan_phrase(verb)
        if phrase is None:
            continue
        clause = phrase[0] if phrase[0].dep_ not in ("aux", "auxpass") else verb  # the frame, "is" of "is to", or the verb
        if clause.dep_ == "acomp":
            clause = clause.head  # "is due to": the clause is "is"
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in clause.children):
            main = clause.head
        elif _after_misparsed(clause, min(t.i for t in phrase)):
            main = clause.head
        else:
            continue
        if main.tag_ != "VBD" or main.pos_ != "VERB" or main.lemma_.lower() in _SAYING or inside_quotation(verb):
            continue
        if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in main.children):
            continue
        yield verb, phrase, main


def _after_misparsed(clause: Token, start: int) -> bool:
    """"took over after his predecessor, Jim Cantalupo, is expected to die": the parser reads "after" as a
    preposition and the plan as a second verb of the main clause, with no subject or "and" of its own;
    the "after" phrase ends where the plan begins, or at a name set off by commas before it."""
    if clause.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass", "cc") for c in clause.children):
        return False
    main = clause.head
    if any(c.dep_ == "cc" and c.i < clause.i for c in main.children):
        return False
    doc = clause.doc
    return any(c.dep_ == "prep" and c.lower_ == "after" and c.i < clause.i and c.right_edge.i < start
               # up to the plan only the subject's apposition, misread too: ", Jim Cantalupo,"
               and all(t.is_punct or t.pos_ == "PROPN" for t in doc[c.right_edge.i + 1:start])
               and any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN", "PRON") for g in c.children)
               for c in main.children)


_SAYING = frozenset({"say", "tell", "add", "warn", "announce", "claim", "insist", "argue", "suggest", "report",
                     "explain", "note", "confirm", "reveal", "state", "write", "ask", "predict", "forecast"})


# Verbs that bring a thing into being (WordNet's verb.creation sense of each, picked by hand: WordNet is
# not installed at run time). "set" counts only with "up".
_MAKING_VERBS = frozenset({"create", "found", "establish", "form", "build", "construct", "invent", "design",
                           "develop", "set"})
_STATE_VERBS = frozenset({"be", "have", "seem", "remain", "include", "contain", "cost", "weigh", "measure",
                          "mean", "resemble", "belong", "lack", "own", "know", "like", "want", "need"})
_RELATIVE_WORDS = frozenset({"that", "which", "who"})


def made_after_it_acted(doc: Doc) -> Iterator[tuple[Token, Token, Token, list[Token]]]:
    """A thing told as still to be made that has already done something: "fans are expected to set up a
    petition that notched 18,000 signatures", "the lab is to build a robot which won a prize last year".

    The making verb ("set up", "create", "found", "build", "develop", ...) is planned by a future
    auxiliary or a frame of plans, not negated, hypothetical or conditional; its object (or the
    object's apposition) carries a relative clause in the simple past whose subject is the relative
    word itself ("that notched", "which stored"), not a state ("which had", "which was"), a passive
    ("which was designed"), a perfect or a negation. Making another of a kind ("a new body like the one
    which ran", "another petition", "a second plant") is not read. Yields (making verb, object, the
    relative clause's verb, the tokens of the plan)."""
    for verb in doc:
        lemma = verb.lemma_.lower()
        if verb.lower_ == "found" and _aux(verb) & {"will", "shall", "to"}:
            lemma = "found"  # "will found an academy": the tagger reads a participle of "find"
        if verb.pos_ != "VERB" or lemma not in _MAKING_VERBS:
            continue
        if lemma == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            continue
        is_to = "to" in _aux(verb) and verb.dep_ == "xcomp" and verb.head.lemma_ == "be" \
            and verb.head.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "neg" for c in verb.head.children)
        if not (is_to or _status(verb) == "planned") or _marks(verb) & _CONDITION_MARKS or inside_quotation(verb):
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(c.lower_ in _REPEAT or c.dep_ == "nummod" for c in obj.children) or obj.tag_ in ("NNS", "NNPS"):
            continue  # "another petition", "a new body", "two plants": another of a kind, or several
        holders = [obj] + [c for c in obj.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        acted = next((c for h in holders for c in h.children if _acted_before(c)), None)
        if acted is None:
            continue
        own = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "prt")]
        phrase = [*own, verb]
        if verb.dep_ == "xcomp":
            phrase += [verb.head, *(c for c in verb.head.children if c.dep_ in ("aux", "auxpass"))]
            if verb.head.dep_ == "acomp":
                phrase.append(verb.head.head)  # "is due to": the "is"
        elif "to" in _aux(verb) and verb.head.lemma_ == "be":
            phrase.append(verb.head)  # "is to build"
        yield verb, obj, acted, phrase


def _acted_before(clause: Token) -> bool:
    """A relative clause in the simple past with the relative word as its subject: "that notched"."""
    if clause.dep_ != "relcl" or clause.tag_ != "VBD" or clause.pos_ != "VERB":
        return False
    if clause.lemma_.lower() in _STATE_VERBS or any(c.dep_ in ("neg", "aux", "auxpass") for c in clause.children):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE_WORDS for c in clause.children)


_SAME_PERIOD = re.compile(r"^(?:in|over|during|at|for) (?:the|that) same (?:period|time|months?|weeks?|years?|"
                          r"quarter|days?|span|stretch)$")


def _same_periods(holders: list[Token]) -> list[Token]:
    """"In the same period" on a verb when the model tags no DATE there: the noun "period"."""
    return [obj for h in holders for prep in h.children if prep.dep_ == "prep" and prep.lower_ in
            ("in", "over", "during", "for") for obj in prep.children
            if obj.dep_ == "pobj" and not obj.ent_type_ and obj.lemma_.lower() in ("period", "time", "span")
            and any(c.lower_ == "same" for c in obj.children)]


def same_period_antecedent(token: Token) -> Any:
    """The time phrase "the same period" takes up: the last DATE entity before it in its sentence or the
    two before, itself no "same ..." phrase ("over the past six months ... Over the same period")."""
    doc = token.doc
    here = entity_at(token)
    start = here.start if here is not None else token.i
    first = _sentence_back(token, 2)
    for ent in reversed([e for e in doc.ents if e.label_ == "DATE" and first <= e.start and e.end <= start]):
        if "same" not in ent.text.lower().split():
            return ent
    return None


# Prepositions that name who else takes part in an event: "consultations with unions", "talks between".
_PARTNER_PREPOSITIONS = frozenset({"with", "between", "among"})


def _linked_plural(noun: Token) -> bool:
    """A bare plural event noun with the party it is held with: "consultations with unions", "talks
    between the airlines", "negotiations with the league". Such events recur, so TM01 compares them
    only by stage (finished, then still to begin), never as one occurrence done and planned."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or noun.ent_type_ or not noun.is_alpha:
        return False
    if noun.lemma_.lower() not in event_nouns() or any(c.dep_ in ("det", "nummod", "poss") for c in noun.children):
        return False
    return bool(_partners(noun))


def _introduced_plural(noun: Token) -> bool:
    """A plural thing named for the first time, with no determiner or number: "activated emergency
    payments" (not people, not "200 homes", "some homes", "jobs" of a company's own). TM01 compares
    such a telling only with a later definite mention acted on by the same verb, both dated ("once the
    payments are activated next week")."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or noun.ent_type_ or not noun.is_alpha:
        return False
    if is_person_noun(noun.lemma_.lower()) or inside_quotation(noun):
        return False
    return not any(c.dep_ in ("det", "nummod", "poss", "quantmod") or c.lower_ in _REPEAT for c in noun.children)


def _partners(noun: Token) -> list[str]:
    """The lemmas of who an event is held with: "consultations with unions" -> ["union"]."""
    return sorted(g.lemma_.lower() for c in noun.children if c.dep_ == "prep" and c.lower_ in _PARTNER_PREPOSITIONS
                  for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"))


def _definite_plural(noun: Token) -> bool:
    """A definite plural thing acted on as a whole: "the warehouses", "the council's flats" (not "jobs",
    "some homes", "200 homes", nor a plural of people: "the workers")."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or noun.ent_type_ or not noun.is_alpha:
        return False
    if is_person_noun(noun.lemma_.lower()) or any(c.dep_ == "nummod" for c in noun.children):
        return False
    # the determiner may hang from a misparsed modifier: "the derelict 1960s warehouses"
    dets = [t for left in noun.lefts for t in left.subtree if t.dep_ in ("det", "poss")]
    return bool(dets) and all(d.dep_ == "poss" and d.tag_ != "PRP$" or d.lower_ in ("the", "these", "those")
                              for d in dets)


# A nominal event is told as finished or still to finish by these predicates of its noun.
_COMPLETE = frozenset({"complete", "completed", "finished", "over", "done"})
_NOMINAL_VERBS = frozenset({"finish", "end", "conclude", "begin", "start", "happen", "occur", "proceed"})
_STAGE_VERBS = frozenset({"begin", "start", "proceed"})
_FINISH_VERBS = frozenset({"finish", "complete", "conclude", "end"})
# Adverbs that make a telling a stage of the event, not all of it: "partly demolished".
_PARTIAL = frozenset({"partly", "partially", "half", "largely", "mostly", "nearly", "almost", "barely"})


def _nominal_event(noun: Token) -> tuple[Token, Token, Token, str, frozenset[str]] | None:
    """"Once demolition of the warehouses is complete", "the signing of the accord took place on
    Monday": an event noun that WordNet derives from a verb, the definite thing it is of, and a
    predicate telling whether it has happened. Returns (noun, participant, predicate, status, verbs)."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verbs = event_noun_verbs().get(noun.lemma_.lower())
    if not verbs or verbs & _GENERIC_VERBS:
        return None
    if any(c.dep_ in ("amod", "compound", "nmod") and c.lower_ in _REPEAT for c in noun.children) or any(
            c.dep_ == "det" and c.lower_ not in ("the",) for c in noun.children):
        return None  # "another demolition", "a demolition": not the one event
    participant = None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            participant = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if participant is None or not (_one_off(participant, event=False) or _definite_plural(participant)):
        return None
    head = noun.head
    if head.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in _COMPLETE for c in head.children):
        status = _copula_status(head)
    elif noun.dep_ == "nsubjpass" and head.tag_ == "VBN" and head.lemma_.lower() in _FINISH_VERBS:
        status = _status(head)  # "when renovation of the stadium is finished"
    elif head.pos_ == "VERB" and head.lemma_.lower() in _NOMINAL_VERBS | {"take"}:
        if head.lemma_.lower() == "take" and not any(c.lower_ == "place" for c in head.children):
            return None  # "take place"
        status = _status(head)
        if head.lemma_.lower() in _STAGE_VERBS and status == "done":
            return None  # "demolition of the warehouses began in March": under way, not done
    elif (later := _framed_infinitive(head)) is not None:
        head = later  # "demolition of the warehouses is expected to finish in May", "is due to begin"
        status = _status(head)
    else:
        return None
    if status not in ("done", "planned"):
        return None
    return noun, participant, head, status, verbs


def _named_thing(head: Token) -> Token | None:
    """The common noun a relative clause is about: itself, or the noun a quoted title stands beside
    ("the group's second album, "Tidewater," which ...")."""
    if head.pos_ == "NOUN":
        return head
    if head.pos_ == "PROPN" and head.dep_ == "appos" and head.head.pos_ == "NOUN":
        return head.head
    return None


def _possessive_event(noun: Token) -> tuple[Token, Token, str, list[Token]] | None:
    """"Ahead of the album's release next month", "the bridge's opening last week": an event noun
    WordNet derives from a verb, owned by a definite thing ("the album's"), with a time on the noun
    itself that says which way it lies ("next month": planned; "last week": done; a bare date says
    nothing). A place or other phrase on the noun makes it a part ("the film's release in China"). Returns (noun, the thing, status, the time tokens)."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or inside_quotation(noun):
        return None
    verbs = event_noun_verbs().get(noun.lemma_.lower())
    if not verbs or verbs & _GENERIC_VERBS or any(c.lower_ in _REPEAT or c.dep_ == "neg" for c in noun.children):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "NOUN" or owner.tag_ != "NN" or is_person_noun(owner.lemma_.lower()) \
            or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in owner.children):
        return None
    times = [c for c in noun.children if c.dep_ in ("npadvmod", "tmod", "amod", "compound") and c.ent_type_ == "DATE"
             and c.pos_ == "NOUN"]
    times += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in _AT_PREPOSITIONS
              for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "DATE"]
    if any(c.dep_ == "prep" and not any(g.ent_type_ == "DATE" for g in c.children) for c in noun.children):
        return None  # "the film's release in China next month": one part of the event
    if not times and noun.i + 1 < len(noun.doc) and (after := entity_at(noun.doc[noun.i + 1])) is not None \
            and after.label_ == "DATE" and after.root.head in noun.ancestors \
            and _direction(after.text) == "future" and _told_past(after.root.head):
        times = [after.root]  # "was reworked ahead of the album's release next month": not the past verb's time
    directions = {_direction(_time_phrase(t)) for t in times}
    if directions == {"future"}:
        return noun, owner, "planned", times
    if directions == {"past"}:
        return noun, owner, "done", times
    return None


def _told_past(verb: Token) -> bool:
    """A verb in the simple past or a past passive ("sold out", "was reworked"), which no future time fits."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in verb.children):
        return False
    if verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were")
                                                         for c in verb.children):
        return True
    # a finite past the tagger took for a participle: "tickets for the opening next week sold out"
    return verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and any(c.dep_ == "nsubj" for c in verb.children)


def _possessive_claim(reader: Reader, noun: Token, owner: Token, status: str, times: list[Token]) -> Claim:
    """An event-status claim about the owner ("event:album") with the noun's verbs."""
    doc = noun.doc
    tokens = [noun, owner, *(c for c in owner.children if c.dep_ == "det")]
    for t in times:
        entity = entity_at(t)
        tokens += list(entity) if entity is not None else [t]
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    verbs = event_noun_verbs()[noun.lemma_.lower()]
    sid = reader.add_subject(f"event:{owner.lemma_.lower()}", "event", f"the {owner.text.lower()}",
                             reader.span_of(doc, owner.i, owner.i + 1))
    data: dict[str, Any] = {
        "verb": sorted(verbs)[0], "verbs": sorted(verbs), "noun": noun.lemma_.lower(), "how": "possessive",
        "agent": _nominal_agent(noun), "modifiers": _modifiers(owner),
        "markers": sorted({c.lower_ for c in owner.children if c.lower_ in _REPEAT}),
        "determiner": next((c.lower_ for c in owner.children if c.dep_ == "det"), ""), "plural": False,
        "times": [{"text": _time_phrase(t), "direction": _direction(_time_phrase(t))} for t in times],
    }
    return reader.claim(sid, "event-status", status, doc, start, end, "events", set(), **data)


# Participles and adjectives that put an event on a calendar: "is due next month", "scheduled for May".
_SCHEDULED = frozenset({"due", "schedule", "scheduled", "set", "slate", "slated", "plan", "planned", "expect",
                        "expected", "pencil", "timetable", "timetabled", "book", "booked"})
_NOMINAL_DETERMINERS = frozenset({"the", "its", "their", "this"})


def _timed_nominal(noun: Token) -> tuple[Token, str, list[Token]] | None:
    """A definite event noun WordNet derives from a verb, with no "of" phrase and no named owner, put
    on the calendar by its own words: "ahead of the signing, which is due next month", "the signing,
    scheduled for next week", "the launch is set for next month", "before its launch next month"
    (planned), "since the signing last week" (done). A bare date says nothing; a place or another
    phrase on the noun makes it a part ("the opening to traffic next week"). Returns (noun, status,
    the time tokens)."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or inside_quotation(noun):
        return None
    verbs = event_noun_verbs().get(noun.lemma_.lower())
    if not verbs or verbs & _GENERIC_VERBS or any(c.lower_ in _REPEAT or c.dep_ in ("neg", "nummod", "amod",
                                                                                     "compound", "nmod")
                                                 for c in noun.children):
        return None
    dets = [c for c in noun.children if c.dep_ in ("det", "poss")]
    if len(dets) != 1 or dets[0].lower_ not in _NOMINAL_DETERMINERS:
        return None
    times: list[Token] = []
    holders: list[Token] = []
    for c in noun.children:
        if c.dep_ == "relcl" and c.lemma_ == "be" and any(a.dep_ == "acomp" and a.lower_ in _SCHEDULED
                                                          for a in c.children) and c.tag_ in ("VBZ", "VBP"):
            holders = [c, *(a for a in c.children if a.dep_ == "acomp")]  # "which is due next month"
        elif c.dep_ in ("relcl", "acl") and c.tag_ == "VBN" and c.lemma_.lower() in _SCHEDULED:
            if c.dep_ == "acl" or any(a.dep_ == "auxpass" and a.lower_ in ("is", "are") for a in c.children):
                holders = [c]  # "scheduled for next week", "which is planned for May"
        elif c.dep_ == "prep" and c.lower_ not in _AT_PREPOSITIONS | {"for"}:
            return None  # "the opening to traffic": one part of the event
    head = noun.head
    if noun.dep_ == "nsubjpass" and head.lemma_.lower() in _SCHEDULED and head.tag_ == "VBN" \
            and any(a.dep_ == "auxpass" and a.lower_ in ("is", "are") for a in head.children):
        holders.append(head)  # "the launch is set for next month"
    elif noun.dep_ == "nsubj" and head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP") and any(
            a.dep_ == "acomp" and a.lower_ in _SCHEDULED for a in head.children):
        holders += [head, *(a for a in head.children if a.dep_ == "acomp")]  # "the signing is due next month"
    for h in holders:
        if any(c.dep_ == "neg" for c in h.children):
            return None
        times += [t for t in h.subtree if t.ent_type_ == "DATE" and t.head.ent_type_ != "DATE"
                  and (t.head.i == h.i or t.head.head.i == h.i and t.head.dep_ == "prep")]
    if not holders:
        times = [c for c in noun.children if c.dep_ in ("npadvmod", "tmod") and c.ent_type_ == "DATE"]
    directions = {_direction(_time_phrase(t)) for t in times}
    if holders and times and "past" not in directions:
        return noun, "planned", times  # scheduled: "due next month", "set for May 3"
    if not holders and directions == {"future"}:
        return noun, "planned", times
    if not holders and directions == {"past"}:
        return noun, "done", times
    return None


def _timed_nominal_claim(reader: Reader, by_verb: dict[str, list[tuple[str, Token]]], noun: Token, status: str,
                         times: list[Token]) -> Claim:
    """An event-status claim for "the signing, which is due next month": about the one thing the article
    tells acted on by the noun's verb ("signed an agreement": `event:agreement`) when there is one and, for
    "its"/"their", it is named in this sentence or the one before; else about the noun itself."""
    doc = noun.doc
    verbs = event_noun_verbs()[noun.lemma_.lower()]
    told = [(sid, obj) for v in verbs for sid, obj in by_verb.get(v, ())]
    sid = None
    if len({s for s, _ in told}) == 1:
        det = next(c for c in noun.children if c.dep_ in ("det", "poss"))
        near = _sentence_back(noun, 1)
        if det.lower_ == "the" or any(near <= obj.i < noun.i for _, obj in told):
            sid = told[0][0]
    if sid is None:
        sid = reader.add_subject(f"event:{noun.lemma_.lower()}", "event", f"the {noun.text.lower()}",
                                 reader.span_of(doc, noun.i, noun.i + 1))
    tokens = [noun, *(c for c in noun.children if c.dep_ in ("det", "poss"))]
    for t in times:
        entity = entity_at(t)
        tokens += list(entity) if entity is not None else [t]
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    if end - start > 16:
        start, end = noun.i, noun.i + 1
    data: dict[str, Any] = {
        "verb": sorted(verbs)[0], "verbs": sorted(verbs), "noun": noun.lemma_.lower(), "how": "timed-nominal",
        "agent": None, "modifiers": [], "markers": [], "determiner": tokens[1].lower_, "plural": False,
        "times": [{"text": _time_phrase(t), "direction": _direction(_time_phrase(t))} for t in times],
    }
    return reader.claim(sid, "event-status", status, doc, start, end, "events", set(), **data)


def _framed_infinitive(head: Token) -> Token | None:
    """The event verb under a frame of plans: "is expected to finish", "is due to begin"."""
    holders = [head] + [c for c in head.children if c.dep_ == "acomp"] if head.lemma_ == "be" else [head]
    for holder in holders:
        for c in holder.children:
            if c.dep_ == "xcomp" and c.tag_ == "VB" and c.lemma_.lower() in _NOMINAL_VERBS | _FINISH_VERBS:
                return c
    return None


def _nominal_agent(noun: Token) -> str | None:
    """Who acts in a nominal event: "approval of the merger by regulators" -> "regulator"."""
    for prep in noun.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ == "by":
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ != "PRON":
                return obj.lemma_.lower()
    return None


def _copula_status(be: Token) -> str | None:
    """"is complete" in a "once/when/after/until" clause or with a future time, "will be complete": planned;
    "was complete", "has been complete": done."""
    if any(c.dep_ == "neg" for c in be.children):
        return None
    aux = _aux(be)
    marks = _marks(be)
    if marks & _CONDITION_MARKS or aux & _HYPOTHETICAL:
        return None
    if aux & {"will", "shall", "'ll"}:
        return "planned"
    if be.tag_ == "VBD" or aux & {"has", "have", "had"}:
        return "done"
    if be.tag_ in ("VBZ", "VBP") and (marks & _PLAN_MARKS or _dated(be) == "future"):
        return "planned"
    return None


def _nominal_claim(reader: Reader, noun: Token, participant: Token, head: Token, status: str,
                   verbs: frozenset[str]) -> Claim:
    """An event-status claim about the participant ("event:warehouse") with the noun's verbs."""
    doc = noun.doc
    times = _time_tokens(head)
    tokens = [noun, participant, head, *(c for c in head.children if c.dep_ in ("aux", "acomp", "mark"))]
    for t in times:
        tokens += list(t.subtree)
    tokens += [c for c in noun.children if c.dep_ == "det" and c.i < noun.i]
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    if end - start > 24:
        start, end = min(noun.i, head.i), max(participant.i, head.i) + 1
    lemma = participant.lemma_.lower()
    sid = reader.add_subject(f"event:{lemma}", "event", f"the {participant.text.lower()}",
                             reader.span_of(doc, participant.i, participant.i + 1))
    data: dict[str, Any] = {
        "verb": sorted(verbs)[0], "verbs": sorted(verbs), "noun": noun.lemma_.lower(), "how": "nominal",
        "agent": _nominal_agent(noun), "modifiers": _modifiers(participant),
        "markers": sorted(set(_markers(head, noun)) | {c.lower_ for c in participant.children if c.lower_ in _REPEAT}),
        "determiner": next((c.lower_ for c in participant.children if c.dep_ == "det"), ""),
        "plural": participant.tag_ == "NNS",
        "times": [{"text": _time_phrase(t), "direction": _direction(_time_phrase(t))} for t in times],
    }
    qualifiers = {"quoted"} if inside_quotation(noun) else set()
    return reader.claim(sid, "event-status", status, doc, start, end, "events", qualifiers, **data)


def _antecedent(verb: Token, pronoun: Token, recent: list[Token]) -> Token | None:
    """What "it" stands for: the subject of the main clause for a clause placed before it
    ("Once the presidents sign it, the framework would ..."), else the last event noun read
    in this sentence or the one before, outside quotations."""
    if verb.dep_ == "advcl":
        for c in verb.head.children:
            if c.dep_ in ("nsubj", "nsubjpass") and _one_off(c, event=False):
                return c
    if inside_quotation(pronoun):
        return None
    for noun in reversed(recent):
        if noun.i < pronoun.i and noun.sent.start >= _sentence_back(pronoun, 1) and not inside_quotation(noun):
            return noun
    return None


def _sentence_back(token: Token, count: int) -> int:
    start = token.sent.start
    doc = token.doc
    for _ in range(count):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


def _aux(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _marks(verb: Token) -> set[str]:
    """Subordinators of the verb's clause: "when", "once", "if" (the parser tags a leading "once" as
    an adverb)."""
    return {c.lower_ for c in verb.children if c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")
            or (c.dep_ == "advmod" and c.lower_ == "once" and c.i == verb.left_edge.i)}


def _status(verb: Token) -> str | None:
    """done, ongoing, planned or rescheduled; None when the telling says nothing sure."""
    if verb.lemma_.lower() in _RESCHEDULE:
        return "rescheduled"
    if any(c.dep_ == "neg" for c in verb.children) or any(c.lower_ in _PARTIAL for c in verb.children):
        return None
    aux = _aux(verb)
    marks = _marks(verb)
    if marks & _CONDITION_MARKS:
        return None
    if aux & {"will", "shall", "'ll"}:
        return "planned"
    if aux & _HYPOTHETICAL:
        return "planned" if _reported_plan(verb) else None
    if _pending(verb):
        return "planned"  # "with the protest still to be heard", "the treaty has yet to be signed"
    if verb.tag_ == "VB" and verb.dep_ == "xcomp":
        return _frame_status(verb.head)
    if verb.tag_ == "VB" and "to" in aux and verb.head.lemma_ == "be" and verb.head.tag_ in ("VBZ", "VBP"):
        return "planned"  # "the accord is to be signed"
    if verb.tag_ == "VBD":
        return "done"
    if verb.tag_ == "VBN":
        if aux & {"has", "have", "had", "'s", "'ve", "was", "were"}:
            return "done"
        if aux & {"is", "are", "'re", "am"}:
            return "planned" if marks & _PLAN_MARKS or _dated(verb) == "future" else None
        if verb.dep_ == "acl" and _dated(verb) not in (None, "future"):
            return "done"  # "a study published on Monday"
        if verb.dep_ == "relcl" and not aux:
            return "done"  # "which their presidents signed", tagged as a participle
        return None
    if verb.tag_ in ("VBZ", "VBP"):
        if _habitual(verb):
            return None
        if marks & _PLAN_MARKS or _dated(verb) == "future":
            return "planned"  # "when the festival opens on Sunday", "the vote takes place next week"
        return None  # "the video appears to show": a present of state or of the headline, no schedule
    if verb.tag_ == "VBG" and aux & {"is", "are", "'re", "am"}:
        return "planned" if _dated(verb) == "future" else "ongoing"
    return None


_REPORTING = frozenset({"say", "announce", "confirm", "state", "tell"})


def _reported_plan(verb: Token) -> bool:
    """"The commission said the results would be declared on Friday": "would" in what a simple past
    saying verb reports is the plan it announced. Not "had said", a saying verb with its own time ("said
    last week": the plan may have moved since), a negation, or a condition anywhere in the sentence."""
    if {c.lower_ for c in verb.children if c.dep_ == "aux"} != {"would"} or verb.dep_ != "ccomp":
        return False
    saying = verb.head
    if saying.lemma_.lower() not in _REPORTING or saying.tag_ != "VBD" or _time_tokens(saying):
        return False  # _time_tokens(saying) holds only times on "said" itself, none of the report's
    if any(c.dep_ in ("aux", "neg") for c in saying.children) or any(c.dep_ == "neg" for c in verb.children):
        return False
    return not any(t.lower_ in _CONDITION_MARKS or t.lower_ in ("unless", "provided") for t in verb.sent)


def _acted_by_on(verb: Token) -> bool:
    """A participle with its agent and a date of its own: "declared by the commission on Thursday"."""
    return any(c.dep_ == "agent" for c in verb.children) and _dated(verb) not in (None, "future")


def _bare_plural(noun: Token) -> bool:
    """A plural thing with no determiner or number: "results" (not people, not "200 homes")."""
    return noun.pos_ == "NOUN" and noun.tag_ == "NNS" and not noun.ent_type_ and noun.is_alpha \
        and not is_person_noun(noun.lemma_.lower()) and not any(c.dep_ in ("det", "nummod", "poss", "amod")
                                                                 for c in noun.children)


def _frame_status(frame: Token) -> str | None:
    """Status of "is due to / expected to / plans to" + verb, from the frame."""
    if any(c.dep_ == "neg" for c in frame.children):
        return None
    lemma = frame.lemma_.lower()
    aux = _aux(frame)
    if aux & _HYPOTHETICAL:
        return None
    if aux & {"will", "shall"}:
        return "planned" if lemma in _FRAMES else None
    if lemma not in _FRAMES and frame.lower_ not in _FRAMES:
        return None
    if frame.tag_ in ("VBZ", "VBP"):
        return "planned"
    if frame.tag_ in ("VBN", "JJ", "VBG") and aux & {"is", "are", "'s", "'re", "am"}:
        return "planned"
    if frame.dep_ == "acomp" and frame.head.lemma_ == "be" and frame.head.tag_ in ("VBZ", "VBP"):
        return "planned"  # "is due to sign"
    return None


def _habitual(verb: Token) -> bool:
    return any(t.lower_ in _HABITUAL for t in verb.subtree)


def _time_tokens(verb: Token) -> list[Token]:
    """Roots of the DATE/TIME phrases attached to the verb (directly or through a preposition)."""
    heads = {verb.i} | {c.i for c in verb.children if c.dep_ == "prep"}
    if verb.dep_ == "xcomp":
        heads.add(verb.head.i)
    # "The state government on Wednesday activated": the parser hangs a date set between the subject
    # and its verb on the subject; it is the verb's
    heads |= {p.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i
              for p in c.children if p.dep_ == "prep" and p.lower_ in ("on", "in") and p.right_edge.i == verb.i - 1}
    found = []
    for token in verb.subtree:
        if token.ent_type_ in ("DATE", "TIME") and token.head.i in heads and token.head.ent_type_ not in ("DATE", "TIME"):
            found.append(token)
    if not found and verb.dep_ == "relcl" and verb.head.ent_type_ in ("DATE", "TIME") \
            and any(c.lower_ in ("when", "as") for c in verb.children):
        found.append(verb.head)  # "last autumn, when the warehouses were demolished"
    return found


def _frame_times(frame: Token) -> list[Token]:
    """Roots of the DATE phrases on a frame's own verb ("Last April, ... is expected"), directly or
    through a preposition, not inside its infinitive."""
    heads = {frame.i} | {c.i for c in frame.children if c.dep_ == "prep"}
    return [t for c in frame.children if c.dep_ not in ("xcomp", "ccomp", "advcl", "conj") for t in c.subtree
            if t.ent_type_ == "DATE" and t.head.i in heads and t.head.ent_type_ != "DATE"]


def _time_phrase(token: Token) -> str:
    entity = entity_at(token)
    return entity.text if entity is not None else token.text


def _direction(phrase: str) -> str | None:
    words = set(phrase.lower().split())
    if words & _PAST_WORDS:
        return "past"
    if words & _FUTURE_WORDS:
        return "future"
    if words & {"today", "tonight", "now", "this"}:
        return "present"
    return None


def _dated(verb: Token) -> str | None:
    """The direction of the verb's time phrases: future, past, present, "" for a bare date, None for none."""
    phrases = [_time_phrase(t) for t in _time_tokens(verb)]
    if not phrases:
        return None
    directions = {_direction(p) for p in phrases}
    for d in ("future", "past", "present"):
        if d in directions:
            return d
    return ""


def _modifiers(noun: Token) -> list[str]:
    """The words that say which thing it is: adjectives, compounds, possessors, and what it is "of" ("the age
    of majority" is not "the age of 21")."""
    words = [c.lemma_.lower() for c in noun.children
             if c.dep_ in ("amod", "compound", "poss", "nmod") and c.lower_ not in _REPEAT and c.tag_ not in ("PRP$",)]
    words += [g.lemma_.lower() for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN", "NUM")]
    return sorted(words)


def _markers(verb: Token, noun: Token) -> list[str]:
    """Words that tell one occurrence from another ("again", "second", "another", "return")."""
    # "once" as a subordinator ("Once the accord is signed") is no repeat; "once" as "one time" is
    scope = [t for t in (*verb.children, *noun.children)
             if not (t.lower_ == "once" and (t.dep_ == "mark" or (t.dep_ == "advmod" and t.tag_ == "IN")
                                             or t.i == t.head.left_edge.i))]
    if verb.dep_ == "xcomp":
        scope += list(verb.head.children)
    words = {t.lower_ for t in scope if t.lower_ in _REPEAT and t.ent_type_ not in ("DATE", "TIME")}
    if verb.lemma_.lower().startswith("re") and verb.lemma_.lower() in _RESCHEDULE:
        words.add(verb.lemma_.lower())
    return sorted(words)


_ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                            "tenth"})


def _owned_ordinal(noun: Token) -> str | None:
    """An ordinal that says which of an owner's things is meant ("the group's second album"), not
    another occurrence of an event: a thing with a possessor that is no pronoun ("its second album" may
    be counted from anywhere)."""
    if not any(c.dep_ == "poss" and c.tag_ != "PRP$" for c in noun.children):
        return None
    return next((c.lower_ for c in noun.children if c.dep_ == "amod" and c.lower_ in _ORDINAL_WORDS), None)


def _agent(verb: Token, noun: Token) -> str | None:
    """Who acts: the head word of the subject or of the "by" phrase, climbing frames."""
    current = verb
    for _ in range(3):
        for c in current.children:
            if (c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and current is not verb)) and c.tag_ not in ("WDT", "WP"):
                return c.lemma_.lower() if c.pos_ != "PRON" and c.i != noun.i else None
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                return objs[0].lemma_.lower() if objs else None
        if current.dep_ in ("xcomp", "acomp", "conj") and current.head is not current:
            current = current.head
        else:
            break
    return None


def _claim(reader: Reader, verb: Token, noun: Token, role: str, status: str) -> Claim:
    doc = verb.doc
    lemma = noun.lemma_.lower()
    tokens = [verb, noun, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    if verb.dep_ == "xcomp":
        tokens += [verb.head, *(c for c in verb.head.children if c.dep_ in ("aux", "auxpass"))]
    times = _time_tokens(verb)
    for t in times:
        tokens += [w for w in t.subtree]
    if noun.i < verb.i:
        tokens += [c for c in noun.children if c.dep_ == "det" and c.i < noun.i]
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    if any(t.i > verb.i + 12 or t.i < verb.i - 12 for t in (doc[start], doc[end - 1])):
        start, end = min(verb.i, noun.i), max(verb.i, noun.i) + 1
    det = next((c.lower_ for c in noun.children if c.dep_ == "det"), "")
    sid = reader.add_subject(f"event:{lemma}", "event", f"the {noun.text.lower()}",
                             reader.span_of(doc, noun.i, noun.i + 1))
    markers = _markers(verb, noun)
    ordinal = _owned_ordinal(noun)
    data: dict[str, Any] = {
        "verb": verb.lemma_.lower(), "how": role, "agent": _agent(verb, noun), "modifiers": _modifiers(noun),
        "markers": [m for m in markers if m != ordinal], "ordinal": ordinal, "determiner": det,
        "plural": noun.tag_ == "NNS",
        "partners": _partners(noun),
        "times": [{"text": _time_phrase(t), "direction": _direction(_time_phrase(t))} for t in times],
    }
    qualifiers = {"quoted"} if inside_quotation(verb) else set()
    return reader.claim(sid, "event-status", status, doc, start, end, "events", qualifiers, **data)
