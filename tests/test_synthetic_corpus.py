"""The synthetic corpus (``kgpub.synthetic.corpus_pages``) past one round of the municipalities: the
second copy of a site has the same texts, so a build of it names the same heads (a 1 M-triple bench
build was refused by the head shape when the second round drew new people for the same bodies)."""

from __future__ import annotations

from kgpub.config import Settings
from kgpub.municipalities import load_reference
from kgpub.synthetic import PAGES_PER_MUNICIPALITY, corpus_pages


def test_a_second_round_repeats_the_first_rounds_sites() -> None:
    finnish = [
        m for m in load_reference(Settings().municipalities_package).municipalities if m.language == "fi"
    ]
    one_round = PAGES_PER_MUNICIPALITY * len(finnish)
    pages = list(corpus_pages(one_round + PAGES_PER_MUNICIPALITY))
    first, again = pages[:PAGES_PER_MUNICIPALITY], pages[one_round:]
    assert len({p[0] for p in pages}) == len(pages)  # every page has its own source id
    assert [(p[1], p[2]) for p in again] == [(p[1], p[2]) for p in first]  # same municipality, same text
