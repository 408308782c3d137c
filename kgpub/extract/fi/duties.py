"""Duties: what a body does or is responsible for, one per statement; the text is the span saying what.

* "Elinkeino-osasto huolehtii X:stä", "Hallinto vastaa myös X:stä" → X (the object is the duty);
  "Kaupunginkanslia hoitaa …", "Hallinto käy … ja vastaa …" → from the verb on;
* "X:n tehtävänä on …", "Sen tehtävänä on …", "…, jonka tehtävänä on …";
* "X:n vastuisiin kuuluvat …", "X:ään kuuluu velkaneuvonta, …" (when what belongs names no body);
* passive "Talousohjauksessa laaditaan …"; necessive "Kaupunginhallituksen on valmisteltava …";
* "X on riippumatonta … toimintaa, …" (a partitive predicate describes an activity);
* "…, joka tuottaa …" (a relative clause on the subject);
* object first: "Kuntayhtymän ylintä päätösvaltaa käyttää valtuusto";
* "Taloudenhoidon vastuu käsittää …" in a body's section;
* "X vastaa:" or a body heading followed by bulleted items: one duty per item.

A negated verb ("ei palvele") states no duty; a statement cut off at the end of the page is left out.
"""

from __future__ import annotations

from .bodies import Mention
from .context import Reader, Sent
from .lexicon import (
    ADVERBS,
    COMPOSITION_VERBS,
    DUTY_NOUNS,
    DUTY_VERBS,
    OBJECT_ONLY_VERBS,
    OBLIGATION_VERBS,
    SAME_AS_OWNER,
)
from .lists import item_mention, items
from .names import is_title
from .tokens import Token

END_PUNCT = " .;:!?,"
DASHES = frozenset({"–", "—", "-", ":"})
RELATIVE_WORDS = frozenset({"joka", "mikä"})


def _duty(reader: Reader, s: Sent, org: str | None, a: int, b: int, rule: str) -> None:
    if org is None or a >= b or _cut_off(s):
        return
    text, _, _ = s.text(a, b)
    text = text.strip(END_PUNCT)
    if len(text) < 3:
        return
    reader.facts.duty(org, text, s.sentence.start, s.sentence.end, rule)
    reader.last_duty = (org, s.sentence.block)


def _cut_off(s: Sent) -> bool:
    """A statement the page truncated: no final punctuation and a last word nobody knows ("elämänh")."""
    last = s.tokens[-1] if s.tokens else None
    return last is not None and last.word and not last.readings and s.sentence.text[-1:].isalpha() and s.last


def _subject_after(s: Sent, a: int, b: int) -> bool:
    """Only a singular nominative body after the verb: the subject of an object-first clause (an
    object in the nominative would be plural)."""
    m = s.mention_at(a)
    return m is not None and m.first == a and m.last == b - 1 and m.case == "nimento" and not _plural(s, m)


def _plural(s: Sent, m: Mention) -> bool:
    return s.tokens[m.head].plural()


def _skip_relative(s: Sent, i: int) -> int:
    """Past a relative clause between commas after the subject ("Kunnanhallitus, jonka alaisuudessa
    toimii konsernipalvelut, vastaa …"): the index after its closing comma, else ``i``."""
    if i + 1 >= len(s.tokens) or s.tokens[i].text != "," or s.tokens[i + 1].lemma() not in RELATIVE_WORDS:
        return i
    close = next((k for k in range(i + 2, len(s.tokens)) if s.tokens[k].text == ","), -1)
    return close + 1 if close > 0 else i


def _skip_adverbs(s: Sent, i: int) -> int:
    while i < len(s.tokens) and (s.tokens[i].low in ADVERBS or s.tokens[i].text == "."):
        i += 1
    return i


