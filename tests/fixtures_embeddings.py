"""Session fixtures for the embeddings tests: the model is loaded here once, nowhere else.

Wire in with ``pytest_plugins = ["tests.fixtures_embeddings"]`` in ``tests/conftest.py``.

* ``encoder`` — the sentence-transformers reference encoder (loads torch: ~6-10 s, once).
* ``numpy_encoder`` — the numpy MiniLM encoder over the same weights (query-time path).
* ``model_load_audit`` — the audit events (socket connects) seen while ``encoder`` loaded.
* ``audit_recorder`` — records ``open``/``socket.connect`` audit events inside a ``with`` block.
* ``toy_passages`` / ``toy_index_dir`` — a small hand-written corpus and its index (built once).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from embeddings.encoder import Encoder, make_encoder, verify_model
from embeddings.records import PassageRecord
from embeddings.store import write_index


class AuditRecorder:
    """One process-wide audit hook (hooks cannot be removed), recording only while active."""

    _installed = False
    _lock = threading.Lock()
    _active: list[list[tuple[str, tuple[Any, ...]]]] = []

    @classmethod
    def install(cls) -> None:
        with cls._lock:
            if not cls._installed:
                sys.addaudithook(cls._hook)
                cls._installed = True

    @classmethod
    def _hook(cls, event: str, args: tuple[Any, ...]) -> None:
        if cls._active and event in ("open", "socket.connect", "socket.getaddrinfo", "urllib.Request"):
            for log in cls._active:
                log.append((event, args))

    @contextmanager
    def record(self) -> Iterator[list[tuple[str, tuple[Any, ...]]]]:
        self.install()
        log: list[tuple[str, tuple[Any, ...]]] = []
        self._active.append(log)
        try:
            yield log
        finally:
            self._active.remove(log)


def non_loopback_connects(events: list[tuple[str, tuple[Any, ...]]]) -> list[Any]:
    """socket.connect events whose address is not loopback (or a local socket path)."""
    bad = []
    for event, args in events:
        if event != "socket.connect":
            continue
        address = args[1] if len(args) > 1 else None
        if isinstance(address, tuple) and address and str(address[0]) not in ("127.0.0.1", "::1", "localhost"):
            bad.append(address)
    return bad


@pytest.fixture(scope="session")
def audit_recorder() -> AuditRecorder:
    return AuditRecorder()


_LOAD_EVENTS: list[tuple[str, tuple[Any, ...]]] = []


@pytest.fixture(scope="session")
def encoder(audit_recorder: AuditRecorder) -> Encoder:
    """The sentence-transformers encoder, loaded once per test session."""
    enc = make_encoder("sentence-transformers")
    with audit_recorder.record() as log:
        enc.load()  # type: ignore[attr-defined]
    _LOAD_EVENTS.extend(e for e in log if e[0] != "open")
    return enc


@pytest.fixture(scope="session")
def model_load_audit(encoder: Encoder) -> list[tuple[str, tuple[Any, ...]]]:
    return list(_LOAD_EVENTS)


@pytest.fixture(scope="session")
def numpy_encoder() -> Encoder:
    enc = make_encoder("numpy")
    enc.load()  # type: ignore[attr-defined]
    return enc


TOY_TEXTS = (
    ("r1", (3,), ("Protection",), "UNHCR trained 520 government officers on international protection and asylum law."),
    ("r1", (3,), ("Protection",), "The asylum commission received 12,000 new applications for refugee status in 2023."),
    ("r1", (4,), ("Education",), "Some 135,000 refugee children were enrolled in public schools with support from partners."),
    ("r1", (4,), ("Education",), "Teachers received training on inclusive classrooms and psychosocial support."),
    ("r1", (5,), ("Health",), "Refugees gained access to the public health insurance system after a policy change."),
    ("r1", (5,), ("Health",), "Mobile clinics provided primary health care to 8,400 people in border areas."),
    ("r1", (6,), ("Livelihoods",), "Cash grants helped 2,300 families start small businesses and find jobs."),
    ("r1", (6,), ("Livelihoods",), "A job fair connected employers with refugee and migrant workers in the capital."),
    ("r2", (2,), ("Coordination",), "The working group for refugees and migrants is co-led by UNHCR and IOM."),
    ("r2", (2,), ("Coordination",), "Emergency shelters at the northern border hosted people arriving on foot."),
    ("r2", (7,), ("Finance",), "Of the final budget of USD 45 million, 62% was funded by donors."),
    ("r2", (7,), ("Finance",), "Gender-based violence survivors were referred to safe houses and legal aid."),
)


@pytest.fixture(scope="session")
def toy_passages() -> list[PassageRecord]:
    records = []
    offset = 0
    for i, (report, pages, section, text) in enumerate(TOY_TEXTS):
        records.append(
            PassageRecord(
                passage_id=f"p{i:02d}",
                report=report,
                text=text,
                pages=pages,
                section=section,
                section_id=f"s-{section[0].lower()}",
                start=offset,
                end=offset + len(text),
            )
        )
        offset += len(text) + 2
    return records


@pytest.fixture(scope="session")
def toy_index_dir(
    tmp_path_factory: pytest.TempPathFactory, encoder: Encoder, toy_passages: list[PassageRecord]
) -> Path:
    """A toy index built once with the reference encoder. Copy it before changing anything."""
    out = tmp_path_factory.mktemp("toy-index")
    vectors = encoder.encode([p.text for p in toy_passages])
    write_index(out, toy_passages, vectors, verify_model().to_json())
    return out
