"""The Swedish rules, declared once (:mod:`kgpub.extract.core.rules`): id, fact type, the function that
applies it, a real example and the facts it must produce."""

from __future__ import annotations

from ..core.rules import Rule, rule
from . import _heading_items, _municipal_parts
from .collective import _duties, _state, class_parts
from .context import State
from .duties import (
    _fronted_duties,
    _heading_list,
    _list_duties,
    _parts_do,
    _passive_place,
    _plural_duties,
    _relative_duties,
    _task_duty,
    _we,
    duties,
)
from .heads import _name_line, _person_first, _title_line, heads
from .layout import _duty_item, _item_duty, here_parts, item, read_lists
from .members import _card, _chair, _head, _name_title
from .parts import _child, _enumeration, _is_owners, _pronoun_parent, _relations

LANGS = ("sv",)

#: One page passage that shows several rules.
_SHARED_EXAMPLE_1 = (
    "Vanda stad har fem sektioner som behandlar stadens olika frågor i anslutning till "
    "stadsstyrelsen eller den nämnd under vilken de lyder. I anslutning till "
    "stadsstyrelsen finns en koncernsektion som behandlar ärenden som rör stadens "
    "koncernbolag. Stadsmiljönämnden, nämnden för fostran och lärande samt social- och "
    "hälsovårdsnämnden har också egna sektioner."
)

