"""Answers about who does what: relations in the graph first, then names read from the best sentence.

Relation questions link their entities through the alias index, pick the predicate family the
verb names (co-lead → coLeads/leads/chairs, support → supports …) and answer with the other side
of every matching relation, citing each relation's evidence sentence. The direction comes from
the question: "who co-leads X" asks for subjects, "what is X a member of" for objects. When the
graph holds nothing that fits, the best sentences that contain the relation's verb are read for
names of the asked kind ("which ministry" → a name with "Ministry" in it).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .context import Ctx, Draft, Evidence, ScoredSent, phrase_draft
from .intent import _FAMILIES
from .kb import Link, RelationRef
from .model import TripleRef
from .names import COORDINATION_BODIES, Name, asked_noun, asked_type, fits, in_question, join, names_in
from .paraphrase import said_otherwise
from .signals import clause_of
from .text import find_phrase, numbers, ruled_out, terms

_AUX = re.compile(r"^\s*(?:which|what|who|whom)\b(?:\s+[\w'’-]+){0,5}?\s+(did|does|do|has|have|had|is|are|was|were|will|can|could)\b",
                  re.IGNORECASE)


def question_asks_subject(ctx: Ctx) -> bool | None:
    """Does the question ask for the relation's subject ("who co-leads X") or its object
    ("which ministry did UNHCR support", "what is X a member of")? None when it cannot tell."""
    span = ctx.intent.predicate_span
    if span is None:
        return None
    if ctx.intent.passive:
        return True
    m = _AUX.match(ctx.question)
    if m and m.end() <= span[0]:
        # an auxiliary, then something other than the verb: "did the committee bring together"
        gap = ctx.question[m.end() : span[0]].split()
        if len(gap) > 1 or (gap and gap[0].lower() not in ("a", "an", "the", "also", "currently", "jointly")):
            return False
    if re.match(r"\s*(?:who|whom|which|what)\b", ctx.question, re.IGNORECASE):
        return True
    return None


def _entity_is_subject(ctx: Ctx, link: Link) -> bool | None:
    """Does the question name ``link`` as the relation's subject? None when it cannot tell."""
    span = ctx.intent.predicate_span
    if span is None:
        return None
    asks_subject = question_asks_subject(ctx)
    if asks_subject is None:
        return link.end <= span[0] and not ctx.intent.passive
    if asks_subject:
        return False  # the question's entities are on the object side
    return link.end <= span[0]


def _is_modifier(ctx: Ctx, link: Link) -> bool:
    """"the protection sector of the RCN" (or "the RCN's protection sector"): RCN only says which
    sector is meant."""
    m = re.match(r"(?:['’]s)?\s+", ctx.question[link.end :])
    if re.search(r"['’]s$", ctx.question[link.start : link.end]) or (m and m.group().startswith(("'", "’"))):
        after = link.end + (m.end() if m else 0)
        if any(o is not link and o.start == after for o in ctx.links):
            return True
    before = ctx.question[: link.start]
    if not re.search(r"\b(?:of|in|within)\s+(?:the\s+)?$", before):
        return False
    head = re.sub(r"\s*\b(?:of|in|within)\s+(?:the\s+)?$", "", before)
    return any(o is not link and o.end == len(head) for o in ctx.links)


def unlinked_head(ctx: Ctx) -> str:
    """"the shelter sector of the HCT": the words the question puts before "of <a linked entity>"
    when they are not themselves part of a name — the thing actually asked about."""
    for lk in ctx.links:
        before = ctx.question[: lk.start]
        m = re.search(r"\bthe\s+((?:[\w+-]+\s+){0,3}?[\w+-]+)\s+(?:of|in|within)\s+(?:the\s+)?$", before)
        span = ctx.intent.predicate_span
        if span and m and m.start(1) < span[1] and span[0] < m.end(1):
            continue  # "the co-leaders of X": the head is the relation itself
        if m and not any(o.start <= m.start(1) < o.end for o in ctx.links):
            return m.group(1)
    return ""


def head_supported(ctx: Ctx, text: str, coverage: float = 0.0) -> bool:
    """Is the thing the question is about said in ``text`` (in its words or their synonyms: "the
    cholera epidemic" asked, "a cholera outbreak" written)? For a sentence holding the verb asked,
    given with its ``coverage`` of the question: the head's words it lacks may be said in other
    words ("the first nationwide count" for "the First National Census"), and a sentence saying
    nearly all the question needs only half of them ("women-only protection spaces" for "women's
    safe spaces")."""
    head = unlinked_head(ctx)
    if not head or find_phrase(text, head) is not None:
        return True
    wanted = set(terms(head))
    if not wanted:
        return False
    words = [set(terms(w)) for w in re.findall(r"[\w'’-]+", text)]
    width = len(head.split()) + 1  # the words together, as a phrase with one word between at most
    if any(wanted <= set().union(*words[i : i + width]) for i in range(len(words))):
        return True
    if coverage < 0.5:
        return False
    have = set().union(*words) if words else set()
    said = wanted & have
    if coverage >= 0.75 and sum(ctx.weight(t) for t in said) > 0.5 * sum(ctx.weight(t) for t in wanted) and any(
            said <= set().union(*words[i : i + width]) for i in range(len(words))):
        return True  # the words it has, together
    missing = [w for w in head.split() if terms(w) and not set(terms(w)) <= have]
    return len(missing) < len(head.split()) and said_otherwise(ctx, " ".join(missing), text) is not None


