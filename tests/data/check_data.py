"""Validate evaluation data (question sets and gold graph annotations) against a report text.

Usage:
    python tests/data/check_data.py questions FILE REPORT [--min-count N]
    python tests/data/check_data.py gold FILE REPORT

Stdlib only, so it runs before the project is installed. Formats are the fixed contracts in the
project's data-format notes: JSON Lines, one object per line. Evidence strings must occur in the
report text after collapsing every whitespace run to one space, and must not cross a page-break
line (a line starting with exactly one space and then text) or the page-footer block
("Annual Results Report | … | UNHCR / <date>").

Exit codes: 0 all checks pass (warnings allowed), 1 at least one error, 2 bad usage or unreadable file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

# Type -> rough target share of all questions (data-format notes); only reported, except that
# unanswerable questions must make up at least MIN_UNANSWERABLE.
TARGET_MIX = {"relation": 0.15, "acronym": 0.08, "indicator": 0.15, "finance": 0.10, "number": 0.20,
              "location": 0.08, "list": 0.08, "why": 0.06, "unanswerable": 0.10}  # fmt: skip
QUESTION_TYPES = tuple(TARGET_MIX)
QUESTION_KEYS = {"id", "question", "answers", "all_of", "evidence", "type", "split"}
ENTITY_KEYS = {"kind", "type", "label", "aliases", "split"}
RELATION_KEYS = {"kind", "subject", "predicate", "object", "evidence", "split"}
ENTITY_TYPES = ("Organization", "Programme", "Location", "Event", "Area", "Indicator", "PopulationGroup")
# Keep in sync with graph/model.py PREDICATES (copied so this script needs no project import).
PREDICATES = tuple(
    "coLeads leads chairs memberOf partOf partnersWith supports funds trains approves establishes "
    "implements issues pledges participatesIn operatesIn locatedIn submitsTo engages".split()
)
SPLITS = ("dev", "heldout")
MAX_EVIDENCE = 250
MIN_UNANSWERABLE = 0.10
MIN_PARAPHRASE = 0.50
SPLIT_RANGE = (0.40, 0.60)  # dev share, overall
TYPE_SPLIT_RANGE = (0.30, 0.70)  # dev share within one type (types with >= 4 items)

PAGE_BREAK_RE = re.compile(r"^ \S")
FOOTER_START_RE = re.compile(r"^Annual Results Report \|")
FOOTER_END_RE = re.compile(r"^UNHCR / ")


# ---------------------------------------------------------------------------- report text


@dataclass
class ReportText:
    """The report's whitespace-collapsed text plus the offsets evidence must not cross."""

    text: str
    breaks: list[int]  # collapsed offsets where a page-break line starts
    footers: list[tuple[int, int]]  # collapsed [start, end) of page-footer blocks
    norm: str = ""

    def occurrences(self, needle: str) -> list[int]:
        starts, i = [], self.text.find(needle)
        while i >= 0:
            starts.append(i)
            i = self.text.find(needle, i + 1)
        return starts

    def clean_occurrence(self, needle: str) -> tuple[bool, bool]:
        """(found at all, found at least once without crossing a page break or a footer)."""
        starts = self.occurrences(needle)
        for s in starts:
            e = s + len(needle)
            if any(s < b < e for b in self.breaks):
                continue
            if any(s < fe and fs < e for fs, fe in self.footers):
                continue
            return True, True
        return bool(starts), False


def load_report(path: Path) -> ReportText:
    raw = path.read_text(encoding="utf-8")
    parts: list[str] = []
    pos = 0  # length of the collapsed text built so far
    breaks: list[int] = []
    footers: list[tuple[int, int]] = []
    footer_start: int | None = None
    for line in raw.split("\n"):
        tokens = line.split()
        if not tokens:
            continue
        start = pos + (1 if parts else 0)
        stripped = " ".join(tokens)
        if PAGE_BREAK_RE.match(line):
            breaks.append(start)
        if footer_start is None and FOOTER_START_RE.match(stripped):
            footer_start = start
        parts.append(stripped)
        pos = start + len(stripped)
        if footer_start is not None and FOOTER_END_RE.match(stripped):
            footers.append((footer_start, pos))
            footer_start = None
    text = " ".join(parts)
    return ReportText(text=text, breaks=breaks, footers=footers, norm=normalise(text))


