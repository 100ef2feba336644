"""Linking question words to entities and weighing the graph boost by how specific an entity is."""

from __future__ import annotations

import pytest

from graph.linking import AliasLinker
from graph.model import Entity, Extraction, Mention


def _extraction(report: str, entities: list[Entity], mentions: dict[str, list[str]]) -> Extraction:
    """``mentions``: entity key → passage ids that mention it."""
    return Extraction(
        report=report,
        entities=entities,
        mentions=[Mention(key, key, pid, 0, 1) for key, pids in mentions.items() for pid in pids],
    )


ENTITIES = [
    Entity("unhcr", "Organization", "United Nations High Commissioner for Refugees", ["UNHCR"], "UNHCR"),
    Entity("conare", "Organization", "National Refugee Commission", ["CONARE"], "CONARE"),
    Entity("field office", "Organization", "Field Office of Lima", ["Office"]),
    Entity("children", "Area", "Child Protection", ["OA5", "Children"]),
    Entity("asylum seekers", "PopulationGroup", "asylum-seekers", ["asylum-seekers"]),
    Entity("marovia", "Location", "Marovia"),
    Entity("who", "Organization", "World Health Organization", ["WHO"], "WHO"),
]
N = 40  # passages in report "r"


@pytest.fixture(scope="module")
def linker() -> AliasLinker:
    mentions = {
        "unhcr": [f"r-{i}" for i in range(30)],  # the publisher: in most passages
        "conare": ["r-1", "r-2"],
        "field office": ["r-3"],
        "children": ["r-4", "r-5", "r-6"],
        "asylum seekers": ["r-7"],
        "marovia": [f"r-{i}" for i in range(10)],
        "who": ["r-8"],
    }
    return AliasLinker([_extraction("r", ENTITIES, mentions)], passage_counts={"r": N})


def test_links_acronyms_names_and_possessives(linker: AliasLinker) -> None:
    assert linker.link("How did UNHCR's support help CONARE?") == {"unhcr", "conare"}
    assert linker.link("Who chairs the national refugee commission?") == {"conare"}  # multi-word: any case
    assert linker.link("who funds it") == set()  # acronyms match case-sensitively
    assert linker.link("What did WHO do?") == {"who"}


def test_one_word_names_link_only_as_proper_nouns(linker: AliasLinker) -> None:
    # "office", "children" are common nouns in a question; "Office" / "Children" are aliases of longer names
    assert linker.link("Which UN office leads the HCT?") == set()
    assert linker.link("What share of refugee children were enrolled?") == set()
    assert linker.link("Where is the Office?") == {"field office"}
    assert linker.link("Who works in Marovia?") == {"marovia"}
    # a lowercase one-word alias is never a name
    assert linker.link("How many asylum-seekers renewed their card?") == set()


def test_specificity_falls_with_the_number_of_passages_mentioning_an_entity(linker: AliasLinker) -> None:
    once, twice, ten, most = (linker.specificity(k, "r") for k in ("field office", "conare", "marovia", "unhcr"))
    assert once == pytest.approx(1.0)
    assert 1.0 > twice > ten > most >= 0.0
    assert most < 0.05  # the report's main actor adds about nothing
    assert linker.specificity("conare", "other-report") == 0.0
    assert linker.specificity("no-such-entity", "r") == 0.0


def test_boost_weighs_passages_by_the_most_specific_entity_they_mention(linker: AliasLinker) -> None:
    boost = linker.boost("How did UNHCR help CONARE?")
    conare = linker.specificity("conare", "r")
    assert boost["r-1"] == pytest.approx(conare) and boost["r-2"] == pytest.approx(conare)
    # passages naming only UNHCR (in 30 of 40 passages) get nothing or almost nothing
    assert all(boost.get(f"r-{i}", 0.0) < 0.05 for i in range(10, 30))
    assert linker.boost("How did UNHCR help CONARE?", weight=2.0)["r-1"] == pytest.approx(2 * conare)
    assert linker.boost("What happened in 2023?") == {}  # no entity named: no boost


def test_specificity_is_counted_per_report() -> None:
    entity = [Entity("iom", "Organization", "International Organization for Migration", ["IOM"], "IOM")]
    common = _extraction("a", entity, {"iom": [f"a-{i}" for i in range(15)]})
    rare = _extraction("b", entity, {"iom": ["b-0"]})
    linker = AliasLinker([common, rare], passage_counts={"a": 20, "b": 20})
    boost = linker.boost("What did IOM do?")
    assert boost["b-0"] == pytest.approx(1.0)
    assert boost.get("a-0", 0.0) < 0.2


def test_without_passage_counts_the_mentioned_passages_stand_in(linker: AliasLinker) -> None:
    mentions = {"conare": ["r-1", "r-2"], "unhcr": [f"r-{i}" for i in range(30)]}
    bare = AliasLinker([_extraction("r", ENTITIES, mentions)])
    assert 0.0 < bare.specificity("conare", "r") < 1.0
    assert bare.specificity("unhcr", "r") == 0.0


def test_a_country_is_found_by_names_the_report_does_not_use(qa_kb_peru) -> None:
    us = "https://w3id.org/reportgraph/place/country-us"
    assert us in {lk.iri for lk in qa_kb_peru.link("How many refugees did Peru submit to the US?")}
    assert us in {lk.iri for lk in qa_kb_peru.link("How many refugees went to the USA?")}
    assert us not in {lk.iri for lk in qa_kb_peru.link("Tell us how many refugees were submitted")}
    assert us not in {lk.iri for lk in qa_kb_peru.link("What is the threshold worth in US dollars?")}


@pytest.mark.parametrize(("question", "needle"), [
    ("What did the People's Advocate monitor at the border?", "peoples-advocate"),
    ("Which body of the foreign ministry decides asylum claims?", "ministry-of-foreign-affair"),
])
def test_bodies_are_found_by_the_names_readers_use(qa_kb_marovia, question: str, needle: str) -> None:
    # the report writes "the Office of the People's Advocate (DPP)", "the Ministry of Foreign Affairs (MRE)"
    assert any(needle in lk.iri and lk.score >= 0.9 for lk in qa_kb_marovia.link(question))


def test_words_of_a_name_scattered_over_a_question_are_not_a_description_of_it(qa_kb_marovia) -> None:
    links = qa_kb_marovia.link("At how many border crossings did UNHCR and the People's Advocate check whether "
                               "the new asylum guidelines were being applied?")
    assert all(len(lk.surface.split()) <= 8 for lk in links)
