"""The French text dump, end to end, against expectations checked by hand in the dump.

Theme names and row counts were read off `sources/CTOC_COP_WG.4_2019_4_fr.txt` line by
line; the per-report counts were counted with grep over the symbol lines; the expanded
entries below were expanded by hand.
"""

from __future__ import annotations

from collections import Counter

import pytest

from pipeline.api import Run
from pipeline.models import IndexDocument
from tests.golden import assert_golden_metadata, assert_matches_golden

# (theme, number of meeting-report rows), in document order.
THEMES = [
    ("Agences de recrutement et frais de recrutement", 3),
    (
        "Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée et Groupe de travail sur la traite des personnes (rôle et activités)",
        7,
    ),
    ("Considérations culturelles", 4),
    ("Considérations linguistiques", 3),
    (
        "Consommateurs, clients et utilisateurs de produits et services fournis par des victimes de la traite",
        3,
    ),
    ("Coopération internationale", 7),
    ("Coordination et coopération au niveau national", 7),
    ("Corruption", 3),
    ("Enfants", 7),
    ("Examen, suivi et évaluation des mesures mises en œuvre", 6),
    (
        "Fonds de contributions volontaires des Nations Unies en faveur des victimes de la traite des personnes, en particulier des femmes et des enfants",
        2,
    ),
    ("Formation et renforcement des capacités", 7),
    (
        "Formes de traite des personnes à des fins d’exploitation non mentionnées dans le Protocole",
        2,
    ),
    ("Formes de traite des personnes à des fins d’exploitation par le travail", 5),
    ("Formes de traite des personnes à des fins d’exploitation sexuelle", 3),
    ("Formes de traite des personnes à des fins de prélèvement d’organes", 2),
    ("Formes nouvelles de la traite des personnes", 1),
    ("Groupe interinstitutions de coordination contre la traite des personnes", 2),
    ("Groupes criminels organisés", 3),
    ("Intervenants (affaires intérieures)", 1),
    ("Intervenants (agents consulaires et diplomatiques)", 6),
    ("Intervenants (asile)", 1),
    ("Intervenants (conflits et action humanitaire)", 3),
    ("Intervenants (détection et répression)", 7),
    ("Intervenants (éducateurs)", 5),
    ("Intervenants (finances et fiscalité)", 3),
    ("Intervenants (forces de maintien de la paix)", 2),
    ("Intervenants (forces de sécurité)", 2),
    ("Intervenants (gestion des frontières)", 1),
    ("Intervenants (immigration)", 2),
    ("Intervenants (inspecteurs du travail)", 4),
    ("Intervenants (justice pénale)", 4),
    ("Intervenants (médias)", 3),
    ("Intervenants (organes des Nations Unies et fonctions)", 4),
    ("Intervenants (personnel judiciaire)", 1),
    ("Intervenants (prestataires de services aux victimes)", 3),
    ("Intervenants (procureurs)", 6),
    ("Intervenants (secteur privé)", 7),
    ("Intervenants (services juridiques)", 4),
    ("Intervenants (services médicaux et soins de santé)", 6),
    ("Intervenants (services sociaux)", 4),
    ("Intervenants (société civile)", 7),
    ("Intervenants (syndicats)", 2),
    ("Intervenants (système judiciaire)", 4),
    ("Lacunes et difficultés recensées", 4),
    ("Législation", 7),
    ("Liens avec d’autres formes de criminalité", 3),
    ("Mesures au niveau local ou à l’échelle de districts", 2),
    ("Mesures au niveau régional", 7),
    ("Mesures de justice pénale (gestion des affaires)", 2),
    ("Mesures de justice pénale (poursuites pénales)", 6),
    ("Mesures de justice pénale (procédures judiciaires)", 3),
    ("Mesures de justice pénale (réseaux d’intervenants)", 2),
    ("Mesures de justice pénale (témoins)", 2),
    ("Offre et demande", 5),
    ("Prévention du crime", 5),
    ("Problématique femmes-hommes", 5),
    ("Protocole relatif à la traite des personnes (adhésion et interprétation)", 5),
    ("Protocole relatif à la traite des personnes (concepts et définitions)", 5),
    ("Recherche et collecte et analyse de données", 7),
    ("Secrétariat et Office des Nations Unies contre la drogue et le crime", 6),
    ("Sensibilisation", 7),
    ("Technologies", 3),
    ("Terrorisme", 2),
    ("Trafic illicite de migrants", 2),
    ("Victimes (confidentialité et vie privée)", 3),
    ("Victimes (délai de réflexion)", 3),
    ("Victimes (en tant que témoins)", 5),
    ("Victimes (flux migratoires mixtes)", 1),
    ("Victimes (handicaps)", 3),
    ("Victimes (identification)", 7),
    ("Victimes (informations et assistance juridique)", 5),
    ("Victimes (non-sanction et non-poursuite)", 5),
    ("Victimes (point de vue et contributions)", 3),
    ("Victimes (protection et assistance)", 6),
    ("Victimes (réparation)", 5),
    ("Victimes (retour et réintégration)", 3),
    ("Victimes (revictimisation)", 3),
]

