"""Fill a docxtpl Word template with a letter's context and write the DOCX whole.

Three guards keep a sent letter from carrying a blank, a stray tag or broken XML:
- before rendering, every variable the template uses (`resident.name`,
  `stage.findings[].reasons`) is looked up in the context, so a landlord's template
  that names data the case lacks is an error naming the template and the variable;
- rendering uses jinja2's StrictUndefined, so anything that still slips through (say,
  a field of an optional record the case does not have) is an error, not a blank;
- autoescaping makes case text data: "Smith & Sons <Lettings>" or "{{ }}" in a note is
  printed as written, never read as XML or template code.
The file is written to a temporary name and renamed, so there is never half a letter.
"""

import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from docx.image.exceptions import UnrecognizedImageError
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import (
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    UndefinedError,
    meta,
    nodes,
)
from jinja2.sandbox import SandboxedEnvironment

from lettercheck.atomic import atomic_path
from lettercheck.letters import LetterKind

LOGO_HEIGHT = Mm(18)
EACH = "[]"  # a path step meaning "every item of this list"


class TemplateProblem(Exception):
    """A template cannot make this letter; the message names the template and why."""


def template_name(kind: LetterKind, stage: int) -> str:
    return f"{kind.value}-{stage}.docx"


class _LetterEnvironment(SandboxedEnvironment):
    """Templates are documents landlords share and edit, so they cannot run code (the
    sandbox); case text is data (autoescape); a missing value is an error (strict).

    docxtpl hands jinja the same XML for every letter made from a template, and
    compiling it is most of the work, so each source is compiled once."""

    def __init__(self):
        super().__init__(
            autoescape=True,
            undefined=StrictUndefined,
            finalize=lambda value: "" if value is None else value,
        )
        self._compiled = lru_cache(maxsize=128)(super().from_string)

    def from_string(self, source, globals=None, template_class=None):
        if globals is None and template_class is None and isinstance(source, str):
            return self._compiled(source)
        return super().from_string(source, globals, template_class)


_ENVIRONMENT = _LetterEnvironment()


class _LetterTemplate(DocxTemplate):
    """docxtpl's clean-up of the template's XML for jinja (regular expressions over the
    whole document) gives the same result for every letter: done once per template."""

    _patched: dict[str, str] = {}

    def patch_xml(self, src_xml: str) -> str:
        if src_xml not in self._patched:
            if len(self._patched) > 256:
                self._patched.clear()
            self._patched[src_xml] = super().patch_xml(src_xml)
        return self._patched[src_xml]


@dataclass(frozen=True)
class LetterTemplate:
    path: Path
    data: bytes
    names: frozenset[str]  # top-level variables the template uses
    paths: frozenset[tuple[str, ...]]  # attribute paths it reads: ("stage", "findings", EACH, ...)


def _jinja_source(data: bytes) -> str:
    """The template's text as docxtpl hands it to jinja: body, headers and footers."""
    template = DocxTemplate(io.BytesIO(data))
    document = template.get_docx()
    source = template.patch_xml(template.get_xml())
    for relation in document.part.rels.values():
        if relation.reltype in (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI):
            source += template.patch_xml(template.get_part_xml(relation.target_part))
    return source


def _bound_names(tree: nodes.Template) -> set[str]:
    """Names a template sets itself (set, macros, loop variables): not case data."""
    bound = {"loop"}
    for node in tree.find_all((nodes.Assign, nodes.AssignBlock, nodes.For, nodes.Macro)):
        if isinstance(node, nodes.Macro):
            bound.add(node.name)
            bound.update(arg.name for arg in node.args)
        else:
            bound.update(name.name for name in node.target.find_all(nodes.Name))
            if isinstance(node.target, nodes.Name):
                bound.add(node.target.name)
    return bound


def _path(node: nodes.Node, scope: dict[str, tuple[str, ...] | None]) -> tuple[str, ...] | None:
    """The data path an expression reads (`stage.findings`), or None if it is not one."""
    if isinstance(node, nodes.Name):
        return scope.get(node.name, (node.name,))
    if isinstance(node, nodes.Getattr):
        base = _path(node.node, scope)
        return base + (node.attr,) if base else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        base = _path(node.node, scope)
        if base is None:
            return None
        return base + ((EACH,) if isinstance(node.arg.value, int) else (str(node.arg.value),))
    return None


