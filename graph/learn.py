"""Document-level learning before mentions are read: acronym definitions, place names from their
contexts ("the cities of A, B and C"), lower-case programme phrases the text treats as named things
("a data reconciliation process"), and population groups.
"""

from __future__ import annotations

import re
from collections import Counter

from .acronyms import find_definitions, is_acronym
from .gazetteer import Gazetteer, fold
from .lexicon import MONTHS, POPULATION_PHRASES, SENTENCE_OPENERS, cue_type
from .mentions import Knowledge, fold_text, name_type
from .textview import View

# -- places --------------------------------------------------------------------------------------
_UPPER = "A-ZÀ-ÖØ-Þ"  # "Óbidos", "Ñuble": capitals beyond ASCII
# "San Pedro de la Costa", "Foz do Iguaçu": up to two lower-case particles between capitalised words
_NAME = rf"[{_UPPER}][\w'-]+(?:\s+(?:(?:de|del|la|las|los|do|da|das|dos|di|du|des)\s+){{0,2}}[{_UPPER}][\w'-]+){{0,3}}"
_LIST = rf"({_NAME}(?:\s*,\s*{_NAME})*(?:\s*,?\s+and\s+{_NAME})?)"
_STRONG_PLACE = re.compile(
    r"\b(?:cities|city|towns|town|regions|region|departments|department|provinces|province|municipalities"
    r"|municipality|districts|district|border areas|areas|valley|states|state|capital)\s+of\s+" + _LIST
)
_WEAK_PLACE = re.compile(
    r"\b(?:in|at|to|from|across|near|between|neighbouring|neighboring|towards|throughout|including)\s+" + _LIST
    + r"(?=\s*(?:[,.;:)]|$|\s+(?:and|in|to|from|for|with|until|since|during|where|which|while)\b))"
)
_ADJECTIVE_END = ("ish", "ese", "ian", "ean", "ans")
_CLASS_PLURALS = frozenset("cities towns areas communities municipalities districts zones regions provinces".split())


def learn_places(views: list[View], gz: Gazetteer, country: str) -> set[str]:
    """Capitalised names that the text uses as places and the gazetteer does not know."""
    found: set[str] = set()
    if country and not gz.lookup(country):
        found.add(country)
    for v in views:
        for rx in (_STRONG_PLACE, _WEAK_PLACE):
            for m in rx.finditer(v.text):
                items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group(1))
                known = [i for i in items if (e := gz.lookup(i)) and e.type == "Location"]
                if rx is _WEAK_PLACE and not known and len(items) == 1 and not _followed_ok(v.text, m.end()):
                    continue
                for item in items:
                    if _placeable(item, gz):
                        found.add(item)
    return found


def _followed_ok(text: str, end: int) -> bool:
    rest = text[end : end + 3]
    return not rest or rest[0] in ",.;:)" or rest.startswith(" in") or rest.startswith(" an")


def _placeable(item: str, gz: Gazetteer) -> bool:
    words = item.split()
    first = words[0]
    if first.lower() in SENTENCE_OPENERS or first.lower() in MONTHS or is_acronym(first):
        return False
    if gz.lookup(item) or any(cue_type(w) for w in words) or name_type(item):
        return False
    if item.endswith(_ADJECTIVE_END) or len(item) < 3:
        return False
    if words[-1].lower() in _CLASS_PLURALS:
        return False  # "… Inclusion in Border Towns": a capitalised class of places inside a title, not a place

    return not any(ch.isdigit() for ch in item)


# -- acronyms ------------------------------------------------------------------------------------
def learn_acronyms(views: list[View], kn: Knowledge) -> None:
    for v in views:
        for d in find_definitions(v.text):
            lf = d.long_form.strip()
            if lf[:1].islower():
                if name_type(lf) != "Programme" or lf.split()[-1].lower() not in _PHRASE_HEADS:
                    kn.acronyms.setdefault(d.acronym, "")  # a topic ("gender-based violence (GBV)")
                    continue
            if kn.acronyms.get(d.acronym) is None or kn.acronyms.get(d.acronym) == "":
                kn.acronyms[d.acronym] = lf
            kn.long_forms.setdefault(lf, d.acronym)


