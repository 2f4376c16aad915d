"""When words that match a rule do not mean what the rule is about: a negation just
before them ("there is no third stage", "you do not have to give reasons") or the
resident's own words reported back ("you said you felt you were treated as
'vexatious'")."""

import re

from spacy.tokens import Span

NEGATORS = frozenset(
    {"not", "no", "never", "nothing", "none", "neither", "nor", "without", "cannot", "nobody"}
)
# A negation does not reach across these: "you did not reply, so we treat it as..."
CLAUSE_BREAKS = frozenset(
    {
        ",",
        ";",
        ":",
        ".",
        "(",
        ")",
        "but",
        "however",
        "although",
        "though",
        "which",
        "who",
        "because",
        "so",
        "and",
        "if",
        "unless",
        "until",
        "when",
        "while",
        "whereas",
        "–",
        "-",
        "—",
    }
)
NEGATION_WINDOW = 8

# "you said", "your email described", "the word you used", "you asked whether"
REPORTING = frozenset(
    {
        "said", "say", "says", "saying", "described", "describe", "describes", "called",
        "used", "word", "words", "wrote", "mentioned", "asked", "felt", "feel", "feeling",
        "feels", "believe", "believed", "suggested", "accused", "think", "thought",
        "referred", "told", "claimed", "claims", "term", "phrase", "worried", "feared",
    }
)  # fmt: skip
RESIDENT = frozenset({"you", "your", "yourself"})
QUOTED = re.compile(r"[“\"]([^”\"]{1,300})[”\"]|(?<![\w])[‘']([^’']{1,300}?)[’'](?![\w])")


def negated(span: Span) -> bool:
    """A negation word in the few words before `span`, within its clause."""
    sentence = span.sent
    if span[0].norm_ in CLAUSE_BREAKS:
        return False  # the match opens its own clause ("... unless you explain why")
    for token in reversed(span.doc[max(sentence.start, span.start - NEGATION_WINDOW) : span.start]):
        if token.norm_ in CLAUSE_BREAKS or token.is_space:
            return False
        if token.norm_ in NEGATORS:
            return True
    return False


def in_quotes(span: Span) -> bool:
    sentence = span.sent
    offset = span.start_char - sentence.start_char
    return any(match.start() <= offset < match.end() for match in QUOTED.finditer(sentence.text))


def reported_from_resident(span: Span) -> bool:
    """The resident's word, not the landlord's: quoted in a sentence about what the
    resident said or felt, or reported ("you said you felt ...") before the word."""
    sentence = span.sent
    before = span.doc[sentence.start : span.start]
    norms = [token.norm_ for token in before]
    for index, norm in enumerate(norms):
        if norm in RESIDENT and any(n in REPORTING for n in norms[index + 1 : index + 5]):
            return True
    if in_quotes(span):
        return any(token.norm_ in RESIDENT for token in sentence)
    return False
