"""Relations stated by who acted together, whose staff was trained, and who gave money.

* "UNHCR and WFP delivered joint cash transfers …", "UNHCR and UNICEF jointly ran …" → the bodies
  named together as the subject partner with each other (partnersWith);
* "UNHCR trained 580 officials …, including staff of A, B and C" → UNHCR trains A, B and C;
* "UNHCR received USD 1.4 million (or "flexible funding") from the CERF" → the CERF funds UNHCR;
* "the Fund allocated USD 2 million to A, B and C" → the Fund funds A, B and C;
* "A, B and C remained the largest donors" → each funds the report's main actor;
* "coordinated by UNHCR and UNFPA" → two bodies leading one thing together co-lead it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .frames import _emit, _group_at
from .relations import Found, Sent, _main_actor_index, _subjects
from .triggers import AGREEMENT

_JOINT = re.compile(r"^\s*(?:jointly\s+\w+|\w+ed\s+(?:a\s+|the\s+)?joint\b|\w+ed\s+together\b"
                    # "A and B signed an agreement" (with no third party: "… with C" makes C the partner)
                    r"|signed\s+" + AGREEMENT + r"(?![^.;]{0,40}?\bwith\b))", re.IGNORECASE)


def joint_action(s: Sent) -> list[Found]:
    """Two or more organisations as the subject of a joint action partner with each other."""
    subj = [i for i in s.subject_group() if s.ms[i].type == "Organization"]
    if len(subj) < 2:
        return []
    last = s.ms[subj[-1]]
    after = s.text[last.end : min(s.end, last.end + 40)]
    if _JOINT.match(after):
        return _emit(s, subj[:1], "partnersWith", subj[1:], "joint_action", 0.7)
    # "UNHCR and the University created …": bodies that did one thing together work in partnership,
    # unless the verb already names their relation to a third body (support, leadership, funding)
    # or the list is a class of partners ("UNHCR partners NRC and JRS delivered …")
    before = s.text[max(s.start, s.ms[subj[0]].start - 12) : s.ms[subj[0]].start]
    if _OWN_RELATION.match(after) and _names_third_body(s, last.end) or re.search(r"\bpartners?\s+(?:the\s+)?$", before):
        return []
    return _emit(s, subj[:1], "partnersWith", subj[1:], "joint_subject", 0.6)


def _names_third_body(s: Sent, pos: int) -> bool:
    """A named body, programme or event follows the verb closely ("… supported the Ministry"); with
    only unnamed things after it ("… supported reintegration projects") the subjects just partnered."""
    end = s.clause(pos)[1]
    near = re.match(r"\s*(?:\S+\s+){0,8}", s.text[pos:end])
    limit = pos + (near.end() if near else 0)
    return any(pos < mm.start < limit and mm.type in ("Organization", "Programme", "Event") for mm in s.ms) or bool(
        re.match(r"^[^.;]{0,40}?,\s*together\s+with\b", s.text[pos:end])
    ) or bool(re.match(r"^\s*(?:\([^)]*\)\s*)?(?:are|is|were|was|have|has)\s", s.text[pos:end]))


# Verbs after a joint subject that state another relation than a partnership between the subjects
_OWN_RELATION = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:also\s+|jointly\s+)?(?:support|assist|help|co-?lead|co-?chair|lead|led|chair|fund|financ|"
    r"train|are\s|is\s|were\s|was\s|have\s|has\s)|^[^.;]{0,40}?,\s*together\s+with\b",
    re.IGNORECASE,
)


_TRAINED_STAFF = re.compile(r"\btrain(?:s|ed|ing)?\b[^.;]{0,160}?\b(?:including|among them|notably)\s+"
                            r"(?:\w+\s+)?(?:staff|officials|officers|personnel|members)\s+(?:of|from)\s+(?:the\s+)?",
                            re.IGNORECASE)


def trained_staff_of(s: Sent) -> list[Found]:
    """"S trained N officials …, including staff of A, B and C" → S trains A, B, C."""
    m = _TRAINED_STAFF.search(s.text, s.start, s.end)
    if not m:
        return []
    trainees = _group_at(s, m.end(), slack=2)
    trainer = s.subject_group()
    return _emit(s, trainer, "trains", [i for i in trainees if s.ms[i].type == "Organization"], "trained_staff_of", 0.7)


_RECEIVED_FROM = re.compile(r"\breceived\s+(?:(?:(?:some|about|over|nearly|more\s+than)\s+)?(?:USD|US\$|\$|EUR|€)\s*[\d.,]+"
                            r"(?:\s*(?:million|billion|thousand))?\s+(?:in\s+\w+\s+)?"
                            # "received flexible funding from A, B and C": money named by its kind, no sum
                            r"|(?:(?:[a-z-]+|multi-year)\s+){0,2}(?:funding|funds|contributions|grants?|financing)\s+)"
                            r"from\s+(?:the\s+)?", re.IGNORECASE)


def received_from(s: Sent) -> list[Found]:
    """"S received USD 1.4 million from the CERF" → the CERF funds S."""
    out: list[Found] = []
    for m in _RECEIVED_FROM.finditer(s.text, s.start, s.end):
        givers = _group_at(s, m.end(), slack=2)
        out += _emit(s, givers, "funds", s.subject_group(), "received_from", 0.75)
    return out


_MONEY = r"(?:(?:some|about|over|nearly|more\s+than|an?\s+additional)\s+)?(?:USD|US\$|\$|EUR|€)\s*[\d.,]+(?:\s*(?:million|billion|thousand))?"
_GAVE_TO = re.compile(r"\b(?:allocated|granted|disbursed|donated|channell?ed|contributed|provided)\s+" + _MONEY
                      + r"\s+(?:in\s+[a-z-]+\s+(?:funding|funds)\s+)?to\s+(?:the\s+)?", re.IGNORECASE)


def gave_money_to(s: Sent) -> list[Found]:
    """"The Fund allocated USD 2 million to A, B and C" → the Fund funds A, B and C."""
    out: list[Found] = []
    for m in _GAVE_TO.finditer(s.text, s.start, s.end):
        givers, _ = _subjects(s, m.start(), s.clause(m.start())[0])
        takers = _group_at(s, m.end(), slack=2)
        out += _emit(s, givers, "funds", takers, "gave_money_to", 0.75)
    return out


# "A, B and C were the largest donors": the bodies funded the report's main actor (or the body named after "to")
_TOP_DONORS = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:were|remained|are|remain|was|remains|is)\s+(?:again\s+|also\s+)?(?:the|its|our)\s+"
                         r"(?:(?:largest|biggest|main|major|principal|top|leading|key|most\s+important)\s+)"
                         r"(?:(?:[a-z-]+)\s+)?(?:donors?|contributors?|funders?|sources\s+of\s+funding)\b(?:\s+to\s+(?:the\s+)?)?",
                         re.IGNORECASE)


def top_donors(s: Sent) -> list[Found]:
    """"A, B and C remained the largest donors to the operation" → A, B and C fund the main actor."""
    out: list[Found] = []
    for g in s.groups():
        m = _TOP_DONORS.match(s.text, s.ms[g[-1]].end, s.end)
        # the copula right after the list makes it the subject ("remained" is not read as a verb by
        # subject_like); a list after a preposition is not
        if not m or re.search(r"\b(?:of|to|by|with|from|for|than|among)\s+(?:the\s+)?$", s.text[max(s.start, s.ms[g[0]].start - 12) : s.ms[g[0]].start]):
            continue
        named = _group_at(s, m.end(), slack=0) if m.group().rstrip().endswith(("to", "the")) else []
        named = [i for i in named if s.ms[i].type == "Organization"]
        idx = _main_actor_index(s) if s.main_actor else None
        receivers = named or ([idx] if idx is not None else [])
        out += _emit(s, g, "funds", receivers, "top_donors", 0.7)
    return out


def co_leaders(found: list[Found]) -> list[Found]:
    """"… coordinated by UNHCR and UNFPA": two bodies leading one thing together co-lead it."""
    leaders: dict[tuple[str, int, str], set[str]] = {}
    for f in found:
        if f.predicate in ("leads", "chairs") and f.rule == "passive":
            leaders.setdefault((f.object, f.start, f.predicate), set()).add(f.subject)
    return [replace(f, predicate="coLeads") if f.rule == "passive" and len(leaders.get((f.object, f.start, f.predicate), ())) > 1
            else f for f in found]


JOINT_RULES: tuple[Callable[[Sent], list[Found]], ...] = (joint_action, trained_staff_of, received_from, gave_money_to, top_donors)
