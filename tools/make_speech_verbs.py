"""Regenerate consistency/data/speech_verbs.tsv from WordNet 3.0's verb and noun databases.

Usage: python tools/make_speech_verbs.py [/usr/share/wordnet] > consistency/data/speech_verbs.tsv
(WordNet 3.0 data files as shipped by Debian's `wordnet-base` package or any WordNet 3.0 copy).

A verb is a speech verb when its most frequent sense is a communication verb (lexicographer
file `verb.communication`) and one of its two most frequent senses is a troponym (a manner of
doing) of one of the ROOTS below: the senses of uttering, stating, repeating and quoting words.
Multi-word verbs are left out (the parse lemmatises one token).

Speech nouns ("Harcourt's line", "her words", "his remark") are nouns one of whose senses is
a hyponym of NOUN_ROOTS (statements, utterances, spoken words, lines of text, quotations).
"""

from __future__ import annotations

import sys
from pathlib import Path

# WordNet 3.0 verb synsets whose troponyms report speech.
ROOTS = {
    "01009258": "state, say, tell: express in words",
    "01016020": "allege, aver, say: report or maintain",
    "00979888": "say: utter aloud",
    "00942008": "talk, speak, utter, mouth, verbalize",
    "00940402": "express, verbalize, utter, give tongue to",
    "00958352": "repeat, reiterate, restate, retell",
    "00957697": "repeat, echo: to say again or imitate",
    "01023277": "quote, cite: repeat a passage from",
    "00965053": "report, describe: to give an account",
    "00870231": "warn: notify of danger",
    "00939295": "explain: make plain and comprehensible",
    "00818992": "insist: be emphatic or resolute",
    "01020023": "note, observe, mention, remark",
    "00953234": "tell, narrate, recount, recite",
}

NOUN_ROOTS = {
    "06722453": "statement: a message stating something",
    "07109847": "utterance, vocalization",
    "07109730": "words: the words that are spoken",
    "07012534": "line: text consisting of a row of words",
    "06613056": "quotation, quote, citation: a passage that is quoted",
}


def _read(path: Path, pointer: str, pos: str) -> dict[str, tuple[str, list[str], list[str]]]:
    """Synset offset -> (lexicographer file, lemmas, offsets of its hyponyms/troponyms)."""
    data: dict[str, tuple[str, list[str], list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split(" | ")[0].split()
        n = int(parts[3], 16)
        words = [parts[4 + 2 * i].lower().split("(")[0] for i in range(n)]
        k = 4 + 2 * n
        below = [parts[k + 1 + 4 * i + 1] for i in range(int(parts[k]))
                 if parts[k + 1 + 4 * i] == pointer and parts[k + 1 + 4 * i + 2] == pos]
        data[parts[0]] = (parts[1], words, below)
    return data


def _closure(data: dict[str, tuple[str, list[str], list[str]]], roots: dict[str, str]) -> set[str]:
    found: set[str] = set()
    stack = list(roots)
    while stack:
        offset = stack.pop()
        if offset not in found:
            found.add(offset)
            stack.extend(data[offset][2])
    return found


def _senses(path: Path) -> dict[str, list[str]]:
    senses: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        senses[parts[0]] = parts[-int(parts[2]):]
    return senses


def main(folder: Path) -> None:
    verbs = _read(folder / "data.verb", "~", "v")
    nouns = _read(folder / "data.noun", "~", "n")
    verb_closure, noun_closure = _closure(verbs, ROOTS), _closure(nouns, NOUN_ROOTS)
    print("# Speech verbs and nouns (lemma, part of speech, WordNet 3.0 synset), derived by")
    print("# tools/make_speech_verbs.py: verbs whose first sense is in verb.communication and one of whose")
    print("# first two senses is a troponym of one of")
    print("# " + "; ".join(f"{o} ({g})" for o, g in ROOTS.items()))
    print("# nouns one of whose senses is a hyponym of one of")
    print("# " + "; ".join(f"{o} ({g})" for o, g in NOUN_ROOTS.items()))
    print("# WordNet 3.0 (c) 2006 Princeton University, WordNet licence (free use with attribution).")
    print("lemma\tpos\tsynset")
    for lemma, offsets in sorted(_senses(folder / "index.verb").items()):
        if "_" in lemma or verbs[offsets[0]][0] != "32":
            continue
        hit = next((o for o in offsets[:2] if o in verb_closure), None)
        if hit:
            print(f"{lemma}\tverb\t{hit}")
    for lemma, offsets in sorted(_senses(folder / "index.noun").items()):
        hit = next((o for o in offsets if o in noun_closure), None)
        if hit and "_" not in lemma:
            print(f"{lemma}\tnoun\t{hit}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"))
