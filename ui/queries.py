"""Example SPARQL queries for the Explore page: written against our vocabulary, not one report.

A test runs each one on a real build and expects rows, so they keep working as the graph grows.
"""

from __future__ import annotations

from graph.ids import VOCAB

_PREFIXES = f"""PREFIX rg: <{VOCAB}>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

EXAMPLES: dict[str, str] = {
    "Organisations and their acronyms": _PREFIXES + """
SELECT ?organisation ?name ?acronym WHERE {
  ?organisation a org:Organization ; skos:prefLabel ?name .
  OPTIONAL { ?organisation rg:acronym ?acronym }
}
ORDER BY LCASE(STR(?name))
LIMIT 200""",
    "Who does what with whom (with the page of the evidence)": _PREFIXES + """
SELECT ?subject ?relation ?object ?page WHERE {
  ?r a rg:Relation ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; rg:page ?page .
  ?s skos:prefLabel ?subject .
  ?o skos:prefLabel ?object .
  BIND(STRAFTER(STR(?p), "#") AS ?relation)
}
ORDER BY ?relation ?subject
LIMIT 300""",
    "Relations by kind": _PREFIXES + """
SELECT ?relation (COUNT(*) AS ?count) WHERE {
  ?r a rg:Relation ; rdf:predicate ?p .
  BIND(STRAFTER(STR(?p), "#") AS ?relation)
}
GROUP BY ?relation
ORDER BY DESC(?count)""",
    "Indicator values (baseline, target, actual)": _PREFIXES + """
SELECT ?code ?label ?kind ?printed WHERE {
  ?obs a qb:Observation ; rg:indicator ?indicator ; rg:valueKind ?k ; rg:printedValue ?printed .
  ?indicator rg:indicatorCode ?code ; skos:prefLabel ?label .
  BIND(STRAFTER(STR(?k), "#") AS ?kind)
}
ORDER BY ?code ?kind
LIMIT 300""",
    "Triples per report graph": _PREFIXES + """
SELECT ?graph (COUNT(*) AS ?triples) WHERE {
  GRAPH ?graph { ?s ?p ?o }
}
GROUP BY ?graph
ORDER BY DESC(?triples)""",
}
