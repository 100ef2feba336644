"""Entities that come from the document's structure rather than its prose: impact/outcome/enabling
areas (from sections, indicator tables and budget tables) and indicators (from indicator tables).
"""

from __future__ import annotations

import re
from collections import defaultdict

from ingest.model import AreaRef, Document

from .model import Entity, Mention

_AREA_CODE = re.compile(r"^[A-Z]{2}\d+$")
_KIND_NAME = {"impact": "Impact Area", "outcome": "Outcome Area", "enabling": "Enabling Area"}


def area_key(code: str) -> str:
    return f"area-{code.lower()}"


def indicator_key(area_code: str, code: str) -> str:
    return f"indicator-{area_code.lower()}-{code.lower().rstrip('.')}"


def structural_entities(doc: Document) -> tuple[list[Entity], list[Mention]]:
    """Area and Indicator entities with their mentions (the heading / table row passages)."""
    titles: dict[str, list[str]] = defaultdict(list)
    short: dict[str, list[str]] = defaultdict(list)
    refs: dict[str, AreaRef] = {}
    mentions: list[Mention] = []
    for s in doc.sections:
        if s.area:
            refs.setdefault(s.area.code, s.area)
            titles[s.area.code].append(s.area.title)
            p = _passage_at(doc, s.start)
            if p:
                mentions.append(Mention(area_key(s.area.code), p.text.strip(), p.id, p.start, p.end))
    for i in doc.indicators:
        refs.setdefault(i.area.code, i.area)
        titles[i.area.code].append(i.area.title)
    for b in doc.budget:
        refs.setdefault(b.area.code, b.area)
        short[b.area.code].append(b.area.title)
        if _AREA_CODE.match(b.area.code):
            mentions.append(Mention(area_key(b.area.code), doc.text[b.start : b.end], b.passage_id, b.start, b.end))
    entities: list[Entity] = []
    for code, ref in refs.items():
        if not _AREA_CODE.match(code):
            continue  # "Total" rows of the budget tables
        long_titles = [t for t in titles.get(code, []) if t]
        short_titles = [t for t in short.get(code, []) if t]
        label = max(long_titles, key=len) if long_titles else (short_titles[0] if short_titles else code)
        number = "".join(ch for ch in code if ch.isdigit())
        aliases = [code, f"{_KIND_NAME.get(ref.kind, 'Area')} {number}"]
        aliases += [f"{code}: {t}" for t in sorted(set(short_titles))]
        aliases += [t for t in sorted(set(long_titles + short_titles)) if t != label]
        entities.append(
            Entity(key=area_key(code), type="Area", label=label, aliases=aliases, subtype=ref.kind.title() + "Area", area_code=code)
        )
    for i in doc.indicators:
        key = indicator_key(i.area.code, i.code)
        if any(e.key == key for e in entities):
            continue
        entities.append(
            Entity(
                key=key,
                type="Indicator",
                label=i.label,
                aliases=[f"{i.area.code} {i.code.rstrip('.')}"],
                area_code=i.area.code,
            )
        )
        mentions.append(Mention(key, doc.text[i.start : i.end], i.passage_id, i.start, i.end))
    return entities, mentions


def _passage_at(doc: Document, offset: int):
    for p in doc.passages:
        if p.start <= offset < p.end or p.start >= offset:
            return p
    return None
