"""kgpub add's library: pages from the loopback site become source folders the loader accepts."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from kgpub.config import Settings
from kgpub.errors import FetchError, InputError, SourceError
from kgpub.ingest.add import AddOptions, add
from kgpub.sources import load_source

from .conftest import PAGES, Route, Site


def _toml(path: Path) -> dict[str, object]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.mark.parametrize(
    ("name", "path", "source_id", "title", "publisher", "municipality", "language"),
    [
        (
            "kuhmo-organisaatio.html",
            "/kaupunki-ja-hallinto/organisaatio/",
            "kuhmo-organisaatio",
            "Organisaatio",
            "Kuhmon kaupunki",
            "Kuhmo",
            "fi",
        ),
        (
            "narpes-organisation.html",
            "/stad-och-forvaltning/organisation/",
            "narpes-organisation",
            "Organisation",
            "Närpes stad",
            "Närpes",
            "sv",
        ),
        (
            "kokkola-administration.html",
            "/en/central-administration/",
            "kokkola-central-administration",
            "Central Administration",
            "City of Kokkola",
            "Kokkola",
            "en",
        ),
    ],
)
def test_a_page_becomes_a_source_with_its_metadata_and_snapshot(
    site: Site,
    settings: Settings,
    name: str,
    path: str,
    source_id: str,
    title: str,
    publisher: str,
    municipality: str,
    language: str,
) -> None:
    body = site.page(path, name)
    [written] = add(settings, [site.url(path)], AddOptions())
    assert (written.id, written.status, written.version) == (source_id, "created", 1)
    folder = settings.data_dir / "sources" / source_id
    assert sorted(p.name for p in folder.iterdir()) == ["fetch.toml", "meta.toml", "page.html", "text.txt"]
    assert (folder / "page.html").read_bytes() == body
    source = load_source(folder)
    assert source.meta.title == title
    assert source.meta.publisher == publisher
    assert source.meta.municipality == municipality
    assert source.meta.language == language
    assert source.meta.url == site.url(path)
    assert source.meta.retrieved == dt.datetime.now(dt.UTC).date().isoformat()
    h1 = {"fi": "Organisaatio", "sv": "Stadens organisation", "en": "Central Administration"}[language]
    assert source.text.split("\n")[:2] == [h1, ""]  # the page's heading, not its menu, comes first
    fetch = _toml(folder / "fetch.toml")
    assert fetch["etag"] and fetch["last_modified"] and fetch["version"] == 1
    assert fetch["extractor"] == "trafilatura" and fetch["charset"] == "utf-8"


def test_options_win_over_what_the_page_says(site: Site, settings: Settings) -> None:
    site.page("/org/", "kuhmo-organisaatio.html")
    options = AddOptions(
        municipality="Sotkamo",
        language="fi",
        id="sotkamo-org",
        publisher="Sotkamon kunta",
        licence="CC BY 4.0",
    )
    [written] = add(settings, [site.url("/org/")], options)
    meta = load_source(written.folder).meta
    assert (written.id, meta.municipality, meta.publisher, meta.licence) == (
        "sotkamo-org",
        "Sotkamo",
        "Sotkamon kunta",
        "CC BY 4.0",
    )


def test_an_unchanged_page_answers_304_and_nothing_changes(site: Site, settings: Settings) -> None:
    site.page("/org/", "kuhmo-organisaatio.html")
    [first] = add(settings, [site.url("/org/")], AddOptions())
    before = _snapshot(first.folder)
    [again] = add(settings, [site.url("/org/")], AddOptions())
    assert (again.id, again.status, again.version) == (first.id, "unchanged", 1)
    assert site.log[-1].path == "/org/" and "if-none-match" in site.log[-1].headers
    assert _snapshot(first.folder) == before


def test_a_server_without_validators_and_the_same_text_changes_nothing(
    site: Site, settings: Settings
) -> None:
    body = (PAGES / "kuhmo-organisaatio.html").read_bytes()
    site.routes["/org/"] = Route(body, validators=False)
    [first] = add(settings, [site.url("/org/")], AddOptions())
    before = _snapshot(first.folder)
    site.routes["/org/"] = Route(
        body.replace(b"2025</p>\n</footer>", b"2026</p>\n</footer>"), validators=False
    )
    [again] = add(settings, [site.url("/org/")], AddOptions())
    assert again.status == "unchanged"  # only the footer changed: the text evidence points into is the same
    assert _snapshot(first.folder) == before


def test_a_changed_page_becomes_the_next_version(site: Site, settings: Settings) -> None:
    body = site.page("/org/", "kuhmo-organisaatio.html")
    [first] = add(settings, [site.url("/org/")], AddOptions(municipality="Kuhmo"))
    old_text = (first.folder / "text.txt").read_text(encoding="utf-8")
    meta = first.folder / "meta.toml"  # a curator corrects the licence by hand
    meta.write_text(meta.read_text(encoding="utf-8").replace('licence = "unknown"', 'licence = "CC BY 4.0"'))
    changed = body.replace(b"sivistysjohtaja Mikko Heikkinen", b"sivistysjohtaja Laura Pikkarainen")
    site.routes["/org/"] = Route(changed)
    [second] = add(settings, [site.url("/org/")], AddOptions())
    assert (second.id, second.status, second.version) == (first.id, "updated", 2)
    new_text = (second.folder / "text.txt").read_text(encoding="utf-8")
    assert "Laura Pikkarainen" in new_text and "Mikko Heikkinen" not in new_text
    archive = second.folder / "versions" / "1"
    assert (archive / "text.txt").read_text(encoding="utf-8") == old_text
    assert (archive / "page.html").read_bytes() == body
    assert (second.folder / "page.html").read_bytes() == changed
    assert _toml(second.folder / "fetch.toml")["version"] == 2
    source = load_source(second.folder)
    assert source.meta.licence == "CC BY 4.0"  # hand corrections survive an update
    assert source.meta.municipality == "Kuhmo"


def test_an_update_keeps_the_organisation_table_a_person_added(site: Site, settings: Settings) -> None:
    body = site.page("/org/", "kuhmo-organisaatio.html")
    [first] = add(settings, [site.url("/org/")], AddOptions(municipality="Kuhmo"))
    meta = first.folder / "meta.toml"
    added = (
        '\n[organisation]\nname_fi = "Kuhmon kaupunki"\n'
        'name_en = "Town of Kuhmo \\"Q\\""\nwikidata = "Q211543"\n'
    )
    meta.write_text(meta.read_text(encoding="utf-8") + added, encoding="utf-8")
    site.routes["/org/"] = Route(body.replace(b"Mikko Heikkinen", b"Laura Pikkarainen"))
    [second] = add(settings, [site.url("/org/")], AddOptions())
    assert second.status == "updated"
    organisation = load_source(second.folder).meta.organisation
    assert organisation is not None
    assert dict(organisation.names) == {"fi": "Kuhmon kaupunki", "en": 'Town of Kuhmo "Q"'}
    assert organisation.wikidata == "Q211543"
    before = _toml(second.folder / "versions" / "1" / "meta.toml")
    assert _toml(meta)["organisation"] == before["organisation"]


def test_a_wrong_charset_header_still_gives_the_right_letters(site: Site, settings: Settings) -> None:
    body = (PAGES / "kuhmo-organisaatio.html").read_bytes()
    site.routes["/latin/"] = Route(body, headers={"Content-Type": "text/html; charset=iso-8859-1"})
    [written] = add(settings, [site.url("/latin/")], AddOptions())
    text = (written.folder / "text.txt").read_text(encoding="utf-8")
    assert "Kuhmon kaupungin ylin päättävä toimielin" in text and "Ã" not in text
    assert load_source(written.folder).meta.title == "Organisaatio"
    fetch = _toml(written.folder / "fetch.toml")
    assert fetch["charset"] == "utf-8"
    assert fetch["charset_note"] == "the HTTP header says iso-8859-1, but the bytes are UTF-8"
    assert any("iso-8859-1" in note for note in written.notes)


def test_a_latin1_page_with_a_wrong_utf8_header_is_read_by_its_meta_charset(
    site: Site, settings: Settings
) -> None:
    html = (
        (PAGES / "narpes-organisation.html")
        .read_text(encoding="utf-8")
        .replace("charset=utf-8", "charset=iso-8859-1")
    )
    site.routes["/sv/"] = Route(html.encode("latin-1"), headers={"Content-Type": "text/html; charset=utf-8"})
    [written] = add(settings, [site.url("/sv/")], AddOptions())
    assert "Bildningsavdelningen ansvarar för:" in (written.folder / "text.txt").read_text(encoding="utf-8")


def test_a_swedish_text_under_lang_fi_is_recorded_as_swedish_with_a_note(
    site: Site, settings: Settings
) -> None:
    html = (PAGES / "narpes-organisation.html").read_bytes().replace(b'lang="sv-FI"', b'lang="fi"')
    site.routes["/sv/"] = Route(html)
    [written] = add(settings, [site.url("/sv/")], AddOptions())
    assert load_source(written.folder).meta.language == "sv"
    assert any("declares lang='fi' but its text is sv" in note for note in written.notes)


def test_a_saved_html_file_is_added_without_http(tmp_path: Path, settings: Settings) -> None:
    saved = tmp_path / "Kokkola Central Administration.html"
    saved.write_bytes((PAGES / "kokkola-administration.html").read_bytes())
    [written] = add(settings, [str(saved)], AddOptions())
    assert written.id == "kokkola-central-administration"
    meta = load_source(written.folder).meta
    assert meta.retrieved == "unknown" and meta.original_name == saved.name
    assert meta.url == "https://www.kokkola.example/en/city-and-administration/central-administration/"
    [again] = add(settings, [str(saved)], AddOptions())
    assert (again.id, again.status) == (written.id, "unchanged")


def test_html_saved_as_text_is_repaired_by_adding_the_page_under_its_id(
    tmp_path: Path, settings: Settings
) -> None:
    folder = settings.data_dir / "sources" / "narpes-org"
    folder.mkdir(parents=True)
    html = (PAGES / "narpes-organisation.html").read_bytes()
    (folder / "text.txt").write_bytes(html)
    (folder / "meta.toml").write_text(
        'title = "Organisation"\npublisher = "Närpes stad"\nmunicipality = "Närpes"\nlanguage = "sv"\n'
        'retrieved = "2025-03-01"\nlicence = "unknown"\n',
        encoding="utf-8",
    )
    with pytest.raises(Exception, match="looks like HTML"):
        load_source(folder)
    saved = tmp_path / "page.html"
    saved.write_bytes(html)
    [written] = add(settings, [str(saved)], AddOptions(id="narpes-org"))
    assert (written.status, written.version) == ("updated", 2)
    assert (folder / "versions" / "1" / "text.txt").read_bytes() == html
    assert load_source(folder).text.startswith("Stadens organisation\n\n")


def test_an_unknown_municipality_asks_for_the_option(site: Site, settings: Settings) -> None:
    html = (PAGES / "kokkola-administration.html").read_bytes()
    html = html.replace(b"City of Kokkola", b"Ostrobothnia Services")
    site.routes["/x/"] = Route(html)
    with pytest.raises(InputError, match=r"/x/: cannot tell which municipality .*pass --municipality NAME"):
        add(settings, [site.url("/x/")], AddOptions())
    assert not (settings.data_dir / "sources").exists() or not any((settings.data_dir / "sources").iterdir())


def test_a_site_name_naming_no_municipality_on_the_list_asks_for_the_option(
    site: Site, settings: Settings
) -> None:
    html = (PAGES / "kuhmo-organisaatio.html").read_bytes().replace(b"Kuhmon kaupunki", b"Kuhmolan kaupunki")
    site.routes["/x/"] = Route(html)
    with pytest.raises(InputError, match=r"/x/: cannot tell which municipality .*'Kuhmolan kaupunki'"):
        add(settings, [site.url("/x/")], AddOptions())
    assert not (settings.data_dir / "sources").exists() or not any((settings.data_dir / "sources").iterdir())


def test_the_municipality_is_written_as_the_list_writes_it(site: Site, settings: Settings) -> None:
    html = (PAGES / "narpes-organisation.html").read_bytes()
    html = html.replace("Närpes stad".encode(), "NÄRPES STAD".encode())
    site.routes["/a/"] = Route(html)
    site.page("/b/", "kuhmo-organisaatio.html")
    [guessed] = add(settings, [site.url("/a/")], AddOptions())
    [given] = add(settings, [site.url("/b/")], AddOptions(municipality="närpiö"))
    assert load_source(guessed.folder).meta.municipality == "Närpes"
    assert load_source(given.folder).meta.municipality == "Närpiö"


def test_a_misspelt_municipality_option_is_refused_with_suggestions(site: Site, settings: Settings) -> None:
    site.page("/org/", "kuhmo-organisaatio.html")
    with pytest.raises(SourceError, match=r"/org/: municipality 'Kuhmoo' is not a Finnish .*'Kuhmo'"):
        add(settings, [site.url("/org/")], AddOptions(municipality="Kuhmoo"))
    assert not (settings.data_dir / "sources").exists() or not any((settings.data_dir / "sources").iterdir())


def test_a_page_without_text_is_refused_and_nothing_written(site: Site, settings: Settings) -> None:
    site.routes["/tyhja/"] = Route(b"<html lang='fi'><body><nav><a href='/'>Etusivu</a></nav></body></html>")
    with pytest.raises(FetchError, match=r"/tyhja/: no text found"):
        add(settings, [site.url("/tyhja/")], AddOptions(municipality="Kuhmo"))
    assert not (settings.data_dir / "sources").exists() or not any((settings.data_dir / "sources").iterdir())


def test_a_pdf_file_or_a_text_file_is_refused(tmp_path: Path, settings: Settings) -> None:
    pdf = tmp_path / "liite.html"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(FetchError, match=r"liite\.html: is a PDF"):
        add(settings, [str(pdf)], AddOptions())
    text = tmp_path / "sivu.txt"
    text.write_text("Kaupunginvaltuusto", encoding="utf-8")
    with pytest.raises(InputError, match=r"sivu\.txt: not an \.html file"):
        add(settings, [str(text)], AddOptions())


def test_id_of_another_pages_source_is_refused(site: Site, settings: Settings) -> None:
    site.page("/a/", "kuhmo-organisaatio.html")
    site.page("/b/", "narpes-organisation.html")
    add(settings, [site.url("/a/")], AddOptions(id="kuhmo"))
    with pytest.raises(InputError, match=r"--id kuhmo: .* is the source of .*/a/, not of .*/b/"):
        add(settings, [site.url("/b/")], AddOptions(id="kuhmo"))


def test_two_pages_with_the_same_last_segment_get_two_ids(site: Site, settings: Settings) -> None:
    site.page("/fi/organisaatio/", "kuhmo-organisaatio.html")
    site.page("/sv/organisaatio/", "kuhmo-organisaatio.html")
    ids = [
        w.id
        for w in add(settings, [site.url("/fi/organisaatio/"), site.url("/sv/organisaatio/")], AddOptions())
    ]
    assert ids == ["kuhmo-organisaatio", "kuhmo-organisaatio-2"]


def test_ids_are_lowercase_ascii_from_the_municipality_and_the_last_path_segment() -> None:
    from kgpub.ingest.write import id_for_url

    assert (
        id_for_url("https://www.kuhmo.fi/kaupunki-ja-hallinto/Sivistys-ja-vapaa-aika/")
        == "kuhmo-sivistys-ja-vapaa-aika"
    )
    assert id_for_url("https://www.narpes.fi/organisation.html", "Närpes") == "narpes-organisation"
    assert id_for_url("https://kuhmo.fi/sivut/kuhmo-organisaatio.php", "Kuhmo") == "kuhmo-organisaatio"
    assert id_for_url("https://www.kuhmo.fi/", "Kuhmo") == "kuhmo"
    assert id_for_url("https://www.vörå.fi/förvaltning/", None) == "vora-forvaltning"


def test_a_bad_id_is_refused_before_anything_is_fetched(site: Site, settings: Settings) -> None:
    with pytest.raises(InputError, match=r"--id 'Kuhmo Org': a source id is lowercase ASCII"):
        add(settings, [site.url("/org/")], AddOptions(id="Kuhmo Org"))
    assert site.log == []


def test_a_url_that_redirects_to_a_known_page_updates_that_source(site: Site, settings: Settings) -> None:
    site.page("/uusi/", "kuhmo-organisaatio.html")
    site.routes["/vanha/"] = Route(status=301, headers={"Location": "/uusi/"}, validators=False)
    [first] = add(settings, [site.url("/uusi/")], AddOptions())
    [again] = add(settings, [site.url("/vanha/")], AddOptions())
    assert (again.id, again.status) == (first.id, "unchanged")
    assert [p.name for p in (settings.data_dir / "sources").iterdir()] == [first.id]
