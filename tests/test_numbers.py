"""Behaviour of the Vietnamese number finder on seed sentences and realistic variants."""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from extractors.text.numbers import (
    NumberMention,
    find_numbers,
    find_skipped_numbers,
    parse_vietnamese_number,
    scan_numbers,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpora" / "seeds"
GOLD = ROOT / "corpora" / "gold"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def gold(prefix: str) -> dict:
    return json.loads(next(GOLD.glob(f"{prefix}_*.json")).read_text(encoding="utf-8"))


def kept(text: str) -> list[tuple[str, float]]:
    """Each mention as (its text including qualifier and scale, value)."""
    return [(text[m.start : m.end], m.value) for m in find_numbers(text)]


def skipped(text: str) -> list[tuple[str, str]]:
    return [(s.raw, s.reason) for s in find_skipped_numbers(text)]


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1.160", 1160),
        ("145.410", 145410),
        ("02", 2),
        ("07", 7),
        ("2,5", 2.5),
        ("1.234,5", 1234.5),
        ("1.234.567", 1234567),
        ("22.000", 22000),
        ("0,75", 0.75),
        # a lone dot not followed by exactly three digits: an English-style decimal
        ("1.5", 1.5),
        ("2.25", 2.25),
        ("0.500", 0.5),
        # one comma is the Vietnamese decimal mark, several can only be English grouping
        ("1,234", 1.234),
        ("1,234,567", 1234567),
        ("1,234.5", 1234.5),
        ("145\u00a0410", 145410),
        (" 726 ", 726),
    ],
)
def test_parse_vietnamese_number(raw: str, value: float) -> None:
    assert parse_vietnamese_number(raw) == pytest.approx(value)


