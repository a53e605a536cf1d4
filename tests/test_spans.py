"""SpanIndex (extractors/text/spans.py) against a scan of every span."""

import random

from extractors.text.spans import SpanIndex


def test_lookups_agree_with_a_scan_of_every_span() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = [(a, a + rng.randint(1, 40)) for a in (rng.randint(0, 300) for _ in range(25))]
        index = SpanIndex(spans)
        for _ in range(20):
            start = rng.randint(0, 340)
            end = start + rng.randint(1, 60)
            assert index.overlaps(start, end) == any(a < end and start < b for a, b in spans)
            assert index.inside(start, end) == [
                i for i, (a, b) in enumerate(spans) if start <= a and b <= end
            ]


def test_an_empty_index_holds_nothing() -> None:
    assert not SpanIndex([]).overlaps(0, 10)
    assert SpanIndex([]).inside(0, 10) == []
