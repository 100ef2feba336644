"""The Streamlit app through ``AppTest``: every page's main path and its error states.

Two kinds of build: a small hostile one held in memory (XSS and markdown-image payloads in
report text and entity names; loads in milliseconds, no model), and the session's real
build of the bundled reports (``built_index``) for the main paths.
"""

from __future__ import annotations

import html as std_html
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.fixtures_app import IMG, XSS

APP = str(Path(__file__).resolve().parents[1] / "ui" / "app.py")
PAGES = ("ask", "entities", "network", "indicators", "explore", "reports")
TIMEOUT = 120


def _app(page: str = "ask", **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(query)
    at.run()
    if page != "ask":
        at.switch_page(f"screens/{page}.py").run()
    return at


def _html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.html)


def _texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "title", "header", "subheader", "error", "warning",
                                  "info", "success") for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def _no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def _assert_inert(at: AppTest) -> None:
    """Hostile text is escaped in HTML and in markdown: no tag, no image, no link from report text."""
    body = _html(at)
    assert "<img" not in body.lower()
    assert "onerror=alert" not in body.replace("onerror=alert(1)&gt;", "")  # only as escaped text
    text = _texts(at)
    # in markdown, every such character must be backslash-escaped
    assert not re.search(r"(?<!\\)<img|(?<!\\)!(?:\\)?\[t", text), text


# --- no build / broken build ----------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_no_build_says_how_to_make_one(page: str, tmp_path: Path, app_index) -> None:
    app_index(tmp_path / "empty")
    at = _app(page)
    _no_exception(at)
    messages = " ".join(e.value for e in at.error)
    assert "reportgraph build --out" in messages


def test_broken_build_names_the_fix(tmp_path: Path, app_index) -> None:
    index = tmp_path / "index"
    (index / "builds" / "b1").mkdir(parents=True)
    (index / "CURRENT").write_text("b1")
    (index / "builds" / "b1" / "manifest.json").write_text("{not json")
    app_index(index)
    at = _app("entities")
    _no_exception(at)
    assert any("rebuild with" in e.value for e in at.error), [e.value for e in at.error]


# --- hostile text is shown verbatim, never interpreted -----------------------------------------------


def test_ask_renders_hostile_citation_escaped(hostile_build, serve_build, monkeypatch) -> None:
    from qa.model import Answer, Citation
    from ui import services

    doc = next(iter(hostile_build.documents.values()))
    p = next(p for p in doc.passages if XSS in p.text)
    start = p.text.index(XSS)
    canned = Answer(
        question="q", text=f"{XSS} and {IMG}", kind="relation", confidence=0.8,
        citations=[Citation(p.id, doc.report.id, 1, (1,), "Section 1", p.text, ((start, start + len(XSS)),))],
    )
    monkeypatch.setattr(services, "knowledge_base", lambda build: object())
    monkeypatch.setattr(services, "answer", lambda q, kb, **kw: canned)
    serve_build(hostile_build)
    at = _app("ask", q=f"who {XSS}?")
    _no_exception(at)
    _assert_inert(at)
    body = _html(at)
    assert "<mark" in body and std_html.escape(XSS) in body  # the span is highlighted, as text
    assert IMG in body  # the markdown image is plain text inside HTML (no markdown pass there)
    assert at.query_params["q"] == f"who {XSS}?"
    assert at.text_input(key="ask_q").value == f"who {XSS}?"
    # the short answer is escaped markdown: backslashes before every punctuation mark
    assert any("\\<img" in s.value for s in at.subheader)


def test_entities_table_and_hostile_entity_page(hostile_build, serve_build) -> None:
    serve_build(hostile_build)
    at = _app("entities")
    _no_exception(at)
    names = list(at.dataframe[0].value["name"])
    assert "Alpha Relief Agency" in names and any(XSS in n for n in names)
    at.text_input(key="ent_q").input("relief").run()
    assert list(at.dataframe[0].value["name"]) == ["Alpha Relief Agency"]

    at = _app("entities", entity="evil")
    _no_exception(at)
    _assert_inert(at)
    assert "\\<img" in at.title[0].value
    assert std_html.escape(XSS) in _html(at)
    assert any("supports" in e.label for e in at.expander)


def test_unknown_entity_is_a_warning(hostile_build, serve_build) -> None:
    serve_build(hostile_build)
    at = _app("entities", entity="no such thing")
    _no_exception(at)
    assert at.warning and "No entity" in at.warning[0].value


