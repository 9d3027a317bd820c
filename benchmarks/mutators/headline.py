"""headline: a headline the body does not support.

- `headline/actor` and `headline/place`: the headline's person or organisation (actor) or place,
  named again in the body, is swapped for one of the same kind from other articles that this
  one never mentions.
- `headline/polarity`: the headline's verb or direction word is turned to its opposite
  (rise/fall, win/lose, back/oppose, approve/reject, gain/drop, up/down ...), or its announced
  act negated ("not to visit", "won't"), where the body tells of the original.
- `headline/figure`: a figure or score of the headline that the body repeats is changed, with
  the slips of `numeric/restated-value` or another number word ("five" -> "six").
"""

from __future__ import annotations

import random
import re

from .base import ArticleFacts, Mutant, Pools, Token, appears, figure_occurs, make_mutant, norm, replace, shuffled


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


# --- polarity ---------------------------------------------------------------------------------------
#: Verb forms: base, third person, past, -ing.
FORMS = {
    "rise": ("rise", "rises", "rose", "rising"), "fall": ("fall", "falls", "fell", "falling"),
    "drop": ("drop", "drops", "dropped", "dropping"), "slip": ("slip", "slips", "slipped", "slipping"),
    "slide": ("slide", "slides", "slid", "sliding"), "jump": ("jump", "jumps", "jumped", "jumping"),
    "slump": ("slump", "slumps", "slumped", "slumping"), "soar": ("soar", "soars", "soared", "soaring"),
    "plunge": ("plunge", "plunges", "plunged", "plunging"), "surge": ("surge", "surges", "surged", "surging"),
    "tumble": ("tumble", "tumbles", "tumbled", "tumbling"), "climb": ("climb", "climbs", "climbed", "climbing"),
    "gain": ("gain", "gains", "gained", "gaining"), "lose": ("lose", "loses", "lost", "losing"),
    "win": ("win", "wins", "won", "winning"), "grow": ("grow", "grows", "grew", "growing"),
    "shrink": ("shrink", "shrinks", "shrank", "shrinking"), "boost": ("boost", "boosts", "boosted", "boosting"),
    "hit": ("hit", "hits", "hit", "hitting"), "cut": ("cut", "cuts", "cut", "cutting"),
    "raise": ("raise", "raises", "raised", "raising"), "lift": ("lift", "lifts", "lifted", "lifting"),
    "increase": ("increase", "increases", "increased", "increasing"),
    "reduce": ("reduce", "reduces", "reduced", "reducing"), "back": ("back", "backs", "backed", "backing"),
    "oppose": ("oppose", "opposes", "opposed", "opposing"),
    "support": ("support", "supports", "supported", "supporting"),
    "approve": ("approve", "approves", "approved", "approving"),
    "reject": ("reject", "rejects", "rejected", "rejecting"),
    "block": ("block", "blocks", "blocked", "blocking"), "accept": ("accept", "accepts", "accepted", "accepting"),
    "welcome": ("welcome", "welcomes", "welcomed", "welcoming"),
    "condemn": ("condemn", "condemns", "condemned", "condemning"), "open": ("open", "opens", "opened", "opening"),
    "close": ("close", "closes", "closed", "closing"), "deny": ("deny", "denies", "denied", "denying"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "confirm": ("confirm", "confirms", "confirmed", "confirming"),
    "praise": ("praise", "praises", "praised", "praising"),
    "criticise": ("criticise", "criticises", "criticised", "criticising"),
    "attack": ("attack", "attacks", "attacked", "attacking"), "defend": ("defend", "defends", "defended", "defending"),
    "double": ("double", "doubles", "doubled", "doubling"), "halve": ("halve", "halves", "halved", "halving"),
    "strengthen": ("strengthen", "strengthens", "strengthened", "strengthening"),
    "weaken": ("weaken", "weakens", "weakened", "weakening"),
    "improve": ("improve", "improves", "improved", "improving"),
    "worsen": ("worsen", "worsens", "worsened", "worsening"),
    "rally": ("rally", "rallies", "rallied", "rallying"), "beat": ("beat", "beats", "beat", "beating"),
    "miss": ("miss", "misses", "missed", "missing"), "slow": ("slow", "slows", "slowed", "slowing"),
    "accelerate": ("accelerate", "accelerates", "accelerated", "accelerating"),
}
#: Each verb's opposites (the table is read both ways where the opposite is listed too).
OPPOSITE_VERBS = {
    "rise": ("fall", "drop", "slip"), "fall": ("rise", "climb"), "drop": ("rise", "gain"), "slip": ("rise", "climb"),
    "slide": ("rise", "climb"), "jump": ("fall", "slump", "drop"), "slump": ("jump", "soar", "rise"),
    "soar": ("plunge", "slump"), "plunge": ("soar", "surge"), "surge": ("slump", "plunge"),
    "tumble": ("soar", "jump"), "climb": ("fall", "slip"), "gain": ("drop", "lose"), "lose": ("win", "gain"),
    "win": ("lose",), "grow": ("shrink",), "shrink": ("grow",), "boost": ("hit",), "hit": ("boost",),
    "cut": ("raise", "increase"), "raise": ("cut",), "lift": ("cut",), "increase": ("cut", "reduce"),
    "reduce": ("increase", "raise"), "back": ("oppose", "reject"), "oppose": ("back", "support"),
    "support": ("oppose",), "approve": ("reject", "block"), "reject": ("approve", "accept", "back"),
    "block": ("approve", "back"), "accept": ("reject",), "welcome": ("condemn", "criticise"),
    "condemn": ("welcome", "praise"), "open": ("close",), "close": ("open",), "deny": ("admit", "confirm"),
    "admit": ("deny",), "confirm": ("deny",), "praise": ("criticise", "attack"), "criticise": ("praise", "back"),
    "attack": ("praise", "defend"), "defend": ("attack", "criticise"), "double": ("halve",), "halve": ("double",),
    "strengthen": ("weaken",), "weaken": ("strengthen",), "improve": ("worsen",), "worsen": ("improve",),
    "rally": ("slump", "slide"), "beat": ("miss",), "miss": ("beat",), "slow": ("accelerate",),
    "accelerate": ("slow",),
}
#: Direction words that are not verbs: up/down, higher/lower, strong/weak, ahead/behind.
OPPOSITE_WORDS = {
    "up": ("down",), "down": ("up",), "higher": ("lower",), "lower": ("higher",), "high": ("low",), "low": ("high",),
    "strong": ("weak",), "weak": ("strong",), "stronger": ("weaker",), "weaker": ("stronger",),
    "ahead": ("behind",), "behind": ("ahead",), "best": ("worst",), "worst": ("best",),
}
#: Words of one sense: the body supports a headline word when it uses a word of the same sense.
SENSES = (
    {"rise", "jump", "soar", "surge", "climb", "gain", "grow", "boost", "raise", "lift", "increase", "double",
     "rally", "strengthen", "improve", "up", "high", "higher", "strong", "stronger", "accelerate", "growth"},
    {"fall", "drop", "slip", "slide", "slump", "plunge", "tumble", "shrink", "hit", "cut", "reduce", "halve",
     "weaken", "worsen", "down", "low", "lower", "weak", "weaker", "slow", "decline", "loss", "fell"},
    {"win", "beat", "victory", "ahead", "best", "won"},
    {"lose", "miss", "defeat", "behind", "worst", "lost"},
    {"back", "support", "approve", "accept", "welcome", "praise", "defend", "endorse", "agree", "pass", "backing"},
    {"oppose", "reject", "block", "condemn", "criticise", "attack", "refuse", "veto", "opposition"},
    {"open", "launch", "opening"}, {"close", "shut", "closure"},
    {"deny", "denial"}, {"admit", "confirm", "admission"},
)
_NOT_HARM = re.compile(r"^\s*(a |an |the )?(record|high|low|peak|target|\d|\$|£|€|back|out)", re.IGNORECASE)


def _sense(word: str) -> set[str]:
    for sense in SENSES:
        if word in sense:
            return sense
    return {word}


_FORM_OF_TAG = {"VB": 0, "VBP": 0, "VBZ": 1, "VBD": 2, "VBN": 2, "VBG": 3}


def _inflect(lemma: str, tag: str) -> str:
    """`lemma` in the form the tag asks for (VBD -> "fell")."""
    return FORMS[lemma][_FORM_OF_TAG.get(tag, 0)]


def _cased(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def polarity_candidates(facts: ArticleFacts) -> list[tuple[Token, str, tuple[str, ...]]]:
    """Headline words with opposites that the body supports: (token, its lemma, the opposite words)."""
    title = facts.article.title
    body_words = {t.lemma.lower() for t in facts.body_tokens} | {t.text.lower() for t in facts.body_tokens}
    found = []
    for t in facts.title_tokens:
        word, lemma = t.text.lower(), t.lemma.lower()
        if t.pos == "VERB" and lemma in OPPOSITE_VERBS and word in FORMS[lemma] and t.tag in _FORM_OF_TAG:
            if lemma == "hit" and _NOT_HARM.match(title[t.end:]):
                continue  # "hits record high": reaching, not harming
            opposites = tuple(_inflect(o, t.tag) for o in OPPOSITE_VERBS[lemma])
        elif word in OPPOSITE_WORDS and t.pos in ("ADV", "ADP", "ADJ") and t.dep != "prt" \
                and not title[t.end:t.end + 1] == "-":
            if word in ("up", "down") and not (t.pos == "ADV" or re.match(r"\s*($|[$£€\d])", title[t.end:])):
                continue  # "up the phone line": a preposition, not a direction
            opposites = OPPOSITE_WORDS[word]
            lemma = word
        else:
            continue
        if _sense(lemma) & body_words:
            found.append((t, lemma, opposites))
    return found


def mutate_polarity(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Turn the headline's verb or direction word to its opposite ("Profits rise" -> "Profits fall"),
    or negate its announced act ("Blair to visit" -> "Blair not to visit"), against what the body says."""
    article = facts.article
    title = article.title
    choices: list[tuple[str, int, int, str, str, int]] = []  # variant, start, end, new, old, end of the quote
    for t, lemma, opposites in polarity_candidates(facts):
        new = _cased(rng.choice(opposites), t.text)
        choices.append(("antonym" if lemma in OPPOSITE_VERBS else "direction", t.start, t.end, new, t.text, t.end))
    body_lemmas = {t.lemma.lower() for t in facts.body_tokens}
    tokens = facts.title_tokens
    for t in tokens:
        after = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
        if after is None or after.pos != "VERB" or after.lemma.lower() not in body_lemmas \
                or after.lemma.lower() in ("be", "do", "have", "get", "make", "go"):
            continue
        if t.text.lower() == "to" and after.tag == "VB" and t.i > 0 and tokens[t.i - 1].pos in ("PROPN", "NOUN"):
            choices.append(("negated", t.start, t.start, "not ", "", after.end))  # "Blair not to visit"
        elif t.text.lower() == "will":
            choices.append(("negated", t.start, t.end, _cased("won't", t.text), t.text, after.end))
    for variant, start, end, new, old, quote_end in shuffled(choices, rng):
        mutated = replace(article, "title", start, end, new)
        stop = quote_end + len(new) - (end - start)
        said = mutated.title[start:stop]
        made = make_mutant("headline", "polarity", facts, mutated, "title", start, stop,
                           (f"The headline says {said!r} where the body tells of the opposite "
                            f"({title[start:quote_end]!r})." if variant != "negated" else
                            f"The headline says {said!r}; the body tells of it as planned or done "
                            f"({title[start:quote_end]!r})."),
                           {"variant": variant, "original": title[start:quote_end], "new": said})
        if made:
            return made
    return None


# --- figures ------------------------------------------------------------------------------------------
_SCORE = re.compile(r"(?<![\w.,-])(\d{1,2})-(\d{1,2})(?![\w-])")


def mutate_figure(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Change a figure or score of the headline that the body repeats ("$280bn" -> "$208bn", "2-1" -> "1-2")."""
    from .numeric import NUMBER_WORDS, RESTATEMENTS, figures, quantity_mentions, restated

    article = facts.article
    title, body = article.title, article.body
    choices: list[tuple[str, int, int, str]] = []  # variant, start, end, new
    for start, end, currency, number, unit in quantity_mentions(title):
        if title[start:end] not in body:
            continue
        for variant in shuffled(RESTATEMENTS, rng):
            new = restated(variant, currency, number, unit, rng)
            if new and new != title[start:end] and not figure_occurs(article, new):
                choices.append((variant, start, end, new))
                break
    body_values = {(f.value, f.unit) for f in figures(body)}
    for f in figures(title):
        if f.word and (f.value, f.unit) in body_values and 2 <= f.value <= 12:
            options = [n for n in NUMBER_WORDS[2:13] if n != f.digits.lower()]
            new = rng.choice(options)
            choices.append(("word", f.start, f.end, new.capitalize() if f.digits[:1].isupper() else new))
    for m in _SCORE.finditer(title):
        if m.group(0) not in body or m.group(1) == m.group(2):
            continue
        a, b = int(m.group(1)), int(m.group(2))
        new = rng.choice([f"{b}-{a}", f"{a + 1}-{b}", f"{a}-{b + 1}"])
        choices.append(("score", m.start(), m.end(), new))
    for variant, start, end, new in shuffled(choices, rng):
        mutated = replace(article, "title", start, end, new)
        old = title[start:end]
        made = make_mutant("headline", "figure", facts, mutated, "title", start, start + len(new),
                           f"The headline gives {new}; the body gives {old}.",
                           {"variant": variant, "original": old, "new": new})
        if made:
            return made
    return None