def answer_relation_graph(ctx: Ctx) -> Draft | None:
    kb = ctx.kb
    preds = ctx.intent.predicates
    if not preds or not kb.relations:
        return None
    if unlinked_head(ctx) and not any(head_supported(ctx, kb.display(i)) for i in kb.entities):
        return None  # the question is about something the graph does not name
    kind, words = asked_type(ctx.question)
    total_w = sum(ctx.weight(t) for t in ctx.focus) or 1.0
    linked = {lk.iri for lk in ctx.links}
    scored: dict[str, tuple[float, list[RelationRef]]] = {}
    for lk in ctx.links:
        if lk.score < 0.75 or _is_modifier(ctx, lk):
            continue
        role = _entity_is_subject(ctx, lk)
        pairs = [(r, r.object, role is not False) for r in kb.by_subject.get(lk.iri, ())]
        pairs += [(r, r.subject, role is not True) for r in kb.by_object.get(lk.iri, ())]
        for ref, other, side_ok in pairs:
            p = ref.relation.predicate
            if p not in preds or other in linked:
                continue
            if ctx.report and ref.report != ctx.report:
                continue
            name = Name(kb.display(other), 0, 0, other, kb.entity(other).type if kb.entity(other) else "")
            # as the evidence writes it: the question's "Caritas X" does not name "Caritas Internationalis"
            if in_question(ctx, replace(name, text=kb.display_in(other, [ref.relation.evidence]), iri=None)):
                continue
            kind_factor = 1.0
            if not fits(ctx, name, kind, words):
                # "which international network": a membership names the network, whatever its name says
                if not (p in _CONTAINMENT and set(words) & _COLLECTIVE_WORDS and fits(ctx, name, "org", ())):
                    continue
                kind_factor = 0.8
            cov = _evidence_cov(ctx, [ref], total_w)
            s = (1.0 - 0.15 * preds.index(p)) * (1.0 if side_ok else 0.45) * lk.score * (0.6 + 0.4 * cov)
            s *= (0.5 + 0.5 * ref.relation.confidence) * kind_factor
            old = scored.get(other)
            if old is None or s > old[0]:
                scored[other] = (s, [ref] + (old[1] if old else []))
            else:
                old[1].append(ref)
    if not scored:
        return None
    if all(ctx.kb.ubiquitous(lk.iri) for lk in ctx.links if lk.score >= 0.75) and \
            max(_evidence_cov(ctx, refs, total_w) for _, refs in scored.values()) < 0.35:
        # "together with which institution did UNHCR run the course for judges": every partner of
        # the report's main actor fits the relation; none of their evidence speaks of the course
        return None
    best = max(s for s, _ in scored.values())
    keep = [(iri, s, refs) for iri, (s, refs) in scored.items() if s >= 0.85 * best]
    keep.sort(key=lambda x: (-x[1], kb.display(x[0])))
    if not ctx.intent.plural and len(keep) > 1 and not many_expected(ctx):
        keep = [k for k in keep if k[1] >= best - 1e-9] or keep[:1]
    evidence, triples = [], []
    for _iri, s, refs in keep:
        for ref in refs[:2]:
            r = ref.relation
            p = kb.passages.get(r.passage_id)
            if p is None:
                continue
            evidence.append(Evidence(r.passage_id, [(r.start - p.start, r.end - p.start)], s))
            triples.append(TripleRef(ref.subject, ref.predicate_iri, ref.object, r.passage_id))
    names = {iri: _as_written(kb.display_in(iri, [ref.relation.evidence for ref in refs]),
                              [ref.relation.evidence for ref in refs]) for iri, _, refs in keep}
    text = join([names[iri] for iri, _, _ in keep])
    conf = min(1.0, 0.35 + 0.6 * best)
    kind_out = "location" if kind == "place" and not ctx.intent.plural else ("list" if ctx.intent.kind == "list" else "relation")
    return Draft(text, kind_out, conf, evidence, triples, items=[(names[iri], iri) for iri, _, _ in keep])


# Bodies something belongs to need not say what they are in their name ("Caritas Internationalis")
_CONTAINMENT = frozenset({"memberOf", "partOf"})
_COLLECTIVE_WORDS = frozenset({"network", "platform", "group", "alliance", "council", "forum", "cluster", "federation"})


def _evidence_cov(ctx: Ctx, refs: list[RelationRef], total_w: float) -> float:
    """The best weighted share of the question's focus that a relation's evidence sentence says."""
    return max(sum(ctx.weight(t) for t in ctx.focus if t in set(terms(r.relation.evidence))) / total_w for r in refs)


def _as_written(name: str, texts: list[str]) -> str:
    """The name with the spelling of the cited text ("People’s" with its own apostrophe)."""
    base = name.split(" (")[0]
    for t in texts:
        span = find_phrase(t, base)
        if span:
            return " ".join(t[span[0] : span[1]].split()) + name[len(base) :]
    return name


def _plural(ctx: Ctx) -> bool:
    noun = asked_noun(ctx.question)
    return ctx.intent.plural or ctx.intent.kind == "list" or (noun.endswith("s") and not noun.endswith("ss"))


def many_expected(ctx: Ctx) -> bool:
    return bool(re.search(r"\bco-?\s?(?:lead|chair)|\bpartners\b|\btogether\b|\bwhich \w+s\b", ctx.question, re.IGNORECASE))


# Forms a sentence uses for a family that would mislead if read in a question ("which platform ran
# the campaign with UNHCR" is not about leading; "UNHCR and UNICEF jointly ran the hubs" is).
_SENTENCE_FORMS: dict[tuple[str, ...], str] = {
    ("leads", "coLeads", "chairs"): r"\b(?:ran|running|operated by|implemented by)\b",
    ("partnersWith",): r"\b(?:in )?coordinat\w*\b(?=[^.;]{0,80}?\bwith\b)",
    ("establishes",): r"\bopen(?:ed|s|ing)\b",  # "opened nine centres" is setting them up
    # "carried out the census": the text's "conducted", "undertook", "performed"
    ("implements",): r"\b(?:conduct(?:ed|s|ing)?|undert(?:ook|aken|akes?|aking)|perform(?:ed|s|ing)?)\b",
    # "presented its first report on … to the National Congress": handed to, as a submission is
    ("submitsTo",): r"\b(?:presented|sent|handed|delivered|forwarded|transmitted)\b(?=[^.;]{0,150}?\bto\s+(?:the\s+)?(?-i:[A-Z]))",
}


def _family_regex(preds: tuple[str, ...]) -> re.Pattern[str] | None:
    """Every form of a family's verb (a family may be written by several patterns of ``_FAMILIES``)."""
    patterns = [pattern for pattern, family in _FAMILIES if family == preds]
    if not patterns:
        return None
    extra = _SENTENCE_FORMS.get(preds)
    return re.compile("|".join(patterns + ([extra] if extra else [])), re.IGNORECASE)


def _admitted_regex(preds: tuple[str, ...]) -> re.Pattern[str] | None:
    """The verbs of the other predicates a family admits ("signed off on the rule" asks approves,
    then issues: "the CNB issued the resolution"); read only when the family's own verb is absent."""
    if preds[0] in _LEADERSHIP:
        return None  # who leads is not who chairs: "co-led one of the groups" does not answer "who chairs X"
    patterns = [p for p, family in _FAMILIES if family[0] in preds[1:] and family != preds]
    return re.compile("|".join(patterns), re.IGNORECASE) if patterns else None


_PREP_WHICH = re.compile(r"(?:^\s*|\b)(to|with) (?:which|whom|what)\b|"
                         # "data supplied by which office": the text's "data from X" / "provided by X"
                         r"\b(?:supplied|provided|furnished|shared|sourced|drawn) (by|from) (?:which|whom|what)\b", re.IGNORECASE)

