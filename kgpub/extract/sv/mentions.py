"""Where a Swedish sentence names bodies: compounds, modified bare heads, the municipality.

See ``lexicon`` for the words. A mention's ``name`` is the canonical (definite singular) name, its
``aliases`` the other forms the text supports ("stadsstyrelse", "stadens ledningsgrupp").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.facts import words
from .lexicon import HEADS, VERBS, Word, read_anaphor, read_word

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_CONJ = ("och", "eller", "samt")
_QUANTIFIERS = words(
    """övriga samtliga alla olika respektive varje andra egna nya flera många vissa dessa sina våra
    hela första enda nuvarande tidigare"""
)
_GENITIVE = re.compile(r"^(?:stadens|kommunens|samkommunens|[A-ZÅÄÖ][\wåäö-]+s)$")
#: Capitalised words that open a sentence and name no place: "En kommun är …", "Varje kommun ska …".
_NOT_A_PLACE = (
    r"(?!(?:En|Ett|Den|Det|Denna|Detta|Varje|Vår|Var|Er|Hela|Samma|Annan|Någon|Ingen|Egen|Vilken|Alla|"
    r"Om|I|Per|Din|Min|Sin|Närmaste|Nästa|Större|Mindre|Liten|Stor)\s)"
)
MUNICIPALITY = re.compile(
    r"\b" + _NOT_A_PLACE + r"([A-ZÅÄÖ][\wåäö]+(?:-[A-ZÅÄÖ][\wåäö]+)?)\s+(stad|kommun)(?:s)?\b"
)
_MUNICIPALITY_REF = re.compile(
    r"\b(?:(?:stadens|kommunens|[A-ZÅÄÖ][\wåäö]+\s+(?:stads|kommuns))\s+(?:förvaltnings|tjänsteinnehavar)?"
    r"(?:organisation|förvaltning)|(?:staden|kommunen)s?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """A body named in a sentence: ``text[start:end]``; ``refers`` is set for "nämnden"-like anaphora."""

    start: int
    end: int
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    genitive: bool = False
    refers: str | None = None
    head: str | None = None
    owner: Mention | None = None


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if not s[1:2].isupper() else s


def _gap(text: str, a: re.Match[str], b: re.Match[str]) -> str:
    return text[a.end() : b.start()]


def _proper_complement(text: str, toks: list[re.Match[str]], i: int) -> int:
    """Index of the last word of "i Egentliga Finland" (capitalised words after i/för) or i itself."""
    k = i
    if i + 2 < len(toks) and toks[i + 1].group() in ("i", "för") and toks[i + 2].group()[0].isupper():
        k = i + 2
        while (
            k + 1 < len(toks) and toks[k + 1].group()[0].isupper() and _gap(text, toks[k], toks[k + 1]) == " "
        ):
            k += 1
    return k


def _owner(text: str, toks: list[re.Match[str]], k: int) -> Mention | None:
    """The body a genitive word names ("Bildningssektorns kansli", "stadsstyrelsens koncernsektion"):
    a named part is part of its owner, as "Kaupunginhallituksen johtamisen jaosto" is in Finnish."""
    word = read_word(toks[k].group().lower())
    if word is None or not word.form.startswith("gen"):
        return None
    found = _compound(text, toks, k, word) if word.prefix else _bare(text, toks, k, word)
    return found if found is not None and found.genitive else None


#: "den kommunala / offentliga / privata / ideella sektorn": a part of society, not a division.
_SECTORS = frozenset(("kommunala", "offentliga", "privata", "ideella", "statliga", "tredje", "frivilliga"))


def _superlative(word: str) -> bool:
    """ "största", "högsta", "viktigaste": a comparison ("Den största förvaltningen är …"), no name."""
    return word.endswith(("sta", "ste")) and not word.endswith(("ista", "iste"))


def _weak_adjective(tok: re.Match[str]) -> bool:
    """ "svenska", "tekniska": the weak form of an adjective, which belongs to a definite name (not a
    participle: "underställda nämnden" is no name); capitalised only as a sentence's first word
    ("Temporära beredningsorganet bereder …")."""
    adj = tok.group()
    if tok.start() == 0 and adj[:1].isupper():
        adj = adj[:1].lower() + adj[1:]
    participle = adj.endswith(("da", "ta", "ade", "dna", "tna"))  # "underställda", "anslutna"
    weak = adj.islower() and adj.endswith("a") and len(adj) >= 5 and not _superlative(adj)
    return weak and adj not in _QUANTIFIERS and not participle


#: The strong form of an adjective with an ending that only adjectives have ("temporärt", "teknisk",
#: "regionalt", "kommunalt", "digitala" is weak): it can open an indefinite body name.
_STRONG_ADJECTIVE = re.compile(r"[A-ZÅÄÖa-zåäö]{3,}(?:isk|är|ell|iv|al|ig|lig|ent|ant|ör|ös)t?")

#: A place's proper name in the genitive ("Nylands", "Österbottens"): capitalised, not a body word.
_PLACE_GENITIVE = re.compile(r"[A-ZÅÄÖ][a-zåäö]{2,}s")

_MODALS = words("att ska skall kan kunna får bör måste vill brukar behöver tänker")


def _infinitive(toks: list[re.Match[str]], k: int) -> bool:
    """Whether the "-a" word at k is an infinitive ("ska också hjälpa kommunstyrelsen"), not a weak
    adjective: a modal verb or "att" stands at most two words before it."""
    return any(t.group().lower() in _MODALS for t in toks[max(0, k - 2) : k])


def _compound(text: str, toks: list[re.Match[str]], i: int, word: Word) -> Mention:
    """A compound such as "stadsstyrelsen" or "byggnads- och miljöväsendet" (coordinated halves)."""
    j = i
    if j >= 2 and toks[j - 1].group().lower() in _CONJ and toks[j - 2].group().endswith("-"):
        j -= 2
        while (
            j >= 1 and toks[j - 1].group().endswith("-") and _gap(text, toks[j - 1], toks[j]).strip() == ","
        ):
            j -= 1
    spec = HEADS[word.head]
    core = _lower_first(text[toks[j].start() : toks[i].start()] + toks[i].group()[: len(word.prefix)])
    definite, indefinite = core + word.head + spec.definite, core + word.head
    aliases, start, end = [indefinite], toks[j].start(), toks[i].end()
    prev = toks[j - 1] if j else None
    if prev and _gap(text, prev, toks[j]) == " " and word.form == "indef":
        if prev.group().lower() in ("stadens", "kommunens"):
            # "stadens ledningsgrupp": named as written, as "stadens ämbetsverk" is (the municipality's
            # part, gold convention B); the bare definite and indefinite are aliases
            written = f"{prev.group().lower()} {indefinite}"
            return Mention(prev.start(), end, written, spec.kind, (definite, indefinite), head=word.head)
        owner = _owner(text, toks, j - 1)
        if owner is not None:
            # "Stadsmiljönämndens tillståndssektion": the name as written, the bare definite an alias
            # ("Kultur- och idrottsnämndens idrottssektion": from the owner's first word)
            begin = min(prev.start(), owner.start)
            written = _lower_first(text[begin:end])
            aliases = [definite, *aliases]
            return Mention(begin, end, written, spec.kind, tuple(aliases), head=word.head, owner=owner)
        if _PLACE_GENITIVE.fullmatch(prev.group()) and prev.start() > 0:
            # "Västra Nylands avfallsnämnd": a proper name with its place, as written
            first = j - 1
            while (
                first >= 1
                and toks[first - 1].group()[:1].isupper()
                and _gap(text, toks[first - 1], toks[first]) == " "
                and read_word(toks[first - 1].group().lower()) is None  # glued cells: "… Planläggningsnämnd"
            ):
                first -= 1
            written = text[toks[first].start() : end]
            return Mention(
                toks[first].start(), end, written, spec.kind, (definite, indefinite), head=word.head
            )
        if _STRONG_ADJECTIVE.fullmatch(prev.group()) and prev.group().lower() not in VERBS:
            # "Temporärt beredningsorgan" (a heading) is "temporära beredningsorganet" in the sentences
            # below it: the name in the doubly definite form, the indefinite phrase an alias
            base = _lower_first(prev.group())
            weak = (base[:-1] if base.endswith("t") else base) + "a"
            written = _lower_first(text[prev.start() : end])
            return Mention(prev.start(), end, f"{weak} {definite}", spec.kind, (written,), head=word.head)
    elif (
        prev
        and _gap(text, prev, toks[j]) == " "
        and word.form == "def"
        and _weak_adjective(prev)
        and not _infinitive(toks, j - 1)
    ):
        return Mention(
            prev.start(), end, f"{_lower_first(prev.group())} {definite}", spec.kind, head=word.head
        )
    elif prev and _gap(text, prev, toks[j]) == " " and word.form == "def" and j == i:
        adj = prev.group()
        if adj[0].isupper() and adj.endswith("a") and prev.start() > 0 and adj.lower() not in _QUANTIFIERS:
            last = _proper_complement(text, toks, i)
            full = text[prev.start() : toks[last].end()]
            return Mention(
                prev.start(), toks[last].end(), full, spec.kind, (definite, indefinite), head=word.head
            )
    region = _region(text, toks, i) if word.form == "def" and word.head in _REGIONAL and j == i else None
    if region is not None:
        # "Regionförvaltningsverket i Västra och Inre Finland": a state agency named with its region
        written = _lower_first(text[toks[i].start() : toks[region].end()])
        return Mention(toks[i].start(), toks[region].end(), written, spec.kind, (definite,), head=word.head)
    upto = _complement(text, toks, i) if word.form == "def" and word.head in _NAMED_FOR else None
    if upto is not None and j == i:
        # "ledningsgruppen för exceptionella förhållanden": a group named by what it is for
        name = _lower_first(text[toks[i].start() : toks[upto].end()])
        return Mention(toks[i].start(), toks[upto].end(), name, spec.kind, head=word.head)
    return Mention(
        start, end, definite, spec.kind, tuple(aliases), word.form.startswith("gen"), head=word.head
    )


#: Agencies that a region names: "NTM-centralen i Österbotten", "Räddningsverket i Mellersta Nyland".
_REGIONAL = frozenset(("verk", "räddningsverk", "central", "institut", "anstalt", "byrå", "förbund"))


def _region(text: str, toks: list[re.Match[str]], i: int) -> int | None:
    """Index of the last word of "i Västra och Inre Finland" after token i (capitalised words, "och"
    between two of them), or None; a municipality ("i Sibbo kommun") is an owner, not the name."""
    if i + 2 >= len(toks) or toks[i + 1].group() != "i" or not toks[i + 2].group()[:1].isupper():
        return None
    if _gap(text, toks[i], toks[i + 1]) != " " or _in_municipality(text, toks, i + 1) is not None:
        return None
    k = i + 2
    while k + 1 < len(toks) and _gap(text, toks[k], toks[k + 1]) == " ":
        nxt = toks[k + 1].group()
        if nxt[:1].isupper() and read_word(nxt.lower()) is None:
            k += 1
        elif (
            nxt == "och"
            and k + 2 < len(toks)
            and toks[k + 2].group()[:1].isupper()
            and read_word(toks[k + 2].group().lower()) is None
        ):
            k += 2
        else:
            break
    if any(_BUILDING.search(t.group()) for t in toks[i + 2 : k + 1]):
        return None  # "i Vasa Stadshus": where it is, not a region that names it
    return k


_BUILDING = re.compile(r"(?:hus|huset|gatan|vägen|torget|gården|byggnaden|centrum)$", re.IGNORECASE)


#: Compounds of these heads may be named by a "för …" complement ("ledningsgruppen för …",
#: "samarbetsdelegationen för …"); a board or committee with "för" after it is mostly a verb's object.
_NAMED_FOR = frozenset(("grupp", "team", "delegation", "kommitté", "område"))

_COUNTS = words("två tre fyra fem sex sju åtta nio tio elva tolv")

#: Words a "för …" complement never runs over: an article or a preposition starts a new phrase.
_ENDS_COMPLEMENT = frozenset(("en", "ett", "inom", "under", "vid", "hos"))


def _complement(text: str, toks: list[re.Match[str]], i: int) -> int | None:
    """Index of the last word of a "för …" complement after token i ("avdelningen för teknisk och …")."""
    if i + 2 >= len(toks) or toks[i + 1].group().lower() != "för":
        return None
    last = None
    for k in range(i + 2, min(i + 8, len(toks))):
        if re.search(r"[,.;:()\n]", _gap(text, toks[k - 1], toks[k])) or toks[k].group().lower() in VERBS:
            break
        if _in_municipality(text, toks, k):
            break  # "avdelningen för teknik och miljö i Sibbo kommun": the place is no part of the name
        word = toks[k].group()
        glued = word[:1].isupper() and read_word(word.lower()) is not None
        if word.lower() in _ENDS_COMPLEMENT or glued:
            break  # "… för klientärenden Bildningsnämnd Svenskspråkig sektion": table cells run together
        if word.lower() in _COUNTS:
            break  # "Nämnden för fostran och undervisningens tre sektioner": the count is no part of it
        if word.lower() == "av" and k + 1 < len(toks) and read_word(toks[k + 1].group().lower()):
            break  # "Sektionen för individuella ärenden av nämnden …": the owner follows
        if toks[k].group().lower() != "och":
            last = k
    return last


def _in_municipality(text: str, toks: list[re.Match[str]], k: int) -> Mention | None:
    """ "i Sibbo kommun" starting at token ``k``: the municipality, as an owner."""
    if k + 2 >= len(toks) or toks[k].group() != "i":
        return None
    m = MUNICIPALITY.match(text, toks[k + 1].start())
    if m is None:
        return None
    return Mention(m.start(), m.end(), f"{m.group(1)} {m.group(2)}", "municipality", (m.group(2) + "en",))


def _modified(
    text: str, toks: list[re.Match[str]], i: int, first: int, last: int | None, word: Word
) -> Mention:
    """A bare head named by an adjective before it (``first`` < i) or a "för …" complement ending at
    ``last``: "tekniska nämnden", "avdelningen för teknik och miljö (i Sibbo kommun)"."""
    tok, spec = toks[i], HEADS[word.head]
    end = toks[last].end() if last is not None else tok.end()
    name = _lower_first(text[toks[first].start() : end])
    if word.form == "gendef" and last is None:
        name = name[:-1]
    counted = last is not None and last + 1 < len(toks) and toks[last + 1].group().lower() in _COUNTS
    genitive = word.form == "gendef" or (counted and name.endswith("s"))
    if counted and name.endswith("s"):  # "… och undervisningens tre sektioner": the whole name's genitive
        base = name[:-1]
        name = base[:-2] if base.endswith(("en", "et")) and len(base.split()[-1]) > 6 else base
    place = _in_municipality(text, toks, (last if last is not None else i) + 1)
    aliases: tuple[str, ...] = (f"{name} {text[end : place.end].strip()}",) if place is not None else ()
    if word.form == "indef" and first == i and last is not None:
        # "Sektion för klientärenden" (a table cell): named in the definite, as the text refers to it
        written, name = name, word.definite + name[len(tok.group()) :]
        aliases = (*aliases, written)
    return Mention(
        toks[first].start(),
        place.end if place is not None else end,
        name,
        spec.kind,
        aliases,
        genitive=genitive,
        head=word.head,
        owner=place,
    )


def _bare(text: str, toks: list[re.Match[str]], i: int, word: Word) -> Mention | None:
    """A bare head noun: named by a modifier, a reference back, or generic (None)."""
    tok, spec = toks[i], HEADS[word.head]
    first = i
    prev = toks[i - 1] if i else None
    adjacent = prev is not None and _gap(text, prev, tok) == " "
    if adjacent and prev and word.form in ("def", "gendef"):
        adj = prev.group()
        if adj[0].isupper() and adj.endswith("a") and prev.start() > 0 and adj.lower() not in _QUANTIFIERS:
            k = _proper_complement(text, toks, i)
            full = text[prev.start() : toks[k].end()]
            return Mention(prev.start(), toks[k].end(), full, spec.kind, (word.definite,), head=word.head)
        low = adj.lower()
        participle = low.endswith(("da", "ta", "ade", "dna", "tna")) and not low.endswith(("iska", "ista"))
        attributive = low.endswith("a") and len(adj) >= 5 and not _superlative(low) and not participle
        sector = word.head == "sektor" and adj.lower() in _SECTORS  # "kommunala sektorn": all of it
        if attributive and adj.lower() not in _QUANTIFIERS and not sector:
            first = i - 1 if not _infinitive(toks, i - 1) else i
    last = _complement(text, toks, i) if word.form in ("def", "indef") else None
    if last is not None or first < i:
        return _modified(text, toks, i, first, last, word)
    if (
        adjacent
        and prev
        and word.form == "indef"
        and i == 1
        and not text[: prev.start()].strip(" •-–*")
        and prev.group()[:1].isupper()
        and _STRONG_ADJECTIVE.fullmatch(prev.group())
        and prev.group().lower() not in VERBS
    ):
        # a label opening a line, "Teknisk nämnd, 11 ledamöter": the body the sentences call
        # "tekniska nämnden" (a generic "en kommunal nämnd" inside a sentence names none)
        base = _lower_first(prev.group())
        weak = (base[:-1] if base.endswith("t") else base) + "a"
        written = _lower_first(text[prev.start() : tok.end()])
        return Mention(
            prev.start(), tok.end(), f"{weak} {word.definite}", spec.kind, (written,), head=word.head
        )
    if adjacent and prev and word.form == "indef" and i >= 2 and prev.group().lower().endswith("a"):
        owner = _owner(text, toks, i - 2) if _gap(text, toks[i - 2], prev) == " " else None
        if owner is not None:  # "Bildningsnämndens svenskspråkiga sektion"
            begin = min(toks[i - 2].start(), owner.start)
            name = _lower_first(text[begin : tok.end()])
            alias = f"{prev.group().lower()} {word.definite}"
            return Mention(begin, tok.end(), name, spec.kind, (alias,), head=word.head, owner=owner)
    owned = _owner(text, toks, i - 1) if adjacent and prev and word.form == "indef" else None
    if adjacent and prev and word.form == "indef" and (_GENITIVE.match(prev.group()) or owned is not None):
        # "Stadsstyrelsens sektion", and mid-sentence "kommunstyrelsens presidium" (a body's genitive)
        begin = min(prev.start(), owned.start) if owned is not None else prev.start()
        name = text[begin : tok.end()]
        owner = owned
        name = _lower_first(name) if owner or prev.group().lower() in ("stadens", "kommunens") else name
        return Mention(begin, tok.end(), name, spec.kind, head=word.head, owner=owner)
    if (
        word.head == "affärsverk"
        and word.form == "def"
        and i + 1 < len(toks)
        and toks[i + 1].group()[0].isupper()
    ):
        return _named_enterprise(text, toks, i)
    region = _region(text, toks, i) if word.form == "def" and word.head in _REGIONAL else None
    if region is not None:  # "Räddningsverket i Mellersta Nyland"
        written = _lower_first(text[tok.start() : toks[region].end()])
        return Mention(tok.start(), toks[region].end(), written, spec.kind, (), head=word.head)
    if word.head == "fullmäktige" or word.form in ("def", "gendef"):
        gen = word.form == "gendef"
        return Mention(
            tok.start(), tok.end(), word.definite, spec.kind, refers=word.head, genitive=gen, head=word.head
        )
    return None


#: Adjectives that say which field or sector an activity belongs to: "Den ekonomiska förvaltningen sköts
#: centralt", "den kommunala förvaltningen" (administration in general, no one body).
_FIELD = re.compile(r"(?:iska|kommunala|statliga|offentliga|regionala|allmänna|lokala|egentliga)$")


#: Heads that name a body after a body's genitive: "kommunstyrelsens förvaltning" is an administration,
#: where "Skatteförvaltningens ledning stöds av …" is management, an activity.
_OWNED_HEADS = frozenset(("förvaltning",))


def _owned_bare(text: str, toks: list[re.Match[str]], i: int) -> Mention | None:
    """ "Kommunstyrelsens förvaltning": a head that names no body by itself, owned by a body in the
    genitive, is that body's part, named as written."""
    head = toks[i].group().lower()
    spec = HEADS.get(head)
    if head not in _OWNED_HEADS or spec is None or i == 0 or _gap(text, toks[i - 1], toks[i]) != " ":
        return None
    if re.search(r"\b(?:är|blir|utgör)\s+$", text[: toks[i - 1].start()]):
        return None  # "Kommunledningskontoret är kommunstyrelsens förvaltning": a predicate, not a name
    owner = _owner(text, toks, i - 1)
    if owner is None or owner.refers is not None:
        return None
    name = _lower_first(text[toks[i - 1].start() : toks[i].end()])
    return Mention(toks[i - 1].start(), toks[i].end(), name, spec.kind, (), head=head, owner=owner)


