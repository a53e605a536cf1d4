"""Long-running and measuring commands: ``antq serve`` and ``antq bench``."""

from __future__ import annotations

from pathlib import Path

import typer

from pipeline.cli.options import JSON, OUT


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


def bench(
    docs: list[int] = typer.Option([50, 500], "--docs", help="Corpus size; give two or more."),
    workers: int = typer.Option(2, help="Workers of the Dask run (1: skip it)."),
    baseline: bool = typer.Option(True, help="Also time bare underthesea.ner (slow)."),
    as_json: bool = JSON,
    save: Path | None = typer.Option(None, "--save", help="Also write the JSON to this file."),
    big_mb: float = typer.Option(1.5, help="Size of the one big document, MB (0: skip)."),
    serve: bool = typer.Option(True, help="Also time antq serve on a new file."),
    source: Path | None = typer.Option(None, help="Folder of .txt texts (default modelled)."),
    repeat: int = typer.Option(
        1, min=1, help="Runs per size and kind, taking turns; the fastest is kept."
    ),
) -> None:
    """Per-document time against bare underthesea.ner, per stage, memory, a big document.

    The corpus is the texts of corpora/modelled/docs (the seeds if missing), numbers
    varied; per-document time is the slope between the corpus sizes.

    Prints a table; --json prints the results as JSON instead, --save writes them.

    Example:  antq bench --docs 50 --docs 500 --save bench.json
    """
    from benchmarks.run import main

    args = [arg for n in docs for arg in ("--docs", str(n))]
    args += ["--workers", str(workers), "--big-mb", str(big_mb)]
    args += [] if baseline else ["--no-baseline"]
    args += ["--json"] if as_json else []
    args += ["--save", str(save)] if save else []
    args += [] if serve else ["--no-serve"]
    args += ["--source", str(source)] if source else []
    args += ["--repeat", str(repeat)]
    raise typer.Exit(code=main(args))


if __name__ == "__main__":  # pragma: no cover
    from pipeline.cli.entry import main

    main()
