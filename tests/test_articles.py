"""Whole articles written for the suite (tests/articles): every planted problem is found at
warning or above, and the clean article (NAME.clean.txt) draws no warning at all."""

import json
from pathlib import Path

from consistency.cli import main

ARTICLES = Path(__file__).parent / "articles"


def test_articles_planted_problems_found_and_clean_article_quiet(capsys):
    main(["eval", str(ARTICLES), "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    totals = result.get("totals", result)
    assert totals["items"] >= 3
    assert totals["found"] == totals["items"], result
    assert totals["clean_articles"] >= 1 and totals["clean_findings"] == 0