def test_network_page(hostile_build, serve_build) -> None:
    serve_build(hostile_build)
    at = _app("network")
    _no_exception(at)
    _assert_inert(at)
    assert at.multiselect(key="net_types").value == ["Organization"]
    assert set(at.multiselect(key="net_preds").value) == {"coLeads", "supports"}
    table = at.dataframe[0].value
    assert set(table["relation"]) == {"co-leads", "supports"}
    at.multiselect(key="net_preds").set_value(["coLeads"]).run()
    assert list(at.dataframe[0].value["relation"]) == ["co-leads"]
    at.multiselect(key="net_types").set_value(["Location"]).run()
    assert any("No relation" in i.value for i in at.info)


def test_indicators_page_without_tables(hostile_build, serve_build) -> None:
    serve_build(hostile_build)
    at = _app("indicators")
    _no_exception(at)
    assert any("No indicator tables" in i.value for i in at.info)


def test_reports_page_lists_and_browses(hostile_build, serve_build) -> None:
    serve_build(hostile_build)
    at = _app("reports")
    _no_exception(at)
    _assert_inert(at)
    assert at.dataframe[0].value["country"][0] == "Gamma"
    assert std_html.escape(XSS) in _html(at)  # passages are listed, escaped
    at.text_input(key=f"rep_filter_{next(iter(hostile_build.documents))}").input("Beta").run()
    assert all("Beta" in std_html.unescape(re.sub("<[^>]+>", "", h.proto.body)) for h in at.html)


def test_uploads_can_be_switched_off(hostile_build, serve_build, monkeypatch) -> None:
    monkeypatch.setenv("REPORTGRAPH_ALLOW_UPLOADS", "false")
    serve_build(hostile_build)
    at = _app("reports")
    _no_exception(at)
    assert not at.file_uploader
    assert any("switched off" in i.value for i in at.info)


def _upload(at: AppTest, name: str, data: bytes, mime: str = "application/pdf") -> AppTest:
    at.file_uploader(key="upload_file").set_value((name, data, mime))
    at.button[[b.label for b in at.button].index("Add to the knowledge graph")].click()
    return at.run()


def test_bad_upload_is_refused_and_changes_nothing(hostile_build, serve_build) -> None:
    index = serve_build(hostile_build)
    before = sorted(p.relative_to(index) for p in index.rglob("*"))
    at = _upload(_app("reports"), "../../report.pdf", b"MZ\x90\x00" + b"\x00" * 500)
    _no_exception(at)
    errors = " ".join(e.value for e in at.error)
    assert "report" in errors and "PDF" in errors, errors
    assert sorted(p.relative_to(index) for p in index.rglob("*")) == before


def test_upload_over_the_size_limit_is_refused_on_the_server(hostile_build, serve_build, monkeypatch) -> None:
    monkeypatch.setenv("REPORTGRAPH_MAX_UPLOAD_MB", "1")
    index = serve_build(hostile_build)
    at = _upload(_app("reports"), "big.txt", b"a" * (1024 * 1024 + 1), "text/plain")
    _no_exception(at)
    assert any("over the limit of 1 MB" in e.value for e in at.error), [e.value for e in at.error]
    assert not (index / "uploads").exists()


