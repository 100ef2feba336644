"""Names in sentences: entity mentions and capitalised name spans, filtered by the kind asked for.

Used by the relation, location and list answerers when the graph has no relation that answers
the question: the answer is then read from the best sentence, as the names it contains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from graph.acronyms import CONNECTORS, is_acronym

from .context import Ctx
from .kb import alias_key
from .text import NATIONALITY_WORD

# "which ministry …" → a name that contains "ministry"; general nouns accept any organisation.
_TYPE_WORDS = {
    "ministry": ("ministr",),
    "ministries": ("ministr",),
    "ngo": ("ngo", "non-governmental", "foundation", "association", "fundación", "fundação", "fondation", "asociación",
            "associação"),
    "ngos": ("ngo", "non-governmental", "foundation", "association", "fundación", "fundação", "fondation", "asociación",
             "associação"),
    # reports keep a body's name in its own language ("Fundação Ponte Aberta")
    "foundation": ("foundation", "fundación", "fundação", "fondation", "fundacion", "fundacao", "stiftung"),
    "foundations": ("foundation", "fundación", "fundação", "fondation", "fundacion", "fundacao", "stiftung"),
    "association": ("association", "asociación", "associação", "asociacion", "associacao"),
    "bank": ("bank",),
    "banks": ("bank",),
    # development lenders are banks and funds ("World Bank", "IDB", "International Monetary Fund")
    "lender": ("bank", "fund"),
    "lenders": ("bank", "fund"),
    "committee": ("committee",),
    "commission": ("commission",),
    "network": ("network",),
    "platform": ("platform",),
    "court": ("court", "tribunal"),
    "tribunal": ("tribunal", "court"),
    "police": ("police",),
    "office": ("office",),
    "unit": ("unit", "team", "section", "department", "division", "cell", "desk"),
    "group": ("group",),
    "forum": ("forum",),
    # an Act or a Code is a law by another name ("the Refugees and Asylum Act 2019")
    "law": ("law", "act", "code"),
    "laws": ("law", "act", "code"),
    "legislation": ("law", "act", "code", "decree", "statute"),
    "decree": ("decree",),
    # "which survey / data source / study does the report cite": a survey or census by its name
    "survey": ("survey", "census", "encuesta", "enquête", "inquérito"),
    "source": ("survey", "census", "study", "assessment", "database", "registry", "encuesta"),
    "study": ("study", "survey", "assessment", "analysis"),
    "census": ("census",),
    "statute": ("statute", "law", "act"),
    "protocol": ("protocol",),
    "programme": ("programme", "program"),
    "program": ("programme", "program"),
    "strategy": ("strategy",),
    "sector": ("sector",),
    "sectors": ("sector",),
    "team": ("team", "unit", "section", "department", "division", "cell", "desk", "office", "group"),
    # a district or town council is its local government ("the Nakori District Local Government")
    "council": ("council", "local government", "municipalit"),
    "cluster": ("cluster",),
    "alliance": ("alliance",),
    "federation": ("federation",),
    "university": ("universit",),
}
_ORG_NOUNS = (r"organi[sz]ations?|agenc(?:y|ies)|bod(?:y|ies)|institutions?|entit(?:y|ies)|actors?|authorit(?:y|ies)|"
              r"charit(?:y|ies)|non-?profits?")
# Donors, partners and members may be states as well as organisations ("the European Union, ECHO,
# the United States and Spain").
_ACTOR_NOUNS = r"partners?|donors?|members?|contributors?|supporters?|funders?|governments?"
_NATIONALITY_NOUNS = r"nationalit(?:y|ies)|citizenships?"
_EVENT_NOUNS = r"emergenc(?:y|ies)|events?|crise?s|crisis|disasters?|campaigns?|forums?|conferences?|summits?|hazards?"
_POPULATION_NOUNS = r"populations?"
_PLACE_NOUNS = (r"countr(?:y|ies)|cit(?:y|ies)|regions?|provinces?|towns?|places?|locations?|departments?|destinations?|areas?|"
                r"settlements?|camps?|districts?|villages?|municipalit(?:y|ies)")
_NAME = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’´&+.-]*|\d+)(?:\s+(?:(?:of|for|and|on|the|de|del|la|las|los|y|in|against|to|&|da|das|do|dos|di|du|des)\s+)*"
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’´&+.-]*|\d+))*"
)
_LEAD_STOP = frozenset("The A An In On At By For From With To Of And Or As Within Through During Since Also This These".split())


@dataclass(frozen=True)
class Name:
    text: str
    start: int  # into the passage text
    end: int
    iri: str | None
    type: str  # entity type, or "" for a regex name
    passage_before: str = ""  # a few characters before the name (lower case, whitespace collapsed)
    passage_id: str | None = None


def asked_noun(question: str) -> str:
    """The head noun after "which"/"what" ("which international partners …" → "partners"), or ""."""
    m = re.search(r"\b(?:which|what)\s+((?:[\w'’-]+\s*){1,5})", question.lower())
    for w in (m.group(1).split() if m else [])[:5]:
        w = re.sub(r"['’]s$", "", w.strip("?,."))  # "which ministry's centres"
        if w in ("is", "are", "was", "were", "did", "does", "do", "has", "have", "had"):
            break
        if w in _TYPE_WORDS or any(re.fullmatch(x, w) for x in (_PLACE_NOUNS, _ORG_NOUNS, _ACTOR_NOUNS, _NATIONALITY_NOUNS,
                                                                _EVENT_NOUNS, _POPULATION_NOUNS)):
            return w
    return ""


def asked_kind_words(question: str) -> frozenset[str]:
    """Alias keys of the words naming the kind of answer asked ("which NGO …", "which United
    Nations agency …"): not names the report must contain."""
    words = set(asked_type(question)[1])
    if re.search(r"\bUnited Nations\b", question):
        words |= {"united", "nations", "united nations"}
    return frozenset(words)


_ASKS_GOVERNMENT = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+)?governments?\b(?!\s+(?:office|agenc|bod|ministr|depart|"
                              r"institution|scheme|programme|program|plan|polic|service|initiative|board|bureau))", re.IGNORECASE)


def _is_type_noun(w: str) -> bool:
    return w in _TYPE_WORDS or w in _SCHEME_NOUNS or any(
        re.fullmatch(p, w) for p in (_PLACE_NOUNS, _ORG_NOUNS, _ACTOR_NOUNS, _EVENT_NOUNS, _POPULATION_NOUNS))


_SCHEME_NOUNS = frozenset("scheme schemes plan plans policy policies department departments service services "
                          "initiative initiatives board boards bureau bureaus".split())


# people set aside or named as receiving, next to "which group": a group of people is asked
_PEOPLE_ASIDE = re.compile(r"\b(?:besides|apart from|aside from|other than|in addition to|as well as|alongside)\s+(?:the\s+)?"
                           r"(?:[\w-]+\s+){0,3}(?:people|persons|refugees|migrants|families|households|children|women|"
                           r"communities|population)\b")


# "which piece of legislation": the noun after "of" is the one asked ("what kind of group" asks a
# kind, which a name does not answer)
_CLASSIFIERS = frozenset({"piece", "pieces", "item", "items"})


def asked_type(question: str) -> tuple[str, tuple[str, ...]]:
    """("org" | "place" | "any", words the name must contain) for the thing a question asks for.

    The head noun is the first type noun among the few words after "which"/"what"
    ("which Regional Health Network body" → body; "which agency heads the country's …" → agency).
    """
    low = question.lower()
    m = re.search(r"\b(?:which|what)\s+((?:[\w'’-]+\s*){1,5})", low)
    following = [re.sub(r"['’]s$", "", w.strip("?,.")) for w in (m.group(1).split() if m else [])[:5]]
    for i, w in enumerate(following):
        if w in ("is", "are", "was", "were", "did", "does", "do", "has", "have", "had"):
            break
        if w == "of" and i > 0 and following[i - 1] not in _CLASSIFIERS:
            break  # "which service of the women's ministry": the service is asked, the ministry is whose
        if w in ("government", "governments", "state", "public", "ministry") and i + 1 < len(following) and \
                following[i + 1] in ("department", "departments"):
            return "org", ()  # "which government department …": a body, not a region called a department
        if w in ("government", "governments", "state", "public") and i + 1 < len(following) and \
                following[i + 1] in ("office", "offices", "agency", "agencies", "body", "bodies", "entity", "entities"):
            return "org", ()  # "which government office …": any public body (a directorate, an institute …)
        if w in ("government", "governments") and i + 1 < len(following) and _is_type_noun(following[i + 1]):
            continue  # "which government ministry …": the ministry is asked for
        if re.fullmatch(_EVENT_NOUNS + "|" + _PLACE_NOUNS, w) and i + 1 < len(following) and \
                re.fullmatch(_ORG_NOUNS, following[i + 1]):
            continue  # "which government emergency agency", "which border agency": the last noun is the head
        if w in ("group", "groups") and _PEOPLE_ASIDE.search(low):
            return "population", ()  # "besides displaced people, which group could also get …"
        if w in _TYPE_WORDS:
            kind = "any" if w in ("law", "laws", "legislation", "decree", "statute", "protocol", "programme", "program",
                                  "strategy", "survey", "source", "study", "census") else "org"
            return kind, _TYPE_WORDS[w]
        if re.fullmatch(_PLACE_NOUNS, w) or w in ("nation", "nations") and (i == 0 or following[i - 1] != "united"):
            return "place", ()  # "which nation …" (not "which United Nations agency …")
        if re.fullmatch(_ORG_NOUNS, w):
            return "org", ()
        if re.fullmatch(_ACTOR_NOUNS, w):
            return "actor", ()
        if re.fullmatch(_NATIONALITY_NOUNS, w):
            return "nationality", ()
        if re.fullmatch(_EVENT_NOUNS, w):
            return "event", ()
        if re.fullmatch(_POPULATION_NOUNS, w):
            return "population", ()
    if re.search(r"\bnationalit(?:y|ies)\b", low):
        return "nationality", ()
    if re.match(r"\s*where\b", low) or re.search(r"\bin (?:which|what) (?:city|country|region|town|place)\b", low):
        return "place", ()
    if re.match(r"\s*(?:who|whom|with whom)\b", low):
        return "org", ()
    return "any", ()


def names_in(ctx: Ctx, passage_id: str, start: int, end: int) -> list[Name]:
    """Entity mentions and capitalised names in ``[start, end)`` of a passage, in text order."""
    kb = ctx.kb
    text = kb.passages[passage_id].text
    out: list[Name] = []
    taken: list[tuple[int, int]] = []
    for iri, s, e in sorted(kb.mentions_in(passage_id, start, end), key=lambda x: (x[1], -x[2])):
        if any(s < te and ts < e for ts, te in taken):
            continue
        ent = kb.entity(iri)
        surface = re.sub(r"['’]s$", "", text[s:e])  # a mention may carry the possessive ("DGI's")
        e = s + len(surface)
        out.append(Name(surface, s, e, iri, ent.type if ent else "", _before(text, s)))
        taken.append((s, e))
    for m in _NAME.finditer(text, start, end):
        s, e = m.start(), m.end()
        words = m.group().split()
        while words and (words[0] in _LEAD_STOP or words[0].lower() in CONNECTORS):
            s = text.index(words[1], s + len(words[0])) if len(words) > 1 else e
            words = words[1:]
        while words and words[-1].lower() in CONNECTORS:
            words = words[:-1]
        if not words:
            continue
        e = s + len(" ".join(words)) if "\n" not in text[s:e] else _end_of(text, s, words)
        surface = re.sub(r"['’]s$", "", text[s:e].rstrip(".,;:"))  # "the DGI's decision" names the DGI
        e = s + len(surface)
        if any(s < te and ts < e for ts, te in taken):
            continue
        if len(words) == 1 and not is_acronym(words[0].rstrip("s")) and _sentence_initial(text, s):
            continue
        if surface.isdigit() or len(surface) < 2 or not re.search(r"[A-Z][a-z]|[A-Z]{2}", surface):
            continue  # "2022 to 54 in 2023" is figures, not a name
        iris = kb._lookup(surface)
        out.append(Name(surface, s, e, next(iter(sorted(iris)), None) if iris else None, "", _before(text, s)))
        taken.append((s, e))
    out = [replace(_extend(text, n, end), passage_id=passage_id) for n in out]
    out.sort(key=lambda n: n.start)
    return out


_PLACE_TAIL = re.compile(r"(?:-[A-Z][\w]*)*(?:\s+(?:border|borders|region|department|province|valley|city|area|areas|"
                         r"district|coast|frontier|crossing))?")


_ADJECTIVES_ONLY = re.compile(r"[A-Z][a-z]+(?:ian|ean|an|ese|ish|i)(?:\s+(?:and|or)\s+[A-Z][a-z]+(?:ian|ean|an|ese|ish|i)|,\s+"
                              r"[A-Z][a-z]+(?:ian|ean|an|ese|ish|i))*")
_GROUP_NOUN = re.compile(r"\s+((?:[a-z-]+\s+)?(?:associations|organi[sz]ations|groups|communities|networks|women|men|"
                         r"leaders|youth|families|households|nationals|workers|students|entrepreneurs|authorities|"
                         r"refugees|migrants|asylum-seekers|volunteers|artisans|businesses))\b")


def _extend(text: str, n: Name, limit: int) -> Name:
    """"Niger" in "the Niger-Chad border" → "Niger-Chad border": a place name with its compound tail;
    "Valderian and Haitian" in "by eleven Valderian and Haitian associations" → "Valderian and Haitian
    associations": nationality adjectives are the name of a group only with the noun they qualify."""
    if _ADJECTIVES_ONLY.fullmatch(n.text):
        g = _GROUP_NOUN.match(text, n.end, limit)
        if g:
            return Name(text[n.start : g.end(1)], n.start, g.end(1), None, n.type, n.passage_before)
    m = _PLACE_TAIL.match(text, n.end, limit)
    if not m or m.end() == n.end:
        return n
    return Name(text[n.start : m.end()], n.start, m.end(), n.iri if "-" not in m.group() else None,
                n.type if "-" not in m.group() else "Location" if n.type == "Location" else n.type,
                n.passage_before)


def _before(text: str, s: int) -> str:
    return " ".join(text[max(0, s - 30) : s].lower().split()).removesuffix(" the")


def _end_of(text: str, s: int, words: list[str]) -> int:
    pos = s
    for w in words:
        pos = text.index(w, pos) + len(w)
    return pos


def _sentence_initial(text: str, s: int) -> bool:
    before = text[:s].rstrip()
    return not before or before[-1] in ".:;!?-\n"


def fits(ctx: Ctx, name: Name, kind: str, words: tuple[str, ...], loose: bool = False) -> bool:
    """Does ``name`` denote the kind of thing asked for? (``loose``: a coordination body's kind may
    be said by another such word.)"""
    kb = ctx.kb
    forms = [name.text] + (kb.surfaces(name.iri) if name.iri else [])
    if words:
        if alias_key(name.text) in {w for x in words for w in (x, x + "s")}:
            return False  # "NGOs" is the kind itself, not a name of one
        # whole words ("bank", not "Banking"); "ministr" covers ministry / ministries; when loose, a
        # network, a platform and an alliance are kinds of coordination body, each named by the
        # others' words
        kinds = set(words) | (COORDINATION_BODIES if loose and set(words) & COORDINATION_BODIES else set())
        if any(re.search(rf"\b{re.escape(w)}(?:s|y|ies)?\b", alias_key(f)) for f in forms for w in kinds):
            return True
        ent = kb.entity(name.iri) if name.iri else None
        if ent and any(w in ent.subtype.lower() for w in words):
            return True
        # "Caritas X, the national chapter of Caritas Internationalis": a chapter of an NGO is one too
        parents = [kb.entity(r.object) for r in kb.by_subject.get(name.iri, ()) if r.relation.predicate == "partOf"] \
            if name.iri else []
        return any(p is not None and any(w in p.subtype.lower() for w in words) for p in parents)
    ent_type = name.type or (kb.entity(name.iri).type if name.iri and kb.entity(name.iri) else "")
    if not ent_type and _TIME_WORD.search(name.text):
        return False  # "in April": a time, neither a place nor an actor
    if not ent_type and kind in ("org", "actor", "place") and NATIONALITY_WORD.fullmatch(name.text) and \
            not (kind == "place" and name.passage_before.endswith(_PLACE_PREPS)):
        return False  # "Syrian", "Afghans": people of a nationality, not a body or a place ("in Bundi" is one)
    if kind == "place":
        return ent_type == "Location" or (not ent_type and _looks_like_place(ctx, name))
    if kind in ("org", "actor") and _UN_AGENCY.search(ctx.question):
        ent = kb.entity(name.iri) if name.iri else None
        return bool(ent and ent.subtype == "UNAgency")  # "which UN agency …": the gazetteer knows them
    if kind == "org":
        return ent_type in ("Organization", "") and not (ent_type == "" and _looks_like_place(ctx, name))
    if kind == "actor":
        ent = kb.entity(name.iri) if name.iri else None
        if ent_type == "Location":
            return bool(ent and (ent.subtype == "Country" or ent.international))
        if _ASKS_GOVERNMENT.search(ctx.question):
            # "which donor government …": a state or its government, not an agency
            return any(re.search(r"\bgovernment\b", alias_key(f)) for f in forms)
        return ent_type in ("Organization", "")
    if kind == "nationality":
        return bool(_DEMONYM.fullmatch(name.text))
    if kind == "event":
        return ent_type == "Event" or (ent_type == "" and not _looks_like_place(ctx, name))
    if kind == "population":
        return ent_type == "PopulationGroup"  # "which population is the centre meant for": LGBTIQ+ people
    return True


COORDINATION_BODIES = frozenset("network platform alliance coalition consortium forum group roundtable".split())
_UN_AGENCY = re.compile(r"\b(?:U\.?N\.?|United Nations)\s+(?:agenc(?:y|ies)|entit(?:y|ies)|bod(?:y|ies))\b", re.IGNORECASE)

# Plural nouns of nationality as reports write them ("Eritreans", "Syrians", "Congolese").
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ians|eans|ans|ese|is)")


