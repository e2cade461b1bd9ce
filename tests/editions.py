"""Other language editions of the index, made for the tests from the French data.

The theme names are our own translations (not the UN's), the cells are the French rows'
expanded lists written back in each edition's notation, and the themes are re-sorted in
the edition's alphabetical order, as a real edition is. A test then reads the typeset PDF
and expects the French data back, entry for entry.
"""

from __future__ import annotations

from pipeline.languages import Language
from pipeline.models import IndexDocument
from pipeline.normalize.render import render_paragraphs, render_references
from pipeline.validation.structure import primary_key
from tests.pdf_factory import TableData

ENGLISH = {
    "Agences de recrutement et frais de recrutement": "Recruitment agencies and recruitment fees",
    "Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée et Groupe de travail sur la traite des personnes (rôle et activités)": "Conference of the Parties to the United Nations Convention against Transnational Organized Crime and Working Group on Trafficking in Persons (role and activities)",
    "Considérations culturelles": "Cultural considerations",
    "Considérations linguistiques": "Linguistic considerations",
    "Consommateurs, clients et utilisateurs de produits et services fournis par des victimes de la traite": "Consumers, clients and users of goods and services provided by victims of trafficking",
    "Coopération internationale": "International cooperation",
    "Coordination et coopération au niveau national": "National coordination and cooperation",
    "Corruption": "Corruption",
    "Enfants": "Children",
    "Examen, suivi et évaluation des mesures mises en œuvre": "Review, monitoring and evaluation of measures implemented",
    "Fonds de contributions volontaires des Nations Unies en faveur des victimes de la traite des personnes, en particulier des femmes et des enfants": "United Nations Voluntary Trust Fund for Victims of Trafficking in Persons, Especially Women and Children",
    "Formation et renforcement des capacités": "Training and capacity-building",
    "Formes de traite des personnes à des fins d’exploitation non mentionnées dans le Protocole": "Forms of trafficking in persons for exploitation not mentioned in the Protocol",
    "Formes de traite des personnes à des fins d’exploitation par le travail": "Forms of trafficking in persons for labour exploitation",
    "Formes de traite des personnes à des fins d’exploitation sexuelle": "Forms of trafficking in persons for sexual exploitation",
    "Formes de traite des personnes à des fins de prélèvement d’organes": "Forms of trafficking in persons for the removal of organs",
    "Formes nouvelles de la traite des personnes": "Emerging forms of trafficking in persons",
    "Groupe interinstitutions de coordination contre la traite des personnes": "Inter-Agency Coordination Group against Trafficking in Persons",
    "Groupes criminels organisés": "Organized criminal groups",
    "Intervenants (affaires intérieures)": "Stakeholders (home affairs)",
    "Intervenants (agents consulaires et diplomatiques)": "Stakeholders (consular and diplomatic officials)",
    "Intervenants (asile)": "Stakeholders (asylum)",
    "Intervenants (conflits et action humanitaire)": "Stakeholders (conflict and humanitarian action)",
    "Intervenants (détection et répression)": "Stakeholders (law enforcement)",
    "Intervenants (éducateurs)": "Stakeholders (educators)",
    "Intervenants (finances et fiscalité)": "Stakeholders (finance and taxation)",
    "Intervenants (forces de maintien de la paix)": "Stakeholders (peacekeeping forces)",
    "Intervenants (forces de sécurité)": "Stakeholders (security forces)",
    "Intervenants (gestion des frontières)": "Stakeholders (border management)",
    "Intervenants (immigration)": "Stakeholders (immigration)",
    "Intervenants (inspecteurs du travail)": "Stakeholders (labour inspectors)",
    "Intervenants (justice pénale)": "Stakeholders (criminal justice)",
    "Intervenants (médias)": "Stakeholders (media)",
    "Intervenants (organes des Nations Unies et fonctions)": "Stakeholders (United Nations bodies and functions)",
    "Intervenants (personnel judiciaire)": "Stakeholders (judicial personnel)",
    "Intervenants (prestataires de services aux victimes)": "Stakeholders (victim service providers)",
    "Intervenants (procureurs)": "Stakeholders (prosecutors)",
    "Intervenants (secteur privé)": "Stakeholders (private sector)",
    "Intervenants (services juridiques)": "Stakeholders (legal services)",
    "Intervenants (services médicaux et soins de santé)": "Stakeholders (medical and health-care services)",
    "Intervenants (services sociaux)": "Stakeholders (social services)",
    "Intervenants (société civile)": "Stakeholders (civil society)",
    "Intervenants (syndicats)": "Stakeholders (trade unions)",
    "Intervenants (système judiciaire)": "Stakeholders (judiciary)",
    "Lacunes et difficultés recensées": "Identified gaps and challenges",
    "Législation": "Legislation",
    "Liens avec d’autres formes de criminalité": "Links to other forms of crime",
    "Mesures au niveau local ou à l’échelle de districts": "Local or district-level measures",
    "Mesures au niveau régional": "Regional measures",
    "Mesures de justice pénale (gestion des affaires)": "Criminal justice measures (case management)",
    "Mesures de justice pénale (poursuites pénales)": "Criminal justice measures (prosecutions)",
    "Mesures de justice pénale (procédures judiciaires)": "Criminal justice measures (judicial proceedings)",
    "Mesures de justice pénale (réseaux d’intervenants)": "Criminal justice measures (practitioner networks)",
    "Mesures de justice pénale (témoins)": "Criminal justice measures (witnesses)",
    "Offre et demande": "Supply and demand",
    "Prévention du crime": "Crime prevention",
    "Problématique femmes-hommes": "Gender issues",
    "Protocole relatif à la traite des personnes (adhésion et interprétation)": "Trafficking in Persons Protocol (adherence and interpretation)",
    "Protocole relatif à la traite des personnes (concepts et définitions)": "Trafficking in Persons Protocol (concepts and definitions)",
    "Recherche et collecte et analyse de données": "Research and data collection and analysis",
    "Secrétariat et Office des Nations Unies contre la drogue et le crime": "Secretariat and United Nations Office on Drugs and Crime",
    "Sensibilisation": "Awareness-raising",
    "Technologies": "Technology",
    "Terrorisme": "Terrorism",
    "Trafic illicite de migrants": "Smuggling of migrants",
    "Victimes (confidentialité et vie privée)": "Victims (confidentiality and privacy)",
    "Victimes (délai de réflexion)": "Victims (reflection period)",
    "Victimes (en tant que témoins)": "Victims (as witnesses)",
    "Victimes (flux migratoires mixtes)": "Victims (mixed migration flows)",
    "Victimes (handicaps)": "Victims (disabilities)",
    "Victimes (identification)": "Victims (identification)",
    "Victimes (informations et assistance juridique)": "Victims (information and legal assistance)",
    "Victimes (non-sanction et non-poursuite)": "Victims (non-punishment and non-prosecution)",
    "Victimes (point de vue et contributions)": "Victims (views and input)",
    "Victimes (protection et assistance)": "Victims (protection and assistance)",
    "Victimes (réparation)": "Victims (compensation)",
    "Victimes (retour et réintégration)": "Victims (return and reintegration)",
    "Victimes (revictimisation)": "Victims (revictimization)",
}

