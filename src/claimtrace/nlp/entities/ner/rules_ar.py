"""Arabic rules for the model-free NER backend.

Arabic has no capital letters, so names are found only next to cue words: a title before a
person (الرئيس، وزير، الشيخ), an organisation head noun that starts the name (حزب، منظمة،
قوات، جيش), a place head noun before a place (مدينة، محافظة), CLDR country names (with the
clitics و/ف/ب/ل/ك stripped) and nationality adjectives derived from them (الإيرانية).
Country names and nationality adjectives are compared with the hamza on alif folded away
(news often writes "الاسرائيليين" for "الإسرائيليين"). Demonyms of states whose Arabic name
does not yield the adjective ("الولايات المتحدة" / "أميركي", broken plurals "الأتراك") come
from the curated demonyms of the actor table (data/actor_demonyms.json). Everything else is
missed: expect low recall.
"""

from __future__ import annotations

import functools

import regex

from claimtrace.kb.actors.files import curated_json
from claimtrace.nlp.entities.ner.base import Span, drop_overlaps
from claimtrace.nlp.entities.ner.lexicon import country_names, split_words

WORD = regex.compile(r"[\p{Arabic}&&[\p{L}\p{M}]]+", regex.V1)
ARABIC_LETTER = regex.compile(r"\p{Arabic}")
LETTER = regex.compile(r"\p{L}")
CLITICS = ("وبال", "وال", "فال", "بال", "كال", "لل", "و", "ف", "ب", "ل", "ك")
STOP = split_words(
    "في من على إلى عن مع أن إن أو ثم قد لقد كان كانت التي الذي الذين هذا هذه ذلك تلك بعد قبل "
    "حتى منذ خلال عند بين لم لن لا ما قال قالت أكد أعلن وقال وقالت يوم اليوم أمس"
    # "المتحدث باسم الجيش": what follows "on behalf of" is a body, not the speaker's name
    " باسم"
)
PERSON_TITLES = split_words(
    "الرئيس الرئيسة الشيخ السيد السيدة الجنرال العميد اللواء العقيد الأمير الملك الوزير "
    "وزير وزيرة رئيس المتحدث الناطق"
)
ORG_HEADS = split_words(
    "حزب منظمة حركة قوات جيش الجيش ميليشيا جماعة شركة وكالة جامعة مجلس هيئة جبهة كتائب لواء"
)
PLACE_HEADS = split_words("مدينة محافظة بلدة قرية إقليم ولاية منطقة مخيم العاصمة")
NISBA = ("يون", "يين", "ية", "ي")
_ALIF = str.maketrans("أإآٱ", "اااا")


def fold_alif(text: str) -> str:
    """Hamza and madda forms of alif as bare alif: spelling varies in news text."""
    return text.translate(_ALIF)


def arabic_share(text: str) -> float:
    letters = len(LETTER.findall(text))
    return len(ARABIC_LETTER.findall(text)) / letters if letters else 0.0


def _bare(word: str) -> list[tuple[int, str]]:
    """``word`` and its forms without a leading clitic, each with the prefix length removed."""
    forms = [(0, word)]
    for clitic in CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            rest = word[len(clitic) :]
            if clitic.endswith("ال"):  # "وبالعراق": the span keeps the article, "العراق"
                forms.append((len(clitic) - 2, "ال" + rest))
            else:  # "للعراق" is "ل" + "العراق" with the alif dropped
                forms.append((len(clitic), "ال" + rest if clitic == "لل" else rest))
    return forms


@functools.lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(fold_alif(name) for name in country_names("ar"))


@functools.lru_cache(maxsize=1)
def _curated_demonyms() -> tuple[frozenset[str], frozenset[str]]:
    """(nisba stems, whole words) of the curated Arabic demonyms, alif folded, article off:
    "أميركي" gives the stem "اميرك", "الأتراك" the word "اتراك"."""
    stems: set[str] = set()
    words: set[str] = set()
    for entry in curated_json("actor_demonyms.json")["states"].values():
        for form in entry.get("ar", ()):
            form = fold_alif(form.removeprefix("ال"))
            if form.endswith("ي") and len(form) >= 4:
                stems.add(form[:-1])
            else:
                words.add(form)
    return frozenset(stems), frozenset(words)


