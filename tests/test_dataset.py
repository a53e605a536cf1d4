"""The comparable table's aggregation rules, on small hand-built corpora."""

from __future__ import annotations

import pandas as pd
import pytest

from extractors.records import Document, Figure, Weakness, to_row
from pipeline.store.dataset import province_indicators
from pipeline.store.theme_tables import theme_matrix


def _doc(doc_id: str, text: str, **kwargs) -> Document:
    fields = {"province": "Bạc Liêu", "province_2025": "Cà Mau", "period": 2023}
    fields.update(kwargs)
    return Document(doc_id=doc_id, text=text, **fields)


def _figures(doc: Document, specs: list[tuple]) -> list[Figure]:
    """Figures found in ``doc.text``: (evidence, value, indicator, kind, extra fields).

    The evidence is looked up in the text, so offsets and sentences are the
    ones an extractor would give; ``occurrence`` picks a later repeat.
    """
    figures = []
    for spec in specs:
        evidence, value, indicator, kind, *rest = spec
        extra = dict(rest[0]) if rest else {}
        occurrence = extra.pop("occurrence", 0)
        start = -1
        for _ in range(occurrence + 1):
            start = doc.text.index(evidence, start + 1)
        end = start + len(evidence)
        sentence_start = max(doc.text.rfind(".", 0, start), doc.text.rfind("\n", 0, start)) + 1
        stops = [i for i in (doc.text.find(".", end), doc.text.find("\n", end)) if i >= 0]
        sentence_end = min(stops) if stops else len(doc.text)
        digits = next(i for i in range(start, end) if doc.text[i].isdigit())
        figures.append(
            Figure(
                doc_id=doc.doc_id,
                start=start,
                end=end,
                value=value,
                indicator=indicator,
                kind=kind,
                unit=extra.pop("unit", None),
                period=doc.period,
                province=doc.province,
                province_2025=doc.province_2025,
                number_start=digits,
                number_end=digits + 2,
                sentence=doc.text[sentence_start:sentence_end],
                sentence_start=sentence_start,
                **extra,
            )
        )
    return figures


def _table(pairs: list[tuple[Document, list[Figure]]]) -> pd.DataFrame:
    documents = pd.DataFrame([to_row(doc) for doc, _ in pairs])
    figures = pd.DataFrame([to_row(f) for _, figs in pairs for f in figs])
    return province_indicators(figures, documents)


def _one(table: pd.DataFrame, **where) -> pd.Series:
    mask = pd.Series(True, index=table.index)
    for column, value in where.items():
        mask &= table[column] == value
    rows = table[mask]
    assert len(rows) == 1, rows
    return rows.iloc[0]


BAC_LIEU = (
    "Trong năm 2023, Công an toàn tỉnh phát động phong trào toàn dân bảo vệ an ninh Tổ quốc "
    "1.406 cuộc, 131.274 người tham dự, phát 155.853 tờ rơi. "
    "Đã tổ chức 03 lớp bồi dưỡng nghiệp vụ cho lực lượng Bảo vệ dân phố; 05 lớp tập huấn "
    "nghiệp vụ cho lực lượng Bảo vệ cơ quan, doanh nghiệp và 128 lớp huấn luyện về PCCC."
)


def test_flow_parts_in_one_document_are_summed():
    doc = _doc("bl", BAC_LIEU)
    figs = _figures(
        doc,
        [
            ("03 lớp", 3, "trainings_held", "flow", {"unit": "lớp"}),
            ("05 lớp", 5, "trainings_held", "flow", {"unit": "lớp"}),
            ("128 lớp", 128, "trainings_held", "flow", {"unit": "lớp"}),
            ("1.406 cuộc", 1406, "campaign_sessions", "flow", {"unit": "cuộc"}),
        ],
    )
    table = _table([(doc, figs)])
    row = _one(table, indicator="trainings_held")
    assert row["value"] == 136
    assert row["n_figures"] == 3 and row["n_documents"] == 1
    assert row["aggregation"] == "sum_of_parts"
    assert set(row["figure_ids"].split(";")) == {f.figure_id for f in figs[:3]}
    assert _one(table, indicator="campaign_sessions")["value"] == 1406


