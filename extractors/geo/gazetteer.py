"""Geography: which province (and district or commune) a report is about.

The gazetteer comes from ``vietnamadminunits``: its SQLite data holds the 63
pre-2025 provinces with every district and commune, the 34 provinces and their
communes after the merger of 1 July 2025, and aliases; its ``convert_address``
maps an old province to its new one. ``underthesea.address`` and
``vietnam_provinces`` carry the same data (underthesea's is built from
vietnamadminunits; vietnam_provinces has only the post-2025 units), so one
source is used. ``provinces.yaml`` adds only what that library lacks: spelled
out aliases ("Sài Gòn", "Thừa Thiên Huế", "BR-VT"), type abbreviations
("TP."), and the cue words and weights used to score a report's province.

Canonical names are the library's short names: "Kon Tum", "Bà Rịa - Vũng Tàu",
"Hồ Chí Minh", "Huế" (Thừa Thiên Huế became the city of Huế in January 2025;
"Thừa Thiên Huế" is an alias).

Matching works on syllable tokens: every run of one to six capitalised words
is keyed by its letters without diacritics, case or separators ("Kon Tum",
"KonTum" and "Kon-Tum" share the key ``kontum``) and looked up in a dict.
A district or commune is taken only after its type word ("huyện Tiên Yên",
"xã Đăk Năng"), since their names are common words and people's names; a
bare province name is taken when its diacritics agree with the name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from extractors.text.yaml_data import load_data

PROVINCE, DISTRICT, COMMUNE = "province", "district", "commune"
_LEVEL_ORDER = {PROVINCE: 0, DISTRICT: 1, COMMUNE: 2}
_YAML = Path(__file__).with_name("provinces.yaml")
_WORD = re.compile(r"\w+")
# What may stand between two syllables of one name: spaces, or a dash ("Bà Rịa - Vũng Tàu").
_NAME_GAP = re.compile(r"[ \u00a0]{0,2}(?:[-–][ \u00a0]{0,2})?")
# Between a type word and the name: spaces, or a dot after an abbreviation ("TP.HCM", "TP. Huế").
_TYPE_GAP = re.compile(r"\.?[ \u00a0]{0,2}")
_LIST_GAP = re.compile(r"[ \u00a0]*,[ \u00a0]*")
_MAX_TOKENS = 6
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text, with the province it lies in.

    ``candidates`` lists every pre-2025 province the name may belong to: one
    for an unambiguous unit, several for a name such as "Châu Thành".
    """

    start: int
    end: int
    surface: str
    level: str
    name: str
    province: str | None
    province_2025: str | None
    candidates: tuple[str, ...] = ()
    typed: bool = False  # introduced by a type word ("tỉnh", "huyện", "xã")
    candidates_2025: tuple[str, ...] = ()  # every post-2025 province it may belong to


@dataclass(frozen=True)
class ProvinceDetection:
    """The province a report is about; ``evidence`` holds mentions from the text (not the title)."""

    province: str | None
    province_2025: str | None
    scope: str
    scope_name: str | None
    confidence: float
    evidence: tuple[PlaceMention, ...]


@dataclass(frozen=True)
class _Unit:
    level: str
    name: str
    province: str | None  # pre-2025 province; None for a unit that exists only after 2025
    province_2025: str | None
    is_city: bool = False  # a "thành phố": centrally-run city or district-level city
    kind: str = ""  # key of its type word ("thitran", "xa", "huyen"), to prefer on a tie


@dataclass
class _Gazetteer:
    provinces: list[str]
    provinces_2025: list[str]
    to_2025: dict[str, str]
    units: dict[str, list[_Unit]] = field(default_factory=lambda: defaultdict(list))
    # Surface forms whose diacritics must agree for a bare match, by key.
    signatures: dict[str, set[tuple[tuple[str, str], ...]]] = field(
        default_factory=lambda: defaultdict(set)
    )
    needs_type_word: set[str] = field(default_factory=set)
    type_words: dict[tuple[str, ...], str] = field(default_factory=dict)
    type_keys: dict[tuple[str, ...], str] = field(default_factory=dict)


