"""The `lettercheck` command line. Each command lives beside the stage it drives;
this module only gathers them into one group. Command modules keep heavy imports
(spaCy, the readers) inside their functions so `lettercheck rules` starts fast."""

import click

from lettercheck import __version__
from lettercheck.check_commands import audit, check, explain, rules_command
from lettercheck.corpus.commands import corpus
from lettercheck.demo import demo
from lettercheck.generate_commands import deadlines, generate, init
from lettercheck.lint_commands import eval_command, eval_phrases_command, train_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lettercheck")
def main() -> None:
    """Generate and lint complaint letters against the Housing Ombudsman's
    Complaint Handling Code 2024."""


main.add_command(check)
main.add_command(audit)
main.add_command(rules_command)
main.add_command(explain)
main.add_command(corpus)
main.add_command(generate)
main.add_command(deadlines)
main.add_command(init)
main.add_command(demo)
main.add_command(eval_command)
main.add_command(eval_phrases_command)
main.add_command(train_command)
