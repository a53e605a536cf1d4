"""Held-out reports (corpora/heldout) and the figure rules added while generalizing on them.

The held-out set differs in style from the seeds and the dev set: a formal
year-end report with Roman-numeral sections, a speech transcript, a news brief,
a Fatherland Front report, a plain-text table, a commune report, a 2025 report
after the province merger and unusual number forms. Its floors sit slightly
under the measured scores so a regression fails while noise does not.

The per-rule tests use realistic sentences in the style of those reports (not
retyped from them where a variant shows the rule better) and check both the
case the rule is for and the case it must leave alone.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from extractors.extract import extract_document
from extractors.records import Figure
from pipeline.evaluate.core import evaluate

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "corpora" / "heldout"
HELDOUT_GOLD = ROOT / "corpora" / "heldout_gold"

# Measured with the rules of indicators.yaml version 5: figure F1 0.943,
# indicator accuracy 0.960, kind accuracy 0.920 (before the rules: 0.943 / 0.904 / 0.867).
FIGURE_F1_FLOOR = 0.93
INDICATOR_ACCURACY_FLOOR = 0.95
KIND_ACCURACY_FLOOR = 0.90


@lru_cache(maxsize=1)
def heldout_result() -> dict:
    return evaluate(HELDOUT, HELDOUT_GOLD)


@lru_cache(maxsize=64)
def figures_of(text: str) -> tuple[Figure, ...]:
    return extract_document(text, with_entities="off").figures


def figure(text: str, value: float) -> Figure:
    found = [f for f in figures_of(text) if abs(f.value - value) < 1e-6]
    assert len(found) == 1, f"{value} in {text!r}: {[(f.value, f.indicator) for f in found]}"
    return found[0]


# --------------------------------------------------------------------------- floors


def test_heldout_set_is_complete() -> None:
    texts = sorted(p.stem for p in HELDOUT.glob("*.txt"))
    golds = sorted(p.stem for p in HELDOUT_GOLD.glob("*.json"))
    assert len(texts) == 8
    assert texts == golds


def test_heldout_figure_f1_floor() -> None:
    result = heldout_result()
    assert result["documents"] == 8
    assert result["figures"]["f1"] >= FIGURE_F1_FLOOR, result["figures"]


def test_heldout_indicator_accuracy_floor() -> None:
    assert heldout_result()["indicator_accuracy"] >= INDICATOR_ACCURACY_FLOOR


def test_heldout_kind_accuracy_floor() -> None:
    assert heldout_result()["kind_accuracy"] >= KIND_ACCURACY_FLOOR


def test_heldout_recall_and_qualifiers_stay_perfect() -> None:
    result = heldout_result()
    # heldout_07's gold keeps the commune's make-up ("có 9 thôn với hơn 4.100 hộ"),
    # which the codebook's Annotation conventions say is not a figure: 2 of 125.
    assert result["figures"]["recall"] >= 0.984
    assert result["qualifier_accuracy"] == 1.0


# --------------------------------------------------------------------------- charity money


def test_worth_of_security_cameras_is_not_charity() -> None:
    text = (
        "Mô hình “Camera an ninh” tiếp tục phát huy hiệu quả với 4.560 camera được lắp đặt "
        "tại các khu dân cư, trị giá trên 9,5 tỷ đồng do Nhân dân đóng góp."
    )
    assert figure(text, 9.5e9).indicator == "unclassified"


def test_recovered_property_is_not_charity() -> None:
    text = (
        "Qua nguồn tin do quần chúng cung cấp, Công an huyện bắt 12 đối tượng, "
        "thu hồi tài sản trị giá gần 3 triệu đồng."
    )
    fig = figure(text, 3e6)
    assert fig.indicator == "unclassified"
    assert fig.qualifier == "about"


def test_gift_worth_is_still_charity() -> None:
    text = "Dịp Tết, Công an tỉnh trao tặng 500 suất quà trị giá 250 triệu đồng cho hộ nghèo."
    assert figure(text, 2.5e8).indicator == "charity_value_vnd"


# --------------------------------------------------------------------------- replicated models


def test_replication_scope_follows_the_count() -> None:
    text = (
        "Toàn thành phố hiện có 1.046 mô hình tự quản, trong đó có 05 mô hình được Bộ Công an "
        "công nhận và nhân rộng trong toàn quốc, 18 mô hình được nhân rộng trên địa bàn "
        "thành phố."
    )
    assert figure(text, 5).indicator == "models_replicated_national"
    assert figure(text, 18).indicator == "models_replicated_provincial"
    assert figure(text, 1046).indicator == "models_active"


def test_national_scope_named_before_the_count() -> None:
    text = "Số mô hình được nhân rộng trên toàn quốc là 09 mô hình."
    assert figure(text, 9).indicator == "models_replicated_national"


# --------------------------------------------------------------------------- grassroots and groups


def test_trainees_are_not_the_force_strength() -> None:
    text = (
        "Công an thành phố phối hợp mở 46 lớp tập huấn nghiệp vụ cho 3.870 thành viên "
        "tổ bảo vệ an ninh, trật tự ở cơ sở."
    )
    assert figure(text, 46).indicator == "trainings_held"
    trainees = figure(text, 3870)
    assert trainees.indicator == "unclassified"
    assert trainees.kind == "flow"


def test_force_strength_is_still_counted() -> None:
    text = "Toàn tỉnh hiện có 1.856 tổ bảo vệ an ninh, trật tự với 5.792 thành viên."
    assert figure(text, 5792).indicator == "grassroots_force_members"


def test_statutory_security_teams_are_not_model_groups() -> None:
    text = (
        "Công an xã củng cố 09 tổ bảo vệ an ninh, trật tự với 27 thành viên; thành lập mới "
        "01 mô hình “Khu nhà trọ an toàn”, nâng tổng số mô hình tự quản lên 06 mô hình."
    )
    teams = figure(text, 9)
    # the indicator counts people: the teams are no count of members, nor model groups
    assert teams.indicator == "unclassified"
    assert teams.kind == "stock"
    assert figure(text, 27).indicator == "grassroots_force_members"
    assert figure(text, 6).indicator == "models_active"


def test_self_management_groups_are_still_model_groups() -> None:
    text = "Mô hình được nhân rộng với 2.640 tổ tự quản ở khu dân cư."
    assert figure(text, 2640).indicator == "model_groups"


def test_mediation_teams_are_not_model_groups() -> None:
    text = "Gắn với xây dựng mô hình, Mặt trận các cấp củng cố 2.964 tổ hòa giải ở cơ sở."
    assert figure(text, 2964).indicator == "unclassified"


# --------------------------------------------------------------------------- patrols, media


def test_patrol_verb_before_the_count() -> None:
    text = (
        "Lực lượng ở cơ sở với 9.650 thành viên đã phối hợp tuần tra 14.320 cuộc "
        "trên các tuyến kênh, rạch."
    )
    patrols = figure(text, 14320)
    assert patrols.indicator == "patrols"
    assert patrols.kind == "flow"


def test_broadcaster_before_the_count_makes_a_media_campaign() -> None:
    text = (
        "Đài Truyền thanh các huyện phát hơn 1.000 lượt các tin, bài tuyên truyền "
        "về an ninh, trật tự."
    )
    fig = figure(text, 1000)
    assert fig.indicator == "media_campaigns"
    assert fig.qualifier == "more_than"


def test_propaganda_rounds_without_a_broadcaster_are_not_media() -> None:
    text = "Công an xã tổ chức 238 buổi tuyên truyền về trật tự, an toàn giao thông."
    assert figure(text, 238).indicator == "traffic_campaigns"


# --------------------------------------------------------------------------- kind cues


def test_consolidated_teams_are_a_stock() -> None:
    text = "Mặt trận các cấp củng cố 2.964 tổ hòa giải với 14.820 hòa giải viên."
    teams, mediators = figure(text, 2964), figure(text, 14820)
    assert (teams.kind, mediators.kind) == ("stock", "stock")
    assert mediators.unit == "hòa giải viên"


def test_consolidating_and_building_new_stays_a_flow() -> None:
    text = "Năm 2022, toàn tỉnh đã củng cố, xây dựng mới 126 mô hình tự quản."
    assert figure(text, 126).kind == "flow"


def test_issued_documents_are_a_flow() -> None:
    text = "Công an thành phố đã tham mưu ban hành 07 văn bản chỉ đạo về xây dựng phong trào."
    assert figure(text, 7).kind == "flow"
