"""Where questions: named places from the graph and the text, checked against what was asked,
and places written as common nouns ("at the border", "in several coastal towns").

A named place answers "in which city …" only when it is not a country; a question whose thing
located is a noun the report never uses gets a doubt. When the best sentence says where with a
common noun rather than a name, that phrase is the answer.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.sentences import split_sentences

from .context import Ctx, Draft, Evidence, ScoredSent
from .figure_words import REFERS_BACK
from .intent import detect, rewrite
from .lookup import answer_location
from .names import Name, in_question, join, names_in
from .paraphrase import said_otherwise
from .relations import answer_names_from_text
from .text import Sent, find_phrase, terms

_DETERMINED_NOUN = re.compile(r"\b(?:the|an?|its|their)\s+(?:[a-z][\w-]*(?:al|ive|ous|ic|ful|able|ible|ary)\s+)?"
                             r"([a-z][\w-]+)", re.IGNORECASE)


def answer_place(ctx: Ctx) -> Draft | None:
    """"In which city is the embassy of X": a noun the reports never use is the thing located (an
    unknown verb, "get stuck", is only another way of saying what the report says)."""
    outposts = answer_outposts(ctx)
    if outposts is not None:
        return outposts
    d = _named_elsewhere(ctx, answer_location(ctx))
    phrase = _place_phrase(ctx)
    if phrase is not None and (d is None or phrase.confidence >= d.confidence + 0.15):
        d = phrase
    # the noun after a determiner, past an adjective: "their original location" is about a location
    nouns = {t: m.group(1) for m in _DETERMINED_NOUN.finditer(ctx.question) for t in terms(m.group(1))}
    unknown = [t for t in ctx.focus if t in nouns and t not in ctx.vocabulary and t.isalpha()]
    if d is not None and unknown:
        cited = " ".join(ctx.kb.passages[e.passage_id].text[a:b] for e in d.evidence[:1] for a, b in e.spans[:1])
        # "the parliament's committee" for "the Budget Committee of the National Assembly"
        unknown = [t for t in unknown if not said_otherwise(ctx, nouns[t].removesuffix("'s"), cited)]
    if d is not None and unknown:
        d.confidence *= 0.4
        d.notes.append("doubt: the reports never use " + ", ".join(unknown))
    return doubt_country_for_city(ctx, _doubt_other_kind(ctx, d))


def _named_elsewhere(ctx: Ctx, d: Draft | None) -> Draft | None:
    """The graph's place, unless its evidence leaves out a body the question names ("with ECHO
    money") that the sentence read from the text names, with a place of its own."""
    if d is None or not d.triples:
        return d
    cited = " ".join(ctx.kb.passages[e.passage_id].text for e in d.evidence)
    named = [lk for lk in ctx.links if lk.score >= 0.9 and not ctx.kb.ubiquitous(lk.iri)]
    missing = [lk for lk in named if not any(find_phrase(cited, f) for f in ctx.kb.surfaces(lk.iri) or [lk.surface])]
    if not missing:
        return d
    text = answer_names_from_text(ctx, "location")
    if text is None or text.confidence < ctx.options.min_confidence:
        return d
    said = " ".join(ctx.kb.passages[e.passage_id].text[a:b] for e in text.evidence for a, b in e.spans)
    if all(any(find_phrase(said, f) for f in ctx.kb.surfaces(lk.iri) or [lk.surface]) for lk in missing):
        return text
    return d


_PLACE_KINDS = ("settlement", "camp", "district", "village", "municipality", "province", "region", "department",
                "city", "town")
_ASKED_KIND = re.compile(rf"\b(?:which|what) ({'|'.join(_PLACE_KINDS)})\b", re.IGNORECASE)


