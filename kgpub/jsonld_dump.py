"""The JSON-LD dump in compact form, written node by node: what ``dataset.jsonld`` holds.

rdflib's compaction (``export.jsonld_bytes``) needs the whole graph in memory as rdflib objects and
minutes at a million triples; pyoxigraph writes JSON-LD only in expanded form (full IRIs, value
objects, no context). A dump is a flat graph, so compaction reduces to choosing, per triple, the
context's short name whose definition fits the object, and writing one node object per subject:

* ``rdf:type`` with an IRI object → ``@type``;
* a term with ``"@type": "@id"`` (``kind``, ``partOf``, ``evidence`` …) → for an IRI or blank node, as
  a plain string;
* a term with ``"@container": "@language"`` (``name``, ``altName``, ``text``, ``title``) → for a
  language-tagged literal, in a language map (a list where one language has several values);
* a term without type or container (``rule``, ``start``, ``exact`` …) → for any value, written as a
  value object unless it is a plain ``xsd:string``;
* anything else (no term, or a value its term's definition does not fit) keeps the full property IRI
  with an expanded value, so no triple is lost or changed. Reverse terms (``head``) are not used.

Values of ``@id`` terms are written as absolute IRIs, so nothing depends on the document's base.
The context is embedded, so the file reads offline; JSON-LD processors (rdflib, pyld, pyoxigraph) read
back exactly the triples written, which the tests check.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Mapping
from typing import IO, Any

import pyoxigraph as ox

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _expand(value: str, prefixes: Mapping[str, str]) -> str:
    prefix, colon, rest = value.partition(":")
    if colon and not rest.startswith("//") and prefix in prefixes:
        return prefixes[prefix] + rest
    return value


def term_index(context: Mapping[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """Property IRI → the short names defined for it, each with what it accepts: ``"id"`` (IRIs and
    blank nodes), ``"lang"`` (language-tagged literals) or ``"any"`` (no type, no container)."""
    prefixes = {k: v for k, v in context.items() if isinstance(v, str) and v.endswith(("#", "/"))}
    index: dict[str, list[tuple[str, str]]] = {}
    for term, definition in sorted(context.items()):
        if term.startswith("@") or term in prefixes:
            continue
        if isinstance(definition, str):
            index.setdefault(_expand(definition, prefixes), []).append((term, "any"))
            continue
        if not isinstance(definition, dict) or "@id" not in definition or "@reverse" in definition:
            continue
        type_, container = definition.get("@type"), definition.get("@container")
        if type_ == "@id" and container is None:
            accepts = "id"
        elif container == "@language" and type_ is None:
            accepts = "lang"
        elif type_ is None and container is None:
            accepts = "any"
        else:
            continue  # a definition this writer does not use: full IRIs instead
        index.setdefault(_expand(definition["@id"], prefixes), []).append((term, accepts))
    return index


def _node_id(node: ox.NamedNode | ox.BlankNode) -> str:
    return node.value if isinstance(node, ox.NamedNode) else f"_:{node.value}"


def _expanded(obj: ox.NamedNode | ox.BlankNode | ox.Literal) -> Any:
    """An object as an expanded value (for a full property IRI or a term without type)."""
    if not isinstance(obj, ox.Literal):
        return {"@id": _node_id(obj)}
    if obj.language:
        return {"@value": obj.value, "@language": obj.language}
    if obj.datatype.value == XSD_STRING:
        return obj.value
    return {"@value": obj.value, "@type": obj.datatype.value}


def _fits(accepts: str, obj: ox.NamedNode | ox.BlankNode | ox.Literal) -> bool:
    if accepts == "id":
        return not isinstance(obj, ox.Literal)
    if accepts == "lang":
        return isinstance(obj, ox.Literal) and obj.language is not None
    return True


def _node(
    subject: str, triples: Iterable[ox.Triple], index: Mapping[str, list[tuple[str, str]]]
) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": subject}
    for triple in triples:
        predicate, obj = triple.predicate.value, triple.object
        if isinstance(obj, ox.Triple):  # RDF-star: not in kgpub's data; pyoxigraph would refuse it too
            raise ValueError(f"a quoted triple cannot be written as JSON-LD 1.1: {triple}")
        if predicate == RDF_TYPE and isinstance(obj, ox.NamedNode):
            node.setdefault("@type", []).append(obj.value)
            continue
        term, accepts = next(
            ((t, a) for t, a in index.get(predicate, ()) if _fits(a, obj)), (predicate, "full")
        )
        if accepts == "id":
            node.setdefault(term, []).append(_node_id(obj))  # type: ignore[arg-type]
        elif accepts == "lang":
            assert isinstance(obj, ox.Literal) and obj.language is not None
            node.setdefault(term, {}).setdefault(obj.language, []).append(obj.value)
        else:
            node.setdefault(term, []).append(_expanded(obj))
    for key, value in node.items():  # one value is written bare, as compacted JSON-LD does
        if isinstance(value, list) and len(value) == 1:
            node[key] = value[0]
        elif isinstance(value, dict) and key != "@id":
            node[key] = {lang: v[0] if len(v) == 1 else v for lang, v in value.items()}
    return node


def compact_bytes(triples: Iterable[ox.Triple], context: Mapping[str, Any]) -> bytes:
    """:func:`write_compact` into bytes."""
    out = io.BytesIO()
    write_compact(triples, context, out)
    return out.getvalue()


def write_compact(triples: Iterable[ox.Triple], context: Mapping[str, Any], out: IO[bytes]) -> None:
    """Compact JSON-LD of ``triples`` with ``context`` embedded: ``{"@context": …, "@graph": [one node
    object per subject, subjects in IRI order]}``."""
    index = term_index(context)
    by_subject: dict[str, list[ox.Triple]] = {}
    for triple in triples:
        by_subject.setdefault(_node_id(triple.subject), []).append(triple)  # type: ignore[arg-type]
    out.write(b'{\n"@context": ')
    out.write(json.dumps(dict(context), indent=1, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    out.write(b',\n"@graph": [')
    for n, subject in enumerate(sorted(by_subject)):
        node = _node(subject, by_subject[subject], index)
        out.write((",\n" if n else "\n").encode("utf-8"))
        out.write(json.dumps(node, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    out.write(b"\n]}\n")
