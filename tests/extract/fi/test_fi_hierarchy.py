"""Part-of, subordination, reports-to and grouping statements, on sentences of the seeds and the devset."""

from __future__ import annotations

from kgpub.extract.core.rules import confidence

from .helpers import Run, duties, heads, names, parts

DEPARTMENTS = (
    "elinkeino-osasto",
    "hallinto-osasto",
    "henkilöstöosasto",
    "strategiaosasto",
    "talous- ja suunnitteluosasto",
    "viestintäosasto",
)
LIST = ", ".join(DEPARTMENTS[:-1]) + " ja " + DEPARTMENTS[-1]


def test_counted_parts_after_a_colon(fi: Run) -> None:
    ex = fi(f"Kaupunginkansliassa on kuusi osastoa: {LIST}.")
    assert parts(ex) == {(d, "kaupunginkanslia") for d in DEPARTMENTS}
    assert {p.relation for p in ex.part_of} == {"part"}
    assert {p.rule for p in ex.part_of} == {"part.fi.enumeration"}


def test_bare_class_word_refers_back_by_kind(fi: Run) -> None:
    ex = fi(
        "Helsingin kaupunginkanslia on kaupunginhallituksen alainen virasto.\n\n"
        f"Virastossa on kuusi osastoa: {LIST}.\n"
    )
    assert ("viestintäosasto", "Helsingin kaupunginkanslia") in parts(ex)
    assert ("Helsingin kaupunginkanslia", "kaupunginhallitus") in parts(ex)


def test_counted_parts_with_seka(fi: Run) -> None:
    ex = fi(
        "Ympäristötoimialassa on kolme tulosyksikköä: rakennusvalvonta, ympäristönsuojelu sekä"
        " kaupunkisuunnittelu."
    )
    assert parts(ex) == {
        ("rakennusvalvonta", "ympäristötoimiala"),
        ("ympäristönsuojelu", "ympäristötoimiala"),
        ("kaupunkisuunnittelu", "ympäristötoimiala"),
    }


def test_composition_with_a_count_noun(fi: Run) -> None:
    ex = fi(
        "Hallintopalvelut koostuvat neljästä eri palvelualueesta; yleishallinnosta, henkilöstöohjauksesta,"
        " talousohjauksesta ja tietohallintopalveluista."
    )
    assert parts(ex) == {
        (c, "hallintopalvelut")
        for c in ("yleishallinto", "henkilöstöohjaus", "talousohjaus", "tietohallintopalvelut")
    }
    assert all(b.kind == "service_area" for b in ex.bodies if b.name != "hallintopalvelut")


def test_division_into_named_parts(fi: Run) -> None:
    ex = fi(
        "Tornion kaupungin virasto-organisaatio jakautuu toimialoihin, jotka ovat keskushallintopalvelut,"
        " hyvinvointipalvelut, sivistyspalvelut ja tekniset palvelut."
    )
    assert len(parts(ex)) == 4
    assert all(parent == "Tornion kaupunki" for _, parent in parts(ex))


def test_composition_from_following_parts(fi: Run) -> None:
    ex = fi(
        "Tekninen toimiala muodostuu seuraavista palvelualueista: kuntatekniikka, tilapalvelut ja"
        " ympäristöpalvelut."
    )
    assert parts(ex) == {
        (c, "tekninen toimiala") for c in ("kuntatekniikka", "tilapalvelut", "ympäristöpalvelut")
    }


def test_bulleted_parts_after_a_counted_colon(fi: Run) -> None:
    ex = fi(
        "Keskushallintopalvelut\n\n"
        "Keskushallintopalvelut -toimialalla ja palvelualueella on neljä palveluyksikköä:\n\n"
        " • Hallinto- ja kehittämispalvelut vastaa kaupunginkansliasta, viestinnästä ja asiakaspalvelusta.\n"
        " • Tietohallintopalvelut vastaa tietohallinnosta.\n\n"
        "Keskushallintopalvelujen toimialajohtaja on kehitysjohtaja.\n"
    )
    assert parts(ex) == {
        ("hallinto- ja kehittämispalvelut", "keskushallintopalvelut"),
        ("tietohallintopalvelut", "keskushallintopalvelut"),
    }


def test_listed_units_of_a_body(fi: Run) -> None:
    ex = fi("Kaupunginkanslian yksiköt ovat:\n• Hallintoyksikkö\n• Talousyksikkö\n")
    assert parts(ex) == {("hallintoyksikkö", "kaupunginkanslia"), ("talousyksikkö", "kaupunginkanslia")}


def test_belonging_after_participle_modifiers(fi: Run) -> None:
    ex = fi(
        "Hallinto-osastossa on viisi yksikköä, jonka lisäksi osastoon kuuluu suoraan hallintojohtajan"
        " alaisuudessa toimivat erityisavustajatiimi ja kaupunginsihteerit-tiimi."
    )
    assert parts(ex) == {
        ("erityisavustajatiimi", "hallinto-osasto"),
        ("kaupunginsihteerit-tiimi", "hallinto-osasto"),
    }


