"""`lettercheck corpus ...`: validate the corpus and let trainers find letters in it."""

from pathlib import Path

import click

from lettercheck.atomic import write_atomically
from lettercheck.corpus.schema import CorpusLetter, problems_with
from lettercheck.corpus.store import CorpusError, letters_dir, load_corpus, load_letter, load_split
from lettercheck.letters import ELEMENT_IDS, LetterKind

DEFAULT_CORPUS = Path("corpus")


@click.group()
def corpus() -> None:
    """The annotated example letters: validate, list and show them."""


@corpus.command()
@click.argument("folder", type=click.Path(path_type=Path), default=DEFAULT_CORPUS)
def validate(folder: Path) -> None:
    """Check every annotation: schema, quotes present in the letter, expected findings."""
    problems: list[str] = []
    paths = sorted(letters_dir(folder).glob("*.txt"))
    for path in paths:
        try:
            problems += problems_with(load_letter(path))
        except CorpusError as error:
            problems.append(str(error))
    for problem in problems:
        click.echo(problem)
    click.echo(f"{len(paths)} letters, {len(problems)} problems")
    if problems:
        raise SystemExit(1)


def _known_names(rule: str | None, element: str | None, hard: str | None) -> None:
    """A misspelt id would list no letters, which reads as "the corpus has none":
    name the mistake and the closest ids instead."""
    import difflib

    from lettercheck.catalogue import load_rule_docs

    rules = list(load_rule_docs())
    for option, value, what, known in (
        ("--rule", rule, "rule", rules),
        ("--element", element, "element", list(ELEMENT_IDS)),
        ("--hard", hard, "rule or element", [*ELEMENT_IDS, *rules]),
    ):
        if value is not None and value not in known:
            close = difflib.get_close_matches(value, known, n=3)
            hint = f" Did you mean: {', '.join(close)}?" if close else " See `lettercheck rules`."
            raise click.BadParameter(f"no {what} called {value!r}.{hint}", param_hint=option)


def _matches(letter: CorpusLetter, kind, stage, rule, element, hard) -> bool:
    annotation = letter.annotation
    return (
        (kind is None or annotation.kind == kind)
        and (stage is None or annotation.stage == stage)
        and (rule is None or rule in annotation.expected_findings)
        and (element is None or element in annotation.elements)
        and (hard is None or any(case.target == hard for case in annotation.hard_cases))
    )


@corpus.command("list")
@click.option("--kind", type=click.Choice([k.value for k in LetterKind]))
@click.option("--stage", type=click.IntRange(1, 2))
@click.option(
    "--rule", help="Only letters expected to break this rule (e.g. extra-stage, missing-remedy)."
)
@click.option("--element", help="Only letters that contain this element.")
@click.option(
    "--hard",
    metavar="RULE_OR_ELEMENT",
    help="Only letters with a hard case for this rule or element.",
)
@click.option("--split", type=click.Choice(["train", "dev", "test"]))
@click.option(
    "--corpus", "folder", type=click.Path(path_type=Path), default=DEFAULT_CORPUS, show_default=True
)
def list_letters(kind, stage, rule, element, hard, split, folder) -> None:
    """Find letters: "a stage 1 response that demands reasons for escalation" is
    `corpus list --kind response --stage 1 --rule reasons-required-for-escalation`."""
    _known_names(rule, element, hard)
    splits = {i: name for name, ids in load_split(folder).items() for i in ids}
    shown = 0
    for letter in load_corpus(folder, split):
        if not _matches(letter, kind, stage, rule, element, hard):
            continue
        annotation = letter.annotation
        findings = ", ".join(annotation.expected_findings) or "compliant"
        decision = f" {annotation.decision}" if annotation.decision else ""
        click.echo(
            f"{letter.id:<10} {splits.get(letter.id, '-'):<5} {annotation.kind} {annotation.stage}"
            f"{decision} | {annotation.subject} | {annotation.voice} | {findings}"
        )
        shown += 1
    click.echo(f"{shown} letters", err=True)


