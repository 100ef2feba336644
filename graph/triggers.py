"""Trigger words of the relation rules, and the entity types each predicate accepts.

Each trigger is a regular expression over a sentence's cleaned text; ``voice`` says where the
subject is: ``active`` (left of the trigger), ``passive`` (after "by"), or ``copula`` ("is a member of").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ORG, PROG, LOC, EVT, POP = "Organization", "Programme", "Location", "Event", "PopulationGroup"

# predicate → (subject types, object types)
SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "coLeads": (frozenset({ORG}), frozenset({ORG})),
    "leads": (frozenset({ORG}), frozenset({ORG})),
    "chairs": (frozenset({ORG, LOC}), frozenset({ORG})),  # LOC: a country chairs an intergovernmental body
    "memberOf": (frozenset({ORG}), frozenset({ORG})),
    "partOf": (frozenset({ORG, PROG}), frozenset({ORG, PROG})),
    "partnersWith": (frozenset({ORG}), frozenset({ORG})),
    "supports": (frozenset({ORG, LOC}), frozenset({ORG, PROG, EVT})),
    "funds": (frozenset({ORG, LOC}), frozenset({ORG, PROG})),
    "trains": (frozenset({ORG}), frozenset({ORG})),
    "approves": (frozenset({ORG, LOC}), frozenset({PROG})),
    "establishes": (frozenset({ORG, LOC}), frozenset({ORG, PROG, EVT})),  # EVT: "launched a campaign"
    "implements": (frozenset({ORG, LOC}), frozenset({PROG, EVT})),
    "issues": (frozenset({ORG, LOC}), frozenset({PROG})),
    "pledges": (frozenset({ORG, LOC}), frozenset({PROG, ORG})),
    "participatesIn": (frozenset({ORG, LOC}), frozenset({EVT, ORG, PROG})),
    "operatesIn": (frozenset({ORG}), frozenset({LOC})),
    "locatedIn": (frozenset({ORG, EVT, PROG}), frozenset({LOC})),
    "submitsTo": (frozenset({ORG}), frozenset({LOC})),
    "engages": (frozenset({ORG}), frozenset({ORG})),
}


# A signed document that makes its parties partners ("an agreement", "a memorandum of understanding").
AGREEMENT = (r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:agreements?|memorand(?:um|a)(?:\s+of\s+understanding)?|MoUs?"
             r"|letters?\s+of\s+(?:understanding|intent)|conventions?|accords?|contracts?)")


# Adjectives that make "funding"/"financing" a noun for a kind of money
_MONEY_KINDS = ("development", "humanitarian", "climate", "private", "public", "additional", "flexible", "earmarked",
                "predictable", "concessional", "multi-year", "unearmarked", "bilateral")


@dataclass(frozen=True)
class Trigger:
    predicate: str
    pattern: re.Pattern[str]
    voice: str = "active"  # active | passive | copula
    confidence: float = 0.8
    window: int = 12  # max words between trigger and the first object


def _t(pred: str, rx: str, voice: str = "active", conf: float = 0.8, window: int = 12) -> Trigger:
    return Trigger(pred, re.compile(rx, re.IGNORECASE), voice, conf, window)


TRIGGERS: tuple[Trigger, ...] = (
    # leadership
    _t("coLeads", r"\bco-?(?:led|chaired)\s+by\b", "passive", 0.9),
    _t("coLeads", r"\bco-?(?:lead|leads|leading|led|chair|chairs|chairing|chaired)\b(?!\s+by)", conf=0.9),
    _t("chairs", r"(?<![-\w])(?:chaired|presided(?:\s+over)?)\s+by\b", "passive", 0.85),
    _t("leads", r"(?<![-\w])(?:led|headed|coordinated|convened)\s+by\b", "passive", 0.85),
    _t("chairs", r"(?<![-\w])(?:chair|chairs|chaired|chairing|presides\s+over|presided\s+over)\b(?!\s+(?:by|to)\b)", conf=0.8, window=6),
    _t("leads", r"(?<![-\w])(?:lead|leads|leading|led|heads|headed|convenes|convened)\b(?!\s+(?:by|to)\b)", conf=0.8, window=4),
    _t("leads", r"\bcoordinated\b(?!\s+(?:by|with)\b)", conf=0.6, window=3),
    # membership
    _t("memberOf", r"\bmembers?\s+of\b", "copula", 0.85, window=3),
    _t("memberOf", r"\bjoined\b", conf=0.6, window=3),
    _t("partOf", r"\b(?:is|are|was|were|became)\s+(?:also\s+)?(?:a\s+)?part\s+of\b", "copula", 0.8, window=3),
    _t("partOf", r"\b(?:is|are|was|were|became|remains)\s+(?:also\s+)?(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}(?:chapter|instance|body|branch|affiliate|arm|subsidiary|section)\s+of\b", "copula", 0.8, window=3),
    # partnership
    _t("partnersWith", r"\b(?:partner(?:s|ed|ing)?|collaborat(?:es|ed|ing|e)|cooperat(?:es|ed|ing|e)|work(?:s|ed|ing)?(?:\s+(?:closely|jointly))?)\s+with\b", conf=0.8, window=4),
    # "X signed an agreement / a memorandum of understanding with Y": a partnership by contract
    _t("partnersWith", r"\bsigned\s+" + AGREEMENT + r"\s+with\b", conf=0.8, window=4),
    # "UNHCR partner Plan International ran …", "UNHCR partners NRC and JRS delivered …"
    _t("partnersWith", r"\bpartners?\b(?=\s+(?:the\s+)?[A-Z])", conf=0.7, window=2),
    # support and funding
    _t("supports", r"\b(?:support(?:s|ed|ing)?|assist(?:s|ed|ing)?|bolster(?:s|ed|ing)?|help(?:s|ed|ing)?|reinforc(?:es|ed|ing)|equipp(?:ed|ing))\b(?!\s+(?:by|from|to|for|in\s+(?:the|a)\s+(?:departure|elaboration)))", conf=0.75, window=10),
    _t("supports", r"\bstrengthen(?:s|ed|ing)?\s+(?:the\s+)?(?:capacit(?:y|ies)|capabilities)\s+of\b", conf=0.75, window=3),
    _t("supports", r"\b(?:collaborated\s+in|contributed\s+to)\s+the\s+(?:elaboration|design|development|drafting|preparation)\b", conf=0.7, window=8),
    _t("implements", r"\b(?:run|managed|operated|implemented|carried\s+out)\s+by\b", "passive", 0.7),
    # "a shelter run by an NGO": a body run by another is led by it (a programme run by one is implemented)
    _t("leads", r"\b(?:run|managed|operated)\s+by\b", "passive", 0.65),
    _t("supports", r"\b(?:supported|assisted)\s+by\b", "passive", 0.75),
    # "for the financing of X" is a purpose, not a funder acting: no determiner before the verb
    # "development financing such as X", "humanitarian funding": a kind of money named as a noun, no funder acting
    _t("funds", r"(?<!the\s)(?<!its\s)" + "".join(f"(?<!{w}\\s)" for w in _MONEY_KINDS)
       + r"\b(?:fund(?:s|ed|ing)?|financ(?:es|ed|ing))\b(?!\s+(?:by|from|opportunities|levels|for))", conf=0.7, window=4),
    # "UNHCR seconded two statisticians to the Office": staff lent is support
    _t("supports", r"\bseconded\b[^.;]{0,50}?\bto\b", conf=0.75, window=2),
    _t("funds", r"\b(?:funded|financed)\s+by\b", "passive", 0.8),
    _t("trains", r"\btrain(?:s|ed|ing)?\b(?!\s+by)", conf=0.75, window=3),
    # governance
    _t("approves", r"\b(?:approv|endors)(?:es|ed|ing)\b(?![^.;]{0,30}?\bby\b)", conf=0.8, window=6),
    _t("approves", r"\bapproved\b.{0,40}?\bby\b", "passive", 0.8),
    _t("establishes", r"\b(?:establish(?:es|ed|ing)?|creat(?:es|ed|ing)|open(?:s|ed|ing)|set\s+up|launch(?:es|ed|ing))\b(?!\s+(?:by|in\s+\d))", conf=0.7, window=6),
    _t("establishes", r"\bdevelop(?:s|ed|ing)\s+(?:an?|the|its|their)\b(?!\s+(?:capacit|skills|abilit))", conf=0.65, window=4),
    _t("implements", r"\b(?:implement(?:s|ed)?|implementing(?!\s+(?:regulations|partners?|agencies|organi[sz]ations))|appl(?:y|ies|ied|ying)|roll(?:s|ed)?\s+out|carr(?:y|ies|ied)\s+out|conduct(?:s|ed))\b(?!\s+by)", conf=0.75, window=6),
    # "the Ministry extended the X Bonus to 900 households", "the scheme, which UNHCR runs with …"
    _t("implements", r"\b(?:extend(?:s|ed)|runs|ran)\b(?!\s+(?:by|its|their|to)\b)", conf=0.65, window=3),
    _t("issues", r"\bissu(?:es|ed|ing)\b(?!\s+by)", conf=0.75, window=6),
    # "the Ministry gazetted the Land Regulations": a rule published in the official gazette is issued
    _t("issues", r"\b(?:gazett(?:es|ed|ing)|promulgat(?:es|ed|ing))\b(?!\s+by)", conf=0.75, window=6),
    _t("pledges", r"\bpledg(?:es|ed|ing)\b", conf=0.75, window=40),
    # participation and engagement
    _t("participatesIn", r"\b(?:participat(?:es|ed|ing)|took\s+part|take\s+part|engag(?:es|ed|ing))\s+in\b", conf=0.8, window=6),
    _t("participatesIn", r"\b(?:attend(?:s|ed|ing))\b", conf=0.7, window=4),
    _t("engages", r"\bengag(?:es|ed|ing|e)\b(?!\s+(?:in|with)\b)", conf=0.75, window=8),
    # "UNHCR raised the matter with the Ministry": advocacy addressed to a body
    _t("engages", r"\b(?:raised|raises|raising)\s+(?:the|this|these|its|their)\s+(?:[a-z-]+\s+)?(?:matter|issue|concern|case)s?\s+with\b", conf=0.7, window=2),
)

# Object span stops: a new verb phrase starts ("to improve", "by hiring", ", ensuring").
OBJECT_STOP = re.compile(
    r"\b(?:in order to|so as to)\b|\bto\s+(?!the\b|a\b|an\b|its\b|their\b|this\b)[a-z]+(?<!ing)\b(?=\s)"
    r"|\bby\s+[a-z]+ing\b|,\s*[a-z]+ing\b|\bthrough\b|\bthanks to\b|\bwhich\b|\bwho\b|\bwhere\b|\bwhile\b|\bwhereas\b"
    r"|\bthat\b|[;:]|\bwhen\b|\bbecause\b|\bresulting\b|\bso that\b|\band\s+(?:also\s+)?(?:began|[a-z-]+ed|took|made|held|ran|gave|sent|built|met|brought|kept|spent|"
    r"sought|taught|paid|lent|drew|grew|undertook|oversaw|became|won)\b"
    r"|,\s*(?:implemented|developed|run|managed|led|funded|supported|designed)\b|\bwith\s+(?:technical\s+|financial\s+)?(?:support|assistance)\b"
    r"|\bin\s+(?:partnership|collaboration|coordination|cooperation)\s+with\b|\b(?:jointly|together)\s+with\b"
    # "… with the Ministry and, in October, the Office introduced …": "and," opens a new clause after an aside
    r"|\band\s*,"
    r"|,\s*(?:the|a|an)\s+(?:[a-z-]+\s+){0,3}(?:of|for)\b"
    # ", and UNHCR and UNFPA seconded …", "… and WFP led …": a new subject with its own verb
    r"|,\s*and\s+(?:the\s+)?[A-Z][\w/-]*(?:\s+and\s+(?:the\s+)?[A-Z][\w/-]*)?\s+[a-z]+ed\b"
    r"|\band\s+(?:the\s+)?[A-Z][\w/-]*(?:\s+and\s+(?:the\s+)?[A-Z][\w/-]*)?\s+(?:[a-z]+ed|led|ran|held|set\s+up|made|took|gave|built)\b"
)
LEADERSHIP = frozenset({"leads", "coLeads", "chairs"})
# An unnamed head noun phrase between a leadership verb and its first mention: "the <noun> of (the) X".
HEAD_OF = re.compile(r"\b(?:the|a|an|its|their|one)\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*\s+of\s+(?:the\s+)?$")
# Clause boundaries inside a sentence.
CLAUSE_BOUNDARY = re.compile(
    r";|:\s|,\s*(?:while|whereas|but|which|where|who|whose)\b|\s(?:while|whereas)\s|,\s*and\s+in\s+[A-Z]|,\s*however\b"
)
RELATIVE_START = re.compile(r"^[\s,]*(?:which|that|who)\b", re.IGNORECASE)
FRONTED = re.compile(
    r"^(?:With|Within|During|In|Thanks|Through|According|Regarding|Based|To|As|Among|After|Before|Despite|Following"
    r"|Under|On|At|For|By|Since|Supporting|Considering|Recognizing|Acknowledging|Having|Building|Besides|Moreover"
    r"|Finally|Additionally|Likewise|Also|However|Furthermore|Although|While|Once|When)\b[^,]*,"
)
AUX_WORDS = frozenset(
    """is are was were has have had will would can could also actively officially continued continues began
    begins remained remains became further directly closely jointly successfully then already still only not
    to be been being able significantly effectively newly formally subsequently again therefore thus""".split()
)
NOT_VERB = frozenset(
    """of for in and or with to at by on from the a an which that who whose as partners partner interventions
    activities efforts operations operation staff officials officers teams members programmes services support
    cases data estimates response approach capacity capacities presence funding funds contribution office offices
    representation mobile network networks plan platform registration registry emergency""".split()
)
IRREGULAR_VERBS = frozenset(
    """led made took held met gave set ran built sought brought began become became went kept put saw found won
    co-led grew rose fell drew spent chose wrote""".split()
)


_PHASE_VERBS = frozenset("began begins continued continues started starts kept keeps resumed resumes".split())
_COPULA = frozenset("is are was were has have had will would can could".split())


def looks_like_verb(words: list[str]) -> bool:
    """Does the word sequence after a noun phrase start with a (finite) verb?"""
    for k, w in enumerate(words[:5]):
        lw = w.lower().strip(",")
        if lw in _COPULA and k == 0:
            return True
        if lw == "to" and k > 0:
            return True  # "continued to strengthen", "was able to engage"
        if lw in _PHASE_VERBS and k + 1 < len(words) and words[k + 1].lower().endswith("ing"):
            return True  # "began issuing", "continued running": a finite verb with its -ing complement
        if lw in AUX_WORDS or lw.endswith("ly"):
            continue
        if lw in NOT_VERB or not lw.isalpha() and "-" not in lw:
            return False
        return lw.endswith(("ed", "es", "s")) or lw in IRREGULAR_VERBS or lw.startswith("co-")
    return False
