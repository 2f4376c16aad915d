"""The Ombudsmen's contact details in the many ways letters write them, told apart as
current, superseded (still seen in letters) or wrong (a near miss of a real one).

Phone numbers are compared as digits ("0300-111-3000", "0300 1113000", "+44 300 111
3000"), web addresses by host and path ("housing-ombudsman.org.uk", "https://www.…/"),
postal addresses by their PO Box and postcode, whatever the spacing.
"""

import re
from dataclasses import dataclass
from datetime import date

from lettercheck.catalogue import OmbudsmanCatalogue, OmbudsmanDetails

PHONE_RE = re.compile(r"(?<![\d£])(?:\+44\s?\(?0?\)?\s?|0)\d(?:[\s\-.]?\d){8,10}(?!\d)")
WEB_RE = re.compile(
    r"\b(?:https?://)?(?:www\.)?(?P<host>(?:[a-z0-9-]+\.)+(?:org\.uk|gov\.uk|co\.uk|uk|com|org))"
    r"(?P<path>/[^\s,;)]*)?",
    re.IGNORECASE,
)
EMAIL_RE = re.compile(r"\b[\w.+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}\b", re.IGNORECASE)
POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
PO_BOX_RE = re.compile(r"\bP\.?\s?O\.?\s?Box\s*(\d+)\b", re.IGNORECASE)
OMBUDSMAN_WORD = re.compile(r"ombudsman|\blgsco\b|\blgo\b", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """One piece of contact detail found in the letter."""

    channel: str  # phone, website, complaint_form, email, post, fax, text, name
    ombudsman: str  # "housing" or "lgsco"
    status: str  # "current", "superseded" or "wrong"
    start: int
    end: int
    text: str


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return "0" + digits[2:] if digits.startswith("44") else digits


def _host(text: str) -> str:
    text = re.sub(r"^(?:https?://)?(?:www\.)?", "", text.strip().lower())
    return text.split("/")[0]


def _postcode(text: str) -> str:
    return re.sub(r"\s", "", text).upper()


def _one_edit_apart(first: str, second: str) -> bool:
    """Same length with at most two digits changed, or one digit dropped or added."""
    if len(first) == len(second):
        return sum(a != b for a, b in zip(first, second, strict=True)) <= 2
    if abs(len(first) - len(second)) != 1:
        return False
    longer, shorter = (first, second) if len(first) > len(second) else (second, first)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


@dataclass(frozen=True)
class _Known:
    phones: dict[str, tuple[str, str, str]]  # digits -> (ombudsman, status, channel)
    hosts: dict[str, tuple[str, str]]  # host -> (ombudsman, status)
    emails: dict[str, tuple[str, str]]
    po_boxes: dict[str, tuple[str, str]]
    postcodes: dict[str, tuple[str, str]]
    landmarks: dict[str, tuple[str, str]]  # "exchange tower" -> (ombudsman, status)
    names: dict[str, tuple[str, str]]


def _add_details(known: _Known, ombudsman: str, status: str, details: OmbudsmanDetails) -> None:
    for channel in ("phone", "fax", "text"):
        for number in getattr(details, channel):
            known.phones[_digits(number)] = (ombudsman, status, channel)
    for address in details.website + details.complaint_form:
        known.hosts[_host(address)] = (ombudsman, status)
    for email in details.email:
        known.emails[email.lower()] = (ombudsman, status)
    for post in details.post:
        for box in PO_BOX_RE.findall(post):
            known.po_boxes[box] = (ombudsman, status)
        for code in POSTCODE_RE.findall(post):
            known.postcodes[_postcode(code)] = (ombudsman, status)
        first = post.split(",")[0].strip().lower()
        if not PO_BOX_RE.match(first) and "ombudsman" not in first:
            known.landmarks[first] = (ombudsman, status)
    for name in details.name:
        known.names[name.lower()] = (ombudsman, status)


def _index(catalogue: OmbudsmanCatalogue) -> _Known:
    known = _Known({}, {}, {}, {}, {}, {}, {})
    for key, ombudsman in catalogue.ombudsmen.items():
        _add_details(known, key, "current", ombudsman.current)
        _add_details(known, key, "superseded", ombudsman.superseded)
    return known


def _near_ombudsman(text: str, start: int, reach: int = 300) -> bool:
    """Contact details count as the Ombudsman's only near a mention of an Ombudsman."""
    return bool(OMBUDSMAN_WORD.search(text[max(0, start - reach) : start + reach]))


def find_mentions(text: str, catalogue: OmbudsmanCatalogue) -> list[Mention]:
    """Every Ombudsman contact detail in `text`, current, superseded or wrong."""
    known = _index(catalogue)
    found: list[Mention] = []

    def add(channel: str, who: str, status: str, match: re.Match) -> None:
        found.append(Mention(channel, who, status, match.start(), match.end(), match.group()))

    for match in PHONE_RE.finditer(text):
        digits = _digits(match.group())
        if digits in known.phones:
            who, status, channel = known.phones[digits]
            add(channel, who, status, match)
        elif _near_ombudsman(text, match.start(), 160):
            for number, (who, status, channel) in known.phones.items():
                if status == "current" and _one_edit_apart(digits, number):
                    add(channel, who, "wrong", match)
                    break
    for match in EMAIL_RE.finditer(text):
        address = match.group().lower()
        if address in known.emails:
            add("email", *known.emails[address], match)
        elif "ombudsman" in address.split("@")[1] or address.endswith("lgo.org.uk"):
            who = "lgsco" if "lgo" in address else "housing"
            add("email", who, "wrong", match)
    emails = [(m.start, m.end) for m in found if m.channel == "email"]
    for match in WEB_RE.finditer(text):
        if any(start <= match.start() < end for start, end in emails):
            continue
        host = match.group("host").lower()
        if host in known.hosts:
            who, status = known.hosts[host]
            path = (match.group("path") or "").lower()
            channel = (
                "complaint_form" if "complaint" in path or "complaints." in host else "website"
            )
            add(channel, who, status, match)
        elif "ombudsman" in host or host.endswith("lgo.org.uk") or host.startswith("lgo."):
            add("website", "lgsco" if "lgo" in host else "housing", "wrong", match)
    for match in PO_BOX_RE.finditer(text):
        if match.group(1) in known.po_boxes and _near_ombudsman(text, match.start(), 300):
            add("post", *known.po_boxes[match.group(1)], match)
    for match in POSTCODE_RE.finditer(text):
        code = _postcode(match.group())
        if code in known.postcodes and _near_ombudsman(text, match.start(), 300):
            add("post", *known.postcodes[code], match)
    lowered = text.lower()
    for landmark, (who, status) in known.landmarks.items():
        for match in re.finditer(re.escape(landmark).replace(r"\ ", r"\s+"), lowered):
            if _near_ombudsman(text, match.start(), 300):
                found.append(
                    Mention(
                        "post",
                        who,
                        status,
                        match.start(),
                        match.end(),
                        text[match.start() : match.end()],
                    )
                )
    for name, (who, status) in known.names.items():
        pattern = re.escape(name).replace(r"\ ", r"\s+") + r"(?!\s+and\s+social\s+care)"
        for match in re.finditer(pattern, lowered):
            found.append(
                Mention(
                    "name",
                    who,
                    status,
                    match.start(),
                    match.end(),
                    text[match.start() : match.end()],
                )
            )
    return sorted(found, key=lambda mention: mention.start)


def email_closed(catalogue: OmbudsmanCatalogue, ombudsman: str, letter_date: date | None) -> bool:
    """The Ombudsman no longer takes new complaints by email on the letter's date."""
    closed = catalogue.ombudsmen[ombudsman].email_complaints_closed
    return closed is not None and letter_date is not None and letter_date >= closed
