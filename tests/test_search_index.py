"""Searching a built index: modes, fusion, filters, highlights, the graph boost, concurrency, evaluation."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from embeddings import (
    FusionConfig,
    Hit,
    IndexIntegrityError,
    Searcher,
    SearchFilters,
    evaluate_retrieval,
    format_table,
    is_relevant,
    load_index,
    open_searcher,
)
from embeddings.bench import bench_search, cold_search_timing, faiss_scale_timing
from embeddings.lexical import analyse


@pytest.fixture(scope="module")
def index(toy_index_dir: Path):
    return load_index(toy_index_dir, expected_dim=384)


@pytest.fixture(scope="module")
def searcher(index, numpy_encoder) -> Searcher:
    return Searcher(index, numpy_encoder)


class CountingEncoder:
    """Wraps an encoder and counts encode calls (to prove the lazy, shared use of the model)."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.kind, self.name, self.dim = inner.kind, inner.name, inner.dim
        self.max_tokens, self.size = inner.max_tokens, inner.size
        self.calls = 0

    @property
    def checksum(self) -> str:
        return self.inner.checksum

    def encode(self, texts, batch_size=16, progress=None):
        self.calls += 1
        return self.inner.encode(texts, batch_size, progress)


@pytest.mark.parametrize("mode", ["bm25", "dense", "hybrid"])
def test_each_mode_finds_the_obvious_passage(searcher: Searcher, mode: str) -> None:
    hits = searcher.search("children enrolled in public schools", k=3, mode=mode)
    assert hits and hits[0].passage_id == "p02"
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert all(a.score >= b.score for a, b in zip(hits, hits[1:], strict=False))


def test_dense_and_hybrid_find_a_paraphrase(searcher: Searcher) -> None:
    query = "how many civil servants were taught about protection"
    assert searcher.search(query, k=1, mode="dense")[0].passage_id == "p00"
    assert searcher.search(query, k=1, mode="hybrid")[0].passage_id == "p00"


def test_hit_carries_passage_fields_and_sources(searcher: Searcher, index) -> None:
    hit = searcher.search("cash grants for small businesses", k=1)[0]
    record = index.passages[index.row_of[hit.passage_id]]
    assert (hit.text, hit.report, hit.pages, hit.section) == (record.text, record.report, record.pages, record.section)
    assert set(hit.sources) == {"bm25", "dense", "graph"}
    assert hit.sources["bm25"] == 1 and hit.sources["graph"] is None
    data = hit.to_json()
    assert data["page"] == hit.pages[0] and data["passage_id"] == hit.passage_id


def test_matched_spans_mark_query_terms(searcher: Searcher) -> None:
    query = "Training officers on asylum"
    hit = next(h for h in searcher.search(query, k=5) if h.passage_id == "p00")
    words = [hit.text[s:e] for s, e in hit.matched_spans]
    assert words == ["trained", "officers", "asylum"]
    wanted = set(analyse(query))
    assert all(analyse(w)[0] in wanted for w in words)


def test_bm25_mode_does_not_load_or_call_the_encoder(index, numpy_encoder) -> None:
    counting = CountingEncoder(numpy_encoder)
    searcher = Searcher(index, counting)
    searcher.search("refugee status applications", mode="bm25")
    assert counting.calls == 0
    searcher.search("refugee status applications", mode="dense")
    assert counting.calls == 1


def test_dense_search_without_an_encoder_says_so(index) -> None:
    searcher = Searcher(index)
    assert searcher.search("asylum", mode="bm25")
    with pytest.raises(RuntimeError, match="needs an encoder"):
        searcher.search("asylum", mode="dense")


def test_encoder_of_another_model_is_refused(index, numpy_encoder) -> None:
    other = CountingEncoder(numpy_encoder)
    other.size = numpy_encoder.size + 1
    with pytest.raises(IndexIntegrityError, match="query encoder"):
        Searcher(index, other)
    other = CountingEncoder(numpy_encoder)
    other.dim = 768
    with pytest.raises(IndexIntegrityError, match="dim"):
        Searcher(index, other)


