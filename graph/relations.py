"""Relation extraction: trigger rules over the mentions of each sentence, plus frames that plain
"trigger between two mentions" rules miss (see ``graph.frames``).

Every relation keeps the sentence (or the two sentences) it came from as evidence: passage id,
page, exact span into ``Document.text`` and the quoted text, with a confidence and the rule name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import Document

from .entities import Placed
from .model import Entity, Relation
from .sentview import M, Sent, Unit
from .triggers import (
    FRONTED,
    HEAD_OF,
    LEADERSHIP,
    OBJECT_STOP,
    RELATIVE_START,
    SIGNATURES,
    TRIGGERS,
)


@dataclass
class Found:
    subject: str
    predicate: str
    object: str
    rule: str
    confidence: float
    start: int  # view span of the evidence
    end: int
    unit: Unit
    quantity: float | None = None
    extra_units: tuple[Unit, ...] = ()


def compatible(pred: str, subj_type: str, obj_type: str) -> bool:
    s, o = SIGNATURES[pred]
    return subj_type in s and obj_type in o


def build_sentences(units: list[Unit], placed: list[Placed], by_key: dict[str, Entity], main: str | None) -> list[list[Sent]]:
    """Mentions grouped per sentence, with "Long Form (ACR)" pairs made one slot."""
    by_passage: dict[str, list[Placed]] = {}
    for p in placed:
        if p.key in by_key:
            by_passage.setdefault(p.passage_id, []).append(p)
    out = []
    for u in units:
        ps = sorted(by_passage.get(u.passage.id, []), key=lambda p: p.cand.start)
        sents = []
        for idx, s in enumerate(u.sentences):
            ms: list[M] = []
            for p in ps:
                c = p.cand
                if not (s.start <= c.start and c.end <= s.end):
                    continue
                e = by_key[p.key]
                if ms and ms[-1].key == p.key and re.fullmatch(r"\s*\(?\s*", u.view.text[ms[-1].end : c.start]):
                    end = c.end + 1 if u.view.text[c.end : c.end + 1] == ")" else c.end
                    ms[-1].end = end
                    continue
                ms.append(M(c.start, c.end, p.key, e.type, u.view.text[c.start : c.end], c.source))
            sents.append(Sent(u.view.text, s.start, s.end, ms, u, idx, main))
        out.append(sents)
    return out


def trigger_rules(s: Sent) -> list[Found]:
    """Active, passive and copula triggers with their subjects and objects."""
    found: list[Found] = []
    for trig in TRIGGERS:
        for m in trig.pattern.finditer(s.text, s.start, s.end):
            if any(mm.start <= m.start() < mm.end for mm in s.ms):
                continue  # the trigger word is inside a name ("Working Group … Leads")
            ca, cb = s.clause(m.start())
            if trig.voice == "passive":
                found += _passive(s, trig, m, ca, cb)
                continue
            subjects, how = _subjects(s, m.start(), ca, copula=trig.voice == "copula")
            if not subjects:
                continue
            if trig.predicate != "pledges" and _not_factual(s, m.start(), ca):
                continue  # "pledged to establish X" is a pledge, not an establishment
            objects, partners = _objects(s, trig, m.end(), cb)
            if how == "object_relative":
                objects = [_antecedent(s, ca, m.start())] if _antecedent(s, ca, m.start()) is not None else []
            ok = [i for i in objects if any(compatible(trig.predicate, s.ms[k].type, s.ms[i].type) for k in subjects)]
            # the window counts from after a "jointly with A and B," aside, which is not the object phrase
            after = s.ms[partners[-1]].end if partners else m.end()
            if not ok or len(s.text[after : s.ms[ok[0]].start].split()) > trig.window:
                continue
            if trig.predicate in LEADERSHIP and HEAD_OF.search(s.text[m.end() : s.ms[ok[0]].start]):
                continue  # "leading the protection work of the Network": the head noun is led, not the Network
            # "UNHCR leads, together with UNDP, the results group": leading with a partner is co-leading
            pred = "coLeads" if partners and trig.predicate == "leads" and trig.voice == "active" else trig.predicate
            for si in subjects + partners:
                for oi in objects:
                    so, oo = s.ms[si], s.ms[oi]
                    if so.key == oo.key or not compatible(pred, so.type, oo.type):
                        continue
                    rule = f"{trig.voice}:{how}" if si in subjects else "together_with"
                    found.append(Found(so.key, pred, oo.key, rule, trig.confidence, s.start, s.end, s.unit))
    return found


_GOVERNANCE = frozenset({"implements", "establishes", "approves", "issues"})


def _not_factual(s: Sent, pos: int, clause_start: int) -> bool:
    """Verbs under a pledge, an aim, a capacity or a purpose ("for issuing") state no fact."""
    before = s.text[max(s.start, pos - 25) : pos]
    if re.search(r"\b(?:pledg\w*|aim\w*|plan\w*|intend\w*|seek\w*|propos\w*|commit\w*|capacit(?:y|ies))\s+to\s+$", before):
        return True
    if re.search(r"\bfor\s+$", before):
        return True
    if re.search(r"\b(?:will|shall|would)\s+(?:(?:also|continue\s+to|further|keep)\s+)?$", before):
        return True  # "UNHCR will work with …": a plan, not something that happened
    return bool(re.search(r"\bpledg", s.text[clause_start:pos]))


_AFTER_VERB = re.compile(r"\b(?:[a-z]{3,}ed|led|ran|held|heads|leads|chairs|co-?leads)\s+(?:the\s+)?$")
_WITH_AFTER = re.compile(r"\s*,\s*(?:together|jointly|along)\s+with\s+(?:the\s+)?")


def _subjects(s: Sent, pos: int, clause_start: int, copula: bool = False) -> tuple[list[int], str]:
    """Who does the verb at ``pos``: the clause's own subject, a relative clause's antecedent,
    or (for a verb without a subject of its own) the sentence's subject / the report's main actor."""
    head = s.text[clause_start:pos]
    if RELATIVE_START.match(head) or re.search(r"\b(?:that|which|who)\s+(?:\w+\s+){0,2}$", head):
        rel = re.search(r"\b(?:that|which|who)\b", s.text[max(clause_start, s.start) : pos])
        rel_pos = max(clause_start, s.start) + rel.start() if rel else clause_start
        inner = [i for i, mm in enumerate(s.ms) if rel_pos <= mm.start and mm.end <= pos and s.subject_like(i)]
        if inner:
            # "X, which the Ministry established": the relative pronoun is the object
            direct = re.match(r"\s*(?:which|that)\s+(?:the\s+)?$", s.text[rel_pos : s.ms[inner[0]].start])
            return s.group_ending(inner[-1]), "object_relative" if direct else "clause"
        before = [i for i, mm in enumerate(s.ms) if 0 <= mm.end <= rel_pos and rel_pos - mm.end < 40]
        if before and not re.search(r"\w+,\s*(?:\w+\s+){0,3}$", s.text[rel_pos:pos]):
            return s.group_ending(before[-1]), "relative"
    local = [i for i, mm in enumerate(s.ms) if clause_start <= mm.start and mm.end <= pos and s.subject_like(i)]
    local = [i for i in local if not FRONTED.match(s.text[s.start : s.end]) or s.ms[i].start >= s.start + FRONTED.match(s.text[s.start : s.end]).end()]
    if local:
        group = s.group_ending(local[-1])
        # "IOM led the Shelter Sector and WFP led …": a list that starts right after a verb is that
        # verb's object, so only its last name is the new subject
        if len(group) > 1 and _AFTER_VERB.search(s.text, max(clause_start, s.start), s.ms[group[0]].start):
            group = group[-1:]
        # "UNHCR, together with IOM, co-leads …": the body named in the aside acts too
        m = _WITH_AFTER.match(s.text, s.ms[group[-1]].end, pos)
        first = s.next_mention_after(m.end() - 1) if m else None
        if first is not None and s.ms[first].start <= m.end() + 1 and s.ms[first].end < pos:
            aside = s.group_from(first)
            if re.fullmatch(r"\s*,\s*", s.text[s.ms[aside[-1]].end : pos]):
                return group + aside, "clause"
        return group, "clause"
    if copula:
        return [], ""
    subj = s.subject_group()
    if subj and s.ms[subj[-1]].end <= pos:
        return subj, "sentence"
    words = s.text[s.start : pos].split()
    if s.main_actor and (len(words) <= 2 or re.search(r"(?:^|[,;]\s*)\w+ing\s*$", s.text[s.start : pos + 1])):
        idx = _main_actor_index(s)
        if idx is not None:
            return [idx], "main_actor"
    return [], ""


def _antecedent(s: Sent, clause_start: int, pos: int) -> int | None:
    rel = re.search(r"\b(?:which|that)\b", s.text[max(clause_start, s.start) : pos])
    if not rel:
        return None
    rel_pos = max(clause_start, s.start) + rel.start()
    before = [i for i, mm in enumerate(s.ms) if 0 <= mm.end <= rel_pos and rel_pos - mm.end < 6]
    return before[-1] if before else None


def _main_actor_index(s: Sent) -> int | None:
    """A pseudo-slot for the report's main actor (appended once per sentence)."""
    for i, mm in enumerate(s.ms):
        if mm.key == s.main_actor and mm.start == mm.end == -1:
            return i
    s.ms.append(M(-1, -1, s.main_actor or "", "Organization", ""))
    return len(s.ms) - 1


