"""The document model every reader produces and the analysis consumes.

A letter is an ordered list of blocks (paragraphs, table cells in reading order,
list items), each knowing where it came from, so that a finding can say "page 2"
or "paragraph 14". `Document.text` joins the blocks that are part of the letter
as sent; each block's `start`/`end` are offsets into that text.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class Part(StrEnum):
    BODY = "body"
    HEADER = "header"
    FOOTER = "footer"
    TABLE = "table"
    TEXTBOX = "textbox"
    FOOTNOTE = "footnote"
    COMMENT = "comment"
    QUOTED = "quoted"  # an earlier message quoted in an email reply


# Parts that are not the letter's own words: kept for suppressions and context,
# but never joined into Document.text.
SIDE_PARTS = frozenset({Part.COMMENT})

BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    part: Part = Part.BODY
    paragraph: int | None = None  # index among the letter's blocks (DOCX, text, email)
    page: int | None = None  # 1-based page (PDF)
    start: int = 0  # offset of the block in Document.text
    end: int = 0
    repeated: bool = False  # header/footer text that repeated on every page, kept once


@dataclass(frozen=True)
class Document:
    path: str  # display name: a file path, or "mail.eml#attachment.pdf"
    format: str  # "docx", "pdf", "txt", "md", "eml"
    blocks: tuple[Block, ...]
    comments: tuple[Block, ...] = ()
    pages: int | None = None
    text: str = field(default="")

    @classmethod
    def from_blocks(
        cls,
        path: str,
        format: str,
        blocks: list[Block],
        comments: list[Block] | None = None,
        pages: int | None = None,
    ) -> "Document":
        """Join the blocks into the letter's text and give each its offsets."""
        placed: list[Block] = []
        pieces: list[str] = []
        offset = 0
        for block in blocks:
            if not block.text.strip():
                continue
            if pieces:
                offset += len(BLOCK_SEPARATOR)
            start, end = offset, offset + len(block.text)
            placed.append(
                Block(
                    block.text, block.part, block.paragraph, block.page, start, end, block.repeated
                )
            )
            pieces.append(block.text)
            offset = end
        return cls(
            path=path,
            format=format,
            blocks=tuple(placed),
            comments=tuple(comments or ()),
            pages=pages,
            text=BLOCK_SEPARATOR.join(pieces),
        )

    def block_at(self, offset: int) -> Block | None:
        """The block holding character `offset` of `text`."""
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block
        return None


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A file that could not be read: a result, not an exception, so a batch goes on."""

    path: str
    code: str  # stable: see lettercheck.read.errors
    message: str  # one line a person can act on
