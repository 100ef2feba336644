"""Figures read from prose: "how many households …", "how much …", "what share of … were women".

The best sentences' numbers are described by named features (``qa.figure_ranker`` weighs them):
the noun after the number ("3,490 households" for "how many households"), percent or count,
money, a change or a length of time, the question's words near the number, the year it is tied
to. The best one is then checked against the question (``qa.figure_checks``: the action asked,
the counted noun, the clause, the entity) — several weak doubts make the engine abstain. When two
sentences give different figures for the same thing, both are given and a note says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .context import Ctx, Draft, Evidence, ScoredSent, first_match, phrase_draft
from .figure_checks import figure_checks, previous_terms, sentence_raw
from .figure_ranker import hand_fit, rank_score
from .figure_words import (
    FIGURE_FOR_NAME,
    NAME_THEN_FIGURE,
    PEOPLE,
    REFERS_BACK,
    asks_change,
    asks_duration,
    asks_earlier,
    end_of_range,
    figure_label,
    in_ratio,
    is_duration,
    parent_figure,
    ratio_end,
    segment_fit,
    share_of,
    share_predicate,
    start_of_range,
    states_change,
    states_earlier,
)
from .intent import ASKS_WHEN
from .names import country_of_demonym, demonym_stem
from .signals import LIGHT_TERMS, asked_verb, clause_of, year_factor
from .text import NATIONALITY_WORD, Number, find_phrase, numbers, terms

# "Of the survivors assisted, how many …", "Of everyone who applied, how many …": a part of a group;
# the words after "how many" say which part
_OF_GROUP_HOW_MANY = re.compile(r"\s*(?:of|among|out of) (?:the|those|these|all|everyone|everybody|anyone)\b[^?]*,"
                                r"\s*how many\b([^?]*)", re.IGNORECASE)
_MODIFIER = re.compile(
    r"(?:(?:over|more than|nearly|almost|about|around|some|approximately|up to|at least|less than|fewer than|"
    r"a total of|roughly|only|just|exactly)\s+)$",
    re.IGNORECASE,
)
_STOP_PHRASE = re.compile(r"[,.;:()\[\]]|\b(?:were|was|are|is|who|which|that|to|in|at|for|from|with|by|"
                          r"on|of whom|out of|where|while|whose|during|since|compared)\b", re.IGNORECASE)


@dataclass(frozen=True)
class NumCand:
    ss: ScoredSent
    number: Number  # span relative to the sentence's raw text
    fit: float
    total: float
    unit: frozenset[str]  # terms of the words after the number
    phrase: str
    own_unit: bool = True  # the noun is written after this number (not carried over from an earlier one)
    features: dict[str, float] = field(default_factory=dict)  # what the ranker scored (see qa.figure_ranker)


def _head(c: NumCand) -> str:
    """The counted noun: the last term of the words after the number ("virtual … cards" → card)."""
    after = c.phrase.split(c.number.text, 1)[-1]
    # "28,363 cases of children and adolescents" counts cases: the noun before "of" is the head
    t = tuple(terms(re.split(r"\s(?:of|for|in|at|from|to|with|by)\s", after + " ", maxsplit=1)[0]))
    t = t or tuple(terms(after))
    return t[-1] if t else ""


_AGE_LIMIT = re.compile(r"\b(?:children|child|girls|boys|infants|kids|adults|people|persons)\s+(?:under|over|below|above)"
                        r"(?: the age of)?\s*$", re.IGNORECASE)
# "an average value of", "the median stay was", "on average": the figure written right after is the average
_AVERAGE_BEFORE = re.compile(r"\b(?:average|mean|median)\b(?:\s+[\w-]+){0,3}?\s*(?:of|was|were|is|are|at|:)?\s*$",
                             re.IGNORECASE)


def _counted_before(ctx: Ctx, ss: ScoredSent) -> set[str]:
    """The nouns the figures of the sentence before count (what "them" in "Of them, …" are)."""
    sents = ctx.kb.sentences(ss.passage_id)
    for prev, cur in zip(sents, sents[1:], strict=False):
        if cur == ss.sent:
            return {t for n in numbers(prev.text) if not n.is_year for t in terms(_after(prev.text, n.end))}
    return set()


def number_candidates(ctx: Ctx, top: int = 24) -> list[NumCand]:
    intent = ctx.intent
    asks_year = bool(ASKS_WHEN.search(ctx.question) or re.search(r"\b(?:which|what) year\b", ctx.question, re.IGNORECASE))
    m_prep = re.search(r"\b(until|till|since|by|before|after|from|through)\s+(?:(?:which|what) year|when)\b", ctx.question,
                       re.IGNORECASE)
    year_prep = m_prep.group(1).lower() if m_prep else ""
    unit = set(intent.unit_terms)
    focus_w = {t: ctx.weight(t) for t in ctx.focus}
    focus = frozenset(ctx.focus)
    focus_total = sum(focus_w.values()) or 1.0
    wants_total = bool(re.search(r"\b(?:in total|total|overall|altogether|all together)\b", ctx.question, re.IGNORECASE))
    verb_t = frozenset(terms(asked_verb(ctx.question))) - LIGHT_TERMS
    receive_from = bool(_RECEIVED_FROM.search(ctx.question))
    asks_new = bool(re.search(r"\b(?:new|additional)\b", ctx.question, re.IGNORECASE)) and not wants_total
    qualifiers = _qualifiers(ctx.question) - unit
    # "Of the survivors assisted, how many got care?": the figure asked is a part of a group
    m_part = _OF_GROUP_HOW_MANY.match(ctx.question)
    asks_part = m_part is not None
    change = asks_change(ctx.question)
    asks_average = bool(re.search(r"\b(?:average|mean|median)\b", ctx.question, re.IGNORECASE))
    duration = asks_duration(ctx.question)
    earlier = asks_earlier(ctx.question)
    # "how many kids were among the people in transit", "how many of those …": a part again
    asks_part = asks_part or bool(re.search(r"\bhow many\b[^?]*\b(?:were|was) among\b|\bhow many of (?:the|those|these|them)\b",
                                            ctx.question, re.IGNORECASE))
    # "Out of the claims decided, how many ended with refugee status": the words after "how many"
    # say which part; a figure with none of them near is the whole (or another figure)
    part_words = frozenset()
    if m_part:
        part_words = frozenset(terms(m_part.group(1))) - LIGHT_TERMS - {"peopl"}
    # "what share of the children … were girls": what the share is, written right after the figure
    share_is = share_predicate(ctx.question) if intent.percent else frozenset()
    # a name that is itself the counted noun ("how many Syrians …") is scored as the unit, not as a place
    near_names = [f for lk in ctx.links if lk.score >= 0.9 and not ctx.kb.ubiquitous(lk.iri)
                  and not set(terms(lk.surface)) <= unit
                  for f in (ctx.kb.surfaces(lk.iri) or [lk.surface])]
    # "how many were Oruvians": the text gives the figure for the country, "76,210 from Oruvia"
    near_names += [c for w in re.findall(r"\b[A-Z][a-z]+\b", ctx.question) if NATIONALITY_WORD.fullmatch(w)
                   and not any(ctx.kb.ubiquitous(lk.iri) for lk in ctx.links if lk.start <= ctx.question.find(w) < lk.end)
                   and (c := _country_written(ctx, w))]
    given = {(n.value, n.percent) for n in numbers(ctx.question) if not n.is_year}
    out: list[NumCand] = []
    for ss in ctx.scored_sentences[:top]:
        if ctx.kb.passages[ss.passage_id].kind == "table_row":
            continue  # table rows are read by the table answerers, with their columns
        raw = sentence_raw(ctx, ss)
        own_fit = segment_fit(ctx, raw, focus_w)
        # "Of them, 6,210 were assisted at border points.": the sentence before says who "them" are
        refers_back = bool(REFERS_BACK.match(raw))
        ss_score = ss.score + (0.5 * (ss.ctx_coverage - ss.coverage) if refers_back else 0.0)
        prev_terms = previous_terms(ctx, ss)  # the sentence before, read once per sentence
        # "… hosted 512,380 refugees. Of them, …": "them" are what the sentence before counts
        before_terms = _counted_before(ctx, ss) if refers_back else set()
        last_unit: frozenset[str] = frozenset()
        last_share: frozenset[str] = frozenset()
        # the action asked is not in the sentence (nor the one before): its figures count something else
        verb_missing = bool(verb_t) and not verb_t & (set(terms(raw)) | prev_terms)
        first = True
        in_sentence: list[tuple[Number, frozenset[str], bool, dict[str, float], str]] = []
        prev_verb = False
        for n in numbers(raw):
            gapped = False
            if n.text.strip() in ctx.question or (n.is_year and str(int(n.value)) in ctx.question) or \
                    (n.value, n.percent) in given:
                continue  # a number the question itself gives ("the two megawatt farm": "2 MW") is not the answer
            if n.is_year and not asks_year:
                continue  # "established in 2022" does not answer "how many"
            if in_ratio(raw, n):
                continue  # the "four" of "one in four" is read with the "one"
            before = raw[max(0, n.start - 12) : n.start]
            if re.search(r"No\.\s*$|\b[A-Z]{1,3}\s?$", before) and not n.spelled:
                continue  # "Law No.12345", codes like "IA1"
            after_txt = _after(raw, n.end)
            if n.percent and not after_txt:  # "almost 60% were women": what the share is of
                m_cop = re.match(r"\s*(?:of (?:them|whom|which|these|those)\s+)?(?:were|was|are|is)\s+", raw[n.end :])
                after_txt = _after(raw, n.end + m_cop.end()) if m_cop else ""
            if _VERB_AFTER.match(after_txt) and not PEOPLE & set(terms(after_txt)):
                after_txt = ""  # "and 1,075 completed vocational training": the noun is elided
            after = ctx.long_form_terms(frozenset(terms(after_txt)))
            own = bool(after)
            if unit and not unit & after and _SUBSET_BEFORE.search(raw[: n.start]):
                after = after | last_unit  # "612,000 Syrians …, of whom 148,300 had …": Syrians too
                if not last_unit and refers_back:
                    after = after | (unit & before_terms)
            if unit and not unit & after and _SUBSET_BEFORE.search(raw[max(0, n.start - 20) : n.start]):
                said = re.match(r"\s+(?:were|was|are|is)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)", raw[n.end :])
                if said and unit & set(terms(said.group(1))):
                    after = after | frozenset(terms(said.group(1)))  # "…, of whom 545 were women": 545 women
            if after and not n.percent and not n.is_year:
                last_unit = after
            elif not after and not n.percent and not n.is_year and not n.money:
                after = last_unit  # "4,350 refugees to register … and 912 to find a job": 912 refugees
                # "… conduct 3,500 interviews for registration and 2,048 for RSD": the verb is the first's too
                gapped = bool(last_unit) and bool(re.search(r"(?:,|\band)\s*$", raw[max(0, n.start - 8) : n.start]))
            if after and n.percent:
                last_share = after
            elif not after and n.percent:
                after = last_share  # "30% of the population … and 40% at risk …": 40% of the population
            f: dict[str, float] = {}
            if n.is_year:
                f["year_asked"] = 1.0
                if year_prep and re.search(rf"\b{year_prep}\s+$", raw[max(0, n.start - 12) : n.start], re.IGNORECASE):
                    f["year_prep"] = 1.0  # "until 2022" for "until what year …"
            elif asks_year:
                f["not_year"] = 1.0
            if unit:
                if unit & after:
                    # the share of the asked noun written right after it ("2,048 for RSD" after
                    # "3,500 interviews" for "how many RSD interviews")
                    tail = after | ctx.long_form_terms(frozenset(terms(_tail(raw, n.end))))
                    f["unit"] = 1.0
                    f["unit_share"] = len(unit & tail) / len(unit)
                elif unit <= PEOPLE and verb_t and not n.percent and terms(after_txt)[:1] and terms(after_txt)[0] in verb_t:
                    # "17 deaths" for "how many people died": the noun of the asked verb counts them
                    f["unit"] = 1.0
                    f["unit_share"] = 1.0
                elif unit & PEOPLE and after & PEOPLE:
                    f["people"] = 1.0
                elif not n.percent:
                    f["other_noun" if after else "no_noun"] = 1.0  # the noun may come before
            elif after & focus:
                f["focus_noun"] = 1.0  # "577 refugees" for "how many resettled refugees …"
            if wants_total and re.match(r"\s*(?:new|additional|more|other)\b", raw[n.end :], re.IGNORECASE):
                f["increment"] = 1.0  # "three new …" is an increment, not the total asked for
            if re.search(r"\b(?:age of|aged|ages)\s*$", raw[max(0, n.start - 12) : n.start], re.IGNORECASE) and \
                    not re.search(r"\b(?:age|old)\b", ctx.question, re.IGNORECASE):
                f["age"] = 1.0
            if _AGE_LIMIT.search(raw[max(0, n.start - 30) : n.start]) and not re.search(r"\b(?:age|old|under|over)\b",
                                                                                      ctx.question, re.IGNORECASE):
                continue  # "6,930 children under five": the five is an age limit, never the count asked
            ratio = ratio_end(raw, n)  # "one in four school-age children": a share
            if intent.percent:
                f["percent" if n.percent or ratio else "count_for_percent"] = 1.0
            elif n.percent:  # a share where a count or an amount of money was asked
                f["percent_for_count"] = 1.0
            if intent.money and n.money:
                f["money"] = 1.0
            elif intent.money and not n.percent and after & PEOPLE:
                f["people_for_money"] = 1.0  # "how much … contribute" is not answered by "4,210 households"
            elif intent.money and not n.percent and after and not n.is_year:
                f["count_for_money"] = 1.0  # nor by "1,275 microloans" when the loans' value is asked
            if n.spelled and n.value < 10 and not unit & after:
                f["small_spelled"] = 1.0  # "one of the six groups" is rarely the answer
            near_w = {t: w for t, w in focus_w.items() if t not in unit}
            f["near"] = _proximity(raw, n, focus_w)
            f["near_words"] = _proximity(raw, n, near_w, words=4)
            if wants_total and re.search(r"\btotal\b[^.;]{0,80}$", raw[: n.start], re.IGNORECASE):
                f["total"] = 1.0
            if asks_new and re.match(r"\s*(?:new|additional|more)\b", raw[n.end :], re.IGNORECASE):
                f["new"] = 1.0  # "three new CBOs" for "how many new CBOs", not the running total
            parent = parent_figure(raw, n)  # "submitted 655 refugees (41 to A, 468 to B)": 468 were submitted too
            if near_names and _names_near(raw, n, near_names):
                f["name_near"] = 1.0  # "53 to Canada" for "how many … departed to Canada"
                if parent is not None and _paired_name(raw, n, near_names):
                    f["name_part"] = 1.0  # and a part of a total the sentence states, given for that name
            if qualifiers and _verb_near(raw, n, qualifiers):
                f["qualifier"] = 1.0  # "3,746 were attended at borders" for "how many … at the borders"
            if (verb_t and (_verb_near(raw, n, verb_t) or (parent is not None and _verb_near(raw, parent, verb_t))
                            or (gapped and prev_verb))) \
                    or (receive_from and _GIVEN_TO.search(raw[: n.start])):
                f["verb"] = 1.0  # "4,775 people were identified" for "how many people were identified"
            elif verb_missing:
                f["verb_missing"] = 1.0
            if not n.is_year:
                prev_verb = "verb" in f
            yf = year_factor(raw, n, intent.years)
            if yf != 1.0:
                f["year_match" if yf > 1 else "year_other"] = 1.0  # "54 in 2023", not "99 days in 2022"
            f["segment"] = own_fit.get(n.start, 0.0)
            if asks_part and (_SUBSET_BEFORE.search(raw[: n.start]) or refers_back or parent is not None
                              or re.match(r"\s+of (?:them|whom|these|those)\b", raw[n.end :])):
                # "…, of which 6,115 …", "Of them, …", "655 refugees (41 to A, 120 to B)": parts of a total
                f["part"] = 1.0
            elif asks_part and (_WHOLE_AFTER.match(raw[n.end :]) or (
                    part_words and not part_words & set(terms(" ".join(raw[n.end :].split()[:8]))))):
                f["whole"] = 1.0  # "decided 9,870 claims, of which 6,115 …": the whole the question starts from
            if share_is and share_is & share_of(raw, n):
                f["share_is"] = 1.0
            if change:
                f["change" if states_change(raw, n) else "level_for_change"] = 1.0
            elif intent.percent and n.percent and states_change(raw, n):
                f["change_for_level"] = 1.0  # "increasing 430%" does not say what the rate was
            if asks_average and _AVERAGE_BEFORE.search(raw[max(0, n.start - 60) : n.start]):
                f["average"] = 1.0  # "1,275 loans with an average value of USD 640": the 640 for "average size"
            if duration:
                f["duration" if is_duration(raw, n, after) else "not_duration"] = 1.0
            a, b = clause_of(raw, n.start, n.end)
            if (a, b) != (0, len(raw)):
                # "… 1,950 households in X, while MINVA extended … to 3,100 households": the question's
                # words in another clause than the figure's
                have = set(terms(raw[a:b])) | (prev_terms if a == 0 else set())
                f["clause_miss"] = max(0.0, ss.coverage - sum(w for t, w in focus_w.items() if t in have) / focus_total)
            if _SUBSET_BEFORE.search(raw[: n.start]):
                f["subset"] = 1.0
            if end_of_range(raw, n):
                f["range_end"] = 1.0
            elif start_of_range(raw, n):
                f["range_start"] = 1.0
            if earlier:
                if states_earlier(raw, n):
                    f["earlier"] = 1.0  # "7% before joining the programme" for "… before they enrolled"
                    f.pop("range_start", None)
            label = figure_label(raw, n)
            if label:
                asked = [focus_w[t] for t in terms(label) if t in focus_w]
                f["label" if asked else "labelled"] = max(asked) if asked else 1.0  # rescaled below
            f["sentence"] = ss_score
            f["rank"] = 1.0 / ss.rank if ss.rank else 0.0
            f["money_fig"] = float(n.money)
            f["percent_fig"] = float(n.percent)
            f["own_noun"] = float(own)
            f["first_in_sentence"] = float(first)
            first = False
            # a ratio is a share, said whole: "one in four school-age children"
            phrase = " ".join(f"{raw[n.start : ratio]} {_after(raw, ratio, 5)}".split()) if ratio and intent.percent \
                else _phrase(raw, n)
            in_sentence.append((n, after, own, f, phrase))
        parts = [f for *_, f, _ in in_sentence if f.get("name_part")]
        # "physical violence (38.3%), sexual (18.5%)" for "what share … was sexual violence": the label
        # most particular to the question wins
        labels = [f for *_, f, _ in in_sentence if f.get("label")]
        top_label = max((f["label"] for f in labels), default=1.0)
        for f in labels:
            f["label"] = 1.0 if f["label"] >= top_label else 0.0
            if not f["label"]:
                f["labelled"] = 1.0
        marked_earlier = any(f.get("earlier") for *_, f, _ in in_sentence)
        for n, after, own, f, phrase in in_sentence:
            if marked_earlier and not f.get("earlier"):
                f["not_earlier"] = 1.0  # "21% surpassed …, compared to 7% before": 21% is the later state
            if labels and f.get("labelled") and not f.get("label"):
                f["other_label"] = 1.0  # "food (81%), rent (68%)" for "… to pay rent": 81% is for food
            if len(parts) == 1 and not f.get("name_part"):
                # "1,532 people (41 to Australia, 189 to Canada and 1,302 to the United States)" for
                # "how many … to the US": the question's name sits by another figure of the sentence
                f["name_other"] = 1.0
            out.append(NumCand(ss, n, hand_fit(f), rank_score(f), after, phrase, own, f))
    out.sort(key=lambda c: -c.total)
    return out




# "…, of whom 148,300 …", "out of which 3,746 …": a part of the group counted just before
_WHOLE_AFTER = re.compile(r"[^,.;:()]{0,50},\s*(?:of whom|of which|of them|among them|among whom|out of which)\b",
                          re.IGNORECASE)
_SUBSET_BEFORE = re.compile(r"\b(?:of whom|of them|among them|among whom|out of which|out of whom|of which|of these|"
                            r"of those)\s*,?\s*(?:(?:some|about|around|over|more than|almost|nearly|only)\s+)?$",
                            re.IGNORECASE)
_VERB_AFTER = re.compile(r"\s*(?:[a-z]+ed|had|have|has)\b(?!\s+(?:people|persons|individuals|children|women|men|refugees|cases)\b)")


_QUALIFIER = re.compile(r"\b(?:at|in|on|across|along) (?:the |its |their )?([a-z][\w-]+)(?=\s*(?:\?|$|,|;))", re.IGNORECASE)


def _qualifiers(question: str) -> frozenset[str]:
    """The place or setting that closes a question ("… at the borders?" → border): the figure asked
    is the part of a total counted there."""
    return frozenset(t for m in _QUALIFIER.finditer(question) for t in terms(m.group(1)) if not t.isdigit())


def _tail(raw: str, end: int) -> str:
    """The words after a number up to the next figure or clause end ("for RSD" in "2,048 for RSD. …")."""
    m = re.search(r"[.;:()]|\s(?:and|or)\s+(?:\w+\s+)?\d", raw[end:])
    return raw[end : end + (m.start() if m else min(len(raw) - end, 60))][:60]


def _country_written(ctx: Ctx, demonym: str) -> str | None:
    """The country a nationality names, as the reports write it; looked up once per knowledge base
    and scope (the scan reads every entity and, for a country the gazetteer lacks, the texts)."""
    key = ("country_written", ctx.report, demonym)
    if key not in ctx.kb.memo:
        ctx.kb.memo[key] = country_of_demonym(ctx, demonym) or _place_of_stem(ctx, demonym)
    return ctx.kb.memo[key]


def _place_of_stem(ctx: Ctx, demonym: str) -> str | None:
    """"Oruvians" → "Oruvia": the one place name of the reports that starts with the nationality's stem."""
    stem = demonym_stem(demonym)
    if len(stem) < 4:
        return None
    places = {m.group() for d in ctx.documents for m in re.finditer(rf"\b{re.escape(stem)}[a-z]{{0,3}}\b", d.text)
              if m.group() != demonym and not NATIONALITY_WORD.fullmatch(m.group())}
    return places.pop() if len(places) == 1 else None


