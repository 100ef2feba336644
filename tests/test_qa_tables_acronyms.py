"""Indicator rows chosen by what is measured (not by the people counted), a named column over the
prose figure, and acronyms asked in everyday forms. Questions are worded unlike the evaluation sets.
"""

from __future__ import annotations

import pytest

from graph.acronyms import find_definitions
from qa import answer


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
])
def test_acronyms_asked_in_everyday_forms(qa_kb_marovia, question: str, long_form: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.kind == "acronym" and a.text is not None and a.text.startswith(long_form)


@pytest.mark.parametrize("opener", ["According to the", "Thanks to the", "Owing to the"])
def test_a_sentence_opening_is_not_part_of_the_long_form(opener: str) -> None:
    text = f"Jobs are scarce. {opener} National Survey of Displaced Households (NSDH), most work informally."
    (d,) = find_definitions(text)
    assert d.long_form == "National Survey of Displaced Households"
