"""Where the shipped data folders are.

In a wheel, `templates/` and `rules/` are copied inside the package; in a source
checkout (and an editable install) they sit beside it at the top of the repository.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The shipped folder `name` ("rules" or "templates"), installed or in a checkout."""
    for candidate in (PACKAGE_DIR / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"lettercheck's {name}/ folder is missing from the installation")


def rules_dir() -> Path:
    return data_dir("rules")


def templates_dir() -> Path:
    return data_dir("templates")


EXAMPLES_DIR = PACKAGE_DIR / "examples"
MODELS_DIR = PACKAGE_DIR / "models"
