"""The review tool: highlighted text for a terminal and a browser, decisions into curation Turtle."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF

from kgpub.curation import load_curation_file
from kgpub.errors import CurationError
from kgpub.extract.sv import extract_sv
from kgpub.model import Extraction
from kgpub.namespaces import OA, Local
from kgpub.review import (
    apply_decisions,
    fact_digest,
    numbered_facts,
    parse_decisions,
    read_decisions,
    record_decisions,
    review,
    review_path,
)
from kgpub.sources import Source, SourceMeta

BASE = "http://127.0.0.1:5000/"
TEXT = (  # devset d04, shortened
    "Stadens ledning\n\n"
    "Stadsstyrelsen leder stadens verksamhet, förvaltning och ekonomi.\n\n"
    "Stadens ämbetsverk är indelat i följande avdelningar: förvaltningsavdelningen, bildningsavdelningen.\n"
)


@pytest.fixture
def source() -> Source:
    return Source(
        SourceMeta("narpes-ledning", "Stadens ledning", "p", "Närpes", "sv", "unknown", "unknown"), TEXT
    )


@pytest.fixture
def extraction(source: Source) -> Extraction:
    return extract_sv(source)


def test_facts_are_numbered_bodies_first(extraction: Extraction) -> None:
    facts = numbered_facts(extraction)
    assert [n.number for n in facts] == list(range(1, len(facts) + 1))
    order = ["body", "part_of", "head", "duty", "site"]
    types = [n.type for n in facts]
    assert types == sorted(types, key=order.index) and types[0] == "body" and "part_of" in types
    assert facts[-1].summary == "stadsstyrelsen: leder stadens verksamhet, förvaltning och ekonomi"


def test_terminal_view_highlights_spans_and_lists_numbered_facts(
    source: Source, extraction: Extraction
) -> None:
    out = review(source, extraction, html=False)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    # the sentence names the board and states its duty: both facts' numbers follow it
    by_summary = {n.summary: n.number for n in numbered_facts(extraction)}
    board = next(number for summary, number in by_summary.items() if summary.startswith("stadsstyrelsen ("))
    duty = by_summary["stadsstyrelsen: leder stadens verksamhet, förvaltning och ekonomi"]
    assert f"Stadsstyrelsen leder stadens verksamhet, förvaltning och ekonomi.[{board},{duty}]" in plain
    assert f"[{duty}] duty     stadsstyrelsen: leder stadens verksamhet" in plain
    assert "\x1b[30;43mStadsstyrelsen leder" in out


def test_both_views_list_the_least_certain_facts_first_under_their_fixed_numbers(
    source: Source, extraction: Extraction
) -> None:
    facts = numbered_facts(extraction)
    assert len({n.fact.confidence for n in facts}) > 1  # measured rules differ in precision
    plain = re.sub(r"\x1b\[[0-9;]*m", "", review(source, extraction, html=False))
    listed = [int(n) for n in re.findall(r"^\[(\d+)\] ", plain, re.MULTILINE)]
    page = review(source, extraction, html=True)
    in_page = [int(n) for n in re.findall(r'<li id="fact-(\d+)"', page)]
    confidence = {n.number: n.fact.confidence for n in facts}
    for order in (listed, in_page):
        assert sorted(order) == [n.number for n in facts]
        assert [confidence[n] for n in order] == sorted(confidence[n] for n in order)
        assert order != sorted(order)  # not the numbering order: the least certain come first


def test_terminal_view_neutralises_control_characters_in_the_text() -> None:
    text = "Stadsstyrelsen leder \x1b[2Jstadens ekonomi.\n"
    src = Source(SourceMeta("x", "t", "p", "m", "sv", "unknown", "unknown"), text)
    out = review(src, extract_sv(src), html=False)
    assert "\x1b[2J" not in out and "\\x1b[2J" in out


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_view_is_a_standalone_escaped_page(extraction: Extraction) -> None:
    text = TEXT + "<script>alert('x')</script> & “quotes”\n"
    src = Source(SourceMeta("x", "<b>title</b>", "p", "m", "sv", "unknown", "unknown"), text)
    page = review(src, extract_sv(src), html=True)
    parsed = _Collect()
    parsed.feed(page)
    assert page.startswith("<!DOCTYPE html>")
    assert "script" not in parsed.tags and "b" not in parsed.tags
    facts = numbered_facts(extract_sv(src))
    spans = {(n.fact.evidence.start, n.fact.evidence.end) for n in facts}  # disjoint sentences here
    assert parsed.tags.count("mark") == len(spans) >= 2 and parsed.tags.count("li") == len(facts)
    assert "<script>alert('x')</script>" in "".join(parsed.text)  # shown as text, not run
    assert not [v for k, v in parsed.attrs if k in ("src", "href") and v and not v.startswith("#")]


def test_decisions_become_a_curation_file_the_project_loads(extraction: Extraction, tmp_path: Path) -> None:
    when = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    by_summary = {n.summary: n.number for n in numbered_facts(extraction)}
    part = by_summary["förvaltningsavdelningen —part→ stadens ämbetsverk"]
    duty = by_summary["stadsstyrelsen: leder stadens verksamhet, förvaltning och ekonomi"]
    path = record_decisions(
        extraction, {part: "reject", duty: "confirm"}, tmp_path, reviewer="Anna", when=when
    )
    assert path == review_path(tmp_path, "narpes-ledning") == tmp_path / "review-narpes-ledning.ttl"
    graph = load_curation_file(path, Local(BASE))  # the project's own loader and checks
    rows = graph.query(
        """
        PREFIX kgp: <http://127.0.0.1:5000/def/>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        SELECT ?decision ?type ?rule ?evidence ?key ?who ?when ?used WHERE {
          ?d a kgp:ReviewDecision ; kgp:decision ?decision ; prov:wasGeneratedBy ?a ;
             kgp:factType ?type ; kgp:extractionRule ?rule ; kgp:aboutEvidence ?evidence ; kgp:factKey ?key .
          ?a a prov:Activity ; prov:wasAssociatedWith [ foaf:name ?who ] ; prov:endedAtTime ?when ;
             prov:used ?used .
        } ORDER BY ?type
        """
    )
    got = [tuple(str(v) for v in row) for row in rows]  # type: ignore[union-attr]
    numbered = {n.number: n for n in numbered_facts(extraction)}

    def span(n: int) -> str:
        ev = numbered[n].fact.evidence
        return f"{BASE}source/narpes-ledning#char={ev.start},{ev.end}"

    when_text = "2026-11-22T12:00:00+00:00"
    source_iri = BASE + "source/narpes-ledning"
    assert got == [
        (
            "confirmed",
            "duty",
            "duty.sv.verb",
            span(duty),
            fact_digest(numbered[duty]),
            "Anna",
            when_text,
            source_iri,
        ),
        (
            "rejected",
            "part_of",
            "part.sv.enumeration",
            span(part),
            fact_digest(numbered[part]),
            "Anna",
            when_text,
            source_iri,
        ),
    ]
    # The span is named, never described: the source graph describes it once (one set of selectors).
    assert not set(graph.subjects(RDF.type, OA.SpecificResource))
    assert not set(graph.subjects(RDF.type, OA.TextPositionSelector))


def test_a_second_session_adds_to_the_file_and_the_latest_verdict_wins(
    extraction: Extraction, tmp_path: Path
) -> None:
    first = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    record_decisions(extraction, {5: "reject", 6: "confirm"}, tmp_path, reviewer="Anna", when=first)
    path = record_decisions(extraction, {5: "confirm"}, tmp_path, reviewer="Ben", when=first.replace(hour=13))
    graph = load_curation_file(path, Local(BASE))
    assert len(set(graph.subjects(RDF.type, PROV.Activity))) == 2
    verdicts = sorted(read_decisions(path).values())
    assert verdicts == ["confirmed", "confirmed"]


def test_rejected_facts_and_facts_about_rejected_bodies_are_dropped(
    extraction: Extraction, tmp_path: Path
) -> None:
    by_summary = {n.summary: n.number for n in numbered_facts(extraction)}
    ambetsverk = by_summary["stadens ämbetsverk (agency)"]
    duty = by_summary["stadsstyrelsen: leder stadens verksamhet, förvaltning och ekonomi"]
    record_decisions(extraction, {ambetsverk: "reject", duty: "reject"}, tmp_path, reviewer="Anna")
    kept = apply_decisions(extraction, tmp_path)
    assert "stadens ämbetsverk" not in {b.name for b in kept.bodies}
    assert not kept.part_of and not kept.duties
    assert len(kept.bodies) == len(extraction.bodies) - 1
    assert apply_decisions(extraction, tmp_path / "elsewhere") is extraction


def test_confirmed_facts_get_full_confidence_and_keep_their_rule(
    extraction: Extraction, tmp_path: Path
) -> None:
    facts = {n.number: n.fact for n in numbered_facts(extraction)}
    record_decisions(extraction, {7: "confirm"}, tmp_path, reviewer="Anna")
    kept = apply_decisions(extraction, tmp_path)
    after = {n.number: n.fact for n in numbered_facts(kept)}
    assert facts[7].confidence < 1.0
    assert after[7].confidence == 1.0 and after[7].rule == facts[7].rule
    assert [f.confidence for k, f in after.items() if k != 7] == [
        f.confidence for k, f in facts.items() if k != 7
    ]
    assert kept.warnings == extraction.warnings


def test_reviewer_text_is_a_literal_not_turtle(extraction: Extraction, tmp_path: Path) -> None:
    name = 'Eve" ; a <http://evil.example/> .\n@prefix x: <y> .'
    path = record_decisions(extraction, {1: "confirm"}, tmp_path, reviewer=name)
    graph = Graph().parse(path, format="turtle", publicID=BASE)
    assert Literal(name) in set(graph.objects())
    assert not [o for o in graph.objects() if str(o).startswith("http://evil")]


@pytest.mark.parametrize(
    ("decisions", "message"),
    [
        ({0: "confirm"}, "no fact numbered 0"),
        ({99: "reject"}, "no fact numbered 99"),
        ({1: "maybe"}, "must be"),
    ],
)
def test_bad_decisions_are_refused(
    extraction: Extraction, tmp_path: Path, decisions: dict[int, str], message: str
) -> None:
    with pytest.raises(CurationError, match=message):
        record_decisions(extraction, decisions, tmp_path, reviewer="Anna")  # type: ignore[arg-type]
    assert not list(tmp_path.iterdir())


def test_a_reviewer_must_be_named(extraction: Extraction, tmp_path: Path) -> None:
    with pytest.raises(CurationError, match="who reviewed"):
        record_decisions(extraction, {1: "confirm"}, tmp_path, reviewer="  ")


def test_parse_decisions() -> None:
    assert parse_decisions("1-3,5=c 4=reject 6=confirm", 6) == {
        1: "confirm",
        2: "confirm",
        3: "confirm",
        5: "confirm",
        4: "reject",
        6: "confirm",
    }
    for bad in ("1=maybe", "x=c", "1", "7=c"):
        with pytest.raises(CurationError):
            parse_decisions(bad, 6)
