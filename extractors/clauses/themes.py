"""Themes of weaknesses and solutions: a small text model built from the codebook.

The themes, their seed phrases and the hand-labelled gold clauses live in
``themes.yaml``. The model is a TF-IDF over underthesea word tokens (plus word
bigrams) with a nearest-centroid rule: each theme's centroid is the mean of
its training rows, a clause goes to the theme whose centroid is closest by
cosine, and the cosine is its score. Below the theme threshold the clause is
``other``. Nearest centroid needs no iterative fitting, so the model is
deterministic and builds in a fraction of a second; it is cached in-process.

``discover_themes`` clusters clauses (usually the ``other`` ones of many
reports) into candidate new themes for a researcher to name and add to the
YAML.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize

from extractors.text.normalize import normalize_tone
from extractors.text.segment import word_tokenize
from extractors.text.yaml_data import load_data

OTHER = "other"
WEAKNESSES = "weaknesses"
SOLUTIONS = "solutions"


@cache
def codebook() -> dict[str, Any]:
    """The parsed ``themes.yaml``."""
    return load_data(__file__, "themes.yaml")


def theme_codes() -> list[str]:
    """The codebook's theme codes, in YAML order (``other`` not included)."""
    return list(codebook()["themes"])


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(_normalize(word) for word in codebook().get("stopwords", []))


def _normalize(text: str) -> str:
    return normalize_tone(unicodedata.normalize("NFC", text)).lower()


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """Lowercased underthesea word tokens, stopwords and punctuation removed.

    Multi-syllable words keep an underscore (``mô_hình``) so that a token is
    one string; the original casing is used for tokenization, which helps
    underthesea find proper nouns.
    """
    words = word_tokenize(normalize_tone(unicodedata.normalize("NFC", text)))
    stop = _stopwords()
    kept = []
    for word in words:
        lowered = word.lower()
        if lowered in stop or not any(ch.isalpha() for ch in lowered):
            continue
        kept.append(lowered.replace(" ", "_"))
    return tuple(kept)


def _features(text: str) -> list[str]:
    words = tokens(text)
    return list(words) + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def _vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=_features, sublinear_tf=True, norm="l2")


