"""Text helpers of the answer engine: terms with synonyms, sentences, numbers and tolerant phrase search.

Terms come from the search stage's analyser (``embeddings.lexical``: accent folding, stopwords, a
light stemmer), so a question and a passage are compared the way BM25 compares them. On top of
that a small table of general English synonym groups lets "officials learned" meet "officers
trained". Spans are always offsets into the raw passage text (what citations highlight).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from embeddings.lexical import analyse, fold, term
from graph.sentences import split_sentences
from graph.textview import make_view

# General-purpose English synonym groups; each word's term maps to the term of the group's first
# word. No report-specific names here.
_SYNONYM_GROUPS = (
    "official officer staff personnel employee functionary servant servants workforce",
    "trained learned taught teaching course workshop",
    "household family families relatives kin",
    "border borders frontier frontiers",
    "people individuals persons person",
    "children child kids minors newborn newborns babies infants",
    "received got obtained benefited given attained acquired",
    "funded financed financing funding",
    "cash monetary money",
    "assisted helped supported aided assistance help support aid strengthened bolstered reinforced backed",
    "women woman female",
    "men man male",
    "job employment livelihood labour labor",
    "operate operates operated operating presence work works worked working",
    "shelter accommodation housing lodging",
    "health medical healthcare",
    "school education educational",
    "resettled relocated resettlement",
    "submitted submission submissions submit",
    "increased rose grew growth increase grow grows growing rise rises rising surge surged spike spiked",
    "decreased reduced dropped declined fell decrease reduction shrank shrink shrinks shrunk shrinking",
    "cities city towns town",
    "countries country",
    "survivors victims",
    "approved adopted endorsed passed enacted",
    "established created opened opening",
    "partnered collaborated cooperated partnership collaboration",
    "led leads headed",
    "registration registered recorded",
    "departed travelled traveled travel left leaving leave flew flown fly flight departure departures move moved moving",
    "fall falling slip slipping sink sinking",
    "hired hiring hire recruited recruiting recruitment employed",
    "decided adjudicated resolved",
    "break broken disaggregated",
    "reliant rely relies relying depend depends depended dependent",
    "verify verified verification check checked checking",
    "provided provide providing offered offer offering delivered deliver delivering gave give supplied supplying",
    "killed killing deaths death died dead toll fatalities",
    "earthquake quake tremor",
    "installed installing install erected built constructed",
    "minister ministers ministerial",
    "online internet",
    "external outside",
    "know knew known aware awareness familiar",
    "find found finding",
    "difficult hard challenging tough challenge challenges struggle struggled difficulties",
    "analysis analyse analyze analysed analyzed analysing",
    "loan loans lent lend lending",
    "donor donors contributor",
    "nationality nationalities",
    "approximately about around roughly",
    "asked ask sought",
    "use used using uses utilised utilized",
    "spend spent spending",
    "poverty poor impoverished",
    "completed finished completing finishing",
    "conducted conduct carried undertook undertaken performed",
    "start started starting initiate initiated launch launched commenced commence commences began begin begins begun",
    "business businesses entrepreneurship enterprise enterprises",
    "live lived living reside resided residing",
    "response respond responded responding",
    "preparedness prepare prepared preparing preparation",
    "adolescents adolescent teenagers teenager teens teen",
    "equipped equip equipping equips outfitted furnished",
    "homes home dwellings dwelling residences",
    "identified identify identifying flagged detected spotted",
    "apply applies applied applying application applications requested request requests requesting",
    "pending awaiting waiting outstanding undecided",
    "struck strike strikes striking landfall",
    "new additional extra",
    "income incomes earn earned earning earnings",
    "posted placed stationed deployed",
    "strand strands line lines pillar pillars axis axes",
    "free freely freedom",
    "inside within",
    "joined join joining entered enter entering",
    "outbreak outbreaks epidemic epidemics",
    "unemployment unemployed jobless joblessness",
    "treated treat treating treatment",
    "repaired repair repairs repairing fixed fix fixing mended rehabilitated rehabilitate rehabilitating restored",
    "referred refer refers referral referrals referring",
    "elected elect elects electing won win wins winning",
    "renewed renew renews renewing renewal renewals extended extend extends extending extension prolonged prolong",
    "arrivals arrival newcomers newcomer entrants",
    "queries query enquiries enquiry inquiries inquiry questions",
    "students student pupils pupil learners learner schoolchildren",
    "stoves stove cookstoves cookstove",
    "waiver waivers waived waive exemption exemptions exempted exempt",
    "id ids identity",
    "pledged pledge pledges pledging promised promise promises promising",
    "affected affect affects affecting impacted",
    "declared declare declares declaring announced announce announces announcing proclaimed",
    "upgraded upgrade upgrades upgrading improvement improvements improved improve improving refurbished renovated",
    "documents document papers credentials",
    "enrolled enrol enroll enrolment enrollment enrolling studying",
    "convention conventions treaty treaties",
    "storm storms cyclone cyclones hurricane hurricanes typhoon typhoons",
    "hostility hostile xenophobia xenophobic negative",
    "issued issuing distributed distribute distributes distributing distribution",
    "rejected rejection rejections refused refusal refusals denied denial",
    "appeal appeals appealed appealing",
    "detained detain detaining detention jailed imprisoned incarcerated",
    "released release releasing freed",
    "safe secure",
    "dark night nighttime",
    "neighbourhood neighborhood neighbourhoods neighborhoods",
    "meals meal food",
    "cure cured cures curing recovered recover recovers recovering recovery healed heal",
    "toilet toilets latrine latrines",
    "joint jointly combined",
    "risk risks danger dangers threat threats peril",
    "lack lacking absence absent shortage",
    "evaluated evaluate evaluation evaluations assessed assess assessment assessments",
    "advised advise advice advising counselled counseled counselling counseling guidance guided orientation oriented",
    "mobile roving itinerant",
    "connected connect connects connecting connection connections hooked linked",
    "megawatt megawatts mw",
    "farmers farmer producers producer growers grower",
    "activities activity events event",
    "reunification reunite reunited reuniting rejoin rejoined rejoining",
)
_SYNONYM: dict[str, str] = {}
for _group in _SYNONYM_GROUPS:
    _stems = [t for w in _group.split() if (t := term(w))]
    for _t in _stems:
        _SYNONYM.setdefault(_t, _stems[0])

# Words that frame a question rather than name what it is about.
QUESTION_WORDS = frozenset(
    """how many much what which who whom whose when where why number total amount figure report
    reported according mention mentioned say says state stated tell give list name named kind type
    exactly approximately approx roughly overall there year actually really currently still finally instead rather
    also majority largest biggest highest greatest fewest least smallest lowest besides aside example examples
    else apart purpose inside outside""".split()
)


_CONSONANT = frozenset("bcdfghjklmnpqrstvwxz")


def _derive(t: str) -> str:
    """Fold a noun of action onto its verb's stem, so that "evacuation" meets "evacuated",
    "contribution" "contribute", "decision" "decided", "assistance" "assisted" (the search stage's
    stemmer is deliberately light; here both the question and the passages pass through this)."""
    if not t.isalpha():
        return t
    if len(t) >= 8 and t.endswith("ation"):
        t = t[:-5]  # evacuation → evacu, registration → registr
    elif len(t) >= 7 and t.endswith("ution"):
        t = t[:-3]  # contribution → contribut
    elif len(t) >= 7 and t.endswith("ision"):
        t = t[:-5] + "id"  # decision → decid
    elif len(t) >= 5 and t.endswith(("cis", "vis")):
        t = t[:-2] + "id"  # (Snowball) decis(ion) → decid, provis(ion) → provid
    elif len(t) >= 8 and t.endswith(("anc", "enc")):
        t = t[:-3]  # assistanc(e) → assist, acceptanc(e) → accept
    elif len(t) >= 6 and t.endswith("at"):
        t = t[:-2]  # evacuat(ed) → evacu
    if len(t) >= 6 and t.endswith("ter") and t[-4] in _CONSONANT:
        t = t[:-2] + "r"  # register/registr(ation), center/centr(e)
    if len(t) >= 7 and t.endswith("iti"):
        t = t[:-1]  # priorit(y)/priorit(ized), communit(y)/communit(ies)
    return t


_NUMBER_WORDS = {w: str(i) for i, w in enumerate("two three four five six seven eight nine ten eleven twelve".split(), 2)}


def canon(t: str) -> str:
    """A term's synonym-group representative (British -is- spellings folded to -iz-, nouns of
    action folded onto their verb)."""
    if t.startswith(("lgbt", "lgtb")):
        return "lgbt"  # LGBTI, LGBTIQ+, LGBTQI+, LGBTQ+: reports and readers order the letters differently
    if t in _NUMBER_WORDS:
        return _NUMBER_WORDS[t]  # "children under five" and "under 5 years of age"
    s = _SYNONYM.get(t)
    if s is None:
        d = _derive(t)
        s = _SYNONYM.get(d, d)
    t = s
    if len(t) > 5 and t.endswith("is") and t[:-2].isalpha():
        t = t[:-2] + "iz"  # recognise/recognize, organisation/organization
    elif "isat" in t:
        t = t.replace("isat", "izat")
    return t


# Multi-word verbs said in one word by reports ("put forward" → submitted). General English.
_PHRASES = (
    (re.compile(r"\bput(?:s|ting)? forward\b", re.IGNORECASE), "submitted"),
    (re.compile(r"\bhand(?:ed|s|ing)? out\b", re.IGNORECASE), "issued"),
    (re.compile(r"\bhand(?:ed|s|ing)? down\b", re.IGNORECASE), "issued"),
    (re.compile(r"\brulings\b", re.IGNORECASE), "decisions"),  # (not "rules on", a verb)
    (re.compile(r"\bdeath tolls?\b", re.IGNORECASE), "number killed"),
    (re.compile(r"\block(?:ed|s|ing)? up\b", re.IGNORECASE), "detained"),
    (re.compile(r"\bturn(?:ed|s)? out to be\b", re.IGNORECASE), "were"),
    (re.compile(r"\bspecial needs\b", re.IGNORECASE), "specific needs"),  # the sector's term
    # "to challenge the refusal": to appeal against it (not "the challenges faced")
    (re.compile(r"\bchalleng(?:e|ed|es|ing) (?=(?:the|a|an|their|its|this|that|such) (?:[\w-]+ )?(?:refusals?|rejections?|"
                r"decisions?|rulings?|denials?|negative decisions?)\b)", re.IGNORECASE), "appeal against "),
    (re.compile(r"\bon (?:their|his|her|its|my|your|our) own\b", re.IGNORECASE), "alone"),
    # "those hit by the flooding", "the quake-hit zones": affected (the active "floods that hit X" is not)
    (re.compile(r"\bhit by\b", re.IGNORECASE), "affected by"),
    (re.compile(r"(?<=\w)-hit\b", re.IGNORECASE), "-affected"),
    (re.compile(r"\bset(?:s|ting)? up\b", re.IGNORECASE), "established"),
    (re.compile(r"\bput(?:s|ting)? up\b", re.IGNORECASE), "installed"),
    (re.compile(r"\b(?:took|take|takes|taking) (?:an? )?(?:active )?part\b", re.IGNORECASE), "participated"),
    (re.compile(r"\bcarr(?:y|ied|ies|ying) out\b", re.IGNORECASE), "conducted"),
    (re.compile(r"\b(?:scal(?:e|ed|es|ing)|cut(?:s|ting)?) (?:down|back)\b", re.IGNORECASE), "reduced"),
    (re.compile(r"\bdownsiz(?:e|ed|es|ing)\b", re.IGNORECASE), "reduced"),
    (re.compile(r"\bsign(?:ed|s)? off\b", re.IGNORECASE), "approved"),
    (re.compile(r"\blook(?:ed|s)? after\b", re.IGNORECASE), "assisted"),
    (re.compile(r"\bfit(?:s|ted|ting)? out\b", re.IGNORECASE), "equipped"),
    (re.compile(r"\bsign(?:s|ed|ing)? up\b", re.IGNORECASE), "registered"),
    # "to whom were people passed on": referred (not "passed" a law)
    (re.compile(r"\bpass(?:ed|es|ing)? on(?= to\b|\s*\?|\s*$)", re.IGNORECASE), "referred"),
    (re.compile(r"\b(?:lost|lose|loses|losing) (?:their |his |her )?lives?\b", re.IGNORECASE), "died"),
    (re.compile(r"\bturn(?:s|ed|ing)? down\b", re.IGNORECASE), "rejected"),
    (re.compile(r"\b(?:get|gets|got|getting|go|goes|went|gone|going) under ?way\b", re.IGNORECASE), "started"),
    (re.compile(r"\b(?:go|goes|went|gone|going) up\b", re.IGNORECASE), "increased"),
    (re.compile(r"\b(?:go|goes|went|gone|going) down\b", re.IGNORECASE), "decreased"),
    # "in the first quarter of the response" is its first three months (not "a quarter of" a total)
    (re.compile(r"\b(first|second|third|fourth|last|final) quarter\b", re.IGNORECASE), r"\1 three months"),
    # "issued decisions on 6,145 claims", "took a decision on": a light verb and the noun say "decided"
    (re.compile(r"\b(?:issu(?:e|es|ed|ing)|mak(?:e|es|ing)|made|tak(?:e|es|en|ing)|took|reach(?:es|ed|ing)?|"
                r"hand(?:s|ed|ing)? down)\s+(?:a |its |their |final |first-instance )*decisions?\b", re.IGNORECASE),
     "decided"),
    # "how many requests led to a permit": the requests that resulted in one
    (re.compile(r"\b(?:led|lead|leads|leading) to\b", re.IGNORECASE), "resulted in"),
    # "ruled on the claims" is deciding them; a synonym group would fold the noun "rules" in too
    (re.compile(r"(?:\brul(?:ed|ing)|(?<!\bthe )(?<!\ba )(?<!\bnew )(?<!\bthis )\brule) (?:on|in favour of|in favor of|against)\b",
                re.IGNORECASE), "decided on"),
    # "how many travellers …" counts people, not departures
    (re.compile(r"\btravell?ers\b", re.IGNORECASE), "people"),
    (re.compile(r"\bput (?:on hold|on ice)\b|\bpaused\b|\bhalted\b", re.IGNORECASE), "suspended"),
    (re.compile(r"\bput (?:first|at the top)\b|\bgave priority to\b", re.IGNORECASE), "prioritized"),
    (re.compile(r"\bgrassroots? (?:groups|organi[sz]ations)\b", re.IGNORECASE), "community-based organizations"),
    # "how long at most": the maximum; "at least": the minimum
    (re.compile(r"\bat (?:the )?most\b", re.IGNORECASE), "maximum"),
    (re.compile(r"\bat (?:the )?least\b", re.IGNORECASE), "minimum"),
    # a synonym group would fold "report" itself onto journalists
    (re.compile(r"\breporters?\b", re.IGNORECASE), "journalists"),
    # "a free phone line", "hotline", "help line": what reports call a helpline
    (re.compile(r"\b(?:(?:free|toll-free|tele)\s?)?phone ?(?:lines?|services?)\b|\bhot ?lines?\b|\bhelp ?lines?\b",
                re.IGNORECASE), "helpline"),
    # "the figures rely on data supplied by X": they are based on data from X
    (re.compile(r"\brel(?:y|ies|ied|ying) (?:up)?on\b", re.IGNORECASE), "based on"),
    (re.compile(r"\b(?:supplied|provided|furnished|shared) by\b(?=[^?]*\b(?:which|what|whom)\b|\s+(?:which|what|whom)\b)",
                re.IGNORECASE), "from"),
    # "disaster alerts": what reports call early warning systems
    (re.compile(r"\b(?:disaster|emergency|hazard) alerts?(?: systems?)?\b|\balert systems?\b", re.IGNORECASE),
     "early warning systems"),
    # "must check in with the police regularly": periodic reporting to them
    (re.compile(r"\bcheck(?:s|ed|ing)? in with\b", re.IGNORECASE), "report to"),
    (re.compile(r"\b(?:regularly|periodically|at regular intervals)\b", re.IGNORECASE), "periodic"),
    # "going home of their own free will": returning voluntarily
    (re.compile(r"\bof (?:their|his|her|its) own (?:free )?(?:will|accord|choice)\b", re.IGNORECASE), "voluntarily"),
    (re.compile(r"\b(?:go|goes|going|gone|went) (?:back )?home\b", re.IGNORECASE), "return"),
    # "first-time applicants": new ones
    (re.compile(r"\bfirst-time\b", re.IGNORECASE), "new"),
    # "screened for danger": evaluated for risk (not "community screening" for malnutrition)
    (re.compile(r"\bscreen(?:s|ed|ing)? for\b", re.IGNORECASE), "evaluated for"),
    # "14% more than a year earlier": an increase of 14%
    (re.compile(r"(?<=%)\s+(?:more|higher|up)\s+(?:than|on|from)\b", re.IGNORECASE), " increase from"),
    (re.compile(r"(?<=%)\s+(?:fewer|less|lower|down)\s+(?:than|on|from)\b", re.IGNORECASE), " decrease from"),
    # "what share of the children got better": recovered (not "better access")
    (re.compile(r"\b(?:got|get|gets|getting|became|become|were|was) (?:well|better)\b(?! (?:access|services?|jobs?|"
                r"conditions?|off)\b)", re.IGNORECASE), "recovered"),
    # "a soup kitchen": what reports call a community kitchen
    (re.compile(r"\bsoup kitchens?\b", re.IGNORECASE), "community kitchen"),
    # "shut out of the permit", "left out by the cut-off date": excluded from it
    (re.compile(r"\b(?:shut|left|leave|leaves|leaving|kept|keep|keeps|locked) out\b", re.IGNORECASE), "excluded"),
    # "its main national office", "head office": the country office (not "the national office of X")
    (re.compile(r"\b(?:main |head )?(?:national|head|main) offices?\b(?! of\b)", re.IGNORECASE), "country office"),
    # "the utility took over running the water supply": the systems were transferred to it
    (re.compile(r"\b(?:took|take|takes|taking|taken) over(?: (?:running|managing|the running of|the management of))?\b",
                re.IGNORECASE), "were transferred to"),
    # "small loans", "micro-credit": what reports call microloans
    (re.compile(r"\bsmall (?:loans?|credits?)\b|\bmicro-? ?(?:loans?|credits?)\b", re.IGNORECASE), "microloans"),
    # the sector's name for household goods handed out in an emergency
    (re.compile(r"(?<!core )\b(?:(?:basic|essential) )?(?:household|relief) (?:supplies|items|goods)\b", re.IGNORECASE),
     "core relief items"),
)


def one_word_verbs(text: str) -> str:
    """``text`` with multi-word verbs said in one word ("put forward" → submitted)."""
    for pattern, word in _PHRASES:
        if pattern.search(text):
            text = pattern.sub(word, text)
    return text


@lru_cache(maxsize=4096)
def terms(text: str) -> tuple[str, ...]:
    """Canonical terms of ``text`` in order (stopwords dropped, stems, synonyms folded)."""
    return tuple(canon(t) for t in analyse(one_word_verbs(text)))


def focus_terms(question: str) -> tuple[str, ...]:
    """The content terms of a question (question-framing words removed, order kept, unique)."""
    drop = {canon(t) for w in QUESTION_WORDS if (t := term(w))}
    question = _HOW_BIG.sub("how", question)  # "how big was the loan", "how long": a size is asked, "big" is not looked for
    question = _IN_LANGUAGE.sub(r"\1", question)  # "what is it called in English": the language is not looked for
    question = _IN_TERMS.sub(" ", question)  # "in percentage terms": the form of the answer, not what it is about
    return tuple(dict.fromkeys(t for t in terms(question) if t not in drop))


_IN_LANGUAGE = re.compile(r"\b(called|named|known|written|spelled|spelt|said|say) in (?:english|spanish|portuguese|french|full)\b",
                          re.IGNORECASE)
_IN_TERMS = re.compile(r"\b(?:in|as)\s+(?:an?\s+)?(?:percentages?|percent|relative|absolute|numerical|real|nominal)\s+"
                       r"(?:terms|numbers|figures|values)\b", re.IGNORECASE)
_HOW_BIG = re.compile(r"\bhow (?:big|large|sizeable|substantial|long)\b", re.IGNORECASE)


_NEGATION = re.compile(r"\b(?:instead of|rather than|other than|apart from|aside from|besides|beyond|except(?: for)?|"
                       r"excluding|not counting|without|not (?:through|via|in|at|by))"
                       r"\s+((?:[\w'’+-]+\s*){1,4})", re.IGNORECASE)


def ruled_out(question: str) -> list[tuple[int, int]]:
    """Spans of what a question rules out or sets aside ("apart from Venezuela, which country …")."""
    out = []
    for m in _NEGATION.finditer(question):
        words = re.split(r"\s+(?:and|or|but|in|at|for|to|with)\s+|[,?;]", m.group(1))[0]
        out.append((m.start(1), m.start(1) + len(words.rstrip())))
    return out


def negated_terms(question: str) -> frozenset[str]:
    """Terms of what a question rules out ("rely on partners instead of its own offices" → office)."""
    return frozenset(t for a, b in ruled_out(question) for t in terms(question[a:b]))


# "NRIA-issued", "UNHCR-backed", "refugee-led": a name, then a participle saying what it did
HYPHEN_PARTICIPLE = r"-(?:[a-z]+ed|led|run|built|made|based|wide)\b"

# "refugees and migrants", "asylum-seekers": the people every passage of such a report is about,
# so a passage need not name them to be about them
SERVED_TERMS = frozenset(terms("refugees migrants asylum-seekers asylum seekers displaced stateless people persons forcibly"))


def norm(text: str) -> str:
    """Fold accents and case, straighten apostrophes, collapse whitespace (for comparisons)."""
    t = fold(text).translate(str.maketrans({"´": "'", "`": "'", "’": "'", "‘": "'", "“": '"', "”": '"'}))
    return re.sub(r"\s+", " ", t).strip()


# A nationality word as reports write it, singular or plural ("Eritrean", "Syrians", "Congolese").
NATIONALITY_WORD = re.compile(r"[A-Z][a-z]+(?:ians?|eans?|ans?|ese|ish|is?)")


# -- sentences ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sent:
    """A sentence of a passage; ``start``/``end`` are offsets into the raw passage text."""

    start: int
    end: int
    text: str  # cleaned text (whitespace collapsed, line-wrap hyphens joined)


def sentences(passage_text: str) -> list[Sent]:
    """Sentences of a passage with raw offsets (the graph stage's splitter on a cleaned view)."""
    view = make_view(passage_text)
    out = []
    for s in split_sentences(view.text):
        a, b = view.span(s.start, s.end)
        out.append(Sent(a, b, s.text))
    return out


# -- numbers -----------------------------------------------------------------------------------

_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMWORD = "|".join([*_SMALL, *_TENS, *_SCALES, "and"])
_DIGITS = re.compile(
    r"(?<![\w.,/])(?P<cur>US\$|USD ?|\$|S/ ?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<pct> ?%)?(?:\s+(?P<scale>million|billion|thousand)\b)?"
)
_WORDS = re.compile(rf"\b(?:{_NUMWORD})(?:[\s-]+(?:{_NUMWORD}))*\b", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """A number printed in the text: span into the raw text, its value and what kind it is."""

    start: int
    end: int
    text: str
    value: float
    percent: bool = False
    money: bool = False
    spelled: bool = False

    @property
    def is_year(self) -> bool:
        return not self.percent and not self.money and self.value.is_integer() and 1950 <= self.value <= 2100 \
            and "," not in self.text


def _words_value(words: list[str]) -> int | None:
    total, current, seen = 0, 0, False
    for w in words:
        if w == "and":
            continue
        if w in _SMALL:
            current += _SMALL[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in _SCALES:
            total += max(current, 1) * _SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def numbers(text: str) -> list[Number]:
    """Every number in ``text``: digits (with %, currency, "million") and spelled-out numbers."""
    out: list[Number] = []
    for m in _DIGITS.finditer(text):
        raw = m.group("num")
        value = float(raw.replace(",", ""))
        if m.group("scale"):
            value *= _SCALES[m.group("scale").lower()]
        out.append(
            Number(m.start(), m.end(), m.group(0), value, bool(m.group("pct")), bool(m.group("cur")))
        )
    halves = []
    for m in _AND_A_HALF.finditer(text):  # "one and a half million"
        whole = _words_value([m.group(1).lower()])
        if whole is not None:
            halves.append(Number(m.start(), m.end(), m.group(0), (whole + 0.5) * _SCALES[m.group(2).lower()], spelled=True))
    out.extend(halves)
    for m in _WORDS.finditer(text):
        if any(h.start <= m.start() < h.end for h in halves):
            continue
        for start, chunk in _separate_numbers(m.start(), m.group(0)):
            words = [w.lower() for w in re.split(r"[\s-]+", chunk) if w]
            while words and words[-1] == "and":
                words.pop()
            if not words or words == ["zero"] or all(w in _SCALES for w in words):
                continue
            value = _words_value(words)
            if value is None:
                continue
            end = start + len(chunk.rstrip())
            if chunk.lower().rstrip().endswith(" and"):
                end = start + chunk.lower().rstrip().rfind(" and")
            out.append(Number(start, end, text[start:end], float(value), spelled=True))
    for m in _FRACTION.finditer(text):  # "half a million"
        if not any(x.start <= m.start() < x.end for x in out):
            value = (0.5 if m.group(1).lower() == "half" else 0.25) * _SCALES[m.group(2).lower()]
            out.append(Number(m.start(), m.end(), m.group(0), value, spelled=True))
    for m in _DOZEN.finditer(text):  # "only a dozen", "half a dozen"
        if not any(x.start <= m.start() < x.end for x in out):
            out.append(Number(m.start(), m.end(), m.group(0), 6.0 if m.group(1) else 12.0, spelled=True))
    out.sort(key=lambda n: n.start)
    return out


def _separate_numbers(start: int, run: str) -> list[tuple[int, str]]:
    """"one hundred and two" is one number; "between one and two million" names two: an "and" joins
    the parts of one number only after "hundred" or a scale word."""
    out, begin = [], 0
    for m in re.finditer(r"(\w+)[\s-]+and[\s-]+(?=\w)", run, re.IGNORECASE):
        if m.group(1).lower() not in _SCALES:
            out.append((start + begin, run[begin : m.start(1) + len(m.group(1))]))
            begin = m.end()
    out.append((start + begin, run[begin:]))
    return out


_DOZEN = re.compile(r"\b(half )?an? dozen\b(?! \w+s? of\b)", re.IGNORECASE)
_AND_A_HALF = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten) and a half (million|billion)\b",
                         re.IGNORECASE)
_FRACTION = re.compile(r"\b(half|a quarter of) a (million|billion)\b", re.IGNORECASE)


# -- tolerant phrase search --------------------------------------------------------------------

_APOS = "['’´`‘]"


@lru_cache(maxsize=4096)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A regex for ``phrase`` that tolerates line breaks, wrapped hyphens, apostrophe variants, case."""
    parts = []
    for tok in phrase.split():
        piece = re.escape(tok)
        piece = re.sub(r"\\-", r"-\\s*", piece)
        piece = re.sub(r"['’´`‘]", _APOS, piece)
        parts.append(piece)
    body = r"\s+".join(parts)
    left = r"(?<!\w)" if phrase[:1].isalnum() else ""
    right = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return re.compile(left + body + right, re.IGNORECASE)


def find_phrase(text: str, phrase: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """First ``(start, end)`` of ``phrase`` in ``text[start:end]`` (offsets into ``text``), or None."""
    if not phrase.strip():
        return None
    m = phrase_pattern(phrase.strip()).search(text, start, len(text) if end is None else end)
    return (m.start(), m.end()) if m else None


def merge_spans(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted, non-overlapping spans."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)


_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2}
_ASKED_COUNT = re.compile(r"\b(?:which|what|name|list|the)\s+(two|three|four|five|six|both|[2-6])\b", re.IGNORECASE)


def asked_count(question: str) -> int:
    """"Which two institutions …", "Name the three …": how many things the question expects (0: not said)."""
    m = _ASKED_COUNT.search(question)
    if not m:
        return 0
    w = m.group(1).lower()
    return int(w) if w.isdigit() else _COUNT_WORDS[w]


def spells(acronym: str, text: str) -> bool:
    """Consecutive words of ``text`` whose initials spell ``acronym`` ("standard operating
    procedure" for SOP); short function words do not count as initials."""
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", text) if len(w) > 2]
    initials = "".join(w[0].upper() for w in words)
    return len(acronym) >= 2 and acronym.upper() in initials