def _duty_verb(tok: Token) -> str | None:
    """A duty verb in the present: "päätti panna asian pöydälle" reports a one-off act, not a duty."""
    v = tok.verb()
    if v is None or v.person != "3" or v.lemma not in DUTY_VERBS:
        return None
    present = any(r.lemma == v.lemma and r.tense != "past_imperfective" for r in tok.readings)
    return v.lemma if present else None  # "arvioi" is also a present: only a past-only form is refused


def subject_verb(reader: Reader, s: Sent) -> bool:
    """ "Osasto huolehtii …", "Lisäksi se vastaa …", "• Tietohallintopalvelut vastaa …"."""
    if s.start >= len(s.tokens):
        return False
    first = s.mention_at(s.start)
    after = first.last + 1 if first is not None and first.first == s.start else s.start + 1
    if s.kind in {"item", "line"} and after < len(s.tokens) and s.tokens[after].text in DASHES:
        after += 1  # "• Elinkeinopalvelut – vastaa yritysneuvonnasta"
    after = _skip_relative(s, after)
    v = _skip_adverbs(s, after)
    if v >= len(s.tokens) or (lemma := _duty_verb(s.tokens[v])) is None:
        return False
    if lemma == "toimia" and s.index("alaisuus", "alainen", after=v) >= 0:
        return False  # "toimii kansliapäällikön alaisuudessa" is subordination
    org = reader.subject_role(s)
    if org is None:
        return False
    end = s.end()
    if end == v + 1 or (s.tokens[-1].text == ":" and s.kind != "item"):
        # "Kaupunginhallitus vastaa" + bulleted items; "Yleinen osasto käsittelee asiat, jotka
        # koskevat:" + items: the lead-in is no duty, each item is one
        reader.open_duties = org
        return True
    if _subject_after(s, v + 1, end):
        return False  # "Sosiaali- ja terveyspalvelut tuottaa Pohjanmaan hyvinvointialue"
    clause = _next_clause(s, v + 1, end)
    if clause is not None:
        end = clause[0]
    later = any(_duty_verb(t) for t in s.tokens[v + 1 : end])
    start = _skip_adverbs(s, v + 1) if lemma in OBJECT_ONLY_VERBS and not later else v
    _duty(reader, s, org, start, end, f"duty.fi.{lemma}")
    if clause is not None:
        _, m, w = clause  # "… ja valtuusto päättää niistä": the second clause is its subject's
        if not m.generic and (second := _duty_verb(s.tokens[w])) is not None and second != "toimia":
            at = _skip_adverbs(s, w + 1) if second in OBJECT_ONLY_VERBS else w
            _duty(reader, s, reader.body(s, m, "body.fi.duty"), at, s.end(), f"duty.fi.{second}")
    return True


def _next_clause(s: Sent, a: int, b: int) -> tuple[int, Mention, int] | None:
    """ "Kunnanhallitus valmistelee asiat ja valtuusto päättää niistä": where a coordinated clause with
    a subject of its own begins — the conjunction, the subject and its verb."""
    for i in range(a, b - 2):
        if s.tokens[i].low not in {"ja", "sekä", "mutta"}:
            continue
        m = s.mention_at(i + 1)
        if m is None or m.first != i + 1 or m.case != "nimento" or m.last + 1 >= b:
            continue
        verb = s.tokens[m.last + 1].verb()
        if verb is not None and verb.person == "3":
            return i, m, m.last + 1
    return None


def coordinated_subjects(reader: Reader, s: Sent) -> bool:
    """ "Tekninen lautakunta ja sen alainen lupajaosto vastaavat rakentamisen valvonnasta": one duty
    for each coordinated subject of a plural verb."""
    subjects: list[Mention] = []
    j = s.start
    while j < len(s.tokens):
        m = s.mention_at(j)
        if m is None or m.first != j or m.case != "nimento" or m.generic:
            break
        subjects.append(m)
        j = m.last + 1
        if j < len(s.tokens) and s.tokens[j].low in {"ja", "sekä", ","}:
            j += 1
            if j + 1 < len(s.tokens) and s.tokens[j].low == "sen" and s.tokens[j + 1].is_lemma("alainen"):
                j += 2
            continue
        break
    verb = s.tokens[j].verb() if len(subjects) > 1 and j < len(s.tokens) else None
    if verb is None or verb.number != "plural" or (lemma := _duty_verb(s.tokens[j])) is None:
        return False
    start = _skip_adverbs(s, j + 1) if lemma in OBJECT_ONLY_VERBS else j
    for m in subjects:
        _duty(reader, s, reader.body(s, m, "body.fi.duty"), start, s.end(), f"duty.fi.{lemma}")
    return True


