"""Two-figure questions: each half answered on its own, both figures in one answer with both citations.

The made-up paragraphs and questions are worded unlike the evaluation sets.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa import answer
from qa.compound import split_compound
from tests.test_qa import _kb_from_text

_ORVALIA = (
    "Access to credit remained limited for refugee traders in the coastal provinces. The Orvalia Savings "
    "Cooperative (OSC) granted 836 microloans with an average value of USD 410 to refugee traders.\n\n"
    "In the second half of the year, 95 trainees entered the apprenticeship scheme run with the chamber of "
    "commerce, out of whom 38 were later hired by local firms.\n\n"
    "In September, UNHCR distributed emergency kits to 4,310 people displaced by the river floods.\n\n"
    "Caseworkers followed up 1,906 children at risk through individual visits in the capital.\n\n"
    "The shelter working group met monthly and shared a common needs assessment of the displaced families.\n"
)


@pytest.fixture(scope="module")
def kb_orvalia():
    return _kb_from_text(_ORVALIA)


@pytest.mark.parametrize(("question", "first", "second"), [
    ("How many trainees did the apprenticeship scheme take, and how many of those were hired?",
     "How many trainees did the apprenticeship scheme take?",
     "Of the trainees did the apprenticeship scheme take, how many were hired?"),
    ("Floods: how many people got kits, and how much did that cost?",
     "Floods: how many people got kits?", "Floods: how much did that cost?"),
    ("Compare the number of children visited with the number of adults.",
     "How many children visited?", "How many adults?"),
    ("Did the cooperative lend to more traders or more farmers? Give both counts.",
     "How many traders did the cooperative lend to?", "How many farmers did the cooperative lend to?"),
    ("In the capital, did more families receive food or move into shelters? Give both figures.",
     "In the capital, how many families receive food?", "In the capital, how many families move into shelters?"),
    ("At the crossing, did more people get water or blankets? Give both numbers.",
     "At the crossing, how many people get water?", "At the crossing, how many people get blankets?"),
    ("Which is bigger: the households given seeds, or those trained in farming? Give both.",
     "How many households given seeds?", "How many households trained in farming?"),
    ("How many traders got microloans, compared with the trainees hired by local firms?",
     "How many traders got microloans?", "How many trainees hired by local firms?"),
    ("Weigh the number of people who received kits against those visited by caseworkers.",
     "How many people who received kits?", "How many people visited by caseworkers?"),
    ("Which helped more people: the flood kits, or the caseworker visits? Both figures please.",
     "How many people helped the flood kits?", "How many people helped the caseworker visits?"),
    ("Did the cooperative lend to more traders than it trained in bookkeeping? List both counts.",
     "How many traders did the cooperative lend to?", "How many traders trained in bookkeeping?"),
    # a scene set before the first question word belongs to both halves
    ("During the floods, which office handed out the kits, and how many people got them?",
     "During the floods, which office handed out the kits?",
     "During the floods, how many people got them (office handed out the kits)?"),
    ("With the new staff, how many claims were registered, and how many were decided?",
     "With the new staff: how many claims were registered?", "With the new staff: how many were decided?"),
    # "for how many …" and "how steep" ask figures too
    ("How many traders got microloans, and for how many farmers was credit arranged?",
     "How many traders got microloans?", "For how many farmers was credit arranged?"),
    ("How many trainees were hired, and how steep was the rise on last year?",
     "How many trainees were hired?", "How steep was the rise on last year?"),
    # the second half's own noun owns its pronoun; a half without a noun counts the first's; "there"
    # is the place the first half names
    ("How many clinics did the district open, and how many nurses rotated their shifts through them?",
     "How many clinics did the district open?", "How many nurses rotated their shifts through them?"),
    ("How many families did the storm hit, and how many did the Red Cross shelter?",
     "How many families did the storm hit?", "How many families did the Red Cross shelter?"),
    ("How many of the pupils moved to Dala, and how many teachers followed there?",
     "How many of the pupils moved to Dala?", "How many teachers followed to Dala?"),
])
def test_split_compound_writes_each_half_as_its_own_question(question: str, first: str, second: str) -> None:
    assert split_compound(question) == (first, second)


@pytest.mark.parametrize("question", [
    "How many refugees and migrants received cash?",  # one figure about two groups
    "Who co-leads the working group, and with whom?",
    "How many people were displaced by the floods?",
    "What share of the budget went to shelter and health?",
    "Did more people get water or blankets?",  # one figure may answer; no "give both"
])
def test_one_question_is_not_split(question: str) -> None:
    assert split_compound(question) is None


@given(st.text(max_size=300))
def test_split_compound_never_fails_and_halves_are_questions(text: str) -> None:
    halves = split_compound(text)
    if halves is not None:
        assert len(halves) == 2
        assert all(h.endswith("?") and len(h) > 3 for h in halves)


def test_two_figures_of_one_sentence_both_come_back(kb_orvalia) -> None:
    a = answer("How many small loans did the OSC grant, and what was their average size?", kb_orvalia)
    assert a.text is not None
    assert "836" in a.text and "410" in a.text


def test_a_part_of_the_first_figure_is_the_second(kb_orvalia) -> None:
    a = answer("How many trainees joined the apprenticeship scheme, and how many of those were recruited by firms "
               "afterwards?", kb_orvalia)
    assert a.text is not None
    assert "95" in a.text and "38" in a.text


def test_two_figures_from_two_paragraphs_cite_both(kb_orvalia) -> None:
    a = answer("Compare the number of people who received emergency kits with the number of children followed "
               "up by caseworkers.", kb_orvalia)
    assert a.text is not None
    assert "4,310" in a.text and "1,906" in a.text
    cited = " ".join(c.text for c in a.citations[:3])
    assert "emergency kits" in cited and "Caseworkers" in cited


def test_a_count_compared_with_another_gives_both(kb_orvalia) -> None:
    a = answer("How many people got emergency kits after the floods, compared with the children caseworkers visited?",
               kb_orvalia)
    assert a.text is not None and "4,310" in a.text and "1,906" in a.text


def test_more_of_one_or_the_other_gives_both_counts(kb_orvalia) -> None:
    a = answer("Did more people get emergency kits or get followed up by caseworkers? Give both numbers.", kb_orvalia)
    assert a.text is not None and "4,310" in a.text and "1,906" in a.text


def test_a_name_and_a_figure_asked_together_are_both_answered(qa_kb_marovia) -> None:
    from qa.compound import split_compound

    q = "Which UN agency ran the child-friendly spaces in San Telmo, and how many children did the MIFAS units help?"
    assert split_compound(q) == ("Which UN agency ran the child-friendly spaces in San Telmo?",
                                 "How many children did the MIFAS units help?")
    a = answer(q, qa_kb_marovia)
    assert a.text is not None and "UNICEF" in a.text and "2,960" in a.text
    # "which one …, and by how much" compares; two names asked together stay one question
    assert split_compound("Which one grew more, and by how much?") is None


@pytest.mark.parametrize(("question", "halves"), [
    ("Were more refugees placed in formal work or given seed capital? Both numbers please.",
     ("How many refugees were placed in formal work?", "How many refugees were given seed capital?")),
    ("Did the safe houses or the legal clinics assist more women last year? Give both counts.",
     ("How many women did the safe houses assist last year?", "How many women did the legal clinics assist last year?")),
    ("At the border, how many people did the teams register compared with how many they referred?",
     ("At the border, how many people did the teams register?", "At the border, how many people they referred?")),
    # a scope before a comma, a year after "which total was bigger", a participle after the counted noun
    ("In the camps, how many latrines were built, and how many were repaired?",
     ("In the camps: how many latrines were built?", "In the camps: how many were repaired?")),
    ("Which total was bigger in 2024: the loans paid out by the cooperatives, or the grants paid by the fund? Give both.",
     ("How many loans paid out by the cooperatives in 2024?", "How many grants paid by the fund in 2024?")),
    ("Who had more teachers certified: the ministry's summer course, or the NGO's evening classes? Both figures please.",
     ("How many teachers were certified by the ministry's summer course?",
      "How many teachers were certified by the NGO's evening classes?")),
    ("How many days for an asylum claim to be registered, and how many for an appeal to be heard?",
     ("How many days for an asylum claim to be registered?", "How many days for an appeal to be heard?")),
])
def test_more_two_figure_forms_are_split(question: str, halves: tuple[str, str]) -> None:
    from qa.compound import split_compound

    assert split_compound(question) == halves


def test_a_which_was_more_between_two_groups_given_with_an_irregular_participle(qa_kb_marovia) -> None:
    a = answer("Were more refugees placed in formal jobs or given seed capital? Both numbers please.", qa_kb_marovia)
    assert a.text is not None and "912" in a.text and "640" in a.text


def test_two_names_asked_together_are_both_answered() -> None:
    kb = _kb_from_text(
        "Legal aid. The Tessaro Bar Association (TBA) gave free legal advice to 2,300 asylum-seekers in the capital.\n\n"
        "Women. The Marlo Women's Network (MWN) ran six safe spaces for women and girls along the border.\n\n"
        + _ORVALIA)
    a = answer("Which association gave the free legal advice, and which network ran the safe spaces for women?", kb)
    assert a.text is not None and ("Tessaro Bar Association" in a.text or "TBA" in a.text) and "MWN" in a.text


def test_a_role_noun_in_the_second_half_borrows_the_first_halfs_topic() -> None:
    from qa.compound import split_compound

    first, second = split_compound("How many families got winter kits, and what share of the recipients were "
                                   "headed by women?")
    assert first == "How many families got winter kits?"
    assert "winter kits" in second and second.startswith("What share of the recipients")
