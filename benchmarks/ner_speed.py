"""Throughput of underthesea.ner vs extractors.ner.fast_ner on the seed sentences.

Run: ``python -m benchmarks.ner_speed [--repeat N] [--normalize]``. Both taggers run in the
same process on the same sentences (models loaded and warmed first); the best of
``--repeat`` passes is reported, and the outputs are checked to be identical.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import underthesea

from extractors.ner import fast_ner

SEEDS = Path(__file__).resolve().parents[1] / "corpora" / "seeds"


def seed_sentences() -> list[str]:
    """Every line of every seed article, split at '. '."""
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            sentences += [s.strip() for s in line.split(". ") if s.strip()]
    return sentences


def best_time(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes per tagger (best kept)")
    parser.add_argument(
        "--normalize", action="store_true", help="apply underthesea.text_normalize first"
    )
    args = parser.parse_args(argv)

    sentences = seed_sentences()
    if args.normalize:
        sentences = [underthesea.text_normalize(s) for s in sentences]
    chars = sum(len(s) for s in sentences)
    underthesea.ner(sentences[0])
    fast_ner.ner_tokens(sentences[0])

    runs = {
        "underthesea.ner": lambda: [underthesea.ner(s) for s in sentences],
        "underthesea.word_tokenize (floor)": lambda: [
            underthesea.word_tokenize(s) for s in sentences
        ],
        "fast_ner.ner_many": lambda: fast_ner.ner_many(sentences),
    }
    print(f"{len(sentences)} sentences, {chars} characters, best of {args.repeat}")
    seconds, outputs = {}, {}
    for name, run in runs.items():
        seconds[name], outputs[name] = best_time(run, args.repeat)
        print(
            f"{name:36s} {seconds[name]:7.3f} s  {chars / seconds[name]:10,.0f} chars/s"
            f"  {len(sentences) / seconds[name]:8,.1f} sentences/s"
        )
    identical = outputs["underthesea.ner"] == outputs["fast_ner.ner_many"]
    speedup = seconds["underthesea.ner"] / seconds["fast_ner.ner_many"]
    print(f"speed-up: {speedup:.1f}x   identical output: {identical}")


if __name__ == "__main__":
    main()
