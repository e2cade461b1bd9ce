"""Benchmark: recindex against the tools a user would try, and how its time grows.

Every figure is a whole process (interpreter start and imports included), run several
times in one interleaved round-robin so that the load of a shared machine weighs on
every command alike; the figure kept is the median wall time (and, beside it, the
median CPU time the process used, which the machine's load disturbs less). Reported:

- recindex on the PDF with each engine, and on the text dump;
- the floors and peers on the same PDF: pdfplumber's words and links (what the
  pdfplumber engine starts from), raw pypdfium2 (each character and its box, nothing
  more), and Camelot's stream reader as a user would call it (installed only for the
  bench, in bench/.venv-camelot: `make bench` installs it);
- `recindex --help` against a bare interpreter (`python -c pass`);
- recindex on the index with 1x, 4x and 16x its rows (`bench/inputs.py`).

Nothing here is asserted: the figures are for a person to read, and they go into the
README's Speed section measured on the day.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PDF = ROOT / "sources" / "CTOC_COP_WG.4_2019_4_fr.pdf"
TEXT = ROOT / "sources" / "CTOC_COP_WG.4_2019_4_fr.txt"
CAMELOT_PYTHON = ROOT / "bench" / ".venv-camelot" / "bin" / "python"
INPUTS = ROOT / "bench" / "results" / "inputs"
# Bump when bench/inputs.py changes what it writes.
INPUTS_VERSION = "1"

PDFPLUMBER = """
import sys
import pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_words()
        page.hyperlinks
"""

PYPDFIUM2 = """
import ctypes, sys
import pypdfium2 as pdfium
import pypdfium2.raw as raw
document = pdfium.PdfDocument(sys.argv[1])
left, right, bottom, top = (ctypes.c_double() for _ in range(4))
for page in document:
    text = raw.FPDFText_LoadPage(page.raw)
    chars = [
        (raw.FPDFText_GetUnicode(text, i),
         raw.FPDFText_GetCharBox(text, i, left, right, bottom, top),
         left.value, right.value, bottom.value, top.value)
        for i in range(raw.FPDFText_CountChars(text))
    ]
    raw.FPDFText_ClosePage(text)
"""

CAMELOT = """
import sys
import camelot
tables = camelot.read_pdf(sys.argv[1], flavor="stream", pages="all")
rows = sum(table.df.shape[0] for table in tables)
"""


@dataclass
class Command:
    name: str
    argv: list[str]
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def run(self) -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(self.argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


def inputs(scales: list[int]) -> dict[str, Path]:
    """The scaled dumps and PDFs, made once and kept in bench/results/inputs/."""
    from bench.inputs import repeated_dump, repeated_pdf

    INPUTS.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for k in scales:
        text = INPUTS / f"index-x{k}-v{INPUTS_VERSION}.txt"
        if not text.exists():
            text.write_text(repeated_dump(k), encoding="utf-8")
        pdf = INPUTS / f"index-x{k}-v{INPUTS_VERSION}.pdf"
        if not pdf.exists():
            pdf.write_bytes(repeated_pdf(k))
        paths[f"text x{k}"], paths[f"pdf x{k}"] = text, pdf
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--scales", default="1,4,16", help="row multiples for the growth runs")
    args = parser.parse_args()
    python = sys.executable
    recindex = str(Path(python).with_name("recindex"))
    scales = [int(k) for k in args.scales.split(",")]
    scaled = inputs(scales)
    with tempfile.TemporaryDirectory() as out:

        def extract(source: Path, *options: str) -> list[str]:
            return [recindex, "extract", str(source), "--out", f"{out}/{source.name}", *options]

        commands = [
            Command("python -c pass", [python, "-c", "pass"]),
            Command("recindex --help", [recindex, "--help"]),
            Command("recindex pdf (pdfium)", extract(PDF)),
            Command("recindex pdf (pdfplumber)", extract(PDF, "--engine", "pdfplumber")),
            Command("recindex text", extract(TEXT)),
            Command("pdfplumber words+links", [python, "-c", PDFPLUMBER, str(PDF)]),
            Command("raw pypdfium2 chars+boxes", [python, "-c", PYPDFIUM2, str(PDF)]),
        ]
        if CAMELOT_PYTHON.exists():
            commands.append(
                Command("camelot stream", [str(CAMELOT_PYTHON), "-c", CAMELOT, str(PDF)])
            )
        for k in scales:
            commands.append(Command(f"recindex text x{k}", extract(scaled[f"text x{k}"])))
            commands.append(Command(f"recindex pdf x{k}", extract(scaled[f"pdf x{k}"])))
        for command in commands:  # warm the file cache and the byte-compiled modules
            command.run()
            command.wall.clear()
            command.cpu.clear()
        for _ in range(args.repeat):
            for command in commands:
                command.run()
    report(commands, scales, args.repeat)


def report(commands: list[Command], scales: list[int], repeat: int) -> None:
    by = {c.name: c for c in commands}
    print(f"{repeat} interleaved runs; median wall time (median CPU time)\n")
    for c in commands:
        print(f"  {c.name:30} {c.median:7.3f} s  ({c.median_cpu:6.3f} s CPU)")

    def ratio(a: str, b: str, goal: str) -> None:
        if a in by and b in by:
            wall = by[a].median / by[b].median
            cpu = by[a].median_cpu / by[b].median_cpu
            print(f"  {a} / {b}: {wall:5.2f}  (CPU {cpu:5.2f})  goal {goal}")
        else:
            print(f"  {a} / {b}: not measured (missing: {b if a in by else a})")

    print("\nratios")
    ratio("recindex pdf (pdfium)", "raw pypdfium2 chars+boxes", "<= 2")
    ratio("recindex pdf (pdfium)", "camelot stream", "< 1")
    ratio("recindex pdf (pdfium)", "pdfplumber words+links", "(peer)")
    ratio("recindex pdf (pdfplumber)", "pdfplumber words+links", "(peer)")
    ratio("recindex text", "raw pypdfium2 chars+boxes", "<= 1.2")
    ratio("recindex --help", "python -c pass", "<= 5")
    if len(scales) > 1:
        for kind in ("text", "pdf"):
            for k in scales[1:]:
                ratio(f"recindex {kind} x{k}", f"recindex {kind} x{scales[0]}", f"<= {1.25 * k:g}")


if __name__ == "__main__":
    main()
