"""The PDF reader: paragraphs rebuilt from lines, letterhead and page numbers kept once,
ruled tables read a row at a time, split words mended, ligatures spelled out."""

from pathlib import Path

import pypdfium2 as pdfium
from builders import LETTERHEAD, drawn_pdf, letter_pdf, long_letter_text
from reportlab.lib.pdfencrypt import StandardEncryption

from lettercheck.document import Document, Part
from lettercheck.read import read_path


def read_one(path: Path) -> Document:
    [document] = read_path(path)
    assert isinstance(document, Document), document
    return document


def test_a_three_page_letter_comes_back_paragraph_for_paragraph(tmp_path: Path):
    text, expected = long_letter_text(26)
    letter = read_one(letter_pdf(tmp_path / "letter.pdf", text))
    assert letter.pages == 3 and letter.format == "pdf"
    header, *body, footer = letter.blocks
    assert (header.part, header.text, header.page, header.repeated) == (
        Part.HEADER,
        "\n".join(LETTERHEAD),
        1,
        True,
    )
    assert (footer.part, footer.text, footer.repeated) == (Part.FOOTER, "Page 1 of 3", True)
    assert [block.text for block in body] == expected
    assert letter.text.count(LETTERHEAD[0]) == 1 and "Page 2 of 3" not in letter.text
    # the test is only worth its salt if a paragraph really runs over a page break
    pdf = pdfium.PdfDocument(tmp_path / "letter.pdf")
    first_on_page_2 = pdf[1].get_textpage().get_text_range().split("\r\n")[2]
    assert not any(paragraph.startswith(first_on_page_2) for paragraph in expected)
    pdf.close()


def test_blocks_know_their_page_and_table_rows_are_marked(tmp_path: Path):
    text, _ = long_letter_text(26)
    letter = read_one(letter_pdf(tmp_path / "letter.pdf", text))
    pages = [block.page for block in letter.blocks if block.part is Part.BODY]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == 3
    rows = [block for block in letter.blocks if block.part is Part.TABLE]
    assert [row.text for row in rows][-1] == "Follow-up damp inspection | Amir Haddad, Surveyor"
    assert len(rows) == 3
    for block in letter.blocks:
        assert letter.text[block.start : block.end] == block.text


def test_a_one_page_letter_keeps_its_letterhead_as_text(tmp_path: Path):
    text, expected = long_letter_text(3)
    letter = read_one(letter_pdf(tmp_path / "short.pdf", text))
    assert letter.pages == 1
    assert [block.text for block in letter.blocks] == [
        "\n".join(LETTERHEAD),
        *expected,
        "Page 1 of 1",
    ]
    assert not any(block.repeated for block in letter.blocks)


def test_words_split_at_line_end_are_joined_and_ligatures_spelled_out(tmp_path: Path):
    lines = [
        "Thank you for your complaint about the heating. Our engineer has com-",
        "pleted the ﬁnal repair to the boiler and the radiators in your self-",
        "contained flat are now working. We are sorry it took so long to ﬁx.",
        "",
        "Yours sincerely",
    ]
    letter = read_one(drawn_pdf(tmp_path / "hyphens.pdf", lines))
    assert [block.text for block in letter.blocks] == [
        "Thank you for your complaint about the heating. Our engineer has completed the "
        "final repair to the boiler and the radiators in your self-contained flat are now "
        "working. We are sorry it took so long to fix.",
        "Yours sincerely",
    ]


def test_a_pdf_with_only_an_owner_password_is_read(tmp_path: Path):
    lines = ["Dear Mr Jones", "", "We have upheld your complaint."]
    encryption = StandardEncryption("", ownerPassword="owner-secret", canModify=0)
    letter = read_one(drawn_pdf(tmp_path / "restricted.pdf", lines, encrypt=encryption))
    assert letter.text == "Dear Mr Jones\n\nWe have upheld your complaint."
