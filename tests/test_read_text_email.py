"""Text, Markdown and email letters: paragraphs as the writer meant them, quoted
earlier messages marked, attachments read as letters of their own."""

from pathlib import Path

from builders import email_bytes, letter_pdf, long_letter_text, simple_docx

from lettercheck.document import Document, Part, ReadFailure
from lettercheck.read import errors, iter_letter_files, read_bytes, read_path


def read_one(data: bytes, name: str) -> Document:
    [document] = read_bytes(data, name)
    assert isinstance(document, Document), document
    return document


def test_text_paragraphs_keep_addresses_and_join_wrapped_lines():
    text = (
        "Mrs G Adebayo\n"
        "Flat 14, Cedar House\n"
        "\n"
        "Thank you for your complaint, which we received on 15 January 2024. We\n"
        "have registered it at stage 1 of our complaints procedure and will reply\n"
        "by 29 January 2024.\n"
        "\n"
        "We will:\n"
        "- inspect the bedroom wall\n"
        "- treat the mould\n"
    )
    letter = read_one(text.encode(), "letter.txt")
    assert [(b.paragraph, b.text) for b in letter.blocks] == [
        (0, "Mrs G Adebayo\nFlat 14, Cedar House"),
        (
            1,
            "Thank you for your complaint, which we received on 15 January 2024. We have "
            "registered it at stage 1 of our complaints procedure and will reply by "
            "29 January 2024.",
        ),
        (2, "We will:"),
        (3, "- inspect the bedroom wall"),
        (4, "- treat the mould"),
    ]


def test_text_encodings():
    pound = "We will pay you £250 in compensation."
    for data in (pound.encode("cp1252"), pound.encode("utf-16"), pound.encode("utf-8-sig")):
        assert read_one(data, "letter.txt").text == pound


def test_markdown_loses_its_markup_and_keeps_comments_apart():
    text = (
        "# Stage 1 response\n\n"
        "We have **upheld** your complaint. See [our policy](https://example.org/policy).\n\n"
        "<!-- lettercheck: ignore plain-language -->\n"
    )
    letter = read_one(text.encode(), "letter.md")
    assert [b.text for b in letter.blocks] == [
        "Stage 1 response",
        "We have upheld your complaint. See our policy.",
    ]
    assert [c.text for c in letter.comments] == ["lettercheck: ignore plain-language"]


def test_plain_email_body_with_a_quoted_reply():
    body = (
        "Dear Ms Patel\n\n"
        "Thank you for your email. We will repair the fan by 14 June.\n\n"
        "Complaints Team\n\n"
        "On Fri, 31 May 2024 at 09:12, A Patel <a.patel@example.org> wrote:\n"
        "> The fan in my bathroom has been broken for three months.\n"
        "> Please fix it.\n"
    )
    [letter] = read_bytes(email_bytes(body), "mail.eml")
    assert [(b.part, b.text) for b in letter.blocks] == [
        (Part.HEADER, "Your complaint NHT/2024/0412"),
        (Part.BODY, "Dear Ms Patel"),
        (Part.BODY, "Thank you for your email. We will repair the fan by 14 June."),
        (Part.BODY, "Complaints Team"),
        (Part.QUOTED, "On Fri, 31 May 2024 at 09:12, A Patel <a.patel@example.org> wrote:"),
        (Part.QUOTED, "The fan in my bathroom has been broken for three months.\nPlease fix it."),
    ]
    assert letter.format == "eml" and letter.path == "mail.eml"


def test_html_email_body_and_outlook_quote():
    html = (
        "<html><head><style>p {color: red}</style></head><body>"
        "<p>Dear Ms Patel</p><p>We have <b>upheld</b> your complaint.&nbsp;We are sorry.</p>"
        "<table><tr><td>Action</td><td>By when</td></tr><tr><td>New fan</td><td>14 June</td></tr>"
        "</table><p>Complaints Team</p>"
        "<div><p>From: A Patel<br>Sent: 31 May 2024 09:12<br>To: Complaints</p>"
        "<p>The fan is broken.</p></div>"
        "<blockquote><p>An older message</p></blockquote>"
        '<img src="http://127.0.0.1:9/tracker.png"></body></html>'
    )
    [letter] = read_bytes(email_bytes("Plain part unused", html=html), "mail.eml")
    assert letter.blocks[0].text == "Your complaint NHT/2024/0412"  # plain text preferred
    [letter] = read_bytes(_html_only(html), "mail.eml")
    assert [(b.part, b.text) for b in letter.blocks[1:]] == [
        (Part.BODY, "Dear Ms Patel"),
        (Part.BODY, "We have upheld your complaint. We are sorry."),
        (Part.BODY, "Action | By when"),
        (Part.BODY, "New fan | 14 June"),
        (Part.BODY, "Complaints Team"),
        (Part.QUOTED, "From: A Patel\nSent: 31 May 2024 09:12\nTo: Complaints"),
        (Part.QUOTED, "The fan is broken."),
        (Part.QUOTED, "An older message"),
    ]


def _html_only(html: str) -> bytes:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "complaints@northgate.example"
    message["Subject"] = "Your complaint NHT/2024/0412"
    message.set_content(html, subtype="html")
    return message.as_bytes()


def test_attachments_are_letters_of_their_own(tmp_path: Path):
    docx = simple_docx(tmp_path / "reply.docx", ["Dear Ms Patel", "We uphold it."]).read_bytes()
    text, _ = long_letter_text(2)
    pdf = letter_pdf(tmp_path / "response.pdf", text).read_bytes()
    mail = tmp_path / "mail.eml"
    mail.write_bytes(
        email_bytes(
            "Please find our response attached.",
            attachments=[("response.pdf", pdf), ("reply.docx", docx), ("broken.pdf", pdf[:500])],
        )
    )
    body, first, second, broken = read_path(mail)
    assert isinstance(body, Document) and "Please find our response attached." in body.text
    assert (first.path, first.format) == (f"{mail}#response.pdf", "pdf")
    assert first.blocks[1].text == "Ms A Patel\n14 Cedar House\nLeeds LS6 2AB"
    assert (second.path, second.text) == (f"{mail}#reply.docx", "Dear Ms Patel\n\nWe uphold it.")
    assert isinstance(broken, ReadFailure)
    assert (broken.path, broken.code) == (f"{mail}#broken.pdf", errors.CORRUPT)


def test_walking_folders(tmp_path: Path):
    for name in ("b.docx", "a.pdf", "~$b.docx", ".hidden.txt", "notes.xlsx", "c.MD"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.eml").write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "e.txt").write_bytes(b"x")
    named = tmp_path / "notes.xlsx"
    found = list(iter_letter_files([tmp_path, named]))
    assert found == [
        tmp_path / "a.pdf",
        tmp_path / "b.docx",
        tmp_path / "c.MD",
        tmp_path / "sub" / "d.eml",
        named,
    ]


def test_an_email_with_a_blank_plain_part_is_read_from_its_html_part():
    from email.message import EmailMessage

    from lettercheck.read import read_bytes

    message = EmailMessage()
    message["Subject"] = "Your complaint"
    message.set_content("")
    message.add_alternative(
        "<p>Dear Ms Patel,</p><p>This is our stage 1 response.</p>", subtype="html"
    )
    (letter,) = read_bytes(message.as_bytes(), "mail.eml")
    assert [block.text for block in letter.blocks] == [
        "Your complaint",
        "Dear Ms Patel,",
        "This is our stage 1 response.",
    ]
