"""Time budgets for rules and articles (see `deadline`)."""

from __future__ import annotations


class BudgetExceeded(BaseException):
    """A rule or an article ran past its time budget.

    A BaseException, like KeyboardInterrupt, so a rule's own `except Exception`
    cannot swallow it.
    """
