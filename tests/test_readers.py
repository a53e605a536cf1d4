"""Every format and encoding yields the article's numbers; every bad file is a failure row."""

from __future__ import annotations

import os
import pickle
import unicodedata
from pathlib import Path

import corpus_factory as cf
import pytest

from extractors.text.legacy_fonts import from_unicode
from pipeline.ingest.readers import (
    REASONS,
    SUPPORTED_SUFFIXES,
    RawDocument,
    ReadFailure,
    decode_bytes,
    read_file,
)
from pipeline.ingest.readers.pdf_layout import pages_to_text

ARTICLE = cf.seed_article()
SENTENCES = cf.numbered_sentences(ARTICLE)

TEXT_ENCODINGS = {  # how the file is written -> what the reader reports
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "utf-16": "utf-16",
    "cp1258": "cp1258",
    "tcvn3": "tcvn3",
    "vni": "vni",
    "nfd": "utf-8",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    directory = tmp_path_factory.mktemp("corpus")
    files = {f"txt-{enc}": cf.write_txt(directory, ARTICLE, enc) for enc in TEXT_ENCODINGS}
    files |= {
        "md": cf.write_md(directory, ARTICLE),
        "html": cf.write_html(directory, ARTICLE),
        "html-cp1258": cf.write_html(directory, ARTICLE, "windows-1258"),
        "docx": cf.write_docx(directory, ARTICLE),
        "docx-tcvn3": cf.write_docx(directory, ARTICLE, "tcvn3"),
        "docx-vni": cf.write_docx(directory, ARTICLE, "vni"),
        "pdf": cf.write_pdf(directory, ARTICLE),
    }
    return files


def assert_has_every_numbered_sentence(doc: RawDocument, case_sensitive: bool = True) -> None:
    text = cf.comparable(doc.text)
    assert unicodedata.is_normalized("NFC", doc.text)
    missing = [
        s for s in SENTENCES if (s not in text if case_sensitive else s.lower() not in text.lower())
    ]
    assert not missing, f"{len(missing)}/{len(SENTENCES)} sentences missing, first: {missing[0]}"


def test_article_has_numbered_sentences():
    assert len(SENTENCES) >= 10
    assert any("145.410 lượt người" in s for s in SENTENCES)


@pytest.mark.parametrize("encoding", TEXT_ENCODINGS)
def test_txt_in_every_encoding(corpus, encoding):
    doc = read_file(corpus[f"txt-{encoding}"])
    assert (doc.format, doc.encoding) == ("txt", TEXT_ENCODINGS[encoding])
    # TCVN3 has no capitals with a tone mark: "Ủy ban" comes back as "ủy ban".
    assert_has_every_numbered_sentence(doc, case_sensitive=encoding != "tcvn3")


def test_markdown_front_matter_and_markup(corpus):
    doc = read_file(corpus["md"])
    assert (doc.format, doc.title, doc.published, doc.url) == ("md", cf.TITLE, cf.PUBLISHED, cf.URL)
    assert_has_every_numbered_sentence(doc)
    assert "**" not in doc.text and "anh-1.jpg" not in doc.text and "](" not in doc.text


@pytest.mark.parametrize("key", ["html", "html-cp1258"])
def test_html_main_text_and_metadata(corpus, key):
    doc = read_file(corpus[key])
    assert doc.format == "html"
    assert doc.title and doc.title.startswith(cf.TITLE)
    assert (doc.published, doc.url) == (cf.PUBLISHED, cf.URL)
    assert_has_every_numbered_sentence(doc)
    leftovers = [s for items in cf.BOILERPLATE.values() for s in items if s in doc.text]
    assert not leftovers


def test_html_declared_windows_1258(corpus):
    assert read_file(corpus["html-cp1258"]).encoding == "windows-1258"


@pytest.mark.parametrize("key", ["docx", "docx-tcvn3", "docx-vni"])
def test_docx_paragraphs_and_table_rows(corpus, key):
    doc = read_file(corpus[key])
    legacy = key.partition("-")[2] or None
    assert (doc.format, doc.title, doc.encoding) == ("docx", cf.TITLE, legacy)
    assert_has_every_numbered_sentence(doc, case_sensitive=legacy != "tcvn3")
    lines = doc.text.split("\n")
    for row in cf.TABLE_ROWS[1:]:
        assert " | ".join(row) in lines


def test_pdf_text_without_running_header_or_page_numbers(corpus):
    doc = read_file(corpus["pdf"])
    assert (doc.format, doc.title) == ("pdf", cf.TITLE)
    assert_has_every_numbered_sentence(doc)
    assert cf.RUNNING_HEADER not in doc.text
    assert not [line for line in doc.text.split("\n") if line.strip().startswith("Trang ")]


def test_pdf_rejoins_the_hyphenated_word_and_keeps_table_rows(corpus):
    doc = read_file(corpus["pdf"])
    paragraph = next(p for p in ARTICLE.paragraphs if any(c.isdigit() for c in p))
    word = cf.hyphenate(paragraph)[1]
    half = len(word) // 2
    assert f"{word[:half]}-" not in doc.text and word in doc.text
    lines = doc.text.split("\n")
    for row in cf.TABLE_ROWS:
        assert " | ".join(row) in lines


def test_pdf_page_count_is_realistic(corpus):
    import pdfplumber

    with pdfplumber.open(corpus["pdf"]) as pdf:
        assert len(pdf.pages) >= 3


# --- failures -------------------------------------------------------------------


def _write(directory: Path, name: str, data: bytes) -> Path:
    path = directory / name
    path.write_bytes(data)
    return path


BAD_FILES = {
    "empty file": lambda d: _write(d, "empty.txt", b""),
    "empty file (blank)": lambda d: _write(d, "blank.md", b" \n\r\n\t "),
    "binary content": cf.write_binary_txt,
    "binary content (NUL)": lambda d: _write(d, "nul.html", bytes(range(256)) * 4),
    "corrupt pdf": cf.write_corrupt_pdf,
    "encrypted pdf": lambda d: cf.write_encrypted_pdf(d, ARTICLE),
    "no text layer": cf.write_scanned_pdf,
    "unreadable path": lambda d: d / "missing.txt",
    "unreadable path (folder)": lambda d: (d / "folder.txt").mkdir() or d / "folder.txt",
    "unsupported format": lambda d: _write(d, "table.xlsx", b"PK\x03\x04"),
    "corrupt docx": lambda d: _write(d, "broken.docx", b"PK\x03\x04 not really a zip"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_files_fail_with_their_reason(tmp_path, case, monkeypatch):
    from pipeline.ingest.readers import ocr

    # a scan fails only where no OCR can read it (with tesseract: tests/test_ocr.py)
    monkeypatch.setattr(ocr, "missing", lambda: "no OCR: tesseract is not installed")
    path = BAD_FILES[case](tmp_path)
    with pytest.raises(ReadFailure) as failure:
        read_file(path)
    reason = case.split(" (")[0]
    assert failure.value.reason == reason
    assert failure.value.as_row() == {
        "path": str(path),
        "stage": "read",
        "reason": reason,
        "error_class": failure.value.error_class,
    }


def test_too_large(corpus):
    with pytest.raises(ReadFailure) as failure:
        read_file(corpus["txt-utf-8"], max_bytes=1024)
    assert failure.value.reason == "too large"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(tmp_path):
    path = _write(tmp_path, "secret.txt", "Báo cáo mật".encode())
    path.chmod(0)
    with pytest.raises(ReadFailure) as failure:
        read_file(path)
    assert failure.value.reason == "unreadable path"


def test_slow_pdf_is_stopped_and_the_next_one_is_read(corpus):
    with pytest.raises(ReadFailure) as failure:
        read_file(corpus["pdf"], timeout_s=1e-6)
    assert (failure.value.reason, failure.value.error_class) == ("timeout", "TimeoutError")
    assert read_file(corpus["pdf"]).format == "pdf"


def test_failure_survives_pickling():
    failure = ReadFailure("a.pdf", "read", "timeout", "TimeoutError")
    copy = pickle.loads(pickle.dumps(failure))
    assert copy.as_row() == failure.as_row()


def test_reason_vocabulary_is_closed():
    with pytest.raises(ValueError):
        ReadFailure("a.txt", "read", "something else")
    assert {"empty file", "no text layer", "timeout", "undecodable text"} <= set(REASONS)


def test_supported_suffixes():
    assert {".txt", ".md", ".html", ".htm", ".pdf", ".docx"} <= SUPPORTED_SUFFIXES


# --- decoding -------------------------------------------------------------------


def test_utf16_without_bom():
    text = ARTICLE.paragraphs[4]
    assert decode_bytes(text.encode("utf-16-le")) == (text, "utf-16-le")


def test_tcvn3_pasted_into_a_unicode_file():
    text = ARTICLE.paragraphs[4]
    decoded, encoding = decode_bytes(from_unicode(text, "tcvn3").encode("utf-8"))
    assert (decoded, encoding) == (text, "tcvn3")


def test_cp1258_paragraph_is_recomposed():
    text = ARTICLE.paragraphs[6]
    assert decode_bytes(cf.to_cp1258(text)) == (text, "cp1258")


# --- pdf layout (no PDF needed) -------------------------------------------------


def _page(*lines: str, width: float = 500.0) -> list[tuple[str, float, float, bool]]:
    return [(line, 50.0, 50.0 + width * min(1.0, len(line) / 60), False) for line in lines]


def test_layout_joins_hyphenated_words_and_number_ranges():
    pages = [
        _page(
            "Báo cáo năm 2023 - Công an tỉnh",
            "giai đoạn 2013-",
            "2023 đã phát động phong trào toàn dân bảo vệ an ninh Tổ quốc với truy-",
            "ền thống tốt đẹp.",
            "1",
        ),
        _page(
            "Báo cáo năm 2023 - Công an tỉnh",
            "Trong năm, Công an tỉnh đã tổ chức 1.160 đợt phát động.",
            "- 2 -",
        ),
    ]
    text = pages_to_text(pages)
    assert "Báo cáo năm 2023 - Công an tỉnh" not in text
    assert "2013-2023" in text and "truyền thống" in text
    assert text.split("\n")[-1] == "Trong năm, Công an tỉnh đã tổ chức 1.160 đợt phát động."


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_short_legacy_file_is_still_recognised(encoding):
    title = "Báo cáo tổng kết năm 2023"
    assert decode_bytes(from_unicode(title, encoding).encode("cp1252")) == (title, encoding)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Le ministère de l'Intérieur a publié un rapport détaillé, été 2023.", "cp1252"),
        ("Отчёт о работе полиции провинции Кон Тум за 2023 год", "cp1251"),
    ],
)
def test_other_code_pages_are_not_mistaken_for_legacy_fonts(text, codec):
    decoded, encoding = decode_bytes(text.encode(codec))
    assert decoded == text and encoding not in ("tcvn3", "vni")


@pytest.mark.parametrize("encoding", ["cp1258", "tcvn3", "vni"])
def test_large_file_encoding_chosen_on_a_sample_applies_to_the_whole(monkeypatch, encoding):
    from pipeline.ingest.readers import encoding as module

    monkeypatch.setattr(module, "SAMPLE_BYTES", 2000)
    text = ARTICLE.text
    decoded, name = decode_bytes(cf.encode_text(text, encoding))
    expected = text.lower() if encoding == "tcvn3" else text
    assert name == encoding
    assert (decoded.lower() if encoding == "tcvn3" else decoded) == expected
