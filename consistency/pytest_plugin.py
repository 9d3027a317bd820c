"""The pytest plugin (entry point `pytest11`): fixtures for rule tests.

Kept apart from `consistency.testing` so that only pytest, which loads this module
itself, needs pytest installed.
"""

from __future__ import annotations

from typing import Any

import pytest

from .checker import Checker
from .testing import run_rule


@pytest.fixture
def consistency_run_rule() -> Any:
    """The `run_rule` helper as a fixture."""
    return run_rule


@pytest.fixture(scope="session")
def consistency_checker() -> Checker:
    """A checker with the default configuration, shared by the session."""
    return Checker()
