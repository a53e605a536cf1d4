"""Review extractions from a notebook: look at a document, then accept, reject, correct or add.

:class:`Review` reads the store here; what a reviewer decides is written by
:mod:`pipeline.review.decisions`, the connections are held by
:mod:`pipeline.review.store_access`, and corrections travel as CSV through
:mod:`pipeline.review.corrections_io`. The names below stay importable from
this module.

The store is opened for each call and closed right after, so a notebook left
open does not keep the DuckDB file locked against ``antq run``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.review import highlight
from pipeline.review.corrections import TABLES, apply_corrections, kind_of
from pipeline.review.corrections_io import export_corrections, import_corrections
from pipeline.review.decisions import (
    AUTHOR_ENV,
    Decisions,
    default_author,
    indicator_codes,
    new_correction_id,
)
from pipeline.review.store_access import KNOWN_TABLES, check_table, holding

__all__ = [
    "AUTHOR_ENV",
    "FIGURE_TABLE_COLUMNS",
    "KNOWN_TABLES",
    "Review",
    "check_table",
    "default_author",
    "export_corrections",
    "import_corrections",
    "indicator_codes",
    "new_correction_id",
]

FIGURE_TABLE_COLUMNS = [
    "figure_id",
    "indicator",
    "value",
    "unit",
    "qualifier",
    "denominator",
    "kind",
    "period",
    "breakdown",
    "evidence",
    "sentence",
    "confidence",
    "rule",
    "reviewed",
    "start",
    "end",
]


class Review(Decisions):
    """Review helpers over one store, for notebooks."""

    def __init__(self, store_path: str | Path, author: str | None = None) -> None:
        self.store_path = Path(store_path)
        self.author = default_author(author)
        self._held = None

    # --- what a reviewer looks at -------------------------------------

    @holding(read_only=True)
    def documents(self) -> pd.DataFrame:
        """One row per document with its record counts, to choose one from."""
        return self._query(
            """
            SELECT d.doc_id, d.title, d.province, d.province_2025, d.period, d.published,
                   d.source,
                   (SELECT count(*) FROM figures f WHERE f.doc_id = d.doc_id) AS n_figures,
                   (SELECT count(*) FROM weaknesses w WHERE w.doc_id = d.doc_id) AS n_weaknesses,
                   (SELECT count(*) FROM solutions s WHERE s.doc_id = d.doc_id) AS n_solutions
            FROM documents d
            ORDER BY d.province NULLS LAST, d.period NULLS LAST, d.title
            """
        )

    def find(
        self,
        province: str | None = None,
        title: str | None = None,
        doc_id: str | None = None,
    ) -> pd.DataFrame:
        """Documents matching all given criteria (case-insensitive substrings; id prefix)."""
        docs = self.documents()
        mask = pd.Series(True, index=docs.index)
        for column, wanted in (("province", province), ("title", title)):
            if wanted:
                values = docs[column].fillna("").astype(str)
                other = docs["province_2025"].fillna("").astype(str)
                hit = values.str.contains(wanted, case=False, regex=False)
                if column == "province":
                    hit |= other.str.contains(wanted, case=False, regex=False)
                mask &= hit
        if doc_id:
            mask &= docs["doc_id"].astype(str).str.startswith(doc_id)
        return docs[mask].reset_index(drop=True)

    def pick(
        self,
        province: str | None = None,
        title: str | None = None,
        doc_id: str | None = None,
    ) -> str | None:
        """The id of the first document matching, or None."""
        found = self.find(province=province, title=title, doc_id=doc_id)
        return None if found.empty else str(found["doc_id"].iloc[0])

    def choose(self, query: str | None = None) -> str | None:
        """A document from one free query: a doc_id prefix, else a province, else a title word.

        An empty query gives the first document (by province, period, title).
        """
        if not query:
            return self.pick()
        for how in ("doc_id", "province", "title"):
            found = self.pick(**{how: query})
            if found:
                return found
        return None

    def locate(self, doc_id: str, phrase: str, occurrence: int = 1) -> tuple[int, int]:
        """Offsets of the n-th occurrence of ``phrase`` in the document, for :meth:`add`."""
        docs = self._query("SELECT text FROM documents WHERE doc_id = ?", [doc_id])
        if docs.empty:
            raise KeyError(f"no document {doc_id!r} in {self.store_path}")
        text = str(docs["text"].iloc[0])
        start = -1
        for _ in range(occurrence):
            start = text.find(phrase, start + 1)
            if start < 0:
                raise ValueError(f"{phrase!r} occurs fewer than {occurrence} times in {doc_id}")
        return start, start + len(phrase)

    @holding(read_only=True)
    def records(
        self, table: str, doc_id: str | None = None, corrected: bool = True
    ) -> pd.DataFrame:
        """A record table (``figures``, ``weaknesses``...), with the corrections applied."""
        check_table(table, records_only=True)
        frame = self._table(table, doc_id)
        if not corrected:
            return frame
        kind = next(k for k, t in TABLES.items() if t == table)
        corrections = self.list(doc_id=doc_id) if doc_id else self.list()
        documents = self._table("documents", doc_id)
        result, _ = apply_corrections(frame, corrections, documents, kind=kind)
        return result

    @holding(read_only=True)
    def figures(self, doc_id: str | None = None, corrected: bool = True) -> pd.DataFrame:
        """Figures with their evidence (the highlighted text), ready to read."""
        frame = self.records("figures", doc_id, corrected)
        if frame.empty:
            return pd.DataFrame(columns=FIGURE_TABLE_COLUMNS)
        texts = self._query("SELECT doc_id, text FROM documents")
        text_of = dict(zip(texts["doc_id"], texts["text"], strict=False))
        frame["evidence"] = [
            str(text_of.get(d, ""))[int(s) : int(e)]
            for d, s, e in zip(frame["doc_id"], frame["start"], frame["end"], strict=False)
        ]
        if "reviewed" not in frame:
            frame["reviewed"] = False
        return frame[[c for c in FIGURE_TABLE_COLUMNS if c in frame.columns]]

    def flagged(self, doc_id: str | None = None, threshold: float = 0.6) -> pd.DataFrame:
        """Figures worth a look first: unclassified, or confidence below ``threshold``."""
        frame = self.figures(doc_id)
        if frame.empty:
            return frame
        low = pd.to_numeric(frame["confidence"], errors="coerce").fillna(0) < threshold
        return frame[low | (frame["indicator"] == "unclassified")].reset_index(drop=True)

    def weaknesses(self, doc_id: str | None = None) -> pd.DataFrame:
        return self.records("weaknesses", doc_id)

    def solutions(self, doc_id: str | None = None) -> pd.DataFrame:
        return self.records("solutions", doc_id)

    @holding(read_only=True)
    def orphans(self) -> pd.DataFrame:
        """Corrections that no longer apply (record or document gone, bad value), all kinds."""
        corrections = self.list()
        documents = self._table("documents")
        reports = []
        for kind, table in TABLES.items():
            _, problems = apply_corrections(self._table(table), corrections, documents, kind=kind)
            reports.append(problems)
        unknown = corrections[corrections["target_id"].map(kind_of).isna()]
        result = pd.concat(reports, ignore_index=True)
        if not unknown.empty:
            extra = unknown.assign(kind=None, problem="not a record id")
            result = pd.concat([result, extra[result.columns]], ignore_index=True)
        return result

    @holding(read_only=True)
    def document_html(self, doc_id: str, corrected: bool = True, entities: bool = False) -> str:
        """The document with its records highlighted, as HTML for ``IPython.display.HTML``.

        Entities are left out by default: place names are everywhere and would
        bury the figures; pass ``entities=True`` to see them.
        """
        docs = self._table("documents", doc_id)
        if docs.empty:
            raise KeyError(f"no document {doc_id!r} in {self.store_path}")
        spans = highlight.spans_from_tables(
            figures=self.records("figures", doc_id, corrected),
            weaknesses=self.records("weaknesses", doc_id, corrected),
            solutions=self.records("solutions", doc_id, corrected),
            named_models=self.records("named_models", doc_id, corrected),
            entities=self.records("entities", doc_id, corrected) if entities else None,
        )
        document = docs.iloc[0].to_dict()
        return highlight.style_block() + highlight.document_fragment(document, spans)
