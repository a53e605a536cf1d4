"""Scope of a report, national figures, province from the site, and trong đó subsets."""
# ruff: noqa: E501  (report texts keep their long lines)

import pandas as pd
import pytest

from extractors.extract import Metadata, extract_document
from extractors.geo.sites import province_from_url
from extractors.records import to_row
from pipeline.store.dataset import province_indicators

DISTRICT_REPORT = """Huyện Lục Yên nhìn lại một năm giữ gìn an ninh ở thôn bản

Sáng 25/1, tại hội trường huyện, UBND huyện Lục Yên họp tổng kết phong trào bảo vệ an ninh ở cơ sở của năm trước.

Năm 2023, huyện đã có 57 đợt phát động được tổ chức ở các thôn, bản, thu hút 6.120 lượt người tham gia.

Cũng tại hội nghị, cán bộ của Bộ Công an thông tin thêm: cả nước hiện có 95.000 mô hình tự quản về an ninh trật tự.
"""

COMMUNE_REPORT = """Phường Mỹ An vui ngày hội giữ bình yên khu phố

Tối 14/8/2025, UBND phường Mỹ An mở ngày hội cho bà con khu phố. Toàn thành phố Đà Nẵng hiện duy trì 140 mô hình.

Năm 2025, Công an phường nhận 27 nguồn tin có giá trị do người dân báo.
"""


def test_district_report_and_national_figure():
    extraction = extract_document(DISTRICT_REPORT, Metadata(published="2024-01-30"))
    doc = extraction.document
    assert (doc.province, doc.scope, doc.scope_name) == ("Yên Bái", "district", "Lục Yên")
    by_value = {f.value: f for f in extraction.figures}
    assert by_value[57].scope == "district"
    assert by_value[95000].scope == "national"
    table = province_indicators(
        pd.DataFrame([to_row(f) for f in extraction.figures]),
        pd.DataFrame([to_row(doc)]),
    )
    assert 95000 not in set(table["value"])  # a national figure never fills a local row
    assert set(table["scope"]) == {"district"}


def test_commune_report_quoting_city_figures_stays_commune():
    doc = extract_document(COMMUNE_REPORT, Metadata(published="2025-08-17")).document
    assert (doc.scope, doc.province_2025) == ("commune", "Đà Nẵng")


def test_post_merger_ward_of_a_former_province_is_a_commune_report():
    # Kỳ Sơn was a district of Hòa Bình; since 2025 a ward of Phú Thọ
    text = (
        "Phường Kỳ Sơn nhìn lại một năm bảo vệ an ninh ở khu dân cư\n\n"
        "Ngày 12/12/2025, Đảng ủy phường tổ chức hội nghị tổng kết. Năm 2025, các tổ bảo vệ "
        "an ninh, trật tự của phường tiếp nhận 14 tin báo của người dân."
    )
    meta = Metadata(url="https://baophutho.vn/phuong-ky-son-tong-ket.htm", published="2025-12-15")
    doc = extract_document(text, meta).document
    assert (doc.province_2025, doc.scope) == ("Phú Thọ", "commune")


def test_a_commune_located_by_its_province_with_a_provincial_guest_stays_a_commune():
    # the province in brackets only locates the commune; the provincial police officer
    # is a guest at the festival, not the body that reports
    text = (
        "Ngày 20-7, xã Long Sơn (TPHCM) tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm "
        "2025. Phó Giám đốc Công an TPHCM cũng có mặt chúc mừng.\n\n"
        "Năm 2025, các tổ bảo vệ an ninh, trật tự của xã Long Sơn tiếp nhận 23 tin báo."
    )
    # several provinces had a Long Sơn; the one of former Bà Rịa - Vũng Tàu is now in TPHCM
    doc = extract_document(text, Metadata(published="2025-07-21")).document
    assert (doc.province_2025, doc.scope) == ("Hồ Chí Minh", "commune")


def test_province_from_site():
    assert province_from_url("https://baolamdong.vn/an-ninh/bai-viet.html") == "Lâm Đồng"
    assert province_from_url("https://duyxuyen.quangnam.gov.vn/tin-tuc") == "Quảng Nam"
    assert province_from_url("http://congan.kontum.gov.vn/x") == "Kon Tum"
    # a district Party committee's site under the province's Party domain
    assert province_from_url("https://ductrong.lamdong.dcs.vn/tin-tuc/1") == "Lâm Đồng"
    assert province_from_url("https://vnexpress.net/phap-luat") is None  # national media
    # a commune's portal under its district's gov.vn domain (the district is in one province)
    assert province_from_url("https://hoanglong.phuluong.gov.vn/tin/1") == "Thái Nguyên"
    assert province_from_url("https://moj.gov.vn/qt/tintuc") is None  # a ministry
    # the mobile and AMP editions of a provincial paper
    assert province_from_url("http://m.baovinhphuc.com.vn/an-ninh/62988/x.html") == "Vĩnh Phúc"
    assert province_from_url("https://m.baogialai.com.vn/ngay-hoi-post245909.amp") == "Gia Lai"


def test_site_beats_a_neighbour_named_in_passing():
    text = (
        "Ngày hội toàn dân bảo vệ an ninh Tổ quốc ở khu dân cư số 3\n\n"
        "Năm 2024, khu dân cư tổ chức 12 buổi tuyên truyền. Đoàn công tác của tỉnh Gia Lai "
        "đến tham quan, học tập kinh nghiệm."
    )
    meta = Metadata(url="https://baokontum.com.vn/an-ninh/ngay-hoi.html", published="2024-08-10")
    assert extract_document(text, meta).document.province == "Kon Tum"
    assert extract_document(text, Metadata(published="2024-08-10")).document.province == "Gia Lai"