def _names_near(raw: str, n: Number, names: list[str]) -> bool:
    """A name the question asks about written right by the number ("53 to Canada", "Canada (53)")."""
    window = raw[max(0, n.start - 25) : n.end + 25]
    return any(find_phrase(window, f) for f in names)


def _paired_name(raw: str, n: Number, names: list[str]) -> bool:
    """The figure is given for the name: "468 to the United States", "Canada (120)"."""
    m = FIGURE_FOR_NAME.match(raw[n.end :])
    if m:
        rest = raw[n.end + m.end() : n.end + m.end() + 60]
        if any((hit := find_phrase(rest, f)) and hit[0] == 0 for f in names):
            return True
    before = raw[max(0, n.start - 60) : n.start]
    return any((hit := find_phrase(before, f)) and NAME_THEN_FIGURE.fullmatch(before[hit[1] :]) for f in names)


# "how many people received aid from UNHCR" is said "UNHCR delivered aid to 8,920 individuals": the
# giving verb, with "to" right before the figure
_RECEIVED_FROM = re.compile(r"\b(?:receiv\w*|got|gets|get|getting|obtain\w*|benefit\w*)\b[^?]*\bfrom\b", re.IGNORECASE)
_GIVEN_TO = re.compile(r"\b(?:provid|deliver|gave|give|offer|extend|distribut|hand)\w*\b[^,;.]{0,60}?\bto\s+"
                       r"(?:(?:some|about|around|over|more than|nearly|almost|up to|at least)\s+)?$", re.IGNORECASE)


