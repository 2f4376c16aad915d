"""PDF letters: text through pdfium (pypdfium2), paragraphs rebuilt from lines.

pdfium extracts the same text as pdfplumber fifty times faster, and with a few
character boxes per line it also tells us enough layout to rebuild paragraphs, join
words split by a line-end hyphen and find the letterhead and page numbers that repeat
on every page (kept once, marked repeated, header first and footer last). Ruled tables
come back a row at a time (see pdf_tables). pdfplumber is not needed on this path: it
reads the same border lines for tables, at forty times the cost.
"""

import re
from collections import Counter

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lettercheck.document import Block, Document, Part
from lettercheck.read.errors import CORRUPT, EMPTY, ENCRYPTED, NO_TEXT_LAYER, ReadError
from lettercheck.read.normalise import clean
from lettercheck.read.pdf_lines import Line, Page, read_page

HEADER_ZONE = 0.22  # share of the page height, from the top, where a letterhead sits
FOOTER_ZONE = 0.15
RAGGED = 20.0  # how far short of the margin full ragged-right lines may end, in points
PAGE_NUMBER_LENGTH = 40  # "Page 2 of 3", "Our ref: 1234 - page 2"
_DIGITS = re.compile(r"\d+")
_LIST_ITEM = re.compile(r"^(?:[•●▪◦‣∙·\-–*]|\(?[0-9a-zA-Z]{1,3}[.)])\s")
_PDFIUM_HYPHEN = "\ufffe"  # pdfium's mark for a line-end hyphen it has joined up
_MARKED_HYPHEN = re.compile(r"(\w*)\ufffe")
_HYPHENS = ("-", "\x02", "\u00ad", "\u2010")
NEW_BLOCK, LINE_BREAK, WRAP = "new block", "line break", "wrap"
_KEEP_HYPHEN_AFTER = frozenset({"self", "non", "well", "ex", "cross", "semi", "multi", "anti"})


def read_pdf(data: bytes, name: str) -> Document:
    """The letter in a PDF (see the module docstring)."""
    if b"%%EOF" not in data[-2048:] and b"%%EOF" not in data:
        raise ReadError(CORRUPT, "the PDF is truncated (it has no end-of-file marker)")
    pdf = _open(data)
    try:
        pages = [read_page(pdf[index], index + 1) for index in range(len(pdf))]
    except pdfium.PdfiumError as error:
        raise ReadError(CORRUPT, f"a page of the PDF is damaged ({error})") from error
    finally:
        pdf.close()
    if not any(page.lines for page in pages):
        if any(page.images for page in pages):
            raise ReadError(
                NO_TEXT_LAYER,
                "the PDF is a scan with no text layer; export it from the original or run OCR",
            )
        raise ReadError(EMPTY, "the PDF has no text")
    headers, footers = _repeated(pages)
    blocks = [Block(text, Part.HEADER, page=page, repeated=True) for page, text in headers]
    blocks += _paragraphs(pages)
    blocks += [Block(text, Part.FOOTER, page=page, repeated=True) for page, text in footers]
    return Document.from_blocks(name, "pdf", blocks, pages=len(pages))


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise ReadError(
                ENCRYPTED, "the PDF is password-protected; save an unprotected copy to check it"
            ) from error
        raise ReadError(CORRUPT, "the PDF is damaged and cannot be opened") from error


