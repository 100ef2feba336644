"""Relation frames and the entity fixes they depend on, on invented sentences.

The sentences are made up and worded unlike the bundled reports; each test names the rule it
covers and fails without it.
"""

from __future__ import annotations

from graph.extract import extract, find_entity
from tests.fixtures_extract import make_document


def _x(text: str, **kw):
    return extract(make_document(text, **kw))


def _has(x, subj: str, pred: str, obj: str) -> bool:
    s, o = find_entity(x, subj), find_entity(x, obj)
    assert s is not None, f"no entity {subj!r} in {[e.label for e in x.entities]}"
    assert o is not None, f"no entity {obj!r} in {[e.label for e in x.entities]}"
    return any(r.subject == s.key and r.predicate == pred and r.object == o.key for r in x.relations)


# -- entities the relations need ------------------------------------------------------------------


def test_place_name_with_two_particles_is_one_place():
    x = _x("The Lantern Foundation has field offices in Porto Velho and San Miguel de la Sierra, "
           "where it runs two shelters.")
    e = find_entity(x, "San Miguel de la Sierra")
    assert e is not None and e.type == "Location"
    assert _has(x, "Lantern Foundation", "operatesIn", "San Miguel de la Sierra")


def test_joint_acronym_with_a_slash_is_the_known_body():
    x = _x("UNICEF, PAHO/WHO and the Provincial Health Service (PHS) jointly ran vaccination days in the hills.")
    e = find_entity(x, "PAHO/WHO")
    assert e is not None and e.acronym == "PAHO"
    assert _has(x, "UNICEF", "partnersWith", "PAHO/WHO")


def test_resident_coordinator_is_a_body():
    x = _x("The Flood Response Team, chaired by the UN Resident Coordinator, met weekly in the capital.")
    assert find_entity(x, "UN Resident Coordinator") is not None
    assert _has(x, "UN Resident Coordinator", "chairs", "Flood Response Team")
