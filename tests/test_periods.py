"""Period spans (extractors/text/periods.py): each cue of the issue, in sentences written here."""
# ruff: noqa: E501  (report texts keep their long lines)

import pytest

from extractors.extract import Metadata, extract_document
from extractors.text import periods

CASES = [
    # sentence, published, (start, end, label, precision)
    ("Năm 2023, toàn tỉnh tổ chức 1.160 đợt phát động phong trào.", "2024-01-20",
     ("2023-01-01", "2023-12-31", "2023", "year")),
    ("Trong năm, các đơn vị tổ chức 320 buổi tuyên truyền.", "2023-12-28",
     ("2023-01-01", "2023-12-31", "2023", "year")),
    ("Năm qua, nhân dân cung cấp 726 nguồn tin về an ninh trật tự.", "2024-01-14",
     ("2023-01-01", "2023-12-31", "2023", "year")),
    ("6 tháng đầu năm 2022, lực lượng Công an tổ chức 45 cuộc tuần tra.", "2022-07-10",
     ("2022-01-01", "2022-06-30", "6 tháng đầu năm 2022", "half")),
    ("Trong 6 tháng đầu năm, toàn huyện hòa giải thành công 38 vụ.", "2021-07-05",
     ("2021-01-01", "2021-06-30", "6 tháng đầu năm 2021", "half")),
    ("9 tháng năm 2023, nhân dân cung cấp 212 nguồn tin.", "2023-10-03",
     ("2023-01-01", "2023-09-30", "9 tháng đầu năm 2023", "month")),
    # "đầu" left out: the first half all the same
    ("6 tháng năm 2023, toàn huyện xảy ra 210 vụ phạm pháp hình sự.", "2023-07-20",
     ("2023-01-01", "2023-06-30", "6 tháng đầu năm 2023", "half")),
    ("Quý I/2024, Công an xã tiếp nhận 17 tin báo của quần chúng.", "2024-04-06",
     ("2024-01-01", "2024-03-31", "quý I/2024", "quarter")),
    ("Từ đầu năm đến nay, phường đã vận động giao nộp 12 khẩu súng.", "2024-08-16",
     ("2024-01-01", "2024-08-16", "1/2024 - 8/2024", "to_date")),
    ("Tính từ năm 2012 đến nay, toàn tỉnh xây dựng 96 mô hình tự quản.", "2023-10-05",
     ("2012-01-01", "2023-10-05", "2012 - 10/2023", "multi_year")),
    # a span named to a year's end but reported in August ends at publication
    ("Giai đoạn 2018 - 2023, các cấp tổ chức 10.880 cuộc tuyên truyền.", "2023-08-25",
     ("2018-01-01", "2023-08-25", "2018 - 8/2023", "multi_year")),
    ("Giai đoạn 2018 - 2023, các cấp tổ chức 10.880 cuộc tuyên truyền.", "2023-12-18",
     ("2018-01-01", "2023-12-31", "2018 - 2023", "multi_year")),
    ("Năm 2025, các tổ bảo vệ an ninh tiếp nhận 41 tin báo.", "2025-08-14",
     ("2025-01-01", "2025-08-14", "1/2025 - 8/2025", "to_date")),
    ("Sau 10 năm thực hiện, toàn tỉnh có 401 mô hình.", "2023-07-07",
     ("2013-07-01", "2023-07-07", "7/2013 - 7/2023", "multi_year")),
    # counted back from a review held in January or February: the years up to the last December
    ("Qua 5 năm thực hiện, lực lượng bảo vệ dân phố phát hiện 2.300 vụ việc.", "2019-01-16",
     ("2014-01-01", "2018-12-31", "2014 - 2018", "multi_year")),
    ("Trong 1 năm qua, người dân cung cấp 96 nguồn tin.", "2021-02-03",
     ("2020-01-01", "2020-12-31", "2020", "year")),
    ("7 tháng đầu năm 2022, người dân trong xã tự nguyện mang nộp 5 khẩu súng tự chế.", "2022-08-20",
     ("2022-01-01", "2022-07-31", "7 tháng đầu năm 2022", "month")),
    ("Trong 11 tháng năm 2021, xã tổ chức 14 buổi nói chuyện chuyên đề.", "2021-12-10",
     ("2021-01-01", "2021-11-30", "11 tháng đầu năm 2021", "month")),
    # a campaign named by the end of its year
    ("Trong đợt cao điểm tấn công tội phạm dịp cuối năm 2021, xã nhận 9 nguồn tin.", None,
     ("2021-01-01", "2021-12-31", "2021", "year")),
    # targets met are results: the sentence reports the year
    ("Năm 2021, huyện đã hoàn thành các mục tiêu đề ra, lập thêm 6 tổ tự quản.", "2022-01-15",
     ("2021-01-01", "2021-12-31", "2021", "year")),
    ("Từ năm 2009 đến tháng 11-2017, xã mất 35 người trong lực lượng.", None,
     ("2009-01-01", "2017-11-30", "2009 - 11/2017", "multi_year")),
    # to the end of a quarter: the whole span, not the quarter alone
    ("Từ năm 2020 đến quý III/2023, lực lượng Công an đã nhận 88 tin báo.", None,
     ("2020-01-01", "2023-09-30", "2020 - 9/2023", "multi_year")),
    # a season from one month to another
    ("Vụ thuốc phiện từ tháng 10/2020 đến tháng 4/2021, lực lượng phá nhổ 42 điểm trồng.", None,
     ("2020-10-01", "2021-04-30", "10/2020 - 4/2021", "multi_year")),
    # the lunar new year named by its year of the cycle: Giáp Thìn is 2024
    ("Dịp Tết Nguyên đán Giáp Thìn, người dân giao nộp 6 khẩu súng tự chế.", None,
     ("2024-01-01", "2024-12-31", "2024", "year")),
    ("Tính từ 2022 đến hết quý 1 năm 2022, tổ hòa giải được 7 vụ.", None,
     ("2022-01-01", "2022-03-31", "2022 - 3/2022", "to_date")),
    ("Số liệu tính từ ngày 15/12/2022 đến ngày 14/12/2023.", "2023-12-20",
     ("2022-12-15", "2023-12-14", "15/12/2022 - 14/12/2023", "year")),
    # a review of a year, with the next year's plans after it in the same sentence
    ("Sáng qua, huyện sơ kết công tác giữ gìn an ninh năm 2021 và bàn phương hướng, nhiệm vụ năm 2022.", None,
     ("2021-01-01", "2021-12-31", "2021", "year")),
    ("Năm 2021 có 96% khu dân cư đạt chuẩn an toàn.", None,
     ("2021-01-01", "2021-12-31", "2021", "year")),
    ("Tỉnh tổ chức “Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2023” tại xã vùng cao.", None,
     ("2023-01-01", "2023-12-31", "2023", "year")),
    ("41 trường học của thành phố được xếp đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm 2022.", None,
     ("2022-01-01", "2022-12-31", "2022", "year")),
    ("Năm 2023 và 6 tháng đầu năm 2024 cộng lại, xã giải quyết 52 tin báo.", "2024-07-25",
     ("2023-01-01", "2024-06-30", "2023 - 6/2024", "multi_year")),
    ("Bằng nhiều cách làm sáng tạo, năm 2020, các khu dân cư duy trì 35 mô hình.", None,
     ("2020-01-01", "2020-12-31", "2020", "year")),
    # the results of a year reported to a meeting, a plan after them
    ("Đại diện Công an xã trình bày kết quả công tác năm 2021 và nhiệm vụ năm 2022.", "2021-12-20",
     ("2021-01-01", "2021-12-31", "2021", "year")),
    # work that began in a month, its verb some words before the month
    ("Xã thực hiện việc lắp camera giám sát ở các thôn từ tháng 4/2023, nhờ đó phát hiện 3 vụ "
     "trộm.", "2023-09-20", ("2023-04-01", "2023-09-20", "4/2023 - 9/2023", "to_date")),
    # a target met is a result, not a plan
    ("Suốt năm 2019, các xã đều vượt chỉ tiêu xây dựng mô hình tự quản.", None,
     ("2019-01-01", "2019-12-31", "2019", "year")),
    # the start of a named year with no end named: that year so far
    ("Ngay từ đầu năm 2019, Công an huyện vận động người dân giao nộp 12 khẩu súng.", None,
     ("2019-01-01", None, "1/2019 - nay", "to_date")),
    ("Từ đầu năm 2022, các xã tổ chức 40 buổi tuyên truyền.", "2022-09-12",
     ("2022-01-01", "2022-09-12", "1/2022 - 9/2022", "to_date")),
    # a sentence opening on the month it reports, written with a dot, a slash or a dash
    ("Đầu tháng 10.2022, Công an xã cho biết người dân đã nộp 14 khẩu súng.", "2023-02-01",
     ("2022-10-01", "2022-10-31", "tháng 10/2022", "month")),
    ("Tháng 3/2024, các thôn ra mắt 5 tổ tự quản.", None,
     ("2024-03-01", "2024-03-31", "tháng 3/2024", "month")),
    # years counted and then named, and a year after a concession opening the sentence
    ("Qua ba năm 2021 - 2023, các xã đã lập 60 tổ tự quản.", "2024-03-02",
     ("2021-01-01", "2023-12-31", "2021 - 2023", "multi_year")),
    ("Theo huyện, suốt 2 năm 2019 – 2020, Công an đã mở 30 cuộc ra quân.", "2021-05-02",
     ("2019-01-01", "2020-12-31", "2019 - 2020", "multi_year")),
    ("Mặc dù năm 2024 huyện vừa chia tách, các xã vẫn duy trì 12 tổ tự quản.", "2025-01-20",
     ("2024-01-01", "2024-12-31", "2024", "year")),
]  # fmt: skip


