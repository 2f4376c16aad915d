"""How fast `lettercheck check` is on the files landlords send, and how much memory it
takes: letters per second on N Word and N PDF letters (300 of each by default), the
split between reading and analysis, a two-process `audit`, the start-up time of one
`lettercheck check letter.docx`, and peak memory.

The letters are the corpus's train and dev letters (the held-out test split is not
used), in a seeded order and cycled when N is larger, rendered by
lettercheck.corpus.render into realistic DOCX (letterhead, tables, some tracked changes
and comments) and 1-3 page PDFs.

    python3 benchmarks/bench_check.py [--letters 300] [--quick] [--seed 1] [--corpus corpus]

(with lettercheck installed, or PYTHONPATH=. from the repository root; reportlab is
needed to build the PDFs). Prints figures and exits 0; not a test: speed depends on
the machine.
"""

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

import lettercheck
from lettercheck.config import Config
from lettercheck.corpus.render import render_docx, render_pdf
from lettercheck.corpus.store import letters_dir, load_split
from lettercheck.document import Document
from lettercheck.lint import check_document, check_path
from lettercheck.read import read_path

PACKAGE_ROOT = Path(lettercheck.__file__).resolve().parent.parent
QUICK_LETTERS, QUICK_RUNS, FULL_RUNS = 30, 3, 5
AUDIT_JOBS = 2
# Runs a command and reports its wall-clock time and peak RSS from a small Python
# launcher: a child started straight from this process would report this process's
# RSS as its own peak (Linux carries the forking process's high-water mark across exec).
LAUNCHER = """
import resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - started
print(seconds, code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


@dataclass
class Run:
    """One finished subprocess: wall-clock seconds, exit code and peak RSS in MiB."""

    seconds: float
    code: int
    peak_mib: float
    stderr: str


def build(corpus: Path, folder: Path, count: int, seed: int) -> tuple[list[Path], list[Path]]:
    """`count` DOCX and `count` PDF letters under folder/docx and folder/pdf, from the
    train and dev letters in a seeded order (cycled if there are fewer than `count`).
    The same letters in both formats, so the two rates compare like with like."""
    split = load_split(corpus)
    texts = [letters_dir(corpus) / f"{id_}.txt" for id_ in sorted(split["train"] + split["dev"])]
    texts = [path for path in texts if path.is_file()]
    if not texts:
        raise SystemExit(f"{corpus}: no train or dev letters to benchmark with")
    chooser = random.Random(seed)
    chooser.shuffle(texts)
    docx_paths, pdf_paths = [], []
    for number in range(count):
        source = texts[number % len(texts)]
        text = source.read_text(encoding="utf-8")
        name = f"{number:04d}-{source.stem}"
        docx_path = folder / "docx" / f"{name}.docx"
        pdf_path = folder / "pdf" / f"{name}.pdf"
        render_docx(
            text,
            docx_path,
            tracked_change=chooser.random() < 0.4,
            comment=chooser.random() < 0.3,
        )
        render_pdf(text, pdf_path)
        docx_paths.append(docx_path)
        pdf_paths.append(pdf_path)
    return docx_paths, pdf_paths


def page_count(path: Path) -> int:
    document = pdfium.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def seconds_for(action: Callable[[Path], object], paths: list[Path]) -> float:
    started = time.perf_counter()
    for path in paths:
        action(path)
    return time.perf_counter() - started


def check(path: Path) -> None:
    """check_path, refusing a letter that did not read (a benchmark of failures would
    flatter the linter)."""
    for result in check_path(path):
        if result.status != "ok":
            raise SystemExit(f"{path}: {result.error.message if result.error else 'not read'}")


def read_then_analyse(paths: list[Path]) -> tuple[float, float]:
    """Seconds spent in read_path and in check_document over `paths`: check_path's two
    halves, timed apart."""
    config = Config()
    reading = analysing = 0.0
    for path in paths:
        started = time.perf_counter()
        documents = read_path(path)
        read_at = time.perf_counter()
        for document in documents:
            if isinstance(document, Document):
                check_document(document, config)
        analysing += time.perf_counter() - read_at
        reading += read_at - started
    return reading, analysing


def run(command: list[str], cwd: Path) -> Run:
    """Run `command` to the end. The peak RSS is the largest of the process and the
    children it waited for (an audit's workers); ru_maxrss is in KiB on Linux."""
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(PACKAGE_ROOT), *filter(None, [environment.get("PYTHONPATH")])]
    )
    launched = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, code, peak_kib = launched.stdout.split()
    return Run(float(seconds), int(code), int(peak_kib) / 1024, launched.stderr)