@pytest.mark.parametrize("mode", ["bm25", "dense", "hybrid"])
@pytest.mark.parametrize(
    ("filters", "allowed"),
    [
        (SearchFilters(reports=("r2",)), {"p08", "p09", "p10", "p11"}),
        (SearchFilters(sections=("education",)), {"p02", "p03"}),
        (SearchFilters(sections=("s-health",)), {"p04", "p05"}),
        (SearchFilters(pages=(5, 6)), {"p04", "p05", "p06", "p07"}),
        (SearchFilters(passages=frozenset({"p01", "p09"})), {"p01", "p09"}),
        (SearchFilters(reports=("r1",), pages=(4, 4)), {"p02", "p03"}),
        (SearchFilters(reports=("nope",)), set()),
    ],
)
def test_filters_restrict_every_mode(searcher: Searcher, filters: SearchFilters, allowed: set[str], mode) -> None:
    hits = searcher.search("refugees and partners support", k=12, filters=filters, mode=mode)
    assert {h.passage_id for h in hits} <= allowed
    if mode != "bm25":
        assert {h.passage_id for h in hits} == allowed  # dense ranks every allowed passage


def test_boost_lifts_the_linked_passage_and_ignores_unknown_ids(index, numpy_encoder) -> None:
    query = "support for refugees"
    plain = Searcher(index, numpy_encoder).search(query, k=12)
    last = plain[-1].passage_id
    calls: list[str] = []

    def boost(q: str) -> dict[str, float]:
        calls.append(q)
        return {last: 1.0, "no-such-passage": 5.0}

    boosted = Searcher(index, numpy_encoder, boost=boost, fusion=FusionConfig(boost_weight=2.0)).search(query, k=12)
    assert calls == [query]
    assert boosted[0].passage_id == last and boosted[0].sources["graph"] == 1
    assert all(h.passage_id != "no-such-passage" for h in boosted)
    # pure modes stay pure: the boost is part of the hybrid only
    bm25 = Searcher(index, numpy_encoder, boost=boost).search(query, k=12, mode="bm25")
    assert [h.passage_id for h in bm25] == [h.passage_id for h in Searcher(index).search(query, k=12, mode="bm25")]


def test_boost_respects_filters(index, numpy_encoder) -> None:
    searcher = Searcher(index, numpy_encoder, boost=lambda q: {"p00": 1.0})
    hits = searcher.search("support", k=12, filters=SearchFilters(reports=("r2",)))
    assert "p00" not in {h.passage_id for h in hits}


@pytest.mark.parametrize("method", ["convex", "rrf"])
def test_fusion_methods_rank_the_union_of_both_lists(index, numpy_encoder, method: str) -> None:
    searcher = Searcher(index, numpy_encoder, fusion=FusionConfig(method=method))  # type: ignore[arg-type]
    hits = searcher.search("job fair employers", k=12)
    assert hits[0].passage_id == "p07"
    assert len({h.passage_id for h in hits}) == len(hits)


def test_degenerate_queries(searcher: Searcher) -> None:
    assert searcher.search("", k=5) == []
    assert searcher.search("   ", k=5) == []
    assert searcher.search("asylum", k=0) == []
    assert searcher.search("the of and", k=3, mode="bm25") == []  # only stopwords: no lexical match
    assert len(searcher.search("the of and", k=3, mode="hybrid")) == 3  # dense still answers
    assert len(searcher.search("asylum", k=50)) <= 12
    with pytest.raises(ValueError, match="unknown search mode"):
        searcher.search("asylum", mode="semantic")  # type: ignore[arg-type]


def test_faiss_and_exact_backends_give_the_same_search(toy_index_dir: Path, numpy_encoder) -> None:
    faiss_searcher = Searcher(load_index(toy_index_dir, backend="faiss"), numpy_encoder)
    exact_searcher = Searcher(load_index(toy_index_dir, backend="exact"), numpy_encoder)
    for query in ("health insurance", "emergency shelters at the border", "budget funded by donors"):
        for mode in ("dense", "hybrid"):
            a = faiss_searcher.search(query, k=12, mode=mode)
            b = exact_searcher.search(query, k=12, mode=mode)
            assert [h.passage_id for h in a] == [h.passage_id for h in b]
            assert np.allclose([h.score for h in a], [h.score for h in b], atol=1e-5)


def test_concurrent_readers_get_the_same_results(searcher: Searcher) -> None:
    queries = ["asylum applications", "school enrolment", "health care", "jobs", "budget", "shelter"] * 5
    expected = {q: [h.passage_id for h in searcher.search(q, k=5)] for q in set(queries)}
    errors: list[BaseException] = []

    def run(q: str) -> tuple[str, list[str]]:
        try:
            return q, [h.passage_id for h in searcher.search(q, k=5)]
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
            raise

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, queries))
    assert not errors
    assert all(expected[q] == ids for q, ids in results)