# Rows per meeting report: `grep -o` over the dump's lines, less URIs and the preamble.
ROWS_PER_REPORT = {
    "CTOC/COP/WG.4/2009/2": 47,
    "CTOC/COP/WG.4/2010/6": 45,
    "CTOC/COP/WG.4/2011/8": 52,
    "CTOC/COP/WG.4/2013/5": 48,
    "CTOC/COP/WG.4/2015/6": 37,
    "CTOC/COP/WG.4/2017/4": 38,
    "CTOC/COP/WG.4/2018/3": 44,
}

# (theme position, report, paragraphs_text, references_text, paragraphs, references):
# multi-line cells, slips and long enumerations, expanded by hand.
ENTRIES = [
    (1, "CTOC/COP/WG.4/2015/6", "5 à 14", "VI.1-10", 10, 10),
    (2, "CTOC/COP/WG.4/2010/6", "23, 29, 31 b) et 42", "II.16, II.22, II.24.b, et II.35", 4, 4),
    (2, "CTOC/COP/WG.4/2017/4", "7 a) à j) et 8 a) à o)", "VII.1.a à j et VII.2.a à o", 25, 25),
    (
        6,
        "CTOC/COP/WG.4/2009/2",
        "2, 20 a), 21, 23 et 24 b)",
        "I.1, I.19.a, I.20, I.22 et I.23.b",
        5,
        5,
    ),
    (
        6,
        "CTOC/COP/WG.4/2011/8",
        "8, 12, 13, 30 à 34, 36, 42 à 44 et 47",
        "IV.3, IV.7, IV.8, IV.25 à 29, IV.31, IV.37 à 39 et IV.42",
        13,
        13,
    ),
    (
        6,
        "CTOC/COP/WG.4/2017/4",
        "7 a) et j) et 8 e), g), k) et m)",
        "VII.1.a et VII.1.j, VII.2.e, VII.2.g, VII.2.k et VII.2.m",
        6,
        6,
    ),
    (11, "CTOC/COP/WG.4/2011/8", "35", "IV.30", 1, 1),
    (11, "CTOC/COP/WG.4/2017/4", "7 i)", "VII.1.i", 1, 1),
    (38, "CTOC/COP/WG.4/2015/6", "5, 6, 9, 11 et 16", "VI.1, VI.2, VI.5, VI, 7 et VI.12", 5, 5),
    (41, "CTOC/COP/WG.4/2015/6", "13 et 16", "VI.9", 2, 1),
    (
        46,
        "CTOC/COP/WG.4/2011/8",
        "16, 23, 32, 40, 50 b) et c) et 51 a)",
        "IV.11, IV.18, IV.27, IV.35, IV. 45.b, IV.45.c et IV.46.a",
        7,
        7,
    ),
    (51, "CTOC/COP/WG.4/2018/3", "7 d), i) et o)", "VIII.1.d, VIII.1.i et VIII.I.o", 3, 3),
    (54, "CTOC/COP/WG.4/2009/2", "13 f), 15 et 16", "I.12.f et I.14 et 15", 3, 3),
    (
        56,
        "CTOC/COP/WG.4/2013/5",
        "14, 16, 17 à 19, 21 à 24, 29, 30, 34 et 36",
        "V.10, V.12, V.13 à 15, V.17 à 20, V.25, V.26, V.30 et V.32",
        13,
        13,
    ),
    (60, "CTOC/COP/WG.4/2015/6", "15 et 22", "VI.11 à VI.18", 2, 8),
    (
        62,
        "CTOC/COP/WG.4/2011/8",
        "7, 10, 11, 16, 18, 19, 27, 30, 35 à 41 et 48",
        "IV.2, IV.5, IV.6, IV.11, IV.13, IV.14, IV.22, IV.25, IV.30 à 36 et IV.43",
        16,
        16,
    ),
    (
        75,
        "CTOC/COP/WG.4/2017/4",
        "7 c), d) et f) et 8 a) à o)",
        "VII.1.c, VII.1.d, VII.1.f et VII.2.a à o",
        18,
        18,
    ),
    (
        75,
        "CTOC/COP/WG.4/2018/3",
        "7 a), d), g), k), l), n) à p) et 8 c), g) et h)",
        "VIII.1.a, VIII.1.d, VIII.1.g, VIII.1.k, VIII.1.l, VIII.1.n à p, VIII.2.c, VIII.2.g et VIII.2.h",
        11,
        11,
    ),
    (78, "CTOC/COP/WG.4/2010/6", "53 et 63", "II.46. II.56", 2, 2),
    (78, "CTOC/COP/WG.4/2018/3", "8 a)", "VIII.2.a", 1, 1),
]


