"""Word lists the extractors use, loaded once per process from packaged data.

Person nouns (occupations, roles, nationalities as nouns: "winger", "cellist",
"prosecutor", "undergraduate") come from coreferee's English lexicon, derived from
WordNet 3.0 (`coreferee/lang/en/data/person_words.dat`, about 7,900 entries); we read
the data file through package metadata, without importing coreferee itself. Role
classes (which roles one person cannot hold at one time) are our own table,
`consistency/data/role_classes.tsv`, grouped by field of work, not by the texts we test on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

# Words that the person lexicon lists but that say nothing about a role.
_GENERIC = frozenset("""
man woman men women person people boy girl child children kid adult individual member one friend
guy lady gentleman someone somebody everyone human being citizen resident local native neighbour
neighbor figure star player worker staff team side group party
""".split())


# Nouns a description uses for an organisation ("the Danish investors" for a fund), and
# collective nouns for groups of people: both can carry a nationality or a base.
ORGANISATION_NOUNS = frozenset("""
firm company group investor fund bank lender insurer carmaker manufacturer maker start-up startup airline
operator developer owner buyer bidder suitor conglomerate retailer producer supplier giant broker utility
consortium partner studio label publisher charity club side team outfit band orchestra ensemble
""".split())
COLLECTIVE_NOUNS = frozenset("""
delegation team squad crew contingent group side party mission panel consortium orchestra choir band
""".split())


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Lower-cased nouns that denote a person by role, occupation or standing (WordNet via coreferee)."""
    words: set[str] = set()
    for name in ("person_words.dat", "exclusively_person_words.dat"):
        text = _coreferee_data(name)
        words.update(line.strip().lower() for line in text.splitlines() if line.strip())
    return frozenset(words - _GENERIC)


@lru_cache(maxsize=1)
def _only_person_nouns() -> frozenset[str]:
    text = _coreferee_data("exclusively_person_words.dat")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def is_only_person_noun(lemma: str) -> bool:
    """Whether a noun surely names a person ("nurse", "spokeswoman", "chief executive", "farmer"):
    coreferee's exclusively person words, the roles of the role classes, and person nouns with an
    agent's ending; not "case", "company" or "source", which WordNet also knows as people."""
    if lemma in _only_person_nouns() or lemma in role_classes():
        return True
    return is_person_noun(lemma) and lemma.endswith(_AGENT_ENDINGS)


_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ess", "ant", "ent")


def _coreferee_data(name: str) -> str:
    try:
        dist = metadata.distribution("coreferee")
    except metadata.PackageNotFoundError:
        return ""
    path = Path(str(dist.locate_file(f"coreferee/lang/en/data/{name}")))
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def is_person_noun(lemma: str) -> bool:
    """Whether a (lower-cased) noun names a person by role: "winger", "chief executive"."""
    return lemma in person_nouns() or lemma in role_classes()


@lru_cache(maxsize=1)
def role_classes() -> dict[str, str]:
    """Role phrase -> class ("winger" -> "sport.player", "umpire" -> "sport.official")."""
    table: dict[str, str] = {}
    for line in _data("role_classes.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, cls, words = line.split("\t")
        if kind != "class":
            continue
        for word in words.split(","):
            if word.strip():
                table[word.strip().lower()] = cls
    return table


@lru_cache(maxsize=1)
def exclusive_classes() -> dict[frozenset[str], float]:
    """Pairs of role classes one person cannot hold at once, with how sure that is (0-1)."""
    pairs: dict[frozenset[str], float] = {}
    for line in _data("role_classes.tsv").splitlines():
        if line.startswith("exclusive\t"):
            _, classes, sureness = line.split("\t")
            names = [c.strip() for c in classes.split(",")]
            for i, a in enumerate(names):
                for b in names[i + 1:]:
                    pairs[frozenset((a, b))] = float(sureness)
    return pairs


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _data("role_classes.tsv").splitlines():
        if line.startswith("same\t"):
            _, canonical, words = line.split("\t")
            for word in words.split(","):
                table[word.strip().lower()] = canonical.strip()
    return table


def is_named_role(phrase: str) -> bool:
    """A role phrase our tables know (a class member, a synonym or a canonical name)."""
    synonyms = _synonyms()
    return phrase in role_classes() or phrase in synonyms or phrase in synonyms.values()


def role_synonym(role: str) -> str:
    """One name per role: "finance chief" and "cfo" -> "chief financial officer"."""
    key = role.lower().replace("-", " ")
    return _synonyms().get(key, role)


@lru_cache(maxsize=1)
def exclusive_members() -> dict[str, float]:
    """Classes whose members exclude each other too (two instruments in one orchestra)."""
    found: dict[str, float] = {}
    for line in _data("role_classes.tsv").splitlines():
        if line.startswith("exclusive-members\t"):
            _, cls, sureness = line.split("\t")
            found[cls.strip()] = float(sureness)
    return found


def role_class(role: str, body_kind: str | None = None) -> str | None:
    """The class of a role phrase: the whole phrase, else its last one or two words.

    `body_kind` is the kind of body the role belongs to ("party" for "Tory leader"); a table entry
    qualified by it ("party:leader") comes first, so a party's leader is a class of its own while
    a leader of anything else has none."""
    table = role_classes()
    role = role_synonym(role)
    words = role.lower().replace("-", " ").split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[-n:])
        cls = (table.get(f"{body_kind}:{phrase}") if body_kind else None) or table.get(phrase)
        if cls:
            return cls
    return None


def _initials(text: str) -> str:
    return "".join(w[0] for w in text.replace("-", " ").split() if w[:1].isupper())


