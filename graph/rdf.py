"""The RDF model: a Document and its Extraction become one named graph of an rdflib Dataset.

Per report (graph ``graph.ids.graph_iri(report.id)``):

* the report (``schema:Report``, DCTERMS metadata), its sections and passages (``rg:Passage`` with
  pages, section, offsets and text);
* entities with their standard class (W3C ORG, schema.org, SKOS concepts for areas and indicators),
  ``skos:prefLabel`` / ``skos:altLabel`` / ``rg:acronym``;
* every relation twice: the plain triple (``:unhcr rg:coLeads :wguh``) and a reified ``rg:Relation``
  (``rdf:subject/predicate/object``, confidence, rule, page, ``prov:wasDerivedFrom`` its passage)
  that is the body of an ``oa:Annotation`` whose target selects the exact evidence text
  (``oa:TextPositionSelector`` + ``oa:TextQuoteSelector``);
* ``passage rg:mentions entity`` for every mention;
* indicator and budget tables as RDF Data Cube observations (``graph.cube``).

The vocabulary (``graph/vocab.ttl``, with the Data Cube structures) goes into its own graph.
Every IRI is minted from ids, slugs or hashes, every label is a literal: nothing from the text is
ever pasted into an IRI or into serialised RDF (threat model 14).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from graph.ids import DEFAULT_BASE, entity_iri, graph_iri, passage_iri, report_iri, short_hash, slugify
from graph.keys import area_key
from graph.model import PREDICATES, Entity, Extraction, Relation
from graph.namespaces import OA, ORG, RG, SCHEMA, TYPE_CLASS, VOCAB_GRAPH, bind_prefixes, extra_classes
from ingest.model import AreaRef, Document, Passage

log = logging.getLogger(__name__)

_BASE_OK = re.compile(r"^https?://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+[/#]$")
_KIND_ROOT = {"impact": RG.impactAreas, "outcome": RG.outcomeAreas, "enabling": RG.enablingAreas}
_CODE_KIND = {"IA": "impact", "OA": "outcome", "EA": "enabling"}
_CONTEXT_CHARS = 32  # oa:prefix / oa:suffix length, enough to re-anchor a quote


def build_dataset(items: Sequence[tuple[Document, Extraction]], *, base: str = DEFAULT_BASE) -> Dataset:
    """Build the dataset: the vocabulary graph plus one named graph per report.

    Args:
        items: each report's Document and the Extraction made from it.
        base: base IRI for minted resources (``http(s)://…`` ending in ``/`` or ``#``).

    Returns:
        An rdflib Dataset whose default graph is the union of its named graphs.
    """
    check_base(base)
    ds = Dataset(default_union=True)
    bind_prefixes(ds.namespace_manager)
    ds.graph(VOCAB_GRAPH).parse(data=vocabulary_bytes(), format="turtle")
    for doc, extraction in items:
        graph = ds.graph(URIRef(graph_iri(doc.report.id, base)))
        ReportGraph(doc, extraction, base, graph).build()
    return ds


def vocabulary_bytes() -> bytes:
    return Path(__file__).with_name("vocab.ttl").read_bytes()


def check_base(base: str) -> None:
    """A base IRI is pasted into every IRI, so it must be a plain http(s) IRI."""
    if not _BASE_OK.match(base):
        raise ValueError(f"base IRI must be http(s)://… ending in '/' or '#', got {base!r}")


def decimal_literal(value: float) -> Literal:
    """An xsd:decimal whose lexical form always has a '.', so every syntax keeps the datatype."""
    text = format(Decimal(repr(float(value))), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


@dataclass
class ReportGraph:
    """Writes one report's triples into ``graph`` (the report's named graph)."""

    doc: Document
    extraction: Extraction
    base: str
    graph: Graph
    report: URIRef = field(init=False)
    activity: URIRef = field(init=False)
    passages: dict[str, Passage] = field(init=False)
    iri_of: dict[str, URIRef] = field(default_factory=dict)
    type_of: dict[URIRef, str] = field(default_factory=dict)
    _labelled: dict[URIRef, set[str]] = field(default_factory=dict)
    _areas: set[URIRef] = field(default_factory=set)

    def __post_init__(self) -> None:
        rid = self.doc.report.id
        self.report = URIRef(report_iri(rid, self.base))
        self.activity = self.mint("activity", rid, "graph-build")
        self.passages = {p.id: p for p in self.doc.passages}

    # -- helpers --------------------------------------------------------------------------
    def mint(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(slugify(p, max_len=80) for p in parts))

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.graph.add((s, p, o))

    def label(self, iri: URIRef, text: str) -> None:
        """First label is the skos:prefLabel, later different ones are altLabels (SKOS S14)."""
        text = text.strip()
        if not text:
            return
        seen = self._labelled.setdefault(iri, set())
        if text in seen:
            return
        self.add(iri, SKOS.altLabel if seen else SKOS.prefLabel, Literal(text))
        seen.add(text)

    def passage(self, passage_id: str) -> URIRef:
        return URIRef(passage_iri(passage_id, self.base))

    # -- the whole report -----------------------------------------------------------------
    def build(self) -> None:
        from graph.cube import add_cube  # local import: cube imports this module

        self.add_report()
        self.add_sections()
        self.add_passages()
        self.add_entities(self.extraction.entities)
        self.add_mentions()
        self.add_relations(self.extraction.relations)
        add_cube(self)

    def add_report(self) -> None:
        rep, meta = self.doc.report, self.doc.report.meta
        r = self.report
        self.add(r, RDF.type, SCHEMA.Report)
        self.add(r, RDF.type, PROV.Entity)
        self.add(r, DCTERMS.identifier, Literal(rep.id))
        self.add(r, DCTERMS.title, Literal(meta.title or rep.file_name or rep.slug))
        self.add(r, RG.fileName, Literal(rep.file_name))
        self.add(r, RG.sha256, Literal(rep.sha256))
        if meta.publisher:
            self.add(r, DCTERMS.publisher, self.find_entity(meta.publisher, "Organization") or Literal(meta.publisher))
        if meta.country:
            self.add(r, DCTERMS.spatial, self.find_entity(meta.country, "Location") or Literal(meta.country))
        if meta.year:
            self.add(r, DCTERMS.temporal, Literal(str(meta.year), datatype=XSD.gYear))
        if meta.published:
            self.add(r, DCTERMS.date, Literal(meta.published))
        if meta.language:
            self.add(r, DCTERMS.language, Literal(meta.language))
        if meta.source_url.startswith(("http://", "https://")) and " " not in meta.source_url:
            self.add(r, DCTERMS.source, URIRef(meta.source_url))
        graph_node = URIRef(graph_iri(rep.id, self.base))
        self.add(graph_node, PROV.wasDerivedFrom, r)
        self.add(graph_node, PROV.wasGeneratedBy, self.activity)
        agent = URIRef(self.base + "agent/reportgraph")
        self.add(agent, RDF.type, PROV.SoftwareAgent)
        self.add(agent, RDFS.label, Literal("reportgraph"))
        self.add(self.activity, RDF.type, PROV.Activity)
        self.add(self.activity, RDFS.label, Literal(f"knowledge graph build of report {rep.id}"))
        self.add(self.activity, PROV.used, r)
        self.add(self.activity, PROV.wasAssociatedWith, agent)

    def find_entity(self, name: str, etype: str) -> URIRef | None:
        wanted = name.strip().casefold()
        for e in self.extraction.entities:
            names = {e.label, *e.aliases, e.acronym or ""}
            if e.type == etype and wanted in {n.strip().casefold() for n in names if n}:
                return self.entity_iri(e)
        return None

    def section_iri(self, section_id: str) -> URIRef:
        return self.mint("section", self.doc.report.id, section_id)

    def add_sections(self) -> None:
        for s in self.doc.sections:
            iri = self.section_iri(s.id)
            self.add(iri, RDF.type, RG.Section)
            self.add(iri, RDF.type, PROV.Entity)
            self.add(iri, DCTERMS.identifier, Literal(s.id))
            self.add(iri, DCTERMS.title, Literal(s.title))
            parent = self.section_iri(s.parent) if s.parent else self.report
            self.add(iri, DCTERMS.isPartOf, parent)
            self.add(iri, RG.start, Literal(s.start))
            self.add(iri, RG.end, Literal(s.end))
            self.add(iri, RG.sectionKind, Literal(s.kind))
            if s.number:
                self.add(iri, RG.sectionNumber, Literal(s.number))
            if s.area:
                area = self.ensure_area(s.area)
                self.add(iri, RG.area, area)
                if s.goal:
                    self.add(area, RG.goal, Literal(s.goal))

    def add_passages(self) -> None:
        known_sections = {s.id for s in self.doc.sections}
        for p in self.doc.passages:
            iri = self.passage(p.id)
            self.add(iri, RDF.type, RG.Passage)
            self.add(iri, RDF.type, PROV.Entity)
            self.add(iri, DCTERMS.identifier, Literal(p.id))
            self.add(iri, DCTERMS.isPartOf, self.report)
            self.add(iri, RG.start, Literal(p.start))
            self.add(iri, RG.end, Literal(p.end))
            self.add(iri, RG.passageKind, Literal(p.kind))
            self.add(iri, RG.pageInferred, Literal(p.page_inferred))
            self.add(iri, SCHEMA.text, Literal(p.text))
            for page in p.pages:
                self.add(iri, RG.page, Literal(page))
            if p.section_id in known_sections:
                self.add(iri, RG.section, self.section_iri(p.section_id))

    # -- areas, entities ------------------------------------------------------------------
    def area_iri(self, code: str, title: str = "") -> URIRef:
        return URIRef(entity_iri("Area", area_key(code, title), self.doc.report.slug,
                                 international=False, base=self.base))

    def scheme(self, name: str) -> URIRef:
        iri = self.mint("scheme", self.doc.report.id, name)
        if (iri, RDF.type, SKOS.ConceptScheme) not in self.graph:
            self.add(iri, RDF.type, SKOS.ConceptScheme)
            self.add(iri, SKOS.prefLabel, Literal(f"{name} of report {self.doc.report.id}"))
            self.add(iri, DCTERMS.source, self.report)
        return iri

    def ensure_area(self, ref: AreaRef) -> URIRef:
        iri = self.area_iri(ref.code, ref.title)
        self.type_area(iri, ref.code, ref.kind)
        self.label(iri, ref.title or ref.code)
        return iri

    def type_area(self, iri: URIRef, code: str, kind: str | None) -> None:
        if iri in self._areas:
            return
        self._areas.add(iri)
        self.type_of[iri] = "Area"
        for cls in (RG.Entity, RG.Area, SKOS.Concept):
            self.add(iri, RDF.type, cls)
        self.add(iri, SKOS.inScheme, self.scheme("areas"))
        code = area_key(code) if code.strip() else ""
        if code:
            self.add(iri, SKOS.notation, Literal(code))
            self.add(iri, RG.areaCode, Literal(code))
        root = _KIND_ROOT.get(kind or _CODE_KIND.get(code[:2], ""))
        if root is not None:
            # both directions: IC-20 walks skos:narrower, IC-21 walks skos:broader backwards
            self.add(iri, SKOS.broader, root)
            self.add(root, SKOS.narrower, iri)

    def entity_iri(self, e: Entity) -> URIRef:
        if e.type == "Area" and e.area_code:
            return self.area_iri(e.area_code)
        return URIRef(entity_iri(e.type, e.key, self.doc.report.slug,
                                 international=e.international, base=self.base))

    def add_entities(self, entities: Iterable[Entity]) -> None:
        for e in entities:
            if e.key in self.iri_of:
                continue
            iri = self.entity_iri(e)
            self.iri_of[e.key] = iri
            self.type_of[iri] = e.type
            self.add(iri, RDF.type, RG.Entity)
            self.add(iri, RDF.type, TYPE_CLASS[e.type])
            for cls in extra_classes(e):
                self.add(iri, RDF.type, cls)
            if e.type == "Area":
                self.type_area(iri, e.area_code, None)
            elif e.type == "Indicator":
                self.add(iri, RDF.type, SKOS.Concept)
                self.add(iri, SKOS.inScheme, self.scheme("indicators"))
                if e.area_code:
                    area = self.area_iri(e.area_code)
                    self.type_area(area, e.area_code, None)
                    self.label(area, area_key(e.area_code))  # a prefLabel even if no table names it
                    self.add(iri, SKOS.broader, area)
                    self.add(area, SKOS.narrower, iri)
            self.label(iri, e.label)
            for alias in e.aliases:
                self.label(iri, alias)
            if e.acronym and e.acronym.strip() and e.acronym.strip() != e.label.strip():
                self.add(iri, RG.acronym, Literal(e.acronym.strip()))
            if e.subtype:
                self.add(iri, RG.subtype, Literal(e.subtype))
            if e.international:
                self.add(iri, RG.international, Literal(True))
            for scheme, value in sorted(e.identifiers.items()):
                self.add(iri, DCTERMS.identifier, Literal(f"{scheme}:{value}"))
                if scheme == "geonames" and value.isdigit():
                    self.add(iri, SCHEMA.sameAs, URIRef(f"https://sws.geonames.org/{value}/"))
                elif scheme == "wikidata" and re.fullmatch(r"Q\d+", value):
                    self.add(iri, SCHEMA.sameAs, URIRef(f"http://www.wikidata.org/entity/{value}"))
            if e.definition_passage in self.passages:
                self.add(iri, RG.definedIn, self.passage(e.definition_passage))

    def add_mentions(self) -> None:
        skipped = 0
        for m in self.extraction.mentions:
            iri = self.iri_of.get(m.entity)
            if iri is None or m.passage_id not in self.passages:
                skipped += 1
                continue
            self.add(self.passage(m.passage_id), RG.mentions, iri)
        if skipped:
            log.warning("%s: %d mentions name an unknown entity or passage", self.doc.report.id, skipped)

    # -- relations --------------------------------------------------------------------------
    def add_relations(self, relations: Iterable[Relation]) -> None:
        merged: dict[URIRef, tuple[Relation, float, set[str]]] = {}
        for r in relations:
            s, o = self.iri_of.get(r.subject), self.iri_of.get(r.object)
            if s is None or o is None or r.predicate not in PREDICATES or r.passage_id not in self.passages:
                log.warning("%s: relation skipped (unknown entity, predicate or passage): %s %s %s",
                            self.doc.report.id, r.subject, r.predicate, r.object)
                continue
            node = self.mint("relation", self.doc.report.id,
                             short_hash(f"{s}|{r.predicate}|{o}|{r.start}|{r.end}", 16))
            first, conf, rules = merged.get(node, (r, r.confidence, set()))
            merged[node] = (first, max(conf, r.confidence), rules | ({r.rule} if r.rule else set()))
        for node, (r, conf, rules) in merged.items():
            self.add_relation(node, r, conf, sorted(rules))

    def add_relation(self, node: URIRef, r: Relation, confidence: float, rules: list[str]) -> None:
        s, o, pred = self.iri_of[r.subject], self.iri_of[r.object], RG[r.predicate]
        self.add(s, pred, o)
        both = (self.type_of.get(s), self.type_of.get(o))
        if r.predicate == "memberOf" and both == ("Organization", "Organization"):
            self.add(s, ORG.memberOf, o)
        elif r.predicate == "partOf" and both == ("Organization", "Organization"):
            self.add(s, ORG.subOrganizationOf, o)
        elif r.predicate == "locatedIn" and both == ("Location", "Location"):
            self.add(s, SCHEMA.containedInPlace, o)

        passage = self.passage(r.passage_id)
        self.add(node, RDF.type, RG.Relation)
        self.add(node, RDF.subject, s)
        self.add(node, RDF.predicate, pred)
        self.add(node, RDF.object, o)
        self.add(node, RG.confidence, decimal_literal(min(1.0, max(0.0, confidence))))
        for rule in rules:
            self.add(node, RG.extractionRule, Literal(rule))
        if r.quantity is not None:
            self.add(node, RG.quantity, decimal_literal(r.quantity))
        self.add(node, RG.page, Literal(r.page))
        self.add(node, PROV.wasDerivedFrom, passage)
        self.add(node, PROV.wasGeneratedBy, self.activity)
        self.add_evidence(node, r, passage)

    def add_evidence(self, node: URIRef, r: Relation, passage: URIRef) -> None:
        """oa:Annotation(body = relation) → SpecificResource(passage) with position + quote selectors."""
        text = self.doc.text
        valid = 0 <= r.start <= r.end <= len(text)
        # the stored text wins over text the extractor produced (threat model 19)
        exact = text[r.start : r.end] if valid and r.end > r.start else r.evidence
        p = self.passages[r.passage_id]
        if valid and p.start <= r.start and r.end <= p.end:
            source, src_text, start, end = passage, p.text, r.start - p.start, r.end - p.start
        else:
            # a span that crosses the passage boundary is anchored in the whole report text
            source, src_text, start, end = self.report, text, r.start, r.end
        ann = URIRef(node.replace("/relation/", "/annotation/", 1))
        target, pos, quote = URIRef(ann + "/target"), URIRef(ann + "/position"), URIRef(ann + "/quote")
        self.add(ann, RDF.type, OA.Annotation)
        self.add(ann, OA.motivatedBy, OA.describing)
        self.add(ann, OA.hasBody, node)
        self.add(ann, OA.hasTarget, target)
        self.add(target, RDF.type, OA.SpecificResource)
        self.add(target, OA.hasSource, source)
        self.add(target, OA.hasSelector, pos)
        self.add(target, OA.hasSelector, quote)
        self.add(pos, RDF.type, OA.TextPositionSelector)
        self.add(pos, OA.start, Literal(start, datatype=XSD.nonNegativeInteger))
        self.add(pos, OA.end, Literal(end, datatype=XSD.nonNegativeInteger))
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, Literal(exact))
        if valid and 0 <= start <= end <= len(src_text):
            prefix, suffix = src_text[max(0, start - _CONTEXT_CHARS) : start], src_text[end : end + _CONTEXT_CHARS]
            if prefix:
                self.add(quote, OA.prefix, Literal(prefix))
            if suffix:
                self.add(quote, OA.suffix, Literal(suffix))
