"""Strings without which a regex cannot match: skip a search that is bound to fail.

The rules keep many patterns as data (period cues, indicator cues ...) and try each
on every sentence, though most sentences hold none of them. :func:`needles` reads a
compiled pattern's syntax tree and returns a set of strings such that every match
contains at least one of them (the literal words it requires: ``năm``, ``tháng``,
``quý`` ...), or None when it finds no such set. :func:`may_match` is then a few
substring tests; when it says False the pattern cannot match, so skipping the
search changes nothing.

Only what the tree guarantees is used: a literal run, a group, a repeat of at least
one, an alternation whose every branch requires something, and ``\\d`` (any decimal
digit, as ``re`` reads it). Anything else (look-arounds, classes, back-references,
optional parts) requires nothing. Case-insensitive patterns are compared on the
case-folded text, which only makes the test more permissive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

#: Stands for "some decimal digit" (``\d``) among the needles.
DIGIT = "\x00digit"

_FOLD = str.maketrans({"ı": "i"})  # re's IGNORECASE also matches dotless i to i
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


@dataclass(frozen=True)
class Needles:
    """Strings one of which every match contains (folded when ``folded``)."""

    strings: frozenset[str]
    folded: bool


def fold(text: str) -> str:
    """The text as case-insensitive needles are compared with."""
    return text.casefold().translate(_FOLD)


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective requirement: longest shortest string, then fewest strings."""
    if not options:
        return None
    return max(options, key=lambda s: (min(len(x) if x != DIGIT else 1 for x in s), -len(s)))


def _sequence(items: list, folded: bool) -> frozenset[str] | None:
    options: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if op is _c.LITERAL:
            char = chr(arg)
            run += fold(char) if folded else char
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        needed = _item(op, arg, folded)
        if needed is not None:
            options.append(needed)
    if run:
        options.append(frozenset({run}))
    return _best(options)


def _item(op: object, arg: object, folded: bool) -> frozenset[str] | None:
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, pattern = arg  # type: ignore[misc]
        if add_flags or del_flags:
            return None
        return _sequence(list(pattern), folded)
    if op is _c.BRANCH:
        branches = [_sequence(list(b), folded) for b in arg[1]]  # type: ignore[index]
        if any(b is None for b in branches):
            return None
        return frozenset().union(*branches)  # type: ignore[arg-type]
    if op in _REPEATS:
        low, _high, pattern = arg  # type: ignore[misc]
        return _sequence(list(pattern), folded) if low >= 1 else None
    if op is _c.IN and arg == [(_c.CATEGORY, _c.CATEGORY_UNI_DIGIT)]:
        return frozenset({DIGIT})
    if op is _c.IN and arg == [(_c.CATEGORY, _c.CATEGORY_DIGIT)]:
        return frozenset({DIGIT})
    return None


def needles(pattern: re.Pattern[str]) -> Needles | None:
    """Strings one of which every match of ``pattern`` contains, or None."""
    if pattern.flags & re.VERBOSE or not isinstance(pattern.pattern, str):
        return None
    folded = bool(pattern.flags & re.IGNORECASE)
    tree = _p.parse(pattern.pattern, pattern.flags)
    found = _sequence(list(tree), folded)
    return Needles(found, folded) if found else None


_DIGIT_RE = re.compile(r"\d")


class Haystack:
    """One text, with its folded form and whether it has a digit computed once."""

    __slots__ = ("text", "_folded", "_digit")

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        self._digit: bool | None = None

    def may_match(self, found: Needles | None) -> bool:
        """False only when no match of the needles' pattern can be in the text."""
        if found is None:
            return True
        if found.folded:
            if self._folded is None:
                self._folded = fold(self.text)
            text = self._folded
        else:
            text = self.text
        for needle in found.strings:
            if needle == DIGIT:
                if self._digit is None:
                    self._digit = _DIGIT_RE.search(self.text) is not None
                if self._digit:
                    return True
            elif needle in text:
                return True
        return False
