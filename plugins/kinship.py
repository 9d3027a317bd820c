"""Rule family `kinship`: family relations the names contradict.

Codes:
    KN01 kinship.surname-mismatch: "X Y, Z W's son" where the family surnames disagree.
    KN02 kinship.patronymic-mismatch: a patronymic ("Einarsdóttir", "bin Saeed", "Sergeyevich")
         that names someone other than the stated father (claims ledger).
    KN03 kinship.relation-conflict: one pair of people given two different relations ("his son" and
         "his nephew" of one man; claims ledger).

Data sources: none beyond the text; family relations come from `ctx.people`
(`consistency.understanding.people`), which reads "X, Y's son", "Y's son X" and "X, the son of Y".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from consistency import Rule, Severity, hookimpl
from consistency.understanding.lexicon import given_names_gender
from consistency.understanding.people import (
    NAME_PARTICLES,
    NOBLE_HONORIFICS,
    NameMention,
    Relation,
    double_surnames,
    fold,
    is_known_place,
)

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
_RENAMING = re.compile(r"\b(?:n[ée]e|born|stage name|real name|known as|adopted|step|in-law|took (?:the|his|her|their)"
                       r"(?: \w+(?:'s|’s))? (?:name|surname)|changed (?:his|her|their) (?:name|surname)|maiden|married)\b", re.I)


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


def _first_family_word(m: NameMention) -> str | None:
    """The first name word after the first given name ("Pablo Campos Soler" -> campos, "Campos" -> campos),
    however the reader split a double surname between given names and surname: the one a father passes on."""
    words = [fold(w).strip(".") for w in [*m.given[1:], *(m.surname or "").split()]]
    return next((w for w in words if len(w) > 1 and w not in NAME_PARTICLES), None)


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
    stems = {re.sub(r"(?:son|dottir)$", "", fold(m.surname or "")) for m in (subject, relative)
             if re.search(r"(?:son|dottir)$", fold(m.surname or ""))}
    if len(stems) == 1 and all(re.search(r"(?:son|dottir)$", fold(m.surname or "")) for m in (subject, relative)):
        return True  # Icelandic siblings: "Pálsson" and "Pálsdóttir", children of one Páll
    for a, b in ((subject, relative), (relative, subject)):
        for given in b.given:
            stem = fold(given)[:4]
            if len(stem) >= 3 and fold(a.surname or "").startswith(stem):
                return True  # Icelandic: "Einarsson", son of "Einar"
    return False


def _parent_sex(ctx: ArticleAnalysis, rel: Relation, relations: list[Relation], parent: NameMention) -> str | None:
    """"m" or "f" for the parent of a relation: "father"/"mother", the parent's own sex, or the other
    sex of the child's other parent when that one's is known."""
    if rel.kind in ("father", "mother"):
        return "m" if rel.kind == "father" else "f"
    if rel.relative_gender in ("m", "f"):
        return rel.relative_gender  # "his eldest son": the parent is a man
    person = ctx.people.of_mention(rel.relative)
    if person is not None and person.gender:
        return person.gender
    child = ctx.people.of_mention(rel.subject)
    for other in relations:
        if other is rel:
            continue
        if other.kind in ("father", "mother") and ctx.people.of_mention(other.relative) is child \
                and ctx.people.of_mention(other.subject) is not person:
            return "f" if other.kind == "father" else "m"
    return None


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
        names share nothing, or, under the double-surname custom, share one in the wrong place. Sons and brothers are reported as warnings; daughters,
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

    Reads:
        `ctx.people` relations: the ledger's kin claims (facts/kin.py), "their son" read as the
        son of the couple (or the two siblings) just named. A daughter's or sister's other
        surname is info (a married name), unless the family's names follow the double-surname
        custom and she carries the other parent's surname but none of this one's. Under that
        custom (two surnames, the first no first name) a child who shares a parent's surname
        in a place neither the Spanish (father's first, mother's first) nor the Portuguese
        order (mother's, father's last) gives it is a warning: "Iñigo Ibarra Salcedo", son of
        "Javier Salcedo Mendoza"; a parent's sex comes from the relation, the pronoun that
        gives it ("his son"), the name, or the child's other parent.
    """

    code = "KN01"
    name = "kinship.surname-mismatch"
    default_severity = Severity.warning
    requires = ("entities", "people")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        relations = list(ctx.people.relations)
        for rel in relations:
            finding = self._relation(ctx, rel)
            if finding is not None and finding.severity == Severity.info:
                finding = self._double_surname(ctx, rel, relations, finding) or finding
            if finding is None:
                finding = self._surname_position(ctx, rel, relations)
            if finding is not None:
                yield finding

    def _surname_position(self, ctx: ArticleAnalysis, rel: Relation, relations: list[Relation]) -> Finding | None:
        """Under the double-surname custom a child's two surnames are the father's first and the
        mother's first (Spanish; Portuguese puts the mother's first and the father's last): a
        child who shares a surname with a parent, but in no place either custom gives it, carries
        the wrong one ("Iñigo Ibarra Salcedo", son of "Javier Salcedo Mendoza")."""
        parent_side = {"son": "relative", "daughter": "relative", "father": "subject", "mother": "subject"}
        side = parent_side.get(rel.kind)
        if side is None:
            return None
        child_m, parent_m = (rel.subject, rel.relative) if side == "relative" else (rel.relative, rel.subject)
        child_m, parent_m = _full_form(ctx, child_m), _full_form(ctx, parent_m)
        child, parent = double_surnames(child_m), double_surnames(parent_m)
        if child is None or parent is None:
            return None
        folded_child, folded_parent = [fold(w) for w in child], [fold(w) for w in parent]
        if not set(folded_child) & set(folded_parent):
            return None  # nothing shared: the plain surname comparison's case
        sex = _parent_sex(ctx, rel, relations, parent_m)
        c1, c2 = folded_child
        p1, p2 = folded_parent
        fits = {"m": c1 == p1 or c2 == p2, "f": c2 == p1 or c1 in (p1, p2)}
        if sex is None or fits[sex]:
            return None
        role = "father" if sex == "m" else "mother"
        place = "first" if sex == "m" else "second"
        message = (f"{child_m.text} is called the child of {parent_m.text}, but under the double-surname custom "
                   f"these names follow, a {role} passes on the first surname ({parent[0]}) as the child's {place}, "
                   f"and {child_m.text}'s {place} surname is {child[0] if sex == 'm' else child[1]}.")
        return self.finding(message, [rel.to_span()], [parent_m.to_span()], confidence=0.6,
                            data={"relation": rel.kind, "person": child_m.text, "relative": parent_m.text,
                                  "custom": "double surname"})

    def _double_surname(self, ctx: ArticleAnalysis, rel: Relation, relations: list[Relation],
                        finding: Finding) -> Finding | None:
        """Under the double-surname custom (Spanish, Portuguese) a child carries a surname of
        each parent: a child named after the other parent but not after this one, in a family
        whose names have two surnames, is a slip, not a married name."""
        child = _full_form(ctx, rel.subject)
        if rel.kind not in ("son", "daughter") or len(_name_words(child)) < 3 or len(_name_words(rel.relative)) < 3:
            return None
        subject = ctx.people.of_mention(rel.subject)
        other = next((r for r in relations if r is not rel and r.kind == rel.kind
                      and ctx.people.of_mention(r.subject) is subject and r.relative.text != rel.relative.text
                      and len(_name_words(r.relative)) >= 3 and surnames_explained(child, r.relative)), None)
        if other is None:
            return None
        message = (f"{child.text} is called the {rel.kind} of {rel.relative.text} and of {other.relative.text}, "
                   f"but under the double-surname custom these names follow, a {rel.kind} carries a surname of each "
                   f"parent, and {child.text} has none of {rel.relative.text}'s.")
        return self.finding(message, [rel.to_span()], [rel.relative.to_span(), other.relative.to_span()],
                            confidence=0.7, data={**(finding.data or {}), "custom": "double surname"})

    def _relation(self, ctx: ArticleAnalysis, rel: Relation) -> Finding | None:
        kind = rel.kind
        if kind not in _PATRILINEAL and kind not in _USUALLY_SHARED:
            return None  # spouses, in-laws, step-relations, cousins: surnames differ freely
        subject, relative = _full_form(ctx, rel.subject), _full_form(ctx, rel.relative)
        if not subject.is_full or not subject.surname or not relative.surname:
            return None
        if not relative.is_full and not relative.honorific:
            return None  # "the brother of Fidel": a first name alone says nothing of the surname
        if surnames_explained(subject, relative) or patronymic_explains(subject, relative):
            return None
        person_r = ctx.people.of_mention(relative)
        if person_r is not None and any(surnames_explained(subject, m) for m in person_r.mentions if m.surname):
            return None
        honorifics = {relative.honorific, subject.honorific} | (person_r.honorifics if person_r else set())
        if honorifics & NOBLE_HONORIFICS:
            return None  # "Lord Sainsbury's son": a peer's title is not a surname
        if _other_antecedent_fits(ctx, rel, subject, person_r):
            return None
        sentence = ctx.doc(rel.field)[rel.subject.token_start].sent.text
        relative_name = relative.text if relative.is_full or person_r is None else person_r.name
        message = (f"{subject.text} is called the {kind} of {relative_name}, but the surnames differ "
                   f"({subject.surname} vs {relative.surname}).")
        data = {"relation": kind, "person": subject.text, "relative": relative_name,
                "surnames": [subject.surname, relative.surname]}
        relative_female = _female(person_r, relative, by_given_name=kind in _CHILD_OF)
        if _RENAMING.search(sentence):
            return self.finding(message, [rel.to_span()], [relative.to_span()], confidence=0.3,
                                severity=Severity.info, data=data)
        if kind in _PATRILINEAL and not relative_female:
            return self.finding(message, [rel.to_span()], [relative.to_span()], confidence=0.8, data=data)
        if kind == "father" and (person_r is not None and person_r.gender == "m" or _his_father(ctx, rel)):
            # the father of a son ("His father, Andrzej Sobczak" of Bartosz Wilczek, "him"): the
            # son's surname is his father's unless a custom or a renaming explains it (read above)
            return self.finding(message, [rel.to_span()], [relative.to_span()], confidence=0.7, data=data)
        return self.finding(message, [rel.to_span()], [relative.to_span()], confidence=0.4,
                            severity=Severity.info, data=data)


