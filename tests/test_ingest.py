"""The reader: pages, sections, passages and tables of PDF-extracted text, PDFs and Markdown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest import ReadOptions, ReportError, read_bytes, read_report
from ingest.layout import build_blocks
from ingest.lines import split_pdf_text
from tests.hostile import small_valid_pdf

SENTENCE_END = re.compile(r"[.!?:)\"”’]$")


def _by_code(doc, area: str, code: str):
    rows = [i for i in doc.indicators if i.area.code == area and i.code == code]
    assert len(rows) == 1, (area, code, rows)
    return rows[0]


def test_peru_indicator_rows_are_parsed_as_printed(peru_doc):
    assert len(peru_doc.indicators) == 28
    row = _by_code(peru_doc, "OA1", "1.1")
    assert row.label == "Proportion of refugees and asylum seekers registered on an individual basis"
    assert (row.baseline.text, row.target.text, row.actual.text) == ("13.42%", "100.00%", "15.50%")
    assert row.baseline.value == pytest.approx(13.42) and row.unit == "percent"
    assert row.population == "Refugees and Asylum-seekers"
    impact = _by_code(peru_doc, "IA1", "1.1")  # same code under an impact area: kept apart
    assert impact.target is None and impact.actual.text == "28.26%"
    counts = _by_code(peru_doc, "IA4", "4.3b")
    assert (counts.baseline.value, counts.actual.value, counts.unit) == (1040, 1437, "number")
    scale = _by_code(peru_doc, "OA7", "7.1")
    assert scale.actual.text == "Extensive: ≥70 points" and scale.actual.value is None
    assert scale.unit == "Extensive: ≥70 points"
    label_with_population = _by_code(peru_doc, "IA2", "2.3")
    assert label_with_population.label == "Proportion of people with access to health services"
    for r in peru_doc.indicators:
        assert r.baseline is not None and r.actual is not None
        assert (r.target is None) == (r.area.kind == "impact")
        assert peru_doc.text[r.start : r.end] == peru_doc.passage(r.passage_id).text


def test_peru_budget_tables(peru_doc):
    assert len(peru_doc.budget) == 14
    impact = [b for b in peru_doc.budget if b.table == "impact"]
    outcome = [b for b in peru_doc.budget if b.table == "outcome"]
    assert [b.area.code for b in impact] == ["IA1", "IA2", "IA3", "IA4", "Total"]
    assert [b.area.code for b in outcome][-2:] == ["EA20", "Total"]
    empower = next(b for b in impact if b.area.code == "IA3")
    assert empower.area.title == "Empower"
    assert (empower.final_budget.value, empower.funds_available.value) == (23931589, 5451575)
    assert empower.funds_available_pct.text == "22.78%"
    assert next(b for b in outcome if b.area.code == "EA20").area.kind == "enabling"
    for b in peru_doc.budget:
        assert b.final_budget.value * b.funds_available_pct.value / 100 == pytest.approx(b.funds_available.value, rel=1e-3)


def test_passages_round_trip_and_sit_at_sentence_boundaries(peru_doc):
    assert len(peru_doc.passages) > 100
    for p in peru_doc.passages:
        assert peru_doc.text[p.start : p.end] == p.text
        assert p.pages, p
        if p.kind in {"paragraph", "goal", "list_item"}:
            assert p.text[0].isupper() or p.text[0] in "-“\"(0123456789", p.text[:40]
            assert SENTENCE_END.search(p.text.rstrip()), p.text[-60:]


def test_paragraph_joined_across_a_page_break(peru_doc):
    p = next(p for p in peru_doc.passages if "Based on the microdata of the National Survey" in p.text)
    assert "Peruvians reached 28 and 5% of the population" in p.text
    assert len(p.pages) == 2 and p.pages[1] == p.pages[0] + 1


def test_page_numbers_follow_the_printed_footer(peru_doc):
    printed = [pg for pg in peru_doc.pages if not pg.inferred]
    assert [pg.number for pg in printed] == [13]
    numbers = [pg.number for pg in peru_doc.pages]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    child = next(p for p in peru_doc.passages if p.section and "Child Protection" in p.section[-2 if len(p.section) > 1 else -1] or "Special Protection Units (UPE)" in p.text)
    assert 13 in child.pages or child.pages[0] > 13
    assert "Annual Results Report |" not in peru_doc.text  # the footer is not content


def test_hyphens_at_line_ends(peru_doc):
    assert "self-sufficiency" in peru_doc.text
    assert "Asylum-seekers" in peru_doc.text
    assert "Asylum- seekers" not in peru_doc.text


def test_sections_and_areas(peru_doc):
    titles = [s.title for s in peru_doc.sections if s.level == 1]
    assert titles[0].startswith("Section 1") and len(titles) == 4
    areas = [s.area.code for s in peru_doc.sections if s.area]
    assert areas[:4] == ["IA1", "IA2", "IA3", "IA4"] and "OA13" in areas
    oa13 = next(s for s in peru_doc.sections if s.area and s.area.code == "OA13")
    assert oa13.goal.startswith("The people with and for whom")
    p = next(p for p in peru_doc.passages if "Committee on Financial Inclusion" in p.text)
    assert any("Self Reliance" in t for t in p.section)


def test_report_metadata(peru_doc):
    meta = peru_doc.report.meta
    assert (meta.country, meta.year, meta.publisher) == ("Peru", 2023, "UNHCR")
    assert len(peru_doc.report.id) == 12


def test_document_json_round_trip(peru_doc):
    from ingest import Document

    again = Document.from_json(peru_doc.to_json())
    assert again == peru_doc


def test_second_made_up_report(marovia_doc):
    doc = marovia_doc
    assert doc.report.meta.country == "Marovia" and doc.report.meta.year == 2025
    assert len(doc.indicators) >= 8 and len(doc.budget) >= 6
    assert {i.area.kind for i in doc.indicators} >= {"impact", "outcome"}
    assert any(b.area.code == "Total" for b in doc.budget)
    assert sum(not p.inferred for p in doc.pages) >= 1
    scale = next(i for i in doc.indicators if i.code == "7.1")  # a text scale with a range
    assert (scale.baseline.text, scale.actual.text) == ("Moderate: 50-69 points", "Extensive: ≥70 points")
    assert any(i.population == "Stateless Persons" for i in doc.indicators)
    for p in doc.passages:
        assert doc.text[p.start : p.end] == p.text and p.pages


# other formats ----------------------------------------------------------------------------------


def test_third_report_written_without_seeing_the_reader():
    """Távora 2024 was written by someone who had not read the reader's code: every results row
    and every financial row is read, with its values."""
    doc = read_report(Path(__file__).parent / "data" / "reports" / "unhcr-arr-2024-tavora.txt")
    assert doc.report.meta.country == "Távora" and doc.report.meta.year == 2024
    assert len(doc.indicators) == 34 and len(doc.budget) == 16
    assert all(i.actual.text for i in doc.indicators)
    assert sum(b.area.code == "Total" for b in doc.budget) == 2
    for b in doc.budget:
        assert b.final_budget.value * b.funds_available_pct.value / 100 == pytest.approx(b.funds_available.value, rel=1e-2)
    assert sum(not p.inferred for p in doc.pages) >= 2  # two printed footers


def test_pdf_reader_keeps_true_page_numbers():
    data = small_valid_pdf(
        [
            "Section 1: Context\n\nThe Ministry of Water (MW) partnered with UNICEF in 2031. It was a good year.",
            "Section 2: Results\n\nThe Ministry of Water trained 40 engineers in the capital.",
        ]
    )
    doc = read_bytes(data, "small.pdf")
    trained = next(p for p in doc.passages if "trained 40 engineers" in p.text)
    assert trained.pages == (2,) and not trained.page_inferred
    assert [s.title for s in doc.sections if s.level == 1] == ["Section 1: Context", "Section 2: Results"]


def test_pdf_bytes_are_routed_by_content_not_name():
    data = small_valid_pdf(["Section 1: Overview\n\nA sentence about a programme."])
    assert read_bytes(data, "looks-like-text.txt").passages


def test_markdown_reader():
    md = b"# Section 1: Overview\n\nUNHCR worked with the Ministry of Health.\nIt continued in 2031.\n\n## 1.1 Details\n\nMore text here."
    doc = read_bytes(md, "notes.md")
    assert [s.title for s in doc.sections][:1] == ["Section 1: Overview"]
    assert doc.passages[0].text == "UNHCR worked with the Ministry of Health. It continued in 2031."
    assert doc.pages[0].inferred


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "empty.txt", "empty file"),
        (b"   \n \n", "blank.txt", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt", "binary file"),
        (b"MZ\x90\x00\x03\x00\x00\x00", "report.pdf", "not a PDF"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog", "truncated.pdf", "PDF"),
        (b"plain words", "report.docx", "unsupported file type"),
        (b"<!DOCTYPE html><html><body>hi</body></html>", "page.txt", "HTML"),
        (b"\xff\xfe\xfa bad utf8 \xc3\x28", "latin.txt", "not UTF-8"),
    ],
)
def test_bad_input_is_refused_with_one_clear_reason(data, name, reason):
    with pytest.raises(ReportError) as info:
        read_bytes(data, name)
    assert reason in str(info.value)
    assert "\n" not in str(info.value)


def test_size_limit_is_a_setting(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Section 1: A\n\n" + "Words here. " * 2000)
    with pytest.raises(ReportError, match="over the limit"):
        read_report(path, options=ReadOptions(max_bytes=1000))


def test_html_inside_a_report_is_kept_as_text():
    doc = read_bytes(b"Section 1: A\n\nThe <script>alert(1)</script> tag is just text here.", "x.txt")
    assert "<script>alert(1)</script>" in doc.passages[0].text


# properties ---------------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_line = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"), max_size=60)


@settings(max_examples=150, deadline=None)
@given(st.lists(_line, max_size=40))
def test_normaliser_never_loses_offsets(lines):
    text, blocks, page_starts = build_blocks(split_pdf_text("\n".join(lines)))
    for b in blocks:
        assert text[b.start : b.end] == b.text
        assert b.text == b.text.strip() and "\n" not in b.text
    starts = [s for _, s in page_starts]
    assert starts == sorted(starts) and all(0 <= s <= len(text) for s in starts)


@settings(max_examples=150, deadline=None)
@given(st.lists(_line, max_size=40))
def test_reader_offsets_round_trip_on_any_text(lines):
    data = ("Section 1: Start\n\n" + "\n".join(lines)).encode("utf-8")
    try:
        doc = read_bytes(data, "any.txt")
    except ReportError:
        return
    for p in doc.passages:
        assert doc.text[p.start : p.end] == p.text and p.pages


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_table_values_parse_as_printed(whole, cents):
    from ingest.tables import parse_budget_row, parse_value, value_tokens

    printed = f"{whole:,}"
    assert parse_value(printed).value == whole
    pct = f"{whole % 101}.{cents:02d}%"
    assert parse_value(pct).value == pytest.approx(float(pct[:-1]))
    assert value_tokens(f"{printed} {pct}") == [printed, pct]
    row = parse_budget_row(f"OA3: Some Area {printed} {printed} {pct} {printed} 100.00%", "outcome")
    assert row is not None and row.area.code == "OA3" and row.values[0].value == whole
