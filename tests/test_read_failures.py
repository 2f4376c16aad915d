"""Every way a file can fail to be a readable letter gives a stable code and a one-line
message, from a real broken file, and never stops the rest of a batch."""

import zipfile
from pathlib import Path

import pytest
from builders import (
    blank_pdf,
    drawn_pdf,
    encrypted_office_file,
    letter_docx,
    rewrite_zip,
    scanned_pdf,
    simple_docx,
)
from reportlab.lib.pdfencrypt import StandardEncryption

from lettercheck.document import Document, ReadFailure
from lettercheck.read import DEFAULT_MAX_BYTES, errors, iter_letter_files, read_bytes, read_path
from lettercheck.read.safe_zip import MAX_PART_BYTES


def failure(path: Path, **options) -> ReadFailure:
    [result] = read_path(path, **options)
    assert isinstance(result, ReadFailure), result
    assert result.path == str(path)
    assert result.message and "\n" not in result.message
    assert result.code in errors.MEANINGS
    return result


def test_missing_file_and_folder(tmp_path: Path):
    assert failure(tmp_path / "gone.docx").code == errors.NOT_FOUND
    (tmp_path / "folder.pdf").mkdir()
    assert failure(tmp_path / "folder.pdf").code == errors.NOT_FOUND


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".txt", ".md", ".eml"])
def test_empty_files(tmp_path: Path, suffix: str):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    assert failure(path).code == errors.EMPTY


def test_documents_without_text_are_empty(tmp_path: Path):
    assert failure(simple_docx(tmp_path / "blank.docx", ["", "  "])).code == errors.EMPTY
    assert failure(blank_pdf(tmp_path / "blank.pdf")).code == errors.EMPTY


def test_over_the_size_limit(tmp_path: Path):
    path = simple_docx(tmp_path / "big.docx", ["Dear Mr Jones"])
    result = failure(path, max_bytes=path.stat().st_size - 1)
    assert result.code == errors.TOO_LARGE and "limit" in result.message
    assert DEFAULT_MAX_BYTES == 25 * 1024 * 1024
    assert isinstance(read_path(path)[0], Document)


def test_unsupported_types_say_what_to_do(tmp_path: Path):
    for name in ("letter.doc", "letter.odt", "scan.png"):
        (tmp_path / name).write_bytes(b"something")
        assert failure(tmp_path / name).code == errors.UNSUPPORTED_TYPE
    assert ".docx" in failure(tmp_path / "letter.doc").message


def test_content_that_is_not_what_the_extension_says(tmp_path: Path):
    docx = simple_docx(tmp_path / "real.docx", ["Dear Mr Jones"])
    pdf = drawn_pdf(tmp_path / "real.pdf", ["Dear Mr Jones"])
    renamed = {
        "docx-as.pdf": docx.read_bytes(),
        "pdf-as.docx": pdf.read_bytes(),
        "pdf-as.txt": pdf.read_bytes(),
        "text-as.docx": b"Dear Mr Jones\n",
        "zip-as.eml": docx.read_bytes(),
        "binary.txt": bytes(range(256)) * 4,
        "not-mail.eml": b"Dear Mr Jones, this is just text.\n",
    }
    for name, data in renamed.items():
        (tmp_path / name).write_bytes(data)
        assert failure(tmp_path / name).code == errors.WRONG_TYPE, name
    assert "PDF" in failure(tmp_path / "pdf-as.docx").message


def test_a_zip_that_is_not_a_word_document(tmp_path: Path):
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert failure(path).code == errors.WRONG_TYPE


def test_old_binary_doc_renamed_docx_and_password_protected_docx(tmp_path: Path):
    encrypted = encrypted_office_file(tmp_path / "protected.docx")
    assert failure(encrypted).code == errors.ENCRYPTED
    data = encrypted.read_bytes().replace(
        "EncryptedPackage".encode("utf-16-le"), "WordDocument\0\0\0\0".encode("utf-16-le")
    )
    (tmp_path / "old.docx").write_bytes(data)
    assert failure(tmp_path / "old.docx").code == errors.WRONG_TYPE


