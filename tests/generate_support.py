"""Shared by the case, deadline and generation tests: the example case as data to vary,
the example config, and the text of a generated letter as python-docx reads it."""

import copy
import zipfile
from pathlib import Path

import yaml
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from lettercheck.case import Case
from lettercheck.case_files import CaseSource, parse_case
from lettercheck.config import Config, load_config
from lettercheck.resources import EXAMPLES_DIR

EXAMPLE_CASE = EXAMPLES_DIR / "case.yaml"
EXAMPLE_CONFIG = EXAMPLES_DIR / "lettercheck.yaml"
_EXAMPLE = yaml.safe_load(EXAMPLE_CASE.read_text(encoding="utf-8"))


def example_data() -> dict:
    """The built-in example case as plain data, a fresh copy to change."""
    return copy.deepcopy(_EXAMPLE)


def case_from(data: dict) -> Case:
    return parse_case(CaseSource("test-case", data))


def example_config(**landlord_changes) -> Config:
    config = load_config(EXAMPLE_CONFIG)
    if not landlord_changes:
        return config
    landlord = config.landlord.model_copy(update=landlord_changes)
    return config.model_copy(update={"landlord": landlord})


def docx_blocks(path: Path) -> list[str]:
    """Every paragraph and table cell of the letter body in reading order, then footers."""
    document = Document(str(path))
    blocks = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            blocks.append(Paragraph(element, document).text)
        elif element.tag.endswith("}tbl"):
            for row in Table(element, document).rows:
                blocks += [cell.text for cell in row.cells]
    for section in document.sections:
        blocks += [paragraph.text for paragraph in section.footer.paragraphs]
    return blocks


def docx_text(path: Path) -> str:
    return "\n".join(docx_blocks(path))


def assert_valid_docx(path: Path) -> None:
    """A DOCX Word will open: a sound zip whose XML parts all parse strictly."""
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        for name in package.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(package.read(name))  # raises on any broken XML
    Document(str(path))
