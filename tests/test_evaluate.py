"""The strict evaluator can say "wrong", and says "nothing to score" as null."""
# ruff: noqa: E501

import json

from pipeline.evaluate import evaluate, format_errors
from pipeline.evaluate.matching import clause_share, indicator_agrees, unit_agrees
from pipeline.evaluate.scores import prf

TEXT = (
    "Năm 2023, Công an tỉnh Kon Tum phối hợp tổ chức 1.160 đợt phát động phong trào "
    "toàn dân bảo vệ an ninh Tổ quốc với hơn 145.410 lượt người tham gia.\n"
)


ONE_FIGURE = "Năm 2023, toàn tỉnh Kon Tum tổ chức 1.160 đợt phát động phong trào toàn dân bảo vệ an ninh Tổ quốc.\n"


def _run(tmp_path, gold: dict, text: str = TEXT) -> dict:
    docs, golds = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir(parents=True)
    golds.mkdir(parents=True)
    (docs / "a.txt").write_text(text, encoding="utf-8")
    (golds / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return evaluate(docs, golds)


def _gold(indicator: str) -> dict:
    return {
        "province": "Kon Tum",
        "year": 2023,
        "figures": [
            {
                "indicator": indicator,
                "value": 1160,
                "qualifier": "exact",
                "quote": "1.160 đợt phát động phong trào",
            }
        ],
    }


def test_a_figure_with_the_wrong_indicator_is_wrong(tmp_path):
    result = _run(tmp_path, _gold("tips_received"))
    one_doc = result["per_document"]["a"]
    assert one_doc["numbers"]["f1"] > 0  # the number was found at the right place ...
    assert one_doc["numbers"]["recall"] == 1.0
    assert result["figures"]["tp"] == 0  # ... but with the wrong indicator
    assert result["figures"]["recall"] == 0.0
    assert result["indicator_accuracy"] == 0.0
    assert "CONFUSED 1160" in format_errors(result)


def test_only_figure_wrong_indicator_gives_figures_f1_zero_numbers_f1_one(tmp_path):
    result = _run(tmp_path, _gold("tips_received"), ONE_FIGURE)
    assert result["numbers"]["f1"] == 1.0
    assert result["figures"]["f1"] == 0.0
    right = _run(tmp_path / "right", _gold("campaign_sessions"), ONE_FIGURE)
    assert right["figures"]["f1"] == 1.0


def test_the_right_indicator_is_right_and_other_agrees_with_unclassified(tmp_path):
    result = _run(tmp_path, _gold("campaign_sessions"))
    assert result["figures"]["tp"] == 1
    assert indicator_agrees("other_camera_funding", "unclassified")
    assert not indicator_agrees("campaign_sessions", "unclassified")
    assert not indicator_agrees("other_x", "campaign_sessions")


def test_empty_categories_and_missing_gold_fields_are_null(tmp_path):
    result = _run(tmp_path, _gold("campaign_sessions"))
    # no solutions, no named models, no weaknesses key in gold: nothing to score
    assert result["solutions"]["f1"] is None
    assert result["named_models"]["precision"] is None
    assert result["document_scope_accuracy"] is None  # scope missing from gold
    assert result["document_province_accuracy"] == 1.0
    assert prf(0, 0, 0)["f1"] is None
    assert prf(0, 3, 0)["precision"] == 0.0  # predictions with no gold are wrong, not null


def test_an_empty_gold_date_is_no_date(tmp_path):
    """Annotators write "" or null for a page that gives no date: both mean none."""
    undated = {**_gold("campaign_sessions"), "published": ""}
    assert _run(tmp_path, undated)["document_published_accuracy"] == 1.0
    dated = {**_gold("campaign_sessions"), "published": "2023-12"}
    assert _run(tmp_path / "dated", dated)["document_published_accuracy"] == 0.0


def test_clauses_match_when_they_share_half_their_words():
    gold = "Một bộ phận cán bộ, đảng viên và nhân dân nhận thức chưa đầy đủ"
    assert clause_share(gold, "bộ phận cán bộ, đảng viên nhận thức chưa đầy đủ") >= 0.5
    assert clause_share(gold, "kinh phí cho mô hình còn thiếu") < 0.5
    assert unit_agrees("lượt người", "lượt")
    assert not unit_agrees("nguồn tin", "vụ")


SOLUTIONS = (
    "Năm 2023, tỉnh Kon Tum rút ra một số kinh nghiệm sau:\n\n"
    "Thứ nhất, cấp ủy, chính quyền phải trực tiếp lãnh đạo việc xây dựng phong trào ở cơ sở. "
    "Nơi nào cấp ủy quan tâm sâu sát thì nơi đó phong trào chuyển biến rõ rệt, người dân "
    "tích cực tham gia cung cấp nguồn tin, tố giác tội phạm và giữ gìn trật tự thôn xóm.\n\n"
    "Thứ hai, phải lấy người dân làm trung tâm trong mọi mô hình tự quản ở khu dân cư. "
    "Các mô hình chỉ bền vững khi người dân tự nguyện tham gia, tự đóng góp kinh phí và tự "
    "giám sát hoạt động của tổ, không chạy theo số lượng hay thành tích.\n"
)


def test_a_solution_is_scored_by_its_first_sentence(tmp_path):
    gold = {
        "province": "Kon Tum",
        "year": 2023,
        "figures": [],
        "solutions": [
            "Thứ nhất, cấp ủy, chính quyền phải trực tiếp lãnh đạo việc xây dựng phong trào ở cơ sở.",
            "Thứ hai, phải lấy người dân làm trung tâm trong mọi mô hình tự quản ở khu dân cư.",
        ],
    }
    result = _run(tmp_path, gold, SOLUTIONS)
    assert result["solutions"]["recall"] == 1.0
    assert result["solutions"]["precision"] == 1.0


def test_a_wrong_figure_period_shows_both_spans(tmp_path):
    """The scored field is the span: the error list shows the gold document span and
    the figure's, not the year both sides may lack."""
    gold = _gold("campaign_sessions") | {
        "period": {
            "start": "2023-01-01",
            "end": "2023-06-30",
            "label": "6 tháng đầu năm 2023",
            "precision": "half",
        },
    }
    result = _run(tmp_path, gold, ONE_FIGURE)
    (confusion,) = result["per_document"]["a"]["confusions"]
    assert confusion["wrong"] == ["period"]
    assert confusion["gold"]["period"] == ["2023-01-01", "2023-06-30"]
    assert confusion["predicted"]["period"] == ["2023-01-01", "2023-12-31"]
    assert "period: gold ['2023-01-01', '2023-06-30'] got ['2023-01-01', '2023-12-31']" in (
        format_errors(result)
    )


def test_a_gold_period_given_to_the_year_or_month_names_its_whole_span(tmp_path):
    """``"2023"`` as a start is 1 January and as an end 31 December; ``"2023-06"`` as
    an end is 30 June. A year-long span is right, a half-year is still wrong."""
    whole_year = _gold("campaign_sessions") | {"period": {"start": "2023", "end": "2023-12"}}
    assert _run(tmp_path, whole_year, ONE_FIGURE)["document_period_accuracy"] == 1.0
    half = _gold("campaign_sessions") | {"period": {"start": "2023-01", "end": "2023-06"}}
    result = _run(tmp_path / "half", half, ONE_FIGURE)
    assert result["document_period_accuracy"] == 0.0
    (confusion,) = result["per_document"]["a"]["confusions"]
    assert confusion["gold"]["period"] == ["2023-01-01", "2023-06-30"]


def test_a_named_model_may_be_an_object_with_its_name(tmp_path):
    text = (
        "Năm 2023, huyện Đăk Hà (Kon Tum) duy trì 12 mô hình “Tổ tự quản về an ninh trật tự” "
        "ở các thôn, làng.\n"
    )
    gold = {
        "province": "Kon Tum",
        "year": 2023,
        "figures": [],
        "named_models": [{"name": "Tổ tự quản về an ninh trật tự", "province": "Kon Tum"}],
    }
    result = _run(tmp_path, gold, text)
    assert result["named_models"]["gold"] == 1
    assert result["named_models"]["recall"] == 1.0
    wrong = {**gold, "named_models": [{"name": "Câu lạc bộ người hoàn lương"}]}
    assert _run(tmp_path / "wrong", wrong, text)["named_models"]["recall"] == 0.0
