"""Rule family `roles`: offices that contradict each other.

Codes:
    RL01 roles.office-conflict: one person given two incompatible offices.
    RL02 roles.office-holder-conflict: two people holding one unique office at once.
    RL03 roles.role-class-conflict: one person given two roles of classes that exclude each other.
    RL04 roles.role-organisation-conflict: one person's role placed at two organisations.
    RL05 roles.single-holder-conflict: two people given one organisation's single-holder role.

Data sources: every rule reads the claims ledger's `role` claims (consistency/understanding/facts/roles.py):
RL03-RL05 directly, RL01 and RL02 as `ctx.people` offices (consistency/understanding/offices.py, a view of
those claims with bodies made canonical); bodies are resolved against the gazetteer
(`consistency.understanding.gazetteer`) to compare countries and cities.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from consistency import Rule, Severity, hookimpl
from consistency.understanding.people import Office, Person, is_known_place, optional_gazetteer, party_of

if TYPE_CHECKING:
    from consistency.analysis import ArticleAnalysis
    from consistency.models import Finding

# Posts one person holds once (one mayoralty, one presidency): two bodies are a conflict.
_ONE_PER_PERSON = frozenset({"mayor", "president", "prime minister", "chancellor", "governor", "king", "queen",
                             "foreign minister", "foreign secretary", "home secretary", "finance minister",
                             "defence minister", "defence secretary", "interior minister", "chief executive",
                             "finance chief", "chief financial officer", "chief operating officer", "mp", "senator"})
# Posts of one body that exclude each other in one person.
_GOVERNMENT = frozenset({"prime minister", "foreign minister", "foreign secretary", "home secretary",
                         "finance minister", "defence minister", "defence secretary", "interior minister",
                         "justice minister", "health minister", "health secretary", "education secretary",
                         "education minister", "trade minister", "economy minister", "energy minister",
                         "transport secretary", "environment secretary", "culture secretary",
                         "trade and industry secretary", "work and pensions secretary"})
_CORPORATE = frozenset({"chief executive", "finance chief", "chief financial officer", "chief operating officer"})
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

    Reads:
        `ctx.people` offices: the ledger's role claims with their bodies; offices whose sentence
        tells of a change, a death or a year are not compared.
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

    Reads:
        `ctx.people` offices (the ledger's role claims) whose body is a country, city or party;
        other organisations' single-holder roles are RL05's.
    """

    code = "RL02"
    name = "roles.office-holder-conflict"
    default_severity = Severity.warning
    requires = ("entities", "people", "gazetteer")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        holders: list[tuple[Person, Office]] = [
            (p, o) for p in ctx.people for o in _usable(p)
            if o.role in _SINGLE_HOLDER and o.body and not o.rank and _public_body(o.body)
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


def _public_body(body: str) -> bool:
    """A country, city or party: the bodies of public offices (RL02); other organisations'
    single-holder roles are RL05's."""
    return place_kind(body) is not None or party_of(body) is not None


class RoleClassConflict(Rule):
    """One person is given two roles that no one holds at the same time.

    What it flags:
        A person introduced as a player and later called the referee, a cellist later
        called the orchestra's chief executive, a senior lecturer later a first-year
        undergraduate, the prosecutor later the defence lawyer: two current `role` claims
        of the claims ledger whose classes exclude each other (the table of role classes,
        `consistency/data/role_classes.tsv`, says which and how surely).

    Why it matters:
        A role is what readers use to place a person in the story; two roles that exclude
        each other mean the text mixed up two people or changed one's part by mistake.

    Example:
        Rovers edge past City
        Rovers winger Tom Hale scored twice on Saturday. Hale, the match referee, was
        booked in the second half.

    Not flagged:
        Rovers edge past City
        Former Rovers winger Tom Hale, now the club's assistant coach, watched on Saturday.
        Hale, who became a coach in 2019, said the team was improving.

    Reads:
        `ctx.claims` (role claims with their qualifiers); roles qualified former, future,
        past, a change ("became", "was appointed"), negated, read through a surname several
        people share, or stated in the same sentence are not compared.
    """

    code = "RL03"
    name = "roles.role-class-conflict"
    default_severity = Severity.warning
    requires = ("entities", "people", "claims")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        from consistency.understanding.lexicon import exclusive_classes, exclusive_members

        exclusive = exclusive_classes()
        within = exclusive_members()
        for subject, claims in ctx.claims.by_subject("role").items():
            usable = [c for c in claims if c.current and c.data.get("class")
                      and not {"change", "ambiguous", "acting", "avocation"} & set(c.qualifiers)]
            if any("change" in c.qualifiers for c in claims):
                continue  # the article reports a change of role: earlier and later roles both hold
            reported: set[frozenset[str]] = set()
            for i, a in enumerate(usable):
                for b in usable[i + 1:]:
                    pair = frozenset((a.data["class"], b.data["class"]))
                    sureness = exclusive.get(pair)
                    if len(pair) == 1 and a.value != b.value:  # two instruments: cellist, oboist
                        sureness = within.get(a.data["class"])
                        pair = frozenset((str(a.value), str(b.value)))
                    if sureness is None or a.sentence == b.sentence or pair in reported:
                        continue
                    reported.add(pair)
                    confidence = sureness * (0.8 if "description" in a.qualifiers + b.qualifiers else 1.0)
                    name = ctx.claims.name_of(subject)
                    yield self.finding(
                        f"{name} is called {_role_phrase(a)} (\"{a.span.text}\") and {_role_phrase(b)} "
                        f"(\"{b.span.text}\"); one person is not both at once.",
                        [b.span], [a.span], confidence=confidence,
                        severity=None if confidence >= 0.7 else Severity.info,
                        data={"person": name, "roles": [a.value, b.value],
                              "classes": [a.data["class"], b.data["class"]]},
                    )


# Roles people commonly hold at several bodies at once: a second organisation is no conflict.
_MULTI_BODY_ROLES = frozenset("""
member director non-executive director trustee adviser advisor consultant fellow visiting professor professor
ambassador patron founder co-founder investor partner shareholder governor board member researcher lecturer
columnist contributor analyst economist lawyer doctor nurse volunteer
""".split())
# Roles one organisation gives to one person at a time.
_SINGLE_HOLDER_ROLES = frozenset({"chief executive", "chief financial officer", "chief operating officer", "chair",
                                  "president", "principal investigator", "head coach", "captain", "head", "managing director",
                      "director general", "secretary general", "vice chancellor", "headteacher", "dean",
                      "chief constable", "chief medical officer", "chief curator", "team principal", "mayor",
                      "governor", "prime minister", "speaker", "chief scientist", "editor in chief",
                      "general secretary", "artistic director", "music director", "chief economist"})


# Organisations named by a common noun alone: several in one article may be meant.
_GENERIC_BODIES = frozenset({"club", "team", "side", "company", "firm", "group", "party", "country", "city", "school",
                             "university", "hospital", "board", "council", "committee", "government", "union"})


def _org_key(text: str | None) -> str:
    if not text:
        return ""
    key = " ".join(text.lower().replace("’", "'").replace("'s", "").split())
    return key[4:] if key.startswith("the ") else key


def _named(org: str | None) -> bool:
    """An organisation given by name ("Medivio"), not by a common noun ("the club")."""
    return bool(org) and any(w[:1].isupper() for w in str(org).split())


def _same_org(a: str, b: str) -> bool:
    from consistency.understanding.lexicon import same_organisation

    return same_organisation(a, b)


def _comparable(claims: list) -> list:  # type: ignore[type-arg]
    return [c for c in claims if c.current and not {"change", "ambiguous", "description"} & set(c.qualifiers)]


class RoleOrganisationConflict(Rule):
    """One person's role is placed at one organisation and later at another.

    What it flags:
        "Jonas Weber, a spokesman for the Berlin data protection authority" and later
        "Weber, Medivio's spokesman"; "Kattegat's chief financial officer, Mette Skovgaard"
        and later "Skovgaard, Norrsken's finance chief": the same role (under any of its
        names) of one person, at two organisations named in the article, both current.

    Why it matters:
        Whom a person speaks or works for tells readers whose side a statement is on; a
        role moved to another organisation misattributes it.

    Example:
        Data breach at pharmacy chain
        Jonas Weber, a spokesman for the Berlin data protection authority, said the breach
        was serious. Later, Weber, Medivio's spokesman, said customers need not act.

    Not flagged:
        Data breach at pharmacy chain
        Jonas Weber, a spokesman for the Berlin data protection authority, said the breach
        was serious. Anna Roth, Medivio's spokeswoman, said customers need not act. Weber,
        a former spokesman for Medivio, declined to comment.

    Reads:
        `ctx.claims` (role claims with their organisation, "the foundation" read as the named
        one it stands for, not a guess between two); roles people often hold at several
        bodies (director, trustee, adviser, professor, ...) are not compared.
    """

    code = "RL04"
    name = "roles.role-organisation-conflict"
    default_severity = Severity.warning
    requires = ("entities", "people", "claims")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        for subject, claims in ctx.claims.by_subject("role").items():
            usable = [c for c in _comparable(claims) if _named(c.data.get("organisation"))
                      and c.data.get("org_entity") and c.value not in _MULTI_BODY_ROLES
                      and c.data.get("organisation_how") != "recent"  # "the company's": a guess at which
                      and place_kind(c.data["organisation"]) is None]  # "American journalist": a nationality
            done = False
            for i, a in enumerate(usable):
                for b in usable[i + 1:]:
                    if done or a.value != b.value or a.sentence == b.sentence or \
                            _same_org(a.data["organisation"], b.data["organisation"]):
                        continue
                    name = ctx.claims.name_of(subject)
                    done = True
                    yield self.finding(
                        f"{name} is {a.value} of {a.data['organisation']} (\"{a.span.text}\") and later of "
                        f"{b.data['organisation']} (\"{b.span.text}\"); one person holds that role at one of them.",
                        [b.span], [a.span], confidence=0.7,
                        data={"person": name, "role": a.value,
                              "organisations": [a.data["organisation"], b.data["organisation"]]},
                    )


class SingleHolderConflict(Rule):
    """Two people are given the same single-holder role of one organisation.

    What it flags:
        "Dr. Samuel Okello, the trial's principal investigator" and "Dr. Grace Namuli, the
        trial's principal investigator"; "Board chief executive Grant Muir" and "Board chief
        executive Aroha Tipene": a role one organisation gives to one person at a time (chief
        executive, chair, captain, principal investigator, head of a unit, ...), current for
        both, at the same organisation as written. A director counts where a director heads the
        body: an event ("Race director Omar Haddad" and "race director Faris Qasem"), an
        institute, museum, laboratory or theatre; a company's or a council's directors are many.

    Why it matters:
        One of the two people is misnamed, or an outgoing holder is presented as current.

    Example:
        Vaccine trial reports results
        Dr Samuel Okello, the trial's principal investigator, said the results were
        encouraging. Dr Grace Namuli, the trial's principal investigator, urged caution.

    Not flagged:
        Vaccine trial reports results
        Dr Samuel Okello, the trial's principal investigator, said the results were
        encouraging. Dr Grace Namuli, the former principal investigator of the trial, and
        Dr Ann Ode, the chief executive of Medlab, urged caution. Jane Doe, a director of
        Acme, resigned; John Roe, a director of Acme, stays. His successor as race director,
        Faris Qasem, takes over in June.

    Reads:
        `ctx.claims` (role claims with their organisation; two ways of writing one organisation,
        "the regional ecology department" and "the Atyrau regional ecology department", are one,
        and "the airline's chief executive" is of the airline the article names (`orgrefs`);
        with no organisation, only two "outgoing" holders of one post are compared); the event
        nouns of the lexicon (`lexicon.event_nouns`, from WordNet 3.0) for a director's event.
    """

    code = "RL05"
    name = "roles.single-holder-conflict"
    default_severity = Severity.warning
    requires = ("entities", "people", "claims")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        holders = [c for c in _comparable(ctx.claims.of("role"))
                   if (c.value in _SINGLE_HOLDER_ROLES or _heads_as_director(c)) and "acting" not in c.qualifiers]
        reported: set[frozenset[str]] = set()
        for i, a in enumerate(holders):
            for b in holders[i + 1:]:
                pair = frozenset((a.subject, b.subject))
                if a.subject == b.subject or pair in reported or a.value != b.value or a.sentence == b.sentence \
                        or ("outgoing" in a.qualifiers) != ("outgoing" in b.qualifiers):
                    continue
                organisation = _one_organisation(a, b)
                if organisation is None:
                    organisation = _bare_title_organisation(ctx, a, b)
                if organisation is None:
                    continue
                surnames = {ctx.claims.name_of(s).split()[-1].lower() for s in pair}
                if len(surnames) == 1:
                    continue  # one surname, two first names: NM02 reports it
                reported.add(pair)
                first, second = ctx.claims.name_of(a.subject), ctx.claims.name_of(b.subject)
                of = f" of {organisation}" if organisation else ""
                yield self.finding(
                    f"{first} (\"{a.span.text}\") and {second} (\"{b.span.text}\") are both called "
                    f"the {a.value}{of}, a role one person holds at a time.",
                    [b.span], [a.span], confidence=0.65 if organisation else 0.5,
                    data={"role": a.value, "organisation": organisation or None, "holders": [first, second]},
                )


# Bodies whose director is their head (one at a time), beside events ("race director", "the
# festival's director": the event nouns of the lexicon); a company's or a council's directors are many.
_HEADED_BY_DIRECTOR = frozenset({"institute", "museum", "gallery", "laboratory", "lab", "observatory", "library",
                                 "theatre", "theater", "orchestra", "centre", "center", "zoo", "archive", "academy"})


def _heads_as_director(claim: Any) -> bool:
    """A bare "director" of a body a director heads: "Race director Omar Haddad", "director of
    the institute"; not "finance director", "a director of Acme" (a board's), "director of research"."""
    from consistency.understanding.lexicon import event_nouns

    organisation = _organisation(claim)
    if claim.value != "director" or not organisation:
        return False
    head = _org_key(organisation).split(" of ")[0].split()
    if not head:
        return False
    written = claim.span.text.lower().split()
    if written[:-1] not in ([], head[-1:]):
        return False  # a modifier that names a department or a kind of director
    return head[-1] in _HEADED_BY_DIRECTOR or head[-1] in event_nouns()


def _organisation(claim: Any) -> str:
    """The organisation a role claim names; for a director written after an event noun ("race
    director", "festival director"), that event: the article's race or festival."""
    organisation = str(claim.data.get("organisation") or "")
    if not organisation and claim.value == "director":
        from consistency.understanding.lexicon import event_nouns

        written = claim.span.text.lower().split()
        if len(written) == 2 and written[0] in event_nouns():
            organisation = written[0].title()
    return organisation


def _one_organisation(a: Any, b: Any) -> str | None:
    """The organisation both role claims name ("" when neither names one but both are
    definite: "The outgoing governor, X" and "Outgoing governor Y"), else None."""
    org_a, org_b = _organisation(a) or None, _organisation(b) or None
    for claim, org in ((a, org_a), (b, org_b)):
        if org and (len(org.split()) > 6 or str(claim.data.get("how", "")).endswith("-leads") and not _named(org)):
            return None  # "leading the hermit kingdom instead of her brother": no organisation's post
    if org_a and org_b:
        if not _same_org(org_a, org_b) or is_known_place(_org_key(org_a)) or is_known_place(_org_key(org_b)):
            return None  # "Spain's chairman": a country, not one organisation
        if any(_org_key(org) in _GENERIC_BODIES and org.islower() for org in (org_a, org_b)):
            return None  # "the club's captain" twice in a match report: each club has one
        return max(org_a, org_b, key=len)
    if org_a or org_b:
        return None
    if "outgoing" in a.qualifiers and "outgoing" in b.qualifiers:
        return ""  # one outgoing holder of the one post the story is about
    return None


# Posts of a town: two bare titles ("Mayor X" ... "Mayor Y") in one story are one town's post
# often enough to compare; a president, a prime minister, a captain or a coach is written bare
# for each of several countries or sides ("President Bush met President Chirac").
_TOWN_POSTS = frozenset({"mayor", "executive mayor", "lord mayor"})


def _bare(claim: Any) -> bool:
    """A title written before a name with nothing to say whose post it is ("Mayor Priya Ramcharan",
    "President Tanaka Hiroshi", "club president X"): the post of the body the story is about."""
    data = claim.data
    return data.get("how") == "title" and not data.get("organisation") and not data.get("organisation_text")


def _bare_title_organisation(ctx: ArticleAnalysis, a: Any, b: Any) -> str | None:
    """The organisation two holders of one single-holder post share when one of them is given it
    by a bare title: the other's organisation when that is a named body and no place or party
    ("President Tanaka Hiroshi" and "Akagawa's president, Mori Kenji"), "" when both titles are
    bare posts of a town; None otherwise, and when either holder is also given the post at
    another time (a former, outgoing, acting or changed holder keeps the title)."""
    if not (_bare(a) or _bare(b)):
        return None
    for claim in (a, b):
        before = ctx.article.field(claim.span.field)[:claim.span.start].rstrip(" ").split()
        word = before[-1] if before else ""
        if _bare(claim) and (word.endswith("-") or word[:1].isupper() and not word.endswith((".", '"', "“"))):
            return None  # "Conservative co-chairman Liam Fox": a word before the title names whose post
    for claim in (a, b):
        others = [c for c in ctx.claims.of("role", claim.subject) if c.value == claim.value]
        if any(not c.current or {"change", "acting", "outgoing", "ambiguous", "past-tense"} & set(c.qualifiers)
               for c in others):
            return None
    if _bare(a) and _bare(b):
        return "" if a.value in _TOWN_POSTS else None
    named = b if _bare(a) else a
    organisation = _organisation(named)
    key = _org_key(organisation)
    if not _named(organisation) or len(organisation.split()) > 4 or is_known_place(key) \
            or place_kind(organisation) is not None or party_of(organisation) is not None:
        return None
    # the body the story is about is the one its headline names ("Akagawa Electric raises forecast"):
    # a bare "President X" or "Chairman X" of a story about another body is that body's or a
    # country's ("President Bush" beside "ClearView Economics president Ken Mayland")
    import re

    first = re.escape(organisation.split()[0].rstrip("'’s"))
    if not re.search(rf"\b{first}\b", ctx.article.title or ""):
        return None
    return organisation


def _role_phrase(claim: object) -> str:
    value = str(getattr(claim, "value", ""))
    article = "an" if value[:1].lower() in "aeiou" else "a"
    return f"{article} {value}"


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return [OfficeConflict, OfficeHolderConflict, RoleClassConflict, RoleOrganisationConflict, SingleHolderConflict]
