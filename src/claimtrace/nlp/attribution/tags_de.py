"""German part-of-speech tags (HanTa, STTS tag set) and the noun phrases they bound.

No German dependency parser ships on PyPI, but the Hanover Tagger does, with its German
model inside the wheel: it tells a cue verb from a noun ("der Laut" / "laut"), a particle
("ja", "doch") from a name and an article that opens an object ("... Ruto das Lager") from
one inside the subject, which is what a source span needs. Without HanTa the backend keeps
its capitalisation heuristics (tags are None).
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from claimtrace.nlp.attribution.tokens import CLOSE_QUOTES, OPEN_QUOTES, QUOTES, Token

log = logging.getLogger(__name__)

NOUNS = frozenset({"NN", "NE", "FM", "QN"})  # QN: a quote mark around a name (ours)
DETERMINERS = frozenset({"ART", "PDAT", "PIAT", "PIDAT", "PPOSAT", "CARD"})
PRONOUNS = frozenset({"PPER", "PIS"})  # "sagt sie", "Viele sagten"
SUBORDINATORS = frozenset({"KOUS", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT", "KOUI"})
RELATIVES = frozenset({"PRELS", "PRELAT", "PWS", "PWAV", "PWAT"})
BOUNDARIES = frozenset({"$,", "$.", "$("})
# prepositions that attach to a speaker: "ein Sprecher von Grab", "Saharo Mohammed aus Somalia"
NP_PREPOSITIONS = frozenset({"von", "vom", "aus", "bei", "beim", "für"})
GENITIVE = frozenset({"des", "der", "eines", "einer"})
NP_CONJUNCTIONS = frozenset({"und", "oder", "sowie"})
MAX_NP_TOKENS = 14
# alone, these name no one: expletive "es", object pronouns, d-words used as pronouns
NO_SOURCE = frozenset(
    {"es", "das", "dies", "der", "die", "den", "dem", "mir", "mich", "dir", "dich", "ihm"}
    | {"ihn", "uns", "euch", "ihnen", "sich"}
)
_lock = threading.Lock()


@dataclass(frozen=True)
class Tagged:
    """STTS tags of one sentence's tokens, index for index; lemmas on demand (tagging with
    lemmas is about three times slower, and only cue verbs need one)."""

    words: tuple[str, ...]
    tags: tuple[str, ...]

    def lemma(self, i: int) -> str:
        return _lemma(self.words[i], self.tags[i])


@functools.lru_cache(maxsize=4096)
def _lemma(word: str, tag: str) -> str:
    tagger = _tagger()
    if tagger is None:
        return word.lower()
    with _lock:
        found = tagger.analyze(word, pos=tag, taglevel=1)  # type: ignore[attr-defined]
    return str(found[0]).lower()


@functools.cache
def _tagger() -> object | None:
    try:
        from HanTa import HanoverTagger  # the German model is bundled in the wheel

        return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    except Exception as exc:  # not installed or a broken model: fall back to heuristics
        log.warning("HanTa German tagger unavailable (%s); German sources use heuristics", exc)
        return None


def tag_german(tokens: Sequence[Token]) -> Tagged | None:
    """Tags for ``tokens`` (None without HanTa). Punctuation gets our own tags, and a short
    quotation after a word ("die Website „Calibre Obscura“") becomes part of a name."""
    tagger = _tagger()
    if tagger is None or not tokens:
        return None
    words = tuple(t.text for t in tokens)
    with _lock:  # the tagger keeps per-call state
        tags = list(tagger.tag_sent(list(words), taglevel=0))  # type: ignore[attr-defined]
    if len(tags) != len(tokens):
        return None
    for k, t in enumerate(tokens):
        if not t.is_word:
            tags[k] = "$," if t.text == "," else "$." if t.text in ".!?;:" else "$("
        elif tags[k] == "XY" and t.capitalised:
            tags[k] = "NE"  # an unknown capitalised word ("Blog", a rare name) is a noun
    _quoted_names(tokens, tags)
    return Tagged(words, tuple(tags))


def _quoted_names(tokens: Sequence[Token], tags: list[str]) -> None:
    for k in range(1, len(tokens)):
        if tokens[k].text not in OPEN_QUOTES or not tokens[k - 1].is_word or tags[k] == "QN":
            continue  # (“ both opens and closes a quotation)
        for m in range(k + 1, min(len(tokens), k + 7)):
            if tokens[m].text in CLOSE_QUOTES and m > k + 1:
                tags[k] = tags[m] = "QN"
                for n in range(k + 1, m):
                    tags[n] = "NE"
                break
            if not tokens[m].is_word and tokens[m].text not in "-'’&":
                break


def is_noun(tag: str) -> bool:
    return tag in NOUNS or tag.startswith("NN")  # HanTa also has NNI, NNA for nominalisations


def noun_position(tags: Sequence[str], i: int) -> bool:
    """Whether token i is a noun, or sits where one would: "der charakteristische Laut"."""
    before = tags[i - 1] if i > 0 else ""
    return is_noun(tags[i]) or before in DETERMINERS or _adjective(before)


def _adjective(tag: str) -> bool:
    return tag in {"ADJ(A)", "ADJA", "TRUNC"}


def np_end(tokens: Sequence[Token], tags: Sequence[str], s: int, limit: int) -> int:
    """One past the noun phrase starting at ``s`` (== s when none starts there).

    Article, adjectives, nouns and names; after the head a genitive ("der Sprecher der
    Armee"), a speaker's preposition ("von Grab"), a quoted name or a coordinated noun
    phrase. Another article after the head opens an object ("Ruto das Lager"): it ends.
    """
    limit = min(limit, len(tokens), s + MAX_NP_TOKENS)
    if s >= limit:
        return s
    if tokens[s].lower in NO_SOURCE and tags[s] not in DETERMINERS:
        return s  # "heißt es", "Das bestätigte X", "die sagen mir": nobody to name
    if tags[s] in PRONOUNS:
        return s + 1
    j, end, head = s, s, False
    while j < limit:
        tag = tags[j]
        if is_noun(tag):
            head, j = True, j + 1
            end = j
        elif not head and (tag in DETERMINERS or _adjective(tag)):
            j += 1
        elif not head and tag == "ADV" and j + 1 < limit and _adjective(tags[j + 1]):
            j += 1  # "sehr junge Kinder"
        elif not head and j > s and (skip := _attribute(tags, j, limit)):
            j = skip  # "eine auf den Waffenbereich spezialisierte Website"
        elif head and _continues(tokens, tags, j, limit):
            head, j = False, j + 1
        else:
            break
    return end


def _continues(tokens: Sequence[Token], tags: Sequence[str], j: int, limit: int) -> bool:
    """Whether token j, after a head noun, carries its phrase on: a genitive, a speaker's
    preposition, or "und"/"oder" before another noun phrase."""
    tag, low = tags[j], tokens[j].lower
    if tag == "ART" and low in GENITIVE:
        return True
    if tag in {"APPR", "APPRART"} and low in NP_PREPOSITIONS:
        return True
    after = tags[j + 1] if j + 1 < limit else ""
    return low in NP_CONJUNCTIONS and (is_noun(after) or after in DETERMINERS)


def _attribute(tags: Sequence[str], j: int, limit: int) -> int:
    """Index of the participle closing an extended attribute opened at ``j``, or 0."""
    if tags[j] not in {"APPR", "APPRART"}:
        return 0
    for k in range(j + 1, min(limit, j + 7)):
        if _adjective(tags[k]) and k + 1 < limit and is_noun(tags[k + 1]):
            return k
        if tags[k] in BOUNDARIES or tags[k].startswith("V"):
            return 0
    return 0


def subject_span(tokens: Sequence[Token], tags: Sequence[str], s: int, e: int) -> tuple[int, int]:
    """The source tokens [s, e), cut to a quoted name when the phrase only describes it
    ("eine auf X spezialisierte Website „Name“" -> Name)."""
    if e - s > 2 and tags[e - 1] == "QN" and tokens[e - 1].text in QUOTES:
        open_at = next((k for k in range(e - 2, s, -1) if tags[k] == "QN"), None)
        if open_at is not None and open_at > s and is_noun(tags[open_at - 1]):
            return open_at + 1, e - 1
    return s, e
