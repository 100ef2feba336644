"""Vector indexes: FAISS ``IndexFlatIP`` and an exact numpy reference with the same interface."""

from embeddings.index.base import VectorIndex
from embeddings.index.exact import ExactIndex
from embeddings.index.factory import BACKENDS, make_vector_index
from embeddings.index.faiss import FaissHeaderError, FaissIndex, check_header

__all__ = [
    "BACKENDS",
    "ExactIndex",
    "FaissHeaderError",
    "FaissIndex",
    "VectorIndex",
    "check_header",
    "make_vector_index",
]
