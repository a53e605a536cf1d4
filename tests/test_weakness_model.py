"""The learned weakness detector: phrasings it must find, plans it must not, the model file.

Every sentence here was written for this test.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from extractors.clauses import weakness_model as wm
from extractors.clauses.weakness_candidates import candidate_clauses
from extractors.clauses.weaknesses import extract_weaknesses
from extractors.text.normalize import normalize_text


def found(text: str) -> list[str]:
    return [w.text for w in wm.detect_weaknesses("doc", normalize_text(text))]


def any_contains(clauses: list[str], fragment: str) -> bool:
    return any(fragment in clause for clause in clauses)


@pytest.mark.parametrize(
    ("kind", "text", "fragment"),
    [
        (
            "opinion verb, no keyword",
            "Tại buổi làm việc, ông Trần Văn Bình, Chủ tịch UBND xã cho rằng lực lượng bảo vệ "
            "dân phố ở nhiều thôn còn mỏng, phụ cấp chưa tương xứng với công sức bỏ ra.",
            "phụ cấp chưa tương xứng",
        ),
        (
            "mid-sentence after a list of forces",
            "Công an, quân sự, dân phòng, đoàn thanh niên và hội phụ nữ đã cùng vào cuộc, nhưng "
            "việc phối hợp giữa các lực lượng chưa được duy trì thường xuyên.",
            "việc phối hợp giữa các lực lượng chưa được duy trì",
        ),
        (
            "a figure that is a shortcoming",
            "Toàn huyện đã lắp 120 camera an ninh, nhưng đến nay chỉ 45/120 camera còn hoạt "
            "động, số còn lại đã hư hỏng.",
            "hư hỏng",
        ),
        (
            "a subheading that is itself a complaint",
            "Kết quả nổi bật của phong trào\n\nNăm qua, toàn huyện đã xây dựng 25 mô hình tự "
            "quản mới.\n\nThiếu người, thiếu phương tiện\n\nMỗi xã chỉ có ba đến bốn công an "
            "chính quy phụ trách hàng nghìn hộ dân.",
            "Thiếu người, thiếu phương tiện",
        ),
        (  # learned once round 10's modelled texts were in training (missed before)
            "a working/total ratio alone",
            "Toàn huyện đã lắp 120 camera an ninh, nhưng đến nay chỉ 45/120 camera còn hoạt động.",
            "45/120",
        ),
        (
            "the keyword sentence the rules already found",
            "Bên cạnh kết quả đạt được, phong trào vẫn còn một số hạn chế: nội dung tuyên truyền "
            "chưa phong phú; kinh phí hỗ trợ cho tổ tự quản còn eo hẹp.",
            "kinh phí hỗ trợ cho tổ tự quản còn eo hẹp",
        ),
        (  # learned once round 13's modelled texts were in training (missed before)
            "a shortcoming placed in the past",
            "Trước thời điểm triển khai mô hình, trên địa bàn thôn thường xuyên xảy ra trộm cắp "
            "vặt mà không phát hiện được đối tượng.",
            "trộm cắp",
        ),
    ],
)
def test_phrasings_are_found(kind: str, text: str, fragment: str) -> None:
    assert any_contains(found(text), fragment), kind


@pytest.mark.xfail(
    reason="not learned yet: too few such clauses in the training corpora", strict=False
)
@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (  # learned with round 10's modelled texts; just under the threshold (0.59) since
            # round 11's were added (the complaint heading above it is still found)
            "Kết quả nổi bật của phong trào\n\nNăm qua, toàn huyện đã xây dựng 25 mô hình tự "
            "quản mới.\n\nThiếu người, thiếu phương tiện\n\nMỗi xã chỉ có ba đến bốn công an "
            "chính quy phụ trách hàng nghìn hộ dân.",
            "chỉ có ba đến bốn công an",
        ),
        (  # a cost too high, with no keyword and no contrast before it: "tốn nhiều" is a
            # cue of the lacking family since round 14, but scores 0.13 (seen on a real page)
            "Theo Trưởng ấp, kéo điện và lắp camera ra các tuyến đường xa khu dân cư tốn "
            "nhiều tiền.",
            "tốn nhiều tiền",
        ),
    ],
)
def test_phrasings_not_learned_yet(text: str, fragment: str) -> None:
    assert any_contains(found(text), fragment)


@pytest.mark.parametrize(
    "text",
    [
        "Thời gian tới, Công an huyện sẽ rà soát toàn bộ các mô hình tự quản trên địa bàn.",
        "Các cấp ủy, chính quyền cần tăng cường lãnh đạo, chỉ đạo phong trào toàn dân bảo vệ "
        "an ninh Tổ quốc.",
        "Năm 2024, toàn tỉnh không để xảy ra điểm nóng về an ninh, trật tự.",
        # not only ... but also: praise
        "Việc lắp camera không chỉ giúp công an phát hiện vi phạm mà còn làm cho bà con yên "
        "tâm làm ăn.",
        "Những tấm gương ấy không những được khen thưởng mà còn được nhân rộng ra nhiều thôn.",
        # no longer: an improvement
        "Từ ngày có tổ tự quản, cả xóm không còn xảy ra chuyện mất trộm gà vịt.",
        # kept from arising: a result
        "Mâu thuẫn được hòa giải ngay tại tổ dân phố, không để trở thành xung đột lớn, "
        "không để phát sinh đơn thư vượt cấp.",
        # braving hardship: praise, though it says "khó khăn"
        "Nhiều đêm liền, anh em tổ tuần tra không quản khó khăn, vất vả để giữ bình yên cho xóm.",
        # "còn có" as "there are also"
        "Ngoài các điểm đã kể, trong khu phố còn có thêm 40 camera do các hộ kinh doanh tự lắp.",
        # no need: nothing is lacking
        "Doanh nghiệp bàn giao lại 4 bình xịt cay vì không có nhu cầu dùng nữa.",
        # praise for the unprecedented
        "Lực lượng chức năng đã phá một đường dây buôn lậu với thủ đoạn chưa có tiền lệ.",
        # weather and disasters are hazards, not shortcomings of the work
        "Tuy vậy, mùa mưa bão năm nay đến sớm, lũ quét gây nhiều thiệt hại và diễn biến phức tạp.",
    ],
)
def test_plans_and_achievements_are_not_weaknesses(text: str) -> None:
    assert found(text) == []


def test_candidates_cut_on_semicolons_and_connectives_and_keep_offsets() -> None:
    text = normalize_text(
        "Quân số vốn đã không đủ, nhưng việc tuyển thêm người lại gặp nhiều trở ngại; "
        "phụ cấp còn thấp."
    )
    clauses = candidate_clauses(text)
    assert [c.text for c in clauses] == [
        "Quân số vốn đã không đủ",
        "việc tuyển thêm người lại gặp nhiều trở ngại",
        "phụ cấp còn thấp",
    ]
    assert all(text[c.start : c.end] == c.text for c in clauses)


@pytest.mark.parametrize(
    "sentence",
    [
        "Xã chưa bố trí được người trực camera ban đêm, dẫn tới chậm phát hiện các vụ trộm.",
        "Nhiều tổ tự quản hoạt động cầm chừng, gây lãng phí nguồn lực của thôn.",
        "Kinh phí cho lực lượng cơ sở còn thấp, khiến nhiều người xin nghỉ việc.",
        "Một số hộ dân chưa khai báo tạm trú, dẫn đến việc quản lý địa bàn gặp khó.",
        # ... and its cause
        "Việc quản lý nhà trọ ở các cụm công nghiệp còn khó, do người thuê trọ thay đổi liên tục.",
        "Nhiều camera đã hư hỏng, vì không có kinh phí sửa chữa.",
    ],
)
def test_a_shortcoming_and_its_consequence_are_one_candidate(sentence: str) -> None:
    text = normalize_text(sentence)
    assert [c.text for c in candidate_clauses(text)] == [text.rstrip(".")]


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (
            "Lớp học chỉ dạy cách xử lý vi phạm giao thông cho đội viên mà chưa dạy kỹ năng "
            "tuần tra ban đêm. Xã vận động được nhiều người tham gia mà không tốn kinh phí.",
            [
                "Lớp học chỉ dạy cách xử lý vi phạm giao thông cho đội viên",
                "chưa dạy kỹ năng tuần tra ban đêm",
                # "mà không" is often a manner ("without"), not a shortcoming: no cut
                "Xã vận động được nhiều người tham gia mà không tốn kinh phí",
            ],
        ),
        # a bare "nên" before a new subject cuts a cause from its effect
        (
            "Tuy nhiên, một số cấp ủy chưa thật sự quan tâm nên phong trào ở nhiều thôn còn "
            "mang tính hình thức. Xã thiếu kinh phí nên chưa mở được lớp tập huấn nào.",
            [
                "một số cấp ủy chưa thật sự quan tâm",
                "phong trào ở nhiều thôn còn mang tính hình thức",
                # "nên" before a predicate of the same subject does not cut
                "Xã thiếu kinh phí nên chưa mở được lớp tập huấn nào",
            ],
        ),
    ],
)
def test_a_negation_after_ma_or_a_new_subject_after_nen_opens_its_own_candidate(
    sentences: str, expected: list[str]
) -> None:
    assert [c.text for c in candidate_clauses(normalize_text(sentences))] == expected


def test_a_comma_between_unit_types_does_not_cut_the_clause() -> None:
    text = normalize_text(
        "Cả tỉnh vẫn còn 61 Công an xã, thị trấn còn thiếu trụ sở riêng, phải làm việc nhờ "
        "trong UBND xã, phường."
    )
    assert [c.text for c in candidate_clauses(text)] == [
        # (what the lack forces, "phải làm việc nhờ", has no subject of its own: the
        # same shortcoming, one clause)
        "Cả tỉnh vẫn còn 61 Công an xã, thị trấn còn thiếu trụ sở riêng, phải làm việc nhờ "
        "trong UBND xã, phường",
    ]


def test_a_condition_is_not_a_candidate() -> None:
    text = normalize_text(
        "Nếu không có phụ cấp thỏa đáng, nhiều tổ viên sẽ bỏ nhiệm vụ. "
        "Phụ cấp của tổ viên còn thấp."
    )
    assert [c.text for c in candidate_clauses(text)] == [
        "nhiều tổ viên sẽ bỏ nhiệm vụ",
        "Phụ cấp của tổ viên còn thấp",
    ]


def test_a_piece_that_only_names_the_speaker_is_not_a_candidate() -> None:
    text = normalize_text(
        "Ông Trần Văn Bình, Trưởng Công an xã nêu: phụ cấp của lực lượng còn thấp. "
        "Bà Lan, cán bộ tư pháp xã, chia sẻ, nhiều vụ việc chưa được hòa giải kịp thời. "
        "Người dân còn ngại tố giác tội phạm, ông Bình cho biết."
    )
    assert [c.text for c in candidate_clauses(text)] == [
        "phụ cấp của lực lượng còn thấp",
        "nhiều vụ việc chưa được hòa giải kịp thời",
        # a speaker named after the shortcoming stays in its clause
        "Người dân còn ngại tố giác tội phạm, ông Bình cho biết",
    ]


def test_rules_mode_is_the_rule_extractor() -> None:
    text = normalize_text("Tuy nhiên, công tác tuyên truyền còn hạn chế, chưa sâu rộng.")
    assert wm.detect_weaknesses("d", text, "rules") == extract_weaknesses("d", text)
    with pytest.raises(ValueError):
        wm.detect_weaknesses("d", text, "keywords")


def test_model_file_gives_the_training_run_predictions() -> None:
    bundle = wm.load_model()
    probe = bundle["probe"]
    assert len(probe["rows"]) > 10
    assert np.allclose(wm.score_rows(probe["rows"], bundle), probe["scores"], atol=1e-9)
    summary = yaml.safe_load(wm.SUMMARY_PATH.read_text(encoding="utf-8"))
    assert summary["data_hash"] == bundle["data_hash"]
    assert wm.load_model() is bundle  # loaded once per process


def test_the_model_was_trained_on_what_todays_code_makes_of_the_corpora() -> None:
    """The committed model is not stale: the corpora's candidate clauses and cue features,
    as the current code reads them, hash to the data it was trained on (after a change to
    the splitter, a cue or the gold, run ``make model``)."""
    from pipeline.evaluate.weakness_training import data_hash, load_documents

    root = Path(__file__).resolve().parents[1]
    assert data_hash(load_documents(root)) == wm.load_model()["data_hash"]


def test_training_is_reproducible_on_a_small_set() -> None:
    rows = [
        {"text": t, "cues": {"bias_cue": 1.0, "cue:negation": float(n)}}
        for t, n in [
            ("kinh phí còn thiếu", 1),
            ("lực lượng còn mỏng", 1),
            ("phụ cấp chưa thỏa đáng", 1),
            ("chưa có camera", 1),
            ("đã xây dựng mô hình", 0),
            ("tổ chức hội nghị sơ kết", 0),
            ("khen thưởng tập thể", 0),
            ("ra mắt mô hình mới", 0),
        ]
    ]
    labels = [1, 1, 1, 1, 0, 0, 0, 0]
    first = wm.build_pipeline().fit(rows, labels)
    second = wm.build_pipeline().fit(rows, labels)
    assert np.array_equal(first[-1].coef_, second[-1].coef_)


def test_scoring_without_dispatch_gives_the_union_matrix() -> None:
    """score_rows builds the feature matrix itself; it must be FeatureUnion's own."""
    text = normalize_text(Path("corpora/seeds/001_f927958248fcde9a.txt").read_text("utf-8"))
    _, rows = wm.document_rows(text)
    assert rows
    union = wm.load_model()["pipeline"].named_steps["features"]
    expected = union.transform(rows)
    got = wm._union_transform(union, rows)
    assert got.shape == expected.shape
    assert (got != expected).nnz == 0


