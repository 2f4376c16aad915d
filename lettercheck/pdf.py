"""DOCX to PDF through LibreOffice, when it is installed. lettercheck does not bundle
it (it is large and not a Python package), so its absence is a clear message with the
way to install it, and the DOCX letters are kept either way."""

import shutil
import subprocess
import tempfile
from pathlib import Path

from lettercheck.atomic import atomic_path

OFFICE_COMMANDS = ("soffice", "libreoffice")
TIMEOUT_SECONDS = 300
INSTALL_HINT = (
    "PDF needs LibreOffice: install it with `apt-get install libreoffice-writer` "
    "(Debian/Ubuntu) or from libreoffice.org, or open the DOCX in Word and save as PDF"
)


class PdfError(Exception):
    """No PDF was made; the DOCX letters are still there."""


def find_office() -> str | None:
    return next((found for name in OFFICE_COMMANDS if (found := shutil.which(name))), None)


def convert_to_pdf(documents: list[Path]) -> list[Path]:
    """A PDF beside each DOCX, all from one LibreOffice run (it is slow to start)."""
    office = find_office()
    if office is None:
        raise PdfError(INSTALL_HINT)
    if not documents:
        return []
    with tempfile.TemporaryDirectory(prefix="lettercheck-pdf-") as work:
        # A private profile, so a LibreOffice the user has open does not swallow the job.
        profile = Path(work, "profile").as_uri()
        command = [
            office,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            work,
            *map(str, documents),
        ]
        try:
            run = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PdfError(f"LibreOffice could not convert the letters: {error}") from error
        said = " ".join(run.stderr.decode("utf-8", "replace").split())[:200]
        made = []
        for document in documents:
            converted = Path(work, document.with_suffix(".pdf").name)
            if not converted.is_file():
                raise PdfError(f"{document}: LibreOffice made no PDF from it {said}".rstrip())
            target = document.with_suffix(".pdf")
            with atomic_path(target) as temporary:
                shutil.copyfile(converted, temporary)
            made.append(target)
    return made