def test_lazy_encoder_loads_once_under_concurrency(toy_index_dir: Path) -> None:
    from embeddings.minilm_numpy import NumpyMiniLMEncoder

    fresh = NumpyMiniLMEncoder()
    loads: list[int] = []
    real_load = fresh._load

    def counted_load() -> None:
        loads.append(threading.get_ident())
        real_load()

    fresh._load = counted_load  # type: ignore[method-assign]
    searcher = Searcher(load_index(toy_index_dir), fresh)
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda q: searcher.search(q, k=2), ["a refugee", "a school", "a clinic", "a job"]))
    assert len(loads) == 1


def test_open_searcher_uses_the_shared_numpy_encoder(toy_index_dir: Path, numpy_encoder) -> None:
    searcher = open_searcher(toy_index_dir)
    assert searcher.encoder is numpy_encoder
    assert searcher.search("mobile clinics", k=1)[0].passage_id == "p05"


# -- evaluation -------------------------------------------------------------------------------


def test_relevance_collapses_whitespace_and_hyphen_breaks() -> None:
    text = "Refugees and Asylum-seekers\n\nreceived   documents"
    assert is_relevant(text, ["Asylum- seekers received documents"])
    assert is_relevant(text, ["Refugees and\nAsylum-seekers"])
    assert not is_relevant(text, ["asylum-seekers received"])  # case still matters
    assert not is_relevant(text, [])


def test_evaluate_retrieval_reports_each_mode(searcher: Searcher) -> None:
    questions = [
        {"id": "q1", "question": "How many pupils went to state schools?", "evidence": ["135,000 refugee children"],
         "type": "number"},
        {"id": "q2", "question": "Who leads the coordination group?", "evidence": ["co-led by UNHCR and IOM"],
         "type": "relation"},
        {"id": "q3", "question": "What is the capital of Mars?", "answers": [], "evidence": [], "type": "unanswerable"},
        {"id": "q4", "question": "Where is the moon base?", "evidence": ["not in any passage"], "type": "location"},
    ]
    result = evaluate_retrieval(searcher, questions, ks=(1, 5))
    assert result["questions"] == 3 and result["skipped"] == 1 and result["unreachable"] == ["q4"]
    assert set(result["modes"]) == {"bm25", "dense", "hybrid"}
    for metrics in result["modes"].values():
        assert set(metrics) == {"recall@1", "recall@5", "mrr@10"}
        assert metrics["recall@5"] <= 2 / 3 + 1e-9  # q4 can never be found
    assert result["ranks"]["hybrid"]["q2"] == 1
    assert "hybrid" in format_table(result)


# -- benchmark helpers (tiny sizes: they must run, not be fast) ----------------------------------


def test_bench_helpers_return_their_numbers(toy_index_dir: Path) -> None:
    numbers = bench_search(toy_index_dir, ["asylum", "schools"], rounds=1)
    assert numbers["passages"] == 12 and numbers["load_s"] > 0
    assert {"search_bm25", "search_dense", "search_hybrid", "encode_query"} <= set(numbers)
    scale = faiss_scale_timing(n=2000, n_queries=5)
    assert scale["n"] == 2000 and scale["search"]["p50_ms"] > 0 and scale["file_mb"] > 0
    cold = cold_search_timing(toy_index_dir, "asylum applications")
    assert cold["hits"] > 0 and cold["torch_imported"] is False and cold["total_s"] > 0


def test_hits_are_frozen(searcher: Searcher) -> None:
    hit: Hit = searcher.search("asylum", k=1)[0]
    with pytest.raises(AttributeError):
        hit.score = 0.0  # type: ignore[misc]


# -- query intents -------------------------------------------------------------------------------

INTENT_TEXTS = [
    ("d0", "paragraph", "CONARE decided 4,820 asylum claims and CONARE interviewed applicants; CONARE backlogs fell."),
    ("d1", "paragraph", "The National Refugee Eligibility Commission (CONARE) opened two offices in the north."),
    ("d2", "paragraph", "UNHCR supported CONARE with interpreters and a case management system."),
    ("d3", "table_row", "3.2a Proportion of children enrolled in primary education Refugees 64.81% 67.25%"),
    ("d4", "paragraph", "Some 135,000 refugee children were enrolled in primary schools, a share that rose after outreach."),
    ("d5", "paragraph", "Enrolment rose because schools waived documentation requirements for refugee children."),
]


