"""Where the RDF lives: one small interface, an in-memory rdflib implementation, and file I/O.

Extraction and the rest of the pipeline talk to ``GraphStore``; a shared SPARQL 1.1 server (or an
Oxigraph-backed store) can take the place of ``MemoryStore`` without touching them.
Files are always read as bytes and parsed with an explicit ``format=`` and ``data=`` — never
``source=`` or a path string, which rdflib would resolve as a path or URL (threat model 12).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Protocol, runtime_checkable

from rdflib import Dataset, URIRef
from rdflib.query import Result

from graph.namespaces import bind_prefixes

# file suffix → rdflib format; only quad formats keep the named graphs
DATASET_FORMATS = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads"}


@runtime_checkable
class GraphStore(Protocol):
    def add_dataset(self, ds: Dataset) -> None: ...

    def query(self, text: str) -> Result:
        """Trusted, internal queries only; user SPARQL goes through ``graph.sparql.run_query``."""
        ...

    def serialize(self, fmt: str = "trig") -> bytes: ...

    def named_graphs(self) -> list[str]: ...

    def __len__(self) -> int: ...


class MemoryStore:
    """rdflib's in-memory store; the default graph of queries is the union of the named graphs."""

    def __init__(self, ds: Dataset | None = None) -> None:
        self._ds = Dataset(default_union=True)
        bind_prefixes(self._ds.namespace_manager)
        if ds is not None:
            self.add_dataset(ds)

    @property
    def dataset(self) -> Dataset:
        return self._ds

    def add_dataset(self, ds: Dataset) -> None:
        for s, p, o, g in ds.quads((None, None, None, None)):
            if g is None:
                continue
            ident = g.identifier if hasattr(g, "identifier") else g
            self._ds.graph(ident).add((s, p, o))

    def query(self, text: str) -> Result:
        return self._ds.query(text)

    def serialize(self, fmt: str = "trig") -> bytes:
        return self._ds.serialize(format=fmt, encoding="utf-8")

    def named_graphs(self) -> list[str]:
        return sorted(str(g.identifier) for g in self._ds.graphs()
                      if isinstance(g.identifier, URIRef) and len(g))

    def __len__(self) -> int:
        return sum(1 for _ in self._ds.quads((None, None, None, None)))


def dataset_format(path: Path, fmt: str | None = None) -> str:
    if fmt is not None:
        if fmt not in set(DATASET_FORMATS.values()):
            raise ValueError(f"not a dataset format: {fmt!r} (use trig or nquads)")
        return fmt
    try:
        return DATASET_FORMATS[path.suffix.lower()]
    except KeyError:
        raise ValueError(f"cannot tell the RDF format of {path.name!r}: use .trig or .nq") from None


def save_dataset(ds: Dataset, path: Path, fmt: str | None = None) -> Path:
    """Write ``ds`` as TriG or N-Quads, atomically (temp file in the same folder, then replace)."""
    path = Path(path)
    data = ds.serialize(format=dataset_format(path, fmt), encoding="utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def load_dataset(path: Path, fmt: str | None = None) -> Dataset:
    """Read a TriG / N-Quads file written by ``save_dataset`` (bytes in, explicit format)."""
    path = Path(path)
    return parse_dataset(path.read_bytes(), dataset_format(path, fmt))


def parse_dataset(data: bytes, fmt: str) -> Dataset:
    if fmt not in set(DATASET_FORMATS.values()):
        raise ValueError(f"not a dataset format: {fmt!r}")
    ds = Dataset(default_union=True)
    bind_prefixes(ds.namespace_manager)
    ds.parse(data=data, format=fmt)
    return ds


# -- RDF from elsewhere (threat model 10–12) -------------------------------------------------

class UnsafeRDF(ValueError):
    """Refused before parsing: a format or construct that would make rdflib fetch or expand."""


ACCEPTED_IMPORT_FORMATS = ("nquads", "trig", "turtle", "nt", "json-ld")


def refuse_xml_entities(data: bytes) -> None:
    """Any DOCTYPE / ENTITY declaration is refused (billion laughs, external entities)."""
    head = data.lower()
    if b"<!doctype" in head or b"<!entity" in head:
        raise UnsafeRDF("XML document type / entity declarations are not accepted")


def _remote_contexts(node: object) -> bool:
    """True if a JSON-LD document names a context by IRI (a string) or uses @import."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@context" and _context_is_remote(value):
                return True
            if _remote_contexts(value):
                return True
    elif isinstance(node, list):
        return any(_remote_contexts(item) for item in node)
    return False


def _context_is_remote(ctx: object) -> bool:
    if isinstance(ctx, str):
        return True
    if isinstance(ctx, list):
        return any(_context_is_remote(c) for c in ctx)
    if isinstance(ctx, dict):
        return "@import" in ctx or any(_remote_contexts(v) for v in ctx.values())
    return False


def parse_untrusted(data: bytes, fmt: str) -> Dataset:
    """Parse RDF bytes from outside the pipeline: only line/Turtle-family formats and JSON-LD
    with inline contexts; RDF/XML and TriX are never accepted (they would need an XML parser)."""
    import json

    if fmt not in ACCEPTED_IMPORT_FORMATS:
        raise UnsafeRDF(f"format {fmt!r} is not accepted; use one of {', '.join(ACCEPTED_IMPORT_FORMATS)}")
    refuse_xml_entities(data)
    if fmt == "json-ld":
        try:
            doc = json.loads(data)
        except ValueError as e:
            raise UnsafeRDF(f"not JSON: {e}") from None
        if _remote_contexts(doc):  # rdflib would fetch it (threat model 11)
            raise UnsafeRDF("JSON-LD with a remote @context or @import is not accepted")
    ds = Dataset(default_union=True)
    ds.parse(data=data, format=fmt)
    return ds