AWARDS = (
    "Trao tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 03 tập thể, 05 cá nhân; Bằng khen "
    "của Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh cho 01 tập thể, 02 cá nhân và Giám đốc "
    "Công an tỉnh tặng Giấy khen cho 01 tập thể, 06 cá nhân.\n"
    "Ảnh: Giám đốc Công an tỉnh tặng Giấy khen cho 01 tập thể, 06 cá nhân."
)


def test_equal_numbers_in_one_sentence_are_parts_but_a_caption_repeat_counts_once():
    doc = _doc("kt", AWARDS, province="Kon Tum", province_2025="Quảng Ngãi")
    figs = _figures(
        doc,
        [
            ("03 tập thể", 3, "awards_collective", "flow", {"unit": "tập thể"}),
            ("01 tập thể", 1, "awards_collective", "flow", {"unit": "tập thể"}),
            ("01 tập thể", 1, "awards_collective", "flow", {"unit": "tập thể", "occurrence": 1}),
            ("01 tập thể", 1, "awards_collective", "flow", {"unit": "tập thể", "occurrence": 2}),
            ("06 cá nhân", 6, "awards_individual", "flow", {"unit": "cá nhân"}),
            ("06 cá nhân", 6, "awards_individual", "flow", {"unit": "cá nhân", "occurrence": 1}),
        ],
    )
    table = _table([(doc, figs)])
    collective = _one(table, indicator="awards_collective")
    assert collective["value"] == 5  # 03 + 01 + 01; the caption's 01 is a repeat
    assert collective["n_figures"] == 4
    individual = _one(table, indicator="awards_individual")
    assert individual["value"] == 6
    assert "repeat_once" in individual["aggregation"]


CAPTION = (
    "Thăm Câu lạc bộ 3 tích cực – một trong 09 mô hình của Bạc Liêu được nhân rộng toàn quốc\n"
    "Trong năm 2023, lực lượng Công an đã tiếp nhận hơn 400 nguồn tin có giá trị.\n"
    "Ảnh: Đoàn công tác thăm tổ tự quản – một trong 09 mô hình của Bạc Liêu được nhân rộng "
    "toàn quốc\nCác mô hình đã cung cấp hơn 400 nguồn tin có giá trị liên quan ANTT."
)


def test_the_same_fact_repeated_in_captions_counts_once():
    doc = _doc("cap", CAPTION)
    figs = _figures(
        doc,
        [
            ("09 mô hình", 9, "models_replicated_national", "stock", {"unit": "mô hình"}),
            ("09 mô hình", 9, "models_replicated_national", "stock", {"occurrence": 1}),
            ("hơn 400 nguồn tin", 400, "tips_valuable", "flow", {"qualifier": "more_than"}),
            (
                "hơn 400 nguồn tin",
                400,
                "tips_valuable",
                "flow",
                {"qualifier": "more_than", "occurrence": 1},
            ),
        ],
    )
    table = _table([(doc, figs)])
    tips = _one(table, indicator="tips_valuable")
    assert tips["value"] == 400 and tips["qualifier"] == "more_than"
    assert tips["n_figures"] == 2 and tips["aggregation"] == "repeat_once"


STOCKS = (
    "Hiện nay Công an tỉnh đã bố trí Công an xã chính quy tại 85/85 xã và 07/07 thị trấn. "
    "Hiện toàn tỉnh có 91 mô hình tự quản về ANTT, trong đó có 40 mô hình tự quản hoạt động "
    "hiệu quả."
)


