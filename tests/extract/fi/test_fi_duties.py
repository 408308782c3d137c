"""Duties: one per statement, the text saying what; anaphora; lists; what is no duty."""

from __future__ import annotations

from .helpers import Run, duties, names


def test_huolehtii_keeps_the_object(fi: Run) -> None:
    ex = fi(
        "Elinkeino-osasto huolehtii kaupungin elinkeino-, innovaatio- ja kilpailukykypolitiikasta,"
        " yrittäjyyden edistämisestä sekä työllisyys- ja maahanmuuttoasioista."
    )
    assert duties(ex) == {
        (
            "elinkeino-osasto",
            "kaupungin elinkeino-, innovaatio- ja kilpailukykypolitiikasta, yrittäjyyden edistämisestä sekä"
            " työllisyys- ja maahanmuuttoasioista",
        )
    }
    (duty,) = ex.duties
    assert duty.rule == "duty.fi.huolehtia"
    assert duty.evidence.quote.startswith("Elinkeino-osasto huolehtii")


def test_duty_across_a_broken_line_is_the_exact_original_slice(fi: Run) -> None:
    text = (
        "Strategiaosasto huolehtii kaupungin strategisesta kehittämisestä ja strategisesti keskeisten"
        " asiakokonaisuuksien ja hankkeiden\nkoordinoinnista, digitalisaation ja tietohallinnon"
        " ohjauksesta.\n"
    )
    (duty,) = fi(text).duties
    assert "hankkeiden koordinoinnista" in duty.text
    assert duty.evidence.quote == text[: text.index("ohjauksesta.") + len("ohjauksesta.")]
    assert "\n" in duty.evidence.quote


def test_bare_class_word_subject(fi: Run) -> None:
    ex = fi(
        "Henkilöstöosasto huolehtii henkilöstöpolitiikasta.\n"
        "Osasto huolehtii henkilöstön kehittämispalveluista ja muutostuesta.\n"
    )
    assert ("henkilöstöosasto", "henkilöstön kehittämispalveluista ja muutostuesta") in duties(ex)


def test_several_verbs_keep_the_first_verb(fi: Run) -> None:
    ex = fi("Kaupunginkanslia vastaa keskusarkistosta ja ohjaa asiakirjahallintoa.")
    assert duties(ex) == {("kaupunginkanslia", "vastaa keskusarkistosta ja ohjaa asiakirjahallintoa")}


def test_other_duty_verbs_keep_the_verb(fi: Run) -> None:
    ex = fi(
        "Kaupunginkanslia hoitaa organisaation vaihteen ja toimistotarvikehankinnat. Kaupunginkanslia toimii"
        " kaupunginjohtajan apuna asioiden valmistelussa."
    )
    assert duties(ex) == {
        ("kaupunginkanslia", "hoitaa organisaation vaihteen ja toimistotarvikehankinnat"),
        ("kaupunginkanslia", "toimii kaupunginjohtajan apuna asioiden valmistelussa"),
    }


def test_tehtavana_on_with_genitive_pronoun_and_relative(fi: Run) -> None:
    ex = fi(
        "Keskushallintopalvelut\n\n"
        "Keskushallintopalvelujen tehtävänä on johtaa, ohjata, sovittaa yhteen ja valvoa kaupunkikonsernin"
        " toimintaa kaupunginjohtajan johdolla.\n\n"
        "Henkilöstöohjaus\n\n"
        "Henkilöstöohjaus on keskitetty sisäinen tukipalvelu, jonka tehtävänä on antaa organisaation"
        " toimivalle johdolle tuki päivittäiseen henkilöstötyöhön ja palkanlaskentaan. Lisäksi se vastaa"
        " strategisesta henkilöstötyöstä.\n"
    )
    assert duties(ex) == {
        (
            "keskushallintopalvelut",
            "johtaa, ohjata, sovittaa yhteen ja valvoa kaupunkikonsernin toimintaa"
            " kaupunginjohtajan johdolla",
        ),
        (
            "henkilöstöohjaus",
            "antaa organisaation toimivalle johdolle tuki päivittäiseen henkilöstötyöhön ja palkanlaskentaan",
        ),
        ("henkilöstöohjaus", "strategisesta henkilöstötyöstä"),
    }


