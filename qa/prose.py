"""Answers read from prose: numbers ("how many households …"), why/how, and best-sentence answers.

Passages come from the searcher; their sentences are scored by how much of the question's focus
(weighted content terms, with synonyms) they contain. For a number question each number of the
best sentences is then scored by how well it fits what is asked: the noun after it ("3,490
households" for "how many households"), percent or count, money, distance to the focus words.
When two sentences give different figures for the same thing, both are given and a note says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import Ctx, Draft, Evidence, ScoredSent
from .text import Number, canon, find_phrase, numbers, terms

# Nouns that all count people: a question about "people" accepts "individuals", "refugees" …
_PEOPLE = frozenset(
    canon(t)
    for w in (
        "people individuals persons person refugees asylum-seekers seekers venezuelans migrants households "
        "families children women men survivors cases beneficiaries participants candidates leaders staff "
        "officials members students girls boys adolescents nationals citizens applicants"
    ).split()
    for t in terms(w)
)
_MODIFIER = re.compile(
    r"(?:(?:over|more than|nearly|almost|about|around|some|approximately|up to|at least|less than|fewer than|"
    r"a total of|roughly|only|just|exactly)\s+)$",
    re.IGNORECASE,
)
_STOP_PHRASE = re.compile(r"[,.;:()\[\]]|\b(?:were|was|are|is|who|which|that|to|in|at|for|from|with|by|"
                          r"on|of whom|out of|where|while|whose|during|since|compared)\b", re.IGNORECASE)
_CAUSAL = re.compile(r"\b(?:because|due to|thanks to|as a result|since|owing to|related to|linked to|led to|"
                     r"so that|in order to|resulted in|caused|to address|aim(?:s|ed)? to|as \d+%)\b", re.IGNORECASE)


@dataclass(frozen=True)
class NumCand:
    ss: ScoredSent
    number: Number  # span relative to the sentence's raw text
    fit: float
    total: float
    unit: frozenset[str]  # terms of the words after the number
    phrase: str


def _head(c: NumCand) -> str:
    """The counted noun: the last term of the words after the number ("virtual … cards" → card)."""
    t = terms(_after(c.phrase, 0, 6)[len(c.number.text):]) if c.phrase.startswith(c.number.text) else ()
    t = t or tuple(terms(c.phrase.split(c.number.text, 1)[-1]))
    return t[-1] if t else ""


def _sentence_raw(ctx: Ctx, ss: ScoredSent) -> str:
    return ctx.kb.passages[ss.passage_id].text[ss.sent.start : ss.sent.end]


def number_candidates(ctx: Ctx, top: int = 24) -> list[NumCand]:
    intent = ctx.intent
    asks_year = bool(re.search(r"\bwhen\b|\b(?:which|what) year\b", ctx.question, re.IGNORECASE))
    unit = set(intent.unit_terms)
    focus_w = {t: ctx.weight(t) for t in ctx.focus}
    focus = frozenset(ctx.focus)
    wants_total = bool(re.search(r"\b(?:in total|total|overall|altogether|all together)\b", ctx.question, re.IGNORECASE))
    out: list[NumCand] = []
    for ss in ctx.scored_sentences[:top]:
        if ctx.kb.passages[ss.passage_id].kind == "table_row":
            continue  # table rows are read by the table answerers, with their columns
        raw = _sentence_raw(ctx, ss)
        last_unit: frozenset[str] = frozenset()
        for n in numbers(raw):
            if n.text.strip() in ctx.question or (n.is_year and str(int(n.value)) in ctx.question):
                continue  # a number the question itself gives is not the answer
            before = raw[max(0, n.start - 12) : n.start]
            if re.search(r"No\.\s*$|\b[A-Z]{1,3}\s?$", before) and not n.spelled:
                continue  # "Law No.12345", codes like "IA1"
            after_txt = _after(raw, n.end)
            after = frozenset(terms(after_txt))
            if after and not n.percent and not n.is_year:
                last_unit = after
            elif not after and not n.percent and not n.is_year and not n.money:
                after = last_unit  # "4,350 refugees to register … and 912 to find a job": 912 refugees
            fit = 0.0
            if n.is_year:
                fit += 1.0 if asks_year else -1.5
            elif asks_year:
                fit -= 1.0
            if unit:
                if unit & after:
                    fit += 1.0
                elif unit & _PEOPLE and after & _PEOPLE:
                    fit += 0.5
                elif not n.percent:
                    fit -= 0.3 if after else 0.1  # another noun counted (none: the noun may come before)
            elif after & focus:
                fit += 0.5  # "577 refugees" for "how many resettled refugees …"
            if wants_total and re.match(r"\s*(?:new|additional|more|other)\b", raw[n.end :], re.IGNORECASE):
                fit -= 0.5  # "three new …" is an increment, not the total asked for
            if re.search(r"\b(?:age of|aged|ages)\s*$", raw[max(0, n.start - 12) : n.start], re.IGNORECASE) and \
                    not re.search(r"\b(?:age|old)\b", ctx.question, re.IGNORECASE):
                fit -= 1.0
            if intent.percent:
                fit += 0.8 if n.percent else -0.5
            elif n.percent and not intent.money:
                fit -= 0.7
            if intent.money and n.money:
                fit += 0.6
            elif intent.money and not n.percent and after & _PEOPLE:
                fit -= 0.8  # "how much … contribute" is not answered by "4,210 households"
            if n.spelled and n.value < 10 and not unit & after:
                fit -= 0.4  # "one of the six groups": small spelled numbers are rarely the answer
            near_w = {t: w for t, w in focus_w.items() if t not in unit}
            fit += 0.4 * _proximity(raw, n, focus_w) + 0.6 * _proximity(raw, n, near_w, words=4)
            if wants_total and re.search(r"\btotal\b[^.;]{0,80}$", raw[: n.start], re.IGNORECASE):
                fit += 1.0
            total = ss.score + 0.25 * fit
            out.append(NumCand(ss, n, fit, total, after, _phrase(raw, n)))
    out.sort(key=lambda c: -c.total)
    return out


def _after(raw: str, end: int, max_words: int = 4) -> str:
    m = _STOP_PHRASE.search(raw, end)
    stop = m.start() if m else len(raw)
    words = raw[end:stop].split()
    for i, w in enumerate(words[:-1]):
        # "refugee and migrant children" goes on; "interviews and decided 4,820" does not
        if w in ("and", "or") and (words[i + 1].endswith("ed") or words[i + 1][:1].isdigit()):
            words = words[:i]
            break
    return " ".join(words[:max_words])


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
    return [t for t in ctx.focus if t not in unit and not t.isdigit()
            and ctx.kb.doc_freq.get(t, 0) <= 0.2 * n]


def answer_number(ctx: Ctx) -> Draft | None:
    cands = number_candidates(ctx)
    if not cands:
        return None
    best = cands[0]
    conf = _confidence(best)
    required = _predicate_terms(ctx)
    if required:
        # what the question says happened must be in the sentence, not only the counted noun
        have = best.ss.matched | _previous_terms(ctx, best.ss)
        got = sum(ctx.weight(t) for t in required if t in have) / sum(ctx.weight(t) for t in required)
        conf *= 0.5 + 0.5 * got if got else 0.5
    spans = [(best.ss.sent.start, best.ss.sent.end)]
    evidence = [Evidence(best.ss.passage_id, spans, best.total)]
    if re.search(r"[A-Za-z]", best.phrase):
        text = best.phrase
    else:  # a bare number: say what it counts with the words around it
        raw = _sentence_raw(ctx, best.ss)
        text = f"{best.phrase} (… {_around(raw, best.number, 70)} …)"
    notes: list[str] = []
    # Another sentence giving a different figure for the same thing.
    for c in cands[1:8]:
        if c.total < best.total - 0.25 or c.ss.coverage < best.ss.coverage - 0.1 or c.number.value == best.number.value:
            continue
        if c.number.percent != best.number.percent or c.number.is_year:
            continue
        same_thing = _head(c) and _head(c) == _head(best)
        if not same_thing or (c.ss.sent == best.ss.sent and c.ss.passage_id == best.ss.passage_id):
            continue
        if not best.ss.matched <= c.ss.matched | _previous_terms(ctx, c.ss):
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
    return Draft(text, "number", conf, evidence, notes=notes)


def _previous_terms(ctx: Ctx, ss: ScoredSent) -> set[str]:
    sents = ctx.kb.sentences(ss.passage_id)
    for prev, cur in zip(sents, sents[1:], strict=False):
        if cur == ss.sent:
            return set(terms(prev.text))
    return set()


def _confidence(c: NumCand) -> float:
    base = c.ss.coverage
    return max(0.0, min(1.0, 0.15 + 0.75 * base + 0.15 * max(-1.0, min(1.0, c.fit))))


def _around(raw: str, n: Number, width: int) -> str:
    """The words within ``width`` characters of a number, whole words only."""
    left = raw[max(0, n.start - width) : n.start].split()[1:] if n.start > width else raw[: n.start].split()
    right = raw[n.end : n.end + width].split()[:-1]
    return " ".join([*left, raw[n.start : n.end], *right])


def _page(ctx: Ctx, pid: str) -> int | None:
    pages = ctx.kb.passages[pid].pages
    return pages[0] if pages else None


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[:n].rsplit(" ", 1)[0]
    return cut + " …"


def _names_links(ctx: Ctx, passage_id: str) -> bool:
    text = ctx.kb.passages[passage_id].text
    for lk in ctx.links:
        if ctx.kb.ubiquitous(lk.iri):
            continue
        forms = ctx.kb.surfaces(lk.iri) or [lk.surface]
        if not any(find_phrase(text, f) for f in forms):
            return False
    return True


def best_sentences(ctx: Ctx, causal: bool = False) -> list[ScoredSent]:
    """Sentences ordered by fit; with ``causal`` a sentence stating a reason is preferred."""
    ranked = list(ctx.scored_sentences)
    if causal:
        ranked.sort(key=lambda s: -(s.score + (0.08 if _CAUSAL.search(s.sent.text) else 0.0)))
    return ranked


def answer_sentence(
    ctx: Ctx, kind: str, causal: bool = False, max_chars: int = 300, require: frozenset[str] = frozenset()
) -> Draft | None:
    """The best sentence as the answer (why/how questions, lists stated in prose); with
    ``require``, only a sentence holding one of those terms."""
    ranked = [s for s in best_sentences(ctx, causal) if ctx.kb.passages[s.passage_id].kind != "table_row"]
    if require:
        ranked = [s for s in ranked[:6] if require & set(terms(s.sent.text))]
    if not ranked:
        return None
    # prefer a sentence whose passage names the entities the question names
    naming = [s for s in ranked[:6] if _names_links(ctx, s.passage_id)]
    if naming and naming[0].score >= ranked[0].score - 0.25:
        ranked = naming
    best = ranked[0]
    text = _clip(best.sent.text, max_chars - 2)
    conf = max(0.0, min(1.0, 0.1 + 0.9 * best.coverage))
    ev = [Evidence(best.passage_id, [(best.sent.start, best.sent.end)], best.score)]
    return Draft(text, kind, conf, ev)
