"""Scores an extraction against gold graph annotations (JSONL, see the data-format notes).

Matching: names are compared after case folding, whitespace collapsing, apostrophe and hyphen
normalisation and dropping a leading "the"; an entity matches a gold entity when any of its names
(label, acronym, aliases) equals any of the gold entity's names. A relation matches when its predicate
is equal and its subject and object match the gold subject and object by any name (``partnersWith`` is
symmetric). Entity precision only counts extracted entities of the types the gold file covers.

Splits: recall is computed per split. For precision per split, an extracted item that matches gold of
split S is a true positive for S; unmatched items are false positives shared out in proportion to each
split's share of the gold items (so dev and heldout precision are comparable with the overall figure).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .model import Entity, Extraction

SPLITS = ("dev", "heldout", "all")
_SYMMETRIC = {"partnersWith"}


@dataclass
class PRF:
    gold: int = 0
    found: int = 0  # gold items matched
    predicted: float = 0.0  # extracted items counted for this split (false positives shared)
    correct: int = 0  # extracted items that match gold of this split

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    def as_dict(self) -> dict:
        return {**asdict(self), "recall": round(self.recall, 4), "precision": round(self.precision, 4)}


@dataclass
class GraphScores:
    entities: dict[str, PRF] = field(default_factory=dict)
    relations: dict[str, PRF] = field(default_factory=dict)
    entity_types: dict[str, dict[str, PRF]] = field(default_factory=dict)  # split → type → PRF
    predicates: dict[str, dict[str, PRF]] = field(default_factory=dict)  # split → predicate → PRF
    rules: dict[str, dict[str, int]] = field(default_factory=dict)  # rule → {"extracted","correct"}
    missed_dev: dict[str, list[str]] = field(default_factory=dict)  # dev items only (safe to show)

    def as_dict(self) -> dict:
        return {
            "entities": {k: v.as_dict() for k, v in self.entities.items()},
            "relations": {k: v.as_dict() for k, v in self.relations.items()},
            "entity_types": {s: {t: v.as_dict() for t, v in d.items()} for s, d in self.entity_types.items()},
            "predicates": {s: {t: v.as_dict() for t, v in d.items()} for s, d in self.predicates.items()},
            "rules": self.rules,
        }

    def format(self) -> str:
        lines = ["            split     recall  precision   (found/gold, correct/predicted)"]
        for what, table in (("entities", self.entities), ("relations", self.relations)):
            for split in SPLITS:
                s = table.get(split)
                if s:
                    lines.append(
                        f"{what:11} {split:8} {s.recall:7.3f} {s.precision:9.3f}   ({s.found}/{s.gold}, {s.correct}/{s.predicted:.1f})"
                    )
        lines.append("rules: " + ", ".join(f"{r}={d['correct']}/{d['extracted']}" for r, d in sorted(self.rules.items())))
        return "\n".join(lines)


def norm(name: str) -> str:
    s = name.replace("’", "'").replace("´", "'").replace("`", "'").replace("‘", "'")
    s = re.sub(r"-\s+", "-", s)
    s = s.replace("-", " ").casefold()
    s = " ".join(s.split()).strip(" .,;:")
    return s[4:] if s.startswith("the ") else s


def _names(e: Entity) -> set[str]:
    return {norm(n) for n in (e.label, e.acronym or "", *e.aliases) if n}


def load_gold(path: Path | str) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()]


def evaluate_graph(gold_path: Path | str, extractions: Extraction | Iterable[Extraction]) -> GraphScores:
    """Entity and relation recall/precision of ``extractions`` against the gold file."""
    exs = [extractions] if isinstance(extractions, Extraction) else list(extractions)
    gold = load_gold(gold_path)
    g_ents = [g for g in gold if g.get("kind") == "entity"]
    g_rels = [g for g in gold if g.get("kind") == "relation"]
    g_names = [{norm(g["label"]), *(norm(a) for a in g.get("aliases", []))} for g in g_ents]
    entities = [e for x in exs for e in x.entities]
    names_of = {e.key: _names(e) for e in entities}
    scores = GraphScores()

    # entities
    covered = {g["type"] for g in g_ents}
    pred = [e for e in entities if e.type in covered]
    matches = {e.key: {i for i, gn in enumerate(g_names) if names_of[e.key] & gn} for e in pred}
    scores.entities = _score(
        [g.get("split", "dev") for g in g_ents],
        [any(names_of[e.key] & gn for e in entities) for gn in g_names],
        [{g_ents[i].get("split", "dev") for i in matches[e.key]} for e in pred],
    )
    for t in sorted(covered):
        idx = [i for i, g in enumerate(g_ents) if g["type"] == t]
        tp = [e for e in pred if e.type == t]
        per = _score(
            [g_ents[i].get("split", "dev") for i in idx],
            [any(names_of[e.key] & g_names[i] for e in entities) for i in idx],
            [{g_ents[i].get("split", "dev") for i in matches[e.key]} for e in tp],
        )
        for split, prf in per.items():
            scores.entity_types.setdefault(split, {})[t] = prf
    scores.missed_dev["entities"] = [
        g["label"] for g, gn in zip(g_ents, g_names, strict=True)
        if g.get("split") == "dev" and not any(names_of[e.key] & gn for e in entities)
    ]

    # relations
    def gold_side(s: str) -> set[str]:
        n = norm(s)
        for gn in g_names:
            if n in gn:
                return gn
        return {n}

    g_sides = [(gold_side(g["subject"]), g["predicate"], gold_side(g["object"])) for g in g_rels]
    triples: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for x in exs:
        for r in x.relations:
            triples[(r.subject, r.predicate, r.object)].append(r.rule or "?")

    def rel_match(t: tuple[str, str, str], g: tuple[set[str], str, set[str]]) -> bool:
        s, p, o = t
        if p != g[1]:
            return False
        sn, on = names_of.get(s, {norm(s)}), names_of.get(o, {norm(o)})
        if sn & g[0] and on & g[2]:
            return True
        return p in _SYMMETRIC and bool(sn & g[2] and on & g[0])

    t_list = list(triples)
    t_matches = [{i for i, g in enumerate(g_sides) if rel_match(t, g)} for t in t_list]
    scores.relations = _score(
        [g.get("split", "dev") for g in g_rels],
        [any(i in m for m in t_matches) for i in range(len(g_rels))],
        [{g_rels[i].get("split", "dev") for i in m} for m in t_matches],
    )
    for p in sorted({g["predicate"] for g in g_rels} | {t[1] for t in t_list}):
        idx = [i for i, g in enumerate(g_rels) if g["predicate"] == p]
        tm = [m for t, m in zip(t_list, t_matches, strict=True) if t[1] == p]
        per = _score(
            [g_rels[i].get("split", "dev") for i in idx],
            [any(i in m for m in t_matches) for i in idx],
            [{g_rels[i].get("split", "dev") for i in m} for m in tm],
            share_total=len(g_rels),
            share_counts=Counter(g.get("split", "dev") for g in g_rels),
        )
        for split, prf in per.items():
            scores.predicates.setdefault(split, {})[p] = prf
    for t, m in zip(t_list, t_matches, strict=True):
        for rule in set(triples[t]):
            d = scores.rules.setdefault(rule, {"extracted": 0, "correct": 0})
            d["extracted"] += 1
            d["correct"] += bool(m)
    scores.missed_dev["relations"] = [
        f"{g['subject']} {g['predicate']} {g['object']}"
        for i, g in enumerate(g_rels)
        if g.get("split") == "dev" and not any(i in m for m in t_matches)
    ]
    return scores


def _score(
    gold_splits: list[str],
    gold_found: list[bool],
    pred_splits: list[set[str]],
    share_total: int | None = None,
    share_counts: Counter | None = None,
) -> dict[str, PRF]:
    counts = share_counts or Counter(gold_splits)
    total = share_total or len(gold_splits) or 1
    false_pos = sum(1 for s in pred_splits if not s)
    out: dict[str, PRF] = {}
    for split in SPLITS:
        sel = [f for s, f in zip(gold_splits, gold_found, strict=True) if split == "all" or s == split]
        correct = sum(1 for s in pred_splits if s and (split == "all" or split in s))
        share = 1.0 if split == "all" else counts.get(split, 0) / total
        out[split] = PRF(gold=len(sel), found=sum(sel), predicted=correct + false_pos * share, correct=correct)
    return out