def run_ok(command: list[str], cwd: Path, codes: tuple[int, ...] = (0,)) -> Run:
    """`run`, stopping the benchmark with the command's own message if it failed."""
    result = run(command, cwd)
    if result.code not in codes:
        tail = result.stderr.strip().splitlines()[-3:]
        raise SystemExit(f"{' '.join(command)} exited {result.code}: {' / '.join(tail)}")
    return result


def median_run(command: list[str], cwd: Path, runs: int, codes: tuple[int, ...]) -> Run:
    """The median wall-clock time and peak RSS of `runs` runs of `command`."""
    results = [run_ok(command, cwd, codes) for _ in range(runs)]
    return Run(
        statistics.median(r.seconds for r in results),
        results[0].code,
        statistics.median(r.peak_mib for r in results),
        "",
    )


def row(label: str, value: str, detail: str = "") -> None:
    print(f"  {label:<40} {value:>15}  {detail}".rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, help="letters per format (default 300)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK_LETTERS} letters per format and {QUICK_RUNS} start-up runs",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", type=Path, default=PACKAGE_ROOT / "corpus")
    options = parser.parse_args()
    count = options.letters or (QUICK_LETTERS if options.quick else 300)
    runs = QUICK_RUNS if options.quick else FULL_RUNS
    if count < 2:
        parser.error("--letters must be at least 2 (one is the warm-up)")
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="bench-check-") as work_name:
        work = Path(work_name)
        letters = work / "letters"
        started = time.perf_counter()
        docx_paths, pdf_paths = build(options.corpus, letters, count, options.seed)
        built = time.perf_counter() - started
        pages = [page_count(path) for path in pdf_paths]
        page_counts = ", ".join(f"{n} pages: {pages.count(n)}" for n in sorted(set(pages)))
        print(
            f"Built {count} DOCX and {count} PDF letters from the train and dev letters of "
            f"{options.corpus} (seed {options.seed}) in {built:.1f} s (not in any timing below)."
        )
        print(f"PDF pages per letter: mean {statistics.mean(pages):.2f} ({page_counts})")
        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n")

        print("In one process (lettercheck.lint.check_path)")
        first_docx = seconds_for(check, docx_paths[:1])
        first_pdf = seconds_for(check, pdf_paths[:1])
        row("first letter (pipeline build)", f"{first_docx * 1000:.0f} ms", "one DOCX")
        row("first PDF (PDF reader's imports)", f"{first_pdf * 1000:.0f} ms")
        for label, paths in (("DOCX", docx_paths), ("PDF", pdf_paths)):
            rest = paths[1:]
            seconds = seconds_for(check, rest)
            reading, analysing = read_then_analyse(rest)
            row(
                f"{label}: check_path",
                f"{len(rest) / seconds:.1f} letters/s",
                f"{seconds / len(rest) * 1000:.1f} ms/letter over {len(rest)} letters",
            )
            share = reading + analysing
            row(
                f"{label}:   reading (read_path)",
                f"{reading / len(rest) * 1000:.1f} ms/letter",
                f"{reading / share:.0%} (a second pass, timed apart)",
            )
            row(
                f"{label}:   analysis (check_document)",
                f"{analysing / len(rest) * 1000:.1f} ms/letter",
                f"{analysing / share:.0%}",
            )
        self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        row("peak RSS of this process", f"{self_peak:.0f} MiB", "after all the checks above")

        print(f"\nAs subprocesses (wall clock, `{Path(python).name} -m lettercheck ...`)")
        audit = run_ok(
            [
                *(python, "-m", "lettercheck", "audit", str(letters)),
                *("--jobs", str(AUDIT_JOBS), "--format", "json", "-o", str(work / "audit")),
            ],
            work,
        )
        total = 2 * count
        row(
            f"audit --jobs {AUDIT_JOBS} --format json",
            f"{total / audit.seconds:.1f} letters/s",
            f"{total} letters in {audit.seconds:.1f} s, start-up included",
        )
        row("peak RSS of the audit", f"{audit.peak_mib:.0f} MiB", "its largest process")
        baseline = median_run([python, "-c", "pass"], work, runs, (0,))
        rules = median_run([python, "-m", "lettercheck", "rules"], work, runs, (0,))
        # check exits 1 when the letter has error findings: that is a result, not a failure
        one = median_run(
            [python, "-m", "lettercheck", "check", str(docx_paths[0])], work, runs, (0, 1)
        )
        median = f"median of {runs}"
        row("python -c pass", f"{baseline.seconds * 1000:.0f} ms", median)
        row("lettercheck rules (imports, no pipeline)", f"{rules.seconds * 1000:.0f} ms", median)
        row("lettercheck check one.docx", f"{one.seconds * 1000:.0f} ms", median)
        row("peak RSS of `check one.docx`", f"{one.peak_mib:.0f} MiB", median)
        row("peak RSS of `rules`", f"{rules.peak_mib:.0f} MiB", median)


if __name__ == "__main__":
    main()
