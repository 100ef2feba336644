"""Blocks → section tree, passages, indicator rows and budget rows.

A small state machine walks the blocks once: headings open sections, table
headers switch to table parsing, everything else is prose. A table row (label,
population and values, spread over several blocks) becomes one passage.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from . import tables
from .layout import _AREA, _SECTION, _SUBSECTION, Block, heading_kind
from .model import AreaRef, BudgetRow, IndicatorRow, Page, Passage, PassageKind, Section, Value

_LEVEL = {"section": 1, "subsection": 2, "area": 3, "heading": 4}
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")
_ABBREVIATION_END = re.compile(r"\b(?:No|Nos|e\.g|i\.e|etc|Mr|Mrs|Dr|St|vs|approx|Reg|U\.S)\.$")


@dataclass
class _OpenSection:
    id: str
    title: str
    kind: str
    level: int
    start: int
    parent: str | None
    number: str = ""
    area: AreaRef | None = None
    goal: str = ""


@dataclass
class Structure:
    sections: list[Section] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    budget: list[BudgetRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def passage_id(report_id: str, text: str, position: int) -> str:
    norm = " ".join(text.split())
    return hashlib.sha256(f"{report_id}\x1f{position}\x1f{norm}".encode()).hexdigest()[:16]


def split_sentences(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Sentence spans (offsets + base); a light splitter, used for oversized paragraphs."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_SPLIT.finditer(text):
        if _ABBREVIATION_END.search(text[start : m.start()]):
            continue
        spans.append((base + start, base + m.start()))
        start = m.end()
    if start < len(text):
        spans.append((base + start, base + len(text.rstrip())))
    return [s for s in spans if s[1] > s[0]]


class _Builder:
    def __init__(self, report_id: str, text: str, pages: list[Page], max_chars: int) -> None:
        self.report_id = report_id
        self.text = text
        self.pages = pages
        self.max_chars = max_chars
        self.out = Structure()
        self.stack: list[_OpenSection] = []
        self.closed: list[_OpenSection] = []
        self.section_ends: dict[str, int] = {}

    # pages and sections
    def pages_of(self, start: int, end: int) -> tuple[tuple[int, ...], bool]:
        hit = [p for p in self.pages if p.start < max(end, start + 1) and p.end > start]
        if not hit:
            hit = [self.pages[-1]] if self.pages else []
        return tuple(p.number for p in hit), any(p.inferred for p in hit)

    def open_section(self, block: Block, kind: str) -> None:
        level = _LEVEL[kind]
        while self.stack and self.stack[-1].level >= level:
            self.close(self.stack.pop(), block.start)
        title, number, area = " ".join(block.text.split()), "", None
        if kind == "section" and (m := _SECTION.match(title)):
            number, title = m.group(1), m.group(2).strip()
        elif kind == "subsection" and (m := _SUBSECTION.match(title)):
            number, title = m.group(1), m.group(2).strip()
        elif kind == "area" and (m := _AREA.match(title)):
            number, title = m.group(1), m.group(3).strip()
            prefix = {"impact": "IA", "outcome": "OA", "enabling": "EA"}[m.group(2).lower()]
            area = AreaRef(code=f"{prefix}{int(number)}", kind=m.group(2).lower(), title=title)  # type: ignore[arg-type]
        sid = f"s{len(self.closed) + len(self.stack) + 1}"
        parent = self.stack[-1].id if self.stack else None
        full = " ".join(block.text.split()) if kind in {"area", "section"} else title
        self.stack.append(_OpenSection(sid, full, kind if kind != "area" else f"{area.kind}_area" if area else "area", level, block.start, parent, number, area))

    def close(self, sec: _OpenSection, end: int) -> None:
        self.closed.append(sec)
        self.section_ends[sec.id] = end

    def current_area(self) -> AreaRef | None:
        for sec in reversed(self.stack):
            if sec.area:
                return sec.area
        return None

    def path(self) -> tuple[tuple[str, ...], str | None]:
        return tuple(s.title for s in self.stack), (self.stack[-1].id if self.stack else None)

    # passages
    def add_passage(self, start: int, end: int, kind: PassageKind) -> Passage:
        text = self.text[start:end]
        pages, inferred = self.pages_of(start, end)
        section, section_id = self.path()
        p = Passage(
            id=passage_id(self.report_id, text, len(self.out.passages)),
            report=self.report_id,
            section=section,
            section_id=section_id,
            pages=pages,
            page_inferred=inferred,
            start=start,
            end=end,
            text=text,
            kind=kind,
        )
        self.out.passages.append(p)
        return p

    def add_prose(self, block: Block, kind: PassageKind) -> None:
        if len(block.text) <= self.max_chars:
            self.add_passage(block.start, block.end, kind)
            return
        chunk_start = chunk_end = None
        for s, e in split_sentences(block.text, block.start):
            if chunk_start is None:
                chunk_start, chunk_end = s, e
            elif e - chunk_start > self.max_chars:
                self.add_passage(chunk_start, chunk_end or e, kind)  # type: ignore[arg-type]
                chunk_start, chunk_end = s, e
            else:
                chunk_end = e
        if chunk_start is not None and chunk_end is not None:
            self.add_passage(chunk_start, chunk_end, kind)

    def finish(self) -> Structure:
        while self.stack:
            self.close(self.stack.pop(), len(self.text))
        for sec in sorted(self.closed, key=lambda s: (s.start, s.level)):
            self.out.sections.append(
                Section(
                    id=sec.id, title=sec.title, kind=sec.kind, level=sec.level, start=sec.start,
                    end=self.section_ends[sec.id], parent=sec.parent, number=sec.number,
                    area=sec.area, goal=sec.goal,
                )
            )
        return self.out


def build_structure(
    report_id: str, text: str, blocks: list[Block], pages: list[Page], *, max_chars: int = 1500
) -> Structure:
    b = _Builder(report_id, text, pages, max_chars)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if tables.indicator_header(block.text):
            i = _indicator_table(b, blocks, i)
            continue
        if (kind := tables.budget_table_kind(block.text)) is not None:
            i = _budget_table(b, blocks, i, kind)
            continue
        hk = heading_kind(block.text)
        if hk:
            b.open_section(block, hk)
            i += 1
            continue
        area_sec = next((s for s in reversed(b.stack) if s.area), None)
        is_goal = (
            area_sec is not None
            and b.stack[-1] is area_sec
            and not area_sec.goal
            and not any(p.section_id == area_sec.id for p in b.out.passages)
        )
        if is_goal and area_sec is not None:
            area_sec.goal = block.text.strip()
            b.add_prose(block, "goal")
        else:
            b.add_prose(block, "list_item" if block.text.startswith(("-", "•", "–")) else "paragraph")
        i += 1
    return b.finish()


def _indicator_table(b: _Builder, blocks: list[Block], i: int) -> int:
    columns = ["baseline", "actual"]
    header = blocks[i].text
    has_target = "target" in header.lower()
    i += 1
    while i < len(blocks) and (col := tables.header_column(blocks[i].text)):
        has_target = has_target or col[0] == "target"
        i += 1
    if has_target:
        columns = ["baseline", "target", "actual"]
    area = b.current_area()
    while i < len(blocks) and (start := tables.indicator_start(blocks[i].text)):
        code, rest = start
        label, population = tables.split_population(rest)
        values: list[str] = []
        first = blocks[i]
        last = first
        i += 1
        while i < len(blocks) and len(values) < len(columns):
            t = blocks[i].text
            if (vals := tables.value_tokens(t)) is not None:
                values.extend(vals)
            elif not population and tables.is_population(t):
                population = tables.normalise_population(t)
            elif not values and not population and not tables.indicator_start(t) and not heading_kind(t):
                label = f"{label} {t.strip()}"
            else:
                break
            last = blocks[i]
            i += 1
        passage = b.add_passage(first.start, last.end, "table_row")
        if len(values) != len(columns) or area is None:
            b.out.warnings.append(f"indicator {code}: expected {len(columns)} values, found {len(values)}")
            if area is None:
                continue
        parsed: dict[str, Value | None] = dict.fromkeys(("baseline", "target", "actual"))
        for name, v in zip(columns, values, strict=False):
            parsed[name] = tables.parse_value(v)
        b.out.indicators.append(
            IndicatorRow(
                code=code, label=label.strip(), area=area, population=population,
                baseline=parsed["baseline"], target=parsed["target"], actual=parsed["actual"],
                unit=tables.unit_of([v for v in parsed.values() if v is not None]),
                pages=passage.pages, passage_id=passage.id, start=passage.start, end=passage.end,
            )
        )
    return i


def _budget_table(b: _Builder, blocks: list[Block], i: int, kind: str) -> int:
    i += 1
    # header cells wrapped into several blocks: skip until the first row
    while i < len(blocks) and tables.parse_budget_row(blocks[i].text, kind) is None and len(blocks[i].text) < 60:
        if heading_kind(blocks[i].text) in {"section", "subsection", "area"}:
            return i
        i += 1
    while i < len(blocks) and (row := tables.parse_budget_row(blocks[i].text, kind)) is not None:
        passage = b.add_passage(blocks[i].start, blocks[i].end, "table_row")
        area = row.area or AreaRef(code="Total", kind=kind, title="Total")  # type: ignore[arg-type]
        v = row.values
        b.out.budget.append(
            BudgetRow(
                area=area, final_budget=v[0], funds_available=v[1], funds_available_pct=v[2],
                expenditure=v[3], expenditure_pct=v[4], pages=passage.pages, passage_id=passage.id,
                start=passage.start, end=passage.end, table=kind,
            )
        )
        i += 1
    return i
