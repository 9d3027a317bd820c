"""Name forms: every way a person is named ("Iker Solano", "Solano", "Mr Solano").

The clusters come from `consistency.understanding.people` (which mentions are one person); each
mention becomes a `name` claim whose value is the name as written, with its given
names, surname and honorific in `data`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .qualifiers import stance

if TYPE_CHECKING:
    from ..ledger import Claim, Reader


def extract(reader: Reader) -> Iterator[Claim]:
    """One `name` claim per person mention."""
    for person in reader.ctx.person_names:
        sid = reader.person(person)
        for m in person.mentions:
            doc = reader.ctx.doc(m.field)
            if m.token_end <= m.token_start:
                continue
            qualifiers = stance(doc[m.token_start]) - {"negated", "hedged"}
            if m.ambiguous:
                qualifiers.add("ambiguous")
            yield reader.claim(sid, "name", m.text, doc, m.token_start, m.token_end, "names", qualifiers,
                               given=list(m.given), surname=m.surname, honorific=m.honorific, source=m.source)
