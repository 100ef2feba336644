"""Network: who works with whom, as an interactive graph (streamlit-cytoscape, bundled Cytoscape.js).

Why streamlit-cytoscape: it ships Cytoscape.js and its layouts inside the wheel (no CDN,
works offline), builds its info panel with DOM text nodes (st-link-analysis 0.4 writes
element data with ``innerHTML``, an XSS sink for report text), and has info-panel action
buttons, which give "open the entity page" and "show the evidence" without extra JS.
"""

from __future__ import annotations

import streamlit as st
from streamlit_cytoscape import EdgeStyle, Event, InfopanelAction, NodeStyle, streamlit_cytoscape

from graph.model import PREDICATES
from ui import safehtml, state
from ui.views import Catalogue, RelationView, predicate_label

ENTITY_PAGE = "screens/entities.py"
TYPE_COLOURS = {
    "Organization": "#1e3a8a", "Programme": "#16a34a", "Location": "#ea580c", "Event": "#9333ea",
    "Area": "#0891b2", "Indicator": "#64748b", "PopulationGroup": "#db2777",
}
EDGE_PALETTE = (  # well-separated hues (after Sasha Trubetskoy's list), most distinct first
    "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324",
    "#469990", "#800000", "#808000", "#a9a9a9", "#d4a017", "#2e8b57", "#e75480", "#000075",
    "#7cb518", "#8a63d2", "#e9967a",
)


def predicate_colours(relations: list[RelationView]) -> dict[str, str]:
    """A distinct colour per relation kind in view; stable while kinds are switched on and off."""
    present = sorted({rv.predicate for rv in relations}, key=lambda p: PREDICATES.index(p) if p in PREDICATES else 99)
    return {p: EDGE_PALETTE[i % len(EDGE_PALETTE)] for i, p in enumerate(present)}


def _inert(text: str) -> str:
    # The component shows values as text, but turns literal <a href> markup into links: keep report text inert.
    return text.replace("<", "\u2039").replace(">", "\u203a")


def _elements(catalogue: Catalogue, edges: list[RelationView]) -> dict:
    uids = sorted({e.subject for e in edges} | {e.object for e in edges})
    degree: dict[str, int] = {}
    for e in edges:
        degree[e.subject] = degree.get(e.subject, 0) + 1
        degree[e.object] = degree.get(e.object, 0) + 1
    top = max(degree.values(), default=1)
    nodes = []
    for uid in uids:
        v = catalogue.entities[uid]
        nodes.append({"data": {
            "id": uid, "label": v.type, "name": _inert(v.short), "full name": _inert(v.label),
            "type": v.subtype or v.type, "mentions": v.mentions, "relations": v.relations,
            "_size": 18 + 42 * degree.get(uid, 0) / top,
        }})
    links = []
    for i, e in enumerate(edges):
        r = e.relation
        links.append({"data": {
            "id": f"e{i}", "source": e.subject, "target": e.object, "label": predicate_label(e.predicate),
            "from": _inert(catalogue.entities[e.subject].short), "to": _inert(catalogue.entities[e.object].short),
            "evidence": _inert(r.evidence), "page": r.page, "confidence": round(r.confidence, 2),
        }})
    return {"nodes": nodes, "edges": links}


def _evidence_card(catalogue: Catalogue, build, e: RelationView) -> None:
    r = e.relation
    s, o = catalogue.entities[e.subject], catalogue.entities[e.object]
    with st.container(border=True):
        st.markdown(f"**{safehtml.md(s.short)}** {predicate_label(e.predicate)} **{safehtml.md(o.short)}**")
        safehtml.passage(r.evidence)
        st.caption(safehtml.md(f"p. {r.page} · {state.report_label(build, e.report)} · confidence {r.confidence:.0%}"))
        cols = st.columns(2)
        cols[0].page_link(ENTITY_PAGE, label=safehtml.md(s.display), query_params={"entity": s.uid}, icon=":material/label:")
        cols[1].page_link(ENTITY_PAGE, label=safehtml.md(o.display), query_params={"entity": o.uid}, icon=":material/label:")


