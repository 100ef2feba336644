"""Session fixtures: the network audit hook, the bundled reports, one real build per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from tests import audit  # noqa: E402

audit.install()

ROOT = Path(__file__).resolve().parent.parent
PERU = ROOT / "data" / "reports" / "unhcr-arr-2023-peru.txt"
MAROVIA = ROOT / "tests" / "data" / "reports" / "unhcr-arr-2025-marovia.txt"
NYANDARA = ROOT / "tests" / "data" / "reports" / "unhcr-arr-2023-nyandara.txt"

pytest_plugins = [
    name
    for name in ("tests.fixtures_embeddings", "tests.fixtures_graph", "tests.fixtures_extract", "tests.fixtures_qa", "tests.fixtures_app")
    if (ROOT / (name.replace(".", "/") + ".py")).is_file()
]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if audit.violations:
        print("\nnetwork access outside loopback during tests:\n  " + "\n  ".join(audit.violations[:20]))
        session.exitstatus = 1


@pytest.fixture(scope="session")
def peru_path() -> Path:
    return PERU


@pytest.fixture(scope="session")
def marovia_path() -> Path:
    return MAROVIA


@pytest.fixture(scope="session")
def peru_doc():
    from ingest import read_report

    return read_report(PERU)


@pytest.fixture(scope="session")
def marovia_doc():
    from ingest import read_report

    return read_report(MAROVIA)


@pytest.fixture(scope="session")
def nyandara_doc():
    from ingest import read_report

    return read_report(NYANDARA)


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory, encoder) -> Path:
    """One real build of both bundled reports, shared by every test that reads a build.

    Depends on the session ``encoder`` fixture so the model is loaded once for the whole run.
    """
    from pipeline import BuildOptions, build

    out = tmp_path_factory.mktemp("index")
    result = build([PERU, MAROVIA], out, BuildOptions())
    assert result.build_id and not result.failures, result.failures
    return out


@pytest.fixture(scope="session")
def peru_build(built_index: Path):
    from pipeline import open_build

    return open_build(built_index)