def same_organisation(a: str, b: str) -> bool:
    """Whether two ways of writing a body name one body: "the CEA" and "Consumer Electronics
    Association", "Makerere University" and "Makerere University's medical school"."""
    (ka, (wa, oa), bare_a, initials_a), (kb, (wb, ob), bare_b, initials_b) = _org_forms(a), _org_forms(b)
    if ka == kb or ka in kb or kb in ka:
        return True
    # the owner before a possessive may be written another way: "the Met's Counter Terrorism Command" and
    # "the Metropolitan Police's Counter Terrorism Command" (or cut short by the parse: "Met's Counter")
    if wa and wb and oa and ob and (oa in ob or ob in oa) and _owners_agree(wa, wb):
        return True
    return (bare_a.isupper() and bare_a in initials_b) or (bare_b.isupper() and bare_b in initials_a)


@lru_cache(maxsize=4096)
def _org_forms(name: str) -> tuple[str, tuple[str, str], str, tuple[str, str]]:
    """What `same_organisation` compares of one name, made once per name: an article compares each
    organisation it names with every other one (the key, owner and body, the bare name, initials)."""
    # a hyphen may come with spaces from a parse's tokens ("Vortex - Halcón" for "Vortex-Halcón")
    key = " ".join(re.sub(r"\s*([-–])\s*", r"\1", name.lower()).replace("'s", "").replace("’s", "").split()) \
        .removeprefix("the ")
    bare = name.replace(".", "").removeprefix("the ").strip()
    return key, _owner_and_body(name), bare, (_initials(name), _initials(name.replace(" of ", " ")))


def _owner_and_body(name: str) -> tuple[str, str]:
    """("met", "counter terrorism command") for "the Met's Counter Terrorism Command"; ("", name) without one."""
    parts = re.split(r"['’]s\s+", name.lower().removeprefix("the "), maxsplit=1)
    return (parts[0].strip(), parts[1].strip()) if len(parts) == 2 else ("", parts[0].strip())


def _owners_agree(a: str, b: str) -> bool:
    """The same owner, or one written short for the other ("Met", "Metropolitan Police")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) or short.replace(".", "") == "".join(w[0] for w in long_.split())


def _data(name: str) -> str:
    return resources.files("consistency").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _given_name_genders() -> dict[str, str]:
    rows = (line.split("\t") for line in _data("given_name_genders.tsv").splitlines() if line and line[0] != "#")
    return {name: sex for name, sex in rows}


def given_name_gender(name: str) -> str | None:
    """"m" or "f" when nearly all bearers of this given name share a sex in many countries'
    records (`consistency/data/given_name_genders.tsv`, from nomquamgender: "Michael" m,
    "Adaeze" f, "Emeka" m), else None ("Jean", "Kim", "Alex", initials, unknown names)."""
    key = unicodedata.normalize("NFC", name.strip(".").lower())
    if len(key) < 2:
        return None
    table = _given_name_genders()
    found = table.get(key)
    if found is None:  # "Siobhán" is listed as "siobhan"
        bare = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
        found = table.get(bare)
    return found


def given_names_gender(first_names: Iterable[str]) -> str | None:
    """The sex a person's first names share in the given-name records ("Michael Madden": m);
    None when they disagree or none is listed."""
    found = {given_name_gender(name) for name in first_names} - {None}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """Verbs WordNet 3.0 knows (the first column of `consistency/data/verb_synonyms.tsv`)."""
    return frozenset(line.split("\t", 1)[0] for line in _data("verb_synonyms.tsv").splitlines()
                     if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def event_nouns() -> frozenset[str]:
    """Nouns that name an event, an act or a document acted on: "festival", "final", "accord", "study".

    Read from `consistency/data/event_nouns.tsv`, built from WordNet 3.0's lexicographer files
    (noun.act, noun.event, noun.time, noun.communication, and gatherings) by
    `scripts/build_event_nouns.py`.
    """
    return frozenset(line.split("\t", 1)[0] for line in _data("event_nouns.tsv").splitlines()
                     if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def event_noun_verbs() -> dict[str, frozenset[str]]:
    """The verbs WordNet 3.0 relates an event noun to in its event senses (derivationally related
    forms): "demolition" -> {"demolish"}, "signing" -> {"sign"}, "approval" -> {"approve", ...}.

    The third column of `consistency/data/event_nouns.tsv` (`scripts/build_event_nouns.py`)."""
    found: dict[str, frozenset[str]] = {}
    for line in _data("event_nouns.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) > 2 and parts[2].strip():
            found[parts[0]] = frozenset(parts[2].strip().split(","))
    return found

# Verbs that report speech but that WordNet files elsewhere (their first sense is not a
# communication verb: "add" is arithmetic first) or that lead indirect speech.
_SPEECH_VERBS_EXTRA = frozenset("""
add claim confirm admit acknowledge concede deny ask write recall stress insist reply answer
""".split())


@lru_cache(maxsize=1)
def _speech_table() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {"verb": set(), "noun": set()}
    for line in _data("speech_verbs.tsv").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        lemma, pos, _synset = line.split("\t")
        found.setdefault(pos, set()).add(lemma)
    return {pos: frozenset(words) for pos, words in found.items()}


def speech_verbs() -> frozenset[str]:
    """Lemmas of verbs that report speech ("say", "repeat", "echo", "quip", "insist"): WordNet 3.0
    communication verbs under stating, uttering, repeating and quoting
    (`consistency/data/speech_verbs.tsv`, made by tools/make_speech_verbs.py)."""
    return _speech_table()["verb"] | _SPEECH_VERBS_EXTRA


def speech_nouns() -> frozenset[str]:
    """Lemmas of nouns for what someone said ("remark", "words", "line", "statement"): WordNet 3.0
    hyponyms of statement, utterance, spoken words, line of text and quotation."""
    return _speech_table()["noun"]
