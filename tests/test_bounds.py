"""Bounds: a per-document extraction time budget and a cap on what a .docx inflates to.

Each gives its failure row and the rest of the batch goes on.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import corpus_factory as cf
import pytest

from pipeline.flows import batch
from pipeline.flows.batch import Options, process_batch
from pipeline.flows.budget import BudgetExceeded, time_budget
from pipeline.ingest.readers import ReadFailure, read_file

ARTICLE = cf.seed_article()


def _spin(seconds: float) -> int:
    """Pure-Python work for about ``seconds``."""
    end, count = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        count += 1
    return count


def test_budget_stops_a_long_call_and_leaves_a_short_one_alone():
    started = time.monotonic()
    with pytest.raises(BudgetExceeded), time_budget(0.2):
        _spin(30)
    assert time.monotonic() - started < 10
    with time_budget(5):
        _spin(0.05)
    _spin(0.3)  # nothing fires after the block
    with time_budget(0):
        _spin(0.05)


def test_extraction_past_its_budget_is_a_timeout_row_and_the_batch_goes_on(tmp_path, monkeypatch):
    slow = tmp_path / "slow.txt"
    slow.write_text("SLOW " + ARTICLE.text, encoding="utf-8")
    fine = tmp_path / "fine.txt"
    fine.write_text(ARTICLE.text, encoding="utf-8")
    real = batch.extract_document
    real(ARTICLE.text, with_entities="off")  # models load outside the budget

    def extract(text, *args, **kwargs):
        if text.startswith("SLOW"):
            _spin(30)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(batch, "extract_document", extract)
    started = time.monotonic()
    result = process_batch(
        [str(slow), str(fine)], Options(doc_timeout_s=0.5, with_entities="off"), {}
    )
    assert time.monotonic() - started < 25
    assert [(f["path"], f["stage"], f["reason"]) for f in result.failures] == [
        (str(slow), "extract", "timeout")
    ]
    assert "--doc-timeout" in result.failures[0]["detail"]
    assert [f.path for f in result.files] == [str(fine)]
    assert result.extractions[0].figures


def _inflating_docx(directory: Path, megabytes: int) -> Path:
    """A real .docx plus a member of zeros that compresses a thousandfold."""
    path = cf.write_docx(directory, ARTICLE)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", b"\0" * (megabytes * 1024**2))
    return path


def test_docx_that_would_inflate_past_the_cap_is_too_large(tmp_path):
    path = _inflating_docx(tmp_path, 8)
    assert path.stat().st_size < 200 * 1024
    with pytest.raises(ReadFailure) as failure:
        read_file(path, max_unzipped_bytes=4 * 1024**2)
    assert (failure.value.stage, failure.value.reason) == ("read", "too large")
    assert read_file(path).format == "docx"  # under the default cap it reads

    result = process_batch(
        [str(path)], Options(max_unzipped_bytes=4 * 1024**2, with_entities="off"), {}
    )
    assert [(f["stage"], f["reason"]) for f in result.failures] == [("read", "too large")]
    assert not result.files


def test_ner_for_the_province_reads_a_bounded_number_of_sentences() -> None:
    from extractors.extract import NER_SENTENCE_CAP, ner_sentences
    from extractors.text.normalize import normalize_text, split_sentences
    from extractors.text.numbers import find_numbers

    text = normalize_text(" ".join(f"Thôn số {i} có {i + 3} tổ tự quản." for i in range(400)))
    sentences = split_sentences(text)
    chosen = ner_sentences(text, sentences, find_numbers(text))
    assert len(sentences) == 400
    assert len(chosen) == NER_SENTENCE_CAP
    assert chosen == sentences[: len(chosen)]  # the first ones, in order
