"""Answers from the parsed tables: indicator baseline/target/actual values and budget rows.

A question is matched to indicator labels (and their area titles) and to budget rows (area code,
short title, the area's full titles) by weighted term overlap with synonyms — the same terms the
prose answerer uses. The answer gives the asked value first and the rest of the row as context
("target 100.00% (baseline 13.42%, actual 15.50%)"), and cites the table-row passage with the
values highlighted.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from embeddings.intents import rank_asked
from ingest.model import AreaRef, BudgetRow, IndicatorRow, Value

from .context import Ctx, Draft, Evidence
from .figure_words import people_qualifier
from .signals import other_demonyms, own_country
from .text import Number, find_phrase, numbers, terms

# Words that say which column is asked for, not which row: they do not help match a label.
_COLUMN_WORDS = frozenset(
    t
    for w in "baseline target actual indicator value result achieved reached goal aim aimed aiming level budget final funds available "
    "funded funding expenditure spent spend spending usd dollars covered money percentage percent proportion "
    "share rate impact outcome area programming programme operation total much".split()
    for t in terms(w)
)


def _doc_terms(*texts: str) -> list[str]:
    out: list[str] = []
    for t in texts:
        out.extend(terms(t))
    return out


def _label_idf(docs: tuple[tuple[str, ...], ...]) -> dict[str, float]:
    n = len(docs)
    df = Counter(t for d in docs for t in set(d))
    return {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}


@dataclass(frozen=True)
class _Doc:
    """A label's terms and their total weight, computed once per knowledge base."""

    terms: frozenset[str]
    weight: float


def _doc(terms_: tuple[str, ...], idf: dict[str, float]) -> _Doc:
    s = frozenset(terms_)
    return _Doc(s, sum(idf.get(t, 1.0) for t in s))


def _scores(q: set[str], wq: float, d: _Doc, idf: dict[str, float], population: frozenset[str] = frozenset()
            ) -> tuple[float, float]:
    """(recall-weighted, F) fit of the question terms ``q`` to a label.

    The question must be covered by the label more than the label by the question: labels are
    long ("Proportion of children under 5 years of age whose births …"), questions short. Words
    of the question that the row's population column says ("refugees and asylum-seekers") count
    as covered, whether the label repeats them or not."""
    if not q or not d.terms:
        return 0.0, 0.0
    wi = sum(idf.get(t, 1.0) for t in q & d.terms)
    if not wi:
        return 0.0, 0.0
    p, r = wi / d.weight, (wi + sum(idf.get(t, 1.0) for t in population - d.terms)) / wq
    f = 2 * p * r / (p + r)
    return 0.6 * r + 0.4 * f, f


def _query_terms(ctx: Ctx) -> list[str]:
    # the report's main actor ("UNHCR") is behind every row: naming it does not pick one
    everywhere = {t for lk in ctx.links if ctx.kb.ubiquitous(lk.iri) for t in terms(lk.surface)}
    return [t for t in ctx.focus if t not in _COLUMN_WORDS and t not in everywhere and not re.fullmatch(r"\d{4}", t)]


