"""Behaviour of extractors.text.normalize on the five seed articles and realistic variants."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from underthesea import text_normalize

from extractors.text import scan
from extractors.text.normalize import (
    detect_title,
    is_chrome_line,
    normalize_chars,
    normalize_text,
    normalize_tone,
    split_paragraphs,
    split_sentences,
)

SEED_DIR = Path(__file__).resolve().parents[1] / "corpora" / "seeds"
SEEDS = sorted(SEED_DIR.glob("*.txt"))


def _raw(prefix: str) -> str:
    (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def normalized() -> dict[str, str]:
    return {p.name[:3]: normalize_text(p.read_text(encoding="utf-8")) for p in SEEDS}


def test_five_seeds_present():
    assert len(SEEDS) == 5


# ------------------------------------------------------------------------ tones

# open oa / oe / uy in the new style, the same words in the old style, then
# words written identically in both conventions
WORD_LINES = (
    "hoà hoá hoả hoạ toà toả khoá xoá ngoạ khoẻ hoè xoè loè hoẹ",
    "Uỷ uỷ thuỷ thuý tuỳ huỷ luỹ nguỵ tuý suý khuỵ",
    "hòa hóa tỏa khỏe xòe Ủy thủy tùy hủy lũy ngụy",
    "quý quỳ quỹ quả hoàn hoạch toán khuya quyết thuyền khuỷu xoáy ngoài tuyết hoặc giữ người",
)
REAL_WORDS = [word for line in WORD_LINES for word in line.split()]


@pytest.mark.parametrize("word", REAL_WORDS)
def test_tone_placement_matches_underthesea(word):
    assert normalize_tone(word) == text_normalize(word)


def test_tone_placement_matches_underthesea_on_every_seed_word():
    words = set()
    for path in SEEDS:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        words |= set(re.findall(r"[^\W\d_]+", text))
    mismatches = [w for w in words if normalize_tone(w) != text_normalize(w)]
    assert mismatches == []


def test_tone_examples_from_the_brief():
    text = "Uỷ ban hoà giải, thuỷ lợi, xã hội hoá; quý, hoàn, khuya, quyết."
    assert normalize_tone(text) == "Ủy ban hòa giải, thủy lợi, xã hội hóa; quý, hoàn, khuya, quyết."


def test_tone_keeps_case_and_leaves_punctuation_alone():
    # underthesea.text_normalize would write "( hòa )" here
    assert normalize_tone("HOÀ BÌNH (hoà) Khánh Hoà.") == "HÒA BÌNH (hòa) Khánh Hòa."


# ------------------------------------------------------------------ characters


def test_legacy_d_nbsp_zero_width_soft_hyphen_tabs():
    raw = "\u00d0ảng bộ\u00a0tỉnh\u200b Kon\u00adTum\t\tcó  91 mô hình   \r\nmới\ufeff"
    assert normalize_text(raw) == "Đảng bộ tỉnh KonTum có 91 mô hình\nmới"


def test_blank_lines_collapse_and_single_newlines_stay():
    raw = "Tiêu đề bài viết\n   \n\n\n\nDòng một của chú thích\nvà dòng hai.\n\n\n"
    assert normalize_text(raw) == "Tiêu đề bài viết\n\nDòng một của chú thích\nvà dòng hai."


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_idempotent(path):
    once = normalize_text(path.read_text(encoding="utf-8"))
    assert normalize_text(once) == once


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_nfd_input_gives_the_nfc_output(path):
    raw = path.read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", raw)
    assert nfd != raw
    assert normalize_text(nfd) == normalize_text(raw)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_output_is_clean(path):
    text = normalize_text(path.read_text(encoding="utf-8"))
    assert unicodedata.is_normalized("NFC", text)
    assert "\u00a0" not in text and "\u200b" not in text and "\t" not in text
    assert "\n\n\n" not in text
    assert not re.search(r" $| {2}", text, re.MULTILINE)
    assert not re.search(r"(?i)\b(?:hoà|uỷ|thuỷ|hoá|tuý)\b", text)


def test_normalize_chars_keeps_quotes_findable(normalized):
    # a gold quote written in the page's own tone style is found after normalization
    quote = "Cơ quan, doanh nghiệp không có ma tuý"
    assert quote in _raw("003")
    assert normalize_chars(quote) in normalized["003"]
    caption = "– một trong\n09 mô hình của Bạc Liêu được nhân rộng toàn quốc"
    assert normalize_chars(caption) in normalized["004"]


# ----------------------------------------------------------------------- chrome

CHROME = [
    "A- A A+ | Tăng tương phản Giảm tương phản",
    "Cỡ chữ: A- A A+",
    ".",
    "…",
    "* * *",
    "Chia sẻ",
    "In bài | Chia sẻ | Bình luận (3)",
    "Bình luận",
    "Lượt xem: 1.234",
    "Facebook Twitter Zalo Email",
    "Xem thêm: Kon Tum đẩy mạnh phong trào toàn dân bảo vệ ANTQ",
    "Trang chủ > Tin tức > An ninh trật tự",
    "Bạc Liêu, 29°C/ 27°C - 31°C Mây rải rác",  # a weather box
    "Theo dõi trang tin Hậu Giang trên",
]
NOT_CHROME = [
    "Trời nắng 36°C nhưng hơn 400 người vẫn đến dự ngày hội ở ấp Tân Lợi.",
    "1.160",
    "A. Kết quả đạt được",
    "Xem thêm: 5 mô hình tự quản được nhân rộng",
    "Chia sẻ kinh nghiệm xây dựng mô hình tự quản",
    "Bình luận của Ban Chỉ đạo: phong trào đã có nhiều chuyển biến.",
    "Trong năm, các đơn vị tổ chức 1.160 đợt phát động.",
    "Thứ Hai, 20/08/2012, 05:08 [GMT+7]",
    "Tác giả: Thái Ngân",
]


@pytest.mark.parametrize("line", CHROME)
def test_chrome_lines_are_recognised(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize("line", NOT_CHROME)
def test_content_lines_are_kept(line):
    assert not is_chrome_line(line)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_chrome_is_gone(path):
    raw = path.read_text(encoding="utf-8")
    text = normalize_text(raw)
    assert "Tăng tương phản" not in text
    assert not re.search(r"^\W+$", text, re.MULTILINE)
    # every line of the normalized text still comes from the page
    raw_lines = {normalize_chars(line).strip() for line in raw.splitlines()}
    for line in text.split("\n"):
        assert line == "" or re.sub(" +", " ", line) in {re.sub(" +", " ", r) for r in raw_lines}


def test_seed_chrome_lines_removed_and_content_kept(normalized):
    assert normalized["000"].startswith("Kinh nghiệm rút ra từ công tác")
    assert normalized["001"].startswith("Năm 2023, công tác xây dựng")
    assert normalized["003"].count("\n.\n") == 0
    assert normalized["003"].endswith("Ánh Dương")
    assert "Thứ Hai, 20/08/2012, 05:08 [GMT+7]" in normalized["003"]


# -------------------------------------------------------------------- sentences


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_sentence_offsets_are_exact(path):
    text = normalize_text(path.read_text(encoding="utf-8"))
    sentences = split_sentences(text)
    assert sentences
    previous_end = 0
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= previous_end
        previous_end = s.end
    # nothing but whitespace is left between sentences
    covered = "".join(text[a.end : b.start] for a, b in zip(sentences, sentences[1:], strict=False))
    assert covered.strip() == ""


def _sentence_with(text: str, fragment: str) -> str:
    (found,) = [s.text for s in split_sentences(text) if fragment in s.text]
    return found


def test_no_split_inside_numbers_or_abbreviations(normalized):
    s = _sentence_with(normalized["001"], "1.160")
    assert s.startswith("Trong năm, các đơn vị")
    assert "145.410 lượt người tham gia; 2.323 lượt" in s  # no split on ';'
    s = _sentence_with(normalized["003"], "T.Ư")
    assert s.startswith("Cụ thể, thực hiện nghiêm Chỉ thị số 09 của Ban Bí thư T.Ư và")
    assert s.endswith("trong tình hình mới”.")


def test_article_end_marker_stays_with_its_sentence(normalized):
    last = [s.text for s in split_sentences(normalized["002"])][-2:]
    assert last[0].endswith("bảo vệ an ninh Tổ quốc./.")
    assert last[1] == "Hoàng Mạnh Quyền - Chuyên viên Phòng Tổng hợp"


def test_headline_without_final_stop_is_its_own_sentence(normalized):
    first, second = split_sentences(normalized["001"])[:2]
    assert first.text.endswith("đạt được nhiều kết quả tích cực")
    assert second.text.startswith("Theo Báo cáo của Ban Chỉ đạo")


def test_caption_broken_across_lines_is_one_sentence(normalized):
    s = _sentence_with(normalized["004"], "thăm và tặng quà")
    assert s.startswith("Trung tướng Lê Quốc Hùng, Ủy viên Trung ương Đảng, Thứ trưởng")
    assert "Bộ Công an\nthăm và tặng quà" in s
    assert s.endswith("Khmer”\n– một trong 09 mô hình của Bạc Liêu được nhân rộng toàn quốc")
    s = _sentence_with(normalized["004"], "làm việc với “Tổ giáo dân tự quản")
    assert s.startswith("Đoàn công tác Ban Chỉ đạo 138 Trung ương")
    assert s.endswith("– một trong\n09 mô hình của Bạc Liêu được nhân rộng toàn quốc")


def test_abbreviations_and_initials_in_a_variant():
    text = normalize_text(
        "Dự hội nghị có TS. Nguyễn Văn A., ThS. Lê Thị B và đại diện Tp. Hồ Chí Minh, "
        "TP.HCM, các xã, phường v.v. Hội nghị thống nhất 2,5 tỷ đồng cho 1.406 cuộc! "
        "Kết quả rất tốt? Có… Cuối cùng là phần bế mạc."
    )
    texts = [s.text for s in split_sentences(text)]
    assert texts == [
        "Dự hội nghị có TS. Nguyễn Văn A., ThS. Lê Thị B và đại diện Tp. Hồ Chí Minh, "
        "TP.HCM, các xã, phường v.v. Hội nghị thống nhất 2,5 tỷ đồng cho 1.406 cuộc!",
        "Kết quả rất tốt?",
        "Có…",
        "Cuối cùng là phần bế mạc.",
    ]


def test_numbered_list_markers_do_not_split():
    text = normalize_text("1. Kết quả đạt được\n2. Tồn tại, hạn chế. Nguyên nhân chủ quan.")
    assert [s.text for s in split_sentences(text)] == [
        "1. Kết quả đạt được",
        "2. Tồn tại, hạn chế.",
        "Nguyên nhân chủ quan.",
    ]


def test_lists_after_a_colon_are_separate_even_in_lowercase():
    text = "Kết quả như sau:\n- tổ chức 1.160 đợt phát động;\n- phát 155.853 tờ rơi."
    assert len(split_sentences(text)) == 3


# ------------------------------------------------------------------- paragraphs


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_paragraphs_are_ordered_and_cover_every_line(path):
    text = normalize_text(path.read_text(encoding="utf-8"))
    paragraphs = split_paragraphs(text)
    assert all(a < b for a, b in paragraphs)
    assert all(b1 < a2 for (_, b1), (a2, _) in zip(paragraphs, paragraphs[1:], strict=False))
    joined = "".join(text[a:b] for a, b in paragraphs)
    assert joined.replace("\n", "") == text.replace("\n", "")


def test_paragraphs_of_a_page_without_blank_lines(normalized):
    # seed 002 puts each paragraph on one line, with no blank line between
    text = normalized["002"]
    paragraphs = [text[a:b] for a, b in split_paragraphs(text)]
    assert paragraphs[0] == "27/05/2025"
    assert paragraphs[1].startswith("Một số giải pháp")
    assert len(paragraphs) == len([line for line in text.split("\n") if line])


# ------------------------------------------------------------------------ title


def test_titles_of_the_seeds(normalized):
    assert detect_title(normalized["000"]) == (
        "Kinh nghiệm rút ra từ công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc "
        "đảm bảo an ninh tuyến biên giới tỉnh Kon Tum"
    )
    assert detect_title(normalized["001"]).startswith("Năm 2023, công tác xây dựng phong trào")
    assert detect_title(normalized["002"]).startswith("Một số giải pháp nâng cao hiệu quả")
    # category label first, headline second, then the date line
    assert detect_title(normalized["003"]) == (
        "Giải pháp nâng cao hiệu quả phong trào toàn dân bảo vệ ANTQ"
    )
    assert detect_title(normalized["004"]) == (
        "Phát huy vai trò làm chủ của Nhân dân trong sự nghiệp bảo vệ an ninh Tổ quốc"
    )


BODY = (
    "Trong năm 2023, Công an tỉnh đã phối hợp tổ chức 1.406 cuộc phát động phong trào toàn dân "
    "bảo vệ an ninh Tổ quốc với 131.274 người tham dự, phát hành nhiều tài liệu tuyên truyền và "
    "xây dựng thêm nhiều mô hình tự quản về an ninh, trật tự tại cơ sở trên địa bàn toàn tỉnh."
)


def test_title_variants():
    headline = "Bạc Liêu nhân rộng 50 mô hình tự quản về ANTT"
    label_then_title = f"An ninh trật tự\n\nCập nhật: 12/03/2024\n{headline}\n\n{BODY}"
    assert detect_title(label_then_title) == "Bạc Liêu nhân rộng 50 mô hình tự quản về ANTT"
    short_headline = f"Kon Tum ra quân đầu năm\n\n{BODY}"
    assert detect_title(short_headline) == "Kon Tum ra quân đầu năm"
    assert detect_title(BODY) is None
    chrome_first = normalize_text(
        f"A- A A+\n.\nThứ Sáu, 12/01/2024 - 09:45\nLào Cai tổng kết phong trào năm 2023\n{BODY}"
    )
    assert detect_title(chrome_first) == "Lào Cai tổng kết phong trào năm 2023"
    # a short lead opening on a paper's code, or holding two sentences, is the body
    lead = "(KTO) - Sáng 4/3, UBND xã Đăk Năng mở ngày hội. Đây là ngày hội điểm của thành phố."
    assert detect_title(f"{lead}\n\n{BODY}") is None
    two_sentences = "Sáng 4/3, xã Đăk Năng mở ngày hội năm 2024. Có 300 người dự."
    assert detect_title(f"{two_sentences}\n\n{BODY}") is None
    assert detect_title(f"TP.HCM ra mắt 120 tổ bảo vệ an ninh\n\n{BODY}") == (
        "TP.HCM ra mắt 120 tổ bảo vệ an ninh"
    )


def test_an_ellipsis_glued_to_the_next_sentence_ends_a_sentence():
    from extractors.text.normalize import split_sentences

    text = "Tổ đi phát khẩu trang từng nhà…Tuy nhiên, tổ còn thiếu người. Việc khác…còn tiếp."
    assert [s.text for s in split_sentences(text)] == [
        "Tổ đi phát khẩu trang từng nhà…",
        "Tuy nhiên, tổ còn thiếu người.",
        "Việc khác…còn tiếp.",
    ]


def test_looking_back_answers_as_the_copying_expressions_do(normalized):
    """``extractors.text.scan`` replaces ``text[:end].rstrip()...`` (quadratic in a loop)."""
    texts = [*normalized.values(), "", "  \n ", "UBND tỉnh \n\n  Kon Tum", "a\n\nb  \n  c d\n"]
    for text in texts:
        for end in sorted({0, 1, len(text) // 3, len(text) // 2, len(text) - 1, len(text)}):
            end = max(0, end)
            prefix = text[:end].rstrip()
            assert scan.rstrip_end(text, end) == len(prefix)
            assert scan.char_before(text, end) == prefix[-1:]
            assert scan.last_line_before(text, end) == prefix.rsplit("\n", 1)[-1].strip()
            for suffix in ("UBND tỉnh", "Kon", "d", prefix[-7:]):
                assert scan.ends_with(text, end, suffix) == prefix.endswith(suffix)


@pytest.mark.parametrize(
    "line",
    [
        "Tối thiểu 15 chữ, viết bằng tiếng Việt có dấu, không chèn đường link",
        "Bình luận: tối thiểu 20 ký tự, không chứa liên kết",
    ],
)
def test_a_comment_forms_rules_are_chrome(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Hiện đang có 58 khách và 1 thành viên trực tuyến",
        "Lượt truy cập: 2.345.678",
        "Đang truy cập: 31",
        "1.530 lượt xem",
        "214 lượt đọc | 5 bình luận",
    ],
)
def test_a_visitor_counter_is_chrome(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Chào mừng bạn đến với Cổng thông tin điện tử xã Hòa Bắc",
        # a banner repeated along one line of the page
        "Chào mừng đến với Trang tin Công an huyện Mường Tè      "
        "Chào mừng đến với Trang tin Công an huyện Mường Tè",
    ],
)
def test_a_portals_welcome_banner_is_chrome_and_the_headline_follows(line):
    assert is_chrome_line(line)
    headline = "Xã Mù Cả sơ kết phong trào bảo vệ an ninh Tổ quốc 6 tháng đầu năm 2023"
    lead = (
        "Ngày 14/7/2023, Ban Chỉ đạo xã Mù Cả tổ chức hội nghị sơ kết phong trào toàn dân "
        "bảo vệ an ninh Tổ quốc, đánh giá kết quả 6 tháng đầu năm và bàn nhiệm vụ cuối năm."
    )
    assert detect_title(f"{line}\n\n{headline}\n\n{lead}") == headline


def test_a_welcome_in_a_sentence_is_not_chrome():
    assert not is_chrome_line("Chào mừng đến với ngày hội, 300 người dân đã tham gia trò chơi.")


def test_views_a_report_counts_are_not_chrome():
    assert not is_chrome_line("Các video tuyên truyền thu hút 120.000 lượt xem.")


def test_guests_counted_in_a_sentence_are_not_chrome():
    assert not is_chrome_line("Ngày hội đón 58 khách mời từ các xã bạn đến dự.")


def test_a_count_with_tối_thiểu_is_not_chrome():
    assert not is_chrome_line("Tối thiểu 10 hộ tham gia mỗi tổ tự quản.")


@pytest.mark.parametrize(
    "line",
    [
        "(*) Cấm sao chép nội dung dưới mọi hình thức nếu Báo Đông Hải chưa cho phép.",
        "Bản quyền thuộc về Cổng thông tin điện tử tỉnh X.",
        "Đề nghị ghi rõ nguồn khi phát hành lại thông tin từ trang này.",
    ],
)
def test_a_copyright_notice_is_chrome_though_it_reads_as_a_sentence(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Người dân sao chép mô hình của xã bạn theo hình thức mới, được bà con đồng ý.",
        "Bản quyền tác giả được tôn trọng trong 12 câu lạc bộ của huyện.",
    ],
)
def test_copying_a_model_is_not_a_copyright_notice(line):
    assert not is_chrome_line(line)


def test_every_control_character_but_the_newline_is_deleted() -> None:
    """Unicode category Cc, read from unicodedata, not from the table that deletes them."""
    import sys
    import unicodedata

    from extractors.text.normalize import normalize_chars

    mapped = {"\r", "\x85", "\t", "\x0b", "\x0c", "\n"}  # line ends and spaces are kept as such
    controls = "".join(
        chr(i)
        for i in range(sys.maxunicode + 1)
        if unicodedata.category(chr(i)) == "Cc" and chr(i) not in mapped
    )
    assert len(controls) == 59
    kept = normalize_chars(f"Công an{controls}xã\nphường")
    assert kept == "Công anxã\nphường"
