"""Plain text and Markdown letters, and the paragraphing that email bodies share.

Blank lines separate paragraphs. Inside a paragraph a line break is kept where it was
meant (an address, a signature) and dropped where the text was merely wrapped: a break
is a wrap when the next line's first word would not have fitted on the line. List items
are blocks of their own, and so are runs of "> " quoted lines. Markdown loses its markup; an HTML comment in it is kept as a
comment (reviewers put suppressions there).
"""

import codecs
import re

from lettercheck.document import Block, Document, Part
from lettercheck.read.errors import EMPTY, WRONG_TYPE, ReadError
from lettercheck.read.normalise import clean

_BLANK = re.compile(r"\n[ \t]*\n")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•–]|\(?[0-9a-zA-Z]{1,3}[.)])\s+\S")
_MD_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}\s+", re.M)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_MD_RULE = re.compile(r"^ {0,3}([-*_])(?: *\1){2,} *$", re.M)
_MD_QUOTE = re.compile(r"^ {0,3}> ?", re.M)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> str:
    """Text from bytes: a BOM's encoding, else UTF-8, else Windows-1252 (what older
    Windows programs write). Binary data is refused rather than read as gibberish."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:8192]:
        raise ReadError(WRONG_TYPE, "the file is binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def text_blocks(text: str, part: Part = Part.BODY) -> list[tuple[str, Part]]:
    """(paragraph, part) for each paragraph of plain text (see the module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    width = max((len(line.rstrip()) for line in lines), default=0)
    blocks = []
    for chunk in _BLANK.split(text):
        current = ""
        for line in chunk.split("\n"):
            line = line.strip()
            if not line:
                continue
            if not current:
                current = line
            elif _LIST_ITEM.match(line) or line.startswith(">") != current.startswith(">"):
                blocks.append((current, part))
                current = line
            elif len(current.rsplit("\n", 1)[-1]) + 1 + len(line.split(" ", 1)[0]) > width:
                current = f"{current} {line}"  # the text was wrapped here
            else:
                current = f"{current}\n{line}"
        if current:
            blocks.append((current, part))
    return blocks


def read_text(data: bytes, name: str, format: str) -> Document:
    """A .txt or .md letter."""
    text = decode_text(data)
    comments: list[Block] = []
    if format == "md":
        comments = [
            Block(clean(body), Part.COMMENT) for body in _MD_COMMENT.findall(text) if clean(body)
        ]
        text = _strip_markdown(text)
    blocks = number_blocks(text_blocks(text))
    if not blocks:
        raise ReadError(EMPTY, "the file has no text")
    return Document.from_blocks(name, format, blocks, comments=comments)


def number_blocks(raw: list[tuple[str, Part]]) -> list[Block]:
    """Blocks in normal form with text, each with its index in reading order."""
    blocks: list[Block] = []
    for text, part in raw:
        cleaned = clean(text)
        if cleaned:
            blocks.append(Block(cleaned, part, paragraph=len(blocks)))
    return blocks


def _strip_markdown(text: str) -> str:
    text = _MD_COMMENT.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text)
