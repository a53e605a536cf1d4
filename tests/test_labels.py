"""Labels for unclassified figures and candidate indicators built from them."""

from __future__ import annotations

import pytest

from extractors.figures.labels import figure_label
from pipeline.review.suggest import Candidate, normalize_label, suggest_indicators


def _label(sentence: str, number: str, unit: str | None = None, occurrence: int = 0) -> str:
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(number, start + 1)
    return figure_label(sentence, start, start + len(number), unit)


@pytest.mark.parametrize(
    ("sentence", "number", "unit", "expected"),
    [
        (
            "Trong năm, xảy ra 120 vụ phạm tội về trật tự xã hội, bắt 200 bị can.",
            "120",
            "vụ",
            "vụ phạm tội về trật tự xã hội",
        ),
        (
            "Trong năm, xảy ra 120 vụ phạm tội về trật tự xã hội, bắt 200 bị can.",
            "200",
            None,
            "bị can",
        ),
        # seed 001: the unit carries a comma and the phrase goes on after it
        (
            "Các cơ quan báo chí đã đăng tải hơn 12.949 tin, bài viết về phong trào.",
            "12.949",
            "tin, bài viết",
            "tin, bài viết về phong trào",
        ),
        # seed 004: an enumeration, each label stops at the comma
        (
            "trao tặng hơn 12.500 phần quà, 21.000 quyển tập, 158 suất học bổng, 465 thẻ bảo "
            "hiểm y tế, hơn 60 tấn gạo,… cho các gia đình chính sách",
            "21.000",
            None,
            "quyển tập",
        ),
        (
            "trao tặng hơn 12.500 phần quà, 21.000 quyển tập, 158 suất học bổng, 465 thẻ bảo "
            "hiểm y tế, hơn 60 tấn gạo,… cho các gia đình chính sách",
            "465",
            None,
            "thẻ bảo hiểm y tế",
        ),
        (
            "trao tặng hơn 12.500 phần quà, 21.000 quyển tập, 158 suất học bổng, 465 thẻ bảo "
            "hiểm y tế, hơn 60 tấn gạo,… cho các gia đình chính sách",
            "60",
            None,
            "tấn gạo",
        ),
        # seed 001: the phrase stops before a case marker ("được", "qua")
        (
            "Quần chúng đã cung cấp 726 nguồn tin, qua đó có 288 đối tượng bắt giữ được qua "
            "nguồn tin.",
            "288",
            None,
            "đối tượng bắt giữ",
        ),
        # a place preposition ends the phrase
        (
            "Công an cơ sở tổ chức 64 diễn đàn tại các xã, phường, thị trấn.",
            "64",
            None,
            "diễn đàn",
        ),
    ],
)
def test_label_reads_the_counted_noun_phrase_after_the_number(sentence, number, unit, expected):
    assert _label(sentence, number, unit) == expected


def test_a_bare_measure_borrows_the_words_before_the_number():
    sentence = "Các gia đình được hỗ trợ với tổng số tiền hơn 22 tỷ đồng."
    assert _label(sentence, "22", "tỷ đồng") == "tỷ đồng (tổng số tiền)"


def test_nothing_after_the_number_falls_back_to_the_words_before():
    assert _label("Tổng số tiền ủng hộ là 500.", "500") == "Tổng số tiền ủng hộ"


def test_a_ratio_denominator_is_skipped():
    sentence = "bố trí Công an xã chính quy tại 85/85 xã và 07/07 thị trấn trên địa bàn tỉnh"
    assert _label(sentence, "07", "thị trấn") == "thị trấn"


def test_labels_of_one_enumeration_are_distinct():
    sentence = "Năm 2023 thực hiện 26 chuyên mục, 60 tin truyền hình, phóng sự về phong trào."
    assert _label(sentence, "26") == "chuyên mục"
    assert _label(sentence, "60", "tin truyền hình, phóng sự") == (
        "tin truyền hình, phóng sự về phong trào"
    )


def test_normalize_label_uses_project_tone_placement_and_spacing():
    assert normalize_label("  Vụ  hoà giải ") == "vụ hòa giải"
    assert normalize_label("tin , bài viết") == "tin, bài viết"


def test_suggest_indicators_groups_labels_most_frequent_first():
    labels = [
        "vụ phạm tội về trật tự xã hội",
        "Vụ phạm tội về trật tự xã hội",
        "vụ phạm tội về ma túy",
        "bị can",
        "bị can",
        "phần quà",
        "thẻ bảo hiểm y tế",
        "",
    ]
    candidates = suggest_indicators(labels)
    assert all(isinstance(c, Candidate) for c in candidates)
    first = candidates[0]
    assert first.name == "vụ phạm tội về trật tự xã hội"
    assert first.count == 3 and first.distinct == 2
    assert first.examples == (("vụ phạm tội về trật tự xã hội", 2), ("vụ phạm tội về ma túy", 1))
    assert candidates[1].name == "bị can" and candidates[1].count == 2
    assert [c.count for c in candidates] == sorted((c.count for c in candidates), reverse=True)
    assert sum(c.count for c in candidates) == 7  # the empty label is dropped
    assert "phạm tội" in first.top_terms


def test_suggest_indicators_keeps_unrelated_labels_apart():
    candidates = suggest_indicators(["phần quà", "suất học bổng", "cầu giao thông nông thôn"])
    assert len(candidates) == 3
    assert suggest_indicators([]) == []
    assert suggest_indicators(["bị can"])[0].count == 1


def test_labels_come_from_one_tagging_of_each_sentence(monkeypatch) -> None:
    """The sentence's words are tagged once, whatever its number of unclassified figures."""
    from extractors.extract import extract_document
    from extractors.figures import sentence as figures_sentence

    calls: list[int] = []
    real = figures_sentence.pos_tags

    def counted(words):
        calls.append(len(words))
        return real(words)

    monkeypatch.setattr(figures_sentence, "pos_tags", counted)
    text = "Trong năm, xảy ra 120 vụ trộm cắp xe máy, 35 vụ đánh bạc ăn tiền, bắt 200 bị can."
    figures = extract_document(text, with_entities="off").figures
    labels = {f.value: f.label for f in figures if f.indicator == "unclassified"}
    assert labels == {120: "vụ trộm cắp xe máy", 35: "vụ đánh bạc ăn tiền", 200: "bị can"}
    assert len(calls) == 1
