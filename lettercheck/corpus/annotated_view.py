"""A corpus letter shown with its annotation: for trainers explaining what makes a
letter compliant or not, in the terminal or as an HTML page."""

from html import escape

from lettercheck.catalogue import RuleDoc, load_rule_docs
from lettercheck.corpus.schema import CorpusLetter
from lettercheck.report.html_report import Span, highlighted_letter, page


def _spans(letter: CorpusLetter, docs: dict[str, RuleDoc]) -> list[Span]:
    annotation = letter.annotation
    spans = []
    for element_id, quotes in annotation.elements.items():
        for quote in quotes:
            start = letter.text.find(quote)
            if start >= 0:
                spans.append(Span(start, start + len(quote), "element", element_id, element_id))
    for breach in annotation.breaches:
        start = letter.text.find(breach.text)
        if start >= 0:
            severity = docs[breach.rule].severity if breach.rule in docs else "error"
            spans.append(Span(start, start + len(breach.text), severity, breach.rule, breach.rule))
    return spans


def annotated_text(letter: CorpusLetter) -> str:
    annotation = letter.annotation
    lines = [
        f"{letter.id}: {annotation.kind} stage {annotation.stage}"
        + (f", {annotation.decision}" if annotation.decision else ""),
        f"subject: {annotation.subject}; voice: {annotation.voice}",
        "expected findings: " + (", ".join(annotation.expected_findings) or "none (compliant)"),
        "",
        letter.text.rstrip(),
        "",
        "Elements:",
    ]
    lines += [f"  {e}: {' | '.join(quotes)}" for e, quotes in annotation.elements.items()]
    if annotation.breaches:
        lines.append("Breaches:")
        lines += [f"  {b.rule}: {b.text}" for b in annotation.breaches]
    if annotation.hard_cases:
        lines.append("Hard cases:")
        lines += [
            f"  {c.kind} {c.target}: {c.text}" + (f" ({c.note})" if c.note else "")
            for c in annotation.hard_cases
        ]
    if annotation.notes:
        lines += ["Notes:", f"  {annotation.notes}"]
    return "\n".join(lines) + "\n"


def annotated_html(letter: CorpusLetter) -> str:
    annotation = letter.annotation
    docs = load_rule_docs()
    reasons = "".join(
        f"<tr><td>{escape(rule)}</td><td>{escape(docs[rule].explanation) if rule in docs else ''}</td></tr>"
        for rule in annotation.expected_findings
    )
    hard = "".join(
        f"<li><b>{escape(c.kind)} {escape(c.target)}</b>: &ldquo;{escape(c.text)}&rdquo; {escape(c.note)}</li>"
        for c in annotation.hard_cases
    )
    body = (
        f"<p class='summary'>{escape(annotation.kind)} stage {annotation.stage}"
        f"{', ' + escape(annotation.decision) if annotation.decision else ''} &middot; "
        f"{escape(annotation.subject)} &middot; {escape(annotation.voice)}</p>"
        + (
            f"<table><tr><th>expected finding</th><th>why</th></tr>{reasons}</table>"
            if reasons
            else "<p>Compliant: no findings expected.</p>"
        )
        + (f"<p><b>Hard cases</b></p><ul>{hard}</ul>" if hard else "")
        + (f"<p><b>Notes:</b> {escape(annotation.notes)}</p>" if annotation.notes else "")
        + f"<div class='letter'>{highlighted_letter(letter.text, _spans(letter, docs))}</div>"
    )
    return page(f"Corpus letter {letter.id}", body)
