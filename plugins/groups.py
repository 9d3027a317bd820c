"""Rule family `groups`: groups of people whose description drifts across an article.

Codes:
    GR01 groups.nationality-drift  a group of deportees, detainees or evacuees introduced with
                                   one nationality is later called by another.
    GR02 groups.description-drift  a group, organisation or person given one nationality or base
                                   and later, by a definite description, another (claims ledger).
    GR03 groups.affiliation-drift  a person tied to one named body and later to another (claims ledger).

Data: all three compare claims of the ledger (GR01 the group mentions of
consistency/understanding/facts/groups.py); demonyms ("Belarusian", "Belarusians") are resolved by the
project gazetteer (consistency/understanding/gazetteer.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from consistency import Rule, Severity, hookimpl
from consistency.models import Finding
from consistency.understanding.gazetteer import haversine_km
from consistency.understanding.people import is_known_place, party_of
from consistency.understanding.facts.groups import ROLE_EVENT_NOUNS, ROLE_NOUNS
from consistency.understanding.ledger import Claim
from consistency.understanding.lexicon import ORGANISATION_NOUNS, role_class, same_organisation
from consistency.understanding.tokens import whole_word_spans

from ._countries import is_country_name


if TYPE_CHECKING:
    from consistency.analysis import ArticleAnalysis

# Sentences that explain a change or a second nationality.
NATIONALITY_CHANGE = re.compile(
    r"\bdual\b|\bcitizenship\b|naturali[sz]|\bethnic\b|\bdescent\b|\borigin\b|-born\b|\bstateless\b|"
    r"\bbecame\b[^.]{0,30}\bcitizens?\b|\bpassports? of\b",
    re.IGNORECASE,
)


# Cheap pre-filter on the raw text: articles with no word of a deportation, detention or
# evacuation story cannot have an event group, and are skipped before any token loop.
EVENT_WORDS = re.compile(
    r"\b(?:deport|repatriat|detain|detention|arrest|expel|expuls|evacu|kidnap|abduct|hostage|refugee|"
    r"migrant|prisoner|captive|extradit|imprison|jailed|interned|internee|stranded|rescued|airlift|asylum|"
    r"returnee|exile|freed)",
    re.IGNORECASE,
)


class NationalityDrift(Rule):
    """A group introduced with one nationality is later called by another.

    What it flags:
        A group the event is about (deported, detained, repatriated, evacuated, held: "Russian
        deportees", "Russian citizens who were arrested") is later referred to with another
        nationality ("the Belarusians included ten citizens", "the Belarusian detainees") when the
        article introduces no group of that other nationality and states no change. The later
        mention must point back: definite ("the ...") and either in the same role or the subject
        of "included"/"comprised" right after the group was mentioned, or named by the same status
        noun ("the Vietnamese nationals" after "40 Chinese nationals were arrested").

    Why it matters:
        Swapping the nationality of the people at the centre of a story (often for the host
        country's) changes who was deported or detained; readers and editors take it as fact.

        A warning, not an error: a group can hold two nationalities, or be a different group
        with the same description.

    Example:
        Deportation flight lands
        A flight carrying Moldovan deportees from Italy landed in Chisinau on Monday. Police had
        detained the Moldovan citizens in Rome last month. The Italians included four children,
        officials said.

    Not flagged:
        Deportation flight lands
        Italian police detained 40 Moldovan citizens in Rome last month. British and French
        troops guarded the airport. A flight carrying the Moldovan deportees, including ten
        Ukrainians, landed on Monday. The Ukrainians were taken to Kiev, and Russian-speaking
        Moldovans were met by relatives. Italian officers said the operation went well.

    Reads:
        `ctx.claims`: the `nationality` claims of group mentions (`data.reading` "mention" and
        "described", consistency/understanding/facts/groups.py, built in the nationality pass).
        Still from the text directly: a pre-filter for words of deportation, detention or
        evacuation; words that state a change of nationality ("dual", "citizenship", "-born");
        the event group's nouns in the two sentences before a mention.
    """

    code = "GR01"
    name = "groups.nationality-drift"
    default_severity = Severity.warning
    requires = ("entities", "sentences", "gazetteer", "claims")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        if not EVENT_WORDS.search(ctx.article.body):
            return
        groups = [c for c in ctx.claims.of("nationality") if c.data.get("reading")]
        mentions = sorted((c for c in groups if c.data["reading"] == "mention"), key=lambda c: c.data["token"])
        described = sorted([(c.data["code"], c.data["token"], c.data["mixed"]) for c in groups
                            if c.data["reading"] == "described"] +
                           [(code, c.data["token"], len(set(c.data["described_codes"])) > 1) for c in mentions
                            for code in c.data["described_codes"]], key=lambda d: d[1])
        event = [m for m in mentions if m.data["role"] and not m.data["mixed"] and not m.data["subgroup"]]
        if not event:
            return
        first = event[0]
        home = _code(first)
        vouched = {_code(m) for m in mentions if m.data["mixed"] or m.data["subgroup"]}
        vouched |= {code for code, _, mixed in described if mixed}
        event_nouns = {m.data["noun"] for m in event if m.data["noun"]}
        flagged: set[str] = set()
        for mention in mentions:
            d = mention.data
            if d["token"] <= first.data["token"] or d["body_sentence"] == first.data["body_sentence"]:
                continue
            country = _code(mention)
            if country in (home, *vouched, *flagged) or d["mixed"] or d["subgroup"]:
                continue
            if not d["definite"] or d["other"]:
                continue
            earlier = [m for m in mentions if m.data["token"] < d["token"]]
            if any(_code(m) == country and (m.data["noun"] is not None or m.data["role"] or m.data["definite"])
                   for m in earlier):
                continue  # a group of that nationality was introduced: the mention may be it
            host_side = any(c == country and i < d["first_token"] for c, i, _ in described)
            if d["noun"] is None and host_side and not d["counted"]:
                continue  # "Belarusian police ... the Belarusians said": may be the host side
            home_mentions = [m for m in earlier if _code(m) == home and not m.data["mixed"]]
            recent = any(d["body_sentence"] - m.data["body_sentence"] <= 2 for m in home_mentions
                         if m.data["role"] or m.data["noun"]) \
                or _group_named_before(ctx, d["body_sentence"], event_nouns)
            same_noun = d["noun"] in LINKING_NOUNS and d["noun"] in event_nouns
            if d["role"]:
                link = "role"  # "the Belarusian deportees", "the Belarusians who were detained"
            elif same_noun:
                link = "noun"  # "the Belarusian nationals" after "300 Russian nationals were deported"
            elif d["composition"] and recent:
                link = "composition"  # "the Belarusians included ..." right after the group
            else:
                continue
            flagged.add(country)
            yield self._finding(ctx, mention, first, home_mentions, link)

    def _finding(self, ctx: ArticleAnalysis, mention: Claim, first: Claim,
                 home_mentions: list[Claim], link: str) -> Finding:
        later = mention.span
        if mention.data["composition"]:
            later = ctx.span_at("body", mention.span.start, mention.data["extent_end"])
        evidence = [m.span for m in home_mentions if m.data["role"] or m.data["noun"]][:3]
        sentence = ctx.sentences[mention.sentence].text
        explained = bool(NATIONALITY_CHANGE.search(ctx.article.body))
        severity = Severity.info if explained else None
        return self.finding(
            f"\"{mention.span.text}\" gives the group introduced as \"{first.span.text}\" another nationality "
            f"({mention.value} instead of {first.value}), "
            f"and the article states no change.",
            [later],
            evidence,
            confidence=0.45 if explained else 0.75,
            severity=severity,
            data={"introduced_as": _code(first), "later_called": _code(mention),
                  "link": link, "sentence": sentence},
        )


def _code(claim: Claim) -> str:
    return str(claim.data["code"])


# Nouns that name one group by its nationality or status, so "the Vietnamese nationals" after
# "40 Chinese nationals were arrested" points back (unlike "the British men").
LINKING_NOUNS = ROLE_NOUNS | {"citizen", "national", "subject", "expatriate", "expat", "émigré", "emigre"}


def _group_named_before(ctx: ArticleAnalysis, sent: int, nouns: set[str]) -> bool:
    """The event group is named, without nationality, in the two body sentences before the
    mention ("the decision to return the detainees ...")."""
    body = [s for s in ctx.sentences if ctx.field_of(s) == "body"]
    window = body[max(0, sent - 2) : sent]
    wanted = nouns | ROLE_NOUNS | ROLE_EVENT_NOUNS
    return any(t.lemma_.lower() in wanted for s in window for t in s)


class DescriptionDrift(Rule):
    """A group, organisation or person given one nationality or base is later described by another.

    What it flags:
        "a delegation of Brazilian engineers" and later "the Argentine engineers" or "the
        Argentine delegation"; "Oslo-based Fjell Capital" and later "the Danish investors";
        "Meridia Line, a Geneva-based carrier" and later "the Danish carrier" or "the
        Basel-based carrier"; "Spanish left-back Iker Solano" and later "the Portuguese
        Solano": a later nationality or base claim of the claims ledger that differs from the
        one the subject was given, for a country (or place) the article names nowhere else, so
        the later words cannot point to anyone else.

    Why it matters:
        Nationality and base are how readers tell the parties of a story apart; a drift
        makes them wonder whether a second group exists.

    Example:
        Engineers inspect dam
        A delegation of Brazilian engineers arrived on Monday to inspect the dam. The
        Argentine engineers said the structure was sound.

    Not flagged:
        Engineers inspect dam
        Brazilian and Argentine engineers arrived on Monday to inspect the dam. The
        Argentine engineers said the structure was sound.

    Reads:
        `ctx.claims` (nationality and based-in claims; descriptions tied to a named organisation
        by `facts/orgrefs.py`, groups named by their collective noun); the gazetteer's demonyms.
        Quiet when another subject is given the later country ("the Swiss firm" when a
        Geneva-based firm is named too) or a city has a reading in it ("Salamanca-based" and
        "the Spanish club"), or when another company-like body is named before a description, in
        its sentence or the one before (a description points back: a body named later in its
        sentence, "the Lahore firm's stall ... on the Khyber Mail", or inside its own clause, "the
        Nagpur side, which had beaten the Tuskers", is not what it means). A base is read before
        the name ("Oslo-based Fjell Capital") and after it ("Nodi Trust, a charity based in the
        capital Dhaka", "headquartered in Bergen").
    """

    code = "GR02"
    name = "groups.description-drift"
    default_severity = Severity.warning
    requires = ("entities", "claims", "gazetteer")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        ledger = ctx.claims
        text = f"{ctx.article.title}\n{ctx.article.body}"
        homes: dict[str, list] = {}  # type: ignore[type-arg]
        for attribute in ("nationality", "based-in"):
            for subject, claims in ledger.by_subject(attribute).items():
                if subject.startswith("description:"):
                    continue  # two "X-based companies" are not one subject
                if attribute == "nationality":
                    claims = [c for c in claims if c.extractor != "groups"]  # GR01 compares those
                    if not claims:
                        continue
                homes.setdefault(subject, []).extend(c for c in claims if c.current)
        organisations = {s: cs for s, cs in homes.items() if s.startswith("organisation:")}
        reported: set[int] = set()
        for subject, claims in homes.items():
            claims.sort(key=lambda c: (c.span.field != "title", c.span.start))
            if len({c.value for c in claims}) < 2 or _mixed(claims):
                continue
            first = claims[0]
            for later in claims[1:]:
                if later.value != first.value and _lone_mention(text, ctx, later) \
                        and not _fits_another(homes, subject, later) and not _places_agree(ctx, first, later):
                    reported.add(later.span.start)
                    yield self._finding(ledger.name_of(subject), first, later)
                    break
        yield from self._described_organisations(ctx, ledger, text, homes, reported)
        if len(organisations) == 1:
            (org, org_claims), = organisations.items()
            home = org_claims[0]
            for subject, claims in homes.items():
                if not subject.startswith("group:") or subject.split(":", 1)[1] not in ORGANISATION_NOUNS:
                    continue
                for c in claims:
                    if c.value != home.value and c.span.start > home.span.start and _lone_mention(text, ctx, c) \
                            and ctx.article.field(c.span.field)[max(0, c.span.start - 4):c.span.start].lower() \
                            .endswith("the "):
                        yield self._finding(ledger.name_of(org), home, c)
                        break

    def _described_organisations(self, ctx: ArticleAnalysis, ledger, text: str, homes: dict,  # type: ignore[no-untyped-def,type-arg]
                                 reported: set[int]) -> Iterator[Finding]:
        """"the Madrid-based Fundación Alborada" ... "the Barcelona-based charity": a definite
        description placing an organisation somewhere else: the organisation the description was
        tied to (`orgrefs`), or the article's one based organisation."""
        bases = [c for c in ledger.of("based-in") if c.current]
        for d in bases:
            if "description" not in d.qualifiers or not d.data.get("definite") or d.span.start in reported:
                continue
            earlier = [c for c in bases if c.span.start < d.span.start and c.span.field == d.span.field and c is not d]
            resolved = d.data.get("resolved") and d.subject.startswith("organisation:")
            if not resolved:
                if any(c.subject.startswith("description:") and c.data.get("noun") == d.data.get("noun")
                       for c in earlier):
                    continue  # "a Chennai-based company" ... "the Hyderabad company": maybe that one
                # other kinds of body placed by a description ("a Chennai-based trust") are not
                # what "the Hyderabad company" refers back to
                earlier = [c for c in earlier if not c.subject.startswith("description:")]
            if resolved:
                earlier = [c for c in earlier if c.subject == d.subject and "description" not in c.qualifiers] or \
                    [c for c in earlier if c.subject == d.subject]
                if not earlier:
                    continue
            homes_before = {c.subject for c in earlier}
            if len(homes_before) != 1 or any(_places_agree(ctx, c, d) for c in earlier):
                continue
            place = str(d.data.get("place") or "")
            if len(re.findall(rf"\b{re.escape(place)}\b", text)) != 1:
                continue  # the place is named elsewhere: the description may mean another body there
            home = earlier[0] if resolved else earlier[-1]
            if home.subject.startswith("description:") or _fits_another(homes, home.subject, d) or \
                    d.data.get("resolved") not in ("noun", "subject") and \
                    _company_nearby(ctx, d, ledger.name_of(home.subject)):
                continue  # "a US firm" ... "the German firm", "Falic Group bought ... The Florida company": another one
            d_token = ctx.char_span(d.span.field, d.span.start, d.span.end)
            if d_token is not None and d_token[0].pos_ == "PROPN" and d_token[0].ent_type_ not in ("GPE", "LOC") \
                    and not _big_place(ctx, d_token[0].text):
                continue  # "the Sterling group": a name, not a place
            yield self.finding(
                f"{ledger.name_of(home.subject)} is placed in {home.data.get('place')} (\"{home.span.text}\") "
                f"but later described as \"{d.span.text}\"; the article names no other such body.",
                [d.span], [home.span], confidence=0.6,
                data={"organisation": ledger.name_of(home.subject), "places": [home.data.get("place"), place]},
            )

    def _finding(self, name: str, first, later) -> Finding:  # type: ignore[no-untyped-def]
        return self.finding(
            f"\"{first.span.text}\" ({first.value}) are later \"{later.span.text}\" ({later.value}), "
            f"and the article names {later.value} nowhere else: one of the two is wrong."
            if name == first.span.text.split()[-1] and not first.subject.startswith("organisation:") else
            f"{name} is given {first.value} (\"{first.span.text}\") and later {later.value} "
            f"(\"{later.span.text}\"), a country the article names nowhere else.",
            [later.span], [first.span], confidence=0.7,
            data={"subject": name, "values": [first.value, later.value]},
        )


_INSTITUTION_WORDS = frozenset("""
court council ministry government university police party commission agency department authority association
union club hospital school college parliament assembly committee board tribunal bureau office service army navy
""".split())


def _fits_another(homes: dict, subject: str, claim) -> bool:  # type: ignore[no-untyped-def,type-arg]
    """Another subject is given the claim's country: "the Swiss firm" may be that one."""
    return any(s != subject and not s.startswith("person:")
               and any(c.value == claim.value and c.span.start != claim.span.start for c in cs)
               for s, cs in homes.items())


def _big_place(ctx: ArticleAnalysis, name: str) -> bool:
    """A city of 100,000 people or more, or a region or country: a place even when untagged."""
    gaz = ctx.gazetteer
    return bool(gaz.country(name) or gaz.regions(name) or any(c.population >= 100_000 for c in gaz.cities(name)))


def _company_nearby(ctx: ArticleAnalysis, claim, home: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether another company-like organisation is named in the description's sentence or the one
    before it: the description most likely points to that one."""
    home_words = set(home.lower().split())
    sentences = ctx.sentences
    near = {claim.sentence, claim.sentence - 1}
    # a definite description points back: to a body named before it, not one named later in its sentence
    # ("the Chittagong firm's stall ... on the Maitree Express") or inside its own clause ("the Nagpur side,
    # which had beaten the Tuskers twice"), nor to its own place word tagged a body ("Nagpur")
    # (a name inside the description's own noun phrase, "the Florida-based Falic group", names another body)
    described = ctx.char_span(claim.span.field, claim.span.start, claim.span.end)
    noun = described[-1] if described is not None and len(described) else None
    if noun is not None:
        # the described noun: "Florida-based Falic group" -> group
        noun = next((t for t in noun.doc[noun.i:min(noun.i + 5, noun.sent.end)]
                     if t.lemma_.lower() == claim.data.get("noun")), noun)
    phrase_end = noun.idx + len(noun) if noun is not None else claim.span.end
    for entity in ctx.entities_of("ORG", field="body"):
        index = next((i for i, s in enumerate(sentences) if ctx.field_of(s) == "body"
                      and s.start_char <= entity.start < s.end_char), None)
        if index not in near:
            continue
        if claim.span.field == "body" and (entity.start >= phrase_end or claim.span.start <= entity.start
                                           and described is not None and entity.end <= described[-1].idx):
            continue
        words = set(entity.norm.lower().split())
        if words & home_words or words & _INSTITUTION_WORDS or len(entity.norm) < 3:
            continue
        if " " not in entity.norm and (entity.norm.isupper() and len(entity.norm) <= 4 or is_known_place(entity.norm)):
            continue  # "ASX", "Iquitos" tagged as organisations: an exchange or a place, not a rival company
        return True
    return False


def _readings(ctx: ArticleAnalysis, place: str) -> list[tuple[str, str]]:
    """(country code, region code or "") readings of a place name or demonym."""
    gaz = ctx.gazetteer
    found: list[tuple[str, str]] = []
    country = gaz.country(place) or gaz.country_of_demonym(place)
    if country is not None:
        found.append((country.code, ""))
    found += [(r.country, r.code) for r in gaz.regions(place)]
    found += [(c.country, f"{c.country}-{c.admin1}") for c in gaz.cities(place)]
    return found


_METRO_KM = 40.0


def _only_cities(ctx: ArticleAnalysis, place: str) -> list:  # type: ignore[type-arg]
    """The city readings of a name that has no country or region reading (else [])."""
    gaz = ctx.gazetteer
    if gaz.country(place) or gaz.country_of_demonym(place) or gaz.regions(place):
        return []
    return list(gaz.cities(place))


def _places_agree(ctx: ArticleAnalysis, a, b) -> bool:  # type: ignore[no-untyped-def]
    """Whether two places can be one: the same name, or some readings in one country and region
    (a country reading agrees with anything inside it)."""
    pa, pb = str(a.data.get("place") or a.value), str(b.data.get("place") or b.value)
    if pa.lower() == pb.lower():
        return True
    cities = _only_cities(ctx, pa), _only_cities(ctx, pb)
    if cities[0] and cities[1]:
        # two towns, neither a country or region: one place only if some readings are one
        # metropolitan area ("Salford-based" ... "the Manchester club"), not merely one province
        return any(haversine_km(x.lat, x.lon, y.lat, y.lon) <= _METRO_KM for x in cities[0] for y in cities[1])
    ra, rb = _readings(ctx, pa), _readings(ctx, pb)
    if not ra or not rb:
        return True  # unknown place: no conflict to report
    return any(ca == cb and (not xa or not xb or xa == xb) for ca, xa in ra for cb, xb in rb)


def _mixed(claims: list) -> bool:  # type: ignore[type-arg]
    """Two nationalities in one sentence ("Brazilian and Argentine engineers"): a mixed group."""
    seen: dict[int, set[str]] = {}
    for c in claims:
        seen.setdefault(c.sentence, set()).add(str(c.value))
    return any(len(v) > 1 for v in seen.values())


def _lone_mention(text: str, ctx: ArticleAnalysis, claim) -> bool:  # type: ignore[no-untyped-def]
    """The claim's country is named (by name or any demonym form) only in this claim."""
    gaz = ctx.gazetteer
    country = gaz.country(str(claim.value))
    forms = {str(claim.value)}
    if country is not None:
        # every way of naming the country: "UK" and "Britain" are the United Kingdom too
        forms |= set(getattr(country, "demonyms", ()) or ()) | {country.name} | set(country.adjectives) | {
            re.sub(r"^the ", "", a) for a in country.aliases}
    if claim.data.get("demonym"):
        forms.add(claim.data["demonym"])
    if claim.data.get("place"):
        forms.add(claim.data["place"])
    found: list[tuple[int, int]] = []
    for form in forms:
        if len(form) < 3 and not (len(form) == 2 and form.isupper()):
            continue  # "UK", "US" count (the search is case-sensitive), "us" never
        found += whole_word_spans(text, form)
    count, reach = 0, -1
    for start, end in sorted(found):  # overlapping forms are one mention: "South Korean", "Korean"
        if start >= reach:
            count += 1
        reach = max(reach, end)
    return count <= 1


# Roles a person commonly holds beside another post: a second body is no drift.
_SIDE_ROLES = frozenset("""
member director trustee adviser advisor consultant fellow patron founder co-founder investor partner
shareholder governor board member columnist contributor ambassador volunteer supporter honorary
""".split())


# Words that make a director a post of one body, not a seat on a board: "sporting director",
# "managing director", "commercial director".
_BOARD_WORDS = frozenset("non-executive nonexecutive board independent honorary former outside".split())


def _side_role(claim) -> bool:  # type: ignore[no-untyped-def]
    """A role held beside another post (`_SIDE_ROLES`); a director named with a word of the post
    ("Jacaranda's commercial director", "sporting director") is the post itself."""
    words = claim.span.text.lower().split()
    if str(claim.value).endswith("director") and words and words[0] in _BOARD_WORDS:
        return True  # "a non-executive director" (read as "executive director"), "a board director"
    if claim.value not in _SIDE_ROLES:
        return False
    return not (claim.value == "director" and len(words) > 1)


class AffiliationDrift(Rule):
    """A person tied to one named body is later tied to another.

    What it flags:
        "Dr. Esther Kamau, a vaccinologist at the Kenya Medical Research Institute" and later
        "said Kamau, of Makerere University"; "Constanza Meier of the Chile Seguro list" and
        later "Meier, the Valparaíso Unido candidate": the person's affiliation claims (of,
        at, for, a body's name before a role) name two different bodies, both current.

    Why it matters:
        Whom someone speaks for is how readers weigh what they say; a drifting affiliation
        misattributes a statement or a candidacy.

    Example:
        Malaria vaccine trial
        Dr Esther Kamau, a vaccinologist at the Kenya Medical Research Institute, led the
        analysis. "The signal is strong," said Kamau, of Makerere University.

    Not flagged:
        Malaria vaccine trial
        Dr Esther Kamau, a vaccinologist at the Kenya Medical Research Institute, led the
        analysis. "The signal is strong," said Kamau, of KMRI, who also advises Makerere University.

    Reads:
        `ctx.claims` (affiliation claims: "of X", "who works for/at X", "who coordinates X's
        work", "riding/speaking for X"; role claims' organisations: "head of A&R at X"); roles
        held beside others (director, trustee, adviser, ...; a director named with a word of
        the post, "sporting director", is compared), former and changed roles, and people
        whose sentences say "also" are not compared.
    """

    code = "GR03"
    name = "groups.affiliation-drift"
    default_severity = Severity.warning
    requires = ("entities", "people", "claims")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        ledger = ctx.claims
        sentences = ctx.sentences
        for subject, claims in _ties(ledger, ctx.article.body).items():
            if any("also" in sentences[c.sentence].text.lower().split() for c in claims if c.sentence < len(sentences)):
                continue
            first = claims[0]
            for later in claims[1:]:
                if later.sentence == first.sentence or same_organisation(_body(first), _body(later)):
                    continue
                name = ledger.name_of(subject)
                yield self.finding(
                    f"{name} is tied to {_body(first)} (\"{first.span.text}\") and later to {_body(later)} "
                    f"(\"{later.span.text}\"); the article says nothing of a move.",
                    [later.span], [first.span], confidence=0.6,
                    data={"person": name, "bodies": [_body(first), _body(later)]},
                )
                break


def _place_like(body: str) -> bool:
    """A country or city ("Canada", "Washington and London"), a people ("Bengali"), or no name at
    all ("- Sur - Richelieu", a place name split at its hyphens): not whom someone works for."""
    if not body[:1].isalnum():
        return True
    from consistency.understanding.people import optional_gazetteer

    gaz = optional_gazetteer()
    if gaz is not None and " " not in body.strip() and gaz.country_of_demonym(body.strip()) is not None:
        return True
    words = body.replace(" and ", ",").split(",")
    return any(is_known_place(w.strip().removeprefix("the ")) for w in words if w.strip())


def _short_name(word: str, body: str) -> bool:
    """A one-word name that the article also writes as the first word of a longer name of no place
    ("Aurora Robotics ... a spokeswoman for Aurora"): the body's short name, though a town has it too."""
    if " " in word or not word[:1].isupper() or not word.isalpha() or is_country_name(word):
        return False  # "U.S.", "France": a country before a longer name ("U.S. State Department") is no short name
    for m in re.finditer(rf"\b{re.escape(word)} ([A-Z][\w-]+)", body):
        if not is_known_place(m.group(1)) and not is_known_place(f"{word} {m.group(1)}"):
            return True
    return False


# Kinds of body that put people up for election ("the Chile Seguro list", "the Green Alliance").
_ELECTORAL_BODY = re.compile(r"\b(?:party|list|alliance|coalition|front|movement|bloc|caucus)\b", re.IGNORECASE)


def _political(claim) -> bool:  # type: ignore[no-untyped-def]
    """A tie to a party or list: a known party, an electoral body by its noun, or a candidacy
    ("ANC candidate", "the list's nominee")."""
    body = _body(claim)
    if party_of(body) or _ELECTORAL_BODY.search(f"{body} {claim.span.text}"):
        return True
    return claim.attribute == "role" and role_class(str(claim.value)) in ("politics.candidate", "party.leader")


def _body(claim) -> str:  # type: ignore[no-untyped-def]
    return str(claim.value) if claim.attribute == "affiliation" else str(claim.data.get("organisation"))


def _ties(ledger, body: str = "") -> dict[str, list]:  # type: ignore[no-untyped-def,type-arg]
    """Each person's current ties to named bodies, in text order."""
    ties: dict[str, list] = {}  # type: ignore[type-arg]
    for claim in ledger:
        if not claim.subject.startswith("person:") or not claim.current or \
                {"change", "ambiguous", "description", "avocation"} & set(claim.qualifiers):
            continue
        if claim.attribute == "affiliation" and not _place_like(str(claim.value)):
            ties.setdefault(claim.subject, []).append(claim)
        elif claim.attribute == "role" and not _side_role(claim) and claim.data.get("org_entity") \
                and claim.data.get("organisation_how") != "recent" \
                and claim.data.get("class") != "academic.student" and claim.data.get("how") in ("apposition", "title"):
            org = str(claim.data.get("organisation") or "")
            if org and any(w[:1].isupper() for w in org.split()) and len(org.split()) <= 8 \
                    and (not _place_like(org) or _short_name(org, body)):
                ties.setdefault(claim.subject, []).append(claim)
    # a party beside a committee, a constituency or an employer is no drift: compare like with like
    for subject, found in ties.items():
        parties = [c for c in found if _political(c)]
        ties[subject] = parties if len(parties) >= 2 else [c for c in found if c not in parties]
    return {s: c for s, c in ties.items() if len(c) >= 2}


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return [NationalityDrift, DescriptionDrift, AffiliationDrift]
