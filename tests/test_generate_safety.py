"""Case text is data, never markup, and a template that does not fit the data is an
error before anything is written: no blank, stray tag or broken XML in a sent letter."""

import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from generate_support import (
    assert_valid_docx,
    case_from,
    docx_text,
    example_config,
    example_data,
)

from lettercheck.generate import Generator, LetterError, generate_all
from lettercheck.letters import KIND_STAGES, LetterKind
from lettercheck.resources import templates_dir

HOSTILE_NAME = "Smith & Sons <Lettings> Ltd \"R&D\" 'Ty'"
TEMPLATE_LOOKALIKE = "See note {{ resident.name }} and {% if true %}x{% endif %} {#c#} <w:t>"
NAMES = "Siân Llŷr ap Gwilym, Łukasz Wąsowicz-Żółć and Zoë Ångström"
EMOJI = "the leak is back again 😡💧🏠"


def hostile_case():
    data = example_data()
    data["resident"]["name"] = HOSTILE_NAME
    data["resident"]["salutation"] = NAMES
    data["resident"]["address"] = ["Fflat 2, Tŷ Gwyn & Co", "Heol y Frenhines <East>", "CF10 1AA"]
    long_point = " ".join(["The damp came back in the hall and the bedroom"] * 300)
    data["complaint"]["points"][0]["summary"] = long_point  # about 3,000 words
    data["complaint"]["points"][1]["summary"] = TEMPLATE_LOOKALIKE
    data["complaint"]["points"][2]["summary"] = EMOJI + "\x00\x07\x0b\x0cend"
    data["stage1"]["findings"][0]["reasons"] = "Line one.\nLine two & three < four."
    return case_from(data), long_point


def test_hostile_text_gives_valid_letters_that_show_it_as_written(tmp_path: Path):
    case, long_point = hostile_case()
    paths = generate_all(case, example_config(), tmp_path)
    assert len(paths) == 8
    for path in paths:
        assert_valid_docx(path)
        text = docx_text(path)
        assert HOSTILE_NAME in text
        assert "Tŷ Gwyn & Co\nHeol y Frenhines <East>" in text
    ack = docx_text(tmp_path / "BH-2026-0142-acknowledgement-1.docx")
    assert f"Dear {NAMES}" in ack
    assert long_point in ack and len(long_point.split()) == 3000
    assert f"You told us that {TEMPLATE_LOOKALIKE}." in ack  # printed, not run
    # Characters XML cannot hold are dropped; a vertical tab becomes a line break.
    assert f"You told us that {EMOJI}\nend." in ack
    response = docx_text(tmp_path / "BH-2026-0142-response-1.docx")
    assert "Line one.\nLine two & three < four." in response


def test_the_logo_is_in_the_letter_when_configured_and_absent_when_not(tmp_path: Path):
    case = case_from(example_data())
    with_logo = Generator.from_config(example_config()).write(
        case, LetterKind.ACKNOWLEDGEMENT, 1, tmp_path / "with.docx"
    )
    without = Generator.from_config(example_config(logo=None)).write(
        case, LetterKind.ACKNOWLEDGEMENT, 1, tmp_path / "without.docx"
    )
    for path, images in ((with_logo, 1), (without, 0)):
        with zipfile.ZipFile(path) as package:
            media = [name for name in package.namelist() if name.startswith("word/media/")]
        assert len(media) == images
        assert_valid_docx(path)
    assert "Brookfield Homes" in docx_text(without)


def test_a_missing_or_broken_logo_is_reported(tmp_path: Path):
    with pytest.raises(LetterError, match=r"landlord.logo: .*nowhere.png not found"):
        Generator.from_config(example_config(logo=Path("nowhere.png")))
    fake = tmp_path / "logo.png"
    fake.write_text("not an image")
    generator = Generator.from_config(example_config(logo=fake))
    with pytest.raises(LetterError, match="cannot use it as an image"):
        generator.write(
            case_from(example_data()), LetterKind.ACKNOWLEDGEMENT, 1, tmp_path / "a.docx"
        )
    assert not (tmp_path / "a.docx").exists()


def test_a_config_without_a_landlord_cannot_make_letters():
    config = example_config().model_copy(update={"landlord": None})
    with pytest.raises(LetterError, match="landlord: missing"):
        Generator.from_config(config)


def custom_templates(tmp_path: Path, kind: LetterKind, stage: int, *paragraphs: str) -> Path:
    """The built-in templates, with one replaced by a letter of these paragraphs."""
    folder = tmp_path / "templates"
    shutil.copytree(templates_dir(), folder)
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(folder / f"{kind.value}-{stage}.docx")
    return folder


