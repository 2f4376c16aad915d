"""The committed templates are what tools/build_templates.py makes, and use only the
variables the letter data provides."""

import importlib.util
from pathlib import Path

import pytest
from docx import Document
from generate_support import docx_blocks

from lettercheck.letters import KIND_STAGES
from lettercheck.render import load_template
from lettercheck.resources import templates_dir

BUILD_SCRIPT = Path(__file__).resolve().parent.parent / "tools" / "build_templates.py"


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location("build_templates", BUILD_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("templates")
    module.build_all(folder)
    return folder


def _styled(path: Path) -> list[tuple[str, str]]:
    document = Document(str(path))
    return [(p.style.name, p.text) for p in document.paragraphs]


@pytest.mark.parametrize(("kind", "stage"), KIND_STAGES, ids=lambda x: str(x))
def test_committed_template_matches_the_build_script(rebuilt, kind, stage):
    name = f"{kind.value}-{stage}.docx"
    assert docx_blocks(templates_dir() / name) == docx_blocks(rebuilt / name)
    assert _styled(templates_dir() / name) == _styled(rebuilt / name)


@pytest.mark.parametrize(("kind", "stage"), KIND_STAGES, ids=lambda x: str(x))
def test_templates_use_only_letter_data(kind, stage):
    template = load_template(templates_dir(), kind, stage)
    known = {
        "letter",
        "reference",
        "landlord",
        "signatory",
        "ombudsman",
        "resident",
        "complaint",
        "points",
        "stage",
        "stage1",
        "escalation",
        "logo",
    }
    assert template.names <= known
    assert {"resident", "reference", "landlord", "ombudsman", "signatory", "logo"} <= template.names
