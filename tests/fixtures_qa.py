"""Session fixtures for the answer-engine tests (wired in by ``tests/conftest.py``).

* ``qa_kb_peru`` / ``qa_kb_marovia`` / ``qa_kb_nyandara`` — a knowledge base over one report: its Document, the graph
  extraction, and the BM25 ``LexicalSearcher`` (no embedding model: these tests stay fast).
* ``qa_kb_both`` — both reports in one knowledge base (report filters, cross-report questions).
* ``qa_kb_build`` — the knowledge base of the real session build (hybrid searcher), for the few
  tests that need the published index.
"""

from __future__ import annotations

import pytest


def _kb(*docs):
    from graph.extract import extract
    from qa.kb import KnowledgeBase

    return KnowledgeBase({d.report.id: d for d in docs}, {d.report.id: extract(d) for d in docs})


@pytest.fixture(scope="session")
def qa_kb_peru(peru_doc):
    return _kb(peru_doc)


@pytest.fixture(scope="session")
def qa_kb_marovia(marovia_doc):
    return _kb(marovia_doc)


@pytest.fixture(scope="session")
def qa_kb_nyandara(nyandara_doc):
    return _kb(nyandara_doc)


@pytest.fixture(scope="session")
def qa_kb_both(peru_doc, marovia_doc):
    return _kb(peru_doc, marovia_doc)


@pytest.fixture(scope="session")
def qa_kb_build(peru_build):
    from qa.kb import KnowledgeBase

    return KnowledgeBase.from_build(peru_build)
