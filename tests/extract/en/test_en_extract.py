"""English rules, one construction per test, each on real municipal sentences.

Sentences marked "devset" are quoted from shared/devset/texts/en; the others are written in the same
style with invented names, for constructions the development set does not show.
"""

from __future__ import annotations

import random
import time

import pytest

from kgpub.extract.en import extract_en
from kgpub.model import Extraction
from tests.extract.facts import duties, heads, names, parts, run_checked

HELSINKI = (  # devset d02
    "Skip to content\n\nAdministrative Department\n\n"
    "The Administrative Department is tasked with attending to the operating conditions of the City Council, "
    "the City Board and the Mayors, guiding the administrative procedures.\n\n"
    "The Administrative Division is made up of five units. Additionally, within the division there operates "
    "a team of special advisers and a team of senior advisers, which are directly subordinated to the "
    "Administrative Director.\n\n"
    "The Administrative Director, Mr Juha Summanen, is the head the Administrative Division.\n\n"
    "The Administrative Procedures Unit\n\nThe Administrative Procedures Unit is responsible for\n\n"
    "  • the general guidance and development of the city’s administrative procedures\n"
    "  • the development of citywide case management\n\n"
    "Legal Services\n\nThe Legal Services are responsible for providing legal representation and legal "
    "expertise.\n\n"
    "The Legal Services Unit does not provide counsel to private citizens. Private citizens are advised to "
    "turn to the legal aid office for legal aid or counsel.\n"
)
TAMPERE = (  # devset d03
    "Skip to sidebar\n\nCentral administration\n\n"
    "Central Administration guides, supervises and supports the operation of the entire City Group. "
    "Central Administration is responsible for ensuring that units of the City Group implement the City’s "
    "strategy.\n\n"
    "Central Administration has, directly subordinate to the Mayor, the Group Chief Executive Officer, "
    "Deputy Mayors, Internal Auditing, and the Mayor’s office.\n\n"
    "Subordinated to Group Chief Executive Officer Juha Yli-Rajala are the directors of education and "
    "culture services; growth, innovation and competitiveness services, and their offices.\n\n"
    "There are also seven group units guiding and supporting the operation of the entire City and "
    "development under Group Chief Executive Officer: administrative and support services, human "
    "resources, legal affairs, corporate governance, strategy and development, budgeting and ICT.\n"
)


def run(text: str) -> Extraction:
    return run_checked(extract_en, "en", text)


def test_capitalised_names_without_the_and_lower_case_named_bodies() -> None:
    e = run(HELSINKI)
    assert names(e) == {
        "Administrative Department",
        "City Council",
        "City Board",
        "Administrative Division",
        "team of special advisers",
        "team of senior advisers",
        "Administrative Procedures Unit",
        "Legal Services",
        "Legal Services Unit",
        "legal aid office",
        "city",  # convention B: "supervising the City’s document management" (the city as an organisation)
    }
    assert {b.lang for b in e.bodies} == {"en"}


def test_tasked_with_and_responsible_for_with_bullets() -> None:
    e = run(HELSINKI)
    assert duties(e) == {
        (
            "Administrative Department",
            "attending to the operating conditions of the City Council, the City Board and the Mayors, "
            "guiding the administrative procedures",
        ),
        (
            "Administrative Procedures Unit",
            "the general guidance and development of the city’s administrative procedures",
        ),
        ("Administrative Procedures Unit", "the development of citywide case management"),
        ("Legal Services", "providing legal representation and legal expertise"),
    }


def test_a_negated_statement_is_no_duty() -> None:
    assert not run("The Legal Services Unit does not provide counsel to private citizens.").duties


def test_within_the_division_there_operate() -> None:
    e = run(HELSINKI)
    assert parts(e) == {
        ("team of special advisers", "Administrative Division", "part"),
        ("team of senior advisers", "Administrative Division", "part"),
    }


def test_title_comma_name_is_the_head_of() -> None:
    e = run(HELSINKI)
    assert heads(e) == {("Administrative Division", "administrative director", "Juha Summanen")}


def test_duty_verbs_after_the_body() -> None:
    e = run(TAMPERE)
    assert {d for d in duties(e) if d[0] == "Central Administration"} == {
        ("Central Administration", "guides, supervises and supports the operation of the entire City Group"),
        (
            "Central Administration",
            "ensuring that units of the City Group implement the City’s strategy",
        ),
    }


def test_has_directly_subordinate_keeps_bodies_and_drops_posts() -> None:
    e = run(TAMPERE)
    direct = {p for p in parts(e) if p[0] in ("Internal Auditing", "Mayor’s office")}
    assert direct == {
        ("Internal Auditing", "Central Administration", "part"),
        ("Mayor’s office", "Central Administration", "part"),
    }
    assert not heads(e)  # the Group CEO is named, but no sentence says which body they head


