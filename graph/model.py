"""What extraction produces from a Document: entities, mentions and relations.

These plain dataclasses are the contract between extraction (``graph.extract``)
and the RDF model (``graph.rdf``). Offsets are into ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal[
    "Organization", "Programme", "Location", "Event", "Area", "Indicator", "PopulationGroup"
]

# The relation predicates extraction may emit (local names in the rg: vocabulary).
PREDICATES = (
    "coLeads",
    "leads",
    "chairs",
    "memberOf",
    "partOf",
    "partnersWith",
    "supports",
    "funds",
    "trains",
    "approves",
    "establishes",
    "implements",
    "issues",
    "pledges",
    "participatesIn",
    "operatesIn",
    "locatedIn",
    "submitsTo",
    "engages",
)


@dataclass
class Entity:
    """One real thing. ``key`` is stable across rebuilds (normalised label or gazetteer id)."""

    key: str
    type: EntityType
    label: str
    aliases: list[str] = field(default_factory=list)  # every surface form seen, acronyms too
    acronym: str | None = None
    subtype: str = ""  # e.g. "GovernmentBody", "UNAgency", "NGO", "Country", "City", "Law"
    international: bool = False  # from the gazetteer: same IRI in every report
    identifiers: dict[str, str] = field(default_factory=dict)  # e.g. {"iso3166": "PE"}
    area_code: str = ""  # Area: "IA1"/"OA13"; Indicator: its area's code
    definition_passage: str | None = None  # where "Long Form (ACR)" was found


@dataclass(frozen=True)
class Mention:
    entity: str  # Entity.key
    surface: str
    passage_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Relation:
    subject: str  # Entity.key
    predicate: str  # one of PREDICATES
    object: str  # Entity.key
    passage_id: str
    page: int
    start: int  # evidence span (the sentence or clause) in Document.text
    end: int
    evidence: str
    confidence: float
    rule: str = ""  # which rule produced it (for measuring what each rule earns)
    quantity: float | None = None  # e.g. submissions "41 to Australia"


@dataclass
class Extraction:
    report: str
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


def extraction_to_json(extraction: Extraction) -> dict:
    from dataclasses import asdict

    return asdict(extraction)


def extraction_from_json(data: dict) -> Extraction:
    return Extraction(
        report=data["report"],
        entities=[Entity(**e) for e in data.get("entities", [])],
        mentions=[Mention(**m) for m in data.get("mentions", [])],
        relations=[Relation(**r) for r in data.get("relations", [])],
    )
