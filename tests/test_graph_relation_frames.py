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


# -- agreements, secondments ----------------------------------------------------------------------


def test_signing_an_agreement_with_someone_is_a_partnership():
    x = _x("In March the Lantern Foundation signed a memorandum of understanding with the Provincial Water "
           "Board (PWB) on drinking water for returnees.\n\n"
           "The Harbour Credit Union (HCU) and the Fisheries Council (FC) signed a cooperation agreement in "
           "October.")
    assert _has(x, "Lantern Foundation", "partnersWith", "PWB")
    assert _has(x, "HCU", "partnersWith", "FC")


def test_a_financing_purpose_is_not_a_funder_and_secondment_is_support():
    x = _x("The Orchard Bank (OB) and the Rural Census Bureau (RCB) signed a contract in May for the financing of "
           "the Farm Survey (FASU), and UNICEF and WFP seconded three analysts to the RCB for the fieldwork.")
    assert _has(x, "OB", "partnersWith", "RCB")
    assert not _has(x, "OB", "funds", "FASU") and not _has(x, "RCB", "funds", "FASU")
    assert _has(x, "UNICEF", "supports", "RCB") and _has(x, "WFP", "supports", "RCB")


def test_a_new_subject_with_its_own_verb_ends_the_object_list():
    x = _x("The Orchard Bank (OB) financed the Farm Survey (FASU), and UNICEF and WFP supervised the fieldwork "
           "in the hills.")
    assert _has(x, "OB", "funds", "FASU")
    assert not _has(x, "OB", "funds", "UNICEF") and not _has(x, "OB", "funds", "WFP")
