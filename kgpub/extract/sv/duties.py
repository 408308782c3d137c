"""Swedish duty rules: what a body does, from a sentence, a relative clause or a list.

"<organ> svarar/ansvarar för …", "<organ> leder/bereder/sköter/utövar …", "<organ>, som ansvarar för …",
"<organ>s uppgift är att …", and "<organ> ansvarar för:" or "<organ>s uppgift är" followed by a bulleted
or numbered list (one duty per item); "Sektionerna beslutar om …" and "Den svarar för …" for the bodies
a plural or a pronoun refers back to.
"""

from __future__ import annotations

import re

from ..core.facts import words
from ..core.persons import PERSON
from ..core.segments import Segment
from . import layout, lexicon, mentions
from .context import State
from .mentions import Mention
from .parts import named_children

_ADVERBS = (
    r"(?:(?:också|även|dessutom|därmed|därför|bland\s+annat|bl\.\s?a\.|främst|huvudsakligen|"
    r"i\s+första\s+hand)\s+)?"
)
_DUTY_VERBS = (
    r"svarar\s+" + _ADVERBS + r"för|ansvarar\s+" + _ADVERBS + r"för|har\s+(?:\w+\s+){0,3}ansvar(?:et)?\s+för|"
    r"har\s+hand\s+om|tar\s+hand\s+om|står\s+för|ser\s+till|handhar|sköter|sörjer\s+för|ombesörjer|leder|"
    r"styr|bereder|verkställer|övervakar|utövar|beslutar|fattar\s+beslut|erbjuder|producerar|ordnar|"
    r"tillhandahåller|anordnar|organiserar|planerar|utvecklar|koordinerar|samordnar|handlägger|behandlar|"
    r"godkänner|fastställer|följer\s+upp|främjar|stöder|stödjer|bistår|representerar|företräder|hanterar|"
    r"administrerar|förvaltar|granskar|bevakar|utvärderar|skapar|genomför|utför|driver|arbetar\s+med|"
    r"verkar\s+för|har\s+(?:till|som)\s+uppgift\s+att|ger|lägger\s+fram|tar\s+ställning\s+till|"
    r"har\s+fokus\s+på|överlämnar|remitterar|stöttar|biträder"
)  # no "väljer", "utser", "tillsätter": electing or appointing is no duty (gold convention D)
DUTY = re.compile(
    r"(?:(?:"
    + _DUTY_VERBS
    + r")\b|(?:ska|skall)\s+(?:också\s+|även\s+)?(?!väljas?\b|utse\b|tillsätta\b)[a-zåäö]+a\b)",
    re.IGNORECASE,
)  # a whole word ("styr", not the start of "styrelser"); "Utskottet ska följa och förbereda …" (infinitive)
#: A duty sentence whose object is the bullets below it: "… ärenden som handlar om" / "… ansvarar för".
_DANGLING = re.compile(r"\b(?:om|för|med|kring|inom)\s*:?$")
#: "<organ> är den del av organisationen som stöttar …": a predicate noun, then its relative clause.
_IS_WHICH = re.compile(r"\s+är\s+(?:den|det|en|ett)\s+[^,.;:]{1,60}?\s+som\s+" + _ADVERBS, re.IGNORECASE)
#: "<organ> är … och <duty verb>": a predicate noun, then the duty.
#: "<organ> leds av <titel> och <duty verb>": a passive of leading, then the duty.
_IS_AND = re.compile(r"\s+(?:är|leds\s+av)\s+[^,.;:]{1,80}?\s+och\s+" + _ADVERBS, re.IGNORECASE)
_GAP = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,\s*som\s[^,]*,\s*)?" + _ADVERBS, re.IGNORECASE)
_RELATIVE = re.compile(r"\s*,?\s+som\s+" + _ADVERBS, re.IGNORECASE)  # "en koncernsektion som behandlar …"
_LEAD = re.compile(r"^\s*(?:(?:Dessutom|Därtill|Vidare|Även|Också)\s*,?\s*)?(?:Hela\s+)?$")
_PRONOUN = re.compile(r"^\s*Den(?=\s)")
_THEY = re.compile(r"^\s*De(?=\s)")
NEGATION = re.compile(r"\b(?:inte|ej|icke)\b", re.IGNORECASE)
_LIST_ONLY = re.compile(r"^(?:följande|bland\s+annat|bl\.\s?a\.|till\s+exempel|t\.\s?ex\.)?\s*:?$", re.I)
_TASK = re.compile(
    r"\s*(?:\w+\s+)?(?:uppgift(?:er)?|uppdrag(?:et)?)\s+(?:är|omfattar|hör)\s*(?:att\s+)?", re.IGNORECASE
)  # "… uppgift är att …", and "Kommunledningsförvaltningens uppdrag är att samordna …"


