"""Duty concepts: the base form of a duty phrase, and the COFOG functions its words name.

A duty statement is kept verbatim (``kgp:DutyStatement`` ``rdf:value``, its evidence the exact span);
the concepts it mentions are what people query across sources, so their labels must be base forms:
"työllisyys- ja maahanmuuttoasioista" (elative plural, as the sentence needs it) is the concept
"työllisyys- ja maahanmuuttoasiat". Two sources that name the same duty in different cases then
meet in one concept (``def/duty/<slug of the base form>``).

**Base form (Finnish, through Voikko — ``analyse.py``).** The phrase's head is its last word; the
words that agree with it (its case and number) are put in the nominative — adjectives and
participles before it ("oikeudellisesta edunvalvonnasta" → "oikeudellinen edunvalvonta") and nouns
coordinated with it ("… edunvalvonnasta ja asiantuntijapalveluista"); genitive attributes stay as
written ("kaupungin talouden ohjauksesta" → "kaupungin talouden ohjaus"), so do the first halves of
coordinated compounds ("työllisyys-"). A leading verb ("johtaa hyvinvointialueen toimintaa") is not
part of the concept ("hyvinvointialueen toiminta"); a phrase that is still a clause (another finite
verb, a relative pronoun) is left as written — there is no noun phrase to name.

**Swedish and English** have no analyser installed; their nouns need none (Swedish and English do not
inflect a noun for its role in the sentence: "äldreomsorg", "waste management" are base forms as
written). What the phrase may carry is the verb that governs it, and the same rule applies as in
Finnish — the verb is not the concept: a leading verb of governing ("leder", "svarar för", "att
bereda"; "manages", "is responsible for", "to promote") with its preposition is dropped, from a closed
list of such verbs (``_LEADING``), and so is a leading English article ("the council's finances" →
"council's finances"). A phrase that is a verb alone, or that still holds a clause, is left as written.
Labels are in the registry's comparison form (case-folded), so one concept has one label per language
whichever source named it first.

**COFOG.** The UN Classification of the Functions of Government (``ontology/cofog.ttl``: divisions
and groups) is linked from a duty concept by ``skos:broadMatch`` through a curated list of duty
words (``ontology/cofog-duty-words.tsv``, documented in ``docs/duties.md``): a concept whose label
contains a listed word is mapped to that word's COFOG code. The mapping is its own named graph
(``graph/cofog``), made from the duty concepts of all sources, so the source graphs stay the facts
the texts state.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from .analyse import Analysis, analyse, nominative_plural
from .errors import InputError
from .iris import normalise_name
from .namespaces import SKOS, Local

#: The curated word list and the scheme, under ``Settings.ontology_dir``.
WORDS_FILE = "cofog-duty-words.tsv"
SCHEME_FILE = "cofog.ttl"
#: A listed duty word must be at least this long: shorter ones match inside unrelated words.
MIN_WORD = 4
#: The shortest part a compound Voikko does not know is split into.
MIN_PART = 4
_CODE = re.compile(r"^(0[1-9]|10)(\.[1-9])?$")
_TOKEN = re.compile(r"\S+")
_CONJUNCTIONS = frozenset({"ja", "tai", "sekä", "eli"})
_CLAUSE_WORDS = frozenset({"jonka", "joka", "jotka", "joiden", "jos", "jollei", "että", "kun", "mikä"})
_NOUNS = frozenset({"nimisana", "paikannimi", "nimi", "etunimi", "sukunimi"})
#: The -minen action noun in any case ("ohjaamisesta") back to its nominative ("ohjaaminen").
_MINEN = re.compile(r"^(?P<stem>\w+mi)(?:s(?:e\w*|t[aä]|i\w*)|nen)$")


# -- base forms ---------------------------------------------------------------------------------------


#: Verbs that govern a duty's object in Swedish and English (finite, infinitive after "att"/"to", and
#: the adjectival "responsible for"), each with the prepositions that may follow it.
_LEADING: dict[str, re.Pattern[str]] = {
    "sv": re.compile(
        r"^(?:att\s+)?(?:(?:också|även|bl\.\s?a\.)\s+)?"
        r"(?:(?:svarar|svara|ansvarar|ansvara)(?:\s+(?:också|även))?\s+för"
        r"|(?:har|ha)\s+(?:hand\s+om|(?:det\s+övergripande\s+)?ansvar(?:et)?\s+för)"
        r"|(?:leder|leda|styr|styra|sköter|sköta|handhar|bereder|bereda|verkställer|verkställa"
        r"|samordnar|samordna|utvecklar|utveckla|främjar|främja|stöder|stödja|stärker|stärka"
        r"|övervakar|övervaka|bevakar|bevaka|behandlar|behandla|ordnar|ordna|producerar|producera"
        r"|erbjuder|erbjuda|tillhandahåller|tillhandahålla|planerar|planera|godkänner|godkänna"
        r"|fastställer|fastställa|beslutar|besluta|deltar|delta|bistår|bistå)"
        r"(?:\s+(?:om|i|av|för|med|till))?)\s+",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"^(?:(?:is|are)\s+)?(?:also\s+)?"
        r"(?:(?:responsible|accountable)\s+for|responsibility\s+for|in\s+charge\s+of"
        r"|(?:to\s+)?(?:manages?|leads?|oversees?|provides?|delivers?|handles?|coordinates?"
        r"|develops?|supports?|prepares?|promotes?|approves?|decides?\s+on|deals?\s+with"
        r"|looks?\s+after|administers?|runs?|maintains?|ensures?))\s+",
        re.IGNORECASE,
    ),
}
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_JOINED = re.compile(r"^(?:och|and|,)\s+", re.IGNORECASE)
_SV_EN_CLAUSE = re.compile(r"\b(?:som|att|vilket|när|which|that|who|when|if)\b", re.IGNORECASE)


def concept_label(phrase: str, lang: str) -> str:
    """The concept a duty phrase names, in base form and the registry's comparison form."""
    text = " ".join(phrase.split())
    if lang == "fi":
        text = finnish_base_form(text)
    elif lang in _LEADING:
        text = object_of_governing_verb(text, lang)
    return normalise_name(text)


