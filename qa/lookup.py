"""Acronyms, locations and lists: the alias table and the graph first, then the best sentences.

* acronyms: definitions written in the text ("Long Form (ACR)"), else the entity's acronym;
  a question naming the long form gets the acronym;
* locations: ``locatedIn``/``operatesIn`` relations, else place names in the best sentence —
  in the clause that matches the question, nearest after the thing asked about;
* lists: see ``qa.lists``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.acronyms import acronym_base, is_acronym

from .context import Ctx, Draft, Evidence, first_match, phrase_draft
from .kb import AcronymDef
from .names import fits, in_question, join, names_in
from .relations import answer_relation_graph
from .text import find_phrase, negated_terms, terms

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9&+'’-]*")


def _trim_long(long_form: str, acronym: str, start: int) -> tuple[str, int]:
    """A long form read with words of the sentence before the name ("According to the Ministry of
    Education" for MoE): when the capitalised words' initials do not spell the acronym's capitals
    but a shorter tail's do, keep that tail ("Working Group for Rural Housing (GTVR)" spells
    no tail either: kept whole). Returns the long form (whitespace collapsed) and its start offset."""
    words = list(re.finditer(r"\S+", long_form))
    caps = "".join(c for c in acronym if c.isupper())

    def initials(ws: list[re.Match[str]]) -> str:
        return "".join(w.group()[0] for w in ws if w.group()[:1].isupper())

    whole = " ".join(long_form.split())
    if not caps or initials(words) == caps:
        return whole, start
    for i in range(1, len(words) - 1):
        if words[i].group()[:1].isupper() and initials(words[i:]) == caps:
            return " ".join(w.group() for w in words[i:]), start + words[i].start()
    return whole, start


def answer_acronym(ctx: Ctx) -> Draft | None:
    kb = ctx.kb
    acr_defs = kb.acronyms
    # "what does VSLA stand for" when the report defines "… associations (VSLAs)": the singular asked
    lower_map = {(acronym_base(a) or a).lower(): a for a in acr_defs} | {a.lower(): a for a in acr_defs}
    # "X pledged at the GRF to join the NHIS. What is the NHIS?": the sentence asking comes first
    asking = re.split(r"(?<=[.!?:;])\s+(?=[A-Za-z])", ctx.question.strip())
    ordered = [t for part in reversed(asking) for t in _TOKEN.findall(part)] if len(asking) > 1 else \
        _TOKEN.findall(ctx.question)
    asked = re.search(r"\b(?:does|do|did|is) (?:the )?([\w+&-]+) (?:stand for|mean|short for|in full|spelled out|written out)\b",
                      ctx.question)
    if asked and asked.group(1) in ordered:
        # "in the window that pays for the NHRCP, what does IDA stand for": the acronym the verb asks about
        ordered = [asked.group(1)] + [t for t in ordered if t != asked.group(1)]
    pair = _PAIR_ASKED.search(ctx.question)
    if pair and _PLURAL_ASKED.search(ctx.question):
        # "what do the letters HSA and MWS stand for?", "… the ROCF and the MWS. Write out both.": each one
        found = [_written_definition(ctx, lower_map, tok) for tok in pair.group(1, 2)]
        if all(found):
            return Draft("; ".join(f[0] for f in found if f), "acronym", 0.9, [f[1] for f in found if f])
    for tok in ordered:
        found_one = _written_definition(ctx, lower_map, tok)
        if found_one:
            return Draft(found_one[0], "acronym", 0.9, [found_one[1]])
    described = _described_acronym(ctx)
    if described is not None:
        return described
    # From the graph: an entity with an acronym, named in the question by either form.
    for lk in sorted(ctx.links, key=lambda x: -(x.end - x.start)):
        e = kb.entity(lk.iri)
        if e is None or not e.acronym or e.acronym == e.label:
            continue
        asked_long = lk.surface.strip().lower() != e.acronym.lower()
        text = f"{e.acronym} ({e.label})" if asked_long else f"{e.label} ({e.acronym})"
        pid = e.definition_passage
        ev = []
        if pid and pid in kb.passages:
            ptext = kb.passages[pid].text
            spans = [s for s in (find_phrase(ptext, e.label), find_phrase(ptext, e.acronym)) if s]
            ev = [Evidence(pid, spans, 1.0)] if len(spans) == 2 else []
        if ev:
            return Draft(text, "acronym", 0.85, ev)
    # The long form written in the question: find its definition in the text.
    for defs in acr_defs.values():
        for d in defs:
            long, lstart = _trim_long(d.long_form, d.acronym, d.long_span[0])
            if find_phrase(ctx.question, long):
                span = (min(lstart, d.acr_span[0]), max(d.long_span[1], d.acr_span[1]))
                return Draft(f"{d.acronym} ({long})", "acronym", 0.85, [Evidence(d.passage_id, [span], 1.0)])
    return _acronym_after_name(ctx) or _acronym_spelled_nearby(ctx)


# two acronyms joined by "and", maybe each with an apposition ("HSA, whose …, and ROCF, on whose …")
_PAIR_ASKED = re.compile(r"\b([A-Z][A-Za-z0-9&+]*[A-Z][A-Za-z0-9&+]*)(?:\s*,[^,?]{1,80},)?\s+and\s+(?:the\s+)?"
                         r"([A-Z][A-Za-z0-9&+]*[A-Z][A-Za-z0-9&+]*)\b")
_PLURAL_ASKED = re.compile(r"\b(?:both|each|them|do (?:the |those |these )?(?:initials|letters|acronyms|abbreviations) |"
                           r"(?:full|long) (?:names|forms)|do [A-Z][\w+&-]* and [A-Z][\w+&-]* (?:stand|mean)|"
                           # "what are UNCT and MTIGM in full?"
                           r"(?:are|were) [A-Z][\w+&-]* and [A-Z][\w+&-]* (?:in full|short for|spelled out|written out))",
                           re.IGNORECASE)


def _written_definition(ctx: Ctx, lower_map: dict[str, str], tok: str) -> tuple[str, Evidence] | None:
    """The long form the report writes for the token ``tok`` ("Long Form (ACR)"), with its span."""
    kb = ctx.kb
    base = acronym_base(tok) or tok.rstrip("'’s")
    key = base if base in kb.acronyms else lower_map.get(base.lower())
    if not key or (not is_acronym(tok) and not is_acronym(base) and len(base) < 3):
        return None
    if tok.lower() in {"what", "does", "the", "stand", "for", "who", "is", "are"}:
        return None
    defs = [d for d in kb.acronyms[key] if not ctx.report or kb.passages[d.passage_id].report == ctx.report]
    if not defs:
        return None
    d = defs[0]
    long, lstart = _trim_long(d.long_form, d.acronym, d.long_span[0])
    span = (min(lstart, d.acr_span[0]), max(d.long_span[1], d.acr_span[1]))
    return f"{long} ({d.acronym})", Evidence(d.passage_id, [span], 1.0)


_SMALL_WORDS = frozenset("of the and for on in to with a an by at de del la los las".split())


def spelled_out_span(acronym: str, text: str) -> tuple[int, int] | None:
    """Where ``text`` writes consecutive words whose initials spell ``acronym`` ("the prevention of sexual
    exploitation and abuse" for PSEA; small words like "of" and "and" are not initials)."""
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[A-Za-z][\w-]*", text)
             if m.group().lower() not in _SMALL_WORDS]
    letters = acronym.upper()
    for i in range(len(words) - len(letters) + 1):
        window = words[i : i + len(letters)]
        if "".join(w[0].upper() for _, _, w in window) == letters and not any(w.isupper() for _, _, w in window):
            return window[0][0], window[-1][1]
    return None


