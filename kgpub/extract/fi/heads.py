"""Heads of bodies: a post (title) in a body and the person holding it, if the text names one.

* "Osastoa johtaa elinkeinojohtaja Marja-Leena Rinkineva", "sitä johtaa sisäisen tarkastuksen päällikkö"
* "Viraston päällikkönä on kansliapäällikkö Sami Sarvilinna", "Osaston päällikkönä toimii
  rahoitusjohtaja Tuula Saxholm", "Hallinto-osaston päällikkö on hallintojohtaja Kirsi Remes",
  "Sivistyslautakunnan puheenjohtaja on …"
* "Kaupunginhallituksen johtamisen jaoston puheenjohtaja Lasse Männistö" (genitive body + title + name)
* "johdossa on …"
* list items and lines: "Varhaiskasvatus: palvelujohtajat Tarja Ahlqvist ja Päivi Koivisto" (one head
  per person, singular title), "Toimialajohtaja Eino Leisimo" (the body the title's first part names).

A title with no named person is a post with no holder (``Head.person`` None) — a head is never
invented. Deputies ("varapuheenjohtaja") and staff titles lead nothing.
"""

from __future__ import annotations

from .bodies import Mention
from .context import Reader, Sent
from .lexicon import DEPUTY_PREFIXES, LEADING_TITLES, TITLE_NOTES
from .lists import phrase_name
from .names import body_word, is_title
from .tokens import Token

MAX_NAME_WORDS = 4
#: A sentence this short that opens with a title and a name is a contact line ("Puheenjohtaja Jari
#: Jokela, kesk.") even with a full stop.
MAX_TITLE_LINE_WORDS = 6


def leading_title(tok: Token) -> str | None:
    """The singular base form of a title that leads a body ("palvelujohtajat" → "palvelujohtaja")."""
    if not tok.word:
        return None
    lemma = tok.lemma().lower()
    if not is_title(lemma) or not lemma.endswith(LEADING_TITLES) or lemma.startswith(DEPUTY_PREFIXES):
        return None
    return lemma


def _name_word(tok: Token) -> bool:
    return tok.word and tok.cap and not is_title(tok.lemma()) and body_word(tok.lemma()) is None


def persons(tokens: list[Token], i: int) -> tuple[list[str], int]:
    """Names starting at token ``i`` ("Tarja Ahlqvist ja Päivi Koivisto"), skipping notes such as
    "(oto)" or "vs."; returns the names and the index after them."""
    i = _skip_notes(tokens, i)
    out: list[str] = []
    while True:
        j = i
        while j < len(tokens) and j - i < MAX_NAME_WORDS and _name_word(tokens[j]):
            j += 1
        if j - i < 2:
            break
        out.append(" ".join(t.text for t in tokens[i:j]))
        if j + 1 < len(tokens) and tokens[j].low in {"ja", "sekä"} and _name_word(tokens[j + 1]):
            i = j + 1
            continue
        i = j
        break
    return out, i


def _notes_before(tokens: list[Token], t: int) -> int:
    """Where acting notes before the title at ``t`` begin ("vs. toimialajohtaja" → at "vs"), else ``t``."""
    if t >= 2 and tokens[t - 1].text == "." and tokens[t - 2].low in TITLE_NOTES:
        return t - 2
    if (
        t >= 3
        and tokens[t - 1].text == ")"
        and tokens[t - 2].low in TITLE_NOTES
        and tokens[t - 3].text == "("
    ):
        return t - 3
    return t


def _skip_notes(tokens: list[Token], i: int) -> int:
    note = [t.text.lower() for t in tokens[i : i + 3]]
    if len(note) == 3 and note[0] == "(" and note[2] == ")" and note[1] in TITLE_NOTES:
        return i + 3
    if i + 1 < len(tokens) and tokens[i].low in TITLE_NOTES and tokens[i + 1].text == ".":
        return i + 2
    return i


def _record(reader: Reader, s: Sent, org: str | None, title: str, people: list[str], rule: str) -> None:
    if people:
        reader.last_duty = None  # what follows without a subject is the person's, no body's
    if len(people) == 1 and (reader.holder is None or reader.holder[1] != people[0]):
        reader.holder = (title, people[0])  # "Hän johtaa …", "Johtaa …" later: her first title
    if org is None:
        return
    reader.posts.setdefault(title, org)
    if not people:
        reader.facts.head(org, title, None, s.segment(), rule)
    for person in people:
        reader.facts.head(org, title, person, s.segment(), rule)


