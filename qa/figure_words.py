"""What a figure's own words say, when a sentence gives several ("with 30% of the population living
in poverty and 40% at risk of falling into it").

Used by ``qa.figures`` to tell the figures of one sentence apart: the words each figure owns, the
total a figure in parentheses breaks down, what a share is said to be, a sentence that refers back
("Of them, …"), and the adjective of the people a question counts.
"""

from __future__ import annotations

import re

from .context import Ctx
from .text import Number, canon, numbers, terms

# Demonyms of the largest displaced populations worldwide (UNHCR Global Trends): "2,300 Syrians" counts people.
_DISPLACED_DEMONYMS = (
    "venezuelans colombians haitians nicaraguans hondurans salvadorans guatemalans cubans ecuadorians syrians "
    "afghans ukrainians sudanese congolese somalis eritreans ethiopians burundians rwandans nigerians malians "
    "cameroonians centrafricans iraqis yemenis palestinians iranians pakistanis rohingya myanmar"
)
# Nouns that all count people: a question about "people" accepts "individuals", "refugees" …
PEOPLE = frozenset(
    canon(t)
    for w in (
        "people individuals persons person refugees asylum-seekers seekers migrants households "
        "families children women men survivors cases beneficiaries participants candidates leaders staff "
        "officials members students girls boys adolescents nationals citizens applicants evacuees returnees patients "
        + _DISPLACED_DEMONYMS
    ).split()
    for t in terms(w)
)


def share_predicate(question: str) -> frozenset[str]:
    """"what share of the children … were girls" → girl: the terms after the question's last copula."""
    m = re.search(r".*\b(?:were|was|are|is)\s+([^?]+)", question, re.IGNORECASE)
    return frozenset(terms(m.group(1))) if m else frozenset()


def share_of(raw: str, n: Number) -> set[str]:
    """What a share is said to be: "60% were girls", "86.4% of the survivors assisted … were women"."""
    words = re.split(r"[;:()]", raw[n.end :])[0].split()[:14]
    low = [w.lower().strip(",") for w in words]
    for i, w in enumerate(low):
        if w in ("were", "was", "are", "is"):
            return set(terms(" ".join(words[i + 1 : i + 5])))
    return set(terms(" ".join(words[:4])))


REFERS_BACK = re.compile(r"\s*(?:of|among|out of) (?:them|these|those|whom|which)\b", re.IGNORECASE)


def parent_figure(raw: str, n: Number) -> Number | None:
    """The figure a number breaks down, when it sits in parentheses right after it, or in a list
    after a colon ("submitted 3,104 refugees …: 2,210 to the United States, 486 to Canada …")."""
    open_at = raw.rfind("(", 0, n.start)
    if open_at < 0 or ")" in raw[open_at : n.start]:
        return _parent_before_colon(raw, n)
    close = raw.find(")", n.end)
    if len([m for m in numbers(raw[open_at : close if close > 0 else len(raw)]) if not m.is_year]) < 2:
        return None  # "3,490 households (more than 13,000 individuals)": the same people counted otherwise
    before = [m for m in numbers(raw[:open_at]) if not m.is_year]
    if before and len(raw[before[-1].end : open_at].split()) <= 4:
        return before[-1]
    return None


def _parent_before_colon(raw: str, n: Number) -> Number | None:
    colon = raw.rfind(":", 0, n.start)
    if colon < 0 or re.search(r"[;.]\s", raw[colon : n.start]):
        return None
    listed = [m for m in numbers(raw[colon:]) if not m.is_year and not m.percent]
    before = [m for m in numbers(raw[:colon]) if not m.is_year and not m.percent]
    if len(listed) < 2 or not before:
        return None  # one figure after a colon states, it does not break down
    return before[0]


_PREPOSITIONS = frozenset("to in for from at on with by of into".split())


_TO_FIGURE = re.compile(r"\bto\s+(?:more than |over |some |about |nearly |almost |around |at least )?$", re.IGNORECASE)


def _given_before(raw: str, prev: Number | None, n: Number) -> str | None:
    """What a figure written after "to" received ("access to water and sanitation services" in "…
    2,901 individuals and access to water and sanitation services to 4,137 people"), or None when
    the figure is not written that way."""
    before = raw[prev.end if prev else 0 : n.start]
    m = _TO_FIGURE.search(before)
    if not m:
        return None
    if prev is None:
        start = max(before.rfind(","), before.rfind(";")) + 1
        return before[start : m.start()]
    joined = re.search(r"\s(?:and|as well as)\s", before[: m.start()])
    return before[joined.end() : m.start()] if joined else None


