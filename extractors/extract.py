"""One document in, every record out: the extraction diagram as a function.

``extract_document`` is pure (text and metadata in, an ``Extraction`` out),
so the Prefect tasks, ``antq evaluate`` and the tests all call the same code.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Literal

from extractors.clauses.named_models import extract_named_models
from extractors.clauses.solutions import extract_solutions
from extractors.clauses.themes import classify_solutions, classify_weaknesses
from extractors.clauses.weakness_model import detect_weaknesses
from extractors.figures.codebook import load_codebook
from extractors.figures.frames import plan_sections
from extractors.figures.labels import figure_label
from extractors.figures.sentence import DocumentContext, SentenceInput, figures_in_sentence
from extractors.figures.subsets import link_parts
from extractors.geo import places as geo
from extractors.geo.scope import NATIONAL, is_national, national_report
from extractors.geo.sites import url_votes
from extractors.ner.entities import Tagger, tag_sentences
from extractors.records import (
    Document,
    Entity,
    Extraction,
    Figure,
    NamedModel,
    Sentence,
    Solution,
    Weakness,
    content_id,
)
from extractors.text import dates, periods
from extractors.text import normalize as textmod
from extractors.text.language import VIETNAMESE, detect_language, reread_numbers
from extractors.text.numbers import NumberMention, find_numbers
from extractors.text.spans import SpanIndex
from extractors.text.tokens import Token

EntityMode = Literal["all", "needed", "off"]
ENTITY_MODES: tuple[str, ...] = ("all", "needed", "off")
# A gazetteer-only province detection at least this confident is not worth NER.
KNOWN_PROVINCE_CONFIDENCE = 0.5
# Provinces merged on this day; a report dated after it is filed under the new province.
MERGER_DATE = "2025-07-01"
# At most this many sentences go through NER when it only helps tell the province.
NER_SENTENCE_CAP = 200


@dataclass(frozen=True)
class Metadata:
    """What the reader or a manifest already knows about a document."""

    source: str = ""
    url: str | None = None
    title: str | None = None
    published: str | None = None
    province: str | None = None
    format: str = "txt"
    from_manifest: tuple[str, ...] = ()  # names of fields a manifest set
    ocr: bool = False  # the text was read by OCR from page images


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Changes whenever the code or the codebook data of ``extractors`` changes.

    The pipeline keys its cache on it, so editing a rule re-extracts. It opens with a
    letter: a bare hex digest such as ``9091192118e3`` reads as a number in a CSV reader
    (pandas takes it for 9.09e12).
    """
    digest = hashlib.sha1()
    root = Path(__file__).parent
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.yaml")]):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return "v" + digest.hexdigest()[:12]


def _mentions_inside(
    index: SpanIndex, mentions: Sequence[NumberMention], sentence: Sentence
) -> list[NumberMention]:
    return [mentions[i] for i in index.inside(sentence.start, sentence.end)]


def _linked_context(
    sentences: Sequence[Sentence], sentence: Sentence, codebook, ends: Sequence[int] = ()
) -> str:
    """The previous sentence, when this one opens with a link to it (``Qua đó, ...``).

    ``ends`` (the sentences' ends, in order and never decreasing, as
    ``split_sentences`` gives them) lets it be found by bisection.
    """
    if codebook.linked_openers is None or not codebook.linked_openers.match(sentence.text):
        return ""
    if ends:
        at = bisect_right(ends, sentence.start)
        return sentences[at - 1].text if at else ""
    before = [s for s in sentences if s.end <= sentence.start]
    return before[-1].text if before else ""


def _periods(
    text: str, title: str | None, sentences: Sequence[Sentence], published: str | None
) -> tuple[periods.Period | None, dict[int, periods.Period]]:
    """The document's period and each framed sentence's own (keyed by sentence start)."""
    pub = periods.Published.parse(published)
    year = periods.reporting_year(f"{title or ''}\n{text[:600]}", pub, text)
    framed = [(s, *periods.sentence_cue(s.text, pub, year)) for s in sentences]
    span = periods.document_period(
        title, [(s.text, p) for s, p, _ in framed], pub, year, [k for _, _, k in framed]
    )
    return span, {s.start: p for s, p, _ in framed if p is not None}