def test_belonging_of_declared_enterprises(fi: Run) -> None:
    ex = fi(
        "Liikelaitoksista Palvelukeskus Helsinki, Työterveys Helsinki, taloushallintopalvelu (Talpa) ja"
        " rakentamispalvelu Stara sijoittuvat keskushallinnon alle ja toimivat omina yksiköinään."
    )
    assert parts(ex) == {
        (c, "keskushallinto")
        for c in (
            "Palvelukeskus Helsinki",
            "Työterveys Helsinki",
            "taloushallintopalvelu",
            "rakentamispalvelu Stara",
        )
    }
    talpa = next(b for b in ex.bodies if b.name == "taloushallintopalvelu")
    assert talpa.kind == "enterprise" and "Talpa" in talpa.aliases


def test_child_belongs_to_parent(fi: Run) -> None:
    assert parts(fi("Ympäristöpalvelut kuuluu kaupunkiympäristön toimialaan.")) == {
        ("ympäristöpalvelut", "kaupunkiympäristön toimiala")
    }


def test_subordinate_agency(fi: Run) -> None:
    ex = fi("Kaupunginkanslia on kaupunginhallituksen alainen virasto.")
    (p,) = ex.part_of
    assert (p.child, p.parent, p.relation, p.rule) == (
        "kaupunginkanslia",
        "kaupunginhallitus",
        "subordinate",
        "part.fi.alainen",
    )


def test_reports_to_a_post_and_is_part_of_its_body(fi: Run) -> None:
    ex = fi(
        "Viraston päällikkönä on kansliapäällikkö Sami Sarvilinna.\n"
        "Sisäinen tarkastus toimii kansliapäällikön alaisuudessa ja sitä johtaa sisäisen tarkastuksen"
        " päällikkö.\n"
        "Kaupunginkanslia on kaupunginhallituksen alainen virasto.\n"
    )
    # nothing is recorded before "Viraston": the post's body comes from the title ("kanslia"-päällikkö)
    (p,) = [p for p in ex.part_of if p.child == "sisäinen tarkastus"]
    assert (p.parent, p.relation, p.via_post) == ("kaupunginkanslia", "reports_to", "kansliapäällikkö")


def test_subordinate_subject_after_the_verb(fi: Run) -> None:
    ex = fi(
        "Kuntayhtymän ylintä päätösvaltaa käyttää valtuusto, johon jäsenkuntien kunnanvaltuustot valitsevat"
        " jäsenet. Valtuuston alaisena kuntayhtymää johtaa hallitus."
    )
    assert parts(ex) == {("hallitus", "valtuusto")}


def test_subordinate_list_after_the_verb(fi: Run) -> None:
    ex = fi(
        "Kunnanhallituksen alaisuudessa toimivat kehittämis- ja elinvoimapalvelut sekä talous- ja"
        " henkilöstöpalvelut."
    )
    assert parts(ex) == {
        ("kehittämis- ja elinvoimapalvelut", "kunnanhallitus"),
        ("talous- ja henkilöstöpalvelut", "kunnanhallitus"),
    }


def test_placed_in(fi: Run) -> None:
    ex = fi(
        "Tietohallintopalvelut on Kalajoen kaupungin hallintopalveluihin sijoitettu tukipalveluyksikkö, joka"
        " tuottaa muille yksiköille tarvittavia tietohallinto- ja ICT-palveluita."
    )
    assert ("tietohallintopalvelut", "hallintopalvelut") in parts(ex) or (
        "tietohallintopalvelut",
        "Kalajoen kaupungin hallintopalvelut",
    ) in parts(ex)


def test_part_of_with_osa(fi: Run) -> None:
    assert parts(fi("Ruokapalvelut on osa tukipalveluiden tulosyksikköä.")) == {
        ("ruokapalvelut", "tukipalveluiden tulosyksikkö")
    }


def test_grouping(fi: Run) -> None:
    ex = fi(
        "Yleishallinto\n\n"
        "Yleishallinto tarkoittaa kaupunginvaltuustoa, kaupunginhallitusta, kaupunginjohtajaa ja"
        " kaupunginkansliaa.\n"
    )
    assert parts(ex) == {
        (c, "yleishallinto") for c in ("kaupunginvaltuusto", "kaupunginhallitus", "kaupunginkanslia")
    }
    assert {p.relation for p in ex.part_of} == {"grouping"}


def test_generic_subordinates_are_no_parts(fi: Run) -> None:
    ex = fi("Varhaiskasvatuksen palvelujohtajien alaiset päiväkodit ja perhepuistot\n")
    assert not ex.part_of


def test_attributive_subordinates_up_to_the_next_superior(fi: Run) -> None:
    ex = fi(
        "Päätöksiä valmistelevat kunnanhallituksen alaiset elinvoimajaosto ja henkilöstöjaosto sekä"
        " sivistyslautakunnan alainen yksilöjaosto."
    )
    assert parts(ex) == {
        ("elinvoimajaosto", "kunnanhallitus"),
        ("henkilöstöjaosto", "kunnanhallitus"),
        ("yksilöjaosto", "sivistyslautakunta"),
    }
    assert {p.relation for p in ex.part_of} == {"subordinate"}


