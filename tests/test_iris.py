"""IRIs: readable ASCII slugs, scoped by municipality, stable through the registry, never reused."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgpub.errors import IRIError
from kgpub.iris import Key, Registry, claim_slug, mint_slug, parse_iri, slugify, thing_iri

BASE = "https://example.org/"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("kaupunginkanslia", "kaupunginkanslia"),
        ("Sisäinen tarkastus", "sisainen-tarkastus"),
        ("talous- ja suunnitteluosasto", "talous-ja-suunnitteluosasto"),
        ("Henkilöstöosasto", "henkilostoosasto"),
        ("Ålands landskapsregering", "alands-landskapsregering"),
        ("Markus Kühn", "markus-kuhn"),
        ("kansliapäällikkö", "kansliapaallikko"),
        ("  Marja-Leena   Rinkineva ", "marja-leena-rinkineva"),
        ("Porkkalankatu 13 G", "porkkalankatu-13-g"),
    ],
)
def test_slugify_folds_to_readable_ascii(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_long_slugs_are_cut_at_a_word_without_a_dangling_conjunction() -> None:
    slug = slugify(
        "kaupungin elinkeino-, innovaatio- ja kilpailukykypolitiikasta, yrittäjyyden edistämisestä ja"
    )
    assert len(slug) <= 80
    assert not slug.endswith(("-", "-ja"))


def test_slugs_are_scoped_by_municipality_and_parent() -> None:
    registry = Registry()
    kanslia = registry.slug(Key("helsinki", "org", "kaupunginkanslia"))
    unit = registry.slug(Key("helsinki", "org", "elinkeino-osasto", kanslia))
    assert kanslia == "helsinki-kaupunginkanslia"
    assert unit == "helsinki-kaupunginkanslia-elinkeino-osasto"


def test_same_name_in_two_municipalities_is_two_things() -> None:
    registry = Registry()
    helsinki = registry.slug(Key("helsinki", "org", "kaupunginhallitus"))
    kalajoki = registry.slug(Key("kalajoki", "org", "kaupunginhallitus"))
    assert helsinki != kalajoki
    assert registry.slug(Key("helsinki", "org", "kaupunginhallitus")) == helsinki


def test_a_taken_slug_is_never_given_to_another_key() -> None:
    taken = ["helsinki-hallinto-osasto"]
    assert mint_slug(Key("helsinki", "org", "hallinto-osasto"), taken) == "helsinki-hallinto-osasto-2"
    registry = Registry({Key("helsinki", "org", "hallinto osasto"): "helsinki-hallinto-osasto"})
    assert registry.slug(Key("helsinki", "org", "hallinto-osasto")) == "helsinki-hallinto-osasto-2"


def test_reserved_words_are_not_minted() -> None:
    assert mint_slug(Key("", "org", "scheme"), []) == "scheme-2"


def test_registry_round_trips_and_keeps_unused_slugs(tmp_path: Path) -> None:
    path = tmp_path / "registry" / "iris.tsv"
    registry = Registry()
    first = registry.slug(Key("helsinki", "person", "marja-leena rinkineva"))
    registry.slug(Key("kalajoki", "org", "hallintopalvelut", "kalajoki"))
    registry.save(path)
    again = Registry.load(path)
    assert list(again) == list(registry)
    # the wording changed: a new key gets a new slug; the old slug stays reserved
    second = again.slug(Key("helsinki", "person", "marja-leena rinkineva-virtanen"))
    assert second != first
    assert again.get(Key("helsinki", "person", "marja-leena rinkineva")) == first
    assert path.read_text(encoding="utf-8").startswith("# kgpub IRI registry")


def test_missing_registry_is_empty(tmp_path: Path) -> None:
    assert len(Registry.load(tmp_path / "nope.tsv")) == 0


def test_malformed_registry_row_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "iris.tsv"
    path.write_text("scope\tkind\tname\tparent\tslug\nhelsinki\torg\tx\n", encoding="utf-8")
    with pytest.raises(IRIError, match=r"iris\.tsv:2"):
        Registry.load(path)


def test_a_slug_registered_for_two_keys_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "iris.tsv"
    path.write_text("helsinki\torg\ta\t\tsame\nhelsinki\torg\tb\t\tsame\n", encoding="utf-8")
    with pytest.raises(IRIError, match="registered twice"):
        Registry.load(path)


def test_bad_keys_are_refused() -> None:
    with pytest.raises(IRIError):
        Key("helsinki", "department", "x")
    with pytest.raises(IRIError):
        Key("helsinki", "org", "  ")
    with pytest.raises(IRIError):
        Key("helsinki", "org", "tab\there")


def test_parse_thing_and_document_iris() -> None:
    thing = thing_iri(BASE, "org", "helsinki-kaupunginkanslia")
    assert str(thing) == "https://example.org/id/org/helsinki-kaupunginkanslia"
    parsed = parse_iri(BASE, str(thing))
    assert (parsed.kind, parsed.slug, parsed.document) == ("org", "helsinki-kaupunginkanslia", False)
    assert str(parsed.doc(BASE)) == "https://example.org/doc/org/helsinki-kaupunginkanslia"
    doc = parse_iri(BASE, "https://example.org/doc/person/helsinki-sami-sarvilinna.ttl")
    assert (doc.document, doc.suffix) == (True, "ttl")
    assert doc.thing(BASE) == thing_iri(BASE, "person", "helsinki-sami-sarvilinna")


@pytest.mark.parametrize(
    "iri",
    [
        "https://other.org/id/org/x",
        "https://example.org/id/org",
        "https://example.org/id/unicorn/x",
        "https://example.org/id/org/Not_A_Slug",
        "https://example.org/def/kind/agency",
    ],
)
def test_parse_refuses_foreign_or_malformed_iris(iri: str) -> None:
    with pytest.raises(IRIError):
        parse_iri(BASE, iri)


def test_claim_slugs_are_stable_and_content_addressed() -> None:
    a = claim_slug("helsinki-kaupunginkanslia", "id/person/x", "org:headOf", "id/org/y", "1355,1409")
    assert a == claim_slug("helsinki-kaupunginkanslia", "id/person/x", "org:headOf", "id/org/y", "1355,1409")
    assert a != claim_slug("helsinki-kaupunginkanslia", "id/person/x", "org:headOf", "id/org/y", "1,2")
    assert a.startswith("helsinki-kaupunginkanslia-")