def match_indicators(ctx: Ctx) -> list[tuple[float, str, IndicatorRow, float]]:
    """Indicator rows by fit to the question: (rank score, report id, row, strict F-score)."""
    if "indicators" in ctx.memo:
        return ctx.memo["indicators"]
    key = ("indicators", ctx.report)
    if key not in ctx.kb.memo:
        rows = [(rid, r) for rid, r in ctx.kb.indicators if not ctx.report or rid == ctx.report]
        labels = [tuple(_doc_terms(r.label)) for _, r in rows]
        areas = [tuple(_doc_terms(r.area.title)) for _, r in rows]
        idf = _label_idf(tuple(labels) + tuple(areas))
        docs = [(_doc(lab, idf), _doc(lab + ar, idf)) for lab, ar in zip(labels, areas, strict=True)]
        ctx.kb.memo[key] = (rows, docs, idf)
    rows, docs, idf = ctx.kb.memo[key]
    vocab_key = ("label-vocabulary", ctx.report)
    if vocab_key not in ctx.kb.memo:
        ctx.kb.memo[vocab_key] = frozenset(t for _, r in rows for t in terms(r.label))
    q = _in_label_words(ctx, set(_query_terms(ctx)), ctx.kb.memo[vocab_key])
    wq = sum(idf.get(t, 1.0) for t in q)
    low = ctx.question.lower()
    out = []
    for (rid, r), (d, da) in zip(rows, docs, strict=True):
        # "what share of refugees and asylum-seekers could use health services": the people asked
        # about are the row's population column, not words its label must hold
        pop = _population_terms(r.population) & q
        s1, f1 = _scores(q, wq, d, idf, pop)
        s2, f2 = _scores(q, wq, da, idf, pop)
        s, f = 0.8 * s1 + 0.2 * s2, 0.8 * f1 + 0.2 * f2
        if r.code in ctx.question and re.search(rf"(?<![\d.]){re.escape(r.code)}(?![\d.]*\d)", ctx.question):
            # "outcome indicator 1.1": the level named with the code tells the impact row 1.1 from the outcome one
            level_named = bool(re.search(rf"\b{r.area.kind}\s+indicators?\s+{re.escape(r.code)}(?![\d.]*\d)", low))
            bonus = 0.3 + (0.3 if _area_named(low, r.area.code, r.area.kind) or level_named else 0.0)
            s, f = s + bonus, f + bonus
        if r.area.kind in ("impact", "outcome") and r.area.kind in low:
            s += 0.05
        out.append((s, rid, r, f))
    out.sort(key=lambda x: -x[0])
    ctx.memo["indicators"] = out
    return out


def _in_label_words(ctx: Ctx, q: set[str], vocabulary: frozenset[str]) -> set[str]:
    """The question's terms as the labels write them: "gender-based violence" asked, "GBV services"
    labelled (and the other way round), by the acronyms the report defines."""
    for acronym, defs in ctx.kb.acronyms.items():
        short = set(terms(acronym))
        if not short or not any(not ctx.report or ctx.kb.passages[d.passage_id].report == ctx.report for d in defs):
            continue
        long = set(terms(defs[0].long_form))
        if len(long) < 2:
            continue
        labels_short, labels_long = short <= vocabulary, long <= vocabulary
        if long <= q and labels_short and not labels_long:
            q = (q - long) | short
        elif short <= q and labels_long and not labels_short:
            q = (q - short) | long
    return q


@lru_cache(maxsize=256)
def _population_terms(population: str) -> frozenset[str]:
    return frozenset(terms(population))


def _area_named(low: str, code: str, kind: str) -> bool:
    num = re.sub(r"\D", "", code)
    return bool(re.search(rf"\b(?:{kind} area\s*{num}|{code.lower()})\b", low))


def _values(row: IndicatorRow) -> list[tuple[str, Value | None]]:
    return [("baseline", row.baseline), ("target", row.target), ("actual", row.actual)]


def _value_spans(text: str, start: int, values: list[Value]) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for v in values:
        found = find_phrase(text, v.text, pos)
        if found is None:
            found = find_phrase(text, v.text, start)
        if found:
            spans.append(found)
            pos = found[1]
    return spans


