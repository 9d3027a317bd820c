"""role/title: a person's title replaced on a later mention by one the person cannot also hold.

A first mention with a title ("Chancellor Gordon Brown", "Eric Schmidt, chief executive of
Google", "its chairman, John Bond") gives the role; a later mention of the same surname then
gets an office of the same world that does not go with it: another cabinet post or an
opposition one for a minister ("Home Secretary Gordon Brown", "shadow chancellor Gordon
Brown"), another prime post abroad ("Russian Prime Minister Vladimir Putin"), another board
post in a firm ("finance director Eric Schmidt"). Phrasings: the title put before the name
("prefixed"), an apposition ("Mr Brown, the home secretary, said"), or a later title swapped
("swapped"). Synonyms (Tory/Conservative leader) and posts one person often holds together
(chairman and chief executive, president and chief executive) are never swapped for each other.
"""

from __future__ import annotations

import random
import re

from .base import ArticleFacts, Mention, Mutant, Pools, is_full_name, make_mutant, norm, replace, shuffled

#: Roles by world; within a world any two differ, except the pairs in COMPATIBLE.
GOVERNMENT = ("Prime Minister", "Chancellor", "Home Secretary", "Foreign Secretary", "Defence Secretary",
              "Health Secretary", "Education Secretary", "Culture Secretary", "Trade Secretary",
              "Transport Secretary", "Deputy Prime Minister", "Environment Secretary", "Work and Pensions Secretary")
OPPOSITION = ("Tory leader", "Lib Dem leader", "shadow chancellor", "shadow home secretary",
              "shadow foreign secretary", "shadow health secretary", "Conservative leader", "Liberal Democrat leader")
ABROAD = ("President", "Prime Minister", "Finance Minister", "Foreign Minister", "Vice-President")
BOARD = ("chief executive", "chairman", "finance director", "chief financial officer", "chief operating officer",
         "managing director")
SAME = (frozenset({"Tory leader", "Conservative leader"}), frozenset({"Lib Dem leader", "Liberal Democrat leader"}),
        frozenset({"finance director", "chief financial officer"}))
COMPATIBLE = SAME + (frozenset({"chairman", "chief executive"}), frozenset({"managing director", "chief executive"}),
                     frozenset({"Prime Minister", "Tory leader"}), frozenset({"Prime Minister", "Conservative leader"}))
_BRITISH = GOVERNMENT + OPPOSITION


def _alternatives(role: str, foreign: bool) -> list[str]:
    """Roles a person holding `role` cannot also hold, and that a writer might confuse with it.

    Cabinet posts for a cabinet post, plus its shadow ("Chancellor" -> "shadow chancellor");
    opposition posts for an opposition post, plus the post it shadows, never another party's
    leader; the other top posts abroad; the other board posts in a firm.
    """
    low = role.lower()
    if foreign and low in (r.lower() for r in ABROAD):
        pool = list(ABROAD)
    elif low in (r.lower() for r in GOVERNMENT):
        pool = [*GOVERNMENT, *(r for r in OPPOSITION if r.lower() == f"shadow {low}")]
    elif low in (r.lower() for r in OPPOSITION):
        shadowed = [r for r in GOVERNMENT if f"shadow {r.lower()}" == low]
        pool = [*(r for r in OPPOSITION if "leader" not in r or "leader" not in low), *shadowed]
    elif low in BOARD:
        pool = list(BOARD)
    else:
        return []
    return [r for r in pool if r.lower() != low and not any(
        frozenset({r.lower(), low}) == frozenset(x.lower() for x in pair) for pair in COMPATIBLE)]


_ROLES = sorted({r for r in GOVERNMENT + OPPOSITION + ABROAD + BOARD}, key=len, reverse=True)
_ROLE = "|".join(re.escape(r) for r in _ROLES)
_BEFORE = re.compile(rf"(?:\b([A-Za-z-]+) )?\b({_ROLE}),? $", re.IGNORECASE)
#: Words before a title that make it not the person's present post ("former chancellor", "ex-chairman").
_NOT_NOW = re.compile(r"(\b(former|outgoing|then|future|new|acting|incoming|next|late|interim|would-be)\s+|\bex-)$",
                      re.IGNORECASE)
