"""Time and stance qualifiers of a claim, read from the words that govern it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Modifiers of a role or title noun that place it in time: "former coach", "acting chair".
TIME_MODIFIERS: dict[str, str] = {
    "former": "former", "ex": "former", "then": "former", "late": "former", "erstwhile": "former",
    "one-time": "former", "onetime": "former", "retired": "former", "previous": "former",
    "acting": "acting", "interim": "acting", "caretaker": "acting",
    "outgoing": "outgoing", "incoming": "future", "designate": "future", "elect": "future",
    "future": "future", "prospective": "future", "would-be": "future", "new": "new", "newly": "new",
    # a pursuit beside the main role, not a second post: "a trained pianist", "a keen golfer"
    "amateur": "avocation", "keen": "avocation", "trained": "avocation", "aspiring": "avocation",
    "self-taught": "avocation", "part-time": "avocation", "occasional": "avocation", "lifelong": "avocation",
    "accomplished": "avocation", "talented": "avocation", "passionate": "avocation",
}
# Verbs that report a change of role or state: a sentence with one is not compared as a steady state.
CHANGE_LEMMAS = frozenset("""
appoint name become promote replace succeed elect hire sign join leave quit resign retire step move switch
convert turn transfer recruit poach demote sack fire dismiss oust nominate select draft loan swap retrain
graduate qualify rejoin return take
""".split())
HEDGES = frozenset({"reportedly", "allegedly", "apparently", "supposedly", "purportedly", "rumoured", "rumored"})
QUOTES = frozenset({'"', "“", "”", "«", "»"})


def governing_verb(token: Token) -> Token | None:
    """The nearest verb or auxiliary above a token (itself when it is one)."""
    for t in (token, *token.ancestors):
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def stance(token: Token) -> set[str]:
    """Negation, hedging and reported speech around the clause of a token."""
    found: set[str] = set()
    verb = governing_verb(token)
    if verb is not None:
        if any(c.dep_ == "neg" for c in verb.children):
            found.add("negated")
        if any(c.lower_ in HEDGES for c in verb.children) or any(
                c.dep_ == "aux" and c.lower_ in ("may", "might", "could") for c in verb.children):
            found.add("hedged")
    if inside_quotation(token):
        found.add("quoted")
    return found


def reports_change(token: Token) -> bool:
    """Whether a verb above the token reports a change of role or state ("was appointed coach",
    "became the captain", "Solano, who joined as a winger")."""
    child = token
    for t in token.ancestors:
        if t.pos_ in ("VERB", "AUX"):
            # a title on the subject of "X signed a deal" is not what changes
            return t.lemma_.lower() in CHANGE_LEMMAS and child.dep_ not in ("nsubj", "nsubjpass")
        child = t
    return False


def time_modifiers(tokens: list[Token]) -> set[str]:
    """Qualifiers from modifier words among these tokens ("former", "acting", "ex-")."""
    found = set()
    for t in tokens:
        word = t.lower_.rstrip("-")
        if word in TIME_MODIFIERS:
            found.add(TIME_MODIFIERS[word])
        elif t.lower_.startswith("ex-"):
            found.add("former")
    return found


def inside_quotation(token: Token) -> bool:
    """Whether a token stands between quotation marks of its paragraph."""
    return _quoted_tokens(token.doc)[token.i]


def _quoted_tokens(doc: Doc) -> list[bool]:
    cached = doc.user_data.get("consistency.quoted")
    if cached is None or len(cached) != len(doc):
        cached = _scan_quotes(doc)
        doc.user_data["consistency.quoted"] = cached
    return cached


def _scan_quotes(doc: Doc) -> list[bool]:
    inside, flags = False, []
    for t in doc:
        if "\n" in t.text:
            inside = False
        if t.text in QUOTES:
            if t.text == "“":
                inside = True
            elif t.text == "”":
                inside = False
            else:
                inside = not inside
            flags.append(False)
            continue
        flags.append(inside)
    return flags