def test_plural_class_word_with_coordinated_descriptors_names_two_bodies(fi: Run) -> None:
    ex = fi(
        "Perusturvalautakunnan alaiset yksilöasioiden ja vammaisasioiden jaostot kokoontuvat kuukausittain."
    )
    assert parts(ex) == {
        ("yksilöasioiden jaosto", "perusturvalautakunta"),
        ("vammaisasioiden jaosto", "perusturvalautakunta"),
    }


def test_possessive_subordination(fi: Run) -> None:
    ex = fi("Teknisellä lautakunnalla on alaisuudessaan liikennejaosto.")
    assert parts(ex) == {("liikennejaosto", "tekninen lautakunta")}


def test_subordinate_to_a_body_and_a_post(fi: Run) -> None:
    ex = fi(
        "Konsernipalvelut\n\n"
        "Kunnanhallituksen ja suoraan kunnanjohtajan alaisena on esikuntayksikkönä konsernipalvelut.\n"
    )
    (p,) = ex.part_of
    assert (p.child, p.parent, p.relation) == ("konsernipalvelut", "kunnanhallitus", "subordinate")


def test_counted_parts_after_a_relative_clause(fi: Run) -> None:
    ex = fi(
        "Kunnan organisaatio jaetaan seuraaviin osastoihin, joiden johdossa on osastopäällikkö:"
        " hallinto-osasto, sivistysosasto ja tekninen osasto."
    )
    assert parts(ex) == {(o, "kunta") for o in ("hallinto-osasto", "sivistysosasto", "tekninen osasto")}


def test_relative_antecedent_owns_the_following_items(fi: Run) -> None:
    ex = fi(
        "Kunnanhallituksen alaisena toimii konsernipalvelut, johon kuuluvat seuraavat yksiköt:\n\n"
        "- talous- ja hallintoyksikkö\n- HR-yksikkö\n- kunnanlakimies ja virastomestari\n"
    )
    assert {("talous- ja hallintoyksikkö", "konsernipalvelut"), ("HR-yksikkö", "konsernipalvelut")} <= parts(
        ex
    )
    assert not any("lakimies" in c for c, _ in parts(ex))


def test_parts_of_an_organisation_level(fi: Run) -> None:
    ex = fi(
        "Luottamushenkilöorganisaatioon kuuluvat valtuusto, kunnanhallitus ja lautakunnat.\n\n"
        "Henkilöstöorganisaatio jakautuu keskushallintoon ja kolmeen toimialaan, jotka ovat perusturva,"
        " sivistystoimi ja tekninen toimi.\n"
    )
    assert {
        ("valtuusto", "luottamushenkilöorganisaatio"),
        ("kunnanhallitus", "luottamushenkilöorganisaatio"),
    } <= parts(ex)
    assert {
        (c, "henkilöstöorganisaatio")
        for c in ("keskushallinto", "perusturva", "sivistystoimi", "tekninen toimi")
    } <= parts(ex)


def test_bulleted_names_under_a_body_heading_are_its_parts(fi: Run) -> None:
    ex = fi(
        "Tekniset ja ympäristöpalvelut\n\n"
        " • rakennusvalvonta ja ympäristönsuojelu\n"
        " • tilapalvelut (kiinteistönhoito ja rakennusten ylläpito)\n\n"
        "Teknisiä ja ympäristöpalveluja johtaa tekninen johtaja Matti Virtanen.\n"
    )
    assert parts(ex) == {
        ("rakennusvalvonta ja ympäristönsuojelu", "tekniset ja ympäristöpalvelut"),
        ("tilapalvelut", "tekniset ja ympäristöpalvelut"),
    }
    rule = "part.fi.heading-list"  # its measured precision, no number written at the call site
    assert {(p.rule, p.confidence) for p in ex.part_of} == {(rule, confidence(rule))}


def test_organ_remit_becomes_a_division_where_the_text_says_so(fi: Run) -> None:
    ex = fi(
        "Kaupunginhallituksen toimiala\n\n"
        "Kaupunginhallituksen toimialaan kuuluvat konsernipalvelut, sisäinen tarkastus ja"
        " kaupunginhallituksen alaiset taseyksiköt.\n"
    )
    assert parts(ex) == {
        ("konsernipalvelut", "kaupunginhallituksen toimiala"),
        ("sisäinen tarkastus", "kaupunginhallituksen toimiala"),
        ("kaupunginhallituksen toimiala", "kaupunginhallitus"),
    }


def test_parts_that_form_a_whole_object_first(fi: Run) -> None:
    ex = fi("Kunnan luottamushenkilöorganisaation muodostavat valtuusto, tarkastuslautakunta ja lautakunnat.")
    assert {
        ("valtuusto", "luottamushenkilöorganisaatio"),
        ("tarkastuslautakunta", "luottamushenkilöorganisaatio"),
        ("luottamushenkilöorganisaatio", "kunta"),  # the municipality's genitive is no part of the name
    } <= parts(ex)
    assert not any(c == "lautakunta" for c, _ in parts(ex))


