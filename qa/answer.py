"""``answer(question, kb)``: intent → the answerers that fit it → the best draft → citations, or abstention.

Each question family has its first source (architecture.md, "where each kind of question is
answered"): relations in the graph, the alias table, the parsed tables, passage retrieval with
sentence and number selection. The answerers of a family are tried in order and may disagree;
the draft kept is the most confident one. Abstention: when the best draft's confidence is below
``AnswerOptions.min_confidence`` (calibrated on the dev questions), when the question names
something the reports never mention, or asks about a year the evidence does not cover, the
answer text is ``None`` — the closest passages are still returned as citations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .compound import split_compound
from .context import Ctx, Draft, Evidence
from .dates import (
    answer_date,
    answer_part_of_year,
    answer_report_year,
    asks_date,
    dates_in,
    day_asked,
    day_in,
    month_asked,
)
from .figures import answer_number, answer_part_of_whole, answer_two_figures
from .goals import answer_goal
from .intent import Intent, detect, rewrite
from .kb import KnowledgeBase, alias_key
from .lists import (
    answer_enumeration,
    answer_extreme,
    answer_kind_share,
    answer_list,
    answer_origin_majority,
    answer_paired,
    answer_where_extreme,
    items_of,
)
from .lookup import (
    answer_acronym,
    answer_code,
    answer_currency,
    answer_edition,
    answer_name_of,
    answer_record_span,
)
from .model import Answer, AnswerOptions, Citation
from .names import asked_kind_words, asked_type
from .places import (
    answer_both_places,
    answer_direction_of_travel,
    answer_landmark,
    answer_outpost_count,
    answer_outposts,
    answer_place,
    answer_scope,
    answer_side,
)
from .prose import answer_direction, answer_sentence, answer_what_figure
from .relations import (
    _is_modifier,
    answer_co_actor,
    answer_composition,
    answer_names_from_text,
    answer_prep_whom,
    answer_relation_graph,
    answer_runner,
    answer_whose,
    asks_prep_whom,
    many_expected,
    merge_relation_drafts,
)
from .table_compare import (
    answer_budget_closest,
    answer_budget_pair,
    answer_budget_threshold,
    answer_indicator_comparison,
)
from .tables import (
    answer_area_code,
    answer_code_of_area,
    answer_finance,
    answer_indicator,
    answer_indicator_code,
    answer_row_by_value,
    match_indicators,
)
from .text import (
    HYPHEN_PARTICIPLE,
    NATIONALITY_WORD,
    SERVED_TERMS,
    asked_count,
    find_phrase,
    merge_spans,
    numbers,
    ruled_out,
    spells,
    terms,
)

Answerer = Callable[[Ctx], Draft | None]


def _why(ctx: Ctx) -> Draft | None:
    return answer_sentence(ctx, "why", causal=True)


def _generic(ctx: Ctx) -> Draft | None:
    kind, words = asked_type(ctx.question)
    if kind != "any":
        return None  # an actor or a place was asked for: a sentence is not an answer
    d = _generic_sentence(ctx)
    if d is not None and words and not any(re.search(rf"\b{re.escape(w)}", d.text, re.IGNORECASE) for w in words):
        return None  # "which statute created X": a sentence naming no law does not say
    return d


def _generic_sentence(ctx: Ctx) -> Draft | None:
    m = re.match(r"\s*(?:which|what)\s+((?:kinds?|types?|sorts?|forms?)\s+of\s+)?([a-z]+)\b", ctx.question,
                 re.IGNORECASE)
    if m and m.group(2).lower() not in ("is", "are", "was", "were", "did", "does", "do", "has", "have"):
        # "which embassy …", "what help …", "what kinds of support …": the sentence must at least speak of it
        kind_word = frozenset(terms(m.group(1) or ""))  # a sentence saying "the main type of X was …" first
        for noun in ([kind_word] if kind_word else []) + [frozenset(terms(m.group(2)))]:
            d = answer_sentence(ctx, "why", require=noun) if noun else None
            if d is not None:
                return _listed(ctx, _unknown_words(ctx, d))
        return None
    return _listed(ctx, _unknown_words(ctx, answer_sentence(ctx, "why")))


# "what kinds of support …", "by which characteristics …", "what post-submission steps …": several things asked
_PLURAL_ASK = re.compile(r"^\s*(?:\w+\s+)?(?:which|what)\s+(?:(?:kinds?|types?|sorts?|forms?)\s+of\b|"
                         r"(?:[a-z-]+\s+)?(?!(?:is|was|does|has)\b)[a-z-]+s\b)", re.IGNORECASE)


def _listed(ctx: Ctx, d: Draft | None) -> Draft | None:
    """A sentence answering a question that asks for several things, cut down to its list."""
    if d is None or not _PLURAL_ASK.search(ctx.question):
        return d
    return items_of(ctx, d)


def _unknown_words(ctx: Ctx, d: Draft | None) -> Draft | None:
    """"What is the capital of the moon?": a word the reports never use is what the question is
    about; a sentence matching the other words ("seed capital") does not answer it."""
    unknown = [t for t in ctx.focus if t not in ctx.vocabulary and t.isalpha()]
    if d is not None and unknown:
        d.confidence *= 0.4
        d.notes.append("doubt: the reports never use " + ", ".join(unknown))
    return d


def _generic_names(ctx: Ctx) -> Draft | None:
    """Names only when the question asks for an actor or a place ("who …", "which agency …")."""
    kind, words = asked_type(ctx.question)
    if kind == "any" and not words:
        return None  # "which law …" asks for a name with "Law" in it; "what …" for anything
    return answer_names_from_text(ctx)


def _generic_relation(ctx: Ctx) -> Draft | None:
    """"Which charity operated the treatment centre …": an actor asked with a verb the graph has
    relations for, though the question is not worded as a relation question."""
    if not ctx.intent.predicates or asked_type(ctx.question)[0] not in ("org", "actor"):
        return None
    return answer_relation_graph(ctx)


def _generic_indicator(ctx: Ctx) -> Draft | None:
    """"What was the goal for women's participation …": a column word and a label that fits well."""
    if not ctx.intent.field:
        return None
    matches = match_indicators(ctx)
    if not matches or matches[0][3] < 0.45:
        return None
    return answer_indicator(ctx)


_PLANS: dict[str, tuple[Answerer, ...]] = {
    "acronym": (answer_acronym,),
    "relation": (answer_relation_graph, answer_names_from_text),
    "list": (answer_list,),
    "location": (answer_place,),
    "finance": (answer_finance, answer_number),
    "indicator": (answer_indicator, answer_number),
    "number": (answer_number, answer_indicator),
    "why": (_generic_indicator, _why),
    "generic": (_generic_relation, _generic_names, _generic_indicator, _generic),
}


def answer(
    question: str,
    kb: KnowledgeBase,
    *,
    k: int = 5,
    report: str | None = None,
    options: AnswerOptions | None = None,
) -> Answer:
    """Answer ``question`` from the knowledge base.

    Args:
        question: free text (cut to ``options.max_question_chars``).
        kb: the knowledge base of a build.
        k: number of citations returned.
        report: restrict to one report (its id or slug).
        options: thresholds and limits.

    Returns:
        An :class:`Answer`; ``text`` is None when the reports do not answer the question.
    """
    options = options or AnswerOptions()
    q = " ".join(question.split())[: options.max_question_chars]
    if not q.strip():
        return Answer(question, None, "none", 0.0, notes=["empty question"])
    halves = split_compound(q)
    if halves is not None:
        joined = _join_halves(q, [_answer_one(h, kb, k, report, options) for h in halves], k, options.max_answer_chars)
        if joined is not None:
            return joined
    return _answer_one(q, kb, k, report, options)


def _join_halves(asked: str, parts: list[Answer], k: int, max_chars: int) -> Answer | None:
    """Both halves of a two-figure question answered, with different figures: one answer citing both."""
    if any(p.text is None for p in parts) or parts[0].text == parts[1].text:
        return None
    figures = [[n.value for n in numbers(p.text or "")] for p in parts]
    if all(figures) and figures[0][0] == figures[1][0]:
        return None  # both halves found the same figure: one of them did not find its own
    if not any(figures) and any(p.kind == "why" or len(p.text or "") > 100 for p in parts):
        return None  # sentences: the question was one question after all (two short names are two answers)
    citations: list[Citation] = []
    for c in (c for pair in zip(parts[0].citations, parts[1].citations, strict=False) for c in pair):
        if all(c.passage_id != seen.passage_id for seen in citations):
            citations.append(c)
    text = "; ".join(p.text or "" for p in parts)
    text = text if len(text) <= max_chars else text[: max_chars - 1] + "…"
    return Answer(asked, text, parts[0].kind, round(min(p.confidence for p in parts), 4), citations[:k],
                  parts[0].triples + parts[1].triples, [*parts[0].notes, *parts[1].notes])


def _answer_one(q: str, kb: KnowledgeBase, k: int, report: str | None, options: AnswerOptions) -> Answer:
    rid = _report_id(kb, report)
    asked = q
    ctx = question_context(q, kb, rid, options)
    q, intent = ctx.question, ctx.intent
    # "which destination country received 189 submissions but only 53 actual departures": a name is
    # asked, though the wording ("actual") reads like an indicator question
    named_kind = intent.kind in ("relation", "list", "location", "generic") or (
        bool(re.match(r"\s*(?:which|what)\b", q, re.IGNORECASE)) and asked_type(q)[0] in ("place", "org", "nationality"))
    # "which country received most …": the name with the largest figure; "which country took in
    # 512 …": the name written with that figure
    direct = (answer_co_actor(ctx) or answer_composition(ctx) or answer_extreme(ctx) or answer_where_extreme(ctx) or answer_origin_majority(ctx) or answer_paired(ctx)
              or answer_both_places(ctx)) if named_kind else None
    direct = answer_row_by_value(ctx) or direct  # "which area had USD 512,770 available": the row printing it
    # "which indicator reached its target", "did X or Y have more funds": a comparison of table rows
    compared = (answer_indicator_comparison(ctx) or answer_budget_pair(ctx) or answer_budget_threshold(ctx)
                or answer_budget_closest(ctx))
    # "when did …", "which month …": a date is what is asked, not a count; "which edition of …":
    # the ordinal written with it; "the number of the law": the law as written
    form = (answer_area_code(ctx) or answer_code_of_area(ctx) or answer_indicator_code(ctx) or answer_part_of_whole(ctx) or answer_kind_share(ctx) or answer_report_year(ctx) or answer_what_figure(ctx) or answer_scope(ctx) or answer_date(ctx) or answer_part_of_year(ctx) or answer_edition(ctx) or answer_code(ctx) or answer_two_figures(ctx) or answer_direction(ctx)
            or answer_whose(ctx) or answer_direction_of_travel(ctx) or answer_side(ctx) or answer_landmark(ctx) or answer_currency(ctx) or answer_name_of(ctx)
            or answer_outpost_count(ctx) or answer_record_span(ctx) or answer_outposts(ctx))
    goal = answer_goal(ctx)  # "what should refugees be able to do by 2027": the area's goal statement
    if goal is not None and goal.confidence >= options.min_confidence:
        best = goal
    elif form is not None and form.confidence >= options.min_confidence:
        best = form
    elif compared is not None and compared.confidence >= options.min_confidence:
        best = compared
    elif direct is not None and direct.confidence >= options.min_confidence + 0.15:
        best = direct
    else:
        drafts = [d for fn in _PLANS.get(intent.kind, _PLANS["generic"]) if (d := _run(fn, ctx)) and d.text]
        best = _choose(ctx, drafts)
        if direct is not None and direct.confidence >= options.min_confidence and (
                best is None or best.confidence < options.min_confidence):
            best = direct  # the name paired with the extreme figure, though not sure enough to come first
    notes: list[str] = []
    if best is not None:
        reason = _refuse(ctx, best)
        if reason and _said_with_the_answer(ctx, best, reason):
            reason = _refuse(ctx, best)
        if reason:
            notes.append(reason)
            best = None
    if (best is None or best.confidence < options.min_confidence) and _asks_several(ctx):
        listed = answer_enumeration(ctx)  # "by which characteristics …": the list the sentence states
        if listed is not None and listed.confidence >= options.min_confidence and not _refuse(ctx, listed):
            best = listed
    if best is None or best.confidence < options.min_confidence or (best.kind == "why" and asks_prep_whom(ctx.question)):
        # "to whom did X hand …": the words after that preposition, when nothing else answered or
        # only a whole sentence did (the party it names is the answer)
        party = answer_prep_whom(ctx) or answer_runner(ctx)
        if party is not None and party.confidence >= options.min_confidence and not _refuse(ctx, party):
            best = party
    # a sentence answer is read with a lower threshold, but only for a question that says enough
    # in the reports' own words ("what is the capital of the moon" says one: "capital")
    known = [t for t in ctx.focus if t in ctx.vocabulary]
    sentence = (best is not None and best.kind == "why" and best.confidence >= options.min_sentence_confidence
                and len(known) >= 3)
    if best is None or (best.confidence < options.min_confidence and not sentence):
        if best is not None:
            notes.append(f"best candidate too weak (confidence {best.confidence:.2f})")
        return Answer(asked, None, "none", best.confidence if best else 0.0, _citations(ctx, None, k), [], notes)
    text = best.text if len(best.text) <= options.max_answer_chars else best.text[: options.max_answer_chars - 1] + "…"
    return Answer(asked, text, best.kind, round(best.confidence, 4), _citations(ctx, best, k), best.triples,
                  best.notes + notes)


def question_context(question: str, kb: KnowledgeBase, report_id: str | None, options: AnswerOptions) -> Ctx:
    """The working state of one question: rewritten, its intent detected, scoped to a report."""
    q = rewrite(question)
    intent = detect(q)
    if intent.kind == "location" and not re.search(r"\b(?:operat\w*|presence|offices?)\b", q, re.IGNORECASE):
        # "in which city is X (supported by Y)": where X is, not what Y does
        intent = replace(intent, predicates=("locatedIn", "operatesIn"))
    elif intent.kind == "location" and intent.predicates[:1] in ((), ("leads",)):
        # "where does UNHCR run a field office": where it has a presence
        intent = replace(intent, predicates=("operatesIn", "locatedIn"))
    return Ctx(q, intent, kb, report_id, options)


def _asks_several(ctx: Ctx) -> bool:
    """"Name the three places …", "which languages …", "what kinds of support …": things, not a figure."""
    if ctx.intent.kind in ("number", "finance", "indicator", "acronym"):
        return False
    return ctx.intent.kind == "list" or bool(_PLURAL_ASK.search(ctx.question)) or asked_count(ctx.question) >= 2


def _run(fn: Answerer, ctx: Ctx) -> Draft | None:
    return fn(ctx)


def _choose(ctx: Ctx, drafts: list[Draft]) -> Draft | None:
    if not drafts:
        return None
    kind = ctx.intent.kind
    count = asked_count(ctx.question)
    if count and kind in ("relation", "list", "location", "generic"):
        # "which two institutions …": a draft naming exactly that many is the one meant
        exact = [d for d in drafts if len(d.items) == count and d.confidence >= ctx.options.min_confidence]
        if exact:
            return max(exact, key=lambda d: d.confidence)
    if kind in ("number", "indicator", "finance"):
        return _merge_figures(ctx, drafts)
    if kind == "relation" and len(drafts) == 2 and drafts[0].items and drafts[1].items:
        graph, text = drafts
        if text.object_group and _shares_passage(graph, text) and text.confidence >= ctx.options.min_confidence:
            return text  # the verb's object is "the authorities and local NGOs"; the graph's names play other roles
        if many_expected(ctx) and text.confidence >= ctx.options.min_confidence + 0.2:
            return merge_relation_drafts(graph, text)
        # the sentence read says much more of what the question says than the graph's evidence
        # ("helped X by recruiting staff and opening centres" vs a generic "supported Y"):
        # the graph relation is of the right family but about another event
        if text.confidence >= ctx.options.min_confidence + 0.15 and not _same_items(graph, text) and \
                _evidence_coverage(ctx, text) >= _evidence_coverage(ctx, graph) + 0.25:
            return text
        # "which agency will UNHCR team up with next year": the plan the text states, not a past partnership
        if _FUTURE_ASKED.search(ctx.question) and text.confidence >= ctx.options.min_confidence + 0.15 and \
                _says_future(ctx, text) and not _says_future(ctx, graph) and not _same_items(graph, text):
            return text
    # In plan order: the first answerer that is sure enough wins; otherwise the most confident.
    for d in drafts:
        if d.confidence >= ctx.options.min_confidence + 0.15:
            return d
    return max(drafts, key=lambda d: d.confidence)


def _same_items(a: Draft, b: Draft) -> bool:
    keys = {iri or name.lower() for name, iri in a.items}
    return any((iri or name.lower()) in keys for name, iri in b.items)


_FUTURE_ASKED = re.compile(r"\b(?:will|next year|in the coming year|going to|plans? to|planned to|intends? to)\b", re.IGNORECASE)
_FUTURE_SAID = re.compile(r"\b(?:will|plans? to|intends? to|is expected to|are expected to)\b", re.IGNORECASE)


def _says_future(ctx: Ctx, d: Draft) -> bool:
    """Whether a draft's evidence states a plan ("In 2024, UNHCR will work with …")."""
    return any(_FUTURE_SAID.search(ctx.kb.passages[ev.passage_id].text[s:e]) for ev in d.evidence for s, e in ev.spans)