def test_sen_tehtavana_on_under_a_heading(fi: Run) -> None:
    ex = fi(
        "Rakennusvalvonta\n\nRakennusvalvonnan tehtävänä on valvoa rakentamista. Lisäksi se vastaa"
        " rakennuslupien käsittelystä.\n"
    )
    assert duties(ex) == {
        ("rakennusvalvonta", "valvoa rakentamista"),
        ("rakennusvalvonta", "rakennuslupien käsittelystä"),
    }


def test_vastuisiin_kuuluvat(fi: Run) -> None:
    ex = fi(
        "Kaupunginvaltuusto\n\nKaupunginvaltuusto on kaupungin ylin toimielin. Valtuusto vastuisiin kuuluvat"
        " strateginen päätöksenteko ja toiminnan arviointi.\n"
    )
    assert duties(ex) == {("kaupunginvaltuusto", "strateginen päätöksenteko ja toiminnan arviointi")}


def test_what_belongs_to_a_body_is_a_duty_when_it_names_no_body(fi: Run) -> None:
    ex = fi("Samoin kaupunginkansliaa kuuluu velkaneuvonta, kunnallinen edunvalvonta ja väestönsuojelu.")
    assert duties(ex) == {("kaupunginkanslia", "velkaneuvonta, kunnallinen edunvalvonta ja väestönsuojelu")}


def test_passive_in_a_body(fi: Run) -> None:
    ex = fi(
        "Talousohjaus myy laskentatoimen palveluja. Talousohjauksessa kootaan ja valmistellaan vuosittain"
        " talousarviokirja. Niin ikään talousohjauksessa laaditaan sekä kaupungin tilinpäätös että"
        " konsernitilinpäätös."
    )
    assert duties(ex) == {
        ("talousohjaus", "myy laskentatoimen palveluja"),
        ("talousohjaus", "kootaan ja valmistellaan vuosittain talousarviokirja"),
        ("talousohjaus", "laaditaan sekä kaupungin tilinpäätös että konsernitilinpäätös"),
    }


def test_necessive_and_remit_in_a_section(fi: Run) -> None:
    ex = fi(
        "Kaupunginhallitus\n\n"
        "Kaupunginhallitus vastaa kaupungin hallinnosta ja taloudesta. Taloudenhoidon vastuu käsittää"
        " laskentatoimen ja maksuliikenteen järjestämisen. Kaupunginhallituksen on myös valmisteltava"
        " valtuustossa käsiteltävät asiat.\n"
    )
    assert duties(ex) == {
        ("kaupunginhallitus", "kaupungin hallinnosta ja taloudesta"),
        ("kaupunginhallitus", "laskentatoimen ja maksuliikenteen järjestämisen"),
        ("kaupunginhallitus", "valmisteltava valtuustossa käsiteltävät asiat"),
    }


def test_partitive_predicate_describes_an_activity(fi: Run) -> None:
    ex = fi(
        "Sisäinen tarkastus toimii kansliapäällikön alaisuudessa. Sisäinen tarkastus on riippumatonta ja"
        " objektiivista arviointitoimintaa, jonka tarkoituksena on tuottaa lisäarvoa.\n"
    )
    assert duties(ex) == {
        (
            "sisäinen tarkastus",
            "riippumatonta ja objektiivista arviointitoimintaa, jonka tarkoituksena on tuottaa lisäarvoa",
        )
    }


def test_relative_clause_duty(fi: Run) -> None:
    ex = fi("Tarkastuslautakunta on valtuuston asettama toimielin, joka arvioi tavoitteiden toteutumista.")
    assert duties(ex) == {("tarkastuslautakunta", "arvioi tavoitteiden toteutumista")}


