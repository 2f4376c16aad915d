"""`lettercheck generate`, `init` and `demo` as a handler uses them: exit status 2 and
one line per problem for bad data, with no letter written; batches that skip a bad
case and make the rest; PDFs through LibreOffice when it is there."""

import csv
import os
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from generate_support import (
    EXAMPLE_CASE,
    EXAMPLE_CONFIG,
    assert_valid_docx,
    docx_text,
    example_data,
)

from lettercheck.cli import main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str):
    return runner.invoke(main, [str(arg) for arg in args])


def write_case(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_generate_writes_the_letter(runner, tmp_path: Path):
    target = tmp_path / "ack.docx"
    result = run(runner, "generate", EXAMPLE_CASE, "--letter", "acknowledgement", "-o", target)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(target)
    assert_valid_docx(target)
    assert "We will send you our full response by 19 March 2026." in docx_text(target)


def test_generate_names_the_file_from_the_reference_and_takes_a_date(
    runner, tmp_path: Path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    result = run(
        runner,
        "generate",
        EXAMPLE_CASE,
        "--letter",
        "response",
        "--stage",
        "2",
        "--config",
        EXAMPLE_CONFIG,
        "--date",
        "2026-05-20",
    )
    assert result.exit_code == 0, result.output
    letter = Path("BH-2026-0142-response-2.docx")
    assert letter.is_file()
    assert "20 May 2026" in docx_text(letter)


def test_bad_case_data_is_one_line_per_problem_and_writes_nothing(runner, tmp_path: Path):
    data = example_data()
    del data["resident"]["name"]
    data["complaint"]["received"] = "31/02/2026"
    data["stage1"]["remedies"][2]["amount"] = -250
    case = write_case(tmp_path / "case.yaml", data)
    target = tmp_path / "out.docx"
    result = run(
        runner, "generate", case, "--letter", "response", "--config", EXAMPLE_CONFIG, "-o", target
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{case}: resident.name: missing",
        f"{case}: complaint.received: is not a date: write it as YYYY-MM-DD (got '31/02/2026')",
        f"{case}: stage1.remedies.3.amount: must not be negative (got -250)",
    ]
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml"]


def test_a_letter_the_case_is_not_ready_for_is_refused(runner, tmp_path: Path):
    data = example_data()
    del data["stage2"]
    del data["stage1"]["apology"]
    case = write_case(tmp_path / "case.yaml", data)
    result = run(
        runner,
        "generate",
        case,
        "--letter",
        "acknowledgement",
        "--stage",
        "2",
        "--config",
        EXAMPLE_CONFIG,
        "-o",
        tmp_path / "a.docx",
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{case}: stage2: missing (a stage 2 letter needs")
    result = run(
        runner,
        "generate",
        case,
        "--letter",
        "response",
        "--config",
        EXAMPLE_CONFIG,
        "-o",
        tmp_path / "r.docx",
    )
    assert result.exit_code == 2
    assert f"{case}: stage1.apology: missing" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml"]


def test_a_letter_dated_before_its_stage_is_refused(runner, tmp_path: Path):
    result = run(
        runner,
        "generate",
        EXAMPLE_CASE,
        "--letter",
        "acknowledgement",
        "--date",
        "2026-02-01",
        "-o",
        tmp_path / "a.docx",
    )
    assert result.exit_code == 2
    assert "the letter date 2026-02-01 is before stage 1 began (2026-03-02)" in result.stderr


def test_a_late_letter_is_made_with_a_warning(runner, tmp_path: Path):
    data = example_data()
    data["stage1"]["acknowledged"] = "2026-03-12"
    case = write_case(tmp_path / "case.yaml", data)
    result = run(
        runner,
        "generate",
        case,
        "--letter",
        "acknowledgement",
        "--config",
        EXAMPLE_CONFIG,
        "-o",
        tmp_path / "a.docx",
    )
    assert result.exit_code == 0, result.output
    assert "warning: MISSED: stage 1 acknowledgement sent 2026-03-12, due 2026-03-09" in (
        result.stderr
    )


def test_invocation_mistakes_exit_2(runner, tmp_path: Path, monkeypatch):
    result = run(runner, "generate", "--letter", "response")
    assert result.exit_code == 2 and "give one CASE file, or --batch" in result.stderr
    result = run(runner, "generate", EXAMPLE_CASE, "--letter", "apology")
    assert result.exit_code == 2
    monkeypatch.chdir(tmp_path)
    case = write_case(Path("case.yaml"), example_data())
    result = run(runner, "generate", case, "--letter", "response")
    assert result.exit_code == 2 and "no lettercheck.yaml here or beside the case" in (
        result.stderr
    )
    result = run(
        runner,
        "generate",
        case,
        "--letter",
        "response",
        "--config",
        EXAMPLE_CONFIG,
        "-o",
        "letter.pdf",
    )
    assert result.exit_code == 2 and "give a name ending .docx" in result.stderr
    Path("blocked").write_text("a file where the folder should be")
    result = run(
        runner,
        "generate",
        "--batch",
        case,
        "--letter",
        "response",
        "--config",
        EXAMPLE_CONFIG,
        "-o",
        "blocked",
    )
    assert result.exit_code == 2 and "cannot write the letter" in result.stderr
    Path("bad.yaml").write_text("landlord:\n  name: X\n")
    result = run(runner, "generate", case, "--letter", "response", "--config", "bad.yaml")
    assert result.exit_code == 2 and "bad.yaml: landlord.address" in result.stderr


def csv_rows(count: int) -> list[dict[str, str]]:
    return [
        {
            "reference": f"B-{number}",
            "resident.name": f"Resident {number}",
            "resident.address": f"{number} High Street|Leeds|LS1 1AA",
            "complaint.received": "2026-06-01",
            "complaint.points.1.summary": "the lift has been broken for a week",
            "complaint.points.1.outcome_sought": "repair the lift",
            "stage1.acknowledged": "2026-06-03",
        }
        for number in range(1, count + 1)
    ]


def write_rows(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_a_csv_batch_skips_the_bad_row_and_makes_the_rest(runner, tmp_path: Path):
    rows = csv_rows(5)
    rows[2]["complaint.received"] = "yesterday"
    rows[3]["reference"] = "B-1"  # a repeat would overwrite B-1's letter
    cases = write_rows(tmp_path / "cases.csv", rows)
    outdir = tmp_path / "letters"
    result = run(
        runner,
        "generate",
        "--batch",
        cases,
        "--letter",
        "acknowledgement",
        "--config",
        EXAMPLE_CONFIG,
        "-o",
        outdir,
    )
    assert result.exit_code == 2
    assert sorted(p.name for p in outdir.iterdir()) == [
        "B-1-acknowledgement-1.docx",
        "B-2-acknowledgement-1.docx",
        "B-5-acknowledgement-1.docx",
    ]
    assert f"{cases} row 4: complaint.received: is not a date" in result.stderr
    assert f"{cases} row 5: reference: B-1 repeats {cases} row 2" in result.stderr
    assert f"3 letters in {outdir}; 2 skipped (see above)" in result.stdout
    assert "Dear Resident 5" in docx_text(outdir / "B-5-acknowledgement-1.docx")


def test_a_folder_batch_makes_a_letter_per_case_file(runner, tmp_path: Path):
    folder = tmp_path / "cases"
    folder.mkdir()
    for number in (1, 2):
        data = example_data()
        data["reference"] = f"F-{number}"
        write_case(folder / f"case-{number}.yaml", data)
    (folder / "broken.yaml").write_text("reference: [unclosed")
    outdir = tmp_path / "out"
    result = run(
        runner,
        "generate",
        "--batch",
        folder,
        "--letter",
        "response",
        "--stage",
        "2",
        "--config",
        EXAMPLE_CONFIG,
        "-o",
        outdir,
    )
    assert result.exit_code == 2
    assert sorted(p.name for p in outdir.iterdir()) == [
        "F-1-response-2.docx",
        "F-2-response-2.docx",
    ]
    assert f"{folder / 'broken.yaml'}: not valid YAML" in result.stderr


def test_a_clean_batch_exits_0(runner, tmp_path: Path):
    cases = write_rows(tmp_path / "cases.csv", csv_rows(3))
    result = run(
        runner,
        "generate",
        "--batch",
        cases,
        "--letter",
        "acknowledgement",
        "--config",
        EXAMPLE_CONFIG,
        "-o",
        tmp_path / "out",
    )
    assert result.exit_code == 0, result.output
    assert "3 letters in" in result.stdout


def fake_office(folder: Path) -> None:
    """A stand-in `soffice` that writes a small PDF for each DOCX it is given."""
    script = folder / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        'while [ "$1" != "--outdir" ]; do shift; done\n'
        'out="$2"; shift 2\n'
        'for f in "$@"; do b=$(basename "$f" .docx); printf "%%PDF-1.4 fake" > "$out/$b.pdf"; done\n'
    )
    script.chmod(0o755)


def test_pdf_through_libreoffice_when_it_is_installed(runner, tmp_path: Path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_office(bin_dir)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    target = tmp_path / "letter.docx"
    result = run(runner, "generate", EXAMPLE_CASE, "--letter", "refusal", "-o", target, "--pdf")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "letter.pdf").read_bytes().startswith(b"%PDF")
    assert str(tmp_path / "letter.pdf") in result.stdout
    assert target.is_file()


def test_pdf_without_libreoffice_says_how_to_get_it_and_keeps_the_docx(
    runner, tmp_path: Path, monkeypatch
):
    monkeypatch.setenv("PATH", str(tmp_path))
    target = tmp_path / "letter.docx"
    result = run(runner, "generate", EXAMPLE_CASE, "--letter", "refusal", "-o", target, "--pdf")
    assert result.exit_code == 2
    assert "PDF needs LibreOffice: install it with `apt-get install libreoffice-writer`" in (
        result.stderr
    )
    assert f"kept {target}" in result.stderr
    assert_valid_docx(target)


def test_init_writes_a_starter_that_generates(runner, tmp_path: Path):
    folder = tmp_path / "mine"
    result = run(runner, "init", folder, "--templates")
    assert result.exit_code == 0, result.output
    for name in (
        "lettercheck.yaml",
        "case-example.yaml",
        "cases-example.csv",
        "logo.png",
        "closure-days.txt",
        "templates/response-2.docx",
    ):
        assert (folder / name).is_file(), name
    assert "\ntemplates: templates" in (folder / "lettercheck.yaml").read_text(encoding="utf-8")
    result = run(
        runner,
        "generate",
        folder / "case-example.yaml",
        "--letter",
        "response",
        "-o",
        folder / "r.docx",
    )
    assert result.exit_code == 0, result.output  # found lettercheck.yaml beside the case
    result = run(
        runner,
        "generate",
        "--batch",
        folder / "cases-example.csv",
        "--letter",
        "acknowledgement",
        "--config",
        folder / "lettercheck.yaml",
        "-o",
        folder / "acks",
    )
    assert result.exit_code == 0, result.output
    assert len(list((folder / "acks").glob("*.docx"))) == 2

    (folder / "case-example.yaml").write_text("edited by the handler")
    result = run(runner, "init", folder)
    assert f"kept {folder / 'case-example.yaml'} (already there)" in result.stdout
    assert (folder / "case-example.yaml").read_text() == "edited by the handler"


def test_demo_writes_the_eight_letters_and_says_where(runner, tmp_path: Path):
    outdir = tmp_path / "demo-output"
    result = run(runner, "demo", outdir)
    assert result.exit_code == 0, result.output
    letters = sorted(outdir.glob("*.docx"))
    assert len(letters) == 8
    for letter in letters:
        assert_valid_docx(letter)
    assert f"Generated the example case's 8 letters in {outdir.resolve()}" in result.stdout
    assert "Checking an example draft with problems" in result.stdout
    assert "extra-stage" in result.stdout  # the draft's "informal complaint"
    report = (outdir / "report.html").read_text(encoding="utf-8")
    assert "draft-response.txt" in report and "acknowledgement-1.docx" in report