def _evidence_coverage(ctx: Ctx, d: Draft) -> float:
    """Weighted share of the question's focus in the best highlighted span of a draft."""
    total = sum(ctx.weight(t) for t in ctx.focus) or 1.0
    best = 0.0
    for ev in d.evidence:
        text = ctx.kb.passages[ev.passage_id].text
        for s, e in ev.spans:
            got = set(terms(text[s:e]))
            best = max(best, sum(ctx.weight(t) for t in ctx.focus if t in got) / total)
    return best


def _shares_passage(a: Draft, b: Draft) -> bool:
    return bool({e.passage_id for e in a.evidence} & {e.passage_id for e in b.evidence})


def _row_value(table: Draft) -> float | None:
    """The value a table draft answers with (its first figure)."""
    found = numbers(table.text.split(" — ")[0])
    return found[0].value if found else None


def _merge_figures(ctx: Ctx, drafts: list[Draft]) -> Draft:
    """Table value vs prose number: keep the surer one; when both are sure and differ, give both."""
    table = next((d for d in drafts if d.kind in ("indicator", "finance")), None)
    prose = next((d for d in drafts if d.kind == "number"), None)
    wholes = {n.value for m in re.finditer(r"\bof (?:the|those|these|its|their|all) ([\d,.]+)", ctx.question, re.IGNORECASE)
              for n in numbers(m.group(1))}
    if table is not None and prose is not None and _row_value(table) in wholes:
        # "how many of the 64 who left were women": the row printing 64 is the whole the question gives
        drafts = [d for d in drafts if d is not table]
        table = None
    if table is None or prose is None:
        return max(drafts, key=lambda d: d.confidence)
    # a target or baseline is only ever in a table
    if (ctx.intent.field in ("target", "baseline") or re.search(r"\bactual\b", ctx.question, re.IGNORECASE)) \
            and table.confidence >= 0.3:
        return table  # a column of the table is named: the question is about the table
    if ctx.intent.kind == "number":
        matches = match_indicators(ctx)
        strong = bool(matches) and matches[0][3] >= 0.55 and matches[0][2].unit == "number"
        if strong and table.confidence >= 0.6 and prose.confidence >= 0.4:
            row = matches[0][2]
            actual = row.actual.text if row.actual else ""
            if actual and actual not in prose.text and not _same_figure(Draft(actual, "number", 0.0, []), prose):
                merged = Draft(
                    f"{prose.text}; the indicator table gives {actual} ({row.label})"[:300],
                    "number",
                    max(prose.confidence, table.confidence),
                    prose.evidence + table.evidence,
                    notes=prose.notes
                    + [f"The report states two different figures: the text says {prose.text.split(';')[0]}, "
                       f"the indicator table {actual}."],
                )
                return merged
        if not strong:
            # a row's label says the question far better than any sentence ("how high was unemployment")
            counts = bool(matches) and matches[0][2].unit == "number"
            if table.confidence >= max(0.5, prose.confidence + 0.25) and (
                    counts or ctx.intent.percent or not re.search(r"\bhow many\b", ctx.question, re.IGNORECASE)):
                return table  # (a share does not answer "how many")
            return prose
        return prose if prose.confidence >= table.confidence else table
    if _ASKS_CHANGE_BY.search(ctx.question) and prose.confidence >= ctx.options.min_confidence:
        return prose  # "by what percentage did enrolment grow": the change the text states, not a row's level
    # an indicator/finance question: the table wins unless its match is weak and prose is strong
    matches = match_indicators(ctx) if table.kind == "indicator" else []
    weak_label = bool(matches) and matches[0][3] < 0.5
    if prose.confidence >= table.confidence + 0.15 or (weak_label and prose.confidence > table.confidence):
        return prose  # the sentence says more of the question than any row's label
    if table.confidence >= 0.45 or table.confidence >= prose.confidence:
        if prose.confidence >= 0.7 and not _same_figure(table, prose):
            # the text states the figure in the question's own words, and it differs from the row
            note = f"The report states two figures: the table {table.text.split(' (')[0]}, the text {prose.text}."
            text = f"{table.text.split(' — ')[0]}; the text says {prose.text}"
            return Draft(text, table.kind, table.confidence, table.evidence + prose.evidence, table.triples,
                         table.notes + [note])
        return table
    return prose


