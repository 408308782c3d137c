"""Facts → RDF on hand-made extractions of the seed texts (real sentences, real offsets).

The ``*_extraction()`` helpers are also used by test_reason.py and test_validate.py: they stand in for
the extractor, stating only what a careful reader finds in each seed text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL

from kgpub.config import PROJECT_ROOT, Settings
from kgpub.iris import Registry
from kgpub.model import Body, Duty, Evidence, Extraction, Head, PartOf, Site
from kgpub.namespaces import DCTERMS, FOAF, OA, ORG, PROV, RDF, SKOS, VCARD, XSD, Local
from kgpub.rdf import duty_phrases, extraction_turtle, source_document_graph, source_graph
from kgpub.sources import Source, load_source

BASE = "https://example.org/"
LOCAL = Local(BASE)
SOURCES = PROJECT_ROOT / "data" / "sources"


def _quote(source: Source) -> Callable[..., Evidence]:
    def ev(quote: str, nth: int = 0) -> Evidence:
        start = -1
        for _ in range(nth + 1):
            start = source.text.index(quote, start + 1)
        return Evidence(source.meta.id, start, start + len(quote), quote)

    return ev


def kanslia_extraction() -> tuple[Source, Extraction]:
    """Seed 000 (Helsinki, kaupunginkanslia), a representative part of what it states."""
    src = load_source(SOURCES / "helsinki-kaupunginkanslia")
    ev = _quote(src)
    enum = ev(
        "Kaupunginkansliassa on kuusi osastoa: elinkeino-osasto, hallinto-osasto, henkilöstöosasto, "
        "strategiaosasto, talous- ja suunnitteluosasto ja viestintäosasto."
    )
    alainen = ev("Kaupunginkanslia on kaupunginhallituksen alainen virasto.")
    tarkastus = ev("Sisäinen tarkastus toimii kansliapäällikön alaisuudessa")
    tiimit = ev("osastoon kuuluu suoraan hallintojohtajan alaisuudessa toimivat erityisavustajatiimi")
    elinkeino = "kaupungin elinkeino-, innovaatio- ja kilpailukykypolitiikasta, yrittäjyyden edistämisestä sekä työllisyys- ja maahanmuuttoasioista"  # noqa: E501
    bodies = (
        Body("Helsingin kaupunki", "municipality", ev("Helsingin kaupungille"), aliases=("kaupunki",)),
        Body("kaupunginkanslia", "agency", alainen, aliases=("Helsingin kaupunginkanslia", "virasto")),
        Body("kaupunginhallitus", "board", alainen),
        Body("elinkeino-osasto", "department", enum),
        Body("hallinto-osasto", "department", enum),
        Body("sisäinen tarkastus", "unit", tarkastus),
        Body("erityisavustajatiimi", "team", tiimit),
        Body(
            "Helsingin oikeusaputoimisto", "agency", ev("Helsingin oikeusaputoimisto sijaitsee Salmisaaressa")
        ),
    )
    part_of = (
        PartOf("elinkeino-osasto", "kaupunginkanslia", "part", enum),
        PartOf("hallinto-osasto", "kaupunginkanslia", "part", enum),
        PartOf("kaupunginkanslia", "kaupunginhallitus", "subordinate", alainen),
        PartOf(
            "sisäinen tarkastus", "kaupunginkanslia", "reports_to", tarkastus, via_post="kansliapäällikkö"
        ),
        PartOf("erityisavustajatiimi", "hallinto-osasto", "part", tiimit),
    )
    heads = (
        Head(
            "kaupunginkanslia",
            "kansliapäällikkö",
            "Sami Sarvilinna",
            ev("Viraston päällikkönä on kansliapäällikkö Sami Sarvilinna."),
        ),
        Head(
            "elinkeino-osasto",
            "elinkeinojohtaja",
            "Marja-Leena Rinkineva",
            ev("Osastoa johtaa elinkeinojohtaja Marja-Leena Rinkineva."),
            rule="head.johtaa",
            confidence=0.95,
        ),
        Head(
            "hallinto-osasto",
            "hallintojohtaja",
            "Kirsi Remes",
            ev("Hallinto-osaston päällikkö on hallintojohtaja Kirsi Remes."),
        ),
        Head(
            "sisäinen tarkastus",
            "sisäisen tarkastuksen päällikkö",
            None,
            ev("sitä johtaa sisäisen tarkastuksen päällikkö"),
        ),
    )
    duties = (Duty("elinkeino-osasto", elinkeino, ev(elinkeino)),)
    sites = (
        Site(
            "Helsingin oikeusaputoimisto",
            ev("Porkkalankatu 13 G\nPuhelinnumero: 029 5660 120"),
            address="Porkkalankatu 13 G",
            phone="029 5660 120",
        ),
    )
    return src, Extraction(src.meta.id, "fi", bodies, part_of, heads, duties, sites)


def kalajoki_extraction() -> tuple[Source, Extraction]:
    """Seed 004 (Kalajoki, hallintopalvelut): service areas, and a grouping that is not hierarchy."""
    src = load_source(SOURCES / "kalajoki-hallintopalvelut")
    ev = _quote(src)
    koostuu = ev(
        "Hallintopalvelut koostuvat neljästä eri palvelualueesta; yleishallinnosta, henkilöstöohjauksesta, "
        "talousohjauksesta ja tietohallintopalveluista."
    )
    tarkoittaa = ev(
        "Yleishallinto tarkoittaa kaupunginvaltuustoa, kaupunginhallitusta, kaupunginjohtajaa ja "
        "kaupunginkansliaa."
    )
    jaosto = ev("kaupunginhallituksen henkilöstöjaoston päätettäväksi")
    bodies = (
        Body("Kalajoen kaupunki", "municipality", ev("kaupungin", 0), aliases=("kaupunki",)),
        Body("hallintopalvelut", "department", koostuu),
        Body("yleishallinto", "service_area", koostuu),
        Body("henkilöstöohjaus", "service_area", koostuu),
        Body("kaupunginvaltuusto", "council", tarkoittaa, aliases=("valtuusto",)),
        Body("kaupunginhallitus", "board", tarkoittaa, aliases=("hallitus",)),
        Body("kaupunginkanslia", "agency", tarkoittaa),
        Body("kaupunginhallituksen henkilöstöjaosto", "division", jaosto, aliases=("henkilöstöjaosto",)),
    )
    part_of = (
        PartOf("hallintopalvelut", "Kalajoen kaupunki", "part", koostuu),
        PartOf("yleishallinto", "hallintopalvelut", "part", koostuu),
        PartOf("henkilöstöohjaus", "hallintopalvelut", "part", koostuu),
        PartOf("kaupunginvaltuusto", "yleishallinto", "grouping", tarkoittaa),
        PartOf("kaupunginhallitus", "yleishallinto", "grouping", tarkoittaa),
        PartOf("kaupunginkanslia", "yleishallinto", "grouping", tarkoittaa),
        PartOf("kaupunginhallituksen henkilöstöjaosto", "kaupunginhallitus", "part", jaosto),
    )
    duty = "kaupungin hallinnosta ja taloudesta"
    duties = (Duty("kaupunginhallitus", duty, ev(duty)),)
    return src, Extraction(src.meta.id, "fi", bodies, part_of, duties=duties)


def uudistus_extraction() -> tuple[Source, Extraction]:
    """Seed 003 (Helsinki, governance reform): a jaosto and its chair."""
    src = load_source(SOURCES / "helsinki-johtamisen-uudistus")
    ev = _quote(src)
    signature = ev("Kaupunginhallituksen johtamisen jaoston puheenjohtaja Lasse Männistö")
    bodies = (
        Body("kaupunginhallitus", "board", signature),
        Body("kaupunginhallituksen johtamisen jaosto", "division", signature, aliases=("johtamisen jaosto",)),
    )
    part_of = (PartOf("kaupunginhallituksen johtamisen jaosto", "kaupunginhallitus", "part", signature),)
    heads = (Head("kaupunginhallituksen johtamisen jaosto", "puheenjohtaja", "Lasse Männistö", signature),)
    return src, Extraction(src.meta.id, "fi", bodies, part_of, heads)


def seed_graphs(registry: Registry | None = None, local: Local = LOCAL) -> dict[str, Graph]:
    """The three seed source graphs (with their source documents), by source id."""
    registry = registry if registry is not None else Registry()
    out = {}
    for make in (kanslia_extraction, kalajoki_extraction, uudistus_extraction):
        src, extraction = make()
        out[src.meta.id] = source_graph(extraction, src.meta, local, registry) + source_document_graph(
            src.meta, local
        )
    return out


def org(slug: str) -> URIRef:
    return LOCAL.ID[f"org/{slug}"]


@pytest.fixture(scope="module")
def kanslia() -> Graph:
    src, extraction = kanslia_extraction()
    return source_graph(extraction, src.meta, LOCAL, Registry())


def test_head_sentence_becomes_post_person_head_and_claim(kanslia: Graph) -> None:
    dept = org("helsinki-kaupunginkanslia-elinkeino-osasto")
    person = LOCAL.ID["person/helsinki-marja-leena-rinkineva"]
    post = LOCAL.ID["post/helsinki-kaupunginkanslia-elinkeino-osasto-elinkeinojohtaja"]
    assert (person, ORG.headOf, dept) in kanslia
    assert (post, ORG.postIn, dept) in kanslia
    assert (post, ORG.heldBy, person) in kanslia
    assert (post, ORG.role, ORG.Head) in kanslia
    assert (post, SKOS.prefLabel, Literal("elinkeinojohtaja", lang="fi")) in kanslia
    assert (person, FOAF.name, Literal("Marja-Leena Rinkineva")) in kanslia
    rows = list(
        kanslia.query(
            """SELECT ?evidence ?start ?end ?exact ?rule ?confidence WHERE {
                 ?claim a kgp:Claim ; rdf:subject ?s ; rdf:predicate org:headOf ; rdf:object ?o ;
                        prov:wasDerivedFrom ?evidence ; kgp:rule ?rule ; kgp:confidence ?confidence .
                 ?evidence a oa:SpecificResource ; oa:hasSource ?source ;
                           oa:hasSelector [ a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ] ,
                                          [ a oa:TextQuoteSelector ; oa:exact ?exact ] }""",
            initNs={"kgp": LOCAL.KGP, "rdf": RDF, "org": ORG, "prov": PROV, "oa": OA},
            initBindings={"s": person, "o": dept},
        )
    )
    assert len(rows) == 1
    evidence, start, end, exact, rule, confidence = rows[0]  # type: ignore[misc]
    assert str(evidence) == "https://example.org/source/helsinki-kaupunginkanslia#char=1355,1409"
    assert isinstance(start, Literal) and isinstance(end, Literal)
    assert (start.toPython(), end.toPython()) == (1355, 1409)
    assert str(exact) == "Osastoa johtaa elinkeinojohtaja Marja-Leena Rinkineva."
    assert (str(rule), float(confidence)) == ("head.johtaa", 0.95)
    assert start.datatype == XSD.nonNegativeInteger


def test_every_fact_triple_has_a_claim(kanslia: Graph) -> None:
    facts = [
        ORG.subOrganizationOf,
        ORG.unitOf,
        ORG.reportsTo,
        ORG.headOf,
        ORG.heldBy,
        ORG.postIn,
        ORG.role,
        ORG.hasSite,
        ORG.purpose,
        ORG.classification,
        SKOS.prefLabel,
        SKOS.altLabel,
        FOAF.name,
        LOCAL.KGP.dutyStatement,
        LOCAL.KGP.groupedIn,
    ]
    checked = 0
    for predicate in facts:
        for s, o in kanslia.subject_objects(predicate):
            if not str(s).startswith(str(LOCAL.ID)):
                continue
            claims = set(kanslia.subjects(RDF.subject, s)) & set(kanslia.subjects(RDF.predicate, predicate))
            assert any((c, RDF.object, o) in kanslia for c in claims), (s, predicate, o)
            checked += 1
    assert checked > 40


def test_municipality_names_map_to_the_curated_municipality(kanslia: Graph) -> None:
    helsinki = org("helsinki")
    assert (helsinki, RDF.type, ORG.FormalOrganization) in kanslia
    assert (helsinki, ORG.classification, LOCAL.KIND["municipality"]) in kanslia
    assert not list(kanslia.objects(helsinki, SKOS.prefLabel)), "labels of municipalities come from curation"
    assert not any("kaupunki" in str(s) for s in kanslia.subjects(RDF.type, ORG.Organization))


def test_units_agencies_and_elected_bodies_are_typed_as_org_prescribes(kanslia: Graph) -> None:
    kanslia_iri, board = org("helsinki-kaupunginkanslia"), org("helsinki-kaupunginhallitus")
    assert (kanslia_iri, RDF.type, ORG.OrganizationalUnit) in kanslia
    assert (board, RDF.type, ORG.Organization) in kanslia
    assert (kanslia_iri, ORG.subOrganizationOf, board) in kanslia
    assert (kanslia_iri, SKOS.altLabel, Literal("Helsingin kaupunginkanslia", lang="fi")) in kanslia
    formal = set(kanslia.subjects(RDF.type, ORG.FormalOrganization))
    assert formal == {org("helsinki")}, "only the municipality is a legal person"


def test_no_has_unit_is_ever_emitted_and_unit_of_only_under_the_municipality() -> None:
    """Trap (b): org:hasUnit's domain would make a virasto a legal person."""
    for graph in seed_graphs().values():
        assert not list(graph.triples((None, ORG.hasUnit, None)))
        for _unit, parent in graph.subject_objects(ORG.unitOf):
            assert (parent, RDF.type, ORG.FormalOrganization) in graph
    kalajoki = seed_graphs()["kalajoki-hallintopalvelut"]
    assert (org("kalajoki-hallintopalvelut"), ORG.unitOf, org("kalajoki")) in kalajoki
    assert (org("kalajoki-hallintopalvelut"), ORG.subOrganizationOf, org("kalajoki")) in kalajoki