def test_stocks_take_the_largest_in_one_unit_and_add_different_units():
    doc = _doc("st", STOCKS, province="Kon Tum", province_2025="Quảng Ngãi")
    figs = _figures(
        doc,
        [
            (
                "85/85 xã",
                85,
                "grassroots_police_coverage",
                "stock",
                {"unit": "xã", "denominator": 85},
            ),
            (
                "07/07 thị trấn",
                7,
                "grassroots_police_coverage",
                "stock",
                {"unit": "thị trấn", "denominator": 7},
            ),
            ("91 mô hình", 91, "models_active", "stock", {"unit": "mô hình"}),
            ("40 mô hình", 40, "models_active", "stock", {"unit": "mô hình"}),
        ],
    )
    table = _table([(doc, figs)])
    coverage = _one(table, indicator="grassroots_police_coverage")
    assert (coverage["value"], coverage["denominator"]) == (92, 92)
    assert coverage["aggregation"] == "sum_of_units"
    models = _one(table, indicator="models_active")
    assert models["value"] == 91 and models["aggregation"] == "largest"


def test_a_stock_and_a_flow_never_add_up():
    text = (
        "Năm 2023 đã xây dựng mới 12 mô hình tự quản. Hiện toàn tỉnh có 91 mô hình tự quản về ANTT."
    )
    doc = _doc("sf", text)
    figs = _figures(
        doc,
        [
            ("12 mô hình", 12, "models_active", "flow", {"unit": "mô hình"}),
            ("91 mô hình", 91, "models_active", "stock", {"unit": "mô hình"}),
        ],
    )
    table = _table([(doc, figs)])
    assert _one(table, indicator="models_active", kind="flow")["value"] == 12
    assert _one(table, indicator="models_active", kind="stock")["value"] == 91


QUANG_NINH = (
    "Hiện toàn tỉnh có 91 mô hình tự quản về ANTT, gồm 5 mô hình cấp tỉnh, 25 mô hình cấp huyện "
    "và 61 mô hình cấp phường, xã."
)


def test_a_breakdown_never_adds_to_its_total():
    doc = _doc("qn", QUANG_NINH, province="Quảng Ninh", province_2025="Quảng Ninh", period=2012)
    figs = _figures(
        doc,
        [
            ("91 mô hình", 91, "models_active", "stock", {"unit": "mô hình"}),
            (
                "5 mô hình",
                5,
                "models_active",
                "stock",
                {"unit": "mô hình", "breakdown": "cấp tỉnh"},
            ),
            (
                "25 mô hình",
                25,
                "models_active",
                "stock",
                {"unit": "mô hình", "breakdown": "cấp huyện"},
            ),
            (
                "61 mô hình",
                61,
                "models_active",
                "stock",
                {"unit": "mô hình", "breakdown": "cấp phường, xã"},
            ),
        ],
    )
    row = _one(_table([(doc, figs)]), indicator="models_active")
    assert row["value"] == 91
    assert row["figure_ids"] == figs[0].figure_id
    assert row["aggregation"] == "total_over_breakdown"


def test_breakdown_parts_are_summed_and_marked_when_there_is_no_total():
    doc = _doc("qn2", QUANG_NINH, province="Quảng Ninh", province_2025="Quảng Ninh", period=2012)
    figs = _figures(
        doc,
        [
            (
                "5 mô hình",
                5,
                "models_active",
                "stock",
                {"unit": "mô hình", "breakdown": "cấp tỉnh"},
            ),
            (
                "25 mô hình",
                25,
                "models_active",
                "stock",
                {"unit": "mô hình", "breakdown": "cấp huyện"},
            ),
            (
                "61 mô hình",
                61,
                "models_active",
                "stock",
                {"unit": "mô hình", "breakdown": "cấp phường, xã"},
            ),
        ],
    )
    row = _one(_table([(doc, figs)]), indicator="models_active")
    assert row["value"] == 91
    assert "from_breakdown" in row["aggregation"]


