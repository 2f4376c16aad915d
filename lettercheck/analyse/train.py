"""Building the shipped classifier from the corpus:
`lettercheck train corpus corpus/extra --seed 2024`.

Each corpus folder named contributes its train split (and its dev split to tuning):
the main corpus and `corpus/extra` (more writers, all train); never `corpus/unseen`.
Two small spaCy text classifiers (bag of words and bigrams, hashed, no vectors):
- elements: each sentence of each train-split letter, labelled with the elements whose
  annotated quotes it overlaps (multi-label);
- kinds: each train-split letter, labelled with its kind and stage (one of eight).
Then, on the dev split, each element gets the score threshold at which the
classifier best adds to the cues (or none, if it does not help); the kind classifier
gets its weights against the kind cues on the dev letters and on the train letters
scored out of fold (every writer's style, not only the dev split's). Nothing from the
test split is read.
The result is written to lettercheck/models/classifier (via a temporary folder, then
renamed) with a README recording the command, seed, data, size and training time.
"""

import json
import random
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from lettercheck.analyse.classifier import (
    ELEMENTS_PIPE,
    KINDS_PIPE,
    MODEL_DIR,
    Classifier,
    blend,
    kind_label,
    letter_text,
    sentence_text,
)
from lettercheck.analyse.letter import Analyser, get_analyser
from lettercheck.corpus.schema import CorpusLetter
from lettercheck.corpus.store import load_corpus
from lettercheck.document import Document
from lettercheck.letters import ELEMENT_IDS, KIND_STAGES

ELEMENT_HASH_BUCKETS = 2**15
KIND_HASH_BUCKETS = 2**14
EPOCHS = 12
DROPOUT = 0.2
THRESHOLDS = [round(0.05 * step, 2) for step in range(4, 20)]
KIND_WEIGHTS = [round(0.1 * step, 1) for step in range(11)]
KIND_FOLDS = 2


@dataclass
class TrainReport:
    seed: int
    train_letters: int
    train_sentences: int
    dev_letters: int
    seconds: float
    size_bytes: int
    thresholds: dict[str, float | None]
    kind_weight: float
    stage_weight: float
    tuning_kind_accuracy: float
    folder: Path


def _document(letter: CorpusLetter) -> Document:
    from lettercheck.evaluate import _document as read

    return read(letter)


def _quote_spans(text: str, quotes: list[str]) -> list[tuple[int, int]]:
    spans = []
    for quote in quotes:
        start = text.find(quote)
        if start < 0:
            start = text.find(quote.strip())
        if start >= 0:
            spans.append((start, start + len(quote)))
    return spans


def sentence_examples(letters: list[CorpusLetter], analyser: Analyser) -> list[tuple[str, dict]]:
    """(normalised sentence, {element: 1.0 or 0.0}) for every sentence of the letters."""
    examples = []
    for letter in letters:
        document = _document(letter)
        doc = analyser.nlp(document.text)
        quotes = {e: _quote_spans(document.text, q) for e, q in letter.annotation.elements.items()}
        for sentence in doc.sents:
            if not sentence.text.strip():
                continue
            start, end = sentence.start_char, sentence.end_char
            cats = {element_id: 0.0 for element_id in ELEMENT_IDS}
            for element_id, spans in quotes.items():
                if any(s < end and start < e for s, e in spans):
                    cats[element_id] = 1.0
            examples.append((sentence_text(sentence), cats))
    return examples


def _bow(exclusive: bool, length: int) -> dict:
    return {
        "model": {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": exclusive,
            "ngram_size": 2,
            "no_output_layer": False,
            "length": length,
        }
    }


def _fit(nlp, data: list[tuple[str, dict]], seed: int) -> None:
    examples = [Example.from_dict(nlp.make_doc(text), {"cats": cats}) for text, cats in data]
    optimizer = nlp.initialize(lambda: examples)
    shuffler = random.Random(seed)
    for _ in range(EPOCHS):
        shuffler.shuffle(examples)
        for batch in minibatch(examples, size=32):
            nlp.update(batch, drop=DROPOUT, sgd=optimizer)


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def tune_thresholds(
    letters: list[CorpusLetter], analyser: Analyser, classifier: Classifier
) -> dict[str, float | None]:
    """Per element, the classifier threshold that best adds to the cues on `letters`
    (kind and stage given), or None where the cues alone do as well."""
    rows = []  # (element, expected, found by cues, best classifier score)
    for letter in letters:
        annotation = letter.annotation
        analysis = analyser.analyse(_document(letter), annotation.kind, annotation.stage)
        sentences = [s for s in analysis.doc.sents if s.text.strip()]
        scores = classifier.score_sentences(sentences)
        in_scope = {
            e.id
            for e in analyser.elements.elements
            if annotation.kind in e.kinds and annotation.stage in e.stages
        }
        for element_id in ELEMENT_IDS:
            best = max((scores[s.start][element_id] for s in sentences), default=0.0)
            rows.append(
                (
                    element_id,
                    element_id in annotation.elements,
                    analysis.elements[element_id].present,
                    best if element_id in in_scope else 0.0,
                )
            )
    thresholds: dict[str, float | None] = {}
    for element_id in ELEMENT_IDS:
        mine = [(expected, cue, score) for e, expected, cue, score in rows if e == element_id]

        def f1_at(threshold: float | None, mine=mine) -> float:
            tp = fp = fn = 0
            for expected, cue, score in mine:
                found = cue or (threshold is not None and score >= threshold)
                tp += found and expected
                fp += found and not expected
                fn += expected and not found
            return _f1(tp, fp, fn)

        best_threshold, best_f1 = None, f1_at(None)
        for threshold in THRESHOLDS:
            if f1_at(threshold) > best_f1 + 1e-9:
                best_threshold, best_f1 = threshold, f1_at(threshold)
        thresholds[element_id] = best_threshold
    return thresholds


