"""Build consistency/data/event_nouns.tsv from WordNet 3.0 (Princeton's data, e.g. Debian's wordnet-base).

An event noun is a one-word noun whose most frequent sense (the first in index.noun) or
second sense is filed by WordNet's lexicographers under noun.act, noun.event, noun.time or
noun.communication ("festival", "final", "accord", "study"), or a kind of social gathering
(noun.group under "gathering": "meeting", "rally", "summit"), and whose first sense is not a
person or another group. The table lists the word, the lexicographer file of its first such sense,
and the verbs WordNet derives it from or to in those senses ("demolition": "demolish", "signing":
"sign"; derivationally related forms, comma-separated, empty when none).

    python scripts/build_event_nouns.py /usr/share/wordnet > consistency/data/event_nouns.tsv

WordNet 3.0 Copyright 2006 by Princeton University; used under the WordNet License.
"""

from __future__ import annotations

import sys
from pathlib import Path

LEXNAMES = {4: "act", 10: "communication", 11: "event", 14: "group", 18: "person", 28: "time"}
EVENT_FILES = {"act", "event", "time", "communication", "gathering"}


def main(folder: str) -> None:
    root = Path(folder)
    offsets: dict[str, int] = {}
    derived: dict[tuple[str, int], set[str]] = {}  # (noun synset, word number) -> verbs
    verb_words: dict[str, list[str]] = {}
    for line in (root / "data.verb").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split()
        verb_words[parts[0]] = [w.lower() for w in parts[4:4 + 2 * int(parts[3], 16):2]]
    hypernyms: dict[str, list[str]] = {}
    gathering = ""
    for line in (root / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split()
        offsets[parts[0]] = int(parts[1])
        hypernyms[parts[0]] = [parts[i + 1] for i, p in enumerate(parts) if p in ("@", "@i")]
        words = parts[4:4 + 2 * int(parts[3], 16):2]
        at = 4 + 2 * int(parts[3], 16)
        for k in range(int(parts[at])):
            symbol, target, pos, source_target = parts[at + 1 + 4 * k:at + 5 + 4 * k]
            if symbol == "+" and pos == "v":
                source, wanted = int(source_target[:2], 16), int(source_target[2:], 16)
                targets = verb_words.get(target, [])
                if 0 < wanted <= len(targets) and targets[wanted - 1].isalpha():
                    derived.setdefault((parts[0], source), set()).add(targets[wanted - 1])
        if words[:1] == ["gathering"] and "assemblage" in words:
            gathering = parts[0]

    def is_gathering(offset: str) -> bool:
        seen: set[str] = set()
        todo = [offset]
        while todo:
            current = todo.pop()
            if current == gathering:
                return True
            if current not in seen:
                seen.add(current)
                todo.extend(hypernyms.get(current, []))
        return False

    words_of: dict[str, list[str]] = {}
    for line in (root / "data.noun").read_text(encoding="latin-1").splitlines():
        if not line.startswith("  "):
            parts = line.split()
            words_of[parts[0]] = [w.lower() for w in parts[4:4 + 2 * int(parts[3], 16):2]]

    def verbs_of(word: str, synset: str) -> set[str]:
        number = words_of.get(synset, []).index(word) + 1 if word in words_of.get(synset, []) else 0
        return derived.get((synset, number), set())

    print("# word\tlexicographer file\tderived verbs (WordNet 3.0; scripts/build_event_nouns.py)")
    for line in (root / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split()
        word = parts[0]
        if not word.isalpha() or not word.islower():
            continue
        synset_count = int(parts[2])
        synsets = parts[-synset_count:]
        senses = [LEXNAMES.get(offsets.get(o, 0), "other") for o in synsets]
        senses = ["gathering" if s == "group" and is_gathering(o) else s for s, o in zip(senses, synsets)]
        if senses[0] in ("person", "group"):
            continue
        found = next((s for s in senses[:2] if s in EVENT_FILES), None)
        if found is not None:
            verbs = set().union(*(verbs_of(word, o) for s, o in zip(senses[:2], synsets[:2]) if s in EVENT_FILES))
            print(f"{word}\t{found}\t{','.join(sorted(verbs))}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