_LEADERSHIP = frozenset({"leads", "coLeads", "chairs"})


def _verb_in(raw: str, own: re.Pattern[str] | None, admitted: re.Pattern[str] | None,
             asked: frozenset[str] = frozenset()) -> tuple[re.Match[str] | None, bool]:
    """The relation's verb in a sentence, and whether it is the family's own. Of several, the one
    whose clause says most of the question ("With UNHCR support, the ministry trained …, and the
    CRC provided psychosocial support to …" asked about psychosocial help)."""
    for pattern, is_own in ((own, True), (admitted, False)):
        found = list(pattern.finditer(raw)) if pattern else []
        if found:
            return max(found, key=lambda m: (_said_in_clause(raw, m, asked), -m.start())), is_own
    return None, False


def _said_in_clause(raw: str, m: re.Match[str], asked: frozenset[str]) -> int:
    a, b = clause_of(raw, m.start(), m.end())
    return len(asked & set(terms(raw[a:b])))


def _figures_given(question: str) -> set[float]:
    """The figures a question states (not years, not "one"): a sentence stating one of them is surer."""
    return {n.value for n in numbers(question) if not n.is_year and n.value >= 2}


def answer_names_from_text(ctx: Ctx, kind_out: str = "relation", loose: bool = False) -> Draft | None:
    """Names of the asked kind in the best sentences (that hold the relation's verb, if one is asked).

    A network, platform, alliance … asked is first looked for by that word; when no sentence names
    one so, by another of those words (``loose``): "GTMM" for "which coordination platform".
    """
    kb = ctx.kb
    kind, words = asked_type(ctx.question)
    verb = _family_regex(ctx.intent.predicates) if ctx.intent.predicates else None
    admitted = _admitted_regex(ctx.intent.predicates) if verb else None
    asks_subject = _asks_subject(ctx)
    with_whom = asks_subject is None and bool(re.search(r"\bwith whom\b", ctx.question, re.IGNORECASE))
    best: tuple[float, ScoredSent, list[Name]] | None = None
    groups: set[tuple[int, int]] = set()  # spans read as kinds of actors
    for ss in ctx.scored_sentences[:8]:
        p = kb.passages[ss.passage_id]
        raw = p.text[ss.sent.start : ss.sent.end]
        # the relation's verb in other words ("manages" for "runs") is said
        if (_coverage_with_verb(ctx, ss) if verb and verb.search(raw) else ss.coverage) < 0.25:
            continue
        listed = _listed_after_noun(ctx, ss, raw, kind, words)
        if listed:
            score = ss.score + 0.15
            if best is None or score > best[0]:
                best = (score, ss, listed)
            continue
        vm, own_verb = _verb_in(raw, verb, admitted, frozenset(ctx.focus))
        if not head_supported(ctx, raw, coverage=ss.coverage if vm is not None and own_verb else 0.0):
            continue
        if verb and not vm and not words:
            continue  # the relation's verb is not in the sentence (a specific kind may still be named)
        names = [n for n in names_in(ctx, ss.passage_id, ss.sent.start, ss.sent.end) if not in_question(ctx, n)]
        typed = [n for n in names if fits(ctx, n, kind, words, loose)]
        if not typed and words and set(words) & _ORG_KIND_WORDS:
            # "run by the local organization Coletivo Sol Nascente": the sentence says what kind it is
            typed = [n for n in names if _APPOSED_ORG.search(p.text[max(ss.sent.start, n.start - 40) : n.start])]
        names = typed
        if not names and vm is not None and asks_subject is False and kind != "place":
            np_span = _phrase_after(raw, vm.end())
            phrase = raw[np_span[0] : np_span[1]] if np_span else ""
            if phrase and kind == "org" and words and "group" not in words and not any(
                    re.search(rf"\b{re.escape(w)}", phrase, re.IGNORECASE) for w in words):
                np_span = None  # "which ministry …" is not answered by "adopt a national strategy"
            if np_span and re.match(r"(?:was|were|is|are|has|have|had|been|be|being)\b", raw[np_span[0] : np_span[1]],
                                    re.IGNORECASE):
                np_span = None  # "Legal assistance was provided by …": a verb, not the thing the verb acts on
            if np_span:
                a, b = np_span
                names = [Name(raw[a:b], ss.sent.start + a, ss.sent.start + b, None, "")]
        elif vm is not None and (asks_subject is False or with_whom) and kind in ("", "org", "actor") and not words:
            group = actor_group_after(raw, vm.end())
            if group:  # "supported the authorities and local NGOs with …": the object is a kind of actor
                a, b = group
                names = [Name(raw[a:b], ss.sent.start + a, ss.sent.start + b, None, "")]
                groups.add((names[0].start, names[0].end))
        if not names:
            continue
        if vm is not None and asks_subject is not None:
            vpos = ss.sent.start + vm.start()
            vend = ss.sent.start + vm.end()
            by = re.search(r"\bby\s+(?:the\s+)?", raw[vm.end() : vm.end() + 40])
            if by is None and re.fullmatch(r"support|assistance|funding|financing|contributions?|backing|help|aid",
                                           vm.group().lower()):
                by = re.match(r"\s+(?:\w+\s+)?from\s+(?:the\s+)?", raw[vm.end() :])  # "technical support from the World Bank"
            if asks_subject and by is None and re.search(r"\b(?:was|were|been|is|are|being|be)\s+(?:\w+ly\s+)?$",
                                                        raw[: vm.start()], re.IGNORECASE):
                continue  # "at the time the survey was conducted": a passive without its agent names no doer
            if asks_subject and by:
                after = [n for n in names if n.start >= vend]
                names = _list_from(p.text, after) if after else names
            elif asks_subject:
                before = _subject_before(p.text, [n for n in names if n.start < vpos],
                                         coordinated=_plural(ctx) or many_expected(ctx))
                co = [n for n in names if vend <= n.start <= vend + 40
                      and _CO.search(p.text[max(ss.sent.start, n.start - 20) : n.start])]
                names = (before + co[:2]) or names[:1]
            else:
                after = [n for n in names if n.start > vpos]
                if after and not (_plural(ctx) or many_expected(ctx)):
                    after = after[:1]  # the verb's direct object
                names = after or names
        prep = _PREP_WHICH.search(ctx.question)
        if prep and (vm is not None or not prep.group(1)):
            # "submitted its report to which body", "coordinated the plan with which bodies": the names
            # after that preposition, not one met on the way
            vend = ss.sent.start + (vm.end() if vm is not None else 0)
            word = prep.group(1).lower() if prep.group(1) else "from|by"
            before = re.compile(rf"\b(?:{word})\s+(?:the\s+)?$", re.IGNORECASE)
            pool = sorted({(n.start, n.end): n for n in names + typed}.values(), key=lambda n: n.start)
            first = next((i for i, n in enumerate(pool) if n.start >= vend
                          and before.search(p.text[max(ss.sent.start, n.start - 10) : n.start])), None)
            if first is not None:
                names = _list_from(p.text, pool[first:])  # "to the police, the prosecutor and …"
        if not (_plural(ctx) or many_expected(ctx)) and len(names) > 1:
            # "which agency was responsible for shelter": the "Shelter … Sector" is what the question
            # names, the answer is another name near it
            named = set(ctx.focus) - set(terms(asked_noun(ctx.question)))  # not "population" in "which population"
            unasked = [n for n in names if not set(terms(n.text)) & named]
            anchor = next((n for n in names if n not in unasked), None)
            same = [u for u in unasked if anchor is not None and anchor.iri is not None and u.iri == anchor.iri]
            aside = {t for a, b in ruled_out(ctx.question) for t in terms(ctx.question[a:b])}
            if same and not words and not (anchor is not None and set(terms(anchor.text)) & aside):
                # "which national statistics body ran the survey": the body the question describes, written
                # by its full name and its acronym, is the one asked (not the name before it)
                names = same[:1]
            elif anchor is not None and unasked:
                # the name written just before the one the question names is its clause's subject
                names = [min(unasked, key=lambda n: anchor.start - n.end if n.end <= anchor.start
                             else 10_000 + n.start - anchor.end)]
            else:
                names = _closest(ctx, ss, unasked or names)[:1]
        score = ss.score + (0.1 if own_verb else 0.05 if vm else 0.0) - (0.1 if verb and not vm else 0.0)
        if best is None or score > best[0]:
            best = (score, ss, names)
    if best is None:
        if not loose and set(words) & COORDINATION_BODIES and not re.search(r"\bworking groups?\b", ctx.question,
                                                                             re.IGNORECASE):
            return answer_names_from_text(ctx, kind_out, loose=True)  # ("which working group" is one kind, named so)
        return None
    score, ss, names = best
    names = [_antecedent(ctx, ss, n) or n for n in names]
    names = _dedupe([_named_as_asked(ctx, words, _with_head_noun(kb.passages[ss.passage_id].text, n)) for n in names])
    text = join([_display(ctx, n) for n in names])
    # a name read back from an earlier sentence ("approved the above protocol") is highlighted there too
    spans = [(ss.sent.start, ss.sent.end)] + [(n.start, n.end) for n in names if n.end <= ss.sent.start]
    raw = kb.passages[ss.passage_id].text[ss.sent.start : ss.sent.end]
    coverage = _coverage_with_verb(ctx, ss) if verb and verb.search(raw) else ss.coverage
    conf = min(1.0, 0.1 + 0.8 * coverage + (0.05 if verb else 0.0))
    given = _figures_given(ctx.question)
    if given and given & {n.value for n in numbers(raw)}:
        conf = min(1.0, conf + 0.1)  # "paid for 44 staff to back which scheme": the sentence states the figure given
    return Draft(text, kind_out, conf, [Evidence(ss.passage_id, spans, score)],
                 items=[(_display(ctx, n), n.iri) for n in names],
                 object_group=len(names) == 1 and (names[0].start, names[0].end) in groups)


