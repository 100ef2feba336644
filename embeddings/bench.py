"""Timing helpers for ``bench/run``: search latency on a built index, FAISS at scale, encode throughput.

Not tests: they measure and return numbers; the benchmark script prints them.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from embeddings.encoder import Encoder, make_encoder, sha256_file
from embeddings.search import MODES, Searcher
from embeddings.store import load_index

DEFAULT_QUERIES = (
    "how many government officials were trained on international protection",
    "who co-leads the working group for refugees and migrants",
    "what share of the budget was spent",
    "access to asylum procedures",
    "cash assistance for basic needs",
    "children enrolled in school",
    "gender-based violence survivors referred to services",
    "regularization and documentation of refugees and migrants",
    "partners that support livelihoods and economic inclusion",
    "what is the goal for durable solutions by 2026",
)


def _percentiles(samples_s: Sequence[float]) -> dict[str, float]:
    ms = sorted(1000.0 * s for s in samples_s)
    if not ms:
        return {"p50_ms": float("nan"), "p95_ms": float("nan"), "max_ms": float("nan")}
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return {"p50_ms": statistics.median(ms), "p95_ms": p95, "max_ms": ms[-1]}


def _time(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_search(
    index_dir: Path,
    queries: Sequence[str] = DEFAULT_QUERIES,
    *,
    encoder_kind: str = "numpy",
    rounds: int = 5,
    k: int = 10,
) -> dict[str, Any]:
    """Load an index and time warm ``search()`` per mode, plus query encoding alone.

    Returns a flat-ish dict: ``load_s`` (verify + read), ``encoder_load_s``, ``passages``,
    ``encode_query`` and ``search_<mode>`` percentiles (p50_ms, p95_ms, max_ms).
    """
    load_s = _time(lambda: load_index(index_dir))
    index = load_index(index_dir)
    encoder = make_encoder(encoder_kind)
    encoder_load_s = _time(lambda: encoder.encode(["warm up"]))
    searcher = Searcher(index, encoder)
    for q in queries:  # warm every path once
        searcher.search(q, k=k)
    out: dict[str, Any] = {
        "passages": len(index.passages),
        "load_s": load_s,
        "encoder": encoder_kind,
        "encoder_load_s": encoder_load_s,
        "encode_query": _percentiles([_time(lambda q=q: encoder.encode([q])) for _ in range(rounds) for q in queries]),
    }
    for mode in MODES:
        samples = [
            _time(lambda q=q, mode=mode: searcher.search(q, k=k, mode=mode))  # type: ignore[misc]
            for _ in range(rounds)
            for q in queries
        ]
        out[f"search_{mode}"] = _percentiles(samples)
    return out


def encode_throughput(encoder: Encoder, texts: Sequence[str], batch_size: int = 16) -> dict[str, float]:
    """Passages per second of ``encoder.encode(texts, batch_size)`` (after one warm-up batch)."""
    encoder.encode(list(texts[:batch_size]), batch_size=batch_size)
    seconds = _time(lambda: encoder.encode(list(texts), batch_size=batch_size))
    return {"passages": len(texts), "seconds": seconds, "passages_per_s": len(texts) / seconds}


def random_unit_vectors(n: int, dim: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, dim), dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x


def faiss_scale_timing(
    n: int = 100_000, dim: int = 384, n_queries: int = 200, k: int = 10, seed: int = 0
) -> dict[str, Any]:
    """FAISS IndexFlatIP at ``n`` random unit vectors: add, single-query search, write, verify, read.

    Also times the exact numpy backend on the same data, and a filtered search (10% allowed).
    """
    from embeddings.index import ExactIndex, FaissIndex, check_header

    x = random_unit_vectors(n, dim, seed)
    queries = random_unit_vectors(n_queries, dim, seed + 1)
    flat = FaissIndex(dim)
    add_s = _time(lambda: flat.add(x))
    search = [_time(lambda q=q: flat.search(q[None, :], k)) for q in queries]
    allowed = np.arange(0, n, 10, dtype=np.int64)
    filtered = [_time(lambda q=q: flat.search(q[None, :], k, allowed)) for q in queries[:50]]
    exact = ExactIndex(dim, x)
    exact_s = [_time(lambda q=q: exact.search(q[None, :], k)) for q in queries[:50]]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "vectors.faiss"
        write_s = _time(lambda: flat.write(path))
        size = path.stat().st_size
        verify_s = _time(lambda: (sha256_file(path), check_header(path, dim, n)))
        read_s = _time(lambda: FaissIndex.read(path, dim))
    return {
        "n": n,
        "dim": dim,
        "add_s": add_s,
        "search": _percentiles(search),
        "search_filtered_10pct": _percentiles(filtered),
        "exact_numpy_search": _percentiles(exact_s),
        "write_s": write_s,
        "verify_s": verify_s,
        "read_s": read_s,
        "file_mb": size / 1e6,
    }


_COLD_SCRIPT = """
import json, sys, time
t0 = time.perf_counter()
from embeddings import open_searcher
t1 = time.perf_counter()
searcher = open_searcher(sys.argv[1])
t2 = time.perf_counter()
hits = searcher.search(sys.argv[2], k=10)
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "first_query_s": t3 - t2, "hits": len(hits),
                  "torch_imported": "torch" in sys.modules}))
"""


def cold_search_timing(index_dir: Path, query: str = DEFAULT_QUERIES[0]) -> dict[str, Any]:
    """One fresh Python process: import, verify + load the index, first hybrid query (numpy encoder).

    ``total_s`` is the wall time of the process, interpreter start-up included.
    """
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", _COLD_SCRIPT, str(index_dir), query],
        cwd=root, capture_output=True, text=True, timeout=300, check=True,
    )
    total = time.perf_counter() - start
    return {**json.loads(out.stdout.strip().splitlines()[-1]), "total_s": total}