def _attribute(word: str) -> bool:
    """An adjective's or participle's weak form between an article and its noun that may name one body
    ("samlade", "gemensamma"; "nya" is a quantifier, "ekonomiska" a field)."""
    weak = word.islower() and word.endswith(("a", "e")) and len(word) >= 5
    return weak and not _superlative(word) and word not in _QUANTIFIERS and not _FIELD.search(word)


def _anaphor(text: str, toks: list[re.Match[str]], i: int, word: Word) -> Mention | None:
    """ "Förvaltningen består av …": a bare head that names no body by itself refers back to the last
    body with that head; opening a sentence after an article and an adjective's weak form it names one
    ("Den samlade förvaltningen kommer att …"), as "Temporära beredningsorganet" does."""
    tok, spec = toks[i], HEADS[word.head]
    if (
        i == 2
        and toks[0].start() == 0
        and toks[0].group() in ("Den", "Det")
        and word.form == "def"
        and _attribute(toks[1].group())
    ):
        name = f"{toks[1].group().lower()} {word.definite}"
        return Mention(toks[0].start(), tok.end(), name, spec.kind, (f"den {name}",), head=word.head)
    if text[: tok.start()].strip() and not _SUBJECT_LEAD.fullmatch(text[: tok.start()]):
        return None  # only as a subject: in "… utvecklar verksamheten och förvaltningen" it is an activity
    gen = word.form == "gendef"
    return Mention(
        tok.start(), tok.end(), word.definite, spec.kind, refers=word.head, genitive=gen, head=word.head
    )


