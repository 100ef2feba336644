"""Sentence-level mention detection: runs every detector of ``graph.mentions`` plus the special
ones here — quoted titles, learnt places and lower-case phrases, definite references ("the
Platform"), names listed after a class noun ("partners (A and B)"), sub-bodies ("the steering
committee of X"), national chapters ("Caritas Aldera") and named hazards ("cyclone Ana").
"""

from __future__ import annotations

import re

from .acronyms import is_acronym
from .gazetteer import fold
from .lexicon import NAME_CONNECTORS, SENTENCE_OPENERS, cue_type
from .mentions import (
    Cand,
    Knowledge,
    _acronyms,
    _chunks,
    _gap_is_space,
    _gazetteer,
    _head,
    _long_forms,
    canonical,
    fold_text,
    name_type,
    tokens,
)

_INSTITUTION_WORDS = frozenset("government congress parliament senate judiciary state".split())
_DEF_REF_WORDS = frozenset(
    """platform commission committee network ministry protocol guidelines plan programme program strategy
    roundtable table policy mechanism system card certificate permit forum council office unit law decree
    campaign alliance group survey initiative project""".split()
)


def detect(text: str, s0: int, s1: int, kn: Knowledge) -> list[Cand]:
    """All candidate mentions in the sentence ``text[s0:s1]`` (overlaps not yet resolved)."""
    toks = tokens(text, s0, s1)
    cands: list[Cand] = []
    cands += _gazetteer(text, toks, kn)
    cands += _acronyms(toks, kn)
    cands += _long_forms(text, s0, s1, kn)
    cands += _chunks(text, toks, s0, kn)
    cands += _quoted(text, s0, s1)
    cands += _places(text, toks, kn)
    cands += _phrases(text, s0, s1, kn)
    cands += _definite_refs(text, toks)
    cands += _named_hazards(text, s0, s1)
    cands += _listed(text, s0, s1, kn)
    cands += _sub_bodies(text, s0, s1, cands)
    cands += _branches(text, toks, kn)
    cands += _class_named(text, s0, s1)
    return _split_sub_body_names(text, cands)


_SUB_BODY = re.compile(
    r"\b((?:executive|steering|technical|coordination|advisory|management|results)\s+(?:committee|board|group)"
    r"|secretariat|governing board|legal clinic|clinic"
    # "the protection sector of the X": a lower-case coordination sub-body after an article
    r"|(?<=\b(?:the|its)\s)(?:(?!(?:of|and|or|for|in|on|to|with|by|from|at)\s)[a-z][a-z-]+\s+){0,2}?"
    r"(?:sub-?sector|sector|cluster|working\s+group|task\s+force|sub-?group|sub-?committee|committee|board))"
    r"(?:\s+on\s+[a-z]+(?:\s+[a-z]+){0,3}?)?\s+of\s+(?:the\s+)?"
)


def _sub_bodies(text: str, s0: int, s1: int, cands: list[Cand]) -> list[Cand]:
    """"the executive committee of the Regional Health Network": a body inside another one."""
    out = []
    for m in _SUB_BODY.finditer(text, s0, s1):
        parent = next((c for c in cands if c.start == m.end() and c.type in ("Organization", "Programme")), None)
        if parent is None:
            continue
        full = text[m.start() : parent.end]
        own = text[m.start() : m.end()].removesuffix("the ").strip().removesuffix(" of").strip()
        out.append(Cand(m.start(), m.start() + len(own), full, "Organization", "subbody", f"name:{canonical(full)}", head=own, priority=3))
    return out


_SUB_BODY_HEAD = re.compile(
    r"\b(?:Sub-?[Ss]ector|Sector|Cluster|Working Group|Task Force|Sub-?[Cc]ommittee|Committee|Board|Group|Unit|Team)"
    r"\s+of\s+(?:the\s+)?"
)


def _split_sub_body_names(text: str, cands: list[Cand]) -> list[Cand]:
    """"Logistics Sector of the Valley Aid Team": when the part after "of" is itself a known name
    (a long form or a gazetteer entry), the capitalised run is a sub-body of it, not one name."""
    known = {(c.start, c.end) for c in cands if c.source in ("longform", "gazetteer") and c.type == "Organization"}
    out = []
    for c in cands:
        m = _SUB_BODY_HEAD.search(text, c.start, c.end) if c.source == "cue" else None
        if m and m.start() > c.start and (m.end(), c.end) in known:
            own_end = text.rfind(" of", c.start, m.end())
            own = text[c.start : own_end].strip()
            out.append(Cand(c.start, c.start + len(own), c.surface, "Organization", "subbody", c.key, head=own, priority=3))
            continue
        out.append(c)
    return out


