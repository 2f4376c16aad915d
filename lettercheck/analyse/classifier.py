"""The trained classifier: a small spaCy text classifier (bag of words and bigrams, no
vectors) that scores each sentence for each element, and one that scores the whole
letter for kind and stage. It finds the paraphrases the cues miss; the cues keep
precision. Built by `lettercheck train` (lettercheck/analyse/train.py) into
lettercheck/models/; when the model is missing the linter runs on cues alone and says
so once."""

import json
import re
import sys
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from lettercheck.letters import KIND_STAGES, LetterKind
from lettercheck.resources import MODELS_DIR

MODEL_DIR = MODELS_DIR / "classifier"
ELEMENTS_PIPE = "elements"
KINDS_PIPE = "kinds"
_DIGIT = re.compile(r"\d")


def kind_label(kind: LetterKind | str, stage: int) -> str:
    return f"{LetterKind(kind).value}-{stage}"


class Classifier:
    def __init__(self, folder: Path) -> None:
        self.elements_nlp: Language = spacy.load(folder / ELEMENTS_PIPE)
        self.kinds_nlp: Language = spacy.load(folder / KINDS_PIPE)
        settings = json.loads((folder / "thresholds.json").read_text(encoding="utf-8"))
        self.thresholds: dict[str, float] = settings["elements"]
        self.kind_weight: float = settings["kind_weight"]
        self.stage_weight: float = settings.get("stage_weight", self.kind_weight)

    def score_sentences(self, sentences: list[Span]) -> dict[int, dict[str, float]]:
        """Element scores for each sentence, keyed by the sentence's first token."""
        texts = [sentence_text(sentence) for sentence in sentences]
        docs = self.elements_nlp.pipe(texts, batch_size=256)
        return {
            sentence.start: dict(doc.cats) for sentence, doc in zip(sentences, docs, strict=True)
        }

    def kind_probabilities(self, text: str) -> dict[tuple[LetterKind, int], float]:
        cats = self.kinds_nlp(letter_text(text)).cats
        return {
            (kind, stage): cats.get(kind_label(kind, stage), 0.0) for kind, stage in KIND_STAGES
        }

    def blend_kind(self, doc: Doc, cue_probabilities: dict) -> dict:
        return blend(
            cue_probabilities,
            self.kind_probabilities(doc.text),
            self.kind_weight,
            self.stage_weight,
        )


def blend(cues: dict, model: dict, kind_weight: float, stage_weight: float) -> dict:
    """Kind and stage probabilities from the cues and the model, each blended with its own
    weight (the model may be better at kinds than at stages) and multiplied back."""

    def marginal(probabilities: dict, position: int) -> dict:
        totals: dict = {}
        for pair, p in probabilities.items():
            totals[pair[position]] = totals.get(pair[position], 0.0) + p
        return totals

    kinds = {
        k: (1 - kind_weight) * p + kind_weight * marginal(model, 0)[k]
        for k, p in marginal(cues, 0).items()
    }
    stages = {
        s: (1 - stage_weight) * p + stage_weight * marginal(model, 1)[s]
        for s, p in marginal(cues, 1).items()
    }
    return {(k, s): kinds[k] * stages[s] for k, s in cues}


def normalise(text: str) -> str:
    """What the classifiers read: lower case, digits masked (dates, amounts and
    phone numbers vary from letter to letter; their shape is what counts), whitespace
    flattened."""
    return " ".join(_DIGIT.sub("0", text.lower()).split())


def sentence_text(sentence: Span) -> str:
    return normalise(sentence.text)


def letter_text(text: str) -> str:
    return normalise(text)


@lru_cache(maxsize=1)
def load_classifier(folder: Path = MODEL_DIR) -> Classifier | None:
    """The shipped model, or None (said once on stderr) when it is missing or broken."""
    if not (folder / "thresholds.json").exists():
        print(
            f"lettercheck: no trained classifier in {folder}; checking with patterns only "
            "(build it with `lettercheck train corpus corpus/extra`)",
            file=sys.stderr,
        )
        return None
    try:
        return Classifier(folder)
    except (OSError, ValueError, KeyError) as error:
        print(
            f"lettercheck: the classifier in {folder} cannot be loaded ({error}); "
            "checking with patterns only",
            file=sys.stderr,
        )
        return None