def _doubt_other_kind(ctx: Ctx, d: Draft | None) -> Draft | None:
    """"In which district was the settlement set up": "Lwamba settlement" is the settlement asked
    about, not the district; a name the cited text writes with another kind of place is doubted."""
    m = _ASKED_KIND.search(ctx.question)
    if d is None or m is None or not d.text or not d.evidence:
        return d
    asked = m.group(1).lower()
    text = ctx.kb.passages[d.evidence[0].passage_id].text
    others = "|".join(k for k in _PLACE_KINDS if k != asked)
    if re.search(rf"\b{re.escape(d.text)}\s+(?:{others})\b", text, re.IGNORECASE) and not re.search(
            rf"\b{re.escape(d.text)}\s+{asked}\b", text, re.IGNORECASE):
        a, b = d.evidence[0].spans[0] if d.evidence[0].spans else (0, len(text))
        sent = next((x for x in split_sentences(text) if x.start <= a < x.end), None)
        lo, hi = (sent.start, sent.end) if sent else (a, b)
        named = re.search(rf"\b((?:[A-Z][\w'’-]+\s)+)(?i:{asked})\b", text[lo:hi])
        if named and named.group(1).split()[0].lower() not in ("the", "a", "an", "in", "this"):
            # the sentence names the place of the kind asked: "by the Nakori District Local Government"
            name = named.group(1).strip()
            span = (lo + named.start(1), lo + named.end())
            return Draft(name, "location", min(1.0, d.confidence * 0.9), [Evidence(d.evidence[0].passage_id, [span], 1.0)],
                         items=[(name, None)])
        d.confidence *= 0.4
        d.notes.append(f"doubt: the text writes {d.text} as another kind of place than a {asked}")
    return d


# "where does UNHCR run a field office": the places the text lists right after that kind of office
_OUTPOST = re.compile(r"(?:\b(?:run|runs|ran|have|has|had|maintain\w*|keep|keeps|kept|open\w*|operat\w*|host\w*)\s+"
                      r"(?:a|an|its|their|the|any)?\s*|(?:['’]s|\bits|\btheir)\s+)"
                      r"((?:field|sub-?|country|liaison|registration) ?(?:offices?|units?|desks?)|representations?|"
                      r"service points?|(?:main\s+)?(?:national|head|main)\s+offices?)\b", re.IGNORECASE)
# "its main national office", "head office": what reports call the country office
_COUNTRY_OFFICE = re.compile(r"(?:main\s+)?(?:national|head|main)\s+office", re.IGNORECASE)


def answer_outposts(ctx: Ctx) -> Draft | None:
    """The named places written right after the kind of office the question asks about ("field
    offices in A and B"), not every place the body works in."""
    m = _OUTPOST.search(ctx.question)
    found = _places_after(ctx, _COUNTRY_OFFICE.sub("country office", m.group(1))) if m else None
    if found is None:
        return None
    ss, listed = found
    listed = [n for n in listed if not in_question(ctx, n)]
    if not listed:
        return None
    return Draft(join([n.text for n in listed]), "location", min(1.0, 0.2 + 0.8 * ss.coverage),
                 [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end)], ss.score)],
                 items=[(n.text, n.iri) for n in listed])


_HOW_MANY_OUTPOSTS = re.compile(r"\bhow many ((?:field|sub-?|country|liaison|registration) ?(?:offices|units|desks)|"
                                r"representations|service points)\b", re.IGNORECASE)


def answer_outpost_count(ctx: Ctx) -> Draft | None:
    """"How many field offices does X have": the places the text lists after that kind of office,
    counted ("field offices in A and B" → 2)."""
    m = _HOW_MANY_OUTPOSTS.search(ctx.question)
    found = _places_after(ctx, m.group(1)) if m else None
    if found is None:
        return None
    ss, listed = found
    text = f"{len(listed)} ({join([n.text for n in listed])})"
    return Draft(text, "number", min(1.0, 0.2 + 0.8 * ss.coverage),
                 [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end)], ss.score)])


def _places_after(ctx: Ctx, kind: str) -> tuple[ScoredSent, list[Name]] | None:
    """The best sentence writing "<kind> in A, B and C", and the places listed."""
    # the kind as written, across a line break ("field \noffices in")
    written = r"\s+".join(re.escape(w) for w in kind.lower().rstrip("s").split())
    pattern = re.compile(rf"\b{written}s?\s+(?:in|at)\s+", re.IGNORECASE)
    # "where does the GIHM keep sub-offices": a sentence about another body's offices does not say
    named = [lk for lk in ctx.links if lk.score >= 0.9 and not ctx.kb.ubiquitous(lk.iri)]
    for ss in ctx.scored_sentences[:5]:
        p = ctx.kb.passages[ss.passage_id]
        if p.kind == "table_row" or ss.coverage < 0.35:
            continue
        raw = p.text[ss.sent.start : ss.sent.end]
        if any(not any(find_phrase(raw, f) for f in ctx.kb.surfaces(lk.iri) or [lk.surface]) for lk in named):
            continue
        at = pattern.search(p.text, ss.sent.start, ss.sent.end)
        if at is None:
            continue
        names = [n for n in names_in(ctx, ss.passage_id, at.end(), ss.sent.end) if n.iri and "/place/" in n.iri]
        listed: list[Name] = []
        end = at.end()
        for n in names:
            if not re.fullmatch(r"\s*(?:,|and|,\s*and)?\s*", p.text[end : n.start]):
                break
            listed.append(n)
            end = n.end
        if listed:
            return ss, listed
    return None


