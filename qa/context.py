"""The per-question working state shared by the answerers: intent, linked entities, retrieval, drafts.

A ``Ctx`` is made once per question. Retrieval and sentence scoring are computed lazily and cached
on it, so the answerers that look at the same passages do not search or score twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from embeddings.lexical import american
from ingest.model import Document

from .intent import Intent
from .kb import KnowledgeBase, Link
from .model import AnswerOptions, TripleRef
from .text import HYPHEN_PARTICIPLE, Sent, focus_terms, negated_terms, norm, spells, terms

_DOCUMENT_PARTS = frozenset({"section", "sections", "chapter", "annex", "table", "figure", "page", "part", "appendix"})
_LANGUAGES = frozenset({"english", "spanish", "portuguese", "french", "arabic", "quechua"})


@dataclass
class Evidence:
    """A passage an answer rests on, with highlight spans (offsets into the passage text)."""

    passage_id: str
    spans: list[tuple[int, int]]
    score: float


@dataclass
class Draft:
    """A candidate answer before citations are assembled."""

    text: str
    kind: str
    confidence: float
    evidence: list[Evidence]
    triples: list[TripleRef] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    items: list[tuple[str, str | None]] = field(default_factory=list)  # (name, IRI) for name answers
    object_group: bool = False  # the answer is the verb's object written as kinds of actors, not names


@dataclass(frozen=True)
class ScoredSent:
    passage_id: str
    sent: Sent
    score: float  # 0–1: how well the sentence covers the question's focus
    coverage: float  # weighted share of focus terms present
    matched: frozenset[str]
    rank: int  # retrieval rank of its passage (1 = best)
    ctx_coverage: float = 0.0  # the same share over this sentence and the one before it


@dataclass
class Hit:
    passage_id: str
    score: float
    rank: int


class Ctx:
    """One question being answered."""

    def __init__(
        self, question: str, intent: Intent, kb: KnowledgeBase, report: str | None, options: AnswerOptions
    ) -> None:
        self.question = question
        self.intent = intent
        self.kb = kb
        self.report = report
        self.options = options
        self.memo: dict[str, object] = {}  # results shared by the answerers of this question

    @cached_property
    def links(self) -> list[Link]:
        links = self.kb.link(self.question)
        if self.report:
            links = [lk for lk in links if self._in_report(lk.iri)]
        return links

    def _in_report(self, iri: str) -> bool:
        ref = self.kb.entities.get(iri)
        return ref is None or ref.report == self.report or ref.entity.international

    @property
    def vocabulary(self) -> frozenset[str]:
        """The terms of the reports the question is asked of."""
        return self.kb.report_vocabulary(self.report)

    @property
    def countries(self) -> set[str]:
        """The countries of the reports the question is asked of (as their metadata writes them)."""
        return {d.report.meta.country for d in self.documents if d.report.meta.country}

    @property
    def documents(self) -> list[Document]:
        """The documents the question is asked of: the one report when restricted, else all."""
        docs = self.kb.documents
        if self.report and self.report in docs:
            return [docs[self.report]]
        return list(docs.values())

    @cached_property
    def focus(self) -> tuple[str, ...]:
        focus = focus_terms(self.question)
        if self.intent.kind == "location":
            # "where does X rely on partners instead of its own offices": the offices are not the place
            negated = negated_terms(self.question)
            # "which part of the country …": the words that ask for a place are not said there
            frame = re.search(r"\b(?:which|what) (?:parts?|areas?|regions?|sides?) of(?: the country\b)?", self.question,
                              re.IGNORECASE)
            negated |= frozenset(terms(frame.group())) if frame else frozenset()
            focus = tuple(t for t in focus if t not in negated) or focus
        # "which month did the cyclone strike": a date is written, not the word "month"
        when = re.search(r"\b(?:which|what) (?:month|year|date|day)\b", self.question, re.IGNORECASE)
        if when:
            asked = frozenset(terms(when.group()))
            focus = tuple(t for t in focus if t not in asked) or focus
        return focus

    def weight(self, t: str) -> float:
        """A focus term's weight: its IDF; a term the reports never use weighs 1 (paraphrases
        bring many such words, and a missing name is handled by ``missing_names``)."""
        return self.kb.report_idf(t, self.report) if t in self.vocabulary else 1.0

    @cached_property
    def hits(self) -> list[Hit]:
        """Passages retrieved for the question (best first), restricted to ``report`` if set."""
        filters = None
        if self.report:
            try:
                from embeddings.search import SearchFilters

                filters = SearchFilters(reports=(self.report,))
            except ImportError:  # pragma: no cover - the search stage is always installed
                filters = None
        raw = self.kb.searcher.search(self.question, self.options.retrieve, filters)
        out = []
        for i, h in enumerate(raw):
            pid = h.passage_id
            if pid not in self.kb.passages:
                continue
            if self.report and self.kb.passages[pid].report != self.report:
                continue
            out.append(Hit(pid, float(h.score), i + 1))
        return out

    @cached_property
    def scored_sentences(self) -> list[ScoredSent]:
        """Every sentence of the retrieved passages, scored against the question focus."""
        focus = self.focus
        total = sum(self.weight(t) for t in focus) or 1.0
        expand = self.acronym_expansions
        named = self._linked_forms()
        out: list[ScoredSent] = []
        for hit in self.hits:
            p_terms = set(terms(self.kb.passages[hit.passage_id].text))
            p_cov = sum(self.weight(t) for t in focus if t in p_terms) / total
            prev: set[str] = set()
            for s in self.kb.sentences(hit.passage_id):
                s_terms = set(terms(s.text))
                for acr, long_terms in expand:
                    if acr in s_terms:
                        s_terms |= long_terms
                for forms, asked in named:
                    if not asked <= s_terms and any(f <= s_terms for f in forms):
                        s_terms |= asked  # "the Citizens' Defender" asked, "the DDC" written
                matched = frozenset(t for t in focus if t in s_terms)
                cov = sum(self.weight(t) for t in matched) / total
                # the sentence before often names what this one counts ("Cyclone X struck …. More
                # than 210,000 people were affected")
                ctx_cov = sum(self.weight(t) for t in focus if t in s_terms | prev) / total
                score = 0.6 * cov + 0.2 * ctx_cov + 0.2 * p_cov + 0.04 / hit.rank
                prev = s_terms
                out.append(ScoredSent(hit.passage_id, s, score, cov, matched, hit.rank, ctx_cov))
        out.sort(key=lambda x: -x.score)
        return out

    def _linked_forms(self) -> list[tuple[list[frozenset[str]], frozenset[str]]]:
        """For each entity the question names: the terms of each of its other names, and the terms
        of the name the question uses."""
        out = []
        for lk in self.links:
            if lk.score < 0.9:
                continue
            asked = frozenset(terms(lk.surface))
            forms = [f for a in self.kb.surfaces(lk.iri) if (f := frozenset(terms(a))) and f != asked]
            if asked and forms:
                out.append((forms, asked))
        return out

    @cached_property
    def acronym_expansions(self) -> list[tuple[str, frozenset[str]]]:
        """(acronym term, terms of its long form) for each long form the question writes out
        ("gender-based violence" meets a sentence that says "GBV"), or names loosely."""
        from .text import find_phrase

        key = "acronym_long_forms"
        if key not in self.kb.memo:
            pairs = {}
            for acr, defs in self.kb.acronyms.items():
                for d in defs:
                    long = " ".join(d.long_form.split())
                    acr_t = terms(acr)
                    if len(acr_t) == 1 and len(long.split()) >= 2:
                        pairs[(acr_t[0], long.lower())] = long
            self.kb.memo[key] = [(a, long) for (a, _), long in pairs.items()]
        out, loose = [], []
        words = [terms(w) for w in self.question.split()]
        for acr_t, long in self.kb.memo[key]:  # type: ignore[attr-defined]
            if acr_t in self.focus:
                continue
            if find_phrase(self.question, long):
                out.append((acr_t, frozenset(terms(long)) & frozenset(self.focus)))
            elif said := _loosely_named(words, frozenset(terms(long))):
                loose.append((said, acr_t, frozenset(terms(long)) & frozenset(self.focus)))
        if loose and not out:
            # "the mixed-movements working group" names one body fully, not every "working group"
            most = max(n for n, _, _ in loose)
            out = [(a, ts) for n, a, ts in loose if n == most]
        return out

    def long_form_terms(self, ts: frozenset[str]) -> frozenset[str]:
        """``ts`` with the terms of the long form of each acronym among them ("two new CSCs" counts
        community support centres)."""
        key = "acronym_term_long_forms"
        if key not in self.kb.memo:
            table: dict[str, set[str]] = {}
            for acr, defs in self.kb.acronyms.items():
                acr_t = terms(acr)
                if len(acr_t) == 1:
                    for d in defs:
                        table.setdefault(acr_t[0], set()).update(terms(d.long_form))
            self.kb.memo[key] = {a: frozenset(v) for a, v in table.items()}
        table = self.kb.memo[key]  # type: ignore[assignment]
        extra = [table[t] for t in ts if t in table]
        return ts.union(*extra) if extra else ts

    def _spelled_out(self, acronym: str) -> bool:
        """Words whose initials spell ``acronym`` in the best sentences."""
        return any(spells(acronym, ss.sent.text) for ss in self.scored_sentences[:5])

    def missing_names(self) -> list[str]:
        """Capitalised words and acronyms of the question that occur nowhere in the reports.

        A question about a place or body the reports never name cannot be answered from them.
        """
        import re

        out = []
        from .names import asked_kind_words  # (names reads the context: imported here, not at the top)

        kind_words = asked_kind_words(self.question)  # "which NGO …": the kind asked, not a name
        words = re.findall(r"[^\W_][\w'’-]*", self.question)
        for i, w in enumerate(words):
            bare = re.sub(r"['’]s$", "", w)
            # "NRIA-issued", "UNHCR-funded": the name is the part before the participle
            bare = re.sub(HYPHEN_PARTICIPLE + "$", "", bare)
            first = i == 0 or re.search(r"[.?!;:]\s*$", self.question[: self.question.find(w)]) is not None
            if first and not (sum(c.isupper() for c in bare) >= 2):
                continue  # a sentence's first word is capitalised anyway ("… met? Give both.")
            if not bare[:1].isupper() or len(bare) < 3:
                continue
            low = norm(bare)  # accents folded, as the report's words are
            if any(w in self.kb.surface_words for w in (low, low.rstrip("s"), american(low), american(low.rstrip("s")))):
                continue
            parts = [norm(x) for x in bare.split("-") if x]
            if len(parts) > 1 and all(x in self.kb.surface_words for x in parts):
                continue  # "the UNHCR-WFP cash": two names the reports use, joined
            if any(lk.start <= self.question.find(w) < lk.end for lk in self.links):
                continue
            if low in kind_words:
                continue
            if low in _DOCUMENT_PARTS and re.match(r"\s*(?:\d|[IVX]+\b|[A-Z]\b|['’]s)", self.question[self.question.find(w) + len(w):]):
                continue  # "Section 3's funding table", "Annex B": a part of the report, not a name
            if re.search(rf"\bin {re.escape(w)}\b", self.question) and low in _LANGUAGES:
                continue  # "what is it called in English": the language of the answer, not a name
            if bare.isupper() and self._spelled_out(bare):
                continue  # "SOP" asked, "standard operating procedure" written
            out.append(bare)
        return out


def first_match(ctx: Ctx, pattern: re.Pattern[str], min_coverage: float, top: int = 6
                ) -> tuple[ScoredSent, re.Match[str]] | None:
    """The first of the ``top`` best prose sentences (covering at least ``min_coverage`` of the
    question) that holds ``pattern``, and the match: for questions asking for a form the text
    writes ("Law No. …", "the II Global Refugee Forum", "had fallen")."""
    for ss in ctx.scored_sentences[:top]:
        p = ctx.kb.passages[ss.passage_id]
        if p.kind == "table_row" or ss.coverage < min_coverage:
            continue
        m = pattern.search(p.text, ss.sent.start, ss.sent.end)
        if m:
            return ss, m
    return None


def phrase_draft(ss: ScoredSent, start: int, end: int, text: str, kind: str = "number") -> Draft:
    """A draft answering with ``text`` (read at ``[start, end)`` of the sentence's passage)."""
    return Draft(" ".join(text.split()), kind, min(1.0, 0.2 + 0.8 * ss.coverage),
                 [Evidence(ss.passage_id, [(ss.sent.start, ss.sent.end), (start, end)], ss.score)])


def _loosely_named(words: list[tuple[str, ...]], long_terms: frozenset[str]) -> int:
    """"the housing ministry" for the Ministry of Housing and Urban Affairs: at least two words of the
    long form, half of its terms, written within a few words of each other. The number of its terms
    said, 0 when it is not named."""
    at = [i for i, ts in enumerate(words) if set(ts) & long_terms]
    said = {t for i in at for t in words[i] if t in long_terms}
    if len(said) < 2 or 2 * len(said) < len(long_terms) or at[-1] - at[0] > 3:
        return 0
    return len(said)
