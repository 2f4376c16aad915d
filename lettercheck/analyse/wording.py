"""The wording rules' detectors. A rule file names its detector: `cues` (token cues,
phrases and regular expressions with negation/quotation guards, also what a
landlord's own rule files use), `ombudsman`, `timescale`, `late-letter` or
`plain-language`; each returns the places where the letter breaks the rule."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span

from lettercheck.analyse.dates import Timescale, find_dates, find_timescales
from lettercheck.analyse.letter import SALUTATION, LetterAnalysis, sentences_saying_every_idea
from lettercheck.analyse.ombudsman import Mention, email_closed
from lettercheck.analyse.readability import words
from lettercheck.analyse.senses import negated, reported_from_resident
from lettercheck.calendar import WorkingDayCalendar
from lettercheck.catalogue import OmbudsmanCatalogue, WordingRule
from lettercheck.letters import LetterKind


@dataclass(frozen=True)
class Breach:
    """Where a rule is broken: character offsets into the letter and what to add to the
    rule's message (None for nothing)."""

    start: int | None
    end: int | None
    detail: str | None = None


@dataclass(frozen=True)
class Context:
    calendar: WorkingDayCalendar
    ombudsmen: OmbudsmanCatalogue


def _sentence_of(analysis: LetterAnalysis, start: int, end: int) -> Span | None:
    span = analysis.doc.char_span(start, end, alignment_mode="expand")
    return span.sent if span is not None and len(span) else None


def _trimmed(sentence: Span) -> Breach:
    text = sentence.text
    start = sentence.start_char + (len(text) - len(text.lstrip()))
    return Breach(start, sentence.start_char + len(text.rstrip()))


def _cues(rule: WordingRule, analysis: LetterAnalysis, context: Context) -> list[Breach]:
    label = f"rule:{rule.id}"
    unless = analysis.sentence_starts(f"{label}:unless")
    wanted = analysis.sentence_starts(f"{label}:context") if rule.context else None
    spans = list(analysis.spans(label))
    spans += sentences_saying_every_idea(analysis.hits, label, rule.ideas)
    for pattern in rule.regexes:
        for match in re.finditer(pattern, analysis.document.text):
            span = analysis.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
    breaches: dict[int, Breach] = {}
    for span in sorted(spans, key=lambda s: s.start):
        sentence = span.sent
        if sentence.start in unless or sentence.start in breaches:
            continue
        if wanted is not None and sentence.start not in wanted:
            continue
        if rule.guards.negation and negated(span):
            continue
        if rule.guards.quotation and reported_from_resident(span):
            continue
        breaches[sentence.start] = _trimmed(sentence)
    return list(breaches.values())


def _ombudsman(rule: WordingRule, analysis: LetterAnalysis, context: Context) -> list[Breach]:
    """Superseded or wrong details (one finding per sentence, so "PO Box 152, Liverpool
    L33 7WQ" is one finding), and email offered for a new complaint after the Ombudsman
    stopped taking them by email."""
    breaches = []
    unless = analysis.sentence_starts(f"rule:{rule.id}:unless")
    stale: dict[int, list[Mention]] = {}
    what = {"superseded": "out of date", "wrong": "not the Ombudsman's"}
    for mention in analysis.mentions:
        sentence = _sentence_of(analysis, mention.start, mention.end)
        if mention.status != "current":
            key = sentence.start if sentence is not None else -1 - mention.start
            stale.setdefault(key, []).append(mention)
        elif mention.channel == "email" and email_closed(
            context.ombudsmen, mention.ombudsman, analysis.letter_date
        ):
            if sentence is not None and sentence.start in unless:
                continue
            closed = context.ombudsmen.ombudsmen[mention.ombudsman].email_complaints_closed
            detail = f"the Ombudsman has not taken new complaints by email since {closed:%d %B %Y}"
            breaches.append(Breach(mention.start, mention.end, detail))
    for mentions in stale.values():
        detail = "; ".join(f"{m.text!r} is {what[m.status]}" for m in mentions)
        breaches.append(Breach(mentions[0].start, mentions[-1].end, detail))
    return sorted(breaches, key=lambda breach: breach.start or 0)