def coordinated_verb(reader: Reader, s: Sent) -> bool:
    """ "Sosiaali- ja terveyslautakunta toimii kunnanhallituksen alaisuudessa ja vastaa …": a duty verb
    coordinated with the first verb of a sentence that opens with its body, the same subject."""
    first = s.mention_at(s.start) if s.start < len(s.tokens) else None
    if first is None or first.first != s.start or first.case != "nimento" or first.generic:
        return False
    end = s.end()
    for i in range(first.last + 2, end - 1):
        if s.tokens[i].low != "ja" or s.tokens[i - 1].text in {",", ":"}:
            continue
        v = _skip_adverbs(s, i + 1)
        if v >= end or (lemma := _duty_verb(s.tokens[v])) is None:
            continue
        if any(m.case == "nimento" and first.last < m.first < i and not m.generic for m in s.mentions):
            return False  # another subject in between: "X toimii ja Y vastaa …" is not X's
        org = reader.body(s, first, "body.fi.duty")
        start = _skip_adverbs(s, v + 1) if lemma in OBJECT_ONLY_VERBS else v
        if org is None or start >= end:
            return False
        _duty(reader, s, org, start, end, f"duty.fi.{lemma}")
        return True
    return False


def task(reader: Reader, s: Sent) -> None:
    """ "X:n tehtävänä on …", "Sen tehtävänä on …", "…, jonka tehtävänä on …"."""
    for i, tok in enumerate(s.tokens[:-1]):
        if not tok.lemma().lower().endswith("tehtävä") or tok.case() not in {"olento", "nimento"}:
            continue  # "tehtävänä", "päätehtävänä", "perustehtävänä"
        if not s.tokens[i + 1].is_lemma("olla") or i == 0:
            continue
        if i + 2 < len(s.tokens) and s.tokens[i + 2].is_lemma(*COMPOSITION_VERBS):
            continue  # "Sosiaalitoimen tehtävät on jaettu kolmelle tulosalueelle: …" is a division
        j = i - 1
        while j > 0 and s.tokens[j].is_adjective() and s.tokens[j].case() == tok.case():
            j -= 1  # "Hallinto-osaston keskeisimpänä tehtävänä on …"
        before = s.tokens[j]
        org: str | None = None
        if before.low in {"jonka"}:
            org = reader.subject_role(s)
        elif before.is_lemma("se"):
            org = reader.pronoun(before)
        elif (m := s.mention_ending(j)) is not None and m.case == "omanto" and not m.generic:
            org = reader.body(s, m, "body.fi.duty")
        first = _infinitive(s, _skip_adverbs(s, i + 2))
        if first >= s.end():
            reader.open_duties = org or reader.open_duties  # "… tehtävänä on (mm.):" + items
        _duty(reader, s, org, first, s.end(), "duty.fi.tehtava")


def _infinitive(s: Sent, first: int) -> int:
    """Where the duty starts after "tehtävänä on": at its infinitive when only adverbials and a
    parenthesis stand before it ("sen eri toimialoilla (varhaiskasvatus, …) edistää …"), else ``first``."""
    depth = 0
    for k in range(first, s.end()):
        tok = s.tokens[k]
        depth += (tok.text == "(") - (tok.text == ")")
        if depth or tok.text == ")":
            continue
        if any(r.mood == "A-infinitive" for r in tok.readings):
            return k
        nominative = any(r.cls == "nimisana" and r.case == "nimento" for r in tok.readings)
        if tok.verb() is not None or nominative or tok.text in {",", ":", ";"}:
            return first  # a subject or an object: the duty is the whole phrase
    return first


