"""Types of the German model's spans from evidence in the name itself.

The German model (nlp/text/german_model.py) finds names well (lenient F1 near 0.9 on
WikiNEuRal) but types many of them wrong: "Damaskus" or "Tripolis" as persons, "Boston
Bruins" or "Dinamo Zagreb" as places or persons, "Princeton University" as a place. These
rules retype a span when its words say what it is, and keep the model's guess otherwise:

- an organisation word in the name ("University", "FC", "AG", "Partei"): an organisation;
- a place feature word ("Burg", "Provinz", "River", "Airport"): a place;
- a place known to the gazetteer, the whole span (a city of 20,000 people or more, or a
  country or territory): a place, unless its first word is a first name and the model said
  person ("Paris Hilton");
- a known place plus a name that is neither a place, a first name nor a feature word
  ("Boston Bruins", "Juventus Turin", "Standard Lüttich"): a team or company named after
  its town, an organisation.
"""

from __future__ import annotations

import functools
from typing import Any

from claimtrace.nlp.entities.ner.base import Span
from claimtrace.nlp.entities.ner.lexicon import STOPWORDS
from claimtrace.nlp.text.words import split_words

_STOP = STOPWORDS["de"]

_ORG_WORDS = split_words(
    "university universität universidad université college school schule hochschule "
    "institute institut foundation stiftung company corporation corp inc ltd llc plc gmbh "
    "ag kg se sa nv bv spa co association verband verein club klub fc sc sk sv vfb vfl tsv "
    "fk if ff bk ik ac as us cf cd rc rfc afc hc ec "
    "airlines airways partei party council rat bank verlag records group gruppe konzern "
    "league liga bund union ministerium ministry kommission commission agentur agency "
    "united rovers wanderers athletic orchestra orchester band ensemble"
)
_PLACE_WORDS = split_words(
    "burg schloss provinz königreich kaiserreich fürstentum herzogtum grafschaft bistum "
    "fürstbistum republik kanton bezirk landkreis kreis region insel inseln halbinsel "
    "gebirge berg tal see fluss bucht bahnhof flughafen stadion kloster dom kirche "
    "river lake mountain mountains island islands bay bridge park airport stadium station "
    "circuit castle palace valley county street road avenue square hill hills"
)


_MIN_CITY = 20_000
_BIG_CITY = 500_000


@functools.lru_cache(maxsize=50_000)
def place_rank(name: str) -> int:
    """2 when ``name`` (or its genitive: "Berlins") is the very name of a country, a
    first-level region or a city of 500,000 people or more in the gazetteer, 1 for a city
    of 20,000 or more, else 0. Spelling only: no stems, sound-alikes or qualifiers
    ("Manchester City" is no name of Manchester)."""
    from claimtrace.kb.normalise import fold
    from claimtrace.kb.places.gazetteer import candidates
    from claimtrace.nlp.entities.scan.evidence import evidence_names

    best = 0
    forms = [name] + ([name[:-1]] if name.endswith("s") and len(name) > 4 else [])
    for form in forms:
        key = fold(form)
        for c in candidates(form, "de", 0):
            place = c.place
            if place.kind == "city" and place.population < _MIN_CITY:
                continue
            if key not in {fold(n) for n in evidence_names(place)}:
                continue
            big = place.kind != "city" or place.population >= _BIG_CITY
            best = max(best, 2 if big else 1)
    return best


def _words(name: str) -> list[str]:
    return [w.strip(".,;:()\"'„“”") for w in name.replace("-", " ").split()]


def retype(text: str, span: Span) -> Span:
    """``span`` with the type its own words give it (the model's type when they say none)."""
    from claimtrace.nlp.entities.scan.evidence import is_first_name

    if span.label not in ("PERSON", "ORG", "GPE", "LOC"):
        return span
    name = text[span.start : span.end]
    words = [w for w in _words(name) if w]
    if not words or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return span
    folded = [w.casefold() for w in words]
    if len(words) > 1 and any(w in _ORG_WORDS for w in folded):
        return span._replace(label="ORG")
    if len(words) > 1 and (folded[0] in _PLACE_WORDS or folded[-1] in _PLACE_WORDS):
        return span._replace(label="GPE")
    first_name = is_first_name(words[0])
    rank = place_rank(name)
    if rank:
        # a first name that is a town's too stays a person ("David"), not a big city's
        if span.label == "PERSON" and first_name and len(words) == 1 and rank < 2:
            return span
        return span._replace(label="GPE")
    if 2 <= len(words) <= 3 and span.label != "ORG":
        if span.label == "PERSON" and first_name:
            return span  # "Paris Hilton"
        for cut in range(1, len(words)):
            head, tail = " ".join(words[:cut]), " ".join(words[cut:])
            place, other = (head, tail) if place_rank(head) else (tail, head)
            if not place_rank(place) or place_rank(other) or " " in other:
                continue
            if is_first_name(other) or other.casefold() in _PLACE_WORDS:
                continue
            return span._replace(label="ORG")
    return span


