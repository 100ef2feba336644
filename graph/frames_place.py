"""Where things happen: presence and "in PLACE" phrases (operatesIn), outposts a body runs or sends
("the ABC's service points in A and B", operatesIn), facilities and events located in a place (locatedIn),
and resettlement submissions to countries with their counts (submitsTo).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .frames import _FACILITY, _actor, _emit, _group_at
from .relations import Found, Sent, _subjects

_PRESENCE = re.compile(r"\b(?:presence|covering|field offices?|field units?|representation|operat(?:es|ed|ing)\s+in|hubs?\s+in|offices?\s+in)\b", re.IGNORECASE)
_IN_PLACE = re.compile(r"\b(?:in|across|throughout|covering)\s+(?:the\s+)?(?:(?:cities|city|regions?|departments?|provinces?|municipalit(?:y|ies)|border\s+areas?|areas?)\s+of\s+)?$")


def operates_in(s: Sent) -> list[Found]:
    """Presence sentences, and "S did … in PLACE(S)" with an organisation as subject."""
    locs = [i for i, m in enumerate(s.ms) if m.type == "Location" and m.start >= 0]
    if not locs:
        return []
    out: list[Found] = []
    if _PRESENCE.search(s.text, s.start, s.end):
        subj = s.subject_group() or _actor(s, s.start + 1)[0]
        targets = [i for i in locs if not re.search(r"\bfrom\s+$", s.text[max(s.start, s.ms[i].start - 6) : s.ms[i].start])]
        return _emit(s, subj, "operatesIn", targets, "presence", 0.75)
    # "In A and B, …" and "In the hill communities of A, …"
    front = re.match(r"^In\s+(?:the\s+)?(?:(?:[A-Za-z-]+\s+){0,3}?(?:communities|villages|towns|municipalities|areas|provinces|regions|districts|departments)\s+of\s+(?:the\s+)?)?", s.text[s.start : s.end])
    if front:
        g = _group_at(s, s.start + front.end(), slack=1)
        if g and all(s.ms[k].type == "Location" for k in g) and s.text.find(",", s.ms[g[-1]].end, s.ms[g[-1]].end + 2) >= 0:
            out += _emit(s, s.subject_group(), "operatesIn", g, "in_place", 0.65)
    placed: set[int] = set()
    for i in locs:
        pre = s.text[max(s.start, s.ms[i].start - 60) : s.ms[i].start]
        hit = _IN_PLACE.search(pre)
        if not hit or re.search(r"\b\w+(?:ed|ing)\s+$", pre[: hit.start()]) or (front and i in g):
            continue
        prev = [k for k in range(i) if 0 <= s.ms[k].end <= s.ms[i].start]
        if prev and s.ms[prev[-1]].type == "PopulationGroup" and re.fullmatch(r"\s+in\s+(?:the\s+)?", s.text[s.ms[prev[-1]].end : s.ms[i].start]):
            continue  # "Syrians in Jordan": where people are, not where the subject works
        if prev and s.ms[prev[-1]].type == "Event" and re.fullmatch(r"\s+in\s+(?:the\s+)?", s.text[s.ms[prev[-1]].end : s.ms[i].start]):
            continue  # "the Regional Forum in Quito": where the event was held (locatedIn), not where the subject works
        if prev and _FACILITY.search(s.ms[prev[-1]].surface) and s.ms[prev[-1]].type == "Organization" and re.fullmatch(r"\s+in\s+", s.text[s.ms[prev[-1]].end : s.ms[i].start]):
            continue  # "three clinics in Pinoverde and Lagofrío": located-in, handled elsewhere
        placed.update(s.group_from(i))
    for i in sorted(placed):
        if s.ms[i].type != "Location":
            continue
        agent = _agent_before(s, i)
        if agent:  # "the programme, implemented by NGO-X in A and B": the agent works there
            out += _emit(s, agent, "operatesIn", [i], "in_place", 0.65)
            continue
        helped = _helped_body(s, i)
        if helped is not None:  # "UNHCR helped the Registry to hold campaigns in A and B": the Registry works there
            out += _emit(s, [helped], "operatesIn", [i], "in_place", 0.6)
            continue
        ca, _ = s.clause(s.ms[i].start)
        subj, how = _subjects(s, s.ms[i].start, ca)
        if how == "main_actor":
            continue
        out += _emit(s, subj, "operatesIn", [i], "in_place", 0.6)
    return out


_HELP_VERB = re.compile(r"\b(?:support(?:s|ed)?|help(?:s|ed)?|assist(?:s|ed)?|enabl(?:es|ed)|allow(?:s|ed))\s+(?:the\s+)?$")
_TO_DO_IN = re.compile(r"\s*(?:\([^)]*\)\s*)?to\s+[a-z]+\b[^,;()]{0,80}?\bin\s+(?:the\s+)?")


def _helped_body(s: Sent, place: int) -> int | None:
    """The body helped "to do something in PLACE": "S supported X to run clinics in A" → X (else None)."""
    head = s.group_ending(place)[0]
    for k in range(head - 1, -1, -1):
        mm = s.ms[k]
        if mm.start < 0 or mm.type != "Organization":
            continue
        if _HELP_VERB.search(s.text, max(s.start, mm.start - 30), mm.start) and _TO_DO_IN.fullmatch(s.text, mm.end, s.ms[head].start):
            return k
        return None
    return None


_BY_AGENT = re.compile(r"\b(?:implemented|run|managed|operated|carried\s+out|delivered|provided)\s+by\s+(?:the\s+)?$")


def _agent_before(s: Sent, place: int) -> list[int]:
    """The agent of a passive right before "in PLACE" ("… implemented by X in A and B")."""
    head = s.group_ending(place)[0]
    prev = [k for k, mm in enumerate(s.ms) if 0 <= mm.end <= s.ms[head].start]
    if not prev or s.ms[prev[-1]].type != "Organization":
        return []
    if not re.fullmatch(r"\s*(?:\([^)]*\)\s*)?in\s+(?:the\s+)?", s.text[s.ms[prev[-1]].end : s.ms[head].start]):
        return []
    group = s.group_ending(prev[-1])
    return group if _BY_AGENT.search(s.text, max(s.start, s.ms[group[0]].start - 30), s.ms[group[0]].start) else []


def located_in(s: Sent) -> list[Found]:
    """"the House of Welcome in Pinoverde", "three clinics in Pinoverde and Lagofrío", "a Shelter (Lagofrío)"."""
    out: list[Found] = []
    for i, mm in enumerate(s.ms):
        if mm.start < 0 or mm.type not in ("Organization", "Event", "Programme"):
            continue
        tail = s.text[mm.end : mm.end + 40]
        m = re.match(r"^(?:\s+(?:shelter|centres?|centers?|office|hub))?\s+in\s+(?:the\s+)?|^\s*\(\s*", tail)
        if not m:
            continue
        places = [k for k in _group_at(s, mm.end + m.end(), slack=1) if s.ms[k].type == "Location"]
        if not places:
            continue
        facility = mm.type == "Organization" and (_FACILITY.search(mm.surface) or m.group().strip().startswith("("))
        # "the Regional Forum in Quito": an event named with its place right after it was held there
        held = mm.type == "Event" and m.group().strip() == "in"
        if facility or held:
            out += _emit(s, [i], "locatedIn", places, "located_in", 0.7)
    for i, mm in enumerate(s.ms):  # "Cyclone X struck the coastal region of Y"
        if mm.type == "Event" and mm.start >= 0:
            m = re.match(r"^\s+(?:struck|hit|affected|made landfall in)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:(?:region|province|department|area|city)\s+of\s+)?", s.text[mm.end : mm.end + 60])
            if m:
                places = [k for k in _group_at(s, mm.end + m.end(), slack=30) if s.ms[k].type == "Location"]
                out += _emit(s, [i], "locatedIn", places, "located_in", 0.75)
    return out


_NUMBER = re.compile(r"([\d][\d,]*)\s+(?:refugees\s+|people\s+|persons\s+|individuals\s+|cases\s+)?to\s+(?:the\s+)?$")


def submissions(s: Sent) -> list[Found]:
    """"submitted 1,532 people for resettlement (41 to Australia, 189 to Canada …)" → submitsTo, with counts."""
    if not re.search(r"\bsubmi(?:t|ts|tted|tting|ssions?)\b", s.text[s.start : s.end]):
        return []
    subj, _ = _actor(s, s.start + 1)
    out: list[Found] = []
    countries = [i for i, m in enumerate(s.ms) if m.type == "Location" and m.start >= 0]
    done: set[int] = set()
    first_submit = re.search(r"\bsubmi(?:t|ts|tted|tting|ssions?)\b", s.text[s.start : s.end])
    for i in countries:
        if i in done:
            continue
        pre = s.text[max(s.start, s.ms[i].start - 25) : s.ms[i].start]
        if not re.search(r"\bto\s+(?:the\s+)?$", pre):
            continue
        between = s.text[s.start + first_submit.end() : s.ms[i].start] if first_submit else ""
        if re.search(r"\b(?:depart\w*|travel\w*|arriv\w*)\b", between):
            continue
        for k in s.group_from(i):
            if s.ms[k].type != "Location":
                continue
            done.add(k)
            q = _NUMBER.search(s.text[max(s.start, s.ms[k].start - 25) : s.ms[k].start])
            qty = float(q.group(1).replace(",", "")) if q else None
            out += _emit(s, subj, "submitsTo", [k], "submission", 0.8, qty)
    return out


# Outposts a body runs or sends: where they are or go is where the body works
_OUTPOST = r"(?:[a-z-]+\s+){0,2}(?:points|desks|offices|brigades|teams|units|hubs|posts|centres|centers)"
_PLACE_AFTER = r"[^.;]{0,60}?\b(?:in|at)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?(?:(?:crossings?|provinces?|departments?|municipalit(?:y|ies)|cities|towns?|regions?|districts?)\s+of\s+(?:the\s+)?)?$"
_OWNER_OUTPOST = re.compile(r"\s+" + _OUTPOST + _PLACE_AFTER)  # "seven ABC service points in A, B and C"
_OUTPOST_OF = re.compile(r"\b" + _OUTPOST + r"\s+of\s+(?:the\s+)?$")  # "mobile brigades of XYZ visited … in A"
_PLACE_LATER = re.compile(_PLACE_AFTER)
_OPENED_OUTPOST = re.compile(r"\b(?:opened|set\s+up|established|deployed|installed)\s+(?:\w+\s+)?" + _OUTPOST + _PLACE_AFTER)


def outposts(s: Sent) -> list[Found]:
    """"seven ABC service points in A, B and C", "brigades of XYZ visited 41 municipalities in A and B",
    "the commission opened registration desks at the border crossings of A and B" → the body operatesIn each place."""
    out: list[Found] = []
    places = [i for i, m in enumerate(s.ms) if m.type == "Location" and m.start >= 0]
    for i in places:
        if i > 0 and s.ms[i - 1].type == "Location" and s.group_ending(i) == s.group_ending(i - 1):
            continue  # the head of the list is handled with the whole list below
        pre_start = max(s.start, s.ms[i].start - 140)
        owners: list[int] = []
        for k, mm in enumerate(s.ms):
            if mm.type != "Organization" or not (pre_start <= mm.start and mm.end <= s.ms[i].start):
                continue
            between = s.text[mm.end : s.ms[i].start]
            sent_out = _OUTPOST_OF.search(s.text[max(s.start, mm.start - 40) : mm.start]) and _PLACE_LATER.match(between)
            if _OWNER_OUTPOST.match(between) or sent_out:
                owners = [k]
        if not owners:
            m = _OPENED_OUTPOST.search(s.text[pre_start : s.ms[i].start])
            if m:
                owners = _actor(s, pre_start + m.start())[0]
        out += _emit(s, owners, "operatesIn", s.group_from(i), "outposts", 0.65)
    return out


PLACE_RULES: tuple[Callable[[Sent], list[Found]], ...] = (operates_in, located_in, submissions, outposts)