def test_reports_to_a_post_is_reports_to_plus_sub_organisation(kanslia: Graph) -> None:
    unit = org("helsinki-kaupunginkanslia-sisainen-tarkastus")
    post = LOCAL.ID["post/helsinki-kaupunginkanslia-kansliapaallikko"]
    assert (unit, ORG.reportsTo, post) in kanslia
    assert (unit, ORG.subOrganizationOf, org("helsinki-kaupunginkanslia")) in kanslia
    assert (post, ORG.heldBy, LOCAL.ID["person/helsinki-sami-sarvilinna"]) in kanslia


def test_grouping_is_not_hierarchy() -> None:
    kalajoki = seed_graphs()["kalajoki-hallintopalvelut"]
    council, general = org("kalajoki-kaupunginvaltuusto"), org("kalajoki-hallintopalvelut-yleishallinto")
    assert (council, LOCAL.KGP.groupedIn, general) in kalajoki
    # grouped, not placed: as a council with no stated parent, it is the city's organ
    assert list(kalajoki.objects(council, ORG.subOrganizationOf)) == [org("kalajoki")]
    claims = [
        c for c in kalajoki.subjects(RDF.object, org("kalajoki")) if kalajoki.value(c, RDF.subject) == council
    ]
    assert [kalajoki.value(c, LOCAL.KGP.rule) for c in claims] == [Literal("part.top-level")]


