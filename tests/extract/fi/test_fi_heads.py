"""Heads: posts in bodies and the persons who hold them; titles with nobody named are posts only."""

from __future__ import annotations

from .helpers import Run, duties, heads, names, parts

KANSLIA = (
    "Kaupunginkansliassa on kuusi osastoa: elinkeino-osasto, hallinto-osasto ja talous- ja"
    " suunnitteluosasto.\n"
)


def test_johtaa_with_a_bare_class_word(fi: Run) -> None:
    ex = fi(
        "Elinkeino-osasto huolehtii kaupungin elinkeinopolitiikasta.\n"
        "Osastoa johtaa elinkeinojohtaja Marja-Leena Rinkineva.\n"
    )
    assert heads(ex) == {("elinkeino-osasto", "elinkeinojohtaja", "Marja-Leena Rinkineva")}
    assert {h.rule for h in ex.heads} == {"head.fi.johtaa"}


def test_paallikkona_on(fi: Run) -> None:
    ex = fi(KANSLIA + "Viraston päällikkönä on kansliapäällikkö Sami Sarvilinna.\n")
    assert heads(ex) == {("kaupunginkanslia", "kansliapäällikkö", "Sami Sarvilinna")}


def test_paallikkona_toimii(fi: Run) -> None:
    ex = fi(
        KANSLIA + "Talous- ja suunnitteluosasto huolehtii mm. kaupungin talouden ohjauksesta.\n"
        "Osaston päällikkönä toimii rahoitusjohtaja Tuula Saxholm.\n"
    )
    assert heads(ex) == {("talous- ja suunnitteluosasto", "rahoitusjohtaja", "Tuula Saxholm")}


def test_paallikko_on(fi: Run) -> None:
    ex = fi("Hallinto-osaston päällikkö on hallintojohtaja Kirsi Remes.")
    assert heads(ex) == {("hallinto-osasto", "hallintojohtaja", "Kirsi Remes")}


def test_chair_of_a_division_in_a_heading(fi: Run) -> None:
    ex = fi(
        "Kaupunginhallituksen johtamisen jaosto / Kaupunginhallituksen johtamisen jaoston puheenjohtaja"
        " Lasse Männistö\n\n"
    )
    assert heads(ex) == {("kaupunginhallituksen johtamisen jaosto", "puheenjohtaja", "Lasse Männistö")}


def test_chair_is(fi: Run) -> None:
    ex = fi("Sivistyslautakunnan puheenjohtaja on Liisa Mäkinen.")
    assert heads(ex) == {("sivistyslautakunta", "puheenjohtaja", "Liisa Mäkinen")}


def test_list_of_leaders_with_plural_titles_and_notes(fi: Run) -> None:
    ex = fi(
        "Sivistyksen toimiala järjestää kuntalaisille kasvatukseen ja opetukseen liittyviä palveluja.\n\n"
        "Johto\n\n"
        "  • Toimialajohtaja Eino Leisimo\n"
        "  • Varhaiskasvatus: palvelujohtajat Tarja Ahlqvist ja Päivi Koivisto\n"
        "  • Kulttuuri- ja liikunta: palvelujohtaja (oto) Eino Leisimo\n"
    )
    assert heads(ex) == {
        ("sivistyksen toimiala", "toimialajohtaja", "Eino Leisimo"),
        ("varhaiskasvatus", "palvelujohtaja", "Tarja Ahlqvist"),
        ("varhaiskasvatus", "palvelujohtaja", "Päivi Koivisto"),
        ("kulttuuri- ja liikunta", "palvelujohtaja", "Eino Leisimo"),
    }


def test_title_under_a_body_heading(fi: Run) -> None:
    ex = fi(
        "Tekninen lautakunta\n\nPuheenjohtaja Pekka Virtanen\nVarapuheenjohtaja Anna Laine\n"
        "Sihteeri Jukka Koski\n"
    )
    assert heads(ex) == {("tekninen lautakunta", "puheenjohtaja", "Pekka Virtanen")}


