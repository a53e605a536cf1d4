"""Looking back from a position without copying the text before it.

``text[:end].rstrip()`` copies everything before ``end``: in a loop over a
long document that is quadratic. These give the same answers in constant
time per call (plus the whitespace skipped).
"""

from __future__ import annotations


def rstrip_end(text: str, end: int) -> int:
    """Where ``text[:end].rstrip()`` ends."""
    end = min(end, len(text))
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def ends_with(text: str, end: int, suffix: str) -> bool:
    """``text[:end].rstrip().endswith(suffix)``."""
    return text.endswith(suffix, 0, rstrip_end(text, end))


def last_line_before(text: str, end: int) -> str:
    """``text[:end].rstrip().rsplit("\\n", 1)[-1].strip()``: the last non-blank line."""
    end = rstrip_end(text, end)
    return text[text.rfind("\n", 0, end) + 1 : end].strip()


def char_before(text: str, end: int) -> str:
    """``text[:end].rstrip()[-1:]``: the last non-space character, or ``""``."""
    end = rstrip_end(text, end)
    return text[end - 1] if end else ""


def starts_sentence(text: str, start: int, skipped: str = " \t\u00a0") -> bool:
    """Whether ``start`` opens a sentence: the text begins there, or the last character
    before it (``skipped`` characters aside, three at most) ends a sentence, a clause
    (``:`` ``;``) or a line."""
    before = text[max(0, start - 3) : start].rstrip(skipped)
    return not before or before[-1] in ".!?:;\n"
