"""Other language editions of the index, for the tests: literal data only.

The theme names are our own translations (not the UN's), listed below (English, Spanish,
Russian) or in tests/data/themes_<code>.tsv (Chinese, Arabic) in each edition's
alphabetical order, sorted by hand (first level: case and accents do not count, a space
or a hyphen sorts before a letter; Chinese by pinyin; Arabic by its alphabet, the
article not counted: each file's header says how). The cells, one table per edition in
tests/data/edition_<code>.tsv, are the French cells translated word for word. A test
prints an edition (PDF, text dump) and expects, row for row, the French golden table's
expanded lists back.
"""

from __future__ import annotations

import csv

from tests.golden import DATA, REFERENCE_DOCUMENT, SYMBOL
from tests.pdf_factory import TableData

# (English name, French name), in English alphabetical order.
ENGLISH = (
    ("Awareness-raising", "Sensibilisation"),
    ("Children", "Enfants"),
    (
        "Conference of the Parties to the United Nations Convention against Transnational Organized Crime and Working Group on Trafficking in Persons (role and activities)",
        "Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée et Groupe de travail sur la traite des personnes (rôle et activités)",
    ),
    (
        "Consumers, clients and users of goods and services provided by victims of trafficking",
        "Consommateurs, clients et utilisateurs de produits et services fournis par des victimes de la traite",
    ),
    ("Corruption", "Corruption"),
    ("Crime prevention", "Prévention du crime"),
    (
        "Criminal justice measures (case management)",
        "Mesures de justice pénale (gestion des affaires)",
    ),
    (
        "Criminal justice measures (judicial proceedings)",
        "Mesures de justice pénale (procédures judiciaires)",
    ),
    (
        "Criminal justice measures (practitioner networks)",
        "Mesures de justice pénale (réseaux d’intervenants)",
    ),
    ("Criminal justice measures (prosecutions)", "Mesures de justice pénale (poursuites pénales)"),
    ("Criminal justice measures (witnesses)", "Mesures de justice pénale (témoins)"),
    ("Cultural considerations", "Considérations culturelles"),
    ("Emerging forms of trafficking in persons", "Formes nouvelles de la traite des personnes"),
    (
        "Forms of trafficking in persons for exploitation not mentioned in the Protocol",
        "Formes de traite des personnes à des fins d’exploitation non mentionnées dans le Protocole",
    ),
    (
        "Forms of trafficking in persons for labour exploitation",
        "Formes de traite des personnes à des fins d’exploitation par le travail",
    ),
    (
        "Forms of trafficking in persons for sexual exploitation",
        "Formes de traite des personnes à des fins d’exploitation sexuelle",
    ),
    (
        "Forms of trafficking in persons for the removal of organs",
        "Formes de traite des personnes à des fins de prélèvement d’organes",
    ),
    ("Gender issues", "Problématique femmes-hommes"),
    ("Identified gaps and challenges", "Lacunes et difficultés recensées"),
    (
        "Inter-Agency Coordination Group against Trafficking in Persons",
        "Groupe interinstitutions de coordination contre la traite des personnes",
    ),
    ("International cooperation", "Coopération internationale"),
    ("Legislation", "Législation"),
    ("Linguistic considerations", "Considérations linguistiques"),
    ("Links to other forms of crime", "Liens avec d’autres formes de criminalité"),
    ("Local or district-level measures", "Mesures au niveau local ou à l’échelle de districts"),
    ("National coordination and cooperation", "Coordination et coopération au niveau national"),
    ("Organized criminal groups", "Groupes criminels organisés"),
    ("Recruitment agencies and recruitment fees", "Agences de recrutement et frais de recrutement"),
    ("Regional measures", "Mesures au niveau régional"),
    ("Research and data collection and analysis", "Recherche et collecte et analyse de données"),
    (
        "Review, monitoring and evaluation of measures implemented",
        "Examen, suivi et évaluation des mesures mises en œuvre",
    ),
    (
        "Secretariat and United Nations Office on Drugs and Crime",
        "Secrétariat et Office des Nations Unies contre la drogue et le crime",
    ),
    ("Smuggling of migrants", "Trafic illicite de migrants"),
    ("Stakeholders (asylum)", "Intervenants (asile)"),
    ("Stakeholders (border management)", "Intervenants (gestion des frontières)"),
    ("Stakeholders (civil society)", "Intervenants (société civile)"),
    (
        "Stakeholders (conflict and humanitarian action)",
        "Intervenants (conflits et action humanitaire)",
    ),
    (
        "Stakeholders (consular and diplomatic officials)",
        "Intervenants (agents consulaires et diplomatiques)",
    ),
    ("Stakeholders (criminal justice)", "Intervenants (justice pénale)"),
    ("Stakeholders (educators)", "Intervenants (éducateurs)"),
    ("Stakeholders (finance and taxation)", "Intervenants (finances et fiscalité)"),
    ("Stakeholders (home affairs)", "Intervenants (affaires intérieures)"),
    ("Stakeholders (immigration)", "Intervenants (immigration)"),
    ("Stakeholders (judicial personnel)", "Intervenants (personnel judiciaire)"),
    ("Stakeholders (judiciary)", "Intervenants (système judiciaire)"),
    ("Stakeholders (labour inspectors)", "Intervenants (inspecteurs du travail)"),
    ("Stakeholders (law enforcement)", "Intervenants (détection et répression)"),
    ("Stakeholders (legal services)", "Intervenants (services juridiques)"),
    ("Stakeholders (media)", "Intervenants (médias)"),
    (
        "Stakeholders (medical and health-care services)",
        "Intervenants (services médicaux et soins de santé)",
    ),
    ("Stakeholders (peacekeeping forces)", "Intervenants (forces de maintien de la paix)"),
    ("Stakeholders (private sector)", "Intervenants (secteur privé)"),
    ("Stakeholders (prosecutors)", "Intervenants (procureurs)"),
    ("Stakeholders (security forces)", "Intervenants (forces de sécurité)"),
    ("Stakeholders (social services)", "Intervenants (services sociaux)"),
    ("Stakeholders (trade unions)", "Intervenants (syndicats)"),
    (
        "Stakeholders (United Nations bodies and functions)",
        "Intervenants (organes des Nations Unies et fonctions)",
    ),
    (
        "Stakeholders (victim service providers)",
        "Intervenants (prestataires de services aux victimes)",
    ),
    ("Supply and demand", "Offre et demande"),
    ("Technology", "Technologies"),
    ("Terrorism", "Terrorisme"),
    (
        "Trafficking in Persons Protocol (adherence and interpretation)",
        "Protocole relatif à la traite des personnes (adhésion et interprétation)",
    ),
    (
        "Trafficking in Persons Protocol (concepts and definitions)",
        "Protocole relatif à la traite des personnes (concepts et définitions)",
    ),
    ("Training and capacity-building", "Formation et renforcement des capacités"),
    (
        "United Nations Voluntary Trust Fund for Victims of Trafficking in Persons, Especially Women and Children",
        "Fonds de contributions volontaires des Nations Unies en faveur des victimes de la traite des personnes, en particulier des femmes et des enfants",
    ),
    ("Victims (as witnesses)", "Victimes (en tant que témoins)"),
    ("Victims (compensation)", "Victimes (réparation)"),
    ("Victims (confidentiality and privacy)", "Victimes (confidentialité et vie privée)"),
    ("Victims (disabilities)", "Victimes (handicaps)"),
    ("Victims (identification)", "Victimes (identification)"),
    (
        "Victims (information and legal assistance)",
        "Victimes (informations et assistance juridique)",
    ),
    ("Victims (mixed migration flows)", "Victimes (flux migratoires mixtes)"),
    ("Victims (non-punishment and non-prosecution)", "Victimes (non-sanction et non-poursuite)"),
    ("Victims (protection and assistance)", "Victimes (protection et assistance)"),
    ("Victims (reflection period)", "Victimes (délai de réflexion)"),
    ("Victims (return and reintegration)", "Victimes (retour et réintégration)"),
    ("Victims (revictimization)", "Victimes (revictimisation)"),
    ("Victims (views and input)", "Victimes (point de vue et contributions)"),
)

