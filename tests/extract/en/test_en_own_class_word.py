"""English pages name their own body by a capitalised class word ("the Directorate", "Council is also
guided by …") when no body of that class was named before (gold convention B); a headline with a
verb states no duty (invented names)."""

from __future__ import annotations

from tests.extract.en.test_en_extract import duties, heads, names, run


def test_the_capitalised_directorate_is_the_page_s_own_body_not_the_heading_above() -> None:
    e = run(
        "Governance Structure\n\n"
        "The Directorate is currently revising its governance framework.\n\n"
        "Senior Team\n\nThe Senior Team is responsible for resourcing decisions.\n"
    )
    assert "Directorate" in names(e)
    assert "Governance Structure" not in names(e)


def test_council_without_an_article_is_the_council() -> None:
    e = run(
        "Our structure\n\n"
        "Council is also guided by various committees. The Audit Committee reviews the accounts.\n"
    )
    assert "Council" in names(e)


def test_a_lower_case_directorate_is_no_name() -> None:
    e = run("Each directorate is led by a director.\n")
    assert "directorate" not in {n.lower() for n in names(e)}


def test_a_headline_with_a_verb_states_no_duty() -> None:
    e = run(
        "Council makes changes to its structure\n"
        "The Chief Executive today announced changes to the structure of the Council.\n"
    )
    assert duties(e) == set()


def test_a_post_of_the_council_heads_the_page_s_council() -> None:
    e = run("The Leader of the Council is Cllr Jane Smith.\n")
    assert heads(e) == {("Council", "leader", "Jane Smith")}
