"""Report file → Document: size and type checks, a reader per file type, then structure.

Readers are registered by sniffed type, so a new format is one function and one
line in ``READERS``. The file name never decides the format alone: content is
sniffed (a ``.txt`` holding PDF bytes is read as PDF; a ``.pdf`` without the
``%PDF-`` header is refused).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import ReportError
from .layout import build_blocks, make_pages
from .lines import RawLine, footer_facts, split_pdf_text
from .model import Document, Report, ReportMeta
from .structure import build_structure

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
REPORT_SUFFIXES = TEXT_SUFFIXES | {".pdf"}


@dataclass(frozen=True)
class ReadOptions:
    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 2000
    max_passage_chars: int = 1500
    pdf_timeout_s: float = 60.0


@dataclass
class _Lines:
    lines: list[RawLine]
    true_pages: dict[int, int]  # page index -> real page number (PDF)


def sniff(data: bytes, suffix: str) -> str:
    """'pdf', 'text' or 'markdown' from the content (and, for text, the suffix)."""
    if not data.strip():
        raise ReportError("empty file")
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if suffix == ".pdf":
        raise ReportError("not a PDF (no %PDF- header)")
    if b"\x00" in data[:65536]:
        raise ReportError("binary file, not a report (expected a PDF, .txt or .md file)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReportError(f"not UTF-8 text (byte {exc.start}); save the report as UTF-8") from None
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        raise ReportError("an HTML page, not a report; save it as PDF or plain text")
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 65536):
        raise ReportError("binary file, not a report (too many control characters)")
    if suffix not in TEXT_SUFFIXES:
        raise ReportError(f"unsupported file type {suffix or '(none)'!r}; expected .pdf, .txt or .md")
    return "markdown" if suffix in {".md", ".markdown"} else "text"


def _read_text(data: bytes, options: ReadOptions) -> _Lines:
    text = data.decode("utf-8").replace("\r\n", "\n").replace("\f", "\n \n")
    return _Lines(split_pdf_text(text), {})


def _read_markdown(data: bytes, options: ReadOptions) -> _Lines:
    lines = []
    for raw in data.decode("utf-8").replace("\r\n", "\n").split("\n"):
        stripped = raw.strip()
        if m := re.match(r"^#{1,6}\s+(.*)$", stripped):
            # a markdown heading is a block of its own
            lines += [RawLine(""), RawLine(m.group(1).strip()), RawLine("")]
        else:
            lines.append(RawLine(stripped))
    return _Lines(lines, {})


def _read_pdf(data: bytes, options: ReadOptions) -> _Lines:
    from .pdf import extract_pdf_pages

    pages = extract_pdf_pages(data, max_pages=options.max_pages, timeout_s=options.pdf_timeout_s)
    lines: list[RawLine] = []
    true_pages: dict[int, int] = {}
    for index, page_text in enumerate(pages):
        true_pages[index] = index + 1
        page_lines = [RawLine(t.rstrip()) for t in page_text.replace("\r\n", "\n").split("\n")]
        if not page_lines:
            page_lines = [RawLine("")]
        if index:
            page_lines[0].page_break = True
        lines += page_lines
    if not any(line.text.strip() for line in lines):
        raise ReportError("the PDF has no extractable text (scanned images need OCR first)")
    return _Lines(lines, true_pages)


READERS: dict[str, Callable[[bytes, ReadOptions], _Lines]] = {
    "text": _read_text,
    "markdown": _read_markdown,
    "pdf": _read_pdf,
}


def slug_of(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "report"


def read_sidecar(path: Path) -> dict:
    """Metadata next to a report: ``<stem>.meta.json``."""
    side = path.with_name(path.stem + ".meta.json")
    if not side.is_file():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ReportError(f"unreadable metadata sidecar {side.name}: {exc}") from None
    return data if isinstance(data, dict) else {}


def _guess_country(text: str) -> str:
    import pycountry

    counts: Counter[str] = Counter()
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", country.name)}:
            if len(name) > 3 and name in text:
                counts[name] += len(re.findall(rf"\b{re.escape(name)}\b", text))
    return counts.most_common(1)[0][0] if counts else ""


def _guess_year(text: str) -> int | None:
    years = Counter(int(y) for y in re.findall(r"\bin ((?:19|20)\d{2})\b", text))
    return years.most_common(1)[0][0] if years else None


def read_bytes(data: bytes, name: str, *, options: ReadOptions = ReadOptions(), meta: dict | None = None) -> Document:
    """Read a report from bytes. ``name`` is only a display name and a suffix hint."""
    if len(data) > options.max_bytes:
        raise ReportError(
            f"file is {len(data) / 1e6:.1f} MB, over the limit of {options.max_bytes / 1e6:.0f} MB (setting max_upload_mb)"
        )
    suffix = Path(name).suffix.lower()
    kind = sniff(data, suffix)
    raw = READERS[kind](data, options)
    text, blocks, page_starts = build_blocks(raw.lines)
    if not text.strip():
        raise ReportError("no text found in the report")
    facts = footer_facts(raw.lines)
    pages = make_pages(len(text), page_starts, facts.printed_pages, raw.true_pages)
    sha = hashlib.sha256(data).hexdigest()
    report_id = sha[:12]
    structure = build_structure(report_id, text, blocks, pages, max_chars=options.max_passage_chars)
    meta = dict(meta or {})
    year = meta.get("year") or facts.year or _guess_year(text)
    report_meta = ReportMeta(
        title=str(meta.get("title") or (f"{facts.title} {year} — {facts.place}" if facts.title else Path(name).stem)),
        publisher=str(meta.get("publisher") or facts.publisher),
        country=str(meta.get("country") or facts.place or _guess_country(text)),
        year=int(year) if year else None,
        published=str(meta.get("published") or facts.date),
        source_url=str(meta.get("source_url") or ""),
        language=str(meta.get("language") or "en"),
    )
    report = Report(id=report_id, slug=slug_of(Path(name).stem), file_name=Path(name).name, sha256=sha, meta=report_meta)
    return Document(
        report=report, text=text, pages=pages, sections=structure.sections, passages=structure.passages,
        indicators=structure.indicators, budget=structure.budget, warnings=structure.warnings,
    )


def read_report(path: Path | str, *, options: ReadOptions = ReadOptions()) -> Document:
    """Read one report file (PDF, PDF-extracted text, Markdown or plain text)."""
    path = Path(path)
    if path.is_dir():
        raise ReportError("is a directory, not a report file", path=str(path))
    if not path.is_file():
        raise ReportError("no such file", path=str(path))
    size = path.stat().st_size
    if size > options.max_bytes:
        raise ReportError(
            f"file is {size / 1e6:.1f} MB, over the limit of {options.max_bytes / 1e6:.0f} MB (setting max_upload_mb)",
            path=str(path),
        )
    try:
        return read_bytes(path.read_bytes(), path.name, options=options, meta=read_sidecar(path))
    except ReportError as exc:
        exc.path = str(path)
        raise