_ASKS_CHANGE_BY = re.compile(r"\bby (?:what|how much|which) (?:percentage|percent|share|margin|proportion)?", re.IGNORECASE)


def _same_figure(a: Draft, b: Draft) -> bool:
    vals = {round(n.value, 1) for n in numbers(a.text)}
    return any(round(n.value, 1) in vals for n in numbers(b.text.split(" (…")[0]))


_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


_PER_UNIT = re.compile(r"\b(?:per|each|a|every)\s+(?:month|week|day|year|household|family|person|head|refugee|child|"
                       r"student|beneficiary|recipient)\b(?!-)|\beach (?:\w+ )?(?:household|family|person|refugee|child|student|"
                       r"beneficiary|recipient)\b|\bmonthly\b", re.IGNORECASE)


def _figure_mismatch(ctx: Ctx, d: Draft) -> str:
    """Why a figure (or a sentence) answers another kind of question than the one asked, or ""."""
    if d.kind == "number" and _HOW_MANY.search(ctx.question) and not _ASKS_SHARE.search(ctx.question):
        shown = [n for n in numbers(d.text.split(" (…")[0]) if not n.is_year]
        if shown and all(n.percent for n in shown):
            return "a count was asked, the answer is a percentage"  # "how many took part in total": "46.1% of the participants"
    if asks_date(ctx.question) and d.kind in ("why", "generic", "list", "relation") and \
            not dates_in(d.text, set(ctx.intent.years), month_asked(ctx.question)):
        return "a date was asked, the answer gives none"  # "in which month did X set up …": the sentence says only that it did
    if asks_date(ctx.question) and day_asked(ctx.question) and not day_in(d.text):
        return "a day was asked, the answer gives only the month"  # "on what exact date in March …": "In March, …"
    if d.kind == "number":
        sentence = _answer_sentence(ctx, d)
        if _ASKS_ALL.search(ctx.question) and _PER_PERIOD.search(sentence) and not _PER_PERIOD.search(ctx.question):
            # "how many passed through the centre in total": "the average held per month fell from 160 to 45"
            return "a total was asked, the figure is an average or a rate per period"
        if _ASKS_PEAK.search(ctx.question) and sentence and not _SAYS_PEAK.search(sentence):
            # "at its busiest, how many was the centre sheltering": "48,730 people passed through"
            return "a peak was asked, the figure cited is not one"
    whole = _WHOLE_GIVEN.search(ctx.question)
    if whole and d.kind in ("number", "indicator"):
        shown = [n for n in numbers(d.text.split(" (")[0]) if not n.is_year]
        if shown and any(abs(shown[0].value - g.value) < 1e-6 for g in numbers(whole.group(1))):
            return "the figure is the whole the question starts from"  # "how many children among the 3,104": "3,104"
    return ""


