"""Build and publish: report files → documents → extractions → RDF → vectors + index.

Each stage is a named function; a build is written into ``builds/<id>.tmp``,
its manifest last, renamed, and published by replacing ``CURRENT`` atomically.
Readers keep whatever build they resolved; a killed build leaves only a
``.tmp`` folder that the next build removes. One writer at a time (a lock file).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from ingest import Document, ReadOptions, ReportError, read_bytes, read_report
from ingest.reader import REPORT_SUFFIXES, sniff

from . import manifest as mf
from .errors import BuildBusy, BuildError

Progress = Callable[[str, int, int], None]
STAGES = ("read", "extract", "graph", "embed", "index", "publish")


@dataclass(frozen=True)
class BuildOptions:
    read: ReadOptions = ReadOptions()
    base_iri: str = "https://w3id.org/reportgraph/"
    encoder: str = "sentence-transformers"
    batch_size: int = 16
    keep_builds: int = 2
    pause_after: tuple[str, float] | None = None  # test hook: sleep after a stage (fault tests)


@dataclass
class BuildResult:
    build_id: str | None
    path: Path | None
    reports: list[dict[str, Any]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    timings: dict[str, float] = field(default_factory=dict)
    skipped: bool = False  # up to date: nothing was built


def _noop(stage: str, done: int, total: int) -> None:
    return None


@contextmanager
def writer_lock(index_dir: Path) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / ".lock").open("w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildBusy(str(index_dir)) from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def find_reports(paths: Sequence[Path]) -> list[Path]:
    """Report files among ``paths`` (folders are searched one level deep)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
        else:
            found.append(path)
    return found


def sources_of(index_dir: Path) -> list[Path]:
    """The report files of the published build (for rebuilding with one more or one less)."""
    current = mf.current_build(index_dir)
    if current is None:
        return []
    manifest = mf.read_manifest(current, index_dir=str(index_dir))
    return [Path(r["source"]) for r in manifest.get("reports", [])]


def is_up_to_date(index_dir: Path, paths: Sequence[Path], options: BuildOptions) -> bool:
    current = mf.current_build(index_dir)
    if current is None or not (current / mf.MANIFEST).is_file():
        return False
    try:
        manifest = mf.read_manifest(current)
        mf.verify(current, manifest)
    except BuildError:
        return False
    wanted = sorted(mf.sha256_file(p) for p in find_reports(paths) if p.is_file())
    have = sorted(r["sha256"] for r in manifest.get("reports", []))
    return (wanted == have and manifest.get("options", {}).get("base_iri") == options.base_iri
            and manifest.get("code") == code_fingerprint())


# The stages whose code and data decide what a build contains: a build made by other code is stale.
_CODE_DIRS = ("ingest", "graph", "embeddings", "pipeline")
_CODE_SUFFIXES = (".py", ".json", ".ttl", ".rq")


def code_fingerprint() -> str:
    """sha256 over the source and data files of the building stages (so `make run` rebuilds after an upgrade)."""
    import hashlib

    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for d in _CODE_DIRS:
        for f in sorted((root / d).rglob("*")):
            if f.suffix in _CODE_SUFFIXES and f.is_file() and "__pycache__" not in f.parts:
                h.update(str(f.relative_to(root)).encode())
                h.update(f.read_bytes())
    return h.hexdigest()


def build(
    paths: Sequence[Path], index_dir: Path, options: BuildOptions = BuildOptions(), progress: Progress = _noop
) -> BuildResult:
    """Build every readable report in ``paths`` and publish it. Failures are named, not fatal."""
    index_dir = Path(index_dir)
    with writer_lock(index_dir):
        return _build_locked(find_reports(paths), index_dir, options, progress)


