"""Tests for claimtrace.clean.text (plain-text scrape cleaner).

Three layers:
* the five real seed scrapes in /work/shared/corpus/seeds (skipped if absent);
* our own fixtures in tests/fixtures/text (fr/es/ar/ru/de/en, debris worded
  differently from the seeds) with the expected result in a JSON beside each;
* small inline cases for the edges (empty input, prose that mentions UI words...).

The central invariant everywhere: every input line that is not debris, title or
dateline appears in the output, in order, with only its blanks normalised.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrace.clean.text import CleanedText, clean_text

SEED_DIR = Path("/work/shared/corpus/seeds")
FIXTURE_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "text"
REASONS = {
    "ticker",
    "navigation",
    "ui-prompt",
    "photo-credit",
    "caption",
    "language-link",
    "dateline",
    "byline",
}


def _norm(text: str) -> str:
    return " ".join(text.split())


def _assert_body_kept(raw: str, result: CleanedText) -> None:
    """The output is exactly the kept input lines, in order, blanks normalised."""
    lifted = [_norm(line) for line, _ in result.removed]
    if result.title is not None:
        lifted.append(_norm(result.title))
    kept = [_norm(line) for line in raw.splitlines() if _norm(line)]
    for line in lifted:
        kept.remove(line)  # one occurrence per lifted line
    assert _norm(result.text) == _norm(" ".join(kept))
    assert set(result.text.split("\n\n")).isdisjoint(lifted)


def _assert_removed(result: CleanedText, expected: list[tuple[str, str]]) -> None:
    """`removed` lists exactly the expected lines (matched by prefix) and reasons."""
    got = [(_norm(line), why) for line, why in result.removed]
    assert len(got) == len(expected), got
    for (line, why), (prefix, expected_why) in zip(got, expected, strict=True):
        assert line.startswith(_norm(prefix)), (line, prefix)
        assert why == expected_why, (line, why)


def _article(*lines: str) -> str:
    return "\n".join(lines)


PROSE_EN = (
    "The regional government said on Tuesday that the new bridge would open in May, "
    "two years later than planned."
)
PROSE_EN_2 = "Engineers blamed the delay on flooding that damaged the foundations last winter."


# --- seeds ------------------------------------------------------------------

SEEDS = {
    "000": {
        "title": "Die Kooperation zwischen Assad und dem IS geht weiter",
        "published": "2019-04-05",
        "outlet": None,
        "removed": [("Freitag, 05.04.2019 / 12:33 Uhr", "dateline")],
    },
    "001": {"title": None, "published": None, "outlet": None, "removed": []},
    "002": {
        "title": "Report Claims Assad Regime Has Been Colluding with Islamic State",
        "published": None,
        "outlet": None,
        "removed": [
            ("Assad and Putin", "caption"),
            ("ALEXEY DRUZHININ/AFP/Getty Images", "photo-credit"),
            ("COMMENTS", "ui-prompt"),
            ("Please let us know if you're having issues with commenting.", "ui-prompt"),
        ],
    },
    "003": {
        "title": "Is Assad colluding with ISIS in Syria?",
        "published": None,
        "outlet": None,
        "removed": [],
    },
    "004": {
        "title": "Investing in IS",
        "published": "2017-09-14",
        "outlet": "Al-Ahram Weekly",
        "removed": [
            ("Dangote refinery seeks US crude boost", "ticker"),
            ("Thank you for reporting!", "ui-prompt"),
            ("This image will be automatically disabled when it gets reported", "ui-prompt"),
            ("Published in Al-Ahram Weekly on 14 - 09 - 2017", "dateline"),
            ("اقرأ باللغة العربية", "language-link"),
            ("Clic here to read the story from its source.", "ui-prompt"),
        ],
    },
}


def _seed_text(key: str) -> str:
    if not SEED_DIR.is_dir():
        pytest.skip(f"seed corpus {SEED_DIR} not available")
    matches = sorted(SEED_DIR.glob(f"{key}_*.txt"))
    if not matches:
        pytest.skip(f"seed {key} not found in {SEED_DIR}")
    return matches[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_seed_metadata_and_debris(key: str) -> None:
    expected = SEEDS[key]
    result = clean_text(_seed_text(key))
    assert result.title == expected["title"]
    assert result.published == expected["published"]
    assert result.outlet == expected["outlet"]
    _assert_removed(result, expected["removed"])


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_seed_body_survives_verbatim(key: str) -> None:
    raw = _seed_text(key)
    result = clean_text(raw)
    _assert_body_kept(raw, result)
    assert "\n\n\n" not in result.text
    assert result.text == result.text.strip()


def test_seed_one_paragraph_per_line_becomes_paragraphs() -> None:
    raw = _seed_text("001")
    result = clean_text(raw)
    lines = [_norm(line) for line in raw.splitlines() if line.strip()]
    assert [_norm(p) for p in result.text.split("\n\n")] == lines


# --- own fixtures -------------------------------------------------------------

FIXTURES = sorted(path.stem for path in FIXTURE_DIR.glob("*.txt"))


def test_fixture_languages_present() -> None:
    prefixes = {name.split("_", 1)[0] for name in FIXTURES}
    assert {"fr", "es", "ar", "ru", "de", "en"} <= prefixes


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture(name: str) -> None:
    raw = (FIXTURE_DIR / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURE_DIR / f"{name}.json").read_text(encoding="utf-8"))
    result = clean_text(raw)
    assert result.title == expected["title"]
    assert result.published == expected["published"]
    assert result.outlet == expected["outlet"]
    assert result.author == expected["author"]
    assert [list(item) for item in result.removed] == expected["removed"]
    _assert_body_kept(raw, result)


# --- edges ----------------------------------------------------------------------


def test_empty_string() -> None:
    assert clean_text("") == CleanedText(text="")


def test_whitespace_only() -> None:
    result = clean_text(" \n\t\n\u00a0\n\n")
    assert result.text == ""
    assert result.removed == ()


def test_only_debris_gives_empty_text() -> None:
    raw = _article(
        "Share",
        "Tweet",
        "",
        "Foto: dpa",
        "Werbung",
        "Kommentare (4)",
        "Lire la suite",
        "Все права защищены",
    )
    result = clean_text(raw)
    assert result.text == ""
    assert result.title is None
    assert len(result.removed) == 7
    assert {why for _, why in result.removed} <= REASONS


def test_text_starting_with_prose_has_no_title() -> None:
    raw = _article(PROSE_EN, PROSE_EN_2)
    result = clean_text(raw)
    assert result.title is None
    assert result.text == f"{PROSE_EN}\n\n{PROSE_EN_2}"


def test_title_needs_prose_after_it() -> None:
    result = clean_text(_article("A short heading", "", "Another short line"))
    assert result.title is None
    assert result.text == "A short heading\n\nAnother short line"


def test_title_with_question_mark_and_without_period() -> None:
    assert clean_text(_article("Will the bridge open?", "", PROSE_EN)).title == (
        "Will the bridge open?"
    )
    assert clean_text(_article("The bridge will open.", "", PROSE_EN)).title is None


def test_quoted_first_line_is_not_a_title() -> None:
    raw = _article("“We are not finished,” the mayor said", "", PROSE_EN)
    assert clean_text(raw).title is None


@pytest.mark.parametrize(
    "line",
    [
        "The minister declined to comment on the leaked report, his office said on Monday.",
        "Readers left more than 3,000 comments under the original article within a day.",
        "Users who click here are sent to a fake login page, the researchers found.",
        "Click here, the hackers wrote in the message, and your files will be restored.",
        "A photo published by the agency shows the convoy crossing the border at night.",
        "Photos of the site were shared widely on social media.",
        "Please let us know if you see him, the family pleaded in a statement.",
        "Share prices fell sharply on Monday after the announcement.",
        "Der Minister verwies auf die Kommentare der Behörde und wollte sich nicht äußern.",
        "Werbung für Zigaretten ist in Deutschland seit Jahren weitgehend verboten.",
        "Anzeige gegen Unbekannt wurde erstattet, teilte die Polizei mit.",
        "Le ministre n'a pas souhaité faire de commentaire sur cette photo.",
        "Comentarios racistas provocaron la expulsión del jugador del estadio.",
        "Реклама алкоголя на телевидении запрещена с 2012 года.",
        "التعليقات التي نشرها الوزير أثارت جدلا واسعا في البلاد.",
    ],
)
def test_prose_mentioning_ui_words_survives(line: str) -> None:
    result = clean_text(_article(line, PROSE_EN))
    assert result.removed == ()
    assert _norm(line) in _norm(result.text)


@pytest.mark.parametrize(
    "line",
    [
        "„Lesen Sie auch das Kleingedruckte“, sagte der Richter.",
        "»Kommentare lese ich nicht«, sagte sie.",
        '"Share the burden," the president urged European leaders.',
        "« Cliquez ici », lui a écrit l'escroc dans un courriel.",
    ],
)
def test_quoted_speech_survives(line: str) -> None:
    result = clean_text(_article(PROSE_EN, line, PROSE_EN_2))
    assert result.removed == ()
    assert _norm(line) in _norm(result.text)


def test_ticker_dropped_but_double_spaced_prose_kept() -> None:
    ticker = "   ".join(
        [
            "Markets rally on rate hopes",
            "Storm closes northern ports",
            "Parliament passes budget",
            "Cup final moved to Sunday",
            "Oil prices edge higher",
        ]
    )
    prose = (
        "The committee met twice.  It approved the plan in March.  "
        "Opposition members walked out.  A vote is expected in June."
    )
    result = clean_text(_article(ticker, "", prose))
    assert result.removed == ((_norm(ticker), "ticker"),)
    assert result.text == _norm(prose)


def test_caption_only_next_to_a_credit() -> None:
    raw = _article(
        PROSE_EN,
        "",
        "Workers on the new bridge",
        "Photo: Reuters",
        "",
        "A quiet street at dawn",
        "",
        PROSE_EN_2,
    )
    result = clean_text(raw)
    assert result.removed == (
        ("Workers on the new bridge", "caption"),
        ("Photo: Reuters", "photo-credit"),
    )
    assert "A quiet street at dawn" in result.text.split("\n\n")


def test_caption_between_prose_lines_without_blanks() -> None:
    raw = _article(PROSE_EN, "Foto: imago images/Müller", "Ein ausgetrockneter See", PROSE_EN_2)
    result = clean_text(raw)
    assert result.removed == (
        ("Foto: imago images/Müller", "photo-credit"),
        ("Ein ausgetrockneter See", "caption"),
    )
    assert result.text == f"{PROSE_EN}\n\n{PROSE_EN_2}"


def test_line_below_an_opening_credit_stays_the_title() -> None:
    result = clean_text(_article("Foto: dpa", "Bridge opening delayed", "", PROSE_EN))
    assert result.title == "Bridge opening delayed"
    assert result.removed == (("Foto: dpa", "photo-credit"),)


def test_language_link_by_script_alone() -> None:
    raw = _article("Διαβάστε στα ελληνικά", "", PROSE_EN, PROSE_EN_2)
    result = clean_text(raw)
    assert result.removed == (("Διαβάστε στα ελληνικά", "language-link"),)


def test_same_script_short_line_inside_body_kept() -> None:
    raw = _article(PROSE_EN, "", "Москва", "", PROSE_EN_2)
    assert clean_text(raw).removed == ()


@pytest.mark.parametrize(
    "dateline",
    [
        "Freitag, 05.04.2019 / 12:33 Uhr",
        "05.04.2019",
        "April 5, 2019 12:33 PM",
        "Published 5 April 2019",
        "Mis à jour le 5 avril 2019",
        "Publicado el 5 de abril de 2019",
        "Aktualisiert am 05.04.2019 um 12:33 Uhr",
        "Обновлено 5 апреля 2019, 09:00",
        "الجمعة 5 أبريل 2019",
        "2019-04-05",
    ],
)
def test_dateline_formats(dateline: str) -> None:
    result = clean_text(_article(dateline, "", "Bridge opening delayed", "", PROSE_EN))
    assert result.published == "2019-04-05"
    assert result.title == "Bridge opening delayed"
    assert result.removed == ((dateline, "dateline"),)
    assert result.text == PROSE_EN


@pytest.mark.parametrize(
    ("line", "outlet", "date"),
    [
        ("Published in Al-Ahram Weekly on 14 - 09 - 2017", "Al-Ahram Weekly", "2017-09-14"),
        ("First published in The Daily Ledger on 3 March 2020", "The Daily Ledger", "2020-03-03"),
        ("Veröffentlicht in Die Zeit am 5. April 2019", "Die Zeit", "2019-04-05"),
        ("Publié dans « Le Monde » le 5 avril 2019", "Le Monde", "2019-04-05"),
        ("Publicado en El Correo el 5 de abril de 2019", "El Correo", "2019-04-05"),
        ("Source: Reuters, 5 April 2019", "Reuters", "2019-04-05"),
        ("Опубликовано в «Коммерсантъ» 14.09.2017", "Коммерсантъ", "2017-09-14"),
    ],
)
def test_outlet_lines(line: str, outlet: str, date: str) -> None:
    for raw in (_article(line, "", PROSE_EN), _article(PROSE_EN, "", line)):
        result = clean_text(raw)
        assert (result.outlet, result.published) == (outlet, date)
        assert result.removed == ((line, "dateline"),)
        assert result.text == PROSE_EN


def test_date_inside_prose_is_not_a_dateline() -> None:
    line = "Am 5. April 2019 trafen sich die Minister in Berlin, um über die Brücke zu sprechen."
    result = clean_text(_article(line, PROSE_EN))
    assert result.published is None
    assert result.removed == ()


def test_byline() -> None:
    result = clean_text(_article("Bridge opening delayed", "By Jane Doe", "", PROSE_EN))
    assert result.author == "Jane Doe"
    assert result.title == "Bridge opening delayed"
    assert result.removed == (("By Jane Doe", "byline"),)


def test_byline_shape_in_title_kept() -> None:
    result = clean_text(_article("Von Berlin nach Paris in vier Stunden", "", PROSE_EN))
    assert result.author is None
    assert result.title == "Von Berlin nach Paris in vier Stunden"


def test_wrapped_lines_join_and_blanks_collapse() -> None:
    raw = _article(
        "The regional government said on Tuesday that the",
        "new bridge would open in May,",
        "two years later   than planned.",
        "",
        "",
        "",
        PROSE_EN_2,
    )
    result = clean_text(raw)
    assert result.text == f"{PROSE_EN}\n\n{PROSE_EN_2}"


def test_characters_are_kept_except_blank_runs() -> None:
    line = "« Nous irons jusqu’au bout\u00a0», a-t-il dit\u00a0; la “réforme” passera  en mai."
    result = clean_text(line)
    assert result.text == line.replace("  ", " ")
    assert "\u00a0" in result.text


def test_removed_reasons_are_known() -> None:
    for name in FIXTURES:
        raw = (FIXTURE_DIR / f"{name}.txt").read_text(encoding="utf-8")
        assert {why for _, why in clean_text(raw).removed} <= REASONS


@pytest.mark.parametrize(
    "prompt",
    [
        "Bitte melden Sie sich an, um einen Kommentar zu schreiben.",
        "Please log in, or register, to post a comment on this story.",
        "Veuillez vous connecter, s'il vous plaît, pour laisser un commentaire.",
    ],
)
def test_reader_addressed_comment_prompt_in_sentence_form(prompt: str) -> None:
    body = (
        "Die Behörden bestätigten am Montag, dass die Brücke wegen Schäden gesperrt bleibt. "
        "Ein Gutachten soll bis Ende des Monats vorliegen."
    )
    cleaned = clean_text(f"{body}\n\n{prompt}")
    assert cleaned.text == body
    assert (prompt, "ui-prompt") in cleaned.removed


def test_bullet_list_inside_article_is_not_a_ticker() -> None:
    body = (
        "Für das Windlicht braucht ihr nicht viel, und die Kinder können fast alles allein.\n\n"
        "Ihr braucht: Schere • Wasserfarben • Pinsel • Kleber • 1 Wasserglas • Seidenpapier\n\n"
        "Zuerst schneidet ihr das Papier in Streifen und klebt sie rund um das Glas."
    )
    assert clean_text(body).text == body


def test_bullet_separated_headlines_are_a_ticker() -> None:
    ticker = (
        "Parliament passes budget after long night • Storm warning for the northern coast • "
        "Rail strike ends after three days • Central bank holds rates steady"
    )
    body = "The council met on Monday to discuss the new harbour plan, officials said."
    cleaned = clean_text(f"{ticker}\n\n{body}")
    assert cleaned.text == body and cleaned.removed[0][1] == "ticker"