# "where … and with whom" asks a partner too
_AFTER_WHERE = re.compile(r"\b(?:who|whom|which (?:agenc|organi[sz]ation|partner|bod|ministr)\w*)\b", re.IGNORECASE)
_HOW_MANY = re.compile(r"^\s*(?:(?:and|so|in total|overall|altogether),?\s+)?how many\b", re.IGNORECASE)
_ASKS_SHARE = re.compile(r"%|\b(?:percent\w*|share|proportion|rate|fraction|ratio|part|portion|out of)\b", re.IGNORECASE)
_ASKS_ALL = re.compile(r"\b(?:in total|in all|overall|altogether|all told|total number|over the (?:whole )?year)\b", re.IGNORECASE)
_PER_PERIOD = re.compile(r"\b(?:per|a|each|every) (?:month|week|day|year)\b|\b(?:monthly|weekly|daily)\b|\bon average\b|"
                         r"\baverage (?:number|of)\b", re.IGNORECASE)
_ASKS_PEAK = re.compile(r"\bat (?:its|their|the) (?:busiest|peak|height|highest|fullest)\b|\bat (?:any )?one (?:time|point)\b|"
                        r"\bat most\b|\bmaximum number\b|\bpeak (?:number|occupancy|population)\b", re.IGNORECASE)
