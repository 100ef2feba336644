"""Answers read from prose as sentences: why/how questions, lists of activities, best-sentence answers.

Passages come from the searcher; their sentences are scored by how much of the question's focus
(weighted content terms, with synonyms) they contain. A why-question prefers a sentence stating a
reason, a how-question one stating the means; a sentence that only points back ("With these
capacities, …") is given with the sentence before it. Figures are read by ``qa.figures``.
"""

from __future__ import annotations

import re

from .context import Ctx, Draft, Evidence, ScoredSent, first_match, phrase_draft
from .text import find_phrase, sentences, terms

_CAUSAL = re.compile(r"\b(?:because|due to|thanks to|as a result|since|owing to|related to|linked to|led to|"
                     r"so that|in order to|resulted in|caused|to address|aim(?:s|ed)? to|as \d+%)\b", re.IGNORECASE)


_WITH_TREND = (r"\bwith (?:[\w-]+ ){0,3}(?:declining|falling|decreasing|shrinking|dwindling|reduced|limited|scarce|"
               r"rising|growing|increasing)\b")


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[:n].rsplit(" ", 1)[0]
    return cut + " …"


_CLAUSE_END = re.compile(r"(?<=[,;:])\s+|\s+(?=(?:while|whereas|because|although|which|where|so that|in order to|"
                         r"thanks to|due to)\b)")


_REASON_WORDS = re.compile(r"\b(?:because|due to|owing to|thanks to|as a result|so that|in order to|to ensure|aim(?:ed|ing) "
                           r"(?:at|to)|focused on|given that|as only)\b|" + _WITH_TREND, re.IGNORECASE)
# a sentence that opens on its reason: "As only 33% of needs were funded, …", "With funding declining, …"
_OPENS_WITH_REASON = re.compile(r"^\s*(?:(?:As|Since|Because|Given that|Owing to|Due to)\b|(?:Finally, |However, )?"
                                + _WITH_TREND + ")", re.IGNORECASE)


def _focused_clip(ctx: Ctx, text: str, n: int, causal: bool) -> str:
    """``text`` cut to ``n`` characters: its first ``n`` characters, unless the question asks why
    and the words giving the reason come later (then the clauses around them that say most of
    the question)."""
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    reason = _REASON_WORDS.search(text)
    if not causal or reason is None or reason.end() <= n - 40:
        return _clip(text, n)
    bounds = [0, *(m.end() for m in _CLAUSE_END.finditer(text)), len(text)]
    clauses = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i] < bounds[i + 1]]
    focus = set(ctx.focus)

    def said(a: int, b: int) -> float:
        return sum(ctx.weight(t) for t in set(terms(text[a:b])) & focus)

    best: tuple[float, int, int] | None = None
    for i in range(len(clauses)):
        j = i
        while j + 1 < len(clauses) and clauses[j + 1][1] - clauses[i][0] <= n - 4:
            j += 1
        a, b = clauses[i][0], clauses[j][1]
        if b - a > n - 4:
            continue
        if not a <= reason.start() < b - 20:
            continue  # the window must hold the reason
        score = said(a, b)
        if best is None or score > best[0] + 1e-9:
            best = (score, a, b)
    if best is None:
        return _clip(text, n)
    _, a, b = best
    return ("… " if a > 0 else "") + text[a:b].strip() + (" …" if b < len(text) else "")


def _names_links(ctx: Ctx, passage_id: str) -> bool:
    text = ctx.kb.passages[passage_id].text
    for lk in ctx.links:
        if ctx.kb.ubiquitous(lk.iri):
            continue
        forms = ctx.kb.surfaces(lk.iri) or [lk.surface]
        if not any(find_phrase(text, f) for f in forms):
            return False
    return True


# A sentence that gives the reason for what the one before it states
_GIVES_REASON = re.compile(r"\b(?:because|due to|thanks to|since|owing to|as a result|without having to|where they|"
                           r"which allow(?:s|ed)?|so that)\b", re.IGNORECASE)
# "How did X strengthen Y": the answer states the means.
_MEANS = re.compile(r"\bthrough\b|\bby (?:\w+ing|means of)\b|\bthanks to\b|\bvia\b|\bwith (?:the )?(?:support|help) of\b|"
                    r"\b(?:lines?|areas?) of work\b|\bapproach(?:es)?\b|\b[a-c]\)", re.IGNORECASE)
# A sentence that opens by pointing back ("With these additional capacities, …"): what it refers
# to — the means or the cause asked for — is in the sentence before.
_ANAPHORA = re.compile(r"^\s*(?:with|thanks to|through|because of|due to|as a result of|given|despite) "
                       r"(?:these|this|those|such|that|the above)\b|^\s*(?:as a result|consequently|therefore|"
                       r"thus|hence|the above)\b", re.IGNORECASE)