def _other_antecedent_fits(ctx: ArticleAnalysis, rel: Relation, subject: NameMention, relative: Any) -> bool:
    """Whether the relative was reached through a pronoun ("He is survived by his wife ... and their son,
    X") that another person named earlier could mean, one whose surname the child's explains: a pronoun
    after a quoted speaker ("..., said the guitarist Y") most often still means the article's subject,
    and the names then say which."""
    family = _first_family_word(subject)
    if not rel.by_pronoun or family is None:
        return False  # the relative is named ("Y's son, X", "the son of Y"), not meant by a pronoun
    child = ctx.people.of_mention(rel.subject)
    relatives = {id(ctx.people.of_mention(a)) for r in ctx.people.relations for a, b in
                 ((r.relative, r.subject), (r.subject, r.relative)) if ctx.people.of_mention(b) is child}
    # "their daughter": her other parent and her siblings say nothing of which father the pronoun means
    for person in ctx.people:
        if person is relative or id(person) in relatives:
            continue
        # the subject's own person too: a bare "Campos" told before "their son, Pablo Campos Soler" was
        # joined to the son by surname, but a pronoun after it may mean the father it named
        earlier = [m for m in person.mentions if m.field == rel.field and m.start < rel.start and m.surname
                   and m.text != subject.text]
        if any(_first_family_word(m) == family for m in earlier):
            return True
    return False


