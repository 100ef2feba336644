"""The one place in ``ui/`` that turns untrusted report text into HTML or markdown.

Report text, entity names, questions and answers are untrusted (threat model 13):
a passage may hold ``<img src=x onerror=…>`` or ``![t](http://tracker/…)``.
``highlight_html`` HTML-escapes the text and only then adds ``<mark>`` around the
highlight spans, so the only tags in its output are ours. It is rendered with
``st.html`` (no markdown pass, DOMPurify on top), never with ``unsafe_allow_html``.
``md`` escapes text for the places Streamlit reads markdown (``st.markdown``,
widget labels): every ASCII punctuation character is backslash-escaped, so no link,
image, LaTeX, colour directive or autolink can come from report text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import streamlit as st

Span = tuple[int, int]

# Inline styles only: st.html content is sanitised, and we add no <style> of our own.
_CARD_STYLE = (
    "font-size:0.95rem;line-height:1.55;white-space:pre-wrap;word-wrap:break-word;"
    "margin:0.25rem 0 0.5rem 0"
)
_MARK_STYLE = "background:#fde68a;padding:0 2px;border-radius:3px"
# CommonMark lets a backslash escape any ASCII punctuation character.
_MD_PUNCT = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def merge_spans(spans: Iterable[Span], length: int) -> list[Span]:
    """Clamp spans to ``[0, length]``, drop empty ones, merge overlapping or touching ones."""
    clamped = sorted(
        (max(0, min(int(s), length)), max(0, min(int(e), length))) for s, e in spans
    )
    merged: list[Span] = []
    for start, end in clamped:
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlight_html(text: str, spans: Iterable[Span] = ()) -> str:
    """``text`` HTML-escaped, with ``<mark>`` around each span (offsets into the unescaped text)."""
    out: list[str] = []
    pos = 0
    for start, end in merge_spans(spans, len(text)):
        out.append(html.escape(text[pos:start], quote=True))
        out.append(f'<mark style="{_MARK_STYLE}">{html.escape(text[start:end], quote=True)}</mark>')
        pos = end
    out.append(html.escape(text[pos:], quote=True))
    return "".join(out)


def md(text: object) -> str:
    """Text safe to hand to anything that renders markdown: shown verbatim, never interpreted."""
    escaped = _MD_PUNCT.sub(r"\\\1", str(text))
    # A newline in a label or line would start a new markdown block; keep it on one line.
    return " ".join(escaped.split("\n"))


def passage(text: str, spans: Iterable[Span] = ()) -> None:
    """Render a passage with its highlight spans: the only HTML sink of the app."""
    st.html(f'<div class="rg-passage" style="{_CARD_STYLE}">{highlight_html(text, spans)}</div>')


_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def legend(items: Iterable[tuple[str, str]]) -> None:
    """A row of colour swatches with escaped labels (colours must be ``#rrggbb``)."""
    parts = []
    for label, colour in items:
        if not _COLOUR.match(colour):
            raise ValueError(f"not a colour: {colour!r}")
        parts.append(
            f'<span style="display:inline-flex;align-items:center;margin:0 14px 4px 0;font-size:0.85rem">'
            f'<span style="width:12px;height:12px;border-radius:3px;background:{colour};margin-right:5px">'
            f"</span>{html.escape(label, quote=True)}</span>"
        )
    st.html('<div style="display:flex;flex-wrap:wrap">' + "".join(parts) + "</div>")
