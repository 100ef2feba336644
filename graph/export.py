"""Exports: Turtle, TriG, N-Quads, N-Triples, JSON-LD, GraphML and a relations CSV.

Every export carries the vocabulary graph with the data. JSON-LD gets an inline ``@context``
(prefixes only), never a remote one. GraphML comes from the networkx view with attribute values
reduced to strings and numbers and stripped of characters XML 1.0 cannot hold. The CSV
(RFC 4180, UTF-8) has one row per extracted relation, with full IRIs and CURIE types.
"""

from __future__ import annotations

import csv
import io
import re

import networkx as nx
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV

from graph.namespaces import PREFIXES, TYPE_CLASS, VOCAB_GRAPH, bind_prefixes, curie
from graph.nxview import entity_labels, entity_types, relation_records, to_networkx
from graph.validate import report_graphs

RDF_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "ntriples": "nt", "jsonld": "json-ld"}
FORMATS = (*RDF_FORMATS, "graphml", "csv")
CSV_HEADER = ("subject", "subject_label", "subject_type", "predicate", "object", "object_label",
              "object_type", "report", "passage_id", "page", "evidence", "confidence")
JSONLD_CONTEXT = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
_XML_INVALID = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def export(ds: Dataset, fmt: str, *, report: str | None = None) -> bytes:
    """Serialise the dataset (or one report's graph, plus the vocabulary) in ``fmt``.

    Args:
        ds: the built dataset.
        fmt: one of ``FORMATS``.
        report: a report id; None exports every report.

    Raises:
        ValueError: unknown format or report.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    sub = select_reports(ds, report)
    if fmt in ("turtle", "ntriples"):
        return union_graph(sub).serialize(format=RDF_FORMATS[fmt], encoding="utf-8")
    if fmt == "jsonld":
        return sub.serialize(format="json-ld", context=JSONLD_CONTEXT, indent=1, encoding="utf-8")
    if fmt in RDF_FORMATS:
        return sub.serialize(format=RDF_FORMATS[fmt], encoding="utf-8")
    if fmt == "graphml":
        return graphml_bytes(to_networkx(sub))
    return relations_csv(sub)


def report_ids(ds: Dataset) -> dict[str, URIRef]:
    """Report id → its named graph."""
    out = {}
    for name in report_graphs(ds):
        g = ds.graph(name)
        for rep in g.objects(name, PROV.wasDerivedFrom):
            ident = g.value(rep, DCTERMS.identifier)
            if ident is not None:
                out[str(ident)] = name
    return out


def select_reports(ds: Dataset, report: str | None) -> Dataset:
    """A new dataset with the vocabulary graph and the chosen report graph(s)."""
    names = report_graphs(ds)
    if report is not None:
        ids = report_ids(ds)
        if report not in ids:
            raise ValueError(f"no report {report!r} in the graph; known: {', '.join(sorted(ids)) or 'none'}")
        names = [ids[report]]
    out = Dataset(default_union=True)
    bind_prefixes(out.namespace_manager)
    for name in (VOCAB_GRAPH, *names):
        target = out.graph(name)
        for triple in ds.graph(name):
            target.add(triple)
    return out


def union_graph(ds: Dataset) -> Graph:
    g = Graph()
    bind_prefixes(g.namespace_manager)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _xml_safe(value: object) -> str | int | float:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple | set):
        value = " | ".join(str(v) for v in value)
    return _XML_INVALID.sub("\ufffd", "" if value is None else str(value))


def graphml_bytes(g: nx.MultiDiGraph) -> bytes:
    """GraphML for Gephi / Cytoscape: every attribute a string or a number."""
    clean = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        clean.add_node(_xml_safe(node), **{k: _xml_safe(v) for k, v in data.items()})
    for u, v, key, data in g.edges(keys=True, data=True):
        clean.add_edge(_xml_safe(u), _xml_safe(v), key=_xml_safe(key),
                       **{k: _xml_safe(val) for k, val in data.items()})
    buf = io.BytesIO()
    nx.write_graphml(clean, buf, encoding="utf-8")
    return buf.getvalue()


def relations_csv(ds: Dataset) -> bytes:
    """One row per extracted relation (no mentions), RFC 4180 with CRLF line ends."""
    types = entity_types(ds)
    labels: dict[URIRef, str] = {}

    def label(iri: URIRef) -> str:
        if iri not in labels:
            labels[iri] = entity_labels(ds, iri)[0]
        return labels[iri]

    def type_curie(iri: URIRef) -> str:
        return curie(TYPE_CLASS[types[iri]]) if iri in types else ""

    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for rec in relation_records(ds):
        s, p, o = rec["subject"], rec["predicate"], rec["object"]
        if not (isinstance(s, URIRef) and isinstance(o, URIRef) and isinstance(p, URIRef)):
            continue
        writer.writerow([str(s), label(s), type_curie(s), str(p), str(o), label(o), type_curie(o),
                         rec["report"], rec["passage_id"], int(rec["page"]),  # type: ignore[call-overload]
                         rec["evidence"], _confidence(rec["confidence"])])
    return buf.getvalue().encode("utf-8")


def _confidence(value: object) -> str:
    return format(value, "g") if isinstance(value, float) else str(value)
