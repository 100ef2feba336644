"""Dates asked with "when" / "which month", and memberships asked in everyday words.

The made-up paragraphs and questions here are worded unlike the evaluation sets, so the engine is
not tuned to exact wording.
"""

from __future__ import annotations

import pytest

from qa import answer
from qa.dates import asks_date, dates_in
from qa.intent import detect
from tests.test_qa import UNRELATED_PARAGRAPHS, _kb_from_text

_NEROSA = (
    "In March, the National Assembly approved the Asylum Law (Law No. 731), which created a complementary "
    "protection status. Applications for the humanitarian visa were accepted until September 2024, and the first "
    "visas were issued in June.\n\n"
    "UNHCR will advocate for the adoption of the implementing regulations of the Asylum Law.\n\n"
    "In April, the Central Bank of Nerosa (BCN) issued Resolution No. 12, which allows refugees to open "
    "a simplified bank account with their asylum card.\n\n"
    "In Porto Lume, the Nerosa Red Cross (CRN), the national society member of the IFRC, managed four "
    "collective centres with UNHCR support. In Vila Serra, Caritas Nerosa, the national chapter of "
    "Caritas Internationalis, ran two shelters for displaced families.\n"
)


@pytest.fixture(scope="module")
def kb_nerosa():
    return _kb_from_text(_NEROSA)


@pytest.mark.parametrize(("question", "expected"), [
    ("In which month was the Asylum Law approved?", "March"),
    ("Until when could people apply for the humanitarian visa?", "September 2024"),
    ("When were the first humanitarian visas issued?", "June"),
])
def test_a_when_question_is_answered_with_the_date_of_the_action_asked(kb_nerosa, question: str,
                                                                          expected: str) -> None:
    a = answer(question, kb_nerosa)
    assert a.text == expected
    assert a.citations and expected in a.citations[0].text


def test_a_date_something_was_done_does_not_say_when_it_is_expected(kb_nerosa) -> None:
    # the regulations are only advocated for; "approved in March" is about the law itself
    a = answer("When are the implementing regulations of the Asylum Law expected to be adopted?", kb_nerosa)
    assert a.text is None


def test_may_the_verb_is_not_a_month() -> None:
    raw = "Families may apply for the card, which was launched in May 2024."
    assert [raw[s:e] for s, e in dates_in(raw, set(), month_only=True)] == ["May 2024"]


@pytest.mark.parametrize(("question", "asks"), [
    ("When did the regularization window close?", True),
    ("Up to when could people file for the amnesty?", True),
    ("Which month did Congress pass the law?", True),
    ("When ENPOVE was carried out, what was the poverty rate?", False),
    ("How many people applied in 2023?", False),
])
def test_which_questions_ask_for_a_date(question: str, asks: bool) -> None:
    assert asks_date(question) is asks


def test_an_approval_question_is_answered_by_the_body_that_issued_the_rule(kb_nerosa) -> None:
    a = answer("Which institution signed off on the rule letting refugees open a bank account?", kb_nerosa)
    assert a.text is not None and "BCN" in a.text


def test_a_membership_asked_in_other_words_is_read_from_the_graph(kb_nerosa) -> None:
    a = answer("Which federation counts the Nerosa Red Cross among its national societies?", kb_nerosa)
    assert a.text is not None and "IFRC" in a.text
    assert a.triples, "the answer should come from the graph's membership relation"


def test_the_network_a_body_belongs_to_need_not_say_network_in_its_name(qa_kb_marovia) -> None:
    # "Caritas Marovia, the national chapter of Caritas Internationalis, managed three collective centres"
    a = answer("What worldwide network is Caritas Marovia affiliated to?", qa_kb_marovia)
    assert a.text is not None and "Caritas Internationalis" in a.text
    assert a.triples


@pytest.mark.parametrize(("question", "expected"), [
    ("Which edition of the regional protection summit did the Nerosa delegation attend?", "III Regional Protection Summit"),
    ("Which round of the annual course for border judges was held that year?", "fifth annual course"),
])
def test_which_edition_is_answered_with_the_ordinal_the_text_writes(question: str, expected: str) -> None:
    kb = _kb_from_text(
        "The Nerosa delegation attended the III Regional Protection Summit and pledged to reform the asylum "
        "law.\n\n"
        "UNHCR trained 310 officials, among them border judges and prosecutors (fifth annual course).\n\n"
        "Cash assistance reached 4,100 households in the capital.\n")
    a = answer(question, kb)
    assert a.text == expected