def _acronym_spelled_nearby(ctx: Ctx) -> Draft | None:
    """"The Inter-Agency PSEA Network … trained focal points on the prevention of sexual exploitation and
    abuse": an acronym the report never defines in brackets, spelled out in the passage that uses it."""
    for tok in _TOKEN.findall(ctx.question):
        if not is_acronym(tok) or len(tok) < 3 or tok.lower() in {"what", "does", "the", "stand", "for"}:
            continue
        # the passages the search found: an acronym is a rare, exact token, so BM25 ranks its passages high
        for p in (ctx.kb.passages[h.passage_id] for h in ctx.hits):
            if ctx.report and p.report != ctx.report or not re.search(rf"\b{re.escape(tok)}\b", p.text):
                continue
            span = spelled_out_span(tok, p.text)
            if span is None:
                continue
            at = re.search(rf"\b{re.escape(tok)}\b", p.text)
            long = " ".join(p.text[span[0] : span[1]].split())
            return Draft(f"{long} ({tok})", "acronym", 0.7, [Evidence(p.id, [span, (at.start(), at.end())], 1.0)])
    return None


# "what initials does the report give them", "by what short name are the centres known": the
# acronym of something the question describes rather than names
_ASKS_SHORT_FORM = re.compile(r"\b(?:initials|short (?:name|form)|shorthand|acronym (?:(?:is|was|are) )?(?:used |given )?(?:for|of|to)|"
                              r"(?:what|which) (?:acronym|abbreviation)s? (?:is|was|are|does|do)\b(?! \w+ stand)|"
                              r"abbreviat\w*|"
                              # "the council … goes by what acronym?", "known under which acronym"
                              r"(?:by|under|with) (?:what|which) (?:acronym|initials)|(?:what|which) acronym(?=\s*\??\s*$))\b",
                              re.IGNORECASE)


