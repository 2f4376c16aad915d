"""One spaCy Matcher (and PhraseMatcher) for every cue of every element and rule, run
once per letter; hits are kept per label and sentence.

A cue's `~N` gap is a `{0,N}` token, which makes spaCy's Matcher try every gap length at
every word of the letter: nearly all of a check's time. So the letter is first searched
with loose patterns, each gap written as `*` (any number of words, still within the
sentence), and only where one of those matches is the cue's exact pattern run, on that
sentence alone. Loose patterns find every place the exact ones do, so the hits are the
same."""

import re
from collections import defaultdict

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from lettercheck.analyse.cues import TokenPattern, compile_cue

_GAP = re.compile(r"^\{0,\d+\}$")


def _loose(pattern: TokenPattern) -> TokenPattern:
    return [
        {**token, "OP": "*"} if "IS_SENT_START" in token and _GAP.match(token["OP"]) else token
        for token in pattern
    ]


class CueMatcher:
    """Labels map to cue lists; `find` gives, per label, the spans found in the letter,
    each inside one sentence."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        # Cues are validated when the catalogue loads (and patterns in the tests); checking
        # every pattern again here only slows the start.
        self._loose = Matcher(nlp.vocab, validate=False)
        self._patterns: dict[str, tuple[str, TokenPattern]] = {}  # key -> (label, exact)
        self._exact: dict[str, Matcher] = {}  # built on a key's first loose hit
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")

    def add_cues(self, label: str, cues: list[str], sets: dict[str, list[str]]) -> None:
        patterns = [pattern for cue in cues for pattern in compile_cue(cue, sets)]
        for pattern in patterns:
            key = f"{label}#{len(self._patterns)}"
            self._loose.add(key, [_loose(pattern)])
            self._patterns[key] = (label, pattern)

    def _exact_matcher(self, key: str) -> Matcher:
        """The exact pattern's own Matcher, made when first needed: most cues never
        match a given letter, so building all of them up front would only slow the
        start of a one-letter check."""
        if key not in self._exact:
            label, pattern = self._patterns[key]
            self._exact[key] = Matcher(self._nlp.vocab, validate=False)
            self._exact[key].add(label, [pattern])
        return self._exact[key]

    def add_phrases(self, label: str, phrases: list[str]) -> None:
        if phrases:
            self._phrases.add(label, [self._nlp.make_doc(phrase) for phrase in phrases])

    def find(self, doc: Doc) -> dict[str, list[Span]]:
        found: dict[str, list[Span]] = defaultdict(list)
        seen = set()
        checked = set()
        strings = self._nlp.vocab.strings
        for key_id, start, end in self._loose(doc):
            key = strings[key_id]
            sentence_end = doc[start].sent.end
            if end > sentence_end or (key, start) in checked:
                continue
            checked.add((key, start))
            for match_id, offset, match_end in self._exact_matcher(key)(doc[start:sentence_end]):
                if offset == 0 and (match_id, start) not in seen:
                    seen.add((match_id, start))
                    found[strings[match_id]].append(doc[start : start + match_end])
        for match_id, start, end in self._phrases(doc):
            span = doc[start:end]
            if span.sent.end < end or (match_id, start) in seen:
                continue
            seen.add((match_id, start))
            found[strings[match_id]].append(span)
        for spans in found.values():
            spans.sort(key=lambda span: (span.start, -span.end))
        return found