def _verb_near(raw: str, n: Number, verb: frozenset[str]) -> bool:
    """The question's verb right after the number ("4,775 people were identified") or just
    before it ("UNHCR trained 520 …")."""
    after = re.split(r"[,;:.()]", raw[n.end :], maxsplit=1)[0].split()[:6]  # within the number's own phrase
    before = raw[: n.start].split()[-3:]
    return bool(verb & set(terms(" ".join(after + before))))


def _after(raw: str, end: int, max_words: int = 4) -> str:
    m = _STOP_PHRASE.search(raw, end)
    stop = m.start() if m else len(raw)
    words = raw[end:stop].split()
    for i, w in enumerate(words[:-1]):
        # "refugee and migrant children" goes on; "interviews and decided 4,820" does not
        if w in ("and", "or") and (words[i + 1].endswith("ed") or words[i + 1][:1].isdigit()):
            words = words[:i]
            break
    words = words[:max_words]
    while words and words[-1].lower() in ("and", "or", "the", "a", "an", "of", "but"):
        words = words[:-1]  # "12 hours and that …": the phrase ends with its noun
    return " ".join(words)


def _phrase(raw: str, n: Number) -> str:
    """"over 3,490 households": the number with its modifier and the noun after it."""
    start = n.start
    m = _MODIFIER.search(raw[max(0, n.start - 25) : n.start])
    if m:
        start = n.start - (len(raw[max(0, n.start - 25) : n.start]) - m.start())
    tail = _after(raw, n.end, 5)
    return " ".join((raw[start : n.end] + (" " + tail if tail else "")).split())


