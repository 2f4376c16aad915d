"""Reading one letter: sentences, cue hits, elements, kind and stage, decision, the
letter's date and the Ombudsman details it gives. The wording rules and the lint
result are built on this analysis."""

import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from lettercheck.analyse.classifier import Classifier, load_classifier
from lettercheck.analyse.dates import find_dates
from lettercheck.analyse.matching import CueMatcher
from lettercheck.analyse.ombudsman import Mention, find_mentions
from lettercheck.analyse.pipeline import get_nlp
from lettercheck.analyse.readability import reading_ease, words
from lettercheck.analyse.senses import negated, reported_from_resident
from lettercheck.catalogue import (
    CueGroup,
    ElementCatalogue,
    KindCues,
    OmbudsmanCatalogue,
    WordingRule,
    builtin_wording_rules,
    landlord_rules,
    load_element_catalogue,
    load_kind_cues,
    load_ombudsmen,
)
from lettercheck.document import Document
from lettercheck.letters import ELEMENT_IDS, KIND_STAGES, Decision, LetterKind

SALUTATION = ("dear ", "to whom", "hello", "hi ")
KIND_TEMPERATURE = 2.0
STAGE_TEMPERATURE = 2.0


@dataclass
class ElementFound:
    id: str
    present: bool
    sentence: Span | None = None
    source: str | None = None  # "pattern" or "classifier"


@dataclass
class LetterAnalysis:
    document: Document
    doc: Doc
    hits: dict[str, list[Span]]
    kind: LetterKind
    stage: int
    kind_source: str  # "detected" or "given"
    confidence: float
    decision: Decision | None
    elements: dict[str, ElementFound]
    letter_date: date | None
    mentions: list[Mention]
    words: int
    sentences: int
    reading_ease: float | None

    def spans(self, label: str) -> list[Span]:
        return self.hits.get(label, [])

    def sentence_starts(self, label: str) -> set[int]:
        return {span.sent.start for span in self.hits.get(label, [])}


