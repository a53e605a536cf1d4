"""A compact snapshot of every extraction record on every corpus, to catch unintended changes.

Speed work must not change what is extracted. ``tests/test_snapshot.py``
re-extracts every document of every corpus under ``corpora/`` and compares
one hash per document (of its sorted records) with ``benchmarks/snapshot.json``.

When a change to the rules is *meant* to change the records, regenerate it::

    python -m benchmarks.snapshot --update      # rewrite benchmarks/snapshot.json
    python -m benchmarks.snapshot               # list documents that differ (exit 1 if any)

Each document is extracted twice, with NER on every sentence (``all``: the
figure rules then reuse NER's words) and as ``antq run`` does by default
(``needed``), so both paths are covered.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from extractors.extract import Metadata, extract_document
from extractors.records import Extraction, to_row

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SNAPSHOT = Path(__file__).with_name("snapshot.json")
MODES = ("all", "needed")


def corpus_documents(root: Path = CORPORA) -> Iterator[Path]:
    """Every ``.txt`` document under ``root``, in a stable order."""
    yield from sorted(root.rglob("*.txt"))


def _rows(extraction: Extraction) -> list[str]:
    rows = [
        json.dumps({"document": to_row(extraction.document)}, sort_keys=True, default=str),
        json.dumps({"extra": extraction.extra}, sort_keys=True, default=str),
    ]
    for kind in ("figures", "entities", "weaknesses", "solutions", "named_models"):
        rows += [
            json.dumps({kind: to_row(r)}, sort_keys=True, ensure_ascii=False, default=str)
            for r in getattr(extraction, kind)
        ]
    return sorted(rows)


def records_hash(extraction: Extraction) -> str:
    """SHA-1 of the document's sorted records (every field, as JSON)."""
    digest = hashlib.sha1()
    for row in _rows(extraction):
        digest.update(row.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()[:16]


def document_key(path: Path, root: Path = CORPORA) -> str:
    return path.relative_to(root).as_posix()


def snapshot_of(path: Path, root: Path = CORPORA) -> dict[str, str]:
    """``{mode: hash}`` of one document."""
    text = path.read_text(encoding="utf-8")
    meta = Metadata(source=document_key(path, root))
    return {mode: records_hash(extract_document(text, meta, with_entities=mode)) for mode in MODES}


def compute(root: Path = CORPORA) -> dict[str, dict[str, str]]:
    return {document_key(p, root): snapshot_of(p, root) for p in corpus_documents(root)}


def load(path: Path = SNAPSHOT) -> dict[str, dict[str, str]]:
    return json.loads(path.read_text(encoding="utf-8"))["documents"]


def write(documents: dict[str, dict[str, str]], path: Path = SNAPSHOT) -> None:
    payload = {
        "about": "python -m benchmarks.snapshot --update regenerates this file",
        "documents": documents,
    }
    path.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def differences(stored: dict, current: dict) -> list[str]:
    """One line per document that was added, removed or extracts differently."""
    lines = []
    for key in sorted(set(stored) | set(current)):
        if key not in stored:
            lines.append(f"{key}: not in the snapshot")
        elif key not in current:
            lines.append(f"{key}: in the snapshot but no longer under corpora/")
        elif stored[key] != current[key]:
            modes = [m for m in MODES if stored[key].get(m) != current[key].get(m)]
            lines.append(f"{key}: records differ ({', '.join(modes)})")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the snapshot")
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="folder of corpora")
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT, help="snapshot file")
    args = parser.parse_args(argv)
    current = compute(args.corpora)
    if args.update:
        write(current, args.snapshot)
        print(f"{len(current)} documents -> {args.snapshot}")
        return 0
    lines = differences(load(args.snapshot), current)
    print("\n".join(lines) if lines else f"{len(current)} documents: records unchanged")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
