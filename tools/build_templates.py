"""Build the eight letter templates in templates/ (and the example landlord's logo).

    python3 tools/build_templates.py            # writes templates/*.docx
    python3 tools/build_templates.py OUTDIR     # writes them somewhere else

The .docx files are committed: they are what a landlord opens in Word to restyle.
This script is how they were made, so a change to the wording is made here, the
templates rebuilt, and tests/test_generate_templates.py checks the two agree.

Wording rules (spec/elements.md): plain English, every sentence under 30 words, no
jargon, no placeholders, apologies that own the fault ("We are sorry that..."), and
a stage 2 route that never makes the resident give reasons. Every variable is one of
those lettercheck/letter_view.py provides.
"""

import struct
import sys
import zlib
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
FONT = "Arial"


def _set_font(style, size: float, bold: bool = False, colour: RGBColor | None = None) -> None:
    """One font for the style, with the theme fonts removed so Word shows it."""
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    if colour is not None:
        style.font.color.rgb = colour
    fonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:cs"), FONT)


class LetterBuilder:
    """A Word letter with docxtpl tags: text, headings, loops and tables."""

    def __init__(self, title: str):
        self.document = Document()
        self.title = title
        self._styles()
        self._page()
        self._letterhead()
        self._addressee()
        self.heading(title, level=1)

    # layout -----------------------------------------------------------------
    def _styles(self) -> None:
        styles = self.document.styles
        _set_font(styles["Normal"], 11)
        styles["Normal"].paragraph_format.space_after = Pt(6)
        styles["Normal"].paragraph_format.line_spacing = 1.1
        for name, size, before in (("Heading 1", 14, 6), ("Heading 2", 12, 12)):
            _set_font(styles[name], size, bold=True, colour=ACCENT)
            styles[name].paragraph_format.space_before = Pt(before)
            styles[name].paragraph_format.space_after = Pt(4)
        _set_font(styles["List Bullet"], 11)
        tight = styles.add_style("Tight", styles["Normal"].type)
        tight.base_style = styles["Normal"]
        tight.paragraph_format.space_after = Pt(0)
        small = styles.add_style("Letterhead", styles["Normal"].type)
        small.base_style = styles["Normal"]
        _set_font(small, 9, colour=RGBColor(0x40, 0x40, 0x40))
        small.paragraph_format.space_after = Pt(0)
        small.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        # No template tags here: docxtpl renders only some properties, and escapes them.
        properties = self.document.core_properties
        properties.author = ""
        properties.last_modified_by = ""
        properties.title = self.title
        properties.comments = ""
        properties.subject = "Complaint letter"
        properties.keywords = ""

    def _page(self) -> None:
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin, section.bottom_margin = Cm(1.5), Cm(1.8)
        footer = section.footer.paragraphs[0]
        footer.style = self.document.styles["Letterhead"]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(
            "{{ landlord.name }} | Phone {{ landlord.phone }} | {{ landlord.email }}"
            "{% if landlord.website %} | {{ landlord.website }}{% endif %}"
        )

    def _letterhead(self) -> None:
        """Logo on the left (nothing when none is configured), landlord on the right."""
        table = self.document.add_table(rows=1, cols=2)
        table.autofit = False
        logo, details = table.rows[0].cells
        logo.width, details.width = Cm(6), Cm(10.6)
        logo.paragraphs[0].add_run("{{ logo }}")
        name = details.paragraphs[0]
        name.style = self.document.styles["Letterhead"]
        run = name.add_run("{{ landlord.name }}")
        run.bold, run.font.size, run.font.color.rgb = True, Pt(14), ACCENT
        for text in (
            "{{ landlord.address | join(', ') }}",
            "Phone {{ landlord.phone }}",
            "{{ landlord.email }}",
        ):
            details.add_paragraph(text, style="Letterhead")
        self.tag(details, "{%p if landlord.website %}")
        details.add_paragraph("{{ landlord.website }}", style="Letterhead")
        self.tag(details, "{%p endif %}")

    def _addressee(self) -> None:
        self.text("{{ resident.name }}", style="Tight").paragraph_format.space_before = Pt(18)
        self.loop("line in resident.address", "{{ line }}", style="Tight")
        self.text("{{ letter.date }}").paragraph_format.space_before = Pt(12)
        self.text("Our reference: {{ reference }}")
        self.text("Dear {{ resident.salutation }}").paragraph_format.space_before = Pt(12)

    # content ----------------------------------------------------------------
    def tag(self, container, tag: str) -> None:
        """A paragraph holding only a {%p ... %} tag: docxtpl removes it when rendering."""
        container.add_paragraph(tag)

    def block(self, tag: str) -> None:
        self.tag(self.document, tag)

    def text(self, markup: str, style: str | None = None, container=None):
        """A paragraph; **...** marks bold text."""
        paragraph = (container or self.document).add_paragraph(style=style)
        for number, piece in enumerate(markup.split("**")):
            if piece:
                paragraph.add_run(piece).bold = number % 2 == 1
        return paragraph

    def heading(self, text: str, level: int = 2) -> None:
        self.document.add_heading(text, level=level)

    def loop(self, header: str, markup: str, style: str = "List Bullet") -> None:
        self.block(f"{{%p for {header} %}}")
        self.text(markup, style=style)
        self.block("{%p endfor %}")

    def table(self, headers: list[str], widths: list[float], loop: str, cells: list) -> None:
        """A header row and one row per item: `cells` holds each column's paragraphs
        (strings, or ("{%p if ... %}", text) pairs for a paragraph shown conditionally)."""
        table = self.document.add_table(rows=4, cols=len(headers))
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
        header = table.rows[0]
        header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for cell, text in zip(header.cells, headers, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "clear")
            shading.set(qn("w:color"), "auto")
            shading.set(qn("w:fill"), "DCE6F0")
            cell._tc.get_or_add_tcPr().append(shading)
        table.rows[1].cells[0].paragraphs[0].add_run(f"{{%tr for {loop} %}}")
        for cell, paragraphs in zip(table.rows[2].cells, cells, strict=True):
            first = True
            for item in paragraphs if isinstance(paragraphs, list) else [paragraphs]:
                if isinstance(item, tuple):
                    condition, markup = item
                    self.tag(cell, condition)
                    self.text(markup, container=cell)
                    self.tag(cell, "{%p endif %}")
                elif first:
                    for number, piece in enumerate(item.split("**")):
                        if piece:
                            cell.paragraphs[0].add_run(piece).bold = number % 2 == 1
                else:
                    self.text(item, container=cell)
                first = False
        table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
        self.text("").paragraph_format.space_after = Pt(0)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.document.save(path)