def _his_father(ctx: ArticleAnalysis, rel: Relation) -> bool:
    """The father is introduced as "his father, X", with no one else named before it in its
    sentence (whom "his" means is then the son the relation names): the child is a son."""
    text = ctx.article.field(rel.field)
    doc = ctx.doc(rel.field)
    start = doc[rel.subject.token_start].idx
    if re.search(r"(?i)\bhis\s+(?:late\s+)?father,?\s*$", text[max(0, start - 24):start]) is None:
        return False
    sent_start = doc[rel.subject.token_start].sent.start
    return not any(sent_start <= m.token_start < rel.subject.token_start
                   for m in ctx.people.mentions if m.field == rel.field)


_SLAVIC = re.compile(r"^(?P<stem>.+?)(?:ovich|evich|ovych|evych|ovna|evna|ivna|yevich|yevna)$", re.IGNORECASE)
_ARABIC_LINK = frozenset({"bin", "ibn", "bint", "ben"})


_NORDIC_LETTERS = str.maketrans({"þ": "th", "ð": "d", "æ": "ae", "ø": "o", "å": "a"})


def _folded(word: str) -> str:
    return re.sub(r"[^a-z]", "", fold(word).lower().translate(_NORDIC_LETTERS))


def _patronym(name: str, icelandic_article: bool) -> tuple[str, str] | None:
    """(the father's first name the name implies, the custom) or None: "Sóley Einarsdóttir" ->
    ("Einar", "Icelandic"), "Hamdan bin Saeed Al Falasi" -> ("Saeed", "Arabic"), "Ivan Sergeyevich
    Petrov" -> ("Sergey", "Russian")."""
    words = name.split()
    for i, word in enumerate(words[:-1]):
        if word.lower() in _ARABIC_LINK and words[i + 1][:1].isupper():
            return words[i + 1], "Arabic"
    if len(words) >= 2:
        last = words[-1]
        found = re.match(r"^(?P<gen>.+?)(?:son|d[óo]ttir)$", last, re.IGNORECASE)
        if found and (icelandic_article or re.search(r"d[óo]ttir$", last, re.IGNORECASE)):
            genitive = found.group("gen")  # "Einars", "Páls", "Magnúss"
            plain = genitive[:-1] if genitive.endswith("s") and not genitive.endswith(("ús", "us")) else genitive
            if plain == genitive and len(genitive) > 4 and genitive.endswith("ar"):
                plain = genitive[:-2]  # "Sigurðar" of Sigurður, "Arnar" of Örn
            return plain, "Icelandic"
        for word in words[1:]:
            found = _SLAVIC.match(word)
            if found and len(words) >= 3:
                return found.group("stem"), "Russian"
    return None