def _handle(value, edges: list[RelationView]) -> RelationView | None:
    """Act on a click in the graph once (the component repeats its last value on every rerun)."""
    if not isinstance(value, dict) or value.get("timestamp") == st.session_state.get("net_seen"):
        return None
    st.session_state["net_seen"] = value.get("timestamp")
    data = value.get("data") or {}
    action = value.get("action")
    element = data.get("element_id") or data.get("target_id")
    group = data.get("element_group") or data.get("target_group")
    if group == "nodes" and element and action in ("open_entity", "open"):
        st.switch_page(ENTITY_PAGE, query_params={"entity": element})
    if group == "edges" and isinstance(element, str) and element[1:].isdigit():
        index = int(element[1:])
        if index < len(edges):
            st.session_state["net_edge"] = (edges[index].subject, edges[index].predicate, edges[index].object)
    return None


def render() -> None:
    st.title("Partner network")
    ctx = state.context()
    res = state.require_build(ctx)
    build, catalogue = res.build, res.catalogue

    cols = st.columns([2, 2, 3])
    reports = list(build.documents)
    report = None
    if len(reports) > 1:
        # one report by default: a country's network reads better than several overlaid
        report = cols[0].selectbox("Report", [*reports, ""], key="net_report",
                                   format_func=lambda r: state.report_label(build, r) if r else "All reports") or None
    in_report = [rv for rv in catalogue.relations if report is None or rv.report == report]
    present_types = sorted({catalogue.entities[u].type for rv in in_report for u in (rv.subject, rv.object)})
    default_types = [t for t in ("Organization",) if t in present_types] or present_types[:1]
    types = cols[1].multiselect("Entity types", present_types, default=default_types, key="net_types",
                                help="Add programmes and places to see where organisations work")
    candidates = [rv for rv in in_report
                  if catalogue.entities[rv.subject].type in types and catalogue.entities[rv.object].type in types]
    present_preds = list(predicate_colours(candidates))
    preds = cols[2].multiselect("Relations", present_preds, default=present_preds, key="net_preds",
                                format_func=predicate_label)
    edges = [rv for rv in candidates if rv.predicate in preds]
    if not edges:
        st.info("No relation between the chosen entity types. Add a type or a relation kind above.")
        return
    nodes = {rv.subject for rv in edges} | {rv.object for rv in edges}
    st.caption(f"{len(nodes)} entities · {len(edges)} relations · click a node or an edge, then use the "
               "panel's buttons to open the entity page or read the evidence; double-click a node to open it")

    colours = predicate_colours(candidates)
    node_styles = [NodeStyle(t, TYPE_COLOURS.get(t, "#6b7280"), "name",
                             custom_styles={"width": "data(_size)", "height": "data(_size)", "font-size": 11,
                                            "text-wrap": "ellipsis", "text-max-width": 120})
                   for t in types]
    edge_styles = [EdgeStyle(predicate_label(p), colours.get(p, "#6b7280"), caption="label", directed=True,
                             custom_styles={"font-size": 9, "text-rotation": "autorotate", "color": "#111827",
                                            "text-background-color": "#ffffff", "text-background-opacity": 0.8})
                   for p in preds]
    value = streamlit_cytoscape(
        _elements(catalogue, edges), layout="fcose", node_styles=node_styles, edge_styles=edge_styles,
        height=620, key=f"net-{'-'.join(types)}-{'-'.join(preds)}-{report}",
        events=[Event("open", "dbltap", "node")],
        infopanel_actions=[InfopanelAction("open_entity", "Open entity page", icon="link"),
                           InfopanelAction("evidence", "Show evidence below", icon="description")],
    )
    _handle(value, edges)

    legend = [(predicate_label(p), colours.get(p, "#6b7280")) for p in preds]
    legend += [(t, TYPE_COLOURS.get(t, "#6b7280")) for t in types]
    safehtml.legend(legend)

    chosen = st.session_state.get("net_edge")
    selected = [e for e in edges if chosen and (e.subject, e.predicate, e.object) == tuple(chosen)]
    if selected:
        st.subheader("Evidence")
        for e in selected:
            _evidence_card(catalogue, build, e)

    with st.expander(f"All {len(edges)} relations shown, with their evidence"):
        table = [{"from": catalogue.entities[e.subject].short, "relation": predicate_label(e.predicate),
                  "to": catalogue.entities[e.object].short, "page": e.relation.page,
                  "evidence": e.relation.evidence} for e in edges]
        event = st.dataframe(table, hide_index=True, width="stretch", on_select="rerun",
                             selection_mode="single-row", key="net_table")
        rows = event.selection.rows if event is not None else []
        if rows:
            _evidence_card(catalogue, build, edges[rows[0]])


render()
