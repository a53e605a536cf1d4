"""The ``antq`` command line. Every command shows an example in ``--help``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from pipeline.cli.weaknesses import WEAKNESSES, check_weakness_mode
from pipeline.cli.weaknesses import app as weaknesses_app

app = typer.Typer(
    help="antq: Vietnamese provincial reports -> a comparable, reviewable dataset.\n\n"
    "Example:  antq run corpora/seeds --out out/",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.add_typer(weaknesses_app, name="weaknesses")
from pipeline.cli.codebook import codebook_app  # noqa: E402  (light: typer only)
from pipeline.cli.options import JSON, OUT  # noqa: E402

app.add_typer(codebook_app, name="codebook")


def _store(out: Path, store: Path | None) -> Path:
    return store or out / "antq.duckdb"


def _existing_store(out: Path, store: Path | None) -> Path:
    """The store, or one clear line and exit 2 when there is none."""
    path = _store(out, store)
    if not path.is_file():
        typer.echo(f"no store at {path}: run `antq run FILES --out {out}` first", err=True)
        raise typer.Exit(code=2)
    return path


def _print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


@app.command()
def run(
    inputs: list[str] = typer.Argument(..., help="Files, folders (recursive) or glob patterns."),
    out: Path = OUT,
    manifest: Path | None = typer.Option(
        None, help="CSV with columns path,url,province,published; its values win over detection."
    ),
    max_mb: float = typer.Option(50.0, help="Files larger than this become failures."),
    timeout: float = typer.Option(60.0, help="Per-file time limit for slow formats (PDF), s."),
    doc_timeout: float = typer.Option(
        60.0, help="Per-document extraction time budget, s; an overrun is a failure row (0: none)."
    ),
    max_unzipped_mb: float = typer.Option(
        200.0, help="A .docx that would inflate past this many MB becomes a failure."
    ),
    strict: bool = typer.Option(False, help="Exit non-zero when any file failed."),
    workers: int = typer.Option(1, help="Local Dask worker processes (1 = in this process)."),
    dask_address: str | None = typer.Option(
        None, help="Run tasks on an existing Dask cluster, e.g. tcp://10.0.0.5:8786."
    ),
    batch_size: int | None = typer.Option(None, help="Documents per task (default: automatic)."),
    entities: str = typer.Option(
        "needed",
        help="NER: 'needed' (only where its answer is used: sentences with a number "
        "or place, in documents whose province the gazetteer cannot tell), 'all' (every "
        "sentence: a complete entities.csv) or 'off'.",
    ),
    force: bool = typer.Option(
        False, help="Re-extract every file, even those the store already holds."
    ),
    weaknesses: str = WEAKNESSES,
    allow_language: list[str] = typer.Option(
        [],
        "--allow-language",
        help="Also take figures from documents in this language (ISO code, e.g. en); "
        "others are recorded with their language but give no figures. Repeatable.",
    ),
    report: bool = typer.Option(True, help="Write OUT/report.html, the review page."),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="No progress bar or log lines; only the result line."
    ),
    as_json: bool = JSON,
) -> None:
    """Ingest, extract and export: the whole pipeline as one Prefect flow.

    Example:  antq run corpora/seeds --out out/

    Example:  antq run reports/ "more/**/*.pdf" --manifest meta.csv --out out/ --workers 2

    Example:  antq run corpora/seeds --out out/ --force   (re-extract everything)

    Mistakes (a missing input, a store in use, ...) stop the run before it starts, in
    one line; Prefect's and Dask's logs go to OUT/antq.log. Ctrl-C stops at once and the
    next run resumes. Add --debug for tracebacks and logs on the terminal.

    On a terminal a progress bar shows files done, files/s, time left and the
    sentences of a large file; elsewhere one log line per batch; --quiet: neither.
    """
    import time

    from pipeline.cli.entry import debugging
    from pipeline.cli.preflight import check_run
    from pipeline.flows import progress
    from pipeline.flows.runner import run_pipeline  # light: Prefect and extractors load inside
    from pipeline.flows.stopping import RunGuard

    if entities not in ("all", "needed", "off"):
        raise typer.BadParameter("choose all, needed or off", param_hint="--entities")
    check_run(inputs, out, manifest)
    began = time.monotonic()
    with progress.reporting(progress.choose(quiet or as_json)):
        summary = run_pipeline(
            inputs,
            str(out),
            manifest_path=str(manifest) if manifest else None,
            options={
                "max_bytes": int(max_mb * 1024**2),
                "timeout_s": timeout,
                "with_entities": entities,
                "weakness_mode": check_weakness_mode(weaknesses),
                "languages": tuple(dict.fromkeys(["vi", *(x.lower() for x in allow_language)])),
                "doc_timeout_s": doc_timeout,
                "max_unzipped_bytes": int(max_unzipped_mb * 1024**2),
            },
            batch_size=batch_size,
            workers=workers,
            dask_address=dask_address,
            force=force,
            guard=RunGuard(out, quiet=not debugging()),
        )
    _after_run(summary, out, time.monotonic() - began, report, quiet, as_json)
    if strict and summary.failures:
        raise typer.Exit(code=1)


def _after_run(summary, out: Path, seconds: float, report: bool, quiet: bool, as_json: bool):
    """The review page (unless --no-report), then the result line and summary table."""
    from pipeline.cli.run_summary import print_summary, summary_facts

    page = None
    if report and (out / "antq.duckdb").is_file():
        from pipeline.review.report import write_report

        page = write_report(out / "antq.duckdb", out / "report.html")
    facts = summary_facts(summary, out, seconds, page)
    if as_json:
        _print_json(facts)
    else:
        typer.echo(summary.line())
        if not quiet:
            print_summary(facts)


@app.command()
def export(
    out: Path = OUT,
    store: Path | None = typer.Option(None, help="Store to read (default OUT/antq.duckdb)."),
    all_documents: bool = typer.Option(
        False, "--all", help="Every stored document, not only those of the latest run."
    ),
    as_json: bool = JSON,
) -> None:
    """Re-write the CSV and Parquet files from the store, applying review corrections.

    Example:  antq export --out out/
    """
    from pipeline.store.export import export_all

    counts = export_all(_existing_store(out, store), out, run_only=not all_documents)
    if as_json:
        _print_json(counts)
    else:
        typer.echo(", ".join(f"{k} {v}" for k, v in counts.items()))


@app.command()
def evaluate(
    docs: Path = typer.Option(..., help="Folder of documents named like the gold files."),
    gold: Path = typer.Option(..., help="Folder of gold JSON files (codebook.md format)."),
    manifest: Path | None = typer.Option(
        None, help="CSV path,url,province,published, as for antq run."
    ),
    as_json: bool = JSON,
    errors: bool = typer.Option(
        False, "--errors", help="List every miss, spurious figure and confusion."
    ),
    weaknesses: str = WEAKNESSES,
) -> None:
    """Score extraction strictly against gold annotations (no Prefect, no store).

    Example:  antq evaluate --docs corpora/seeds --gold corpora/gold --errors
    """
    from pipeline.evaluate import evaluate as run_evaluation
    from pipeline.evaluate import format_errors, format_report

    result = run_evaluation(docs, gold, manifest, check_weakness_mode(weaknesses))
    if as_json:
        _print_json(result)
        return
    typer.echo(format_report(result))
    if errors:
        typer.echo("")
        typer.echo(format_errors(result))


@app.command()
def review(
    out: Path = OUT,
    store: Path | None = typer.Option(None, help="Store (default OUT/antq.duckdb)."),
    export_csv: Path | None = typer.Option(None, "--export", help="Write corrections to CSV."),
    import_csv: Path | None = typer.Option(None, "--import", help="Merge corrections from CSV."),
    problems: bool = typer.Option(False, help="List corrections that no longer apply."),
) -> None:
    """Move review corrections between researchers; list the orphaned ones.

    --import merges the corrections, then re-writes the CSV files and report.html
    of OUT so they show them.

    Example:  antq review --out out/ --export corrections.csv

    Example:  antq review --out out/ --import colleague.csv
    """
    from pipeline.review.session import Review, export_corrections, import_corrections

    path = _existing_store(out, store)
    if export_csv:
        typer.echo(f"{export_corrections(path, export_csv)} corrections -> {export_csv}")
    if import_csv:
        from pipeline.review.report import write_report
        from pipeline.store.export import export_all

        typer.echo(f"{import_corrections(path, import_csv)} corrections imported")
        export_all(path, out)
        if (out / "report.html").exists():
            write_report(path, out / "report.html")
        typer.echo(f"re-exported {out}/ with the corrections applied")
    if problems or not (export_csv or import_csv):
        orphans = Review(path).orphans()
        typer.echo(orphans.to_string(index=False) if len(orphans) else "no orphaned corrections")


@app.command()
def report(
    out: Path = OUT,
    store: Path | None = typer.Option(None, help="Store to read (default OUT/antq.duckdb)."),
) -> None:
    """One self-contained HTML page to review extractions in a browser: OUT/report.html.

    antq run writes it too (unless --no-report).

    Example:  antq report --out out/
    """
    from pipeline.review.report import write_report

    if out.suffix.lower() in {".html", ".htm"}:  # the older form: --out out/report.html
        folder, page = out.parent, out
    else:
        folder, page = out, out / "report.html"
    typer.echo(str(write_report(_existing_store(folder, store), page)))


@app.command()
def plots(
    out: Path = OUT,
    group: str = typer.Option(
        "province", help="province (as written) or province_2025 (after the 2025 merger)."
    ),
    as_json: bool = JSON,
) -> None:
    """Comparison plots as PNG and SVG beside the CSV files of OUT.

    One panel per indicator (provinces sorted, one colour per period), and the
    weakness themes x provinces heatmap.

    Example:  antq plots --out out/
    """
    from pipeline.review.plots import write_plots

    if not (out / "province_indicators.csv").is_file():
        typer.echo(
            f"no province_indicators.csv in {out}: run `antq run FILES --out {out}` first", err=True
        )
        raise typer.Exit(code=2)
    files = [str(p) for p in write_plots(out, group=group)]
    if as_json:
        _print_json({"files": files})
    else:
        typer.echo("\n".join(files) if files else "nothing to plot")


@app.command()
def themes(
    evaluate_model: bool = typer.Option(
        False, "--evaluate", help="Cross-validated accuracy on gold clauses."
    ),
    discover: bool = typer.Option(False, help="Cluster 'other' weaknesses into new themes."),
    out: Path = OUT,
) -> None:
    """Weakness themes: evaluate the classifier, or propose new themes.

    Example:  antq themes --evaluate

    Example:  antq themes --discover --out out/
    """
    from pipeline.cli.themes import discover_report, evaluation_report

    if evaluate_model:
        typer.echo(evaluation_report())
    if discover:
        typer.echo(discover_report(out / "antq.duckdb"))
    if not (evaluate_model or discover):
        typer.echo("choose --evaluate or --discover (see --help)")


@app.command()
def indicators(
    suggest: bool = typer.Option(False, help="Cluster unclassified figures into candidates."),
    out: Path = OUT,
    as_json: bool = JSON,
) -> None:
    """The codebook's indicators (the text of docs/codebook.md); --suggest proposes new
    ones from unclassified figures.

    Example:  antq indicators

    Example:  antq indicators --suggest --out out/
    """
    if not suggest:
        from dataclasses import asdict

        from extractors.figures.descriptions import indicator_descriptions
        from pipeline.cli.codebook_doc import codebook_markdown

        if as_json:
            _print_json([asdict(d) for d in indicator_descriptions()])
        else:
            sys.stdout.write(codebook_markdown())
        return
    from pipeline.cli.themes import indicators_report

    typer.echo(indicators_report(out / "antq.duckdb", suggest))


from pipeline.cli import service  # noqa: E402  (light: typer only)

app.command()(service.serve)
app.command()(service.bench)
