"""Write whole or not at all: every output file is written to a temporary file
beside it and renamed into place, so a crash or a bad record never leaves a
half-written letter or report behind."""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path to write; it replaces `target` only if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    os.close(handle)
    try:
        yield Path(temporary)
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_atomically(target: Path, content: str) -> None:
    with atomic_path(target) as temporary:
        temporary.write_text(content, encoding="utf-8", newline="")
