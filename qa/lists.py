"""List answers ("which countries …", "which donors …", "what were the nationalities …").

A list is rarely stated once: the graph may hold one relation of the family, a sentence names three
places, another sentence about the same thing repeats two of them and adds a third. The answer is
gathered from

* the graph's relations of the asked family (``answer_relation_graph``);
* names of the asked kind in the best sentences — written right after the asked noun ("donors, in
  particular A, B and C"), else every fitting name of the sentence — united over the sentences that
  score close to the best one *and* share a name with what is already gathered (the same list,
  repeated and completed, not another list);
* nationalities ("Syrians, followed by Afghans") when the question asks for them;
* and, when no names fit, the best sentence (lists of activities are not names).
"""

from __future__ import annotations

import re

from .context import Ctx, Draft, Evidence, ScoredSent
from .enumerations import Enumeration, best_enumeration, enumerations, format_items
from .figure_words import FIGURE_FOR_NAME, NAME_THEN_FIGURE
from .lookup import _places
from .names import (
    Name,
    asked_type,
    country_of_demonym,
    demonym_stem,
    demonyms_in,
    fits,
    in_question,
    join,
    names_in,
)
from .places import doubt_country_for_city
from .prose import answer_sentence
from .relations import _dedupe, _display, _listed_after_noun, answer_names_from_text, answer_relation_graph
from .text import Number, asked_count, numbers, ruled_out, terms

_MAX_ITEMS = 10
_MARGIN = 0.15  # a second sentence joins the list when it scores within this of the best one


def answer_list(ctx: Ctx) -> Draft | None:
    return doubt_country_for_city(ctx, _answer_list(ctx))


def _answer_list(ctx: Ctx) -> Draft | None:
    kind, words = asked_type(ctx.question)
    graph = None
    if ctx.intent.predicates and ctx.kb.relations:
        graph = answer_relation_graph(ctx)
        if graph is not None:
            graph.kind = "list"
    text = _gather(ctx, kind, words) if kind != "any" or words else None
    if text is None and kind in ("org", "place", "actor", "event"):
        text = answer_names_from_text(ctx, "list")
    if graph is not None and text is not None:
        return _union(graph, text)
    best = graph or text
    if best is not None and ("," in best.text or " and " in best.text or kind == "nationality"):
        return best
    sentence = answer_sentence(ctx, "list")
    if best is not None and (sentence is None or best.confidence >= sentence.confidence - 0.1):
        return best
    return items_of(ctx, sentence) if sentence is not None else None


def answer_enumeration(ctx: Ctx) -> Draft | None:
    """The list a sentence states right after the question's own words: "disaggregated by gender,
    age, disability and ethnicity" for "by which characteristics did UNHCR break down the data",
    "rights such as health, documentation and education" for "which rights …". Items that repeat
    the question are not its answer; a count asked ("which three …") must match."""
    focus_w = {t: ctx.weight(t) for t in ctx.focus}
    total = sum(focus_w.values()) or 1.0
    count = asked_count(ctx.question)
    # "where were the two new shelters opened": a list of places, written after "in", "at", …
    where = ctx.intent.kind == "location" or bool(re.match(r"\s*where\b", ctx.question, re.IGNORECASE))
    best: tuple[float, float, ScoredSent, Enumeration] | None = None
    for ss in ctx.scored_sentences[:8]:
        if ctx.kb.passages[ss.passage_id].kind == "table_row" or ss.coverage < 0.45:
            continue
        raw = ctx.kb.passages[ss.passage_id].text[ss.sent.start : ss.sent.end]
        for e in enumerations(raw):
            if len(e.items) < 2 or (count and len(e.items) != count):
                continue
            if where and not re.search(r"\b(?:in|at|to|across|near|from|between)\s+(?:the\s+)?$", raw[max(0, e.start - 14) : e.start]):
                continue
            inside = set(terms(raw[e.start : e.end]))
            if sum(w for t, w in focus_w.items() if t in inside) / total > 0.4:
                continue  # the list repeats the question: it is what the question is about, not the answer
            lead = set(terms(" ".join(raw[max(0, e.start - 100) : e.start].split()[-8:])))
            anchor = sum(w for t, w in focus_w.items() if t in lead) / total
            if anchor <= 0.0:
                continue
            score = ss.score + 0.5 * anchor + (0.2 if count else 0.0)
            if best is None or score > best[0]:
                best = (score, anchor, ss, e)
    if best is None:
        return None
    score, anchor, ss, e = best
    spans = [(ss.sent.start, ss.sent.end)] + [(ss.sent.start + it.start, ss.sent.start + it.end) for it in e.items]
    conf = min(1.0, 0.1 + 0.6 * ss.coverage + 0.4 * anchor + (0.1 if count else 0.0))
    return Draft(format_items(e), "list", conf, [Evidence(ss.passage_id, spans, score)],
                 items=[(it.text, None) for it in e.items])


