"""What an area is meant to achieve: the "By 2027, people UNHCR serves …" statement that opens each
impact and outcome area of a results report.

"What should refugees be able to do by 2027 under the livelihoods outcome?", "whose capacity is
the community outcome trying to improve by 2026?": the answer is the goal statement of the area the
question describes, not a sentence about this year's results. The statement is found by its form
(a paragraph opening with "By <year>,") and matched to the question by its own words and the
titles of the section it opens, so the question may name the area in its own way.
"""

from __future__ import annotations

import re

from .context import Ctx, Draft, Evidence
from .text import terms

_GOAL_OPENING = re.compile(r"\s*By (\d{4}),\s*")
# "by 2027", "the 2026 goal", "what should … be able to", "is meant to", "expected to", "trying to improve"
_ASKS_GOAL = re.compile(
    r"\b(?:goals?|aims?|vision|long-term|envisag\w*|supposed to|meant to|expected? to|expects?|should|trying to|"
    r"is to|are to)\b",
    re.IGNORECASE,
)
# Words that frame the question (the goal, the area it sits in) rather than say what the goal is about
_FRAME = frozenset(terms("goal goals aim vision impact outcome area result section report expected supposed meant "
                         "trying should look ahead"))


def answer_goal(ctx: Ctx) -> Draft | None:
    """The goal statement of the area the question describes, when it asks what an area aims at by a later year."""
    q = ctx.question
    years = [int(y) for y in re.findall(r"\b(20\d\d)\b", q)]
    report_years = {d.report.meta.year for d in ctx.documents if d.report.meta.year}
    later = [y for y in years if report_years and y > max(report_years)]
    if not later or not _ASKS_GOAL.search(q) and not re.search(r"\bby (?:20\d\d)\b", q, re.IGNORECASE):
        return None
    numbered = _numbered_area(q)
    focus = [t for t in ctx.focus if t not in _FRAME and not t.isdigit()]
    total = sum(ctx.weight(t) for t in focus) or 1.0
    scored: list[tuple[float, str, int]] = []
    for doc in ctx.documents:
        for p in doc.passages:
            m = _GOAL_OPENING.match(p.text)
            if m is None or int(m.group(1)) not in later:
                continue
            if numbered and not re.match(rf"\s*{numbered[0]}\.\s*{numbered[1]} area\b", " ".join(p.section[-1:]),
                                         re.IGNORECASE):
                continue  # "under the first impact area": the goal of that area only
            end = p.text.find(". ", m.end())
            end = len(p.text.rstrip()) if end < 0 else end + 1
            said = set(terms(p.text[:end])) | set(terms(" ".join(p.section[-1:])))
            cov = sum(ctx.weight(t) for t in focus if t in said) / total
            scored.append((cov, p.id, end))
    if not scored:
        return None
    if numbered and len(scored) == 1:
        scored[0] = (max(scored[0][0], 0.5), *scored[0][1:])  # the area is named by its number: its one goal
    scored.sort(reverse=True)
    cov, pid, end = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if cov < 0.3 or cov - runner_up < 0.08:
        return None  # no goal statement fits, or two fit as well: the question does not say which area
    text = " ".join(ctx.kb.passages[pid].text[:end].split())
    kind = ctx.intent.kind if ctx.intent.kind in ("relation", "list", "location") else "why"
    return Draft(text, kind, min(1.0, 0.35 + 0.6 * cov), [Evidence(pid, [(0, end)], cov)])


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _numbered_area(question: str) -> tuple[int, str] | None:
    """"the first impact area", "impact area 2", "outcome area 13", "IA1", "OA13": (number, kind)."""
    m = re.search(r"\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th) (impact|outcome) area\b", question, re.IGNORECASE)
    if m:
        return _ORDINALS[m.group(1).lower()], m.group(2).lower()
    m = re.search(r"\b(impact|outcome) area (\d{1,2})\b", question, re.IGNORECASE)
    if m:
        return int(m.group(2)), m.group(1).lower()
    m = re.search(r"\b(IA|OA)(\d{1,2})\b", question)
    if m:
        return int(m.group(2)), "impact" if m.group(1) == "IA" else "outcome"
    return None
