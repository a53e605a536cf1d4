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