def _place_figures(
    text: str,
    figures: list[Figure],
    span: periods.Period | None,
    sentence_spans: dict[int, periods.Period],
    year: int | None,
    scope: str,
) -> list[Figure]:
    """Each figure's period (its sentence's, else the document's), scope and total."""
    placed = []
    for f in figures:
        own = sentence_spans.get(f.sentence_start) or span
        before = text[f.sentence_start : f.start]
        national = f.indicator != "models_replicated_national" and is_national(
            before[before.rfind(";") + 1 :]
        )
        placed.append(
            replace(
                f,
                period=own.year if own is not None else year,
                **periods.span_fields(own),
                scope=NATIONAL if national else scope,
            )
        )
    return link_parts(text, placed)


def _national(figures: Sequence[Figure], province: str | None, national_host: bool) -> bool:
    """The report is about the whole country: a national body holds its event, or it
    gives the country's figures and names no province, or every figure it gives (two
    at least) is the country's ("Cả nước có ... mô hình với ... điểm nhân rộng")."""
    countrys = [f.scope == NATIONAL for f in figures]
    if national_host or (province is None and any(countrys)):
        return True
    return len(countrys) >= 2 and all(countrys)


def entity_mode(with_entities: bool | str) -> EntityMode:
    """``True``/``False`` (the earlier flag) mean ``all``/``off``."""
    if isinstance(with_entities, bool):
        return "all" if with_entities else "off"
    if with_entities not in ENTITY_MODES:
        raise ValueError(f"entities must be one of {ENTITY_MODES}, not {with_entities!r}")
    return with_entities  # type: ignore[return-value]


def ner_sentences(
    text: str, sentences: Sequence[Sentence], mentions: Sequence[NumberMention]
) -> list[Sentence]:
    """Sentences whose NER answer is used: those with a number or a place mention,
    the first ``NER_SENTENCE_CAP`` of them.

    In ``needed`` mode NER's places only help tell the province; a few hundred
    sentences say it as well as ten thousand, and the cap keeps a book-length
    report from spending most of its time in NER (``all`` tags every sentence).
    """
    spans = [(m.start, m.end) for m in mentions]
    spans += [(m.start, m.end) for m in geo.find_place_mentions(text)]
    index = SpanIndex(spans)
    return [s for s in sentences if index.inside(s.start, s.end)][:NER_SENTENCE_CAP]


def _entities_and_province(
    doc_id: str,
    text: str,
    title: str | None,
    sentences: Sequence[Sentence],
    mentions: Sequence[NumberMention],
    mode: EntityMode,
    province_known: bool,
    tagger: Tagger | None,
    site: Sequence[tuple[str, float]] = (),
) -> tuple[list[Entity], geo.ProvinceDetection, dict[int, list[Token]]]:
    """NER (as much as ``mode`` asks), the province detection its LOCs feed, and
    the words of every sentence NER tokenised (reused for the figures).

    ``needed`` runs NER only when the province is not known from cheaper
    signals (a manifest, or the gazetteer alone with confidence
    ``KNOWN_PROVINCE_CONFIDENCE``), and then only on sentences with a number
    or a place mention. NER's LOCs do not change figures (their rules only
    look at number tokens), so this gives the same figures as ``all``.
    """
    if mode == "all":
        entities, words = tag_sentences(doc_id, sentences, tagger)
    else:
        detection = geo.detect_province(text, title=title, url_votes=site)
        if mode == "off" or province_known or detection.confidence >= KNOWN_PROVINCE_CONFIDENCE:
            return [], detection, {}
        entities, words = tag_sentences(doc_id, ner_sentences(text, sentences, mentions), tagger)
    loc_names = [e.text for e in entities if e.label == "LOC"]
    return (
        entities,
        geo.detect_province(text, title=title, extra_names=loc_names, url_votes=site),
        words,
    )


def _event_year_date(text: str, published: str) -> str | None:
    """``published`` (from outside the text) when the lead reports an event by its day
    and month; the year before when that month comes after the publication's (an event
    of 28/12 in a page published in January)."""
    month = dates.lead_event_month(text)
    if month is None:
        return None
    year = int(published[:4])
    if len(published) >= 7 and month > int(published[5:7]):
        year -= 1
    return f"{year}{published[4:]}"


