"""`lettercheck demo`: the whole job on built-in example data. It generates the
example case's eight letters, lints each one (they should be clean), then lints an
example draft written the way real drafts go wrong, and writes an HTML report of
both so a new user sees what each half of the tool does."""

from pathlib import Path

import click

from lettercheck.resources import EXAMPLES_DIR

EXAMPLE_CASE = EXAMPLES_DIR / "case.yaml"
EXAMPLE_CONFIG = EXAMPLES_DIR / "lettercheck.yaml"
EXAMPLE_DRAFT = EXAMPLES_DIR / "draft-response.txt"


@click.command()
@click.argument("outdir", default="demo-output", type=click.Path(path_type=Path, file_okay=False))
def demo(outdir: Path) -> None:
    """Generate the example case's eight letters into OUTDIR and lint them, then lint
    an example draft with problems; writes OUTDIR/report.html."""
    from lettercheck.atomic import write_atomically
    from lettercheck.case_files import CaseError, load_case
    from lettercheck.catalogue import load_rule_docs
    from lettercheck.config import ConfigError, load_config
    from lettercheck.generate import LetterError, generate_all
    from lettercheck.lint import check_path
    from lettercheck.report import RENDERERS
    from lettercheck.results import CheckReport

    try:
        config = load_config(EXAMPLE_CONFIG)
        paths = generate_all(load_case(EXAMPLE_CASE), config, outdir)
    except (LetterError, ConfigError, CaseError) as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Generated the example case's {len(paths)} letters in {outdir.resolve()}:")
    generated = CheckReport.of([r for path in paths for r in check_path(path, config)])
    for result in generated.files:
        letter = result.letter
        verdict = "clean" if not result.findings else ", ".join(f.rule for f in result.findings)
        click.echo(f"  {Path(result.path).name}: {letter.kind} stage {letter.stage}: {verdict}")

    click.echo(f"\nChecking an example draft with problems ({EXAMPLE_DRAFT.name}):")
    draft = CheckReport.of(check_path(EXAMPLE_DRAFT, config))
    rule_docs = load_rule_docs(config)
    click.echo(RENDERERS["text"](draft, rule_docs), nl=False)

    report = outdir / "report.html"
    write_atomically(
        report, RENDERERS["html"](CheckReport.of(generated.files + draft.files), rule_docs)
    )
    click.echo(f"\nThe letters, highlighted, with every finding explained: {report.resolve()}")