def _heading_list(state: State, i: int, found: list[Mention]) -> None:
    """A heading that names a body, then bullets that say what it does ("• leder stadens förvaltning")
    or which parts it has ("• har koncernsektionen, allmänna sektionen och planeringssektionen")."""
    seg = state.segs[i]
    if not (seg.heading and len(found) == 1 and found[0].refers is None):
        return
    if found[0].end - found[0].start < len(seg.text.strip()) - 1:
        return
    for item in state.items_after(i):
        text = item.text.strip().rstrip(" .;")
        wanted = re.match(r"har\s", text) or (DUTY.match(text) and not NEGATION.search(text[:30]))
        org = state.resolve(seg, found[0]) if wanted else None
        if org and re.match(r"har\s", text):
            named_children(state, item, org, 4)
        elif org:
            state.facts.duty(
                org, re.sub(r"\s+(?:samt|och)$", "", text), item.start, item.end, "duty.sv.heading-list"
            )


#: Swedish puts the finite verb second: an adverb or a clause first, then the verb, then the subject
#: ("Ofta ger kommunstyrelsen förslag …", "När ärendet är klart ska utskotten föreslå ett beslut").
#: The front is at most this many words.
MAX_FRONT_WORDS = 12
_WORD = re.compile(r"[^\W\d_]+")
_MODAL = re.compile(r"(?:ska|skall|kan|får|bör|måste)$")
#: After a modal and its subject: adverbs, then the infinitive that says what the body does.
_INFINITIVE = re.compile(
    r"\s+(?:(?:även|också|själva|själv|ibland|dessutom|först)\s+){0,3}(?P<inf>[a-zåäö]{2,})\b(?!\s+av\b)"
)
#: Electing or appointing is no duty (gold convention D).
_NO_DUTY_INFINITIVE = words(
    "välja utse tillsätta väljas vara bli ha finnas inte ej aldrig det den de man att som också även"
)
#: "Det är kommunstyrelsens presidium (…) som överlämnar …": a cleft names the body that does it.
_CLEFT = re.compile(r"^\s*Det\s+är\s+$")
#: A passive verb whose agent ends the sentence: "…, görs först i ordning av kommunstyrelsen."
_PASSIVE = re.compile(
    r"\b(?:görs|bereds|behandlas|handläggs|sköts|verkställs|hanteras|samordnas|förbereds|ordnas|utförs|"
    r"genomförs|administreras|organiseras|tillhandahålls|produceras|granskas|följs\s+upp|"
    r"göras|beredas|handläggas|skötas|verkställas|förberedas|utföras|genomföras|tillhandahållas|"
    r"följas\s+upp)\b[^.;]{0,60}?\s+av\s+$"
)  # the infinitive after a modal too: "… kan ibland behöva förberedas av utskotten"
#: A plural class word as the passive's agent: "… av utskotten" (each body of that class in the section).
_CLASS_AGENT = re.compile(r"\bav\s+(?P<noun>[^\W\d_]+)\s*$")


def _bodies_of_class(state: State, i: int, head: str) -> list[str]:
    """The bodies with head noun ``head`` named in segment ``i``'s section (back to its heading):
    what a plural ("utskotten") refers to (gold convention E)."""
    names: list[str] = []
    for seg in reversed(state.segs[max(0, i - 12) : i]):
        if seg.heading:
            break  # the heading names the section ("Kommunstyrelsens utskott"), not one of its members
        for m in mentions.mentions(seg.text):
            name = state.facts.find(m.name) if m.head == head and m.refers is None else None
            if name and name not in names:
                names.append(name)
    return names


_NAMED_PERSON = re.compile(r"(?<![\w-])" + PERSON + r"\s*,?\s*$")