def items_of(ctx: Ctx, d: Draft) -> Draft:
    """A sentence answering a list question, cut down to the list it states ("psychological, legal
    and social support"; "a) …; b) …; c) …"), with the list highlighted; the sentence otherwise."""
    ev = d.evidence[-1]
    start, end = ev.spans[-1]
    raw = ctx.kb.passages[ev.passage_id].text[start:end]
    enum = best_enumeration(raw, ctx.question)
    if enum is None or (not enum.marked and len(d.text) < ctx.options.max_answer_chars - 10):
        return d  # a short sentence already reads as the list; only a long one is cut down to it
    spans = [(start + it.start, start + it.end) for it in enum.items]
    evidence = [*d.evidence[:-1], Evidence(ev.passage_id, [(start, end), *spans], ev.score)]
    return Draft(format_items(enum), "list", d.confidence, evidence, d.triples, d.notes,
                 [(it.text, None) for it in enum.items])


def _names(ctx: Ctx, ss: ScoredSent, kind: str, words: tuple[str, ...]) -> list[Name]:
    p = ctx.kb.passages[ss.passage_id]
    if kind == "nationality":
        return demonyms_in(ctx, ss.passage_id, ss.sent.start, ss.sent.end)
    raw = p.text[ss.sent.start : ss.sent.end]
    listed = _listed_after_noun(ctx, ss, raw, kind, words)
    if listed:
        return listed
    names = names_in(ctx, ss.passage_id, ss.sent.start, ss.sent.end)
    if kind == "place" and not words:
        return _places(ctx, p.text, names)  # with the unknown names listed among known places
    return [n for n in names if not in_question(ctx, n) and fits(ctx, n, kind, words)]


def _gather(ctx: Ctx, kind: str, words: tuple[str, ...]) -> Draft | None:
    sents = [s for s in ctx.scored_sentences[:10] if ctx.kb.passages[s.passage_id].kind != "table_row"]
    groups: list[tuple[ScoredSent, list[Name]]] = []
    for ss in sents:
        if ss.coverage < 0.25:
            continue
        names = _names(ctx, ss, kind, words)
        if names:
            groups.append((ss, names))
    if not groups:
        return None
    # "which nationalities …": a sentence naming Xians says what the question calls nationalities
    asked_noun = [t for t in terms("nationality nationalities") if t in ctx.focus] if kind == "nationality" else []
    total = sum(ctx.weight(t) for t in ctx.focus) or 1.0
    named = 0.6 * sum(ctx.weight(t) for t in asked_noun) / total

    def fit(ss: ScoredSent) -> float:
        # a list is often continued in a sentence that refers back ("Among them, …"): the sentence
        # before counts a little more than in prose scoring
        return ss.score + (named if not set(asked_noun) & ss.matched else 0.0) + 0.25 * (ss.ctx_coverage - ss.coverage)

    # the best group: sentence fit, a little for naming several (a list was asked)
    groups.sort(key=lambda g: -(fit(g[0]) + 0.03 * min(len(g[1]), 4)))
    top_ss, top = groups[0]
    items = _dedupe(top)
    keys = {_key(n) for n in items}
    used = [(top_ss, top)]
    for ss, names in groups[1:]:
        if fit(ss) < fit(top_ss) - _MARGIN:
            continue
        new_keys = {_key(n) for n in names}
        if not new_keys & keys or new_keys <= keys:
            continue  # another list, or nothing new
        items += [n for n in _dedupe(names) if _key(n) not in keys]
        keys |= new_keys
        used.append((ss, names))
    items = items[:_MAX_ITEMS]
    texts = [_display(ctx, n) for n in items]
    conf = min(1.0, 0.1 + 0.8 * top_ss.coverage + (0.05 if len(items) > 1 else 0.0))
    evidence = [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end)], ss.score) for ss, _ in used]
    return Draft(join(texts), "list", conf, evidence, items=[(t, n.iri) for t, n in zip(texts, items, strict=True)])


