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
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from extractors.clauses.rising_harms import rising_harm
from extractors.clauses.weakness_candidates import Candidate, candidate_clauses
from extractors.clauses.weaknesses import (
    alternation,
    extract_weaknesses,
    load_vocabulary,
    word_pattern,
)
from extractors.records import Weakness
from extractors.text.spans import SpanIndex

MODEL_PATH = Path(__file__).with_name("weakness_model.joblib")
SUMMARY_PATH = Path(__file__).with_name("weakness_model.yaml")
_SYLLABLE = re.compile(r"[^\W\d_]+|\d+(?:[.,/]\d+)*", re.UNICODE)
_RATIO = re.compile(r"\d+\s*/\s*\d+")
_NUMBER = re.compile(r"\d")


@lru_cache(maxsize=1)
def _opens_plan() -> re.Pattern[str]:
    """A plan or remedy word opening the clause ("Khắc phục khó khăn", "Cần tăng cường"):
    such a clause names what to do, while a plan word further in ("chưa được khắc
    phục") may sit inside a shortcoming."""
    words = load_vocabulary()["weakness_model"]["cues"]["plan"]
    return re.compile(rf"^\W*{alternation(words)}(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _held_reluctant() -> re.Pattern[str]:
    """An attitude the clause says is still held ("cấp ủy còn lơ là", "vẫn còn tâm lý
    e ngại"): "còn" or "vẫn" before a word of the reluctant or slack family, at most three
    words apart, and not "không còn" (no longer held, which praises)."""
    cues = load_vocabulary()["weakness_model"]["cues"]
    still = alternation(cues["still"])
    reluctant = alternation([*cues["reluctant"], *cues.get("slack", [])])
    return re.compile(
        rf"(?<!\w)(?<!không\s)(?<!chẳng\s){still}\s+(?:[^\W\d_]+\s+){{0,3}}?{reluctant}(?!\w)",
        re.IGNORECASE,
    )


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


#: Families whose phrases praise with a negation or "còn" in them ("không chỉ ... mà
#: còn", "không để xảy ra", "không còn xảy ra"): searched in the text as it is, and
#: blanked out of it before the other families are searched.
_PRAISING = ("not_only", "achievement", "not_admitting")
#: a standard not reached: searched before the praise is blanked ("không đạt" holds "đạt")
_FAILING = "failing"
_RAW = (*_PRAISING, _FAILING)
# A clause admits a shortcoming only with a word of one of these families in it (after
# the praising phrases are blanked), or under a sentence, heading or lead-in that names
# one ("Hạn chế: ..."): the model's words alone ("khó khăn" in "không quản khó khăn")
# are not enough.
_ADMITTING = (
    "weakness_noun",
    "negation",
    "still",
    "lacking",
    "broken",
    "formal",
    "leaving",
    "worsening",
    "slack",
    _FAILING,
)
_ADMITTING_CONTEXT = ("ctx:weakness_noun", "prev:weakness_noun", "head:weakness_noun")


@lru_cache(maxsize=1)
def _praise_pattern() -> re.Pattern[str] | None:
    cues = load_vocabulary()["weakness_model"]["cues"]
    words = [w for name in _PRAISING for w in cues.get(name, [])]
    return word_pattern(words) if words else None


def _blanked(text: str) -> str:
    """The text with the praising phrases blanked: their negation and "còn" praise."""
    pattern = _praise_pattern()
    return pattern.sub(" ", text) if pattern is not None else text


def _family_in(name: str, text: str, blanked: str) -> bool:
    patterns = _cue_patterns()
    if name == "achievement" and _FAILING in patterns:
        text = patterns[_FAILING].sub(" ", text)  # "chưa đạt chuẩn" praises nothing
    return patterns[name].search(text if name in _RAW else blanked) is not None


_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _first_words() -> dict[str, frozenset[str] | None]:
    """Per cue family, the lowercased first word of each of its phrases (None when a
    phrase opens with no word character, so the family is always searched)."""
    firsts: dict[str, frozenset[str] | None] = {}
    for name, phrases in load_vocabulary()["weakness_model"]["cues"].items():
        words = [_WORD_RUN.match(p.lower()) for p in phrases]
        firsts[name] = None if None in words else frozenset(w.group() for w in words if w)
    return firsts


def _found(text: str) -> tuple[str, ...]:
    """Cue families in a text.

    A phrase matches as whole words, so its first word is one of the text's word
    runs: a family none of whose first words is in the text is not searched (blanking
    praise only removes whole words, so the runs of the blanked text are among these).
    """
    words = set(_WORD_RUN.findall(text.lower()))
    firsts = _first_words()
    blanked: str | None = None
    found = []
    for name in _cue_patterns():
        first = firsts.get(name)
        if first is not None and first.isdisjoint(words):
            continue
        if blanked is None and name not in _RAW:
            blanked = _blanked(text)
        if _family_in(name, text, blanked if blanked is not None else text):
            found.append(name)
    return tuple(found)


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
    feats["opens_plan"] = float(bool(_opens_plan().match(candidate.text)))
    feats["held_reluctant"] = float(bool(_held_reluctant().search(candidate.text)))
    feats[f"len:{min(words // 5, 6)}"] = 1.0
    feats["heading_itself"] = float(
        candidate.text.strip() == candidate.sentence.strip()
        and not candidate.sentence.rstrip().endswith(".")
    )
    position = candidate.sentence_index / max(n_sentences, 1)
    feats[f"pos:{min(int(position * 4), 3)}"] = 1.0
    return feats


def document_rows(text: str) -> tuple[list[Candidate], list[dict[str, Any]]]:
    """Candidates of a normalized text and the feature row of each."""
    candidates = candidate_clauses(text)
    rules = SpanIndex([(w.start, w.end) for w in extract_weaknesses("", text)])
    n_sentences = (candidates[-1].sentence_index + 1) if candidates else 0
    memo: dict[str, tuple[str, ...]] = {}

    def found(part: str) -> tuple[str, ...]:
        if part not in memo:
            memo[part] = _found(part)
        return memo[part]

    rows = []
    for c in candidates:
        hit = rules.overlaps(c.start, c.end)
        rows.append(
            {
                "text": c.text,
                "cues": cue_features(c, hit, n_sentences, _within(c.sentence, found)),
                "named": quoted_name(c),
            }
        )
    return candidates, rows


def _within(
    sentence: str, found: Callable[[str], tuple[str, ...]]
) -> Callable[[str], tuple[str, ...]]:
    """``found`` for the clause and the text before it, trying only the sentence's families.

    Both are pieces of the sentence cut between words, so a cue family absent from
    the sentence is absent from them: only the families the sentence holds are
    searched again (the same answer as searching every family, in the same order).
    """
    families = found(sentence)

    def found_in(part: str) -> tuple[str, ...]:
        if part == sentence:
            return families
        if part not in sentence:  # the sentence before, the heading above
            return found(part)
        if not families:
            return ()
        blanked = _blanked(part)
        return tuple(name for name in families if _family_in(name, part, blanked))

    return found_in


def _texts(rows: Sequence[dict[str, Any]]) -> list[str]:
    return [row["text"] for row in rows]


def _cues(rows: Sequence[dict[str, Any]]) -> list[dict[str, float]]:
    return [row["cues"] for row in rows]


def build_pipeline(c: float = 4.0) -> Pipeline:
    """The untrained model: three feature blocks and a logistic regression."""
    words = Pipeline(
        [
            ("get", FunctionTransformer(_texts)),
            ("tfidf", TfidfVectorizer(analyzer=syllables, sublinear_tf=True, min_df=2)),
        ]
    )
    chars = Pipeline(
        [
            ("get", FunctionTransformer(_texts)),
            (
                "tfidf",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(2, 4),
                    sublinear_tf=True,
                    min_df=2,
                    max_features=20000,
                ),
            ),
        ]
    )
    cues = Pipeline([("get", FunctionTransformer(_cues)), ("dict", DictVectorizer())])
    return Pipeline(
        [
            (
                "features",
                FeatureUnion(
                    [("words", words), ("chars", chars), ("cues", cues)],
                    transformer_weights={"cues": CUE_WEIGHT},
                ),
            ),
            ("clf", LogisticRegression(C=c, class_weight="balanced", max_iter=2000)),
        ]
    )


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any]:
    """The trained model bundle (``pipeline``, ``threshold``, ``data_hash`` ...), loaded once."""
    if not MODEL_PATH.exists():
        raise ModelMissing(f"no weakness model at {MODEL_PATH}: run `antq weaknesses train`")
    try:
        return joblib.load(MODEL_PATH)
    except Exception as error:  # a pickle from another scikit-learn version, a broken file
        raise ModelMissing(
            f"cannot load {MODEL_PATH.name} ({error}): run `antq weaknesses train`"
        ) from error


