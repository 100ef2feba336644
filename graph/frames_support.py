"""Clause-final support and funding phrases, and partnerships named through examples.

* "… implemented with technical assistance from ILO" / "… with UNHCR support" → supports;
  "… with UNICEF funding" → funds;
  "with funding from X and technical support from A, B and C" gives both phrases;
* who receives it: the thing a participle right before the phrase describes ("the Alliance,
  established in 2022 with support from …"), the body a participle phrase leads ("the Team,
  chaired by the Coordinator with the support of OCHA" → OCHA supports the Team), the programme a
  verb has just named ("the Office conducted the Census, with funding from …"), else the clause's
  subject or the report's main actor;
* "worked in partnership with 21 NGOs, among them A, B and C" → partnersWith A, B, C;
* "In the HCT, UNHCR led the Protection Sector, …" → the sector is part of the fronted body;
* "With UN Women, UNHCR supported …" → a partner named up front.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .frames import _actor, _emit, _group_at
from .relations import Found, Sent

_WITH_SUPPORT = re.compile(
    r"\bwith\s+(?:the\s+)?(?:technical\s+|financial\s+)?(support|assistance|funding)\s+(?:from|of)\s+(?:the\s+)?"
)
_WITH_X_SUPPORT = re.compile(r"\bwith\s+(?:the\s+)?$")
# "… from the IDB and technical support from UNHCR, IOM and UNFPA": a second giver phrase
_AND_SUPPORT = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*and\s+(?:technical\s+|financial\s+)?(support|assistance|funding)\s+(?:from|of)\s+(?:the\s+)?"
)
# a participle phrase right before "with support": what it describes receives the support
_PARTICIPLE = re.compile(
    r"(?:,\s*)?\b(?:implemented|developed|designed|run|launched|established|created|founded|set\s+up|conducted|"
    r"carried\s+out|organi[sz]ed)(?:\s+by\s+(?:the\s+)?[^,;]{1,80}?)?(?:\s+in\s+(?:\w+\s+)?\d{4})?\s*$"
)
_LED_BY = re.compile(r",\s*(?:co-?)?(?:led|chaired|headed|coordinated|convened|presided\s+over)\s+by\s+(?:the\s+)?[^,;]{1,80}?\s*$")
# "the Office conducted the Census (CENSUS), with funding from …": the verb's programme object
_VERB_OBJECT = re.compile(r"\b(?:[a-z]+ed|ran|held|made|led)\s+(?:the\s+|a\s+|an\s+|its\s+)?$")


def _head_before(s: Sent, pos: int, slack: int = 3) -> int | None:
    """The mention ending right before ``pos`` (a comma and spaces between allowed)."""
    best = None
    for i, mm in enumerate(s.ms):
        if 0 <= mm.end <= pos and pos - mm.end <= slack and re.fullmatch(r"[\s,)]*", s.text[mm.end : pos]):
            best = i
    return best


def _receiver(s: Sent, pos: int) -> list[int]:
    """Who gets the support of a "with support from X" phrase at ``pos``."""
    pre = s.text[s.start : pos]
    led = _LED_BY.search(pre)
    if led:
        head = _head_before(s, s.start + led.start())
        return [head] if head is not None else []
    part = _PARTICIPLE.search(pre)
    if part:
        # "the Job Path programme (Ruta Trabajo) of the Ministry, implemented with …": the programme
        progs = [i for i, mm in enumerate(s.ms) if mm.type == "Programme" and s.clause(pos)[0] <= mm.start and mm.end <= s.start + part.start()]
        head = _head_before(s, s.start + part.start())
        if progs and (head is None or re.fullmatch(r"\s*(?:\([^)]*\)\s*)?of\s+(?:the\s+)?", s.text[s.ms[progs[-1]].end : s.ms[head].start])):
            return progs[-1:]
        # an unnamed thing ("a revolving fund set up by UNHCR with funding from …") gives no receiver
        return [head] if head is not None and s.ms[head].type in ("Programme", "Organization", "Event") else []
    obj = _head_before(s, pos)
    if obj is not None and s.ms[obj].type == "Programme" and _VERB_OBJECT.search(s.text[s.start : s.ms[obj].start]):
        return [obj]
    return _actor(s, pos)[0]


def final_support(s: Sent) -> list[Found]:
    """"… implemented with technical assistance from ILO" / "… with UNHCR support"."""
    out: list[Found] = []
    for m in _WITH_SUPPORT.finditer(s.text, s.start, s.end):
        if m.start() == s.start:
            continue  # fronted: see frames.fronted_support
        receiver = _receiver(s, m.start())
        kind, at = m.group(1), m.end()
        while True:
            givers = _group_at(s, at)
            if not givers:
                break
            out += _emit(s, givers, "funds" if kind == "funding" else "supports", receiver, "final_support", 0.7)
            more = _AND_SUPPORT.match(s.text, s.ms[givers[-1]].end, s.end)
            if not more:
                break
            kind, at = more.group(1), more.end()
    for i, mm in enumerate(s.ms):
        kind_m = re.match(r"\s+(support|funding|financing)\b", s.text[mm.end : mm.end + 12])
        if mm.start < 0 or not kind_m:
            continue
        if _WITH_X_SUPPORT.search(s.text[max(s.start, mm.start - 10) : mm.start]):
            pred = "supports" if kind_m.group(1) == "support" else "funds"  # "with UNICEF funding" funds
            out += _emit(s, [i], pred, _receiver(s, mm.start - 5), "final_support", 0.7)
    return out


_EXAMPLES = re.compile(
    r"\b(?:in\s+(?:close\s+)?(?:partnership|collaboration|cooperation)\s+with|partner(?:ed|s)?\s+with|work(?:ed|s)?\s+with)"
    r"\s+(?:some\s+|over\s+|about\s+|more\s+than\s+)?(?:\d[\d,]*\s+|several\s+|many\s+|various\s+)?"
    r"(?:[a-z-]+\s+){0,4}(?:organi[sz]ations|NGOs|partners|institutions|agencies|entities|groups|universities|companies)"
    r"\s*,?\s*(?:among\s+(?:them|which|others)|including|such\s+as|notably|in\s+particular)\s+(?:the\s+)?"
)


def partnership_examples(s: Sent) -> list[Found]:
    """"UNHCR worked in partnership with 21 NGOs, among them A, B and C" → partnersWith A, B, C."""
    out: list[Found] = []
    for m in _EXAMPLES.finditer(s.text, s.start, s.end):
        partners = _group_at(s, m.end(), slack=2)
        subj = [i for i in _actor(s, m.start())[0] if i not in partners]
        out += _emit(s, subj, "partnersWith", partners, "partnership_examples", 0.7)
    return out





_FRONT_BODY = re.compile(r"(?:In|Within)\s+(?:the\s+)?")
_LEADS_SUB = re.compile(r"\b(?:co-?)?(?:led|leads|lead|chaired|chairs|coordinated|coordinates)\s+(?:the\s+)?$")
# a sector or cluster of the body; a sub-sector belongs to a sector, not to the body itself
_SUB_NAME = re.compile(r"(?<!Sub-)(?<!Sub)(?<!sub-)\b(?:Sector|Cluster|Working Group|Task Force)s?$")


def led_inside(s: Sent) -> list[Found]:
    """"In the HCT, UNHCR led the Protection Sector, while IOM led the Shelter Sector" → each sector partOf the HCT."""
    m = _FRONT_BODY.match(s.text, s.start, s.end)
    if not m:
        return []
    body = _group_at(s, m.end(), slack=1)[:1]
    if not body or s.ms[body[0]].type != "Organization":
        return []
    subs = [i for i, mm in enumerate(s.ms)
            if i != body[0] and mm.start > s.ms[body[0]].end and _SUB_NAME.search(mm.surface)
            and _LEADS_SUB.search(s.text[max(s.start, mm.start - 30) : mm.start])]
    return _emit(s, subs, "partOf", body, "led_inside", 0.7)
_FRONT_WITH = re.compile(r"(?:With|Together\s+with|Jointly\s+with|Alongside)\s+(?:the\s+)?")


def fronted_with(s: Sent) -> list[Found]:
    """"With UN Women, UNHCR supported 36 groups" → UNHCR partnersWith UN Women (a partner named up front)."""
    m = _FRONT_WITH.match(s.text, s.start, s.end)
    if not m:
        return []
    partners = _group_at(s, m.end(), slack=1)
    if not partners or any(s.ms[i].type != "Organization" for i in partners):
        return []
    # only the names themselves before the comma ("With UNHCR support, …" is support, see final_support)
    end = s.ms[partners[-1]].end
    if not re.match(r"\s*(?:\([^)]*\)\s*)?,", s.text[end : s.end]):
        return []
    comma = s.text.index(",", end)
    subj = [i for i in _group_at(s, comma + 1, slack=6) if s.ms[i].type == "Organization" and s.subject_like(i)]
    return _emit(s, subj, "partnersWith", partners, "fronted_with", 0.7)


SUPPORT_RULES: tuple[Callable[[Sent], list[Found]], ...] = (final_support, partnership_examples, led_inside, fronted_with)
