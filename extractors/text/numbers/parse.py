"""The value of a number written the Vietnamese way (``1.234,5``, ``02``, ``145 410``)."""

from __future__ import annotations

import re

_PLAIN_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_GROUP_SPACES = re.compile(r"(?<=\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))")


def _join_groups(int_part: str, sep: str) -> str | None:
    """``1.234.567`` -> ``1234567`` if every group after the first has 3 digits."""
    groups = int_part.split(sep)
    if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
        return None
    return "".join(groups)


def parse_vietnamese_number(s: str) -> float:
    """The value of a number written the Vietnamese way.

    ``"1.160"`` -> 1160, ``"02"`` -> 2, ``"2,5"`` -> 2.5, ``"1.234,5"`` -> 1234.5.
    Choices for the ambiguous cases:

    - one dot followed by exactly three digits groups thousands (``"145.410"``),
      except after a lone ``0`` (``"0.500"`` -> 0.5);
    - one dot followed by any other number of digits is an English-style decimal
      (``"1.5"`` -> 1.5, ``"2.25"`` -> 2.25);
    - one comma is always the decimal mark (``"1,234"`` -> 1.234), as Vietnamese
      writes it; several commas can only be English grouping (``"1,234,567"``);
    - with both marks, the last one is the decimal mark (``"1,234.5"`` also works);
    - non-breaking or thin spaces may group thousands (``"145 410"``).

    Raises ``ValueError`` for anything that is not such a number (signs, letters,
    malformed groups such as ``"1.23.4"``).
    """
    t = _GROUP_SPACES.sub(".", s.strip())
    if not _PLAIN_NUMBER.fullmatch(t):
        raise ValueError(f"not a number: {s!r}")
    dots, commas = t.count("."), t.count(",")
    if dots and commas:
        decimal = "," if t.rfind(",") > t.rfind(".") else "."
        group = "." if decimal == "," else ","
        int_part, _, frac = t.rpartition(decimal)
        joined = _join_groups(int_part, group) if decimal not in int_part else None
        if joined is None:
            raise ValueError(f"malformed number: {s!r}")
        return float(f"{joined}.{frac}")
    if dots or commas:
        sep = "." if dots else ","
        head, _, tail = t.partition(sep)
        if t.count(sep) == 1 and (sep == "," or len(tail) != 3 or head == "0"):
            return float(f"{head}.{tail}")
        joined = _join_groups(t, sep)
        if joined is None:
            raise ValueError(f"malformed number: {s!r}")
        return float(joined)
    return float(t)