def test_a_review_cue_does_not_reach_across_a_date():
    sentence = (
        "Tỉnh tổ chức tổng kết 10 năm thực hiện Chương trình phối hợp số 05 ký ngày 01 tháng 8 "
        "năm 2012 về công tác bảo vệ an ninh."
    )
    found = periods.sentence_period(sentence, periods.Published.parse("2022-09-01"), 2022)
    assert found is None or found.label != "2012"


def test_a_year_barely_begun_at_publication_frames_nothing():
    """A year that had run two weeks when the page appeared holds the plans for it."""
    january = periods.Published.parse("2026-01-14")
    plan = "Năm 2026, hội tiếp tục củng cố 40 chi hội ở các phường."
    assert periods.sentence_period(plan, january, 2025) is None
    review = periods.sentence_period("Năm 2025, hội kết nạp 310 hội viên.", january, 2025)
    assert review is not None and review.label == "2025"
    spring = periods.Published.parse("2026-04-20")
    assert periods.sentence_period(plan, spring, 2026) is not None


def test_next_year_plans_alone_frame_nothing():
    assert (
        periods.sentence_period("Năm 2026, tỉnh sẽ nhân rộng mô hình ra các xã.", None, None)
        is None
    )


@pytest.mark.parametrize(("sentence", "published", "expected"), CASES)
def test_sentence_period(sentence, published, expected):
    pub = periods.Published.parse(published)
    year = periods.reporting_year("Hội nghị tổng kết", pub)
    found = periods.sentence_period(sentence, pub, year)
    assert found is not None
    assert (found.start, found.end, found.label, found.precision) == expected


