"""English duty rules: what a body does, from a sentence, a relative clause or a list.

"<Body> is responsible for / is tasked with / is in charge of …", "<Body> guides, supervises and
supports …" (a duty verb right after the body), "<Body>’s job is to …", "The main responsibility of
<body> is to …", "<Body>, which is responsible for …", coordinated subjects ("A and B make …"), and
"<Body> is responsible for" followed by a bulleted list (one duty per item); any noun for the duties
("’s main responsibilities include …", "The objectives of <body> are, among other things, to decide:"
with the bullets below, "Its tasks include …" of the body the sentence before was about).
"""

from __future__ import annotations

import re

from ..core.facts import words
from ..core.segments import Segment
from . import names
from .context import ADVERBS, COPULA, IS_A, State, items_after, plural, resolve, subject_of, topic
from .names import Mention

_VERBS = (
    r"guide|supervise|support|coordinate|manage|provide|prepare|produce|offer|develop|lead|direct|steer|"
    r"monitor|promote|plan|maintain|ensure|administer|organi[sz]e|implement|execute|oversee|handle|"
    # no "appoint", "elect": electing or appointing is no duty (gold convention D)
    r"control|represent|assist|arrange|process|draft|approve|exercise|decide|serve|cover|"
    r"evaluate|supervise|make|run|deliver|operate|govern|attend\s+to|see\s+to|look\s+after|deal\s+with|"
    r"take\s+care\s+of|carry\s+out|answer\s+for|work\s+on|focus\s+on|set|assess|audit|review|inspect|"
    r"investigate|advise|inform|build|construct|organise|arrange|grant|issue|supply|safeguard|protect|"
    r"help|employ|receive|consider|expand|facilitate|strengthen|enable"
)

_FINITE = re.compile(
    r"(?:(?:must|shall|will|should)\s+)?(?:(?:"
    + _VERBS
    + r")(?:e?s)?|(?:suppl|appl|specif|certif)(?:y|ies))\b"
    r"|(?:attends|sees|looks|deals|takes|carries|answers|works|focuses)\s+(?:to|after|with|care\s+of|out|for|"
    r"on)\b",
    re.IGNORECASE,
)

#: Any other third-person verb right after a single body's name ("The Communities directorate engages
#: with the community, and manages …"): the duty lexicon above is closed, English verbs are not. The
#: verbs here say something else of the body — being, having, structure, relations, meetings, elections
#: (gold convention D) — and never start a duty.
_NOT_DUTY_VERB = words(
    "is was has does consists comprises includes contains reports belongs operates works functions acts "
    "falls sits lies meets convenes elects appoints nominates selects chooses means refers remains becomes "
    "seems needs uses gets goes comes says states notes aims wants hopes consists lists shows looks "
    "follows applies plays holds stands reflects represents takes gives keeps sees knows thinks "
    "answers reports employs comprises encompasses covers numbers totals amounts starts begins ends opens "
    "closes moves continues changes"
)
_OPEN_VERB = re.compile(
    r"(?:also\s+|now\s+|then\s+)?(?P<verb>[a-z]{3,}(?:[^aeiousy]s|[aeiou]s|(?:sh|ch|ss|x|z)es))"
    r"(?!\s+(?:are|is|were|was|have|has|had|of|and|or|will|shall|may|can|must)\b)\s+\w"
)

#: What a body's responsibilities are, by any noun for them: "’s main tasks include", "’s role is to".
_DUTY_NOUN = (
    r"(?:(?:main|primary|principal|key|core|overall|statutory|general)\s+)?(?:job|tasks?|dut(?:y|ies)|roles?|"
    r"mission|purpose|responsibilit(?:y|ies)|functions|objectives|aims|remit)"
)
#: ", among other things," between the noun and what it says.
_AMONG = r"(?:,?\s*(?:among\s+other\s+things|inter\s+alia|for\s+example|e\.g\.|in\s+particular)\s*,?\s*)?"
#: "is to", "are, among other things, to decide:", "include" — not "are divided between" (parts).
_SAYS = (
    r"(?:is(?=[\s,:])\s*"
    + _AMONG
    + r"|are(?=[\s,:])\s*"
    + _AMONG
    + r"(?=to\s|:)|includes?(?=[\s,:])\s*"
    + _AMONG
    + r")"
    r"(?:to\s+)?"
)
_TASK = re.compile(r"(?:[’']s?)?\s*" + _DUTY_NOUN + r"\s+" + _SAYS, re.I)
#: "Its tasks include …": the body the sentence before was about.
_ITS_TASK = re.compile(
    r"^\s*(?:(?:In addition|Additionally|Also|Furthermore|Moreover)\s*,\s*)?Its\s+(?:other\s+)?"
    + _DUTY_NOUN
    + r"\s+(?:also\s+)?"
    + _SAYS
)