def answer_indicator(ctx: Ctx) -> Draft | None:
    matches = match_indicators(ctx)
    if not matches:
        return None
    score, _rid, row, strict = matches[0]
    second = matches[1][0] if len(matches) > 1 else 0.0
    field = ctx.intent.field or _before_the_year(ctx) or "actual"
    vals = {k: v for k, v in _values(row) if v is not None}
    if not vals:
        return None
    if field not in vals:
        if ctx.intent.field:
            return None  # the asked column is empty for this row (impact indicators have no target)
        field = "actual" if "actual" in vals else next(iter(vals))
    label = short(row.label, 110)
    main = f"{field} {vals[field].text}"
    rest = [f"{k} {v.text}" for k, v in vals.items() if k != field]
    text = f"{main} ({', '.join(rest)}) — indicator {row.code} {label}" if rest else f"{main} — indicator {row.code} {label}"
    passage = ctx.kb.passages[row.passage_id]
    label_span = find_phrase(passage.text, row.code)
    spans = [label_span] if label_span else []
    lab = find_phrase(passage.text, row.label) or find_phrase(passage.text, " ".join(row.label.split()[:6]))
    if lab:
        spans.append((lab[0], lab[1]))
    spans += _value_spans(passage.text, spans[-1][1] if spans else 0, [v for _, v in _values(row) if v])
    explicit = 0.1 if ctx.intent.field else 0.0  # the question names a column: it is about a table
    conf = min(1.0, 0.2 + 0.9 * strict + explicit) - max(0.0, 0.15 - (score - second))
    notes = []
    if ctx.intent.percent and row.unit == "number" and not re.search(r"\bhow many\b", ctx.question, re.IGNORECASE):
        conf *= 0.5  # a share was asked, the row counts
        notes.append("doubt: the question asks for a share, the indicator is a count")
    row_terms = set(_doc_terms(row.label, row.area.title, row.population, row.code))
    for lk in ctx.links:
        e = ctx.kb.entity(lk.iri)
        if lk.score < 0.9 or ctx.kb.ubiquitous(lk.iri) or (e is not None and e.type in ("Indicator", "Area")):
            continue
        if not set(terms(lk.surface)) & row_terms:
            # "what share of the CAV survivors …": the row is not about the CAVs; a row is never
            # broken down by a place other than the report's country ("… to <country>")
            place = e is not None and e.type == "Location" and not own_country(ctx, lk.surface)
            conf *= 0.3 if place else 0.6
            notes.append(f"doubt: the indicator does not concern {lk.surface}")
    for demonym in other_demonyms(ctx):
        if demonym not in row_terms:
            conf *= 0.3  # "what proportion of Afghan refugees …": the row counts every refugee
            notes.append(f"doubt: the indicator does not count {demonym} people apart")
            break
    qualifier = people_qualifier(ctx.question) - row_terms  # "how many LGBTIQ+ refugees …"
    if qualifier:
        conf *= 0.5  # the row counts everyone of its population, not that group apart
        notes.append(f"doubt: the indicator does not count {' '.join(sorted(qualifier))} people apart")
    other = _other_population(ctx, row)
    if other:
        conf *= 0.3
        notes.append(f"doubt: the question is about {other}, the indicator about {row.population}")
    return Draft(text, "indicator", max(0.0, conf), [Evidence(row.passage_id, spans, score)], notes=notes)


def _before_the_year(ctx: Ctx) -> str:
    """"Before 2025, how many days did it take …" in the 2025 report: the baseline column."""
    years = {d.report.meta.year for d in ctx.documents if d.report.meta.year}
    m = re.search(r"\b(?:before|prior to|ahead of) ((?:19|20)\d\d)\b", ctx.question, re.IGNORECASE)
    return "baseline" if m and int(m.group(1)) in years else ""


_NATIONALS = re.compile(r"\b(?:nationals?|citizens?|host (?:communit(?:y|ies)|population)|locals?|general population)\b",
                        re.IGNORECASE)


def _other_population(ctx: Ctx, row: IndicatorRow) -> str:
    """A population the question names that the indicator row does not measure ("among Xlandian
    nationals" vs a row about refugees and asylum-seekers)."""
    row_text = f"{row.label} {row.population}".lower()
    m = _NATIONALS.search(ctx.question)
    if m and m.group().lower().rstrip("s") not in row_text:
        return m.group()
    for c in ctx.countries:
        stem = c[:-1] if len(c) > 4 and c[-1] in "aeiouy" else c
        d = re.search(rf"\b{re.escape(stem)}\w*(?:ians?|ans?|ese|i)s?\b", ctx.question)
        if d and d.group() != c and d.group().lower() not in row_text:
            return d.group()  # "Xlandians", "Xlandian nationals"
    return ""


