"""Rule family `kinship`: family relations the names contradict.

Codes:
    KN01 kinship.surname-mismatch: "X Y, Z W's son" where the family surnames disagree.

Data sources: none beyond the text; family relations come from `ctx.people`
(`consistency.people`), which reads "X, Y's son", "Y's son X" and "X, the son of Y".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from consistency import Rule, Severity, hookimpl
from consistency.people import NAME_PARTICLES, NOBLE_HONORIFICS, NameMention, Relation, fold

if TYPE_CHECKING:
    from consistency.analysis import ArticleAnalysis
    from consistency.models import Finding

# Relations that pass the father's surname on in most naming customs.
_PATRILINEAL = frozenset({"son", "brother", "grandson"})
# Blood relations that usually, but not always, share a surname (marriage, maternal line).
_USUALLY_SHARED = frozenset({"daughter", "sister", "father", "mother", "granddaughter", "grandfather",
                             "grandmother", "twin", "half-brother", "half-sister"})
_PATRONYMIC_PARTICLES = frozenset({"bin", "ibn", "bint", "ben", "ap", "mac", "ould", "walad", "ben"})
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ich", "ych", "son", "sson",
                       "dottir", "dóttir", "sdottir", "zade", "oglu", "ovic", "evic", "poulos")
_RENAMING = re.compile(r"\b(?:n[ée]e|born|stage name|real name|known as|adopted|step|in-law|took (?:the|his|her) "
                       r"(?:name|surname)|changed (?:his|her) (?:name|surname)|maiden|married)\b", re.I)


def _name_words(m: NameMention) -> set[str]:
    words = [*m.given, *(m.surname or "").split()]
    out = set()
    for w in words:
        for part in re.split(r"[-\s]", fold(w)):
            part = part.strip(".")
            if len(part) > 1 and part not in NAME_PARTICLES:
                out.add(part)
    return out


def _surname_words(m: NameMention) -> set[str]:
    return {p for p in re.split(r"[-\s]", fold(m.surname or "")) if len(p) > 1 and p not in NAME_PARTICLES}


def _related_spelling(a: str, b: str) -> bool:
    """Gendered or transliterated forms of one surname: "Lukashenko"/"Lukashenka", "Petrov"/"Petrova"."""
    from rapidfuzz.distance import Levenshtein

    if a.startswith(b) or b.startswith(a):
        return abs(len(a) - len(b)) <= 3
    return min(len(a), len(b)) >= 4 and Levenshtein.normalized_similarity(a, b) >= 0.75


def surnames_explained(subject: NameMention, relative: NameMention) -> bool:
    """Whether the two names are compatible with being relatives."""
    words_s, words_r = _name_words(subject), _name_words(relative)
    if words_s & words_r:
        return True  # a shared surname, double surnames, East Asian order
    for a in _surname_words(subject):
        for b in _surname_words(relative):
            if _related_spelling(a, b):
                return True
    return False


def patronymic_explains(subject: NameMention, relative: NameMention) -> bool:
    """A patronymic in either name: "Einarsson" from "Einar", "bin Salman", "Viktorovich"."""
    for m in (subject, relative):
        words = [fold(w) for w in (*m.given, *(m.surname or "").split())]
        if any(w in _PATRONYMIC_PARTICLES for w in words):
            return True
        if any(w.endswith(_PATRONYMIC_ENDINGS) for w in words[1:-1] if len(w) > 5):
            return True  # a middle name that is a patronymic
    for a, b in ((subject, relative), (relative, subject)):
        for given in b.given:
            stem = fold(given)[:4]
            if len(stem) >= 3 and fold(a.surname or "").startswith(stem):
                return True  # Icelandic: "Einarsson", son of "Einar"
    return False


def _full_form(ctx: ArticleAnalysis, mention: NameMention) -> NameMention:
    """The mention itself when it is a full name, else the full name of its person ("Mr Nalbandian")."""
    if mention.is_full or mention.ambiguous:
        return mention
    person = ctx.people.of_mention(mention)
    full = person.full_mentions if person is not None else []
    return full[0] if full else mention


class SurnameKinshipMismatch(Rule):
    """Relatives named in the article carry unrelated surnames.

    What it flags:
        "X Y, Z W's son" (or "Z W's son X Y", "X Y, the son of Z W") where the two family
        names share nothing. Sons and brothers are reported as warnings; daughters,
        sisters, mothers and fathers as info, since marriage often explains a new surname.

    Why it matters:
        A son given the wrong surname is a wrong fact about a real family, and a sign that
        names were made up or mixed up.

        A warning, not an error: relatives can carry different surnames (marriage, custom,
        stepfamilies).

    Example:
        Minister meets president's son
        The minister met Boris Nalbandian, Belarusian president Alexander Lukashenko's son,
        in Minsk.

    Not flagged:
        Minister meets president's relatives
        The minister met Viktor Lukashenko, President Alexander Lukashenko's son, and
        Gunnar Einarsson, Einar Gudmundsson's son. Mohammed bin Salman, King Salman's son,
        also attended, as did Cherie Booth, Tony Blair's wife.

    Sources:
        None: the names and relations come from the text.
    """

    code = "KN01"
    name = "kinship.surname-mismatch"
    default_severity = Severity.warning
    requires = ("entities", "people")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        for rel in ctx.people.relations:
            finding = self._relation(ctx, rel)
            if finding is not None:
                yield finding

    def _relation(self, ctx: ArticleAnalysis, rel: Relation) -> Finding | None:
        kind = rel.kind
        if kind not in _PATRILINEAL and kind not in _USUALLY_SHARED:
            return None  # spouses, in-laws, step-relations, cousins: surnames differ freely
        subject, relative = _full_form(ctx, rel.subject), rel.relative
        if not subject.is_full or not subject.surname or not relative.surname:
            return None
        if surnames_explained(subject, relative) or patronymic_explains(subject, relative):
            return None
        person_r = ctx.people.of_mention(relative)
        if person_r is not None and any(surnames_explained(subject, m) for m in person_r.mentions if m.surname):
            return None
        honorifics = {relative.honorific, subject.honorific} | (person_r.honorifics if person_r else set())
        if honorifics & NOBLE_HONORIFICS:
            return None  # "Lord Sainsbury's son": a peer's title is not a surname
        sentence = ctx.doc(rel.field)[rel.subject.token_start].sent.text
        relative_name = relative.text if relative.is_full or person_r is None else person_r.name
        message = (f"{subject.text} is called the {kind} of {relative_name}, but the surnames differ "
                   f"({subject.surname} vs {relative.surname}).")
        data = {"relation": kind, "person": subject.text, "relative": relative_name,
                "surnames": [subject.surname, relative.surname]}
        relative_female = person_r is not None and person_r.gender == "f"
        if _RENAMING.search(sentence):
            return self.finding(message, [rel.to_span()], [relative.to_span()], confidence=0.3,
                                severity=Severity.info, data=data)
        if kind in _PATRILINEAL and not relative_female:
            return self.finding(message, [rel.to_span()], [relative.to_span()], confidence=0.8, data=data)
        return self.finding(message, [rel.to_span()], [relative.to_span()], confidence=0.4,
                            severity=Severity.info, data=data)


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return [SurnameKinshipMismatch]
