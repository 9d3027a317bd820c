"""The mutations of `benchmarks/mutations.py`, one module per kind, and the seeded draw of mutants.

Kinds and subkinds are named as the blind development set names its items (`naming`,
`kinship`, `role`, `group-drift`, `attribution`, `temporal`, `numeric`, `geography`,
`headline`), so the two tables can be read side by side.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import attribution, groups, headline, kinship, naming, numeric, places, roles, temporal
from .base import ArticleFacts, Mutant, Pools, extract_facts

__all__ = ["KINDS", "MUTATIONS", "ArticleFacts", "Mutant", "Mutation", "Pools", "extract_facts", "make_mutants",
           "select"]

Mutator = Callable[[ArticleFacts, random.Random, Pools], "Mutant | None"]


@dataclass(frozen=True)
class Mutation:
    """One kind/subkind of injected inconsistency and the function that makes it."""

    kind: str
    subkind: str
    mutate: Mutator

    @property
    def name(self) -> str:
        """"kind/subkind"."""
        return f"{self.kind}/{self.subkind}"


MUTATIONS: tuple[Mutation, ...] = (
    Mutation("naming", "first-name", naming.mutate_first_name),
    Mutation("kinship", "surname", kinship.mutate_kin_surname),
    Mutation("role", "title", roles.mutate_title),
    Mutation("group-drift", "nationality", groups.mutate_nationality),
    Mutation("attribution", "second-speaker", attribution.mutate_second_speaker),
    Mutation("temporal", "weekday", temporal.mutate_weekday),
    Mutation("temporal", "event-status", temporal.mutate_event_status),
    Mutation("temporal", "age", temporal.mutate_age),
    Mutation("numeric", "restated-value", numeric.mutate_restated_value),
    Mutation("numeric", "parts-total", numeric.mutate_parts_total),
    Mutation("geography", "country", places.mutate_country),
    Mutation("geography", "neighbour", places.mutate_neighbour),
    Mutation("geography", "region", places.mutate_region),
    Mutation("headline", "actor", headline.mutate_actor),
    Mutation("headline", "place", headline.mutate_place),
    Mutation("headline", "polarity", headline.mutate_polarity),
    Mutation("headline", "figure", headline.mutate_figure),
)
KINDS: tuple[str, ...] = tuple(dict.fromkeys(m.kind for m in MUTATIONS))


def select(names: Sequence[str] | None = None) -> list[Mutation]:
    """The mutations named by kind ("numeric") or kind/subkind ("numeric/parts-total"); all by default.

    Raises ValueError naming what matched nothing.
    """
    if not names:
        return list(MUTATIONS)
    unknown = [n for n in names if not any(n in (m.kind, m.name) for m in MUTATIONS)]
    if unknown:
        raise ValueError(f"unknown kinds: {', '.join(unknown)}")
    return [m for m in MUTATIONS if m.kind in names or m.name in names]


def candidates(facts: Sequence[ArticleFacts], mutation: Mutation, seed: int, pools: Pools
               ) -> list[Mutant]:
    """Every mutant this mutation makes, one per article at most, in the seeded order of the articles.

    Each (article, mutation) draws from its own generator seeded by the seed, the article and
    the mutation, so a mutant does not change when the sample around it does.
    """
    order = list(facts)
    random.Random(f"{seed}:{mutation.name}").shuffle(order)
    made = []
    for f in order:
        mutant = mutation.mutate(f, random.Random(f"{seed}:{mutation.name}:{f.source}"), pools)
        if mutant is not None:
            made.append(mutant)
    return made


def make_mutants(facts: Sequence[ArticleFacts], seed: int, per_subkind: int | None,
                 kinds: Sequence[str] | None = None, eligible: dict[str, int] | None = None) -> list[Mutant]:
    """Up to `per_subkind` mutants of each kind/subkind, from articles drawn in a seeded order.

    `eligible`, when given, receives the number of articles each mutation could edit.
    """
    pools = Pools.build(facts)
    mutants = []
    for mutation in select(kinds):
        made = candidates(facts, mutation, seed, pools)
        if eligible is not None:
            eligible[mutation.name] = len(made)
        mutants.extend(made if per_subkind is None else made[:per_subkind])
    return mutants
