"""Both notebooks execute top to bottom against a run over the seeds made here."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def execute(name: str) -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    ).execute()
    return notebook


def outputs_text(notebook: nbformat.NotebookNode) -> str:
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(str(output.get("text", "")))
            parts.extend(str(v) for v in output.get("data", {}).values())
    return "\n".join(parts)


@pytest.mark.parametrize("name", ["review_extractions.ipynb", "compare_provinces.ipynb"])
def test_notebook_runs_on_the_seed_run(name, seed_run, monkeypatch):
    monkeypatch.setenv("ANTQ_OUT", str(seed_run))
    notebook = execute(name)
    text = outputs_text(notebook)
    assert "Traceback" not in text
    assert "Kon Tum" in text or "Bạc Liêu" in text
    outputs = [o for cell in notebook.cells for o in cell.get("outputs", [])]
    kinds = {kind for output in outputs for kind in output.get("data", {})}
    if name == "compare_provinces.ipynb":
        assert "image/png" in kinds  # the plots
    else:
        assert "application/vnd.jupyter.widget-view+json" in kinds  # the document picker
        assert "dt-container" in text or "itables" in text  # sortable, paged tables


def test_compare_notebook_tolerates_an_empty_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ANTQ_OUT", str(tmp_path))
    execute("compare_provinces.ipynb")
