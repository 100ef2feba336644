"""How the figures of a sentence are ranked for "how many / how much / what share" questions.

``qa.figures`` describes every candidate figure by named features (does the noun after it match
the one asked, is the question's verb next to it, is it a percent when a share is asked, how well
its sentence covers the question, …). A candidate's score is a weighted sum of those features,
with the weights below, written while the rules were added one by one.

``reportgraph eval-figures`` (``qa.training``) checks them: it fits weights by pairwise logistic
regression on the dev questions of all but one report and compares both rankings on the left-out
report. Measured on three reports, the fitted weights were not better end to end, so the hand
weights stay; the command tells when new features or question sets change that.
"""

from __future__ import annotations

from collections.abc import Mapping

# What each rule of qa.figures adds to a figure's fit.
HAND_FIT: Mapping[str, float] = {
    "year_asked": 1.0, "not_year": -1.0, "year_prep": 1.2,
    "unit": 0.6, "unit_share": 0.4, "people": 0.5, "other_noun": -0.3, "no_noun": -0.1, "focus_noun": 0.5,
    "increment": -0.5, "age": -1.0,
    "percent": 0.8, "count_for_percent": -0.5, "percent_for_count": -0.7,
    "money": 0.6, "people_for_money": -0.8, "count_for_money": -0.5, "small_spelled": -0.4,
    "near": 0.4, "near_words": 0.6, "total": 1.0, "new": 0.6, "name_near": 0.5, "qualifier": 0.4,
    "verb": 0.5, "verb_missing": -0.5, "year_match": 0.15, "year_other": -0.8,
    "segment": 0.8, "part": 1.2, "whole": -1.0, "share_is": 0.8,
    "change": 1.2, "level_for_change": -0.8, "change_for_level": -0.8, "range_end": 0.5, "range_start": -0.3,
    "duration": 1.0, "not_duration": -2.0, "average": 1.2, "clause_miss": -1.0,
    "earlier": 1.2, "not_earlier": -0.8, "label": 1.0, "other_label": -0.6, "name_part": 0.6, "name_other": -0.6,
}
# The sentence's own score counts once, the figure's fit a quarter. Features without a weight here
# ("subset", "rank", "first_in_sentence", …) are recorded for eval-figures to weigh.
HAND_RANK: Mapping[str, float] = {"sentence": 1.0, **{k: 0.25 * v for k, v in HAND_FIT.items()}}


def hand_fit(features: Mapping[str, float]) -> float:
    """How well the figure itself fits the question (used for the answer's confidence)."""
    return sum(HAND_FIT.get(k, 0.0) * v for k, v in features.items())


def rank_score(features: Mapping[str, float], weights: Mapping[str, float] = HAND_RANK) -> float:
    return sum(weights.get(k, 0.0) * v for k, v in features.items())
