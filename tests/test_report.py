"""The standalone review page: one self-contained, escaped HTML file with corrections applied."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from extractors.records import Document, Extraction, Figure, Weakness, content_id
from pipeline.review.report import write_report
from pipeline.review.session import Review
from pipeline.store.db import connect, write_extractions

KON_TUM = (
    "Qua công tác tuyên truyền, vận động, người dân đã cung cấp cho lực lượng Công an 726 "
    "nguồn tin về ANTT, trong đó 655 nguồn tin có giá trị.\n"
    "Một bộ phận cán bộ, đảng viên và nhân dân nhận thức chưa đầy đủ.\n"
)
QUANG_NINH = (
    "Hiện toàn tỉnh có 91 mô hình tự quản về ANTT, trong đó có 5 mô hình cấp tỉnh, "
    "25 mô hình cấp huyện và 61 mô hình cấp phường, xã.\n"
)
HOSTILE = (
    "Trang tin https://congan.example.vn/bai-viet có đoạn <script>alert('xss')</script> "
    "và <img src=x onerror=alert(1)>; toàn tỉnh có 12 mô hình.\n"
)


def figure(doc_id: str, text: str, number: str, unit: str, indicator: str, value: float):
    start = text.index(f"{number} {unit}")
    return Figure(
        doc_id=doc_id,
        start=start,
        end=start + len(number) + 1 + len(unit),
        value=value,
        indicator=indicator,
        number_start=start,
        number_end=start + len(number),
        confidence=0.9,
    )


def document(text: str, title: str, province: str, period: int | None, **extra) -> Document:
    return Document(
        doc_id=content_id(text), text=text, title=title, province=province, period=period, **extra
    )


def kon_tum() -> Extraction:
    doc = document(KON_TUM, "Kon Tum: kết quả năm 2023", "Kon Tum", 2023)
    weakness = "nhận thức chưa đầy đủ"
    return Extraction(
        document=doc,
        figures=(
            figure(doc.doc_id, KON_TUM, "726", "nguồn tin", "tips_received", 726),
            figure(doc.doc_id, KON_TUM, "655", "nguồn tin", "tips_valuable", 6.55),
        ),
        weaknesses=(
            Weakness(
                doc_id=doc.doc_id,
                start=KON_TUM.index(weakness),
                end=KON_TUM.index(weakness) + len(weakness),
                text=weakness,
                theme="awareness_low",
            ),
        ),
    )


def quang_ninh() -> Extraction:
    doc = document(QUANG_NINH, "Quảng Ninh nhân rộng mô hình tự quản", "Quảng Ninh", 2012)
    return Extraction(
        document=doc,
        figures=(
            figure(doc.doc_id, QUANG_NINH, "91", "mô hình", "models_active", 91),
            figure(doc.doc_id, QUANG_NINH, "5", "mô hình", "unclassified", 5),
        ),
    )


def hostile() -> Extraction:
    doc = document(
        HOSTILE,
        "Tin <script>alert(2)</script>",
        "Lào Cai",
        None,
        url="https://congan.example.vn/bai-viet",
    )
    return Extraction(
        document=doc,
        figures=(figure(doc.doc_id, HOSTILE, "12", "mô hình", "models_active", 12),),
    )


def make_store(path: Path, *extractions: Extraction) -> Path:
    con = connect(path)
    write_extractions(con, extractions, extractor_version="test")
    con.close()
    return path


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            self.attributes.append((name, value or ""))
            if name == "id":
                self.ids.add(value)

    def handle_data(self, data):
        self.text.append(data)


def read_page(path: Path) -> tuple[str, Page]:
    html = path.read_text(encoding="utf-8")
    page = Page()
    page.feed(html)
    return html, page


def test_report_is_one_file_without_external_references(tmp_path: Path) -> None:
    store = make_store(tmp_path / "antq.duckdb", kon_tum(), quang_ninh())
    out = write_report(store, tmp_path / "report" / "report.html")
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]
    html, page = read_page(out)
    for pattern in (r"https?://", r"//cdn", r"\bsrc\s*=", r"@import", r"url\("):
        assert not re.search(pattern, html, re.IGNORECASE), pattern
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(page.tags)
    assert page.tags.count("style") == 1


def test_table_of_contents_links_every_document(tmp_path: Path) -> None:
    store = make_store(tmp_path / "antq.duckdb", kon_tum(), quang_ninh())
    html, page = read_page(write_report(store, tmp_path / "report.html"))
    links = [value for name, value in page.attributes if name == "href"]
    doc_links = [link for link in links if link.startswith("#doc-")]
    assert len(doc_links) == 2
    assert {link[1:] for link in doc_links} <= page.ids
    assert all(link.startswith("#") for link in links)
    text = "".join(page.text)
    assert "Kon Tum: kết quả năm 2023" in text and "Quảng Ninh nhân rộng mô hình tự quản" in text
    assert "tips_received 726" in text and "models_active 91" in text
    assert "awareness_low" in text


def test_report_applies_corrections(tmp_path: Path) -> None:
    extraction = quang_ninh()
    store = make_store(tmp_path / "antq.duckdb", kon_tum(), extraction)
    review = Review(store, author="Phạm Thu")
    wrong = kon_tum().figures[1]
    review.correct(wrong.figure_id, value=655, note="655 nguồn tin có giá trị")
    review.reject(extraction.figures[1].figure_id, reason="mô hình cấp tỉnh: chi tiết, đã tính")
    _, page = read_page(write_report(store, tmp_path / "report.html"))
    text = "".join(page.text)
    assert "tips_valuable 655 ✓" in text and "tips_valuable 6.55" not in text
    assert "unclassified 5" not in text
    assert "Phạm Thu" in text  # corrections log


def test_report_escapes_a_hostile_document(tmp_path: Path) -> None:
    store = make_store(tmp_path / "antq.duckdb", hostile(), kon_tum())
    html, page = read_page(write_report(store, tmp_path / "report.html"))
    assert not {"script", "img", "link", "iframe"} & set(page.tags)
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in html
    assert "Tin &lt;script&gt;alert(2)&lt;/script&gt;" in html
    text = "".join(page.text)
    assert "<img src=x onerror=alert(1)>" in text  # shown as text
    assert "https://congan.example.vn/bai-viet" in text  # shown, not linked or loaded
    assert not re.search(r"https?://", html)
    for name, value in page.attributes:
        assert "//" not in value and not name.startswith("on"), (name, value)


def test_empty_store_gives_a_page_not_a_crash(tmp_path: Path) -> None:
    store = make_store(tmp_path / "antq.duckdb")
    _, page = read_page(write_report(store, tmp_path / "report.html"))
    assert "chưa có văn bản" in "".join(page.text)


def test_every_figure_has_one_row_with_the_number_marked(tmp_path: Path) -> None:
    store = make_store(tmp_path / "antq.duckdb", kon_tum(), quang_ninh(), hostile())
    html, page = read_page(write_report(store, tmp_path / "report.html"))
    rows = re.findall(r'<tr class="antq-fig[^"]*" id="([^"]+)"', html)
    expected = [f.figure_id for e in (kon_tum(), quang_ninh(), hostile()) for f in e.figures]
    assert sorted(rows) == sorted(expected)
    assert '<mark class="antq-ev"><b>726</b> nguồn tin</mark>' in html
    # what a reviewer reads first, in this order; the rest folded away
    headings = re.search(r'<table class="antq-fixed antq-figures">.*?</thead>', html).group(0)
    assert re.findall(r"<th>(.*?)</th>", headings) == [
        "Chỉ tiêu",
        "Giá trị",
        "Đơn vị",
        "Mức",
        "Loại",
        "Kỳ",
        "Câu gốc (số được tô)",
    ]
    assert html.count("<summary>chi tiết</summary>") == len(expected)
    assert "Nguồn tin nhân dân cung cấp" in html  # the codebook's Vietnamese label


def test_layout_fits_a_screen(tmp_path: Path) -> None:
    store = make_store(tmp_path / "antq.duckdb", kon_tum())
    html, _ = read_page(write_report(store, tmp_path / "report.html"))
    assert "table-layout: fixed" in html and "overflow-wrap: anywhere" in html
    for colgroup in re.findall(r"<colgroup>(.*?)</colgroup>", html):
        assert sum(int(w) for w in re.findall(r"width:(\d+)%", colgroup)) == 100


def test_documents_listed_by_province_then_period(tmp_path: Path) -> None:
    store = make_store(tmp_path / "antq.duckdb", quang_ninh(), hostile(), kon_tum())
    html, _ = read_page(write_report(store, tmp_path / "report.html"))
    toc = re.search(r'<nav class="antq-toc">.*?</nav>', html).group(0)
    assert re.findall(r"<h3>(.*?) \(\d+\)</h3>", toc) == ["Kon Tum", "Lào Cai", "Quảng Ninh"]
    assert "2023 · 2 số liệu" in toc and "không rõ kỳ" in toc


def test_period_label_wins_over_the_year() -> None:
    from pipeline.review.report_tables import period_text

    assert period_text({"period": 2022.0, "period_label": "6T/2022"}) == "6T/2022"
    assert period_text({"period": 2022.0}) == "2022"
    assert period_text({"period": None}) == ""
