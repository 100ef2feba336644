"""Questions that compare rows of the results tables rather than read one value.

"Which child protection indicator ended below its baseline?", "which livelihoods indicator reached
its target?", "which impact indicator improved the most?", "did the Empower or the Protect area have
more funds available?". The rows are narrowed to the level (impact / outcome) and the area the
question names, then the comparison it states picks the row(s). Nothing here guesses: when the
question names no comparison the module knows, or too many rows fit, another answerer is left to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from embeddings.intents import amount_column, on_side, stated_amount, stated_share
from ingest.model import BudgetRow, IndicatorRow

from .context import Ctx, Draft, Evidence
from .tables import BUDGET_LABELS, short
from .text import find_phrase, numbers, terms

_ASKS_INDICATOR = re.compile(r"\b(?:which|what)\b[^?]*\b(?:indicators?|measures)\b|\bwhich (?:[\w-]+ )?measure\b|"
                             r"\b(?:indicators?|measures?)\b[^?]*\bwhich\b",
                             re.IGNORECASE)
# Words that name the table or the comparison, not an area
_FRAME_TERMS = frozenset(terms(
    "which what indicator indicators area areas outcome impact report year baseline target actual value values "
    "percentage percentages percent given ended started start end reached met achieved most least improved "
    "increased decreased fell rose same exactly below above under over result results one three two four"
))

Check = Callable[[IndicatorRow], bool]


def _v(row: IndicatorRow, col: str) -> float | None:
    value = getattr(row, col)
    return None if value is None else value.value


# what an indicator counts when less of it is better (its target, when it has one, says so directly)
_LOWER_IS_BETTER = re.compile(r"\b(?:poverty|poor|unemploy\w*|deaths?|mortality|died|violence|abuse|risks?|detain\w*|"
                              r"processing time|waiting time|days|backlog|pending|out of school|food insecur\w*|malnutrition)\b",
                              re.IGNORECASE)


def _rises_to_target(row: IndicatorRow) -> bool:
    """Whether more is better: the target above the baseline, or, without a target, a label that does
    not count a harm (poverty, unemployment, deaths, waiting times)."""
    b, t = _v(row, "baseline"), _v(row, "target")
    if b is None or t is None:
        return not _LOWER_IS_BETTER.search(row.label)
    return t >= b


def _distance_to_target(row: IndicatorRow) -> float:
    """How far the actual value ended from the target (either side): in percentage points for a
    share ("39.2% against 45%" is further off than "10.85% against 9%"), else as a share of the target."""
    a, t = _v(row, "actual"), _v(row, "target")
    if a is None or t is None:
        return -1.0  # no target: never the closest nor the furthest
    if row.unit == "percent":
        return abs(t - a) / 100.0
    return abs(t - a) / max(abs(t), 1e-9)


def _reached(row: IndicatorRow) -> bool:
    a, t = _v(row, "actual"), _v(row, "target")
    if a is None or t is None:
        return False
    return a >= t if _rises_to_target(row) else a <= t


def _same(row: IndicatorRow, cols: tuple[str, ...]) -> bool:
    """Whether the columns hold one value: the number, or for a rating scale the printed text."""
    values = [getattr(row, c) for c in cols]
    if any(v is None for v in values):
        return False
    if all(v.value is not None for v in values):
        return len({v.value for v in values}) == 1
    return len({" ".join(v.text.split()).lower() for v in values}) == 1


def _comparison(low: str) -> tuple[str, Check] | tuple[str, Callable[[IndicatorRow], float]] | None:
    """What the question compares: ("filter", test) for a yes/no test of each row, ("max", key) for
    the row with the largest key."""
    change = r"(?:improv\w*|progress\w*|increas\w*|rose|risen|grew|grown|gain\w*|fell|fallen|drop\w*|declin\w*|decreas\w*|worsen\w*)"
    most = re.search(rf"\b{change}\b[^?]*\b(?:the )?(?:most|least)\b|\b(?:most|least|largest|biggest|greatest|smallest) "
                     rf"(?:\w+ )?{change}", low)
    if most:
        words = most.group(0)
        sign = -1.0 if re.search(r"fell|fallen|drop|declin|decreas|worsen", words) else 1.0
        if re.search(r"\bleast\b|\bsmallest\b", words):
            sign = -sign
        if re.search(r"improv|progress", words):
            return "max", lambda r: sign * ((_v(r, "actual") or 0.0) - (_v(r, "baseline") or 0.0)) * (
                1.0 if _rises_to_target(r) else -1.0)
        return "max", lambda r: sign * ((_v(r, "actual") or 0.0) - (_v(r, "baseline") or 0.0))
    if re.search(r"\b(?:baselines?|start\w*|began|begun)\b[^?]*\b(?:zero|nil|nothing|0)\b(?![.,]\d)", low):
        # "which two indicators started from a baseline of zero"
        return "filter", lambda r: _v(r, "baseline") == 0
    start = re.search(r"\b(highest|lowest|largest|smallest|top|bottom)\s+(?:(?:starting|initial|baseline|start)\s+"
                      r"(?:value|level|figure|score|reading|point)|baseline)s?\b", low)
    if start:
        # "which one had the lowest starting value": the baseline column
        sign = 1.0 if start.group(1) in ("highest", "largest", "top") else -1.0
        return "max", lambda r: sign * (_v(r, "baseline") if _v(r, "baseline") is not None else -sign * float("inf"))
    level = re.search(r"\b(highest|lowest|largest|smallest|top|bottom)\s+(?:(?:actual|final|end-of-year|\d{4})\s+)?"
                      r"(?:value|result|level|figure|score|reading)\b|"
                      # "which one came out highest in 2023"
                      r"\b(?:came out|ended(?: up)?|finished|closed|scored|stood|was) (?:the )?(highest|lowest|top|bottom)\b", low)
    if level:
        # "which one recorded the lowest actual value": the row's result itself
        sign = 1.0 if (level.group(1) or level.group(2)) in ("highest", "largest", "top") else -1.0
        return "max", lambda r: sign * (_v(r, "actual") if _v(r, "actual") is not None else -sign * float("inf"))
    near = re.search(r"\b(?:closest|nearest|furthest|farthest|closer|nearer|further|farther)\b[^?]*\b(?:target|goal|aim\w*)|"
                     r"\b(?:target|goal)\b[^?]*\b(?:closest|nearest|furthest|farthest)\b", low)
    if near:
        sign = 1.0 if re.search(r"furthest|farthest|further|farther", near.group(0)) else -1.0
        return "max", lambda r: sign * _distance_to_target(r)
    if re.search(r"\btargets?\b[^?]*\b(?:below|lower than|under|beneath)\b[^?]*\b(?:baseline|start\w*|already)\b", low):
        return "filter", lambda r: None not in (_v(r, "target"), _v(r, "baseline")) and _v(r, "target") < _v(r, "baseline")
    if re.search(r"\btargets?\b[^?]*\b(?:above|higher than|over)\b[^?]*\b(?:baseline|start\w*|already)\b", low):
        return "filter", lambda r: None not in (_v(r, "target"), _v(r, "baseline")) and _v(r, "target") > _v(r, "baseline")
    same = re.search(r"\b(?:same|unchanged|identical|did(?: not|n't) (?:change|move)|no change|(?:stayed|remained|held|kept) "
                     r"(?:\w+ )?(?:flat|put|stable|steady|level)|flat)\b", low)
    if same and re.search(r"\btargets?\b", low) and re.search(r"\bbaselines?\b", low):
        # "the same value for baseline, target and result" (a rating scale compares as printed)
        return "filter", lambda r: _same(r, ("baseline", "target", "actual"))
    if re.search(r"\btarget", low):
        if re.search(r"\b(?:miss\w*|f[ae]ll short|short of|not (?:reach|meet|achiev|hit)\w*|fail\w* to (?:reach|meet|hit))\b", low):
            return "filter", lambda r: _v(r, "target") is not None and not _reached(r)
        # "ended above / below the target": the values as printed, whichever way is better
        if re.search(r"\b(?:above|over|higher than) (?:the |its |their )?(?:\w+ )?targets?\b", low):
            return "filter", lambda r: None not in (_v(r, "actual"), _v(r, "target")) and _v(r, "actual") > _v(r, "target")
        if re.search(r"\b(?:below|under|lower than) (?:the |its |their )?(?:\w+ )?targets?\b", low):
            return "filter", lambda r: None not in (_v(r, "actual"), _v(r, "target")) and _v(r, "actual") < _v(r, "target")
        if re.search(r"\b(?:reach\w*|met|meet\w*|achiev\w*|hit|attain\w*|exceed\w*|surpass\w*|on target|beat|overshot|"
                     r"outperform\w*|outstrip\w*|bettered)\b", low):
            return "filter", _reached
        return None
    if same:
        return "filter", lambda r: _same(r, ("baseline", "actual"))
    multiple = re.search(r"\b(more than |at least |over )?(doubled|tripled|trebled|quadrupled|halved)\b", low)
    if multiple:
        # "which one more than doubled between the baseline and 2025": the ratio of result to baseline
        factor = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}[multiple.group(2)]
        if factor < 1:
            return "filter", lambda r: None not in (_v(r, "actual"), _v(r, "baseline")) and _v(r, "baseline") > 0 \
                and _v(r, "actual") <= factor * _v(r, "baseline")
        return "filter", lambda r: None not in (_v(r, "actual"), _v(r, "baseline")) and _v(r, "baseline") > 0 \
            and _v(r, "actual") >= factor * _v(r, "baseline")
    if re.search(r"\b(?:got|grew|became) worse\b|\bworsen\w*|\bdeteriorat\w*|\bregress\w*|\bworse than\b|"
                 r"\b(?:went|moved|slid|slipped|fell) backwards?\b|\blost ground\b|"
                 r"\b(?:ended|finished|closed)\b[^?]*\bworse\b", low):
        # worse is down for most indicators, up for a harm (poverty rose)
        return "filter", lambda r: None not in (_v(r, "actual"), _v(r, "baseline")) and _v(r, "actual") != _v(r, "baseline") \
            and (_v(r, "actual") < _v(r, "baseline")) == _rises_to_target(r)
    if re.search(r"\b(?:got|became) better\b|\bimproved\b", low) and not re.search(r"\b(?:most|least)\b", low):
        return "filter", lambda r: None not in (_v(r, "actual"), _v(r, "baseline")) and _v(r, "actual") != _v(r, "baseline") \
            and (_v(r, "actual") > _v(r, "baseline")) == _rises_to_target(r)
    if re.search(r"\bbelow (?:its |their |the )?(?:baseline|start\w*|where it (?:started|began|stood))|\b(?:fell|dropped|declined|"
                 r"decreased|went down|slipped|dipped|(?:inched|edged|crept|ticked) down)\b|\blower than (?:at |its |their |the )?(?:baseline|start)|"
                 r"\b(?:lower|less) than (?:where|when) (?:it|they) (?:started|began|stood)", low):
        return "filter", lambda r: None not in (_v(r, "actual"), _v(r, "baseline")) and _v(r, "actual") < _v(r, "baseline")
    if re.search(r"\babove (?:its |their |the )?(?:baseline|start\w*|where it (?:started|began|stood))|\b(?:rose|increased|grew|"
                 r"went up|climbed|(?:inched|edged|crept|ticked) up)\b|\bhigher than (?:at |its |their |the )?(?:baseline|start)|"
                 r"\b(?:higher|more) than (?:where|when) (?:it|they) (?:started|began|stood)", low):
        return "filter", lambda r: None not in (_v(r, "actual"), _v(r, "baseline")) and _v(r, "actual") > _v(r, "baseline")
    return None


# "… rather than as a percentage", "instead of a headcount": the unit the question sets aside
_NOT_THE_UNIT = r"\b(?:rather than|instead of|not)\b(?: (?:as|in|on|by))?(?: an?)? (?:percent\w*|shares?|headcounts?|counts?|numbers?)"


def _unit_asked(low: str) -> Check | None:
    """"Which indicator is scored in points rather than as a percentage": the rows of that unit."""
    if re.search(r"\bpercentage points?\b", low):
        return None  # a change of a share, not a rating scale
    if re.search(r"\b(?:scored|rated|graded|measured|expressed|reported|given)\b[^?,]{0,30}\b(?:points?|scales?|scores?|ratings?)\b|\bpoints?[- ]scale\b|\b(?:rating|scoring) scale\b", low):
        return lambda r: r.unit not in ("percent", "number")
    if re.search(r"\b(?:measured|expressed|reported|given|counted)\b[^?]*\b(?:headcounts?|absolute numbers?|number of people|"
                 r"count)\b", low) and re.search(_NOT_THE_UNIT, low):
        return lambda r: r.unit == "number"
    return None


def _rows_asked(ctx: Ctx, low: str, any_scale: bool = False) -> list[IndicatorRow]:
    """The report's numeric indicator rows (with ``any_scale``, rating-scale rows too), narrowed to
    the level and area the question names."""
    rows = [r for rid, r in ctx.kb.indicators if (not ctx.report or rid == ctx.report)
            and (any_scale and r.actual is not None or r.unit in ("percent", "number") and _v(r, "actual") is not None)]
    report_of = {id(r): rid for rid, r in ctx.kb.indicators}
    levels = [k for k in ("impact", "outcome") if re.search(rf"\b{k}\b", low)]
    if len(levels) == 1:
        rows = [r for r in rows if r.area.kind == levels[0]]
    if re.search(r"\b(?:as|in) (?:a )?percent(?:age)?s?\b|\bpercentage indicators\b", low):
        rows = [r for r in rows if r.unit == "percent"]
    asked = set(terms(low)) - _FRAME_TERMS
    by_area: dict[str, tuple[int, list[IndicatorRow]]] = {}
    for r in rows:
        # the area by its title or by the short one the budget table prints ("GBV", "Livelihood")
        titles = ctx.kb.area_titles.get((report_of[id(r)], r.area.code), set()) | {r.area.title}
        said = max(len(asked & set(terms(t))) for t in titles)
        named = r.area.code.lower() in low.split() or said > 0
        score = 10 if r.area.code.lower() in low.split() else said
        if named:
            by_area.setdefault(r.area.code, (score, []))[1].append(r)
    if by_area:
        top = max(score for score, _ in by_area.values())
        rows = [r for score, rs in by_area.values() if score == top for r in rs]
    return rows


def answer_indicator_comparison(ctx: Ctx) -> Draft | None:
    """The indicator row(s) the question's comparison picks out (see the module docstring)."""
    low = ctx.question.lower()
    scale = _unit_asked(low) if re.search(r"\b(?:indicators?|measures?|metrics?)\b", low) else None
    if not (scale or _ASKS_INDICATOR.search(low)) or [n for n in numbers(ctx.question) if not (n.is_year or n.spelled)]:
        return None
    comparison = ("filter", scale) if scale else _comparison(low)
    if comparison is None:
        return None
    rows = _rows_asked(ctx, re.sub(_NOT_THE_UNIT, " ", low) if scale else low,
                       any_scale=bool(scale or re.search(r"\b(?:same|unchanged|identical|flat)\b", low)))
    if scale:
        rows = list({r.code: r for r in rows}.values())  # one row per indicator, whatever the population
    if len(rows) < 2:
        return None
    how, test = comparison
    if how == "max" and len({r.unit for r in rows}) > 1:
        # the largest change among percentages and head counts together means nothing: the question
        # must say which it compares
        if re.search(r"\bpercent\w*|\bpoints?\b|\bshares?\b|\bproportions?\b|\brates?\b", low):
            rows = [r for r in rows if r.unit == "percent"]
        elif re.search(r"\bnumbers?\b|\bcounts?\b|\bpeople\b|\bpersons\b", low):
            rows = [r for r in rows if r.unit == "number"]
        else:
            return None
    if how == "max":
        keyed = sorted(rows, key=test, reverse=True)  # type: ignore[arg-type]
        chosen = keyed[:1]
        confidence = 0.75
    else:
        chosen = [r for r in rows if test(r)]
        plural = bool(re.search(r"\bindicators\b[^?]*\b(?:reached|met|achieved|ended|fell|rose|stayed|remained|were|have|had)\b|"
                                r"\b(?:which|what) (?:[\w-]+ ){0,3}indicators\b", low))
        if not chosen or len(chosen) > 3 or (len(chosen) > 1 and not plural):
            return None
        confidence = 0.75 if len(chosen) == 1 or plural else 0.5
    parts = []
    evidence = []
    for r in chosen:
        vals = ", ".join(f"{col} {v.text}" for col in ("baseline", "target", "actual") if (v := getattr(r, col)) is not None)
        parts.append(f"indicator {r.code} {short(r.label, 150)} ({vals})")
        passage = ctx.kb.passages[r.passage_id]
        span = find_phrase(passage.text, r.label[:60])
        evidence.append(Evidence(r.passage_id, [span] if span else [(0, len(passage.text.rstrip()))], 1.0))
    return Draft("; ".join(parts), "indicator", confidence, evidence)


