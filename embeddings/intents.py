"""Query intents for hybrid ranking: small English-wording rules that add per-passage bonuses.

Each rule reads the question and a feature of the passage that any results report has, never
the report's content: what an acronym question asks for (the passage defining it), what kind
of passage holds the answer (a table row for a value, prose for a reason, an actor or a place;
a goal statement only for a question about plans), and what a count or share question expects
to see (a number right before the thing counted, a percentage). Weights live in
``embeddings.search.FusionConfig`` and are in units of the top fused score; they were tuned on
the dev questions only.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from embeddings.lexical import analyse, counted_terms, counts_focus, quantity_focus
from embeddings.records import PassageRecord

if TYPE_CHECKING:
    from embeddings.search import FusionConfig

# "what does X stand for / mean / refer to", "the acronym X", "full name of X"
DEFINITION_INTENT = re.compile(
    r"\bstands? for\b|\bacronym|\babbreviat|\bmeans?\b|\brefers? to\b|\bfull (?:name|form)\b|\bshort for\b",
    re.IGNORECASE,
)
ACRONYM = re.compile(r"\b[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*\b")  # two or more capitals: WGUH, MoHA
# where a text defines one: "… Commission (CONASE)" or "MINVA (Ministry of …)"
_DEFINED = re.compile(r"\(([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\)|\b([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*) \(")
# asking for a value of the kind results tables print (a share, a target, a budget line)
TABLE_INTENT = re.compile(
    r"\b(?:share|percentage|percent|proportion|rate|baseline|target(?:ed)?|budget|expenditure|spen[dt]|spending"
    r"|funds|funding|money|indicator)\b",
    re.IGNORECASE,
)
# questions that prose answers (a reason, an actor, a place, a manner): table rows never hold those
NOT_TABLE = re.compile(r"^\W*(?:why|who|where|how (?:did|does|do|was|were|has|have)|what explains|explain)\b", re.IGNORECASE)
# a question about plans: only then do a report's goal statements ("By 2026, …") answer it
GOAL_INTENT = re.compile(
    r"\b(?:goals?|aims?|objectives?|vision|by 20\d\d|expected|aspir\w*|strateg\w*|plans?|planned|intends?|seeks?)\b",
    re.IGNORECASE,
)
# asking for a share: the answer is a percentage, in a table or in prose ("almost 60% were women")
# a figure the question quotes ("what reached some 43,000 people"): the passages printing it. Years
# are left out (a report prints its own year everywhere), as are one-digit numbers.
_FIGURE = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|(?<![\w.,])\d+(?:\.\d+)?(?![\w,])")


def quoted_figures(text: str) -> frozenset[str]:
    """The figures of ``text`` as digit strings ("43,000" → "43000"), years and single digits left out."""
    out = set()
    for m in _FIGURE.finditer(text):
        digits = m.group().replace(",", "")
        if len(digits) < 2 or re.fullmatch(r"(?:19|20)\d\d", digits):
            continue
        out.add(digits)
    return frozenset(out)


SHARE_INTENT = re.compile(r"\b(?:share|percentage|percent|proportion|rate|what fraction)\b", re.IGNORECASE)
_PERCENT = re.compile(r"\d\s?%|\bper ?cent\b", re.IGNORECASE)


# "which (outcome) area had the smallest share of its budget funded": the budget row holding the
# extreme value of the column asked (the words a question uses for each column, most specific first)
_WHICH_ROW = re.compile(r"\b(?:which|what)\b[^?]*\b(?:areas?|lines?|rows?|sectors?)\b", re.IGNORECASE)
_MOST = re.compile(r"\b(?:(?P<second>second|next|third|fourth|fifth)[- ])?(?:(?P<low>lowest|smallest|least|fewest|minimum|"
                   r"worst|poorest|most (?:poorly|badly|under-?\w+))|(?P<high>highest|largest|biggest|most|greatest|maximum|best))\b",
                   re.IGNORECASE)
# "ranked by final budget, which impact area came second?": a place in a ranking, largest first
# unless the question counts from the bottom
_RANKED = re.compile(r"\b(?:rank(?:ed|ing|s)?|in order of|ordered by|sorted by|league table)\b", re.IGNORECASE)
_PLACE = re.compile(r"\b(?P<place>first|top|second|third|fourth|fifth|last)\b(?P<bottom>[^?]*\bfrom the bottom\b)?", re.IGNORECASE)
_PLACES = {"first": 0, "top": 0, "next": 1, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": 0}


def rank_asked(query: str) -> tuple[bool, int] | None:
    """(largest first?, place) of the ranking a question asks about: "the second-largest" → (True, 1),
    "the smallest" → (False, 0), "ranked by budget, which came third" → (True, 2); None when it
    asks for no place in a ranking."""
    most = _MOST.search(query)
    if most is not None:
        return most.group("high") is not None, _PLACES[most.group("second").lower()] if most.group("second") else 0
    if not _RANKED.search(query):
        return None
    place = _PLACE.search(query[_RANKED.search(query).start():]) or _PLACE.search(query)
    if place is None:
        return None
    word = place.group("place").lower()
    if word == "last" or place.group("bottom"):
        return False, _PLACES[word]
    return True, _PLACES[word]


_COLUMN_WORDS = (
    ("expenditure_pct", r"\bspen[dt]\w*\b[^?]*\b(?:share|percentage|proportion|fraction)\b[^?]*\b(?:money|funds|resources)\b|"
     r"\b(?:share|percentage|percent|proportion|fraction|rate|%)\b[^?]*\b(?:spent|expenditure|used|"
     r"disbursed)\b[^?]*\b(?:available|funds|money|had)\b|\bexpenditure as %"),
    ("funds_available_pct", r"\b(?:share|percentage|percent|proportion|fraction|rate|%|relative)\b|\bfunded at\b|"
     r"\bpoorly funded\b|\bfunding (?:level|rate|gap)"),
    ("final_budget", r"\bfinal budget\b"),
    ("expenditure", r"\bexpenditure\b|\bspen[dt]\w*|\bused\b|\bdisburs\w*"),
    ("funds_available", r"\bfunds? available\b|\bavailable\b|\bfunded\b|\bfunding\b|\breceived\b|\bmoney\b"),
    ("final_budget", r"\bbudget\w*\b|\bneeds?\b|\brequire\w*\b|\bplanned\b"),
)


def budget_extreme_asked(query: str) -> tuple[str, bool, int, tuple[str, ...]] | None:
    """(column, largest?, place, tables) when ``query`` asks which area has the largest or smallest
    value of a budget column; None otherwise. ``place`` 1 is "the second-largest"."""
    if not _WHICH_ROW.search(query):
        return None
    rank = rank_asked(query)
    if rank is None:
        return None
    column = next((c for c, words in _COLUMN_WORDS if re.search(words, query, re.IGNORECASE)), None)
    if column is None or not re.search(r"\b(?:budget\w*|fund\w*|spen[dt]\w*|expenditure|money|resources|financ\w*)\b",
                                       query, re.IGNORECASE):
        return None
    tables = tuple(t for t in ("impact", "outcome") if re.search(rf"\b{t}\b", query, re.IGNORECASE))
    return column, rank[0], rank[1], tables


_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fourth": 25.0, "fifth": 20.0, "sixth": 100 / 6,
              "seventh": 100 / 7, "eighth": 12.5, "ninth": 100 / 9, "tenth": 10.0}
_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
# "less than a sixth of their budgets", "over 50% funded", "at least half"
_THRESHOLD = re.compile(
    r"(?P<just>\b(?:just|slightly|a little|a bit|barely)\s+)?\b(?P<side>less than|fewer than|under|below|lower than|more than|over|above|greater than|higher than|exceeding|at least)"
    r"\s+(?:(?P<count>a|one|two|three|four) )?(?:(?P<frac>half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|"
    r"ninths?|tenths?)\b|(?P<pct>\d+(?:\.\d+)?)\s?(?:%|per ?cent\b))", re.IGNORECASE)
_BELOW = frozenset({"less than", "fewer than", "under", "below", "lower than"})


def stated_share(text: str) -> tuple[str, float] | None:
    """("below" | "above" | "at least" | "just below" | "just above", percent) of the first share
    threshold ``text`` states ("less than a sixth" → ("below", 16.67)); None when it states none."""
    m = _THRESHOLD.search(text)
    if m is None:
        return None
    limit = (_COUNT.get((m.group("count") or "a").lower(), 1) * _FRACTIONS[m.group("frac").lower().rstrip("s")]
             if m.group("frac") else float(m.group("pct")))
    side = m.group("side").lower()
    if m.group("just") and side != "at least":
        return ("just below" if side in _BELOW else "just above"), limit  # "just under half": within five points
    return ("below" if side in _BELOW else "at least" if side == "at least" else "above"), limit


def on_side(value: float, side: str, limit: float) -> bool:
    if side == "just below":
        return limit - 5.0 <= value < limit
    if side == "just above":
        return limit < value <= limit + 5.0
    return value < limit if side == "below" else value >= limit if side == "at least" else value > limit


_WORD_NUMBERS = {w: float(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split())}
_NUM = r"\d+(?:\.\d+)?|" + "|".join(list(_WORD_NUMBERS)[1:])
_AMOUNT = re.compile(rf"(?<![\w.])(?P<num>{_NUM})\s*(?P<scale>million|billion|thousand|bn|m)\b", re.IGNORECASE)
_SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
_ROUGHLY = re.compile(r"\b(?:about|around|roughly|approximately|nearly|almost|just (?:under|over|below|above)|some|close to)\b",
                      re.IGNORECASE)
_CURRENCY = r"(?:(?:US)?\$\s?|USD\s?)?"
# "between one and two million dollars", "more than USD 3 million", "under 500 thousand"
_AMOUNT_RANGE = re.compile(
    rf"\bbetween\s+{_CURRENCY}(?P<a>{_NUM})(?:\s*(?P<ascale>million|billion|thousand|bn|m)\b)?\s+and\s+{_CURRENCY}"
    rf"(?P<b>{_NUM})\s*(?P<bscale>million|billion|thousand|bn|m)\b", re.IGNORECASE)
_AMOUNT_SIDE = re.compile(
    rf"(?P<just>\b(?:just|slightly|a little|a bit|barely)\s+)?\b(?P<side>less than|under|below|lower than|more than|over|above|greater than|higher than|exceeding|in excess of|"
    rf"at least)\s+{_CURRENCY}(?P<a>{_NUM})\s*(?P<scale>million|billion|thousand|bn|m)\b", re.IGNORECASE)


def _number(word: str) -> float:
    return _WORD_NUMBERS[word.lower()] if word.lower() in _WORD_NUMBERS else float(word)


def amounts_asked(query: str) -> list[tuple[float, float]]:
    """(value, tolerance) of each rounded sum the query gives ("just under 5.3 million" → 5.3e6 ± 0.16e6,
    "eight million" → 8e6 ± 0.5e6): half a unit of its last digit, or 3% when the query says it is
    approximate."""
    out = []
    rough = bool(_ROUGHLY.search(query))
    for m in _AMOUNT.finditer(query):
        scale = _SCALE[m.group("scale").lower()]
        value = _number(m.group("num")) * scale
        decimals = m.group("num").partition(".")[2]
        tolerance = 0.5 * scale * 10 ** -len(decimals)
        out.append((value, max(tolerance, 0.03 * value) if rough else tolerance))
    return out


def stated_amount(text: str) -> tuple[float, float] | None:
    """(low, high) of the range of money a question states: "between one and two million" →
    (1e6, 2e6), "more than USD 3 million" → (3e6, inf); None when it states none."""
    m = _AMOUNT_RANGE.search(text)
    if m is not None:
        high_scale = _SCALE[m.group("bscale").lower()]
        low_scale = _SCALE[m.group("ascale").lower()] if m.group("ascale") else high_scale
        return _number(m.group("a")) * low_scale, _number(m.group("b")) * high_scale
    m = _AMOUNT_SIDE.search(text)
    if m is None:
        return None
    value = _number(m.group("a")) * _SCALE[m.group("scale").lower()]
    below = m.group("side").lower() in _BELOW
    if m.group("just"):  # "just over eight million": within a tenth of it
        return (0.9 * value, value) if below else (value, 1.1 * value)
    return (0.0, value) if below else (value, float("inf"))


def amount_column(text: str) -> str:
    """The budget column a sum of money in a question is about."""
    if re.search(r"\bspent\b|\bexpenditure|\bused\b|\bdisburs", text, re.IGNORECASE):
        return "expenditure"
    if re.search(r"\bbudget", text, re.IGNORECASE) and not re.search(r"\b(?:available|funded|received|raised)\b", text,
                                                                   re.IGNORECASE):
        return "final_budget"
    return "funds_available"


# "which country received the largest number of submissions": names each written with its figure
# ("510 to Norway, 240 to Chile and 150 to Spain", "Iraqis (9%)")
_BREAKDOWN_NOUN = re.compile(r"\b(?:countr(?:y|ies)|nations|destinations?|cit(?:y|ies)|regions?|provinces?|departments?|"
                             r"settlements?|camps?|nationalit(?:y|ies)|organi[sz]ations?|partners?|agenc(?:y|ies))\b", re.IGNORECASE)
_SUPERLATIVE = re.compile(r"\b(?:largest|most|biggest|highest|greatest|smallest|fewest|least|lowest)\b", re.IGNORECASE)


def breakdown_asked(query: str) -> bool:
    """Does the query ask which of several named things has the most or least of something?"""
    if _WHICH_ROW.search(query):
        return False
    # "to which countries did UNHCR submit refugees": the names are the breakdown's, listed with figures
    if re.search(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}(?:countries|destinations|nations)\b", query, re.IGNORECASE):
        return True
    return bool(re.search(r"\b(?:which|what)\b", query, re.IGNORECASE) and _BREAKDOWN_NOUN.search(query)
                and _SUPERLATIVE.search(query))


_NAME_FIGURE_PAIR = re.compile(r"\d[\d,.]*%?\s+(?:[a-z]+\s+){0,2}(?:to|in|from|for|at)\s+(?:the\s+)?[A-Z]|"
                               r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*\s+\(\d[\d,.]*%?\)")


def lists_name_figures(text: str) -> bool:
    """Does ``text`` write two or more names each with its figure?"""
    return len(_NAME_FIGURE_PAIR.findall(text)) >= 2


class PassageIntents:
    """The passage features the intents need, for one index: computed on first use per row.

    Read-only after construction apart from its caches (thread-safe ``lru_cache``s; a race on
    ``definitions`` only repeats work).
    """

    def __init__(self, passages: Sequence[PassageRecord]) -> None:
        self._passages = passages
        self.kinds = np.array([p.kind for p in passages], dtype=object)
        self._counted = functools.lru_cache(maxsize=8192)(lambda row: counted_terms(passages[row].text))
        self._percent = functools.lru_cache(maxsize=8192)(lambda row: bool(_PERCENT.search(passages[row].text)))
        self._figures = functools.lru_cache(maxsize=8192)(lambda row: quoted_figures(passages[row].text))
        self._pairs = functools.lru_cache(maxsize=8192)(lambda row: lists_name_figures(passages[row].text))

    @functools.cached_property
    def definitions(self) -> dict[str, set[int]]:
        """Acronym → rows where it is defined ("… (CONASE)", "CONASE (…)")."""
        out: dict[str, set[int]] = {}
        for row, p in enumerate(self._passages):
            for match in _DEFINED.finditer(p.text):
                acronym = match.group(1) or match.group(2)
                out.setdefault(acronym, set()).add(row)
                if re.fullmatch(r"[A-Z]{2,}s", acronym):  # "(VSLAs)" defines VSLA too
                    out.setdefault(acronym[:-1], set()).add(row)
        return out

    @functools.cached_property
    def long_forms(self) -> list[tuple[int, frozenset[str]]]:
        """(row, terms of the words before it) for every "Long Name (ACR)" a passage writes."""
        out = []
        for row, p in enumerate(self._passages):
            for match in _DEFINED.finditer(p.text):
                if match.group(1):
                    before = p.text[max(0, match.start() - 80) : match.start()]
                    words = re.findall(r"[\w'-]+", before)[-7:]
                    out.append((row, frozenset(analyse(" ".join(words)))))
        return out

    def defining(self, query: str, allowed: np.ndarray | None) -> set[int]:
        """Rows that define an acronym the query asks about ("what does X stand for"), or, when the
        query describes the body instead ("what abbreviation does the report use for the foreign
        ministry"), rows defining an acronym whose long form says two or more of the query's words."""
        if not DEFINITION_INTENT.search(query):
            return set()
        acronyms = set(ACRONYM.findall(query))
        if not acronyms:
            asked = set(analyse(query))
            rows = {row for row, long_terms in self.long_forms if len(long_terms & asked) >= 2}
            return rows & set(allowed.tolist()) if allowed is not None else rows
        defined = self.definitions
        rows = set().union(*(defined.get(a, set()) for a in acronyms))
        if allowed is not None:
            rows &= set(allowed.tolist())
        return rows

    @functools.cached_property
    def budget_rows(self) -> list[int]:
        return [row for row, p in enumerate(self._passages) if p.columns]

    def extreme(self, query: str, allowed: np.ndarray | None) -> set[int]:
        """The budget row a "which area had the largest / smallest …" question asks for, per report
        (a build may hold several), in the table the question names."""
        asked = budget_extreme_asked(query)
        if asked is None:
            return set()
        column, largest, place, tables = asked
        allowed_set = None if allowed is None else set(allowed.tolist())
        by_report: dict[str, list[tuple[float, int]]] = {}
        for row in self.budget_rows:
            p = self._passages[row]
            if allowed_set is not None and row not in allowed_set or tables and p.table not in tables:
                continue
            value = dict(p.columns).get(column)
            if value is not None:
                by_report.setdefault(p.report, []).append((value, row))
        out = set()
        for rows in by_report.values():
            ranked = sorted(rows, reverse=largest)
            if place < len(ranked) and (place + 1 >= len(ranked) or ranked[place][0] != ranked[place + 1][0]):
                out.add(ranked[place][1])  # (a tie names no single row)
        return out

    def amount_rows(self, query: str, allowed: np.ndarray | None) -> set[int]:
        """Budget rows printing a sum the query gives rounded ("which area had about 7.5 million")."""
        if not _WHICH_ROW.search(query):
            return set()
        asked = amounts_asked(query)
        if not asked or stated_amount(query) is not None:
            return set()  # a range or a threshold ("between one and two million") is ``threshold_rows``'s
        allowed_set = None if allowed is None else set(allowed.tolist())
        return {row for row in self.budget_rows if (allowed_set is None or row in allowed_set)
                and any(abs(v - value) <= tol for _, v in self._passages[row].columns for value, tol in asked)}

    def threshold_rows(self, query: str, allowed: np.ndarray | None) -> set[int]:
        """Budget rows on the asked side of a share or within a range of money the query states
        ("which two outcome areas had less than a sixth of their budgets funded", "… between one and
        two million dollars available"), when one to four rows are."""
        if not _WHICH_ROW.search(query):
            return set()
        share, amount = stated_share(query), stated_amount(query)
        if share is not None:
            column = "expenditure_pct" if re.search(r"\bspen[dt]\w*|\bexpenditure|\bused\b", query, re.IGNORECASE) \
                else "funds_available_pct"
        elif amount is not None:
            column = amount_column(query)
        else:
            return set()
        tables = tuple(t for t in ("impact", "outcome") if re.search(rf"\b{t}\b", query, re.IGNORECASE))
        allowed_set = None if allowed is None else set(allowed.tolist())
        rows, eligible = set(), 0
        for row in self.budget_rows:
            p = self._passages[row]
            value = dict(p.columns).get(column)
            if value is None or allowed_set is not None and row not in allowed_set or tables and p.table not in tables:
                continue
            eligible += 1
            if share is not None and on_side(value, *share) or amount is not None and amount[0] <= value <= amount[1]:
                rows.add(row)
        return rows if 1 <= len(rows) <= 4 and len(rows) < eligible else set()  # every row: the threshold picks none

    def bonus(self, query: str, cand: np.ndarray, cfg: FusionConfig) -> np.ndarray:
        """Sum of the passage-kind, share and count bonuses of rows ``cand`` (units of the top score)."""
        rows = cand.tolist()
        kinds = self.kinds[cand]
        out = np.zeros(len(rows))
        prose_question = bool(NOT_TABLE.search(query))
        if prose_question:
            out -= cfg.not_table_weight * (kinds == "table_row")
        elif TABLE_INTENT.search(query):
            out += cfg.table_weight * (kinds == "table_row")
        if cfg.goal_weight and not GOAL_INTENT.search(query):
            out -= cfg.goal_weight * (kinds == "goal")
        if cfg.percent_weight and not prose_question and SHARE_INTENT.search(query):
            out += cfg.percent_weight * np.array([self._percent(r) for r in rows], dtype=float)
        quoted = quoted_figures(query) if cfg.figure_weight else frozenset()
        if quoted:
            out += cfg.figure_weight * np.array([bool(quoted & self._figures(r)) for r in rows], dtype=float)
        if cfg.breakdown_weight and breakdown_asked(query):
            out += cfg.breakdown_weight * np.array([self._pairs(r) for r in rows], dtype=float)
        focus = quantity_focus(query) if cfg.quantity_weight else ()
        if focus:
            out += cfg.quantity_weight * np.array([counts_focus(self._counted(r), focus) for r in rows], dtype=float)
        return out
