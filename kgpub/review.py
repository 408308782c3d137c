"""``kgpub review SOURCE``: show a source text with its extracted facts, and record a person's verdicts.

:func:`review` renders the ORIGINAL text with every fact's evidence span highlighted and numbered —
ANSI colours for a terminal, or a standalone HTML page (``<mark>`` spans, everything escaped, no
scripts or remote resources). :func:`record_decisions` writes the verdicts into
``data/curation/review-<source-id>.ttl`` with rdflib: a ``kgp:CurationFile`` (the loader in
``curation.py`` requires it), one ``prov:Activity`` per review session (who, when, which source) and
one ``kgp:ReviewDecision`` per fact — ``kgp:decision "confirmed"|"rejected"``, the fact's type and
rule, ``kgp:factKey`` (a digest of what the fact says and where, which the build matches), and
references by IRI only: ``kgp:aboutClaim`` the ``<id/claim/…>`` claims the fact makes and
``kgp:aboutEvidence`` its RFC 5147 span ``<source/ID#char=a,b>``. The claims and the span are
described once, by the source's own graph; a decision never describes them again (a second set of
selectors on the span broke validation). Reviewing again adds a new activity; the latest
decision about a fact wins. IRIs are relative (``<curation/…>``, ``kgp:`` = ``<def/>``), like every
curation file, so the file serves any base IRI.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import itertools
import json
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from typing import Literal as Lit

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, XSD
from rdflib.plugins.parsers.notation3 import BadSyntax

from .config import Settings
from .errors import CurationError, KgpubError
from .iris import Registry
from .model import KINDS, Body, Duty, Evidence, Extraction, Head, PartOf, Site
from .municipalities import load_reference, resolve_sources
from .namespaces import OA, Local
from .rdf import fact_claims
from .sources import Source, SourceMeta

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


def least_certain_first(facts: list[Numbered]) -> list[Numbered]:
    """The order facts are listed in for review: lowest confidence first (a fact's confidence is its
    rule's measured precision, :mod:`kgpub.extract.core.rules`), then by number; numbers stay fixed."""
    return sorted(facts, key=lambda n: (n.fact.confidence, n.number))


def _terminal(source: Source, facts: list[Numbered]) -> str:
    def safe(s: str) -> str:  # a scraped text must not drive the reader's terminal
        return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", s)

    out = [f"\x1b[1m{safe(source.meta.id)}\x1b[0m — {len(facts)} facts\n\n"]
    for piece, covering, ending in _pieces(source.text, facts):
        out.append(f"\x1b[30;43m{safe(piece)}\x1b[0m" if covering else safe(piece))
        if ending:
            out.append(f"\x1b[1;34m[{_numbers(ending)}]\x1b[0m")
    out.append("\n\n")
    for n in least_certain_first(facts):
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
    for n in least_certain_first(facts):
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
    meta: SourceMeta | None = None,
    registry: Registry | None = None,
) -> Path:
    """Add a review session's decisions to ``curation_dir/review-<source-id>.ttl``; returns the path.

    With the source's ``meta`` (and the IRI ``registry``, which is not changed), each decision also
    names the claims its fact makes (``kgp:aboutClaim``), so the published graph links verdict and claim."""
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
    claims = _claims(extraction, meta, registry) if meta is not None else {}
    for number, verdict in sorted(decisions.items()):
        numbered = facts[number]
        about = claims.get(id(numbered.fact), ())
        _decision(graph, f"{doc}#session-{session}", activity, numbered, verdict, about)
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


def _claims(
    extraction: Extraction, meta: SourceMeta, registry: Registry | None
) -> dict[int, tuple[URIRef, ...]]:
    """The relative claim IRIs (``id/claim/…``) of each fact, as a build with ``registry`` makes them.

    The municipality is looked up as the build does ("helsingfors" → Helsinki), in the list the
    ``KGPUB_MUNICIPALITIES_PACKAGE`` setting names; if it cannot be, no claim is named (the decision
    still applies: the build matches its ``kgp:factKey``)."""
    try:
        reference = load_reference(Settings.from_env().municipalities_package)
        meta = resolve_sources([Source(meta, "")], reference)[0].meta
    except KgpubError:
        return {}
    base = "http://kgpub.invalid/review-base/"
    scratch = Registry(dict(registry)) if registry is not None else Registry()
    found = fact_claims(extraction, meta, Local(base), scratch)
    return {key: tuple(URIRef(str(c).removeprefix(base)) for c in iris) for key, iris in found.items()}


