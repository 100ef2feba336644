"""Document → Extraction: entities, mentions and relations with evidence.

The entry point :func:`extract` runs, in order: cleaned views of the narrative passages, sentence
splitting, document-level learning (acronym definitions, place names, lower-case programme phrases,
population groups), candidate mentions per sentence, merging into entities, structural entities from
the parsed tables (areas, indicators, population groups), and relation rules (``graph.relations``).
Everything is rule-based and offline; nothing in here is specific to one report.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.model import Document, Passage

from .entities import Placed, Registry, select
from .gazetteer import Gazetteer, default_gazetteer
from .learn import learn_acronyms, learn_phrases, learn_places, learn_populations
from .lookup import entity_summary, find_entity
from .mention_rules import detect
from .mentions import Cand, Knowledge, canonical, fold_text
from .model import Entity, Extraction, Mention
from .relations import Unit, extract_relations
from .sentences import Sentence, split_sentences
from .structure import structural_entities
from .textview import make_view

__all__ = ["ExtractOptions", "extract", "entity_summary", "find_entity"]

_NARRATIVE = ("paragraph", "list_item", "goal")


@dataclass(frozen=True)
class ExtractOptions:
    """Switches for extraction. Defaults are what the build uses."""

    relations: bool = True
    min_confidence: float = 0.0
    lowercase_programmes: bool = True
    population_groups: bool = True


def extract(doc: Document, *, gazetteer: Gazetteer | None = None, options: ExtractOptions = ExtractOptions()) -> Extraction:
    """Extract entities, mentions and relations from ``doc``.

    Args:
        doc: a Document from ``ingest.read_report``.
        gazetteer: known international bodies and places; defaults to the packaged one for the report's country.
        options: switches (see :class:`ExtractOptions`).

    Returns:
        An :class:`graph.model.Extraction` whose spans are offsets into ``doc.text``.
    """
    meta = doc.report.meta
    gz = gazetteer or default_gazetteer(meta.country)
    units = [_unit(p) for p in doc.passages if p.kind in (*_NARRATIVE, "table_row")]
    narrative = [u for u in units if u.passage.kind in _NARRATIVE]
    kn = Knowledge(gazetteer=gz, country=meta.country)
    views = [u.view for u in narrative]
    learn_acronyms(views, kn)
    kn.places = learn_places(views, gz, meta.country)
    if options.lowercase_programmes:
        kn.phrases, kn.phrase_canon = learn_phrases(views)
    if options.population_groups:
        pops = sorted({i.population for i in doc.indicators if i.population})
        country_names = [e.label for e in gz.entries if e.subtype == "Country"] + sorted(kn.places)
        kn.populations = learn_populations(views, country_names, pops)

    registry = Registry(kn)
    sentence_no = 0
    for u in units:
        for s in u.sentences:
            cands = detect(u.view.text, s.start, s.end, kn)
            if u.passage.kind == "table_row":
                cands = [c for c in cands if c.source in ("cue", "population")]
            for c in select(cands):
                a, b = u.view.span(c.start, c.end)
                registry.add(Placed(c, u.passage.id, a, b, sentence_no))
            u.sentence_ids.append(sentence_no)
            sentence_no += 1

    _lowercase_names(units, registry)
    structural, struct_mentions = structural_entities(doc)
    entities = registry.finish(structural)
    by_key = {e.key: e for e in entities}
    mentions = [
        Mention(p.key, doc.text[p.start : end], p.passage_id, p.start, end)
        for p in registry.placed
        if p.key in by_key and (end := _without_possessive(doc.text, p.start, p.end)) > p.start
    ]
    mentions += struct_mentions
    main = main_actor(doc, entities, mentions, gz)
    entry = gz.lookup(meta.publisher.strip()) if meta.publisher.strip() else None
    if entry is not None and main not in by_key:
        # the publisher is the implied subject even where the text never names it
        main = entry.key
        entities.append(Entity(key=entry.key, type=entry.type, label=entry.label, aliases=list(entry.aliases),  # type: ignore[arg-type]
                               acronym=entry.acronym, subtype=entry.subtype, international=True))
        by_key[entry.key] = entities[-1]
    relations = []
    if options.relations:
        relations = extract_relations(doc, narrative, registry.placed, by_key, main)
        relations = [r for r in relations if r.confidence >= options.min_confidence]
    used = {m.entity for m in mentions} | {r.subject for r in relations} | {r.object for r in relations}
    entities = [e for e in entities if e.key in used]
    return Extraction(report=doc.report.id, entities=entities, mentions=mentions, relations=relations)


_POSSESSIVE_END = re.compile(r"['’´]s$")


def _without_possessive(text: str, start: int, end: int) -> int:
    """End of a mention span before a trailing possessive: "DGI's" → "DGI"."""
    return end - 2 if _POSSESSIVE_END.search(text, start, end) else end


def _unit(p: Passage) -> Unit:
    if p.kind == "table_row":  # a table row is one "sentence"; cells are kept apart by " | "
        view = make_view(p.text, p.start, cells=True)
        return Unit(passage=p, view=view, sentences=[Sentence(0, len(view.text), view.text)] if view.text else [])
    view = make_view(p.text, p.start)
    return Unit(passage=p, view=view, sentences=split_sentences(view.text))


def _lowercase_names(units: list[Unit], registry: Registry) -> None:
    """A capitalised organisation name seen once is also a mention where the text writes it in
    lower case ("community and faith-based organizations")."""
    names = {
        fold_text(p.cand.surface): p.cand.surface
        for p in registry.placed
        if p.cand.source == "cue" and p.cand.type == "Organization" and len(p.cand.surface.split()) >= 2
        and ("-" in p.cand.surface.split()[0] or p.cand.surface.endswith("s"))
    }
    if not names:
        return
    rx = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")
    taken: dict[str, list[tuple[int, int]]] = {}
    for p in registry.placed:
        taken.setdefault(p.passage_id, []).append((p.start, p.end))
    for u in units:
        if u.passage.kind == "table_row":
            continue
        low = fold_text(u.view.text)
        for m in rx.finditer(low):
            if not u.view.text[m.start()].islower():
                continue
            a, b = u.view.span(m.start(), m.end())
            if any(a < e and s < b for s, e in taken.get(u.passage.id, [])):
                continue
            sent = next((k for k, s in enumerate(u.sentences) if s.start <= m.start() < s.end), None)
            if sent is None:
                continue
            name = names[m.group(1)]
            c = Cand(m.start(), m.end(), u.view.text[m.start() : m.end()], "Organization", "cue", f"name:{canonical(name)}", priority=3)
            registry.add(Placed(c, u.passage.id, a, b, u.sentence_ids[sent]))


def main_actor(doc: Document, entities: list[Entity], mentions: list[Mention], gz: Gazetteer) -> str | None:
    """The report's publisher (its implied subject), else its most mentioned organisation."""
    publisher = doc.report.meta.publisher.strip()
    if publisher:
        entry = gz.lookup(publisher)
        for e in entities:
            if (entry and e.key == entry.key) or publisher in (e.label, e.acronym, *e.aliases):
                return e.key
        if entry:
            return entry.key  # named nowhere in the text: the caller adds the entity
    orgs = {e.key for e in entities if e.type == "Organization"}
    counts = Counter(m.entity for m in mentions if m.entity in orgs)
    return counts.most_common(1)[0][0] if counts else None

