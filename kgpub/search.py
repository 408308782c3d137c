"""The name search: an SQLite FTS5 index written into each build folder, read by the server.

**Why SQLite FTS5.** It ships with Python (no service, no extra dependency), the index is one file
that goes into the build folder — so it is hashed into ``build.json`` by ``publish.seal`` like the
dumps, and swapped in atomically with the build it describes — and it answers prefix queries over a
1 M-triple build in milliseconds (``python -m kgpub.search_bench``, docs/benchmarks.md).

**What is indexed** (:func:`build_index`, one pass over ``dataset.trig``): every body (typed
``org:Organization``, ``org:OrganizationalUnit`` or ``org:FormalOrganization``), post (``org:Post``)
and person (``foaf:Person``), under each of its names in every language: ``skos:prefLabel``,
``skos:altLabel``, ``foaf:name``, ``rdfs:label`` and ``dct:title``. Each entry carries what a result
shows: the kind (``org:classification``'s labels), the municipality (the body's root classified
``kind:municipality``, found through ``org:subOrganizationOf`` / ``org:unitOf``), and for posts and
persons the body they belong to.

**Matching.** The ``unicode61 remove_diacritics 2`` tokenizer folds case and accents on both sides,
so "jarvenpaa" finds "Järvenpää"; every word of the query is a prefix ("hels kans" finds
"Helsingin kaupunginkanslia"). User input never reaches FTS5 syntax: :func:`fts_query` keeps only
the words (letters and digits) and writes each as a quoted string token, so ``"``, ``*``, ``-``,
``NEAR``, ``OR`` or ``:`` are plain text, never operators.

**Ranking.** A name equal to the query (accents, case and punctuation folded) first, then names
starting with it, in the order of the folded name (so "Järvenpää" before "Järvenpää-talo" before
"Järvenpään kaupunki") — read from an ordinary index on the folded name, so a prefix that thousands
of names share costs no more than a rare one; then names with a word starting with each word of the
query, best FTS5 ``bm25`` first (among the first ``WORD_SCAN`` such names). Each thing appears
once, under its best-matching name.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import PublishError, Unavailable
from .publish import DATASET, writing

INDEX = "search.sqlite"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF = "http://xmlns.com/foaf/0.1/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#: Name predicates, best first: the first one a thing has in a language is its display label there.
NAME_PREDICATES = (SKOS + "prefLabel", FOAF + "name", DCT + "title", RDFS + "label", SKOS + "altLabel")
BODY_TYPES = frozenset(ORG + t for t in ("Organization", "OrganizationalUnit", "FormalOrganization"))
#: Result types in the order they rank when everything else is equal.
TYPES = ("body", "post", "person")
_WORD = re.compile(r"\w+")
_SCHEMA = """
CREATE TABLE entity (
  id INTEGER PRIMARY KEY, iri TEXT NOT NULL, type TEXT NOT NULL, labels TEXT NOT NULL,
  kind TEXT NOT NULL, municipality TEXT, municipality_labels TEXT NOT NULL,
  context TEXT, context_labels TEXT NOT NULL
);
CREATE VIRTUAL TABLE name USING fts5(
  text, entity UNINDEXED, lang UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TABLE whole (norm TEXT NOT NULL, entity INTEGER NOT NULL, text TEXT NOT NULL, lang TEXT NOT NULL);
"""


def normalise(text: str) -> str:
    """Case- and accent-folded words joined by one space: how a name and a query are compared for the
    exact and prefix tiers (the same folding as the tokenizer's)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(w for w in _WORD.findall(stripped) if w.strip("_")).replace("_", " ")


def words(query: str) -> list[str]:
    """The words of a query: letters and digits only (underscores split words, as in the tokenizer)."""
    return normalise(query).split()


def fts_query(query: str) -> str | None:
    """The FTS5 MATCH expression for ``query``: every word a quoted prefix token, all required; None when
    the query has no word at all (only punctuation or operators' characters)."""
    found = words(query)
    if not found:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in found)


# -- building --------------------------------------------------------------------------------------------


@dataclass
class _Graph:
    """What the index needs from the dataset, collected in one streaming pass."""

    names: dict[str, dict[str, list[tuple[int, str, str]]]]  # s → lang → [(rank, predicate-rank, text)]
    types: dict[str, set[str]]
    kind: dict[str, str]
    parent: dict[str, str]
    post_in: dict[str, str]
    held_by: dict[str, str]
    head_of: dict[str, str]


def _read(dataset: Path, base_iri: str | None) -> _Graph:
    g = _Graph(defaultdict(lambda: defaultdict(list)), defaultdict(set), {}, {}, {}, {}, {})
    rank = {p: i for i, p in enumerate(NAME_PREDICATES)}
    seen: set[tuple[str, str, str]] = set()
    for quad in ox.parse(path=dataset, format=ox.RdfFormat.TRIG, base_iri=base_iri):
        s, p, o = quad.subject, quad.predicate.value, quad.object
        if not isinstance(s, ox.NamedNode):
            continue
        subject = s.value
        if p in rank and isinstance(o, ox.Literal):
            key = (subject, p, o.value + "@" + (o.language or ""))
            if key not in seen:
                seen.add(key)
                g.names[subject][o.language or ""].append((rank[p], p, o.value))
        elif not isinstance(o, ox.NamedNode):
            continue
        elif p == RDF_TYPE:
            g.types[subject].add(o.value)
        elif p == ORG + "classification":
            g.kind.setdefault(subject, o.value)
        elif p in (ORG + "subOrganizationOf", ORG + "unitOf"):
            g.parent.setdefault(subject, o.value)
        elif p in (ORG + "hasSubOrganization", ORG + "hasUnit"):
            g.parent.setdefault(o.value, subject)
        elif p == ORG + "postIn":
            g.post_in.setdefault(subject, o.value)
        elif p == ORG + "heldBy":
            g.held_by.setdefault(subject, o.value)
        elif p == ORG + "headOf":
            g.head_of.setdefault(subject, o.value)
    return g


def _labels(g: _Graph, iri: str | None) -> dict[str, str]:
    """Display labels of ``iri`` per language: its best name predicate in that language. An alternative
    name (``skos:altLabel``) is shown only for a thing that has no other: a Swedish body's Finnish
    alias is no reason to show it under that alias."""
    if iri is None:
        return {}
    names = g.names.get(iri, {})
    alt = len(NAME_PREDICATES) - 1
    preferred = {lang: [n for n in found if n[0] != alt] for lang, found in names.items()}
    if any(preferred.values()):
        names = preferred
    return {lang: min(found)[2] for lang, found in names.items() if found}


def _municipality(g: _Graph, body: str | None) -> str | None:
    """The municipality a body belongs to: the first one up its chain of parents (itself included)."""
    seen: set[str] = set()
    while body is not None and body not in seen:
        seen.add(body)
        kind = g.kind.get(body, "")
        if kind.endswith("/kind/municipality"):
            return body
        body = g.parent.get(body)
    return None


def _entities(g: _Graph) -> Iterator[tuple[str, str, str | None]]:
    """``(iri, type, context body)`` for every thing that is searched."""
    people_body = dict(g.head_of)
    for post, person in g.held_by.items():
        if post in g.post_in:
            people_body.setdefault(person, g.post_in[post])
    for iri, types in g.types.items():
        if types & BODY_TYPES:
            yield iri, "body", None
        elif ORG + "Post" in types:
            yield iri, "post", g.post_in.get(iri)
        elif FOAF + "Person" in types:
            yield iri, "person", people_body.get(iri)


def build_index(build_dir: Path, base_iri: str | None = None) -> Path:
    """Write ``build_dir/search.sqlite`` from ``build_dir/dataset.trig`` (before ``publish.seal``, which
    records its hash). A write error is a PublishError naming the file, as for every build file."""
    target = build_dir / INDEX
    if target.exists():
        raise PublishError(f"{target} exists already: a build folder's index is written once")
    try:
        g = _read(build_dir / DATASET, base_iri)
    except (OSError, SyntaxError, ValueError) as exc:
        raise PublishError(f"could not read {build_dir / DATASET} for the search index: {exc}") from exc
    tmp = target.with_name(INDEX + ".tmp")
    with writing(target):
        tmp.unlink(missing_ok=True)
        try:
            _write(tmp, g)
        except sqlite3.Error as exc:  # SQLite's own "database or disk is full" is no OSError
            tmp.unlink(missing_ok=True)
            raise PublishError(f"could not write {target}: {exc}") from exc
        tmp.replace(target)
    return target


def _write(path: Path, g: _Graph) -> None:
    con = sqlite3.connect(path)
    try:
        con.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        _fill(con, g)
        con.execute("INSERT INTO name(name) VALUES ('optimize')")
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()


def _fill(con: sqlite3.Connection, g: _Graph) -> None:
    entity_rows: list[tuple[object, ...]] = []
    name_rows: list[tuple[str, str, int, str]] = []
    for n, (iri, kind, context) in enumerate(sorted(_entities(g)), start=1):
        municipality = _municipality(g, iri if kind == "body" else context)
        entity_rows.append(
            (
                n,
                iri,
                kind,
                _json(_labels(g, iri)),
                _json(_labels(g, g.kind.get(iri))),
                municipality,
                _json(_labels(g, municipality)),
                context,
                _json(_labels(g, context)),
            )
        )
        names = {(text, lang) for lang, found in g.names.get(iri, {}).items() for _, _, text in found}
        name_rows.extend((text, normalise(text), n, lang) for text, lang in sorted(names))
    con.executemany("INSERT INTO entity VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", entity_rows)
    con.executemany(
        "INSERT INTO name(text, entity, lang) VALUES (?, ?, ?)", [(t, e, la) for t, _, e, la in name_rows]
    )
    con.executemany(
        "INSERT INTO whole(norm, entity, text, lang) VALUES (?, ?, ?, ?)",
        [(n, e, t, la) for t, n, e, la in name_rows],
    )
    con.execute("CREATE INDEX whole_norm ON whole(norm)")


def _json(value: dict[str, str]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# -- querying --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One thing found: its IRI, type (body, post, person), labels per language, the name that matched."""

    iri: str
    type: str
    labels: dict[str, str]
    matched: str
    matched_lang: str
    kind: dict[str, str]
    municipality: str | None
    municipality_labels: dict[str, str]
    context: str | None
    context_labels: dict[str, str]


#: Tiers 0 and 1: names equal to the query, then names starting with it (folded), in the order of the
#: folded name (so a name comes before its longer variants) — a range scan of an ordinary index, which
#: stops after ``:n`` rows however many names share the prefix.
_WHOLE = """
SELECT entity, text, lang FROM whole WHERE norm >= :q AND norm < :q || char(1114111) ORDER BY norm LIMIT :n
"""
#: Tier 2: a word of the name starts with each word of the query (FTS5), best bm25 first among the
#: first ``WORD_SCAN`` matches: a query such as "3" matches ten thousand unit names at 1 M triples, and
#: scoring them all costs 25 ms where this costs 5 (docs/benchmarks-search.md).
WORD_SCAN = 1000
_WORDS = """
SELECT entity, text, lang FROM (
  SELECT entity, text, lang, bm25(name) AS score FROM name WHERE name MATCH :match LIMIT :scan
) ORDER BY score LIMIT :n
"""
_ENTITY = """
SELECT id, iri, type, labels, kind, municipality, municipality_labels, context, context_labels
FROM entity WHERE id = ?
"""


class Index:
    """A build's search index, opened read-only (``mode=ro``, ``immutable``: a published build's files
    never change, and nothing here can write to it). One connection per query: cheap, and it follows
    whichever build the caller found published."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise Unavailable(
                f"this build has no search index ({path.name}); it is being rebuilt, retry later"
            )
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)

    def search(self, query: str, limit: int) -> list[Hit]:
        """The best ``limit`` things for ``query`` (an empty list when it has no word)."""
        match = fts_query(query)
        if match is None or limit <= 0:
            return []
        best: dict[int, tuple[str, str]] = {}  # entity → (matched name, its language), best first
        con = self._connect()
        try:
            # A thing has a few names at most: 4 × limit rows hold ``limit`` different things.
            for sql, params in (
                (_WHOLE, {"q": normalise(query), "n": 4 * limit}),
                (_WORDS, {"match": match, "n": 4 * limit, "scan": max(WORD_SCAN, 4 * limit)}),
            ):
                for entity, text, lang in con.execute(sql, params):
                    best.setdefault(entity, (text, lang))
                if len(best) >= limit:
                    break
            rows = [con.execute(_ENTITY, (entity,)).fetchone() for entity in list(best)[:limit]]
        finally:
            con.close()
        return [
            Hit(
                iri=r[1],
                type=r[2],
                labels=json.loads(r[3]),
                matched=best[r[0]][0],
                matched_lang=best[r[0]][1],
                kind=json.loads(r[4]),
                municipality=r[5],
                municipality_labels=json.loads(r[6]),
                context=r[7],
                context_labels=json.loads(r[8]),
            )
            for r in rows
        ]

    def count(self) -> int:
        """How many things the index holds."""
        con = self._connect()
        try:
            return int(con.execute("SELECT count(*) FROM entity").fetchone()[0])
        finally:
            con.close()


def pick(labels: dict[str, str], langs: Sequence[str]) -> tuple[str | None, str]:
    """``(label, lang)``: the label in the first of ``langs`` it has, else any (untagged first)."""
    for lang in langs:
        if lang in labels:
            return labels[lang], lang
    for lang in sorted(labels):
        return labels[lang], lang
    return None, ""


def entries(path: Path) -> Iterable[tuple[str, str, str]]:
    """Every ``(iri, name, lang)`` in an index (tests and inspection)."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return con.execute(
            "SELECT e.iri, n.text, n.lang FROM name n JOIN entity e ON e.id = n.entity ORDER BY 1, 2, 3"
        ).fetchall()
    finally:
        con.close()