def _objects(s: Sent, trig, pos: int, clause_end: int) -> tuple[list[int], list[int]]:
    """Compatible mentions after the trigger, up to where a new verb phrase starts.

    Returns (objects, co-subjects): "co-chair, together with WFP, the IAWG" → ([IAWG], [WFP]).
    """
    partners: list[int] = []
    with_m = re.match(r"\s*,?\s*(?:together\s+|jointly\s+|along\s+)?with\s+(?:the\s+)?", s.text[pos:clause_end])
    if with_m:
        first = s.next_mention_after(pos)
        if first is not None and s.ms[first].start <= pos + with_m.end() + 2:
            partners = s.group_from(first)
            comma = s.text.find(",", s.ms[partners[-1]].end, clause_end)
            if comma != -1 and comma - s.ms[partners[-1]].end <= 2:
                pos = comma + 1
            else:
                partners = []
    if trig.predicate == "pledges":
        end = clause_end  # "pledging to improve … through X, to include …, to implement Y"
    else:
        stop = OBJECT_STOP.search(s.text, pos, clause_end)
        end = stop.start() if stop else clause_end
    objs = [i for i, mm in enumerate(s.ms) if pos <= mm.start and mm.end <= end and i not in partners]
    # "the programme (Ruta Trabajo) of the MTSS": the owner after "of" is not an object
    objs = [i for k, i in enumerate(objs) if k == 0 or not re.fullmatch(r"\s*(?:\([^)]*\)\s*)?of\s+(?:the\s+)?", s.text[s.ms[objs[k - 1]].end : s.ms[i].start])]
    # "… on World Health Day", "during the floods": an event named as a time is not an object
    objs = [i for i in objs if s.ms[i].type != "Event" or not _EVENT_AS_TIME.search(s.text, pos, s.ms[i].start)]
    if not objs:
        return [], partners
    return objs, partners


