"""Reading parts of a ZIP package (DOCX) without trusting it: a bounded number of
members, and a hard cap on how much each part and the whole read may unpack to, checked
while decompressing, so a crafted file cannot exhaust memory."""

import io
import zipfile

from lettercheck.read.errors import CORRUPT, DECOMPRESSION_BOMB, ReadError

MAX_MEMBERS = 10_000
MAX_PART_BYTES = 64 * 1024 * 1024  # a 300-page document.xml is about 10 MB
MAX_TOTAL_BYTES = 160 * 1024 * 1024


class SafeZip:
    """A ZIP archive in memory whose parts are read with size limits."""

    def __init__(
        self,
        data: bytes,
        max_part_bytes: int = MAX_PART_BYTES,
        max_total_bytes: int = MAX_TOTAL_BYTES,
    ) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
            raise ReadError(
                CORRUPT, f"the ZIP container is damaged or truncated ({error})"
            ) from error
        if len(infos) > MAX_MEMBERS:
            raise ReadError(DECOMPRESSION_BOMB, f"the package holds {len(infos)} parts")
        self._infos = {info.filename: info for info in infos}
        self._max_part = max_part_bytes
        self._budget = max_total_bytes

    def __contains__(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """The unpacked bytes of one part, refusing to unpack past the limits."""
        info = self._infos[name]
        limit = min(self._max_part, self._budget)
        if info.file_size > limit:
            raise ReadError(
                DECOMPRESSION_BOMB,
                f"part {name} unpacks to {info.file_size // (1024 * 1024)} MB",
            )
        try:
            with self._zip.open(info) as member:
                data = member.read(limit + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
            raise ReadError(CORRUPT, f"part {name} is damaged ({error})") from error
        except RuntimeError as error:  # zipfile's word for an encrypted member
            raise ReadError(CORRUPT, f"part {name} cannot be unpacked ({error})") from error
        if len(data) > limit:
            raise ReadError(DECOMPRESSION_BOMB, f"part {name} unpacks past the limit")
        self._budget -= len(data)
        return data
