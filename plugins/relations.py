"""Rule family `relations`: not yet written (see the open issue for this family)."""

from __future__ import annotations

from consistency import Rule, hookimpl


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return []
