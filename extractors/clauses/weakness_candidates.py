"""Candidate clauses for the weakness classifier, with exact offsets.

Every sentence of the document (``split_sentences``) is cut on ``;`` and
``:`` outside parentheses, and before contrast and cause connectives
(``nhưng``, ``tuy nhiên``, ``dẫu vậy``, ``nên``, ``vì vậy`` ...) that open a
clause of their own. The connective stays outside the clause, as gold clauses
are written. Each candidate keeps its sentence and the heading above it, so
the classifier can see the context ("follows a ``Hạn chế`` heading").

The connective list is data: ``weakness_model.connectives`` in ``clauses.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.clauses.weaknesses import alternation, load_vocabulary, trim_trailing
from extractors.text.normalize import split_sentences

MIN_CHARS = 8
MIN_WORDS = 4
# " - " after a word (an attribution: ``...” - đại tá X chia sẻ``), not in "2015 – 2016".
_BARE_CUT = re.compile(
    r"(?:(?<=[^\W\d])|(?<=[”\"]))\s+[-–]\s+|\s+(?:nhưng|trong khi|nên)\s+(?=\w)", re.IGNORECASE
)
# "mà" before a negation always cuts: "X mà chưa Y" (X, but not yet Y) sets a shortcoming
# against what was done ("tập huấn giao thông mà chưa huấn luyện nghiệp vụ").
_NEGATION_CUT = re.compile(r"\s+mà\s+(?=(?:vẫn\s+|lại\s+)?chưa\b)", re.IGNORECASE)
# A comma piece opening with one of these belongs to the piece before it: a relative or
# a coordination ("mà", "và"), a consequence ("dẫn đến", "gây", "khiến") or a cause
# ("do", "vì", "bởi"): a shortcoming, what it causes and what causes it are one clause.
_GLUE_BACK = {"mà", "và", "hoặc", "cũng", "nhất", "đặc", "dẫn", "gây", "khiến", "do", "vì", "bởi"}
_MARKER = re.compile(r"^(?:[-+•*–·]\s*|\(?\d{1,2}[.)]\s+|\(?[a-zđ][.)]\s+)", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """One clause: offsets into the normalized text and its context."""

    start: int
    end: int
    text: str
    sentence: str
    sentence_index: int  # position of the sentence in the document
    clause_index: int  # position of the clause in its sentence
    heading: str  # the nearest short line without a final stop above the sentence
    previous: str  # the sentence before


@lru_cache(maxsize=1)
def _connectives() -> re.Pattern[str]:
    words = load_vocabulary()["weakness_model"]["connectives"]
    # A connective after a comma (or at a clause start), followed by a word.
    return re.compile(
        rf"(?:,\s*|^\s*)(?P<word>{alternation(words)})(?:\s*,)?\s+(?=\w|[“\"])", re.IGNORECASE
    )


@lru_cache(maxsize=1)
def _lead_in() -> re.Pattern[str]:
    """A connective or an opener and its comma at the start of a piece
    (``Tuy nhiên, ...``, ``Bên cạnh đó, ...``): left out, as gold clauses are written."""
    vocab = load_vocabulary()["weakness_model"]
    words = [*vocab["connectives"], *vocab.get("openers", [])]
    return re.compile(rf"[“\"]?\s*(?:{alternation(words)})\s*,\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def _view_lead_in() -> re.Pattern[str] | None:
    """Who holds the view, its verb and comma, opening a piece (one earlier comma allowed:
    "Qua các vụ việc trên, ngành chức năng đánh giá, ...")."""
    vocab = load_vocabulary()["weakness_model"]
    words = vocab.get("view_verbs") or []
    if not words:
        return None
    # ... not the work of judging named as a noun ("Công tác đánh giá, xếp loại ...")
    nouns = "".join(f"(?<!{re.escape(n)} )" for n in vocab.get("view_noun_heads") or [])
    return re.compile(
        rf"(?:[^,.;:“\"\n]{{1,60}},\s*)?[^,.;:“\"\n]{{0,60}}?(?<!\w)"
        rf"{nouns}{alternation(words)}\s*,\s*",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _praise_lead_in() -> re.Pattern[str] | None:
    """What went well, up to two commas, before the turn to an admission ("Ngoài những
    tổ hoạt động tốt, có hiệu quả, vẫn còn ...": the lead-in ends before "vẫn")."""
    vocab = load_vocabulary()["weakness_model"]
    leads, turns = vocab.get("praise_lead_ins") or [], vocab.get("praise_turns") or []
    if not leads or not turns:
        return None
    return re.compile(
        rf"{alternation(leads)}(?!\w)[^,.;:\n]{{1,80}},(?:[^,.;:\n]{{1,50}},)?\s*"
        rf"(?={alternation(turns)}(?!\w))",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _attribution() -> re.Pattern[str] | None:
    words = load_vocabulary()["weakness_model"].get("attribution_verbs") or []
    return re.compile(rf"(?<!\w){alternation(words)}\W*$", re.IGNORECASE) if words else None


def _names_the_speaker(text: str, start: int, end: int) -> bool:
    """The piece only says who speaks: it ends with a verb of saying right before a
    colon, a comma or an opening quote ("Ông X, Trưởng ban bảo vệ dân phố, nêu: ...")."""
    attribution = _attribution()
    if attribution is None or not attribution.search(text, start, end):
        return False
    return text[end : end + 3].lstrip()[:1] in (":", ",", "“", '"')


@lru_cache(maxsize=1)
def _conditional() -> re.Pattern[str] | None:
    words = load_vocabulary()["weakness_model"].get("conditional_openers") or []
    return re.compile(rf"\W*{alternation(words)}(?!\w)", re.IGNORECASE) if words else None


@lru_cache(maxsize=1)
def _predicate() -> re.Pattern[str]:
    words = load_vocabulary()["weakness_model"]["predicate_words"]
    return re.compile(rf"(?<!\w){alternation(words)}(?!\w)", re.IGNORECASE)


def _split_punctuation(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut on ";" and ":" outside parentheses and quotes."""
    pieces = []
    cursor = start
    for pos in _top_level(text, start, end, ";:", "(“", ")”"):
        pieces.append((cursor, pos))
        cursor = pos + 1
    pieces.append((cursor, end))
    return pieces


#: A quotation longer than this many words is a speech, whose clauses are cut like the
#: text's own; a shorter one is a name or a slogan and stays whole.
SPEECH_WORDS = 12


def _speech_marks(text: str, start: int, end: int) -> set[int]:
    """Positions of the curly quotes that open and close a speech inside ``text[start:end]``."""
    marks: set[int] = set()
    pos = start
    while (opened := text.find("“", pos, end)) >= 0:
        closed = text.find("”", opened + 1, end)
        stop = closed if closed >= 0 else end
        if len(text[opened + 1 : stop].split()) > SPEECH_WORDS:
            marks.add(opened)
            if closed >= 0:
                marks.add(closed)
        pos = stop + 1
    return marks


@lru_cache(maxsize=16)
def _any_of(chars: str) -> re.Pattern[str]:
    """One of ``chars``: the loop over a clause jumps from one to the next."""
    return re.compile("[" + re.escape(chars) + "]")


def _top_level(
    text: str, start: int, end: int, marks: str, openers: str, closers: str
) -> list[int]:
    """Positions of ``marks`` in ``text[start:end]`` outside brackets and quotes
    (a speech's quotes do not count: its clauses are cut too)."""
    found = []
    depth = 0
    speech = _speech_marks(text, start, end)
    for match in _any_of(marks + openers + closers).finditer(text, start, end):
        pos = match.start()
        char = text[pos]
        if pos in speech:
            continue
        if char in openers:
            depth += 1
        elif char in closers:
            depth = max(0, depth - 1)
        elif char in marks and depth == 0:
            found.append(pos)
    return found


def _split_connectives(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut before each connective and spaced dash; the connective itself is dropped.

    A bare ``nhưng`` or ``nên`` (no comma) cuts only when a new subject follows it
    (``chưa đủ nhưng việc tuyển ...``, ``cấp ủy ít quan tâm nên nhiều tổ hoạt động
    cầm chừng``: a cause and its effect, two shortcomings), not a predicate of the
    same one (``gia tăng nhưng chưa kìm lại được``, ``... nên chưa quan tâm chỉ đạo``).
    """
    pieces = []
    cursor = start
    cuts = [m.span() for m in _connectives().finditer(text, start, end)]
    cuts += [m.span() for m in _NEGATION_CUT.finditer(text, start, end)]
    for match in _BARE_CUT.finditer(text, start, end):
        if not _predicate().match(text, match.end(), end):
            cuts.append(match.span())
    for cut_start, cut_end in sorted(cuts):
        if cut_start < cursor:
            continue
        if cut_start > cursor:
            pieces.append((cursor, cut_start))
        cursor = cut_end
    pieces.append((cursor, end))
    return pieces


def _decimal_comma(text: str, pos: int) -> bool:
    """``2,2 triệu đồng``: a comma between digits is a decimal mark, not a clause break."""
    return 0 < pos < len(text) - 1 and text[pos - 1].isdigit() and text[pos + 1].isdigit()


@lru_cache(maxsize=1)
def _type_list() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    words = load_vocabulary()["weakness_model"].get("unit_types") or []
    if not words:
        return None
    alt = alternation(words)
    return (
        re.compile(rf"(?<!\w){alt}\s*\Z", re.IGNORECASE),
        re.compile(rf"\s*{alt}(?!\w)", re.IGNORECASE),
    )


def _in_type_list(text: str, pos: int) -> bool:
    """A comma inside a list of unit types ("61 Công an xã, thị trấn còn thiếu ...",
    "các xã, phường, thị trấn"): it joins nouns, it does not end a clause."""
    pattern = _type_list()
    if pattern is None:
        return False
    before, after = pattern
    return bool(before.search(text, max(0, pos - 20), pos)) and bool(after.match(text, pos + 1))


@lru_cache(maxsize=1)
def _compounds() -> tuple[tuple[str, str], ...]:
    pairs = load_vocabulary()["weakness_model"].get("comma_compounds") or []
    return tuple((a.lower(), b.lower()) for a, b in (pair.split(",", 1) for pair in pairs))


def _in_compound(text: str, pos: int) -> bool:
    """The comma of a set pair ("an ninh, trật tự", "phòng, chống"): one term, no cut."""
    before = text[max(0, pos - 12) : pos].lower()
    after = text[pos + 1 : pos + 14].lower().lstrip()
    return any(
        (before.endswith(" " + a) or before == a)
        and after.startswith(b.strip())
        and not after[len(b.strip()) : len(b.strip()) + 1].isalpha()
        for a, b in _compounds()
    )


@lru_cache(maxsize=1)
def _reported_speech() -> re.Pattern[str] | None:
    words = load_vocabulary()["weakness_model"].get("reported_speech") or []
    return re.compile(rf"(?<!\w){alternation(words)}\s*\Z", re.IGNORECASE) if words else None


def _opens_speech(text: str, pos: int) -> bool:
    """A comma after "cho rằng": what follows is the content of the view, not a clause."""
    pattern = _reported_speech()
    return pattern is not None and bool(pattern.search(text, max(0, pos - 16), pos))


def _only_a_name(piece: str) -> bool:
    """``Qua giám sát, ông Nguyễn Văn A``: a short lead and a person's name, cut off from
    what the person said, is no clause."""
    *lead, last = piece.split(",")
    if lead and len(",".join(lead).split()) > 4:
        return False
    words = last.split()
    for title in load_vocabulary()["weakness_model"].get("honorifics") or []:
        size = len(title.split())
        if [w.lower() for w in words[:size]] == title.split():
            name = words[size:]
            return 1 <= len(name) <= 4 and all(w[:1].isupper() for w in name)
    return False


@lru_cache(maxsize=1)
def _announcer() -> re.Pattern[str] | None:
    words = load_vocabulary()["weakness_model"].get("list_announcers") or []
    return re.compile(rf"(?<!\w){alternation(words)}\s*\Z", re.IGNORECASE) if words else None


def _announces_list(text: str, cs: int, ce: int) -> bool:
    """``... vẫn còn vài tồn tại, như:``: a piece that announces the list after
    its colon is the lead-in (codebook: clauses are written without it)."""
    pattern = _announcer()
    rest = text[ce : ce + 3].lstrip(" \t")
    return pattern is not None and rest.startswith(":") and bool(pattern.search(text, cs, ce))


@lru_cache(maxsize=1)
def _continuation() -> re.Pattern[str] | None:
    words = load_vocabulary()["weakness_model"].get("continuation_openers") or []
    return re.compile(rf"\s*{alternation(words)}(?!\w)", re.IGNORECASE) if words else None


def _continues(text: str, start: int, end: int) -> bool:
    """The piece opens on a predicate with no subject of its own ("..., chưa có trọng
    tâm", "..., có nơi, có lúc còn hình thức"): a further predicate of the subject
    before it, so the same shortcoming (codebook: one clause per shortcoming)."""
    pattern = _continuation()
    return pattern is not None and pattern.match(text, start, end) is not None


@lru_cache(maxsize=1)
def _concession() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    vocab = load_vocabulary()["weakness_model"]
    opens, closes = vocab.get("concession_openers") or [], vocab.get("concession_closers") or []
    if not opens or not closes:
        return None
    return (
        # "tuy vậy", "tuy nhiên", "dù vậy": a contrast with what came before, no concession
        re.compile(rf"(?<!\w){alternation(opens)}(?!\w)(?!\s+(?:vậy|nhiên|thế)\b)", re.IGNORECASE),
        re.compile(rf"(?<!\w){alternation(closes)}(?!\w)", re.IGNORECASE),
    )


def _open_concession(text: str, start: int, end: int) -> bool:
    """The piece concedes ("Kinh phí ... tuy được đầu tư") and its turn ("nhưng vẫn
    còn hạn chế") has not come yet: the next piece finishes the same clause."""
    patterns = _concession()
    if patterns is None:
        return False
    opens, closes = patterns
    conceded = opens.search(text, start, end)
    return conceded is not None and closes.search(text, conceded.end(), end) is None


def _split_commas(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut on commas outside brackets where both sides read as clauses.

    Pieces shorter than ``MIN_WORDS`` words (``Có lúc``, ``cấp ủy``, a list
    item) or without a predicate word (``chưa``, ``còn``, ``bị`` ...) are
    glued to the piece after them (the last one to the piece before); a piece
    that opens with a relative word (``mà``) is glued to the one before.
    """
    cuts = [
        pos
        for pos in _top_level(text, start, end, ",", "(“[", ")”]")
        if not _decimal_comma(text, pos)
        and not _in_type_list(text, pos)
        and not _in_compound(text, pos)
        and not _opens_speech(text, pos)
    ]
    bounds = [start, *cuts, end]
    pieces = [(bounds[i] + (1 if i else 0), bounds[i + 1]) for i in range(len(bounds) - 1)]
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for s, e in pieces:
        head = text[s:e].split()
        own = s
        if pending is not None:
            s, pending = pending, None
        if merged and head and head[0].lower() in _GLUE_BACK:
            merged[-1] = (merged[-1][0], e)
        elif merged and (
            _continues(text, own, e)
            or _continues(text, s, e)
            or _open_concession(text, *merged[-1])
        ):
            # (nouns pending before a continuation are the objects of the clause before:
            # "tập trung xây dựng cơ quan an toàn, phòng, chống cháy nổ, chưa chú trọng ...")
            merged[-1] = (merged[-1][0], e)
        elif e < end and _names_the_speaker(text, s, e):
            merged.append((s, e))  # "Bà X, cán bộ xã, chia sẻ," stands apart from what she says
        elif len(head) < MIN_WORDS or not _predicate().search(text, s, e):
            pending = s
        else:
            merged.append((s, e))
    if pending is not None:
        if merged:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((pending, end))
    return merged


def _is_heading(sentence: str) -> bool:
    stripped = sentence.strip()
    return 0 < len(stripped.split()) <= 12 and stripped[-1:] not in ".;,"


def candidate_clauses(text: str) -> list[Candidate]:
    """Every candidate clause of a normalized text, in order."""
    out: list[Candidate] = []
    heading = ""
    previous = ""
    for index, sentence in enumerate(split_sentences(text)):
        position = 0
        for s, e in _split_punctuation(text, sentence.start, sentence.end):
            pieces = [p for c in _split_connectives(text, s, e) for p in _split_commas(text, *c)]
            for cs, ce in pieces:
                cs, ce = trim_trailing(text, cs, ce)
                marker = _MARKER.match(text, cs, ce)
                if marker:
                    cs, ce = trim_trailing(text, marker.end(), ce)
                lead = _lead_in().match(text, cs, ce)
                if lead and ce - lead.end() >= MIN_CHARS:
                    cs = lead.end()
                for lead_in in (_view_lead_in(), _praise_lead_in()):
                    held = lead_in.match(text, cs, ce) if lead_in is not None else None
                    if held and ce - held.end() >= MIN_CHARS:
                        cs = held.end()
                while cs < ce and text[cs] in '“"':  # a speech's quotes stay outside
                    cs += 1
                while ce > cs and text[ce - 1] in '”"':
                    ce -= 1
                if ce - cs < MIN_CHARS:
                    continue
                if _names_the_speaker(text, cs, ce) or _announces_list(text, cs, ce):
                    continue
                if _only_a_name(text[cs:ce]):
                    continue
                conditional = _conditional()
                if conditional is not None and conditional.match(text, cs, ce):
                    continue
                out.append(
                    Candidate(
                        cs, ce, text[cs:ce], sentence.text, index, position, heading, previous
                    )
                )
                position += 1
        if _is_heading(sentence.text):
            heading = sentence.text
        previous = sentence.text
    return out
