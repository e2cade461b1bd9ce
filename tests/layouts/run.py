"""`make layouts`: typeset many random layouts, extract each, print failures by feature.

Usage: python -m tests.layouts.run [COUNT] [--seed START] [--producer reportlab|fpdf]
[--keep DIR] [-v]. Exits 1 when any variant fails.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
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
    lines = [f"{'feature':<16}{'value':<12}{'variants':>9}{'failed':>8}{'share':>8}"]
    by_feature: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in sorted(seen):
        by_feature[key[0]].append(key)
    for keys in by_feature.values():
        for feature, value in keys:
            n, bad = seen[(feature, value)], failed[(feature, value)]
            share = f"{100 * bad / n:.0f}%" if n else "-"
            lines.append(f"{feature:<16}{value:<12}{n:>9}{bad:>8}{share:>8}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", nargs="?", type=int, default=120)
    parser.add_argument("--seed", type=int, default=1000)
    parser.add_argument("--producer", choices=["reportlab", "fpdf"])
    parser.add_argument("--keep", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for seed in range(args.seed, args.seed + args.count):
        outcome = check(draw(seed, args.producer), args.keep)
        outcomes.append(outcome)
        status = "ok  " if not outcome.problems else "FAIL"
        print(f"{status} {outcome.seconds:5.1f}s {outcome.variant.label()}", flush=True)
        if outcome.problems and args.verbose:
            for problem in outcome.problems:
                print(f"       {problem}", flush=True)
    failures = [o for o in outcomes if o.problems]
    print()
    print(_table(outcomes))
    print(f"\n{len(outcomes) - len(failures)}/{len(outcomes)} variants exact")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
