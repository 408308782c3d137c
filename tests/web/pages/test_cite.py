"""The "cite this" block of a body page: the dataset version and its date, the IRI, a source sentence —
in the reader's language (fi, sv, en)."""

from __future__ import annotations

import json
import re

import pytest
from flask.testing import FlaskClient

from kgpub.config import Settings

BODY = "/doc/org/helsinki-kaupunginkanslia-elinkeino-osasto"
IRI = "http://127.0.0.1:5000/id/org/helsinki-kaupunginkanslia-elinkeino-osasto"
HEADINGS = {"en": "Cite this", "fi": "Viittaa tähän", "sv": "Citera detta"}


def _cite(client: FlaskClient, lang: str, path: str = BODY) -> str:
    r = client.get(path, headers={"Accept": "text/html", "Accept-Language": lang})
    assert r.status_code == 200
    found = re.search(r'<section class="cite".*?</section>', r.data.decode("utf-8"), re.S)
    assert found, f"no cite block on {path}"
    return found.group(0)


def test_cite_block_names_version_date_iri_and_a_source_sentence(
    pages_client: FlaskClient, pages_settings: Settings
) -> None:
    manifest = json.loads((pages_settings.published_dir / "build.json").read_text(encoding="utf-8"))
    block = _cite(pages_client, "en")
    assert manifest["build"] in block and manifest["created"][:10] in block  # the version and its day
    # this fixture publishes without recording a version (tests/web/test_versions.py has real builds)
    assert 'href="http://127.0.0.1:5000/dataset"' in block
    assert f"<code>{IRI}</code>" in block and f"({manifest['created'][:10]}). {IRI}" in block
    sentence = re.search(r'<q class="source-sentence">(.*?)</q>', block, re.S)
    assert sentence and len(sentence.group(1)) > 20
    assert "/source/" in block  # the sentence links to its place in the source text


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_cite_block_speaks_the_readers_language(pages_client: FlaskClient, lang: str) -> None:
    block = _cite(pages_client, lang)
    assert f">{HEADINGS[lang]}</h2>" in block
    other = {HEADINGS[x] for x in HEADINGS if x != lang}
    assert not any(h in block for h in other)


def test_a_page_that_is_no_body_has_no_cite_block(pages_client: FlaskClient) -> None:
    r = pages_client.get("/doc/def/kind/agency", headers={"Accept": "text/html"})
    assert r.status_code in (200, 404) and 'class="cite"' not in r.data.decode("utf-8")