def test_the_national_chapter_not_the_network_in_its_appositive_ran_the_centres(qa_kb_marovia) -> None:
    # "Caritas Marovia, the national chapter of Caritas Internationalis, managed three collective centres"
    a = answer("Which NGO managed the collective centres for people displaced by the floods?", qa_kb_marovia)
    assert a.text == "Caritas Marovia"


@pytest.mark.parametrize(("question", "family"), [
    ("Which NGO implemented UNHCR's multipurpose cash assistance?", "implements"),
    ("Which bank approved the funding for the new shelters?", "approves"),
    ("Staff from which institutions took part in UNHCR's training on asylum law?", "trains"),
])
def test_the_verb_not_a_noun_of_help_names_the_relation(question: str, family: str) -> None:
    assert detect(question).predicates[0] == family


@pytest.mark.parametrize(("question", "family"), [
    ("Police officers from two towns attended the courses - which other places sent officers?", ()),
    ("UNHCR funded the shelters: which NGO ran them?", ()),
    ("Who funded the shelters that the NGO ran?", ("funds", "supports")),
])
def test_a_scene_set_before_a_dash_does_not_name_the_relation(question: str, family: tuple[str, ...]) -> None:
    assert detect(question).predicates == family


@pytest.mark.parametrize("question", [
    "Together with which organisation did UNHCR run community sessions about its helpline?",
    "With which organization did UNHCR run the sessions on the Línea Amiga helpline?",
])
def test_with_which_partner_asks_the_partner_of_that_activity(qa_kb_marovia, question: str) -> None:
    # not every partner of UNHCR's (the graph's) and not the sector the helpline belongs to
    a = answer(question, qa_kb_marovia)
    assert a.text == "Ostrenian Women's Network"


def test_with_whom_a_body_was_co_chaired_is_still_the_co_chair(qa_kb_marovia) -> None:
    a = answer("With whom does UNHCR co-chair the inter-agency PSEA network?", qa_kb_marovia)
    assert a.text is not None and "UNFPA" in a.text


def test_a_part_of_a_year_answers_when_something_began() -> None:
    kb = _kb_from_text(
        "To improve the asylum registration system, UNHCR supported a new function for issuing digital cards. "
        "The process commenced in the second half of 2024, with several trials before the first cards were "
        "issued in November.\n\n"
        "Cash grants reached 5,200 households in the capital.\n")
    a = answer("When did the work on the digital cards get under way?", kb)
    assert a.text == "the second half of 2024"


def test_a_figure_the_question_spells_out_finds_the_dated_sentence() -> None:
    kb = _kb_from_text(
        "According to the mid-year statistics, in June, the displaced population in Nerosa exceeded 1.5 million "
        "people.\n\n"
        "In March, the National Assembly approved the Asylum Law.\n")
    a = answer("In which month did the half-year figures show more than one and a half million displaced people?", kb)
    assert a.text == "June"


@pytest.mark.parametrize("question", [
    "What number does the new asylum law carry?",
    "What is the number of the law that created the complementary protection status?",
])
def test_the_number_of_a_law_is_the_law_as_written(kb_nerosa, question: str) -> None:
    a = answer(question, kb_nerosa)
    assert a.text == "Law No. 731"


def test_which_population_is_answered_with_a_population_group(qa_kb_marovia) -> None:
    # "supported the Casa Arcoíris shelter in Santa Irene, which hosted 164 LGBTIQ+ refugees"
    a = answer("Which population does the Casa Arcoíris shelter host?", qa_kb_marovia)
    assert a.text is not None and "LGBTIQ+" in a.text


def test_a_place_in_a_sentence_that_points_back_answers_where() -> None:
    # "Of them" refers to the sentence before, which says who was helped
    kb = _kb_from_text(
        "UNHCR and its partners provided legal orientation to 9,800 refugees and migrants in 2024. Of them, "
        "4,120 were assisted at border points.\n\n"
        "Cash grants reached 5,200 households in the capital.\n")
    a = answer("Where were 4,120 of the refugees and migrants provided with legal orientation assisted?", kb)
    assert a.text == "at border points"