@dataclass(frozen=True)
class CentroidModel:
    """TF-IDF + nearest centroid by cosine; ``other`` below ``threshold``."""

    vectorizer: TfidfVectorizer
    labels: tuple[str, ...]
    centroids: np.ndarray
    threshold: float

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str], threshold: float) -> CentroidModel:
        vectorizer = _vectorizer()
        matrix = vectorizer.fit_transform(texts)
        names = tuple(sorted(set(labels)))
        rows = np.asarray(labels)
        centroids = np.vstack(
            [np.asarray(matrix[rows == name].mean(axis=0)).ravel() for name in names]
        )
        return cls(vectorizer, names, normalize(centroids), threshold)

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Cosine of each text to each theme centroid (texts x themes)."""
        matrix = self.vectorizer.transform(texts)
        return np.asarray(matrix @ self.centroids.T)

    def predict(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        if not texts:
            return []
        result = []
        for row in self.scores(texts):
            best = int(np.argmax(row))
            score = float(row[best])
            theme = self.labels[best] if score >= self.threshold else OTHER
            result.append((theme, round(score, 4)))
        return result


def seed_rows(kind: str) -> list[tuple[str, str]]:
    """Seed phrases as (text, theme). Solutions also learn from weakness seeds:
    a remedy names the same subject as the shortcoming it addresses."""
    rows = []
    keys = ["weakness_seeds"] if kind == WEAKNESSES else ["solution_seeds", "weakness_seeds"]
    for theme, spec in codebook()["themes"].items():
        for key in keys:
            rows.extend((phrase, theme) for phrase in spec.get(key, []))
    return rows


def gold_rows(kind: str) -> list[dict[str, str]]:
    """Hand-labelled gold clauses: dicts with ``doc``, ``text``, ``theme``."""
    return list(codebook().get("gold_labels", {}).get(kind, []))


def training_rows(kind: str, exclude_docs: Iterable[str] = ()) -> list[tuple[str, str]]:
    excluded = set(exclude_docs)
    rows = seed_rows(kind)
    for kind_of_gold in (WEAKNESSES, SOLUTIONS) if kind == SOLUTIONS else (WEAKNESSES,):
        rows.extend(
            (row["text"], row["theme"])
            for row in gold_rows(kind_of_gold)
            if row["theme"] != OTHER and row["doc"] not in excluded
        )
    return rows


def theme_threshold(kind: str) -> float:
    return float(codebook().get("threshold", {}).get(kind, 0.2))


def build_model(kind: str, exclude_docs: Iterable[str] = ()) -> CentroidModel:
    """Fit the model for ``weaknesses`` or ``solutions`` from the YAML."""
    rows = training_rows(kind, exclude_docs)
    return CentroidModel.fit([t for t, _ in rows], [c for _, c in rows], theme_threshold(kind))


@cache
def _model(kind: str) -> CentroidModel:
    return build_model(kind)


def classify_weaknesses(texts: list[str]) -> list[tuple[str, float]]:
    """(theme, score) for each weakness clause; ``other`` below the threshold."""
    return _model(WEAKNESSES).predict(list(texts))


def classify_solutions(texts: list[str]) -> list[tuple[str, float]]:
    """(theme, score) for each solution (its summary sentence works best)."""
    return _model(SOLUTIONS).predict(list(texts))


def evaluate_theme_classifier(kind: str = WEAKNESSES) -> dict[str, Any]:
    """Leave-one-document-out accuracy on the hand-labelled gold clauses.

    For each gold document, the model is trained on the seed phrases and the
    gold clauses of the *other* documents, then predicts the held-out
    document's clauses; the clause never sees itself or its neighbours.
    ``accuracy`` counts the prediction after the ``other`` threshold,
    ``top1_accuracy`` the best theme before it, and ``seed_only_accuracy``
    a model trained on the seed phrases alone.
    """
    gold = gold_rows(kind)
    docs = sorted({row["doc"] for row in gold})
    predicted: list[tuple[str, float]] = []
    top1: list[str] = []
    truth: list[str] = []
    for doc in docs:
        held_out = [row for row in gold if row["doc"] == doc]
        model = build_model(kind, exclude_docs=[doc])
        texts = [row["text"] for row in held_out]
        predicted.extend(model.predict(texts))
        top1.extend(model.labels[int(np.argmax(r))] for r in model.scores(texts))
        truth.extend(row["theme"] for row in held_out)
    seed_model = build_model(kind, exclude_docs=docs)
    seed_only = [theme for theme, _ in seed_model.predict([row["text"] for row in gold])]
    per_theme: dict[str, dict[str, float]] = {}
    for theme in sorted(set(truth)):
        idx = [i for i, t in enumerate(truth) if t == theme]
        correct = sum(predicted[i][0] == theme for i in idx)
        per_theme[theme] = {"n": len(idx), "correct": correct, "recall": correct / len(idx)}
    n = len(truth)

    def share(values: Sequence[str]) -> float:
        return round(sum(p == t for p, t in zip(values, truth, strict=True)) / n, 4) if n else 0.0

    return {
        "kind": kind,
        "accuracy": share([theme for theme, _ in predicted]),
        "top1_accuracy": share(top1),
        "seed_only_accuracy": share(seed_only),
        "n": n,
        "folds": len(docs),
        "method": "leave-one-document-out; seed phrases always in training",
        "per_theme": per_theme,
        "errors": [
            {"text": row["text"], "truth": t, "predicted": p, "score": s}
            for row, t, (p, s) in zip(
                [r for d in docs for r in gold if r["doc"] == d], truth, predicted, strict=True
            )
            if p != t
        ],
    }


def _choose_k(matrix: np.ndarray, n: int) -> int:
    """Best average-linkage cut by silhouette, between 2 and about sqrt(2n) clusters."""
    upper = min(n - 1, max(2, int(np.ceil(np.sqrt(2 * n)))), 15)
    best_k, best = 2, -1.0
    for k in range(2, upper + 1):
        labels = _agglomerate(matrix, k)
        if len(set(labels)) < 2:
            continue
        score = silhouette_score(matrix, labels, metric="cosine")
        if score > best + 1e-9:
            best_k, best = k, score
    return best_k


def _agglomerate(matrix: np.ndarray, k: int) -> np.ndarray:
    model = AgglomerativeClustering(n_clusters=k, metric="cosine", linkage="average")
    return model.fit_predict(matrix)


def discover_themes(texts: list[str], n_clusters: int | None = None) -> list[dict[str, Any]]:
    """Group clauses into candidate themes, largest first.

    Each candidate has ``size``, ``top_terms`` (the words weighing most in its
    centroid), ``examples`` (the clauses closest to the centroid) and
    ``indices`` (positions in ``texts``, to map back to clause ids). Clauses
    with no content word after stopword removal are left out. Clustering is
    average-linkage agglomerative on cosine distance: deterministic, no seed.
    """
    kept = [i for i, text in enumerate(texts) if tokens(text)]
    if not kept:
        return []
    vectorizer = _vectorizer()
    matrix = vectorizer.fit_transform([texts[i] for i in kept]).toarray()
    n = len(kept)
    if n < 3:
        labels = np.zeros(n, dtype=int)
    else:
        k = n_clusters if n_clusters else _choose_k(matrix, n)
        labels = _agglomerate(matrix, max(1, min(k, n)))
    terms = vectorizer.get_feature_names_out()
    candidates = []
    for label in sorted(set(labels.tolist())):
        members = np.flatnonzero(labels == label)
        centroid = matrix[members].mean(axis=0)
        order = np.argsort(-centroid, kind="stable")
        top_terms = [terms[j].replace("_", " ") for j in order[:8] if centroid[j] > 0]
        closeness = matrix[members] @ centroid
        ranked = members[np.argsort(-closeness, kind="stable")]
        candidates.append(
            {
                "size": int(len(members)),
                "top_terms": top_terms,
                "examples": [texts[kept[i]] for i in ranked[:3]],
                "indices": sorted(kept[i] for i in members),
            }
        )
    candidates.sort(key=lambda c: (-c["size"], c["indices"][0]))
    for number, candidate in enumerate(candidates):
        candidate["cluster"] = number
    return candidates
