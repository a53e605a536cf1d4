"""Weakness and solution themes on real and realistic Vietnamese clauses."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from extractors.clauses import themes
from extractors.clauses.themes import (
    OTHER,
    build_model,
    classify_solutions,
    classify_weaknesses,
    discover_themes,
    evaluate_theme_classifier,
    gold_rows,
    theme_codes,
    training_rows,
)

GOLD_DIR = Path(__file__).resolve().parents[1] / "corpora" / "gold"

# Clauses written for the test in the style of provincial reports (not in the
# gold, not in the seed phrases), one per theme.
WEAKNESS_VARIANTS = [
    (
        "Nhận thức của một bộ phận quần chúng về phong trào còn hạn chế, chưa tích cực tham "
        "gia tố giác tội phạm",
        "awareness_low",
    ),
    (
        "một số cấp ủy Đảng, chính quyền chưa nhận thức đúng về ý nghĩa, tầm quan trọng của "
        "công tác xây dựng, nhân rộng mô hình nên chưa quan tâm chỉ đạo, tổ chức thực hiện "
        "quyết liệt",
        "leadership_weak",
    ),
    (
        "sự phối hợp giữa các ban, ngành, đoàn thể trong công tác tuyên truyền vận động Nhân "
        "dân chưa được thường xuyên, chặt chẽ",
        "coordination_weak",
    ),
    (
        "Kinh phí hỗ trợ cho các tổ tự quản còn thấp, trang thiết bị phục vụ tuần tra còn thiếu",
        "resources_lacking",
    ),
    (
        "Hình thức tuyên truyền chưa phong phú, chưa thu hút được đồng bào dân tộc thiểu số",
        "propaganda_ineffective",
    ),
    (
        "Một số mô hình tự quản về an ninh, trật tự hoạt động hình thức, chạy theo số lượng",
        "models_formalistic",
    ),
    ("Việc kiểm tra, đôn đốc, sơ kết đánh giá các mô hình chưa thường xuyên", "review_irregular"),
    (
        "công tác khen thưởng đối với quần chúng có thành tích trong tố giác tội phạm còn chậm",
        "rewards_late",
    ),
    (
        "Phong trào trong các cơ quan nhà nước, doanh nghiệp nhà nước chưa được chú trọng",
        "state_agencies_lagging",
    ),
    (
        "Việc huy động các nguồn lực xã hội hóa từ doanh nghiệp cho phong trào còn ít",
        "socialization_weak",
    ),
    (
        "ở một số địa bàn vùng sâu, vùng xa hiệu quả phong trào chưa cao",
        "effectiveness_low",
    ),
]


@pytest.mark.parametrize(("text", "theme"), WEAKNESS_VARIANTS)
def test_weakness_variants_get_their_theme(text, theme):
    [(predicted, score)] = classify_weaknesses([text])
    assert predicted == theme
    assert 0 < score <= 1


def test_every_codebook_theme_is_reachable():
    assert {theme for _, theme in WEAKNESS_VARIANTS} | {"leadership_weak"} == set(theme_codes())


@pytest.mark.parametrize(
    "text",
    [
        "tình hình tội phạm trộm cắp tài sản diễn biến phức tạp",
        "thời tiết mưa lũ kéo dài làm hư hỏng nhiều tuyến đường",
    ],
)
def test_off_codebook_clauses_are_other(text):
    [(predicted, score)] = classify_weaknesses([text])
    assert predicted == OTHER
    assert score < themes.theme_threshold("weaknesses")


def test_yaml_other_examples_stay_below_the_threshold():
    for kind, classify in (("weaknesses", classify_weaknesses), ("solutions", classify_solutions)):
        examples = themes.codebook()["other_examples"][kind]
        assert [theme for theme, _ in classify(examples)].count(OTHER) >= len(examples) - 1


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        (
            "Tăng cường phối hợp giữa lực lượng Công an với các ban, ngành, đoàn thể",
            "coordination_weak",
        ),
        (
            "Đẩy mạnh công tác tuyên truyền, phổ biến pháp luật trong Nhân dân",
            "propaganda_ineffective",
        ),
        ("Kịp thời biểu dương, khen thưởng tập thể, cá nhân có thành tích", "rewards_late"),
        (
            "Bố trí kinh phí, trang bị phương tiện cho lực lượng bảo vệ ANTT ở cơ sở",
            "resources_lacking",
        ),
        ("Nâng cao vai trò lãnh đạo của cấp ủy, chính quyền các cấp", "leadership_weak"),
    ],
)
def test_solutions_use_the_same_themes(text, theme):
    assert classify_solutions([text])[0][0] == theme


def test_empty_input_gives_empty_output():
    assert classify_weaknesses([]) == [] and classify_solutions([]) == []


def test_model_is_deterministic_and_cheap_to_build():
    started = time.perf_counter()
    first = build_model("weaknesses")
    elapsed = time.perf_counter() - started
    second = build_model("weaknesses")
    texts = [text for text, _ in WEAKNESS_VARIANTS]
    assert first.predict(texts) == second.predict(texts)
    assert elapsed < 1.0


def test_gold_labels_cover_exactly_the_gold_weaknesses():
    labelled = {(row["doc"], row["text"]) for row in gold_rows("weaknesses")}
    gold = set()
    for path in GOLD_DIR.glob("*.json"):
        for clause in json.loads(path.read_text(encoding="utf-8")).get("weaknesses", []):
            gold.add((path.stem, clause))
    assert labelled == gold
    allowed = set(theme_codes()) | {OTHER}
    assert {row["theme"] for row in gold_rows("weaknesses")} <= allowed
    assert {row["theme"] for row in gold_rows("solutions")} <= allowed


def test_held_out_documents_never_reach_training():
    for kind in ("weaknesses", "solutions"):
        for doc in {row["doc"] for row in gold_rows(kind)}:
            trained = {text for text, _ in training_rows(kind, exclude_docs=[doc])}
            held_out = {row["text"] for row in gold_rows(kind) if row["doc"] == doc}
            assert not trained & held_out


def test_evaluation_is_cross_validated_by_document():
    report = evaluate_theme_classifier()
    assert report["n"] == len(gold_rows("weaknesses")) == 17
    assert report["folds"] == 3
    assert report["accuracy"] >= 0.8
    assert sum(v["n"] for v in report["per_theme"].values()) == report["n"]
    assert len(report["errors"]) == round(report["n"] * (1 - report["accuracy"]))
    solutions = evaluate_theme_classifier("solutions")
    assert solutions["n"] == 20 and solutions["accuracy"] >= 0.6


def test_discover_themes_groups_new_topics_with_terms_and_examples():
    forces = [
        "lực lượng chuyên trách còn mỏng, trình độ chuyên môn nghiệp vụ chưa đồng đều",
        "lực lượng Công an xã bán chuyên trách còn thiếu, trình độ nghiệp vụ hạn chế",
        "trình độ chuyên môn nghiệp vụ của lực lượng bảo vệ dân phố còn hạn chế",
    ]
    drugs = [
        "tội phạm ma túy trên tuyến biên giới diễn biến phức tạp",
        "tình hình ma túy tổng hợp trong thanh thiếu niên gia tăng",
        "tội phạm mua bán ma túy qua biên giới hoạt động tinh vi",
    ]
    texts = [forces[0], drugs[0], forces[1], drugs[1], forces[2], drugs[2]]
    candidates = discover_themes(texts)
    assert len(candidates) == 2
    groups = sorted(sorted(c["indices"]) for c in candidates)
    assert groups == [[0, 2, 4], [1, 3, 5]]
    drug_group = next(c for c in candidates if 1 in c["indices"])
    assert "ma_túy" in drug_group["top_terms"][0].replace(" ", "_")
    assert set(drug_group["examples"]) <= set(drugs)
    assert all(c["size"] == 3 for c in candidates)
    assert discover_themes(texts) == candidates  # deterministic


def test_discover_themes_with_a_fixed_number_and_degenerate_input():
    texts = [text for text, _ in WEAKNESS_VARIANTS]
    candidates = discover_themes(texts, n_clusters=4)
    assert len(candidates) == 4
    assert sorted(i for c in candidates for i in c["indices"]) == list(range(len(texts)))
    assert [c["size"] for c in candidates] == sorted((c["size"] for c in candidates), reverse=True)
    assert discover_themes([]) == []
    assert discover_themes(["và của các"]) == []
