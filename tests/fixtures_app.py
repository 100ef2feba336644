"""Fixtures for the app tests: a hostile in-memory build, and pointing the app at an index folder.

``hostile_build`` is a real Document read from a small report whose text carries an XSS
payload and a markdown image (threat model 13), with a hand-made extraction whose entity
names carry them too. The app loads it through ``ui.services`` (patched), so these tests
need neither the embedding model nor the answer engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

XSS = "<img src=x onerror=alert(1)>"
IMG = "![t](http://127.0.0.1:9/p.png)"

HOSTILE_REPORT = f"""Section 1: Context and Overview

In 2024, the Alpha Relief Agency (ARA) co-led the Border Working Group (BWG) with the Beta Council.
A partner wrote {XSS} in its submission and linked {IMG} as evidence.
The Beta Council supported the Border Working Group in the province of Gamma.
"""


@dataclass
class FakeBuild:
    """What the app reads from ``pipeline.load.Build``; the dataset is built on first use."""

    id: str
    path: Path
    index_dir: Path
    manifest: dict[str, Any]
    documents: dict[str, Any]
    extractions: dict[str, Any]
    _dataset: Any = field(default=None, repr=False)

    @property
    def dataset(self):
        if self._dataset is None:
            from graph.rdf import build_dataset

            self._dataset = build_dataset([(self.documents[r], self.extractions[r]) for r in self.documents])
        return self._dataset

    @property
    def searcher(self):
        return None


def make_hostile_build(tmp: Path) -> FakeBuild:
    from graph.model import Entity, Extraction, Mention, Relation
    from ingest import read_bytes

    doc = read_bytes(HOSTILE_REPORT.encode("utf-8"), "hostile-2024.txt",
                     meta={"title": f"Hostile {XSS}", "country": "Gamma", "year": 2024})
    text = doc.text
    p = next(p for p in doc.passages if XSS in p.text)
    rid = doc.report.id
    evil = f"Evil {XSS} {IMG}"
    entities = [
        Entity(key="alpha relief agency", type="Organization", label="Alpha Relief Agency", acronym="ARA",
               aliases=["ARA"]),
        Entity(key="border working group", type="Organization", label="Border Working Group", acronym="BWG"),
        Entity(key="evil", type="Organization", label=evil, aliases=[XSS]),
    ]
    a = text.index("Alpha Relief Agency")
    b = text.index("Border Working Group")
    x = text.index(XSS)
    sent_end = text.index("Council.") + len("Council.")
    sent_start = text.rfind("In 2024", 0, a)
    mentions = [
        Mention("alpha relief agency", "Alpha Relief Agency", _pid(doc, a), a, a + 19),
        Mention("border working group", "Border Working Group", _pid(doc, b), b, b + 20),
        Mention("evil", XSS, p.id, x, x + len(XSS)),
    ]
    relations = [
        Relation("alpha relief agency", "coLeads", "border working group", _pid(doc, a), 1, sent_start, sent_end,
                 text[sent_start:sent_end], 0.9),
        Relation("evil", "supports", "border working group", p.id, 1, p.start, p.end, p.text, 0.8),
    ]
    ex = Extraction(report=rid, entities=entities, mentions=mentions, relations=relations)
    manifest = {
        "build_id": "hostile-1", "created": "2024-01-01T00:00:00+00:00", "model": {"name": "none"},
        "counts": {"reports": 1, "passages": len(doc.passages), "triples": 0},
        "reports": [{"id": rid, "slug": doc.report.slug, "file_name": doc.report.file_name,
                     "meta": {"title": doc.report.meta.title, "country": "Gamma", "year": 2024},
                     "counts": {"passages": len(doc.passages)}, "warnings": []}],
    }
    return FakeBuild("hostile-1", tmp, tmp, manifest, {rid: doc}, {rid: ex})


def _pid(doc, offset: int) -> str:
    return next(p.id for p in doc.passages if p.start <= offset < p.end)


@pytest.fixture
def hostile_build(tmp_path: Path) -> FakeBuild:
    return make_hostile_build(tmp_path)


@pytest.fixture
def serve_build(monkeypatch: pytest.MonkeyPatch):
    """Make the app load ``build`` (any object shaped like ``pipeline.Build``) for its index folder."""
    from ui import services

    def _serve(build) -> Path:
        monkeypatch.setenv("REPORTGRAPH_INDEX_DIR", str(build.index_dir))
        monkeypatch.setattr(services, "current_build_id", lambda index_dir: build.id)
        monkeypatch.setattr(services, "open_build", lambda index_dir, settings: build)
        return build.index_dir

    return _serve


@pytest.fixture
def app_index(monkeypatch: pytest.MonkeyPatch):
    """Point the app at an index folder through the environment (as ``reportgraph app`` does)."""

    def _point(index_dir: Path) -> Path:
        monkeypatch.setenv("REPORTGRAPH_INDEX_DIR", str(index_dir))
        return index_dir

    return _point
