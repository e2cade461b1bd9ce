"""`make layouts`: typeset many random layouts, extract each, print failures by feature.

Usage: python -m tests.layouts.run [COUNT] [--chromium N] [--writer N] [--seed START]
[--producer reportlab|fpdf|chromium|writer] [--keep DIR] [-v].

COUNT layouts from ReportLab and fpdf2 (`features.draw`, seeds START on), then N from
Chromium and N from LibreOffice Writer (`unseen`, seeds START on, each producer its own
random stream). `--producer` draws COUNT layouts from that producer alone. One table of
failures by feature per group. Writer layouts that Writer printed incompletely are listed
apart, not read. Exits 1 when any variant fails.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from tests.layouts.check import Outcome, check
from tests.layouts.features import draw


def _table(outcomes: list[Outcome]) -> str:
    """For every feature value: variants with it, failures among them."""
    seen: dict[tuple[str, str], int] = Counter()
    failed: dict[tuple[str, str], int] = Counter()
    for outcome in outcomes:
        for key in outcome.variant.features().items():
            seen[key] += 1
            if outcome.problems:
                failed[key] += 1
    lines = [f"{'feature':<16}{'value':<18}{'variants':>9}{'failed':>8}{'share':>8}"]
    by_feature: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in sorted(seen):
        by_feature[key[0]].append(key)
    for keys in by_feature.values():
        for feature, value in keys:
            n, bad = seen[(feature, value)], failed[(feature, value)]
            share = f"{100 * bad / n:.0f}%" if n else "-"
            lines.append(f"{feature:<16}{value:<18}{n:>9}{bad:>8}{share:>8}")
    return "\n".join(lines)


def _classic(seeds: range, producer: str | None, keep: Path | None) -> Iterator[Outcome]:
    for seed in seeds:
        yield check(draw(seed, producer), keep)


def _report(title: str, outcomes: Iterable[Outcome], verbose: bool) -> tuple[int, int, int]:
    """Print each outcome as it comes, then the group's table; (read, failed, unprinted)."""
    read: list[Outcome] = []
    skipped: list[Outcome] = []
    for outcome in outcomes:
        if outcome.unprinted:
            skipped.append(outcome)
            status = "SKIP"
        else:
            read.append(outcome)
            status = "ok  " if not outcome.problems else "FAIL"
        print(f"{status} {outcome.seconds:5.1f}s {outcome.variant.label()}", flush=True)
        if outcome.unprinted and verbose:
            print(f"       unprinted by the producer: {' '.join(outcome.unprinted[:8])}")
        if outcome.problems and verbose:
            for problem in outcome.problems:
                print(f"       {problem}", flush=True)
    failures = sum(1 for o in read if o.problems)
    print(f"\n{title}\n{_table(read)}")
    print(f"{len(read) - failures}/{len(read)} variants exact", end="")
    print(f"; {len(skipped)} not read: the producer left words out" if skipped else "")
    print(flush=True)
    return len(read), failures, len(skipped)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", nargs="?", type=int, default=120)
    parser.add_argument("--chromium", type=int, default=0, metavar="N")
    parser.add_argument("--writer", type=int, default=0, metavar="N")
    parser.add_argument("--seed", type=int, default=1000)
    parser.add_argument("--producer", choices=["reportlab", "fpdf", "chromium", "writer"])
    parser.add_argument("--keep", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    counts = {"classic": args.count, "chromium": args.chromium, "writer": args.writer}
    if args.producer in ("chromium", "writer"):
        counts = {"classic": 0, "chromium": 0, "writer": 0, args.producer: args.count}
    elif args.producer:
        counts = {"classic": args.count, "chromium": 0, "writer": 0}
    from tests.layouts.unseen import check_pages, check_writer

    seeds = {key: range(args.seed, args.seed + n) for key, n in counts.items()}
    groups = [
        ("ReportLab and fpdf2", _classic(seeds["classic"], args.producer, args.keep)),
        ("Chromium (an HTML table printed)", check_pages(seeds["chromium"], args.keep)),
        ("LibreOffice Writer", check_writer(seeds["writer"], args.keep)),
    ]
    totals = [0, 0, 0]
    for (title, outcomes), count in zip(groups, counts.values(), strict=True):
        if count:
            for i, n in enumerate(_report(title, outcomes, args.verbose)):
                totals[i] += n
    read, failed, skipped = totals
    print(f"\nall: {read - failed}/{read} variants exact, {skipped} not read")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
