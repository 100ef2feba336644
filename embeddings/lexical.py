"""Lexical retrieval: BM25 (``bm25s``) over passages, with our own small English analyser.

The analyser lowercases, folds accents, keeps numbers whole (``140,000`` → ``140000``), drops a
short English stopword list and stems with Snowball's English (Porter2) stemmer from PyStemmer
(the stemmer bm25s itself supports), so "hired staff" meets "hiring staff" and "trained
officials" meets "training of officials".

Persistence uses bm25s's own ``save``/``load`` with ``allow_pickle=False`` (its arrays are plain
``.npy``, vocabulary and parameters JSON), plus ``analyser.json`` naming the analyser version, so an
index built by another analyser is refused rather than silently mis-scored.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import Stemmer

ANALYSER = "en-snowball-v2"
ANALYSER_FILE = "analyser.json"
# bm25s's file names (its defaults); listed so a manifest can name exactly what belongs here
BM25_FILES = (
    "data.csc.index.npy",
    "indices.csc.index.npy",
    "indptr.csc.index.npy",
    "vocab.index.json",
    "params.index.json",
)

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing done down during each either few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves per via within without among upon
    many much did does get got""".split()
)

# numbers keep their inner separators (1.5, 140,000); other tokens are runs of letters/digits
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+")


def fold(word: str) -> str:
    """Lowercase and strip accents (Bogotá → bogota)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_LOCAL = threading.local()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter2) English stem of a folded word: "hiring"/"hired" → hire, "officials" →
    offici. PyStemmer objects are not thread-safe, so each thread has its own."""
    if len(word) <= 3 or not word.isalpha():
        return word
    stemmer = getattr(_LOCAL, "stemmer", None)
    if stemmer is None:
        stemmer = _LOCAL.stemmer = Stemmer.Stemmer("english")
    return str(stemmer.stemWord(word))


