"""Behaviour of ``qa.enumerations``: the items of a list written in one sentence (invented sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.enumerations import Enumeration, Item, best_enumeration, enumerations, format_items


def texts(sentence: str) -> list[list[str]]:
    return [[it.text for it in e.items] for e in enumerations(sentence)]


def only(sentence: str) -> list[str]:
    found = texts(sentence)
    assert len(found) == 1, found
    return found[0]


# --- marked enumerations -------------------------------------------------------------------------

def test_letter_markers_give_the_text_after_each_marker():
    s = ("The bureau worked through three main approaches: a) supporting district councils, "
         "b) developing referral pathways, and c) promoting community-based protection.")
    (e,) = enumerations(s)
    assert e.marked
    assert [it.text for it in e.items] == ["supporting district councils", "developing referral pathways",
                                           "promoting community-based protection"]
    assert e.start == s.index("a)")
    assert e.markers == ("a)", "b)", "c)")


@pytest.mark.parametrize("markers", [("i)", "ii)", "iii)"), ("(a)", "(b)", "(c)"), ("(1)", "(2)", "(3)"),
                                     ("1)", "2)", "3)")])
def test_other_marker_styles(markers):
    m1, m2, m3 = markers
    s = f"Key gaps were {m1} trained human resources; {m2} adequate funding; and {m3} reliable data."
    (e,) = enumerations(s)
    assert e.marked and e.markers == markers
    assert [it.text for it in e.items] == ["trained human resources", "adequate funding", "reliable data"]


def test_markers_must_count_up_from_one():
    assert enumerations("See annex b) and annex c) for details.") == []
    assert enumerations("The person(s) concerned and the officer(s) signed.") == []


def test_last_marked_item_stops_at_a_clause_boundary():
    s = "Two lines of work: a) cash grants and b) legal aid, which reached 900 families in Velmora."
    assert only(s) == ["cash grants", "legal aid"]


def test_long_marked_item_is_cut_near_120_characters():
    long = ", ".join(f"activity number {n} in the northern districts" for n in range(1, 8))
    s = f"Plans: a) {long}; b) a short one."
    (e,) = enumerations(s)
    assert len(e.items[0].text) <= 120
    assert e.items[1].text == "a short one"


# --- coordinated lists of three or more --------------------------------------------------------------

def test_disaggregation_list():
    assert only("All figures were disaggregated by gender, age, disability, and ethnicity.") == [
        "gender", "age", "disability", "ethnicity"]


def test_shared_head_noun_stays_in_the_last_item_and_reads_naturally():
    s = "Survivors receive psychological, legal and social support at the Nordhaven centres."
    (e,) = enumerations(s)
    assert [it.text for it in e.items] == ["psychological", "legal", "social support"]
    assert format_items(e) == "psychological, legal and social support"


def test_list_after_a_noun_with_preposition():
    s = "Applicants needed participation in pre-screening, medical evaluations, and circuit rides."
    assert only(s) == ["pre-screening", "medical evaluations", "circuit rides"]


def test_subject_list_before_a_modal_verb():
    s = "With the new card, employers, banks and the police can verify identity online."
    assert only(s) == ["employers", "banks", "the police"]


def test_capitalised_country_list_is_split():
    assert only("Arland, Belmora and Cestia signed the compact.") == ["Arland", "Belmora", "Cestia"]


def test_or_lists_keep_their_conjunction():
    (e,) = enumerations("Families may choose cash, vouchers, or in-kind food.")
    assert [it.text for it in e.items] == ["cash", "vouchers", "in-kind food"]
    assert format_items(e) == "cash, vouchers or in-kind food"


def test_verb_phrase_list_keeps_the_first_verb():
    s = "The office registered new arrivals, issued documents and referred cases to partners."
    assert only(s) == ["registered new arrivals", "issued documents", "referred cases"]


def test_introductory_phrase_is_not_an_item():
    assert only("In 2031, food, water and blankets were handed out.") == ["food", "water", "blankets"]
    assert only("Despite the cuts, schooling and health care were kept.") == ["schooling", "health care"]


def test_items_keep_of_phrases_and_parallel_prepositions():
    s = ("Other points were raised, such as the promotion of small businesses, the inclusion into public "
         "registers and the strengthening of youth networks.")
    assert only(s) == ["the promotion of small businesses", "the inclusion into public registers",
                       "the strengthening of youth networks"]
    s = "Arrivals got hygiene kits, advice about local rules, a hot meal, and access to clinics when needed."
    assert only(s) == ["hygiene kits", "advice about local rules", "a hot meal", "access to clinics"]


# --- two conjuncts: only after a list cue or as the subject --------------------------------------------

@pytest.mark.parametrize("sentence, items", [
    ("Services such as legal counselling and night shelter were offered.", ["legal counselling", "night shelter"]),
    ("The grant covered several costs, including rent and school fees.", ["rent", "school fees"]),
    ("Support came as both cash and vouchers.", ["cash", "vouchers"]),
    ("The bureau offered legal counselling as well as psychosocial care.", ["legal counselling", "psychosocial care"]),
    ("Education and child protection activities were reduced because of the gap.",
     ["Education", "child protection activities"]),
])
def test_two_conjuncts_with_a_cue_or_as_subject(sentence, items):
    assert only(sentence) == items


@pytest.mark.parametrize("sentence", [
    "The office gave food and water to families.",
    "Data were broken down by sex and age.",
    "Between January and March, 4,500 people arrived.",
])
def test_two_conjuncts_without_a_cue_are_not_a_list(sentence):
    assert enumerations(sentence) == []


# --- do not split ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The Ministry of Labour and Employment Promotion signed the agreement.",
    "Delegates from Trinidad and Tobago arrived on Monday.",
    "Cases of Sexual and Gender-Based Violence were referred to the clinic.",
    "In total 1,302 people and 28,363 households were reached.",
])
def test_names_and_numbers_are_not_split(sentence):
    assert enumerations(sentence) == []


def test_numbers_with_thousands_separators_stay_whole():
    assert only("The camps hosted 1,302 women, 2,450 men and 28,363 children.") == [
        "1,302 women", "2,450 men", "28,363 children"]


def test_name_with_of_inside_a_comma_list_stays_whole():
    s = "The agency met the Ombudsman, the Ministry of Health and the Red Crescent."
    assert only(s) == ["the Ombudsman", "the Ministry of Health", "the Red Crescent"]


def test_parentheses_are_opaque_and_may_hold_their_own_list():
    s = "The bureau met the Northern Commission (NCR), the Ombudsman, and district councils."
    assert only(s) == ["the Northern Commission (NCR)", "the Ombudsman", "district councils"]
    s = "All groups (women, men and children) were consulted in Pallas."
    assert only(s) == ["women", "men", "children"]


def test_two_multiword_names_filling_parentheses_are_a_list():
    s = "Candidates joined a database run by two charities (Skill Bridge and Open Doors Beyond Borders)."
    assert only(s) == ["Skill Bridge", "Open Doors Beyond Borders"]


@pytest.mark.parametrize("sentence", [
    "The bureau expanded its offices, which led to more registrations, and the number of cases grew.",
    "The bureau expanded its programmes, the council adopted a law, and partners opened shelters.",
    "The agency supported food, water, and the government opened offices.",
])
def test_clauses_joined_by_commas_are_not_a_list(sentence):
    assert enumerations(sentence) == []


def test_nested_coordination_is_not_guessed():
    assert enumerations("The clinic offered legal advice and medical and financial support.") == []


# --- best_enumeration ----------------------------------------------------------------------------------

def test_best_prefers_marked_lists():
    s = "With pens, paper and ink, the office had two aims: a) faster registration; b) fewer errors."
    assert best_enumeration(s, "What were the aims?").marked


def test_best_prefers_the_asked_count():
    s = "Funding came from Arland, Belmora and Cestia, and staff worked in Dorvik and Elst, as well as Fenn."
    assert [it.text for it in best_enumeration(s, "Which three donors funded it?").items] == [
        "Arland", "Belmora", "Cestia"]


def test_best_reads_a_count_written_in_digits():
    s = "Teams reached Lorn, Mav and Oss, and later Tull, Vant, Wexa and Yrn."
    assert len(best_enumeration(s, "Name the 4 towns reached later.").items) == 4


def test_best_prefers_the_list_near_the_question_terms():
    s = ("Staff visited Lorn, Mav and Oss during the dry season, and the clinics treated malaria, "
         "cholera and measles.")
    best = best_enumeration(s, "Which diseases did the clinics treat?")
    assert [it.text for it in best.items] == ["malaria", "cholera", "measles"]


def test_best_is_none_without_a_list():
    assert best_enumeration("The office opened in May.", "Which activities?") is None


# --- format_items -----------------------------------------------------------------------------------------

def test_format_marked_keeps_markers():
    (e,) = enumerations("Aims: (1) faster registration; (2) fewer errors; (3) shorter queues.")
    assert format_items(e) == "(1) faster registration; (2) fewer errors; (3) shorter queues"


def test_format_uses_a_serial_comma_when_an_item_has_the_conjunction():
    (e,) = enumerations("Guests came from Arland, Trinidad and Tobago, and Cestia.")
    assert format_items(e) == "Arland, Trinidad and Tobago, and Cestia"


def test_format_shortens_every_item_and_drops_none():
    words = " ".join(["word"] * 40)
    items = tuple(Item(0, 0, f"item{n} {words}") for n in range(4))
    e = Enumeration(items, 0, 0, True, ("a)", "b)", "c)", "d)"))
    out = format_items(e, max_chars=200)
    assert len(out) <= 200
    for n, marker in enumerate(("a)", "b)", "c)", "d)")):
        assert f"{marker} item{n}" in out
    assert out.count(" …") == 4


def test_format_short_list_is_unchanged():
    e = Enumeration((Item(0, 1, "x"), Item(2, 3, "y")), 0, 3, False)
    assert format_items(e) == "x and y"


# --- properties ----------------------------------------------------------------------------------------

_WORDS = st.sampled_from("and or , ; : . ( ) a) b) c) (1) (2) i) ii) as well such including both the food water "
                         "Arland Ministry of were can 1,302 2023 opened shelters".split())


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_WORDS, max_size=40).map(" ".join)))
def test_items_are_exact_ordered_non_overlapping_spans(sentence):
    found = enumerations(sentence)
    last = 0
    for e in found:
        assert e.items and e.start <= e.items[0].start and e.items[-1].end <= e.end
        for it in e.items:
            assert it.start >= last and it.end > it.start
            assert " ".join(sentence[it.start:it.end].split()) == it.text
            last = it.end
        format_items(e, max_chars=50)
    best_enumeration(sentence, "which three things?")
