"""Explore: the read-only SPARQL console (the same gateway as the CLI) and whole-graph downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import safehtml, services, state
from ui.queries import EXAMPLES


def _pick_example() -> None:
    name = st.session_state.get("sparql_example")
    if name in EXAMPLES:
        st.session_state["sparql_text"] = EXAMPLES[name]


def _console(build, settings) -> None:
    st.subheader("SPARQL")
    st.caption(f"Read-only. Stopped after {settings.sparql_time_limit_ms} ms; at most "
               f"{settings.max_returned_rows} rows; no SERVICE, FROM or updates.")
    if "sparql_text" not in st.session_state:
        st.session_state["sparql_text"] = next(iter(EXAMPLES.values()))
    st.selectbox("Example queries", list(EXAMPLES), key="sparql_example", on_change=_pick_example,
                 index=None, placeholder="Pick an example…")
    with st.form("sparql", border=False):
        text = st.text_area("Query", key="sparql_text", height=260)
        run = st.form_submit_button("Run query", type="primary", icon=":material/play_arrow:")
    if run:
        st.session_state["sparql_last"] = text
    text = st.session_state.get("sparql_last")
    if not text:
        return
    try:
        with st.spinner("Running…"):
            table = services.run_sparql(build, text, settings)
    except services.QueryFailed as exc:
        title = {"refused": "Query refused", "timeout": "Query timed out", "invalid": "Invalid query",
                 "failed": "Query failed"}.get(exc.kind, "Query failed")
        st.error(f"{title}: {safehtml.md(exc)}")
        return
    except services.ServiceUnavailable as exc:
        st.error(f"The SPARQL gateway is not available: {exc}")
        return
    if table.boolean is not None:
        st.success(f"ASK: {table.boolean}")
        return
    if table.turtle is not None:
        st.code(table.turtle[:200_000], language="turtle")
        st.download_button("Turtle", table.turtle.encode("utf-8"), file_name="query.ttl", mime="text/turtle",
                           icon=":material/download:")
        return
    df = pd.DataFrame(table.rows, columns=table.columns)
    info = f"{len(df)} row{'s' if len(df) != 1 else ''}"
    if table.elapsed_ms is not None:
        info += f" in {table.elapsed_ms:.0f} ms"
    st.caption(info)
    if table.truncated:
        st.warning(f"Only the first {settings.max_returned_rows} rows are shown (setting max_returned_rows).")
    st.dataframe(df, hide_index=True, width="stretch")
    cols = st.container(horizontal=True, gap="small")
    cols.download_button("CSV", df.to_csv(index=False).encode("utf-8"), file_name="query.csv",
                            mime="text/csv", icon=":material/download:")
    cols.download_button("JSON", services.table_json(table), file_name="query.json",
                            mime="application/json", icon=":material/download:")


def _exports(build) -> None:
    st.subheader("Download the whole graph")
    st.caption("Every report's named graph plus the vocabulary. Files are made when you click.")
    row = st.container(horizontal=True, gap="small")
    for fmt, (ext, mime) in services.EXPORT_FORMATS.items():
        # A callable is run only on click: seven serialisations per rerun would be wasted work.
        row.download_button(fmt, (lambda f=fmt: services.export_graph(build, f)),
                                file_name=f"reportgraph-{build.id}.{ext}", mime=mime,
                                icon=":material/download:", key=f"export_{fmt}", on_click="ignore")


def render() -> None:
    st.title("Explore the graph")
    ctx = state.context()
    res = state.require_build(ctx)
    _console(res.build, ctx.settings)
    st.divider()
    _exports(res.build)


render()