def _genitive_org(reader: Reader, s: Sent, t: int) -> str | None:
    m = s.mention_ending(t - 1)
    if m is None or m.case != "omanto" or m.generic:
        return None
    return reader.body(s, m, "body.fi.head")


def _led_org(reader: Reader, s: Sent, verb: int) -> str | None:
    """ "Osastoa johtaa …", "Hallinto- ja elinvoimapalveluja johtaa …", "sitä johtaa …"."""
    if verb == 0:
        return None
    before = s.tokens[verb - 1]
    if before.is_lemma("se") and before.case() == "osanto":
        return reader.subject or reader.section_body()
    m = s.mention_ending(verb - 1)
    if m is not None and m.case == "osanto" and not m.generic:
        return reader.body(s, m, "body.fi.head")
    return _named_by_title(reader, s, verb)


def _named_by_title(reader: Reader, s: Sent, verb: int) -> str | None:
    """ "Perusturvaa johtaa perusturvajohtaja …": the object is what the title's first part names."""
    obj, title = s.tokens[verb - 1], s.tokens[min(_skip_notes(s.tokens, verb + 1), len(s.tokens) - 1)]
    lemma = obj.lemma().lower()
    if (
        obj.case() != "osanto"
        or obj.plural()
        or len(lemma) < 4
        or not title.lemma().lower().startswith(lemma)
    ):
        return None  # "Toimialoja johtavat toimialajohtajat": a class, no body
    name = reader.facts.find(lemma) or reader.facts.body(lemma, "other", s.segment(), "body.fi.led")
    reader.touch(name)
    return name


def _item_org(reader: Reader, s: Sent, colon: int) -> str | None:
    """ "Varhaiskasvatus: palvelujohtajat …": the words before the colon name the body."""
    m = s.mention_ending(colon - 1)
    if m is not None and m.first == 0:
        return reader.body(s, m, "body.fi.head")
    name, aliases = phrase_name(s.tokens, 0, colon)
    if not name or colon > 5:
        return None
    found = reader.facts.find(name)
    if found:
        return found
    created = reader.facts.body(name, "service_area", s.segment(), "body.fi.head-list", aliases=aliases)
    reader.touch(created)
    return created


def title_line(reader: Reader, s: Sent) -> bool:
    """A line that is only a title ("Sivistysjohtaja") followed by a line that is only a name
    ("Ville Vihla"): the head of the body the title names, or of the section's body."""
    pending, reader.pending_title = reader.pending_title, None
    words = [t for t in s.tokens if t.text not in {".", ","}]
    if s.kind not in {"heading", "line"}:
        return False
    if len(words) == 1 and (title := leading_title(words[0])) is not None:
        reader.pending_title = (title, s)
        return True
    people, end = persons(s.tokens, 0)
    if pending is None or len(people) != 1 or end != len(words):
        return False
    title, _ = pending
    _record(reader, s, reader.by_title(title) or reader.section_body(), title, people, "head.fi.title-line")
    reader.person_contacts = True  # the phone and e-mail lines that follow are the person's
    return True


#: What a head construction found: the body, the title, the people, the rule and the next token.
Found = tuple[str | None, str, list[str], str, int]


#: What a head leads of a body: "johtaa kuntayhtymän hallintoa ja toimintaa".
ACTIVITY = frozenset({"toiminta", "hallinto", "työ"})


def leads(reader: Reader, s: Sent) -> None:
    """ "Hyvinvointialuejohtaja Sirpa Kauppinen johtaa hyvinvointialueen toimintaa", "Lisäksi hän
    johtaa edunajamisen tiimin sekä kansainvälisten asioiden tiimin toimintaa", a person card's
    "Johtaa … kuntayhtymän hallintoa ja toimintaa": the genitive bodies whose activity the holder
    leads — the title and person before the verb, or the holder read last ("hän", no subject)."""
    toks = s.tokens
    v = s.index("johtaa")
    if v < 0 or not toks[v].verb() or toks[v].verb_lemma() != "johtaa":
        return
    title = leading_title(toks[s.start]) if s.start < v else None
    people = persons(toks, s.start + 1)[0] if title else []
    if title is None and (s.start == v or (s.start + 1 == v and toks[s.start].low == "hän")):
        if reader.holder is None:
            return
        title, people = reader.holder[0], [reader.holder[1]]
    elif title is not None and not people and reader.holder is not None and reader.holder[0] == title:
        people = [reader.holder[1]]
    if title is None or not people:
        return
    for m in s.mentions:
        if m.first <= v or m.case != "omanto" or m.generic:
            continue
        k = m.last + 1
        while k < len(toks):  # "edunajamisen tiimin sekä kansainvälisten asioiden tiimin toimintaa"
            if toks[k].low in {"ja", "sekä"}:
                k += 1
            elif (nxt := _genitive_body(s, k)) is not None:
                k = nxt.last + 1
            else:
                break
        while k < len(toks) and toks[k].is_adjective() and toks[k].case() == "osanto":
            k += 1  # "operatiivista"
        if k < len(toks) and toks[k].lemma().lower() in ACTIVITY and toks[k].case() == "osanto":
            org = reader.body(s, m, "body.fi.head")
            if org is not None:
                reader.facts.head(org, title, people[0], s.segment(), "head.fi.leads")


