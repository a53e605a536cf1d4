"""``antq weaknesses``: train and measure the learned weakness detector.

Also the ``--weaknesses`` option that ``antq run`` and ``antq evaluate`` share.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

MODES = ("model", "rules")
WEAKNESSES = typer.Option(
    "model",
    "--weaknesses",
    help="Weakness detector: 'model' (the trained classifier) or 'rules' (cue rules only).",
)

app = typer.Typer(
    help="The learned weakness detector: train it, or cross-validate it.\n\n"
    "Example:  antq weaknesses train",
    no_args_is_help=True,
    add_completion=False,
)

ROOT = typer.Option(Path("."), "--root", help="Repository root holding corpora/.")


def check_weakness_mode(mode: str) -> str:
    if mode not in MODES:
        raise typer.BadParameter("choose model or rules", param_hint="--weaknesses")
    return mode


def _corpora(root: Path) -> Path:
    if not (root / "corpora").is_dir():
        raise typer.BadParameter(f"no corpora/ folder under {root}", param_hint="--root")
    return root


def _cv_lines(cv: dict) -> list[str]:
    def line(name: str, s: dict) -> str:
        return (
            f"{name:<24} P {s['precision'] or 0:.3f}  R {s['recall'] or 0:.3f}  "
            f"F1 {s['f1'] or 0:.3f}  (tp {s['tp']}, predicted {s['predicted']}, "
            f"gold {s['gold']})"
        )

    return [
        f"{cv['folds']}-fold cross-validation grouped by document: {cv['documents']} documents,"
        f" {cv['clauses']} candidate clauses, {cv['gold_weaknesses']} gold weaknesses",
        line(f"detector, threshold {cv['threshold']:.2f}", cv["at_threshold"]),
        line("detector, threshold 0.50", cv["at_0.5"]),
        *(
            [line(f"model alone, {cv['threshold']:.2f}", cv["model_alone"])]
            if "model_alone" in cv
            else []
        ),
        line("candidates rules cover", cv["rules_only"]),
    ]


@app.command()
def train(root: Path = ROOT) -> None:
    """Cross-validate, then fit on all gold corpora and write the model into the package.

    Example:  antq weaknesses train
    """
    from pipeline.evaluate.weakness_training import train as run_training

    summary = run_training(_corpora(root))
    typer.echo("\n".join(_cv_lines(summary["cross_validation"])))
    typer.echo(f"model written, data hash {summary['data_hash']}")


@app.command()
def evaluate(
    root: Path = ROOT,
    as_json: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
    themes: bool = typer.Option(
        True, help="Also: themes leave-one-province-out; solutions and named models."
    ),
) -> None:
    """Document-grouped cross-validation of the detector (P/R/F1), without writing anything.

    Example:  antq weaknesses evaluate
    """
    from pipeline.evaluate.weakness_training import cross_validate, load_documents

    cv = cross_validate(load_documents(_corpora(root)))
    result: dict = {"weaknesses": cv}
    if themes:
        from pipeline.evaluate.clause_measures import measure_clauses

        result.update(measure_clauses(root))
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    typer.echo("\n".join(_cv_lines(cv)))
    if themes:
        from pipeline.evaluate.clause_measures import format_measures

        typer.echo(format_measures(result))