def score_rows(rows: Sequence[dict[str, Any]], bundle: dict[str, Any] | None = None) -> list[float]:
    """Probability of being a weakness, per feature row."""
    if not rows:
        return []
    bundle = bundle or load_model()
    pipeline = bundle["pipeline"]
    features = _union_transform(pipeline.named_steps["features"], list(rows))
    return [float(p) for p in pipeline.named_steps["clf"].predict_proba(features)[:, 1]]


class _TextBlock:
    """One TF-IDF block folded into the regression: per term its idf and coefficient.

    ``term_ids`` maps a clause to the ids of its known terms (repeats kept).
    A ``char_wb`` block's n-grams never cross a space, so each word's ids are
    computed once and a clause's are the concatenation over its words.
    """

    def __init__(self, vectorizer: TfidfVectorizer, coef: np.ndarray, weight: float) -> None:
        if vectorizer.norm != "l2" or not vectorizer.use_idf:
            raise ValueError("the linear scorer needs l2-normalised TF-IDF blocks")
        self.vocabulary: dict[str, int] = dict(vectorizer.vocabulary_)
        self.size = len(self.vocabulary)
        self.idf = np.asarray(vectorizer.idf_, dtype=float)
        self.coef = np.asarray(coef, dtype=float)
        self.sublinear = bool(vectorizer.sublinear_tf)
        self.weight = weight
        self.analyzer = vectorizer.build_analyzer()
        self.per_word = (
            vectorizer.analyzer == "char_wb"
            and vectorizer.lowercase
            and vectorizer.preprocessor is None
            and vectorizer.strip_accents is None
        )
        self._word_ids = lru_cache(maxsize=50_000)(self._ids_of)

    def _ids_of(self, text: str) -> tuple[int, ...]:
        vocabulary = self.vocabulary
        return tuple(vocabulary[t] for t in self.analyzer(text) if t in vocabulary)

    def term_ids(self, text: str) -> list[int]:
        if not self.per_word:
            return list(self._ids_of(text))
        ids: list[int] = []
        for word in text.lower().split():
            ids.extend(self._word_ids(word))
        return ids

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Each text's contribution to the decision function (weight x normalised row . coef)."""
        rows: list[int] = []
        terms: list[int] = []
        for i, text in enumerate(texts):
            ids = self.term_ids(text)
            terms.extend(ids)
            rows.extend([i] * len(ids))
        out = np.zeros(len(texts))
        if not terms:
            return out
        keys, counts = np.unique(
            np.asarray(rows) * self.size + np.asarray(terms), return_counts=True
        )
        row, term = np.divmod(keys, self.size)
        tf = (1.0 + np.log(counts)) if self.sublinear else counts.astype(float)
        value = tf * self.idf[term]
        norm = np.sqrt(np.bincount(row, weights=value * value, minlength=len(texts)))
        dot = np.bincount(row, weights=value * self.coef[term], minlength=len(texts))
        np.divide(dot, norm, out=out, where=norm > 0)
        return self.weight * out


