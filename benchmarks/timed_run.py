"""``antq run`` in this process with every stage timed: what ``antq bench`` measures.

Run: ``python -m benchmarks.timed_run INPUT OUT [--workers N] [--manifest CSV]``.
Prints one JSON object: wall seconds from process start, seconds to import,
the work window (first stage start to last stage end, so without the
start-up), the run summary and seconds per stage. Stage
times are only complete with ``--workers 1`` (tasks in this process).
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

# isort: split

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from dataclasses import asdict  # noqa: E402


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("out")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--manifest", default=None)
    args = parser.parse_args(argv)

    from benchmarks.stages import StageTimer
    from pipeline.flows.runner import run_pipeline

    imported = time.perf_counter() - STARTED
    timer = StageTimer(from_first_read=True)
    with timer.installed():
        summary = run_pipeline(
            [args.input], args.out, manifest_path=args.manifest, workers=args.workers, reuse=False
        )
    result = {
        "seconds": round(time.perf_counter() - STARTED, 3),
        "import_s": round(imported, 3),
        "summary": asdict(summary),
        "stages": timer.table(),
        "startup_stages": {k: round(v, 3) for k, v in timer.startup.items()},
        "work_s": round(timer.window(), 3),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(result))
    return 0 if summary.failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
