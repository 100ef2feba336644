"""Pure functions that shape a build's documents and extractions for the app's pages.

No Streamlit here, so every page's data is testable without a browser. Entities
are identified in the app by a ``uid``: an international entity (same IRI in
every report) is its slugged key; any other entity is ``<report slug>:<slugged key>``,
so two countries' "Ministry of Health" never merge.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.ids import short_hash, slugify
from graph.model import Entity, Extraction, Mention, Relation
from ingest.model import Document, IndicatorRow, Passage, Value

PREDICATE_LABELS: dict[str, str] = {
    "coLeads": "co-leads",
    "leads": "leads",
    "chairs": "chairs",
    "memberOf": "member of",
    "partOf": "part of",
    "partnersWith": "partners with",
    "supports": "supports",
    "funds": "funds",
    "trains": "trains",
    "approves": "approves",
    "establishes": "establishes",
    "implements": "implements",
    "issues": "issues",
    "pledges": "pledges",
    "participatesIn": "participates in",
    "operatesIn": "operates in",
    "locatedIn": "located in",
    "submitsTo": "submits to",
    "engages": "engages",
}
# How a relation reads from its object's side ("the IAWG is co-chaired by WFP").
PASSIVE_LABELS: dict[str, str] = {
    "coLeads": "co-led by",
    "leads": "led by",
    "chairs": "chaired by",
    "memberOf": "has member",
    "partOf": "has part",
    "partnersWith": "partners with",
    "supports": "supported by",
    "funds": "funded by",
    "trains": "trained by",
    "approves": "approved by",
    "establishes": "established by",
    "implements": "implemented by",
    "issues": "issued by",
    "pledges": "pledged by",
    "participatesIn": "has participant",
    "operatesIn": "has presence of",
    "locatedIn": "contains",
    "submitsTo": "receives submissions from",
    "engages": "engaged by",
}
# Questions a reader could ask about one relation; {s} subject, {o} object.
_QUESTION_TEMPLATES: dict[str, str] = {
    "coLeads": "Who co-leads {o}?",
    "leads": "Who leads {o}?",
    "chairs": "Who chairs {o}?",
    "memberOf": "Who is a member of {o}?",
    "partnersWith": "Who does {s} partner with?",
    "supports": "Who supports {o}?",
    "funds": "Who funds {o}?",
    "trains": "Who does {s} train?",
    "implements": "Who implements {o}?",
    "operatesIn": "Where does {s} operate?",
    "engages": "Who does {s} engage with?",
    "participatesIn": "Who participates in {o}?",
}


def predicate_label(predicate: str) -> str:
    return PREDICATE_LABELS.get(predicate) or re.sub(r"(?<!^)([A-Z])", r" \1", predicate).lower()


def passive_label(predicate: str) -> str:
    return PASSIVE_LABELS.get(predicate) or f"{predicate_label(predicate)} (by others)"


@dataclass
class EntityView:
    uid: str
    label: str
    type: str
    subtype: str = ""
    acronym: str | None = None
    aliases: set[str] = field(default_factory=set)
    identifiers: dict[str, str] = field(default_factory=dict)
    reports: set[str] = field(default_factory=set)  # report ids
    international: bool = False
    mentions: int = 0
    relations: int = 0

    @property
    def display(self) -> str:
        if self.acronym and self.acronym != self.label:
            return f"{self.label} ({self.acronym})"
        return self.label

    @property
    def short(self) -> str:
        return self.acronym or self.label


@dataclass(frozen=True)
class RelationView:
    subject: str  # uid
    predicate: str
    object: str  # uid
    report: str
    relation: Relation


class Catalogue:
    """Every entity of a build under its uid, with its mentions and relations (built once per build)."""

    def __init__(self, documents: Mapping[str, Document], extractions: Mapping[str, Extraction]) -> None:
        self.documents = documents
        self.entities: dict[str, EntityView] = {}
        self.relations: list[RelationView] = []
        self.mentions: dict[str, list[tuple[str, Mention]]] = defaultdict(list)  # uid -> (report, mention)
        self.passage_entities: dict[str, list[str]] = defaultdict(list)  # passage id -> uids, first seen first
        self._uid: dict[tuple[str, str], str] = {}
        self._origin: dict[str, object] = {}  # uid -> what it stands for
        for rid, ex in extractions.items():
            slug = documents[rid].report.slug if rid in documents else rid
            for e in ex.entities:
                self._add_entity(rid, slug, e)
            for m in ex.mentions:
                uid = self._uid.get((rid, m.entity))
                if uid is None:
                    continue
                self.mentions[uid].append((rid, m))
                self.entities[uid].mentions += 1
                if uid not in self.passage_entities[m.passage_id]:
                    self.passage_entities[m.passage_id].append(uid)
            for r in ex.relations:
                s, o = self._uid.get((rid, r.subject)), self._uid.get((rid, r.object))
                if s is None or o is None:
                    continue
                self.relations.append(RelationView(s, r.predicate, o, rid, r))
                self.entities[s].relations += 1
                if o != s:
                    self.entities[o].relations += 1

    def _add_entity(self, rid: str, slug: str, e: Entity) -> None:
        origin = e.key if e.international else (rid, e.key)
        uid = slugify(e.key) if e.international else f"{slug}:{slugify(e.key)}"
        if self._origin.setdefault(uid, origin) != origin:  # two keys, one slug: keep them apart
            uid = f"{uid}-{short_hash(e.key, 6)}"
            self._origin[uid] = origin
        self._uid[(rid, e.key)] = uid
        view = self.entities.get(uid)
        if view is None:
            view = self.entities[uid] = EntityView(
                uid=uid, label=e.label, type=e.type, subtype=e.subtype, acronym=e.acronym,
                international=e.international,
            )
        view.aliases.update(a for a in [e.label, *e.aliases] if a)
        view.identifiers.update(e.identifiers)
        view.reports.add(rid)
        view.acronym = view.acronym or e.acronym

    def uid(self, report: str, key: str) -> str | None:
        return self._uid.get((report, key))

    def find(self, text: str) -> EntityView | None:
        """An entity by uid, key, label, acronym or alias (case-insensitive for names)."""
        if text in self.entities:
            return self.entities[text]
        for view in self.entities.values():
            if view.uid.split(":", 1)[-1] == slugify(text):
                return view
        prefix, _, rest = text.rpartition(":")
        name = rest.strip() if prefix else text.strip()
        low = name.lower()
        for view in self.entities.values():
            if prefix and not view.uid.startswith(prefix + ":"):
                continue
            if (view.acronym or "").lower() == low or low in {a.lower() for a in view.aliases}:
                return view
        return None

    def rows(self) -> list[dict[str, Any]]:
        """One table row per entity, most mentioned first."""
        out = [
            {
                "uid": v.uid, "name": v.label, "acronym": v.acronym or "", "type": v.type,
                "subtype": v.subtype, "mentions": v.mentions, "relations": v.relations,
                "reports": len(v.reports), "international": v.international,
            }
            for v in self.entities.values()
        ]
        return sorted(out, key=lambda r: (-r["mentions"], -r["relations"], r["name"].lower()))

    def relations_of(self, uid: str) -> dict[str, list[RelationView]]:
        """Relations touching ``uid``, grouped by how they read from its side ("co-leads", "co-led by" …)."""
        groups: dict[str, list[RelationView]] = defaultdict(list)
        for rv in self.relations:
            if rv.subject == uid:
                groups[predicate_label(rv.predicate)].append(rv)
            if rv.object == uid and rv.object != rv.subject:
                groups[passive_label(rv.predicate)].append(rv)
        def weight(item: tuple[str, list[RelationView]]) -> tuple[int, int, str]:
            # who-works-with-whom first: relations with another organisation before places and topics
            kind, items = item
            with_orgs = sum(
                self.entities[rv.object if rv.subject == uid else rv.subject].type == "Organization" for rv in items
            )
            return (-with_orgs, -len(items), kind)

        return dict(sorted(groups.items(), key=weight))

    def passages_of(self, uid: str) -> list[tuple[Passage, list[tuple[int, int]]]]:
        """Every passage that mentions ``uid``, with the mention spans relative to the passage."""
        spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for rid, m in self.mentions.get(uid, []):
            spans[(rid, m.passage_id)].append((m.start, m.end))
        out: list[tuple[Passage, list[tuple[int, int]]]] = []
        for (rid, pid), abs_spans in spans.items():
            doc = self.documents.get(rid)
            if doc is None:
                continue
            try:
                p = doc.passage(pid)
            except KeyError:
                continue
            out.append((p, [(s - p.start, e - p.start) for s, e in abs_spans]))
        return sorted(out, key=lambda item: (item[0].report, item[0].start))

    def example_questions(self, limit: int = 6) -> list[str]:
        """Questions this graph can answer, made from its own relations, acronyms and tables."""
        by_predicate: dict[str, list[RelationView]] = defaultdict(list)
        for rv in self.relations:
            if rv.predicate in _QUESTION_TEMPLATES:
                by_predicate[rv.predicate].append(rv)
        questions: list[str] = []
        # the templates are listed most telling first (who leads beats where someone operates)
        order = list(_QUESTION_TEMPLATES)
        ranked = sorted(by_predicate.items(), key=lambda kv: order.index(kv[0]))
        for predicate, items in ranked:
            best = max(items, key=lambda rv: (rv.relation.confidence, -len(self.entities[rv.object].short)))
            q = _QUESTION_TEMPLATES[predicate].format(
                s=self.entities[best.subject].short, o=self.entities[best.object].short
            )
            if q not in questions:
                questions.append(q)
            if len(questions) >= limit - 2:
                break
        acronyms = [v for v in self.entities.values() if v.acronym and v.type in ("Organization", "Programme")]
        if acronyms:
            # a body of the report's own country is a better example than a household name
            pick = max(acronyms, key=lambda v: (not v.international, v.mentions, v.acronym or ""))
            questions.append(f"What does {pick.acronym} stand for?")
        indicators = [row for doc in self.documents.values() for row in doc.indicators if row.actual]
        if indicators:
            row = indicators[0]
            questions.append(f"What was the actual value of indicator {row.code} ({row.area.code})?")
        return questions[:limit]


# indicators and budget ------------------------------------------------------------------------------


def unit_kind(unit: str) -> str:
    """``percent``, ``number`` or ``scale`` (a text scale such as "Extensive: ≥70 points")."""
    if unit in ("percent", "number"):
        return unit
    return "scale"


def _num(v: Value | None) -> float | None:
    return v.value if v is not None else None


def _text(v: Value | None) -> str:
    return v.text if v is not None else ""


def gap_to_target(row: IndicatorRow) -> float | None:
    """Actual minus target for numeric indicators (percentage points for percent units)."""
    actual, target = _num(row.actual), _num(row.target)
    if actual is None or target is None or unit_kind(row.unit) == "scale":
        return None
    return round(actual - target, 2)


def status(row: IndicatorRow) -> str:
    gap = gap_to_target(row)
    if row.target is None:
        return "no target"
    if gap is None:
        return "see values"
    return "met" if gap >= 0 else "below target"


def indicator_rows(doc: Document, area: str | None = None) -> list[dict[str, Any]]:
    """Table rows of a report's indicators (optionally one area), values as printed plus numbers."""
    rows = []
    for i, row in enumerate(doc.indicators):
        if area and row.area.code != area:
            continue
        rows.append(
            {
                "row": i, "area": row.area.code, "area_title": row.area.title, "code": row.code,
                "indicator": row.label, "population": row.population,
                "baseline": _text(row.baseline), "target": _text(row.target), "actual": _text(row.actual),
                "baseline_value": _num(row.baseline), "target_value": _num(row.target),
                "actual_value": _num(row.actual), "unit": row.unit, "unit_kind": unit_kind(row.unit),
                "gap": gap_to_target(row), "status": status(row),
                "page": ", ".join(str(p) for p in row.pages), "passage_id": row.passage_id,
            }
        )
    return rows


