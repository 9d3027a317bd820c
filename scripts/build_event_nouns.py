"""Build consistency/data/event_nouns.tsv from WordNet 3.0 (Princeton's data, e.g. Debian's wordnet-base).

An event noun is a one-word noun whose most frequent sense (the first in index.noun) or
second sense is filed by WordNet's lexicographers under noun.act, noun.event, noun.time or
noun.communication ("festival", "final", "accord", "study"), or a kind of social gathering
(noun.group under "gathering": "meeting", "rally", "summit"), and whose first sense is not a
person or another group. The table lists the word and the lexicographer file of its first such sense.

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
    hypernyms: dict[str, list[str]] = {}
    gathering = ""
    for line in (root / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split()
        offsets[parts[0]] = int(parts[1])
        hypernyms[parts[0]] = [parts[i + 1] for i, p in enumerate(parts) if p in ("@", "@i")]
        words = parts[4:4 + 2 * int(parts[3], 16):2]
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

    print("# word\tlexicographer file (WordNet 3.0; scripts/build_event_nouns.py)")
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
            print(f"{word}\t{found}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