def _proximity(raw: str, n: Number, focus_w: dict[str, float], words: int = 0) -> float:
    """Weighted share of the focus terms near the number: within ~80 characters, or within
    ``words`` words on either side when given."""
    if not focus_w:
        return 0.0
    if words:
        left = raw[: n.start].split()[-words:]
        right = raw[n.end :].split()[:words]
        window = " ".join(left + right)
    else:
        window = raw[max(0, n.start - 80) : n.end + 80]
    near = set(terms(window))
    return sum(w for t, w in focus_w.items() if t in near) / sum(focus_w.values())


def _predicate_terms(ctx: Ctx) -> list[str]:
    """Focus terms that say what happened (not the counted noun, not names used everywhere, not years)."""
    unit = set(ctx.intent.unit_terms)
    n = max(1, len(ctx.kb.passages))
    return [t for t in ctx.focus if t not in unit and not t.isdigit() and t not in LIGHT_TERMS
            and ctx.kb.doc_freq.get(t, 0) <= 0.2 * n]


# a figure given per name, twice or more in one sentence: "12 to Australia, 53 to Canada and 512 to …"
_PER_NAME_FIGURES = re.compile(r"\b\d[\d,]*\s+(?:to|in|from|for)\s+(?:the\s+)?[A-Z]")


