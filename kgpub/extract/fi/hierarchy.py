"""Part-of, subordination and grouping statements.

* counted parts: "Kaupunginkansliassa on kuusi osastoa: a, b, … ja f", "X:ssä on kolme
  tulosyksikköä: a, b sekä c", "… on neljä palveluyksikköä:" followed by bulleted items;
* composition: "Hallintopalvelut koostuvat neljästä eri palvelualueesta; a, b, c ja d", "X jakautuu
  toimialoihin, jotka ovat a, b, c ja d", "X muodostuu seuraavista palvelualueista: …";
* belonging (``belonging.py``): "X:ään kuuluvat a, b ja c", "X kuuluu Y:hyn";
* subordination (``subordination.py``); placement: "X on Y:hyn sijoitettu yksikkö";
* grouping: "Yleishallinto tarkoittaa kaupunginvaltuustoa, kaupunginhallitusta, …".

A genitive owner ("Kaupunginhallituksen johtamisen jaosto") is recorded with the mention itself
(``Reader.record``).
"""

from __future__ import annotations

from .belonging import INTO_CASES, belonging
from .bodies import Mention, is_count
from .context import Reader, Sent
from .duties import _duty_verb
from .lexicon import BELONG_VERBS, COMPOSITION_VERBS, GROUPING_VERBS, OBJECT_ONLY_VERBS, ORGANISATION
from .lists import count_of, counted_items, declared_items, item_bodies, items, phrase_name
from .names import body_word, plural_name
from .subordination import subordination
from .tokens import Token

CONTAINER_CASES = frozenset({"sisaolento", "ulkoolento"})  # "Virastossa on", "-toimialalla on"


def _parts(reader: Reader, s: Sent, parent: str | None, children: list[str], rule: str) -> None:
    for child in children:
        if parent:
            reader.facts.part(child, parent, "part", s.segment(), rule)


def _list_start(s: Sent, i: int) -> int:
    """Where the items begin after a count noun ending at token ``i``: after ":" or ";" or ", jotka
    ovat"; -1 when no list follows in this sentence."""
    toks = s.tokens
    j = i + 1
    if j < len(toks) and toks[j].text in {":", ";"}:
        return j + 1
    if j + 2 < len(toks) and toks[j].text == "," and toks[j + 1].low in {"jotka", "joita"}:
        return j + 3 if toks[j + 2].is_lemma("olla") else -1
    colon = next((k for k in range(j, len(toks)) if toks[k].text == ":"), -1)
    if colon > 0 and not any(j <= m.first < colon for m in s.mentions):
        return colon + 1  # "… seuraaviin osastoihin, joiden johdossa on osastopäällikkö: a, b ja c"
    return -1


RELATIVE_CONTAINERS = frozenset({"johon", "joihin", "jossa", "joissa", "jolla", "joilla"})


def _antecedent(reader: Reader, s: Sent, before: int) -> str | None:
    """ "konsernipalvelut, johon kuuluvat seuraavat yksiköt": the body the relative clause is about."""
    for i in range(before - 1, 1, -1):
        if s.tokens[i].low in RELATIVE_CONTAINERS and s.tokens[i - 1].text == ",":
            m = s.mention_ending(i - 2)
            return reader.body(s, m, "body.fi.container") if m is not None and not m.generic else None
    return None


def _container(reader: Reader, s: Sent, before: int, cases: frozenset[str] = CONTAINER_CASES) -> str | None:
    """The body the parts are in: "Kaupunginkansliassa on …", "Keskushallintopalvelut -toimialalla …"."""
    for m in s.mentions:
        if m.last < before and m.case in cases and not m.generic:
            return reader.body(s, m, "body.fi.container")
    return None


def _subject(reader: Reader, s: Sent, before: int) -> str | None:
    """The nominative subject before a verb ("Hallintopalvelut koostuvat …"); in a clause after "että"
    ("X päätti, että HKL:n organisaatio jakaantuu …"), that clause's subject."""
    clause = max((i for i in range(before) if s.tokens[i].low == "että"), default=-1)
    for m in s.mentions:
        if clause < m.first and m.last < before and m.case == "nimento" and not m.generic:
            return reader.body(s, m, "body.fi.subject")
    return reader.subject_role(s) if s.start < before else None