def short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + " …"


# -- budget ------------------------------------------------------------------------------------

BUDGET_LABELS = {
    "final_budget": "final budget",
    "funds_available": "funds available",
    "funds_available_pct": "funds available as % of budget",
    "expenditure": "expenditure",
    "expenditure_pct": "expenditure as % of funds available",
}


def match_budget(ctx: Ctx) -> list[tuple[float, str, BudgetRow]]:
    key = ("budget", ctx.report)
    if key not in ctx.kb.memo:
        rows = [(rid, r) for rid, r in ctx.kb.budget if not ctx.report or rid == ctx.report]
        docs = []
        for rid, r in rows:
            titles = ctx.kb.area_titles.get((rid, r.area.code), set()) | {r.area.title}
            docs.append(tuple(_doc_terms(r.area.code, *sorted(titles))))
        idf = _label_idf(tuple(docs))
        ctx.kb.memo[key] = (rows, [_doc(d, idf) for d in docs], idf)
    rows, docs, idf = ctx.kb.memo[key]
    if not rows:
        return []
    q = set(_query_terms(ctx))
    wq = sum(idf.get(t, 1.0) for t in q)
    low = ctx.question.lower()
    out = []
    for (rid, r), d in zip(rows, docs, strict=True):
        s = _scores(q, wq, d, idf)[1]
        short = r.area.title.lower()
        if short and re.search(rf"\b{re.escape(short)}", low):
            s += 0.4
        num = re.sub(r"\D", "", r.area.code)
        if num and re.search(rf"\b(?:{r.area.kind} area\s*{num}|{r.area.code.lower()})\b", low):
            s += 0.6
        if r.area.code.lower() == "total" and re.search(r"\b(?:total|overall|whole|entire|operation)\b", low):
            s += 0.5 if not q or s > 0 else 0.45
        if r.area.kind in low:
            s += 0.05
        out.append((s, rid, r))
    out.sort(key=lambda x: -x[0])
    return out


def answer_finance(ctx: Ctx) -> Draft | None:
    field = ctx.intent.field or ("funds_available_pct" if ctx.intent.percent else "final_budget")
    if ctx.intent.superlative or rank_asked(ctx.question) and re.search(r"\b(?:which|what)\b[^?]*\b(?:areas?|lines?|rows?)\b",
                                                                        ctx.question, re.IGNORECASE):
        return _budget_extreme(ctx, field)
    matches = match_budget(ctx)
    if not matches:
        return None
    score, _rid, row = matches[0]
    second = matches[1][0] if len(matches) > 1 else 0.0
    if abs(score - second) < 1e-9 and row.area.code != matches[1][2].area.code:
        a, b = row, matches[1][2]
        if (a.final_budget, a.funds_available) != (b.final_budget, b.funds_available):
            score *= 0.6  # two different rows fit equally: not sure which is meant
    vals = {k: getattr(row, k) for k in BUDGET_LABELS if getattr(row, k) is not None}
    if field not in vals:
        return None
    rest = [f"{BUDGET_LABELS[k]} {v.text}" for k, v in vals.items() if k != field]
    name = row.area.title if row.area.code.lower() == "total" else f"{row.area.code}: {row.area.title}"
    cur = f"{row.currency} " if not field.endswith("_pct") else ""
    text = f"{cur}{vals[field].text} ({BUDGET_LABELS[field]}; {'; '.join(rest)}) — {name}"
    passage = ctx.kb.passages[row.passage_id]
    spans = [(0, len(passage.text.rstrip()))]
    conf = min(1.0, 0.25 + 0.8 * score)
    notes = []
    # an organisation named, or a country other than the report's named as the money's source (a donor government)
    others = [lk.surface for lk in ctx.links if lk.score >= 0.9 and not ctx.kb.ubiquitous(lk.iri)
              and (e := ctx.kb.entity(lk.iri)) is not None and (e.type == "Organization" or e.subtype == "Country" and re.search(
                  rf"\b{re.escape(lk.surface)}\b[^?]*\b(?:contribut|donat|gave|give|provid|fund)|\b(?:from|by)\s+(?:the\s+)?"
                  rf"{re.escape(lk.surface)}\b|\b{re.escape(lk.surface)}(?:['’]s?)?\s+(?:money|funds|funding|contribution|dollars)",
                  ctx.question, re.IGNORECASE))]
    if others:
        # "how many ECHO dollars went to the operation": the table is the operation's own, by area, not by donor
        conf *= 0.5
        notes.append(f"doubt: the budget table does not say what came from {others[0]}")
    if row.currency and row.currency not in passage.text:
        text = text.replace(f"{row.currency} ", "", 1)
    return Draft(text, "finance", conf, [Evidence(row.passage_id, spans, score)], notes=notes)