def doubt_country_for_city(ctx: Ctx, d: Draft | None) -> Draft | None:
    """"In which city / cities …" is not answered by a country alone."""
    items = (d.items or [(x, None) for x in re.split(r",\s*|\s+and\s+", d.text) if x]) if d is not None else []
    if d is not None and items and _SUBNATIONAL.search(ctx.question) and all(
            _is_country(ctx, name, iri) for name, iri in items):
        d.confidence *= 0.4
        d.notes.append("doubt: a city or region was asked, the report names only a country")
    elif d is not None and items and not re.search(r"\bcountr(?:y|ies)\b|\bnations?\b", ctx.question, re.IGNORECASE):
        # "where were the two new shelters opened?": the report's own country is where everything happened
        own = {c.lower() for c in ctx.countries}
        if own and all(name.lower() in own for name, _ in items):
            d.confidence *= 0.4
            d.notes.append("doubt: the answer is only the country the report is about")
    return d


_SUBNATIONAL = re.compile(r"\b(?:which|what)\s+(?:\w+\s+)?(?:city|cities|town|towns|municipalit(?:y|ies)|district|"
                          r"districts|province|provinces|region|regions|department|departments)\b", re.IGNORECASE)


def _is_country(ctx: Ctx, name: str, iri: str | None) -> bool:
    iris = {iri} if iri else ctx.kb._lookup(name)
    return bool(iris) and all("/place/country-" in i for i in iris)




# A place written as a common noun: "at the border", "in several coastal towns", "to the registration
# offices", "on the main roads out of the border areas".
_PLACE_HEAD = (r"(?:border\s+(?:points?|areas?|crossings?)|borders?|towns?|cities|city|offices?|roads?|highways?|areas?|"
               r"regions?|communities|settlements?|shelters?|points?|crossings?|centres?|centers?|provinces?|"
               r"municipalities|districts?|camps?|sites?|coast|streets?|neighbou?rhoods?|villages?|hospitals?|clinics?|"
               r"schools?|universit(?:y|ies)|ports?|airports?|terminals?|prisons?|facilities)")
_PLACE_PP = re.compile(
    r"\b(?:in|at|to|on|along|across|near|from)\s+((?:the|several|some|all|its|their|many|two|three|four|five)\s+)?"
    r"((?:[\w-]+\s+){0,3}?" + _PLACE_HEAD + r"(?:\s+" + _PLACE_HEAD + r")?(?:\s+(?:out\s+of|of|near|along)\s+the\s+(?:[\w-]+\s+){0,2}?" + _PLACE_HEAD + r")?"
    # "in the areas affected by the floods": the areas are those the participle names
    r"(?:\s+(?:affected|hit|struck|hosting|served|covered|reached)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+"
    r"(?=\s*(?:[,.;:)]|$|\s+(?:and|but|where|which|while|as)\b)))?)\b",
    re.IGNORECASE)


