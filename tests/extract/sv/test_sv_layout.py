"""Swedish lists the layout states: a counted class word announces the list, and the list may be
written inline on the next line (invented names, in the style of devset v2 pages)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import names, parts, run


def test_a_heading_that_counts_units_introduces_an_inline_list_owned_by_the_page_body() -> None:
    e = run(
        "Organisation\n\n"
        "Regionförbundets ledning\n\n"
        "Regionförbundets verksamhet leds av förbundsdirektören. Regionförbundet har ett kansli.\n\n"
        "Verksamheten är uppdelad på fyra enheter\n\n"
        "Ekonomi/personal, Enheten för kultur och fritid, Trafikenheten och Planeringsenheten.\n"
    )
    owner = "regionförbundet"
    assert {(c, owner, "part") for c in ("ekonomi/personal", "trafikenheten", "planeringsenheten")} <= parts(
        e
    )
    assert ("enheten för kultur och fritid", owner, "part") in parts(e)


def test_prose_after_a_counting_heading_is_no_list() -> None:
    e = run(
        "Organisation\n\nNämnden har tre sektioner\n\n"
        "Sektionerna bereder ärenden och sammanträder en gång i månaden enligt en fastställd plan.\n"
    )
    assert not any(relation == "part" for _, _, relation in parts(e))


def test_our_counted_class_words_list_the_municipality_s_bodies_named_in_full() -> None:
    e = run(
        "Staden får en ny förvaltningsstadga\n\n"
        "Stadsfullmäktige godkände en ny förvaltningsstadga för staden.\n"
        "Våra tre serviceområden heter från och med nu:\n"
        "- Serviceområdet för bildning (tidigare: skola)\n"
        "- Serviceområdet för tekniska tjänster\n"
        "- Serviceområdet för omsorg\n"
    )
    assert {
        "serviceområdet för bildning",
        "serviceområdet för tekniska tjänster",
        "serviceområdet för omsorg",
    } <= names(e)
    parents = {p for c, p, _ in parts(e) if c.startswith("serviceområdet för")}
    assert parents == {"staden"}


def test_a_count_without_a_list_announces_the_bodies_of_that_class_named_next() -> None:
    e = run(
        "Sektioner\n\nKommunen har tre sektioner som bereder ärenden.\n\n"
        "Inom styrelsen finns en personalsektion som behandlar personalfrågor.\n\n"
        "Svenskspråkiga sektionen inom nämnden\n\nSektionen har fem ledamöter.\n\n"
        "Sektionen för tillstånd inom nämnden\n\nSektionen har tre ledamöter.\n"
    )
    owned = {c for c, p, _ in parts(e) if p == "kommunen"}
    assert owned == {"personalsektionen", "svenskspråkiga sektionen", "sektionen för tillstånd"}


def test_a_count_the_page_does_not_fulfil_announces_nothing() -> None:
    e = run(
        "Sektioner\n\nKommunen har fyra sektioner som bereder ärenden.\n\n"
        "Inom styrelsen finns en personalsektion.\n\n" + "Kommunen har en hemsida.\n\n" * 30
    )
    assert not any(p == "regionen" for _, p, _ in parts(e))
