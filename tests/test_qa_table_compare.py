"""Questions that compare rows of the results tables (made-up Marovia report; wording unlike the eval sets)."""

from __future__ import annotations

import pytest

from qa import answer


@pytest.mark.parametrize(("question", "expected", "absent"), [
    # actual below baseline, within the area named
    ("Among the well-being and basic needs indicators, which one slipped below its baseline?", "8.1", "8.2"),
    # a plural question gets every row the comparison picks
    ("Which gender-based violence indicators fell short of their targets?", "4.1", None),
    ("Which gender-based violence indicators fell short of their targets?", "4.3", None),
    # a target met; the text-scale row of the same area is not compared
    ("Which women's community engagement indicator surpassed its target?", "7.3", "7.1"),
    # the largest change, among percentages only when the question says so
    ("Among the impact indicators in percent, which rose the most from its baseline?", "1.1", "4.3b"),
])
def test_an_indicator_comparison_picks_its_row(qa_kb_marovia, question: str, expected: str, absent: str | None) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and f"indicator {expected} " in a.text
    if absent:
        assert f"indicator {absent} " not in a.text
    assert a.citations and a.citations[0].text.strip()


def test_a_largest_change_over_counts_and_percentages_together_is_not_guessed(qa_kb_marovia) -> None:
    a = answer("Which impact indicator rose the most from its baseline?", qa_kb_marovia)
    assert a.text is None or "indicator 4.3b" not in a.text