# ---------------------------------------------------------------------------- normalisation

_QUOTES = str.maketrans({"‘": "'", "’": "'", "´": "'", "`": "'", "“": '"', "”": '"'})


def normalise(s: str) -> str:
    """Answer-matching normalisation: case, accents, curly quotes, 1,532 -> 1532, 28.40% -> 28.4%."""
    s = unicodedata.normalize("NFKD", s.translate(_QUOTES))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", s)
    s = re.sub(r"(\d+)\.(\d*?)0+(?!\d)", lambda m: m.group(1) + ("." + m.group(2) if m.group(2) else ""), s)
    return re.sub(r"\s+", " ", s).strip()


def contains(haystack_norm: str, needle: str) -> bool:
    """Whole-token containment after normalisation (numbers never match inside longer numbers)."""
    n = normalise(needle)
    if not n:
        return False
    # Not inside a longer word or number: "31" must not match "31.45%" or "2,310" (already "2310").
    # A '.' or ',' not followed by a digit is punctuation, so "312." still matches "312".
    pattern = r"(?<!\w)(?<!\d[.,])" + re.escape(n) + r"(?!\w)(?![.,]\d)"
    return re.search(pattern, haystack_norm) is not None


def words(s: str) -> list[str]:
    return re.findall(r"\w+", normalise(s))


def ngrams(tokens: list[str], n: int = 4) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


# ---------------------------------------------------------------------------- diagnostics


@dataclass
class Result:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def error(self, where: str, msg: str) -> None:
        self.errors.append(f"error: {where}: {msg}")

    def warn(self, where: str, msg: str) -> None:
        self.warnings.append(f"warning: {where}: {msg}")


