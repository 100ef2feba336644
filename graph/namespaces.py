"""Namespaces and the class of each entity type: one place so that rdf, nxview and export agree.

Our own terms live in ``rg:`` (``graph.ids.VOCAB``), declared in ``graph/vocab.ttl``;
everything else is a standard vocabulary (W3C ORG, SKOS, schema.org, RDF Data Cube,
PROV-O, Web Annotation, DCTERMS).
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, QB, RDF, RDFS, SKOS, XSD, NamespaceManager

from graph.ids import VOCAB
from graph.model import Entity

RG = Namespace(VOCAB)
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
SDMX_DIM = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")

# The IRI of the vocabulary document; also the name of the graph that carries it.
VOCAB_GRAPH = URIRef(VOCAB.rstrip("#"))

PREFIXES: dict[str, Namespace] = {
    "rg": RG,
    "org": ORG,
    "skos": SKOS,
    "schema": SCHEMA,
    "qb": QB,
    "prov": PROV,
    "oa": OA,
    "dcterms": DCTERMS,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "sdmx-dimension": SDMX_DIM,
    "sdmx-measure": SDMX_MEASURE,
}

# The one class that stands for each extraction entity type (CSV / GraphML "type").
TYPE_CLASS: dict[str, URIRef] = {
    "Organization": ORG.Organization,
    "Programme": RG.Programme,
    "Location": SCHEMA.Place,
    "Event": SCHEMA.Event,
    "Area": RG.Area,
    "Indicator": RG.Indicator,
    "PopulationGroup": RG.PopulationGroup,
}
CLASS_TYPE: dict[URIRef, str] = {v: k for k, v in TYPE_CLASS.items()}


def bind_prefixes(manager: NamespaceManager) -> None:
    for prefix, ns in PREFIXES.items():
        manager.bind(prefix, ns, override=True, replace=True)


def curie(iri: URIRef | str) -> str:
    """``org:Organization`` for a known namespace, the full IRI otherwise."""
    text = str(iri)
    for prefix, ns in PREFIXES.items():
        base = str(ns)
        if text.startswith(base) and text != base:
            local = text[len(base) :]
            if local.replace("_", "").replace("-", "").isalnum():
                return f"{prefix}:{local}"
    return text


_FORMAL = ("government", "ministry", "agency", "ngo", "donor", "bank", "private", "company",
           "university", "intergovernmental", "un")
_UNIT = ("unit", "department", "directorate", "division", "subbody", "sub-body", "branch")
_LEGISLATION = ("law", "decree", "legislation", "regulation", "resolution")
_WORK = ("policy", "protocol", "guideline", "plan", "strategy", "document", "report", "manual")


def extra_classes(e: Entity) -> list[URIRef]:
    """Finer standard classes from the extractor's subtype (case-insensitive keywords)."""
    sub = e.subtype.lower()
    if not sub:
        return []
    if e.type == "Organization":
        if any(w in sub for w in _UNIT):
            return [ORG.OrganizationalUnit]
        if any(sub.startswith(w) or w in sub.split() for w in _FORMAL) or sub in {"unagency", "ingo"}:
            return [ORG.FormalOrganization]
    elif e.type == "Programme":
        if any(w in sub for w in _LEGISLATION):
            return [SCHEMA.Legislation]
        if any(w in sub for w in _WORK):
            return [SCHEMA.CreativeWork]
    elif e.type == "Location":
        for word, cls in (("country", SCHEMA.Country), ("city", SCHEMA.City), ("continent", SCHEMA.Continent)):
            if word in sub:
                return [cls]
        if any(w in sub for w in ("region", "state", "province", "department", "administrative", "district")):
            return [SCHEMA.AdministrativeArea]
    return []
