"""Finding and loading the corpus on disk.

Layout: `corpus/letters/<id>.txt` is the letter as written (one paragraph a line,
a blank line between paragraphs), `<id>.yaml` its annotation, and `<id>.docx` /
`<id>.pdf` the same letter as a realistic Word or PDF file where one was made.
`corpus/split.yaml` fixes which letters train, tune and test the linter.
"""

import random
from pathlib import Path

from lettercheck.catalogue import CatalogueError, load_yaml_model, parse_yaml
from lettercheck.corpus.schema import Annotation, CorpusLetter
from lettercheck.letters import LetterKind

SPLITS = ("train", "dev", "test")
PREFIXES = {
    (LetterKind.ACKNOWLEDGEMENT, 1): "ack1",
    (LetterKind.ACKNOWLEDGEMENT, 2): "ack2",
    (LetterKind.EXTENSION, 1): "ext1",
    (LetterKind.EXTENSION, 2): "ext2",
    (LetterKind.RESPONSE, 1): "resp1",
    (LetterKind.RESPONSE, 2): "resp2",
    (LetterKind.REFUSAL, 1): "ref1",
    (LetterKind.REFUSAL, 2): "ref2",
}
LETTERS_PER_PAIR = 50
SPLIT_SEED = 2024


class CorpusError(Exception):
    """The corpus on disk is incomplete or an annotation is invalid."""


def letters_dir(corpus: Path) -> Path:
    return corpus / "letters"


def load_letter(text_path: Path) -> CorpusLetter:
    annotation_path = text_path.with_suffix(".yaml")
    if not annotation_path.exists():
        raise CorpusError(f"{text_path}: no annotation file {annotation_path.name}")
    try:
        annotation = load_yaml_model(annotation_path, Annotation)
    except CatalogueError as error:
        raise CorpusError(str(error)) from error
    files = {
        suffix: text_path.with_suffix(f".{suffix}")
        for suffix in ("txt", "docx", "pdf")
        if text_path.with_suffix(f".{suffix}").exists()
    }
    return CorpusLetter(
        annotation=annotation,
        text=text_path.read_text(encoding="utf-8"),
        text_path=text_path,
        files=files,
    )


def load_corpus(corpus: Path, split: str | None = None) -> list[CorpusLetter]:
    """Every letter of the corpus (or of one split), in id order."""
    paths = sorted(letters_dir(corpus).glob("*.txt"))
    if split is not None:
        wanted = set(load_split(corpus)[split])
        paths = [path for path in paths if path.stem in wanted]
    return [load_letter(path) for path in paths]


def load_split(corpus: Path) -> dict[str, list[str]]:
    raw = parse_yaml((corpus / "split.yaml").read_text(encoding="utf-8"))
    return {name: list(raw[name]) for name in SPLITS}


def make_split(seed: int = SPLIT_SEED) -> dict[str, list[str]]:
    """The fixed split: within each kind/stage, 60% train, 20% dev, 20% test, by a
    seeded shuffle of letter numbers (so it is stratified by kind and stage and
    fixed before any letter was written)."""
    split: dict[str, list[str]] = {name: [] for name in SPLITS}
    for prefix in PREFIXES.values():
        ids = [f"{prefix}-{number:03d}" for number in range(1, LETTERS_PER_PAIR + 1)]
        random.Random(f"{seed}-{prefix}").shuffle(ids)
        test, dev = LETTERS_PER_PAIR // 5, LETTERS_PER_PAIR // 5
        split["test"] += sorted(ids[:test])
        split["dev"] += sorted(ids[test : test + dev])
        split["train"] += sorted(ids[test + dev :])
    return {name: sorted(ids) for name, ids in split.items()}
