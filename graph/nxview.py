"""A networkx view of the RDF: entities as nodes, extracted relations as typed edges with evidence.

Built from the dataset (the RDF is the one source of truth), never maintained alongside it.
Node ids and edge endpoints are entity IRIs; one edge per reified ``rg:Relation`` (so the same
triple found in two sentences gives two parallel edges, each with its own evidence).
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS

from graph.namespaces import CLASS_TYPE, OA, RG


def _text(term: object) -> str:
    return str(term) if isinstance(term, Literal | URIRef) else ""


def entity_types(ds: Dataset) -> dict[URIRef, str]:
    """Entity IRI → one of the seven extraction types (Organization, Programme, …)."""
    out: dict[URIRef, str] = {}
    for cls, name in CLASS_TYPE.items():
        for s in ds.subjects(RDF.type, cls):
            if isinstance(s, URIRef) and (s, RDF.type, RG.Entity) in ds:
                out.setdefault(s, name)
    return out


def entity_labels(ds: Dataset, iri: URIRef) -> tuple[str, list[str]]:
    """(label, aliases): the smallest prefLabel across reports wins, so the choice is stable."""
    pref = sorted(str(o) for o in ds.objects(iri, SKOS.prefLabel))
    alts = {str(o) for o in ds.objects(iri, SKOS.altLabel)} | {str(o) for o in ds.objects(iri, RG.acronym)}
    label = pref[0] if pref else str(iri)
    return label, sorted((alts | set(pref[1:])) - {label})


def relation_records(ds: Dataset) -> list[dict[str, object]]:
    """One dict per reified relation: subject, predicate, object, report, passage, page, evidence…"""
    quotes: dict[URIRef, str] = {}
    for ann in ds.subjects(RDF.type, OA.Annotation):
        body = ds.value(ann, OA.hasBody)
        target = ds.value(ann, OA.hasTarget)
        for sel in ds.objects(target, OA.hasSelector):
            exact = ds.value(sel, OA.exact)
            if exact is not None and isinstance(body, URIRef):
                quotes[body] = str(exact)
    records = []
    for rel in ds.subjects(RDF.type, RG.Relation):
        passage = ds.value(rel, PROV.wasDerivedFrom)
        report = ds.value(passage, DCTERMS.isPartOf) if passage is not None else None
        page = ds.value(rel, RG.page)
        conf = ds.value(rel, RG.confidence)
        quantity = ds.value(rel, RG.quantity)
        records.append({
            "relation": str(rel),
            "subject": ds.value(rel, RDF.subject),
            "predicate": ds.value(rel, RDF.predicate),
            "object": ds.value(rel, RDF.object),
            "passage": _text(passage),
            "passage_id": _text(ds.value(passage, DCTERMS.identifier)) if passage is not None else "",
            "report": _text(ds.value(report, DCTERMS.identifier)) if report is not None else "",
            "page": int(page.toPython()) if page is not None else 0,
            "evidence": quotes.get(rel, ""),
            "confidence": float(conf.toPython()) if conf is not None else 0.0,
            "rules": sorted(str(r) for r in ds.objects(rel, RG.extractionRule)),
            "quantity": float(quantity.toPython()) if quantity is not None else None,
        })
    records.sort(key=lambda r: (r["report"], r["passage_id"], str(r["subject"]), str(r["predicate"]),
                                str(r["object"]), r["relation"]))
    return records


def to_networkx(ds: Dataset) -> nx.MultiDiGraph:
    """Entities → nodes (``type``, ``label``, ``aliases``, ``mentions``), relations → edges.

    Edge attributes: ``predicate`` (local name, e.g. ``coLeads``), ``predicate_iri``, ``evidence``,
    ``page``, ``passage_id``, ``passage``, ``report``, ``confidence``, ``rules``, ``relation``.
    """
    g = nx.MultiDiGraph()
    types = entity_types(ds)
    mentions: dict[URIRef, set[URIRef]] = defaultdict(set)
    for passage, _, ent in ds.triples((None, RG.mentions, None)):
        if isinstance(ent, URIRef) and isinstance(passage, URIRef):
            mentions[ent].add(passage)
    for iri in sorted(types):
        label, aliases = entity_labels(ds, iri)
        g.add_node(str(iri), type=types[iri], label=label, aliases=aliases, mentions=len(mentions[iri]))
    for rec in relation_records(ds):
        s, p, o = rec["subject"], rec["predicate"], rec["object"]
        if not (isinstance(s, URIRef) and isinstance(o, URIRef) and isinstance(p, URIRef)):
            continue
        for node in (s, o):
            if str(node) not in g:  # an entity typed only in another build: keep the edge anyway
                g.add_node(str(node), type="", label=str(node), aliases=[], mentions=0)
        local = str(p)[len(str(RG)) :] if str(p).startswith(str(RG)) else str(p)
        g.add_edge(str(s), str(o), key=rec["relation"], predicate=local, predicate_iri=str(p),
                   evidence=rec["evidence"], page=rec["page"], passage_id=rec["passage_id"],
                   passage=rec["passage"], report=rec["report"], confidence=rec["confidence"],
                   rules=rec["rules"], relation=rec["relation"])
    return g
