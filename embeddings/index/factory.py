"""Backend names → classes. A closed list: names are never imported as code (threat model 18)."""

from __future__ import annotations

from embeddings.index.base import VectorIndex

BACKENDS = ("faiss", "exact")


def make_vector_index(kind: str, dim: int) -> VectorIndex:
    """An empty index of ``kind`` ("faiss" | "exact").

    Raises:
        ValueError: unknown kind.
    """
    if kind == "faiss":
        from embeddings.index.faiss import FaissIndex

        return FaissIndex(dim)
    if kind == "exact":
        from embeddings.index.exact import ExactIndex

        return ExactIndex(dim)
    raise ValueError(f"unknown vector index backend {kind!r}; expected one of {', '.join(BACKENDS)}")
