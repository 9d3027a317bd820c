"""What every benchmark shares: finding and reading the corpus, the run's facts, saving results."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"

if str(REPO) not in sys.path:  # so `python benchmarks/x.py` imports `benchmarks.common`
    sys.path.insert(0, str(REPO))

from consistency import Article  # noqa: E402
from consistency.inputs import Document  # noqa: E402


def find_corpus(path: str | None = None) -> Path:
    """The BBC corpus folder: the given path, $CONSISTENCY_CORPUS, or shared/corpus/bbc beside the repo."""
    candidates = [path, os.environ.get("CONSISTENCY_CORPUS"), str(REPO.parent / "shared" / "corpus" / "bbc"),
                  "/work/shared/corpus/bbc"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    raise SystemExit("BBC corpus not found: pass --corpus PATH or set CONSISTENCY_CORPUS")


def corpus_files(root: Path, limit: int | None = None) -> list[Path]:
    """The corpus's article files (`<category>/NNN.txt`), sorted; `limit` takes evenly spaced ones.

    Spacing the sample keeps small runs mixed across the categories (business, politics, tech).
    """
    files = sorted(p for p in root.rglob("*.txt") if p.stem.isdigit())
    if limit is not None and 0 < limit < len(files):
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


def load_documents(files: Sequence[Path], root: Path | None = None) -> list[Document]:
    """One `Document` per file, its source the path relative to the corpus root."""
    docs = []
    for f in files:
        source = str(f.relative_to(root)) if root else str(f)
        docs.append(Document(source, Article.from_text(f.read_text(encoding="utf-8"))))
    return docs


def words(article: Article) -> int:
    """Whitespace-separated words of title and body."""
    return len(article.title.split()) + len(article.body.split())


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_facts(checker: Any = None) -> dict[str, Any]:
    """What the numbers depend on: time, commit, versions, machine, and the rules that ran."""
    import spacy

    try:
        commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=False).stdout.strip()
    except OSError:
        commit = ""
    facts: dict[str, Any] = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "cpus": os.cpu_count(),
        "argv": " ".join(sys.argv),
    }
    if checker is not None:
        facts["model"] = checker.nlp.meta.get("name", "") and f"{checker.nlp.lang}_{checker.nlp.meta['name']}"
        facts["rules"] = [r.code for r in checker.rules]
    return facts


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A GitHub-flavoured markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def save_results(name: str, data: dict[str, Any], markdown: str, out_dir: Path | None = None) -> tuple[Path, Path]:
    """Write `<name>.json` and `<name>.md` under the results folder; returns both paths."""
    folder = out_dir or RESULTS
    folder.mkdir(parents=True, exist_ok=True)
    json_path, md_path = folder / f"{name}.json", folder / f"{name}.md"
    json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md_path.write_text(markdown.rstrip() + "\n", encoding="utf-8")
    return json_path, md_path


BUILTIN_PLUGIN_PREFIX = "consistency_rules_"


def builtin_codes(preview: bool = True) -> list[str]:
    """Codes of the built-in rules (plugins `consistency_rules_*`), preview ones included if asked.

    Benchmarks measure the project's own rules: an installed third-party plugin (such as
    an example plugin) is left out unless selected by code.
    """
    from consistency.plugin_manager import get_plugin_manager

    return [code for code, (cls, plugin) in get_plugin_manager().rules().items()
            if plugin.startswith(BUILTIN_PLUGIN_PREFIX) and (preview or cls.stability != "preview")]


def add_rule_options(parser: Any) -> None:
    """--select / --ignore / --no-preview / --plugin, shared by every benchmark script."""
    parser.add_argument("--select", help="rule codes or prefixes to run (default: every built-in rule)")
    parser.add_argument("--ignore", default="", help="rule codes or prefixes to skip")
    parser.add_argument("--no-preview", action="store_true", help="leave out rules marked preview")
    parser.add_argument("--plugin", action="append", default=[], help="also load this plugin module")


def config_from(args: Any, **settings: Any) -> Any:
    """The benchmark's `Config`: the selected rules (default every built-in one) plus `settings`."""
    from consistency import Config

    select = [c for c in args.select.split(",") if c] if args.select else builtin_codes(not args.no_preview)
    return Config(select=select, ignore=[c for c in args.ignore.split(",") if c], preview=not args.no_preview,
                  plugins=list(args.plugin), **settings)


def rule_stability(codes: Sequence[str]) -> dict[str, str]:
    """"stable" or "preview" for each rule code."""
    from consistency.plugin_manager import get_plugin_manager

    rules = get_plugin_manager().rules()
    return {code: rules[code][0].stability if code in rules else "?" for code in codes}