def read_jsonl(path: Path, res: Result) -> list[tuple[int, dict]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            res.error(f"{path.name}:{n}", f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            res.error(f"{path.name}:{n}", "line is not a JSON object")
            continue
        rows.append((n, obj))
    return rows


def check_keys(obj: dict, expected: set[str], where: str, res: Result) -> bool:
    missing, extra = expected - obj.keys(), obj.keys() - expected
    if missing:
        res.error(where, f"missing fields {sorted(missing)}")
    if extra:
        res.error(where, f"unknown fields {sorted(extra)}")
    return not missing


def is_str_list(v: object) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v)


def check_evidence(ev: str, report: ReportText, where: str, res: Result) -> None:
    if ev != " ".join(ev.split()):
        res.error(where, f"evidence has leading/trailing or repeated whitespace: {ev[:60]!r}")
        ev = " ".join(ev.split())
    if len(ev) > MAX_EVIDENCE:
        res.error(where, f"evidence longer than {MAX_EVIDENCE} chars ({len(ev)}): {ev[:60]!r}")
    found, clean = report.clean_occurrence(ev)
    if not found:
        res.error(where, f"evidence not in report: {ev[:80]!r}")
    elif not clean:
        res.error(where, f"evidence crosses a page break or the page footer: {ev[:80]!r}")


def check_split(counts: Counter, label: str, res: Result) -> None:
    total = counts["dev"] + counts["heldout"]
    if total and not SPLIT_RANGE[0] <= counts["dev"] / total <= SPLIT_RANGE[1]:
        res.error(label, f"split unbalanced: dev {counts['dev']} / heldout {counts['heldout']}")


# ---------------------------------------------------------------------------- questions


def check_question(q: dict, report: ReportText, where: str, res: Result) -> bool | None:
    """Check one answerable or unanswerable item. Returns None when not answerable (or unusable),
    else whether the question shares no 4-word run with any of its evidence strings."""
    lists_ok = all(is_str_list(q[f]) for f in ("answers", "all_of", "evidence"))
    if not lists_ok:
        for f in ("answers", "all_of", "evidence"):
            if not is_str_list(q[f]):
                res.error(where, f"{f} must be a list of non-empty strings")
        return None
    if q["type"] == "unanswerable":
        if q["answers"] or q["all_of"] or q["evidence"]:
            res.error(where, "unanswerable questions need empty answers, all_of and evidence")
        return None
    if not q["evidence"]:
        res.error(where, "answerable question without evidence")
    if not q["answers"] and not q["all_of"]:
        res.error(where, "answerable question needs answers or all_of")
    for ev in q["evidence"]:
        check_evidence(ev, report, where, res)
    ev_norm = normalise(" ".join(q["evidence"]))
    for part in q["all_of"]:
        if not contains(ev_norm, part):
            res.error(where, f"all_of part {part!r} not in its evidence")
    if q["answers"] and not any(contains(ev_norm, a) for a in q["answers"]):
        if any(contains(report.norm, a) for a in q["answers"]):
            res.warn(where, "no answer string occurs in the evidence (only elsewhere in the report)")
        elif not q["all_of"]:
            res.error(where, "no answer string occurs in the report")
    for a in q["answers"] + q["all_of"]:
        if len(a) > 300:
            res.error(where, f"answer longer than 300 chars: {a[:40]!r}")
    qgrams = ngrams(words(q["question"]))
    return not any(qgrams & ngrams(words(ev)) for ev in q["evidence"])


def check_questions(path: Path, report: ReportText, min_count: int) -> Result:
    res = Result()
    seen_ids: set[str] = set()
    seen_q: dict[str, str] = {}
    by_type: dict[str, Counter] = defaultdict(Counter)
    answerable = paraphrased = 0
    for n, q in read_jsonl(path, res):
        where = f"{path.name}:{n}"
        if not check_keys(q, QUESTION_KEYS, where, res):
            continue
        qid = q["id"]
        if not isinstance(qid, str) or not qid:
            res.error(where, "id must be a non-empty string")
        else:
            where = f"{path.name}:{n} ({qid})"
            if qid in seen_ids:
                res.error(where, "duplicate id")
            seen_ids.add(qid)
            if not re.fullmatch(r"[a-z0-9]+-q\d{3,}", qid):
                res.warn(where, "id does not look like '<report>-q001'")
        if not isinstance(q["question"], str) or not q["question"].strip():
            res.error(where, "question must be a non-empty string")
            continue
        key = normalise(q["question"])
        if key in seen_q:
            res.error(where, f"same question as {seen_q[key]}")
        seen_q[key] = str(qid)
        if q["type"] not in QUESTION_TYPES or q["split"] not in SPLITS:
            res.error(where, f"type must be one of {QUESTION_TYPES} and split one of {SPLITS}")
            continue
        by_type[q["type"]][q["split"]] += 1
        outcome = check_question(q, report, where, res)
        if outcome is not None:
            answerable += 1
            paraphrased += outcome
    check_question_set(path.name, by_type, answerable, paraphrased, min_count, res)
    return res


def check_question_set(
    name: str, by_type: dict[str, Counter], answerable: int, paraphrased: int, min_count: int, res: Result
) -> None:
    """Set-level rules (size, unanswerable share, paraphrase share, split balance), then a summary."""
    total = sum(sum(c.values()) for c in by_type.values())
    if total < min_count:
        res.error(name, f"{total} questions, fewer than the required {min_count}")
    unans = sum(by_type["unanswerable"].values())
    if total and unans / total < MIN_UNANSWERABLE:
        res.error(name, f"unanswerable share {unans}/{total} below {MIN_UNANSWERABLE:.0%}")
    # Counted over answerable questions only: unanswerable ones have no evidence and would pass trivially.
    if answerable and paraphrased / answerable < MIN_PARAPHRASE:
        res.error(
            name,
            f"only {paraphrased}/{answerable} answerable questions avoid a 4-word run of their "
            f"evidence (need {MIN_PARAPHRASE:.0%})",
        )
    splits = Counter()
    dev_only = all(not c["heldout"] for c in by_type.values())
    for t, c in by_type.items():
        splits.update(c)
        n = sum(c.values())
        if dev_only:
            continue  # an extra tuning set: every question is dev, there is nothing to balance
        if n >= 2 and (not c["dev"] or not c["heldout"]):
            res.error(name, f"type {t}: all {n} questions are in one split")
        elif n >= 4 and not TYPE_SPLIT_RANGE[0] <= c["dev"] / n <= TYPE_SPLIT_RANGE[1]:
            res.error(name, f"type {t}: split unbalanced (dev {c['dev']} / heldout {c['heldout']})")
    if not dev_only:
        check_split(splits, name, res)
    for t in QUESTION_TYPES:
        n = sum(by_type[t].values())
        if total and n == 0:
            res.warn(name, f"no questions of type {t}")
        elif total and abs(n / total - TARGET_MIX[t]) > 0.08 and t != "unanswerable":
            res.warn(name, f"type {t}: {n / total:.0%} of questions, target about {TARGET_MIX[t]:.0%}")

    print(
        f"{name}: {total} questions, {answerable} answerable, {unans} unanswerable ({unans / max(total, 1):.0%})"
    )
    print(
        f"  paraphrased (no shared 4-word run with evidence): {paraphrased}/{answerable} answerable "
        f"({paraphrased / max(answerable, 1):.0%}); counting unanswerable as paraphrased: "
        f"{paraphrased + unans}/{total}"
    )
    print(f"  {'type':<13}{'dev':>5}{'heldout':>9}{'total':>7}{'share':>8}")
    for t in QUESTION_TYPES:
        c = by_type[t]
        n = c["dev"] + c["heldout"]
        print(f"  {t:<13}{c['dev']:>5}{c['heldout']:>9}{n:>7}{n / max(total, 1):>8.0%}")
    print(f"  {'all':<13}{splits['dev']:>5}{splits['heldout']:>9}{total:>7}")


# ---------------------------------------------------------------------------- gold graph


def check_gold(path: Path, report: ReportText) -> Result:
    res = Result()
    rows = read_jsonl(path, res)
    alias_owner: dict[str, str] = {}  # casefolded surface form -> entity label
    entity_forms: dict[str, list[str]] = {}
    ent_split: dict[str, Counter] = defaultdict(Counter)
    rel_split: dict[str, Counter] = defaultdict(Counter)
    relations: list[tuple[str, dict]] = []
    for n, obj in rows:
        where = f"{path.name}:{n}"
        kind = obj.get("kind")
        if kind == "entity":
            if not check_keys(obj, ENTITY_KEYS, where, res):
                continue
            label = obj["label"]
            if not isinstance(label, str) or not label.strip():
                res.error(where, "label must be a non-empty string")
                continue
            where = f"{path.name}:{n} ({label})"
            if obj["type"] not in ENTITY_TYPES:
                res.error(where, f"type {obj['type']!r} not one of {ENTITY_TYPES}")
            if obj["split"] not in SPLITS:
                res.error(where, f"split {obj['split']!r} not one of {SPLITS}")
            if not isinstance(obj["aliases"], list) or not all(
                isinstance(a, str) and a.strip() for a in obj["aliases"]
            ):
                res.error(where, "aliases must be a list of non-empty strings")
                continue
            forms = [label] + [a for a in obj["aliases"] if a.casefold() != label.casefold()]
            if label.casefold() in alias_owner and alias_owner[label.casefold()] == label:
                res.error(where, "duplicate entity")
                continue
            for f in forms:
                owner = alias_owner.get(f.casefold())
                if owner is not None and owner != label:
                    res.error(where, f"surface form {f!r} also belongs to {owner!r}")
                alias_owner[f.casefold()] = label
            entity_forms[label] = forms
            if not any(contains(report.norm, f) for f in forms):
                res.error(where, "neither the label nor any alias occurs in the report")
            ent_split[str(obj["type"])][obj["split"]] += 1
        elif kind == "relation":
            if check_keys(obj, RELATION_KEYS, where, res):
                relations.append((where, obj))
        else:
            res.error(where, f"kind must be 'entity' or 'relation', got {kind!r}")

    seen: dict[tuple[str, str, str], str] = {}
    for where, r in relations:
        s_label = alias_owner.get(str(r["subject"]).casefold())
        o_label = alias_owner.get(str(r["object"]).casefold())
        where = f"{where} ({r['subject']} {r['predicate']} {r['object']})"
        if s_label is None:
            res.error(where, f"subject {r['subject']!r} is not a gold entity label or alias")
        if o_label is None:
            res.error(where, f"object {r['object']!r} is not a gold entity label or alias")
        if r["predicate"] not in PREDICATES:
            res.error(where, f"predicate {r['predicate']!r} not one of the predicates")
        if r["split"] not in SPLITS:
            res.error(where, f"split {r['split']!r} not one of {SPLITS}")
        if not isinstance(r["evidence"], str) or not r["evidence"].strip():
            res.error(where, "evidence must be a non-empty string")
            continue
        check_evidence(r["evidence"], report, where, res)
        if s_label is None or o_label is None:
            continue
        if s_label == o_label:
            res.error(where, "subject and object are the same entity")
        key = (s_label, str(r["predicate"]), o_label)
        if r["predicate"] == "partnersWith" and (o_label, "partnersWith", s_label) in seen:
            key = (o_label, "partnersWith", s_label)
        if key in seen:
            res.error(where, f"duplicate relation (first at {seen[key]})")
        seen[key] = where.split(" ")[0]
        ev_norm = normalise(r["evidence"])
        for role, label in (("subject", s_label), ("object", o_label)):
            if not any(contains(ev_norm, f) for f in entity_forms.get(label, [label])):
                res.warn(where, f"{role} {label!r} not named in the evidence (definite reference?)")
        rel_split[str(r["predicate"])][r["split"]] += 1

    name = path.name
    ents = Counter()
    for c in ent_split.values():
        ents.update(c)
    rels = Counter()
    for c in rel_split.values():
        rels.update(c)
    check_split(ents, f"{name} entities", res)
    check_split(rels, f"{name} relations", res)
    print(f"{name}: {sum(ents.values())} entities, {sum(rels.values())} relations")
    print(f"  {'entity type':<17}{'dev':>5}{'heldout':>9}")
    for t in ENTITY_TYPES:
        print(f"  {t:<17}{ent_split[t]['dev']:>5}{ent_split[t]['heldout']:>9}")
    print(f"  {'predicate':<17}{'dev':>5}{'heldout':>9}")
    for p in PREDICATES:
        if rel_split[p]:
            print(f"  {p:<17}{rel_split[p]['dev']:>5}{rel_split[p]['heldout']:>9}")
    print(
        f"  entities dev/heldout {ents['dev']}/{ents['heldout']}; "
        f"relations dev/heldout {rels['dev']}/{rels['heldout']}"
    )
    return res


# ---------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kind", choices=("questions", "gold"))
    ap.add_argument("file", type=Path, help="the JSONL file to check")
    ap.add_argument("report", type=Path, help="the report text file the evidence must come from")
    ap.add_argument("--min-count", type=int, default=40, help="minimum number of questions (default 40)")
    ap.add_argument("--quiet", action="store_true", help="do not print warnings")
    args = ap.parse_args(argv)
    try:
        report = load_report(args.report)
        if args.kind == "questions":
            res = check_questions(args.file, report, args.min_count)
        else:
            res = check_gold(args.file, report)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        for w in res.warnings:
            print(w)
    for e in res.errors:
        print(e)
    print(f"{'FAIL' if res.errors else 'OK'}: {len(res.errors)} errors, {len(res.warnings)} warnings")
    return 1 if res.errors else 0


if __name__ == "__main__":
    sys.exit(main())
