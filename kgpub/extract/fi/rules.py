"""The Finnish rules, declared once (:mod:`kgpub.extract.core.rules`): id, fact type, the function that
applies it, a real example and the facts it must produce. Ids are ``<fact>.fi.<name>`` like every pack's;
``duty.fi.<verb>`` is the family of ids "duty.fi.<lemma>" the duty-verb rule makes."""

from __future__ import annotations

from ..core.rules import Rule, rule
from . import _heading_item, _Lists, _sentence
from .belonging import belonging
from .contacts import _named_here, flush
from .context import Reader
from .duties import (
    belongs,
    listed,
    necessive,
    object_first,
    passive,
    predicate,
    relative,
    remit,
    subject_verb,
    task,
)
from .heads import (
    _acting,
    _essive_subject,
    _genitive_org,
    _item_org,
    _item_role,
    _named_by_title,
    _org,
    _staff_led,
    _title_verb,
    heads,
    leads,
    title_line,
)
from .hierarchy import (
    _antecedent,
    _subject,
    appointed,
    apposition,
    beneath,
    counted,
    existential,
    formed,
    grouping,
    osa,
    own_subordinate,
    placed,
    relative_kind,
)
from .layout import head_item, item_name
from .lists import proper_items, shared_class
from .subordination import _attributed, _possessed, subordination

LANGS = ("fi",)

#: One page passage that shows several rules.
_SHARED_EXAMPLE_1 = (
    "Ympäristöministeriön kolme osastoa ja kaksi tulosaluetta – luontoympäristöosasto, "
    "rakennetun ympäristön osasto, ympäristönsuojeluosasto, hallinto ja kansainväliset "
    "asiat sekä tieto ja viestintä – vastaavat valtioneuvoston ja eduskunnan "
    "käsittelyyn tulevien asioiden valmistelusta, jotka koskevat yhdyskuntia, "
    "ilmastoa, rakennettua ympäristöä, asumista, luonnon monimuotoisuutta ja "
    "luonnonvarojen kestävää käyttöä sekä ympäristönsuojelua."
)

#: One page passage that shows several rules.
_SHARED_EXAMPLE_2 = (
    "Kaupunginhallitus vastaa kaupungin hallinnosta ja taloudesta. "
    "Kaupunginhallituksen vastuuseen hallinnosta kuuluu mm. kaupunginhallituksen "
    "alaisen hallinnon yhteensovittaminen ja käytännön hallinnosta huolehtiminen. "
    "Taloudenhoidon vastuu käsittää laskentatoimen, maksuliikenteen, sisäisen "
    "valvonnan sekä muun taloudenhoidon järjestämisen. Kaupunginhallituksen on myös "
    "valmisteltava valtuustossa käsiteltävät asiat. Hallitus valvoo kaupungin muiden "
    "toimielinten toimintaa, seuraa kaupungin yleistä kehitystä ja valvoo kaupungin "
    "etua."
)

#: One page passage that shows several rules.
_SHARED_EXAMPLE_3 = (
    "Kuntayhtymän ylintä päätösvaltaa käyttää valtuusto, johon jäsenkuntien "
    "kunnanvaltuustot valitsevat jäsenet. Valtuuston alaisena kuntayhtymää johtaa "
    "hallitus."
)

#: One page passage that shows several rules.
_SHARED_EXAMPLE_4 = (
    "Uudistus ei koskenut sosiaali- ja terveystoimen organisaatiota, jossa "
    "palvelualueet säilyvät entisellään: perhepalvelut, vanhus- ja vammaispalvelut, "
    "terveyspalvelut sekä suun terveydenhuollon liikelaitos."
)

#: One page passage that shows several rules.
_SHARED_EXAMPLE_5 = (
    "Kunnanhallitus on asettanut henkilöstöjaoston ja elinkeinojaoston.\nTekninen "
    "lautakunta ja sen alainen lupajaosto vastaavat rakentamisen valvonnasta.\n"
    "Vesihuoltolaitos on kunnan liikelaitos, jonka johtokuntana toimii tekninen "
    "lautakunta.\n"
)

