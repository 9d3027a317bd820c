"""headline: a headline the body does not support.

- `headline/actor` and `headline/place`: the headline's person or organisation (actor) or place,
  named again in the body, is swapped for one of the same kind from other articles that this
  one never mentions.
"""

from __future__ import annotations

import random

from .base import ArticleFacts, Mutant, Pools, appears, make_mutant, norm, replace


def _swap(facts: ArticleFacts, rng: random.Random, pools: Pools, labels: tuple[str, ...], subkind: str
          ) -> Mutant | None:
    article = facts.article
    in_body = {(m.label, norm(m.text)) for m in facts.mentions if m.field == "body"}
    heads = [m for m in facts.mentions if m.field == "title" and m.label in labels
             and (m.label, norm(m.text)) in in_body and norm(m.text).lower() not in pools.common_words]
    rng.shuffle(heads)
    for head in heads:
        original = norm(head.text)
        words = set(original.lower().split())
        pool = [p for p in pools.by_label.get(head.label, []) if not words & set(p.lower().split())
                and not appears(article, p)]
        if not pool:
            continue
        new = rng.choice(pool)
        start = head.start + head.text.find(original)
        mutated = replace(article, "title", start, start + len(original), new)
        found = make_mutant("headline", subkind, facts, mutated, "title", start, start + len(new),
                            f"The headline names {new}; the body is about {original}.",
                            {"variant": head.label, "label": head.label, "original": original, "new": new})
        if found:
            return found
    return None


def mutate_actor(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Swap the headline's person or organisation for one the article never mentions."""
    return _swap(facts, rng, pools, ("PERSON", "ORG"), "actor")


def mutate_place(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Swap the headline's place for one the article never mentions."""
    return _swap(facts, rng, pools, ("GPE",), "place")
