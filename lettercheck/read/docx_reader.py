"""Word (.docx) letters, read straight from the package XML.

python-docx's paragraph text drops tracked insertions and everything in text boxes,
and building its objects costs more than the reading itself, so this parses each part
once with lxml and walks it. What comes out is the letter as it would be sent: tracked
insertions in, deletions out, text boxes, tables (a row is one block, its cells joined
with " | ", nested tables after their row), headers first, then the body, footnotes
and endnotes, and footers last. Word comments are kept apart: they carry reviewers'
suppressions, not the letter's words.
"""

import posixpath
from collections.abc import Iterator

from lxml import etree

from lettercheck.document import Block, Document, Part
from lettercheck.read.errors import EMPTY, WRONG_TYPE, ReadError
from lettercheck.read.normalise import clean
from lettercheck.read.safe_xml import parse_xml
from lettercheck.read.safe_zip import SafeZip

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
# ISO 29500 "strict" files use other namespace names for the same vocabulary.
_STRICT = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", _W.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", _R.encode()),
)


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


W_DOCUMENT, W_BODY, W_P, W_R = _w("document"), _w("body"), _w("p"), _w("r")
W_TBL, W_TR, W_TC, W_SDT, W_SDT_CONTENT = _w("tbl"), _w("tr"), _w("tc"), _w("sdt"), _w("sdtContent")
W_PPR, W_RPR, W_TRPR, W_TCPR, W_VMERGE = _w("pPr"), _w("rPr"), _w("trPr"), _w("tcPr"), _w("vMerge")
W_DEL = _w("del")
W_TXBX_CONTENT, W_SECT_PR, W_TITLE_PG = _w("txbxContent"), _w("sectPr"), _w("titlePg")
W_COMMENT_START, W_COMMENT_REF = _w("commentRangeStart"), _w("commentReference")
W_ID, W_TYPE, W_VAL, W_CHAR = _w("id"), _w("type"), _w("val"), _w("char")
R_ID = f"{{{_R}}}id"
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = (
    f"{{{_MC}}}{n}" for n in ("AlternateContent", "Choice", "Fallback")
)

# Inline wrappers whose content is part of the paragraph as sent.
_TRANSPARENT = frozenset(
    _w(name)
    for name in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo")
)
_RUN_TEXT = {_w("t"): None, _w("tab"): "\t", _w("ptab"): "\t", _w("br"): "\n", _w("cr"): "\n"}
_RUN_TEXT[_w("noBreakHyphen")] = "-"
_OBJECTS = frozenset({_w("drawing"), _w("pict"), _w("object"), MC_ALTERNATE})
_SKIPPED_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})