_COMPARATIVE = re.compile(r"\b(more|larger|higher|bigger|greater|less|smaller|lower|fewer|most|largest|highest|biggest|"
                          r"greatest|least|smallest|lowest|fewest)\b")
_LARGER = frozenset({"more", "larger", "higher", "bigger", "greater", "most", "largest", "highest", "biggest", "greatest"})
_MONEY_WORDS = re.compile(r"\b(?:funds?|funding|funded|money|budget\w*|spen[dt]\w*|expenditure|costs?|resources|dollars?|"
                          r"usd|on hand)\b")
# "A or B", "A versus B", "between A and B", "comparing A, B and C, which one …"
_CHOICE = re.compile(r" or |\bbetween\b|\bversus\b|\bvs\.? |\bcompar\w+\b")


def answer_budget_pair(ctx: Ctx) -> Draft | None:
    """"Did the Empower or the Protect area have more funds?", "GBV versus education: which had more
    money on hand?", "comparing A, B and C, which one had the most?": the one of the budget rows the
    question names that the comparison picks."""
    low = ctx.question.lower()
    comparative = _COMPARATIVE.search(low)
    if not comparative or not _CHOICE.search(low) or not (ctx.intent.kind == "finance" or _MONEY_WORDS.search(low)):
        return None
    field = ctx.intent.field or (
        "expenditure" if re.search(r"\bspen[dt]\w*|\bexpenditure|\bcost\w*", low) else
        "funds_available" if re.search(r"\b(?:funds?|funding|funded|money|resources)\b", low) else "final_budget")
    rows: list[tuple[str, BudgetRow]] = [
        (rid, b) for rid, b in ctx.kb.budget if (not ctx.report or rid == ctx.report)
        and b.area.code.lower() != "total" and getattr(b, field, None) is not None]
    levels = [k for k in ("impact", "outcome") if re.search(rf"\b{k}\b", low)]
    if len(levels) == 1:
        rows = [(rid, b) for rid, b in rows if b.area.kind == levels[0]]
    asked = set(terms(low)) - _FRAME_TERMS

    def is_named(rid: str, b: BudgetRow) -> bool:
        # the table prints "OA4: GBV"; the question may use the section's full title
        titles = ctx.kb.area_titles.get((rid, b.area.code), set()) | {b.area.title}
        return b.area.code.lower() in low.split() or any(
            set(terms(t)) and set(terms(t)) <= asked for t in titles)

    def said(rid: str, b: BudgetRow) -> set[str]:
        titles = ctx.kb.area_titles.get((rid, b.area.code), set()) | {b.area.title}
        return {t for title in titles if set(terms(title)) <= asked for t in terms(title)}

    found = [(said(rid, b), b) for rid, b in rows if is_named(rid, b)]
    # "child protection" names the Children area, not also the "Protect" impact area its word is part of
    named = [b for words, b in found if not any(words < other for other, _ in found)]
    codes = {b.area.code for b in named}
    if len(codes) != len(named) or not 2 <= len(named) <= 4:
        return None
    pick = max if comparative.group(1) in _LARGER else min
    row = pick(named, key=lambda b: getattr(b, field).value or 0.0)
    others = [b for b in named if b is not row]
    label = BUDGET_LABELS[field]
    against = ", ".join(f"{getattr(b, field).text} for {b.area.code}: {b.area.title}" for b in others)
    text = f"{row.area.code}: {row.area.title} ({label} {getattr(row, field).text}, against {against})"
    evidence = [Evidence(b.passage_id, [(0, len(ctx.kb.passages[b.passage_id].text.rstrip()))], 1.0) for b in (row, *others)]
    return Draft(text, "finance", 0.75, evidence)


