"""Work in proportion to the input: 50,000 rows and a 5 MB line go through every stage
and give exact output. No timing is asserted (bench/ measures); a quadratic stage would
make these tests take hours instead of seconds, and a memory blow-up would kill them."""

from __future__ import annotations

from pathlib import Path

from pipeline import extract
from tests.paths import TEXT_DUMP

HEADER = """Recommandations adoptées par le Groupe de travail, par thème

Thème

Rapport de réunion Référence dans le document

CTOC/COP/WG.4/2019/5

(par section/paragraphe/alinéa) Document  Paragraphes

"""
REPORTS = (
    "CTOC/COP/WG.4/2009/2",
    "CTOC/COP/WG.4/2010/6",
    "CTOC/COP/WG.4/2011/8",
    "CTOC/COP/WG.4/2013/5",
    "CTOC/COP/WG.4/2015/6",
)


def synthetic_dump(themes: int) -> str:
    """`themes` themes of five rows each; every row cites "p a) à c) et p+1", i.e. four
    paragraphs, and the four references that match them. The URI record of every row
    follows as one block at the end, as a converter that gathered all links would print
    it: far too many for the exact alignment, which must give way to a linear one."""
    parts = [HEADER]
    for t in range(themes):
        parts.append(f"Thème numéro {t:06d}\n\n")
        for k, report in enumerate(REPORTS):
            p = t % 90 + 1 + k
            parts.append(f"{report} {p} a) à c) et {p + 1} I.{p}.a à c et I.{p + 1}\n\n")
    parts += [f"http://undocs.org/fr/{report}\n" for _ in range(themes) for report in REPORTS]
    return "".join(parts)


def test_fifty_thousand_rows(tmp_path: Path) -> None:
    source = tmp_path / "large.txt"
    source.write_text(synthetic_dump(10_000), encoding="utf-8")
    document = extract(source)
    entries = [e for theme in document.themes for e in theme.entries]
    # 10,000 themes × 5 rows; each row expands to 4 paragraphs and 4 references.
    assert (len(document.themes), len(entries)) == (10_000, 50_000)
    assert sum(len(e.paragraphs) for e in entries) == 200_000
    assert sum(len(e.references) for e in entries) == 200_000
    assert document.themes[-1].name == "Thème numéro 009999"
    last = document.themes[-1].entries[-1]
    # Theme 9999: p = 9999 % 90 + 1 + 4 = 14 for the fifth report.
    assert (last.report, last.paragraphs_text) == ("CTOC/COP/WG.4/2015/6", "14 a) à c) et 15")
    assert [d.code for d in document.diagnostics if d.severity == "error"] == []
    coverage = next(d for d in document.diagnostics if d.code == "uri-record-coverage")
    assert coverage.message == "URI record covers 50000 of 50000 rows"


def test_a_five_megabyte_line(tmp_path: Path) -> None:
    """One 5 MB line in the text above the table (a converter that lost every line break
    of a paragraph): the table itself comes out exact."""
    text = TEXT_DUMP.read_text(encoding="utf-8")
    anchor = "Document d’information établi par le Secrétariat"
    assert text.count(anchor) == 1
    source = tmp_path / "long-line.txt"
    source.write_text(text.replace(anchor, anchor + " " + "x" * 5_000_000), encoding="utf-8")
    document = extract(source)
    entries = [e for theme in document.themes for e in theme.entries]
    # The French index's counts, counted by hand from the dump (tests/data/fr_rows.tsv).
    assert (len(document.themes), len(entries)) == (78, 311)
    assert sum(len(e.paragraphs) for e in entries) == 972