def belongs(reader: Reader, s: Sent) -> None:
    """ "X:n vastuisiin kuuluvat …", "Samoin kaupunginkansliaan kuuluu velkaneuvonta, …"."""
    verb = s.index("kuulua")
    if verb <= 0 or s.tokens[verb].verb() is None:
        return
    before = s.tokens[verb - 1]
    org: str | None = None
    start = verb - 1
    if before.is_lemma(*DUTY_NOUNS) or (verb > 1 and s.tokens[verb - 2].is_lemma(*DUTY_NOUNS)):
        at = verb - 1 if before.is_lemma(*DUTY_NOUNS) else verb - 2
        m = s.mention_ending(at - 1)
        start = at - 1
        if m is not None and not m.generic and m.case in {"omanto", "nimento"}:
            org = reader.body(s, m, "body.fi.duty")
    elif (m := s.mention_ending(start)) is not None and m.case in {"sisatulento", "osanto"} and not m.generic:
        if any(x.first > verb and (x.strong or reader.known(x.name)) for x in s.mentions):
            return  # what belongs are bodies: a part-of statement
        if m.word in SAME_AS_OWNER and m.strong and (v := s.tokens[verb].verb()) and v.number == "plural":
            return  # "Toimialaan kuuluvat a, b ja c": its units (hierarchy reads them), no duty
        org = reader.body(s, m, "body.fi.duty")
    after = [t for t in s.tokens[verb + 1 : s.end()] if t.word and t.low not in {"ja", "sekä"}]
    if after and all(is_title(t.lemma()) for t in after):
        return  # "Johtoryhmään kuuluvat hyvinvointialuejohtaja ja toimialajohtajat": members, no duty
    _duty(reader, s, org, _skip_adverbs(s, verb + 1), s.end(), "duty.fi.kuuluu")


def passive_listed(reader: Reader, s: Sent) -> bool:
    """ "Liiketoimintaa harjoitetaan A Oy:ssä, B Oy:ssä ja C Oy:ssä": an object first, a passive
    verb, then the bodies in which it is done — one duty for each."""
    toks = s.tokens
    v = s.start + 1
    while v < s.end() and toks[v].verb() is None:
        v += 1
    verb = toks[v].verb() if v < s.end() else None
    if verb is None or verb.person != "4" or not any(t.case() == "osanto" for t in toks[s.start : v]):
        return False
    ranges = items(toks, v + 1, s.end())
    found = [item_mention(s, a, b) for a, b in ranges]
    places = [m for m in found if m is not None and not m.generic and m.case in {"sisaolento", "ulkoolento"}]
    if len(places) < 2 or len(places) < len(ranges):
        return False
    for m in places:
        _duty(reader, s, reader.body(s, m, "body.fi.duty"), s.start, v + 1, "duty.fi.passive")
    return True


def passive(reader: Reader, s: Sent) -> None:
    """ "Talousohjauksessa kootaan ja valmistellaan …", "Niin ikään talousohjauksessa laaditaan …"."""
    if passive_listed(reader, s):
        return
    m = s.mention_at(s.start)
    if m is None or m.first != s.start or m.case != "sisaolento" or m.generic:
        return
    v = m.last + 1
    if v < len(s.tokens) and (r := s.tokens[v].verb()) is not None and r.person == "4":
        _duty(reader, s, reader.body(s, m, "body.fi.duty"), v, s.end(), "duty.fi.passive")


def necessive(reader: Reader, s: Sent) -> None:
    """ "Kaupunginhallituksen on myös valmisteltava valtuustossa käsiteltävät asiat"."""
    m = s.mention_at(s.start)
    if m is None or m.first != s.start or m.case != "omanto" or m.last + 1 >= len(s.tokens):
        return
    if not s.tokens[m.last + 1].is_lemma("olla"):
        return
    p = _skip_adverbs(s, m.last + 2)
    if p < len(s.tokens) and any(r.participle == "present_passive" for r in s.tokens[p].readings):
        _duty(reader, s, reader.body(s, m, "body.fi.duty"), p, s.end(), "duty.fi.necessive")


