"""The English rules, declared once (:mod:`kgpub.extract.core.rules`): id, fact type, the function that
applies it, a real example and the facts it must produce."""

from __future__ import annotations

from ..core.rules import Rule, rule
from . import _bodies_in_post_modifiers
from .context import municipality, resolve
from .duties import _passive_duties, _relative_duties, _responsibility_of, duties
from .heads import (
    _label_line,
    _owned_post,
    _person_first,
    _post_without_holder,
    _title_line,
    _untitled,
    heads,
)
from .layout import item, read_lists
from .parts import _child, _children, _collective_duty, _has_list, _possessive, _relations

LANGS = ("en",)

RULES: list[Rule] = [
    rule(
        "duty.en.collective",
        "duties",
        _collective_duty,
        example=(
            "Central administration\n\nCentral Administration guides, supervises and supports "
            "the operation of the entire City Group. Central Administration is responsible for "
            "ensuring that units of the City Group implement the City’s strategy and operate "
            "in the best way possible regarding the entire concern. The duties of Central "
            "Administration extend to the City’s basic organisation as well as to "
            "organisations and foundations where the City is an owner or exercises control.\n\n"
            "Central Administration has, directly subordinate to the Mayor, the Group Chief "
            "Executive Officer, Deputy Mayors, Internal Auditing, and the Mayor’s office.\n\n"
            "Subordinated to Group Chief Executive Officer Juha Yli-Rajala are the directors "
            "of education and culture services; growth, innovation and competitiveness "
            "services; and urban environment and infrastructure services, and their offices.\n"
            "\nThere are also seven group units guiding and supporting the operation of the "
            "entire City and development under Group Chief Executive Officer: administrative "
            "and support services, human resources, legal affairs, corporate governance, "
            "strategy and development, budgeting and ICT."
        ),
        expects=[
            (
                "duty: administrative and support services | guiding and supporting the operation "
                "of the entire City and development"
            )
        ],
        langs=LANGS,
    ),
    rule(
        "duty.en.list",
        "duties",
        duties,
        example=(
            "The Information Management Unit is responsible for\n\n  • supervising the City’s "
            "document management"
        ),
        expects=["duty: Information Management Unit | supervising the City’s document management"],
        langs=LANGS,
    ),
    rule(
        "duty.en.relative",
        "duties",
        _relative_duties,
        example=(
            "The city’s highest decision-making body is the City Council, which is responsible "
            "for the city’s operations and economy."
        ),
        expects=["duty: City Council | the city’s operations and economy"],
        langs=LANGS,
    ),
    rule(
        "duty.en.responsibility-of",
        "duties",
        _responsibility_of,
        example=(
            "The duty of the Social Services and Health Care Division is to provide wellbeing, "
            "health and social security for the residents of Helsinki."
        ),
        expects=[
            (
                "duty: Social Services and Health Care Division | provide wellbeing, health and "
                "social security for the residents of Helsinki"
            )
        ],
        langs=LANGS,
    ),
    rule(
        "duty.en.responsible",
        "duties",
        duties,
        example=(
            "The Legal Services are responsible for providing legal representation and legal expertise."
        ),
        expects=["duty: Legal Services | providing legal representation and legal expertise"],
        langs=LANGS,
    ),
    rule(
        "duty.en.task",
        "duties",
        duties,
        example=(
            "The Electoral Commission’s job is to take care of the organisation of elections "
            "in the municipality."
        ),
        expects=[
            ("duty: Electoral Commission | take care of the organisation of elections in the municipality")
        ],
        langs=LANGS,
    ),
    rule(
        "duty.en.passive",
        "duties",
        _passive_duties,
        example=(
            "Regional matters are handled by four departments: Department for Europe; Department "
            "for Russia, Eastern Europe and Central Asia; Department for the Americas and Asia; and "
            "Department for Africa and the Middle East."
        ),
        expects=[
            "duty: Department for Europe | Regional matters are handled",
            "duty: Department for Russia, Eastern Europe and Central Asia | Regional matters are handled",
            "duty: Department for Africa and the Middle East | Regional matters are handled",
        ],
        langs=LANGS,
    ),
    rule(
        "duty.en.verb",
        "duties",
        duties,
        example=(
            "The Social Services and Health Care Committee supervises and controls the "
            "operations of the Social Services and Health Care Division. Head of Sector is "
            "Juha Jolkkonen."
        ),
        expects=[
            (
                "duty: Social Services and Health Care Committee | supervises and controls the "
                "operations of the Social Services and Health Care Division"
            )
        ],
        langs=LANGS,
    ),
    rule(
        "head.en.headed-by-name",
        "heads",
        _untitled,
        example="The Legal Section is headed by Anna Lind.",
        expects=["head: Legal Section |  | Anna Lind"],
        langs=LANGS,
    ),
    rule(
        "head.en.headed-by-post",
        "heads",
        _post_without_holder,
        example=(
            "The Central Administration, headed by the Mayor, attends to preparation of decision-making."
        ),
        expects=["head: Central Administration | mayor | "],
        langs=LANGS,
    ),
    rule(
        "head.en.label-line",
        "heads",
        _label_line,
        example="Planning Department\n\nDirector: Jane Smith\n",
        expects=["head: Planning Department | director | Jane Smith"],
        langs=LANGS,
    ),
    rule(
        "head.en.name-is-head",
        "heads",
        _person_first,
        example="Jane Smith is the head of the Planning Department.",
        expects=["head: Planning Department | head | Jane Smith"],
        langs=LANGS,
    ),
    rule(
        "head.en.name-leads",
        "heads",
        _person_first,
        example=(
            "The current Director of Planning and Strategic Infrastructure, Matthew McAleese, "
            "will lead a dedicated Infrastructure and Transport Directorate which will build "
            "on Fingal’s strong track record in infrastructure delivery and accelerate the "
            "pace of progress. It will expand capacity to deliver critical infrastructure that "
            "unlocks housing and economic lands, while facilitating major public transport "
            "projects such as Metrolink and BusConnects. This Directorate will ensure that "
            "infrastructure delivery keeps pace with hous"
        ),
        expects=["head: Infrastructure and Transport Directorate | director | Matthew McAleese"],
        langs=LANGS,
    ),
    rule(
        "head.en.name-title",
        "heads",
        _person_first,
        example=(
            "Senior Planner Róisín Burke has been appointed as Director of Planning and "
            "Development and will head up a directorate that will build on Fingal’s strong "
            "planning foundations to lead on planning policy, development management, and the "
            "identification of land activation priorities and infrastructure obstacles. Its "
            "role is central to ensuring that planning processes remain robust while "
            "accelerating delivery and aligning with housing and economic priorities"
        ),
        expects=["head: Planning and Development | director | Róisín Burke"],
        langs=LANGS,
    ),
    rule(
        "head.en.title-line",
        "heads",
        _title_line,
        example=(
            "Growth and Learning Sector\n\nThe Growth and Learning Sector is divided into two "
            "service areas:\n• Finnish-language Early Childhood Education\n• Swedish-language "
            "Education and Culture\n\nThe sector is headed by Deputy Mayor Harri Rinta-aho.\n\n"
            "Sector management\nDirector of Finnish-language Early Childhood Education\nAnna "
            "Mäkinen\n"
        ),
        expects=["head: Finnish-language Early Childhood Education | director | Anna Mäkinen"],
        langs=LANGS,
    ),
    rule(
        "head.en.title-name",
        "heads",
        heads,
        example=("The Administrative Director, Mr Juha Summanen, is the head the Administrative Division."),
        expects=["head: Administrative Division | administrative director | Juha Summanen"],
        langs=LANGS,
    ),
    rule(
        "body.en.enumerated",
        "organizations",
        _child,
        example=(
            "There are 10 City departments including: Administration, Finance, Fire, Human "
            "Resources, Parks and Recreation, Planning and Heritage, Police, Public Works, "
            "Sustainability, and the Water and Sewer Utility."
        ),
        expects=["body: Administration"],
        langs=LANGS,
    ),
    rule(
        "body.en.heading",
        "organizations",
        resolve,
        example="County council",
        expects=["body: County council"],
        langs=LANGS,
    ),
    rule(
        "body.en.list",
        "organizations",
        item,
        example=(
            "Corporate Directorate\nThe Corporate Directorate consists of:\n• Finance\n• Legal "
            "and Democratic Services\n• Human Resources, which supports managers\n• Chief "
            "Executive\n"
        ),
        expects=["body: Finance"],
        langs=LANGS,
    ),
    rule(
        "body.en.municipality",
        "organizations",
        municipality,
        example="  • the general guidance and development of the city’s administrative procedures",
        expects=["body: city"],
        langs=LANGS,
    ),
    rule(
        "body.en.name",
        "organizations",
        resolve,
        example="Legal Services",
        expects=["body: Legal Services"],
        langs=LANGS,
    ),
    rule(
        "body.en.organ",
        "organizations",
        resolve,
        example="How the Council works",
        expects=["body: Council"],
        langs=LANGS,
    ),
    rule(
        "body.en.post-modifier",
        "organizations",
        _bodies_in_post_modifiers,
        example=(
            "Subordinated to Group Chief Executive Officer Juha Yli-Rajala are the directors "
            "of education and culture services; growth, innovation and competitiveness "
            "services; and urban environment and infrastructure services, and their offices."
        ),
        expects=["body: education and culture services"],
        langs=LANGS,
    ),
    rule(
        "part.en.enumeration",
        "sub_organization_of",
        _children,
        example=(
            "The Citizen Services department consists of two result divisions, as well as the "
            "Multicultural Affairs unit."
        ),
        expects=["part: Multicultural Affairs < Citizen Services"],
        langs=LANGS,
    ),
    rule(
        "head.en.owned-post",
        "heads",
        _owned_post,
        example="Finance Department\n\nThe department’s director is Jane Smith.\n",
        expects=["head: Finance Department | director | Jane Smith"],
        langs=LANGS,
    ),
    rule(
        "part.en.has-list",
        "sub_organization_of",
        _has_list,
        example=(
            "In accordance with government legislation, the County Council has:\n\n"
            "  • Three cross party Scrutiny Committees:\n"
            "    Scrutiny for Policies and Places\n"
            "    Scrutiny for Policies, Children and Families\n"
            "  • A cross party Regulation Committee of nine members, responsible for the Council’s planning "
            "and regulatory functions\n"
        ),
        expects=[
            "part: Scrutiny for Policies and Places < County Council",
            "part: Scrutiny for Policies, Children and Families < County Council",
            "part: Regulation Committee < County Council",
        ],
        langs=LANGS,
    ),
    rule(
        "part.en.list",
        "sub_organization_of",
        read_lists,
        example="The Administration Policy Department units are:\n\n•    Corporate Steering Unit",
        expects=["part: Corporate Steering Unit < Administration Policy Department"],
        langs=LANGS,
    ),
    rule(
        "part.en.of",
        "sub_organization_of",
        resolve,
        example=(
            "The Administration Policy Department of the Ministry of Defence of Finland is "
            "responsible for the planning of defence administration operations and finance as "
            "well as the matters connected with the development of its organisation and "
            "structures. In this department, also questions related to legislation and "
            "law-drafting as well as strategic-level security is handled. Internal inspection "
            "of the Ministry of Defence and the Controller function are located in the "
            "department.  "
        ),
        expects=["part: Administration Policy Department < Ministry of Defence"],
        langs=LANGS,
    ),
    rule(
        "part.en.possessive",
        "sub_organization_of",
        _possessive,
        example=(
            "  5. The Council's constitution\n  6. Public questions at council, cabinet and "
            "committee meetings\n\n\nThe day to day management of the council and its services "
            "is overseen by the Council’s Commissioners.\n\nThey direct the work of the "
            "council’s Strategic Leadership Team (SLT). SLT is led by Commissioner Stella "
            "Manzie (Managing Director) and includes and four Strategic Directors."
        ),
        expects=["part: Strategic Leadership Team < Council"],
        langs=LANGS,
    ),
    rule(
        "part.en.part",
        "sub_organization_of",
        _relations,
        example="The Road Division is part of the Technical Department.",
        expects=["part: Road Division < Technical Department"],
        langs=LANGS,
    ),
    rule(
        "part.en.subordinate",
        "sub_organization_of",
        _children,
        example="The Audit Committee operates under the City Council.",
        expects=["part: Audit Committee < City Council"],
        langs=LANGS,
    ),
]
