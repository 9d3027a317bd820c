"""kinship/surname: a relative who should share a man's surname is given another one.

Only relations that keep the family name are used: a man's son, brother, father, daughter,
sister, nephew or grandson ("his", or "Mr X's"), since wives, mothers and a woman's relatives
may rightly bear other names (married names are a trap of the blind set, not a slip).

- "changed": "Mr Oatley ... his son Sandy Oatley" -> "his son Sandy Hughes".
- "completed": a relative named by first name only gets another surname ("his son Nick" ->
  "his son Nick Hughes").
- "inserted": a sentence or clause naming such a relative with another surname is added after
  a sentence about the man ("Mr Ebbers's son, Daniel Hughes, declined to comment.").
"""

from __future__ import annotations

import random
import re

from .base import MALE_FIRST_NAMES, SURNAMES, ArticleFacts, Mention, Mutant, Pools, appears, make_mutant, norm, \
    replace, shuffled

SAME_NAME_KIN = ("son", "brother", "father", "daughter", "sister", "sons", "brothers", "nephew", "grandson")
_KIN = re.compile(rf"\b(his|[A-Z][a-z]+'s) ((?:[a-z]+ )?(?:{'|'.join(SAME_NAME_KIN)})),? "
                  r"([A-Z][a-z]+)( [A-Z][a-z]+)?\b")
INSERTS = {
    "declined": "{man}'s {kin}, {name}, declined to comment.",
    "joined": "{man} was joined by his {kin}, {name}.",
    "works": "{man}'s {kin}, {name}, also works for the {org}.",
    "present": "{man}'s {kin}, {name}, was also present.",
}


def _man(facts: ArticleFacts, at: int) -> tuple[str, Mention] | None:
    """The man "his" refers to before `at`: the last person named in this sentence or the one before."""
    sentences = [s for s in facts.sentences if s.start <= at]
    since = sentences[-2].start if len(sentences) > 1 else 0
    for m in reversed([p for p in facts.people() if since <= p.start and p.end <= at]):
        surname = norm(m.text).split()[-1] if norm(m.text) else ""
        if surname[:1].isupper():
            return surname, m
    return None


def _other_surname(facts: ArticleFacts, rng: random.Random, avoid: str) -> str | None:
    options = [s for s in SURNAMES if s != avoid and not appears(facts.article, s)]
    return rng.choice(options) if options else None


def mutate_kin_surname(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Give a man's son, brother, father (and so on) a surname that is not the family's."""
    article, body = facts.article, facts.article.body
    edits = []  # variant, start, end, new, quote start, quote end before the edit, man's surname
    for m in _KIN.finditer(body):
        owner = m.group(1)
        if owner == "his":
            found = _man(facts, m.start())
            if found is None:
                continue
            surname = found[0]
        else:
            surname = owner[:-2]
            if not re.search(rf"\bMr {re.escape(surname)}\b", body):
                continue
        first, last = m.group(3), (m.group(4) or "").strip()
        if last and last == surname:
            edits.append(("changed", m.start(4) + 1, m.end(4), None, m.start(2), m.end(4), surname))
        elif not last and first not in (surname,) and first[0].isupper() and not appears(article, f"{first} {surname}"):
            edits.append(("completed", m.end(3), m.end(3), None, m.start(2), m.end(3), surname))
    inserts = []
    for sent in facts.sentences:
        text = body[sent.start:sent.end]
        man = re.search(r"\bMr ([A-Z][a-z]+)\b", text)
        if not man or '"' in text or not text.rstrip().endswith("."):
            continue
        inserts.append(("inserted", sent.end, sent.end, None, sent.end, sent.end, man.group(1)))
    # a relative the article already names is edited first; a new one is added only where there is none
    for variant, start, end, _, q_start, q_end, surname in shuffled(edits, rng) + shuffled(inserts, rng):
        other = _other_surname(facts, rng, surname)
        if other is None:
            continue
        if variant == "changed":
            new = other
        elif variant == "completed":
            new = f" {other}"
        else:
            kin = rng.choice(("son", "brother"))
            template = rng.choice(sorted(INSERTS))
            org = "company" if re.search(r"\b(firm|company|shares)\b", body) else "party"
            name = f"{rng.choice(MALE_FIRST_NAMES)} {other}"
            sentence = INSERTS[template].format(man=f"Mr {surname}", kin=kin, name=name, org=org)
            new = " " + sentence
            variant = f"inserted-{template}"
            q_start, q_end = start + 1, start
        mutated = replace(article, "body", start, end, new)
        q_stop = q_end + len(new) - (end - start)
        made = make_mutant("kinship", "surname", facts, mutated, "body", q_start, q_stop,
                           f"A relative of Mr {surname} who would share his surname is called {other}.",
                           {"variant": variant, "surname": surname, "kin_surname": other})
        if made:
            return made
    return None
