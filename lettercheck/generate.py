"""Make letters from cases: one letter, all eight for a case, or one kind for a batch.

A letter is made whole or not at all: the case is checked for what the letter needs,
the template for the variables it uses, and only then is the file written (to a
temporary name, then renamed)."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lettercheck.calendar import WorkingDayCalendar
from lettercheck.case import Case, letter_date, letter_problems
from lettercheck.case_files import CaseError, CaseSource, parse_case
from lettercheck.catalogue import Ombudsman, load_ombudsmen
from lettercheck.config import Config, Landlord
from lettercheck.letter_view import letter_context
from lettercheck.letters import KIND_STAGES, LetterKind
from lettercheck.render import TemplateProblem, load_template, render_letter, write_docx
from lettercheck.resources import templates_dir


class LetterError(Exception):
    """The letter cannot be made; `lines` holds one message per problem."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


def letter_filename(case: Case, kind: LetterKind, stage: int) -> str:
    """BH-2026-0142-response-1.docx: the reference made safe as a file name."""
    reference = re.sub(r"[^\w.-]+", "-", case.reference, flags=re.ASCII).strip("-.") or "case"
    return f"{reference}-{kind.value}-{stage}.docx"


@dataclass(frozen=True)
class Generator:
    """What every letter for one landlord shares: its details, Ombudsman, calendar,
    templates and logo, checked once."""

    landlord: Landlord
    ombudsman: Ombudsman
    calendar: WorkingDayCalendar
    templates: Path
    logo: Path | None

    @classmethod
    def from_config(cls, config: Config, source: str = "config") -> "Generator":
        if config.landlord is None:
            raise LetterError(
                [
                    f"{source}: landlord: missing (letters need the landlord's name, address, "
                    "phone, email and signatory; `lettercheck init` writes a starter config)"
                ]
            )
        landlord = config.landlord
        problems = []
        logo = config.resolve(landlord.logo) if landlord.logo else None
        if logo and not logo.is_file():
            problems.append(f"{source}: landlord.logo: {logo} not found")
        templates = config.resolve(config.templates) if config.templates else templates_dir()
        if not templates.is_dir():
            problems.append(f"{source}: templates: {templates} is not a folder")
        try:
            calendar = config.calendar()
        except (OSError, ValueError) as error:
            problems.append(f"{source}: closure_days: {error}")
        if problems:
            raise LetterError(problems)
        ombudsman = load_ombudsmen().ombudsmen[landlord.ombudsman]
        return cls(landlord, ombudsman, calendar, templates, logo)

    def render(
        self, case: Case, kind: LetterKind, stage: int, on: date | None = None, label: str = "case"
    ) -> bytes:
        """The letter as DOCX bytes, dated `on`, else the case's date for it, else today."""
        problems = [f"{label}: {problem}" for problem in letter_problems(case, kind, stage)]
        if problems:
            raise LetterError(problems)
        on = on or letter_date(case, kind, stage) or date.today()
        started = case.complaint.received if stage == 1 else case.stage2.requested
        if on < started:
            raise LetterError(
                [f"{label}: the letter date {on} is before stage {stage} began ({started})"]
            )
        context = letter_context(
            case, self.landlord, self.ombudsman, self.calendar, kind, stage, on
        )
        try:
            return render_letter(load_template(self.templates, kind, stage), context, self.logo)
        except TemplateProblem as error:
            raise LetterError(str(error).splitlines()) from error

    def write(
        self,
        case: Case,
        kind: LetterKind,
        stage: int,
        target: Path,
        on: date | None = None,
        label: str = "case",
    ) -> Path:
        data = self.render(case, kind, stage, on, label)
        try:
            return write_docx(target, data)
        except OSError as error:
            raise LetterError([f"{target}: cannot write the letter: {error}"]) from error


def generate_all(case: Case, config: Config, outdir: Path) -> list[Path]:
    """All eight letters for one case into `outdir` (what `lettercheck demo` shows)."""
    generator = Generator.from_config(config)
    return [
        generator.write(case, kind, stage, outdir / letter_filename(case, kind, stage))
        for kind, stage in KIND_STAGES
    ]


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line each; their cases skipped
    skipped: int = 0


def generate_batch(
    generator: Generator,
    sources: Iterable[CaseSource | CaseError],
    kind: LetterKind,
    stage: int,
    outdir: Path,
    on: date | None = None,
    step: Callable[[], None] = lambda: None,
) -> BatchResult:
    """One letter per case; a bad case is reported and skipped and the rest go on.
    `step` is called after each case, for a progress bar."""
    result = BatchResult()
    made: dict[str, str] = {}
    for source in sources:
        try:
            if isinstance(source, CaseError):
                raise source
            case = parse_case(source)
            name = letter_filename(case, kind, stage)
            if name in made:
                raise LetterError(
                    [
                        f"{source.label}: reference: {case.reference} repeats "
                        f"{made[name]}; skipped so its letter is not overwritten"
                    ]
                )
            result.written.append(
                generator.write(case, kind, stage, outdir / name, on, source.label)
            )
            made[name] = source.label
        except (CaseError, LetterError) as error:
            result.problems += error.lines
            result.skipped += 1
        step()
    return result