def _described_acronym(ctx: Ctx) -> Draft | None:
    """The acronym defined in the best sentences whose long form shares most words with the
    question; a body the question names counts one word less (it may only place the thing
    asked: "the women's ministry has special units …")."""
    if not _ASKS_SHORT_FORM.search(ctx.question):
        return None
    # an acronym the question writes ("UNHCR co-led a group of …") is not the one asked for; but one
    # that is not a well-known body ("the council abbreviated ABC") is what the question asks about
    written = {acronym_base(t) or t for t in _TOKEN.findall(ctx.question) if is_acronym(t)}
    known = {lk.surface.strip() for lk in ctx.links if ctx.kb.ubiquitous(lk.iri) or _international(ctx, lk.iri)}
    if written - known - {"UN", "EU"}:  # "the UN office for …" describes, it does not name
        return None
    named = {ctx.kb.entity(lk.iri).acronym for lk in ctx.links if ctx.kb.entity(lk.iri) is not None}
    focus = set(ctx.focus)
    best: tuple[int, float, AcronymDef] | None = None
    for ss in ctx.scored_sentences[:5]:
        if ss.coverage < 0.35:
            continue
        for defs in ctx.kb.acronyms.values():
            for d in defs:
                if d.passage_id != ss.passage_id or not ss.sent.start <= d.acr_span[0] < ss.sent.end:
                    continue
                if d.acronym in written:
                    continue
                shared = len(set(terms(d.long_form)) & focus) - (d.acronym in named)
                if shared and (best is None or (shared, ss.score) > best[:2]):
                    best = (shared, ss.score, d)
    anywhere = _described_anywhere(ctx, focus, written)
    d = best[2] if best is not None else anywhere
    if anywhere is not None and best is not None and \
            len(set(terms(anywhere.long_form)) & focus) > len(set(terms(best[2].long_form)) & focus):
        d = anywhere  # "the foreign ministry": a long form saying more of the question, defined elsewhere
    known_body = _described_known_body(ctx, focus, written)
    if d is None or known_body is not None and known_body[0] > len(set(terms(d.long_form)) & focus):
        return known_body[1] if known_body else None  # a body named by its acronym only says more of the question
    long, lstart = _trim_long(d.long_form, d.acronym, d.long_span[0])
    span = (min(lstart, d.acr_span[0]), max(d.long_span[1], d.acr_span[1]))
    return Draft(f"{d.acronym} ({long})", "acronym", 0.8, [Evidence(d.passage_id, [span], 1.0)])


