"""Currencies by sign, code and name, so that a figure is read as money in every way a paper writes it.

Signs ("HK$", "Rs", "₦", "R" in "R7 million") come from `consistency/data/currency_signs.tsv`; codes
("NGN5bn") and names written after a figure ("38 million Hong Kong dollars", "5 billion naira") from
pycountry's ISO 4217 table, so a currency no one listed is still read. Every figure gets its ISO code as
its unit; `same_sign` tells a headline's bare "$" from a body's "HK$" only where the names differ.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import _data

#: Last words of ISO names that are ordinary English words after a number ("two real reasons", "5 gold").
_COMMON_WORDS = frozenset({"real", "mark", "gold", "silver", "sol", "sum", "som", "colon", "won", "dong", "kip",
                           "dram", "leone", "tala", "sterling", "oro", "account", "purposes", "involved", "sucre",
                           "platinum", "palladium", "fomento", "mvdol", "previsional", "uruguayo", "soberano"})


@lru_cache(maxsize=1)
def signs() -> dict[str, tuple[str, bool]]:
    """sign (lower case) -> (ISO code, glued only)."""
    table: dict[str, tuple[str, bool]] = {}
    for line in _data("currency_signs.tsv").splitlines():
        if not line or line[0] == "#":
            continue
        cols = line.split("\t")
        table[cols[0]] = (cols[1], len(cols) > 2 and cols[2] == "glued-only")
    return table


@lru_cache(maxsize=1)
def _iso() -> tuple[dict[str, str], dict[str, str], dict[str, list[str]]]:
    """(code -> lower-case name, lower-case name -> code, last word -> codes) from pycountry."""
    import pycountry

    names, by_name, families = {}, {}, {}
    for currency in pycountry.currencies:
        code = currency.alpha_3
        if code.startswith("X") and code not in ("XAF", "XOF", "XCD"):
            continue  # funds, metals, test codes
        name = currency.name.lower()
        names[code] = name
        by_name[name] = code
        last = name.split()[-1]
        if re.fullmatch(r"[a-z]+", last) and last not in _COMMON_WORDS:
            families.setdefault(last, []).append(code)
    return names, by_name, families


def code_name(code: str) -> str | None:
    """The ISO name of a code, lower case ("HKD" -> "hong kong dollar")."""
    return _iso()[0].get(code)


_GLUED_RE = re.compile(r"^([^\d\s]{1,4}?)(\d[\d,]*(?:\.\d+)?(?:bn|m|mn|k|tn|b)?)$", re.IGNORECASE)


def glued(text: str) -> tuple[str, str, bool] | None:
    """(code, figure, glued-only sign?) of a sign or code written against a figure: "HK$38" -> ("HKD", "38"),
    "NGN5bn" -> ("NGN", "5bn", False), "R7" -> ("ZAR", "7", True); None for "38" or "N95-style" words."""
    if not text or text[0].isdigit():
        return None
    match = _GLUED_RE.match(text)
    if match is None:
        return None
    sign, figure = match.group(1), match.group(2)
    found = signs().get(sign.lower())
    if found is not None:
        return found[0], figure, found[1]
    if sign.isupper() and len(sign) == 3 and sign in _iso()[0]:
        return sign, figure, False
    return None


def sign_before(text: str) -> str | None:
    """The code of a sign written apart before a figure ("Rs", "KSh", "A$", "₦"); not a glued-only letter."""
    found = signs().get(text.lower())
    if found is None or found[1]:
        return None
    return found[0]


def named_after(words: list[str]) -> tuple[str, int] | None:
    """(code, words used) for a currency named after a figure: ["hong", "kong", "dollar"] -> ("HKD", 3),
    ["naira"] -> ("NGN", 1), ["kenyan", "shilling"] -> ("KES", 2). `words` are lower-case lemmas, the
    last one singular. A family word that names several currencies alone ("shillings") is not read."""
    _, by_name, families = _iso()
    for size in range(min(4, len(words)), 0, -1):
        last = words[size - 1]
        if last not in families:
            continue
        qualifier = words[:size - 1]
        if not qualifier:
            codes = families[last]
            return (codes[0], 1) if len(codes) == 1 else None
        phrase = " ".join(words[:size])
        if phrase in by_name:
            return by_name[phrase], size
        for code in families[last]:
            name = _iso()[0][code].split()
            if len(name) == size and all(_same_stem(a, b) for a, b in zip(name[:-1], qualifier)):
                return code, size  # "Kenya shillings", "Pakistani rupees"
    return None


def _same_stem(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short)


def same_sign(a: str | None, b: str | None) -> bool:
    """Two currencies a headline may write with one sign: "$" over "HK$", "£" over "E£" (one family name)."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    name_a, name_b = code_name(a), code_name(b)
    if name_a is None or name_b is None:
        return False
    last_a, last_b = name_a.split()[-1], name_b.split()[-1]
    return last_a == last_b or {last_a, last_b} == {"dollar"} or "sterling" in (last_a, last_b) and "pound" in (last_a, last_b)


def family(word: str) -> list[str]:
    """The codes a currency's last name word may mean: "shilling" -> KES, SOS, TZS, UGX; [] for other words."""
    return list(_iso()[2].get(word, []))
