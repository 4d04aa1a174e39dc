"""Arabic rows of bench/ner.py: there is no Arabic NER test set in ../shared/evaldata and none
ships inside a PyPI package, so Arabic is measured two other ways.

1. ``ar-handmade``: 45 short news-style sentences written and annotated for this benchmark
   (bench/fixtures/ner/ar-handmade.jsonl; small and written by someone who knew the rules, so
   optimistic). Gold spans leave out proclitics (و ف ب ل ك) and keep the article ("العراق");
   a descriptor before a name is left out ("حركة حماس" -> "حماس", "وكالة رويترز" -> "رويترز")
   unless it is part of the name ("حزب الله", "منظمة الصحة العالمية"); a title is never part of
   a person; nationality adjectives are MISC (CoNLL convention). Scored with ner.py's scorer.
2. Actor detection on the Arabic event-coding positives (event-coding/arabic-gsr/*_gsr.xml):
   each sentence goes through the full analyse stage (``analyse_document``: NER rules, alias
   and gazetteer scanners, actor/place linking) and we ask whether a mention names each coded
   source and target actor. Matching rule, per coded actor (CAMEO ``main role`` code):
   - ``main`` is a country (ISO alpha-3, mapped to alpha-2 through CLDR via Babel): found when
     a mention links to an actor of that country (state, government, forces, party, person)
     -- column ``actor`` -- or, more leniently, to an actor or a place in that country
     (column ``+place``);
   - ``main`` IGO/NGO: a mention linked to an international organisation; ``main`` IMG or a
     role REB/INS without country: an armed group; role GOV: a government or state; role MIL:
     a government (its forces) or an armed group; PTY: a party; MED: a media outlet;
   - every other code (civilians, unidentified attackers, police, None...) names no entity
     and is not scored here;
   - ``span``: type-agnostic, for every coded actor whose gold text occurs in the sentence,
     whether some mention overlaps it (gold texts are often common nouns such as "الناس").
"""

from __future__ import annotations

import html
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from babel.core import get_global

from claimtrace.kb.actors.model import Actor
from claimtrace.nlp.analyse import Analysis, actor_table, analyse_document
from claimtrace.records import Document, Paragraph

HANDMADE = Path(__file__).resolve().parent / "fixtures" / "ner" / "ar-handmade.jsonl"
HANDMADE_LABEL = "ar hand-annotated (own, small, optimistic)"
EVENT_SETS = [("protest", "arabic-gsr/protest_gsr.xml"), ("assault", "arabic-gsr/assault_gsr.xml")]
ANALYSE = "analyse (rules+scanners)"

