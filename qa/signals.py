"""Checks that a prose figure really answers the question, combined into one confidence factor.

A number picked from the best sentence can still answer a different question: the report counts
"4,820 claims decided", the question asks how many were rejected; "nine cities", the question asks
for members; a USD loan by one bank, the question asks what another bank gave. Each check below
is one signal; ``figure_factor`` multiplies them, so several weak doubts add up to abstention
while one matching signal (the counted noun right after the number) does not carry a wrong verb.

* the action asked ("did the commission *reject*", "were *evacuated*") is absent from the sentence and the
  one before it — worse when the report never uses that word at all;
* the counted noun of the question differs from the noun after the number;
* a money question answered by a count of people, or a count question answered by money;
* an entity named in the question sits in another clause of the sentence than the number;
* the question names a year and the sentence ties the number to another year ("from 99 days in
  2022 to 54 in 2023").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from embeddings.lexical import IRREGULAR_PAST, fold

from .intent import _TARGET_NOUN, _is_verb
from .text import NATIONALITY_WORD, Number, one_word_verbs, terms

if TYPE_CHECKING:
    from .context import Ctx

# Verbs that say little about *what* happened (the counted noun and the object carry it).
LIGHT_TERMS = _LIGHT = frozenset(
    t
    for w in (
        "receive received get got gotten obtain obtained have has had take took taken make made do did "
        "give gave given provide provided benefit benefited benefitted reach reached support supported "
        "assist assisted help helped serve served attend attended access accessed hold held organise organised "
        "organize organized run ran count counted record recorded report reported register registered be "
        "been become became include included involve involved cover covered use used need needed see saw "
        "find found go went come came end ended total totalled amount amounted stay stayed live lived "
        "elapse elapsed last lasted try tried attempt attempted seek sought choose chose chosen opt opted spread "
        "handle handled handling deal dealt"
    ).split()
    for t in terms(w)
)
_DO = r"(?:did|do|does|have|has|had|can|could|will|would)"
_ADVERB = re.compile(r"^(?:\w+ly|also|still|ever|already|then|in total|actually|finally)$")


def asked_verb(question: str) -> str:
    """The action a "how many/much" question asks about, as written ("" when it cannot tell).

    "how many claims did the commission reject" → reject; "how many people were evacuated" → evacuated;
    "how many refugees departed for …" → departed; "how many resettled refugees actually left" → left."""
    question = one_word_verbs(question)  # "did UNHCR fit out" → equipped
    low = question.lower()
    m = re.search(rf"\bhow (?:many|much)\s+(?={_DO}\b)", low) or _TARGET_NOUN.search(low)
    if not m:
        return ""
    if "noun" in m.groupdict() and _is_verb(m.group("noun")):
        return m.group("noun").strip()  # "how many resulted in recognition"
    cut = m.end("noun") if "noun" in m.groupdict() else m.end()
    words = re.findall(r"[\w'’-]+", low[cut:])
    raw_words = re.findall(r"[\w'’-]+", question[cut:])
    if not words:
        return ""
    i = 0
    while i < len(words) and _ADVERB.match(words[i]):
        i += 1  # "… actually left"
    if i >= len(words):
        return ""
    w = words[i]
    if re.fullmatch(r"have|has|had", w) and i + 1 < len(words) and re.fullmatch(r"(?:been\s+)?[a-z]+ed", words[i + 1]):
        return words[i + 1]  # "how many requests had resulted in a permit": the auxiliary's participle
    if re.fullmatch(r"got|get|gets|received|receive|have|has|had", w):
        return ""  # "how many households got cash": a light verb, the object says what
    if re.fullmatch(_DO, w):
        # skip the subject: articles, capitalised names, possessives
        j = i + 1
        while j < len(words) and words[j] in ("the", "a", "an", "its", "their", "this", "these", "those"):
            j += 1
        if j < len(words) and (raw_words[j][:1].isupper() or words[j] in ("it", "they", "we", "he", "she")):
            while j < len(words) and (
                raw_words[j][:1].isupper() or raw_words[j].endswith(("'s", "’s")) or words[j] in ("it", "they")
                or (j + 1 < len(words) and raw_words[j + 1][:1].isupper() and words[j] in ("of", "for", "and"))
            ):
                j += 1  # a name: "did the Family Support Centres attend"
        else:
            # a common noun, maybe two ("did the commission reject", "did resettlement submissions
            # grow compared with …"): the verb closes the phrase before a preposition
            k = j
            while k < len(words) and words[k] not in _PHRASE_END:
                k += 1
            phrase = [w for w in words[j:k] if not _ADVERB.match(w)]
            # "did the refugee commission extend their papers": the word before a determiner is the verb
            object_at = next((i for i in range(1, len(phrase) - 1) if phrase[i + 1] in _OBJECT_START), None)
            if object_at is not None and len(phrase) > 3:
                return phrase[object_at]
            if 2 <= len(phrase) <= 3 or (4 <= len(phrase) <= 6 and (_is_verb(phrase[-1]) or k < len(words))):
                return phrase[-1]  # "did the national status determination body decide (in …)"
            j += 1
        while j < len(words) and _ADVERB.match(words[j]):
            j += 1
        if j + 1 < len(words) and words[j] in ("help", "helped", "assist", "enable", "allow"):
            j += 1  # "did UNHCR help return": the action is the second verb
        return words[j] if j < len(words) else ""
    if re.fullmatch(r"were|was|are|is", w):
        j = i + 1
        while j < len(words) and (words[j] in ("been", "be") or _ADVERB.match(words[j])):
            j += 1
        return words[j] if j < len(words) and words[j] not in ("there", "in", "at", "on", "among") else ""
    if w.endswith("ed") or w in _IRREGULAR:
        if i + 1 < len(words) and words[i + 1] in _PHRASE_END:
            # "how many refugees resettled from Kenya flew to …": a participle and its phrase, then the verb
            for k in range(i + 2, min(len(words), i + 5)):
                if words[k] in _PHRASE_END:
                    break
                if words[k] in _IRREGULAR or (words[k].endswith("ed") and not raw_words[k][:1].isupper()):
                    return words[k]
        return w
    return ""


_OBJECT_START = frozenset("their its his her the a an them these those some all".split())
_PHRASE_END = frozenset("in on at to for from with by during since between after before per each last this next "
                        "compared out up down off back over into across among than".split())
_IRREGULAR = IRREGULAR_PAST | frozenset("saw found began held sent spent won lost paid met kept brought bought built "
                                        "taught sought flew".split())


def verb_factor(verb: str, have: set[str], vocabulary: frozenset[str]) -> tuple[float, str]:
    """How much to trust a figure whose sentence (plus the one before) has the terms ``have``."""
    vt = terms(verb)
    if not vt:
        return 1.0, ""
    t = vt[-1]
    if t in _LIGHT or t in have:
        return 1.0, ""
    if t not in vocabulary:
        return 0.5, f"the report never says “{verb}”"
    if t in _DECISIVE:
        # people who died, were deported or detained are not the people of a sentence saying
        # something else about them
        return 0.35, f"the sentence does not say “{verb}”"
    return 0.8, f"the sentence does not say “{verb}”"


_DECISIVE = frozenset(t for w in "died killed injured wounded arrested deported detained expelled evacuated "
                      "rescued disappeared departed displaced arrived".split() for t in terms(w))


_BOUNDARY = re.compile(r";|,\s+(?:and|but|while|whereas)\s+(?=(?:the\s+|a\s+)?[A-Z])|\.\s+(?=[A-Z])")


def clause_of(raw: str, start: int, end: int) -> tuple[int, int]:
    """The independent clause of ``raw`` around ``[start, end)`` (cut at ";" and at ", and The …")."""
    a, b = 0, len(raw)
    for m in _BOUNDARY.finditer(raw):
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    return a, b


@dataclass(frozen=True)
class FigureCheck:
    factor: float
    reasons: tuple[str, ...]


def year_factor(raw: str, n: Number, years: tuple[int, ...]) -> float:
    """The question asks about a year: a number written "… in <that year>" fits, one written
    "… in <another year>" does not ("from 99 days in 2022 to 54 in 2023")."""
    if not years:
        return 1.0
    after = raw[n.end : n.end + 40]
    m = re.match(r"\s*(?:[a-z%]+\s+){0,2}in\s+((?:19|20)\d\d)\b", after)
    if not m:
        return 1.0
    return 1.15 if int(m.group(1)) in years else 0.5


def own_country(ctx: Ctx, name: str) -> bool:
    return fold(name).removeprefix("the ") in {fold(c) for c in ctx.countries}


def other_demonyms(ctx: Ctx) -> list[str]:
    """Nationality adjectives in the question other than the report country's own ("Afghan")."""
    own = {fold(c)[:5] for c in ctx.countries}
    # a question asked of one report is weighed by that report, not by the others built with it
    df, n = ctx.kb._report_stats(ctx.report) if ctx.report else (ctx.kb.doc_freq, len(ctx.kb.passages))
    n = max(1, n)
    out = []
    for m in re.finditer(r"\b" + NATIONALITY_WORD.pattern + r"\b", ctx.question):
        word = re.sub(r"s$", "", m.group())
        if m.start() == 0 or fold(word)[:5] in own:
            continue
        # the people a report is mostly about (named in many passages) are who its tables count
        out.extend(t for t in terms(word) if df.get(t, 0) < 0.08 * n)
    return out
