"""The corpus is ground truth only if its annotations are right: every annotation
validates, every quote is really in its letter, the expected findings follow from
the requirements table, and the split is fixed, disjoint and complete."""

from pathlib import Path

import pytest

from lettercheck.corpus.schema import problems_with
from lettercheck.corpus.store import PREFIXES, load_corpus, load_split, make_split

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
UNSEEN = CORPUS / "unseen"  # the independent check set: every letter in its test split
EXTRA = CORPUS / "extra"  # more writers' letters, added after the split: all train
LETTERS = load_corpus(CORPUS)


@pytest.mark.parametrize(
    "letter", LETTERS + load_corpus(UNSEEN) + load_corpus(EXTRA), ids=lambda letter: letter.id
)
def test_annotation_is_true_to_its_letter(letter):
    assert problems_with(letter) == []


def test_corpus_covers_every_kind_and_stage():
    pairs = {(x.annotation.kind, x.annotation.stage) for x in LETTERS}
    assert pairs == set(PREFIXES)


def test_recorded_split_is_the_seeded_split_and_disjoint():
    recorded = load_split(CORPUS)
    assert recorded == make_split()
    train, dev, test = (set(recorded[name]) for name in ("train", "dev", "test"))
    assert not (train & dev or train & test or dev & test)


def test_every_letter_is_in_the_split_and_its_prefix_matches_its_kind():
    placed = {i for ids in load_split(CORPUS).values() for i in ids}
    for letter in LETTERS:
        assert letter.id in placed
        prefix = PREFIXES[(letter.annotation.kind, letter.annotation.stage)]
        assert letter.id.startswith(prefix + "-")


def test_unseen_set_is_all_held_out():
    split = load_split(UNSEEN)
    assert split["train"] == [] and split["dev"] == []
    assert sorted(split["test"]) == sorted(letter.id for letter in load_corpus(UNSEEN))


def test_extra_letters_are_all_train_and_cover_every_kind_and_stage():
    split = load_split(EXTRA)
    letters = load_corpus(EXTRA)
    assert split["dev"] == [] and split["test"] == []
    assert sorted(split["train"]) == sorted(letter.id for letter in letters)
    assert {(x.annotation.kind, x.annotation.stage) for x in letters} == set(PREFIXES)
    assert not {x.id for x in letters} & {x.id for x in LETTERS + load_corpus(UNSEEN)}
