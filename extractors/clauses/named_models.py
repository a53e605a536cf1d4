"""Named models: the quoted names of self-management and advanced models.

Reports quote the names of their models (“Tổ tự quản dòng tộc về ANTT”), but
they also quote forums, directive titles, medals, mottos, speech and scare
words. A quoted name counts as a model when

* it stands in a list announced by a model cue (``mô hình``, ``Điển hình
  là:``, ``các mô hình như:``), possibly as a later item of that list, or
* its own words make it one: it opens with a model head noun (Tổ, Câu lạc
  bộ, Đội, Cụm, Khu, ...) or contains a model phrase (``tự quản``, ``an toàn
  về ANTT``, ``phòng chống tội phạm``),

and the text right before it does not make it something else (``diễn đàn``,
``Kỷ niệm chương``, ``phương châm``, ``Chỉ thị ... về``). Names must start
with a capital letter or a digit: lowercase quotes are mottos or scare quotes,
unless a model cue announced the list and an earlier item was taken as a name.
A closing quote whose opening quote was lost is recovered when the words
before it follow ``mô hình`` and open with a head noun.

The vocabulary lives in ``clauses.yaml`` (section ``named_models``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from extractors.clauses.weaknesses import alternation, load_vocabulary
from extractors.records import NamedModel

_PAIRS = {"“": "”", "«": "»", '"': '"'}
_CONTEXT_CHARS = 200
_MAX_GAP = 80
_OPENING = re.compile("[" + re.escape("".join(_PAIRS)) + "]")  # jumps to the next quote


@dataclass(frozen=True)
class _Quote:
    open_at: int  # index of the opening quote, or -1 when it is missing
    start: int  # the name
    end: int
    close_at: int


@dataclass(frozen=True)
class _Rules:
    head: re.Pattern[str]
    inner: re.Pattern[str]
    list_head: re.Pattern[str]
    blocking: re.Pattern[str]
    orphan: re.Pattern[str]
    max_words: int
    speech: re.Pattern[str] | None
    slogan: re.Pattern[str] | None


def _links(words: list[str]) -> str:
    """An optional linking word after a blocking word ("đạt chuẩn về “...”")."""
    return rf"(?:\s+{alternation(words)})?" if words else ""


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    vocab = load_vocabulary()["named_models"]
    head = alternation(vocab["head_nouns"], literal=False)
    return _Rules(
        head=re.compile(rf"^{head}(?!\w)"),
        inner=re.compile(rf"(?<!\w){alternation(vocab['inner_phrases'])}(?!\w)", re.IGNORECASE),
        list_head=re.compile(
            rf"{alternation(vocab['list_heads'], literal=False)}\s*$", re.IGNORECASE
        ),
        blocking=re.compile(
            rf"(?<!\w){alternation(vocab['blocking_contexts'], literal=False)}"
            rf"{_links(vocab.get('blocking_links', []))}\s*$",
            re.IGNORECASE,
        ),
        orphan=re.compile(rf"mô\s+hình\s+(?:như\s*:?\s*)?(?={head}(?!\w))", re.IGNORECASE),
        max_words=int(vocab["max_words"]),
        speech=(
            re.compile(rf"(?<!\w){alternation(vocab['speech_words'])}(?!\w)", re.IGNORECASE)
            if vocab.get("speech_words")
            else None
        ),
        slogan=(
            re.compile(rf"^{alternation(vocab['slogan_openers'])}(?!\w)")
            if vocab.get("slogan_openers")
            else None
        ),
    )


def _quotes(text: str) -> list[_Quote]:
    """Quoted stretches, plus closing quotes whose opening quote is missing."""
    quotes: list[_Quote] = []
    used: set[int] = set()
    pos = 0
    while (opening := _OPENING.search(text, pos)) is not None:
        pos = opening.start()
        char = text[pos]
        closing = _PAIRS[char]
        close_at = text.find(closing, pos + 1)
        if char == '"':
            # a straight opening quote closed by a curly one on its line ('"Đội xung kích
            # an ninh” ở thôn'): pages mix the two
            curly = text.find("”", pos + 1)
            line_end = text.find("\n", pos + 1)
            same_line = curly != -1 and (line_end == -1 or curly < line_end)
            if same_line and (close_at == -1 or curly < close_at):
                closing, close_at = "”", curly
        reopen = text.find(char, pos + 1) if char != closing else -1
        if char == "“":
            # ... and a curly opening quote closed by a straight one on its line ('“Thắp
            # sáng niềm tin", “Cổng trường ..."'), before any other quote opens
            straight = text.find('"', pos + 1)
            line_end = text.find("\n", pos + 1)
            if (
                straight != -1
                and (line_end == -1 or straight < line_end)
                and (close_at == -1 or straight < close_at)
                and (reopen == -1 or straight < reopen)
            ):
                closing, close_at = '"', straight
        if char == "“" and reopen != -1 and (close_at == -1 or reopen < close_at):
            # an opening quote typed for the closing one ('“ vận động ... tội phạm “, mô
            # hình ...'): it opens nothing when no word follows it on its line
            after = text[reopen + 1 : reopen + 2]
            line_end = text.find("\n", pos + 1)
            if (not after or not after.isalnum()) and (line_end == -1 or reopen < line_end):
                closing, close_at, reopen = "“", reopen, -1
        # Curly quotes may wrap a line; straight quotes pair only on one line.
        paragraph_break = "\n\n" if char != closing else "\n"
        broken = text.find(paragraph_break, pos + 1, close_at) if close_at != -1 else -1
        if close_at == -1 or (reopen != -1 and reopen < close_at) or broken != -1:
            pos += 1
            continue
        quotes.append(_Quote(pos, pos + 1, close_at, close_at))
        used.update((pos, close_at))
        pos = close_at + 1
    for match in re.finditer("[”»]", text):
        if match.start() not in used:
            orphan = _orphan(text, match.start())
            if orphan is not None:
                quotes.append(orphan)
    return sorted(quotes, key=lambda q: q.start)


def _orphan(text: str, close_at: int) -> _Quote | None:
    """Recover the name before a closing quote whose opening quote is missing."""
    window_start = max(0, close_at - _CONTEXT_CHARS)
    window = text[window_start:close_at]
    boundary = max(window.rfind(c) for c in ".;:“”\n")
    matches = list(_rules().orphan.finditer(window, boundary + 1))
    if not matches:
        return None
    found = matches[-1]
    return _Quote(-1, window_start + found.end(), close_at, close_at)


def _clean_name(raw: str) -> str:
    return re.sub(r"\s+", " ", raw).strip(" ,;:.")


def _looks_like_model(name: str) -> bool:
    rules = _rules()
    if rules.head.match(name):
        return True
    slogan = rules.slogan is not None and rules.slogan.match(name) is not None
    return not slogan and rules.inner.search(name) is not None


def _plausible_name(name: str, listed: bool = False) -> bool:
    """A name, not speech or a scare word: short, capitalised, one sentence. A later
    item of a list of names (``listed``) may be written in lower case (“Tiếng kẻng an
    ninh”, “giữ yên xóm làng”): the list says what it is."""
    if not name or not (name[0].isupper() or name[0].isdigit() or (listed and name[0].isalpha())):
        return False
    if len(name.split()) > _rules().max_words:
        return False
    if ":" in name or "''" in name:
        return False  # a quote paired across a closing "''" or into speech ("... cho biết:")
    speech = _rules().speech
    if speech is not None and speech.search(name):
        return False  # someone speaking of themselves: "“Xóm tôi có đánh nhau ...”"
    return re.search(r"[.!?]\s+\S", name) is None and not name.endswith((".", "!", "?"))


def _chains(text: str, quotes: list[_Quote]) -> Iterable[list[_Quote]]:
    """Group quotes that form one list: separated only by short, same-sentence gaps."""
    chain: list[_Quote] = []
    for quote in quotes:
        if chain:
            gap = text[
                chain[-1].close_at + 1 : quote.open_at if quote.open_at >= 0 else quote.start
            ]
            same_list = (
                quote.open_at >= 0
                and len(gap) <= _MAX_GAP
                and not re.search(r"[.:!?]\s|\n\s*\n", gap)
                and (gap.strip() == "" or re.search(r"[;,]\s*$", gap) is not None)
            )
            if not same_list:
                yield chain
                chain = []
        chain.append(quote)
    if chain:
        yield chain


def _context_before(text: str, pos: int) -> str:
    context = text[max(0, pos - _CONTEXT_CHARS) : pos]
    return re.sub(r"\s+", " ", context)


def extract_named_models(doc_id: str, text: str) -> list[NamedModel]:
    """One row per quoted model name occurrence; ``name`` without the quotes."""
    rules = _rules()
    rows: list[NamedModel] = []
    for chain in _chains(text, _quotes(text)):
        first = chain[0]
        head_context = _context_before(text, first.open_at if first.open_at >= 0 else first.start)
        announced = first.open_at < 0 or rules.list_head.search(head_context) is not None
        named_before = False  # an earlier item of this list was taken as a name
        for quote in chain:
            name = _clean_name(text[quote.start : quote.end])
            if not _plausible_name(name, listed=announced and named_before):
                continue
            context = _context_before(text, quote.open_at if quote.open_at >= 0 else quote.start)
            if _blocked(rules, context):
                continue
            if announced or _looks_like_model(name):
                rows.append(NamedModel(doc_id, quote.start, quote.end, name))
                named_before = True
    return rows


def _blocked(rules: _Rules, context: str) -> bool:
    """A blocking word right before the quote makes it something else, unless a model cue
    stands between them ("tiêu chuẩn ... mô hình “X”"); a cue further back does not lift a
    blocker next to the quote ("câu lạc bộ đã hát bài “X”")."""
    blocker = rules.blocking.search(context)
    if blocker is None:
        return False
    head = rules.list_head.search(context)
    return head is None or head.start() < blocker.start()


def unique_model_names(models: Iterable[NamedModel]) -> list[str]:
    """Distinct model names in order of first appearance.

    Names are compared after whitespace normalization only: "phòng, chống"
    and "phòng chống" may be two different models of one province.
    """
    seen: set[str] = set()
    names = []
    for model in models:
        key = " ".join(model.name.split())
        if key not in seen:
            seen.add(key)
            names.append(model.name)
    return names
