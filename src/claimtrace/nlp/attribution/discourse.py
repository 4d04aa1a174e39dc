"""Attribution across sentences: who a pronoun or nominal source stands for, and which
earlier report a later sentence's source belongs to.

An attribution keeps the source as the text words it ("he", "the ministry", "die
Dokumente"): that is what was said where. ``named_sources`` gives, for each attribution,
the span that names its source — the nearest earlier named source compatible with the
pronoun or noun ("he" a person, "it" and "the ministry" an organisation, "the ministry" one
whose name holds "Ministry"), looked for up to ``LOOKBACK`` sentences back. ``report_parents``
puts a report's evidence under the report: "Sky News reported that … . The documents also
show … . According to the files, …" — the documents and the files are what Sky News saw,
so their attributions get the Sky News attribution as parent (outlet → documents), as long
as no other named source has spoken in between, at most ``REPORT_REACH`` sentences on.
``carried_report`` does the same for a sentence without a cue that goes on about the
report's evidence ("One of these documents is …"): its claim carries the report's chain.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

import regex

from claimtrace.nlp.attribution.base import words
from claimtrace.records import Attribution, Span

LOOKBACK = 6  # sentences looked back over for an antecedent
REPORT_REACH = 10  # sentences a report governs the evidence that follows it
# cue kinds that present evidence (not a stance, a belief, a doubt or a denial)
REPORTING = frozenset({"say", "according", "report", "claim", "allege", "confirm", "quote"})
PERSONAL = words("he she him her")  # English: a person
# grammatical gender: "er" and "il" also stand for a ministry or a company
GENDERED = words("er ihm sie il lui elle él ella")
PLURAL = words("they them ils elles ellos ellas")
NEUTER = words("it es")
PRONOUNS = PERSONAL | GENDERED | PLURAL | NEUTER
# pronouns that name no one ("Another said", "Einige sagten"): no source name of their own
INDEFINITE = words(
    "another others one some many several few both all each einer eine einige viele andere "
    "manche alle un une certains plusieurs d'autres otro otra otros algunos varios muchos"
)
RELATIVES = words("who which that qui que quien quienes der die das welche welcher")
DEFINITE = words(
    "the this that these those der die das dieser diese dieses le la les l' l’ ce cette ces "
    "el los las este esta estos estas ese esa"
)
# nouns that name a kind of organisation: "the group" is any organisation named before
ORGANISATION = words(
    "group organisation organization ministry department agency government office "
    "outlet newspaper paper broadcaster channel network site website daily magazine "
    "army military forces militia movement party company firm authority authorities "
    "administration commission council committee coalition alliance observatory "
    "gruppe organisation ministerium behörde regierung agentur zeitung sender blatt "
    "portal miliz armee partei firma unternehmen verwaltung kommission rat bündnis "
    "groupe ministère agence gouvernement journal quotidien chaîne média milice armée "
    "parti entreprise société administration commission conseil coalition "
    "grupo ministerio agencia gobierno periódico diario cadena medio milicia ejército "
    "partido empresa administración comisión consejo coalición"
)
# nouns that name a person: "the minister" is the person named before
PERSON = words(
    "minister spokesman spokeswoman spokesperson official president leader commander "
    "general mayor governor senator chief director secretary ambassador envoy "
    "minister sprecher sprecherin präsident präsidentin kommandeur bürgermeister "
    "bürgermeisterin chef chefin direktor botschafter ministre porte-parole président "
    "présidente dirigeant commandant maire ministro portavoz presidente presidenta "
    "dirigente comandante alcalde alcaldesa"
)
# nouns that describe one person (for "he"/"she" after "a businessman close to X said")
PEOPLE = PERSON | words(
    "businessman businesswoman expert analyst resident witness activist officer soldier "
    "fighter doctor lawyer diplomat journalist reporter man woman engineer farmer teacher "
    "student worker driver negotiator researcher professor historian economist"
)
# sources that are evidence: what a report is based on, not who reports
EVIDENCE = words(
    "documents document files file papers records letters letter emails messages "
    "recordings footage images photos videos data leaks defectors interviews testimony "
    "testimonies dokumente dokument akten unterlagen papiere briefe aufnahmen bilder "
    "daten aussagen dokumenten papieren briefen bildern dateien videos "
    "documents fichiers dossiers lettres images vidéos données "
    "témoignages documentos archivos expedientes cartas imágenes vídeos datos testimonios"
)
_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*")
# words of organisation names (and acronyms, and English names with "The")
_ORG_HINT = regex.compile(
    r"\b(?:News|Times|Post|Press|Agency|Ministry|Army|Forces|Council|Group|Party|TV|"
    r"Radio|Journal|Guardian|Telegraph|Herald|Observatory|Office|Department|Government|"
    r"Daily|Weekly|Tribune|Gazette|Courier|Ledger|Chronicle|Review|Institute|University|"
    r"Foundation|Committee|Commission|Company|Bank|Union|Association|Organi[sz]ation|"
    r"Network|Channel|Media|Service|Police|Court|Parliament|Senate|Congress|Embassy|"
    r"Zeitung|Ministerium|Agentur|Rundschau|Spiegel|Welt|Ministère|Agence|"
    r"Ministerio|Agencia|Gobierno|Diario)\b|\b\p{Lu}{2,}\b|^The\s"
)


def _words(span: Span) -> list[str]:
    return [w.casefold() for w in _WORD.findall(span.text)]


def is_pronoun(span: Span | None, indefinite: bool = False) -> bool:
    """A source that is one pronoun ("he", "which"; with ``indefinite`` also "another")."""
    if span is None:
        return False
    found = _words(span)
    extra = INDEFINITE if indefinite else frozenset()
    return len(found) == 1 and found[0] in PRONOUNS | RELATIVES | extra


def nominal_head(span: Span | None) -> str | None:
    """ "the ministry", "das Ministerium", "el ministerio": the noun, for a definite phrase
    of at most one adjective and a noun that names a kind of organisation or person."""
    if span is None:
        return None
    found = _words(span)
    if (
        not 2 <= len(found) <= 3
        or found[0] not in DEFINITE
        or found[-1] not in ORGANISATION | PERSON
    ):
        return None
    written = _WORD.findall(span.text)
    if any(w[:1].isupper() for w in written[1:-1]):
        return None  # "die Zeitung Nordkurier", "the Foreign Ministry": a name
    if written[-1][:1].isupper() and not _german(span):
        return None  # "the Ministry" in English: a name
    return found[-1]


def _german(span: Span) -> bool:
    first = _words(span)[0]
    return first in {"der", "die", "das", "dieser", "diese", "dieses"}


def is_evidence(span: Span | None) -> bool:
    """ "the documents", "leaked secret files", "ISIS defectors", "die Dokumente"."""
    if span is None:
        return False
    found = _words(span)
    if found and found[0] in OWN:
        return True  # "Our analysis of the files": the outlet's own reading of its evidence
    return bool(found) and any(w in EVIDENCE for w in found[:5])


# the article speaking of its own work: "Our analysis", "unsere Recherche"
OWN = words("our unsere unser unserer notre nos nuestra nuestro nuestros nuestras")
_REFERS = regex.compile(
    r"\b(?:these|those|the|another|such|this|diese[nmrs]?|die|den|der|ces|les|ce|cet|cette|"
    r"un\s+autre|une\s+autre|estos|estas|los|las|otro|otra|este|esta)\s+"
    r"(?P<first>[\p{L}-]+)(?:\s+(?P<second>[\p{L}-]+))?",
    regex.IGNORECASE,
)


def carried_report(
    text: str,
    sentences: Sequence[tuple[int, int]],
    found: Sequence[Attribution],
    start: int,
    end: int,
) -> int | None:
    """The report whose evidence an unattributed sentence text[start:end] goes on about
    ("Sky News reported … . One of these documents is a request for …"): the nearest
    earlier top-level attribution with a named source, at most REPORT_REACH sentences
    back, when the sentence refers to documents, files, footage (a definite or
    demonstrative evidence noun). None otherwise."""
    if not any(
        (m.group(g) or "").casefold() in EVIDENCE
        for m in _REFERS.finditer(text, start, end)
        for g in ("first", "second")
    ):
        return None
    reports = [
        i
        for i, a in enumerate(found)
        if a.parent is None
        and a.cue_kind in REPORTING
        and a.sentence.start < start
        and _named(a.source)
        and not is_evidence(a.source)
    ]
    if not reports:
        return None
    latest = max(reports, key=lambda i: found[i].sentence.start)
    starts = [s for s, _ in sorted(sentences)]
    distance = bisect.bisect_right(starts, start) - bisect.bisect_right(
        starts, found[latest].sentence.start
    )
    return latest if distance <= REPORT_REACH else None


def _named(span: Span | None) -> bool:
    if span is None or is_pronoun(span) or nominal_head(span) is not None:
        return False
    written = _WORD.findall(span.text)
    if written and written[0].casefold() in DEFINITE and _german(span):
        # German capitalises every noun: "Das Tragen" names no one, "Die Sprecherin Maria
        # Lenz" and "Calibre Obscura" do
        return sum(1 for w in written[1:] if w[:1].isupper()) >= 2
    return any(w[:1].isupper() for w in written)


def _organisation_like(span: Span) -> bool:
    return _ORG_HINT.search(span.text) is not None


def _person_like(span: Span) -> bool:
    """ "Loretta Lynch, a former president of the Commission": the name before the
    apposition is a person's (two to four capitalised words, no organisation word)."""
    head = span.text.split(",")[0]
    names = [w for w in _WORD.findall(head) if w[:1].isupper()]
    return 2 <= len(names) <= 4 and not _organisation_like(Span(span.start, span.start, head))


