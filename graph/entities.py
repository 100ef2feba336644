"""From candidate mentions to entities: overlap resolution, merging and definite references.

One entity per real thing: a long form and its acronym, an acronym's plural, possessive and typo
forms, a short form of a longer name ("Ministry of Housing" → "Ministry of Housing and Public
Works"), and definite references ("the Platform", "the above protocol") all end up in the
same :class:`graph.model.Entity`, whose ``aliases`` record every surface form seen.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .gazetteer import GazEntry, fold
from .lexicon import cue_type
from .mentions import Cand, Knowledge, canonical, name_type
from .model import Entity

_TYPE_RANK = {"subbody": 6, "gazetteer": 9, "longform": 8, "quoted": 7, "cue": 6, "acronym": 5, "listed": 4, "place": 3,
              "lower": 2, "population": 2, "ref": 0}
_GOVERNMENT_WORDS = ("government", "state")
_OWN_NAME_REFS = ("congress", "parliament", "senate", "judiciary")


def select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates: longer spans first, then higher priority."""
    chosen: list[Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if c.end <= c.start:
            continue
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


@dataclass
class Placed:
    """A selected candidate with where it sits in the document."""

    cand: Cand
    passage_id: str
    start: int  # document offsets
    end: int
    sentence: int  # global sentence index
    key: str = ""  # final entity key, set by Registry.finish


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str, prefer: str | None = None) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        # keep gazetteer roots, so that international keys stay stable
        if rb.startswith("gaz:") or prefer == b:
            ra, rb = rb, ra
        self.parent[rb] = ra


