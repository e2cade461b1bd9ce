"""Debian's Chromium, as the browser tests and the browser-printed layouts start it.

`make browser` installs it. Without the background-networking switches Chromium tries to
reach its own services, which this machine's closed network refuses."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