def test_the_folded_linear_scorer_gives_the_pipeline_probabilities() -> None:
    """Detection scores clauses with ``fast_scores``; it must be the trained pipeline's own."""
    bundle = wm.load_model()
    rows = list(bundle["probe"]["rows"])
    for path in sorted(Path("corpora/modelled/docs").glob("w*.txt"))[:6]:
        rows += wm.document_rows(normalize_text(path.read_text("utf-8")))[1]
    assert len(rows) > 50
    assert np.allclose(wm.fast_scores(rows, bundle), wm.score_rows(rows, bundle), atol=1e-9)
    # a clause whose words the model never saw scores from its cues alone
    unknown = [{"text": "zzq xqz", "cues": {"bias_cue": 1.0}}]
    assert np.allclose(wm.fast_scores(unknown, bundle), wm.score_rows(unknown, bundle))


def test_cue_families_of_a_clause_are_those_searched_in_full() -> None:
    """The clause's families are searched only among its sentence's; same answer as all."""
    text = normalize_text(Path("corpora/seeds/001_f927958248fcde9a.txt").read_text("utf-8"))
    for c in wm.candidate_clauses(text)[:40]:
        full = wm.cue_features(c, False, 50)
        quick = wm.cue_features(c, False, 50, wm._within(c.sentence, wm._found))
        assert quick == full