def _patronym_in_address(text: str, name: str, ledger) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    """The patronymic of the Russian form of address, first name and patronymic ("Dmitry Olegovich"),
    written anywhere in the text for a person whose full name lacks it, when no one else in the
    article has that first name."""
    words = name.split()
    if len(words) != 2:
        return None
    given = words[0]
    others = [s for s in ledger.subjects.values() if s.kind == "person" and s.name != name
              and s.name.split()[:1] == [given]]
    if others:
        return None
    for found in re.finditer(rf"\b{re.escape(given)}\s+([A-Z][a-z]+)\b", text):
        stem = _SLAVIC.match(found.group(1))
        if stem:
            return stem.group("stem"), "Russian"
    return None


def _same_skeleton(implied: str, given: str) -> bool:
    """Icelandic genitives change the vowels of the name ("Arnarsson" of Örn, "Bjarnadóttir" of Björn):
    the consonants, in order, still agree."""
    a, b = (re.sub(r"[aeiouy]", "", _folded(w)) for w in (implied, given))
    short, long = sorted((a, b), key=len)
    return len(short) >= 2 and long.startswith(short)


def _matches(implied: str, given: str) -> bool:
    a, b = _folded(implied), _folded(given)
    if not a or not b:
        return True
    size = min(4, len(a), len(b))
    return a[:size] == b[:size] or a.startswith(b) or b.startswith(a)


