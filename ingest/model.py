"""The document model: what a report becomes after reading.

Every later stage (graph, embeddings, qa, ui) points back into these objects, so
offsets are always into ``Document.text`` (the report's normalised text) and
``Document.text[p.start:p.end] == p.text`` holds for every passage.
Everything serialises to plain JSON (no pickle).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

FORMAT_VERSION = 1

AreaKind = Literal["impact", "outcome", "enabling"]
PassageKind = Literal["paragraph", "heading", "goal", "table_row", "list_item"]


@dataclass(frozen=True)
class Value:
    """A printed value: the text as printed and its number (None for text scales)."""

    text: str
    value: float | None


@dataclass(frozen=True)
class AreaRef:
    """An impact / outcome / enabling area: ``code`` like ``IA1``, ``OA13``, ``EA20``."""

    code: str
    kind: AreaKind
    title: str


@dataclass(frozen=True)
class ReportMeta:
    title: str = ""
    publisher: str = ""
    country: str = ""
    year: int | None = None
    published: str = ""
    source_url: str = ""
    language: str = "en"


@dataclass(frozen=True)
class Report:
    """``id`` is a short content hash of the file bytes; ``slug`` is for display and IRIs."""

    id: str
    slug: str
    file_name: str
    sha256: str
    meta: ReportMeta


@dataclass(frozen=True)
class Page:
    number: int
    start: int
    end: int
    inferred: bool


@dataclass(frozen=True)
class Section:
    """A node of the section tree; ``parent`` is another section's id or None."""

    id: str
    title: str
    kind: str  # "section", "subsection", "impact_area", "outcome_area", "heading"
    level: int
    start: int
    end: int
    parent: str | None = None
    number: str = ""  # "1", "1.2", "13" …
    area: AreaRef | None = None
    goal: str = ""  # the "By 2026, …" goal statement of an area, if any


@dataclass(frozen=True)
class Passage:
    id: str
    report: str
    section: tuple[str, ...]  # titles, outermost first
    section_id: str | None
    pages: tuple[int, ...]
    page_inferred: bool
    start: int
    end: int
    text: str
    kind: PassageKind = "paragraph"


@dataclass(frozen=True)
class IndicatorRow:
    code: str
    label: str
    area: AreaRef
    population: str
    baseline: Value | None
    target: Value | None
    actual: Value | None
    unit: str  # "percent", "number", or the text scale as printed
    pages: tuple[int, ...]
    passage_id: str
    start: int
    end: int


@dataclass(frozen=True)
class BudgetRow:
    area: AreaRef
    final_budget: Value | None
    funds_available: Value | None
    funds_available_pct: Value | None
    expenditure: Value | None
    expenditure_pct: Value | None
    pages: tuple[int, ...]
    passage_id: str
    start: int
    end: int
    currency: str = "USD"
    table: str = ""  # which financial table: "impact" or "outcome"


@dataclass
class Document:
    report: Report
    text: str
    pages: list[Page] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    budget: list[BudgetRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def passage(self, passage_id: str) -> Passage:
        for p in self.passages:
            if p.id == passage_id:
                return p
        raise KeyError(passage_id)

    def page_at(self, offset: int) -> Page | None:
        for page in self.pages:
            if page.start <= offset < page.end:
                return page
        return self.pages[-1] if self.pages and offset >= self.pages[-1].start else None

    def to_json(self) -> dict[str, Any]:
        return {"format_version": FORMAT_VERSION, **asdict(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        if data.get("format_version") != FORMAT_VERSION:
            raise ValueError(f"document format {data.get('format_version')!r} is not {FORMAT_VERSION}")
        return cls(
            report=Report(**{**data["report"], "meta": ReportMeta(**data["report"]["meta"])}),
            text=data["text"],
            pages=[Page(**p) for p in data["pages"]],
            sections=[
                Section(**{**s, "area": AreaRef(**s["area"]) if s.get("area") else None})
                for s in data["sections"]
            ],
            passages=[
                Passage(**{**p, "section": tuple(p["section"]), "pages": tuple(p["pages"])})
                for p in data["passages"]
            ],
            indicators=[_indicator_from_json(i) for i in data["indicators"]],
            budget=[_budget_from_json(b) for b in data["budget"]],
            warnings=list(data.get("warnings", [])),
        )


def _value(v: dict[str, Any] | None) -> Value | None:
    return Value(**v) if v else None


def _indicator_from_json(d: dict[str, Any]) -> IndicatorRow:
    return IndicatorRow(
        **{
            **d,
            "area": AreaRef(**d["area"]),
            "baseline": _value(d["baseline"]),
            "target": _value(d["target"]),
            "actual": _value(d["actual"]),
            "pages": tuple(d["pages"]),
        }
    )


def _budget_from_json(d: dict[str, Any]) -> BudgetRow:
    values = ("final_budget", "funds_available", "funds_available_pct", "expenditure", "expenditure_pct")
    return BudgetRow(
        **{**d, **{k: _value(d[k]) for k in values}, "area": AreaRef(**d["area"]), "pages": tuple(d["pages"])}
    )
