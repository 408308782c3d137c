"""Facts → RDF: the named graph of one source (pure; no I/O).

Modelling (DESIGN §2, research/org-modelling.md §5–6):

* a municipality is the ``org:FormalOrganization`` of the curation files (``id/org/<municipality>``);
  every other body is an ``org:Organization`` (elected bodies) or ``org:OrganizationalUnit`` (offices
  and their parts), ``cpov:PublicOrganisation`` where it is a public body in its own right;
* "part of" / "subordinate to" is ``org:subOrganizationOf`` (plus ``org:unitOf`` only when the parent
  is the municipality — never ``org:hasUnit``, whose domain would make the parent a legal person);
* "toimii <post>:n alaisuudessa" is ``unit org:reportsTo post`` AND ``unit org:subOrganizationOf``
  the body that post heads: the post is where the line of command goes, the body keeps the tree whole
  for ``org:transitiveSubOrganizationOf`` queries;
* a grouping ("Yleishallinto tarkoittaa valtuustoa, …") is ``kgp:groupedIn``, not hierarchy;
* a head is an ``org:Post`` (title, ``org:postIn``, ``org:role org:Head``, ``org:heldBy``) plus
  ``person org:headOf body``; a duty is a ``kgp:DutyStatement`` (verbatim) plus ``org:purpose``
  concepts; a site is an ``org:Site`` with a vCard location.

Every asserted fact gets a ``kgp:Claim`` (a reified ``rdf:Statement``) derived from the evidence IRI
``<base>source/<id>#char=a,b`` (RFC 5147) — an ``oa:SpecificResource`` with position and quote selectors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from rdflib import BNode, Graph, Literal, URIRef

from .config import Settings
from .duties import concept_label
from .iris import Key, Registry, claim_slug, normalise_name, slugify
from .model import KINDS, Body, Duty, Evidence, Extraction, Head, PartOf, Site
from .namespaces import CPOV, DCTERMS, FOAF, OA, ORG, PROV, RDF, SKOS, VCARD, XSD, Local, bind_prefixes
from .sources import SourceMeta

UNIT_KINDS = frozenset({"agency", "department", "unit", "team", "service_area", "enterprise"})
PUBLIC_KINDS = frozenset(
    {"municipality", "council", "board", "committee", "division", "agency", "enterprise"}
)
#: Kinds whose names repeat under different parents ("hallinto-osasto"): their IRIs are scoped by parent.
SCOPED_KINDS = frozenset({"department", "unit", "team", "service_area"})
HIERARCHY = ("part", "subordinate", "reports_to")
GENERIC_MUNICIPALITY = frozenset(
    {"kaupunki", "kunta", "stad", "staden", "kommun", "kommunen", "city", "municipality", "town"}
)
#: How a page of a publisher that is not a municipality calls its publisher ("Kuntayhtymän ylintä
#: päätösvaltaa käyttää valtuusto"): only for such publishers (meta.toml [organisation]).
GENERIC_ORGANISATION = frozenset(
    {
        "kuntayhtymä",
        "yhtymä",
        "samkommun",
        "samkommunen",
        "hyvinvointialue",
        "välfärdsområde",
        "välfärdsområdet",
        "ministeriö",
        "ministeriet",
        "virasto",
        "ämbetsverket",
        "wellbeing services county",
        "joint authority",
        "ministry",
        "agency",
    }
)
CONCEPT_MIN = 3
#: Kinds a page names as organs of its owner: with no parent stated, they belong to the owner.
TOP_LEVEL_KINDS = frozenset({"council", "board", "committee", "division", "agency"})
#: An agency belongs to the owner only when it is its central office: "Helsingin oikeusaputoimisto"
#: (a state legal-aid office) is named on a city's page, but is not the city's.
OWN_AGENCY = re.compile(r"kanslia|kansli\b|kansliet|ämbetsverk|virasto|executive office|administration", re.I)
TOP_LEVEL_RULE = "part.top-level"
TOP_LEVEL_CONFIDENCE = 0.6
SOLE_DIVISION_KINDS = frozenset({"service_area", "department", "unit"})
SOLE_DIVISION_RULE = "part.sole-division"
SOLE_DIVISION_CONFIDENCE = 0.5
#: The label of a head post the text names no title for ("is headed by Anna Smith").
_HEAD_LABEL = {"fi": "johtaja", "sv": "chef", "en": "head"}


class Fact(Protocol):
    @property
    def evidence(self) -> Evidence: ...
    @property
    def rule(self) -> str: ...
    @property
    def confidence(self) -> float: ...


def municipality_iri(local: Local, municipality: str) -> URIRef:
    """``Helsinki`` → ``<base>id/org/helsinki`` (the IRI the curation files describe)."""
    return local.ID[f"org/{slugify(municipality)}"]


def evidence_iri(local: Local, ev: Evidence) -> URIRef:
    return URIRef(f"{local.SOURCE[ev.source]}#char={ev.start},{ev.end}")


def add_claim(
    graph: Graph,
    local: Local,
    triple: tuple[URIRef, URIRef, URIRef | Literal],
    derived_from: URIRef,
    *,
    scope: str,
    rule: str,
    confidence: float,
    span: str = "",
) -> URIRef:
    """Reify ``triple`` as a kgp:Claim derived from ``derived_from``; the claim IRI hashes its content."""
    s, p, o = triple
    rel = [str(t).removeprefix(local.base) for t in (s, p, o)]
    lang = (o.language or "") if isinstance(o, Literal) else ""
    claim = local.ID[f"claim/{claim_slug(scope, *rel, lang, span)}"]
    kgp = local.KGP
    graph.add((claim, RDF.type, kgp.Claim))
    graph.add((claim, RDF.type, RDF.Statement))
    graph.add((claim, RDF.subject, s))
    graph.add((claim, RDF.predicate, p))
    graph.add((claim, RDF.object, o))
    graph.add((claim, PROV.wasDerivedFrom, derived_from))
    graph.add((claim, kgp.rule, Literal(rule)))
    graph.add((claim, kgp.confidence, Literal(Decimal(str(round(confidence, 3))), datatype=XSD.decimal)))
    return claim


def duty_phrases(text: str) -> list[str]:
    """Split a duty statement into duty phrases at commas, semicolons and "sekä"; a coordinated
    compound group ("elinkeino-, innovaatio- ja kilpailukykypolitiikasta") stays one phrase."""
    text = re.sub(r"^\s*(?:mm\.|muun muassa)\s+", "", text.strip())
    protected = re.sub(r"(\w-),\s+(?=\w)", "\\1\x00", text)  # "elinkeino-, innovaatio-" is one group
    phrases: list[str] = []
    for part in re.split(r"\s*[,;]\s*|\s+sekä\s+|\s*•\s*", protected):
        phrase = " ".join(part.replace("\x00", ", ").split()).strip(" .:")
        if len(phrase) >= CONCEPT_MIN and phrase.casefold() not in (p.casefold() for p in phrases):
            phrases.append(phrase)
    return phrases


def _phone_iri(phone: str) -> URIRef | None:
    """A Finnish phone number as an E.164 ``tel:`` IRI ("029 5660 120" → tel:+358295660120)."""
    digits = re.sub(r"[\s().-]", "", phone)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+358" + digits[1:]
    return URIRef(f"tel:{digits}") if re.fullmatch(r"\+[0-9]{6,15}", digits) else None


@dataclass
class _Builder:
    """Turns one Extraction into one graph; keeps the name → IRI bookkeeping of that source."""

    extraction: Extraction
    meta: SourceMeta
    local: Local
    registry: Registry

    def __post_init__(self) -> None:
        self.graph = bind_prefixes(Graph(), self.local)
        org = self.meta.organisation
        other = org is not None and org.kind != "municipality"
        self.generic = GENERIC_MUNICIPALITY | GENERIC_ORGANISATION if other else GENERIC_MUNICIPALITY
        self.scope = slugify(self.meta.owner)
        # the owner's own slug is its scope (the IRI the municipality list or meta.toml describes)
        self.registry.reserve(Key(self.scope, "org", _norm(self.meta.owner)), self.scope)
        self.lang = self.extraction.lang if self.extraction.lang in ("fi", "sv", "en") else "fi"
        self.bodies: dict[str, Body] = {}
        for body in self.extraction.bodies:
            for name in (body.name, *body.aliases):
                self.bodies.setdefault(_norm(name), body)
        self.parents = {
            _norm(p.child): _norm(p.parent)
            for p in reversed(self.extraction.part_of)
            if p.relation in HIERARCHY
        }
        self.org_slugs: dict[str, str] = {}
        self.evidence_done: set[URIRef] = set()
        #: the claims each extracted fact made (by ``id(fact)``), for review decisions to name
        self.claims: dict[int, list[URIRef]] = {}

    # -- IRIs ----------------------------------------------------------------------------------------

    def is_municipality(self, name: str) -> bool:
        """The source's own municipality: "kaupunki", "Helsingin kaupunki", "City of Helsinki",
        "Helsingfors stad", "Helsinki" (the first four letters of a word match the municipality)."""
        body = self.bodies.get(_norm(name))
        words = _norm(name).split()
        named = any(slugify(w)[:4] == self.scope[:4] for w in words) and len(words) <= 3
        generic = any(w in self.generic for w in words)
        own = named and (generic or slugify(name) == self.scope)
        return _norm(name) in self.generic or (own and (body is None or body.kind == "municipality"))

    def kind_of(self, name: str) -> str:
        body = self.bodies.get(_norm(name))
        if body is None or _norm(name) in self.generic:  # "kuntayhtymä" on its own page is its owner
            return "municipality" if self.is_municipality(name) else "other"
        return body.kind if body.kind in KINDS else "other"

    def canonical(self, name: str) -> str:
        body = self.bodies.get(_norm(name))
        return _norm(body.name) if body else _norm(name)

    def org_slug(self, name: str, seen: frozenset[str] = frozenset()) -> str:
        name = self.canonical(name)
        if self.is_municipality(name) and self.kind_of(name) == "municipality":
            return self.scope
        if name not in self.org_slugs:
            parent = ""
            above = self.parents.get(name)
            if self.kind_of(name) in SCOPED_KINDS and above and self.canonical(above) not in seen | {name}:
                parent = self.org_slug(above, seen | {name})
            elif self.kind_of(name) in SCOPED_KINDS and not above:
                known = self.registry.with_name(self.scope, "org", name)  # named here without its parent:
                parent = known[0].parent if len(known) == 1 else ""  # the one registered body, if unambiguous
            self.org_slugs[name] = self.registry.slug(Key(self.scope, "org", name, parent))
        return self.org_slugs[name]

    def org(self, name: str) -> URIRef:
        return self.local.ID[f"org/{self.org_slug(name)}"]

    def thing(self, kind: str, name: str, parent: str = "") -> URIRef:
        return self.local.ID[f"{kind}/{self.registry.slug(Key(self.scope, kind, _norm(name), parent))}"]

    # -- facts ---------------------------------------------------------------------------------------

    def fact(self, s: URIRef, p: URIRef, o: URIRef | Literal, f: Fact) -> None:
        self.graph.add((s, p, o))
        ev = f.evidence
        ev_iri = evidence_iri(self.local, ev)
        span = f"{ev.start},{ev.end}"
        triple = (s, p, o)
        claim = add_claim(
            self.graph,
            self.local,
            triple,
            ev_iri,
            scope=ev.source,
            rule=f.rule,
            confidence=f.confidence,
            span=span,
        )
        self.claims.setdefault(id(f), []).append(claim)
        if ev_iri not in self.evidence_done:
            self.evidence_done.add(ev_iri)
            self.add_evidence(ev_iri, ev)

    def add_evidence(self, iri: URIRef, ev: Evidence) -> None:
        g, position, quote = self.graph, BNode(), BNode()
        g.add((iri, RDF.type, OA.SpecificResource))
        g.add((iri, OA.hasSource, self.local.SOURCE[ev.source]))
        g.add((iri, OA.hasSelector, position))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, OA.start, Literal(ev.start, datatype=XSD.nonNegativeInteger)))
        g.add((position, OA.end, Literal(ev.end, datatype=XSD.nonNegativeInteger)))
        g.add((iri, OA.hasSelector, quote))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(ev.quote)))

    def body(self, body: Body) -> None:
        iri, kind = self.org(body.name), self.kind_of(body.name)
        g = self.graph
        if kind == "municipality" and self.is_municipality(body.name):
            g.add((iri, RDF.type, ORG.FormalOrganization))  # names from the municipality list or meta.toml
            if self.generic is not GENERIC_MUNICIPALITY:
                return  # a publisher that is not a municipality: its kind is meta.toml's
        else:
            g.add((iri, RDF.type, ORG.OrganizationalUnit if kind in UNIT_KINDS else ORG.Organization))
            label = Literal(body.name, lang=body.lang if body.lang in ("fi", "sv", "en") else self.lang)
            self.fact(iri, SKOS.prefLabel, label, body)
            for alias in body.aliases:
                if _norm(alias) != _norm(body.name):
                    self.fact(iri, SKOS.altLabel, Literal(alias, lang=label.language), body)
        if kind in PUBLIC_KINDS:
            g.add((iri, RDF.type, CPOV.PublicOrganisation))
        self.fact(iri, ORG.classification, self.local.KIND[kind], body)

    def implicit_bodies(self) -> None:
        """Names used by relations, heads, duties or sites that the body list lacks still need a type."""
        x = self.extraction
        mentions: list[tuple[str, Fact]] = []
        for p in x.part_of:
            mentions += [(p.child, p), (p.parent, p)]
        owned: tuple[Head | Duty | Site, ...] = (*x.heads, *x.duties, *x.sites)
        mentions += [(f.org, f) for f in owned]
        for name, fact in mentions:
            if _norm(name) not in self.bodies:
                kind = "municipality" if self.is_municipality(name) else "other"
                body = Body(
                    name, kind, fact.evidence, lang=self.lang, rule=fact.rule, confidence=fact.confidence
                )
                self.bodies[_norm(name)] = body
                self.body(body)

    def post(self, org_name: str, title: str, f: Fact) -> URIRef:
        org_iri = self.org(org_name)
        title = title or _HEAD_LABEL[self.lang]  # "Sektorn leds av Anna Berg": the text gives no title
        post = self.thing("post", title, self.org_slug(org_name))
        self.graph.add((post, RDF.type, ORG.Post))
        self.fact(post, SKOS.prefLabel, Literal(title, lang=self.lang), f)
        self.fact(post, ORG.postIn, org_iri, f)
        self.fact(post, ORG.role, ORG.Head, f)
        return post

    def relations(self) -> None:
        for p in self.extraction.part_of:
            child, parent = self.org(p.child), self.org(p.parent)
            if child == parent:
                continue
            if p.relation == "grouping":
                self.fact(child, self.local.KGP.groupedIn, parent, p)
                continue
            if p.relation == "reports_to" and p.via_post:
                self.fact(child, ORG.reportsTo, self.post(p.parent, p.via_post, p), p)
            self.fact(child, ORG.subOrganizationOf, parent, p)
            if self.kind_of(p.child) in UNIT_KINDS and self.org_slug(p.parent) == self.scope:
                self.fact(child, ORG.unitOf, parent, p)

    def top_level(self) -> None:
        """An organ or office the text names with no parent (council, board, committee, division,
        agency) belongs to the source's owner — the municipality, or the organisation of meta.toml:
        that is what such a name means on the owner's own page. Its evidence is the sentence naming
        it; a lower confidence says the parent was inferred, not stated."""
        placed = {self.canonical(p.child) for p in self.extraction.part_of if p.relation in HIERARCHY}
        owner = self.local.ID[f"org/{self.scope}"]
        for body in self.extraction.bodies:
            name = self.canonical(body.name)
            kind = self.kind_of(body.name)
            if kind not in TOP_LEVEL_KINDS or name in placed or self.org_slug(body.name) == self.scope:
                continue
            if kind == "agency" and not OWN_AGENCY.search(body.name):
                continue
            placed.add(name)
            attach = PartOf(
                body.name,
                self.meta.owner,
                "part",
                body.evidence,
                rule=TOP_LEVEL_RULE,
                confidence=TOP_LEVEL_CONFIDENCE,
            )
            child = self.org(body.name)
            self.fact(child, ORG.subOrganizationOf, owner, attach)
            if kind in UNIT_KINDS:
                self.fact(child, ORG.unitOf, owner, attach)
        # A page naming one division (a toimiala's own page: "Sivistyksen toimiala … Varhaiskasvatus:
        # palvelujohtajat …") places the service areas, departments and units it names without a parent
        # in that division.
        divisions = {
            self.canonical(b.name): b for b in self.extraction.bodies if self.kind_of(b.name) == "division"
        }
        if len(divisions) != 1:
            return
        (division,) = divisions.values()
        for body in self.extraction.bodies:
            name = self.canonical(body.name)
            if self.kind_of(body.name) not in SOLE_DIVISION_KINDS or name in placed:
                continue
            placed.add(name)
            attach = PartOf(
                body.name,
                division.name,
                "part",
                body.evidence,
                rule=SOLE_DIVISION_RULE,
                confidence=SOLE_DIVISION_CONFIDENCE,
            )
            self.fact(self.org(body.name), ORG.subOrganizationOf, self.org(division.name), attach)

    def heads(self) -> None:
        named_together: dict[tuple[str, Evidence], set[str]] = {}
        for h in self.extraction.heads:
            post = self.post(h.org, h.title, h)
            if h.person:
                person = self.thing("person", h.person)
                self.graph.add((person, RDF.type, FOAF.Person))
                self.fact(person, FOAF.name, Literal(h.person), h)
                self.fact(post, ORG.heldBy, person, h)
                self.fact(person, ORG.headOf, self.org(h.org), h)
                named_together.setdefault((self.org_slug(h.org), h.evidence), set()).add(h.person)
        # One sentence naming several heads of a body ("palvelujohtajat A ja B") says it has several.
        for h in self.extraction.heads:
            if h.person and len(named_together.get((self.org_slug(h.org), h.evidence), ())) > 1:
                self.fact(self.org(h.org), self.local.KGP.multipleHeads, Literal(True), h)

    def duties(self) -> None:
        g, kgp = self.graph, self.local.KGP
        for d in self.extraction.duties:
            org_iri = self.org(d.org)
            statement = self.thing("duty", d.text, self.org_slug(d.org))
            g.add((statement, RDF.type, kgp.DutyStatement))
            g.add((statement, RDF.value, Literal(d.text, lang=self.lang)))
            self.fact(org_iri, kgp.dutyStatement, statement, d)
            for phrase in duty_phrases(d.text):
                # the concept is the phrase's base form (duties.py): sources naming one duty in
                # different cases meet in one concept; the statement keeps the text as written
                label = concept_label(phrase, self.lang)
                concept = self.local.DUTY[slugify(label)]
                g.add((concept, RDF.type, SKOS.Concept))
                g.add((concept, SKOS.inScheme, self.local.DUTY["scheme"]))
                g.add((concept, SKOS.prefLabel, Literal(label, lang=self.lang)))
                g.add((statement, kgp.dutyConcept, concept))
                self.fact(org_iri, ORG.purpose, concept, d)

    def sites(self) -> None:
        g = self.graph
        for s in self.extraction.sites:
            if not (s.address or s.phone):
                continue
            site = self.thing("site", s.address or s.phone or "")
            location = URIRef(f"{site}#location")
            g.add((site, RDF.type, ORG.Site))
            self.fact(self.org(s.org), ORG.hasSite, site, s)
            g.add((site, ORG.siteAddress, location))
            g.add((location, RDF.type, VCARD.Location))
            if s.address:
                address = URIRef(f"{site}#address")
                g.add((location, VCARD.hasAddress, address))
                g.add((address, RDF.type, VCARD.Address))
                g.add((address, VCARD["street-address"], Literal(s.address)))
            if s.phone:
                phone = URIRef(f"{site}#phone")
                g.add((location, VCARD.hasTelephone, phone))
                g.add((phone, RDF.type, VCARD.Voice))
                g.add((phone, VCARD.hasValue, _phone_iri(s.phone) or Literal(s.phone)))


def _norm(name: str) -> str:
    """Names are compared (and registered) in the registry's one comparison form."""
    return normalise_name(name)