def test_there_are_n_units_belong_to_the_page_body() -> None:
    """The text says seven and lists six items, the last being "budgeting and ICT": the stated count
    decides that budgeting and ICT are two units (the devset gold has one; see docs/extraction.md)."""
    e = run(TAMPERE)
    listed = {p[0] for p in parts(e) if p[1] == "Central Administration"} - {
        "Internal Auditing",
        "Mayor’s office",
    }
    assert listed == {
        "administrative and support services",
        "human resources",
        "legal affairs",
        "corporate governance",
        "strategy and development",
        "budgeting",
        "ICT",
    }


def test_without_a_count_items_holding_and_keep_the_last_item_whole() -> None:
    e = run(
        "Central Administration\n\nThere are the following units: human resources, strategy and "
        "development, budgeting and ICT."
    )
    assert {p[0] for p in parts(e)} == {"human resources", "strategy and development", "budgeting and ICT"}


def test_comprises_n_groups_and_the_director_of_each() -> None:
    e = run(
        "The Central Administration comprises three groups: the Administration Group, the Finance Group, and "
        "the Development Group. The Director of the Administration Group is Maria Koski, the Director of the "
        "Finance Group is Olli Salo."
    )
    assert parts(e) == {
        (g, "Central Administration", "part")
        for g in ("Administration Group", "Finance Group", "Development Group")
    }
    assert heads(e) == {
        ("Administration Group", "director", "Maria Koski"),
        ("Finance Group", "director", "Olli Salo"),
    }


def test_headed_by_and_managed_by() -> None:
    e = run(
        "City Administration consists of the Central Administration, headed by Mayor Anna Virta, and the "
        "five divisions.\n\nTechnical Services\n\n  • street maintenance\n\n"
        "Technical services are managed by Technical Director Jari Lehto."
    )
    assert heads(e) == {
        ("Central Administration", "mayor", "Anna Virta"),
        ("Technical Services", "technical director", "Jari Lehto"),
    }
    assert parts(e) == {("Central Administration", "City Administration", "part")}


def test_headed_by_a_title_alone_is_a_post_without_holder() -> None:
    e = run("The Central Administration, headed by the Mayor, attends to preparation of decision-making.")
    assert heads(e) == {("Central Administration", "mayor", None)}
    assert duties(e) == {("Central Administration", "attends to preparation of decision-making")}


def test_director_of_body_and_name_in_a_list() -> None:
    e = run(
        "Divisional Directors:\n\n  • Director of Welfare Division Riitta Salo\n"
        "  • Director of Education Division Timo Berg\n"
    )
    assert heads(e) == {
        ("Welfare Division", "director", "Riitta Salo"),
        ("Education Division", "director", "Timo Berg"),
    }


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        ("The City Executive Office is a department subordinate to the City Board.", "subordinate"),
        ("The City Executive Office reports to the City Board.", "subordinate"),
        ("The City Executive Office is part of the City Board.", "part"),
    ],
)
def test_subordinate_to_reports_to_part_of(sentence: str, relation: str) -> None:
    assert parts(run(sentence)) == {("City Executive Office", "City Board", relation)}


def test_x_of_the_y_names_a_part() -> None:
    e = run(
        "The Road Division of the Official Committee is responsible for matters related to private roads."
    )
    assert parts(e) == {("Road Division", "Official Committee", "part")}
    assert duties(e) == {("Road Division", "matters related to private roads")}


def test_possessive_job_is_to() -> None:
    e = run(
        "The Electoral Commission’s job is to take care of the organisation of elections in the municipality."
    )
    assert duties(e) == {
        ("Electoral Commission", "take care of the organisation of elections in the municipality")
    }


def test_consists_of_n_with_bullets() -> None:
    e = run(
        "Office of the Mayor\n\nThe organisation of the Office of the Mayor consists of three spheres of "
        "responsibility:\n\n  • Administrative services\n  • HR services\n  • Communication services\n"
    )
    assert parts(e) == {
        (c, "Office of the Mayor", "part")
        for c in ("Administrative services", "HR services", "Communication services")
    }


def test_lower_case_municipal_bodies() -> None:
    e = run(
        "The municipal government manages the operation, administration and finances of the municipality."
    )
    assert duties(e) == {
        ("municipal government", "manages the operation, administration and finances of the municipality")
    }


def test_a_post_is_not_a_body() -> None:
    e = run("The Mayor is responsible for the operations of the City Board division.")
    assert not e.duties and names(e) == {"City Board"}


def test_labelled_phone_under_a_body_heading() -> None:
    e = run("Revision Office\n\nThe Revision Office evaluates the goals. Switchboard 09 310 43126.\n")
    assert [(s.org, s.phone) for s in e.sites] == [("Revision Office", "09 310 43126")]