def predicate(reader: Reader, s: Sent) -> None:
    """ "Sisäinen tarkastus on riippumatonta ja objektiivista … toimintaa, jonka tarkoituksena on …"."""
    m = s.mention_at(s.start)
    if m is None or m.first != s.start or m.case != "nimento" or m.last + 2 >= len(s.tokens):
        return
    verb, first = s.tokens[m.last + 1], s.tokens[m.last + 2]
    if (
        verb.low == "on"
        and first.has_case("osanto")
        and first.noun() is not None
        and not first.is_lemma("osa")
    ):
        _duty(reader, s, reader.body(s, m, "body.fi.duty"), m.last + 2, s.end(), "duty.fi.on")


def relative(reader: Reader, s: Sent) -> None:
    """ "Tietohallintopalvelut on … tukipalveluyksikkö, joka tuottaa …"."""
    at = s.index("joka")
    if (
        at <= 0
        or at + 1 >= len(s.tokens)
        or s.tokens[at].low != "joka"
        or _duty_verb(s.tokens[at + 1]) is None
        or (s.tokens[at + 1].is_lemma("toimia") and s.index("alaisuus", "alainen", after=at) >= 0)
    ):
        return  # "…, joka toimii X:n alaisuudessa" is subordination
    m = s.mention_ending(at - 2) if at >= 2 and s.tokens[at - 1].text == "," else None
    first = s.mention_at(s.start)
    existential = first is not None and first.first == s.start and first.case in {"sisaolento", "ulkoolento"}
    described = (
        m is not None
        and any(t.low in {"on", "ovat"} for t in s.tokens[s.start : m.first])
        and not existential  # "X:llä on … kirjaamo, joka toimii …": "on" states the body, not a role
    )
    if m is not None and m.case == "nimento" and not m.generic and not described:
        org = reader.body(s, m, "body.fi.duty")  # "… alaisena toimii elinvoimajaosto, joka vastaa …"
    else:
        org = reader.subject_role(s)  # "X on … tukipalveluyksikkö, joka tuottaa …": the subject
    lemma = _duty_verb(s.tokens[at + 1])
    start = _skip_adverbs(s, at + 2) if lemma in OBJECT_ONLY_VERBS else at + 1
    _duty(reader, s, org, start, s.end(), "duty.fi.joka")


#: Voikko's local cases: a clause that opens with one of these ("Kunnassa toimii X") names a place.
PLACE_CASES = frozenset(
    {"sisaolento", "sisaeronto", "sisatulento", "ulkoolento", "ulkoeronto", "ulkotulento"}
)


def listed_subjects(reader: Reader, s: Sent) -> bool:
    """ "Julkisia hallintotehtäviä hoitavat Luontopalvelut ja Eräpalvelut", "Keskuksia ohjaavat X:n
    lisäksi A, B sekä C": an object first, a plural duty verb, then an enumeration of the bodies that
    do it — one duty for each (and for X, "besides" whom they do it)."""
    toks, end = s.tokens, s.end()
    v = next((k for k in range(s.start + 1, end) if toks[k].verb() is not None), -1)
    verb = toks[v].verb() if v > 0 else None
    if verb is None or verb.number != "plural" or _duty_verb(toks[v]) is None:
        return False
    before = toks[s.start : v]
    if not any(t.word and t.case() == "osanto" for t in before) or any(
        t.lemma() in RELATIVE_WORDS for t in before
    ):
        return False  # the object, in the partitive, stands first
    ranges = items(toks, v + 1, end)
    if len(ranges) < 2:
        return False
    subjects: list[str] = []
    for a, b in ranges:
        m = item_mention(s, a, b)
        if m is None or m.generic or m.case != "nimento":
            name = reader.facts.find(s.sentence.text[toks[a].start : toks[b - 1].end])
            if name is None or b - a > 1:
                return False  # an item that names no body: no list of subjects
            subjects.append(name)  # "AVI", read before as a short name
            continue
        besides = [x for x in s.mentions if a <= x.first and x.last + 1 < m.first and x.case == "omanto"]
        subjects += [n for x in besides if toks[x.last + 1].low == "lisäksi" and (n := reader.body(s, x))]
        if (name := reader.body(s, m, "body.fi.duty")) is not None:
            subjects.append(name)
    for org in dict.fromkeys(subjects):
        _duty(reader, s, org, s.start, v + 1, "duty.fi.object-first")
    return bool(subjects)


