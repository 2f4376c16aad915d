"""`lettercheck corpus ...`: validate the corpus and let trainers find letters in it."""

from pathlib import Path

import click

from lettercheck.corpus.schema import problems_with
from lettercheck.corpus.store import CorpusError, letters_dir, load_letter

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
