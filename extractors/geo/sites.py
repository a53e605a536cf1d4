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
    host = host.removeprefix("www.")
    data = _data()
    if any(host == h or host.endswith("." + h) for h in data["national"]):
        return None
    for site, province in data["sites"].items():
        if host == site or host.endswith("." + site):
            return canonical_province(province) or province
    parts = host.split(".")
    labels = _labels()
    candidates = [parts[0]]
    if host.endswith(".gov.vn") and len(parts) >= 3:
        candidates.append(parts[-3])  # duyxuyen.quangnam.gov.vn -> quangnam
    elif len(parts) >= 3:
        candidates.append(parts[-2])  # camera.danang.vn -> danang
    for label in candidates:
        if label in labels:
            return labels[label]
    return None