def test_subset_is_part_of_its_total_and_never_added():
    text = (
        "Năm 2023, các lực lượng phát động phong trào toàn dân bảo vệ an ninh Tổ quốc được "
        "1.406 cuộc, trong đó 120 cuộc tại khu vực ven biển. Riêng khu vực biên giới phát động "
        "phong trào được 86 cuộc."
    )
    extraction = extract_document(text, Metadata(published="2024-01-10"))
    by_value = {f.value: f for f in extraction.figures}
    assert by_value[120].part_of == by_value[1406].figure_id
    table = province_indicators(
        pd.DataFrame([to_row(f) for f in extraction.figures]),
        pd.DataFrame([to_row(extraction.document)]),
    )
    sessions = table[table["indicator"] == "campaign_sessions"]
    assert by_value[86].part_of == by_value[1406].figure_id
    assert list(sessions["value"]) == [1406]  # never 1526 nor 1612


def test_percentage_restating_a_ratio_links_to_it():
    text = "Năm 2023, toàn tỉnh có 412/430 xã (trên 95%) bố trí Công an chính quy."
    extraction = extract_document(text, Metadata(published="2024-01-10"))
    by_unit = {f.unit: f for f in extraction.figures}
    assert by_unit["%"].part_of == by_unit["xã"].figure_id


def test_a_share_restating_a_coverage_ratio_is_coverage_and_the_list_goes_on():
    text = (
        "Đến tháng 6/2022, Công an tỉnh đã đưa công an chính quy về 61/61 xã (đạt 100%), "
        "4/4 thị trấn, với tổng số 390 đồng chí."
    )
    figures = extract_document(text, Metadata(published="2022-07-02")).figures
    assert [(f.value, f.indicator) for f in figures[:3]] == [
        (61, "grassroots_police_coverage"),
        (100, "grassroots_police_coverage"),
        (4, "grassroots_police_coverage"),
    ]
    assert figures[1].part_of == figures[0].figure_id


def test_district_police_abbreviated_h_is_a_district_report():
    text = (
        "Huyện miền núi tiêu hủy vũ khí thu hồi\n\n"
        "Ngày 12.3, Công an H.Nam Trà My (Quảng Nam) cho biết đã thu hồi 61 khẩu súng tự chế "
        "từ đầu năm 2023 đến nay."
    )
    assert extract_document(text).document.scope == "district"


def test_the_reporters_province_only_locates_it():
    text = (
        "Quảng Ngãi: Vận động đồng bào giao nộp súng tự chế\n"
        "Đời sống còn khó khăn, nhiều nhà vẫn giữ súng săn. Từ tháng 3 đến nay, Công an huyện "
        "Sơn Tây, tỉnh Quảng Ngãi vận động bà con giao nộp được 48 khẩu súng các loại."
    )
    assert extract_document(text).document.scope == "district"


def test_a_picture_text_said_twice_is_a_caption():
    """Scraped pages give a picture's alt text and then its caption: the same line twice,
    ending with a full stop or not; said once, a finished sentence is the lead's."""
    from extractors.geo.scope import _in_caption

    line = "Bà con xã Púng Luông, huyện Mù Cang Chải mang súng kíp về nộp tại Công an huyện."
    twice = f"Thôn bản yên vui\n\n{line}\n{line}\n\nCả tỉnh đã thu về gần 900 khẩu súng.\n"
    once = f"Thôn bản yên vui\n\n{line}\n\nCả tỉnh đã thu về gần 900 khẩu súng.\n"
    assert _in_caption(twice, twice.index("Púng"))
    assert _in_caption(twice, twice.rindex("Púng"))
    assert not _in_caption(once, once.index("Púng"))


def test_a_caption_in_the_lead_does_not_name_the_reporter():
    text = (
        "Đội dân phòng thiếu người trẻ\n\n05/10/2022 08:15\n\n"
        "Nhiều đội dân phòng ở thôn xóm ít được bổ sung người trẻ, khó giữ nhịp hoạt động.\n\n"
        "Công an huyện Gia Lộc kiểm tra đội dân phòng một thôn\n\n"
        "Toàn tỉnh hiện có 1.120 đội dân phòng với hơn 14.000 thành viên.\n"
    )
    doc = extract_document(
        text, Metadata(url="https://baohaiduong.vn/doi-dan-phong-1.html")
    ).document
    assert doc.scope == "province"


@pytest.mark.parametrize(
    "text",
    [
        # a line ending with a photo credit is a caption, however it ends: the commune
        # police pictured do not make the report a commune's
        "Bắc Giang đã lắp hơn 700 camera an ninh ở đô thị và vùng sâu\n\n"
        "Mạng lưới camera an ninh là một phần của đề án đô thị thông minh.\n\n"
        "Công an xã Song Khê, thành phố Bắc Giang theo dõi màn hình giám sát. "
        "(Ảnh: Công an tỉnh)\n\n"
        "Theo Công an tỉnh, Bắc Giang có hơn 60 mô hình camera an ninh.\n",
        # a provincial paper speaking of its own province ("tỉnh ta") reports on it
        "BBG - Năm qua, tỉnh ta đã xây dựng thêm 45 mô hình tự quản ở thôn, tổ dân phố, "
        "góp phần giữ vững bình yên thôn xóm.\n\n"
        "Ông Nguyễn Văn Tư ở xã Tân Sỏi (Yên Thế) là tấm gương tiêu biểu của phong trào.\n\n"
        "Năm 2023, các địa phương đã tổ chức 320 buổi họp dân phát động phong trào.\n",
    ],
    ids=["photo_credit_caption", "tinh_ta"],
)
def test_a_commune_named_in_passing_leaves_a_province_report_the_province_s(text: str):
    doc = extract_document(text, Metadata(url="https://baobacgiang.vn/x-1.html")).document
    assert doc.scope == "province"