_EVENT_AS_TIME = re.compile(r"\b(?:on|during|since|until|after|before)\s+(?:the\s+)?$")


def _passive(s: Sent, trig, m: re.Match[str], ca: int, cb: int) -> list[Found]:
    by = m.end()
    # "by the U.S. Office of …", "by the partner X": a country abbreviation or a class may sit before the agent
    agents = [i for i, mm in enumerate(s.ms) if mm.start >= by and (mm.start - by <= 6 or _ABBREV_GAP.fullmatch(s.text[by : mm.start]))]
    if not agents:
        return []
    agents = s.group_from(agents[0])
    before = [i for i, mm in enumerate(s.ms) if ca <= mm.start and mm.end <= m.start()]
    # the nearest mention that can take the relation: "UNHCR's work in the country was funded by …" is UNHCR's
    fit = [i for i in before if any(compatible(trig.predicate, s.ms[a].type, s.ms[i].type) for a in agents)]
    if fit and trig.predicate != "approves":
        before = before[: before.index(fit[-1]) + 1]
    out = []
    for oi in before[-1:] if trig.predicate != "approves" else before[-2:]:
        for ai in agents:
            a, o = s.ms[ai], s.ms[oi]
            if compatible(trig.predicate, a.type, o.type) and a.key != o.key:
                out.append(Found(a.key, trig.predicate, o.key, "passive", trig.confidence, s.start, s.end, s.unit))
    # "approved in April by the Congress (Law No.4471)": the law named right after the agent
    if trig.predicate == "approves":
        after = [i for i, mm in enumerate(s.ms) if i not in agents and mm.start > s.ms[agents[-1]].end and mm.start - s.ms[agents[-1]].end <= 3]
        for oi in after:
            for ai in agents:
                if compatible("approves", s.ms[ai].type, s.ms[oi].type):
                    out.append(Found(s.ms[ai].key, "approves", s.ms[oi].key, "passive", trig.confidence, s.start, s.end, s.unit))
    return out