def test_title_without_a_person_is_a_post_only(fi: Run) -> None:
    ex = fi(
        "Keskushallintopalvelujen tehtävänä on johtaa kaupunkikonsernin toimintaa.\n"
        "Keskushallintopalvelujen toimialajohtaja on kehitysjohtaja.\n"
        "Sisäinen tarkastus toimii kansliapäällikön alaisuudessa ja sitä johtaa sisäisen tarkastuksen"
        " päällikkö.\n"
    )
    assert all(h.person is None for h in ex.heads)
    assert {h.org for h in ex.heads} == {"keskushallintopalvelut", "sisäinen tarkastus"}
    assert ex.to_json()["heads"] == []


def test_essive_title_before_the_person(fi: Run) -> None:
    ex = fi("Kasvatus- ja opetuspalveluiden toimialajohtajana toimii Tiina Lehto.")
    assert heads(ex) == {("kasvatus- ja opetuspalvelut", "toimialajohtaja", "Tiina Lehto")}


def test_body_named_by_the_title(fi: Run) -> None:
    ex = fi("Perusturvaa johtaa perusturvajohtaja Liisa Ahonen.")
    assert heads(ex) == {("perusturva", "perusturvajohtaja", "Liisa Ahonen")}


def test_staff_and_deputies_lead_nothing(fi: Run) -> None:
    ex = fi(
        "Keskusvaalilautakunnan sihteerinä toimii hallintosihteeri Mari Nieminen.\n"
        "Keskusvaalilautakunnan varapuheenjohtaja on Pekka Nieminen.\n"
    )
    assert heads(ex) == set()


def test_no_head_invented_for_a_title_alone(fi: Run) -> None:
    ex = fi(
        "Kaupunginjohtaja johtaa kaupunginhallituksen alaisuudessa kunnan hallintoa, taloudenhoitoa ja"
        " muuta toimintaa."
    )
    assert not ex.heads and not ex.part_of


def test_title_with_an_adjective_and_a_coordinated_body(fi: Run) -> None:
    ex = fi("Teknisiä ja ympäristöpalveluja johtaa tekninen johtaja Matti Virtanen.")
    assert heads(ex) == {("tekniset ja ympäristöpalvelut", "tekninen johtaja", "Matti Virtanen")}


def test_body_named_with_genitive_descriptors(fi: Run) -> None:
    ex = fi("Kasvun ja oppimisen palveluja johtaa opetustoimenjohtaja Anna Laine.")
    assert heads(ex) == {("kasvun ja oppimisen palvelut", "opetustoimenjohtaja", "Anna Laine")}


def test_title_line_then_name_line(fi: Run) -> None:
    ex = fi(
        "Sivistysjohtaja johtaa sivistystoimen toimintaa.\n\n"
        "Sivistystoimi\n\nSivistystoimi vastaa opetuksesta.\n\n"
        "Sivistysjohtaja\nVille Virtanen\np. 040 123 4567\n"
    )
    assert heads(ex) == {("sivistystoimi", "sivistysjohtaja", "Ville Virtanen")}
    assert ex.sites == ()  # the phone is the person's


def test_elative_body_vastaa_title_and_name(fi: Run) -> None:
    """What the sentence starts with, in the elative, is what the named person is responsible for."""
    ex = fi("Ruokapalveluista vastaa ruokapalvelupäällikkö Tiina Nieminen.")
    assert heads(ex) == {("ruokapalvelut", "ruokapalvelupäällikkö", "Tiina Nieminen")}
    assert duties(ex) == set()


def test_title_acting_as_the_head_of_a_body(fi: Run) -> None:
    """ "toimii X:n päällikkönä": the head's title is the post the person holds, not the role word."""
    ex = fi("Talousjohtaja Ville Virta toimii talousyksikön päällikkönä.")
    assert heads(ex) == {("talousyksikkö", "talousjohtaja", "Ville Virta")}
    posts = fi("Talousjohtaja toimii talousyksikön päällikkönä.")
    assert {(h.org, h.title, h.person) for h in posts.heads} == {("talousyksikkö", "talousjohtaja", None)}


