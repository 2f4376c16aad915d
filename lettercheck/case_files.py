"""Reading cases from what handlers keep: one YAML or JSON file per case, or a CSV
export with one case a row and dotted column names (`resident.name`,
`complaint.points.1.summary`). Every problem becomes one line naming the file (and
row) and the field, so a batch can report a bad row and carry on."""

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from lettercheck.case import Case, CaseProblem

CASE_SUFFIXES = (".yaml", ".yml", ".json", ".csv")


class CaseError(Exception):
    """A case cannot be used; `lines` holds one message per problem."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class CaseSource:
    """One case's raw data and where it came from, for messages: "cases.csv row 4"."""

    label: str
    raw: object


class _CaseYamlLoader(yaml.SafeLoader):
    """YAML without implicit numbers: a reference like 0142 stays "0142" (YAML 1.1 would
    read it as the octal number 98). Dates, booleans and null are still recognised."""


_CaseYamlLoader.yaml_implicit_resolvers = {
    first: [
        (tag, pattern)
        for tag, pattern in resolvers
        if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _read_text(path: Path) -> str:
    """UTF-8 (with or without Excel's byte-order mark), else Windows-1252, which is what
    Excel on Windows writes for "CSV" unless told "CSV UTF-8"."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _unflatten(row: dict[str, str]) -> dict:
    """{"complaint.points.1.summary": "..."} -> {"complaint": {"points": [{"summary": ...}]}}.
    Empty cells are left out, so an optional column may be blank."""
    tree: dict = {}
    for column, cell in row.items():
        if column is None or cell is None or not str(cell).strip():
            continue
        parts = [part.strip() for part in column.strip().split(".")]
        node = tree
        for part in parts[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                break
        else:
            node[parts[-1]] = cell
    return _lists(tree)


def _lists(node: object) -> object:
    """Mappings keyed 1, 2, 3... become lists in that order."""
    if not isinstance(node, dict):
        return node
    items = {key: _lists(value) for key, value in node.items()}
    if items and all(key.isdigit() for key in items):
        return [items[key] for key in sorted(items, key=int)]
    return items


def _csv_sources(path: Path, text: str) -> list[CaseSource]:
    reader = csv.DictReader(text.splitlines(keepends=True))
    if not reader.fieldnames:
        raise CaseError([f"{path}: the CSV file has no header row"])
    # Rows are numbered as a spreadsheet shows them: the header is row 1.
    return [
        CaseSource(f"{path} row {number}", _unflatten(row))
        for number, row in enumerate(reader, start=2)
    ]


def read_sources(path: Path) -> list[CaseSource]:
    """The cases in one file: one for YAML/JSON, one a row for CSV."""
    suffix = path.suffix.lower()
    if suffix not in CASE_SUFFIXES:
        raise CaseError([f"{path}: not a case file (use .yaml, .yml, .json or .csv)"])
    try:
        text = _read_text(path)
    except OSError as error:
        raise CaseError([f"{path}: cannot read: {error.strerror or error}"]) from error
    if suffix == ".csv":
        return _csv_sources(path, text)
    try:
        raw = json.loads(text) if suffix == ".json" else yaml.load(text, _CaseYamlLoader)
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        detail = " ".join(str(error).split())
        raise CaseError([f"{path}: not valid {suffix[1:].upper()}: {detail}"]) from error
    return [CaseSource(str(path), raw)]


def _field(loc: tuple) -> str:
    return ".".join(str(part + 1) if isinstance(part, int) else str(part) for part in loc)


def _message(issue: dict) -> str:
    kind = issue["type"]
    if kind == "missing":
        return "missing"
    if kind == "extra_forbidden":
        return "is not a case field (check the spelling)"
    if kind == "string_too_short":
        return "is empty"
    if kind == "too_short":
        return "is empty (give at least one)"
    if kind == "greater_than_equal" and issue["ctx"].get("ge") == 0:
        return f"must not be negative (got {issue['input']})"
    message = issue["msg"].removeprefix("Value error, ")
    message = message.replace("Input should be", "should be")
    if kind == "value_error":
        return message
    shown = repr(issue["input"])
    return f"{message} (got {shown[:60] + '...' if len(shown) > 60 else shown})"


def parse_case(source: CaseSource) -> Case:
    """Validate one case, reporting every field problem, then every cross-field problem."""
    if not isinstance(source.raw, dict):
        kind = "nothing" if source.raw is None else type(source.raw).__name__
        raise CaseError([f"{source.label}: a case must be a mapping of fields, got {kind}"])
    context: dict[str, list[CaseProblem]] = {"problems": []}
    try:
        case = Case.model_validate(source.raw, context=context)
    except ValidationError as error:
        raise CaseError(
            [
                f"{source.label}: {_field(issue['loc']) or '(top level)'}: {_message(issue)}"
                for issue in error.errors()
            ]
        ) from None
    if context["problems"]:
        raise CaseError([f"{source.label}: {problem}" for problem in context["problems"]])
    return case


def load_case(path: Path) -> Case:
    """The one case in `path`; a CSV of several cases needs `generate --batch`."""
    sources = read_sources(path)
    if len(sources) != 1:
        raise CaseError(
            [f"{path}: holds {len(sources)} cases; use --batch to generate a letter for each"]
        )
    return parse_case(sources[0])


def batch_sources(path: Path) -> Iterator[CaseSource | CaseError]:
    """Every case in a CSV file or a folder of case files, in order; an unreadable file
    is yielded as its error so the batch can report it and go on."""
    files = (
        sorted(p for p in path.iterdir() if p.suffix.lower() in CASE_SUFFIXES and p.is_file())
        if path.is_dir()
        else [path]
    )
    for file in files:
        try:
            yield from read_sources(file)
        except CaseError as error:
            yield error