_SAYS_PEAK = re.compile(r"\b(?:peak\w*|maximum|max|highest|busiest|record|at (?:its|the) height|at one (?:time|point)|"
                        r"at (?:the )?most|up to|reached)\b", re.IGNORECASE)
_WHOLE_GIVEN = re.compile(r"\bhow many\b[^?]*?\b(?:among|of|out of)\s+(?:the|those|these|its|their)\s+(\d[\d,]*)\b", re.IGNORECASE)
_WHICH_PLURAL = re.compile(r"\b(?:which|what|name)\s+(?:the\s+)?(?:[\w-]+\s+)?([a-z]{3,}(?:ies|s))\b", re.IGNORECASE)
_A_COUNT = r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|various|multiple|many)\s+(?:[\w-]+\s+)?"


def _counted_not_named(question: str, d: Draft) -> str:
    """"Which cities hosted the events?" answered by a sentence that only counts them ("… in nine
    cities"): the noun counted, or ""."""
    if d.kind not in ("list", "location") or d.items:
        return ""
    m = _WHICH_PLURAL.search(question)
    if m is None or m.group(1).lower() in ("was", "has", "does", "is", "this", "us"):
        return ""
    noun = m.group(1).lower()
    if re.search(_A_COUNT + re.escape(noun) + r"\b", d.text, re.IGNORECASE) and not re.search(r"\b(?:namely|including|:)", d.text):
        return noun
    return ""


