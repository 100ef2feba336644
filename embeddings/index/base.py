"""The vector-index interface shared by the FAISS backend and the exact numpy reference.

Rows are L2-normalised float32 vectors in passage order; the score is the inner product (cosine).
``search`` may be restricted to an ``allowed`` set of row ids (filters); missing results are
padded with id -1 and score -inf, as FAISS does.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class VectorIndex(Protocol):
    kind: str
    dim: int

    @property
    def ntotal(self) -> int: ...

    def add(self, vectors: np.ndarray) -> None: ...

    def search(
        self, queries: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(scores, ids), each (n_queries, k), best first; ``allowed`` is an int array of row ids."""
        ...

    def scores(self, query: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """Inner products of one query (dim,) with the given rows."""
        ...

    def vectors(self) -> np.ndarray:
        """All rows as a (ntotal, dim) float32 array (a copy)."""
        ...


def as_matrix(vectors: np.ndarray, dim: int) -> np.ndarray:
    """Validate and convert to a C-contiguous float32 (n, dim) array."""
    arr = np.ascontiguousarray(vectors, dtype=np.float32)
    if arr.ndim == 1:
        arr = arr.reshape(1, -1)
    if arr.ndim != 2 or arr.shape[1] != dim:
        raise ValueError(f"expected vectors of shape (n, {dim}), got {arr.shape}")
    return arr