def _decision(
    graph: Graph,
    prefix: str,
    activity: URIRef,
    numbered: Numbered,
    verdict: Decision,
    claims: Iterable[URIRef] = (),
) -> None:
    """One verdict: what it decides about, by digest and by IRI; nothing the source graph says again."""
    fact = numbered.fact
    ev = fact.evidence
    node = URIRef(f"{prefix}-decision-{numbered.number}")
    graph.add((node, RDF.type, KGP.ReviewDecision))
    graph.add((node, KGP.decision, Literal(_VERDICT[verdict])))
    graph.add((node, PROV.wasGeneratedBy, activity))
    graph.add((node, RDFS.label, Literal(numbered.summary)))
    graph.add((node, KGP.factType, Literal(numbered.type)))
    graph.add((node, KGP.extractionRule, Literal(fact.rule)))
    graph.add((node, KGP.factKey, Literal(fact_digest(numbered))))
    graph.add((node, KGP.aboutEvidence, URIRef(f"source/{ev.source}#char={ev.start},{ev.end}")))
    for claim in claims:
        graph.add((node, KGP.aboutClaim, claim))


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


def fact_digest(numbered: Numbered) -> str:
    """The SHA-256 of :func:`fact_key`: what a decision stores (``kgp:factKey``) to name its fact."""
    return hashlib.sha256(fact_key(numbered).encode("utf-8")).hexdigest()


def read_decisions(path: Path) -> dict[str, str]:
    """The latest verdict ("confirmed"/"rejected") for each fact a review file decides on, by
    :func:`fact_digest`; undone decisions (``prov:wasInvalidatedBy``) are left out."""
    if not path.is_file():
        return {}
    graph = _load(path)
    found: list[tuple[str, int, str, str]] = []
    for node in graph.subjects(RDF.type, KGP.ReviewDecision):
        if (node, PROV.wasInvalidatedBy, None) in graph:
            continue  # undone (record_undo)
        key = graph.value(node, KGP.factKey)
        verdict = graph.value(node, KGP.decision)
        if key is None or verdict is None:
            raise CurationError(f"{path}: decision {node} lacks its fact (kgp:factKey) or its verdict")
        session = _session_number(str(node).partition("#")[2])
        found.append((_when(graph, node), session, str(key), str(verdict)))
    return {key: verdict for _, _, key, verdict in sorted(found)}


def apply_decisions(extraction: Extraction, curation_dir: Path) -> Extraction:
    """The extraction without the facts a reviewer rejected (and without facts about rejected bodies);
    a confirmed fact keeps its rule but gets confidence 1, as a curated fact has."""
    decisions = read_decisions(review_path(curation_dir, extraction.source))
    verdicts = {id(n.fact): decisions.get(fact_digest(n)) for n in numbered_facts(extraction)}
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


# --- the browser's review: corrections, additions, undo ----------------------------------------------
#
# Kept in the same ``review-<source-id>.ttl`` as the decisions, each in its own ``prov:Activity``
# (who, when): a ``kgp:ReviewCorrection`` renames or re-kinds a body as extracted (``kgp:bodyName``
# the name the extractor gave it), a ``kgp:ReviewAddition`` states a body the extractor missed, its
# evidence the span a curator selected (``kgp:span`` the RFC 5147 ``<source/ID#char=a,b>``, the span
# itself never re-described here; ``kgp:quote`` the text it had). An undo marks an earlier entry
# ``prov:wasInvalidatedBy`` the undoing activity: nothing is deleted, and an undone entry is ignored.

#: Serialises the read-modify-write of review files within one server process (waitress threads).
WRITE_LOCK = threading.Lock()
MAX_NAME = 200
MAX_QUOTE = 2000
_SPAN = re.compile(r"source/([a-z0-9][a-z0-9-]*)#char=(\d+),(\d+)$")