def _said_with_the_answer(ctx: Ctx, d: Draft, reason: str) -> bool:
    """"Which ministry opened primary care to … and teamed up with RENAC on birth registration?": a
    name the cited sentence leaves out may be in another sentence of the report that names the
    answer with it ("an agreement between RENAC and the Ministry of Health"); that sentence is added
    to the evidence. Only for a question joining two conditions with "and"."""
    m = re.match(r"nothing cited mentions (.+)$", reason)
    if m is None or not d.items or d.kind not in ("relation", "list", "location") or not d.evidence or \
            not re.search(r"\band\b", ctx.question):
        return False
    missing = [lk for lk in ctx.links if lk.surface == m.group(1)]
    if not missing:
        return False
    report = ctx.kb.passages[d.evidence[0].passage_id].report
    names = [f for name, iri in d.items for f in ([name] + (ctx.kb.surfaces(iri) if iri else []))]
    forms = ctx.kb.surfaces(missing[0].iri) or [missing[0].surface]
    for pid, p in ctx.kb.passages.items():
        if p.report != report or not any(find_phrase(p.text, f) for f in forms):
            continue
        for sent in ctx.kb.sentences(pid):
            raw = p.text[sent.start : sent.end]
            if any(find_phrase(raw, f) for f in forms) and any(find_phrase(raw, n) for n in names):
                d.evidence.append(Evidence(pid, [(sent.start, sent.end)], 0.0))
                return True
    return False


_WHICH_DATE = re.compile(r"\s*(?:(?:in|on|during)\s+)?(?:which|what)\s+(?:exact\s+)?(?:month|day|date|year)\b", re.IGNORECASE)