# "by the U.S. Office …", "by the partner NGO X", "by its partner X": words between "by" and the agent
_ABBREV_GAP = re.compile(r"\s+(?:the\s+|its\s+|their\s+)?(?:(?:[A-Z]\.){2,}|(?:implementing\s+)?partners?(?:\s+NGO)?|NGO)\s+")


def extract_relations(doc: Document, units: list[Unit], placed: list[Placed], by_key: dict[str, Entity], main: str | None) -> list[Relation]:
    from .frames import FRAME_RULES, cross_sentence
    from .frames_joint import JOINT_RULES, co_leaders
    from .frames_place import PLACE_RULES
    from .frames_roles import ROLE_RULES
    from .frames_support import SUPPORT_RULES

    per_unit = build_sentences(units, placed, by_key, main)
    found: list[Found] = []
    for sents in per_unit:
        for s in sents:
            found += trigger_rules(s)
            for rule in (*FRAME_RULES, *SUPPORT_RULES, *PLACE_RULES, *JOINT_RULES, *ROLE_RULES):
                found += rule(s)
        found += cross_sentence(sents)
    return _to_relations(doc, co_leaders(found))


def _to_relations(doc: Document, found: list[Found]) -> list[Relation]:
    best: dict[tuple[str, str, str, int], Found] = {}
    for f in found:
        if not f.subject or not f.object or f.subject == f.object:
            continue
        k = (f.subject, f.predicate, f.object, f.start + hash(f.unit.passage.id))
        if k not in best or f.confidence > best[k].confidence:
            best[k] = f
    out = []
    for f in best.values():
        a, b = f.unit.view.span(f.start, f.end)
        page = doc.page_at(a)
        out.append(
            Relation(
                subject=f.subject,
                predicate=f.predicate,
                object=f.object,
                passage_id=f.unit.passage.id,
                page=page.number if page else (f.unit.passage.pages[0] if f.unit.passage.pages else 0),
                start=a,
                end=b,
                evidence=doc.text[a:b],
                confidence=f.confidence,
                rule=f.rule,
                quantity=f.quantity,
            )
        )
    out.sort(key=lambda r: (r.start, r.predicate, r.subject, r.object))
    return out
