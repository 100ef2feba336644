"""Encoders, the model checks, vector backends and the verified index store (threat model 15–18)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import faiss
import numpy as np
import pytest

from embeddings import (
    MODEL_NAME,
    MODEL_SHA256,
    IndexIntegrityError,
    ModelIntegrityError,
    NumpyMiniLMEncoder,
    PassageRecord,
    build_index,
    check_model_dir,
    load_index,
    make_encoder,
    verify_model,
    write_index,
)
from embeddings.encoder import default_model_path, load_tokenizer, token_windows
from embeddings.index import ExactIndex, FaissIndex, make_vector_index
from embeddings.lexical import LexicalIndex, analyse
from embeddings.store import EXPECTED_FILES, MANIFEST, VECTORS

ROOT = Path(__file__).resolve().parent.parent
MODEL_DIR = default_model_path()
SMALL_MODEL_FILES = ("config.json", "modules.json", "sentence_bert_config.json", "tokenizer.json")


def _unit(n: int, dim: int = 384, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def _copy_index(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def _fake_model_dir(tmp_path: Path) -> Path:
    """The pinned model's small config files with a stand-in weights file (no 90 MB copy)."""
    folder = tmp_path / "model"
    (folder / "1_Pooling").mkdir(parents=True)
    for name in SMALL_MODEL_FILES:
        shutil.copy(MODEL_DIR / name, folder / name)
    shutil.copy(MODEL_DIR / "1_Pooling" / "config.json", folder / "1_Pooling" / "config.json")
    (folder / "model.safetensors").write_bytes(b"not the pinned weights")
    return folder


# -- the model -------------------------------------------------------------------------------


def test_pinned_model_checksum_verified() -> None:
    facts = verify_model()
    assert facts.sha256 == MODEL_SHA256
    assert (facts.name, facts.dim, facts.max_tokens) == (MODEL_NAME, 384, 256)
    assert facts.size == (MODEL_DIR / "model.safetensors").stat().st_size


def test_changed_weights_fail_the_checksum(tmp_path: Path) -> None:
    folder = _fake_model_dir(tmp_path)
    with pytest.raises(ModelIntegrityError, match="sha256"):
        verify_model(folder)
    # an encoder over changed weights will not hand its facts to an index manifest
    with pytest.raises(ModelIntegrityError, match="sha256"):
        NumpyMiniLMEncoder(folder).facts()


@pytest.mark.parametrize("attack", ["py_file", "auto_map", "tokenizer_auto_map", "module_type", "pickle_weights"])
def test_model_folder_that_could_run_code_is_refused(tmp_path: Path, attack: str) -> None:
    folder = _fake_model_dir(tmp_path)
    if attack == "py_file":
        (folder / "modeling_evil.py").write_text("import os\n")
    elif attack == "auto_map":
        cfg = json.loads((folder / "config.json").read_text())
        cfg["auto_map"] = {"AutoModel": "modeling_evil.EvilModel"}
        (folder / "config.json").write_text(json.dumps(cfg))
    elif attack == "tokenizer_auto_map":
        (folder / "tokenizer_config.json").write_text(json.dumps({"auto_map": {"AutoTokenizer": ["x.Y", None]}}))
    elif attack == "module_type":
        (folder / "modules.json").write_text(json.dumps([{"idx": 0, "name": "0", "path": "", "type": "os.system"}]))
    else:
        (folder / "pytorch_model.bin").write_bytes(b"\x80\x04pickle")
    with pytest.raises(ModelIntegrityError):
        check_model_dir(folder)
    # the encoders run the same check before touching any weights
    with pytest.raises(ModelIntegrityError):
        NumpyMiniLMEncoder(folder).load()


def test_pinned_model_folder_passes_the_check() -> None:
    check_model_dir(MODEL_DIR)


@pytest.mark.parametrize("kind", ["os.system", "embeddings.encoder.SentenceTransformerEncoder", "", "NUMPY"])
def test_unknown_encoder_kind_is_refused_without_importing(kind: str) -> None:
    before = set(sys.modules)
    with pytest.raises(ValueError, match="unknown encoder kind"):
        make_encoder(kind)
    assert set(sys.modules) == before


def test_make_encoder_shares_one_encoder_per_process(numpy_encoder) -> None:
    assert make_encoder("numpy") is numpy_encoder
    assert make_encoder("sentence-transformers") is make_encoder("sentence-transformers")