def _compatible(anaphor: Span, candidate: Span) -> bool:
    found = _words(anaphor)
    if len(found) == 1:
        word = found[0]
        if word in PERSONAL:  # a person's name: "Hassoun", "Ryan Dillon, a spokesman"
            written = _WORD.findall(candidate.text)
            named = all(w[:1].isupper() for w in written[:2])
            # or a person described: "One businessman close to the regime"
            described = any(w.casefold() in PEOPLE for w in written[:3])
            return (named and not _organisation_like(candidate)) or described
        if word in NEUTER:
            return not _person_like(candidate)
        return True  # "they", "sie", "il": a person or a body
    head = nominal_head(anaphor)
    if head is None:
        return False
    if head in (w.casefold() for w in _WORD.findall(candidate.text)):
        return True  # "the ministry" ← "the Iranian Foreign Ministry"
    if head in PERSON:
        return _person_like(candidate)
    return _organisation_like(candidate)


def named_sources(
    text: str, sentences: Sequence[tuple[int, int]], found: Sequence[Attribution]
) -> list[Span | None]:
    """For each attribution, the span naming its source: its own when it names one, the
    antecedent of a pronoun or nominal source ("he", "the ministry"), else its own words
    (None only for an attribution without a source)."""
    ordered = sorted(sentences)
    starts = [s for s, _ in ordered]
    order = sorted(range(len(found)), key=lambda i: _at(found[i]))
    resolved: list[Span | None] = [a.source for a in found]
    for i in order:
        a = found[i]
        if a.source is None or not (is_pronoun(a.source) or nominal_head(a.source)):
            continue
        if a.source.text.casefold() in RELATIVES:
            continue  # "an architect who said": the noun just before, read off the parse
        k = bisect.bisect_right(starts, a.source.start) - 1
        # sentence by sentence backwards: a named source there, else (pronouns) the first
        # name of an earlier sentence, its likely subject
        for m in range(k, max(-1, k - LOOKBACK - 1), -1):
            first, last = ordered[m]
            antecedent = _antecedent(text, found, resolved, a, first, last)
            guess = is_pronoun(a.source) and a.language != "de"  # German capitalises nouns
            if antecedent is None and guess and m < k and k - m <= 3:
                antecedent = _first_name(text, ordered, m + 1, a.source)
            if antecedent is not None:
                resolved[i] = antecedent
                break
    return resolved