def _genitive_body(s: Sent, k: int) -> Mention | None:
    m = s.mention_at(k)
    return m if m is not None and m.first == k and m.case == "omanto" and not m.generic else None


def heads(reader: Reader, s: Sent) -> None:
    if title_line(reader, s):
        return
    _titles(reader, s)
    leads(reader, s)  # after the title rules: a head they state is theirs


def _titles(reader: Reader, s: Sent) -> None:
    """Each leading title of the sentence, read by the first construction that fits it."""
    toks = s.tokens
    t = 0
    while t < len(toks):
        title = leading_title(toks[t])
        if title is None:
            _staff_led(reader, s, t)
            t += 1
            continue
        found = (
            _acting(reader, s, t, title)
            or _title_verb(reader, s, t, title)
            or _essive_subject(reader, s, t, title)
            or _item_role(reader, s, t)
            or _essive_post(reader, s, t, title)
        )
        if found is not None:
            org, title, people, rule, t = found
            _record(reader, s, org, title, people, rule)
            continue
        first = t
        adjective = _title_adjective(toks, t)
        if adjective:
            title, first = f"{adjective} {title}", t - 1  # "tekninen johtaja"
        colon = t + 1 < len(toks) and toks[t + 1].text == ":"  # "Johtaja: Kaisa Koski"
        people, after = persons(toks, t + 2 if colon else t + 1)
        org, rule = _org(reader, s, first, bool(people))
        if org is None and people and first == s.start:
            org, rule = reader.municipality_led(title, s), "head.fi.title"  # "Kaupunginjohtaja Jukka Jokinen"
        _record(reader, s, org, title, people, rule)
        if people and rule == "head.fi.title-line":
            reader.person_contacts = True  # the phone lines that follow are the person's
        t = max(after, t + 1)


def _staff_led(reader: Reader, s: Sent, t: int) -> None:
    """ "Rakennusvalvontaa johtaa rakennustarkastaja Kimmo Koski", "… johtaa johtava lääkäri Mikko
    Mattila": "johtaa" makes any title a head."""
    toks = s.tokens
    if t == 0 or not (toks[t - 1].is_lemma("johtaa") and toks[t - 1].verb()):
        return
    phrase = _title_phrase(toks, t)
    people, _ = persons(toks, phrase[1]) if phrase else ([], t)
    if phrase and people:
        _record(reader, s, _led_org(reader, s, t - 1), phrase[0], people, "head.fi.johtaa")


def _title_phrase(toks: list[Token], i: int) -> tuple[str, int] | None:
    """A title at ``i``, with a participle or adjective before it ("johtava lääkäri", "vastaava
    sosiaalityöntekijä"): the title and the index after it."""
    if i < len(toks) and _staff_title(toks[i]):
        return toks[i].lemma().lower(), i + 1
    nxt = i + 1
    if (
        nxt < len(toks)
        and toks[i].is_adjective()
        and toks[i].low.endswith(("va", "vä", "nen"))
        and _staff_title(toks[nxt])
    ):
        return f"{toks[i].low} {toks[nxt].lemma().lower()}", nxt + 1
    return None


def _title_verb(reader: Reader, s: Sent, t: int, title: str) -> Found | None:
    """ "Osaston päällikkönä toimii rahoitusjohtaja X", "Yksikön esimiehenä toimii rakennustarkastaja
    X", "Hallinto-osaston päällikkö on hallintojohtaja X", "Lautakunnan puheenjohtaja on X"."""
    toks = s.tokens
    nxt = t + 1
    if nxt + 1 >= len(toks) or not (toks[nxt].is_lemma("olla", "toimia") and toks[nxt].verb()):
        return None
    org = _genitive_org(reader, s, t)
    if not org and t == s.start and toks[nxt].low == "on" and persons(toks, nxt + 1)[0]:
        org = reader.municipality_led(title, s)  # "Kaupunginjohtaja on Jukka Jokinen."
    if not org:
        return None
    own = min(_skip_notes(toks, nxt + 1), len(toks) - 1)  # "… johtajana toimii vs. ympäristöjohtaja X"
    second, held = leading_title(toks[own]), own + 1
    if second is None and toks[t].case() == "olento" and (phrase := _title_phrase(toks, own)):
        second, held = phrase  # "Yksikön esimiehenä toimii (johtava) rakennustarkastaja …"
    if second:
        people, after = persons(toks, held)
        return org, second, people, "head.fi.paallikkona", after
    people, after = persons(toks, nxt + 1)
    return org, title, people, "head.fi.on", max(after, t + 1)


