"""Finnish word lists the rules read: body words and their kinds, title words, verbs and cue words.

Data, not logic. Words are Voikko base forms (lower case). Nothing here names a city, a person or a
page: these are the words any Finnish municipal page uses for its bodies, posts and duties.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word set written as prose (lists read better that way)."""
    return frozenset(text.split())


#: Base forms that end a body's name, with the gold kind (longest match wins: "lautakunta" before
#: "kunta"). A STRONG body word names a body wherever a distinctive name carries it
#: ("elinkeino-osasto", "kaupunginhallitus"); a bare one ("osasto", "virasto") refers back.
STRONG: dict[str, str] = {
    "valtuusto": "council",
    "hallitus": "board",
    "lautakunta": "committee",
    "toimikunta": "committee",
    "johtokunta": "committee",
    "jaosto": "division",
    "toimiala": "division",
    "virasto": "agency",
    "kanslia": "agency",
    "toimisto": "agency",
    "osasto": "department",
    "yksikkö": "unit",
    "tulosyksikkö": "unit",
    "palveluyksikkö": "unit",
    "toimintayksikkö": "unit",
    "vastuuyksikkö": "unit",
    "palvelualue": "service_area",
    "tulosalue": "service_area",
    "vastuualue": "service_area",
    "palvelukokonaisuus": "service_area",
    "liikelaitos": "enterprise",
    "tiimi": "team",
    "kuntayhtymä": "other",
    "hyvinvointialue": "other",
    "johtajisto": "other",
    "pormestarikunta": "other",
    "palvelukeskus": "unit",
    # Open class words of the state and of joint authorities: any compound that ends in one is a body
    # ("opetus- ja kulttuuriministeriö", "valtioneuvosto", "Kainuun liitto", "johtoryhmä").
    "ministeriö": "agency",
    "neuvosto": "council",
    "liitto": "other",
    "yhtymä": "other",
    "yhtymäkokous": "council",
    "sihteeristö": "unit",
    "johtoryhmä": "team",
    "työryhmä": "team",
    "yhteistyöryhmä": "team",
    "ohjausryhmä": "team",
    "kirjaamo": "unit",
}

#: Body words that name a body only where the sentence gives it a role (subject of a duty, a part
#: in an enumeration, a parent): "yleishallinto", "talousohjaus", "sisäinen tarkastus", and names
#: plural by nature ending in -palvelut.
WEAK: dict[str, str] = {
    "palvelu": "unit",
    "hallinto": "division",
    "ohjaus": "service_area",
    "toimi": "unit",
    "tarkastus": "unit",
    "valvonta": "unit",
    "keskus": "unit",
    "asema": "unit",
    "laitos": "unit",
    "sektori": "division",
    "organisaatio": "other",
    "hallinnonala": "other",
    "ryhmä": "team",
}
#: WEAK words whose compounds name a body as STRONG ones do ("elinvoimakeskus", "pelastuslaitos",
#: "maanmittauslaitos"); the bare word still needs a role.
STRONG_IN_COMPOUNDS = _words("keskus laitos")
#: Class words that, owned by a body that is no elected organ, are that body itself:
#: "Kasvatus- ja sivistystoimen toimiala", "Sivistystoimen hallinnonala".
SAME_AS_OWNER = _words("toimiala hallinnonala")
#: The same in the singular only ("Varhaiskasvatuksen tulosalue" is varhaiskasvatus; "Perusturvan
#: palvelualueet" are its parts).
SAME_AS_OWNER_SINGULAR = _words("tulosalue palvelualue vastuualue palvelukokonaisuus")

#: Body words that are class words: alone ("Osasto huolehtii", "lautakunnan päätöksellä") they refer
#: back to a body or are generic; other STRONG words are names by themselves ("pormestarikunta").
GENERIC = frozenset(STRONG) - {"pormestarikunta", "johtajisto"}
#: Class words that name a body by themselves where a sentence gives them a role and nothing earlier
#: is referred to ("Kuntayhtymän ylintä päätösvaltaa käyttää valtuusto").
SELF_NAMING = _words(
    "valtuusto hallitus hallinto kuntayhtymä johtokunta lautakunta kaupunki kunta hyvinvointialue johtoryhmä"
)
#: The municipality itself ("Helsingin kaupunki", "kunta").
MUNICIPALITY = _words("kaupunki kunta")
#: "Tornion kaupungin virasto-organisaatio": the organisation of a municipality is the municipality
#: (other "-organisaatio" compounds name a part of it: "luottamushenkilöorganisaatio").
ORGANISATION = _words(
    "organisaatio virasto-organisaatio virastoorganisaatio kuntaorganisaatio kaupunkiorganisaatio"
    " palveluorganisaatio"
)
#: Heads of plural names: "hallintopalvelut", "tekniset palvelut" (other plurals are generic).
PLURAL_NAMES = _words("palvelu")
#: Compounds that end in a body word but name no body.
NOT_BODIES = _words(
    """
    toimielin luottamuselin kunnanvaltuutettu valtuutettu hallitusohjelma hallituskausi valtuustokausi
    valtuustoryhmä valtuustoaloite henkilöstöhallinto asiakaspalvelu kuntapalvelu sähköpalvelu
    verkkopalvelu kotikunta jäsenkunta naapurikunta kuntalainen ohjelmatoimisto
    """
)