_SPENT_ALL = re.compile(r"\b(?:used|spent|used up|exhausted) (?:up )?(?:every (?:dollar|cent)|all (?:of )?(?:the |their |its )?"
                        r"(?:money|funds|funding|resources))\b|\bspent (?:100|one hundred) ?(?:%|per ?cent)|\b(?:fully|entirely) spent\b")


def answer_budget_threshold(ctx: Ctx) -> Draft | None:
    """"Which two outcome areas had less than a sixth of their budgets funded?", "which lines had
    between one and two million dollars available?": every row of the level asked whose share is on
    the side of the threshold, or whose sum is within the range, the question states."""
    low = ctx.question.lower()
    share, amount = stated_share(low), stated_amount(ctx.question)
    spent_all = share is None and amount is None and bool(_SPENT_ALL.search(low))
    if spent_all:
        share = ("at least", 99.995)  # "used up every dollar they had": expenditure at 100% of the funds available
    if share is None and amount is None or not re.search(r"\b(?:which|what)\b[^?]*\b(?:areas?|lines?|rows?)\b", low):
        return None
    if not re.search(r"\b(?:budgets?|fund\w*|spen[dt]\w*|expenditure|money|resources|dollars?|usd|available)\b|\$", low):
        return None
    if spent_all:
        field = "expenditure_pct"
    elif share is not None:
        field = "expenditure_pct" if re.search(r"\bspen[dt]\w*|\bexpenditure|\bused\b", low) else "funds_available_pct"
    else:
        field = amount_column(low)
    kinds = [k for k in ("impact", "outcome", "enabling") if k in low]
    rows = [r for rid, r in ctx.kb.budget if (not ctx.report or rid == ctx.report) and r.area.code.lower() != "total"
            and getattr(r, field) is not None and (not kinds or r.area.kind in kinds or r.table in kinds)]
    chosen = [r for r in rows if (on_side(getattr(r, field).value, *share) if share is not None else
                                  amount is not None and amount[0] <= getattr(r, field).value <= amount[1])]
    if not chosen or len(chosen) > (8 if spent_all else 5) or len(chosen) == len(rows):
        return None
    stated = re.search(r"\b(?:which|what) (two|three|four|five)\b", low)
    fits = stated is None or {"two": 2, "three": 3, "four": 4, "five": 5}[stated.group(1)] == len(chosen)

    def shown(r: BudgetRow) -> str:
        printed = r.currency and not field.endswith("_pct") and r.currency in ctx.kb.passages[r.passage_id].text
        return f"{r.currency} {getattr(r, field).text}" if printed else getattr(r, field).text

    if len(chosen) > 2 and len({shown(r) for r in chosen}) == 1:
        # six areas at 100.00%: the value once, not six times
        text = "; ".join(f"{r.area.code}: {r.area.title}" for r in chosen) + f" ({BUDGET_LABELS[field]} {shown(chosen[0])} each)"
    else:
        text = "; ".join(f"{r.area.code}: {r.area.title} ({BUDGET_LABELS[field]} {shown(r)})" for r in chosen)
    evidence = [Evidence(r.passage_id, [(0, len(ctx.kb.passages[r.passage_id].text.rstrip()))], 1.0) for r in chosen]
    return Draft(text, "finance", 0.7 if fits else 0.45, evidence)


