"""The items of a list written in one sentence, as character spans into the sentence.

Two kinds of list are found, without a parser:

* marked enumerations, "three approaches: a) …, b) … and c) …" (also ``i)``, ``(a)``, ``(1)``,
  ``1)``): a chain of markers counting up from one; an item runs to the next marker;
* coordinations, "by gender, age, disability and ethnicity": 3+ comma-separated conjuncts before
  "and"/"or"/"as well as", or 2 conjuncts after a list cue ("such as", "including", "both") or
  as the subject of the sentence ("Education and child protection activities were reduced").

Word lists stand in for parts of speech: a preposition, auxiliary, relative pronoun or a verb in
-ed ends a conjunct, and a comma "conjunct" holding a finite verb makes the whole thing a sequence
of clauses, which is not returned (precision over recall). A head noun shared by the conjuncts
stays in the last item only ("psychological | legal | social support"), so that the items joined
back read as the sentence did. "and" between capitalised words with no comma list around it is
part of a name ("Bosnia and Herzegovina"); parentheses are opaque to the outer list, and a list
inside them is looked for on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.text import terms

_MAX_ITEM = 120  # characters; a longer marked item is cut at a clause boundary
_MAX_WORDS = 8  # a coordinated conjunct longer than this is not a list item

# Not "of": "the promotion of livelihoods" is one item.
_PREP = frozenset("""in on at for with to from by through during across within among amongst under over into
    via after before despite out between against towards toward throughout per without upon about around beyond""".split())
_AUX = frozenset("""is are was were be been being has have had will would can could may might must should
    shall did do does remain remains remained gave made took led held met saw became began brought built
    sent spent won got found kept went came""".split())
_REL = frozenset("which who whom whose that where when while whereas although though because since if "
                 "unless whether but so thus thereby as than".split())
_DISCOURSE = frozenset("however moreover furthermore additionally also addition therefore notably overall "
                       "finally meanwhile respectively then later subsequently afterwards still".split())
_VERBS = frozenset(f"{v}{e}" for v in "include receive provide offer face cover require reach comprise "
                   "involve target obtain lack prioritise prioritize identify".split()
                   for e in ("", "s", "d", "ed", "ing"))
_CUES = frozenset("including include includes included namely especially particularly like e.g i.e "
                  "both".split())
_DET = frozenset("the a an its their his her our all some many other these those this".split())
_CONNECT = frozenset("of for on and de del la the".split())
_NUMBERS = {w: n for n, w in enumerate("two three four five six seven eight nine ten".split(), 2)}
_STOP_LEFT = _PREP | _AUX | _REL | _DISCOURSE | _VERBS | _CUES | {"and", "or", "and/or"}
_PUNCT = frozenset(",;:.!?")
_MARKER = re.compile(r"(?<![\w).,'’/-])(\()?([a-z]|[ivx]{1,4}|\d{1,2})\)(?=\s)")
_ROMAN = {r: n for n, r in enumerate("i ii iii iv v vi vii viii ix x".split(), 1)}
_CLAUSE_END = re.compile(r";|\.(?:\s|$)|,\s+(?:which|who|where|while|whereby|thereby|although|but)\b|\s[–—]\s")
_TAIL = re.compile(r"(?:[\s,;:.]+|(?<![\w/])(?:and|or|and/or)\s*)$")
_TOKEN = re.compile(r"(?:[^\s,;:!?]|(?<=\d),(?=\d{3}))+|[,;:!?]")  # "1,302" is one token


@dataclass(frozen=True)
class Item:
    start: int  # offsets into the sentence string given
    end: int
    text: str  # sentence[start:end], whitespace-collapsed


@dataclass(frozen=True)
class Enumeration:
    items: tuple[Item, ...]
    start: int  # span of the whole enumeration in the sentence
    end: int
    marked: bool  # True for "a) … b) …", "i) … ii) …", "(1) … (2) …" enumerations
    markers: tuple[str, ...] = ()  # the markers as written ("a)", "(ii)"), for marked lists
    joiner: str = "and"  # the conjunction of a coordination ("and" / "or")


def _item(s: str, a: int, b: int) -> Item | None:
    while a < b and s[a].isspace():
        a += 1
    while b > a and (m := _TAIL.search(s, a, b)) and m.start() < b:
        b = m.start()
    return Item(a, b, " ".join(s[a:b].split())) if b > a else None


def _marked_item(s: str, a: int, b: int) -> Item | None:
    """The text after a marker up to the next one, cut at a clause end and at ``_MAX_ITEM``."""
    if m := _CLAUSE_END.search(s, a, b):
        b = m.start() if m.start() > a else b
    if b - a > _MAX_ITEM:  # cut at the last comma (else word) boundary that fits
        cut = s.rfind(", ", a, a + _MAX_ITEM)
        b = cut if cut > a else max(s.rfind(" ", a, a + _MAX_ITEM), a + _MAX_ITEM)
    return _item(s, a, b)


def _readings(label: str) -> list[tuple[str, int]]:
    if label.isdigit():
        return [("n", int(label))]
    return ([("a", ord(label) - 96)] if len(label) == 1 else []) + (
        [("r", _ROMAN[label])] if label in _ROMAN else [])


def _marked(s: str) -> list[Enumeration]:
    cands = [(m, bool(m.group(1)), kind, v) for m in _MARKER.finditer(s) for kind, v in _readings(m.group(2))]
    out: list[Enumeration] = []
    pos = 0
    for i, (m, paren, kind, v) in enumerate(cands):
        if v != 1 or m.start() < pos:
            continue
        chain = [m]
        for m2, paren2, kind2, v2 in cands[i + 1:]:
            if (paren2, kind2, v2) == (paren, kind, len(chain) + 1) and m2.start() >= chain[-1].end():
                chain.append(m2)
        ends = [c.start() for c in chain[1:]] + [len(s)]
        items = [_marked_item(s, c.end(), e) for c, e in zip(chain, ends, strict=True)]
        if len(chain) >= 2 and all(items):
            its = tuple(it for it in items if it)
            out.append(Enumeration(its, chain[0].start(), its[-1].end, True, tuple(c.group(0) for c in chain)))
            pos = its[-1].end
    return out


def _mask(s: str) -> tuple[str, list[tuple[int, int]]]:
    """``s`` with every top-level parenthesis group blanked to \\x01 (same length), and the groups."""
    chars, groups, depth, opened = list(s), [], 0, 0
    for i, c in enumerate(s):
        if c == "(":
            opened, depth = (i if depth == 0 else opened), depth + 1
        elif c == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append((opened, i + 1))
                chars[opened:i + 1] = "\x01" * (i + 1 - opened)
    return "".join(chars), groups


def _tokens(masked: str) -> list[tuple[str, int, int]]:
    out = []
    for m in _TOKEN.finditer(masked):
        t, a, b = m.group(), m.start(), m.end()
        if len(t) > 1 and t.endswith("."):  # a sentence end or an abbreviation: a boundary either way
            out += [(t[:-1], a, b - 1), (".", b - 1, b)]
        else:
            out.append((t, a, b))
    return out


def _suffix(w: str) -> str | None:
    """"ed" / "ing" for a word that may be a verb form (hyphenated compounds are adjectives)."""
    return next((x for x in ("ed", "ing") if len(w) > 4 and w.endswith(x) and "-" not in w), None)


class _Coord:
    """One pass over the tokens of a sentence looking for coordinations around each conjunction."""

    def __init__(self, s: str, inner: bool = False) -> None:
        self.s, self.inner = s, inner  # inner: the text inside parentheses
        self.masked, self.groups = _mask(s)
        self.toks = _tokens(self.masked)
        self.low = [t.lower() for t, _, _ in self.toks]

    def punct(self, j: int) -> bool:
        return j < 0 or j >= len(self.toks) or self.low[j] in _PUNCT

    def cap(self, j: int) -> bool:
        return 0 <= j < len(self.toks) and self.toks[j][0][:1].isupper()

    def connector(self, j: int) -> bool:
        """A small word inside a capitalised name ("Ministry of Labour", "Talent Beyond Borders")."""
        return (self.low[j] in _CONNECT or (j > 0 and self.cap(j) and self.low[j] in _PREP)) and self.cap(j - 1) and (
            self.cap(j + 1) or self.low[j + 1:j + 2] == ["the"])

    def participle(self, j: int) -> bool:
        """An -ed word after a noun: a verb, or a clause reduced to a participle ("boys affected by")."""
        return (_suffix(self.low[j]) == "ed" and self.low[j] not in ("based", "related") and not self.punct(j - 1)
                and self.low[j - 1] not in _DET and not self.low[j - 1].endswith("ly"))

    def verb(self, j: int, at_end: bool = False) -> bool:
        """A finite verb: an auxiliary, or an -ed word after a noun and before an object ("partners
        opened shelters") or, with ``at_end``, before the end of the clause ("and Ghana signed.")."""
        after = self.low[j + 1] if j + 1 < len(self.low) else "."
        return self.low[j] in _AUX or (self.participle(j) and after not in _PREP and (at_end or after not in _PUNCT))

    def words(self, a: int, b: int) -> int:
        return sum(1 for t in self.low[a:b] if not t.startswith("\x01"))

    def np_like(self, a: int, b: int, sfx: str | None) -> bool:
        """Can a comma chunk be a whole conjunct? Not with a finite verb, a relative, a participle
        ("linked to") or a long inner coordination; a verb in -ed/-ing with an object ("supporting the
        …") only in a list of such ("issued the documents, … and referred cases")."""
        low = self.low
        return (0 < self.words(a, b) <= _MAX_WORDS and low[a] not in _STOP_LEFT
                and (_suffix(low[a]) in (None, sfx) or b - a == 1 or (b - a == 2 and low[a + 1] not in _DET))
                and not any(low[j] in _AUX | _REL or (low[j] in ("and", "or") and (self.words(a, b) > 4 or any(
                    low[y] in _PREP and not self.connector(y) for y in range(a, b))))
                            or (j > a and self.participle(j)) or (_suffix(low[j]) and low[j + 1] in _PREP)
                            for j in range(a, b - 1))
                and low[b - 1] not in _AUX | _REL)

    def tail(self, a: int, b: int, kmax: int | None, sfx: str | None, stop_and: bool) -> int:
        """Start of the conjunct that ends chunk ``a..b``: back to a stop word, at most ``kmax`` words;
        back to a verb of the same form as the next conjunct's ("registered arrivals, issued …")."""
        low, j = self.low, b
        while j > a and not (self.verb(j - 1) or (low[j - 1] in _STOP_LEFT and not self.connector(j - 1)
                                                  and (stop_and or low[j - 1] not in ("and", "or")))):
            j -= 1
        if sfx:  # a list of verb phrases: the first one starts at its verb, or there is none
            at = [y for y in range(a, b) if _suffix(low[y]) == sfx]
            return at[-1] if at and self.words(at[-1], b) <= _MAX_WORDS else b
        if kmax is not None and self.words(j, b) > kmax:
            j = b
            while self.words(j, b) < kmax or low[j].startswith("\x01"):
                j -= 1
            while j > a and low[j] not in _DET and self.cap(j) and (self.cap(j - 1) or self.connector(j - 1)):
                j -= 1  # keep a capitalised name whole,
            j -= j > a and low[j - 1] in _DET  # and its determiner
        return j

    def right(self, r0: int) -> int:
        """End of the conjunct after the conjunction: at punctuation, a preposition, a verb, a relative."""
        low, r = self.low, r0
        while not self.punct(r) and not (r > r0 and ((low[r] in _PREP and not self.connector(r)) or self.participle(r)
                                                     or (low[r] in _DET and self.cap(r))  # "… Livelihoods The people"
                                                     or low[r] in _AUX | _REL | _DISCOURSE | {"and", "or", "but"})):
            r += 1
        return r

    def around(self, i: int, n: int) -> Enumeration | None:
        """The coordination whose conjunction (``n`` tokens) is at token ``i``, if it is a list."""
        low, toks = self.low, self.toks
        r0 = i + n
        if self.punct(r0) or low[r0] in _PREP | _AUX | _REL | _DISCOURSE | {"of"}:  # not "and later X"
            return None
        r = self.right(r0)
        if self.words(r0, r) > _MAX_WORDS or low[r:r + 1] in (["and"], ["or"]):
            return None  # too long, or nested ("legal advice and medical and financial support")
        oxford = low[i - 1] in (",", ";")
        sfx = _suffix(low[r0])
        j, full, first, cue, t, k = i - 1 - oxford, [], None, False, -1, -2
        while j >= 0 and not self.punct(j):
            k = j
            while not self.punct(k - 1):
                k -= 1
            if k > 0 and low[k - 1] in (",", ";") and self.np_like(k, j + 1, sfx):
                full.append((k, j + 1))
                j = k - 2
                continue
            # as long as the longest comma conjunct (the last may carry a shared head noun)
            kmax = max(self.words(a, b) for a, b in full) if full else self.words(r0, r) if n == 3 else None
            t = self.tail(k, j + 1, kmax, sfx, stop_and=not full)
            cue = t > 0 and (low[t - 1] in _CUES or low[t - 2:t] == ["such", "as"])
            opener = low[k] in _PREP | _DISCOURSE | _REL | {"of"} or (k == 0 and _suffix(low[k]) == "ing")
            intro = (bool(full or oxford) and opener and low[k] not in _CUES  # "In 2023, …", "Supporting X, …"
                     and not any(low[y] in _VERBS or self.verb(y) for y in range(k + 1, j + 1)))
            number = all(re.fullmatch(r"[\d.,%]+", w) for w in low[t:j + 1]) and not low[r0][:1].isdigit()
            if t <= j and not (intro or number) and (full or cue or n == 3 or t == k) and self.words(t, j + 1) <= 8:
                first = (t, j + 1)
            break
        gapped = low[r0][:1].isdigit() and not self.punct(r) and low[r] in _PREP and any(
            low[a][:1].isdigit() and set(low[a:b]) & _PREP for a, b in full)  # "53 to B and 512 to C"
        if not self.punct(r) and low[r] in _PREP and any(set(low[a + 1:b]) & _PREP for a, b in full):
            r2 = self.right(r)  # parallel to "guidance about X, …": "and access to Y"
            r = r2 if self.words(r0, r2) <= _MAX_WORDS and low[r2:r2 + 1] not in (["and"], ["or"]) else r
        # ", and staff worked in …" may be a new clause
        verb_stop = not self.punct(r) and (self.verb(r, at_end=True) or (oxford and self.participle(r)))
        clause_end = next((x for x in range(r, len(toks)) if self.punct(x)), len(toks))
        finite_after = any(self.verb(x) for x in range(r, min(r + 8, clause_end)))
        whole = self.inner and not full and first == (0, i) and clause_end == len(toks) and all(
            self.words(a, b) > 1 for a, b in (first, (r0, r)))  # "(Talent Lift and Talent Beyond Borders)"
        conj = ([first] if first else []) + full[::-1] + [(r0, r)]
        x = i - 1  # the capitalised run before "and": a name if it has "of"/"for" ("Ministry of Labour")
        while x > 0 and (self.cap(x - 1) or self.connector(x - 1)):
            x -= 1
        name = low[i] == "and" and self.cap(i - 1) and self.cap(r0) and not whole and (
            not full or any(low[y] in ("of", "for") for y in range(x, i)))
        if len(conj) < 2 or name or gapped:
            return None  # "Bosnia and Herzegovina"; "12 went to A, 53 to B and 512 to C"
        preamble_verb = any(low[y] in _VERBS or self.verb(y) for y in range(conj[0][0]))
        if verb_stop and preamble_verb:
            return None  # "…, and the office opened shelters": clauses, not a list
        subject = finite_after and not preamble_verb and (first is None or t == k) and all(
            self.words(a, b) <= 4 for a, b in conj)
        if len(conj) == 2 and not (cue or n == 3 or subject or whole):
            return None
        items = [_item(self.s, toks[a][1], toks[b - 1][2]) for a, b in conj]
        its = tuple(it for it in items if it)
        if len(its) < len(items):
            return None
        return Enumeration(its, its[0].start, its[-1].end, False, joiner="or" if low[i] == "or" else "and")

    def run(self) -> list[Enumeration]:
        out = []
        for i, t in enumerate(self.low):
            n = 1 if t in ("and", "or", "and/or") else 3 if self.low[i:i + 3] == ["as", "well", "as"] else 0
            if n and i > 0 and i + n < len(self.low) and (e := self.around(i, n)):
                out.append(e)
        for a, b in self.groups:  # a list inside parentheses, on its own
            out += [_shift(e, a + 1) for e in _Coord(self.s[a + 1:b - 1], inner=True).run()]
        return out


def _shift(e: Enumeration, d: int) -> Enumeration:
    its = tuple(Item(it.start + d, it.end + d, it.text) for it in e.items)
    return Enumeration(its, e.start + d, e.end + d, e.marked, e.markers, e.joiner)


def enumerations(sentence: str) -> list[Enumeration]:
    """The lists the sentence states, in order, non-overlapping (marked ones win, then the longest)."""
    chosen: list[Enumeration] = []
    for e in sorted(_marked(sentence) + _Coord(sentence).run(), key=lambda e: (not e.marked, e.start - e.end)):
        if all(e.end <= c.start or e.start >= c.end for c in chosen):
            chosen.append(e)
    return sorted(chosen, key=lambda e: e.start)


def _asked_count(question: str) -> int | None:
    m = re.search(r"\b(two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-9])\b(?!\s*%)", question.lower())
    return None if m is None else _NUMBERS.get(m.group(1)) or int(m.group(1))


def best_enumeration(sentence: str, question: str) -> Enumeration | None:
    """The enumeration that answers the question: the asked count of items, marked, most shared terms."""
    found = enumerations(sentence)
    if not found:
        return None
    n, q = _asked_count(question), set(terms(question))

    def key(e: Enumeration) -> tuple[bool, bool, int, int]:
        near = set(terms(sentence[max(0, e.start - 60):e.end]))
        return (len(e.items) == n, e.marked, len(q & near), -e.start)

    return max(found, key=key)


def _shorten(text: str, n: int) -> str:
    if len(text) <= n:
        return text
    cut = text[:max(n - 2, 0)].rsplit(" ", 1)[0].rstrip(",;:") if " " in text[:max(n - 2, 0)] else ""
    return (cut or text.split(" ", 1)[0]) + " …"


def format_items(e: Enumeration, max_chars: int = 300) -> str:
    """"a) …; b) …" for a marked list, "X, Y and Z" otherwise; items shortened alike, none dropped."""
    texts = [it.text for it in e.items]

    def render(ts: list[str]) -> str:
        if e.marked:
            return "; ".join(f"{m} {t}" for m, t in zip(e.markers or [f"{chr(97 + i)})" for i in range(len(ts))],
                                                        ts, strict=False))
        comma = "," if any(f" {e.joiner} " in t for t in ts) else ""  # "A, Bosnia and Herzegovina, and C"
        return ts[0] if len(ts) == 1 else f"{', '.join(ts[:-1])}{comma} {e.joiner} {ts[-1]}"

    out = render(texts)
    total = sum(map(len, texts))
    if len(out) <= max_chars or total == 0:
        return out
    budget = max_chars - (len(out) - total)
    return render([_shorten(t, max(budget * len(t) // total, 1)) for t in texts])