def _activity_owner(reader: Reader, s: Sent, verb: int) -> str | None:
    """ "Sosiaalitoimen tehtävät on jaettu …": the body whose tasks or activity are divided."""
    j = verb - 1 if verb > 0 and s.tokens[verb - 1].is_lemma("olla") else verb
    if j < 2 or not s.tokens[j - 1].is_lemma("tehtävä", "toiminta"):
        return None
    m = s.mention_ending(j - 2)
    return reader.body(s, m, "body.fi.subject") if m is not None and m.case == "omanto" else None


def counted(reader: Reader, s: Sent) -> None:
    """ "X:ssä on kuusi osastoa: …", "X koostuu neljästä eri palvelualueesta; …"."""
    for m in s.mentions:
        if not (m.generic or m.bare) or m.first == 0 or not is_count(s.tokens[m.first - 1]):
            continue
        verb = s.index(*COMPOSITION_VERBS)
        composed = 0 <= verb < m.first
        parent = _subject(reader, s, verb) if composed else _container(reader, s, m.first)
        if parent is None and not composed and 0 <= s.index(*BELONG_VERBS) < m.first:
            parent = _container(reader, s, m.first, INTO_CASES)  # "X:ään kuuluu kolme palvelualuetta"
        parent = parent or (_activity_owner(reader, s, verb) if composed else None)
        parent = parent or _antecedent(reader, s, m.first)
        start = _list_start(s, m.last)
        if parent is None:
            continue
        if composed:  # "jakautuu konsernihallintoon ja neljään eri toimialaan, jotka ovat …"
            direct = [x for x in s.mentions if verb < x.first < m.first - 1 and not x.generic]
            named = [n for x in direct if (n := reader.body(s, x))]
            _parts(reader, s, parent, named, "part.fi.composition")
        if start == len(s.tokens) or (start < 0 and s.tokens[-1].text == ":"):
            reader.open_list = (parent, m.kind, "part.fi.enumeration")
        elif start < 0:
            reader.class_parents[m.word] = parent  # "… on jaettu neljään toimialaan. Toimialat ovat …"
        elif start > 0:
            ranges = counted_items(s.tokens, start, len(s.tokens), count_of(s.tokens[m.first - 1]))
            children = item_bodies(reader, s, ranges, m.kind, "part.fi.enumeration")
            _parts(reader, s, parent, children, "part.fi.enumeration")


def composition(reader: Reader, s: Sent) -> None:
    """ "X jakautuu toimialoihin, jotka ovat a, b …", "X koostuu a:sta, b:stä ja c:stä"."""
    verb = s.index(*COMPOSITION_VERBS)
    if verb < 0:
        return
    after = [m for m in s.mentions if m.first > verb]
    parent = _subject(reader, s, verb) or _plain_subject(reader, s, verb, after)
    if parent is None:
        return
    if after and (after[0].generic or after[0].bare) and not is_count(s.tokens[after[0].first - 1]):
        start = _list_start(s, after[0].last)
        if start > 0:
            ranges = items(s.tokens, start, len(s.tokens))
            _parts(
                reader,
                s,
                parent,
                item_bodies(reader, s, ranges, after[0].kind, "part.fi.composition"),
                "part.fi.composition",
            )
        return
    ranges = items(s.tokens, verb + 1, len(s.tokens))
    named = [m for m in after if not (m.generic or m.bare) and m.case in PART_CASES]
    if named and len(ranges) >= 2:
        # "Ympäristöterveydenhuolto jakautuu terveysvalvontaan ja eläinlääkintähuoltoon": a short
        # item in the named item's case is a part too
        same = all(b - a <= 3 and s.tokens[b - 1].case() == named[0].case for a, b in ranges)
        kind = named[0].kind if same else None
        _parts(
            reader,
            s,
            parent,
            item_bodies(reader, s, ranges, kind, "part.fi.composition"),
            "part.fi.composition",
        )


#: The cases of the parts after a composition verb: "koostuu X:stä", "jakautuu X:ään".
PART_CASES = frozenset({"sisaeronto", "sisatulento"})


def _plain_subject(reader: Reader, s: Sent, verb: int, after: list[Mention]) -> str | None:
    """ "Ympäristöterveydenhuolto jakautuu terveysvalvontaan ja …": a subject of one to three plain
    nouns in the nominative, divided into named bodies, is a body too."""
    words = s.tokens[s.start : verb]
    named = any(not (m.generic or m.bare) and m.case in PART_CASES for m in after)
    if not named or not 0 < len(words) <= 3 or s.tokens[verb].verb() is None:
        return None
    if not all(t.word and t.case() == "nimento" and not t.is_name() for t in words):
        return None
    name, aliases = phrase_name(s.tokens, s.start, verb)
    if not name:
        return None
    found = reader.facts.find(name) or reader.facts.body(
        name, "unit", s.segment(), "body.fi.subject", aliases=aliases
    )
    reader.touch(found)
    return found