@pytest.mark.parametrize("seed", range(5))
def test_never_crashes_on_noise(seed: int) -> None:
    rng = random.Random(seed)
    words = [*(HELSINKI + TAMPERE).split(), "•", ":", "\n", "1.", ",", "of", "The"]
    run(" ".join(rng.choice(words) for _ in range(2000)))


@pytest.mark.parametrize(
    "text", ["", "\n\n", "•", "A" * 20000, "Mr " * 5000, "The Aa Bb Division of the Cc Board " * 500]
)
def test_degenerate_input(text: str) -> None:
    e = run(text)
    assert e.lang == "en" and e.source == "test-en"


def test_which_is_responsible_for_gives_the_named_body_a_duty() -> None:
    e = run(
        "The city’s highest decision-making body is the City Council, which is responsible for the city’s "
        "operations and economy."
    )
    assert duties(e) == {("City Council", "the city’s operations and economy")}


def test_a_run_of_names_joined_by_and_is_split_at_body_nouns() -> None:
    e = run(
        "The divisions are: Education Division, Health Care and Rescue Services Division and Culture and "
        "Leisure Division."
    )
    assert names(e) == {
        "Education Division",
        "Health Care and Rescue Services Division",
        "Culture and Leisure Division",
    }


def test_a_lower_case_body_heading_its_units_and_its_phone() -> None:
    e = run(
        "Education division\n\nThe division consists of two units, which are early education and basic "
        "education.\n\nTel. +358 9 310 8600.\nFeedback and contact information\n"
    )
    assert parts(e) == {
        ("early education", "Education division", "part"),
        ("basic education", "Education division", "part"),
    }
    assert [(s.org, s.phone) for s in e.sites] == [("Education division", "+358 9 310 8600")]


def test_divided_into_divisions_and_a_named_body() -> None:
    e = run(
        "The City of Helsinki organisation is divided into four divisions and the Central Administration."
    )
    assert parts(e) == {("Central Administration", "City of Helsinki", "part")}


def test_it_continues_the_body_the_sentence_before_was_about() -> None:
    e = run(
        "Urban Environment Service Area\n\nThe Urban Environment Service Area is responsible for urban "
        "planning. It is in charge of arranging public transport."
    )
    assert duties(e) == {
        ("Urban Environment Service Area", "urban planning"),
        ("Urban Environment Service Area", "arranging public transport"),
    }
    assert next(b for b in e.bodies if b.name == "Urban Environment Service Area").kind == "service_area"


def test_a_capitalised_council_with_nothing_before_it_is_a_body() -> None:
    e = run(
        "The highest decision-making authority in the City of Vaasa is held by a Council comprising 43 "
        "members. The Council decides on city matters."
    )
    assert duties(e) == {("Council", "decides on city matters")}


def test_mayor_of_a_place_heads_the_city_the_text_names() -> None:
    e = run(
        "The City of Lahti employs 3,700 people. The Mayor of Lahti is Pekka Mäki.\n\n"
        "In 2010, the Council appointed Anna Lehto as Mayor of the City of Lahti."
    )
    assert heads(e) == {("City of Lahti", "mayor", "Pekka Mäki"), ("City of Lahti", "mayor", "Anna Lehto")}


def test_includes_the_following_sectors_with_bullets() -> None:
    e = run(
        "The municipal government office includes the following sectors:\n\n  • Education\n"
        "  • Group services\n"
    )
    assert parts(e) == {
        ("Education", "municipal government office", "part"),
        ("Group services", "municipal government office", "part"),
    }


def test_the_sector_and_the_enterprise_refer_back_to_the_body_named_before() -> None:
    e = run(
        "The Education and Wellbeing Sector is led by Sector Director Christina Knookala. The sector is "
        "responsible for early childhood education and basic education.\n\n"
        "The Technical Sector is made up of three units: Municipal Engineering, Premises Services and "
        "Environmental Services. The sector is managed by Technical Director Jukka Talvi.\n"
    )
    assert heads(e) == {
        ("Education and Wellbeing Sector", "sector director", "Christina Knookala"),
        ("Technical Sector", "technical director", "Jukka Talvi"),
    }
    assert duties(e) == {
        ("Education and Wellbeing Sector", "early childhood education and basic education"),
    }
    assert parts(e) == {
        (unit, "Technical Sector", "part")
        for unit in ("Municipal Engineering", "Premises Services", "Environmental Services")
    }


def test_operates_under_is_a_relation_not_a_duty() -> None:
    e = run("The Audit Committee operates under the City Council.")
    assert parts(e) == {("Audit Committee", "City Council", "subordinate")}
    assert not e.duties


