"""Write whole or not at all: every output file is written to a temporary file
beside it and renamed into place, so a crash or a bad record never leaves a
half-written letter or report behind."""

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _new_temporary(target: Path) -> Path:
    """An empty file beside `target`, made with the mode a plain open() would give
    (0666 less the umask): tempfile.mkstemp makes 0600 files, and a report or letter
    renamed from one would be unreadable to the rest of the team."""
    while True:
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return candidate


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path to write; it replaces `target` only if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = _new_temporary(target)
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def write_atomically(target: Path, content: str) -> None:
    with atomic_path(target) as temporary:
        temporary.write_text(content, encoding="utf-8", newline="")