@pytest.fixture(scope="module")
def document(text_run: Run) -> IndexDocument:
    return text_run.index


def test_metadata(document: IndexDocument) -> None:
    assert document.symbol == "CTOC/COP/WG.4/2019/4"
    assert document.language == "fr"
    assert document.job_number == "V.19-07098"
    assert document.reference_document == "CTOC/COP/WG.4/2019/5"
    assert document.title == (
        "Recommandations adoptées par le Groupe de travail sur la traite des personnes "
        "au cours de ses huit premières réunions, par thème"
    )
    assert document.source.kind == "text"
    assert document.source.pages == 13


def test_themes_in_order_with_their_row_counts(document: IndexDocument) -> None:
    assert [(t.name, len(t.entries)) for t in document.themes] == THEMES
    assert [t.position for t in document.themes] == list(range(1, 79))


def test_totals(document: IndexDocument) -> None:
    entries = [e for t in document.themes for e in t.entries]
    assert len(document.themes) == 78
    assert len(entries) == 311
    # 972: the sum of the per-row counts of tests/data/fr_rows.tsv, whose header says how
    # they were counted by hand (ranges re-counted one by one, cross-checked with the 975
    # references printed beside them).
    assert sum(len(e.paragraphs) for e in entries) == 972
    assert Counter(e.report for e in entries) == ROWS_PER_REPORT


@pytest.mark.parametrize(("position", "report", "ptext", "rtext", "np", "nr"), ENTRIES)
def test_entries(
    document: IndexDocument, position: int, report: str, ptext: str, rtext: str, np: int, nr: int
) -> None:
    theme = document.themes[position - 1]
    (entry,) = [e for e in theme.entries if e.report == report]
    assert (entry.paragraphs_text, entry.references_text) == (ptext, rtext)
    assert (len(entry.paragraphs), len(entry.references)) == (np, nr)


def test_text_dump_gives_the_golden_table(document: IndexDocument) -> None:
    assert_golden_metadata(document)
    assert_matches_golden(document)


def test_every_cell_parses(document: IndexDocument) -> None:
    unparsed = [d for d in document.diagnostics if d.code.startswith("unparsed")]
    assert unparsed == []


def test_theme_cut_by_a_page_break_is_joined(document: IndexDocument) -> None:
    theme = document.themes[10]
    assert theme.name == (
        "Fonds de contributions volontaires des Nations Unies en faveur des victimes de la "
        "traite des personnes, en particulier des femmes et des enfants"
    )
    assert theme.pages == (3, 4)
    assert document.themes[11].name == "Formation et renforcement des capacités"


def test_pages_follow_the_breaks_the_dump_shows(document: IndexDocument) -> None:
    pages = {t.name: t.pages for t in document.themes}
    assert pages["Agences de recrutement et frais de recrutement"] == (2,)
    assert pages["Intervenants (système judiciaire)"] == (8,)
    assert pages["Victimes (revictimisation)"] == (13,)