def _verb_second(state: State, i: int, found: list[Mention], text: str) -> bool:
    """ "Ofta ger kommunstyrelsen förslag …", "Ibland kan utskotten även själva fatta beslut …": the
    first word after a front with no body in it that is a duty verb or a modal, its subject right
    after it (a body, or a plural class word: each body of that class in the section)."""
    seg = state.segs[i]
    first = found[0].start if found else len(text)
    words = list(_WORD.finditer(text[: min(len(text), 400)]))
    for k in range(1, min(len(words) - 1, MAX_FRONT_WORDS + 1)):
        verb, after = words[k], words[k + 1]
        if verb.start() > first or not seg.text[:1].isupper():
            return False
        modal = _MODAL.fullmatch(verb.group()) is not None
        if not (modal or (DUTY.match(seg.text, verb.start()) and DUTY.match(verb.group()))):
            continue
        if _NAMED_PERSON.search(text[: verb.start()]) or any(lexicon.is_post(w.group()) for w in words[:k]):
            return False  # "Tf. förvaltningschef Maria Ek leder …", "Kommundirektören leder …": the subject
        subject = next((m for m in found if m.start == after.start()), None)
        orgs: list[str] = []
        end = after.end()
        if subject is not None and not subject.genitive and subject.kind != "municipality":
            org = state.resolve(seg, subject)
            orgs, end = ([org] if org else []), subject.end
        elif subject is None and after.group().endswith(("na", "en")):
            word = lexicon.read_word(after.group().lower())
            if word is not None and word.form == "plural" and not word.prefix:
                orgs = _bodies_of_class(state, i, word.head)
        if not orgs:
            return False
        if modal:
            inf = _INFINITIVE.match(seg.text, end)
            if inf is None or inf.group("inf") in _NO_DUTY_INFINITIVE:
                return False
        if NEGATION.search(text):
            return False
        clause = k > 2  # a fronted clause ("När ärendet är klart"): the sentence is the statement
        duty = text if clause else verb.group() + " " + text[end:].strip()
        for org in orgs:
            state.facts.duty(org, duty, seg.start, seg.end, "duty.sv.fronted")
        return True
    return False


def _fronted_duties(state: State, i: int, found: list[Mention]) -> None:
    """A duty in a sentence that does not open with its subject: the verb second, the subject after
    it ("Ofta ger kommunstyrelsen förslag …"; after a modal, the infinitive: "Ibland kan utskotten
    även själva fatta beslut …"); a cleft ("Det är X som överlämnar …"); or the passive with the
    body as agent at the end ("… görs först i ordning av kommunstyrelsen")."""
    seg = state.segs[i]
    text = seg.text.rstrip(" .")
    if _verb_second(state, i, found, text):
        return
    cleft = found[0] if found and _CLEFT.match(seg.text[: found[0].start]) else None
    som = re.compile(r"\s*(?:\([^)]*\)\s*)?som\s+").match(seg.text, cleft.end) if cleft else None
    cue = DUTY.match(seg.text, som.end()) if som else None
    org = state.resolve(seg, cleft) if cleft and cue else None
    if org and cue and not NEGATION.search(text):
        state.facts.duty(org, text[cue.start() :], seg.start, seg.end, "duty.sv.fronted")
        return
    agent = _CLASS_AGENT.search(text)
    word = lexicon.read_word(agent.group("noun").lower()) if agent else None
    if (
        agent
        and word
        and word.form == "plural"
        and not word.prefix
        and agent.group("noun").endswith(("na", "en"))
    ):
        if _PASSIVE.search(text[: agent.start("noun")]) and not NEGATION.search(text):
            for org in _bodies_of_class(state, i, word.head):
                duty = text[: agent.start()].rstrip()
                state.facts.duty(org, duty, seg.start, seg.end, "duty.sv.fronted")
        return
    last = found[-1] if found else None
    if last is not None and last.end >= len(text) - 1 and _PASSIVE.search(seg.text[: last.start]):
        org = state.resolve(seg, last) if last.kind != "municipality" else None
        if org and not NEGATION.search(text):
            state.facts.duty(
                org,
                seg.text[: last.start].rstrip().removesuffix("av").rstrip(),
                seg.start,
                seg.end,
                "duty.sv.fronted",
            )


#: "Vi sköter stadens kommunikation": a body's own page speaking of itself.
_WE = re.compile(r"^\s*(?:(?:Dessutom|Därtill|Även|Också)\s*,?\s*)?Vi\s+" + _ADVERBS)


def _we(state: State, i: int) -> bool:
    """ "Vi ansvarar för …" under the heading of a body's own page: that body's duty."""
    seg = state.segs[i]
    we = _WE.match(seg.text)
    cue = DUTY.match(seg.text, we.end()) if we else None
    org = (state.section_body(seg.line) or state.topic) if cue else None
    if cue is None or org is None or NEGATION.search(seg.text):
        return False
    state.facts.duty(org, seg.text[cue.start() :].rstrip(" ."), seg.start, seg.end, "duty.sv.we")
    return True