def test_a_count_inside_an_enumeration_opens_a_nested_list() -> None:
    e = run(
        "The City of Vaasa's organisation consists of the City Council, the City Board and four sectors: "
        "Central Administration, Education and Wellbeing Sector, Technical Sector and Urban Development "
        "Sector."
    )
    assert parts(e) == {
        (child, "City of Vaasa", "part")
        for child in (
            "City Council",
            "City Board",
            "Central Administration",
            "Education and Wellbeing Sector",
            "Technical Sector",
            "Urban Development Sector",
        )
    }


def test_coordinated_subjects_and_a_plural_reference() -> None:
    e = run(
        "The Finnish-language Education Committee and the Swedish-language Education Committee make "
        "decisions concerning education in their language. Both committees report to the City Board."
    )
    text = "make decisions concerning education in their language"
    assert duties(e) == {
        ("Finnish-language Education Committee", text),
        ("Swedish-language Education Committee", text),
    }
    assert parts(e) == {
        ("Finnish-language Education Committee", "City Board", "subordinate"),
        ("Swedish-language Education Committee", "City Board", "subordinate"),
    }
    assert {p.evidence.quote for p in e.part_of} == {"Both committees report to the City Board."}


def test_director_of_a_listed_area_on_a_title_line_and_a_hyphenated_surname() -> None:
    e = run(
        "Growth and Learning Sector\n\nThe Growth and Learning Sector is divided into two service areas:\n"
        "• Finnish-language Early Childhood Education\n• Swedish-language Education and Culture\n\n"
        "The sector is headed by Deputy Mayor Harri Rinta-aho.\n\nSector management\n"
        "Director of Finnish-language Early Childhood Education\nAnna Mäkinen\n"
    )
    assert heads(e) == {
        ("Growth and Learning Sector", "deputy mayor", "Harri Rinta-aho"),
        ("Finnish-language Early Childhood Education", "director", "Anna Mäkinen"),
    }
    assert "Childhood Education" not in {h.person for h in e.heads}


def test_director_of_a_name_the_text_has_no_body_for_keeps_the_whole_title() -> None:
    e = run(
        "The Technical Centre comprises three service units: Street and Park Services, Construction "
        "Services and Maintenance Services. The centre is managed by Director of Technical Services "
        "Matti Kuusela."
    )
    assert heads(e) == {("Technical Centre", "director of technical services", "Matti Kuusela")}
    assert "Technical Services" not in names(e)


def test_a_possessive_owner_and_titles_before_the_name() -> None:
    e = run(
        "The City of Turku's Central Administration is made up of the Mayor's Office and the Financial "
        "Services Unit. The office is led by Chief of Staff Elina Rantanen. Financial Director Petri "
        "Lindgren is the head of the unit."
    )
    assert parts(e) == {
        ("Central Administration", "City of Turku", "part"),
        ("Mayor's Office", "Central Administration", "part"),
        ("Financial Services Unit", "Central Administration", "part"),
    }
    assert heads(e) == {
        ("Mayor's Office", "chief of staff", "Elina Rantanen"),
        ("Financial Services Unit", "financial director", "Petri Lindgren"),
    }


def test_n_bodies_which_are_directly_subordinate_to_a_body_and_the_bullets() -> None:
    e = run(
        "Committees\nThe city has three committees, which are directly subordinate to the City Board:\n"
        "• Education Committee\n• Sports Committee\n• Culture and Youth Committee\n\nChairs\n"
    )
    assert parts(e) == {
        (c, "City Board", "subordinate")
        for c in ("Education Committee", "Sports Committee", "Culture and Youth Committee")
    }


def test_a_proper_name_that_is_an_enterprise_and_pronoun_relations() -> None:
    e = run(
        "The Technical Centre is responsible for streets. It operates under the Technical Board.\n\n"
        "Oulu Water is a municipal enterprise that supplies drinking water in the region. It is part of the "
        "Technical Centre. The enterprise is managed by Managing Director Jari Heikkinen.\n"
    )
    assert parts(e) == {
        ("Technical Centre", "Technical Board", "subordinate"),
        ("Oulu Water", "Technical Centre", "part"),
    }
    assert ("Oulu Water", "supplies drinking water in the region") in duties(e)
    assert heads(e) == {("Oulu Water", "managing director", "Jari Heikkinen")}
    body = next(b for b in e.bodies if b.name == "Oulu Water")
    assert body.kind == "enterprise"
    assert body.evidence.quote.startswith("Oulu Water is a municipal enterprise")


