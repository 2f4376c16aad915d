"""`--format html`: each letter shown as written, with the elements found highlighted,
the missing ones listed, and each wording problem marked with the reason it breaks
the Code. Made for trainers and reviewers; a single self-contained page."""

from dataclasses import dataclass
from html import escape

from lettercheck.catalogue import RuleDoc
from lettercheck.results import CheckReport, FileResult

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; border-top: 2px solid #ccc; padding-top: 1rem; }
.summary { color: #444; }
.letter { white-space: pre-wrap; font-family: Georgia, serif; background: #fafafa;
  border: 1px solid #ddd; padding: 1rem 1.5rem; line-height: 1.5; }
mark.element { background: #d8f0d8; border-bottom: 2px solid #2e7d32; }
mark.error { background: #ffd6d6; border-bottom: 2px solid #c62828; }
mark.warning { background: #fff0c2; border-bottom: 2px solid #b26a00; }
mark.element.error, mark.element.warning { border-top: 2px solid #2e7d32; }
sup.tag { font-size: 0.65rem; color: #555; font-family: system-ui, sans-serif; margin-left: 0.25em; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
td, th { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
.error-text { color: #c62828; font-weight: 600; } .warning-text { color: #b26a00; font-weight: 600; }
.why { color: #333; font-size: 0.9rem; }
"""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    css: str  # "element", "error" or "warning"
    label: str
    title: str


def _spans(result: FileResult, rule_docs: dict[str, RuleDoc]) -> list[Span]:
    spans = [
        Span(e.evidence.start, e.evidence.end, "element", e.id, f"element: {e.id}")
        for e in result.elements
        if e.present and e.evidence and e.evidence.start is not None and e.evidence.end is not None
    ]
    for finding in result.findings:
        where = finding.location
        if where.start is None or where.end is None:
            continue
        doc = rule_docs.get(finding.rule)
        title = f"{finding.rule}: {finding.message}" + (f" {doc.explanation}" if doc else "")
        spans.append(Span(where.start, where.end, finding.severity, finding.rule, title))
    return spans


def highlighted_letter(text: str, spans: list[Span]) -> str:
    """The letter as HTML, each span wrapped in <mark>; overlapping spans are split at
    every boundary so the markup stays well nested."""
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in spans if s.start <= start and end <= s.end]
        chunk = escape(text[start:end])
        if covering:
            classes = " ".join(sorted({s.css for s in covering}))
            title = escape(" | ".join(s.title for s in covering))
            chunk = f'<mark class="{classes}" title="{title}">{chunk}</mark>'
        ending = [s for s in spans if s.end == end]
        if ending:
            chunk += "".join(f'<sup class="tag">{escape(s.label)}</sup>' for s in ending)
        pieces.append(chunk)
    return "".join(pieces)


def letter_section(result: FileResult, rule_docs: dict[str, RuleDoc]) -> str:
    """One letter: what it is, its problems with the reasons, and its highlighted text."""
    title = f"<h2>{escape(result.path)}</h2>"
    if result.status == "error" and result.error:
        return (
            f"{title}<p class='error-text'>Could not be read ({escape(result.error.code)}): "
            f"{escape(result.error.message)}</p>"
        )
    letter = result.letter
    summary = (
        f"<p class='summary'>{escape(letter.kind)} letter, stage {letter.stage} "
        f"({letter.source}{f', confidence {letter.confidence:.2f}' if letter.source == 'detected' else ''}) "
        f"&middot; {result.errors} errors &middot; {result.warnings} warnings</p>"
    )
    rows = []
    for finding in result.findings:
        doc = rule_docs.get(finding.rule)
        why = escape(doc.explanation) if doc else ""
        quoted = (
            f"<br>&ldquo;{escape(finding.location.text)}&rdquo;" if finding.location.text else ""
        )
        rows.append(
            f"<tr><td class='{finding.severity}-text'>{finding.severity}</td>"
            f"<td>{escape(finding.rule)}<br><small>Code {escape(finding.provision)}</small></td>"
            f"<td>{escape(finding.message)}{quoted}<div class='why'>{why}</div></td></tr>"
        )
    problems = (
        "<table><tr><th>severity</th><th>rule</th><th>what and why</th></tr>"
        + "".join(rows)
        + "</table>"
        if rows
        else "<p>No problems found.</p>"
    )
    present = [e.id for e in result.elements if e.present]
    absent = [e.id for e in result.elements if not e.present]
    elements = (
        f"<p><b>Elements found:</b> {escape(', '.join(present)) or 'none'}<br>"
        f"<b>Not found:</b> {escape(', '.join(absent)) or 'none'}</p>"
    )
    body = highlighted_letter(result.text or "", _spans(result, rule_docs))
    return f"{title}{summary}{problems}{elements}<div class='letter'>{body}</div>"


def page(title: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><h1>{escape(title)}</h1>{body}</body></html>\n"
    )


def render(report: CheckReport, rule_docs: dict[str, RuleDoc]) -> str:
    summary = report.summary
    intro = (
        f"<p class='summary'>{summary.files} letters: {summary.errors} errors, "
        f"{summary.warnings} warnings, {summary.unreadable} unreadable. "
        "Green marks an element the Code asks for; red and amber mark wording or dates "
        "that break it (hover for the reason).</p>"
    )
    sections = "".join(letter_section(result, rule_docs) for result in report.files)
    return page("lettercheck report", intro + sections)