def _key(n: Name) -> str:
    return n.iri or n.text.lower()


def _union(graph: Draft, text: Draft) -> Draft:
    """The graph's relations plus the names the sentences add (when the sentences are about it)."""
    have = {iri for _, iri in graph.items if iri} | {name.lower() for name, _ in graph.items}
    extra = [(name, iri) for name, iri in text.items if not (iri and iri in have) and name.lower() not in have]
    if not extra or text.confidence < 0.5:
        return graph if graph.confidence >= text.confidence - 0.15 or not text.items else text
    items = (graph.items + extra)[:_MAX_ITEMS]
    return Draft(join([n for n, _ in items]), "list", max(graph.confidence, text.confidence),
                 graph.evidence + text.evidence, graph.triples, graph.notes, items)


_MOST = re.compile(r"\b(?:most|majority|largest|biggest|highest|greatest|main|top)\b", re.IGNORECASE)
_LEAST = re.compile(r"\b(?:fewest|least|smallest|lowest)\b", re.IGNORECASE)
_BEFORE = re.compile(r"(\d[\d,.]*%?)\s+(?:[a-z]+\s+){0,2}(?:to|in|from|for|at)\s+(?:the\s+)?$")
_AFTER = re.compile(r"^\s*\((\d[\d,.]*%?)\)")


_ASKS_ORIGIN = re.compile(r"^\s*from (?:which|what)\b|\b(?:come|came|comes|originat\w*|hail\w*|fled|flee\w*) from\s*\??$|"
                          r"\b(?:countr(?:y|ies)|nationalit(?:y|ies)) of origin\b|\bwhere (?:did|do|does) [^?]* come from\b",
                          re.IGNORECASE)


