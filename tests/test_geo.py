"""Geography: provinces, their aliases, the 2025 merger, place mentions and report province."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from extractors.geo.places import (
    all_provinces,
    all_provinces_2025,
    canonical_province,
    detect_province,
    find_place_mentions,
    province_2025,
    resolve_place,
)

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
SEEDS = sorted((CORPORA / "seeds").glob("*.txt"))


def _gold(seed: Path) -> dict:
    return json.loads((CORPORA / "gold" / f"{seed.stem}.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------- provinces


def test_province_lists_have_63_and_34_names() -> None:
    old, new = all_provinces(), all_provinces_2025()
    assert len(old) == 63 == len(set(old))
    assert len(new) == 34 == len(set(new))
    assert {"Kon Tum", "Bạc Liêu", "Lào Cai", "Quảng Ninh", "Bà Rịa - Vũng Tàu"} <= set(old)
    assert "Kon Tum" not in new and "Quảng Ngãi" in new
    assert set(new) <= set(old)  # every 2025 province kept an old province's name


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("Kon Tum", "Kon Tum"),
        ("kon tum", "Kon Tum"),
        ("KON TUM", "Kon Tum"),
        ("Quang Ninh", "Quảng Ninh"),
        ("tỉnh Kon Tum", "Kon Tum"),
        ("Tỉnh Bạc Liêu", "Bạc Liêu"),
        ("TP.HCM", "Hồ Chí Minh"),
        ("TP HCM", "Hồ Chí Minh"),
        ("Tp. Hồ Chí Minh", "Hồ Chí Minh"),
        ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
        ("Sài Gòn", "Hồ Chí Minh"),
        ("HCM", "Hồ Chí Minh"),
        ("BR-VT", "Bà Rịa - Vũng Tàu"),
        ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("Ba Ria - Vung Tau", "Bà Rịa - Vũng Tàu"),
        ("Thừa Thiên Huế", "Huế"),
        ("Huế", "Huế"),
        ("Hà Nội", "Hà Nội"),
        ("thành phố Hà Nội", "Hà Nội"),
        ("Đăk Lăk", "Đắk Lắk"),
        ("Khánh Hoà", "Khánh Hòa"),
    ],
)
def test_canonical_province_accepts_spellings(alias: str, canonical: str) -> None:
    assert canonical_province(alias) == canonical


@pytest.mark.parametrize("name", ["Việt Nam", "Trung ương", "Tiên Yên", "huyện Sa Thầy", "", "Bộ"])
def test_canonical_province_rejects_what_is_not_a_province(name: str) -> None:
    assert canonical_province(name) is None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Kon Tum", "Quảng Ngãi"),
        ("Bạc Liêu", "Cà Mau"),
        ("Lào Cai", "Lào Cai"),
        ("Yên Bái", "Lào Cai"),
        ("Quảng Ninh", "Quảng Ninh"),
        ("Hà Giang", "Tuyên Quang"),
        ("Bình Dương", "Hồ Chí Minh"),
        ("BR-VT", "Hồ Chí Minh"),
        ("tinh Hau Giang", "Cần Thơ"),
    ],
)
def test_province_2025_follows_the_merger(old: str, new: str) -> None:
    assert province_2025(old) == new


def test_every_old_province_has_a_2025_province() -> None:
    assert {province_2025(p) for p in all_provinces()} == set(all_provinces_2025())


# ------------------------------------------------------------------ places


@pytest.mark.parametrize(
    ("name", "province"),
    [("Tiên Yên", "Quảng Ninh"), ("Sa Thầy", "Kon Tum"), ("huyện Ngọc Hồi", "Kon Tum")],
)
def test_resolve_place_finds_the_province_of_a_district(name: str, province: str) -> None:
    districts = resolve_place(name, level="district")
    assert [(d.province, d.level) for d in districts] == [(province, "district")]


def test_resolve_place_returns_every_province_for_an_ambiguous_name() -> None:
    provinces = {m.province for m in resolve_place("Châu Thành", level="district")}
    assert {"Bến Tre", "Tiền Giang", "An Giang", "Tây Ninh"} <= provinces
    assert len(provinces) >= 5


def test_resolve_place_prefers_the_exact_spelling() -> None:
    names = {m.name for m in resolve_place("Tiên Yên")}
    assert names == {"Tiên Yên"}  # not "Tiền Yên" in Hà Nội


def test_mentions_carry_type_words_levels_and_offsets() -> None:
    text = (
        "Cán bộ chiến sỹ Công an tỉnh làm công tác thiện nguyện tại xã Đăk Năng, "
        "thành phố Kon Tum; lực lượng Công an Kon Tum phối hợp Công an huyện Tiên Yên."
    )
    mentions = find_place_mentions(text)
    found = [(m.surface, m.level, m.name, m.province) for m in mentions]
    assert found == [
        ("xã Đăk Năng", "commune", "Đăk Năng", "Kon Tum"),
        ("thành phố Kon Tum", "district", "Kon Tum", "Kon Tum"),
        ("Kon Tum", "province", "Kon Tum", "Kon Tum"),
        ("huyện Tiên Yên", "district", "Tiên Yên", "Quảng Ninh"),
    ]
    assert all(text[m.start : m.end] == m.surface for m in mentions)


def test_mentions_of_ho_chi_minh_city_but_not_of_the_president() -> None:
    text = (
        "Thấm nhuần tư tưởng Hồ Chí Minh và lời dạy của Chủ tịch Hồ Chí Minh, "
        "Công an TP.HCM cùng đoàn công tác của Thành phố Hồ Chí Minh đã đến thăm."
    )
    surfaces = [m.surface for m in find_place_mentions(text)]
    assert surfaces == ["TP.HCM", "Thành phố Hồ Chí Minh"]


def test_peoples_names_and_common_words_are_not_places() -> None:
    text = (
        "Chị Nguyễn Thị Hà Giang và ông Lê Văn Huệ cùng đồng chí Hà Nam phát biểu; "
        "Trung ương và Việt Nam bảo đảm an toàn xã hội, tỉnh táo trước âm mưu của địch."
    )
    assert find_place_mentions(text) == []


def test_a_list_after_one_type_word_gives_every_district() -> None:
    text = "Các huyện Tiên Yên, Ba Chẽ và Bình Liêu đã triển khai mô hình."
    names = [(m.name, m.level, m.province) for m in find_place_mentions(text)]
    assert names == [
        ("Tiên Yên", "district", "Quảng Ninh"),
        ("Ba Chẽ", "district", "Quảng Ninh"),
        ("Bình Liêu", "district", "Quảng Ninh"),
    ]


def test_a_former_district_name_still_finds_its_province() -> None:
    (mention,) = find_place_mentions("Công an huyện Hoành Bồ tổ chức ra quân.")
    assert mention.province == "Quảng Ninh" and mention.level == "district"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hội nghị ở huyện Ea H'leo tổng kết năm.", "Ea H'leo"),
        ("Theo H.Ea H’leo, tỉnh Đắk Lắk, số tổ tăng", "Ea H'leo"),  # typographic apostrophe
        ("Các xã của huyện Cư M'gar đã ra mắt tổ tự quản.", "Cư M'gar"),
        ("Ngày hội tại huyện Đắk R'lấp có nhiều hoạt động.", "Đắk R'Lấp"),
    ],
)
def test_an_apostrophe_inside_a_syllable_keeps_the_name_whole(text: str, name: str) -> None:
    districts = [m for m in find_place_mentions(text) if m.level == "district"]
    assert [(m.name, m.typed) for m in districts] == [(name, True)]


# --------------------------------------------------------------- detection


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_reports_get_their_gold_province(seed: Path) -> None:
    gold = _gold(seed)
    found = detect_province(seed.read_text(encoding="utf-8"))
    assert found.province == gold["province"]
    assert found.province_2025 == province_2025(gold["province"])
    assert found.scope == "province"
    assert found.confidence > 0.5
    assert found.evidence


def test_seed_provinces_after_2025() -> None:
    expected = ["Quảng Ngãi", "Quảng Ngãi", "Lào Cai", "Quảng Ninh", "Cà Mau"]
    got = [detect_province(seed.read_text(encoding="utf-8")).province_2025 for seed in SEEDS]
    assert got == expected


def test_a_district_alone_names_the_province() -> None:
    text = (
        "Đến nay, phong trào toàn dân bảo vệ ANTQ đã được quan tâm chỉ đạo.\n"
        "Công an huyện Sa Thầy phối hợp với lực lượng an ninh cơ sở tuần tra vũ trang."
    )
    found = detect_province(text)
    assert (found.province, found.province_2025) == ("Kon Tum", "Quảng Ngãi")


def test_ambiguous_district_votes_only_with_its_province_named() -> None:
    alone = detect_province("Công an huyện Châu Thành ra quân trấn áp tội phạm.")
    assert alone.province is None and alone.confidence == 0.0
    text = (
        "Công an huyện Châu Thành ra quân trấn áp tội phạm. Huyện Châu Thành và "
        "huyện Mỏ Cày Nam là hai địa bàn trọng điểm. Hội nghị có đại diện thành phố Cần Thơ."
    )
    assert detect_province(text).province == "Bến Tre"  # Mỏ Cày Nam is in Bến Tre only


def test_title_outweighs_a_passing_mention() -> None:
    text = (
        "Năm 2023, phong trào đạt nhiều kết quả. Đoàn đã học tập kinh nghiệm của Hà Nội "
        "và Đà Nẵng trong xây dựng mô hình tự quản."
    )
    found = detect_province(text, title="Công an tỉnh Yên Bái sơ kết phong trào")
    assert (found.province, found.province_2025) == ("Yên Bái", "Lào Cai")
    assert all(m.province != "Yên Bái" for m in found.evidence)  # evidence is from the text


def test_extra_names_from_ner_vote() -> None:
    found = detect_province("Phong trào đạt nhiều kết quả.", extra_names=["Sa Thầy", "Việt Nam"])
    assert found.province == "Kon Tum"


def test_president_ho_chi_minh_does_not_make_a_report_about_the_city() -> None:
    text = (
        "Thấm nhuần quan điểm của Đảng và Chủ tịch Hồ Chí Minh, thời gian qua, Công an "
        "Bạc Liêu luôn quan tâm học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."
    )
    found = detect_province(text)
    assert found.province == "Bạc Liêu"
    assert all(m.name != "Hồ Chí Minh" for m in found.evidence)
    assert detect_province("Học tập và làm theo tư tưởng Hồ Chí Minh.").province is None


def test_district_scope_report() -> None:
    title = "Công an huyện Tiên Yên tổng kết phong trào toàn dân bảo vệ ANTQ năm 2023"
    text = (
        "Năm 2023, Công an huyện Tiên Yên đã tham mưu Huyện ủy, UBND huyện triển khai phong "
        "trào toàn dân bảo vệ ANTQ trên địa bàn huyện, phối hợp với Công an tỉnh Quảng Ninh "
        "xây dựng 12 mô hình tự quản. Toàn huyện có 11/11 xã, thị trấn có Công an chính quy."
    )
    found = detect_province(text, title=title)
    assert (found.province, found.scope, found.scope_name) == ("Quảng Ninh", "district", "Tiên Yên")
    # Without a separate title the first line is the headline.
    found = detect_province(title + "\n" + text)
    assert (found.scope, found.scope_name) == ("district", "Tiên Yên")


def test_province_wide_cue_keeps_province_scope() -> None:
    title = "Quảng Ninh: phối hợp tuần tra bảo đảm an ninh tuyến biên giới"
    text = (
        "Toàn tỉnh có 91 mô hình tự quản về ANTT; Công an huyện Tiên Yên phối hợp tuần tra "
        "tuyến biên giới."
    )
    found = detect_province(text, title=title)
    assert (found.province, found.scope, found.scope_name) == ("Quảng Ninh", "province", None)


def test_a_district_report_quoting_a_provincial_figure_stays_district() -> None:
    # scope is what the report is about (its headline), not the widest figure it quotes
    title = "Công an huyện Tiên Yên phối hợp tuần tra"
    text = "Toàn tỉnh có 91 mô hình tự quản về ANTT; Quảng Ninh là địa bàn có vị trí chiến lược."
    found = detect_province(text, title=title)
    assert (found.province, found.scope, found.scope_name) == ("Quảng Ninh", "district", "Tiên Yên")


def test_commune_scope_report() -> None:
    title = "Xã Đăk Năng xây dựng mô hình tự quản về an ninh trật tự"
    text = (
        "Những năm qua, Đảng ủy, UBND xã Đăk Năng, thành phố Kon Tum đã lãnh đạo nhân dân "
        "trên địa bàn xã tham gia phong trào toàn dân bảo vệ ANTQ."
    )
    found = detect_province(text, title=title)
    assert (found.province, found.scope, found.scope_name) == ("Kon Tum", "commune", "Đăk Năng")


def test_twenty_kilobytes_in_well_under_100_ms() -> None:
    text = max(SEEDS, key=lambda p: p.stat().st_size).read_text(encoding="utf-8")
    text = (text * (20_000 // len(text) + 1))[:20_000]
    detect_province(text)  # load the gazetteer
    best = min(_timed(lambda: find_place_mentions(text)) for _ in range(3))
    assert best < 0.1


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def test_written_type_breaks_ties_and_a_province_ends_a_list() -> None:
    text = "Tại thị trấn Tiên Yên, huyện Tiên Yên, Quảng Ninh đã ra mắt mô hình."
    found = [(m.level, m.name, m.province) for m in find_place_mentions(text)]
    assert found == [
        ("commune", "Tiên Yên", "Quảng Ninh"),  # a xã Tiên Yên exists in Hà Giang, no thị trấn
        ("district", "Tiên Yên", "Quảng Ninh"),
        ("province", "Quảng Ninh", "Quảng Ninh"),  # not huyện Quảng Ninh of Quảng Bình
    ]


def test_a_lead_that_says_what_its_subject_is_names_its_level() -> None:
    text = (
        "Giao lưu giữa UBND xã Mù Cả và xã bạn bên kia biên giới\n"
        "Mường Tè là huyện biên giới xa nhất của tỉnh. Năm 2022, Ban Chỉ đạo huyện tổ chức "
        "45 buổi tuyên truyền ở các bản."
    )
    from extractors.geo.scope import _subject_level

    lead = text.index("\n") + 1
    assert _subject_level("Lai Châu", "Lai Châu", "", text, lead, find_place_mentions(text)) == (
        "district"
    )
    # a name that is no unit of the report's province says nothing
    other = "\nPhú Quý là huyện đảo xa bờ."
    assert _subject_level("Lai Châu", "Lai Châu", "", other, 1, find_place_mentions(other)) is None


def test_a_final_y_after_a_consonant_is_also_written_i() -> None:
    """ "Vỹ" / "Vĩ", "Qui" / "Quy": both spellings find the place; "Thủy" stays "Thủy"."""
    found = find_place_mentions("Nhân dân thị xã Kì Anh và thành phố Qui Nhơn")
    assert [(m.name, m.province) for m in found] == [
        ("Kỳ Anh", "Hà Tĩnh"),
        ("Quy Nhơn", "Bình Định"),
    ]
    assert [m.name for m in find_place_mentions("phường Thủy Biều")] == ["Thủy Biều"]


def test_a_list_of_provinces_names_places_elsewhere() -> None:
    text = (
        "Hội Nông dân tỉnh Gia Lai sơ kết mô hình. Hội viên từng đi làm ăn ở Nghệ An, "
        "Hà Tĩnh, Quảng Trị và Bình Thuận."
    )
    assert detect_province(text).province == "Gia Lai"


def test_a_provincial_mass_organisation_site_names_its_province() -> None:
    from extractors.geo.sites import url_votes

    assert url_votes("http://old.hoinongdanquangngai.org.vn/tin/123") == (("Quảng Ngãi", 7.0),)
    assert url_votes("https://tinhdoanlamdong.vn/bai-viet") == (("Lâm Đồng", 7.0),)
    # a provincial news site named "<province>24h"
    assert url_votes("https://quangngai24h.vn/tin-tuc-123.html") == (("Quảng Ngãi", 7.0),)
