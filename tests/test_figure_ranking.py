"""How figures are told apart inside a sentence, and the check of the hand ranking against a fitted one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa import answer
from qa.figure_ranker import HAND_RANK
from qa.figure_words import (
    asks_change,
    asks_earlier,
    end_of_range,
    figure_label,
    in_ratio,
    ratio_end,
    start_of_range,
    states_change,
    states_earlier,
)
from qa.text import numbers
from qa.training import Group, collect_groups, top1, train


def _number(raw: str, text: str):
    return next(n for n in numbers(raw) if n.text == text)


@pytest.mark.parametrize(
    ("sentence", "figure", "is_change"),
    [
        ("The UPE assisted 1,823 cases, representing an increase of 8.4% over 2022.", "8.4%", True),
        ("The UPE assisted 1,823 cases, representing an increase of 8.4% over 2022.", "1,823", False),
        ("This led to a 20% increase in the number of people insured.", "20%", True),
        ("The units helped 2,960 children, 14% more than in 2024, and 61% of them were alone.", "14%", True),
        ("The units helped 2,960 children, 14% more than in 2024, and 61% of them were alone.", "61%", False),
        ("Enrolment rose by 12% during the year.", "12%", True),
    ],
)
def test_a_change_is_told_from_a_level(sentence: str, figure: str, is_change: bool) -> None:
    assert states_change(sentence, _number(sentence, figure)) is is_change


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("By what percentage did the caseload grow year on year?", True),
        ("How much did enrolment in health insurance rise over 2022?", True),
        ("How many children did the units help?", False),
        ("What share of the survivors were women?", False),
    ],
)
def test_a_question_about_change_is_recognised(question: str, asked: bool) -> None:
    assert asks_change(question) is asked


@given(st.integers(1, 10**6), st.integers(1, 10**6), st.sampled_from(["public defenders", "schools", "staff"]))
def test_from_a_to_b_marks_both_ends(a: int, b: int, noun: str) -> None:
    if a == b:
        return
    raw = f"UNHCR funding doubled the number of {noun}, from {a:,} to {b:,}."
    first, second = [n for n in numbers(raw)][:2]
    assert start_of_range(raw, first) and not end_of_range(raw, first)
    assert end_of_range(raw, second) and not start_of_range(raw, second)


def test_the_figure_reached_is_the_answer_to_how_many_after(qa_kb_marovia) -> None:
    # worded unlike any evaluation question: the sentence says "increase of 23% compared to 2024"
    a = answer("By how much did the number of survivors assisted by the CACs rise compared with 2024?",
               qa_kb_marovia)
    assert a.text is not None and "23%" in a.text and "87%" not in a.text.split("(")[0]


@pytest.mark.parametrize(
    ("sentence", "figure", "earlier"),
    [
        ("Of the graduates, 34% earned above the minimum wage, compared to 9% before the course.", "9%", True),
        ("Of the graduates, 34% earned above the minimum wage, compared to 9% before the course.", "34%", False),
        ("Income rose for 58% of households (with a baseline of 12% of them above the line).", "12%", True),
        ("Waiting times fell from 80 days to 31 days.", "80", True),
        ("Waiting times fell from 80 days to 31 days.", "31", False),
        ("UNHCR registered 4,100 people before the end of the year.", "4,100", False),
    ],
)
def test_the_earlier_of_two_states_is_recognised(sentence: str, figure: str, earlier: bool) -> None:
    assert states_earlier(sentence, _number(sentence, figure)) is earlier


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What share of trainees had a formal job prior to the course?", True),
        ("Before the programme, how many households were below the poverty line?", True),
        ("How many people were registered before the end of 2025?", False),
        ("What share of trainees had a formal job?", False),
    ],
)
def test_a_question_about_the_earlier_state_is_recognised(question: str, asked: bool) -> None:
    assert asks_earlier(question) is asked


@pytest.mark.parametrize(("place", "figure"), [("the USA", "468"), ("Norway", "26"), ("Canada", "120")])
def test_a_named_part_of_a_total_beats_the_total(qa_kb_marovia, place: str, figure: str) -> None:
    # "submitted 655 refugees for resettlement (41 to Spain, 120 to Canada, 468 to the United States
    # and 26 to Norway)": the question names one destination, in words the report does not use
    a = answer(f"How many refugees did UNHCR put forward to {place} for resettlement?", qa_kb_marovia)
    assert a.text is not None and a.text.split()[0] == figure


def test_the_total_is_kept_when_no_part_is_named(qa_kb_marovia) -> None:
    a = answer("How many refugees did UNHCR put forward for resettlement in 2025?", qa_kb_marovia)
    assert a.text is not None and a.text.startswith("655")


@pytest.mark.parametrize(
    ("sentence", "figure", "label"),
    [
        ("It was mostly spent on food (81%), rent (68%) and medicine (37%).", "68%", "rent"),
        ("The most frequent type was psychological, with 42.7%, followed by physical (38.3%).", "42.7%", "psychological"),
        ("The assessment was held with 129 people in Lima.", "129", ""),
        ("The plan reached 4,000 people (an increase of 12% over 2022).", "12%", ""),
    ],
)
def test_the_word_a_figure_is_given_for(sentence: str, figure: str, label: str) -> None:
    assert figure_label(sentence, _number(sentence, figure)) == label


@pytest.mark.parametrize(("item", "figure"), [("rent", "71%"), ("medicines", "35%"), ("food", "79%")])
def test_a_share_listed_by_item_is_read_for_the_item_asked(qa_kb_marovia, item: str, figure: str) -> None:
    # "spent on food (79%), rent (71%) and medicine (35%)"
    a = answer(f"What percentage of the cash went on {item}, per the monitoring?", qa_kb_marovia)
    assert a.text is not None and a.text.split()[0] == figure


def _group(report: str, qid: str, right_has_signal: bool = True) -> Group:
    # the right candidate has the signal feature and a worse sentence than the wrong ones
    features = [{"sentence": 0.5, "signal": 1.0 if right_has_signal else 0.0},
                {"sentence": 0.9, "signal": 0.0}, {"sentence": 0.8, "signal": 0.0}]
    return Group(qid, report, features, [True, False, False])


def test_a_fitted_ranking_learns_a_feature_the_hand_weights_ignore() -> None:
    groups = [_group(r, f"{r}-{i}") for r in ("alpha", "beta") for i in range(12)]
    groups += [Group("alpha-x", "alpha", [{"sentence": 0.9}, {"sentence": 0.2}], [True, False])]
    result = train(groups)
    assert top1(groups, HAND_RANK) < 0.1  # the hand weights prefer the better sentence
    assert all(row["learned"] > 0.9 for row in result.cross_validation)
    assert result.weights["signal"] > 0


def test_fitting_needs_two_reports() -> None:
    with pytest.raises(ValueError, match="two reports"):
        train([_group("alpha", f"a{i}") for i in range(5)])


def test_candidates_are_labelled_from_the_expected_answer(qa_kb_marovia) -> None:
    sentence = "In 2025, the CACs assisted 2,684 refugee and migrant survivors"
    item = {"id": "t1", "question": "How many survivors did the comprehensive care centres assist in 2025?",
            "answers": ["2,684"], "all_of": [], "evidence": [sentence], "type": "number", "split": "dev"}
    held_out = dict(item, id="t2", split="heldout")
    groups = collect_groups(qa_kb_marovia, [item, held_out])
    assert [g.question_id for g in groups] == ["t1"]  # held-out questions are never read
    (g,) = groups
    assert sum(g.right) >= 1 and not all(g.right)
    assert all("sentence" in f for f in g.features)


def test_a_duration_question_gets_a_length_of_time(qa_kb_marovia) -> None:
    a = answer("For how long was the Aguaclara valley flooded after the cyclone?", qa_kb_marovia)
    assert a.text is not None and "six weeks" in a.text
    assert "USD" not in a.text


def test_an_action_said_in_other_words_is_recognised_by_the_encoder(qa_kb_build) -> None:
    # the report: "The Roundtable reached an agreement with four banks …"; the question never says "agreement"
    a = answer("How many banks did the Financial Inclusion Roundtable strike a deal with, so refugees can open accounts?", qa_kb_build,
               report="unhcr-arr-2025-marovia")
    assert a.text is not None and "four banks" in a.text


def test_the_encoder_tells_a_paraphrase_from_other_phrases(qa_kb_build) -> None:
    sim, phrase = qa_kb_build.paraphrase("strike a deal", ["four banks", "reached an agreement", "digital certificate"])
    assert phrase == "reached an agreement" and sim >= 0.5


def test_without_an_encoder_no_paraphrase_is_guessed(qa_kb_marovia, qa_kb_build) -> None:
    assert qa_kb_marovia.paraphrase("strike a deal", ["reached an agreement"]) is None
    question = "How many banks did the Financial Inclusion Roundtable strike a deal with, so refugees can open accounts?"
    lexical = answer(question, qa_kb_marovia)
    encoded = answer(question, qa_kb_build, report="unhcr-arr-2025-marovia")
    assert lexical.confidence < encoded.confidence  # the doubt about "strike" stays


def test_an_unrelated_action_is_not_taken_for_a_paraphrase(qa_kb_build) -> None:
    a = answer("How many refugees were vaccinated against measles by UNHCR in Bajo Luno?", qa_kb_build,
               report="unhcr-arr-2025-marovia")
    assert a.text is None


def test_a_change_asked_is_answered_by_the_change_not_the_level(qa_kb_peru) -> None:
    # "… led to a 20% increase in the number of forcibly displaced people benefiting from public
    # insurance compared to 2022"; the same paragraph gives levels (74% …) as well
    a = answer("By how much did the number of forcibly displaced people with public health insurance rise "
               "compared to 2022?", qa_kb_peru)
    assert a.text is not None and a.text.startswith("20%")


def test_a_noun_said_in_other_words_is_found_and_an_unrelated_one_is_not(qa_kb_build, qa_kb_marovia) -> None:
    from qa.answer import question_context
    from qa.model import AnswerOptions
    from qa.paraphrase import said_otherwise

    question = "Where did the parliament's human rights committee hold hearings on the draft law?"
    text = "UNHCR supported the Human Rights Committee of the National Assembly in holding public hearings in two cities"
    ctx = question_context(question, qa_kb_build, None, AnswerOptions())
    assert said_otherwise(ctx, "parliament", text) == "National Assembly"
    assert said_otherwise(ctx, "vaccinated", text) is None
    lexical = question_context(question, qa_kb_marovia, None, AnswerOptions())
    assert said_otherwise(lexical, "parliament", text) is None  # no encoder, no guess


def test_a_change_does_not_answer_what_a_rate_was(qa_kb_build) -> None:
    # "(increasing 430% the rate from 2022." says how much a rate grew, not what it was
    a = answer("What was the acceptance rate for resettlement cases in 2022?", qa_kb_build, report="unhcr-arr-2023-peru")
    assert a.text is None or "430%" not in a.text


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        ("Around one in four school-age children remained out of school.", "one", "four"),
        ("Two out of five households had no income.", "Two", "five"),
        ("3 in 10 women reported it.", "3", "10"),
    ],
)
def test_a_ratio_is_read_as_one_figure(sentence: str, first: str, second: str) -> None:
    a, b = _number(sentence, first), _number(sentence, second)
    assert ratio_end(sentence, a) == b.end and not in_ratio(sentence, a)
    assert in_ratio(sentence, b) and not ratio_end(sentence, b)


def test_a_count_in_a_year_is_not_a_ratio() -> None:
    raw = "Processing time fell to 54 in 2023."
    assert not ratio_end(raw, _number(raw, "54")) and not in_ratio(raw, _number(raw, "2023"))


def test_a_share_said_as_a_ratio_answers_what_share(qa_kb_marovia) -> None:
    # "… around one in four school-age Ostrenian children remained out of school"
    a = answer("What fraction of school-age Ostrenian children were out of school?", qa_kb_marovia)
    assert a.text is not None and a.text.startswith("one in four")


def test_people_named_by_their_country_are_the_people_asked_about(qa_kb_build) -> None:
    # "Forcibly displaced and stateless people from Venezuela … struggle with limited access to formal
    # employment … with 80% lacking formal contracts": "Venezuelan workers" are those people
    a = answer("What percentage of Venezuelan workers in Peru lack a formal work contract?", qa_kb_build,
               report="unhcr-arr-2023-peru")
    assert a.text is not None and a.text.startswith("80%")


def test_a_figure_in_a_clause_that_refers_back_is_about_what_came_before(qa_kb_build) -> None:
    # "MIFAS approved the above protocol in September; it requires that every unaccompanied child be
    # referred to a UPI within 12 hours and that …": "it" is the protocol MIFAS approved
    a = answer("Under the protocol MIFAS approved, how quickly must an unaccompanied child be referred to a UPI?",
               qa_kb_build, report="unhcr-arr-2025-marovia")
    assert a.text == "12 hours"


def test_two_sentences_counting_the_same_noun_give_both_figures() -> None:
    # "742 complaints" and "9,874 complaints of tenants and workers" count the same thing (the noun
    # before "of"): when the question fits both, the answer says the report gives two figures
    from tests.test_qa import _kb_from_text

    kb = _kb_from_text(
        "The municipal legal clinics handled 9,874 complaints of tenants and workers during the year, most of "
        "them about unpaid wages.\n\nConcerning refugee tenants and workers, the clinics handled 742 complaints, "
        "15% more than in the year before, of which 61% came from women.\n"
    )
    a = answer("How many complaints of tenants and workers were handled by the clinics?", kb)
    assert a.text is not None and "742" in a.text and "9,874" in a.text
    assert any("two different figures" in n for n in a.notes)


def test_the_words_before_a_figure_after_and_are_its_own() -> None:
    # "… registration of almost 5,200 to job-matching platforms, and job-placing 240": "job-placing"
    # says what 240 counts, not 5,200
    from tests.test_qa import _kb_from_text

    kb = _kb_from_text(
        "Livelihoods\n\nCash assistance reached 1,200 households in the northern districts during the year.\n\n"
        "UNHCR trained 210 teachers on inclusive education in the Kessa region.\n\n"
        "UNHCR contributed by giving advice to more than 1,300 people on how to find formal work, supporting the "
        "registration of almost 5,200 to job-matching platforms, and job-placing 240 (where half were women).\n"
    )
    a = answer("How many people did UNHCR place in jobs?", kb)
    assert a.text is not None and a.text.startswith("240")


def test_the_people_served_need_not_be_named_by_the_sentence(qa_kb_peru) -> None:
    # "refugees and migrants" are whom every passage of the report is about
    a = answer("Through UNHCR, how many refugees and migrants were placed in jobs?", qa_kb_peru)
    assert a.text is not None and a.text.startswith("388")


def test_led_to_is_resulted_in() -> None:
    from tests.test_qa import _kb_from_text

    kb = _kb_from_text(
        "Work\n\nCash assistance reached 1,200 households in the northern districts during the year.\n\n"
        "UNHCR trained 210 teachers on inclusive education in the Kessa region.\n\n"
        "By the end of 2023 the labour office had received 8,400 work permit applications, of which 5,120 "
        "resulted in a permit and 900 were still pending.\n"
    )
    a = answer("By the end of 2023, how many work permit requests had led to a permit?", kb)
    assert a.text is not None and "5,120" in a.text


def test_guidance_and_counselling_say_the_same_as_advice() -> None:
    # the question's "counselled" and the report's "orientation": one action in other words, not a
    # verb the report never uses
    from tests.test_qa import _kb_from_text

    kb = _kb_from_text(
        "Livelihoods\n\nCash assistance reached 1,200 households in the northern districts during the year.\n\n"
        "Partners provided orientation to 2,450 refugees on how to open a business, and 60% of them started one.\n"
    )
    a = answer("How many refugees were counselled on setting up a business?", kb)
    assert a.text is not None and "2,450" in a.text
    assert not any("never says" in n for n in a.notes)


def test_a_share_of_people_the_sentence_does_not_qualify_so_is_not_answered() -> None:
    # "unaccompanied" is a state of the children asked about, not something done to them: a share of
    # children in general does not answer it
    from tests.test_qa import _kb_from_text

    kb = _kb_from_text(
        "Child protection\n\nThe municipal child protection units handled 940 cases of refugee children in 2024, "
        "an increase of 12% over 2023, of which 61% were children from Ostrenia.\n\n"
        "Cash assistance reached 1,200 households in the northern districts during the year.\n"
    )
    asked = answer("What share of the 940 cases handled by the municipal child protection units were unaccompanied "
                   "children?", kb)
    assert asked.text is None or "61%" not in asked.text
    control = answer("What share of the 940 cases handled by the municipal child protection units were children from "
                     "Ostrenia?", kb)
    assert control.text is not None and "61%" in control.text


_OSTRENIANS = (
    "Context\n\nMost refugees in Tana are Ostrenians who fled the conflict in 2021; Ostrenians live mainly in the "
    "capital. A few hundred Syrians also arrived by air.\n\n"
    "Protection\n\nThe asylum commission registered 2,100 new claims, most of them from Ostrenians.\n\n"
    "Health\n\nMobile clinics saw 5,400 patients, including many Ostrenians without insurance.\n\n"
    "Education\n\nSome 3,000 Ostrenian children enrolled in public schools.\n\n"
    "Livelihoods\n\nBy the end of the year, more than 800 people had registered in the job-matching database of the "
    "chamber of commerce, and 95 of them found formal jobs.\n\n"
    "Shelter\n\nThe municipal shelters hosted 1,150 people during the cold season.\n\n"
    "Water\n\nUNHCR repaired 14 wells in the northern districts and trained 60 water committee members.\n\n"
    "Cash\n\nMultipurpose cash reached 4,200 households, most of them headed by women.\n\n"
    "Coordination\n\nThe inter-agency working group met monthly with the Ministry of Social Affairs.\n\n"
    "Legal aid\n\nPartner lawyers represented 640 asylum-seekers before the appeals board.\n\n"
    "Child protection\n\nCase workers followed 310 unaccompanied children, referring them to foster families.\n\n"
    "Communication\n\nA hotline answered 9,800 calls about documentation and services.\n"
)


def test_the_nationality_a_report_is_about_goes_without_saying() -> None:
    # the report's refugees are mostly Ostrenians: "people" in its sentences are them; a nationality
    # it names once is not
    from tests.test_qa import _kb_from_text

    kb = _kb_from_text(_OSTRENIANS)
    a = answer("How many Ostrenians signed up in the chamber of commerce's job-matching database?", kb)
    assert a.text is not None and "800" in a.text
    other = answer("How many Syrians signed up in the chamber of commerce's job-matching database?", kb)
    assert other.text is None or "800" not in other.text


def test_a_share_of_a_group_needs_a_sentence_that_names_the_group() -> None:
    # "what proportion … were women": an acceptance rate of the same people is not it
    from tests.test_qa import _kb_from_text

    kb = _kb_from_text(
        "Resettlement\n\nWith an acceptance rate of 92%, the operation submitted 860 refugees for resettlement to third "
        "countries in 2024.\n\nEducation\n\nSome 3,000 refugee children enrolled in public schools, 48% of them girls.\n\n"
        "Cash\n\nMultipurpose cash reached 4,200 households, most of them headed by women.\n"
    )
    asked = answer("What proportion of the 860 refugees submitted for resettlement were women?", kb)
    assert asked.text is None or "92%" not in asked.text
    control = answer("What proportion of the 3,000 children enrolled in public schools were girls?", kb)
    assert control.text is not None and "48%" in control.text


@pytest.mark.parametrize("question", [
    "How much money did the Government of Norway give for the solar lamps?",
    "What was the value of the monthly multipurpose cash grant each household got?",
])
def test_a_sum_of_money_asked_is_not_answered_by_a_count(question: str) -> None:
    from tests.test_qa import _kb_from_text

    kb = _kb_from_text(
        "Energy\n\nWith funding from the Government of Norway, UNHCR distributed 3,400 solar lamps to refugee families "
        "in the camps and connected two health posts to the grid.\n\nCash\n\nMultipurpose cash grants reached 2,900 "
        "households (about 11,000 people) for three months in the northern districts.\n"
    )
    a = answer(question, kb)
    assert a.text is None or not any(n in a.text for n in ("3,400", "11,000", "2,900"))


@pytest.mark.parametrize(("question", "expected"), [
    ("How many refugee delegates won seats on the camp committees?", "430"),  # won = elected
    ("How many newcomers from Ostrenia did the reception centre register?", "8,700"),  # newcomers = new arrivals
    ("For how many community mediators did the settlements extend their mandates?", "120"),  # extend = renew
])
def test_everyday_words_for_elected_and_arrivals(question: str, expected: str) -> None:
    from tests.test_qa import _kb_from_text

    kb = _kb_from_text(
        "Participation\n\nIn March, 430 refugee delegates were elected to the camp committees of the three "
        "settlements, half of them women.\n\nMediation\n\nThe settlements renewed the mandates of 120 community mediators.\n\nArrivals\n\nThe border reception centre registered 8,700 new arrivals "
        "from Ostrenia, most of them women and children.\n\nCash assistance reached 1,200 households in the northern "
        "districts during the year.\n"
    )
    a = answer(question, kb)
    assert a.text is not None and expected in a.text


@pytest.mark.parametrize(("between", "pairs"), [
    (" (", True), (": ", True),
    (", the figure reached ", True), (", the rate stood at ", True), (", its share rose to ", True),
    (", and the camps received ", False),  # another clause: the figure is not the name's
])
def test_what_may_stand_between_a_name_and_its_figure(between: str, pairs: bool) -> None:
    from qa.figure_words import NAME_THEN_FIGURE

    assert bool(NAME_THEN_FIGURE.fullmatch(between)) is pairs


_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@given(st.sampled_from(_WORDS), st.sampled_from(_WORDS), st.sampled_from(["million", "thousand"]))
def test_an_and_between_two_spelled_numbers_separates_them(a: str, b: str, scale: str) -> None:
    # "between one and two million" names two sums; only "one hundred and two" is one number
    found = numbers(f"areas with between {a} and {b} {scale} dollars")
    assert [n.text for n in found] == [a, f"{b} {scale}"]
    assert found[1].value == (_WORDS.index(b) + 1) * {"million": 1e6, "thousand": 1e3}[scale]
    assert [n.value for n in numbers(f"{a} hundred and {b} people")] == [(_WORDS.index(a) + 1) * 100 + _WORDS.index(b) + 1]


def test_of_everyone_asks_a_part_and_a_nationality_reads_the_figure_given_for_its_country() -> None:
    from tests.test_qa import _kb_from_text

    kb = _kb_from_text(
        "Population. At the end of 2024 the country hosted 310,400 refugees. Of them, 251,000 were from Lomaria, "
        "47,300 from Tessaly and 12,100 from other countries.\n\n"
        "Regularization. A total of 88,500 people requested a permit, of which 9,240 were assisted at the centres "
        "UNHCR opened.\n\n"
        "Shelter. The shelter working group met monthly and shared a common needs assessment. Tessalian families "
        "mostly settled near the river.\n")
    a = answer("Of everyone who requested a permit, how many were assisted at the centres UNHCR opened?", kb)
    assert a.text is not None and a.text.startswith("9,240")
    a = answer("Of all the refugees hosted at the end of 2024, how many were Tessalians?", kb)
    assert a.text is not None and a.text.startswith("47,300")