def _place_phrase(ctx: Ctx) -> Draft | None:
    """The common-noun place of the best sentence, when it is not what the question already says."""
    asked = set(ctx.focus)
    # "out of which part …" asks where from
    question = re.sub(r"\bout of (which|what)\b", r"from \1", ctx.question, flags=re.IGNORECASE)
    prep = _ASKED_PREP.search(question)
    for ss in ctx.scored_sentences[:3]:
        raw = ctx.kb.passages[ss.passage_id].text[ss.sent.start : ss.sent.end]
        scene = None if _PLACE_PP.search(raw) else _scene_before(ctx, ss)
        # "Of them, 6,210 were assisted at border points": the sentence before says who "them" are;
        # "At borders, new arrivals …. UNHCR provided …": the place that sentence opens with is this one's
        coverage = ss.ctx_coverage if REFERS_BACK.match(raw) or scene else ss.coverage
        if scene is not None:
            ss, raw = scene
        if coverage < 0.75 or ctx.kb.passages[ss.passage_id].kind == "table_row":
            continue
        if coverage < 0.9:
            # a common noun is a weaker answer than a name: the sentence must say all the rest, if
            # need be in other words ("wrongly blamed" for "falsely accused")
            if not _rest_said_otherwise(ctx, ss.matched, raw):
                continue
            coverage = 0.9
        found = list(_PLACE_PP.finditer(raw))
        if prep:
            # "from which part of the country …": the place written after that preposition comes first
            found.sort(key=lambda m: m.group().split()[0].lower() != prep.group(1).lower())
        elif not re.search(r"\bfrom (?:which|what|where)\b", question, re.IGNORECASE):
            found = [m for m in found if m.group().split()[0].lower() != "from"]  # where things came from is not where
        for m in found:
            phrase = " ".join(m.group(2).split())
            if set(terms(phrase)) <= asked:
                continue  # "… at the border?" asked: the border is not the answer
            cov = 0.5 * (coverage + max(coverage, ss.ctx_coverage))
            conf = max(0.0, min(1.0, 0.05 + 0.85 * cov))
            a, b = ss.sent.start + m.start(), ss.sent.start + m.end()
            return Draft(" ".join(m.group(0).split()), "location", conf,
                         [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end), (a, b)], ss.score)])
    return None


def _scene_before(ctx: Ctx, ss: ScoredSent) -> tuple[ScoredSent, str] | None:
    """``ss`` with the sentence before it in its passage, when that one opens with a place ("At
    borders, …"), as one scored sentence standing for both."""
    sents = ctx.kb.sentences(ss.passage_id)
    i = next((k for k, s in enumerate(sents) if s.start == ss.sent.start), 0)
    if i == 0:
        return None
    prev = sents[i - 1]
    text = ctx.kb.passages[ss.passage_id].text
    indent = len(text[prev.start : prev.end]) - len(text[prev.start : prev.end].lstrip())
    m = _PLACE_PP.match(text, prev.start + indent)
    if m is None or not text[m.end() : m.end() + 2].startswith(","):
        return None
    both = Sent(prev.start, ss.sent.end, f"{prev.text} {ss.sent.text}")
    return replace(ss, sent=both), text[both.start : both.end]


_ASKED_PREP = re.compile(r"\b(in|at|to|on|along|across|near|from) (?:which|what)\b", re.IGNORECASE)


def _rest_said_otherwise(ctx: Ctx, matched: frozenset[str] | set[str], raw: str) -> bool:
    """Every run of question words the sentence does not use is said there in other words."""
    missing = set(ctx.focus) - set(matched)
    runs: list[list[str]] = [[]]
    for word in re.findall(r"[\w'-]+", ctx.question):
        t = terms(word)
        if t and set(t) <= missing:
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    runs = [r for r in runs if r]
    return bool(runs) and all(said_otherwise(ctx, " ".join(r), raw) for r in runs)


_ASKS_DIRECTION = re.compile(r"\b(?:which|what) direction\b|\bwhich way\b", re.IGNORECASE)
_DIRECTION = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:wards?|bound|ern)?\b", re.IGNORECASE)


# "the flow in which direction shrank, and which direction grew?", "which way … and which way …"
_TWO_DIRECTIONS = re.compile(r"\b(?:which|what) (?:direction|way)\b[^?]*\band (?:in )?(?:which|what)(?: (?:direction|way|one))?\b",
                             re.IGNORECASE)


_ASKS_SIDE = re.compile(r"\b(?:which|what) (?:side|part|end|corner) of\b", re.IGNORECASE)
_COMPASS_SIDE = re.compile(r"\b(?:(?:north|south)-?)?(?:east|west)ern\b|\b(?:north|south)ern\b", re.IGNORECASE)


