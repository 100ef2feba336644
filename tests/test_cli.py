"""The `reportgraph` command line: JSON contracts, batch modes, exit codes, one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ui.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out.startswith("reportgraph ")


def test_ask_json_cites_and_highlights_the_co_leads(built_index, capsys):
    code, out, _ = run(capsys, "ask", "who co-leads GTRM?", "--json", "--index", str(built_index))
    data = json.loads(out)
    assert code == 0 and data["kind"] == "relation"
    assert "UNHCR" in data["answer"] and "IOM" in data["answer"]
    first = data["citations"][0]
    assert {"passage_id", "report", "page", "section", "text", "highlights", "score"} <= set(first)
    assert isinstance(first["page"], int)
    spans = [first["text"][s:e] for s, e in first["highlights"]]
    assert any("UNHCR" in s for s in spans) and any("IOM" in s for s in spans)
    assert all(t["s"].startswith("http") and t["p"].startswith("http") for t in data["triples"])


def test_ask_batch_keeps_input_order_and_reports_bad_lines(built_index, capsys, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "question": "what does CEPR stand for?"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "b", "question": "what is the capital of the moon?"}) + "\n"
        + json.dumps({"id": "c", "nothing": 1}) + "\n"
    )
    code, out, _ = run(capsys, "ask", "--batch", str(batch), "--json", "--index", str(built_index))
    lines = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and len(lines) == 4
    assert lines[0]["id"] == "a" and "Special Commission for Refugees" in lines[0]["answer"]
    assert "error" in lines[1] and "error" in lines[3]
    assert lines[2]["id"] == "b" and lines[2]["answer"] is None


def test_search_batch_contract(built_index, capsys, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text("\n".join(json.dumps({"id": i, "question": q}) for i, q in enumerate(["cash grants", "resettlement"])))
    code, out, _ = run(capsys, "search", "--batch", str(batch), "--json", "-k", "3", "--index", str(built_index))
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["id"] for x in lines] == [0, 1]
    hit = lines[0]["hits"][0]
    assert {"passage_id", "text", "report", "page", "section", "score"} <= set(hit) and len(lines[0]["hits"]) == 3


def test_entity_shows_co_leads_with_sentence_page_and_span(built_index, capsys):
    code, out, _ = run(capsys, "entity", "GTRM", "--json", "--index", str(built_index))
    data = json.loads(out)
    co = [r for r in data["relations"] if r["predicate"] == "coLeads"]
    leaders = {r["subject"] for r in co}
    assert any("Refugees" in s or s == "UNHCR" for s in leaders) and any("Migration" in s or s == "IOM" for s in leaders)
    for r in co:
        assert r["page"] >= 1 and r["end"] > r["start"] and "co-lead" in r["evidence"]


def test_entities_listing_contract(built_index, capsys):
    code, out, _ = run(capsys, "entities", "--json", "--type", "Organization", "--index", str(built_index))
    rows = json.loads(out)
    assert code == 0 and rows and all(r["type"] == "Organization" for r in rows)
    assert set(rows[0]) == {"iri", "type", "label", "aliases", "mentions", "relations"}
    cepr = [r for r in rows if "CEPR" in r["aliases"] or r["label"] == "CEPR"]
    assert len(cepr) == 1 and any("Special Commission" in a for a in [cepr[0]["label"], *cepr[0]["aliases"]])


def test_export_csv_header_and_rows(built_index, capsys):
    code, out, _ = run(capsys, "export", "--format", "csv", "--index", str(built_index))
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["subject", "subject_label", "subject_type", "predicate", "object", "object_label",
                       "object_type", "report", "passage_id", "page", "evidence", "confidence"]
    assert len(rows) > 50 and all(r[0].startswith("http") and r[9].isdigit() for r in rows[1:])


def test_export_to_a_file(built_index, capsys, tmp_path):
    target = tmp_path / "graph.ttl"
    code, _, err = run(capsys, "export", "--format", "turtle", "-o", str(target), "--index", str(built_index))
    assert code == 0 and target.stat().st_size > 1000 and "wrote" in err


def test_sparql_results_formats_and_refusals(built_index, capsys):
    q = "PREFIX rg: <https://w3id.org/reportgraph/vocab#> SELECT ?s ?o WHERE { ?s rg:coLeads ?o } LIMIT 5"
    code, out, _ = run(capsys, "sparql", q, "--format", "json", "--index", str(built_index))
    data = json.loads(out)
    assert code == 0 and data["head"]["vars"] == ["s", "o"] and data["results"]["bindings"]
    code, _, err = run(capsys, "sparql", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "--index", str(built_index))
    assert code == 2 and err.startswith("error: query refused") and err.count("\n") == 1
    code, _, err = run(capsys, "sparql", "INSERT DATA { <a:b> <a:c> <a:d> }", "--index", str(built_index))
    assert code == 2


def test_build_prints_no_progress_bar_when_stderr_is_not_a_terminal(built_index, capsys, tmp_path, peru_path):
    import shutil

    index = tmp_path / "idx"
    shutil.copytree(built_index, index, ignore=shutil.ignore_patterns(".lock"))
    code, _, err = run(capsys, "build", str(peru_path), "--out", str(index))
    assert code == 0 and "it/s" not in err and "%|" not in err and err.startswith("built 1 report")


def test_eval_figures_compares_hand_and_fitted_ranking_per_left_out_report(built_index, capsys):
    data = Path(__file__).parent / "data"
    sets = [str(data / name) for name in ("questions-peru.jsonl", "questions-marovia.jsonl")]
    code, out, _ = run(capsys, "eval-figures", *sets, "--json", "--index", str(built_index))
    result = json.loads(out)
    assert code == 0 and result["groups"] >= 4
    rows = {r["report"]: r for r in result["cross_validation"]}
    assert set(rows) == {"unhcr-arr-2023-peru", "unhcr-arr-2025-marovia"}
    assert all(0.0 <= r["hand"] <= 1.0 and 0.0 <= r["learned"] <= 1.0 for r in rows.values())
    assert result["weights"]
