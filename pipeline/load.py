"""Open the published build: verified once, then shared read-only.

``open_build`` resolves ``CURRENT`` once and keeps that build, so a reader never
sees a mix of two builds while a new one is published. Every artefact is
checked against the manifest before it is parsed; the RDF dataset and the
search index are loaded lazily (the app's first page needs neither).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from graph.model import Extraction, extraction_from_json
from ingest.model import Document

from . import manifest as mf
from .errors import BuildIntegrityError, BuildNotFound


@dataclass
class Build:
    id: str
    path: Path
    index_dir: Path
    manifest: dict[str, Any]
    documents: dict[str, Document]
    extractions: dict[str, Extraction]
    query_encoder: str = "numpy"
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def reports(self) -> list[dict[str, Any]]:
        return list(self.manifest.get("reports", []))

    def report_id(self, name: str) -> str | None:
        """A report's id from its id, id prefix or slug."""
        for r in self.reports:
            if name in (r["id"], r["slug"]) or (len(name) >= 4 and r["id"].startswith(name)):
                return r["id"]
        return None

    @cached_property
    def dataset(self):  # rdflib.Dataset
        from rdflib import Dataset

        with self._lock:
            data = (self.path / "graph.nq").read_bytes()
            ds = Dataset()
            # parse from bytes with an explicit format: never a path or URL (threat model 12)
            ds.parse(data=data, format="nquads")
            return ds

    @cached_property
    def searcher(self):  # embeddings.search.Searcher
        from embeddings.encoder import make_encoder
        from embeddings.search import Searcher
        from embeddings.store import load_index

        with self._lock:
            index = load_index(self.path / "index")
            return Searcher(index, make_encoder(self.query_encoder), boost=self._boost)

    def _boost(self, query: str) -> dict[str, float]:
        """Passages that mention an entity named in the query (through its aliases)."""
        return self.linker.boost(query)

    @cached_property
    def linker(self):
        from graph.linking import AliasLinker

        # passages per report: the N of the linker's idf (how specific a named entity is)
        counts = {rid: len(doc.passages) for rid, doc in self.documents.items()}
        return AliasLinker(list(self.extractions.values()), passage_counts=counts)


def open_build(index_dir: Path | str, *, verify: bool = True, query_encoder: str = "numpy") -> Build:
    """The published build of ``index_dir``.

    Raises:
        BuildNotFound: nothing has been published there.
        BuildIntegrityError: an artefact is missing, truncated or changed (names the file and the fix).
    """
    index_dir = Path(index_dir)
    current = mf.current_build(index_dir)
    if current is None or not current.is_dir():
        raise BuildNotFound(str(index_dir))
    manifest = mf.read_manifest(current, index_dir=str(index_dir))
    if verify:
        mf.verify(current, manifest, index_dir=str(index_dir))
    documents: dict[str, Document] = {}
    extractions: dict[str, Extraction] = {}
    for report in manifest.get("reports", []):
        rid = report["id"]
        documents[rid] = Document.from_json(_read_json(current / "documents" / f"{rid}.json", index_dir))
        extractions[rid] = extraction_from_json(_read_json(current / "extractions" / f"{rid}.json", index_dir))
    return Build(
        id=manifest["build_id"], path=current, index_dir=index_dir, manifest=manifest,
        documents=documents, extractions=extractions, query_encoder=query_encoder,
    )


def _read_json(path: Path, index_dir: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as exc:
        raise BuildIntegrityError(str(path), f"unreadable ({exc})", str(index_dir)) from None
