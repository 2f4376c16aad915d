"""`lettercheck check`, `audit`, `rules` and `explain`: the linter's command line.

Exit status of `check` (spec/interface.md): 0 no errors, 1 at least one error
finding (warnings too with --strict), 2 a file could not be read or the
invocation was wrong."""

import difflib
import sys
from pathlib import Path

import click

from lettercheck.catalogue import (
    CatalogueError,
    RuleDoc,
    load_elements,
    load_requirements,
    load_rule_docs,
)
from lettercheck.config import Config, ConfigError, load_config
from lettercheck.letters import LetterKind, missing_rule_id

DEFAULT_CONFIG = Path("lettercheck.yaml")
EXIT_FINDINGS, EXIT_UNUSABLE = 1, 2


def _config(path: Path | None) -> Config:
    """The config named, else ./lettercheck.yaml when there is one, else the defaults."""
    if path is None and DEFAULT_CONFIG.is_file():
        path = DEFAULT_CONFIG
    try:
        return load_config(path)
    except ConfigError as error:  # YAML parser messages span lines: keep it to one
        raise click.UsageError(" ".join(str(error).split())) from error


def _rule_docs(config: Config) -> dict[str, RuleDoc]:
    try:
        return load_rule_docs(config)
    except CatalogueError as error:
        raise click.UsageError(" ".join(str(error).split())) from error


def _letter_files(paths) -> list[Path]:
    """The files to check; naming only folders with no letter in them is a wrong
    invocation (a mistyped folder must not pass as "0 letters, no errors")."""
    from lettercheck.read import SUPPORTED_SUFFIXES, iter_letter_files

    found = list(iter_letter_files(paths))
    if not found:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        named = ", ".join(str(path) for path in paths)
        raise click.UsageError(f"no letter files ({kinds}) in {named}")
    return found


config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The landlord's config file (default: ./lettercheck.yaml if present).",
)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--kind",
    type=click.Choice([k.value for k in LetterKind]),
    help="State the kind instead of detecting it.",
)
@click.option("--stage", type=click.IntRange(1, 2), help="State the stage instead of detecting it.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "sarif", "html"]),
    default="text",
    show_default=True,
)
@click.option("--strict", is_flag=True, help="Warnings count as failures for the exit status.")
@config_option
def check(files, kind, stage, output_format, strict, config_path) -> None:
    """Check letters (.docx, .pdf, .txt, .md, .eml; folders are walked) against the Code."""
    from lettercheck.audit import check_safely
    from lettercheck.report import RENDERERS
    from lettercheck.results import CheckReport

    config = _config(config_path)
    rule_docs = _rule_docs(config)
    kind_given = LetterKind(kind) if kind else None
    results = [
        result
        for path in _letter_files(files)
        for result in check_safely(path, config, kind=kind_given, stage=stage)
    ]
    report = CheckReport.of(results)
    click.echo(RENDERERS[output_format](report, rule_docs), nl=False)
    if report.summary.unreadable:
        sys.exit(EXIT_UNUSABLE)
    if report.summary.errors or ((strict or config.lint.strict) and report.summary.warnings):
        sys.exit(EXIT_FINDINGS)


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("lettercheck-audit"),
    show_default=True,
    help="Report folder.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["html", "csv", "json"]),
    default="html",
    show_default=True,
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes to check letters in parallel.",
)
@config_option
def audit(folder, out, output_format, jobs, config_path) -> None:
    """Check every letter in FOLDER and write the self-assessment evidence report."""
    from lettercheck.audit import check_all, summarise, write_csv, write_html, write_json
    from lettercheck.results import CheckReport

    config = _config(config_path)
    rule_docs = _rule_docs(config)
    paths = _letter_files([folder])
    click.echo(f"Checking {len(paths)} files in {folder} with {jobs} process(es)...", err=True)
    report = CheckReport.of(check_all(paths, config, jobs))
    summary = summarise(report.files)
    if output_format == "html":
        written = write_html(out, report, summary, rule_docs)
    elif output_format == "csv":
        written = write_csv(out, report, summary)
    else:
        written = write_json(out, report, summary)
    click.echo(
        f"{summary.letters} letters: {summary.clean} clean, {summary.with_warnings_only} with "
        f"warnings only, {summary.with_errors} with errors, {summary.unreadable} unreadable."
    )
    click.echo(f"Report: {written[0]}")


@click.command("rules")
@config_option
def rules_command(config_path) -> None:
    """List every rule: id, severity, Code provision, one line."""
    docs = _rule_docs(_config(config_path))
    width = max(len(rule_id) for rule_id in docs)
    provision_width = max(len(doc.provision) for doc in docs.values())
    for doc in docs.values():
        click.echo(
            f"{doc.id:<{width}}  {doc.severity:<7}  {doc.provision:<{provision_width}}  {doc.message}"
        )


@click.command()
@click.argument("rule_or_element")
@config_option
def explain(rule_or_element: str, config_path) -> None:
    """Explain a rule (why it matters, the Code, examples) or an element."""
    docs = _rule_docs(_config(config_path))
    elements = load_elements()
    name = rule_or_element.strip()
    if name in elements:
        element = elements[name]
        click.echo(f"{element.id}: {element.name} (Code {element.provision})")
        click.echo(f"What it is: {element.meaning}.")
        needed = [
            f"{kind.value} stage {stage} ({severity})"
            for kind, stages in load_requirements().letters.items()
            for stage, table in stages.items()
            for element_id, severity in table.items()
            if element_id == name
        ]
        click.echo("Required in: " + (", ".join(needed) or "no letter kind (reported if present)"))
        name = missing_rule_id(name)
        click.echo(f"When missing, rule {name}:\n")
    if name not in docs:
        close = difflib.get_close_matches(name, [*docs, *elements], n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else " See `lettercheck rules`."
        raise click.UsageError(f"no rule or element called {rule_or_element!r}.{hint}")
    doc = docs[name]
    click.echo(f"{doc.id}  [{doc.severity}]  Code {doc.provision}")
    click.echo(f"Applies to: {', '.join(kind.value for kind in doc.kinds)}")
    click.echo(f"\n{doc.message}\n\nWhy: {doc.explanation}\n")
    click.echo("Fails (the rule reports these):")
    for text in doc.examples.failing:
        click.echo(f"  - {text}")
    click.echo("Passes:")
    for text in doc.examples.passing:
        click.echo(f"  - {text}")
