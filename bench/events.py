"""Relation typing accuracy of the claim lexicons on the event-coding gold sets.

Each gold sentence carries one or more event codes (CAMEO or PLOVER); the sentence is typed
as the claim stage types it, with ``nlp.claims.syntax.choose_relation`` (the lexicon match
heading the sentence on the dependency parse for en/es, no actors involved; ``--chooser
first`` scores the first lexicon match instead, ``verbs.find_relation``) and scored against the gold
codes mapped onto our relations (``relations.relation_for_cameo`` /
``relation_for_plover``; docs/relations.md lists the mapping). A sentence counts as right
when the predicted relation is one of its gold relations. Two figures per set:

* ``exact``: the relation code itself;
* ``coarse``: PLOVER-level, with FIGHT and ASSAULT merged (our lexicons do not tell
  conventional from unconventional force, the distinction the Arabic and Colombian sets
  draw) and ``other`` never right.

Sets used (../shared/evaldata/event-coding, see its PROVENANCE.md): UniversalPetrarch
``PETR2_GSR_validation.xml`` (en, CAMEO), ``spanish_protest_plover_validation.xml`` (es,
PLOVER), ``spanish_fight_reduced_181227_validation.xml`` (es, CAMEO), arabic-gsr
``protest_gsr.xml`` and ``assault_gsr.xml`` (ar, PLOVER positives only). Not used: the
PETRARCH2 unit tests (synthetic grammar tests with invented countries, not news).

    .venv/bin/python bench/events.py [--chooser head|first] [--half 1|2]

``prec`` is the share of sentences given a relation other than ``other`` that got a gold
relation (a wrong relation is worse than none); ``other`` the share left untyped.
"""

from __future__ import annotations

import argparse
import html
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

from _common import DEFAULT_EVALDATA, command_line, display_path, machine_info, write_result

from claimtrace.nlp.claims.relations import BY_CODE, relation_for_cameo, relation_for_plover
from claimtrace.nlp.claims.syntax import choose_relation
from claimtrace.nlp.claims.verbs import find_relation

CHOOSERS = {"head": choose_relation, "first": find_relation}

