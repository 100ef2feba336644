"""Helpers for extraction tests: a Document from a plain string.

One passage per blank-line-separated paragraph (line wraps inside a paragraph are kept, so
offsets into ``Document.text`` are exercised), one page per form feed.
"""

from __future__ import annotations

import hashlib
import re

import pytest

from ingest.model import Document, Page, Passage, Report, ReportMeta


def make_document(text: str, *, publisher: str = "UNHCR", country: str = "", report_id: str = "") -> Document:
    """A Document whose passages are the paragraphs of ``text`` (pages split at form feeds)."""
    rid = report_id or hashlib.sha256(text.encode()).hexdigest()[:12]
    report = Report(
        id=rid,
        slug=f"test-{rid}",
        file_name="test.txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        meta=ReportMeta(title="Test report", publisher=publisher, country=country, year=2024),
    )
    pages: list[Page] = []
    start = 0
    for number, chunk in enumerate(text.split("\f"), start=1):
        pages.append(Page(number, start, start + len(chunk), False))
        start += len(chunk) + 1
    passages: list[Passage] = []
    for m in re.finditer(r"[^\s\f](?:[^\n\f]|\n(?![ \t]*\n))*", text):
        body = m.group().rstrip()
        a, b = m.start(), m.start() + len(body)
        page_nos = tuple(p.number for p in pages if p.start <= a < p.end or p.start < b <= p.end) or (1,)
        pid = hashlib.sha256(f"{rid}:{a}:{body}".encode()).hexdigest()[:16]
        passages.append(Passage(pid, rid, ("Body",), None, page_nos, False, a, b, body, "paragraph"))
    return Document(report=report, text=text, pages=pages, passages=passages)


@pytest.fixture
def doc_from_text():
    return make_document


def extract_text(text: str, **kw):
    """The extraction of a made-up report given as plain paragraphs."""
    from graph.extract import extract

    return extract(make_document(text, **kw))


def has_relation(x, subj: str, pred: str, obj: str) -> bool:
    """Does extraction ``x`` hold ``subj pred obj`` (entities found by any of their names)?"""
    from graph.extract import find_entity

    s, o = find_entity(x, subj), find_entity(x, obj)
    assert s is not None, f"no entity {subj!r} in {[e.label for e in x.entities]}"
    assert o is not None, f"no entity {obj!r} in {[e.label for e in x.entities]}"
    return any(r.subject == s.key and r.predicate == pred and r.object == o.key for r in x.relations)


def entity_labels(x) -> set[str]:
    return {e.label for e in x.entities}