def add_report(
    data: bytes, filename: str, index_dir: Path, options: BuildOptions = BuildOptions(), progress: Progress = _noop
) -> BuildResult:
    """Store an uploaded report under its checksum and rebuild with it (idempotent)."""
    import hashlib

    if len(data) > options.read.max_bytes:
        raise ReportError(f"file is over the limit of {options.read.max_bytes / 1e6:.0f} MB (setting max_upload_mb)")
    kind = sniff(data, Path(filename).suffix.lower() or ".txt")  # refuse bad files before touching anything
    read_bytes(data, filename, options=options.read)  # a file that cannot be read never joins the build
    ext = {"pdf": ".pdf", "markdown": ".md", "text": ".txt"}[kind]
    # never build a path from the client's file name (threat model 8)
    uploads = Path(index_dir) / "uploads"
    uploads.mkdir(parents=True, exist_ok=True)
    target = uploads / f"{hashlib.sha256(data).hexdigest()}{ext}"
    if not target.exists():
        tmp = target.with_suffix(ext + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
    sources = sources_of(Path(index_dir))
    if target.resolve() not in {s.resolve() for s in sources}:
        sources.append(target)
    return build(sources, Path(index_dir), options, progress)


def remove_report(report_id: str, index_dir: Path, options: BuildOptions = BuildOptions(), progress: Progress = _noop) -> BuildResult:
    current = mf.current_build(Path(index_dir))
    if current is None:
        raise BuildError(f"no build in {index_dir}")
    manifest = mf.read_manifest(current)
    keep = [Path(r["source"]) for r in manifest["reports"] if report_id not in (r["id"], r["slug"])]
    if len(keep) == len(manifest["reports"]):
        raise ReportError(f"no report {report_id!r} in the build")
    if not keep:
        raise ReportError("refusing to remove the last report; build another one first")
    return build(keep, Path(index_dir), options, progress)


def _pause(options: BuildOptions, stage: str, work: Path) -> None:
    """Test hook for the fault tests: mark the stage as finished, then wait to be killed."""
    if options.pause_after and options.pause_after[0] == stage:
        (work / f".paused-{stage}").touch()
        time.sleep(options.pause_after[1])


def _build_locked(files: list[Path], index_dir: Path, options: BuildOptions, progress: Progress) -> BuildResult:
    from graph.extract import extract
    from graph.model import extraction_to_json

    builds = index_dir / mf.BUILDS
    builds.mkdir(parents=True, exist_ok=True)
    for stale in builds.glob("*.tmp"):  # left by a killed build
        shutil.rmtree(stale, ignore_errors=True)
    build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    work = builds / f"{build_id}.tmp"
    (work / "documents").mkdir(parents=True)
    (work / "extractions").mkdir()
    result = BuildResult(build_id=None, path=None)
    timings: dict[str, float] = {}

    # read
    t0 = time.perf_counter()
    documents: list[tuple[Path, Document]] = []
    seen: set[str] = set()
    for n, path in enumerate(files):
        progress("read", n, len(files))
        try:
            doc = read_report(path, options=options.read)
        except ReportError as exc:
            result.failures.append((str(path), exc.reason))
            continue
        if doc.report.id in seen:
            continue  # the same file twice: one report
        seen.add(doc.report.id)
        documents.append((path, doc))
    progress("read", len(files), len(files))
    timings["read"] = time.perf_counter() - t0
    if not documents:
        shutil.rmtree(work, ignore_errors=True)
        if not files:
            result.failures.append((str(index_dir), "no report files found (.pdf, .txt, .md)"))
        return result
    _pause(options, "read", work)

    # extract
    t0 = time.perf_counter()
    extractions = []
    for n, (_, doc) in enumerate(documents):
        progress("extract", n, len(documents))
        extractions.append(extract(doc))
    progress("extract", len(documents), len(documents))
    timings["extract"] = time.perf_counter() - t0
    for (_, doc), ex in zip(documents, extractions, strict=True):
        _write_json(work / "documents" / f"{doc.report.id}.json", doc.to_json())
        _write_json(work / "extractions" / f"{doc.report.id}.json", extraction_to_json(ex))
    _pause(options, "extract", work)

    # graph
    t0 = time.perf_counter()
    progress("graph", 0, 1)
    from graph.rdf import build_dataset

    dataset = build_dataset([(d, e) for (_, d), e in zip(documents, extractions, strict=True)], base=options.base_iri)
    (work / "graph.nq").write_bytes(dataset.serialize(format="nquads", encoding="utf-8"))
    triples = len(dataset)
    progress("graph", 1, 1)
    timings["graph"] = time.perf_counter() - t0
    _pause(options, "graph", work)

    # embed (vectors of unchanged passages are reused from the cache)
    t0 = time.perf_counter()
    from embeddings.records import records_from_document

    passages = [r for _, d in documents for r in records_from_document(d)]
    encoder, vectors = _embed(passages, index_dir, options, progress)
    timings["embed"] = time.perf_counter() - t0
    _pause(options, "embed", work)

    # index
    t0 = time.perf_counter()
    progress("index", 0, 1)
    from embeddings.store import write_index

    index_facts = write_index(work / "index", passages, vectors, encoder.facts().to_json())
    progress("index", 1, 1)
    timings["index"] = time.perf_counter() - t0
    _pause(options, "index", work)

    # publish
    t0 = time.perf_counter()
    reports = []
    for (path, doc), ex in zip(documents, extractions, strict=True):
        reports.append(
            {
                "id": doc.report.id, "slug": doc.report.slug, "file_name": doc.report.file_name,
                "source": str(path.resolve()), "sha256": doc.report.sha256, "meta": asdict(doc.report.meta),
                "counts": {
                    "pages": len(doc.pages), "sections": len(doc.sections), "passages": len(doc.passages),
                    "indicators": len(doc.indicators), "budget_rows": len(doc.budget),
                    "entities": len(ex.entities), "mentions": len(ex.mentions), "relations": len(ex.relations),
                },
                "warnings": doc.warnings,
            }
        )
    manifest = {
        "build_id": build_id,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "reportgraph_version": _version(),
        "options": {"base_iri": options.base_iri, "encoder": options.encoder, "read": asdict(options.read)},
        "code": code_fingerprint(),
        "model": encoder.facts().to_json(),
        "index": {k: v for k, v in index_facts.items() if k != "files"},
        "reports": reports,
        "counts": {"reports": len(reports), "passages": len(passages), "triples": triples},
        "failures": [{"file": f, "reason": r} for f, r in result.failures],
        "timings": timings,
    }
    mf.write_manifest(work, manifest)
    _fsync_tree(work)
    final = builds / build_id
    os.replace(work, final)
    mf.publish(index_dir, build_id)
    _prune(index_dir, keep=options.keep_builds, current=build_id)
    timings["publish"] = time.perf_counter() - t0
    progress("publish", 1, 1)
    result.build_id, result.path, result.reports, result.timings = build_id, final, reports, timings
    return result


def _embed(passages, index_dir: Path, options: BuildOptions, progress: Progress):
    import hashlib

    from embeddings.encoder import make_encoder
    from embeddings.records import embedding_text

    encoder = make_encoder(options.encoder)
    facts = encoder.facts()
    texts = [embedding_text(p) for p in passages]
    keys = [hashlib.sha256(t.encode("utf-8")).hexdigest()[:24] for t in texts]
    cache_dir = index_dir / "cache" / facts.sha256[:16]
    cached = _load_cache(cache_dir, facts.dim)
    todo = [i for i, k in enumerate(keys) if k not in cached]
    vectors = np.zeros((len(texts), facts.dim), dtype=np.float32)
    for i, k in enumerate(keys):
        if k in cached:
            vectors[i] = cached[k]
    if todo:
        fresh = encoder.encode(
            [texts[i] for i in todo], batch_size=options.batch_size,
            progress=lambda done, total: progress("embed", done, total),
        )
        for row, i in enumerate(todo):
            vectors[i] = fresh[row]
        cached.update({keys[i]: vectors[i] for i in todo})
        _save_cache(cache_dir, cached)
    progress("embed", len(texts), len(texts))
    return encoder, vectors


def _load_cache(cache_dir: Path, dim: int) -> dict[str, np.ndarray]:
    try:
        keys = json.loads((cache_dir / "keys.json").read_text(encoding="utf-8"))
        arr = np.load(cache_dir / "vectors.npy", allow_pickle=False)
    except (OSError, ValueError):
        return {}
    if arr.ndim != 2 or arr.shape != (len(keys), dim):
        return {}
    return {k: arr[i] for i, k in enumerate(keys)}


def _save_cache(cache_dir: Path, cached: dict[str, np.ndarray]) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    keys = list(cached)
    arr = np.stack([cached[k] for k in keys]).astype(np.float32) if keys else np.zeros((0, 0), np.float32)
    tmp = cache_dir / "vectors.tmp.npy"
    np.save(tmp, arr, allow_pickle=False)
    (cache_dir / "keys.tmp.json").write_text(json.dumps(keys), encoding="utf-8")
    os.replace(tmp, cache_dir / "vectors.npy")
    os.replace(cache_dir / "keys.tmp.json", cache_dir / "keys.json")


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _fsync_tree(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _prune(index_dir: Path, *, keep: int, current: str) -> None:
    """Remove old builds, keeping the current one and ``keep`` earlier ones."""
    builds = sorted(
        (p for p in (index_dir / mf.BUILDS).iterdir() if p.is_dir() and not p.name.endswith(".tmp")),
        key=lambda p: p.name,
    )
    old = [p for p in builds if p.name != current]
    for path in old[: max(0, len(old) - keep)]:
        shutil.rmtree(path, ignore_errors=True)


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("reportgraph")
    except Exception:
        return "0+unknown"