def answer_extreme(ctx: Ctx) -> Draft | None:
    """"Which country received most submissions?": the name paired with the largest figure in a
    sentence that lists several ("41 to Australia, 189 to Canada, and 1,302 to the United States")."""
    most, least = _MOST.search(ctx.question), _LEAST.search(ctx.question)
    if not (most or least) or re.search(r"\bhow (?:many|much)\b", ctx.question, re.IGNORECASE):
        return None
    kind, words = asked_type(ctx.question)
    # "which one was sent the fewest": the words asking for the extreme are not said in the sentence
    said = (most or least).group().lower()  # type: ignore[union-attr]
    # ("main" and "top" also describe things: "the main obstacles" must be said)
    asking = (set(terms(said)) if said not in ("main", "top") else set()) | {"one"}
    # "which country …": the name answers it, the sentence need not say "country"
    head = re.match(r"\s*(?:(?:to|in|from|for) )?(?:which|what) ([a-z]+)\b", ctx.question, re.IGNORECASE)
    asking |= set(terms(head.group(1))) if head else set()
    rest = {t: ctx.weight(t) for t in ctx.focus if t not in asking}
    total = sum(rest.values()) or 1.0
    origin = bool(_ASKS_ORIGIN.search(ctx.question))
    for ss in ctx.scored_sentences[:10]:
        p = ctx.kb.passages[ss.passage_id]
        # "Out of them, 12 departed to Australia, …": the sentence before says whom the breakdown counts
        said_rest = max(sum(w for t, w in rest.items() if t in ss.matched) / total, ss.ctx_coverage)
        if p.kind == "table_row" or max(ss.coverage, said_rest) < 0.2:
            continue
        pairs = []
        for n in names_in(ctx, ss.passage_id, ss.sent.start, ss.sent.end):
            if kind != "any" and not fits(ctx, n, kind, words) or in_question(ctx, n):
                continue  # "after the United States, which country …": a name the question gives is not the answer
            m = _BEFORE.search(p.text[max(ss.sent.start, n.start - 30) : n.start]) or _AFTER.match(p.text[n.end : n.end + 20])
            if m and origin and re.search(r"\bto\s+(?:the\s+)?$", m.group()):
                continue  # "from which country did they come": "510 to Norway" is where they went
            if m:
                found = numbers(m.group(1))
                if found:
                    pairs.append((found[0].value, n))
        if len(pairs) < 2 or (len(pairs) < 3 and max(ss.coverage, said_rest) < 0.3):
            continue  # (a sentence saying little of the question is read only when it lists three or more)
        value, name = (max if most else min)(pairs, key=lambda x: x[0])
        # three or more names each written with its figure: the sentence is the breakdown asked about
        conf = min(1.0, 0.2 + 0.8 * said_rest + (0.1 if len(pairs) >= 3 and kind != "any" else 0.0))
        return Draft(_display(ctx, name), "list" if ctx.intent.kind == "list" else "relation", conf,
                     [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end)], ss.score)], items=[(name.text, name.iri)])
    return None


_SUPERLATIVE = r"(?:highest|largest|biggest|greatest|most|lowest|smallest|fewest|least|worst|best)"
_WHERE_SUPERLATIVE = re.compile(rf"^,?\s+where\b[^.;]*?\b{_SUPERLATIVE}\b", re.IGNORECASE)


def answer_where_extreme(ctx: Ctx) -> Draft | None:
    """"Which department had the biggest share of households without an income?": the place a
    sentence names just before "where … the highest share …" ("the coastal department of Costa
    Azulina, where the census found the highest share of households without a regular income")."""
    if not re.search(rf"\b{_SUPERLATIVE}\b", ctx.question, re.IGNORECASE):
        return None
    kind, words = asked_type(ctx.question)
    if kind != "place":
        return None
    for ss in ctx.scored_sentences[:8]:
        p = ctx.kb.passages[ss.passage_id]
        if p.kind == "table_row" or ss.coverage < 0.3:
            continue
        for name in names_in(ctx, ss.passage_id, ss.sent.start, ss.sent.end):
            if in_question(ctx, name) or not fits(ctx, name, kind, words):
                continue
            if _WHERE_SUPERLATIVE.match(p.text[name.end : ss.sent.end]):
                conf = min(1.0, 0.35 + 0.6 * ss.coverage)
                return Draft(_display(ctx, name), "location", conf,
                             [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end), (name.start, name.end)], ss.score)],
                             items=[(name.text, name.iri)])
    return None


_SHARE_OF_NATIONALITY = re.compile(r"(\d+(?:\.\d+)?)\s?%\s+(?:of them\s+)?(?:were\s+|are\s+)?(?:[a-z-]+\s+){0,3}?"
                                   r"([A-Z][a-z]+(?:ians|eans|ans|ese|is))\b")