# Shared sections ---------------------------------------------------------------


def points_with_outcomes(letter: LetterBuilder, intro: str) -> None:
    letter.text(intro)
    letter.block("{%p for p in points %}")
    letter.text("**Point {{ p.number }}.** You told us that {{ p.summary }}.")
    letter.text("You would like us to {{ p.outcome }}.")
    letter.block("{%p endfor %}")


def responsibility(letter: LetterBuilder) -> None:
    letter.heading("What we are responsible for")
    letter.loop(
        "s in complaint.not_responsible_for",
        "We are not responsible for {{ s.matter }}. This is a matter for {{ s.responsible }}"
        "{% if s.contact %}, and you can contact them at {{ s.contact }}{% endif %}.",
        style="Normal",
    )
    letter.block("{%p if complaint.responsible_for %}")
    letter.text("We are responsible for these parts of your complaint, and we will look into them:")
    letter.loop("item in complaint.responsible_for", "{{ item }}")
    letter.block("{%p elif complaint.not_responsible_for %}")
    letter.text(
        "We are responsible for everything else in your complaint, and we will look into it."
    )
    letter.block("{%p else %}")
    letter.text(
        "We are responsible for all the points in your complaint, and we will look into each one."
    )
    letter.block("{%p endif %}")


def keeping_in_touch(letter: LetterBuilder) -> None:
    letter.text(
        "{% if stage.handler %}{{ stage.handler }} is dealing with your complaint. {% endif %}"
        "You can contact us on {{ landlord.phone }} or at {{ landlord.email }}. "
        "Please quote our reference, {{ reference }}."
    )
    letter.block("{%p if resident.preferred_contact or resident.representative %}")
    letter.text(
        "{% if resident.preferred_contact %}We will contact you {{ resident.preferred_contact }}"
        ", as you asked. {% endif %}{% if resident.representative %}We will also keep your "
        "representative, {{ resident.representative.name }}, informed.{% endif %}"
    )
    letter.block("{%p endif %}")


