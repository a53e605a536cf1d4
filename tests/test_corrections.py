"""Review corrections: stored by stable id, applied by every export, surviving re-runs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from extractors.records import Document, Extraction, Figure, Solution, Weakness, content_id
from pipeline.review.corrections import apply_corrections
from pipeline.review.session import Review, export_corrections, import_corrections
from pipeline.store.db import connect, read_table, write_extractions

KON_TUM = (
    "Công an tỉnh Kon Tum tổng kết phong trào ngày 27/5/2024.\n"
    "Trong năm, các đơn vị, Công an các huyện, thành phố đã phối hợp tổ chức 1.160 đợt "
    "phát động phong trào toàn dân bảo vệ ANTQ và tuyên truyền pháp luật với hơn 145.410 "
    "lượt người tham gia; 19 lượt tuyên truyền, vận động đối tượng truy nã ra đầu thú.\n"
    "Qua công tác tuyên truyền, vận động, người dân đã cung cấp cho lực lượng Công an 726 "
    "nguồn tin về ANTT, trong đó 655 nguồn tin có giá trị giúp lực lượng Công an giải quyết "
    "các vụ việc về ANTT.\n"
    "Bên cạnh những kết quả đạt được, phong trào còn một số hạn chế như: Công tác xây dựng "
    "phong trào toàn dân bảo vệ an ninh Tổ quốc ở một số nơi hiệu quả chưa cao.\n"
    "Thứ nhất, phải thường xuyên làm tốt công tác tuyên truyền, giáo dục nâng cao nhận thức "
    "của quần chúng.\n"
)
DOC_ID = content_id(KON_TUM)


def figure(
    evidence: str,
    number: str,
    indicator: str,
    value: float,
    qualifier: str = "exact",
    confidence: float = 0.8,
) -> Figure:
    start = KON_TUM.index(evidence)
    number_start = KON_TUM.index(number, start)
    return Figure(
        doc_id=DOC_ID,
        start=start,
        end=start + len(evidence),
        value=value,
        indicator=indicator,
        qualifier=qualifier,
        kind="flow",
        period=2023,
        province="Kon Tum",
        province_2025="Quảng Ngãi",
        number_start=number_start,
        number_end=number_start + len(number),
        sentence=evidence,
        rule="test",
        confidence=confidence,
    )


SESSIONS = figure("1.160 đợt phát động", "1.160", "campaign_sessions", 1160)
# a wrong parse the reviewer fixes: the thousands dot read as a decimal point
PARTICIPANTS = figure(
    "hơn 145.410 lượt người tham gia", "145.410", "campaign_participants", 145.41, "more_than"
)
WANTED = figure("19 lượt tuyên truyền", "19", "wanted_persuaded", 19)
TIPS = figure("726 nguồn tin", "726", "tips_received", 726)
# a date the extractor wrongly kept as a result
DATE = figure("27/5", "27", "unclassified", 27, confidence=0.2)
WEAKNESS_TEXT = "ở một số nơi hiệu quả chưa cao"
WEAKNESS = Weakness(
    doc_id=DOC_ID,
    start=KON_TUM.index(WEAKNESS_TEXT),
    end=KON_TUM.index(WEAKNESS_TEXT) + len(WEAKNESS_TEXT),
    text=WEAKNESS_TEXT,
    cue="hạn chế",
    theme="other",
)
SOLUTION_TEXT = "Thứ nhất, phải thường xuyên làm tốt công tác tuyên truyền"
SOLUTION = Solution(
    doc_id=DOC_ID,
    start=KON_TUM.index(SOLUTION_TEXT),
    end=KON_TUM.index(SOLUTION_TEXT) + len(SOLUTION_TEXT),
    text=SOLUTION_TEXT,
    summary=SOLUTION_TEXT,
    marker="Thứ nhất",
    ordinal=1,
)
DOCUMENT = Document(
    doc_id=DOC_ID,
    text=KON_TUM,
    source="kon_tum.txt",
    title="Kết quả phong trào toàn dân bảo vệ ANTQ năm 2023",
    province="Kon Tum",
    province_2025="Quảng Ngãi",
    period=2023,
)
ALL_FIGURES = (DATE, SESSIONS, PARTICIPANTS, WANTED, TIPS)


def extraction(figures=ALL_FIGURES, weaknesses=(WEAKNESS,), solutions=(SOLUTION,)) -> Extraction:
    return Extraction(
        document=DOCUMENT,
        figures=tuple(figures),
        weaknesses=tuple(weaknesses),
        solutions=tuple(solutions),
    )


def write(store: Path, *extractions: Extraction) -> None:
    con = connect(store)
    try:
        write_extractions(con, extractions, extractor_version="test")
    finally:
        con.close()


def export(store: Path, table: str = "figures") -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the lead's export does: read the store and apply the corrections."""
    con = connect(store, read_only=True)
    try:
        records = read_table(con, table)
        corrections = read_table(con, "corrections")
        documents = read_table(con, "documents")
    finally:
        con.close()
    return apply_corrections(records, corrections, documents)


