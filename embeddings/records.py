"""What the search index keeps per passage, and how a Document's passages become records.

``PassageRecord.context`` is extra text indexed by BM25 with the passage but never shown: the
titles of the passage's sections and, for a table row, the indicator's label and area, so a
question naming the area or the indicator reaches the row that holds its values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class PassageRecord:
    """What the index keeps per passage. ``context`` is extra text indexed with it, never shown."""

    passage_id: str
    report: str
    text: str
    pages: tuple[int, ...] = ()
    section: tuple[str, ...] = ()
    section_id: str | None = None
    start: int = 0
    end: int = 0
    kind: str = "paragraph"
    context: str = ""
    # a budget row's numbers by column ("final_budget", "funds_available_pct", …) and its table
    # ("impact" / "outcome"), so a "which area had the smallest …" question can find the row
    columns: tuple[tuple[str, float], ...] = ()
    table: str = ""

    @classmethod
    def from_passage(cls, passage: Any, context: str = "", columns: tuple[tuple[str, float], ...] = (),
                     table: str = "") -> PassageRecord:
        """From an ``ingest.model.Passage`` (or anything with the same attributes)."""
        return cls(
            passage_id=passage.id,
            report=passage.report,
            text=passage.text,
            pages=tuple(passage.pages),
            section=tuple(passage.section),
            section_id=passage.section_id,
            start=passage.start,
            end=passage.end,
            kind=passage.kind,
            context=context,
            columns=columns,
            table=table,
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PassageRecord:
        if not isinstance(data.get("passage_id"), str) or not isinstance(data.get("text"), str):
            raise ValueError("passage line lacks a string passage_id or text")
        return cls(
            passage_id=data["passage_id"],
            report=str(data.get("report", "")),
            text=data["text"],
            pages=tuple(int(p) for p in data.get("pages", ())),
            section=tuple(str(s) for s in data.get("section", ())),
            section_id=data.get("section_id"),
            start=int(data.get("start", 0)),
            end=int(data.get("end", 0)),
            kind=str(data.get("kind", "paragraph")),
            context=str(data.get("context", "")),
            columns=tuple((str(c), float(v)) for c, v in data.get("columns", ())),
            table=str(data.get("table", "")),
        )

    @property
    def indexed_text(self) -> str:
        """The text BM25 sees: context (section titles, indicator labels) and the passage."""
        return f"{self.context}\n{self.text}" if self.context else self.text


BUDGET_COLUMNS = ("final_budget", "funds_available", "funds_available_pct", "expenditure", "expenditure_pct")


def as_records(passages: Sequence[Any]) -> list[PassageRecord]:
    return [p if isinstance(p, PassageRecord) else PassageRecord.from_passage(p) for p in passages]


def records_from_document(document: Any) -> list[PassageRecord]:
    """An ``ingest.model.Document``'s passages as records, with section and table context.

    Context (indexed by BM25, not shown): the report's country and year; the section titles; for
    an indicator row the area's title, the indicator label and the column names; for a budget row
    the area's full title (from the section tree, where the table prints an abbreviation), its
    kind ("outcome area") and the column names with the plain words for them (funding, spent).
    """
    full_titles = {s.area.code: s.area.title for s in getattr(document, "sections", ()) if s.area}
    extra: dict[str, list[str]] = {}
    for row in getattr(document, "indicators", ()):
        extra.setdefault(row.passage_id, []).extend(
            [full_titles.get(row.area.code, row.area.title), f"{row.area.kind} area indicator", row.label,
             "baseline target actual"]
        )
    columns: dict[str, tuple[tuple[str, float], ...]] = {}
    tables: dict[str, str] = {}
    for row in getattr(document, "budget", ()):
        if row.area.code.lower() != "total":
            columns[row.passage_id] = tuple(
                (col, v.value) for col in BUDGET_COLUMNS if (v := getattr(row, col, None)) is not None and v.value is not None)
            tables[row.passage_id] = row.table or row.area.kind
        # the column names, with the everyday words a question uses for them ("how much was spent")
        extra.setdefault(row.passage_id, []).extend(
            [full_titles.get(row.area.code, row.area.title), row.area.title, f"{row.area.kind} area budget",
             f"budget: final budget, funds available (funding), expenditure (spent) ({row.currency})"]
        )
    # which report a passage is from, for questions that name the country or the year
    meta = getattr(getattr(document, "report", None), "meta", None)
    identity = " ".join(str(x) for x in (getattr(meta, "country", ""), getattr(meta, "year", None)) if x)
    records = []
    for p in document.passages:
        parts = [identity, *p.section, *extra.get(p.id, ())]
        context = "\n".join(dict.fromkeys(x for x in parts if x and x not in p.text))
        records.append(PassageRecord.from_passage(p, context=context, columns=columns.get(p.id, ()),
                                                  table=tables.get(p.id, "")))
    return records


EMBEDDING_POLICY = "table-rows-with-context-v2"  # v2: budget rows carry their area kind and plain column words


def embedding_text(record: PassageRecord | Any) -> str:
    """The text the dense encoder sees for a passage.

    A table row alone ("OA4: GBV 5,410,720 947,398 17.51%") has no meaning without its area and
    column names, so rows are embedded with their context; prose stands alone and is embedded as
    printed (adding section titles to prose blurred it on the dev questions).
    """
    if not isinstance(record, PassageRecord):  # an ingest Passage: no context known
        record = PassageRecord.from_passage(record)
    return record.indexed_text if record.kind == "table_row" else record.text