_AFTER = re.compile(rf"^, (?:the |its |the firm's |the company's |[A-Z][\w&]*'s )?({_ROLE})\b", re.IGNORECASE)


def titled_people(facts: ArticleFacts) -> list[tuple[Mention, str, bool, int, int]]:
    """First mentions of people with a title: (mention, role, foreign, role start, role end)."""
    body = facts.article.body
    found = []
    seen: set[str] = set()
    for m in facts.people():
        if not is_full_name(m.text):
            continue
        surname = norm(m.text).split()[-1]
        if surname in seen:
            continue
        before = _BEFORE.search(body[max(0, m.start - 60):m.start])
        after = _AFTER.match(body[m.end:m.end + 60])
        role_start = max(0, m.start - 60) + before.start(2) if before else m.end + after.start(1) if after else 0
        if (before or after) and _NOT_NOW.search(body[max(0, role_start - 12):role_start]):
            seen.add(surname)  # a former or future post: later mentions may rightly differ
            continue
        if before:
            role = before.group(2)
            offset = max(0, m.start - 60)
            foreign = bool(before.group(1)) and before.group(1) not in ("British", "UK", "Labour") \
                and before.group(1)[0].isupper() and before.group(1).endswith(("an", "ese", "ish", "i", "ch"))
            found.append((m, role, foreign, offset + before.start(2), offset + before.end(2)))
        elif after:
            found.append((m, after.group(1), False, m.end + after.start(1), m.end + after.end(1)))
        else:
            continue
        seen.add(surname)
    return found


def _role_case(role: str, sentence_start: bool) -> str:
    """How the role is written before a name: offices capitalised, board posts lower case."""
    if role.lower() in BOARD or role.startswith("shadow"):
        return role[0].upper() + role[1:] if sentence_start else role
    return role


_PROPER = ("Tory", "Lib Dem", "Conservative", "Liberal Democrat")


def _in_apposition(role: str) -> str:
    """A role after "the", as the BBC writes it: lower case but for party names ("the Tory leader")."""
    low = role.lower()
    for proper in _PROPER:
        low = low.replace(proper.lower(), proper)
    return low


def mutate_title(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Give a later mention of a titled person a title the person cannot also hold."""
    article, body = facts.article, facts.article.body
    for first, role, foreign, _, _ in shuffled(titled_people(facts), rng):
        options = _alternatives(role, foreign)
        if not options:
            continue
        new_role = rng.choice(options)
        role = role.lower() if role.lower() in BOARD else role
        full = norm(first.text)
        surname = full.split()[-1]
        later = [m for m in facts.people() if m.start > first.end + 20 and norm(m.text).split()[-1:] == [surname]
                 and not getattr(facts.token_after(m.start), "quoted", True)]
        edits = []  # variant, start, end, new text, quote start, quote end before the edit
        for m in later:
            mr = re.search(r"\b(Mr|Mrs|Ms|Dr) $", body[:m.start])
            offset = max(0, m.start - 60)
            titled = _BEFORE.search(body[offset:m.start])
            if titled and titled.group(2).lower() == role.lower():
                start, end = offset + titled.start(2), offset + titled.end(2)
                edits.append(("swapped", start, end, _role_case(new_role, False), start, m.end))
            elif mr:
                sentence_start = bool(re.search(r"(^|[.!?]\s+|\n)$", body[:mr.start()]))
                edits.append(("prefixed", mr.start(), m.end, f"{_role_case(new_role, sentence_start)} {full}",
                              mr.start(), m.end))
                if re.match(r" [a-z]", body[m.end:m.end + 2]):
                    edits.append(("apposition", m.end, m.end, f", the {_in_apposition(new_role)},", mr.start(),
                                  m.end))
        for variant, start, end, new, q_start, q_end in shuffled(edits, rng):
            mutated = replace(article, "body", start, end, new)
            made = make_mutant("role", "title", facts, mutated, "body", q_start, q_end + len(new) - (end - start),
                               f"{full} is introduced as {role} and later called {new_role}.",
                               {"variant": variant, "person": full, "role": role, "new_role": new_role})
            if made:
                return made
    return None
