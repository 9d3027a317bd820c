"""Start-up benchmark: whole-process CPU time of `consistency check` against a bare spaCy run.

A user checking one article pays the whole process: interpreter, imports, the spaCy pipeline,
the gazetteer and whatever the rules load on first use. This script runs, as separate
processes, alternated and `--repeat` times each (the cheapest run of each is kept):

- `check`: `consistency check ARTICLE --format json` (the real command);
- `bare`: `python -c "import spacy; nlp = spacy.load(MODEL); nlp.pipe([title, body])"`,
  the least any spaCy-based check of that article can cost;

and the same for `--batch N` BBC articles (one `consistency check` of N files against one
bare process parsing the same N titles and bodies in the checker's batches). CPU time is
the child's user + system seconds (`os.wait4`), which on a shared machine varies far less
than the wall clock. The gazetteer cache is warm for the timed runs (one untimed run first
fills it); a run with an empty cache folder is timed apart (`cold_check`).

    python benchmarks/startup.py                         # one article and 120, best of three
    python benchmarks/startup.py --batch 0 --name startup_before
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import corpus_files, find_corpus, markdown_table, run_facts, save_results  # noqa: E402

#: The project's goals (issue 16): one article at most bare spaCy's start-up plus this many CPU
#: seconds, and a batch at most this ratio of a bare spaCy run.
GOAL_ONE_EXTRA_S = 1.0
GOAL_BATCH_RATIO = 1.10

_BARE = """
import sys
import spacy
from consistency.models import Article
from consistency.nlp import resolve_model_name
nlp = spacy.load(resolve_model_name())
size = int(sys.argv[1])
articles = [Article.from_text(open(p, encoding="utf-8").read()) for p in sys.argv[2:]]
for at in range(0, len(articles), size):   # the checker's batches: title and body of each article
    for _ in nlp.pipe([t for a in articles[at:at + size] for t in (a.title, a.body)]):
        pass
"""


def run_cpu(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, exit code) of one child process run to its end."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{argv[:3]}... exited {proc.returncode}: {err.decode(errors='replace')[-2000:]}")
    return usage.ru_utime + usage.ru_stime, wall, proc.returncode


def check_argv(files: list[Path]) -> list[str]:
    """The real command line, from this interpreter's environment."""
    exe = Path(sys.executable).with_name("consistency")
    head = [str(exe)] if exe.exists() else [sys.executable, "-m", "consistency.cli"]
    return [*head, "check", *map(str, files), "--format", "json", "--no-progress"]


def bare_argv(files: list[Path], batch_size: int) -> list[str]:
    return [sys.executable, "-c", _BARE, str(batch_size), *map(str, files)]


def alternate(sides: dict[str, list[str]], repeat: int, env: dict[str, str]) -> dict[str, Any]:
    """Run each side `repeat` times, alternating, and keep every run; the cheapest counts."""
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
    for _ in range(repeat):
        for name, argv in sides.items():
            cpu, wall, _ = run_cpu(argv, env)
            runs[name].append((cpu, wall))
    out: dict[str, Any] = {}
    for name, values in runs.items():
        out[name] = {"cpu_s": round(min(c for c, _ in values), 3), "wall_s": round(min(w for _, w in values), 3),
                     "runs_cpu_s": [round(c, 3) for c, _ in values]}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="BBC corpus folder (default: shared/corpus/bbc)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side (the cheapest is kept)")
    parser.add_argument("--batch", type=int, default=120, help="articles for the batch comparison (0: skip)")
    parser.add_argument("--name", default="startup", help="results file name under benchmarks/results/")
    args = parser.parse_args(argv)

    root = find_corpus(args.corpus)
    one = corpus_files(root, 1)
    from consistency.config import Config

    batch_size = Config().batch_size
    cache = tempfile.mkdtemp(prefix="consistency-bench-cache-")
    env = {**os.environ, "XDG_CACHE_HOME": cache}
    cold_cpu, cold_wall, _ = run_cpu(check_argv(one), env)  # fills the benchmark's own cache folder
    data: dict[str, Any] = {"facts": run_facts(), "article": str(one[0].relative_to(root)), "repeat": args.repeat,
                            "cold_check": {"cpu_s": round(cold_cpu, 3), "wall_s": round(cold_wall, 3)}}
    data["one"] = alternate({"check": check_argv(one), "bare": bare_argv(one, batch_size)}, args.repeat, env)
    extra = data["one"]["check"]["cpu_s"] - data["one"]["bare"]["cpu_s"]
    data["one"]["extra_cpu_s"] = round(extra, 3)
    data["one"]["meets_goal"] = extra <= GOAL_ONE_EXTRA_S
    rows = [["one article: check", data["one"]["check"]["cpu_s"], data["one"]["check"]["wall_s"],
             data["one"]["check"]["runs_cpu_s"]],
            ["one article: bare spaCy", data["one"]["bare"]["cpu_s"], data["one"]["bare"]["wall_s"],
             data["one"]["bare"]["runs_cpu_s"]],
            ["one article: check, empty cache folder (once)", data["cold_check"]["cpu_s"],
             data["cold_check"]["wall_s"], "-"]]
    if args.batch:
        files = corpus_files(root, args.batch)
        data["batch"] = alternate({"check": check_argv(files), "bare": bare_argv(files, batch_size)},
                                  args.repeat, env)
        ratio = data["batch"]["check"]["cpu_s"] / data["batch"]["bare"]["cpu_s"]
        data["batch"].update(articles=len(files), ratio=round(ratio, 3), meets_goal=ratio <= GOAL_BATCH_RATIO)
        rows += [[f"{len(files)} articles: check", data["batch"]["check"]["cpu_s"], data["batch"]["check"]["wall_s"],
                  data["batch"]["check"]["runs_cpu_s"]],
                 [f"{len(files)} articles: bare spaCy", data["batch"]["bare"]["cpu_s"],
                  data["batch"]["bare"]["wall_s"], data["batch"]["bare"]["runs_cpu_s"]]]
    load = os.getloadavg()
    data["load_average_after"] = [round(x, 2) for x in load]
    table = markdown_table(["process", "CPU s (best)", "wall s (best)", "CPU s of each run"], rows)
    lines = [f"# Start-up ({data['facts']['date']}, commit {data['facts']['commit']}, "
             f"{data['facts']['cpus']} CPUs, load average {load[0]:.1f} at the end)", "",
             f"Whole processes, CPU time (user + system), alternated, best of {args.repeat}; "
             f"article `{data['article']}`; gazetteer cache warm except on the marked row.", "", table, "",
             f"- one article: the check costs **{extra:+.2f} CPU s** over bare spaCy's start-up and parse "
             f"(goal at most +{GOAL_ONE_EXTRA_S:.1f} s: {'met' if data['one']['meets_goal'] else 'NOT met'})"]
    if args.batch:
        lines.append(f"- {data['batch']['articles']} articles: check / bare = **{data['batch']['ratio']:.3f}** "
                     f"(goal at most {GOAL_BATCH_RATIO:.2f}: {'met' if data['batch']['meets_goal'] else 'NOT met'})")
    markdown = "\n".join(lines)
    print(markdown)
    json_path, _ = save_results(args.name, data, markdown)
    print(f"wrote {json_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
