"""Process-wide resources of the app: settings, the published build, its knowledge base.

Heavy things are loaded once per process with ``st.cache_resource`` keyed by the
build id and shared read-only by every session. ``CURRENT`` is read on every rerun
(one small file), so a build published by an upload or by the CLI is picked up
without a restart. The search index and query encoder load in a background
thread, so the first page renders before they are ready.
"""

from __future__ import annotations

import argparse
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from ui import services
from ui.settings import Settings
from ui.views import Catalogue


def app_settings(argv: list[str] | None = None) -> Settings:
    """Settings from the environment, plus ``--index`` given after ``--`` by ``reportgraph app``."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--index", type=Path, default=None)
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    return Settings.from_env(index_dir=args.index)


class Resources:
    """One build and what is derived from it; shared read-only across sessions."""

    def __init__(self, build: Any) -> None:
        self.build = build
        self.catalogue = Catalogue(build.documents, build.extractions)
        self._kb: Any = None
        self._kb_error: str | None = None
        self._lock = threading.Lock()
        self.ready = threading.Event()
        threading.Thread(target=self._warm, name=f"warm-{build.id}", daemon=True).start()

    def _warm(self) -> None:
        try:
            self.knowledge_base()
        except Exception:  # noqa: BLE001 - reported when a question is asked
            pass
        finally:
            self.ready.set()

    def knowledge_base(self) -> Any:
        """The question-answering knowledge base (built on first use; the lock makes it once)."""
        with self._lock:
            if self._kb is None and self._kb_error is None:
                try:
                    services.warm(self.build)
                    self._kb = services.knowledge_base(self.build)
                except services.ServiceUnavailable as exc:
                    self._kb_error = str(exc)
            if self._kb is None:
                raise services.ServiceUnavailable(self._kb_error or "the answer engine is not available")
            return self._kb


@st.cache_resource(max_entries=2, show_spinner="Loading the knowledge graph…")
def _resources(index_dir: str, build_id: str, query_encoder: str) -> Resources:
    # Keyed by build id: a newly published build gets new resources; the old ones age out.
    settings = Settings.from_env(index_dir=Path(index_dir), query_encoder=query_encoder)
    return Resources(services.open_build(Path(index_dir), settings))


@st.cache_resource
def upload_lock() -> threading.Lock:
    """One upload builds at a time in this process (N users must not multiply memory use)."""
    return threading.Lock()


@dataclass(frozen=True)
class Context:
    settings: Settings
    resources: Resources | None
    error: str | None  # why there is no build, with the command that fixes it

    @property
    def build(self) -> Any:
        return self.resources.build if self.resources else None

    @property
    def catalogue(self) -> Catalogue:
        assert self.resources is not None
        return self.resources.catalogue


def context() -> Context:
    settings = app_settings()
    try:
        build_id = services.current_build_id(settings.index_dir)
        if build_id is None:
            return Context(settings, None, _no_build(settings))
        res = _resources(str(settings.index_dir), build_id, settings.query_encoder)
        return Context(settings, res, None)
    except services.build_errors() as exc:
        return Context(settings, None, str(exc))


def _no_build(settings: Settings) -> str:
    return (
        f"No build in {settings.index_dir}. Build one with "
        f"`reportgraph build --out {settings.index_dir}` (or `make run`)."
    )


def require_build(ctx: Context) -> Resources:
    """Stop the page with a clear message when there is nothing to show."""
    if ctx.resources is None:
        st.error(ctx.error or _no_build(ctx.settings))
        st.caption("Reports can also be added on the Reports page when uploads are allowed.")
        st.stop()
    return ctx.resources


def report_label(build: Any, report_id: str) -> str:
    doc = build.documents.get(report_id)
    if doc is None:
        return report_id
    meta = doc.report.meta
    title = meta.title or doc.report.slug
    return f"{title} ({meta.country} {meta.year})" if meta.country and meta.year and meta.country not in title else title