# "State institutions", "Migration authorities": a capitalised word that only says whose; the
# common noun after it is what they are
_HEAD_NOUN = re.compile(r"\s+(authorities|institutions|officials|officers|offices|agencies|bodies|entities|services|"
                        r"staff|personnel|actors|stakeholders)\b")


def _with_head_noun(text: str, n: Name) -> Name:
    if n.iri is not None or " " in n.text.strip() or not n.text[:1].isupper():
        return n
    m = _HEAD_NOUN.match(text, n.end)
    return replace(n, text=text[n.start : m.end()], end=m.end()) if m else n


def _named_as_asked(ctx: Ctx, words: tuple[str, ...], n: Name) -> Name:
    """"Which UN network …" matched "executive committee", a short form of the entity "executive
    committee of the UN Migration Network": its full name says the word asked."""
    if not words or n.iri is None or set(words) & set(terms(n.text)):
        return n
    label = ctx.kb.display(n.iri)
    return replace(n, text=label) if set(words) <= set(terms(label)) else n


def _coverage_with_verb(ctx: Ctx, ss: ScoredSent) -> float:
    """The sentence's coverage of the question, counting the question's relation words as present:
    the sentence writes the same relation in its own words ("co-leads" for "jointly in charge of")."""
    span = ctx.intent.predicate_span
    if span is None:
        return ss.coverage
    total = sum(ctx.weight(t) for t in ctx.focus) or 1.0
    said = set(terms(ctx.question[span[0] : span[1]])) & set(ctx.focus) - ss.matched
    return min(1.0, ss.coverage + sum(ctx.weight(t) for t in said) / total)


_ORG_KIND_WORDS = frozenset({"ngo", "non-governmental", "organization", "organisation", "association", "foundation",
                             "partner", "charity"})
_APPOSED_ORG = re.compile(r"\b(?:the|a|an|its|our|UNHCR(?:['’]s)?)\s+(?:[\w-]+\s+){0,2}?(?:partner|organi[sz]ation|NGO|"
                          r"association|foundation|charity)\s+$", re.IGNORECASE)

# ", the national chapter of …,", ", chaired by the MSPB,": a phrase describing the name before it
_APPOSITIVE = re.compile(r"^(?:\s*\([^()]{1,20}\))?,\s+(?:(?:the|a|an|its)\b|(?:chaired|led|co-led|headed|run|managed|supported|funded|backed|"
                         r"coordinated|created|established|set up|composed|made up) (?:by|of)\b)[^,;]*,\s*$")


def _subject_before(text: str, names: list[Name], *, coordinated: bool = False) -> list[Name]:
    """The name the verb's clause is about: the last one before the verb, unless it sits inside an
    appositive ("Caritas X, the national chapter of Caritas Internationalis, managed …"). With
    ``coordinated``, the names listed with it too ("UNHCR and UNICEF supported …")."""
    # "the National Health Fund (NHF)": an acronym in brackets belongs to the name before it
    names = [n for k, n in enumerate(names) if k == 0 or not re.fullmatch(r"\s*\(\s*", text[names[k - 1].end : n.start])]
    if not names:
        return []
    i = len(names) - 1
    while i > 0 and _APPOSITIVE.match(text[names[i - 1].end : _clause_end(text, names[i])]):
        i -= 1
    first = i
    while coordinated and first > 0 and _COORDINATION.fullmatch(text[names[first - 1].end : names[first].start]):
        first -= 1
    return names[first : i + 1]


