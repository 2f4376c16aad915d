"""The cue language rule files use to say what a sentence must contain.

A cue is a short line of space-separated terms that compiles to one spaCy Matcher
pattern, so a compliance officer can write `we ~2 apologis*|apologiz*|sorry` instead of
a list of token dictionaries. Terms:

- `word`            the word itself (case-insensitive; "n't" is written `not`, "can't"
                    is `can not`)
- `a|b|c`           any of these words
- `pre*`            any word starting with `pre` (alternatives may mix: `apolog*|sorry`)
- `*ed`             any word ending in `ed` (at least two letters before it)
- `@name`           any word of the named set in the file's `sets:`
- `term?`           the term is optional
- `~N`              up to N other words, within the same sentence
- `(a b / c / d e)`  any of these word sequences (a group; `(...)?` is optional)
- `#num`            a number ("10", "ten", "1,000")
- `#date`           a date ("14 March 2025", "14/03/2025", "Friday 14th March")
- `#money`          an amount of money ("£150", "£1,200.50")

Compiling is pure Python, so the catalogue can reject a bad cue (naming the file and
field) without loading spaCy.
"""

import re
from typing import Any

TokenPattern = list[dict[str, Any]]

_WORD = re.compile(r"^(?:\*[^\s|?~#@*]+|[^\s|?~#@*]+\*?)$")
_MAX_GAP = 12


class CueError(ValueError):
    """A cue that cannot be compiled; the message says which term is wrong."""


def _alternatives(term: str, sets: dict[str, list[str]]) -> list[str]:
    words: list[str] = []
    for alternative in term.split("|"):
        if alternative.startswith("@"):
            name = alternative[1:]
            if name not in sets:
                raise CueError(f"unknown word set @{name}")
            words += [word.lower() for word in sets[name]]
        elif _WORD.match(alternative):
            words.append(alternative.lower())
        else:
            raise CueError(f"bad term {alternative!r}")
    return words


def _word_spec(words: list[str]) -> dict[str, Any]:
    """Plain words compare on NORM (so "n't" is "not"); prefixes and symbols by regex."""
    if all(word.isalpha() or word in {"'s", "not"} for word in words):
        return {"NORM": words[0]} if len(words) == 1 else {"NORM": {"IN": sorted(set(words))}}
    parts = []
    for word in words:
        if word.startswith("*") and len(word) > 1:
            parts.append(r"\S{2,}" + re.escape(word[1:]).replace("'", "['’]"))
        elif word.endswith("*"):
            parts.append(re.escape(word[:-1]).replace("'", "['’]") + r"\S*")
        else:
            parts.append(re.escape(word).replace("'", "['’]"))
    return {"LOWER": {"REGEX": "^(?:" + "|".join(parts) + ")$"}}


_CLASSES: dict[str, dict[str, Any]] = {
    "#num": {"LIKE_NUM": True},
    "#date": {"_": {"date_part": True}, "OP": "+"},
    "#money": {"_": {"money_part": True}, "OP": "+"},
}


