"""Codes are never reused or silently dropped: the built-in rules match the checked-in list.

A new rule adds its line to registered_codes.txt; a renamed rule keeps its code; a dropped
rule's line stays, marked `(retired)`, so the code is never given to another rule.
"""

from pathlib import Path

from consistency.plugin_manager import get_plugin_manager

LIST = Path(__file__).with_name("registered_codes.txt")


def test_registered_codes_match_builtin_rules():
    listed = dict(line.split(maxsplit=1) for line in LIST.read_text().splitlines() if line.strip())
    active = {code: name for code, name in listed.items() if "(retired)" not in name}
    builtin = {code: cls.name for code, (cls, plugin) in get_plugin_manager().rules().items()
               if plugin.startswith("consistency_rules_")}
    assert builtin == active, "update tests/plugins/registered_codes.txt (never reuse a code)"
