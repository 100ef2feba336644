"""Acronym definitions learnt from the text, and lookup of acronym variants.

Two definition shapes are recognised (Schwartz & Hearst, PSB 2003):
``Long Form (ACR)`` and ``ACR (Long Form)``. Many acronyms in Latin-American
reports come from the Spanish name ("Working Group for Rural Housing
(GTVR)"), so a capitalised name directly before ``(ACR)`` is accepted even when
its letters do not spell the acronym ("adjacent" definitions). Variants are
matched by :func:`acronym_base` (plurals, possessives) and :func:`near_acronym`
(transposition typos such as "UNCHR", reordered letters such as "LGTBIQ+").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from .lexicon import cue_type

# An acronym token: starts upper case, ≥2 capitals, may hold digits / lower case ("C4D", "MoHA").
ACRONYM = r"[A-Z][A-Za-z0-9&]*[A-Z0-9][A-Za-z0-9&]*\+?"
_ACR_RE = re.compile(rf"^{ACRONYM}$")
_PAREN = re.compile(rf"\(\s*({ACRONYM})\s*(?:[,;][^()]{{0,60}})?\)")
_REVERSE = re.compile(rf"\b({ACRONYM})\s+\(([^()]{{3,120}})\)")
_TOKEN = re.compile(r"[\w'+&.-]+|[^\w\s]")

# Lower-case words that may sit inside a proper name ("Ministry of Housing and Public Works").
CONNECTORS = frozenset(
    "of for and on in from to the de del la los las y about against with at by under & -".split()
)
# Words that end a backward scan for a name: a name never runs across them.
_STOPS = frozenset(
    "the a an its their this these those our his her which that who whose by with as through via "
    "supporting supported including such between among was were is are has have had".split()
)
_MAX_ADJACENT_WORDS = 12
# Capitalised words that open a sentence with a preposition ("According to the …"), never a name's first word
_OPENERS = frozenset("according thanks due owing pursuant prior regarding concerning following".split())
_THE_OK_AFTER = frozenset("of for on against to with at from about".split())
# Lower-case heads that make "the national civil registration system (SIRCA)" a name.
# "Protection Sector of the Valley Aid Team (VAT)": a sub-body of the defined body, not its name.
_SUB_BODY_OF = re.compile(
    r"\b(?:sub-?sectors?|sectors?|clusters?|(?:working\s+|sub-?)?groups?|task\s+forces?|(?:sub-?)?committees?|boards?"
    r"|secretariat|units?|teams?|branch|chapter)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_LOWER_HEADS = frozenset(
    "system process mechanism programme program strategy plan policy protocol card certificate registry "
    "database platform network initiative project scheme".split()
)


@dataclass(frozen=True)
class Definition:
    """``acronym`` defined as ``long_form``; spans are offsets into the scanned text."""

    acronym: str
    long_form: str
    long_start: int
    long_end: int
    acr_start: int
    acr_end: int
    kind: str  # "letters" (Schwartz–Hearst match), "adjacent" (no letter match), "reverse"


def is_acronym(token: str) -> bool:
    upper = sum(ch.isupper() for ch in token)
    return bool(_ACR_RE.match(token)) and upper >= 2 and upper * 2 >= len(token.rstrip("+"))


@lru_cache(maxsize=65536)
def acronym_base(token: str) -> str | None:
    """``CAVs`` → ``CAV``, ``UNHCR's`` → ``UNHCR``, ``UAFs'`` → ``UAF``; None if not an acronym."""
    tok = token.replace("’", "'").replace("´", "'").replace("`", "'")
    for suffix in ("'s", "s'", "'", "s"):
        if tok.endswith(suffix) and is_acronym(tok[: -len(suffix)]) and len(tok) - len(suffix) >= 2:
            stem = tok[: -len(suffix)]
            # "NGOs" → "NGO", but an all-capital word ending in S ("UNHCRS") is left alone.
            if suffix == "s" or stem[-1] != "S" or suffix != "'":
                return stem
    return tok if is_acronym(tok) else None


def near_acronym(token: str, known: Iterable[str]) -> str | None:
    """A known acronym that ``token`` is a typo or letter-reordering of, else None.

    Only tokens of 4+ letters are considered: short acronyms are too dense to tell apart.
    """
    tok = token.rstrip("+")
    if len(tok) < 4:
        return None
    best: str | None = None
    for acr in known:
        core = acr.rstrip("+")
        if core == tok or len(core) < 4 or abs(len(core) - len(tok)) > 1:
            continue
        same_letters = sorted(core.upper()) == sorted(tok.upper())
        # one transposition / substitution for 4–5 letters; reorderings of 6+ letters ("LGTBIQ")
        if OSA.distance(core, tok) <= 1 and (len(tok) >= 5 or same_letters) or (same_letters and len(tok) >= 5):
            if best is not None and best != acr:
                return None  # ambiguous: two candidates
            best = acr
    return best


def find_definitions(text: str) -> list[Definition]:
    """Every acronym definition in ``text`` (one sentence or passage)."""
    found: list[Definition] = []
    for m in _PAREN.finditer(text):
        acr = m.group(1)
        if not is_acronym(acr):
            continue
        d = _long_form_before(text, m.start(), acr, m.start(1), m.end(1))
        if d:
            found.append(d)
    for m in _REVERSE.finditer(text):
        acr, inner = m.group(1), m.group(2)
        if not is_acronym(acr) or is_acronym(inner.strip()):
            continue
        inner_start = m.start(2) + (len(inner) - len(inner.lstrip()))
        lf = inner.strip()
        span = _letters_match(acr, lf)
        words = lf.split()
        name_like = (
            len(words) >= 3 and lf[:1].isupper() and "," not in lf and not any(c.isdigit() for c in lf)
            and sum(w[:1].isupper() for w in words) >= 2 and all(w[:1].isupper() or w in CONNECTORS for w in words)
        )
        if (span is not None and span[0] == 0) or name_like:
            found.append(Definition(acr, lf, inner_start, inner_start + len(lf), m.start(1), m.end(1), "reverse"))
    return found


def _long_form_before(text: str, paren: int, acr: str, a0: int, a1: int) -> Definition | None:
    """The long form that ends just before ``(`` at ``paren``."""
    head = text[:paren].rstrip()
    # Tokens of the window before the parenthesis, nearest last; stop at clause punctuation.
    toks = [(t.group(), t.start()) for t in _TOKEN.finditer(head)]
    window: list[tuple[str, int]] = []
    for tok, pos in reversed(toks):
        if not (tok[0].isalnum() or tok[0] in "'&-") or len(window) >= max(_MAX_ADJACENT_WORDS, 2 * len(acr)):
            break
        window.insert(0, (tok, pos))
    if not window:
        return None
    letters = re.sub(r"[^A-Za-z0-9]", "", acr)
    listed = _comma_list_form(head, toks, letters, acr, a0, a1)
    if listed:
        return listed
    max_words = min(len(letters) + 5, 2 * len(letters))
    adjacent = _adjacent(head, window, acr, a0, a1)
    for i in range(max(0, len(window) - max_words), len(window)):
        cand = window[i:]
        if cand[0][0].lower() in _STOPS or cand[0][0].lower() in CONNECTORS:
            continue
        lf = head[cand[0][1] :]
        span = _letters_match(acr, lf)
        if span is None or span[0] != 0 or _crosses_stop(cand[1:]):
            continue
        if lf[:1].islower() and any(t[:1].isupper() for t, _ in cand):
            continue  # "indicator after the following National survey": not a name
        if adjacent and adjacent.long_start < cand[0][1] and not _SUB_BODY_OF.search(head, adjacent.long_start, cand[0][1]):
            return adjacent  # the letters matched only the tail of a longer capitalised name
        return Definition(acr, lf, cand[0][1], len(head), a0, a1, "letters")
    return adjacent


def _comma_list_form(head: str, toks: list[tuple[str, int]], letters: str, acr: str, a0: int, a1: int) -> Definition | None:
    """"Ministry of Water, Forests and Fisheries (MWFF)": a name whose own words are a comma list.

    The comma normally ends the backward scan; here a name may run across commas when the part after
    the last comma is "X and Y" and the initials of the capitalised words spell the acronym exactly.
    """
    if "," not in head[-80:] or not re.search(r",\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s+and\s+[A-Z][^,()]*$", head):
        return None
    words: list[tuple[str, int]] = []
    for tok, pos in reversed(toks):
        if tok == ",":
            continue
        if not (tok[:1].isalpha() and (tok[:1].isupper() or tok.lower() in CONNECTORS)) or tok.lower() in _STOPS and tok.lower() not in CONNECTORS or tok.lower() == "the":
            break
        words.insert(0, (tok, pos))
        if len(words) > 2 * len(letters) + 2:
            return None
    for k in range(len(words)):
        tail = words[k:]
        if not tail[0][0][:1].isupper():
            continue
        initials = "".join(t[0] for t, _ in tail if t[:1].isupper())
        if initials.lower() == letters.lower() and "," in head[tail[0][1] :]:
            return Definition(acr, head[tail[0][1] :], tail[0][1], len(head), a0, a1, "letters")
    return None


def _crosses_stop(tokens: list[tuple[str, int]]) -> bool:
    for k, (t, _) in enumerate(tokens):
        low = t.lower()
        if low in _STOPS and low not in CONNECTORS:
            return True
        if low == "the" and (k == 0 or tokens[k - 1][0].lower() not in _THE_OK_AFTER):
            return True  # "in March the Ministry of …": "the" opens a new noun phrase
    return False


def _adjacent(head: str, window: list[tuple[str, int]], acr: str, a0: int, a1: int) -> Definition | None:
    """A capitalised name directly before ``(ACR)``, letters not required to match."""
    name: list[tuple[str, int]] = []
    rev = list(reversed(window))
    for k, (tok, pos) in enumerate(rev):
        low = tok.lower()
        if low in _STOPS and low not in CONNECTORS:
            break
        if low == "the" and (k + 1 >= len(rev) or rev[k + 1][0].lower() not in _THE_OK_AFTER):
            break
        name.insert(0, (tok, pos))
    if name and not any(t[:1].isupper() for t, _ in name):
        return _lower_name(head, name, acr, a0, a1)
    while name and not name[0][0][:1].isupper():
        name.pop(0)
    if name and name[0][0].lower() in _OPENERS:
        # "According to the National Survey of … (ENCV)": the sentence's opening words are not the name
        the = next((k for k, (t, _) in enumerate(name) if t.lower() == "the"), None)
        name = name[the + 1 :] if the is not None and the <= 2 else name[1:]
    if len(name) > _MAX_ADJACENT_WORDS and any(t[:1].islower() and t.lower() not in CONNECTORS for t, _ in name):
        # "UNHCR also worked with the National Council for the Inclusion of … (ABCD)": too long with the
        # words before it; the capitalised tail is the name if it carries a head word
        return _capitalised_tail(head, name, acr, a0, a1)
    if len(name) < 2 or len(name) > _MAX_ADJACENT_WORDS:
        return None
    # Lower-case content words may only trail the name ("… Refugees office", "… living conditions").
    lower_run = 0
    seen_lower_tail = False
    for tok, _ in name:
        low = tok.lower()
        if tok[:1].isupper() or tok[:1].isdigit():
            if seen_lower_tail:
                # "UNHCR's partnership with the National Water Resources Management System (SINARH)"
                return _capitalised_tail(head, name, acr, a0, a1)
            lower_run = 0
        elif low not in CONNECTORS:
            lower_run += 1
            seen_lower_tail = True
    if lower_run > 3 or sum(1 for t, _ in name if t[:1].isupper()) < 2:
        return None
    lf = head[name[0][1] :]
    if is_acronym(lf):
        return None
    return Definition(acr, lf, name[0][1], len(head), a0, a1, "adjacent")


def _capitalised_tail(head: str, name: list[tuple[str, int]], acr: str, a0: int, a1: int) -> Definition | None:
    """The capitalised name that ends the window, after its last lower-case content word.

    Accepted only when it carries a cue or head word ("System", "Ministry", "Platform" …), since
    its letters need not spell the acronym.
    """
    k = len(name)
    while k > 0 and (name[k - 1][0][:1].isupper() or name[k - 1][0][:1].isdigit() or name[k - 1][0].lower() in CONNECTORS):
        k -= 1
    tail = name[k:]
    while tail and not tail[0][0][:1].isupper():
        tail = tail[1:]  # "with the" before the name
    if len(tail) < 2 or not tail[-1][0][:1].isupper() or sum(t[:1].isupper() for t, _ in tail) < 2:
        return None
    if not any(cue_type(part) for t, _ in tail for part in t.split("-")):
        return None
    lf = head[tail[0][1] :]
    if is_acronym(lf) or is_acronym(tail[0][0]):
        return None
    return Definition(acr, lf, tail[0][1], len(head), a0, a1, "adjacent")


def _lower_name(head: str, name: list[tuple[str, int]], acr: str, a0: int, a1: int) -> Definition | None:
    """"the national civil registration system (SIRCA)": a lower-case programme name."""
    words = [t for t, _ in name]
    if words[-1].lower() not in _LOWER_HEADS or not 2 <= len(words) <= 5 or any(w in CONNECTORS for w in words):
        return None
    return Definition(acr, head[name[0][1] :], name[0][1], len(head), a0, a1, "adjacent")


def _letters_match(acr: str, long_form: str) -> tuple[int, int] | None:
    """Schwartz–Hearst: match the acronym's letters right-to-left in ``long_form``.

    Returns the (start, end) of the matched long form inside ``long_form``, or None.
    The first letter must begin a word.
    """
    s = [c.lower() for c in acr if c.isalnum()]
    lf = long_form.lower()
    if not s or len(lf) < len(s):
        return None
    s_idx, l_idx = len(s) - 1, len(lf) - 1
    while s_idx >= 0:
        c = s[s_idx]
        while l_idx >= 0 and (
            lf[l_idx] != c or (s_idx == 0 and l_idx > 0 and (lf[l_idx - 1].isalnum() or lf[l_idx - 1] in "'’´"))
        ):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    start = lf.rfind(" ", 0, l_idx + 2) + 1
    return start, len(lf)