def answer_origin_other(ctx: Ctx) -> Draft | None:
    """"Apart from Syria, which country of origin is named among the people submitted?": the
    other nationalities the best sentence names ("88% were Syrians, followed by Iraqis (9%)"),
    by their country when the reports name it."""
    aside_spans = ruled_out(ctx.question)
    if not _ASKS_ORIGIN.search(ctx.question) or not aside_spans:
        return None
    aside = [ctx.question[a:b] for a, b in aside_spans]
    for ss in ctx.scored_sentences[:15]:
        p = ctx.kb.passages[ss.passage_id]
        # "Among the people submitted, 88% were Syrians, …": the sentence before says submitted for what
        coverage = max(ss.coverage, ss.ctx_coverage)
        if p.kind == "table_row" or coverage < 0.25:
            continue
        found: list[Name] = []
        set_aside_too = False  # the sentence also names the nationality set aside: it lists origins
        for n in demonyms_in(ctx, ss.passage_id, ss.sent.start, ss.sent.end):
            stem = demonym_stem(n.text).lower()
            if len(stem) < 4:
                continue
            if any(stem in a.lower() for a in aside):
                set_aside_too = True
                continue
            if n.text in ctx.question:
                continue
            if all(n.text != f.text for f in found):
                found.append(n)
        if not found:
            continue
        named = [(country_of_demonym(ctx, n.text), n) for n in found]
        text = join([f"{c} ({n.text})" if c else n.text for c, n in named])
        conf = min(1.0, (0.5 if set_aside_too else 0.3) + 0.6 * coverage)
        return Draft(text, "location", conf, [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end)]
                                                        + [(n.start, n.end) for n in found], ss.score)])
    return None


def answer_origin_majority(ctx: Ctx) -> Draft | None:
    """"From which country did most of the people submitted come?": the nationality a sentence gives
    the largest share of ("88% were Syrians, followed by Iraqis (9%)"),
    named by its country when the reports name it."""
    if not _ASKS_ORIGIN.search(ctx.question) or not re.search(r"\b(?:most|majority|mostly|main(?:ly)?|largest|biggest)\b",
                                                              ctx.question, re.IGNORECASE):
        return answer_origin_other(ctx)
    for ss in ctx.scored_sentences[:15]:
        p = ctx.kb.passages[ss.passage_id]
        if p.kind == "table_row" or ss.coverage < 0.2:
            continue  # (a majority share of a nationality is rare: the sentence need not say much else)
        shares = [(float(m.group(1)), m) for m in _SHARE_OF_NATIONALITY.finditer(p.text, ss.sent.start, ss.sent.end)]
        if not shares:
            continue
        value, m = max(shares, key=lambda x: x[0])
        if value <= 50:
            continue  # the largest share named is no majority
        demonym = m.group(2)
        country = country_of_demonym(ctx, demonym)
        text = f"{country} ({value:g}% were {demonym})" if country else demonym
        conf = min(1.0, 0.45 + 0.5 * ss.coverage)
        return Draft(text, "location", conf,
                     [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end), (m.start(2), m.end(2))], ss.score)])
    return None


def answer_paired(ctx: Ctx) -> Draft | None:
    """"Which country took in 512 of the refugees?": the name a sentence pairs with the figure the
    question gives ("… 53 to Canada and 512 to the United States", "Canada (53)")."""
    # not "which two …" (a count of the names asked); "only a dozen of the refugees" is a figure
    given = [n for n in numbers(ctx.question) if not n.is_year and (not n.spelled or "dozen" in n.text.lower())]
    if not given or re.search(r"\bhow (?:many|much)\b", ctx.question, re.IGNORECASE):
        return None
    kind, words = asked_type(ctx.question)
    # the figure's own words ("a dozen") are matched as a figure, not as a word the sentence must say
    figure_terms = {t for g in given for t in terms(g.text)}
    rest = [t for t in ctx.focus if t not in figure_terms]
    total = sum(ctx.weight(t) for t in rest) or 1.0
    for ss in ctx.scored_sentences[:10]:
        p = ctx.kb.passages[ss.passage_id]
        if p.kind == "table_row" or max(ss.coverage, ss.ctx_coverage) < 0.2:
            continue  # (the figure itself is most of the evidence: a sentence may say little else)
        raw = p.text[ss.sent.start : ss.sent.end]
        figures = [n for n in numbers(raw) if any(n.value == g.value and n.percent == g.percent for g in given)]
        if not figures:
            continue
        names = names_in(ctx, ss.passage_id, ss.sent.start, ss.sent.end)
        if len({g.value for g in given}) > 1 and {n.value for n in figures} >= {g.value for g in given} and not any(
                _paired(raw, ss.sent.start, name, figures) for name in names):
            return None  # "rose from 7 to 17 litres": the sentence with all the figures given names no one with them
        for name in names:
            if in_question(ctx, name) or (kind != "any" and not fits(ctx, name, kind, words)):
                continue
            if _paired(raw, ss.sent.start, name, figures):
                cov = sum(ctx.weight(t) for t in rest if t in ss.matched) / total if figure_terms else ss.coverage
                conf = min(1.0, 0.45 + 0.55 * max(cov, ss.ctx_coverage))
                kind_out = ctx.intent.kind if ctx.intent.kind in ("location", "list") else \
                    "location" if kind == "place" else "relation"
                return Draft(_display(ctx, name), kind_out, conf,
                             [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end), (name.start, name.end)], ss.score)],
                             items=[(name.text, name.iri)])
    return None


