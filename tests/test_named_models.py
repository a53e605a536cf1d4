"""Quoted model names on the seed reports and on variant quoting styles."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from extractors.clauses.named_models import extract_named_models, unique_model_names
from extractors.text.normalize import normalize_text

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
SEEDS = sorted((CORPORA / "seeds").glob("*.txt"))


def _read(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def _seed(prefix: str) -> str:
    return _read(next(p for p in SEEDS if p.name.startswith(prefix)))


def _names(text: str) -> list[str]:
    return unique_model_names(extract_named_models("doc", text))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_names_match_gold_exactly(path: Path) -> None:
    gold = json.loads((CORPORA / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
    expected = {unicodedata.normalize("NFC", n) for n in gold["named_models"]}
    assert set(_names(_read(path))) == expected


def test_seed_counts() -> None:
    assert len(_names(_seed("004"))) == 21
    assert len(_names(_seed("003"))) == 6


def test_records_point_at_the_name_inside_the_quotes() -> None:
    text = _seed("004")
    for model in extract_named_models("doc", text):
        raw = text[model.start : model.end]
        assert " ".join(raw.split()) == model.name
        assert not raw.startswith("“") and not raw.endswith("”")


def test_adjacent_quotes_without_separator_are_two_names() -> None:
    names = _names(_seed("004"))
    assert "Câu lạc bộ nữ phòng chống tội phạm" in names
    assert "Câu lạc bộ Hội Cựu chiến binh phòng chống tội phạm" in names


def test_name_broken_over_a_line_has_single_spaces() -> None:
    rows = extract_named_models("doc", _seed("004"))
    broken = [r for r in rows if "\n" in _seed("004")[r.start : r.end]]
    assert broken and broken[0].name == "Tổ giáo dân tự quản, tự phòng về ANTT"


def test_missing_opening_quote_is_recovered_after_mo_hinh() -> None:
    text = _seed("004")
    rows = [r for r in extract_named_models("doc", text) if text[r.start - 1] != "“"]
    assert "Tổ ngư dân tự quản về ANTT trên biển" in [r.name for r in rows]


def test_seed_non_models_are_rejected() -> None:
    names = set(_names(_seed("004")) + _names(_seed("002")) + _names(_seed("003")))
    for not_model in [
        "Công an lắng nghe ý kiến Nhân dân",  # forum
        "Bảo vệ an ninh Tổ quốc",  # medal
        "tự phòng, tự quản, tự bảo vệ, tự hòa giải",  # motto
        "hạt nhân",  # scare quote
        "diễn biến hòa bình",
        "Nhà nước riêng",
        "Ngày hội toàn dân bảo vệ ANTQ",
    ]:
        assert not_model not in names
    assert not any(n.startswith(("Tăng cường", "Đẩy mạnh", "Về tăng cường")) for n in names)
    assert not any(n.startswith(("Sự nghiệp cách mạng", "Việc phát động")) for n in names)


def test_one_row_per_occurrence_but_unique_names() -> None:
    rows = extract_named_models("doc", _seed("004"))
    occurrences = [r.name for r in rows].count("Câu lạc bộ 3 tích cực trong đồng bào dân tộc Khmer")
    assert occurrences == 3
    assert len(rows) > len(unique_model_names(rows))


def test_variant_straight_quotes_in_a_list_after_tieu_bieu_nhu() -> None:
    text = (
        'Toàn tỉnh Điện Biên hiện có 120 mô hình tự quản, tiêu biểu như: "Tổ an ninh xung '
        'kích"; "Dòng họ không có người vi phạm pháp luật", "Camera an ninh". Công an tỉnh tổ '
        'chức diễn đàn "Công an lắng nghe ý kiến Nhân dân" và phát động cuộc thi "Tìm hiểu '
        'pháp luật về ANTT".'
    )
    assert _names(text) == [
        "Tổ an ninh xung kích",
        "Dòng họ không có người vi phạm pháp luật",
        "Camera an ninh",
    ]


def test_variant_guillemets_head_nouns_and_non_models() -> None:
    text = (
        "Huyện Tiên Lữ đã xây dựng mô hình «Xóm đạo bình yên» và thăm “Đội thanh niên xung kích "
        "tự quản” tại 20 xã. Theo phương châm “ba cùng”, cán bộ bám cơ sở. Đây là “cánh tay nối "
        "dài” của lực lượng Công an. Chủ tịch tỉnh khẳng định: “Phong trào là nền tảng để giữ "
        "vững ANTT”. Kỷ niệm chương “Vì an ninh Tổ quốc” được trao cho 12 cá nhân."
    )
    assert _names(text) == ["Xóm đạo bình yên", "Đội thanh niên xung kích tự quản"]


def test_model_words_are_blocked_after_a_directive_title() -> None:
    text = (
        "Thực hiện Kế hoạch số 15 của UBND tỉnh về “Tổ chức Ngày hội toàn dân bảo vệ ANTQ năm "
        "2024”, các xã đã nhân rộng mô hình “Khu dân cư an toàn về ANTT”."
    )
    assert _names(text) == ["Khu dân cư an toàn về ANTT"]


def test_a_standard_linked_to_its_blocking_word_is_no_name() -> None:
    text = (
        "Toàn xã có 9 thôn đạt chuẩn về “Khu dân cư bình yên”, 4 thôn đã xây dựng "
        "mô hình “Tổ tự quản đường làng”."
    )
    assert _names(text) == ["Tổ tự quản đường làng"]


def test_to_quoc_is_not_a_head_noun() -> None:
    text = "Nhân dân tích cực hưởng ứng lời kêu gọi “Tổ quốc trên hết” trong các đợt phát động."
    assert _names(text) == []


def test_to_chuc_is_not_a_head_noun() -> None:
    text = "Hưởng ứng khẩu hiệu, các đơn vị phát động “Tổ chức tốt ngày hội” trên toàn huyện."
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the quote right after the club's kind names the model, in curly or straight quotes
        (
            "Hội Phụ nữ duy trì 12 câu lạc bộ “Phụ nữ với pháp luật” ở các thôn.",
            "Phụ nữ với pháp luật",
        ),
        (
            'Toàn huyện có 7 CLB "Thanh niên với pháp luật" với 210 đoàn viên.',
            "Thanh niên với pháp luật",
        ),
        # a few words of the model's kind may stand between the cue and the name
        (
            "Công an phường vận hành mô hình nhóm mạng xã hội “Láng giềng trực tuyến” từ đầu năm.",
            "Láng giềng trực tuyến",
        ),
        (
            "Huyện nhân rộng các mô hình: 14 đoạn đường có đèn “Ngõ sáng đêm an” ở nhiều thôn.",
            "Ngõ sáng đêm an",
        ),
    ],
)
def test_a_name_after_its_models_kind(text: str, name: str) -> None:
    assert _names(text) == [name]


def test_a_song_the_club_sings_is_no_name() -> None:
    assert _names("Câu lạc bộ đã hát bài “Quê hương tươi đẹp” trong buổi lễ.") == []


def test_a_quote_paired_across_two_apostrophes_is_no_name() -> None:
    text = 'Ông Tư, Chủ nhiệm CLB "Cựu chiến binh giúp nhau\'\' xã Phú Lộc cho biết: "Tốt lắm".'
    assert _names(text) == []


def test_a_straight_opening_quote_closed_by_a_curly_one() -> None:
    """Pages mix the two kinds of quotes around one name."""
    text = (
        'Tại hội nghị tổng kết mô hình "Tổ tự quản dòng họ về an ninh trật tự” giai đoạn '
        "2015-2024, xã đã khen thưởng 5 tổ."
    )
    assert _names(text) == ["Tổ tự quản dòng họ về an ninh trật tự"]


def test_an_opening_quote_typed_for_the_closing_one_still_closes_the_name() -> None:
    text = "Hội viên tham gia mô hình “Tổ tự quản giữ gìn trật tự bến đò “, nhiều năm liền."
    assert [m.name for m in extract_named_models("d", text)] == [
        "Tổ tự quản giữ gìn trật tự bến đò"
    ]


def test_the_movement_quoted_after_phong_trao_is_no_model() -> None:
    text = (
        "Phường có 4 mô hình thuộc phong trào “Toàn dân bảo vệ an ninh Tổ quốc” do hội viên "
        "làm nòng cốt."
    )
    assert extract_named_models("d", text) == []


def test_a_later_item_of_an_announced_list_may_be_lower_case() -> None:
    text = "Xã đã nhân rộng mô hình “Loa phát thanh an ninh”, “giữ yên xóm làng” tới 8/8 thôn."
    assert _names(text) == ["Loa phát thanh an ninh", "giữ yên xóm làng"]
    # lower-case quotes with no name before them stay mottos or scare quotes
    assert _names("Cán bộ xã khen mô hình là “rất tốt”, “đáng học tập”.") == []


def test_a_slogan_of_negations_and_a_speakers_words_are_no_names() -> None:
    text = (
        "Cả xóm cùng hướng tới “Không có trộm cắp, không có ma túy, không có bạo lực”. "
        "Một cụ già kể: “Thôn tôi có chuyện thì gọi tổ tự quản ngay”. "
        "Phường có 9 mô hình “Tổ dân phố không có tội phạm”."
    )
    assert [m.name for m in extract_named_models("d", text)] == ["Tổ dân phố không có tội phạm"]


def test_curly_opening_quotes_closed_by_straight_ones_still_name_models() -> None:
    """Pages mix quote marks both ways: “...\" as well as \"...”."""
    text = normalize_text(
        'Ở xã, các mô hình được duy trì như: "Tổ tuần tra ban đêm", “Cánh cổng an toàn", '
        '“Ngõ phố bình yên", “Camera giữ làng".'
    )
    names = [m.name for m in extract_named_models("d", text)]
    assert names == [
        "Tổ tuần tra ban đêm",
        "Cánh cổng an toàn",
        "Ngõ phố bình yên",
        "Camera giữ làng",
    ]


def test_a_quoted_name_between_the_cue_and_the_list_keeps_the_list_head() -> None:
    text = normalize_text(
        "Các mô hình của cuộc vận động “Xóm làng bình yên” ở huyện đã có như: "
        "“Thắp sáng đường quê”, “Nhà nhà đều có bình chữa cháy”."
    )
    names = [m.name for m in extract_named_models("d", text)]
    assert names == ["Thắp sáng đường quê", "Nhà nhà đều có bình chữa cháy"]