def _refuse(ctx: Ctx, d: Draft) -> str:
    """Why a draft must not be given as an answer, or ""."""
    missing = ctx.missing_names()
    if missing:
        return "the reports never mention " + ", ".join(missing)
    if re.match(r"\s*(?:(?:and|so|roughly|about|approximately|exactly|in total|overall),?\s+)?how many\b", ctx.question,
                re.IGNORECASE) and not numbers(d.text) and d.kind in ("relation", "list", "location", "acronym"):
        return "a count was asked, the answer names no figure"  # "how many UN agencies were among the 64 members"
    if d.kind in ("list", "location", "relation") and d.items and asked_type(ctx.question)[0] == "place" \
            and not _AFTER_WHERE.search(ctx.question):
        types = {e.type for name, iri in d.items for i in ({iri} if iri else ctx.kb._lookup(name))
                 if (e := ctx.kb.entity(i)) is not None}
        if "Organization" in types and "Location" not in types:
            return "a place was asked; the answer names organisations"  # "which cities hosted …": "UNHCR and RELIR"
    mismatch = _figure_mismatch(ctx, d)
    if mismatch:
        return mismatch
    if d.kind == "why" and _WHICH_DATE.match(ctx.question):
        return "a date was asked; no date in the text is said of it"  # the sentence's date is another event's
    counted = _counted_not_named(ctx.question, d)
    if counted:
        return f"the report counts the {counted} but does not name them"
    said = set(terms(d.text))
    if not said and not numbers(d.text) and not re.search(r"\b[A-Z]{2,}\b", d.text):
        return f"'{d.text}' names nothing"  # "the Office that, …" read as a name (not "WHO", a name)
    for a, b in ruled_out(ctx.question):
        if said and said <= set(terms(ctx.question[a:b])):
            return f"the question sets {ctx.question[a:b]} aside"  # "besides NGOs, …" answered "NGOs"
    cited = [ctx.kb.passages[e.passage_id].text for e in d.evidence]
    if d.kind == "finance" and _PER_UNIT.search(ctx.question) and \
            all(ctx.kb.passages[e.passage_id].kind == "table_row" for e in d.evidence):
        # "how many dollars did each household receive per month": a budget line is no amount per head
        return "the budget table gives totals, not an amount per household or per month"
    if d.kind in ("indicator", "finance"):
        # a table row answers for an area or an indicator, not for a named campaign or programme; the
        # area's title is the section the row sits in
        cited_terms = set(terms(" ".join(cited + [" ".join(ctx.kb.passages[e.passage_id].section) for e in d.evidence])))
        for phrase in _named_phrases(ctx):
            if " " in phrase and not set(terms(phrase)) <= cited_terms:
                return f"the table does not concern {phrase}"
        for lk in ctx.links:
            e = ctx.kb.entity(lk.iri)
            if lk.score < 0.9 or ctx.kb.ubiquitous(lk.iri) or (e is not None and e.type in ("Area", "Indicator")):
                continue
            if " " in lk.surface.strip() and not set(terms(lk.surface)) - _MEMBERS <= cited_terms:
                return f"the table does not concern {lk.surface}"
    elif d.kind != "acronym":
        # a passage is about the area its section is titled by ("By 2027, …" under "Realizing Rights …")
        cited = cited + [" ".join(ctx.kb.passages[e.passage_id].section) for e in d.evidence]
        cited_terms = set(terms(" ".join(cited)))
        # "the mixed-movements working group" is cited by its acronym
        short = [long_terms for a, long_terms in ctx.acronym_expansions if a in cited_terms]
        for phrase in _named_phrases(ctx):
            if any(set(terms(phrase)) <= long_terms for long_terms in short):
                continue
            forms = [phrase, *(" ".join(d.long_form.split()) for d in ctx.kb.acronyms.get(phrase, []))]
            if not any(find_phrase(t, f) for t in cited for f in forms) and not any(
                    set(terms(f)) <= cited_terms for f in forms) and not (phrase.isupper() and any(spells(phrase, t) for t in cited)):
                return f"nothing cited mentions {phrase}"  # (an acronym may be written out: "RSD")
        for lk in ctx.links:
            if d.triples or _is_modifier(ctx, lk) or lk.score < 0.9 or ctx.kb.ubiquitous(lk.iri) or \
                    _set_aside(ctx, lk.start, lk.end) or set(terms(lk.surface)) <= SERVED_TERMS:
                continue
            forms = ctx.kb.surfaces(lk.iri) or [lk.surface]
            if any(set(terms(lk.surface)) <= long_terms for long_terms in short):
                continue
            # (the nationality a report's refugees mostly have goes without saying in its passages)
            if not any(find_phrase(t, f) for t in cited for f in forms) and not set(terms(lk.surface)) <= cited_terms \
                    and not _country_of(lk.surface, cited) and not all(
                        ctx.kb.ubiquitous_in(lk.iri, ctx.kb.passages[e.passage_id].report) for e in d.evidence):
                return f"nothing cited mentions {lk.surface}"
    unit = set(ctx.intent.unit_terms)
    if d.kind == "number" and unit and not unit & ctx.vocabulary:
        # "how many helicopters …" in a report that never mentions one; but "how many contacts did
        # the <named> helpline handle" is answered by its "calls and messages"
        rest = [t for t in ctx.focus if t not in unit]
        have = set(terms(" ".join(cited)))
        covered = sum(ctx.weight(t) for t in rest if t in have) / (sum(ctx.weight(t) for t in rest) or 1.0)
        if covered < 0.75:
            return "the reports never count " + " ".join(ctx.intent.unit_terms)
    for y in ctx.intent.years:
        years_ok = {doc.report.meta.year for doc in ctx.documents if doc.report.meta.year}
        if y in years_ok and d.kind in ("indicator", "finance"):
            continue
        cited = " ".join(ctx.kb.passages[e.passage_id].text for e in d.evidence)
        if str(y) not in cited and y not in years_ok:
            return f"nothing cited is about {y}"
        if y not in years_ok and d.kind == "number" and not _compared_year(ctx.question, y) \
                and not _ASKS_CHANGE.search(ctx.question) \
                and _only_compared(_answer_sentence(ctx, d), y):
            # "58,300 permits during the year, almost twice as many as in 2024" gives no 2024 figure
            return f"the figure cited is for another year; {y} is only compared with"
    return ""


# a question about a change ("by how much did enrolment grow over 2022") is answered by the comparison
_ASKS_CHANGE = re.compile(r"\b(?:gr[eo]w|increas|ris[ei]|rose|declin|f[ae]ll|drop|chang|more|less|fewer|higher|lower|"
                          r"compar|jump|up on|down on|differ)\w*", re.IGNORECASE)


def _compared_year_re(year: int) -> re.Pattern[str]:
    return re.compile(r"\b(?:than|as|compared (?:with|to)|versus|vs\.?|relative to)\s+(?:(?:in|during|for|with)\s+)?"
                      r"(?:the (?:end of |same period (?:of|in) )?)?" + str(year) + r"\b", re.IGNORECASE)


def _compared_year(text: str, year: int) -> bool:
    return bool(_compared_year_re(year).search(text))


def _only_compared(sentence: str, year: int) -> bool:
    """The sentence writes ``year`` only as what its figure is compared with ("31% more than in 2024")."""
    found = len(re.findall(rf"\b{year}\b", sentence))
    return bool(found) and found == len(_compared_year_re(year).findall(sentence))


def _answer_sentence(ctx: Ctx, d: Draft) -> str:
    """The sentence of the first cited passage that holds the first highlighted span."""
    if not d.evidence or not d.evidence[0].spans:
        return ""
    e = d.evidence[0]
    text = ctx.kb.passages[e.passage_id].text
    start = e.spans[0][0]
    return next((text[s.start:s.end] for s in ctx.kb.sentences(e.passage_id) if s.start <= start < s.end), "")