@functools.lru_cache(maxsize=50_000)
def arabic_demonym(word: str) -> bool:
    """A nisba adjective of a country: الإيرانية → إيران, المصري → مصر, الروسية → روسيا."""
    word = fold_alif(word)
    stem = word[2:] if word.startswith("ال") else word
    curated_stems, curated_words = _curated_demonyms()
    if stem in curated_words:
        return True
    for suffix in NISBA:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            stem = stem[: -len(suffix)]
            break
    else:
        return False
    if stem in curated_stems:
        return True
    for country in _countries():
        base = country[2:] if country.startswith("ال") else country
        if stem in {base, base.removesuffix("ا"), base.removesuffix("يا"), base.removesuffix("ة")}:
            return True
    return False


def extract_arabic(text: str) -> list[Span]:
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    spans: list[Span] = []
    i = 0
    while i < len(words):
        start, end, word = words[i]
        stripped = {form for _, form in _bare(word)}
        # Country names of up to three words ("الولايات المتحدة"), clitics stripped.
        for size in (3, 2, 1):
            if i + size > len(words):
                continue
            for cut, form in _bare(word):
                phrase = fold_alif(" ".join([form] + [w[2] for w in words[i + 1 : i + size]]))
                if phrase in _countries() or (form.startswith("ال") and phrase[2:] in _countries()):
                    spans.append(Span(start + cut, words[i + size - 1][1], "GPE"))
                    break
        if any(arabic_demonym(form) for form in stripped):
            cut = next(c for c, f in _bare(word) if arabic_demonym(f))
            spans.append(Span(start + cut, end, "NORP"))
        if stripped & ORG_HEADS:
            span = _after(text, words, i, include_cue=True, limit=3, label="ORG")
            if span:
                spans.append(span)
        elif stripped & PERSON_TITLES:
            span = _after(text, words, i, include_cue=False, limit=3, label="PERSON")
            if span:
                spans.append(span)
        elif stripped & PLACE_HEADS:
            span = _after(text, words, i, include_cue=False, limit=2, label="GPE")
            if span:
                spans.append(span)
        i += 1
    return drop_overlaps([s for s in spans if s.end > s.start])


def _after(
    text: str,
    words: list[tuple[int, int, str]],
    cue: int,
    *,
    include_cue: bool,
    limit: int,
    label: str,
) -> Span | None:
    """The words after a cue, up to ``limit``, stopping at a function word or punctuation.

    For a person, descriptive words that follow a title (the ministry "الخارجية", a
    nationality "الإيراني") are skipped: a name rarely starts with the article.
    """
    j = cue + 1
    if label == "PERSON":
        while j < len(words) and words[j][2].startswith("ال") and j - cue <= 2:
            j += 1
    taken: list[tuple[int, int, str]] = []
    while j < len(words) and len(taken) < limit:
        start, _end, word = words[j]
        if text[words[j - 1][1] : start].strip() or word in STOP:
            break  # punctuation or a function word ends the name
        if taken and word.startswith("و") and word[1:2] != "ا":
            break  # "و" joins the next clause, except in names such as "وائل"
        if label == "ORG" and taken and not word.startswith("ال"):
            break  # the name is a construct: حزب الله، قوات الدعم السريع، حركة حماس
        if label == "PERSON" and any(fold_alif(f) in _countries() for _, f in _bare(word)):
            break  # "أن الرئيس سيزور الأردن": a country ends (or is not) a person's name
        taken.append(words[j])
        j += 1
    if not taken:
        return None
    cut = next((c for c, f in _bare(words[cue][2]) if f in ORG_HEADS), 0)
    start = words[cue][0] + cut if include_cue else taken[0][0]
    return Span(start, taken[-1][1], label)
