"""group-drift/nationality: a group, organisation or person given another nationality later on.

The nationality first given ("Japanese customers", "Russian oil giant Yukos", "Italian
businessman Calisto Tanzi") changes at a later mention to a neighbouring country's, as a
writer's slip would: "the Japanese customers" -> "the South Korean customers" ("restated"),
"the customers" -> "the South Korean customers" ("later-noun"), "Yukos" -> "the Ukrainian oil
giant Yukos" ("organisation"), "Mr Tanzi" -> "Spanish businessman Calisto Tanzi" ("person").
Neighbours come from GeoNames' land borders (the nearest countries for islands).
"""

from __future__ import annotations

import random
import re

from .base import ArticleFacts, Mention, Mutant, Pools, appears, make_mutant, norm, replace, shuffled
from .places import ADJECTIVES, country_name, nearby_countries

CODE_OF = {adjective: code for code, adjective in ADJECTIVES.items()} | {"US": "US", "UK": "GB"}


_WHAT = {"restated": "group", "later-noun": "group", "organisation": "organisation", "person": "person"}


def _other_nationality(facts: ArticleFacts, code: str, rng: random.Random) -> str | None:
    options = [ADJECTIVES[c] for c in nearby_countries().get(code, ()) if c in ADJECTIVES
               and not appears(facts.article, ADJECTIVES[c])
               and not appears(facts.article, country_name(c).removeprefix("the "))]
    return rng.choice(options) if options else None


def _nationalities(facts: ArticleFacts) -> list[Mention]:
    """Body mentions of a nationality: NORP entities known to `ADJECTIVES`, and "US"/"UK" used as modifiers."""
    return [m for m in facts.mentions if m.field == "body" and m.text in CODE_OF
            and (m.label == "NORP" or (m.label == "GPE" and m.text in ("US", "UK")))]


def _noun_after(facts: ArticleFacts, mention: Mention) -> tuple[int, int, str] | None:
    """The noun a nationality modifies, directly after it: (start, end, lemma)."""
    token = facts.token_after(mention.end)
    if token is None or token.start != mention.end + 1 or token.pos != "NOUN":
        return None
    return token.start, token.end, token.lemma.lower()


def _nominal(facts: ArticleFacts, start: int, end: int) -> bool:
    """True when every token between the offsets is a noun or adjective ("oil giant", "car firm")."""
    token = facts.token_after(start)
    while token is not None and token.start < end:
        if token.pos not in ("NOUN", "ADJ"):
            return False
        token = facts.token_after(token.end)
    return True


def mutate_nationality(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Change the nationality of a group, organisation or person at a later mention."""
    article, body = facts.article, facts.article.body
    edits = []  # variant, start, end, new (with {adj}), quote start, quote end before the edit, first, code
    nationalities = _nationalities(facts)
    orgs = [m for m in facts.mentions if m.field == "body" and m.label == "ORG"]
    people = facts.people()
    for first in nationalities:
        code = CODE_OF[first.text]
        noun = _noun_after(facts, first)
        if noun is not None:
            for later in nationalities:
                later_noun = _noun_after(facts, later)
                if later.start > first.end and later.text == first.text and later_noun and later_noun[2] == noun[2]:
                    edits.append(("restated", later.start, later.end, "{adj}", later.start, later_noun[1], first,
                                  code))
            word = body[noun[0]:noun[1]]
            for m in re.finditer(rf"\b[Tt]he ({re.escape(word)})\b", body[noun[1]:]):
                at = noun[1] + m.start(1)
                before = body[max(0, at - 4):at]
                if before in ("the ", "The "):
                    edits.append(("later-noun", at, at, "{adj} ", at, at + len(word), first, code))
        phrase = re.match(r" ((?:[a-z-]+ ){0,3})", body[first.end:])
        if phrase and not _nominal(facts, first.end, first.end + 1 + len(phrase.group(1))):
            phrase = None  # "the US is to pay Fiat": no noun phrase ties the nationality to the name
        for org in orgs:
            if phrase is None or org.start != first.end + 1 + len(phrase.group(1)):
                continue
            words = phrase.group(1).strip()
            for later in orgs:
                if later.start > org.end and later.text == org.text and not re.match(r"['’]", body[later.end:]) \
                        and not re.search(r"\b(the|The|[A-Za-z]+ian|[A-Z][a-z]+) $", body[:later.start]):
                    cap = bool(re.search(r"(^|[.!?]\s+|\n)$", body[:later.start]))
                    lead = ("The" if cap else "the") + " {adj} " + (f"{words} " if words else "")
                    edits.append(("organisation", later.start, later.start, lead, later.start, later.end, first,
                                  code))
        for person in people:
            if phrase is None or person.start != first.end + 1 + len(phrase.group(1)) or not phrase.group(1):
                continue
            full = norm(person.text)
            surname = full.split()[-1] if full else ""
            for later in people:
                mr = re.search(r"\b(Mr|Mrs|Ms|Dr) $", body[:later.start])
                if later.start > person.end and mr and norm(later.text) == surname:
                    edits.append(("person", mr.start(), later.end, "{adj} " + f"{phrase.group(1)}{full}", mr.start(),
                                  later.end, first, code))
    for variant, start, end, new, q_start, q_end, first, code in shuffled(edits, rng):
        adjective = _other_nationality(facts, code, rng)
        if adjective is None:
            continue
        text = new.format(adj=adjective)
        mutated = replace(article, "body", start, end, text)
        made = make_mutant("group-drift", "nationality", facts, mutated, "body", q_start,
                           q_end + len(text) - (end - start),
                           f"Described as {first.text} earlier, the same {_WHAT[variant]} is {adjective} at a "
                           f"later mention.",
                           {"variant": variant, "first": first.text, "new": adjective})
        if made:
            return made
    return None