def _index_of(tmp_path_factory: pytest.TempPathFactory, encoder, name: str, records: list) -> object:
    """A small index over ``records``, built in a temporary folder and loaded as a search would load it."""
    from embeddings import build_index

    folder = tmp_path_factory.mktemp(name)
    build_index(folder, records, encoder)
    return load_index(folder)


@pytest.fixture(scope="module")
def intent_index(tmp_path_factory: pytest.TempPathFactory, numpy_encoder):
    from embeddings import PassageRecord

    records = [PassageRecord(passage_id=i, report="r", text=t, kind=k) for i, k, t in INTENT_TEXTS]
    return _index_of(tmp_path_factory, numpy_encoder, "intent-index", records)


def _scores(searcher: Searcher, query: str) -> dict[str, float]:
    return {h.passage_id: h.score for h in searcher.search(query, k=6)}


def test_acronym_question_prefers_the_defining_passage(intent_index, numpy_encoder) -> None:
    on = Searcher(intent_index, numpy_encoder)
    off = Searcher(intent_index, numpy_encoder, fusion=FusionConfig(definition_weight=0.0))
    for query in ("What does CONARE stand for?", "What is the acronym CONARE short for?"):
        assert on.search(query, k=1)[0].passage_id == "d1"
    # no definition intent: the same scores with or without the rule
    query = "How did UNHCR support CONARE?"
    assert _scores(on, query) == _scores(off, query)


def test_value_question_prefers_table_rows_but_why_question_does_not(intent_index, numpy_encoder) -> None:
    on = Searcher(intent_index, numpy_encoder)
    off = Searcher(intent_index, numpy_encoder, fusion=FusionConfig(table_weight=0.0))
    query = "What share of refugee children were enrolled in primary school?"
    assert on.search(query, k=1)[0].passage_id == "d3"
    assert _scores(on, query)["d3"] > _scores(off, query)["d3"]
    why = "Why did the share of refugee children enrolled in school rise?"
    assert _scores(on, why) == _scores(off, why)
    # "how much money" asks for a value the financial tables print
    money = "How much money went to primary education for refugee children?"
    assert _scores(on, money)["d3"] > _scores(off, money)["d3"]


KIND_TEXTS = [
    ("k0", "paragraph", "UNHCR trained 340 government officials, staff, partners and community leaders on GBV risks."),
    ("k1", "paragraph", "UNHCR trained 336 community leaders on prevention of GBV risks, most of them women."),
    ("k2", "paragraph", "UNHCR helped refugees placed in jobs; women were the majority of those placed in jobs."),
    ("k3", "paragraph", "Of the refugees placed in jobs by UNHCR partners, almost 60% were women."),
    ("k4", "goal", "By 2026, refugees access decent work, financial services and business support."),
    ("k5", "paragraph", "UNHCR gave financial support to 500 refugees to start a business and access services."),
    ("k6", "table_row", "OA11: Education 1,874,600 301,115 16.06% 301,115 100.00% shelter"),
    ("k7", "paragraph", "The shelter for survivors opened in the northern border town with UNHCR support."),
    ("k8", "paragraph", "Education partners reached schools in the capital and at the border."),
]


@pytest.fixture(scope="module")
def kind_index(tmp_path_factory: pytest.TempPathFactory, numpy_encoder):
    from embeddings import PassageRecord

    records = [PassageRecord(passage_id=i, report="r", text=t, kind=k) for i, k, t in KIND_TEXTS]
    return _index_of(tmp_path_factory, numpy_encoder, "kind-index", records)


def _margin(searcher: Searcher, query: str, better: str, worse: str) -> float:
    scores = {h.passage_id: h.score for h in searcher.search(query, k=len(KIND_TEXTS))}
    return scores[better] - scores[worse]


def test_how_many_question_prefers_a_number_right_before_what_it_counts(kind_index, numpy_encoder) -> None:
    on = Searcher(kind_index, numpy_encoder)
    off = Searcher(kind_index, numpy_encoder, fusion=FusionConfig(quantity_weight=0.0))
    query = "How many community leaders did UNHCR train?"
    assert on.search(query, k=1)[0].passage_id == "k1"
    assert _margin(on, query, "k1", "k0") > _margin(off, query, "k1", "k0")
    other = "Which community leaders did UNHCR train?"  # not a count: the rule stays out
    assert _scores(on, other) == _scores(off, other)