def _at(a: Attribution) -> int:
    return a.source.start if a.source is not None else a.cue.start


def _antecedent(
    text: str,
    found: Sequence[Attribution],
    resolved: Sequence[Span | None],
    target: Attribution,
    first: int,
    last: int,
) -> Span | None:
    assert target.source is not None
    best: Span | None = None
    for j, other in enumerate(found):
        span = resolved[j]
        if span is None or other is target or not _named(span):
            continue
        if not (first <= _at(other) < min(last, target.source.start)):
            continue
        if target.source.start <= span.start < target.source.end:
            continue
        if _compatible(target.source, span) and (best is None or _at(other) > best.start):
            best = span
    return best


_NAME = regex.compile(
    r"\b\p{Lu}[\p{L}’'-]*(?:[ \t]+(?:(?:al-|de|von|bin)[ \t]+)?\p{Lu}[\p{L}’'-]*)+"
)
_NOT_NAME = words(
    "the a an this that these those what when while but and or in on at for after before "
    "if as his her their its der die das ein eine dem den des im am le la les un une el los "
    "las una en"
)


def _first_name(
    text: str, ordered: Sequence[tuple[int, int]], k: int, pronoun: Span
) -> Span | None:
    """ "he", "it": the first run of two or more capitalised words of an earlier sentence
    (its likely subject) that the pronoun can stand for, in the sentence before ``k``."""
    if pronoun.text.casefold() in RELATIVES:
        return None
    for m in range(k - 1, k - 2, -1):
        s, e = ordered[m]
        for hit in _NAME.finditer(text, s, min(e, pronoun.start)):
            parts = hit.group().split()
            skip = 0
            while skip < len(parts) and parts[skip].lower() in _NOT_NAME:
                skip += 1
            if len(parts) - skip >= 2:
                begin = hit.start() + hit.group().index(parts[skip])
                end = hit.end()
                while text[end - 1] == "." and text[end - 4 : end - 1].isalpha():
                    end -= 1
                span = Span(begin, end, text[begin:end])
                if _compatible(pronoun, span):
                    return span
    return None


