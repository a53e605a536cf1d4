"""Solution and lesson items on the seed reports and on variant list layouts."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from extractors.clauses.solutions import extract_solutions

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
SEEDS = sorted((CORPORA / "seeds").glob("*.txt"))


def _read(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def _seed(prefix: str) -> str:
    return _read(next(p for p in SEEDS if p.name.startswith(prefix)))


def _gold(path: Path) -> list[str]:
    gold = json.loads((CORPORA / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
    return [unicodedata.normalize("NFC", s) for s in gold["solutions"]]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def test_seed_recall_and_precision_by_overlap() -> None:
    gold_total = found = predicted = correct = 0
    for path in SEEDS:
        text = _read(path)
        gold = []
        for summary in _gold(path):
            start = text.index(summary)
            gold.append((start, start + len(summary)))
        spans = [(s.start, s.end) for s in extract_solutions(path.stem, text)]
        gold_total += len(gold)
        found += sum(any(_overlaps(g, p) for p in spans) for g in gold)
        predicted += len(spans)
        correct += sum(any(_overlaps(g, p) for g in gold) for p in spans)
    assert gold_total == 20
    assert found / gold_total >= 0.9
    assert correct / predicted >= 0.8


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_summaries_are_the_first_sentences(path: Path) -> None:
    text = _read(path)
    rows = extract_solutions("doc", text)
    gold = _gold(path)
    assert len(rows) == len(gold)
    for row, expected in zip(rows, gold, strict=True):
        assert text[row.start : row.end] == row.text
        assert row.text.startswith(row.summary)
        assert row.summary == expected.rstrip(".") or row.summary == expected


def test_ordinal_words_give_marker_and_ordinal() -> None:
    rows = extract_solutions("doc", _seed("000"))
    assert [r.marker for r in rows] == [
        "Thứ nhất",
        "Thứ hai",
        "Thứ ba",
        "Thứ tư",
        "Thứ năm",
        "Thứ sáu",
    ]
    assert [r.ordinal for r in rows] == [1, 2, 3, 4, 5, 6]
    # An item is the whole paragraph, not only its summary.
    assert rows[1].text.endswith("tham gia lực lượng nòng cốt tại cơ sở.")
    assert "Duy Hòa" not in rows[-1].text


def test_mot_la_list_after_weaknesses_stops_before_byline() -> None:
    rows = extract_solutions("doc", _seed("001"))
    assert [r.marker for r in rows] == ["Một là", "Hai là", "Ba là", "Bốn là", "Năm là", "Sáu là"]
    assert not any("Thái Ngân" in r.text for r in rows)
    assert not any("chưa" in r.summary for r in rows)  # the weakness paragraphs are not items


def test_unmarked_paragraphs_after_announcing_colon() -> None:
    rows = extract_solutions("doc", _seed("002"))
    assert [r.marker for r in rows] == [None] * 5
    assert [r.ordinal for r in rows] == [1, 2, 3, 4, 5]
    assert rows[-1].text.endswith("bảo vệ an ninh Tổ quốc./.")
    assert not any("Hoàng Mạnh Quyền" in r.text for r in rows)
    assert not any(r.text.startswith("Dự báo") for r in rows)


def test_trailing_ellipsis_item_then_byline() -> None:
    rows = extract_solutions("doc", _seed("003"))
    assert len(rows) == 3
    assert rows[-1].text.endswith("ngay tại cơ sở...")
    assert not rows[-1].summary.endswith("...")
    # The dateline "Thứ Hai, 20/08/2012" is a weekday, not an ordinal marker.
    assert not any(r.marker == "Thứ hai" for r in rows)


def test_report_without_solution_list() -> None:
    # Seed 004 closes with recommendations in running prose, announced by no list.
    assert extract_solutions("doc", _seed("004")) == []


def test_achievement_examples_after_dien_hinh_nhu_are_not_solutions() -> None:
    # Seed 001: "Điển hình như:" introduces coordination results, not solutions.
    rows = extract_solutions("doc", _seed("001"))
    assert not any(r.text.startswith("Phối hợp") for r in rows)


def test_variant_numbered_items_with_sub_bullets() -> None:
    text = (
        "Để nâng cao hiệu quả phong trào trong thời gian tới, Công an tỉnh Sơn La đề ra các giải "
        "pháp sau:\n"
        "1. Tăng cường sự lãnh đạo của cấp ủy, chính quyền các cấp đối với phong trào. Các cấp ủy "
        "cần đưa nội dung này vào nghị quyết hằng năm.\n"
        "2. Đổi mới nội dung, hình thức tuyên truyền phù hợp với từng địa bàn.\n"
        "- Chú trọng tuyên truyền bằng tiếng dân tộc.\n"
        "- Phát huy vai trò người có uy tín.\n"
        "3. Củng cố, nhân rộng các mô hình tự quản hoạt động hiệu quả.\n"
        "Với những giải pháp trên, phong trào sẽ ngày càng phát triển."
    )
    rows = extract_solutions("doc", text)
    assert [r.summary for r in rows] == [
        "Tăng cường sự lãnh đạo của cấp ủy, chính quyền các cấp đối với phong trào.",
        "Đổi mới nội dung, hình thức tuyên truyền phù hợp với từng địa bàn.",
        "Củng cố, nhân rộng các mô hình tự quản hoạt động hiệu quả.",
    ]
    assert [(r.marker, r.ordinal) for r in rows] == [("1.", 1), ("2.", 2), ("3.", 3)]
    assert rows[1].text.endswith("Phát huy vai trò người có uy tín.")


def test_variant_inline_lessons_in_one_paragraph() -> None:
    text = (
        "Từ thực tiễn, có thể rút ra một số bài học kinh nghiệm như sau: Một là, phải thường xuyên "
        "quán triệt các chủ trương của Đảng. Hai là, phải phát huy sức mạnh tổng hợp của cả hệ "
        "thống chính trị. Ba là, phải chú trọng xây dựng lực lượng nòng cốt ở cơ sở."
    )
    rows = extract_solutions("doc", text)
    assert [r.text for r in rows] == [
        "Một là, phải thường xuyên quán triệt các chủ trương của Đảng.",
        "Hai là, phải phát huy sức mạnh tổng hợp của cả hệ thống chính trị.",
        "Ba là, phải chú trọng xây dựng lực lượng nòng cốt ở cơ sở.",
    ]


def test_variant_heading_with_bullets() -> None:
    text = (
        "Nhiệm vụ trọng tâm năm 2024\n"
        "- Tiếp tục tham mưu cấp ủy, chính quyền lãnh đạo phong trào.\n"
        "- Đẩy mạnh công tác tuyên truyền, vận động quần chúng.\n"
        "+ Tổ chức tốt Ngày hội toàn dân bảo vệ ANTQ ở 100% xã.\n"
        "\n"
        "Nguyễn Văn An"
    )
    rows = extract_solutions("doc", text)
    assert [r.marker for r in rows] == ["-", "-"]
    assert rows[0].text == "Tiếp tục tham mưu cấp ủy, chính quyền lãnh đạo phong trào."
    assert rows[1].text.endswith("ở 100% xã.")  # the "+" sub-bullet belongs to the item


def test_weakness_list_with_ordinals_is_not_a_solution_list() -> None:
    text = (
        "Tuy nhiên, phong trào vẫn còn một số hạn chế sau:\n"
        "Một là, công tác tuyên truyền có nơi còn hình thức.\n"
        "Hai là, kinh phí cho các mô hình còn hạn hẹp."
    )
    assert extract_solutions("doc", text) == []


def test_letter_items_after_lessons_heading() -> None:
    text = (
        "III. BÀI HỌC KINH NGHIỆM\n"
        "a) Phải đặt phong trào dưới sự lãnh đạo trực tiếp của cấp ủy đảng.\n"
        "b) Phải lấy cơ sở làm địa bàn trọng tâm để xây dựng phong trào."
    )
    rows = extract_solutions("doc", text)
    assert [(r.marker, r.ordinal) for r in rows] == [("a)", 1), ("b)", 2)]
    assert rows[0].summary == "Phải đặt phong trào dưới sự lãnh đạo trực tiếp của cấp ủy đảng."


def test_parenthesised_numbers_and_vietnamese_letter_order() -> None:
    text = (
        "Công an huyện Bảo Lâm đề xuất một số kiến nghị sau:\n"
        "1) Bộ Công an hỗ trợ kinh phí cho các mô hình tự quản ở vùng biên giới.\n"
        "d) Tỉnh bổ sung chế độ cho lực lượng tham gia bảo vệ ANTT ở cơ sở.\n"
        "2) Ủy ban nhân dân tỉnh sớm ban hành quy chế khen thưởng phong trào.\n"
        "đ) Các sở, ngành phối hợp chặt chẽ hơn trong công tác tuyên truyền."
    )
    rows = extract_solutions("doc", text)
    assert [(r.marker, r.ordinal) for r in rows] == [("1)", 1), ("2)", 2)]
    # The lettered lines sit under the numbered items they follow.
    assert rows[0].text.endswith("ở cơ sở.")
    assert rows[1].text.startswith("Ủy ban nhân dân tỉnh")

    lettered = extract_solutions("doc", text.replace("1)", "c)").replace("2)", "e)"))
    assert [(r.marker, r.ordinal) for r in lettered] == [("c)", 3), ("d)", 4), ("e)", 6), ("đ)", 5)]