def test_a_speech_is_cut_into_its_clauses_without_its_lead_in_or_quotes() -> None:
    text = normalize_text(
        "Ông Hai kể: “Tuy vậy, vì tủ máy đã cũ, âm thanh phát ra rất rè và cũng có vài loa "
        "câm hẳn không sửa được nữa”. Bên cạnh đó, kinh phí duy trì còn thiếu. Mô hình "
        "“Tổ tự quản, an toàn” vẫn giữ."
    )
    clauses = [c.text for c in candidate_clauses(text)]
    assert "vì tủ máy đã cũ" in clauses  # no "Tuy vậy," and no opening quote
    assert any(c.startswith("âm thanh phát ra rất rè") and not c.endswith("”") for c in clauses)
    assert "kinh phí duy trì còn thiếu" in clauses  # no "Bên cạnh đó,"
    assert any("“Tổ tự quản, an toàn”" in c for c in clauses)  # a short quote stays whole


def test_a_decimal_comma_does_not_cut_a_clause() -> None:
    text = normalize_text(
        "Mỗi tháng tổ viên nhận vỏn vẹn 1,8 triệu đồng, chẳng đủ lo cho gia đình."
    )
    assert any("1,8 triệu" in c.text for c in candidate_clauses(text))
    assert not any(c.text.startswith("8 triệu") for c in candidate_clauses(text))