RULES: list[Rule] = [
    rule(
        "duty.sv.collective",
        "duties",
        _duties,
        example=(
            "Nämnder\nNämndernas uppgift är att leda och övervaka serviceproduktionen.\nDet "
            "finns tre nämnder:\n• Byggnadsnämnden\n• Miljönämnden\n• Revisionsnämnden\n"
            "Revisionsnämnden är direkt underställd stadsfullmäktige. De övriga nämnderna är "
            "underställda stadsstyrelsen.\n"
        ),
        expects=["duty: byggnadsnämnden | att leda och övervaka serviceproduktionen"],
        langs=LANGS,
    ),
    rule(
        "duty.sv.heading-list",
        "duties",
        _heading_list,
        example=(
            "Stadsstyrelsen\n\n  • leder stadens förvaltning\n  • bereder de ärenden som ska "
            "behandlas i fullmäktige\n  • har koncernsektionen och planeringssektionen\n"
        ),
        expects=["duty: stadsstyrelsen | leder stadens förvaltning"],
        langs=LANGS,
    ),
    rule(
        "duty.sv.list",
        "duties",
        _list_duties,
        example=(
            "Skatteförvaltningens ledningsgrupp behandlar:\n- strategiska riktlinjer som "
            "gäller Skatteförvaltningen samt planeringen av verks"
        ),
        expects=[
            (
                "duty: skatteförvaltningens ledningsgrupp | strategiska riktlinjer som gäller "
                "Skatteförvaltningen samt planeringen av verks"
            )
        ],
        langs=LANGS,
    ),
    rule(
        "duty.sv.list-item",
        "duties",
        _item_duty,
        example=(
            "På regionkontoret finns följande enheter:\n\n  • Kundenheten\n"
            "  • Forskningsenheten med ansvar för forsknings- och utvecklingsarbete\n"
        ),
        expects=["duty: forskningsenheten | med ansvar för forsknings- och utvecklingsarbete"],
        langs=LANGS,
    ),
    rule(
        "duty.sv.parts-do",
        "duties",
        _parts_do,
        example="Regionförbundet har tre sektioner som bereder ärenden inom miljö och trafik.",
        expects=["duty: regionförbundet | bereder ärenden inom miljö och trafik"],
        langs=LANGS,
    ),
    rule(
        "duty.sv.passive-place",
        "duties",
        _passive_place,
        example=(
            "Kansliavdelningen\n\nHär sköts diarieföring, protokollhantering och kungörelser.\n\n"
            "Vid planeringsavdelningen utarbetas detaljplaner. Vid miljöenheten handläggs tillstånd för "
            "avlopp och värmepumpar."
        ),
        expects=[
            "duty: kansliavdelningen | sköts diarieföring, protokollhantering och kungörelser",
            "duty: miljöenheten | handläggs tillstånd för avlopp och värmepumpar",
        ],
        langs=LANGS,
    ),
    rule(
        "duty.sv.we",
        "duties",
        _we,
        example=("Centralförvaltningen\n\nVi sköter stadens kommunikation och marknadsföring.\n"),
        expects=["duty: centralförvaltningen | sköter stadens kommunikation och marknadsföring"],
        langs=LANGS,
    ),
    rule(
        "duty.sv.list-label",
        "duties",
        _duty_item,
        example=(
            "Kommunledningsförvaltningen\n\nFörvaltningen bistår kommunstyrelsen i deras "
            "uppdrag:\n\n • bereda och verkställa i förhållande till kommunfullmäktige"
        ),
        expects=[
            ("duty: kommunledningsförvaltningen | bereda och verkställa i förhållande till kommunfullmäktige")
        ],
        langs=LANGS,
    ),
    rule(
        "duty.sv.reference",
        "duties",
        _plural_duties,
        example=(
            "Socialavdelningen är underställd socialnämnden. Den ansvarar för äldreomsorg och socialarbete."
        ),
        expects=["duty: socialavdelningen | ansvarar för äldreomsorg och socialarbete"],
        langs=LANGS,
    ),
    rule(
        "duty.sv.relative",
        "duties",
        _relative_duties,
        example=_SHARED_EXAMPLE_1,
        expects=["duty: koncernsektionen | behandlar ärenden som rör stadens koncernbolag"],
        langs=LANGS,
    ),
    rule(
        "duty.sv.task",
        "duties",
        _task_duty,
        example=(
            "Kanslistyrelsens uppgift är att bereda ärenden till fullmäktige. De ansvarar "
            "också för samordningen mellan förvaltningarna."
        ),
        expects=["duty: kanslistyrelsen | bereda ärenden till fullmäktige"],
        langs=LANGS,
    ),
    rule(
        "duty.sv.fronted",
        "duties",
        _fronted_duties,
        example=(
            "Kommunstyrelsen har tre utskott:\n\n • Utskottet för samhälle och utveckling\n"
            " • Utskottet för bildning och lärande\n • Utskottet för trygghet och stöd.\n\n"
            "Ibland kan utskotten även själva fatta beslut i enlighet med kommunstyrelsens "
            "delegeringsordning. Ofta ger kommunstyrelsen förslag till nämnder."
        ),
        expects=[
            (
                "duty: utskottet för samhälle och utveckling | kan även själva fatta beslut i enlighet "
                "med kommunstyrelsens delegeringsordning"
            ),
            "duty: kommunstyrelsen | ger förslag till nämnder",
        ],
        langs=LANGS,
    ),
    rule(
        "duty.sv.verb",
        "duties",
        duties,
        example=(
            "Stadens viktigaste beslutsfattande organ är stadsfullmäktige. Stadsstyrelsen "
            "bereder beslutsförslag till stadsfullmäktige."
        ),
        expects=["duty: stadsstyrelsen | bereder beslutsförslag till stadsfullmäktige"],
        langs=LANGS,
    ),
    rule(
        "head.sv.led-by-name",
        "heads",
        heads,
        example="Tekniska avdelningen, som leds av Per Holm, sköter gatorna.",
        expects=["head: tekniska avdelningen |  | Per Holm"],
        langs=LANGS,
    ),
    rule(
        "head.sv.led-by-post",
        "heads",
        heads,
        example="Staden har en ledningsgrupp som leds av stadsdirektören.",
        expects=["head: ledningsgruppen | stadsdirektör | "],
        langs=LANGS,
    ),
    rule(
        "head.sv.member-line",
        "heads",
        _head,
        example=" • Borgå vatten, verkställande direktör Elina Antila",
        expects=["head: borgå vatten | verkställande direktör | Elina Antila"],
        langs=LANGS,
    ),
    rule(
        "head.sv.chair-marker",
        "heads",
        _chair,
        example="Miljönämndens sammansättning\n\nAnna Berg (ordf.)\n\nPer Holm\n",
        expects=["head: miljönämnden | ordförande | Anna Berg"],
        langs=LANGS,
    ),
    rule(
        "head.sv.name-line",
        "heads",
        _name_line,
        example="Miljöförvaltningen\n\nVi ansvarar för tillsynen.\n\nKarin Lund\nförvaltningschef\n",
        expects=["head: miljöförvaltningen | förvaltningschef | Karin Lund"],
        langs=LANGS,
    ),
    rule(
        "head.sv.name-comma-title",
        "heads",
        _name_title,
        example="Miljöförvaltningen\n\nVi ansvarar för tillsynen.\n\nKarin Lund, förvaltningschef\n",
        expects=["head: miljöförvaltningen | förvaltningschef | Karin Lund"],
        langs=LANGS,
    ),
    rule(
        "head.sv.name-title",
        "heads",
        _person_first,
        example="Anna Berg är chef för förvaltningsavdelningen.",
        expects=["head: förvaltningsavdelningen | chef | Anna Berg"],
        langs=LANGS,
    ),
    rule(
        "head.sv.person-card",
        "heads",
        _card,
        example="Owe Sjölund\nSvenska Folkpartiet\nStadsstyrelsens ordförande",
        expects=["head: stadsstyrelsen | ordförande | Owe Sjölund"],
        langs=LANGS,
    ),
    rule(
        "head.sv.title-line",
        "heads",
        _title_line,
        example="Stadsdirektör\nJussi Pajunen",
        expects=["head: staden | stadsdirektör | Jussi Pajunen"],
        langs=LANGS,
    ),
    rule(
        "head.sv.title-name",
        "heads",
        heads,
        example=" • stadsdirektör Jukka-Pekka Ujula",
        expects=["head: staden | stadsdirektör | Jukka-Pekka Ujula"],
        langs=LANGS,
    ),
    rule(
        "body.sv.enumerated",
        "organizations",
        _child,
        example="Till fritidsavdelningen hör biblioteket och ungdomsgården samt simhallen Vågen.",
        expects=["body: biblioteket"],
        langs=LANGS,
    ),
    rule(
        "body.sv.list",
        "organizations",
        item,
        example="På regionledningskontoret finns följande funktioner:\n\n  • Folkhälsa och sjukvård",
        expects=["body: folkhälsa och sjukvård"],
        langs=LANGS,
    ),
    rule(
        "body.sv.member-line",
        "organizations",
        _head,
        example=" • Borgå vatten, verkställande direktör Elina Antila",
        expects=["body: borgå vatten"],
        langs=LANGS,
    ),
    rule(
        "body.sv.municipality",
        "organizations",
        State.municipality,
        example="Stadens ledning",
        expects=["body: staden"],
        langs=LANGS,
    ),
    rule(
        "body.sv.noun",
        "organizations",
        State.resolve,
        example="  • Centralvalnämnden",
        expects=["body: centralvalnämnden"],
        langs=LANGS,
    ),
    rule(
        "part.sv.collective",
        "sub_organization_of",
        _state,
        example=(
            "  • Fritidsnämnden\n  • Miljönämnden\n\nVissa nämnder har också sektioner. "
            "Revisionsnämnden är direkt underställd stadsfullmäktige. De övriga nämnderna är "
            "underställda stadsstyrelsen."
        ),
        expects=["part: fritidsnämnden < stadsstyrelsen"],
        langs=LANGS,
    ),
    rule(
        "part.sv.class-owner",
        "sub_organization_of",
        class_parts,
        example=(
            "Enheterna inom Registerförvaltningen leds av enhetens chefer. Ledningsgruppen består av "
            "generaldirektören och cheferna för Kundenheten och Analysenheten."
        ),
        expects=["part: kundenheten < registerförvaltningen", "part: analysenheten < registerförvaltningen"],
        langs=LANGS,
    ),
    rule(
        "part.sv.here",
        "sub_organization_of",
        here_parts,
        example=(
            "Kansliavdelningen\n\nHär ingår även arkivenheten och registratorskontoret.\n\n"
            "På kontoret finns följande funktioner:\n\n  • Ekonomi\n"
            "  • Personal (Här ingår även arbetsmiljöenheten som är den interna företagshälsovården)\n"
        ),
        expects=[
            "part: arkivenheten < kansliavdelningen",
            "part: registratorskontoret < kansliavdelningen",
            "part: arbetsmiljöenheten < personal",
        ],
        langs=LANGS,
    ),
    rule(
        "part.sv.enumeration",
        "sub_organization_of",
        _enumeration,
        example=_SHARED_EXAMPLE_1,
        expects=["part: koncernsektionen < stadsstyrelsen"],
        langs=LANGS,
    ),
    rule(
        "part.sv.genitive",
        "sub_organization_of",
        State.resolve,
        example="Skatteförvaltningens ledningsgrupp",
        expects=["part: skatteförvaltningens ledningsgrupp < skatteförvaltningen"],
        langs=LANGS,
    ),
    rule(
        "part.sv.heading-items",
        "sub_organization_of",
        _heading_items,
        example="Stadsstyrelse, 11 ledamöter\n\n- Stadsutvecklingssektion, 7 ledamöter",
        expects=["part: stadsutvecklingssektionen < stadsstyrelsen"],
        langs=LANGS,
    ),
    rule(
        "part.sv.list",
        "sub_organization_of",
        read_lists,
        example="På regionledningskontoret finns följande funktioner:\n\n  • Folkhälsa och sjukvård",
        expects=["part: folkhälsa och sjukvård < regionledningskontoret"],
        langs=LANGS,
    ),
    rule(
        "part.sv.municipality",
        "sub_organization_of",
        _municipal_parts,
        example=(
            "Staden har en ledningsgrupp som leds av stadsdirektören. Övriga medlemmar i "
            "ledningsgruppen är förvaltningsdirektören, ekonomidirektören, "
            "bildningsdirektören, tekniska direktören, fritidsdirektören och personalchefen."
        ),
        expects=["part: ledningsgruppen < staden"],
        langs=LANGS,
    ),
    rule(
        "part.sv.owners-body",
        "sub_organization_of",
        _is_owners,
        example="Kommunledningskontoret är kommunstyrelsens förvaltning.",
        expects=["part: kommunledningskontoret < kommunstyrelsen"],
        langs=LANGS,
    ),
    rule(
        "part.sv.part",
        "sub_organization_of",
        _relations,
        example="Svenskspråkiga sektionen inom nämnden för fostran och lärande",
        expects=["part: svenskspråkiga sektionen < nämnden för fostran och lärande"],
        langs=LANGS,
    ),
    rule(
        "part.sv.subordinate",
        "sub_organization_of",
        _relations,
        example=(
            "Vissa nämnder har också sektioner. Revisionsnämnden är direkt underställd "
            "stadsfullmäktige. De övriga nämnderna är underställda stadsstyrelsen."
        ),
        expects=["part: revisionsnämnden < stadsfullmäktige"],
        langs=LANGS,
    ),
    rule(
        "part.sv.till-den-hor",
        "sub_organization_of",
        _pronoun_parent,
        example=(
            "Tekniska direktören leder Avdelningen för teknik och miljö i Sibbo kommun och "
            "till den hör bland annat enheterna Byggnadstillsyn, Miljöövervakning, Gator och "
            "grönområden samt Lokalitetsförvaltning.\n"
        ),
        expects=["part: byggnadstillsyn < avdelningen för teknik och miljö"],
        langs=LANGS,
    ),
]