def adjustments(letter: LetterBuilder) -> None:
    letter.heading("Support and adjustments")
    letter.block("{%p if resident.adjustments %}")
    letter.text(
        "We have recorded the adjustments we agreed with you. We will keep them in place "
        "while we deal with your complaint:"
    )
    letter.loop("item in resident.adjustments", "{{ item }}")
    letter.block("{%p endif %}")
    letter.text(
        "Please tell us if you need any {% if resident.adjustments %}other {% endif %}"
        "adjustments or support to take part in the complaints process. For example, we can "
        "send letters in large print or another language, or talk to someone you trust."
    )


def ombudsman_contacts(letter: LetterBuilder) -> None:
    for key, markup in (
        ("form", "Online: use the complaint form at {{ ombudsman.form }}"),
        ("phone", "Phone: {{ ombudsman.phone }}"),
        ("website", "Website: {{ ombudsman.website }}"),
        ("post", "Post: {{ ombudsman.post }}"),
    ):
        letter.block(f"{{%p if ombudsman.{key} %}}")
        letter.text(markup, style="List Bullet")
        letter.block("{%p endif %}")


def ombudsman_advice(letter: LetterBuilder, intro: str) -> None:
    letter.heading("Help from the Ombudsman")
    letter.text(intro)
    ombudsman_contacts(letter)


def sign_off(letter: LetterBuilder) -> None:
    letter.text("Yours sincerely").paragraph_format.space_before = Pt(12)
    letter.text("**{{ signatory.name }}**", style="Tight").paragraph_format.space_before = Pt(30)
    letter.text("{{ signatory.role }}", style="Tight")
    letter.text("{{ landlord.name }}", style="Tight")
    letter.block("{%p if resident.representative %}")
    letter.text(
        "Copy to: {{ resident.representative.name }}{% if resident.representative.relationship %}"
        " ({{ resident.representative.relationship }}){% endif %}"
    ).paragraph_format.space_before = Pt(12)
    letter.block("{%p endif %}")


def extension_note() -> str:
    """The sentence a response adds when its date was extended, so it is not read as late."""
    return (
        "{% if stage.extension %} We wrote to you{% if stage.extension.notified %} on "
        "{{ stage.extension.notified }}{% endif %} to say we needed more time, and gave you a "
        "new response date of {{ stage.extension.new_date }}.{% endif %}"
    )


def refused_elsewhere(letter: LetterBuilder) -> None:
    letter.block("{%p if stage.refused_before %}")
    letter.text(
        "This response does not cover point{% if stage.refused_before | length > 1 %}s{% endif %}"
        " {{ stage.refused_before | join(', ') }}. We have written to you separately to explain "
        "why we cannot consider {% if stage.refused_before | length > 1 %}them{% else %}it"
        "{% endif %} under our complaints procedure."
    )
    letter.block("{%p endif %}")


def decision_and_findings(letter: LetterBuilder, intro: str) -> None:
    letter.heading("Our decision")
    letter.text(
        intro + " {% if stage.decision == 'upheld' %}This means we agree that we got things "
        "wrong.{% elif stage.decision == 'partly-upheld' %}This means we agree with some of what "
        "you told us, but not all of it.{% else %}This means we have not found that we did "
        "anything wrong.{% endif %}"
    )
    letter.block("{%p if stage.investigation %}")
    letter.text("To investigate your complaint, we {{ stage.investigation }}.")
    letter.block("{%p endif %}")
    letter.text("The table below gives our decision on each point and our reasons for it.")
    letter.table(
        ["Point", "Our decision", "Our reasons"],
        [3.4, 3.0, 10.2],
        "f in stage.findings",
        [
            ["**Point {{ f.point }}**", "{{ f.summary }}"],
            "**{{ f.decision_label }}**",
            [
                "{{ f.reasons }}",
                ("{%p if f.relied_on %}", "We relied on: {{ f.relied_on | join('; ') }}."),
            ],
        ],
    )