@pytest.mark.parametrize("mode", ["model", "rules"])
@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "Năm 2023, trên địa bàn huyện xảy ra 41 vụ phạm pháp hình sự, tăng 6 vụ so với "
            "năm trước.",
            "tăng 6 vụ",
        ),
        (  # the rising part cut from the falling one at "nhưng"
            "Tai nạn giao thông giảm 3 vụ, nhưng tăng 2 người chết so với cùng kỳ.",
            "tăng 2 người chết",
        ),
    ],
)
def test_a_rising_harm_is_a_weakness_in_both_modes(mode: str, text: str, fragment: str) -> None:
    clauses = [w.text for w in wm.detect_weaknesses("d", normalize_text(text), mode)]
    assert any_contains(clauses, fragment)


@pytest.mark.parametrize("mode", ["model", "rules"])
@pytest.mark.parametrize(
    "text",
    [
        # without a number a rise or a persisting harm is the situation the movement
        # faces, even against the results ("Tuy nhiên"): the codebook counts a figure that
        # is itself a shortcoming, and the annotators of round 16 left such clauses out
        "Tuy nhiên, tội phạm trộm cắp tài sản ở các khu nhà trọ ngày càng nhiều.",
        "Dù vậy, thời gian gần đây, tình trạng bất ổn quanh khu chợ đêm có chiều hướng gia tăng.",
        "Tuy vậy, ở các xã ven biển, hoạt động buôn lậu qua đường thủy vẫn diễn biến phức tạp.",
    ],
)
def test_the_situation_faced_without_a_number_is_no_weakness(mode: str, text: str) -> None:
    assert wm.detect_weaknesses("d", normalize_text(text), mode) == []


@pytest.mark.parametrize(
    "text",
    [
        "Công an xã tiếp nhận 52 tin báo, tố giác tội phạm, tăng 10 tin so với năm 2023.",
        "Lực lượng chức năng bắt giữ 18 đối tượng phạm tội về ma túy, tăng 5 đối tượng.",
        "Tai nạn giao thông giảm cả ba tiêu chí so với cùng kỳ.",
        # a forecast is not an admission
        "Dự báo thời gian tới, tội phạm ma túy sẽ còn diễn biến phức tạp.",
    ],
)
def test_a_rise_in_tips_or_arrests_and_a_fall_in_harm_are_not_rising_harms(text: str) -> None:
    assert not [
        w for w in wm.detect_weaknesses("d", normalize_text(text)) if w.cue == "rising_harm"
    ]


def test_a_harm_named_after_the_place_a_clause_opens_on_is_the_situation() -> None:
    # the clause opens on the place, then names the harm after a comma
    place_first = (
        "huyện có đông đồng bào Thái, Mông sinh sống, tình trạng tàng trữ súng kíp vẫn còn"
    )
    assert wm.decision(0.9, {"text": place_first, "cues": {"cue:still": 1.0}}) == 0.0
    # ... unless the clause finds the work wanting
    wanting = {"cue:still": 1.0, "cue:lacking": 1.0}
    assert wm.decision(0.9, {"text": place_first + ", thiếu người", "cues": wanting}) == 0.9
    # a harm that is not the subject of its part is no situation ("khả năng ... tội phạm")
    weakened = "vừa lãng phí ngân sách, vừa khiến khả năng ngăn chặn tội phạm bị suy giảm"
    assert wm.decision(0.9, {"text": weakened, "cues": {"cue:still": 1.0}}) == 0.9


