"""Real letter files for the reader tests: DOCX built with python-docx (and raw XML where
python-docx has no API: tracked changes, text boxes, footnotes), PDFs drawn with
reportlab, broken files of every kind the reader must refuse, and emails."""

import io
import struct
import zipfile
from email.message import EmailMessage
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from lettercheck.corpus.render import _page_numbers, _pdf_fonts, render_pdf

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LETTERHEAD = ("Northgate Housing Trust", "2 Mill Yard, Leeds LS2 7QT")
COMMENT = "Reviewed by the team leader. lettercheck: ignore vexatious-wording"
TEXT_BOX = "Complaint reference NHT/2024/0412"
FOOTNOTE = "The Code is the Housing Ombudsman's Complaint Handling Code 2024."


def tracked_paragraph(before: str, deleted: str, inserted: str, after: str) -> str:
    """A w:p whose draft said before+deleted+after and whose sent text is
    before+inserted+after."""
    return (
        f'<w:p {W_NS}><w:r><w:t xml:space="preserve">{before}</w:t></w:r>'
        f'<w:del w:id="1" w:author="Reviewer" w:date="2024-05-01T09:00:00Z"><w:r>'
        f'<w:delText xml:space="preserve">{deleted}</w:delText></w:r></w:del>'
        f'<w:ins w:id="2" w:author="Reviewer" w:date="2024-05-01T09:00:00Z"><w:r>'
        f'<w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>'
        f'<w:r><w:t xml:space="preserve">{after}</w:t></w:r></w:p>'
    )


def merged_mark_paragraphs(first: str, second: str) -> list[str]:
    """Two w:p where the first's paragraph mark is a tracked deletion: sent as one."""
    deleted_mark = (
        '<w:pPr><w:rPr><w:del w:id="3" w:author="Reviewer" '
        'w:date="2024-05-01T09:00:00Z"/></w:rPr></w:pPr>'
    )
    return [
        f'<w:p {W_NS}>{deleted_mark}<w:r><w:t xml:space="preserve">{first}</w:t></w:r></w:p>',
        f'<w:p {W_NS}><w:r><w:t xml:space="preserve">{second}</w:t></w:r></w:p>',
    ]


def text_box_paragraph(anchor_text: str, box_text: str) -> str:
    """A w:p holding a floating text box the way Word writes one: the DrawingML box in
    mc:Choice and the same text again in a VML fallback."""
    content = f"<w:txbxContent><w:p><w:r><w:t>{box_text}</w:t></w:r></w:p></w:txbxContent>"
    return (
        f'<w:p {W_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        f'<w:r><w:t xml:space="preserve">{anchor_text}</w:t></w:r>'
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )


def letter_docx(path: Path) -> Path:
    """A full letter: letterhead header, "Page N of M" footer, body, a table with a
    nested table, a text box, tracked changes, a reviewer's comment and a footnote."""
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.add_run(LETTERHEAD[0]).bold = True
    section.header.add_paragraph(LETTERHEAD[1])
    _page_numbers(section.footer.paragraphs[0])
    body = document.element.body
    sentinel = body[-1]  # the final sectPr: new content goes before it
    document.add_paragraph("Dear Ms Patel")
    document.add_paragraph("Stage 1 complaint response")
    sentinel.addprevious(parse_xml(text_box_paragraph("Your complaint about damp.", TEXT_BOX)))
    sentinel.addprevious(
        parse_xml(
            tracked_paragraph("We will repair the ", "window", "extractor fan", " by 14 June.")
        )
    )
    for fragment in merged_mark_paragraphs("This part of the sentence ", "runs on here."):
        sentinel.addprevious(parse_xml(fragment))
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Action"
    table.cell(0, 1).text = "By when"
    table.cell(1, 0).text = "Fit a new fan"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "14 June"
    inner.cell(0, 1).text = "confirmed"
    table.cell(1, 1).paragraphs[0].text = "Week of 10 June"
    reviewed = document.add_paragraph("We do not regard you as vexatious.")
    document.add_comment(reviewed.runs, text=COMMENT, author="Team Leader", initials="TL")
    note = document.add_paragraph("We follow the Code.")
    note.add_run()._r.append(parse_xml(f'<w:footnoteReference {W_NS} w:id="1"/>'))
    document.add_paragraph("Yours sincerely")
    document.save(path)
    return _add_footnote(path, FOOTNOTE)