def test_a_title_without_a_person_is_a_post_without_holder_or_head(kanslia: Graph) -> None:
    post = LOCAL.ID["post/helsinki-kaupunginkanslia-sisainen-tarkastus-sisaisen-tarkastuksen-paallikko"]
    assert (post, RDF.type, ORG.Post) in kanslia
    assert not list(kanslia.objects(post, ORG.heldBy))
    assert not list(kanslia.subjects(ORG.headOf, org("helsinki-kaupunginkanslia-sisainen-tarkastus")))


def test_same_body_name_in_two_municipalities_is_two_bodies_and_one_person_heads_two() -> None:
    graphs = seed_graphs()
    assert (org("helsinki-kaupunginhallitus"), RDF.type, ORG.Organization) in graphs[
        "helsinki-kaupunginkanslia"
    ]
    assert (org("kalajoki-kaupunginhallitus"), RDF.type, ORG.Organization) in graphs[
        "kalajoki-hallintopalvelut"
    ]
    src, x = kanslia_extraction()
    twice = Extraction(
        x.source,
        "fi",
        x.bodies,
        heads=(
            x.heads[1],
            Head("hallinto-osasto", "vt. hallintojohtaja", "Marja-Leena Rinkineva", x.heads[1].evidence),
        ),
    )
    graph = source_graph(twice, src.meta, LOCAL, Registry())
    people = set(graph.subjects(RDF.type, FOAF.Person))
    assert len(people) == 1
    assert len(set(graph.objects(next(iter(people)), ORG.headOf))) == 2


