"""The generator's letters pass the linter (issue 4): every letter made for the example
case, for either Ombudsman, is read as the kind and stage it is, with no error and no
missing element."""

from pathlib import Path

import pytest
from generate_support import case_from, example_config, example_data

from lettercheck.generate import generate_all
from lettercheck.letters import KIND_STAGES
from lettercheck.lint import check_path


@pytest.mark.parametrize("ombudsman", ["housing", "lgsco"])
def test_every_generated_letter_lints_clean(ombudsman: str, tmp_path: Path):
    config = example_config(ombudsman=ombudsman)
    paths = generate_all(case_from(example_data()), config, tmp_path)
    for (kind, stage), path in zip(KIND_STAGES, paths, strict=True):
        (result,) = check_path(path, config)
        assert (result.letter.kind, result.letter.stage) == (kind.value, stage), path.name
        problems = [
            f.rule
            for f in result.findings
            if f.severity == "error" or f.rule.startswith("missing-")
        ]
        assert problems == [], f"{path.name}: {problems}"