def test_plans_and_future_years_frame_nothing():
    pub = periods.Published.parse("2024-01-10")
    assert periods.sentence_period("Năm 2024 sẽ phấn đấu 100% xã có mô hình.", pub, 2023) is None
    # a programme running past publication is a plan, not the span of results
    assert periods.sentence_period("Chương trình giai đoạn 2021 - 2026.", pub, 2023) is None
    assert (
        periods.sentence_period("Nhiệm vụ đặt ra trong năm 2024 là 10 mô hình.", pub, 2023) is None
    )


def test_year_end_review_published_in_january_reports_the_year_before():
    pub = periods.Published.parse("2024-01-14")
    assert periods.reporting_year("Hội nghị tổng kết phong trào", pub) == 2023
    assert (
        periods.reporting_year("Ngày hội toàn dân", periods.Published.parse("2024-08-14")) == 2024
    )
    # review conferences run into March
    assert (
        periods.reporting_year("Hội nghị tổng kết năm", periods.Published.parse("2024-03-13"))
        == 2023
    )
    assert (
        periods.reporting_year("Hội nghị tổng kết năm", periods.Published.parse("2024-04-02"))
        == 2024
    )


def test_manifest_month_only_publication_date():
    pub = periods.Published.parse("2024-08")
    found = periods.sentence_period("Từ đầu năm đến nay, xã tổ chức 9 buổi.", pub, 2024)
    assert (found.start, found.end, found.precision) == ("2024-01-01", "2024-08-31", "to_date")


