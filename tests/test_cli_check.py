"""`lettercheck check` against spec/interface.md: exit status, unreadable files, folders,
the JSON contract, SARIF and HTML, suppression and email, on real DOCX, PDF, text and
.eml files built here."""

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from builders import drawn_pdf, email_bytes, letter_pdf, scanned_pdf
from cli_support import (
    CONDITIONAL_APOLOGY,
    PLACEHOLDER,
    REPO_DIR,
    SPEC_ELEMENT_IDS,
    SPEC_WORDING_RULES,
    STAGE_ZERO,
    check_json,
    clean_docx,  # noqa: F401  (a session fixture)
    docx_paragraphs,
    docx_with,
    file_result,
    invoke,
    letter_text,
    rules_of,
)

from lettercheck import __version__
from lettercheck.letters import LetterKind

SPEC_RULE_IDS = {*SPEC_WORDING_RULES, *(f"missing-{e}" for e in SPEC_ELEMENT_IDS)}


@pytest.fixture(autouse=True)
def _no_config_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty folder, so no ./lettercheck.yaml changes what is found."""
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)


@pytest.fixture
def stage_zero_docx(clean_docx: Path, tmp_path: Path) -> Path:  # noqa: F811
    return docx_with(clean_docx, tmp_path / "stage0.docx", STAGE_ZERO)


def unreadable_files(folder: Path) -> dict[str, Path]:
    """One file of each kind the spec says cannot be read, by a short name."""
    folder.mkdir(exist_ok=True)
    corrupt = folder / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04 this was a Word file until the upload was cut off")
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    unsupported = folder / "letter.xyz"
    unsupported.write_text("Dear Ms Patel, this is our stage 1 response.", encoding="utf-8")
    return {
        "corrupt": corrupt,
        "encrypted": drawn_pdf(folder / "locked.pdf", ["Dear Ms Patel", "Stage 1"], "secret"),
        "empty": empty,
        "unsupported": unsupported,
        "scanned": scanned_pdf(folder / "scan.pdf"),
    }


# --- exit status ----------------------------------------------------------------------


def test_a_compliant_letter_exits_0_as_docx_and_as_text(clean_docx: Path, tmp_path: Path):  # noqa: F811
    as_text = tmp_path / "acknowledgement.txt"
    as_text.write_text(letter_text(clean_docx), encoding="utf-8")
    for path in (clean_docx, as_text):
        result = invoke("check", path)
        assert result.exit_code == 0, result.output
        assert f"{path}: " in result.stdout
        assert "0 errors, 0 warnings, 0 unreadable" in result.stdout


def test_an_error_finding_exits_1(stage_zero_docx: Path, clean_docx: Path, tmp_path: Path):  # noqa: F811
    code, report = check_json(stage_zero_docx)
    assert code == 1
    assert "extra-stage" in rules_of(file_result(report, stage_zero_docx))

    placeholder = tmp_path / "placeholder.txt"
    placeholder.write_text(letter_text(clean_docx, PLACEHOLDER), encoding="utf-8")
    code, report = check_json(placeholder)
    assert code == 1
    finding = next(
        f
        for f in file_result(report, placeholder)["findings"]
        if f["rule"] == "unfilled-placeholder"
    )
    assert finding["severity"] == "error"
    assert "[INSERT DATE]" in finding["location"]["text"]


def test_warnings_alone_exit_0_unless_strict(clean_docx: Path, tmp_path: Path):  # noqa: F811
    letter = docx_with(clean_docx, tmp_path / "apology.docx", CONDITIONAL_APOLOGY)
    code, report = check_json(letter)
    assert code == 0
    assert report["summary"]["errors"] == 0
    assert "conditional-apology" in rules_of(file_result(report, letter))

    assert invoke("check", "--strict", letter).exit_code == 1
    strict_config = tmp_path / "strict.yaml"
    strict_config.write_text("lint:\n  strict: true\n", encoding="utf-8")
    assert invoke("check", "--config", strict_config, letter).exit_code == 1
    # --strict turns warnings into failures, not a clean letter.
    assert invoke("check", "--strict", clean_docx).exit_code == 0


@pytest.mark.parametrize("name", ["corrupt", "encrypted", "empty", "unsupported", "scanned"])
def test_an_unreadable_file_exits_2_with_a_one_line_reason(name: str, tmp_path: Path):
    path = unreadable_files(tmp_path / "bad")[name]
    result = invoke("check", path)
    assert result.exit_code == 2
    lines = [line for line in result.stdout.splitlines() if str(path) in line]
    assert len(lines) == 1
    assert re.fullmatch(rf"{re.escape(str(path))}: unreadable \([a-z-]+\): \S.*", lines[0])

    code, report = check_json(path)
    assert code == 2
    entry = file_result(report, path)
    assert entry["status"] == "error"
    assert set(entry["error"]) >= {"code", "message"}
    assert entry["error"]["code"] and "\n" not in entry["error"]["message"]
    assert entry["elements"] == [] and entry["findings"] == []
    assert report["summary"] == {"files": 1, "errors": 0, "warnings": 0, "unreadable": 1}


def test_an_unreadable_file_does_not_stop_the_others(
    stage_zero_docx: Path,
    clean_docx: Path,  # noqa: F811
    tmp_path: Path,
):
    bad = unreadable_files(tmp_path / "bad")
    named = [bad["corrupt"], stage_zero_docx, bad["encrypted"], clean_docx, bad["unsupported"]]
    result = invoke("check", *named)
    assert result.exit_code == 2  # unreadable beats error findings
    out = result.stdout
    assert f"{stage_zero_docx}:para " in out and " error extra-stage " in out
    assert f"{clean_docx}: " in out
    for path in (bad["corrupt"], bad["encrypted"], bad["unsupported"]):
        assert sum(str(path) in line for line in out.splitlines()) == 1
    assert "5 letters checked" in out and "3 unreadable" in out


def test_a_file_over_the_configured_size_is_unreadable(clean_docx: Path, tmp_path: Path):  # noqa: F811
    config = tmp_path / "small.yaml"
    config.write_text("lint:\n  max_file_mb: 0.001\n", encoding="utf-8")
    code, report = check_json("--config", config, clean_docx)
    assert code == 2
    assert report["files"][0]["error"]["code"] == "too-large"
    assert check_json(clean_docx)[0] == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--stage", "3"],
        ["--stage", "two"],
        ["--kind", "complaint"],
        ["--format", "xml"],
        ["--config", "no-such-config.yaml"],
    ],
    ids=["stage-3", "stage-word", "bad-kind", "bad-format", "missing-config"],
)
def test_a_bad_option_exits_2(args: list[str], clean_docx: Path):  # noqa: F811
    result = invoke("check", *args, clean_docx)
    assert result.exit_code == 2
    assert "Error:" in result.stderr


@pytest.mark.parametrize(
    "config",
    ["lint: [unclosed\n", "lint:\n  strictness: true\n", "lint:\n  max_file_mb: -1\n"],
    ids=["not-yaml", "unknown-field", "bad-value"],
)
def test_a_bad_config_file_exits_2_naming_it_on_one_line(
    config: str,
    clean_docx: Path,  # noqa: F811
    tmp_path: Path,
):
    path = tmp_path / "lettercheck.yaml"
    path.write_text(config, encoding="utf-8")
    result = invoke("check", "--config", path, clean_docx)
    assert result.exit_code == 2
    (message,) = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert str(path) in message


def test_no_file_or_an_empty_folder_exits_2(tmp_path: Path):
    assert invoke("check").exit_code == 2
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "notes.png").write_bytes(b"\x89PNG")
    result = invoke("check", tmp_path / "nothing")
    assert result.exit_code == 2
    assert "no letter files" in result.stderr


def test_exit_status_of_the_real_process(stage_zero_docx: Path, tmp_path: Path):
    """The status a shell script sees, not only click's record of it."""

    def run(*args: object) -> int:
        command = [sys.executable, "-m", "lettercheck", "check", *map(str, args)]
        return subprocess.run(command, cwd=REPO_DIR, capture_output=True).returncode

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run(stage_zero_docx) == 1
    assert run(empty) == 2
    assert run("--stage", "3", stage_zero_docx) == 2


