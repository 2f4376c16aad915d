"""The linter's Python API: check a letter against the Code and get the result that
`check --format json` prints (lettercheck.results.FileResult).

    from lettercheck import check_path
    for result in check_path(Path("letter.docx")):
        print(result.letter.kind, [f.rule for f in result.findings])

The spaCy pipeline, the matchers and the classifier are built on first use and
reused for every later letter in the process.
"""

import fnmatch
import re
from pathlib import Path, PurePath

from lettercheck.config import Config
from lettercheck.document import Block, Document, ReadFailure
from lettercheck.letters import ELEMENT_IDS, LetterKind, missing_rule_id
from lettercheck.results import (
    ElementResult,
    Evidence,
    FileError,
    FileResult,
    Finding,
    LetterInfo,
    Location,
    Stats,
)

SUPPRESSION = re.compile(
    r"lettercheck:\s*ignore\s+([A-Za-z0-9*?_-]+(?:[ \t]*,?[ \t]*[A-Za-z0-9*?_-]+)*)", re.I
)


def check_document(
    document: Document,
    config: Config | None = None,
    kind: LetterKind | None = None,
    stage: int | None = None,
    *,
    classifier: bool = True,
) -> FileResult:
    """Lint one letter. `kind`/`stage` override detection; `classifier=False` checks
    with the rule patterns alone (to see what the trained model adds)."""
    from lettercheck.analyse.letter import get_analyser
    from lettercheck.analyse.wording import Context, breaches_of
    from lettercheck.catalogue import load_requirements, rule_file_paths

    config = config or Config()
    analyser = get_analyser(rule_file_paths(config), classifier)
    analysis = analyser.analyse(document, LetterKind(kind) if kind else None, stage)
    elements = [
        _element_result(document, analysis.elements[element_id]) for element_id in ELEMENT_IDS
    ]
    findings: list[Finding] = []
    required = load_requirements().required(analysis.kind, analysis.stage, analysis.decision)
    by_id = {element.id: element for element in analyser.elements.elements}
    for element_id, severity in required.items():
        if not analysis.elements[element_id].present:
            element = by_id[element_id]
            findings.append(
                Finding(
                    rule=missing_rule_id(element_id),
                    severity=severity,
                    provision=element.provision,
                    message=element.message,
                )
            )
    context = Context(config.calendar(), analyser.ombudsmen)
    for rule in analyser.rules:
        for breach in breaches_of(rule, analysis, context):
            message = f"{rule.message} ({breach.detail})" if breach.detail else rule.message
            findings.append(
                Finding(
                    rule=rule.id,
                    severity=rule.severity,
                    provision=rule.provision,
                    message=message,
                    location=_location(document, breach.start, breach.end),
                )
            )
    kept, suppressed = _suppress(document, config, findings)
    return FileResult(
        path=document.path,
        status="ok",
        letter=LetterInfo(
            kind=analysis.kind.value,
            stage=analysis.stage,
            source=analysis.kind_source,
            confidence=analysis.confidence,
            decision=analysis.decision.value if analysis.decision else None,
        ),
        elements=elements,
        findings=kept,
        suppressed=suppressed,
        stats=Stats(
            words=analysis.words, sentences=analysis.sentences, reading_ease=analysis.reading_ease
        ),
        text=document.text,
    )


def check_path(
    path: Path,
    config: Config | None = None,
    kind: LetterKind | None = None,
    stage: int | None = None,
) -> list[FileResult]:
    """Lint the letters in one file (an email gives its body and each attachment); a
    file that cannot be read gives one result with status "error"."""
    from lettercheck.read import read_path

    config = config or Config()
    max_bytes = int(config.lint.max_file_mb * 1024 * 1024)
    results = []
    for item in read_path(Path(path), max_bytes):
        if isinstance(item, ReadFailure):
            results.append(
                FileResult(
                    path=item.path,
                    status="error",
                    error=FileError(code=item.code, message=item.message),
                )
            )
        else:
            results.append(check_document(item, config, kind, stage))
    return results


check_file = check_path


def document_from_text(text: str, path: str = "<text>") -> Document:
    """A Document from plain text, one block per paragraph (blank-line separated), as
    the text reader makes it: for rule examples, tests and the Python API."""
    paragraphs = [part.strip("\n") for part in re.split(r"\n\s*\n", text)]
    blocks = [Block(part, paragraph=index) for index, part in enumerate(paragraphs) if part.strip()]
    return Document.from_blocks(path, "txt", blocks)


def _element_result(document: Document, found) -> ElementResult:
    if not found.present:
        return ElementResult(id=found.id, present=False)
    evidence = None
    if found.sentence is not None:
        location = _location(document, found.sentence.start_char, found.sentence.end_char)
        evidence = Evidence(
            text=location.text or "",
            page=location.page,
            paragraph=location.paragraph,
            start=location.start,
            end=location.end,
        )
    return ElementResult(id=found.id, present=True, evidence=evidence, source=found.source)


def _location(document: Document, start: int | None, end: int | None) -> Location:
    """Where a span is: trimmed text, offsets, and the page or paragraph of its block."""
    if start is None or end is None:
        return Location()
    raw = document.text[start:end]
    start += len(raw) - len(raw.lstrip())
    end = start + len(raw.strip())
    block = document.block_at(start)
    return Location(
        page=block.page if block else None,
        paragraph=block.paragraph if block else None,
        text=" ".join(document.text[start:end].split()),
        start=start,
        end=end,
    )


def _suppressed_ids(document: Document, config: Config) -> set[str]:
    """Rule ids (or globs) silenced for this letter: `lettercheck: ignore RULE_ID`
    lines in its text or comments, and config `lint.ignore` entries matching its path."""
    patterns: set[str] = set()
    for text in [document.text, *(comment.text for comment in document.comments)]:
        for match in SUPPRESSION.finditer(text):
            patterns.update(re.split(r"[\s,]+", match.group(1).strip()))
    path = PurePath(document.path.split("#", 1)[0])
    for key, rule_ids in config.lint.ignore.items():
        key_path = config.resolve(Path(key))
        candidates = {str(path), path.name, path.as_posix()}
        if any(fnmatch.fnmatch(c, key) or fnmatch.fnmatch(c, str(key_path)) for c in candidates):
            patterns.update(rule_ids)
    return patterns


def _suppress(
    document: Document, config: Config, findings: list[Finding]
) -> tuple[list[Finding], list[Finding]]:
    patterns = _suppressed_ids(document, config)
    kept, suppressed = [], []
    for finding in findings:
        silenced = any(fnmatch.fnmatch(finding.rule, pattern.lower()) for pattern in patterns)
        (suppressed if silenced else kept).append(finding)
    return kept, suppressed