def _paired(raw: str, offset: int, name: Name, figures: list[Number]) -> bool:
    """Is ``name`` written with one of ``figures`` ("53 to Canada", "Canada (53)")?"""
    a, b = name.start - offset, name.end - offset
    return any((n.end <= a and FIGURE_FOR_NAME.fullmatch(raw[n.end : a])) or
               (b <= n.start and NAME_THEN_FIGURE.fullmatch(raw[b : n.start])) for n in figures)


_ASKS_KIND = re.compile(r"\b(?:which|what) (?:form|type|kind|category|sort)s? of\b", re.IGNORECASE)
_COMMONEST = re.compile(r"\b(?:most (?:common|frequent|frequently \w+|often \w+|reported|cited|prevalent)|commonest|"
                        r"(?:highest|largest|biggest) share)\b", re.IGNORECASE)
_RAREST = re.compile(r"\b(?:rarest|least (?:common|frequent|frequently \w+|often \w+|reported|cited|prevalent)|"
                     r"(?:lowest|smallest) share)\b", re.IGNORECASE)
# "… was psychological, with 42.7%, followed by physical violence (38.3%), sexual (18.5%) and economic (0.4%)"
_LABELLED_SHARE = re.compile(r"([A-Za-z][\w-]*(?: [a-z][\w-]*)?)\s*(?:,\s*with\s+|\(\s*|:\s*)(\d+(?:\.\d+)?)\s?%")
_NOT_LABEL = frozenset("and or by was were is are with the a an of to followed than about on for in from as".split())


def answer_kind_share(ctx: Ctx) -> Draft | None:
    """"Which form of violence was the rarest?", "which type was most common, and its share?": the
    label a sentence lists with the largest or smallest share ("psychological, with 42.7%, followed
    by physical (38.3%), sexual (18.5%) and economic (0.4%)")."""
    q = ctx.question
    high, low = _COMMONEST.search(q), _RAREST.search(q)
    if not _ASKS_KIND.search(q) or bool(high) == bool(low):
        return None
    for ss in ctx.scored_sentences[:10]:
        # (the list is what matters: its sentence may say little else, "CEMs" in the one before)
        if max(ss.coverage, ss.ctx_coverage) < 0.15 or ctx.kb.passages[ss.passage_id].kind == "table_row":
            continue
        raw = ctx.kb.passages[ss.passage_id].text[ss.sent.start : ss.sent.end]
        pairs = []
        for m in _LABELLED_SHARE.finditer(raw):
            words = [w for w in m.group(1).split() if w.lower() not in _NOT_LABEL]
            if words:
                pairs.append((" ".join(words), float(m.group(2)), m))
        if len(pairs) < 3:
            continue
        label, value, m = (max if high else min)(pairs, key=lambda x: x[1])
        if sum(1 for p in pairs if p[1] == value) > 1:
            return None  # a tie names no single kind
        a, b = ss.sent.start + m.start(), ss.sent.start + m.end()
        return Draft(f"{label} ({m.group(2)}%)", "number", 0.7,
                     [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end), (a, b)], ss.score)])
    return None