def _clause_end(text: str, n: Name) -> int:
    m = re.match(r"[^,;]*,", text[n.end :])
    return n.end + (m.end() if m else 0)


# what separates names written in one list ("… Migration (BPRM), the European …, Canada and Japan")
_COORDINATION = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:,|and|or|,\s*(?:and|or))\s*(?:the\s+)?")


def _list_from(text: str, names: list[Name]) -> list[Name]:
    """The first name and those written in one list with it ("by UNHCR and UNFPA")."""
    out = names[:1]
    last_end = names[0].end if names else 0
    for n in names[1:]:
        gap = text[last_end : n.start]
        if re.fullmatch(r"\s*\(\s*", gap):  # "… Migration (BPRM), …": the acronym of the name before
            close = text.find(")", n.end)
            last_end = close + 1 if close != -1 else n.end
        elif _COORDINATION.fullmatch(gap):
            out.append(n)
            last_end = n.end
        else:
            break
    return out


def _dedupe(names: list[Name]) -> list[Name]:
    """One name per entity ("Superintendence of Pensions and Savings" and its "(SPA)")."""
    out: list[Name] = []
    seen: set[str] = set()
    for n in names:
        key = n.iri or n.text.lower()
        if key in seen:
            continue
        seen.add(key)
        out.append(n)
    return out


def merge_relation_drafts(graph: Draft, text: Draft) -> Draft:
    """The graph's answer plus the names the best sentence adds (e.g. a co-lead the graph missed)."""
    have = {iri for _, iri in graph.items if iri} | {name.lower() for name, _ in graph.items}
    extra = [(name, iri) for name, iri in text.items if not (iri and iri in have) and name.lower() not in have]
    if not extra:
        return graph
    items = graph.items + extra
    return Draft(join([n for n, _ in items]), graph.kind, max(graph.confidence, text.confidence),
                 graph.evidence + text.evidence, graph.triples, graph.notes, items)


def _listed_after_noun(ctx: Ctx, ss: ScoredSent, raw: str, kind: str, words: tuple[str, ...]) -> list[Name]:
    """Names listed right after the asked noun: "international partners (A and B)", "institutions
    such as A, B and C" — the sentence names them as exactly the kind asked for."""
    noun = asked_noun(ctx.question)
    if len(noun) < 4 or not (ctx.intent.plural or noun.endswith("s")):
        return []
    stem = noun[:-3] if noun.endswith("ies") else noun.rstrip("s")
    of = "|of" if re.fullmatch(r"countr|cit|region|province|town|department|municipalit|district", stem) else ""
    m = re.search(rf"\b{re.escape(stem)}\w*\s*(?:\(|,?\s*(?:such as|including|namely|like|in particular|notably|"
                  rf"especially|particularly|e\.g\.,?|for example,?|for instance,?|among them|:{of}))\s*", raw, re.IGNORECASE)
    if not m:
        return []
    closer = r"[);]" if m.group().rstrip().endswith("(") else r";"
    stop = re.search(closer + r"|\s(?:to|among|who|which|that|were|was)\s|\.(?:\s|$)", raw[m.end() :])
    a = ss.sent.start + m.end()
    b = a + (stop.start() if stop else len(raw) - m.end())
    names = [n for n in names_in(ctx, ss.passage_id, a, b) if not in_question(ctx, n)]
    names = end_of_list(ctx.kb.passages[ss.passage_id].text, [n for n in names if fits(ctx, n, kind, words) or not n.iri])
    return names if len(names) >= 2 else []


def end_of_list(text: str, names: list[Name]) -> list[Name]:
    """"A, B, C and D, UNHCR was able …": a list ends with the name after its "and"."""
    for i in range(1, len(names)):
        gap = text[names[i - 1].end : names[i].start]
        if gap.strip(" ,\n").lower() in ("and", "or", "and the", "or the", "as well as", "as well as the"):
            return names[: i + 1]
    return names


def _asks_subject(ctx: Ctx) -> bool | None:
    if not ctx.intent.predicates:
        return None
    return question_asks_subject(ctx)


_CO = re.compile(r"\b(?:together with|jointly with|along with|alongside|and)\s+(?:the\s+)?$", re.IGNORECASE)
_NP_AFTER = re.compile(r"^\s*(?:(?:of|to|in|with|on|for|into)\s+)?(?:(?:the|a|an|its|their)\s+)?")
_NP_STOP = re.compile(r"[,.;:()]|\s(?:in|which|that|who|to|through|by|with|during|where|and)\s")


def _phrase_after(raw: str, pos: int) -> tuple[int, int] | None:
    """The noun phrase after a verb ("a member of the executive committee of X in Y" → "executive
    committee of X"), as offsets into ``raw``."""
    m = _NP_AFTER.match(raw[pos:])
    start = pos + (m.end() if m else 0)
    stop = _NP_STOP.search(raw, start)
    end = stop.start() if stop else len(raw)
    words = raw[start:end].split()
    if not words or len(words) > 10:
        return None
    return start, start + len(raw[start:end].rstrip())


# Nouns that name kinds of actors, not actors: "local organizations", "government officials".
_ACTOR_HEADS = frozenset(terms(
    "authorities authority organizations organisations ngos nonprofits institutions governments officials staff "
    "partners leaders employers banks police society cooperation communities municipalities agencies actors "
    "entities bodies donors universities companies enterprises sector volunteers networks"
))
_GROUP_STOP = re.compile(r"[.;:()]|\s(?:to|in|with|through|by|for|on|at|from|during|which|that|who|whose|where|"
                         r"including|such as|so|as|under|regarding)\s")


# "the above protocol", "this law", "the said agreement": a thing named before, referred back to
_REFERS_BACK_TO = re.compile(r"(?:the\s+)?(?:above(?:-mentioned)?|aforementioned|said|same|this|that|these|those)\s+"
                             r"(?:[\w-]+\s+){0,2}?([a-z][\w-]+?)s?", re.IGNORECASE)


