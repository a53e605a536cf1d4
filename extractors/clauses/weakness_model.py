"""The learned weakness detector: features of candidate clauses, the model file, prediction.

A candidate clause (``weakness_candidates``) becomes a vector of
- TF-IDF of its words (lowercased syllable unigrams and bigrams; Vietnamese
  words are one or two syllables, so bigrams carry most words),
- TF-IDF of character 2-4-grams within words (robust to spelling variants),
- cue features: the rule extractor's verdict on the clause, and each cue family
  of ``clauses.yaml`` (``weakness_model.cues``) in the clause, its sentence,
  the sentence before and the heading above, plus position and length.
A logistic regression scores it; at or above the trained threshold it is a
weakness. ``pipeline/evaluate/weakness_training.py`` fits the model and writes
``weakness_model.joblib`` (with the hash of the data it was trained on, and a
``weakness_model.yaml`` summary that also feeds the extractor version).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import joblib
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from extractors.clauses.weakness_candidates import Candidate, candidate_clauses
from extractors.clauses.weaknesses import extract_weaknesses, load_vocabulary, word_pattern
from extractors.records import Weakness

MODEL_PATH = Path(__file__).with_name("weakness_model.joblib")
SUMMARY_PATH = Path(__file__).with_name("weakness_model.yaml")
_SYLLABLE = re.compile(r"[^\W\d_]+|\d+(?:[.,/]\d+)*", re.UNICODE)
_RATIO = re.compile(r"\d+\s*/\s*\d+")
_NUMBER = re.compile(r"\d")
#: Cue features count this much more than one TF-IDF block (they generalise across wordings).
CUE_WEIGHT = 1.0


class ModelMissing(RuntimeError):
    """The model file is absent or unreadable: train it with ``antq weaknesses train``."""


@lru_cache(maxsize=1)
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    cues = load_vocabulary()["weakness_model"]["cues"]
    return {name: word_pattern(words) for name, words in cues.items()}


def syllables(text: str) -> list[str]:
    """Lowercased syllables and numbers, then syllable bigrams."""
    words = [w.lower() for w in _SYLLABLE.findall(text)]
    words = ["<num>" if w[0].isdigit() else w for w in words]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def _found(text: str) -> tuple[str, ...]:
    """Cue families in a text."""
    return tuple(name for name, pattern in _cue_patterns().items() if pattern.search(text))


def cue_features(
    candidate: Candidate,
    rule_hit: bool,
    n_sentences: int,
    found: Callable[[str], tuple[str, ...]] = _found,
) -> dict[str, float]:
    """The non-lexical features of one candidate (names are stable strings).

    ``found`` may be a memo of ``_found``: a sentence, the one before it and the
    heading are shared by every candidate clause of the sentence.
    """
    feats: dict[str, float] = {"rule": float(rule_hit), "bias_cue": 1.0}
    before = candidate.sentence.split(candidate.text, 1)[0] if candidate.text else ""
    for scope, text in (
        ("cue", candidate.text),
        ("ctx", candidate.sentence),
        ("pre", before),
        ("prev", candidate.previous),
        ("head", candidate.heading),
    ):
        for name in found(text):
            feats[f"{scope}:{name}"] = 1.0
    words = len(candidate.text.split())
    feats["ratio"] = float(bool(_RATIO.search(candidate.text)))
    feats["number"] = float(bool(_NUMBER.search(candidate.text)))
    feats["first_clause"] = float(candidate.clause_index == 0)
    feats[f"len:{min(words // 5, 6)}"] = 1.0
    feats["heading_itself"] = float(candidate.text.strip() == candidate.sentence.strip()
                                    and not candidate.sentence.rstrip().endswith("."))
    position = candidate.sentence_index / max(n_sentences, 1)
    feats[f"pos:{min(int(position * 4), 3)}"] = 1.0
    return feats


def document_rows(text: str) -> tuple[list[Candidate], list[dict[str, Any]]]:
    """Candidates of a normalized text and the feature row of each."""
    candidates = candidate_clauses(text)
    rules = [(w.start, w.end) for w in extract_weaknesses("", text)]
    n_sentences = (candidates[-1].sentence_index + 1) if candidates else 0
    memo: dict[str, tuple[str, ...]] = {}

    def found(part: str) -> tuple[str, ...]:
        if part not in memo:
            memo[part] = _found(part)
        return memo[part]

    rows = []
    for c in candidates:
        hit = any(s < c.end and c.start < e for s, e in rules)
        rows.append({"text": c.text, "cues": cue_features(c, hit, n_sentences, found)})
    return candidates, rows


def _texts(rows: Sequence[dict[str, Any]]) -> list[str]:
    return [row["text"] for row in rows]


def _cues(rows: Sequence[dict[str, Any]]) -> list[dict[str, float]]:
    return [row["cues"] for row in rows]


def build_pipeline(c: float = 4.0) -> Pipeline:
    """The untrained model: three feature blocks and a logistic regression."""
    words = Pipeline([
        ("get", FunctionTransformer(_texts)),
        ("tfidf", TfidfVectorizer(analyzer=syllables, sublinear_tf=True, min_df=2)),
    ])
    chars = Pipeline([
        ("get", FunctionTransformer(_texts)),
        ("tfidf", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True,
                                  min_df=2, max_features=20000)),
    ])
    cues = Pipeline([("get", FunctionTransformer(_cues)), ("dict", DictVectorizer())])
    return Pipeline([
        ("features", FeatureUnion([("words", words), ("chars", chars), ("cues", cues)],
                                  transformer_weights={"cues": CUE_WEIGHT})),
        ("clf", LogisticRegression(C=c, class_weight="balanced", max_iter=2000)),
    ])


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any]:
    """The trained model bundle (``pipeline``, ``threshold``, ``data_hash`` ...), loaded once."""
    if not MODEL_PATH.exists():
        raise ModelMissing(f"no weakness model at {MODEL_PATH}: run `antq weaknesses train`")
    try:
        return joblib.load(MODEL_PATH)
    except Exception as error:  # a pickle from another scikit-learn version, a broken file
        raise ModelMissing(f"cannot load {MODEL_PATH.name} ({error}): run `antq weaknesses "
                           "train`") from error


def score_rows(rows: Sequence[dict[str, Any]], bundle: dict[str, Any] | None = None) -> list[float]:
    """Probability of being a weakness, per feature row."""
    if not rows:
        return []
    bundle = bundle or load_model()
    pipeline = bundle["pipeline"]
    features = _union_transform(pipeline.named_steps["features"], list(rows))
    return [float(p) for p in pipeline.named_steps["clf"].predict_proba(features)[:, 1]]


def _union_transform(union: FeatureUnion, rows: list[dict[str, Any]]) -> Any:
    """What ``FeatureUnion.transform`` computes, without its joblib dispatch.

    The dispatch costs more than the transforms on one document's few dozen
    clauses; the blocks, their weights and their order are the union's own, so
    the matrix is the same (``tests/test_weakness_model.py`` compares them).
    """
    weights = union.transformer_weights or {}
    blocks = []
    for name, transformer in union.transformer_list:
        if transformer == "drop":
            continue
        block = transformer.transform(rows)
        if name in weights:
            block = block * weights[name]
        blocks.append(block)
    return sparse.hstack(blocks).tocsr()


def learned_weaknesses(doc_id: str, text: str) -> list[Weakness]:
    """Weakness rows of a normalized text according to the trained model."""
    bundle = load_model()
    candidates, rows = document_rows(text)
    scores = score_rows(rows, bundle)
    return [
        Weakness(doc_id, c.start, c.end, c.text, cue="model")
        for c, score in zip(candidates, scores, strict=True)
        if score >= bundle["threshold"]
    ]


WEAKNESS_MODES = ("model", "rules")


def detect_weaknesses(doc_id: str, text: str, mode: str = "model") -> list[Weakness]:
    """Weaknesses by the trained model (``model``) or the cue rules alone (``rules``)."""
    if mode == "rules":
        return extract_weaknesses(doc_id, text)
    if mode != "model":
        raise ValueError(f"weaknesses must be one of {WEAKNESS_MODES}, not {mode!r}")
    return learned_weaknesses(doc_id, text)
