"""Event status: an event told as done, going on, or still to come, with the time it carries.

`event-status` claims have an event subject (`event:LEMMA`, named by its noun: "the accord",
"the festival", "the study") and a value `done`, `ongoing`, `planned` or `rescheduled`.

The event is a verb with its object or subject noun, read from the parse:

- a transitive verb and its definite, singular object: "signed the accord on Tuesday",
  "is due to sign the accord next month", "The framework, which their presidents signed";
- a passive or intransitive verb and its subject, when the subject is an event noun
  (WordNet's acts, events, times and documents, `lexicon.event_nouns()`): "the festival
  opened on Thursday", "when the festival opens on Sunday", "when the study is published";
- a reduced relative: "a study published on Monday".

Status comes from tense, auxiliaries and frames: past tense and perfects are `done`;
"will", "is due/expected/set/scheduled to", "plans to", "is to", "still/yet to be heard", and a present tense in a
"when/once/after/before/until" clause or with a future time ("next month") are `planned`; a progressive is
`ongoing`. Hypothetical, negated and conditional tellings give no claim. A verb of
rescheduling ("postponed the final", "the vote was delayed") gives `rescheduled`.

`data` holds the verb lemma (`verb`), the agent (`agent`, a lower-cased head word), the
noun's modifiers (`modifiers`), repeat markers (`markers`: "again", "second", "another",
"return"), and the time phrases attached to the verb (`times`, with their `direction`:
past, future or present).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..lexicon import event_nouns, is_person_noun
from ..tokens import entity_at
from .qualifiers import inside_quotation

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..ledger import Claim, Reader

_FRAMES = frozenset({"expect", "due", "schedule", "set", "slate", "plan", "intend", "hope", "aim", "prepare",
                     "likely", "poised", "go", "propose", "seek", "want", "pledge", "promise", "vow"})
_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "should", "must", "can", "ca"})
_PLAN_MARKS = frozenset({"when", "once", "after", "before", "until", "till"})
_CONDITION_MARKS = frozenset({"if", "unless", "whether"})
_RESCHEDULE = frozenset({"postpone", "delay", "reschedule", "defer", "cancel", "adjourn", "suspend", "bring",
                         "push", "move", "resume", "reopen", "restart", "rerun", "replay", "repeat", "redo",
                         "revise", "renegotiate", "reschedule", "call"})
_REPEAT = frozenset({"again", "another", "second", "third", "fourth", "return", "repeat", "anew", "once",
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
    doc = reader.ctx.body_doc
    recent: list[Token] = []  # event nouns already read, for "sign it"
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        noun, role = _event_noun(verb, recent)
        if noun is None:
            continue
        status = _status(verb)
        if status is None:
            continue
        recent.append(noun)
        yield _claim(reader, verb, noun, role, status)


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
            if _one_off(child, event=False):
                return child, "object"
            return None, ""
    for child in verb.children:
        if child.dep_ == "nsubjpass" and _one_off(child, event=True):
            return child, "passive"
        if child.dep_ == "nsubj" and not any(c.dep_ in ("dobj", "attr", "acomp", "oprd") for c in verb.children) \
                and _one_off(child, event=True):
            return child, "subject"
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and _one_off(verb.head, event=True):
        return verb.head, "reduced-relative"  # "a study published on Monday"
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


def _status(verb: Token) -> str | None:
    """done, ongoing, planned or rescheduled; None when the telling says nothing sure."""
    if verb.lemma_.lower() in _RESCHEDULE:
        return "rescheduled"
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    aux = _aux(verb)
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")}
    if marks & _CONDITION_MARKS:
        return None
    if aux & {"will", "shall", "'ll"}:
        return "planned"
    if aux & _HYPOTHETICAL:
        return None
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
    found = []
    for token in verb.subtree:
        if token.ent_type_ in ("DATE", "TIME") and token.head.i in heads and token.head.ent_type_ not in ("DATE", "TIME"):
            found.append(token)
    return found


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
    return sorted(c.lemma_.lower() for c in noun.children
                  if c.dep_ in ("amod", "compound", "poss", "nmod") and c.lower_ not in _REPEAT
                  and c.tag_ not in ("PRP$",))


def _markers(verb: Token, noun: Token) -> list[str]:
    """Words that tell one occurrence from another ("again", "second", "another", "return")."""
    scope = [t for t in (*verb.children, *noun.children) if t.dep_ not in ("mark", "advmod") or t.lower_ != "once"
             or t.tag_ != "IN"]
    if verb.dep_ == "xcomp":
        scope += list(verb.head.children)
    words = {t.lower_ for t in scope if t.lower_ in _REPEAT and t.ent_type_ not in ("DATE", "TIME")}
    if verb.lemma_.lower().startswith("re") and verb.lemma_.lower() in _RESCHEDULE:
        words.add(verb.lemma_.lower())
    return sorted(words)


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
    data: dict[str, Any] = {
        "verb": verb.lemma_.lower(), "how": role, "agent": _agent(verb, noun), "modifiers": _modifiers(noun),
        "markers": _markers(verb, noun), "determiner": det,
        "times": [{"text": _time_phrase(t), "direction": _direction(_time_phrase(t))} for t in times],
    }
    qualifiers = {"quoted"} if inside_quotation(verb) else set()
    return reader.claim(sid, "event-status", status, doc, start, end, "events", qualifiers, **data)