@corpus.command()
@click.argument("letter_id")
@click.option("--html", "as_html", is_flag=True, help="The annotated view as an HTML page.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file."
)
@click.option(
    "--corpus", "folder", type=click.Path(path_type=Path), default=DEFAULT_CORPUS, show_default=True
)
def show(letter_id: str, as_html: bool, output: Path | None, folder: Path) -> None:
    """Show one letter with its annotation (what it contains, what is wrong, why)."""
    from lettercheck.corpus.annotated_view import annotated_html, annotated_text

    path = letters_dir(folder) / f"{letter_id}.txt"
    if not path.exists():
        raise click.UsageError(f"no letter {letter_id!r} in {letters_dir(folder)}")
    letter = load_letter(path)
    content = annotated_html(letter) if as_html else annotated_text(letter)
    if output:
        write_atomically(output, content)
        click.echo(f"Wrote {output}", err=True)
    else:
        click.echo(content, nl=False)


@corpus.command()
@click.option(
    "--corpus", "folder", type=click.Path(path_type=Path), default=DEFAULT_CORPUS, show_default=True
)
def stats(folder: Path) -> None:
    """Counts per kind/stage, split, format and expected finding."""
    from collections import Counter

    letters = load_corpus(folder)
    splits = {i: name for name, ids in load_split(folder).items() for i in ids}
    pairs = Counter(f"{x.annotation.kind} {x.annotation.stage}" for x in letters)
    compliant = Counter(
        f"{x.annotation.kind} {x.annotation.stage}"
        for x in letters
        if not x.annotation.expected_findings
    )
    click.echo(f"{len(letters)} letters")
    click.echo("kind/stage: letters (compliant)")
    for pair, count in sorted(pairs.items()):
        click.echo(f"  {pair:<18} {count:>4} ({compliant[pair]})")
    click.echo(
        "split: "
        + ", ".join(
            f"{k} {v}" for k, v in sorted(Counter(splits.get(x.id, "-") for x in letters).items())
        )
    )
    formats = Counter(fmt for x in letters for fmt in x.files)
    click.echo("formats: " + ", ".join(f"{k} {v}" for k, v in sorted(formats.items())))
    hard = Counter(case.kind for x in letters for case in x.annotation.hard_cases)
    click.echo(f"hard cases: {hard['negative']} negative, {hard['positive']} positive")
    click.echo("expected findings: rule (letters)")
    rules = Counter(rule for x in letters for rule in set(x.annotation.expected_findings))
    for rule, count in sorted(rules.items()):
        click.echo(f"  {rule:<40} {count:>4}")


@corpus.command()
@click.option(
    "--share",
    type=click.FloatRange(0, 1),
    default=0.3,
    show_default=True,
    help="Share of the letters to render.",
)
@click.option("--seed", type=int, default=2024, show_default=True, help="Fixes which letters.")
@click.option(
    "--corpus", "folder", type=click.Path(path_type=Path), default=DEFAULT_CORPUS, show_default=True
)
def render(share: float, seed: int, folder: Path) -> None:
    """Write <id>.docx and <id>.pdf beside a seeded share of the letters."""
    from lettercheck.corpus.render import chosen_letters, render_letter

    chosen = chosen_letters(letters_dir(folder).glob("*.txt"), share, seed)
    failed = 0
    for path in chosen:
        try:
            render_letter(path)
        except ImportError as error:
            raise click.ClickException(f"{error}: install the test extra to write PDFs") from error
        except Exception as error:  # one bad letter must not stop the rest
            failed += 1
            click.echo(f"{path}: not rendered ({type(error).__name__}: {error})", err=True)
    click.echo(f"{len(chosen) - failed} of {len(chosen)} letters rendered as DOCX and PDF")
    if failed:
        raise SystemExit(1)