_CAP_RUN = re.compile(r"\b[A-Z][\w'’+-]*(?:\s+(?:of|for|and|de|the)?\s*[A-Z][\w'’+-]*)*")


def _set_aside(ctx: Ctx, start: int, end: int | None = None) -> bool:
    """Is the span in what the question sets aside ("Beyond Venezuelans, who else …")? The passage
    answering need not name that."""
    end = start + 1 if end is None else end
    return any(start < b and a < end for a, b in ruled_out(ctx.question))


# "host community members" are the "Host Community" of a table row
_MEMBERS = frozenset(terms("members people persons individuals"))


def _country_of(demonym: str, texts: list[str]) -> bool:
    """"Venezuelans" asked, "people from Venezuela" written: the texts name the country of the
    nationality (its word without the ending: Venezuel-a, Colombi-a, Sudan-ese, Haiti-an)."""
    m = NATIONALITY_WORD.fullmatch(demonym.strip())
    if m is None:
        return False
    stem = re.sub(r"(?:ians?|eans?|ans?|ese|ish|is?)$", "", demonym.strip())
    if len(stem) < 4:
        return False
    return any(re.search(rf"\b{re.escape(stem)}[a-z]{{0,3}}\b", t) for t in texts)


def _named_phrases(ctx: Ctx) -> list[str]:
    """Capitalised names in the question that link to no entity ("the Shelter Sector"): the cited
    text must contain them, or the answer is about something else."""
    out = []
    kind_words = asked_kind_words(ctx.question)
    for m in _CAP_RUN.finditer(ctx.question):
        if m.start() == 0 and " " not in m.group():
            continue  # the question's first word
        text = re.sub(r"^(?:What|Which|Who|Whom|Where|When|Why|How|In|At|To|The|Is|Are|Was|Were|Did|Does|Do|Inside|Within|"
                      r"Under|Among|Across|Between|Beyond|After|Before|During|Since|For|From|With|Without|By|Of|On|Over|"
                      r"Through|Besides|Apart|Aside|Outside|Along|Against|Like|Unlike)\s+(?:the\s+)?", "", m.group())
        if m.start() == 0:
            # a fact-sheet question opening on a noun: "Partner UN agency backing …?", "Lead agency for …?"
            text = re.sub(r"^(?:Partner|Lead|Main|Number|Total|Share|Amount|Percentage|Proportion|Donor|Funder)\s+",
                          "", text)
        s = m.end() - len(text)
        if not text or any(lk.start <= s < lk.end or s <= lk.start < m.end() for lk in ctx.links) or \
                _set_aside(ctx, s, m.end()):
            continue
        text = re.sub(r"['’]s$", "", text).rstrip("'’")  # "whose 'Back to School' drive": the closing quote
        # "the NRIA-issued ID card": the body NRIA and what it issued are two names
        for part in re.split(HYPHEN_PARTICIPLE + r"\s*", text):
            part = part.strip()
            if not part or alias_key(part) in kind_words:
                continue  # "which NGO …": the kind of answer asked, not a name the cited text must hold
            if any(ctx.kb.ubiquitous(iri) for iri in ctx.kb._lookup(part)):
                continue  # "a UNHCR-backed activity": the report's own agency goes without saying
            # a multi-word name, or an acronym of 3+ letters; not "UN", not an adjective like "Kenyan"
            if " " in part or (len(part) >= 3 and part.isupper()):
                out.append(part)
    return out


def _citations(ctx: Ctx, draft: Draft | None, k: int) -> list[Citation]:
    kb = ctx.kb
    out: list[Citation] = []
    seen: dict[str, int] = {}
    for ev in draft.evidence if draft else []:
        if ev.passage_id in seen:
            i = seen[ev.passage_id]
            c = out[i]
            out[i] = _citation(kb, ev.passage_id, list(c.highlights) + ev.spans, c.score)
            continue
        seen[ev.passage_id] = len(out)
        out.append(_citation(kb, ev.passage_id, ev.spans, ev.score))
    for h in ctx.hits:
        if len(out) >= max(k, len(seen)):
            break
        if h.passage_id not in seen:
            seen[h.passage_id] = len(out)
            out.append(_citation(kb, h.passage_id, [], h.score))
    return out[: max(k, len(draft.evidence) if draft else 0)]


def _citation(kb: KnowledgeBase, pid: str, spans: list[tuple[int, int]], score: float) -> Citation:
    p = kb.passages[pid]
    n = len(p.text)
    clean = merge_spans([(max(0, s), min(n, e)) for s, e in spans])
    return Citation(
        passage_id=pid,
        report=p.report,
        page=p.pages[0] if p.pages else None,
        pages=tuple(p.pages),
        section=" › ".join(p.section),
        text=p.text,
        highlights=clean,
        score=float(score),
    )


def _report_id(kb: KnowledgeBase, report: str | None) -> str | None:
    if not report:
        return None
    for rid, doc in kb.documents.items():
        if report in (rid, doc.report.slug) or (len(report) >= 4 and rid.startswith(report)):
            return rid
    raise ValueError(f"unknown report {report!r}")


__all__ = ["Answer", "AnswerOptions", "Intent", "answer"]
