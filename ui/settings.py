"""Every setting, declared once: name, default, help. CLI flags, environment and docs derive from it.

Settings are read here, at the shells (CLI, app), and passed down as frozen
option objects; stages never read the environment themselves.
Environment variables are ``REPORTGRAPH_<NAME>`` in upper case.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

ENV_PREFIX = "REPORTGRAPH_"


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    index_dir: Path = _setting(Path("build"), "build folder: --out of `build`, --index of every reading command")
    reports_dir: Path = _setting(Path("data/reports"), "where `build` looks for reports when none are named")
    base_iri: str = _setting("https://w3id.org/reportgraph/", "base IRI of every minted entity IRI")
    host: str = _setting("127.0.0.1", "address the app binds to")
    port: int = _setting(8501, "port the app listens on")
    allow_uploads: bool = _setting(True, "whether the app accepts report uploads")
    max_upload_mb: int = _setting(50, "largest report file accepted (build and upload), in MB")
    max_pages_per_pdf: int = _setting(2000, "largest PDF accepted, in pages")
    pdf_timeout_s: float = _setting(60.0, "time limit for reading one PDF, in seconds")
    max_passage_chars: int = _setting(1500, "longest passage before a paragraph is split at sentences")
    encoder: str = _setting("sentence-transformers", "encoder for building: sentence-transformers")
    query_encoder: str = _setting("numpy", "encoder at query time: numpy (fast start) or sentence-transformers")
    batch_size: int = _setting(16, "encoding batch size")
    keep_builds: int = _setting(2, "how many earlier builds to keep after publishing")
    sparql_time_limit_ms: int = _setting(3000, "time limit of one SPARQL query (the worker is killed)")
    max_returned_rows: int = _setting(1000, "row cap of SPARQL results (truncation is reported)")
    max_query_chars: int = _setting(16384, "longest SPARQL query accepted")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then REPORTGRAPH_* environment variables, then explicit overrides (CLI flags)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is not None:
                values[f.name] = _coerce(f.default, raw, f.name)
        values.update({k: v for k, v in overrides.items() if v is not None})
        for f in fields(cls):
            if f.name in values and not isinstance(f.default, bool | str | Path) and isinstance(values[f.name], str):
                values[f.name] = _coerce(f.default, values[f.name], f.name)
        return replace(cls(), **values)

    @classmethod
    def describe(cls) -> list[tuple[str, str, str]]:
        """(name, default, help) for every setting: for --help-settings and the docs."""
        return [(f.name, str(f.default), f.metadata["help"]) for f in fields(cls)]


def _coerce(default: Any, raw: str, name: str) -> Any:
    try:
        if isinstance(default, bool):
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, Path):
            return Path(raw)
        return raw
    except ValueError:
        raise ValueError(f"setting {name}: cannot read {raw!r}") from None
