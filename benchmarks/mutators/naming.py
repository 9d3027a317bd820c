"""naming/first-name: a later mention of a person gets another first name (Gordon Brown ... Peter Brown)."""

from __future__ import annotations

import random
import re

from consistency import Article

from .base import FIRST_NAMES, ArticleFacts, Mutant, Pools, appears, is_full_name, make_mutant, norm, replace


def mutate_first_name(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Give a later mention of a person (full name or surname) another first name."""
    article = facts.article
    people = facts.people()
    full = [m for m in people if is_full_name(m.text)]
    full_names_by_surname: dict[str, set[str]] = {}
    for m in full:
        full_names_by_surname.setdefault(norm(m.text).split()[-1], set()).add(norm(m.text))
    full = [m for m in full if len(full_names_by_surname[norm(m.text).split()[-1]]) == 1]
    choices = []  # (start, end) of the text replaced, the new mention's end offset after it, variant
    for first in full:
        parts = norm(first.text).split()
        surname = parts[-1]
        for later in people:
            if later.start <= first.start:
                continue
            later_parts = norm(later.text).split()
            if later_parts == parts:  # the same full name again: change its first name
                choices.append((later.start, later.start + len(parts[0]), later.start + len(norm(later.text)),
                                parts[0], "full", norm(first.text)))
            elif later_parts == [surname]:  # surname alone (after "Mr"?): put a first name before it
                title = re.search(r"\b(Mr|Mrs|Ms|Miss|Dr)\.? $", article.body[: later.start])
                start = title.start() if title else later.start
                choices.append((start, later.start, later.start + len(surname), None, "surname", norm(first.text)))
    rng.shuffle(choices)
    for start, end, mention_end, old_first, variant, first_name in choices:
        new_first = fresh_first_name(article, rng, avoid=old_first)
        new = new_first if variant == "full" else new_first + " "
        mutated = replace(article, "body", start, end, new)
        stop = mention_end + len(new) - (end - start)
        found = make_mutant("naming", "first-name", facts, mutated, "body", start, stop,
                            f"{first_name} is later called {mutated.body[start:stop]}.",
                            {"variant": variant, "original": article.body[start:mention_end],
                             "new": mutated.body[start:stop]})
        if found:
            return found
    return None


def fresh_first_name(article: Article, rng: random.Random, avoid: str | None, names: tuple[str, ...] = FIRST_NAMES
                     ) -> str:
    """A first name from `names` that the article never uses."""
    options = [n for n in names if n != avoid and not appears(article, n)]
    return rng.choice(options)