# British spellings written the American way before stemming, so "organised", "organized" and
# "organization" share a stem, as do "centre"/"center", "labour"/"labor", "programme"/"program".
_SPELLING = (
    (re.compile(r"^(\w{3,})is(e|ed|es|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (re.compile(r"^(\w{3,})ys(e|ed|es|ing)$"), r"\1yz\2"),
    (re.compile(r"^(\w{3,})our(s|ed|ing|able)?$"), r"\1or\2"),
    (re.compile(r"^(\w{2,}[tb])re(s|d)?$"), r"\1er\2"),
    (re.compile(r"^programme(s|d)?$"), r"program\1"),
)


# Words Snowball folds onto another word's stem, kept apart: a "national survey" is not about
# anyone's nationality, and "organs" are not organisations.
_STEM_EXCEPTIONS = {
    "national": "national", "nationals": "national", "nationally": "national",
    "nationality": "nationalit", "nationalities": "nationalit",
    "organ": "organ", "organs": "organ",
    "university": "universit", "universities": "universit",
}


def american(word: str) -> str:
    """A folded word in American spelling (a no-op for most words)."""
    if len(word) < 5:
        return word
    for pattern, repl in _SPELLING:
        if pattern.match(word):
            return pattern.sub(repl, word)
    return word


def term(token: str) -> str | None:
    """The index term of one raw token, or None for stopwords and noise."""
    t = fold(token)
    if t[0].isdigit():
        return t.replace(",", "")
    if len(t) < 2 or t in STOPWORDS:
        return None
    if t in _STEM_EXCEPTIONS:
        return _STEM_EXCEPTIONS[t]
    return stem(american(t))


def analyse(text: str) -> list[str]:
    """Text → index terms, in order."""
    return [t for t in (term(m.group()) for m in _TOKEN.finditer(text)) if t]


# "how many …" questions: what is counted, and where a text puts a number right before it
_HOW_MANY = re.compile(r"\bhow many\b", re.IGNORECASE)
NUMBER = "#"  # stands for a number (digits or a number word) in ``counted_terms``
_NUMBER_WORDS = frozenset({"hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "dozen", "dozens"})


def quantity_focus(question: str, max_terms: int = 3) -> tuple[str, ...]:
    """The terms of what a "how many …" question counts, or () for other questions.

    The first content words after "how many", up to a stopword ("How many community leaders
    did …" → ``("communiti", "leader")``).
    """
    found = _HOW_MANY.search(question)
    if not found:
        return ()
    out: list[str] = []
    for m in _TOKEN.finditer(question, found.end()):
        if fold(m.group()) in IRREGULAR_PAST:
            break  # "how many went to …": a verb, nothing is named as counted
        if fold(m.group()) in STOPWORDS:
            if out:
                break
            continue
        t = term(m.group())
        if t:
            out.append(t)
        if len(out) >= max_terms:
            break
    return tuple(out)


IRREGULAR_PAST = frozenset("went came got left made took gave became fled ran stayed remained returned arrived "
                            "received obtained".split())


def counted_terms(text: str) -> tuple[str, ...]:
    """``analyse(text)`` with every number (digits or a number word) replaced by ``NUMBER``."""
    out = []
    for m in _TOKEN.finditer(text):
        t = fold(m.group())
        if t[0].isdigit() or t in _NUMBER_WORDS:
            out.append(NUMBER)
        else:
            t = term(m.group())
            if t:
                out.append(t)
    return tuple(out)


def counts_focus(terms: Sequence[str], focus: Sequence[str], window: int = 3) -> bool:
    """Whether a number in ``terms`` (from ``counted_terms``) is followed, within ``window``
    terms, by one of ``focus`` ("trained 336 community leaders" counts community leaders)."""
    wanted = set(focus)
    return bool(wanted) and any(
        t == NUMBER and any(x in wanted for x in terms[i + 1 : i + 1 + window]) for i, t in enumerate(terms)
    )


def analyse_spans(text: str) -> list[tuple[str, int, int]]:
    """Text → (term, start, end) with offsets into ``text`` (for highlighting matched terms)."""
    out = []
    for m in _TOKEN.finditer(text):
        t = term(m.group())
        if t:
            out.append((t, m.start(), m.end()))
    return out


@dataclass
class LexicalIndex:
    """BM25 over a fixed list of documents (row i = passage i)."""

    bm25: Any
    n_docs: int

    @classmethod
    def build(cls, docs: Sequence[str], *, k1: float = 1.2, b: float = 0.75) -> LexicalIndex:
        """Index ``docs`` (one string per passage, already including any extra indexed context)."""
        import bm25s

        if not docs:
            raise ValueError("cannot build a BM25 index over no documents")
        tokens = [analyse(d) or [""] for d in docs]  # an empty doc still takes its row
        bm25 = bm25s.BM25(k1=k1, b=b, method="lucene")
        bm25.index(tokens, show_progress=False)
        return cls(bm25=bm25, n_docs=len(docs))

    def scores(self, terms: Sequence[str], weights: Mapping[str, float] | None = None) -> np.ndarray:
        """BM25 score of every document for the query ``terms`` (each distinct term counted once).

        ``weights`` optionally scales a term's contribution (query-side term weighting).
        """
        vocab = self.bm25.vocab_dict
        known = [t for t in dict.fromkeys(terms) if t and t in vocab]
        if not known:
            return np.zeros(self.n_docs, dtype=np.float32)
        if not weights:
            ids = [vocab[t] for t in known]
            return np.asarray(self.bm25.get_scores_from_ids(ids), dtype=np.float32)
        total = np.zeros(self.n_docs, dtype=np.float32)
        for t in known:
            w = float(weights.get(t, 1.0))
            if w:
                total += w * np.asarray(self.bm25.get_scores_from_ids([vocab[t]]), dtype=np.float32)
        return total

    def doc_freq(self, t: str) -> int:
        """Number of documents containing term ``t``."""
        tid = self.bm25.vocab_dict.get(t)
        if tid is None:
            return 0
        indptr = self.bm25.scores["indptr"]
        return int(indptr[tid + 1] - indptr[tid])

    def save(self, folder: Path) -> list[str]:
        """Write bm25s's files and ``analyser.json`` into ``folder``; return their names."""
        folder.mkdir(parents=True, exist_ok=True)
        self.bm25.save(str(folder), allow_pickle=False, show_progress=False)
        meta = {"analyser": ANALYSER, "n_docs": self.n_docs}
        (folder / ANALYSER_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")
        return [*BM25_FILES, ANALYSER_FILE]

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        """Load what ``save`` wrote. Call only after the files' checksums were verified."""
        import bm25s

        meta = json.loads((folder / ANALYSER_FILE).read_text(encoding="utf-8"))
        if meta.get("analyser") != ANALYSER:
            raise ValueError(f"BM25 index was built with analyser {meta.get('analyser')!r}, not {ANALYSER!r}")
        bm25 = bm25s.BM25.load(
            str(folder), mmap=False, allow_pickle=False, load_corpus=False, show_progress=False
        )
        n_docs = int(meta["n_docs"])
        if int(bm25.scores["num_docs"]) != n_docs:
            raise ValueError(f"BM25 index holds {bm25.scores['num_docs']} documents, expected {n_docs}")
        return cls(bm25=bm25, n_docs=n_docs)