@pytest.mark.parametrize("mode", ["model", "rules"])
@pytest.mark.parametrize(
    "text",
    [
        # the situation a story opens on, with no figure and no admission (codebook: only a
        # figure that is itself a shortcoming is one)
        "Mấy tháng nay, tình hình trộm cắp ở chợ phiên có chiều hướng tăng lên.",
        "Ở các xã ven biển, hoạt động buôn lậu qua đường thủy vẫn diễn biến phức tạp.",
        "Các đối tượng ngày càng tinh vi, thường xuyên thay đổi thủ đoạn.",
    ],
)
def test_the_situation_described_without_a_figure_is_no_weakness(mode: str, text: str) -> None:
    assert wm.detect_weaknesses("d", normalize_text(text), mode) == []


@pytest.mark.parametrize(
    "text",
    [
        # a model named for what it fights admits nothing
        "Xã duy trì mô hình “Khu dân cư không ma túy, không trộm cắp” tại thôn Đông Hòa.",
        # a service promise, unexploded ordnance, "not few" as "many"
        "Bộ phận một cửa giải quyết hồ sơ trong ngày, không để người dân chờ đợi.",
        "Bà con phát hiện nhiều quả đạn pháo chưa nổ còn sót lại trong vườn và báo công an.",
        "Không ít mô hình trở thành điểm sáng của huyện.",
        # a place no longer what it was; a role praised as one the work cannot do without
        "Sau hai năm chuyển hóa, bản Nậm Cang không còn là điểm nóng về trộm cắp.",
        "Đội dân phòng giữ vai trò không thể thiếu trong việc chữa cháy ở các khu phố.",
    ],
)
def test_names_promises_and_things_are_not_weaknesses(text: str) -> None:
    from extractors.extract import extract_document

    assert extract_document(text, with_entities=False).weaknesses == ()


def test_a_named_model_inside_a_weakness_stays_in_its_text() -> None:
    from extractors.extract import extract_document

    text = (
        "Tuy nhiên, mô hình “Đèn chiếu sáng an ninh” ở một số thôn chưa phát huy hiệu quả do "
        "thiếu "
        "kinh phí."
    )
    (weakness,) = extract_document(text, with_entities=False).weaknesses
    assert "“Đèn chiếu sáng an ninh”" in weakness.text


def test_every_harm_word_with_a_rise_is_found_and_every_blocker_stops_it() -> None:
    from extractors.clauses.rising_harms import rising_harm
    from extractors.text.yaml_data import load_data

    data = load_data(wm.__file__, "rising_harms.yaml")
    for harm in data["harms"]:
        for rise in data["rises"]:
            assert rising_harm(f"số {harm} {rise} so với cùng kỳ", counted=False), (harm, rise)
            assert not rising_harm(f"số {harm} {rise} so với cùng kỳ"), (harm, rise)
            assert rising_harm(f"số {harm} {rise} 12% so với cùng kỳ"), (harm, rise)
        for persists in data["persists"]:
            assert rising_harm(f"tình hình {harm} {persists} ở vùng giáp ranh", counted=False), (
                harm,
                persists,
            )
        for rise in data["rises_before_number"]:
            assert rising_harm(f"số {harm} {rise} 3 vụ so với cùng kỳ"), (harm, rise)
            assert not rising_harm(f'mô hình "3 {rise}" phòng, chống {harm}'), (harm, rise)
        for blocker in data["blockers"]:
            assert not rising_harm(f"{blocker} {harm} tăng 4 vụ"), (harm, blocker)
            assert not rising_harm("tăng 4 vụ", before=f"{blocker} {harm}, "), (harm, blocker)
        for blocker in data["clause_blockers"]:
            assert not rising_harm(f"{harm} {blocker} 2 vụ, tăng 4 người"), (harm, blocker)
        assert rising_harm("tăng 7 vụ so với năm trước", before=f"xảy ra 9 vụ {harm}, "), harm


def test_cue_families_skipped_by_first_word_are_the_ones_that_do_not_match() -> None:
    """``_found`` skips a family whose phrases' first words are not in the text; on every
    clause and sentence of the corpora it finds exactly what searching every family finds."""
    root = Path(__file__).resolve().parents[1] / "corpora"
    texts: set[str] = set()
    for path in sorted(root.rglob("*.txt")):
        for candidate in candidate_clauses(normalize_text(path.read_text(encoding="utf-8"))):
            texts.update((candidate.text, candidate.sentence, candidate.heading))
    texts.discard("")
    assert len(texts) > 1000

    def every_family(text: str) -> tuple[str, ...]:
        blanked = wm._blanked(text)
        return tuple(n for n in wm._cue_patterns() if wm._family_in(n, text, blanked))

    differ = [t for t in texts if wm._found(t) != every_family(t)]
    assert not differ, f"{len(differ)} texts differ, first: {differ[0]!r}"
    assert sum(bool(wm._found(t)) for t in texts) > 300