# --------------------------------------------------------------------- text keys


@cache
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    return unicodedata.normalize("NFD", ch)[0].lower()


#: "y" ending a syllable after a consonant or "qu", folded to "i" (see ``_Y_AS_I``)
_KEY_Y_AS_I = re.compile(r"(?:(?<=[bcdghklmnprstvx])|(?<=qu))y\b")


@lru_cache(maxsize=1 << 16)  # words repeat: a long document has few distinct ones
def _key(text: str) -> str:
    """Letters and digits without diacritics, case or separators ("Kon-Tum" -> kontum),
    a final y after a consonant read as i ("Bạch Long Vỹ" -> bachlongvi)."""
    folded = "".join(_fold_char(c) if c.isalnum() else " " for c in text)
    return _KEY_Y_AS_I.sub("i", folded).replace(" ", "")


#: a final "y" after a consonant (or "qu") is written "i" as well: "Vỹ" = "Vĩ", "Kỳ" = "Kì",
#: "Quy" = "Qui" (not after a vowel: "Thủy" is no "Thủi")
_Y_AS_I = re.compile(r"(?:(?<=[bcdđghklmnprstvx])|(?<=qu))y$")


def _syllable_signature(word: str) -> tuple[str, str]:
    """A syllable as (letters with vowel marks, tone), whatever the tone's placement (hoà = hòa)
    and the spelling of a final i (Vỹ = Vĩ)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tone = "".join(c for c in decomposed if c in _TONE_MARKS)
    letters = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _Y_AS_I.sub("i", letters), tone


def _signature(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(_syllable_signature(w) for w in _WORD.findall(text))


def _is_ascii(text: str) -> bool:
    return all(ord(c) < 128 for c in text)


def _capitalised(token: str) -> bool:
    return token[0].isupper() or token[0].isdigit()


# ------------------------------------------------------------------------- data


@cache
def _config() -> dict:
    return load_data(__file__, _YAML.name)


@cache
def cue_at_end(key: str) -> re.Pattern[str]:
    """One of the words listed under ``key`` in the gazetteer's config (person cues,
    authority cues) as the last words of a text, one compiled pattern for all."""
    cues = "|".join(re.escape(cue) for cue in _config()[key])
    return re.compile(rf"(?<!\w)(?:{cues})$")


def _alias_keys(raw: str | None, type_keys: Iterable[str]) -> set[str]:
    """The library's alias keys with any type prefix removed ("huyenhoanhbo" -> "hoanhbo")."""
    keys: set[str] = set()
    for alias in json.loads(raw) if raw else []:
        for prefix in type_keys:
            if alias.startswith(prefix) and len(alias) > len(prefix):
                rest = alias[len(prefix) :]
                if len(prefix) > 2 or rest.isdigit():
                    keys.add(rest)
                    break
        else:
            keys.add(alias)
    return keys


def _short(name: str) -> str:
    """A unit's short name without the library's disambiguating suffix ("Hồng Ngự (Thành phố)")."""
    return re.sub(r"\s*\(.*?\)\s*$", "", name).strip()


