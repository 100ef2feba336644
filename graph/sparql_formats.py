"""Writing a ``QueryResult``: W3C SPARQL 1.1 JSON and CSV results formats, and a plain text table.

CONSTRUCT and DESCRIBE results are Turtle in every format. The CSV format has no ASK form in
the W3C note; we write a one-column ``boolean`` table.
"""

from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Literal, URIRef

from graph.sparql import QueryResult, Term
from graph.sparql_worker import term_json

FORMATS = ("table", "json", "csv")


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON Format (https://www.w3.org/TR/sparql11-results-json/)."""
    if result.turtle is not None:
        return result.turtle
    if result.kind == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}, indent=1)
    bindings = [{var: term_json(term) for var, term in zip(result.variables, row, strict=True) if term is not None}
                for row in result.rows]
    return json.dumps({"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
                      indent=1, ensure_ascii=False)


def csv_value(term: Term | None) -> str:
    """SPARQL 1.1 CSV: IRIs and literals as plain strings, blank nodes as ``_:label``."""
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def to_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV Format (https://www.w3.org/TR/sparql11-results-csv-tsv/)."""
    if result.turtle is not None:
        return result.turtle
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ASK":
        writer.writerows([["boolean"], ["true" if result.boolean else "false"]])
    else:
        writer.writerow(result.variables)
        writer.writerows([csv_value(t) for t in row] for row in result.rows)
    return buf.getvalue()


def _cell(term: Term | None, width: int = 60) -> str:
    text = "" if term is None else (f"<{term}>" if isinstance(term, URIRef) else str(term))
    if isinstance(term, Literal):
        text = str(term)
    text = " ".join(text.split())  # one line per row
    return text if len(text) <= width else text[: width - 1] + "…"


def to_table(result: QueryResult) -> str:
    """A plain text table for people (values shortened to one line)."""
    if result.turtle is not None:
        return result.turtle
    if result.kind == "ASK":
        return "true" if result.boolean else "false"
    rows = [[_cell(t) for t in row] for row in result.rows]
    widths = [max([len(v), *(len(r[i]) for r in rows)]) for i, v in enumerate(result.variables)]
    lines = [" | ".join(v.ljust(w) for v, w in zip(result.variables, widths, strict=True)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def render(result: QueryResult, fmt: str) -> str:
    if fmt == "json":
        return to_json(result)
    if fmt == "csv":
        return to_csv(result)
    if fmt == "table":
        return to_table(result)
    raise ValueError(f"unknown results format {fmt!r}; choose from {', '.join(FORMATS)}")
