"""Exports round-trip (rdflib and pyoxigraph), CSV and GraphML shapes, the networkx view,
injection-safe labels (Hypothesis), and refusing unsafe RDF input."""

from __future__ import annotations

import ast
import csv
import io
import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from graph.export import CSV_HEADER, FORMATS, export, select_reports
from graph.model import Entity, Extraction, Mention, Relation
from graph.nxview import to_networkx
from graph.rdf import build_dataset
from graph.store import UnsafeRDF, parse_untrusted
from graph.validate import report_graphs
from tests.fixtures_graph import TextBuilder, _report, small_report

RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}
OX_FORMAT = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
             "nquads": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}
GRAPH_DIR = Path(__file__).resolve().parent.parent / "graph"


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def assert_round_trip(ds: Dataset, fmt: str) -> None:
    data = export(ds, fmt)
    if fmt in ("turtle", "ntriples"):
        back = Graph()
        back.parse(data=data, format=RDFLIB_FORMAT[fmt])
        original = _union(ds)
        assert len(back) == len(original)
        assert isomorphic(back, original)
    else:
        back_ds = Dataset()
        back_ds.parse(data=data, format=RDFLIB_FORMAT[fmt])
        for name in [g.identifier for g in ds.graphs() if len(g)]:
            assert isomorphic(back_ds.graph(name), ds.graph(name)), name
    quads = list(ox.parse(data, OX_FORMAT[fmt]))  # a second, independent parser
    assert len(quads) == len(_union(ds)) if fmt in ("turtle", "ntriples") else len(ds)


@pytest.mark.parametrize("fmt", list(RDFLIB_FORMAT))
def test_rdf_exports_round_trip(small_dataset, fmt):
    assert_round_trip(small_dataset, fmt)


def test_jsonld_context_is_inline(small_dataset):
    doc = json.loads(export(small_dataset, "jsonld"))
    assert isinstance(doc["@context"], dict)
    assert doc["@context"]["rg"] == "https://w3id.org/reportgraph/vocab#"


def test_report_filter():
    ds = build_dataset([small_report(), small_report("r00000second", "other-arr-2024")])
    one = select_reports(ds, "r00000second")
    assert len(report_graphs(one)) == 1
    assert b"r0000000small" not in export(ds, "nquads", report="r00000second")
    assert b"rg:Relation a rdfs:Class" in export(ds, "turtle", report="r00000second")  # vocabulary travels along
    with pytest.raises(ValueError):
        export(ds, "csv", report="nope")
    with pytest.raises(ValueError):
        export(ds, "xml")


def test_csv_has_one_row_per_relation(small_items, small_dataset):
    doc, ext = small_items[0]
    raw = export(small_dataset, "csv")
    assert raw.startswith(",".join(CSV_HEADER).encode() + b"\r\n")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert len(rows) == len(ext.relations)
    co = [r for r in rows if r["predicate"].endswith("#coLeads")]
    assert {r["subject_label"] for r in co} == {"UNHCR", "IOM"}
    for r in rows:
        assert r["subject"].startswith("https://") and r["object"].startswith("https://")
        assert r["subject_type"] in {"org:Organization", "rg:Programme", "schema:Place", "schema:Event"}
        assert int(r["page"]) >= 1 and 0 <= float(r["confidence"]) <= 1
        assert r["report"] == doc.report.id
        assert r["evidence"] in doc.text


def test_networkx_view_comes_from_the_rdf(small_dataset):
    g = to_networkx(small_dataset)
    unhcr = g.nodes["https://w3id.org/reportgraph/org/unhcr"]
    assert unhcr["type"] == "Organization" and unhcr["label"] == "UNHCR"
    assert "United Nations High Commissioner for Refugees" in unhcr["aliases"] and unhcr["mentions"] >= 2
    edges = [d for _, _, d in g.out_edges("https://w3id.org/reportgraph/org/unhcr", data=True)
             if d["predicate"] == "coLeads"]
    assert len(edges) == 1
    assert edges[0]["evidence"].startswith("UNHCR continued") and edges[0]["page"] == 1
    assert edges[0]["passage_id"] and 0 < edges[0]["confidence"] <= 1
    assert g.nodes["https://w3id.org/reportgraph/place/peru"]["type"] == "Location"


