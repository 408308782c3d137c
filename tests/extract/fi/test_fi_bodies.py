"""Body names: base forms, plural names, coordinated halves, places, owners; what names no body."""

from __future__ import annotations

from .helpers import Run, duties, heads, names, parts


def test_enumerated_departments_with_a_coordinated_compound(fi: Run) -> None:
    ex = fi(
        "Kaupunginkansliassa on kuusi osastoa: elinkeino-osasto, hallinto-osasto, henkilöstöosasto,"
        " strategiaosasto, talous- ja suunnitteluosasto ja viestintäosasto."
    )
    assert names(ex) == {
        "kaupunginkanslia",
        "elinkeino-osasto",
        "hallinto-osasto",
        "henkilöstöosasto",
        "strategiaosasto",
        "talous- ja suunnitteluosasto",
        "viestintäosasto",
    }


def test_names_plural_by_nature_stay_plural(fi: Run) -> None:
    ex = fi(
        "Tornion kaupungin virasto-organisaatio jakautuu toimialoihin, jotka ovat keskushallintopalvelut,"
        " hyvinvointipalvelut, sivistyspalvelut ja tekniset palvelut."
    )
    assert {
        "keskushallintopalvelut",
        "hyvinvointipalvelut",
        "sivistyspalvelut",
        "tekniset palvelut",
    } <= names(ex)


def test_plural_name_from_an_inflected_form(fi: Run) -> None:
    ex = fi(
        "Hallintopalvelut koostuvat neljästä eri palvelualueesta; yleishallinnosta, henkilöstöohjauksesta,"
        " talousohjauksesta ja tietohallintopalveluista."
    )
    assert names(ex) == {
        "hallintopalvelut",
        "yleishallinto",
        "henkilöstöohjaus",
        "talousohjaus",
        "tietohallintopalvelut",
    }


def test_coordinated_name_from_the_partitive(fi: Run) -> None:
    ex = fi("Hallinto- ja elinvoimapalveluja johtaa hallintojohtaja Anna Korhonen.")
    assert names(ex) == {"hallinto- ja elinvoimapalvelut"}


def test_organisation_of_a_town_is_the_town(fi: Run) -> None:
    ex = fi(
        "Tornion kaupungin virasto-organisaatio jakautuu toimialoihin, jotka ovat keskushallintopalvelut,"
        " hyvinvointipalvelut, sivistyspalvelut ja tekniset palvelut."
    )
    assert ("tekniset palvelut", "Tornion kaupunki") in parts(ex)
    town = next(b for b in ex.bodies if b.name == "Tornion kaupunki")
    assert town.kind == "municipality"
    assert "Tornion kaupungin virasto-organisaatio" in town.aliases


def test_place_genitive_and_bare_name_are_one_body(fi: Run) -> None:
    ex = fi(
        "Yksityishenkilöt voivat pyytää oikeusapua ja oikeudellista neuvontaa oikeusaputoimistosta.\n"
        "Helsingin oikeusaputoimisto sijaitsee Salmisaaressa, osoitteessa:\n"
    )
    (office,) = [b for b in ex.bodies if "oikeusaputoimisto" in b.name]
    assert "Helsingin oikeusaputoimisto" in (office.name, *office.aliases)


def test_genitive_owner_makes_a_part(fi: Run) -> None:
    ex = fi(
        "Kaupunginhallituksen johtamisen jaosto / Kaupunginhallituksen johtamisen jaoston puheenjohtaja"
        " Lasse Männistö\n"
    )
    assert parts(ex) == {("kaupunginhallituksen johtamisen jaosto", "kaupunginhallitus")}
    jaosto = next(b for b in ex.bodies if b.name == "kaupunginhallituksen johtamisen jaosto")
    assert "johtamisen jaosto" in jaosto.aliases


def test_unit_named_with_its_class_word_is_the_same_body(fi: Run) -> None:
    ex = fi(
        "Oikeuspalvelut huolehtii oikeudellisesta edunvalvonnasta.\n"
        "Oikeuspalvelut-yksikkö ei palvele yksityishenkilöitä.\n"
    )
    assert names(ex) == {"oikeuspalvelut"}