def _add_footnote(path: Path, text: str) -> Path:
    """Give the package a footnotes part (python-docx cannot write one)."""
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {W_NS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    relationship = (
        '<Relationship Id="rIdFootnotes" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" '
        'Target="footnotes.xml"/></Relationships>'
    )
    override = (
        '<Override PartName="/word/footnotes.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>'
    )
    rewrite_zip(
        path,
        {
            "word/footnotes.xml": lambda _: footnotes.encode(),
            "word/_rels/document.xml.rels": lambda old: old.replace(
                b"</Relationships>", relationship.encode()
            ),
            "[Content_Types].xml": lambda old: old.replace(b"</Types>", override.encode()),
        },
    )
    return path


def rewrite_zip(path: Path, changes: dict) -> None:
    """Rewrite members of the ZIP at `path`: name -> function(old bytes or b"") -> new."""
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    for name, change in changes.items():
        members[name] = change(members.get(name, b""))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def simple_docx(path: Path, paragraphs: list[str]) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def letter_pdf(path: Path, text: str) -> Path:
    """A letter PDF as the corpus renderer makes it: letterhead and page numbers on
    every page, paragraphs, ruled tables for " | " lines."""
    render_pdf(text, path)
    return path


def drawn_pdf(path: Path, lines: list[str], encrypt: object = None) -> Path:
    """A one-page PDF with `lines` drawn one under another in an embedded TrueType font
    (so ligature characters such as "ﬁ" are real glyphs)."""
    regular, _ = _pdf_fonts()
    canvas = Canvas(str(path), pagesize=A4, encrypt=encrypt)
    canvas.setFont(regular, 11)
    y = A4[1] - 100
    for line in lines:
        if line:
            canvas.drawString(72, y, line)
        y -= 14
    canvas.showPage()
    canvas.save()
    return path


def scanned_pdf(path: Path) -> Path:
    """A PDF page that is only a picture, as a scanner makes."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 300), 255)
    ImageDraw.Draw(image).text((20, 20), "Dear Mr Jones, your complaint...", fill=0)
    picture = path.with_suffix(".png")
    image.save(picture)
    canvas = Canvas(str(path), pagesize=A4)
    canvas.drawImage(str(picture), 50, 400, width=500, height=250)
    canvas.showPage()
    canvas.save()
    picture.unlink()
    return path


def blank_pdf(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    canvas.showPage()
    canvas.save()
    return path


def encrypted_office_file(path: Path) -> Path:
    """A password-protected Word file as Office writes it: an OLE compound file (not a
    ZIP) holding EncryptionInfo and EncryptedPackage streams (left empty here)."""
    sector = 512
    free, end_of_chain, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end_of_chain, 0, end_of_chain, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108  # the FAT is sector 0
    fat = struct.pack("<II", fat_sector, end_of_chain) + struct.pack("<I", free) * 126

    def entry(name: str, kind: int, child: int = free, right: int = free) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        raw = encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
        raw += struct.pack("<III", free, right, child) + bytes(16 + 4 + 16)
        return raw + struct.pack("<IQ", end_of_chain, 0)

    directory = entry("Root Entry", 5, child=1) + entry("EncryptionInfo", 2, right=2)
    directory += entry("EncryptedPackage", 2) + bytes(128)
    path.write_bytes(header + fat + directory.ljust(sector, b"\0"))
    return path


def email_bytes(
    body: str, *, html: str | None = None, attachments: list[tuple[str, bytes]] = ()
) -> bytes:
    message = EmailMessage()
    message["From"] = "Complaints Team <complaints@northgate.example>"
    message["To"] = "Ms A Patel <a.patel@example.org>"
    message["Subject"] = "Your complaint NHT/2024/0412"
    message["Date"] = "Mon, 03 Jun 2024 10:00:00 +0100"
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    for name, data in attachments:
        kind = (
            "pdf"
            if name.endswith(".pdf")
            else "vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
        message.add_attachment(data, maintype="application", subtype=kind, filename=name)
    return message.as_bytes()


SENTENCES = (
    "Thank you for your complaint, which we received on 3 March 2025.",
    "You told us that black mould has come back in your bedroom and bathroom.",
    "Our surveyor visited on 10 March and found a leaking gutter joint above the bedroom window.",
    "We are sorry that the repair was not completed when we said it would be.",
    "The contractor has confirmed that the extractor fan will be fitted on 26 March 2025.",
    "We have looked at the repair records, the call logs and the surveyor's report.",
    "You asked us to pay for the clothes and bedding that were damaged by the mould.",
    "If you are unhappy with our response you can ask us to review it at stage 2.",
    "You can also contact the Housing Ombudsman Service for free, independent advice.",
    "Please tell us if you need this letter in large print or another language.",
)


def long_letter_text(paragraphs: int) -> tuple[str, list[str]]:
    """A letter in the corpus's text form, long enough for several pages, and the
    blocks the reader should return after the letterhead (a table row is a block)."""
    rows = [
        "Action | Who | By when",
        "Fit extractor fan | Riverside Property Care | 26 March 2025",
        "Follow-up damp inspection | Amir Haddad, Surveyor",
    ]
    body = ["Ms A Patel\n14 Cedar House\nLeeds LS6 2AB", "Dear Ms Patel"]
    for index in range(paragraphs):
        count = 1 + index % 5
        body.append(" ".join(SENTENCES[(index + k) % len(SENTENCES)] for k in range(count)))
    ending = ["Yours sincerely", "Helen Marsh\nComplaints Manager"]
    middle = len(body) // 2
    chunks = [*body[:middle], "\n".join(rows), *body[middle:], *ending]
    text = "\n\n".join(["\n".join(LETTERHEAD), *chunks]) + "\n"
    return text, [*body[:middle], *rows, *body[middle:], *ending]
