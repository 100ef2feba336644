"""The shells: the `reportgraph` CLI and the Streamlit app, over the same library calls."""

__version__ = "0.1.0"
