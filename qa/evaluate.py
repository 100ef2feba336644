"""Evaluation of answers on a question set (issue 5, part 4; formats in data_formats.md).

An answer is correct when it is at most 300 characters and, after normalising both sides (case,
accents, curly quotes, thousands separators, trailing decimal zeros; numbers matched as whole
tokens), contains one of ``answers`` — or every part of ``all_of`` when that is non-empty. An
unanswerable question is answered correctly by abstaining. Evidence is "in the top 3" when one of
the first three citations' passage text contains one of the evidence strings, after collapsing
whitespace (and, as a second chance, after removing a space that follows a hyphen on both sides,
for words wrapped at a line-end hyphen). Figures are given per type and for the dev / heldout
splits and all questions.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .model import MAX_ANSWER_CHARS, Answer

SPLITS = ("dev", "heldout", "all")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "´": "'", "`": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"',
                         "\u00a0": " ", "\u2009": " ", "\u202f": " "})


def normalise(text: str) -> str:
    """Case, accents, curly quotes, thousands separators, trailing decimal zeros, whitespace."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).translate(_QUOTES).lower()
    # thousands separators: 1,532 → 1532 (only full groups of three digits)
    t = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", t)
    # trailing decimal zeros: 28.40 → 28.4, 100.00 → 100
    t = re.sub(r"(\d+)\.(\d*?)0+(?!\d)", lambda m: m.group(1) + ("." + m.group(2) if m.group(2) else ""), t)
    t = re.sub(r"(\d)\s+%", r"\1%", t)
    return " ".join(t.split())


def contains(answer: str, expected: str) -> bool:
    """Does normalised ``answer`` contain normalised ``expected``, numbers as whole tokens?"""
    a, e = normalise(answer), normalise(expected)
    if not e:
        return False
    left = r"(?<![\w.])" if e[0].isdigit() else ""
    right = r"(?!\d)(?![.,]\d)" if e[-1].isdigit() else ""
    return re.search(left + re.escape(e) + right, a) is not None


def is_correct(answer: str | None, answers: Iterable[str], all_of: Iterable[str] = ()) -> bool:
    """The issue's correctness rule for one answerable question."""
    if answer is None or len(answer) > MAX_ANSWER_CHARS:
        return False
    parts = [p for p in all_of if p]
    if parts:
        return all(contains(answer, p) for p in parts)
    return any(contains(answer, a) for a in answers if a)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def evidence_found(citation_texts: Iterable[str], evidence: Iterable[str]) -> bool:
    """Does one of the citation texts contain one of the evidence strings (whitespace-collapsed)?"""
    texts = [_collapse(t) for t in citation_texts]
    for ev in evidence:
        e = _collapse(ev)
        if not e:
            continue
        e2 = e.replace("- ", "-")
        for t in texts:
            if e in t or e2 in t.replace("- ", "-"):
                return True
    return False


@dataclass
class Tally:
    n: int = 0
    correct: int = 0
    evidence_n: int = 0
    evidence_hit: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else float("nan")

    @property
    def evidence_rate(self) -> float:
        return self.evidence_hit / self.evidence_n if self.evidence_n else float("nan")


@dataclass
class ItemResult:
    id: str
    type: str
    split: str
    answer: str | None
    correct: bool
    evidence_top3: bool | None
    seconds: float


@dataclass
class EvalReport:
    """Per split ("dev", "heldout", "all") and per type, plus abstention figures and latency."""

    by_type: dict[str, dict[str, Tally]] = field(default_factory=dict)  # split -> type -> tally
    answerable: dict[str, Tally] = field(default_factory=dict)
    unanswerable: dict[str, Tally] = field(default_factory=dict)
    abstained_answerable: dict[str, int] = field(default_factory=dict)
    items: list[ItemResult] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)

    def accuracy(self, split: str = "all") -> float:
        return self.answerable[split].accuracy

    def evidence_rate(self, split: str = "all") -> float:
        return self.answerable[split].evidence_rate

    def abstention(self, split: str = "all") -> float:
        return self.unanswerable[split].accuracy

    def false_answer_rate(self, split: str = "all") -> float:
        t = self.unanswerable[split]
        return (t.n - t.correct) / t.n if t.n else float("nan")

    def latency(self, q: float) -> float:
        xs = sorted(self.latencies_ms)
        if not xs:
            return float("nan")
        return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]

    def to_json(self) -> dict[str, Any]:
        return {
            split: {
                "accuracy": self.accuracy(split),
                "evidence_top3": self.evidence_rate(split),
                "abstention": self.abstention(split),
                "false_answer_rate": self.false_answer_rate(split),
                "by_type": {t: {"n": v.n, "accuracy": v.accuracy} for t, v in sorted(self.by_type[split].items())},
            }
            for split in SPLITS
        } | {"latency_ms": {"p50": self.latency(0.5), "p95": self.latency(0.95)}}