def extract_document(
    raw_text: str,
    meta: Metadata | None = None,
    tagger: Tagger | None = None,
    with_entities: bool | EntityMode = "needed",
    weakness_mode: str = "model",
    languages: Sequence[str] = (VIETNAMESE,),
    on_sentence: Callable[[int, int], None] | None = None,
) -> Extraction:
    """Every record of one document; ``with_entities`` is ``all``, ``needed`` or ``off``;
    ``weakness_mode`` is ``model`` (the trained detector) or ``rules`` (cue rules only).

    A document in a language not in ``languages`` is recorded with its language
    but gives no figures (the rules read Vietnamese; ``15,000`` is not 15 in English).
    ``on_sentence(done, total)``, when given, is called as sentences are read
    (a progress bar inside one large file); it must not raise.
    """
    meta = meta or Metadata()
    text = textmod.normalize_text(raw_text)
    doc_id = content_id(text)
    sentences = textmod.split_sentences(text)
    title = meta.title or textmod.detect_title(text)
    published = meta.published or dates.find_published(text)
    language = detect_language(text)
    mentions = reread_numbers(text, find_numbers(text), language)
    if language not in languages:
        mentions = []

    entities, detection, ner_words = _entities_and_province(
        doc_id,
        text,
        title,
        sentences,
        mentions,
        entity_mode(with_entities),
        bool(meta.province),
        tagger,
        url_votes(meta.url),
    )
    province = detection.province
    if meta.province:
        province = geo.canonical_province(meta.province) or meta.province
    province_2025 = geo.province_2025(province) if province else None
    # with no publication date, relative cues ("từ đầu năm đến nay") and the merger
    # are read against the date of the event the lead reports
    opening_date = published or dates.metadata_date(text)  # the page's own date, maybe a month
    dated = dates.event_day(text, opening_date) if opening_date else dates.event_date(text)
    if province_2025 and (dated or "") >= MERGER_DATE:
        province = province_2025  # codebook: a report after the merger uses the new province

    # a meeting a body of the whole country holds ("tại Cần Thơ, Bộ Quốc phòng chủ trì"):
    # the province named is the venue, the report is national (a manifest's province wins)
    national_host = not meta.province and any(national_report(s.text) for s in sentences[:3])
    if national_host:
        province = province_2025 = None
    codebook = load_codebook()
    own_year = int((published or dated)[:4]) if (published or dated) else None
    ctx = DocumentContext(
        doc_id, text, codebook, province, province_2025, figure_label, year=own_year
    )
    figures = _sentence_figures(ctx, sentences, mentions, entities, ner_words, on_sentence)
    span, sentence_spans = _periods(text, title, sentences, dated)
    # with no span, a page is filed under the year of its own date: its date line (a
    # date elsewhere in the text may be a decree's), the day its lead reports ("Chiều
    # 25/2, ..." in a page the manifest dates), the lead's full date, and last the
    # publication date from outside the text (a manifest, a web page's own date, a text
    # file's front matter): a news page reports its own time (round 19's annotators
    # gave such pages their publication year, with or without figures: 12 of 12).
    # A page framed over years it does not bound ("Trong những năm qua, ...") dates
    # nothing by its publication alone, nor by its own date line when it reports no
    # figure (the codebook: "null when the text gives none"; the seeds' gold leaves
    # such a dated essay without a year).
    own_date = (dates.find_published(text) if meta.published else published) or (
        dates.metadata_date(text)
    )
    if own_date is None and meta.published:
        own_date = _event_year_date(text, meta.published)
    if own_date is None:
        own_date = dates.dateline(text)  # "Sáng 9/3/2024, ...": the lead's own full date
    from_outside = own_date is None
    if from_outside:
        own_date = meta.published
    if (from_outside or not figures) and dates.spans_unbounded_years(text):
        own_date = None
    period = span.year if span is not None else (int(own_date[:4]) if own_date else None)
    figures = _place_figures(text, figures, span, sentence_spans, period, detection.scope)
    scope, scope_name = detection.scope, detection.scope_name
    if not meta.province and _national(figures, province, national_host):
        scope, scope_name = NATIONAL, None
        province = province_2025 = None
        figures = [replace(f, scope=NATIONAL, province=None, province_2025=None) for f in figures]
    span_fields = periods.span_fields(span)

    weaknesses, solutions, models = _clause_records(
        doc_id, text, weakness_mode, province, province_2025, period, span_fields
    )

    document = Document(
        doc_id=doc_id,
        text=text,
        source=meta.source,
        url=meta.url,
        title=title,
        published=published,
        province=province,
        province_2025=province_2025,
        period=period,
        **span_fields,
        scope=scope,
        scope_name=scope_name,
        format=meta.format,
        metadata_source="manifest:" + ",".join(meta.from_manifest)
        if meta.from_manifest
        else "detected",
        language=language,
        ocr=meta.ocr,
    )
    return Extraction(
        document=document,
        figures=tuple(figures),
        entities=tuple(entities),
        weaknesses=tuple(weaknesses),
        solutions=tuple(solutions),
        named_models=tuple(models),
        extra={
            "sources": [meta.source],
            "province_confidence": detection.confidence,
            "codebook_version": codebook.version,
        },
    )