def test_province_from_the_address_of_a_national_paper():
    from extractors.geo.sites import province_from_path, url_votes

    url = "https://cand.com.vn/chuyen-muc/mo-hinh-hay-tai-thai-binh-giu-binh-yen-thon-xom-6120/"
    assert province_from_path(url) == "Thái Bình"
    assert url_votes(url) == (("Thái Bình", 3.0),)
    assert province_from_path("https://vov.vn/xa-hoi/ngay-hoi-toan-dan-post1.vov") is None
    # an address naming two provinces decides nothing
    assert province_from_path("https://x.vn/ha-nam-va-nam-dinh-phoi-hop") is None
    assert url_votes("https://thanhuyhue.vn/tin-tuc/mo-hinh") == (("Huế", 7.0),)
    # a district whose name only one province has, when no province is spelled
    assert province_from_path("https://cand.com.vn/cong-an-kim-boi-hop-dan-1/") == "Hòa Bình"
    # ... but not a commune's name ("phuong-...") that is also a district's elsewhere
    assert province_from_path("https://x.vn/cong-an-phuong-thong-nhat-thu-hoi-sung") is None


def test_the_lead_starts_after_the_headline_and_ends_at_a_subheading():
    district = (
        "Bình Định: Vận động đồng bào nộp lại súng kíp\n"
        "Ở vùng núi cao, nhiều hộ đồng bào vẫn quen giữ súng kíp để đi rừng, đi rẫy, coi đó là "
        "vật bất ly thân qua nhiều thế hệ. Việc cất giữ những khẩu súng tự chế trong nhà tiềm ẩn "
        "không ít rủi ro cho chính người dân và cộng đồng xung quanh, nhất là trẻ nhỏ. Đã có "
        "những vụ súng cướp cò khi lau chùi, có người bị thương nặng phải đưa đi cấp cứu giữa "
        "đêm, đường sá xa xôi, cách trạm y tế nhiều cây số. Trước thực "
        "trạng ấy, từ tháng 2 đến nay, Công an huyện An Lão, tỉnh Bình Định đã mở đợt vận động "
        "và thu về 36 khẩu súng các loại."
    )
    assert extract_document(district).document.scope == "district"
    province = (
        "Một mùa ngày hội rộn ràng khắp các miền quê\n\n"
        "Năm nay, ngày hội được tổ chức ở 2.140 điểm trong toàn tỉnh, từ phố thị đến thôn bản.\n\n"
        "Câu chuyện ở một xã vùng cao\n\n"
        "Tại xã Trung Lý, bà con dựng rạp từ sớm, 310 người đến dự."
    )
    assert (
        extract_document(province, Metadata(url="https://baothanhhoa.vn/x.htm")).document.scope
        == "province"
    )


def test_a_report_after_the_merger_is_filed_under_the_new_province():
    text = (
        "Ra mắt tổ bảo vệ an ninh ở xã Long Hiệp\n\nSáng 12/9/2025, xã Long Hiệp, huyện Trà Cú "
        "cũ ra mắt 9 tổ bảo vệ an ninh, trật tự với 54 thành viên."
    )
    doc = extract_document(text).document
    assert (doc.province, doc.province_2025) == ("Vĩnh Long", "Vĩnh Long")
    before = extract_document(text.replace("12/9/2025", "12/9/2024")).document
    assert (before.province, before.province_2025) == ("Trà Vinh", "Vĩnh Long")


def test_provincial_papers_named_otherwise():
    assert province_from_url("https://baodongkhoi.vn/tin-tuc-1.html") == "Bến Tre"
    assert province_from_url("https://baoapbac.vn/an-ninh/x.html") == "Tiền Giang"
    assert province_from_url("https://24hbinhphuoc.com.vn/an-ninh-xa") == "Bình Phước"


def test_what_a_place_borders_does_not_vote_for_its_province():
    text = (
        "Xã Minh Hưng nằm ven thị xã Đồng Xoài, có ranh giới phía nam giáp với huyện Bàu "
        "Bàng (tỉnh Bình Dương). Năm 2023, xã có 40 tổ an ninh nhân dân."
    )
    assert extract_document(text).document.province == "Bình Phước"