def object_first(reader: Reader, s: Sent) -> None:
    """ "Kuntayhtymän ylintä päätösvaltaa käyttää valtuusto, …": the subject ends the clause."""
    if listed_subjects(reader, s):
        return
    for m in s.mentions:
        if m.case != "nimento" or m.generic or m.first <= s.start + 1:
            continue
        v = m.first - 1
        nxt = s.tokens[m.last + 1].text if m.last + 1 < len(s.tokens) else "."
        if _duty_verb(s.tokens[v]) is None or nxt not in {".", ",", ";"}:
            continue
        if v > 0 and s.tokens[v - 1].is_lemma("olla"):
            continue  # "tehtävänä on järjestää sosiaalipalvelut": an infinitive, the object is no subject
        if v > 0 and s.tokens[v - 1].case() == "olento" and s.tokens[v].is_lemma("toimia"):
            continue  # "…, jonka johtokuntana toimii tekninen lautakunta": a role, not a duty
        if any(t.lemma() in {"joka", "mikä"} for t in s.tokens[s.start : v]):
            continue  # the verb is in a relative clause: its subject's duty is no sentence of its own
        if (
            s.mention_at(s.start) is not None
            and s.mention_at(s.start) is not m
            and s.tokens[s.start].case() == "nimento"
            and (_plural(s, m) or m.last + 1 < s.end())
        ):
            continue
        start = s.start
        cue = s.index("alaisena", "alaisuudessa", "alla")
        if 0 <= cue < v:
            start = cue + 1
        if start >= v:
            return  # nothing before the verb: "… alaisuudessa toimii konsernihallinto" states no duty
        if all(t.low in ADVERBS or t.case() in PLACE_CASES for t in s.tokens[start:v]):
            return  # only a place before the verb: "Kunnassa toimii keskusvaalilautakunta" says where
        _duty(reader, s, reader.body(s, m, "body.fi.duty"), start, v + 1, "duty.fi.object-first")
        return


def remit(reader: Reader, s: Sent) -> None:
    """ "Taloudenhoidon vastuu käsittää …" in the section of a body."""
    for i in range(s.start, min(s.start + 3, len(s.tokens) - 1)):
        tok, verb = s.tokens[i], s.tokens[i + 1]
        if (
            tok.is_lemma("vastuu", "tehtävä")
            and tok.case() == "nimento"
            and verb.is_lemma("käsittää", "sisältää")
        ):
            _duty(reader, s, reader.section_body() or reader.subject, i + 2, s.end(), "duty.fi.vastuu")
            return


def listed(reader: Reader, s: Sent) -> bool:
    """An item of a duty list ("• hallinnosta", "• huolehtii …" under a body heading)."""
    if s.kind != "item":
        return False
    org = reader.open_duties
    if org is not None and reader.verb_items and (not s.tokens or s.tokens[0].verb() is None):
        return False  # under "Tässä tarkoituksessa kuntayhtymä" an item without its verb is no duty
    if org is None and s.tokens and _duty_verb(s.tokens[0]) is not None:
        org = reader.section_body()
    if org is None:
        return False
    _duty(reader, s, org, 0, s.end(), "duty.fi.list")
    return True


