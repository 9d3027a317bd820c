"""Does the fast attribute step give spaCy's output, and what does it save?

    python benchmarks/fast_attributes.py [--limit N]

Parses N evenly spaced BBC articles and N FNC bodies with the bare pipeline (`spacy.load`)
and with the checker's (`consistency.nlp.load_nlp`, where `consistency_fast_attributes` does
the attribute ruler's and the lemmatizer's work), and compares every token's tag, part of
speech, morphology, lemma, dependency and entity type. It also times, on the same parsed
docs, spaCy's two steps against the fast one (CPU seconds, one run). The check's sentence
cap can split a run of over 200 tokens without a sentence end; docs where it did are
counted apart, since their parse may differ for that reason alone.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import corpus_files, find_corpus, markdown_table, save_results  # noqa: E402
from consistency import fast_attributes  # noqa: E402
from consistency.nlp import MAX_SENTENCE_TOKENS, load_nlp, resolve_model_name  # noqa: E402


def _texts(limit: int) -> list[str]:
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in corpus_files(find_corpus(), limit)]
    fnc = find_corpus().parent / "fnc" / "bodies.jsonl"
    if fnc.exists():
        lines = fnc.read_text(encoding="utf-8").splitlines()
        step = max(1, len(lines) // max(1, limit))
        texts += [json.loads(line).get("body", "") for line in lines[::step][:limit]]
    return texts


def _attributes(doc):  # type: ignore[no-untyped-def]
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.ent_type_) for t in doc]


def _capped(doc) -> bool:  # type: ignore[no-untyped-def]
    return any(len(sent) >= MAX_SENTENCE_TOKENS for sent in doc.sents)


def _time_steps(nlp, texts: list[str], steps: list) -> float:  # type: ignore[no-untyped-def,type-arg]
    before = []
    for text in texts:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name in (fast_attributes.RULER, fast_attributes.LEMMATIZER, fast_attributes.NAME):
                break
            doc = proc(doc)
        before.append(doc)
    started = time.process_time()
    for doc in before:
        for step in steps:
            step(doc)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300, help="articles from each corpus")
    args = parser.parse_args()
    import spacy

    texts = _texts(args.limit)
    bare, fast = spacy.load(resolve_model_name()), load_nlp()
    if fast_attributes.NAME not in fast.pipe_names:
        sys.exit("this pipeline keeps spaCy's own ruler and lemmatizer: nothing to compare")
    differ = capped = 0
    for a, b in zip(bare.pipe(texts), fast.pipe(texts)):
        if _attributes(a) != _attributes(b):
            if _capped(b):
                capped += 1
            else:
                differ += 1
    spacy_s = _time_steps(bare, texts, [bare.get_pipe(fast_attributes.RULER), bare.get_pipe(fast_attributes.LEMMATIZER)])
    fresh = spacy.load(resolve_model_name())
    fast_attributes.install(fresh)
    fast_s = _time_steps(fresh, texts, [fresh.get_pipe(fast_attributes.NAME)])
    data = {"docs": len(texts), "differ": differ, "differ_capped": capped, "spacy_steps_cpu_s": round(spacy_s, 3),
            "fast_step_cpu_s": round(fast_s, 3)}
    rows = [["docs compared", len(texts)], ["docs whose tokens differ", differ],
            ["docs that differ where the sentence cap split a run", capped],
            ["spaCy's ruler + lemmatizer, CPU s", f"{spacy_s:.3f}"], ["fast step (from cold tables), CPU s", f"{fast_s:.3f}"],
            ["ms saved per doc", f"{(spacy_s - fast_s) / len(texts) * 1000:.2f}"]]
    markdown = "# Fast attribute step\n\n" + markdown_table(["measure", "value"], rows) + "\n"
    print(markdown)
    save_results("fast_attributes", data, markdown)


if __name__ == "__main__":
    main()
