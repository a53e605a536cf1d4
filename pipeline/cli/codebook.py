"""``antq codebook check``: validate the YAML data files researchers edit."""

from __future__ import annotations

from pathlib import Path

import typer

from pipeline.errors import UserError

codebook_app = typer.Typer(
    help="The codebook's YAML data files.\n\nExample:  antq codebook check",
    no_args_is_help=True,
)


@codebook_app.command("check")
def check_command(
    paths: list[Path] = typer.Argument(
        None, help="YAML files or folders (default: every data file under extractors/)."
    ),
) -> None:
    """Validate YAML data files: unknown or misspelt keys, a `previous:` naming no
    indicator, unknown kinds or sections, bad Matcher patterns, missing examples;
    each problem with its file, line and key.

    Example:  antq codebook check

    Example:  antq codebook check my_indicators.yaml
    """
    from extractors.checks.codebook import ROOT, check

    targets = paths or [ROOT]
    missing = [str(p) for p in targets if not p.exists()]
    if missing:
        raise UserError(f"no such file or folder: {', '.join(missing)}")
    problems = check(targets)
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        typer.echo(f"{len(problems)} problems", err=True)
        raise typer.Exit(code=1)
    typer.echo("codebook OK")


def check_at_start_up() -> None:
    """The same check before a run: a broken codebook stops it in one line."""
    from extractors.checks.codebook import check

    problems = check()
    if problems:
        more = f" (and {len(problems) - 1} more: antq codebook check)" if len(problems) > 1 else ""
        raise UserError(f"codebook: {problems[0]}{more}")