# -- lower-case programme phrases -----------------------------------------------------------------
_PHRASE_HEADS = frozenset(
    "process mechanism card programme program strategy system protocol policy plan procedure guidelines "
    "initiative project scheme certificate".split()
)
_STRONG_HEADS = frozenset("process programme program card protocol strategy plan policy certificate".split())
_MOD_STOP = frozenset(
    """the a an of to in and or for with its their this these that those new other is are was were by on at as
    from has have been be which who more most all some any each such also through into general current existing
    specific various several same above proposed developed following whole overall own national regional local
    main key first second third one two three four five better improved relevant implement establish adopt
    approve launch introduce design develop deliver enhance improve strengthen support access include ensure
    provide promote facilitate reinforce create extend expand apply use join enter manage coordinate review
    sustainable small-scale small large annual urban multiyear multi-year strategic public social""".split()
)
_GOV_TRIGGER = re.compile(
    r"\b(?:implement(?:ed|ing|s)?|implementation of|establish(?:ed|ing)?|adopt(?:ed|ing)?|approv(?:ed|ing|al of)|"
    r"launch(?:ed|ing)?|introduc(?:ed|ing|tion of)|design(?:ed|ing)?|develop(?:ed|ing)?|deliver(?:ed|ing)?|"
    r"enhanc(?:ed|ing)|pledg(?:ed|ing) to \w+|through|under|entered|apply|applied|issu(?:ed|ing))\s+"
    r"(?:(?:the|a|an|its|their|this)\s+)?"
)
_HEAD_ALT = "|".join(sorted(_PHRASE_HEADS, key=len, reverse=True))
_PHRASE = re.compile(
    r"\b((?:[a-z][a-z'-]*,?\s+(?:and\s+)?){0,3})(" + _HEAD_ALT + r")(?:e?s)?\b"
    r"((?:\s+for\s+[a-z]+ing(?:\s+(?:and\s+)?[a-z]+){0,5}))?"
)
_COMPLEMENT_STOP = frozenset("throughout during by with since until to from the a an its their which that".split())


def learn_phrases(views: list[View]) -> tuple[dict[str, str], dict[str, str]]:
    """Lower-case programme phrases the text names: (folded phrase → label, variant → folded phrase)."""
    counts: Counter[str] = Counter()
    triggered: set[str] = set()
    labels: dict[str, str] = {}
    for v in views:
        text = v.text
        for m in _PHRASE.finditer(text):
            raw = m.group(1).split()
            mods: list[str] = []
            for w in reversed(raw):  # the run of modifiers directly before the head
                bare = w.strip(",")
                if bare in _MOD_STOP and bare != "and" or bare.endswith(("ed", "ly")) or not bare:
                    break
                mods.insert(0, bare)
            while mods and mods[0] == "and":
                mods.pop(0)
            head = m.group(2)
            comp = _complement(m.group(3) or "")
            if not mods and not comp:
                continue
            label = " ".join([*mods, head]) + (" " + comp if comp else "")
            key = fold_text(label)
            counts[key] += 1
            labels.setdefault(key, label)
            start = m.start(2) - len(" ".join(mods)) - (1 if mods else 0)
            pre = text[max(0, start - 60) : start]
            t = list(_GOV_TRIGGER.finditer(pre))
            if t and _only_adjectives(pre[t[-1].end() :]):
                triggered.add(key)
    out: dict[str, str] = {}
    for key, n in counts.items():
        base = key.split(" for ")[0].split()
        head, n_mods = base[-1], len(base) - 1
        if key in triggered or (n >= 2 and n_mods >= 2) or (n >= 3 and n_mods >= 1 and head in _STRONG_HEADS):
            out[key] = labels[key]
    canon: dict[str, str] = {}
    for key in list(out):
        for var in variant_keys(key):
            if var in counts:
                out.setdefault(var, labels[var])
                canon[key] = var
    return out, canon


def _only_adjectives(s: str) -> bool:
    return all(w in _MOD_STOP or w.endswith("ed") for w in s.split())


def _complement(s: str) -> str:
    words = s.split()
    out: list[str] = []
    for k, w in enumerate(words):
        if w in ("at", "in", "on") and len(out) >= 3:
            # "… asylum claims at the border": one closing place phrase
            rest = words[k + 1 : k + 3]
            if rest and rest[0] == "the" and len(rest) == 2:
                out += [w, *rest]
            break
        if w in _COMPLEMENT_STOP and out:
            break
        out.append(w)
    while out and out[-1] in ("and", "for"):
        out.pop()
    return " ".join(out) if len(out) >= 2 else ""


def variant_keys(key: str) -> list[str]:
    """Other spellings of a "HEAD for V-ing X" phrase: "X V-ation HEAD"."""
    m = re.match(r"^(\w+) for (\w+)ing (\w+)$", key)
    if not m:
        return []
    head, verb, obj = m.groups()
    stems = {verb + "ation", verb + "ion", verb[:-1] + "ation" if verb.endswith("e") else verb + "ation",
             verb + "ment", verb + "al"}
    if verb.endswith("at"):
        stems.add(verb + "ion")
    if verb.endswith("in"):
        stems.add(verb + "ation")
    return [f"{obj} {s} {head}" for s in stems]


# -- population groups ---------------------------------------------------------------------------
_DEMONYM = re.compile(r"\b([A-Z][a-z]{3,}(?:ians|ans|eans|ese|ians))\b")


def learn_populations(views: list[View], place_names: list[str], extra: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    joined = "\n".join(v.text for v in views)
    low = fold_text(joined)
    for phrase in (*POPULATION_PHRASES, *extra):
        key = fold_text(phrase)
        if re.search(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", low):
            out.setdefault(key, phrase)
    stems = {fold(p)[:-1] if fold(p)[-1:] in "aeiouy" else fold(p) for p in place_names if len(p) >= 4}
    for m in _DEMONYM.finditer(joined):
        word = m.group(1)
        if word.endswith("s") and any(word.lower().startswith(s) and len(s) >= 4 for s in stems):
            out.setdefault(word.lower(), word)
    return out