def object_of_governing_verb(phrase: str, lang: str) -> str:
    """A Swedish or English duty phrase without the verb that governs it (see the module doc)."""
    rest = _LEADING[lang].sub("", phrase, count=1)
    while rest != phrase and (joined := _JOINED.match(rest)):  # "leda och utveckla X": both verbs
        after = _LEADING[lang].sub("", rest[joined.end() :], count=1)
        if after == rest[joined.end() :]:
            return phrase  # "leder X och Y" is fine, "leder och Z" names no object
        rest = after
    if lang == "en":
        rest = _ARTICLE.sub("", rest, count=1)
    if rest == phrase or not rest.strip() or _SV_EN_CLAUSE.search(rest):
        return phrase  # no governing verb, a verb alone, or a clause still: as written
    return rest


def finnish_base_form(phrase: str) -> str:
    """A Finnish duty phrase with its head noun phrase(s) in the nominative (see the module doc)."""
    words = _TOKEN.findall(phrase)
    if len(words) < 2 and (not words or _is_verb(words[0])):
        return phrase  # "johtaa", "ohjaa": a verb on its own names no concept
    if _is_verb(words[0]):
        words = words[1:]  # "johtaa hyvinvointialueen toimintaa": the concept is the object
    if len(words) > 1 and _is_verb(words[-1]):
        words = words[:-1]  # "Varhaiskasvatuksesta ja koulutuksesta vastaa"
    if any(_clause_word(w) for w in words):
        return phrase
    head = _head_reading(words)
    if head is None or head.case == "nimento":
        return " ".join(words)
    out = list(words)
    target, after_conjunction = head, False
    for i in range(len(words) - 1, -1, -1):
        word, bare = words[i], _bare(words[i])
        if bare.casefold() in _CONJUNCTIONS:
            after_conjunction = True
            continue
        if word.rstrip(",").endswith("-"):  # "työllisyys-", "elinkeino-,": first halves stay
            continue
        last = i == len(words) - 1
        # a noun coordinated with the head shares its case, not always its number ("edunvalvonnasta ja
        # asiantuntijapalveluista"); a modifier agrees with the noun after it in both
        reading = head if last else _agreeing(bare, target, same_number=not after_conjunction)
        if reading is None:  # a genitive attribute, an adverb: as written
            continue
        noun = reading.cls in _NOUNS or reading.mood == "MINEN-infinitive"
        # a noun in the head's case right before it is an attribute ("kaupungin talouden"), not the head
        if last or after_conjunction or not noun:
            out[i] = word.replace(bare, _nominative(bare, reading), 1)
        if noun:
            target, after_conjunction = reading, False
    return " ".join(out)


