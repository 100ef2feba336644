"""Word lists that the extraction rules share: cue words, stop words, months.

General English and humanitarian-sector vocabulary only — nothing here names a
body, place or programme of any particular report.
"""

from __future__ import annotations

# Head words that make a capitalised name an organisation ("Ministry of …", "… Working Group").
ORG_CUES = frozenset(
    """ministry ministries commission commissioner commissioners superintendence superintendency office offices
    network networks platform platforms group groups committee committees council councils unit units centre
    centres center centers police prosecutor prosecutors branch congress court courts bank banks team teams
    table roundtable agency agencies authority authorities institute institution institutions organization
    organizations organisation organisations association associations foundation foundations department
    departments directorate directorates secretariat government governments municipality municipalities
    ombudsperson ombudsman ombudsman's ombudsperson's defensoria parliament senate assembly registry bureau
    alliance coalition federation union cluster sector sub-sector subsector board house shelter university
    universities hub hubs representation clinic service services consortium chapter mission embassy corps
    judiciary tribunal prosecution procuraduria fundacion asociacion ministerio comision superintendencia
    instituto casa red mesa centro consejo servicio defensoria cooperative cooperatives church presidency
    """.split()
)
# Head words of programmes, processes, laws and other named instruments.
PROGRAMME_CUES = frozenset(
    """programme programmes program programs strategy strategies policy policies protocol protocols plan plans
    framework frameworks mechanism mechanisms system systems process processes survey surveys law laws decree
    decrees card cards initiative initiatives project projects approach guidelines guideline procedure procedures
    residency permit permits visa visas amnesty appeal pilot census certificate certificates route scheme
    regulation regulations act resolution code convention declaration compact agenda module database helpline
    payment payments transfer grant grants determination registration programa plan ley decreto analysis
    definition bonus bono allowance subsidy loan loans voucher vouchers assessment assessments roadmap roadmaps
    """.split()
)
EVENT_CUES = frozenset(
    """forum conference summit day days week campaign campaigns phenomenon emergency cyclone hurricane typhoon
    storm earthquake pandemic epidemic flood floods drought march meeting dialogue festival fair""".split()
)
# Lower-case words allowed to trail a capitalised name and give it its head ("Auditor General's office").
TRAILING_CUES = frozenset(
    """office unit team sector programme program strategy policy protocol plan mechanism system process campaign
    helpline shelter network platform committee card permit certificate appeal initiative project pilot route
    payment march fund definition scheme""".split()
)
# Lower-case words that may sit inside a capitalised name.
NAME_CONNECTORS = frozenset("of for and on the de del la las los y against about from with at & to da das do dos di du des".split())
# Lower-case particles inside Romance place and body names ("Salvador das Conchas", "Cerro de Oro").
NAME_PARTICLES = frozenset("de del la las los da das do dos di du des".split())

# Capitalised only because they open a sentence or a heading: never the start of a name.
SENTENCE_OPENERS = frozenset(
    """in the a an during within through thanks regarding also finally moreover besides despite although
    according with based to as for since while at on by among other this these those some supporting considering
    following after before under over between both each every all most many several such its their our his her
    having being once when where if however therefore furthermore additionally likewise meanwhile overall
    together training given due it there here we they he she one two three four five six seven eight nine ten
    women men children people persons survivors refugees access documentation freedom birth local education
    progress responding recognizing acknowledging building crucial prioritization providing funding
    """.split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
DETERMINERS = frozenset("the a an its their this these that those his her our".split())


def cue_type(word: str) -> str | None:
    """The entity type a head word signals, if any."""
    w = word.lower().strip("'").removesuffix("'s")
    w = _fold_accents(w)
    if w in ORG_CUES:
        return "Organization"
    if w in PROGRAMME_CUES:
        return "Programme"
    if w in EVENT_CUES:
        return "Event"
    return None


def _fold_accents(w: str) -> str:
    return w.translate(str.maketrans("áéíóúñ", "aeioun"))


# Population groups a reader would list; matched case-insensitively, hyphens as spaces.
POPULATION_PHRASES = (
    "refugees and migrants", "refugees and asylum-seekers", "refugees and asylum seekers",
    "refugees, asylum-seekers and migrants", "asylum-seekers", "stateless people", "stateless persons",
    "forcibly displaced and stateless people", "forcibly displaced people", "internally displaced people",
    "internally displaced persons", "returnees", "host communities", "host community members",
    "persons with disabilities", "people with disabilities", "indigenous people", "indigenous peoples",
    "people of African descent", "LGBTIQ+ people", "LGBTIQ+ persons", "LGBTIQ+ population", "LGBTIQ+ community",
    "LGBTIQ+ refugees", "GBV survivors", "survivors of violence and torture", "unaccompanied and separated children",
    "unaccompanied or separated children", "separated and unaccompanied children", "women and girls",
    "children and adolescents", "older persons", "elderly people", "women at risk", "refugee women",
    "people at risk of statelessness", "people in need of international protection",
)
