"""Build test input files at test time from a real seed article.

Nothing binary is committed: each builder writes one file (txt in every
encoding the reader must handle, md, html, docx, pdf, and broken files) into
a directory the test owns, usually pytest's ``tmp_path``.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from extractors.text.legacy_fonts import from_unicode

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpora" / "seeds"

TITLE = "Kết quả xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023"
URL = "https://congan.kontum.gov.vn/tin-tuc/phong-trao-toan-dan-bao-ve-antq-2023"
PUBLISHED = "2024-01-15"
RUNNING_HEADER = "CÔNG AN TỈNH KON TUM — Báo cáo tổng kết năm 2023"
TABLE_ROWS = [
    ["Chỉ tiêu", "Số lượng"],
    ["Nguồn tin về ANTT", "726"],
    ["Nguồn tin có giá trị", "655"],
    ["Mô hình tiên tiến đang duy trì", "38"],
]
# Page furniture that a reader must drop from an HTML page.
BOILERPLATE = {
    "menu": ["Trang chủ", "Phổ biến pháp luật", "Liên hệ góp ý"],
    "share": ["Chia sẻ Facebook", "Gửi qua Zalo", "In bài viết"],
    "credit": ["Ảnh: Phòng Tham mưu Công an tỉnh cung cấp"],
    "footer": ["Bản quyền thuộc Cổng thông tin điện tử Công an tỉnh Kon Tum"],
}


@dataclass(frozen=True)
class Article:
    title: str
    paragraphs: list[str]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def seed_article(prefix: str = "001") -> Article:
    """A seed article's body paragraphs; the site's accessibility toolbar line is left out."""
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    body = [p for p in paragraphs if not p.startswith("A- A A+")]
    return Article(title=TITLE, paragraphs=body)


def comparable(text: str) -> str:
    """NFC with whitespace collapsed: how reader output is compared to the article."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def numbered_sentences(article: Article) -> list[str]:
    """Every sentence, of the paragraphs that carry numbers, that itself has a digit."""
    sentences: list[str] = []
    for paragraph in article.paragraphs:
        if not re.search(r"\d", paragraph):
            continue
        for sentence in re.split(r"(?<=[.!?…])\s+", paragraph):
            if re.search(r"\d", sentence):
                sentences.append(comparable(sentence))
    return sentences


# --- plain text -----------------------------------------------------------------


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes: precomposed where the code page has the letter, else a
    base letter followed by combining tone marks (how Windows stores Vietnamese)."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if _in_cp1258(ch):
            out.append(ch)
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        base, rest = decomposed[0], []
        for mark in decomposed[1:]:
            composed = unicodedata.normalize("NFC", base + mark)
            if len(composed) == 1 and _in_cp1258(composed):
                base = composed
            else:
                rest.append(mark)
        out.append(base + "".join(rest))
    return "".join(out).encode("cp1258")


def _in_cp1258(ch: str) -> bool:
    try:
        ch.encode("cp1258")
    except UnicodeEncodeError:
        return False
    return True


def encode_text(text: str, encoding: str) -> bytes:
    """Bytes of ``text`` in a Python codec, "cp1258", "nfd" (UTF-8, decomposed),
    or a legacy font "tcvn3" / "vni" saved as a Windows ANSI file."""
    if encoding == "cp1258":
        return to_cp1258(text)
    if encoding == "nfd":
        return unicodedata.normalize("NFD", text).encode("utf-8")
    if encoding in ("tcvn3", "vni"):
        return from_unicode(text, encoding).encode("cp1252")
    return text.encode(encoding)


def write_txt(directory: Path, article: Article, encoding: str) -> Path:
    path = directory / f"article_{encoding.replace('-', '_')}.txt"
    path.write_bytes(encode_text(article.text, encoding))
    return path


def write_md(directory: Path, article: Article) -> Path:
    paragraphs = list(article.paragraphs)
    paragraphs[2] = f"**{paragraphs[2]}**"
    body = "\n\n".join(
        [f"# {article.title}", "![Ảnh minh họa](anh-1.jpg)", *paragraphs, f"[Nguồn]({URL})"]
    )
    front = f"---\ntitle: {article.title}\ndate: {PUBLISHED}\nurl: {URL}\n---\n"
    path = directory / "article.md"
    path.write_text(front + body + "\n", encoding="utf-8")
    return path


# --- html -----------------------------------------------------------------------


def html_page(article: Article, charset: str = "utf-8") -> str:
    menu = "".join(
        f'<li><a href="/m{i}">{item}</a></li>' for i, item in enumerate(BOILERPLATE["menu"])
    )
    share = "".join(
        f'<a class="share" href="#s{i}">{s}</a> ' for i, s in enumerate(BOILERPLATE["share"])
    )
    middle = len(article.paragraphs) // 2
    body: list[str] = []
    for index, paragraph in enumerate(article.paragraphs):
        if index == middle:
            body.append(
                '<figure><img src="/img/anh-1.jpg" alt="">'
                f"<figcaption>{BOILERPLATE['credit'][0]}</figcaption></figure>"
            )
        body.append(f"<p>{paragraph}</p>")
    return f"""<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="{charset}">
<title>{article.title} - Công an tỉnh Kon Tum</title>
<link rel="canonical" href="{URL}">
<meta property="og:url" content="{URL}">
<meta property="og:title" content="{article.title}">
<meta property="article:published_time" content="{PUBLISHED}T08:30:00+07:00">
</head><body>
<header><nav class="menu"><ul>{menu}</ul></nav></header>
<main><article>
<h1>{article.title}</h1>
<div class="share-buttons">{share}</div>
{"".join(body)}
</article></main>
<footer><p>{BOILERPLATE["footer"][0]}. Điện thoại: 0260 3862 000.</p></footer>
</body></html>
"""


