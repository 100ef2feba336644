"""Entity listings and name lookup for the CLI (``reportgraph entities`` / ``reportgraph entity NAME``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .acronyms import acronym_base
from .gazetteer import fold
from .model import Entity, Extraction


def entity_summary(extraction: Extraction) -> list[dict]:
    """One row per entity: ``{"key","type","label","aliases","mentions","relations"}``."""
    mentions = Counter(m.entity for m in extraction.mentions)
    relations: Counter[str] = Counter()
    for r in extraction.relations:
        relations[r.subject] += 1
        relations[r.object] += 1
    return [
        {
            "key": e.key,
            "type": e.type,
            "label": e.label,
            "aliases": list(e.aliases),
            "mentions": mentions[e.key],
            "relations": relations[e.key],
        }
        for e in sorted(extraction.entities, key=lambda e: (e.type, e.label.lower()))
    ]


def _norm(name: str) -> str:
    name = name.replace("’", "'").replace("´", "'").replace("`", "'").strip()
    name = re.sub(r"^(?:the|The)\s+", "", name)
    return fold(name)


def _names(e: Entity) -> list[str]:
    return [n for n in (e.label, e.acronym or "", *e.aliases) if n]


def find_entity(extractions: Extraction | Iterable[Extraction], name: str) -> Entity | None:
    """The entity called ``name`` (any alias, any case), tolerant of plurals, possessives and typos."""
    exs = [extractions] if isinstance(extractions, Extraction) else list(extractions)
    entities = [e for x in exs for e in x.entities]
    if not name.strip() or not entities:
        return None
    mention_counts = Counter(m.entity for x in exs for m in x.mentions)

    def best(cands: list[Entity]) -> Entity | None:
        return max(cands, key=lambda e: mention_counts[e.key]) if cands else None

    exact = [e for e in entities if any(n.lower() == name.strip().lower() for n in _names(e))]
    if exact:
        return best(exact)
    wanted = {_norm(name)}
    base = acronym_base(name.strip())
    if base:
        wanted.add(fold(base))
    for suffix in ("'s", "s'", "s", "'"):
        if name.strip().endswith(suffix):
            wanted.add(_norm(name.strip()[: -len(suffix)]))
    folded = [e for e in entities if any(_norm(n) in wanted for n in _names(e))]
    if folded:
        return best(folded)
    # typos: "UNCHR" for "UNHCR"; otherwise a close fuzzy match on the folded names
    if base and len(base) >= 4:
        near = [e for e in entities if e.acronym and OSA.distance(e.acronym, base) <= 1]
        if near:
            return best(near)
    choices = {(i, j): _norm(n) for i, e in enumerate(entities) for j, n in enumerate(_names(e))}
    hit = process.extractOne(_norm(name), choices, scorer=fuzz.WRatio, score_cutoff=90)
    return entities[hit[2][0]] if hit else None
