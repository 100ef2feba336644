"""Writing and loading a search index folder, verified before anything is parsed.

An index folder holds::

    index.json        format version, model (name, sha256, size, dim), ntotal, reports,
                      and the sha256 + size of every other file (written last)
    vectors.faiss     faiss.write_index of an IndexFlatIP, rows in passage order
    passages.jsonl    one passage per line (id, report, pages, section, text, offsets, kind)
    lexical/          BM25 state: bm25s's .npy/.json files and analyser.json

``load_index`` reads ``index.json``, checks that it names exactly the expected files, then checks
every file's size and sha256, then the FAISS header — and only then parses anything or calls
``faiss.read_index`` (threat model 15, 16). Files the manifest does not name (say an
``index.pkl`` dropped into the folder) are never opened. No pickle anywhere.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from embeddings.encoder import Encoder, Progress, sha256_file, verify_model
from embeddings.index import BACKENDS, FaissHeaderError, FaissIndex, VectorIndex, check_header
from embeddings.index.exact import ExactIndex
from embeddings.lexical import ANALYSER_FILE, BM25_FILES, LexicalIndex
from embeddings.records import EMBEDDING_POLICY, PassageRecord, as_records, embedding_text

FORMAT_VERSION = 1
MANIFEST = "index.json"
VECTORS = "vectors.faiss"
PASSAGES = "passages.jsonl"
LEXICAL = "lexical"
EXPECTED_FILES = frozenset({VECTORS, PASSAGES, *(f"{LEXICAL}/{n}" for n in (*BM25_FILES, ANALYSER_FILE))})
REBUILD = "rebuild with `reportgraph build`"
_MAX_MANIFEST_BYTES = 1 << 20
_MODEL_KEYS = ("name", "sha256", "size", "dim")


class IndexIntegrityError(RuntimeError):
    """An index file is missing, changed or malformed; the message names the file and the fix."""

    def __init__(self, file: str, reason: str) -> None:
        self.file = file
        self.reason = reason
        super().__init__(f"{file}: {reason}; {REBUILD}")


@dataclass
class LoadedIndex:
    """A verified index folder, ready to search. Immutable after loading; safe to share."""

    directory: Path
    manifest: dict[str, Any]
    passages: list[PassageRecord]
    vectors: VectorIndex
    lexical: LexicalIndex
    row_of: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.row_of:
            self.row_of = {p.passage_id: i for i, p in enumerate(self.passages)}

    @property
    def model(self) -> dict[str, Any]:
        return dict(self.manifest["model"])

    @property
    def dim(self) -> int:
        return int(self.manifest["dim"])


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_index(
    out_dir: Path,
    passages: Sequence[Any],
    vectors: np.ndarray,
    encoder_facts: Mapping[str, Any],
) -> dict[str, Any]:
    """Write an index folder and return its manifest (the content of ``index.json``).

    Args:
        out_dir: the folder to write (created if needed); the caller publishes it atomically.
        passages: ``PassageRecord`` or ``ingest.model.Passage`` objects, in vector order.
        vectors: float32 (len(passages), dim), L2-normalised.
        encoder_facts: the model's name, sha256, size and dim (``ModelFacts.to_json()``).

    Raises:
        ValueError: empty input, mismatched shapes, unnormalised vectors, duplicate ids.
    """
    records = as_records(passages)
    missing = [k for k in _MODEL_KEYS if k not in encoder_facts]
    if missing:
        raise ValueError(f"encoder_facts lacks {', '.join(missing)}")
    dim = int(encoder_facts["dim"])
    vecs = np.ascontiguousarray(vectors, dtype=np.float32)
    if not records:
        raise ValueError("cannot write an index of no passages")
    if vecs.shape != (len(records), dim):
        raise ValueError(f"vectors have shape {vecs.shape}, expected {(len(records), dim)}")
    if not np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-3):
        raise ValueError("vectors must be L2-normalised")
    ids = [r.passage_id for r in records]
    if len(set(ids)) != len(ids):
        raise ValueError("passage ids are not unique")

    out_dir = Path(out_dir)
    (out_dir / LEXICAL).mkdir(parents=True, exist_ok=True)
    faiss_index = FaissIndex(dim)
    faiss_index.add(vecs)
    faiss_index.write(out_dir / VECTORS)
    with open(out_dir / PASSAGES, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
    LexicalIndex.build([r.indexed_text for r in records]).save(out_dir / LEXICAL)

    files: dict[str, dict[str, Any]] = {}
    for name in sorted(EXPECTED_FILES):
        path = out_dir / name
        _fsync(path)
        files[name] = {"sha256": sha256_file(path), "size": path.stat().st_size}
    manifest = {
        "format_version": FORMAT_VERSION,
        "model": {k: encoder_facts[k] for k in _MODEL_KEYS},
        "dim": dim,
        "ntotal": len(records),
        "reports": sorted({r.report for r in records}),
        "embedding_text": EMBEDDING_POLICY,
        "files": files,
    }
    # the manifest goes last and appears whole: an interrupted write leaves no index.json at all
    tmp = out_dir / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
    _fsync(tmp)
    os.replace(tmp, out_dir / MANIFEST)
    return manifest


def build_index(
    out_dir: Path,
    passages: Sequence[Any],
    encoder: Encoder,
    *,
    batch_size: int = 16,
    progress: Progress | None = None,
    encoder_facts: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Embed ``passages`` (``embedding_text``) with ``encoder`` and ``write_index`` them.

    ``encoder_facts`` defaults to ``verify_model()`` of the pinned model, so building verifies the
    weights' sha256 (threat model 17c). Returns the manifest.
    """
    records = as_records(passages)
    facts = dict(encoder_facts) if encoder_facts is not None else verify_model().to_json()
    if facts.get("dim") != encoder.dim or facts.get("name") != encoder.name:
        raise ValueError(f"encoder {encoder.name} ({encoder.dim}) does not match the facts {facts}")
    vectors = encoder.encode([embedding_text(r) for r in records], batch_size=batch_size, progress=progress)
    return write_index(out_dir, records, vectors, facts)