def _described_known_body(ctx: Ctx, focus: set[str], written: set[str]) -> tuple[int, Draft] | None:
    """"the UN office coordinating humanitarian affairs": a body the best sentences write by its acronym
    ("led by OCHA") whose full name the question describes; or "the commission that decided 722 claims":
    the body of the kind asked that the sentence saying what the question says names."""
    kind = _DESCRIBED_KIND.search(ctx.question)
    kind_terms = set(terms(kind.group(1))) if kind else set()
    best: tuple[int, float, str, str, int, int, str] | None = None
    for ss in ctx.scored_sentences[:5]:
        if ss.coverage < 0.25:
            continue
        for n in names_in(ctx, ss.passage_id, ss.sent.start, ss.sent.end):
            e = ctx.kb.entity(n.iri) if n.iri else None
            if e is None or not e.acronym or e.acronym == e.label or e.acronym in written:
                continue
            label_terms = set(terms(e.label))
            shared = len(label_terms & focus)
            described = shared >= 2 and 2 * shared >= len(label_terms)
            # the kind asked is the body's own head noun, and the sentence says most of the question
            of_kind = bool(kind_terms) and kind_terms <= label_terms and ss.coverage >= 0.45
            if (described or of_kind) and (best is None or (shared, ss.score) > best[:2]):
                best = (shared, ss.score, e.acronym, n.iri or "", n.start, n.end, ss.passage_id)
    if best is None:
        return None
    shared, _, acronym, iri, start, end, pid = best
    e = ctx.kb.entity(iri)
    evidence = [Evidence(pid, [(start, end)], 1.0)]
    if e is not None and e.definition_passage in ctx.kb.passages:
        text = ctx.kb.passages[e.definition_passage].text
        spans = [sp for sp in (find_phrase(text, e.label), find_phrase(text, e.acronym)) if sp]
        if len(spans) == 2:  # where the report writes the name out
            return shared, Draft(f"{acronym} ({e.label})", "acronym", 0.75,
                                 [*evidence, Evidence(e.definition_passage, spans, 1.0)])
    # the full name is the gazetteer's, not the report's: the answer is what the report writes
    return shared, Draft(acronym, "acronym", 0.75, evidence,
                         notes=[f"{acronym} is {e.label} (not written out in the report)"] if e is not None else [])


_DESCRIBED_KIND = re.compile(r"\b(?:for|of) (?:the|a|an|its|their) (?:[\w'’-]+ ){0,3}?([a-z]+)\s+(?:that|which|who|whose|"
                             r"in charge|responsible)\b", re.IGNORECASE)


def _international(ctx: Ctx, iri: str) -> bool:
    ref = ctx.kb.entities.get(iri)
    return bool(ref and ref.entity.international)


def _described_anywhere(ctx: Ctx, focus: set[str], written: set[str]) -> AcronymDef | None:
    """"the bank and insurance supervisor": the one long form of the report that most of whose words
    the question says (at least two, and half of the long form), when the best sentences define none."""
    scored: list[tuple[int, float, AcronymDef]] = []
    for defs in ctx.kb.acronyms.values():
        for d in defs:
            if d.acronym in written or (ctx.report and ctx.kb.passages[d.passage_id].report != ctx.report):
                continue
            long_terms = set(terms(d.long_form))
            shared = len(long_terms & focus)
            if shared >= 2 and shared / len(long_terms) >= 0.5:
                scored.append((shared, shared / len(long_terms), d))
    scored.sort(key=lambda x: x[:2], reverse=True)
    if not scored or (len(scored) > 1 and scored[1][:2] == scored[0][:2] and scored[1][2].acronym != scored[0][2].acronym):
        return None
    return scored[0][2]


_PAREN_ACR = r"\(\s*{acr}\s*\)"
_LONG_BEFORE = re.compile(r"((?:[A-Z][\w'’-]*|of|for|and|on|the|de|del|la|y|in|to)(?:\s+(?:[A-Z][\w'’-]*|of|for|and|on|the|de|del|la|y|in|to))*)\s*$")