def answer_side(ctx: Ctx) -> Draft | None:
    """"Which side of the country is the border on": the compass adjective the best sentence writes
    with the thing asked about ("the eastern border")."""
    if not _ASKS_SIDE.search(ctx.question):
        return None
    for ss in ctx.scored_sentences[:3]:
        if ctx.kb.passages[ss.passage_id].kind == "table_row" or ss.coverage < 0.4:
            continue
        text = ctx.kb.passages[ss.passage_id].text
        # the adjective written before a word of the question ("the eastern border", "northern provinces")
        said = [m for m in _COMPASS_SIDE.finditer(text, ss.sent.start, ss.sent.end)
                if (after := re.match(r"\s+([\w-]+)", text[m.end() :])) and set(terms(after.group(1))) & set(ctx.focus)]
        if said:
            m = said[0]
            return Draft(m.group(), "location", min(1.0, 0.2 + 0.8 * ss.coverage),
                         [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end), (m.start(), m.end())], ss.score)])
    return None


_LANDMARKS = r"forest|river|lake|valley|mountains?|desert|corridor|island|coast|bay|park|reserve|basin|jungle|highway|sea"
_ASKS_LANDMARK = re.compile(rf"\b(?:which|what)\s+({_LANDMARKS})\b", re.IGNORECASE)


def answer_landmark(ctx: Ctx) -> Draft | None:
    """"In which forest did UNHCR record 96 deaths": the name written with that noun in the best
    sentence ("the Anil forest", "the River Sinde"), or, when it says only "the forest", in the
    sentences before it in its passage."""
    m = _ASKS_LANDMARK.search(ctx.question)
    if m is None:
        return None
    noun = m.group(1).lower().rstrip("s")
    named = re.compile(rf"\b((?:[A-Z][\w'’-]+\s+){{1,3}})(?i:{noun}s?)\b|\b(?i:{noun}s?)\s+(?:of\s+)?((?:[A-Z][\w'’-]+\s*){{1,3}})")
    for ss in ctx.scored_sentences[:3]:
        if ctx.kb.passages[ss.passage_id].kind == "table_row" or ss.coverage < 0.5:
            continue
        text = ctx.kb.passages[ss.passage_id].text
        # the sentence itself, then back through its passage when it says "the forest"
        starts = [s.start for s in ctx.kb.sentences(ss.passage_id) if s.start <= ss.sent.start]
        if not re.search(rf"\b(?:the|this|that)\s+{noun}\b", text[ss.sent.start : ss.sent.end], re.IGNORECASE):
            starts = starts[-1:]
        for start in reversed(starts):
            end = ss.sent.end if start == ss.sent.start else next(s.end for s in ctx.kb.sentences(ss.passage_id)
                                                                   if s.start == start)
            for hit in named.finditer(text, start, end):
                g = 1 if hit.group(1) else 2
                name = " ".join(hit.group(g).split())
                if name.split()[0].lower() in ("the", "a", "an", "in", "on", "of") or not name[:1].isupper():
                    continue
                whole = " ".join(hit.group().split())
                return Draft(whole, "location", min(1.0, 0.2 + 0.8 * ss.coverage),
                             [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end), hit.span()], ss.score)])
    return None


def answer_direction_of_travel(ctx: Ctx) -> Draft | None:
    """"In which direction did the flows head": the compass word of the best sentence; of several,
    the one whose words before it say what the question says ("a decrease in the southward flow and
    an increase in the northward movement")."""
    if not _ASKS_DIRECTION.search(ctx.question):
        return None
    framing = set(terms("direction directed way"))  # the words asking for a direction do not tell them apart
    asked = {t: ctx.weight(t) for t in ctx.focus if t not in framing}
    for ss in ctx.scored_sentences[:5]:
        if ctx.kb.passages[ss.passage_id].kind == "table_row" or ss.coverage < 0.3:
            continue
        text = ctx.kb.passages[ss.passage_id].text
        found = list(_DIRECTION.finditer(text, ss.sent.start, ss.sent.end))
        if not found:
            continue
        start = ss.sent.start
        by_way: dict[str, re.Match[str]] = {}
        for m in found:  # each direction once, where the words before it say most of the question
            if not re.search(r"(?:wards?|bound)$", m.group(), re.IGNORECASE):
                continue  # "the eastern border" is where, not which way
            way = m.group().lower().rstrip("s")
            if way not in by_way or _said_before(text, start, m.start(), asked) > _said_before(
                    text, start, by_way[way].start(), asked):
                by_way[way] = m
        distinct = sorted(by_way.values(), key=lambda m: m.start())
        if _TWO_DIRECTIONS.search(ctx.question) and len(distinct) >= 2:
            # "which direction shrank, and which grew?": each direction with the change written before it
            parts = [f"{m.group()} ({' '.join(text[max(start, m.start() - 40) : m.start()].split()[-4:])})"
                     for m in distinct[:2]]
            return Draft("; ".join(parts), "location", min(1.0, 0.2 + 0.8 * ss.coverage),
                         [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end)]
                                   + [(m.start(), m.end()) for m in distinct[:2]], ss.score)])
        best = max(found, key=lambda m: (_said_before(text, start, m.start(), asked), -m.start()))
        return Draft(best.group(), "location", min(1.0, 0.2 + 0.8 * ss.coverage),
                     [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end), (best.start(), best.end())], ss.score)])
    return None