def test_essive_title_opens_the_sentence(fi: Run) -> None:
    """ "Sivistysjohtajana toimii X" after a sentence about a body: the head of that body."""
    ex = fi(
        "Sivistyspalvelut\nSivistyspalvelut vastaa varhaiskasvatuksesta ja perusopetuksesta."
        " Sivistysjohtajana toimii Anne Aalto."
    )
    assert heads(ex) == {("sivistyspalvelut", "sivistysjohtaja", "Anne Aalto")}
    assert heads(fi("Osastosihteerinä toimii Maija Mäki.")) == set()  # staff lead nothing


def test_a_staff_title_after_an_essive_role_word_under_a_name_line(fi: Run) -> None:
    ex = fi(
        "Tekniset palvelut vastaa kaduista.\nRakennusvalvonta\n"
        "Yksikön esimiehenä toimii rakennustarkastaja Juha Jokinen.\n"
    )
    assert heads(ex) == {("rakennusvalvonta", "rakennustarkastaja", "Juha Jokinen")}


def test_section_headings_decide_what_a_bare_class_word_and_a_class_title_refer_to(fi: Run) -> None:
    ex = fi(
        "Konsernipalvelut\n"
        "Konsernipalveluihin kuuluvat talous- ja henkilöstöpalvelut, tietohallinto sekä kehittämis- ja "
        "elinvoimapalvelut. Toimialaa johtaa hallintojohtaja Sari Salo.\n"
        "Sivistyspalvelut\n"
        "Sivistyspalvelujen toimiala tuottaa varhaiskasvatuksen ja perusopetuksen. Toimialajohtajana "
        "toimii sivistysjohtaja Timo Tuominen.\n"
    )
    assert heads(ex) == {
        ("konsernipalvelut", "hallintojohtaja", "Sari Salo"),
        ("sivistyspalvelut", "sivistysjohtaja", "Timo Tuominen"),
    }
    assert ("sivistyspalvelut", "tuottaa varhaiskasvatuksen ja perusopetuksen") in duties(ex)


def test_the_municipalitys_head_under_another_sections_heading(fi: Run) -> None:
    ex = fi(
        "Viranhaltijaorganisaatio\n"
        "Kaupungin viranhaltijaorganisaatio muodostuu konsernihallinnosta ja kolmesta toimialasta.\n"
        "Kaupunginjohtaja Matti Mäkinen\n"
        "Kaupunginjohtaja johtaa kaupungin hallintoa.\n"
    )
    assert heads(ex) == {("kaupunki", "kaupunginjohtaja", "Matti Mäkinen")}


def test_kunta_and_kaupunki_are_one_organisation_with_one_head(fi: Run) -> None:
    # gold convention B: the generic words name the page's own municipality; two bodies with one
    # head each would fail the build's one-head shape
    ex = fi("Kaupunginjohtaja Matti Meikäläinen johtaa kunnan hallintoa.\n")
    assert heads(ex) == {("kaupunki", "kaupunginjohtaja", "Matti Meikäläinen")}
    assert [(b.name, b.aliases) for b in ex.bodies] == [("kaupunki", ("kunta",))]


def test_a_name_line_above_title_name_lines_heads_them(fi: Run) -> None:
    ex = fi(
        "Tekninen toimi\nTekninen johtaja Jari Järvinen\nRakennustarkastaja Olli Ojala\n"
        "Valtuusto päätti kokouksessaan 12.5. hyväksyä uuden hallintosäännön.\n"
    )
    assert heads(ex) == {("tekninen toimi", "tekninen johtaja", "Jari Järvinen")}
    assert ex.duties == ()