def test_a_folder_is_walked(clean_docx: Path, stage_zero_docx: Path, tmp_path: Path):  # noqa: F811
    folder = tmp_path / "sent"
    (folder / "2024" / "May").mkdir(parents=True)
    (folder / ".drafts").mkdir()
    walked = [
        docx_with(clean_docx, folder / "2024" / "May" / "a.docx"),
        folder / "2024" / "b.txt",
        folder / "c.docx",
    ]
    walked[1].write_text(letter_text(clean_docx), encoding="utf-8")
    docx_with(stage_zero_docx, walked[2])
    docx_with(stage_zero_docx, folder / ".drafts" / "draft.docx")  # hidden folder
    (folder / "~$c.docx").write_bytes(b"lock")  # Word's lock file
    (folder / "photo.png").write_bytes(b"\x89PNG")  # not a letter
    code, report = check_json(folder)
    assert code == 1
    assert sorted(entry["path"] for entry in report["files"]) == sorted(map(str, walked))
    assert "extra-stage" in rules_of(file_result(report, walked[2]))
    assert report["summary"]["unreadable"] == 0


def test_a_linter_failure_on_one_letter_is_reported_and_the_batch_goes_on(
    stage_zero_docx: Path,
    clean_docx: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
):
    import lettercheck.lint

    real = lettercheck.lint.check_document

    def failing(document, *args, **kwargs):
        if document.path == str(clean_docx):
            raise RuntimeError("simulated bug\nin the linter")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(lettercheck.lint, "check_document", failing)
    code, report = check_json(clean_docx, stage_zero_docx)
    assert code == 2
    failed = file_result(report, clean_docx)
    assert failed["status"] == "error" and failed["error"]["code"] == "internal-error"
    assert "simulated bug in the linter" in failed["error"]["message"]
    assert "extra-stage" in rules_of(file_result(report, stage_zero_docx))