#: "The full County Council of 55 elected members is responsible …": the size of a body after its name.
_MEMBERS = r"(?:\s+of\s+(?:\d+|\w+)\s+(?:elected\s+|appointed\s+)?(?:members|councillors|representatives))?"
_GAP = re.compile(
    _MEMBERS + r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:which|who|headed|led|managed|chaired|directed)\s[^,]*,\s*)?"
    r"(?:(?:is|are)\s+(?:headed|led|managed|chaired|directed)\s+by\s+[^,.;]{1,80}?\s+and\s+)?" + ADVERBS,
    re.IGNORECASE,
)
#: "The main responsibility of the department is to …": the body is named after "of".
_RESPONSIBILITY_OF = re.compile(r"^\s*(?:The\s+)?" + _DUTY_NOUN + r"\s+of\s+", re.IGNORECASE)
#: "… is to direct", "… are, among other things, to decide:", "… include:" — not "are divided between".
_IS_TO = re.compile(r"\s+" + _SAYS, re.IGNORECASE)
#: What "to decide:" leaves for the bullets below it: a verb, or nothing.
_LEAD_VERB = re.compile(r"^(?:to\s+)?(?:[a-z]+(?:\s+(?:on|for|about|upon|with))?)?\s*:?$")

#: "operates under the City Board", "works within …": a relation, not a duty.
_RELATIONAL = re.compile(
    r"(?:operates?|works?|functions?|acts?)\s+(?:directly\s+)?(?:under|within|in|as|subordinate|alongside|at)\b",
    re.IGNORECASE,
)
#: A duty sentence whose object is the bullets below it: "… matters relating to" / "… decides on:".
_DANGLING = re.compile(r"\b(?:to|on|for|about|with|including|regarding|concerning)\s*:?$|:$")
#: Between coordinated subjects: "A and B", "A, B, and C", "A, B and the C".
_JOINS = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")
_RELATIVE = re.compile(r"\s*,\s*which\s+" + ADVERBS, re.IGNORECASE)
_LIST_ONLY = re.compile(r"^(?:the\s+following|among\s+other\s+things|e\.g\.|for\s+example)?\s*:?$", re.I)


#: "A cross party Regulation Committee of nine members, responsible for the Council’s planning …": an
#: apposition that says what the body is responsible for, with no verb.
_APPOSITION = re.compile(_MEMBERS + r"\s*,\s*(?=(?:jointly\s+|mainly\s+)?responsible\s+for\s)", re.IGNORECASE)