def placed(reader: Reader, s: Sent) -> None:
    """ "X on Kalajoen kaupungin hallintopalveluihin sijoitettu tukipalveluyksikkö"."""
    at = s.index("sijoitettu", "sijoitetut")
    if at <= 0:
        return
    m = s.mention_ending(at - 1)
    child = reader.subject_role(s)
    if m is None or child is None or m.case not in INTO_CASES:
        return
    parent = reader.body(s, m, "body.fi.parent")
    if parent and parent != child:
        reader.facts.part(child, parent, "part", s.segment(), "part.fi.sijoitettu")


def listing(reader: Reader, s: Sent) -> None:
    """ "Kaupunginkanslian yksiköt ovat: …", "Perusturvan palvelualueita ovat a, b ja c"."""
    for m in s.mentions:
        if not m.generic or m.case not in {"nimento", "osanto"}:
            continue
        if m.first == m.head and (m.first != s.start or m.word not in reader.class_parents):
            continue
        nxt = m.last + 1
        if nxt < len(s.tokens) and s.tokens[nxt].low == "ovat":
            nxt += 1
        elif not (nxt < len(s.tokens) and s.tokens[nxt].text == ":"):
            continue
        if nxt < len(s.tokens) and _predicative(s.tokens[nxt]):
            return  # "Suunnitelman mukaiset tarkastukset ovat maksullisia": a description, no list
        parent = _owner_of(reader, s, m)
        if parent is None:
            return
        if nxt < len(s.tokens) and s.tokens[nxt].text == ":":
            nxt += 1
        if nxt >= s.end():
            reader.open_list = (parent, m.kind, "part.fi.listing")
            return
        children = item_bodies(reader, s, items(s.tokens, nxt, len(s.tokens)), m.kind, "part.fi.listing")
        _parts(reader, s, parent, children, "part.fi.listing")
        return


def _predicative(tok: Token) -> bool:
    """An adjective in the partitive after "ovat" ("maksullisia"): the predicate describes the subject
    ("Toimialat ovat tekniset palvelut, …" in the nominative still lists names)."""
    return any(r.cls == "laatusana" and r.case == "osanto" for r in tok.readings)


def _owner_of(reader: Reader, s: Sent, m: Mention) -> str | None:
    """Whose parts a plural class word lists: its owner, or the genitive words before it."""
    if m.owner is not None:
        return reader.body(s, m.owner, "body.fi.parent")
    if m.head == m.first:  # "Toimialoja ovat …" after "… toimialat muodostavat kunnan organisaation"
        return reader.class_parents.get(m.word)
    if m.head - m.first == 1:  # one genitive word: a reading that names a body already read wins
        known = (reader.facts.find(r.lemma) for r in s.tokens[m.first].nouns())
        if (found := next((k for k in known if k), None)) is not None:
            return found
    name, aliases = phrase_name(s.tokens, m.first, m.head)
    if not name or m.head - m.first > 3:
        return None
    if any(t.plural() and not plural_name(t.lemma()) for t in s.tokens[m.first : m.head]):
        return None  # "Maakuntien liitot ovat …": a plural genitive is a class of owners, no body
    found = reader.facts.find(name)
    if found is None:
        found = reader.facts.body(name, "other", s.segment(), "body.fi.parent", aliases=aliases)
        reader.touch(found)
    return found


