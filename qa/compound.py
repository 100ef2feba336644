"""Two questions in one: "how many joined, and how many of those found a job?", "compare the number
of A with the number of B", "did UNHCR train more X or more Y? Give both counts".

Each half is answered on its own and the two answers are joined, because the two figures usually
sit in different sentences (often different passages) with their own words; one ranking over the
whole question's words picks the best sentence for one half and any other figure near it for the
other. ``split_compound`` is pure: it only rewrites the question text into its two halves.
"""

from __future__ import annotations

import re

_HOW = (r"(?:how (?:many|much|big|large|long|often|high|low|steep|sharp|fast)|"
        r"what (?:share|percentage|proportion|number|amount|part|fraction))")
# "During the regularization drive, which …", "With its extra staff, how many …": a scene both halves share
_PRE = (r"(?:(?:for|in|at|among|within|during|across|of|with|under|after|before|since|through|throughout|on|over|"
        r"besides|apart from|beyond|following|according to) [^?,]*?,\s+)")
# "what was their average size", "what share of them …": a second figure about the first half's thing
_WHAT_FIGURE = (r"what (?:was|were|is|are) (?:their|its|the|that|this) (?:average|mean|median|typical|total|size|value|"
                r"amount|share|percentage|proportion|number|rate)\b")
_TWO_HOW = re.compile(
    rf"^\s*(?P<pre>[^?]*?[:–—]\s+|[^?]*?\s-\s+|{_PRE})?"
    rf"(?P<a>{_HOW}\b[^?]*?),?\s+and\s+(?P<b>(?:(?:by|for|of|in|to|from) )?{_HOW}\b[^?]*|{_WHAT_FIGURE}[^?]*)"
    r"\?\s*$",
    re.IGNORECASE,
)
# "Which body passed the amnesty, and roughly how many people had applied for it?": a name or a place,
# then a figure (or the other way round)
_WH = r"(?:(?:in|from|to|with|for|by) )?(?:which|what|who|whom|whose|where|when)"
_WH_AND_WH = re.compile(
    rf"^\s*(?P<pre>{_PRE})?(?P<a>{_WH}\b[^?]*?),?\s+and\s+(?P<b>(?:(?:roughly|about|approximately|around|exactly|also) )?(?:{_HOW}|{_WH})\b[^?]*)"
    r"\?\s*$",
    re.IGNORECASE,
)
# "How many survivors went to the centres, compared with the cases handled by the teams?"
_HOW_COMPARED = re.compile(
    r"^\s*(?P<pre>[^?]*?,\s*)?(?P<a>how many [^?]+?),?\s+(?:compared (?:with|to)|as against|against|versus|vs\.?)\s+"
    r"(?P<b>[^?]+?)\s*\?\s*$",
    re.IGNORECASE,
)
# "Set the number of people who applied … against those who …"
_SET_AGAINST = re.compile(
    r"^\s*(?:set|put|weigh|contrast|compare) (?:the )?(?:number|count) of (?P<a>[^?]+?)\s+(?:against|with|to|and|"
    r"alongside) (?P<b>(?:those|the ones|the people|people|the number|the count)\b[^?]+?)\s*[.?]?\s*$",
    re.IGNORECASE,
)
# "Did UNHCR build skills in more people than it trained on …? Give both head counts."
_MORE_THAN = re.compile(
    r"^\s*(?:did|does|do|was|were) (?P<s>[^?]+?) (?P<v>[a-z]+)(?P<mid> [^?]*?)? more (?P<n>[\w-]+)(?P<a> [^?]*?)? than "
    r"(?:it|they|he|she|we|the \w+)? ?(?P<b>[^?]+?)\?\s*" + r"(?:(?:give|list|state|provide|show|with)\s+)?(?:me\s+)?"
    r"(?:both|the two)\b[^?]*[.?]?\s*$",
    re.IGNORECASE,
)
# "Compare the number of people who … with the number given …"
_COMPARE = re.compile(
    r"^\s*compare (?:the )?(?P<ua>number|count|amount|share|percentage) of (?P<a>[^?]+?)\s+(?:with|to|and|against) "
    r"(?:the )?(?P<ub>number|count|amount|share|percentage)(?: of)? (?P<b>[^?]+?)\s*[.?]?\s*$",
    re.IGNORECASE,
)
# "Did UNHCR teach more officials about X or more people about Y? Give both (head) counts."
# "Give both counts.", "Both numbers please.", "List both figures."
_BOTH = r"(?:(?:give|list|state|provide|show|with)\s+)?(?:me\s+)?(?:both|the two)\b[^?]*[.?]?\s*$"
_MORE_OR_MORE = re.compile(
    r"^\s*(?:did|does|do|was|were) (?P<s>[^?]+?) (?P<v>[a-z]+) more (?P<a>[^?]+?) or more (?P<b>[^?]+?)\?\s*" + _BOTH,
    re.IGNORECASE,
)
# "At the border, did more people get legal advice or shelter? Give both numbers."
_MORE_PEOPLE_OR = re.compile(
    r"^\s*(?P<pre>[^?]*?,\s*)?(?P<aux>did|do|does|were|was) more (?P<n>[\w-]+) (?P<a>[^?]+?) or (?P<b>[^?]+?)\?\s*" + _BOTH,
    re.IGNORECASE,
)
# "Did the care centres or the units help more people in 2025? Give both figures."
_A_OR_B_MORE = re.compile(
    r"^\s*(?P<pre>[^?]*?,\s*)?(?:did|do|does) (?P<a>[^?]+?) or (?P<b>[^?]+?) (?P<v>[a-z]+) more (?P<n>[\w-]+)(?P<rest> [^?]*)?\?\s*"
    + _BOTH,
    re.IGNORECASE,
)
# "Which is larger: the people who …, or those …? Give both."
_WHICH_LARGER = re.compile(
    r"^\s*(?:which|what|who)(?: (?:figure|number|count|total|one|tally))? (?:is|was|are|were) (?:larger|bigger|higher|"
    r"greater|more|more numerous)\b(?P<when> (?:in|during|by|over) [^:?,]+)?\s*[:,–—-]?\s*"
    r"(?P<a>[^?]+?),? or (?P<b>[^?]+?)\?\s*" + _BOTH,
    re.IGNORECASE,
)
# "Which reached more people: the legal clinics, or the mobile teams? Both numbers please."
_WHICH_VERB_MORE = re.compile(
    r"^\s*(?:which|what|who) (?P<v>[a-z]+) more (?P<n>[\w-]+)(?P<pp> [a-z]+(?:ed|en|wn))?\s*[:,–—-]\s*(?P<a>[^?]+?),? or "
    r"(?P<b>[^?]+?)\?\s*" + _BOTH,
    re.IGNORECASE,
)
# The second alternative starts with its own verb ("request X or apply for Y") or shares the first's ("get X or Y")
_VERB_START = re.compile(r"(?:apply|request|receive|get|obtain|seek|ask|enrol|enroll|register|join|return|travel|leave|"
                         r"depart|access|use|attend|go|move|submit|take|find|need|benefit)s?\b|\w+(?:ed|ing)\b|"
                         r"(?:given|taken|seen|done|made|got|gotten|sent|paid|found|brought|built|kept|held|left|lost|"
                         r"met|put|run|shown|told|won|known|grown|chosen|taught|sought|bought)\b",
                         re.IGNORECASE)
