"""Exact search in numpy: the reference backend the FAISS index is tested against."""

from __future__ import annotations

import numpy as np

from embeddings.index.base import as_matrix


class ExactIndex:
    kind = "exact"

    def __init__(self, dim: int, vectors: np.ndarray | None = None) -> None:
        self.dim = dim
        self._x = np.zeros((0, dim), dtype=np.float32)
        if vectors is not None:
            self.add(vectors)

    @property
    def ntotal(self) -> int:
        return int(self._x.shape[0])

    def add(self, vectors: np.ndarray) -> None:
        self._x = np.concatenate([self._x, as_matrix(vectors, self.dim)])

    def search(
        self, queries: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        q = as_matrix(queries, self.dim)
        rows = np.arange(self.ntotal) if allowed is None else np.unique(np.asarray(allowed, dtype=np.int64))
        rows = rows[(rows >= 0) & (rows < self.ntotal)]
        sims = q @ self._x[rows].T if len(rows) else np.zeros((len(q), 0), dtype=np.float32)
        out_s = np.full((len(q), k), -np.inf, dtype=np.float32)
        out_i = np.full((len(q), k), -1, dtype=np.int64)
        take = min(k, len(rows))
        for n, row in enumerate(sims):
            part = np.argpartition(-row, take - 1)[:take] if 0 < take < len(row) else np.arange(len(row))
            # sort the k best on -score, then id: deterministic order for equal scores
            order = part[np.lexsort((rows[part], -row[part]))][:take]
            out_s[n, :take] = row[order]
            out_i[n, :take] = rows[order]
        return out_s, out_i

    def scores(self, query: np.ndarray, ids: np.ndarray) -> np.ndarray:
        q = as_matrix(query, self.dim)[0]
        return self._x[np.asarray(ids, dtype=np.int64)] @ q

    def vectors(self) -> np.ndarray:
        return self._x.copy()
