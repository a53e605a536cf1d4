"""Extraction records are unchanged on every corpus (speed work must not change results).

When a rule change is meant to change records: ``python -m benchmarks.snapshot --update``.
"""

from __future__ import annotations

from benchmarks import snapshot


def test_records_match_the_snapshot_on_every_corpus():
    lines = snapshot.differences(snapshot.load(), snapshot.compute())
    assert not lines, (
        "extraction records changed; if intended, run `python -m benchmarks.snapshot --update`\n"
        + "\n".join(lines)
    )


def test_differences_name_added_removed_and_changed_documents():
    stored = {"a.txt": {"all": "1", "needed": "2"}, "b.txt": {"all": "3", "needed": "4"}}
    current = {"a.txt": {"all": "1", "needed": "9"}, "c.txt": {"all": "5", "needed": "6"}}
    assert snapshot.differences(stored, current) == [
        "a.txt: records differ (needed)",
        "b.txt: in the snapshot but no longer under corpora/",
        "c.txt: not in the snapshot",
    ]