_SET_ASIDE = re.compile(r"\b(?:setting aside|leaving aside|putting aside|aside from|apart from|other than|excluding|except(?: for)?|"
                        r"besides|not counting|leaving out|ignoring)\s+([^,?;]+?)\s*(?:,|;|\?|$|\bwhich\b)")


def _budget_extreme(ctx: Ctx, field: str) -> Draft | None:
    low = ctx.question.lower()
    rows = [(rid, r) for rid, r in ctx.kb.budget if (not ctx.report or rid == ctx.report)
            and r.area.code.lower() != "total" and getattr(r, field) is not None]
    kinds = [k for k in ("impact", "outcome", "enabling") if k in low]
    if kinds:
        rows = [(rid, r) for rid, r in rows if r.area.kind in kinds or (r.table in kinds)]
    set_aside = _SET_ASIDE.search(low)
    if set_aside:
        # "setting aside resettlement, which line …": the rows the aside names leave the ranking
        named = set(terms(set_aside.group(1))) - {"area", "areas", "impact", "outcome", "the"}
        rows = [(rid, r) for rid, r in rows if not named & {
            t for title in ctx.kb.area_titles.get((rid, r.area.code), set()) | {r.area.title, r.area.code}
            for t in terms(title)}]
    if not rows:
        return None
    # "the second-largest budget", "ranked by budget, which came third": places down the ranking
    largest, place = rank_asked(ctx.question) or (ctx.intent.superlative == "max", 0)
    ranked = sorted(rows, key=lambda x: getattr(x[1], field).value or 0.0, reverse=largest)
    if place >= len(ranked):
        return None
    rid, row = ranked[place]
    v = getattr(row, field)
    text = f"{row.area.code}: {row.area.title} ({BUDGET_LABELS[field]} {v.text})"
    passage = ctx.kb.passages[row.passage_id]
    return Draft(text, "finance", 0.7, [Evidence(row.passage_id, [(0, len(passage.text.rstrip()))], 1.0)])



# "which area …", and "one indicator fell from X to Y — what does it measure?"
_WHICH_ROW = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,4}?(?:areas?|indicators?|lines?|rows?|measures?)\b|"
                        # "Two indicators were given an 85% goal. Which ones?"
                        r"\b(?:indicators|measures|areas)\b[^?]*[.:;]\s*which (?:ones|two|three|four|of them)\b|"
                        r"\b(?:indicators?|measures?)\b[^?]*\bwhat (?:does|did|is|was) (?:it|this|that)\b|"
                        r"\bwhat (?:does|did|do) (?:the |that |this )?(?:[\w-]+ )?indicators?\b[^?]*\b(?:measure|track|count|"
                        r"show|capture|refer to|cover)\b", re.IGNORECASE)