def test_share_question_prefers_a_passage_with_a_percentage(kind_index, numpy_encoder) -> None:
    on = Searcher(kind_index, numpy_encoder)
    off = Searcher(kind_index, numpy_encoder, fusion=FusionConfig(percent_weight=0.0))
    query = "What share of the refugees placed in jobs were women?"
    assert on.search(query, k=1)[0].passage_id == "k3"
    assert _margin(on, query, "k3", "k2") > _margin(off, query, "k3", "k2")


def test_goal_statements_answer_only_questions_about_goals(kind_index, numpy_encoder) -> None:
    on = Searcher(kind_index, numpy_encoder)
    off = Searcher(kind_index, numpy_encoder, fusion=FusionConfig(goal_weight=0.0))
    results = "How did UNHCR help refugees access financial services and business support?"
    assert _margin(on, results, "k5", "k4") > _margin(off, results, "k5", "k4")
    assert on.search(results, k=1)[0].passage_id == "k5"
    goals = "What is the goal for decent work and financial services by 2026?"
    assert _scores(on, goals) == _scores(off, goals)


def test_where_question_lowers_table_rows_and_spend_question_lifts_them(kind_index, numpy_encoder) -> None:
    on = Searcher(kind_index, numpy_encoder)
    off = Searcher(kind_index, numpy_encoder, fusion=FusionConfig(not_table_weight=0.0, table_weight=0.0))
    where = "Where is the shelter?"
    assert _margin(on, where, "k7", "k6") > _margin(off, where, "k7", "k6")
    spend = "How much was spent on education?"
    assert _margin(on, spend, "k6", "k8") > _margin(off, spend, "k6", "k8")
    assert on.search(spend, k=1)[0].passage_id == "k6"


FIGURE_TEXTS = [
    ("f0", "paragraph", "The community service fairs brought services closer to refugees (188 fairs, reaching 43,000 people)."),
    ("f1", "paragraph", "UNHCR activities reached people in the capital and in host communities."),
    ("f2", "paragraph", "Activities reached people with information on rights; people reached by UNHCR activities were satisfied."),
    ("f3", "paragraph", "The Ministry of Foreign Affairs (MREX) issues identity cards to recognised refugees."),
    ("f4", "paragraph", "The Ministry of Women (MIMU) runs shelters; the report uses the abbreviation for the ministry often."),
    ("f5", "paragraph", "In 2023, 2023 targets were met in 23 districts."),
]


@pytest.fixture(scope="module")
def figure_index(tmp_path_factory: pytest.TempPathFactory, numpy_encoder):
    from embeddings import PassageRecord

    records = [PassageRecord(passage_id=i, report="r", text=t, kind=k) for i, k, t in FIGURE_TEXTS]
    return _index_of(tmp_path_factory, numpy_encoder, "figure-index", records)


def test_a_figure_the_question_quotes_lifts_the_passage_printing_it(figure_index, numpy_encoder) -> None:
    on = Searcher(figure_index, numpy_encoder)
    off = Searcher(figure_index, numpy_encoder, fusion=FusionConfig(figure_weight=0.0))
    query = "Which UNHCR activity reached some 43,000 people in 2023?"

    def rank(searcher: Searcher) -> int:
        return next(h.rank for h in searcher.search(query, k=6) if h.passage_id == "f0")

    assert rank(on) < rank(off)
    assert _scores(on, query)["f0"] - _scores(on, query)["f1"] > _scores(off, query)["f0"] - _scores(off, query)["f1"]
    # a year is no quoted figure
    assert _scores(on, "What happened in 2023?") == _scores(off, "What happened in 2023?")


def test_quoted_figures_are_digit_strings_without_years_or_single_digits() -> None:
    from embeddings.intents import quoted_figures

    assert quoted_figures("some 43,000 people in 2023, 7 staff and 1.5 million, 28.4% funded") == {"43000", "1.5", "28.4"}


def test_an_abbreviation_asked_by_description_prefers_the_long_form_saying_it(figure_index, numpy_encoder) -> None:
    on = Searcher(figure_index, numpy_encoder)
    off = Searcher(figure_index, numpy_encoder, fusion=FusionConfig(definition_weight=0.0))
    query = "What abbreviation does the report use for the foreign ministry?"
    assert on.search(query, k=1)[0].passage_id == "f3"
    assert _scores(on, query)["f3"] - _scores(on, query)["f4"] > _scores(off, query)["f3"] - _scores(off, query)["f4"]