def _acronym_after_name(ctx: Ctx) -> Draft | None:
    """"the National Water Resources Management System (SINARH)": an acronym in brackets right after a
    capitalised name, even when its letters do not follow the name (a name translated from another
    language keeps its own acronym)."""
    for tok in _TOKEN.findall(ctx.question):
        if not is_acronym(tok) or tok.lower() in {"what", "does", "the", "stand", "for"}:
            continue
        pattern = re.compile(_PAREN_ACR.format(acr=re.escape(tok)))
        for pid, p in ctx.kb.passages.items():
            if (ctx.report and p.report != ctx.report) or tok not in p.text:
                continue
            m = pattern.search(p.text)
            if not m:
                continue
            before = re.sub(r"\s+", " ", p.text[max(0, m.start() - 120) : m.start()])
            lm = _LONG_BEFORE.search(before)
            words = lm.group(1).split() if lm else []
            while words and not words[0][:1].isupper():
                words = words[1:]  # a name starts with a capital
            while words and words[0] in ("The", "A", "An", "In", "With", "By", "And"):
                words = words[1:]
            if sum(w[:1].isupper() for w in words) < 2:
                # "the civil registration system (SIRCA)": a common-noun name after an article
                dm = re.search(r"\b(?:the|its|their|a|an)\s+((?:[a-z][\w'’-]*\s+){1,5}[a-z][\w'’-]*)\s*$", before)
                if dm is None:
                    continue
                words = dm.group(1).split()
            conf = 0.8 if words[0][:1].isupper() else 0.7  # a common-noun phrase is a looser reading
            long_form = " ".join(words)
            start = find_phrase(p.text, long_form, max(0, m.start() - 200), m.start())
            if start is None:
                continue
            return Draft(f"{long_form} ({tok})", "acronym", conf, [Evidence(pid, [(start[0], m.end())], 1.0)])
    return None


def answer_location(ctx: Ctx) -> Draft | None:
    graph = None
    if ctx.kb.relations and not any(re.search(r"\bby\s+(?:the\s+)?$", ctx.question[: lk.start]) for lk in ctx.links):
        graph = answer_relation_graph(ctx)  # "supported by UNHCR": UNHCR is not the thing located
        if graph is not None and graph.items and not any(iri and "/place/" in iri for _, iri in graph.items):
            graph = None  # the other side of the relation is a body, not a place ("where …" answered "UNHCR")
        if graph is not None:
            graph.kind = "location"
    text = _location_from_text(ctx)
    if graph is None or (text is not None and text.confidence > graph.confidence):
        return text
    return graph


def _location_from_text(ctx: Ctx) -> Draft | None:
    best = None
    for ss in ctx.scored_sentences[:6]:
        if ss.coverage < 0.3:
            continue
        text = ctx.kb.passages[ss.passage_id].text
        names = _places(ctx, text, names_in(ctx, ss.passage_id, ss.sent.start, ss.sent.end))
        if not names:
            continue
        text = ctx.kb.passages[ss.passage_id].text
        names = _best_clause(ctx, text, ss.sent.start, ss.sent.end, names)
        if len(names) > 1:
            names = _after_focus(ctx, text, ss, names)
        # the sentence that names everything the question names is about the same thing
        score = ss.score + 0.15 * _links_named(ctx, text[ss.sent.start : ss.sent.end])
        if best is None or score > best[0]:
            best = (score, ss, names)
    if best is None:
        return None
    _, ss, names = best
    conf = min(1.0, 0.1 + 0.8 * ss.coverage)
    return Draft(join([n.text for n in names]), "location", conf,
                 [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end)], ss.score)])


def _links_named(ctx: Ctx, raw: str) -> float:
    """Share of the question's linked entities (by any of their names) that a sentence names."""
    links = [lk for lk in ctx.links if lk.score >= 0.9 and not ctx.kb.ubiquitous(lk.iri)]
    if not links:
        return 0.0
    return sum(any(find_phrase(raw, f) for f in ctx.kb.surfaces(lk.iri) or [lk.surface]) for lk in links) / len(links)


def _places(ctx: Ctx, text: str, names: list) -> list:
    """Place names of a sentence: known places, and names listed together with one
    ("in Port Arden, Santa Rufina and Morvelo"), and the place inside a name the question itself
    names ("the Field Office of <City>" → <City>)."""
    names = [x for n in names for x in _with_inner_place(ctx, n)]
    flags = [fits(ctx, n, "place", ()) for n in names]
    for _ in range(2):  # a list may start with the unknown name
        for i in range(len(names)):
            if flags[i] or in_question(ctx, names[i]) or names[i].iri or names[i].text[:1].isdigit():
                continue  # "in Porto Dourado, 14 States adopted …": a count of things, not a listed place
            for j in (i - 1, i + 1):
                if 0 <= j < len(names) and flags[j]:
                    a, b = sorted((i, j))
                    if re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[names[a].end : names[b].start]):
                        flags[i] = True
    return [n for n, f in zip(names, flags, strict=True) if f and not in_question(ctx, n)]