def _bare(word: str) -> str:
    return word.strip(".,;:()\"'”“")


def _cased(word: str) -> list[Analysis]:
    readings = [r for r in _readings(word) if r.case is not None]
    minen = [r for r in readings if r.mood == "MINEN-infinitive"]
    return minen if minen and _MINEN.match(word) else readings  # "kehittämistä" is no "kehittämä"


def _readings(word: str) -> tuple[Analysis, ...]:
    """Voikko's readings; for a compound it does not know ("maahanmuuttoneuvonnasta"), those of its
    longest known last part, the first part kept as written ("maahanmuutto" + "neuvonta")."""
    found = analyse(word)
    if found or len(word) < 2 * MIN_PART:
        return found
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        last = analyse(word[cut:])
        nouns = tuple(replace(r, lemma=word[:cut].lower() + r.lemma) for r in last if r.cls == "nimisana")
        if nouns:
            return nouns
    return ()


def _head_reading(words: Sequence[str]) -> Analysis | None:
    """The reading of the last word whose case the other words share most ("asiakaspalvelusta" after
    "viestinnästä ja" is elative, not the partitive of "asiakaspalvelus"), nouns first, then the
    shortest lemma: "maahanmuuttoneuvonnasta" is the elative of "…neuvonta", not a compound of "nasta"."""
    readings = _cased(_bare(words[-1]))
    if not readings:
        return None
    others = [{r.case for r in _cased(_bare(w))} for w in words[:-1]]

    def score(r: Analysis) -> tuple[int, bool, int]:
        return (sum(r.case in cases for cases in others), r.cls in _NOUNS, -len(r.lemma))

    return max(readings, key=score)


def _agreeing(word: str, target: Analysis, *, same_number: bool) -> Analysis | None:
    same = [
        r for r in _cased(word) if r.case == target.case and (r.number == target.number or not same_number)
    ]
    nouns = [r for r in same if r.cls in _NOUNS]
    chosen = nouns or same
    return chosen[0] if chosen else None


def _is_verb(word: str) -> bool:
    readings = analyse(_bare(word))
    return any(r.cls == "teonsana" and r.mood in ("indicative", "A-infinitive") for r in readings)


def _clause_word(word: str) -> bool:
    bare = _bare(word)
    if bare.casefold() in _CLAUSE_WORDS:
        return True
    readings = analyse(bare)  # a finite verb with no other reading ("valvoo", "on")
    return bool(readings) and all(r.cls == "teonsana" and r.mood == "indicative" for r in readings)


def _nominative(word: str, reading: Analysis) -> str:
    if reading.mood == "MINEN-infinitive":
        match = _MINEN.match(word)
        return match.group("stem") + "nen" if match else word
    base = reading.lemma
    if reading.plural:
        plural = nominative_plural(base)
        # keep the plural only when Voikko reads it back as one ("työsuhteita" → not "työsuhdeet")
        last, lemma_last = plural.rsplit(" ", 1)[-1], base.rsplit(" ", 1)[-1].lower()
        if any(r.case == "nimento" and r.plural and r.lemma.lower() == lemma_last for r in analyse(last)):
            base = plural
    if word[:1].isupper() and not base[:1].isupper():
        base = base[:1].upper() + base[1:]
    return base


# -- COFOG --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DutyWord:
    """One row of the curated list: a word of a duty concept's label and the COFOG code it names."""

    word: str
    code: str
    line: int


