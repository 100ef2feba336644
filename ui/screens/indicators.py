"""Indicators and budget: baseline / target / actual per area, gaps to target, funded share per area.

Percent, count and text-scale indicators are never drawn on one axis: each unit
kind gets its own chart (text scales stay in the table). Every row links to the
passage it was read from (select a row).
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ui import safehtml, state, views

MEASURES = ["baseline", "target", "actual"]
MEASURE_COLOURS = ["#94a3b8", "#f59e0b", "#2563eb"]
TABLE_COLUMNS = ["area", "code", "indicator", "population", "baseline", "target", "actual", "unit", "gap", "status", "page"]


def _name(r: dict, repeated: bool) -> str:
    label = f"{r['indicator'][:70]}{'…' if len(r['indicator']) > 70 else ''}"
    # the same code can be printed once per population group: keep those rows apart
    return f"{r['area']} {r['code']} · {label}" + (f" ({r['population']})" if repeated else "")


def _long(rows: list[dict]) -> pd.DataFrame:
    seen: dict[tuple[str, str], int] = {}
    for r in rows:
        seen[(r["area"], r["code"])] = seen.get((r["area"], r["code"]), 0) + 1
    records = []
    for r in rows:
        name = _name(r, seen[(r["area"], r["code"])] > 1)
        for m in MEASURES:
            if r[f"{m}_value"] is not None:
                records.append({"indicator": name, "measure": m, "value": r[f"{m}_value"], "printed": r[m],
                                "population": r["population"]})
    return pd.DataFrame.from_records(records)


def _chart(rows: list[dict], kind: str) -> alt.Chart | None:
    data = _long(rows)
    if data.empty:
        return None
    percent = kind == "percent"
    scale = alt.Scale(domain=[0, 100]) if percent else alt.Scale(zero=True, nice=True)
    y = alt.Y("indicator:N", title=None, sort=None, axis=alt.Axis(labelLimit=420) if percent else None)
    x = alt.X("value:Q", title="percent" if percent else None, scale=scale)
    line = alt.Chart().mark_rule(color="#cbd5e1", strokeWidth=2).encode(x="min(value):Q", x2="max(value):Q", y=y)
    points = alt.Chart().mark_point(filled=True, size=110).encode(
        x=x, y=y,
        color=alt.Color("measure:N", scale=alt.Scale(domain=MEASURES, range=MEASURE_COLOURS),
                        legend=alt.Legend(orient="top", title=None)),
        shape=alt.Shape("measure:N", scale=alt.Scale(domain=MEASURES, range=["circle", "diamond", "square"]),
                        legend=None),
        tooltip=["indicator", "population", "measure", "printed"],
    )
    if percent:
        return alt.layer(line, points, data=data).properties(height=max(80, 34 * data["indicator"].nunique()))
    # Counts of different things (people, days …): one row each, on its own scale.
    return alt.layer(line, points, data=data).properties(height=28).facet(
        row=alt.Row("indicator:N", sort=None, title=None,
                    header=alt.Header(labelAngle=0, labelAlign="left", labelLimit=600, labelPadding=4)),
        spacing=8,
    ).resolve_scale(x="independent")


def _style_gap(df: pd.DataFrame):
    def colour(v):
        if v is None or pd.isna(v):
            return ""
        return "background-color:#fee2e2;color:#991b1b" if v < 0 else "background-color:#dcfce7;color:#166534"

    return df.style.map(colour, subset=["gap"]).format({"gap": lambda v: "" if pd.isna(v) else f"{v:+g}"})


def _source(build, report_id: str, passage_id: str, start: int, end: int, texts: list[str]) -> None:
    doc = build.documents[report_id]
    try:
        p = doc.passage(passage_id)
    except KeyError:
        st.warning("The source passage of this row is not in the build.")
        return
    spans = views.value_spans(p, texts) or [(start - p.start, end - p.start)]
    with st.container(border=True):
        st.caption(safehtml.md(" · ".join(x for x in (" › ".join(p.section), "p. " + ", ".join(map(str, p.pages))) if x)))
        safehtml.passage(p.text, spans)


def _indicators(build, report_id: str) -> None:
    doc = build.documents[report_id]
    if not doc.indicators:
        st.info("No indicator tables were found in this report.")
        return
    area_opts = [None, *[code for code, _ in views.areas(doc)]]
    titles = dict(views.areas(doc))
    area = st.selectbox("Area", area_opts, key=f"ind_area_{report_id}",
                        format_func=lambda c: "All areas" if c is None else f"{c} · {titles[c]}")
    if area:
        goal = views.area_goal(doc, area)
        if goal:
            st.caption(safehtml.md(goal))
    rows = views.indicator_rows(doc, area)
    met = sum(r["status"] == "met" for r in rows)
    below = sum(r["status"] == "below target" for r in rows)
    cols = st.columns(4)
    cols[0].metric("Indicators", len(rows))
    cols[1].metric("With a target", sum(r["target"] != "" for r in rows))
    cols[2].metric("Target met", met)
    cols[3].metric("Below target", below)

    for kind, title in (("percent", "Percent indicators"), ("number", "Count indicators (each on its own scale)")):
        subset = [r for r in rows if r["unit_kind"] == kind]
        chart = _chart(subset, kind)
        if chart is not None:
            st.markdown(f"**{title}** — baseline, target and actual")
            st.altair_chart(chart, width="stretch")
    scales = [r for r in rows if r["unit_kind"] == "scale"]
    if scales:
        st.caption(f"{len(scales)} indicator(s) use a text scale; their values are in the table.")

    df = pd.DataFrame.from_records(rows, columns=[*TABLE_COLUMNS, "passage_id", "row"])
    df["gap"] = pd.to_numeric(df["gap"], errors="coerce")  # None → NaN, so the column stays numeric
    st.markdown("**Table** — gap = actual − target (percentage points for percent units); select a row "
                "for its source passage")
    event = st.dataframe(
        _style_gap(df[TABLE_COLUMNS]), hide_index=True, width="stretch", on_select="rerun",
        selection_mode="single-row", key=f"ind_table_{report_id}_{area}", height=min(36 * (len(df) + 1) + 2, 720),
        column_config={
            "area": st.column_config.TextColumn(width=50), "code": st.column_config.TextColumn(width=50),
            "indicator": st.column_config.TextColumn(width="large"),
            "population": st.column_config.TextColumn(width="small"),
            "gap": st.column_config.Column(help="actual − target; red when below target"),
        },
    )
    st.download_button("Download CSV", df[TABLE_COLUMNS].to_csv(index=False).encode("utf-8"),
                       file_name=f"{doc.report.slug}-indicators{'-' + area if area else ''}.csv",
                       mime="text/csv", icon=":material/download:")
    picked = event.selection.rows if event is not None else []
    if picked:
        r = rows[picked[0]]
        row = doc.indicators[r["row"]]
        st.markdown(f"**Source of {safehtml.md(r['area'])} {safehtml.md(r['code'])}**")
        _source(build, report_id, row.passage_id, row.start, row.end, [r["baseline"], r["target"], r["actual"]])


def _budget(build, report_id: str) -> None:
    doc = build.documents[report_id]
    rows = views.budget_rows(doc)
    if not rows:
        st.info("No financial tables were found in this report.")
        return
    df = pd.DataFrame.from_records(rows)
    df["area name"] = df["area"] + " · " + df["title"]
    currency = df["currency"].iloc[0]
    chart = alt.Chart(df).mark_bar().encode(
        x=alt.X("funded_pct:Q", title="funds available, % of budget", scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("area name:N", sort=None, title=None, axis=alt.Axis(labelLimit=360)),
        color=alt.Color("table:N", title="table", legend=alt.Legend(orient="top")),
        tooltip=["area name", "final_budget", "funds_available", "funded_pct", "expenditure", "spent_pct"],
    ).properties(height=max(80, 26 * len(df)))
    st.markdown("**Funded share per area**")
    st.altair_chart(chart, width="stretch")
    money = df.melt(id_vars=["area name", "table"], value_vars=["final_budget", "funds_available", "expenditure"],
                    var_name="measure", value_name=currency)
    bars = alt.Chart(money).mark_bar().encode(
        x=alt.X(f"{currency}:Q", title=currency), y=alt.Y("measure:N", title=None),
        color=alt.Color("measure:N", legend=alt.Legend(orient="top", title=None)),
        row=alt.Row("area name:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
        tooltip=["area name", "measure", f"{currency}:Q"],
    ).properties(height=45)
    with st.expander(f"Budget, funds available and expenditure per area ({currency})"):
        st.altair_chart(bars)
    shown = df[["table", "area", "title", "final_budget", "funds_available", "funded_pct", "expenditure",
                "spent_pct", "page"]]
    event = st.dataframe(shown, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                         key=f"bud_table_{report_id}",
                         column_config={"funded_pct": st.column_config.ProgressColumn(
                             "funded %", min_value=0, max_value=100, format="%.2f%%")})
    st.download_button("Download CSV", shown.to_csv(index=False).encode("utf-8"),
                       file_name=f"{doc.report.slug}-budget.csv", mime="text/csv", icon=":material/download:",
                       key=f"bud_csv_{report_id}")
    picked = event.selection.rows if event is not None else []
    if picked:
        b = doc.budget[picked[0]]
        _source(build, report_id, b.passage_id, b.start, b.end, [])


def render() -> None:
    st.title("Indicators and budget")
    ctx = state.context()
    res = state.require_build(ctx)
    build = res.build
    reports = list(build.documents)
    report_id = reports[0]
    if len(reports) > 1:
        report_id = st.selectbox("Report", reports, format_func=lambda r: state.report_label(build, r),
                                 key="ind_report")
    tab_ind, tab_budget = st.tabs(["Indicators", "Budget"])
    with tab_ind:
        _indicators(build, report_id)
    with tab_budget:
        _budget(build, report_id)


render()