def _said_before(text: str, start: int, at: int, asked: dict[str, float]) -> float:
    """Weight of the question's words among the six words before ``at``, in its own phrase ("… and
    a subsequent increase in the northward movement": "increase", not what came before "and")."""
    phrase = re.split(r"[,;:()]|\band\b|\bbut\b|\bwhile\b", text[start:at])[-1]
    lead = set(terms(" ".join(phrase.split()[-6:])))
    return sum(w for t, w in asked.items() if t in lead)


# "Were the fairs held in a few cities or nationwide?", "limited to some places or across the whole country?"
_ASKS_SCOPE = re.compile(
    r"\b(?:a few|some|certain|specific|just|only|selected|limited to)\b[^?]*\b(?:places?|locations?|cities|towns|"
    r"regions?|areas?|provinces?|districts?)\b[^?]*\bor\b[^?]*\b(?:nationwide|nation-wide|across the (?:whole )?country|"
    r"(?:all|throughout|around) the country|national(?:ly)?(?: level| scale)?|country-?wide)\b",
    re.IGNORECASE,
)
_NATIONWIDE = re.compile(r"\b(?:nationwide|nation-wide|country-?wide|across the (?:whole |entire )?country|"
                         r"throughout the country|(?:at|on) (?:the|a) national (?:level|scale)|in all (?:regions|provinces)|"
                         r"all over the country)\b", re.IGNORECASE)


def answer_scope(ctx: Ctx) -> Draft | None:
    """Whether the best sentences say the activity asked about reached the whole country."""
    if not _ASKS_SCOPE.search(ctx.question):
        return None
    for ss in ctx.scored_sentences[:4]:
        if ss.coverage < 0.3:
            continue
        raw = ctx.kb.passages[ss.passage_id].text[ss.sent.start : ss.sent.end]
        m = _NATIONWIDE.search(raw)
        if m:
            a, b = ss.sent.start + m.start(), ss.sent.start + m.end()
            return Draft(" ".join(m.group().split()), "location", min(1.0, 0.3 + 0.7 * ss.coverage),
                         [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end), (a, b)], ss.score)])
    return None


# "Which city both hosted the regional meeting and houses a field office?", "in which town did people
# get permits at the fairs and did UNHCR also repair classrooms?": two conditions on one place
_BOTH = re.compile(
    r"^\s*(?P<lead>(?:in |at )?(?:which|what) (?P<noun>cit(?:y|ies)|towns?|countr(?:y|ies)|places?|departments?|regions?|"
    r"districts?|settlements?|provinces?|municipalit(?:y|ies)|locations?|border (?:areas?|towns?))\b)\s+"
    r"(?:(?P<aux>did|was|were|is|are|has|had)\s+)?(?P<both>both\s+)?(?P<a>.+?),?\s+and\s+(?P<b>.+?)\s*\?\s*$",
    re.IGNORECASE)


def _words_before_list(ctx: Ctx, ss: ScoredSent, name: Name, half: str) -> float:
    """The weight (rarity) of a half question's own words that the text writes just before the list
    ``name`` is in ("field offices in Rio Claro and Juncal": "field", "office" for Juncal, not for
    the country office written before)."""
    text = ctx.kb.passages[ss.passage_id].text
    start = name.start
    # back over the names listed with it ("Rio Claro and Juncal", "A, B and C")
    while m := re.search(r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)(?:,\s*|\s+and\s+|,\s+and\s+)$", text[ss.sent.start : start]):
        start = ss.sent.start + m.start(1)
    lead = text[max(ss.sent.start, start - 60) : start]
    lead = re.split(r"[,;]", lead)[-1]
    asked = set(terms(half)) - {"citi", "town", "place", "border"}
    return sum(ctx.weight(t) for t in asked & set(terms(lead)))