def test_graphml_attributes_are_plain(small_dataset):
    g = nx.read_graphml(io.BytesIO(export(small_dataset, "graphml")))
    assert g.number_of_edges() == 8
    for _, data in g.nodes(data=True):
        assert all(isinstance(v, str | int | float) for v in data.values())


def _labelled(label: str, alias: str) -> tuple:
    tb = TextBuilder("rhypothesis0")
    tb.new_page()
    p = tb.para("Alpha works with Beta.")
    tb.finish()
    from ingest.model import Document

    doc = Document(report=_report("rhypothesis0", "hyp", label), text=tb.text, pages=tb.pages, passages=tb.passages)
    ents = [Entity("alpha", "Organization", label, [alias], acronym=alias),
            Entity(label or "x", "Programme", label + ">", [alias + '"'])]
    rels = [Relation("alpha", "partnersWith", label or "x", p.id, 1, p.start, p.end, p.text, 0.5, label)]
    return doc, Extraction("rhypothesis0", ents, [Mention("alpha", "Alpha", p.id, p.start, p.start + 5)], rels)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(label=st.text(min_size=1, max_size=40).filter(lambda s: s.strip()), alias=st.text(max_size=20))
def test_arbitrary_labels_round_trip(label, alias):
    ds = build_dataset([_labelled(label, alias)])
    for fmt in RDFLIB_FORMAT:
        assert_round_trip(ds, fmt)
    nx.read_graphml(io.BytesIO(export(ds, "graphml")))
    rows = list(csv.reader(io.StringIO(export(ds, "csv").decode("utf-8"), newline="")))
    assert len(rows) == 2 and len(rows[1]) == len(CSV_HEADER)


def test_jsonld_remote_context_is_refused_without_a_connection(loopback_listener):
    doc = json.dumps({"@context": f"http://127.0.0.1:{loopback_listener.port}/ctx.jsonld",
                      "@id": "http://example.org/a", "name": "x"}).encode()
    with pytest.raises(UnsafeRDF):
        parse_untrusted(doc, "json-ld")
    nested = json.dumps({"@context": {"@import": f"http://127.0.0.1:{loopback_listener.port}/c"},
                         "@graph": []}).encode()
    with pytest.raises(UnsafeRDF):
        parse_untrusted(nested, "json-ld")
    assert loopback_listener.wait_accepts(0.5) == 0
    ok = parse_untrusted(json.dumps({"@context": {"ex": "http://example.org/"}, "@id": "ex:a",
                                     "ex:p": "v"}).encode(), "json-ld")
    assert len(ok) == 1


def test_xml_entities_and_rdfxml_are_refused(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("top secret")
    payload = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
               '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>').encode()
    for fmt in ("xml", "trix", "turtle"):
        with pytest.raises(UnsafeRDF):
            parse_untrusted(payload, fmt)


def test_parse_calls_in_graph_pass_data_and_format():
    """Threat model 12: no ``.parse(`` in graph/ passes a path or URL (source=, positional)."""
    for path in sorted(GRAPH_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "parse":
                if isinstance(node.func.value, ast.Name) and node.func.value.id in ("ast", "json", "ox"):
                    continue
                names = {k.arg for k in node.keywords}
                where = f"{path.name}:{node.lineno}"
                assert not node.args, f"positional parse() argument at {where}"
                assert "data" in names and "format" in names, f"parse() without data=/format= at {where}"
                assert not names & {"source", "location", "file", "publicID"}, where


def test_every_export_format_is_listed():
    assert set(FORMATS) == {"turtle", "trig", "nquads", "ntriples", "jsonld", "graphml", "csv"}
    assert URIRef  # keep the import used for readers who extend these tests