def source_graph(extraction: Extraction, meta: SourceMeta, local: Local, registry: Registry) -> Graph:
    """The named graph of one source: its facts, their claims and evidence (no curation, no inference).

    Mints new slugs into ``registry`` (the caller saves it); never reads or writes files.
    """
    return _build(extraction, meta, local, registry).graph


def _build(extraction: Extraction, meta: SourceMeta, local: Local, registry: Registry) -> _Builder:
    builder = _Builder(extraction, meta, local, registry)
    for body in extraction.bodies:
        builder.body(body)
    builder.implicit_bodies()
    builder.relations()
    builder.top_level()
    builder.heads()
    builder.duties()
    builder.sites()
    return builder


def fact_claims(
    extraction: Extraction, meta: SourceMeta, local: Local, registry: Registry
) -> dict[int, tuple[URIRef, ...]]:
    """The claim IRIs each fact of ``extraction`` makes (keyed by ``id(fact)``): what a review
    decision names, so that it refers to the published claims instead of describing the fact again.

    Mints slugs into ``registry`` like :func:`source_graph` (pass a copy to keep nothing)."""
    claims = _build(extraction, meta, local, registry).claims
    return {key: tuple(dict.fromkeys(iris)) for key, iris in claims.items()}


def source_document_graph(meta: SourceMeta, local: Local, unknown_rights: str | None = None) -> Graph:
    """Dublin Core / PROV description of the source text itself (``<base>source/<id>``).

    ``unknown_rights`` (``Settings.unknown_licence_rights``) is the ``dct:rights`` of a text whose
    licence is unknown: a reuser then reads on what terms kgpub holds it, not nothing."""
    g = bind_prefixes(Graph(), local)
    doc = local.SOURCE[meta.id]
    lang = meta.language if meta.language in ("fi", "sv", "en") else None
    g.add((doc, RDF.type, FOAF.Document))
    g.add((doc, RDF.type, PROV.Entity))
    g.add((doc, DCTERMS.identifier, Literal(meta.id)))
    g.add((doc, DCTERMS.title, Literal(meta.title, lang=lang)))
    g.add((doc, DCTERMS["format"], Literal("text/plain; charset=utf-8")))
    publisher = BNode()
    g.add((doc, DCTERMS.publisher, publisher))
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, FOAF.name, Literal(meta.publisher)))
    if lang:
        g.add((doc, DCTERMS.language, Literal(lang, datatype=XSD.language)))
    if meta.municipality != "unknown":
        g.add((doc, DCTERMS.spatial, municipality_iri(local, meta.municipality)))
    if meta.retrieved != "unknown":
        g.add((doc, DCTERMS.date, Literal(meta.retrieved, datatype=XSD.date)))  # the retrieval date
    if meta.licence.startswith(("http://", "https://")):
        g.add((doc, DCTERMS.license, URIRef(meta.licence)))
    elif meta.licence != "unknown":
        g.add((doc, DCTERMS.rights, Literal(meta.licence)))
    elif unknown_rights:
        g.add((doc, DCTERMS.rights, Literal(unknown_rights, lang="en")))
    if meta.url:
        g.add((doc, DCTERMS.source, URIRef(meta.url)))
        g.add((doc, PROV.wasDerivedFrom, URIRef(meta.url)))
    return g


def extraction_turtle(
    extraction: Extraction, meta: SourceMeta, settings: Settings, registry: Registry | None = None
) -> str:
    """Turtle for ``kgpub extract FILE --format ttl``: one text, no curation, no inference.

    Without a ``registry`` the slugs are minted afresh (and not kept).
    """
    local = Local(settings.base_iri)
    graph = source_graph(extraction, meta, local, registry if registry is not None else Registry())
    graph += source_document_graph(meta, local)
    bind_prefixes(graph, local)
    return graph.serialize(format="turtle")