def _antecedent(ctx: Ctx, ss: ScoredSent, n: Name) -> Name | None:
    """The name an anaphor refers back to: the last one before the sentence, in the same passage,
    that is the same entity or whose words hold the anaphor's noun ("the Protocol for the Care of …"
    for "the above protocol")."""
    m = _REFERS_BACK_TO.fullmatch(n.text.strip())
    if m is None or n.end > ss.sent.end:
        return None
    noun = m.group(1).lower()
    earlier = [e for e in names_in(ctx, ss.passage_id, 0, ss.sent.start) if not _REFERS_BACK_TO.fullmatch(e.text)
               and ((n.iri is not None and e.iri == n.iri)
                    or (re.search(rf"\b{re.escape(noun)}s?\b", e.text, re.IGNORECASE) and e.text.lower() != noun))]
    return earlier[-1] if earlier else None


def actor_group_after(raw: str, pos: int) -> tuple[int, int] | None:
    """Kinds of actors written as the object right after a verb, not names ("supported the
    authorities and local NGOs with …", "coordinate with civil society, nonprofits and the
    international cooperation"), as offsets into ``raw``."""
    m = _NP_AFTER.match(raw[pos:])
    start = pos + (m.end() if m else 0)
    stop = _GROUP_STOP.search(raw, start)
    end = stop.start() if stop else len(raw)
    text = raw[start:end].rstrip(" ,")
    items = [i.strip() for i in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if i.strip()]
    if not items or len(items) > 8:
        return None
    for item in items:
        words = re.sub(r"^(?:the|a|an|its|their|other)\s+", "", item, flags=re.IGNORECASE).split()
        if not words or len(words) > 4 or any(w[:1].isupper() and not w.isupper() and not w[:-1].isupper()
                                              for w in words):
            return None  # a name ("House of Welcome"), not a kind of actor
        if any(w[:1].isdigit() for w in words):
            return None
    if not any(set(terms(item)) & _ACTOR_HEADS for item in items):
        return None
    return start, start + len(text)


def _closest(ctx: Ctx, ss: ScoredSent, names: list[Name]) -> list[Name]:
    """Names ordered by closeness to the question's words in the sentence."""
    text = ctx.kb.passages[ss.passage_id].text
    spots = [m.start() for t in ss.matched for m in re.finditer(r"\w+", text[ss.sent.start : ss.sent.end])
             if t in terms(m.group())]
    if not spots:
        return names
    # "Caritas X, the national chapter of Caritas Internationalis, managed …": a name inside an
    # appositive describes the name before it; it is not the one acting
    inside = {id(n) for prev, n in zip(names, names[1:], strict=False)
              if _APPOSITIVE.match(text[prev.end : _clause_end(text, n)])}
    return sorted(names, key=lambda n: (id(n) in inside, min(abs(n.start - ss.sent.start - p) for p in spots)))


def _display(ctx: Ctx, n: Name) -> str:
    """A name as the text writes it, with the acronym written after it ("… Savings (SPA)")."""
    text = ctx.kb.passages[_pid_of(ctx, n)].text if _pid_of(ctx, n) else ""
    m = _ACR_AFTER.match(text, n.end) if text else None
    if m and not n.text.endswith(")"):
        return f"{n.text} ({m.group(1)})"
    return n.text


_ACR_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z0-9&+]*[A-Z][A-Za-z0-9&+]*)\)")


def _pid_of(ctx: Ctx, n: Name) -> str | None:
    return getattr(n, "passage_id", None)


# "Whose mobile teams registered …", "for whose network of service points …": the thing owned,
# up to the verb or the end of the question
_WHOSE = re.compile(
    # "whose X …", "which bank's X …"
    r"\b(?:whose|(?:which|what) (?!(?:year|month|day|week|decade|season)['’])[\w-]+['’]s)\s+((?:[\w'’-]+\s+){0,5}?[\w'’-]+?)(?=\s+(?:did|do|does|was|were|is|are|has|have|had|will|can|could)\b|"
    r"\s+[a-z]+ed\b|\s*[?,]|\s+(?:got|let|made|took|ran|went|gave|put|kept|set|brought)\b)",
    re.IGNORECASE,
)
_OWNED_STOP = frozenset({"abil", "capac", "work"})


def answer_whose(ctx: Ctx) -> Draft | None:
    """The name a sentence writes as the owner of what the question asks "whose" of: "the
    commission's mobile teams", "the mobile wallet of the BPT", "ABC staff"."""
    m = _WHOSE.search(ctx.question)
    if not m or ctx.intent.kind == "acronym":
        return None
    before = ctx.question[: m.start()].lower()
    if m.group().lower().startswith("whose") and re.search(r"\b(?:what|which|who|how)\b", before):
        return None  # "what does FGN stand for, one of the bodies whose officials …": a relative clause
    return _owner_draft(ctx, m.group(1))


# "who runs the helpline …", "which organisation manages the catalogue …": when no relation says
# so, the owner the text writes ("UNHCR's helpline", "the catalogue of <name>") runs it
_RUNS = re.compile(
    r"\b(?:who|which\b[^?]{0,40}?)\s+(?:runs?|ran|manages?|managed|operates?|operated|owns?|owned|administers?|"
    r"administered|(?:is|was) in charge of|(?:is|was) responsible for)\s+(?:the\s+|its\s+|their\s+)?"
    r"((?:[\w'’-]+\s+){0,6}?[\w'’-]+?)(?=\s+(?:that|which|who|where|for|in|at|with|by|on|since|to)\b|\s*[?,]|$)",
    re.IGNORECASE,
)


def answer_runner(ctx: Ctx) -> Draft | None:
    """Who runs what the question names, read as its owner in the text (see ``_RUNS``)."""
    m = _RUNS.search(ctx.question)
    return _owner_draft(ctx, m.group(1)) if m else None


