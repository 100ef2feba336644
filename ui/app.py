"""The Streamlit app: ``streamlit run ui/app.py -- --index DIR`` (what ``reportgraph app`` runs).

A thin shell over the library (through ``ui.services``): Ask, Entities, Network,
Indicators, Explore, Reports. Each page is a file in ``ui/screens/``; this script
sets the page up and hands over to ``st.navigation``.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
# `streamlit run` puts this folder first on sys.path, where a module named like a standard
# library one would shadow it (hence ui/safehtml.py, not ui/html.py); the package root goes there instead.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
if str(_HERE.parent) not in sys.path:
    sys.path.insert(0, str(_HERE.parent))

import streamlit as st  # noqa: E402

from ui import state  # noqa: E402

# A local favicon: material and emoji icons become favicons fetched from a CDN (the app works offline).
FAVICON = str(_HERE / "assets" / "favicon.png")
st.set_page_config(page_title="reportgraph", page_icon=FAVICON, layout="wide")

PAGES = [
    st.Page("screens/ask.py", title="Ask", icon=":material/question_answer:", url_path="ask", default=True),
    st.Page("screens/entities.py", title="Entities", icon=":material/corporate_fare:", url_path="entities"),
    st.Page("screens/network.py", title="Network", icon=":material/hub:", url_path="network"),
    st.Page("screens/indicators.py", title="Indicators", icon=":material/monitoring:", url_path="indicators"),
    st.Page("screens/explore.py", title="Explore", icon=":material/terminal:", url_path="explore"),
    st.Page("screens/reports.py", title="Reports", icon=":material/description:", url_path="reports"),
]

page = st.navigation(PAGES)
st.set_page_config(page_icon=FAVICON)  # after navigation: a page's own icon would become the favicon


def _sidebar() -> None:
    ctx = state.context()
    with st.sidebar:
        st.caption("reportgraph — a knowledge graph of results reports")
        if ctx.resources is None:
            st.caption("No build loaded")
            return
        build = ctx.build
        n = len(build.documents)
        st.caption(f"Build `{build.id}` · {n} report{'s' if n != 1 else ''}")
        if not ctx.resources.ready.is_set():
            st.caption(":material/hourglass_top: loading the search model…")


try:
    page.run()
finally:
    _sidebar()  # after the page, so it shows what the page has loaded
