"""``kgpub review SOURCE``: show a source text with its extracted facts, and record a person's verdicts.

:func:`review` renders the ORIGINAL text with every fact's evidence span highlighted and numbered —
ANSI colours for a terminal, or a standalone HTML page (``<mark>`` spans, everything escaped, no
scripts or remote resources). :func:`record_decisions` writes the verdicts into
``data/curation/review-<source-id>.ttl`` with rdflib: a ``kgp:CurationFile`` (the loader in
``curation.py`` requires it), one ``prov:Activity`` per review session (who, when, which source) and
one ``kgp:ReviewDecision`` per fact — ``kgp:decision "confirmed"|"rejected"`` and ``kgp:aboutFact``,
a description of the fact: its type, extraction rule, the fact itself as JSON (``rdf:value`` typed
``rdf:JSON``) and its evidence (the RFC 5147 ``<source/ID#char=a,b>`` resource with position and
quote selectors, as the source graphs describe it). Reviewing again adds a new activity; the latest
decision about a fact wins. IRIs are relative (``<curation/…>``, ``kgp:`` = ``<def/>``), like every
curation file, so the file serves any base IRI.
"""

from __future__ import annotations

import dataclasses
import html
import itertools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from typing import Literal as Lit

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, XSD
from rdflib.plugins.parsers.notation3 import BadSyntax

from .errors import CurationError
from .model import Body, Duty, Extraction, Head, PartOf, Site
from .namespaces import OA
from .sources import Source

