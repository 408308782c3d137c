"""The entry point: one extractor per language from the registry, metadata first, detection for 'und'."""

from __future__ import annotations

from kgpub.extract import EXTRACTORS, extract
from kgpub.extract.fi import extract_fi
from kgpub.sources import Source, SourceMeta

TEXT = (
    "Kaupunginkanslia on kaupunginhallituksen alainen virasto. Osastoa johtaa elinkeinojohtaja"
    " Marja-Leena Rinkineva."
)


def _source(language: str) -> Source:
    return Source(SourceMeta("t", "t", "p", "helsinki", language, "unknown", "unknown"), TEXT)


def test_finnish_is_registered() -> None:
    assert EXTRACTORS["fi"] is extract_fi
    assert set(EXTRACTORS) >= {"fi", "sv", "en"}


def test_declared_finnish_uses_the_finnish_rules() -> None:
    ex = extract(_source("fi"))
    assert ex.lang == "fi"
    assert {(p.child, p.parent) for p in ex.part_of} == {("kaupunginkanslia", "kaupunginhallitus")}


def test_undeclared_language_is_detected() -> None:
    assert extract(_source("und")).to_json() == extract(_source("fi")).to_json()


def test_empty_undeclared_text_gives_an_empty_extraction() -> None:
    ex = extract(Source(SourceMeta("t", "t", "p", "x", "und", "unknown", "unknown"), ""))
    assert (ex.bodies, ex.part_of, ex.heads, ex.duties, ex.sites) == ((), (), (), (), ())