def write_html(directory: Path, article: Article, charset: str = "utf-8") -> Path:
    path = directory / f"article_{charset.replace('-', '_')}.html"
    page = html_page(article, charset)
    data = to_cp1258(page) if charset == "windows-1258" else page.encode(charset)
    path.write_bytes(data)
    return path


# --- docx -----------------------------------------------------------------------


def write_docx(directory: Path, article: Article, legacy: str | None = None) -> Path:
    """A Word file with a title, the paragraphs and a table after the middle paragraph.

    With ``legacy`` ("tcvn3"/"vni") the body is typed as in a .VnTime / VNI-Times font.
    """
    import docx

    def typed(text: str) -> str:
        return from_unicode(text, legacy) if legacy else text

    document = docx.Document()
    document.core_properties.title = article.title
    document.add_heading(typed(article.title), level=1)
    middle = len(article.paragraphs) // 2
    for index, paragraph in enumerate(article.paragraphs):
        if index == middle:
            table = document.add_table(rows=len(TABLE_ROWS), cols=2)
            for row, cells in zip(table.rows, TABLE_ROWS, strict=True):
                for cell, value in zip(row.cells, cells, strict=True):
                    cell.text = typed(value)
        document.add_paragraph(typed(paragraph))
    path = directory / f"article{'_' + legacy if legacy else ''}.docx"
    document.save(str(path))
    return path


# --- pdf ------------------------------------------------------------------------


def font_path() -> Path:
    """DejaVuSans from matplotlib's package data: Vietnamese glyphs without system fonts."""
    import matplotlib

    return Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"


def _register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(font_path())))
    return "DejaVuSans"


def hyphenate(paragraph: str) -> tuple[str, str]:
    """Reportlab markup breaking one word of ``paragraph`` across two lines with a
    hyphen, and the word that was broken."""
    words = paragraph.split(" ")
    for index in range(len(words) // 2, len(words)):
        word = words[index]
        if len(word) >= 5 and word.isalpha() and word.islower():
            cut = len(word) // 2
            words[index] = f"{word[:cut]}-<br/>{word[cut:]}"
            return " ".join(words), word
    raise ValueError("no word to hyphenate")


def write_pdf(directory: Path, article: Article, name: str = "article.pdf") -> Path:
    """A multi-page report: running header and page numbers on every page, one word
    hyphenated across a line break, and a ruled table after the middle paragraph."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _register_font()
    style = ParagraphStyle("body", fontName=font, fontSize=11, leading=15, spaceAfter=6)
    heading = ParagraphStyle("title", parent=style, fontSize=14, leading=18)

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawString(doc.leftMargin, A4[1] - 40, RUNNING_HEADER)
        canvas.drawCentredString(A4[0] / 2, 30, f"Trang {doc.page}")
        canvas.restoreState()

    numbered = next(i for i, p in enumerate(article.paragraphs) if re.search(r"\d{3}", p))
    middle = len(article.paragraphs) // 2
    story: list = [Paragraph(article.title, heading), Spacer(1, 8)]
    for index, paragraph in enumerate(article.paragraphs):
        if index == middle:
            table = Table(TABLE_ROWS, colWidths=[260, 100])
            table.setStyle(
                TableStyle(
                    [
                        ("FONT", (0, 0), (-1, -1), font, 10),
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ]
                )
            )
            story += [table, Spacer(1, 8)]
        markup = hyphenate(paragraph)[0] if index == numbered else paragraph
        story.append(Paragraph(markup, style))
    path = directory / name
    SimpleDocTemplate(str(path), pagesize=A4, title=article.title).build(
        story, onFirstPage=furniture, onLaterPages=furniture
    )
    return path


def write_scanned_pdf(directory: Path) -> Path:
    """Two pages that carry only a picture of text: no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = directory / "scanned.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(2):
        image = Image.new("L", (600, 800), 255)
        draw = ImageDraw.Draw(image)
        for line in range(30):
            draw.text((40, 40 + 24 * line), f"Bao cao trang {page + 1} dong {line}", fill=0)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        buffer.seek(0)
        pdf.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])
        pdf.showPage()
    pdf.save()
    return path


def write_encrypted_pdf(directory: Path, article: Article) -> Path:
    """A PDF that needs a user password to open (reportlab's own encryption)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    font = _register_font()
    path = directory / "encrypted.pdf"
    encryption = StandardEncryption("mat-khau", ownerPassword="chu-so-huu")
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encryption)
    pdf.setFont(font, 11)
    pdf.drawString(60, 780, article.paragraphs[1][:80])
    pdf.showPage()
    pdf.save()
    return path


def write_corrupt_pdf(directory: Path) -> Path:
    path = directory / "corrupt.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n" + bytes(range(256)) * 8
    )
    return path


def write_binary_txt(directory: Path) -> Path:
    """A PNG saved under a .txt name."""
    from PIL import Image

    path = directory / "picture.txt"
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), (200, 30, 30)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path