def answer_budget_closest(ctx: Ctx) -> Draft | None:
    """"Which outcome area's funding rate came closest to the 28.4% of the whole operation?": the
    row (not the total) whose share is nearest the figure the question gives."""
    low = ctx.question.lower()
    if not re.search(r"\b(?:closest|nearest)\b", low) or not re.search(r"\b(?:which|what)\b[^?]*\b(?:areas?|lines?|rows?)\b", low):
        return None
    given = [n for n in numbers(ctx.question) if n.percent]
    if len(given) != 1 or not re.search(r"\b(?:budgets?|fund\w*|spen[dt]\w*|expenditure|money|resources)\b", low):
        return None
    field = "expenditure_pct" if re.search(r"\bspen[dt]\w*|\bexpenditure|\bused\b", low) else "funds_available_pct"
    kinds = [k for k in ("impact", "outcome", "enabling") if k in low]
    rows = [r for rid, r in ctx.kb.budget if (not ctx.report or rid == ctx.report) and r.area.code.lower() != "total"
            and getattr(r, field) is not None and (not kinds or r.area.kind in kinds or r.table in kinds)]
    if len(rows) < 2:
        return None
    ranked = sorted(rows, key=lambda r: abs(getattr(r, field).value - given[0].value))
    row = ranked[0]
    if abs(getattr(row, field).value - given[0].value) == abs(getattr(ranked[1], field).value - given[0].value):
        return None  # two rows as close: the question does not say which
    text = f"{row.area.code}: {row.area.title} ({BUDGET_LABELS[field]} {getattr(row, field).text})"
    passage = ctx.kb.passages[row.passage_id]
    return Draft(text, "finance", 0.7, [Evidence(row.passage_id, [(0, len(passage.text.rstrip()))], 1.0)])
