"""How fast the reading layer is, beside the bare library calls it wraps.

Builds a set of realistic letters (one to three pages, some with tables, tracked
changes and comments) as DOCX (python-docx) and PDF (reportlab) through the corpus
renderer, plus text and email versions, then prints milliseconds per letter for
`read_path` and for the bare call: python-docx paragraph text, pypdfium2 page text
(`get_text_range`), `read_text`, and the email parser's body. pdfplumber's
`extract_text` is timed on a sample for comparison.

    python3 benchmarks/bench_read.py [--letters 300] [--repeat 3] [--seed 1]

(with lettercheck installed, or PYTHONPATH=. from the repository root)
"""

import argparse
import email
import email.policy
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import docx
import pdfplumber
import pypdfium2 as pdfium

from lettercheck.corpus.render import render_docx, render_pdf
from lettercheck.document import Document
from lettercheck.read import read_path

LANDLORDS = [
    ("Riverside Borough Council", "Housing Services, Civic Centre, Wharf Street, Riverton RV1 2AB"),
    ("Northgate Housing Trust", "2 Mill Yard, Leeds LS2 7QT"),
    ("Harbourside Homes", "Anchor House, 2 Quay Street, Plymouth PL1 3TD"),
    ("Meadowbank Housing Association", "Unit 4, Canal Wharf, Leeds LS11 5PZ"),
    ("Kingsmead Living", "The Forum, 40 High Street, Kingsmead KM1 8TT"),
]
TENANTS = [
    "Mrs G Adebayo",
    "Mr Hamza Qureshi",
    "Ms Marta Silva",
    "Mr Tom Ellery",
    "Miss Aisha Rahman",
]
REPAIRS = [
    "damp and mould",
    "a broken boiler",
    "a leaking roof",
    "the lift",
    "a faulty extractor fan",
]
ROOMS = ["bedroom", "bathroom", "kitchen", "hallway", "living room"]
DATES = ["3 March 2025", "14 June 2024", "22 August 2024", "11 October 2024", "29 January 2025"]
SENTENCES = [
    "Thank you for your complaint about {repair}, which we received on {date}.",
    "You told us that the problem in your {room} has not been put right despite several visits.",
    "Our surveyor inspected your home and found that the {repair} had been caused by a fault we should have spotted sooner.",
    "We are sorry that the repair was not completed when we said it would be, and that you had to chase us.",
    "The contractor has confirmed that the work to your {room} will be finished by {date}.",
    "We have looked at the repair records, the call logs and the surveyor's report.",
    "You asked us to pay for the belongings that were damaged, and we have considered this carefully.",
    "We uphold your complaint about {repair} and we will pay you £{amount} in compensation.",
    "If you are unhappy with our response you can ask us to review it at stage 2 within 20 working days.",
    "You can also contact the Housing Ombudsman Service on 0300 111 3000 for free, independent advice.",
    "Please tell us if you need this letter in large print, another language or another format.",
    "Our records show that the appointment on {date} was cancelled by the contractor without telling you.",
]
HEADINGS = ["Your complaint", "What we found", "Our decision", "Putting things right", "Next steps"]


def letter_text(chooser: random.Random) -> str:
    """A letter of one to three pages in the corpus's text form."""
    name, address = chooser.choice(LANDLORDS)
    tenant = chooser.choice(TENANTS)
    chunks = [f"{name}\n{address}", f"{tenant}\n{chooser.randint(1, 99)} Elm Road\nLeeds LS6 2AB"]
    chunks += [chooser.choice(DATES), f"Dear {tenant.split()[0]} {tenant.split()[-1]}"]
    for index in range(chooser.choice([4, 8, 12, 16, 20])):
        if index % 4 == 0:
            chunks.append(chooser.choice(HEADINGS))
        sentences = chooser.sample(SENTENCES, chooser.randint(1, 4))
        chunks.append(
            " ".join(sentences).format(
                repair=chooser.choice(REPAIRS),
                room=chooser.choice(ROOMS),
                date=chooser.choice(DATES),
                amount=chooser.choice([50, 150, 250, 420]),
            )
        )
    if chooser.random() < 0.3:
        chunks.append(
            "Action | Who | By when\n"
            f"Mould wash | Riverside Property Care | {chooser.choice(DATES)}\n"
            f"Follow-up inspection | Amir Haddad, Surveyor | {chooser.choice(DATES)}"
        )
    chunks += ["Yours sincerely", "Helen Marsh\nComplaints Manager"]
    return "\n\n".join(chunks) + "\n"


