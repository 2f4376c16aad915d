"""Emails (.eml): the response may be the body, an attached DOCX or PDF, or both.

The body (plain text preferred, else HTML turned to text) is a letter of its own, with
the subject as its header block and any quoted earlier message (lines starting ">",
"On ... wrote:", Outlook's "-----Original Message-----" or From/Sent header block, and
everything after it) marked as quoted. Each DOCX or PDF attachment is read as its own
letter, named "mail.eml#attachment.pdf".
"""

import email
import email.policy
import posixpath
import re
from collections.abc import Callable
from email.message import EmailMessage

from lettercheck.document import Document, Part, ReadFailure
from lettercheck.read.errors import EMPTY, WRONG_TYPE, ReadError
from lettercheck.read.html_text import html_to_text
from lettercheck.read.text_reader import decode_text, number_blocks, text_blocks

LETTER_TYPES = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
_HEADER_FIELDS = ("from", "to", "subject", "date", "message-id", "mime-version")
_WROTE = re.compile(r"^On\b.{0,200}\bwrote:\s*$", re.S)
_ORIGINAL = re.compile(r"^-{2,}\s*(Original Message|Forwarded message)\s*-{2,}", re.I)
_OUTLOOK_FROM = re.compile(r"^\*?From:\*?\s")
_OUTLOOK_NEXT = re.compile(r"^\*?(Sent|Date|To|Subject):\*?\s")

ReadAttachment = Callable[[bytes, str], list[Document | ReadFailure]]


def read_email(
    data: bytes, name: str, read_attachment: ReadAttachment
) -> list[Document | ReadFailure]:
    """The body letter (when it has text, or when there is nothing else), then one result
    per DOCX or PDF attachment."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not any(k in message for k in _HEADER_FIELDS):
        raise ReadError(WRONG_TYPE, "the file is not an email message (no mail headers)")
    attachments = [
        result
        for filename, part in _letter_attachments(message)
        for result in _read_attachment(part, f"{name}#{filename}", read_attachment)
    ]
    body = _body_letter(message, name)
    own_words = body is not None and any(block.part is Part.BODY for block in body.blocks)
    if own_words or (body is not None and not attachments):
        return [body, *attachments]
    if not attachments:
        raise ReadError(EMPTY, "the email has no text and no DOCX or PDF attachment")
    return attachments  # a covering note that only quotes earlier mail is not a letter


def _body_text(message: EmailMessage) -> str:
    """The plain-text body, or the HTML body as text when the plain part is blank (some
    mail systems send an empty text/plain alternative)."""
    for subtype in ("plain", "html"):
        part = message.get_body(preferencelist=(subtype,))
        text = _part_text(part) if part is not None else ""
        if subtype == "html":
            text = html_to_text(text)
        if text.strip():
            return text
    return ""


def _body_letter(message: EmailMessage, name: str) -> Document | None:
    raw = _mark_quoted(text_blocks(_body_text(message)))
    if not any(text.strip() for text, _ in raw):
        return None
    subject = " ".join(str(message.get("subject", "")).split())
    if subject:
        raw.insert(0, (subject, Part.HEADER))
    return Document.from_blocks(name, "eml", number_blocks(raw))


def _part_text(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError):  # an unknown or wrong charset
        content = part.get_payload(decode=True) or b""
    return content if isinstance(content, str) else decode_text(content)


def _mark_quoted(blocks: list[tuple[str, Part]]) -> list[tuple[str, Part]]:
    """Blocks of an earlier message quoted in a reply marked QUOTED: quoted lines, and
    everything from a reply header ("On ... wrote:", an Outlook header block) on."""
    marked = []
    quoting = False
    for index, (text, part) in enumerate(blocks):
        following = blocks[index + 1][0] if index + 1 < len(blocks) else ""
        if not quoting and _starts_quote(text, following):
            quoting = True
        lines = text.split("\n")
        if quoting or all(line.startswith(">") for line in lines):
            unquoted = "\n".join(line.lstrip("> ") for line in lines)
            marked.append((unquoted, Part.QUOTED))
        else:
            marked.append((text, part))
    return marked


def _starts_quote(text: str, following: str) -> bool:
    first = text.split("\n", 1)[0]
    if _WROTE.match(text) or _ORIGINAL.match(first):
        return True
    if _OUTLOOK_FROM.match(first):
        rest = text.split("\n")[1:] or following.split("\n")
        return any(_OUTLOOK_NEXT.match(line) for line in rest[:4])
    return False


def _letter_attachments(message: EmailMessage) -> list[tuple[str, EmailMessage]]:
    """(safe file name, part) for every DOCX or PDF attached, at any depth."""
    found = []
    for part in message.walk():
        if part.is_multipart():
            continue
        filename = posixpath.basename((part.get_filename() or "").replace("\\", "/")).strip()
        suffix = posixpath.splitext(filename)[1].lower()
        if suffix not in LETTER_TYPES.values():
            suffix = LETTER_TYPES.get(part.get_content_type(), "")
            if not suffix:
                continue
            filename = f"{filename or f'attachment-{len(found) + 1}'}{suffix}"
        found.append((filename, part))
    return found


def _read_attachment(
    part: EmailMessage, name: str, read_attachment: ReadAttachment
) -> list[Document | ReadFailure]:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return [ReadFailure(name, EMPTY, "the attachment has no content")]
    return read_attachment(payload, name)