_INNER_PLACE = re.compile(r"\b(?:of|in|at)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+(?:de\s+|del\s+)?[A-Z][\w'’-]*)*)$")


def _with_inner_place(ctx: Ctx, n):
    m = _INNER_PLACE.search(n.text)
    if not m:
        return [n]
    head = set(terms(n.text[: m.start()]))
    if not in_question(ctx, n) and not (head and head <= set(terms(ctx.question))):
        return [n]  # only for the thing asked about ("the field office" → the Field Office of <City>)
    iris = ctx.kb._lookup(m.group(1))
    if not any((e := ctx.kb.entity(i)) is not None and e.type == "Location" for i in iris):
        return [n]
    s = n.start + m.start(1)
    inner = replace(n, text=m.group(1), start=s, end=s + len(m.group(1)), iri=sorted(iris)[0], type="Location")
    return [n, inner]


def _best_clause(ctx: Ctx, text: str, start: int, end: int, names: list) -> list:
    """The names of the clause (between commas/semicolons) that holds most of the question's words."""
    cuts = sorted({start, end, *(start + m.end() for m in re.finditer(r"[,;:]", text[start:end]))})
    negated = negated_terms(ctx.question)
    # "where does X rely on partners instead of its own offices": the clause of the offices is the
    # one the question rules out
    focus = {t: -ctx.weight(t) if t in negated else ctx.weight(t) for t in ctx.focus}
    for lk in ctx.links:  # "… in the country": the place the question is set in is not what tells clauses apart
        e = ctx.kb.entity(lk.iri)
        if e is not None and e.type == "Location":
            focus.update({t: 0.0 for t in terms(lk.surface) if t in focus})
    clauses = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        inside = [n for n in names if a <= n.start < b]
        if not inside:
            continue
        got = set(terms(text[a:b]))
        clauses.append((sum(w for t, w in focus.items() if t in got), a, inside))
    if not clauses:
        return names
    top = max(c[0] for c in clauses)
    if top <= 0:
        return names
    picked = [n for c in clauses if c[0] == top for n in c[2]]
    return _with_list(text, names, picked)


def _with_list(text: str, names: list, picked: list) -> list:
    """``picked`` plus the names written in one list with them ("A, B and C")."""
    ordered = sorted(names, key=lambda n: n.start)
    keep = {id(n) for n in picked}
    changed = True
    while changed:
        changed = False
        for a, b in zip(ordered, ordered[1:], strict=False):
            if (id(a) in keep) != (id(b) in keep) and re.fullmatch(
                r"\s*(?:,|and|,\s*and|or)\s*", text[a.end : b.start]
            ):
                keep.update((id(a), id(b)))
                changed = True
    return [n for n in ordered if id(n) in keep]


def _after_focus(ctx: Ctx, text: str, ss, names: list) -> list:
    """For a single-place question: the place nearest after the question's words."""
    if ctx.intent.plural or re.search(r"\b(?:and|cities|countries|places|regions)\b", ctx.question, re.IGNORECASE):
        return names
    wanted = ss.matched - negated_terms(ctx.question)
    spots = [ss.sent.start + m.end() for m in re.finditer(r"\w+", text[ss.sent.start : ss.sent.end])
             if set(terms(m.group())) & wanted]
    if not spots:
        return names

    def dist(n) -> float:
        d = [n.start - p for p in spots]
        after = [x for x in d if x >= 0]
        return min(after) if after else 3 * min(abs(x) for x in d)

    ranked = sorted(names, key=dist)
    # places written together ("Cerro de Oro and Valmonte") answer together
    first = ranked[0]
    group = [first]
    for n in sorted(names, key=lambda n: n.start):
        if n.start > group[-1].end and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[group[-1].end : n.start]):
            group.append(n)
    return group