class PatronymicMismatch(Rule):
    """A patronymic names someone other than the stated father.

    What it flags:
        "his daughter, Sóley Einarsdóttir" of Gunnar Einarsson (her father's first name,
        under the Icelandic custom, would make her Gunnarsdóttir); "his father, Khalid bin
        Rashid" of Hamdan bin Saeed; a Russian "Ivan Sergeyevich Petrov" whose stated father
        is Nikolai Petrov: the name formed from the father's first name does not fit the
        father the text gives.

    Why it matters:
        In these naming customs the name itself says who the father is; a mismatch means
        the relation or one of the names is wrong.

    Example:
        Snap election in Iceland
        Prime Minister Gunnar Einarsson won a second term. Among the new members of
        parliament is his daughter, Sóley Einarsdóttir, a first-time candidate.

    Not flagged:
        Snap election in Iceland
        Prime Minister Gunnar Einarsson won a second term. Among the new members of
        parliament is his daughter, Sóley Gunnarsdóttir, and his brother-in-law, Ari Pálsson.

    Reads:
        `ctx.claims` (kin claims: child and father, also a speaker's own "My father, X" inside
        a quotation); Icelandic -son/-dóttir, Arabic bin/ibn and
        Russian -ovich/-ovna forms read from the names themselves, or from the Russian form of
        address ("Dmitry Olegovich") written for a person whose full name lacks the patronymic.
        Icelandic genitives that change the vowel ("Arnarson" of Örn) are compared by their
        consonants. A -son surname outside an article that uses -dóttir names is a family
        surname ("Johnson"), not a patronymic. When a pronoun gave the relation ("His daughter,
        Katrín Einarsdóttir" after two men) and the article names another man whose first name
        the patronymic gives, the pronoun meant him: no finding.
    """

    code = "KN02"
    name = "kinship.patronymic-mismatch"
    default_severity = Severity.warning
    requires = ("entities", "people", "claims")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        ledger = ctx.claims
        text = f"{ctx.article.title} {ctx.article.body}"
        icelandic = bool(re.search(r"\w+d[óo]ttir\b", text))
        for claim in ledger.of("kin"):
            pair = _child_and_father(claim)
            if pair is None or "negated" in claim.qualifiers:
                continue
            child_id, father_id = pair
            child, father = ledger.subjects.get(child_id), ledger.subjects.get(father_id)
            if child is None or father is None:
                continue
            implied = _patronym(child.name, icelandic) or _patronym_in_address(text, child.name, ledger)
            father_given = father.name.split()[0] if father.name.split() else ""
            if implied is None or not father_given or len(father.name.split()) < 2 and (
                    custom_needs_full(implied) or is_known_place(father.name)):
                continue
            name, custom = implied
            if _patronym_fits(name, custom, father_given):
                continue
            if claim.data.get("by_pronoun") and _names_another_father(ledger, name, custom, father_id, child_id):
                continue  # "his daughter" meant the man her name gives, named elsewhere in the article
            yield self.finding(
                f"{child.name}'s name says, under the {custom} custom, that the father's first name is {name}, "
                f"but the father given (\"{claim.span.text}\") is {father.name}.",
                [claim.span, *child.mentions[:1]], list(father.mentions[:1]), confidence=0.75,
                data={"child": child.name, "father": father.name, "implied": name, "custom": custom},
            )


def _names_another_father(ledger: Any, name: str, custom: str, father_id: str, child_id: str) -> bool:
    """Whether someone else the article names has the first name the child's patronymic gives: when a
    pronoun gave the relation ("... his daughter, Sóley Einarsdóttir"), the name itself says whom the
    pronoun meant, and that is no mismatch."""
    for subject in ledger.subjects.values():
        if subject.kind != "person" or subject.id in (father_id, child_id):
            continue
        given = subject.name.split()[0] if subject.name.split() else ""
        if given and len(subject.name.split()) >= 2 and _patronym_fits(name, custom, given):
            return True
    return False


def _patronym_fits(name: str, custom: str, given: str) -> bool:
    """Whether a first name is the one a patronymic gives (Icelandic genitives compared by consonants)."""
    return _matches(name, given) or custom == "Icelandic" and _same_skeleton(name, given)


def custom_needs_full(implied: tuple[str, str]) -> bool:
    """Whether we need the father's full name to compare (a lone word may be a surname)."""
    return implied[1] != "Icelandic"


def _child_and_father(claim):  # type: ignore[no-untyped-def]
    """(child, father) subject ids for "X, Y's son/daughter" (Y male) or "X, Y's father"."""
    relation, relative = claim.value, claim.data.get("relative")
    if relation == "father":
        return relative, claim.subject
    if relation in ("son", "daughter") and claim.data.get("relative_gender") != "f":
        return claim.subject, relative
    return None


# Each kin word's relation, and the relation seen from the other side.
_RELATION_CLASS = {
    **dict.fromkeys(("son", "daughter"), "child"), **dict.fromkeys(("father", "mother"), "parent"),
    **dict.fromkeys(("brother", "sister", "twin", "half-brother", "half-sister"), "sibling"),
    **dict.fromkeys(("wife", "husband", "widow", "widower"), "spouse"),
    **dict.fromkeys(("grandson", "granddaughter"), "grandchild"),
    **dict.fromkeys(("grandfather", "grandmother"), "grandparent"),
    **dict.fromkeys(("nephew", "niece"), "nephew or niece"), **dict.fromkeys(("uncle", "aunt"), "uncle or aunt"),
    "cousin": "cousin",
    **dict.fromkeys(("son-in-law", "daughter-in-law"), "child-in-law"),
    **dict.fromkeys(("father-in-law", "mother-in-law"), "parent-in-law"),
    **dict.fromkeys(("brother-in-law", "sister-in-law"), "sibling-in-law"),
}
_CONVERSE = {"child": "parent", "parent": "child", "sibling": "sibling", "spouse": "spouse",
             "grandchild": "grandparent", "grandparent": "grandchild", "nephew or niece": "uncle or aunt",
             "uncle or aunt": "nephew or niece", "cousin": "cousin", "child-in-law": "parent-in-law",
             "parent-in-law": "child-in-law", "sibling-in-law": "sibling-in-law"}