BUDGET_TEXTS = [  # (id, table, text, columns)
    ("b0", "outcome", "OA1: Access/Doc 4,564,514 1,905,310 41.74% 1,902,118 99.83%",
     {"final_budget": 4564514, "funds_available": 1905310, "funds_available_pct": 41.74}),
    ("b1", "outcome", "OA11: Education 1,874,600 301,115 16.06% 301,115 100.00%",
     {"final_budget": 1874600, "funds_available": 301115, "funds_available_pct": 16.06}),
    ("b2", "outcome", "OA15: Resettle 1,652,308 1,390,226 84.14% 1,390,226 100.00%",
     {"final_budget": 1652308, "funds_available": 1390226, "funds_available_pct": 84.14}),
    ("b3", "impact", "IA2: Assist 13,179,820 3,920,019 29.74% 3,878,375 98.94%",
     {"final_budget": 13179820, "funds_available": 3920019, "funds_available_pct": 29.74}),
    ("b4", "", "Funding remained low: the outcome areas with the smallest budgets were the hardest hit.", {}),
]


@pytest.fixture(scope="module")
def budget_index(tmp_path_factory: pytest.TempPathFactory, numpy_encoder):
    from embeddings import PassageRecord

    records = [PassageRecord(passage_id=i, report="r", text=t, kind="table_row" if cols else "paragraph",
                             columns=tuple(cols.items()), table=table) for i, table, t, cols in BUDGET_TEXTS]
    return _index_of(tmp_path_factory, numpy_encoder, "budget-index", records)


@pytest.mark.parametrize(("query", "expected"), [
    ("Which outcome area had the smallest share of its budget funded?", "b1"),
    ("Which outcome area had the smallest final budget?", "b2"),
    ("Which outcome area got the second-largest funding?", "b2"),
    ("Which area had the largest budget?", "b3"),  # no table named: both tables compete
])
def test_a_which_area_superlative_lifts_the_budget_row_holding_the_extreme(budget_index, numpy_encoder, query: str,
                                                                         expected: str) -> None:
    on = Searcher(budget_index, numpy_encoder)
    off = Searcher(budget_index, numpy_encoder, fusion=FusionConfig(extreme_weight=0.0))
    scores = _scores(on, query)
    assert all(scores[expected] > scores[other] for other in ("b0", "b1", "b2", "b3") if other != expected)
    assert scores[expected] > _scores(off, query)[expected]


def test_a_rounded_sum_lifts_the_budget_row_printing_it(budget_index, numpy_encoder) -> None:
    on = Searcher(budget_index, numpy_encoder)
    off = Searcher(budget_index, numpy_encoder, fusion=FusionConfig(extreme_weight=0.0))
    query = "Which outcome area had about 1.39 million dollars to spend?"
    scores = _scores(on, query)
    assert all(scores["b2"] > scores[other] for other in ("b0", "b1", "b3"))
    assert scores["b2"] > _scores(off, query)["b2"]
    none = "Which outcome area had about 9 million dollars to spend?"  # no row prints it
    assert _scores(on, none) == _scores(off, none)


def test_a_share_threshold_lifts_the_budget_rows_on_its_side(budget_index, numpy_encoder) -> None:
    on = Searcher(budget_index, numpy_encoder)
    off = Searcher(budget_index, numpy_encoder, fusion=FusionConfig(extreme_weight=0.0))
    query = "Which outcome areas had less than a fifth of their budgets funded?"
    scores = _scores(on, query)
    assert all(scores["b1"] > scores[other] for other in ("b0", "b2", "b3"))
    assert scores["b1"] > _scores(off, query)["b1"]
    every = "Which outcome areas had more than a tenth of their budgets funded?"  # all rows: says nothing
    assert _scores(on, every) == _scores(off, every)


