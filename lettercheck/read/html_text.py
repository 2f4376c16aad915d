"""HTML email bodies as plain text: block elements become paragraphs, table rows become
"cell | cell" lines, and quoted earlier messages (<blockquote>, Outlook's and Gmail's
quote containers) get "> " in front of each line so the email reader can mark them.
Nothing the HTML points to (images, stylesheets, links) is ever fetched; scripts and
styles are dropped unread."""

from html.parser import HTMLParser

_BLOCKS = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "address",
        "pre",
        "hr",
        "dl",
        "dt",
        "dd",
    }
)
_SKIPPED = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base"})
_QUOTE_CLASSES = ("gmail_quote", "moz-cite-prefix", "yahoo_quoted", "protonmail_quote")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []  # (quote depth, text)
        self.current: list[str] = []
        self.skip = 0
        self.quote = 0
        self.stack: list[tuple[str, bool]] = []  # open tags, and whether each opened a quote
        self.cells: list[list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._break()
            return
        opens_quote = tag == "blockquote" or _is_quote(attrs)
        self.stack.append((tag, opens_quote))
        if tag in _SKIPPED:
            self.skip += 1
        elif tag in ("td", "th"):
            self.cells = self.cells if self.cells is not None else []
            self.cells.append([])
        else:
            if tag in _BLOCKS or opens_quote:
                self._break()
            if tag == "li":
                self.current.append("- ")
        if opens_quote:
            self.quote += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(name == tag for name, _ in self.stack):
            return
        while self.stack:
            name, opened_quote = self.stack.pop()
            if opened_quote:
                self._break()
                self.quote -= 1
            if name in _SKIPPED:
                self.skip -= 1
            if name == "tr" and self.cells is not None:
                row = " | ".join(" ".join("".join(cell).split()) for cell in self.cells)
                self.cells = None
                self.current.append(row)
                self._break()
            elif name in _BLOCKS:
                self._break()
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cells:
            self.cells[-1].append(data)
        else:
            self.current.append(data)

    def _break(self) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        self.lines.append((self.quote, text))


def _is_quote(attrs: list[tuple[str, str | None]]) -> bool:
    values = dict(attrs)
    classes = values.get("class") or ""
    if any(name in classes for name in _QUOTE_CLASSES) or values.get("type") == "cite":
        return True
    return values.get("id") in ("divRplyFwdMsg", "appendonsend")  # Outlook's reply header


def html_to_text(html: str) -> str:
    """The text of an HTML body: paragraphs separated by blank lines, quoted lines
    starting with "> "."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    parser._break()
    paragraphs = []
    for depth, text in parser.lines:
        if text:
            paragraphs.append(f"> {text}" if depth > 0 else text)
        elif paragraphs and paragraphs[-1]:
            paragraphs.append("")
    return "\n".join(paragraphs).strip()
