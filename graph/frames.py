"""Relation frames that a trigger between two mentions misses: fronted and clause-final phrases
("With support from X and Y, …", "… in partnership with X"), possessive and subject-less
nominalisations ("UNHCR's partnership with …", "support to the Auditor General's Office"),
appositions and sub-bodies ("X, the national chapter of Y", "the Units of the Ministry"),
presence and location phrases, submissions with counts, donor lists, and relations that cross a
sentence ("UNHCR trained … . Training sessions included staff from …").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .relations import Found, Sent, _main_actor_index, _subjects, compatible

_FACILITY = re.compile(
    r"\b(?:house|shelter|centres?|centers?|offices?|hubs?|clinic|units?|schools?|hospitals?|spaces?|cems?|cacs?)\b",
    re.IGNORECASE,
)
_SUBUNIT = re.compile(r"(?:units?|centres?|centers?|offices?|sector|sub-sector|branch|clinic|teams?|committee|board|group|secretariat|"
                      r"services?|directorate|division|bureau|department)$", re.IGNORECASE)


def _mentions_in(s: Sent, a: int, b: int, types: tuple[str, ...] | None = None) -> list[int]:
    return [i for i, m in enumerate(s.ms) if a <= m.start and m.end <= b and (types is None or m.type in types)]


def _group_at(s: Sent, pos: int, slack: int = 6) -> list[int]:
    i = s.next_mention_after(pos)
    if i is None or s.ms[i].start - pos > slack:
        return []
    return s.group_from(i)


def _actor(s: Sent, pos: int) -> tuple[list[int], str]:
    """The doer for a nominal or fronted phrase at ``pos``: clause/sentence subject or main actor."""
    ca, _ = s.clause(pos)
    subj, how = _subjects(s, pos, ca)
    if subj:
        return subj, how
    subj = s.subject_group()
    if subj:
        return subj, "sentence"
    if s.main_actor:
        idx = _main_actor_index(s)
        return ([idx], "main_actor") if idx is not None else ([], "")
    return [], ""


def _emit(s: Sent, subs: list[int], pred: str, objs: list[int], rule: str, conf: float, quantity: float | None = None) -> list[Found]:
    out = []
    for si in subs:
        for oi in objs:
            a, b = s.ms[si], s.ms[oi]
            if a.key != b.key and compatible(pred, a.type, b.type):
                out.append(Found(a.key, pred, b.key, rule, conf, s.start, s.end, s.unit, quantity))
    return out


_FRONT_SUPPORT = re.compile(
    r"^(?:With|Thanks to)\s+(?:the\s+)?(?:continued\s+)?(?:technical\s+|financial\s+)?(support|assistance|funding|contributions?|financing)\s+(?:from|of)\s+(?:the\s+)?"
)


def fronted_support(s: Sent) -> list[Found]:
    """"With support from X and Y, Z opened …" → X supports Z, Y supports Z."""
    m = _FRONT_SUPPORT.match(s.text[s.start : s.end])
    if not m:
        return []
    comma = s.text.find(",", s.start + m.end(), s.end)
    while comma >= 0 and any(mm.start <= comma < mm.end for mm in s.ms):
        comma = s.text.find(",", comma + 1, s.end)  # "Bureau of Population, Refugees, and Migration (PRM)"
    if comma < 0:
        return []
    givers = _mentions_in(s, s.start + m.end(), comma)
    receivers = s.subject_group()
    if not receivers:
        first = _group_at(s, comma + 1, slack=40)
        receivers = first[:1]
    pred = "funds" if m.group(1).startswith(("fund", "financ", "contribution")) else "supports"
    return _emit(s, givers, pred, receivers, "fronted_support", 0.8)


_TO_IMPROVE = re.compile(r"^To\s+(?:improve|strengthen|support|enhance|reinforce|consolidate)\s+(?:the\s+)?")


def fronted_purpose(s: Sent) -> list[Found]:
    """"To improve the national civil registration system, UNHCR supported …" → supports."""
    m = _TO_IMPROVE.match(s.text[s.start : s.end])
    if not m:
        return []
    comma = s.text.find(",", s.start + m.end(), s.end)
    targets = [i for i in _mentions_in(s, s.start + m.end(), comma if comma > 0 else s.start) if s.ms[i].type in ("Programme", "Organization")]
    return _emit(s, s.subject_group(), "supports", targets[:1], "fronted_purpose", 0.65)


_PARTNERSHIP = re.compile(
    r"\b(?:in\s+(?:close\s+)?(?:partnership|collaboration|coordination|cooperation)|jointly)\s+with\s+(?:the\s+)?"
)


def partnership_pp(s: Sent) -> list[Found]:
    """"… in partnership with X, Y and Z" / "In collaboration with X, S …" → S partnersWith X, Y, Z."""
    out: list[Found] = []
    for m in _PARTNERSHIP.finditer(s.text, s.start, s.end):
        partners = _group_at(s, m.end())
        if not partners:
            continue
        if m.start() == s.start or s.text[s.start : m.start()].strip() in ("", "-"):
            comma = s.text.find(",", s.ms[partners[-1]].end, s.end)
            subj = _group_at(s, comma + 1, 40) if comma > 0 else []
            subj = subj or _actor(s, s.end - 1)[0]
        else:
            subj, _ = _actor(s, m.start())
        subj = [i for i in subj if i not in partners]
        out += _emit(s, subj, "partnersWith", partners, "partnership_pp", 0.75)
    return out


_POSS = re.compile(r"^'s?\s+(partnership|collaboration|cooperation|work|support|assistance)\s+(?:with|to|for)\s+(?:the\s+)?")


def possessive(s: Sent) -> list[Found]:
    """"UNHCR's partnership with X" → partnersWith; "UNHCR's support to X" → supports."""
    out: list[Found] = []
    for i, mm in enumerate(s.ms):
        if mm.start < 0:
            continue
        tail = s.text[mm.end - 2 : mm.end + 40] if mm.surface.endswith("'s") else s.text[mm.end : mm.end + 40]
        m = _POSS.match(tail if not mm.surface.endswith("'s") else tail[0:])
        if not m and mm.surface.endswith("'s"):
            m = re.match(r"^'s\s+(partnership|collaboration|cooperation|work|support|assistance)\s+(?:with|to|for)\s+(?:the\s+)?", tail)
        if not m:
            continue
        base = mm.end - 2 if mm.surface.endswith("'s") else mm.end
        objs = _group_at(s, base + m.end(), slack=2)
        pred = "partnersWith" if m.group(1) in ("partnership", "collaboration", "cooperation", "work") else "supports"
        out += _emit(s, [i], pred, objs, "possessive", 0.8)
        if pred == "partnersWith":  # "partnership with the National Water Resources Management System"
            out += [Found(mm.key, pred, s.ms[o].key, "possessive", 0.7, s.start, s.end, s.unit)
                    for o in objs if s.ms[o].type == "Programme" and mm.type == "Organization"]
    return out


_NOMINAL = re.compile(
    r"\b(?:(?:technical|financial|logistical|permanent|direct)\s+)?(?:support|assistance|aid)\s+(?:to|for)\s+(?:the\s+)?(?!candidates|people|refugees)"
)


def nominal_support(s: Sent) -> list[Found]:
    """"support to the Auditor General's Office" with the clause subject or the main actor as doer."""
    out: list[Found] = []
    for m in _NOMINAL.finditer(s.text, s.start, s.end):
        pre = s.text[max(s.start, m.start() - 3) : m.start()]
        if pre.endswith("'s "):
            continue  # possessive frame
        objs = _group_at(s, m.end(), slack=2)
        if not objs:
            continue
        subj, _ = _actor(s, m.start())
        out += _emit(s, subj, "supports", objs, "nominal_support", 0.7)
    return out


def agreement(s: Sent) -> list[Found]:
    out: list[Found] = []
    # "the Tripartite Agreement signed in 2021 between A, B and C": the signing may sit in between
    for m in re.finditer(r"\bagreements?(?:\s*\([^)]*\))?\s+(?:(?:signed|concluded|reached)\s+(?:in\s+\w+\s+)?)?between\s+(?:the\s+)?", s.text[s.start : s.end], re.IGNORECASE):
        g = _group_at(s, s.start + m.end())
        if len(g) >= 2:
            out += _emit(s, g[:1], "partnersWith", g[1:], "agreement", 0.7)
    return out


def co_leader(s: Sent) -> list[Found]:
    out: list[Found] = []
    for m in re.finditer(r"\bco-?leaders?\s+of\s+(?:the\s+)?", s.text[s.start : s.end]):
        objs = _group_at(s, s.start + m.end(), slack=2)
        subj, _ = _actor(s, s.end - 1) if m.start() < 5 else _actor(s, s.start + m.start())
        out += _emit(s, subj, "coLeads", objs[:1], "co_leader", 0.85)
    return out


_APPOS = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?,\s*(?:the|a|an)\s+(?:[a-z]+\s+){0,2}(?:chapter|instance|body|branch|affiliate|office|unit|arm|subsidiary|section|member|part)\s+of\s+(?:the\s+)?(?P<mod>(?:[a-z]+\s+)?)"
)


def apposition(s: Sent) -> list[Found]:
    """"X, the national chapter of Y" / "X, a body of Y" → X partOf Y."""
    out: list[Found] = []
    for i, mm in enumerate(s.ms):
        if mm.start < 0:
            continue
        m = _APPOS.match(s.text[mm.end : mm.end + 80])
        if m:
            # the parent's name may start inside the optional modifier ("the regional Inter-Agency …")
            of_end = mm.end + m.start("mod")
            objs = _group_at(s, of_end, slack=m.end() - m.start("mod") + 1)
            out += _emit(s, [i], "partOf", objs[:1], "apposition", 0.8)
    return out


def of_partof(s: Sent) -> list[Found]:
    """"the Family Support Units (UAF) of the Ministry …" / "the executive committee of the Network"."""
    out: list[Found] = []
    for i, mm in enumerate(s.ms[:-1]):
        nxt = s.ms[i + 1]
        if mm.start < 0 or nxt.start < 0 or not re.fullmatch(r"\s+of\s+(?:the\s+)?", s.text[mm.end : nxt.start]):
            continue
        surface = s.text[mm.start : mm.end].split("(")[0].strip()
        if mm.source == "subbody" or _SUBUNIT.search(surface.rstrip("s'")) or _SUBUNIT.search(surface):
            out += _emit(s, [i], "partOf", [i + 1], "of_partof", 0.75)
    return out


def programme_owner(s: Sent) -> list[Found]:
    """"the Job Path programme (Ruta Trabajo) of the Ministry" → the Ministry implements it."""
    out: list[Found] = []
    for i, mm in enumerate(s.ms[:-1]):
        nxt = s.ms[i + 1]
        if mm.type == "Programme" and nxt.type == "Organization" and mm.start >= 0 and nxt.start >= 0:
            if re.fullmatch(r"\s*(?:\([^)]{1,40}\)\s*)?of\s+(?:the\s+)?", s.text[mm.end : nxt.start]):
                out += _emit(s, [i + 1], "implements", [i], "programme_owner", 0.6)
    return out


def within_during(s: Sent) -> list[Found]:
    """"Within the Network …, UNHCR …" / "During the 16 Days …, UNHCR …" → participatesIn."""
    m = re.match(r"^(?:Within|During|On|In|At)\s+(?:the\s+)?", s.text[s.start : s.end])
    if not m:
        return []
    first = _group_at(s, s.start + m.end(), slack=1)
    if not first:
        return []
    word = m.group().split()[0]
    if word in ("On", "In", "At") and s.ms[first[0]].type != "Event":
        return []
    if word == "Within" and s.ms[first[0]].type not in ("Organization", "Event"):
        return []
    subj = s.subject_group()
    return _emit(s, subj, "participatesIn", first[:1], "within_during", 0.7)


def contributed_to(s: Sent) -> list[Found]:
    """"UNHCR contributed to the response to cyclone X and the preparedness for Y" → participatesIn events."""
    out: list[Found] = []
    for m in re.finditer(r"\b(?:contribut\w+|respond\w*|support\w*)\s+(?:to\s+)?(?:the\s+)?", s.text[s.start : s.end]):
        a = s.start + m.start()
        ca, cb = s.clause(a)
        evs = [i for i in _mentions_in(s, a, cb, ("Event",)) if s.ms[i].start - a < 120]
        if not evs:
            continue
        if not re.search(r"respon|preparedness|contribut", s.text[a : s.ms[evs[-1]].end]):
            continue
        subj, _ = _subjects(s, a, ca)
        out += _emit(s, subj, "participatesIn", evs, "contributed_to", 0.7)
    return out


def pledge_at(s: Sent) -> list[Found]:
    out: list[Found] = []
    for m in re.finditer(r"\bpledges?\s+(?:at|during|to)\s+(?:the\s+)?(?:\d{4}\s+)?", s.text[s.start : s.end]):
        ev = _group_at(s, s.start + m.end(), slack=2)
        subj, _ = _actor(s, s.start + m.start())
        out += _emit(s, subj, "participatesIn", ev[:1], "pledge_at", 0.75)
    return out


def donors(s: Sent) -> list[Found]:
    """"its donors, in particular X, Y and Z, UNHCR …" / "a contribution from X" → funds."""
    out: list[Found] = []
    m = re.search(r"\bdonors?\b[^.;]{0,40}?\b(?:in particular|including|such as|notably|namely)\s+(?:the\s+)?", s.text[s.start : s.end])
    if m:
        g = _group_at(s, s.start + m.end(), slack=1)
        receiver = s.subject_group() or ([_main_actor_index(s)] if s.main_actor else [])
        out += _emit(s, g, "funds", [r for r in receiver if r is not None], "donors", 0.75)
    for m in re.finditer(r"\b(?:contribution|donation|grant)s?\s+from\s+(?:the\s+)?", s.text[s.start : s.end]):
        g = _group_at(s, s.start + m.end(), slack=1)
        subj, _ = _actor(s, s.start + m.start())
        out += _emit(s, g, "funds", subj, "donors", 0.75)
    for m in re.finditer(r"\b(?:loan|grant|financing)\b[^.;]{0,30}?\bto\s+(?:the\s+)?", s.text[s.start : s.end]):
        g = _group_at(s, s.start + m.end(), slack=1)
        subj, _ = _actor(s, s.start + m.start())
        out += _emit(s, subj, "funds", g[:1], "donors", 0.7)
    return out


_CLASS_PAREN = re.compile(r"\b(?:its\s+|their\s+|international\s+|local\s+|implementing\s+|operational\s+)?partners\s*\(")


def partner_lists(s: Sent) -> list[Found]:
    """"UNHCR and its partners (A, B …)" / "international partners (A and B)" → partnersWith."""
    out: list[Found] = []
    for m in _CLASS_PAREN.finditer(s.text, s.start, s.end):
        close = s.text.find(")", m.end(), s.end)
        if close < 0:
            continue
        members = _mentions_in(s, m.end(), close, ("Organization",))
        owner_m = re.search(r"\s+and\s+(?:its|their)\s+$", s.text[max(s.start, m.start() - 12) : m.start() + 4])
        owner = [i for i, mm in enumerate(s.ms) if mm.start >= 0 and mm.end <= m.start() and m.start() - mm.end <= 10] if owner_m else []
        if not owner:
            owner = [_main_actor_index(s)] if s.main_actor else []
        out += _emit(s, [o for o in owner if o is not None], "partnersWith", members, "partner_list", 0.7)
    return out


_BOTH = re.compile(r"\b(?:both|the two|these|all)\s+([a-z-]+?)s\s+(?:are|were)\s+(?:also\s+)?part\s+of\s+(?:the\s+)?", re.IGNORECASE)


def both_part_of(s: Sent) -> list[Found]:
    """"… the GBV Sub-Sector, … the Child Protection Sub-Sector; both sub-sectors are part of the Protection Sector"."""
    out: list[Found] = []
    for m in _BOTH.finditer(s.text, s.start, s.end):
        noun = m.group(1).lower()
        parent = _group_at(s, m.end(), slack=1)
        subs = [i for i, mm in enumerate(s.ms) if 0 <= mm.end <= m.start() and noun in mm.surface.lower()]
        out += _emit(s, subs, "partOf", parent[:1], "both_part_of", 0.7)
    return out


FRAME_RULES: tuple[Callable[[Sent], list[Found]], ...] = (
    fronted_support,
    fronted_purpose,
    both_part_of,
    partnership_pp,
    possessive,
    nominal_support,
    agreement,
    co_leader,
    apposition,
    of_partof,
    programme_owner,
    within_during,
    contributed_to,
    pledge_at,
    donors,
    partner_lists,
)


def cross_sentence(sents: list[Sent]) -> list[Found]:
    """"UNHCR trained 520 officers … . Training sessions included staff from X, Y" → UNHCR trains X, Y."""
    out: list[Found] = []
    for k, s in enumerate(sents):
        m = re.search(r"\b(?:training|trainings|sessions|courses?|workshops?|participants|trainees)\b[^.]{0,30}?\binclud(?:ed|es|ing)\b", s.text[s.start : s.end], re.IGNORECASE)
        if not m or k == 0:
            continue
        trainer: list[int] = []
        prev = sents[k - 1]
        t = re.search(r"\btrain(?:ed|s)\b", prev.text[prev.start : prev.end])
        if not t:
            continue
        trainer_idx, _ = _subjects(prev, prev.start + t.start(), prev.clause(prev.start + t.start())[0])
        trainer = [prev.ms[i].key for i in trainer_idx]
        stop = re.search(r"\b(?:in|during|through)\s+(?:a|an|the)\b|\bjointly\b|\bwith\b", s.text[s.start + m.end() : s.end])
        end = s.start + m.end() + stop.start() if stop else s.end
        objs = [i for i in _mentions_in(s, s.start + m.end(), end, ("Organization",))]
        for key in trainer:
            for oi in objs:
                if key != s.ms[oi].key:
                    out.append(Found(key, "trains", s.ms[oi].key, "cross_sentence", 0.7, prev.start, s.end, s.unit))
    return out