class _Walker:
    """Turns WordprocessingML containers into (text, part) blocks in reading order,
    noting which block each comment is anchored to."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, Part]] = []
        self.anchors: dict[str, int] = {}  # comment id -> index into blocks
        self._carry = ""  # text of a paragraph whose mark was deleted: it joins the next

    def container(self, element: etree._Element, part: Part) -> None:
        outer, self._carry = self._carry, ""  # a text box inside a paragraph is separate
        for child in element:
            tag = child.tag
            if tag == W_P:
                self.paragraph(child, part)
            elif tag == W_TBL:
                self.table(child, part)
            elif tag == W_SDT or tag == _w("customXml"):
                content = child.find(W_SDT_CONTENT) if tag == W_SDT else child
                if content is not None:
                    self.container(content, part)
            elif tag == MC_ALTERNATE:
                self.container(_choice(child), part)
        if self._carry:
            self.blocks.append((self._carry, part))
        self._carry = outer

    def paragraph(self, p: etree._Element, part: Part) -> None:
        pieces: list[str] = []
        boxes: list[etree._Element] = []
        self._inline(p, pieces, boxes)
        text = self._carry + "".join(pieces)
        self._carry = ""
        properties = p.find(W_PPR)
        mark = properties.find(W_RPR) if properties is not None else None
        if mark is not None and mark.find(W_DEL) is not None:
            self._carry = text
        else:
            self.blocks.append((text, part))
        box_part = Part.TEXTBOX if part in (Part.BODY, Part.TABLE) else part
        for box in boxes:
            self.container(box, box_part)

    def paragraph_text(self, p: etree._Element, boxes: list[etree._Element]) -> str:
        pieces: list[str] = []
        self._inline(p, pieces, boxes)
        return "".join(pieces)

    def table(self, table: etree._Element, part: Part) -> None:
        row_part = Part.TABLE if part is Part.BODY else part
        for row in _children(table, W_TR):
            properties = row.find(W_TRPR)
            if properties is not None and properties.find(W_DEL) is not None:
                continue
            cells: list[list[str]] = []
            nested: list[etree._Element] = []
            boxes: list[etree._Element] = []
            for cell in _children(row, W_TC):
                cell_properties = cell.find(W_TCPR)
                merge = cell_properties.find(W_VMERGE) if cell_properties is not None else None
                if merge is not None and merge.get(W_VAL) != "restart":
                    continue  # the lower part of a vertically merged cell: no text of its own
                paragraphs: list[str] = []
                for child in _flatten(cell):
                    if child.tag == W_P:
                        paragraphs.append(self.paragraph_text(child, boxes))
                    elif child.tag == W_TBL:
                        nested.append(child)
                cells.append(paragraphs)
            # Empty cells (a logo, a spacer) add nothing, not a stray " | ".
            cells = [c for c in cells if "".join(c).strip()]
            if len(cells) == 1:
                self.blocks.extend((text, row_part) for text in cells[0])
            elif cells:
                self.blocks.append((" | ".join("\n".join(c).strip() for c in cells), row_part))
            box_part = Part.TEXTBOX if part is Part.BODY else part
            for box in boxes:
                self.container(box, box_part)
            for inner in nested:
                self.table(inner, part)

    def _inline(
        self, element: etree._Element, pieces: list[str], boxes: list[etree._Element]
    ) -> None:
        for child in element:
            tag = child.tag
            if tag == W_R:
                self._run(child, pieces, boxes)
            elif tag in _TRANSPARENT:
                self._inline(child, pieces, boxes)
            elif tag == W_SDT:
                content = child.find(W_SDT_CONTENT)
                if content is not None:
                    self._inline(content, pieces, boxes)
            elif tag == W_COMMENT_START:
                self.anchors.setdefault(child.get(W_ID, ""), len(self.blocks))
            elif tag == MC_ALTERNATE:
                self._inline(_choice(child), pieces, boxes)
            # w:del and w:moveFrom (deleted text), properties, bookmarks: not sent

    def _run(self, run: etree._Element, pieces: list[str], boxes: list[etree._Element]) -> None:
        for child in run:
            tag = child.tag
            if tag in _RUN_TEXT:
                pieces.append(_RUN_TEXT[tag] or child.text or "")
            elif tag in _OBJECTS:
                boxes.extend(_text_boxes(child))
            elif tag == W_COMMENT_REF:
                self.anchors.setdefault(child.get(W_ID, ""), len(self.blocks))
            elif tag == _w("sym"):
                pieces.append(_symbol(child.get(W_CHAR, "")))


def _choice(alternate: etree._Element) -> etree._Element:
    """The first mc:Choice of an mc:AlternateContent (its Fallback repeats the same text)."""
    for branch in (MC_CHOICE, MC_FALLBACK):
        found = alternate.find(branch)
        if found is not None:
            return found
    return etree.Element("none")


def _text_boxes(element: etree._Element) -> Iterator[etree._Element]:
    """The outermost text box contents in a drawing, skipping VML fallbacks."""
    for child in element:
        if child.tag == W_TXBX_CONTENT:
            yield child
        elif child.tag != MC_FALLBACK:
            yield from _text_boxes(child)


def _symbol(code: str) -> str:
    """A w:sym character; those in the Symbol font's private area have no meaning as text."""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    return "" if value >= 0xE000 and value < 0xF900 else chr(value)


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with `tag`, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (W_SDT, _w("customXml")):
            content = child.find(W_SDT_CONTENT) if child.tag == W_SDT else child
            if content is not None:
                yield from _children(content, tag)


def _flatten(element: etree._Element) -> Iterator[etree._Element]:
    """Block-level children (paragraphs and tables), looking through wrappers."""
    for child in element:
        if child.tag in (W_P, W_TBL):
            yield child
        elif child.tag in (W_SDT, _w("customXml")):
            content = child.find(W_SDT_CONTENT) if child.tag == W_SDT else child
            if content is not None:
                yield from _flatten(content)