def test_iris_are_stable_across_rebuilds_and_wording_changes(tmp_path: Path) -> None:
    registry = Registry()
    first = seed_graphs(registry)
    registry.save(tmp_path / "iris.tsv")
    again = seed_graphs(Registry.load(tmp_path / "iris.tsv"))
    assert set(first) == set(again)
    for key in first:
        assert set(first[key].subjects()) - _bnodes(first[key]) == set(again[key].subjects()) - _bnodes(
            again[key]
        )
    # the same facts stated at other offsets keep their thing IRIs (only evidence IRIs move)
    src, x = kanslia_extraction()
    moved = Extraction(x.source, "fi", tuple(_shift(b) for b in x.bodies))
    shifted = source_graph(moved, src.meta, LOCAL, Registry.load(tmp_path / "iris.tsv"))
    assert set(shifted.subjects(RDF.type, ORG.OrganizationalUnit)) <= set(first[x.source].subjects())


def _shift(body: Body) -> Body:
    ev = body.evidence
    return Body(body.name, body.kind, Evidence(ev.source, ev.start + 1, ev.end + 1, ev.quote), body.aliases)


def _bnodes(graph: Graph) -> set[object]:
    return {s for s in graph.subjects() if not isinstance(s, URIRef)}


def test_duties_are_statements_with_concepts(kanslia: Graph) -> None:
    dept = org("helsinki-kaupunginkanslia-elinkeino-osasto")
    statement = kanslia.value(dept, LOCAL.KGP.dutyStatement)
    assert statement is not None
    assert (statement, RDF.type, LOCAL.KGP.DutyStatement) in kanslia
    assert str(kanslia.value(statement, RDF.value)).startswith("kaupungin elinkeino-, innovaatio-")
    concepts = set(kanslia.objects(dept, ORG.purpose))
    assert concepts == set(kanslia.objects(statement, LOCAL.KGP.dutyConcept))
    assert len(concepts) == 3
    for concept in concepts:
        assert (concept, SKOS.inScheme, LOCAL.DUTY["scheme"]) in kanslia
        assert str(concept).startswith(str(LOCAL.DUTY))


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        (
            "kaupungin elinkeino-, innovaatio- ja kilpailukykypolitiikasta, yrittäjyyden edistämisestä sekä "
            "työllisyys- ja maahanmuuttoasioista",
            [
                "kaupungin elinkeino-, innovaatio- ja kilpailukykypolitiikasta",
                "yrittäjyyden edistämisestä",
                "työllisyys- ja maahanmuuttoasioista",
            ],
        ),
        (
            "mm. kaupungin talouden ohjauksesta sekä kaupunkistrategiasta",
            ["kaupungin talouden ohjauksesta", "kaupunkistrategiasta"],
        ),
        (
            "velkaneuvonta, kunnallinen edunvalvonta ja väestönsuojelu",
            ["velkaneuvonta", "kunnallinen edunvalvonta ja väestönsuojelu"],
        ),
    ],
)
def test_duty_phrases(text: str, phrases: list[str]) -> None:
    assert duty_phrases(text) == phrases