# Scope from a whole page: (what it shows, text, page address or None, fields it must give)
SCOPE_CASES = [
    (
        "a commune acting after its address, joined by a word of belonging",
        "(NTV) Chiều 12-8, xã Tân Hòa Đông thuộc huyện Tân Phước đã khai mạc ngày hội bảo vệ "
        "an ninh của xã. Năm nay Ban Chỉ đạo 138 tỉnh Tiền Giang chọn Tân Hòa Đông làm điểm. "
        "Xã có 21 tổ tự quản với 240 thành viên.",
        None,
        {"province": "Tiền Giang", "scope": "commune"},
    ),
    (
        "a ward holding its festival, its city between it and the verb",
        "(PV) - Sáng 20/8, phường Tân Định, TP.HCM long trọng tổ chức ngày hội bảo vệ an "
        "ninh ở nhà văn hóa phường. Trong năm, người dân cung cấp 45 nguồn tin.",
        None,
        {"province": "Hồ Chí Minh", "scope": "commune"},
    ),
    (
        "the localities of a district as a whole",
        "Qua 6 tháng ra quân trấn áp ma túy, các ngành, đoàn thể và địa phương trong huyện "
        "đã cùng vào cuộc, giữ vững an ninh ở Tuy Phong, tỉnh Bình Thuận. Lực lượng chức "
        "năng triệt phá 14 điểm tụ tập.",
        None,
        {"province": "Bình Thuận", "scope": "district"},
    ),
    (
        "a city named only by its type is a district report",
        "Thành phố ra quân giữ bình yên ở 52 thôn, tổ\n\n"
        "Thành phố đã tổ chức 40 buổi họp dân với hơn 3.100 lượt người tham dự.",
        "https://backancity.gov.vn/tin-tuc/phat-dong-phong-trao/",
        {"province": "Bắc Kạn", "scope": "district"},
    ),
    (
        "a province opening the lead is what the report is about",
        "date 2024-08 Đồng Nai đã tổ chức 9.200 buổi họp dân ở các ấp, khu phố; người dân "
        "cung cấp 20.400 nguồn tin.\n\nNgày 5-8, tại xã Xuân Bắc (huyện Xuân Lộc), Công an "
        "huyện tổ chức ngày hội.",
        None,
        {"province": "Đồng Nai", "scope": "province"},
    ),
    (
        "places where the reporting body worked do not outvote it",
        "Năm 2020, Công an thành phố Tam Kỳ đã hướng dẫn các phường An Mỹ, An Xuân và xã "
        "Tam Phú xây dựng 04 mô hình tự quản; phường Hòa Hương và xã Tam Thăng duy trì "
        "12 tổ an ninh.",
        None,
        {"scope": "district"},
    ),
    (
        "a numbered ward reporting is a commune report",
        "Ngày hội bảo vệ an ninh ở phường\n\nSáng 18/8, Ban Chỉ đạo Phường 3, thành phố "
        "Tân An tổ chức ngày hội. Toàn phường có 14 mô hình tự quản.",
        None,
        {"scope": "commune"},
    ),
    (
        "a district's bare name opening the headline is its subject",
        "Sa Thầy ra mắt 56 tổ bảo vệ an ninh, trật tự ở cơ sở\n\n"
        "Buổi lễ chung của huyện Sa Thầy diễn ra ở xã Rờ Kơi sáng 1/7/2024, do UBND xã Rờ "
        "Kơi đứng ra tổ chức. Toàn huyện có 56 tổ với 168 thành viên.",
        None,
        {"province": "Kon Tum", "scope": "district"},
    ),
    (
        "a headline names where its results were gathered",
        "Bà con nộp 31 khẩu súng tự chế cho công an ở Yên Thành\n"
        "Trong hai tháng, cán bộ công an các xã đã đến từng thôn xóm, họp dân, phát tờ rơi "
        "và giải thích cho bà con những điều luật mới nhất về việc cất giữ súng đạn, nhờ "
        "đó nhiều gia đình đã tự nguyện mang nộp súng tự chế, dao kiếm và các loại thuốc "
        "nổ còn cất giữ từ nhiều năm trước, góp phần giữ yên bình cho xóm làng; cán bộ "
        "cũng ghi lại từng trường hợp để báo cáo lên cấp trên theo đúng quy trình.\n"
        "Đợt vận động ở huyện Yên Thành, tỉnh Nghệ An sẽ còn kéo dài đến cuối năm 2024.",
        None,
        {"province": "Nghệ An", "scope": "district"},
    ),
    (
        "... but a village's event located by its district stays the village's",
        "Thôn Kon Jong góp tiền lắp camera an ninh ở Kon Rẫy\n\n"
        "Người dân thôn Kon Jong, xã Đăk Tơ Lung (huyện Kon Rẫy) vừa đưa vào sử dụng 6 "
        "camera an ninh, UBND xã Đăk Tơ Lung cho biết.",
        None,
        {"province": "Kon Tum", "scope": "commune"},
    ),
    (
        "a commune that exists only since the 2025 merger names its province",
        "Người dân xã Kim Ngân nộp 5 khẩu súng săn\n\n"
        "Ngày 10/2, Công an xã Kim Ngân tiếp nhận 5 khẩu súng săn do người dân mang đến.",
        None,
        {"province": "Quảng Trị", "scope": "commune"},
    ),
    (
        "capitalised headline words that happen to be a commune's name",
        "AN NINH TRẬT TỰ ĐƯỢC BẢO ĐẢM\n\nNăm 2023, Công an tỉnh Thái Bình đã tổ chức 320 "
        "buổi họp dân với 12.000 lượt người tham dự.",
        None,
        {"province": "Thái Bình", "scope": "province"},
    ),
    (
        "a body named after the directive it issued does not report",
        "ĐĂK NĂNG THU GOM VŨ KHÍ TỰ CHẾ TRONG DÂN\n\n"
        "Thực hiện Kế hoạch số 12 của Tỉnh ủy Kon Tum về thu hồi vũ khí, xã Đăk Năng đã "
        "vận động bà con nộp lại 04 súng tự chế và 15 viên đạn.",
        None,
        {"province": "Kon Tum", "scope": "commune"},
    ),
    (
        "a page whose headline and lead name no place, and whose only place is one district",
        "Giúp người lầm lỗi hòa nhập cộng đồng\n\n"
        "Thời gian qua, Công an 14 xã, thị trấn cùng các đoàn thể mở 210 buổi "
        "tuyên truyền cho hơn 9.000 người dân về pháp luật, về thủ đoạn của tội phạm và về "
        "cách giúp đỡ người lầm lỗi ở khu dân cư. Nhờ đó, nhiều gia đình đã tự giác cùng "
        "chính quyền, đoàn thể động viên, giúp đỡ con em mình, tạo việc "
        "làm, giới thiệu vay vốn và theo dõi, nhắc nhở hằng tuần để họ không tái phạm, yên "
        "tâm làm ăn, ổn định cuộc sống lâu dài.\n"
        "Trung tá Lê Văn Tâm, Phó Trưởng Công an huyện Châu Thành cho biết đơn vị đang "
        "quản lý 860 đối tượng.",
        "https://baotayninh.vn/giup-nguoi-lam-loi-hoa-nhap.html",
        {"province": "Tây Ninh", "scope": "district"},
    ),
    (
        "... but a place that only hosts a provincial event does not make it a district's",
        "Tây Ninh biểu dương 40 điển hình tiên tiến\n\n"
        "Sáng 12/8, Công an tỉnh tổ chức tại thành phố Tây Ninh hội nghị biểu dương 40 gương "
        "sáng giữ gìn trật tự.",
        None,
        {"province": "Tây Ninh", "scope": "province"},
    ),
    (
        "a lead naming two communes of a district, neither reporting, is about the district",
        "Trộm chó hoành hành\n\n"
        "Hai tuần qua, ở các xã Đăk Rơ Wa, Đăk Cấm (thành phố Kon Tum) đã có 9 vụ trộm chó "
        "khiến người dân lo lắng.",
        None,
        {"province": "Kon Tum", "scope": "district"},
    ),
    (
        "... but communes of two districts, a cluster across their border, stay a commune's",
        "Trộm chó hoành hành\n\n"
        "Hai tuần qua, ở xã Đăk Rơ Wa (thành phố Kon Tum) và xã Đăk Tơ Lung (huyện Kon "
        "Rẫy) đã có 9 vụ trộm chó khiến người dân lo lắng.",
        None,
        {"province": "Kon Tum", "scope": "commune"},
    ),
    (
        "... but a headline naming one commune keeps the report the commune's",
        "Người dân xã Kim Ngân nộp 5 khẩu súng săn\n\n"
        "Ngày 10/2, tại hội trường xã Kim Ngân, với sự có mặt của cán bộ xã Lệ Thủy, người "
        "dân mang đến 5 khẩu súng săn.",
        None,
        {"province": "Quảng Trị", "scope": "commune"},
    ),
    (
        "the bodies named in a list of guests do not report the event",
        "Phường Tân Định tổ chức ngày hội\n\n"
        "Sáng 9/8, phường Tân Định mở ngày hội giữ bình yên khu phố. Đến dự có đồng chí "
        "Phó Trưởng Ban Dân vận Thành ủy TPHCM và đại diện Công an TPHCM. "
        "Trên địa bàn thành phố, phong trào được duy trì. Toàn thành phố có 1.200 mô hình. "
        "Phường có 12 mô hình tự quản.",
        None,
        {"province": "Hồ Chí Minh", "scope": "commune"},
    ),
    (
        "a post-2025 commune whose name other provinces' communes share",
        "Người dân xã Vĩnh Lộc giao nộp 12 khẩu súng\n\n"
        "Ngày 20/12/2025, Công an xã Vĩnh Lộc cho biết sau đợt ra quân của Công an tỉnh "
        "Thanh Hóa, người dân đã giao nộp 12 khẩu súng và 3 kg pháo.",
        None,
        {"province": "Thanh Hóa", "scope": "commune"},
    ),
    (
        "no headline and no reporter: the one commune the text names, with its address",
        "Trong buổi sáng, bà con đã mang đến 9 khẩu súng săn và 2 quả mìn cũ.\n\n"
        "Người dân xã Đồng Rui, huyện Tiên Yên, tỉnh Quảng Ninh nộp vũ khí\n\n"
        "Cán bộ tiếp tục phát tờ rơi về quản lý vũ khí.",
        None,
        {"province": "Quảng Ninh", "scope": "commune"},
    ),
    (
        "a witness's address in parentheses says where the witness lives",
        "Mô hình camera giúp giữ yên các tuyến đường\n\n"
        "Đến nay, Quảng Ninh có hơn 40 mô hình camera với 600 mắt camera. Ông Nguyễn Văn "
        "Tâm (xã Đồng Rui, huyện Tiên Yên) cho biết nạn trộm vặt đã giảm hẳn.",
        None,
        {"province": "Quảng Ninh", "scope": "province"},
    ),
    (
        "a provincial body holds its review in a district: the district is the venue",
        "Nhìn lại phong trào giữ gìn biên cương năm 2023\n\n"
        "Sáng 12/1, tại huyện Tiên Yên, UBND tỉnh đã tổ chức buổi nhìn lại phong "
        "trào của năm qua.\n\nCác lực lượng của Quảng Ninh đã mở 320 buổi nói chuyện "
        "với 15.400 lượt người dự.",
        None,
        {"province": "Quảng Ninh", "scope": "province"},
    ),
    (
        "a commune's festival that a provincial body only attends stays the commune's",
        "Ngày hội giữ bình yên thôn xóm tại xã Đồng Rui\n\n"
        "Sáng 18/8, UBND xã Đồng Rui, huyện Tiên Yên tổ chức ngày hội. Tham dự có đại "
        "diện Công an tỉnh tổ chức đoàn công tác về xã.\n\nNăm 2023, xã có 12 tổ tự quản.",
        None,
        {"province": "Quảng Ninh", "scope": "commune"},
    ),
    (
        "a ward's festival opening the page, its town named to place it and sending guests",
        "(TTX)- Sáng 9-8, UBND phường Tây Sơn (thị xã An Khê - Gia Lai) mở Ngày hội "
        "bảo vệ an ninh năm 2024. Đây là ngày hội điểm của thị xã An Khê.\n\n"
        "Đến dự có lãnh đạo thị xã và đại diện các phường khác trên địa bàn thị xã.\n\n"
        "Năm qua, phường có 14 tổ tự quản với 160 thành viên.",
        None,
        {"province": "Gia Lai", "scope": "commune"},
    ),
    (
        "a district named before a colon opens the headline, typed nowhere in the text",
        "Hàm Thuận Bắc: Nhìn lại một năm giữ gìn trật tự\n\n"
        "Sáng 20/1/2024, UBND huyện họp nhìn lại công tác giữ gìn an ninh trật tự năm 2023 "
        "của Bình Thuận ở cơ sở. Năm qua, các lực lượng đã mở 85 buổi họp dân.",
        None,
        {"province": "Bình Thuận", "scope": "district"},
    ),
    (
        "'toàn thành phố' outside a centrally-run city is the province's own city",
        "Giữ bình yên trên địa bàn thành phố\n\n"
        "Năm 2024, phong trào bảo vệ an ninh ở TP Thanh Hóa có nhiều cách làm mới. Toàn "
        "thành phố hiện có 66 mô hình tự quản với 900 thành viên.",
        None,
        {"province": "Thanh Hóa", "scope": "district"},
    ),
    (
        "a steering committee's long name ends in its commune, which holds the festival",
        "Ngày hội giữ bình yên buôn làng ở Đắk Nông\n\n"
        "Ngày 5/8, Ban Chỉ đạo phòng, chống tội phạm và xây dựng phong trào toàn dân bảo vệ "
        "an ninh Tổ quốc xã Đức Minh (huyện Đắk Mil) tổ chức ngày hội. Năm qua, xã nhận "
        "được 20 tin báo.",
        None,
        {"province": "Đắk Nông", "scope": "commune"},
    ),
    (
        "a veterans' association of a commune that sets up a club reports on the commune",
        "Năm 2015, Hội Cựu chiến binh xã Tân Phong, huyện Giá Rai, tỉnh Bạc Liêu lập câu lạc "
        "bộ giữ gìn trật tự với 120 hội viên; câu lạc bộ đã giúp 15 người lầm lỗi.",
        None,
        {"province": "Bạc Liêu", "scope": "commune"},
    ),
    (
        "a commune opening a clause as its subject acts; a border commune keeps its type",
        "(HT) - Để giữ trật tự vùng biên, xã biên giới Phú Gia đã lắp 16 camera. Đây là "
        "xã đầu tiên trên địa bàn huyện Hương Khê (Hà Tĩnh) có mô hình này.",
        None,
        {"province": "Hà Tĩnh", "scope": "commune"},
    ),
    (
        "a provincial body acting in a text that names one commune as its example",
        "(BQN)- Thực hiện chương trình phối hợp với ngành Công an, các cấp Hội Cựu chiến binh "
        "trong tỉnh đã xây dựng nhiều mô hình giữ gìn trật tự ở cơ sở.\n\nGiữ yên vùng giáp "
        "ranh\n\nXã Bình Chánh (Bình Sơn) có 36 hội viên tham gia các tổ tuần tra.",
        "https://baoquangngai.vn/channel/1/a.html",
        {"province": "Quảng Ngãi", "scope": "province"},
    ),
    (
        "... but a provincial body that only sends a guest leaves the commune's report",
        "Ngày hội ở vùng giáp ranh\n\nThời gian qua, người dân đã tích cực tham gia giữ gìn "
        "trật tự.\n\nXã Bình Chánh (Bình Sơn) có 36 hội viên tham gia các tổ tuần tra. Dự "
        "buổi lễ có đại diện Công an tỉnh.",
        "https://baoquangngai.vn/channel/1/b.html",
        {"province": "Quảng Ngãi", "scope": "commune"},
    ),
    (
        "the district's communes as a whole, then one of them as the example",
        "Ánh sáng cho đường quê\n\nNăm nay, mô hình chiếu sáng được nhân rộng ở các xã, thị "
        "trấn của huyện Phong Điền. Ấp Thị Tứ, thị trấn Phong Điền là nơi làm đầu tiên.",
        "https://baocantho.com.vn/anh-sang-a1.html",
        {"province": "Cần Thơ", "scope": "district"},
    ),
    (
        "a village named in the headline: its commune's event, though a town's front reports it",
        "Thôn Đồng Lạc có tổ tự quản giữ trật tự\n\nSáng 12/3, Mặt trận Tổ quốc thị xã Kinh Môn "
        "cùng xã Minh Hòa ra mắt tổ tự quản ở thôn Đồng Lạc. Tổ có 9 thành viên là hội viên "
        "các đoàn thể.",
        None,
        {"province": "Hải Dương", "scope": "commune"},
    ),
    (
        "the only ward a text names is in a photo caption: where the picture was taken",
        '14/05/2019 09:10 GMT+7\n\n"Gọi dân phòng thì họ chỉ đứng xem"\n\nNHÓM PHÓNG VIÊN'
        '\n\nTT - "Nhà bên cãi nhau to, tôi chạy đi gọi dân phòng nhưng họ chỉ đứng xem".'
        "\n\nChốt trực của tổ bảo vệ, P.3, Q.Bình Thạnh (Ảnh: Minh Anh)\n\nTrong số 100 "
        "người được hỏi, 60 người chưa từng nhờ dân phòng giúp.",
        None,
        {"province": "Hồ Chí Minh", "scope": "province"},
    ),
    (
        "where a suspect lives, and the places named after it, do not vote for the province",
        "Bắt kẻ cướp xe ôm\n\nNgày 3/4, Công an huyện Thanh Oai tạm giữ Nguyễn Văn T. (40 "
        "tuổi, trú xã Quảng Tân, huyện Quảng Xương, tỉnh Thanh Hóa) về hành vi cướp tài sản "
        "của một tài xế xe ôm.",
        None,
        {"province": "Hà Nội"},
    ),
    (
        "a ward's police named by its type alone holds the event the headline reports",
        "Công an phường tiếp nhận 4 khẩu súng người dân giao nộp\n\nNgày 12-9, Thiếu tá Lê "
        "Văn Bình, Trưởng Công an phường Hòa Khánh Bắc, quận Liên Chiểu, TP Đà Nẵng cho biết "
        "đơn vị đã đến từng nhà vận động bà con.",
        None,
        {"province": "Đà Nẵng", "scope": "commune"},
    ),
    (
        "... but the commune police as a force everywhere is no commune's report",
        "Công an xã lặng lẽ nghỉ việc vì phụ cấp thấp\n\nTheo Giám đốc Công an tỉnh Bà Rịa - "
        "Vũng Tàu, trong năm có hơn 40 công an xã thôi việc.",
        None,
        {"province": "Bà Rịa - Vũng Tàu", "scope": "province"},
    ),
    (
        "a body whose judgement the lead cites is no reporter: the district that acts is",
        "Hậu Giang: Phong trào giữ gìn trật tự ở cơ sở\n\nTheo đánh giá của Công an tỉnh "
        "Hậu Giang, Long Mỹ là một trong những nơi làm tốt phong trào. Trong năm, Công an "
        "huyện Long Mỹ đã ra mắt 12 tổ tự quản và tiếp nhận 85 tin báo của người dân.",
        None,
        {"province": "Hậu Giang", "scope": "district"},
    ),
    (
        "a provincial paper's mobile edition names the province the text never names",
        "Khu công nghiệp an toàn\n\nCông nhân và chủ doanh nghiệp cùng giữ gìn trật tự nơi "
        "làm việc.",
        "http://m.baovinhphuc.com.vn/an-ninh-quoc-phong/1/a.html",
        {"province": "Vĩnh Phúc"},
    ),
]


