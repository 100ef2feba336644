"""Ask: a question, the short answer (or an honest "not in the report"), and its cited passages.

The question lives in the URL (``?q=``) so an answer can be shared.
"""

from __future__ import annotations

import logging

import streamlit as st

from ui import safehtml, services, state
from ui.views import Catalogue

log = logging.getLogger("reportgraph.app")
ENTITY_PAGE = "screens/entities.py"
NOT_ANSWERED = "The report does not answer this."
MAX_LINKS = 8
KIND_LABELS = {
    "relation": "from the graph's relations", "acronym": "acronym definition", "indicator": "indicator table",
    "finance": "financial table", "number": "figure from the text", "location": "places", "list": "list",
    "why": "explanation from the text", "none": "no answer",
}


def _set_question(q: str) -> None:
    st.session_state["ask_q"] = q


def _citation_card(n: int, citation, build, catalogue: Catalogue) -> None:
    with st.container(border=True):
        page = f"p. {citation.page}" if citation.page is not None else "page unknown"
        where = " · ".join(x for x in (state.report_label(build, citation.report), citation.section, page) if x)
        st.caption(f"**[{n}]** {safehtml.md(where)}")
        safehtml.passage(citation.text, citation.highlights)
        uids = catalogue.passage_entities.get(citation.passage_id, [])
        if uids:
            with st.container(horizontal=True, gap="small"):
                for uid in uids[:MAX_LINKS]:
                    view = catalogue.entities[uid]
                    st.page_link(ENTITY_PAGE, label=safehtml.md(view.short), query_params={"entity": uid},
                                 icon=":material/label:", help=safehtml.md(view.display))


def render() -> None:
    st.title("Ask the reports")
    ctx = state.context()
    res = state.require_build(ctx)
    build, catalogue = res.build, res.catalogue

    url_q = st.query_params.get("q", "")
    if "ask_q" not in st.session_state or st.session_state.get("_ask_url_q") != url_q:
        st.session_state["ask_q"] = url_q  # the URL wins when it changes (a shared link)
        st.session_state["_ask_url_q"] = url_q

    reports = list(build.documents)
    with st.form("ask", border=False):
        cols = st.columns([5, 2, 1], vertical_alignment="bottom")
        question = cols[0].text_input("Question", key="ask_q", placeholder="e.g. " + (
            catalogue.example_questions(1) or ["What does the report say about …?"])[0])
        report = None
        if len(reports) > 1:
            # "" rather than None for all reports: a None choice gets a clear button
            report = cols[1].selectbox(
                "Report", ["", *reports], format_func=lambda r: state.report_label(build, r) if r else "All reports",
                key="ask_report") or None
        cols[2].form_submit_button("Ask", type="primary", width="stretch")

    examples = catalogue.example_questions()
    if examples:
        st.caption("Try one of these (made from this graph):")
        with st.container(horizontal=True, gap="small"):
            for i, q in enumerate(examples):
                st.button(safehtml.md(q), key=f"ex{i}", on_click=_set_question, args=(q,), icon=":material/bolt:")

    question = (st.session_state.get("ask_q") or "").strip()
    if question != url_q:
        st.query_params["q"] = question  # shareable link
        st.session_state["_ask_url_q"] = question
    if not question:
        st.info("Type a question about the loaded reports, or pick an example.")
        return

    with st.spinner("Reading the reports…"):
        try:
            kb = res.knowledge_base()
            answer = services.answer(question, kb, report=report)
        except services.ServiceUnavailable as exc:
            st.error(f"The answer engine is not available: {exc}")
            return
        except Exception as exc:  # noqa: BLE001 - one question must not take the page down
            log.exception("answer() failed for %r", question)
            st.error(f"The answer engine failed on this question ({type(exc).__name__}); it has been logged.")
            return

    with st.container(border=True):
        if answer.text is None:
            st.subheader(NOT_ANSWERED)
        else:
            st.subheader(safehtml.md(answer.text))
        with st.container(horizontal=True, gap="small", vertical_alignment="center"):
            colour = "green" if answer.confidence >= 0.75 else "orange" if answer.confidence >= 0.5 else "gray"
            st.badge(f"confidence {answer.confidence:.0%}", color=colour, icon=":material/verified:")
            st.badge(KIND_LABELS.get(answer.kind, answer.kind), color="blue")
            if answer.triples:
                st.badge(f"{len(answer.triples)} graph triple{'s' if len(answer.triples) != 1 else ''}",
                         color="violet", icon=":material/hub:")
        for note in answer.notes:
            st.caption(safehtml.md(note))

    if answer.citations:
        st.markdown("#### Sources" if answer.text is not None else "#### Closest passages")
        for n, citation in enumerate(answer.citations, start=1):
            _citation_card(n, citation, build, catalogue)
    if answer.triples:
        with st.expander(f"Graph triples used ({len(answer.triples)})"):
            st.dataframe(
                [{"subject": t.s, "predicate": t.p, "object": t.o, "passage": t.passage_id} for t in answer.triples],
                hide_index=True, width="stretch",
            )


render()