def test_a_capitalised_name_before_a_lower_case_body_noun() -> None:
    e = run(
        "The Urban Environment service area is one of the City of Tampere's three service areas. The "
        "service area comprises the following units:\n• Building Control\n• Environmental Protection\n\n"
        "The Environmental Protection unit reports to the Environment Board. The Building Control unit "
        "grants building permits.\n"
    )
    assert parts(e) == {
        ("Urban Environment service area", "City of Tampere", "part"),
        ("Building Control", "Urban Environment service area", "part"),
        ("Environmental Protection", "Urban Environment service area", "part"),
        ("Environmental Protection", "Environment Board", "subordinate"),
    }
    assert duties(e) == {("Building Control", "grants building permits")}
    area = next(b for b in e.bodies if b.name == "Urban Environment service area")
    assert area.kind == "service_area" and area.aliases == ("Urban Environment",)


def test_an_article_opens_the_last_item_when_and_is_ambiguous() -> None:
    e = run(
        "The City of Porvoo's administration is divided into three divisions: the Group Administration, "
        "the Education and Culture Division and the Environmental Division."
    )
    assert parts(e) == {
        (d, "City of Porvoo", "part")
        for d in ("Group Administration", "Education and Culture Division", "Environmental Division")
    }


def test_the_municipal_organisation_and_the_municipal_manager_are_the_municipality() -> None:
    e = run(
        "The municipal organisation consists of two sectors: Group Services and the Technical Sector.\n\n"
        "Municipal Manager Virve Flinkman-Koskinen leads the municipal administration.\n"
    )
    assert parts(e) == {
        ("Group Services", "municipality", "part"),
        ("Technical Sector", "municipality", "part"),
    }
    assert heads(e) == {("municipality", "municipal manager", "Virve Flinkman-Koskinen")}
    assert "municipality" not in names(run("The City Board manages the municipality's administration."))


def test_thousands_of_distinct_bodies_stay_fast() -> None:
    rng = random.Random(7)
    syllables = [rng.choice("bdfgklmnprstv") + rng.choice("aeiou") for _ in range(12000)]
    names_ = ["".join(syllables[k : k + 4]) for k in range(0, 12000, 4)]
    text = " ".join(f"The {n.capitalize()} Unit is responsible for {n} matters." for n in names_)
    start = time.perf_counter()
    e = run(text)
    assert time.perf_counter() - start < 10
    assert len(e.bodies) == len(set(names_))


def test_a_body_headed_by_a_person_without_a_title_has_a_head_with_an_empty_title() -> None:
    e = run("The Legal Section is headed by Anna Lind.")
    assert heads(e) == {("Legal Section", "", "Anna Lind")}
    e = run("The Education Sector is responsible for schools. The sector is led by Timo Jalonen.")
    assert heads(e) == {("Education Sector", "", "Timo Jalonen")}
    e = run("The Planning Unit plans the city. It is managed by Mr Erik Berg.")
    assert heads(e) == {("Planning Unit", "", "Erik Berg")}
    assert not run("The sector is led by Timo Jalonen.").heads
    assert heads(run("The Legal Section is headed by Director Anna Lind.")) == {
        ("Legal Section", "director", "Anna Lind")
    }
    e = run("The Planning Division is managed by Mr Erik Berg, Director of the Planning Division.")
    assert ("Planning Division", "", "Erik Berg") not in heads(e)


def test_a_body_has_a_named_body_as_its_part() -> None:
    e = run("The City Board has a Group Section and a Legal Section.")
    assert parts(e) == {("Group Section", "City Board", "part"), ("Legal Section", "City Board", "part")}
    for text in ("The City Board has a chairman.", "The City Board has a strong role in the city."):
        assert not run(text).part_of, text


def test_various_units_including_a_list_are_parts() -> None:
    e = run(
        "The Technical Department encompasses various divisions and units, including: Streets, Parks and "
        "Green Areas, and Fleet Service Center."
    )
    assert parts(e) == {
        (child, "Technical Department", "part")
        for child in ("Streets", "Parks and Green Areas", "Fleet Service Center")
    }
    e = run(
        "The Social Department encompasses four sub-departments which are Home Care, Child Welfare, "
        "Disability Services and Family Counselling."
    )
    assert {p[0] for p in parts(e)} == {
        "Home Care",
        "Child Welfare",
        "Disability Services",
        "Family Counselling",
    }
    e = run("The Technical Department includes various services, including cleaning and catering.")
    assert not e.part_of


def test_the_department_under_a_heading_without_a_class_word_and_services_inside_a_duty() -> None:
    e = run(
        "Community Services\n\nThe Community Services Department is responsible for ensuring provision of "
        "Social Services, Emergency Services as well as Sports, Arts and Cultural Services to the "
        "communities.\n\n"
        "Corporate Services\n\nThe department is responsible for the general operations of the "
        "Municipality.\n\n"
        "Budget & Treasury\n\nThe department is responsible for providing strategic direction on financial "
        "planning.\n"
    )
    names = {b.name for b in e.bodies}
    assert {"Corporate Services", "Budget & Treasury"} <= names
    assert not {"Social Services", "Emergency Services"} & names
    assert {d.org for d in e.duties} == {
        "Community Services Department",
        "Corporate Services",
        "Budget & Treasury",
    }