class LinearScorer:
    """The trained pipeline's probabilities, computed clause by clause without sparse matrices.

    The model is a logistic regression over two TF-IDF blocks (l2-normalised rows)
    and a block of cue features, so a clause's score is the intercept plus, per
    block, the dot product of its normalised row with the block's coefficients.
    Folding idf and coefficient into one table per term gives the same
    probabilities as ``score_rows`` (to rounding: ``tests/test_weakness_model.py``)
    at a fraction of the cost on a document's few dozen clauses, where
    scikit-learn's per-call checks and matrix building dominate.
    """

    def __init__(self, pipeline: Pipeline) -> None:
        union = pipeline.named_steps["features"]
        clf = pipeline.named_steps["clf"]
        coef = clf.coef_[0]
        weights = union.transformer_weights or {}
        self.intercept = float(clf.intercept_[0])
        self.text_blocks: list[_TextBlock] = []
        self.cue_coef: dict[str, float] = {}
        self.cue_weight = 1.0
        offset = 0
        for name, transformer in union.transformer_list:
            last = transformer.steps[-1][1]
            if isinstance(last, TfidfVectorizer):
                size = len(last.vocabulary_)
                self.text_blocks.append(
                    _TextBlock(last, coef[offset : offset + size], float(weights.get(name, 1.0)))
                )
                offset += size
            elif isinstance(last, DictVectorizer):
                self.cue_weight = float(weights.get(name, 1.0))
                self.cue_coef = {f: float(coef[offset + j]) for f, j in last.vocabulary_.items()}
                offset += len(last.vocabulary_)
            else:
                raise ValueError(f"the linear scorer does not know the block {name!r}")
        if offset != len(coef):
            raise ValueError("the model's blocks do not cover its coefficients")

    def scores(self, rows: Sequence[dict[str, Any]]) -> list[float]:
        texts = [row["text"] for row in rows]
        z = np.full(len(rows), self.intercept)
        for block in self.text_blocks:
            z += block.scores(texts)
        cues = self.cue_coef
        z += self.cue_weight * np.array(
            [sum(v * cues[f] for f, v in row["cues"].items() if f in cues) for row in rows]
        )
        return [float(p) for p in 1.0 / (1.0 + np.exp(-z))]