@pytest.mark.parametrize(("question", "expected"), [
    ("Between the Assist and Solve impact areas, which one spent less?", "IA4"),
    ("Had Education or Children the bigger budget?", "OA5"),
    ("Which outcome area had the second-largest budget?", "OA13"),
    ("On which impact area was the least money spent?", "IA4"),
])
def test_budget_rows_are_compared_on_the_column_asked(qa_kb_marovia, question: str, expected: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and a.text.startswith(expected)


def test_an_indicator_named_by_its_two_values_is_found(qa_kb_marovia) -> None:
    a = answer("One child protection indicator went from 12.00% to 18.62%. What is it about?", qa_kb_marovia)
    assert a.text is not None and "5.2" in a.text and "community-based" in a.text


def test_what_was_spent_on_an_area_is_its_expenditure(qa_kb_marovia) -> None:
    a = answer("What did UNHCR really spend on community engagement and women's empowerment?", qa_kb_marovia)
    assert a.text is not None and "356,812" in a.text


def test_what_money_was_spent_on_asks_the_things_bought() -> None:
    from qa.intent import detect

    assert detect("On what did the families spend their grants?").kind != "finance"
    assert detect("What did the families mostly spend their grants on?").kind != "finance"


def test_before_the_report_year_asks_the_baseline(qa_kb_marovia) -> None:
    a = answer("Prior to 2025, what proportion of people held an account at a bank or other financial institution?",
               qa_kb_marovia)
    assert a.text is not None and a.text.startswith("baseline 31.50%")


@pytest.mark.parametrize(("question", "expected"), [
    # a rounded figure names the row whose printed value rounds to it
    ("Which outcome area was given a budget of about 4.56 million dollars?", "OA1"),
    ("Which impact area ended the year with some 2.3 million available?", "IA3"),
])
def test_a_rounded_figure_names_its_budget_row(qa_kb_marovia, question: str, expected: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and a.text.startswith(f"{expected}:")


def test_a_rounded_figure_two_rows_share_names_no_row_from_the_table(qa_kb_marovia) -> None:
    from qa.answer import question_context
    from qa.model import AnswerOptions
    from qa.tables import answer_row_by_value

    # OA2 (1,208,455) and OA7 (1,204,338) both round to 1.2 million
    ctx = question_context("Which outcome area had a budget of roughly 1.2 million?", qa_kb_marovia, None, AnswerOptions())
    assert answer_row_by_value(ctx) is None


def test_a_column_named_beats_the_verb_of_the_question(qa_kb_marovia) -> None:
    # "received" alone would read the funds available; "final budget" names the column
    a = answer("Which impact area received the largest final budget?", qa_kb_marovia)
    assert a.text is not None and a.text.startswith("IA2:") and "final budget" in a.text


@pytest.mark.parametrize(("question", "expected", "absent"), [
    # distance between the actual value and the target, as a share of the target, either side
    ("Which child protection indicator ended the year nearest its goal?", "5.2", "5.1"),
    ("In the livelihoods area, which indicator remained farthest from its target?", "13.2", "13.1"),
    # a target set below the baseline: a lower-is-better indicator (unemployment)
    ("Which livelihoods indicator has a target set under its baseline?", "13.3", "13.1"),
    # other words for a rise or a fall, and "their" baselines
    ("Which basic needs indicator dipped during the year?", "8.1", "8.2"),
    ("Which impact indicators ended below their baselines?", "3.3", "1.1"),
    # above the target as printed (a lower-is-better row above its target is above it too)
    ("Which outcome indicators finished above their targets?", "7.3", "5.1"),
    ("Which outcome indicators finished above their targets?", "13.3", "1.1"),
])
def test_distance_to_target_and_other_words_for_change(qa_kb_marovia, question: str, expected: str, absent: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and f"indicator {expected} " in a.text
    assert f"indicator {absent} " not in a.text


@pytest.mark.parametrize(("question", "expected", "absent"), [
    # a threshold on the share of the budget funded: every row on its side
    ("Which outcome areas got under a fifth of their budget in funding?", ["OA11", "OA13"], "OA4"),
    ("Which outcome areas had over half of their budgets funded?", ["OA2", "OA15"], "OA1"),
    # the rows an aside names leave the ranking
    ("Ignoring resettlement, which area in the outcome budget table had the best funding rate?", ["EA20"], "OA15"),
    # the table prints "OA4: GBV"; the question uses the section's full title
    ("Did Children or Gender-based Violence have more money available?", ["OA4"], None),
])
def test_budget_rows_by_threshold_aside_and_full_title(qa_kb_marovia, question: str, expected: list[str],
                                                         absent: str | None) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None
    assert all(f"{code}:" in a.text for code in expected)
    if absent:
        assert f"{absent}:" not in a.text


def test_the_area_whose_share_is_nearest_a_given_figure(qa_kb_marovia) -> None:
    a = answer("Which outcome area's funding rate was nearest to 30%?", qa_kb_marovia)
    assert a.text is not None and a.text.startswith("OA7:")


def test_a_rating_scale_row_holds_one_value_when_its_columns_print_the_same_rating() -> None:
    from ingest.model import AreaRef, IndicatorRow, Value
    from qa.table_compare import _same

    def row(*texts: str) -> IndicatorRow:
        b, t, a = (Value(x, None) for x in texts)
        return IndicatorRow("7.1", "Extent participation is supported", AreaRef("OA7", "outcome", "Community"),
                            "Refugees", b, t, a, "scale", (3,), "p1", 0, 10)

    assert _same(row("Extensive: ≥70 points", "Extensive:  ≥70 points", "Extensive: ≥70 points"),
                 ("baseline", "target", "actual"))
    assert not _same(row("Moderate: 50-69 points", "Moderate: 50-69 points", "Extensive: ≥70 points"),
                     ("baseline", "target", "actual"))


def test_a_value_printed_by_several_rows_is_read_in_the_area_named(qa_kb_marovia) -> None:
    # 60% is the target of indicators 1.1, 5.1 and 7.3; the question names child protection
    a = answer("Which child protection indicator had a 60% target?", qa_kb_marovia)
    assert a.text is not None and "indicator 5.1 " in a.text


@pytest.mark.parametrize("wording", ["stayed exactly flat", "held steady", "remained level", "stayed the same"])
def test_words_for_no_change_compare_baseline_and_result(wording: str) -> None:
    from ingest.model import AreaRef, IndicatorRow, Value
    from qa.table_compare import _comparison

    comparison = _comparison(f"which impact indicators {wording} between baseline and 2023?")
    assert comparison is not None and comparison[0] == "filter"
    row = IndicatorRow("2.3", "Access to health services", AreaRef("IA2", "impact", "Rights"), "Refugees",
                       Value("58.27%", 58.27), None, Value("58.27%", 58.27), "percent", (4,), "p", 0, 9)
    assert comparison[1](row)


def test_a_budget_line_is_no_amount_per_household_or_per_month(qa_kb_marovia) -> None:
    a = answer("How much money did each refugee family get per month from the Assist area?", qa_kb_marovia)
    assert a.text is None or "13,179,820" not in a.text
    total = answer("How much money did the Assist area have in its final budget?", qa_kb_marovia)
    assert total.text is not None and "13,179,820" in total.text


@pytest.mark.parametrize(("question", "expected", "absent"), [
    # worse is down for most indicators and up for a harm: the poverty rate rose, feeling safe fell
    ("Which impact indicators deteriorated over the year?", ["2.1", "3.3"], "1.1"),
    ("Which gender equality impact indicators got better over the year?", ["3.1", "3.2a"], "3.3"),
    ("Which outcome indicator in percent outstripped its target?", ["7.3"], "13.3"),
])
def test_worse_and_better_know_which_way_an_indicator_should_go(qa_kb_marovia, question: str, expected: list[str],
                                                                 absent: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and all(f"indicator {code} " in a.text for code in expected)
    assert f"indicator {absent} " not in a.text


def test_what_an_indicator_given_by_its_values_measures(qa_kb_marovia) -> None:
    a = answer("What does the indicator that went from 41.30% to 43.90% track?", qa_kb_marovia)
    assert a.text is not None and "poverty line" in a.text


@pytest.mark.parametrize(("question", "expected"), [
    # a table code asked for what it covers, with the area's full title from the section tree
    ("What does the budget line coded OA11 cover?", "OA11: Education"),
    ("The 'IA3: Empower' budget line matches which impact area as titled in the overview?",
     "IA3: Empowering Communities and Achieving Gender Equality"),
    # a value printed by an impact and an outcome row: the level named says which
    ("Which of the four impact areas was funded at 84.14% of its final budget?", "IA4:"),
    ("Which outcome-area line had 16.06% of its budget funded?", "OA11:"),
    # the area's title names the section the row sits in, not a campaign the table does not concern
    ("What result does the Access to Territory, Registration and Documentation table give for indicator 1.3?",
     "14.10%"),
])
def test_table_rows_named_by_code_value_or_section(qa_kb_marovia, question: str, expected: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and expected in a.text


@pytest.mark.parametrize(("question", "expected", "absent"), [
    # a range of money, with the scale written once, and a threshold of money, in the column the words name
    ("Which outcome lines had funds available of between 1.5 and 2 million?", ["OA1"], "OA13"),
    ("Which outcome areas were budgeted at more than USD 6 million?", ["OA8", "OA13"], "OA1"),
    # a place in a ranking asked without a superlative
    ("Sorted by funds available, which impact area ranks third?", ["IA3"], "IA1"),
    # a sum spelled out in words names its row
    ("Which impact area had a final budget of thirteen million dollars?", ["IA2"], "IA1"),
])
def test_budget_rows_by_a_range_of_money_a_ranking_place_or_a_spelled_sum(qa_kb_marovia, question: str,
                                                                          expected: list[str], absent: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None
    assert all(f"{code}:" in a.text for code in expected)
    assert f"{absent}:" not in a.text


@pytest.mark.parametrize(("question", "expected"), [
    ("Which code does the outcome budget table use for education?", "OA11"),
    ("What is the table code of the well-being area?", "OA8"),
])
def test_the_code_of_an_area_named_in_words(qa_kb_marovia, question: str, expected: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and a.text.startswith(expected + " ")


def test_an_indicator_code_or_a_code_of_conduct_is_not_an_area_code(qa_kb_marovia) -> None:
    for question in ("Under which indicator code does the education table report enrolment?",
                     "What code of conduct do education staff follow?"):
        a = answer(question, qa_kb_marovia)
        assert a.text is None or not a.text.startswith("OA11 ")


@pytest.mark.parametrize(("question", "expected"), [
    # two figures the question rounds ("roughly", "around") name the row printing both
    ("An impact measure dropped from roughly 44% to around 40% in the year. What is it?", "3.3"),
    # where a measure began and where it landed are its values, not places
    ("Secondary school enrolment: where did it begin and where did it land in 2025?", "3.2b"),
    # a yes/no on the target, then the values asked
    ("Did UNHCR hit its target for women taking part in leadership structures? State the target and the actual.", "7.3"),
])
def test_a_row_named_by_rounded_values_or_asked_for_its_values(qa_kb_marovia, question: str, expected: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and f"indicator {expected} " in a.text


@pytest.mark.parametrize(("question", "expected", "absent"), [
    # the area by the short title the budget table prints; a comparative of distance to the target
    ("Of the WASH indicators, which came closer to its target?", ["indicator 12.1 "], "indicator 12.2 "),
    # worse than it began, in other words
    ("Which housing indicator finished worse than it began?", ["indicator 9.1 "], "indicator 9.2 "),
    # every dollar spent: the rows at 100% of their funds, the value said once
    ("Which outcome lines spent all of their funds?", ["OA2:", "OA11:", "OA15:", "EA20:"], "OA13:"),
])
def test_nearer_worse_and_spent_in_full(qa_kb_nyandara, question: str, expected: list[str], absent: str) -> None:
    a = answer(question, qa_kb_nyandara)
    assert a.text is not None and all(e in a.text for e in expected) and absent not in a.text


def test_a_row_that_more_than_tripled(qa_kb_peru) -> None:
    a = answer("Which impact indicator more than tripled between its baseline and 2023?", qa_kb_peru)
    assert a.text is not None and a.text.startswith("indicator 1.1 ")


@pytest.mark.parametrize(("question", "expected", "absent"), [
    # the question spells out what the label abbreviates ("GBV services")
    ("What share of people knew where to turn for help with gender-based violence at the end of 2025?", "48.60%", "4.3 "),
    # other words for the budget columns
    ("How much did UNHCR disburse on education?", "301,115", "OA13"),
    ("Which outcome area had the biggest pot of available funding?", "OA8:", "OA1:"),
    # "just over 60%": within a few points above it, not every row above it
    ("Which outcome area had just over 60% of its budget funded?", "OA2:", "OA15:"),
])
def test_label_abbreviations_budget_words_and_near_thresholds(qa_kb_marovia, question: str, expected: str,
                                                               absent: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and expected in a.text[:25] and absent not in a.text


def test_rows_starting_at_zero(qa_kb_peru) -> None:
    a = answer("Which impact indicators began at zero?", qa_kb_peru)
    assert a.text is not None and "indicator 4.2a " in a.text and "indicator 4.2b " in a.text


@pytest.mark.parametrize(("question", "expected"), [
    # the lowest result itself, among the percentages
    ("Among the outcome indicators given in percent, which posted the highest 2025 result?", "indicator 8.2 "),
    # the smallest share of the money it had, spent
    ("Which outcome area spent the smallest share of the funds it had?", "OA13:"),
    # a part of the report named in the question is not a name the report must hold
    ("In Section 3's budget table, what code does the Protect line carry?", "IA1 "),
    ("A figure of 88,450 appears in the education section. What is it a count of?", "88,450"),
])
def test_lowest_results_spent_shares_report_parts_and_figures_asked_about(qa_kb_marovia, question: str,
                                                                           expected: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and expected in a.text


def test_a_donor_countrys_money_is_not_read_from_the_operations_budget_table(qa_kb_nyandara, qa_kb_peru) -> None:
    for kb, question in ((qa_kb_nyandara, "How much money did Germany provide to the Nyandara operation?"),
                         (qa_kb_peru, "How much funding did Canada give UNHCR's operation in Peru in 2023?")):
        a = answer(question, kb)
        assert a.text is None or "final budget" not in a.text
    # the report's own country is not a donor: the table answers for the operation in it
    own = answer("What was the final budget of the operation in Nyandara?", qa_kb_nyandara)
    assert own.text is not None and ("98,295,670" in own.text or "98.3 million" in own.text)


def test_the_rows_that_print_a_value_are_all_named_when_several_are_asked(qa_kb_marovia) -> None:
    a = answer("Which outcome indicators aimed for 95% by the end of the year?", qa_kb_marovia)
    assert a.text is not None and "indicator 1.2 " in a.text and "indicator 8.2 " in a.text
    assert "indicator 4.3 " not in a.text  # aimed for 90%


@pytest.mark.parametrize("question", [
    "Which indicator is reported on a rating scale, not as a share?",
    "Which of the outcome measures is graded in points rather than in percent?",
])
def test_the_indicator_measured_on_a_rating_scale(qa_kb_marovia, question: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and "indicator 7.1 " in a.text and "indicator 7.3 " not in a.text


@pytest.mark.parametrize(("question", "expected", "absent"), [
    ("Among the impact indicators given as percentages, which one started from the lowest initial level?", "1.1", "3.2a"),
    ("Which impact indicator in percent began at the highest baseline?", "3.2a", "1.1"),
])
def test_the_row_with_the_lowest_or_highest_baseline(qa_kb_marovia, question: str, expected: str, absent: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and f"indicator {expected} " in a.text and f"indicator {absent} " not in a.text


def test_the_number_of_the_indicator_a_question_describes(qa_kb_marovia) -> None:
    a = answer("What number does the results table give the measure of survivors happy with the GBV case "
               "management they received?", qa_kb_marovia)
    assert a.text is not None and a.text.startswith("indicator 4.3")
    a = answer("Under which code does the budget table list child protection?", qa_kb_marovia)
    assert a.text is None or "indicator" not in a.text


def test_a_rating_scale_row_is_not_doubted_as_a_count_and_treaties_are_conventions(qa_kb_marovia) -> None:
    from qa.text import terms

    assert set(terms("treaties")) == set(terms("conventions"))
    a = answer("At baseline, how did the extent of participation of displaced people across programme phases rate?",
               qa_kb_marovia)
    assert a.text is not None and "Moderate" in a.text
    assert not any("is a count" in n for n in a.notes)


def test_which_measure_is_named_by_its_target_and_which_ones_share_a_target(qa_kb_nyandara) -> None:
    a = answer("Which measure was UNHCR aiming to push up to 90% in the tables?", qa_kb_nyandara)
    assert a.text is not None and "drinking water" in a.text
    a = answer("Two health indicators share a 95% goal. Which ones?", qa_kb_nyandara)
    assert a.text is not None and "measles" in a.text and "skilled health" in a.text


def test_lost_ground_lower_than_where_they_started_and_closest_in_points(qa_kb_nyandara) -> None:
    a = answer("Among the housing and settlements measures, which one went backwards compared with where it started?",
               qa_kb_nyandara)
    assert a.text is not None and "habitable" in a.text and "lighting" not in a.text
    a = answer("Which impact indicators finished lower than where they started?", qa_kb_nyandara)
    assert a.text is not None and "move freely" in a.text and "physically safe" in a.text and "health services" not in a.text
    a = answer("Of the education measures, which one ended closest, in percentage points, to the level UNHCR was "
               "aiming for?", qa_kb_nyandara)
    assert a.text is not None and "tertiary" in a.text


def test_which_indicator_came_out_lowest(qa_kb_nyandara) -> None:
    a = answer("Among the impact indicators given as percentages, which one ended up the lowest?", qa_kb_nyandara)
    assert a.text is not None and "secondary" in a.text


def test_a_hyphenated_child_word_does_not_make_a_budget_question_per_child(qa_kb_marovia) -> None:
    a = answer("For a child-protection briefing, what was the final budget of the Assist area?", qa_kb_marovia)
    assert a.text is not None and "13,179,820" in a.text


@pytest.mark.parametrize(("question", "expected"), [
    # the money an area needed is its budget; covered / funded relative to it is the funded share
    ("What share of the money it needed did the Assist area actually have covered?", "%"),
    ("Compared to what it needed, which impact area was the least well funded?", "IA3"),
])
def test_the_money_needed_is_the_budget_and_a_share_of_it_is_the_funded_rate(
        qa_kb_marovia, question: str, expected: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.kind == "finance" and a.text is not None and expected in a.text.split(" (")[0]
    assert "as % of budget" in a.text


def test_the_code_a_table_counts_something_under_is_the_rows_number_not_the_areas(qa_kb_marovia) -> None:
    a = answer("Under which code does the solutions impact table count people who went abroad through "
               "complementary pathways?", qa_kb_marovia)
    assert a.text is not None and "4.2b" in a.text and "IA4" not in a.text


def test_a_rows_number_and_its_level_asked_together_come_back_together(qa_kb_marovia) -> None:
    a = answer("What number does the GBV results table give the share of people who know where to find GBV "
               "services, and where did it stand at the end of 2025?", qa_kb_marovia)
    assert a.text is not None and "4.1" in a.text and "48.60%" in a.text
    assert len(a.citations) >= 1 and len(a.citations[0].highlights) >= 2


@pytest.mark.parametrize(("question", "expected", "others"), [
    # "versus" sets two rows against each other; the money on hand is the funds available
    ("Education versus well-being: which of these outcome areas had less money on hand?", "OA11", ["3,618,904"]),
    # three rows named, a superlative picks one
    ("Comparing the community, livelihood and external engagement lines, which one spent the least?", "OA7",
     ["1,251,846", "702,455"]),
])
def test_budget_rows_set_against_each_other_in_other_words(qa_kb_marovia, question: str, expected: str,
                                                             others: list[str]) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.kind == "finance" and a.text is not None and a.text.startswith(expected)
    assert all(o in a.text for o in others)
