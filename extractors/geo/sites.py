"""The province a page's web site belongs to (see ``sites.yaml`` for the rules)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any
from urllib.parse import urlparse

from extractors.text.yaml_data import load_data


@cache
def _data() -> dict[str, Any]:
    return load_data(__file__, "sites.yaml")


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return re.sub(r"[^a-z]", "", "".join(c for c in folded if not unicodedata.combining(c)).lower())


@cache
def _labels() -> dict[str, str]:
    """Host label -> province, for every prefix + slug + suffix of every province."""
    from extractors.geo.gazetteer import all_provinces, canonical_province

    data = _data()
    slugs: dict[str, str] = {}
    for province in all_provinces():
        slugs[_slug(province)] = province
    for name, aliases in data["slug_aliases"].items():
        province = canonical_province(name) or name
        for alias in aliases:
            slugs[alias] = province
    labels: dict[str, str] = {}
    for slug, province in slugs.items():
        for prefix in data["patterns"]["prefixes"]:
            for suffix in data["patterns"]["suffixes"]:
                labels[f"{prefix}{slug}{suffix}"] = province
    return labels


def site_weight() -> float:
    return float(_data()["weight"])


def province_from_url(url: str | None) -> str | None:
    """The province of the site that published ``url``; None for national or unknown sites."""
    from extractors.geo.gazetteer import canonical_province

    if not url:
        return None
    host = (urlparse(url if "//" in url else f"//{url}").hostname or "").lower()
    data = _data()
    for prefix in data.get("host_prefixes", ["www."]):
        host = host.removeprefix(prefix)
    if any(host == h or host.endswith("." + h) for h in data["national"]):
        return None
    for site, province in data["sites"].items():
        if host == site or host.endswith("." + site):
            return canonical_province(province) or province
    parts = host.split(".")
    labels = _labels()
    candidates = [parts[0]]
    if (
        any(host.endswith("." + d) for d in data.get("provincial_domains", ["gov.vn"]))
        and len(parts) >= 3
    ):
        candidates.append(parts[-3])  # duyxuyen.quangnam.gov.vn -> quangnam
    elif len(parts) >= 3:
        candidates.append(parts[-2])  # camera.danang.vn -> danang
    for label in candidates:
        if label in labels:
            return labels[label]
    if (
        any(host.endswith("." + d) for d in data.get("provincial_domains", ["gov.vn"]))
        and len(parts) >= 3
    ):
        # a district's portal, or a commune's under it: caoson.bachthong.gov.vn
        return _district_labels().get(parts[-3])
    return None


@cache
def _district_labels() -> dict[str, str]:
    """Host label of each district name only one province has -> that province
    (``bachthong`` -> Bắc Kạn), for district and commune portals on gov.vn."""
    return {"".join(words): province for words, province in _path_district_names().items()}


@cache
def _path_names() -> dict[tuple[str, ...], str]:
    """Hyphenated slug words of each province of two syllables or more -> the province."""
    from extractors.geo.gazetteer import all_provinces

    skip = set(_data().get("path_skip", []))
    names: dict[tuple[str, ...], str] = {}
    for province in all_provinces():
        words = tuple(_slug(w) for w in province.split() if _slug(w))
        if len(words) >= 2 and province not in skip:
            names[words] = province
    return names


@cache
def _path_district_names() -> dict[tuple[str, ...], str]:
    """Slug words of each district name of two syllables or more that only one
    province has (before 2025) -> that province ("kim-boi" -> Hòa Bình)."""
    from extractors.geo.gazetteer import DISTRICT, _gazetteer

    provinces: dict[tuple[str, ...], set[str]] = {}
    for units in _gazetteer().units.values():
        for unit in units:
            if unit.level != DISTRICT or unit.province is None:
                continue
            words = tuple(_slug(w) for w in unit.name.split() if _slug(w))
            if len(words) >= 2:
                provinces.setdefault(words, set()).add(unit.province)
    province_names = set(_path_names())
    return {
        words: next(iter(found))
        for words, found in provinces.items()
        if len(found) == 1 and words not in province_names
    }


#: Slug words that make the name after them a commune's ("phuong-thong-nhat"), not a district's.
_COMMUNE_TYPES = frozenset({"xa", "phuong", "tran"})


def _spelled(
    words: list[str], names: dict[tuple[str, ...], str], skip_after: frozenset[str] = frozenset()
) -> set[str]:
    found = set()
    for name, province in names.items():
        size = len(name)
        if any(
            tuple(words[i : i + size]) == name and (i == 0 or words[i - 1] not in skip_after)
            for i in range(len(words) - size + 1)
        ):
            found.add(province)
    return found


def province_from_path(url: str | None) -> str | None:
    """The one province whose name the article's address spells ("...-tai-hai-duong-481258"),
    else the one province of the district names it spells ("cong-an-kim-boi-..."), or
    None when it spells none or several.

    National papers name the province, or the district, in the address of a local
    story. Names of one syllable ("hue") are too often other words to count.
    """
    if not url:
        return None
    path = urlparse(url if "//" in url else f"//{url}").path.lower()
    words = [w for w in re.split(r"[^a-z0-9]+", path) if w]
    found = _spelled(words, _path_names())
    if not found:
        found = _spelled(words, _path_district_names(), _COMMUNE_TYPES)
    return found.pop() if len(found) == 1 else None


def url_votes(url: str | None) -> tuple[tuple[str, float], ...]:
    """Votes of a page's address for its province: its site, else the name its path spells."""
    site = province_from_url(url)
    if site:
        return ((site, site_weight()),)
    path = province_from_path(url)
    return ((path, float(_data().get("path_weight", 0.0))),) if path else ()