def test_object_before_verb_and_subject(fi: Run) -> None:
    ex = fi(
        "Kuntayhtymän ylintä päätösvaltaa käyttää valtuusto, johon jäsenkuntien kunnanvaltuustot valitsevat"
        " jäsenet. Valtuuston alaisena kuntayhtymää johtaa hallitus."
    )
    assert duties(ex) == {
        ("valtuusto", "Kuntayhtymän ylintä päätösvaltaa käyttää"),
        ("hallitus", "kuntayhtymää johtaa"),
    }


def test_bulleted_duties(fi: Run) -> None:
    ex = fi("Kaupunginhallitus vastaa\n• kaupungin hallinnosta\n• taloudenhoidosta\n• omistajaohjauksesta\n")
    assert duties(ex) == {
        ("kaupunginhallitus", "kaupungin hallinnosta"),
        ("kaupunginhallitus", "taloudenhoidosta"),
        ("kaupunginhallitus", "omistajaohjauksesta"),
    }
    assert {d.rule for d in ex.duties} == {"duty.fi.list"}


def test_duty_list_after_tehtavat(fi: Run) -> None:
    ex = fi("Elinvoimapalveluiden tehtävät:\n• elinkeinopolitiikka\n• matkailun edistäminen\n")
    assert duties(ex) == {
        ("elinvoimapalvelut", "elinkeinopolitiikka"),
        ("elinvoimapalvelut", "matkailun edistäminen"),
    }


def test_bulleted_items_with_their_own_subject(fi: Run) -> None:
    ex = fi(
        "Keskushallintopalvelut -toimialalla ja palvelualueella on neljä palveluyksikköä:\n\n"
        " • Talous- ja hankintapalvelut vastaa talouspalveluista ja hankintapalveluista.\n"
        " • Tietohallintopalvelut vastaa tietohallinnosta.\n"
    )
    assert duties(ex) == {
        ("talous- ja hankintapalvelut", "talouspalveluista ja hankintapalveluista"),
        ("tietohallintopalvelut", "tietohallinnosta"),
    }


def test_no_duty_from_negation_subordination_one_off_acts_or_cut_text(fi: Run) -> None:
    ex = fi(
        "Oikeuspalvelut-yksikkö ei palvele yksityishenkilöitä.\n"
        "Tarkastuslautakunta toimii valtuuston alaisena.\n"
        "Kaupunginhallitus tekee valtuustolle esityksen päälinjauksista.\n"
        "Kunnanhallituksen alaisuudessa toimii konsernihallinto.\n"
        " • Vanhus- ja hoitopalvelut vastaa erilaisissa elämäntilanteissa olevien kuntalaisten"
        " hyvinvoinnin ja elämänh"
    )
    assert duties(ex) == set()


def test_task_with_an_adjective(fi: Run) -> None:
    ex = fi("Hallinto-osaston keskeisimpänä tehtävänä on talousarvion valmistelu ja seuranta.")
    assert duties(ex) == {("hallinto-osasto", "talousarvion valmistelu ja seuranta")}


def test_duty_list_after_an_empty_task_sentence(fi: Run) -> None:
    ex = fi(
        "Kunnanhallitus\n\nLisäksi kunnanhallituksen lakisääteisenä tehtävänä on\n\n"
        " • valvoa kunnan etua\n • huolehtia kunnan sisäisestä valvonnasta.\n"
    )
    assert duties(ex) == {
        ("kunnanhallitus", "valvoa kunnan etua"),
        ("kunnanhallitus", "huolehtia kunnan sisäisestä valvonnasta"),
    }


def test_object_first_when_the_sentence_starts_with_a_title(fi: Run) -> None:
    ex = fi("Kunnanjohtajan toimintaa valvoo valtuusto.")
    assert duties(ex) == {("valtuusto", "Kunnanjohtajan toimintaa valvoo")}
    # gold convention D (December 2026): electing or appointing is no duty
    assert duties(fi("Kunnanjohtajan valitsee valtuusto.")) == set()


