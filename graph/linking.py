"""Link names in a question to entities through their aliases.

Used to boost passages that mention an entity the question names. Acronyms
match case-sensitively (so "who" never links to WHO); longer names ignore
case. Plural and possessive forms of an alias ("CEMs", "UNHCR's") link too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from .model import Extraction

_LINKABLE = {"Organization", "Programme", "Location", "Event", "Area", "PopulationGroup"}


class AliasLinker:
    def __init__(self, extractions: Iterable[Extraction]) -> None:
        self.aliases: dict[str, set[str]] = defaultdict(set)  # alias (as matched) -> entity keys
        self.passages: dict[str, set[str]] = defaultdict(set)  # entity key -> passage ids
        for ex in extractions:
            for e in ex.entities:
                if e.type not in _LINKABLE:
                    continue
                for alias in {e.label, *e.aliases, *([e.acronym] if e.acronym else [])}:
                    if alias and len(alias) >= 2:
                        self.aliases[alias if _is_acronym(alias) else alias.lower()].add(e.key)
            for m in ex.mentions:
                self.passages[m.entity].add(m.passage_id)
        names = sorted(self.aliases, key=len, reverse=True)
        acronyms = [re.escape(a) for a in names if _is_acronym(a)]
        words = [re.escape(a) for a in names if not _is_acronym(a)]
        self._acronym_re = re.compile(r"\b(" + "|".join(acronyms) + r")(?:s|'s|’s)?\b") if acronyms else None
        self._name_re = re.compile(r"\b(" + "|".join(words) + r")(?:s|'s|’s)?\b", re.IGNORECASE) if words else None

    def link(self, text: str) -> set[str]:
        """Entity keys named in ``text``."""
        keys: set[str] = set()
        if self._acronym_re:
            for m in self._acronym_re.finditer(text):
                keys |= self.aliases.get(m.group(1), set())
        if self._name_re:
            for m in self._name_re.finditer(text):
                keys |= self.aliases.get(m.group(1).lower(), set())
        return keys

    def boost(self, query: str, weight: float = 1.0) -> dict[str, float]:
        """{passage id: weight} for passages mentioning an entity named in ``query``."""
        out: dict[str, float] = {}
        for key in self.link(query):
            for pid in self.passages.get(key, ()):
                out[pid] = out.get(pid, 0.0) + weight
        return out


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1) and " " not in text