_SUBJECT_LEAD = re.compile(r"\s*(?:(?:Dessutom|Därtill|Vidare|Även|Också|Hela)\s*,?\s*)?")


def _named_enterprise(text: str, toks: list[re.Match[str]], i: int) -> Mention:
    """ "Affärsverket Borgå vatten": the enterprise's own name follows the word."""
    k = i + 1
    while k + 1 < len(toks) and not re.search(r"[,.;:()\n]", _gap(text, toks[k], toks[k + 1])):
        nxt = toks[k + 1].group()
        if nxt.lower() in VERBS - {"och"} or (nxt.lower() in _CONJ and not toks[k].group().endswith("-")):
            break
        k += 1
    name = _lower_first(text[toks[i].start() : toks[k].end()])
    return Mention(toks[i].start(), toks[k].end(), name, "enterprise", head="affärsverk")


def _municipality(text: str) -> list[Mention]:
    found = []
    for m in MUNICIPALITY.finditer(text):
        name = f"{m.group(1)} {m.group(2)}"
        found.append(Mention(m.start(), m.end(), name, "municipality", (m.group(2) + "en",)))
    for m in _MUNICIPALITY_REF.finditer(text):
        unit = "staden" if m.group().lower().startswith("stad") else "kommunen"
        alias = (_lower_first(m.group()),) if " " in m.group() else ()
        gen = m.group().lower().endswith("s")
        found.append(Mention(m.start(), m.end(), unit, "municipality", alias, gen, refers="municipality"))
    return found


