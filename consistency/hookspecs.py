"""The hook specifications: the whole plugin contract, one place.

Hooks are called with keyword arguments, and an implementation may declare only the
arguments it uses (pluggy's opt-in arguments), so hooks can gain arguments later
without breaking plugins. Every hook is documented in docs/hooks.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import pluggy

if TYPE_CHECKING:
    from spacy.language import Language

    from .rules import Rule

PROJECT_NAME = "consistency"

_F = TypeVar("_F", bound=Callable[..., Any])

hookspec = cast(Callable[[_F], _F], pluggy.HookspecMarker(PROJECT_NAME))
hookimpl = cast(Callable[[_F], _F], pluggy.HookimplMarker(PROJECT_NAME))


@hookspec
def consistency_rules() -> list[type[Rule]]:  # type: ignore[empty-body]
    """Return the rule classes this plugin provides.

    Called once when the plugin manager is built. Each class is validated
    (code, name, summary, options) before it can be selected.

    :returns: a list of `consistency.Rule` subclasses.
    """


@hookspec
def consistency_prepare_nlp(nlp: Language) -> None:
    """Modify the shared spaCy pipeline once, after it is loaded.

    Use it to add components such as an `entity_ruler` with gazetteer patterns.
    Called once per process and pipeline, before any article is parsed.

    :param nlp: the loaded `spacy.language.Language`.
    """


@hookspec
def consistency_reporters() -> dict[str, type[Any]]:  # type: ignore[empty-body]
    """Return report formats this plugin adds, by `--format` name.

    Each value is a `consistency.reporters.Reporter` subclass.

    :returns: a mapping of format name to reporter class.
    """


@hookspec
def consistency_knowledge_packs() -> list[str]:  # type: ignore[empty-body]
    """Return paths of knowledge packs this plugin ships (see docs/knowledge.md).

    Called when a checker is built; the packs are loaded beside those given with
    `--knowledge` or in the configuration.

    :returns: a list of file paths.
    """