Entity = tuple[int, int, str]
_SCORE_LABEL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}  # rest: MISC
_TYPES_BY_MAIN = {
    "IGO": {"international_org"},
    "NGO": {"international_org"},
    "IMG": {"armed_group"},
}
_TYPES_BY_ROLE = {
    "REB": {"armed_group"},
    "INS": {"armed_group"},
    "GOV": {"government", "state"},
    "MIL": {"government", "armed_group"},
    "PTY": {"party"},
    "MED": {"media_outlet"},
}
_BLOCK = re.compile(r"<Sentence\b(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


def document(text: str, language: str = "ar") -> Document:
    return Document(
        "bench", text, None, language, (language,), (Paragraph(0, 0, len(text), language),)
    )


def read_anercorp(path: Path) -> list[list[tuple[str, str]]]:
    """ANERcorp (CAMeL Lab split) sentences as (token, IOB2 tag) pairs, PERS renamed PER.

    ner-news/PROVENANCE.md lists this file (format C: ``token tag`` lines, blank line between
    sentences) but it is absent from the current copy; the row appears when it is added."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) != 2:
            if current:
                sentences.append(current)
            current = []
            continue
        current.append((parts[0], parts[1].replace("PERS", "PER")))
    if current:
        sentences.append(current)
    return sentences


def read_handmade(path: Path = HANDMADE) -> list[tuple[str, list[Entity]]]:
    out = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            gold = [(e["start"], e["end"], e["label"]) for e in item["entities"]]
            out.append((item["text"], gold))
    return out


def analyse_entities(analysis: Analysis) -> list[Entity]:
    return [
        (m.mention.start, m.mention.end, _SCORE_LABEL.get(m.mention.label, "MISC"))
        for m in analysis.mentions
    ]


def run_handmade_analyse(score: Callable[[list[Any]], dict[str, float]]) -> dict[str, Any]:
    """The hand-annotated set through the whole analyse stage (the NER backend row is run by
    ner.py itself, like every other set)."""
    sentences = read_handmade()
    warm_up = time.perf_counter()
    analyse_document(document(sentences[0][0]))
    load = time.perf_counter() - warm_up
    pairs, seconds = [], 0.0
    for text, gold in sentences:
        start = time.perf_counter()
        analysis = analyse_document(document(text))
        seconds += time.perf_counter() - start
        pairs.append((gold, analyse_entities(analysis)))
    words = sum(len(text.split()) for text, _ in sentences)
    return {
        **score(pairs),
        "sentences": len(sentences),
        "words": words,
        "seconds": seconds,
        "words_per_second": words / seconds if seconds else 0.0,
        "load_seconds": load,
    }


def read_event_set(path: Path) -> list[dict[str, str]]:
    """Sentences with their first coding: text, source/target code and gold text."""
    out = []
    for block in _BLOCK.findall(path.read_text("utf-8")):
        text = _TEXT.search(block)
        event = re.search(r"<EventText\b([^>]*)/?>", block)
        coding = re.search(r"<EventCoding\b([^>]*)/?>", block)
        if text is None or coding is None:
            continue
        item = {"text": html.unescape(" ".join(text.group(1).split()))}
        codes = dict(_ATTR.findall(coding.group(1)))
        texts = dict(_ATTR.findall(event.group(1))) if event else {}
        for role in ("source", "target"):
            item[f"{role}code"] = codes.get(f"{role}code", "")
            item[f"{role}text"] = html.unescape(" ".join(texts.get(f"{role}text", "").split()))
        out.append(item)
    return out


def _alpha2(code: str) -> str | None:
    aliases = get_global("territory_aliases").get(code) or []
    return aliases[0] if len(aliases) == 1 and len(aliases[0]) == 2 else None


def expectation(code: str) -> tuple[str, Any] | None:
    """What a coded actor asks for: ("country", "IL"), ("type", {...}) or None (unscored)."""
    main, _, role = code.partition(" ")
    country = _alpha2(main) if len(main) == 3 and main.isalpha() else None
    if country:
        return ("country", country)
    if main in _TYPES_BY_MAIN:
        return ("type", _TYPES_BY_MAIN[main])
    if main in {"", "None"} and role in _TYPES_BY_ROLE:
        return ("type", _TYPES_BY_ROLE[role])
    return None


def _actors(analysis: Analysis) -> list[Actor]:
    table = actor_table()
    return [a for m in analysis.mentions if m.actor_id and (a := table.get(m.actor_id))]


def found(analysis: Analysis, wanted: tuple[str, Any]) -> tuple[bool, bool]:
    """(found through a linked actor, found through an actor or a place)."""
    kind, value = wanted
    actors = _actors(analysis)
    if kind == "type":
        hit = any(a.type in value for a in actors)
        return hit, hit
    by_actor = any(a.country == value for a in actors)
    places = {p.id: p for p in analysis.places}
    by_place = any(
        m.place_id in places and places[m.place_id].country_code == value for m in analysis.mentions
    )
    return by_actor, by_actor or by_place


def run_event_coding(evaldata: Path, limit: int) -> list[dict[str, Any]]:
    rows = []
    for name, relative in EVENT_SETS:
        path = evaldata / "event-coding" / relative
        if not path.is_file():
            continue
        items = read_event_set(path)[:limit]
        analyse_document(document(items[0]["text"]))  # warm-up: models, tables, tries
        tally: dict[str, list[int]] = {}
        mentions = words = 0
        seconds = 0.0
        for item in items:
            start = time.perf_counter()
            analysis = analyse_document(document(item["text"]))
            seconds += time.perf_counter() - start
            mentions += len(analysis.mentions)
            words += len(item["text"].split())
            for role in ("source", "target"):
                _tally(tally, role, item, analysis)
        row: dict[str, Any] = {
            "set": f"arabic-gsr/{name}",
            "sentences": len(items),
            "mentions_per_sentence": mentions / len(items) if items else 0.0,
            "words_per_second": words / seconds if seconds else 0.0,
        }
        for key, (n, hits) in sorted(tally.items()):
            row[key] = {"n": n, "found": hits, "recall": hits / n if n else 0.0}
        rows.append(row)
    return rows


def _tally(
    tally: dict[str, list[int]], role: str, item: dict[str, str], analysis: Analysis
) -> None:
    def add(key: str, hit: bool) -> None:
        counts = tally.setdefault(key, [0, 0])
        counts[0] += 1
        counts[1] += int(hit)

    wanted = expectation(item[f"{role}code"])
    if wanted is not None:
        by_actor, by_any = found(analysis, wanted)
        if wanted[0] == "country":
            add(f"{role}_country_actor", by_actor)
            add(f"{role}_country_place", by_any)
        else:
            add(f"{role}_type", by_actor)
    gold = item[f"{role}text"]
    at = item["text"].find(gold) if gold else -1
    if at >= 0:
        end = at + len(gold)
        add(
            f"{role}_span",
            any(m.mention.start < end and at < m.mention.end for m in analysis.mentions),
        )


def print_event_rows(rows: list[dict[str, Any]]) -> None:
    print("\nArabic actor detection on event-coding positives (full analyse stage; recall, n):")
    cols = ["country_actor", "country_place", "type", "span"]
    print(f"{'set':18} {'role':6} " + " ".join(f"{c:>15}" for c in cols) + "  ment/sent  words/s")
    for r in rows:
        for role in ("source", "target"):
            cells = []
            for c in cols:
                cell = r.get(f"{role}_{c}")
                cells.append(f"{cell['recall']:.3f} ({cell['n']:4d})" if cell else f"{'-':>15}")
            print(
                f"{r['set']:18} {role:6} "
                + " ".join(f"{c:>15}" for c in cells)
                + f"  {r['mentions_per_sentence']:9.2f} {r['words_per_second']:8.0f}"
            )
