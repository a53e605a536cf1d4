"""Nothing stale: a stored document is reused only when everything it depends on is unchanged."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from conftest import SEEDS, read_csv, run_antq

from pipeline.flows import cache_key as ck
from pipeline.flows.batch import Options
from pipeline.ingest.discover import ManifestEntry
from pipeline.store import db as store

SHA1 = "0" * 40


def entry(published: str | None = "2023-05-01", path: str = "/a/x.txt") -> ManifestEntry:
    return ManifestEntry(
        path=path, url="https://baokontum.vn/x", province=None, published=published
    )


def key(options: Options | None = None, row: ManifestEntry | None = None, version="v1") -> str:
    return ck.cache_key(SHA1, row, ck.key_base(options or Options(), version))


def test_a_new_manifest_row_changes_the_key_but_its_path_does_not():
    assert key(row=entry()) != key(row=None)
    assert key(row=entry("2023-05-01")) != key(row=entry("2024-01-14"))
    assert key(row=entry(path="/a/x.txt")) == key(row=entry(path="/moved/x.txt"))


def test_only_the_options_that_change_records_are_in_the_key():
    assert ck.record_options(Options()) == {
        "with_entities": "needed",
        "weakness_mode": "model",
        "languages": ("vi",),
    }
    assert key(Options(languages=("vi", "en"))) != key(Options())
    assert key(Options(with_entities="all")) != key(Options(with_entities="off"))
    assert key(Options(max_bytes=1, timeout_s=2.0)) == key(Options())


def test_extractor_reader_and_library_versions_are_in_the_key(monkeypatch):
    before = key()
    assert key(version="v2") != before
    versions = ck.library_versions()
    assert {"underthesea", "spacy", "vietnamadminunits"} <= set(versions)
    assert versions["underthesea"] is not None
    monkeypatch.setattr(ck, "library_versions", lambda: {**versions, "vietnamadminunits": "99.0"})
    assert key() != before
    monkeypatch.undo()
    monkeypatch.setattr(ck, "reader_version", lambda: "changed")
    assert key() != before


def test_a_store_from_before_cache_keys_gets_the_column_and_extracts_again(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE files (path VARCHAR, file_sha1 VARCHAR, size BIGINT, "
        "doc_id VARCHAR, format VARCHAR, url VARCHAR)"
    )
    con.execute("INSERT INTO files VALUES ('a.txt', 'abc', 1, 'd1', 'txt', NULL)")
    con.close()
    con = store.connect(path)
    try:
        columns = store.read_table(con, "files").columns
        assert "cache_key" in columns
        assert store.known_files(con, "v1") == {}
    finally:
        con.close()


def write_manifest(path: Path, rows: dict[str, str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["path", "published"])
        for name, published in rows.items():
            writer.writerow([name, published])


def extracted(stdout: str) -> int:
    match = re.search(r"\((\d+) extracted", stdout)
    assert match, stdout
    return int(match[1])


@pytest.mark.slow
def test_a_manifest_change_re_extracts_that_file_only_and_an_option_change_all(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    names = sorted(p.name for p in corpus.glob("*.txt"))
    manifest = corpus / "manifest.csv"
    write_manifest(manifest, {names[0]: "2021-03-04", names[1]: "2022-05-06"})
    out = tmp_path / "out"
    args = ["run", str(corpus), "--out", str(out), "--manifest", str(manifest)]

    assert extracted(run_antq(*args).stdout) == 5
    before = read_csv(out, "documents").set_index("doc_id")

    write_manifest(manifest, {names[0]: "2021-03-04", names[1]: "2019-12-31"})
    assert extracted(run_antq(*args).stdout) == 1
    after = read_csv(out, "documents").set_index("doc_id")
    changed = after.index[after["published"] != before["published"]].tolist()
    assert len(changed) == 1
    assert after.loc[changed[0], "published"] == "2019-12-31"
    assert names[1] in after.loc[changed[0], "sources"]
    pd.testing.assert_frame_equal(after.drop(index=changed), before.drop(index=changed))

    assert extracted(run_antq(*args, "--entities", "off").stdout) == 5
    assert extracted(run_antq(*args, "--entities", "off").stdout) == 0


def test_the_extractor_version_never_reads_as_a_number(tmp_path):
    """A bare hex digest such as ``9091192118e3`` is a float to a CSV reader; the version
    opens with a letter so a researcher's pandas keeps it as text."""
    import re

    import pandas as pd

    from extractors.extract import extractor_version

    version = extractor_version()
    assert re.fullmatch(r"v[0-9a-f]{12}", version)
    for value in (version, "v9091192118e3", "v123456789012"):
        path = tmp_path / "documents.csv"
        path.write_text(f"doc_id,extractor_version\na,{value}\n", encoding="utf-8")
        assert pd.read_csv(path)["extractor_version"].iloc[0] == value