@cache
def _gazetteer() -> _Gazetteer:
    from vietnamadminunits import convert_address
    from vietnamadminunits.database import query

    config = _config()
    legacy = query(
        "SELECT DISTINCT province, provinceShort, provinceAlias, districtShort, districtType, "
        "districtAlias, wardShort, wardType, wardAlias FROM admin_units_legacy "
        "ORDER BY provinceCode"
    )
    current = query(
        "SELECT DISTINCT province, provinceShort, wardShort, wardType, wardAlias FROM admin_units "
        "ORDER BY provinceCode"
    )
    full_names = list(dict.fromkeys(r["province"] for r in legacy))
    short_of = {r["province"]: r["provinceShort"] for r in legacy}
    to_2025 = {short_of[p]: convert_address(p).short_province for p in full_names}
    gaz = _Gazetteer(
        provinces=[short_of[p] for p in full_names],
        provinces_2025=list(dict.fromkeys(r["provinceShort"] for r in current)),
        to_2025=to_2025,
    )

    # Type words from the library's own type columns ("Tỉnh", "Huyện", "Thị trấn", ...);
    # "thành phố" names both a centrally-run city and a district-level one.
    level_of_type: dict[str, str] = {}
    for row in legacy:
        level_of_type[row["province"].split(" ", 1)[0].lower()] = PROVINCE
        level_of_type[(row["districtType"] or "").lower()] = DISTRICT
        level_of_type[(row["wardType"] or "").lower()] = COMMUNE
    for row in current:
        level_of_type[(row["wardType"] or "").lower()] = COMMUNE
    level_of_type.pop("", None)
    level_of_type.pop("thành", None)
    level_of_type["thành phố"] = "city"
    for level, words in config["type_abbreviations"].items():
        for word in words:
            level_of_type[word] = level
    gaz.type_words = {tuple(w.split()): level for w, level in level_of_type.items()}
    gaz.type_keys = {tuple(map(_key, w.split())): lv for w, lv in level_of_type.items()}
    type_keys = sorted({_key(w) for w in level_of_type} | {"q", "p", "district"}, key=len)
    type_keys.reverse()

    def add(key: str, unit: _Unit, surface: str | None = None) -> None:
        if key and unit not in gaz.units[key]:
            gaz.units[key].append(unit)
        if surface:
            gaz.signatures[key].add(_signature(surface))

    for row in legacy:
        province = row["provinceShort"]
        p2025 = to_2025[province]
        unit = _Unit(PROVINCE, province, province, p2025, row["province"].startswith("Thành phố"))
        add(_key(province), unit, province)
        for alias in _alias_keys(row["provinceAlias"], type_keys):
            add(alias, unit)
        district = _short(row["districtShort"] or "")
        if district:
            d_type = row["districtType"] or ""
            d_unit = _Unit(DISTRICT, district, province, p2025, d_type == "Thành phố", _key(d_type))
            add(_key(district), d_unit, district)
            add(_key(re.sub(r"^(Quận|Huyện|Thị xã)\s+", "", district)), d_unit)
            for alias in _alias_keys(row["districtAlias"], type_keys):
                add(alias, d_unit)
        ward = _short(row["wardShort"] or "")
        if ward:
            w_unit = _Unit(COMMUNE, ward, province, p2025, kind=_key(row["wardType"] or ""))
            add(_key(ward), w_unit, ward)
            for alias in _alias_keys(row["wardAlias"], type_keys):
                add(alias, w_unit)
    for province, names in config.get("former_districts", {}).items():
        for district in names:
            d_unit = _Unit(DISTRICT, district, province, to_2025[province], kind="huyen")
            add(_key(district), d_unit, district)
    for row in current:
        ward = _short(row["wardShort"] or "")
        if ward:
            kind = _key(row["wardType"] or "")
            add(_key(ward), _Unit(COMMUNE, ward, None, row["provinceShort"], kind=kind), ward)

    provinces = {u.name: u for units in gaz.units.values() for u in units if u.level == PROVINCE}
    for name, aliases in config["province_aliases"].items():
        for alias in aliases:
            add(_key(alias), provinces[name], alias)
    gaz.needs_type_word = {_key(n) for n in config["needs_type_word"]}
    return gaz


def _units(key: str, level: str) -> list[_Unit]:
    return [u for u in _gazetteer().units.get(key, ()) if u.level == level]


# ------------------------------------------------------------------ public: names


def all_provinces() -> list[str]:
    """The 63 provinces before 1 July 2025, by official code, with the library's short names."""
    return list(_gazetteer().provinces)


def all_provinces_2025() -> list[str]:
    """The 34 provinces from 1 July 2025."""
    return list(_gazetteer().provinces_2025)