RULES: list[Rule] = [
    rule(
        "duty.fi.<verb>",
        "duties",
        subject_verb,
        example=" • Tietohallintopalvelut vastaa tietohallinnosta.",
        expects=["duty: tietohallintopalvelut | tietohallinnosta"],
        langs=LANGS,
    ),
    rule(
        "duty.fi.apposition",
        "duties",
        apposition,
        example=_SHARED_EXAMPLE_1,
        expects=[
            (
                "duty: luontoympäristöosasto | valtioneuvoston ja eduskunnan käsittelyyn tulevien "
                "asioiden valmistelusta, jotka koskevat yhdyskuntia, ilmastoa, rakennettua "
                "ympäristöä, asumista, luonnon monimuotoisuutta ja luonnonvarojen kestävää käyttöä "
                "sekä ympäristönsuojelua"
            )
        ],
        langs=LANGS,
    ),
    rule(
        "duty.fi.joka",
        "duties",
        relative,
        example=(
            "Metsähallitus on valtion liikelaitos, joka käyttää, hoitaa ja suojelee "
            "hallinnassaan olevaa valtion maa- ja vesiomaisuutta kestävästi ja sovittaa yhteen "
            "omistajansa, sidosryhmiensä sekä asiakkaidensa näihin alueisiin kohdistamia "
            "odotuksia ja tavoitteita."
        ),
        expects=[
            (
                "duty: metsähallitus | käyttää, hoitaa ja suojelee hallinnassaan olevaa valtion "
                "maa- ja vesiomaisuutta kestävästi ja sovittaa yhteen omistajansa, sidosryhmiensä "
                "sekä asiakkaidensa näihin alueisiin kohdistamia odotuksia ja tavoitteita"
            )
        ],
        langs=LANGS,
    ),
    rule(
        "duty.fi.kuuluu",
        "duties",
        belongs,
        example=(
            "Kaupunginvaltuusto on kaupungin ylin toimielin. Kuntalaki korostaa valtuuston "
            "vahvaa asemaa ja kokonaisvastuuta kaupungin toiminnasta ja taloudesta. Valtuusto "
            "vastuisiin kuuluvat strateginen päätöksenteko, koko kaupunkikonsernin "
            "tavoitteiden asettaminen ja talouden tasapainosta sekä toiminnan arviointi ja "
            "seurannan järjestäminen."
        ),
        expects=[
            (
                "duty: kaupunginvaltuusto | strateginen päätöksenteko, koko kaupunkikonsernin "
                "tavoitteiden asettaminen ja talouden tasapainosta sekä toiminnan arviointi ja "
                "seurannan järjestäminen"
            )
        ],
        langs=LANGS,
    ),
    rule(
        "duty.fi.list",
        "duties",
        listed,
        example=(
            "Yleinen osasto käsittelee asiat, jotka koskevat:\n\n1) virka- ja työsuhteita sekä "
            "muuta ministeriön henkilöstöhallintoa;"
        ),
        expects=[("duty: yleinen osasto | virka- ja työsuhteita sekä muuta ministeriön henkilöstöhallintoa")],
        langs=LANGS,
    ),
    rule(
        "duty.fi.list-lead",
        "duties",
        _Lists.item,
        example="Ministeriön yhteisiä tehtäviä hoitavat: \n\n  • hallintoyksikkö",
        expects=["duty: hallintoyksikkö | Ministeriön yhteisiä tehtäviä"],
        langs=LANGS,
    ),
    rule(
        "duty.fi.necessive",
        "duties",
        necessive,
        example=_SHARED_EXAMPLE_2,
        expects=["duty: kaupunginhallitus | valmisteltava valtuustossa käsiteltävät asiat"],
        langs=LANGS,
    ),
    rule(
        "duty.fi.object-first",
        "duties",
        object_first,
        example=_SHARED_EXAMPLE_3,
        expects=["duty: valtuusto | Kuntayhtymän ylintä päätösvaltaa käyttää"],
        langs=LANGS,
    ),
    rule(
        "duty.fi.on",
        "duties",
        predicate,
        example=(
            "Sisäinen tarkastus toimii kansliapäällikön alaisuudessa ja sitä johtaa sisäisen "
            "tarkastuksen päällikkö. Sisäinen tarkastus on riippumatonta ja objektiivista "
            "arviointi- ja varmistus- sekä konsultointitoimintaa, jonka tarkoituksena on "
            "tuottaa lisäarvoa Helsingin kaupungille ja parantaa sen toimintaa."
        ),
        expects=[
            (
                "duty: sisäinen tarkastus | riippumatonta ja objektiivista arviointi- ja "
                "varmistus- sekä konsultointitoimintaa, jonka tarkoituksena on tuottaa lisäarvoa "
                "Helsingin kaupungille ja parantaa sen toimintaa"
            )
        ],
        langs=LANGS,
    ),
    rule(
        "duty.fi.passive",
        "duties",
        passive,
        example=(
            "Hallintopalvelujen taloustoimi koordinoi koko kaupungin taloustointa, hoitaa "
            "kirjanpidon, maksuliikenteen, kassavalmiuden, myynti- ja ostoreskontran siltä "
            "osin kuin niitä ei ole hajautettu, vastaa talouden sekä väestö- ja "
            "elinkeinorakenteen tietohuollosta sekä avustaa kaupunginstrategisessa ja "
            "operatiivisessa suunnittelussa. Talousohjauksessa kootaan ja valmistellaan "
            "vuosittain talousarviokirja, osavuosikatsaukset ja tasekirja. Niin ikään "
            "talousohjauksessa laaditaan sekä kaupungin tilinpäätös että konsernitilinpäätös. "
            "Talousohjaus myy laskentatoimen palveluja myös kaupungin tytäryhtiöille."
        ),
        expects=[
            (
                "duty: talousohjaus | kootaan ja valmistellaan vuosittain talousarviokirja, "
                "osavuosikatsaukset ja tasekirja"
            )
        ],
        langs=LANGS,
    ),
    rule(
        "duty.fi.tehtava",
        "duties",
        task,
        example=(
            "Keskushallintopalvelujen tehtävänä on johtaa, ohjata, sovittaa yhteen ja valvoa "
            "kaupunkikonsernin toimintaa kaupunginjohtajan johdolla."
        ),
        expects=[
            (
                "duty: keskushallintopalvelut | johtaa, ohjata, sovittaa yhteen ja valvoa "
                "kaupunkikonsernin toimintaa kaupunginjohtajan johdolla"
            )
        ],
        langs=LANGS,
    ),
    rule(
        "duty.fi.vastuu",
        "duties",
        remit,
        example=_SHARED_EXAMPLE_2,
        expects=[
            (
                "duty: kaupunginhallitus | laskentatoimen, maksuliikenteen, sisäisen valvonnan "
                "sekä muun taloudenhoidon järjestämisen"
            )
        ],
        langs=LANGS,
    ),
    rule(
        "head.fi.acting",
        "heads",
        _acting,
        example=(
            "Hallinto-osastoa johtaa hallintojohtaja Kirsi Remes. Hallintojohtajan sijaisena toimii"
            " talouspäällikkö Pekka Laine."
        ),
        expects=["head: hallinto-osasto | hallintojohtaja | Pekka Laine"],
        langs=LANGS,
    ),
    rule(
        "head.fi.leads",
        "heads",
        leads,
        example=(
            "Maakuntajohtaja\nRiikka Pirkkalainen\nJohtaa, valvoo ja kehittää kuntayhtymän hallintoa ja"
            " toimintaa. Lisäksi hän johtaa edunajamisen tiimin sekä kansainvälisten asioiden"
            " tiimin toimintaa."
        ),
        expects=[
            "head: kuntayhtymä | maakuntajohtaja | Riikka Pirkkalainen",
            "head: edunajamisen tiimi | maakuntajohtaja | Riikka Pirkkalainen",
            "head: kansainvälisten asioiden tiimi | maakuntajohtaja | Riikka Pirkkalainen",
        ],
        langs=LANGS,
    ),
    rule(
        "head.fi.essive",
        "heads",
        _essive_subject,
        example=(
            "Sivistyspalvelut\nSivistyspalvelut vastaa varhaiskasvatuksesta ja "
            "perusopetuksesta. Sivistysjohtajana toimii Anne Aalto."
        ),
        expects=["head: sivistyspalvelut | sivistysjohtaja | Anne Aalto"],
        langs=LANGS,
    ),
    rule(
        "head.fi.genitive",
        "heads",
        _org,
        example=(
            "HSL:n hallitus päätti tiistaina yksimielisesti myöntää Nykäselle virkavapaata "
            "valtiosihteerin toimikauden ajaksi, kuitenkin enintään 31.5.2027 asti. HSL "
            "käynnistää julkisen hakumenettelyn viransijaisuuden täyttämiseksi. Viransijaisuus "
            "kestää virkavapaan ajan. Ennen valitun viransijaisen aloittamista "
            "toimitusjohtajan viransijaisena toimii 15.1.2024 alkaen Hallinto-tulosalueen "
            "johtaja Jussi Saarinen."
        ),
        expects=["head: hallinto-tulosalue | johtaja | Jussi Saarinen"],
        langs=LANGS,
    ),
    rule(
        "head.fi.item-role",
        "heads",
        _item_role,
        example=(
            "Sivistystoimessa on seuraavat tulosalueet:\n• Varhaiskasvatus, johtajana "
            "varhaiskasvatusjohtaja Anna Aho\n• Opetus ja nuoriso, päällikkönä opetuspäällikkö "
            "Pekka Puro\n\nOpetus ja nuoriso -tulosalueella toimii kaksi yksikköä: perusopetus "
            "ja nuorisotyö.\n"
        ),
        expects=["head: varhaiskasvatus | varhaiskasvatusjohtaja | Anna Aho"],
        langs=LANGS,
    ),
    rule(
        "head.fi.johdossa",
        "heads",
        _org,
        example="Tekninen osasto\nOsaston johdossa on tekninen johtaja Matti Meikäläinen.",
        expects=["head: tekninen osasto | tekninen johtaja | Matti Meikäläinen"],
        langs=LANGS,
    ),
    rule(
        "head.fi.johtaa",
        "heads",
        _staff_led,
        example="Strategiaosastoa johtaa strategiajohtaja Markus Kühn.",
        expects=["head: strategiaosasto | strategiajohtaja | Markus Kühn"],
        langs=LANGS,
    ),
    rule(
        "head.fi.list",
        "heads",
        _org,
        example="  • Perusopetus: palvelujohtajat Sami Lahti ja Tuija Rasinen",
        expects=["head: perusopetus | palvelujohtaja | Sami Lahti"],
        langs=LANGS,
    ),
    rule(
        "head.fi.on",
        "heads",
        _title_verb,
        example="Sivistyslautakunnan puheenjohtaja on Liisa Mäkinen.",
        expects=["head: sivistyslautakunta | puheenjohtaja | Liisa Mäkinen"],
        langs=LANGS,
    ),
    rule(
        "head.fi.paallikkona",
        "heads",
        _title_verb,
        example="Hallinto-osaston päällikkö on hallintojohtaja Kirsi Remes.",
        expects=["head: hallinto-osasto | hallintojohtaja | Kirsi Remes"],
        langs=LANGS,
    ),
    rule(
        "head.fi.title",
        "heads",
        heads,
        example=(
            "Opetus- ja kulttuuriministeriön organisaatio\n\nHallituksen sopiman työnjaon "
            "mukaan opetusministeri Li Andersson toimii ministeriön päällikkönä ja vastaa "
            "varhaiskasvatuksesta, yleissivistävästä koulutuksesta sekä ammatillisesta "
            "koulutuksesta.\n\nTiede- ja kulttuuriministeri Hanna Kosonen käsittelee "
            "kulttuuri- ja taidepolitiikan osastolle sekä nuoriso- ja liikuntapolitiikan "
            "osastolle kuuluvat asiat ml. opintotukiasiat. Hän käsittelee myös tiedepolitiikan "
            "ja korkeakoulupolitiikan asiat sekä kirkollisasiat.\n\nValtiosihteerit Minna "
            "Kelhä ja Tuomo Puumalainen toimivat ministereiden apuna poliittisessa ohjauksessa "
            "ja asioiden valmistelussa\n\nKansliapäällikkö Anita Lehikoinen johtaa opetus- ja "
            "kulttuuriministeriön toimintaa ministerien lähimpänä apuna. Kansliapäällikön "
            "tehtäviin kuuluu mm. valvoa asioiden valmistelua ministeriössä sekä huolehtia "
            "sisäisestä toiminnasta."
        ),
        expects=["head: opetus- ja kulttuuriministeriö | kansliapäällikkö | Anita Lehikoinen"],
        langs=LANGS,
    ),
    rule(
        "head.fi.title-line",
        "heads",
        title_line,
        example=(
            "Sivistyksen toimialan henkilöstömäärä on lähes 3000 henkilötyövuotta. Vuonna 2016 "
            "varahaiskasvatuksen ja perusopetuksen henkilöstömäärä on 2355,5 henkilötyövuotta "
            "ja kulttuuri ja liikuntapalvelujen 440 henkilötyövuotta. Toimialan menot ovat "
            "noin 253 miljoonaa euroa ja tulot 22 miljoonaa euroa. Nettomenot ovat siis 231 "
            "miljoonaa euroa. Varhaiskasvatus ja perusopetuksen osuus nettomenoista on 192 "
            "miljoonaa ja kulttuuri- ja liikuntapalvelujen noin 39 miljoonaa euroa.\n\n"
            "Päätöksentekoelimet\n\nJohto\n\n  • Toimialajohtaja Eino Leisimo"
        ),
        expects=["head: sivistyksen toimiala | toimialajohtaja | Eino Leisimo"],
        langs=LANGS,
    ),
    rule(
        "head.fi.vastaa",
        "heads",
        _org,
        example="Ruokapalveluista vastaa ruokapalvelupäällikkö Tiina Nieminen.",
        expects=["head: ruokapalvelut | ruokapalvelupäällikkö | Tiina Nieminen"],
        langs=LANGS,
    ),
    rule(
        "body.fi.container",
        "organizations",
        _antecedent,
        example=_SHARED_EXAMPLE_4,
        expects=["body: sosiaali- ja terveystoimi"],
        langs=LANGS,
    ),
    rule(
        "body.fi.duty",
        "organizations",
        subject_verb,
        example=_SHARED_EXAMPLE_3,
        expects=["body: valtuusto"],
        langs=LANGS,
    ),
    rule(
        "body.fi.head",
        "organizations",
        _genitive_org,
        example="sisäisen tarkastuksen päällikkö",
        expects=["body: sisäinen tarkastus"],
        langs=LANGS,
    ),
    rule(
        "body.fi.head-list",
        "organizations",
        _item_org,
        example="  • Perusopetus: palvelujohtajat Sami Lahti ja Tuija Rasinen",
        expects=["body: perusopetus"],
        langs=LANGS,
    ),
    rule(
        "body.fi.heading",
        "organizations",
        Reader.section_body,
        example=("Hallintopalvelut\n\nKaupungintalo, Kirkkokatu 2\n45100 Kouvola\nPuhelin 020 615 11\n"),
        expects=["body: hallintopalvelut"],
        langs=LANGS,
    ),
    rule(
        "body.fi.led",
        "organizations",
        _named_by_title,
        example="Perusturvaa johtaa perusturvajohtaja Liisa Ahonen.",
        expects=["body: perusturva"],
        langs=LANGS,
    ),
    rule(
        "body.fi.list-head",
        "organizations",
        head_item,
        example="Nimitetyt ylijohtajat ovat:\n\nUudenmaan elinvoimakeskus: Petri Knaapinen",
        expects=["body: Uudenmaan elinvoimakeskus"],
        langs=LANGS,
    ),
    rule(
        "body.fi.list-context",
        "organizations",
        proper_items,
        example=(
            "Virastotalossa työskentelevät Aluehallintovirasto, Maanmittauslaitos, Business Finland,"
            " Ruokavirasto, Traficom ja Senaatti-kiinteistöt."
        ),
        expects=["body: Business Finland", "body: Traficom", "body: Senaatti-kiinteistöt"],
        langs=LANGS,
    ),
    rule(
        "body.fi.shared-class",
        "organizations",
        shared_class,
        example=(
            "Liikelaitoskuntayhtymän jäseniä ovat Heinäveden, Joroisten, Juvan ja Leppävirran kunnat"
            " sekä Varkauden kaupunki."
        ),
        expects=["body: Heinäveden kunta", "body: Joroisten kunta", "body: Leppävirran kunta"],
        langs=LANGS,
    ),
    rule(
        "body.fi.list-owner",
        "organizations",
        Reader.class_owner,
        example=(
            "Uuden Vantaan palvelualueet\n\nUudet toimialat ja palvelualueet ovat:\n\n"
            "Kaupunkiympäristö\n\n • Kiinteistöt ja tilat\n • Kadut ja puistot\n\n"
            "Kaupunkikulttuuri\n\n • Kulttuuri\n • Nuoriso\n"
        ),
        expects=["body: Vantaa"],
        langs=LANGS,
    ),
    rule(
        "body.fi.member",
        "organizations",
        grouping,
        example="Yleishallinto tarkoittaa kaupunginvaltuustoa, kaupunginhallitusta ja kaupunginkansliaa.",
        expects=[],  # shadowed: a member is recorded by its mention (body.mention) before this rule
        langs=LANGS,
    ),
    rule(
        "body.fi.mention",
        "organizations",
        Reader.record,
        example="Tutustu kaupunginkansliaan",
        expects=["body: kaupunginkanslia"],
        langs=LANGS,
    ),
    rule(
        "body.fi.parent",
        "organizations",
        belonging,
        example=("Luottamushenkilöorganisaatioon kuuluvat valtuusto, kaupunginhallitus ja lautakunnat."),
        expects=["body: luottamushenkilöorganisaatio"],
        langs=LANGS,
    ),
    rule(
        "body.fi.part",
        "organizations",
        formed,
        example=(
            "Kunnan luottamushenkilöorganisaation muodostavat valtuusto, tarkastuslautakunta ja lautakunnat."
        ),
        expects=["body: valtuusto"],
        langs=LANGS,
    ),
    rule(
        "body.fi.predicate",
        "organizations",
        Reader.classified,
        example=(
            "Kunnanhallitus, jonka alaisuudessa toimii konsernipalvelut, vastaa kunnan "
            "hallinnosta.\nYmpäristöterveydenhuolto on seudullinen yksikkö, joka toimii "
            "Seinäjoen kaupungin alaisuudessa.\n"
        ),
        expects=["body: ympäristöterveydenhuolto"],
        langs=LANGS,
    ),
    rule(
        "body.fi.role",
        "organizations",
        Reader.body,
        example=(
            "Oikeuspalvelut huolehtii oikeudellisesta edunvalvonnasta ja "
            "asiantuntijapalvelujen tuottamisesta Helsingin kaupungin organisaatiolle."
        ),
        expects=["body: oikeuspalvelut"],
        langs=LANGS,
    ),
    rule(
        "body.fi.site",
        "organizations",
        _named_here,
        example=(
            "Ympäristöpalvelut\nYmpäristöpalvelut on Kokkolan, Kruunupyyn ja Kannuksen "
            "yhteinen ympäristöterveydenhuollon ja ympäristönsuojelun yksikkö.\n"
            "Ympäristöpalvelut, Torikatu 40, 67100 Kokkola\nYmpäristöjohtaja Leena Laakso, p. "
            "040 806 5000\nRakennusvalvonta\nRakennusvalvontaa johtaa rakennustarkastaja Kimmo "
            "Koski.\n"
        ),
        expects=["body: ympäristöpalvelut"],
        langs=LANGS,
    ),
    rule(
        "body.fi.subject",
        "organizations",
        _subject,
        example=(
            "Hallintopalvelut koostuvat neljästä eri palvelualueesta; yleishallinnosta, "
            "henkilöstöohjauksesta, talousohjauksesta ja tietohallintopalveluista."
        ),
        expects=["body: hallintopalvelut"],
        langs=LANGS,
    ),
    rule(
        "body.fi.subordinate",
        "organizations",
        _attributed,
        example=(
            "Perusturvalautakunnan alaiset yksilöasioiden ja vammaisasioiden jaostot "
            "kokoontuvat kuukausittain."
        ),
        expects=["body: yksilöasioiden jaosto"],
        langs=LANGS,
    ),
    rule(
        "body.fi.title",
        "organizations",
        Reader.municipality_led,
        example=(
            "Sivistystoimi\nJohtaja: Kaisa Koski\nPuh. 040 111 2233\nTekninen lautakunta\n"
            "Puheenjohtaja Mika Mäkelä\nVarapuheenjohtaja Sanna Salo\nKaupunginjohtaja on "
            "Jukka Jokinen.\n"
        ),
        expects=["body: kaupunki"],
        langs=LANGS,
    ),
    rule(
        "site.fi.lines",
        "sites",
        flush,
        example=(
            "Oikeuspalvelut-yksikkö ei palvele yksityishenkilöitä. Yksityishenkilöt voivat "
            "pyytää oikeusapua ja oikeudellista neuvontaa oikeusaputoimistosta.\nHelsingin "
            "oikeusaputoimisto sijaitsee Salmisaaressa, osoitteessa:\nPorkkalankatu 13 G\n"
            "Puhelinnumero: 029 5660 120"
        ),
        expects=["site: oikeusaputoimisto | Porkkalankatu 13 G | 029 5660 120"],
        langs=LANGS,
    ),
    rule(
        "part.fi.jotka-ovat",
        "sub_organization_of",
        relative_kind,
        example=(
            "Liiketoimintaa harjoitetaan Metsähallitus Metsätalous Oy:ssä, MH-Kivi Oy:ssä ja Siemen"
            " Forelia Oy:ssä, jotka ovat Metsähallituksen tytäryhtiöitä."
        ),
        expects=["part: MH-Kivi Oy < metsähallitus"],
        langs=LANGS,
    ),
    rule(
        "part.fi.alainen",
        "sub_organization_of",
        subordination,
        example="Kaupunginkanslia on kaupunginhallituksen alainen virasto.",
        expects=["part: kaupunginkanslia < kaupunginhallitus"],
        langs=LANGS,
    ),
    rule(
        "part.fi.alaisuudessaan",
        "sub_organization_of",
        _possessed,
        example="Teknisellä lautakunnalla on alaisuudessaan liikennejaosto.",
        expects=["part: liikennejaosto < tekninen lautakunta"],
        langs=LANGS,
    ),
    rule(
        "part.fi.alla",
        "sub_organization_of",
        beneath,
        example=(
            "Kaupungin toiminta on jaettu neljään palvelualueeseen: konsernipalvelut, kasvun "
            "ja oppimisen palvelualue, kaupunkiympäristön palvelualue ja hyvinvoinnin "
            "edistämisen palvelualue.\nKonsernipalveluiden alla toimivat talouspalvelut, "
            "henkilöstöpalvelut ja tietohallinto.\n"
        ),
        expects=["body: talouspalvelut"],
        langs=LANGS,
    ),
    rule(
        "part.fi.apposition",
        "sub_organization_of",
        apposition,
        example=_SHARED_EXAMPLE_1,
        expects=["part: luontoympäristöosasto < ympäristöministeriö"],
        langs=LANGS,
    ),
    rule(
        "part.fi.asettaa",
        "sub_organization_of",
        appointed,
        example=_SHARED_EXAMPLE_5,
        expects=["part: henkilöstöjaosto < kunnanhallitus"],
        langs=LANGS,
    ),
    rule(
        "part.fi.belongs",
        "sub_organization_of",
        belonging,
        example="Oikeusministeriön toimialaan kuuluvat\n\n • tuomioistuimet\n • Tuomioistuinvirasto",
        expects=["part: tuomioistuinvirasto < oikeusministeriö"],
        langs=LANGS,
    ),
    rule(
        "part.fi.composition",
        "sub_organization_of",
        counted,
        example=(
            "Henkilöstöorganisaatio jakautuu konsernihallintoon ja neljään eri toimialaan, "
            "jotka ovat hallinto- ja maaseutupalvelut, sosiaali- ja terveyspalvelut, sivistys- "
            "ja vapaa-aikapalvelut sekä tekninen- ja ympäristöpalvelut."
        ),
        expects=["part: konsernihallinto < henkilöstöorganisaatio"],
        langs=LANGS,
    ),
    rule(
        "part.fi.enumeration",
        "sub_organization_of",
        counted,
        example=(
            "Hallintopalvelut koostuvat neljästä eri palvelualueesta; yleishallinnosta, "
            "henkilöstöohjauksesta, talousohjauksesta ja tietohallintopalveluista."
        ),
        expects=["part: yleishallinto < hallintopalvelut"],
        langs=LANGS,
    ),
    rule(
        "part.fi.genitive",
        "sub_organization_of",
        Reader.record,
        example="Liikenneliikelaitoksen johtokunta",
        expects=["part: liikenneliikelaitoksen johtokunta < liikenneliikelaitos"],
        langs=LANGS,
    ),
    rule(
        "part.fi.grouping",
        "sub_organization_of",
        grouping,
        example=(
            "Yleishallinto tarkoittaa kaupunginvaltuustoa, kaupunginhallitusta, "
            "kaupunginjohtajaa ja kaupunginkansliaa."
        ),
        expects=["part: kaupunginvaltuusto < yleishallinto"],
        langs=LANGS,
    ),
    rule(
        "part.fi.heading-list",
        "sub_organization_of",
        _heading_item,
        example=(
            "Tekniset ja ympäristöpalvelut\n\n • rakennusvalvonta ja ympäristönsuojelu\n • "
            "tilapalvelut (kiinteistönhoito ja rakennusten ylläpito)\n\nTeknisiä ja "
            "ympäristöpalveluja johtaa tekninen johtaja Matti Virtanen.\n"
        ),
        expects=["body: rakennusvalvonta ja ympäristönsuojelu"],
        langs=LANGS,
    ),
    rule(
        "part.fi.list",
        "sub_organization_of",
        item_name,
        example=("Uudet toimialat ja palvelualueet ovat:\n\nKaupunkiympäristö\n\n • Kiinteistöt ja tilat"),
        expects=["part: kiinteistöt ja tilat < kaupunkiympäristö"],
        langs=LANGS,
    ),
    rule(
        "part.fi.listing",
        "sub_organization_of",
        _sentence,
        example=_SHARED_EXAMPLE_4,
        expects=["part: perhepalvelut < sosiaali- ja terveystoimi"],
        langs=LANGS,
    ),
    rule(
        "part.fi.muodostaa",
        "sub_organization_of",
        formed,
        example=(
            "Kunnan luottamushenkilöorganisaation muodostavat valtuusto, tarkastuslautakunta ja lautakunnat."
        ),
        expects=["part: valtuusto < luottamushenkilöorganisaatio"],
        langs=LANGS,
    ),
    rule(
        "part.fi.on",
        "sub_organization_of",
        existential,
        example=(
            "Kunnassa on poliittinen organisaatio, jonka muodostavat kunnanvaltuusto, "
            "kunnanhallitus ja lautakunnat."
        ),
        expects=["part: poliittinen organisaatio < kunta"],
        langs=LANGS,
    ),
    rule(
        "part.fi.osa",
        "sub_organization_of",
        osa,
        example="Ruokapalvelut on osa tukipalveluiden tulosyksikköä.",
        expects=["part: ruokapalvelut < tukipalveluiden tulosyksikkö"],
        langs=LANGS,
    ),
    rule(
        "part.fi.post",
        "sub_organization_of",
        Reader.resolve_posts,
        example=(
            "Kaupunginkanslian toimintasääntö\nSisäinen tarkastus toimii kansliapäällikön "
            "alaisuudessa ja sitä johtaa sisäisen tarkastuksen päällikkö. Sisäinen tarkastus "
            "on riippumatonta ja objektiivista arviointi- ja varmistus- sekä "
            "konsultointitoimintaa, jonka tarkoituksena on tuottaa lisäarvoa Helsingin "
            "kaupungille ja parantaa sen toimintaa."
        ),
        expects=["part: sisäinen tarkastus < kaupunginkanslia"],
        langs=LANGS,
    ),
    rule(
        "part.fi.sen-alainen",
        "sub_organization_of",
        own_subordinate,
        example=_SHARED_EXAMPLE_5,
        expects=["part: lupajaosto < tekninen lautakunta"],
        langs=LANGS,
    ),
    rule(
        "part.fi.sijoitettu",
        "sub_organization_of",
        placed,
        example=(
            "Tietohallintopalvelut on Kalajoen kaupungin hallintopalveluihin sijoitettu "
            "tukipalveluyksikkö, joka tuottaa muille yksiköille tarvittavia tietohallinto- ja "
            "ICT-palveluita."
        ),
        expects=["part: tietohallintopalvelut < hallintopalvelut"],
        langs=LANGS,
    ),
]
