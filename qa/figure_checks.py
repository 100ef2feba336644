"""Doubts about a chosen figure: signs that it answers another question than the one asked.

The figure ``qa.figures`` ranks first is checked against the question: the action asked (said in
the sentence, or in other words — the build's sentence encoder judges paraphrase), the noun
counted, the people, money or share asked for, a length of time, the year, and the entities named
and their clause. Each doubt lowers the answer's confidence and is stated in the answer's notes.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from .context import Ctx, ScoredSent
from .figure_words import (
    PEOPLE,
    asks_duration,
    is_duration,
    parent_figure,
    people_postmodifier,
    people_qualifier,
    ratio_end,
    share_group,
)
from .paraphrase import said_otherwise
from .signals import asked_verb, clause_of, other_demonyms, verb_factor
from .text import SERVED_TERMS, Number, find_phrase, numbers, terms

if TYPE_CHECKING:
    from .figures import NumCand


def sentence_raw(ctx: Ctx, ss: ScoredSent) -> str:
    return ctx.kb.passages[ss.passage_id].text[ss.sent.start : ss.sent.end]


def figure_checks(ctx: Ctx, c: NumCand) -> tuple[float, list[str]]:
    """Signals that the figure answers another question than the one asked (see ``qa.signals``)."""
    raw = sentence_raw(ctx, c.ss)
    have = set(terms(raw)) | previous_terms(ctx, c.ss)
    clause_start, clause_end = clause_of(raw, c.number.start, c.number.end)
    rest_of_clause = raw[c.number.end : clause_end]  # what the figure's clause says of it after the figure
    factor, reasons = 1.0, []
    verb = asked_verb(ctx.question)
    f, why = verb_factor(verb, have, ctx.vocabulary)
    if f < 1.0 and _paraphrased(ctx, raw, c.number, verb):
        f, why = 1.0, ""  # "strike a deal" for "reached an agreement": said in other words
    factor *= f
    reasons += [why] if why else []
    unit = set(ctx.intent.unit_terms)
    # "how many people died" is answered by "96 deaths": the noun is the action asked, counted
    said_action = bool(set(terms(verb)) & c.unit) if verb else False
    measured = bool(c.unit & _MEASURE_UNITS)  # "how much water": "17 litres", "10,000 hectares" measure it
    # "how many groups belong to the network" is answered by "31 organizations": kinds of body count each other
    # (but "how many UN agencies" is not answered by "9 refugee-led organizations": the words before
    # the body's noun say which kind is asked)
    kind_words = set(itertools.takewhile(lambda t: t not in _BODIES, ctx.intent.unit_terms))
    bodies = bool(unit & _BODIES and c.unit & _BODIES) and not kind_words - c.unit
    if unit and c.own_unit and not unit & c.unit and not (unit & PEOPLE and c.unit & PEOPLE) and not c.number.percent \
            and not said_action and not measured and not bodies:
        factor *= 0.45
        reasons.append("the figure counts something else")
    # "Syrian workers" asked, "people from Syria" written: the country's name says it too
    others = [d for d in other_demonyms(ctx) if d not in have and not any(len(h) >= 5 and h[:5] == d[:5] for h in have)]
    if others:
        factor *= 0.5  # "what share of Afghan refugees …" answered by a figure about other people
        reasons.append(f"the sentence does not speak of {others[0]} people")
    qualifier = people_qualifier(ctx.question)  # "how many stateless persons": stateless
    if qualifier and not qualifier & (c.unit | have):
        factor *= 0.6
        reasons.append("the figure counts other people than those asked about")
    share_of = share_group(ctx.question) if c.number.percent else frozenset()
    if share_of and not share_of & have:
        factor *= 0.5  # "what share … were children" answered by an acceptance rate
        reasons.append("the sentence does not say what share the group is")
    group = people_postmodifier(ctx.question)
    if group and not group & c.unit and not group & set(terms(_phrase_around(raw, c.number))):
        # "how many persons with disabilities took part" answered by "129 people (94 women, …)" whose
        # sentence names persons with disabilities only much later, among other groups
        factor *= 0.4
        reasons.append("the figure counts other people than those asked about")
    part = _PART_ASKED.search(ctx.question)  # "how many of its 87 partners are UN agencies"
    # "of whom 380 were detained … and released after …": the part may be said anywhere in the figure's clause
    part_said = set(terms(rest_of_clause)) if part else set()
    if part and not set(terms(part.group(1))) & (c.unit | set(terms(_phrase_around(raw, c.number))) | part_said):
        factor *= 0.5  # "of which 11 were refugee-led organizations" is another part
        reasons.append("the figure counts another part of the whole")
    named_part = _NAMED_PART.match(raw[c.number.end :])  # "61% of them children", "… of whom were women"
    if named_part is None and _OF_WHOM_BEFORE.search(raw[max(0, c.number.start - 20) : c.number.start]):
        named_part = _PART_AFTER.match(raw[c.number.end :])  # "elected 1,112 members, of whom 545 were women"
    part_terms = set(terms(named_part.group(1))) if named_part else set()
    # the part the question asks ("… were children or adolescents?"), else anything it says
    asked_part = re.search(r"\b(?:were|are|was|is)\s+((?:[\w'’-]+\s*){1,5})\??\s*$", ctx.question, re.IGNORECASE)
    asked_terms = set(terms(asked_part.group(1))) if asked_part else set(terms(ctx.question))
    if part_terms:  # what the figure's clause says of it ("… were detained and released after …")
        part_terms |= set(terms(rest_of_clause))
    # ("Venezuelan" asked, "children from Venezuela" written: a people's name and its country's say the same)
    if part_terms and _ASKS_COUNT.search(ctx.question) and not any(
            p == a or len(p) >= 5 and p[:5] == a[:5] for p in part_terms for a in asked_terms):
        # "of the 48,730 arrivals, how many came through Bundi" answered by the share that were children
        factor *= 0.45
        reasons.append(f"the figure counts the part that were {named_part.group(1) if named_part else ''}, "
                       "not the part asked about")
    whole = _WHOLE_GIVEN.search(ctx.question)  # "how many of the 38 organizations …"
    of_which = _OF_WHOM_BEFORE.search(raw[max(0, c.number.start - 20) : c.number.start])
    if whole and of_which:
        at = max(0, c.number.start - 20) + of_which.start()
        before = [m for m in numbers(raw[:at]) if not m.is_year and not m.percent]
        if before and before[-1].value != float(whole.group(1).replace(",", "")):
            # "87 partners, of which 11 were refugee-led" is a part of another whole than the 38 asked
            factor *= 0.45
            reasons.append(f"the figure is a part of {before[-1].text}, not of the {whole.group(1)} asked about")
    given_for = _FOR_NAME.match(raw[c.number.end :])
    if given_for and not named_part and _ASKS_COUNT.search(ctx.question) and parent_figure(raw, c.number) is not None \
            and not set(terms(given_for.group(1))) & set(terms(ctx.question)) \
            and not any(find_phrase(given_for.group(0), f) for lk in ctx.links for f in ctx.kb.surfaces(lk.iri)):
        # "of the 3,104 submitted, how many were children" is not "2,210 to the United States"
        factor *= 0.45
        reasons.append(f"the figure counts the part for {given_for.group(1)}, not the part asked about")
    if c.number.percent and _MONEY_AMOUNT.search(ctx.question) and not _SHARE_WORDS.search(ctx.question):
        factor *= 0.4  # "what was the monthly cash amount per household" answered by "70% of the ration"
        reasons.append("an amount of money was asked, the figure is a share")
    money_asked = ctx.intent.money or ctx.intent.kind == "finance"
    if money_asked and not c.number.money and not c.number.percent and not c.unit & _CURRENCY:
        # "how much money …" answered by "5,200 solar lamps": said outright, a sum is all that answers
        factor *= 0.3 if re.search(r"\b(?:money|funds|funding|dollars?|usd|euros?|sum|amount)\b", ctx.question,
                                   re.IGNORECASE) else 0.45
        reasons.append("the question asks for an amount of money, the figure is not one")
    if not money_asked and not ctx.intent.percent and c.number.money:
        factor *= 0.4
        reasons.append("a count was asked, the figure is an amount of money")
    if c.number.percent and re.match(r"\s*how many\b", ctx.question, re.IGNORECASE) and not ctx.intent.percent \
            and not _SHARE_WORDS.search(ctx.question) and not (re.match(r"\s*of (?:them|whom|these|those)\b", raw[c.number.end :])
                                                                and "the figure counts another part of the whole" not in reasons):
        factor *= 0.6  # "how many staff did UNHCR employ" answered by "66% found formal employment"
        reasons.append("a count was asked, the figure is a share")
    if ctx.intent.percent and not c.number.percent and not ratio_end(raw, c.number):
        factor *= 0.45
        reasons.append("a share was asked, the figure is a count")
    one_year = re.search(r"\b(?:in|during) ((?:19|20)\d\d) (?:alone|only)\b|\bonly in ((?:19|20)\d\d)\b", ctx.question,
                         re.IGNORECASE)
    since = re.search(r"\b(?:since|from) ((?:19|20)\d\d)\b|\b(?:in total|so far|to date|cumulative\w*|all together)\b",
                      rest_of_clause, re.IGNORECASE)
    if one_year and since and (since.group(1) is None or int(since.group(1)) < int(one_year.group(1) or one_year.group(2))):
        factor *= 0.4  # "how many lights in 2023 alone" answered by "2,600 lights installed since 2022": a running total
        reasons.append("the figure is a total over several years, one year was asked")
    if asks_duration(ctx.question) and not is_duration(raw, c.number, c.unit):
        factor *= 0.5
        reasons.append("a length of time was asked, the figure is not one")
    if c.number.is_year and re.search(r"\b(?:which|what) year (?:was|were|did|had)\b|\bwhen (?:was|were|did)\b", ctx.question,
                                      re.IGNORECASE) and re.match(r"\s*by (?:the end of )?" + re.escape(c.number.text) + r"\b",
                                                                  raw, re.IGNORECASE) and c.number.start < 20:
        factor *= 0.4  # "in what year was X set up" answered by "By 2027, X has …": a goal's year, not a past event
        reasons.append("the year is a goal's deadline, not when it happened")
    if re.search(r"\b(?:which|what) year\b", ctx.question, re.IGNORECASE) and not c.number.is_year:
        factor *= 0.3  # "in which year was X created": a count is not a year
        reasons.append("a year was asked, the figure is not one")
    if ctx.intent.field == "target" and not _TARGET_WORDS.search(raw):
        factor *= 0.5  # "how many departures was UNHCR aiming for": a count of what happened is not the goal
        reasons.append("a target was asked, the sentence states a result")
    measured = _measured(ctx.question)
    if measured and c.number.percent and not measured & have:
        factor *= 0.5
        reasons.append("the sentence does not say what the share is of")
    for lk in ctx.links:
        if lk.score < 0.9 or ctx.kb.ubiquitous(lk.iri) or set(terms(lk.surface)) <= SERVED_TERMS or \
                ctx.kb.ubiquitous_in(lk.iri, ctx.kb.passages[c.ss.passage_id].report):
            continue
        forms = ctx.kb.surfaces(lk.iri) or [lk.surface]
        # named in the sentence, or in the sentence before it ("CAVs attended … . The most frequent …")
        if not any(find_phrase(raw, f) for f in forms) and not any(set(terms(f)) <= have for f in [lk.surface, *forms]):
            factor *= 0.6
            reasons.append(f"the sentence does not name {lk.surface}")
            break
    source = _SOURCE_AFTER.match(raw[c.number.end :]) if c.number.money else None
    if source:
        # "funding from ECHO and USD 3.2 million from the CERF": the sum is the CERF's, not ECHO's
        asked = [lk for lk in ctx.links if lk.score >= 0.9 and not ctx.kb.ubiquitous(lk.iri)]
        forms = [f for lk in asked for f in (ctx.kb.surfaces(lk.iri) or [lk.surface])]
        if asked and not any(find_phrase(source.group(1), f) for f in forms):
            factor *= 0.4
            reasons.append(f"the sum comes from {source.group(1).strip()}, not from {asked[0].surface}")
    a, b = clause_start, clause_end
    if re.match(r"[\s;,:-]*(?:it|they|this|these|which|who|that|(?:the|its|their) (?:[\w-]+ ){0,2}?(?:rate|share|"
                r"proportion|percentage)\b)", raw[a:b], re.IGNORECASE):
        # "MINVA approved the protocol; it requires …", "… loans to 1,275 entrepreneurs; the repayment rate
        # reached 96%": the clause speaks of what came before
        a = 0
    for lk in ctx.links:
        if lk.score < 0.9 or ctx.kb.ubiquitous(lk.iri):
            continue
        forms = ctx.kb.surfaces(lk.iri) or [lk.surface]
        in_sentence = [f for f in forms if find_phrase(raw, f)]
        if in_sentence and not any(find_phrase(raw, f, a, b) for f in in_sentence):
            factor *= 0.5
            reasons.append(f"{lk.surface} is named in another clause than the figure")
            break
    return factor, [f"doubt: {r}" for r in reasons]


# "USD 3.2 million from the Central Emergency Response Fund (CERF)": who gave the sum
_SOURCE_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:from|by|of) (?:the )?([A-Z][\w'’&-]*(?:\s+(?:of|for|and|the|[A-Z][\w'’&-]*))*"
                           r"(?:\s*\([A-Z][\w&-]*\))?)")
_TARGET_WORDS = re.compile(r"\b(?:target\w*|goals?|aim\w*|plan\w*|quota|expect\w*|objectives?|will|intends?|seeks?)\b",
                           re.IGNORECASE)


def _paraphrased(ctx: Ctx, raw: str, n: Number, verb: str) -> str | None:
    """A phrase of the figure's clause that says what the question's verb says, in other words
    ("reached an agreement" for "strike a deal"); the phrase shares no word with the question."""
    m = re.search(rf"\b{re.escape(verb)}\b", ctx.question, re.IGNORECASE) if verb else None
    if not m:
        return None
    a, b = clause_of(raw, n.start, n.end)
    said = set(terms(raw[a:b]))
    after = re.findall(r"[\w'-]+", ctx.question[m.end() :])[:3]
    tail = next((i + 1 for i, w in enumerate(after) if terms(w)), 0)
    obj = after[:tail]
    if set(terms(" ".join(obj))) & said:
        obj = []  # the object is in the sentence ("departed for Norway"): only the action is in question
    phrase = " ".join([m.group(0), *obj])
    return said_otherwise(ctx, phrase, raw[a:b])


_CURRENCY = frozenset(terms("usd dollars dollar euros euro soles budget funding funds contribution loan"))


def _measured(question: str) -> frozenset[str]:
    """What a rate or share is of: "the unemployment rate" → unemployment."""
    m = re.search(r"\b((?:[\w-]+\s+){0,1}[\w-]+)\s+rate\b", question.lower())
    if m and not re.search(r"\b(?:the|what|a|which)$", m.group(1)):
        return frozenset(terms(m.group(1))) - frozenset(terms("what the a which"))
    return frozenset()


def previous_terms(ctx: Ctx, ss: ScoredSent) -> set[str]:
    sents = ctx.kb.sentences(ss.passage_id)
    for prev, cur in zip(sents, sents[1:], strict=False):
        if cur == ss.sent:
            return set(terms(prev.text))
    return set()


_PART_ASKED = re.compile(r"\bhow many of (?:the|those|these|its|their|them)\b[^?]*?\b(?:are|were|was|is|came from|come from)\s+"
                         r"((?:[\w'’-]+\s*){1,4})\??\s*$", re.IGNORECASE)


_BODIES = frozenset(terms("groups bodies entities actors organizations organisations ngos agencies institutions partners "
                          "associations networks"))
_MEASURE_UNITS = frozenset(terms("litres liters hectares tonnes tons kilograms kilos kg kilometres kilometers km metres meters "
                                 "megawatts kilowatts hours days weeks months years cubic"))
_NAMED_PART = re.compile(r"\s*(?:per ?cent\s+)?of (?:them|whom|these|those)(?: (?:were|are|was|being))? "
                         r"([a-z][\w-]*(?: [a-z][\w-]*){0,3}?)(?=\s*(?:[,;:.)]|$|\band\b))", re.IGNORECASE)
# a part of a breakdown given for a name: "2,210 to the United States", "300 to Norway"
_FOR_NAME = re.compile(r"\s*(?:[a-z]+\s+)?(?:to|in|from|for|at)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
_WHOLE_GIVEN = re.compile(r"\bhow many of (?:the|its|their|these|those) (\d[\d,]*)\b", re.IGNORECASE)
_OF_WHOM_BEFORE = re.compile(r"\b(?:of|among) (?:whom|them|these|those|which)\s+$", re.IGNORECASE)
_PART_AFTER = re.compile(r"\s*(?:%|per ?cent)?\s*(?:were|are|was|being) ([a-z][\w-]*(?: [a-z][\w-]*){0,3}?)"
                         r"(?=\s*(?:[,;:.)]|$|\band\b))", re.IGNORECASE)
_ASKS_COUNT = re.compile(r"\bhow many\b|\b(?:what|which) (?:number|share|proportion|percentage|part)\b", re.IGNORECASE)
_MONEY_AMOUNT = re.compile(r"\b(?:cash|money|dollar|usd|grant|transfer)s?\s+(?:amount|sum|value)\b|\bamount of (?:cash|money)\b|"
                           r"\bhow much (?:cash|money)\b", re.IGNORECASE)
_SHARE_WORDS = re.compile(r"\b(?:share|percent\w*|proportion|fraction|rate)\b|%", re.IGNORECASE)


def _phrase_around(raw: str, number: Number, words: int = 6) -> str:
    """The few words either side of a figure, within its clause."""
    before = re.split(r"[;:.]", raw[: number.start])[-1].split()[-words:]
    after = re.split(r"[;:.]", raw[number.end :], maxsplit=1)[0].split()[:words]
    return " ".join(before + after)