def test_the_mayor_of_a_place_heads_the_city_when_no_city_of_place_is_named() -> None:
    e = run(
        "The organisation of the City\n\nThe City employs 3,700 people. "
        "The Mayor of Lahti is Niko Kyynäräinen.\n"
    )
    assert {(h.org, h.title, h.person) for h in e.heads} == {("city", "mayor", "Niko Kyynäräinen")}


def test_headed_by_and_responsible_for_the_main_responsibility_of_and_it_also() -> None:
    e = run(
        "Central Administration\n"
        "Central Administration is headed by the Municipal Coordinating Director and is responsible for "
        "ensuring the implementation of governmental policies.\n"
        "The main responsibility of the department is to direct policy formulation. It also manages "
        "financial and other resources.\n"
    )
    assert duties(e) == {
        ("Central Administration", "ensuring the implementation of governmental policies"),
        ("Central Administration", "direct policy formulation"),
        ("Central Administration", "manages financial and other resources"),
    }


# --- December 2026 gold conventions B, E, F ---------------------------------------------------------


def test_the_city_spoken_of_as_an_organisation_is_a_body() -> None:
    e = run("The Registry Office keeps records.\nIt supervises the City’s document management.\n")
    assert "city" in {n.lower() for n in names(e)}
    assert "city" not in {n.lower() for n in names(run("The Registry Office is in the city centre.\n"))}


def test_a_participle_after_a_counted_class_is_a_duty_of_each_listed_unit() -> None:
    e = run(
        "Central Office\nThere are also three staff units supporting the work of the entire City under the "
        "Mayor: finance, legal affairs and communications.\n"
    )
    assert {
        ("finance", "supporting the work of the entire City"),
        ("legal affairs", "supporting the work of the entire City"),
    } <= duties(e)
    assert all(parent.lower() != "city" for _, parent, _ in parts(e))


def test_bodies_in_a_plural_posts_modifier_separated_by_semicolons() -> None:
    e = run(
        "Reporting to the Chief Executive are the directors of health services; housing and planning "
        "services; and leisure services, and their offices.\n"
    )
    assert {"health services", "housing and planning services", "leisure services"} <= names(e)


def test_a_colon_list_after_consists_of_names_parts_even_without_body_words() -> None:
    e = run(
        "Corporate Directorate\nThe Corporate Directorate consists of:\n"
        "• Finance\n• Legal and Democratic Services\n• Human Resources, which supports managers\n"
        "• Chief Executive\n"
    )
    assert {(c, p) for c, p, _ in parts(e)} >= {
        ("Finance", "Corporate Directorate"),
        ("Legal and Democratic Services", "Corporate Directorate"),
        ("Human Resources", "Corporate Directorate"),
    }
    assert "Chief Executive" not in names(e)


def test_a_bodys_plural_class_are_colon_lists_its_parts() -> None:
    e = run("The Planning Department units are:\n• Zoning Unit\n• Building Control Unit\n")
    assert {(c, p) for c, p, _ in parts(e)} == {
        ("Zoning Unit", "Planning Department"),
        ("Building Control Unit", "Planning Department"),
    }


def test_more_open_class_words_and_a_lower_case_directorate_after_a_name() -> None:
    e = run("The Works directorate manages roads. Espoo Marketing Oy is responsible for marketing.")
    assert {"Works directorate", "Espoo Marketing Oy"} <= names(e)


def test_the_page_is_read_through_kgpub_text_without_banners() -> None:
    """English reads the cleaned page (kgpub.text): a cookie banner and menu lines give nothing, a
    sentence broken over lines keeps its exact original span."""
    text = (
        "Skip to main content\nMenu\n"
        "This site uses cookies. The Digital Services Team is responsible for cookies on this site.\n\n"
        "Planning Department\n\nThe Planning Department is responsible for the local plan and\n"
        "building control.\n"
    )
    e = run(text)
    assert "Digital Services Team" not in names(e)
    [duty] = e.duties
    assert duty.org == "Planning Department"
    assert duty.evidence.quote == (
        "The Planning Department is responsible for the local plan and\nbuilding control."
    )


# --- heads in prose (written in the style of council news pages, invented names) ---------------------


def test_a_body_then_its_post_then_the_holder() -> None:
    e = run("Northdale County Council Chief Executive AnnMarie O'Connor today announced a new structure.")
    assert ("Northdale County Council", "chief executive", "AnnMarie O'Connor") in heads(e)