#: Words after which an indefinite noun is plural: "sina förvaltningskontor", "flera utskott", "tre råd".
_PLURAL_DETERMINERS = words(
    """sina våra era deras dessa alla flera många olika några somliga båda två tre fyra fem sex sju åtta
    nio tio elva tolv"""
)


def _plural_before(toks: list[re.Match[str]], i: int) -> bool:
    """Whether a plural determiner stands before token i (an adjective may come between)."""
    for k in (i - 1, i - 2):
        if k >= 0 and toks[k].group().lower() in _PLURAL_DETERMINERS:
            return k == i - 1 or toks[i - 1].group().lower().endswith(("a", "e"))
    return False


def mentions(text: str) -> list[Mention]:
    """Every body named in ``text`` (a sentence), left to right, without overlaps."""
    toks = list(_TOKEN.finditer(text))
    found = _municipality(text)
    for i, tok in enumerate(toks):
        word = read_word(tok.group().lower())
        if word is None:
            anaphor = read_anaphor(tok.group().lower())
            owned = _owned_bare(text, toks, i) if anaphor is None else None
            referent = _anaphor(text, toks, i, anaphor) if anaphor is not None else None
            if referent is not None:
                found.append(referent)
            elif owned is not None:
                found.append(owned)
            continue
        if word.form == "plural" or (word.form == "indef" and _plural_before(toks, i)):
            continue  # "sina förvaltningskontor", "två utskott": neuter plurals look singular
        mention = _compound(text, toks, i, word) if word.prefix else _bare(text, toks, i, word)
        if mention is not None:
            found.append(mention)
    found.sort(key=lambda x: (x.start, -x.end))
    out: list[Mention] = []
    for x in found:
        if not out or x.start >= out[-1].end:
            out.append(x)
    return out
