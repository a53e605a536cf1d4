"""extractors.ner.fast_ner must return exactly what underthesea.ner returns, token for token."""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

import pytest
import underthesea
from underthesea.pipeline.chunking import tagged_feature as chunk_features
from underthesea.pipeline.chunking.model_crf import CRFChunkingPredictor
from underthesea.pipeline.ner import tagged_feature as ner_features
from underthesea.pipeline.ner.model_crf import CRFNERPredictor
from underthesea.pipeline.pos_tag import tagged_feature as pos_features
from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

from extractors.ner import fast_ner
from extractors.ner.features import StageTagger

SEEDS = Path(__file__).resolve().parents[1] / "corpora" / "seeds"


@cache
def seed_sentences() -> tuple[str, ...]:
    """Every line of every seed article, split at '. ' — many real sentences."""
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            sentences += [s.strip() for s in line.split(". ") if s.strip()]
    return tuple(sentences)


def assert_same_as_underthesea(sentences: list[str]) -> None:
    mismatches = [
        (s, expected, got)
        for s, expected, got in zip(
            sentences,
            (underthesea.ner(s) for s in sentences),
            fast_ner.ner_many(sentences),
            strict=True,
        )
        if expected != got
    ]
    assert not mismatches, f"{len(mismatches)} sentences differ, first: {mismatches[0]}"


def test_seed_corpus_is_large_and_has_entities() -> None:
    sentences = list(seed_sentences())
    tagged = fast_ner.ner_many(sentences)
    assert len(sentences) > 150
    assert sum(len(t) for t in tagged) > 5000
    tags = {token[3] for sentence in tagged for token in sentence}
    assert {"B-LOC", "B-ORG"} <= tags


def test_identical_on_every_raw_seed_sentence() -> None:
    assert_same_as_underthesea(list(seed_sentences()))


def test_identical_on_every_normalized_seed_sentence() -> None:
    assert_same_as_underthesea([underthesea.text_normalize(s) for s in seed_sentences()])


@pytest.mark.parametrize(
    "sentence",
    [
        "",
        "   ",
        "...!!",
        "- ( ) ; :",
        "Năm 2023, toàn tỉnh có 1.160 tổ an ninh nhân dân với 145.410 lượt người tham gia.",
        "Ông Trần Văn Hùng, Phó Giám đốc Công an tỉnh Kon Tum phát biểu.",
        '"Nguyễn Văn A" được tặng Bằng khen của Bộ Công an.',
        "Mô hình “Camera an ninh” của xã Đăk Năng được nhân rộng.",
        "UBND TP. Hồ Chí Minh, Sở LĐ-TB&XH và Ban Chỉ đạo 138 tỉnh Gia Lai.",
        "ĐỒNG CHÍ ĐẠI TÁ NGUYỄN VĂN NAM",
        "Kon",
        "Hà Nội",
    ],
)
def test_identical_on_edge_cases(sentence: str) -> None:
    assert fast_ner.ner_tokens(sentence) == underthesea.ner(sentence)


def test_identical_on_a_very_long_sentence() -> None:
    sentence = ", ".join(seed_sentences()[:12])
    assert len(sentence) > 1500
    assert fast_ner.ner_tokens(sentence) == underthesea.ner(sentence)


def test_tokenize_and_tag_exposes_the_word_tokens() -> None:
    sentence = seed_sentences()[3]
    tokens, tagged = fast_ner.tokenize_and_tag(sentence)
    assert tokens == underthesea.word_tokenize(sentence)
    assert [t[0] for t in tagged] == tokens
    assert fast_ner.tag_tokens(tokens) == tagged == underthesea.ner(sentence)


@pytest.mark.parametrize(
    ("predictor", "module", "rows"),
    [
        (CRFPOSTagPredictor, pos_features, lambda ws: [(w, "X") for w in ws]),
        (CRFChunkingPredictor, chunk_features, lambda ws: [(w, "N", "X") for w in ws]),
        (CRFNERPredictor, ner_features, lambda ws: [(w, "Np", "B-NP", "X") for w in ws]),
    ],
)
def test_feature_strings_equal_underthesea_for_short_and_odd_sentences(
    predictor, module, rows
) -> None:
    """BOS/EOS edges (1-4 tokens) and odd words, compared feature string by feature string."""
    reference = predictor.Instance()
    stage = StageTagger.for_module(reference.transformer.template, reference.model, module)
    words = ["Công an", "1.160", "(Hà", "ǅx", "ΣΑΣ", "a  B", "", "Đăk Năng"]
    for n in range(1, 5):
        for start in range(len(words) - n + 1):
            sentence = rows(words[start : start + n])
            expected = reference.transformer.transform([sentence])[0][0]
            assert [list(f) for f in stage.features(sentence)] == expected


def test_threads_get_the_same_tags() -> None:
    sentences = list(seed_sentences()[:40])
    expected = fast_ner.ner_many(sentences)
    results: list[list] = [[] for _ in range(4)]

    def run(k: int) -> None:
        results[k] = fast_ner.ner_many(sentences)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result == expected for result in results)


def test_pos_tag_is_underthesea_pos_tag_on_sentence_tails():
    """Figure labels tag the text after a number; fast_ner.pos_tag must give the same tags."""
    sentences = list(seed_sentences())
    tails = [s[i:] for s in sentences for i in range(0, len(s), 37) if s[i:].strip()]
    mismatches = [t for t in tails if fast_ner.pos_tag(t) != underthesea.pos_tag(t)]
    assert not mismatches, mismatches[:3]