_NEXT_LEAD_IN = re.compile(r",?\s+(?:and|while|but)\s+((?:[\w-]+\s+){0,1}[\w-]+)\s*$")


def segment_fit(ctx: Ctx, raw: str, focus_w: dict[str, float]) -> dict[int, float]:
    """For a sentence with several figures, how much of the question each figure's own words say.

    A figure owns the words after it up to the next figure ("provided orientation to 31,848 people,
    out of which | 3,746 were attended at borders"); what comes before the first figure is the
    sentence's topic, shared by all of them. Only the focus terms that tell the
    figures apart count (a term every figure's words hold says nothing about which one is asked);
    the share of those a figure's words hold is its fit, keyed by the figure's start offset.
    """
    nums = [n for n in numbers(raw) if not n.is_year and n.text.strip() not in ctx.question]
    if len(nums) < 2 or not focus_w:
        return {}
    own: list[set[str]] = []
    head: set[str] = set()
    givens = [_given_before(raw, nums[i - 1] if i else None, n) for i, n in enumerate(nums)]
    if not any(g is not None for g in givens[1:]):
        givens = [None] * len(nums)  # not the parallel "X to N1 and Y to N2": the topic is shared
    lead_in: set[str] = set()  # words the previous segment ended with that introduce this figure
    for i, n in enumerate(nums):
        right_stop = nums[i + 1].start if i + 1 < len(nums) else len(raw)
        # "… to labour platforms, and job-placing 388": the words after the last "and" before the
        # next figure are that figure's, not this one's
        nxt = _NEXT_LEAD_IN.search(raw[n.end : right_stop]) if i + 1 < len(nums) else None
        stop = n.end + nxt.start() if nxt else right_stop
        words = raw[n.end : stop].split()[:12]
        mine = set(terms(" ".join(words))) | lead_in
        lead_in = set(terms(nxt.group(1))) if nxt else set()
        left_stop = nums[i - 1].end if i else 0
        if raw[left_stop : n.start].rstrip().endswith("(") or not mine or (
                n.percent and re.search(r"\b(?:with|at|reaching)\s*$", raw[left_stop : n.start])):
            # "followed by physical violence (38.3%)": the label is written before the figure
            mine |= set(terms(" ".join(raw[left_stop : n.start].split()[-4:])))
        given = givens[i]
        if given is not None:
            # "provided shelter to 2,901 individuals and access to water to 4,137 people": what each
            # figure received is written before it; after it comes only its noun
            tail = re.split(r"\s+(?:and|but|while|throughout|during|in)\s+|[,;(]", raw[n.end : right_stop])[0]
            mine = set(terms(given)) | set(terms(" ".join(tail.split()[:3])))
        elif words and words[0].lower() in _PREPOSITIONS:
            mine |= head  # "12 departed to A, 53 to B": 53 departed too (the verb is left out)
        else:
            cut = next((j for j, w in enumerate(words) if w.lower() in _PREPOSITIONS), len(words))
            head = set(terms(" ".join(words[:cut])))
        own.append(mine)
    common = set.intersection(*own)
    # other nouns for the same people do not tell the figures apart ("4,210 households (about 15,800
    # people)" for "how many individuals …"): the noun asked for does
    unit = set(ctx.intent.unit_terms)
    counted = (PEOPLE - unit) if unit & PEOPLE else set()
    telling = {t: w for t, w in focus_w.items() if t not in common and t not in counted and any(t in o for o in own)}
    total = sum(telling.values())
    if not total:
        return {}
    return {n.start: sum(w for t, w in telling.items() if t in o) / total for n, o in zip(nums, own, strict=True)}


def people_qualifier(question: str) -> frozenset[str]:
    """The adjective before the people counted ("how many stateless persons" → stateless); not a
    participle ("resettled refugees" say what happened, which the sentence may word otherwise)."""
    m = re.search(r"\bhow many\s+((?:[\w+-]+\s+){1,2}?)([\w-]+)", question, re.IGNORECASE) or re.search(
        # "what proportion of the cases involved unaccompanied minors": the people the share is of
        r"\b(?:proportion|share|percentage|fraction)\b[^?]*?\b(?:were|was|are|involved|concerned)\s+"
        r"((?:[\w+-]+\s+){1,2}?)([\w-]+)\s*\??\s*$", question, re.IGNORECASE)
    if not m or not set(terms(m.group(2))) & PEOPLE:
        return frozenset()
    # "unaccompanied", "undocumented": a state, not something that happened to them
    words = [w for w in m.group(1).split() if not re.search(r"(?:ed|ing)$", w.lower()) or w.lower().startswith("un")]
    return frozenset(terms(" ".join(words))) - PEOPLE