def test_parts_that_form_a_whole_and_a_later_listing_of_their_class(fi: Run) -> None:
    ex = fi(
        "Kunnanvirasto ja toimialat muodostavat kunnan organisaation. Toimialoja ovat hallinto-osasto,"
        " sivistysosasto ja tekninen osasto.\n"
    )
    assert parts(ex) == {
        (c, "kunta") for c in ("kunnanvirasto", "hallinto-osasto", "sivistysosasto", "tekninen osasto")
    }


def test_parts_named_in_a_relative_clause(fi: Run) -> None:
    ex = fi(
        "Kunnassa on poliittinen organisaatio, jonka muodostavat kunnanvaltuusto, kunnanhallitus ja"
        " lautakunnat."
    )
    assert {
        ("kunnanvaltuusto", "poliittinen organisaatio"),
        ("kunnanhallitus", "poliittinen organisaatio"),
        ("poliittinen organisaatio", "kunta"),
    } == parts(ex)


def test_a_bare_municipality_word_refers_to_no_committee(fi: Run) -> None:
    ex = fi(
        "Tarkastuslautakunta arvioi tavoitteiden toteutumista.\n"
        "Kunnan organisaatio koostuu kahdesta osastosta: hallinto-osastosta ja teknisestä osastosta.\n"
    )
    assert parts(ex) == {("hallinto-osasto", "kunta"), ("tekninen osasto", "kunta")}


def test_counted_subordinates_after_a_colon(fi: Run) -> None:
    """A numeral takes a singular verb: "toimii kolme lautakuntaa: a, b ja c" names three children."""
    ex = fi(
        "Kunnanhallituksen alaisuudessa toimii kolme lautakuntaa: sivistyslautakunta, tekninen lautakunta"
        " ja ympäristölautakunta."
    )
    assert parts(ex) == {
        ("sivistyslautakunta", "kunnanhallitus"),
        ("tekninen lautakunta", "kunnanhallitus"),
        ("ympäristölautakunta", "kunnanhallitus"),
    }


def test_divided_into_parts_with_a_participle(fi: Run) -> None:
    """ "on jaettu" divides like "jakautuu": the items may be in the illative, after a colon."""
    ex = fi("Ympäristöpalvelut on jaettu kahteen yksikköön: ympäristönsuojeluun ja rakennusvalvontaan.")
    assert parts(ex) == {
        ("ympäristönsuojelu", "ympäristöpalvelut"),
        ("rakennusvalvonta", "ympäristöpalvelut"),
    }
    relative = fi(
        "Sivistystoimi on jaettu kolmeen tulosalueeseen, jotka ovat varhaiskasvatus, perusopetus ja lukio."
    )
    assert ("varhaiskasvatus", "sivistystoimi") in parts(relative)


def test_divided_tasks_are_parts_of_their_owner_not_a_duty(fi: Run) -> None:
    ex = fi(
        "Sosiaalitoimen tehtävät on jaettu kolmelle tulosalueelle: aikuissosiaalityö, lastensuojelu ja"
        " vammaispalvelut."
    )
    assert parts(ex) == {
        ("aikuissosiaalityö", "sosiaalitoimi"),
        ("lastensuojelu", "sosiaalitoimi"),
        ("vammaispalvelut", "sosiaalitoimi"),
    }
    assert ex.duties == ()


def test_counted_parts_that_belong_to_a_body(fi: Run) -> None:
    """ "X:ään kuuluu kolme palvelualuetta, jotka ovat a, b ja c": the counted class declares the items."""
    ex = fi(
        "Kaupunkikehityksen toimialaan kuuluu kolme palvelualuetta, jotka ovat kaavoitus, kuntatekniikka"
        " ja ympäristöpalvelut."
    )
    assert {child for child, _ in parts(ex)} == {"kaavoitus", "kuntatekniikka", "ympäristöpalvelut"}
    assert len({parent for _, parent in parts(ex)}) == 1


def test_items_without_a_body_word_listed_among_bodies(fi: Run) -> None:
    """Listed with bodies as parts, a plain noun is a part too; with no body listed it is a duty."""
    ex = fi(
        "Teknistä toimialaa johtaa tekninen johtaja Matti Meikäläinen. Toimialaan kuuluvat kuntatekniikka,"
        " rakennusvalvonta ja tilapalvelut."
    )
    assert {child for child, _ in parts(ex)} == {"kuntatekniikka", "rakennusvalvonta", "tilapalvelut"}
    ex = fi("Konsernipalveluihin kuuluvat hallintopalvelut, talouspalvelut sekä viestintä ja markkinointi.")
    assert ("viestintä ja markkinointi", "konsernipalvelut") in parts(ex)
    ex = fi("Kaupunginkansliaan kuuluu velkaneuvonta, kuluttajaneuvonta ja talous- ja velkaneuvonta.")
    assert parts(ex) == set() and ex.duties


def test_a_count_without_a_list_is_named_by_the_next_sentence(fi: Run) -> None:
    ex = fi(
        "Kaupungin organisaatio on jaettu neljään toimialaan. Toimialat ovat konsernihallinto, "
        "sivistystoimi, sosiaali- ja terveystoimi sekä tekninen toimi.\n"
    )
    assert parts(ex) == {
        (c, "kaupunki")
        for c in ("konsernihallinto", "sivistystoimi", "sosiaali- ja terveystoimi", "tekninen toimi")
    }


