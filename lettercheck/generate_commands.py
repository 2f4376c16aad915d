"""`lettercheck generate`, `deadlines` and `init`: letters and deadlines from
case files.

Exit status: 0 done; 2 bad case data, config, template or invocation (one line per
problem on stderr, naming the file and field, and no letter written for that case),
or a PDF was asked for and could not be made (the DOCX is kept). A batch writes every
good case's letter and exits 2 if any case was skipped.

The heavy imports (pydantic models, docxtpl) are inside the commands, so the other
commands start fast.
"""

import shutil
import sys
from datetime import date, datetime
from pathlib import Path
from typing import NoReturn

import click

from lettercheck.letters import KIND_STAGES, LetterKind
from lettercheck.resources import EXAMPLES_DIR, templates_dir

CONFIG_NAME = "lettercheck.yaml"
EXAMPLE_CASE = EXAMPLES_DIR / "case.yaml"
EXAMPLE_CONFIG = EXAMPLES_DIR / CONFIG_NAME


def _fail(lines: list[str]) -> NoReturn:
    for line in lines:
        click.echo(line, err=True)
    raise SystemExit(2)


def _config(given: Path | None, near: Path | None, required: bool):
    """The config named, else lettercheck.yaml here, else beside the case file (or in
    the batch folder)."""
    from lettercheck.config import ConfigError, load_config

    candidates = [given] if given else [Path(CONFIG_NAME)]
    if not given and near is not None:
        candidates.append((near if near.is_dir() else near.parent) / CONFIG_NAME)
    path = next((p for p in candidates if given or p.is_file()), None)
    if path is None:
        if required:
            _fail(
                [
                    f"no {CONFIG_NAME} here or beside the case: pass --config FILE, or run "
                    "`lettercheck init` for a starter config"
                ]
            )
        return load_config(None), "defaults"
    if not path.is_file():
        _fail([f"{path}: config file not found"])
    try:
        return load_config(path), str(path)
    except ConfigError as error:
        _fail([str(error)])


def _case(path: Path):
    from lettercheck.case_files import CaseError, load_case

    try:
        return load_case(path)
    except CaseError as error:
        _fail(error.lines)


def _pdf(documents: list[Path]) -> None:
    from lettercheck.pdf import PdfError, convert_to_pdf

    try:
        for pdf in convert_to_pdf(documents):
            click.echo(pdf)
    except PdfError as error:
        kept = "the DOCX letters are kept" if len(documents) > 1 else f"kept {documents[0]}"
        _fail([f"{error} ({kept})"])


def _as_date(value: datetime | None) -> date | None:
    return value.date() if value else None


