"""The linter's result, exactly as `check --format json` prints it
(spec/interface.md). Every report format and the Python API are made from these."""

from typing import Literal

from pydantic import BaseModel, Field

from lettercheck import CODE_VERSION, __version__

Severity = Literal["error", "warning"]


class Location(BaseModel):
    page: int | None = None
    paragraph: int | None = None
    text: str | None = None
    start: int | None = None  # offsets into the document text, for highlighting
    end: int | None = None


class Evidence(BaseModel):
    text: str
    page: int | None = None
    paragraph: int | None = None
    start: int | None = None
    end: int | None = None


class ElementResult(BaseModel):
    id: str
    present: bool
    evidence: Evidence | None = None
    source: str | None = None  # "pattern" or "classifier": what found it


class Finding(BaseModel):
    rule: str
    severity: Severity
    provision: str
    message: str
    location: Location = Field(default_factory=Location)


class LetterInfo(BaseModel):
    kind: str
    stage: int
    source: Literal["detected", "given"]
    confidence: float
    decision: str | None = None  # responses: upheld / partly-upheld / not-upheld, if found


class Stats(BaseModel):
    words: int
    sentences: int
    reading_ease: float | None


class FileError(BaseModel):
    code: str
    message: str


class FileResult(BaseModel):
    path: str
    status: Literal["ok", "error"]
    error: FileError | None = None
    letter: LetterInfo | None = None
    elements: list[ElementResult] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    suppressed: list[Finding] = Field(default_factory=list)
    stats: Stats | None = None
    # The letter's text, for reports that show it (HTML); never in the JSON.
    text: str | None = Field(default=None, exclude=True)

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for finding in self.findings if finding.severity == "warning")


class ToolInfo(BaseModel):
    name: str = "lettercheck"
    version: str = __version__
    code: str = CODE_VERSION


class Summary(BaseModel):
    files: int
    errors: int
    warnings: int
    unreadable: int


class CheckReport(BaseModel):
    tool: ToolInfo = Field(default_factory=ToolInfo)
    files: list[FileResult]
    summary: Summary

    @classmethod
    def of(cls, files: list[FileResult]) -> "CheckReport":
        return cls(
            files=files,
            summary=Summary(
                files=len(files),
                errors=sum(result.errors for result in files),
                warnings=sum(result.warnings for result in files),
                unreadable=sum(1 for result in files if result.status == "error"),
            ),
        )
