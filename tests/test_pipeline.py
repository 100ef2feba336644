"""Builds on disk: atomic publish, faults survived, integrity checks, CLI contracts and exit codes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pipeline import BuildIntegrityError, BuildNotFound, BuildOptions, build, open_build
from pipeline import manifest as mf
from ui.cli import main

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent / "reportgraph"


def _copy_index(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".lock"))
    return dst


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# contracts ----------------------------------------------------------------------------------------


def test_passages_json_contract(built_index, capsys):
    code, out, _ = _cli(capsys, "passages", "--json", "--index", str(built_index))
    rows = json.loads(out)
    assert code == 0 and rows
    assert set(rows[0]) == {"passage_id", "report", "section", "pages", "page_inferred", "start", "end", "text"}
    assert all(isinstance(p, int) for r in rows for p in r["pages"])


def test_indicators_and_budget_json_contracts(built_index, capsys, peru_doc):
    code, out, _ = _cli(capsys, "indicators", "--json", "--index", str(built_index), "--report", peru_doc.report.id)
    rows = json.loads(out)
    assert code == 0 and len(rows) == 28
    row = next(r for r in rows if r["area"]["code"] == "OA1" and r["code"] == "1.1")
    assert row["target"] == {"text": "100.00%", "value": 100.0}
    assert {"code", "label", "area", "population", "baseline", "target", "actual", "unit", "pages", "passage_id"} <= set(row)
    code, out, _ = _cli(capsys, "budget", "--json", "--index", str(built_index), "--report", peru_doc.report.slug)
    rows = json.loads(out)
    assert len(rows) == 14 and rows[0]["funds_available_pct"]["text"].endswith("%")
    assert {"area", "final_budget", "funds_available", "funds_available_pct", "expenditure", "expenditure_pct"} <= set(rows[0])


def test_reports_listing_and_unknown_report(built_index, capsys):
    code, out, _ = _cli(capsys, "reports", "--json", "--index", str(built_index))
    assert code == 0 and {r["country"] for r in json.loads(out)} == {"Peru", "Marovia"}
    code, out, err = _cli(capsys, "passages", "--json", "--index", str(built_index), "--report", "nope")
    assert code == 2 and err.startswith("error: ") and err.count("\n") == 1


def test_missing_build_is_one_clear_error(tmp_path, capsys):
    code, _, err = _cli(capsys, "reports", "--index", str(tmp_path / "none"))
    assert code == 2 and "reportgraph build" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("content", "name", "reason"),
    [(b"", "empty.txt", "empty file"), (b"\x00\x01\x02binary", "bin.txt", "binary"), (b"%PDF-1.4\n%trunc", "cut.pdf", "PDF"),
     (b"words", "notes.xyz", None)],
)
def test_build_of_a_bad_file_exits_2_with_one_line(tmp_path, capsys, content, name, reason):
    path = tmp_path / name
    path.write_bytes(content)
    code, _, err = _cli(capsys, "build", str(path), "--out", str(tmp_path / "idx"))
    assert code == 2 and err.startswith("error: ") and str(path) in err
    assert "Traceback" not in err
    if reason:
        assert reason in err


def test_empty_folder_and_missing_path(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, _, err = _cli(capsys, "build", str(tmp_path / "empty"), "--out", str(tmp_path / "idx"))
    assert code == 2 and "no report files" in err
    code, _, err = _cli(capsys, "build", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "idx"))
    assert code == 2 and "no such file" in err


def test_partial_failure_builds_the_rest_and_names_each_failure(tmp_path, capsys, built_index, peru_path):
    index = _copy_index(built_index, tmp_path / "idx")  # its vector cache makes this build cheap
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(peru_path, folder / peru_path.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "fake.pdf").write_bytes(b"MZ not a pdf")
    before = (index / mf.CURRENT).read_text()
    code, _, err = _cli(capsys, "build", str(folder), "--out", str(index))
    assert code == 2
    assert "empty.txt: empty file" in err and "fake.pdf: not a PDF" in err
    assert (index / mf.CURRENT).read_text() != before
    b = open_build(index)
    assert [r["slug"] for r in b.reports] == ["unhcr-arr-2023-peru"]
    assert {f["file"].split("/")[-1] for f in b.manifest["failures"]} == {"empty.txt", "fake.pdf"}


# atomic publish and faults --------------------------------------------------------------------------


@pytest.mark.parametrize("stage", ["read", "extract", "graph", "embed", "index"])
def test_build_killed_at_a_stage_leaves_the_previous_build_serving(tmp_path, built_index, peru_path, stage):
    index = _copy_index(built_index, tmp_path / "idx")
    before = (index / mf.CURRENT).read_text()
    env = {**os.environ, "REPORTGRAPH_TEST_PAUSE_AFTER": f"{stage}:60"}
    proc = subprocess.Popen([str(BIN), "build", str(peru_path), "--out", str(index)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    marker = None
    while time.monotonic() < deadline and marker is None:
        marker = next((index / "builds").glob(f"*.tmp/.paused-{stage}"), None)
        time.sleep(0.1)
    assert marker is not None, f"the build never reached the end of stage {stage}"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert (index / mf.CURRENT).read_text() == before
    served = open_build(index)  # verifies every checksum
    assert served.id == before.strip() and served.documents
    result = build([peru_path], index, BuildOptions())
    assert result.build_id and not list((index / "builds").glob("*.tmp"))


def _flip_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "delete"])
@pytest.mark.parametrize("artefact", ["graph.nq", "index/vectors.faiss", "documents", "manifest.json"])
def test_corrupted_artefacts_are_named_with_the_fix(tmp_path, built_index, artefact, damage):
    index = _copy_index(built_index, tmp_path / "idx")
    current = mf.current_build(index)
    path = next((current / "documents").iterdir()) if artefact == "documents" else current / artefact
    if damage == "flip":
        _flip_byte(path)
    elif damage == "truncate":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        path.unlink()
    with pytest.raises(BuildIntegrityError) as info:
        b = open_build(index)
        b.searcher  # noqa: B018 - loading the index is part of opening for a reader
    message = str(info.value)
    assert "rebuild with `reportgraph build" in message
    assert path.name in message or "manifest" in message


def test_loader_runs_in_a_subprocess_without_crashing_on_random_bytes(tmp_path, built_index):
    index = _copy_index(built_index, tmp_path / "idx")
    vec = mf.current_build(index) / "index" / "vectors.faiss"
    vec.write_bytes(os.urandom(vec.stat().st_size))
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r})\nfrom pipeline import open_build\nopen_build({str(index)!r}).searcher"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "BuildIntegrityError" in proc.stderr  # an exception, not a signal


def test_readers_keep_working_while_builds_are_published(tmp_path, built_index, peru_path):
    index = _copy_index(built_index, tmp_path / "idx")
    errors: list[str] = []
    seen: set[str] = set()
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            try:
                b = open_build(index)
                hits = b.searcher.search("cash assistance for households", k=3)
                assert all(h.passage_id in {p.id for d in b.documents.values() for p in d.passages} for h in hits)
                seen.add(b.id)
            except Exception as exc:  # noqa: BLE001 - every failure is the finding
                errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        for _ in range(2):
            assert build([peru_path], index, BuildOptions(keep_builds=5)).build_id
    finally:
        stop.set()
        for t in threads:
            t.join(60)
    assert not errors, errors[:3]
    assert len(seen) >= 2


def test_no_descriptor_or_thread_leak_over_many_opens(built_index):
    def fds() -> int:
        return len(os.listdir("/proc/self/fd"))

    b = open_build(built_index)
    b.searcher.search("warm", k=1)
    start_fds, start_threads = fds(), threading.active_count()
    for _ in range(100):
        b = open_build(built_index)
        b.searcher.search("health centres", k=2)
    assert fds() <= start_fds + 2
    assert threading.active_count() <= start_threads + 2


def test_up_to_date_build_is_skipped(tmp_path, built_index, peru_path, capsys):
    index = _copy_index(built_index, tmp_path / "idx")
    marovia = ROOT / "tests" / "data" / "reports" / "unhcr-arr-2025-marovia.txt"
    before = (index / mf.CURRENT).read_text()
    code, _, err = _cli(capsys, "build", str(peru_path), str(marovia), "--out", str(index), "--if-stale")
    assert code == 0 and "up to date" in err and (index / mf.CURRENT).read_text() == before


def test_a_build_made_by_other_code_is_stale(tmp_path, built_index, peru_path, monkeypatch):
    """After an upgrade of the extractor, `make run` must rebuild, not serve the old graph."""
    import importlib

    from pipeline.build import BuildOptions, is_up_to_date

    build_mod = importlib.import_module("pipeline.build")  # the module (the package re-exports a function of that name)

    index = _copy_index(built_index, tmp_path / "idx")
    marovia = ROOT / "tests" / "data" / "reports" / "unhcr-arr-2025-marovia.txt"
    assert is_up_to_date(index, [peru_path, marovia], BuildOptions())
    monkeypatch.setattr(build_mod, "code_fingerprint", lambda: "0" * 64)
    assert not is_up_to_date(index, [peru_path, marovia], BuildOptions())


def test_missing_index_is_reported_by_open_build(tmp_path):
    with pytest.raises(BuildNotFound, match="reportgraph build"):
        open_build(tmp_path)


def test_reports_remove_rebuilds_without_it(tmp_path, built_index, capsys):
    index = _copy_index(built_index, tmp_path / "idx")
    code, out, _ = _cli(capsys, "reports", "--json", "--index", str(index))
    marovia = next(r for r in json.loads(out) if r["country"] == "Marovia")
    code, _, err = _cli(capsys, "reports", "--remove", marovia["slug"], "--index", str(index))
    assert code == 0 and "1 report(s) remain" in err
    assert [r["meta"]["country"] for r in open_build(index).reports] == ["Peru"]
    code, _, err = _cli(capsys, "reports", "--remove", "no-such-report", "--index", str(index))
    assert code == 2 and err.startswith("error: ")
