"""Scanned PDFs: read by OCR when tesseract with Vietnamese data is installed;
otherwise a failure row that says what to install."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.extract import Metadata, extract_document
from pipeline.ingest.readers import ReadFailure, read_file
from pipeline.ingest.readers import ocr as ocr_module

LINES = [
    "BÁO CÁO KẾT QUẢ PHONG TRÀO NĂM 2023",
    "Trong năm 2023, Công an tỉnh đã phối hợp tổ chức",
    "1.245 đợt phát động phong trào toàn dân bảo vệ",
    "an ninh Tổ quốc với hơn 98.500 lượt người tham gia.",
    "Nhân dân đã cung cấp 812 nguồn tin về an ninh, trật tự.",
]


def scanned_pdf(path: Path) -> Path:
    """One A4 page at 200 dpi that is only a picture of Vietnamese text."""
    font_file = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    font = ImageFont.truetype(str(font_file), 40)
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    for index, line in enumerate(LINES):
        draw.text((120, 200 + 80 * index), line, font=font, fill=0)
    page.save(path, "PDF", resolution=200)
    return path


needs_tesseract = pytest.mark.skipif(
    ocr_module.missing() is not None, reason=str(ocr_module.missing())
)


@needs_tesseract
def test_a_scanned_vietnamese_page_is_read_by_ocr(tmp_path):
    raw = read_file(scanned_pdf(tmp_path / "scan.pdf"), timeout_s=120)
    assert raw.ocr
    extraction = extract_document(
        raw.text, Metadata(format="pdf", ocr=raw.ocr), with_entities="off"
    )
    assert extraction.document.ocr
    figures = {f.value: f.indicator for f in extraction.figures}
    assert figures.get(1245) == "campaign_sessions"
    assert figures.get(98500) == "campaign_participants"
    assert figures.get(812) == "tips_received"


def test_without_tesseract_the_failure_says_what_to_install(tmp_path, monkeypatch):
    message = (
        "no OCR: tesseract is not installed (apt-get install -y tesseract-ocr tesseract-ocr-vie)"
    )
    monkeypatch.setattr(ocr_module, "missing", lambda: message)
    with pytest.raises(ReadFailure) as failure:
        read_file(scanned_pdf(tmp_path / "scan.pdf"))
    assert failure.value.reason == "no text layer"
    assert "apt-get install -y tesseract-ocr tesseract-ocr-vie" in str(failure.value)
