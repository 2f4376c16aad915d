"""One PDF page as positioned lines and table rows, with pdfium (pypdfium2).

pdfium gives a page's text in content order with a line break at every line, in about
a millisecond. To rebuild paragraphs and find repeated letterheads we also need to know
where each line sits; asking pdfium for a handful of character boxes per line (not per
character) keeps that cheap. Ruled tables are found from the page's thin path objects
(the border lines) and each cell's text is read with one bounded-text call, so a row
comes back as "cell | cell | cell" instead of words run together.
"""

import ctypes
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lettercheck.read.pdf_tables import Segment, Table, find_tables


@dataclass(slots=True)
class Line:
    """A line of text on a page (or a whole table row), in PDF units (y grows upwards)."""

    text: str
    top: float
    bottom: float  # of its first character (pdfium joins lines it sees a word broken over)
    last_bottom: float  # of its last character
    left: float = 0.0
    right: float = 0.0
    first_word: float = 0.0  # width of the line's first word
    size: float = 0.0  # font size of its first character
    table_row: bool = False


@dataclass(slots=True)
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    images: int  # image objects: a page of pictures and no text is a scan


_BREAK = "\r\n"
_SPLIT_INDEX = re.compile(r"\S")


class _Boxes:
    """Character boxes through the raw API, reusing its output buffers."""

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self.raw = textpage.raw
        self.rect = pdfium_c.FS_RECTF()
        self.l, self.r, self.b, self.t = (ctypes.c_double() for _ in range(4))

    def loose(self, index: int) -> tuple[float, float]:
        """(bottom, top) of the character's font box: the same for every letter of a
        line, unlike the tight box of an "x" or a "y"."""
        pdfium_c.FPDFText_GetLooseCharBox(self.raw, index, self.rect)
        return self.rect.bottom, self.rect.top

    def right(self, index: int) -> float:
        pdfium_c.FPDFText_GetCharBox(self.raw, index, self.l, self.r, self.b, self.t)
        return self.r.value

    def left(self, index: int) -> float:
        pdfium_c.FPDFText_GetCharBox(self.raw, index, self.l, self.r, self.b, self.t)
        return self.l.value

    def size(self, index: int) -> float:
        return pdfium_c.FPDFText_GetFontSize(self.raw, index)


def read_page(page: pdfium.PdfPage, number: int) -> Page:
    """The page's lines in content order, ruled tables replaced by their rows."""
    width, height = page.get_size()
    segments, images = _page_objects(page)
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range() if count > 0 else ""
        tables = find_tables(segments) if segments and text else []
        lines = _lines(textpage, text, count, tables)
    finally:
        textpage.close()
    return Page(number, width, height, lines, images)


def _page_objects(page: pdfium.PdfPage) -> tuple[list[Segment], int]:
    """Thin path objects as border segments, and how many images the page shows."""
    raw = page.raw
    segments: list[Segment] = []
    images = 0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH and pdfium_c.FPDFPageObj_GetBounds(
            obj, left, bottom, right, top
        ):
            segments.extend(Segment.from_bounds(left.value, bottom.value, right.value, top.value))
    return segments, images


def _lines(textpage: pdfium.PdfTextPage, text: str, count: int, tables: list[Table]) -> list[Line]:
    boxes = _Boxes(textpage)
    same_indices = len(text) == count
    lines: list[Line] = []
    emitted_tables: set[int] = set()
    position = 0
    for raw_line in text.split(_BREAK):
        start = position
        position += len(raw_line) + len(_BREAK)
        first = _SPLIT_INDEX.search(raw_line)
        if first is None:
            continue
        stripped = raw_line.strip()
        space = stripped.find(" ")
        begin = start + first.start()
        end = start + len(raw_line.rstrip()) - 1
        word_end = begin + space - 1 if space > 0 else end
        if not same_indices:
            begin, end, word_end = (
                pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage.raw, index)
                for index in (begin, end, word_end)
            )
            if min(begin, end, word_end) < 0:
                continue
        bottom, top = boxes.loose(begin)
        left = boxes.left(begin)
        table = _table_at(tables, left + 0.5, (bottom + top) / 2)
        if table is not None:
            if table not in emitted_tables:
                emitted_tables.add(table)
                lines.extend(_table_rows(textpage, tables[table]))
            continue
        lines.append(
            Line(
                text=stripped,
                top=top,
                bottom=bottom,
                last_bottom=boxes.loose(end)[0],
                left=left,
                right=boxes.right(end),
                first_word=max(boxes.right(word_end) - left, 0.0),
                size=boxes.size(begin),
            )
        )
    return lines


def _table_at(tables: list[Table], x: float, y: float) -> int | None:
    for index, table in enumerate(tables):
        if table.contains(x, y):
            return index
    return None


def _table_rows(textpage: pdfium.PdfTextPage, table: Table) -> list[Line]:
    """Each row of a ruled table as one line: its cells' text joined with " | "."""
    rows = []
    for top, bottom, cells in table.rows():
        texts = [
            " ".join(textpage.get_text_bounded(left, low, right, high).split())
            for left, low, right, high in cells
        ]
        if any(texts):
            rows.append(Line(" | ".join(texts), top, bottom, bottom, table_row=True))
    return rows