#: Words for posts: a title is a word whose base form ends in one of these ("elinkeinojohtaja",
#: "kansliapäällikkö", "puheenjohtaja").
TITLE_ENDINGS = (
    "johtaja",
    "päällikkö",
    "puheenjohtaja",
    "esimies",
    "esihenkilö",
    "pormestari",
    "apulaispormestari",
    "sihteeri",
    "tarkastaja",
    "koordinaattori",
    "asiamies",
    "insinööri",
    "lääkäri",
    "rehtori",
    "kamreeri",
    "controller",
    "lakimies",
    "mestari",
    "työntekijä",
)
#: Titles that lead the body they are written in ("päällikkö", "johtaja"), as opposed to staff.
LEADING_TITLES = ("johtaja", "päällikkö", "puheenjohtaja", "esimies", "esihenkilö", "pormestari", "rehtori")
#: Deputies lead nothing by themselves.
DEPUTY_PREFIXES = ("vara", "apulais", "sijainen")
#: Parenthesised or abbreviated notes between a title and a name: "(oto)", "(vt.)", "vs.", "va.".
TITLE_NOTES = _words("oto vt vs va ma ts sijainen")

#: Verbs that state what a body does ("Osasto huolehtii …", "Hallinto käy …"); not "valita",
#: "nimittää": electing or appointing is no duty (gold convention D).
DUTY_VERBS = _words(
    """
    huolehtia vastata hoitaa ohjata koordinoida valvoa seurata tukea johtaa tuottaa järjestää
    valmistella esitellä antaa käsitellä päättää myydä kehittää toteuttaa edistää palvella käydä
    toimia käyttää avustaa laatia koota tarjota ylläpitää sovittaa suunnitella neuvoa opastaa
    hallinnoida organisoida ratkaista myöntää hyväksyä arvioida tarkastaa
    selvittää kerätä tilastoida tiedottaa viestiä markkinoida vastaanottaa hankkia rahoittaa
    omistaa valmistaa edustaa vaalia asettaa määrätä käynnistää keskittyä osallistua vahvistaa
    varmistaa yhteensovittaa lausua ylläpitää tutkia ennakoida
    """
)
#: Verbs of obligation before a duty infinitive: "Pelastuslaitoksen tulee huolehtia alueellaan:".
OBLIGATION_VERBS = _words("tulla pitää täytyä")
#: Duty verbs whose object alone is the duty ("huolehtii X:stä" → "X:stä").
OBJECT_ONLY_VERBS = _words("huolehtia vastata")
#: Adverbs between a subject and its verb that are not part of the duty.
ADVERBS = _words("myös lisäksi osaltaan edelleen erityisesti pääasiassa muun muassa mm samoin niin ikään")

#: Adjectives of time, never part of a body's name: "nykyisen infra- ja kalustoyksikön".
TEMPORAL = _words("nykyinen entinen tuleva silloinen aiempi aikaisempi väliaikainen")
#: "Kaupunginkansliassa on kuusi osastoa", "neljästä eri palvelualueesta".
COUNTS = _words(
    """
    kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen yksitoista kaksitoista
    useita useampi monta muutama seuraava eri
    """
)
#: "X koostuu / muodostuu / jakautuu / jakaantuu …".
COMPOSITION_VERBS = _words("koostua muodostua jakautua jakaantua jakaa sisältää jaettu jaoteltu jakautunut")
#: "X:ään kuuluvat a, b ja c", "… sijoittuvat X:n alle".
BELONG_VERBS = _words("kuulua sijoittua")
#: "X on Y:n alainen …", "toimii Y:n alaisuudessa", "Y:n alaisena".
SUBORDINATE_WORDS = _words("alainen alaisuus")
#: "Yleishallinto tarkoittaa kaupunginvaltuustoa, …" (a grouping).
GROUPING_VERBS = _words("tarkoittaa käsittää")
#: "X:n tehtävänä on …", "X:n vastuisiin kuuluvat …", "Sen tarkoituksena on …".
DUTY_NOUNS = _words("tehtävä vastuu tarkoitus perustehtävä päätehtävä vastuualue")
#: "Osastoa johtaa …", "johdossa on …".
LEAD_VERBS = _words("johtaa")
LEAD_NOUNS = _words("johto päällikkö johtaja puheenjohtaja esimies")
#: Pronouns that refer back to the last subject ("Se toimii …", "Lisäksi se vastaa …").
PRONOUNS = _words("se ne")
#: Sentence openers that do not change who the subject is.
OPENERS = _words("lisäksi samoin myös niin ikään näin ollen edelleen")
