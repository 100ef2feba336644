"""The answer engine's knowledge base: documents, entities and aliases, relations, tables, passages.

Built once per process from a published build (``KnowledgeBase.from_build``) or directly from
documents and extractions (tests). Everything a question needs at query time is indexed here, so
``answer()`` does dictionary look-ups and small scans rather than re-reading or re-encoding:

* an alias index: every surface form of every entity → entity (case-insensitive; acronyms that are
  also English words, like "WHO", only in capitals), tolerant of plurals, possessives and typos;
* relations by subject and by object;
* indicator and budget rows with the terms of their labels and area titles;
* acronym definitions found in the text (a fallback when extraction missed one);
* per-passage sentences and terms (computed lazily and cached).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from embeddings.lexical import STOPWORDS, american
from graph.acronyms import acronym_base, find_definitions, is_acronym
from graph.gazetteer import country_names
from graph.ids import DEFAULT_BASE, VOCAB, entity_iri
from graph.model import Entity, Extraction, Relation
from graph.textview import make_view
from ingest.model import BudgetRow, Document, IndicatorRow, Passage

from .lexical import LexicalSearcher, Searcher
from .text import Sent, norm, sentences, terms


@dataclass(frozen=True)
class EntityRef:
    """An entity of one report's extraction, with its IRI."""

    iri: str
    entity: Entity
    report: str


@dataclass(frozen=True)
class RelationRef:
    relation: Relation
    report: str
    subject: str  # IRI
    object: str  # IRI

    @property
    def predicate_iri(self) -> str:
        return VOCAB + self.relation.predicate


@dataclass(frozen=True)
class Link:
    """An entity named in a question: ``start``/``end`` into the question, match quality 0–1."""

    iri: str
    start: int
    end: int
    surface: str
    score: float


@dataclass(frozen=True)
class AcronymDef:
    acronym: str
    long_form: str
    passage_id: str
    long_span: tuple[int, int]  # into the passage text
    acr_span: tuple[int, int]


_WORD_RE = re.compile(r"[^\W_][\w+&'’´-]*")
# The short forms readers write for countries a report spells out ("the US" for "the United States")
_SHORT_COUNTRY = {"US": "United States", "U.S": "United States", "USA": "United States", "UK": "United Kingdom"}
_CAP_RUN = re.compile(r"\b[A-Z][\w'’+-]*(?:\s+(?:of|for|and|on|the|de)?\s*[A-Z][\w'’+-]*)+")


_BODY_OF = re.compile(r"(ministry|department|secretariat|office)\s+of\s+(?:the\s+)?(.+?)(?:\s+affairs)?")


@lru_cache(maxsize=16384)
def alias_key(text: str) -> str:
    """Normalised alias: folded, possessive and "the" dropped, punctuation to spaces."""
    t = norm(text)
    t = re.sub(r"'s\b|s'(?=\s|$)", "", t)
    t = re.sub(r"[^\w+&]+", " ", t).strip()
    return re.sub(r"^the ", "", t)


def _singular(key: str) -> str:
    if key.endswith("ies") and len(key) > 5:
        return key[:-3] + "y"
    if key.endswith("s") and not key.endswith(("ss", "us", "is")) and len(key) > 3:
        return key[:-1]
    return key


