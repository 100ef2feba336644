"""What an area aims at by a later year: the "By <year>, …" statement, not this year's results.

The made-up paragraphs and questions are worded unlike the evaluation sets.
"""

from __future__ import annotations

import pytest

from qa import answer
from tests.test_qa import _kb_from_text

_GOALS = (
    "By 2028, displaced families in the river provinces live in safe and dignified shelters and have "
    "access to clean water.\n\n"
    "By 2028, refugee children attend national schools on equal terms with local pupils.\n\n"
    "By 2028, the national asylum commission decides claims within six months of registration.\n\n"
    "In 2024, UNHCR repaired 300 shelters and built 12 classrooms in the river provinces.\n\n"
    "Cash assistance reached 1,200 households in the northern districts during the year.\n"
)


@pytest.fixture(scope="module")
def kb_goals():
    return _kb_from_text(_GOALS)


@pytest.mark.parametrize(("question", "expected"), [
    ("What is the aim for children's schooling by 2028?", "attend national schools"),
    ("Looking ahead to 2028, what should the asylum commission be able to do?", "decides claims within six months"),
    ("By 2028, where are displaced families expected to live?", "safe and dignified shelters"),
])
def test_a_later_year_goal_is_the_statement_of_that_goal(kb_goals, question: str, expected: str) -> None:
    a = answer(question, kb_goals)
    assert a.text is not None and expected in a.text
    assert a.citations and expected in a.citations[0].text


def test_this_years_results_are_not_a_goal(kb_goals) -> None:
    a = answer("How many shelters did UNHCR repair in 2024?", kb_goals)
    assert a.text is not None and "300" in a.text and "By 2028" not in a.text


def test_an_area_named_by_its_section_title_finds_its_goal(qa_kb_marovia) -> None:
    # the goal statement does not repeat the area's name; the section it opens does
    a = answer("Under the impact area on realizing rights in safe environments, what is hoped for by 2027?",
               qa_kb_marovia)
    assert a.text is not None and a.text.startswith("By 2027") and "basic needs" in a.text


@pytest.mark.parametrize(("question", "expected"), [
    ("What does the second impact area hope to achieve by 2027?", "basic needs"),
    ("By 2027, what is outcome area 11 aiming for?", "national education system"),
])
def test_an_area_named_by_its_number_finds_its_goal(qa_kb_marovia, question: str, expected: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and a.text.startswith("By 2027") and expected in a.text