TEXT = """Sơ kết 6 tháng phong trào toàn dân bảo vệ an ninh Tổ quốc huyện Vân Hồ

Ngày 12/7/2024, UBND huyện Vân Hồ tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.

6 tháng đầu năm 2024, toàn huyện tổ chức 48 buổi tuyên truyền với 5.200 lượt người tham dự; hòa giải thành công 31 vụ việc.

Từ năm 2015 đến nay, toàn huyện đã xây dựng và duy trì 64 mô hình tự quản về an ninh trật tự.
"""


def test_document_and_figure_spans():
    extraction = extract_document(TEXT, Metadata(published="2024-07-12"))
    doc = extraction.document
    assert (doc.period_label, doc.period_precision, doc.period) == (
        "6 tháng đầu năm 2024",
        "half",
        2024,
    )
    by_value = {f.value: f for f in extraction.figures}
    assert by_value[48].period_label == "6 tháng đầu năm 2024"
    # a cumulative figure keeps its own span, never the half-year's
    assert (by_value[64].period_start, by_value[64].period_precision) == (
        "2015-01-01",
        "multi_year",
    )


LAUNCH = """Triển khai phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2021

Ngày 9/3/2021, huyện họp tổng kết phong trào năm 2020 và giao chỉ tiêu, nhiệm vụ năm 2021.

Qua nhiều cách làm linh hoạt, năm 2020, huyện tổ chức 73 buổi tuyên truyền với 6.400 lượt người tham dự.
"""


def test_a_headline_launching_a_year_does_not_frame_the_report_of_the_year_before():
    doc = extract_document(LAUNCH, Metadata(published="2021-03-10")).document
    assert (doc.period, doc.period_precision) == (2020, "year")


def test_relative_cues_read_against_the_event_date_when_the_page_has_none():
    text = (
        "Sáng 22/8/2023, tại nhà văn hóa thôn, xã tổ chức ngày hội. Từ đầu năm đến nay, xã đã "
        "tổ chức 9 buổi tuyên truyền với 640 lượt người dự."
    )
    doc = extract_document(text).document
    assert doc.published is None
    assert (doc.period_start, doc.period_end) == ("2023-01-01", "2023-08-22")
    assert doc.period_precision == "to_date"


def test_the_date_of_a_cited_document_is_not_the_event_date():
    text = (
        "Năm 2023, theo Quyết định số 35/2019/QĐ-UBND ngày 10/4/2019 của tỉnh, "
        "xã đã tổ chức 8 buổi tuyên truyền với 410 lượt người dự."
    )
    doc = extract_document(text).document
    assert (doc.period, doc.period_precision) == (2023, "year")


def test_since_a_date_to_now():
    text = (
        "Súng săn về kho\n\nTính từ ngày 01/7/2025 tới nay, bà con trong phường mang nộp "
        "5 khẩu súng săn cho lực lượng chức năng."
    )
    doc = extract_document(text).document
    assert (doc.period_start, doc.period_end, doc.period) == ("2025-07-01", None, 2025)
    dated = extract_document(text, Metadata(published="2025-10-02")).document
    assert (dated.period_start, dated.period_end) == ("2025-07-01", "2025-10-02")