def test_site_has_vcard_address_and_e164_phone(kanslia: Graph) -> None:
    office = org("helsinki-helsingin-oikeusaputoimisto")
    site = kanslia.value(office, ORG.hasSite)
    assert site == LOCAL.ID["site/helsinki-porkkalankatu-13-g"]
    location = kanslia.value(site, ORG.siteAddress)
    address = kanslia.value(location, VCARD.hasAddress)
    assert kanslia.value(address, VCARD["street-address"]) == Literal("Porkkalankatu 13 G")
    phone = kanslia.value(location, VCARD.hasTelephone)
    assert kanslia.value(phone, VCARD.hasValue) == URIRef("tel:+358295660120")


def test_no_owl_same_as_anywhere() -> None:
    for graph in seed_graphs().values():
        assert not list(graph.triples((None, OWL.sameAs, None)))


def test_source_document_graph_describes_the_text() -> None:
    src = load_source(SOURCES / "helsinki-kaupunginkanslia")
    graph = source_document_graph(src.meta, LOCAL)
    doc = LOCAL.SOURCE["helsinki-kaupunginkanslia"]
    assert graph.value(doc, DCTERMS.title) == Literal("Tutustu kaupunginkansliaan", lang="fi")
    assert graph.value(doc, DCTERMS.language) == Literal("fi", datatype=XSD.language)
    assert graph.value(doc, DCTERMS.spatial) == org("helsinki")
    publisher = graph.value(doc, DCTERMS.publisher)
    assert graph.value(publisher, FOAF.name) == Literal("Helsingin kaupunki")
    assert graph.value(doc, DCTERMS.license) is None, "licence 'unknown' is not asserted"


