"""A synthetic corpus for the scale benchmark: N reports made from the bundled report's template.

Each report keeps the layout (sections, tables, page breaks, footer) and varies
the country, the organisations' names and acronyms, every number, and the order
of sentences inside paragraphs, so passages, entities and vectors all differ.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

COUNTRIES = ["Arvenia", "Belmora", "Costavia", "Durland", "Estrovia", "Falkora", "Galdia", "Hestria",
             "Ilvania", "Jorvik", "Kastelia", "Lumeria", "Mordania", "Norvalia", "Ostrava", "Pellaria"]
WORDS = ["Water", "Health", "Labour", "Justice", "Housing", "Education", "Interior", "Planning",
         "Social Affairs", "Transport", "Agriculture", "Finance", "Culture", "Energy", "Youth", "Women"]
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _vary_number(match: re.Match[str], rng: random.Random) -> str:
    text = match.group(0)
    if re.fullmatch(r"(19|20)\d\d", text) or len(text) <= 2 and "." not in text and text in {"1", "2", "3", "4"}:
        return text  # years and section numbers keep the structure readable
    decimals = len(text.split(".")[1]) if "." in text else 0
    value = float(text.replace(",", "")) * rng.uniform(0.6, 1.4)
    out = f"{value:,.{decimals}f}" if "," in text else f"{value:.{decimals}f}"
    return out


def make_report(template: str, country: str, seed: int) -> str:
    rng = random.Random(seed)
    text = template.replace("Peru", country).replace("Peruvian", country + "n")
    for acronym in sorted(set(re.findall(r"\(([A-Z]{3,6})\)", template)), key=len, reverse=True):
        new = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVW") for _ in range(len(acronym)))
        if acronym not in {"UNHCR", "IOM", "OCHA", "ILO"}:
            text = re.sub(rf"\b{acronym}\b", new, text)
    text = re.sub(r"Ministry of [A-Z][a-z]+", lambda m: "Ministry of " + rng.choice(WORDS), text)
    lines = text.split("\n")
    out = []
    for line in lines:
        if re.match(r"^\s*\d+(\.\d+)*[a-z]?\.? ", line) or "Area" in line or "|" in line:
            out.append(line)  # headings, table rows and footers keep their numbers
        else:
            out.append(_NUMBER.sub(lambda m: _vary_number(m, rng), line))
    return "\n".join(out)


def generate(template_path: Path, out_dir: Path, n: int) -> list[Path]:
    template = template_path.read_text(encoding="utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        country = COUNTRIES[i % len(COUNTRIES)] + ("" if i < len(COUNTRIES) else f" {i // len(COUNTRIES) + 1}")
        path = out_dir / f"synthetic-{i:03d}.txt"
        path.write_text(make_report(template, country, seed=i), encoding="utf-8")
        paths.append(path)
    return paths