def test_an_apposition_post_of_an_area_and_the_body_its_holder_will_lead() -> None:
    e = run(
        "The current Director of Housing and Community Services, Brian McAlister, will lead a dedicated "
        "Climate Action Directorate which will build on the council's record."
    )
    assert heads(e) == {
        ("Housing and Community Services", "director", "Brian McAlister"),
        ("Climate Action Directorate", "director", "Brian McAlister"),
    }


def test_a_person_appointed_as_director_of_an_area() -> None:
    e = run("Senior Planner Ciara Walsh has been appointed as Director of Planning and Development.")
    assert heads(e) == {("Planning and Development", "director", "Ciara Walsh")}


def test_head_of_a_bare_class_word_is_the_body_of_that_class() -> None:
    e = run(
        "The Social Services Committee supervises the operations of the Social Services Division. "
        "Head of Sector is Anna Lindqvist."
    )
    assert ("Social Services Division", "head", "Anna Lindqvist") in heads(e)


def test_a_class_word_post_under_a_department_heading() -> None:
    e = run("Family Services Department\n\nDepartment Director Maria Koski, tel. 09 310 1234\n")
    assert heads(e) == {("Family Services Department", "department director", "Maria Koski")}


def test_an_abbreviation_in_parentheses_names_the_body_later() -> None:
    e = run(
        "They direct the work of the council's Corporate Management Team (CMT). CMT is led by "
        "Commissioner Jane Porter (Managing Director) and includes four Strategic Directors."
    )
    assert ("Corporate Management Team", "commissioner", "Jane Porter") in heads(e)


def test_the_government_of_a_prime_minister_and_a_minister_of_a_named_ministry() -> None:
    e = run(
        "Three members of the Government of Prime Minister Jussi Kallio are responsible for matters that "
        "fall under the administration of the Ministry for Foreign Affairs:\n\n"
        "  • Minister for Foreign Affairs Erkki Laine\n  • Minister for Development Pekka Salo\n"
    )
    assert heads(e) == {
        ("Government", "prime minister", "Jussi Kallio"),
        ("Ministry for Foreign Affairs", "minister for foreign affairs", "Erkki Laine"),
    }


# --- part-of in prose and layout ---------------------------------------------------------------------


def pairs(e: Extraction) -> set[tuple[str, str]]:
    return {(p.child, p.parent) for p in e.part_of}


def test_there_are_n_city_departments_including_lists_the_citys_parts_and_no_duty() -> None:
    e = run(
        "City Departments\n\nThere are 4 City departments including: Administration, Finance, Parks and "
        "Recreation, and the Water and Sewer Utility.\n"
    )
    assert pairs(e) == {
        ("Administration", "city"),
        ("Finance", "city"),
        ("Parks and Recreation", "city"),
        ("Water and Sewer Utility", "city"),
    }
    assert not e.duties  # "including" is no participle stating what they do


def test_divided_up_into_departments_known_as_directorates() -> None:
    e = run(
        "The Council is divided up into three departments, known as directorates:\n\n"
        "  • Adult Care and Housing\n  • Finance and Customer Services\n  • Regeneration Services\n"
    )
    assert pairs(e) == {
        ("Adult Care and Housing", "Council"),
        ("Finance and Customer Services", "Council"),
        ("Regeneration Services", "Council"),
    }


def test_a_possessive_owner_makes_a_part() -> None:
    e = run("They direct the work of the council’s Corporate Management Team (CMT).")
    assert ("Corporate Management Team", "council") in {(c, p.lower()) for c, p in pairs(e)}


def test_a_named_area_before_a_lower_case_class_noun_is_the_body() -> None:
    e = run("The Citizen Services department consists of two divisions, as well as the Youth Affairs unit.")
    assert pairs(e) == {("Youth Affairs", "Citizen Services")}


def test_a_list_with_no_owner_belongs_to_the_body_the_page_names_most() -> None:
    e = run(
        "The Ministry for Trade is led by the Minister for Trade. The Ministry has a Political Department. "
        "The Ministry's staff work in Helsinki.\n\n"
        "Outside the departmental division are the following functions:\n\n"
        "  • Protocol Services\n  • Unit for Internal Audit\n"
    )
    assert {
        ("Protocol Services", "Ministry for Trade"),
        ("Unit for Internal Audit", "Ministry for Trade"),
    } <= pairs(e)


def test_a_unit_sits_within_a_directorate() -> None:
    e = run("The Housing Advice Team sits within the Housing Directorate.")
    assert pairs(e) == {("Housing Advice Team", "Housing Directorate")}


# --- sites in prose ----------------------------------------------------------------------------------


def sites(e: Extraction) -> set[tuple[str, str | None, str | None]]:
    return {(s.org, s.address, s.phone) for s in e.sites}