def _subjectless(state: State, i: int, found: list[Mention]) -> None:
    """A sentence that does not open with a body: a passive at a body, a task, a relative clause, a
    fronted verb."""
    if _passive_place(state, i, found) or _we(state, i):
        return
    _task_duty(state, i, found)
    _relative_duties(state, state.segs[i], found)
    _fronted_duties(state, i, found)


def _after_predicate(text: str, at: int) -> re.Match[str] | None:
    """The duty verb after a predicate noun: "Kommunstyrelsen är kommunens ledande förvaltningsorgan
    och har hand om ekonomin", "Kansliet är den del av organisationen som stöttar …"."""
    for predicate in (_IS_AND, _IS_WHICH):
        also = predicate.match(text, at)
        cue = DUTY.match(text, also.end()) if also else None
        if cue is not None:
            return cue
    return None


def duties(state: State, i: int, found: list[Mention]) -> None:
    """The duties segment ``i`` states, for its subject or the bodies it refers back to."""
    seg = state.segs[i]
    _heading_list(state, i, found)
    subject = state.subject(seg, found)
    plural = state.plural(i) if subject is None else None
    pronoun = _PRONOUN.match(seg.text) if subject is None and state.previous else None
    if plural is not None:
        _plural_duties(state, seg, *plural)
        return
    if pronoun is not None and state.previous:  # "Koncernförvaltningen är … . Den svarar för …"
        _plural_duties(state, seg, pronoun.end(), [state.previous])
        return
    they = _THEY.match(seg.text) if subject is None else None
    if they is not None and not DUTY.match(seg.text, _GAP.match(seg.text, they.end()).end()):  # type: ignore[union-attr]
        they = None  # "De ärenden kommunstyrelsen … kan behöva förberedas av utskotten": an article
    if they is not None and state.about:  # "Stadsledningens uppgift är … . De ansvarar för …"
        _plural_duties(state, seg, they.end(), state.about)
        return
    if subject is None:
        _subjectless(state, i, found)
        return
    rest_at = _GAP.match(seg.text, subject.end).end()  # type: ignore[union-attr]
    cue = DUTY.match(seg.text, rest_at) or _after_predicate(seg.text, subject.end)
    if cue is None and _parts_do(state, seg, subject, rest_at):
        return
    if cue is None:
        _task_duty(state, i, found)
        _relative_duties(state, seg, found)
        return
    if NEGATION.search(cue.group()) or NEGATION.match(seg.text[cue.end() :].lstrip()):
        return
    org = state.resolve(seg, subject)
    if org is None:
        return
    if _LIST_ONLY.match(seg.text[cue.end() :].strip()):
        _list_duties(state, i, org)
        return
    if _DANGLING.search(seg.text.rstrip(" .")):
        # one duty per bullet: "… ärenden som handlar om • Äldreomsorg • Miljö"; with no bullets after
        # it (a page cut off) the statement is unfinished and states nothing
        _list_duties(state, i, org)
        return
    if seg.text.rstrip().endswith(":") and state.items_after(i):
        # "Förvaltningen bistår kommunstyrelsen i deras uppdrag:" — the bullets are the statements
        # (the layout's list reader takes them when the lead-in names the tasks: "uppdrag", "uppgifter")
        if not layout.role(seg):
            _list_duties(state, i, org)
        return
    state.facts.duty(org, seg.text[cue.start() :].rstrip(" ."), seg.start, seg.end, "duty.sv.verb")


#: "<organ> har fem sektioner som behandlar …": what the parts of a body do is its duty (convention E).
_HAS_PARTS_WHICH = re.compile(
    r"har\s+(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\d+|flera|olika)\s+(?P<noun>[^\W\d_]+)\s*,?\s+som\s+"
    + _ADVERBS,
    re.IGNORECASE,
)


def _parts_do(state: State, seg: Segment, subject: Mention, at: int) -> bool:
    """Convention E: "Vanda stad har fem sektioner som behandlar …" is a duty of the subject."""
    m = _HAS_PARTS_WHICH.match(seg.text, at)
    word = lexicon.read_word(m.group("noun").lower()) if m else None
    cue = DUTY.match(seg.text, m.end()) if m and word and word.form == "plural" else None
    if m is None or cue is None or NEGATION.search(seg.text[m.end() :]):
        return False
    org = state.resolve(seg, subject, create=True)
    if org:
        state.facts.duty(org, seg.text[cue.start() :].rstrip(" ."), seg.start, seg.end, "duty.sv.parts-do")
    return org is not None