def test_password_protected_pdf(tmp_path: Path):
    path = drawn_pdf(
        tmp_path / "locked.pdf", ["Dear Mr Jones"], encrypt=StandardEncryption("user-secret")
    )
    result = failure(path)
    assert result.code == errors.ENCRYPTED and "password" in result.message


def test_scanned_pdf_has_no_text_layer(tmp_path: Path):
    assert failure(scanned_pdf(tmp_path / "scan.pdf")).code == errors.NO_TEXT_LAYER


def test_truncated_and_damaged_files(tmp_path: Path):
    docx = letter_docx(tmp_path / "letter.docx").read_bytes()
    pdf = drawn_pdf(tmp_path / "letter.pdf", ["Dear Mr Jones", "We uphold it."]).read_bytes()
    broken = {
        "cut.docx": docx[: len(docx) // 2],
        "cut.pdf": pdf[: len(pdf) // 2],
        "garbled.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n",
    }
    for name, data in broken.items():
        (tmp_path / name).write_bytes(data)
        assert failure(tmp_path / name).code == errors.CORRUPT, name
    bad_xml = simple_docx(tmp_path / "bad-xml.docx", ["Dear Mr Jones"])
    rewrite_zip(bad_xml, {"word/document.xml": lambda old: old[: len(old) // 2]})
    assert failure(bad_xml).code == errors.CORRUPT


def test_entity_tricks_are_refused(tmp_path: Path):
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
    )
    external = laughs.replace(b'<!ENTITY lol "lol">', b'<!ENTITY lol SYSTEM "file:///etc/passwd">')
    for name, xml in (("laughs.docx", laughs), ("external.docx", external)):
        path = simple_docx(tmp_path / name, ["Dear Mr Jones"])
        rewrite_zip(path, {"word/document.xml": lambda _, xml=xml: xml})
        assert failure(path).code == errors.UNSAFE_XML, name


def test_decompression_bomb_is_refused_without_unpacking_it(tmp_path: Path):
    path = simple_docx(tmp_path / "bomb.docx", ["Dear Mr Jones"])
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name, data in members.items():
            if name != "word/document.xml":
                target.writestr(name, data)
        with target.open("word/document.xml", "w") as member:
            member.write(members["word/document.xml"][:-30])  # keep the XML open...
            chunk = b" " * (1024 * 1024)
            for _ in range(MAX_PART_BYTES // len(chunk) + 8):  # ...and pad it past the limit
                member.write(chunk)
    assert path.stat().st_size < 1024 * 1024  # a small file that unpacks to 72 MB
    assert failure(path).code == errors.DECOMPRESSION_BOMB


def test_a_batch_goes_on_past_every_bad_file(tmp_path: Path):
    simple_docx(tmp_path / "a-good.docx", ["Dear Mr Jones", "We uphold your complaint."])
    (tmp_path / "b-empty.pdf").write_bytes(b"")
    (tmp_path / "c-cut.docx").write_bytes((tmp_path / "a-good.docx").read_bytes()[:300])
    (tmp_path / "d-good.txt").write_text("Dear Mr Jones\n\nWe uphold your complaint.\n")
    results = [result for path in iter_letter_files([tmp_path]) for result in read_path(path)]
    assert [type(result).__name__ for result in results] == [
        "Document",
        "ReadFailure",
        "ReadFailure",
        "Document",
    ]
    assert [getattr(result, "code", None) for result in results] == [
        None,
        errors.EMPTY,
        errors.CORRUPT,
        None,
    ]


def test_read_bytes_takes_the_format_from_the_name(tmp_path: Path):
    data = simple_docx(tmp_path / "x.docx", ["Dear Mr Jones"]).read_bytes()
    [document] = read_bytes(data, "mail.eml#reply.docx")
    assert isinstance(document, Document) and document.path == "mail.eml#reply.docx"
    [result] = read_bytes(data, "reply.rtf")
    assert isinstance(result, ReadFailure) and result.code == errors.UNSUPPORTED_TYPE
