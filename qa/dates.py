"""Answers to "when" questions: the date a sentence gives for the action asked.

"When did the regularization window close?", "which month did Congress approve the amnesty?",
"until when could people apply?": the best sentences (by how much of the question they say) are
read for a date — a month with its day or year ("in April", "until October 2023", "by the end of
November"), or a bare year when the sentence gives no month. When a sentence gives several dates,
the one nearest the question's own words is the answer ("approved in April …, applications closed
in October").
"""

from __future__ import annotations

import re

from .context import Ctx, Draft, Evidence, first_match, phrase_draft
from .text import find_phrase, numbers, terms

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = re.compile(
    rf"\b(?:(?:early|mid|late|the end of|end of|the beginning of|beginning of)[\s-]+)?(?:\d{{1,2}}\s+)?{_MONTH}"
    rf"(?:\s+\d{{1,2}}(?!\d))?(?:,?\s+(?:19|20)\d\d)?\b"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "in the latter half of 2023", "early 2024", "the third quarter of 2023"
_PART_OF_YEAR = re.compile(r"\b(?:(?:the )?(?:first|second|latter|last|third|fourth) (?:half|quarter) of|early|mid|late)"
                           r"[\s-]+(?:19|20)\d\d\b", re.IGNORECASE)
# "May" is also a verb: a month only after a preposition or before a day or year
_MAY_VERB = re.compile(r"^May\b(?!\s+\d)")
_MONTH_PREP = re.compile(r"(?:\bin|\bon|\bby|\buntil|\bsince|\bfrom|\bto|\bof|\bbetween|\band|\bearly|\bmid|\blate)[\s-]*$",
                         re.IGNORECASE)

ASKS_DATE = re.compile(
    r"^\s*(?:(?:up\s+to|(?:up\s+)?until|till)\s+when|since\s+when|by\s+when|from\s+when|"
    r"when\s+(?:did|does|do|was|were|is|are|will|has|have|had|could|can|would|should)\b)|"
    r"\b(?:which|what|in which|in what)\s+(?:(?:exact|precise|specific)\s+)?(?:month|date|day)\b",
    re.IGNORECASE,
)


_FUTURE = re.compile(r"\b(?:will|expected|planned|scheduled|due to|foreseen|intends?|to be (?:adopted|approved|held|launched))\b",
                     re.IGNORECASE)


def asks_date(question: str) -> bool:
    return bool(ASKS_DATE.search(question))


def day_asked(question: str) -> bool:
    """"On what exact date in March …": the month is given, the day is asked."""
    return bool(re.search(r"\b(?:date|day)\b", question, re.IGNORECASE) and re.search(rf"\b{_MONTH}\b", question))


def day_in(text: str) -> bool:
    return bool(re.search(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b|\b{_MONTH}\s+\d{{1,2}}\b", text))


def month_asked(question: str) -> bool:
    return bool(re.search(r"\b(?:month|date|day)\b", question, re.IGNORECASE))


def dates_in(raw: str, question_years: set[int], month_only: bool) -> list[tuple[int, int]]:
    """Date spans of a sentence: months (with day or year); bare years only when no month is
    written and the question neither names that year nor asks for a month."""
    out = [] if month_only else [(m.start(), m.end()) for m in _PART_OF_YEAR.finditer(raw)]
    for m in _DATE.finditer(raw):
        if _MAY_VERB.match(m.group()) and not _MONTH_PREP.search(raw[: m.start()]):
            continue
        out.append((m.start(), m.end()))
    if out or month_only:
        return out
    return [(m.start(), m.end()) for m in _YEAR.finditer(raw) if int(m.group()) not in question_years
            and not re.match(r"\s*(?:%|per\s?cent|people|persons|individuals|refugees|households)", raw[m.end() :])]


def answer_date(ctx: Ctx) -> Draft | None:
    if not asks_date(ctx.question):
        return None
    month_only = month_asked(ctx.question)
    future = bool(_FUTURE.search(ctx.question))
    years = set(ctx.intent.years)
    focus = [t for t in ctx.focus if t not in ("month", "date", "day") and not t.isdigit()]
    given = {n.value for n in numbers(ctx.question) if not n.is_year and not (n.spelled and n.value < 10)}
    total = sum(ctx.weight(t) for t in focus) or 1.0
    best: tuple[float, str, tuple[int, int], tuple[int, int], float] | None = None
    for ss in ctx.scored_sentences[:10]:
        raw = ctx.kb.passages[ss.passage_id].text[ss.sent.start : ss.sent.end]
        spans = dates_in(raw, years, month_only)
        if future and not _FUTURE.search(raw):
            continue  # "when is X expected to be adopted": a date something was done does not say
        if not future and re.match(r"\s*by (?:the end of )?(?:19|20)\d\d\b", raw, re.IGNORECASE) and re.search(
                r"\b(?:was|were|did|had)\b", ctx.question, re.IGNORECASE):
            continue  # "when was the board created" is not answered by a goal ("By 2029, the board has …")
        if not spans:
            continue
        cov = sum(ctx.weight(t) for t in focus if t in ss.matched) / total
        if given and any(n.value in given for n in numbers(raw)):
            cov += 0.2  # the sentence states the figure the question gives ("1.5 million" for "one and a half million")
        if cov < 0.4:
            continue
        span = min(spans, key=lambda sp: (not _same_bound(ctx.question, raw, sp), _distance(raw, sp, set(focus))))
        if _said_of_another(ctx, raw, span):
            continue
        score = cov + 0.02 / ss.rank
        if best is None or score > best[0]:
            best = (score, ss.passage_id, (ss.sent.start, ss.sent.end), span, cov)
    if best is None:
        return None
    _, pid, (a, _b), (s, e), cov = best
    text = " ".join(ctx.kb.passages[pid].text[a + s : a + e].split())
    conf = min(1.0, 0.15 + 0.8 * cov)
    return Draft(text, "number", conf, [Evidence(pid, [(a, best[2][1])], best[0])])


def _said_of_another(ctx: Ctx, raw: str, span: tuple[int, int]) -> bool:
    """"… the City Council of Itaverá, which approved a policy in August, and the municipality of
    Pedra Alta, which established a council …": the date is in a relative clause about another name
    than the one the question asks about, which is written later in the sentence."""
    segments = [m for m in re.finditer(r"[^,;]+", raw)]
    at = next((i for i, m in enumerate(segments) if m.start() <= span[0] < m.end()), None)
    if at is None or at == 0 or not re.match(r"\s*(?:which|who)\b", segments[at].group()):
        return False
    unit = segments[at - 1].group() + segments[at].group()
    later = raw[segments[at].end() :]
    forms = [ctx.kb.surfaces(lk.iri) or [lk.surface] for lk in ctx.links if lk.score >= 0.9]
    return bool(forms) and all(not any(find_phrase(unit, f) for f in fs) and any(find_phrase(later, f) for f in fs)
                               for fs in forms)


_UNTIL = r"(?:until|till|up to|through|to|by)"


def _same_bound(question: str, raw: str, span: tuple[int, int]) -> bool:
    """"Up to when could people apply": the date written after "until" (not "approved in April")."""
    before = raw[max(0, span[0] - 12) : span[0]].lower()
    if re.search(r"\b(?:up to|until|till|by) when\b|\b(?:close|closed|end|ended|expire|expired|deadline)\b",
                 question, re.IGNORECASE):
        return bool(re.search(rf"\b{_UNTIL}\s+(?:the\s+)?(?:end of\s+)?$", before))
    if re.search(r"\bsince when\b|\b(?:start|started|begin|began|open|opened|under ?way|commenc\w*|launch\w*)\b", question,
                 re.IGNORECASE):
        near = raw[max(0, span[0] - 30) : span[0]]
        return bool(re.search(r"\bsince\s+$", before) or (re.search(r"\b(?:from|in)\s+$", before) and re.search(
            r"\b(?:start\w*|began|begun|begin\w*|commenc\w*|launch\w*|open\w*|initiat\w*|established|created)\b", near, re.IGNORECASE)))
    return True


def _distance(raw: str, span: tuple[int, int], focus: set[str]) -> int:
    """Characters between a date and the nearest word of the question's focus."""
    positions = [m.start() for m in re.finditer(r"[\w'’-]+", raw) if set(terms(m.group())) & focus]
    if not positions:
        return 0
    mid = (span[0] + span[1]) // 2
    return min(abs(p - mid) for p in positions)


# "during which part of 2025 …", "at what point in the year …": a part of the year, as the text says it
_ASKS_PART_OF_YEAR = re.compile(r"\b(?:which|what) (?:part|half|quarter|time|stage) of (?:the year|(?:19|20)\d\d)\b|"
                                r"\bat what (?:point|time|stage) (?:in|of) (?:the year|(?:19|20)\d\d)\b", re.IGNORECASE)
_PART_OF_A_YEAR = re.compile(
    r"\b(?:the )?(?:first|second|latter|last|final|third|fourth) (?:half|quarter|semester)\b(?: of (?:the year|(?:19|20)\d\d))?|"
    r"\b(?:early|mid|late)[\s-](?:in )?(?:the year|(?:19|20)\d\d)\b|\bat the (?:start|beginning|end) of the year\b",
    re.IGNORECASE)


def answer_part_of_year(ctx: Ctx) -> Draft | None:
    """The part of the year the best sentence gives ("in the first half of the year")."""
    found = first_match(ctx, _PART_OF_A_YEAR, 0.35) if _ASKS_PART_OF_YEAR.search(ctx.question) else None
    return phrase_draft(found[0], found[1].start(), found[1].end(), found[1].group(), kind="number") if found else None


# "Which year's results does this report describe?", "what year does the report cover?"
_ASKS_REPORT_YEAR = re.compile(
    r"\b(?:which|what) year(?:['’]s)?\b[^?]*\b(?:report|document)\b[^?]*\b(?:cover\w*|describ\w*|about|for|on|report\w*)\b|"
    r"\b(?:which|what) (?:year|period) (?:is|was) (?:this|the) (?:report|document) (?:about|for|on|covering)\b",
    re.IGNORECASE,
)


def answer_report_year(ctx: Ctx) -> Draft | None:
    """The year the report covers, from its metadata, cited where its text first writes that year."""
    if not _ASKS_REPORT_YEAR.search(ctx.question) or len(ctx.documents) != 1:
        return None
    doc = ctx.documents[0]
    year = doc.report.meta.year
    if not year:
        return None
    for p in doc.passages:
        m = re.search(rf"\b{year}\b", p.text)
        if m:
            return Draft(str(year), "number", 0.9, [Evidence(p.id, [(m.start(), m.end())], 1.0)])
    return None