_ASKS_CODE = re.compile(r"\b(?:number|no\.?)\s+of\s+(?:the|this|that|its)\s+(?:[\w-]+\s+){0,2}?(?:law|statute|decree|"
                        r"resolution|act|bill|regulation|ordinance|directive|legislation)\b|"
                        # "what number does the new refugee law carry / have"
                        r"\bwhat number (?:does|did|do) (?:[\w'’-]+\s+){1,8}?(?:law|statute|decree|resolution|act|bill|"
                        r"regulation|ordinance|directive|legislation) (?:carry|have|bear|get)\b", re.IGNORECASE)
_INSTRUMENTS = ("Law", "Decree", "Resolution", "Act", "Bill", "Regulation", "Ordinance", "Directive")


def _code_of(kinds: tuple[str, ...]) -> re.Pattern[str]:
    """"Law No. 1234", "Supreme Decree No. 7.245": the number of an instrument of these kinds."""
    return re.compile(rf"\b(?:(?:Legislative|Supreme|Executive|Ministerial|Presidential|Federal)\s+)?(?:{'|'.join(kinds)})\s+"
                      r"(?:No\.?|Number|N[°º])\s*\d(?:[\d./-]*\d)?")


_CODE = _code_of(_INSTRUMENTS)


def answer_code(ctx: Ctx) -> Draft | None:
    """"What is the number of the statute that waived fines …": the law's number as the report
    writes it ("Law No. 1234"), from the sentence that best fits the rest of the question."""
    asked = _ASKS_CODE.search(ctx.question)
    if asked is None:
        return None
    # "the number of the presidential decree …": a decree's number, not the law's the sentence also
    # cites; a number of the very kind asked is distinctive, so its sentence need say less of the rest
    kind = next((k for k in _INSTRUMENTS if re.search(rf"\b{k}\b", asked.group(), re.IGNORECASE)), None)
    found = (first_match(ctx, _code_of((kind,)), 0.2) if kind else None) or first_match(ctx, _CODE, 0.3)
    return phrase_draft(found[0], found[1].start(), found[1].end(), found[1].group()) if found else None


_ASKS_EDITION = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+)?(?:edition|round|session|iteration|instal+ment|cycle)\b",
                           re.IGNORECASE)
_ORDINAL = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))\b"
    r"(?:\s+[a-z-]+){0,2}|\b(?:II|III|IV|V|VI|VII|VIII|IX|X)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}"
)


def answer_edition(ctx: Ctx) -> Draft | None:
    """"Which edition of the Global Refugee Forum did the Government attend?": the ordinal the best
    sentence writes with it ("the II Global Refugee Forum", "(fourth annual course)")."""
    found = first_match(ctx, _ORDINAL, 0.35) if _ASKS_EDITION.search(ctx.question) else None
    return phrase_draft(found[0], found[1].start(), found[1].end(), found[1].group()) if found else None


_ASKS_CURRENCY = re.compile(r"\b(?:what|which|in what) currenc(?:y|ies)\b|\bcurrency (?:are|is|were|was)\b", re.IGNORECASE)
_CURRENCY_NOTE = re.compile(
    r"\b(?:figures|amounts|values|data|budgets?|tables?)\s+(?:are\s+|were\s+)?(?:expressed\s+|given\s+|shown\s+)?in\s+"
    r"(USD|US\s?\$|U\.S\. dollars|US dollars|EUR|euros?|GBP|CHF|[A-Z]{3})\b",
)


def answer_currency(ctx: Ctx) -> Draft | None:
    """"What currency are the budget tables in": the report's own note ("Financial figures in USD")."""
    if not _ASKS_CURRENCY.search(ctx.question):
        return None
    for doc in ctx.documents:
        for p in doc.passages:
            m = _CURRENCY_NOTE.search(p.text)
            if m:
                return Draft(m.group(1), "finance", 0.8, [Evidence(p.id, [(m.start(), m.end())], 1.0)])
    return None


