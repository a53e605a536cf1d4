"""End to end over every input format and every kind of bad file (real CLI).

One article is written as txt (several encodings), md, html, docx and pdf;
each must give the same figures as the plain UTF-8 text. Each bad file must
become a failure row with the right reason, and nothing else may be missing.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from conftest import run_antq
from corpus_factory import (
    TABLE_ROWS,
    seed_article,
    write_binary_txt,
    write_corrupt_pdf,
    write_docx,
    write_encrypted_pdf,
    write_html,
    write_md,
    write_pdf,
    write_scanned_pdf,
    write_txt,
)

from pipeline.ingest.readers import ocr

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni", "nfd"]


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory) -> tuple[Path, dict[str, Path], dict[str, str], str]:
    root = tmp_path_factory.mktemp("formats")
    corpus = root / "corpus"
    corpus.mkdir()
    article = seed_article("001")
    valid: dict[str, Path] = {}
    for encoding in ENCODINGS:
        sub = corpus / f"txt-{encoding}"
        sub.mkdir()
        valid[encoding] = write_txt(sub, article, encoding)
    valid["md"] = write_md(corpus, article)
    valid["html"] = write_html(corpus, article)
    valid["docx"] = write_docx(corpus, article)
    valid["pdf"] = write_pdf(corpus, article)
    bad_dir = corpus / "bad"
    bad_dir.mkdir()
    empty = bad_dir / "empty.txt"
    empty.write_bytes(b"")
    large = bad_dir / "large.txt"
    large.write_text(article.text * 40, encoding="utf-8")
    bad = {
        "empty file": empty,
        "binary content": write_binary_txt(bad_dir),
        "corrupt pdf": write_corrupt_pdf(bad_dir),
        "encrypted pdf": write_encrypted_pdf(bad_dir, article),
        "too large": large,
    }
    if ocr.missing() is not None:  # with tesseract a scan is read (tests/test_ocr.py)
        bad["no text layer"] = write_scanned_pdf(bad_dir)
    out = root / "out"
    # (a missing input path stops the run instead: tests/test_fail_clearly.py)
    result = run_antq("run", str(corpus), "--out", str(out), "--max-mb", "0.3")
    bad_reasons = {str(path): reason for reason, path in bad.items()}
    return out, valid, bad_reasons, result.stdout


def _figures_by_source(out: Path) -> dict[str, Counter]:
    docs = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", keep_default_na=False)
    figures = pd.read_csv(out / "figures.csv", encoding="utf-8-sig", keep_default_na=False)
    by_doc = {
        doc_id: Counter(zip(group.value, group.indicator, group.qualifier, strict=True))
        for doc_id, group in figures.groupby("doc_id")
    }
    result = {}
    for row in docs.itertuples():
        for source in json.loads(row.sources):
            result[source] = by_doc.get(row.doc_id, Counter())
    return result


def test_every_format_gives_the_figures_of_the_plain_text(mixed_run):
    out, valid, _, _ = mixed_run
    figures = _figures_by_source(out)
    reference = figures[str(valid["utf-8"])]
    assert reference[(726.0, "tips_received", "exact")] == 1
    assert sum(reference.values()) >= 30
    table_values = {float(value) for _, value in TABLE_ROWS[1:]}
    for name, path in valid.items():
        assert str(path) in figures, f"{name} produced no document"
        got = figures[str(path)]
        # docx and pdf carry the article plus a small table of three of its numbers
        assert got - reference == Counter() or {v for v, *_ in got - reference} <= table_values
        assert reference - got == Counter(), name


def test_every_bad_file_is_a_failure_with_its_reason(mixed_run):
    out, valid, expected, stdout = mixed_run
    failures = pd.read_csv(out / "failures.csv", encoding="utf-8-sig", keep_default_na=False)
    got = dict(zip(failures.path, failures.reason, strict=True))
    assert got == expected
    assert f"{len(expected)} failures" in stdout
    docs = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", keep_default_na=False)
    sources = {s for row in docs.sources for s in json.loads(row)}
    assert sources == {str(p) for p in valid.values()}


def test_same_text_in_two_encodings_is_one_document(mixed_run):
    out, valid, _, _ = mixed_run
    docs = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", keep_default_na=False)
    row = next(r for r in docs.itertuples() if str(valid["utf-8"]) in json.loads(r.sources))
    assert str(valid["cp1258"]) in json.loads(row.sources)


def test_strict_makes_a_failure_exit_non_zero(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    result = run_antq("run", str(corpus), "--out", str(tmp_path / "o"), "--strict", check=False)
    assert result.returncode != 0
    assert "1 failures" in result.stdout