@dataclass(frozen=True)
class Entry:
    """One recorded review entry, for showing the history: what, about what, who, when, undone or not."""

    fragment: str  # "session-3-decision-5": what an undo names
    what: str  # confirmed | rejected | corrected | added
    label: str
    who: str
    when: str
    undone: bool


def _clean_name(value: str, what: str) -> str:
    name = " ".join(value.split())
    if not name or len(name) > MAX_NAME or _CONTROL.search(name):
        raise CurationError(f"review: the {what} must be 1–{MAX_NAME} printable characters")
    return name


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise CurationError(f"review: kind {kind!r} is not one of {', '.join(KINDS)}")
    return kind


def _activity(graph: Graph, source_id: str, reviewer: str, when: datetime | None, what: str) -> URIRef:
    """A new review session (prov:Activity) in the file's graph, numbered like the decision sessions."""
    if not reviewer.strip():
        raise CurationError("review: say who reviewed (a name or handle)")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", source_id):
        raise CurationError(f"review: source id {source_id!r} cannot name a curation file")
    when = (when or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    doc = URIRef(f"curation/review-{source_id}")
    session = sum(1 for _ in graph.subjects(RDF.type, PROV.Activity)) + 1
    activity = URIRef(f"{doc}#session-{session}")
    agent = _describe_file(graph, doc, source_id, reviewer, when)
    graph.add((activity, RDF.type, PROV.Activity))
    graph.add(
        (activity, RDFS.label, Literal(f"review session {session} of source {source_id}: {what}", lang="en"))
    )
    graph.add((activity, PROV.used, URIRef(f"source/{source_id}")))
    graph.add((activity, PROV.wasAssociatedWith, agent))
    graph.add((activity, PROV.endedAtTime, Literal(when.isoformat(), datatype=XSD.dateTime)))
    graph.add((doc, PROV.wasGeneratedBy, activity))
    return activity


def _save(graph: Graph, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".ttl.tmp")
    tmp.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    tmp.replace(path)
    return path


def record_correction(
    extraction: Extraction,
    number: int,
    curation_dir: Path,
    *,
    reviewer: str,
    name: str | None = None,
    kind: str | None = None,
    when: datetime | None = None,
) -> Path:
    """Record that body fact ``number`` is really called ``name`` and/or is of ``kind``."""
    facts = {n.number: n for n in numbered_facts(extraction)}
    _check_numbers({number: "confirm"}, len(facts))
    body = facts[number].fact
    if not isinstance(body, Body):
        raise CurationError(
            f"review: fact {number} is a {facts[number].type}: only a body's name or kind is corrected"
        )
    new_name = _clean_name(name, "name") if name is not None and name.strip() else body.name
    new_kind = _check_kind(kind) if kind else body.kind
    if (new_name, new_kind) == (body.name, body.kind):
        raise CurationError(
            f"review: fact {number} already says {body.name!r} ({body.kind}): nothing to correct"
        )
    path = review_path(curation_dir, extraction.source)
    graph = _load(path)
    activity = _activity(graph, extraction.source, reviewer, when, f"correct {body.name!r}")
    node = URIRef(f"{activity}-correction")
    graph.add((node, RDF.type, KGP.ReviewCorrection))
    graph.add((node, PROV.wasGeneratedBy, activity))
    graph.add((node, KGP.bodyName, Literal(body.name)))
    if new_name != body.name:
        graph.add((node, KGP.correctedName, Literal(new_name)))
    if new_kind != body.kind:
        graph.add((node, KGP.correctedKind, Literal(new_kind)))
    graph.add((node, RDFS.label, Literal(f"{body.name} ({body.kind}) → {new_name} ({new_kind})")))
    return _save(graph, path)


def record_addition(
    source: Source,
    curation_dir: Path,
    *,
    start: int,
    end: int,
    quote: str,
    name: str,
    kind: str,
    parent: str | None = None,
    reviewer: str,
    when: datetime | None = None,
) -> Path:
    """Record a body the extractor missed, stated by characters ``start``–``end`` of the source text
    (Unicode code points, as every evidence span); ``quote`` must be exactly those characters."""
    text = source.text
    if not 0 <= start < end <= len(text) or end - start > MAX_QUOTE:
        raise CurationError(
            f"review: characters {start}–{end} are not a span of 1–{MAX_QUOTE} characters of "
            f"{source.meta.id}'s text ({len(text)} characters)"
        )
    if text[start:end] != quote:
        raise CurationError(
            f"review: characters {start}–{end} of {source.meta.id}'s text.txt read {text[start:end][:80]!r}, "
            f"not the selected {quote[:80]!r}: reload the page and select again"
        )
    name = _clean_name(name, "name")
    _check_kind(kind)
    parent = _clean_name(parent, "parent's name") if parent and parent.strip() else None
    path = review_path(curation_dir, source.meta.id)
    graph = _load(path)
    activity = _activity(graph, source.meta.id, reviewer, when, f"add {name!r}")
    node = URIRef(f"{activity}-addition")
    graph.add((node, RDF.type, KGP.ReviewAddition))
    graph.add((node, PROV.wasGeneratedBy, activity))
    graph.add((node, KGP.bodyName, Literal(name)))
    graph.add((node, KGP.bodyKind, Literal(kind)))
    if parent:
        graph.add((node, KGP.parentName, Literal(parent)))
    graph.add((node, KGP.span, URIRef(f"source/{source.meta.id}#char={start},{end}")))
    graph.add((node, KGP.quote, Literal(quote)))
    graph.add((node, RDFS.label, Literal(f"{name} ({kind})" + (f" —part→ {parent}" if parent else ""))))
    return _save(graph, path)


def _entry_types() -> tuple[URIRef, ...]:
    return (KGP.ReviewDecision, KGP.ReviewCorrection, KGP.ReviewAddition)


def record_undo(
    source_id: str, fragment: str, curation_dir: Path, *, reviewer: str, when: datetime | None = None
) -> Path:
    """Undo the entry ``curation/review-<source_id>#<fragment>``: it stays, invalidated by a new activity."""
    path = review_path(curation_dir, source_id)
    graph = _load(path)
    node = URIRef(f"curation/review-{source_id}#{fragment}")
    if not any((node, RDF.type, t) in graph for t in _entry_types()):
        raise CurationError(f"review: {path} has no decision, correction or addition {fragment!r}")
    if (node, PROV.wasInvalidatedBy, None) in graph:
        raise CurationError(f"review: {fragment} has already been undone")
    activity = _activity(graph, source_id, reviewer, when, f"undo {fragment}")
    graph.add((node, PROV.wasInvalidatedBy, activity))
    return _save(graph, path)


def _when(graph: Graph, node: Any) -> str:
    activity = graph.value(node, PROV.wasGeneratedBy)
    return str(graph.value(activity, PROV.endedAtTime) or "") if activity is not None else ""


def history(curation_dir: Path, source_id: str) -> list[Entry]:
    """Every decision, correction and addition recorded for a source, newest first."""
    graph = _load(review_path(curation_dir, source_id))
    entries = []
    for kind in _entry_types():
        for node in graph.subjects(RDF.type, kind):
            activity = graph.value(node, PROV.wasGeneratedBy)
            agent = graph.value(activity, PROV.wasAssociatedWith) if activity is not None else None
            who = str(graph.value(agent, FOAF.name) or "") if agent is not None else ""
            if kind == KGP.ReviewDecision:
                what = str(graph.value(node, KGP.decision) or "")
                label = graph.value(node, RDFS.label)
            else:
                what = "corrected" if kind == KGP.ReviewCorrection else "added"
                label = graph.value(node, RDFS.label)
            entries.append(
                Entry(
                    fragment=str(node).partition("#")[2],
                    what=what,
                    label=str(label or node),
                    who=who,
                    when=_when(graph, node),
                    undone=(node, PROV.wasInvalidatedBy, None) in graph,
                )
            )
    return sorted(entries, key=lambda e: (e.when, _session_number(e.fragment)), reverse=True)


def _session_number(fragment: str) -> int:
    match = re.match(r"session-(\d+)", fragment)
    return int(match.group(1)) if match else 0


def apply_edits(extraction: Extraction, text: str, curation_dir: Path) -> Extraction:
    """The extraction with the curators' corrections and additions (those not undone), oldest first.

    A correction of a body the extraction no longer has, or an addition of a body it already has, is
    skipped with a warning; an addition whose span no longer reads its quote (the text changed) is an
    error naming the review file — the curator undoes it and selects again."""
    path = review_path(curation_dir, extraction.source)
    graph = _load(path)
    live = [
        (_when(graph, node), _session_number(str(node).partition("#")[2]), node)
        for kind in (KGP.ReviewCorrection, KGP.ReviewAddition)
        for node in graph.subjects(RDF.type, kind)
        if (node, PROV.wasInvalidatedBy, None) not in graph
    ]
    if not live:
        return extraction
    bodies, part_of = list(extraction.bodies), list(extraction.part_of)
    heads, duties, sites = list(extraction.heads), list(extraction.duties), list(extraction.sites)
    warnings = list(extraction.warnings)
    for _, _, node in sorted(live):
        name = str(graph.value(node, KGP.bodyName) or "")
        names = [b.name for b in bodies]
        if (node, RDF.type, KGP.ReviewCorrection) in graph:
            if name not in names:
                warnings.append(f"review: {path.name}: no body {name!r} to correct any more")
                continue
            new_name = str(graph.value(node, KGP.correctedName) or name)
            new_kind = graph.value(node, KGP.correctedKind)

            def rn(value: str, old: str = name, new: str = new_name) -> str:
                return new if value == old else value

            bodies = [
                dataclasses.replace(b, name=new_name, kind=str(new_kind or b.kind), confidence=1.0)
                if b.name == name
                else b
                for b in bodies
            ]
            part_of = [dataclasses.replace(p, child=rn(p.child), parent=rn(p.parent)) for p in part_of]
            heads = [dataclasses.replace(h, org=rn(h.org)) for h in heads]
            duties = [dataclasses.replace(d, org=rn(d.org)) for d in duties]
            sites = [dataclasses.replace(s, org=rn(s.org)) for s in sites]
            continue
        span = _SPAN.search(str(graph.value(node, KGP.span) or ""))
        quote = str(graph.value(node, KGP.quote) or "")
        if span is None or span.group(1) != extraction.source:
            raise CurationError(f"{path}: addition {node} has no span of source {extraction.source}")
        start, end = int(span.group(2)), int(span.group(3))
        if text[start:end] != quote:
            raise CurationError(
                f"{path}: addition {name!r}: characters {start}–{end} of the source text no longer read "
                f"{quote[:60]!r}; undo it in /review and select the text again"
            )
        if name in names:
            warnings.append(f"review: {path.name}: {name!r} is already a body; addition skipped")
            continue
        evidence = Evidence(extraction.source, start, end, quote)
        kind = str(graph.value(node, KGP.bodyKind) or "other")
        bodies.append(Body(name, kind, evidence, lang=extraction.lang, rule="review", confidence=1.0))
        parent = graph.value(node, KGP.parentName)
        if parent is not None and str(parent) in names:
            part_of.append(PartOf(name, str(parent), "part", evidence, rule="review", confidence=1.0))
        elif parent is not None:
            warnings.append(f"review: {path.name}: no body {str(parent)!r} to put {name!r} under")
    return dataclasses.replace(
        extraction,
        bodies=tuple(bodies),
        part_of=tuple(part_of),
        heads=tuple(heads),
        duties=tuple(duties),
        sites=tuple(sites),
        warnings=tuple(warnings),
    )


def verdicts(extraction: Extraction, curation_dir: Path) -> dict[int, str]:
    """Fact number → its latest verdict not undone ("confirmed"/"rejected"), for showing a review."""
    decided = read_decisions(review_path(curation_dir, extraction.source))
    return {n.number: decided[key] for n in numbered_facts(extraction) if (key := fact_digest(n)) in decided}
