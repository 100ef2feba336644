"""The highlight helper: escaping first, then <mark> around spans (threat model 13)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ui.safehtml import highlight_html, md, merge_spans

XSS = "<img src=x onerror=alert(1)> and ![t](http://127.0.0.1:9/p.png)"
MARK_OPEN = re.compile(r'<mark style="[^"<>]*">')


def _strip_marks(out: str) -> str:
    return MARK_OPEN.sub("", out).replace("</mark>", "")


def _marked(out: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(r'<mark style="[^"<>]*">(.*?)</mark>', out, re.S)]


def test_escapes_then_marks() -> None:
    out = highlight_html("a <b> & c", [(2, 5)])
    assert out.startswith("a ") and "&lt;b&gt;" in out and "&amp;" in out
    assert _marked(out) == ["<b>"]


def test_xss_passage_is_inert() -> None:
    out = highlight_html(XSS, [(0, 4)])
    assert "<img" not in out
    assert html.unescape(_strip_marks(out)) == XSS


def test_spans_out_of_range_overlapping_and_empty() -> None:
    text = "0123456789"
    out = highlight_html(text, [(-5, 2), (1, 4), (8, 99), (5, 5), (7, 3)])
    assert _marked(out) == ["0123", "89"]
    assert merge_spans([(3, 5), (5, 7)], 10) == [(3, 7)]  # touching spans become one mark
    assert highlight_html("", [(0, 3)]) == ""


def test_quotes_are_escaped_for_attributes() -> None:
    assert '"' not in _strip_marks(highlight_html('say "hi" \'x\'', [(4, 8)]))


def test_md_neutralises_markdown() -> None:
    escaped = md(XSS + " $x$ :red[y] **b**\nsecond")
    for raw in ("![t](", "$x$", ":red[", "**b**", "http://"):
        assert raw not in escaped
    assert "\n" not in escaped
    # Every escape is a backslash before ASCII punctuation: removing them gives the text back.
    assert re.sub(r"\\(.)", r"\1", escaped) == (XSS + " $x$ :red[y] **b** second")


@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.lists(st.tuples(st.integers(-20, 250), st.integers(-20, 250)), max_size=8),
)
def test_never_an_unescaped_angle_bracket_from_input(text: str, spans: list[tuple[int, int]]) -> None:
    out = highlight_html(text, spans)
    body = _strip_marks(out)
    assert "<" not in body and ">" not in body  # only our own <mark> tags remain
    assert html.unescape(body) == text  # nothing lost, nothing added
    covered = "".join(text[s:e] for s, e in merge_spans(spans, len(text)))
    assert "".join(_marked(out)) == covered


def test_no_module_of_ui_shadows_the_standard_library() -> None:
    """`streamlit run ui/app.py` puts ui/ on sys.path: ui/html.py would replace the stdlib `html`."""
    import sys

    ui = Path(__file__).resolve().parents[1] / "ui"
    assert not {p.stem for p in ui.glob("*.py")} & set(sys.stdlib_module_names)


def test_html_sinks_only_in_the_helper() -> None:
    """No other module of ui/ renders raw HTML (allow-list: ui/safehtml.py)."""
    ui = Path(__file__).resolve().parents[1] / "ui"
    offenders = []
    for path in ui.rglob("*.py"):
        if path.name == "safehtml.py" and path.parent == ui:
            continue
        source = path.read_text(encoding="utf-8")
        if "unsafe_allow_html" in source or re.search(r"\bst\.html\(|components\.html\(", source):
            offenders.append(str(path.relative_to(ui.parent)))
    assert offenders == []
