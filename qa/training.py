"""Checking the figure ranker (``qa.figure_ranker``) against weights fitted on the dev questions.

For every dev question whose expected answer holds a figure, the engine's own candidate figures
are generated (``qa.figures.number_candidates``) and labelled: a candidate is right when its phrase
passes the evaluation's answer check. A pairwise logistic regression (scikit-learn, imported only
here) learns weights that put right candidates above wrong ones of the same question, each
question weighing the same. Held-out questions are never read.

The fit is judged by leaving one report out: weights learned on the other reports rank the left-out
report's candidates, and the share of questions whose first candidate is right is compared with
the hand weights. ``reportgraph eval-figures`` prints that table, so whether the hand weights
leave something on the table is a number, not an opinion.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .answer import question_context
from .evaluate import is_correct
from .figure_ranker import HAND_RANK, rank_score
from .figures import number_candidates
from .kb import KnowledgeBase
from .model import AnswerOptions

NUMBER_KINDS = ("number", "finance", "indicator")
TOP_CANDIDATES = 20  # the figures of a question the ranker learns to order


@dataclass(frozen=True)
class Group:
    """The candidate figures of one question, with which of them hold the expected answer."""

    question_id: str
    report: str
    features: list[dict[str, float]]
    right: list[bool]


def report_of(kb: KnowledgeBase, item: Mapping[str, Any]) -> str | None:
    """The report whose text holds the question's evidence (evidence strings are exact substrings)."""
    evidence = [" ".join(e.split()) for e in item.get("evidence", []) if e.strip()]
    for rid, doc in kb.documents.items():
        text = " ".join(doc.text.split())
        if evidence and all(e in text for e in evidence):
            return rid
    return None


def collect_groups(
    kb: KnowledgeBase, items: Iterable[Mapping[str, Any]], progress: Callable[[int], None] | None = None
) -> list[Group]:
    """Candidate groups of the dev questions that expect a figure and have right and wrong candidates."""
    groups: list[Group] = []
    options = AnswerOptions()
    for i, item in enumerate(items):
        if progress:
            progress(i)
        if item.get("split", "dev") != "dev" or item.get("type") == "unanswerable":
            continue
        expected = list(item.get("answers", [])) + list(item.get("all_of", []))
        if not any(re.search(r"\d", a) for a in expected):
            continue
        rid = report_of(kb, item)
        if rid is None:
            continue
        ctx = question_context(" ".join(item["question"].split()), kb, rid, options)
        if ctx.intent.kind not in NUMBER_KINDS:
            continue
        cands = number_candidates(ctx)[:TOP_CANDIDATES]
        right = [is_correct(c.phrase, item.get("answers", []), item.get("all_of", [])) for c in cands]
        if any(right) and not all(right):
            groups.append(Group(str(item["id"]), kb.slug_of.get(rid, rid), [dict(c.features) for c in cands], right))
    return groups


def top1(groups: Sequence[Group], weights: Mapping[str, float]) -> float:
    """Share of groups whose best-scored candidate is a right one."""
    if not groups:
        return float("nan")
    hits = 0
    for g in groups:
        scores = [rank_score(f, weights) for f in g.features]
        hits += g.right[max(range(len(scores)), key=scores.__getitem__)]
    return hits / len(groups)


def fit(groups: Sequence[Group], c: float = 1.0, shrink: float = 3.0) -> dict[str, float]:
    """Pairwise logistic regression on right − wrong feature differences of the same question.

    The hand score is one of the inputs and the other features are divided by ``shrink``, so the
    regularisation pulls the fit towards the hand weights: with a few hundred questions the learned
    part is a correction, not a new ranker. The result is one weight per feature.
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = sorted({k for g in groups for f in g.features for k in f})
    rows, weights = [], []
    for g in groups:
        vec = [[rank_score(f, HAND_RANK)] + [f.get(k, 0.0) / shrink for k in names] for f in g.features]
        pos = [v for v, r in zip(vec, g.right, strict=True) if r]
        neg = [v for v, r in zip(vec, g.right, strict=True) if not r]
        pairs = [np.subtract(p, n) for p in pos for n in neg]
        for d in pairs:
            rows += [d, -d]
            weights += [1.0 / len(pairs)] * 2
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000)
    model.fit(np.array(rows), np.array([1, 0] * (len(rows) // 2)), sample_weight=np.array(weights))
    w_hand, *w_rest = model.coef_[0].tolist()
    learned = {k: w_hand * HAND_RANK.get(k, 0.0) + w / shrink for k, w in zip(names, w_rest, strict=True)}
    # on the hand weights' scale, where the sentence's own score counts once
    scale = learned.get("sentence", 0.0) if learned.get("sentence", 0.0) > 0 else 1.0
    return {k: round(v / scale, 4) for k, v in sorted(learned.items()) if abs(v) > 1e-9}


@dataclass(frozen=True)
class Training:
    weights: dict[str, float]  # fitted on every question
    c: float
    groups: int
    cross_validation: list[dict[str, Any]]  # per left-out report: groups, hand top-1, learned top-1


def train(groups: Sequence[Group], cs: Sequence[float] = (0.1, 0.3, 1.0, 3.0, 10.0)) -> Training:
    """Choose C by leave-one-report-out top-1, then fit on every group."""
    reports = sorted({g.report for g in groups})

    def held_out(c: float) -> list[dict[str, Any]]:
        rows = []
        for rid in reports:
            train_g = [g for g in groups if g.report != rid]
            test_g = [g for g in groups if g.report == rid]
            rows.append({"report": rid, "groups": len(test_g), "hand": round(top1(test_g, HAND_RANK), 4),
                         "learned": round(top1(test_g, fit(train_g, c)), 4)})
        return rows

    def mean_learned(rows: list[dict[str, Any]]) -> float:
        n = sum(r["groups"] for r in rows)
        return sum(r["learned"] * r["groups"] for r in rows) / n

    if len(reports) < 2:
        raise ValueError("training needs questions on at least two reports (one is left out to check the fit)")
    tried = {c: held_out(c) for c in cs}
    best_c = max(cs, key=lambda c: mean_learned(tried[c]))
    return Training(fit(groups, best_c), best_c, len(groups), tried[best_c])


def format_training(t: Training) -> str:
    lines = [f"{'left-out report':32} {'questions':>9} {'hand top-1':>10} {'learned top-1':>13}"]
    for r in t.cross_validation:
        lines.append(f"{r['report']:32} {r['groups']:>9} {r['hand']:>10.3f} {r['learned']:>13.3f}")
    n = sum(r["groups"] for r in t.cross_validation)
    hand = sum(r["hand"] * r["groups"] for r in t.cross_validation) / n
    learned = sum(r["learned"] * r["groups"] for r in t.cross_validation) / n
    lines.append(f"{'all':32} {n:>9} {hand:>10.3f} {learned:>13.3f}")
    lines.append(f"C = {t.c}; fitted on {t.groups} questions")
    return "\n".join(lines)
