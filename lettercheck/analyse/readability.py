"""Reading ease without textstat: Flesch reading ease from word, sentence and syllable
counts, with syllables from pyphen's bundled hyphenation dictionary (no download, no
cmudict) and a vowel-group count as a floor, since hyphenation rules leave short
words unsplit."""

import re
from functools import lru_cache

import pyphen

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB", left=1, right=1)


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    word = word.lower().strip("'’-")
    if not word:
        return 0
    by_hyphenation = len(_dictionary().positions(word)) + 1
    groups = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1  # a silent final e
    return max(1, by_hyphenation, groups)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def reading_ease(word_list: list[str], sentence_count: int) -> float | None:
    """Flesch reading ease: 206.835 - 1.015 words/sentence - 84.6 syllables/word."""
    if not word_list or not sentence_count:
        return None
    syllable_count = sum(syllables(word) for word in word_list)
    score = (
        206.835
        - 1.015 * (len(word_list) / sentence_count)
        - 84.6 * (syllable_count / len(word_list))
    )
    return round(score, 1)
