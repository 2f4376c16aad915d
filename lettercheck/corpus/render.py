"""Realistic Word and PDF versions of corpus letters, so the linter is tested on the
files landlords really send and not only on clean text.

A corpus letter (`<id>.txt`) is paragraphs separated by blank lines; a paragraph may
span several lines (an address, a sign-off). Rendering keeps every word where the
reader will find it: the first paragraph (the landlord's name and address) becomes
the letterhead in the page header, lines with " | " become a table row, and the tracked
change and reviewer comment some DOCX files get leave the sent text unchanged, so the
annotation quotes hold in every version.

reportlab (a test extra) is imported only when a PDF is made.
"""

import os
import random
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docx import Document as new_docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from lettercheck.atomic import atomic_path

LETTERHEAD_MAX_LINES = 6
REVIEW_COMMENT = "Checked against the repairs log and the case notes before sending."
_CELL = " | "
_WORD = re.compile(r"[A-Za-z]{5,}")


def paragraphs_of(text: str) -> list[list[str]]:
    """The letter's paragraphs, each as its lines."""
    chunks = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").strip())
    return [[line.strip() for line in chunk.split("\n") if line.strip()] for chunk in chunks]


def split_letterhead(paragraphs: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """The letterhead (the first paragraph, when short enough to be one and not an
    email's header lines) and the rest."""
    if (
        paragraphs
        and len(paragraphs[0]) <= LETTERHEAD_MAX_LINES
        and not paragraphs[0][0].startswith("From:")
    ):
        return paragraphs[0], paragraphs[1:]
    return [], paragraphs


def _groups(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """Runs of table lines and of plain lines within one paragraph: (is table, lines)."""
    groups: list[tuple[bool, list[str]]] = []
    for line in lines:
        is_table = _CELL in line
        if groups and groups[-1][0] == is_table:
            groups[-1][1].append(line)
        else:
            groups.append((is_table, [line]))
    return groups


def _is_heading(lines: list[str]) -> bool:
    line = lines[0]
    return len(lines) == 1 and len(line) < 70 and not line.endswith((".", ",", ":", "?", "!"))


# --- Word ---------------------------------------------------------------------------


def render_docx(
    text: str, path: Path, *, tracked_change: bool = False, comment: bool = False
) -> None:
    """Write `text` as a Word letter: letterhead in the header, "Page N of M" in the
    footer, tables for " | " lines, and optionally a tracked typo fix and a reviewer's
    comment (neither changes the text as sent)."""
    letterhead, body = split_letterhead(paragraphs_of(text))
    document = new_docx()
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(8)
    section = document.sections[0]
    if letterhead:
        header = section.header.paragraphs[0]
        for index, line in enumerate(letterhead):
            run = header.add_run(line)
            run.bold = index == 0
            run.font.size = Pt(14 if index == 0 else 9)
            if index + 1 < len(letterhead):
                run.add_break()
    _page_numbers(section.footer.paragraphs[0])
    prose: list[Paragraph] = []
    for lines in body:
        for is_table, group in _groups(lines):
            if is_table:
                _docx_table(document, [line.split(_CELL) for line in group])
                continue
            paragraph = document.add_paragraph()
            for index, line in enumerate(group):
                run = paragraph.add_run(line)
                run.bold = _is_heading(group)
                if index + 1 < len(group):
                    run.add_break(WD_BREAK.LINE)
            if len(group) == 1 and len(group[0]) > 60:
                prose.append(paragraph)
    chooser = random.Random(text)
    if tracked_change and prose:
        _track_typo_fix(chooser.choice(prose), chooser)
    if comment and prose:
        target = chooser.choice(prose)
        document.add_comment(target.runs, text=REVIEW_COMMENT, author="Team Leader", initials="TL")
    with atomic_path(path) as temporary:
        document.save(str(temporary))


def _docx_table(document: Any, rows: list[list[str]]) -> Table:
    columns = max(len(cells) for cells in rows)
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = "Table Grid"
    for row, cells in zip(table.rows, rows, strict=True):
        if len(cells) < columns:  # a short row: its last cell spans the rest
            row.cells[len(cells) - 1].merge(row.cells[columns - 1])
        for index, value in enumerate(cells):
            row.cells[index].text = value.strip()
    return table


def _page_numbers(paragraph: Paragraph) -> None:
    """ "Page N of M" with Word's PAGE and NUMPAGES fields."""
    paragraph.add_run("Page ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES", "1")


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    for kind in ("begin", "instr", "separate", "shown", "end"):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        elif kind == "shown":
            run.text = shown
            continue
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _track_typo_fix(paragraph: Paragraph, chooser: random.Random) -> None:
    """Rewrite one word of `paragraph` as a reviewer's tracked correction: the draft's
    misspelling deleted, the right word inserted, so the sent text is unchanged."""
    text = paragraph.text
    words = [word for word in _WORD.finditer(text) if word.group()[2] != word.group()[3]]
    if not words:
        return
    word = chooser.choice(words)
    typo = word.group()[:2] + word.group()[3] + word.group()[2] + word.group()[4:]
    bold = bool(paragraph.runs and paragraph.runs[0].bold)
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    paragraph.add_run(text[: word.start()]).bold = bold
    for tag, value in (("w:del", typo), ("w:ins", word.group())):
        change = OxmlElement(tag)
        change.set(qn("w:id"), str(chooser.randrange(1000, 9999)))
        change.set(qn("w:author"), "Team Leader")
        change.set(qn("w:date"), "2024-06-03T10:15:00Z")
        run = OxmlElement("w:r")
        piece = OxmlElement("w:delText" if tag == "w:del" else "w:t")
        piece.set(qn("xml:space"), "preserve")
        piece.text = value
        run.append(piece)
        change.append(run)
        paragraph._p.append(change)
    paragraph.add_run(text[word.end() :]).bold = bold


# --- PDF ----------------------------------------------------------------------------


def render_pdf(text: str, path: Path) -> None:
    """Write `text` as an A4 PDF: the letterhead and "Page N of M" drawn on every page,
    body paragraphs, and ruled tables for " | " lines."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph as PdfParagraph
    from reportlab.platypus import SimpleDocTemplate, TableStyle
    from reportlab.platypus import Table as PdfTable

    regular, bold = _pdf_fonts()
    letterhead, body = split_letterhead(paragraphs_of(text))
    style = ParagraphStyle("body", fontName=regular, fontSize=11, leading=14.5, spaceAfter=9)
    heading = ParagraphStyle("heading", parent=style, fontName=bold)
    cell = ParagraphStyle("cell", parent=style, fontSize=9.5, leading=11.5, spaceAfter=0)
    story: list[Any] = []
    for lines in body:
        for is_table, group in _groups(lines):
            if not is_table:
                markup = "<br/>".join(_escape(line) for line in group)
                story.append(PdfParagraph(markup, heading if _is_heading(group) else style))
                continue
            rows = [line.split(_CELL) for line in group]
            columns = max(len(cells) for cells in rows)
            data = [
                [PdfParagraph(_escape(value.strip()), cell) for value in cells]
                + [""] * (columns - len(cells))
                for cells in rows
            ]
            commands: list[tuple[Any, ...]] = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
            commands += [
                ("SPAN", (len(cells) - 1, index), (-1, index))
                for index, cells in enumerate(rows)
                if len(cells) < columns
            ]
            widths = _column_widths(rows, columns, A4[0] - 144, regular, cell.fontSize)
            table = PdfTable(data, colWidths=widths, spaceAfter=8)
            table.setStyle(TableStyle(commands))
            story.append(table)

    def decorate(canvas: Any, document: Any) -> None:
        canvas.saveState()
        y = A4[1] - 50
        for index, line in enumerate(letterhead):
            font = bold if index == 0 else regular
            width = canvas.stringWidth(line, font, 10)
            canvas.setFont(font, min(10.0, 10.0 * (A4[0] - 144) / max(width, 1.0)))
            canvas.drawString(72, y, line)
            y -= 12
        canvas.restoreState()

    top = 60 + 12 * len(letterhead) + 20
    with atomic_path(path) as temporary:
        SimpleDocTemplate(
            str(temporary),
            pagesize=A4,
            topMargin=top,
            bottomMargin=72,
            leftMargin=72,
            rightMargin=72,
        ).build(story, onFirstPage=decorate, onLaterPages=decorate, canvasmaker=_numbered_canvas())


def _column_widths(
    rows: list[list[str]], columns: int, available: float, font: str, size: float
) -> list[float]:
    """Column widths that give every column room for its longest word (so no word is
    split), sharing what is left in proportion to how much text each column holds."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    padding = 14.0
    need = [padding] * columns
    want = [padding] * columns
    for cells in rows:
        for index, value in enumerate(cells[:-1] if len(cells) < columns else cells):
            longest = max(value.split(), key=len, default="")
            need[index] = max(need[index], stringWidth(longest, font, size) + padding)
            want[index] = max(want[index], stringWidth(value, font, size) + padding)
    spare = available - sum(need)
    if spare <= 0:
        return need  # words too long for the page: the table runs wide, as Word's would
    extra = [w - n for w, n in zip(want, need, strict=True)]
    total = sum(extra)
    if total <= spare:  # every cell fits on one line: share out what is left evenly
        return [n + e + (spare - total) / columns for n, e in zip(need, extra, strict=True)]
    return [n + spare * e / total for n, e in zip(need, extra, strict=True)]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _pdf_fonts() -> tuple[str, str]:
    """Bitstream Vera, which reportlab ships: embedded like a real export, with the
    pound sign and curly quotes that the standard PDF fonts' encoding lacks."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    for name, file_name in (("Vera", "Vera.ttf"), ("VeraBd", "VeraBd.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, os.path.join(fonts, file_name)))
    return "Vera", "VeraBd"


def _numbered_canvas() -> Any:
    """A canvas that writes "Page N of M" once it knows M (reportlab's usual recipe)."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont("Vera", 8)
                self.drawCentredString(
                    self._pagesize[0] / 2, 36, f"Page {self._pageNumber} of {len(self._pages)}"
                )
                super().showPage()
            super().save()

    return NumberedCanvas


# --- the corpus ----------------------------------------------------------------------


def chosen_letters(text_paths: Iterable[Path], share: float, seed: int) -> list[Path]:
    """A fixed, seeded share of the letters (by sorted id) to render."""
    paths = sorted(text_paths)
    count = round(len(paths) * share)
    return sorted(random.Random(seed).sample(paths, count))


def render_letter(text_path: Path) -> list[Path]:
    """`<id>.docx` and `<id>.pdf` beside `<id>.txt`. Whether the DOCX carries a tracked
    change and a comment is decided by the letter's id, so reruns give the same files."""
    text = text_path.read_text(encoding="utf-8")
    decider = random.Random(text_path.stem)
    docx_path, pdf_path = text_path.with_suffix(".docx"), text_path.with_suffix(".pdf")
    render_docx(
        text, docx_path, tracked_change=decider.random() < 0.4, comment=decider.random() < 0.3
    )
    render_pdf(text, pdf_path)
    return [docx_path, pdf_path]