KindPair = tuple[tuple, dict, dict]  # (true kind and stage, cue probabilities, model's)


def kind_pairs(letters: list[CorpusLetter], analyser: Analyser, probabilities) -> list[KindPair]:
    """For each letter: its true kind and stage, what the cues say and what the kind
    model says (`probabilities(text)`)."""
    pairs = []
    for letter in letters:
        analysis = analyser.analyse(_document(letter))
        cues = analyser._kind_stage(analysis.doc, analysis.hits, analysis.elements)
        truth = (letter.annotation.kind, letter.annotation.stage)
        pairs.append((truth, cues, probabilities(analysis.document.text)))
    return pairs


def tune_kind_weight(pairs: list[KindPair]) -> tuple[float, float, float]:
    """The weights of the kind classifier against the kind cues, for kind and for stage,
    that detect kind and stage best on `pairs`. Returns (kind weight, stage weight,
    accuracy)."""

    def accuracy(weights: tuple[float, float]) -> float:
        right = 0
        for truth, cues, model in pairs:
            blended = blend(cues, model, *weights)
            right += max(blended, key=blended.get) == truth
        return right / len(pairs) if pairs else 0.0

    grid = [(k, s) for k in KIND_WEIGHTS for s in KIND_WEIGHTS]
    scores = {weights: accuracy(weights) for weights in grid}
    # One letter either way is noise: among the weights within one letter of the best,
    # take the blend nearest even.
    margin = 1 / len(pairs) if pairs else 0.0
    top = max(scores.values())
    near = [w for w in grid if scores[w] >= top - margin - 1e-9]
    best = min(near, key=lambda w: (abs(w[0] - 0.5) + abs(w[1] - 0.5), -scores[w]))
    return best[0], best[1], scores[best]


def _kind_examples(letters: list[CorpusLetter]) -> list[tuple[str, dict]]:
    labels = [kind_label(kind, stage) for kind, stage in KIND_STAGES]
    examples = []
    for letter in letters:
        truth = kind_label(letter.annotation.kind, letter.annotation.stage)
        cats = {label: float(label == truth) for label in labels}
        examples.append((letter_text(_document(letter).text), cats))
    return examples


def _kind_model(letters: list[CorpusLetter], seed: int):
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config=_bow(True, KIND_HASH_BUCKETS))
    for kind, stage in KIND_STAGES:
        textcat.add_label(kind_label(kind, stage))
    _fit(nlp, _kind_examples(letters), seed)
    return nlp


