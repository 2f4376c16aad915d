"""`lettercheck train`, `eval` and `eval-phrases`: build the shipped classifier from
the corpus, and measure the linter against the corpus's annotations and phrase set."""

from pathlib import Path

import click

SPLIT_CHOICES = click.Choice(["train", "dev", "test"])


@click.command("eval")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--split", type=SPLIT_CHOICES, default="test", show_default=True)
@click.option(
    "--no-classifier",
    is_flag=True,
    help="Only the figures with the trained classifier switched off (patterns only).",
)
@click.option("--classifier-only", is_flag=True, help="Only the figures with the classifier.")
def eval_command(corpus: Path, split: str, no_classifier: bool, classifier_only: bool) -> None:
    """Per-element and per-rule precision, recall and F1, and kind/stage accuracy, on
    one split of the corpus: by default with the trained classifier and without it."""
    from lettercheck.corpus.store import CorpusError
    from lettercheck.evaluate import evaluate, format_evaluation

    modes = [False] if no_classifier else [True] if classifier_only else [True, False]
    try:
        for index, classifier in enumerate(modes):
            if index:
                click.echo("")
            click.echo(format_evaluation(evaluate(corpus, split, classifier=classifier)))
    except CorpusError as error:
        raise click.ClickException(str(error)) from error


@click.command("eval-phrases")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--misses", is_flag=True, help="Also list every sentence the linter got wrong.")
@click.option(
    "--half",
    type=click.Choice(["tune", "check"]),
    default=None,
    help="Only the half that may be read to improve cues (tune) or the half that may not (check).",
)
@click.option(
    "--no-classifier",
    is_flag=True,
    help="Only the figures with the trained classifier switched off (patterns only).",
)
@click.option("--classifier-only", is_flag=True, help="Only the figures with the classifier.")
def eval_phrases_command(
    folder: Path, misses: bool, half: str | None, no_classifier: bool, classifier_only: bool
) -> None:
    """Precision, recall and F1 per wording rule and element on a phrase set
    (corpus/phrases: labelled single sentences and near misses)."""
    from lettercheck.catalogue import CatalogueError
    from lettercheck.phrases import evaluate_phrases, format_phrase_evaluation

    modes = [False] if no_classifier else [True] if classifier_only else [True, False]
    try:
        for index, classifier in enumerate(modes):
            if index:
                click.echo("")
            result = evaluate_phrases(folder, classifier=classifier, half=half)
            click.echo(format_phrase_evaluation(result, show_misses=misses))
    except CatalogueError as error:
        raise click.ClickException(str(error)) from error


@click.command("train")
@click.argument(
    "corpora",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option("--seed", type=int, default=2024, show_default=True)
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the model (default: the package's lettercheck/models/classifier).",
)
def train_command(corpora: tuple[Path, ...], seed: int, out: Path | None) -> None:
    """Train the element and kind classifier on the train split of each corpus folder
    given (thresholds tuned on their dev splits; test never read) and write it where
    the linter loads it from."""
    from lettercheck.analyse.classifier import MODEL_DIR
    from lettercheck.analyse.train import train
    from lettercheck.corpus.store import CorpusError

    try:
        report = train(list(corpora), seed=seed, out=out or MODEL_DIR)
    except (CorpusError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    enabled = {k: v for k, v in report.thresholds.items() if v is not None}
    click.echo(
        f"trained on {report.train_letters} letters ({report.train_sentences} sentences), "
        f"tuned on {report.dev_letters}, seed {report.seed}, in {report.seconds:.1f} s"
    )
    click.echo(f"model: {report.folder} ({report.size_bytes / 1e6:.2f} MB)")
    click.echo(
        f"kind classifier weight {report.kind_weight} for kinds, {report.stage_weight} for "
        f"stages (kind+stage accuracy on dev and out-of-fold train letters "
        f"{report.tuning_kind_accuracy:.3f}); element thresholds: "
        + (", ".join(f"{k}={v}" for k, v in enabled.items()) or "none")
    )
