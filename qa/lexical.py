"""A small BM25 passage searcher, for a knowledge base built without the search index.

The answer engine normally retrieves through ``embeddings.search.Searcher`` (hybrid dense + BM25).
This one uses the same analyser and BM25 implementation over the same passages, and is what
``KnowledgeBase`` falls back to when it is given no searcher (tests, a documents-only build).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from embeddings.lexical import LexicalIndex, analyse
from ingest.model import Passage


@dataclass(frozen=True)
class SimpleHit:
    """The fields of a search hit the answer engine reads."""

    passage_id: str
    score: float
    rank: int
    text: str = ""
    report: str = ""
    pages: tuple[int, ...] = ()
    section: tuple[str, ...] = ()
    matched_spans: tuple[tuple[int, int], ...] = field(default=())


class Searcher(Protocol):
    """What ``answer()`` needs from a searcher: ranked hits with ``passage_id`` and ``score``."""

    def search(self, query: str, k: int = 10, filters: Any = None) -> Sequence[Any]: ...


class LexicalSearcher:
    """BM25 over passages (text plus section titles)."""

    def __init__(self, passages: Iterable[Passage]) -> None:
        self.passages = [p for p in passages if p.text.strip()]
        docs = [" ".join([*p.section[-1:], p.text]) for p in self.passages]
        self.index = LexicalIndex.build(docs) if docs else None

    def search(self, query: str, k: int = 10, filters: Any = None) -> list[SimpleHit]:
        if self.index is None:
            return []
        scores = self.index.scores(analyse(query))
        report = getattr(filters, "report", None) if filters is not None else None
        order = np.argsort(-scores, kind="stable")
        hits: list[SimpleHit] = []
        for i in order:
            p = self.passages[int(i)]
            if scores[i] <= 0 or (report and p.report != report):
                continue
            hits.append(SimpleHit(p.id, float(scores[i]), len(hits) + 1, p.text, p.report, p.pages, p.section))
            if len(hits) >= k:
                break
        return hits
