"""Frames for roles a body or a country takes in another body, written without a plain verb:

* "… and held its pro tempore presidency" / "took over the rotating chair of the Forum" → chairs
  (a country may chair an intergovernmental body);
* "Under the X Initiative, UNHCR and NGO-Y distributed …" → the subjects implement the programme;
* "coordinated with A and B through the X Working Group" → A and B participate in the group;
* "The Bank approved a grant from its Development Fund" → the Fund is part of the Bank;
* "UNHCR supported the Office with two mobile units, which visited towns in A, B and C" → the
  supported body operates in A, B and C (the units are its own, lent or paid for by the giver).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .frames import _emit, _group_at
from .relations import Found, Sent

_PRESIDENCY = re.compile(
    r"\b(?:held|holds|hold|assumed|assumes|took\s+over|takes\s+over|exercised|exercises)\s+(?:its|their|the)\s+"
    r"(?:(?:pro\s+tempore|rotating|annual|temporary|interim)\s+)?(?:presidency|chairmanship|chair|chairpersonship)"
    r"(?:\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)


def presidency(s: Sent) -> list[Found]:
    """"A is a member of the Forum and held its pro tempore presidency" → A chairs the Forum."""
    out: list[Found] = []
    for m in _PRESIDENCY.finditer(s.text, s.start, s.end):
        subj = [i for i in s.subject_group() if s.ms[i].end <= m.start()]
        if m.group().rstrip().endswith("of") or m.group().endswith("of "):
            body = _group_at(s, m.end(), slack=2)[:1]
        else:
            # "its": the last body named before, other than the holder itself
            body = [i for i, mm in enumerate(s.ms)
                    if mm.end <= m.start() and mm.type == "Organization" and i not in subj][-1:]
        out += _emit(s, subj, "chairs", body, "presidency", 0.7)
    return out


_GIVEN_TO = re.compile(r"\b(?:supported|equipped|provided|strengthened|reinforced|assisted)\s+(?:the\s+)?$")
_WITH_UNITS = re.compile(
    r"\s*(?:\([^)]*\)\s*)?with\s+[^.;]{0,120}?\b(?:[a-z-]+\s+){0,2}(?:units|teams|brigades|clinics|desks|points)"
    r",?\s+(?:which|that|who)\s+[^.;]{0,80}?\b(?:in|across|to)\s+(?:the\s+)?(?:(?:[a-z-]+\s+){0,2}of\s+(?:the\s+)?)?$"
)


def lent_outposts(s: Sent) -> list[Found]:
    """"The agency supported the Office (ABC) with two mobile units, which visited towns in A and B"
    → the Office operates in A and B: the units work as its own."""
    out: list[Found] = []
    places = [i for i, mm in enumerate(s.ms) if mm.type == "Location" and mm.start >= 0]
    for k, mm in enumerate(s.ms):
        if mm.type != "Organization" or mm.start < 0 or not _GIVEN_TO.search(s.text, max(s.start, mm.start - 30), mm.start):
            continue
        first = next((i for i in places if s.ms[i].start > mm.end and _WITH_UNITS.fullmatch(s.text, mm.end, s.ms[i].start)), None)
        if first is not None:
            out += _emit(s, [k], "operatesIn", [i for i in s.group_from(first) if s.ms[i].type == "Location"], "lent_outposts", 0.65)
    return out


_UNDER = re.compile(r"(?:Under|Through|As\s+part\s+of|Via)\s+(?:the\s+|its\s+|their\s+)?")


def fronted_programme(s: Sent) -> list[Found]:
    """"Under the Clean Stoves Initiative, the agency and NGO-X handed out 900 stoves" → both implement it:
    a named programme that frames the whole sentence is what the subject carried out."""
    m = _UNDER.match(s.text, s.start, s.end)
    if not m:
        return []
    first = _group_at(s, m.end(), slack=0)[:1]
    if not first or s.ms[first[0]].type != "Programme":
        return []
    if not re.match(r"\s*(?:\([^)]*\)\s*)?,", s.text[s.ms[first[0]].end : s.end]):
        return []  # the programme alone is the fronted phrase ("Under the Plan of the Ministry, …" is not)
    subj = [i for i in s.subject_group() if s.ms[i].type == "Organization"]
    return _emit(s, subj, "implements", first, "fronted_programme", 0.65)


_ITS = re.compile(r"\b(?:from|through|via|by|with|of)\s+its\s+$")


def own_body(s: Sent) -> list[Found]:
    """"The Bank approved a grant from its Development Fund (DF)" → the Fund is part of the Bank: "its"
    points back to the nearest body named before it (only when the body follows "its" directly)."""
    out: list[Found] = []
    for k, mm in enumerate(s.ms):
        if mm.start < 0 or mm.type != "Organization" or not _ITS.search(s.text, max(s.start, mm.start - 20), mm.start):
            continue
        owner = next((i for i in range(k - 1, -1, -1) if s.ms[i].start >= 0 and s.ms[i].type == "Organization"), None)
        if owner is not None and len(s.group_ending(owner)) == 1:
            out += _emit(s, [k], "partOf", [owner], "own_body", 0.6)
    return out


_WITH_THROUGH = re.compile(r"\bwith\s+(?:the\s+)?$")
_THROUGH_BODY = re.compile(r"\s*(?:\([^)]*\)\s*)?through\s+(?:the\s+)?$")
_FORUM_HEAD = re.compile(r"\b(?:Working\s+Group|Group|Cluster|Sector|Platform|Forum|Network|Task\s+Force|Committee)s?$")


def with_through(s: Sent) -> list[Found]:
    """"coordinated jointly with A and B through the X Working Group" → A and B take part in the group."""
    out: list[Found] = []
    for g in s.groups():
        first, last = s.ms[g[0]], s.ms[g[-1]]
        if first.start < 0 or not _WITH_THROUGH.search(s.text, max(s.start, first.start - 12), first.start):
            continue
        body = next((i for i, mm in enumerate(s.ms) if mm.start > last.end), None)
        if body is None or not _THROUGH_BODY.fullmatch(s.text, last.end, s.ms[body].start):
            continue
        if s.ms[body].type == "Organization" and _FORUM_HEAD.search(s.ms[body].surface):
            out += _emit(s, [i for i in g if s.ms[i].type == "Organization"], "participatesIn", [body], "with_through", 0.6)
    return out


ROLE_RULES: tuple[Callable[[Sent], list[Found]], ...] = (presidency, lent_outposts, fronted_programme, own_body, with_through)