def test_a_persons_phone_line_is_a_head_not_a_site_and_johtaa_with_a_staff_title(fi: Run) -> None:
    ex = fi(
        "Ympäristöpalvelut\n"
        "Ympäristöpalvelut on Kokkolan, Kruunupyyn ja Kannuksen yhteinen ympäristöterveydenhuollon ja "
        "ympäristönsuojelun yksikkö.\n"
        "Ympäristöpalvelut, Torikatu 40, 67100 Kokkola\n"
        "Ympäristöjohtaja Leena Laakso, p. 040 806 5000\n"
        "Rakennusvalvonta\nRakennusvalvontaa johtaa rakennustarkastaja Kimmo Koski.\n"
    )
    assert heads(ex) == {
        ("ympäristöpalvelut", "ympäristöjohtaja", "Leena Laakso"),
        ("rakennusvalvonta", "rakennustarkastaja", "Kimmo Koski"),
    }
    assert [(x.org, x.address, x.phone) for x in ex.sites] == [
        ("ympäristöpalvelut", "Torikatu 40, 67100 Kokkola", None)
    ]
    assert "ympäristöterveydenhuollon ja ympäristönsuojelun yksikkö" not in {b.name for b in ex.bodies}


def test_title_colon_name_and_the_municipalitys_own_head(fi: Run) -> None:
    ex = fi(
        "Sivistystoimi\nJohtaja: Kaisa Koski\nPuh. 040 111 2233\n"
        "Tekninen lautakunta\nPuheenjohtaja Mika Mäkelä\nVarapuheenjohtaja Sanna Salo\n"
        "Kaupunginjohtaja on Jukka Jokinen.\n"
    )
    assert heads(ex) == {
        ("sivistystoimi", "johtaja", "Kaisa Koski"),
        ("tekninen lautakunta", "puheenjohtaja", "Mika Mäkelä"),
        ("kaupunki", "kaupunginjohtaja", "Jukka Jokinen"),
    }
    assert ex.sites == ()  # the phone under a person's name is the person's


def test_a_title_whose_first_part_names_another_compound_is_not_its_head(fi: Run) -> None:
    ex = fi(
        "Sivistystoimi vastaa kouluista.\n"
        "Kirjastopalvelut kuuluvat sivistystoimen palvelualueeseen. "
        "Kirjastotoimenjohtajana toimii Pirjo Salo.\n"
    )
    assert heads(ex) == {("kirjastopalvelut", "kirjastotoimenjohtaja", "Pirjo Salo")}


def test_a_second_clause_without_its_verb(fi: Run) -> None:
    ex = fi(
        "Sivistyspalveluita johtaa sivistysjohtaja Hanna Heino ja teknisiä palveluita tekninen johtaja "
        "Timo Tikka."
    )
    assert heads(ex) == {
        ("sivistyspalvelut", "sivistysjohtaja", "Hanna Heino"),
        ("tekniset palvelut", "tekninen johtaja", "Timo Tikka"),
    }


def test_a_short_title_name_sentence_with_a_party_under_an_organs_heading(fi: Run) -> None:
    ex = fi("Kunnanhallitus\nPuheenjohtaja Jari Jokela, kesk.\nJäsenet: Anna Aho, Pekka Puro, Sari Salo\n")
    assert heads(ex) == {("kunnanhallitus", "puheenjohtaja", "Jari Jokela")}


def test_a_participle_before_a_staff_title(fi: Run) -> None:
    ex = fi(
        "Toimiala jakaantuu kahteen vastuualueeseen, joita ovat terveyspalvelut ja sosiaalipalvelut.\n"
        "Terveyspalveluiden vastuualuetta johtaa johtava lääkäri Mikko Mattila.\n"
        "Sosiaalipalveluiden vastuualueen esimiehenä toimii johtava sosiaalityöntekijä Sanna Saari.\n"
    )
    assert heads(ex) == {
        ("terveyspalvelut", "johtava lääkäri", "Mikko Mattila"),
        ("sosiaalipalvelut", "johtava sosiaalityöntekijä", "Sanna Saari"),
    }