def test_model_loads_without_network(encoder, model_load_audit) -> None:
    from tests import audit

    connects = [args for event, args in model_load_audit if event == "socket.connect"]
    assert connects == []
    assert not audit.violations
    assert not getattr(encoder._model, "trust_remote_code", False)


# -- encoders -------------------------------------------------------------------------------

VARIED_TEXTS = [
    "UNHCR trained 520 government officers on international protection.",
    "How many officials learned about protection?",
    "",
    "a",
    "Perú: 28.26% of asylum-seekers accessed procedures in 2023 (baseline 0.80%).",
    "Who co-leads the working group for refugees and migrants?",
    "El ACNUR apoyó a la Comisión Especial para los Refugiados en Lima.",
    "Cash-based interventions (CBI) reached 12,345 households; 70% were women-headed.",
    "🙂 emoji and symbols ∑ ≥ ≤ — are tokenised as unknown pieces",
    "OA4: GBV 5,410,720 947,398 17.51% 947,398 100.00%",
    "1.1 Proportion of people seeking international protection who are able to access asylum procedures",
    "By 2026, people UNHCR serves access the territory and fair and efficient protection systems.",
    "   leading and trailing whitespace\n\nwith blank lines\t",
    "Resettlement departures: 562 people left for the United States, Canada and Australia.",
    "THE SAME SENTENCE IN CAPITALS: REFUGEES NEED DOCUMENTS",
    "gender-based violence survivors were referred to safe shelters and legal aid",
    "Why did funding shortfalls force cuts to education programmes?",
    "x " * 300,  # one long text: windows
    " ".join(f"Paragraph sentence {i} about asylum, documentation and livelihoods." for i in range(40)),
    "Zhōngwén 中文 and Arabic العربية mixed into one line",
]