_SUBJECTS = [
    "timescale:acknowledge",
    "timescale:extension",
    "timescale:response",
    "timescale:exclude",
]
# A promise of time reads "within 10 days", "in two weeks", "up to 8 weeks", "a further
# 10 days", "take six weeks", "no later than 30 days", "by the 20th working day",
# "extend the response time by 25 days", "delayed by two months": a timescale after
# anything else ("five weeks late", "over four months") is not a promise.
_PROMISE = re.compile(
    r"(?:within|in|up\s+to|further|another|additional|extra|more|(?:no|not)\s+(?:more|longer)\s+than|"
    r"(?:no|not)\s+later\s+than|(?:by|before)\s+the|take|takes|taking|need|needs|"
    r"(?:extend|delay|push|put)\w*\b[^.;]{0,50}?\bby)(?:\s+(?:a|an|the|next|about|around|"
    r"approximately|roughly|another|further|up\s+to)){0,2}\s*$",
    re.IGNORECASE,
)
# Extension words that are part of the promise itself ("take another 4 weeks"): they say
# time is added, not what it is for.
_ADDED = {"further", "another", "additional", "extra", "more"}
# ...and such a word just before a timescale ("a further 14 weeks")
_PROMISE_WORD = re.compile(r"\b(?:" + "|".join(_ADDED) + r")\s+(?:\w+\s+)?$", re.IGNORECASE)


def _nearest_subject(analysis: LetterAnalysis, sentence: Span, before: int) -> str | None:
    """What a timescale is about: the nearest subject cue before it in its sentence."""
    label = _nearest_label(analysis, sentence, before, _SUBJECTS)
    return label.split(":")[1] if label else None


def _subject_of(analysis: LetterAnalysis, sentence: Span, timescale: Timescale) -> str | None:
    """What a promised timescale is about: the subject said before it, or, when nothing
    but "another" / "a further" precedes it, what follows it ("six weeks for a full
    response", "another 4 weeks to arrive"); a bare "three more weeks" in an extension
    letter is the extension."""
    subject = _nearest_subject(analysis, sentence, timescale.start)
    added = _PROMISE_WORD.search(analysis.document.text[: timescale.start])
    if subject is not None and not (subject == "extension" and added):
        return subject
    if added and _nearest_subject(analysis, sentence, added.start()) == "exclude":
        return None  # "the programme will continue for a further 14 weeks"
    after = _label_after(
        analysis, sentence, timescale.end, ["timescale:exclude", "timescale:purpose"]
    )
    if after == "timescale:exclude":
        return None
    if after == "timescale:purpose":
        return "response"
    if subject is None and timescale.more and analysis.kind is LetterKind.EXTENSION:
        return "extension"
    return subject


def _label_after(
    analysis: LetterAnalysis, sentence: Span, after: int, labels: list[str], words: int = 3
) -> str | None:
    """Of the cue labels, the one whose hit starts first within `words` words after
    character `after` in `sentence`."""
    tail = [token for token in sentence if token.idx >= after][:words]
    if not tail:
        return None
    first = {token.i for token in tail}
    best: tuple[int, str] | None = None
    for label in labels:
        for span in analysis.spans(label):
            if span.start in first and (best is None or span.start < best[0]):
                best = (span.start, label)
    return best[1] if best else None


