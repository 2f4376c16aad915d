"""The spaCy pipeline, built once per process: a blank English tokenizer (no
downloaded model), sentences split at punctuation and at line breaks (addresses,
headings, table rows and list items are sentences of their own), and token marks for
dates and money that the cue language refers to as #date and #money."""

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from lettercheck.analyse.dates import DATE_RE

MONEY_RE = re.compile(r"£\s?\d[\d,]*(?:\.\d\d)?|\b\d[\d,]*(?:\.\d\d)?\s?(?:pounds|GBP)\b", re.I)

if not Token.has_extension("date_part"):
    Token.set_extension("date_part", default=False)
if not Token.has_extension("money_part"):
    Token.set_extension("money_part", default=False)


@Language.component("letter_lines")
def letter_lines(doc: Doc) -> Doc:
    """A line break ends a sentence: letters are full of lines without full stops."""
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def _mark(doc: Doc, pattern: re.Pattern, attribute: str) -> None:
    for match in pattern.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            for token in span:
                token._.set(attribute, True)


@Language.component("letter_marks")
def letter_marks(doc: Doc) -> Doc:
    _mark(doc, DATE_RE, "date_part")
    _mark(doc, MONEY_RE, "money_part")
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The one pipeline of this process (building it costs a little; reuse it)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("letter_lines")
    nlp.add_pipe("letter_marks")
    return nlp