def by_id(frame: pd.DataFrame, column: str = "figure_id") -> dict[str, dict]:
    return {row[column]: row for row in frame.to_dict("records")}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "antq.duckdb"
    write(path, extraction())
    return path


@pytest.fixture
def store(template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the written store for each test (writing one takes longer)."""
    path = tmp_path / "antq.duckdb"
    shutil.copyfile(template, path)
    return path


@pytest.fixture
def review(store: Path) -> Review:
    return Review(store, author="Nguyễn Văn A")


def test_without_corrections_nothing_is_reviewed(store: Path) -> None:
    figures, problems = export(store)
    assert len(figures) == len(ALL_FIGURES)
    assert not figures["reviewed"].any()
    assert problems.empty


def test_accept_marks_reviewed_and_keeps_values(review: Review, store: Path) -> None:
    review.accept(SESSIONS.figure_id, note="đã đối chiếu bản gốc")
    rows = by_id(export(store)[0])
    assert rows[SESSIONS.figure_id]["reviewed"]
    assert rows[SESSIONS.figure_id]["value"] == 1160
    assert not rows[TIPS.figure_id]["reviewed"]


def test_reject_removes_the_figure_from_the_dataset(review: Review, store: Path) -> None:
    review.reject(DATE.figure_id, reason="ngày tháng, không phải kết quả")
    figures, problems = export(store)
    assert DATE.figure_id not in set(figures["figure_id"])
    assert len(figures) == len(ALL_FIGURES) - 1
    assert problems.empty


def test_correct_changes_value_and_marks_reviewed(review: Review, store: Path) -> None:
    review.correct(PARTICIPANTS.figure_id, value=145410, note="dấu chấm là phân cách hàng nghìn")
    row = by_id(export(store)[0])[PARTICIPANTS.figure_id]
    assert row["value"] == 145410
    assert row["qualifier"] == "more_than"  # untouched fields stay as extracted
    assert row["reviewed"]


def test_successive_corrections_of_one_figure_keep_both(review: Review, store: Path) -> None:
    review.correct(WANTED.figure_id, value=20)
    review.correct(WANTED.figure_id, qualifier="at_least")
    row = by_id(export(store)[0])[WANTED.figure_id]
    assert (row["value"], row["qualifier"]) == (20, "at_least")


def test_latest_correction_wins(review: Review, store: Path) -> None:
    review.reject(TIPS.figure_id, reason="nhầm")
    review.accept(TIPS.figure_id, note="xem lại: đúng")
    row = by_id(export(store)[0])[TIPS.figure_id]
    assert row["reviewed"] and row["value"] == 726


def test_add_missed_figure_takes_its_sentence_from_the_text(review: Review, store: Path) -> None:
    evidence = "655 nguồn tin có giá trị"
    start = KON_TUM.index(evidence)
    figure_id = review.add(
        DOC_ID, start, start + len(evidence), "tips_valuable", 655, unit="nguồn tin"
    )
    figures, problems = export(store)
    row = by_id(figures)[figure_id]
    assert problems.empty
    assert (row["indicator"], row["value"], row["unit"]) == ("tips_valuable", 655, "nguồn tin")
    assert row["reviewed"] and row["method"] == "review"
    assert KON_TUM[row["number_start"] : row["number_end"]] == "655"
    assert row["sentence"].startswith("Qua công tác tuyên truyền")
    assert "trong đó 655 nguồn tin có giá trị" in row["sentence"]
    assert row["sentence"].endswith("các vụ việc về ANTT.")
    assert (row["province"], row["period"]) == ("Kon Tum", 2023)


def test_corrections_survive_a_rerun_that_rewrites_the_figures(review: Review, store: Path) -> None:
    review.reject(DATE.figure_id, reason="ngày tháng")
    review.correct(PARTICIPANTS.figure_id, value=145410)
    review.accept(SESSIONS.figure_id)
    evidence = "655 nguồn tin có giá trị"
    added = review.add(
        DOC_ID, KON_TUM.index(evidence), KON_TUM.index(evidence) + 3, "tips_valuable", 655
    )
    before, _ = export(store)

    write(store, extraction())  # `antq run` again: figure rows deleted and re-inserted
    after, problems = export(store)

    assert problems.empty
    pd.testing.assert_frame_equal(before, after)
    rows = by_id(after)
    assert DATE.figure_id not in rows
    assert rows[PARTICIPANTS.figure_id]["value"] == 145410
    assert rows[SESSIONS.figure_id]["reviewed"] and rows[added]["value"] == 655
    assert len(review.list()) == 4


def test_added_figure_found_later_by_the_extractor_is_not_counted_twice(
    review: Review, store: Path
) -> None:
    evidence = "655 nguồn tin có giá trị"
    start = KON_TUM.index(evidence)
    added = review.add(DOC_ID, start, start + len(evidence), "tips_valuable", 655)
    improved = figure(evidence, "655", "tips_received", 655)  # found, but misclassified
    assert improved.figure_id == added
    write(store, extraction(figures=(*ALL_FIGURES, improved)))
    figures, problems = export(store)
    assert (figures["value"] == 655).sum() == 1
    assert by_id(figures)[added]["indicator"] == "tips_valuable"
    assert problems.empty


def test_correction_whose_figure_disappeared_is_reported(review: Review, store: Path) -> None:
    correction_id = review.correct(WANTED.figure_id, value=20)
    write(store, extraction(figures=(SESSIONS, PARTICIPANTS, TIPS)))
    figures, problems = export(store)
    assert WANTED.figure_id not in set(figures["figure_id"])
    assert list(problems["correction_id"]) == [correction_id]
    assert "no longer" in problems["problem"].iloc[0]
    assert list(review.orphans()["correction_id"]) == [correction_id]


def test_correction_whose_document_disappeared_is_reported(
    review: Review, store: Path, tmp_path: Path
) -> None:
    review.reject(DATE.figure_id, reason="ngày tháng")
    review.correct(WEAKNESS.weakness_id, theme="effectiveness_low")
    con = connect(store)
    for table in ("documents", "figures", "weaknesses", "solutions"):
        con.execute(f"DELETE FROM {table}")
    con.close()
    orphans = review.orphans()
    assert set(orphans["target_id"]) == {DATE.figure_id, WEAKNESS.weakness_id}
    assert orphans["problem"].str.contains("document").all()


def test_weakness_theme_corrected_and_solution_rejected(review: Review, store: Path) -> None:
    review.correct(WEAKNESS.weakness_id, theme="effectiveness_low")
    review.reject(SOLUTION.solution_id, reason="không phải giải pháp")
    weaknesses, problems = export(store, "weaknesses")
    row = by_id(weaknesses, "weakness_id")[WEAKNESS.weakness_id]
    assert row["theme"] == "effectiveness_low" and row["reviewed"]
    assert problems.empty
    solutions, _ = export(store, "solutions")
    assert solutions.empty
    # a figure export ignores corrections aimed at other kinds
    assert export(store)[1].empty


def test_added_weakness_gets_its_text_from_the_document(review: Review, store: Path) -> None:
    clause = "Công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc"
    start = KON_TUM.index(clause)
    weakness_id = review.add_weakness(DOC_ID, start, start + len(clause), theme="effectiveness_low")
    row = by_id(export(store, "weaknesses")[0], "weakness_id")[weakness_id]
    assert row["text"] == clause and row["theme"] == "effectiveness_low"


def test_author_and_time_are_recorded(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTQ_AUTHOR", "Trần Thị Bình")
    Review(store).accept(SESSIONS.figure_id, note="ổn")
    Review(store, author="Lê Văn Cường").reject(DATE.figure_id, reason="ngày")
    log = Review(store).list()
    assert list(log["author"]) == ["Trần Thị Bình", "Lê Văn Cường"]
    assert list(log["note"])[0] == "ổn"
    assert log["created_at"].notna().all()
    assert log["correction_id"].is_unique


def test_mistakes_fail_at_once(review: Review) -> None:
    with pytest.raises(ValueError, match="qualifier"):
        review.correct(TIPS.figure_id, qualifier="hơn")
    with pytest.raises(ValueError, match="start"):
        review.correct(TIPS.figure_id, start=3)
    with pytest.raises(KeyError):
        review.accept("f000000000000000")
    with pytest.raises(ValueError, match="reason"):
        review.reject(TIPS.figure_id, reason="")
    with pytest.raises(ValueError, match="outside"):
        review.add(DOC_ID, len(KON_TUM) - 2, len(KON_TUM) + 10, "tips_valuable", 1)
    assert review.list().empty


def test_ties_in_time_are_broken_by_correction_id() -> None:
    documents = pd.DataFrame([{"doc_id": DOC_ID, "text": KON_TUM}])
    figures = pd.DataFrame(
        [{"figure_id": TIPS.figure_id, "doc_id": DOC_ID, "start": 1, "value": 726}]
    )
    same_time = pd.Timestamp("2025-07-01 08:00:00")
    corrections = pd.DataFrame(
        [
            {"correction_id": "c2", "target_id": TIPS.figure_id, "action": "reject"},
            {"correction_id": "c1", "target_id": TIPS.figure_id, "action": "accept"},
        ]
    ).assign(doc_id=DOC_ID, changes=None, created_at=same_time)
    result, _ = apply_corrections(figures, corrections, documents)
    assert result.empty
    result, _ = apply_corrections(
        figures, corrections.assign(correction_id=["c1", "c2"]), documents
    )
    assert list(result["reviewed"]) == [True]


def test_a_correction_with_an_unusable_value_is_reported_not_applied() -> None:
    documents = pd.DataFrame([{"doc_id": DOC_ID, "text": KON_TUM}])
    figures = pd.DataFrame(
        [{"figure_id": TIPS.figure_id, "doc_id": DOC_ID, "start": 1, "value": 726.0}]
    )
    corrections = pd.DataFrame(
        [
            {
                "correction_id": "c1",
                "target_id": TIPS.figure_id,
                "doc_id": DOC_ID,
                "action": "correct",
                "changes": json.dumps({"value": "bảy trăm"}),
                "created_at": pd.Timestamp("2025-07-01"),
            }
        ]
    )
    result, problems = apply_corrections(figures, corrections, documents)
    assert result["value"].tolist() == [726.0] and not result["reviewed"].any()
    assert problems["problem"].str.contains("value").all()


def test_export_and_import_move_corrections_between_researchers(
    review: Review, store: Path, tmp_path: Path
) -> None:
    review.reject(DATE.figure_id, reason="ngày tháng, không phải kết quả")
    review.correct(PARTICIPANTS.figure_id, value=145410, note="hơn 145.410 lượt người")
    evidence = "655 nguồn tin có giá trị"
    review.add(DOC_ID, KON_TUM.index(evidence), KON_TUM.index(evidence) + 3, "tips_valuable", 655)
    csv_path = tmp_path / "corrections.csv"
    assert export_corrections(store, csv_path) == 3
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM, for Excel

    other = tmp_path / "other" / "antq.duckdb"
    write(other, extraction())
    assert import_corrections(other, csv_path) == 3
    assert import_corrections(other, csv_path) == 0  # idempotent
    pd.testing.assert_frame_equal(export(other)[0], export(store)[0])
    imported = Review(other).list()
    assert len(imported) == 3
    assert "hơn 145.410 lượt người" in set(imported["note"])
    assert list(imported["correction_id"]) == list(review.list()["correction_id"])


def test_import_rejects_a_malformed_file_as_a_whole(store: Path, tmp_path: Path) -> None:
    csv_path = tmp_path / "bad.csv"
    csv_path.write_text(
        "correction_id,target_id,action\nc1,f1,accept\nc2,f2,xóa\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="xóa"):
        import_corrections(store, csv_path)
    assert Review(store).list().empty


def test_a_later_decision_acts_on_an_added_figure(review: Review, store: Path) -> None:
    start, end = review.locate(DOC_ID, "655 nguồn tin có giá trị")
    added = review.add(DOC_ID, start, end, "tips_received", 655)
    review.correct(added, indicator="tips_valuable", note="nguồn tin có giá trị")
    figures, problems = export(store)
    assert by_id(figures)[added]["indicator"] == "tips_valuable"
    review.reject(added, reason="thêm nhầm")
    figures, problems = export(store)
    assert added not in set(figures["figure_id"]) and problems.empty


def test_a_session_keeps_one_connection_for_many_decisions(review: Review, store: Path) -> None:
    with review.session():
        for record in ALL_FIGURES:
            review.accept(record.figure_id)
        assert len(review.list()) == len(ALL_FIGURES)
    figures, _ = export(store)  # the store is free again
    assert figures["reviewed"].all()


def test_records_refuses_an_injected_table_name(review: Review, store: Path) -> None:
    import duckdb

    for name in ("figures; DROP TABLE documents", "documents--", "corrections"):
        with pytest.raises(ValueError, match="unknown table"):
            review.records(name)
    con = duckdb.connect(str(store), read_only=True)
    try:  # nothing was dropped
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] > 0
    finally:
        con.close()