_SCORERS: dict[int, tuple[dict[str, Any], LinearScorer]] = {}


def fast_scores(rows: Sequence[dict[str, Any]], bundle: dict[str, Any]) -> list[float]:
    """``score_rows`` by the folded linear model (same probabilities, much less work)."""
    entry = _SCORERS.get(id(bundle))
    if entry is None or entry[0] is not bundle:
        entry = _SCORERS[id(bundle)] = (bundle, LinearScorer(bundle["pipeline"]))
    return entry[1].scores(rows) if rows else []


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


def may_admit(row: dict[str, Any]) -> bool:
    """The clause holds a word of an admitting family, or stands under a sentence,
    heading or lead-in that names a weakness: only then can the model's score count."""
    cues = row["cues"]
    return any(cues.get(f"cue:{name}") for name in _ADMITTING) or any(
        cues.get(key) for key in _ADMITTING_CONTEXT
    )


def decision(score: float, row: dict[str, Any]) -> float:
    """The detector's score of a candidate: the model's probability, or 1 when the cue
    rules found the clause.

    The rules are precise where they fire (an admission keyword opening a section);
    the model adds the shortcomings they miss. Cross-validation and the threshold
    use this same score (``pipeline/evaluate/weakness_training.py``).
    """
    cues = row["cues"]
    if not may_admit(row):
        score = 0.0
    if cues.get("cue:natural_hazard"):
        score = 0.0  # weather and disasters are hazards, not shortcomings of the work
    if cues.get("opens_plan") and not any(cues.get(f"cue:{name}") for name in _ADMITTING):
        # what to do ("Nhằm nâng cao hiệu quả ... trong thời gian tới"), right after the
        # shortcomings it answers: no shortcoming of its own, unless the cue rules say so
        return cues.get("rule", 0.0)
    if (cues.get("cue:rule_statement") or cues.get("ctx:rule_statement")) and not _admitted(cues):
        return 0.0  # a regulation's terms: who is paid, who is left out
    if cues.get(f"cue:{_FAILING}") and not cues.get("opens_plan"):
        return 1.0  # a standard not reached ("3 xã chưa đạt chuẩn") is admitted as such
    if cues.get("held_reluctant") and not cues.get("opens_plan"):
        return 1.0  # an attitude still held ("còn lơ là, chủ quan") is admitted as such
    # the situation faced ("Vài năm nay, tình hình trộm cắp vặt tăng lên") is no
    # shortcoming of the work, even against the results ("Tuy nhiên, ..."), unless the
    # clause finds the work wanting (round 16's annotators left such clauses out)
    wanting = any(cues.get(f"cue:{name}") for name in _FINDING_WANTING)
    if _situation(row["text"]) and not wanting:
        return 0.0
    if row.get("named") or _living(row["text"]):
        # a name or slogan in quotes, how people live: no shortcoming of the work
        return cues.get("rule", 0.0)
    return max(score, cues.get("rule", 0.0))


