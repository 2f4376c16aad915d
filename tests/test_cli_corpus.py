"""`lettercheck rules`, `explain` and the `corpus` commands: every public rule id is
listed as spec/elements.md gives it, explanations exist for rules and elements, and the
corpus commands find, show and mark up the annotated letters."""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from cli_support import (
    CORPUS_DIR,
    SPEC_ELEMENT_PROVISIONS,
    SPEC_WORDING_RULES,
    WARNING_ONLY_ELEMENTS,
    invoke,
)


def code_numbers(provision: str) -> set[str]:
    """The Code paragraph numbers a provision cites ("6.9a, 6.19a" -> {"6.9a", "6.19a"})."""
    return set(re.findall(r"\d+\.\d+[a-z]?", provision))


@cache
def annotations() -> dict[str, dict]:
    """Every corpus annotation, read straight from the YAML files."""
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((CORPUS_DIR / "letters").glob("*.yaml"))
    }


# --- rules and explain -------------------------------------------------------------------


def test_rules_lists_every_rule_of_the_spec_with_severity_and_provision():
    result = invoke("rules")
    assert result.exit_code == 0
    listed = {}
    for line in result.stdout.splitlines():
        rule_id, severity, provision, message = re.split(r"\s{2,}", line.strip(), maxsplit=3)
        listed[rule_id] = (severity, provision, message)
    expected = dict(SPEC_WORDING_RULES)
    for element_id, provision in SPEC_ELEMENT_PROVISIONS.items():
        severity = "warning" if element_id in WARNING_ONLY_ELEMENTS else "error"
        expected[f"missing-{element_id}"] = (severity, provision)
    assert set(expected) <= set(listed)
    for rule_id, (severity, provision) in expected.items():
        shown_severity, shown_provision, message = listed[rule_id]
        assert shown_severity == severity, rule_id
        assert code_numbers(shown_provision) == code_numbers(provision), rule_id
        assert shown_provision.strip() and len(message) > 20, rule_id


@pytest.mark.parametrize("rule_id", ["extra-stage", "missing-escalation-stage2"])
def test_explain_a_rule(rule_id: str):
    result = invoke("explain", rule_id)
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first.startswith(rule_id) and "Code " in first
    assert "Why:" in result.stdout
    assert "Fails" in result.stdout and "Passes" in result.stdout


def test_explain_an_element_says_where_it_is_required_and_its_rule():
    result = invoke("explain", "escalation-stage2")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("escalation-stage2")
    assert "6.9g" in out
    assert "response stage 1 (error)" in out
    assert "missing-escalation-stage2" in out


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [("extra-stag", "extra-stage"), ("missing-remedies", "missing-remedy"), ("remedys", "remedy")],
)
def test_explain_an_unknown_name_exits_2_with_a_suggestion(name: str, suggestion: str):
    result = invoke("explain", name)
    assert result.exit_code == 2
    assert name in result.stderr
    assert re.search(rf"Did you mean: .*\b{re.escape(suggestion)}\b", result.stderr)


def test_explain_a_name_like_nothing_points_to_the_rule_list():
    result = invoke("explain", "qqqqqq")
    assert result.exit_code == 2
    assert "lettercheck rules" in result.stderr


# --- corpus list / show ------------------------------------------------------------------


def test_corpus_list_finds_exactly_the_letters_asked_for():
    rule = "reasons-required-for-escalation"
    result = invoke(
        "corpus",
        "list",
        "--kind",
        "response",
        "--stage",
        "1",
        "--rule",
        rule,
        "--corpus",
        CORPUS_DIR,
    )
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    expected = [
        letter_id
        for letter_id, annotation in annotations().items()
        if annotation["kind"] == "response"
        and annotation["stage"] == 1
        and rule in annotation["expected_findings"]
    ]
    assert expected  # the corpus has such letters, or this test proves nothing
    assert listed == expected
    assert f"{len(expected)} letters" in result.stderr


