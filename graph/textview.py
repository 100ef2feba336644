"""Normalised views of passage text with an exact map back to ``Document.text``.

Rules match on a cleaned copy of each passage (whitespace runs collapsed to one
space, a line-wrap hyphen joined, odd apostrophes made ``'``), but every span
they produce must point into the original text. A :class:`View` keeps, for each
character of the cleaned copy, the offset of the character it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Apostrophe look-alikes that PDF extraction leaves in reports ("UNHCR´s", "SURVEY`s").
_APOSTROPHES = str.maketrans({"´": "'", "`": "'", "’": "'", "‘": "'", "ʼ": "'"})
_QUOTES = str.maketrans({"“": '"', "”": '"'})


@dataclass(frozen=True)
class View:
    """``text`` is the cleaned string; ``offsets[i]`` is where ``text[i]`` sits in the source."""

    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is the end offset

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source span ``[s, e)`` covering cleaned ``text[start:end]``."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def make_view(source: str, base: int = 0, *, cells: bool = False) -> View:
    """Clean ``source`` (which starts at ``base`` in the document) into a :class:`View`.

    With ``cells`` (table rows), a blank line becomes `` | `` so that names never run across cells.
    """
    out: list[str] = []
    offs: list[int] = []
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch.isspace():
            j = i
            has_newline = False
            while j < n and source[j].isspace():
                has_newline = has_newline or source[j] == "\n"
                j += 1
            # "Asylum-\nseekers" → "Asylum-seekers": a hyphen at a line end is a wrap, not a dash.
            joined_hyphen = has_newline and out and out[-1] == "-" and len(out) > 1 and out[-2].isalpha()
            if cells and source.count("\n", i, j) >= 2 and out and j < n:
                out.extend(" | ")
                offs.extend([base + i] * 3)
            elif not joined_hyphen and out and j < n:
                out.append(" ")
                offs.append(base + i)
            i = j
            continue
        out.append(ch)
        offs.append(base + i)
        i += 1
    text = "".join(out).translate(_APOSTROPHES).translate(_QUOTES)
    end = offs[-1] + 1 if offs else base
    return View(text, tuple(offs) + (end,))


_WORD = re.compile(r"\S+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)
