"""Duty concepts: base forms (Voikko), one concept for one duty across sources, the COFOG scheme and the
curated word list, and the named query "bodies by COFOG function" on the real seed and mixed builds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal

from kgpub.config import PROJECT_ROOT, Settings
from kgpub.duties import (
    DutyWord,
    cofog_graph,
    concept_label,
    coverage,
    duty_words,
    functions,
    load_words,
)
from kgpub.errors import InputError
from kgpub.iris import Registry
from kgpub.model import Duty, Evidence, Extraction
from kgpub.namespaces import ORG, RDF, SKOS, Local
from kgpub.ontology import load_local_ontology
from kgpub.publish import current
from kgpub.queries import get_query
from kgpub.rdf import source_graph
from kgpub.sources import load_source
from kgpub.store import QueryStore, open_store

BASE = "https://example.org/"
LOCAL = Local(BASE)
WORDS = duty_words(PROJECT_ROOT / "ontology")


@pytest.mark.parametrize(
    ("phrase", "base"),
    [
        ("työllisyys- ja maahanmuuttoasioista", "työllisyys- ja maahanmuuttoasiat"),  # elative plural
        (
            "oikeudellisesta edunvalvonnasta ja asiantuntijapalveluista",
            "oikeudellinen edunvalvonta ja asiantuntijapalvelut",
        ),
        ("kaupungin talouden ohjauksesta", "kaupungin talouden ohjaus"),  # genitive attributes stay
        ("hallintomenettelyn ohjaamisesta", "hallintomenettelyn ohjaaminen"),  # -minen action noun
        ("sisäisen valvonnan", "sisäinen valvonta"),  # genitive head with its adjective
        ("johtaa hyvinvointialueen toimintaa", "hyvinvointialueen toiminta"),  # the verb is no concept
        ("Varhaiskasvatuksesta ja koulutuksesta vastaa", "varhaiskasvatus ja koulutus"),
        ("yleis- ja maahanmuuttoneuvonnasta", "yleis- ja maahanmuuttoneuvonta"),  # a compound Voikko lacks
        ("velkaneuvonta", "velkaneuvonta"),  # already a base form
        ("johtaa", "johtaa"),  # a verb alone: left as written
        # still a clause after the leading verb: there is no noun phrase to name
        (
            "seuraa kaupungin yleistä kehitystä ja valvoo kaupungin etua",
            "seuraa kaupungin yleistä kehitystä ja valvoo kaupungin etua",
        ),
    ],
)
def test_finnish_duty_phrases_become_base_forms(phrase: str, base: str) -> None:
    assert concept_label(phrase, "fi") == base


def test_swedish_and_english_phrases_are_kept_as_written_casefolded() -> None:
    assert concept_label("Äldreomsorg", "sv") == "äldreomsorg"
    assert concept_label("waste  management", "en") == "waste management"


@pytest.mark.parametrize(
    ("phrase", "lang", "concept"),
    [
        ("leder stadens verksamhet", "sv", "stadens verksamhet"),
        ("svarar för beredningen av ärenden", "sv", "beredningen av ärenden"),
        ("att leda och utveckla kommunens förvaltning", "sv", "kommunens förvaltning"),
        ("manages and develops the library service", "en", "library service"),
        ("planning and development", "en", "planning and development"),
        ("ansvarar även för äldreomsorgen", "sv", "äldreomsorgen"),
        ("har hand om vatten och avlopp", "sv", "vatten och avlopp"),
        ("delta i det regionala samarbetet", "sv", "det regionala samarbetet"),
        ("manages the council's finances", "en", "council's finances"),
        ("is responsible for waste collection", "en", "waste collection"),
        ("to promote local democracy", "en", "local democracy"),
        # the same duty stated in two ways meets in one concept
        ("Leder kommunens personalpolitik", "sv", "kommunens personalpolitik"),
        ("kommunens personalpolitik", "sv", "kommunens personalpolitik"),
        # no governing verb, a verb alone, a clause: as written
        ("uppgifter som rör miljön", "sv", "uppgifter som rör miljön"),
        ("leder", "sv", "leder"),
        ("provides services that residents need", "en", "provides services that residents need"),
        ("service delivery", "en", "service delivery"),
    ],
)
def test_a_governing_verb_is_not_part_of_a_swedish_or_english_concept(
    phrase: str, lang: str, concept: str
) -> None:
    assert concept_label(phrase, lang) == concept


def _extraction(source: str, text: str, start: int) -> Extraction:
    ev = Evidence(source, start, start + len(text), text)
    return Extraction(source, "fi", duties=(Duty("elinkeino-osasto", text, ev),))


def test_one_duty_named_in_two_cases_is_one_concept_and_each_statement_keeps_its_text() -> None:
    meta = load_source(PROJECT_ROOT / "data" / "sources" / "helsinki-kaupunginkanslia").meta
    registry = Registry()
    elative = source_graph(
        _extraction(meta.id, "työllisyys- ja maahanmuuttoasioista", 10), meta, LOCAL, registry
    )
    nominative = source_graph(
        _extraction(meta.id, "työllisyys- ja maahanmuuttoasiat", 90), meta, LOCAL, registry
    )
    concepts = [set(g.objects(None, ORG.purpose)) for g in (elative, nominative)]
    assert concepts[0] == concepts[1] and len(concepts[0]) == 1
    (concept,) = concepts[0]
    merged = elative + nominative
    assert set(merged.objects(concept, SKOS.prefLabel)) == {
        Literal("työllisyys- ja maahanmuuttoasiat", lang="fi")
    }
    assert {str(v) for v in merged.objects(None, RDF.value)} == {
        "työllisyys- ja maahanmuuttoasioista",  # the statement as written, as its evidence quotes it
        "työllisyys- ja maahanmuuttoasiat",
    }


# -- the COFOG scheme and the word list ------------------------------------------------------------------


def test_cofog_scheme_has_the_ten_divisions_and_their_groups() -> None:
    ontology = load_local_ontology(Settings(base_iri=BASE))
    scheme = LOCAL.KGP["cofog/scheme"]
    notations = {str(ontology.value(c, SKOS.notation)) for c in ontology.subjects(SKOS.inScheme, scheme)}
    divisions = {n for n in notations if "." not in n}
    assert divisions == {f"{n:02d}" for n in range(1, 11)}
    assert len(notations - divisions) == 69  # COFOG 1999 has 69 groups
    social = LOCAL.KGP["cofog/10"]
    assert (social, SKOS.prefLabel, Literal("Social protection", lang="en")) in ontology
    assert (social, SKOS.prefLabel, Literal("Sosiaaliturva", lang="fi")) in ontology
    assert (LOCAL.KGP["cofog/10.7"], SKOS.broader, social) in ontology
    assert (
        LOCAL.KGP["cofog/10.7"],
        SKOS.prefLabel,
        Literal("Social exclusion n.e.c.", lang="en"),
    ) in ontology


def test_every_listed_code_is_in_the_scheme() -> None:
    ontology = load_local_ontology(Settings(base_iri=BASE))
    notations = {str(n) for n in ontology.objects(None, SKOS.notation)}
    assert {w.code for w in WORDS} - notations == set()


@pytest.mark.parametrize(
    ("label", "codes"),
    [
        ("työllisyys- ja maahanmuuttoasiat", ("04.1", "10.7")),
        ("työturvallisuus", ("01.3",)),  # the longer word wins over "turvallisuus" (03)
        ("äldreomsorg", ("10.2",)),
        ("waste management", ("05.1",)),
        ("kommunal hälso- och sjukvård", ("07",)),
        ("konsultointitoiminta", ()),
    ],
)
def test_functions_of_real_duty_concepts(label: str, codes: tuple[str, ...]) -> None:
    assert functions(label, WORDS) == codes


def test_a_group_makes_its_division_redundant_and_overlaps_keep_the_longer_word() -> None:
    words = (DutyWord("sosiaali", "10", 1), DutyWord("sosiaalityö", "10.9", 2), DutyWord("koulu", "09", 3))
    assert functions("sosiaalityö", words) == ("10.9",)
    assert functions("sosiaalipalvelut ja koulutus", words) == ("09", "10")


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("maahanmuutto\t11\tno such division", "not a COFOG division"),
        ("maahanmuutto\t10.10", "not a COFOG division"),
        ("tie\t04.5", "shorter than 4"),
        ("maahanmuutto 10.7", "expected 'word<TAB>COFOG code"),
    ],
)
def test_a_bad_line_of_the_word_list_is_an_error_naming_the_line(
    tmp_path: Path, line: str, error: str
) -> None:
    path = tmp_path / "words.tsv"
    path.write_text(f"# comment\nkoulutus\t09\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"words.tsv:3: .*{error}"):
        load_words(path)


def test_a_missing_word_list_is_an_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"cofog-duty-words\.tsv"):
        duty_words(tmp_path)


def test_cofog_graph_maps_only_the_concepts_whose_words_are_listed() -> None:
    g = Graph()
    for slug, label in (("velkaneuvonta", "velkaneuvonta"), ("x", "konsultointitoiminta")):
        g.add((LOCAL.DUTY[slug], SKOS.inScheme, LOCAL.DUTY["scheme"]))
        g.add((LOCAL.DUTY[slug], SKOS.prefLabel, Literal(label, lang="fi")))
    mapped = cofog_graph([g], WORDS, LOCAL)
    assert set(mapped) == {(LOCAL.DUTY["velkaneuvonta"], SKOS.broadMatch, LOCAL.KGP["cofog/10.7"])}


def test_coverage_counts_equal_concepts_once() -> None:
    words = (DutyWord("koulutus", "09", 1), DutyWord("lukio", "09.2", 2))
    found = coverage(["koulutus", "koulutus", "lukio", "hallinto"], words)
    assert (found.concepts, found.mapped, found.by_division) == (3, 2, {"09": 2})
    assert found.share == pytest.approx(2 / 3)


# -- the named query on real builds ---------------------------------------------------------------------


def _rows(store: QueryStore, settings: Settings, code: str) -> set[tuple[str, str, str]]:
    text = get_query(settings.queries_dir, "bodies-by-cofog-function", settings.base_iri).text
    assert 'VALUES ?code { "10" }' in text and "<def/" not in text  # absolute prefixes: pastes anywhere
    result = store.query(text.replace('VALUES ?code { "10" }', f'VALUES ?code {{ "{code}" }}'))
    return {(str(r["municipalityName"]), str(r["bodyName"]), str(r["duty"])) for r in result.bindings()}


@pytest.fixture(scope="module")
def seed_store(seed_build: Settings) -> Any:
    with open_store(current(seed_build), seed_build, workers=1) as opened:
        yield opened


def test_bodies_by_cofog_function_on_the_seeds(seed_store: QueryStore, seed_build: Settings) -> None:
    social = _rows(seed_store, seed_build, "10")
    assert ("Helsingin kaupunki", "elinkeino-osasto", "työllisyys- ja maahanmuuttoasiat") in social
    assert ("Kalajoen kaupunki", "kaupunginkanslia", "velkaneuvonta") in social
    exclusion = _rows(seed_store, seed_build, "10.7")  # a group: only its own concepts
    assert ("Kalajoen kaupunki", "kaupunginkanslia", "velkaneuvonta") in exclusion
    assert not any("edunvalvonta" in duty for _, _, duty in exclusion)  # public guardianship is 10.9
    economic = _rows(seed_store, seed_build, "04")
    assert ("Helsingin kaupunki", "elinkeino-osasto", "työllisyys- ja maahanmuuttoasiat") in economic
    assert not _rows(seed_store, seed_build, "02.3")  # foreign military aid: no municipal duty


def test_the_cofog_graph_is_published_as_its_own_named_graph(
    seed_store: QueryStore, seed_build: Settings
) -> None:
    graph = f"{seed_build.base_iri}graph/cofog"
    rows = seed_store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?c <{SKOS.broadMatch}> ?f }} }}"
    ).bindings()
    assert int(str(rows[0]["n"])) > 10


@pytest.mark.slow
def test_bodies_by_cofog_function_finds_swedish_bodies(mixed_build: Settings) -> None:
    with open_store(current(mixed_build), mixed_build, workers=1) as store:
        general = _rows(store, mixed_build, "01")
    assert any(m == "Närpes" and body == "stadsstyrelsen" for m, body, _ in general)


def test_duty_concept_iris_are_under_the_duty_namespace(seed_store: QueryStore, seed_build: Settings) -> None:
    local = Local(seed_build.base_iri)
    rows = seed_store.query(f"SELECT DISTINCT ?c WHERE {{ ?c <{SKOS.broadMatch}> ?f }}").bindings()
    assert rows and all(str(r["c"]).startswith(str(local.DUTY)) for r in rows)
    assert f"{local.DUTY}tyollisyys-ja-maahanmuuttoasiat" in {
        str(r["c"]) for r in rows
    }  # the base form's slug


# -- the coverage report (docs/duties.md) -----------------------------------------------------------------


def test_coverage_table_rows_per_corpus_and_in_total() -> None:
    from kgpub.duty_coverage import Corpus, table

    words = (DutyWord("koulutus", "09", 1), DutyWord("velkaneuvonta", "10.7", 2))
    found = [
        Corpus("seeds", "fi", ("koulutus", "velkaneuvonta", "hallinto")),
        Corpus("dev pages", "sv", ("äldreomsorg",)),
    ]
    lines = table(found, words).splitlines()
    assert lines[2] == "| seeds | fi | 3 | 2 | 67% | 09: 1, 10: 1 |"
    assert lines[3] == "| dev pages | sv | 1 | 0 | 0% |  |"
    assert lines[4] == "| all | | 4 | 2 | 50% | |"


def test_coverage_report_without_the_dev_pages_is_a_usage_error(tmp_path: Path) -> None:
    from kgpub.duty_coverage import main

    assert main(["--devset", str(tmp_path / "missing")]) == 2
