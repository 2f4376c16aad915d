"""Why a file could not be read: stable codes that scripts and reports key on, and the
exception readers raise internally (the public functions turn it into a ReadFailure,
so one bad file never stops a batch)."""

NOT_FOUND = "not-found"  # no such file, or it is a folder
UNREADABLE = "unreadable"  # the file exists but the system refused to open it
EMPTY = "empty"  # zero bytes, or a document with no text at all
TOO_LARGE = "too-large"  # over the size limit (LintSettings.max_file_mb)
UNSUPPORTED_TYPE = "unsupported-type"  # an extension lettercheck does not read
WRONG_TYPE = "wrong-type"  # the content is not what the extension says
CORRUPT = "corrupt"  # damaged or truncated, cannot be parsed
ENCRYPTED = "encrypted"  # needs a password to open
NO_TEXT_LAYER = "no-text-layer"  # a scanned PDF: pictures of text, no text to read
DECOMPRESSION_BOMB = "decompression-bomb"  # unpacks to far more than any letter needs
UNSAFE_XML = "unsafe-xml"  # XML with a DTD or entity declarations (entity expansion tricks)

MEANINGS: dict[str, str] = {
    NOT_FOUND: "the file does not exist or is a folder",
    UNREADABLE: "the file exists but could not be opened (permissions or a device error)",
    EMPTY: "the file is empty or contains no text",
    TOO_LARGE: "the file is over the size limit",
    UNSUPPORTED_TYPE: "lettercheck reads .docx, .pdf, .txt, .md and .eml files",
    WRONG_TYPE: "the file's content does not match its extension",
    CORRUPT: "the file is damaged or truncated",
    ENCRYPTED: "the file is password-protected",
    NO_TEXT_LAYER: "the PDF is a scan with no text layer",
    DECOMPRESSION_BOMB: "the file unpacks to far more data than a letter could hold",
    UNSAFE_XML: "the file's XML declares a DTD or entities, which letters never need",
}


class ReadError(Exception):
    """A file that cannot be read, with a stable code and a one-line reason."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