def putting_right(letter: LetterBuilder) -> None:
    letter.block("{%p if stage.finds_fault %}")
    letter.heading("What went wrong")
    letter.text(
        "We accept that we got {% if stage.decision == 'partly-upheld' %}some {% endif %}"
        "things wrong. {{ stage.apology }}"
    )
    letter.block("{%p elif stage.apology %}")
    letter.text("{{ stage.apology }}")
    letter.block("{%p endif %}")

    letter.heading("Putting things right")
    letter.block("{%p if stage.remedies %}")
    letter.text(
        "{% if stage.finds_fault %}To put things right, we will do the following."
        "{% else %}Although we have not upheld your complaint, we would like to offer the "
        "following.{% endif %}"
    )
    letter.table(
        ["What we will do", "Payment", "By when"],
        [10.2, 2.6, 3.8],
        "r in stage.remedies",
        [
            "{{ r.description }}",
            "{% if r.amount %}{{ r.amount }}{% else %}-{% endif %}",
            "{{ r.due }}",
        ],
    )
    letter.block("{%p if stage.remedies_total %}")
    letter.text("In total, we will pay you {{ stage.remedies_total }}.")
    letter.block("{%p endif %}")
    letter.block("{%p else %}")
    letter.text("Because we have not upheld your complaint, we are not offering a remedy.")
    letter.block("{%p endif %}")

    letter.heading("Actions still to be done")
    letter.block("{%p if stage.actions %}")
    letter.text(
        "These outstanding actions are still to be done. We will keep you updated on each one "
        "until it is complete."
    )
    letter.table(
        ["Action", "Who will do it", "By when"],
        [9.2, 3.6, 3.8],
        "a in stage.actions",
        ["{{ a.action }}", "{{ a.owner }}", "{{ a.due }}"],
    )
    letter.block("{%p else %}")
    letter.text("There are no outstanding actions.")
    letter.block("{%p endif %}")


# The eight letters -------------------------------------------------------------


def acknowledgement(stage: int) -> LetterBuilder:
    letter = LetterBuilder(f"Your complaint: stage {stage} acknowledgement")
    if stage == 1:
        letter.text(
            "Thank you for your complaint, which we received {% if complaint.channel %}"
            "{{ complaint.channel }} {% endif %}on {{ complaint.received }}. We have logged it "
            "at stage 1 of our complaints procedure."
        )
        letter.heading("What your complaint is about")
    else:
        letter.text(
            "Thank you for asking us to review your complaint. We received your request on "
            "{{ stage.received }}, and we have logged it at stage 2 of our complaints procedure. "
            "Stage 2 is the final stage."
        )
        letter.block("{%p if stage1.decision_words %}")
        letter.text(
            "{% if stage1.responded %}We sent our stage 1 response on {{ stage1.responded }}. "
            "{% endif %}At stage 1 we decided that your complaint was {{ stage1.decision_words }}."
        )
        letter.block("{%p endif %}")
        letter.heading("What you have asked us to review")
    points_with_outcomes(
        letter,
        "This is our understanding of your complaint and what you would like to happen. Please "
        "tell us straight away if we have misunderstood anything or missed something out.",
    )
    if stage == 2:
        letter.block("{%p if stage.still_unhappy_about %}")
        letter.text(
            "You told us that you are still unhappy about {{ stage.still_unhappy_about }}. "
            "We will look at this closely."
        )
        letter.block("{%p endif %}")
    responsibility(letter)
    if stage == 2:
        letter.heading("Who will review your complaint")
        letter.text(
            "{% if stage.handler %}{{ stage.handler }} will review your complaint."
            "{% else %}A senior member of staff will review your complaint.{% endif %} They "
            "were not involved at stage 1, so they will look at it afresh."
        )
    letter.heading("When we will reply")
    letter.text(
        f"We will send you our {'full' if stage == 1 else 'stage 2'} response by "
        "{{ stage.response_due }}. This is within {{ stage.code_days }} working days of this "
        "acknowledgement, as the Complaint Handling Code requires."
    )
    letter.text("If we need more time, we will write to explain why and give you a new date.")
    keeping_in_touch(letter)
    adjustments(letter)
    ombudsman_advice(
        letter,
        "The {{ ombudsman.name }} can give you advice about your complaint at any time, "
        "including while we deal with it. You can contact the Ombudsman:",
    )
    sign_off(letter)
    return letter


