"""The `recindex` command line: a thin layer over `pipeline.api`.

`commands` defines the commands, `render` prints findings and differences for a person,
`batch` runs many files in parallel, `draw` makes the debug picture of a page, and
`html` (with `html_words`, `html_findings`, `html_matrix`, `html_images` and `assets/`)
writes the index as one self-contained page.

`main` is the console script. It sets up the signals before anything heavy is imported,
so that Ctrl-C or a `kill` at any moment, start-up included, gives one line on stderr and
the conventional status (130, 143) instead of a traceback, and the `finally` blocks that
remove temporary output still run.

It also makes the cyclic garbage collector run less often: a command's objects live until
it ends, and collecting them every 700 allocations, as Python does by default, costs a
fifth of the run on an index with 16 times the rows (and grows faster than the rows).
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from types import FrameType


class Interrupted(BaseException):
    """SIGINT or SIGTERM, raised where the program is so that clean-up runs. Not a
    KeyboardInterrupt: click would catch that and exit silently."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


# What each signal is called on stderr, and the exit status (128 + its number).
_SIGNALS = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}


# Allocations between two collections of the youngest generation (Python's default: 700).
_GC_THRESHOLD = 50_000


def main() -> None:
    for signum in _SIGNALS:
        signal.signal(signum, _raise)
    gc.set_threshold(_GC_THRESHOLD, *gc.get_threshold()[1:])
    try:
        from pipeline.cli.commands import run

        status = run()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`recindex schema | head`): stop quietly, as `cat` does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(141)
    except (Interrupted, KeyboardInterrupt) as stop:
        # Further signals would interrupt the message itself.
        for handled in _SIGNALS:
            signal.signal(handled, signal.SIG_IGN)
        which = signal.Signals(stop.signum if isinstance(stop, Interrupted) else signal.SIGINT)
        sys.stderr.write(f"recindex: {_SIGNALS[which]}\n")
        sys.exit(128 + which)
    sys.exit(status)