def best_sentences(ctx: Ctx, causal: bool = False) -> list[ScoredSent]:
    """Sentences ordered by fit; with ``causal`` a sentence stating a reason (or, for "how did …",
    the means) is preferred."""
    ranked = list(ctx.scored_sentences)
    if causal:
        means = bool(re.match(r"\s*how\b", ctx.question, re.IGNORECASE))
        pattern = _MEANS if means else _CAUSAL
        years = {d.report.meta.year for d in ctx.documents if d.report.meta.year}
        ranked.sort(key=lambda s: -(s.score + (0.08 if pattern.search(s.sent.text) else 0.0)
                                    - (0.1 if _is_goal(s.sent.text, years) else 0.0)))
    return ranked


def _is_goal(text: str, report_years: set[int]) -> bool:
    """"By 2027, the commission has the capacity to …": an objective set for a later year, not an account
    of what happened (it does not say why or how)."""
    m = re.match(r"\s*by (?:the end of )?((?:19|20)\d\d)\b", text, re.IGNORECASE)
    return bool(m and report_years and int(m.group(1)) > max(report_years))


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
    verb = frozenset(terms(_what_verb(ctx.question))) - _AUX_TERMS
    if verb:  # "what did families use the cash for": a sentence that says "used"
        saying = [s for s in ranked[:6] if verb & set(terms(s.sent.text))]
        if saying and saying[0].score >= ranked[0].score - 0.3:
            ranked = saying
    best = ranked[0]
    # the sentence before often says what this one is about ("At borders, new arrivals … . UNHCR
    # provided humanitarian assistance, including …"): it counts, at half weight
    cov = 0.5 * (best.coverage + max(best.coverage, best.ctx_coverage))
    conf = max(0.0, min(1.0, 0.1 + 0.9 * cov))
    text = best.sent.text
    ev = [Evidence(best.passage_id, [(best.sent.start, best.sent.end)], best.score)]
    if causal and not _CAUSAL.search(best.sent.text) and (prev := _previous_sentence(ctx, best)) is not None and \
            prev[0] == best.passage_id and _OPENS_WITH_REASON.search(prev[1].text):
        # "As only 33% of the needs were funded, UNHCR prioritised four areas. Education … were reduced.":
        # the reason opens the sentence before
        pid, sent = prev
        text = f"{sent.text} {text}"
        ev.insert(0, Evidence(pid, [(sent.start, sent.end)], best.score))
    elif causal and _restates(ctx, best.sent.text) and not _CAUSAL.search(best.sent.text):
        nxt = _next_sentence(ctx, best)
        if nxt is not None:  # "Freedom of movement, however, deteriorated." says what, the next one why
            text = f"{text} {nxt.text}"
            ev[0].spans.append((nxt.start, nxt.end))
    elif causal and not _CAUSAL.search(best.sent.text) and (nxt := _next_sentence(ctx, best)) is not None and \
            _GIVES_REASON.search(nxt.text) and set(terms(nxt.text)) & set(ctx.focus):
        # "Survivors can report to the police, the prosecutor or the care centres. They mostly go to the
        # centres, where they get support without having to file a complaint.": the reason follows
        both = f"{text} {nxt.text}"
        text = both if len(" ".join(both.split())) <= max_chars - 2 else nxt.text
        ev[0].spans.append((nxt.start, nxt.end))
    elif causal and _ANAPHORA.search(best.sent.text):
        prev = _previous_sentence(ctx, best)
        if prev is not None:  # "With these capacities, …": the means are in the sentence before
            pid, sent = prev
            text = f"{sent.text} {text}"
            ev.insert(0, Evidence(pid, [(sent.start, sent.end)], best.score))
    return Draft(_focused_clip(ctx, text, max_chars - 2, causal), kind, conf, ev)


_DETERMINER = frozenset("the a an its their this these those his her our".split())
_AUX_TERMS = frozenset(terms("do did does doing have has had be been get got make made take took give gave"))


