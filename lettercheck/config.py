"""The landlord's configuration file (YAML): who the landlord is, which Ombudsman
and bank-holiday calendar apply, and how the linter should behave. One file serves
`generate`, `deadlines`, `check` and `audit`."""

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lettercheck.calendar import Nation, WorkingDayCalendar, read_closure_days
from lettercheck.catalogue import CatalogueError, load_yaml_model


class ConfigError(Exception):
    """The config file is unreadable or invalid; the message names the file and field."""


class Landlord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    address: list[str] = Field(min_length=1)
    phone: str
    email: str
    website: str | None = None
    logo: Path | None = None
    complaints_team: str = "Complaints Team"
    signatory: str = Field(min_length=1)
    signatory_title: str = "Complaints Manager"
    ombudsman: Literal["housing", "lgsco"] = "housing"
    nation: Nation = Nation.ENGLAND
    # Working days a resident is asked to request stage 2 within, printed as a date in a
    # stage 1 response (6.9g: how, to whom, by when); null prints no time limit.
    escalation_window_days: int | None = Field(default=20, ge=1)


class LintSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule_files: list[Path] = []  # the landlord's own rules (say, banned phrases)
    ignore: dict[str, list[str]] = {}  # file path or glob -> rule ids silenced for it
    max_file_mb: float = Field(default=25.0, gt=0)
    strict: bool = False  # count warnings as failures


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    landlord: Landlord | None = None
    templates: Path | None = None  # the landlord's own template folder
    closure_days: Path | None = None  # local closure days, one date a line
    extra_closure_days: list[date] = []
    lint: LintSettings = LintSettings()
    base_dir: Path = Path(".")  # where relative paths in the file are resolved from

    def resolve(self, path: Path) -> Path:
        return path if path.is_absolute() else self.base_dir / path

    @property
    def ombudsman(self) -> str:
        return self.landlord.ombudsman if self.landlord else "housing"

    def calendar(self) -> WorkingDayCalendar:
        closures = set(self.extra_closure_days)
        if self.closure_days:
            closures |= read_closure_days(self.resolve(self.closure_days))
        nation = self.landlord.nation if self.landlord else Nation.ENGLAND
        return WorkingDayCalendar(nation, closures)


def load_config(path: Path | None) -> Config:
    """The config at `path`, or the defaults when no file is given."""
    if path is None:
        return Config()
    try:
        config = load_yaml_model(path, Config)
    except CatalogueError as error:
        raise ConfigError(str(error)) from error
    return config.model_copy(update={"base_dir": path.parent})