def test_a_plan_or_remedy_word_opening_the_clause_is_its_own_feature() -> None:
    def opens_plan(sentence: str) -> float:
        text = normalize_text(sentence)
        (candidate,) = candidate_clauses(text)
        return wm.cue_features(candidate, False, 1)["opens_plan"]

    assert opens_plan("Khắc phục khó khăn về kinh phí cho tổ tự quản.") == 1.0
    assert opens_plan("Cần tăng cường lực lượng cho các thôn vùng sâu.") == 1.0
    assert opens_plan("Những khó khăn về kinh phí vẫn chưa được khắc phục.") == 0.0


def test_a_view_and_its_content_are_one_candidate_and_a_list_lead_in_none() -> None:
    """The comma after "nghĩ rằng" opens what the view holds; a piece announcing the list
    after its colon ("..., cụ thể là:") is the lead-in that gold clauses leave out."""
    from extractors.clauses.weakness_candidates import candidate_clauses

    text = (
        "Nhiều hộ kinh doanh vẫn nghĩ rằng, chống trộm là chuyện của dân phòng chứ không phải "
        "của mình. Dù vậy, mô hình vẫn còn vài điểm yếu, cụ thể là: sổ sách ghi chép còn sơ "
        "sài; kinh phí cho các tổ còn thiếu."
    )
    texts = [c.text for c in candidate_clauses(text)]
    assert any(
        t.startswith("Nhiều hộ kinh doanh vẫn nghĩ rằng, chống trộm là chuyện") for t in texts
    ), texts
    assert not any(t.rstrip().endswith("cụ thể là") for t in texts), texts
    assert "kinh phí cho các tổ còn thiếu" in texts


def test_a_lead_and_a_persons_name_alone_are_no_candidate() -> None:
    from extractors.clauses.weakness_candidates import candidate_clauses

    text = (
        "Qua kiểm tra, ông Trần Văn Bình\n\nNhiều tổ tự quản còn thiếu kinh phí. "
        "Bà con cho biết ông Ba vẫn chưa nhận được phụ cấp."
    )
    texts = [c.text for c in candidate_clauses(text)]
    assert not any(t.endswith("Trần Văn Bình") for t in texts), texts
    assert "Bà con cho biết ông Ba vẫn chưa nhận được phụ cấp" in texts


def test_a_standard_not_reached_is_admitted() -> None:
    """ "3 xã chưa đạt chuẩn": the achievement word negated is no praise (codebook: a
    figure that is itself a shortcoming is also a weakness)."""
    text = normalize_text(
        "Năm 2023, toàn huyện có 21 xã đạt chuẩn an toàn về an ninh trật tự. Còn 3 xã chưa "
        "đạt chuẩn do để xảy ra tội phạm nghiêm trọng."
    )
    found = [w.text for w in wm.detect_weaknesses("d", text, "model")]
    assert any("chưa đạt chuẩn" in w for w in found)
    assert not any("21 xã đạt chuẩn" in w for w in found)


def test_a_slogan_in_quotes_is_a_name_and_a_quoted_speech_is_not() -> None:
    text = normalize_text(
        "Năm 2022, xã ra mắt mô hình “Khu phố bình yên: không ma túy, không trộm cắp, không "
        "có người tái phạm” với 35 hộ. Ông B cho biết: “Lực lượng còn mỏng, kinh phí còn thiếu”."
    )
    named = {c.text: wm.quoted_name(c) for c in candidate_clauses(text)}
    assert named["không ma túy, không trộm cắp, không có người tái phạm” với 35 hộ"] is True
    assert named["Lực lượng còn mỏng, kinh phí còn thiếu"] is False


@pytest.mark.parametrize(
    ("text", "families"),
    [
        # the absence of a harm, an object not identified, an appeal, a hardship braved
        ("xóm nhiều năm liền không có tội phạm", {"negation"}),
        ("người dân nộp 5 quả bom chưa rõ nguồn gốc", {"negation"}),
        ("công an khuyến cáo người dân không đốt pháo", {"negation"}),
        ("Dù còn nhiều khó khăn", {"still", "weakness_noun"}),
        # the young by their age group, and "hạn chế" as what the work does to a harm
        ("Đoàn phường kèm cặp 40 thanh thiếu niên có nguy cơ vi phạm", {"lacking"}),
        ("Các chi đội thiếu nhi tham gia giữ gìn trật tự trường học", {"lacking"}),
        ("tổ tự quản nhắc bà con hạn chế ra đường lúc nửa đêm", {"weakness_noun"}),
        ("giúp các em đến lớp đều, hạn chế tình trạng nghỉ học", {"weakness_noun"}),
        ("camera đã góp phần hạn chế trộm cắp ở khu phố", {"weakness_noun"}),
    ],
)
def test_what_these_phrases_say_admits_nothing(text: str, families: set[str]) -> None:
    assert not families & set(wm._found(text))


