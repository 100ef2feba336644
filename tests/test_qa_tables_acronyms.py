"""Indicator rows chosen by what is measured (not by the people counted), a named column over the
prose figure, and acronyms asked in everyday forms. Questions are worded unlike the evaluation sets.
"""

from __future__ import annotations

import pytest

from graph.acronyms import find_definitions
from qa import answer
from qa.answer import question_context
from qa.figures import number_candidates
from qa.intent import detect
from qa.model import AnswerOptions
from qa.prose import answer_direction
from qa.tables import answer_row_by_value
from tests.test_qa import _kb_from_text


def test_the_people_a_row_counts_do_not_pick_the_row(qa_kb_marovia) -> None:
    # "refugees and asylum-seekers" is the population column of every row; "health services" is
    # what 2.3 measures (1.1's label happens to say "refugees and asylum seekers")
    a = answer("What proportion of refugees and asylum-seekers were able to get health services?", qa_kb_marovia)
    assert a.text is not None and "66.48%" in a.text


@pytest.mark.parametrize(("question", "figure"), [
    ("How many days was the baseline for the time from resettlement submission to departure?", "310.00"),
    ("How many days did the 2025 target allow between a resettlement submission and the departure?", "300.00"),
])
def test_a_named_column_is_read_from_the_table_not_the_text(qa_kb_marovia, question: str, figure: str) -> None:
    # the text gives the actual (348 days); the question names another column of row 15.2
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and a.text.split()[1] == figure
    assert "two different figures" not in " ".join(a.notes)


def test_a_change_asked_by_how_much_is_the_change_the_text_states(qa_kb_marovia) -> None:
    a = answer("By how much did enrolment of refugee and migrant children in schools rise compared with the "
               "year before?", qa_kb_marovia)
    assert a.text is not None and a.text.startswith("9%")


