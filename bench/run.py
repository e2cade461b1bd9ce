"""Benchmark: recindex (PDF -> all outputs) against pdfplumber alone on the same pages.

Both sides run as whole processes (interpreter start and imports included), several
times; the figure reported is the ratio of medians. The baseline is the least any
pdfplumber-based extractor must do: open the PDF, `extract_words()` and `hyperlinks` on
every page. No timing is asserted anywhere: this prints numbers for a person to read.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PDF = ROOT / "sources" / "CTOC_COP_WG.4_2019_4_fr.pdf"

BASELINE = """
import sys
import pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_words()
        page.hyperlinks
"""


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT_PDF)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        ours = [sys.executable, "-m", "pipeline", "extract", str(args.pdf), "--out", out]
        theirs = [sys.executable, "-c", BASELINE, str(args.pdf)]
        timed(ours)  # warm the file cache and byte-compiled modules
        timed(theirs)
        recindex, baseline = [], []
        for _ in range(args.repeat):  # interleaved, so drift affects both sides alike
            recindex.append(timed(ours))
            baseline.append(timed(theirs))
    ratio = statistics.median(recindex) / statistics.median(baseline)
    print(f"source:                 {args.pdf.name}")
    print(f"pdfplumber words+links: median {statistics.median(baseline):.3f} s")
    print(f"recindex extract:       median {statistics.median(recindex):.3f} s")
    print(f"ratio:                  {ratio:.2f} (goal <= 1.15)")


if __name__ == "__main__":
    main()