def test_refused_sparql_is_a_clear_error(hostile_build, serve_build) -> None:
    pytest.importorskip("graph.sparql")
    serve_build(hostile_build)
    at = _app("explore")
    _no_exception(at)
    at.text_area(key="sparql_text").input("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    at.button[[b.label for b in at.button].index("Run query")].click().run()
    _no_exception(at)
    assert at.error and at.error[0].value.startswith("Query refused"), [e.value for e in at.error]
    at.text_area(key="sparql_text").input("SELECT WHERE {").run()
    at.button[[b.label for b in at.button].index("Run query")].click().run()
    assert at.error and at.error[0].value.startswith(("Invalid query", "Query refused")), [e.value for e in at.error]


# --- the real build of the bundled reports ---------------------------------------------------------


@pytest.fixture
def real_app(built_index: Path, app_index):
    app_index(built_index)
    return built_index


@pytest.mark.slow
def test_ask_main_path(real_app) -> None:
    at = _app("ask", q="who co-leads GTRM?")
    _no_exception(at)
    answer = at.subheader[0].value
    assert "UNHCR" in answer and "IOM" in answer, answer
    assert "<mark" in _html(at)
    assert any(b.label for b in at.button if "?" in b.label)  # example questions from the graph
    # an example question replaces the question and the URL
    example = next(b for b in at.button if b.key and b.key.startswith("ex"))
    example.click().run()
    _no_exception(at)
    assert at.query_params["q"] == at.text_input(key="ask_q").value != "who co-leads GTRM?"


@pytest.mark.slow
def test_ask_out_of_scope_abstains(real_app) -> None:
    at = _app("ask", q="What is the capital of Mongolia?")
    _no_exception(at)
    assert at.subheader[0].value == "The report does not answer this."


@pytest.mark.slow
def test_entity_page_main_path(real_app) -> None:
    at = _app("entities")
    _no_exception(at)
    table = at.dataframe[0].value
    assert "UNHCR" in set(table["acronym"]) | set(table["name"])
    at = _app("entities", entity="UNHCR")
    _no_exception(at)
    assert "UNHCR" in at.title[0].value
    assert at.expander, "relations grouped by kind"
    assert "<mark" in _html(at)


@pytest.mark.slow
def test_network_main_path(real_app) -> None:
    at = _app("network")
    _no_exception(at)
    relations = set(at.dataframe[0].value["relation"])
    assert "co-leads" in relations


@pytest.mark.slow
def test_indicators_main_path(real_app) -> None:
    at = _app("indicators")
    _no_exception(at)
    table = at.dataframe[0].value
    assert {"baseline", "target", "actual", "gap", "status"} <= set(table.columns)
    assert "28.26%" in set(table["actual"])
    assert at.get("vega_lite_chart"), "baseline/target/actual charts"
    assert any(b.label == "Download CSV" for b in at.get("download_button"))


@pytest.mark.slow
def test_explore_examples_all_return_rows(real_app) -> None:
    pytest.importorskip("graph.sparql")
    from pipeline import open_build
    from ui import services
    from ui.queries import EXAMPLES
    from ui.settings import Settings

    build = open_build(real_app)
    for name, text in EXAMPLES.items():
        table = services.run_sparql(build, text, Settings.from_env())
        assert table.rows, f"example {name!r} returned nothing"
    at = _app("explore")
    _no_exception(at)
    at.button[[b.label for b in at.button].index("Run query")].click().run()
    _no_exception(at)
    assert at.dataframe and len(at.dataframe[0].value) > 0
    assert {b.label for b in at.get("download_button")} >= {"CSV", "JSON", *services.EXPORT_FORMATS}


@pytest.mark.slow
def test_upload_joins_without_restart(built_index: Path, app_index, tmp_path: Path) -> None:
    from tests.fixtures_app import HOSTILE_REPORT

    index = tmp_path / "index"
    shutil.copytree(built_index, index)
    app_index(index)
    at = _app("reports")
    before = len(at.dataframe[0].value)
    at = _upload(at, "hostile.txt", HOSTILE_REPORT.encode("utf-8"), "text/plain")
    _no_exception(at)
    assert not at.error, [e.value for e in at.error]
    assert any("was added" in s.value for s in at.success)
    assert len(at.dataframe[0].value) == before + 1
    assert len(list((index / "uploads").glob("*.txt"))) == 1


# --- settings and configuration ----------------------------------------------------------------------


def test_streamlit_config_keeps_protections_and_upload_cap() -> None:
    """Threat model 9: the server's upload cap is within the setting; XSRF and CORS stay on."""
    import tomllib

    from ui.settings import Settings

    config = tomllib.loads((Path(APP).parents[1] / ".streamlit" / "config.toml").read_text())
    server = config["server"]
    assert server["maxUploadSize"] <= Settings().max_upload_mb
    assert server.get("enableXsrfProtection", True) is True
    assert server.get("enableCORS", True) is True
    assert server.get("headless") is True
    assert config["browser"]["gatherUsageStats"] is False


def test_index_comes_from_the_command_line_or_the_environment(monkeypatch, tmp_path: Path) -> None:
    from ui.state import app_settings

    monkeypatch.setenv("REPORTGRAPH_INDEX_DIR", str(tmp_path / "env"))
    assert app_settings(["--index", str(tmp_path / "cli")]).index_dir == tmp_path / "cli"
    assert app_settings([]).index_dir == tmp_path / "env"
    assert app_settings(["--server.port", "1", "--other"]).index_dir == tmp_path / "env"


def test_example_questions_come_from_the_graph(hostile_build) -> None:
    from ui.views import Catalogue

    questions = Catalogue(hostile_build.documents, hostile_build.extractions).example_questions()
    assert "Who co-leads BWG?" in questions
    assert {"What does ARA stand for?", "What does BWG stand for?"} & set(questions)


def test_every_export_format_downloads(hostile_build) -> None:
    pytest.importorskip("graph.export")
    from ui import services

    for fmt in services.EXPORT_FORMATS:
        data = services.export_graph(hostile_build, fmt)
        assert data and isinstance(data, bytes), fmt
        if fmt == "graphml":  # XML: the label is character data, never markup
            assert b"<img src=x" not in data and b"&lt;img src=x" in data


def test_a_failing_answer_engine_is_an_error_not_a_crash(hostile_build, serve_build, monkeypatch) -> None:
    from ui import services

    def boom(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(services, "knowledge_base", lambda build: object())
    monkeypatch.setattr(services, "answer", boom)
    serve_build(hostile_build)
    at = _app("ask", q="anything?")
    _no_exception(at)
    assert any("answer engine failed" in e.value for e in at.error)
