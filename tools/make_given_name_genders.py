"""Regenerate consistency/data/given_name_genders.tsv from the nomquamgender package's name data.

Usage: python tools/make_given_name_genders.py PATH/TO/nomquamgender/name_data.json > consistency/data/given_name_genders.tsv
(`pip download nomquamgender==0.1.4 --no-deps` and unzip the wheel; MIT licence, Van Buskirk,
Clauset and Larremore, "An open-source cultural consensus approach to name-based gender
classification", ICWSM 2023: given names with how many people in many countries' records bore
them and the share of those that were women).

A name is listed as "f" or "m" only where the records agree (at most 3% the other way) and at
least MIN_COUNT people bore it; names of Latin letters only (an English news text spells names in
Latin script). Names both ways ("Jean", "Kim", "Andrea") are left out: the rules then know nothing.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata

MIN_COUNT = 100
AGREEMENT = 0.06
_LATIN_NAME = re.compile(r"^[a-zà-ɏ]+(?:-[a-zà-ɏ]+)?$")


def main(path: str) -> None:
    data = json.loads(open(path, encoding="utf-8").read())
    rows = []
    for name, values in data.items():
        name = unicodedata.normalize("NFC", name)
        count, share_female = values[1], values[2]
        if len(name) < 2 or not _LATIN_NAME.match(name) or count < MIN_COUNT:
            continue
        if share_female <= AGREEMENT:
            rows.append((name, "m"))
        elif share_female >= 1 - AGREEMENT:
            rows.append((name, "f"))
    print("# Given names and the sex their bearers share, from nomquamgender 0.1.4 (MIT licence: given_name_genders.LICENSE; see")
    print(f"# tools/make_given_name_genders.py): at least {MIN_COUNT} bearers, at most {AGREEMENT:.0%} the other way.")
    for name, sex in sorted(set(rows)):
        print(f"{name}\t{sex}")


if __name__ == "__main__":
    main(sys.argv[1])
