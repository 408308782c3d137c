"""A bare head that names no body by itself ("förvaltningen", "området") refers back to the last body
with that head; after an article and an adjective opening a sentence it names one ("Den samlade
förvaltningen …"). Invented sentences in the style of municipal pages."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import duties, names, parts, run


def test_an_article_and_a_participle_name_an_administration_and_förvaltningen_refers_to_it() -> None:
    e = run(
        "Den gemensamma förvaltningen är underställd kommunstyrelsen. Förvaltningen består av tre "
        "sektorer:\n\n  • Sektorn för omsorg\n  • Sektorn för bildning\n  • Sektorn för teknik\n"
    )
    assert "gemensamma förvaltningen" in names(e)
    got = parts(e)
    assert ("gemensamma förvaltningen", "kommunstyrelsen", "subordinate") in got
    owned = {c for c, p, _ in got if p == "gemensamma förvaltningen"}
    assert owned == {"sektorn för omsorg", "sektorn för bildning", "sektorn för teknik"}


def test_förvaltningen_refers_back_to_the_last_administration_named() -> None:
    e = run("Miljöförvaltningen\n\nFörvaltningen svarar för tillsynen över miljön.\n")
    assert ("miljöförvaltningen", "svarar för tillsynen över miljön") in duties(e)


def test_förvaltningen_with_nothing_to_refer_to_names_no_body() -> None:
    e = run("Förvaltningen svarar för tillsynen över miljön. Den ekonomiska förvaltningen sköts centralt.")
    assert not any("förvaltning" in name for name in names(e))
    assert duties(e) == set()


def test_förvaltningen_in_an_object_is_an_activity_not_a_reference() -> None:
    e = run(
        "Centralförvaltningen\n\nVi utvecklar verksamheten och förvaltningen inom stadens organisation.\n"
    )
    assert not any(c == "centralförvaltningen" for c, _, _ in parts(e))
