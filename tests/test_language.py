"""A document not in Vietnamese is recorded with its language and gives no figures
unless allowed; its numbers are then read with its own separators."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS, read_csv, run_antq

from extractors.extract import extract_document
from extractors.text.language import detect_language

ENGLISH = (
    "Provincial police launched the movement to protect national security in 2023. "
    "The district has 15,000 residents, and police held 1,160 campaign sessions with "
    "more than 145,410 participants. Growth reached 2.5 percent."
)


def test_the_language_of_every_corpus_document_is_vietnamese():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.parent.glob("*/*.txt"))]
    assert texts and {detect_language(t) for t in texts} == {"vi"}


def test_english_text_is_english():
    assert detect_language(ENGLISH) == "en"


def test_english_quoting_vietnamese_names_is_still_english():
    text = (
        ENGLISH + " The commune of Hưng Đạo in Quảng Trị province and the ward of "
        "Đống Đa took part in the Ngày hội festival."
    )
    assert detect_language(text) == "en"


def test_plain_vietnamese_is_told_without_the_model(monkeypatch):
    import extractors.text.language as language

    def no_model():
        raise AssertionError("the model was asked")

    monkeypatch.setattr(language, "_identifier", no_model)
    text = "Năm 2023, toàn xã tổ chức 12 buổi tuyên truyền phong trào toàn dân bảo vệ an ninh."
    assert detect_language(text) == "vi"


def test_a_foreign_document_gives_no_figures_by_default():
    extraction = extract_document(ENGLISH, with_entities="off")
    assert extraction.document.language == "en"
    assert extraction.figures == ()


def test_allowed_english_numbers_are_read_with_english_separators():
    extraction = extract_document(ENGLISH, with_entities="off", languages=("vi", "en"))
    values = {f.value for f in extraction.figures}
    assert {15000, 1160, 145410} <= values
    assert 15.0 not in values and 1.16 not in values


@pytest.mark.slow
def test_the_run_records_the_language_and_allow_language_lets_figures_in(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "english.txt").write_text(ENGLISH, encoding="utf-8")
    seed = sorted(SEEDS.glob("*.txt"))[0]
    (corpus / seed.name).write_bytes(seed.read_bytes())
    out = tmp_path / "out"
    run_antq("run", str(corpus), "--out", str(out), "--entities", "off")
    docs = read_csv(out, "documents")
    language = {
        json.loads(s)[0].rsplit("/", 1)[-1]: lang
        for s, lang in zip(docs.sources, docs.language, strict=True)
    }
    assert language == {"english.txt": "en", seed.name: "vi"}
    figures = read_csv(out, "figures")
    english_id = docs.doc_id[docs.language == "en"].iloc[0]
    assert (figures.doc_id == english_id).sum() == 0

    run_antq("run", str(corpus), "--out", str(out), "--entities", "off", "--allow-language", "en")
    figures = read_csv(out, "figures")
    english = figures[figures.doc_id == english_id]
    assert 15000 in set(english.value) and 15 not in set(english.value)