def _collect(node: nodes.Node, scope: dict, found: set[tuple[str, ...]]) -> None:
    if isinstance(node, nodes.For):
        _collect(node.iter, scope, found)
        source = _path(node.iter, scope)
        inner = dict(scope, loop=None)
        for name in node.target.find_all(nodes.Name):
            inner[name.name] = None
        if isinstance(node.target, nodes.Name):
            inner[node.target.name] = source + (EACH,) if source else None
        for child in [*node.body, *node.else_, *([node.test] if node.test else [])]:
            _collect(child, inner, found)
        return
    if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem):
        path = _path(node, scope)
        if path:
            found.add(path)
            return
    for child in node.iter_child_nodes():
        _collect(child, scope, found)


def _analyse(path: Path, data: bytes) -> LetterTemplate:
    try:
        tree = _ENVIRONMENT.parse(_jinja_source(data))
    except TemplateSyntaxError as error:
        raise TemplateProblem(f"{path}: template error: {error.message}") from error
    bound = _bound_names(tree)
    names = frozenset(meta.find_undeclared_variables(tree) - bound)
    found: set[tuple[str, ...]] = set()
    _collect(tree, {name: None for name in bound}, found)
    return LetterTemplate(path, data, names, frozenset(found))


@lru_cache(maxsize=64)
def _load_cached(path: Path, modified: float, size: int) -> LetterTemplate:
    try:
        return _analyse(path, path.read_bytes())
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError) as error:
        raise TemplateProblem(f"{path}: not a Word (.docx) file: {error}") from error


def load_template(folder: Path, kind: LetterKind, stage: int) -> LetterTemplate:
    path = folder / template_name(kind, stage)
    try:
        status = path.stat()
    except OSError:
        raise TemplateProblem(
            f"{path}: template missing (a template folder needs all eight letters; "
            "`lettercheck init --templates` copies the built-in ones to start from)"
        ) from None
    return _load_cached(path, status.st_mtime, status.st_size)


def _lookup_problems(value: object, path: tuple[str, ...], done: tuple[str, ...]) -> list[str]:
    """Follow `path` through the context; a key the data does not have is a problem.
    An empty list or an absent optional record (None) ends the check: the template
    guards those with {% if %} or the strict render catches them."""
    if not path or value is None:
        return []
    step, rest = path[0], path[1:]
    if step == EACH:
        if not isinstance(value, list):
            return []
        return next((p for item in value if (p := _lookup_problems(item, rest, done))), [])
    if isinstance(value, dict):
        if step not in value:
            where = ".".join(done) or "the letter"
            known = ", ".join(sorted(value)) or "nothing"
            return [f"`{'.'.join((*done, step))}`: {where} has no `{step}` (it has: {known})"]
        return _lookup_problems(value[step], rest, (*done, step))
    return []


def check_template(template: LetterTemplate, context: dict) -> list[str]:
    """Every variable the template uses that this letter's data does not have."""
    problems = [
        f"{template.path}: uses `{name}`, which is not letter data "
        f"(the data is: {', '.join(sorted(context))})"
        for name in sorted(template.names - set(context))
    ]
    for path in sorted(template.paths):
        if path[0] in context:
            display = tuple(step for step in path if step != EACH)
            problems += [
                f"{template.path}: {problem}"
                for problem in _lookup_problems(context[path[0]], path[1:], display[:1])
            ]
    return list(dict.fromkeys(problems))


def render_letter(template: LetterTemplate, context: dict, logo: Path | None) -> bytes:
    """The letter as DOCX bytes; TemplateProblem if the template and data do not fit."""
    problems = check_template(template, dict(context, logo=""))
    if problems:
        raise TemplateProblem("\n".join(problems))
    document = _LetterTemplate(io.BytesIO(template.data))
    full = dict(context, logo=InlineImage(document, str(logo), height=LOGO_HEIGHT) if logo else "")
    try:
        document.render(full, _ENVIRONMENT, autoescape=True)
        output = io.BytesIO()
        document.save(output)
    except UndefinedError as error:
        raise TemplateProblem(
            f"{template.path}: {error}: this case has no such data (a template guards optional "
            "parts with {% if ... %})"
        ) from error
    except TemplateError as error:
        raise TemplateProblem(f"{template.path}: {error}") from error
    except (OSError, UnrecognizedImageError) as error:
        raise TemplateProblem(f"logo {logo}: cannot use it as an image: {error}") from error
    return output.getvalue()


def write_docx(target: Path, data: bytes) -> Path:
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)
    return target