@pytest.mark.parametrize(("question", "long_form"), [
    ("What is the INEC in full?", "National Institute of Statistics and Census"),
    ("MIFAS - which ministry is that?", "Ministry of Family and Social Affairs"),
    ("RENAC - what is the long form?", "National Civil Registry"),
    # the letters are asked about after a colon, or where the report "talks about" them
    ("MIPLAN: which ministry is hiding behind those letters?", "Ministry of Planning"),
    ("Where the report talks about the PCRM, what kind of body does it mean?", "Refugee and Migrant Coordination Platform"),
])
def test_acronyms_asked_in_everyday_forms(qa_kb_marovia, question: str, long_form: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.kind == "acronym" and a.text is not None and a.text.startswith(long_form)


@pytest.mark.parametrize("opener", ["According to the", "Thanks to the", "Owing to the"])
def test_a_sentence_opening_is_not_part_of_the_long_form(opener: str) -> None:
    text = f"Jobs are scarce. {opener} National Survey of Displaced Households (NSDH), most work informally."
    (d,) = find_definitions(text)
    assert d.long_form == "National Survey of Displaced Households"


def test_a_goal_asked_in_everyday_words_is_the_target_column(qa_kb_marovia) -> None:
    a = answer("What registration rate for the births of children under five was UNHCR aiming for?", qa_kb_marovia)
    assert a.text is not None and a.text.startswith("target 95.00%")


def test_a_count_of_what_happened_does_not_answer_what_was_aimed_for(qa_kb_marovia) -> None:
    # the report gives departures (312) and a submissions target (700), no departures target
    a = answer("How many refugees was UNHCR aiming to see depart for resettlement in 2025?", qa_kb_marovia)
    assert a.text is None


@pytest.mark.parametrize(("question", "kind"), [
    ("Where did the starting point stand for the share of refugees with secure tenure?", "indicator"),
    ("Where did refugees who stand for election live?", "location"),
    ("What does PNM stand for in the protection section?", "acronym"),
    ("Which groups stand for the rights of refugees?", "list"),
])
def test_stand_means_a_level_an_acronym_or_nothing_special(question: str, kind: str) -> None:
    assert detect(question).kind == kind


def test_still_waiting_for_a_decision_is_pending() -> None:
    kb = _kb_from_text("At the end of 2024, 5,100 asylum claims were still pending before the commission, "
                       "while 2,300 had been decided during the year.\n")
    a = answer("How many asylum claims were still waiting for a decision when 2024 ended?", kb)
    assert a.text is not None and a.text.startswith("5,100")


def test_a_dozen_in_the_question_is_the_figure_twelve() -> None:
    kb = _kb_from_text(
        "UNHCR registered 8,400 asylum-seekers at the border and opened two reception centres.\n\n"
        "Cash grants reached 5,200 households in the capital, mostly women heading their families.\n\n"
        "In 2024, 352 refugees departed for resettlement to three countries. Of them, 12 departed to "
        "Australia, 40 to Canada and 300 to the United States.\n")
    a = answer("Which country received only a dozen of the refugees who departed?", kb)
    assert a.text == "Australia"


@pytest.mark.parametrize(("question", "figure"), [
    ("How many people could use water and sanitation services at the border?", "3,400"),
    ("How many individuals were given emergency shelter at the border?", "1,250"),
])
def test_in_x_to_n1_and_y_to_n2_each_figure_received_what_is_written_before_it(question: str, figure: str) -> None:
    kb = _kb_from_text(
        "At the border, UNHCR provided emergency shelter to 1,250 individuals and access to water and "
        "sanitation services to 3,400 people throughout the year.\n\n"
        "UNHCR registered 8,400 asylum-seekers in the capital and opened two reception centres.\n\n"
        "Cash grants reached 5,200 households, mostly women heading their families.\n")
    a = answer(question, kb)
    assert a.text is not None and a.text.split()[0] == figure


@pytest.mark.parametrize(("question", "superlative", "field"), [
    ("Which outcome area was the most poorly funded relative to its budget?", "min", "funds_available_pct"),
    ("Of the four impact areas, which one had the largest share of its budget funded?", "max", "funds_available_pct"),
    ("Which outcome area spent the smallest share of the money it had available?", "min", "expenditure_pct"),
    ("Among the four impact areas, which had the largest final budget?", "max", "final_budget"),
])
def test_which_area_questions_name_the_column_and_the_extreme(question: str, superlative: str, field: str) -> None:
    intent = detect(question)
    assert (intent.kind, intent.superlative, intent.field) == ("finance", superlative, field)


def test_the_area_that_spent_the_lowest_share_of_its_funds(qa_kb_marovia) -> None:
    a = answer("Which outcome area spent the lowest share of its available funds?", qa_kb_marovia)
    assert a.text is not None and a.text.startswith("OA13")


@pytest.mark.parametrize("question", [
    "How powerful, in magnitude, was the earthquake that struck in May?",
    "How strong was the earthquake that struck the northern province, by magnitude?",
])
def test_how_strong_asks_for_a_figure(question: str) -> None:
    kb = _kb_from_text(
        "In May, an earthquake of magnitude 6.8 struck the northern province, killing 40 people and "
        "affecting more than 12,000.\n\n"
        "UNHCR registered 8,400 asylum-seekers in the capital and opened two reception centres.\n")
    a = answer(question, kb)
    assert a.text is not None and a.text.startswith("6.8")


def test_the_row_that_prints_the_figure_the_question_gives(qa_kb_marovia) -> None:
    a = answer("Which outcome area's expenditure came to 301,115?", qa_kb_marovia)
    assert a.text is not None and a.text.startswith("OA11")
    assert a.citations and "301,115" in a.citations[0].text


def test_a_figure_no_row_prints_finds_no_row(qa_kb_marovia) -> None:
    ctx = question_context("Which outcome area had USD 123,457 available?", qa_kb_marovia, None, AnswerOptions())
    assert answer_row_by_value(ctx) is None


def test_up_or_down_is_answered_with_the_change_the_text_states() -> None:
    kb = _kb_from_text(
        "The backlog remained the main obstacle. Although the commission decided 3,100 claims, more than 90,000 "
        "claims were still pending, and the number of pending claims had fallen for the first time since 2018.\n\n"
        "Cash grants reached 5,200 households in the capital.\n")
    a = answer("Did the number of pending claims go up or down?", kb)
    assert a.text is not None and a.text.startswith("had fallen")


def test_up_or_down_and_to_what_level_is_left_to_the_figures() -> None:
    kb = _kb_from_text("Secondary school enrolment rose slightly, from 47.35% to 49.90%.\n")
    ctx = question_context("Did enrolment go up or down, and to what level?", kb, None, AnswerOptions())
    assert answer_direction(ctx) is None


def test_above_what_income_level_is_an_amount_not_the_share_beside_it() -> None:
    question = "Nearly half of the livelihoods programme participants had incomes above what level?"
    intent = detect(question)
    assert (intent.kind, intent.money) == ("number", True)
    kb = _kb_from_text(
        "Of the 210 participants of the livelihoods programme, 44% achieved incomes exceeding S/1,500 "
        "(around $400) after completing it.\n\n"
        "UNHCR registered 8,400 asylum-seekers in the capital and opened two reception centres.\n")
    best = number_candidates(question_context(question, kb, None, AnswerOptions()))[0]
    assert best.number.text == "S/1,500"


_ACRONYM_TEXT = (
    "UNHCR sat on the board of the Regional Office for Coastal Fisheries (ROCF) and trained 40 inspectors of "
    "the Harbour Safety Authority (HSA) on refugee rights.\n\n"
    "The Ministry of Water and Sanitation (MWS) rehabilitated 14 wells with UNHCR support.\n\n"
    "Cash assistance reached 1,200 households in the northern districts during the year.\n"
)


@pytest.mark.parametrize(("question", "expected"), [
    # a dash and "meant": the acronym is asked about on its own
    ("MWS - which ministry is meant?", "Ministry of Water and Sanitation"),
    # "what's" is "what is"
    ("What's the HSA whose inspectors were trained?", "Harbour Safety Authority"),
    # the acronym closes a first sentence, "what is that?" asks it
    ("Some inspectors UNHCR trained worked for the HSA. What is that?", "Harbour Safety Authority"),
])
def test_an_acronym_asked_in_a_second_clause(question: str, expected: str) -> None:
    a = answer(question, _kb_from_text(_ACRONYM_TEXT))
    assert a.text is not None and expected in a.text


@pytest.mark.parametrize(("question", "expected"), [
    # another acronym in the question (UNHCR) is not the one asked for
    ("UNHCR sat on the board of a regional fisheries office. What short form is used for that office?", "ROCF"),
    # the thing is described in everyday words far from any retrieved sentence's wording
    ("What abbreviation does the report use for the water and sanitation ministry?", "MWS"),
])
def test_the_short_form_of_a_described_thing(question: str, expected: str) -> None:
    a = answer(question, _kb_from_text(_ACRONYM_TEXT))
    assert a.text is not None and a.text.startswith(expected)


@pytest.mark.parametrize(("question", "figure"), [
    # no sentence says it as well as the row's label does
    ("How high was joblessness among working-age refugees this year?", "10.85%"),
    ("What was the level of unemployment among working-age refugees?", "10.85%"),
])
def test_a_row_that_says_the_question_beats_a_weaker_sentence(qa_kb_marovia, question: str, figure: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and figure in a.text


def test_how_many_as_a_percentage_asks_a_share(qa_kb_marovia) -> None:
    assert detect("How many refugees could reach health services in 2025, as a percentage?").percent
    assert not detect("How many refugees could reach health services in 2025?").percent
    a = answer("How many refugees and asylum-seekers could get health services, as a percentage?", qa_kb_marovia)
    assert a.text is not None and "66.48%" in a.text


def test_an_acronym_the_report_never_defines_is_not_answered_by_another() -> None:
    a = answer("What is the council abbreviated NCFR?", _kb_from_text(_ACRONYM_TEXT))
    assert a.text is None or "NCFR" in a.text


def test_the_acronym_of_a_body_described_by_what_it_did() -> None:
    kb = _kb_from_text(
        "Environment\n\nCash assistance reached 1,200 households in the northern districts during the year.\n\n"
        "UNHCR trained 210 teachers on inclusive education in the Kessa region.\n\n"
        "The Clean Camps Plan, which the National Forestry Authority (NAFA) approved in June, guided tree "
        "planting in the settlements.\n"
    )
    a = answer("What acronym is used for the authority that approved the Clean Camps Plan?", kb)
    assert a.text is not None and "NAFA" in a.text


def test_host_community_members_are_the_host_community_row(qa_kb_nyandara) -> None:
    # the row's population column says "Host Community"; "members" adds nothing it must say
    a = answer("Among host community members, what was the baseline for having energy for lighting?", qa_kb_nyandara)
    assert a.text is not None and "29.50%" in a.text


_VALAN = (
    "Protection\n\nCash assistance reached 1,200 households in the northern districts during the year.\n\n"
    "UNHCR trained 210 teachers on inclusive education in the Kessa region.\n\n"
    "Legal assistance was provided by the Varda Legal Aid Network (VALAN), a group of five university law clinics.\n\n"
    "UNHCR financed a call centre that answered 12,300 calls and a web platform for appointments.\n"
)


def test_by_what_acronym_is_a_body_known() -> None:
    a = answer("By what acronym is the legal aid network known?", _kb_from_text(_VALAN))
    assert a.text is not None and "VALAN" in a.text


def test_handled_is_a_light_verb_the_figure_need_not_repeat() -> None:
    # "handled" asked, "answered 12,300 calls" written: the calls say what was counted
    a = answer("How many calls were handled by the call centre?", _kb_from_text(_VALAN))
    assert a.text is not None and "12,300" in a.text


def test_a_described_acronym_is_the_long_form_that_says_most_of_the_description() -> None:
    # the best sentence defines another ministry's acronym; the one asked for is defined elsewhere
    from tests.test_qa import _kb_from_text

    kb = _kb_from_text(
        "Coordination\n\nThe Ministry of Foreign Affairs (MREX) chairs the national refugee commission and issues "
        "identity cards to recognised refugees.\n\n"
        "Protection at the border\n\nIn 2024, UNHCR handed a draft border protocol to the authorities; the Ministry of "
        "Women (MIMU) adopted it in June, and the foreign ministry began training its consular staff on the border "
        "protocol.\n\nCash\n\nMultipurpose cash reached 4,200 households, most of them headed by women.\n"
    )
    a = answer("Which abbreviation does the report use for the foreign ministry that trained consular staff on the "
               "border protocol?", kb)
    assert a.text is not None and a.text.startswith("MREX")


def test_the_acronym_of_the_asking_sentence_is_the_one_asked(qa_kb_marovia) -> None:
    a = answer("The MRE chaired talks with MIFAS on child protection. What does MIFAS stand for?", qa_kb_marovia)
    assert a.text is not None and "Family and Social Affairs" in a.text and "Foreign" not in a.text


@pytest.mark.parametrize("question", [
    "MIFAS is the short name of which ministry?",
    "MIFAS is the abbreviated title for what?",
])
def test_an_acronym_called_a_short_name_is_an_acronym_question(qa_kb_marovia, question: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and "Family and Social Affairs" in a.text


def test_spell_it_out_asks_the_long_form(qa_kb_marovia) -> None:
    a = answer("MIFAS - could you spell that out?", qa_kb_marovia)
    assert a.text is not None and "Family and Social Affairs" in a.text


def test_an_acronym_never_defined_in_brackets_is_read_where_it_is_spelled_out() -> None:
    from qa.lookup import spelled_out_span
    from tests.test_qa import _kb_from_text

    text = ("The Inter-Agency PSEA Network, chaired by two agencies, trained 240 focal points on the prevention of "
            "sexual exploitation and abuse.")
    a, b = spelled_out_span("PSEA", text)
    assert text[a:b] == "prevention of sexual exploitation and abuse"
    assert spelled_out_span("PSEA", "The PSEA Network met twice.") is None
    kb = _kb_from_text("Protection\n\n" + text + "\n\nShelter\n\nThe Shelter Working Group (SWG) met monthly.\n")
    ans = answer("What does PSEA mean?", kb)
    assert ans.text is not None and ans.text.startswith("prevention of sexual exploitation and abuse")
    assert answer("What does QXZT stand for?", kb).text is None


def test_the_name_asked_for_is_whole_when_the_asked_word_is_one_of_its_words() -> None:
    from tests.test_qa import _kb_from_text

    kb = _kb_from_text(
        "Coordination\n\nUNHCR continued to co-lead, together with the Red Cross, the Shelter Working Group of the North "
        "(SWGN), which met monthly in the capital.\n\nCash\n\nMultipurpose cash reached 4,200 households.\n")
    a = answer("What is the name of the group that UNHCR co-leads with the Red Cross?", kb)
    assert a.text is not None and a.text.startswith("Shelter Working Group of the North")


def test_a_body_written_only_by_its_acronym_is_found_from_a_description() -> None:
    from tests.test_qa import _kb_from_text

    kb = _kb_from_text(
        "Preparedness improved. Within the Disaster Response Network (DRN) led by OCHA, which prepares the "
        "response to floods and landslides, UNHCR coordinated the protection cluster.\n\n"
        "Cash assistance reached 1,200 households in the northern districts during the year.\n")
    a = answer("What short name does the report use for the UN office coordinating humanitarian affairs that "
               "heads the disaster network?", kb)
    assert a.text is not None and a.text.startswith("OCHA")


def test_the_acronym_of_a_body_of_the_kind_asked_named_where_the_question_is_answered() -> None:
    from tests.test_qa import _kb_from_text

    kb = _kb_from_text(
        "Asylum. The National Refugee Board (NRB) is the body in charge of refugee status determination.\n\n"
        "The NRB decided 1,140 asylum claims in 2024 and recognized 830 refugees.\n\n"
        "Cash assistance reached 1,200 households in the northern districts during the year.\n")
    a = answer("Which abbreviation does the report use for the board that decided 1,140 asylum claims in 2024?", kb)
    assert a.text is not None and a.text.startswith("NRB") and "National Refugee Board" in a.text
    cited = " ".join(c.text[s:e] for c in a.citations for s, e in c.highlights)
    assert "National Refugee Board" in cited


@pytest.mark.parametrize("question", [
    "What do the letters HSA and MWS stand for?",
    "The report names the ROCF and the MWS. Write out both in full.",
    "Give the full names of HSA, whose inspectors were trained, and ROCF, on whose board UNHCR sat.",
    # the plural verb, "in full", and "those letters" after a first sentence naming both
    "What do MWS and HSA mean here?",
    "For our glossary: what are ROCF and HSA in full?",
    "Two bodies go by MWS and ROCF. What do these letters stand for?",
])
def test_two_acronyms_asked_together_get_both_long_forms(question: str) -> None:
    a = answer(question, _kb_from_text(_ACRONYM_TEXT))
    assert a.kind == "acronym" and a.text is not None
    expected = {"HSA": "Harbour Safety Authority", "MWS": "Ministry of Water and Sanitation",
                "ROCF": "Regional Office for Coastal Fisheries"}
    asked = [long for acr, long in expected.items() if acr in question]
    assert len(asked) == 2 and all(long in a.text for long in asked)
    assert len(a.citations) >= 1


def test_an_acronym_of_a_first_sentence_asked_back_by_it() -> None:
    kb = _kb_from_text(
        "Employment. The Ministry of Work and Social Security (MTSS) issued 4,100 work permits to refugees.\n\n"
        "Protection. UNHCR and its partners ran 12 legal aid desks.\n")
    a = answer("The work-permit paragraph mentions MTSS. Which ministry is that?", kb)
    assert a.kind == "acronym" and a.text is not None and "Ministry of Work and Social Security" in a.text


def test_a_body_described_then_asked_by_what_acronym_it_goes() -> None:
    kb = _kb_from_text(
        "Inclusion. UNHCR trained 60 partner staff on disability inclusion, jointly with the National Board for "
        "Persons with Disabilities (NBPD).\n\n"
        "Protection. UNHCR and its partners ran 12 legal aid desks.\n")
    a = answer("The disability board that co-ran the inclusion training goes by what acronym?", kb)
    assert a.text is not None and "NBPD" in a.text
