"""Corpus letters rendered as DOCX and PDF read back with every line and every
annotation quote intact, so the annotations hold for all three versions."""

from pathlib import Path

import pytest
from builders import long_letter_text
from click.testing import CliRunner

from lettercheck.cli import main
from lettercheck.corpus.render import paragraphs_of, render_docx, render_pdf
from lettercheck.corpus.store import load_letter
from lettercheck.document import Document, Part
from lettercheck.read import read_path
from lettercheck.read.normalise import clean

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "letters"


def corpus_sample() -> list[Path]:
    """Up to ten letters spread over the corpus, always including ones with tables."""
    paths = sorted(CORPUS.glob("*.txt"))
    tabled = [path for path in paths if " | " in path.read_text(encoding="utf-8")]
    return sorted(set(paths[:: max(1, len(paths) // 8)] + tabled[:2]))


def read_one(path: Path) -> Document:
    [document] = read_path(path)
    assert isinstance(document, Document), document
    return document


@pytest.mark.skipif(not corpus_sample(), reason="the corpus has no letters yet")
@pytest.mark.parametrize("text_path", corpus_sample(), ids=lambda path: path.stem)
def test_rendered_letters_keep_every_line_and_quote(text_path: Path, tmp_path: Path):
    text = text_path.read_text(encoding="utf-8")
    docx, pdf = tmp_path / "letter.docx", tmp_path / "letter.pdf"
    render_docx(text, docx, tracked_change=True, comment=True)
    render_pdf(text, pdf)
    quotes = [quote for _, quote in load_letter(text_path).annotation.quotes()]
    for document in (read_one(docx), read_one(pdf)):
        lines = [clean(line) for line in text.splitlines() if line.strip()]
        assert [line for line in lines if line not in document.text] == [], document.format
        assert [quote for quote in quotes if quote not in document.text] == [], document.format
    word = read_one(docx)
    for lines in paragraphs_of(text):  # a paragraph's line breaks survive in Word
        if not any(" | " in line for line in lines):
            assert clean("\n".join(lines)) in word.text
    assert len(word.comments) == 1 and 1 <= (read_one(pdf).pages or 0) <= 3


def test_the_letterhead_goes_in_the_header_and_tables_in_tables(tmp_path: Path):
    text, expected = long_letter_text(4)
    render_docx(text, tmp_path / "letter.docx")
    word = read_one(tmp_path / "letter.docx")
    assert word.blocks[0].part is Part.HEADER
    assert word.blocks[0].text == "Northgate Housing Trust\n2 Mill Yard, Leeds LS2 7QT"
    assert [b.text for b in word.blocks[1:-1]] == expected
    assert [b.text for b in word.blocks if b.part is Part.TABLE][-1] == (
        "Follow-up damp inspection | Amir Haddad, Surveyor"
    )
    assert (word.blocks[-1].part, word.blocks[-1].text) == (Part.FOOTER, "Page 1 of 1")


def test_corpus_render_command_writes_a_seeded_share(tmp_path: Path):
    letters = tmp_path / "corpus" / "letters"
    letters.mkdir(parents=True)
    for number in range(1, 7):
        text, _ = long_letter_text(number)
        (letters / f"ack1-{number:03d}.txt").write_text(text, encoding="utf-8")
    arguments = [
        "corpus",
        "render",
        "--share",
        "0.5",
        "--seed",
        "7",
        "--corpus",
        str(tmp_path / "corpus"),
    ]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert "3 of 3 letters rendered" in result.output
    made = sorted(path.name for path in letters.iterdir() if path.suffix != ".txt")
    assert len(made) == 6 and {Path(name).stem for name in made} < {
        path.stem for path in letters.glob("*.txt")
    }
    for path in letters.glob("*.docx"):
        path.unlink()
    CliRunner().invoke(main, arguments)
    assert sorted(path.name for path in letters.iterdir() if path.suffix != ".txt") == made