def test_a_place_before_the_verb_is_no_duty(fi: Run) -> None:
    """ "Kunnassa toimii …" says where the bodies are, not what they do."""
    ex = fi("Kunnassa toimii keskusvaalilautakunta, tarkastuslautakunta ja kolme muuta lautakuntaa.")
    assert duties(ex) == set()
    assert {"keskusvaalilautakunta", "tarkastuslautakunta"} <= names(ex)


def test_duty_verb_coordinated_with_a_first_verb(fi: Run) -> None:
    """The duty may be the second of two verbs with the same subject."""
    ex = fi(
        "Sosiaali- ja terveyslautakunta toimii kunnanhallituksen alaisuudessa ja vastaa sosiaali- ja"
        " terveyspalveluiden järjestämisestä."
    )
    board = "sosiaali- ja terveyslautakunta"
    assert duties(ex) == {(board, "sosiaali- ja terveyspalveluiden järjestämisestä")}
    ex = fi("Tekninen lautakunta kokoontuu kerran kuukaudessa ja huolehtii kunnan infrastruktuurista.")
    assert duties(ex) == {("tekninen lautakunta", "kunnan infrastruktuurista")}


def test_a_coordinated_clause_with_its_own_subject_is_not_the_first_subjects_duty(fi: Run) -> None:
    ex = fi(
        "Kunnanhallitus valmistelee asiat ja valtuusto päättää niistä.\n"
        "Tekninen lautakunta vastaa kaduista ja lautakunnat hoitavat omat palvelunsa.\n"
    )
    assert duties(ex) == {
        ("kunnanhallitus", "valmistelee asiat"),
        ("valtuusto", "päättää niistä"),
        ("tekninen lautakunta", "kaduista"),
    }


def test_an_infinitive_after_tehtavana_on_has_no_subject_after_it(fi: Run) -> None:
    ex = fi("Perusturvalautakunnan tehtävänä on järjestää sosiaali- ja terveyspalvelut.")
    assert duties(ex) == {("perusturvalautakunta", "järjestää sosiaali- ja terveyspalvelut")}


def test_a_duty_after_a_dash_in_a_list_item(fi: Run) -> None:
    ex = fi(
        "Elinvoimapalveluiden vastuualueet:\n"
        "• Elinkeinopalvelut – vastaa yritysneuvonnasta ja matkailun kehittämisestä\n"
        "• Maaseutupalvelut – hoitaa maaseutuhallinnon tehtävät\n"
    )
    assert duties(ex) == {
        ("elinkeinopalvelut", "yritysneuvonnasta ja matkailun kehittämisestä"),
        ("maaseutupalvelut", "hoitaa maaseutuhallinnon tehtävät"),
    }


def test_relative_clause_duty_of_the_body_before_the_comma_and_object_first(fi: Run) -> None:
    ex = fi(
        "Kunnanhallituksen alaisena toimii elinvoimajaosto, joka vastaa elinkeinopolitiikasta.\n"
        "Sosiaali- ja terveyspalvelut tuottaa Pohjanmaan hyvinvointialue.\n"
    )
    assert duties(ex) == {
        ("elinvoimajaosto", "elinkeinopolitiikasta"),
        ("Pohjanmaan hyvinvointialue", "Sosiaali- ja terveyspalvelut tuottaa"),
    }


def test_tehtavana_on_mm_and_a_tasks_heading_open_duty_lists(fi: Run) -> None:
    ex = fi(
        "Tarkastuslautakunta\n"
        "Tarkastuslautakunnan tehtävänä on mm.:\n"
        "• valmistella valtuuston päätettävät hallinnon ja talouden tarkastusta koskevat asiat\n"
        "Tehtävät\n"
        "• huolehtia tilintarkastuksen yhteensovittamisesta\n"
    )
    assert duties(ex) == {
        (
            "tarkastuslautakunta",
            "valmistella valtuuston päätettävät hallinnon ja talouden tarkastusta koskevat asiat",
        ),
        ("tarkastuslautakunta", "huolehtia tilintarkastuksen yhteensovittamisesta"),
    }