# "how many of those …", "what was their …": the second half speaks of the first half's thing
# "what share of the beneficiaries were women": a role noun speaks of those the first half counted
_BACK_REFERENCE = re.compile(r"\b(?:of (?:those|these|them)|their|its|they|them|that|those|these|"
                             r"the (?:beneficiaries|recipients|participants|attendees|trainees))\b", re.IGNORECASE)
_AMOUNT_WORDS = {"number": "How many", "count": "How many", "amount": "How much", "share": "What share of",
                 "percentage": "What percentage of"}


def split_compound(question: str) -> tuple[str, str] | None:
    """The two questions a two-figure question asks, each standing alone; None for one question."""
    q = " ".join(question.split())
    m = _TWO_HOW.match(q)
    if m:
        pre = (m.group("pre") or "").strip(" :–—-,")
        a, b = m.group("a").strip(" ,"), m.group("b").strip(" ,")
        first = f"{pre}: {a}?" if pre else f"{_cap(a)}?"
        unit = re.match(r"how (?:many|much) ([a-z-]+)\b", a, re.IGNORECASE)
        if unit and re.match(r"how (?:many|much) (?:for|to|in|at|by|on|before|until)\b", b, re.IGNORECASE):
            # "how many hours for a lone child …, and how many for an adult …": the same unit
            b = re.sub(r"^(how (?:many|much))", rf"\1 {unit.group(1)}", b, flags=re.IGNORECASE)
        b = b if pre else _borrow_from_first(a, b)
        if pre:
            second = f"{pre}: {b}?"
        elif re.match(r"(?:by )?how many of (?:those|these|them)\b", b, re.IGNORECASE):
            # "how many of those found a job" → "Of the candidates who joined …, how many found a job"
            rest = re.sub(r"^(?:by )?how many of (?:those|these|them)\s*", "", b, flags=re.IGNORECASE)
            second = f"Of the {_subject(a)}, how many {rest}?"
        elif _BACK_REFERENCE.search(b) and not _OWN_NOUN.match(b):
            # "what was their average size" asks a figure as "how much" does (not "how many
            # organisations aligned their values": the pronoun is the second half's own noun's)
            b = re.sub(r"^what (was|were|is|are) (?:their|its|that|this)\b", r"how much \1 the", b, flags=re.IGNORECASE)
            second = f"{_cap(b)} ({_subject(a)})?"
        else:
            second = f"{_cap(b)}?"
        return first, second
    m = _WH_AND_WH.match(q)
    if m and re.search(r"\b(?:what|which) (?:[\w-]+ )?(?:code|number)\b|\bunder (?:what|which) code\b", m.group("a"),
                       re.IGNORECASE) and re.search(r"\b(?:it|its)\b", m.group("b"), re.IGNORECASE):
        return None  # "what code does the table give X, and where did it stand": one row, its number and values
    if m and all(re.search(r"\b(?:direction|way)\b", m.group(h), re.IGNORECASE) for h in ("a", "b")):
        return None  # "which direction shrank, and which direction grew": one sentence says both
    if m and not re.match(r"(?:which|what|who)\s+(?:one|of (?:the|them|these|those))\b", m.group("a"), re.IGNORECASE) \
            and len(m.group("b").split()) >= 3:  # "…, and with whom?" completes one question
        a, b = m.group("a").strip(" ,"), m.group("b").strip(" ,")
        pre = (m.group("pre") or "").strip(" ,")
        lead = (lambda t: f"{pre}, {t}") if pre else _cap
        if _BACK_REFERENCE.search(b):
            # "… and how many had applied for it": the second half borrows what the first is about
            topic = re.sub(rf"^{_WH}\s+", "", a, flags=re.IGNORECASE)
            return f"{lead(a)}?", f"{lead(b)} ({topic})?"
        return f"{lead(a)}?", f"{lead(b)}?"
    m = _COMPARE.match(q)
    if m:
        return (f"{_AMOUNT_WORDS[m.group('ua').lower()]} {m.group('a').strip(' ,')}?",
                f"{_AMOUNT_WORDS[m.group('ub').lower()]} {_with_head(m.group('b'), m.group('a'))}?")
    m = _HOW_COMPARED.match(q)
    if m:
        pre = m.group("pre") or ""
        a = m.group("a").strip(" ,")
        b = re.sub(r"^(?:the|those)\s+", "", m.group("b").strip(" ,"), flags=re.IGNORECASE)
        if re.match(r"how many\b", b, re.IGNORECASE):
            # "… compared with how many it actually interviewed": the first half's noun, counted again
            noun = re.match(r"how many ([\w-]+)", a, re.IGNORECASE)
            b = re.sub(r"^how many\s+", "", b, flags=re.IGNORECASE)
            b = f"{noun.group(1)} {b}" if noun and not b.lower().startswith(noun.group(1).lower()) else b
        return (f"{pre}{a}?" if pre else f"{_cap(a)}?"), (f"{pre}how many {b}?" if pre else f"How many {b}?")
    m = _SET_AGAINST.match(q)
    if m:
        a = m.group("a").strip(" ,")
        b = re.sub(r"^(?:those|the ones|the people|people|the number of|the count of|the number|the count)\s+", "",
                   m.group("b").strip(" ,."), flags=re.IGNORECASE)
        return f"How many {a}?", f"How many {_with_head(b, a)}?"
    m = _MORE_THAN.match(q)
    if m:
        s_, v, n = m.group("s"), m.group("v"), m.group("n")
        first = f"How many {n}{m.group('a') or ''} did {s_} {v}{m.group('mid') or ''}?"
        return " ".join(first.split()), f"How many {n} {m.group('b').strip(' ,')}?"
    m = _WHICH_VERB_MORE.match(q)
    if m:
        # "who got more people trained: A, or B": how many people were trained (by) A
        v, n = (f"were{m.group('pp')} by" if m.group("pp") else m.group("v")), m.group("n")
        return f"How many {n} {v} {m.group('a').strip(' ,')}?", f"How many {n} {v} {m.group('b').strip(' ,')}?"
    m = _MORE_PEOPLE_OR.match(q)
    if m:
        pre, n, a, b = (m.group("pre") or ""), m.group("n"), m.group("a").strip(" ,"), m.group("b").strip(" ,")
        if not _VERB_START.match(b):
            b = f"{a.split()[0]} {b}"  # "get legal advice or shelter": get shelter
        lead = f"{pre}how many" if pre else "How many"
        aux = f" {m.group('aux').lower()}" if m.group("aux").lower() in ("were", "was") else ""  # "were more refugees placed …"
        return f"{lead} {n}{aux} {a}?", f"{lead} {n}{aux} {b}?"
    m = _A_OR_B_MORE.match(q)
    if m:
        # "did the care centres or the child protection units help more people? Give both figures."
        pre, v, n, rest = (m.group("pre") or ""), m.group("v"), m.group("n"), m.group("rest") or ""
        lead = f"{pre}how many" if pre else "How many"
        return (" ".join(f"{lead} {n} did {m.group('a').strip(' ,')} {v}{rest}?".split()),
                " ".join(f"{lead} {n} did {m.group('b').strip(' ,')} {v}{rest}?".split()))
    m = _WHICH_LARGER.match(q)
    if m:
        a = re.sub(r"^(?:the|those)\s+", "", m.group("a").strip(" ,"), flags=re.IGNORECASE)
        b = re.sub(r"^(?:the|those)\s+", "", m.group("b").strip(" ,"), flags=re.IGNORECASE)
        when = m.group("when") or ""
        return f"How many {a}{when}?", f"How many {_with_head(b, a)}{when}?"
    m = _MORE_OR_MORE.match(q)
    if m:
        s, v = m.group("s"), m.group("v")
        return f"How many {m.group('a')} did {s} {v}?", f"How many {m.group('b')} did {s} {v}?"
    return None


