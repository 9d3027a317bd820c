"""Benchmarks of `consistency`: mutation recall, false alarms and speed on the BBC corpus.

Run each as a script from the repository root, e.g. `python benchmarks/speed.py --limit 50`;
results go to `benchmarks/results/`. See docs/evaluation.md.
"""