# Part of the table, as the issue allows: enough to re-sort (Niños, Capacitación…).
SPANISH = (
    (
        "Agencias de contratación y comisiones de contratación",
        "Agences de recrutement et frais de recrutement",
    ),
    ("Capacitación y fomento de la capacidad", "Formation et renforcement des capacités"),
    (
        "Conferencia de las Partes en la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional y Grupo de Trabajo sobre la Trata de Personas (función y actividades)",
        "Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée et Groupe de travail sur la traite des personnes (rôle et activités)",
    ),
    ("Consideraciones culturales", "Considérations culturelles"),
    ("Cooperación internacional", "Coopération internationale"),
    ("Corrupción", "Corruption"),
    (
        "Examen, seguimiento y evaluación de las medidas aplicadas",
        "Examen, suivi et évaluation des mesures mises en œuvre",
    ),
    (
        "Fondo Fiduciario de Contribuciones Voluntarias de las Naciones Unidas para las Víctimas de la Trata de Personas, Especialmente Mujeres y Niños",
        "Fonds de contributions volontaires des Nations Unies en faveur des victimes de la traite des personnes, en particulier des femmes et des enfants",
    ),
    ("Legislación", "Législation"),
    ("Niños", "Enfants"),
    ("Oferta y demanda", "Offre et demande"),
    ("Partes interesadas (fiscales)", "Intervenants (procureurs)"),
    ("Prevención del delito", "Prévention du crime"),
    ("Sensibilización", "Sensibilisation"),
    ("Víctimas (protección y asistencia)", "Victimes (protection et assistance)"),
    ("Víctimas (reparación)", "Victimes (réparation)"),
    ("Víctimas (revictimización)", "Victimes (revictimisation)"),
)

