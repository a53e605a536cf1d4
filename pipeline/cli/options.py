"""Options shared by several commands (one meaning of --out and --json everywhere)."""

from pathlib import Path

import typer

OUT = typer.Option(Path("out"), "--out", help="Output folder (store, CSV, Parquet).")
JSON = typer.Option(False, "--json", help="Print one JSON object on stdout instead of text.")
