"""The trie form of a phrase list finds what the longest-first alternation finds.

Every list of strings in the project's vocabulary files is taken as literal phrases
and matched both ways over every corpus text, with and without ``re.IGNORECASE``,
bare and between word boundaries: the same spans, in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from extractors.text.phrase_trie import longest_first, phrase_alternation

ROOT = Path(__file__).resolve().parents[1]


def _lists(node: object, path: str = "") -> Iterator[tuple[str, list[str]]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _lists(value, f"{path}/{key}")
    elif isinstance(node, list) and len(node) > 1 and all(isinstance(x, str) for x in node):
        yield path, node


VOCABULARIES = [
    (f"{path.relative_to(ROOT)}{where}", phrases)
    for path in sorted((ROOT / "extractors").rglob("*.yaml"))
    for where, phrases in _lists(yaml.safe_load(path.read_text(encoding="utf-8")))
]
TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora").rglob("*.txt")))


def test_the_vocabularies_are_found():
    assert len(VOCABULARIES) > 100  # the walk sees the project's lists


@pytest.mark.parametrize("flags", [0, re.IGNORECASE], ids=["exact", "ignorecase"])
@pytest.mark.parametrize("name,phrases", VOCABULARIES, ids=[n for n, _ in VOCABULARIES])
def test_same_matches_as_longest_first(name, phrases, flags):
    trie, plain = phrase_alternation(phrases), longest_first(phrases)
    for template in ("{}", r"(?<!\w){}(?!\w)"):
        fast = re.compile(template.format(trie), flags)
        slow = re.compile(template.format(plain), flags)
        assert [m.span() for m in fast.finditer(TEXT)] == [m.span() for m in slow.finditer(TEXT)], (
            name
        )


@pytest.mark.parametrize(
    "phrases,text,expected",
    [
        # the longest phrase wins where several match ...
        (["còn", "vẫn còn", "còn hạn chế"], "vẫn  còn hạn chế", ["vẫn  còn"]),
        # ... unless what follows rules it out: back to the next shorter one
        (["chưa", "chưa được"], "chưa đượcx", ["chưa"]),
        # branches a letter's case could both start: still longest first
        (["Tuy", "tuy nhiên"], "Tuy nhiên, còn", ["Tuy nhiên"]),
    ],
)
def test_longest_match_under_ignorecase(phrases, text, expected):
    pattern = re.compile(rf"(?<!\w){phrase_alternation(phrases)}(?!\w)", re.IGNORECASE)
    assert [m.group() for m in pattern.finditer(text)] == expected


def test_a_trie_shares_beginnings():
    assert phrase_alternation(["chưa", "chưa được"]) == r"(?:chưa(?:\s+được)?)"