SETS = [
    ("petr2-gsr", "en", "universalpetrarch-spanish-english/PETR2_GSR_validation.xml", "cameo"),
    (
        "es-protest",
        "es",
        "universalpetrarch-spanish-english/spanish_protest_plover_validation.xml",
        "plover",
    ),
    (
        "es-fight",
        "es",
        "universalpetrarch-spanish-english/spanish_fight_reduced_181227_validation.xml",
        "cameo",
    ),
    ("ar-protest", "ar", "arabic-gsr/protest_gsr.xml", "plover"),
    ("ar-assault", "ar", "arabic-gsr/assault_gsr.xml", "plover"),
]
_BLOCK = re.compile(r"<Sentence\b(.*?)(?=<Sentence\b|</Validation>|\Z)", re.S)
_CODING = re.compile(r"<EventCoding\b([^>]*)/?>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_VIOLENCE = {"FIGHT", "ASSAULT"}


def read_set(path: Path, scheme: str) -> list[tuple[str, set[str]]]:
    """``(sentence, gold relations)`` for every sentence with at least one usable code."""
    out: list[tuple[str, set[str]]] = []
    for block in _BLOCK.findall(path.read_text("utf-8")):
        text = _TEXT.search(block)
        if text is None:
            continue
        sentence = html.unescape(" ".join(text.group(1).split()))
        if " | " in sentence[:60]:  # "20000430 20000430_NYN_P1_P10320 | Guerrilleros ..."
            sentence = sentence.split(" | ", 1)[1]
        gold: set[str] = set()
        for coding in _CODING.findall(block):
            attrs = dict(_ATTR.findall(coding))
            plover, cameo = attrs.get("plover", ""), attrs.get("eventcode", "")
            if scheme == "plover" and plover:
                gold.add(relation_for_plover(plover))
            elif cameo[:2].isdigit():
                gold.add(relation_for_cameo(cameo.split("_")[0].split("/")[0]))
        if gold and sentence:
            out.append((sentence, gold))
    return out


def coarse(relation: str) -> str | None:
    plover = BY_CODE[relation].plover if relation in BY_CODE else None
    return "VIOLENCE" if plover in _VIOLENCE else plover


def score(
    items: list[tuple[str, set[str]]], language: str, chooser: str = "head"
) -> dict[str, Any]:
    choose = CHOOSERS[chooser]
    exact = lenient = typed = typed_right = 0
    confusion: Counter[tuple[str, str]] = Counter()
    started = time.perf_counter()
    for sentence, gold in items:
        found = choose(sentence, language)
        predicted = found.code if found else "other"
        if predicted in gold:
            exact += 1
        if predicted != "other":
            typed += 1
            typed_right += predicted in gold
        gold_coarse = {coarse(g) for g in gold} - {None}
        if coarse(predicted) is not None and coarse(predicted) in gold_coarse:
            lenient += 1
        confusion[(sorted(gold)[0], predicted)] += 1
    seconds = time.perf_counter() - started
    n = len(items)
    return {
        "sentences": n,
        "exact": round(exact / n, 3) if n else None,
        "coarse": round(lenient / n, 3) if n else None,
        # a wrong relation is worse than "other": how often a typed sentence is typed right
        "precision": round(typed_right / typed, 3) if typed else None,
        "other": round(1 - typed / n, 3) if n else None,
        "typed": typed,
        "typed_right": typed_right,
        "sentences_per_second": round(n / seconds) if seconds else None,
        "top_confusions": [f"{g}->{p}: {c}" for (g, p), c in confusion.most_common(8) if g != p][
            :5
        ],
        "gold": dict(Counter(sorted(g)[0] for _, g in items).most_common()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument("--chooser", choices=sorted(CHOOSERS), default="head")
    parser.add_argument(
        "--half",
        type=int,
        choices=(1, 2),
        default=None,
        help="1: the even-numbered sentences of each set (lexicons tuned on), 2: the odd ones "
        "(held out); default: all",
    )
    args = parser.parse_args()
    root = args.evaldata / "event-coding"
    rows: dict[str, Any] = {}
    total = right = right_coarse = typed = typed_right = 0
    print(
        f"{'set':<12} {'lang':<4} {'n':>5} {'exact':>6} {'coarse':>6} {'prec':>6} {'other':>6}"
        "  top confusions (gold->ours)"
    )
    for name, language, file, scheme in SETS:
        path = root / file
        if not path.is_file():
            print(f"{name:<12} missing: {display_path(path)}")
            continue
        items = read_set(path, scheme)
        if args.half is not None:
            items = items[args.half - 1 :: 2]
        row = score(items, language, args.chooser)
        rows[name] = {"language": language, **row}
        total += row["sentences"]
        right += round(row["exact"] * row["sentences"])
        right_coarse += round(row["coarse"] * row["sentences"])
        typed += row["typed"]
        typed_right += row["typed_right"]
        print(
            f"{name:<12} {language:<4} {row['sentences']:>5} {row['exact']:>6.3f} "
            f"{row['coarse']:>6.3f} {row['precision'] or 0:>6.3f} {row['other']:>6.3f}  "
            f"{'; '.join(row['top_confusions'][:3])}"
        )
    if total:
        overall = {
            "sentences": total,
            "exact": round(right / total, 3),
            "coarse": round(right_coarse / total, 3),
            "precision": round(typed_right / typed, 3) if typed else None,
            "other": round(1 - typed / total, 3),
        }
        rows["overall"] = overall
        print(
            f"{'overall':<12} {'':<4} {total:>5} {overall['exact']:>6.3f} "
            f"{overall['coarse']:>6.3f} {overall['precision'] or 0:>6.3f} {overall['other']:>6.3f}"
        )
    path = write_result(
        "events",
        {
            "command": command_line(),
            "machine": machine_info(),
            "chooser": args.chooser,
            "half": args.half,
            "rows": rows,
        },
    )
    print(f"\ncommand: {command_line()}\nresults: {display_path(path)}")


if __name__ == "__main__":
    main()