def read_manifest(directory: Path) -> dict[str, Any]:
    """Read and validate ``index.json`` (shape only; files are checked by ``verify_files``)."""
    path = Path(directory) / MANIFEST
    if not path.is_file():
        raise IndexIntegrityError(MANIFEST, f"no index manifest in {directory}")
    if path.stat().st_size > _MAX_MANIFEST_BYTES:
        raise IndexIntegrityError(MANIFEST, "manifest is implausibly large")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IndexIntegrityError(MANIFEST, f"manifest is not valid JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("format_version") != FORMAT_VERSION:
        version = data.get("format_version") if isinstance(data, dict) else None
        raise IndexIntegrityError(MANIFEST, f"format version {version!r} is not {FORMAT_VERSION}")
    model, files = data.get("model"), data.get("files")
    if not isinstance(model, dict) or any(k not in model for k in _MODEL_KEYS):
        raise IndexIntegrityError(MANIFEST, "manifest lacks the model's name, sha256, size or dim")
    for key in ("dim", "ntotal"):
        if not isinstance(data.get(key), int) or data[key] <= 0:
            raise IndexIntegrityError(MANIFEST, f"manifest {key} is not a positive integer")
    if model["dim"] != data["dim"]:
        raise IndexIntegrityError(MANIFEST, f"model dim {model['dim']} differs from index dim {data['dim']}")
    if not isinstance(files, dict) or set(files) != EXPECTED_FILES:
        names = sorted(files) if isinstance(files, dict) else files
        raise IndexIntegrityError(MANIFEST, f"manifest lists files {names}, expected {sorted(EXPECTED_FILES)}")
    for name, entry in files.items():
        if not (isinstance(entry, dict) and isinstance(entry.get("sha256"), str)
                and isinstance(entry.get("size"), int)):
            raise IndexIntegrityError(MANIFEST, f"manifest entry for {name} lacks sha256/size")
    return data


def verify_files(directory: Path, manifest: Mapping[str, Any]) -> None:
    """Check every file the manifest names: present, same size, same sha256."""
    for name, entry in sorted(manifest["files"].items()):
        path = Path(directory) / name
        if not path.is_file():
            raise IndexIntegrityError(name, "file is missing")
        size = path.stat().st_size
        if size != entry["size"]:
            raise IndexIntegrityError(name, f"file is {size} bytes, the manifest says {entry['size']}")
        if sha256_file(path) != entry["sha256"]:
            raise IndexIntegrityError(name, "file checksum does not match the manifest (changed or corrupted)")


def load_index(
    directory: Path, *, expected_dim: int | None = None, backend: str = "faiss"
) -> LoadedIndex:
    """Verify and load an index folder.

    Args:
        directory: a folder written by ``write_index``.
        expected_dim: the query encoder's dimension; a different manifest dim is refused.
        backend: "faiss" (default) or "exact" (numpy reference, filled from the same file).

    Raises:
        IndexIntegrityError: any missing, changed or malformed file, or a dimension mismatch.
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown vector index backend {backend!r}; expected one of {', '.join(BACKENDS)}")
    directory = Path(directory)
    manifest = read_manifest(directory)
    dim, ntotal = manifest["dim"], manifest["ntotal"]
    if expected_dim is not None and dim != expected_dim:
        raise IndexIntegrityError(MANIFEST, f"index dim {dim} differs from the encoder's {expected_dim}")
    verify_files(directory, manifest)
    try:
        check_header(directory / VECTORS, dim, ntotal)
    except FaissHeaderError as exc:
        raise IndexIntegrityError(VECTORS, str(exc)) from None

    passages: list[PassageRecord] = []
    try:
        with open(directory / PASSAGES, encoding="utf-8") as fh:
            passages = [PassageRecord.from_json(json.loads(line)) for line in fh if line.strip()]
    except (ValueError, TypeError, AttributeError) as exc:
        raise IndexIntegrityError(PASSAGES, f"malformed passage line ({exc})") from None
    if len(passages) != ntotal or len({p.passage_id for p in passages}) != ntotal:
        raise IndexIntegrityError(PASSAGES, f"expected {ntotal} passages with unique ids, found {len(passages)}")
    try:
        lexical = LexicalIndex.load(directory / LEXICAL)
    except (ValueError, KeyError, TypeError, OSError) as exc:
        raise IndexIntegrityError(LEXICAL, f"BM25 state does not load ({exc})") from None
    if lexical.n_docs != ntotal:
        raise IndexIntegrityError(LEXICAL, f"BM25 state holds {lexical.n_docs} documents, expected {ntotal}")
    try:
        flat = FaissIndex.read(directory / VECTORS, dim)
    except (FaissHeaderError, RuntimeError) as exc:
        raise IndexIntegrityError(VECTORS, str(exc)) from None
    vectors: VectorIndex = flat if backend == "faiss" else ExactIndex(dim, flat.vectors())
    return LoadedIndex(directory=directory, manifest=manifest, passages=passages, vectors=vectors, lexical=lexical)