#: What is done at a body, in the passive: "På kansliet sköts också …", "Här handläggs …" (under the
#: body's heading), "Inom enheten hanteras …".
_PASSIVE_VERB = (
    r"(?:sköts|hanteras|görs|bereds|behandlas|handläggs|verkställs|samordnas|ordnas|utförs|genomförs|"
    r"administreras|organiseras|tillhandahålls|produceras|granskas|följs\s+upp|erbjuds|planeras|"
    r"utvecklas|förvaltas|koordineras|upprätthålls|fattas|tas\s+fram)"
)
_AT_BODY = re.compile(r"^\s*(?:På|Vid|Inom|Hos)\s+$")
_HERE = re.compile(r"^\s*Här\s+(?=" + _PASSIVE_VERB + r"\b)")
_PASSIVE_AFTER = re.compile(r"\s+(?:" + _ADVERBS + r")?(?=" + _PASSIVE_VERB + r"\b)", re.IGNORECASE)


def _passive_place(state: State, i: int, found: list[Mention]) -> bool:
    """A passive sentence that says what is done at a body: the body before the verb ("På kansliet
    sköts diarieföring"), or "Här" under the body's own heading ("Här sköts diarieföring …")."""
    seg = state.segs[i]
    text = seg.text.rstrip(" .")
    org, at = None, None
    first = found[0] if found else None
    if first is not None and _AT_BODY.match(text[: first.start]) and first.kind != "municipality":
        after = _PASSIVE_AFTER.match(text, first.end)
        if after is not None:
            org, at = state.resolve(seg, first), after.end()
    elif (here := _HERE.match(text)) is not None:
        org, at = state.section_body(seg.line), here.end()
    if org is None or at is None or NEGATION.search(text) or len(text[at:].split()) < 3:
        return False
    duty = text[at:]
    if re.match(r"(?:väljs|utses|tillsätts)\b", duty):
        return False  # convention D
    state.facts.duty(org, duty, seg.start, seg.end, "duty.sv.passive-place")
    return True


def _plural_duties(state: State, seg: Segment, at: int, orgs: list[str]) -> None:
    """ "Sektionerna beslutar om …": the same duty for each body the plural refers to ("Den svarar
    för …": the body the sentence before was about)."""
    cue = DUTY.match(seg.text, _GAP.match(seg.text, at).end())  # type: ignore[union-attr]
    if cue is None or NEGATION.search(cue.group()) or NEGATION.match(seg.text[cue.end() :].lstrip()):
        return
    for org in orgs:
        text = seg.text[cue.start() :].rstrip(" .")
        state.facts.duty(org, text, seg.start, seg.end, "duty.sv.reference")


def _relative_duties(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "Idrottsservicehelheten, som ansvarar för idrotten …": a duty in a relative clause."""
    for m in found:
        rel = _RELATIVE.match(seg.text, m.end)
        cue = DUTY.match(seg.text, rel.end()) if rel else None
        if cue is None or m.refers == "municipality":
            continue
        org = state.resolve(seg, m)
        text = re.split(r"[.;]", seg.text[cue.start() :])[0]
        if org and not NEGATION.search(cue.group()):
            state.facts.duty(org, text, seg.start, seg.end, "duty.sv.relative")


def _task_duty(state: State, i: int, found: list[Mention]) -> None:
    """ "<organ>s uppgift är att …" / "Till <organ>s uppgifter hör …" (or the list that follows)."""
    seg = state.segs[i]
    for m in found[:1]:
        if not m.genitive or not re.match(r"^\s*(?:Till\s+)?$", seg.text[: m.start]):
            continue
        task = _TASK.match(seg.text, m.end)
        org = state.resolve(seg, m) if task else None
        if task is None or org is None:
            continue
        if _LIST_ONLY.match(seg.text[task.end() :].strip()):
            _list_duties(state, i, org)
        else:
            state.facts.duty(org, seg.text[task.end() :].rstrip(" ."), seg.start, seg.end, "duty.sv.task")


def _list_duties(state: State, i: int, org: str) -> None:
    """The bulleted items after "<organ> ansvarar för:" — one duty each."""
    for seg in state.items_after(i):
        state.facts.duty(org, seg.text, seg.start, seg.end, "duty.sv.list")
