"""The ``antq`` console script: the Typer app, with mistakes shown as one line.

``--debug`` (anywhere on the command line, or ``ANTQ_DEBUG=1``) shows full
tracebacks and leaves Prefect's and Dask's logs on the terminal; without it a
UserError prints ``antq: <message>`` and exits 2, and any other error prints
one line naming it and exits 1.
"""

from __future__ import annotations

import os
import sys

DEBUG_FLAG = "--debug"


def debugging() -> bool:
    return os.environ.get("ANTQ_DEBUG", "") not in ("", "0")


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:300] if text else ""


def _say(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if DEBUG_FLAG in args:
        os.environ["ANTQ_DEBUG"] = "1"
        args = [arg for arg in args if arg != DEBUG_FLAG]
    from pipeline.cli.main import app
    from pipeline.errors import UserError, store_in_use

    try:
        app(args=args, prog_name="antq")
    except UserError as error:
        if debugging():
            raise
        _say(f"antq: {error}")
        sys.exit(2)
    except Exception as error:
        if debugging():
            raise
        locked = store_in_use("in the output folder", error)
        if locked is not None:
            _say(f"antq: {locked}")
            sys.exit(2)
        detail = _first_line(error)
        _say(
            f"antq: unexpected {type(error).__name__}"
            + (f": {detail}" if detail else "")
            + " (run again with --debug for the traceback)"
        )
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