def formed(reader: Reader, s: Sent) -> None:
    """ "Kunnan luottamushenkilöorganisaation muodostavat valtuusto, … ja lautakunnat", "Kunnanvirasto
    ja toimialat muodostavat kunnan organisaation"."""
    verb = s.index("muodostaa")
    if verb <= 0 or (v := s.tokens[verb].verb()) is None or v.person != "3":
        return
    before = [m for m in s.mentions if m.last < verb and not any(o.owner is m for o in s.mentions)]
    after = [m for m in s.mentions if m.first > verb and not any(o.owner is m for o in s.mentions)]
    antecedent = s.mention_ending(verb - 3) if s.tokens[verb - 1].low == "jonka" and verb >= 3 else None
    if antecedent is not None and not antecedent.generic:
        whole, parts = antecedent, after  # "… poliittinen organisaatio, jonka muodostavat a, b ja c"
    elif before and before[0].first == s.start and before[0].case == "omanto" and not before[0].generic:
        whole, parts = before[0], after  # object first
    elif after and after[0].case == "omanto" and not after[0].generic:
        whole, parts = after[0], before
    else:
        return
    parent = reader.body(s, whole, "body.fi.parent")
    if parent is None:
        return
    for m in parts:
        if m.generic:
            reader.class_parents[m.word] = parent  # "… toimialat muodostavat kunnan organisaation"
        elif (child := reader.body(s, m, "body.fi.part")) is not None and child != parent:
            reader.facts.part(child, parent, "part", s.segment(), "part.fi.muodostaa")


#: How many words (counts, adjectives, participles) may stand between "on" and the body it states.
MAX_EXISTENTIAL_GAP = 7


def existential(reader: Reader, s: Sent) -> None:
    """ "Kunnassa on poliittinen organisaatio, …", "Lisäksi kunnassa on ns. hallinto-organisaatio",
    "Kajaanin kaupungilla on yksi yhteinen koko kaupunkia palveleva kirjaamo, joka …" (a possessor in
    the adessive; a bare class word introduces a body of that name when only describing words come
    between)."""
    m = s.mention_at(s.start)
    cases = {"sisaolento", "ulkoolento"}
    if m is None or m.first != s.start or m.case not in cases or m.generic or m.last + 1 >= len(s.tokens):
        return
    if s.tokens[m.last + 1].low != "on":
        return
    near = (x for x in s.mentions if m.last + 1 < x.first <= m.last + 1 + MAX_EXISTENTIAL_GAP)
    part = next((x for x in near if x.case == "nimento"), None)
    if part is None or part.generic:
        return
    between = s.tokens[m.last + 2 : part.first]
    if len(between) > 3 and not all(_describes(t) for t in between):
        return
    if part.bare and not (between and all(_describes(t) for t in between)):
        return  # "Kunnassa on lautakunta" alone refers back; "… on yksi yhteinen … kirjaamo" introduces it
    parent = reader.body(s, m, "body.fi.container")
    child = reader.record(s, part, "body.fi.part") if part.bare else reader.body(s, part, "body.fi.part")
    if parent and child and parent != child:
        reader.facts.part(child, parent, "part", s.segment(), "part.fi.on")


def _describes(tok: Token) -> bool:
    """A word that only describes the body after it: a count, an adjective, a participle, "koko"."""
    return (
        is_count(tok)
        or tok.low in {"koko", "yksi", "oma"}
        or tok.is_adjective()
        or any(r.participle for r in tok.readings)
        or tok.case() == "osanto"
    )


def osa(reader: Reader, s: Sent) -> None:
    """ "Ruokapalvelut on osa tukipalveluiden tulosyksikköä", "X toimii osana Y:tä"."""
    at = s.index("osa", "osana")
    if at < 2 or not s.tokens[at - 1].is_lemma("olla", "toimia"):
        return
    m = next((x for x in s.mentions if x.first > at and not x.generic), None)
    child = reader.subject_role(s)
    if m is None or child is None or m.case not in {"osanto", "omanto"}:
        return
    parent = reader.body(s, m, "body.fi.parent")
    if parent and parent != child:
        reader.facts.part(child, parent, "part", s.segment(), "part.fi.osa")


def grouping(reader: Reader, s: Sent) -> None:
    """ "Yleishallinto tarkoittaa kaupunginvaltuustoa, kaupunginhallitusta, … ja kaupunginkansliaa"."""
    verb = s.index(*GROUPING_VERBS)
    if verb <= 0 or s.tokens[verb].verb() is None:
        return
    group = reader.subject_role(s)
    members = [m for m in s.mentions if m.first > verb and m.case == "osanto" and m.named and m.strong]
    if not members and s.tokens[verb].is_lemma("käsittää"):
        # "Tekniikan ja ympäristön toimiala käsittää teknisen toimen ja ympäristötoimen": named bodies
        # in the accusative, weak ones too, when they are all the verb's object
        members = [m for m in s.mentions if m.first > verb and m.case == "omanto" and m.named]
    if group is None or not members:
        return
    for m in members:
        name = reader.body(s, m, "body.fi.member")
        if name and name != group:
            reader.facts.part(name, group, "grouping", s.segment(), "part.fi.grouping")