def demonyms_in(ctx: Ctx, passage_id: str, start: int, end: int) -> list[Name]:
    """Nationalities named in ``[start, end)`` of a passage, in text order."""
    text = ctx.kb.passages[passage_id].text
    out = []
    for m in re.finditer(r"\b" + _DEMONYM.pattern + r"\b", text[start:end]):
        s, e = start + m.start(), start + m.end()
        if _sentence_initial(text, s) or m.group().lower() in _NOT_DEMONYMS:
            continue
        out.append(Name(m.group(), s, e, None, "", _before(text, s), passage_id))
    return out


_NOT_DEMONYMS = frozenset("means plans loans scans clans oceans veterans guardians technicians physicians "
                          "civilians politicians".split())


def _looks_like_place(ctx: Ctx, name: Name) -> bool:
    """A known Location, or (for a name the graph does not know) one written after "in"/"at"/"to"."""
    iris = ctx.kb._lookup(name.text) if name.iri is None else {name.iri}
    if iris:
        return any((e := ctx.kb.entity(i)) is not None and e.type == "Location" for i in iris)
    if _TIME_WORD.search(name.text):
        return False  # "in October", "in Q3", "at Christmas": a time, not a place
    return name.passage_before.endswith(_PLACE_PREPS)


# Times written like names after "in"/"at" ("in October", "in Q3 2023"): never a place.
_TIME_WORD = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Q[1-4]|Christmas|Easter|Ramadan)\b|^\d+$"
)
_PLACE_PREPS = (" in", " at", " from", " across", " near", " cities of", " city of", " region of")


