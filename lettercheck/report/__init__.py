"""Turning check results into what people read: text for the terminal, JSON for
scripts, SARIF for code-review tools, HTML for trainers and QA, CSV for spreadsheets."""

from collections.abc import Callable

from lettercheck.catalogue import RuleDoc
from lettercheck.report import html_report, json_report, sarif_report, text_report
from lettercheck.results import CheckReport

Renderer = Callable[[CheckReport, dict[str, RuleDoc]], str]

RENDERERS: dict[str, Renderer] = {
    "text": text_report.render,
    "json": json_report.render,
    "sarif": sarif_report.render,
    "html": html_report.render,
}