def extension(stage: int) -> LetterBuilder:
    letter = LetterBuilder(f"Your complaint: we need more time for our stage {stage} response")
    if stage == 1:
        letter.text(
            "We are writing about your complaint, which is at stage 1 of our complaints "
            "procedure. We received it on {{ complaint.received }} and acknowledged it on "
            "{{ stage.acknowledged }}."
        )
    else:
        letter.text(
            "This letter is about the stage 2 review of your complaint. We received your request "
            "for it on {{ stage.received }} and acknowledged it on {{ stage.acknowledged }}."
        )
    letter.heading("Your complaint")
    letter.text("Your complaint is about these points:")
    letter.loop("p in points", "You told us that {{ p.summary }}.")
    letter.heading("Why we need more time")
    letter.text(
        f"Our stage {stage} response was due by {{{{ stage.response_due }}}}. We are sorry that "
        "we now need more time to reply."
    )
    letter.text("We need more time because {{ stage.extension.reason }}.")
    letter.heading("Your new response date")
    letter.text(
        f"We will now send you our stage {stage} response by {{{{ stage.extension.new_date }}}}."
        "{% if stage.extension.within_limit %} This is {{ stage.extension.working_days }} working "
        "days after the date we first gave you. The Complaint Handling Code allows up to "
        f"{10 if stage == 1 else 20} extra working days.{{% endif %}}"
    )
    letter.block("{%p if stage.extension.updates %}")
    letter.text(
        "Until then, we will keep you updated {{ stage.extension.updates }}. Please tell us if "
        "you would like updates more or less often."
    )
    letter.block("{%p else %}")
    letter.text("Please tell us how often you would like us to update you until then.")
    letter.block("{%p endif %}")
    keeping_in_touch(letter)
    ombudsman_advice(
        letter,
        "If you are unhappy about this delay, you can contact the {{ ombudsman.name }} for "
        "advice. You can contact the Ombudsman at any time:",
    )
    sign_off(letter)
    return letter


def response(stage: int) -> LetterBuilder:
    if stage == 1:
        letter = LetterBuilder("Our stage 1 response to your complaint")
        letter.text(
            "This is our stage 1 response to your complaint, which we received on "
            "{{ complaint.received }}." + extension_note()
        )
    else:
        letter = LetterBuilder("Our stage 2 final response to your complaint")
        letter.text("This is our stage 2 response to your complaint. It is our final response.")
        letter.text(
            "You asked us on {{ stage.received }} to review your complaint at stage 2 of our "
            "complaints procedure.{% if stage1.responded %} Our stage 1 response of "
            "{{ stage1.responded }} decided that your complaint was {{ stage1.decision_words }}."
            "{% endif %}"
        )
        letter.text(
            "{{ stage.handler }} has reviewed your complaint and was not involved at stage 1."
            + extension_note()
        )
    letter.heading("Your complaint")
    points_with_outcomes(
        letter,
        "We understand that your complaint is about the points below. We have also set out "
        "what you would like us to do about each one.",
    )
    if stage == 2:
        letter.block("{%p if stage.still_unhappy_about %}")
        letter.text("You told us that you are still unhappy about {{ stage.still_unhappy_about }}.")
        letter.block("{%p endif %}")
    refused_elsewhere(letter)
    decision_and_findings(
        letter,
        "Our decision is that your complaint is {{ stage.decision_words }}."
        if stage == 1
        else "Our decision at stage 2 is that your complaint is {{ stage.decision_words }}.",
    )
    putting_right(letter)
    if stage == 1:
        letter.heading("If you are not happy with our response")
        letter.text(
            "If you are not happy with this response, you can ask us to look at your complaint "
            "again at stage 2 of our complaints procedure."
        )
        letter.text(
            "To ask for stage 2, contact our {{ landlord.complaints_team }}. You can reply to "
            "this letter, email {{ landlord.email }}, phone {{ landlord.phone }}, or write to us "
            "at the address above."
        )
        letter.text(
            "{% if escalation.by %}Please ask by {{ escalation.by }}. If you need longer, tell "
            "us and we will consider it.{% else %}There is no time limit for asking, but the "
            "sooner you ask, the sooner we can act.{% endif %}"
        )
        letter.text(
            "You do not have to give reasons. If you want to, you can tell us what you are still "
            "unhappy about, and we will look at it closely."
        )
        letter.text(
            "Someone who was not involved in this stage 1 response will then review your complaint."
        )
        ombudsman_advice(
            letter,
            "You can contact the {{ ombudsman.name }} for advice at any time. If you are still "
            "unhappy after our stage 2 response, you can ask the Ombudsman to investigate your "
            "complaint. You can contact the Ombudsman:",
        )
    else:
        letter.heading("This is our final response")
        letter.text(
            "This is our final response to your complaint. Our complaints procedure is now "
            "complete."
        )
        letter.heading("Your right to go to the Ombudsman")
        letter.text(
            "If you are still unhappy, you can refer your complaint to the {{ ombudsman.name }}. "
            "The Ombudsman is free, independent and impartial, and can investigate your "
            "complaint. You can contact the Ombudsman:"
        )
        ombudsman_contacts(letter)
    sign_off(letter)
    return letter


