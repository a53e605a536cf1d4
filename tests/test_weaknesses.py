"""Weakness clauses on the seed reports and on variant wordings from other provinces."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from extractors.clauses.weaknesses import extract_weaknesses, sentence_spans

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
SEEDS = sorted((CORPORA / "seeds").glob("*.txt"))


def _seed(prefix: str) -> str:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def _gold_spans(path: Path, text: str) -> list[tuple[int, int]]:
    gold = json.loads((CORPORA / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
    spans = []
    for clause in gold["weaknesses"]:
        clause = unicodedata.normalize("NFC", clause)
        start = text.index(clause)
        spans.append((start, start + len(clause)))
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _texts(text: str) -> list[str]:
    return [w.text for w in extract_weaknesses("doc", text)]


def test_seed_recall_and_precision_by_overlap() -> None:
    gold_total = found = predicted = correct = 0
    for path in SEEDS:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        gold = _gold_spans(path, text)
        spans = [(w.start, w.end) for w in extract_weaknesses(path.stem, text)]
        gold_total += len(gold)
        found += sum(any(_overlaps(g, p) for p in spans) for g in gold)
        predicted += len(spans)
        correct += sum(any(_overlaps(g, p) for g in gold) for p in spans)
    assert gold_total == 17
    assert found / gold_total >= 0.9
    assert correct / predicted >= 0.9


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_records_point_back_into_the_text(path: Path) -> None:
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    for weakness in extract_weaknesses("doc", text):
        assert text[weakness.start : weakness.end] == weakness.text
        assert weakness.theme == "other"
        assert weakness.text == weakness.text.strip(" .;,:")


def test_intro_list_after_colon_spans_paragraphs() -> None:
    # Seed 001: the list opened by "còn một số hạn chế như:" runs over four paragraphs.
    texts = _texts(_seed("001"))
    assert texts[0] == (
        "Công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc ở một số nơi "
        "hiệu quả chưa cao"
    )
    assert "Một bộ phận cán bộ, đảng viên và nhân dân nhận thức chưa đầy đủ" in texts
    assert texts[-1].startswith("mới chỉ tập trung xây dựng cơ quan an toàn")
    assert not any("Bên cạnh những kết quả" in t for t in texts)
    assert not any("giải pháp" in t for t in texts)


def test_parenthesised_ellipsis_does_not_end_the_clause() -> None:
    texts = _texts(_seed("001"))
    assert any(
        t.endswith("(khu vực đồng bào dân tộc thiểu số, địa bàn biên giới...)") for t in texts
    )


def test_comma_opens_a_new_clause_only_with_its_own_subject() -> None:
    texts = _texts(_seed("002"))
    assert (
        "Có lúc, có nơi, việc kiểm tra, đánh giá hoạt động của mô hình chưa được thực hiện "
        "thường xuyên" in texts
    )
    assert any(t.startswith("việc nhân rộng các mô hình") for t in texts)
    # "Kinh phí, cơ sở vật chất, phương tiện ..." is one subject, not three clauses.
    assert any(t.startswith("Kinh phí, cơ sở vật chất, phương tiện") for t in texts)
    assert len(texts) == 5


def test_forecast_after_the_list_is_not_a_weakness() -> None:
    texts = _texts(_seed("002"))
    assert not any("sơ hở, thiếu sót" in t for t in texts)
    assert not any("Khắc phục" in t for t in texts)


def test_cause_statement_ends_the_section() -> None:
    text = _seed("004")
    texts = _texts(text)
    assert len(texts) == 3
    assert not any("nhận thức đúng" in t for t in texts)
    assert not any("người dân có hoàn cảnh khó khăn" in t for t in texts)


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_reports_without_admitted_shortcomings(prefix: str) -> None:
    # 000 says "nêu cao tinh thần khắc phục mọi khó khăn" and "phát hiện những hạn chế".
    assert _texts(_seed(prefix)) == []


def test_cue_is_the_word_that_opened_the_section() -> None:
    assert {w.cue for w in extract_weaknesses("doc", _seed("004"))} == {"hạn chế"}


def test_variant_ton_tai_han_che_with_colon() -> None:
    text = (
        "Năm 2022, phong trào toàn dân bảo vệ an ninh Tổ quốc trên địa bàn tỉnh Hà Giang "
        "tiếp tục được duy trì.\n\nTuy nhiên, vẫn còn một số tồn tại, hạn chế: công tác tuyên "
        "truyền ở vùng sâu, vùng xa chưa thường xuyên; một số mô hình hoạt động cầm chừng, kém "
        "hiệu quả; kinh phí hỗ trợ cho lực lượng nòng cốt còn thấp.\n\nThời gian tới, Công an "
        "tỉnh sẽ tập trung chỉ đạo khắc phục những hạn chế nêu trên."
    )
    rows = extract_weaknesses("doc", text)
    assert [r.text for r in rows] == [
        "công tác tuyên truyền ở vùng sâu, vùng xa chưa thường xuyên",
        "một số mô hình hoạt động cầm chừng, kém hiệu quả",
        "kinh phí hỗ trợ cho lực lượng nòng cốt còn thấp",
    ]
    assert rows[0].cue == "tồn tại, hạn chế"


def test_variant_heading_with_bullets_stops_at_next_heading() -> None:
    text = (
        "Khó khăn, vướng mắc:\n"
        "- Trang thiết bị phục vụ tuần tra của lực lượng tham gia bảo vệ ANTT ở cơ sở còn thiếu, "
        "chưa đồng bộ.\n"
        "- Sự phối hợp giữa các ngành trong quản lý người nghiện ma túy có lúc chưa chặt chẽ.\n"
        "Phương hướng, nhiệm vụ năm 2024:\n"
        "- Tiếp tục đẩy mạnh công tác tuyên truyền, khắc phục các hạn chế còn tồn tại."
    )
    assert _texts(text) == [
        "Trang thiết bị phục vụ tuần tra của lực lượng tham gia bảo vệ ANTT ở cơ sở còn thiếu, "
        "chưa đồng bộ",
        "Sự phối hợp giữa các ngành trong quản lý người nghiện ma túy có lúc chưa chặt chẽ",
    ]


def test_variant_section_without_colon_over_paragraphs_until_cause() -> None:
    text = (
        "Bên cạnh những kết quả đạt được, công tác xây dựng phong trào ở huyện Mường Tè vẫn còn "
        "những hạn chế nhất định.\n\n"
        "Nhận thức của một bộ phận quần chúng nhân dân về phong trào chưa đầy đủ, còn trông chờ, "
        "ỷ lại vào lực lượng Công an.\n\n"
        "Việc sơ kết, tổng kết các mô hình có nơi chưa kịp thời, công tác khen thưởng chưa tương "
        "xứng.\n\n"
        "Nguyên nhân chủ yếu là do kinh phí còn hạn chế, địa bàn rộng, giao thông đi lại khó khăn."
    )
    assert _texts(text) == [
        "Nhận thức của một bộ phận quần chúng nhân dân về phong trào chưa đầy đủ, còn trông chờ, "
        "ỷ lại vào lực lượng Công an",
        "Việc sơ kết, tổng kết các mô hình có nơi chưa kịp thời",
        "công tác khen thưởng chưa tương xứng",
    ]


def test_variant_lone_contrast_sentence() -> None:
    text = (
        "Tuy nhiên, công tác xây dựng phong trào ở một số xã còn mang tính hình thức, chưa gắn với "
        "nhiệm vụ phát triển kinh tế - xã hội.\n\n"
        "Qua phong trào, người dân đã cung cấp 120 nguồn tin có giá trị."
    )
    rows = extract_weaknesses("doc", text)
    assert [r.text for r in rows] == [
        "công tác xây dựng phong trào ở một số xã còn mang tính hình thức, chưa gắn với nhiệm vụ "
        "phát triển kinh tế - xã hội"
    ]
    assert rows[0].cue == "Tuy nhiên"


def test_hard_negatives_produce_nothing() -> None:
    text = (
        "Công an tỉnh đã vận động hỗ trợ 50 hộ gia đình có hoàn cảnh khó khăn. Mỗi cán bộ phải nêu "
        "cao tinh thần khắc phục mọi khó khăn, hoàn thành nhiệm vụ. Trong năm, trên địa bàn không "
        "để xảy ra điểm nóng về ANTT. Tuy nhiên, lực lượng chức năng chưa để xảy ra vụ việc phức "
        "tạp nào. Kịp thời phát hiện những hạn chế, thiếu sót để khắc phục.\n\n"
        "Dự báo thời gian tới, tội phạm sẽ lợi dụng những sơ hở, thiếu sót trong quản lý để hoạt "
        "động.\n\n"
        "Để nâng cao hiệu quả, cần thực hiện các giải pháp sau:\n"
        "Khắc phục những sơ hở, thiếu sót trong quản lý kinh tế - xã hội."
    )
    assert _texts(text) == []


def test_uppercase_heading_and_numbered_items() -> None:
    text = (
        "II. HẠN CHẾ, TỒN TẠI\n"
        "1. Một số cơ quan, doanh nghiệp chưa quan tâm xây dựng phong trào.\n"
        "2. Lực lượng bảo vệ dân phố còn thiếu kỹ năng nghiệp vụ.\n"
        "III. PHƯƠNG HƯỚNG NHIỆM VỤ\n"
        "1. Tiếp tục củng cố lực lượng còn mỏng."
    )
    assert _texts(text) == [
        "Một số cơ quan, doanh nghiệp chưa quan tâm xây dựng phong trào",
        "Lực lượng bảo vệ dân phố còn thiếu kỹ năng nghiệp vụ",
    ]


def test_sentence_spans_respect_abbreviations_and_parentheses() -> None:
    text = "Tại TP. Hồ Chí Minh (có 3 quận...). Kết quả tốt. Năm 2023 tăng 1.160 đợt."
    sentences = [text[s:e] for s, e in sentence_spans(text, 0, len(text))]
    assert sentences == [
        "Tại TP. Hồ Chí Minh (có 3 quận...).",
        "Kết quả tốt.",
        "Năm 2023 tăng 1.160 đợt.",
    ]


# (kind of admission, text, the clauses the rules must give, in order)
CLAUSE_CASES = [
    (
        "a contrast after a semicolon opens the weaknesses",
        "Đánh giá chung: phong trào tiếp tục phát triển; tuy nhiên, việc xây dựng phong trào "
        "trong các doanh nghiệp, khu công nghiệp còn hạn chế, một số nơi chưa quan tâm đúng mức.",
        [
            "việc xây dựng phong trào trong các doanh nghiệp, khu công nghiệp còn hạn chế",
            "một số nơi chưa quan tâm đúng mức",
        ],
    ),
    (
        "a spoken admission and where it ends",
        "Chúng ta đang có 612 mô hình tự quản. Nhưng tôi nói thật, có mô hình chỉ có trên giấy, "
        "ra mắt xong rồi để đó. Nhiều nơi thiếu kinh phí, người làm phong trào phải bỏ tiền túi. "
        "Đó là cái mà năm tới phải sửa.\n\n"
        "Năm 2024, tôi đề nghị: một là, cấp ủy phải trực tiếp lãnh đạo, không khoán trắng.",
        [
            "có mô hình chỉ có trên giấy, ra mắt xong rồi để đó",
            "Nhiều nơi thiếu kinh phí, người làm phong trào phải bỏ tiền túi",
        ],
    ),
    (
        "a bare admission opens the clauses that follow",
        "Thẳng thắn nhìn nhận, phong trào vẫn còn hạn chế. Một số doanh nghiệp chưa quan tâm; "
        "công tác phối hợp có lúc chưa chặt chẽ.\n\nThời gian tới, chúng tôi sẽ tiếp tục.",
        ["Một số doanh nghiệp chưa quan tâm", "công tác phối hợp có lúc chưa chặt chẽ"],
    ),
    (
        # the people name the shortcomings; the items are plain nouns, the last one negated
        "the items of a list an admission announces need no negation",
        "Tại hội nghị, bà con đã nêu lên một số bất cập sau: xe tải chở quá tải "
        "chạy qua thôn; nạn trộm chó; tụ tập uống rượu khuya… chưa được xử lý dứt điểm.",
        [
            "xe tải chở quá tải chạy qua thôn",
            "nạn trộm chó",
            "tụ tập uống rượu khuya… chưa được xử lý dứt điểm",
        ],
    ),
    (
        "two shortcoming nouns in a row without a comma, then 'như' announce the list",
        "Ngoài những việc đã làm được, xã vẫn bộc lộ các khó khăn vướng mắc như việc họp dân "
        "chưa đều, nhiều hộ chưa lắp đèn chiếu sáng.",
        ["việc họp dân chưa đều, nhiều hộ chưa lắp đèn chiếu sáng"],
    ),
]


@pytest.mark.parametrize(
    ("kind", "text", "expected"), CLAUSE_CASES, ids=[c[0] for c in CLAUSE_CASES]
)
def test_clauses_of_an_admission(kind: str, text: str, expected: list[str]) -> None:
    assert [w.text for w in extract_weaknesses("d", text)] == expected, kind


def test_plain_nouns_without_an_announcing_noun_are_not_admissions() -> None:
    assert extract_weaknesses("d", "Tại hội nghị, bà con nói về xe tải; nạn trộm chó.") == []


def test_a_body_proposing_to_the_authorities_ends_the_weaknesses() -> None:
    text = (
        "Tuy nhiên, lực lượng tuần tra ban đêm ở các thôn còn thiếu, chưa đều. Đánh giá khó "
        "khăn còn nhiều, Hội đồng đề nghị UBND xã tiếp tục đôn đốc, khắc phục những tồn tại, "
        "vướng mắc."
    )
    clauses = [w.text for w in extract_weaknesses("d", text)]
    assert clauses and not any("đề nghị" in c or "khắc phục" in c for c in clauses)