def report_parents(
    text: str, sentences: Sequence[tuple[int, int]], found: Sequence[Attribution]
) -> list[Attribution]:
    """Evidence sources ("the documents", "the files") and source-less reports that follow
    a named report, with no other named source in between, become its children."""
    ordered = sorted(sentences)
    starts = [s for s, _ in ordered]
    out = list(found)
    latest: int | None = None  # index of the last top-level attribution with a named source
    for i in sorted(range(len(found)), key=lambda i: (found[i].sentence.start, found[i].cue.start)):
        a = out[i]
        if latest is not None:
            reporter = out[latest]
            k_a = bisect.bisect_right(starts, a.sentence.start) - 1
            k_r = bisect.bisect_right(starts, reporter.sentence.start) - 1
            near = 0 < k_a - k_r <= REPORT_REACH
            evidence = is_evidence(a.source) or (a.source is None and a.cue_kind != "quote")
            if a.parent is None and near and evidence and not _inside(reporter, a):
                out[i] = dataclasses.replace(a, parent=latest)
                continue
        if a.parent is None and _named(a.source) and not is_evidence(a.source):
            # another named speaker takes over; a denial or a belief presents no evidence
            latest = i if a.cue_kind in REPORTING else None
    return out


def _inside(outer: Attribution, inner: Attribution) -> bool:
    return outer.content.start <= inner.cue.start < outer.content.end
