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
# "If you are not happy you must tell us why": a negator just before one of these
# negates the resident's satisfaction, not what follows it.
SATISFACTION = frozenset({"happy", "satisfied", "content", "pleased", "sure"})

# "you said", "your email described", "the word you used", "you asked whether"
REPORTING = frozenset(
    {
        "said", "say", "says", "saying", "described", "describe", "describes", "called",
        "used", "word", "words", "wrote", "mentioned", "asked", "felt", "feel", "feeling",
        "feels", "believe", "believed", "suggested", "accused", "think", "thought",
        "referred", "told", "claimed", "claims", "term", "phrase", "worried", "feared",
        "asks", "queried", "queries", "wondered", "stated", "states", "alleged", "alleges",
        "complained", "requested", "writes",
    }
)  # fmt: skip
RESIDENT = frozenset({"you", "your", "yourself"})
CONDITIONS = frozenset({"if", "unless", "whether", "when", "should"})
QUOTED = re.compile(r"[“\"]([^”\"]{1,300})[”\"]|(?<![\w])[‘']([^’']{1,300}?)[’'](?![\w])")


def negated(span: Span) -> bool:
    """A negation word in the few words before `span`, within its clause (not one that
    negates the resident's satisfaction, "if you're not happy you need to ...": letters
    often leave out the comma that would end that clause)."""
    sentence = span.sent
    if span[0].norm_ in CLAUSE_BREAKS:
        return False  # the match opens its own clause ("... unless you explain why")
    start = max(sentence.start, span.start - NEGATION_WINDOW)
    for token in reversed(span.doc[start : span.start]):
        if token.norm_ in CLAUSE_BREAKS or token.is_space:
            return False
        follower = token.nbor(1) if token.i + 1 < span.start else None
        if token.norm_ in NEGATORS and not (follower and follower.norm_ in SATISFACTION):
            return True
    return False


def in_quotes(span: Span) -> bool:
    sentence = span.sent
    offset = span.start_char - sentence.start_char
    return any(match.start() <= offset < match.end() for match in QUOTED.finditer(sentence.text))


def reported_from_resident(span: Span) -> bool:
    """The resident's word, not the landlord's: reported before the word ("you said you
    felt ...", not a condition such as "if you still feel ..."), or quoted in a sentence
    that reports what the resident said."""
    sentence = span.sent
    before = span.doc[sentence.start : span.start]
    norms = [token.norm_ for token in before]
    for index, norm in enumerate(norms):
        conditional = any(n in CONDITIONS for n in norms[max(0, index - 2) : index])
        reporting = any(n in REPORTING for n in norms[index + 1 : index + 5])
        if norm in RESIDENT and not conditional and reporting:
            return True
    if in_quotes(span):
        sentence_norms = {token.norm_ for token in sentence}
        return bool(sentence_norms & RESIDENT) and bool(sentence_norms & REPORTING)
    return False
