"""Report files → Document (pages, sections, passages, indicator and budget tables)."""

from .errors import ReportError
from .model import (
    AreaRef,
    BudgetRow,
    Document,
    IndicatorRow,
    Page,
    Passage,
    Report,
    ReportMeta,
    Section,
    Value,
)
from .reader import REPORT_SUFFIXES, ReadOptions, read_bytes, read_report

__all__ = [
    "REPORT_SUFFIXES",
    "AreaRef",
    "BudgetRow",
    "Document",
    "IndicatorRow",
    "Page",
    "Passage",
    "ReadOptions",
    "Report",
    "ReportError",
    "ReportMeta",
    "Section",
    "Value",
    "read_bytes",
    "read_report",
]