#: Words that may stand between "toimii" and the acting holder: a date ("15.1.2024 alkaen").
_WHEN = frozenset({".", "alkaen", "lähtien", "asti", "saakka"})
#: How many words of the holder's own title ("Hallinto-tulosalueen johtaja") may precede the name.
MAX_OWN_TITLE = 4


def _acting(reader: Reader, s: Sent, t: int, title: str) -> Found | None:
    """ "Hallintojohtajan sijaisena toimii talouspäällikkö Pekka Laine", "toimitusjohtajan
    viransijaisena toimii 15.1.2024 alkaen … Jussi Saarinen": the acting holder heads the post's
    body under the post's title (gold convention A: "rehtorin sijainen" → "rehtori"); the absent
    holder is not named here."""
    toks = s.tokens
    role, verb = t + 1, t + 2
    if verb >= len(toks) or toks[t].case() != "omanto" or toks[role].case() != "olento":
        return None
    if not toks[role].is_lemma("sijainen", "viransijainen") or not toks[role].text.lower().endswith("na"):
        return None
    if not (toks[verb].is_lemma("toimia", "olla") and toks[verb].verb()):
        return None
    k = verb + 1
    while k < len(toks) and (toks[k].text.isdigit() or toks[k].low in _WHEN):
        k += 1
    for start in range(k, min(k + MAX_OWN_TITLE + 1, len(toks))):
        people, _ = persons(toks, start)
        if people:
            break
        if not toks[start].word:
            return None
    else:
        return None
    org = _genitive_org(reader, s, t) or reader.heads_body(title) or reader.municipality_led(title, s)
    # the holder's own title is read next ("Hallinto-tulosalueen johtaja Jussi Saarinen")
    return (org, title, people, "head.fi.acting", verb + 1) if org is not None else None


def _essive_subject(reader: Reader, s: Sent, t: int, title: str) -> Found | None:
    """ "Sivistysjohtajana toimii Anne Aalto.", "Toimialajohtajana toimii sivistysjohtaja Timo
    Tuominen" (the holder's own title is the one recorded)."""
    toks = s.tokens
    nxt = t + 1
    if (
        t != s.start
        or toks[t].case() != "olento"
        or nxt >= len(toks)
        or not toks[nxt].is_lemma("toimia", "olla")
    ):
        return None
    phrase = _title_phrase(toks, nxt + 1)
    own = phrase[0] if phrase else None
    people, after = persons(toks, phrase[1] if phrase else nxt + 1)
    if not people or not toks[nxt].verb():
        return None
    org = reader.by_title(toks[t].lemma()) or reader.subject or reader.section_body()
    org = org or reader.municipality_led(title, s)  # "Kaupunginjohtajana toimii Jukka Mäkelä."
    return org, own or title, people, "head.fi.essive", after


def _essive_post(reader: Reader, s: Sent, t: int, title: str) -> Found | None:
    """ "Talousjohtaja (Ville Virta) toimii talousyksikön päällikkönä": the title at ``t`` is the
    post, the body is the genitive before the essive role word."""
    toks = s.tokens
    people, v = persons(toks, t + 1)
    if v >= len(toks) or not (toks[v].is_lemma("toimia") and toks[v].verb()):
        return None
    m = s.mention_at(v + 1)
    role = m.last + 1 if m is not None else -1
    if m is None or m.first != v + 1 or m.case != "omanto" or m.generic or role >= len(toks):
        return None
    if toks[role].case() != "olento" or (post := leading_title(toks[role])) is None:
        return None
    if not people and reader.holder is not None and reader.holder[0] == title:
        people = [reader.holder[1]]  # "Maakuntajohtaja toimii johtoryhmän puheenjohtajana" after her card
    chair = post.endswith("puheenjohtaja")  # she chairs the group: her post there is the chair
    org = reader.body(s, m, "body.fi.head")
    return (
        (org, post if chair else title, people, "head.fi.paallikkona", role + 1) if org is not None else None
    )