def areas(doc: Document) -> list[tuple[str, str]]:
    """(code, title) of the areas that have indicators, in report order."""
    seen: dict[str, str] = {}
    for row in doc.indicators:
        seen.setdefault(row.area.code, row.area.title)
    return list(seen.items())


def area_goal(doc: Document, code: str) -> str:
    for s in doc.sections:
        if s.area is not None and s.area.code == code and s.goal:
            return s.goal
    return ""


def budget_rows(doc: Document) -> list[dict[str, Any]]:
    rows = []
    for b in doc.budget:
        rows.append(
            {
                "table": b.table, "area": b.area.code, "title": b.area.title, "currency": b.currency,
                "final_budget": _num(b.final_budget), "funds_available": _num(b.funds_available),
                "funded_pct": _num(b.funds_available_pct), "expenditure": _num(b.expenditure),
                "spent_pct": _num(b.expenditure_pct),
                "page": ", ".join(str(p) for p in b.pages), "passage_id": b.passage_id,
            }
        )
    return rows


def value_spans(passage: Passage, texts: Iterable[str]) -> list[tuple[int, int]]:
    """Where each printed value occurs in a passage (first occurrence), for highlighting."""
    spans = []
    for t in texts:
        if t:
            i = passage.text.find(t)
            if i >= 0:
                spans.append((i, i + len(t)))
    return spans


def report_counts(doc: Document, ex: Extraction | None) -> dict[str, int]:
    return {
        "pages": len(doc.pages), "sections": len(doc.sections), "passages": len(doc.passages),
        "indicators": len(doc.indicators), "budget rows": len(doc.budget),
        "entities": len(ex.entities) if ex else 0, "relations": len(ex.relations) if ex else 0,
    }


def type_counts(catalogue: Catalogue) -> Counter[str]:
    return Counter(v.type for v in catalogue.entities.values())
