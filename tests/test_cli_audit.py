"""`lettercheck audit` on a folder of mixed letters: each report format is written
whole, says what `check --format json` says about the same folder, lists an
unreadable file without failing, and leaves no temporary file behind."""

import csv
import html
import json
import os
import re
from pathlib import Path

import pytest
from builders import email_bytes, letter_pdf
from cli_support import (
    CONDITIONAL_APOLOGY,
    PLACEHOLDER,
    STAGE_ZERO,
    check_json,
    clean_docx,  # noqa: F401  (a session fixture)
    docx_with,
    invoke,
    letter_text,
)


@pytest.fixture(scope="module")
def mixed_folder(clean_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    """Clean, warning-only and error letters as DOCX, PDF, text and email, a nested
    folder, and a file that cannot be read."""
    folder = tmp_path_factory.mktemp("audit") / "sent letters"
    (folder / "2025").mkdir(parents=True)
    docx_with(clean_docx, folder / "clean.docx")
    docx_with(clean_docx, folder / "apology.docx", CONDITIONAL_APOLOGY)
    docx_with(clean_docx, folder / "2025" / "stage0.docx", STAGE_ZERO)
    (folder / "2025" / "placeholder.txt").write_text(
        letter_text(clean_docx, PLACEHOLDER), encoding="utf-8"
    )
    letter_pdf(folder / "2025" / "clean.pdf", letter_text(clean_docx))
    (folder / "2025" / "opening.txt").write_text(  # a finding in paragraph 0
        f"{STAGE_ZERO}\n\n{letter_text(clean_docx)}", encoding="utf-8"
    )
    attachment = letter_pdf(folder / "attachment.pdf", letter_text(clean_docx, STAGE_ZERO))
    (folder / "mail.eml").write_bytes(
        email_bytes(letter_text(clean_docx), attachments=[("letter.pdf", attachment.read_bytes())])
    )
    attachment.unlink()
    (folder / "truncated.docx").write_bytes(b"PK\x03\x04 cut off in transfer")
    return folder


@pytest.fixture(scope="module")
def checked(mixed_folder: Path) -> dict:
    """What `check --format json` says about the same folder."""
    code, report = check_json(mixed_folder)
    assert code == 2  # one file cannot be read
    assert report["summary"]["unreadable"] == 1
    assert report["summary"]["errors"] >= 3  # stage 0 three times, the placeholder once
    return report


def _expected_counts(report: dict) -> dict[str, int]:
    """The audit's headline counts, worked out from the check report."""
    readable = [entry for entry in report["files"] if entry["status"] == "ok"]

    def severities(entry: dict) -> set[str]:
        return {finding["severity"] for finding in entry["findings"]}

    return {
        "letters": len(report["files"]),
        "clean": sum(not entry["findings"] for entry in readable),
        "warnings only": sum(severities(entry) == {"warning"} for entry in readable),
        "errors": sum("error" in severities(entry) for entry in readable),
        "unreadable": len(report["files"]) - len(readable),
    }


def _headline(counts: dict[str, int]) -> str:
    return (
        f"{counts['letters']} letters: {counts['clean']} clean, {counts['warnings only']} with "
        f"warnings only, {counts['errors']} with errors, {counts['unreadable']} unreadable."
    )


def _run_audit(folder: Path, out: Path, output_format: str) -> str:
    result = invoke("audit", folder, "-o", out, "--format", output_format, "--jobs", "2")
    assert result.exit_code == 0, result.output  # an unreadable letter is not fatal
    return result.stdout


def _assert_clean_output_folder(out: Path) -> None:
    """Every file written whole under its own name, readable by the rest of the team."""
    umask = os.umask(0)
    os.umask(umask)
    for path in out.rglob("*"):
        assert not path.name.startswith(".") and not path.name.endswith(".tmp"), path
        if path.is_file():
            assert path.stat().st_mode & 0o777 == 0o666 & ~umask, path


def test_json_audit_agrees_with_check(mixed_folder: Path, checked: dict, tmp_path: Path):
    out = tmp_path / "report"
    stdout = _run_audit(mixed_folder, out, "json")
    _assert_clean_output_folder(out)
    assert sorted(p.name for p in out.iterdir()) == ["audit.json"]
    assert f"Report: {out / 'audit.json'}" in stdout
    assert _headline(_expected_counts(checked)) in stdout

    audit = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    assert audit["summary"] == checked["summary"]
    assert [e["path"] for e in audit["files"]] == [e["path"] for e in checked["files"]]
    for ours, theirs in zip(audit["files"], checked["files"], strict=True):
        assert ours["status"] == theirs["status"]
        assert [f["rule"] for f in ours["findings"]] == [f["rule"] for f in theirs["findings"]]
    counts = _expected_counts(checked)
    summary = audit["audit"]
    assert summary["letters"] == counts["letters"]
    assert summary["unreadable"] == counts["unreadable"] == 1
    assert summary["clean"] == counts["clean"]
    assert summary["with_errors"] == counts["errors"]
    assert summary["with_warnings_only"] == counts["warnings only"]
    assert sum(summary["by_kind"].values()) == counts["letters"] - counts["unreadable"]
    for row in summary["provisions"]:
        assert 0 <= row["present"] <= row["applies_to"]
    (unreadable,) = [e for e in audit["files"] if e["status"] == "error"]
    assert unreadable["path"].endswith("truncated.docx") and unreadable["error"]["code"]


def test_csv_audit_agrees_with_check(mixed_folder: Path, checked: dict, tmp_path: Path):
    out = tmp_path / "report"
    stdout = _run_audit(mixed_folder, out, "csv")
    _assert_clean_output_folder(out)
    assert sorted(p.name for p in out.iterdir()) == [
        "findings.csv",
        "letters.csv",
        "provisions.csv",
    ]
    assert _headline(_expected_counts(checked)) in stdout

    with (out / "letters.csv").open(encoding="utf-8", newline="") as handle:
        letters = {row["path"]: row for row in csv.DictReader(handle)}
    assert set(letters) == {entry["path"] for entry in checked["files"]}
    for entry in checked["files"]:
        row = letters[entry["path"]]
        assert row["status"] == entry["status"]
        errors = sum(f["severity"] == "error" for f in entry["findings"])
        assert int(row["errors"]) == errors
        assert int(row["warnings"]) == len(entry["findings"]) - errors
        if entry["status"] == "error":
            assert row["error"] == entry["error"]["code"] and row["kind"] == ""
    with (out / "findings.csv").open(encoding="utf-8", newline="") as handle:
        findings = list(csv.DictReader(handle))

    def place(value: int | None) -> str:
        return "" if value is None else str(value)

    assert sorted((r["path"], r["rule"], r["page"], r["paragraph"]) for r in findings) == sorted(
        (entry["path"], f["rule"], place(f["location"]["page"]), place(f["location"]["paragraph"]))
        for entry in checked["files"]
        for f in entry["findings"]
    )
    assert any(row["paragraph"] == "0" for row in findings)  # paragraph 0 is not blank


def test_html_audit_agrees_with_check(mixed_folder: Path, checked: dict, tmp_path: Path):
    out = tmp_path / "report"
    stdout = _run_audit(mixed_folder, out, "html")
    _assert_clean_output_folder(out)
    index = (out / "index.html").read_text(encoding="utf-8")
    counts = _expected_counts(checked)
    assert (
        f"{counts['letters']} letters: {counts['clean']} with no findings, "
        f"{counts['warnings only']} with warnings only, {counts['errors']} with errors, "
        f"{counts['unreadable']} unreadable."
    ) in index
    assert f"Report: {out / 'index.html'}" in stdout
    links = re.findall(r"<a href='(letters/\d+\.html)'>([^<]*)</a>", index)
    assert [html.unescape(name) for _, name in links] == [e["path"] for e in checked["files"]]
    assert sorted(p.relative_to(out).as_posix() for p in (out / "letters").iterdir()) == sorted(
        link for link, _ in links
    )
    for (link, _), entry in zip(links, checked["files"], strict=True):
        page = (out / link).read_text(encoding="utf-8")
        if entry["status"] == "error":
            assert "Could not be read" in page
        else:
            assert all(html.escape(f["rule"]) in page for f in entry["findings"])


def test_rerunning_into_the_same_folder_replaces_the_report(
    mixed_folder: Path,
    checked: dict,
    clean_docx: Path,  # noqa: F811
    tmp_path: Path,
):
    out = tmp_path / "report"
    out.mkdir()
    (out / "audit.json").write_text("stale", encoding="utf-8")
    _run_audit(mixed_folder, out, "json")
    rewritten = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    assert rewritten["summary"] == checked["summary"]
    _assert_clean_output_folder(out)

    _run_audit(mixed_folder, out, "html")
    smaller = tmp_path / "one letter"
    smaller.mkdir()
    docx_with(clean_docx, smaller / "only.docx")
    _run_audit(smaller, out, "html")
    assert [p.name for p in (out / "letters").iterdir()] == ["00001.html"]
    assert "only.docx" in (out / "letters" / "00001.html").read_text(encoding="utf-8")


def test_audit_of_a_missing_or_empty_folder_exits_2(tmp_path: Path):
    assert invoke("audit", tmp_path / "no-such-folder", "-o", tmp_path / "out").exit_code == 2
    (tmp_path / "empty").mkdir()
    result = invoke("audit", tmp_path / "empty", "-o", tmp_path / "out")
    assert result.exit_code == 2 and "no letter files" in result.stderr
    assert not (tmp_path / "out").exists()
