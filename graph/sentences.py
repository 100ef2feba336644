"""Sentence splitting with offsets, on top of syntok (rule-based, fast, offline).

Spans are into the cleaned passage text of a :class:`graph.textview.View`; the
caller maps them back to the document with ``View.span``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from syntok import segmenter

# syntok splits after "No." in "Law No.4471" and after a bare list marker "i)";
# such splits are undone below.
_BAD_END = re.compile(r"(?:\bNo\.|\bNos\.|\bArt\.|\b[ivx]{1,4}\)|\b[a-h]\))$", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` as spans; never empty for non-blank text, never overlapping."""
    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(text):
        for sent in paragraph:
            tokens = [t for t in sent if t.value]
            if not tokens:
                continue
            start = tokens[0].offset
            end = min(len(text), tokens[-1].offset + len(tokens[-1].value))
            if end > start:
                spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and (_BAD_END.search(text[merged[-1][0] : merged[-1][1]]) or _starts_lower(text, start)):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    if not merged and text.strip():
        lead = len(text) - len(text.lstrip())
        merged = [(lead, len(text.rstrip()))]
    return [Sentence(s, e, text[s:e]) for s, e in merged]


def _starts_lower(text: str, start: int) -> bool:
    """A "sentence" starting in lower case is a false split (e.g. after "e.g.")."""
    ch = text[start : start + 1]
    return ch.isalpha() and ch.islower()
