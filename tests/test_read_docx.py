"""The DOCX reader returns a letter as it would be sent: real files built with
python-docx and raw WordprocessingML, exact text and locations asserted."""

import re
from pathlib import Path

import pytest
from builders import COMMENT, FOOTNOTE, LETTERHEAD, TEXT_BOX, letter_docx, rewrite_zip, simple_docx

from lettercheck.document import Document, Part
from lettercheck.read import read_path


def read_one(path: Path) -> Document:
    [document] = read_path(path)
    assert isinstance(document, Document), document
    return document


@pytest.fixture
def letter(tmp_path: Path) -> Document:
    return read_one(letter_docx(tmp_path / "letter.docx"))


def test_every_part_comes_back_in_reading_order(letter: Document):
    assert [(block.paragraph, block.part, block.text) for block in letter.blocks] == [
        (0, Part.HEADER, LETTERHEAD[0]),
        (1, Part.HEADER, LETTERHEAD[1]),
        (2, Part.BODY, "Dear Ms Patel"),
        (3, Part.BODY, "Stage 1 complaint response"),
        (4, Part.BODY, "Your complaint about damp."),
        (5, Part.TEXTBOX, TEXT_BOX),
        (6, Part.BODY, "We will repair the extractor fan by 14 June."),
        (7, Part.BODY, "This part of the sentence runs on here."),
        (8, Part.TABLE, "Action | By when"),
        (9, Part.TABLE, "Fit a new fan | Week of 10 June"),
        (10, Part.TABLE, "14 June | confirmed"),
        (11, Part.BODY, "We do not regard you as vexatious."),
        (12, Part.BODY, "We follow the Code."),
        (13, Part.BODY, "Yours sincerely"),
        (14, Part.FOOTNOTE, FOOTNOTE),
        (15, Part.FOOTER, "Page 1 of 1"),
    ]
    assert letter.format == "docx" and letter.pages is None


def test_tracked_changes_read_as_sent(letter: Document):
    assert "extractor fan" in letter.text
    assert "window" not in letter.text  # the deleted draft wording


def test_text_box_is_read_once_not_again_from_its_vml_fallback(letter: Document):
    assert letter.text.count(TEXT_BOX) == 1


def test_comment_is_kept_apart_and_points_at_its_paragraph(letter: Document):
    [comment] = letter.comments
    assert comment.text == COMMENT and comment.part is Part.COMMENT
    assert letter.blocks[comment.paragraph].text == "We do not regard you as vexatious."
    assert "lettercheck: ignore" not in letter.text


def test_offsets_point_into_the_text(letter: Document):
    for block in letter.blocks:
        assert letter.text[block.start : block.end] == block.text
    table_row = letter.blocks[9]
    assert letter.block_at(letter.text.index("Week of 10 June")) == table_row


def test_first_page_header_is_read_only_when_the_section_uses_it(tmp_path: Path):
    path = simple_docx(tmp_path / "first.docx", ["Dear Mr Lee", "Thank you for your complaint."])
    from docx import Document as open_docx

    document = open_docx(path)
    section = document.sections[0]
    section.first_page_header.paragraphs[0].text = "FIRST PAGE LETTERHEAD"
    section.header.paragraphs[0].text = "Continuation header"
    document.save(path)
    assert [b.text for b in read_one(path).blocks if b.part is Part.HEADER] == [
        "Continuation header"
    ]
    section.different_first_page_header_footer = True
    document.save(path)
    assert [b.text for b in read_one(path).blocks if b.part is Part.HEADER] == [
        "FIRST PAGE LETTERHEAD",
        "Continuation header",
    ]


def test_line_breaks_tabs_and_odd_spaces_are_normalised(tmp_path: Path):
    from docx import Document as new_docx

    document = new_docx()
    paragraph = document.add_paragraph("Our ref:\tHC/24/0117")
    run = paragraph.add_run("Mr\u00a0J  Smith")
    run.add_break()
    paragraph.add_run("12 Elm Road")
    document.add_paragraph("We have ﬁnished the repair.")
    path = tmp_path / "spaces.docx"
    document.save(path)
    assert [b.text for b in read_one(path).blocks] == [
        "Our ref: HC/24/0117Mr J Smith\n12 Elm Road",
        "We have finished the repair.",
    ]


def test_strict_ooxml_namespaces_are_understood(tmp_path: Path):
    path = simple_docx(tmp_path / "strict.docx", ["Dear Ms Khan", "We uphold your complaint."])
    transitional = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    strict = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    rewrite_zip(path, {"word/document.xml": lambda old: old.replace(transitional, strict)})
    assert read_one(path).text == "Dear Ms Khan\n\nWe uphold your complaint."


def test_external_relationships_are_ignored(tmp_path: Path):
    path = simple_docx(tmp_path / "linked.docx", ["Dear Ms Khan"])
    link = (
        b'<Relationship Id="rIdRemote" TargetMode="External" Target="http://127.0.0.1:9/h.xml" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"/>'
        b"</Relationships>"
    )
    reference = rb'\g<0><w:headerReference w:type="default" r:id="rIdRemote"/>'
    rewrite_zip(
        path,
        {
            "word/_rels/document.xml.rels": lambda old: old.replace(b"</Relationships>", link),
            "word/document.xml": lambda old: re.sub(rb"<w:sectPr[^>]*>", reference, old),
        },
    )
    assert read_one(path).text == "Dear Ms Khan"  # and nothing was fetched


def test_an_empty_cell_adds_no_separator(tmp_path):
    from docx import Document as WordDocument

    from lettercheck.read import read_path

    word = WordDocument()
    row = word.add_table(rows=1, cols=3).rows[0]
    row.cells[1].text = "Brookfield Homes"
    row.cells[2].text = "12 Canal Street"
    path = tmp_path / "letterhead.docx"
    word.save(path)
    (letter,) = read_path(path)
    assert [block.text for block in letter.blocks] == ["Brookfield Homes | 12 Canal Street"]
