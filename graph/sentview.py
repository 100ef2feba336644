"""The sentence view the relation rules read: a passage's sentences with their mention slots,
the sentence's grammatical subject and its coordinated mention groups ("A, B and C")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.model import Passage

from .sentences import Sentence
from .textview import View
from .triggers import CLAUSE_BOUNDARY, FRONTED, looks_like_verb


@dataclass
class Unit:
    """A passage with its cleaned view and sentences (spans in view coordinates)."""

    passage: Passage
    view: View
    sentences: list[Sentence]
    sentence_ids: list[int] = field(default_factory=list)


@dataclass
class M:
    """A mention slot in a sentence (view coordinates); "Long Form (ACR)" is one slot."""

    start: int
    end: int
    key: str
    type: str
    surface: str
    source: str = ""


@dataclass
class Sent:
    """One sentence with its mentions, as the rules see it."""

    text: str  # the whole view text of the passage
    start: int
    end: int
    ms: list[M]
    unit: Unit
    index: int  # position in the passage
    main_actor: str | None
    subject_cache: list[int] | None = None
    _groups: list[list[int]] | None = None

    def words(self, a: int, b: int) -> list[str]:
        return self.text[a:b].split()

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause around ``pos``: boundaries are ';', ', while', ', which' …"""
        a, b = self.start, self.end
        for m in CLAUSE_BOUNDARY.finditer(self.text, self.start, self.end):
            if m.start() < pos:
                a = m.start()
            elif m.start() >= pos:
                b = m.start()
                break
        return a, b

    def subject_group(self) -> list[int]:
        """Indices of the sentence's grammatical subject: mentions followed by a finite verb."""
        if self.subject_cache is None:
            self.subject_cache = self._find_subject(self.start)
        return self.subject_cache

    def _find_subject(self, start: int) -> list[int]:
        m = FRONTED.match(self.text[self.start : self.end])
        begin = self.start + m.end() if m else start
        for i, mm in enumerate(self.ms):
            if mm.start < begin or mm.type not in ("Organization", "Location"):
                continue
            if mm.surface.endswith(("'s", "s'")):
                if self.subject_like(i, possessive=True):
                    return [i]
                continue
            if self.subject_like(i):
                return [k for k in self.group_ending(i) if k <= i or self.ms[k].type == mm.type]
        return []

    def subject_like(self, i: int, possessive: bool = False) -> bool:
        mm = self.ms[i]
        if mm.start < 0:
            return False
        before = [w.lower() for w in self.text[max(self.start, mm.start - 20) : mm.start].split()]
        while before and before[-1] in ("the", "a", "an", "its", "their", "this", "these"):
            before.pop()
        if before and before[-1] in ("of", "to", "with", "by", "for", "from", "in", "at", "on", "than", "between", "among", "into"):
            return False
        after = self.text[mm.end : self.end]
        after = re.sub(r"^\s*\([^)]*\)", "", after)  # "(ABC)"
        after = re.sub(r"^\s*,\s*(?:the|a|an)\s[^,]{0,90},", "", after)  # ", the national chapter of X,"
        after = re.sub(r"^\s*,\s*(?:together\s+)?with\s[^,]{0,60},", "", after)
        after = re.sub(r"^\s*,\s*committed\s[^,]{0,90},", "", after)
        after = re.sub(r"^\s*,\s*(?:founded|created|established|formed|set\s+up)\s+(?:in|by)\s[^,]{0,90},", "", after)
        after = re.sub(r"^\s*and\s+(?:its|their)\s+partners\b", "", after)
        # "LWF and refugee volunteers planted …": unnamed people acting with the body leave it the subject
        after = re.sub(r"^\s*and\s+(?:its\s+|their\s+)?(?:[a-z-]+\s+){0,2}(?:volunteers|staff|teams|members|leaders)\b", "", after)
        grp = self.group_ending(i)
        if grp[-1] != i:
            return self.subject_like(grp[-1])
        if possessive and mm.surface.endswith(("'s", "s'")):
            words = after.split()  # "ABC's mobile teams registered"
            return any(looks_like_verb(words[k:]) for k in range(1, 4) if all(w.islower() for w in words[:k]))
        return looks_like_verb(after.split())

    def next_mention_after(self, pos: int) -> int | None:
        for i, mm in enumerate(self.ms):
            if mm.start >= pos:
                return i
        return None

    def groups(self) -> list[list[int]]:
        """Coordinated mention groups: "A, B and C" is one group; "A, B" (no "and") is not."""
        if self._groups is None:
            real = [i for i, m in enumerate(self.ms) if m.start >= 0]
            groups: list[list[int]] = []
            cur: list[int] = []
            kinds: list[str] = []
            for i in real:
                if cur:
                    gap = self.text[self.ms[cur[-1]].end : self.ms[i].start]
                    kind = _gap_kind(gap)
                    if kind and not (kind == "comma" and "and" in kinds):
                        cur.append(i)
                        kinds.append(kind)
                        continue
                    groups += _close(cur, kinds)
                cur, kinds = [i], []
            if cur:
                groups += _close(cur, kinds)
            self._groups = self._split_fronted(groups)
        return self._groups

    def _split_fronted(self, groups: list[list[int]]) -> list[list[int]]:
        """"With FAO, UNHCR and the Ministry set up …": the comma that closes a fronted phrase does not
        join its name to the subject list when that list runs straight into the verb (a list that lies
        wholly inside the fronted phrase ends with its own comma: "With A, B and C, UNHCR …")."""
        m = FRONTED.match(self.text[self.start : self.end])
        if not m:
            return groups
        edge = self.start + m.end()
        while re.match(r"\d{3}\b", self.text[edge : edge + 4]) and self.text[edge - 2 : edge - 1].isdigit():
            # "Following the allocation of 2,400 hectares by X, …": a thousands comma does not end the phrase
            nxt = self.text.find(",", edge, self.end)
            if nxt < 0:
                return groups
            edge = nxt + 1
        out: list[list[int]] = []
        for g in groups:
            inside = [i for i in g if self.ms[i].end < edge]
            rest = [i for i in g if self.ms[i].end >= edge]
            after = re.sub(r"^\s*\([^)]*\)", "", self.text[self.ms[g[-1]].end : self.end])
            # only a body named up front ("With FAO, …"); a fronted place keeps the older reading
            if inside and rest and all(self.ms[i].type == "Organization" for i in inside) and not after.lstrip().startswith(",") and looks_like_verb(after.split()):
                out += [inside, rest]
            else:
                out.append(g)
        return out

    def group_ending(self, i: int) -> list[int]:
        for g in self.groups():
            if i in g:
                return g
        return [i]

    def group_from(self, i: int) -> list[int]:
        for g in self.groups():
            if i in g:
                return g[g.index(i) :]
        return [i]


def _gap_kind(gap: str) -> str:
    if not _LIST_GAP.match(gap):
        return ""
    return "and" if re.search(r"\b(?:and|or|as well as)\b|&", gap) else "comma"


def _close(cur: list[int], kinds: list[str]) -> list[list[int]]:
    """A run joined only by commas is not a list ("led by OCHA, UNHCR contributed")."""
    if cur and "and" not in kinds:
        return [[i] for i in cur]
    if kinds and kinds[-1] == "comma":  # "A and B, C": the trailing comma item is not in the list
        last_and = max(k for k, kd in enumerate(kinds) if kd == "and")
        return [cur[: last_and + 2]] + [[i] for i in cur[last_and + 2 :]]
    return [cur]


_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+|as well as\s+)?|and\s+|or\s+|as well as\s+|&\s+)(?:the\s+|a\s+|an\s+)?$")