def _owner_draft(ctx: Ctx, owned_phrase: str) -> Draft | None:
    owned_asked = set(terms(owned_phrase)) - _OWNED_STOP
    if not owned_asked:
        return None
    best: tuple[float, ScoredSent, Name] | None = None
    for ss in ctx.scored_sentences[:8]:
        if ctx.kb.passages[ss.passage_id].kind == "table_row" or ss.coverage < 0.35:
            continue
        text = ctx.kb.passages[ss.passage_id].text
        for n in names_in(ctx, ss.passage_id, ss.sent.start, ss.sent.end):
            if in_question(ctx, n):
                continue
            owned = _owned_by(text, ss.sent.start, ss.sent.end, n)
            # an owner written with "of" or "'s" says more than a name before a noun ("X staff")
            strength = ss.score + (0.0 if _COMPOUND_OWNER.match(text[n.end : ss.sent.end]) else 0.01)
            if owned and set(terms(owned)) & owned_asked and (best is None or strength > best[0]):
                best = (strength, ss, n)
        if best is None and any(set(terms(m.group(1))) & owned_asked for m in re.finditer(
                r"\b(?:the|this|that|its)\s+((?:[\w-]+\s+)?[\w-]+)", text[ss.sent.start : ss.sent.end], re.IGNORECASE)):
            # "UNHCR funded four counsellors for the helpline": the sentence before names whose it is
            # ("The MIMEG´s helpline 155 … received 23,900 calls")
            before = [sn for sn in ctx.kb.sentences(ss.passage_id) if sn.end <= ss.sent.start][-1:]
            for sn in before:
                for n in names_in(ctx, ss.passage_id, sn.start, sn.end):
                    owned = "" if in_question(ctx, n) else _owned_by(text, sn.start, sn.end, n)
                    if owned and set(terms(owned)) & owned_asked and best is None:
                        best = (ss.score - 0.01, ss, n)
    if best is None:
        return None
    _, ss, n = best
    name = re.sub(r"[´'’]s$", "", n.text)
    return Draft(name, "relation", min(1.0, 0.2 + 0.8 * ss.coverage),
                 [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end), (n.start, n.start + len(name))], ss.score)],
                 items=[(name, n.iri)])


_COMPOUND_OWNER = re.compile(r" [a-z]")


def _owned_by(text: str, start: int, end: int, n: Name) -> str:
    """What the sentence gives ``n`` as owning: "<n>'s mobile teams", "the wallet of <n>", "<n> staff"."""
    after, before = text[n.end : end], text[start : n.start]
    if re.search(r"[´'’]s$", n.text):
        after = "'s" + after
    # (a name in quotes is owned too: "the MECA´s “Back to School” campaign")
    pm = re.match(r"\s*(?:\([^)]*\)\s*)?[´'’]s\s+((?:[\w“”\"'’-]+\s+){0,3}[\w“”\"'’-]+)", after)
    if pm:
        return pm.group(1)
    om = re.search(r"((?:[\w-]+\s+){0,3}[\w-]+)\s+of\s+(?:the\s+)?$", before)
    if om:
        return om.group(1)
    cm = re.match(r" ((?:[a-z][\w-]*\s*){1,2})", after)
    return cm.group(1) if cm else ""


# "To whom did X hand …", "through whom …", "alongside whom …": the words the text writes after
# that preposition (or one meaning the same) are the answer
_PREP_WHOM = re.compile(r"\b(to|through|with|alongside|together with|in collaboration with|jointly with|from|by) whom\b",
                        re.IGNORECASE)
_PREP_FORMS = {
    "to": r"to",
    "through": r"through(?: working with)?|via|by working with",
    "with": r"with|alongside|together with|in collaboration with|jointly with|in partnership with|in coordination with",
    "from": r"from",
    "by": r"by",
}
for _p in ("alongside", "together with", "in collaboration with", "jointly with"):
    _PREP_FORMS[_p] = _PREP_FORMS["with"]
_NOT_PARTY = re.compile(r"(?:the )?(?:end|beginning|extent|point|date|year|level|number|rate|quality|access|support)\b|"
                        r"[a-z]+ing\b|(?:be|have|ensure|improve|provide|make|help|bring|promote|strengthen)\b", re.IGNORECASE)
# "to streamline the process", "to reach its targets": a verb and its object, not a party (a party's
# second word is not a determiner: "to border authorities", "to the Government")
_INFINITIVE = re.compile(r"[a-z]+ (?:the|a|an|its|their|his|her|this|these|those|our|such)\b")


def asks_prep_whom(question: str) -> bool:
    """Whether the question asks for the party after a preposition ("to whom", "with whom")."""
    return bool(_PREP_WHOM.search(question))


def answer_prep_whom(ctx: Ctx) -> Draft | None:
    """The party a sentence names after the question's preposition: "handed over to development
    actors and to the Government", "in collaboration with private entities and NGOs"."""
    m = _PREP_WHOM.search(ctx.question)
    if not m:
        return None
    forms = _PREP_FORMS[m.group(1).lower()]
    pattern = re.compile(rf"\b(?:{forms})\s+((?:the |its |their )?[^,.;:()]{{2,120}})", re.IGNORECASE)
    for ss in ctx.scored_sentences[:5]:
        if ctx.kb.passages[ss.passage_id].kind == "table_row" or ss.coverage < 0.4:
            continue
        text = ctx.kb.passages[ss.passage_id].text
        pos = ss.sent.start
        while pm := pattern.search(text, pos, ss.sent.end):
            pos = pm.start(1)  # the next preposition may stand inside this one's words
            party = _party(pm.group(1))
            if not party or _NOT_PARTY.match(party) or set(terms(party)) <= set(ctx.focus):
                continue
            if forms == "to" and (not text[ss.sent.start : pm.start()].strip() or _INFINITIVE.match(party)):
                continue  # "To streamline the process of …, UNHCR delivered … to MoFA": a purpose, then the party
            start = pm.start(1)
            return phrase_draft(ss, start, start + len(party), party, kind="relation")
    return None


def _party(words: str) -> str:
    """The noun phrase at the start of ``words``: up to a verb, "to <verb>" or a relative clause,
    at most eight words ("development actors and to the Government")."""
    out: list[str] = []
    for w in words.split()[:8]:
        if re.fullmatch(r"(?:who|which|that|whose|where|when|while|so|on|in|for|about|is|are|was|were|has|have|had|"
                        r"[a-z]+ed)", w) and out:
            break
        if w == "to" and out and out[-1] != "and":
            break
        out.append(w)
    while out and out[-1].lower() in ("and", "or", "to", "the", "of"):
        out.pop()
    return " ".join(out)


# "which agency worked with UNHCR on …", "besides UNHCR, which agency …", "co-delivered, with UNHCR,
# …", "alongside UNHCR": the question names one actor and asks for the one it acted with
_CO_BEFORE = re.compile(r"\b(?:with|besides|alongside|along with|together with|jointly with|in addition to|apart from|"
                        r"other than|as well as|partnering|partnered with)\s*,?\s*(?:the\s+)?$", re.IGNORECASE)
_CO_VERB = re.compile(r"\bco-?(?:deliver|organi[sz]|host|run|implement|facilitat|fund|financ|lead|led|chair|manag|"
                      r"develop|design|sign)\w*\b", re.IGNORECASE)