def test_acting_note_before_the_title_keeps_the_head(fi: Run) -> None:
    ex = fi(
        "Sivistystoimiala vastaa opetuksesta. Toimialaa johtaa vs. toimialajohtaja Liisa Virtanen."
        " Ympäristöterveydenhuollon yksikön johtajana toimii va. ympäristöjohtaja Kari Koski."
    )
    assert heads(ex) == {
        ("sivistystoimiala", "toimialajohtaja", "Liisa Virtanen"),
        ("ympäristöterveydenhuollon yksikkö", "ympäristöjohtaja", "Kari Koski"),
    }


def test_municipal_title_in_the_essive_heads_the_municipality(fi: Run) -> None:
    assert heads(fi("Kaupunginjohtajana toimii Jukka Mäkelä.")) == {
        ("kaupunki", "kaupunginjohtaja", "Jukka Mäkelä")
    }


def test_acting_holder_heads_the_posts_body_under_the_posts_title(fi: Run) -> None:
    ex = fi(
        "Hallinto-osastoa johtaa hallintojohtaja Kirsi Remes. Hallintojohtajan sijaisena toimii"
        " 1.8.2024 alkaen Hallinto-tulosalueen johtaja Pekka Laine."
    )
    assert ("hallinto-osasto", "hallintojohtaja", "Pekka Laine") in heads(ex)
    assert ("hallinto-tulosalue", "johtaja", "Pekka Laine") in heads(ex)


def test_acronym_owning_a_post_or_a_body_is_a_body(fi: Run) -> None:
    ex = fi("HSL:n toimitusjohtaja Mika Nykänen jää virkavapaalle. HSL:n hallitus päätti asiasta.")
    assert heads(ex) == {("HSL", "toimitusjohtaja", "Mika Nykänen")}
    assert ("HSL:n hallitus", "HSL") in parts(ex)
    assert "EU" not in names(fi("EU:n ohjelman toimeenpanosta vastaa ministeriö."))


def test_person_card_holder_leads_the_bodies_whose_activity_she_leads(fi: Run) -> None:
    ex = fi(
        "Maakuntajohtaja\nRiikka Pirkkalainen\nJohtaa, valvoo ja kehittää kuntayhtymän hallintoa ja"
        " toimintaa.\nMaakuntajohtaja toimii johtoryhmän puheenjohtajana. Lisäksi hän johtaa edunajamisen"
        " tiimin sekä kansainvälisten asioiden tiimin toimintaa.\n"
    )
    assert heads(ex) == {
        ("kuntayhtymä", "maakuntajohtaja", "Riikka Pirkkalainen"),
        ("johtoryhmä", "puheenjohtaja", "Riikka Pirkkalainen"),
        ("edunajamisen tiimi", "maakuntajohtaja", "Riikka Pirkkalainen"),
        ("kansainvälisten asioiden tiimi", "maakuntajohtaja", "Riikka Pirkkalainen"),
    }


def test_titled_holder_leading_a_bodys_activity_heads_it(fi: Run) -> None:
    ex = fi("Hyvinvointialuejohtaja Sirpa Kauppinen johtaa hyvinvointialueen toimintaa.")
    assert heads(ex) == {("hyvinvointialue", "hyvinvointialuejohtaja", "Sirpa Kauppinen")}


def test_leading_an_activity_with_no_holder_read_makes_no_head(fi: Run) -> None:
    assert heads(fi("Johtaa kuntayhtymän hallintoa ja toimintaa.")) == set()


def test_a_plural_class_led_by_plural_titles_is_no_body(fi: Run) -> None:
    ex = fi("Toimialoja johtavat toimialajohtajat.")
    assert names(ex) == set()
    assert heads(ex) == set()


def test_a_heading_ends_what_a_subjectless_johtaa_refers_to(fi: Run) -> None:
    ex = fi(
        "Sivistyspalvelut\n\nSivistysjohtaja Anne Aalto johtaa sivistyspalveluja.\n\nTekniset palvelut\n\n"
        "Johtaa kuntayhtymän toimintaa.\n"
    )
    assert not any(org == "kuntayhtymä" for org, _, _ in heads(ex))