def test_compound_second_half_after_a_conjunction(fi: Run) -> None:
    ex = fi(
        "Tavoitteena on myös demokraattisen päätöksenteon ja sen vaikuttavuuden parantaminen sekä"
        " kaupunginvaltuuston ja -hallituksen roolin vahvistaminen johtamisessa."
    )
    assert {"kaupunginvaltuusto", "kaupunginhallitus"} <= names(ex)


def test_generic_plurals_and_counts_name_no_body(fi: Run) -> None:
    ex = fi(
        "Kaupunginkansliaan kuuluvat liikelaitokset, jotka toimivat omina yksikköinään.\n"
        "Toimialat jakaantuvat kaupunginhallituksen päättämiin palvelualueisiin.\n"
        "Hallinto-osastossa on viisi yksikköä.\n"
    )
    assert names(ex) == {"kaupunginkanslia", "kaupunginhallitus", "hallinto-osasto"}


def test_predicate_noun_names_no_body(fi: Run) -> None:
    ex = fi(
        "Tietohallintopalvelut on Kalajoen kaupungin hallintopalveluihin sijoitettu tukipalveluyksikkö, joka"
        " tuottaa muille yksiköille tarvittavia tietohallinto- ja ICT-palveluita."
    )
    assert "tukipalveluyksikkö" not in names(ex)
    assert ("hallintopalvelut", "Kalajoen kaupunki") in {(c.split()[-1], p) for c, p in parts(ex)}


def test_the_remit_of_an_organ_is_no_body(fi: Run) -> None:
    ex = fi(
        "Henkilöstöohjaus antaa lausunnon kaupunginhallituksen toimialaan kuuluvista henkilöstöä ja"
        " resursointia koskevista asioista."
    )
    assert not any("toimiala" in n for n in names(ex))


def test_a_weak_word_alone_names_no_body(fi: Run) -> None:
    ex = fi("Kaupunginhallitus vastaa kaupungin hallinnosta ja taloudesta.")
    assert names(ex) == {"kaupunginhallitus"}


def test_municipality_named_with_its_place(fi: Run) -> None:
    ex = fi(
        "Sisäinen tarkastus on riippumatonta ja objektiivista arviointitoimintaa, jonka tarkoituksena on"
        " tuottaa lisäarvoa Helsingin kaupungille."
    )
    assert "Helsingin kaupunki" in names(ex)


def test_the_remit_of_a_non_organ_body_is_that_body(fi: Run) -> None:
    ex = fi(
        "Kasvatus- ja sivistystoimen tehtävänä on turvata ajanmukaiset palvelut lapsille.\n\n"
        "Kasvatus- ja sivistystoimen toimiala jakaantuu kahteen tulosalueeseen: koulutuspalvelut ja"
        " kulttuuripalvelut.\n"
    )
    assert {p.parent for p in ex.part_of} == {"kasvatus- ja sivistystoimi"}
    assert not any(p.child == p.parent for p in ex.part_of)


def test_a_predicate_after_a_plain_noun_subject_names_no_body(fi: Run) -> None:
    ex = fi("Sivistys on kunnan suurin toimiala sekä budjetin että henkilöstömäärän perusteella.")
    assert ex.bodies == ()


def test_an_office_named_after_its_post(fi: Run) -> None:
    """ "kaupunginjohtajan toimisto" is a body (a title owns an office, not a unit or a board)."""
    ex = fi(
        "Konsernihallintoon kuuluvat kaupunginjohtajan toimisto, talousyksikkö ja henkilöstöyksikkö.\n"
        "Kaupunginjohtajan toimisto vastaa kaupungin strategiasta."
    )
    assert ("kaupunginjohtajan toimisto", "konsernihallinto") in parts(ex)
    assert duties(ex) == {("kaupunginjohtajan toimisto", "kaupungin strategiasta")}
    assert "kaupunginjohtajan lautakunta" not in names(fi("Kaupunginjohtajan lautakunta päättää asiasta."))