# "What is the name of the emergency payment that …", "what is the relief fund called?": the proper
# name the text writes with that thing ("the Renta Digna emergency payment", "a fund called X")
_ASKS_NAME = re.compile(
    r"\bwhat (?:is|was|are|were) (?:the )?(?:name|title)s? (?:of|given to) (?:the |this |that |its |their |an? )?"
    r"(?P<of>(?:[\w'’-]+\s+){0,3}?[\w'’-]+?)(?=\s+(?:that|which|who|where|when|for|in|at|by|with|to|of|from|on|the|its|their)\b|\s*[?,]|$)|"
    r"\bwhat (?:is|was|are|were) (?:the |this |that |its |their )?(?P<called>(?:[\w'’-]+\s+){0,3}?[\w'’-]+?) "
    r"(?:called|named|known as)\b",
    re.IGNORECASE,
)
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|del|la|las|los|of|for|and|y|e|do|da|dos)"
_NAME_BEFORE = re.compile(rf"\b([A-Z][\w'’.-]*(?:\s+{_NAME_WORD})*)\s+$")
_NAME_AFTER = re.compile(rf"^\s*(?:,\s*|\(\s*|\s+(?:called|named|known as)\s+)[“\"']?([A-Z][\w'’.-]*(?:\s+{_NAME_WORD})*)")


def answer_name_of(ctx: Ctx) -> Draft | None:
    """The proper name the best sentences give the thing the question asks the name of."""
    m = _ASKS_NAME.search(ctx.question) if ctx.intent.kind != "acronym" else None
    if not m:
        return None
    thing = m.group("of") or m.group("called")
    asked = ctx.question.lower()
    for ss in ctx.scored_sentences[:6]:
        p = ctx.kb.passages[ss.passage_id]
        if p.kind == "table_row" or ss.coverage < 0.35:
            continue
        at = find_phrase(p.text, thing, ss.sent.start, ss.sent.end)
        if at is None:
            continue
        before = _NAME_BEFORE.search(p.text[ss.sent.start : at[0]])
        if p.text[at[0]].isupper() and before is not None:
            # "what is that group called": "Group" is a word of the name ("the Shelter Working Group of the
            # North (SWGN)"), which runs on after it
            rest = re.match(rf"(?:\s+(?:{_NAME_WORD}|the(?=\s+[A-Z])))*", p.text[at[1] : ss.sent.end])
            tail = re.sub(r"\s+(?:of|for|and|de|del|la|y|e|do|da)$", "", rest.group()) if rest else ""
            start = ss.sent.start + before.start(1)
            end = at[1] + len(tail)
            acronym = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", p.text[end : ss.sent.end])
            name = re.sub(r"^(?:The|A|An)\s+", "", p.text[start:end])
            start = end - len(name)
            if acronym:
                end += acronym.end()
            text = " ".join(p.text[start:end].split())
            if text.lower() not in asked:
                return phrase_draft(ss, start, end, text, kind="relation")
        after = _NAME_AFTER.match(p.text[at[1] : ss.sent.end])
        for found, offset in ((before, ss.sent.start), (after, at[1])):
            if found is None:
                continue
            name = re.sub(r"^(?:The|A|An)\s+", "", found.group(1)).rstrip(".")
            name = re.sub(r"\s+(?:of|for|and|de|del|la|y|e|do|da)$", "", name)
            if len(name) > 2 and name.lower() not in asked:
                start = offset + found.start(1) + found.group(1).find(name)
                return phrase_draft(ss, start, start + len(name), name, kind="relation")
    return None


# "the worst it had seen in how long?", "over what span of time had X not been so high?": the span
# the sentence gives a record ("in a decade", "in the last two decades", "since 1987")
_ASKS_RECORD_SPAN = re.compile(r"\b(?:in|over|for) how long\b|\bwhat (?:span|period|stretch) of time\b|"
                               r"\b(?:in|over) what (?:span|period|time ?frame)\b", re.IGNORECASE)
_RECORD_SPAN = re.compile(
    r"\b(?:in|over|for|during) (?:the )?(?:last |past )?(?:more than |nearly |almost |over )?"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|\d+) "
    r"(?:decades?|years?|centur(?:y|ies)|generations?)\b|"
    r"\bsince (?:19|20)\d\d\b", re.IGNORECASE)


def answer_record_span(ctx: Ctx) -> Draft | None:
    """The span of time a record is said for, in the best sentence that says one."""
    found = first_match(ctx, _RECORD_SPAN, 0.35) if _ASKS_RECORD_SPAN.search(ctx.question) else None
    return phrase_draft(found[0], found[1].start(), found[1].end(), found[1].group()) if found else None