def _what_verb(question: str) -> str:
    """The verb of "what did <subject> <verb> …" ("what did households mostly spend the cash on" →
    spend), "" for other questions."""
    m = re.match(r"\s*(?:on |for |with )?(?:what|which \w+) (?:did|do|does|will|would|can|could) (.+)$", question,
                 re.IGNORECASE)
    if not m:
        return ""
    words = re.findall(r"[\w'’-]+", m.group(1))
    i = 0
    while i < len(words) and words[i].lower() in _DETERMINER:
        i += 1
    determined = i > 0
    if i < len(words) and words[i][:1].isupper():
        while i < len(words) and (words[i][:1].isupper() or (
                words[i] in ("of", "for", "and", "de") and i + 1 < len(words) and words[i + 1][:1].isupper())):
            i += 1  # a capitalised name ("the Government of X"), or adjective ("the national government")
        if determined and i + 1 < len(words) and words[i][:1].islower() and \
                words[i + 1].lower() not in ("to", "for", "on", "in", "with", "at", "by", "of"):
            i += 1  # … and its head noun
    else:
        i += 1  # the subject's head word
    while i < len(words) and re.fullmatch(r"\w+ly|also|still|actually", words[i].lower()):
        i += 1
    return words[i] if i < len(words) else ""


def _restates(ctx: Ctx, sentence: str) -> bool:
    """A short sentence that only says what the question already says ("Freedom of movement, however,
    deteriorated." for "why did freedom of movement get worse"): at most two words of its own."""
    said = set(terms(sentence)) - _DISCOURSE
    return bool(said) and len(sentence.split()) <= 20 and len(said - set(terms(ctx.question))) <= 2


# Words that link a sentence to the text around it, not what it says
_DISCOURSE = frozenset(terms("finally however also moreover furthermore additionally meanwhile nevertheless in addition "
                             "likewise similarly still yet"))


def _next_sentence(ctx: Ctx, ss: ScoredSent):
    sents = ctx.kb.sentences(ss.passage_id)
    for cur, nxt in zip(sents, sents[1:], strict=False):
        if cur == ss.sent:
            return nxt
    return None


def _previous_sentence(ctx: Ctx, ss: ScoredSent):
    """The sentence before ``ss`` — in its passage, or the last one of the passage before it in the
    same section (paragraphs are passages)."""
    sents = ctx.kb.sentences(ss.passage_id)
    for prev, cur in zip(sents, sents[1:], strict=False):
        if cur == ss.sent:
            return ss.passage_id, prev
    if sents and sents[0] == ss.sent:
        key = "previous_passage"
        if key not in ctx.kb.memo:
            ctx.kb.memo[key] = {b.id: a for d in ctx.kb.documents.values()
                                for a, b in zip(d.passages, d.passages[1:], strict=False) if a.section == b.section}
        before = ctx.kb.memo[key].get(ss.passage_id)
        if before is not None and before.kind != "table_row":
            prev_sents = ctx.kb.sentences(before.id)
            if prev_sents:
                return before.id, prev_sents[-1]
    return None


_ASKS_DIRECTION = re.compile(
    r"\b(?:go|goes|went|gone) up or down\b|\b(?:up or down|higher or lower|more or fewer|more or less)\b|"
    r"\b(?:increas|ris|rose|gr[eo]w)\w* or (?:decreas|fall|fell|declin|drop|shr[iu]nk)\w*\b|"
    r"\b(?:decreas|fall|fell|declin|drop)\w* or (?:increas|ris|rose|gr[eo]w)\w*\b|\bimprov\w* or (?:worsen|deteriorat)\w*\b",
    re.IGNORECASE,
)
_ASKS_LEVEL_TOO = re.compile(r"\b(?:to|at|from) what (?:level|value|rate|share|figure)\b|\bby how much\b|\bhow much\b|"
                             r"\b(?:both|the two) (?:values|figures|numbers|counts|percentages|rates|shares)\b|"
                             r"\bwhat (?:level|value|figure)\b|"
                             # "compared with its baseline, did X rise or fall": the row's two values say it
                             r"\bbaseline\b|\bgive both\b", re.IGNORECASE)
_CHANGE_WORD = re.compile(
    r"\b(?:(?:had|has|have) )?(?:increased|rose|risen|grew|grown|went up|doubled|tripled|improved|"
    r"decreased|fell|fallen|declined|dropped|went down|shrank|shrunk|halved|worsened|deteriorated)\b",
    re.IGNORECASE,
)


def answer_direction(ctx: Ctx) -> Draft | None:
    """"Did the number of pending claims go up or down?": the change word of the sentence that
    best says what the question is about, with the rest of its clause ("had fallen for the first
    time since 2019")."""
    if not _ASKS_DIRECTION.search(ctx.question) or _ASKS_LEVEL_TOO.search(ctx.question):
        return None  # "… go up or down, and to what level?": the row's values answer both
    found = first_match(ctx, _CHANGE_WORD, 0.4)
    if found is None:
        return None
    ss, m = found
    text = ctx.kb.passages[ss.passage_id].text
    end = re.search(r"[,;.]|\s(?:and|but|while)\s", text[m.end() : ss.sent.end])
    clause_end = m.end() + end.start() if end else ss.sent.end
    return phrase_draft(ss, m.start(), clause_end, " ".join(text[m.start() : clause_end].split()[:10]))