@pytest.mark.parametrize(
    "raw", ["", "abc", "12a", "-5", "1.23.4", "1..2", "1,2,3", "1.234,5,6", "hơn 5", "5 %"]
)
def test_parse_rejects_non_numbers(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_vietnamese_number(raw)


# --------------------------------------------------------------------------- seeds


def test_seed_001_kept_values_equal_gold() -> None:
    text = seed("001")
    assert Counter(m.value for m in find_numbers(text)) == Counter(
        float(f["value"]) for f in gold("001")["figures"]
    )


def test_seed_001_skips_dates_years_ranges_documents_durations() -> None:
    assert skipped(seed("001")) == [
        ("2023", "year"),  # headline "Năm 2023, ..."
        ("2023", "year"),
        ("2023", "year"),
        ("2023", "year"),
        ("02 tháng 9", "date"),
        ("10", "duration"),  # "tổng kết 10 năm thực hiện"
        ("09/CTr-BCA-MTTQ", "document_number"),
        ("01 tháng 8 năm 2013", "date"),
        ("2013-2023", "range"),
        ("05", "duration"),
        ("2018-202320", "range"),  # a typo in the seed: still digits-dash-digits
    ]


def test_seed_003_kept_values_equal_gold_and_skips() -> None:
    text = seed("003")
    assert Counter(m.value for m in find_numbers(text)) == Counter(
        float(f["value"]) for f in gold("003")["figures"]
    )
    assert skipped(text) == [
        ("20/08/2012", "date"),
        ("05:08", "time"),
        ("GMT+7", "time"),
        ("2005", "year"),
        ("19-8", "date"),
        ("5", "quoted_name"),  # “5 không”
        ("09", "document_number"),  # Chỉ thị số 09
        ("10", "document_number"),  # Chương trình hành động số 10
    ]


def test_seed_004_kept_values_equal_gold() -> None:
    text = seed("004")
    assert Counter(m.value for m in find_numbers(text)) == Counter(
        float(f["value"]) for f in gold("004")["figures"]
    )


def test_seed_004_skips() -> None:
    reasons = Counter(skipped(seed("004")))
    assert reasons == Counter(
        {
            ("29-11-2023", "date"): 1,
            ("48", "document_number"): 1,
            ("09", "document_number"): 3,  # Chỉ thị số 09, Chương trình phối hợp số 09 (x2)
            ("14", "document_number"): 1,
            ("3", "quoted_name"): 3,  # “Câu lạc bộ 3 tích cực trong đồng bào dân tộc Khmer”
            ("2023", "year"): 3,
            ("2025", "year"): 1,
            ("138", "name_number"): 2,  # Ban Chỉ đạo 138
            ("10", "duration"): 1,
            ("2013 – 2023", "range"): 1,
            ("2021 – 2023", "range"): 2,
            ("2018 – 2023", "range"): 2,
        }
    )


def test_seed_002_has_only_a_date_and_a_document_number() -> None:
    text = seed("002")
    assert find_numbers(text) == []
    assert skipped(text) == [("27/05/2025", "date"), ("44-KL/TW", "document_number")]


@pytest.mark.parametrize("prefix", ["001", "003", "004"])
def test_gold_quotes_match_a_mention_with_value_qualifier_denominator(prefix: str) -> None:
    text = seed(prefix)
    mentions = find_numbers(text)
    for fig in gold(prefix)["figures"]:
        quote = fig["quote"]
        starts = [m.start() for m in re.finditer(re.escape(quote), text)]
        assert starts, quote
        inside = [
            m
            for m in mentions
            for s in starts
            if s <= m.number_start
            and m.number_end <= s + len(quote)
            and m.value == float(fig["value"])
        ]
        assert inside, quote
        m = inside[0]
        assert m.qualifier == fig["qualifier"], quote
        assert m.denominator == fig.get("denominator"), quote
        if m.qualifier != "exact":
            assert text[m.start : m.number_start].strip().lower() in quote.lower()


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_digit_of_every_seed_is_found_or_skipped_once(prefix: str) -> None:
    text = seed(prefix)
    mentions, skips = scan_numbers(text)
    spans = sorted(
        [(m.number_start, m.number_end) for m in mentions] + [(s.start, s.end) for s in skips]
    )
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end <= start, "a number is reported twice"
    covered = {i for s, e in spans for i in range(s, e)}
    missing = [i for i, ch in enumerate(text) if ch.isdigit() and i not in covered]
    assert missing == []


def test_seed_offsets_point_at_the_number() -> None:
    text = seed("004")
    for m in find_numbers(text):
        assert m.raw == text[m.number_start : m.number_end]
        assert m.start <= m.number_start < m.number_end <= m.end
    money = next(m for m in find_numbers(text) if m.scale_word)
    assert text[money.start : money.end] == "hơn 22 tỷ"
    assert (money.value, money.qualifier, money.raw) == (22e9, "more_than", "22")


# --------------------------------------------------------------------------- variants


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trong năm 2024, Công an tỉnh đã tổ chức 1.250 buổi tuyên truyền với trên dưới 300 "
            "người dự mỗi buổi, phát hành hơn 40.000 tờ rơi.",
            [("1.250", 1250), ("trên dưới 300", 300), ("hơn 40.000", 40000)],
        ),
        (
            "Đến nay 12/12 xã, 3/5 thị trấn đã bố trí Công an chính quy.",
            [("12/12", 12), ("3/5", 3)],
        ),
        (
            "Vận động ủng hộ 350 triệu đồng, trao 1,5 tỷ đồng học bổng và 2 tỷ 500 triệu đồng "
            "xây nhà; quỹ có 1,2 nghìn hội viên.",
            [
                ("350 triệu", 350e6),
                ("1,5 tỷ", 1.5e9),
                ("2 tỷ 500 triệu", 2.5e9),
                ("1,2 nghìn", 1200),
            ],
        ),
        (
            "Tỷ lệ xã đạt tiêu chí an toàn là 95%, tăng 15,5 % so với năm 2022; 100 phần trăm "
            "thôn có tổ tự quản.",
            [("95%", 95), ("15,5 %", 15.5), ("100 phần trăm", 100)],
        ),
        (
            "Ít nhất 40 lượt, tối thiểu 6 buổi, khoảng 1.200 người, xấp xỉ 80%, chừng 30 hộ, "
            "gần 500 người, ước tính 2.000 lượt.",
            [
                ("Ít nhất 40", 40),
                ("tối thiểu 6", 6),
                ("khoảng 1.200", 1200),
                ("xấp xỉ 80%", 80),
                ("chừng 30", 30),
                ("gần 500", 500),
                ("ước tính 2.000", 2000),
            ],
        ),
        (
            "Huy động 3.000 ngày công làm đường; tuần tra 25km đường biên; thu 1.234,5 tấn.",
            [("3.000", 3000), ("25km", 25), ("1.234,5", 1234.5)],
        ),
        # "hướng dẫn" is a verb here, not a document; "tổng số" introduces a count.
        (
            "Lực lượng chức năng đã hướng dẫn 200 hộ dân; tổng số 1.200 hội viên tham gia.",
            [("200", 200), ("1.200", 1200)],
        ),
        # "mỗi tổ" / "mỗi năm": a distributed noun, not a name or a year.
        (
            "Thành lập 14 tổ, mỗi tổ 5 người; mỗi năm 200 vụ được hòa giải.",
            [("14", 14), ("5", 5), ("200", 200)],
        ),
        # a long quoted speech is not a name: its figures count
        (
            "Đồng chí Giám đốc khẳng định: “Năm qua toàn tỉnh đã tổ chức 1.200 buổi tuyên truyền "
            "với hơn 50.000 lượt người tham gia, phát hiện nhiều vụ việc, góp phần giữ vững an "
            "ninh trên địa bàn”.",
            [("1.200", 1200), ("hơn 50.000", 50000)],
        ),
        # a quote left open in dirty text stops at the end of its line
        (
            "Mô hình “Câu lạc bộ 3 tích cực\nhiện có 45 thành viên.",
            [("45", 45)],
        ),
        # counts after words that only look like heads
        (
            "Trong số 50 người, công an bắt nhóm 5 đối tượng tại khu vực 3 xã biên giới.",
            [("50", 50), ("5", 5), ("3", 3)],
        ),
        # "tháng" after a number ends a duration; the next number is a count
        ("Trong 3 tháng 5 đối tượng ra đầu thú.", [("5", 5)]),
        ("Báo cáo không nêu số liệu nào.", []),
        # an apostrophe inside an ethnic name is not a closing quote
        ("Mô hình “Bản H’Mông 3 an toàn” có 24 hộ.", [("24", 24)]),
        ("Đạt tỷ lệ 1:2 so với cùng kỳ.", [("1:2", 1)]),
        # a stray closing quote does not open anything
        ("Tổ ngư dân tự quản về ANTT trên biển”; 7 tổ mới thành lập.", [("7", 7)]),
    ],
)
def test_find_numbers_on_variants(text: str, expected: list[tuple[str, float]]) -> None:
    assert kept(text) == [(surface, pytest.approx(value)) for surface, value in expected]