def _admitted(cues: dict[str, float]) -> bool:
    """The clause stands where a report admits something: under a weakness noun (its
    sentence, the one before, its heading) or after a contrast with what went well."""
    return any(cues.get(key) for key in (*_ADMITTING_CONTEXT, "pre:contrast", "cue:contrast"))


#: Families that find the work wanting, as opposed to "còn", "vẫn" and a worsening trend
#: that a description of the situation also uses.
_FINDING_WANTING = (
    "weakness_noun",
    "negation",
    "lacking",
    "reluctant",
    "slack",
    "broken",
    "formal",
    "leaving",
    _FAILING,
)


@cache
def _opening_subject(key: str, within: int) -> re.Pattern[str] | None:
    """One of the words listed under ``key`` among a clause's first ``within`` words
    ("Ở các xã ven biển, hoạt động buôn lậu ..."), or None when the list is empty."""
    words = load_vocabulary()["weakness_model"].get(key, [])
    if not words:
        return None
    return re.compile(rf"^\W*(?:\w+\W+){{0,{within}}}?{alternation(words)}(?!\w)", re.IGNORECASE)


def _opens_with(key: str, within: int, text: str) -> bool:
    pattern = _opening_subject(key, within)
    return pattern is not None and pattern.search(text) is not None


def _situation(text: str) -> bool:
    """A harm in the area, named among the clause's first eight words, or opening a
    later comma-separated part of it ("... có đông đồng bào sinh sống, tình trạng dùng
    súng tự chế vẫn còn"): the clause may open on the place before it names the harm."""
    return _opens_with("situation_subjects", 7, text) or any(
        _opens_with("situation_subjects", 1, part) for part in text.split(",")[1:]
    )


def _living(text: str) -> bool:
    """People's living conditions, named among the clause's first four words."""
    return _opens_with("living_subjects", 3, text)


@lru_cache(maxsize=1)
def _speech_pattern() -> re.Pattern[str] | None:
    words = load_vocabulary()["weakness_model"].get("speech_before_quote", [])
    if not words:
        return None
    return re.compile(rf"(?:{alternation(words)})\W*$", re.IGNORECASE)


def quoted_name(candidate: Candidate) -> bool:
    """The clause starts inside quotation marks that do not open on speech: part of a
    name or a slogan (``mô hình “Ba không: không tội phạm, không tệ nạn”``)."""
    sentence, text = candidate.sentence, candidate.text
    at = sentence.find(text) if text else -1
    if at < 0:
        return False
    before = sentence[:at]
    opened = max(before.rfind(q) for q in ("“", '"'))
    if opened < 0 or any(q in before[opened + 1 :] for q in ("”", '"')):
        return False  # not inside an open quote
    rest = sentence[at:]
    if not any(q in rest for q in ("”", '"')):
        return False  # the quote never closes in the sentence: speech running on
    speech = _speech_pattern()
    return speech is None or speech.search(before[:opened]) is None


