"""CSV results as a file: a download name always, a UTF-8 BOM for people (browsers, download=1) and
never for SPARQL clients (their CSV parsers would read the BOM into the first column's name)."""

from __future__ import annotations

import csv
import io
import urllib.parse
import urllib.request

from tests.web.conftest import LiveServer

QUERY = (
    "SELECT ?name WHERE { ?b <http://www.w3.org/2004/02/skos/core#prefLabel> ?name "
    'FILTER(?name = "sisäinen tarkastus"@fi) }'
)
BOM = b"\xef\xbb\xbf"


def _get(server: LiveServer, accept: str, **params: str) -> tuple[dict[str, str], bytes]:
    url = f"{server.url}/sparql?" + urllib.parse.urlencode({"query": QUERY, "format": "csv", **params})
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as response:
        return dict(response.headers.items()), response.read()


def test_a_browser_gets_a_spreadsheet_file(live_server: LiveServer) -> None:
    headers, body = _get(live_server, "text/html,application/xhtml+xml,*/*;q=0.8")
    assert body.startswith(BOM)
    assert headers["Content-Type"] == "text/csv; charset=utf-8"
    assert headers["Content-Disposition"] == 'attachment; filename="query-results.csv"'
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows == [["name"], ["sisäinen tarkastus"]]


def test_download_link_gets_the_bom_and_a_sparql_client_does_not(live_server: LiveServer) -> None:
    _headers, body = _get(live_server, "text/csv", download="1")
    assert body.startswith(BOM)
    headers, body = _get(live_server, "text/csv")
    assert not body.startswith(BOM) and body.decode("utf-8").splitlines()[0] == "name"
    assert "attachment" in headers["Content-Disposition"]
