"""Parallel benchmark: `consistency check --jobs N` over the BBC corpus, N = 1 then 2.

Runs the real command (spawned workers, model loaded once per worker) one job count
after the other, and measures for each: wall time, time to the first report (does
it stream?), peak resident memory of the whole process tree (sampled every 0.1 s)
and of its largest process, the CPU seconds used (workers included), the machine's
load average during the run, and a digest of the reports, so the runs can be shown to
agree report for report. On a shared machine the wall-time speed-up is bounded by the
cores other work leaves free; the CPU seconds show what the extra worker costs.
Writes benchmarks/results/parallel.{json,md}.

    python benchmarks/parallel.py                    # whole corpus, --jobs 1 and 2
    python benchmarks/parallel.py --limit 200 --jobs 1,2,3
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import REPO, corpus_files, find_corpus, markdown_table, run_facts, save_results

CONSISTENCY = Path(sys.executable).with_name("consistency")


class TreeMemory(threading.Thread):
    """Samples the summed RSS of a process and its children until stopped."""

    def __init__(self, pid: int, every: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.every = every
        self.peak_total = 0
        self.peak_single = 0
        self.processes = 1
        self.loads: list[float] = []
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            try:
                tree = [self.root, *self.root.children(recursive=True)]
                sizes = []
                for proc in tree:
                    try:
                        sizes.append(proc.memory_info().rss)
                    except psutil.Error:
                        pass
            except psutil.Error:
                break
            self.peak_total = max(self.peak_total, sum(sizes))
            self.peak_single = max(self.peak_single, max(sizes, default=0))
            self.processes = max(self.processes, len(sizes))
            self.loads.append(os.getloadavg()[0])
            self._done.wait(self.every)

    def stop(self) -> None:
        self._done.set()
        self.join()


def run_once(paths: list[str], jobs: int, extra: list[str]) -> dict[str, Any]:
    """One `consistency check --jobs N --format jsonl` run, measured."""
    command = [str(CONSISTENCY), "check", *paths, "--jobs", str(jobs), "--format", "jsonl", "--no-progress", *extra]
    digest = hashlib.sha256()
    reports = findings = 0
    first = None
    cpu_before = _children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO)
    memory = TreeMemory(process.pid)
    memory.start()
    assert process.stdout is not None
    for line in process.stdout:
        if first is None:
            first = time.perf_counter() - started
        record = json.loads(line)
        record.pop("timings", None)
        digest.update(json.dumps(record, sort_keys=True).encode())
        reports += 1
        findings += len(record["findings"])
    code = process.wait()
    wall = time.perf_counter() - started
    memory.stop()
    cpu = _children_cpu() - cpu_before
    return {
        "jobs": jobs, "exit_code": code, "reports": reports, "findings": findings,
        "wall_seconds": round(wall, 1), "first_report_seconds": round(first or 0.0, 1),
        "articles_per_second": round(reports / wall, 2) if wall else None,
        "peak_rss_tree_mib": round(memory.peak_total / 2**20), "peak_rss_largest_process_mib": round(memory.peak_single / 2**20),
        "processes": memory.processes, "cpu_seconds": round(cpu, 1),
        "load_average_during": round(sum(memory.loads) / len(memory.loads), 2) if memory.loads else None,
        "reports_sha256": digest.hexdigest(),
    }


def _children_cpu() -> float:
    """User + system CPU seconds of every finished child process and their children (workers included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="BBC corpus folder (default: shared/corpus/bbc beside the repo)")
    parser.add_argument("--limit", type=int, help="check only this many articles, evenly spaced")
    parser.add_argument("--jobs", default="1,2", help="job counts to compare, comma-separated (default 1,2)")
    parser.add_argument("--select", help="rule codes or prefixes (default: the CLI's default rules)")
    parser.add_argument("--preview", action="store_true", help="also run preview rules")
    parser.add_argument("--out", type=Path, help="results folder (default benchmarks/results)")
    args = parser.parse_args()

    root = find_corpus(args.corpus)
    paths = [str(p) for p in corpus_files(root, args.limit)] if args.limit else [str(root)]
    extra = (["--select", args.select] if args.select else []) + (["--preview"] if args.preview else [])
    load_before = os.getloadavg()
    runs = []
    for jobs in [int(j) for j in args.jobs.split(",")]:
        print(f"--jobs {jobs} ...", file=sys.stderr, flush=True)
        runs.append(run_once(paths, jobs, extra))
        print(json.dumps(runs[-1]), file=sys.stderr, flush=True)
    base = runs[0]
    for run in runs:
        run["speedup_vs_first"] = round(base["wall_seconds"] / run["wall_seconds"], 2) if run["wall_seconds"] else None
        run["identical_to_first"] = run["reports_sha256"] == base["reports_sha256"]
    facts = run_facts() | {"load_average_before": [round(x, 2) for x in load_before],
                           "load_average_after": [round(x, 2) for x in os.getloadavg()],
                           "articles": base["reports"], "extra_args": extra}
    data = {"facts": facts, "runs": runs}
    rows = [[r["jobs"], r["reports"], r["wall_seconds"], r["first_report_seconds"], r["articles_per_second"],
             r["speedup_vs_first"], r["cpu_seconds"], r["load_average_during"], r["peak_rss_tree_mib"],
             r["peak_rss_largest_process_mib"], r["processes"], "yes" if r["identical_to_first"] else "NO"] for r in runs]
    table = markdown_table(["jobs", "reports", "wall s", "first report s", "articles/s", "speed-up", "CPU s",
                            "load during", "peak RSS tree MiB", "largest process MiB", "processes", "same reports"], rows)
    markdown = (f"# Parallel benchmark\n\n{facts['date']}, commit {facts['commit']}, {facts['cpus']} CPUs, "
                f"load average before {facts['load_average_before']} after {facts['load_average_after']} "
                f"(the machine is shared: speed-ups are lower bounds).\n\n{table}\n")
    json_path, md_path = save_results("parallel", data, markdown, args.out)
    print(markdown)
    print(f"written: {json_path}, {md_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