def test_how_people_live_is_no_shortcoming_of_the_work() -> None:
    row = {"text": "đời sống của bà con vùng cao còn nhiều khó khăn", "cues": {"cue:still": 1.0}}
    assert wm.decision(0.9, row) == 0.0
    pay = {"text": "thu nhập của lực lượng bảo vệ dân phố còn thấp", "cues": {"cue:still": 1.0}}
    assert wm.decision(0.9, pay) == 0.9  # the pay of the grassroots forces is


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a further predicate with no subject of its own: the same shortcoming
        (
            "Công tác hòa giải ở một số thôn còn chậm, chưa giải quyết dứt điểm các mâu thuẫn "
            "trong dòng họ.",
            [
                "Công tác hòa giải ở một số thôn còn chậm, chưa giải quyết dứt điểm các mâu thuẫn "
                "trong dòng họ"
            ],
        ),
        # "có nơi, có lúc" hedges the predicate, it opens no clause
        (
            "Các tổ tự quản phát triển không đều, có nơi, có lúc hoạt động cầm chừng.",
            ["Các tổ tự quản phát triển không đều, có nơi, có lúc hoạt động cầm chừng"],
        ),
        # a concession runs on to its turn
        (
            "Trang thiết bị của tổ tuần tra tuy được bổ sung, sửa chữa nhưng vẫn còn thiếu.",
            ["Trang thiết bị của tổ tuần tra tuy được bổ sung, sửa chữa nhưng vẫn còn thiếu"],
        ),
        # the comma of "an ninh, trật tự" joins one term
        (
            "Ở vùng ven có tổ bảo vệ an ninh, trật tự hoạt động kém hiệu quả.",
            ["Ở vùng ven có tổ bảo vệ an ninh, trật tự hoạt động kém hiệu quả"],
        ),
        # a new subject after the comma is a shortcoming of its own
        (
            "Kinh phí cho các tổ tự quản còn thiếu, nhiều tổ viên chưa được tập huấn nghiệp vụ.",
            ["Kinh phí cho các tổ tự quản còn thiếu", "nhiều tổ viên chưa được tập huấn nghiệp vụ"],
        ),
    ],
)
def test_one_shortcoming_is_one_candidate_across_its_commas(
    sentence: str, expected: list[str]
) -> None:
    text = normalize_text(sentence)
    assert [c.text for c in candidate_clauses(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Một bộ phận người dân còn thờ ơ với việc giữ gìn trật tự ở khu dân cư",
        "Nhiều người biết kẻ trộm nhưng không dám tố giác vì sợ bị trả thù",
        "Bà con vẫn e ngại, né tránh khi được mời vào tổ tự quản",
    ],
)
def test_people_held_back_from_taking_part_find_the_work_wanting(text: str) -> None:
    assert "reluctant" in wm._found(text)
    # a situation named first is still a shortcoming when people are held back
    row = {"text": "Tình trạng trộm cắp vẫn xảy ra, " + text, "cues": {"cue:reluctant": 1.0}}
    row["cues"]["cue:negation"] = 1.0
    assert wm.decision(0.8, row) == 0.8


def test_concern_about_the_situation_is_not_reluctance() -> None:
    assert "reluctant" not in wm._found("Đáng lo ngại hơn, việc mua bán pháo trên mạng tăng")


def test_a_headline_told_again_in_the_body_is_one_row_the_body_s() -> None:
    # (the body says "vẫn": without it the model's score of the body clause sits at the
    # threshold, and this test is about which row the headline gives, not that score)
    text = normalize_text(
        "Nhiều tổ tự quản ở Cư Jút hoạt động cầm chừng\n\n"
        "Theo Công an huyện, hiện nay nhiều tổ tự quản về an ninh trật tự ở các thôn vẫn hoạt "
        "động cầm chừng do thiếu kinh phí và người trẻ. Huyện đang rà soát để củng cố lại."
    )
    rows = wm.detect_weaknesses("doc", text)
    assert len(rows) == 1
    assert rows[0].text.endswith("do thiếu kinh phí và người trẻ")


def test_a_clause_opening_on_what_to_do_is_no_shortcoming_however_it_scores() -> None:
    row = {
        "text": "Nhằm nâng cao hiệu quả phong trào trong thời gian tới",
        "cues": {"opens_plan": 1.0, "cue:plan": 1.0, "prev:weakness_noun": 1.0},
    }
    assert wm.decision(0.9, row) == 0.0
    # ... unless it finds something wanting itself
    row["cues"]["cue:negation"] = 1.0
    assert wm.decision(0.9, row) == 0.9


def test_delinquent_youth_are_named_not_slow() -> None:
    """ "Thanh niên chậm tiến" names the young offenders the work reaches."""
    text = "Đoàn xã vẫn kiên trì giúp đỡ các thanh niên chậm tiến trở về với gia đình"
    assert "lacking" not in wm._found(text)
    assert "lacking" in wm._found("Việc xử lý tin báo ở một số xã còn chậm")
    # ... while a lack and a shortcoming named as such stay found
    assert "lacking" in wm._found("Kinh phí cho thiếu niên tham gia còn thiếu")
    assert "weakness_noun" in wm._found("Công tác giáo dục thanh thiếu niên còn nhiều hạn chế")