Fact = Body | PartOf | Head | Duty | Site
_F = TypeVar("_F", Body, PartOf, Head, Duty, Site)
Decision = Lit["confirm", "reject"]
KGP = Namespace("def/")  # relative: resolved against the base IRI when the curation file is loaded
_VERDICT = {"confirm": "confirmed", "reject": "rejected"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Numbered:
    """A fact with the number a reviewer refers to it by (1-based, stable for one extraction)."""

    number: int
    type: str
    fact: Fact

    @property
    def summary(self) -> str:
        f = self.fact
        if isinstance(f, Body):
            return f"{f.name} ({f.kind})" + (f" — also {', '.join(f.aliases)}" if f.aliases else "")
        if isinstance(f, PartOf):
            via = f" via {f.via_post}" if f.via_post else ""
            return f"{f.child} —{f.relation}→ {f.parent}{via}"
        if isinstance(f, Head):
            return f"{f.org}: {f.title}" + (f" {f.person}" if f.person else " (no holder named)")
        if isinstance(f, Duty):
            return f"{f.org}: {f.text}"
        return f"{f.org}: " + ", ".join(v for v in (f.address, f.phone) if v)


def numbered_facts(extraction: Extraction) -> list[Numbered]:
    """Every fact of an extraction, numbered in a fixed order: bodies, parts, heads, duties, sites."""
    groups: list[tuple[str, Iterable[Fact]]] = [
        ("body", extraction.bodies),
        ("part_of", extraction.part_of),
        ("head", extraction.heads),
        ("duty", extraction.duties),
        ("site", extraction.sites),
    ]
    facts = [(t, f) for t, group in groups for f in group]
    return [Numbered(n, t, f) for n, (t, f) in enumerate(facts, 1)]


# --- showing ------------------------------------------------------------------------------------------


def _pieces(text: str, facts: list[Numbered]) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    """The text cut where evidence spans start or end: (piece, facts covering it, facts ending after it)."""
    cuts = {0, len(text)}
    for n in facts:
        ev = n.fact.evidence
        if 0 <= ev.start <= ev.end <= len(text):
            cuts.update((ev.start, ev.end))
    bounds = sorted(cuts)
    out = []
    for a, b in itertools.pairwise(bounds):
        covering = tuple(n.number for n in facts if n.fact.evidence.start <= a and b <= n.fact.evidence.end)
        ending = tuple(n.number for n in facts if n.fact.evidence.end == b and n.fact.evidence.start < b)
        out.append((text[a:b], covering, ending))
    return out


def _numbers(numbers: tuple[int, ...]) -> str:
    return ",".join(str(n) for n in numbers)


def _terminal(source: Source, facts: list[Numbered]) -> str:
    def safe(s: str) -> str:  # a scraped text must not drive the reader's terminal
        return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", s)

    out = [f"\x1b[1m{safe(source.meta.id)}\x1b[0m — {len(facts)} facts\n\n"]
    for piece, covering, ending in _pieces(source.text, facts):
        out.append(f"\x1b[30;43m{safe(piece)}\x1b[0m" if covering else safe(piece))
        if ending:
            out.append(f"\x1b[1;34m[{_numbers(ending)}]\x1b[0m")
    out.append("\n\n")
    for n in facts:
        f = n.fact
        out.append(
            f"\x1b[1;34m[{n.number}]\x1b[0m {n.type:8} {safe(n.summary)}"
            f"  \x1b[2m{safe(f.rule)} {f.confidence:.2f} @{f.evidence.start}-{f.evidence.end}\x1b[0m\n"
        )
    return "".join(out)


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 60rem; line-height: 1.5; }
pre { white-space: pre-wrap; font: inherit; background: #fafafa; padding: 1rem; border: 1px solid #ddd; }
mark { background: #fde68a; }
sup { color: #1d4ed8; font-weight: bold; }
li { margin-bottom: .4rem; }
.meta { color: #555; font-size: .9em; }
"""


def _html(source: Source, facts: list[Numbered]) -> str:
    e = html.escape
    title = f"Review: {source.meta.id}"
    text = []
    for piece, covering, ending in _pieces(source.text, facts):
        text.append(f'<mark title="facts {_numbers(covering)}">{e(piece)}</mark>' if covering else e(piece))
        if ending:
            links = ",".join(f'<a href="#fact-{n}">{n}</a>' for n in ending)
            text.append(f"<sup>[{links}]</sup>")
    items = []
    for n in facts:
        f = n.fact
        items.append(
            f'<li id="fact-{n.number}" value="{n.number}"><strong>{e(n.type)}</strong> {e(n.summary)}'
            f'<div class="meta">{e(f.rule)} · confidence {f.confidence:.2f} · '
            f"characters {f.evidence.start}–{f.evidence.end}: “{e(f.evidence.quote)}”</div></li>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f'<h1>{e(title)}</h1>\n<p class="meta">{e(source.meta.title)} · language {e(source.meta.language)}'
        f" · {len(facts)} facts</p>\n<pre>{''.join(text)}</pre>\n<ol>\n"
        + "\n".join(items)
        + "\n</ol>\n</body>\n</html>\n"
    )


def review(source: Source, extraction: Extraction, *, html: bool) -> str:
    """The text with its facts highlighted and numbered: an HTML page, or ANSI text for a terminal."""
    facts = numbered_facts(extraction)
    return _html(source, facts) if html else _terminal(source, facts)


# --- recording ----------------------------------------------------------------------------------------


def parse_decisions(spec: str, count: int) -> dict[int, Decision]:
    """ "1-3,7=confirm 4=reject" (or c/r) → {1: "confirm", 2: …}; numbers must be facts 1..count."""
    decisions: dict[int, Decision] = {}
    for item in spec.split():
        numbers, _, verdict = item.partition("=")
        word = {"c": "confirm", "confirm": "confirm", "r": "reject", "reject": "reject"}.get(verdict.lower())
        if word is None:
            raise CurationError(f"review: {item!r}: write NUMBERS=confirm or NUMBERS=reject (c/r)")
        for part in numbers.split(","):
            lo, _, hi = part.partition("-")
            if not lo.isdigit() or (hi and not hi.isdigit()):
                raise CurationError(f"review: {item!r}: {part!r} is not a fact number or range")
            for n in range(int(lo), int(hi or lo) + 1):
                decisions[n] = "confirm" if word == "confirm" else "reject"
    _check_numbers(decisions, count)
    return decisions


def _check_numbers(decisions: dict[int, Decision], count: int) -> None:
    wrong = sorted(n for n in decisions if not 1 <= n <= count)
    if wrong:
        raise CurationError(f"review: no fact numbered {', '.join(map(str, wrong))} (facts are 1–{count})")
    bad = sorted(n for n, d in decisions.items() if d not in _VERDICT)
    if bad:
        raise CurationError(f"review: fact {bad[0]}: the decision must be 'confirm' or 'reject'")


def review_path(curation_dir: Path, source_id: str) -> Path:
    return curation_dir / f"review-{source_id}.ttl"


def record_decisions(
    extraction: Extraction,
    decisions: dict[int, Decision],
    curation_dir: Path,
    *,
    reviewer: str,
    when: datetime | None = None,
) -> Path:
    """Add a review session's decisions to ``curation_dir/review-<source-id>.ttl``; returns the path."""
    facts = {n.number: n for n in numbered_facts(extraction)}
    _check_numbers(decisions, len(facts))
    if not reviewer.strip():
        raise CurationError("review: say who reviewed (a name or handle)")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", extraction.source):
        raise CurationError(f"review: source id {extraction.source!r} cannot name a curation file")
    when = (when or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    path = review_path(curation_dir, extraction.source)
    graph = _load(path)
    doc = URIRef(f"curation/review-{extraction.source}")
    session = sum(1 for _ in graph.subjects(RDF.type, PROV.Activity)) + 1
    activity = URIRef(f"{doc}#session-{session}")
    agent = _describe_file(graph, doc, extraction.source, reviewer, when)
    graph.add((activity, RDF.type, PROV.Activity))
    graph.add(
        (activity, RDFS.label, Literal(f"review session {session} of source {extraction.source}", lang="en"))
    )
    graph.add((activity, PROV.used, URIRef(f"source/{extraction.source}")))
    graph.add((activity, PROV.wasAssociatedWith, agent))
    graph.add((activity, PROV.endedAtTime, Literal(when.isoformat(), datatype=XSD.dateTime)))
    graph.add((doc, PROV.wasGeneratedBy, activity))
    for number, verdict in sorted(decisions.items()):
        _decision(graph, f"{doc}#session-{session}", activity, facts[number], verdict)
    curation_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".ttl.tmp")
    tmp.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    tmp.replace(path)
    return path


def _load(path: Path) -> Graph:
    """The review file so far (relative IRIs kept relative), or a new graph with the prefixes bound."""
    graph = Graph()
    for prefix, ns in (("kgp", KGP), ("prov", PROV), ("oa", OA), ("dct", DCTERMS), ("foaf", FOAF)):
        graph.bind(prefix, ns, override=True)
    if not path.is_file():
        return graph
    placeholder = "http://kgpub.invalid/review-base/"
    parsed = Graph()
    try:
        parsed.parse(path, format="turtle", publicID=placeholder)
    except (BadSyntax, ValueError, SyntaxError) as exc:
        raise CurationError(f"{path}: cannot add to this review file: {exc}") from exc

    def relative(term: Any) -> Any:
        if isinstance(term, URIRef) and str(term).startswith(placeholder):
            return URIRef(str(term)[len(placeholder) :])
        return term

    for s, p, o in parsed:
        graph.add((relative(s), relative(p), relative(o)))
    return graph


def _describe_file(
    graph: Graph, doc: URIRef, source_id: str, reviewer: str, when: datetime
) -> BNode | URIRef:
    """The curation file's own description (kept current) and the reviewer as a prov:Agent."""
    graph.add((doc, RDF.type, KGP.CurationFile))
    graph.set(
        (doc, DCTERMS.title, Literal(f"Review of the facts extracted from source {source_id}", lang="en"))
    )
    graph.set((doc, DCTERMS.modified, Literal(when.date().isoformat(), datatype=XSD.date)))
    for agent in graph.objects(doc, PROV.wasAttributedTo):
        if graph.value(agent, FOAF.name) == Literal(reviewer):
            return agent  # type: ignore[return-value]
    agent = BNode()
    graph.add((agent, RDF.type, PROV.Agent))
    graph.add((agent, FOAF.name, Literal(reviewer)))
    graph.add((doc, PROV.wasAttributedTo, agent))
    return agent


def _decision(graph: Graph, prefix: str, activity: URIRef, numbered: Numbered, verdict: Decision) -> None:
    fact = numbered.fact
    ev = fact.evidence
    node = URIRef(f"{prefix}-decision-{numbered.number}")
    about = URIRef(f"{prefix}-fact-{numbered.number}")
    evidence = URIRef(f"source/{ev.source}#char={ev.start},{ev.end}")
    graph.add((node, RDF.type, KGP.ReviewDecision))
    graph.add((node, KGP.decision, Literal(_VERDICT[verdict])))
    graph.add((node, KGP.aboutFact, about))
    graph.add((node, PROV.wasGeneratedBy, activity))
    graph.add((about, RDF.type, KGP.ExtractedFact))
    graph.add((about, KGP.factType, Literal(numbered.type)))
    graph.add((about, KGP.extractionRule, Literal(fact.rule)))
    graph.add((about, RDFS.label, Literal(numbered.summary)))
    graph.add(
        (about, RDF.value, Literal(json.dumps(_fact_json(numbered), ensure_ascii=False), datatype=RDF.JSON))
    )
    graph.add((about, PROV.wasDerivedFrom, evidence))
    position, quote = BNode(), BNode()
    graph.add((evidence, RDF.type, OA.SpecificResource))
    graph.add((evidence, OA.hasSource, URIRef(f"source/{ev.source}")))
    graph.add((evidence, OA.hasSelector, position))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(ev.start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(ev.end, datatype=XSD.nonNegativeInteger)))
    graph.add((evidence, OA.hasSelector, quote))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(ev.quote)))


def _fact_json(numbered: Numbered) -> dict[str, Any]:
    """The fact in the extraction's JSON shape (as ``Extraction.to_json`` writes it)."""
    f = numbered.fact
    ev = f.evidence.to_json()
    base = {"type": numbered.type, "rule": f.rule, "confidence": f.confidence, "evidence": ev}
    if isinstance(f, Body):
        return {**base, "name": f.name, "kind": f.kind, "aliases": list(f.aliases), "lang": f.lang}
    if isinstance(f, PartOf):
        return {**base, "child": f.child, "parent": f.parent, "relation": f.relation, "via_post": f.via_post}
    if isinstance(f, Head):
        return {**base, "org": f.org, "title": f.title, "person": f.person}
    if isinstance(f, Duty):
        return {**base, "org": f.org, "text": f.text}
    return {**base, "org": f.org, "address": f.address, "phone": f.phone}


# --- applying -----------------------------------------------------------------------------------------


def fact_key(numbered: Numbered) -> str:
    """What identifies a reviewed fact across runs: its type, rule, content and evidence (not the
    confidence, which may be retuned without changing what the fact says)."""
    data = _fact_json(numbered)
    data.pop("confidence", None)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def read_decisions(path: Path) -> dict[str, str]:
    """The latest verdict ("confirmed"/"rejected") for each fact a review file decides on."""
    if not path.is_file():
        return {}
    graph = _load(path)
    found: list[tuple[str, str, str]] = []
    for node in graph.subjects(RDF.type, KGP.ReviewDecision):
        about = graph.value(node, KGP.aboutFact)
        value = graph.value(about, RDF.value) if about is not None else None
        verdict = graph.value(node, KGP.decision)
        activity = graph.value(node, PROV.wasGeneratedBy)
        when = graph.value(activity, PROV.endedAtTime) if activity is not None else None
        if value is None or verdict is None:
            raise CurationError(f"{path}: decision {node} lacks its fact or its verdict")
        data = json.loads(str(value))
        data.pop("confidence", None)
        key = json.dumps(data, ensure_ascii=False, sort_keys=True)
        found.append((str(when or ""), key, str(verdict)))
    return {key: verdict for _, key, verdict in sorted(found)}


def apply_decisions(extraction: Extraction, curation_dir: Path) -> Extraction:
    """The extraction without the facts a reviewer rejected (and without facts about rejected bodies);
    a confirmed fact keeps its rule but gets confidence 1, as a curated fact has."""
    decisions = read_decisions(review_path(curation_dir, extraction.source))
    verdicts = {id(n.fact): decisions.get(fact_key(n)) for n in numbered_facts(extraction)}
    rejected = {key for key, verdict in verdicts.items() if verdict == "rejected"}
    confirmed = {key for key, verdict in verdicts.items() if verdict == "confirmed"}
    if not rejected and not confirmed:
        return extraction
    bodies = tuple(_sure(b, confirmed) for b in extraction.bodies if id(b) not in rejected)
    names = {b.name for b in bodies}

    def keep(fact: Fact, *orgs: str) -> bool:
        return id(fact) not in rejected and all(o in names for o in orgs)

    warnings = [f"{len(rejected)} fact(s) rejected in review"] if rejected else []
    return Extraction(
        source=extraction.source,
        lang=extraction.lang,
        bodies=bodies,
        part_of=tuple(_sure(p, confirmed) for p in extraction.part_of if keep(p, p.child, p.parent)),
        heads=tuple(_sure(h, confirmed) for h in extraction.heads if keep(h, h.org)),
        duties=tuple(_sure(d, confirmed) for d in extraction.duties if keep(d, d.org)),
        sites=tuple(_sure(s, confirmed) for s in extraction.sites if keep(s, s.org)),
        warnings=(*extraction.warnings, *warnings),
    )


def _sure(fact: _F, confirmed: set[int]) -> _F:
    return dataclasses.replace(fact, confidence=1.0) if id(fact) in confirmed else fact