def answer_number(ctx: Ctx) -> Draft | None:
    cands = number_candidates(ctx)
    if not cands:
        return None
    best = cands[0]
    conf, reasons = _checked_confidence(ctx, best)
    total = _TOTAL_AFTER.search(sentence_raw(ctx, best.ss)) if _ASKS_TOTAL.search(ctx.question) else None
    if total is not None:
        # "how many municipalities in all": "seven joined …, bringing the total to 15"
        for c in cands[:8]:
            raw = sentence_raw(ctx, c.ss)
            if c.ss.passage_id == best.ss.passage_id and c.ss.sent == best.ss.sent and total.start(1) == c.number.start:
                best = c
                conf, reasons = _checked_confidence(ctx, c)
                break
    unit = set(ctx.intent.unit_terms)
    if unit and any(r.endswith("the figure counts something else") for r in reasons):
        # "how many pupils … did damage to schools halt": the sentence's other figure ("4,100 children",
        # after "63 schools") counts what is asked
        for c in cands[1:6]:
            if c.ss.passage_id != best.ss.passage_id or c.ss.sent != best.ss.sent or c.number.is_year or \
                    not (unit & c.unit or unit & PEOPLE and c.unit & PEOPLE):
                continue
            c_conf, c_reasons = _checked_confidence(ctx, c)
            if c_conf > conf and not c_reasons:
                best, conf, reasons = c, c_conf, c_reasons
                break
    if best.number.percent and any(r.endswith("a count was asked, the figure is a share") for r in reasons):
        # "how many women won seats": "…, of whom 545 were women", not "women held 49% of the seats"
        for c in cands[1:4]:
            if c.number.percent or c.number.is_year or not (unit & c.unit):
                continue
            c_conf, c_reasons = _checked_confidence(ctx, c)
            if not c_reasons and c_conf >= ctx.options.min_confidence:
                best, conf, reasons = c, c_conf, c_reasons
                break
    unnamed = [lk for lk in ctx.links for r in reasons if r.endswith(f"the sentence does not name {lk.surface}")]
    raw = sentence_raw(ctx, best.ss)
    named = [lk for lk in ctx.links if lk.score >= 0.9 and not ctx.kb.ubiquitous(lk.iri)
             and any(find_phrase(raw, f) for f in ctx.kb.surfaces(lk.iri) or [lk.surface])]
    if not unnamed and named and len(_PER_NAME_FIGURES.findall(raw)) >= 2 and not all(
            _paired_name(raw, best.number, ctx.kb.surfaces(lk.iri) or [lk.surface]) for lk in named):
        unnamed = named  # "12 departed to Australia, 53 to Canada and 512 to the United States": the one asked
    if unnamed:
        # "how many submissions went to the US": the figure written by the name ("1,302 to the United
        # States"), though another sentence says more of the rest ("54 in 2023")
        for c in cands[1:6]:
            raw = sentence_raw(ctx, c.ss)
            if not all(_paired_name(raw, c.number, ctx.kb.surfaces(lk.iri) or [lk.surface]) for lk in unnamed):
                continue
            c_conf, c_reasons = _checked_confidence(ctx, c)
            if not c_reasons and c_conf >= ctx.options.min_confidence:
                best, conf, reasons = c, c_conf, c_reasons
                break
    spans = [(best.ss.sent.start, best.ss.sent.end)]
    evidence = [Evidence(best.ss.passage_id, spans, best.total)]
    if re.search(r"[A-Za-z]", best.phrase):
        text = best.phrase
    else:  # a bare number: say what it counts with the words around it
        raw = sentence_raw(ctx, best.ss)
        text = f"{best.phrase} (… {_around(raw, best.number, 70)} …)"
    notes: list[str] = []
    # Another sentence giving a different figure for the same thing.
    for c in cands[1:8]:
        if c.total < best.total - 0.3 or c.ss.coverage < best.ss.coverage - 0.1 or c.number.value == best.number.value:
            continue
        if c.number.percent != best.number.percent or c.number.is_year:
            continue
        same_thing = _head(c) and _head(c) == _head(best)
        if not same_thing or (c.ss.sent == best.ss.sent and c.ss.passage_id == best.ss.passage_id):
            continue
        if not best.ss.matched <= c.ss.matched | previous_terms(ctx, c.ss):
            continue  # the other sentence is not about the same thing
        page = _page(ctx, c.ss.passage_id)
        text = f"{text}; the report also gives {c.phrase}"
        notes.append(
            f"The report states two different figures: {best.number.text} and {c.number.text}"
            + (f" (page {page})" if page else "")
            + "."
        )
        evidence.append(Evidence(c.ss.passage_id, [(c.ss.sent.start, c.ss.sent.end)], c.total))
        break
    return Draft(text, "number", conf, evidence, notes=notes + reasons)


