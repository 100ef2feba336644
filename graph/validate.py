"""Checks on a built dataset: SHACL shapes (pySHACL) and the RDF Data Cube integrity constraints.

SHACL runs per report graph, each together with the vocabulary graph (the shapes use the
Data Cube structures and code lists declared there). The Data Cube checks are the W3C
integrity constraints IC-1 … IC-21 (``graph/queries/qb-ic/*.rq``) run on the union of all graphs;
IC-20 and IC-21 are templates, instantiated for each (inverse) ``qb:parentChildProperty`` the
data declares.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from graph.namespaces import OA, RG, SCHEMA, VOCAB_GRAPH

QUERIES = Path(__file__).with_name("queries")
IC_DIR = QUERIES / "qb-ic"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    results: dict[str, str] = field(default_factory=dict)  # graph IRI → pySHACL's text report if not conforming
    graphs: int = 0

    def __str__(self) -> str:
        if self.conforms:
            return f"SHACL: {self.graphs} graphs conform"
        return "\n\n".join(f"{g}:\n{text}" for g, text in self.results.items())


def shapes_graph() -> Graph:
    g = Graph()
    g.parse(data=Path(__file__).with_name("shapes.ttl").read_bytes(), format="turtle")
    return g


def report_graphs(ds: Dataset) -> list[URIRef]:
    """The named graphs that hold reports (not the vocabulary, not the empty default graph)."""
    names = []
    for g in ds.graphs():
        ident = g.identifier
        if isinstance(ident, URIRef) and ident != VOCAB_GRAPH and len(g) and "/graph/" in str(ident):
            names.append(ident)
    return sorted(names)


def validate(ds: Dataset) -> ValidationReport:
    """Validate every report graph (plus the vocabulary) against ``graph/shapes.ttl``."""
    from pyshacl import validate as shacl_validate

    shapes = shapes_graph()
    vocab = ds.graph(VOCAB_GRAPH)
    failures: dict[str, str] = {}
    names = report_graphs(ds) or [VOCAB_GRAPH]
    for name in names:
        data = Graph()
        for triple in ds.graph(name):
            data.add(triple)
        for triple in vocab:
            data.add(triple)
        conforms, _, text = shacl_validate(data, shacl_graph=shapes, inference="none",
                                           advanced=False, allow_warnings=False)
        problems = evidence_violations(ds.graph(name))
        if problems:
            text = (text if not conforms else "") + "\n".join(problems)
        if not conforms or problems:
            failures[str(name)] = text
    return ValidationReport(conforms=not failures, results=failures, graphs=len(names))


def evidence_violations(g: Graph) -> list[str]:
    """Checks SHACL-core cannot state: each rg:Relation's plain triple is asserted in its graph, and
    each quote is exactly the source text at its position (citation integrity, threat model 19)."""
    problems = []
    for rel in g.subjects(RDF.type, RG.Relation):
        s, p, o = g.value(rel, RDF.subject), g.value(rel, RDF.predicate), g.value(rel, RDF.object)
        if s is None or p is None or o is None or (s, p, o) not in g:
            problems.append(f"{rel}: plain triple not asserted")
    for target in g.subjects(RDF.type, OA.SpecificResource):
        text = g.value(g.value(target, OA.hasSource), SCHEMA.text)
        if text is None:
            continue  # anchored in the whole report: no stored text to compare with
        start = end = exact = None
        for sel in g.objects(target, OA.hasSelector):
            if (sel, RDF.type, OA.TextPositionSelector) in g:
                start, end = g.value(sel, OA.start), g.value(sel, OA.end)
            elif (sel, RDF.type, OA.TextQuoteSelector) in g:
                exact = g.value(sel, OA.exact)
        if start is None or end is None or exact is None:
            problems.append(f"{target}: selectors missing")
        elif str(text)[int(start) : int(end)] != str(exact):
            problems.append(f"{target}: quote is not the source text at {int(start)}-{int(end)}")
    return problems


# -- RDF Data Cube integrity constraints --------------------------------------------------------

Ask = Callable[[str], bool]
Select = Callable[[str], list[str]]


def ic_queries() -> list[tuple[str, str]]:
    """(name, query) for every non-template constraint, in spec order."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(IC_DIR.glob("ic-*.rq"))
            if ".instances" not in p.name and "$p" not in p.read_text(encoding="utf-8")]


def ic_templates() -> list[tuple[str, str, str]]:
    """(name, ASK template with ``$p``, SELECT ?p instantiation query) for IC-20 and IC-21."""
    out = []
    for p in sorted(IC_DIR.glob("ic-*.rq")):
        text = p.read_text(encoding="utf-8")
        if "$p" in text and ".instances" not in p.name:
            out.append((p.stem, text, p.with_name(p.stem + ".instances.rq").read_text(encoding="utf-8")))
    return out


def data_cube_violations(ask: Ask, select: Select) -> list[str]:
    """Names of the violated constraints (``ic-12``, ``ic-20[<p>]``…); empty when all hold.

    ``ask`` runs an ASK query on the union of the data, ``select`` a one-variable SELECT and
    returns its IRIs: any engine will do (see ``rdflib_engine`` / ``oxigraph_engine``).
    """
    violated = [name for name, query in ic_queries() if ask(query)]
    for name, template, instances in ic_templates():
        for p in select(instances):
            if "<" in p or ">" in p or " " in p:  # only a plain IRI goes into the template
                violated.append(f"{name}[bad IRI]")
                continue
            if ask(template.replace("$p", p)):
                violated.append(f"{name}[{p}]")
    return violated


def instantiations(select: Select) -> dict[str, list[str]]:
    """The ``$p`` values IC-20 and IC-21 were instantiated with (so a test can see they ran)."""
    return {name: select(instances) for name, _, instances in ic_templates()}


def rdflib_engine(ds: Dataset) -> tuple[Ask, Select]:
    """Trusted internal queries on the union graph (never user text: see graph.sparql)."""
    union = Graph()
    for quad in ds.quads((None, None, None, None)):
        union.add(quad[:3])

    def ask(q: str) -> bool:
        return bool(union.query(q).askAnswer)

    def select(q: str) -> list[str]:
        return [str(row[0]) for row in union.query(q)]

    return ask, select


def oxigraph_engine(nquads: bytes) -> tuple[Ask, Select]:
    """The same on pyoxigraph (much faster for IC-12's pairwise join); needs the test extra."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(nquads, format=ox.RdfFormat.N_QUADS)

    def ask(q: str) -> bool:
        return bool(store.query(q, use_default_graph_as_union=True))

    def select(q: str) -> list[str]:
        return [row[0].value for row in store.query(q, use_default_graph_as_union=True)]

    return ask, select