def test_breakdown_flow_parts_with_a_total():
    text = "Năm 2023 tổ chức 500 lớp tập huấn, trong đó cấp tỉnh 20 lớp, cấp huyện 480 lớp."
    doc = _doc("bd", text)
    figs = _figures(
        doc,
        [
            ("500 lớp", 500, "trainings_held", "flow", {"unit": "lớp"}),
            ("20 lớp", 20, "trainings_held", "flow", {"unit": "lớp", "breakdown": "cấp tỉnh"}),
            ("480 lớp", 480, "trainings_held", "flow", {"unit": "lớp", "breakdown": "cấp huyện"}),
        ],
    )
    assert _one(_table([(doc, figs)]), indicator="trainings_held")["value"] == 500


def test_district_figures_never_stand_for_the_province():
    province_doc = _doc("p", "Trong năm 2023, toàn tỉnh tiếp nhận 1.994 nguồn tin liên quan ANTT.")
    district_doc = _doc(
        "d",
        "Trong năm 2023, Công an huyện Hòa Bình tiếp nhận 215 nguồn tin về ANTT.",
        scope="district",
        scope_name="Hòa Bình",
    )
    only_district = _doc(
        "d2",
        "Năm 2023, Công an huyện Hòa Bình tổ chức 64 diễn đàn lắng nghe ý kiến Nhân dân.",
        scope="district",
        scope_name="Hòa Bình",
    )
    table = _table(
        [
            (
                province_doc,
                _figures(province_doc, [("1.994 nguồn tin", 1994, "tips_received", "flow")]),
            ),
            (
                district_doc,
                _figures(district_doc, [("215 nguồn tin", 215, "tips_received", "flow")]),
            ),
            (only_district, _figures(only_district, [("64 diễn đàn", 64, "forums_held", "flow")])),
        ]
    )
    province_row = _one(table, indicator="tips_received", scope="province")
    assert province_row["value"] == 1994 and not province_row["conflict"]
    district_row = _one(table, indicator="tips_received", scope="district")
    assert district_row["value"] == 215 and district_row["scope_name"] == "Hòa Bình"
    forums = table[table["indicator"] == "forums_held"]
    assert list(forums["scope"]) == ["district"]  # no province row is made from it


def test_conflicting_documents_keep_both_values_and_pick_by_the_stated_rule():
    article = _doc(
        "a",
        "Trong năm 2023, Công an toàn tỉnh phát động phong trào 1.406 cuộc.",
        published="2023-11-29",
    )
    later = _doc(
        "b",
        "Năm 2023, Bạc Liêu đã phát động phong trào 1.410 cuộc.",
        published="2024-01-15",
    )
    roundup = _doc(
        "c",
        "Năm 2023, tỉnh Bạc Liêu phát động phong trào hơn 1.500 cuộc.",
        province="Cà Mau",
        province_2025="Cà Mau",
        published="2024-06-01",
    )
    pairs = [
        (article, _figures(article, [("1.406 cuộc", 1406, "campaign_sessions", "flow")])),
        (later, _figures(later, [("1.410 cuộc", 1410, "campaign_sessions", "flow")])),
        (
            roundup,
            # the roundup is about Cà Mau but this figure is about Bạc Liêu
            [
                f.__class__(**{**f.__dict__, "province": "Bạc Liêu", "qualifier": "more_than"})
                for f in _figures(roundup, [("hơn 1.500 cuộc", 1500, "campaign_sessions", "flow")])
            ],
        ),
    ]
    row = _one(_table(pairs), indicator="campaign_sessions")
    assert row["conflict"]
    assert row["value"] == 1410  # about Bạc Liêu and exact, then later publication
    assert row["chosen_doc_id"] == "b"
    assert "1406 exact (a)" in row["conflict_values"]
    assert "1500 more_than (c)" in row["conflict_values"]
    assert row["n_documents"] == 1


