"""A synthetic corpus of any size, recombined from the real articles in ``corpora/``.

Each document starts with the title and lead of one seed article (so it still
names a province and a subject), followed by a random draw of paragraphs from
all seeds, with every number's digits varied. The output is deterministic for
a given ``n`` and ``seed``, so two benchmark runs measure the same corpus.

Run: ``python -m benchmarks.corpus 500 /tmp/corpus``.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "corpora" / "seeds"
MODELLED = Path(__file__).resolve().parents[1] / "corpora" / "modelled" / "docs"
MIN_PARAGRAPH = 40  # shorter lines are page chrome ("A- A A+"), captions, blanks
LEAD_PARAGRAPHS = 2
BODY_PARAGRAPHS = (5, 14)
NUMBER = re.compile(r"(?<![/\d])\d+(?![/\d])")  # dates and "số 12/QĐ" stay
YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Article:
    name: str
    paragraphs: tuple[str, ...]


def load_articles(folder: Path = SEEDS) -> list[Article]:
    """The seed articles as lists of paragraphs (one non-empty line each)."""
    articles = []
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        paragraphs = tuple(line.strip() for line in lines if len(line.strip()) >= MIN_PARAGRAPH)
        if paragraphs:
            articles.append(Article(path.stem, paragraphs))
    if not articles:
        raise FileNotFoundError(f"no .txt articles in {folder}")
    return articles


def vary_numbers(text: str, rng: random.Random) -> str:
    """Replace the digits of every number, keeping its length, format and years.

    Years and numbers next to a slash (dates, document numbers) stay as they
    are, so a report's period stays plausible; other digit runs get new digits
    with the same count, a leading 0 kept (``05 đợt``).
    """

    def swap(match: re.Match[str]) -> str:
        digits = match.group(0)
        if YEAR.fullmatch(digits):
            return digits
        new = [rng.choice("0123456789") for _ in digits]
        if digits[0] != "0" and len(digits) > 1:
            new[0] = rng.choice("123456789")
        elif digits[0] == "0":
            new[0] = "0"
        return "".join(new)

    return NUMBER.sub(swap, text)


def synthetic_document(index: int, articles: Sequence[Article], rng: random.Random) -> str:
    base = articles[index % len(articles)]
    pool = [p for a in articles for p in a.paragraphs[LEAD_PARAGRAPHS:]] or list(base.paragraphs)
    body = rng.sample(pool, min(len(pool), rng.randint(*BODY_PARAGRAPHS)))
    paragraphs = [*base.paragraphs[:LEAD_PARAGRAPHS], *body]
    return "\n\n".join(vary_numbers(p, rng) for p in paragraphs) + "\n"


def build_corpus(n: int, out: Path, seed: int = 0, source: Path = SEEDS) -> list[Path]:
    """Write ``n`` documents ``doc_00000.txt`` ... into ``out``; returns their paths."""
    articles = load_articles(source)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(n):
        rng = random.Random(f"{seed}:{index}")
        path = out / f"doc_{index:05d}.txt"
        path.write_text(synthetic_document(index, articles, rng), encoding="utf-8")
        paths.append(path)
    return paths


def default_source() -> Path:
    """``corpora/modelled/docs`` (texts modelled on real reports), else the seeds."""
    return MODELLED if any(MODELLED.glob("*.txt")) else SEEDS


def load_texts(folder: Path) -> list[tuple[str, str]]:
    """(name, text) of every ``.txt`` in ``folder``, in name order."""
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    if not texts:
        raise FileNotFoundError(f"no .txt documents in {folder}")
    return texts


def build_text_corpus(n: int, out: Path, source: Path, seed: int = 0) -> list[Path]:
    """``n`` documents, each a whole text of ``source`` (cycled) with its numbers varied.

    Unlike :func:`build_corpus`, documents are not recombined: each reads
    like the report it comes from (one province, its own length).
    """
    texts = load_texts(source)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(n):
        rng = random.Random(f"{seed}:{index}")
        path = out / f"doc_{index:05d}.txt"
        path.write_text(vary_numbers(texts[index % len(texts)][1], rng), encoding="utf-8")
        paths.append(path)
    return paths


def big_document(size_bytes: int, source: Path, seed: int = 0) -> str:
    """One long document: the texts of ``source`` one after another, numbers varied
    anew on each pass, until it holds ``size_bytes`` of UTF-8."""
    texts = [text for _, text in load_texts(source)]
    rng = random.Random(f"{seed}:big")
    parts: list[str] = []
    size = 0
    while size < size_bytes:
        text = vary_numbers(texts[len(parts) % len(texts)], rng)
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
    return "\n\n".join(parts)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("out", type=Path, help="folder to write them to")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = build_corpus(args.n, args.out, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {size / 1024:.0f} KB -> {args.out}")


if __name__ == "__main__":
    main()
