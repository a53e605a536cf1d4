"""Inputs: files, folders, globs and a metadata manifest."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest.discover import ManifestEntry, ManifestError, discover, read_manifest
from pipeline.ingest.readers import ReadFailure


def _touch(root: Path, relative: str, text: str = "Năm 2023, toàn tỉnh có 38 mô hình.") -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    for name in [
        "kon_tum/2023/bao_cao.pdf",
        "kon_tum/2023/bao_cao.docx",
        "kon_tum/tin_tuc.html",
        "kon_tum/ghi_chu.md",
        "bac_lieu/bao_cao.TXT",
        "bac_lieu/bang_tinh.xlsx",
        "bac_lieu/.~lock.bao_cao.docx",
        ".git/config.txt",
        "bac_lieu/.an/bi_mat.txt",
    ]:
        _touch(tmp_path, name)
    return tmp_path


def _names(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root.resolve()).as_posix() for p in paths]


def test_folder_is_walked_recursively_for_supported_visible_files(tree):
    files, failures = discover([str(tree)])
    assert failures == []
    assert _names(files, tree) == [
        "bac_lieu/bao_cao.TXT",
        "kon_tum/2023/bao_cao.docx",
        "kon_tum/2023/bao_cao.pdf",
        "kon_tum/ghi_chu.md",
        "kon_tum/tin_tuc.html",
    ]
    assert all(p.is_absolute() for p in files)


def test_explicit_file_is_kept_even_when_unsupported(tree):
    files, failures = discover([str(tree / "bac_lieu" / "bang_tinh.xlsx")])
    assert (_names(files, tree), failures) == (["bac_lieu/bang_tinh.xlsx"], [])


def test_glob_patterns_and_de_duplication(tree):
    inputs = [
        str(tree / "kon_tum" / "**" / "*.pdf"),
        str(tree / "kon_tum" / "2023" / "bao_cao.pdf"),
        str(tree / "kon_tum" / "2023"),
        str(tree / "*" / "*.xlsx"),  # a glob keeps supported formats only
    ]
    files, failures = discover(inputs)
    assert failures == []
    assert _names(files, tree) == ["kon_tum/2023/bao_cao.docx", "kon_tum/2023/bao_cao.pdf"]


def test_missing_inputs_become_failures(tree):
    missing = str(tree / "khong_co.pdf")
    no_match = str(tree / "*.doc")
    files, failures = discover([missing, no_match, str(tree / "kon_tum")])
    assert len(files) == 4
    assert [(f.path, f.stage, f.reason) for f in failures] == [
        (missing, "discover", "unreadable path"),
        (no_match, "discover", "unreadable path"),
    ]
    assert all(isinstance(f, ReadFailure) for f in failures)


def test_relative_inputs_resolve(tree, monkeypatch):
    monkeypatch.chdir(tree)
    files, _ = discover(["kon_tum/ghi_chu.md", "./kon_tum/ghi_chu.md"])
    assert files == [(tree / "kon_tum" / "ghi_chu.md").resolve()]


# --- manifest -------------------------------------------------------------------


def _manifest(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "manifest.csv"
    path.write_text(text, encoding="utf-8-sig")  # as Excel saves it
    return path


def test_manifest_entries_keyed_by_resolved_path(tree):
    manifest = _manifest(
        tree,
        "path,url,province,published\n"
        "kon_tum/2023/bao_cao.pdf,https://congan.kontum.gov.vn/bc-2023,Kon Tum,2024-01-15\n"
        f"{tree / 'bac_lieu' / 'bao_cao.TXT'},,Bạc Liêu,\n",
    )
    entries = read_manifest(manifest)
    pdf = str((tree / "kon_tum" / "2023" / "bao_cao.pdf").resolve())
    assert entries[pdf] == ManifestEntry(
        path=pdf,
        url="https://congan.kontum.gov.vn/bc-2023",
        province="Kon Tum",
        published="2024-01-15",
    )
    txt = entries[str((tree / "bac_lieu" / "bao_cao.TXT").resolve())]
    assert (txt.url, txt.province, txt.published) == (None, "Bạc Liêu", None)
    files, _ = discover([str(tree)])
    assert set(entries) <= {str(p) for p in files}


def test_manifest_with_only_some_columns(tmp_path):
    entries = read_manifest(_manifest(tmp_path, "Path,Province\na.txt,Lào Cai\n"))
    assert [e.province for e in entries.values()] == ["Lào Cai"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("file,url\na.txt,\n", "path required"),
        ("path,provice\na.txt,Kon Tum\n", "unknown: provice"),
        ("path,published\na.txt,15/01/2024\n", "line 2: published '15/01/2024'"),
        ("path,province\n,Kon Tum\n", "line 2: empty path"),
        ("path\na.txt\n./a.txt\n", "line 3: ./a.txt is listed twice"),
        ("", "found none"),
    ],
)
def test_manifest_errors_say_what_is_wrong(tmp_path, text, message):
    with pytest.raises(ManifestError, match=message.replace("(", r"\(")):
        read_manifest(_manifest(tmp_path, text))


def test_missing_manifest(tmp_path):
    with pytest.raises(ManifestError, match="cannot read"):
        read_manifest(tmp_path / "none.csv")
