"""Core mention detectors for one sentence: gazetteer names, acronyms (with plural, possessive and
typo variants), learnt long forms, and capitalised names with cue words ("Ministry of …",
"… Working Group", "Auditor General's office"). ``graph.mention_rules.detect`` runs these together
with the special detectors (quoted titles, places, phrases, definite references …).

Spans are in the cleaned passage text of a :class:`graph.textview.View`. Document-level knowledge
(acronym table, learnt places, learnt programme phrases) is passed in a :class:`Knowledge`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .acronyms import acronym_base, is_acronym, near_acronym
from .gazetteer import GazEntry, Gazetteer, fold, prefix_key
from .lexicon import (
    MONTHS,
    NAME_CONNECTORS,
    NAME_PARTICLES,
    SENTENCE_OPENERS,
    TRAILING_CUES,
    cue_type,
)

TOKEN = re.compile(r"(?:[^\W_]|&)(?:[\w'&+]|[.\-/](?=[^\W_]))*\+?")
# Sector acronyms that name topics or generic classes, not things ("GBV", "NGOs", "USD").
GENERIC_ACRONYMS = frozenset(
    """NGO NGOs INGO CSO CSOs CBO GBV SGBV SEA PSEA LGBTIQ LGBTI LGBTQI LGTBIQ LGBT LGBTQ NFI NFIs CBI MHPSS
    WASH AGD SOP SOPs IDP IDPs ID IDs USD US UK UN COVID HIV AIDS SDG SDGs PDM CRI CRIs ICT IT TV RSD UAM
    UASC PSN PSNs PoC PoCs MPC MPCA HQ II III IV VI VII VIII IX XI XII KPI KPIs""".split()
)
_GENERIC_QUALIFIERS = frozenset("UN NGO INGO Partner Government State Local National Regional Other".split())
_ROMAN = re.compile(r"^[IVXLC]+$")
@dataclass
class Cand:
    """A candidate mention. ``key`` says how it will be merged (see graph.entities)."""

    start: int
    end: int
    surface: str
    type: str
    source: str  # gazetteer | acronym | longform | cue | quoted | place | ref | listed | lower | population
    key: str  # "gaz:<id>", "acr:<ACR>", "name:<folded>", "ref:<head>", "place:<folded>"
    head: str = ""
    gaz: GazEntry | None = None
    priority: int = 0


@dataclass
class Knowledge:
    """What the document teaches before mentions are read sentence by sentence."""

    gazetteer: Gazetteer
    acronyms: dict[str, str] = field(default_factory=dict)  # ACR → long form ("" for lowercase topics)
    long_forms: dict[str, str] = field(default_factory=dict)  # long form → ACR
    places: set[str] = field(default_factory=set)  # surface names learnt as places
    phrases: dict[str, str] = field(default_factory=dict)  # folded lowercase programme phrase → label
    phrase_canon: dict[str, str] = field(default_factory=dict)  # variant phrase → the phrase it spells
    populations: dict[str, str] = field(default_factory=dict)  # folded population phrase → label
    country: str = ""
    _long_re: re.Pattern[str] | None = None

    def long_form_re(self) -> re.Pattern[str] | None:
        if self._long_re is None and self.long_forms:
            alts = sorted(self.long_forms, key=len, reverse=True)
            self._long_re = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in alts) + r")(?!\w)")
        return self._long_re

    def known_acronyms(self) -> list[str]:
        return [*self.acronyms, *self.gazetteer.acronyms()]


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, start, len(text) if end is None else end)]


def is_cap(tok: str) -> bool:
    return tok[:1].isupper() or (tok[:1].isdigit() and not tok.isdigit() and len(tok) <= 3)


def _gap_is_space(text: str, a: int, b: int) -> bool:
    return text[a:b].strip() == ""


def resolve_acronym(tok: str, kn: Knowledge) -> tuple[str, str] | None:
    """(acronym, how) for a token that names a known acronym, a variant or typo of one."""
    base = acronym_base(tok)
    if base is None:
        return None
    if base in kn.acronyms or kn.gazetteer.lookup(base):
        return base, "exact"
    near = near_acronym(base, kn.known_acronyms())
    if near:
        return near, "variant"
    return base, "unknown"


def _gazetteer(text: str, toks: list[tuple[str, int, int]], kn: Knowledge) -> list[Cand]:
    out = []
    gz = kn.gazetteer
    for i in range(len(toks)):
        tok = toks[i][0]
        lower_start = tok.lower() in gz.lower_starts
        if not (is_cap(tok) or tok[:1].isdigit() or lower_start):
            continue
        best: GazEntry | None = None
        best_end = 0
        base = acronym_base(tok)
        if base and base in gz.acronyms_set:
            best, best_end = gz.lookup(base), toks[i][2]
        elif tok in gz.acronyms_set:  # a joint acronym one token long ("PAHO/WHO")
            best, best_end = gz.lookup(tok), toks[i][2]
        for n in range(1, min(gz.max_words + 2, len(toks) - i) + 1):
            a, b = toks[i][1], toks[i + n - 1][2]
            surface = text[a:b]
            if prefix_key(surface) not in gz.prefixes and prefix_key(surface.removesuffix("'s")) not in gz.prefixes:
                break
            e = gz.lookup(surface) or (gz.lookup(surface[:-2]) if surface.endswith("'s") else None)
            if e and (is_cap(tok) or tok[:1].isdigit() or n >= 3):
                best, best_end = e, b
        if best and _continues_name(text, toks, best_end):
            best = None  # "Salvador das Conchas" is not the gazetteer's Salvador: the chunk rule names it whole
        if best:
            a = toks[i][1]
            out.append(Cand(a, best_end, text[a:best_end], best.type, "gazetteer", f"gaz:{best.key}", gaz=best, priority=5))
        elif "-" in tok:
            # "Niger-Chad border": hyphen-joined place names
            pos = toks[i][1]
            for part in tok.split("-"):
                e = gz.lookup(part) if part[:1].isupper() else None
                if e and e.type == "Location":
                    out.append(Cand(pos, pos + len(part), part, e.type, "gazetteer", f"gaz:{e.key}", gaz=e, priority=5))
                pos += len(part) + 1
    return out


def _acronyms(toks: list[tuple[str, int, int]], kn: Knowledge) -> list[Cand]:
    out = []
    for tok, a, b in toks:
        r = resolve_acronym(tok, kn)
        if r is None:
            continue
        acr, how = r
        if how == "unknown":
            core = acr.rstrip("+")
            if (
                acr in GENERIC_ACRONYMS
                or core in GENERIC_ACRONYMS
                or _ROMAN.match(acr)
                or sum(c.isupper() for c in acr) < 3
                or any(c.isdigit() for c in acr) and not any(c.isalpha() for c in acr[1:])
            ):
                continue
        if acr in kn.acronyms and not kn.acronyms[acr]:
            continue  # defined with a lower-case long form: a topic ("GBV"), not a thing
        gz = kn.gazetteer.lookup(acr) if acr not in kn.acronyms else None
        lf = kn.acronyms.get(acr)
        typ = gz.type if gz else (name_type(lf) if lf else None) or "Organization"
        key = f"gaz:{gz.key}" if gz else f"acr:{acr}"
        out.append(Cand(a, b, tok, typ, "acronym", key, head=acr, gaz=gz, priority=4))
    return out


def _long_forms(text: str, s0: int, s1: int, kn: Knowledge) -> list[Cand]:
    rx = kn.long_form_re()
    if rx is None:
        return []
    out = []
    for m in rx.finditer(text, s0, s1):
        lf = m.group()
        acr = kn.long_forms[lf]
        typ = name_type(lf) or "Organization"
        out.append(Cand(m.start(), m.end(), lf, typ, "longform", f"acr:{acr}", head=_head(lf), priority=4))
    return out


def name_type(name: str) -> str | None:
    """Type of a capitalised name from its head word (the last cue before "of/for …")."""
    words = [w for w in re.split(r"[\s]+", name) if w]
    pre: list[str] = []
    for w in words:
        if w.lower() in ("of", "for", "on", "against", "about", "from", "de", "del"):
            break
        pre.append(w)
    for group in (pre, words):
        for w in reversed(group):
            for part in reversed(w.split("-")):
                t = cue_type(part)
                if t == "Event" and part.lower() in ("forum", "forums") and any(x.lower() in _STANDING_BODY for x in words):
                    return "Organization"  # "Refugee Coordination Forum": a standing body, not a meeting
                if t:
                    return t
    return None


# Words that make a "… Forum" a standing body that meets, leads and has members rather than an event
_STANDING_BODY = frozenset("coordination consultative advisory steering partners permanent standing".split())


def _head(name: str) -> str:
    words = name.split()
    pre = []
    for w in words:
        if w.lower() in ("of", "for", "on", "against", "about", "from"):
            break
        pre.append(w)
    for w in reversed(pre or words):
        if cue_type(w.split("-")[-1]):
            return w.split("-")[-1].lower().removesuffix("'s")
    return (pre or words)[-1].lower()


def _continues_name(text: str, toks: list[tuple[str, int, int]], end: int) -> bool:
    """The name goes on after ``end`` through a lower-case particle ("… das Conchas", "… de la Sierra")."""
    k = next((i for i, t in enumerate(toks) if t[1] >= end), None)
    if k is None or toks[k][0] not in NAME_PARTICLES or not _gap_is_space(text, end, toks[k][1]):
        return False
    while k < len(toks) and toks[k][0] in NAME_PARTICLES:
        k += 1
    return k < len(toks) and is_cap(toks[k][0]) and _gap_is_space(text, toks[k - 1][2], toks[k][1])


def capitalised_chunks(text: str, toks: list[tuple[str, int, int]], s0: int) -> list[tuple[int, int]]:
    """Token index ranges [i, j] of capitalised names joined by connectors."""
    out = []
    i, n = 0, len(toks)
    while i < n:
        tok, a, _ = toks[i]
        if not is_cap(tok) or (a == s0 or text[s0:a].strip() in ("-", "•")) and tok.lower() in SENTENCE_OPENERS:
            i += 1
            continue
        if tok.lower() in MONTHS:
            i += 1
            continue
        j = i
        while True:
            k = j + 1
            while (
                k < n
                and toks[k][0].lower() in NAME_CONNECTORS
                and k - j <= 2
                and _gap_is_space(text, toks[k - 1][2], toks[k][1])
                and (toks[k][0].lower() != "the" or toks[k - 1][0].lower() in _THE_AFTER)
            ):
                k += 1
            if k < n and toks[k][0] in ("No", "Nº", "N°") and k + 1 < n and toks[k + 1][0][:1].isdigit():
                j = k + 1  # "Law No. 4471"
                continue
            if k < n and (is_cap(toks[k][0]) or toks[k - 1][0] in ("No", "No.") and toks[k][0][:1].isdigit()) and _gap_is_space(text, toks[k - 1][2], toks[k][1]) and toks[k][0].lower() not in MONTHS:
                j = k
            else:
                break
        out.append((i, j))
        i = j + 1
    return out


_THE_AFTER = frozenset("of for on against to with at from about".split())


def _chunks(text: str, toks: list[tuple[str, int, int]], s0: int, kn: Knowledge) -> list[Cand]:
    out = []
    for i, j in _join_through_in(text, toks, capitalised_chunks(text, toks, s0), kn):
        for a_i, b_i in _split_chunk(toks, i, j, kn):
            c = _chunk_cand(text, toks, a_i, b_i, kn)
            if c:
                out.append(c)
    return out


def _join_through_in(text: str, toks: list[tuple[str, int, int]], spans: list[tuple[int, int]], kn: Knowledge) -> list[tuple[int, int]]:
    """"Joint Programme on Rural Jobs in Hill Towns": a titled name (one with "on/of/for" inside)
    goes on through "in" when what follows is capitalised but not a place. "in" is not a general
    connector because "UNHCR in Aldera" or "the Office of the Mayor in Riverton" name a body and
    where it is."""
    out: list[tuple[int, int]] = []
    for i, j in spans:
        if out and _in_joins(text, toks, out[-1], (i, j), kn):
            out[-1] = (out[-1][0], j)
        else:
            out.append((i, j))
    return out


def _in_joins(text: str, toks: list[tuple[str, int, int]], left: tuple[int, int], right: tuple[int, int], kn: Knowledge) -> bool:
    (a, b), (c, d) = left, right
    if c != b + 2 or toks[b + 1][0] != "in" or text[toks[b][2] : toks[c][1]] != " in ":
        return False
    inner = {t[0] for t in toks[a + 1 : b]}
    if not inner & {"on", "for", "of"} or name_type(text[toks[a][1] : toks[b][2]]) is None:
        return False
    right_words = [t[0] for t in toks[c : d + 1]]
    right_name = text[toks[c][1] : toks[d][2]]
    if any(is_acronym(w) or w.lower() in MONTHS or w[:1].isdigit() for w in right_words):
        return False
    if right_name in kn.places or any(w in kn.places for w in right_words):
        return False
    return not any(
        (e := kn.gazetteer.lookup(w)) is not None and e.type == "Location" for w in (right_name, *right_words)
    )


def _split_chunk(toks: list[tuple[str, int, int]], i: int, j: int, kn: Knowledge) -> list[tuple[int, int]]:
    """Split "UNHCR and IOM", "A Organizations and B Organizations", "CAVs of the Ministry" …"""
    parts = []
    start = i
    k = i
    while k <= j:
        tok = toks[k][0]
        base = acronym_base(tok)
        if base and is_acronym(base) and k > start and toks[k - 1][0].lower() in NAME_CONNECTORS:
            end = k - 1
            while end > start and toks[end][0].lower() in NAME_CONNECTORS:
                end -= 1
            parts.append((start, end))
            start = k
        if base and is_acronym(base) and k < j and toks[k + 1][0].lower() in NAME_CONNECTORS and (k > start or tok.endswith("s") or base == tok):
            parts.append((start, k))
            start = k + 1
            while start <= j and toks[start][0].lower() in NAME_CONNECTORS:
                start += 1
            k = start
            continue
        if tok == "to" and start < k < j and name_type(" ".join(t[0] for t in toks[start:k])) == "Programme":
            right = [t for t in toks[k + 1 : j + 1] if t[0] != "the"]
            if right and name_type(" ".join(t[0] for t in right)) == "Organization":
                parts.append((start, k - 1))  # "Housing Loan to the Government of X": a grant and its receiver
                start = k + 1 + (toks[k + 1][0] == "the")
        if tok.lower() in ("and", "&") and start < k < j:
            left, right = toks[k - 1][0], toks[k + 1][0]
            left_name = " ".join(t[0] for t in toks[start:k])
            right_name = " ".join(t[0] for t in toks[k + 1 : j + 1])
            # "A Organizations and B Organizations" are two names, but a one-word left part is not a
            # name of its own: "Shelter and Site Planning Sector" is one sector
            both_cued = k - start >= 2 and name_type(left_name) is not None and _has_cue(toks[k + 1 : j + 1])
            if is_acronym(left) or is_acronym(right) or both_cued or kn.gazetteer.lookup(right) or kn.gazetteer.lookup(right_name):
                parts.append((start, k - 1))
                start = k + 1
        k += 1
    if start <= j:
        parts.append((start, j))
    return [(a, b) for a, b in parts if a <= b]


def _has_cue(part: list[tuple[str, int, int]]) -> bool:
    """A cue word before any connector: "Faith-Based Organizations", not "Public Works"."""
    for t, _, _ in part:
        if t.lower() in NAME_CONNECTORS:
            return False
        if cue_type(t.split("-")[-1]):
            return True
    return False


def _chunk_cand(text: str, toks: list[tuple[str, int, int]], i: int, j: int, kn: Knowledge) -> Cand | None:
    # "UNHCR's Community-Based Approach": the possessor is not part of the name
    while i < j and toks[i][0].endswith("'s") and (is_acronym(toks[i][0][:-2]) or kn.gazetteer.lookup(toks[i][0][:-2])):
        i += 1
    if i == j and toks[i][0].endswith("'s") and is_acronym(toks[i][0][:-2]):
        return None  # "DGI's network"
    # "the NGO Foundation for Rivers": the class before a name that opens with its own cue word
    if i < j and toks[i][0] in ("NGO", "INGO", "CSO") and cue_type(toks[i + 1][0]) == "Organization":
        i += 1
    a, b = toks[i][1], toks[j][2]
    # a trailing lower-case cue ("Auditor General's office", "Skills Exchange programme")
    k = j + 1
    if k < len(toks) and toks[k][0].lower() in TRAILING_CUES and _gap_is_space(text, toks[j][2], toks[k][1]):
        b = toks[k][2]
    elif (
        k + 1 < len(toks)
        and toks[k + 1][0].lower() in TRAILING_CUES
        and not is_cap(toks[k][0])
        and toks[k][0].lower() not in NAME_CONNECTORS
        and _gap_is_space(text, toks[j][2], toks[k][1])
        and _gap_is_space(text, toks[k][2], toks[k + 1][1])
        and i < j
    ):
        b = toks[k + 1][2]  # "Renta Digna emergency payment"
    surface = text[a:b].rstrip(".")
    b = a + len(surface)
    words = surface.split()
    typ = name_type(surface)
    if typ is None:
        return None
    if len(words) == 1:
        return None  # single cue words are definite references, handled elsewhere
    if not words[0].endswith("'s") and all(w.lower() in NAME_CONNECTORS or (cue_type(w) and w.endswith("s")) for w in words):
        return None  # "Ministry", "Offices and Units": no proper name in it
    if is_acronym(words[0]) and not kn.gazetteer.lookup(words[0]) and len(words) == 2 and words[1].islower():
        return None  # "MWA protocol": an acronym used as a modifier
    if len(words) == 2 and words[0] in _GENERIC_QUALIFIERS and cue_type(words[1]) and words[1].endswith("s"):
        return None  # "UN Agencies", "Partner Organizations": a class, not a body
    return Cand(a, b, surface, typ, "cue", f"name:{canonical(surface)}", head=_head(surface), priority=3)


def fold_text(text: str) -> str:
    """Lower-case with hyphens as spaces, same length as ``text`` (for offset-preserving search)."""
    return text.lower().replace("-", " ").replace("'", "'")


def canonical(name: str) -> str:
    """Merge key of a name: folded, without a leading article, possessive or plural."""
    words = fold(name).split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    if words:
        last = words[-1]
        for suf, rep in (("ies", "y"), ("ches", "ch"), ("ses", "s"), ("s", "")):
            if last.endswith(suf) and len(last) > 4 and not last.endswith("ss"):
                words[-1] = last[: -len(suf)] + rep
                break
    return " ".join(words)
