"""Passage search: BM25, dense (MiniLM + FAISS) and their fusion, with filters and a graph boost.

``Searcher.search`` is the one choke point the CLI, the answer engine and the app call. Hybrid
ranking fuses the two candidate lists (see ``FusionConfig``: weighted reciprocal-rank fusion or a
score-normalised convex combination) and adds a boost for passages that an injected ``boost``
callable returns — the caller links entities in the query through the graph's aliases; this
module never imports the graph. Small query intents (English wording, ``embeddings.intents``)
add bonuses: a question asking what an acronym stands for lifts the passage that defines it; a
question asking for a share/rate/target/budget/indicator lifts table rows, and a why/who/where
question lowers them; goal statements answer only questions about goals; a share question lifts
passages with a percentage and a "how many X" question passages that print a number right
before X (tuned on the dev questions only). The encoder is loaded on the first dense query only, once per
process (``make_encoder`` shares it); a ``Searcher`` is read-only after construction and safe to
share between threads.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from embeddings.encoder import Encoder, make_encoder
from embeddings.intents import PassageIntents
from embeddings.lexical import analyse, analyse_spans
from embeddings.store import MANIFEST, IndexIntegrityError, LoadedIndex, load_index

SearchMode = Literal["bm25", "dense", "hybrid"]
MODES: tuple[str, ...] = ("bm25", "dense", "hybrid")
Boost = Callable[[str], Mapping[str, float]]


@dataclass(frozen=True)
class SearchFilters:
    """Restrict a search. Empty fields do not filter.

    ``reports``: report ids. ``sections``: a section id, or text found (case-insensitively) in a
    section title of the passage's path. ``pages``: inclusive (first, last). ``passages``: allowed
    passage ids (e.g. the passages that mention an entity, resolved by the caller).
    """

    reports: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    pages: tuple[int, int] | None = None
    passages: frozenset[str] | None = None

    @property
    def empty(self) -> bool:
        return not self.reports and not self.sections and self.pages is None and self.passages is None


@dataclass(frozen=True)
class Hit:
    passage_id: str
    text: str
    report: str
    pages: tuple[int, ...]
    section: tuple[str, ...]
    score: float
    rank: int
    matched_spans: tuple[tuple[int, int], ...]  # offsets in ``text`` of query terms, for highlighting
    sources: dict[str, int | None]  # rank of the passage in each fused list ("bm25", "dense", "graph")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["page"] = self.pages[0] if self.pages else None
        return data


@dataclass(frozen=True)
class FusionConfig:
    """How hybrid ranking combines the lists.

    ``method="convex"``: score = w_bm25·bm25/max(bm25) + w_dense·(cos − min)/(max − min) over the
    candidates. ``method="rrf"``: score = Σ w / (rrf_k + rank). ``depth`` candidates come from each
    list. A boosted passage gains ``boost_weight × weight`` (in units of the top fused score).
    The boost weights come from the caller (the graph linker gives an entity's specificity in
    [0, 1], so a report's main actor adds about nothing). When the query asks what an acronym
    stands for, a passage that defines it ("… Commission (CONASE)" or "CONASE (…)") gains
    ``definition_weight`` (same units). When it asks for a value that results tables hold (a
    share, rate, baseline, target, budget, expenditure, indicator) and is not a why/who/where/
    how-did question, table rows gain ``table_weight``; a why/who/where/how-did question takes
    ``not_table_weight`` off them. Goal statements (passage kind "goal": what the operation aims
    for, not what it did) lose ``goal_weight`` unless the question asks about goals or plans. A
    share/percentage/rate question adds ``percent_weight`` to passages that print a percentage;
    a "how many X" question adds ``quantity_weight`` to passages where a number comes right
    before X ("trained 336 community leaders"). A question quoting a figure ("what reached some
    43,000 people") adds ``figure_weight`` to passages printing it (years and single digits aside).
    An abbreviation asked by description ("what abbreviation does the report use for the foreign
    ministry") counts as a definition question for the passages whose "Long Name (ACR)" says two
    or more of its words. A "which area had the smallest share of its budget funded" question
    adds ``extreme_weight`` to the budget row holding that extreme (per report, in the table the
    question names; the rows' numbers come with the records, see ``PassageRecord.columns``), and so
    does a row printing a sum the question gives rounded ("which area had about 7.5 million") and
    the rows on the asked side of a stated share ("less than a sixth of their budgets funded"). A
    "which country received the most …" question adds ``breakdown_weight`` to passages writing two or
    more names each with its figure ("510 to Norway, 240 to Chile and 150 to Spain"). With
    ``restatements``, a results-table row ranked first or second brings the candidate paragraph
    that restates two of its percentages right behind it.
    """

    method: Literal["rrf", "convex"] = "convex"
    normalise: Literal["minmax", "zscore"] = "minmax"
    depth: int = 50
    rrf_k: float = 60.0
    w_bm25: float = 0.5
    w_dense: float = 0.5
    boost_weight: float = 0.15
    definition_weight: float = 0.5
    table_weight: float = 0.3
    not_table_weight: float = 0.2
    goal_weight: float = 0.2
    percent_weight: float = 0.2
    quantity_weight: float = 0.15
    figure_weight: float = 0.3
    breakdown_weight: float = 0.3
    extreme_weight: float = 0.5
    restatements: bool = True


DEFAULT_FUSION = FusionConfig()


class Searcher:
    """Searches one loaded index. See the module docstring."""

    def __init__(
        self,
        index: LoadedIndex,
        encoder: Encoder | None = None,
        *,
        boost: Boost | None = None,
        fusion: FusionConfig = DEFAULT_FUSION,
    ) -> None:
        self.index = index
        self.encoder = encoder
        self.boost = boost
        self.fusion = fusion
        if encoder is not None:
            check_encoder(index, encoder)
        passages = index.passages
        self._reports = np.array([p.report for p in passages], dtype=object)
        self._first_page = np.array([min(p.pages) if p.pages else -1 for p in passages])
        self._last_page = np.array([max(p.pages) if p.pages else -1 for p in passages])
        self._titles = [tuple(t.casefold() for t in p.section) for p in passages]
        self._intents = PassageIntents(passages)
        self._allowed = functools.lru_cache(maxsize=128)(self._compute_allowed)
        # a passage's analysed tokens with offsets, for highlighting: the same for every query
        self._spans = functools.lru_cache(maxsize=4096)(lambda row: tuple(analyse_spans(passages[row].text)))

    # -- filters ---------------------------------------------------------------------------
    def _compute_allowed(self, filters: SearchFilters) -> np.ndarray:
        keep = np.ones(len(self.index.passages), dtype=bool)
        if filters.reports:
            keep &= np.isin(self._reports, list(filters.reports))
        if filters.pages is not None:
            lo, hi = filters.pages
            keep &= (self._first_page <= hi) & (self._last_page >= lo)
        if filters.sections:
            wanted = [s.casefold() for s in filters.sections]
            keep &= np.array(
                [
                    p.section_id in filters.sections or any(w in t for w in wanted for t in titles)
                    for p, titles in zip(self.index.passages, self._titles, strict=True)
                ]
            )
        if filters.passages is not None:
            keep &= np.array([p.passage_id in filters.passages for p in self.index.passages])
        return np.flatnonzero(keep)

    def allowed_rows(self, filters: SearchFilters) -> np.ndarray:
        """Row numbers of the passages that ``filters`` lets through (sorted)."""
        return self._allowed(filters)

    # -- the lists ---------------------------------------------------------------------------
    def _bm25(self, terms: list[str], allowed: np.ndarray | None, depth: int) -> tuple[np.ndarray, np.ndarray]:
        scores = self.index.lexical.scores(terms)
        if allowed is not None:
            masked = np.zeros_like(scores)
            masked[allowed] = scores[allowed]
            scores = masked
        positive = np.flatnonzero(scores > 0)
        order = positive[np.lexsort((positive, -scores[positive]))][:depth]
        return order, scores

    def _query_vector(self, query: str) -> np.ndarray:
        if self.encoder is None:
            raise RuntimeError("dense search needs an encoder: Searcher(index, make_encoder('numpy'))")
        return self.encoder.encode([query])[0]

    def _dense(self, qvec: np.ndarray, allowed: np.ndarray | None, depth: int) -> tuple[np.ndarray, np.ndarray]:
        if allowed is not None and not len(allowed):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        scores, ids = self.index.vectors.search(qvec[None, :], depth, allowed)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]

    # -- public --------------------------------------------------------------------------------
    def search(
        self, query: str, k: int = 10, filters: SearchFilters | None = None, *, mode: SearchMode = "hybrid"
    ) -> list[Hit]:
        """The ``k`` best passages for ``query``.

        Args:
            query: free text.
            k: number of hits.
            filters: optional restrictions (``SearchFilters``).
            mode: "hybrid" (default), or "bm25" / "dense" alone (for evaluation).
        """
        if mode not in MODES:
            raise ValueError(f"unknown search mode {mode!r}; expected one of {', '.join(MODES)}")
        if k <= 0 or not query.strip():
            return []
        allowed = None if filters is None or filters.empty else self._allowed(filters)
        n = len(self.index.passages)
        depth = min(n, max(self.fusion.depth, k))
        terms = analyse(query)
        ranks: dict[str, dict[int, int]] = {"bm25": {}, "dense": {}, "graph": {}}

        if mode == "bm25":
            rows, scores = self._bm25(terms, allowed, depth)
            ranks["bm25"] = {int(r): i + 1 for i, r in enumerate(rows)}
            ranked = [(int(r), float(scores[r])) for r in rows[:k]]
        elif mode == "dense":
            rows, cos = self._dense(self._query_vector(query), allowed, depth)
            ranks["dense"] = {int(r): i + 1 for i, r in enumerate(rows)}
            ranked = [(int(r), float(s)) for r, s in zip(rows[:k], cos[:k], strict=True)]
        else:
            ranked = self._hybrid(query, terms, allowed, depth, k, ranks)
        return self._hits(ranked, terms, ranks)

    def _hybrid(
        self,
        query: str,
        terms: list[str],
        allowed: np.ndarray | None,
        depth: int,
        k: int,
        ranks: dict[str, dict[int, int]],
    ) -> list[tuple[int, float]]:
        cfg = self.fusion
        b_rows, b_scores = self._bm25(terms, allowed, depth)
        qvec = self._query_vector(query)
        d_rows, d_scores = self._dense(qvec, allowed, depth)
        ranks["bm25"] = {int(r): i + 1 for i, r in enumerate(b_rows)}
        ranks["dense"] = {int(r): i + 1 for i, r in enumerate(d_rows)}
        boosts = self._boosts(query, allowed)
        defining = self._intents.defining(query, allowed) if cfg.definition_weight else set()
        extreme = self._intents.extreme(query, allowed) if cfg.extreme_weight else set()
        if cfg.extreme_weight:
            extreme |= self._intents.amount_rows(query, allowed)  # "which area had about 7.5 million"
            extreme |= self._intents.threshold_rows(query, allowed)  # "… less than a sixth of their budgets"
        ranks["graph"] = {r: i + 1 for i, r in enumerate(sorted(boosts, key=lambda r: (-boosts[r], r)))}
        cand = np.array(sorted({*ranks["bm25"], *ranks["dense"], *boosts, *defining, *extreme}), dtype=np.int64)
        if not len(cand):
            return []
        if cfg.method == "rrf":
            fused = np.array(
                [
                    sum(w / (cfg.rrf_k + ranks[name][r]) for name, w in (("bm25", cfg.w_bm25), ("dense", cfg.w_dense))
                        if r in ranks[name])
                    for r in cand.tolist()
                ]
            )
        else:
            b = b_scores[cand]
            d = self.index.vectors.scores(qvec, cand)
            if cfg.normalise == "zscore":
                b = _zscore(b, b_scores[b_rows])
                d = _zscore(d, d_scores)
            else:
                b = b / b.max() if b.max() > 0 else b
                spread = float(d.max() - d.min())
                d = (d - d.min()) / spread if spread > 0 else np.ones_like(d)
            fused = cfg.w_bm25 * b + cfg.w_dense * d
        top = float(fused.max()) if fused.max() > 0 else 1.0
        if boosts:
            fused = fused + cfg.boost_weight * top * np.array([boosts.get(r, 0.0) for r in cand.tolist()])
        if defining:
            fused = fused + cfg.definition_weight * top * np.isin(cand, list(defining))
        if extreme:
            fused = fused + cfg.extreme_weight * top * np.isin(cand, list(extreme))
        fused = fused + top * self._intents.bonus(query, cand, cfg)
        if cfg.restatements:
            fused = self._restatements(cand, fused)
        order = np.lexsort((cand, -fused))[:k]
        return [(int(cand[i]), float(fused[i])) for i in order]

    def _restatements(self, cand: np.ndarray, fused: np.ndarray) -> np.ndarray:
        """A results-table row ranked first or second brings up the candidate paragraph that restates
        its values ("… from 61.20% to 64.85%"), right behind it: the narrative is the same fact's
        evidence in words, and the row alone often lacks the why and the where."""
        order = np.lexsort((cand, -fused))
        fused = fused.copy()
        for i in order[:2].tolist():
            row = self.index.passages[int(cand[i])]
            if row.kind != "table_row":
                continue
            values = _row_values(row.text)
            if len(values) < 2:
                continue
            for j in range(len(cand)):
                other = self.index.passages[int(cand[j])]
                if other.kind == "table_row" or fused[j] >= fused[i]:
                    continue
                if len(values & _row_values(other.text, rounded=True)) >= 2:
                    fused[j] = fused[i] - 1e-6 * (1 + j / len(cand))
        return fused

    def _boosts(self, query: str, allowed: np.ndarray | None) -> dict[int, float]:
        if self.boost is None:
            return {}
        allowed_set = None if allowed is None else set(allowed.tolist())
        out: dict[int, float] = {}
        for pid, weight in self.boost(query).items():
            row = self.index.row_of.get(pid)
            if row is not None and weight > 0 and (allowed_set is None or row in allowed_set):
                out[row] = max(out.get(row, 0.0), float(weight))
        return out

    def _hits(
        self, ranked: list[tuple[int, float]], terms: list[str], ranks: dict[str, dict[int, int]]
    ) -> list[Hit]:
        wanted = set(terms)
        hits = []
        for rank, (row, score) in enumerate(ranked, start=1):
            p = self.index.passages[row]
            spans = tuple((s, e) for t, s, e in self._spans(row) if t in wanted)
            hits.append(
                Hit(
                    passage_id=p.passage_id,
                    text=p.text,
                    report=p.report,
                    pages=p.pages,
                    section=p.section,
                    score=score,
                    rank=rank,
                    matched_spans=spans,
                    sources={name: ranks[name].get(row) for name in ("bm25", "dense", "graph")},
                )
            )
        return hits


_PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{1,2})?)\s?%")


def _row_values(text: str, rounded: bool = False) -> set[float]:
    """The percentages ``text`` prints, to one decimal (a narrative rounds "64.85%" to "64.9%"),
    and, with ``rounded``, to none as well; whole numbers that are common round figures are left out
    of a row's set so that "50%" alone never ties a paragraph to a row."""
    out: set[float] = set()
    for m in _PERCENT.finditer(text):
        v = float(m.group(1))
        out.add(round(v, 1))
        if rounded and "." not in m.group(1):
            out.add(float(int(v)))
    return out


def _zscore(values: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """Standardise ``values`` by the mean and spread of a list's own top candidates."""
    if len(reference) < 2:
        return np.zeros_like(values)
    spread = float(reference.std())
    return (values - float(reference.mean())) / spread if spread > 0 else np.zeros_like(values)


def check_encoder(index: LoadedIndex, encoder: Encoder) -> None:
    """Refuse a query encoder that is not the model the index was built with (cheap facts only)."""
    model = index.model
    if encoder.dim != index.dim:
        raise IndexIntegrityError(MANIFEST, f"index dim {index.dim} differs from the encoder's {encoder.dim}")
    if encoder.name != model["name"] or encoder.size != model["size"]:
        raise IndexIntegrityError(
            MANIFEST,
            f"index was built with {model['name']} ({model['size']} bytes), "
            f"the query encoder is {encoder.name} ({encoder.size} bytes)",
        )


def open_searcher(
    index_dir: Path,
    *,
    encoder_kind: str = "numpy",
    boost: Boost | None = None,
    fusion: FusionConfig = DEFAULT_FUSION,
) -> Searcher:
    """Verify and load an index folder and wrap it with the process-wide query encoder.

    The encoder object is created here but its weights load on the first dense query.
    """
    encoder = make_encoder(encoder_kind)
    index = load_index(index_dir, expected_dim=encoder.dim)
    return Searcher(index, encoder, boost=boost, fusion=fusion)


def __getattr__(name: str) -> Any:
    # ``from embeddings.search import evaluate_retrieval`` (the CLI's import) without a cycle:
    # the evaluation helpers live in embeddings.evaluate, which imports this module.
    if name in ("evaluate_retrieval", "format_retrieval"):
        from embeddings import evaluate

        return getattr(evaluate, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