def test_a_municipalitys_genitive_is_an_alias_not_the_name(fi: Run) -> None:
    ex = fi(
        "Kunnan tekninen lautakunta vastaa kaduista. Kalajoen kaupungin sivistyslautakunta vastaa kouluista."
    )
    assert {"tekninen lautakunta", "sivistyslautakunta"} <= names(ex)
    aliases = {a for b in ex.bodies for a in b.aliases}
    assert {"kunnan tekninen lautakunta", "Kalajoen kaupungin sivistyslautakunta"} <= aliases
    assert ("tekninen lautakunta", "kunta") in parts(ex)


def test_capitalised_genitive_after_a_comma_opens_the_name(fi: Run) -> None:
    ex = fi(
        "Virastotalossa työskentelevät Maanmittauslaitos, Lääkealan turvallisuus- ja kehittämiskeskus"
        " Fimea, Taiteen edistämiskeskus ja Ruokavirasto."
    )
    found = {name.casefold() for name in names(ex)}  # names are compared case-folded (gold README)
    assert {"lääkealan turvallisuus- ja kehittämiskeskus fimea", "taiteen edistämiskeskus"} <= found
    assert "edistämiskeskus" not in found


def test_a_space_typed_before_the_hyphen_of_a_place_name_is_one_name(fi: Run) -> None:
    ex = fi(
        "Nimitetyt ylijohtajat ovat:\n\nItä -Suomen elinvoimakeskus: Ari Niiranen\n\n"
        "Lapin elinvoimakeskus: Jaakko Ylinampa\n"
    )
    assert ("Itä-Suomen elinvoimakeskus", "ylijohtaja", "Ari Niiranen") in heads(ex)
    assert "-Suomen elinvoimakeskus" not in names(ex)


def test_temporal_adjective_is_no_part_of_the_name(fi: Run) -> None:
    ex = fi("Muutos koskee nykyisen infra- ja kalustoyksikön tehtäväkenttää.")
    assert names(ex) == {"infra- ja kalustoyksikkö"}


def test_company_form_ends_an_enterprise_name_in_any_case(fi: Run) -> None:
    ex = fi(
        "Liiketoimintaa harjoitetaan Metsähallitus Metsätalous Oy:ssä ja MH-Kivi Oy:ssä. Pääurakoitsijana"
        " toimi Turun Rakennustiimi Oy."
    )
    assert {"Metsähallitus Metsätalous Oy", "MH-Kivi Oy", "Turun Rakennustiimi Oy"} <= names(ex)
    assert {b.kind for b in ex.bodies if b.name.endswith(" Oy")} == {"enterprise"}
    assert "Turun rakennustiimi" not in names(ex)


def test_list_context_makes_a_bare_proper_name_a_body(fi: Run) -> None:
    ex = fi(
        "Virastotalossa työskentelevät Aluehallintovirasto, Maanmittauslaitos, Business Finland,"
        " Ruokavirasto, Traficom, Väylävirasto ja Senaatti-kiinteistöt."
    )  # four bodies of seven items: list context names the other three
    assert {"Business Finland", "Traficom", "Senaatti-kiinteistöt"} <= names(ex)


def test_proper_names_without_a_majority_of_bodies_stay_unnamed(fi: Run) -> None:
    ex = fi("Tapahtumassa esiintyvät Maanmittauslaitos, Business Finland, Traficom ja Nokia.")
    assert names(ex) <= {"maanmittauslaitos"}


def test_coordinated_place_genitives_sharing_a_plural_class_word_name_one_body_each(fi: Run) -> None:
    ex = fi("Kuntayhtymän jäseniä ovat Heinäveden, Joroisten ja Juvan kunnat sekä Varkauden kaupunki.")
    assert {"Heinäveden kunta", "Joroisten kunta", "Juvan kunta", "Varkauden kaupunki"} <= names(ex)


def test_one_genitive_before_a_plural_class_word_names_no_body(fi: Run) -> None:
    assert not any(name.endswith("kunta") for name in names(fi("Kainuun kunnat tekevät yhteistyötä.")))