def learned_weaknesses(doc_id: str, text: str) -> list[Weakness]:
    """Weakness rows of a normalized text according to the trained model and the rules."""
    bundle = load_model()
    candidates, rows = document_rows(text)
    # decision() sets aside the model's score of a clause that cannot admit anything,
    # so only the others are scored
    scored = [i for i, row in enumerate(rows) if may_admit(row)]
    scores = [0.0] * len(rows)
    for i, score in zip(scored, fast_scores([rows[i] for i in scored], bundle), strict=True):
        scores[i] = score
    out: dict[int, Weakness] = {}
    for i, (c, row, score) in enumerate(zip(candidates, rows, scores, strict=True)):
        decided = decision(score, row)
        if decided >= bundle["threshold"]:
            cue = "model" if decided == score else "rules"
            if _headline(c, row):
                told = _told_in_body(candidates, i)
                if told is not None:
                    c, cue = told, "headline_in_body"
            out.setdefault(c.start, Weakness(doc_id, c.start, c.end, c.text, cue=cue))
        elif rising_harm(c.text, _before(c)):
            out.setdefault(c.start, Weakness(doc_id, c.start, c.end, c.text, cue="rising_harm"))
    return sorted(out.values(), key=lambda w: (w.start, w.end))


#: A body clause tells the headline's shortcoming when it holds at least this share of
#: the headline's words.
HEADLINE_SHARE = 0.6


def _headline(candidate: Candidate, row: dict[str, Any]) -> bool:
    """The clause is a whole line without a final stop (the ``heading_itself`` feature)
    at the top of the page."""
    return candidate.sentence_index <= 2 and bool(row["cues"].get("heading_itself"))


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD_RUN.findall(text)}


def _told_in_body(candidates: Sequence[Candidate], at: int) -> Candidate | None:
    """The body clause that tells the headline's shortcoming ("Hàng ngàn camera ở X mất
    tác dụng" over "... tại X, hàng ngàn camera ở các khu dân cư mất tác dụng do hỏng
    hóc"): a report admits it once, in its body, where annotators take it."""
    head = _words(candidates[at].text)
    best, best_share = None, HEADLINE_SHARE
    for c in candidates[at + 1 :]:
        if c.sentence_index == candidates[at].sentence_index:
            continue
        share = len(head & _words(c.text)) / max(len(head), 1)
        if share >= best_share:
            best, best_share = c, share
    return best


def _before(candidate: Candidate) -> str:
    """The candidate's sentence up to the clause."""
    return candidate.sentence.split(candidate.text, 1)[0] if candidate.text else ""


def _with_rising_harms(doc_id: str, text: str, found: list[Weakness]) -> list[Weakness]:
    """``found`` and the candidate clauses reporting a rising harm that no row covers."""
    extra = [
        Weakness(doc_id, c.start, c.end, c.text, cue="rising_harm")
        for c in candidate_clauses(text)
        if rising_harm(c.text, _before(c))
        and not any(w.start < c.end and c.start < w.end for w in found)
    ]
    return sorted([*found, *extra], key=lambda w: (w.start, w.end)) if extra else found


WEAKNESS_MODES = ("model", "rules")


def detect_weaknesses(doc_id: str, text: str, mode: str = "model") -> list[Weakness]:
    """Weaknesses by the trained model (``model``) or the cue rules alone (``rules``)."""
    if mode == "rules":
        return _with_rising_harms(doc_id, text, extract_weaknesses(doc_id, text))
    if mode != "model":
        raise ValueError(f"weaknesses must be one of {WEAKNESS_MODES}, not {mode!r}")
    return learned_weaknesses(doc_id, text)
