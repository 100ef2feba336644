"""Retrieval evaluation: recall@k and MRR@10 of BM25, dense and hybrid search on a question set.

A question is a dict with at least ``id``, ``question`` and ``evidence`` (exact substrings of the
report). A hit is relevant when its text contains any evidence string, both sides compared after
collapsing whitespace and removing a space after a hyphen (so evidence may cross a line break or
a hyphenated line end of the source). Unanswerable questions (type "unanswerable" or no evidence)
are skipped. Questions whose evidence no passage contains are still counted (as misses) and are
listed as ``unreachable``: that points at passage boundaries, not at ranking.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from embeddings.search import MODES, Searcher, SearchFilters

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Collapse whitespace and drop the space after a hyphen ("Asylum- seekers" → "Asylum-seekers")."""
    return _SPACE.sub(" ", text).strip().replace("- ", "-")


def is_relevant(text: str, evidence: Iterable[str]) -> bool:
    norm = normalise_text(text)
    return any(e and e in norm for e in (normalise_text(x) for x in evidence))


def answerable(question: dict[str, Any]) -> bool:
    return question.get("type") != "unanswerable" and bool(question.get("evidence"))


def evaluate_retrieval(
    searcher: Searcher,
    questions: list[dict[str, Any]],
    ks: Sequence[int] = (1, 3, 5, 10),
    modes: Sequence[str] = MODES,
    filters: SearchFilters | None = None,
) -> dict[str, Any]:
    """Recall@k and MRR@10 per search mode.

    ``filters`` restricts every search (e.g. to the report a question set is about, when the
    index holds several reports); passages outside it do not count as reachable either.

    Returns:
        ``{"questions": n, "skipped": n_unanswerable, "unreachable": [ids],
        "modes": {mode: {"recall@1": …, …, "mrr@10": …}},
        "ranks": {mode: {question id: rank of the first relevant hit or None}}}``
    """
    used = [q for q in questions if answerable(q)]
    depth = max(10, *ks)
    passages = searcher.index.passages
    if filters is not None and not filters.empty:
        passages = [passages[i] for i in searcher.allowed_rows(filters).tolist()]
    unreachable = [
        str(q["id"]) for q in used if not any(is_relevant(p.text, q["evidence"]) for p in passages)
    ]
    result: dict[str, Any] = {
        "questions": len(used),
        "skipped": len(questions) - len(used),
        "unreachable": unreachable,
        "modes": {},
        "ranks": {},
    }
    for mode in modes:
        ranks: dict[str, int | None] = {}
        for q in used:
            hits = searcher.search(q["question"], k=depth, filters=filters, mode=mode)  # type: ignore[arg-type]
            ranks[str(q["id"])] = next(
                (h.rank for h in hits if is_relevant(h.text, q["evidence"])), None
            )
        n = max(1, len(used))
        metrics = {f"recall@{k}": sum(1 for r in ranks.values() if r is not None and r <= k) / n for k in ks}
        metrics["mrr@10"] = sum(1.0 / r for r in ranks.values() if r is not None and r <= 10) / n
        result["modes"][mode] = metrics
        result["ranks"][mode] = ranks
    return result


def format_retrieval(result: dict[str, Any]) -> str:
    """A small text table of ``evaluate_retrieval``'s metrics, one row per mode."""
    modes = result["modes"]
    if not modes:
        return "(no modes evaluated)"
    cols = list(next(iter(modes.values())))
    lines = ["mode     " + "  ".join(f"{c:>9}" for c in cols)]
    for mode, metrics in modes.items():
        lines.append(f"{mode:<8} " + "  ".join(f"{metrics[c]:>9.3f}" for c in cols))
    lines.append(f"questions {result['questions']}, skipped (unanswerable) {result['skipped']}, "
                 f"unreachable {len(result['unreachable'])}")
    return "\n".join(lines)


format_table = format_retrieval  # the earlier name
