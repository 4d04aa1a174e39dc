"""Train claimtrace's German NER model (shipped in src/claimtrace/data/models/ner_de).

Data: the GermEval 2014 NER development split (CC BY 4.0; Benikova, Biemann, Reznicek,
"NoSta-D Named Entity Annotation for German", LREC 2014), 2,199 German Wikipedia and news
sentences — see ../shared/evaldata/ner-train/PROVENANCE.md. Outer tags only; PER, LOC, ORG
and OTH become PER, LOC, ORG and MISC; the ``deriv`` variants ("deutschen") become MISC as
in CoNLL; the ``part`` variants ("EU-Kommission" as a whole is ORG, "EU-" alone is not a
name) become O. The sentences are shuffled with a fixed seed and split 85/15: the model
trains on the first part and the checkpoint with the best F1 on the held-out part is kept;
its held-out figures go into the model's ``meta.json``. The WikiNEuRal German test set is
never seen in training: bench/ner.py scores the shipped model on it.

Pipeline: spaCy's German tokenizer, ``claimtrace_de_features`` (HanTa STTS tags and a
lexical class per token, nlp/text/german_features.py), a CNN tok2vec reading
NORM/PREFIX/SUFFIX/SHAPE/TAG/MORPH, and a transition-based NER.

    .venv/bin/python scripts/train_ner_de.py \
        ../shared/evaldata/ner-train/germeval2014/NER-de-dev.tsv src/claimtrace/data/models/ner_de
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.cli.init_config import init_config
from spacy.cli.train import train
from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo
from thinc.api import Config

from claimtrace.nlp.text.german_features import FACTORY  # registers the component

TYPES = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
SEED = 13
HELD_OUT = 0.15


def build_config() -> Config:
    """spaCy's CPU "efficiency" NER config, with the German feature component in front and
    its TAG and MORPH features read by the tok2vec."""
    config = init_config(lang="de", pipeline=["ner"], optimize="efficiency")
    config["nlp"]["pipeline"] = [FACTORY, "tok2vec", "ner"]
    config["components"][FACTORY] = {"factory": FACTORY}
    embed = config["components"]["tok2vec"]["model"]["embed"]
    embed["attrs"] = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "MORPH"]
    embed["rows"] = [5000, 1000, 2500, 2500, 200, 200]
    training = config["training"]
    training.update(seed=SEED, max_epochs=40, patience=1600, eval_frequency=200)
    training["annotating_components"] = [FACTORY]
    config["system"]["seed"] = SEED
    return config


def read_germeval(path: Path) -> Iterator[list[tuple[str, str]]]:
    sentence: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        parts = line.split("\t")
        sentence.append((parts[1], parts[2]))
    if sentence:
        yield sentence


def iob(sentence: list[tuple[str, str]]) -> list[str]:
    tags = []
    for _, tag in sentence:
        prefix, _, kind = tag.partition("-")
        if tag == "O" or kind.endswith("part"):
            tags.append("O")
            continue
        base = kind.removesuffix("deriv")
        tags.append(f"{prefix}-{'MISC' if kind.endswith('deriv') else TYPES[base]}")
    previous = "O"
    for i, tag in enumerate(tags):  # an I- after O or after another type starts an entity
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tags[i] = "B-" + tag[2:]
        previous = tags[i]
    return tags


def write_docbins(sentences: list[list[tuple[str, str]]], folder: Path) -> None:
    vocab = spacy.blank("de").vocab
    cut = int(len(sentences) * (1 - HELD_OUT))
    for name, part in (("train", sentences[:cut]), ("dev", sentences[cut:])):
        bin_ = DocBin()
        for sentence in part:
            doc = Doc(vocab, words=[w for w, _ in sentence])
            doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(iob(sentence)))
            bin_.add(doc)
        bin_.to_disk(folder / f"{name}.spacy")
        print(f"{name}: {len(part)} sentences")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("germeval", type=Path, help="GermEval 2014 NER TSV file")
    parser.add_argument("output", type=Path, help="folder the model is written to")
    args = parser.parse_args()
    sentences = list(read_germeval(args.germeval))
    random.Random(SEED).shuffle(sentences)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        write_docbins(sentences, work)
        build_config().to_disk(work / "config.cfg")
        train(
            work / "config.cfg",
            work / "out",
            overrides={
                "paths.train": str(work / "train.spacy"),
                "paths.dev": str(work / "dev.spacy"),
            },
        )
        best = work / "out" / "model-best"
        meta = json.loads((best / "meta.json").read_text())
        meta.update(
            name="claimtrace_ner_de",
            version="1.0.0",
            description="claimtrace German NER (scripts/train_ner_de.py)",
            sources=[
                {
                    "name": "GermEval 2014 NER, development split",
                    "url": "https://sites.google.com/site/germeval2014ner/",
                    "license": "CC BY 4.0",
                    "author": "Benikova, Biemann, Reznicek (LREC 2014)",
                    "sha256": hashlib.sha256(args.germeval.read_bytes()).hexdigest(),
                }
            ],
            license="CC BY 4.0 (training data)",
        )
        (best / "meta.json").write_text(json.dumps(meta, indent=2))
        if args.output.exists():
            shutil.rmtree(args.output)
        shutil.copytree(best, args.output)
    scores = meta.get("performance", {})
    print(
        f"held-out F1 {scores.get('ents_f', 0):.3f} P {scores.get('ents_p', 0):.3f} "
        f"R {scores.get('ents_r', 0):.3f} -> {args.output}"
    )


if __name__ == "__main__":
    main()
