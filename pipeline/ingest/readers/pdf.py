"""PDF files, parsed in a worker process so a slow file can be stopped.

Starting a process per file would cost more than most PDFs take to parse, so
each thread keeps one long-lived worker process (a fresh interpreter, so it
is safe next to Prefect's threads) and sends it paths one at a time. A file that runs past
its time limit gets the worker killed; the next PDF starts a fresh one. The
worker is also replaced every RECYCLE_AFTER files, which bounds memory that
pdfminer may hold on to.
"""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
import threading
import unicodedata
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from extractors.text.legacy_fonts import convert_legacy

from .base import DecodeError, RawDocument, ReadFailure
from .pdf_layout import pages_to_text

RECYCLE_AFTER = 200
STARTUP_TIMEOUT_S = 120.0
MIN_LETTERS_PER_PAGE = 20  # below this, a PDF with images is a scan


def _worker_env() -> dict[str, str]:
    """The worker must import this package even when it is not installed."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[3])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


class _Worker:
    """A `python -m pipeline.ingest.readers.pdf_extract` process fed over two private pipes.

    A plain subprocess rather than multiprocessing's spawn: spawn re-runs the
    caller's __main__, which breaks scripts without a main guard and stdin.
    """

    def __init__(self) -> None:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        try:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "pipeline.ingest.readers.pdf_extract",
                    str(to_child_r),
                    str(from_child_w),
                ],
                pass_fds=(to_child_r, from_child_w),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env=_worker_env(),
            )
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        self.outbox = Connection(to_child_w, readable=False)
        self.inbox = Connection(from_child_r, writable=False)
        self.served = 0
        if not self.inbox.poll(STARTUP_TIMEOUT_S):
            self.kill()
            raise TimeoutError("PDF worker did not start")
        self.inbox.recv()

    def alive(self) -> bool:
        return self.process.poll() is None

    def extract(self, path: str | tuple[str, str], timeout_s: float) -> dict[str, Any]:
        self.outbox.send(path)
        if not self.inbox.poll(timeout_s):
            raise TimeoutError(f"no result after {timeout_s} s")
        self.served += 1
        return self.inbox.recv()

    def kill(self) -> None:
        if self.alive():
            self.process.kill()
        self.process.wait(timeout=10)
        self.outbox.close()
        self.inbox.close()

    def stop(self) -> None:
        try:
            self.outbox.send(None)
            self.process.wait(timeout=2)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        self.kill()


_local = threading.local()
_all_workers: set[_Worker] = set()
_lock = threading.Lock()


def _worker() -> _Worker:
    worker: _Worker | None = getattr(_local, "worker", None)
    if worker is None or not worker.alive() or worker.served >= RECYCLE_AFTER:
        if worker is not None:
            _discard(worker, stop=True)
        worker = _Worker()
        with _lock:
            _all_workers.add(worker)
        _local.worker = worker
    return worker


def _discard(worker: _Worker, stop: bool) -> None:
    with _lock:
        _all_workers.discard(worker)
    if stop:
        worker.stop()
    else:
        worker.kill()
    if getattr(_local, "worker", None) is worker:
        _local.worker = None


@atexit.register
def shutdown_workers() -> None:
    """Stop every PDF worker of this process (also called at exit)."""
    with _lock:
        workers = list(_all_workers)
    for worker in workers:
        _discard(worker, stop=True)


def _title(raw: str | None) -> str | None:
    if not raw:
        return None
    title = raw.strip()
    for prefix in ("Microsoft Word - ", "Microsoft Word-"):
        if title.startswith(prefix):
            title = title[len(prefix) :]
    return title or None


def _in_worker(request: str | tuple[str, str], path: str, timeout_s: float) -> dict[str, Any]:
    worker = _worker()
    try:
        result = worker.extract(request, timeout_s)
    except TimeoutError as exc:
        _discard(worker, stop=False)
        raise ReadFailure(path, "read", "timeout", type(exc).__name__) from exc
    except (EOFError, OSError) as exc:  # the worker died: the file crashed the parser
        _discard(worker, stop=False)
        raise ReadFailure(path, "read", "corrupt pdf", "WorkerDied") from exc
    if "error" in result:
        raise ReadFailure(path, "read", result["error"], result["error_class"])
    return result


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _read_scan(path: str, timeout_s: float, pages: int) -> str:
    """The text of a scanned PDF by OCR, or a failure saying what to install."""
    from .ocr import missing, page_text

    problem = missing()
    if problem is not None:
        raise ReadFailure(path, "read", "no text layer", None, hint=problem)
    lines = _in_worker(("ocr", path), path, timeout_s)["pages"]
    text = unicodedata.normalize("NFC", "\n".join(page_text(page) for page in lines))
    if _letters(text) < MIN_LETTERS_PER_PAGE * max(pages, 1):
        raise ReadFailure(path, "read", "no text layer", None, hint="OCR found no text")
    return text


def read_pdf(path: str, timeout_s: float) -> RawDocument:
    result = _in_worker(path, path, timeout_s)
    pages = result["pages"]
    text = unicodedata.normalize("NFC", pages_to_text(pages))
    if _letters(text) < MIN_LETTERS_PER_PAGE * max(len(pages), 1) and result["image_pages"]:
        text = _read_scan(path, timeout_s, len(pages))
        return RawDocument(
            path=path, text=text, format="pdf", title=_title(result["title"]), ocr=True
        )
    if not text.strip():
        raise DecodeError("empty file", "no text in the PDF")
    text, legacy = convert_legacy(text)
    return RawDocument(
        path=path,
        text=text,
        format="pdf",
        title=_title(result["title"]),
        encoding=legacy,
    )
