"""Hand-made documents and a right-to-left language for the HTML page tests.

The right-to-left language is a test fixture, not an edition: its file says
`direction = "rtl"` and has no [interface] table, so the page must lay itself out from
the data alone and borrow the fallback interface words.
"""

from __future__ import annotations

import tomllib

from pipeline.languages import Language
from pipeline.models import (
    Diagnostic,
    Entry,
    IndexDocument,
    Paragraph,
    Reference,
    Severity,
    SourceInfo,
    Theme,
)

RTL_TOML = """
code = "ar"
name = "العربية"
direction = "rtl"

[header]
theme = ["الموضوع"]
report = ["تقرير الاجتماع"]
document = ["الوثيقة"]
paragraphs = ["الفقرات"]
references = ["المرجع في الوثيقة"]

[grammar]
list = ["و"]
range = ["إلى"]
subparagraph = ["(a)"]
"""


def rtl_language() -> Language:
    return Language.model_validate(tomllib.loads(RTL_TOML))


HOSTILE = '<script>alert("x")</script> & <b>bold</b>'


def small_document(language: str = "fr", theme_name: str = "Enfants") -> IndexDocument:
    """Two themes, three rows, one finding with a reading and one for the whole document."""
    slip = Diagnostic(
        code="reference-mismatch",
        severity=Severity.WARNING,
        message="21 → I.20 expected, I.21 printed",
        page=2,
        theme=theme_name,
        report="CTOC/COP/WG.4/2009/2",
        text="I.3 et I.21",
        suggestion="I.3 et I.20",
    )
    whole = Diagnostic(code="uri-record-coverage", severity=Severity.INFO, message="partial")
    first = Theme(
        position=1,
        name=theme_name,
        pages=(2,),
        entries=(
            Entry(
                report="CTOC/COP/WG.4/2009/2",
                paragraphs_text="4 et 21",
                references_text="I.3 et I.21",
                paragraphs=(Paragraph(number=4), Paragraph(number=21)),
                references=(
                    Reference(section="I", paragraph=3),
                    Reference(section="I", paragraph=21),
                ),
                pages=(2,),
                diagnostics=(slip,),
            ),
            Entry(
                report="CTOC/COP/WG.4/2010/6",
                paragraphs_text="5 à 7",
                references_text="II.1 à 3",
                paragraphs=tuple(Paragraph(number=n) for n in (5, 6, 7)),
                references=tuple(Reference(section="II", paragraph=n) for n in (1, 2, 3)),
                pages=(2, 3),
            ),
        ),
    )
    second = Theme(
        position=2,
        name="Victimes",
        pages=(3,),
        entries=(
            Entry(
                report="CTOC/COP/WG.4/2009/2",
                paragraphs_text="57 a) et b)",
                references_text="I.56.a et I.56.b",
                paragraphs=(Paragraph(number=57, letter="a"), Paragraph(number=57, letter="b")),
                references=(
                    Reference(section="I", paragraph=56, letter="a"),
                    Reference(section="I", paragraph=56, letter="b"),
                ),
                pages=(3,),
            ),
        ),
    )
    return IndexDocument(
        symbol="CTOC/COP/WG.4/2019/4",
        language=language,
        title="Titre <d'essai> & co",
        job_number=None,
        reference_document="CTOC/COP/WG.4/2019/5",
        source=SourceInfo(name="essai.txt", sha256="0" * 64, kind="text", pages=3),
        themes=(first, second),
        diagnostics=(slip, whole),
    )
