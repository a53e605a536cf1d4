"""extractors.text.segment must give exactly the words of underthesea.word_tokenize."""

from __future__ import annotations

from pathlib import Path

import pytest
from underthesea import word_tokenize as underthesea_words

from extractors.text import segment
from extractors.text.normalize import normalize_text, split_sentences

CORPORA = Path(__file__).resolve().parents[1] / "corpora"


def corpus_sentences() -> list[str]:
    """Every sentence of the seed articles and the modelled texts, raw and normalized."""
    sentences: list[str] = []
    for folder in (CORPORA / "seeds", CORPORA / "modelled" / "docs"):
        for path in sorted(folder.glob("*.txt")):
            raw = path.read_text(encoding="utf-8")
            sentences += [line for line in raw.splitlines() if line.strip()]
            sentences += [s.text for s in split_sentences(normalize_text(raw))]
    return sentences


def test_same_words_as_underthesea_on_every_corpus_sentence() -> None:
    sentences = corpus_sentences()
    assert len(sentences) > 1000
    differ = [
        (s, segment.word_tokenize(s))
        for s in sentences
        if segment.word_tokenize(s) != underthesea_words(s)
    ]
    assert not differ, f"{len(differ)} sentences differ, first: {differ[0]}"


@pytest.mark.parametrize(
    "sentence",
    [
        "",
        "   ",
        "1.160",
        "(Hà Nội)",
        "Công an huyện tiếp nhận 726 tin báo, tố giác tội phạm",
        "CÔNG AN TỈNH QUẢNG NINH",
        "- Số buổi: 1.284 buổi; số lượt người tham dự: 156.300",
        "x",
    ],
)
def test_same_words_at_the_edges(sentence: str) -> None:
    assert segment.word_tokenize(sentence) == underthesea_words(sentence)


def test_the_featurizer_features_are_reproduced_string_for_string() -> None:
    import underthesea.pipeline.word_tokenize as package

    underthesea_words("a")  # loads underthesea's model
    featurizer = package.word_tokenize_model.featurizer
    tokens = ["Công", "an", "huyện", "1.160", "(Hà", "tiếp nhận", "2024"]
    expected = featurizer.process([[[t] for t in tokens]])[0]
    got = segment._load().features([(t,) for t in tokens])
    assert [list(row) for row in got] == expected


def test_an_unknown_template_is_refused() -> None:
    from extractors.ner.features import StageTagger

    with pytest.raises(ValueError, match="unsupported feature template"):
        StageTagger(["T[0].isupper"], None, segment.value_functions(frozenset()))