def _term_specs(body: str, sets: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The token specs one term can match: one for its words, one per class named."""
    classes = [part for part in body.split("|") if part.startswith("#")]
    words = [part for part in body.split("|") if not part.startswith("#")]
    for name in classes:
        if name not in _CLASSES:
            raise CueError(f"unknown class {name!r} (known: {', '.join(_CLASSES)})")
    specs = [dict(_CLASSES[name]) for name in classes]
    if words:
        specs.append(_word_spec(_alternatives("|".join(words), sets)))
    return specs


def _split_terms(cue: str) -> list[str | list[list[str]]]:
    """Terms of a cue; a parenthesised group becomes its alternative term sequences
    (the optional mark of `(...)?` is kept as an empty alternative)."""
    terms: list[str | list[list[str]]] = []
    rest = cue.strip()
    while rest:
        if rest.startswith("("):
            close = rest.find(")")
            if close < 0:
                raise CueError("unclosed '('")
            inner, rest = rest[1:close], rest[close + 1 :]
            alternatives = [part.split() for part in inner.split(" / ")]
            if any(not alternative for alternative in alternatives) or "(" in inner:
                raise CueError(f"bad group ({inner})")
            if rest.startswith("?"):
                alternatives.append([])
                rest = rest[1:]
            if rest and not rest[0].isspace():
                raise CueError(f"a group must be followed by a space: ({inner}){rest.split()[0]}")
            terms.append(alternatives)
        else:
            term, _, rest = rest.partition(" ")
            if ")" in term or "(" in term:
                raise CueError(f"bad term {term!r}")
            terms.append(term)
        rest = rest.strip()
    return terms


def _merge_single_words(terms: list[str | list[list[str]]]) -> list[str | list[list[str]]]:
    """Terms with each group of one-word alternatives, `(a / b / c)`, written as the one
    term `a|b|c` (`(a / b)?` as `a|b?`): it matches the same words with one token spec
    instead of one pattern per alternative, which is what keeps the Matcher fast.
    Groups holding gaps, optional terms or classes (`#date` is one or more tokens, which
    `?` would turn into at most one) stay groups."""
    merged: list[str | list[list[str]]] = []
    for term in terms:
        words = [alternative for alternative in term if alternative]
        if isinstance(term, str) or any(
            len(alternative) != 1 or alternative[0][0] in "~#" or alternative[0].endswith("?")
            for alternative in words
        ):
            merged.append(term)
        else:
            optional = "?" if len(words) < len(term) else ""
            merged.append("|".join(alternative[0] for alternative in words) + optional)
    return merged


def _sequences(terms: list[str | list[list[str]]]) -> list[list[str]]:
    sequences: list[list[str]] = [[]]
    for term in terms:
        if isinstance(term, str):
            sequences = [sequence + [term] for sequence in sequences]
        else:
            sequences = [sequence + alternative for sequence in sequences for alternative in term]
        if len(sequences) > 64:
            raise CueError("too many alternatives")
    return sequences


def compile_cue(cue: str, sets: dict[str, list[str]] | None = None) -> list[TokenPattern]:
    """One cue line as spaCy Matcher token patterns (more than one when the cue has a
    group, or a term mixes classes such as #num with words: one token spec cannot say
    "or")."""
    sets = sets or {}
    if not cue.split():
        raise CueError("empty cue")
    terms = _split_terms(cue)
    # Checked on every alternative spelled out, so what is an error does not depend on
    # which groups merge.
    patterns = _compile_terms(terms, sets)
    if len(patterns) > 128:
        raise CueError("too many alternatives")
    merged = _merge_single_words(terms)
    return patterns if merged == terms else _compile_terms(merged, sets)


def _compile_terms(
    terms: list[str | list[list[str]]], sets: dict[str, list[str]]
) -> list[TokenPattern]:
    patterns: list[TokenPattern] = []
    for sequence in _sequences(terms):
        if not sequence:
            raise CueError("a cue that can be empty matches nothing")
        patterns += _compile_sequence(sequence, sets)
    return patterns


def _compile_sequence(terms: list[str], sets: dict[str, list[str]]) -> list[TokenPattern]:
    patterns: list[TokenPattern] = [[]]
    for term in terms:
        optional = term.endswith("?") and len(term) > 1
        body = term[:-1] if optional else term
        if body.startswith("~"):
            if not body[1:].isdigit() or not 0 < int(body[1:]) <= _MAX_GAP:
                raise CueError(f"bad gap {term!r}: write ~1 to ~{_MAX_GAP}")
            gap = {"IS_SPACE": False, "IS_SENT_START": False, "OP": f"{{0,{body[1:]}}}"}
            patterns = [pattern + [gap] for pattern in patterns]
            continue
        specs = _term_specs(body, sets)
        if optional:
            specs = [{**spec, "OP": "?"} for spec in specs]
        patterns = [pattern + [spec] for pattern in patterns for spec in specs]
    if all(token.get("OP") == "?" or "IS_SPACE" in token for token in patterns[0]):
        raise CueError(f"{' '.join(terms)!r} can match nothing")
    if terms[-1].startswith("~") or terms[0].startswith("~"):
        # In YAML, " #" starts a comment: `within ~1 #num` unquoted arrives as "within ~1".
        raise CueError(
            "a cue cannot start or end with a gap (quote cues that contain #num or #date)"
        )
    return patterns


def check_cues(cues: list[str], sets: dict[str, list[str]]) -> list[str]:
    """Validate cues for pydantic: raise with the bad cue quoted."""
    for cue in cues:
        try:
            compile_cue(cue, sets)
        except CueError as error:
            raise ValueError(f"cue {cue!r}: {error}") from error
    return cues