@pytest.mark.parametrize(
    ("text", "expected_qualifier"),
    [
        ("Có trên dưới 50 hộ tham gia.", "about"),
        ("Có trên 50 hộ tham gia.", "more_than"),
        ("Hơn 145.410 lượt người tham gia.", "more_than"),
        ("Trên địa bàn tỉnh có 50 mô hình.", "exact"),  # "trên" is not adjacent
        ("Hơn nữa, 3 đơn vị được khen thưởng.", "exact"),  # "hơn nữa" = moreover
        ("Ít nhất 7 xã chưa có mô hình.", "at_least"),
        ("Không dưới 7 xã chưa có mô hình.", "at_least"),
        ("Thu hút khoảng\n300 người tham gia.", "about"),  # a line wrap between the words
    ],
)
def test_qualifier_must_stand_directly_before_the_number(
    text: str, expected_qualifier: str
) -> None:
    (mention,) = find_numbers(text)
    assert mention.qualifier == expected_qualifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ngày 20/8, Công an tỉnh tổ chức Ngày hội.", [("20/8", "date")]),
        ("Kỷ niệm 19/8 năm nay.", [("19/8", "date")]),
        ("Trong tháng 5 đã bắt giữ nhiều đối tượng.", [("5", "date")]),
        ("Từ 1/8 đến 5/8 tổ chức tuần tra.", [("1/8", "date"), ("5/8", "date")]),
        ("Tuần tra 1/8 – 5/8 trên tuyến biên giới.", [("1/8", "date"), ("5/8", "date")]),
        ("Thứ Năm, 21/3/2024 - 09:15", [("21/3/2024", "date"), ("09:15", "time")]),
        (
            "Liên hệ số máy 0211.3822 hoặc 0912345678.",
            [("0211.3822", "code"), ("0912345678", "code")],
        ),
        ("Ký ngày 15/3/2023 và ngày 20.8.2012.", [("15/3/2023", "date"), ("20.8.2012", "date")]),
        (
            "Tổng kết tháng 8/2023, quý 3 năm 2024.",
            [("8/2023", "date"), ("3", "date"), ("2024", "year")],
        ),
        (
            "Cập nhật ngày: 29-11-2023, lúc 05:08 [GMT+7]",
            [("29-11-2023", "date"), ("05:08", "time"), ("GMT+7", "time")],
        ),
        (
            "Năm học 2022/2023, giai đoạn 2021 – 2025, từ 5-7 người.",
            [("2022/2023", "range"), ("2021 – 2025", "range"), ("5-7", "range")],
        ),
        (
            "Theo Nghị quyết 35, Quyết định 1234/QĐ-UBND, khoản 2 Điều 8 Luật số 12/2017/QH14.",
            [
                ("35", "document_number"),
                ("1234/QĐ-UBND", "document_number"),
                ("2", "document_number"),
                ("8", "document_number"),
                ("12/2017/QH14", "document_number"),
            ],
        ),
        (
            "Thực hiện Kế hoạch số 123/KH-CAT, Hướng dẫn 05 và Công văn số 456 của Bộ.",
            [
                ("123/KH-CAT", "document_number"),
                ("05", "document_number"),
                ("456", "document_number"),
            ],
        ),
        (  # a lower-case type still numbers a document when its issuer follows
            "Triển khai kế hoạch 27 của Công an huyện và chỉ thị 3 của tỉnh.",
            [("27", "document_number"), ("3", "document_number")],
        ),
        ("Trường Tiểu học số 2 và nhà số 5.", [("2", "ordinal"), ("5", "ordinal")]),
        (
            "Công an phường 7, Quốc lộ 14, tổ dân phố 5, Đội 3, Ban Chỉ đạo 389 tỉnh.",
            [
                ("7", "name_number"),
                ("14", "name_number"),
                ("5", "name_number"),
                ("3", "name_number"),
                ("389", "name_number"),
            ],
        ),
        (
            "Phòng PC06, Đội K02, mã A05, dịch COVID-19, hotline 0912345678.",
            [
                ("PC06", "code"),
                ("K02", "code"),
                ("A05", "code"),
                ("COVID-19", "code"),
                ("0912345678", "code"),
            ],
        ),
        (
            "Ngày hội lần thứ 2, lần 3, đạt hạng 1 tại khoá 5 (tone written the old way).",
            [("2", "ordinal"), ("3", "ordinal"), ("1", "ordinal"), ("5", "ordinal")],
        ),
        (
            "Sau 3 tháng, 20 ngày, 5 năm thực hiện, bắt đầu lúc 8 giờ, 7h30.",
            [
                ("3", "duration"),
                ("20", "duration"),
                ("5", "duration"),
                ("8", "time"),
                ("7h30", "time"),
            ],
        ),
        (  # "g" for "giờ" before a part of the day or a date: a clock time, not grams
            "Tổ trực từ 2g sáng, có hôm đến 22g trở đi vẫn sáng đèn.",
            [("2g", "time"), ("22g", "time")],
        ),
        (
            'Các mô hình “5 không”, "3 an" và «2 tốt» được nhân rộng.',
            [("5", "quoted_name"), ("3", "quoted_name"), ("2", "quoted_name")],
        ),
        (
            "1. Kết quả đạt được\n(2) xây dựng mô hình [3].",
            [("1", "ordinal"), ("2", "ordinal"), ("3", "ordinal")],
        ),
        (  # parts of a series of articles
            "Giữ yên thôn bản - Bài 2: Chuyện ở vùng cao. Kỳ 4: Lời kết.",
            [("2", "name_number"), ("4", "name_number")],
        ),
        (  # an office of a department named by its number
            "Cán bộ Phòng 2 và Phòng 5 của Cục đã về cơ sở.",
            [("2", "name_number"), ("5", "name_number")],
        ),
        (  # a ward's police by its abbreviation, its ward's name ending with a number
            "Đoàn kiểm tra mô hình tại CAP Hòa Minh 2.",
            [("2", "name_number")],
        ),
        (  # the results of a span looked back on
            "Hội nghị đánh giá kết quả 15 năm công tác xây dựng phong trào.",
            [("15", "duration")],
        ),
    ],
)
def test_non_figures_are_skipped_with_their_reason(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert skipped(text) == expected
    assert find_numbers(text) == []


def test_a_name_head_ending_a_longer_name_is_no_head() -> None:
    # "Phòng" names an office ("Phòng 2"), but ends the city's name in "Hải Phòng"
    assert [m.value for m in find_numbers("Riêng TP Hải Phòng 21 đối tượng bị truy nã.")] == [21]


def test_grams_glued_to_a_number_stay_a_quantity() -> None:
    assert [m.value for m in find_numbers("Tổ công tác thu giữ 7g ma túy đá.")] == [7]


def test_a_lower_case_document_word_before_a_count_keeps_the_count() -> None:
    # "báo cáo" and "kế hoạch" are also ordinary words: a count names what it counts
    assert [m.value for m in find_numbers("Xã đã báo cáo 12 vụ việc của các thôn.")] == [12]
    assert [m.value for m in find_numbers("Theo kế hoạch 5 buổi của đoàn đã xong.")] == [5]


def test_a_counter_after_a_story_and_before_a_separator_is_page_noise() -> None:
    text = "Xã Phú An lập thêm 5 tổ tự quản về an ninh. 2 |\nTin liên quan"
    assert [m.value for m in find_numbers(text)] == [5]
    assert skipped(text) == [("2", "page_noise")]
    # a count with its unit before a separator is still a count
    assert [m.value for m in find_numbers("Xã lập 5 tổ. 12 tổ | 3 đội")] == [5, 12, 3]


def test_a_count_glued_to_the_word_before_it_by_a_typo_is_read() -> None:
    text = "Người dân nộp nhiều loại vũ khí, trong đó có5 khẩu súng săn và gồm12 quả lựu đạn."
    assert [m.value for m in find_numbers(text)] == [5, 12]
    # codes keep their letters: capitals, or a word that leads no count
    assert skipped("Phòng PC06 và đội K02 làm việc với mã covid19 .") == [
        ("PC06", "code"),
        ("K02", "code"),
        ("covid19", "code"),
    ]


def test_more_or_fewer_than_the_year_before_is_an_exact_difference() -> None:
    text = "So với cùng kỳ, xảy ra nhiều hơn 12 vụ, ít hơn 3 người chết và hơn 40 người bị thương."
    assert [(m.value, m.qualifier) for m in find_numbers(text)] == [
        (12, "exact"),
        (3, "exact"),
        (40, "more_than"),
    ]


def test_bare_year_is_a_year_but_a_grouped_or_qualified_one_is_a_count() -> None:
    text = "Năm 2023 có 2.023 người, 2019 là năm đầu tiên, khoảng 2000 người tham gia."
    assert kept(text) == [("2.023", 2023), ("khoảng 2000", 2000)]
    assert skipped(text) == [("2023", "year"), ("2019", "year")]


def test_ratio_carries_denominator_and_dates_do_not() -> None:
    (ratio,) = find_numbers("Đã bố trí Công an chính quy tại 07/07 thị trấn.")
    assert (ratio.raw, ratio.value, ratio.denominator) == ("07/07", 7, 7)
    assert find_numbers("Ngày 07/07 tổ chức hội nghị.") == []


def test_mention_fields() -> None:
    text = "với tổng số tiền hơn 22 tỷ đồng"
    (m,) = find_numbers(text)
    assert m == NumberMention(
        start=text.index("hơn"),
        end=text.index(" đồng"),
        number_start=text.index("22"),
        number_end=text.index("22") + 2,
        value=22e9,
        raw="22",
        qualifier="more_than",
        denominator=None,
        scale_word="tỷ",
        is_percent=False,
    )


def test_scan_is_linear_enough_for_a_large_corpus() -> None:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    small, big = text * 5, text * 20
    t0 = time.perf_counter()
    n_small = len(find_numbers(small))
    t1 = time.perf_counter()
    n_big = len(find_numbers(big))
    t2 = time.perf_counter()
    assert n_big == 4 * n_small
    assert t2 - t1 < 10 * (t1 - t0) + 0.5  # 4x the text, far from quadratic
    assert t2 - t1 < 5.0


def test_an_unclosed_quote_opening_a_sentence_is_a_speech_whose_numbers_count() -> None:
    speech = "Ông Tư nói: “Năm nay thôn lập thêm 12 tổ tự quản, vận động được 30 hộ"
    assert [m.value for m in find_numbers(speech)] == [12, 30]
    cut = "Xã đạt chuẩn.\n“Trong năm, xã hòa giải 14 vụ việc, trong đó 9 vụ ở thôn"
    assert [m.value for m in find_numbers(cut)] == [14, 9]
    name = "Xã nhân rộng mô hình “5 không, 3 có"  # a name cut off mid-sentence stays a name
    assert find_numbers(name) == []