_ASKS_TOTAL = re.compile(r"\b(?:in all|in total|altogether|all told|overall|by now|so far|to date|cumulative\w*)\b", re.IGNORECASE)
_TOTAL_AFTER = re.compile(r"\b(?:bringing|brought|raising|raised|taking|took|for) (?:the|a) (?:total|number|count)(?: number)?"
                          r"(?: of \w+)? (?:to|of) (\d[\d,]*)", re.IGNORECASE)


def _checked_confidence(ctx: Ctx, best: NumCand) -> tuple[float, list[str]]:
    """A candidate's confidence after the checks of what the question says happened and of what it counts."""
    refers_back = bool(REFERS_BACK.match(sentence_raw(ctx, best.ss)))
    conf = _confidence(best, _clause_coverage(ctx, best), best.ss.ctx_coverage if refers_back else None)
    required = _predicate_terms(ctx)
    if required:
        # what the question says happened must be in the sentence, not only the counted noun
        have = best.ss.matched | previous_terms(ctx, best.ss)
        have |= _named_entity_terms(ctx, sentence_raw(ctx, best.ss), have)
        got = sum(ctx.weight(t) for t in required if t in have) / sum(ctx.weight(t) for t in required)
        factor = 0.5 + 0.5 * got
        unit = set(ctx.intent.unit_terms)
        if unit and best.own_unit and unit <= best.unit and sum(ctx.weight(t) for t in unit) >= 5.0:
            factor = max(factor, 0.8)  # "188 service fairs" for "how many service fairs": a specific noun, counted
        conf *= factor
    factor, reasons = figure_checks(ctx, best)
    return conf * factor, reasons