def _timescale(rule: WordingRule, analysis: LetterAnalysis, context: Context) -> list[Breach]:
    settings = rule.timescales
    assert settings is not None
    stage2 = analysis.sentence_starts("timescale:stage2")
    breaches = []

    def limit_for(subject: str, sentence: Span) -> tuple[str, int, int] | None:
        """The Code's limit for what the sentence promises. In an extension letter a
        promised response is the extension; in a stage 1 response it is the stage 2
        response (this letter is the stage 1 one); a stage 2 response or a refusal
        promises no further response."""
        stage = 2 if sentence.start in stage2 else analysis.stage
        if subject == "response":
            if analysis.kind is LetterKind.EXTENSION:
                subject = "extension"
            elif analysis.kind is LetterKind.RESPONSE and analysis.stage == 1:
                stage = 2
            elif analysis.kind is not LetterKind.ACKNOWLEDGEMENT:
                return None
        return subject, stage, settings.limits[subject][stage]

    text = analysis.document.text
    for timescale in find_timescales(text):
        sentence = _sentence_of(analysis, timescale.start, timescale.end)
        if sentence is None or "ombudsman" in sentence.text.lower():
            continue
        if not timescale.more and not _PROMISE.search(
            text[max(sentence.start_char, timescale.start - 60) : timescale.start]
        ):
            continue
        subject = _subject_of(analysis, sentence, timescale)
        if subject in (None, "exclude"):
            continue
        limits = limit_for(subject, sentence)
        if limits is None:
            continue
        subject, stage, limit = limits
        days = timescale.working_days(settings.days_mean_working_days)
        if days > limit:
            text = analysis.document.text[timescale.start : timescale.end]
            detail = (
                f"{text!r} is more than the Code's {limit} working days "
                f"for {_SUBJECT_NAMES[subject]} at stage {stage}"
            )
            breaches.append(Breach(timescale.start, timescale.end, detail))
    if analysis.kind is LetterKind.ACKNOWLEDGEMENT and analysis.letter_date:
        for mention in find_dates(analysis.document.text, near=analysis.letter_date):
            if mention.value is None or mention.value <= analysis.letter_date:
                continue
            sentence = _sentence_of(analysis, mention.start, mention.end)
            if (
                sentence is None
                or _nearest_subject(analysis, sentence, mention.start) != "response"
            ):
                continue
            limits = limit_for("response", sentence)
            if limits is None:
                continue
            subject, stage, limit = limits
            days = context.calendar.working_days_between(analysis.letter_date, mention.value)
            if days > limit:
                detail = (
                    f"{mention.value:%d %B %Y} is {days} working days after the letter, more "
                    f"than the Code's {limit} for a stage {stage} response"
                )
                breaches.append(Breach(mention.start, mention.end, detail))
    if analysis.kind is LetterKind.EXTENSION:
        breaches += _extension_dates(analysis, context, limit_for)
    return breaches


def _extension_dates(analysis: LetterAnalysis, context: Context, limit_for) -> list[Breach]:
    """An extension that moves the response date further past the original due date
    than the Code allows, by the letter's own dates."""
    original: list[date] = []
    promised = []
    labels = ["timescale:original_due", *_SUBJECTS]
    for mention in find_dates(analysis.document.text, near=analysis.letter_date):
        if mention.value is None:
            continue
        sentence = _sentence_of(analysis, mention.start, mention.end)
        if sentence is None:
            continue
        label = _nearest_label(analysis, sentence, mention.start, labels)
        if label == "timescale:original_due":
            original.append(mention.value)
        elif label in (None, "timescale:response", "timescale:extension"):
            promised.append((mention, sentence))
    if not original:
        return []
    first_due = max(original)
    breaches = []
    for mention, sentence in promised:
        if mention.value <= first_due:
            continue
        limits = limit_for("extension", sentence)
        if limits is None:
            continue
        _, stage, limit = limits
        days = context.calendar.working_days_between(first_due, mention.value)
        if days > limit:
            detail = (
                f"{mention.value:%d %B %Y} is {days} working days after the original due date "
                f"of {first_due:%d %B %Y}, more than the Code's {limit} for a stage {stage} extension"
            )
            breaches.append(Breach(mention.start, mention.end, detail))
    return breaches


_SUBJECT_NAMES = {
    "acknowledge": "an acknowledgement",
    "response": "a response",
    "extension": "an extension",
}


def _nearest_label(
    analysis: LetterAnalysis, sentence: Span, before: int, labels: list[str]
) -> str | None:
    """Of the cue labels, the one whose hit ends nearest before character `before` in
    `sentence`: what a date or timescale is about is said just before it."""
    best: tuple[int, str] | None = None
    for label in labels:
        for span in analysis.spans(label):
            inside = sentence.start <= span.start and span.end_char <= before
            if inside and (best is None or span.end_char > best[0]):
                best = (span.end_char, label)
    return best[1] if best else None


