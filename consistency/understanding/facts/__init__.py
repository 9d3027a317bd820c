"""Fact extractors: one module per kind of fact, each a function `extract(reader)`.

Each reads the dependency parse through a shared `Reader` (subjects, coreference,
positions) and yields `Claim`s; `EXTRACTORS` is the order the ledger runs them in.
`qualify` gives the time and stance qualifiers every extractor attaches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from . import (
    ages,
    borders,
    capitals,
    distances,
    events,
    headline,
    kin,
    names,
    nationality,
    places,
    quantities,
    quotes,
    region_capitals,
    roles,
    routes,
)

if TYPE_CHECKING:
    from ..ledger import Claim, Reader

Extractor = Callable[["Reader"], Iterable["Claim"]]

EXTRACTORS: tuple[Extractor, ...] = (
    names.extract,
    roles.extract,
    ages.extract,
    kin.extract,
    nationality.extract,
    events.extract,
    headline.extract,
    quantities.extract,
    quotes.extract,
    kin.extract_spoken,
    places.extract,
    borders.extract,
    capitals.extract,
    region_capitals.extract,
    routes.extract,
    distances.extract,
)

__all__ = ["EXTRACTORS", "Extractor"]