def _strip_type_word(name: str) -> tuple[str | None, str]:
    """Split "tỉnh Kon Tum" into ("province", "Kon Tum"); "TP.HCM" into ("city", "HCM").

    Unlike in running text, a type word without diacritics ("tinh Hau Giang") is
    accepted here: a name passed on its own is known to be a place.
    """
    gaz = _gazetteer()
    words = _WORD.findall(name)
    for size in (2, 1):
        head = tuple(words[:size])
        level = (
            gaz.type_words.get(head)
            or gaz.type_words.get(tuple(w.lower() for w in head))
            or gaz.type_keys.get(tuple(_key(w) for w in head))
        )
        if level and len(words) > size:
            match = re.match(r"\W*" + r"\W+".join(map(re.escape, words[:size])), name)
            if match:
                return level, name[match.end() :].lstrip(" .")
    return None, name


def canonical_province(name: str) -> str | None:
    """The canonical pre-2025 province for any of its spellings, or None.

    Accepts names without diacritics, with a type word ("tỉnh Kon Tum",
    "Thành phố Hồ Chí Minh", "TP.HCM"), library aliases ("HCM") and the YAML
    aliases ("Sài Gòn", "BR-VT", "Thừa Thiên Huế"). Every 2025 province keeps
    an old province's name, so the 2025 name is returned as that same name.
    """
    name = unicodedata.normalize("NFC", name or "").strip()
    level, rest = _strip_type_word(name)
    for candidate in (rest, name) if level in (None, PROVINCE, "city") else ():
        units = _units(_key(candidate), PROVINCE)
        if units:
            return units[0].name
    return None


def province_2025(province: str) -> str | None:
    """The province after the 2025 merger: Kon Tum -> Quảng Ngãi, Bạc Liêu -> Cà Mau."""
    canonical = canonical_province(province)
    return _gazetteer().to_2025.get(canonical) if canonical else None


@cache
def _name_signature(name: str) -> tuple[tuple[str, str], ...]:
    return _signature(name)


def _prefer_spelling(units: list[_Unit], surface: str) -> list[_Unit]:
    """Keep the units spelled exactly as written, if any ("Tiên Yên" is not "Tiền Yên")."""
    wanted = _signature(surface)
    exact = [u for u in units if _name_signature(u.name) == wanted]
    return exact or units


def _mention(start: int, end: int, surface: str, level: str, units: list[_Unit], typed: bool):
    olds = sorted({u.province for u in units if u.province})
    news = {u.province_2025 for u in units}
    # A post-2025 commune whose new province none of the old candidates maps to
    # means the old province is unknown.
    if any(u.province is None for u in units) and not news <= {
        _gazetteer().to_2025[p] for p in olds
    }:
        province = None
    else:
        province = olds[0] if len(olds) == 1 else None
    return PlaceMention(
        start=start,
        end=end,
        surface=surface,
        level=level,
        name=units[0].name,
        province=province,
        province_2025=news.pop() if len(news) == 1 else None,
        candidates=tuple(olds),
        typed=typed,
        candidates_2025=tuple(sorted(p for p in news if p)),
    )


def resolve_place(name: str, level: str | None = None) -> list[PlaceMention]:
    """Every unit a place name may denote, most general level first.

    "Tiên Yên" -> the district (and its township) in Quảng Ninh; "Châu Thành"
    -> one candidate per province that has such a district. A type word in
    ``name`` ("huyện Sa Thầy") or ``level`` narrows the search.
    """
    name = unicodedata.normalize("NFC", name or "").strip()
    typed_level, rest = _strip_type_word(name)
    found = _resolve(name, rest, level, typed_level)
    if not found and typed_level:
        found = _resolve(name, name, level, None)  # "Xa Mát" is a name, not "xã Mát"
    return found


def _resolve(name: str, rest: str, level: str | None, typed_level: str | None):
    levels = [level] if level else [PROVINCE, DISTRICT, COMMUNE]
    if typed_level == "city":
        levels = [lv for lv in levels if lv in (PROVINCE, DISTRICT)]
    elif typed_level:
        levels = [lv for lv in levels if lv == typed_level]
    found: list[PlaceMention] = []
    for lv in levels:
        by_province: dict[str | None, list[_Unit]] = defaultdict(list)
        for unit in _prefer_spelling(_units(_key(rest), lv), rest):
            by_province[unit.province or unit.province_2025].append(unit)
        for units in by_province.values():
            found.append(_mention(0, len(name), name, lv, units, typed_level is not None))
    return found