def refusal(stage: int) -> LetterBuilder:
    whole = "{% if stage.refusal.whole %}"
    if stage == 1:
        letter = LetterBuilder("Your complaint: why we cannot accept it")
        letter.text(
            "Thank you for your complaint, which we received {% if complaint.channel %}"
            "{{ complaint.channel }} {% endif %}on {{ complaint.received }}. We have thought "
            "carefully about whether we can consider it at stage 1 of our complaints procedure."
        )
        letter.text(
            whole + "We have decided that we cannot accept your complaint.{% else %}We have "
            "decided that we cannot accept part of your complaint. We will deal with the rest of "
            "it as normal.{% endif %}"
        )
        letter.heading("What we cannot accept")
        verb = "accept"
    else:
        letter = LetterBuilder("Your request for stage 2: why we cannot escalate your complaint")
        letter.text(
            "You asked us on {{ stage.received }} for a stage 2 review of your complaint. We have "
            "thought carefully about your request."
        )
        letter.text(
            whole + "We have decided that we cannot escalate your complaint to stage 2."
            "{% else %}We have decided that we cannot escalate part of your complaint to stage 2. "
            "We will review the rest of it at stage 2 as normal.{% endif %}"
        )
        letter.heading("What we cannot escalate")
        verb = "escalate"
    letter.text(
        whole + "Your complaint is about the following.{% else %}This is the part of your "
        f"complaint we cannot {verb}.{{% endif %}}"
    )
    letter.loop(
        "p in points", "**Point {{ p.number }}.** You told us that {{ p.summary }}.", style="Normal"
    )
    letter.heading(f"Why we cannot {verb} it")
    letter.text("{{ stage.refusal.ground_text }}")
    letter.text("{{ stage.refusal.details }}")
    letter.text(
        "We have looked at your own circumstances, not just the type of complaint. If you think "
        "we have got the facts wrong, please tell us."
    )
    if stage == 1:
        letter.text(
            "This decision is only about " + whole + "this complaint{% else %}this part of your "
            "complaint{% endif %}. You can still complain to us about anything else."
        )
    letter.heading("Your right to go to the Ombudsman")
    letter.text(
        "If you disagree with our decision, you can ask the {{ ombudsman.name }} to look at it. "
        "If the Ombudsman finds that we have not applied this exclusion fairly, it can tell us "
        f"to {'accept' if stage == 1 else 'review'} your complaint. You can contact the "
        "Ombudsman:"
    )
    ombudsman_contacts(letter)
    sign_off(letter)
    return letter


BUILDERS = {
    "acknowledgement": acknowledgement,
    "extension": extension,
    "response": response,
    "refusal": refusal,
}


def build_all(folder: Path) -> list[Path]:
    written = []
    for kind, build in BUILDERS.items():
        for stage in (1, 2):
            path = folder / f"{kind}-{stage}.docx"
            build(stage).save(path)
            written.append(path)
    return written


def _png(width: int, height: int, pixel) -> bytes:
    """A PNG from a function of (x, y) -> (r, g, b, a), with only the standard library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def example_logo() -> bytes:
    """The example landlord's logo: a house on a square, in the letters' accent colour."""
    size = 240
    blue, white, clear = (0x1F, 0x4E, 0x79, 255), (255, 255, 255, 255), (0, 0, 0, 0)

    def pixel(x: int, y: int):
        if not (8 <= x < size - 8 and 8 <= y < size - 8):
            return clear
        roof = 50 <= y < 120 and abs(x - size / 2) <= (y - 50) * 1.25
        walls = 118 <= y < 200 and 62 <= x < 178
        door = 150 <= y < 200 and 106 <= x < 134
        return white if (roof or walls) and not door else blue

    return _png(size, size, pixel)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "templates"
    for path in build_all(folder):
        print(path)
    logo = ROOT / "lettercheck" / "examples" / "logo.png"
    if len(sys.argv) == 1:
        logo.write_bytes(example_logo())
        print(logo)


if __name__ == "__main__":
    main()