_SHARE_OF_GROUP = re.compile(
    r"\b(?:share|proportion|percentage|fraction|per ?cent)\b[^?]*?\b(?:were|was|are|is)\s+(?:\w+\s+)?"
    r"(women|girls|boys|men|children|minors|adolescents|youths?|elderly|older persons|female|male)\s*\??\s*$", re.IGNORECASE)


def share_group(question: str) -> frozenset[str]:
    """The people a share is asked of ("what share of the 1,532 people … were children" → children)."""
    m = _SHARE_OF_GROUP.search(question)
    return frozenset(terms(m.group(1))) if m else frozenset()


def people_postmodifier(question: str) -> frozenset[str]:
    """The group named after the people counted ("how many persons with disabilities" → disabilities,
    "how many people of African descent" → african, descent)."""
    m = re.search(r"\bhow many\s+(?:[\w+-]+\s+){0,2}?([\w-]+)\s+(?:with|of|living with)\s+((?:[\w+-]+\s*){1,2})",
                  question, re.IGNORECASE)
    if not m or not set(terms(m.group(1))) & PEOPLE or set(terms(m.group(2).split()[0])) & PEOPLE:
        return frozenset()  # "cases of people blocked …": the "of" says whom the cases are of
    return frozenset(terms(m.group(2))) - {"unhcr"}


_ASKS_CHANGE = re.compile(
    r"\b(?:grow|grew|grown|growth|increas\w*|ris[ei]\w*|rose|fall|fell|fallen|decreas\w*|declin\w*|drop\w*|"
    r"chang\w*|expand\w*|shr[iu]nk\w*|year on year|year-on-year|compared (?:with|to) (?:the previous|last) year|"
    r"(?:go|goes|went|gone|going) (?:up|down)|jump\w*|climb\w*|surg\w*)\b",
    re.IGNORECASE,
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:increase[sd]?|increasing|growth|grew|grown|rise|rose|risen|decrease[sd]?|decline[sd]?|drop(?:ped)?|"
    r"fell|fallen|up|down|reduction|reduced|expanded|doubled|tripled)\s+(?:of\s+|by\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    r"\s*(?:%\s*)?(?:increase|growth|rise|decrease|decline|drop|reduction|more|less|fewer|higher|lower|up|down|"
    r"over (?:19|20)\d\d|compared)\b",
    re.IGNORECASE,
)


def asks_change(question: str) -> bool:
    """"By what percentage did the caseload grow year on year?": a change is asked, not a level."""
    return bool(_ASKS_CHANGE.search(question))


def states_change(raw: str, n: Number) -> bool:
    """The figure is a change ("an increase of 8.4%", "a 20% increase", "14% more than in 2024")."""
    return bool(_CHANGE_BEFORE.search(raw[max(0, n.start - 40) : n.start]) or _CHANGE_AFTER.match(raw[n.end :]))


_FROM_TO = re.compile(r"\bfrom\s+\S*\d\S*(?:\s+[a-z]+){0,2}\s+to\s+$", re.IGNORECASE)


def end_of_range(raw: str, n: Number) -> bool:
    """"from 9 to 18": 18 is where the thing ended up."""
    return bool(_FROM_TO.search(raw[max(0, n.start - 40) : n.start]))


def start_of_range(raw: str, n: Number) -> bool:
    """"from 9 to 18": 9 is where it started."""
    return bool(re.search(r"\bfrom\s+$", raw[max(0, n.start - 8) : n.start], re.IGNORECASE)) and bool(
        re.match(r"\s+(?:[a-z]+\s+){0,2}to\s+\S*\d", raw[n.end :])
    )


# "before they enrolled", "prior to the programme", "at the start": the earlier of two states is asked
_ASKS_EARLIER = re.compile(r"\b(?:before(?! the end\b)|prior to|previously|beforehand|initially|originally|at the "
                           r"(?:start|outset|beginning)|baseline)\b", re.IGNORECASE)
_EARLIER_AFTER = re.compile(r"\s*(?:[\w%-]+\s+){0,2}?(?:before(?! the end\b)|prior to|previously|beforehand|initially|"
                            r"at (?:the )?(?:baseline|start|outset))\b", re.IGNORECASE)
_EARLIER_BEFORE = re.compile(r"\b(?:baseline (?:of|was|stood at|at)|initially|originally|previously|before(?! the end\b)"
                             r"[^,;.]{0,40},)\s+(?:\w+\s+)?$", re.IGNORECASE)


def asks_earlier(question: str) -> bool:
    """"What share were above the poverty line before they enrolled?": the earlier state is asked."""
    return bool(_ASKS_EARLIER.search(question))


def states_earlier(raw: str, n: Number) -> bool:
    """The figure is the earlier state: "compared to 7% before joining", "with a baseline of 96%",
    "from 99 days to 54"."""
    clause_end = re.search(r"[,;.()]", raw[n.end :])
    after = raw[n.end : n.end + (clause_end.start() if clause_end else 60)]
    return bool(_EARLIER_AFTER.match(after) or _EARLIER_BEFORE.search(raw[max(0, n.start - 60) : n.start])
                or start_of_range(raw, n))


_LABEL_BEFORE = re.compile(r"([A-Za-z][\w-]*)\s*(?:\(\s*|:\s*|,\s+with\s+)(?:about\s+|some\s+)?$")


def figure_label(raw: str, n: Number) -> str:
    """The word a figure is given for: "rent (68%)", "psychological, with 42.7%", "Nairobi: 1,200"."""
    m = _LABEL_BEFORE.search(raw[max(0, n.start - 40) : n.start])
    if not m or (m.group(0).rstrip().endswith("(") and not raw[n.end : n.end + 2].lstrip().startswith(")")):
        return ""
    return m.group(1)


# A figure given for a name: "468 to the United States" (between the figure and the name), "Canada
# (120)", "Nairobi: 1,200" (between the name and the figure).
FIGURE_FOR_NAME = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:to|in|from|for|at|by)\s+(?:the\s+)?")
# "Canada (53)", "Canada: 53", and "in the province of Serra Negra, the figure reached 58%"
NAME_THEN_FIGURE = re.compile(r"\s*[(:]\s*(?:some\s+|about\s+)?|,\s+(?:the|this|that|its)\s+(?:figure|rate|share|number|"
                              r"proportion|percentage|level|total)\s+(?:\w+\s+)?(?:reached|rose to|fell to|stood at|was|hit|"
                              r"climbed to|amounted to)\s+(?:some\s+|about\s+)?")