def test_the_municipalitys_services_are_the_municipality(fi: Run) -> None:
    ex = fi(
        "Kunnan palvelut on jaettu kolmeen toimialaan.\n\n"
        "Toimialoja ovat sivistystoimi, perusturva ja tekninen toimi.\n"
    )
    assert parts(ex) == {(c, "kunta") for c in ("sivistystoimi", "perusturva", "tekninen toimi")}
    assert "palvelut" not in names(ex)


def test_bulleted_plain_nouns_after_kuuluvat_and_a_colon(fi: Run) -> None:
    ex = fi("Sivistystoimeen kuuluvat:\n• varhaiskasvatus\n• perusopetus\n• kirjasto- ja kulttuuripalvelut\n")
    assert parts(ex) == {
        (c, "sivistystoimi") for c in ("varhaiskasvatus", "perusopetus", "kirjasto- ja kulttuuripalvelut")
    }
    tasks = fi("Kaupunginhallituksen tehtäviin kuuluvat:\n• talousarvion valmistelu\n• henkilöstöasiat\n")
    assert parts(tasks) == set()
    assert len(tasks.duties) == 2


def test_a_name_line_above_a_paragraph_heads_it_and_a_bare_class_word_refers_to_it(fi: Run) -> None:
    ex = fi(
        "Perusopetus\n• Ylläpitää kouluja\nHyvinvointipalvelut\n"
        "Toimiala vastaa sosiaalipalveluista. Toimialaa johtaa hyvinvointijohtaja Leena Laine.\n"
    )
    assert ("hyvinvointipalvelut", "sosiaalipalveluista") in duties(ex)
    assert heads(ex) == {("hyvinvointipalvelut", "hyvinvointijohtaja", "Leena Laine")}


def test_plain_nouns_listed_under_a_body_with_a_plural_verb(fi: Run) -> None:
    ex = fi(
        "Teknisten palveluiden alaisuudessa toimivat rakennusvalvonta, ympäristönsuojelu ja kiinteistöhuolto."
    )
    assert parts(ex) == {
        (c, "tekniset palvelut") for c in ("rakennusvalvonta", "ympäristönsuojelu", "kiinteistöhuolto")
    }


def test_a_gradation_guess_does_not_rename_a_body(fi: Run) -> None:
    ex = fi(
        "Kaupungin viranhaltijaorganisaatio muodostuu konsernihallinnosta sekä kolmesta toimialasta: "
        "sivistystoimesta, perusturvasta ja teknisestä toimesta.\n"
    )
    assert {"perusturva", "sivistystoimi", "tekninen toimi"} <= names(ex)
    assert "perusturpa" not in names(ex)
    assert ("perusturva", "viranhaltijaorganisaatio") in parts(ex)


def test_the_stated_count_decides_whether_ja_joins_items_or_words(fi: Run) -> None:
    ex = fi(
        "Kaupunkiympäristön toimiala jakautuu kolmeen palvelukokonaisuuteen, jotka ovat maankäyttö ja "
        "kaupunkirakenne, "
        "rakennukset ja yleiset alueet sekä palvelut ja luvat.\n"
    )
    assert {c for c, _ in parts(ex)} == {
        "maankäyttö ja kaupunkirakenne",
        "rakennukset ja yleiset alueet",
        "palvelut ja luvat",
    }
    four = fi(
        "Kaupunginkansliassa on neljä osastoa: hallinto-osasto, talousosasto ja henkilöstöosasto sekä "
        "viestintä."
    )
    assert len(parts(four)) == 4


def test_relative_clauses_of_subordination(fi: Run) -> None:
    ex = fi(
        "Kunnanhallitus, jonka alaisuudessa toimii konsernipalvelut, vastaa kunnan hallinnosta.\n"
        "Ympäristöterveydenhuolto on seudullinen yksikkö, joka toimii Seinäjoen kaupungin alaisuudessa.\n"
    )
    assert parts(ex) == {
        ("konsernipalvelut", "kunnanhallitus"),
        ("ympäristöterveydenhuolto", "Seinäjoen kaupunki"),
    }
    assert duties(ex) == {("kunnanhallitus", "kunnan hallinnosta")}


def test_one_name_per_line_after_a_colon_and_later_references_to_them(fi: Run) -> None:
    ex = fi(
        "Sivistyspalvelut\n"
        "Sivistyspalvelut jaetaan seuraaviin tulosalueisiin:\n"
        "Varhaiskasvatus\nPerusopetus\nVapaa-aikapalvelut\n"
        "Sivistysjohtaja\nTiina Talvitie\n"
        "Varhaiskasvatus\n"
        "Varhaiskasvatuksen tulosaluetta johtaa varhaiskasvatusjohtaja Minna Mäki. "
        "Varhaiskasvatus järjestää päiväkoti- ja perhepäivähoitoa.\n"
    )
    assert parts(ex) == {
        (c, "sivistyspalvelut") for c in ("varhaiskasvatus", "perusopetus", "vapaa-aikapalvelut")
    }
    assert heads(ex) == {
        ("sivistyspalvelut", "sivistysjohtaja", "Tiina Talvitie"),
        ("varhaiskasvatus", "varhaiskasvatusjohtaja", "Minna Mäki"),
    }
    assert duties(ex) == {("varhaiskasvatus", "järjestää päiväkoti- ja perhepäivähoitoa")}