# Document fields read from a whole page: (what it shows, text, publication date given
# by a manifest or None, the document's fields it must give)
DOCUMENT_CASES = [
    (
        "a saved page opens with its publication date",
        "date 2025-12-30 Xã Tân Lập tổng kết công tác an ninh năm 2025\n\n"
        "Chiều 29/12, UBND xã tổng kết. Người dân đã giao nộp 6 khẩu súng tự chế.",
        None,
        {"published": "2025-12-30", "title": "Xã Tân Lập tổng kết công tác an ninh năm 2025"},
    ),
    (
        "a month-only page date still gives the year",
        "date 2022-09 Người dân trong huyện tự nguyện giao nộp 14 khẩu súng săn cho "
        "lực lượng Công an. Đến nay, huyện đã tổ chức 320 buổi họp dân.",
        None,
        {"published": None, "period": 2022},
    ),
    (
        "a month-only page date is made a day by the event the lead reports that month",
        "date 2024-03 Ngày 15/3, hội nghị sơ kết quý I được xã Phú Lâm tổ chức tại hội trường. "
        "Tính từ đầu năm đến nay, đoàn thanh niên xã mở 12 buổi tuyên truyền.",
        None,
        {"published": None, "period_start": "2024-01-01", "period_end": "2024-03-15"},
    ),
    (
        "an undated half-year review: the same period of the year before dates it, "
        "and the tasks set out for the next half are a plan",
        "Sáu tháng qua, Công an thị xã phát hiện 21 vụ trộm cắp, ít hơn cùng kỳ năm 2020 "
        "ba vụ. Đơn vị đề ra bốn nhiệm vụ trọng tâm của 6 tháng cuối năm 2021. Trong 6 "
        "tháng đầu năm, xã đã hòa giải thành công 12 vụ.",
        None,
        {"period_start": "2021-01-01", "period_end": "2021-06-30"},
    ),
    (
        "a decree's date does not date the report",
        "Thực hiện Chỉ thị ban hành ngày 10-3-2012, huyện đã tổ chức 45 buổi họp dân "
        "với 3.200 lượt người tham dự.",
        None,
        {"period": None},
    ),
    (
        "the start of the year to now on an undated page",
        "Từ đầu năm 2024 đến nay, Huyện Đoàn phối hợp tổ chức 17 buổi tuyên truyền.",
        None,
        {"period_start": "2024-01-01", "period_end": None, "period": 2024},
    ),
    (
        "the year of the movement named after it",
        "Tối 20/8, UBND huyện tặng giấy khen 4 tập thể và 9 cá nhân tiêu biểu "
        "của phong trào “Toàn dân bảo vệ ANTQ” năm 2019.",
        None,
        {"period_start": "2019-01-01", "period_end": "2019-12-31"},
    ),
    (
        "an anniversary range is not the reporting period",
        "Chào mừng kỷ niệm 70 năm Quốc khánh (2/9/1945 - 2/9/2015), toàn tỉnh đã tổ chức "
        "310 buổi họp dân. Sau 10 năm thực hiện, toàn tỉnh có 412 mô hình.",
        "2015-08-28",
        {"period_start": "2005-08-01"},
    ),
    (
        "a timestamp after the headline on its line is the publication date",
        "Huyện biên giới thu hồi 52 khẩu súng tự chế 14/03/2024 08:15\n\n"
        "Từ đầu năm 2024 đến nay, lực lượng Công an huyện thu về 52 khẩu súng tự chế.",
        None,
        {
            "published": "2024-03-14",
            "title": "Huyện biên giới thu hồi 52 khẩu súng tự chế",
            "period_start": "2024-01-01",
            "period_end": "2024-03-14",
        },
    ),
    (
        "a date line with a view counter dates a year-end review",
        "Hội Cựu chiến binh tỉnh tổng kết năm\n08:20 05-01-2023 | :146\n\n"
        "Năm qua, hội viên cung cấp 37 nguồn tin về an ninh, trật tự.",
        None,
        {"published": "2023-01-05", "period": 2022},
    ),
    (
        "what was done on one day",
        "date 2021-05 Trong ngày 12/5, Công an xã đã tiếp nhận 7 khẩu súng tự chế và "
        "23 viên đạn do người dân mang đến giao nộp.",
        None,
        {"period_start": "2021-05-12", "period_end": "2021-05-12", "period_precision": "unknown"},
    ),
    (
        "work that began in a month and goes on",
        "Được triển khai từ tháng 5/2022, mô hình “Camera an ninh” ở xã đã lắp 64 camera.",
        None,
        {"period_start": "2022-05-01", "period_end": None, "period_precision": "to_date"},
    ),
    (
        "a status held since a month is not a reporting span",
        "Thôn được công nhận kiểu mẫu từ tháng 10/2020 và có 210 hộ tham gia tổ tự quản.",
        None,
        {"period_start": None},
    ),
    (
        "a span dated to the day wins over the same year counted back",
        "date 2019-04 Hơn 1 năm qua, Công an tỉnh đã vận động thu hồi nhiều vũ khí. "
        "Từ ngày 2-4-2018 đến 1-4-2019, toàn tỉnh đã thu hồi 318 khẩu súng. "
        "Trong 1 năm qua, người dân cung cấp 96 nguồn tin.",
        None,
        {"period_start": "2018-04-02", "period_end": "2019-04-01"},
    ),
    (
        "a page dated only by its manifest whose lead reports an event by its day",
        "Sáng 28/7, xã Tân An ra mắt mô hình camera an ninh với 22 mắt camera do người dân "
        "đóng góp.",
        "2023-08",
        {"period": 2023},
    ),
    (
        "... an event of late December in a page published in January is the year before",
        "Chiều 28/12, người dân xã Đồng Rui đã giao nộp 6 khẩu súng tự chế cho công an xã.",
        "2024-01",
        {"period": 2023},
    ),
    (
        "... but a feature that dates no event of its own stays without a year",
        "Nhiều năm nay, bà con trong xã đã lập 12 tổ tự quản giữ gìn trật tự thôn xóm.",
        "2020-11",
        {"period": None},
    ),
    (
        "the year the lead names wins over past years the text compares it with",
        "Năm 2024, tình hình trật tự ở phường có nhiều chuyển biến tích cực.\n\n"
        "Năm 2022, phường ghi nhận 42 vụ phạm pháp hình sự. Đến năm 2023, số vụ tăng lên "
        "75 vụ. So với năm 2023, số vụ phạm pháp hình sự giảm còn 33 vụ.",
        "2025-01-07",
        {"period": 2024},
    ),
]