def _named_entity_terms(ctx: Ctx, raw: str, have: set[str] | frozenset[str]) -> set[str]:
    """The words of the question's names when the sentence (or the one before) names them another
    way: "Family Support Centers" asked, "CAVs" written."""
    out: set[str] = set()
    for lk in ctx.links:
        if lk.score < 0.9:
            continue
        forms = ctx.kb.surfaces(lk.iri) or [lk.surface]
        if any(find_phrase(raw, f) or (terms(f) and set(terms(f)) <= have) for f in forms):
            out |= set(terms(lk.surface))
    return out


def _clause_coverage(ctx: Ctx, c: NumCand) -> float:
    """Weighted share of the focus in the number's own clause (plus the sentence before it when the
    clause is the sentence's first): "…, and the World Bank approved a USD 45 million loan" does not
    speak of the bank named in the first clause."""
    raw = sentence_raw(ctx, c.ss)
    a, b = clause_of(raw, c.number.start, c.number.end)
    if a == 0 and b == len(raw):
        return c.ss.coverage
    have = set(terms(raw[a:b])) | (previous_terms(ctx, c.ss) if a == 0 else set())
    total = sum(ctx.weight(t) for t in ctx.focus) or 1.0
    return sum(ctx.weight(t) for t in ctx.focus if t in have) / total


def _confidence(c: NumCand, clause_cov: float | None = None, coverage: float | None = None) -> float:
    cov = c.ss.coverage if coverage is None else coverage
    base = cov if clause_cov is None else 0.5 * (cov + clause_cov)
    return max(0.0, min(1.0, 0.15 + 0.75 * base + 0.15 * max(-1.0, min(1.0, c.fit))))


def _around(raw: str, n: Number, width: int) -> str:
    """The words within ``width`` characters of a number, whole words only."""
    a, b = max(0, n.start - width), min(len(raw), n.end + width)
    if a > 0:
        space = raw.find(" ", a, n.start)
        a = space + 1 if space >= 0 else n.start
    if b < len(raw):
        space = raw.rfind(" ", n.end, b)
        b = space if space >= 0 else n.end
    return " ".join(raw[a:b].split())


def _page(ctx: Ctx, pid: str) -> int | None:
    pages = ctx.kb.passages[pid].pages
    return pages[0] if pages else None


# "… Give both counts.", "how big was the plan, and how much of it was funded?", "how did the share
# change between joining and afterwards?": two figures are asked, each with what it counts
_ASKS_TWO = re.compile(
    r"\bgive both\b|\b(?:both|the two) (?:[\w-]+ )?(?:values|figures|numbers|counts|percentages|rates|shares|amounts)\b|"
    r"\b(?:how (?:big|large|much|many)|what)\b[^?]*,? and how (?:much|many)\b|"
    r"\bhow did [^?]*\bchange between\b",
    re.IGNORECASE,
)