def _branches(text: str, toks: list[tuple[str, int, int]], kn: Knowledge) -> list[Cand]:
    """"Caritas Aldera", "UNICEF Aldera": an international body's national chapter or country
    office (not the body itself)."""
    out = []
    for k in range(len(toks) - 1):
        org = kn.gazetteer.lookup(toks[k][0])
        if not org or org.type != "Organization":
            continue
        place = toks[k + 1][0]
        is_place = place in kn.places or ((e := kn.gazetteer.lookup(place)) is not None and e.type == "Location")
        if org.acronym == toks[k][0] and (not is_place or kn.country and fold(place) == fold(kn.country)):
            continue  # "UNHCR Aldera" is the agency's office in another country; in the report's own it is the agency
        if is_place and _gap_is_space(text, toks[k][2], toks[k + 1][1]):
            surface = text[toks[k][1] : toks[k + 1][2]]
            out.append(Cand(toks[k][1], toks[k + 1][2], surface, "Organization", "cue", f"name:{canonical(surface)}", head=toks[k][0].lower(), priority=6))
    return out

_QUOTED = re.compile(r'"([A-Z][^"]{3,200})"')
# Lower-case class words of named services that the cue lists do not hold.
_QUOTED_CHANNELS = frozenset("line hotline app application chatbot website portal podcast".split())


def _quoted(text: str, s0: int, s1: int) -> list[Cand]:
    out = []
    for m in _QUOTED.finditer(text, s0, s1):
        inner = m.group(1).strip()
        after = re.sub(r"^\s*\([^)]{1,60}\)", "", text[m.end() : m.end() + 80]).lower().split()
        nxt = after[0].strip(",.;") if after else ""
        typ = name_type(inner.split(" for ")[0]) or cue_type(nxt)
        if typ is None:
            # 'the campaign "Open Doors"', 'the chat line "Ask Us"': the class word comes before
            prev = text[max(s0, m.start() - 30) : m.start()].split()[-1:]
            head = prev[0].lower().strip(",") if prev else ""
            typ = cue_type(head) or ("Programme" if head in _QUOTED_CHANNELS else None)
            if typ is None:
                continue
            out.append(Cand(m.start(1), m.end(1), inner, typ, "quoted", f"name:{canonical(inner)}", head=head, priority=4))
            continue
        if cue_type(nxt) and not name_type(inner):
            out.append(Cand(m.start(1), m.end(1), inner, typ, "quoted", f"name:{canonical(inner)}", head=nxt, priority=4))
        else:
            out.append(Cand(m.start(1), m.end(1), inner, typ, "quoted", f"name:{canonical(inner)}", head=_head(inner), priority=4))
    return out

def _places(text: str, toks: list[tuple[str, int, int]], kn: Knowledge) -> list[Cand]:
    out = []
    for _tok, a, _b in toks:
        for place in kn.places:
            if text.startswith(place, a) and (a + len(place) == len(text) or not text[a + len(place)].isalnum()):
                out.append(Cand(a, a + len(place), place, "Location", "place", f"place:{fold(place)}", priority=2))
    return out

def _phrases(text: str, s0: int, s1: int, kn: Knowledge) -> list[Cand]:
    out = []
    low = fold_text(text[s0:s1])
    for key in {**kn.phrases, **kn.populations}:
        typ = "PopulationGroup" if key in kn.populations else "Programme"
        for m in re.finditer(r"(?<![\w-])" + re.escape(key) + r"(?:s|es)?(?![\w-])", low):
            a, b = s0 + m.start(), s0 + m.end()
            ckey = kn.phrase_canon.get(key, key)
            src = "lower" if typ == "Programme" else "population"
            out.append(Cand(a, b, text[a:b], typ, src, f"name:{ckey}", head=ckey.split()[-1], priority=1))
    return out

_REF = re.compile(
    r"\b(?:[Tt]he above|[Tt]he same|[Tt]he|[Tt]his|[Tt]hese|[Ii]ts|[Tt]heir|[Tt]hose)\s+(?:(?:new|national|regional|proposed|developed)\s+)?([A-Za-z]+)\b(?!\s+(?:of|for)\b)(?!\s+[A-Z])"
)


