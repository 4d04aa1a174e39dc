"""Headlines without the site name or date a page's title carries."""

from __future__ import annotations

from claimtrace.clean import build_document
from claimtrace.clean.title import headline
from claimtrace.config import load_config
from claimtrace.records import Document, RawPage


def test_outlet_parts_are_removed_from_either_end() -> None:
    assert headline("Grain deal extended | The Daily Star", ("The Daily Star",)) == (
        "Grain deal extended"
    )
    assert headline(
        "Le Monde.fr - Grève : les raffineries", (None,), "https://www.lemonde.fr/x"
    ) == ("Grève : les raffineries")
    # an outlet named with accents and case of its own
    assert headline("Wahl in Hessen - KYFFHAUSER nachrichten", ("Kyffhäuser Nachrichten",)) == (
        "Wahl in Hessen"
    )


def test_a_trailing_date_or_time_is_removed() -> None:
    assert headline("So viel Regen gab es lange nicht : 31.10.2023, 10.19 Uhr") == (
        "So viel Regen gab es lange nicht"
    )


def test_parts_that_are_not_outlet_or_date_stay() -> None:
    french = "Parité hommes-femmes en Tunisie : Au-dessous de la moyenne mondiale"
    assert headline(french, ("La Presse de Tunisie",)) == french
    assert headline("Coronavirus - live: what we know", ("The Guardian",)) == (
        "Coronavirus - live: what we know"
    )
    assert headline("Observer", ("Observer",)) == "Observer"  # nothing else: kept whole
    assert headline("2023 - 2024", ()) == "2023 - 2024"


def test_short_domain_labels_are_not_outlet_names() -> None:
    # "taz.de": "Taz" is no outlet name unless the page says so
    assert headline("Die Taz - Taz", (None,), "https://taz.de/x") == "Die Taz - Taz"


def test_build_document_gives_the_headline() -> None:
    html = (
        "<html><head><title>Dam turbines shut down | Levant Wire</title>"
        '<meta property="og:site_name" content="Levant Wire"></head><body><article>'
        + "<p>Two of six turbines at the dam were shut down as a precaution, the dam's"
        " administration said on Tuesday, after the water level fell again.</p>"
        * 3
        + "</article></body></html>"
    )
    raw = RawPage(source="t.html", path="t.html", sha256="", format="html", content=html.encode())
    doc = build_document(raw, load_config())
    assert isinstance(doc, Document)
    assert doc.title == "Dam turbines shut down"
    assert doc.outlet == "Levant Wire"
