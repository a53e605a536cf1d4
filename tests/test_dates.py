"""Behaviour of extractors.text.dates on the seeds (against gold) and realistic variants."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.extract import Metadata, extract_document
from extractors.text import periods
from extractors.text.dates import (
    find_published,
    is_date_line,
)
from extractors.text.normalize import normalize_text

ROOT = Path(__file__).resolve().parents[1] / "corpora"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _gold(path: Path) -> dict:
    return json.loads((ROOT / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------------ seeds


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_published_matches_gold(path):
    text = normalize_text(path.read_text(encoding="utf-8"))
    assert find_published(text) == _gold(path)["published"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_period_matches_gold(path):
    assert _doc_year(path.read_text(encoding="utf-8")) == _gold(path)["year"]


def test_document_date_in_body_is_not_the_publication_date():
    text = normalize_text((ROOT / "seeds" / SEEDS[1].name).read_text(encoding="utf-8"))
    assert "ngày 01 tháng 8 năm 2013" in text
    assert find_published(text) is None


# ------------------------------------------------------------ publication date

BODY = (
    "Trong năm 2024, Công an tỉnh đã phối hợp tổ chức 1.406 cuộc phát động phong trào toàn dân "
    "bảo vệ an ninh Tổ quốc với 131.274 người tham dự."
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("27/05/2025", "2025-05-27"),
        ("Thứ Hai, 20/08/2012, 05:08 [GMT+7]", "2012-08-20"),
        ("Cập nhật ngày: 29-11-2023", "2023-11-29"),
        ("Ngày đăng: 05/06/2024 08:15", "2024-06-05"),
        ("Đăng lúc 14:30 ngày 12/3/2024", "2024-03-12"),
        ("Thứ Sáu, 12/01/2024 - 09:45", "2024-01-12"),
        ("Ngày 05 tháng 6 năm 2024", "2024-06-05"),
        ("Kon Tum, ngày 05 tháng 6 năm 2024", "2024-06-05"),
        ("Cập nhật lúc 10:20, Thứ Ba, 14/05/2024 (GMT+7)", "2024-05-14"),
        ("Thứ 4, 14/5/2024 | 10:20", "2024-05-14"),
        # the site's hotline numbers beside the date in its header
        ("Đường dây nóng: 0912 345 678 - 0987654321Thứ hai, 12/08/2024 07:15 GMT+7", "2024-08-12"),
        ("05/6/2024 08:15", "2024-06-05"),
        ("Cập nhật: 2024-03-01", "2024-03-01"),
        ("31/02/2024", None),
        ("01/01/1900", None),
        ("Ngày 05/6/2024, Công an tỉnh tổ chức hội nghị tổng kết phong trào.", None),
        ("Thực hiện Kế hoạch số 123/KH-UBND ngày 05/6/2024 của UBND tỉnh", None),
    ],
)
def test_published_variants(header, expected):
    text = normalize_text(f"Lào Cai tổng kết phong trào toàn dân bảo vệ ANTQ\n{header}\n\n{BODY}")
    assert find_published(text) == expected


def test_cue_line_at_the_foot_counts_and_outranks_update_date():
    text = (
        f"Tiêu đề bài viết về phong trào\nCập nhật: 14/05/2024\n\n{BODY}\n\n"
        + (f"{BODY}\n\n" * 10)
        + "Ngày đăng: 10/05/2024"
    )
    assert find_published(text) == "2024-05-10"


def test_bare_date_line_deep_in_the_body_is_ignored():
    text = "Tiêu đề bài viết về phong trào\n\n" + f"{BODY}\n\n" * 10 + "12/03/2020\n"
    assert find_published(text) is None


def test_date_lines():
    assert is_date_line("27/05/2025")
    assert is_date_line("Thứ Hai, 20/08/2012, 05:08 [GMT+7]")
    assert not is_date_line("Tổng kết 10 năm thực hiện Chương trình ngày 01/8/2013 về phong trào")
    assert not is_date_line("Năm 2023")
    # a bare view counter beside the date and time is part of the date line
    assert is_date_line("09:12 14/05/2019 3120")
    assert not is_date_line("14/05/2019 có 3120 lượt người dự")


# ----------------------------------------------------------------------- period


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("Trong năm 2024, Công an tỉnh tổ chức 500 đợt phát động.", 2024),
        ("Năm 2022, toàn tỉnh có thêm 12 mô hình.", 2022),
        ("6 tháng đầu năm 2024, toàn tỉnh phát hiện 12 vụ.", 2024),
        ("Quý I/2024, lực lượng Công an tổ chức 30 cuộc tuần tra.", 2024),
        ("Tính đến hết năm 2023, toàn tỉnh có 91 mô hình.", 2023),
        ("Từ đầu năm 2024 đến nay, đã vận động 15 đối tượng ra đầu thú.", 2024),
        # a range is a multi-year span filed under its last year, never a single year's
        ("Giai đoạn 2018 – 2023, toàn tỉnh xây dựng 50 mô hình.", 2023),
        ("Phấn đấu đến năm 2025, 100% xã có mô hình tự quản.", None),
        ("Từ năm 2005, Thủ tướng Chính phủ đã có quyết định lấy ngày 19-8 hằng năm.", None),
        ("So với năm 2022, số vụ phạm pháp hình sự giảm 10%.", None),
        ("Cùng kỳ năm 2022, có 5 vụ.", None),
        (
            "Chương trình phối hợp số 09/CTr-BCA-MTTQ ngày 01 tháng 8 năm 2013, đã được sơ kết.",
            None,
        ),
        ("Thực hiện Nghị định số 06/2024/NĐ-CP, Công an tỉnh đã tổ chức 3 lớp.", None),
        ("Luật Lực lượng tham gia bảo vệ ANTT ở cơ sở năm 2023 được ban hành.", None),
    ],
)
def test_sentence_period_year(sentence, year):
    found = periods.sentence_period(sentence, periods.Published.parse("2024-12-31"), None)
    assert (found.year if found else None) == year


def _doc_year(text: str, published: str | None = None) -> int | None:
    meta = Metadata(published=published)
    return extract_document(text, meta, with_entities="off", weakness_mode="rules").document.period


def test_the_period_framing_most_results_wins():
    text = (
        "Kết quả phong trào toàn dân bảo vệ ANTQ tỉnh Quảng Ninh\n\n"
        "Năm 2022, toàn tỉnh có 80 mô hình tự quản.\n"
        "Trong năm 2023, Công an tỉnh tổ chức 1.200 đợt phát động với 90.000 lượt người.\n"
        "Năm 2023, người dân cung cấp 500 nguồn tin, trong đó 300 nguồn tin có giá trị.\n"
        "Phấn đấu đến năm 2025, 100% xã có mô hình. Năm 2024, tỉnh sẽ tổ chức 1.500 đợt."
    )
    assert _doc_year(text) == 2023


def test_the_period_from_a_review_title():
    text = (
        "Hà Giang tổng kết phong trào toàn dân bảo vệ ANTQ năm 2021\n\n"
        "Hội nghị đánh giá toàn tỉnh tổ chức 650 đợt phát động, thu hút 40.000 lượt người."
    )
    assert _doc_year(text) == 2021


def test_origins_targets_and_document_dates_give_no_period():
    text = (
        "Phát huy sức mạnh toàn dân trong bảo vệ an ninh Tổ quốc\n\n"
        "Từ năm 2005, Ngày hội toàn dân bảo vệ ANTQ được tổ chức hằng năm. "
        "Hội nghị tổng kết Chương trình phối hợp số 09 ngày 01 tháng 8 năm 2013 "
        "đã khen thưởng 50 tập thể. "
        "Tỉnh phấn đấu đến năm 2030 có 100% xã đạt chuẩn an toàn về ANTT."
    )
    assert _doc_year(text) is None


def test_with_no_span_a_dated_report_of_results_is_filed_under_its_year():
    present = "Tiêu đề bài về phong trào\n\nHiện toàn tỉnh có 91 mô hình tự quản về ANTT."
    dated = (
        "Tiêu đề bài về phong trào\n\nThứ Hai, 19/08/2019\n\nHiện toàn tỉnh có 91 mô hình tự quản."
    )
    assert _doc_year(dated) == 2019  # the page's own date line is in its text
    # with nothing in the text, the publication date from outside it (a manifest)
    # gives the year: a news page reports its own time, with or without figures
    assert _doc_year(present, "2019-08-19") == 2019
    shortcomings = "Tiêu đề bài về phong trào\n\nKinh phí cho các tổ tự quản còn thiếu."
    assert _doc_year(shortcomings, "2021-05") == 2021
    # ... but a page framed over years it does not bound dates nothing by it
    essay = "Tiêu đề bài về phong trào\n\nNhững năm qua, kinh phí cho các tổ tự quản còn thiếu."
    assert _doc_year(essay, "2021-05") is None
    assert _doc_year(present) is None
    explicit = "Tiêu đề bài về phong trào\n\nTrong năm 2022, toàn tỉnh tổ chức 300 đợt phát động."
    assert _doc_year(explicit, "2023-01-15") == 2022


def test_an_upper_case_heading_frames_the_period_and_plans_do_not():
    table = (
        "BAN CHỈ ĐẠO PHONG TRÀO TOÀN DÂN BẢO VỆ ANTQ TỈNH TÂY NINH\n\n"
        "BIỂU TỔNG HỢP KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023\n\n"
        "1 | Số đợt phát động phong trào | đợt | 1.468\n"
    )
    assert _doc_year(table) == 2023
    speech = (
        "Trong năm 2023, toàn tỉnh tổ chức 1.200 đợt phát động phong trào.\n\n"
        "Năm 2024, tôi đề nghị các cấp ủy tiếp tục lãnh đạo phong trào.\n"
    )
    assert _doc_year(speech) == 2023


def test_date_validation_gives_what_dateparser_gave():
    """The hot path validates dates with ``datetime``; dateparser is the oracle here."""
    import dateparser

    from extractors.text.dates import _parse_date

    settings = {
        "DATE_ORDER": "DMY",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    cases = [(d, m, y) for y in ("2024", "2023") for d in range(0, 33, 3) for m in range(0, 16)]
    cases += [("29", "02", "2024"), ("29", "02", "2023"), ("31", "04", "2024")]
    cases += [("12", "31", "2024")]
    for day, month, year in cases:
        parsed = dateparser.parse(
            f"{int(day):02d}/{int(month):02d}/{year}", languages=["vi"], settings=settings
        )
        expected = parsed.date().isoformat() if parsed else None
        assert _parse_date(str(day), str(month), year) == expected, (day, month, year)


def test_a_banner_with_todays_date_before_the_article_date_is_not_the_publication():
    text = (
        "Trang chủ\nThời tiết 28°C\nThứ Năm, 12/06/2025 09:12 (GMT+7)\n"
        "Xã Mỹ Lợi ra mắt tổ tự quản\nThứ 6, 02/09/2022 | 14:20:11 [GMT+7]\n"
        "Ngày 1/9/2022, xã Mỹ Lợi ra mắt 4 tổ tự quản về an ninh trật tự."
    )
    assert find_published(text) == "2022-09-02"