def test_encoder_rows_are_normalised_float32(encoder) -> None:
    vectors = encoder.encode(VARIED_TEXTS[:5])
    assert vectors.shape == (5, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_encoder_places_a_paraphrase_closer_than_an_unrelated_text(encoder) -> None:
    a, b, c = encoder.encode(
        [
            "UNHCR trained 520 government officers on international protection.",
            "How many officials learned about protection?",
            "Mobile clinics provided primary health care in border areas.",
        ]
    )
    assert a @ b > a @ c + 0.1


def test_numpy_encoder_matches_sentence_transformers(encoder, numpy_encoder) -> None:
    reference = encoder.encode(VARIED_TEXTS)
    fast = numpy_encoder.encode(VARIED_TEXTS)
    cosines = np.sum(reference * fast, axis=1)
    assert cosines.min() >= 0.999, dict(zip(VARIED_TEXTS, cosines.round(5).tolist(), strict=True))


def test_numpy_encoder_imports_neither_torch_nor_sentence_transformers() -> None:
    code = (
        "import sys\n"
        "from embeddings import make_encoder\n"
        "v = make_encoder('numpy').encode(['refugees in Lima'])\n"
        "assert v.shape == (1, 384)\n"
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_long_text_is_windowed_not_truncated(encoder) -> None:
    tokenizer = load_tokenizer(MODEL_DIR)
    text = " ".join(f"In region {i} the partners registered {i * 7} asylum-seekers." for i in range(45))
    windows = token_windows(tokenizer, text, 254)
    assert len(windows) >= 3
    assert all(len(tokenizer.encode(w, add_special_tokens=False).ids) <= 254 for w in windows)
    # the windows are substrings that cover the text from start to end, each overlapping the next
    spans, pos = [], 0
    for w in windows:
        start = text.index(w, pos)
        spans.append((start, start + len(w)))
        pos = start + 1
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(b_start < a_end for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))
    whole = encoder.encode([text])[0]
    parts = encoder.encode(windows)
    mean = parts.mean(axis=0)
    assert np.allclose(whole, mean / np.linalg.norm(mean), atol=1e-5)
    assert whole @ parts[0] < 0.999  # not just the first 256 tokens


def test_encode_reports_progress(numpy_encoder) -> None:
    calls: list[tuple[int, int]] = []
    numpy_encoder.encode([f"text {i}" for i in range(5)], batch_size=2, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(2, 5), (4, 5), (5, 5)]


def test_encode_refuses_a_bare_string(numpy_encoder) -> None:
    with pytest.raises(TypeError):
        numpy_encoder.encode("one string")


# -- vector backends ------------------------------------------------------------------------


@pytest.mark.parametrize("with_filter", [False, True])
def test_faiss_and_numpy_backends_agree_on_top_k(with_filter: bool) -> None:
    x, queries = _unit(600), _unit(25, seed=1)
    flat, exact = FaissIndex(384), ExactIndex(384)
    flat.add(x)
    exact.add(x)
    allowed = np.arange(3, 600, 7) if with_filter else None
    s1, i1 = flat.search(queries, 10, allowed)
    s2, i2 = exact.search(queries, 10, allowed)
    assert np.array_equal(i1, i2)
    assert np.allclose(s1, s2, atol=1e-5)
    if allowed is not None:
        assert np.isin(i1, allowed).all()
    ids = np.array([5, 17, 400])
    assert np.allclose(flat.scores(queries[0], ids), exact.scores(queries[0], ids), atol=1e-5)


def test_backends_pad_when_fewer_rows_than_k() -> None:
    x = _unit(3)
    for index in (FaissIndex(384), ExactIndex(384)):
        index.add(x)
        scores, ids = index.search(x[:1], 5, np.array([0, 2]))
        assert ids[0].tolist()[2:] == [-1, -1, -1] and set(ids[0, :2].tolist()) == {0, 2}
        assert np.isneginf(scores[0, 2:]).all()


def test_unknown_backend_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown vector index backend"):
        make_vector_index("faiss.IndexHNSWFlat", 384)


# -- lexical --------------------------------------------------------------------------------


def test_analyser_stems_folds_and_drops_stopwords() -> None:
    assert analyse("The officers were trained in Perú") == ["offic", "train", "peru"]
    assert analyse("140,000 persons; 28.26% in 2023") == ["140000", "person", "28.26", "2023"]
    assert analyse("training") == analyse("trained") == ["train"]
    # short verbs keep one stem across their forms (Snowball), British spellings meet American ones
    assert analyse("hire hiring hired") == ["hire"] * 3
    assert analyse("using used uses") == ["use"] * 3
    assert analyse("organised organized organisation") == analyse("organized") * 3
    assert analyse("centre labour programme") == analyse("center labor program")


def test_quantity_focus_finds_what_a_how_many_question_counts() -> None:
    from embeddings.lexical import quantity_focus

    assert quantity_focus("How many community leaders did UNHCR train?") == ("communiti", "leader")
    assert quantity_focus("how many people applied for the amnesty?") == ("peopl", "appli")  # up to a stopword
    assert quantity_focus("What share of children were enrolled?") == ()


def test_counts_focus_needs_a_number_right_before_the_counted_thing() -> None:
    from embeddings.lexical import counted_terms, counts_focus

    focus = ("communiti", "leader")
    assert counts_focus(counted_terms("UNHCR trained 336 community leaders, of whom 70% were women."), focus)
    assert not counts_focus(counted_terms("UNHCR trained 340 government officials, staff, partners and community leaders."), focus)
    assert counts_focus(counted_terms("One thousand five hundred individuals left."), tuple(analyse("individuals")))
    assert not counts_focus(counted_terms("336 community leaders"), ())


def test_budget_and_indicator_rows_are_indexed_with_their_context(peru_doc) -> None:
    from embeddings.records import embedding_text, records_from_document

    records = {r.passage_id: r for r in records_from_document(peru_doc)}
    budget = next(row for row in peru_doc.budget if row.area.kind == "outcome")
    record = records[budget.passage_id]
    # the area's kind and the everyday words for the columns, so "how much was spent on the X outcome area" meets it
    assert "outcome area budget" in record.context
    assert {"spent", "fund", "expenditur"} <= set(analyse(record.indexed_text))
    assert embedding_text(record) == record.indexed_text  # a row means nothing without its context
    indicator = peru_doc.indicators[0]
    assert indicator.label in records[indicator.passage_id].indexed_text
    prose = next(r for r in records.values() if r.kind == "paragraph")
    assert embedding_text(prose) == prose.text
    # the row's numbers by column, for "which area had the smallest …" questions; the total has none
    assert record.table == "outcome" and dict(record.columns)["final_budget"] == budget.final_budget.value
    total = next(row for row in peru_doc.budget if row.area.code.lower() == "total")
    assert records[total.passage_id].columns == () and prose.columns == ()


def test_bm25_round_trips_without_pickle(tmp_path: Path) -> None:
    docs = ["refugees in Lima", "asylum procedures for refugees", "school enrolment of children"]
    index = LexicalIndex.build(docs)
    index.save(tmp_path)
    for npy in tmp_path.glob("*.npy"):
        np.load(npy, allow_pickle=False)  # plain arrays only
    loaded = LexicalIndex.load(tmp_path)
    terms = analyse("refugee asylum")
    assert np.allclose(index.scores(terms), loaded.scores(terms))
    assert int(np.argmax(loaded.scores(terms))) == 1


# -- the store ------------------------------------------------------------------------------


def test_index_round_trips(toy_index_dir: Path, toy_passages: list[PassageRecord]) -> None:
    manifest = json.loads((toy_index_dir / MANIFEST).read_text())
    assert manifest["model"]["sha256"] == MODEL_SHA256 and manifest["dim"] == 384
    assert manifest["ntotal"] == len(toy_passages) and set(manifest["files"]) == EXPECTED_FILES
    index = load_index(toy_index_dir, expected_dim=384)
    assert [p.passage_id for p in index.passages] == [p.passage_id for p in toy_passages]
    assert index.passages[0] == toy_passages[0]
    assert index.vectors.ntotal == len(toy_passages)


def test_build_index_embeds_and_records_the_model(tmp_path: Path, numpy_encoder, toy_passages) -> None:
    manifest = build_index(tmp_path / "idx", toy_passages[:4], numpy_encoder)
    assert manifest["model"]["sha256"] == MODEL_SHA256 and manifest["ntotal"] == 4
    assert load_index(tmp_path / "idx").vectors.ntotal == 4


@pytest.fixture
def read_index_spy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = faiss.read_index

    def spy(path, *args):
        calls.append(str(path))
        return real(path, *args)

    monkeypatch.setattr(faiss, "read_index", spy)
    return calls


@pytest.mark.parametrize("name", sorted(EXPECTED_FILES))
@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "delete"])
def test_damaged_file_is_refused_before_faiss_reads(
    toy_index_dir: Path, tmp_path: Path, read_index_spy: list[str], name: str, damage: str
) -> None:
    folder = _copy_index(toy_index_dir, tmp_path / "idx")
    path = folder / name
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x01
        path.write_bytes(bytes(data))
    elif damage == "truncate":
        path.write_bytes(bytes(data[: len(data) // 2]))
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        path.unlink()
    with pytest.raises(IndexIntegrityError) as err:
        load_index(folder)
    assert err.value.file == name
    assert name in str(err.value) and "rebuild with `reportgraph build`" in str(err.value)
    assert read_index_spy == []


def test_a_good_index_calls_faiss_once(toy_index_dir: Path, read_index_spy: list[str]) -> None:
    load_index(toy_index_dir)
    assert read_index_spy == [str(toy_index_dir / VECTORS)]


@pytest.mark.parametrize(
    "edit",
    [
        lambda m: m.update(dim=512),
        lambda m: m["model"].update(dim=512),
        lambda m: m.update(ntotal=m["ntotal"] + 1),
        lambda m: m.update(format_version=2),
        lambda m: m["files"].update({"../outside.bin": {"sha256": "0" * 64, "size": 1}}),
        lambda m: m["files"].pop("passages.jsonl"),
        lambda m: m.pop("model"),
    ],
    ids=["dim", "model-dim", "ntotal", "version", "extra-file", "missing-file", "no-model"],
)
def test_tampered_manifest_is_refused(toy_index_dir: Path, tmp_path: Path, read_index_spy, edit) -> None:
    folder = _copy_index(toy_index_dir, tmp_path / "idx")
    manifest = json.loads((folder / MANIFEST).read_text())
    edit(manifest)
    (folder / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(IndexIntegrityError, match="rebuild with `reportgraph build`"):
        load_index(folder)
    assert read_index_spy == []


@pytest.mark.parametrize("content", [b"", b"{not json", b"[]", b"\xff\xfe"])
def test_unreadable_manifest_is_refused(toy_index_dir: Path, tmp_path: Path, content: bytes) -> None:
    folder = _copy_index(toy_index_dir, tmp_path / "idx")
    (folder / MANIFEST).write_bytes(content)
    with pytest.raises(IndexIntegrityError) as err:
        load_index(folder)
    assert err.value.file == MANIFEST


def test_missing_manifest_is_refused(toy_index_dir: Path, tmp_path: Path) -> None:
    folder = _copy_index(toy_index_dir, tmp_path / "idx")
    (folder / MANIFEST).unlink()
    with pytest.raises(IndexIntegrityError, match="no index manifest"):
        load_index(folder)


def test_wrong_dimension_for_the_encoder_is_refused(toy_index_dir: Path, read_index_spy) -> None:
    with pytest.raises(IndexIntegrityError, match="dim 384 differs from the encoder's 768"):
        load_index(toy_index_dir, expected_dim=768)
    assert read_index_spy == []


def test_other_faiss_index_type_is_refused_even_with_a_matching_manifest(
    toy_index_dir: Path, tmp_path: Path, read_index_spy
) -> None:
    """Someone who can rewrite the manifest too still cannot hand FAISS another index type."""
    folder = _copy_index(toy_index_dir, tmp_path / "idx")
    manifest = json.loads((folder / MANIFEST).read_text())
    other = faiss.IndexFlatL2(384)
    other.add(_unit(manifest["ntotal"]))
    faiss.write_index(other, str(folder / VECTORS))
    import hashlib

    data = (folder / VECTORS).read_bytes()
    manifest["files"][VECTORS] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    (folder / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(IndexIntegrityError, match="not a flat inner-product index"):
        load_index(folder)
    assert read_index_spy == []


def test_extra_pickle_in_the_folder_is_never_opened(toy_index_dir: Path, tmp_path: Path, audit_recorder) -> None:
    folder = _copy_index(toy_index_dir, tmp_path / "idx")
    (folder / "index.pkl").write_bytes(b"cos\nsystem\n(S'echo owned'\ntR.")
    with audit_recorder.record() as events:
        index = load_index(folder)
    opened = [str(args[0]) for event, args in events if event == "open"]
    assert index.vectors.ntotal > 0
    assert not any(p.endswith("index.pkl") for p in opened)
    assert any(p.endswith("passages.jsonl") for p in opened)  # the hook did see our reads


def test_interrupted_write_leaves_no_manifest(tmp_path: Path, toy_passages, monkeypatch) -> None:
    def crash(self, folder):
        raise KeyboardInterrupt("killed while writing BM25 state")

    monkeypatch.setattr(LexicalIndex, "save", crash)
    with pytest.raises(KeyboardInterrupt):
        write_index(tmp_path / "idx", toy_passages, _unit(len(toy_passages)), verify_model().to_json())
    assert not (tmp_path / "idx" / MANIFEST).exists()
    with pytest.raises(IndexIntegrityError, match="no index manifest"):
        load_index(tmp_path / "idx")


@pytest.mark.parametrize("problem", ["unnormalised", "shape", "duplicate", "empty", "facts"])
def test_write_index_refuses_bad_input(tmp_path: Path, toy_passages, problem: str) -> None:
    passages, vectors, facts = list(toy_passages), _unit(len(toy_passages)), verify_model().to_json()
    if problem == "unnormalised":
        vectors = vectors * 2
    elif problem == "shape":
        vectors = vectors[:, :100]
    elif problem == "duplicate":
        passages[1] = passages[0]
    elif problem == "empty":
        passages, vectors = [], vectors[:0]
    else:
        facts.pop("sha256")
    with pytest.raises(ValueError):
        write_index(tmp_path / "idx", passages, vectors, facts)


def test_no_pickle_in_the_package() -> None:
    pattern = re.compile(r"\bimport (c?pickle|joblib|dill)\b|from (c?pickle|joblib|dill) import|allow_pickle\s*=\s*True")
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "embeddings").rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_encoding_uses_every_core_even_after_faiss_pinned_openmp_to_one(encoder, monkeypatch):
    """FAISS and torch share one OpenMP runtime: FAISS's single-thread setting must not slow builds."""
    import os

    import faiss
    import torch

    from embeddings.index.faiss import FaissIndex

    FaissIndex(encoder.dim)  # pins OpenMP to one thread for single queries
    seen: list[int] = []
    real = encoder._encode_rows
    monkeypatch.setattr(encoder, "_encode_rows", lambda texts: (seen.append(torch.get_num_threads()), real(texts))[1])
    encoder.encode(["a sentence about cash assistance"])
    assert seen == [max(1, os.cpu_count() or 1)]
    assert faiss.omp_get_max_threads() == 1  # restored for FAISS afterwards
