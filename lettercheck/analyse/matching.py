"""One spaCy Matcher (and PhraseMatcher) for every cue of every element and rule, run
once per letter; hits are kept per label and sentence."""

from collections import defaultdict

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from lettercheck.analyse.cues import compile_cue


class CueMatcher:
    """Labels map to cue lists; `find` gives, per label, the spans found in the letter,
    each inside one sentence."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        self._matcher = Matcher(nlp.vocab)
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")

    def add_cues(self, label: str, cues: list[str], sets: dict[str, list[str]]) -> None:
        patterns = [pattern for cue in cues for pattern in compile_cue(cue, sets)]
        if patterns:
            self._matcher.add(label, patterns)

    def add_phrases(self, label: str, phrases: list[str]) -> None:
        if phrases:
            self._phrases.add(label, [self._nlp.make_doc(phrase) for phrase in phrases])

    def find(self, doc: Doc) -> dict[str, list[Span]]:
        found: dict[str, list[Span]] = defaultdict(list)
        seen = set()
        strings = self._nlp.vocab.strings
        for match_id, start, end in list(self._matcher(doc)) + list(self._phrases(doc)):
            span = doc[start:end]
            if span.sent.end < end or (match_id, start) in seen:
                continue
            seen.add((match_id, start))
            found[strings[match_id]].append(span)
        for spans in found.values():
            spans.sort(key=lambda span: (span.start, -span.end))
        return found