def test_extraction_turtle_is_turtle_with_the_facts() -> None:
    src, extraction = kanslia_extraction()
    text = extraction_turtle(extraction, src.meta, Settings(base_iri=BASE))
    graph = Graph().parse(data=text, format="turtle")
    assert (
        LOCAL.ID["person/helsinki-sami-sarvilinna"],
        ORG.headOf,
        org("helsinki-kaupunginkanslia"),
    ) in graph
    assert "@prefix org:" in text and "@prefix kgp:" in text


def test_names_without_a_body_still_get_a_typed_body() -> None:
    src, x = kanslia_extraction()
    only_heads = Extraction(x.source, "fi", heads=x.heads[:1])
    graph = source_graph(only_heads, src.meta, LOCAL, Registry())
    kanslia_iri = org("helsinki-kaupunginkanslia")
    assert (kanslia_iri, RDF.type, ORG.Organization) in graph
    assert (kanslia_iri, ORG.classification, LOCAL.KIND["other"]) in graph


@pytest.mark.parametrize(
    "name", ["Helsingin kaupunki", "kaupunki", "City of Helsinki", "Helsingfors stad", "Helsinki"]
)
def test_every_way_of_naming_the_own_municipality_is_the_municipality(name: str) -> None:
    src, x = kanslia_extraction()
    body = Body(name, "municipality", x.bodies[1].evidence)
    part = PartOf("kaupunginkanslia", name, "part", x.bodies[1].evidence)
    graph = source_graph(
        Extraction(x.source, "fi", (x.bodies[1], body), (part,)), src.meta, LOCAL, Registry()
    )
    assert (org("helsinki-kaupunginkanslia"), ORG.subOrganizationOf, org("helsinki")) in graph
    assert (org("helsinki-kaupunginkanslia"), ORG.unitOf, org("helsinki")) in graph


def test_another_municipality_named_in_the_text_is_not_the_own_one() -> None:
    src, x = kanslia_extraction()
    other = Body("Espoon kaupunki", "municipality", x.bodies[1].evidence)
    graph = source_graph(Extraction(x.source, "fi", (other,)), src.meta, LOCAL, Registry())
    assert not list(graph.triples((org("helsinki"), None, None)))
    assert (org("helsinki-espoon-kaupunki"), ORG.classification, LOCAL.KIND["municipality"]) in graph


def test_a_head_named_without_a_title_holds_a_post_labelled_by_its_role() -> None:
    src = load_source(SOURCES / "helsinki-kaupunginkanslia")
    ev = Evidence(src.meta.id, 0, 5, src.text[0:5])
    extraction = Extraction(
        src.meta.id,
        "sv",
        bodies=(Body("bildningssektorn", "division", ev, lang="sv"),),
        heads=(Head("bildningssektorn", "", "Anna Berg", ev, "head.sv.led-by-name", 0.7),),
    )
    g = source_graph(extraction, src.meta, LOCAL, Registry())
    posts = list(g.subjects(ORG.heldBy, None))
    assert len(posts) == 1
    assert list(g.objects(posts[0], SKOS.prefLabel)) == [Literal("chef", lang="sv")]


def test_a_body_named_in_nfd_is_the_body_named_in_nfc() -> None:
    """A page saved with decomposed letters ("a" + U+0308) names the same body as one with "ä": one
    registry key, one IRI — not "…-sisainen-tarkastus-2" for the second spelling."""
    import unicodedata

    def nfd(name: str) -> str:
        return unicodedata.normalize("NFD", name)

    src, x = kanslia_extraction()
    registry = Registry()
    composed = source_graph(x, src.meta, LOCAL, registry)
    decomposed = Extraction(
        x.source,
        "fi",
        tuple(Body(nfd(b.name), b.kind, b.evidence, tuple(map(nfd, b.aliases))) for b in x.bodies),
        tuple(PartOf(nfd(p.child), nfd(p.parent), p.relation, p.evidence, p.via_post) for p in x.part_of),
    )
    again = source_graph(decomposed, src.meta, LOCAL, registry)

    def orgs(graph: Graph) -> set[str]:
        return {str(s) for s in graph.subjects() if str(s).startswith(f"{BASE}id/org/")}

    assert str(org("helsinki-kaupunginkanslia-sisainen-tarkastus")) in orgs(composed)
    assert orgs(again) == orgs(composed)