@click.command()
@click.argument("case_file", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--letter",
    "kind",
    required=True,
    type=click.Choice([kind.value for kind in LetterKind]),
    help="The kind of letter.",
)
@click.option("--stage", type=click.IntRange(1, 2), default=1, show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="The letter's file (default REFERENCE-KIND-STAGE.docx), or with --batch the folder "
    "(default letters).",
)
@click.option(
    "--batch",
    type=click.Path(exists=True, path_type=Path),
    help="A CSV of cases (one a row) or a folder of case files: one letter for each.",
)
@click.option("--pdf", is_flag=True, help="Also make a PDF of each letter (needs LibreOffice).")
@click.option(
    "--date",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date the letter (default: the case's date for it, else today).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help=f"The landlord config (default: {CONFIG_NAME} here, else beside the case).",
)
def generate(case_file, kind, stage, output, batch, pdf, on, config_path) -> None:
    """Write the letter a case needs next, as a Word document ready to sign and send."""
    from lettercheck.case import letter_date
    from lettercheck.deadlines import case_schedule
    from lettercheck.generate import Generator, LetterError, letter_filename

    if (case_file is None) == (batch is None):
        _fail(["give one CASE file, or --batch CASES.csv|FOLDER"])
    letter = LetterKind(kind)
    config, source = _config(config_path, case_file or batch, required=True)
    try:
        generator = Generator.from_config(config, source)
    except LetterError as error:
        _fail(error.lines)
    if batch is not None:
        _generate_batch(generator, batch, letter, stage, output or Path("letters"), pdf, on)
        return
    case = _case(case_file)
    target = output or Path(letter_filename(case, letter, stage))
    if target.is_dir():
        target = target / letter_filename(case, letter, stage)
    elif target.suffix.lower() != ".docx":
        _fail([f"-o {target}: a letter is a Word file; give a name ending .docx"])
    try:
        path = generator.write(case, letter, stage, target, _as_date(on), str(case_file))
    except LetterError as error:
        _fail(error.lines)
    click.echo(path)
    dated = _as_date(on) or letter_date(case, letter, stage) or date.today()
    for flag in case_schedule(case, generator.calendar, dated).flags:
        if f": stage {stage} " in flag:
            click.echo(f"warning: {flag}", err=True)
    if pdf:
        _pdf([path])


def _generate_batch(generator, batch, kind, stage, outdir, pdf, on) -> None:
    from lettercheck.case_files import batch_sources
    from lettercheck.generate import generate_batch

    sources = list(batch_sources(batch))
    with click.progressbar(
        length=len(sources), label=f"{kind.value} stage {stage} letters", file=sys.stderr
    ) as bar:
        result = generate_batch(
            generator, sources, kind, stage, outdir, _as_date(on), lambda: bar.update(1)
        )
    for line in result.problems:
        click.echo(line, err=True)
    skipped = f"; {result.skipped} skipped (see above)" if result.skipped else ""
    click.echo(f"{len(result.written)} letters in {outdir}{skipped}")
    if pdf and result.written:
        _pdf(result.written)
    if result.skipped:
        raise SystemExit(2)


@click.command()
@click.argument("case_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="For the nation's bank holidays and local closure days (default: "
    f"{CONFIG_NAME} here or beside the case; else England).",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Judge what is overdue as of this date (default: today).",
)
def deadlines(case_file, config_path, today) -> None:
    """The Code's deadlines for a case, in working days, and any its dates miss."""
    from lettercheck.deadlines import case_schedule, format_schedule

    config, _ = _config(config_path, case_file, required=False)
    case = _case(case_file)
    try:
        calendar = config.calendar()
    except (OSError, ValueError) as error:
        _fail([f"closure_days: {error}"])
    schedule = case_schedule(case, calendar, _as_date(today) or date.today())
    click.echo(format_schedule(case, schedule, calendar))


@click.command()
@click.argument("folder", default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--templates",
    "with_templates",
    is_flag=True,
    help="Also copy the eight letter templates to FOLDER/templates, to restyle in Word.",
)
def init(folder: Path, with_templates: bool) -> None:
    """Write a starter config and example cases to edit (existing files are kept)."""
    files = {
        CONFIG_NAME: EXAMPLE_CONFIG,
        "case-example.yaml": EXAMPLE_CASE,
        "cases-example.csv": EXAMPLES_DIR / "cases.csv",
        "logo.png": EXAMPLES_DIR / "logo.png",
        "closure-days.txt": EXAMPLES_DIR / "closure-days.txt",
    }
    if with_templates:
        files |= {
            f"templates/{kind.value}-{stage}.docx": templates_dir() / f"{kind.value}-{stage}.docx"
            for kind, stage in KIND_STAGES
        }
    for name, source in files.items():
        target = folder / name
        if target.exists():
            click.echo(f"kept {target} (already there)")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if name == CONFIG_NAME and with_templates:
            text = source.read_text(encoding="utf-8")
            target.write_text(
                text.replace("# templates: templates", "templates: templates"), encoding="utf-8"
            )
        else:
            shutil.copyfile(source, target)
        click.echo(f"wrote {target}")
    click.echo(
        f"Next: put your details in {folder / CONFIG_NAME}, then try\n"
        f"  lettercheck generate {folder / 'case-example.yaml'} --letter acknowledgement\n"
        f"  lettercheck deadlines {folder / 'case-example.yaml'}"
    )
