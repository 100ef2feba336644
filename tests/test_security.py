"""The threat model, tested: hostile PDFs, spoofed and oddly named uploads, unsafe code patterns."""

from __future__ import annotations

import ast
import re
import resource
import shutil
import time
from pathlib import Path

import pytest

from ingest import ReadOptions, ReportError, read_bytes
from pipeline import BuildOptions, add_report, open_build
from tests import audit, hostile

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = [p for d in ("ingest", "graph", "embeddings", "qa", "pipeline", "ui") for p in (ROOT / d).rglob("*.py")]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# hostile PDFs (threat model 5) --------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [hostile.flate_bomb, hostile.circular_prev, hostile.missing_root_huge_size, hostile.unterminated_inline_image,
     lambda: hostile.truncated(hostile.small_valid_pdf(["Section 1: A\n\nSome text here."] * 3))],
    ids=["flate-bomb", "circular-prev", "missing-root", "inline-image", "truncated"],
)
def test_hostile_pdfs_end_in_a_clear_refusal_and_do_not_hurt_the_parent(make):
    data = make()
    rss = _rss_mb()
    t0 = time.monotonic()
    try:
        doc = read_bytes(data, "hostile.pdf", options=ReadOptions(pdf_timeout_s=20))
    except ReportError as exc:
        assert "\n" not in str(exc) and str(exc)
    else:  # pypdf may recover some files: then nothing bad may come out of them
        assert len(doc.text) < 1_000_000
    assert time.monotonic() - t0 < 60
    assert _rss_mb() - rss < 200  # the bomb inflates in the child, not here
    ok = read_bytes(hostile.small_valid_pdf(["Section 1: After\n\nA normal report still reads."]), "ok.pdf")
    assert "normal report" in ok.text


def test_pdf_page_cap_and_time_limit_are_settings():
    many = hostile.small_valid_pdf([f"Page {i} text." for i in range(12)])
    with pytest.raises(ReportError, match="over the limit of 5"):
        read_bytes(many, "many.pdf", options=ReadOptions(max_pages=5))
    with pytest.raises(ReportError, match="longer than"):
        read_bytes(hostile.flate_bomb(400), "slow.pdf", options=ReadOptions(pdf_timeout_s=0.05))


def test_pdf_reader_disables_the_external_jbig2_tool():
    source = (ROOT / "ingest" / "pdf.py").read_text()
    assert "JBIG2DEC_BINARY = None" in source


# uploads: spoofing and path tricks (threat model 7, 8) --------------------------------------------------


def test_file_type_is_sniffed_not_taken_from_the_name(tmp_path):
    with pytest.raises(ReportError, match="not a PDF"):
        read_bytes(hostile.EXE_BYTES, "report.pdf")
    with pytest.raises(ReportError):
        add_report(hostile.EXE_BYTES, "report.pdf", tmp_path / "idx")
    assert not (tmp_path / "idx" / "uploads").exists() or not any((tmp_path / "idx" / "uploads").iterdir())


@pytest.mark.parametrize("name", ["../../x.pdf", "a.pdf:evil", "CON.pdf", "\x00.pdf", "x" * 300 + ".pdf", "/etc/passwd"])
def test_uploads_land_under_their_checksum_whatever_their_name(tmp_path, built_index, name):
    index = tmp_path / "idx"
    shutil.copytree(built_index, index, ignore=shutil.ignore_patterns(".lock"))
    before = {p for p in tmp_path.rglob("*")}
    data = hostile.small_valid_pdf(["Section 1: Uploaded\n\nThe Water Board partnered with UNICEF in 2031."])
    result = add_report(data, name, index, BuildOptions())
    assert result.build_id
    uploads = list((index / "uploads").iterdir())
    assert len(uploads) == 1 and re.fullmatch(r"[0-9a-f]{64}\.pdf", uploads[0].name)
    outside = {p for p in tmp_path.rglob("*")} - before
    assert all(index in p.parents or p == index for p in outside)
    assert len(open_build(index).reports) == 3
    again = add_report(data, "other-name.pdf", index, BuildOptions())  # the same bytes: idempotent
    assert len(again.reports) == 3 and len(list((index / "uploads").iterdir())) == 1


def test_upload_over_the_limit_is_refused_before_anything_is_written(tmp_path):
    options = BuildOptions(read=ReadOptions(max_bytes=1000))
    with pytest.raises(ReportError, match="over the limit"):
        add_report(b"Section 1: A\n\n" + b"x. " * 1000, "big.txt", tmp_path / "idx", options)
    assert not (tmp_path / "idx").exists()


def test_bad_upload_leaves_the_published_build_untouched(tmp_path, built_index):
    index = tmp_path / "idx"
    shutil.copytree(built_index, index, ignore=shutil.ignore_patterns(".lock"))
    current = (index / "CURRENT").read_text()
    for data, name in ((b"", "empty.txt"), (b"%PDF-1.4 broken", "broken.pdf"), (b"\x00\x01", "bin.md")):
        with pytest.raises(ReportError):
            add_report(data, name, index, BuildOptions())
    assert (index / "CURRENT").read_text() == current
    open_build(index)  # still verifies


# static checks (threat model 12, 15, 17, 18) ---------------------------------------------------------------


def test_no_pickle_anywhere_in_the_library():
    pattern = re.compile(r"\bimport (c?pickle|dill|joblib)\b|pickle\.loads?\(|allow_pickle\s*=\s*True")
    hits = [f"{p.relative_to(ROOT)}:{n}" for p in LIBRARY for n, line in enumerate(p.read_text().splitlines(), 1)
            if pattern.search(line)]
    assert not hits, hits


def test_no_remote_code_from_models():
    hits = [str(p.relative_to(ROOT)) for p in LIBRARY if re.search(r"trust_remote_code\s*=\s*True", p.read_text())]
    assert not hits


def test_rdf_is_parsed_from_bytes_with_an_explicit_format():
    """Graph.parse(source=…) resolves strings as paths or URLs (RDFLib #1844): only data= and format=."""
    offenders = []
    for path in LIBRARY:
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "parse":
                kwargs = {k.arg for k in node.keywords}
                owner = ast.unparse(node.func.value)
                if owner in {"json", "ast", "parser", "argparse", "urlparse"} or "parser" in owner:
                    continue
                if "data" not in kwargs or "format" not in kwargs or node.args:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert not offenders, offenders


def test_encoder_kinds_are_a_closed_list_and_never_import_dotted_paths():
    import sys

    from embeddings.encoder import make_encoder

    before = set(sys.modules)
    for bad in ("os.system", "subprocess:Popen", "builtins.eval"):
        with pytest.raises(ValueError, match="unknown encoder"):
            make_encoder(bad)
    assert set(sys.modules) - before == set()


def test_streamlit_config_keeps_protections_and_caps_uploads():
    import tomllib

    from ui.settings import Settings

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    server = config.get("server", {})
    assert server.get("maxUploadSize", 200) <= Settings().max_upload_mb
    assert server.get("enableXsrfProtection", True) is not False
    assert server.get("enableCORS", True) is not False


def test_nothing_reached_outside_loopback_so_far():
    assert audit.violations == []


def test_every_setting_is_listed_by_the_cli(capsys):
    from ui.cli import main
    from ui.settings import Settings

    assert main(["settings"]) == 0
    out = capsys.readouterr().out
    for name, _default, _ in Settings.describe():
        assert name in out and f"REPORTGRAPH_{name.upper()}" in out
