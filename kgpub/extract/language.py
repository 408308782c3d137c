"""Which of Finnish, Swedish and English a text is written in — offline, in microseconds.

Municipal pages carry menus, dates, names and stray words of the other national language, and a
page may be a single heading. So the detector does not need a model: it weighs three kinds of
evidence that survive noise and add up on longer texts —

* function words (the most frequent words of each language, which no amount of menu text hides),
* word endings typical of one language (Finnish case endings, Swedish definite suffixes, English
  -ing/-ly), and
* letters and letter pairs one language uses and the others do not (å; ää/yy; th/w).

Metadata wins when it names the language; ``detect_language`` is for texts that arrive without.
"""

from __future__ import annotations

import re
from collections import Counter

LANGS = ("fi", "sv", "en")
DEFAULT = "fi"  # kgpub's first language: an empty or signal-free text is treated as Finnish


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "fi": _words(
        """ja on ei ole ovat oli olla että se sen ne niiden tai sekä myös kuin joka jonka jotka jossa
        mukaan kanssa lisäksi voi voit voivat tämä tämän tässä tästä siitä sekä eli mm noin jo vain
        kun jos niin kaikki hän me te he meidän teidän sinun minun osalta kautta toimii vastaa
        huolehtii johtaa kaupungin kaupunki kunnan kunta palvelut osasto yksikkö"""
    ),
    "sv": _words(
        """och är att som för av på med till det den ett har inte om eller från vid samt även de där
        också ska skall kan vi du jag hon han dem deras sin sitt sina vara blir var finns ingen inom
        efter mellan genom utan över hos staden stadens kommunen kommunens stad kommun svarar
        ansvarar leder enligt samt"""
    ),
    "en": _words(
        """the and of to is are for in with by that this be as an or from at it which was were has
        have also its their our your not can will been who what when into about such these those
        there than other city department responsible services us contact board council"""
    ),
}

# (pattern over one lowercased word, language, weight): endings and letter groups.
_WORD_FEATURES: tuple[tuple[re.Pattern[str], str, float], ...] = tuple(
    (re.compile(p), lang, w)
    for p, lang, w in (
        (r"(ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|nsa|nsä)$", "fi", 1.0),
        (r"(inen|iset|isen|ista|istä|uksen|yksen|misen|minen|aan|ään|iin)$", "fi", 1.0),
        (r"(aa|ää|uu|yy|ii|ää|öö)", "fi", 0.6),
        (r"(kk|tt|pp)", "fi", 0.3),
        (r"(us|ys|to|tö|ja|jä|oi|ei|ui|nta|ntä|nto|ntö|sto|stö)$", "fi", 0.5),
        (r"(yh|hd|ht|ts|uo|yö|ie|äi|öi)", "fi", 0.4),
        (r"y.*[äö]|[äö].*y", "fi", 0.8),
        (r"å", "sv", 2.0),
        (r"(arna|erna|orna|heten|ningen|ningar|else|elsen|andet|ighet|ighet|skap|stad|ämnd)", "sv", 1.0),
        (r"(sj|tj|kv|ck|nd|gg)", "sv", 0.2),
        (r"(ige|lse|het|tet|ning|nde|nder|akt)$", "sv", 0.6),
        (r"^(fullmäktige|nämnd|styrelse|kommun|kontakt|förvaltning)", "sv", 1.0),
        (r"(ing|ly|tion|ment|ness|ous|th|wh|sh|ch)$", "en", 0.8),
        (r"(th|w|qu|ph)", "en", 0.6),
        (r"(ed|al|ive|ity|ies|ments|ship|ions|ers|ct)$", "en", 0.5),
    )
)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# A text longer than this is judged on its first part: the answer does not change and time stays flat.
_MAX_CHARS = 20_000


def language_scores(text: str) -> dict[str, float]:
    """Evidence for each language (higher is stronger); exposed for tests and for explaining a choice."""
    words = [w.lower() for w in _WORD.findall(text[:_MAX_CHARS])]
    counts = Counter(words)
    scores = dict.fromkeys(LANGS, 0.0)
    for word, n in counts.items():
        for lang in LANGS:
            if word in _FUNCTION_WORDS[lang]:
                scores[lang] += 2.0 * n
        if len(word) < 3:
            continue
        for pattern, lang, weight in _WORD_FEATURES:
            if pattern.search(word):
                scores[lang] += weight * n
    return scores


def detect_language(text: str) -> str:
    """``"fi"``, ``"sv"`` or ``"en"``; Finnish when the text gives no evidence at all."""
    scores = language_scores(text)
    best = max(LANGS, key=lambda lang: (scores[lang], lang == DEFAULT))
    return best if scores[best] > 0 else DEFAULT


def source_language(declared: str | None, text: str) -> str:
    """The declared language when metadata names one of ours, else the detected one."""
    if declared in LANGS:
        return declared
    return detect_language(text)