def answer_row_by_value(ctx: Ctx) -> Draft | None:
    """"Which outcome area had USD 512,770 available?": the row of the tables that prints the figure
    the question gives (in the column it names, when it names one)."""
    if not _WHICH_ROW.search(ctx.question):
        return None
    # a spelled-out sum ("just over eight million dollars") names a row; "which two areas" does not
    given = [n for n in numbers(ctx.question) if not n.is_year and (not n.spelled or n.value >= 1000)]
    if not given:
        return None
    field = ctx.intent.field
    found: list[tuple[str, str, Value, str, str, int, str]] = []  # (passage, name, value, column, kind, area named, level)
    asked = set(terms(ctx.question))

    def area_named(rid: str, area: AreaRef) -> int:
        titles = ctx.kb.area_titles.get((rid, area.code), set()) | {area.title}
        return max(len(asked & set(terms(t))) for t in titles)

    for rid, b in ctx.kb.budget:
        if ctx.report and rid != ctx.report or b.area.code.lower() == "total":
            continue
        for col, label in BUDGET_LABELS.items():
            v = getattr(b, col)
            if v is not None and (not field or field == col) and _same_value(v, given, ctx.question):
                found.append((b.passage_id, f"{b.area.code}: {b.area.title}", v, label, "finance", area_named(rid, b.area),
                              b.table or b.area.kind))
    for rid, r in ctx.kb.indicators:
        if ctx.report and rid != ctx.report:
            continue
        for col, v in _values(r):
            if v is not None and (not field or field == col) and _same_value(v, given, ctx.question):
                found.append((r.passage_id, f"indicator {r.code} {short(r.label, 110)}", v, col, "indicator",
                              area_named(rid, r.area), r.area.kind))
    kinds = [k for k in ("impact", "outcome") if re.search(rf"\b{k}\b", ctx.question, re.IGNORECASE)]
    if len({f[1] for f in found}) > 1 and len(kinds) == 1:
        # "which of the four impact areas was funded at 27.93%": an outcome area prints it too
        found = [f for f in found if f[6] == kinds[0]] or found
    if len({f[1] for f in found}) > 1 and len(given) > 1:
        # "slipped from just under 74% to about 71%": the row printing both figures
        matched = {name: sum(any(_same_value(f[2], [g], ctx.question) for f in found if f[1] == name) for g in given)
                   for name in {f[1] for f in found}}
        most = max(matched.values())
        found = [f for f in found if matched[f[1]] == most]
    if len({f[1] for f in found}) > 1:
        # "which GBV indicator aimed for 100%": several rows print it; the area named says which
        top = max(f[5] for f in found)
        if top or not _WHICH_ROWS.search(ctx.question):
            found = [f for f in found if top and f[5] == top]
    names = {f[1] for f in found}
    if 1 < len(names) <= 4 and _WHICH_ROWS.search(ctx.question):
        # "which indicators were given a 100% goal": every row printing it is asked
        rows = list({f[1]: f for f in found}.values())
        evidence = []
        for pid, _, v, _, _, _, _ in rows:
            span = find_phrase(ctx.kb.passages[pid].text, v.text)
            evidence.append(Evidence(pid, [span] if span else [(0, len(ctx.kb.passages[pid].text.rstrip()))], 1.0))
        return Draft("; ".join(f"{name} ({col} {v.text})" for _, name, v, col, _, _, _ in rows), rows[0][4], 0.75, evidence)
    if len(names) != 1:
        return None  # nothing prints it, or several rows do: the figure does not say which
    pid, name, v, col, kind, _, _ = found[0]
    passage = ctx.kb.passages[pid]
    span = find_phrase(passage.text, v.text)
    spans = [span] if span else [(0, len(passage.text.rstrip()))]
    return Draft(f"{name} ({col} {v.text})", kind, 0.8, [Evidence(pid, spans, 1.0)])


_WHICH_ROWS = re.compile(r"\b(?:which|what) (?:[\w-]+ ){0,3}?(?:indicators|areas|rows|measures)\b|"
                         r"\b(?:indicators|measures|areas)\b[^?]*[.:;]\s*which (?:ones|two|three|four|of them)\b|"
                         r"\b(?:list|name) (?:the |all )?(?:[\w-]+ ){0,3}?(?:indicators|areas|rows)\b", re.IGNORECASE)


def _same_value(v: Value, given: list[Number], question: str = "") -> bool:
    return v.value is not None and any(abs(v.value - g.value) <= _tolerance(g, question) for g in given)


