"""Rule family `roles`: offices that contradict each other.

Codes:
    RL01 roles.office-conflict: one person given two incompatible offices.
    RL02 roles.office-holder-conflict: two people holding one unique office at once.

Data sources: offices come from `ctx.people` (`consistency.people`): titles before names
("Foreign Minister Sergei Lavrov") and appositions ("X, the mayor of Leeds"); bodies are
resolved against the gazetteer (`consistency.gazetteer`) to compare countries and cities.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from consistency import Rule, Severity, hookimpl
from consistency.people import Office, Person, optional_gazetteer, party_of

if TYPE_CHECKING:
    from consistency.analysis import ArticleAnalysis
    from consistency.models import Finding

# Posts one person holds once (one mayoralty, one presidency): two bodies are a conflict.
_ONE_PER_PERSON = frozenset({"mayor", "president", "prime minister", "chancellor", "governor", "king", "queen",
                             "foreign minister", "foreign secretary", "home secretary", "finance minister",
                             "defence minister", "defence secretary", "interior minister", "chief executive",
                             "finance chief", "chief operating officer", "mp", "senator"})
# Posts of one body that exclude each other in one person.
_GOVERNMENT = frozenset({"prime minister", "foreign minister", "foreign secretary", "home secretary",
                         "finance minister", "defence minister", "defence secretary", "interior minister",
                         "justice minister", "health minister", "health secretary", "education secretary",
                         "education minister", "trade minister", "economy minister", "energy minister",
                         "transport secretary", "environment secretary", "culture secretary",
                         "trade and industry secretary", "work and pensions secretary"})
_CORPORATE = frozenset({"chief executive", "finance chief", "chief operating officer"})
# The same post under two names ("Foreign Secretary" is the UK's foreign minister).
_SAME_POST = {
    frozenset({"foreign minister", "foreign secretary"}), frozenset({"defence minister", "defence secretary"}),
    frozenset({"health minister", "health secretary"}), frozenset({"education minister", "education secretary"}),
    frozenset({"finance minister", "chancellor"}), frozenset({"interior minister", "home secretary"}),
    frozenset({"president", "chief executive"}),
}
# Posts with a single holder per body at a time.
_SINGLE_HOLDER = _ONE_PER_PERSON - {"mp", "senator"} | _GOVERNMENT | {"chairman", "speaker"}


@lru_cache(maxsize=2048)
def place_kind(body: str) -> tuple[str, str] | None:
    """("country", ISO2) or ("place", name) when the body is a known place, else None."""
    gaz = optional_gazetteer()
    if gaz is None:
        return None
    try:
        country = gaz.country(body) or gaz.country_of_demonym(body)
        if country is not None:
            return ("country", country.code)
        if gaz.regions(body) or gaz.cities(body):
            return ("place", body.lower())
    except Exception:  # noqa: BLE001
        return None
    return None


def bodies_conflict(a: str, b: str) -> bool:
    """Two bodies that are different places of one kind (two countries, two cities)."""
    ka, kb = place_kind(a), place_kind(b)
    if ka is None or kb is None or ka[0] != kb[0]:
        return False
    if ka[0] == "country":
        gaz = optional_gazetteer()
        return ka[1] != kb[1] and not (gaz is not None and gaz.same_country(ka[1], kb[1]))
    return ka[1] != kb[1] and ka[1] not in kb[1] and kb[1] not in ka[1]


def _same_post(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in _SAME_POST


def _usable(person: Person) -> list[Office]:
    """The person's current offices, from mentions that surely name them; one per distinct office,
    so that pair loops stay small however often an office is repeated."""
    distinct: dict[tuple[str, str | None, frozenset[str]], Office] = {}
    for o in person.offices:
        if o.is_current and not o.mention.ambiguous:
            distinct.setdefault((o.role, o.body, o.rank), o)
    return list(distinct.values())


def _same_sentence(ctx: ArticleAnalysis, a: Office, b: Office) -> bool:
    if a.field != b.field:
        return False
    doc = ctx.doc(a.field)
    return doc[a.mention.token_start].sent.start == doc[b.mention.token_start].sent.start


class OfficeConflict(Rule):
    """One person is given two offices that cannot both be true.

    What it flags:
        A person called "the mayor of Leeds" and later "the mayor of York", the president
        of two countries, both "chief executive" and "finance chief" of one company, or
        an office of two parties ("Labour MP", later "Tory MP"), with nothing marking either
        office as former, acting, future or shadow.

    Why it matters:
        A person's office is a checkable fact; two incompatible offices mean one is wrong
        or the text mixes up two people.

        A warning, not an error: a person can hold an office after another, and the story
        may span both.

    Example:
        Mayor opens bridge
        Mayor of Leeds John Smith opened the bridge on Monday. Smith, the mayor of York,
        cut the ribbon.

    Not flagged:
        Chancellor visits constituency
        Chancellor Gordon Brown spoke in Kirkcaldy. Mr Brown, the MP for Kirkcaldy, was
        joined by Jane Doe, the chairman and chief executive of Acme. John Smith, the
        former mayor of Leeds, is now the mayor of York.

    Sources:
        Places from the project gazetteer (GeoNames).
    """

    code = "RL01"
    name = "roles.office-conflict"
    default_severity = Severity.warning
    requires = ("entities", "people", "gazetteer")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        for person in ctx.people:
            offices = _usable(person)
            reported: set[tuple[str, str]] = set()
            for i, a in enumerate(offices):
                for b in offices[i + 1:]:
                    finding = self._pair(ctx, person, a, b, reported)
                    if finding is not None:
                        yield finding

    def _pair(self, ctx: ArticleAnalysis, person: Person, a: Office, b: Office,
              reported: set[tuple[str, str]]) -> Finding | None:
        if _same_sentence(ctx, a, b):
            return None
        party_a, party_b = party_of(a.body_text), party_of(b.body_text)
        if party_a and party_b and party_a != party_b:
            kind = "party"
            message = (f"{person.name} is called {a.text} and {b.text}: {a.body_text} and {b.body_text} "
                       f"are different parties.")
        elif a.rank != b.rank:
            return None
        elif _same_post(a.role, b.role) and a.role in _ONE_PER_PERSON and a.body and b.body \
                and bodies_conflict(a.body, b.body):
            kind = "body"
            message = (f"{person.name} is called {a.text} and then {b.text}, but holds that post for only one of "
                       f"{a.body_text} and {b.body_text}.")
        elif not _same_post(a.role, b.role) and (a.body == b.body or not a.body or not b.body):
            group = _GOVERNMENT if a.role in _GOVERNMENT else _CORPORATE if a.role in _CORPORATE else None
            if group is None or b.role not in group:
                return None
            kind = "role"
            message = f"{person.name} is called {a.text} and {b.text}, two posts one person does not hold together."
        else:
            return None
        key = (a.text.lower(), b.text.lower())
        if key in reported:
            return None
        reported.add(key)
        return self.finding(message, [b.to_span()], [a.to_span()], confidence=0.7,
                            data={"person": person.name, "offices": [a.text, b.text], "kind": kind})


class OfficeHolderConflict(Rule):
    """Two different people are said to hold the same single-holder office at once.

    What it flags:
        "Foreign Minister A" and "Foreign Minister B" of one country, or two mayors of one
        city, both presented as current holders: no former, acting, shadow, deputy or
        junior marker, and the body (country, city, company) named for both.

    Why it matters:
        One of the two names is wrong, or an outdated office holder is presented as current.

        A warning, not an error: the two may have held the office one after the other.

    Example:
        Ministers meet
        Russian Foreign Minister Sergei Lavrov met the press. Russian Foreign Minister
        Andrei Kozyrev answered questions.

    Not flagged:
        Ministers meet
        Russian Foreign Minister Sergei Lavrov met his Belarusian counterpart. Former Russian
        Foreign Minister Andrei Kozyrev and shadow foreign secretary Liam Fox watched, with
        Belarusian Foreign Minister Vladimir Makei.

    Sources:
        Places from the project gazetteer (GeoNames).
    """

    code = "RL02"
    name = "roles.office-holder-conflict"
    default_severity = Severity.warning
    requires = ("entities", "people", "gazetteer")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        holders: list[tuple[Person, Office]] = [
            (p, o) for p in ctx.people for o in _usable(p)
            if o.role in _SINGLE_HOLDER and o.body and not o.rank
        ]
        reported: set[tuple[int, int]] = set()
        for i, (p, a) in enumerate(holders):
            for q, b in holders[i + 1:]:
                if p is q or (p.id, q.id) in reported or not _same_post(a.role, b.role) or a.body != b.body:
                    continue
                if (p.surname or "").lower() == (q.surname or "").lower():
                    continue  # one surname, two first names: NM02 reports it
                reported.add((p.id, q.id))
                message = (f"{p.name} and {q.name} are both called {a.body_text} {a.role}, "
                           f"a post one person holds at a time.")
                yield self.finding(message, [b.to_span(), b.mention.to_span()], [a.to_span(), a.mention.to_span()],
                                   confidence=0.6,
                                   data={"office": f"{a.body} {a.role}", "holders": [p.name, q.name]})


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return [OfficeConflict, OfficeHolderConflict]
