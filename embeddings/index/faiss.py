"""FAISS ``IndexFlatIP`` backend: exact inner-product search on normalised vectors.

``faiss.read_index`` is not safe on untrusted bytes (faiss#5400), so ``read`` is only reached after
the store has verified the file's sha256 against the index manifest, and ``check_header`` first
confirms the bytes are a flat inner-product index of the declared shape (threat model 16).
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

from embeddings.index.base import as_matrix

# IndexFlatIP on disk: b"IxFI", d:int32, ntotal:int64, two int64 dummies, is_trained:uint8,
# metric_type:int32, then the codes as a size_t count of floats followed by the floats.
_HEADER = struct.Struct("<4siqqqBiQ")
_METRIC_INNER_PRODUCT = 0


class FaissHeaderError(ValueError):
    """The file is not a flat inner-product index of the declared shape."""


def check_header(path: Path, dim: int, ntotal: int) -> None:
    """Check a ``vectors.faiss`` file's header and size without handing it to FAISS."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(_HEADER.size)
    if len(head) < _HEADER.size:
        raise FaissHeaderError(f"file is too short to be a FAISS index ({size} bytes)")
    fourcc, d, n, _, _, _, metric, count = _HEADER.unpack(head)
    if fourcc != b"IxFI" or metric != _METRIC_INNER_PRODUCT:
        raise FaissHeaderError(f"not a flat inner-product index (type {fourcc!r}, metric {metric})")
    if d != dim or n != ntotal or count != n * d:
        raise FaissHeaderError(f"index holds {n}×{d} vectors, the manifest says {ntotal}×{dim}")
    if size != _HEADER.size + 4 * n * d:
        raise FaissHeaderError(f"index file is {size} bytes, expected {_HEADER.size + 4 * n * d}")


_threads_set = False


def _single_threaded_search() -> None:
    """Run FAISS on one OpenMP thread. A single query over a flat index is memory-bound; on this
    2-core machine OpenMP's fork/join made it ~4x slower (100k vectors: 40 ms vs 9.4 ms p50), and
    concurrent readers are parallel threads already."""
    global _threads_set
    if not _threads_set:
        import faiss

        faiss.omp_set_num_threads(1)
        _threads_set = True


class FaissIndex:
    kind = "faiss"

    def __init__(self, dim: int, index: object | None = None) -> None:
        import faiss

        _single_threaded_search()
        self.dim = dim
        self._index = index if index is not None else faiss.IndexFlatIP(dim)

    @property
    def ntotal(self) -> int:
        return int(self._index.ntotal)

    def add(self, vectors: np.ndarray) -> None:
        self._index.add(as_matrix(vectors, self.dim))

    def search(
        self, queries: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        import faiss

        q = as_matrix(queries, self.dim)
        if allowed is None:
            scores, ids = self._index.search(q, k)
        else:
            sel = faiss.IDSelectorBatch(np.ascontiguousarray(allowed, dtype=np.int64))
            scores, ids = self._index.search(q, k, params=faiss.SearchParameters(sel=sel))
        scores = np.where(ids < 0, -np.inf, scores).astype(np.float32)
        return scores, ids.astype(np.int64)

    def scores(self, query: np.ndarray, ids: np.ndarray) -> np.ndarray:
        q = as_matrix(query, self.dim)[0]
        ids = np.asarray(ids, dtype=np.int64)
        if not len(ids):
            return np.zeros(0, dtype=np.float32)
        return self._index.reconstruct_batch(ids) @ q

    def vectors(self) -> np.ndarray:
        return self._index.reconstruct_n(0, self.ntotal)

    def write(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(path))

    @classmethod
    def read(cls, path: Path, dim: int) -> FaissIndex:
        """Read a verified file; ``faiss.read_index`` is looked up at call time (tests patch it)."""
        import faiss

        index = faiss.read_index(str(path))
        if not isinstance(index, faiss.IndexFlatIP) or index.d != dim:
            raise FaissHeaderError(f"{path.name} is not an IndexFlatIP of dimension {dim}")
        return cls(dim, index)
