"""A deterministic synthetic ORG graph for benchmarks: many municipalities shaped like the real output.

It follows what :mod:`kgpub.rdf` publishes, so the named queries of ``queries/`` find what they look
for: per municipality a tree (valtuusto and hallitus → 4 toimialat → 4 osastot/palvelualueet each
→ 5 yksiköt each → 2 tiimit each: 262 bodies), heads as ``org:Post`` + ``foaf:Person`` with
``org:headOf``, duty statements with ``rdf:value`` and duty concepts, and for every asserted fact a
``kgp:Claim`` with a Web Annotation evidence span — the claims are most of the triples, as in the
real data. Municipality 0 is "Helsingin kaupunki" with an "elinkeino-osasto", a "sisäinen tarkastus"
and duties about "maahanmuuttoasiat", so the example queries have answers.

One graph per municipality's source, plus ``graph/ontology`` (the duty concepts),
``graph/curation`` (municipality labels) and
``graph/inferred`` (``org:transitiveSubOrganizationOf`` and ``org:hasSubOrganization``), as TriG.
No randomness: the same arguments give the same bytes. 72 municipalities ≈ 1.06 M triples.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .iris import slugify

ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF = "http://xmlns.com/foaf/0.1/"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
CPOV = "http://data.europa.eu/m8g/"
DEFAULT_BASE = "http://127.0.0.1:5000/"
DEFAULT_MUNICIPALITIES = 72

DIVISIONS = (
    "kaupunginkanslia",
    "kasvatuksen ja koulutuksen toimiala",
    "kaupunkiympäristön toimiala",
    "kulttuurin ja vapaa-ajan toimiala",
)
KANSLIA_DEPARTMENTS = ("elinkeino-osasto", "hallinto-osasto", "henkilöstöosasto", "strategiaosasto")
UNITS = ("sisäinen tarkastus", "oikeuspalvelut", "talouspalvelut", "viestintäpalvelut", "asiakaspalvelut")
FIRST = ("Marja-Leena", "Sami", "Kirsi", "Jukka", "Anna", "Mikko", "Liisa", "Timo", "Sanna", "Pekka", "Aino")
LAST = (
    "Rinkineva",
    "Sarvilinna",
    "Remes",
    "Virtanen",
    "Korhonen",
    "Mäkinen",
    "Nieminen",
    "Laine",
    "Heikkinen",
)
DUTIES = (
    ("elinkeinopolitiikka", "maahanmuuttoasiat"),
    ("henkilöstöpolitiikka", "työhyvinvointi"),
    ("oikeudellinen edunvalvonta", "asiantuntijapalvelut"),
    ("talousarvio", "hankinnat"),
    ("viestintä", "asukasosallisuus"),
)


@dataclass
class _Writer:
    """Collects N-Triples-style lines for one graph block and counts triples."""

    base: str
    count: int = 0
    lines: list[str] = field(default_factory=list)
    bnodes: int = 0

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o} .")
        self.count += 1

    def bnode(self) -> str:
        self.bnodes += 1
        return f"_:b{self.bnodes}"

    def block(self, graph: str) -> str:
        text = f"<{self.base}graph/{graph}> {{\n" + "\n".join(self.lines) + "\n}\n"
        self.lines = []
        return text


def concept_iri(base: str, concept: str) -> str:
    return f"{base}def/duty/{concept.replace(' ', '-').replace('ö', 'o').replace('ä', 'a')}"


def iri(value: str) -> str:
    return f"<{value}>"


def lit(value: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if lang:
        return f'"{escaped}"@{lang}'
    return f'"{escaped}"^^<{datatype}>' if datatype else f'"{escaped}"'


@dataclass(frozen=True)
class _Body:
    iri: str
    name: str
    kind: str
    ancestors: tuple[str, ...]  # nearest first, up to the municipality


class _Municipality:
    """Writes one municipality: its tree, heads, duties, claims and evidence, and its inferences."""

    def __init__(self, w: _Writer, index: int) -> None:
        self.w, self.index = w, index
        self.slug = "helsinki" if index == 0 else f"kunta-{index:03d}"
        self.name = "Helsingin kaupunki" if index == 0 else f"Synteettinen kunta {index:03d}"
        self.source = f"{w.base}source/{self.slug}"
        self.claims = 0
        self.offset = 0
        self.bodies: list[_Body] = []

    def org(self, path: str) -> str:
        return f"{self.w.base}id/org/{self.slug}{'-' + path if path else ''}"

    def write_source(self) -> None:
        top = self.org("")
        for n, (name, kind) in enumerate((("kaupunginvaltuusto", "council"), ("kaupunginhallitus", "board"))):
            self.body(f"b{n}", name, kind, (top,))
        board = self.org("b1")
        for d, division in enumerate(DIVISIONS):
            div = self.body(f"d{d}", division, "division", (board, top))
            self.head(div, "toimialajohtaja", 16 + d)
            for a in range(4):
                name = KANSLIA_DEPARTMENTS[a] if d == 0 else f"palvelualue {d}.{a}"
                area = self.body(f"d{d}-a{a}", name, "department", (div.iri, *div.ancestors))
                self.head(area, "osastopäällikkö", d * 4 + a)
                self.duty(area, DUTIES[(d + a) % len(DUTIES)])
                for u in range(5):
                    name = UNITS[u] if d == 0 and a == 0 else f"yksikkö {d}.{a}.{u}"
                    unit = self.body(f"d{d}-a{a}-u{u}", name, "unit", (area.iri, *area.ancestors))
                    self.duty(unit, DUTIES[(d + a + u) % len(DUTIES)])
                    for t in range(2):
                        self.body(
                            f"d{d}-a{a}-u{u}-t{t}",
                            f"tiimi {d}.{a}.{u}.{t}",
                            "team",
                            (unit.iri, *unit.ancestors),
                        )

    def body(self, path: str, name: str, kind: str, ancestors: tuple[str, ...]) -> _Body:
        w, b = self.w, _Body(self.org(path), name, kind, ancestors)
        self.bodies.append(b)
        ev = self.evidence(f"{name[0].upper()}{name[1:]} kuuluu organisaatioon.")
        unit_kind = kind in ("department", "unit", "team")
        w.add(
            iri(b.iri), iri(RDF + "type"), iri(ORG + ("OrganizationalUnit" if unit_kind else "Organization"))
        )
        if not unit_kind:
            w.add(iri(b.iri), iri(RDF + "type"), iri(CPOV + "PublicOrganisation"))
        self.fact(b.iri, SKOS + "prefLabel", lit(name, "fi"), ev, "body.name")
        self.fact(b.iri, ORG + "classification", iri(f"{w.base}def/kind/{kind}"), ev, "body.kind")
        self.fact(b.iri, ORG + "subOrganizationOf", iri(ancestors[0]), ev, "part.alainen")
        return b

    def head(self, body: _Body, title: str, n: int) -> None:
        w = self.w
        first, last = FIRST[n % len(FIRST)], LAST[(n + self.index) % len(LAST)]
        person = f"{w.base}id/person/{self.slug}-{first.lower()}-{last.lower()}-{n}"
        post = f"{w.base}id/post/{body.iri.rsplit('/', 1)[1]}-{title}"
        full = f"{first} {last}"
        ev = self.evidence(f"{body.name[0].upper()}{body.name[1:]}a johtaa {title} {full}.")
        w.add(iri(post), iri(RDF + "type"), iri(ORG + "Post"))
        w.add(iri(person), iri(RDF + "type"), iri(FOAF + "Person"))
        self.fact(post, SKOS + "prefLabel", lit(title, "fi"), ev, "head.title")
        self.fact(post, ORG + "postIn", iri(body.iri), ev, "head.johtaa")
        self.fact(post, ORG + "role", iri(ORG + "Head"), ev, "head.johtaa")
        self.fact(post, ORG + "heldBy", iri(person), ev, "head.johtaa")
        self.fact(person, FOAF + "name", lit(full), ev, "head.johtaa")
        self.fact(person, ORG + "headOf", iri(body.iri), ev, "head.johtaa")

    def duty(self, body: _Body, concepts: tuple[str, str]) -> None:
        w = self.w
        statement = f"{w.base}id/duty/{body.iri.rsplit('/', 1)[1]}-1"
        text = f"{body.name[0].upper()}{body.name[1:]} huolehtii {concepts[0]}sta sekä {concepts[1]}sta."
        ev = self.evidence(text)
        w.add(iri(statement), iri(RDF + "type"), iri(f"{w.base}def/DutyStatement"))
        w.add(iri(statement), iri(RDF + "value"), lit(text, "fi"))
        self.fact(body.iri, f"{w.base}def/dutyStatement", iri(statement), ev, "duty.huolehtii")
        for concept in concepts:
            c = concept_iri(w.base, concept)
            w.add(iri(statement), iri(f"{w.base}def/dutyConcept"), iri(c))
            self.fact(body.iri, ORG + "purpose", iri(c), ev, "duty.huolehtii")

    def evidence(self, quote: str) -> str:
        """A source span (RFC 5147 IRI) with position and quote selectors; returns its IRI."""
        w, start = self.w, self.offset
        end = start + len(quote)
        self.offset = end + 1
        ev = f"{self.source}#char={start},{end}"
        position, exact = w.bnode(), w.bnode()
        w.add(iri(ev), iri(RDF + "type"), iri(OA + "SpecificResource"))
        w.add(iri(ev), iri(OA + "hasSource"), iri(self.source))
        w.add(iri(ev), iri(OA + "hasSelector"), position)
        w.add(iri(ev), iri(OA + "hasSelector"), exact)
        w.add(position, iri(RDF + "type"), iri(OA + "TextPositionSelector"))
        w.add(position, iri(OA + "start"), lit(str(start), datatype=XSD + "nonNegativeInteger"))
        w.add(position, iri(OA + "end"), lit(str(end), datatype=XSD + "nonNegativeInteger"))
        w.add(exact, iri(RDF + "type"), iri(OA + "TextQuoteSelector"))
        w.add(exact, iri(OA + "exact"), lit(quote))
        return ev

    def fact(self, s: str, p: str, o: str, ev: str, rule: str) -> None:
        """The triple itself and its ``kgp:Claim`` (8 triples), as kgpub.rdf writes them."""
        w = self.w
        self.claims += 1
        claim = iri(f"{w.base}id/claim/{self.slug}-{self.claims}")
        w.add(iri(s), iri(p), o)
        w.add(claim, iri(RDF + "type"), iri(f"{w.base}def/Claim"))
        w.add(claim, iri(RDF + "type"), iri(RDF + "Statement"))
        w.add(claim, iri(RDF + "subject"), iri(s))
        w.add(claim, iri(RDF + "predicate"), iri(p))
        w.add(claim, iri(RDF + "object"), o)
        w.add(claim, iri(PROV + "wasDerivedFrom"), iri(ev))
        w.add(claim, iri(f"{w.base}def/rule"), lit(rule))
        w.add(claim, iri(f"{w.base}def/confidence"), lit("0.9", datatype=XSD + "decimal"))

    def write_curation(self) -> None:
        top, w = iri(self.org("")), self.w
        w.add(top, iri(RDF + "type"), iri(ORG + "FormalOrganization"))
        w.add(top, iri(RDF + "type"), iri(CPOV + "PublicOrganisation"))
        w.add(top, iri(SKOS + "prefLabel"), lit(self.name, "fi"))
        w.add(top, iri(ORG + "classification"), iri(f"{w.base}def/kind/municipality"))

    def write_inferred(self) -> None:
        w = self.w
        for b in self.bodies:
            w.add(iri(b.ancestors[0]), iri(ORG + "hasSubOrganization"), iri(b.iri))
            for ancestor in b.ancestors:
                w.add(iri(b.iri), iri(ORG + "transitiveSubOrganizationOf"), iri(ancestor))


def generate(
    municipalities: int = DEFAULT_MUNICIPALITIES, base_iri: str = DEFAULT_BASE
) -> Iterator[tuple[str, int]]:
    """TriG text in chunks (one graph block each), with the running triple count."""
    w = _Writer(base_iri)
    for concept in sorted({c for pair in DUTIES for c in pair}):
        c = iri(concept_iri(base_iri, concept))
        w.add(c, iri(RDF + "type"), iri(SKOS + "Concept"))
        w.add(c, iri(SKOS + "prefLabel"), lit(concept, "fi"))
    yield w.block("ontology"), w.count
    for index in range(municipalities):
        m = _Municipality(w, index)
        m.write_source()
        yield m.w.block(f"source/{m.slug}"), w.count
        m.write_curation()
        yield w.block("curation"), w.count
        m.write_inferred()
        yield w.block("inferred"), w.count


def write_trig(path: Path, municipalities: int = DEFAULT_MUNICIPALITIES, base_iri: str = DEFAULT_BASE) -> int:
    """Write the graph to ``path`` as TriG; returns the number of triples."""
    total = 0
    with path.open("w", encoding="utf-8") as out:
        for text, total in generate(municipalities, base_iri):  # noqa: B007 (the last count is the total)
            out.write(text)
    return total


# -- a synthetic corpus of source texts -----------------------------------------------------------------
#
# The graph above skips extraction. ``write_corpus`` writes what a crawl of every Finnish municipality
# would leave in ``data/sources/``: one folder per page (``text.txt`` + ``meta.toml``), pages laid out
# as municipal sites lay them out (skip link, breadcrumb, cookie banner, headings, one paragraph per
# body, a contact block, footer), so a build runs the real extractor, the real curation and the real
# reasoning on them. The organisations are the real municipalities of the reference list; the bodies,
# duties and people are drawn from the tables below with ``random.Random(seed)``: the same arguments
# give the same bytes. Per municipality: an overview page and one page per division.

#: (nominative, partitive, illative, head's title) of a division (toimiala).
TOIMIALAT = (
    ("sivistystoimiala", "sivistystoimialaa", "sivistystoimialaan", "sivistysjohtaja"),
    ("perusturvatoimiala", "perusturvatoimialaa", "perusturvatoimialaan", "perusturvajohtaja"),
    ("ympäristötoimiala", "ympäristötoimialaa", "ympäristötoimialaan", "ympäristöjohtaja"),
    ("elinvoimatoimiala", "elinvoimatoimialaa", "elinvoimatoimialaan", "elinvoimajohtaja"),
    ("hallintotoimiala", "hallintotoimialaa", "hallintotoimialaan", "hallintojohtaja"),
)
#: (nominative, partitive, duty sentence, head's title) of a service area, by division.
PALVELUALUEET = (
    (
        (
            "varhaiskasvatus",
            "varhaiskasvatusta",
            "huolehtii päiväkotien toiminnasta, perhepäivähoidosta sekä esiopetuksesta",
            "varhaiskasvatusjohtaja",
        ),
        (
            "perusopetus",
            "perusopetusta",
            "vastaa perusopetuksen järjestämisestä ja oppilashuollosta",
            "opetuspäällikkö",
        ),
        (
            "kulttuuripalvelut",
            "kulttuuripalveluja",
            "huolehtii kirjastoista, museoista ja kulttuuritapahtumista",
            "kulttuurijohtaja",
        ),
        (
            "liikuntapalvelut",
            "liikuntapalveluja",
            "huolehtii liikuntapaikoista ja uimahalleista",
            "liikuntapäällikkö",
        ),
    ),
    (
        (
            "vanhuspalvelut",
            "vanhuspalveluja",
            "huolehtii kotihoidosta ja ympärivuorokautisesta hoivasta",
            "vanhuspalvelujohtaja",
        ),
        (
            "sosiaalipalvelut",
            "sosiaalipalveluja",
            "vastaa aikuissosiaalityöstä ja lastensuojelusta",
            "sosiaalijohtaja",
        ),
        (
            "terveyspalvelut",
            "terveyspalveluja",
            "huolehtii terveysasemista ja suun terveydenhuollosta",
            "terveyspalvelujohtaja",
        ),
    ),
    (
        (
            "rakennusvalvonta",
            "rakennusvalvontaa",
            "vastaa rakennuslupien käsittelystä ja rakentamisen valvonnasta",
            "rakennustarkastaja",
        ),
        (
            "kaavoitus",
            "kaavoitusta",
            "huolehtii yleiskaavoituksesta ja asemakaavoituksesta",
            "kaavoituspäällikkö",
        ),
        (
            "ympäristönsuojelu",
            "ympäristönsuojelua",
            "huolehtii ympäristölupien valvonnasta",
            "ympäristöpäällikkö",
        ),
    ),
    (
        (
            "elinkeinopalvelut",
            "elinkeinopalveluja",
            "huolehtii yritysneuvonnasta ja matkailun edistämisestä",
            "elinkeinopäällikkö",
        ),
        (
            "työllisyyspalvelut",
            "työllisyyspalveluja",
            "vastaa työllisyydenhoidosta ja kotoutumisesta",
            "työllisyyspäällikkö",
        ),
    ),
    (
        (
            "talouspalvelut",
            "talouspalveluja",
            "huolehtii kirjanpidosta, maksuliikenteestä ja talousarvion valmistelusta",
            "talousjohtaja",
        ),
        (
            "henkilöstöpalvelut",
            "henkilöstöpalveluja",
            "vastaa palkanlaskennasta ja henkilöstön kehittämisestä",
            "henkilöstöjohtaja",
        ),
        (
            "tietohallinto",
            "tietohallintoa",
            "huolehtii tietojärjestelmistä ja tietoturvasta",
            "tietohallintopäällikkö",
        ),
    ),
)
_NUMBERS = ("", "yksi", "kaksi", "kolme", "neljä", "viisi")
_STREETS = ("Kirkkokatu", "Torikatu", "Koulukatu", "Asemakatu", "Rantatie", "Keskuskatu", "Puistotie")
_PERSONS_FIRST = (*FIRST, "Heikki", "Outi", "Janne", "Riikka", "Ville", "Päivi", "Antti", "Tiina")
_PERSONS_LAST = (*LAST, "Lehtonen", "Salminen", "Hämäläinen", "Koskinen", "Järvinen", "Lehtinen")
_BANNERS = (
    "Siirry sisältöön",
    "Hyväksy evästeet",
    "Toiminnon käyttämiseksi vaaditaan, että hyväksyt sivuston evästeet.",
    "Tulosta sivu",
    "Jaa sivu",
)
#: The extractor's code and the shapes are not part of a page: nothing here depends on them.
PAGES_PER_MUNICIPALITY = 1 + len(TOIMIALAT)


def _enumerate(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " ja " + names[-1]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_PERSONS_FIRST)} {rng.choice(_PERSONS_LAST)}"


def _page_frame(rng: random.Random, crumbs: str, title: str, body: list[str], kunta: str) -> str:
    """The chrome of a municipal page around its content: banners, breadcrumb, contacts, footer."""
    head = [_BANNERS[0], f"Etusivu › {crumbs}", rng.choice(_BANNERS[1:3]), title, ""]
    phone = f"{rng.randrange(10, 100):03d} {rng.randrange(100, 1000)} {rng.randrange(1000, 10000)}"
    foot = ["", "Yhteystiedot", f"Puhelin: {phone}", f"Sähköposti: kirjaamo@{slugify(kunta)}.fi"]
    foot += [rng.choice(_BANNERS[3:]), f"© {kunta}"]
    return "\n".join(head + body + foot) + "\n"


def _overview_page(rng: random.Random, kunta: str, hallitus: str, johtaja: str) -> str:
    names = [t[0] for t in TOIMIALAT]
    body = [
        f"{hallitus[0].upper()}{hallitus[1:]} johtaa kunnan hallintoa ja taloudenhoitoa.",
        f"Organisaatioon kuuluu {_NUMBERS[len(names)]} toimialaa: {_enumerate(names)}.",
        f"{johtaja[0].upper()}{johtaja[1:]}na toimii {_person(rng)}.",
        "",
    ]
    return _page_frame(rng, "Päätöksenteko ja hallinto", "Organisaatio", body, kunta)


def _division_page(rng: random.Random, kunta: str, hallitus_gen: str, d: int) -> str:
    nom, part, ill, title = TOIMIALAT[d]
    areas = PALVELUALUEET[d]
    cap = f"{nom[0].upper()}{nom[1:]}"
    body = [
        f"{ill[0].upper()}{ill[1:]} kuuluu {_NUMBERS[len(areas)]} palvelualuetta: "
        f"{_enumerate([a[0] for a in areas])}.",
    ]
    lead = [
        f"{part[0].upper()}{part[1:]} johtaa {title} {_person(rng)}.",
        f"{cap} on {hallitus_gen} alainen toimiala.",
    ]
    rng.shuffle(lead)
    body += lead
    for a_nom, a_part, duty, a_title in areas:
        a_cap = f"{a_nom[0].upper()}{a_nom[1:]}"
        body += ["", a_cap, f"{a_cap} {duty}."]
        if rng.random() < 0.8:
            body.append(f"{a_part[0].upper()}{a_part[1:]} johtaa {a_title} {_person(rng)}.")
        if rng.random() < 0.4:
            body.append(f"{a_cap} sijaitsee osoitteessa {rng.choice(_STREETS)} {rng.randrange(1, 40)}.")
    return _page_frame(rng, f"Päätöksenteko ja hallinto › Organisaatio › {cap}", cap, body, kunta)


def corpus_pages(pages: int, seed: int = 0) -> Iterator[tuple[str, str, str]]:
    """``(source id, municipality name, text)`` for ``pages`` pages, municipality by municipality in
    the order of the reference list (Finnish-speaking ones: the pages are in Finnish). Past the last
    municipality the list starts again (``<slug>-1-…``) with the same texts: a second copy of a site
    names the same heads, so the graph stays conforming (with fresh draws, a body got two heads from
    two sentences and a 1 M-triple build was refused by the head shape)."""
    from .config import Settings
    from .municipalities import load_reference

    reference = load_reference(Settings().municipalities_package)
    finnish = [m for m in reference.municipalities if m.language == "fi"]
    made = 0
    for round_ in range(pages // (PAGES_PER_MUNICIPALITY * len(finnish)) + 1):
        for m in finnish:
            rng = random.Random(f"{seed}:0:{m.number}")  # every round: the same site again
            town = rng.random() < 0.4
            hallitus = "kaupunginhallitus" if town else "kunnanhallitus"
            johtaja = "kaupunginjohtaja" if town else "kunnanjohtaja"
            suffix = "" if round_ == 0 else f"-{round_}"
            slug = f"{slugify(m.name_fi)}{suffix}"
            texts = [_overview_page(rng, m.name_fi, hallitus, johtaja)]
            texts += [
                _division_page(rng, m.name_fi, hallitus[:-1] + "ksen", d) for d in range(len(TOIMIALAT))
            ]
            names = ["organisaatio", *(t[0] for t in TOIMIALAT)]
            for name, text in zip(names, texts, strict=True):
                if made == pages:
                    return
                yield f"{slug}-{slugify(name)}", m.name_fi, text
                made += 1


def write_corpus(sources_dir: Path, pages: int, seed: int = 0) -> int:
    """Write ``pages`` source folders under ``sources_dir``; returns the number of characters."""
    chars = 0
    for source_id, municipality, text in corpus_pages(pages, seed):
        folder = sources_dir / source_id
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "text.txt").write_text(text, encoding="utf-8")
        title = text.splitlines()[3]
        (folder / "meta.toml").write_text(
            f'title = "{title}"\npublisher = "{municipality}"\nmunicipality = "{municipality}"\n'
            'language = "fi"\nretrieved = "2026-01-01"\nlicence = "CC BY 4.0"\n'
            f'url = "https://www.{slugify(municipality)}.fi/{source_id}"\n',
            encoding="utf-8",
        )
        chars += len(text)
    return chars