def test_agreeing_documents_support_one_value():
    first = _doc("a", "Năm 2023 tiếp nhận 1.994 nguồn tin liên quan ANTT.")
    second = _doc("b", "Trong năm 2023 người dân cung cấp 1.994 nguồn tin.")
    table = _table(
        [
            (first, _figures(first, [("1.994 nguồn tin", 1994, "tips_received", "flow")])),
            (second, _figures(second, [("1.994 nguồn tin", 1994, "tips_received", "flow")])),
        ]
    )
    row = _one(table, indicator="tips_received")
    assert not row["conflict"] and row["n_documents"] == 2 and row["n_figures"] == 2


@pytest.mark.parametrize(
    ("qualifiers", "expected"),
    [
        (["exact", "more_than"], "more_than"),
        (["more_than", "about"], "about"),
        (["exact", "exact"], "exact"),
        (["at_least", "exact"], "at_least"),
    ],
)
def test_qualifier_of_a_sum(qualifiers, expected):
    doc = _doc("q", "Năm 2023 tổ chức 12 lớp bồi dưỡng và 30 lớp huấn luyện.")
    figs = _figures(
        doc,
        [
            ("12 lớp", 12, "trainings_held", "flow", {"qualifier": qualifiers[0]}),
            ("30 lớp", 30, "trainings_held", "flow", {"qualifier": qualifiers[1]}),
        ],
    )
    row = _one(_table([(doc, figs)]), indicator="trainings_held")
    assert row["value"] == 42 and row["qualifier"] == expected


def test_unclassified_figures_are_excluded_and_provinces_line_up_side_by_side():
    kon_tum = _doc(
        "kt",
        "Năm 2023 tổ chức 1.160 đợt phát động phong trào với hơn 145.410 lượt người tham gia, "
        "thực hiện 26 chuyên mục.",
        province="Kon Tum",
        province_2025="Quảng Ngãi",
    )
    bac_lieu = _doc("bl", BAC_LIEU)
    table = _table(
        [
            (
                kon_tum,
                _figures(
                    kon_tum,
                    [
                        ("1.160 đợt", 1160, "campaign_sessions", "flow"),
                        (
                            "hơn 145.410 lượt người",
                            145410,
                            "campaign_participants",
                            "flow",
                            {"qualifier": "more_than"},
                        ),
                        ("26 chuyên mục", 26, "unclassified", "flow"),
                    ],
                ),
            ),
            (
                bac_lieu,
                _figures(
                    bac_lieu,
                    [
                        ("1.406 cuộc", 1406, "campaign_sessions", "flow"),
                        ("131.274 người", 131274, "campaign_participants", "flow"),
                    ],
                ),
            ),
        ]
    )
    assert "unclassified" not in set(table["indicator"])
    wide = table.pivot_table(index="indicator", columns="province", values="value", aggfunc="first")
    assert wide.loc["campaign_sessions", "Kon Tum"] == 1160
    assert wide.loc["campaign_sessions", "Bạc Liêu"] == 1406
    assert wide.loc["campaign_participants", "Kon Tum"] == 145410
    assert set(table["province_2025"]) == {"Quảng Ngãi", "Cà Mau"}
    assert list(table["period"].unique()) == [2023]


def test_empty_inputs_give_an_empty_table():
    table = province_indicators(pd.DataFrame(columns=["doc_id"]), pd.DataFrame(columns=["doc_id"]))
    assert table.empty and "value" in table.columns


def _weakness(doc_id: str, start: int, text: str, theme: str, province: str) -> dict:
    return to_row(
        Weakness(
            doc_id=doc_id,
            start=start,
            end=start + len(text),
            text=text,
            theme=theme,
            province=province,
        )
    )


