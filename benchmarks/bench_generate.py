"""How fast `generate --batch` makes letters: a CSV of N cases (500 by default), each
a variation of the built-in example case, through the same path the command takes
(read the CSV, validate each case, render, write).

    python3 benchmarks/bench_generate.py [--cases 500] [--letter response] [--stage 1]

Prints letters per second; not a test (speed depends on the machine).
"""

import argparse
import csv
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

from lettercheck.case_files import batch_sources
from lettercheck.config import load_config
from lettercheck.generate import Generator, generate_batch
from lettercheck.letters import LetterKind
from lettercheck.resources import EXAMPLES_DIR


def flatten(value: object, prefix: str = "") -> dict[str, str]:
    """The case as CSV columns: nested fields dotted, list items numbered from 1."""
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list) and all(isinstance(item, dict | list) for item in value):
        items = ((str(number), item) for number, item in enumerate(value, start=1))
    elif isinstance(value, list):
        return {prefix: "|".join(str(item) for item in value)} if value else {}
    else:
        return {prefix: value.isoformat() if isinstance(value, date) else str(value)}
    columns: dict[str, str] = {}
    for key, item in items:
        columns |= flatten(item, f"{prefix}.{key}" if prefix else str(key))
    return columns


def write_cases(path: Path, count: int) -> None:
    example = yaml.safe_load((EXAMPLES_DIR / "case.yaml").read_text(encoding="utf-8"))
    rows = []
    for number in range(1, count + 1):
        row = flatten(example)
        row["reference"] = f"BENCH-{number:05d}"
        row["resident.name"] = f"Resident {number}"
        row["resident.salutation"] = f"Resident {number}"
        rows.append(row)
    columns = sorted({column for row in rows for column in row})
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--letter", choices=[kind.value for kind in LetterKind], default="response")
    parser.add_argument("--stage", type=int, choices=(1, 2), default=1)
    args = parser.parse_args()
    generator = Generator.from_config(load_config(EXAMPLES_DIR / "lettercheck.yaml"))
    kind = LetterKind(args.letter)
    with tempfile.TemporaryDirectory() as work:
        cases = Path(work, "cases.csv")
        write_cases(cases, args.cases)
        started = time.perf_counter()
        result = generate_batch(
            generator, batch_sources(cases), kind, args.stage, Path(work, "letters")
        )
        seconds = time.perf_counter() - started
    if result.problems:
        raise SystemExit("\n".join([*result.problems[:5], f"{len(result.problems)} problems"]))
    made = len(result.written)
    print(
        f"{made} {kind.value} stage {args.stage} letters from a {args.cases}-case CSV in "
        f"{seconds:.1f} s: {made / seconds:.1f} letters/second"
    )


if __name__ == "__main__":
    main()
