"""Throughput, memory and latency of the pipeline against the bare-underthesea baseline.

Run: ``antq bench --docs 50 --docs 500`` or ``python -m benchmarks.run --docs 50``.

For each corpus size N a synthetic corpus is built (``benchmarks.corpus``) and,
each as a separate process measured from outside (wall time, peak RSS of the
process and all its children, time until the first output line):

* ``baseline``: ``underthesea.ner`` over every sentence (``benchmarks.baseline``);
* ``cold``: ``antq run`` on an empty output folder (every document extracted);
* ``warm``: ``antq run`` again, nothing changed;
* ``add-one``: ``antq run`` after one new document was added.

"First row" is the first tagged sentence for the baseline and the first batch
committed to the store for the pipeline. Prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

from benchmarks.corpus import build_corpus, load_articles, synthetic_document

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Measurement:
    name: str
    docs: int
    kb: float
    seconds: float
    peak_rss_mb: float
    first_row_s: float | None
    returncode: int
    docs_per_s: float = 0.0
    kb_per_s: float = 0.0
    vs_baseline: float | None = None
    note: str = ""


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    for member in members:
        with contextlib.suppress(psutil.Error):
            total += member.memory_info().rss
    return total


def measure(
    name: str, command: Sequence[str], first_marker: str, docs: int, kb: float, interval=0.05
) -> tuple[Measurement, str, str]:
    """Run ``command``; sample the process tree's RSS; time the first ``first_marker`` line."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(command),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUTF8": "1"},
    )
    first: list[float] = []
    err_lines: list[str] = []

    def read_stderr() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            if not first and first_marker in line:
                first.append(time.perf_counter() - start)
            err_lines.append(line)

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    watched = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(watched))
        time.sleep(interval)
    seconds = time.perf_counter() - start
    stdout = proc.stdout.read() if proc.stdout else ""
    reader.join(timeout=5)
    result = Measurement(
        name=name,
        docs=docs,
        kb=kb,
        seconds=round(seconds, 3),
        peak_rss_mb=round(peak / 1024**2, 1),
        first_row_s=round(first[0], 3) if first else None,
        returncode=proc.returncode,
        docs_per_s=round(docs / seconds, 2),
        kb_per_s=round(kb / seconds, 1),
    )
    return result, stdout, "".join(err_lines)


def antq(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("antq")
    prefix = [str(script)] if script.exists() else [sys.executable, "-m", "pipeline.cli.main"]
    return [*prefix, *args]


def bench_size(n: int, workers: int, work: Path, baseline: bool = True) -> list[Measurement]:
    corpus = work / f"corpus_{n}"
    out = work / f"out_{n}"
    paths = build_corpus(n, corpus)
    kb = sum(p.stat().st_size for p in paths) / 1024
    rows: list[Measurement] = []
    if baseline:
        row, stdout, _ = measure(
            "baseline",
            [sys.executable, "-m", "benchmarks.baseline", str(corpus)],
            "first-row",
            n,
            kb,
        )
        row.note = f"{json.loads(stdout)['sentences']} sentences" if row.returncode == 0 else ""
        rows.append(row)
    run = antq("run", str(corpus), "--out", str(out), "--workers", str(workers))
    for name in ("cold", "warm"):
        row, stdout, stderr = measure(name, run, "committed", n, kb)
        row.note = stdout.strip().splitlines()[-1] if stdout.strip() else stderr[-300:]
        rows.append(row)
    extra = corpus / f"doc_{n:05d}.txt"
    extra.write_text(synthetic_document(n, load_articles(), random.Random(n)), encoding="utf-8")
    row, stdout, stderr = measure("add-one", run, "committed", n + 1, kb)
    row.note = stdout.strip().splitlines()[-1] if stdout.strip() else stderr[-300:]
    rows.append(row)
    base = rows[0] if baseline else None
    for row in rows:
        if base is not None and row is not base and base.docs_per_s:
            row.vs_baseline = round(row.docs_per_s / base.docs_per_s, 2)
    return rows


def table(rows: Sequence[Measurement]) -> str:
    head = (
        f"{'N':>6} {'run':9} {'seconds':>8} {'docs/s':>8} {'KB/s':>8} {'x base':>7} "
        f"{'peak MB':>8} {'1st row s':>9}  note"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        ratio = f"{r.vs_baseline:.1f}" if r.vs_baseline is not None else "-"
        first = f"{r.first_row_s:.1f}" if r.first_row_s is not None else "-"
        lines.append(
            f"{r.docs:>6} {r.name:9} {r.seconds:8.1f} {r.docs_per_s:8.2f} {r.kb_per_s:8.1f} "
            f"{ratio:>7} {r.peak_rss_mb:8.0f} {first:>9}  {r.note[:70]}"
        )
    return "\n".join(lines)


def targets(rows: Sequence[Measurement]) -> dict[str, object]:
    """The issue's targets, per corpus size, computed from the rows."""
    result: dict[str, object] = {}
    by_n: dict[int, dict[str, Measurement]] = {}
    for r in rows:
        n = r.docs - 1 if r.name == "add-one" else r.docs
        by_n.setdefault(n, {})[r.name] = r
    for n, runs in by_n.items():
        cold, warm = runs.get("cold"), runs.get("warm")
        if cold and cold.vs_baseline is not None:
            result[f"N={n} cold/baseline throughput (>= 5)"] = cold.vs_baseline
        if cold and warm:
            result[f"N={n} warm/cold time (< 0.05)"] = round(warm.seconds / cold.seconds, 3)
    sizes = sorted(by_n)
    if len(sizes) > 1 and all("cold" in by_n[n] for n in sizes):
        small, large = by_n[sizes[0]]["cold"], by_n[sizes[1]]["cold"]
        result[f"peak memory N={sizes[1]}/N={sizes[0]} (<= 1.5)"] = round(
            large.peak_rss_mb / small.peak_rss_mb, 2
        )
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, action="append", help="corpus size (repeatable)")
    parser.add_argument("--workers", type=int, default=2, help="antq run --workers")
    parser.add_argument("--no-baseline", action="store_true", help="skip the (slow) baseline")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--save", type=Path, default=None, help="also write the JSON here")
    parser.add_argument("--workdir", type=Path, default=None, help="keep corpora and outputs")
    args = parser.parse_args(argv)
    rows: list[Measurement] = []
    with tempfile.TemporaryDirectory(prefix="antq-bench-") as tmp:
        work = args.workdir or Path(tmp)
        for n in args.docs or [50]:
            rows += bench_size(n, args.workers, work, baseline=not args.no_baseline)
            print(table(rows), file=sys.stderr if args.json else sys.stdout, flush=True)
    report = {
        "rows": [asdict(r) for r in rows],
        "targets": targets(rows),
        "workers": args.workers,
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print("\n".join(f"{name}: {value}" for name, value in report["targets"].items()))
    if args.save:
        args.save.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if all(r.returncode == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