_ASKS_WHEN = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+)?(?:day|date|year|month|week|period|time|season)\b", re.IGNORECASE)
# in the text: "UNHCR and WFP carried out …", "WFP and UNHCR …", "UNHCR, together with IOM, …"
_JOINED_AFTER = re.compile(r"^\s*(?:\([^()]{1,20}\)\s*)?(?:,\s*)?(?:and|together with|jointly with|along with|with)\s+"
                           r"(?:the\s+)?$", re.IGNORECASE)
# later in the clause: "UNHCR … co-led, with UNDP, the results group", "… in partnership with the ILO"
_JOINED_LATER = re.compile(r"(?:,\s*(?:together with|jointly with|along with|alongside|with)|\b(?:together with|jointly with|"
                           r"alongside|in partnership with|in collaboration with))\s+(?:the\s+)?$", re.IGNORECASE)
_JOINED_BEFORE = re.compile(r"^\s*(?:\([^()]{1,20}\)\s*)?(?:and|,\s*together with|,\s*along with)\s+(?:the\s+)?$",
                            re.IGNORECASE)


def _co_link(ctx: Ctx) -> Link | None:
    """The actor the question says the answer acted with, if it asks so."""
    q = ctx.question
    for lk in ctx.links:
        if _CO_BEFORE.search(q[max(0, lk.start - 30) : lk.start]):
            return lk
        # "which agency joined UNHCR in paying cash grants": a partner in the act (not "joined the
        # platform", a membership)
        if re.search(r"\b(?:join(?:ed|s|ing)?|teamed up with|joined forces with)\s+(?:the\s+)?$", q[max(0, lk.start - 30) : lk.start],
                     re.IGNORECASE) and re.match(r"\s+(?:in|for)\s+\w+ing\b", q[lk.end :], re.IGNORECASE):
            return lk
    verb = _CO_VERB.search(q)
    # the co-verb is the asked actor's own ("which office co-delivered …"), not in a clause naming
    # something else ("the group that UNHCR co-led is part of which framework")
    if verb and re.match(r"\s*(?:which|what|who)\b(?:\s+[\w'’-]+){0,4}?\s*$", q[: verb.start()], re.IGNORECASE):
        return next((lk for lk in ctx.links if (e := ctx.kb.entity(lk.iri)) is not None and e.type == "Organization"),
                    None)
    return None


def answer_co_actor(ctx: Ctx) -> Draft | None:
    """The actor written joined with the one the question names, in the best sentences."""
    if not re.search(r"\b(?:which|what|who|whom|name)\b|^\s*(?:partner|agency|organi[sz]ation)\b", ctx.question,
                     re.IGNORECASE) or _PREP_WHOM.search(ctx.question) or _ASKS_WHEN.search(ctx.question):
        return None
    lk = _co_link(ctx)
    if lk is None:
        return None
    kind, words = asked_type(ctx.question)
    if kind == "place":
        return None
    entity = ctx.kb.entity(lk.iri)
    if entity is None or entity.type != "Organization":
        return None
    given = _figures_given(ctx.question)
    for ss in ctx.scored_sentences[:3]:
        text = ctx.kb.passages[ss.passage_id].text
        # "the coaching given to 380 council members": a sentence stating the figure given is surer
        stated = bool(given & {n.value for n in numbers(text[ss.sent.start : ss.sent.end])})
        if ss.coverage < (0.3 if stated else 0.4):
            continue
        names = names_in(ctx, ss.passage_id, ss.sent.start, ss.sent.end)
        anchors = [i for i, n in enumerate(names) if n.iri == lk.iri]
        found: list[Name] = []
        for i in anchors:
            a = names[i]
            if i + 1 < len(names) and _JOINED_AFTER.match(text[a.end : names[i + 1].start]):
                found.append(names[i + 1])
            if i > 0 and _JOINED_BEFORE.match(text[names[i - 1].end : a.start]):
                found.append(names[i - 1])
            found.extend(n for n in names[i + 1 :] if n not in found and not re.search(r"[;:]", text[a.end : n.start])
                         and _JOINED_LATER.search(text[max(a.end, n.start - 40) : n.start]))
        found = [n for n in found if not in_question(ctx, n) and fits(ctx, n, kind, words)]
        if not found:
            continue
        conf = min(1.0, 0.2 + 0.8 * ss.coverage + (0.1 if stated else 0.0))
        return Draft(join([_display(ctx, n) for n in found[:1]]), "relation", conf,
                     [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end), (found[0].start, found[0].end)], ss.score)],
                     items=[(_display(ctx, n), n.iri) for n in found[:1]])
    return None


# "who sits on the steering group", "which bodies make up the platform", "who are the members of …"
_ASKS_COMPOSITION = re.compile(
    r"^\s*(?:who|which (?:[\w-]+ ){0,2}(?:bodies|organi[sz]ations|actors|institutions|members|groups|entities|parties|"
    r"stakeholders|agencies))\s+(?:sits?|sat|serves?|served|is|are|was|were|takes? part|took part|participates?|participated|"
    r"(?:is|are|was|were) represented)\s+(?:on|in)\b|"
    r"\bwho (?:are|were) (?:the )?members of\b|\b(?:make|makes|made) up\b|\b(?:composed|comprised) of\b|\bcomposition of\b",
    re.IGNORECASE)
# "… brings together nine line ministries, district local governments, donors, UN agencies, NGOs and …"
_COMPOSED = re.compile(r"\b(?:brings? together|brought together|bringing together|comprises|comprised|is made up of|"
                       r"was made up of|consists of|consisted of|gathers|gathered|unites|united|groups|grouped)\s+",
                       re.IGNORECASE)


def answer_composition(ctx: Ctx) -> Draft | None:
    """The members a sentence lists after "brings together / comprises" for the body the question
    asks about, written as the report writes them (often kinds of actors, not names)."""
    if not _ASKS_COMPOSITION.search(ctx.question):
        return None
    for ss in ctx.scored_sentences[:2]:
        if ss.coverage < 0.45:
            continue
        text = ctx.kb.passages[ss.passage_id].text
        raw = text[ss.sent.start : ss.sent.end]
        m = _COMPOSED.search(raw)
        if m is None:
            continue
        listed = re.split(r"[;:]|\.\s|\.$|,\s+(?:which|who|that|where|while|whose)\b", raw[m.end() :])[0].strip(" ,.")
        if not listed or len(listed) > 250 or not re.search(r",|\band\b", listed):
            continue
        a = ss.sent.start + m.end()
        conf = min(1.0, 0.2 + 0.8 * ss.coverage)
        return Draft(listed, "list", conf, [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end), (a, a + len(listed))],
                                                      ss.score)])
    return None