class _Package:
    """The parts of a DOCX package, found through its relationships."""

    def __init__(self, data: bytes) -> None:
        self.zip = SafeZip(data)
        self.main = self._main_part()
        self.rels = self.relationships(self.main)

    def xml(self, name: str) -> etree._Element:
        data = self.zip.read(name)
        if b"purl.oclc.org/ooxml" in data:
            for strict, transitional in _STRICT:
                data = data.replace(strict, transitional)
        return parse_xml(data, name)

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type's last word, target part) for internal targets."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.zip:
            return {}
        found = {}
        for rel in self.xml(rels_name):
            if rel.get("TargetMode") == "External":
                continue  # never fetched
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            found[rel.get("Id", "")] = (
                rel.get("Type", "").rsplit("/", 1)[-1],
                posixpath.normpath(path),
            )
        return found

    def _main_part(self) -> str:
        for kind, target in self.relationships("").values():
            if kind == "officeDocument" and target in self.zip:
                return target
        if "word/document.xml" in self.zip:
            return "word/document.xml"
        raise ReadError(WRONG_TYPE, "this is a ZIP archive, not a Word document")

    def parts_of_type(self, kind: str) -> list[str]:
        return [t for k, t in self.rels.values() if k == kind and t in self.zip]


def read_docx(data: bytes, name: str) -> Document:
    """The letter in a .docx file (see the module docstring for what is kept)."""
    package = _Package(data)
    root = package.xml(package.main)
    body = root.find(W_BODY)
    if root.tag != W_DOCUMENT or body is None:
        raise ReadError(WRONG_TYPE, "the package is not a Word document (no document body)")
    walker = _Walker()
    headers, footers = _header_footer_parts(package, body)
    for part_name in headers:
        walker.container(package.xml(part_name), Part.HEADER)
    walker.container(body, Part.BODY)
    for kind, tag in (("footnotes", "footnote"), ("endnotes", "endnote")):
        for part_name in package.parts_of_type(kind):
            for note in package.xml(part_name).iterchildren(_w(tag)):
                if note.get(W_TYPE) not in _SKIPPED_NOTES:
                    walker.container(note, Part.FOOTNOTE)
    for part_name in footers:
        walker.container(package.xml(part_name), Part.FOOTER)
    blocks, numbers = _number(walker.blocks)
    if not blocks:
        raise ReadError(EMPTY, "the document has no text")
    comments = _comments(package, walker, numbers)
    return Document.from_blocks(name, "docx", blocks, comments=comments)


def _header_footer_parts(package: _Package, body: etree._Element) -> tuple[list[str], list[str]]:
    """The header and footer parts the sections show, each once, in document order.
    A first-page header counts only where the section asks for one; even-page ones
    only where the settings turn them on."""
    found: dict[str, list[str]] = {"headerReference": [], "footerReference": []}
    even_pages: bool | None = None
    for section in body.iter(W_SECT_PR):
        title_page = section.find(W_TITLE_PG)
        has_title_page = title_page is not None and title_page.get(W_VAL) not in (
            "0",
            "false",
            "off",
        )
        for reference in section:
            kind = reference.tag.rsplit("}", 1)[-1]
            if kind not in found:
                continue
            page = reference.get(W_TYPE, "default")
            if page == "first" and not has_title_page:
                continue
            if page == "even":
                if even_pages is None:
                    even_pages = _even_and_odd(package)
                if not even_pages:
                    continue
            target = package.rels.get(reference.get(R_ID, ""), ("", ""))[1]
            if target in package.zip and target not in found[kind]:
                found[kind].append(target)
    return found["headerReference"], found["footerReference"]


def _even_and_odd(package: _Package) -> bool:
    for part_name in package.parts_of_type("settings"):
        setting = package.xml(part_name).find(_w("evenAndOddHeaders"))
        if setting is not None and setting.get(W_VAL) not in ("0", "false", "off"):
            return True
    return False


def _number(raw: list[tuple[str, Part]]) -> tuple[list[Block], list[int]]:
    """Blocks with text, each with its index in reading order; and for every raw index
    the index of the first kept block at or after it (where a comment anchor points)."""
    blocks: list[Block] = []
    first_at: list[int] = []
    for text, part in raw:
        cleaned = clean(text)
        first_at.append(len(blocks))
        if cleaned:
            blocks.append(Block(cleaned, part, paragraph=len(blocks)))
    first_at.append(len(blocks))
    return blocks, [min(index, len(blocks) - 1) for index in first_at]


def _comments(package: _Package, walker: _Walker, numbers: list[int]) -> list[Block]:
    comments = []
    for part_name in package.parts_of_type("comments"):
        for comment in package.xml(part_name).iterchildren(_w("comment")):
            inner = _Walker()
            inner.container(comment, Part.COMMENT)
            text = clean("\n".join(text for text, _ in inner.blocks))
            if not text:
                continue
            anchor = walker.anchors.get(comment.get(W_ID, ""))
            paragraph = numbers[anchor] if anchor is not None else None
            comments.append(Block(text, Part.COMMENT, paragraph=paragraph))
    return comments