def _relative_duties(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "… is the City Council, which is responsible for the city’s operations and economy"; "…
    Regulation Committee of nine members, responsible for the Council’s planning …"."""
    for m in found:
        apposition = _APPOSITION.match(seg.text, m.end) if m.what == "body" else None
        org = resolve(state, seg, m) if apposition else None
        if apposition and org:
            text = re.split(r",\s*(?:which|who)\s|;|\.\s", seg.text[apposition.end() :])[0]
            state.facts.duty(org, text.rstrip(" ."), seg.start, seg.end, "duty.en.relative")
            continue
        rel = _RELATIVE.match(seg.text, m.end)
        if m.what != "body" or rel is None:
            continue
        copula, finite = COPULA.match(seg.text, rel.end()), _FINITE.match(seg.text, rel.end())
        cue = copula or finite
        org = resolve(state, seg, m) if cue else None
        if cue is None or org is None:
            continue
        text = seg.text[cue.end() :] if copula else seg.text[cue.start() :]
        text = re.split(r",\s*(?:which|who)\s|;|\.\s", text)[0]
        state.facts.duty(org, text.rstrip(" ."), seg.start, seg.end, "duty.en.relative")


def _subjects(state: State, i: int, found: list[Mention]) -> tuple[list[str], int] | None:
    """The bodies a sentence is about and where its predicate starts: one body, bodies joined by
    "and" ("The Finnish-language Education Committee and the Swedish-language Education Committee
    make …"), or a plural that refers back to them ("Both committees …")."""
    seg = state.segs[i]
    subject = subject_of(state, seg, found)
    if subject is None:
        refers = plural(state, i)
        return (refers[1], refers[0]) if refers else None
    org = resolve(state, seg, subject)
    k = next((n for n, m in enumerate(found) if m.start == subject.start), None)
    nxt = found[k + 1] if k is not None and k + 1 < len(found) else None
    joined: list[Mention] = []
    end = subject.end
    while k is not None and k + 1 + len(joined) < len(found):
        nxt = found[k + 1 + len(joined)]
        gap = seg.text[end : nxt.start]
        if nxt.what != "body" or not _JOINS.fullmatch(gap):
            break
        joined.append(nxt)
        end = nxt.end
        if "and" in gap:
            break  # "A, B, and C": the last one
    if joined and ("and" in seg.text[subject.end : end]):
        others = [resolve(state, seg, m) for m in joined]
        orgs = [o for o in (org, *others) if o]
        return (orgs, end) if org and all(others) else None
    return ([org], subject.end) if org else None


def _responsibility_of(state: State, i: int, found: list[Mention]) -> str | None:
    """ "The main responsibility of the department is to direct …": a duty of the body after "of";
    returns that body (what "It also manages …" in the next sentence refers to)."""
    seg = state.segs[i]
    lead = _RESPONSIBILITY_OF.match(seg.text)
    m = next((x for x in found if lead and x.what == "body" and x.start - lead.end() <= 4), None)
    if lead is None or m is None or m.start < lead.end():
        return None
    org = resolve(state, seg, m)
    is_to = _IS_TO.match(seg.text, m.end)
    if org and is_to:
        _stated(state, i, org, is_to.end(), "duty.en.responsibility-of")
    return org


def _stated(state: State, i: int, org: str, at: int, rule: str) -> None:
    """The duty segment i states from ``at`` on — or, when it ends in a colon and bullets follow ("… are,
    among other things, to decide:"), one duty per bullet."""
    seg = state.segs[i]
    rest = seg.text[at:].strip()
    items = items_after(state.segs, i)
    if items and rest.endswith(":") and (_LEAD_VERB.match(rest) or _LIST_ONLY.match(rest)):
        for item in items:
            state.facts.duty(org, item.text.rstrip(" .;"), item.start, item.end, rule)
        return
    text = re.split(r";|\.\s", seg.text[at:])[0].rstrip(" .:")
    if text and not rest.endswith(":"):
        state.facts.duty(org, text, seg.start, seg.end, rule)


def _its_task(state: State, i: int) -> None:
    """ "Its main tasks include …" after a sentence about a body: that body's duty (or the bullets')."""
    its = _ITS_TASK.match(state.segs[i].text)
    if its and state.subject:
        _stated(state, i, state.subject, its.end(), "duty.en.task")


#: "Regional matters are handled by …", "The day to day management of the council is overseen by …":
#: what is done, in the passive, and "by" the bodies that do it.
_PASSIVE = re.compile(
    r"^(?P<what>[A-Z][^:;]{3,160}?)\s+(?:is|are)\s+(?:also\s+|mainly\s+|primarily\s+)?"
    r"(?:handled|managed|dealt\s+with|prepared|carried\s+out|coordinated|overseen|run|provided|taken\s+care\s+of|"
    r"looked\s+after|processed|administered|supervised|organi[sz]ed|delivered|led)\s+by\s+"
)
#: "by four departments:" — a count and a class word announcing the bodies.
_BY_COUNT = re.compile(r"(?:the\s+)?(?:\w+\s+){0,2}\w+:\s*")
_BY_JOIN = re.compile(r"\s*(?:[,;]\s*)?(?:and\s+)?(?:the\s+)?")


def _passive_duties(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "Regional matters are handled by four departments: A; B; C; and D": what the sentence says is
    done is a duty of each body named after "by" (a post or a person there is no body)."""
    passive = _PASSIVE.match(seg.text)
    if passive is None or any(m.start < passive.end("what") and m.what != "body" for m in found):
        return
    at = passive.end()
    count = _BY_COUNT.match(seg.text, at)
    if count and not any(m.start < count.end() for m in found if m.start >= at):
        at = count.end()
    orgs: list[str] = []
    for m in (m for m in found if m.start >= at):
        if m.what != "body" or not _BY_JOIN.fullmatch(seg.text[at : m.start]):
            break
        org = resolve(state, seg, m)
        if org and not (org[:1].islower() and org.endswith("s")):  # "the state legal aid offices": a class
            orgs.append(org)
        at = m.end
    what = seg.text[: passive.end()].removesuffix(" ").removesuffix("by").rstrip()
    for org in orgs:
        state.facts.duty(org, what, seg.start, seg.end, "duty.en.passive")


#: A heading that announces what the section's body does: "Responsibilities", "Our main tasks", "What we do".
_DUTY_HEADING = re.compile(
    r"^\s*(?:(?:our|its|the)\s+)?(?:(?:main|key|core|principal|other)\s+)?(?:responsibilities|tasks|duties|"
    r"functions|areas\s+of\s+responsibility|what\s+we\s+do|roles?\s+and\s+responsibilities|"
    r"services\s+(?:include|are))\s*:?\s*$",
    re.IGNORECASE,
)
#: "We manage …", "We also provide …": the page speaking for the body of its section.
_WE = re.compile(r"^\s*(?:(?:In addition|Additionally|Also|Furthermore)\s*,\s*)?We\s+" + ADVERBS)


def _section_owner(state: State, seg: Segment) -> str | None:
    return state.section_body(seg.line) or topic(state, seg)


def _section_duties(state: State, i: int, found: list[Mention]) -> None:
    """Duties a page states for the body of its section without naming it in the sentence: the bullets
    under a "Responsibilities" / "What we do" heading; the bullets under a line that is only the body's
    name and a colon ("The Planning Department:") when they open with a verb; "We manage …"."""
    seg = state.segs[i]
    items = items_after(state.segs, i) if not seg.bullet else []
    if items and _DUTY_HEADING.match(seg.text):
        org = _section_owner(state, seg)
        for item in items if org else []:
            state.facts.duty(org, item.text.rstrip(" .;"), item.start, item.end, "duty.en.list")  # type: ignore[arg-type]
        return
    name_only = (
        len(found) == 1
        and found[0].what == "body"
        and re.fullmatch(r"\s*(?:The\s+)?", seg.text[: found[0].start]) is not None
        and re.fullmatch(r"\s*:\s*", seg.text[found[0].end :]) is not None
    )
    org = resolve(state, seg, found[0]) if items and name_only else None
    for item in items if org else []:
        verb = _FINITE.match(item.text.strip()) or _open_verb(item.text.strip(), 0)
        if verb and not _RELATIONAL.match(item.text.strip()):
            state.facts.duty(org, item.text.rstrip(" .;"), item.start, item.end, "duty.en.list")  # type: ignore[arg-type]
    we = _WE.match(seg.text) if not seg.bullet else None
    verb = _FINITE.match(seg.text, we.end()) if we else None
    if we and verb and not _RELATIONAL.match(seg.text, verb.start()):
        org = _section_owner(state, seg)
        if org:
            text = re.split(r";|\.\s", seg.text[verb.start() :])[0].rstrip(" .")
            state.facts.duty(org, text, seg.start, seg.end, "duty.en.verb")


def duties(state: State, i: int, found: list[Mention]) -> None:
    """The duties segment ``i`` states, for its subjects (and the body "The … of X is to" names)."""
    seg = state.segs[i]
    _section_duties(state, i, found)
    _relative_duties(state, seg, found)
    _passive_duties(state, seg, found)
    state.about = _responsibility_of(state, i, found)
    _its_task(state, i)
    subjects = _subjects(state, i, found)
    if subjects is None:
        return
    orgs, end = subjects
    task = _TASK.match(seg.text, end)
    at = _GAP.match(seg.text, end).end()  # type: ignore[union-attr]
    copula, finite = COPULA.match(seg.text, at), _FINITE.match(seg.text, at)
    is_a = IS_A.match(seg.text, end)
    that = re.compile(r"\s+(?:that|which)\s+" + ADVERBS).match(seg.text, is_a.end()) if is_a else None
    if that:  # "Oulu Water is a municipal enterprise that supplies …"
        finite = _FINITE.match(seg.text, that.end())
    if finite and _RELATIONAL.match(seg.text, finite.start()):
        finite = None
    if not (task or copula or finite or is_a) and len(orgs) == 1 and at == end + 1:
        finite = _open_verb(seg.text, at)
    cue = task or copula or finite
    if cue is None:
        copula, finite = _second_predicate(seg.text, at)
        cue = copula or finite
    if cue is None or (seg.heading and cue is finite and not items_after(state.segs, i)):
        return  # "Council makes changes to organisational structure": a headline, no statement of a duty
    dangling = _DANGLING.search(seg.text.rstrip(" .")) is not None and bool(items_after(state.segs, i))
    if _LIST_ONLY.match(seg.text[cue.end() :].strip()) or dangling:  # "… prepares matters relating to:"
        for org in orgs:
            for item in items_after(state.segs, i):
                state.facts.duty(org, item.text, item.start, item.end, "duty.en.list")
        return
    begin = cue.start() if finite and cue is finite else cue.end()
    other = _next_clause(state, seg, found, begin)
    text = seg.text[begin : other.start if other else len(seg.text)]
    text = re.sub(r"^(?:must|shall|will|should)\s+", "", text)
    text = _CLAUSE_JOIN.sub("", text) if other else text
    rule = "duty.en.verb" if cue is finite else "duty.en.task" if cue is task else "duty.en.responsible"
    for org in orgs:
        state.facts.duty(org, text.rstrip(" ."), seg.start, seg.end, rule)
    if other is not None:
        _clause_duty(state, seg, other)


#: "… and the Licensing Committee deals with …": a new clause with a subject of its own.
_CLAUSE_JOIN = re.compile(r"(?:,\s*|\s+)(?:and|while|whereas|but)\s+(?:the\s+)?$")


def _next_clause(state: State, seg: Segment, found: list[Mention], at: int) -> Mention | None:
    """The body that opens a new clause after ``at`` with a duty predicate of its own ("The Planning
    Committee deals with planning applications and the Licensing Committee deals with licences")."""
    for m in found:
        if (
            m.start <= at
            or m.what != "body"
            or not _CLAUSE_JOIN.search(seg.text, max(at, m.start - 12), m.start)
        ):
            continue
        cue = COPULA.match(seg.text, m.end + 1) or _FINITE.match(seg.text, m.end + 1)
        if seg.text[m.end : m.end + 1] == " " and cue and not _RELATIONAL.match(seg.text, cue.start()):
            return m
    return None


def _clause_duty(state: State, seg: Segment, m: Mention) -> None:
    """The duty a second clause states for its own subject (see :func:`_next_clause`)."""
    org = resolve(state, seg, m)
    copula = COPULA.match(seg.text, m.end + 1)
    finite = None if copula else _FINITE.match(seg.text, m.end + 1)
    cue = copula or finite
    if org and cue:
        text = seg.text[cue.end() if copula else cue.start() :]
        text = re.split(r";|\.\s", text)[0].rstrip(" .")
        state.facts.duty(org, text, seg.start, seg.end, "duty.en.verb" if finite else "duty.en.responsible")


#: The first predicate of a sentence: a verb right after its subject ("is the peak body of …", "meets …").
_FIRST_VERB = re.compile(r"(?:is|are|was|were|has|have|[a-z]{2,}(?:s|ed))\s", re.IGNORECASE)
#: "… and is responsible for …", "… and also manages …": a second predicate of the same subject.
_AND = re.compile(r"\s+and\s+" + ADVERBS + r"(?=[a-z])")


def _second_predicate(text: str, at: int) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """ "The Senior Team is the peak decision-making body of the Agency and is responsible for …": the
    duty cue of a predicate joined by "and" to a first one that states none, within one clause (no
    comma, relative pronoun or semicolon between them); (copula, finite verb) as ``duties`` reads them."""
    if not _FIRST_VERB.match(text, at):
        return None, None
    clause = re.search(r"[,;:(]|\s(?:which|who|that|whose|while|whereas|but)\s|\.\s", text[at:])
    limit = at + clause.start() if clause else len(text)
    for joined in _AND.finditer(text, at, limit):
        copula = COPULA.match(text, joined.end())
        finite = None if copula else _FINITE.match(text, joined.end())
        if finite and (not finite.group().endswith("s") or _RELATIONAL.match(text, finite.start())):
            finite = None  # "and support services": a plural noun, not "supports"
        if copula or finite:
            return copula, finite
    return None, None


def _open_verb(text: str, at: int) -> re.Match[str] | None:
    """A third-person verb outside the duty lexicon right after the subject, when it is one word the
    sentence goes on from ("handles financial resources"), and not one of the verbs that say
    something other than a duty (:data:`_NOT_DUTY_VERB`)."""
    found = _OPEN_VERB.match(text, at)
    if found is None or found["verb"] in _NOT_DUTY_VERB or _RELATIONAL.match(text, found.start("verb")):
        return None
    if names.head_word(found["verb"][:-1]) in names.STRONG or found["verb"][:-1] in names.WEAK:
        return None  # "The Administration Policy Department units are": a plural noun, no verb
    return found