# "UNHCR handed out 9,500 of what?", "a figure of 1,823 appears … - what does it count?", "what stage does
# the figure 4,775 correspond to?": the question gives the figure and asks what it stands for
_ASKS_WHAT_FIGURE = re.compile(
    r"\b(?:of|for|on) what\b|\b(?:in|to|from|with|by) what\s*\??\s*$|"
    # "… quotes a figure of 99.7%. What is it a measure of?"
    r"\bwhat (?:is|was) (?:it|this|that)(?: figure| number| share| rate| percentage)? (?:a )?(?:measure|count|share|"
    r"percentage|rate|proportion) of\b|"
    # "who are the 'more than 13,000 individuals' mentioned …"
    r"^\s*who (?:are|were|is|was) (?:the |these |those )?['\"‘“]?(?:more than |over |some |about |nearly |almost )?\d|\bwhat (?:does|do|did) (?:it|they|(?:this|that|the) (?:figure|number|count)\b[^?]*?|this|that) "
    r"(?:count|measure|refer to|correspond to|represent|describe|stand for)\b|"
    r"\bwhat\b[^?]*\b(?:does|do) (?:the )?(?:[\w-]+ )?(?:figure|number|total|tally|count|sum)\b[^?]*\b(?:correspond|refer|count|"
    r"represent|mean|stand)\w*\b|"
    # "… a figure of 52,000 people. What did those people manage to do?": the figure's sentence says
    r"[.;:]\s+what (?:did|could|were|was|do) (?:those|these|they|the \w+)\b[^?]*\b(?:do|able|manage\w*|achieve\w*)\b|"
    # "… cite a figure of 188. What is being counted?", "A group of 129 people appears … What exercise
    # were they part of?"
    r"[.;:]\s+what (?:is|are|was|were) (?:being )?(?:counted|measured|tallied|referred to)\b|"
    r"[.;:]\s+what (?:[\w-]+ )?(?:is|are|was|were) (?:they|those|these|it|this|that) (?:a )?(?:part of|involved in|taking part in|"
    r"counted in|for)\b|"
    # "what did 464 participants receive?", "which way of handling cases produced 4,020 decisions?"
    r"^\s*what (?:did|do|does|were|was) (?:the )?\d[\d,.]*\s|"
    r"^\s*(?:which|what) (?:[\w-]+ )?(?:way|kind|type|form|method|mechanism|modality|procedure|channel|stage|activit(?:y|ie)|"
    r"initiative|intervention|event|campaign|service|effort|action)s?\b[^?]*\s\d[\d,.]*\s",
    re.IGNORECASE,
)


def answer_what_figure(ctx: Ctx) -> Draft | None:
    """The sentence that writes the figure the question gives, when the question asks what it counts."""
    from .text import numbers  # the figures of the question and of the report, read alike

    if not _ASKS_WHAT_FIGURE.search(ctx.question):
        return None
    given = [n for n in numbers(ctx.question) if not n.is_year and not n.spelled and n.value >= 10]
    if len(given) != 1:
        return None
    value = given[0].value
    found: list[tuple[float, str, int, int]] = []
    for doc in ctx.documents:
        for p in doc.passages:
            if given[0].text.split()[0].lstrip("USD$ ") not in p.text and str(int(value)) not in p.text:
                continue
            for s in sentences(p.text):
                raw = p.text[s.start : s.end]
                if any(abs(n.value - value) < 1e-6 for n in numbers(raw) if not n.is_year):
                    score = len(set(terms(raw)) & set(ctx.focus))
                    found.append((score, p.id, s.start, s.end))
    if not found:
        return None
    found.sort(key=lambda x: -x[0])
    if len(found) > 1 and found[1][0] == found[0][0]:
        return None  # the figure is written twice with as much of the question around it
    _, pid, a, b = found[0]
    raw = " ".join(ctx.kb.passages[pid].text[a:b].split())
    text = _clip(raw, 300)
    at = next((m.start() for m in re.finditer(r"\d[\d,.]*", raw)
               if any(abs(n.value - value) < 1e-6 for n in numbers(m.group()))), -1)
    if len(raw) > 300 and at > 200:
        # a long sentence: what the figure counts is written around it, not at the sentence's start
        start = raw.rfind(" ", 0, max(0, at - 120)) + 1
        window = raw[start : start + 290].rsplit(" ", 1)[0] if start + 290 < len(raw) else raw[start:]
        text = "… " + window + (" …" if start + len(window) < len(raw) else "")
    return Draft(text, "number", 0.8, [Evidence(pid, [(a, b)], 1.0)])
