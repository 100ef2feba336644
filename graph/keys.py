"""Entity keys for things that come from a report's tables rather than its prose.

Extraction (``graph.extract``) and the RDF builder (``graph.rdf``) both call these, so an
Area or Indicator found in the text and the same one parsed from a table get one IRI.
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def area_key(code: str, title: str = "") -> str:
    """``IA1`` / ``OA13``: the area's code, upper-cased; its title when the code is missing."""
    code = _SPACE.sub("", code).upper()
    return code or "area " + normalise_label(title)


def indicator_key(area_code: str, code: str, label: str = "") -> str:
    """``IA1 1.1``: an indicator code is only unique within its area."""
    code = _SPACE.sub("", code)
    return f"{area_key(area_code)} {code or normalise_label(label)}"


def population_key(label: str) -> str:
    return normalise_label(label) or "unspecified"


def normalise_label(label: str) -> str:
    """Lower-case, hyphen-joined line breaks undone, whitespace collapsed."""
    text = re.sub(r"-\s*\n\s*", "-", label)
    return _SPACE.sub(" ", text).strip().lower()