# A smaller part again, in Cyrillic: the subparagraph letters stay Latin.
RUSSIAN = (
    ("Агентства по найму и плата за наем", "Agences de recrutement et frais de recrutement"),
    ("Дети", "Enfants"),
    ("Жертвы (защита и помощь)", "Victimes (protection et assistance)"),
    ("Законодательство", "Législation"),
    (
        "Конференция Участников Конвенции Организации Объединенных Наций против транснациональной организованной преступности и Рабочая группа по торговле людьми (роль и деятельность)",
        "Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée et Groupe de travail sur la traite des personnes (rôle et activités)",
    ),
    ("Коррупция", "Corruption"),
    ("Международное сотрудничество", "Coopération internationale"),
    ("Повышение осведомленности", "Sensibilisation"),
)


def _names(code: str) -> tuple[tuple[str, str], ...]:
    """(name, French name) of every theme, in the edition's order, from its data file."""
    path = DATA / f"themes_{code}.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple((record["name"], record["french_name"]) for record in reader)


NAMES = {"en": ENGLISH, "es": SPANISH, "ru": RUSSIAN, "zh": _names("zh"), "ar": _names("ar")}

TITLES = {
    "en": "Recommendations adopted by the Working Group on Trafficking in Persons at its "
    "first eight meetings, by theme",
    "es": "Recomendaciones aprobadas por el Grupo de Trabajo sobre la Trata de Personas en "
    "sus primeras ocho reuniones, por tema",
    "ru": "Рекомендации, принятые Рабочей группой по торговле людьми на ее первых восьми "
    "совещаниях, по темам",
    "zh": "贩运人口问题工作组前八次会议通过的建议，按主题分列",
    "ar": "التوصيات التي اعتمدها الفريق العامل المعني بالاتجار بالأشخاص في اجتماعاته "
    "الثمانية الأولى، حسب الموضوع",
}
JOB_NUMBERS = {
    "en": "V.19-07097",
    "es": "V.19-07099",
    "ru": "V.19-07100",
    "zh": "V.19-07095",
    "ar": "V.19-07094",
}

Rows = tuple[tuple[str, str, str], ...]


def edition_themes(code: str) -> tuple[tuple[str, Rows], ...]:
    """(theme name, rows (report, paragraphs text, references text)) of an edition, as
    written in tests/data/edition_<code>.tsv; the themes must come in the order listed
    above."""
    path = DATA / f"edition_{code}.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    themes: list[tuple[str, Rows]] = []
    for record in reader:
        row = (record["report"], record["paragraphs_text"], record["references_text"])
        if themes and themes[-1][0] == record["theme"]:
            themes[-1] = (record["theme"], (*themes[-1][1], row))
        else:
            themes.append((record["theme"], (row,)))
    listed = [name for name, _ in NAMES[code]]
    if [name for name, _ in themes] != listed:
        raise ValueError(f"{path.name}: themes not in the order of tests/editions.py")
    return tuple(themes)


def edition(code: str) -> TableData:
    """The table as the edition prints it: its title and job number, its theme names in
    its own order, its cells in its own notation."""
    return TableData(
        SYMBOL, TITLES[code], JOB_NUMBERS[code], REFERENCE_DOCUMENT, edition_themes(code)
    )
