"""Raw lines → blocks (paragraph-like runs of lines) and the report's normalised text.

The normalised text is what every offset in reportgraph points into: each block
becomes one line (wrapped lines joined with a space, end-of-line hyphens kept
unless the joined word occurs elsewhere in the report), blocks are separated by
one blank line, page-break markers and running footers are gone.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .lines import RawLine, is_blank
from .model import Page

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:;)\"”’]\s*$")
_SECTION = re.compile(r"^Section\s+(\d+)\s*:\s*(\S.*)$")
_SUBSECTION = re.compile(r"^(\d{1,2}\.\d{1,2})\.?\s+(\S.*)$")
_AREA = re.compile(r"^(\d{1,2})\.\s*(Impact|Outcome|Enabling)\s+Area\s*:\s*(\S.*)$", re.IGNORECASE)
_GOAL_START = re.compile(r"^By\s+(?:19|20)\d{2}\b")
_SMALL_WORDS = {"a", "an", "and", "the", "of", "to", "in", "for", "on", "at", "by", "with", "or", "from", "&"}


@dataclass
class Block:
    start: int
    end: int
    text: str
    first_page: int  # page index (0-based) at the block start
    last_page: int


def is_title_case(text: str, max_words: int = 10) -> bool:
    """A short line whose significant words are capitalised: a heading, not prose."""
    words = text.split()
    if not words or len(words) > max_words or text.rstrip().endswith((".", ",", ";")):
        return False
    significant = [w for w in words if w.lower() not in _SMALL_WORDS and any(c.isalpha() for c in w)]
    if not significant:
        return False
    caps = sum(1 for w in significant if w[0].isupper() or w[0].isdigit())
    return caps / len(significant) >= 0.75


def heading_kind(line: str) -> str | None:
    """'section', 'area', 'subsection', 'heading' or None for a (single) line of text."""
    text = line.strip()
    if _SECTION.match(text):
        return "section"
    if _AREA.match(text):
        return "area"
    m = _SUBSECTION.match(text)
    if m and is_title_case(m.group(2), max_words=12):
        return "subsection"
    if is_title_case(text, max_words=8) and len(text) <= 80 and not text[0].isdigit():
        return "heading"
    return None


def vocabulary(lines: list[RawLine]) -> Counter[str]:
    words: Counter[str] = Counter()
    for line in lines:
        if not line.footer:
            words.update(w.lower() for w in _WORD.findall(line.text))
    return words


def join_wrapped(prev: str, nxt: str, words: Counter[str]) -> tuple[str, str]:
    """How to join two wrapped lines: returns (prev_kept, separator).

    A line-final hyphen is kept ("Asylum-" + "seekers") unless the joined word
    occurs elsewhere in the report ("refoul-" + "ment" when "refoulment" occurs).
    """
    if prev.endswith("-") and not prev.endswith(" -") and len(prev) > 1 and prev[-2].isalpha():
        head = _WORD.findall(prev[:-1])
        tail = _WORD.findall(nxt)
        if head and tail and nxt[:1].isalpha():
            joined = (head[-1] + tail[0]).lower()
            if words.get(joined, 0) > 0:
                return prev[:-1], ""
        return prev, ""
    return prev, " "


def _starts_new_block(prev_line: str, line: RawLine) -> bool:
    """At a page break inside a run of lines: does the new page start a new block?"""
    return bool(
        _SENTENCE_END.search(prev_line) or heading_kind(prev_line) or heading_kind(line.text)
    )


def _split_heading_runs(run: list[RawLine]) -> list[list[RawLine]]:
    """A heading line directly followed by prose (no blank line): split them."""
    if len(run) < 2 or heading_kind(run[0].text) not in {"section", "area", "subsection"}:
        return [run]
    for k in range(1, len(run)):
        t = run[k].text
        if _GOAL_START.match(t) or len(t) > 60 or t.rstrip().endswith((".", "!", "?")):
            return [run[:k], run[k:]]
    return [run]


def build_blocks(lines: list[RawLine]) -> tuple[str, list[Block], list[tuple[int, int]]]:
    """Returns the normalised text, its blocks, and (page index, start offset) pairs."""
    words = vocabulary(lines)
    runs: list[list[RawLine]] = []
    current: list[RawLine] = []
    pending_break = False  # a page break seen on a blank/footer line, applies to next content
    for line in lines:
        if line.footer or is_blank(line.text):
            if line.page_break:
                pending_break = True
            if current:
                runs.append(current)
                current = []
            continue
        if pending_break:
            line.page_break = True
            pending_break = False
        if current and line.page_break and _starts_new_block(current[-1].text, line):
            runs.append(current)
            current = []
        current.append(line)
    if current:
        runs.append(current)

    # page index of every line, counting breaks on blank/footer lines too
    page_of: dict[int, int] = {}
    index = 0
    for line in lines:
        if line.page_break:
            index += 1
        page_of[id(line)] = index

    parts: list[str] = []
    blocks: list[Block] = []
    page_starts: list[tuple[int, int]] = [(0, 0)]
    offset = 0
    for run in (piece for r in runs for piece in _split_heading_runs(r)):
        if parts:
            parts.append("\n\n")
            offset += 2
        block_start = offset
        text = ""
        for k, line in enumerate(run):
            piece = line.text.strip() if k else line.text.strip()
            if k:
                kept, sep = join_wrapped(text, piece, words)
                offset -= len(text) - len(kept)
                text = kept + sep
                offset += len(sep)
            if line.page_break and page_of[id(line)] != page_starts[-1][0]:
                page_starts.append((page_of[id(line)], offset))
            text += piece
            offset += len(piece)
        parts.append(text)
        blocks.append(Block(block_start, offset, text, page_of[id(run[0])], page_of[id(run[-1])]))
    return "".join(parts), blocks, page_starts


def make_pages(
    text_len: int, page_starts: list[tuple[int, int]], printed: dict[int, int], true_pages: dict[int, int]
) -> list[Page]:
    """Page objects: true numbers (PDF) > printed footer numbers > inferred from them."""
    pages: list[Page] = []
    anchor = next(iter(sorted(printed.items())), None)
    for k, (index, start) in enumerate(page_starts):
        end = page_starts[k + 1][1] if k + 1 < len(page_starts) else text_len
        if index in true_pages:
            number, inferred = true_pages[index], False
        elif index in printed:
            number, inferred = printed[index], False
        elif anchor is not None:
            number, inferred = anchor[1] + (index - anchor[0]), True
        else:
            number, inferred = index + 1, True
        pages.append(Page(number=number, start=start, end=end, inferred=inferred))
    return pages