class Analyser:
    """Everything built from the rule data and the model: made once per process (per
    set of landlord rule files) and reused for every letter."""

    def __init__(self, rules: tuple[WordingRule, ...], use_classifier: bool = True) -> None:
        self.nlp = get_nlp()
        self.elements: ElementCatalogue = load_element_catalogue()
        self.kind_cues: KindCues = load_kind_cues()
        self.ombudsmen: OmbudsmanCatalogue = load_ombudsmen()
        self.rules = rules
        self.matcher = CueMatcher(self.nlp)
        self._add_cues()
        self.classifier: Classifier | None = load_classifier() if use_classifier else None

    def _add_cues(self) -> None:
        add = self.matcher.add_cues
        sets = self.elements.sets
        for element in self.elements.elements:
            add(f"element:{element.id}", element.cues, sets)
            add(f"element:{element.id}:unless", element.unless, sets)
            for index, idea in enumerate(element.ideas):
                add(f"element:{element.id}:idea:{index}", idea, sets)
        for value, cues in self.elements.decisions.items():
            add(f"decision:{value}", cues, sets)
        for kind, groups in self.kind_cues.kinds.items():
            self._add_groups(f"kind:{kind}", groups)
        for stage, groups in self.kind_cues.stages.items():
            self._add_groups(f"stage:{stage}", groups)
        for rule in self.rules:
            add(f"rule:{rule.id}", rule.cues, rule.sets)
            self.matcher.add_phrases(f"rule:{rule.id}", rule.phrases)
            add(f"rule:{rule.id}:context", rule.context, rule.sets)
            for index, idea in enumerate(rule.ideas):
                add(f"rule:{rule.id}:idea:{index}", idea, rule.sets)
            add(f"rule:{rule.id}:unless", rule.unless, rule.sets)
            if rule.timescales:
                for subject, cues in rule.timescales.subjects.items():
                    add(f"timescale:{subject}", cues, rule.sets)
                add("timescale:stage2", rule.timescales.stage2, rule.sets)
                add("timescale:exclude", rule.timescales.exclude, rule.sets)
                add("timescale:original_due", rule.timescales.original_due, rule.sets)
                add("timescale:purpose", rule.timescales.purpose, rule.sets)
            if rule.lateness:
                add("date:received", rule.lateness.received, rule.sets)
                add("date:acknowledged", rule.lateness.acknowledged, rule.sets)
                add("date:extended_to", rule.lateness.extended_to, rule.sets)

    def _add_groups(self, prefix: str, groups: list[CueGroup]) -> None:
        for index, group in enumerate(groups):
            self.matcher.add_cues(f"{prefix}:{index}", group.cues, self.kind_cues.sets)
            self.matcher.add_cues(f"{prefix}:{index}:unless", group.unless, self.kind_cues.sets)

    # -- the analysis -------------------------------------------------------------

    def analyse(
        self, document: Document, kind: LetterKind | None = None, stage: int | None = None
    ) -> LetterAnalysis:
        doc = self.nlp(document.text)
        hits = self.matcher.find(doc)
        sentences = [sentence for sentence in doc.sents if sentence.text.strip()]
        scores = self.classifier.score_sentences(sentences) if self.classifier else {}
        found = {element_id: self._pattern_element(element_id, hits) for element_id in ELEMENT_IDS}
        for element_id, result in found.items():
            if not result.present and self.classifier:
                found[element_id] = self._classifier_element(element_id, sentences, scores, hits)
        mentions = find_mentions(document.text, self.ombudsmen)
        contact = [
            m
            for m in mentions
            if m.channel in {"phone", "website", "complaint_form", "email", "post"}
        ]
        if contact:
            first = doc.char_span(contact[0].start, contact[0].end, alignment_mode="expand")
            found["ombudsman-contact"] = ElementFound(
                "ombudsman-contact", True, first.sent if first is not None else None, "pattern"
            )
        else:
            found["ombudsman-contact"] = ElementFound("ombudsman-contact", False)
        given = kind is not None or stage is not None
        if kind is not None and stage is not None:
            confidence = 1.0
        else:
            probabilities = {
                pair: p
                for pair, p in self._kind_stage(doc, hits, found).items()
                if kind in (None, pair[0]) and stage in (None, pair[1])
            }
            total = sum(probabilities.values())
            (kind, stage), best = max(probabilities.items(), key=lambda item: item[1])
            confidence = best / total if total else 0.0
        kind = LetterKind(kind)
        for element in self.elements.elements:
            if kind not in element.kinds or stage not in element.stages:
                found[element.id] = ElementFound(element.id, False)
        decision = self._decision(hits, found) if kind is LetterKind.RESPONSE else None
        word_list = words(document.text)
        return LetterAnalysis(
            document=document,
            doc=doc,
            hits=hits,
            kind=kind,
            stage=int(stage),
            kind_source="given" if given else "detected",
            confidence=round(confidence, 2),
            decision=decision,
            elements=found,
            letter_date=letter_date(document),
            mentions=mentions,
            words=len(word_list),
            sentences=len(sentences),
            reading_ease=reading_ease(word_list, len(sentences)),
        )

    def _pattern_element(self, element_id: str, hits: dict[str, list[Span]]) -> ElementFound:
        element = next(e for e in self.elements.elements if e.id == element_id)
        excluded = {span.sent.start for span in hits.get(f"element:{element_id}:unless", [])}
        spans = hits.get(f"element:{element_id}", [])
        spans = spans + sentences_saying_every_idea(hits, f"element:{element_id}", element.ideas)
        candidates = [
            span.sent
            for span in spans
            if span.sent.start not in excluded
            and not (element.guards.negation and negated(span))
            and not (element.guards.quotation and reported_from_resident(span))
        ]
        if not candidates:
            return ElementFound(element_id, False)
        return ElementFound(element_id, True, _best_evidence(candidates), "pattern")

    def _classifier_element(
        self,
        element_id: str,
        sentences: list[Span],
        scores: dict[int, dict[str, float]],
        hits: dict[str, list[Span]],
    ) -> ElementFound:
        """The classifier's best sentence for the element, if it scores over the tuned
        threshold; sentences the element's `unless` cues rule out are not considered."""
        assert self.classifier is not None
        threshold = self.classifier.thresholds.get(element_id)
        if threshold is None:
            return ElementFound(element_id, False)
        excluded = {span.sent.start for span in hits.get(f"element:{element_id}:unless", [])}
        allowed = [s for s in sentences if s.start not in excluded]
        best = max(
            allowed, key=lambda s: scores.get(s.start, {}).get(element_id, 0.0), default=None
        )
        if best is not None and scores.get(best.start, {}).get(element_id, 0.0) >= threshold:
            return ElementFound(element_id, True, best, "classifier")
        return ElementFound(element_id, False)

    def _group_score(
        self, prefix: str, groups: list[CueGroup], hits: dict[str, list[Span]]
    ) -> float:
        score = 0.0
        for index, group in enumerate(groups):
            excluded = {span.sent.start for span in hits.get(f"{prefix}:{index}:unless", [])}
            sentences = {span.sent.start for span in hits.get(f"{prefix}:{index}", [])}
            count = len(sentences - excluded)
            if count:
                score += group.weight * (1 + 0.5 * min(count - 1, 2))
        return score

    def _kind_stage(
        self, doc: Doc, hits: dict[str, list[Span]], found: dict[str, ElementFound]
    ) -> dict[tuple[LetterKind, int], float]:
        """The probability of each kind and stage, from cues (and the model if loaded)."""
        kind_scores = {
            kind: self._group_score(f"kind:{kind}", self.kind_cues.kinds.get(kind, []), hits)
            for kind in LetterKind
        }
        for element_id, weights in self.kind_cues.elements.items():
            if found[element_id].present:
                for kind, weight in weights.items():
                    kind_scores[kind] += weight
        stage_scores = {
            stage: self._group_score(f"stage:{stage}", self.kind_cues.stages.get(stage, []), hits)
            for stage in (1, 2)
        }
        probabilities = _softmax(
            {
                (kind, stage): kind_scores[kind] / KIND_TEMPERATURE
                + stage_scores[stage] / STAGE_TEMPERATURE
                for kind, stage in KIND_STAGES
            }
        )
        if self.classifier:
            probabilities = self.classifier.blend_kind(doc, probabilities)
        return probabilities

    def _decision(
        self, hits: dict[str, list[Span]], found: dict[str, ElementFound]
    ) -> Decision | None:
        """The decision value: the first of partly / not / upheld whose cues fire, in the
        sentences that state the decision where those are known."""
        evidence = found["decision"]
        if not evidence.present:
            return None
        for value in self.elements.decisions:
            if hits.get(f"decision:{value}"):
                return Decision(value)
        return None


