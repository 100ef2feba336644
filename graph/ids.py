"""Stable identifiers: slugs and IRIs minted from normalised labels, never from raw text.

An IRI never contains characters taken verbatim from a report (threat model 14):
labels are slugged to ``[a-z0-9-]`` and hashed when the slug would be empty or long.
International organisations and countries get report-independent IRIs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

DEFAULT_BASE = "https://w3id.org/reportgraph/"
VOCAB = "https://w3id.org/reportgraph/vocab#"

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_len: int = 60) -> str:
    """ASCII slug of ``text``; falls back to a hash so it is never empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
    if not slug:
        return "h" + short_hash(text)
    if len(slug) > max_len:
        slug = slug[:max_len].rstrip("-") + "-" + short_hash(text)[:6]
    return slug


def short_hash(text: str, n: int = 12) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:n]


_TYPE_PATH = {
    "Organization": "org",
    "Programme": "programme",
    "Location": "place",
    "Event": "event",
    "Area": "area",
    "Indicator": "indicator",
    "PopulationGroup": "population",
}


def entity_iri(
    entity_type: str, key: str, report_slug: str, *, international: bool, base: str = DEFAULT_BASE
) -> str:
    """IRI of an entity. ``key`` is the entity's stable key (already normalised).

    International bodies and places are shared across reports; a country's own
    bodies, programmes, areas and indicators live under their report's slug.
    """
    path = _TYPE_PATH[entity_type]
    if international:
        return f"{base}{path}/{slugify(key)}"
    return f"{base}{path}/{slugify(report_slug)}/{slugify(key)}"


def report_iri(report_id: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}report/{report_id}"


def graph_iri(report_id: str, base: str = DEFAULT_BASE) -> str:
    """The named graph that holds one report's triples."""
    return f"{base}graph/{report_id}"


def passage_iri(passage_id: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}passage/{passage_id}"
