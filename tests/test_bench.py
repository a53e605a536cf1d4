"""The benchmark's synthetic corpus: deterministic, realistic, numbers varied."""

from __future__ import annotations

import random
import re

from benchmarks.corpus import build_corpus, load_articles, vary_numbers


def test_vary_numbers_keeps_years_dates_and_shapes():
    text = (
        "Năm 2023, toàn tỉnh tổ chức 1.160 đợt ra quân, ngày 15/3/2024 "
        "khen thưởng 05 tập thể và 125 cá nhân."
    )
    varied = vary_numbers(text, random.Random(3))
    assert "2023" in varied and "15/3/2024" in varied
    assert re.sub(r"\d", "9", varied) == re.sub(r"\d", "9", text)
    numbers = re.findall(r"\d[\d.]*", varied)
    assert numbers[1] != "1.160" or numbers[3] != "125"
    assert re.search(r"\b0\d tập thể", varied)


def test_corpus_is_deterministic_and_made_of_seed_paragraphs(tmp_path):
    first = build_corpus(6, tmp_path / "a", seed=1)
    second = build_corpus(6, tmp_path / "b", seed=1)
    other = build_corpus(6, tmp_path / "c", seed=2)
    assert [p.name for p in first] == [f"doc_{i:05d}.txt" for i in range(6)]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]

    shapes = {re.sub(r"\d", "9", p) for a in load_articles() for p in a.paragraphs}
    for path in first:
        paragraphs = path.read_text(encoding="utf-8").strip().split("\n\n")
        assert len(paragraphs) >= 7
        assert all(re.sub(r"\d", "9", p) in shapes for p in paragraphs)
    texts = [p.read_text(encoding="utf-8") for p in first]
    assert len(set(texts)) == len(texts)
    assert "tỉnh" in texts[0]


def test_text_corpus_keeps_each_text_whole_with_numbers_varied(tmp_path):
    from benchmarks.corpus import SEEDS, big_document, build_text_corpus, load_texts

    texts = [text for _, text in load_texts(SEEDS)]
    paths = build_text_corpus(7, tmp_path / "a", SEEDS)
    again = build_text_corpus(7, tmp_path / "b", SEEDS)
    assert [p.read_bytes() for p in paths] == [p.read_bytes() for p in again]
    for index, path in enumerate(paths):
        text = path.read_text(encoding="utf-8")
        original = texts[index % len(texts)]
        assert re.sub(r"\d", "9", text) == re.sub(r"\d", "9", original)
    assert paths[1].read_text(encoding="utf-8") != paths[6].read_text(encoding="utf-8")

    big = big_document(100_000, SEEDS)
    assert len(big.encode("utf-8")) >= 100_000
    assert big.count(texts[0][:40].split("\n")[0]) >= 1


def test_stage_timer_charges_inner_stages_to_themselves():
    from benchmarks.stages import StageTimer

    timer = StageTimer()
    inner = timer.wrap("numbers", lambda: sum(range(20_000)))

    def outer():
        inner()
        return sum(range(20_000))

    timed_outer = timer.wrap("figures", outer)
    timed_outer()
    assert timer.seconds["numbers"] > 0 and timer.seconds["figures"] > 0
    table = timer.table()
    assert set(table) >= {"read", "normalize", "numbers", "figures", "NER", "store", "export"}


def test_stage_timer_can_leave_the_warm_up_out_of_the_stages():
    from benchmarks.stages import StageTimer

    timer = StageTimer(from_first_read=True)
    geo = timer.wrap("geo", lambda: sum(range(20_000)))
    read = timer.wrap("read", lambda: None)
    geo()  # the warm-up, before any file is read
    assert timer.seconds["geo"] == 0 and timer.startup["geo"] > 0
    read()
    geo()
    assert timer.seconds["geo"] > 0


def test_fastest_of_repeated_runs_skips_a_failed_one_and_keeps_every_time():
    from benchmarks.run import fastest

    runs = [
        {"seconds": 9.0, "returncode": 0, "peak_mb": 10},
        {"seconds": 4.0, "returncode": 1, "peak_mb": 11},
        {"seconds": 7.5, "returncode": 0, "peak_mb": 12},
    ]
    best = fastest(runs)
    assert best["seconds"] == 7.5 and best["peak_mb"] == 12
    assert best["all_seconds"] == [9.0, 4.0, 7.5]
    assert fastest(runs[1:2])["returncode"] == 1  # all failed: the failure is shown