def test_sections_an_organ_set_up_and_its_own_subordinate(fi: Run) -> None:
    ex = fi(
        "Kunnanhallitus on asettanut henkilöstöjaoston ja elinkeinojaoston.\n"
        "Tekninen lautakunta ja sen alainen lupajaosto vastaavat rakentamisen valvonnasta.\n"
        "Vesihuoltolaitos on kunnan liikelaitos, jonka johtokuntana toimii tekninen lautakunta.\n"
    )
    assert parts(ex) == {
        ("henkilöstöjaosto", "kunnanhallitus"),
        ("elinkeinojaosto", "kunnanhallitus"),
        ("lupajaosto", "tekninen lautakunta"),
    }
    assert duties(ex) == {
        ("tekninen lautakunta", "rakentamisen valvonnasta"),
        ("lupajaosto", "rakentamisen valvonnasta"),
    }


def test_genitives_sharing_a_head_are_one_item_and_bodies_beneath_a_body(fi: Run) -> None:
    ex = fi(
        "Kaupungin toiminta on jaettu neljään palvelualueeseen: konsernipalvelut, kasvun ja oppimisen "
        "palvelualue, kaupunkiympäristön palvelualue ja hyvinvoinnin edistämisen palvelualue.\n"
        "Konsernipalveluiden alla toimivat talouspalvelut, henkilöstöpalvelut ja tietohallinto.\n"
    )
    assert parts(ex) == {
        ("konsernipalvelut", "kaupunki"),
        ("kasvun ja oppimisen palvelualue", "kaupunki"),
        ("kaupunkiympäristön palvelualue", "kaupunki"),
        ("hyvinvoinnin edistämisen palvelualue", "kaupunki"),
        ("talouspalvelut", "konsernipalvelut"),
        ("henkilöstöpalvelut", "konsernipalvelut"),
        ("tietohallinto", "konsernipalvelut"),
    }
    assert ex.duties == ()


def test_a_bare_owner_refers_back_and_an_owners_services_are_the_owner(fi: Run) -> None:
    ex = fi(
        "Perusturvakuntayhtymä\n"
        "Kuntayhtymän ylin päättävä toimielin on yhtymävaltuusto.\n"
        "Kuntayhtymän palvelut on jaettu kolmeen tulosalueeseen:\n"
        "Sosiaalipalvelut\nTerveyspalvelut\nVanhuspalvelut\n"
    )
    assert parts(ex) == {
        (c, "perusturvakuntayhtymä") for c in ("sosiaalipalvelut", "terveyspalvelut", "vanhuspalvelut")
    }
    assert "kuntayhtymä" not in names(ex)


def test_seuraavat_after_a_subordination_verb_opens_a_list_after_the_colon(fi: Run) -> None:
    ex = fi(
        "Kunnanhallituksen alaisena toimivat seuraavat lautakunnat: sivistyslautakunta, "
        "perusturvalautakunta ja tekninen lautakunta.\n"
    )
    assert parts(ex) == {
        (c, "kunnanhallitus") for c in ("sivistyslautakunta", "perusturvalautakunta", "tekninen lautakunta")
    }


def test_headings_after_a_body_heading_are_no_parts_of_it(fi: Run) -> None:
    ex = fi(
        "Sivistyspalveluiden organisaatiokaavio\n\nSivistyksen toimialan tehtävät\n\n"
        "Sivistyksen toimiala järjestää kuntalaisille kasvatukseen liittyviä palveluja.\n"
    )
    assert parts(ex) == set()
    assert "sivistyksen toimialan tehtävät" not in names(ex)


def test_kuuluvat_without_a_colon_before_bullets(fi: Run) -> None:
    ex = fi("Sivistyspalvelut\nSivistyspalveluiden toimialaan kuuluvat\n• varhaiskasvatus\n• perusopetus\n")
    assert parts(ex) == {("varhaiskasvatus", "sivistyspalvelut"), ("perusopetus", "sivistyspalvelut")}


def test_a_class_word_heading_over_bullets_under_a_bodys_heading(fi: Run) -> None:
    ex = fi(
        "Tekninen toimiala\nYksiköt\n• Kuntatekniikka\n• Rakennusvalvonta\nTehtävät\n• kadut ja puistot\n"
    )
    assert parts(ex) == {("kuntatekniikka", "tekninen toimiala"), ("rakennusvalvonta", "tekninen toimiala")}
    assert duties(ex) == {("tekninen toimiala", "kadut ja puistot")}


def test_dashed_apposition_after_counted_class_words_lists_parts_and_their_duty(fi: Run) -> None:
    ex = fi(
        "Ympäristöministeriön kolme osastoa ja kaksi tulosaluetta – luontoympäristöosasto, rakennetun"
        " ympäristön osasto, ympäristönsuojeluosasto, hallinto ja kansainväliset asiat sekä tieto ja"
        " viestintä – vastaavat valtioneuvoston käsittelyyn tulevien asioiden valmistelusta."
    )
    listed = {
        "luontoympäristöosasto",
        "rakennetun ympäristön osasto",
        "ympäristönsuojeluosasto",
        "hallinto ja kansainväliset asiat",
        "tieto ja viestintä",
    }
    assert parts(ex) == {(child, "ympäristöministeriö") for child in listed}
    duty = "valtioneuvoston käsittelyyn tulevien asioiden valmistelusta"
    assert duties(ex) == {(child, duty) for child in listed}


