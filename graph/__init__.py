"""Entities, relations and their evidence → RDF with standard vocabularies, networkx view, exports, SPARQL."""