def test_lead_in_with_an_obligation_gives_each_item_as_a_duty(fi: Run) -> None:
    ex = fi(
        "PELASTUSLAITOKSEN TULEE HUOLEHTIA ALUEELLAAN:\n\n"
        "  1. pelastustoimen valvontatehtävistä\n"
        "  2. pelastustoimintaan kuuluvista tehtävistä\n"
    )
    assert duties(ex) == {
        ("pelastuslaitos", "pelastustoimen valvontatehtävistä"),
        ("pelastuslaitos", "pelastustoimintaan kuuluvista tehtävistä"),
    }


def test_lead_in_naming_only_the_subject_takes_items_that_start_with_a_verb(fi: Run) -> None:
    ex = fi(
        "Tässä tarkoituksessa liikelaitoskuntayhtymä\n"
        "1. Huolehtii kunnallisen jätehuollon suunnittelusta ja kehittämisestä.\n"
        "2. Hyväksyy kuntayhtymän toimialueella sovellettavat jätehuoltomääräykset.\n"
        "3. Jätehuoltolautakunta\n"
    )
    assert duties(ex) == {
        ("liikelaitoskuntayhtymä", "Huolehtii kunnallisen jätehuollon suunnittelusta ja kehittämisestä"),
        ("liikelaitoskuntayhtymä", "Hyväksyy kuntayhtymän toimialueella sovellettavat jätehuoltomääräykset"),
    }


def test_subject_lead_in_over_names_states_no_duty(fi: Run) -> None:
    ex = fi("lisäksi pelastuslaitos:\n\n  • Kainuun pelastuslaitos\n  • Lapin pelastuslaitos\n")
    assert duties(ex) == set()


def test_object_first_with_listed_subjects_gives_each_subject_the_duty(fi: Run) -> None:
    ex = fi(
        "Keskuksia ohjaavat työ- ja elinkeinoministeriön lisäksi sisäasiainministeriö, ympäristöministeriö"
        " sekä Väylävirasto. Julkisia hallintotehtäviä hoitavat Luontopalvelut ja Eräpalvelut."
    )
    assert {(org.casefold(), text) for org, text in duties(ex)} == {  # names compare case-folded
        ("työ- ja elinkeinoministeriö", "Keskuksia ohjaavat"),
        ("sisäasiainministeriö", "Keskuksia ohjaavat"),
        ("ympäristöministeriö", "Keskuksia ohjaavat"),
        ("väylävirasto", "Keskuksia ohjaavat"),
        ("luontopalvelut", "Julkisia hallintotehtäviä hoitavat"),
        ("eräpalvelut", "Julkisia hallintotehtäviä hoitavat"),
    }


def test_object_first_with_an_item_that_names_no_body_states_no_duty(fi: Run) -> None:
    ex = fi("Palveluja tuottavat kaupunginkanslia ja monet yksityiset yritykset.")
    assert duties(ex) == set()


def test_subjectless_duty_sentence_continues_the_paragraphs_last_body(fi: Run) -> None:
    ex = fi(
        "Sivistystoimi huolehtii opetuksesta. Turvataan asukkaille mahdollisuudet. Edistää kunnan"
        " elinvoimaisuutta ja houkuttelevuutta asuinpaikkana."
    )
    assert ("sivistystoimi", "Edistää kunnan elinvoimaisuutta ja houkuttelevuutta asuinpaikkana") in duties(
        ex
    )


def test_subjectless_duty_sentence_after_a_person_is_the_persons(fi: Run) -> None:
    ex = fi(
        "Sivistystoimi huolehtii opetuksesta. Sivistysjohtaja Anne Aalto johtaa sivistystoimea."
        " Vastaa toiminnan tuloksellisuudesta."
    )
    assert duties(ex) == {("sivistystoimi", "opetuksesta")}


def test_posts_that_belong_to_a_group_are_members_not_a_duty(fi: Run) -> None:
    ex = fi(
        "Hyvinvointialueen johtoryhmään kuuluvat hyvinvointialuejohtaja, toimialajohtajat ja hallintojohtaja."
    )
    assert duties(ex) == set()