def test_which_part_of_the_country_is_answered_with_the_area_the_text_names() -> None:
    kb = _kb_from_text(
        "Building on its campaign, UNHCR will work with municipalities and the media to promote peaceful "
        "coexistence, with a focus on the mountain districts hit by the floods.\n\n"
        "Cash grants reached 5,200 households in the capital.\n")
    a = answer("Which part of the country will UNHCR's work on peaceful coexistence focus on?", kb)
    assert a.text is not None and "mountain districts" in a.text


@pytest.mark.parametrize("question", [
    "What year does this report cover?",
    "Which year's work is the report about?",
])
def test_the_year_a_report_covers_comes_from_its_metadata(question: str) -> None:
    kb = _kb_from_text("In 2024, UNHCR assisted 3,100 households in the valley.\n\nThe plan for 2026 foresees new shelters.\n")
    a = answer(question, kb)
    assert a.text == "2024"
    assert a.citations and "2024" in a.citations[0].text


@pytest.mark.parametrize(("question", "is_date"), [
    ("When the floods hit the north, which agency ran the emergency shelters?", False),
    ("When families could not be helped directly, to whom were they referred?", False),
    ("When did the floods hit the north?", True),
    ("When was the emergency shelter opened, and by whom?", True),
])
def test_a_when_clause_setting_the_scene_does_not_ask_a_date(question: str, is_date: bool) -> None:
    from qa.intent import ASKS_WHEN

    assert bool(ASKS_WHEN.search(question)) is is_date


def test_people_passed_on_to_someone_are_referred_but_a_law_passed_is_not() -> None:
    from qa.text import terms

    assert terms("to whom were families passed on?")[-1] == terms("referred")[0]
    assert terms("which people were passed on to the clinics")[1] == terms("referral")[0]
    assert terms("the law was passed")[-1] != terms("referred")[0]


@pytest.mark.parametrize("question", [
    "What prompted the council to close the market in May?",
    "What triggered the suspension of the school meals?",
    "What forced the agency to move its office?",
])
def test_what_prompted_asks_a_reason(question: str) -> None:
    from qa.intent import detect

    assert detect(question).kind == "why"


def test_how_many_of_a_whole_the_question_gives_is_the_part() -> None:
    # the report writes "287 of the country's 312 municipalities"; the 312 is the question's own figure
    kb = _kb_from_text(
        "Population\n\nThe census showed a younger and more dispersed population than estimated: refugees and "
        "migrants lived in 287 of the country's 312 municipalities, many of which had never hosted them.\n\n"
        "Shelter\n\nUNHCR supported 14 shelters in 9 municipalities with relief items for 3,100 people.\n")
    a = answer("The count found newcomers scattered over how many of the nation's 312 municipalities?", kb)
    assert a.text is not None and "287" in a.text.split() and not a.text.startswith("312")


def test_a_day_asked_within_a_month_the_question_gives_is_not_answered_by_the_month() -> None:
    from tests.test_qa import _kb_from_text

    kb = _kb_from_text(
        "Floods. In April, heavy floods struck the Lower Valley, displacing 12,000 people.\n\n"
        "Health. On 9 June, the health ministry declared a measles outbreak in Kesa.\n\n"
        "Shelter. The shelter working group met monthly and shared a common needs assessment.\n")
    a = answer("On what exact date in April did the floods hit the Lower Valley?", kb)
    assert a.text is None
    a = answer("On which day in June was the measles outbreak declared?", kb)
    assert a.text is not None and "9 June" in a.text


def test_a_month_said_of_another_place_in_the_sentence_is_not_the_answer() -> None:
    kb = _kb_from_text(
        "Local integration. UNHCR worked with the Town Council of Rema, which adopted a local housing plan in May, "
        "and the district of Kito, which created a refugee advisory board with three seats for women.\n\n"
        "Presence. UNHCR has field offices in the towns of Kito and Dala.\n\n" + UNRELATED_PARAGRAPHS)
    a = answer("In which month did Kito create its refugee advisory board?", kb)
    assert a.text is None or "May" not in a.text
    b = answer("In which month did Rema adopt its local housing plan?", kb)
    assert b.text is not None and "May" in b.text