_ROUNDED_BEFORE = re.compile(r"\b(?:about|around|roughly|approximately|nearly|almost|just (?:under|over|below|above)|some|"
                             r"close to|a little (?:under|over))\s*$", re.IGNORECASE)


def _tolerance(g: Number, question: str = "") -> float:
    """How far a printed value may be from a figure the question rounds: "18.2 million" is any
    value from 18.15 to 18.25 million, "just under 74%" any from 73.5% to 74.5%; a figure written
    in full, without a word saying it is rounded, must match exactly."""
    m = re.search(r"(?:\.(\d+))?\s*(million|billion|thousand)\b", g.text, re.IGNORECASE)
    if m is None:
        if _ROUNDED_BEFORE.search(question[max(0, g.start - 20) : g.start]):
            decimals = re.search(r"\.(\d+)", g.text)
            return 0.5 * 10 ** -len(decimals.group(1) if decimals else "")
        return 1e-6 * max(1.0, abs(g.value))
    scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[m.group(2).lower()]
    return 0.5 * scale * 10 ** -len(m.group(1) or "")


_AREA_CODE = re.compile(r"\b(?:IA|OA|EA)\s?\d{1,2}\b")
_ASKS_WHAT_AREA = re.compile(r"\bwhat (?:does|do|did|is|was)\b[^?]*\b(?:cover|stand for|mean|refer to|correspond to|represent|"
                             r"denote|about)\b|\bwhich (?:[\w-]+ )?(?:area|theme|topic)\b|\bwhat (?:area|theme|topic)\b|"
                             r"\btitled?\b|\bfull (?:name|title)\b", re.IGNORECASE)


def answer_area_code(ctx: Ctx) -> Draft | None:
    """"What does the row coded EA20 cover?", "the budget line IA2 lines up with which impact area as
    titled earlier?": the area a table code stands for, with its full title from the section tree."""
    codes = {re.sub(r"\s", "", m.group()).upper() for m in _AREA_CODE.finditer(ctx.question)}
    if len(codes) != 1 or not _ASKS_WHAT_AREA.search(ctx.question):
        return None
    code = codes.pop()
    rows = [(rid, b) for rid, b in ctx.kb.budget if (not ctx.report or rid == ctx.report) and b.area.code.upper() == code]
    if len(rows) != 1:
        return None  # unknown, or a code of several reports: the question does not say which
    rid, row = rows[0]
    titles = sorted(ctx.kb.area_titles.get((rid, row.area.code), set()) | {row.area.title}, key=len)
    full, short_title = titles[-1], row.area.title
    text = f"{row.area.code}: {full}" + (f" ({short_title})" if short_title != full else "")
    passage = ctx.kb.passages[row.passage_id]
    return Draft(text, "finance", 0.75, [Evidence(row.passage_id, [(0, len(passage.text.rstrip()))], 1.0)])


# "under what code is child protection listed", "what short code does the table give the livelihoods outcome"
_ASKS_AREA_CODE = re.compile(r"\b(?:what|which)\s+(?:[\w-]+\s+){0,3}?codes?\b|\bcoded as what\b|\bcodes?\s+(?:is|was)\s+"
                        r"(?:it|used|given)\b", re.IGNORECASE)


_ASKS_INDICATOR_CODE = re.compile(
    r"\b(?:what|which)\s+(?:[\w-]+\s+){0,2}?(?:code|number)\b[^?]*\b(?:indicators?|measures?|metrics?|tables?)\b|"
    r"\bunder (?:what|which) (?:[\w-]+ )?(?:code|number)\b", re.IGNORECASE)


