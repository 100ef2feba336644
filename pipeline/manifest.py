"""The build manifest: one JSON file naming every artefact of a build with its checksum.

It is written last, so a build folder without a valid manifest is never
trusted; loading verifies every listed file before anything parses it
(threat model 16: FAISS files are not safe to read unless we wrote them).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .errors import BuildIntegrityError

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CURRENT = "CURRENT"
BUILDS = "builds"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def artefacts_of(build_dir: Path) -> dict[str, dict[str, Any]]:
    """Checksums of every file under a build folder, keyed by relative POSIX path."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(build_dir.rglob("*")):
        if path.is_file() and path.name != MANIFEST:
            rel = path.relative_to(build_dir).as_posix()
            out[rel] = {"sha256": sha256_file(path), "bytes": path.stat().st_size}
    return out


def write_manifest(build_dir: Path, manifest: dict[str, Any]) -> None:
    manifest = {**manifest, "format_version": FORMAT_VERSION, "artefacts": artefacts_of(build_dir)}
    tmp = build_dir / (MANIFEST + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, build_dir / MANIFEST)


def read_manifest(build_dir: Path, *, index_dir: str = "build") -> dict[str, Any]:
    path = build_dir / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildIntegrityError(str(path), "missing (the build did not finish)", index_dir) from None
    except (OSError, ValueError) as exc:
        raise BuildIntegrityError(str(path), f"unreadable ({exc})", index_dir) from None
    if not isinstance(data, dict) or data.get("format_version") != FORMAT_VERSION:
        raise BuildIntegrityError(
            str(path), f"format version {data.get('format_version') if isinstance(data, dict) else '?'} "
            f"is not {FORMAT_VERSION}", index_dir,
        )
    return data


def verify(build_dir: Path, manifest: dict[str, Any], *, index_dir: str = "build", only: str | None = None) -> None:
    """Check size and sha256 of every artefact (or those under ``only``) against the manifest."""
    for rel, facts in manifest.get("artefacts", {}).items():
        if only is not None and not rel.startswith(only):
            continue
        path = build_dir / rel
        if not path.is_file():
            raise BuildIntegrityError(str(path), "missing", index_dir)
        if path.stat().st_size != facts["bytes"]:
            raise BuildIntegrityError(str(path), "size differs from the manifest (truncated or changed)", index_dir)
        if sha256_file(path) != facts["sha256"]:
            raise BuildIntegrityError(str(path), "checksum differs from the manifest (corrupted or changed)", index_dir)


def current_build(index_dir: Path) -> Path | None:
    """The published build folder named by CURRENT, or None."""
    pointer = index_dir / CURRENT
    try:
        build_id = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    if not build_id or "/" in build_id or build_id.startswith("."):
        raise BuildIntegrityError(str(pointer), "does not name a build", str(index_dir))
    return index_dir / BUILDS / build_id


def publish(index_dir: Path, build_id: str) -> None:
    """Point CURRENT at a finished build: one atomic os.replace."""
    tmp = index_dir / (CURRENT + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(build_id + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, index_dir / CURRENT)
    dir_fd = os.open(index_dir, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
