"""Entities: a searchable table of organisations, programmes, places …; one page per entity (``?entity=``)."""

from __future__ import annotations

import streamlit as st

from ui import safehtml, state
from ui.views import Catalogue, EntityView, predicate_label

SELF = "screens/entities.py"
PER_PAGE = 20


def _open(uid: str) -> None:
    st.query_params["entity"] = uid


def _close() -> None:
    st.query_params.pop("entity", None)
    # A fresh table key: the old one still holds the row that opened this page.
    st.session_state["ent_table_n"] = st.session_state.get("ent_table_n", 0) + 1


def _back() -> None:
    st.button("All entities", icon=":material/arrow_back:", on_click=_close, type="tertiary")


def _table(catalogue: Catalogue) -> None:
    st.title("Organisations and other entities")
    rows = catalogue.rows()
    types = sorted({r["type"] for r in rows})
    cols = st.columns([3, 3, 1], vertical_alignment="bottom")
    needle = cols[0].text_input("Search names and acronyms", key="ent_q").strip().lower()
    default = ["Organization"] if "Organization" in types else types
    chosen = cols[1].multiselect("Types", types, default=default, key="ent_types")
    related_only = cols[2].checkbox("With relations", key="ent_rel")
    shown = [
        r for r in rows
        if (not chosen or r["type"] in chosen)
        and (not related_only or r["relations"] > 0)
        and (not needle or needle in r["name"].lower() or needle in r["acronym"].lower()
             or any(needle in a.lower() for a in catalogue.entities[r["uid"]].aliases))
    ]
    st.caption(f"{len(shown)} of {len(rows)} entities · select a row to open its page")
    event = st.dataframe(
        [{k: r[k] for k in ("name", "acronym", "type", "subtype", "mentions", "relations", "reports")} for r in shown],
        hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
        key=f"ent_table_{st.session_state.get('ent_table_n', 0)}",
        column_config={
            "mentions": st.column_config.NumberColumn("mentions", help="times the reports name it"),
            "relations": st.column_config.NumberColumn("relations", help="relations with evidence"),
        },
    )
    selected = event.selection.rows if event is not None else []
    if selected:
        _open(shown[selected[0]]["uid"])
        st.rerun()


def _entity_link(catalogue: Catalogue, uid: str, key: str) -> None:
    view = catalogue.entities[uid]
    st.page_link(SELF, label=safehtml.md(view.short), query_params={"entity": uid}, icon=":material/label:",
                 help=safehtml.md(view.display))


def _detail(catalogue: Catalogue, build, view: EntityView) -> None:
    _back()
    st.title(safehtml.md(view.display))
    st.caption(" · ".join(safehtml.md(x) for x in (view.type, view.subtype, "international" if view.international
                                                 else "", f"{view.mentions} mentions",
                                                 f"{view.relations} relations") if x))
    cols = st.columns(2)
    with cols[0]:
        st.markdown("**Names and acronyms**")
        names = sorted(view.aliases | ({view.acronym} if view.acronym else set()), key=str.lower)
        st.markdown("\n".join(f"- {safehtml.md(n)}" for n in names) or "—")
    with cols[1]:
        st.markdown("**Reports**")
        st.markdown("\n".join(f"- {safehtml.md(state.report_label(build, r))}" for r in sorted(view.reports)))
        if view.identifiers:
            st.markdown("**Identifiers**")
            st.markdown("\n".join(f"- {safehtml.md(k)}: {safehtml.md(v)}" for k, v in sorted(view.identifiers.items())))

    groups = catalogue.relations_of(view.uid)
    st.header("Relations")
    if not groups:
        st.caption("The reports state no relation of this entity.")
    for i, (kind, items) in enumerate(groups.items()):
        with st.expander(f"{safehtml.md(kind)} ({len(items)})", expanded=i == 0 or len(groups) <= 4):
            for n, rv in enumerate(items):
                other = rv.object if rv.subject == view.uid else rv.subject
                subject, obj = catalogue.entities[rv.subject], catalogue.entities[rv.object]
                r = rv.relation
                with st.container(border=True):
                    cols = st.columns([3, 2], vertical_alignment="center")
                    cols[0].markdown(f"**{safehtml.md(subject.short)}** {predicate_label(rv.predicate)} "
                                     f"**{safehtml.md(obj.short)}**")
                    with cols[1]:
                        _entity_link(catalogue, other, f"rel-{kind}-{n}")
                    # Evidence offsets are into the report text; the sentence starts at r.start.
                    safehtml.passage(r.evidence, _surface_spans(r.evidence, subject, obj))
                    st.caption(safehtml.md(f"p. {r.page} · {state.report_label(build, rv.report)} · "
                                       f"confidence {r.confidence:.0%}"))

    passages = catalogue.passages_of(view.uid)
    pages = max(1, -(-len(passages) // PER_PAGE))
    cols = st.columns([4, 1], vertical_alignment="bottom")
    cols[0].header(f"Passages that mention it ({len(passages)})")
    n = cols[1].number_input(f"Page (of {pages})", 1, pages, 1, key=f"ent_page_{view.uid}") if pages > 1 else 1
    for p, spans in passages[(n - 1) * PER_PAGE : n * PER_PAGE]:
        with st.container(border=True):
            pages = ", ".join(str(x) for x in p.pages)
            st.caption(safehtml.md(" · ".join(x for x in (state.report_label(build, p.report),
                                                       " › ".join(p.section), f"p. {pages}") if x)))
            safehtml.passage(p.text, spans)


def _surface_spans(text: str, *views: EntityView) -> list[tuple[int, int]]:
    """Where the two entities' names occur in an evidence sentence (for the highlight)."""
    spans = []
    low = text.lower()
    for v in views:
        for name in sorted(v.aliases | ({v.acronym} if v.acronym else set()), key=len, reverse=True):
            i = low.find(name.lower()) if name else -1
            if i >= 0:
                spans.append((i, i + len(name)))
                break
    return spans


def render() -> None:
    ctx = state.context()
    res = state.require_build(ctx)
    catalogue = res.catalogue
    wanted = st.query_params.get("entity")
    if not wanted:
        _table(catalogue)
        return
    view = catalogue.find(wanted)
    if view is None:
        st.title("Entities")
        st.warning(f"No entity {safehtml.md(wanted)} in this build.")
        _back()
        return
    _detail(catalogue, res.build, view)


render()
