"""The baseline a researcher writes first: ``underthesea.ner`` over every sentence, one process.

Run: ``python -m benchmarks.baseline FOLDER``. Prints ``first-row`` on stderr when the
first sentence is tagged, and a JSON summary on stdout.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from underthesea import ner, sent_tokenize


def main(folder: str) -> None:
    start = time.perf_counter()
    sentences = tagged = 0
    for path in sorted(Path(folder).glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for sentence in sent_tokenize(line) if line.strip() else []:
                tagged += sum(tag != "O" for *_, tag in ner(sentence))
                sentences += 1
                if sentences == 1:
                    print("first-row", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - start
    print(json.dumps({"sentences": sentences, "entity_tokens": tagged, "seconds": seconds}))


if __name__ == "__main__":
    main(sys.argv[1])