@pytest.mark.parametrize(
    ("kind", "text", "url", "expected"), SCOPE_CASES, ids=[c[0] for c in SCOPE_CASES]
)
def test_scope_of_a_page(kind, text, url, expected):
    doc = extract_document(text, Metadata(url=url)).document
    assert {field: getattr(doc, field) for field in expected} == expected, kind


def test_page_furniture_after_a_headline_with_a_full_stop_does_not_end_the_lead():
    from extractors.geo.scope import _lead_end

    title = "Giữ bình yên vùng biên."
    text = (
        f"{title}\n\nChi tiết bài viết Tin tức\n\n"
        "Sáng 5/8, UBND huyện Tiên Yên tổ chức ngày hội tại xã Đồng Rui.\n\n"
        "Những con số ấn tượng\n\nNăm 2023, huyện có 12 tổ tự quản."
    )
    end = _lead_end(text, len(title), len(text))
    assert text[len(title) : end].strip().endswith("tại xã Đồng Rui.")


def test_unclassified_parts_of_a_classified_total_are_counted_as_it_is():
    """Sub-levels keep the parent indicator (codebook): the parts of "64 tổ an ninh nhân
    dân" are such teams too, and never add to their total; a part counted in people,
    which says itself what its people are, keeps its own reading."""
    text = "Xã duy trì 64 tổ an ninh nhân dân, trong đó 12 tổ ở vùng giáo, 52 tổ ở khu phố."
    figures = extract_document(text).figures
    total = next(f for f in figures if f.value == 64)
    parts = [(f.value, f.indicator) for f in figures if f.part_of == total.figure_id]
    assert total.indicator == "model_groups"
    assert parts == [(12, "model_groups"), (52, "model_groups")]
    people = "Lực lượng công an xã có 12 người, trong số đó 5 người là công an chính quy."
    regular = next(f for f in extract_document(people).figures if f.value == 5)
    assert regular.indicator == "unclassified"


