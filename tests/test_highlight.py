"""Highlighted document HTML: every record shown in place, overlaps nested, all text escaped."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pandas as pd

from extractors.records import Document, Extraction, Figure, Weakness, content_id
from pipeline.review import highlight
from pipeline.review.session import Review
from pipeline.store.db import connect, write_extractions

BAC_LIEU = (
    "Hiện tại, toàn tỉnh Bạc Liêu có 50 mô hình, với 263 điểm nhân rộng gồm 1.522 tổ, "
    "gần 22.000 thành viên làm nhiệm vụ bảo đảm ANTT ở cơ sở.\n"
    "Các mô hình, điển hình tiên tiến phát triển chưa đồng đều, có nơi, có lúc còn mang "
    "tính hình thức, chạy theo số lượng.\n"
)
HOSTILE = (
    "Bài đăng có đoạn mã <script>alert('xss')</script> và ảnh <img src=x onerror=alert(1)> "
    'cùng chú thích "trích dẫn" & ký hiệu; toàn tỉnh có 50 mô hình <b>tự quản</b>.\n'
)


class TextAndTags(HTMLParser):
    """The visible text outside the label badges, and whether the tags nest properly."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.badge_depth = 0
        self.text: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)
        self.stack.append(tag)
        if self.badge_depth or ("class", "antq-lbl") in attrs:
            self.badge_depth += 1

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if self.badge_depth:
            self.badge_depth -= 1

    def handle_data(self, data):
        if not self.badge_depth:
            self.text.append(data)


def parse(fragment: str) -> TextAndTags:
    parser = TextAndTags()
    parser.feed(fragment)
    parser.close()
    assert not parser.stack, f"unclosed tags: {parser.stack}"
    return parser


def span(text: str, phrase: str, label: str, kind: str = "figure", colour: str = "#4e79a7"):
    start = text.index(phrase)
    return highlight.Span(start, start + len(phrase), label, colour, kind, kind, f"{kind} {label}")


def test_text_is_kept_exactly_and_every_span_marked() -> None:
    spans = [
        span(BAC_LIEU, "50 mô hình", "models_active 50"),
        span(BAC_LIEU, "263 điểm nhân rộng", "model_sites 263"),
        span(BAC_LIEU, "gần 22.000 thành viên", "model_members ≈22000"),
    ]
    html = highlight.render_text(BAC_LIEU, spans)
    parsed = parse(html)
    assert "".join(parsed.text) == BAC_LIEU
    assert parsed.tags.count("mark") == 3
    assert "model_members ≈22000" in html


def test_overlapping_spans_nest_and_stack_on_separate_tracks() -> None:
    clause = "Các mô hình, điển hình tiên tiến phát triển chưa đồng đều"
    spans = [
        span(BAC_LIEU, "có 50 mô hình, với 263", "models_active 50"),
        span(BAC_LIEU, "263 điểm nhân rộng", "model_sites 263"),  # shares "263"
        span(BAC_LIEU, clause, "weakness: models_formalistic", "weakness", "#c62828"),
        span(BAC_LIEU, "chưa đồng đều", "weakness: other", "weakness", "#c62828"),  # inside
    ]
    tracks = highlight.assign_tracks(spans)
    assert tracks[spans[0]] != tracks[spans[1]]
    assert tracks[spans[2]] != tracks[spans[3]]
    html = highlight.render_text(BAC_LIEU, spans)
    parsed = parse(html)  # raises if a tag closes out of order
    assert "".join(parsed.text) == BAC_LIEU
    # the shared "263" sits inside both figures' marks
    shared = html.index("263")
    assert html[:shared].count("<mark") - html[:shared].count("</mark>") == 2


def test_script_and_markup_in_a_document_are_shown_not_run() -> None:
    spans = [
        span(HOSTILE, "<script>alert('xss')</script>", "unclassified 1", "figure", "#9e9e9e"),
        span(HOSTILE, "50 mô hình <b>tự", 'models_active 50 "><script>', "figure"),
    ]
    html = highlight.render_text(HOSTILE, spans)
    parsed = parse(html)
    assert "".join(parsed.text) == HOSTILE
    assert set(parsed.tags) <= {"div", "mark", "span"}
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert all('"' not in (value or "") or name == "title" for name, value in parsed.attributes)


def test_figure_colour_comes_from_its_family() -> None:
    families = {"models_active": "models", "tips_received": "tips"}
    figures = pd.DataFrame(
        [
            {"figure_id": "f1", "start": 31, "end": 41, "indicator": "models_active", "value": 50},
            {"figure_id": "f2", "start": 0, "end": 5, "indicator": "unclassified", "value": 2},
            {"figure_id": "f3", "start": 6, "end": 9, "indicator": "new_code", "value": 3.5},
        ]
    )
    spans = {s.record_id: s for s in highlight.figure_spans(figures, families)}
    assert spans["f1"].colour == highlight.FAMILY_COLOURS["models"]
    assert spans["f2"].colour == highlight.FAMILY_COLOURS["unclassified"]
    assert spans["f3"].colour == highlight.DEFAULT_COLOUR
    assert spans["f1"].label == "models_active 50" and spans["f3"].label == "new_code 3.5"


def test_family_falls_back_to_the_code_prefix_without_a_codebook_entry() -> None:
    assert highlight.family_of("model_members", {}) == "models"
    assert highlight.family_of("tips_valuable", {}) == "tips"
    assert highlight.family_of("patrols", {}) == "other"
    assert highlight.family_of("patrols", {"patrols": "grassroots"}) == "grassroots"


def test_value_shows_qualifier_and_ratio() -> None:
    assert highlight.format_value(145410.0, "more_than") == ">145410"
    assert highlight.format_value(22000, "about") == "≈22000"
    assert highlight.format_value(85, "exact", 85.0) == "85/85"


def test_review_document_html_escapes_a_hostile_document(tmp_path: Path) -> None:
    doc_id = content_id(HOSTILE)
    number = HOSTILE.index("50 mô hình")
    weakness = "<script>alert('xss')</script>"
    extraction = Extraction(
        document=Document(
            doc_id=doc_id,
            text=HOSTILE,
            title="Tin <script>alert(2)</script> Bạc Liêu",
            province="Bạc Liêu",
        ),
        figures=(
            Figure(
                doc_id=doc_id,
                start=number,
                end=number + len("50 mô hình"),
                value=50,
                indicator="models_active",
                number_start=number,
                number_end=number + 2,
            ),
        ),
        weaknesses=(
            Weakness(
                doc_id=doc_id,
                start=HOSTILE.index(weakness),
                end=HOSTILE.index(weakness) + len(weakness),
                text=weakness,
                theme="other",
            ),
        ),
    )
    store = tmp_path / "antq.duckdb"
    con = connect(store)
    write_extractions(con, [extraction], extractor_version="test")
    con.close()

    html = Review(store).document_html(doc_id)
    parsed = parse(html)
    assert set(parsed.tags) <= {"style", "section", "h2", "div", "span", "b", "mark"}
    assert "<script" not in html and "<img" not in html
    assert "Tin &lt;script&gt;alert(2)&lt;/script&gt; Bạc Liêu" in html
    assert HOSTILE in "".join(parsed.text)
    assert "models_active 50" in html and "weakness: other" in html
