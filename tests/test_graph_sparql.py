"""The SPARQL gateway: refusals before evaluation (0 connections, no file read), the worker's own
guards, the time limit that really stops a query, the row cap, and the results formats."""

from __future__ import annotations

import csv
import io
import json
import os
import time
from pathlib import Path

import pytest
from rdflib import Graph

from graph import sparql
from graph.rdf import build_dataset
from graph.sparql import QueryPolicy, QueryRefused, QuerySyntaxError, QueryTimeout, check_query, run_query
from graph.sparql_formats import render
from graph.store import save_dataset
from tests.fixtures_graph import small_report, synthetic_report

POLICY = QueryPolicy(timeout_ms=20_000)
EVIDENCE = (Path(__file__).resolve().parent.parent / "graph" / "queries" / "evidence.rq").read_text()


@pytest.fixture(scope="module")
def ds():
    return build_dataset([small_report()])


def _service_forms(port: int) -> list[str]:
    url = f"http://127.0.0.1:{port}/sparql"
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ GRAPH ?g {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?x {{ <http://127.0.0.1:{port}/> }} SERVICE ?x {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent ?x {{ ?s ?p ?o }} values ?x {{ <{url}> }} }}",
    ]


def test_every_service_form_is_refused_without_a_connection(ds, loopback_listener):
    for query in _service_forms(loopback_listener.port):
        with pytest.raises(QueryRefused, match="SERVICE"):
            run_query(ds, query, POLICY)
    assert loopback_listener.wait_accepts(0.5) == 0


def test_worker_guard_alone_refuses_service(ds, loopback_listener):
    """The parser check bypassed: the worker's CUSTOM_EVALS guard (and audit hook) still refuse."""
    for query in _service_forms(loopback_listener.port):
        with pytest.raises(QueryRefused):
            sparql._execute(ds, query, POLICY)
    assert loopback_listener.wait_accepts(0.5) == 0


def test_custom_evals_guard_in_process(ds, loopback_listener):
    import rdflib.plugins.sparql as rdflib_sparql

    from graph.sparql_worker import ServiceRefused, service_guard

    rdflib_sparql.CUSTOM_EVALS["test_guard"] = service_guard
    try:
        url = f"http://127.0.0.1:{loopback_listener.port}/sparql"
        with pytest.raises(ServiceRefused):
            list(ds.query(f"SELECT * WHERE {{ OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}"))
        assert len(list(ds.query("SELECT * WHERE { ?s ?p ?o } LIMIT 2"))) == 2  # everything else works
    finally:
        del rdflib_sparql.CUSTOM_EVALS["test_guard"]
    assert loopback_listener.wait_accepts(0.5) == 0


def test_dataset_clauses_are_refused(ds, tmp_path, loopback_listener):
    secret = tmp_path / "secret.ttl"
    secret.write_text("<http://example.org/secret> <http://example.org/p> 'TOPSECRET' .")
    queries = [f"SELECT * FROM <file://{secret}> WHERE {{ ?s ?p ?o }}",
               f"SELECT * FROM NAMED <file://{secret}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
               f"SELECT * FROM <http://127.0.0.1:{loopback_listener.port}/x.ttl> WHERE {{ ?s ?p ?o }}",
               f"ASK FROM <http://127.0.0.1:{loopback_listener.port}/x.ttl> {{ ?s ?p ?o }}"]
    for query in queries:
        with pytest.raises(QueryRefused, match="FROM"):
            run_query(ds, query, POLICY)
    # bypassing the parser check: SPARQL_LOAD_GRAPHS=False and the audit hook keep the file unread
    for query in queries:
        try:
            result = sparql._execute(ds, query, POLICY)
        except QueryRefused:
            continue
        assert "TOPSECRET" not in render(result, "json")
    assert loopback_listener.wait_accepts(0.5) == 0


def test_updates_are_refused_and_nothing_changes(ds, loopback_listener):
    before = len(ds)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    n_before = run_query(ds, count, POLICY).rows[0][0]
    for update in ["DROP ALL", "CLEAR DEFAULT", "CLEAR ALL",
                   "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
                   "DELETE WHERE { ?s ?p ?o }", f"LOAD <http://127.0.0.1:{loopback_listener.port}/>",
                   "CREATE GRAPH <http://e/g>", "COPY DEFAULT TO <http://e/g>",
                   "MOVE DEFAULT TO <http://e/g>", "ADD DEFAULT TO <http://e/g>"]:
        with pytest.raises(QueryRefused, match="updates"):
            run_query(ds, update, POLICY)
    assert len(ds) == before
    assert run_query(ds, count, POLICY).rows[0][0] == n_before
    assert loopback_listener.wait_accepts(0.5) == 0


def test_long_and_malformed_queries_are_refused(ds):
    with pytest.raises(QueryRefused, match="characters"):
        run_query(ds, "SELECT * WHERE { ?s ?p ?o }" + " " * 1_000_000, POLICY)
    with pytest.raises(QuerySyntaxError):
        check_query("SELEC nothing", POLICY)
    assert check_query("PREFIX x: <http://e/> DESCRIBE x:a", POLICY) == "DESCRIBE"


def test_runaway_query_is_killed_and_the_next_one_works():
    big = build_dataset([synthetic_report(120)])  # ~8k quads
    policy = QueryPolicy(timeout_ms=200)
    assert run_query(big, "ASK { ?s ?p ?o }", QueryPolicy(timeout_ms=60_000)).boolean  # warm: data loaded
    pids = sparql.worker_pids()
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        run_query(big, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", policy)
    assert time.monotonic() - started < 2.0  # 10x the limit
    gone = [pid for pid in pids if pid not in sparql.worker_pids()]
    assert gone, "the worker that ran the query was not replaced"
    for pid in gone:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert run_query(big, "ASK { ?s ?p ?o }", QueryPolicy(timeout_ms=60_000)).boolean


def test_row_cap_marks_truncation(ds):
    result = run_query(ds, "SELECT * WHERE { ?s ?p ?o }", QueryPolicy(max_rows=7))
    assert len(result.rows) == 7 and result.truncated
    small = run_query(ds, "SELECT * WHERE { ?s ?p ?o } LIMIT 3", QueryPolicy(max_rows=7))
    assert len(small.rows) == 3 and not small.truncated


def test_evidence_query_through_the_gateway(ds):
    result = run_query(ds, EVIDENCE, POLICY)
    assert len(result.rows) == 8
    row = dict(zip(result.variables, result.rows[0], strict=True))
    assert str(row["evidence"]) and int(row["page"]) >= 1 and str(row["passageId"])


def test_results_formats(ds):
    sel = run_query(ds, "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?label } "
                        "ORDER BY ?s LIMIT 5", POLICY)
    doc = json.loads(render(sel, "json"))
    assert doc["head"]["vars"] == ["s", "label"] and len(doc["results"]["bindings"]) == 5
    assert doc["results"]["bindings"][0]["s"]["type"] == "uri"
    rows = list(csv.reader(io.StringIO(render(sel, "csv"), newline="")))
    assert rows[0] == ["s", "label"] and len(rows) == 6
    assert render(sel, "table").splitlines()[0].startswith("s ")
    ask = run_query(ds, "ASK { ?s ?p ?o }", POLICY)
    assert json.loads(render(ask, "json")) == {"head": {}, "boolean": True}
    built = run_query(ds, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 4", POLICY)
    g = Graph()
    g.parse(data=built.turtle, format="turtle")
    assert len(g) == 4 and render(built, "csv") == built.turtle


def test_published_file_as_source(ds, tmp_path):
    path = save_dataset(ds, tmp_path / "graph.trig")
    result = run_query(path, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", POLICY)
    assert int(result.rows[0][0]) == len(ds)
