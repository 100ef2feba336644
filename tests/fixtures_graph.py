"""Hand-built Documents and Extractions for the graph tests (no reader, no extractor needed).

``small_report()`` is a tiny report with every kind of thing the RDF model emits;
``synthetic_report(n)`` scales the same shapes up to Peru-report size for measurements.
Offsets are computed from the text, so ``doc.text[p.start:p.end] == p.text`` always holds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pytest

from graph.model import Entity, Extraction, Mention, Relation
from ingest.model import (
    AreaRef,
    BudgetRow,
    Document,
    IndicatorRow,
    Page,
    Passage,
    Report,
    ReportMeta,
    Section,
    Value,
)

IA1 = AreaRef("IA1", "impact", "Attaining Favorable Protection Environments")
OA1 = AreaRef("OA1", "outcome", "Access to Territory, Registration and Documentation")
EA20 = AreaRef("EA20", "enabling", "Organizational Effectiveness")


@dataclass
class TextBuilder:
    """Appends paragraphs to a text, one page per ``new_page()``, and remembers spans."""

    report_id: str
    text: str = ""
    pages: list[Page] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    _page_start: int = 0

    def new_page(self) -> None:
        if self.text:
            self.pages.append(Page(len(self.pages) + 1, self._page_start, len(self.text), False))
        self._page_start = len(self.text)

    def para(self, text: str, section: tuple[str, ...] = (), section_id: str | None = None,
             kind: str = "paragraph") -> Passage:
        start = len(self.text)
        self.text += text + "\n\n"
        pid = hashlib.sha256(f"{self.report_id}|{start}|{text}".encode()).hexdigest()[:16]
        p = Passage(pid, self.report_id, section, section_id, (len(self.pages) + 1,), False,
                    start, start + len(text), text, kind)  # type: ignore[arg-type]
        self.passages.append(p)
        return p

    def finish(self) -> None:
        self.pages.append(Page(len(self.pages) + 1, self._page_start, len(self.text), False))

    def span(self, p: Passage, needle: str) -> tuple[int, int]:
        i = p.text.index(needle)
        return p.start + i, p.start + i + len(needle)


def _report(rid: str, slug: str, title: str, year: int = 2023) -> Report:
    meta = ReportMeta(title=title, publisher="UNHCR", country="Peru", year=year,
                      published=f"{year + 1}-05-01", source_url="https://example.org/report.pdf")
    return Report(rid, slug, f"{slug}.txt", hashlib.sha256(rid.encode()).hexdigest(), meta)


def small_report(rid: str = "r0000000small", slug: str = "test-arr-2023") -> tuple[Document, Extraction]:
    tb = TextBuilder(rid)
    tb.new_page()
    s1 = Section("s1", "Context and Overview", "section", 1, 0, 0, number="1")
    h = tb.para("Section 1: Context and Overview", ("Context and Overview",), "s1", "heading")
    p1 = tb.para(
        "UNHCR continued to co-lead, together with IOM, the Working Group for Refugees and Migrants (GTRM). "
        "The Ministry of Women and Vulnerable Populations (MIMP) approved Law No.31732 in April.",
        ("Context and Overview",), "s1")
    tb.new_page()
    s2 = Section("s2", "Attaining Favorable Protection Environments", "impact_area", 2, p1.end, 0,
                 parent="s1", number="1", area=IA1, goal="By 2026, people access fair protection systems.")
    p2 = tb.para(
        "With support from UNHCR, the Special Commission for Refugees (CEPR) joined the GTRM "
        "and participated in the Global Refugee Forum in Geneva.",
        ("Context and Overview", "Attaining Favorable Protection Environments"), "s2")
    t1 = tb.para("1.1 Proportion of people able to access asylum procedures Refugees and Asylum-seekers "
                 "0.80% 28.26%", ("Attaining Favorable Protection Environments",), "s2", "table_row")
    t2 = tb.para("1.2 Proportion of people who feel safe Refugees and Asylum-seekers Extensive 60% 71.20%",
                 ("Attaining Favorable Protection Environments",), "s2", "table_row")
    tb.new_page()
    b1 = tb.para("IA1 Final budget 1,234,567 Funds available 1,000,000 81% Expenditure 999,000 99.9%",
                 ("Budget",), None, "table_row")
    tb.finish()
    s1 = Section("s1", s1.title, s1.kind, s1.level, 0, len(tb.text), number="1")
    s2 = Section("s2", s2.title, s2.kind, s2.level, s2.start, b1.start, parent="s1", number="1",
                 area=IA1, goal=s2.goal)
    doc = Document(
        report=_report(rid, slug, "Annual Results Report 2023 Test"),
        text=tb.text, pages=tb.pages, sections=[s1, s2], passages=tb.passages,
        indicators=[
            IndicatorRow("1.1", "Proportion of people able to access asylum procedures", IA1,
                         "Refugees and Asylum-seekers", Value("0.80%", 0.8), None, Value("28.26%", 28.26),
                         "percent", t1.pages, t1.id, t1.start, t1.end),
            IndicatorRow("1.2", "Proportion of people who feel safe", IA1, "Refugees and Asylum-seekers",
                         Value("Extensive", None), Value("60%", 60.0), Value("71.20%", 71.2), "percent",
                         t2.pages, t2.id, t2.start, t2.end),
            IndicatorRow("1.1", "Access to documentation", OA1, "", Value("10", 10.0), Value("20", 20.0),
                         None, "number", t2.pages, t2.id, t2.start, t2.end),
        ],
        budget=[BudgetRow(IA1, Value("1,234,567", 1234567.0), Value("1,000,000", 1e6), Value("81%", 81.0),
                          Value("999,000", 999000.0), Value("99.9%", 99.9), b1.pages, b1.id, b1.start, b1.end),
                BudgetRow(EA20, Value("50", 50.0), None, None, None, None, b1.pages, b1.id, b1.start, b1.end)],
    )
    ents = [
        Entity("unhcr", "Organization", "UNHCR", ["UNHCR", "UNCHR", "United Nations High Commissioner for Refugees"],
               acronym="UNHCR", subtype="UNAgency", international=True),
        Entity("iom", "Organization", "IOM", ["IOM"], acronym="IOM", subtype="UNAgency", international=True),
        Entity("gtrm", "Organization", "Working Group for Refugees and Migrants", ["GTRM"], acronym="GTRM",
               subtype="CoordinationPlatform", definition_passage=p1.id),
        Entity("mimp", "Organization", "Ministry of Women and Vulnerable Populations", ["MIMP"],
               acronym="MIMP", subtype="GovernmentBody", definition_passage=p1.id),
        Entity("cepr", "Organization", "Special Commission for Refugees", ["CEPR"], acronym="CEPR",
               subtype="GovernmentBody", definition_passage=p2.id),
        Entity("law-31732", "Programme", "Law No.31732", subtype="Law"),
        Entity("peru", "Location", "Peru", subtype="Country", international=True, identifiers={"iso3166": "PE"}),
        Entity("geneva", "Location", "Geneva", subtype="City", international=True,
               identifiers={"geonames": "2660646"}),
        Entity("grf", "Event", "Global Refugee Forum", subtype="Forum", international=True),
        Entity("ia1", "Area", IA1.title, area_code="IA1"),
        Entity("refugees", "PopulationGroup", "Refugees and Asylum-seekers"),
    ]

    def rel(s: str, pred: str, o: str, p: Passage, needle: str, conf: float, rule: str) -> Relation:
        a, b = tb.span(p, needle)
        return Relation(s, pred, o, p.id, p.pages[0], a, b, doc.text[a:b], conf, rule)

    sent1 = "UNHCR continued to co-lead, together with IOM, the Working Group for Refugees and Migrants (GTRM)."
    sent2 = "The Ministry of Women and Vulnerable Populations (MIMP) approved Law No.31732 in April."
    sent3 = p2.text
    rels = [
        rel("unhcr", "coLeads", "gtrm", p1, sent1, 0.9, "together-with"),
        rel("iom", "coLeads", "gtrm", p1, sent1, 0.85, "together-with"),
        rel("mimp", "approves", "law-31732", p1, sent2, 0.8, "svo"),
        rel("unhcr", "supports", "cepr", p2, sent3, 0.7, "with-support-from"),
        rel("cepr", "memberOf", "gtrm", p2, sent3, 0.75, "joined"),
        rel("cepr", "participatesIn", "grf", p2, sent3, 0.75, "svo"),
        rel("grf", "locatedIn", "geneva", p2, sent3, 0.6, "in-place"),
        rel("unhcr", "operatesIn", "peru", h, "Context", 0.5, "report-country"),
    ]
    mentions = []
    for p in tb.passages:
        for e in ents:
            for surface in {e.label, *e.aliases}:
                i = p.text.find(surface)
                if i >= 0:
                    mentions.append(Mention(e.key, surface, p.id, p.start + i, p.start + i + len(surface)))
    return doc, Extraction(rid, ents, mentions, rels)


_ORG_WORDS = ("Ministry", "Commission", "Office", "Network", "Platform", "Superintendence", "Council")
_TOPICS = ("Health", "Education", "Migration", "Protection", "Labour", "Housing", "Justice", "Water")


def synthetic_report(n_paragraphs: int = 400, rid: str = "r000synthetic",
                     slug: str = "synthetic-arr-2023") -> tuple[Document, Extraction]:
    """A Peru-sized report: ``n_paragraphs`` prose passages, entities, relations and tables."""
    tb = TextBuilder(rid)
    ents: dict[str, Entity] = {
        "unhcr": Entity("unhcr", "Organization", "UNHCR", ["UNHCR"], acronym="UNHCR", international=True),
        "iom": Entity("iom", "Organization", "IOM", ["IOM"], acronym="IOM", international=True),
    }
    rels: list[Relation] = []
    mentions: list[Mention] = []
    indicators: list[IndicatorRow] = []
    budget: list[BudgetRow] = []
    preds = ("supports", "partnersWith", "trains", "funds", "coLeads", "engages", "memberOf")
    tb.new_page()
    for i in range(n_paragraphs):
        if i % 8 == 0:
            tb.new_page()
        word, topic = _ORG_WORDS[i % len(_ORG_WORDS)], _TOPICS[(i // 7) % len(_TOPICS)]
        name = f"{word} of {topic} {i // 56}"
        key = name.lower().replace(" ", "-")
        acr = "".join(w[0] for w in name.split() if w[0].isupper()) + str(i // 56)
        ents.setdefault(key, Entity(key, "Organization", name, [acr], acronym=acr, subtype="GovernmentBody"))
        pred = preds[i % len(preds)]
        sent = f"In {2020 + i % 4}, UNHCR {pred} the {name} ({acr}) across {i} municipalities."
        p = tb.para(sent + " Further context sentence number " + str(i) + " about <tags> & \"quotes\".")
        a, b = tb.span(p, sent)
        rels.append(Relation("unhcr", pred, key, p.id, p.pages[0], a, b, sent, 0.5 + (i % 5) / 10, "synthetic"))
        for e in (ents["unhcr"], ents[key]):
            j = p.text.find(e.aliases[0] if e.aliases and e.aliases[0] in p.text else e.label)
            if j >= 0:
                mentions.append(Mention(e.key, e.label, p.id, p.start + j, p.start + j + len(e.label)))
        if i % 5 == 0:
            area = AreaRef(f"OA{i % 17 + 1}", "outcome", f"Outcome area {i % 17 + 1}")
            t = tb.para(f"{i % 17 + 1}.{i % 3 + 1} Indicator {i} Refugees 10% 20%", kind="table_row")
            indicators.append(IndicatorRow(f"{i % 17 + 1}.{i}", f"Indicator {i}", area,
                                           ("Refugees", "Stateless persons")[i % 2], Value("10%", 10.0),
                                           Value("15%", 15.0), Value("20%", 20.0), "percent",
                                           t.pages, t.id, t.start, t.end))
            if i % 17 == i % 34:
                budget.append(BudgetRow(area, Value("1,000", 1000.0), Value("800", 800.0), Value("80%", 80.0),
                                        Value("700", 700.0), Value("87.5%", 87.5), t.pages, t.id, t.start, t.end))
    tb.finish()
    doc = Document(report=_report(rid, slug, "Synthetic report"), text=tb.text, pages=tb.pages,
                   passages=tb.passages, indicators=indicators, budget=budget)
    return doc, Extraction(rid, list(ents.values()), mentions, rels)


@pytest.fixture(scope="session")
def small_items() -> list[tuple[Document, Extraction]]:
    return [small_report()]


@pytest.fixture(scope="session")
def small_dataset(small_items):
    from graph.rdf import build_dataset

    return build_dataset(small_items)


class LoopbackListener:
    """A TCP listener on 127.0.0.1:0 that accepts and counts connections (the proof that counts)."""

    def __init__(self) -> None:
        import socket
        import threading

        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.1)
        self.port = self._sock.getsockname()[1]
        self.accepts = 0
        self.received = b""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:  # includes the accept timeout
                continue
            self.accepts += 1
            conn.settimeout(0.2)
            try:
                self.received += conn.recv(4096)
            except OSError:
                pass
            conn.close()

    def wait_accepts(self, seconds: float) -> int:
        import time

        time.sleep(seconds)
        return self.accepts

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._sock.close()


@pytest.fixture
def loopback_listener():
    listener = LoopbackListener()
    yield listener
    listener.close()