@dataclass
class Registry:
    """Collects placed mentions, merges their raw keys and builds the entities."""

    kn: Knowledge
    placed: list[Placed] = field(default_factory=list)
    _uf: _UnionFind = field(default_factory=_UnionFind)
    _gaz: dict[str, GazEntry] = field(default_factory=dict)

    def add(self, p: Placed) -> None:
        self.placed.append(p)
        if p.cand.gaz is not None:
            self._gaz[p.cand.key] = p.cand.gaz

    def finish(self, extra: list[Entity] | None = None) -> list[Entity]:
        """Merge keys, resolve references, build entities; sets ``Placed.key``."""
        self._merge_keys()
        raw = [p for p in self.placed if not p.cand.key.startswith("ref:")]
        groups: dict[str, list[Placed]] = defaultdict(list)
        for p in raw:
            groups[self._uf.find(p.cand.key)].append(p)
        entities: dict[str, Entity] = {}
        root_to_key: dict[str, str] = {}
        for root, members in groups.items():
            ent = self._entity(root, members)
            while ent.key in entities:
                ent.key += "-" + ent.type.lower()[:3]
            entities[ent.key] = ent
            root_to_key[root] = ent.key
        for p in raw:
            p.key = root_to_key[self._uf.find(p.cand.key)]
        self._resolve_refs(entities)
        for e in extra or []:
            entities.setdefault(e.key, e)
        return list(entities.values())

    # -- merging -------------------------------------------------------------------------------

    def _merge_keys(self) -> None:
        uf, kn = self._uf, self.kn
        names: dict[str, str] = {}  # canonical name → raw key, for every name-like key
        for p in self.placed:
            k = p.cand.key
            uf.find(k)
            if k.startswith("name:"):
                names.setdefault(k[5:], k)
        for lf, acr in kn.long_forms.items():
            names.setdefault(canonical(lf), f"name:{canonical(lf)}")
            uf.union(f"acr:{acr}", f"name:{canonical(lf)}")
        for acr in kn.acronyms:
            gz = kn.gazetteer.lookup(acr)
            if gz and gz.acronym == acr:
                uf.union(f"gaz:{gz.key}", f"acr:{acr}")
                self._gaz[f"gaz:{gz.key}"] = gz
        for canon, key in list(names.items()):
            gz = kn.gazetteer.lookup(canon.title()) or kn.gazetteer.lookup(canon)
            if gz and gz.type != "Location":
                uf.union(f"gaz:{gz.key}", key)
                self._gaz[f"gaz:{gz.key}"] = gz
        # "Ministry of Housing" is a short form of "Ministry of Housing and Public Works";
        # "Law No. 4471" of "Law No. 4471 on Asylum …"; "Protection Sector" of "Protection Sector of the HCT"
        for canon, key in names.items():
            for other, okey in names.items():
                if other == canon:
                    continue
                short_and = other.startswith(canon + " and ") and len(canon.split()) >= 3
                short_of = any(other.startswith(canon + f" {c} ") for c in ("of", "on", "against", "for")) and len(canon.split()) >= 2 and name_type(canon) is not None
                if short_and or short_of:
                    uf.union(okey, key, prefer=okey)

    def _entity(self, root: str, members: list[Placed]) -> Entity:
        surfaces = Counter(p.cand.surface.strip() for p in members)
        gz = self._gaz.get(root)
        acronyms = [p.cand.head for p in members if p.cand.source == "acronym" and p.cand.head]
        acronym = Counter(acronyms).most_common(1)[0][0] if acronyms else None
        if gz:
            label, typ, key = gz.label, gz.type, gz.key
            acronym = gz.acronym or acronym
        else:
            label = self._label(root, members, acronym)
            typ = self._type(label, members)
            key = canonical(label) or fold(label)
        aliases = sorted({_clean(s) for s in surfaces} - {label, ""}, key=str.lower)
        if acronym and acronym not in aliases and acronym != label:
            aliases.append(acronym)
        for lf, acr in self.kn.long_forms.items():
            if acr == acronym and lf != label and lf not in aliases:
                aliases.append(lf)
        for p in members:
            if p.cand.source == "subbody" and p.cand.head and p.cand.head not in aliases and p.cand.head != label:
                aliases.append(p.cand.head)  # "results group on food security" without "of …"
        aliases = [a for a in aliases if not generic_alias(a)]
        first_def = next((p.passage_id for p in members if p.cand.source in ("longform", "acronym")), None)
        return Entity(
            key=key,
            type=typ,  # type: ignore[arg-type]
            label=label,
            aliases=aliases,
            acronym=acronym,
            subtype=gz.subtype if gz else _subtype(typ, label),
            international=bool(gz and (gz.type != "Location" or gz.subtype == "Country")),
            identifiers=dict(gz.identifiers) if gz else {},
            definition_passage=first_def if acronym else None,
        )

    def _label(self, root: str, members: list[Placed], acronym: str | None) -> str:
        if root.startswith("acr:"):
            acr = root[4:]
            lf = self.kn.acronyms.get(acr)
            return lf or acr
        longforms = [p.cand.surface for p in members if p.cand.source in ("longform", "quoted")]
        if longforms:
            return _clean(max(longforms, key=len))
        counted = Counter(_clean(p.cand.surface) for p in members if p.cand.source != "acronym")
        if not counted:
            return acronym or members[0].cand.surface
        best = max(counted.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
        return best

    def _type(self, label: str, members: list[Placed]) -> str:
        votes = Counter()
        for p in members:
            votes[p.cand.type] += _TYPE_RANK.get(p.cand.source, 1)
        if label and name_type(label) and not any(p.cand.source == "place" for p in members):
            votes[name_type(label)] += 10
        return votes.most_common(1)[0][0]

    # -- definite references -------------------------------------------------------------------

    def _resolve_refs(self, entities: dict[str, Entity]) -> None:
        heads = {k: _heads(e) for k, e in entities.items()}
        history: list[Placed] = []
        for p in sorted(self.placed, key=lambda p: p.start):
            if not p.cand.key.startswith("ref:"):
                history.append(p)
                continue
            head = p.cand.head
            if head in _GOVERNMENT_WORDS:
                p.key = self._government(entities)
                continue
            want = cue_type(head)
            for prev in reversed(history[-60:]):
                e = entities.get(prev.key)
                if e and e.type == want and head in heads[prev.key]:
                    p.key = prev.key
                    break
            if not p.key and head in _OWN_NAME_REFS:
                label = head.title()
                p.key = canonical(label)
                entities.setdefault(p.key, Entity(key=p.key, type="Organization", label=label, subtype="GovernmentBody"))
            # a definite reference ("the Platform", "these guidelines") is a mention of the entity, never
            # an alias: as an alias it would link every later "platform" to this one entity

    def _government(self, entities: dict[str, Entity]) -> str:
        for k, e in entities.items():
            if e.type == "Organization" and fold(e.label).startswith("government"):
                return k
        if not self.kn.country:
            return ""
        label = f"Government of {self.kn.country}"
        key = canonical(label)
        entities[key] = Entity(key=key, type="Organization", label=label, subtype="GovernmentBody")
        return key


def _heads(e: Entity) -> set[str]:
    words = set()
    for name in (e.label, *e.aliases):
        for w in fold(name).split():
            words.add(w)
            if w.endswith("s"):
                words.add(w[:-1])
    return words


def generic_alias(name: str) -> bool:
    """A single generic cue word ("Office", "Platform", "Government", "State"): never a name of one
    entity. A country's unique institutions ("Congress", "Parliament") are names."""
    words = name.split()
    if len(words) != 1 or name.isupper():
        return False
    w = words[0].lower()
    return w not in _OWN_NAME_REFS and (w in _GOVERNMENT_WORDS or cue_type(w) is not None or cue_type(w.removesuffix("s")) is not None)


_POSSESSIVE = re.compile(r"['’´]s$")


def _clean(s: str) -> str:
    s = " ".join(s.split()).strip(" ,;:")
    for art in ("the ", "The "):
        if s.startswith(art):
            s = s[len(art):]
    if s.endswith("'") and not s.endswith("s'"):
        s = s[:-1]
    if _POSSESSIVE.search(s):
        s = s[:-2]  # "DGI's" is DGI
    return s


def _subtype(typ: str, label: str) -> str:
    low = label.lower()
    if typ == "Organization":
        if any(w in low for w in ("ministry", "superintendence", "commission", "government", "police", "court",
                                  "congress", "prosecutor", "ombuds", "registry", "directorate")):
            return "GovernmentBody"
        if any(w in low for w in ("platform", "working group", "network", "table", "cluster", "sector", "team")):
            return "CoordinationBody"
        return ""
    if typ == "Programme":
        if low.startswith(("law", "decree", "supreme decree")):
            return "Law"
        return ""
    return ""