def _repeated(pages: list[Page]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Header and footer lines that repeat at the same place on (nearly) every page,
    taken out of the pages and returned once each as (first page, text). Digits are
    ignored when comparing, so "Page 2 of 3" matches "Page 1 of 3"."""
    if len(pages) < 2:
        return [], []
    needed = max(2, len(pages) - 1)  # the first page often has a fuller letterhead
    seen: Counter[tuple[str, bool, int]] = Counter()
    for page in pages:
        seen.update({key for line in page.lines if (key := _zone_key(page, line))})
    repeated = {key for key, count in seen.items() if count >= needed}
    headers: list[tuple[int, str]] = []
    footers: list[tuple[int, str]] = []
    kept: set[tuple[str, bool, int]] = set()
    for page in pages:
        edges = _edge_lines(page, repeated)
        taken: dict[bool, list[str]] = {True: [], False: []}
        for line in page.lines:
            key = _zone_key(page, line)
            if id(line) in edges and key is not None and key not in kept:
                kept.add(key)
                taken[key[1]].append(line.text)
        for found, lines in ((headers, taken[True]), (footers, taken[False])):
            if lines:
                found.append((page.number, clean("\n".join(lines))))
        page.lines = [line for line in page.lines if id(line) not in edges]
    return headers, footers


def _edge_lines(page: Page, repeated: set[tuple[str, bool, int]]) -> set[int]:
    """Ids of the page's repeated lines that sit above (or below) all of its own text:
    a letterhead is at the top, page numbers at the bottom, never between body lines."""
    edges: set[int] = set()
    for from_top in (True, False):
        ordered = sorted(page.lines, key=lambda line: -line.top if from_top else line.last_bottom)
        for line in ordered:
            key = _zone_key(page, line)
            if key not in repeated or key[1] is not from_top:
                break
            edges.add(id(line))
    return edges


def _zone_key(page: Page, line: Line) -> tuple[str, bool, int] | None:
    """(text, in the header zone, height rounded) for a line in the header or footer
    zone of its page; None for a line in the body. Digits are masked in short lines,
    where page numbers live."""
    text = _DIGITS.sub("#", line.text) if len(line.text) <= PAGE_NUMBER_LENGTH else line.text
    if line.top >= page.height * (1 - HEADER_ZONE):
        return text, True, round(line.top / 3)
    if line.last_bottom <= page.height * FOOTER_ZONE:
        return text, False, round(line.last_bottom / 3)
    return None


def _paragraphs(pages: list[Page]) -> list[Block]:
    """The body lines of every page joined into paragraphs."""
    text_lines = [line for page in pages for line in page.lines if not line.table_row]
    margin = _right_margin([line.right for line in text_lines])
    pitch = _line_pitch(pages)
    blocks: list[Block] = []
    current = ""
    current_page = 0
    previous: Line | None = None
    for page in pages:
        for line in page.lines:
            if line.table_row:
                _flush(blocks, current, current_page)
                current, previous = "", None
                blocks.append(Block(clean(line.text), Part.TABLE, page=page.number))
                continue
            joint = (
                NEW_BLOCK
                if previous is None
                else _joint(previous, line, page.number == current_page, margin, pitch)
            )
            if joint is NEW_BLOCK:
                _flush(blocks, current, current_page)
                current, current_page = line.text, page.number
            elif joint is LINE_BREAK:
                current = f"{current}\n{line.text}"
            else:
                current = _join(current, line.text)
            previous = line
    _flush(blocks, current, current_page)
    return blocks


def _right_margin(rights: list[float]) -> float:
    """Where full lines end: the furthest right edge that several lines reach (within a
    ragged-right spread), so one long letterhead or footer line cannot set it."""
    rights = sorted(rights, reverse=True)
    needed = max(2, len(rights) // 10)
    for index, right in enumerate(rights):
        near = index
        while near < len(rights) and rights[near] >= right - RAGGED:
            near += 1
        if near - index >= needed:
            return right
    return rights[0] if rights else 0.0


def _flush(blocks: list[Block], text: str, page: int) -> None:
    if text:
        blocks.append(Block(clean(_mend(text)), Part.BODY, page=page))


def _mend(text: str) -> str:
    """Resolve the marks pdfium leaves where it joined a word broken over two lines:
    the hyphen goes, unless the first part is a prefix that keeps one ("self-")."""
    if _PDFIUM_HYPHEN not in text:
        return text
    return _MARKED_HYPHEN.sub(
        lambda m: m[1] + ("-" if m[1].lower() in _KEEP_HYPHEN_AFTER else ""), text
    )


def _line_pitch(pages: list[Page]) -> float:
    """The usual distance between lines inside a paragraph: the smallest distance that
    occurs often (paragraph gaps are larger, and rarer in running text)."""
    gaps: Counter[float] = Counter()
    for page in pages:
        lines = [line for line in page.lines if not line.table_row]
        for above, below in zip(lines, lines[1:], strict=False):
            gap = above.last_bottom - below.bottom
            if 0.5 * below.size < gap < 4 * below.size:
                gaps[round(gap * 2) / 2] += 1
    total = sum(gaps.values())
    for gap in sorted(gaps):
        near = sum(count for value, count in gaps.items() if abs(value - gap) <= 0.5)
        if near >= max(2, 0.15 * total):
            return gap
    sizes = sorted(line.size for page in pages for line in page.lines if line.size > 0)
    return 1.2 * sizes[len(sizes) // 2] if sizes else 0.0  # too few lines: single spacing


def _joint(above: Line, line: Line, same_page: bool, margin: float, pitch: float) -> str:
    """How `line` follows `above`: it starts a new block (a gap, a list item, a jump in
    position or type size), follows a deliberate line break (the next word had room on
    `above`: an address, a sign-off), or continues a wrapped paragraph."""
    split_word = above.text.endswith(_HYPHENS) and above.text[-2:-1].isalpha()
    if split_word and line.text[:1].islower():
        return WRAP  # "com-" / "pleted": one word broken over two lines
    word_would_fit = above.right + line.first_word + 0.35 * line.size < margin - 1.0
    if not same_page:  # a full last line means the paragraph runs on over the page
        ends_lead_in = above.text.endswith(":") or _LIST_ITEM.match(line.text)
        return NEW_BLOCK if word_would_fit or ends_lead_in else WRAP
    if line.bottom >= above.last_bottom - 0.5 * line.size:
        return NEW_BLOCK  # not below the line above: another column or a box
    if abs(line.size - above.size) > 0.75:
        return NEW_BLOCK
    if pitch > 0 and above.last_bottom - line.bottom > pitch * 1.25 + 1.0:
        return NEW_BLOCK
    if word_would_fit:
        return NEW_BLOCK if _LIST_ITEM.match(line.text) else LINE_BREAK
    return WRAP  # (a wrapped line may begin "2." or "-": that is no list item)


def _join(text: str, line: str) -> str:
    """`line` appended to the paragraph `text` it continues, mending a word split by a
    line-end hyphen."""
    if text.endswith(_HYPHENS) and len(text) > 1 and text[-2].isalpha() and line[:1].islower():
        head = text[:-1]
        if text[-1] != "\u00ad" and head.rsplit(None, 1)[-1].lower() in _KEEP_HYPHEN_AFTER:
            return f"{head}-{line}"
        return head + line
    return f"{text} {line}"
