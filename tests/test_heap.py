"""The collector setting of long runs: once per process, after the models load."""

import subprocess
import sys

SCRIPT = """
import gc
from pipeline.flows import heap
from pipeline.flows.batch import Options, process_batch
assert gc.get_freeze_count() == 0
result = process_batch([sys.argv[1]], Options(), {})
assert result.extracted == 1, result.failures
frozen = gc.get_freeze_count()
assert frozen > 100_000, frozen  # the loaded models and vocabularies
assert gc.get_threshold()[0] == heap.YOUNG_THRESHOLD
assert heap.settle_once() is False  # once per process
assert gc.get_freeze_count() == frozen
print("ok")
"""


def test_first_extracted_document_settles_the_heap_once(tmp_path):
    doc = tmp_path / "report.txt"
    doc.write_text(
        "Năm 2024, Công an huyện đã tổ chức 12 buổi tuyên truyền cho 1.500 lượt người.",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-c", "import sys\n" + SCRIPT, str(doc)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