@pytest.mark.parametrize(
    ("text", "formal"),
    [
        ("Huyện yêu cầu các xã làm mới nội dung và hình thức sinh hoạt của tổ", False),
        ("Công an xã tuyên truyền bằng nhiều hình thức phong phú", False),
        ("Một số mô hình hoạt động còn hình thức", True),
        ("Các buổi sinh hoạt mang tính hình thức, chưa thu hút người dân", True),
    ],
)
def test_a_form_is_not_formality(text: str, formal: bool) -> None:
    assert ("formal" in wm._found(text)) == formal


def test_a_harm_reduced_admits_nothing() -> None:
    assert "weakness_noun" not in wm._found("Nạn trộm cắp vặt ở khu phố được hạn chế rõ rệt")
    assert "weakness_noun" not in wm._found("Mô hình đã hạn chế được các vụ đánh nhau")
    found = wm._found("Tuy nhiên, xã chưa hạn chế được tình trạng đua xe")
    assert "negation" in found


def test_not_long_ago_admits_nothing() -> None:
    assert "negation" not in wm._found("Cách đây không lâu, tại bến xe của thị trấn")
    assert "negation" in wm._found("Tại bến xe của thị trấn không có ai lên tiếng")


@pytest.mark.parametrize(
    "text",
    [
        "Ở một vài xã, cấp ủy còn lơ là, giao hết việc giữ gìn trật tự cho Công an",
        "Không ít chủ nhà trọ vẫn chủ quan, thiếu cảnh giác với người thuê mới đến",
        "Có nơi chính quyền còn khoán trắng nhiệm vụ này cho lực lượng Công an xã",
        "Người dân vẫn còn tâm lý e ngại khi cung cấp thông tin cho tổ tự quản",
    ],
)
def test_an_attitude_still_held_is_admitted(text: str) -> None:
    rows = wm.detect_weaknesses("doc", normalize_text(text + "."))
    assert len(rows) == 1
    assert rows[0].cue == "rules" or rows[0].text.startswith(text[:20])


@pytest.mark.parametrize(
    "text",
    [
        "Nhờ được tuyên truyền thường xuyên, bà con không còn e ngại khi tố giác tội phạm",
        "Nguyên nhân chủ quan và khách quan đã được hội nghị phân tích kỹ",
    ],
)
def test_an_attitude_no_longer_held_or_a_kind_of_cause_admits_nothing(text: str) -> None:
    assert wm._held_reluctant().search(text) is None
    assert wm.detect_weaknesses("doc", normalize_text(text + ".")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kết quả chấm điểm năm nay có 3 trường học đạt loại “Yếu” trong phong trào",
        "Qua phân loại, 2 xã ven biển xếp loại trung bình",
    ],
)
def test_a_rating_at_the_bottom_of_the_scale_is_admitted(text: str) -> None:
    assert "failing" in wm._found(text)
    assert len(wm.detect_weaknesses("doc", normalize_text(text + "."))) == 1


@pytest.mark.parametrize(
    "text",
    ["Địa bàn phường hiện có quá nhiều mô hình", "Liệu lập nhiều tổ như vậy có thực sự hiệu quả?"],
)
def test_too_many_and_a_doubted_worth_find_the_work_wanting(text: str) -> None:
    assert "formal" in wm._found(text)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Qua các vụ trộm trên, ngành chức năng đánh giá, việc giữ an ninh ở cụm công "
            "nghiệp còn nhiều khó khăn.",
            ["việc giữ an ninh ở cụm công nghiệp còn nhiều khó khăn"],
        ),
        (
            "Ông Hùng cho rằng, việc giữ an ninh ở cụm công nghiệp còn nhiều khó khăn.",
            ["việc giữ an ninh ở cụm công nghiệp còn nhiều khó khăn"],
        ),
        # what went well, set before the turn to the admission, is a lead-in too
        (
            "Ngoài những tổ hoạt động tốt, có hiệu quả, vẫn còn nhiều tổ chỉ có trên giấy.",
            ["vẫn còn nhiều tổ chỉ có trên giấy"],
        ),
        # a view the same subject holds goes on with its clause
        (
            "Một số nơi chính quyền còn lơ là, cho rằng giữ trật tự là việc riêng của công an.",
            ["Một số nơi chính quyền còn lơ là, cho rằng giữ trật tự là việc riêng của công an"],
        ),
        # judging named as the work itself is part of the clause
        (
            "Công tác đánh giá, xếp loại phong trào ở một số xã còn chậm.",
            ["Công tác đánh giá, xếp loại phong trào ở một số xã còn chậm"],
        ),
    ],
)
def test_a_view_s_holder_and_verb_are_a_lead_in_left_out(
    sentence: str, expected: list[str]
) -> None:
    assert [c.text for c in candidate_clauses(normalize_text(sentence))] == expected