# Part of the table, as the issue allows: enough to re-sort (Niños, Capacitación…).
SPANISH = {
    "Agences de recrutement et frais de recrutement": "Agencias de contratación y comisiones de contratación",
    "Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée et Groupe de travail sur la traite des personnes (rôle et activités)": "Conferencia de las Partes en la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional y Grupo de Trabajo sobre la Trata de Personas (función y actividades)",
    "Considérations culturelles": "Consideraciones culturales",
    "Coopération internationale": "Cooperación internacional",
    "Corruption": "Corrupción",
    "Enfants": "Niños",
    "Examen, suivi et évaluation des mesures mises en œuvre": "Examen, seguimiento y evaluación de las medidas aplicadas",
    "Fonds de contributions volontaires des Nations Unies en faveur des victimes de la traite des personnes, en particulier des femmes et des enfants": "Fondo Fiduciario de Contribuciones Voluntarias de las Naciones Unidas para las Víctimas de la Trata de Personas, Especialmente Mujeres y Niños",
    "Formation et renforcement des capacités": "Capacitación y fomento de la capacidad",
    "Intervenants (procureurs)": "Partes interesadas (fiscales)",
    "Législation": "Legislación",
    "Offre et demande": "Oferta y demanda",
    "Prévention du crime": "Prevención del delito",
    "Sensibilisation": "Sensibilización",
    "Victimes (protection et assistance)": "Víctimas (protección y asistencia)",
    "Victimes (réparation)": "Víctimas (reparación)",
    "Victimes (revictimisation)": "Víctimas (revictimización)",
}

# A smaller part again, in Cyrillic: the subparagraph letters stay Latin.
RUSSIAN = {
    "Agences de recrutement et frais de recrutement": "Агентства по найму и плата за наем",
    "Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée et Groupe de travail sur la traite des personnes (rôle et activités)": "Конференция Участников Конвенции Организации Объединенных Наций против транснациональной организованной преступности и Рабочая группа по торговле людьми (роль и деятельность)",
    "Coopération internationale": "Международное сотрудничество",
    "Corruption": "Коррупция",
    "Enfants": "Дети",
    "Législation": "Законодательство",
    "Sensibilisation": "Повышение осведомленности",
    "Victimes (protection et assistance)": "Жертвы (защита и помощь)",
}

TITLES = {
    "en": "Recommendations adopted by the Working Group on Trafficking in Persons at its "
    "first eight meetings, by theme",
    "es": "Recomendaciones aprobadas por el Grupo de Trabajo sobre la Trata de Personas en "
    "sus primeras ocho reuniones, por tema",
    "ru": "Рекомендации, принятые Рабочей группой по торговле людьми на ее первых восьми "
    "совещаниях, по темам",
}
JOB_NUMBERS = {"en": "V.19-07097", "es": "V.19-07099", "ru": "V.19-07100"}


def edition(french: IndexDocument, names: dict[str, str], language: Language) -> TableData:
    """The French table as another edition prints it: translated names in that
    language's order, every cell written in that language's notation."""
    themes = [
        (
            names[theme.name],
            tuple(
                (
                    entry.report,
                    render_paragraphs(entry.paragraphs, language),
                    render_references(entry.references, language),
                )
                for entry in theme.entries
            ),
        )
        for theme in french.themes
        if theme.name in names
    ]
    themes.sort(key=lambda item: primary_key(item[0]))
    assert french.symbol
    assert french.reference_document
    return TableData(
        french.symbol,
        TITLES[language.code],
        JOB_NUMBERS[language.code],
        french.reference_document,
        tuple(themes),
    )