# --- the JSON contract -------------------------------------------------------------------


def _assert_location(location: dict) -> None:
    assert set(location) >= {"page", "paragraph", "text"}
    assert location["page"] is None or isinstance(location["page"], int)
    assert location["paragraph"] is None or isinstance(location["paragraph"], int)
    assert location["text"] is None or isinstance(location["text"], str)


def _assert_readable_entry(entry: dict, source: str) -> None:
    assert entry["status"] == "ok" and entry["error"] is None
    letter = entry["letter"]
    assert set(letter) >= {"kind", "stage", "source", "confidence"}
    assert letter["kind"] in {kind.value for kind in LetterKind}
    assert letter["stage"] in (1, 2)
    assert letter["source"] == source
    assert 0.0 <= letter["confidence"] <= 1.0
    assert [element["id"] for element in entry["elements"]] == list(SPEC_ELEMENT_IDS)
    for element in entry["elements"]:
        assert isinstance(element["present"], bool)
        if element["present"]:
            evidence = element["evidence"]
            assert evidence["text"].strip()
            _assert_location(evidence)
    for finding in entry["findings"]:
        assert set(finding) >= {"rule", "severity", "provision", "message", "location"}
        assert finding["rule"] in SPEC_RULE_IDS
        assert finding["severity"] in ("error", "warning")
        assert finding["provision"] and finding["message"]
        _assert_location(finding["location"])
    stats = entry["stats"]
    assert isinstance(stats["words"], int) and stats["words"] > 50
    assert isinstance(stats["sentences"], int) and 0 < stats["sentences"] < stats["words"]
    assert stats["reading_ease"] is None or isinstance(stats["reading_ease"], float)


def test_json_follows_the_contract(stage_zero_docx: Path, clean_docx: Path, tmp_path: Path):  # noqa: F811
    corrupt = unreadable_files(tmp_path / "bad")["corrupt"]
    code, report = check_json(clean_docx, stage_zero_docx, corrupt)
    assert code == 2
    assert report["tool"] == {"name": "lettercheck", "version": __version__, "code": "2024"}
    assert [entry["path"] for entry in report["files"]] == [
        str(clean_docx),
        str(stage_zero_docx),
        str(corrupt),
    ]
    for entry in report["files"][:2]:
        _assert_readable_entry(entry, "detected")

    stage_zero = next(
        f for f in file_result(report, stage_zero_docx)["findings"] if f["rule"] == "extra-stage"
    )
    assert stage_zero["severity"] == "error"
    assert stage_zero["provision"] == "5.2, 5.3"
    assert "stage 0" in stage_zero["location"]["text"]
    paragraphs = docx_paragraphs(stage_zero_docx)
    assert stage_zero["location"]["paragraph"] is not None
    assert stage_zero["location"]["text"] in " ".join(paragraphs)

    unreadable = file_result(report, corrupt)
    assert unreadable["status"] == "error"
    assert unreadable["error"]["code"] == "corrupt" and unreadable["error"]["message"]
    assert unreadable["elements"] == [] and unreadable["findings"] == []

    findings = [f for entry in report["files"] for f in entry["findings"]]
    assert report["summary"] == {
        "files": 3,
        "errors": sum(f["severity"] == "error" for f in findings),
        "warnings": sum(f["severity"] == "warning" for f in findings),
        "unreadable": 1,
    }


