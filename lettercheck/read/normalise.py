"""One normal form for block text from every format, so that rules and quotes match
whatever program wrote the file: ligatures spelled out, exotic spaces made plain,
invisible characters dropped, runs of spaces and tabs collapsed."""

import re

_TABLE = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "ft",
        "\ufb06": "st",
        "\u00a0": " ",
        "\u202f": " ",
        "\u205f": " ",
        "\u3000": " ",
        "\t": " ",
        "\r": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
        "\u00ad": None,  # soft hyphen: only shown where a word breaks
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\ufffe": None,
        "\x00": None,
        **{chr(code): " " for code in range(0x2000, 0x200B)},
        **{chr(code): None for code in range(1, 32) if chr(code) not in "\t\n\r"},
    }
)
_SPACES = re.compile(r" {2,}")
_AROUND_NEWLINE = re.compile(r" *\n *")


def clean(text: str) -> str:
    """`text` in normal form (see the module docstring), stripped."""
    text = text.translate(_TABLE)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if "\n" in text:
        text = _AROUND_NEWLINE.sub("\n", text)
    return text.strip()
