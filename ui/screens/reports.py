"""Reports: what is loaded (metadata, counts, sections, passages) and uploading a new report.

An upload is checked for size here (the server-side limit, whatever the browser
says), stored under its checksum by ``pipeline.add_report``, built with the
existing reports and published atomically; the app then picks up the new build
without a restart. A bad file leaves the published build untouched.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui import safehtml, services, state, views

STAGE_NAMES = {"read": "Reading", "extract": "Extracting entities and relations", "graph": "Building the graph",
               "embed": "Embedding passages", "index": "Indexing", "publish": "Publishing"}
STAGE_SPAN = {"read": (0.0, 0.1), "extract": (0.1, 0.3), "graph": (0.3, 0.4), "embed": (0.4, 0.9),
              "index": (0.9, 0.95), "publish": (0.95, 1.0)}
PER_PAGE = 25


def _reports_table(build) -> None:
    rows = []
    for r in build.manifest.get("reports", []):
        meta = r.get("meta", {})
        counts = r.get("counts", {})
        rows.append({
            "title": meta.get("title") or r.get("slug"), "publisher": meta.get("publisher", ""),
            "country": meta.get("country", ""), "year": meta.get("year"), "published": meta.get("published", ""),
            "file": r.get("file_name", ""), "id": r.get("id"), **counts,
        })
    st.dataframe(rows, hide_index=True, width="stretch")
    m = build.manifest
    model = m.get("model", {})
    st.caption(safehtml.md(f"Build {build.id} · created {m.get('created', '?')} · "
                       f"{m.get('counts', {}).get('triples', '?')} triples · model {model.get('name', '?')}"))
    for r in m.get("reports", []):
        for w in r.get("warnings", []):
            st.caption(safehtml.md(f"{r.get('slug')}: {w}"))


def _upload(ctx: state.Context) -> None:
    settings = ctx.settings
    st.subheader("Add a report")
    if not settings.allow_uploads:
        st.info("Uploads are switched off on this server (setting allow_uploads). "
                "Add reports with `reportgraph build`.")
        return
    st.caption(f"PDF, plain text or markdown, up to {settings.max_upload_mb} MB. It joins the graph and the "
               "search index; the reports already loaded stay as they are.")
    with st.form("upload", clear_on_submit=True, border=False):
        uploaded = st.file_uploader("Report file", type=["pdf", "txt", "md"], key="upload_file",
                                    max_upload_size=settings.max_upload_mb)
        submitted = st.form_submit_button("Add to the knowledge graph", type="primary", icon=":material/upload:")
    if not submitted or uploaded is None:
        return
    name = uploaded.name
    # The browser's limit can be bypassed: check again on the server before reading the bytes.
    if uploaded.size > services.max_upload_bytes(settings):
        st.error(f"{safehtml.md(name)}: file is over the limit of {settings.max_upload_mb} MB (setting max_upload_mb)")
        return
    data = uploaded.getvalue()
    lock = state.upload_lock()
    if not lock.acquire(blocking=False):
        st.warning("Another report is being added right now; try again in a minute.")
        return
    try:
        bar = st.progress(0.0, text="Reading…")

        def progress(stage: str, done: int, total: int) -> None:
            lo, hi = STAGE_SPAN.get(stage, (0.0, 1.0))
            frac = lo + (hi - lo) * (done / total if total else 1.0)
            bar.progress(min(1.0, frac), text=f"{STAGE_NAMES.get(stage, stage)}… ({done}/{total})")

        try:
            result = services.add_report(data, name, settings.index_dir, settings, progress)
        except services.report_error_types() as exc:
            bar.empty()
            st.error(f"{safehtml.md(name)}: {safehtml.md(getattr(exc, 'reason', None) or exc)}")
            st.caption("Nothing was changed: the reports already loaded are still served.")
            return
    finally:
        lock.release()
    if result.failures:
        bar.empty()
        for file, reason in result.failures:
            shown = name if "/uploads/" in file.replace("\\", "/") else file.rsplit("/", 1)[-1]
            st.error(f"{safehtml.md(shown)}: {safehtml.md(reason)}")
        if result.build_id is None:
            st.caption("Nothing was published: the reports already loaded are still served.")
            return
        st.session_state["upload_problems"] = [f"{Path(f).name}: {r}" for f, r in result.failures]
    bar.progress(1.0, text="Done")
    st.session_state["upload_done"] = f"{name} was added (build {result.build_id})."
    st.rerun()


def _browse(build) -> None:
    st.subheader("Sections and passages")
    reports = list(build.documents)
    rid = reports[0]
    if len(reports) > 1:
        rid = st.selectbox("Report", reports, format_func=lambda r: state.report_label(build, r), key="rep_pick")
    doc = build.documents[rid]
    counts = views.report_counts(doc, build.extractions.get(rid))
    cols = st.columns(len(counts))
    for i, (k, v) in enumerate(counts.items()):
        cols[i].metric(k, v)
    titles = {s.id: s for s in doc.sections}
    options = [None, *[s.id for s in doc.sections]]
    section = st.selectbox(
        "Section", options, key=f"rep_section_{rid}",
        format_func=lambda sid: "Whole report" if sid is None
        else "\u2003" * max(0, titles[sid].level - 1) + titles[sid].title,
    )
    needle = st.text_input("Filter passages", key=f"rep_filter_{rid}").strip().lower()
    shown = [p for p in doc.passages
             if (section is None or p.section_id == section or _inside(titles, p.section_id, section))
             and (not needle or needle in p.text.lower())]
    pages = max(1, -(-len(shown) // PER_PAGE))
    cols = st.columns([4, 1], vertical_alignment="bottom")
    cols[0].caption(f"{len(shown)} passage{'s' if len(shown) != 1 else ''}")
    n = cols[1].number_input(f"Page (of {pages})", 1, pages, 1, key=f"rep_page_{rid}_{section}_{needle}") if pages > 1 else 1
    for p in shown[(n - 1) * PER_PAGE : n * PER_PAGE]:
        with st.container(border=True):
            st.caption(safehtml.md(" › ".join(p.section) + f" · p. {', '.join(map(str, p.pages))}"
                               + (" (inferred)" if p.page_inferred else "") + f" · {p.kind}"))
            safehtml.passage(p.text)


def _inside(sections: dict, sid: str | None, ancestor: str) -> bool:
    seen = set()
    while sid is not None and sid not in seen:
        seen.add(sid)
        if sid == ancestor:
            return True
        s = sections.get(sid)
        sid = s.parent if s is not None else None
    return False


def _passage(build, passage_id: str) -> bool:
    for doc in build.documents.values():
        for p in doc.passages:
            if p.id == passage_id:
                st.subheader("Passage")
                with st.container(border=True):
                    st.caption(safehtml.md(state.report_label(build, p.report) + " · " + " › ".join(p.section)
                                       + f" · p. {', '.join(map(str, p.pages))}"))
                    safehtml.passage(p.text)
                return True
    return False


def render() -> None:
    st.title("Reports")
    ctx = state.context()
    done = st.session_state.pop("upload_done", None)
    if done:
        st.success(safehtml.md(done))
    for problem in st.session_state.pop("upload_problems", []):
        st.warning(safehtml.md(problem))
    if ctx.resources is None:
        st.error(ctx.error or "No build.")
        _upload(ctx)
        return
    build = ctx.build
    pid = st.query_params.get("passage")
    if pid and not _passage(build, pid):
        st.warning(f"No passage {safehtml.md(pid)} in this build.")
    _reports_table(build)
    _upload(ctx)
    st.divider()
    _browse(build)


render()