AnswerFn = Callable[[str], Answer]


def evaluate_answers(
    kb: Any,
    questions: list[Mapping[str, Any]],
    *,
    answer_fn: AnswerFn | None = None,
    report: str | None = None,
) -> EvalReport:
    """Answer every question with ``answer(q, kb)`` (or ``answer_fn``) and score it."""
    if answer_fn is None:
        from .answer import answer

        def answer_fn(q: str) -> Answer:
            return answer(q, kb, report=report)

    rep = EvalReport()
    for split in SPLITS:
        rep.by_type[split] = defaultdict(Tally)
        rep.answerable[split] = Tally()
        rep.unanswerable[split] = Tally()
        rep.abstained_answerable[split] = 0
    for q in questions:
        t0 = time.perf_counter()
        ans = answer_fn(str(q["question"]))
        seconds = time.perf_counter() - t0
        rep.latencies_ms.append(seconds * 1000)
        qtype = str(q.get("type", ""))
        splits = ("all", str(q.get("split", "heldout")))
        if qtype == "unanswerable":
            ok = ans.text is None
            ev = None
        else:
            ok = is_correct(ans.text, q.get("answers", []), q.get("all_of", []))
            ev = evidence_found([c.text for c in ans.citations[:3]], q.get("evidence", []))
        for split in splits:
            if split not in rep.by_type:
                continue
            tt = rep.by_type[split][qtype]
            tt.n += 1
            tt.correct += ok
            bucket = rep.unanswerable[split] if qtype == "unanswerable" else rep.answerable[split]
            bucket.n += 1
            bucket.correct += ok
            if ev is not None and q.get("evidence"):
                bucket.evidence_n += 1
                bucket.evidence_hit += ev
                tt.evidence_n += 1
                tt.evidence_hit += ev
            if qtype != "unanswerable" and ans.text is None:
                rep.abstained_answerable[split] += 1
        rep.items.append(ItemResult(str(q.get("id", "")), qtype, splits[1], ans.text, ok, ev, seconds))
    return rep


def _f(x: float) -> str:
    return "  –  " if x != x else f"{x:5.2f}"  # NaN check without math


def format_report(rep: EvalReport) -> str:
    """A plain-text table: accuracy per type for dev / heldout / all, then the summary rows."""
    types = sorted({t for s in SPLITS for t in rep.by_type.get(s, {})})
    lines = [f"{'':22}" + "".join(f"{s:>16}" for s in SPLITS)]
    for t in types:
        cells = []
        for s in SPLITS:
            tt = rep.by_type[s].get(t)
            cells.append(f"{_f(tt.accuracy)} ({tt.correct}/{tt.n})".rjust(16) if tt and tt.n else f"{'–':>16}")
        lines.append(f"{t:22}" + "".join(cells))
    lines.append("-" * (22 + 16 * len(SPLITS)))

    def row(label: str, fn: Callable[[str], float], counts: Callable[[str], str]) -> str:
        return f"{label:22}" + "".join(f"{_f(fn(s))} {counts(s)}".rjust(16) for s in SPLITS)

    lines.append(row("answer accuracy", rep.accuracy,
                     lambda s: f"({rep.answerable[s].correct}/{rep.answerable[s].n})"))
    lines.append(row("evidence in top 3", rep.evidence_rate,
                     lambda s: f"({rep.answerable[s].evidence_hit}/{rep.answerable[s].evidence_n})"))
    lines.append(row("abstention", rep.abstention,
                     lambda s: f"({rep.unanswerable[s].correct}/{rep.unanswerable[s].n})"))
    lines.append(row("false-answer rate", rep.false_answer_rate, lambda s: ""))
    lines.append(row("answerable abstained", lambda s: rep.abstained_answerable[s] / rep.answerable[s].n
                     if rep.answerable[s].n else float("nan"), lambda s: f"({rep.abstained_answerable[s]})"))
    lines.append(f"latency ms: p50 {rep.latency(0.5):.1f}, p95 {rep.latency(0.95):.1f} over {len(rep.latencies_ms)} questions")
    return "\n".join(lines)