def appointed(reader: Reader, s: Sent) -> None:
    """ "Kunnanhallitus on asettanut henkilöstöjaoston ja elinkeinojaoston": an organ's sections."""
    verb = s.index("asettaa", "asettanut")
    if verb <= 0:
        return
    parent = _subject(reader, s, verb)
    if parent is None:
        return
    for m in s.mentions:
        if m.first > verb and m.case in {"omanto", "osanto", "nimento"} and m.word == "jaosto" and not m.bare:
            names = m.split() if m.generic else [m.name]
            for name in names:
                child = reader.facts.body(name, m.kind, s.segment(), "body.fi.part")
                if child != parent:
                    reader.facts.part(child, parent, "part", s.segment(), "part.fi.asettaa")


def beneath(reader: Reader, s: Sent) -> None:
    """ "Konsernipalveluiden alla toimivat talouspalvelut, henkilöstöpalvelut ja tietohallinto"."""
    at = s.index("alla")
    if at < 1 or at + 2 >= len(s.tokens) or not s.tokens[at + 1].is_lemma("toimia", "olla"):
        return
    m = s.mention_ending(at - 1)
    if m is None or m.case != "omanto" or m.generic:
        return
    parent = reader.body(s, m, "body.fi.parent")
    children = declared_items(reader, s, at + 2, len(s.tokens), "part.fi.alla")
    _parts(reader, s, parent, [c for c in children if c != parent], "part.fi.alla")


def own_subordinate(reader: Reader, s: Sent) -> None:
    """ "Tekninen lautakunta ja sen alainen lupajaosto …": "sen" is the body just named."""
    for i in range(2, len(s.tokens) - 2):
        if s.tokens[i].low != "sen" or not s.tokens[i + 1].is_lemma("alainen") or s.tokens[i - 1].low != "ja":
            continue
        before, after = s.mention_ending(i - 2), s.mention_at(i + 2)
        if before is None or after is None or after.first != i + 2 or before.generic or after.generic:
            continue
        parent, child = (
            reader.body(s, before, "body.fi.parent"),
            reader.body(s, after, "body.fi.part"),
        )
        if parent and child and parent != child:
            reader.facts.part(child, parent, "subordinate", s.segment(), "part.fi.sen-alainen")


#: Marks that set an enumeration apart after class words, and the mark that closes it.
APPOSITION_MARKS = {"(": ")", "–": "–", "—": "—"}


def apposition(reader: Reader, s: Sent) -> None:
    """ "Ympäristöministeriön kolme osastoa ja kaksi tulosaluetta – a, b, c, d sekä e – vastaavat …",
    "sen eri toimialoilla (a, b, …, kirjasto ja kulttuuri)": an enumeration set apart by dashes or
    parentheses right after plural or counted class words names those bodies, parts of the class
    words' owner; a plural duty verb right after it states each listed body's duty (convention E)."""
    toks = s.tokens
    for k, m in enumerate(s.mentions):
        o = m.last + 1
        if not m.generic or o >= len(toks) or (mark := APPOSITION_MARKS.get(toks[o].text)) is None:
            continue
        close = next((j for j in range(o + 1, len(toks)) if toks[j].text == mark), -1)
        if close < 0:
            continue
        group = [m]  # "kolme osastoa ja kaksi tulosaluetta"
        while k > 0 and s.mentions[k - 1].generic:
            j = group[0].first - 1
            j -= j >= 0 and is_count(toks[j])
            if j < 1 or toks[j].low not in {"ja", "sekä"} or s.mentions[k - 1].last != j - 1:
                break
            k -= 1
            group.insert(0, s.mentions[k])
        counts = [count_of(toks[g.first - 1]) if g.first > 0 else None for g in group]
        total = sum(c for c in counts if c is not None) if all(c is not None for c in counts) else None
        parent = _class_owner(reader, s, group[0])
        ranges = counted_items(toks, o + 1, close, total)
        if parent is None or len(ranges) < 2:
            continue
        children = [c for c in item_bodies(reader, s, ranges, m.kind, "part.fi.apposition") if c != parent]
        _parts(reader, s, parent, children, "part.fi.apposition")
        v = close + 1
        verb = toks[v].verb() if v < len(toks) else None
        lemma = _duty_verb(toks[v]) if verb is not None and verb.number == "plural" else None
        if lemma is not None and (end := s.end()) > v + 1:
            start = v + 1 if lemma in OBJECT_ONLY_VERBS else v
            text = s.sentence.text[toks[start].start : toks[end - 1].end]
            for child in children:
                reader.facts.duty(child, text, s.sentence.start, s.sentence.end, "duty.fi.apposition")
        return