@pytest.mark.parametrize(
    ("kind", "text", "published", "expected"), DOCUMENT_CASES, ids=[c[0] for c in DOCUMENT_CASES]
)
def test_document_dates(kind, text, published, expected):
    doc = extract_document(text, Metadata(published=published)).document
    assert {field: getattr(doc, field) for field in expected} == expected, kind


def test_a_term_of_office_after_a_bodys_name_is_no_span():
    """ "Đại hội Đoàn nhiệm kỳ 2017-2022" names the term; "trong nhiệm kỳ 2015 - 2020"
    reports over it."""
    from extractors.extract import extract_document

    named = (
        "Trong 6 tháng đầu năm 2017, chi đoàn có nhiều đóng góp tích cực. Cụ thể, chi đoàn "
        "tổ chức 40 buổi nói chuyện cho 3.100 người dân.\n\nNgoài ra, đoàn viên tặng 12 phần "
        "quà cho gia đình chính sách và bảo đảm an ninh cho Đại hội Đoàn thanh niên nhiệm "
        "kỳ 2017-2022."
    )
    doc = extract_document(named).document
    assert (doc.period_start, doc.period_end) == ("2017-01-01", "2017-06-30")
    reported = "Trong nhiệm kỳ 2015 - 2020, Hội đã xây dựng 25 mô hình tự quản."
    doc = extract_document(reported).document
    assert (doc.period_start, doc.period_end) == ("2015-01-01", "2020-12-31")


def test_a_launch_date_on_an_undated_page_gives_no_year():
    text = (
        "Cổng an ninh ở Phong Hòa\n\nMô hình được đưa vào vận hành từ tháng 4/2023; 2 tổ "
        "trực thay nhau trông coi, có 11 người."
    )
    doc = extract_document(text).document
    assert (doc.period_start, doc.period_end, doc.period) == ("2023-04-01", None, None)
    # the page's date closes the span, and so gives its year
    dated = extract_document(text, Metadata(published="2024-02-20")).document
    assert (dated.period_end, dated.period) == ("2024-02-20", 2024)


def test_years_counted_back_restate_the_span_the_text_names():
    text = (
        "Ngày 9/12/2023, Đoàn Thanh niên huyện sơ kết mô hình thanh niên tự quản giai đoạn "
        "2021 – 2023. Sau 3 năm triển khai, đoàn viên đã tuần tra 410 lượt và giúp hòa giải "
        "57 vụ việc."
    )
    doc = extract_document(text).document
    assert (doc.period_label, doc.period_precision, doc.period) == (
        "2021 - 2023",
        "multi_year",
        2023,
    )


def test_a_count_as_it_stood_on_a_day_gives_its_year():
    """ "Tính đến ngày 30/6/2021", "đến hết tháng 9/2024": the end is known, the start is not."""
    day = periods.sentence_period(
        "Tính đến ngày 30/6/2021, toàn tỉnh có 380 tổ tự quản.", None, None
    )
    assert (day.start, day.end, day.precision, day.year) == (None, "2021-06-30", "to_date", 2021)
    month = periods.sentence_period(
        "Số liệu cho thấy, tính đến hết tháng 9/2024, huyện có 41 mô hình.", None, None
    )
    assert (month.end, month.label, month.year) == ("2024-09-30", "đến 9/2024", 2024)