# Written for these tests: the shapes of three real leads (an address chain as the
# subject, a higher body named after the reporter, the province's localities as a whole).
ADDRESS_CHAIN_LEAD = """Camera giúp giữ bình yên từng con hẻm

Thứ Ba, 12/03/2019
Phường 5, quận 8, TP Hồ Chí Minh đã lắp đặt 64 camera an ninh tại các tuyến hẻm nhờ vận động nhân dân đóng góp.

Theo lãnh đạo phường, từ khi có camera, số vụ trộm cắp trên địa bàn giảm rõ rệt.
"""

HIGHER_BODY_AFTER_REPORTER = """(TTXVN) - Sáng 3-10, Công an huyện Quỳ Hợp (Nghệ An) thông tin đã thu về 27 khẩu súng tự chế do bà con các bản mang đến. Công an tỉnh Nghệ An cho biết sẽ đưa cách làm này ra các huyện miền núi.
"""

PROVINCE_LOCALITIES = """(ANTV) - Hơn 300 tổ tự quản đã ra đời ở các địa phương trong tỉnh Quảng Ngãi, trở thành chỗ dựa của công an cơ sở. Mới đây, tổ tự quản thôn An Hội, xã Nghĩa Hà, TP Quảng Ngãi đã phát hiện và cùng công an bắt giữ 2 đối tượng trộm cắp.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the ward opening the lead acts; its district and city only say where it is
        (ADDRESS_CHAIN_LEAD, ("commune", "Phường 5")),
        # the district police report; the province's police only carry on the campaign
        (HIGHER_BODY_AFTER_REPORTER, ("district", "Quỳ Hợp")),
        # "các địa phương trong tỉnh" speaks of the whole province; the commune is an example
        (PROVINCE_LOCALITIES, ("province", None)),
    ],
)
def test_scope_from_the_unit_that_acts_in_the_lead(text, expected):
    doc = extract_document(text).document
    assert (doc.scope, doc.scope_name) == expected


def test_a_first_line_whose_commune_acts_after_its_district_names_the_commune():
    text = (
        "(PTV) – Xã Tân Hòa Đông thuộc huyện Tân Phước vừa tổ chức ngày hội bảo vệ an ninh "
        "năm 2023 do Ban Chỉ đạo của xã chủ trì.\n\n"
        "Năm qua, người dân trong xã cung cấp 31 nguồn tin và giao nộp 2 khẩu súng."
    )
    doc = extract_document(text).document
    assert (doc.scope, doc.scope_name) == ("commune", "Tân Hòa Đông")


def test_a_district_merged_away_before_2025_still_names_a_district_report():
    text = (
        "Tổ tự quản giữ yên làng biển\n\n"
        "Năm 2022, Công an huyện Lộc Hà (Hà Tĩnh) củng cố 860 tổ tự quản ở các thôn ven biển.\n\n"
        "Công an xã Thạch Mỹ họp với các tổ trưởng mỗi tháng một lần."
    )
    found = extract_document(text).document
    assert (found.province, found.scope, found.scope_name) == ("Hà Tĩnh", "district", "Lộc Hà")


def test_a_steering_committee_with_its_abbreviation_reports_for_its_commune():
    text = (
        "Sáng 12/8, tại nhà văn hóa làng, Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội "
        "(PCTP) xã Ia Dêr (huyện Ia Grai) khai mạc Ngày hội toàn dân bảo vệ an ninh Tổ quốc.\n\n"
        "Huyện Ia Grai cử đoàn công tác về dự."
    )
    found = extract_document(text).document
    assert (found.scope, found.scope_name) == ("commune", "Ia Dêr")


def test_public_order_and_social_safety_in_the_lead_is_not_the_whole_commune():
    text = (
        "Hội nghị tổng kết của Công an tỉnh\n\n"
        "Báo cáo tại hội nghị cho biết, cả năm lực lượng chức năng đã bảo đảm trật tự an toàn "
        "xã hội trong các dịp lễ, tết và xử lý 410 vụ vi phạm."
    )
    meta = Metadata(url="https://baolamdong.vn/an-ninh/tong-ket.html", published="2025-01-11")
    assert extract_document(text, meta).document.scope == "province"


def test_where_a_suspect_lives_is_not_what_the_report_is_about():
    text = (
        "Công an tỉnh Quảng Nam bắt một người bị truy nã, trú tại xã Trà Bui.\n\n"
        "Năm 2018, toàn tỉnh thu hồi hơn 900 khẩu súng tự chế."
    )
    assert extract_document(text).document.scope == "province"


def test_a_ward_abbreviated_p_is_a_ward():
    text = (
        "Ra mắt tổ bảo vệ an ninh, trật tự\n\n"
        "Chiều 2/7, Công an P.Hòa Xuân (TP.Đà Nẵng) ra mắt 150 tổ bảo vệ an ninh, trật tự ở "
        "cơ sở."
    )
    found = extract_document(text).document
    assert (found.scope, found.scope_name) == ("commune", "Hòa Xuân")


def test_a_meeting_a_national_body_holds_is_national_wherever_the_venue() -> None:
    from extractors.extract import extract_document

    text = (
        "Nông dân giữ gìn trật tự\n\nNgày 12/4, tại tỉnh Nghệ An, Trung ương Hội Nông dân "
        "Việt Nam chủ trì buổi tổng kết 2 năm. Hội viên khắp nơi lập 3.400 mô hình tự quản "
        "với 51.000 người tham gia."
    )
    doc = extract_document(text).document
    assert (doc.scope, doc.province) == ("national", None)
    local = extract_document(
        "Ngày 12/4, Công an tỉnh Nghệ An tổ chức hội nghị sơ kết, Thứ trưởng Bộ Công an dự. "
        "Toàn tỉnh có 340 mô hình tự quản."
    ).document
    assert (local.scope, local.province) == ("province", "Nghệ An")


def test_a_date_line_before_the_headline_does_not_shift_its_places():
    # the headline's places are found in the headline alone; the checks around them
    # (is "huyện Y" only the address of "xã X"?) read the text, past the date line
    lead = (
        "Ngày 12-3, Công an xã Hòa Ninh (huyện Hòa Vang, Đà Nẵng) cho hay, đã tiếp nhận 2 "
        "khẩu súng do người dân tự nguyện mang đến giao nộp.\n\n"
        "Hai khẩu súng được một hộ dân tìm thấy lúc đào ao ở thôn Phước Yên."
    )
    for text in (lead, " date 2024-03 " + lead, "10:24 13/03/2024 " + lead):
        found = extract_document(text).document
        assert (found.scope, found.scope_name) == ("commune", "Hòa Ninh"), text[:30]


def test_a_guest_list_after_the_pages_date_field_names_no_reporter():
    text = (
        " date 2023-09 Về dự buổi lễ có đại diện Huyện ủy, UBND huyện Đak Pơ và xã Hà Tam, "
        "với hơn 300 người dân.\n\n"
        "Tại ngày hội, Công an xã Hà Tam cho biết đã tổ chức 15 đợt tuần tra, phát hiện 2 vụ "
        "vi phạm."
    )
    found = extract_document(text).document
    assert (found.scope, found.scope_name) == ("commune", "Hà Tam")