@pytest.mark.parametrize(("query", "expected"), [
    ("Which outcome lines had between 1.5 and 2 million dollars available?", "b0"),  # funds available of b0 only
    ("Which outcome areas were budgeted at under two million?", "b1"),  # b1 and b2; b1 scores as high
    ("Ranked by funds available, which outcome area comes second?", "b2"),
])
def test_a_range_of_money_or_a_ranking_place_lifts_its_budget_rows(budget_index, numpy_encoder, query: str,
                                                                   expected: str) -> None:
    on = Searcher(budget_index, numpy_encoder)
    off = Searcher(budget_index, numpy_encoder, fusion=FusionConfig(extreme_weight=0.0))
    assert _scores(on, query)[expected] > _scores(off, query)[expected]
    assert _scores(on, query)["b3"] == _scores(off, query)["b3"]  # the impact row is not in the table asked


def test_ranges_of_money_and_places_in_a_ranking_are_read() -> None:
    from embeddings.intents import rank_asked, stated_amount

    assert stated_amount("between one and two million dollars") == (1e6, 2e6)
    assert stated_amount("more than USD 3 million") == (3e6, float("inf"))
    assert stated_amount("just under 5 million") == (4.5e6, 5e6)
    assert stated_amount("about 5 million") is None
    assert rank_asked("ranked by budget, which area came third?") == (True, 2)
    assert rank_asked("which came second from the bottom in the ranking?") == (False, 1)
    assert rank_asked("the second-smallest budget") == (False, 1)
    assert rank_asked("which area was funded?") is None
    from embeddings.intents import on_side, stated_share

    assert stated_share("just under half of its budget") == ("just below", 50.0)
    assert on_side(47.6, "just below", 50.0) and not on_side(41.0, "just below", 50.0)


def test_rounded_sums_carry_the_precision_they_are_written_with() -> None:
    from embeddings.intents import amounts_asked

    assert amounts_asked("a final budget of 5.3 million") == [(5.3e6, 0.05e6)]
    (value, tolerance), = amounts_asked("just under 5.3 million dollars")
    assert value == 5.3e6 and abs(tolerance - 0.159e6) < 1
    assert amounts_asked("in 2023, 41 staff") == []


def test_budget_columns_survive_the_index_files(budget_index) -> None:
    rows = {p.passage_id: p for p in budget_index.passages}
    assert dict(rows["b1"].columns)["funds_available_pct"] == 16.06 and rows["b1"].table == "outcome"
    assert rows["b4"].columns == () and rows["b4"].table == ""


def test_intents_leave_the_single_list_modes_alone(kind_index, numpy_encoder) -> None:
    on = Searcher(kind_index, numpy_encoder)
    off = Searcher(kind_index, numpy_encoder, fusion=FusionConfig(
        quantity_weight=0.0, percent_weight=0.0, goal_weight=0.0, table_weight=0.0, not_table_weight=0.0))
    for query in ("How many community leaders did UNHCR train?", "What share of the refugees placed in jobs were women?"):
        for mode in ("bm25", "dense"):
            assert [(h.passage_id, h.score) for h in on.search(query, k=9, mode=mode)] == [
                (h.passage_id, h.score) for h in off.search(query, k=9, mode=mode)]


# -- the published build: the graph boost and the dev questions ----------------------------------

DATA = Path(__file__).resolve().parent / "data"
SLUGS = {"peru": "unhcr-arr-2023-peru", "marovia": "unhcr-arr-2025-marovia"}


def test_build_boost_weighs_entities_by_how_specific_they_are(peru_build) -> None:
    publisher = peru_build._boost("What did UNHCR do?")
    assert publisher and max(publisher.values()) < 0.1  # mentioned nearly everywhere: adds about nothing
    specific = peru_build._boost("Who co-leads the GTRM?")
    assert specific and max(specific.values()) > 0.5
    assert peru_build._boost("What happened in 2023?") == {}


@pytest.mark.parametrize("name", sorted(SLUGS))
def test_hybrid_beats_bm25_and_dense_on_the_dev_questions(peru_build, name: str) -> None:
    lines = (DATA / f"questions-{name}.jsonl").read_text(encoding="utf-8").splitlines()
    dev = [q for q in map(json.loads, filter(None, lines)) if q.get("split") == "dev"]
    filters = SearchFilters(reports=(peru_build.report_id(SLUGS[name]),))
    modes = evaluate_retrieval(peru_build.searcher, dev, filters=filters)["modes"]
    hybrid = modes["hybrid"]
    assert hybrid["recall@5"] >= 0.95 and hybrid["mrr@10"] >= 0.9, modes
    for single in ("bm25", "dense"):
        assert hybrid["mrr@10"] > modes[single]["mrr@10"] and hybrid["recall@5"] >= modes[single]["recall@5"], modes


