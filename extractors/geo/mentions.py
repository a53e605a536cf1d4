"""Place names in a text: typed units ("huyện Tiên Yên"), bare province names, lists."""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.geo.gazetteer import (
    _LIST_GAP,
    _MAX_TOKENS,
    _NAME_GAP,
    _TYPE_GAP,
    DISTRICT,
    PROVINCE,
    PlaceMention,
    _capitalised,
    _config,
    _gazetteer,
    _is_ascii,
    _key,
    _mention,
    _prefer_spelling,
    _signature,
    _Unit,
    _units,
    cue_at_end,
)
from extractors.text.scan import ends_with, starts_sentence

# A word of a place name: an apostrophe joins the parts of one syllable ("Ea H'leo",
# "Cư M'gar", "Đắk R'lấp"), whose second part may be lowercase.
_NAME_WORD = re.compile(r"\w+(?:['’]\w+)*")

# --------------------------------------------------------------- public: mentions


# A word of the text is its regex match (start(), end(), group()): building a named tuple
# per word as well cost about an eighth of place finding (0.65 -> 0.55 ms per modelled text).
_Token = re.Match


def _type_before(text: str, tokens: list[_Token], i: int) -> tuple[str, int, str] | None:
    """The level of a type word ending right before token ``i``, where it starts, its key;
    also past a word that describes the unit ("xã biên giới Mường Sai", "huyện đảo X":
    ``type_descriptors`` in ``provinces.yaml``)."""
    found = _type_right_before(text, tokens, i)
    if found is not None:
        return found
    for size in (3, 2, 1):
        j = i - size
        if j < 1:
            continue
        words = tokens[j:i]
        if tuple(t.group().lower() for t in words) not in _descriptors():
            continue
        pairs = zip(tokens[j - 1 : i - 1], words, strict=True)
        if any(not text[a.end() : b.start()].isspace() for a, b in pairs):
            continue
        return _type_right_before(text, tokens, j)
    return None


@lru_cache(maxsize=1)
def _descriptors() -> frozenset[tuple[str, ...]]:
    words = _config().get("type_descriptors", [])
    return frozenset(tuple(str(w).lower().split()) for w in words)


def _type_right_before(text: str, tokens: list[_Token], i: int) -> tuple[str, int, str] | None:
    gaz = _gazetteer()
    for size in (2, 1):
        j = i - size
        if j < 0:
            continue
        words = tokens[j:i]
        if any(
            not _NAME_GAP.fullmatch(text[a.end() : b.start()])
            for a, b in zip(words, words[1:], strict=False)
        ):
            continue
        if not _TYPE_GAP.fullmatch(text[tokens[i - 1].end() : tokens[i].start()]):
            continue
        exact = tuple(t.group() for t in words)
        level = gaz.type_words.get(exact) or gaz.type_words.get(tuple(w.lower() for w in exact))
        if level:
            return level, words[0].start(), "".join(_key(t.group()) for t in words)
    return None


def _names_at(text: str, tokens: list[_Token], i: int) -> list[tuple[int, str]]:
    """Runs of capitalised tokens from ``i`` whose key is a known name, longest first."""
    units = _gazetteer().units
    found = []
    key = ""
    for j in range(i, min(i + _MAX_TOKENS, len(tokens))):
        if not _capitalised(tokens[j].group()):
            break
        if j > i and not _NAME_GAP.fullmatch(text[tokens[j - 1].end() : tokens[j].start()]):
            break
        key += _key(tokens[j].group())
        if key in units:
            found.append((j, key))
    return found[::-1]


def _units_for(level: str | None, key: str) -> tuple[str, list[_Unit]] | None:
    """Which units a name stands for after a type word of ``level`` (None: bare)."""
    if level == "city":
        cities = [u for u in _units(key, PROVINCE) if u.is_city]
        if cities:
            return PROVINCE, cities
        districts = _units(key, DISTRICT)
        return (DISTRICT, districts) if districts else None
    units = _units(key, level or PROVINCE)
    return (level or PROVINCE, units) if units else None