def answer_both_places(ctx: Ctx) -> Draft | None:
    """The place each condition's best sentences name, when one place answers both halves."""
    m = _BOTH.match(ctx.question)
    # "which country took in refugees both through the pilot and as a resettlement destination": the
    # words before "both" belong to each half
    inner = re.match(r"(?P<shared>.+?)\s+both\s+(?P<a>.+)$", m.group("a"), re.IGNORECASE) \
        if m and not m.group("both") and not re.search(r"(?:ies|s)$", m.group("noun"), re.IGNORECASE) else None
    if m is None or not (m.group("both") or inner or re.search(r"\balso\b", m.group("b"), re.IGNORECASE)):
        return None
    lead, aux = m.group("lead"), (m.group("aux") + " ") if m.group("aux") else ""
    b = re.sub(r"^(?:did|was|were|is|are|has|had)\s+", "", m.group("b"), flags=re.IGNORECASE)
    if inner:
        shared = inner.group("shared")
        halves = [f"{lead} {aux}{shared} {inner.group('a')}?", f"{lead} {aux}{shared} {b}?"]
    else:
        halves = [f"{lead} {aux}{m.group('a')}?", f"{lead} {aux}{b}?"]
    own = {c.lower() for c in ctx.countries}
    found: list[dict[str, tuple[float, ScoredSent, Name]]] = []
    for half in halves:
        q = rewrite(half)
        sub = Ctx(q, detect(q), ctx.kb, ctx.report, ctx.options)
        places: dict[str, tuple[float, ScoredSent, Name]] = {}
        for ss in sub.scored_sentences[:4]:
            if ss.coverage < 0.3:
                continue
            raw = ctx.kb.passages[ss.passage_id].text[ss.sent.start : ss.sent.end]
            # the places the sentence writes, also inside a name ("the Field Office of Lima")
            for lk in ctx.kb.link(raw):
                n = Name(lk.surface, ss.sent.start + lk.start, ss.sent.start + lk.end, lk.iri, "Location")
                of = re.search(r"\bof (?:the )?([A-Z][\w-]*(?: [A-Z][\w-]*)*)$", lk.surface)
                if "/place/" not in lk.iri and of:
                    inner = sorted(i for i in ctx.kb._lookup(of.group(1)) if "/place/" in i)
                    if inner:
                        n = Name(of.group(1), n.end - len(of.group(1)), n.end, inner[0], "Location")
                if not n.iri or "/place/" not in n.iri or lk.score < 0.9 or in_question(ctx, n) or n.text.lower() in own:
                    continue
                if n.iri not in places or places[n.iri][0] < ss.coverage:
                    places[n.iri] = (ss.coverage, ss, n)
        found.append(places)
    both = sorted(((min(found[0][k][0], found[1][k][0]), k) for k in found[0].keys() & found[1].keys()), reverse=True)
    if not both:
        return None
    top = [k for score, k in both if score >= both[0][0] - 1e-9]
    if len(top) > 1 and not m.group("noun").lower().endswith(("ies", "s")):
        # two places fit both halves' sentences: the one each half's own words are written with
        # ("a country office in Pedra Alta, field offices in Rio Claro and Juncal")
        near = {k: [_words_before_list(ctx, found[i][k][1], found[i][k][2], halves[i]) for i in (0, 1)] for k in top}
        best = max(sum(v) for v in near.values())
        top = [k for k in top if sum(near[k]) >= best - 1e-9 and min(near[k]) > 0]
        if len(top) != 1:
            return None  # the question's one place is not determined
    names = [found[0][k][2] for k in top]
    evidence = [Evidence(found[i][k][1].passage_id, [(found[i][k][1].sent.start, found[i][k][1].sent.end)],
                         found[i][k][0]) for k in top for i in (0, 1)]
    conf = min(1.0, 0.35 + 0.6 * both[0][0])
    return Draft(join([n.text for n in names]), "location", conf, evidence, items=[(n.text, n.iri) for n in names])
