"""The `lettercheck` command line. Each command lives beside the stage it drives;
this module only gathers them into one group. Command modules keep heavy imports
(spaCy, the readers) inside their functions so `lettercheck rules` starts fast."""

import click

from lettercheck import __version__
from lettercheck.corpus.commands import corpus


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lettercheck")
def main() -> None:
    """Generate and lint complaint letters against the Housing Ombudsman's
    Complaint Handling Code 2024."""


main.add_command(corpus)