def test_evaluation_helpers_are_importable_from_search() -> None:
    from embeddings.search import evaluate_retrieval as from_search
    from embeddings.search import format_retrieval

    assert from_search is evaluate_retrieval and callable(format_retrieval)


BREAKDOWN_TEXTS = [  # (id, text)
    ("d0", "The operation referred 900 refugees for resettlement (510 to Norway, 240 to Chile and 150 to Spain)."),
    ("d1", "Resettlement countries received refugees referred by the operation after long interviews and checks."),
    ("d2", "Most resettlement countries sent selection missions to the capital in the second half of the year."),
]


@pytest.fixture(scope="module")
def breakdown_index(tmp_path_factory: pytest.TempPathFactory, numpy_encoder):
    from embeddings import PassageRecord

    records = [PassageRecord(passage_id=i, report="r", text=t, kind="paragraph") for i, t in BREAKDOWN_TEXTS]
    return _index_of(tmp_path_factory, numpy_encoder, "breakdown-index", records)


def test_which_country_got_most_lifts_the_passage_writing_names_with_their_figures(breakdown_index, numpy_encoder) -> None:
    from embeddings.intents import breakdown_asked, lists_name_figures

    on = Searcher(breakdown_index, numpy_encoder)
    off = Searcher(breakdown_index, numpy_encoder, fusion=FusionConfig(breakdown_weight=0.0))
    query = "Of the resettlement countries, which received the largest number of referred refugees?"
    gain = _scores(on, query)["d0"] - _scores(off, query)["d0"]
    assert gain > 0 and _scores(on, query)["d1"] == _scores(off, query)["d1"]
    assert breakdown_asked(query) and not breakdown_asked("Which outcome area had the largest budget?")
    assert lists_name_figures(BREAKDOWN_TEXTS[0][1]) and not lists_name_figures(BREAKDOWN_TEXTS[1][1])
    assert lists_name_figures("followed by Colombians (4%) and Haitians (1%)")


@pytest.mark.parametrize("query", [
    "To which countries did the operation refer refugees for resettlement?",
    "Which resettlement destinations took the refugees the operation referred?",
])
def test_which_countries_plural_lifts_the_passage_listing_them_with_figures(breakdown_index, numpy_encoder,
                                                                           query: str) -> None:
    on = Searcher(breakdown_index, numpy_encoder)
    off = Searcher(breakdown_index, numpy_encoder, fusion=FusionConfig(breakdown_weight=0.0))
    assert _scores(on, query)["d0"] > _scores(off, query)["d0"]
    assert on.search(query, k=1)[0].passage_id == "d0"


RESTATED_TEXTS = [
    ("r0", "table_row", "2.1 Proportion of people living below the national poverty line Refugees 71.20% 74.65%"),
    ("r1", "paragraph", "Ration cuts and rising food prices pushed the share of refugees under that line from 71.2% "
                        "to 74.7% over the year."),
    ("r2", "paragraph", "The national poverty line is set by the statistics office; people living below the "
                        "national poverty line receive social transfers."),
    ("r3", "paragraph", "Poverty among people living in the capital fell, while the national poverty line rose."),
    ("r4", "paragraph", "Refugees living below the poverty line were prioritised for cash; 51% of them were women."),
    ("r5", "table_row", "2.2 Proportion of people residing in safe settlements Refugees 68.10% 64.32%"),
]


@pytest.fixture(scope="module")
def restated_index(tmp_path_factory: pytest.TempPathFactory, numpy_encoder):
    from embeddings import PassageRecord

    records = [PassageRecord(passage_id=i, report="r", text=t, kind=k) for i, k, t in RESTATED_TEXTS]
    return _index_of(tmp_path_factory, numpy_encoder, "restated-index", records)


def test_a_paragraph_restating_the_top_rows_values_comes_right_behind_it(restated_index, numpy_encoder) -> None:
    on = Searcher(restated_index, numpy_encoder)
    off = Searcher(restated_index, numpy_encoder, fusion=FusionConfig(restatements=False))
    query = "What proportion of people were living below the national poverty line?"
    ranked_on = [h.passage_id for h in on.search(query, k=6)]
    ranked_off = [h.passage_id for h in off.search(query, k=6)]
    assert ranked_on[0] == ranked_off[0] == "r0"
    assert ranked_on[1] == "r1" and ranked_off.index("r1") > 1
