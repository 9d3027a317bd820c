"""Write consistency/data/antonyms.tsv and consistency/data/verb_synonyms.tsv from WordNet 3.0.

    python scripts/wordnet_lexicon.py [WORDNET_DICT_DIR]

WORDNET_DICT_DIR holds WordNet's `data.verb` (Debian's `wordnet-base` installs it in
/usr/share/wordnet, the default). The tables are committed, so nothing reads WordNet at run time.

- antonyms.tsv: verb pairs joined by WordNet's lexical antonym pointer ("win"/"lose",
  "rise"/"fall", "accept"/"reject", "praise"/"criticize"), one pair a line, single words only,
  less light verbs whose antonym sense is not their news sense ("give"/"take", "come"/"go").
- verb_synonyms.tsv: for each single-word verb, the single-word members of the synsets of its
  first three senses (WordNet orders senses by frequency): "shoot" -> "film", "initial" -> "sign".

WordNet 3.0 licence: Princeton University, free to use, copy and distribute with this notice
(https://wordnet.princeton.edu/license-and-commercial-use).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Verbs so general that their WordNet antonym is not what a headline means by them.
LIGHT_VERBS = frozenset("""
be have do give take come go get make let put set run work stay move lie sit stand know ignore change
follow precede hold find show hide record erase break keep add act rest live feel mind forget remember
bring send cause like love hate hit miss lead look talk talk think say tell see hear
""".split())

OUT = Path(__file__).resolve().parent.parent / "consistency" / "data"


def _synsets(path: Path) -> dict[str, tuple[list[str], list[tuple[str, str, str]]]]:
    synsets: dict[str, tuple[list[str], list[tuple[str, str, str]]]] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split(" | ")[0].split()
        offset, count = parts[0], int(parts[3], 16)
        words = [parts[4 + 2 * i].lower() for i in range(count)]
        i = 4 + 2 * count
        pointers = []
        for _ in range(int(parts[i])):
            symbol, target, _pos, source_target = parts[i + 1:i + 5]
            pointers.append((symbol, target, source_target))
            i += 4
        synsets[offset] = (words, pointers)
    return synsets


def _first_senses(index: Path, limit: int = 3) -> dict[str, list[str]]:
    senses: dict[str, list[str]] = {}
    for line in index.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split()
        lemma, synset_count, pointer_count = parts[0], int(parts[2]), int(parts[3])
        offsets = parts[6 + pointer_count:6 + pointer_count + synset_count]
        senses[lemma] = offsets[:limit]
    return senses


def main(directory: str = "/usr/share/wordnet") -> None:
    root = Path(directory)
    synsets = _synsets(root / "data.verb")
    pairs: set[tuple[str, str]] = set()
    for words, pointers in synsets.values():
        for symbol, target, source_target in pointers:
            if symbol != "!":
                continue
            a = words[int(source_target[:2], 16) - 1]
            b = synsets[target][0][int(source_target[2:], 16) - 1]
            if "_" in a or "_" in b or a == b or a in LIGHT_VERBS or b in LIGHT_VERBS:
                continue
            pairs.add((min(a, b), max(a, b)))
    header = ("# Verb antonyms from WordNet 3.0 (lexical antonym pointers), written by scripts/wordnet_lexicon.py.\n"
              "# WORD<TAB>OPPOSITE. WordNet 3.0 (c) Princeton University, free to use and redistribute.\n")
    (OUT / "antonyms.tsv").write_text(header + "".join(f"{a}\t{b}\n" for a, b in sorted(pairs)), encoding="utf-8")

    senses = _first_senses(root / "index.verb")
    rows = []
    for lemma, offsets in sorted(senses.items()):
        if "_" in lemma:
            continue
        mates = sorted({w for o in offsets for w in synsets[o][0] if "_" not in w and w != lemma})
        if mates:
            rows.append(f"{lemma}\t{','.join(mates)}\n")
    header = ("# Verb synonyms from WordNet 3.0: a verb and the single-word members of the synsets of its first\n"
              "# three senses, written by scripts/wordnet_lexicon.py. WordNet 3.0 (c) Princeton University.\n")
    (OUT / "verb_synonyms.tsv").write_text(header + "".join(rows), encoding="utf-8")
    print(f"{len(pairs)} antonym pairs, {len(rows)} verbs with synonyms")


if __name__ == "__main__":
    main(*sys.argv[1:])