def _dated_events(analysis: LetterAnalysis) -> dict[str, list[date]]:
    """Dates the letter says things happened on, by role (received, acknowledged,
    extended_to), told by the cue nearest before each date in its sentence. Dates in
    the letter's heading (its own date) are left out."""
    assert analysis.letter_date is not None
    heading_end = 0
    for block in analysis.document.blocks:
        if block.text.strip().lower().startswith(SALUTATION):
            heading_end = block.start
            break
    labels = ["date:acknowledged", "date:extended_to", "date:received"]
    events: dict[str, list[date]] = {label.split(":")[1]: [] for label in labels}
    for mention in find_dates(analysis.document.text, near=analysis.letter_date):
        if mention.value is None or mention.start < heading_end:
            continue
        sentence = _sentence_of(analysis, mention.start, mention.end)
        if sentence is None:
            continue
        label = _nearest_label(analysis, sentence, mention.start, labels)
        if label is None:
            continue
        role = label.split(":")[1]
        if role == "extended_to" or mention.value <= analysis.letter_date:
            events[role].append(mention.value)
    return events


def _late_letter(rule: WordingRule, analysis: LetterAnalysis, context: Context) -> list[Breach]:
    settings = rule.lateness
    assert settings is not None
    if analysis.letter_date is None:
        return []
    calendar = context.calendar
    events = _dated_events(analysis)
    received = max(events["received"], default=None)
    if analysis.kind is LetterKind.ACKNOWLEDGEMENT:
        if received is None:
            return []
        days = calendar.working_days_between(received, analysis.letter_date)
        if days <= settings.acknowledge_within:
            return []
        return [
            Breach(
                None,
                None,
                f"dated {days} working days after the {received:%d %B %Y} it was received "
                f"(the Code allows {settings.acknowledge_within})",
            )
        ]
    if analysis.kind is not LetterKind.RESPONSE:
        return []
    within = settings.respond_within[analysis.stage]
    acknowledged = [day for day in events["acknowledged"] if received is None or day >= received]
    if acknowledged:
        start = max(acknowledged)
        due = calendar.add_working_days(start, within)
        basis = f"{within} working days after the acknowledgement of {start:%d %B %Y}"
    elif received is not None:
        due = calendar.add_working_days(received, settings.acknowledge_within + within)
        basis = (
            f"{settings.acknowledge_within + within} working days after it was received "
            f"on {received:%d %B %Y}"
        )
    else:
        return []
    if events["extended_to"]:
        extended = max(events["extended_to"])
        if extended > due:
            due, basis = extended, f"the agreed extension to {extended:%d %B %Y}"
    if analysis.letter_date <= due:
        return []
    return [Breach(None, None, f"the response was due by {due:%d %B %Y} ({basis})")]


def _plain_language(rule: WordingRule, analysis: LetterAnalysis, context: Context) -> list[Breach]:
    settings = rule.plain_language
    assert settings is not None
    breaches = []
    text = analysis.document.text
    jargon = re.compile(
        r"\b(" + "|".join(re.escape(term) for term in settings.jargon) + r")\b", re.IGNORECASE
    )
    for match in jargon.finditer(text):
        plainer = settings.jargon[match.group(1).lower()]
        detail = f"{match.group(1)!r}: try {plainer!r}"
        breaches.append(Breach(match.start(), match.end(), detail))
    for sentence in analysis.doc.sents:
        count = len(words(sentence.text))
        if count > settings.max_sentence_words:
            breach = _trimmed(sentence)
            detail = f"a sentence of {count} words (over {settings.max_sentence_words})"
            breaches.append(Breach(breach.start, breach.end, detail))
    ease = analysis.reading_ease
    if (
        ease is not None
        and analysis.words >= settings.min_words_for_reading_ease
        and ease < settings.min_reading_ease
    ):
        detail = f"reading ease {ease:.0f} (below {settings.min_reading_ease:.0f})"
        breaches.append(Breach(None, None, detail))
    return breaches


DETECTORS: dict[str, Callable[[WordingRule, LetterAnalysis, Context], list[Breach]]] = {
    "cues": _cues,
    "ombudsman": _ombudsman,
    "timescale": _timescale,
    "late-letter": _late_letter,
    "plain-language": _plain_language,
}


def breaches_of(rule: WordingRule, analysis: LetterAnalysis, context: Context) -> list[Breach]:
    """Where the letter breaks `rule` (nothing when the rule is not for this letter)."""
    if analysis.kind not in rule.kinds or analysis.stage not in rule.stages:
        return []
    return DETECTORS[rule.detector](rule, analysis, context)
