"""Where the embedded sources are, for tests that need a path rather than a fixture."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
TEXT_DUMP = SOURCES / "CTOC_COP_WG.4_2019_4_fr.txt"
SHARED_PDF = SOURCES / "CTOC_COP_WG.4_2019_4_fr.pdf"