def load_words(path: Path) -> tuple[DutyWord, ...]:
    """Read ``cofog-duty-words.tsv`` (``word<TAB>code<TAB>note``; ``#`` comments); errors name the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the COFOG duty words: {exc}") from exc
    words: list[DutyWord] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2:
            raise InputError(f"{path}:{number}: expected 'word<TAB>COFOG code<TAB>note', got {line!r}")
        word, code = normalise_name(cells[0]), cells[1].strip()
        if len(word) < MIN_WORD:
            raise InputError(f"{path}:{number}: {word!r} is shorter than {MIN_WORD} characters")
        if not _CODE.match(code):
            raise InputError(f"{path}:{number}: {code!r} is not a COFOG division (01–10) or group (10.7)")
        words.append(DutyWord(word, code, number))
    return tuple(words)


@lru_cache(maxsize=8)
def _cached_words(path: Path, mtime: float) -> tuple[DutyWord, ...]:
    return load_words(path)


def duty_words(ontology_dir: Path) -> tuple[DutyWord, ...]:
    """The curated list of ``ontology_dir`` (read once per file version)."""
    path = ontology_dir / WORDS_FILE
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise InputError(f"{path}: the COFOG duty words are missing ({exc.strerror})") from exc
    return _cached_words(path, mtime)


def functions(label: str, words: Sequence[DutyWord]) -> tuple[str, ...]:
    """The COFOG codes the words of ``label`` name. Where listed words overlap, the longer one wins
    ("työturvallisuus" 01.3 hides "turvallisuus" 03); a group ("10.7") makes its division redundant."""
    text = normalise_name(label)
    spans: list[tuple[int, int, DutyWord]] = []
    for w in words:
        start = text.find(w.word)
        while start >= 0:
            spans.append((start, start + len(w.word), w))
            start = text.find(w.word, start + 1)
    codes = {
        w.code
        for a, b, w in spans
        if not any(len(o.word) > len(w.word) and c <= a and b <= d for c, d, o in spans)
    }
    return tuple(sorted(c for c in codes if not any(o != c and o.startswith(c + ".") for o in codes)))


def cofog_iri(local: Local, code: str) -> URIRef:
    return local.KGP[f"cofog/{code}"]


def duty_concepts(graph: Graph, local: Local) -> dict[URIRef, list[Literal]]:
    """Every concept of the duty scheme in ``graph`` with its labels."""
    found: dict[URIRef, list[Literal]] = {}
    for concept in graph.subjects(SKOS.inScheme, local.DUTY["scheme"]):
        if isinstance(concept, URIRef):
            labels = [o for o in graph.objects(concept, SKOS.prefLabel) if isinstance(o, Literal)]
            found.setdefault(concept, []).extend(labels)
    return found


def cofog_graph(graphs: Iterable[Graph], words: Sequence[DutyWord], local: Local) -> Graph:
    """``duty-concept skos:broadMatch cofog:<code>`` for every duty concept of ``graphs`` whose label
    contains a listed word."""
    out = Graph()
    for graph in graphs:
        for concept, labels in duty_concepts(graph, local).items():
            for label in labels:
                for code in functions(str(label), words):
                    out.add((concept, SKOS.broadMatch, cofog_iri(local, code)))
    return out


@dataclass(frozen=True)
class Coverage:
    """How many distinct duty concepts (by IRI) the word list maps to a COFOG function."""

    concepts: int
    mapped: int
    by_division: dict[str, int]

    @property
    def share(self) -> float:
        return self.mapped / self.concepts if self.concepts else 0.0


def coverage(labels: Iterable[str], words: Sequence[DutyWord]) -> Coverage:
    """Coverage of the concepts named by ``labels`` (base forms; equal ones count once)."""
    distinct = sorted(set(labels))
    by_division: dict[str, int] = {}
    mapped = 0
    for label in distinct:
        codes = functions(label, words)
        if codes:
            mapped += 1
        for division in sorted({c.split(".")[0] for c in codes}):
            by_division[division] = by_division.get(division, 0) + 1
    return Coverage(len(distinct), mapped, dict(sorted(by_division.items())))
