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
OUT = typer.Option(Path("out"), "--out", help="Output folder (store, CSV, Parquet).")


def _store(out: Path, store: Path | None) -> Path:
    return store or out / "antq.duckdb"


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
) -> None:
    """Ingest, extract and export: the whole pipeline as one Prefect flow.

    Example:  antq run corpora/seeds --out out/

    Example:  antq run reports/ "more/**/*.pdf" --manifest meta.csv --out out/ --workers 2

    Example:  antq run corpora/seeds --out out/ --force   (re-extract everything)
    """
    from pipeline.flows.runner import run_pipeline  # light: Prefect and extractors load inside

    if entities not in ("all", "needed", "off"):
        raise typer.BadParameter("choose all, needed or off", param_hint="--entities")
    summary = run_pipeline(
        inputs,
        str(out),
        manifest_path=str(manifest) if manifest else None,
        options={
            "max_bytes": int(max_mb * 1024**2),
            "timeout_s": timeout,
            "with_entities": entities,
            "doc_timeout_s": doc_timeout,
            "max_unzipped_bytes": int(max_unzipped_mb * 1024**2),
            "weakness_mode": check_weakness_mode(weaknesses),
        },
        batch_size=batch_size,
        workers=workers,
        dask_address=dask_address,
        force=force,
    )
    typer.echo(summary.line())
    if strict and summary.failures:
        raise typer.Exit(code=1)


@app.command()
def serve(
    inbox: Path = typer.Argument(..., help="Folder to watch for new or changed reports."),
    out: Path = OUT,
    doc_timeout: float = typer.Option(60.0, help="Per-document extraction time budget, s."),
    entities: str = typer.Option("needed", help="NER: needed, all or off (as for antq run)."),
    deployment: bool = typer.Option(
        True, help="Also serve the flow as the Prefect deployment 'antq-serve'."
    ),
) -> None:
    """Watch INBOX: every new or changed report is extracted and the CSVs re-written.

    Prints 'watching INBOX' when ready and one line per batch; Ctrl-C stops it
    after the batch in progress.

    Example:  antq serve inbox/ --out out/
    """
    from pipeline.flows.serve import serve as serve_inbox

    if entities not in ("all", "needed", "off"):
        raise typer.BadParameter("choose all, needed or off", param_hint="--entities")
    if inbox.exists() and not inbox.is_dir():
        raise typer.BadParameter(f"{inbox} is not a folder", param_hint="INBOX")
    options = {"with_entities": entities, "doc_timeout_s": doc_timeout}
    serve_inbox(inbox, out, options, serve_deployment=deployment)


@app.command()
def export(
    out: Path = OUT,
    store: Path | None = typer.Option(None, help="Store to read (default OUT/antq.duckdb)."),
    all_documents: bool = typer.Option(
        False, "--all", help="Every stored document, not only those of the latest run."
    ),
) -> None:
    """Re-write the CSV and Parquet files from the store, applying review corrections.

    Example:  antq export --out out/
    """
    from pipeline.store.export import export_all

    counts = export_all(_store(out, store), out, run_only=not all_documents)
    typer.echo(", ".join(f"{k} {v}" for k, v in counts.items()))


@app.command()
def evaluate(
    docs: Path = typer.Option(..., help="Folder of documents named like the gold files."),
    gold: Path = typer.Option(..., help="Folder of gold JSON files (codebook.md format)."),
    manifest: Path | None = typer.Option(
        None, help="CSV path,url,province,published, as for antq run."
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
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
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
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

    Example:  antq review --out out/ --export corrections.csv

    Example:  antq review --out out/ --import colleague.csv && antq export --out out/
    """
    from pipeline.review.session import Review, export_corrections, import_corrections

    path = _store(out, store)
    if export_csv:
        typer.echo(f"{export_corrections(path, export_csv)} corrections -> {export_csv}")
    if import_csv:
        typer.echo(f"{import_corrections(path, import_csv)} corrections imported")
    if problems or not (export_csv or import_csv):
        orphans = Review(path).orphans()
        typer.echo(orphans.to_string(index=False) if len(orphans) else "no orphaned corrections")


@app.command()
def report(
    out: Path = typer.Option(Path("out/report.html"), "--out", help="HTML file to write."),
    store: Path = typer.Option(Path("out/antq.duckdb"), help="Store to read."),
) -> None:
    """One self-contained HTML page to review extractions in a browser.

    Example:  antq report --store out/antq.duckdb --out out/report.html
    """
    from pipeline.review.report import write_report

    typer.echo(str(write_report(store, out)))


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
) -> None:
    """The codebook's indicators; --suggest proposes new ones from unclassified figures.

    Example:  antq indicators --suggest --out out/
    """
    from pipeline.cli.themes import indicators_report

    typer.echo(indicators_report(out / "antq.duckdb", suggest))


@app.command()
def bench(
    docs: list[int] = typer.Option([50, 500], "--docs", help="Corpus size; give two or more."),
    workers: int = typer.Option(2, help="Workers of the Dask run (1: skip it)."),
    baseline: bool = typer.Option(True, help="Also time bare underthesea.ner (slow)."),
    big_mb: float = typer.Option(1.5, help="Size of the one big document, MB (0: skip)."),
    serve: bool = typer.Option(True, help="Also time antq serve on a new file."),
    source: Path | None = typer.Option(None, help="Folder of .txt texts (default modelled)."),
    json_out: Path | None = typer.Option(None, "--json", help="Also write the JSON here."),
) -> None:
    """Per-document time against bare underthesea.ner, per stage, memory, a big document.

    The corpus is the texts of corpora/modelled/docs (the seeds if missing), numbers
    varied; per-document time is the slope between the corpus sizes.

    Example:  antq bench --docs 50 --docs 500 --json bench.json
    """
    from benchmarks.run import main

    args = [arg for n in docs for arg in ("--docs", str(n))]
    args += ["--workers", str(workers), "--big-mb", str(big_mb)]
    args += [] if baseline else ["--no-baseline"]
    args += [] if serve else ["--no-serve"]
    args += ["--source", str(source)] if source else []
    args += ["--json", str(json_out)] if json_out else []
    raise typer.Exit(code=main(args))


if __name__ == "__main__":  # pragma: no cover
    app()
