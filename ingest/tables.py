"""Parsing the flattened indicator and financial tables of results reports.

Pure functions over block texts; ``structure`` decides which blocks form a table.
Values keep their printed text; numbers are parsed from it (None for text scales).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import AreaRef, Value

# UNHCR's standard population types, as printed in results tables.
POPULATION_TYPES = (
    "Refugees and Asylum-seekers",
    "Refugees and asylum-seekers",
    "Internally Displaced Persons",
    "Internally displaced persons",
    "Stateless Persons",
    "Stateless persons",
    "Returnees",
    "Others of Concern",
    "Others of concern",
    "Host Community",
    "Host community",
)
_POPULATION_RE = re.compile(
    r"\s*(" + "|".join(re.escape(p).replace(r"\-", r"-?\s?") for p in POPULATION_TYPES) + r")\s*$"
)

NUMBER = r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?"
_NUMBER_TOKEN = re.compile(rf"^(?:{NUMBER})%?$")
_INDICATOR_START = re.compile(r"^(\d{1,2}\.\d{1,2}[a-z]?)\.?\s+(\S.*)$")
_SCALE = re.compile(r"^[A-Z][A-Za-z ]{1,30}:\s*[≥≤<>=]?\s*\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*\w*$")
_BUDGET_ROW = re.compile(
    rf"^(?:(?P<code>[A-Z]{{2}}\d{{1,2}})\s*:\s*(?P<title>.+?)|(?P<total>Total))\s+"
    rf"(?P<budget>{NUMBER})\s+(?P<avail>{NUMBER})\s+(?P<avail_pct>{NUMBER})%\s+"
    rf"(?P<exp>{NUMBER})\s+(?P<exp_pct>{NUMBER})%$"
)
AREA_PREFIX_KIND = {"IA": "impact", "OA": "outcome", "EA": "enabling"}


def parse_number(text: str) -> float | None:
    """'1,532' → 1532.0, '28.26%' → 28.26, 'Extensive: ≥70 points' → None."""
    t = text.strip().rstrip("%").replace(",", "")
    try:
        return float(t)
    except ValueError:
        return None


def parse_value(text: str) -> Value:
    text = text.strip()
    return Value(text=text, value=parse_number(text) if _NUMBER_TOKEN.match(text) else None)


def unit_of(values: list[Value]) -> str:
    """'percent', 'number', or the printed text scale."""
    texts = [v.text for v in values if v is not None]
    if texts and all(t.endswith("%") for t in texts):
        return "percent"
    if texts and all(_NUMBER_TOKEN.match(t) for t in texts):
        return "number"
    scales = [t for t in texts if not _NUMBER_TOKEN.match(t)]
    return scales[0] if scales else "number"


def value_tokens(block: str) -> list[str] | None:
    """The values of a values block ('13.42% 100.00% 15.50%'), or None if it is not one."""
    text = block.strip()
    if _SCALE.match(text):
        return [text]
    tokens = text.split()
    if tokens and all(_NUMBER_TOKEN.match(t) for t in tokens):
        return tokens
    return None


def indicator_start(block: str) -> tuple[str, str] | None:
    """(code, rest) when a block starts an indicator row ('13.1. Proportion of …')."""
    m = _INDICATOR_START.match(block.strip())
    if not m or not m.group(2)[:1].isupper():
        return None
    return m.group(1), m.group(2)


def split_population(label: str) -> tuple[str, str]:
    """('label', 'population') when the population type ends the label text."""
    m = _POPULATION_RE.search(label)
    if m and m.start() > 0:
        return label[: m.start()].strip(), normalise_population(m.group(1))
    return label.strip(), ""


def is_population(block: str) -> bool:
    m = _POPULATION_RE.fullmatch(" " + block.strip())
    return bool(m)


def normalise_population(text: str) -> str:
    t = re.sub(r"\s+", " ", text.strip())
    return re.sub(r"Asylum-?\s?seekers", "Asylum-seekers", t, flags=re.IGNORECASE)


@dataclass(frozen=True)
class ParsedBudgetRow:
    area: AreaRef | None  # None for the Total row
    values: tuple[Value, Value, Value, Value, Value]


def parse_budget_row(block: str, table_kind: str) -> ParsedBudgetRow | None:
    """One financial-table row: 'OA13: Livelihood 17,390,356 2,686,960 15.45% 2,686,960 100.00%'."""
    m = _BUDGET_ROW.match(block.strip())
    if not m:
        return None
    values = (
        parse_value(m["budget"]),
        parse_value(m["avail"]),
        parse_value(m["avail_pct"] + "%"),
        parse_value(m["exp"]),
        parse_value(m["exp_pct"] + "%"),
    )
    if m["total"]:
        return ParsedBudgetRow(None, values)
    code = m["code"]
    kind = AREA_PREFIX_KIND.get(code[:2], table_kind)
    return ParsedBudgetRow(AreaRef(code=code, kind=kind, title=m["title"].strip()), values)  # type: ignore[arg-type]


def budget_table_kind(block: str) -> str | None:
    """'impact' / 'outcome' when a block is the header of a financial table."""
    m = re.match(r"^(Impact|Outcome|Enabling)\s+Area\s+Final\s+Budget\b", block.strip(), re.IGNORECASE)
    return m.group(1).lower() if m else None


def indicator_header(block: str) -> bool:
    return bool(re.match(r"^Indicators?\s+Population\s+Type\b", block.strip(), re.IGNORECASE))


def header_column(block: str) -> tuple[str, int | None] | None:
    """'Target (2023)' → ('target', 2023); 'Baseline' → ('baseline', None)."""
    m = re.match(r"^(Baseline|Target|Actual)\s*(?:\((\d{4})\))?$", block.strip(), re.IGNORECASE)
    if not m:
        return None
    return m.group(1).lower(), int(m.group(2)) if m.group(2) else None
