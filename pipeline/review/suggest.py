"""Candidate new indicators from the labels of unclassified figures.

Labels from the whole corpus (``vụ phạm tội về trật tự xã hội``, ``bị can``,
``phần quà``) are normalized, counted, and the distinct labels are clustered
by the words they share (TF-IDF over underthesea word tokens, average-linkage
agglomerative clustering on cosine distance, cut at a fixed distance, so the
result is deterministic). Each cluster is a candidate indicator, most
frequent first, with its commonest label as the proposed name, its top terms
and example labels with their counts, for a researcher to name and add to
``extractors/figures/indicators.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from extractors.text.normalize import normalize_tone
from extractors.text.segment import word_tokenize

DISTANCE_THRESHOLD = 0.7
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?…])")


@dataclass(frozen=True)
class Candidate:
    """A proposed indicator: the labels of unclassified figures it would cover."""

    name: str  # the commonest label in the group
    count: int  # figures (labels) in the group
    distinct: int  # distinct labels in the group
    top_terms: tuple[str, ...]
    examples: tuple[tuple[str, int], ...]  # (label, count), commonest first


def normalize_label(label: str) -> str:
    """Lowercase, NFC, project tone placement, single spaces."""
    text = normalize_tone(unicodedata.normalize("NFC", label or ""))
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(text.lower().split()))


def _words(label: str) -> list[str]:
    words = [w.replace(" ", "_") for w in word_tokenize(label)]
    words = [w for w in words if any(ch.isalnum() for ch in w)]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def suggest_indicators(labels: list[str], max_examples: int = 5) -> list[Candidate]:
    """Cluster unclassified labels into candidate indicators, most frequent first."""
    counts = Counter(normalize_label(label) for label in labels)
    counts.pop("", None)
    distinct = sorted(counts, key=lambda label: (-counts[label], label))
    if not distinct:
        return []
    if len(distinct) == 1:
        groups = np.zeros(1, dtype=int)
        vectorizer = TfidfVectorizer(analyzer=_words).fit(distinct)
        matrix = vectorizer.transform(distinct).toarray()
    else:
        vectorizer = TfidfVectorizer(analyzer=_words, sublinear_tf=True)
        matrix = vectorizer.fit_transform(distinct).toarray()
        empty = ~matrix.any(axis=1)
        matrix[empty, 0] = 1.0  # labels with no word still get a (lonely) vector
        groups = AgglomerativeClustering(
            n_clusters=None,
            metric="cosine",
            linkage="average",
            distance_threshold=DISTANCE_THRESHOLD,
        ).fit_predict(matrix)
    terms = vectorizer.get_feature_names_out()
    candidates = []
    for group in sorted(set(groups.tolist())):
        members = [distinct[i] for i in np.flatnonzero(groups == group)]
        weights = np.array([counts[m] for m in members], dtype=float)
        rows = matrix[np.flatnonzero(groups == group)]
        centroid = (rows * weights[:, None]).sum(axis=0) / weights.sum()
        order = np.argsort(-centroid, kind="stable")
        top = tuple(terms[j].replace("_", " ") for j in order[:5] if centroid[j] > 0)
        members.sort(key=lambda label: (-counts[label], label))
        candidates.append(
            Candidate(
                name=members[0],
                count=int(weights.sum()),
                distinct=len(members),
                top_terms=top,
                examples=tuple((m, counts[m]) for m in members[:max_examples]),
            )
        )
    candidates.sort(key=lambda c: (-c.count, c.name))
    return candidates
