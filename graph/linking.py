"""Link names in a question to entities through their aliases, and weigh them by specificity.

Used to boost passages that mention an entity the question names. Acronyms match
case-sensitively (so "who" never links to WHO); multi-word names ignore case; a one-word
name must be capitalised in the question, as a proper noun is ("Office", "Platform" or
"Children" are aliases of longer names, and "offices" in a question is a common noun).
Plural and possessive forms of an alias ("CAVs", "UNHCR's") link too.

Specificity: naming an entity that a report mentions in 3 passages says much more about where
the answer is than naming one it mentions in 60 (the publisher, the country). A passage's boost
for an entity is the entity's inverse document frequency within that passage's report
(BM25's probabilistic idf, clipped at 0 and scaled to 1 for an entity mentioned once), so the
report's main actor adds about nothing.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from .model import Extraction

_LINKABLE = {"Organization", "Programme", "Location", "Event", "Area", "PopulationGroup"}
_SUFFIX = r"(?:s|'s|’s)?"


class AliasLinker:
    """Entity keys named in a text, and {passage id: weight} boosts for a query.

    Args:
        extractions: one per report.
        passage_counts: passages per report id (the idf's N). Without it N is the number of
            passages of the report that mention any entity (a lower bound: weights come out a
            little lower, the order is the same).
    """

    def __init__(self, extractions: Iterable[Extraction], passage_counts: Mapping[str, int] | None = None) -> None:
        self.aliases: dict[str, set[str]] = defaultdict(set)  # alias (as matched) -> entity keys
        self.passages: dict[str, set[str]] = defaultdict(set)  # entity key -> passage ids
        self._report_of: dict[str, str] = {}  # passage id -> report id
        self._df: dict[tuple[str, str], int] = {}  # (entity key, report id) -> passages mentioning it
        self._n: dict[str, int] = {}  # report id -> passages
        for ex in extractions:
            for e in ex.entities:
                if e.type not in _LINKABLE:
                    continue
                for alias in {e.label, *e.aliases, *([e.acronym] if e.acronym else [])}:
                    if alias and len(alias) >= 2 and (" " in alias or alias != alias.lower()):
                        # a lowercase one-word alias ("asylum-seekers") is a common noun: not a name
                        self.aliases[_alias_key(alias)].add(e.key)
            seen: dict[str, set[str]] = defaultdict(set)
            for m in ex.mentions:
                self.passages[m.entity].add(m.passage_id)
                self._report_of[m.passage_id] = ex.report
                seen[m.entity].add(m.passage_id)
            for key, pids in seen.items():
                self._df[(key, ex.report)] = self._df.get((key, ex.report), 0) + len(pids)
            mentioned = len({m.passage_id for m in ex.mentions})
            given = (passage_counts or {}).get(ex.report)
            self._n[ex.report] = self._n.get(ex.report, 0) + max(int(given or 0), mentioned)
        names = sorted(self.aliases, key=len, reverse=True)
        # case-sensitive: acronyms and one-word names (proper nouns); the rest ignore case
        exact = [re.escape(a) for a in names if _is_acronym(a) or " " not in a]
        words = [re.escape(a) for a in names if not (_is_acronym(a) or " " not in a)]
        self._exact_re = re.compile(r"\b(" + "|".join(exact) + r")" + _SUFFIX + r"\b") if exact else None
        self._name_re = re.compile(r"\b(" + "|".join(words) + r")" + _SUFFIX + r"\b", re.IGNORECASE) if words else None

    def link(self, text: str) -> set[str]:
        """Entity keys named in ``text``."""
        keys: set[str] = set()
        if self._exact_re:
            for m in self._exact_re.finditer(text):
                keys |= self.aliases.get(m.group(1), set())
        if self._name_re:
            for m in self._name_re.finditer(text):
                keys |= self.aliases.get(m.group(1).lower(), set())
        return keys

    def specificity(self, key: str, report: str) -> float:
        """How much naming entity ``key`` narrows report ``report``'s passages, in [0, 1].

        ``log((N - df + 0.5) / (df + 0.5))`` clipped at 0, divided by its value at df = 1:
        1 for an entity mentioned in one passage, ~0 for one mentioned in half of them or more.
        """
        df = self._df.get((key, report), 0)
        n = self._n.get(report, 0)
        if df <= 0 or n <= 1:
            return 0.0
        top = math.log((n - 0.5) / 1.5)
        if top <= 0:
            return 0.0
        return max(0.0, math.log((n - df + 0.5) / (df + 0.5))) / top

    def boost(self, query: str, weight: float = 1.0) -> dict[str, float]:
        """{passage id: weight} for passages mentioning an entity named in ``query``.

        A passage's weight is ``weight`` × the largest specificity among the linked entities it
        mentions (a passage naming two of them is not counted twice: one specific name decides).
        Passages whose weight is 0 are left out.
        """
        out: dict[str, float] = {}
        for key in self.link(query):
            cache: dict[str, float] = {}
            for pid in self.passages.get(key, ()):
                report = self._report_of.get(pid, "")
                if report not in cache:
                    cache[report] = self.specificity(key, report)
                w = weight * cache[report]
                if w > out.get(pid, 0.0):
                    out[pid] = w
        return {pid: w for pid, w in out.items() if w > 0}


def _alias_key(alias: str) -> str:
    """How an alias is stored: as written if matched case-sensitively, else lowercased."""
    return alias if _is_acronym(alias) or " " not in alias else alias.lower()


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1) and " " not in text