class KnowledgeBase:
    """Everything ``answer()`` reads, indexed once."""

    def __init__(
        self,
        documents: Mapping[str, Document],
        extractions: Mapping[str, Extraction] | None = None,
        searcher: Searcher | None = None,
        *,
        base: str = DEFAULT_BASE,
        build_id: str = "",
    ) -> None:
        self.documents = dict(documents)
        self.extractions = dict(extractions or {})
        self._searcher = searcher
        self.base = base
        self.build_id = build_id
        self.memo: dict[Any, Any] = {}  # per-KB caches of the answerers (label terms, idf …)
        self.passages: dict[str, Passage] = {p.id: p for d in self.documents.values() for p in d.passages}
        self.slug_of = {rid: d.report.slug for rid, d in self.documents.items()}
        self.entities: dict[str, EntityRef] = {}
        self._key_iri: dict[tuple[str, str], str] = {}
        self.aliases: dict[str, set[str]] = defaultdict(set)  # alias key -> IRIs
        self._case_only: dict[str, set[str]] = defaultdict(set)  # acronyms that are English words
        self.mentions: dict[str, list[tuple[str, int, int]]] = defaultdict(list)  # passage -> (iri, s, e)
        self.relations: list[RelationRef] = []
        self.by_subject: dict[str, list[RelationRef]] = defaultdict(list)
        self.by_object: dict[str, list[RelationRef]] = defaultdict(list)
        for rid, ex in self.extractions.items():
            self._add_extraction(rid, ex)
        self.indicators: list[tuple[str, IndicatorRow]] = [
            (rid, row) for rid, d in self.documents.items() for row in d.indicators
        ]
        self.budget: list[tuple[str, BudgetRow]] = [(rid, row) for rid, d in self.documents.items() for row in d.budget]
        # Area code → the titles it goes by (section heading, indicator area, budget short title).
        self.area_titles: dict[tuple[str, str], set[str]] = defaultdict(set)
        for rid, d in self.documents.items():
            for s in d.sections:
                if s.area:
                    self.area_titles[(rid, s.area.code)].add(s.area.title)
            for ind in d.indicators:
                self.area_titles[(rid, ind.area.code)].add(ind.area.title)
            for b in d.budget:
                self.area_titles[(rid, b.area.code)].add(b.area.title)
        self._alias_list = sorted(self.aliases)
        self._multiword = [a for a in self._alias_list if " " in a and len(a) >= 8]

    # -- construction ------------------------------------------------------------------------

    @classmethod
    def from_build(cls, build: Any) -> KnowledgeBase:
        """From a loaded build (``pipeline.load.open_build``): its documents, extractions, searcher."""
        return cls(
            build.documents,
            getattr(build, "extractions", None),
            getattr(build, "searcher", None),
            build_id=str(getattr(build, "id", "")),
        )

    def _add_extraction(self, rid: str, ex: Extraction) -> None:
        slug = self.slug_of.get(rid, rid)
        for e in ex.entities:
            iri = entity_iri(e.type, e.key, slug, international=e.international, base=self.base)
            self._key_iri[(rid, e.key)] = iri
            self.entities.setdefault(iri, EntityRef(iri, e, rid))
            # a country is also found by the names the report does not use ("the US", "USA")
            known = country_names(e.key) if e.international and e.key.startswith("country-") else ()
            for alias in {e.label, *e.aliases, *([e.acronym] if e.acronym else []), *known}:
                self._add_alias(alias, iri)
        for m in ex.mentions:
            iri = self._key_iri.get((rid, m.entity))
            if iri:
                self.mentions[m.passage_id].append((iri, m.start, m.end))
        for r in ex.relations:
            s, o = self._key_iri.get((rid, r.subject)), self._key_iri.get((rid, r.object))
            if not s or not o:
                continue
            ref = RelationRef(r, rid, s, o)
            self.relations.append(ref)
            self.by_subject[s].append(ref)
            self.by_object[o].append(ref)

    def _add_alias(self, alias: str, iri: str) -> None:
        if not alias or len(alias.strip()) < 2:
            return
        key = alias_key(alias)
        if not key:
            return
        if is_acronym(alias.strip()) and key in STOPWORDS | {"us", "un", "it", "am", "who", "eu"}:
            self._case_only[alias.strip()].add(iri)  # "WHO" is an agency, "who" is a question
            return
        self.aliases[key].add(iri)
        # "Ministry of Foreign Affairs" is "the foreign ministry" to a reader; "Ministry of Labour",
        # "the labour ministry"
        m = _BODY_OF.fullmatch(key)
        if m and len(m.group(2).split()) <= 2:
            self.aliases[f"{m.group(2)} {m.group(1)}"].add(iri)
            if m.group(1) == "office" and len(m.group(2).split()) == 2:
                self.aliases[m.group(2)].add(iri)  # "the Office of the Citizens' Defender": "the Citizens' Defender"
        elif m and m.group(1) == "ministry":
            # "Ministry of Women and Vulnerable Populations" is "the women's ministry" to a reader
            first = re.match(r"([a-z]+(?: [a-z]+)?) and ", m.group(2))
            if first and not self.aliases.get(f"{first.group(1)} ministry"):
                self.aliases[f"{first.group(1)} ministry"].add(iri)
        base = acronym_base(alias.strip())
        if base and base != alias.strip():
            self.aliases[alias_key(base)].add(iri)

    # -- search ------------------------------------------------------------------------------

    @cached_property
    def searcher(self) -> Searcher:
        if self._searcher is not None:
            return self._searcher
        return LexicalSearcher(self.passages.values())

    def paraphrase(self, phrase: str, candidates: Sequence[str]) -> tuple[float, str] | None:
        """The candidate closest in meaning to ``phrase`` and its cosine, by the build's sentence
        encoder ("strike a deal" ~ "reached an agreement"); None when the knowledge base has no
        encoder (a lexical-only knowledge base does not guess)."""
        encoder = getattr(self._searcher, "encoder", None)
        if encoder is None or not candidates:
            return None
        vectors = encoder.encode([phrase, *candidates])
        sims = vectors[1:] @ vectors[0]
        best = int(sims.argmax())
        return float(sims[best]), candidates[best]

    def passage_report(self, passage_id: str) -> str:
        return self.passages[passage_id].report

    # -- per-passage text, cached --------------------------------------------------------------

    @cached_property
    def _sentence_cache(self) -> dict[str, list[Sent]]:
        return {}

    def sentences(self, passage_id: str) -> list[Sent]:
        cache = self._sentence_cache
        if passage_id not in cache:
            cache[passage_id] = sentences(self.passages[passage_id].text)
        return cache[passage_id]

    @cached_property
    def doc_freq(self) -> Counter[str]:
        """In how many passages each (canonical) term occurs."""
        return _doc_freq(self.passages.values())

    def idf(self, t: str) -> float:
        n = max(1, len(self.passages))
        return math.log(1 + (n - self.doc_freq.get(t, 0) + 0.5) / (self.doc_freq.get(t, 0) + 0.5))

    def _report_stats(self, report: str) -> tuple[Counter[str], int]:
        """Document frequencies and passage count of one report."""
        key = f"doc_freq:{report}"
        if key not in self.memo:
            own = [p for p in self.passages.values() if p.report == report]
            self.memo[key] = (_doc_freq(own), len(own))
        return self.memo[key]  # type: ignore[return-value]

    def report_idf(self, t: str, report: str | None) -> float:
        """IDF of a term over one report's passages (all passages when ``report`` is None): a
        question asked of one report weighs its words by that report, not by the others built with it."""
        if report is None:
            return self.idf(t)
        df, n = self._report_stats(report)
        n = max(1, n)
        return math.log(1 + (n - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5))

    def report_vocabulary(self, report: str | None) -> frozenset[str]:
        """The terms one report uses (every report's when ``report`` is None)."""
        if report is None:
            return self.vocabulary
        key = f"vocabulary:{report}"
        if key not in self.memo:
            self.memo[key] = frozenset(self._report_stats(report)[0])
        return self.memo[key]  # type: ignore[return-value]

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(self.doc_freq)

    @cached_property
    def surface_words(self) -> frozenset[str]:
        """Every folded word of every passage (to tell whether a name occurs in the reports at all)."""
        out: set[str] = set()
        for p in self.passages.values():
            for w in _WORD_RE.findall(norm(p.text)):
                out.add(w)
                out.update(x for x in re.split(r"[-'+&]", w) if x)
        # a question may spell a name the other way ("Centers" for "Centres", "Labor" for "Labour")
        out.update([american(w) for w in out])
        return frozenset(out)

    # -- acronyms ----------------------------------------------------------------------------

    @cached_property
    def acronyms(self) -> dict[str, list[AcronymDef]]:
        """Acronym definitions written in the text, by acronym (first occurrence first)."""
        out: dict[str, list[AcronymDef]] = defaultdict(list)
        for p in self.passages.values():
            if "(" not in p.text:
                continue
            view = make_view(p.text)
            for d in find_definitions(view.text):
                out[d.acronym].append(
                    AcronymDef(
                        d.acronym,
                        d.long_form,
                        p.id,
                        view.span(d.long_start, d.long_end),
                        view.span(d.acr_start, d.acr_end),
                    )
                )
        return dict(out)

    # -- entity linking ------------------------------------------------------------------------

    def link(self, question: str) -> list[Link]:
        """Entities named in ``question``: exact alias n-grams first, then close (typo) matches."""
        words = [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(question)]
        found: list[Link] = []
        taken: set[int] = set()
        n = len(words)
        for size in range(min(10, n), 0, -1):
            for i in range(n - size + 1):
                if any(j in taken for j in range(i, i + size)):
                    continue
                s, e = words[i][1], words[i + size - 1][2]
                surface = question[s:e]
                if size == 1 and surface.islower() and alias_key(surface) not in self.acronym_keys:
                    continue  # "offices", "platform": a common noun, not the entity an alias names
                iris = self._lookup(surface) or (self._lookup(_SHORT_COUNTRY[surface]) if surface in _SHORT_COUNTRY else set())
                if not iris:
                    continue
                score = 1.0 if size > 1 or len(surface) > 2 or surface.isupper() else 0.8
                for iri in sorted(iris):
                    found.append(Link(iri, s, e, surface, score))
                taken.update(range(i, i + size))
        # multi-word names spelt differently ("Support Centres" / "Support Centers")
        for m in _CAP_RUN.finditer(question):
            s, e = m.start(), m.end()
            idx = [i for i, (_, ws, we) in enumerate(words) if s <= ws and we <= e]
            if len(idx) < 2 or any(i in taken for i in idx):
                continue
            key = alias_key(m.group())
            hit = process.extractOne(key, self._multiword, scorer=fuzz.ratio, score_cutoff=90)
            if hit:
                for iri in sorted(self.aliases[hit[0]]):
                    found.append(Link(iri, s, e, m.group(), hit[1] / 100))
                taken.update(idx)
        for i, (w, s, e) in enumerate(words):
            if i in taken or len(w) < 4 or w.lower() in STOPWORDS:
                continue
            if not (w[:1].isupper() or is_acronym(w)):
                continue
            if w.lower() in self.surface_words:
                continue  # a real word of the report, not a typo of a name
            hit = process.extractOne(alias_key(w), self._alias_list, scorer=fuzz.ratio, score_cutoff=80)
            if hit and abs(len(hit[0]) - len(alias_key(w))) <= 2:
                for iri in sorted(self.aliases[hit[0]]):
                    found.append(Link(iri, s, e, w, hit[1] / 100 * 0.9))
                taken.add(i)
        # "US dollars", "U.S. dollar": a currency, not the country
        found = [lk for lk in found if not (lk.iri.endswith("/country-us")
                                            and re.match(r"\s*dollars?\b", question[lk.end :], re.IGNORECASE))]
        return found + self._described(question, words, taken)

    def _described(self, question: str, words: list[tuple[str, int, int]], taken: set[int]) -> list[Link]:
        """Bodies and programmes named by description rather than by name: "the urban-housing
        working group" for the Working Group on Urban Housing — every content word of the name is
        in the question, in any order."""
        pos: dict[str, list[tuple[int, int]]] = {}
        free: set[str] = set()
        for i, (w, s, e) in enumerate(words):
            for t in terms(w):
                pos.setdefault(t, []).append((s, e))
                if i not in taken:
                    free.add(t)
        out: list[Link] = []
        # only names sharing their rarest word with the question are checked (thousands of names at scale)
        candidates = {iri for t in pos for iri in self._label_index.get(t, ())}
        for iri in sorted(candidates):
            label_terms = self._label_terms[iri]
            # every word of the name is there, and not all of them inside names already found
            # ("mixed movements" may be a topic of its own; "working group … mixed movements" is the group)
            if label_terms <= pos.keys() and label_terms & free:
                spans = [pos[t][0] for t in label_terms]
                s, e = min(a for a, _ in spans), max(b for _, b in spans)
                if len(question[s:e].split()) > 2 * len(label_terms) + 1:
                    continue  # the words are scattered over the question, not a description of the name
                out.append(Link(iri, s, e, question[s:e], 0.85))
        return out

    @cached_property
    def _label_index(self) -> dict[str, list[str]]:
        """Each name's rarest term → the names holding it."""
        out: dict[str, list[str]] = {}
        for iri, label_terms in self._label_terms.items():
            rarest = min(label_terms, key=lambda t: (self.doc_freq.get(t, 0), t))
            out.setdefault(rarest, []).append(iri)
        return out

    @cached_property
    def _label_terms(self) -> dict[str, frozenset[str]]:
        """Content terms of each organisation's or programme's name (names of two to six such terms)."""
        out: dict[str, frozenset[str]] = {}
        for iri, ref in self.entities.items():
            if ref.entity.type not in ("Organization", "Programme"):
                continue
            t = frozenset(terms(ref.entity.label))
            if 2 <= len(t) <= 6:
                out[iri] = t
        return out

    @cached_property
    def acronym_keys(self) -> frozenset[str]:
        """Lower-cased acronyms of entities (a lower-case question may still name them)."""
        out = {alias_key(ref.entity.acronym) for ref in self.entities.values() if ref.entity.acronym}
        for ref in self.entities.values():
            out.update(alias_key(a) for a in ref.entity.aliases if is_acronym(a))
        return frozenset(out)

    def _lookup(self, surface: str) -> set[str]:
        raw = surface.strip()
        if raw in self._case_only:
            return set(self._case_only[raw])
        key = alias_key(raw)
        if not key or key in STOPWORDS:
            return set()
        if key in self.aliases:
            return set(self.aliases[key])
        single = _singular(key)
        if single != key and single in self.aliases:
            return set(self.aliases[single])
        return set()

    def entity(self, iri: str) -> Entity | None:
        ref = self.entities.get(iri)
        return ref.entity if ref else None

    def display(self, iri: str) -> str:
        """How an entity is named in an answer: "Long Name (ACR)" when both are known."""
        e = self.entity(iri)
        if e is None:
            return iri.rsplit("/", 1)[-1]
        acr = e.acronym
        if acr and acr != e.label and acr not in e.label:
            return f"{e.label} ({acr})"
        return e.label

    @cached_property
    def _mention_share(self) -> dict[str, float]:
        by: dict[str, set[str]] = defaultdict(set)
        for pid, ms in self.mentions.items():
            for iri, _, _ in ms:
                by[iri].add(pid)
        n = max(1, len(self.passages))
        return {iri: len(pids) / n for iri, pids in by.items()}

    @cached_property
    def _mention_share_by_report(self) -> dict[tuple[str, str], float]:
        per_report = Counter(p.report for p in self.passages.values())
        by: dict[tuple[str, str], set[str]] = defaultdict(set)
        for pid, ms in self.mentions.items():
            if pid in self.passages:
                for iri, _, _ in ms:
                    by[(iri, self.passages[pid].report)].add(pid)
        return {key: len(pids) / max(1, per_report[key[1]]) for key, pids in by.items()}

    def ubiquitous_in(self, iri: str, report: str, share: float = 0.15) -> bool:
        """Is the entity named in so many of one report's passages that the report takes it for
        granted (the nationality most of its refugees have)?"""
        if self._mention_share_by_report.get((iri, report), 0.0) > share:
            return True
        return iri == self._main_nationality.get(report)

    @cached_property
    def _main_nationality(self) -> dict[str, str]:
        """Per report, the nationality group it names most, when it names it often (the Venezuelans
        of a Peru report)."""
        from .text import NATIONALITY_WORD

        best: dict[str, tuple[float, str]] = {}
        for (iri, report), share in self._mention_share_by_report.items():
            e = self.entity(iri)
            if e is None or e.type != "PopulationGroup" or not NATIONALITY_WORD.fullmatch(e.label):
                continue
            if share >= 0.06 and share > best.get(report, (0.0, ""))[0]:  # named often, not once
                best[report] = (share, iri)
        return {report: iri for report, (_, iri) in best.items()}

    def ubiquitous(self, iri: str, share: float = 0.15) -> bool:
        """Is the entity named in so many passages (the reporting agency, the country) that a
        passage without it can still be about it?"""
        if self._mention_share.get(iri, 0.0) > share:
            return True
        e = self.entity(iri)
        countries = {alias_key(d.report.meta.country) for d in self.documents.values() if d.report.meta.country}
        return bool(e and alias_key(e.label) in countries)

    def display_in(self, iri: str, texts: list[str]) -> str:
        """The entity as the cited ``texts`` write it: "Long Name (ACR)" only when both are there."""
        from .text import find_phrase

        e = self.entity(iri)
        if e is None:
            return self.display(iri)
        found = [f for f in self.surfaces(iri) if any(find_phrase(t, f) for t in texts)]
        # the acronym the texts write, which may be another of the entity's acronyms ("BPRM", "PRM")
        acronyms = [f for f in found if f == e.acronym or (f.isupper() and " " not in f and len(f) <= 10)]
        if acronyms:
            acr = e.acronym if e.acronym in acronyms else acronyms[0]
            longs = [f for f in found if f not in acronyms and len(f) > len(acr) + 3]
            return f"{longs[0]} ({acr})" if longs else acr
        return found[0] if found else self.display(iri)

    def surfaces(self, iri: str) -> list[str]:
        """Every known surface form of an entity, longest first."""
        e = self.entity(iri)
        if e is None:
            return []
        forms = {e.label, *e.aliases, *([e.acronym] if e.acronym else [])}
        return sorted((f for f in forms if f), key=len, reverse=True)

    def mentions_in(self, passage_id: str, start: int, end: int) -> list[tuple[str, int, int]]:
        """Entity mentions inside ``[start, end)`` of a passage (offsets into the passage text)."""
        p = self.passages[passage_id]
        out = []
        for iri, s, e in self.mentions.get(passage_id, ()):
            ps, pe = s - p.start, e - p.start
            if start <= ps and pe <= end:
                out.append((iri, ps, pe))
        return out


def _doc_freq(passages: Iterable[Passage]) -> Counter[str]:
    df: Counter[str] = Counter()
    for p in passages:
        df.update(set(terms(p.text)))
    return df