#: How many words a lead-in ("Tässä tarkoituksessa liikelaitoskuntayhtymä") may have.
MAX_LEAD_IN_WORDS = 8


def lead_in(reader: Reader, s: Sent) -> bool:
    """A lead-in naming the body whose duties the items below state: "PELASTUSLAITOKSEN TULEE
    HUOLEHTIA ALUEELLAAN:" (an obligation and a duty verb; each item is the verb's object), "lisäksi
    pelastuslaitos:" or "Tässä tarkoituksessa liikelaitoskuntayhtymä" (only the subject; each item
    starts with its own verb: "1. Huolehtii …", "• voi suorittaa …")."""
    text = s.sentence.text.rstrip()
    colon = text.endswith(":")
    label = s.kind in {"line", "heading"} and text[-1:].isalpha()
    if s.kind == "item" or not s.before_item or reader.open_duties is not None or not (colon or label):
        return False
    end = s.end()
    if not 0 < sum(t.word for t in s.tokens[:end]) <= MAX_LEAD_IN_WORDS:
        return False
    m = next((x for x in s.mentions if not x.generic and x.case in {"omanto", "nimento"}), None)
    if m is None:
        return False
    before = s.tokens[s.start : m.first]
    if len(before) > 3 or any(t.verb() is not None or t.case() == "nimento" for t in before):
        return False  # "Tässä tarkoituksessa": only an adverbial before the subject
    after = s.tokens[m.last + 1 : end]
    if m.case == "omanto":
        obliged = len(after) >= 2 and after[0].is_lemma(*OBLIGATION_VERBS) and after[0].verb() is not None
        if not (colon and obliged and after[1].is_lemma(*DUTY_VERBS)):
            return False
        verbs = False
    elif after or any(t.verb() is not None for t in before):
        return False
    else:
        verbs = True
    org = reader.body(s, m, "body.fi.duty")
    if org is None:
        return False
    reader.open_duties, reader.verb_items = org, verbs
    return True


def task_list(reader: Reader, s: Sent) -> None:
    """ "Elinvoimapalveluiden tehtävät:", "X:n tehtäviä ovat:" followed by bulleted duties."""
    if not s.tokens or s.tokens[-1].text != ":":
        return
    at = next((i for i, t in enumerate(s.tokens) if t.is_lemma(*DUTY_NOUNS) and t.plural()), -1)
    m = s.mention_ending(at - 1) if at > 0 else None
    if m is not None and m.case == "omanto" and not m.generic:
        reader.open_duties = reader.body(s, m, "body.fi.duty")


def elliptic(reader: Reader, s: Sent) -> bool:
    """ "Sivistystoimen … tehtävänä on … edistää asukkaiden hyvinvointia. Turvataan … Edistää kunnan
    elinvoimaisuutta …": a paragraph sentence that opens with a duty verb and no subject continues
    the body the same paragraph last gave a duty (a person read since ends that: a card's
    "Johtaa …" lines are the person's)."""
    if s.kind != "paragraph" or s.start != 0 or not s.tokens or reader.last_duty is None:
        return False
    org, block = reader.last_duty
    lemma = _duty_verb(s.tokens[0]) if s.tokens[0].cap else None
    if block != s.sentence.block or lemma is None or lemma == "toimia":
        return False
    start = _skip_adverbs(s, 1) if lemma in OBJECT_ONLY_VERBS else 0
    _duty(reader, s, org, start, s.end(), f"duty.fi.{lemma}")
    return True


def duties(reader: Reader, s: Sent) -> None:
    if listed(reader, s) or elliptic(reader, s):
        return
    if (
        not subject_verb(reader, s)
        and not coordinated_verb(reader, s)
        and not coordinated_subjects(reader, s)
    ):
        for rule in (passive, necessive, predicate, object_first, remit):
            rule(reader, s)
    task(reader, s)
    belongs(reader, s)
    relative(reader, s)
    task_list(reader, s)
    lead_in(reader, s)
