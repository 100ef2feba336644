"""Words of the question said in other words by a sentence, judged by the build's sentence encoder.

A question worded by someone else uses its own verbs and nouns ("strike a deal", "parliament") where
the report has others ("reached an agreement", "National Assembly"). Before counting such a word as
missing, the phrases of the cited text that share no word with the question are compared with it;
a knowledge base without an encoder (the lexical one of the tests) never guesses.
"""

from __future__ import annotations

import re

from .context import Ctx
from .text import terms

# Cosine of the sentence encoder above which two phrases say the same: unrelated verb phrases score
# 0.2–0.35, paraphrases 0.5–0.65 ("strike a deal" ~ "reached an agreement" 0.54); single words sit
# higher at random ("evacuated" ~ "emergency" 0.62), so one word must match more closely.
PARAPHRASE_MIN = 0.5
PARAPHRASE_MIN_WORD = 0.65
# Each window costs ~2.5 ms to encode on 2 cores; 24 (words and pairs first) gave the same answers as
# 80 on every dev question and keeps answer() p95 under 100 ms.
_MAX_WINDOWS = 24


def said_otherwise(ctx: Ctx, phrase: str, text: str) -> str | None:
    """The phrase of ``text`` (one to three words, none of them the question's) that says ``phrase``."""
    asked = set(terms(ctx.question))
    words = re.findall(r"[^\W\d_][\w'-]*", text)
    # shorter phrases first, in reading order: when a long sentence gives more than the encoder
    # budget, three-word windows are the ones left out
    windows = list(dict.fromkeys(w for k in (1, 2, 3) for i in range(len(words) - k + 1)
                                 if terms(words[i]) and terms(words[i + k - 1])
                                 and not set(terms(w := " ".join(words[i : i + k]))) & asked))
    found = ctx.kb.paraphrase(phrase, windows[:_MAX_WINDOWS])
    if not found:
        return None
    sim, window = found
    return window if sim >= (PARAPHRASE_MIN if " " in phrase or " " in window else PARAPHRASE_MIN_WORD) else None