def sentences_saying_every_idea(
    hits: dict[str, list[Span]], label: str, ideas: list[list[str]]
) -> list[Span]:
    """The sentences with a hit for each of `ideas` (matched as `label:idea:N`), each
    as the first idea's first hit there, where the negation and quotation guards look."""
    if not ideas:
        return []
    first: dict[int, Span] = {}
    for span in hits.get(f"{label}:idea:0", []):
        first.setdefault(span.sent.start, span)
    starts = set(first)
    for index in range(1, len(ideas)):
        starts &= {span.sent.start for span in hits.get(f"{label}:idea:{index}", [])}
    return [first[start] for start in sorted(starts)]


def _is_heading(sentence: Span) -> bool:
    """A short line without a full stop: a heading, which announces an element rather
    than showing it."""
    text = sentence.text.strip()
    return len(text.split()) < 8 and not text.endswith((".", "?", "!", ":"))


def _best_evidence(sentences: list[Span]) -> Span:
    """The first sentence that says the element, preferring prose to headings."""
    return next((s for s in sentences if not _is_heading(s)), sentences[0])


def _softmax(scores: dict) -> dict:
    top = max(scores.values())
    exps = {key: math.exp(value - top) for key, value in scores.items()}
    total = sum(exps.values())
    return {key: value / total for key, value in exps.items()}


def letter_date(document: Document) -> date | None:
    """The date the letter is dated: a line that is (nearly) only a date, before the
    salutation; failing that, the first date before the salutation."""
    first_in_heading = None
    # line by line: an address block or an email's header lines may be one paragraph
    lines = [line.strip() for block in document.blocks[:25] for line in block.text.splitlines()]
    for text in lines:
        if text.lower().startswith(SALUTATION):
            break
        mentions = [m for m in find_dates(text) if m.value is not None and m.has_year]
        if not mentions:
            continue
        rest = (text[: mentions[0].start] + text[mentions[0].end :]).strip(" :,.-\t")
        if len(rest) <= 14:
            return mentions[0].value
        if first_in_heading is None and len(text) < 80:
            first_in_heading = mentions[0].value
    return first_in_heading


@lru_cache(maxsize=8)
def get_analyser(rule_files: tuple[Path, ...] = (), use_classifier: bool = True) -> Analyser:
    """The process's analyser for these landlord rule files (built once, reused)."""
    return Analyser(builtin_wording_rules() + landlord_rules(rule_files), use_classifier)