def answer_two_figures(ctx: Ctx) -> Draft | None:
    """Both figures a two-part question asks, from the sentence that states them together (or the
    next best sentence of the same passage): "nearly 3,500 interviews for registration and 2,048
    for RSD". Indicator rows (baseline, target, actual) are left to the table answerer."""
    if not _ASKS_TWO.search(ctx.question) or re.search(r"\b(?:baseline|target|indicator)\b", ctx.question, re.IGNORECASE):
        return None
    base = answer_number(ctx)
    cands = number_candidates(ctx)
    if base is None or not cands:
        return None
    best = cands[0]
    same = [c for c in cands[1:12] if c.ss.passage_id == best.ss.passage_id and c.ss.sent == best.ss.sent
            and c.number.value != best.number.value and not c.number.is_year
            and (c.number.percent == best.number.percent or not ctx.intent.percent)]
    near = [c for c in cands[1:12] if c.ss.passage_id == best.ss.passage_id and c.ss.sent != best.ss.sent
            and not c.number.is_year and c.number.percent == best.number.percent
            and c.ss.score >= best.ss.score - 0.15 and c.number.value != best.number.value]
    other = same[0] if same else (near[0] if near else None)
    if other is None:
        return None
    if other.ss.sent == best.ss.sent:
        raw = sentence_raw(ctx, best.ss)
        first, second = sorted((best.number, other.number), key=lambda n: n.start)
        # the second figure's own words, to the end of its phrase ("2,048 for RSD")
        tail = re.split(r"[,;:.()]", raw[second.end :], maxsplit=1)[0].split()[:5]
        text = " ".join((raw[first.start : second.end] + " " + " ".join(tail)).split())
        if len(text) > 200:
            text = f"{best.phrase}; {other.phrase}"
        evidence = [Evidence(best.ss.passage_id, [(best.ss.sent.start, best.ss.sent.end)], best.total)]
    else:
        text = f"{best.phrase}; {other.phrase}"
        evidence = [Evidence(c.ss.passage_id, [(c.ss.sent.start, c.ss.sent.end)], c.total) for c in (best, other)]
    return Draft(text, "number", base.confidence, evidence, notes=[n for n in base.notes if n.startswith("doubt")])


# "across how many of the country's 312 municipalities": the count written before "of … 312 municipalities"
_OF_WHOLE = re.compile(r"\bhow many (?:out )?of (?:the |its |their |[\w’'-]+['’]s? |[\w-]+ ){0,3}?(\d[\d,]*) ([a-z][\w-]*)",
                       re.IGNORECASE)


# "Of the 29 groups in the network, how many are headed by women?"
_OF_WHOLE_FIRST = re.compile(r"^\s*(?:of|out of|among) (?:the |its |their |[\w’'-]+['’]s? ){1,3}?(\d[\d,]*) ([a-z][\w-]*)\b"
                             r"[^?]*\bhow many\b", re.IGNORECASE)


# "Of the 52,300 registrations, what percentage took place at the border desks?"
_OF_WHOLE_SHARE = re.compile(r"^\s*(?:of|out of|among) (?:the |its |their |[\w’'-]+['’]s? ){1,3}?(\d[\d,]*)\b[^?]*"
                             r"\b(?:what|which) (?:percentage|share|proportion|per ?cent|fraction)\b", re.IGNORECASE)


def answer_part_of_whole(ctx: Ctx) -> Draft | None:
    """"In how many of the 25 regions …": the report writes the part with the whole it is out of
    ("287 of the country's 312 municipalities"); the whole, given by the question, is not the answer.
    "Of the 52,300 registrations, what percentage …": the share written of that whole ("registered
    52,300 …, 38% of them at the border desks")."""
    share = _OF_WHOLE_SHARE.search(ctx.question)
    if share is not None:
        whole = share.group(1)
        pattern = re.compile(rf"(?<![\d,.]){re.escape(whole)}\b[^.;:]{{0,80}}?,\s*(\d+(?:\.\d+)?\s?%)\s+of (?:them|whom|which|these)\b",
                             re.IGNORECASE)
        found = first_match(ctx, pattern, 0.2)
        if found is not None:
            ss, m = found
            a = m.start(1)
            d = phrase_draft(ss, a, m.end(), ctx.kb.passages[ss.passage_id].text[a : m.end()])
            d.confidence = max(d.confidence, 0.7)
            return d
    asked = _OF_WHOLE.search(ctx.question) or _OF_WHOLE_FIRST.search(ctx.question)
    if asked is None:
        return None
    whole, noun = asked.group(1), asked.group(2)
    found = None
    # the whole's noun as asked, else any noun ("of the 29 groups" written "19 of the 29 organizations")
    for noun_pattern in (rf"{re.escape(noun[:4])}[\w-]*", r"[a-z][\w-]*"):
        pattern = re.compile(rf"(?<![\w.,])(\d[\d,]*|[a-z]+(?:[- ][a-z]+)?)\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|"
                             rf"[\w’'-]+\s+){{0,3}}?{re.escape(whole)}\s+{noun_pattern}", re.IGNORECASE)
        found = first_match(ctx, pattern, 0.2)  # the whole and its noun, written as asked, say much already
        if found is not None:
            break
    if found is None:
        return None
    ss, m = found
    part = numbers(m.group(1))
    if not part or part[0].value >= float(whole.replace(",", "")):
        return None
    d = phrase_draft(ss, m.start(), m.end(), ctx.kb.passages[ss.passage_id].text[m.start():m.end()])
    d.confidence = max(d.confidence, 0.7)
    return d