def _class_owner(reader: Reader, s: Sent, m: Mention) -> str | None:
    """Whose class words these are: their genitive owner ("Ympäristöministeriön kolme osastoa"), or
    what "sen" refers to ("X:n tehtävänä on sen eri toimialoilla …": the sentence's first body)."""
    if m.owner is not None:
        return reader.body(s, m.owner, "body.fi.parent")
    i = m.first - 1
    while i >= 0 and is_count(s.tokens[i]):
        i -= 1
    if i < 0:
        return None
    before = s.mention_ending(i)
    if before is not None and before.case == "omanto" and not before.generic:
        return reader.body(s, before, "body.fi.parent")
    if s.tokens[i].low in {"sen", "niiden"}:
        first = next((x for x in s.mentions if x.last < i and not x.generic), None)
        return reader.body(s, first, "body.fi.parent") if first else reader.pronoun(s.tokens[i])
    return None


#: How many words may stand between a class word and the colon of its list ("säilyvät entisellään:").
MAX_TO_COLON = 4


def relative_listing(reader: Reader, s: Sent) -> None:
    """ "Uudistus ei koskenut sosiaali- ja terveystoimen organisaatiota, jossa palvelualueet säilyvät
    entisellään: a, b, c sekä d": plural class words opening a relative clause on a body, then a
    colon list — that body's parts ("X:n organisaatio" is X)."""
    toks = s.tokens
    for m in s.mentions:
        rel = m.first - 1
        if not m.generic or m.case != "nimento" or rel < 2 or toks[rel].low not in RELATIVE_CONTAINERS:
            continue
        colon = next(
            (k for k in range(m.last + 1, min(m.last + 2 + MAX_TO_COLON, len(toks))) if toks[k].text == ":"),
            -1,
        )
        if toks[rel - 1].text != "," or colon < 0 or any(m.last < x.first < colon for x in s.mentions):
            continue
        end = rel - 2
        if toks[end].lemma().lower() in ORGANISATION and toks[end - 1].has_case("omanto"):
            end -= 1  # "terveystoimen organisaatiota, jossa": the organisation of a body is that body
        before = s.mention_ending(end)
        if before is None or before.generic:
            return
        parent = reader.body(s, before, "body.fi.container")
        children = item_bodies(reader, s, items(toks, colon + 1, len(toks)), m.kind, "part.fi.listing")
        _parts(reader, s, parent, [c for c in children if c != parent], "part.fi.listing")
        return


def relative_kind(reader: Reader, s: Sent) -> None:
    """ "A Oy:ssä, B Oy:ssä ja C Oy:ssä, jotka ovat Metsähallituksen tytäryhtiöitä": the bodies
    enumerated before ", jotka ovat X:n <plural of a body or company word>" are X's parts."""
    toks = s.tokens
    for r in range(1, len(toks) - 4):
        if toks[r].text != "," or toks[r + 1].low != "jotka" or toks[r + 2].low != "ovat":
            continue
        owner = s.mention_at(r + 3)
        if owner is None or owner.first != r + 3 or owner.case != "omanto" or owner.generic:
            continue
        kind = toks[owner.last + 1] if owner.last + 1 < len(toks) else None
        lemma = kind.lemma().lower() if kind is not None else ""
        if kind is None or not kind.plural() or not (lemma.endswith(("yhtiö", "osa")) or body_word(lemma)):
            continue
        children, k = [], r - 1
        while k >= 0 and (m := s.mention_ending(k)) is not None and not m.generic:
            children.append(m)
            k = m.first - 1
            if k < 0 or toks[k].text not in {",", "ja", "sekä"}:
                break
            k -= 1
        parent = reader.body(s, owner, "body.fi.parent")
        for m in children:
            child = reader.body(s, m, "body.fi.part")
            if parent and child and child != parent:
                reader.facts.part(child, parent, "part", s.segment(), "part.fi.jotka-ovat")


RULES = (
    apposition,
    relative_kind,
    relative_listing,
    counted,
    composition,
    formed,
    belonging,
    subordination,
    placed,
    listing,
    existential,
    osa,
    grouping,
    appointed,
    own_subordinate,
    beneath,
)
