"""Raw lines of a report with their page facts, and the PDF-text conventions.

Text extracted from a PDF (like the bundled reports) marks a page break with a
line that starts with exactly one space, and carries a running footer block
("Annual Results Report | 2023 | <Country>" … page number … "UNHCR / May 31,2024").
This module turns such text into ``RawLine``s: page breaks flagged, footers
marked (they are blanked, not kept as content) and the printed page number read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FOOTER_TITLE = re.compile(r"^\s*(?P<title>[^|]{3,80}?)\s*\|\s*(?P<year>(?:19|20)\d{2})\s*\|\s*(?P<place>[^|]{2,60}?)\s*$")
_PAGE_NUMBER = re.compile(r"^\s*(\d{1,4})\s*$")
_FOOTER_DATE = re.compile(r"^\s*(?P<who>[^/]{2,40}?)\s*/\s*(?P<date>[A-Z][a-z]+\.? \d{1,2},\s*\d{4})\s*$")
_FOOTER_WINDOW = 40  # lines a footer block may span (mostly whitespace lines)


@dataclass
class RawLine:
    text: str  # without the page-break marker space and trailing whitespace
    page_break: bool = False  # a new page starts at this line
    footer: bool = False  # part of a running page footer: not content
    page: int | None = None  # true page number when the reader knows it (PDF)


@dataclass
class FooterFacts:
    """What running footers say about the report."""

    printed_pages: dict[int, int] = field(default_factory=dict)  # page index -> printed number
    title: str = ""
    year: int | None = None
    place: str = ""
    publisher: str = ""
    date: str = ""


def is_blank(line: str) -> bool:
    return not line.strip()


def split_pdf_text(text: str) -> list[RawLine]:
    """Lines of PDF-extracted text, with page breaks and footers flagged."""
    out: list[RawLine] = []
    for raw in text.split("\n"):
        raw = raw.rstrip("\r")
        if is_blank(raw):
            out.append(RawLine(""))
            continue
        # a page break: exactly one leading space, then text
        page_break = raw.startswith(" ") and not raw.startswith("  ")
        out.append(RawLine(raw.strip() if page_break else raw.rstrip(), page_break=page_break))
    if out:
        out[0].page_break = False
    _mark_footers(out)
    return out


def _mark_footers(lines: list[RawLine]) -> None:
    i = 0
    while i < len(lines):
        m = _FOOTER_TITLE.match(lines[i].text)
        if not m:
            i += 1
            continue
        end, number_at = i, None
        for j in range(i + 1, min(len(lines), i + _FOOTER_WINDOW)):
            t = lines[j].text
            if is_blank(t):
                continue
            if number_at is None and _PAGE_NUMBER.match(t):
                number_at = j
                end = j
                continue
            if number_at is not None and _FOOTER_DATE.match(t):
                end = j
            break
        if number_at is None:
            i += 1
            continue
        for j in range(i, end + 1):
            lines[j].footer = True
        # the text after a footer is on the next page
        for j in range(end + 1, len(lines)):
            if not is_blank(lines[j].text):
                lines[j].page_break = True
                break
        i = end + 1


def footer_facts(lines: list[RawLine]) -> FooterFacts:
    """Printed page numbers (by page index) and report metadata from footers."""
    facts = FooterFacts()
    page_index = 0
    for k, line in enumerate(lines):
        if line.page_break:
            page_index += 1
        if not line.footer:
            continue
        m = _FOOTER_TITLE.match(line.text)
        if m and not facts.title:
            facts.title = m["title"].strip()
            facts.year = int(m["year"])
            facts.place = m["place"].strip()
        n = _PAGE_NUMBER.match(line.text)
        if n and (k == 0 or lines[k - 1].footer or is_blank(lines[k - 1].text)):
            facts.printed_pages.setdefault(page_index, int(n.group(1)))
        d = _FOOTER_DATE.match(line.text)
        if d and not facts.date:
            facts.publisher = d["who"].strip()
            facts.date = d["date"].strip()
    return facts