def test_corpus_list_by_element_and_kind():
    result = invoke("corpus", "list", "--kind", "refusal", "--element", "refusal-reasons")
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.stdout.splitlines()}
    expected = {
        letter_id
        for letter_id, annotation in annotations().items()
        if annotation["kind"] == "refusal" and "refusal-reasons" in annotation["elements"]
    }
    assert expected and listed == expected


def test_corpus_list_with_a_misspelt_rule_exits_2_with_a_suggestion():
    result = invoke("corpus", "list", "--rule", "reasons-required-for-escalaton")
    assert result.exit_code == 2
    assert "Did you mean: reasons-required-for-escalation" in result.stderr


def _letter_with_breaches() -> tuple[str, dict]:
    for letter_id, annotation in annotations().items():
        if annotation["breaches"] and len(annotation["elements"]) >= 3:
            return letter_id, annotation
    raise AssertionError("the corpus has no letter with a breach")


def test_corpus_show_prints_the_letter_and_its_annotation():
    letter_id, annotation = _letter_with_breaches()
    result = invoke("corpus", "show", letter_id, "--corpus", CORPUS_DIR)
    assert result.exit_code == 0
    out = result.stdout
    text = (CORPUS_DIR / "letters" / f"{letter_id}.txt").read_text(encoding="utf-8")
    assert text.strip() in out
    assert out.startswith(f"{letter_id}: {annotation['kind']} stage {annotation['stage']}")
    for rule in annotation["expected_findings"]:
        assert rule in out.splitlines()[2]  # the "expected findings:" line
    for element_id, quotes in annotation["elements"].items():
        assert f"  {element_id}: {' | '.join(quotes)}" in out
    for breach in annotation["breaches"]:
        assert f"  {breach['rule']}: {breach['text']}" in out


def test_corpus_show_an_unknown_letter_exits_2():
    result = invoke("corpus", "show", "resp9-999", "--corpus", CORPUS_DIR)
    assert result.exit_code == 2
    assert "resp9-999" in result.stderr


class _MarkedText(HTMLParser):
    """The text of the page's letter box, and which of its characters sit in a <mark>
    (the labels in <sup> after each mark are not part of the letter)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.marked: list[bool] = []
        self._in_letter = self._in_mark = self._in_sup = 0

    def handle_starttag(self, tag, attrs):
        if tag == "div" and ("class", "letter") in attrs:
            self._in_letter += 1
        elif self._in_letter and tag == "mark":
            self._in_mark += 1
        elif self._in_letter and tag == "sup":
            self._in_sup += 1

    def handle_endtag(self, tag):
        if tag == "div" and self._in_letter:
            self._in_letter -= 1
        elif tag == "mark" and self._in_mark:
            self._in_mark -= 1
        elif tag == "sup" and self._in_sup:
            self._in_sup -= 1

    def handle_data(self, data):
        if self._in_letter and not self._in_sup:
            self.text.append(data)
            self.marked += [bool(self._in_mark)] * len(data)


def test_corpus_show_html_marks_every_quote(tmp_path: Path):
    letter_id, annotation = _letter_with_breaches()
    target = tmp_path / "view" / f"{letter_id}.html"
    result = invoke("corpus", "show", letter_id, "--html", "-o", target, "--corpus", CORPUS_DIR)
    assert result.exit_code == 0
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary left
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    parser = _MarkedText()
    parser.feed(page)
    shown = "".join(parser.text)
    letter = (CORPUS_DIR / "letters" / f"{letter_id}.txt").read_text(encoding="utf-8")
    assert shown == letter  # the whole letter, exactly, once
    quotes = [q for qs in annotation["elements"].values() for q in qs]
    quotes += [breach["text"] for breach in annotation["breaches"]]
    for quote in quotes:
        start = shown.find(quote)
        assert start >= 0, quote
        assert all(parser.marked[start : start + len(quote)]), quote
    assert not all(parser.marked)  # marks are where the quotes are, not everywhere
    for rule in annotation["expected_findings"]:
        assert rule in page