def _definite_refs(text: str, toks: list[tuple[str, int, int]]) -> list[Cand]:
    out = []
    if not toks:
        return out
    for k, (tok, a, b) in enumerate(toks):  # "In April, Congress approved …": an institution without article
        if tok.lower() in _INSTITUTION_WORDS and tok[:1].isupper() and k > 0 and toks[k - 1][0].lower() not in ("the", "of", "this"):
            if tok.lower() not in ("state", "government"):
                out.append(Cand(a, b, tok, "Organization", "ref", f"ref:{tok.lower()}", head=tok.lower(), priority=0))
    s0, s1 = toks[0][1], toks[-1][2]
    for m in _REF.finditer(text, s0, s1):
        word = m.group(1)
        w = word.lower()
        singular = w[:-1] if w.endswith("s") and w[:-1] in _DEF_REF_WORDS else w
        if singular not in _DEF_REF_WORDS and w not in _INSTITUTION_WORDS:
            continue
        if w in _INSTITUTION_WORDS and not word[:1].isupper():
            continue
        if w in _INSTITUTION_WORDS or word[:1].isupper() or singular in _DEF_REF_WORDS:
            typ = cue_type(singular) or "Organization"
            out.append(Cand(m.start(), m.end(), m.group(), typ, "ref", f"ref:{singular}", head=singular, priority=0))
    return out


_HAZARD = re.compile(r"\b(?:cyclone|hurricane|typhoon|storm|tropical storm)\s+[A-Z][a-z]+\b")


def _named_hazards(text: str, s0: int, s1: int) -> list[Cand]:
    """"cyclone Mirta": a named hazard written with a lower-case class word."""
    return [
        Cand(m.start(), m.end(), m.group(), "Event", "cue", f"name:{canonical(m.group())}", head=m.group().split()[0].lower(), priority=3)
        for m in _HAZARD.finditer(text, s0, s1)
    ]


_CLASS_LIST = re.compile(
    r"\b(?:partners|organi[sz]ations|agencies|NGOs|donors|institutions|entities|actors)\s*(?:\(|,?\s+(?:such as|including|like)\s+)"
)


def _listed(text: str, s0: int, s1: int, kn: Knowledge) -> list[Cand]:
    """Capitalised names listed after a class noun: "international partners (A and B)"."""
    out = []
    for m in _CLASS_LIST.finditer(text, s0, s1):
        end = text.find(")", m.end(), s1) if text[m.end() - 1] == "(" else min(s1, _clause_end(text, m.end(), s1))
        if end < 0:
            continue
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+or\s+|\s+as well as\s+", text[m.end() : end]):
            part = part.strip().removeprefix("the ").strip()
            words = part.split()
            if 1 <= len(words) <= 6 and words[0][:1].isupper() and not is_acronym(words[0]) and not kn.gazetteer.lookup(part):
                if name_type(part) or words[0].lower() in SENTENCE_OPENERS:
                    continue  # names with cues are found by the cue rule
                if any(w[:1].islower() and w not in NAME_CONNECTORS for w in words):
                    continue
                a = text.find(part, m.end(), end)
                out.append(Cand(a, a + len(part), part, "Organization", "listed", f"name:{canonical(part)}", priority=2))
    return out


def _clause_end(text: str, start: int, limit: int) -> int:
    m = re.compile(r"[;:.]|,\s+(?:which|who|where|while|and\s+(?:the|its|their))\b|\s+(?:to|for|in order to)\s+[a-z]").search(text, start, limit)
    return m.start() if m else limit


# "the NGO Hands of Hope", "the NGO Manos en Red": a name without a cue word of its own, introduced
# by its class; the class word is not part of the name.
_CLASS_NAMED = re.compile(
    r"\b(?:the|The)\s+(?:NGO|INGO|non-governmental\s+organi[sz]ation|charity|refugee-led\s+organi[sz]ation)\s+"
    r"([A-Z][\w'´-]*(?:\s+(?:(?:de|del|la|las|los|en|y|e|sin|con|por|para|do|da|dos|das|of|for|the|and)\s+)?[A-Z][\w'´-]*)*)"
)


def _class_named(text: str, s0: int, s1: int) -> list[Cand]:
    out = []
    for m in _CLASS_NAMED.finditer(text, s0, s1):
        name = m.group(1)
        if is_acronym(name.split()[0]) or name.split()[0].lower() in SENTENCE_OPENERS:
            continue
        a = m.start(1)
        out.append(Cand(a, a + len(name), name, "Organization", "cue", f"name:{canonical(name)}", head=_head(name), priority=4))
    return out