def in_question(ctx: Ctx, name: Name) -> bool:
    """Is ``name`` one of the things the question itself names ("the Inter-Agency PSEA Network" for
    a question about "the PSEA network")?"""
    if name.iri and any(lk.iri == name.iri for lk in ctx.links):
        return True
    key = alias_key(name.text)
    q = alias_key(ctx.question)
    if key and f" {key} " in f" {q} ":
        return True
    if re.fullmatch(r"(?:the )?government(?: of [a-z ]+)?", key) and re.search(r"\b(?:the|its|their) government\b", q):
        return True  # "lent the government USD 45 million": the Government of <country> is named
    # the name ends with two or more words of the question, one of them an acronym or a name
    words = key.split()
    for n in range(2, min(5, len(words)) + 1):
        tail = " ".join(words[-n:])
        if f" {tail} " in f" {q} ":
            written = re.search(r"\W+".join(re.escape(w) for w in tail.split()), ctx.question, re.IGNORECASE)
            if written and re.search(r"\b[A-Z]", written.group()):
                return True
    return False


def join(items: list[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def demonym_stem(demonym: str) -> str:
    """"Iraqis" → "Iraq", "Syrians" → "Syr": the part a nationality shares with its country's name."""
    return re.sub(r"(?:ians?|eans?|ans?|ese|is)$", "", demonym)


def country_of_demonym(ctx: Ctx, demonym: str) -> str | None:
    """"Iraqis" → "Iraq", when the reports name exactly one country with that stem."""
    stem = demonym_stem(demonym)
    countries = sorted({ref.entity.label for ref in ctx.kb.entities.values() if ref.entity.subtype == "Country"
                        and len(stem) >= 4 and ref.entity.label.startswith(stem)})
    return countries[0] if len(countries) == 1 else None
