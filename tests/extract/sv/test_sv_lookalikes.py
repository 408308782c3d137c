"""Words that look like bodies but are not: a class of companies, a language group, a person's title,
an activity, a generic class word, page chrome, and a verb before a body word (invented sentences)."""

from __future__ import annotations

import pytest

from tests.extract.sv.test_sv_extract import duties, names, run


@pytest.mark.parametrize(
    ("sentence", "not_a_body"),
    [
        ("Koncernsektionen behandlar ärenden som rör stadens koncernbolag.", "koncernbolaget"),
        ("Kommunen äger flera dotterbolag.", "dotterbolaget"),
        (
            "Ledamöterna ska väljas bland personer som tillhör den finskspråkiga språkgruppen.",
            "finskspråkiga språkgruppen",
        ),
        ("Landshövdingens närmaste medarbetare är länsrådet.", "länsrådet"),
        ("Kommunalrådet och oppositionsrådet träffas varje vecka.", "oppositionsrådet"),
        ("Förvaltningen svarar för arbetsledning av cheferna.", "arbetsledningen"),
        ("Kommunstyrelsen är kommunens ledande politiska förvaltningsorgan.", "förvaltningsorganet"),
        ("Widgetområde (Sidfot)", "widgetområdet"),
        ("Några av ledamöterna i kommunstyrelsen kallas kommunalråd.", "kommunalrådet"),
        ("Den största förvaltningen är socialförvaltningen.", "största förvaltningen"),
        ("Den största nämnden är socialnämnden.", "största nämnden"),
        ("Målen följer kommunsektorns aktuella utsikter.", "kommunsektorn"),
        ("Kommunala sektorn omfattar verksamheten i kommuner och landsting.", "kommunala sektorn"),
        ("Den ideella sektorns betydelse ska beaktas.", "ideella sektorn"),
        ("Nämnderna styr verksamheten inom sitt uppgiftsområde.", "uppgiftsområdet"),
        (
            "Till ledningsgruppen hör stadsdirektören, ekonomidirektören och tekniska direktören.",
            "tekniska direktören",
        ),
    ],
)
def test_look_alikes_are_no_bodies(sentence: str, not_a_body: str) -> None:
    assert not_a_body not in names(run(sentence))


def test_the_body_named_after_such_a_word_is_still_found() -> None:
    got = names(run("Koncernsektionen behandlar ärenden som rör stadens koncernbolag."))
    assert "koncernsektionen" in got


def test_a_verb_before_an_indefinite_body_word_is_no_adjective_of_its_name() -> None:
    got = names(run("Tillsammans utgör styrgrupp och referensgrupp projektets ledning."))
    assert not any(name.startswith("utgöra") for name in got)


def test_a_duty_verb_is_a_whole_word_not_the_start_of_a_noun() -> None:
    e = run("Kommunen är en politiskt styrd organisation med ledamöter i nämnder och styrelser som beslutar.")
    assert duties(e) == set()


def test_an_article_before_kommun_is_no_place_name() -> None:
    assert names(run("En kommun är en politiskt styrd organisation.")) == set()


def test_a_participle_before_fullmäktige_is_no_part_of_its_name() -> None:
    e = run("Organisationen består av det folkvalda fullmäktige och en kommunstyrelse.")
    assert "folkvalda fullmäktige" not in names(e)


def test_a_neuter_noun_after_a_plural_determiner_is_plural_and_names_no_body() -> None:
    assert names(run("Nämnderna har stöd av sina förvaltningskontor och dess medarbetare.")) == set()
    assert "regionkontoret" in names(run("Regionkontoret har stöd av kansliet."))


def test_an_indefinite_body_word_as_a_predicate_or_apposition_names_no_body() -> None:
    assert "koncernledningen" not in names(run("Kommunkansliet är också koncernledning\n"))
    e = run("På kontoret finns följande enheter:\n\n  • Kansliet\n  • Qvintus, utvecklingsenhet\n")
    assert "utvecklingsenheten" not in names(e)


def test_a_compound_service_area_is_named_with_what_it_is_for() -> None:
    e = run("Våra tre serviceområden heter:\n- Serviceområdet för bildning\n- Serviceområdet för omsorg\n")
    assert "serviceområdet" not in names(e)
    assert {"serviceområdet för bildning", "serviceområdet för omsorg"} <= names(e)


def test_an_administration_a_sentence_is_about_is_a_field_of_activity() -> None:
    assert names(run("Med delegationen samverkar länsstyrelsen i frågor om fiskeförvaltningen.")) >= {
        "länsstyrelsen"
    }
    assert "fiskeförvaltningen" not in names(
        run("Med delegationen samverkar länsstyrelsen i frågor om fiskeförvaltningen.")
    )
    assert "socialförvaltningen" in names(run("Socialförvaltningen sköter om stödet."))


def test_an_administration_a_matter_concerns_is_a_field() -> None:
    assert "viltförvaltningen" not in names(
        run("Delegationen behandlar frågor som rör viltförvaltningen i länet.")
    )


def test_a_body_word_after_fungerar_som_is_a_role() -> None:
    e = run("Utbildningsförvaltningen fungerar som serviceorgan åt kommunens skolor.")
    assert names(e) == {"utbildningsförvaltningen"}