# "how many organisations aligned their …": the second half names what it counts
_OWN_NOUN = re.compile(r"how many (?!of\b|did\b|do\b|does\b|were\b|was\b|are\b|is\b|had\b|have\b|has\b)[a-z-]+s\b",
                       re.IGNORECASE)
_AUX_AFTER_HOW_MANY = re.compile(r"^((?:roughly |about |approximately |around )?how many)\s+(did|do|does|were|was|are|had|have|has)\b",
                                 re.IGNORECASE)


def _borrow_from_first(first: str, second: str) -> str:
    """The second half's missing words, from the first: "how many did UNHCR reach" counts the first
    half's noun ("people"); "how many departed there" goes where the first half says ("to the US")."""
    unit = re.match(r"how many ([a-z-]+)\b", first, re.IGNORECASE)
    aux = _AUX_AFTER_HOW_MANY.match(second)
    if unit and aux and not _AUX_AFTER_HOW_MANY.match(first) and unit.group(1).lower() not in ("of", "more", "fewer"):
        second = f"{aux.group(1)} {unit.group(1)} {second[aux.end(1):].lstrip()}"
    place = re.search(r"\b(to|in|at|from) ((?:the )?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)", first)
    if place and re.search(r"\bthere\b", second):
        second = re.sub(r"\bthere\b", f"{place.group(1)} {place.group(2)}", second, count=1)
    return second


def _with_head(text: str, first: str) -> str:
    """"the number given case management" after "the number of people who got aid": the second
    counts the same kind of thing, so it borrows the first one's noun ("people given …")."""
    text = text.strip(" ,.")
    word = text.split()[0].lower() if text.split() else ""
    if word in ("who", "that", "which", "given", "receiving", "getting") or word.endswith("ed"):
        return f"{first.split()[0]} {text}"
    return text


def _subject(first: str) -> str:
    """What the first half counts: "How many candidates joined the scheme" → "candidates joined the scheme"."""
    return re.sub(rf"^{_HOW}\s+(?:of (?:the )?)?", "", first, flags=re.IGNORECASE).strip(" ,")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
