"""Passages → vectors (MiniLM) + BM25 → a verified index folder → hybrid search.

Importing this package is cheap: torch/sentence-transformers, FAISS and bm25s are imported
only when an encoder loads, an index is read or written, or BM25 runs.
"""

from embeddings.bench import bench_search, cold_search_timing, encode_throughput, faiss_scale_timing
from embeddings.encoder import (
    ENCODER_KINDS,
    MODEL_NAME,
    MODEL_SHA256,
    Encoder,
    ModelFacts,
    ModelIntegrityError,
    SentenceTransformerEncoder,
    check_model_dir,
    make_encoder,
    verify_model,
)
from embeddings.evaluate import evaluate_retrieval, format_retrieval, format_table, is_relevant
from embeddings.minilm_numpy import NumpyMiniLMEncoder
from embeddings.records import PassageRecord, embedding_text, records_from_document
from embeddings.search import (
    DEFAULT_FUSION,
    MODES,
    FusionConfig,
    Hit,
    Searcher,
    SearchFilters,
    SearchMode,
    open_searcher,
)
from embeddings.store import IndexIntegrityError, LoadedIndex, build_index, load_index, write_index

__all__ = [
    "DEFAULT_FUSION",
    "ENCODER_KINDS",
    "MODEL_NAME",
    "MODEL_SHA256",
    "MODES",
    "Encoder",
    "FusionConfig",
    "Hit",
    "IndexIntegrityError",
    "LoadedIndex",
    "ModelFacts",
    "ModelIntegrityError",
    "NumpyMiniLMEncoder",
    "PassageRecord",
    "SearchFilters",
    "SearchMode",
    "Searcher",
    "SentenceTransformerEncoder",
    "bench_search",
    "build_index",
    "cold_search_timing",
    "check_model_dir",
    "embedding_text",
    "encode_throughput",
    "evaluate_retrieval",
    "faiss_scale_timing",
    "format_retrieval",
    "format_table",
    "is_relevant",
    "load_index",
    "make_encoder",
    "open_searcher",
    "records_from_document",
    "verify_model",
    "write_index",
]