_UNSURE = frozenset({"quoted", "hedged", "negated"})


class RelationConflict(Rule):
    """One pair of people is given two different family relations.

    What it flags:
        "His son, Tang Chih-hao" and later "his nephew Chih-hao" of the same man; "his
        brother-in-law, Kevin Doyle" and "Doyle, who is the son of Pemberton's sister" (a
        nephew); "her brother" one way and "his daughter" the other: two relations of one pair
        that cannot both hold.

    Why it matters:
        A family tie stated two ways is wrong at least once, and one of the two people may be
        someone else.

    Example:
        Puppeteer dies at 84
        Tang Wei-ming died on Sunday. His son, Tang Chih-hao, leads the troupe. Mr Tang handed the
        troupe to his nephew Chih-hao in 2012.

    Not flagged:
        Puppeteer dies at 84
        Tang Wei-ming died on Sunday. His son, Tang Chih-hao, leads the troupe. Mr Tang handed the
        troupe to his son Chih-hao in 2012, and his brother-in-law, Lin Hsiu, helped.

    Reads:
        `ctx.claims` kin claims (facts/kin.py), with relations through another kin noun composed
        ("the son of Pemberton's sister": nephew) and each relation compared with the converse
        of the other side's ("X is Y's father" and "Y is X's son" agree). Partners, fiancés and
        step-relations, and claims inside quotations (but a speaker's own "My husband, X"),
        hedged or negated, are not compared.
    """

    code = "KN03"
    name = "kinship.relation-conflict"
    default_severity = Severity.warning
    requires = ("entities", "people", "claims")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        ledger = ctx.claims
        seen: dict[tuple[str, str], Any] = {}  # (person, relative) -> the first claim that relates them
        reported: set[frozenset[str]] = set()
        for claim in ledger.of("kin"):
            relative = claim.data.get("relative")
            relation = _RELATION_CLASS.get(claim.value)
            if relation is None or not relative or set(claim.qualifiers) & _UNSURE:
                continue
            pair = frozenset((claim.subject, relative))
            first = seen.get((claim.subject, relative))
            first_relation = _RELATION_CLASS.get(first.value) if first is not None else None
            if first is None:
                other = seen.get((relative, claim.subject))
                if other is not None:
                    first, first_relation = other, _CONVERSE[_RELATION_CLASS[other.value]]
            if first is None:
                seen[(claim.subject, relative)] = claim
                continue
            if first_relation == relation or pair in reported:
                continue
            reported.add(pair)
            person, kin = ledger.name_of(claim.subject), ledger.name_of(relative)
            yield self.finding(
                f"{person} is called {kin}'s {claim.value} (\"{claim.span.text}\"), but earlier "
                f"(\"{first.span.text}\") the article makes {person} "
                f"{kin}'s {first_relation}.",
                [claim.span], [first.span], confidence=0.7,
                data={"person": person, "relative": kin, "relation": claim.value, "earlier": first.value},
            )


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return [SurnameKinshipMismatch, PatronymicMismatch, RelationConflict]


# Relations whose relative is the parent: "X, son of Y".
_CHILD_OF = frozenset({"son", "grandson"})


def _female(person: Any, mention: Any, by_given_name: bool) -> bool:
    """Whether the relative is a woman: by an honorific or a kin word ("Mrs", "his wife X"), or, for
    a son's parent where those are silent, by a given name whose bearers are women in the records
    ("Rosa Elvira"): a son's mother may bear another surname, his father rarely. A brother's sister
    is not read so: a brother and sister born to one family share its surname unless the text says
    otherwise, and a married name is what an honorific or the text tells."""
    if person is not None and person.gender is not None:
        return person.gender == "f"
    if not by_given_name:
        return False
    return given_names_gender(person.first_names if person is not None else [mention.first or ""]) == "f"