def _item_role(reader: Reader, s: Sent, t: int) -> Found | None:
    """ "1. Hallinto ja kehittäminen, johtajana hallinto- ja kehittämisjohtaja Kalle Koski": an
    essive role word after the comma that ends a body's name, then the title and its holder."""
    toks = s.tokens
    if t < 2 or toks[t - 1].text != "," or toks[t].case() != "olento" or t + 1 >= len(toks):
        return None
    nxt = t + 1
    if (
        nxt + 2 < len(toks)
        and toks[nxt].text.endswith("-")
        and toks[nxt + 1].low == "ja"
        and (second := leading_title(toks[nxt + 2])) is not None
    ):
        title, after = f"{toks[nxt].text.lower()} ja {second}", nxt + 3  # "hallinto- ja kehittämisjohtaja"
    elif (single := leading_title(toks[nxt])) is not None:
        title, after = single, nxt + 1
    else:
        return None
    m = s.mention_ending(t - 2)
    org = reader.body(s, m, "body.fi.head") if m is not None and m.first == s.start else None
    if org is None:
        name, _ = phrase_name(toks, s.start, t - 1)
        org = reader.facts.find(name) if name else None
    if org is None:
        return None
    people, end = persons(toks, after)
    return org, title, people, "head.fi.item-role", max(end, after)


def _staff_title(tok: Token) -> bool:
    """A title that leads nothing by itself ("rakennustarkastaja", "kehittämissihteeri")."""
    lemma = tok.lemma().lower()
    return tok.word and is_title(lemma) and not lemma.startswith(DEPUTY_PREFIXES)


def _title_adjective(toks: list[Token], t: int) -> str | None:
    """An -inen adjective that is part of a title ("tekninen johtaja"), agreeing with it."""
    if t == 0:
        return None
    title = toks[t].noun()
    for r in toks[t - 1].readings:
        if r.cls == "laatusana" and r.lemma.endswith("inen") and title is not None and r.case == title.case:
            return r.lemma
    return None


def _org(reader: Reader, s: Sent, t: int, named: bool) -> tuple[str | None, str]:
    """Which body the title at ``t`` heads, and the rule that says so."""
    toks = s.tokens
    p = _notes_before(toks, t)  # "Toimialaa johtaa vs. toimialajohtaja …"
    if p > 0 and toks[p - 1].is_lemma("johtaa") and toks[p - 1].verb():
        return _led_org(reader, s, p - 1), "head.fi.johtaa"
    if (org := _genitive_org(reader, s, t)) is not None:
        return org, "head.fi.genitive"
    m = s.mention_ending(t - 1) if t > 0 else None
    if named and m is not None and m.case == "osanto" and not m.generic and m.first > 0:
        verb = s.index("johtaa")  # "A:ta johtaa X ja B:tä Y": the verb is left out of the second clause
        if toks[m.first - 1].low == "ja" and 0 <= verb < m.first:
            return reader.body(s, m, "body.fi.head"), "head.fi.johtaa"
    if named and t > 1 and toks[t - 1].is_lemma("vastata") and toks[t - 1].verb():
        m = s.mention_ending(t - 2)  # "Ruokapalveluista vastaa ruokapalvelupäällikkö Tiina Nieminen"
        if m is not None and m.case == "sisaeronto" and not m.generic and m.first == s.start:
            return reader.body(s, m, "body.fi.head"), "head.fi.vastaa"
    if t > 1 and toks[t - 1].is_lemma("olla", "toimia") and toks[t - 2].is_lemma("johto"):
        m = s.mention_ending(t - 3) if t > 2 else None
        org = reader.body(s, m) if m is not None and m.case == "omanto" else None
        return org or reader.subject or reader.section_body(), "head.fi.johdossa"
    if not named:
        return None, ""
    colon = next((i for i in range(min(t, 7)) if toks[i].text == ":"), -1)
    if s.kind in {"item", "line", "heading"} and colon > 0 and colon == t - 1:
        return _item_org(reader, s, colon), "head.fi.list"
    short = sum(tok.word for tok in toks) <= MAX_TITLE_LINE_WORDS  # "Puheenjohtaja Jari Jokela, kesk."
    if t == s.start and (s.kind in {"item", "line", "heading"} or short):
        return reader.by_title(toks[t].lemma()) or reader.section_body(), "head.fi.title-line"
    if t == s.start:
        return reader.by_title(toks[t].lemma()), "head.fi.title"
    return None, ""