def answer_indicator_code(ctx: Ctx) -> Draft | None:
    """"Which code does the child protection table give the measure of children in alternative care?":
    the number of the indicator row whose label fits the question best."""
    if not _ASKS_INDICATOR_CODE.search(ctx.question) or _AREA_CODE.search(ctx.question) or re.search(
            r"\b(?:budget\w*|funds?|funding|money|spent|expenditure)\b", ctx.question, re.IGNORECASE):
        return None
    matches = match_indicators(ctx)
    if not matches or matches[0][3] < 0.45 or len(matches) > 1 and matches[1][2].code != matches[0][2].code \
            and matches[1][0] >= matches[0][0] - 1e-9:
        return None  # no row fits, or two fit as well: the question does not say which
    row = matches[0][2]
    passage = ctx.kb.passages[row.passage_id]
    span = find_phrase(passage.text, row.label[:60])
    spans = [span or (0, len(passage.text.rstrip()))]
    text = f"indicator {row.code} ({short(row.label, 150)})"
    if _ASKS_VALUE_TOO.search(ctx.question):
        # "… under what code, and what was the 2023 reading?": the row's values with its number
        vals = [(k, v) for k, v in _values(row) if v]
        text += " — " + ", ".join(f"{k} {v.text}" for k, v in vals)
        spans += _value_spans(passage.text, spans[0][1], [v for _, v in vals])
    return Draft(text, "indicator", min(0.9, 0.4 + matches[0][3] * 0.5), [Evidence(row.passage_id, spans, 1.0)])


# "… and what figure does it show for 2023", "and where did it stand", "and what was the 2023 reading"
_ASKS_VALUE_TOO = re.compile(r"\band\s+(?:what|where|how)\b[^?]*\b(?:figure|value|reading|level|result|stand|stood|show|"
                             r"shows|reach|reached|end|ended|baseline|target|actual|percentage|share)\b", re.IGNORECASE)


def answer_code_of_area(ctx: Ctx) -> Draft | None:
    """"Under what code does the budget table list child protection?": the code of the area whose
    title the question says most of (at the level it names, when it names one)."""
    if _AREA_CODE.search(ctx.question) or not _ASKS_AREA_CODE.search(ctx.question) or not re.search(
            r"\b(?:tables?|budget\w*|areas?|outcomes?|impacts?|enabling|lines?|rows?|financ\w*|money)\b", ctx.question, re.IGNORECASE):
        return None  # "what code of conduct …" is not about the tables
    if re.search(r"\b(?:indicators?|measures?|metrics?)\b|\b(?:table|it)\s+(?:count|log|record|track|measure)s?\b|"
                 r"\b(?:attached|assigned|given) to the (?:count|number|share|proportion|rate)\b", ctx.question, re.IGNORECASE):
        # "under which indicator code …", "which code does the table count X under": the row's
        # number, not its area's
        return None
    asked = set(terms(ctx.question))
    kinds = [k for k in ("impact", "outcome", "enabling") if re.search(rf"\b{k}\b", ctx.question, re.IGNORECASE)]
    scored: dict[str, tuple[float, int, str, BudgetRow]] = {}
    for rid, row in ctx.kb.budget:
        if ctx.report and rid != ctx.report or row.area.code.lower() == "total" or kinds and row.area.kind not in kinds:
            continue
        for title in ctx.kb.area_titles.get((rid, row.area.code), set()) | {row.area.title}:
            said = asked & set(terms(title))
            if said:
                score = (len(said) / len(set(terms(title))), len(said), rid, row)
                if row.area.code not in scored or score[:2] > scored[row.area.code][:2]:
                    scored[row.area.code] = score
    ranked = sorted(scored.values(), key=lambda x: x[:2], reverse=True)
    if not ranked or ranked[0][0] < 0.5 or len(ranked) > 1 and ranked[1][:2] == ranked[0][:2]:
        return None  # no area named, or two named as well: the question does not say which
    _, _, rid, row = ranked[0]
    full = max(ctx.kb.area_titles.get((rid, row.area.code), set()) | {row.area.title}, key=len)
    passage = ctx.kb.passages[row.passage_id]
    span = find_phrase(passage.text, row.area.code)
    return Draft(f"{row.area.code} ({full})", "finance", 0.75, [Evidence(row.passage_id, [span or (0, len(passage.text.rstrip()))], 1.0)])

