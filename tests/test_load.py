"""Concurrent answers on one shared build: no errors, no cross-talk, bounded resources.

The full run (1,000 questions over 8 workers, with p50/p95) is in bench/run; this is the same
code path at a size that keeps the suite within its time budget.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _questions() -> list[str]:
    lines = (ROOT / "tests" / "data" / "questions-peru.jsonl").read_text().splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


@pytest.fixture(scope="module")
def kb(peru_build):
    from qa.kb import KnowledgeBase

    return KnowledgeBase.from_build(peru_build)


def test_threads_share_one_knowledge_base_without_cross_talk(kb):
    from qa import answer

    questions = _questions()[:40]
    expected = {q: answer(q, kb).to_json() for q in questions}
    work = questions * 5  # 200 calls
    errors: list[str] = []

    def ask(q: str) -> tuple[str, dict]:
        return q, answer(q, kb).to_json()

    before_threads = threading.active_count()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(ask, work))
    for q, got in results:
        if got["question"] != q or got["answer"] != expected[q]["answer"]:
            errors.append(q)
        if [c["passage_id"] for c in got["citations"]] != [c["passage_id"] for c in expected[q]["citations"]]:
            errors.append(q)
    assert len(results) == len(work) and not errors, errors[:5]
    assert threading.active_count() <= before_threads + 2


def _answer_in_process(args: tuple[str, list[str]]) -> list[tuple[str, str | None]]:
    index, questions = args
    from pipeline import open_build
    from qa import answer
    from qa.kb import KnowledgeBase

    kb = KnowledgeBase.from_build(open_build(index))
    return [(q, answer(q, kb).text) for q in questions]


def test_processes_answer_the_same_as_threads(kb, built_index):
    from qa import answer

    questions = _questions()[:12]
    expected = {q: answer(q, kb).text for q in questions}
    ctx = mp.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as pool:
        chunks = [questions[:6], questions[6:]]
        results = [r for chunk in pool.map(_answer_in_process, [(str(built_index), c) for c in chunks]) for r in chunk]
    assert [q for q, _ in results] == questions
    assert all(text == expected[q] for q, text in results)
