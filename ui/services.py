"""The app's only door into the library: every call the app makes goes through here.

The stages (pipeline, qa, graph) are written in parallel; when a name or a shape
changes there, it is fixed in this one module. Settings become the frozen option
objects the stages take (options go down, never sideways).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ui.settings import Settings

Progress = Callable[[str, int, int], None]

EXPORT_FORMATS: dict[str, tuple[str, str]] = {  # name -> (file extension, mime type)
    "turtle": ("ttl", "text/turtle"),
    "trig": ("trig", "application/trig"),
    "nquads": ("nq", "application/n-quads"),
    "ntriples": ("nt", "application/n-triples"),
    "jsonld": ("jsonld", "application/ld+json"),
    "graphml": ("graphml", "application/xml"),
    "csv": ("csv", "text/csv"),
}


class ServiceUnavailable(RuntimeError):
    """A library part the app needs is not installed or not built yet."""


class QueryFailed(RuntimeError):
    """A SPARQL query was refused, timed out or is invalid; ``kind`` says which."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind  # "refused", "timeout", "invalid", "failed"


@dataclass
class Table:
    """A SPARQL SELECT result as plain strings, ready for a dataframe and downloads."""

    columns: list[str]
    rows: list[list[str | None]]
    truncated: bool = False
    elapsed_ms: float | None = None
    boolean: bool | None = None  # ASK queries
    turtle: str | None = None  # CONSTRUCT / DESCRIBE queries
    notes: list[str] = field(default_factory=list)


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise ServiceUnavailable(f"{name} is not available ({exc})") from None


# builds ---------------------------------------------------------------------------------------------


def build_errors() -> tuple[type[Exception], ...]:
    """Errors that mean "there is no usable build": shown to the user, never as a traceback."""
    errors = _module("pipeline.errors")
    return (errors.BuildError,)


def current_build_id(index_dir: Path) -> str | None:
    """The published build id, read cheaply on every rerun so a new build is picked up at once."""
    manifest = _module("pipeline.manifest")
    current = manifest.current_build(Path(index_dir))
    return current.name if current is not None and current.is_dir() else None


def open_build(index_dir: Path, settings: Settings) -> Any:
    """Load and verify the published build (raises ``BuildNotFound`` / ``BuildIntegrityError``)."""
    return _module("pipeline.load").open_build(Path(index_dir), query_encoder=settings.query_encoder)


def build_options(settings: Settings) -> Any:
    ingest = _module("ingest")
    pipeline = _module("pipeline.build")
    read = ingest.ReadOptions(
        max_bytes=max_upload_bytes(settings),
        max_pages=settings.max_pages_per_pdf,
        max_passage_chars=settings.max_passage_chars,
        pdf_timeout_s=settings.pdf_timeout_s,
    )
    return pipeline.BuildOptions(
        read=read,
        base_iri=settings.base_iri,
        encoder=settings.encoder,
        batch_size=settings.batch_size,
        keep_builds=settings.keep_builds,
    )


def max_upload_bytes(settings: Settings) -> int:
    # Streamlit's server.maxUploadSize counts MB of 1024 * 1024 bytes; so do we.
    return settings.max_upload_mb * 1024 * 1024


def add_report(data: bytes, filename: str, index_dir: Path, settings: Settings, progress: Progress) -> Any:
    """Store an upload under its checksum and rebuild with it; raises ``ReportError`` for bad files."""
    pipeline = _module("pipeline.build")
    return pipeline.add_report(data, filename, Path(index_dir), build_options(settings), progress)


def report_error_types() -> tuple[type[Exception], ...]:
    """Errors that mean "this file cannot become a report" (one clear line each)."""
    ingest = _module("ingest")
    errors = _module("pipeline.errors")
    return (ingest.ReportError, errors.BuildBusy)


# answers --------------------------------------------------------------------------------------------


def knowledge_base(build: Any) -> Any:
    kb = _module("qa.kb")
    return kb.KnowledgeBase.from_build(build)


def answer(question: str, kb: Any, *, k: int = 5, report: str | None = None) -> Any:
    """The engine's Answer: text (None when it abstains), kind, confidence, citations, triples, notes."""
    engine = _module("qa.answer")
    kwargs: dict[str, Any] = {"k": k}
    if report:
        kwargs["report"] = report
    return engine.answer(question, kb, **kwargs)


def warm(build: Any) -> None:
    """Load what the first question needs (search index, query encoder): run in a background thread."""
    _ = build.searcher


# graph ----------------------------------------------------------------------------------------------


def query_policy(settings: Settings) -> Any:
    sparql = _module("graph.sparql")
    return sparql.QueryPolicy(
        timeout_ms=settings.sparql_time_limit_ms,
        max_rows=settings.max_returned_rows,
        max_query_chars=settings.max_query_chars,
    )


def run_sparql(build: Any, text: str, settings: Settings) -> Table:
    """Run a read-only query through the one gateway (``graph.sparql.run_query``)."""
    sparql = _module("graph.sparql")
    syntax_error = getattr(sparql, "QuerySyntaxError", ())
    try:
        result = sparql.run_query(_query_source(build), text, query_policy(settings))
    except syntax_error as exc:
        raise QueryFailed("invalid", f"the query could not be read: {_first_line(exc)}") from None
    except sparql.QueryRefused as exc:
        raise QueryFailed("refused", str(exc)) from None
    except sparql.QueryTimeout:
        raise QueryFailed(
            "timeout",
            f"the query was stopped after {settings.sparql_time_limit_ms} ms "
            "(setting sparql_time_limit_ms); add a LIMIT or narrow the pattern",
        ) from None
    except getattr(sparql, "QueryError", ()) as exc:
        raise QueryFailed("failed", f"the query failed: {_first_line(exc)}") from None
    return _as_table(result)


def _query_source(build: Any) -> Any:
    """What ``run_query`` runs against: the build's N-Quads file when present, else the dataset."""
    path = getattr(build, "path", None)
    if path is not None and (Path(path) / "graph.nq").is_file():
        return Path(path) / "graph.nq"
    return build.dataset


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _as_table(result: Any) -> Table:
    names = getattr(result, "variables", None) or getattr(result, "columns", None) or getattr(result, "vars", None)
    columns = [str(c) for c in (names or [])]
    rows_in = getattr(result, "rows", None) or []
    rows: list[list[str | None]] = []
    for row in rows_in:
        if isinstance(row, dict):
            rows.append([None if row.get(c) is None else str(row.get(c)) for c in columns])
        else:
            rows.append([None if v is None else str(v) for v in row])
    elapsed = getattr(result, "elapsed_ms", None)
    return Table(
        columns=columns,
        rows=rows,
        truncated=bool(getattr(result, "truncated", False)),
        elapsed_ms=float(elapsed) if elapsed is not None else None,
        boolean=getattr(result, "boolean", None),
        turtle=getattr(result, "turtle", None),
    )


def export_graph(build: Any, fmt: str, report: str | None = None) -> bytes:
    export = _module("graph.export")
    return export.export(build.dataset, fmt, report=report)


def table_json(table: Table) -> bytes:
    """Results as a JSON array of objects (one per row), the shape of the CLI's ``query --json``."""
    records = [dict(zip(table.columns, row, strict=False)) for row in table.rows]
    return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")