# words before a name that make it the name of a place unit: "Provinz Saragossa", "KZ
# Auschwitz", "Königreich Irak" (the model leaves them out)
_UNIT_WORDS = split_words(
    "provinz burg schloss königreich kaiserreich fürstentum herzogtum grafschaft bistum "
    "erzbistum fürstbistum kalifat emirat sultanat volksrepublik kanton rajon oblast "
    "departamento département provincia kz sankt fort"
)
# a club's words before or after its town: "VfB Oldenburg", "Torpedo Kutaissi", "Newcastle
# United" (the model finds the town alone)
_CLUB_BEFORE = split_words(
    "fc sc sk sv vfb vfl tsv fk nk hc ac as cf cd rc ud sd ca cs ks gks bk ik "
    "dinamo dynamo lokomotive lokomotiv torpedo racing sporting spartak slavia sparta"
)
_CLUB_AFTER = split_words("united city town rovers wanderers athletic albion fc sc if ff bk")
_NAME_LINKS = split_words("von zu van de der da di du")  # "Johann von Aldringen"
# a compass noun before a genitive name is part of a place, never of a person's name:
# "im Osten Aleppos" is Aleppo ("Osten" is a first name in the lists)
_DIRECTIONS = split_words(
    "norden süden osten westen nordosten nordwesten südosten südwesten zentrum"
)


def _initial(token: Any) -> bool:
    """An initial such as "R." in "Mortimer R. Proctor"."""
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


def _name_word(token: Any) -> bool:
    word = token.text
    return word[:1].isupper() and word.isalpha() and word.casefold() not in _STOP


def adjust(doc: Any) -> list[tuple[list[Any], str]]:
    """The German model's entities of ``doc`` as (tokens, model label), with the edges
    the model tends to miss: a place unit word before a place ("Provinz Saragossa"), first
    names and initials before a surname ("Mortimer R. Proctor"), the surname after a lone
    first name ("Tarek Mitri"), a name particle and the name after it ("Johann von
    Aldringen", one span where the model gave two), a club's number ("FC Ingolstadt 04")."""
    from claimtrace.nlp.entities.scan.evidence import is_first_name

    out: list[tuple[list[Any], str]] = []
    ents = list(doc.ents)
    taken = {t.i for e in ents for t in e}
    skip: set[int] = set()
    for n, ent in enumerate(ents):
        if n in skip:
            continue
        tokens, label = list(ent), ent.label_
        if tokens[0].text.casefold() in _DIRECTIONS:
            if len(tokens) == 1:
                after = tokens[0].i + 1
                if after >= len(doc) or after in taken or not _name_word(doc[after]):
                    continue
                tokens = [doc[after]]
            else:
                tokens = tokens[1:]
            label = "LOC"  # "Osten Aleppos": the place Aleppo, in its genitive
        start = tokens[0].i
        if label in ("LOC", "ORG") and start > 0 and start - 1 not in taken:
            before = doc[start - 1]
            if before.text[:1].isupper() and before.text.casefold() in _UNIT_WORDS:
                tokens, label = [before, *tokens], "LOC"
            elif before.text[:1].isupper() and before.text.casefold() in _CLUB_BEFORE:
                tokens, label = [before, *tokens], "ORG"
        end = tokens[-1].i + 1
        if label == "LOC" and end < len(doc) and end not in taken:
            after = doc[end]
            if after.text[:1].isupper() and after.text.casefold() in _CLUB_AFTER:
                tokens, label = [*tokens, after], "ORG"
        if label == "PER":
            while tokens[0].i > 0 and tokens[0].i - 1 not in taken:
                before = doc[tokens[0].i - 1]
                if before.text.casefold() in _DIRECTIONS:
                    break  # "im Osten Aleppos": a compass noun, not the first name Osten
                if _initial(before) or (_name_word(before) and is_first_name(before.text)):
                    tokens = [before, *tokens]
                else:
                    break
            end = tokens[-1].i + 1
            if len(tokens) == 1 and is_first_name(tokens[0].text) and end < len(doc):
                after = doc[end]
                if end not in taken and _name_word(after) and not is_first_name(after.text):
                    tokens = [*tokens, after]
            end = tokens[-1].i + 1
            if end + 1 < len(doc) and doc[end].text in _NAME_LINKS and _name_word(doc[end + 1]):
                nxt = ents[n + 1] if n + 1 < len(ents) else None
                if nxt is not None and nxt[0].i == end + 1:
                    tokens = [*tokens, doc[end], *nxt]
                    skip.add(n + 1)
                elif end + 1 not in taken:
                    tokens = [*tokens, doc[end], doc[end + 1]]
        end = tokens[-1].i + 1
        number = end < len(doc) and doc[end].text.isdigit() and len(doc[end]) <= 4
        if label == "ORG" and number and end not in taken:
            tokens = [*tokens, doc[end]]
        nxt = ents[n + 1] if n + 1 < len(ents) else None
        if label == "ORG" and nxt is not None and nxt[0].i == tokens[-1].i + 1:
            tokens = [*tokens, *nxt]  # "Bayer 04" + "Leverkusen", "SK Sturm" + "Graz"
            skip.add(n + 1)
        out.append((tokens, label))
    return out