def test_parenthesised_apposition_after_sen_belongs_to_the_sentence_body(fi: Run) -> None:
    ex = fi(
        "Sivistystoimen hallinnonalan tehtävänä on sen eri toimialoilla (varhaiskasvatus, esi- ja"
        " perusopetus, lukio, kirjasto ja kulttuuri) edistää asukkaiden hyvinvointia."
    )
    listed = {"varhaiskasvatus", "esi- ja perusopetus", "lukio", "kirjasto", "kulttuuri"}
    assert parts(ex) == {(child, "sivistystoimi") for child in listed}
    assert duties(ex) == {("sivistystoimi", "edistää asukkaiden hyvinvointia")}


def test_dashed_aside_after_class_words_that_is_no_enumeration_lists_nothing(fi: Run) -> None:
    ex = fi("Kaupunginhallituksen jaostot – joita on nykyään kolme – kokoontuvat kuukausittain.")
    assert parts(ex) == set()


def test_class_heading_names_the_owner_of_an_ownerless_list(fi: Run) -> None:
    ex = fi(
        "Uuden Vantaan palvelualueet\n\n"
        "Uudet toimialat ja palvelualueet ovat:\n\n"
        "Kaupunkiympäristö\n\n • Kiinteistöt ja tilat\n • Kadut ja puistot\n\n"
        "Kaupunkikulttuuri\n\n • Kulttuuri\n • Nuoriso\n"
    )
    assert {("kaupunkiympäristö", "Vantaa"), ("kaupunkikulttuuri", "Vantaa")} <= parts(ex)
    assert ("kadut ja puistot", "kaupunkiympäristö") in parts(ex)


def test_class_words_opening_a_relative_clause_take_the_colon_list(fi: Run) -> None:
    ex = fi(
        "Uudistus ei koskenut sosiaali- ja terveystoimen organisaatiota, jossa palvelualueet säilyvät"
        " entisellään: perhepalvelut, vanhus- ja vammaispalvelut, terveyspalvelut sekä suun"
        " terveydenhuollon liikelaitos."
    )
    listed = {
        "perhepalvelut",
        "vanhus- ja vammaispalvelut",
        "terveyspalvelut",
        "suun terveydenhuollon liikelaitos",
    }
    assert parts(ex) == {(child, "sosiaali- ja terveystoimi") for child in listed}


def test_genitive_naming_a_listed_body_owns_the_unit(fi: Run) -> None:
    ex = fi(
        "Toimialat ovat:\n\n • Kaupunkikulttuuri\n • Kasvatus ja oppiminen\n\n"
        "Kaupunkikulttuurin tukiyksikkö koordinoi myös avustuksia. Kasvatuksen ja oppimisen tukiyksikkö"
        " varmistaa oppimisen polun."
    )
    assert ("kaupunkikulttuurin tukiyksikkö", "kaupunkikulttuuri") in parts(ex)
    assert ("kasvatuksen ja oppimisen tukiyksikkö", "kasvatus ja oppiminen") in parts(ex)


def test_genitive_naming_no_listed_body_owns_nothing(fi: Run) -> None:
    ex = fi("Kaupunkikulttuurin tukiyksikkö koordinoi myös avustuksia.")
    assert parts(ex) == set()


def test_counted_class_heading_lists_the_parts_of_the_sections_body(fi: Run) -> None:
    ex = fi(
        "ELY-keskukset\n\nELY-keskukset edistävät alueellista kehittämistä.\n\nKolme vastuualuetta\n\n"
        " • elinkeinot, työvoima ja osaaminen\n • liikenne ja infrastruktuuri\n • ympäristö ja luonnonvarat\n"
    )
    assert parts(ex) == {
        ("elinkeinot, työvoima ja osaaminen", "ELY-keskukset"),
        ("liikenne ja infrastruktuuri", "ELY-keskukset"),
        ("ympäristö ja luonnonvarat", "ELY-keskukset"),
    }
    assert duties(ex) == {("ELY-keskukset", "edistävät alueellista kehittämistä")}


def test_what_belongs_to_a_toimiala_in_the_plural_are_its_units(fi: Run) -> None:
    ex = fi("Sivistystoimialaan kuuluvat varhaiskasvatus, perusopetus, lukio ja kirjasto.")
    listed = {"varhaiskasvatus", "perusopetus", "lukio", "kirjasto"}
    assert parts(ex) == {(child, "sivistystoimiala") for child in listed}
    assert duties(ex) == set()


def test_what_belongs_to_a_toimiala_in_the_singular_is_its_remit(fi: Run) -> None:
    ex = fi(
        "Ympäristöterveydenhuollon toimialaan kuuluu yksilön ja elinympäristön terveydensuojelu sekä"
        " eläinten hyvinvointi."
    )
    assert parts(ex) == set()
    assert len(duties(ex)) == 1


