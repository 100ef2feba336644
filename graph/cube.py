"""Indicator and budget tables as RDF Data Cube observations.

The structures (``rg:indicatorStructure``, ``rg:budgetStructure``), component properties and
code lists are declared once in ``graph/vocab.ttl``. Per report this adds two ``qb:DataSet``s and
one ``qb:Observation`` per printed value: baseline, target and actual are separate observations
(dimension ``rg:valueKind``), each budget figure too (``rg:budgetItem``). The period is the report
year. Every observation is ``prov:wasDerivedFrom`` its table passage.

Observations are unique per dimension key (IC-12): a repeated row keeps its first printing.
"""

from __future__ import annotations

import logging
import math
import re
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, QB, RDF, SKOS, XSD

from graph.ids import entity_iri, short_hash
from graph.keys import indicator_key, population_key
from graph.namespaces import RG
from ingest.model import BudgetRow, IndicatorRow, Value

if TYPE_CHECKING:
    from graph.rdf import ReportGraph

log = logging.getLogger(__name__)

_BUDGET_ITEMS = (
    ("final_budget", RG.finalBudget, None),
    ("funds_available", RG.fundsAvailable, None),
    ("funds_available_pct", RG.fundsAvailablePercent, "percent"),
    ("expenditure", RG.expenditure, None),
    ("expenditure_pct", RG.expenditurePercent, "percent"),
)


def report_year(rg: ReportGraph) -> int | None:
    meta = rg.doc.report.meta
    if meta.year:
        return meta.year
    m = re.match(r"(\d{4})", meta.published)
    return int(m.group(1)) if m else None


def add_cube(rg: ReportGraph) -> None:
    """Add the report's indicator and budget observations to its graph."""
    if not rg.doc.indicators and not rg.doc.budget:
        return
    year = report_year(rg)
    if year is None:
        log.warning("%s: no report year, indicator and budget observations left out", rg.doc.report.id)
        return
    period = Literal(str(year), datatype=XSD.gYear)
    seen: set[tuple[str, ...]] = set()
    if rg.doc.indicators:
        dataset = _dataset(rg, "indicators", RG.indicatorStructure)
        for row in rg.doc.indicators:
            _indicator_row(rg, dataset, period, row, seen)
    if rg.doc.budget:
        dataset = _dataset(rg, "budget", RG.budgetStructure)
        for brow in rg.doc.budget:
            _budget_row(rg, dataset, period, brow, seen)


def _dataset(rg: ReportGraph, name: str, structure: URIRef) -> URIRef:
    iri = rg.mint("dataset", rg.doc.report.id, name)
    rg.add(iri, RDF.type, QB.DataSet)
    rg.add(iri, RDF.type, PROV.Entity)
    rg.add(iri, QB.structure, structure)
    rg.add(iri, DCTERMS.title, Literal(f"{name} of report {rg.doc.report.id}"))
    rg.add(iri, DCTERMS.source, rg.report)
    rg.add(iri, PROV.wasDerivedFrom, rg.report)
    return iri


def _value_literal(v: Value) -> Literal:
    from graph.rdf import decimal_literal

    if v.value is not None and math.isfinite(v.value):
        return decimal_literal(v.value)
    return Literal(v.text)


def _indicator_iri(rg: ReportGraph, row: IndicatorRow, area: URIRef) -> URIRef:
    iri = URIRef(entity_iri("Indicator", indicator_key(row.area.code, row.code, row.label),
                            rg.doc.report.slug, international=False, base=rg.base))
    if rg.type_of.get(iri) != "Indicator" or (iri, SKOS.broader, area) not in rg.graph:
        rg.type_of[iri] = "Indicator"
        for cls in (RG.Entity, RG.Indicator, SKOS.Concept):
            rg.add(iri, RDF.type, cls)
        rg.add(iri, SKOS.inScheme, rg.scheme("indicators"))
        if row.code.strip():
            rg.add(iri, SKOS.notation, Literal(row.code.strip()))
            rg.add(iri, RG.indicatorCode, Literal(row.code.strip()))
        rg.add(iri, SKOS.broader, area)
        rg.add(area, SKOS.narrower, iri)
    rg.label(iri, row.label)
    return iri


def _population_iri(rg: ReportGraph, label: str) -> URIRef:
    key = population_key(label)
    iri = URIRef(entity_iri("PopulationGroup", key, rg.doc.report.slug, international=False, base=rg.base))
    if rg.type_of.get(iri) != "PopulationGroup":
        rg.type_of[iri] = "PopulationGroup"
        rg.add(iri, RDF.type, RG.Entity)
        rg.add(iri, RDF.type, RG.PopulationGroup)
    rg.label(iri, " ".join(label.split()) or key)
    return iri


def _observation(rg: ReportGraph, dataset: URIRef, key: tuple[str, ...], seen: set[tuple[str, ...]],
                 dims: list[tuple[URIRef, URIRef | Literal]], value: Value, unit: str,
                 passage_id: str, pages: tuple[int, ...]) -> None:
    if key in seen:  # IC-12: one observation per dimension key
        log.info("%s: duplicate observation %s left out", rg.doc.report.id, key)
        return
    seen.add(key)
    obs = rg.mint("observation", rg.doc.report.id, short_hash("|".join(key), 16))
    rg.add(obs, RDF.type, QB.Observation)
    rg.add(obs, RDF.type, PROV.Entity)
    rg.add(obs, QB.dataSet, dataset)
    for prop, term in dims:
        rg.add(obs, prop, term)
    rg.add(obs, RG.obsValue, _value_literal(value))
    rg.add(obs, RG.printedValue, Literal(value.text))
    if unit.strip():
        rg.add(obs, RG.unit, Literal(unit.strip()))
    for page in pages:
        rg.add(obs, RG.page, Literal(page))
    if passage_id in rg.passages:
        rg.add(obs, PROV.wasDerivedFrom, rg.passage(passage_id))
    rg.add(obs, PROV.wasGeneratedBy, rg.activity)


def _indicator_row(rg: ReportGraph, dataset: URIRef, period: Literal, row: IndicatorRow,
                   seen: set[tuple[str, ...]]) -> None:
    area = rg.ensure_area(row.area)
    indicator = _indicator_iri(rg, row, area)
    population = _population_iri(rg, row.population)
    for kind, value in (("baseline", row.baseline), ("target", row.target), ("actual", row.actual)):
        if value is None or not (value.text.strip() or value.value is not None):
            continue
        dims = [(RG.indicator, indicator), (RG.resultArea, area), (RG.populationGroup, population),
                (RG.refPeriod, period), (RG.valueKind, RG[kind])]
        key = ("indicators", *(str(t) for _, t in dims))
        _observation(rg, dataset, key, seen, dims, value, row.unit, row.passage_id, row.pages)


def _budget_row(rg: ReportGraph, dataset: URIRef, period: Literal, row: BudgetRow,
                seen: set[tuple[str, ...]]) -> None:
    area = rg.ensure_area(row.area)
    for attr, item, unit in _BUDGET_ITEMS:
        value: Value | None = getattr(row, attr)
        if value is None:
            continue
        dims = [(RG.resultArea, area), (RG.refPeriod, period), (RG.budgetItem, item)]
        key = ("budget", *(str(t) for _, t in dims))
        _observation(rg, dataset, key, seen, dims, value, unit or row.currency, row.passage_id, row.pages)