def generator_with(folder: Path) -> Generator:
    return Generator.from_config(example_config().model_copy(update={"templates": folder}))


@pytest.mark.parametrize(
    ("paragraph", "named"),
    [
        ("Dear {{ resident.nickname }}", "`resident.nickname`: resident has no `nickname`"),
        ("{{ landlord_name }}", "uses `landlord_name`, which is not letter data"),
        (
            "{% for f in stage.findings %}{{ f.verdict }}{% endfor %}",
            "`stage.findings.verdict`: stage.findings has no `verdict`",
        ),
    ],
)
def test_a_template_using_data_the_case_lacks_is_named_before_rendering(
    tmp_path: Path, paragraph: str, named: str
):
    folder = custom_templates(tmp_path, LetterKind.RESPONSE, 1, "Hello", paragraph)
    target = tmp_path / "out" / "letter.docx"
    with pytest.raises(LetterError) as raised:
        generator_with(folder).write(case_from(example_data()), LetterKind.RESPONSE, 1, target)
    assert str(folder / "response-1.docx") in str(raised.value)
    assert named in str(raised.value)
    assert not target.exists() and not any(target.parent.glob("*"))


def test_an_absent_optional_record_used_unguarded_is_an_error_not_a_blank(tmp_path: Path):
    folder = custom_templates(
        tmp_path, LetterKind.RESPONSE, 1, "New date: {{ stage.extension.new_date }}"
    )
    data = example_data()
    del data["stage1"]["extension"]
    with pytest.raises(LetterError, match="new_date"):
        generator_with(folder).write(case_from(data), LetterKind.RESPONSE, 1, tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()
    # The same template is fine for a case that has the record.
    path = generator_with(folder).write(
        case_from(example_data()), LetterKind.RESPONSE, 1, tmp_path / "y.docx"
    )
    assert docx_text(path).strip() == "New date: 2 April 2026"


def test_a_broken_or_missing_template_is_reported(tmp_path: Path):
    folder = custom_templates(tmp_path, LetterKind.REFUSAL, 2, "{% if resident.name %}unclosed")
    generator = generator_with(folder)
    with pytest.raises(LetterError, match=r"refusal-2.docx: template error"):
        generator.write(case_from(example_data()), LetterKind.REFUSAL, 2, tmp_path / "r.docx")
    (folder / "extension-1.docx").unlink()
    with pytest.raises(LetterError, match=r"extension-1.docx: template missing"):
        generator.write(case_from(example_data()), LetterKind.EXTENSION, 1, tmp_path / "e.docx")
    (folder / "refusal-1.docx").write_text("not a zip")
    with pytest.raises(LetterError, match=r"refusal-1.docx: not a Word"):
        generator.write(case_from(example_data()), LetterKind.REFUSAL, 1, tmp_path / "f.docx")


def test_templates_cannot_run_code(tmp_path: Path):
    folder = custom_templates(
        tmp_path,
        LetterKind.ACKNOWLEDGEMENT,
        1,
        "{{ reference.__class__.__mro__[1].__subclasses__() }}",
    )
    with pytest.raises(LetterError):
        generator_with(folder).write(
            case_from(example_data()), LetterKind.ACKNOWLEDGEMENT, 1, tmp_path / "a.docx"
        )


def test_a_restyled_template_keeps_working(tmp_path: Path):
    """A landlord's own template: the built-in one with a different closing line."""
    folder = tmp_path / "templates"
    shutil.copytree(templates_dir(), folder)
    document = Document(str(folder / "acknowledgement-1.docx"))
    document.add_paragraph("Our office is open 9am to 5pm, {{ landlord.name }}.")
    document.save(str(folder / "acknowledgement-1.docx"))
    path = generator_with(folder).write(
        case_from(example_data()), LetterKind.ACKNOWLEDGEMENT, 1, tmp_path / "a.docx"
    )
    assert "Our office is open 9am to 5pm, Brookfield Homes." in docx_text(path)


def test_an_existing_letter_is_replaced_whole_or_left_alone(tmp_path: Path):
    target = tmp_path / "letter.docx"
    target.write_bytes(b"the letter sent last week")
    data = example_data()
    del data["stage1"]["apology"]
    with pytest.raises(LetterError):
        Generator.from_config(example_config()).write(
            case_from(data), LetterKind.RESPONSE, 1, target
        )
    assert target.read_bytes() == b"the letter sent last week"
    assert [p.name for p in tmp_path.iterdir()] == ["letter.docx"]


def test_every_template_renders_from_the_built_in_folder():
    names = sorted(p.name for p in templates_dir().glob("*.docx"))
    assert names == sorted(f"{kind.value}-{stage}.docx" for kind, stage in KIND_STAGES)