def out_of_fold_kind_pairs(
    letters: list[CorpusLetter], analyser: Analyser, seed: int
) -> list[KindPair]:
    """Kind pairs for the train letters themselves, each scored by a kind model trained
    without it (two folds): how the model does on letters it has not seen, in all the
    train letters' styles, which the dev split alone (one set of writers) cannot show."""
    order = list(range(len(letters)))
    random.Random(seed).shuffle(order)
    pairs = []
    for fold in range(KIND_FOLDS):
        held = {index for position, index in enumerate(order) if position % KIND_FOLDS == fold}
        model = _kind_model([x for i, x in enumerate(letters) if i not in held], seed)

        def probabilities(text: str, model=model) -> dict:
            cats = model(letter_text(text)).cats
            return {(k, s): cats.get(kind_label(k, s), 0.0) for k, s in KIND_STAGES}

        pairs += kind_pairs([letters[i] for i in sorted(held)], analyser, probabilities)
    return pairs


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def train(corpora: list[Path], seed: int = 2024, out: Path = MODEL_DIR) -> TrainReport:
    started = time.perf_counter()
    fix_random_seed(seed)
    analyser = get_analyser((), use_classifier=False)
    train_letters = [x for corpus in corpora for x in load_corpus(corpus, split="train")]
    dev_letters = [x for corpus in corpora for x in load_corpus(corpus, split="dev")]
    if not train_letters:
        raise ValueError(f"{', '.join(map(str, corpora))}: no letters in the train split")
    sentences = sentence_examples(train_letters, analyser)

    elements_nlp = spacy.blank("en")
    textcat = elements_nlp.add_pipe("textcat_multilabel", config=_bow(False, ELEMENT_HASH_BUCKETS))
    for element_id in ELEMENT_IDS:
        textcat.add_label(element_id)
    _fit(elements_nlp, sentences, seed)

    kinds_nlp = _kind_model(train_letters, seed)

    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".classifier-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the model is shipped to everyone
    elements_nlp.to_disk(staging / ELEMENTS_PIPE)
    kinds_nlp.to_disk(staging / KINDS_PIPE)
    (staging / "thresholds.json").write_text(json.dumps({"elements": {}, "kind_weight": 0.0}))
    classifier = Classifier(staging)
    thresholds = tune_thresholds(dev_letters, analyser, classifier)
    classifier.thresholds = thresholds
    kind_weight, stage_weight, kind_accuracy = tune_kind_weight(
        kind_pairs(dev_letters, analyser, classifier.kind_probabilities)
        + out_of_fold_kind_pairs(train_letters, analyser, seed)
    )
    settings = {
        "elements": thresholds,
        "kind_weight": kind_weight,
        "stage_weight": stage_weight,
        "seed": seed,
    }
    (staging / "thresholds.json").write_text(json.dumps(settings, indent=2) + "\n")
    seconds = time.perf_counter() - started
    report = TrainReport(
        seed=seed,
        train_letters=len(train_letters),
        train_sentences=len(sentences),
        dev_letters=len(dev_letters),
        seconds=round(seconds, 1),
        size_bytes=_size(staging),
        thresholds=thresholds,
        kind_weight=kind_weight,
        stage_weight=stage_weight,
        tuning_kind_accuracy=round(kind_accuracy, 3),
        folder=out,
    )
    record = {
        "command": f"lettercheck train {' '.join(map(str, corpora))} --seed {seed}",
        "trained": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seed": seed,
        "train_letters": report.train_letters,
        "train_sentences": report.train_sentences,
        "dev_letters": report.dev_letters,
        "epochs": EPOCHS,
        "seconds": report.seconds,
        "size_bytes": report.size_bytes,
        "kind_weight": kind_weight,
        "stage_weight": stage_weight,
        "tuning_kind_accuracy": report.tuning_kind_accuracy,
        "thresholds": thresholds,
    }
    (staging / "training.json").write_text(json.dumps(record, indent=2) + "\n")
    old = out.with_name(out.name + ".old")
    if out.exists():
        if old.exists():
            shutil.rmtree(old)
        out.rename(old)
    staging.rename(out)
    if old.exists():
        shutil.rmtree(old)
    _write_readme(out, record)
    return report


def _write_readme(out: Path, record: dict) -> None:
    """lettercheck/models/README.md: how the shipped model was made, from its record."""
    enabled = ", ".join(f"{k} ({v})" for k, v in record["thresholds"].items() if v is not None)
    text = f"""# The shipped classifier

`{out.name}/` is what this command produced, and what the linter loads:

    {record["command"]}

- seed {record["seed"]}; trained {record["trained"]} in {record["seconds"]} s (CPU)
- data: {record["train_letters"]} letters of the corpus's train splits
  ({record["train_sentences"]} sentences); thresholds tuned on {record["dev_letters"]} dev
  letters, the kind weights on those and the train letters out of fold; the test split
  is never read
- size on disk: {record["size_bytes"] / 1e6:.2f} MB
- models: two spaCy `TextCatBOW.v3` classifiers (words and bigrams, hashed, no
  vectors, {EPOCHS} epochs): `{ELEMENTS_PIPE}/` scores each sentence for each element,
  `{KINDS_PIPE}/` scores the whole letter for kind and stage
- elements the classifier adds to the cues for (dev-tuned threshold): {enabled or "none"}
- kind classifier weight against the kind cues: {record["kind_weight"]} for the kind,
  {record["stage_weight"]} for the stage
  (kind+stage accuracy {record["tuning_kind_accuracy"]} on the dev letters and, out of
  fold, the train letters)

The full record is `{out.name}/training.json`; `{out.name}/thresholds.json` holds what
the linter reads. Without this folder the linter checks with the rule patterns alone
and says so once on stderr. See lettercheck/analyse/train.py.
"""
    atomic = out.parent / ".README.md.tmp"
    atomic.write_text(text, encoding="utf-8")
    atomic.replace(out.parent / "README.md")
