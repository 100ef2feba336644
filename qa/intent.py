"""What a question asks for, read by general rules over its wording (no question→answer tables).

The rules look at the question form ("who …", "what does … stand for", "how many …", "why …"),
at words naming a relation family (co-lead, fund, support, approve, member, partner …), at table
vocabulary (baseline, target, budget, expenditure …), and at the noun a number is asked of
("how many households" → households). The answerers still check each other: an "indicator"
question whose wording matches no indicator label falls back to the prose answerer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from embeddings.lexical import IRREGULAR_PAST

from .text import terms

# Relation families: a regex over the lowercased question → the predicates that answer it.
# More specific families first ("co-lead" before "lead").
_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"\bco-?\s?(?:lead|led|leads|leading|leaders?|leadership|chairs?|chaired|coordinat\w*)\b|"
     # "jointly in charge of", "share the lead": leading together is co-leading
     r"\b(?:jointly|together) (?:in charge|lead\w*|led|head\w*|run\w*|ran|manag\w*|chair\w*)\b|"
     r"\bshar(?:e|es|ed|ing) (?:the )?(?:lead|leadership|chair)\b|"
     # "which cluster did UNHCR steer jointly with a ministry": the verb before "jointly with"
     r"\b(?:lead|led|head(?:s|ed)?|run|ran|manag(?:e|es|ed)|chair(?:s|ed)?|steer(?:s|ed)?|coordinat\w*)\s+"
     r"(?:[\w'’-]+\s+){0,4}?(?:jointly|together)\s+with\b", ("coLeads", "leads", "chairs")),
    # not "refugee-led organisation": a compound adjective names a kind of actor, not the relation
    (r"(?<!-)\b(?:lead|leads|led|leading|leaders?|leadership|head|heads|headed|in charge|responsible for|run|run by|runs|manag(?:e|es|ed)|"
     r"steer|steers|steered|steering)\b", ("leads", "coLeads", "chairs")),
    (r"\bchair(?:s|ed|ing)?\b|\bpresid\w*", ("chairs", "leads", "coLeads")),
    (r"\b(?:fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|donors?|paid for|pays? for|lent|lends?|lending|loans?)\b", ("funds", "supports")),
    # "struck a deal with which authority", "signed an agreement with": a partner, not something approved
    (r"\b(?:str(?:uck|ike|ikes|iking)|reach(?:ed|es|ing)?|sign(?:ed|s|ing)?|conclud(?:ed|es|ing)?|ink(?:ed|s)?) "
     r"(?:a |an |the )?(?:[\w-]+ )?(?:deal|agreement|accord|pact|memorandum|mou|partnership)s?\b[^?]*\bwith\b", ("partnersWith",)),
    (r"\b(?:approv\w*|adopt\w*|endors\w*|pass(?:ed)?|sign(?:ed)?|validat\w*)\b", ("approves", "issues", "establishes")),
    (r"\bmembers?\b|\bbelong\w*|\bsits? on\b|\bpart of\b|\bjoin(?:s|ed|ing)?\b|"
     r"\b(?:chapter|instance|branch|arm|sub-?body|affiliate|subsidiary) of\b|\baffiliated\b|"
     r"\bcounts? (?:[\w'’+-]+ ){1,4}among its\b", ("memberOf", "partOf")),
    (r"\b(?:partner\w*|collaborat\w*|cooperat\w*|jointly|work(?:s|ed|ing)? (?:with|together|alongside))\b|"
     r"^\s*(?:with|alongside|together with) (?:which|what|whom)\b", ("partnersWith",)),
    # "which bodies attended UNHCR's trainings": taking part in a training is being trained
    (r"\b(?:train\w*|taught|teach\w*|capacity[- ]build\w*)\b|"
     r"\b(?:attend\w*|took part|take part|participat\w*) (?:in )?(?:[\w'’-]+ ){0,3}?(?P<noun>training|course|workshop)s?\b",
     ("trains", "supports")),
    (r"\b(?:support\w*|assist\w*|help\w*|aid(?:ed|s)?|strengthen\w*|back(?:ed|s)?|hire\w*|recruit\w*|reinforc\w*|bolster\w*)\b", ("supports", "funds", "trains")),
    (r"\b(?:establish\w*|creat\w*|set up|found(?:ed)?|launch\w*|introduc\w*|kick(?:ed|s|ing)? off|roll(?:ed|s|ing)? out|"
     r"initiated|started|began)\b", ("establishes",)),
    (r"\b(?:implement\w*|carr(?:y|ied) out|execut\w*)\b", ("implements",)),
    (r"\b(?:issu\w*|grant\w*|deliver\w*)\b", ("issues",)),
    (r"\b(?:pledg\w*|commit\w*)\b", ("pledges", "participatesIn")),
    (r"\b(?:participat\w*|take part|took part|attend\w*)\b", ("participatesIn",)),
    (r"\b(?:submit\w*|submission\w*|refer(?:red|s)?)\b", ("submitsTo",)),
    (r"\b(?:engag\w*|involv\w*|convene\w*|convened|br(?:ought|ing|ings) together)\b", ("engages",)),
    # "the operation's biggest donors": the operation is the office's work, not a verb
    (r"\b(?:(?<!\bthe )(?<!\bits )(?<!['’]s )operat\w*|presence|present|offices?(?! of\b)|work(?:s|ed)? in|active in)\b",
     ("operatesIn",)),
    # not "community-based": a compound adjective says what kind of thing, not where it is
    (r"\b(?:located|(?<!-)based|situated|where is|where are)\b", ("locatedIn",)),
)

_ACRONYM = re.compile(
    r"\bstands for\b|\bstand for\s*(?:what\b|\?|$)|\b(?:does|do|did) (?:the )?[\w+&-]+ stand for\b|\bacronym\b|\babbreviat\w*|\bshort for\b|\bfull (?:name|form|title)s?\b|"
    r"\b(?:spell(?:ed)?|write|written) (?:(?:it|this|that|them|both|each) )?out\b|\blong form\b|\bwhat (?:does|do) (?:the )?[\w+&-]+ (?:mean|refer to|designate|denote)\b|"
    r"\b(?:meaning|expansion|long form|definition) of (?:the )?(?:acronym |abbreviation )?[\w+&-]+\s*\??$|"
    r"^\s*(?:the )?[\w+&-]+ (?:refers? to|means?|denotes?|designates?) what\s*\??$|"
    r"^\s*(?:what|who) (?:is|are|was|were) (?:the )?[\w+&-]+ in full\b|"
    # "which ministry hides behind the letters MHUA", "what is that body called in full"
    # (not "the offer letters that seven candidates received")
    r"\b(?:the )?letters (?!that\b|which\b|who\b|of\b|from\b|to\b|for\b|in\b|and\b|or\b|were\b|was\b|had\b|have\b)"
    r"[a-z][\w+&-]*\b|\bcalled in full\b|\bin full\s*[?.]?\s*$|"
    # "RWN is a refugee-led group; what is it called in English?"
    r"\bwhat (?:is|are|was|were) (?:it|they|that|this) called\b|"
    # "what initials does the report give them", "by what short name are they known"
    r"\b(?:what|which) (?:initials|short (?:name|form)|shorthand)\b|"
    # "MWS: which ministry hides behind these letters?"
    r"\b(?:hides?|hidden|hiding|stands?|lies?) behind (?:the |these |those |this |that |its |their )?"
    r"(?:letters|initials|acronyms?|abbreviations?)\b|"
    # "MIPLAN is the short name of which ministry?"
    r"\b(?:is|are) (?:the )?(?:short|abbreviated) (?:name|form|title)s? (?:of|for)\b"
)
# "What is ACR?", "What are the ABC mentioned in …", "what are the ABCs that …", "… ACR interviews - what
# is ACR?": an acronym asked about on its own (also after a dash or colon that closes a first clause).
_ACRONYM_ALONE = re.compile(
    r"(?:^|[-–—:;.?])\s*(?i:what|who) (?i:is|are|was|were) (?i:the |an? )?[A-Z][A-Za-z0-9&+]*[A-Z][A-Za-z0-9&+]*s?"
    r"(?:\s+(?i:mentioned|referred|cited|that|which|who)\b|\s*\?|$)|"
    # "what do CBO and RSD mean in this report?"
    r"\b(?i:what) (?i:do) (?:(?i:the) )?[A-Z][A-Za-z0-9&+]*[A-Z][A-Za-z0-9&+]*s? (?i:and) (?:(?i:the) )?"
    r"[A-Z][A-Za-z0-9&+]*[A-Z][A-Za-z0-9&+]*s? (?i:mean|stand for|refer to)\b|"
    # "PNR - which institution is that?", "ABC - which ministry is meant?"
    r"^\s*(?:the )?[A-Z][A-Za-z0-9&+]*[A-Z][A-Za-z0-9&+]*\s*[-–—:,]\s*(?i:which|what|who)\b[^?]*\b(?i:is|are|was) "
    r"(?i:that|this|it|meant|intended|referred to)\s*(?:\?|$|,\s*(?i:whose|which|who|that)\b)|"
    # "… staff of the ABC. What is that?": the acronym closing the first sentence is asked about
    r"\b[A-Z][A-Za-z0-9&+]*[A-Z][A-Za-z0-9&+]*s?\s*[.;:?!]\s*(?i:what|who) (?i:is|are|was|were) (?i:that|this|it|they)"
    r"(?:\s+(?i:exactly))?\s*\??$|"
    # "MTE shows up in the jobs section. Which ministry is it?": the acronym of the first sentence
    r"\b[A-Z][A-Za-z0-9&+]*[A-Z][A-Za-z0-9&+]*s?\b[^?]*[.;:!]\s*(?i:which|what|who)(?:\s+[a-z][\w-]*){0,2}\s+"
    r"(?i:is|are|was|were)\s+(?i:it|that|this|they|meant)\s*\??$|"
    # "when the report talks about CBOs, what kind of groups does it mean?"
    r"\b[A-Z][A-Za-z0-9&+]*[A-Z][A-Za-z0-9&+]*s?\b[^?]*\b(?i:what|which)\s+(?:(?i:kind|type|sort)\s+of\s+[\w-]+\s+)?"
    r"(?i:does|do|did)\s+(?i:it|they|the report|this|that)\s+(?i:mean|refer to|stand for)\b"
)
_WHY = re.compile(
    r"^\s*why\b|\bwhat (?:might|could|may|would|can) (?:explain|account for|have caused|have led to|be behind)\b|"
    r"^\s*what (?:led|drove|pushed|caused|moved) (?:[\w'’-]+ ){1,4}to\b|"
    r"\bwhat (?:was|is|were|are) behind\b|\bwhat (?:lay|lies|lie|sat|sits) behind\b|\bwhat accounts? for\b|\bhow come\b|\bwhat made\b|"
    # "what pulled staff away from …", "what held up the response", "what helped raise …", "what kept …"
    r"^\s*what (?:pulled|held up|held back|delayed|slowed|hampered|kept|stopped|helped|contributed to|fuell?ed|boosted|"
    r"enabled|allowed|underpinned|spurred|brought about)\b|"
    r"\bfor what purpose\b|\bwhat was the (?:rationale|motivation)\b|\bwhat (?:was|were|is|are) the (?:reasons?|causes?|explanation|purpose|aim|goal|challenges?|"
    r"barriers?|obstacles?|limitations?)\b|\bfor what reason\b|\bwhat (?:explains|caused|led to|drove|prevents?|hinders?|"
    r"prompted|triggered|sparked|motivated|pushed|forced|compelled)\b|"
    r"^\s*how (?:did|does|do|was|were|is|are|has|have|can|could|will)\b|\bin what way"
)
# "when did …" asks for a date; "… displaced when the river overflowed" does not
# (not "When caseworkers spotted needs …, to whom were people referred?": a clause setting the scene)
_WHEN = r"^\s*when\b(?![^?]*,\s*(?:(?:to|from|with|by|in|for|at|of) )?(?:who|whom|which|what|where|how|why)\b)|\bwhen (?:did|do|does|was|were|is|are|had|has|have|will|would|could)\b"
ASKS_WHEN = re.compile(_WHEN, re.IGNORECASE)
_NUMBER = re.compile(
    # "were more than 100,000 claims still pending?": a yes/no question the figure itself answers
    r"^\s*(?:was|were|is|are|did|do|does|has|have|had)\b.*\b(?:more|fewer|less|over|under|above|below) than "
    r"\d[\d,.]*|\bhow (?:many|much|long|often|large|big|quickly|soon|sharply|steeply|dramatically|significantly|strong|severe|powerful|intense|high|deep|far|old)\b|\bwhat (?:was |is |were )?(?:the )?(?:number|percentage|"
    r"proportion|fraction|share|rate|total|amount|figure|count|average|increase|decrease|quota|size|value)\b|\bby how much\b|"
    r"\bwhat percent\b|\bhow many\b|" + _WHEN + r"|\bin (?:which|what) year\b|\b(?:what|which) year\b|"
    r"\bwhat (?:was|is|were|are) the (?:[\w-]+ ){0,3}(?:number|total|amount|figure|count|rate|level|"
    r"percentage|share|proportion|fraction|toll|turnout|caseload|headcount|tally)\b|"
    # "earning above what income level", "below what threshold"
    r"\b(?:above|below|over|under|exceeding|beyond) what (?:[\w-]+ )?(?:level|threshold|amount|figure|sum|value|limit)\b"
)
_FINANCE = re.compile(
    r"\bbudget\w*|\bfunds? available\b|\bexpenditure\w*|\bspen[dt]\w*|\bfunding (?:level|gap|rate)|"
    r"\bfunded\b|\bfinancial (?:data|figures?)\b|\busd\b|\bdollars?\b|\$|\bwas (?:funded|financed)\b|"
    r"\bavailable funds\b|\bhow much money\b|\bfinanced\b|\bhow much (?:funding|money|funds?)\b|"
    r"\bfunding (?:was |were |is |that was )?(?:available|received|secured)\b|"
    r"\bmoney (?:it |they )?(?:had )?available\b|\b(?:amount|sum) of (?:funding|money|funds)\b|"
    r"\b(?:funding|funds|money)\b[^?]*\bon hand\b|\bmoney (?:was |were |is )?available\b|"
    r"\bavailable (?:money|funding|resources)\b|\bdisburs\w*|"
    # "what percentage of the money needed for resettlement was covered": the budget's funded share
    r"\b(?:money|funds|funding|resources) (?:it |they )?(?:needed|required)\b"
)
# "what did households spend the cash on", "on what did they spend it": the things bought, not an
# amount of a budget table ("what did UNHCR spend on basic needs" asks the amount)
_SPENT_ON = re.compile(
    r"^\s*(?:on )?(?:what|which)\b(?!.*\b(?:budget|funds|expenditure|how much|amount|percent\w*|share)\b)"
    r"(?:.*\bspen[dt]\b.*\bon\s*\??\s*$|(?<=on what)(?=\s+(?:did|do|does|was|were|is|are|have|has|had)\b.*\bspen[dt]\b))"
)
_INDICATOR = re.compile(
    r"\bbaseline\b|\btarget(?!ing)\w*\b|\bactual\b|\bindicator\w*\b|\bproportion\b|\bpercentage\b|\bshare of\b|"
    r"\brate of\b|\bwhat % of\b|\b(?!birth\b)[a-z]+ment rate\b|\b\w+ rate (?:among|of|for|in)\b|"
    r"\b(?:start(?:ing)?|initial|opening) (?:point|value|level|figure)\b|\b(?:start|started|begin|began) (?:from|out)\b|"
    # "what measles immunisation coverage had been recorded": coverage is a rate
    r"\bwhat (?:[\w-]+ ){0,3}coverage\b"
)
# "what level did UNHCR aim for on people knowing where …": the target of a results row (not a place)
_LEVEL_AIMED = re.compile(r"\b(?:what|which) (?:level|value|mark|figure|rate)\b(?=[^?]*\b(?:aim\w*|hop\w*|plann\w*|goal|target\w*)\b)")
_LIST = re.compile(
    # the plural noun asked for comes within a few words ("what proportion of movements across the
    # borders" asks for a share, not for borders)
    r"^\s*(?:(?:to|in|from|with|for|by|at|on|among|across|through|of|into) )?(?:which|what|name|list)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:countries|cities|regions|places|locations|provinces|departments|"
    r"towns|destinations|areas|borders|organi[sz]ations|agencies|institutions|partners|groups|bodies|"
    r"ministries|donors|sectors|nationalities|entities|actors|emergencies|events|crises|disasters|campaigns|"
    r"forums)\b|^\s*list\b|\bname (?:the|all)\b"
)
_LOCATION = re.compile(
    r"^\s*where\b|\b(?:in|to|from|into|at) (?:which|what) (?:city|country|region|province|department|town|place|location|border|"
    r"settlement|camp|district|village|municipality)\b(?!-)|"
    r"\bwhich (?:city|country|region|province|town|place|location|settlement|camp|district|village|municipality)\b(?!-)|\bwhat (?:city|country|region|town)\b(?!-)|"
    r"\b(?:which|what) (?:parts?|areas?|regions?) of the country\b|"
    # "from which part of Vantoria …", "which side of the country"
    r"\b(?:from|in|into|to|on) (?:which|what) (?:parts?|areas?|regions?|sides?) of\b|\b(?:which|what) side of\b|"
    # not "people who know where to get services": an indicator's words, not a where-question
    r"\blocated\b|(?<!\bof )(?<!\bknow )(?<!\bknows )(?<!\babout )\bwhere\b(?! to (?:get|access|find|go|seek|report)\b)"
)
_WHO = re.compile(
    r"^\s*(?:who|whom|with whom)\b|\bwhich (?:[\w-]+ ){0,3}(?:ngos?|ministr(?:y|ies)|organi[sz]ations?|agenc(?:y|ies)|ministr(?:y|ies)|body|"
    r"bodies|institutions?|entit(?:y|ies)|partners?|donors?|government|offices?|committees?|groups?|platforms?|"
    r"networks?|authorit(?:y|ies)|actors?|un agenc(?:y|ies)|commission|sector|teams?|banks?|lenders?|funders?|creditors?|charit(?:y|ies)|federations?|alliances?|"
    r"councils?)\b|"
    r"\bwhat (?:[\w-]+ ){0,2}(?:organi[sz]ation|agency|ministry|body|institution|entity|network|platform|group|committee|"
    r"federation|alliance)\b|"
    r"\b(?:a )?members? of\b|\bwhat is [\w\s]+ (?:a )?(?:member|part) of\b|\bwith whom\b|\bby whom\b"
)
_TARGET_NOUN = re.compile(
    r"\bhow (?:many|much)\s+(?P<noun>(?:[\w'-]+\s+){0,3}?[\w'-]+?)(?:\s*\?\s*$|\s*,|\s+(?:\w+ed\b|\w+ly\b|were|was|are|is|did|do|does|have|has|had|"
    r"left|got|took|made|went|came|gave|saw|found|became|began|held|ran|fled|sent|spent|won|lost|paid|met|kept|"
    r"brought|bought|built|taught|sought|still|also|now|ever|"
    r"caught|fell|grew|rose|led|fed|sold|told|spoke|wrote|heard|chose|drew|struck|hit|knew|stood|broke|threw|"
    r"got|received|benefited|could|can|will|in|at|from|by|with|under|through|across|during|for|of|to|that|who|"
    r"against|about|on|per|among|between|into|within|since|after|before|over)\b|$)"
)
_FIELDS = (
    ("baseline", r"\bbaseline\b|\b(?:start(?:ing)?|initial|opening) (?:point|value|figure|level|rate)\b|"
                 r"\b(?:start|started|begin|began) (?:from|out)\b"),
    # "the joint targeting exercise" selects people; it is not a target
    ("target", r"\btarget(?!ing)\w*\b|\bgoal\b|\baim(?:ed|ing|s)?\b|\bplanned\b|\bobjective\b(?! (?:of|was to)\b)|"
               r"\bhop(?:e|ed|ing) to\b"),
    ("actual", r"\bactual\b|\bachieved\b|\breached\b|\bresult\b|\bend of\b"),
)
_MASS_NOUNS = (r"land|water|food|rain\w*|fuel|firewood|time|space|area|electricity|energy|grain|timber|wood|"
               r"soil|rice|maize|flour|oil|gas|waste|rubbish")
# "give the goal and the result", "did X meet its target": the values of a results-table row
_ROW_VALUES_ASKED = re.compile(
    r"\b(?:give|state|quote|provide|tell me|list)\b[^?.]*\b(?:goal|target|baseline|result|actual|starting (?:point|value))s?\b"
    r"[^?.]*\band\b[^?.]*\b(?:goal|target|baseline|result|actual|outcome)s?\b|"
    r"^\s*(?:did|has|have|was|were)\b[^?]*\b(?:meet|met|reach|reached|hit|achieve\w*|miss\w*|exceed\w*|surpass\w*)\b"
    r"[^?]*\b(?:target|goal|quota|objective)s?\b")
_BUDGET_FIELDS = (
    ("expenditure_pct", r"\bspen[dt]\w*\b[^?]*\b(?:share|percentage|proportion|fraction)\b[^?]*\b(?:money|funds|resources)\b|"
     r"\bexpenditure as (?:a )?%|\b(?:percent|percentage|share|%|proportion) of (?:the |its )?"
     r"(?:funds|available|money (?:it |they )?(?:had )?available|available (?:money|funds|resources))"),
    ("funds_available_pct", r"\b(?:percent|percentage|%|share|proportion|fraction|what part) of (?:the |its )?(?:final )?budget\b|"
     r"\bfunded\b.*\b(?:percent|percentage|%|share|proportion)\b|\b(?:percent|percentage|%|share|proportion)\b.*\bfunded\b|"
     r"\bfunding (?:level|rate)\b|\bfunded at (?:the |a )?(?:\w+ )?(?:rate|level)\b|"
     r"\b(?:percent|percentage|share|proportion|fraction|what part) of (?:the )?(?:money|funds|funding|resources) "
     r"(?:it |they )?(?:needed|required)\b|\bas % of budget\b|\bfunded\b[^?]*\b(?:relative|compared|in proportion) to\b|"
     r"\b(?:relative|compared|in proportion) to (?:what|the (?:money|funds|budget)) [^?]*\bfunded\b"),
    # "received the largest final budget": the column named wins over the verb
    ("final_budget", r"\bfinal budget\b"),
    ("expenditure", r"\bexpenditure\b|\bspen[dt]\w*\b|\bused\b|\bdisburs\w*"),
    ("funds_available", r"\bfunds? available\b|\bavailable funds\b|\bavailable\b|\bon hand\b|\bfunded\b|\bfunding\b|\breceived\b|\bsecured\b|\bfinanced\b"),
    ("final_budget", r"\bbudget\w*\b|\bneeds?\b|\brequire\w*\b|\bplanned\b"),
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_CHANGE = re.compile(r"^\s*how (?:did|has|have|does|do) .*\b(?:chang\w*|evolv\w*|develop\w*|compar\w*|progress\w*|mov(?:e|ed))\b")


# Idioms said in one verb by reports; the question is read (and searched) with the verb.
# General English, no report vocabulary.
_IDIOMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), w)
    for p, w in (
        (r"\b(?:give|gives|gave|given|giving) (?:the |its |their )?green light (?:to|for)\b", "approved"),
        (r"\bsign(?:ed|s)? off(?: on)?\b", "approved"),
        (r"\bshar(?:e|es|ed|ing) (?:the |its )?(?:co-?)?(?:leadership|lead|leading role|coordination) (?:role )?(?:of|in|for|over)\b",
         "co-leads"),
        (r"\bshar(?:e|es|ed|ing) (?:the |its )?(?:co-?)?chair(?:manship|ing)? (?:role )?(?:of|in|for)\b", "co-chairs"),
        (r"\bput(?:s|ting)? forward\b", "submitted"),
        (r"\bteam(?:s|ed)? up with\b", "partnered with"),
        (r"\bjoin(?:s|ed)? forces with\b", "partnered with"),
        (r"\bset(?:s|ting)? up\b", "established"),
        (r"\bhand(?:s|ed)? out\b", "issued"),
        (r"\bturn(?:s|ed)? out to be\b", "were"),
        (r"\b(?:is|are) home to\b", "hosts"),
        (r"\b(?:was|were) home to\b", "hosted"),
        (r"\bhand(?:s|ed|ing)? over (?=(?:the |its |their )?(?:land|plots?|hectares|sites?|buildings?|premises)\b)", "allocated "),
        # "took in nearly nine out of every ten of the refugees", "the lion's share of": most of them
        (r"\b(?:(?:nearly|almost|about|around|some|roughly)\s+)?(?:six|seven|eight|nine|[6-9])\s+(?:out\s+)?(?:of|in)\s+"
         r"(?:every\s+)?(?:ten|10)(?:\s+of)?\b|\bthe (?:lion['’]s share|bulk|(?:vast|overwhelming|great) majority) of\b",
         "most of"),
        (r"\b(?:took|take|takes|taking) part in\b", "participated in"),
    )
)


def rewrite(question: str) -> str:
    """The question with idioms replaced by the verb a report would use ("gave the green light to"
    → "approved")."""
    # "What's the PNSD …", "who's", "where's": the full verb, which the question patterns read
    question = re.sub(r"\b(what|who|where|which|how|when)['’]s\b", r"\1 is", question, flags=re.IGNORECASE)
    # "what was the size of the population": a count
    question = re.sub(r"\bwhat (?:was|is|were) the (?:total )?size of (?:the )?", "how many ", question,
                      flags=re.IGNORECASE)
    for pattern, word in _IDIOMS:
        question = pattern.sub(word, question)
    return question


@dataclass(frozen=True)
class Intent:
    """What the question asks for."""

    kind: str  # relation, acronym, indicator, finance, number, location, list, why, generic
    predicates: tuple[str, ...] = ()
    predicate_span: tuple[int, int] | None = None  # where the relation verb is in the question
    passive: bool = False  # "is led by whom"
    field: str = ""  # indicator baseline/target/actual, or a budget column
    unit_terms: tuple[str, ...] = ()  # terms of the noun a number is asked of
    percent: bool = False
    money: bool = False
    years: tuple[int, ...] = ()
    superlative: str = ""  # "max" / "min"
    who: bool = False  # asks for an actor
    plural: bool = False


def detect(question: str) -> Intent:
    """Read the intent of ``question``."""
    q = question.strip()
    low = q.lower()
    # "ENHOG 2019" names a survey, not a year asked about
    years = tuple(int(m.group(1)) for m in _YEAR.finditer(q) if not re.search(r"\b[A-Z]{3,}\s+$", q[: m.start()]))
    # "Officers from A and B attended the courses - which other places sent officers?": the part
    # after the dash is the question; the part before only sets the scene
    asked_part = re.search(r"(?:\s*[:;]|\s[-–—])\s+(?=(?:which|what|who|whom|where|how|when|in which|to which|from which)\b)",
                           low)
    family = _family(low[asked_part.end() :] if asked_part else low)
    if family and asked_part:
        family = (family[0], (family[1][0] + asked_part.end(), family[1][1] + asked_part.end()))
    preds, span = family if family else ((), None)
    passive = bool(re.search(r"\bby (?:whom|which|what)\b|\b(?:is|are|was|were) \w+ by\b|\bby\s*\??$", low))
    # "how many refugees and members of the network took part": a count, not the members asked for
    who = bool(_WHO.search(low)) and not re.match(r"\s*how (?:many|much)\b", low)
    # "which area had the highest budget" (not "the minimum expenditure basket")
    asks_which = bool(re.search(r"(?:^\s*|\b(?:on|in|to|for|from|of),?\s+|,\s+)(?:which|what)\s+(?:of (?:the|its|their)\s+)?"
                                r"(?:[\w-]+\s+){0,2}(?:area|areas|sector|sectors)\b|(?:^|,)\s*which (?:line|row)s?\b", low)) or bool(
        re.search(r"\b(?:areas?|sectors?)\b", low) and re.search(r"\bwhich (?:one|of (?:them|these|those|the))\b|"
                                                          r"^\s*(?:among|of) the (?:[\w-]+ ){0,2}(?:areas|sectors),? which\b", low))
    # "the most poorly funded" is the least funded
    least = re.search(r"\b(?:lowest|smallest|least|minimum|fewest|worst|poorest|most (?:poorly|badly|under-?\w+))\b", low)
    superlative = "" if not asks_which else "min" if least else "max" if re.search(
        r"\b(?:highest|largest|biggest|most|greatest|maximum|best)\b", low) else ""
    common = {"years": years, "superlative": superlative}
    # "a 9% rise … - what was the total number enrolled?": a share given in the scene is not asked
    percent = bool(re.search(r"\bpercent\w*|%|\bproportion\b|\bshare\b|\brate\b|\bwhat part\b|\bfraction\b",
                             low[asked_part.end() :] if asked_part else low))
    # "where did the baseline stand for …" asks a level, not what letters stand for
    if (_ACRONYM.search(low) and not re.match(r"\s*(?:where|how high|how low|at what)\b", low)) or _ACRONYM_ALONE.search(q):
        return Intent("acronym", **common)
    if superlative and _FINANCE.search(low) and not _SPENT_ON.search(low):
        # "which of the four areas had the smallest share of its budget funded": one area, from the table
        return Intent("finance", field=_first(_BUDGET_FIELDS, low), percent=percent, money=not percent, **common)
    if _LIST.search(low) and not (who and preds and not _plural_place(low)):
        return Intent("list", preds, span, passive, who=who, plural=True, **common)
    if re.match(r"\s*what (?:prompted|triggered|sparked|motivated|forced|compelled|caused|drove)\b", low):
        return Intent("why", field=_first(_FIELDS, low), **common)  # "what forced the agency to move its office"
    if who and preds:
        return Intent("relation", preds, span, passive, who=True, plural=_plural(low), **common)
    if re.search(r"^\s*how (?:is|are|was|were)\b.*\b(?:rated|rating|scored|measured|assessed|graded)\b", low):
        return Intent("indicator", field=_first(_FIELDS, low), **common)
    if _CHANGE.search(low) and (_INDICATOR.search(low) or re.search(r"\b(?:share|proportion|percentage|rate)\b", low)):
        return Intent("indicator", percent=True, **common)  # "how did the share … change": the whole row
    if _ROW_VALUES_ASKED.search(low):
        # "did UNHCR meet its quota …? give the goal and the result": the row's values, not a reason
        return Intent("indicator", percent=percent, **common)
    if _WHY.search(low) and not _NUMBER.search(low):
        return Intent("why", field=_first(_FIELDS, low), **common)  # "what was the goal for …" may be a target
    if who and not preds and _FINANCE.search(_ASIDE.sub(" ", low)) and re.match(r"\s*(?:which|who)\b", low) and not superlative \
            and not re.search(r"\bhow (?:much|many)\b", low):
        # "which lender gave the government USD 60 million": the giver of the money is asked
        return Intent("relation", ("funds", "supports"), None, passive, who=True, plural=_plural(low), **common)
    if _FINANCE.search(low) and not _SPENT_ON.search(low) and not (who and preds and "fund" not in low[:12]):
        return Intent("finance", field=_first(_BUDGET_FIELDS, low), percent=percent,
                      money=not percent, **common)
    # "where did the rating start from": the baseline of a measure, not a place
    if re.search(r"^\s*where (?:did|does|do|was|were|is|are) (?:(?!who\b|that\b|which\b)[\w-]+ ){1,6}stand\b", low):
        # "where did the starting point stand for …": a level, not a place
        return Intent("indicator", field=_first(_FIELDS, low), percent=percent, **common)
    if re.search(r"\bwhere (?:did|does|do|was|were|is|are) (?:it|they|this|that|the [\w-]+(?: [\w-]+){0,3}) (?:start|begin|began|"
                 r"end(?:ed)? up|finish(?:ed)?|land(?:ed)?|stand|stood)\b", low) and not re.search(r"\b(?:travel|journey|trip|"
                                                                                        r"route|walk|march)", low):
        # "enrolment: where did it start and where did it end up?": the levels of a measure, not places
        return Intent("indicator", field=_first(_FIELDS, low), percent=percent, **common)
    if _LEVEL_AIMED.search(low):
        return Intent("indicator", field=_first(_FIELDS, low), percent=percent, **common)
    if _LOCATION.search(low) and not _NUMBER.search(low) and not re.search(r"\b(?:start|begin|began) (?:from|out)\b", low):
        return Intent("location", preds or ("locatedIn", "operatesIn"), span, passive, **common)
    if _INDICATOR.search(low) and not re.search(r"\bhow many\b", low):
        return Intent("indicator", field=_first(_FIELDS, low), percent=percent, **common)
    if _NUMBER.search(low):
        # "how many of the 3,460 survivors …": the noun after the whole's figure is what is counted
        m = _TARGET_NOUN.search(re.sub(r"\bhow many of (?:the|its|their|these|those)\s+(?:\d[\d,.]*\s+)?(?=[a-z])",
                                       "how many ", low))
        unit = tuple(t for t in terms(m.group("noun"))) if m and not _is_verb(m.group("noun")) else ()
        if m and m.group(0).endswith(" of"):  # "how many cases of children and adolescents did …"
            of = re.match(r"\s*((?:[\w'-]+\s+){0,3}?[\w'-]+?)(?=\s+(?:did|do|does|were|was|are|is|have|has|had|"
                          r"in|at|from|by|with|for|to|that|who)\b|\s*\?|$)", low[m.end() :])
            unit += tuple(t for t in terms(of.group(1)) if t not in unit) if of else ()
        # "how much land / water": a quantity of a thing, measured, not money
        money = bool(re.search(r"\bhow much\b(?! of)(?!\s+(?:[\w-]+\s+)?(?:" + _MASS_NOUNS + r")\b)|\bamount\b(?! of (?:"
                               + _MASS_NOUNS + r")\b)|(?<!\bno )(?<!\bfree of )\bcost\b|\bincome\w*\b", low)) \
            and not re.search(r"\bhow many times\b", low)  # "… correspond to how many times the minimum wage": a multiple
        # "how big was the recovery loan": the size of a sum of money is an amount
        # "the total value of the agreements", "the value of the grants": a sum of money
        money = money or bool(re.search(r"\b(?:total|combined|overall|monetary|dollar|financial) value\b|\bvalue of (?:the |its |their |"
                                        r"these |those )?(?:\w+ ){0,3}(?:agreements?|grants?|contracts?|loans?|"
                                        r"contributions?|donations?|awards?|transfers?|vouchers?|pledges?)\b", low))
        money = money or bool(re.search(r"\bhow (?:big|large|sizeable|substantial)\b[^?]*\b(?:loan|grant|donation|allocation|"
                                        r"contribution|appeal|budget|envelope|credit|investment|pledge)s?\b", low))
        if re.search(r"\bhow much (?:did|has|have|had|does|do|was|were)\b[^?]*\b(?:grow|grew|grown|increas\w*|ris\w*|rose|"
                     r"fall|fell|fallen|decreas\w*|declin\w*|drop\w*|chang\w*|expand\w*|shr[iu]nk\w*)\b", low) and \
                not re.search(r"\b(?:money|usd|dollars?|budget|funding|funds)\b", low):
            money, percent = False, True  # "how much did enrolment grow": a change, a share or a count
        if re.search(r"\bby how much\b|\bby what (?:percentage|percent|share|margin|factor)\b|"
                     r"\bhow (?:sharply|steeply|dramatically|significantly)\b", low):
            # a change: a percentage or an increase, not an amount of money or a count of the subject
            unit, money, percent = (), bool(re.search(r"\b(?:money|usd|dollars?|budget|funding)\b", low)), True
        # "how many …, as a percentage?" asks a share after all
        as_share = bool(re.search(r"\bas an? (?:percentage|share|proportion|percent)\b|\bin percent(?:age)?(?: terms)?\b", low))
        return Intent("number", unit_terms=unit, percent=percent and ("how many" not in low or as_share), money=money,
                      field=_first(_FIELDS, low), **common)
    # "… belongs to which coordination structure?": the question word right after the relation's verb
    # (not when a relative clause names someone else first: "the group that UNHCR co-led is part of …"
    # asks about the group, which the graph may not name)
    wh_object = bool(span and re.match(r"\s*(?:[\w-]+\s+){0,2}(?:which|what|whom)\b", low[span[1] :])
                     and not re.search(r"\b(?:that|which|who|whom)\b", low[: span[0]]))
    if preds and (who or wh_object or re.search(r"^\s*(?:what|which) (?:is|are|was|were)\b.*\b(?:member|part) of\b", low)):
        return Intent("relation", preds, span, passive, who=who, plural=_plural(low), **common)
    return Intent("generic", preds, span, passive, field=_first(_FIELDS, low), **common)


_NOUNS_IN_ED = frozenset("need needs seed seeds speed feed bed beds shed breed red hundred hundreds".split())


def _is_verb(noun: str) -> bool:
    """"how many resulted in …", "how many ended up …": no counted noun, the word is a verb."""
    words = noun.split()
    if len(words) == 1 and words[0] in IRREGULAR_PAST:
        return True  # "how many went to …"
    return len(words) == 1 and words[0].endswith("ed") and len(words[0]) > 4 and words[0] not in _NOUNS_IN_ED


_WH_HEAD = re.compile(
    r"^\s*(?:which|what)\s+(?:[\w'-]+\s+){0,3}?(?:partners?|donors?|organi[sz]ations?|agenc(?:y|ies)|"
    r"institutions?|bod(?:y|ies)|actors?|entit(?:y|ies)|groups?|networks?|platforms?|members?|supporters?|offices?|"
    r"directorates?|departments?|ministr(?:y|ies)|authorit(?:y|ies)|lenders?|charit(?:y|ies))\b"
)

# "Which UN office is in charge of …", "which government agency kicked off …": the subject's words,
# up to the first auxiliary or past-tense verb, name what is asked, not the relation
_WH_PHRASE = re.compile(
    r"^\s*(?:which|what)\s+(?:[\w'’-]+\s+){1,5}?(?=(?:is|are|was|were|did|does|do|has|have|had|will|can)\b|\w+ed\b)"
)


# "who operates the two units", "which refugee-led association operated the safe spaces": running a
# thing, not a presence somewhere
_RUNS_A_THING = re.compile(r"(?:^|[:;,.?–—-])\s*(?:who|(?:which|what)(?:\s+[\w'’-]+){1,3})\s+(operat(?:e|es|ed))\s+"
                           r"(?=(?:the|these|those|this|that|them|it|\d+|two|three|four|five|six)\b)")


def _family(low: str) -> tuple[tuple[str, ...], tuple[int, int]] | None:
    """The relation family the question's verb names (the "which partners" head is not a verb)."""
    runs = _RUNS_A_THING.search(low)
    if runs:
        return ("leads", "coLeads", "chairs"), runs.span(1)
    opener = re.match(r"\s*(?:together with|jointly with|alongside|with) (?:which|what|whom)\b", low)
    if opener and not re.search(_FAMILIES[0][0], low):
        # "together with which body did X run …" (but "with whom did X co-chair …" asks the co-chair)
        return ("partnersWith",), (opener.start(), opener.end())
    # "which partner, helped by volunteers, planted …": a participle between commas describes the
    # subject; the clause's own verb is the one asked
    low = _ASIDE.sub(lambda m: " " * len(m.group()), low)
    # "jointly with UNHCR, which institution opened …": the co-actor of the main verb is asked
    low = re.sub(r"^\s*(?:jointly|together|along|alongside)(?: with)? [^,?]{2,60},(?=\s*(?:which|what|who)\b)",
                 lambda m: " " * len(m.group()), low)
    # "… supplied by which government office": the office is the kind of answer asked, not a presence
    low = re.sub(r"\b(?:which|what) (?:[\w-]+ ){0,3}?offices?\b(?! (?:in|at|of)\b)", lambda m: " " * len(m.group()), low)
    head = _WH_HEAD.match(low) or _WH_PHRASE.match(low)
    masked = " " * head.end() + low[head.end() :] if head else low
    wh = re.search(r"\b(?:which|what|whom)\b", low)
    if wh and wh.start() > 0 and not head and not re.match(r"\s*(?:(?:to|with|by|of|in|on|for|from|under|into)\s+)?$",
                                                          low[: wh.start()]):
        # "The sector UNHCR headed belongs to which structure?": the verb just before the question
        # word is the one asked, not one of a clause describing the subject
        found = [(m.end(), preds, (m.start(), m.end())) for pattern, preds in _FAMILIES
                 for m in re.finditer(pattern, low[: wh.start()])]
        if found:
            _, preds, span = max(found, key=lambda f: f[0])
            return preds, span
    for text in (masked, low) if head else (low,):
        found = []
        for rank, (pattern, preds) in enumerate(_FAMILIES):
            m = re.search(pattern, text)
            if m:
                if text is low and head and preds == ("operatesIn",) and m.start() < head.end():
                    continue  # "which government office widened …": the office is what is asked, not a presence
                if m.group() in ("pass", "passed") and re.search(r"^\s*to (?:which|whom|what)\b|\bto\s*\??$|\bpass\w* (?:\w+ ){0,8}?to\b", text):
                    continue  # "to which body did X pass the cases": handed over, not a law passed
                # "with whom did X co-chair": the opener names a partner only when no verb does
                start = len(text) if preds == ("partnersWith",) and m.start() == 0 else m.start()
                # the trainer of "attended UNHCR's trainings" stands before the noun, as in "UNHCR trained"
                span = m.span("noun") if m.groupdict().get("noun") else m.span()
                found.append((start, rank, preds, span))
        if found:
            # the main verb comes first: "which agency kicked off the campaign helping children" asks
            # who launched it, not who helped (families rank only verbs at the same place)
            _, _, preds, span = min(found, key=lambda f: (f[0], f[1]))
            return preds, span
    return None


_ASIDE = re.compile(r"(?<=,)\s+(?:\w+ly\s+)?(?:\w+ed|\w+en|paid|funded|led|run)\s+(?:by|with|from|through)\b[^,?]*(?=,)")


# Nouns of help and money: "implemented UNHCR's cash assistance" is about implementing
_ACTION_NOUN = re.compile(r"assistance|support|aid|help|funding|financing|loans?")


def _first(table: tuple[tuple[str, str], ...], low: str) -> str:
    for name, pattern in table:
        if re.search(pattern, low):
            return name
    return ""


def _plural(low: str) -> bool:
    return bool(re.search(r"\bwhich \w*(?:ies|s)\b|\bwho (?:are|were)\b|\bwhat (?:organi[sz]ations|agencies|entities)\b", low))


def _plural_place(low: str) -> bool:
    return bool(re.search(r"\b(?:countries|cities|regions|places|locations|provinces|towns|destinations)\b", low))