def test_theme_matrix_marks_themes_named_by_two_provinces_as_recurring():
    rows = pd.DataFrame(
        [
            _weakness(
                "kt", 10, "Một số mô hình hoạt động chưa hiệu quả", "models_formalistic", "Kon Tum"
            ),
            _weakness(
                "bl", 20, "Các mô hình còn mang tính hình thức", "models_formalistic", "Bạc Liêu"
            ),
            _weakness("bl", 90, "nhiều mô hình thiếu thiết thực", "models_formalistic", "Bạc Liêu"),
            _weakness("lc", 30, "Kinh phí còn hạn chế", "resources_lacking", "Lào Cai"),
            _weakness("lc", 60, "thời tiết bất lợi", "other", "Lào Cai"),
            _weakness("kt", 70, "tình hình phức tạp", "other", "Kon Tum"),
        ]
    )
    matrix = theme_matrix(rows, "weakness_id").set_index("theme")
    models = matrix.loc["models_formalistic"]
    assert models["recurring"] and models["n_provinces"] == 2 and models["n_clauses"] == 3
    assert models["Bạc Liêu"] == 2 and models["Kon Tum"] == 1 and models["Lào Cai"] == 0
    assert models["example_ids"].split(";")[0] == rows.iloc[0]["weakness_id"]
    assert not matrix.loc["resources_lacking", "recurring"]
    assert not matrix.loc["other", "recurring"]  # "other" is not a theme
    assert matrix.loc["leadership_weak", "n_clauses"] == 0  # every codebook theme is listed


def test_weakness_cells_recur_only_across_provinces_in_overlapping_periods():
    from pipeline.store.theme_tables import weakness_cells

    def clause(i, province, start, end, theme="awareness_low"):
        return {
            "weakness_id": f"w{i}",
            "doc_id": f"d{i}",
            "text": f"nhận thức của một bộ phận người dân còn hạn chế ({i})",
            "theme": theme,
            "province": province,
            "province_2025": province,
            "period": int(end[:4]),
            "period_start": start,
            "period_end": end,
            "period_label": end[:4],
            "period_precision": "year",
        }

    rows = pd.DataFrame(
        [
            clause(1, "Kon Tum", "2023-01-01", "2023-12-31"),
            clause(2, "Kon Tum", "2023-01-01", "2023-12-31"),
            clause(3, "Bạc Liêu", "2023-01-01", "2023-06-30"),
            clause(4, "Lào Cai", "2019-01-01", "2019-12-31", theme="resources_lacking"),
            clause(5, "Sơn La", "2021-01-01", "2021-12-31", theme="resources_lacking"),
        ]
    )
    cells = weakness_cells(rows).set_index(["theme", "province"])
    kon_tum = cells.loc[("awareness_low", "Kon Tum")]
    assert (kon_tum.n_clauses, kon_tum.n_documents, bool(kon_tum.recurring)) == (2, 2, True)
    assert bool(cells.loc[("awareness_low", "Bạc Liêu")].recurring)
    # named by two provinces, but years apart: not recurring
    assert not cells.loc["resources_lacking"].recurring.astype(bool).any()


def test_rows_are_the_records_fields_as_asdict_gives_them() -> None:
    """``to_row`` copies fields shallowly: right only while records hold scalars."""
    from dataclasses import asdict
    from pathlib import Path

    from extractors.extract import extract_document
    from extractors.records import ID_FIELDS

    seeds = Path(__file__).resolve().parents[1] / "corpora" / "seeds"
    checked = 0
    for path in sorted(seeds.glob("*.txt")):
        extraction = extract_document(path.read_text(encoding="utf-8"))
        records = [
            extraction.document,
            *extraction.figures,
            *extraction.entities,
            *extraction.weaknesses,
            *extraction.solutions,
            *extraction.named_models,
        ]
        for record in records:
            expected = asdict(record)
            id_field = ID_FIELDS.get(type(record))
            if id_field:
                expected = {id_field: getattr(record, id_field), **expected}
            assert to_row(record) == expected
            assert all(isinstance(v, str | int | float | bool | None) for v in expected.values())
            checked += 1
    assert checked > 150