def test_evidence_quotes_the_letter(clean_docx: Path):  # noqa: F811
    _, report = check_json(clean_docx)
    text = " ".join(" ".join(docx_paragraphs(clean_docx)).split())
    present = [e for e in report["files"][0]["elements"] if e["present"]]
    assert present
    for element in present:
        assert " ".join(element["evidence"]["text"].split()) in text, element


def test_kind_and_stage_given_are_reported_as_given(stage_zero_docx: Path):
    code, report = check_json("--kind", "response", "--stage", "2", stage_zero_docx)
    assert code == 1
    entry = report["files"][0]
    _assert_readable_entry(entry, "given")
    assert (entry["letter"]["kind"], entry["letter"]["stage"]) == ("response", 2)
    # An acknowledgement read as a stage 2 response gives no decision.
    assert "missing-decision" in rules_of(entry)


# --- SARIF and HTML ----------------------------------------------------------------------


def test_sarif_is_sarif_2_1_0(stage_zero_docx: Path, tmp_path: Path):
    folder = tmp_path / "letters to check"
    folder.mkdir()
    spaced = docx_with(stage_zero_docx, folder / "stage 0.docx")
    corrupt = unreadable_files(tmp_path / "bad")["corrupt"]
    result = invoke("check", "--format", "sarif", spaced, corrupt)
    assert result.exit_code == 2
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0" and "sarif" in sarif["$schema"]
    (run,) = sarif["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "lettercheck" and driver["version"] == __version__
    rules = driver["rules"]
    assert {rule["id"] for rule in rules} >= SPEC_RULE_IDS
    for rule in rules:
        assert rule["help"]["text"].strip() and rule["shortDescription"]["text"].strip()
        assert rule["defaultConfiguration"]["level"] in ("error", "warning")
    assert run["results"]
    for item in run["results"]:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        assert item["level"] in ("error", "warning") and item["message"]["text"]
        (location,) = item["locations"]
        uri = location["physicalLocation"]["artifactLocation"]["uri"]
        assert " " not in uri and unquote(uri) == str(spaced)
    stage_zero = [item for item in run["results"] if item["ruleId"] == "extra-stage"]
    assert stage_zero and stage_zero[0]["level"] == "error"
    region = stage_zero[0]["locations"][0]["physicalLocation"]["region"]
    assert "stage 0" in region["snippet"]["text"]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (notice,) = invocation["toolExecutionNotifications"]
    assert unquote(notice["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) == str(
        corrupt
    )


def test_html_shows_the_letter_text_escaped(clean_docx: Path, tmp_path: Path):  # noqa: F811
    sentence = "We logged it at stage 0 because the R&D team's <urgent> note was ignored."
    letter = tmp_path / "escaped.txt"
    letter.write_text(letter_text(clean_docx, sentence), encoding="utf-8")
    corrupt = unreadable_files(tmp_path / "bad")["corrupt"]
    result = invoke("check", "--format", "html", letter, corrupt)
    assert result.exit_code == 2
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<urgent>" not in page
    visible = re.sub(r"<[^>]+>", "", page)  # the page's text, marks and tags removed
    assert "R&amp;D team&#x27;s &lt;urgent&gt; note" in visible
    assert "Flat 4, Willow Court" in visible  # the letter itself, not only the findings
    assert "extra-stage" in page
    assert str(corrupt) in page and "Could not be read" in page


# --- suppression -------------------------------------------------------------------------


def test_an_ignore_line_in_the_text_silences_that_rule_only(clean_docx: Path, tmp_path: Path):  # noqa: F811
    both = tmp_path / "both.txt"
    both.write_text(letter_text(clean_docx, STAGE_ZERO, PLACEHOLDER), encoding="utf-8")
    assert {"extra-stage", "unfilled-placeholder"} <= rules_of(check_json(both)[1]["files"][0])

    ignored = tmp_path / "ignored.txt"
    ignored.write_text(
        letter_text(clean_docx, STAGE_ZERO, "lettercheck: ignore extra-stage"), encoding="utf-8"
    )
    code, report = check_json(ignored)
    assert code == 0
    assert "extra-stage" not in rules_of(report["files"][0])

    one_of_two = tmp_path / "one-of-two.txt"
    one_of_two.write_text(
        letter_text(clean_docx, STAGE_ZERO, PLACEHOLDER, "lettercheck: ignore extra-stage"),
        encoding="utf-8",
    )
    code, report = check_json(one_of_two)
    assert code == 1
    rules = rules_of(report["files"][0])
    assert "extra-stage" not in rules and "unfilled-placeholder" in rules


def test_an_ignore_line_in_a_word_comment_or_hidden_text(
    clean_docx: Path,  # noqa: F811
    tmp_path: Path,
):
    commented = docx_with(
        clean_docx,
        tmp_path / "commented.docx",
        STAGE_ZERO,
        comment="Checked with the team leader. lettercheck: ignore extra-stage",
    )
    assert check_json(commented)[0] == 0
    other_rule = docx_with(
        clean_docx,
        tmp_path / "other.docx",
        STAGE_ZERO,
        comment="lettercheck: ignore plain-language",
    )
    assert check_json(other_rule)[0] == 1

    hidden = docx_with(clean_docx, tmp_path / "hidden.docx", STAGE_ZERO)
    from docx import Document

    document = Document(str(hidden))
    document.add_paragraph().add_run("lettercheck: ignore extra-stage").font.hidden = True
    document.save(str(hidden))
    assert check_json(hidden)[0] == 0


def test_config_ignore_entries_silence_rules_per_file(stage_zero_docx: Path, tmp_path: Path):
    letters = tmp_path / "letters"
    letters.mkdir()
    target = docx_with(stage_zero_docx, letters / "ack-0412.docx")
    untouched = docx_with(stage_zero_docx, letters / "ack-0413.docx")
    config = tmp_path / "lettercheck.yaml"
    for key in ("ack-0412.docx", "letters/ack-0412.docx", "letters/*0412*", str(target)):
        config.write_text(
            f"lint:\n  ignore:\n    {json.dumps(key)}: [extra-stage]\n", encoding="utf-8"
        )
        code, report = check_json("--config", config, target, untouched)
        assert code == 1, key  # the other letter still has its error
        assert "extra-stage" not in rules_of(file_result(report, target)), key
        assert "extra-stage" in rules_of(file_result(report, untouched)), key


def test_lettercheck_yaml_in_the_current_folder_is_used(stage_zero_docx: Path):
    assert check_json(stage_zero_docx)[0] == 1
    Path("lettercheck.yaml").write_text(
        'lint:\n  ignore:\n    "*.docx": [extra-stage]\n', encoding="utf-8"
    )
    code, report = check_json(stage_zero_docx)
    assert code == 0 and "extra-stage" not in rules_of(report["files"][0])


# --- email -------------------------------------------------------------------------------


def test_an_email_body_and_its_pdf_attachment_are_two_letters(
    clean_docx: Path,  # noqa: F811
    tmp_path: Path,
):
    attachment = letter_pdf(tmp_path / "response.pdf", letter_text(clean_docx, STAGE_ZERO))
    mail = tmp_path / "mail.eml"
    mail.write_bytes(
        email_bytes(
            letter_text(clean_docx, PLACEHOLDER),
            attachments=[("response.pdf", attachment.read_bytes())],
        )
    )
    code, report = check_json(mail)
    assert code == 1
    assert [entry["path"] for entry in report["files"]] == [str(mail), f"{mail}#response.pdf"]
    body, pdf = report["files"]
    assert body["status"] == pdf["status"] == "ok"
    assert "unfilled-placeholder" in rules_of(body) and "extra-stage" not in rules_of(body)
    assert "extra-stage" in rules_of(pdf) and "unfilled-placeholder" not in rules_of(pdf)
    stage_zero = next(f for f in pdf["findings"] if f["rule"] == "extra-stage")
    assert isinstance(stage_zero["location"]["page"], int)  # a PDF finding is placed by page


def test_a_letter_in_a_format_we_cannot_read_is_reported_not_dropped(
    clean_docx: Path,  # noqa: F811
    tmp_path: Path,
):
    folder = tmp_path / "sent"
    folder.mkdir()
    docx_with(clean_docx, folder / "a.docx")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    code, report = check_json(folder)
    assert code == 2
    old = file_result(report, folder / "old.doc")
    assert old["error"]["code"] == "unsupported-type"
    assert "save the letter as .docx" in old["error"]["message"]


def test_an_empty_config_file_means_the_defaults(clean_docx: Path, tmp_path: Path):  # noqa: F811
    empty = tmp_path / "lettercheck.yaml"
    empty.write_text("", encoding="utf-8")
    assert invoke("check", "--config", empty, clean_docx).exit_code == 0