def test_the_years_a_sentence_names_beat_its_count_back():
    """ "Sau 4 năm ..., giai đoạn 2019 - 2022" in a page of January 2024: the named years."""
    sentence = (
        "Sau 4 năm triển khai, giai đoạn 2019 - 2022, các tổ hòa giải thành công 1.208 vụ việc."
    )
    found = periods.sentence_period(sentence, periods.Published.parse("2024-01-15"), None)
    assert (found.start, found.end) == ("2019-01-01", "2022-12-31")


def test_a_model_set_up_in_a_year_reports_to_the_publication_date():
    text = (
        "Đèn sáng ở Phước An\n\nNăm 2019, xã Phước An ra mắt mô hình “Ngõ sáng nhà yên”. "
        "Đến nay, mô hình có 46 camera và giúp phát hiện 9 vụ trộm cắp."
    )
    dated = extract_document(text, Metadata(published="2021-05-10")).document
    assert (dated.period_start, dated.period_end, dated.period) == (
        "2019-01-01",
        "2021-05-10",
        2021,
    )
    undated = extract_document(text).document
    assert undated.period is None  # a launch on an undated page: no year of its own
    # a year's own result ("Năm 2020, xã xây dựng 3 mô hình") still frames that year
    own = periods.sentence_period("Năm 2020, xã xây dựng mới 3 mô hình tự quản.", None, None)
    assert own.label == "2020"


def test_a_story_opening_years_back_does_not_date_the_report():
    """An undated page that opens on a case years old ("Năm 2017, ... bỏ trốn") and then
    reports the year's figures: on a tie the later span is the report's."""
    text = (
        "Năm 2017, một đối tượng ở xã Nậm Pồ bị khởi tố rồi bỏ trốn sang nước bạn. "
        "Từ đầu năm 2024, toàn tỉnh có 31 đối tượng truy nã."
    )
    assert extract_document(text).document.period == 2024


def test_a_dateline_of_the_lead_gives_the_year_of_an_undated_page():
    text = "XÃ B RA MẮT TỔ TỰ QUẢN\nSáng 9/3/2024, xã B ra mắt tổ tự quản với 18 thành viên."
    assert extract_document(text).document.period == 2024
    # a decree's date met in passing is not the page's
    cited = (
        "Thực hiện Quyết định 12/2016/QĐ-UBND ký ngày 5/7/2016, thôn C duy trì 4 tổ tự "
        "quản với 28 thành viên."
    )
    assert extract_document(cited).document.period is None


def test_a_festival_named_by_its_year_weighs_less_than_the_year_reported():
    text = (
        "Ngày vui ở vùng biên Tân Lập\n\nSáng 6/3, Đồn Biên phòng Hải Thịnh cùng xã Tân Lập mở "
        "Ngày hội Biên phòng toàn dân năm 2025. Năm 2024, nhân dân trong xã cung cấp 41 nguồn tin và "
        "tham gia 120 buổi tuần tra cùng bộ đội biên phòng."
    )
    doc = extract_document(text, Metadata(published="2025-03-05")).document
    assert doc.period == 2024


def test_a_scheme_quoted_by_its_name_frames_nothing():
    sentence = "Ngày 30/12, xã sơ kết Đề án “Nâng cao chất lượng tổ tự quản giai đoạn 2021 - 2024”."
    assert periods.sentence_period(sentence, None, None) is None
    assert periods.sentence_period("Xã sơ kết giai đoạn 2021 - 2024.", None, None) is not None


def test_the_span_in_brackets_after_a_schemes_quoted_name_is_the_schemes():
    named = (
        "Theo Chỉ thị số 10 về “Xây dựng khu dân cư an toàn” (giai đoạn 2010 - 2015), xã lập 12 tổ."
    )
    assert periods.find_periods(named, None, None) == []
    plain = "Giai đoạn 2010 - 2015, xã đã lập 12 tổ tự quản."
    assert [p.label for _, _, p in periods.find_periods(plain, None, None)] == ["2010 - 2015"]


@pytest.mark.parametrize(
    ("stem", "branch", "near", "year"),
    [("Ất", "Tỵ", None, 2025), ("Đinh", "Dậu", None, 2017), ("Bính", "Ngọ", 2026, 2026),
     ("Canh", "Tý", 1955, 1960), ("Quý", "Mão", None, 2023), ("Giáp", "Sửu", None, None)],
)  # fmt: skip
def test_a_lunar_year_name_is_its_gregorian_year(stem, branch, near, year):
    """Sixty years apart, the one nearest the page's date; a stem and a branch of
    different parity name no year."""
    assert periods.lunar_year(stem, branch, near) == year