def test_bodies_that_work_at_an_address_have_that_site_but_not_their_owner() -> None:
    e = run(
        "The Sector Management of Health Services and the Planning unit of the Corporate Administration "
        "operate from now on in Keilaniemi, at the address Tekniikantie 12. The Corporate Administration "
        "has moved to Virastopiha 2."
    )
    assert sites(e) == {
        ("Sector Management of Health Services", "Tekniikantie 12", None),
        ("Planning unit", "Tekniikantie 12", None),
        ("Corporate Administration", "Virastopiha 2", None),
    }


def test_a_date_after_a_location_cue_is_no_address() -> None:
    e = run("The City Board has moved to March 2024 its decision on the budget.")
    assert not e.sites


def test_contact_a_body_on_a_phone_number() -> None:
    e = run(
        "If you have any questions please contact Governance and Assurance Branch on (02) 6205 2819 or "
        "email us."
    )
    assert sites(e) == {("Governance and Assurance Branch", None, "(02) 6205 2819")}


def test_a_heading_with_its_article_opens_the_body_section_for_contact_lines() -> None:
    e = run(
        "The Town Office\n\nThe town office is responsible for the town's marketing.\n\n"
        "Town Hall\nStorgatan 1, 68600 Jakobstad\ntel. 06 786 3111\n"
    )
    assert sites(e) == {("Town Office", "Storgatan 1, 68600 Jakobstad", "06 786 3111")}


# --- duties in prose ---------------------------------------------------------------------------------


def test_three_coordinated_subjects_share_the_duty() -> None:
    e = run(
        "The Political Department, Department for Trade Relations, and Department for Development Policy "
        "are responsible for policy coordination."
    )
    assert {org for org, _ in duties(e)} == {
        "Political Department",
        "Department for Trade Relations",
        "Department for Development Policy",
    }


def test_this_directorate_refers_back_and_is_no_name() -> None:
    e = run(
        "Jane Roe will lead a dedicated Climate Action Directorate. This Directorate will ensure that "
        "delivery keeps pace with housing."
    )
    assert "This Directorate" not in names(e)
    assert ("Climate Action Directorate", "ensure that delivery keeps pace with housing") in duties(e)


def test_helps_and_employs_are_duty_verbs() -> None:
    e = run("Employment Services employs and promotes employment. Employment Services helps businesses grow.")
    assert {text for _, text in duties(e)} == {"employs and promotes employment", "helps businesses grow"}


def test_a_duty_whose_object_is_the_bullets_below() -> None:
    e = run("The Audit Committee prepares matters relating to\n\n  • internal control\n  • risk management\n")
    assert duties(e) == {("Audit Committee", "internal control"), ("Audit Committee", "risk management")}


# --- names -------------------------------------------------------------------------------------------


def test_plural_common_nouns_are_no_person_and_stay_in_the_name() -> None:
    e = run("The Department for External Economic Relations is responsible for trade policy.")
    assert "Department for External Economic Relations" in names(e)


def test_an_aspect_before_a_body_and_a_country_after_it_are_not_its_name() -> None:
    e = run(
        "Organisation of the Social Services Division\n\n"
        "The Policy Department of the Ministry of Defence of Finland is responsible for planning.\n"
    )
    assert {"Social Services Division", "Ministry of Defence"} <= names(e)
    assert not {"Organisation of the Social Services Division", "Ministry of Defence of Finland"} & names(e)


def test_a_plural_class_heading_is_no_body() -> None:
    e = run("City Departments\n\nEach department has a manager who oversees the work of its employees.\n")
    assert "City Departments" not in names(e)


def test_a_list_of_capitalised_names_with_a_body_among_them_lists_parts() -> None:
    e = run("The Place Directorate includes Planning, Highways and Waste Services.")
    assert pairs(e) == {
        ("Planning", "Place Directorate"),
        ("Highways", "Place Directorate"),
        ("Waste Services", "Place Directorate"),
    }
    assert not run("The Council includes Labour, Conservative and Liberal Democrat members.").part_of


def test_plural_posts_in_a_composition_are_no_parts() -> None:
    e = run(
        "The Corporate Leadership Team is made up of the Chief Executive, the Directors and the Heads "
        "of Service."
    )
    assert not e.part_of


@pytest.mark.parametrize("line", ["Director: Jane Smith", "Jane Smith, Director", "Director – Jane Smith"])
def test_a_label_line_under_a_body_heading_names_its_head(line: str) -> None:
    e = run(f"Planning Department\n\n{line}\n")
    assert heads(e) == {("Planning Department", "director", "Jane Smith")}


def test_a_label_line_of_a_deputy_or_without_a_section_names_no_head() -> None:
    assert not run("Planning Department\n\nAssistant Director: Jane Smith\n").heads
    assert not run("Director: Jane Smith\n").heads
