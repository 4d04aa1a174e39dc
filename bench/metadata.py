"""Page metadata against the trafilatura evaluation set's own gold: title, publication
date, author and the page's address, for claimtrace's clean stage and bare trafilatura.

Pages are read as a user's saved files are: without their URL, so the address must come
from the page itself (canonical link, og:url). A field is scored on the pages whose gold
has it: title and author compare casefolded words (author order and "und"/"and" ignored),
dates the day, addresses host and path (scheme, "www." and a trailing slash ignored).
Outlets have no gold here; the script counts those that are not names (a date or a URL).

    .venv/bin/python bench/metadata.py [--evaldata ../shared/evaldata] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from typing import Any

import trafilatura
from _common import (
    add_common_arguments,
    command_line,
    load_eval_pages,
    machine_info,
    read_html,
    trafilatura_eval_dir,
    write_result,
)
from tqdm import tqdm

from claimtrace.clean import build_document
from claimtrace.config import load_config
from claimtrace.records import Document, RawPage

FIELDS = ("title", "date", "author", "url")
_JOINERS = {"und", "and", "et", "y", "by", "von"}
_BAD_OUTLET = re.compile(r"(?i)^[\d\s./:\-]+$|://|^www\.|^@|\S@\S+\.[a-z]{2,}")


def _words(value: str | None) -> frozenset[str]:
    words = re.findall(r"\w+", (value or "").casefold())
    return frozenset(w for w in words if w not in _JOINERS)


def _address(value: str | None) -> str:
    if not value:
        return ""
    value = re.sub(r"(?i)^https?://(www\.)?", "", value.strip())
    return value.split("#")[0].rstrip("/").casefold()


def same(field: str, predicted: str | None, gold: str) -> bool:
    if field in ("title", "author"):
        return bool(_words(gold)) and _words(predicted) == _words(gold)
    if field == "date":
        return (predicted or "")[:10] == gold[:10]
    return bool(predicted) and _address(predicted) == _address(gold)


def claimtrace_fields(html: bytes, name: str) -> dict[str, str | None]:
    raw = RawPage(source=name, path=name, sha256="", format="html", content=html)
    doc = build_document(raw, load_config())
    if not isinstance(doc, Document):
        return {}
    return {"title": doc.title, "date": doc.published, "author": doc.author, "url": doc.url,
            "outlet": doc.outlet}  # fmt: skip


def trafilatura_fields(html: bytes) -> dict[str, str | None]:
    result = trafilatura.bare_extraction(html, with_metadata=True)
    if not isinstance(result, trafilatura.settings.Document):
        return {}
    return {"title": result.title, "date": result.date, "author": result.author,
            "url": result.url, "outlet": result.sitename}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_arguments(parser)
    args = parser.parse_args()
    folder = trafilatura_eval_dir(args.evaldata)
    gold_data = json.loads((folder / "evaldata.json").read_text("utf-8"))
    pages = load_eval_pages(folder, args.limit)
    systems = ("claimtrace", "trafilatura")
    hits = {s: Counter[str]() for s in systems}
    totals: Counter[str] = Counter()
    bad_outlets = {s: Counter[str]() for s in systems}
    for page in tqdm(pages, desc="pages", file=sys.stderr):
        html = read_html(folder, page.file)
        gold = {k: " ".join(map(str, v)) if isinstance(v, list) else v
                for k, v in gold_data[page.url].items()}  # fmt: skip
        gold["url"] = page.real_url or ""
        found = {"claimtrace": claimtrace_fields(html, page.file),
                 "trafilatura": trafilatura_fields(html)}  # fmt: skip
        for field in FIELDS:
            if not gold.get(field):
                continue
            totals[field] += 1
            for system in systems:
                hits[system][field] += same(field, found[system].get(field), gold[field])
        for system in systems:
            outlet = found[system].get("outlet")
            if outlet and _BAD_OUTLET.search(outlet.strip()):
                bad_outlets[system][outlet] += 1
    print(f"{'field':8} {'pages':>6} " + " ".join(f"{s:>12}" for s in systems))
    for field in FIELDS:
        row = " ".join(f"{hits[s][field] / max(totals[field], 1):12.3f}" for s in systems)
        print(f"{field:8} {totals[field]:6d} {row}")
    for system in systems:
        worst = ", ".join(f"{o!r} x{n}" for o, n in bad_outlets[system].most_common(5))
        print(f"outlets that are not names ({system}): {sum(bad_outlets[system].values())}"
              + (f"  e.g. {worst}" if worst else ""))  # fmt: skip
    print(f"\ncommand: {command_line()}")
    payload: dict[str, Any] = {
        "pages": len(pages),
        "gold": dict(totals),
        "accuracy": {s: {f: hits[s][f] / max(totals[f], 1) for f in FIELDS} for s in systems},
        "bad_outlets": {s: sum(bad_outlets[s].values()) for s in systems},
        "machine": machine_info(),
        "command": command_line(),
    }
    print(f"results: {write_result('metadata', payload)}")


if __name__ == "__main__":
    main()