def _bare_allowed(text: str, tokens: list[_Token], i: int, j: int, key: str) -> bool:
    """Whether an untyped province name really names the province here."""
    gaz = _gazetteer()
    config = _config()
    if key in gaz.needs_type_word:
        return False
    surface = text[tokens[i].start() : tokens[j].end()]
    signatures = gaz.signatures.get(key)
    if (
        signatures
        and j == i
        and not _is_ascii(surface)
        and _signature(surface) not in signatures
        and not surface.isupper()
    ):
        return False  # "Huệ" is not "Huế"
    before = text[max(0, tokens[i].start() - 20) : tokens[i].start()].rstrip()
    if cue_at_end("person_cues").search(before):  # "ông", "đồng chí" ...
        return False
    if i > 0 and not surface.isupper() and text[tokens[i - 1].end() : tokens[i].start()] == " ":
        prev = tokens[i - 1]
        if prev.group() in config["person_name_parts"]:
            return False  # "Nguyễn Thị Hà Giang"
        if prev.group()[0].isupper() and not starts_sentence(text, prev.start(), " \u00a0\"“'("):
            # Inside a longer proper name ("Thái Bình Dương", "Báo Quảng Ninh"; a number
            # before a name is not part of it: "năm 2023 Bình Phước"),
            # unless the capitalised word is an authority ("UBND Kon Tum").
            cues = config["authority_cues"]
            if not any(ends_with(text, tokens[i].start(), c) for c in cues):
                return False
    if j + 1 < len(tokens) and _capitalised(tokens[j + 1].group()) and not surface.isupper():
        gap = text[tokens[j].end() : tokens[j + 1].start()]
        if gap == " ":
            return False  # part of a longer proper name ("Hà Nam Ninh")
    return True


def find_place_mentions(text: str) -> list[PlaceMention]:
    """Places named in ``text`` (NFC), with offsets into it, in reading order.

    Provinces are found bare or after a type word; districts and communes only
    after theirs ("huyện Tiên Yên", "thành phố Kon Tum", "xã Đăk Năng"), and
    in lists that follow one ("các huyện Tiên Yên, Ba Chẽ và Bình Liêu").
    """
    return list(_place_mentions(text))


@lru_cache(maxsize=4)  # detection and NER's sentence choice read the same text several times
def _place_mentions(text: str) -> tuple[PlaceMention, ...]:
    tokens = list(_NAME_WORD.finditer(text))
    mentions: list[PlaceMention] = []
    i = 0
    list_level: str | None = None  # level carried along a list after a typed mention
    while i < len(tokens):
        if not _capitalised(tokens[i].group()):
            list_level = None if tokens[i].group() != "và" else list_level
            i += 1
            continue
        names = _names_at(text, tokens, i)
        if not names:  # most capitalised words name no place: skip the type-word lookup
            list_level = None
            i += 1
            continue
        typed = _type_before(text, tokens, i)
        level = typed[0] if typed else list_level
        match = None
        for j, key in names:
            if not typed and level and _units(key, PROVINCE):
                level = None  # "huyện Tiên Yên, Quảng Ninh": the list ends at the province
            if level:
                resolved = _units_for(level, key)
            elif _bare_allowed(text, tokens, i, j, key):
                resolved = _units_for(None, key)
            else:
                resolved = None
            if resolved:
                match = j, resolved
                break
        if match is None:
            list_level = None
            i += 1
            continue
        j, (unit_level, units) = match
        start = typed[1] if typed else tokens[i].start()
        end = tokens[j].end()
        units = _prefer_spelling(units, text[tokens[i].start() : end])
        if typed:
            # Types change (huyện -> thị xã), so the written type only breaks ties.
            units = [u for u in units if u.kind == typed[2]] or units
        mentions.append(_mention(start, end, text[start:end], unit_level, units, level is not None))
        list_level = _next_in_list(text, tokens, j, level)
        i = j + 1 + (1 if list_level and tokens[j + 1].group() == "và" else 0)
    return tuple(mentions)


def _next_in_list(text: str, tokens: list[_Token], j: int, level: str | None) -> str | None:
    """Carry a type word on to the next name of a list: ", Ba Chẽ" or " và Bình Liêu"."""
    if level is None or j + 1 >= len(tokens):
        return None
    gap = text[tokens[j].end() : tokens[j + 1].start()]
    if _LIST_GAP.fullmatch(gap) or (tokens[j + 1].group() == "và" and gap == " "):
        return level
    return None
