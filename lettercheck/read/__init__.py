"""The reading layer: any letter file (DOCX, PDF, text, Markdown, email) in, one
document model out (lettercheck.document). A file that cannot be read is a
ReadFailure with a stable code (lettercheck.read.errors), never an exception, so a
batch of thousands of letters always runs to the end.

The content is checked against the extension before parsing, so a PDF renamed .docx,
an old binary .doc or a password-protected Office file gets a reason a person can act
on rather than a parser's complaint.
"""

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from lettercheck.document import Document, ReadFailure
from lettercheck.read.errors import (
    CORRUPT,
    EMPTY,
    ENCRYPTED,
    NOT_FOUND,
    TOO_LARGE,
    UNREADABLE,
    UNSUPPORTED_TYPE,
    WRONG_TYPE,
    ReadError,
)

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".docx", ".pdf", ".txt", ".md", ".eml"})
_HINTS = {
    ".doc": "Word 97-2003 .doc files are not read; save the letter as .docx",
    ".rtf": "RTF files are not read; save the letter as .docx or PDF",
    ".odt": "OpenDocument files are not read; save the letter as .docx or PDF",
    ".msg": "Outlook .msg files are not read; save the email as .eml",
}
_LETTER_SUFFIXES = SUPPORTED_SUFFIXES | _HINTS.keys()
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc and of encrypted .docx


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document | ReadFailure]:
    """The letters in one file: one result for a .docx/.pdf/.txt/.md; for an .eml the
    body letter first, then one per DOCX or PDF attachment ("mail.eml#name.pdf")."""
    name = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if not path.is_file():
            return [ReadFailure(name, NOT_FOUND, "this is a folder, not a file")]
        if suffix not in SUPPORTED_SUFFIXES:
            return [_unsupported(name, suffix)]
        if size > max_bytes:
            return [_too_large(name, size, max_bytes)]
        data = path.read_bytes()
    except FileNotFoundError:
        return [ReadFailure(name, NOT_FOUND, "no such file")]
    except OSError as error:
        return [ReadFailure(name, UNREADABLE, f"the file could not be opened ({error.strerror})")]
    return read_bytes(data, name, max_bytes)


def read_bytes(
    data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Document | ReadFailure]:
    """The letters in `data`, whose format comes from the extension of `name` (which is
    also the display path of every result)."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return [_unsupported(name, suffix)]
    if len(data) > max_bytes:
        return [_too_large(name, len(data), max_bytes)]
    if len(data) < 4096 and not data.strip():
        return [ReadFailure(name, EMPTY, "the file is empty")]
    try:
        _check_content(data, suffix)
        return _read(data, name, suffix, max_bytes)
    except ReadError as error:
        return [ReadFailure(name, error.code, error.message)]
    except MemoryError:
        return [ReadFailure(name, TOO_LARGE, "the file needs more memory than is available")]
    except Exception as error:  # a parser's own bug must not stop the batch
        return [
            ReadFailure(name, CORRUPT, f"the file could not be parsed ({type(error).__name__})")
        ]


def iter_letter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to check: each file named as it is (so an unsupported one is reported), and
    under each folder, sorted, every supported file and every letter in a format we
    cannot read (.doc, .rtf, .odt, .msg: reported, so an audit never drops them
    silently), skipping hidden files and folders and Word's lock files ("~$x.docx")."""
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for folder, subfolders, files in os.walk(path):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            for file_name in sorted(files):
                if file_name.startswith((".", "~$")):
                    continue
                if os.path.splitext(file_name)[1].lower() in _LETTER_SUFFIXES:
                    yield Path(folder) / file_name


def _read(data: bytes, name: str, suffix: str, max_bytes: int) -> list[Document | ReadFailure]:
    # Readers import their parsers only when a file of their kind turns up.
    if suffix == ".docx":
        from lettercheck.read.docx_reader import read_docx

        return [read_docx(data, name)]
    if suffix == ".pdf":
        from lettercheck.read.pdf_reader import read_pdf

        return [read_pdf(data, name)]
    if suffix == ".eml":
        from lettercheck.read.email_reader import read_email

        return read_email(data, name, lambda payload, inner: read_bytes(payload, inner, max_bytes))
    from lettercheck.read.text_reader import read_text

    return [read_text(data, name, suffix.lstrip("."))]


def _check_content(data: bytes, suffix: str) -> None:
    """Refuse content that is plainly not what the extension says."""
    head = data[:1024]
    is_pdf = b"%PDF-" in head
    is_zip = data.startswith((b"PK\x03\x04", b"PK\x05\x06"))
    if data.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ReadError(
                ENCRYPTED, "the document is password-protected; save an unprotected copy"
            )
        raise ReadError(WRONG_TYPE, "this is an old binary Office file (.doc); save it as .docx")
    found = "a PDF" if is_pdf else "a ZIP archive (such as .docx)" if is_zip else None
    if suffix == ".docx" and not is_zip:
        raise ReadError(WRONG_TYPE, f"the content is {found or 'not a Word document'}, not .docx")
    if suffix == ".pdf" and not is_pdf:
        raise ReadError(WRONG_TYPE, f"the content is {found or 'not a PDF'}, not .pdf")
    if suffix in (".txt", ".md", ".eml") and found:
        raise ReadError(WRONG_TYPE, f"the content is {found}, not {suffix}")


def _unsupported(name: str, suffix: str) -> ReadFailure:
    hint = _HINTS.get(suffix, "lettercheck reads .docx, .pdf, .txt, .md and .eml files")
    return ReadFailure(name, UNSUPPORTED_TYPE, hint)


def _too_large(name: str, size: int, max_bytes: int) -> ReadFailure:
    mb = 1024 * 1024
    return ReadFailure(
        name, TOO_LARGE, f"the file is {size / mb:.1f} MB, over the {max_bytes / mb:g} MB limit"
    )
