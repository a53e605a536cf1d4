"""Check the YAML data files under ``extractors/``: ``antq codebook check``.

Each file is validated against its schema (``extractors.checks.schemas``);
every problem is reported with the file, the line and the key. On top of the
schemas: an indicator's ``family`` and ``previous`` must name a family and an
indicator of the same file, its Matcher ``patterns`` must pass spaCy's
validation, and ``examples.yaml`` beside ``indicators.yaml`` must give every
indicator its examples and counter-examples, and no others.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from extractors.checks.schemas import SCHEMAS

ROOT = Path(__file__).resolve().parents[1]
Loc = tuple[Any, ...]


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.key}: {self.message}"


def _lines(
    node: yaml.Node, path: Loc, out: dict[Loc, int], repeated: list[tuple[Loc, int]] | None = None
) -> None:
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key, value in node.value:
            child = (*path, key.value)
            if key.value in seen and repeated is not None:
                repeated.append((child, key.start_mark.line + 1))
            seen.add(key.value)
            out[child] = key.start_mark.line + 1
            _lines(value, child, out, repeated)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _lines(item, (*path, index), out, repeated)


def load_with_lines(
    path: Path, repeated: list[tuple[Loc, int]] | None = None
) -> tuple[Any, dict[Loc, int]]:
    """The file's data, and the line of every key and list item by its path; a key
    written twice in one mapping (YAML keeps only the last) goes to ``repeated``."""
    text = path.read_text(encoding="utf-8")
    lines: dict[Loc, int] = {}
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is not None:
        _lines(node, (), lines, repeated)
    return yaml.safe_load(text), lines


def _line(lines: dict[Loc, int], loc: Loc) -> int:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return 1


def _model_at(schema: Any, loc: Loc) -> Any:
    """The schema type found by following ``loc`` (dict keys, list indexes, fields)."""
    current = schema
    for part in loc:
        origin = typing.get_origin(current)
        if origin in (typing.Union, types.UnionType):
            models = [a for a in typing.get_args(current) if isinstance(a, type)]
            current = next((m for m in models if issubclass(m, BaseModel)), current)
            origin = typing.get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part) or next(
                (f for f in current.model_fields.values() if f.alias == part), None
            )
            if field is None:
                return None
            current = field.annotation
        elif origin is dict:
            current = typing.get_args(current)[1]
        elif origin is list:
            current = typing.get_args(current)[0]
        else:
            return None
    return current


def _known_keys(schema: Any, loc: Loc) -> list[str]:
    model = _model_at(schema, loc)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [f.alias or name for name, f in model.model_fields.items()]
    return []


def _key(loc: Loc) -> str:
    return ".".join(str(part) for part in loc) or "(file)"


def _schema_problems(name: str, data: Any, lines: dict[Loc, int], schema: Any) -> list[Problem]:
    try:
        TypeAdapter(schema).validate_python(data)
    except ValidationError as error:
        problems: dict[Loc, Problem] = {}
        for item in error.errors():
            loc = tuple(p for p in item["loc"] if isinstance(p, int) or p in _path_keys(lines))
            if item["type"] == "extra_forbidden":
                known = _known_keys(schema, loc[:-1])
                close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                message = f"unknown key '{loc[-1]}'{hint} (known: {', '.join(known)})"
            else:
                message = item["msg"]
            problems.setdefault(loc, Problem(name, _line(lines, loc), _key(loc), message))
        return list(problems.values())
    return []


def _path_keys(lines: dict[Loc, int]) -> set[Any]:
    return {part for loc in lines for part in loc}


def _matcher_problem(patterns: list) -> str | None:
    from spacy.matcher import Matcher

    from extractors.text.tokens import blank_vietnamese

    try:
        Matcher(blank_vietnamese().vocab, validate=True).add("check", patterns)
    except Exception as error:  # spaCy's MatchPatternError and its ValueErrors
        return " ".join(str(error).split())[:300]
    return None


def indicator_problems(name: str, data: dict, lines: dict[Loc, int]) -> list[Problem]:
    """What the schema cannot see: references between entries, Matcher patterns."""
    problems = []
    indicators = data.get("indicators") or {}
    families = set(data.get("families") or {})
    for code, spec in indicators.items():
        spec = spec or {}
        family = spec.get("family")
        if family is not None and family not in families:
            loc = ("indicators", code, "family")
            problems.append(Problem(name, _line(lines, loc), _key(loc), f"no family '{family}'"))
        for index, previous in enumerate(spec.get("previous") or []):
            if previous not in indicators:
                loc = ("indicators", code, "previous", index)
                close = difflib.get_close_matches(str(previous), list(indicators), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                message = f"'{previous}' names no indicator{hint}"
                problems.append(Problem(name, _line(lines, loc), _key(loc), message))
        if spec.get("patterns"):
            error = _matcher_problem(spec["patterns"])
            if error:
                which = re.search(r"Pattern (\d+)", error)
                loc = ("indicators", code, "patterns", *([int(which[1])] if which else []))
                problems.append(Problem(name, _line(lines, loc), _key(loc), error))
    for code in data.get("descriptions") or {}:
        if code not in indicators:
            loc = ("descriptions", code)
            close = difflib.get_close_matches(str(code), list(indicators), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(Problem(name, _line(lines, loc), _key(loc), f"no indicator{hint}"))
    return problems


def example_problems(
    name: str, data: dict, lines: dict[Loc, int], codes: set[str]
) -> list[Problem]:
    problems = []
    for code in data:
        if code not in codes:
            close = difflib.get_close_matches(str(code), sorted(codes), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            message = f"'{code}' names no indicator{hint}"
            problems.append(Problem(name, _line(lines, (code,)), str(code), message))
    for code in sorted(codes - set(data)):
        problems.append(Problem(name, 1, code, "indicator without examples"))
    return problems


def check_file(path: Path, shown: str | None = None) -> list[Problem]:
    """Problems of one data file (its schema chosen by its name)."""
    name = shown or str(path)
    repeated: list[tuple[Loc, int]] = []
    try:
        data, lines = load_with_lines(path, repeated)
    except (OSError, UnicodeDecodeError) as error:
        return [Problem(name, 1, "(file)", f"cannot read: {error}")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return [Problem(name, line, "(file)", " ".join(str(error).split())[:300])]
    schema = SCHEMAS.get(path.name)
    if schema is None and isinstance(data, dict) and "indicators" in data:
        schema = SCHEMAS["indicators.yaml"]
    if schema is None:
        return [Problem(name, 1, "(file)", f"no schema for {path.name}: known {sorted(SCHEMAS)}")]
    problems = _schema_problems(name, data, lines, schema)
    problems += [
        Problem(name, line, _key(loc), f"key '{loc[-1]}' written twice: only the last one counts")
        for loc, line in repeated
    ]
    if schema is SCHEMAS["indicators.yaml"] and isinstance(data, dict):
        problems += indicator_problems(name, data, lines)
        examples = path.with_name("examples.yaml")
        if examples.exists() and path.name == "indicators.yaml":
            problems += _examples_against(examples, set(data.get("indicators") or {}))
    return sorted(problems, key=lambda p: (p.file, p.line, p.key))


def _examples_against(path: Path, codes: set[str]) -> list[Problem]:
    try:
        data, lines = load_with_lines(path)
    except (OSError, yaml.YAMLError):
        return []  # reported when examples.yaml itself is checked
    return example_problems(str(path), data, lines, codes) if isinstance(data, dict) else []


def data_files(target: Path) -> list[Path]:
    if target.is_file():
        return [target]
    return sorted(p for p in target.rglob("*.yaml") if not any(s.startswith(".") for s in p.parts))


def check(paths: Iterable[Path] = (ROOT,)) -> list[Problem]:
    """Problems of every YAML data file under ``paths`` (files or folders)."""
    problems: list[Problem] = []
    for target in paths:
        for path in data_files(Path(target)):
            problems += check_file(path)
    return problems
