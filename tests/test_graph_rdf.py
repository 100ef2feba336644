"""The RDF model: plain triples, per-triple evidence, mentions, Data Cube, vocabulary, SHACL, store."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib import namespace as ns
from rdflib.compare import isomorphic
from rdflib.namespace import QB, RDF, RDFS, SKOS

from graph import validate as v
from graph.ids import DEFAULT_BASE
from graph.model import PREDICATES
from graph.namespaces import OA, RG, VOCAB_GRAPH
from graph.rdf import build_dataset
from graph.store import MemoryStore, load_dataset, save_dataset
from tests.fixtures_graph import small_report, synthetic_report

EVIDENCE = (Path(__file__).resolve().parent.parent / "graph" / "queries" / "evidence.rq").read_text()
UNHCR = URIRef(DEFAULT_BASE + "org/unhcr")


def _report_graph(ds: Dataset):
    (name,) = v.report_graphs(ds)
    return ds.graph(name)


def test_plain_triple_is_directly_queryable(small_dataset):
    gtrm = URIRef(DEFAULT_BASE + "org/test-arr-2023/gtrm")
    assert (UNHCR, RG.coLeads, gtrm) in small_dataset
    rows = list(small_dataset.query(
        "PREFIX rg: <https://w3id.org/reportgraph/vocab#> "
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "SELECT ?who WHERE { ?o skos:altLabel 'GTRM' . ?x rg:coLeads ?o . ?x skos:prefLabel ?who }"))
    assert sorted(str(r.who) for r in rows) == ["IOM", "UNHCR"]


def test_evidence_query_returns_passage_page_and_exact_text_for_every_relation(small_items, small_dataset):
    doc, ext = small_items[0]
    rows = list(small_dataset.query(EVIDENCE))
    assert len(rows) == len(ext.relations)
    passages = {p.id: p for p in doc.passages}
    for rel in ext.relations:
        match = [r for r in rows if str(r.passageId) == rel.passage_id and r.predicate == RG[rel.predicate]
                 and str(r.evidence) == doc.text[rel.start:rel.end]]
        assert match, rel
        row = match[0]
        p = passages[rel.passage_id]
        assert int(row.page) == rel.page
        assert p.text[int(row.start):int(row.end)] == str(row.evidence) == rel.evidence
        assert str(row.reportId) == doc.report.id


def test_evidence_query_for_one_relation(small_dataset):
    rows = list(small_dataset.query(EVIDENCE, initBindings={"subject": UNHCR, "predicate": RG.coLeads}))
    assert len(rows) == 1
    assert str(rows[0].evidence).startswith("UNHCR continued to co-lead, together with IOM")
    assert str(rows[0].objectLabel) == "Working Group for Refugees and Migrants"


def test_every_mention_links_its_passage(small_items, small_dataset):
    _, ext = small_items[0]
    g = _report_graph(small_dataset)
    linked = {(str(s), str(o)) for s, o in g.subject_objects(RG.mentions)}
    for m in ext.mentions:
        assert any(s.endswith("/passage/" + m.passage_id) for s, _ in linked if _ .endswith("/" + m.entity))


def test_iris_are_stable_and_international_entities_shared():
    one = build_dataset([small_report()])
    two = build_dataset([small_report()])
    assert isomorphic(_report_graph(one), _report_graph(two))
    both = build_dataset([small_report(), small_report("r00000second", "other-arr-2024")])
    graphs = v.report_graphs(both)
    assert len(graphs) == 2
    for name in graphs:  # UNHCR is the same node in both reports; national bodies are not
        assert (UNHCR, RDF.type, RG.Entity) in both.graph(name)
    assert (URIRef(DEFAULT_BASE + "org/other-arr-2024/gtrm"), RDF.type, RG.Entity) in both


def test_iris_never_carry_raw_text(small_dataset):
    safe = re.compile(r"^[A-Za-z0-9:/._#-]+$")
    for s, p, o, _ in small_dataset.quads((None, None, None, None)):
        for term in (s, p, o):
            if isinstance(term, URIRef):
                assert safe.match(term), term


def test_bad_base_is_refused():
    with pytest.raises(ValueError):
        build_dataset([small_report()], base="http://example.org/a b/")
    with pytest.raises(ValueError):
        build_dataset([small_report()], base="javascript:alert(1)/")


def test_indicator_values_are_separate_observations(small_items, small_dataset):
    doc, _ = small_items[0]
    g = _report_graph(small_dataset)
    obs = list(g.subjects(RDF.type, QB.Observation))
    kinds = {g.value(o, RG.valueKind) for o in obs if g.value(o, RG.valueKind) is not None}
    assert kinds == {RG.baseline, RG.target, RG.actual}
    t1 = next(p for p in doc.passages if p.text.startswith("1.1 Proportion"))
    from_t1 = [o for o in obs if str(g.value(o, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))).endswith(t1.id)]
    assert {str(g.value(o, RG.obsValue)) for o in from_t1} == {"0.8", "28.26"}
    assert all(g.value(o, RG.refPeriod) == Literal("2023", datatype=ns.XSD.gYear) for o in obs)
    text_scale = [o for o in obs if g.value(o, RG.printedValue) == Literal("Extensive")]
    assert len(text_scale) == 1 and g.value(text_scale[0], RG.obsValue).datatype is None
    budget = [o for o in obs if g.value(o, RG.budgetItem) is not None]
    assert len(budget) == 6 and {str(g.value(o, RG.unit)) for o in budget} == {"USD", "percent"}


def test_vocabulary_declares_every_term_used(small_dataset):
    vocab = small_dataset.graph(VOCAB_GRAPH)
    for name in PREDICATES:
        assert (RG[name], RDF.type, RDF.Property) in vocab, name
    for prop in vocab.subjects(RDF.type, RDF.Property):
        for meta in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
            assert vocab.value(prop, meta) is not None, (prop, meta)
    declared = set(vocab.subjects())
    for _s, p, o, _ in small_dataset.quads((None, None, None, None)):
        for term in (p, o if p == RDF.type else None):
            if isinstance(term, URIRef) and term.startswith(str(RG)):
                assert term in declared, term


def test_shacl_conforms(small_dataset):
    report = v.validate(small_dataset)
    assert report.conforms, str(report)


def test_shacl_catches_broken_evidence_and_labels():
    ds = build_dataset([small_report()])
    g = _report_graph(ds)
    quote = next(g.subjects(RDF.type, OA.TextQuoteSelector))
    g.set((quote, OA.exact, Literal("text the extractor made up")))
    entity = next(g.subjects(RDF.type, RG.Entity))
    g.add((entity, SKOS.prefLabel, Literal("a second preferred label")))
    rel = next(g.subjects(RDF.type, RG.Relation))
    g.set((rel, RG.confidence, Literal("1.5", datatype=ns.XSD.decimal)))
    text = str(v.validate(ds))
    assert "quote is not the source text" in text
    assert "prefLabel" in text and "confidence" in text


def _ic(ds: Dataset) -> list[str]:
    ask, select = v.oxigraph_engine(ds.serialize(format="nquads", encoding="utf-8"))
    assert v.instantiations(select) == {"ic-20": [str(SKOS.narrower)], "ic-21": [str(SKOS.broader)]}
    return v.data_cube_violations(ask, select)


def test_data_cube_integrity_constraints_hold(small_dataset):
    assert len(v.ic_queries()) == 20 and len(v.ic_templates()) == 2  # IC-1…19 (19 in two parts), 20, 21
    assert _ic(small_dataset) == []
    assert _ic(build_dataset([synthetic_report(150)])) == []


def test_data_cube_checks_on_rdflib_agree(small_dataset):
    assert v.data_cube_violations(*v.rdflib_engine(small_dataset)) == []


def test_data_cube_constraints_catch_violations():
    ds = build_dataset([small_report()])
    g = _report_graph(ds)
    obs = sorted(g.subjects(RDF.type, QB.Observation))
    twin = URIRef(str(obs[0]) + "-copy")
    for p, o in list(g.predicate_objects(obs[0])):
        g.add((twin, p, o))
    area = next(g.subjects(RDF.type, RG.Area))
    for root in list(g.objects(area, SKOS.broader)):
        g.remove((area, SKOS.broader, root))
        g.remove((root, SKOS.narrower, area))
    found = _ic(ds)
    assert "ic-12" in found
    assert any(f.startswith("ic-20[") for f in found) and any(f.startswith("ic-21[") for f in found)


def test_peru_graph_validates(peru_doc):
    extract = pytest.importorskip("graph.extract")
    ds = build_dataset([(peru_doc, extract.extract(peru_doc))])
    assert len(ds) > 2000
    assert _ic(ds) == []
    report = v.validate(ds)
    assert report.conforms, str(report)[:4000]
    assert len(list(ds.query(EVIDENCE))) == len(list(ds.subjects(RDF.type, RG.Relation)))


def test_store_interface_and_files(tmp_path, small_dataset):
    store = MemoryStore(small_dataset)
    n = len(store)
    assert n == sum(1 for _ in small_dataset.quads((None, None, None, None)))
    assert str(VOCAB_GRAPH) in store.named_graphs() and len(store.named_graphs()) == 2
    assert store.query("ASK { ?s a <https://w3id.org/reportgraph/vocab#Relation> }").askAnswer
    for name in ("g.trig", "g.nq"):
        path = save_dataset(small_dataset, tmp_path / name)
        back = load_dataset(path)
        for graph_name in store.named_graphs():
            assert isomorphic(back.graph(URIRef(graph_name)), small_dataset.graph(URIRef(graph_name)))
    with pytest.raises(ValueError):
        save_dataset(small_dataset, tmp_path / "g.ttl")
    assert store.serialize("nquads").strip().count(b"\n") + 1 == n
