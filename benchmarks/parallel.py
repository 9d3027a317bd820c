"""Parallel benchmark: `consistency check --jobs N` over the BBC corpus, N = 1 then 2.

Runs the real command one job count after the other (`2:spawn` runs `--jobs 2` with
`CONSISTENCY_START_METHOD=spawn`, the start method used where fork is not, to compare
with the default fork after loading; `dask` runs `--engine dask` on a local cluster), and measures for each: wall time, time to the
first report (does it stream?), peak memory of the whole process tree and of its
largest process (RSS sampled every 0.1 s; forked workers share pages with the parent,
so the tree's RSS counts those more than once, and its PSS, sampled every second,
counts each shared page once, split between its sharers), the CPU seconds used
(workers included), the machine's load average during the run, and a digest of the
reports, so the runs can be shown to agree report for report. On a shared machine the
wall-time speed-up is bounded by the cores other work leaves free; the CPU seconds
show what the extra worker costs. `--rounds R` repeats the whole sequence, alternated,
and keeps each configuration's fastest run. Writes benchmarks/results/parallel.{json,md}.

    python benchmarks/parallel.py                    # whole corpus, --jobs 1 and 2
    python benchmarks/parallel.py --limit 300 --jobs 1,2,2:spawn,dask --rounds 2
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
        self.peak_pss = 0
        self.processes = 1
        self.loads: list[float] = []
        self._done = threading.Event()

    def run(self) -> None:
        tick = 0
        while not self._done.is_set():
            try:
                tree = [self.root, *self.root.children(recursive=True)]
                sizes = []
                for proc in tree:
                    try:
                        sizes.append(proc.memory_info().rss)
                    except psutil.Error:
                        pass
                if tick % 10 == 0:  # reading smaps costs more: once a second
                    pss = 0
                    for proc in tree:
                        try:
                            pss += getattr(proc.memory_full_info(), "pss", 0)
                        except psutil.Error:
                            pass
                    self.peak_pss = max(self.peak_pss, pss)
                tick += 1
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


def run_once(paths: list[str], spec: str, extra: list[str]) -> dict[str, Any]:
    """One `consistency check --jobs N --format jsonl` run, measured; `spec` is N or N:METHOD."""
    jobs_text, _, method = spec.partition(":")
    env = {**os.environ, **({"CONSISTENCY_START_METHOD": method} if method else {})}
    if jobs_text == "dask":  # --engine dask on a local cluster (one single-threaded worker per core)
        jobs, method = os.cpu_count() or 1, "dask"
        how = ["--engine", "dask"]
    else:
        jobs = int(jobs_text)
        how = ["--jobs", str(jobs)]
    command = [str(CONSISTENCY), "check", *paths, *how, "--format", "jsonl", "--no-progress", *extra]
    digest = hashlib.sha256()
    reports = findings = 0
    first = None
    cpu_before = _children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO,
                               env=env)
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
        "jobs": jobs, "start_method": method or ("fork" if jobs > 1 and sys.platform.startswith("linux") else "-"),
        "spec": spec, "exit_code": code, "reports": reports, "findings": findings,
        "wall_seconds": round(wall, 1), "first_report_seconds": round(first or 0.0, 1),
        "articles_per_second": round(reports / wall, 2) if wall else None,
        "peak_rss_tree_mib": round(memory.peak_total / 2**20), "peak_rss_largest_process_mib": round(memory.peak_single / 2**20),
        "peak_pss_tree_mib": round(memory.peak_pss / 2**20),
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
    parser.add_argument("--jobs", default="1,2", help="job counts to compare, comma-separated, each N or N:METHOD "
                        "(default 1,2)")
    parser.add_argument("--rounds", type=int, default=1, help="alternated rounds; the fastest run of each is kept")
    parser.add_argument("--select", help="rule codes or prefixes (default: the CLI's default rules)")
    parser.add_argument("--preview", action="store_true", help="also run preview rules")
    parser.add_argument("--out", type=Path, help="results folder (default benchmarks/results)")
    parser.add_argument("--name", default="parallel", help="results file name (default parallel)")
    args = parser.parse_args()

    root = find_corpus(args.corpus)
    paths = [str(p) for p in corpus_files(root, args.limit)] if args.limit else [str(root)]
    extra = (["--select", args.select] if args.select else []) + (["--preview"] if args.preview else [])
    load_before = os.getloadavg()
    specs = [j.strip() for j in args.jobs.split(",") if j.strip()]
    every: dict[str, list[dict[str, Any]]] = {spec: [] for spec in specs}
    for _ in range(max(1, args.rounds)):
        for spec in specs:
            print(f"--jobs {spec} ...", file=sys.stderr, flush=True)
            every[spec].append(run_once(paths, spec, extra))
            print(json.dumps(every[spec][-1]), file=sys.stderr, flush=True)
    runs = []
    for spec in specs:
        best = min(every[spec], key=lambda r: r["wall_seconds"])
        best["wall_seconds_each_round"] = [r["wall_seconds"] for r in every[spec]]
        best["same_reports_each_round"] = len({r["reports_sha256"] for r in every[spec]}) == 1
        runs.append(best)
    base = runs[0]
    for run in runs:
        run["speedup_vs_first"] = round(base["wall_seconds"] / run["wall_seconds"], 2) if run["wall_seconds"] else None
        run["identical_to_first"] = run["reports_sha256"] == base["reports_sha256"]
    facts = run_facts() | {"load_average_before": [round(x, 2) for x in load_before],
                           "load_average_after": [round(x, 2) for x in os.getloadavg()],
                           "articles": base["reports"], "extra_args": extra, "rounds": max(1, args.rounds)}
    data = {"facts": facts, "runs": runs}
    rows = [[r["jobs"], r["start_method"], r["reports"], r["wall_seconds"], r["first_report_seconds"],
             r["articles_per_second"], r["speedup_vs_first"], r["cpu_seconds"], r["load_average_during"],
             r["peak_rss_tree_mib"], r["peak_pss_tree_mib"], r["peak_rss_largest_process_mib"], r["processes"],
             "yes" if r["identical_to_first"] else "NO"] for r in runs]
    table = markdown_table(["jobs", "workers", "reports", "wall s", "first report s", "articles/s", "speed-up", "CPU s",
                            "load during", "peak RSS tree MiB", "peak PSS tree MiB", "largest process MiB",
                            "processes", "same reports"], rows)
    markdown = (f"# Parallel benchmark\n\n{facts['date']}, commit {facts['commit']}, {facts['cpus']} CPUs, "
                f"load average before {facts['load_average_before']} after {facts['load_average_after']} "
                f"(the machine is shared: speed-ups are lower bounds); fastest of {facts['rounds']} alternated "
                f"round(s).\n\n{table}\n")
    json_path, md_path = save_results(args.name, data, markdown, args.out)
    print(markdown)
    print(f"written: {json_path}, {md_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