def build(folder: Path, count: int, seed: int) -> dict[str, list[Path]]:
    chooser = random.Random(seed)
    files: dict[str, list[Path]] = {"docx": [], "pdf": [], "txt": [], "eml": []}
    for number in range(count):
        text = letter_text(chooser)
        stem = folder / f"letter-{number:04d}"
        render_docx(
            text,
            stem.with_suffix(".docx"),
            tracked_change=chooser.random() < 0.4,
            comment=chooser.random() < 0.3,
        )
        render_pdf(text, stem.with_suffix(".pdf"))
        stem.with_suffix(".txt").write_text(text, encoding="utf-8")
        message = EmailMessage()
        message["From"] = "complaints@landlord.example"
        message["To"] = "tenant@example.org"
        message["Subject"] = "Your complaint"
        message.set_content(text)
        stem.with_suffix(".eml").write_bytes(message.as_bytes())
        for kind in files:
            files[kind].append(stem.with_suffix(f".{kind}"))
    return files


def bare_docx(path: Path) -> str:
    return "\n".join(paragraph.text for paragraph in docx.Document(str(path)).paragraphs)


def bare_pdfium(path: Path) -> str:
    pdf = pdfium.PdfDocument(path)
    try:
        texts = []
        for page in pdf:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(texts)
    finally:
        pdf.close()


def bare_pdfplumber(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def bare_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def bare_email(path: Path) -> str:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    return message.get_body(preferencelist=("plain", "html")).get_content()


def ours(path: Path) -> str:
    [document] = read_path(path)
    assert isinstance(document, Document), document
    return document.text


def ms_per_file(reader: Callable[[Path], str], paths: list[Path], repeat: int) -> float:
    """The best of `repeat` passes, in milliseconds per file (after one warm-up file)."""
    reader(paths[0])
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for path in paths:
            reader(path)
        best = min(best, time.perf_counter() - start)
    return best / len(paths) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plumber-sample", type=int, default=60)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        files = build(Path(folder), options.letters, options.seed)
        print(
            f"built {options.letters} letters per format in {time.perf_counter() - started:.1f} s"
        )
        pages = [len(pdfium.PdfDocument(path)) for path in files["pdf"]]
        print(
            f"PDF pages per letter: mean {statistics.mean(pages):.2f}, "
            f"{', '.join(f'{n} pages: {pages.count(n)}' for n in sorted(set(pages)))}"
        )
        bare = {"docx": bare_docx, "pdf": bare_pdfium, "txt": bare_text, "eml": bare_email}
        names = {
            "docx": "python-docx paragraph text",
            "pdf": "pypdfium2 get_text_range",
            "txt": "Path.read_text",
            "eml": "email body get_content",
        }
        print(f"\n{'format':<6} {'read_path':>10} {'bare':>8} {'ratio':>6}  bare call")
        for kind, paths in files.items():
            mine = ms_per_file(ours, paths, options.repeat)
            theirs = ms_per_file(bare[kind], paths, options.repeat)
            print(f"{kind:<6} {mine:>8.3f}ms {theirs:>6.3f}ms {mine / theirs:>6.2f}  {names[kind]}")
        sample = files["pdf"][: options.plumber_sample]
        plumber = ms_per_file(bare_pdfplumber, sample, 1)
        print(
            f"\npdfplumber extract_text: {plumber:.1f} ms per PDF letter "
            f"({len(sample)} letters), {plumber / ms_per_file(ours, sample, 1):.0f}x read_path"
        )


if __name__ == "__main__":
    main()
