"""Reading cases from YAML, JSON and CSV exports: every problem a line naming the file
(and row) and the field; a batch yields bad rows and files as errors and goes on."""

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from generate_support import EXAMPLE_CASE, example_data

from lettercheck.case_files import CaseError, batch_sources, load_case, parse_case

HEADER = [
    "reference",
    "resident.name",
    "resident.address",
    "complaint.received",
    "complaint.points.1.summary",
    "complaint.points.1.outcome_sought",
    "complaint.points.2.summary",
    "complaint.points.2.outcome_sought",
    "stage1.acknowledged",
]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


GOOD_ROW = [
    "C-1",
    "Ms Siân Jones",
    "1 Bryn Road|Cardiff|CF10 1AA",
    "03/03/2025",
    "the heating failed",
    "fix it",
    "",
    "",
    "2025-03-05",
]


def test_yaml_json_and_csv_give_the_same_case(tmp_path: Path):
    from_yaml = load_case(EXAMPLE_CASE)
    as_json = tmp_path / "case.json"
    as_json.write_text(json.dumps(example_data(), default=str), encoding="utf-8")
    assert load_case(as_json) == from_yaml

    case = load_case(write_csv(tmp_path / "one.csv", [GOOD_ROW]))
    assert case.resident.address == ["1 Bryn Road", "Cardiff", "CF10 1AA"]
    assert case.complaint.received == date(2025, 3, 3)
    assert len(case.complaint.points) == 1  # the blank point 2 columns are left out
    assert case.stage1.acknowledged == date(2025, 3, 5)


def test_yaml_keeps_references_as_written(tmp_path: Path):
    path = tmp_path / "case.yaml"
    path.write_text(
        "reference: 0142\nresident: {name: A, address: [1 Road]}\n"
        "complaint:\n  received: 2025-03-03\n  points: [{summary: s, outcome_sought: o}]\n"
    )
    # YAML 1.1 would read 0142 as the octal number 98.
    assert load_case(path).reference == "0142"


def test_unreadable_and_malformed_files_are_one_line_each(tmp_path: Path):
    with pytest.raises(CaseError, match=r"missing.yaml: cannot read"):
        load_case(tmp_path / "missing.yaml")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(CaseError) as raised:
        load_case(broken)
    assert len(raised.value.lines) == 1
    assert raised.value.lines[0].startswith(f"{broken}: not valid JSON")
    listed = tmp_path / "list.yaml"
    listed.write_text("- a\n- b\n")
    with pytest.raises(CaseError, match="a case must be a mapping of fields, got list"):
        load_case(listed)
    wrong = tmp_path / "case.txt"
    wrong.write_text("reference: x")
    with pytest.raises(CaseError, match="not a case file"):
        load_case(wrong)


def test_a_csv_of_several_cases_needs_batch(tmp_path: Path):
    path = write_csv(tmp_path / "two.csv", [GOOD_ROW, ["C-2", *GOOD_ROW[1:]]])
    with pytest.raises(CaseError, match="holds 2 cases; use --batch"):
        load_case(path)


def test_csv_rows_are_reported_by_spreadsheet_row_and_field(tmp_path: Path):
    bad = ["C-2", "", "2 Road", "31/02/2025", "s", "o", "only a summary", "", ""]
    path = write_csv(tmp_path / "cases.csv", [GOOD_ROW, bad, ["C-3", *GOOD_ROW[1:]]])
    results = []
    for source in batch_sources(path):
        try:
            results.append(parse_case(source).reference)
        except CaseError as error:
            results.append(error.lines)
    assert results == [
        "C-1",
        [
            f"{path} row 3: resident.name: missing",
            f"{path} row 3: complaint.received: is not a date: write it as YYYY-MM-DD "
            "(got '31/02/2025')",
            f"{path} row 3: complaint.points.2.outcome_sought: missing",
        ],
        "C-3",
    ]


def test_an_unknown_column_is_reported(tmp_path: Path):
    path = tmp_path / "cases.csv"
    path.write_text(
        "reference,resident.name,resident.adress,resident.address,complaint.received,"
        "complaint.points.1.summary,complaint.points.1.outcome_sought\n"
        "C-1,A,x,1 Road,2025-03-03,s,o\n",
        encoding="utf-8",
    )
    with pytest.raises(CaseError) as raised:
        load_case(path)
    assert raised.value.lines == [
        f"{path} row 2: resident.adress: is not a case field (check the spelling)"
    ]


def test_excel_csv_encodings_are_read(tmp_path: Path):
    with_bom = tmp_path / "bom.csv"
    with_bom.write_bytes(b"\xef\xbb\xbf" + write_csv(tmp_path / "x.csv", [GOOD_ROW]).read_bytes())
    assert load_case(with_bom).reference == "C-1"
    windows = write_csv(tmp_path / "windows.csv", [GOOD_ROW], encoding="cp1252")
    assert load_case(windows).resident.name == "Ms Siân Jones"


def test_a_folder_batch_yields_every_case_file_and_each_bad_file(tmp_path: Path):
    (tmp_path / "a.yaml").write_text(EXAMPLE_CASE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.json").write_text("[broken")
    write_csv(tmp_path / "c.csv", [GOOD_ROW, ["C-2", *GOOD_ROW[1:]]])
    (tmp_path / "notes.txt").write_text("not a case")
    items = list(batch_sources(tmp_path))
    assert [type(item).__name__ for item in items] == [
        "CaseSource",
        "CaseError",
        "CaseSource",
        "CaseSource",
    ]
    assert items[1].lines[0].startswith(f"{tmp_path / 'b.json'}: not valid JSON")
    assert items[3].label == f"{tmp_path / 'c.csv'} row 3"
