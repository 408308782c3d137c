"""Finnish lists read through the shared list reader: introducer, owner, items as bodies."""

from __future__ import annotations

from .helpers import Run, names, parts


def test_a_container_and_on_colon_lists_the_containers_parts(fi: Run) -> None:
    ex = fi("Ympäristöministeriössä on:\n• hallinto-osasto\n• rakennetun ympäristön osasto\n")
    assert parts(ex) == {
        ("hallinto-osasto", "ympäristöministeriö"),
        ("rakennetun ympäristön osasto", "ympäristöministeriö"),
    }


def test_group_headings_under_a_plural_class_word_own_their_bullets(fi: Run) -> None:
    ex = fi(
        "Tekninen virasto\n\n"
        "Viraston toimialat ovat:\n\n"
        "Kaupunkiympäristö\n\n"
        " • Kadut ja puistot\n"
        " • Rakennusvalvonta\n\n"
        "Tilapalvelut\n\n"
        " • Kiinteistöt ja tilat\n"
    )
    assert {"kaupunkiympäristö", "kadut ja puistot", "rakennusvalvonta", "kiinteistöt ja tilat"} <= names(ex)
    assert {("kadut ja puistot", "kaupunkiympäristö"), ("kiinteistöt ja tilat", "tilapalvelut")} <= parts(ex)


def test_a_plural_class_word_that_is_a_name_opens_no_list(fi: Run) -> None:
    ex = fi("Tekniset palvelut\nKunnantalo, Keskuskatu 1, 12345 Esimerkkilä\n")
    assert not parts(ex)


def test_coordinated_genitives_before_a_listed_body_word_are_one_name(fi: Run) -> None:
    ex = fi(
        "Ministeriön osastot:\n"
        "• hallinnon, talouden ja viestinnän osasto\n"
        "• kulttuuri- ja taidepolitiikan sekä liikunnan osasto\n"
    )
    assert {
        "hallinnon, talouden ja viestinnän osasto",
        "kulttuuri- ja taidepolitiikan sekä liikunnan osasto",
    } <= names(ex)
    assert "ja viestinnän osasto" not in names(ex)


def test_a_plural_title_before_a_colon_lists_body_person_lines(fi: Run) -> None:
    ex = fi(
        "Valtioneuvosto nimitti keskuksille johtajat.\n\n"
        "Nimitetyt johtajat ovat:\n\n"
        "Hämeen aluekeskus: Maija Mäkinen\n\n"
        "Lapin aluekeskus: Pekka Virtanen\n\n"
        "Johtajat aloittavat tammikuussa.\n"
    )
    assert {(h.org, h.title, h.person) for h in ex.heads} == {
        ("Hämeen aluekeskus", "johtaja", "Maija Mäkinen"),
        ("Lapin aluekeskus", "johtaja", "Pekka Virtanen"),
    }


def test_numbered_statute_items_and_a_duty_verb_before_a_colon(fi: Run) -> None:
    ex = fi(
        "1 §\n\nSosiaaliministeriössä on:\n\n1)hallinto-osasto;\n\n2)talousosasto; sekä\n\n3)lakiosasto.\n\n"
        "2 §\n\nHallinto-osasto käsittelee asiat, jotka koskevat:\n"
        "• ministeriön henkilöstöhallintoa;\n• ministeriön sisäistä hallintoa ja järjestystä.\n"
    )
    assert {
        ("hallinto-osasto", "sosiaaliministeriö"),
        ("talousosasto", "sosiaaliministeriö"),
        ("lakiosasto", "sosiaaliministeriö"),
    } <= parts(ex)
    assert not any(n.endswith("sekä") for n in names(ex))
    texts = {(d.org, d.text) for d in ex.duties}
    assert ("hallinto-osasto", "ministeriön henkilöstöhallintoa") in texts
    assert not any("koskevat" in t for _, t in texts)  # the lead-in is no duty


def test_bodies_of_different_places_with_one_class_word_stay_apart_and_glued_numbers_split(fi: Run) -> None:
    ex = fi("Jäsenmäärät\nEtelä-Karjalan liitto28\nHämeen liitto54\nLapin liitto60\n")
    assert {"Etelä-Karjalan liitto", "Hämeen liitto", "Lapin liitto"} <= names(ex)


def test_an_object_first_lead_in_lists_the_bodies_that_do_it(fi: Run) -> None:
    ex = fi(
        "Sosiaaliministeriö\n\nMinisteriön yhteisiä tehtäviä hoitavat:\n• hallintoyksikkö\n• talousyksikkö\n"
    )
    assert {("hallintoyksikkö", "sosiaaliministeriö"), ("talousyksikkö", "sosiaaliministeriö")} <= parts(ex)
    texts = {(d.org, d.text) for d in ex.duties}
    assert {
        ("hallintoyksikkö", "Ministeriön yhteisiä tehtäviä"),
        ("talousyksikkö", "Ministeriön yhteisiä tehtäviä"),
    } <= texts


def test_on_a_page_of_many_places_each_places_body_is_its_own(fi: Run) -> None:
    ex = fi(
        "Alueella toimii pelastuslaitos.\n"
        "Kainuun pelastuslaitos www\nLapin pelastuslaitos www\nHämeen pelastuslaitos www\n"
    )
    assert {"Kainuun pelastuslaitos", "Lapin pelastuslaitos", "Hämeen pelastuslaitos"} <= names(ex)