def _sentence_figures(
    ctx: DocumentContext,
    sentences: Sequence[Sentence],
    mentions: Sequence[NumberMention],
    entities: Sequence[Entity],
    ner_words: dict[int, list[Token]],
    on_sentence: Callable[[int, int], None] | None,
) -> list[Figure]:
    """The figures of every sentence outside plans sections, in text order."""
    entity_spans = [(e.start, e.end, e.label) for e in entities]
    figures: list[Figure] = []
    previous_row: tuple[Sentence, str] | None = None
    plans = plan_sections(ctx.text, ctx.codebook)
    mention_index = SpanIndex([(m.start, m.end) for m in mentions])
    entity_index = SpanIndex([(start, end) for start, end, _ in entity_spans])
    ends = [s.end for s in sentences]
    if any(a > b for a, b in zip(ends, ends[1:], strict=False)):
        ends = []  # not in order: _linked_context scans instead
    for done, sentence in enumerate(sentences):
        if on_sentence is not None:
            on_sentence(done, len(sentences))
        if not mentions:
            break
        if any(start <= sentence.start < end for start, end in plans):
            continue  # targets under "PHƯƠNG HƯỚNG, NHIỆM VỤ ..." are not results
        is_row = textmod.is_list_row(sentence.text)
        continues = previous_row is not None and is_row and previous_row[0].end <= sentence.start
        item = SentenceInput(
            sentence,
            _mentions_inside(mention_index, mentions, sentence),
            [entity_spans[i] for i in entity_index.inside(sentence.start, sentence.end)],
            words=ner_words.get(sentence.start),
            row_previous=previous_row[1] if continues and previous_row else None,
            context=_linked_context(sentences, sentence, ctx.codebook, ends),
        )
        found = figures_in_sentence(ctx, item)
        figures += found
        if found:
            previous_row = (sentence, found[0].indicator) if is_row else None
        elif not is_row:
            previous_row = None
    if on_sentence is not None:
        on_sentence(len(sentences), len(sentences))
    return figures


def _clause_records(
    doc_id: str,
    text: str,
    weakness_mode: str,
    province: str | None,
    province_2025: str | None,
    period: int | None,
    span_fields: dict,
) -> tuple[list[Weakness], list[Solution], list[NamedModel]]:
    """Weaknesses (with themes), solutions (with themes) and named models of a text.

    The weakness detector reads the text with the names of models blanked: a model
    named for what it fights (“Khu dân cư không ma túy”) admits nothing.
    """
    named = extract_named_models(doc_id, text)
    blanked = text
    for m in named:
        blanked = blanked[: m.start] + " " * (m.end - m.start) + blanked[m.end :]
    weaknesses = [
        replace(w, text=text[w.start : w.end]) if blanked is not text else w
        for w in detect_weaknesses(doc_id, blanked, weakness_mode)
    ]
    themes = classify_weaknesses([w.text for w in weaknesses]) if weaknesses else []
    weaknesses = [
        replace(
            w,
            theme=theme,
            theme_score=round(score, 3),
            province=province,
            province_2025=province_2025,
            period=period,
            **span_fields,
        )
        for w, (theme, score) in zip(weaknesses, themes, strict=True)
    ]
    solutions = extract_solutions(doc_id, text)
    sol_themes = classify_solutions([s.summary for s in solutions]) if solutions else []
    solutions = [
        replace(s, theme=theme, province=province, province_2025=province_2025, period=period)
        for s, (theme, _) in zip(solutions, sol_themes, strict=True)
    ]
    models = [replace(m, province=province) for m in named]
    return weaknesses, solutions, models