def test_a_toimiala_comprising_named_units_in_the_accusative_groups_them(fi: Run) -> None:
    ex = fi(
        "Tekniikan ja ympäristön toimiala käsittää teknisen toimen ja ympäristötoimen. Toimialan"
        " päätehtävänä on yhteensovittaa yhdyskunnan infrastruktuuria."
    )
    assert parts(ex) == {
        ("tekninen toimi", "tekniikan ja ympäristön toimiala"),
        ("ympäristötoimi", "tekniikan ja ympäristön toimiala"),
    }
    assert duties(ex) == {("tekniikan ja ympäristön toimiala", "yhteensovittaa yhdyskunnan infrastruktuuria")}


def test_plural_toimialat_of_an_owner_are_its_parts_not_itself(fi: Run) -> None:
    ex = fi("Hyvinvointialueen toimialat ovat perhepalvelut, terveyspalvelut ja ikääntyneiden palvelut.")
    listed = {"perhepalvelut", "terveyspalvelut", "ikääntyneiden palvelut"}
    assert parts(ex) == {(child, "hyvinvointialue") for child in listed}


def test_possessor_in_the_adessive_introduces_its_body_and_the_relative_clause_is_its_duty(fi: Run) -> None:
    ex = fi(
        "Kajaanin kaupungilla on yksi yhteinen koko kaupunkia palveleva kirjaamo, joka toimii kaupungin"
        " virallisena asiointiosoitteena. Kirjaamo hoitaa myös kaupungin julkisten kuulutusten"
        " ilmoitustaulua."
    )
    assert parts(ex) == {("kirjaamo", "Kajaanin kaupunki")}
    assert duties(ex) == {
        ("kirjaamo", "toimii kaupungin virallisena asiointiosoitteena"),
        ("kirjaamo", "hoitaa myös kaupungin julkisten kuulutusten ilmoitustaulua"),
    }


def test_existential_bare_class_word_alone_introduces_nothing(fi: Run) -> None:
    assert parts(fi("Kaupungilla on lautakunta.")) == set()


def test_the_organisation_of_a_body_divided_in_an_etta_clause_is_that_body(fi: Run) -> None:
    ex = fi(
        "Liikenneliikelaitoksen johtokunta päätti, että HKL:n organisaatio jakaantuu 1.9.2020 alkaen"
        " seuraaviin kahteen yksikköön: omaisuudenhallintayksikkö ja raidehankeyksikkö."
    )
    assert {("omaisuudenhallintayksikkö", "HKL"), ("raidehankeyksikkö", "HKL")} <= parts(ex)
    assert not any(parent == "liikenneliikelaitoksen johtokunta" for _, parent in parts(ex))


def test_bodies_before_jotka_ovat_subsidiaries_are_parts_and_a_passive_is_their_duty(
    fi: Run,
) -> None:
    ex = fi(
        "Liiketoimintaa harjoitetaan Metsähallitus Metsätalous Oy:ssä, MH-Kivi Oy:ssä ja Siemen Forelia"
        " Oy:ssä, jotka ovat Metsähallituksen tytäryhtiöitä."
    )
    companies = {"Metsähallitus Metsätalous Oy", "MH-Kivi Oy", "Siemen Forelia Oy"}
    assert {child for child, parent in parts(ex) if parent.casefold() == "metsähallitus"} == companies
    assert duties(ex) == {(c, "Liiketoimintaa harjoitetaan") for c in companies}


def test_jotka_ovat_with_a_duty_noun_states_no_part(fi: Run) -> None:
    ex = fi("Kaupunki hoitaa kirjaston ja nuorisotalon, jotka ovat kunnan tehtäviä.")
    assert parts(ex) == set()


def test_plain_noun_divided_into_named_bodies_is_a_body_with_those_parts(fi: Run) -> None:
    ex = fi("Ympäristöterveydenhuolto jakautuu terveysvalvontaan ja eläinlääkintähuoltoon.")
    assert parts(ex) == {
        ("terveysvalvonta", "ympäristöterveydenhuolto"),
        ("eläinlääkintähuolto", "ympäristöterveydenhuolto"),
    }


def test_class_words_with_an_adjective_predicate_list_nothing(fi: Run) -> None:
    ex = fi("Suunnitelman mukaiset tarkastukset ovat maksullisia.")
    assert names(ex) == set()
    assert parts(ex) == set()


def test_lower_case_plural_items_name_classes_and_capitalised_ones_name_bodies(fi: Run) -> None:
    ex = fi(
        "Oikeusministeriön toimialaan kuuluvat\n\n • tuomioistuimet\n • Tuomioistuinvirasto\n"
        " • valtion oikeusapu- ja edunvalvontapiirit\n • Syyttäjälaitos\n"
    )
    assert {child for child, _ in parts(ex)} == {"tuomioistuinvirasto", "syyttäjälaitos"}


def test_a_plural_genitive_before_class_words_owns_no_list(fi: Run) -> None:
    ex = fi("Maakuntien liitot ovat jäsenkuntien omistamia kuntayhtymiä.")
    assert "maakunnat" not in names(ex)
