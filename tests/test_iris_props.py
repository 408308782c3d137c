"""Properties of slug minting and the IRI registry over generated names.

Slugs must be valid IRI path segments (unreserved ASCII only), distinct per kind whatever the names
look like (case, ä/ö/å, punctuation, NFC/NFD spellings of the same letters), stable (a registered key
keeps its slug through save/load and whatever else is minted later, in any order), and every minted
IRI parses back to the key's kind and slug.
"""

from __future__ import annotations

import random
import string
import unicodedata
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import assume, example, given
from hypothesis import strategies as st

from kgpub.errors import IRIError
from kgpub.iris import KINDS, MAX_SLUG, Key, Registry, is_slug, normalise_name, parse_iri, slugify, thing_iri

BASE = "https://example.org/"
#: RFC 3986 unreserved characters: the only ones a slug may hold (no gen-delims, sub-delims, %).
UNRESERVED = frozenset(string.ascii_lowercase + string.digits + "-")

#: Name material: Finnish/Swedish letters (precomposed and combining), punctuation, digits, spaces.
LETTERS = "abcdefghijklmnopqrstuvwxyzåäöüéABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÜÉ"
name_chars = st.sampled_from(list(LETTERS + "  -–,.:;()/&'\"0123456789ßæøœ")) | st.sampled_from(
    ["\u0308", "\u030a", "\u0301"]  # combining diaeresis, ring above, acute: NFD spellings
)
names = st.text(name_chars, min_size=1, max_size=40).filter(lambda s: s.strip() != "")
#: Any text at all (slugify must never produce an invalid slug, whatever it is given).
any_text = st.text(st.characters(codec="utf-8"), max_size=60)
scopes = st.sampled_from(["", "helsinki", "kalajoki", "espoo"])
kinds = st.sampled_from(KINDS)


def _variants(name: str) -> list[str]:
    """Spellings of the same name: NFC, NFD, upper/lower case, extra white space."""
    return [
        unicodedata.normalize("NFC", name),
        unicodedata.normalize("NFD", name),
        name.upper(),
        name.lower(),
        "  " + name.replace(" ", "   ") + " ",
    ]


@given(any_text)
@example("Ålands landskapsregering")
@example("x" * 200)
@example("ja " * 50)
def test_slugify_gives_unreserved_ascii_or_nothing(text: str) -> None:
    slug = slugify(text)
    assert set(slug) <= UNRESERVED
    assert slug == "" or is_slug(slug)
    assert len(slug) <= MAX_SLUG
    assert slugify(slug) == slug  # idempotent: a slug is already its own slug


@given(scopes, kinds, names, st.sampled_from(["", "helsinki-kaupunginkanslia", "espoo-x"]))
def test_a_minted_iri_parses_back_to_its_kind_and_slug(scope: str, kind: str, name: str, parent: str) -> None:
    registry = Registry()
    key = Key(scope, kind, name, parent)
    slug = registry.slug(key)
    assert is_slug(slug) and set(slug) <= UNRESERVED
    iri = thing_iri(BASE, kind, slug)
    parsed = parse_iri(BASE, str(iri))
    assert (parsed.kind, parsed.slug, parsed.document) == (kind, slug, False)
    assert parse_iri(BASE, str(parsed.doc(BASE)) + ".ttl").slug == slug
    assert registry.get(key) == slug


@given(scopes, kinds, st.lists(names, min_size=2, max_size=12))
@example("helsinki", "org", ["Sisäinen tarkastus", "Sisainen tarkastus", "SISÄINEN TARKASTUS", "sisäinen-"])
@example("", "person", ["Åsa Öberg", unicodedata.normalize("NFD", "Åsa Öberg"), "Asa Oberg", "Åsa, Öberg"])
def test_distinct_keys_never_share_a_slug(scope: str, kind: str, raw: list[str]) -> None:
    """Every distinct key gets its own slug, even when the names fold to the same ASCII."""
    registry = Registry()
    keys = {Key(scope, kind, n) for n in raw}
    slugs = [registry.slug(k) for k in sorted(keys)]
    assert len(set(slugs)) == len(keys)


@given(scopes, kinds, names)
@example("helsinki", "org", "Sisäinen tarkastus")
@example("helsinki", "person", "Åke Öhman")
def test_spellings_of_one_name_are_one_key_and_one_slug(scope: str, kind: str, name: str) -> None:
    """Names are compared in normal form: an NFD page and an NFC page name the same body, so they
    must not mint two IRIs for it (nor must case or spacing)."""
    assume(normalise_name(name).strip() != "")
    registry = Registry()
    slugs = {registry.slug(Key(scope, kind, normalise_name(v))) for v in _variants(name)}
    assert len(slugs) == 1
    assert len(registry) == 1


@given(
    st.lists(st.tuples(scopes, kinds, names), min_size=1, max_size=10, unique=True),
    st.lists(st.tuples(scopes, kinds, names), max_size=10),
    st.randoms(use_true_random=False),
)
def test_registered_slugs_survive_save_load_and_later_minting_in_any_order(
    first: list[tuple[str, str, str]], later: list[tuple[str, str, str]], rnd: random.Random
) -> None:
    registry = Registry()
    minted = {Key(s, k, n): registry.slug(Key(s, k, n)) for s, k, n in first}
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "iris.tsv"
        registry.save(path)
        loaded = Registry.load(path)
        assert list(loaded) == list(registry)
        # minting other names, in either order, leaves the registered slugs alone
        orders = [list(later), rnd.sample(later, len(later))]
        for order in orders:
            again = Registry.load(path)
            for s, k, n in order:
                again.slug(Key(s, k, n))
            assert {key: again.slug(key) for key in minted} == minted
            again.save(path)
            assert {key: Registry.load(path).get(key) for key in minted} == minted


@given(scopes, kinds, names, names)
def test_a_name_whose_slug_is_free_gets_it_whatever_was_minted_before(
    scope: str, kind: str, name: str, other: str
) -> None:
    """Order of insertion only matters on a real clash of candidate slugs."""
    alone = Registry().slug(Key(scope, kind, name))
    registry = Registry()
    other_slug = registry.slug(Key(scope, kind, other))
    assume(other_slug != alone)
    assert registry.slug(Key(scope, kind, name)) == alone


@given(scopes, kinds, st.text(st.characters(codec="utf-8", exclude_characters="\t"), min_size=1, max_size=30))
def test_any_registered_name_round_trips_through_the_file(scope: str, kind: str, name: str) -> None:
    """The TSV keeps a name exactly, whatever characters it holds (or refuses it when it is made)."""
    try:
        key = Key(scope, kind, name)
    except IRIError:
        return  # refused up front: fine, nothing was written
    registry = Registry()
    slug = registry.slug(key)
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "iris.tsv"
        registry.save(path)
        assert Registry.load(path).get(key) == slug
