"""Ruled tables on a PDF page, found from their border lines.

Word, case-management systems and reportlab draw table borders as thin path objects
(lines or hairline rectangles). Joining the horizontal and vertical ones that cross
gives a grid; a missing border between two grid cells means they are merged. Shaded
backgrounds and other large shapes are ignored, so a page-sized background rectangle
cannot turn the whole letter into a table.
"""

from collections.abc import Iterator
from dataclasses import dataclass

THIN = 3.0  # a border is at most this thick, in points
TOLERANCE = 1.5  # borders this close are one line
MIN_LENGTH = 6.0


@dataclass(slots=True)
class Segment:
    horizontal: bool
    at: float  # y of a horizontal segment, x of a vertical one
    low: float  # where it starts along its length
    high: float

    @staticmethod
    def from_bounds(left: float, bottom: float, right: float, top: float) -> list["Segment"]:
        width, height = right - left, top - bottom
        if height <= THIN and width >= MIN_LENGTH:
            return [Segment(True, (bottom + top) / 2, left, right)]
        if width <= THIN and height >= MIN_LENGTH:
            return [Segment(False, (left + right) / 2, bottom, top)]
        return []

    def crosses(self, other: "Segment") -> bool:
        return (
            self.low - TOLERANCE <= other.at <= self.high + TOLERANCE
            and other.low - TOLERANCE <= self.at <= other.high + TOLERANCE
        )

    def covers(self, at: float, point: float) -> bool:
        return abs(self.at - at) <= TOLERANCE and self.low - 1 <= point <= self.high + 1


@dataclass
class Table:
    xs: list[float]  # column borders, left to right
    ys: list[float]  # row borders, top to bottom
    cells: list[tuple[int, int, int, int]]  # first row, last row, first col, last col

    def contains(self, x: float, y: float) -> bool:
        return self.xs[0] <= x <= self.xs[-1] and self.ys[-1] <= y <= self.ys[0]

    def rows(self) -> Iterator[tuple[float, float, list[tuple[float, float, float, float]]]]:
        """(top, bottom, cell boxes left to right) for each grid row; a merged cell
        belongs to the row where it starts."""
        for row in range(len(self.ys) - 1):
            boxes = [
                (self.xs[c0] + 0.5, self.ys[r1 + 1] + 0.5, self.xs[c1 + 1] - 0.5, self.ys[r0] - 0.5)
                for r0, r1, c0, c1 in self.cells
                if r0 == row
            ]
            if boxes:
                yield self.ys[row], self.ys[row + 1], boxes


def find_tables(segments: list[Segment]) -> list[Table]:
    """The ruled tables drawn by `segments`, top of the page first."""
    horizontal = _merge([s for s in segments if s.horizontal])
    vertical = _merge([s for s in segments if not s.horizontal])
    if len(horizontal) < 2 or len(vertical) < 2:
        return []
    tables = []
    for group in _connected(horizontal, vertical):
        table = _grid(group)
        if table is not None:
            tables.append(table)
    return sorted(tables, key=lambda table: -table.ys[0])


def _merge(segments: list[Segment]) -> list[Segment]:
    """Collinear pieces that touch joined into one segment (Word draws a border per cell)."""
    merged: list[Segment] = []
    for segment in sorted(segments, key=lambda s: (round(s.at / TOLERANCE), s.low)):
        last = merged[-1] if merged else None
        if (
            last is not None
            and abs(last.at - segment.at) <= TOLERANCE
            and segment.low <= last.high + TOLERANCE
        ):
            last.high = max(last.high, segment.high)
        else:
            merged.append(Segment(segment.horizontal, segment.at, segment.low, segment.high))
    return merged


def _connected(horizontal: list[Segment], vertical: list[Segment]) -> list[list[Segment]]:
    """Groups of segments linked by crossings: each group is one candidate table."""
    segments = horizontal + vertical
    parent = list(range(len(segments)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical, start=len(horizontal)):
            if h.crosses(v):
                parent[root(i)] = root(j)
    groups: dict[int, list[Segment]] = {}
    for index, segment in enumerate(segments):
        groups.setdefault(root(index), []).append(segment)
    return list(groups.values())


def _grid(group: list[Segment]) -> Table | None:
    horizontal = [s for s in group if s.horizontal]
    vertical = [s for s in group if not s.horizontal]
    xs = _distinct(s.at for s in vertical)
    ys = _distinct(s.at for s in horizontal)[::-1]
    if len(xs) < 2 or len(ys) < 2:
        return None
    rows, cols = len(ys) - 1, len(xs) - 1
    parent = list(range(rows * cols))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for row in range(rows):
        middle_y = (ys[row] + ys[row + 1]) / 2
        for col in range(cols):
            middle_x = (xs[col] + xs[col + 1]) / 2
            here = row * cols + col
            if col + 1 < cols and not any(v.covers(xs[col + 1], middle_y) for v in vertical):
                parent[root(here)] = root(here + 1)
            if row + 1 < rows and not any(h.covers(ys[row + 1], middle_x) for h in horizontal):
                parent[root(here)] = root(here + cols)
    members: dict[int, list[int]] = {}
    for index in range(rows * cols):
        members.setdefault(root(index), []).append(index)
    cells = []
    for indices in members.values():
        r0, r1 = indices[0] // cols, indices[-1] // cols
        c0, c1 = min(i % cols for i in indices), max(i % cols for i in indices)
        if len(indices) != (r1 - r0 + 1) * (c1 - c0 + 1):
            return None  # not a grid of rectangles: leave the text as plain lines
        cells.append((r0, r1, c0, c1))
    cells.sort(key=lambda cell: (cell[0], cell[2]))
    return Table(xs, ys, cells)


def _distinct(values: Iterator[float]) -> list[float]:
    """Sorted values with near-duplicates (within TOLERANCE) dropped."""
    result: list[float] = []
    for value in sorted(values):
        if not result or value - result[-1] > TOLERANCE:
            result.append(value)
    return result