_SMALL = r"(?:(?!(?:19|20)\d\d\b)\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten)"  # not "54 in 2023"
_RATIO_AFTER = re.compile(rf"\s+(?:in|out of)\s+(?:every\s+)?{_SMALL}\b", re.IGNORECASE)
_RATIO_BEFORE = re.compile(r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out of)\s+(?:every\s+)?$",
                           re.IGNORECASE)


def ratio_end(raw: str, n: Number) -> int:
    """Where "one in four" ends when ``n`` is its first figure, else 0."""
    m = _RATIO_AFTER.match(raw[n.end :])
    return n.end + m.end() if m else 0


def in_ratio(raw: str, n: Number) -> bool:
    """``n`` is the second figure of a ratio ("four" in "one in four")."""
    return not n.is_year and bool(_RATIO_BEFORE.search(raw[max(0, n.start - 24) : n.start]))


_ASKS_DURATION = re.compile(r"\bhow (?:long|quickly|soon|fast)\b|\bwithin what (?:time|period)\b", re.IGNORECASE)
_DURATION_AFTER = re.compile(r"\s*(?:-\s*)?(?:hours?|days?|weeks?|months?|years?|minutes?|km|kilomet(?:er|re)s?|miles?)\b",
                             re.IGNORECASE)


def asks_duration(question: str) -> bool:
    """"How long did the floods go on for?", "how quickly must a child be referred?": a length of time."""
    return bool(_ASKS_DURATION.search(question))


DURATION_TERMS = frozenset(terms("hours days weeks months years minutes"))


def is_duration(raw: str, n: Number, unit: frozenset[str] = frozenset()) -> bool:
    """"almost six weeks", "within 12 hours", "a 5-year plan": the figure measures time (or distance);
    ``unit`` is the noun carried over from an earlier figure ("from 99 days … to 54")."""
    return bool(_DURATION_AFTER.match(raw[n.end :]) or unit & DURATION_TERMS)
