"""Types of unknown names from evidence: the real analyse stage and type rules on
sentences written for these tests."""

from __future__ import annotations

from claimtrace.nlp.analyse import analyse_document
from claimtrace.nlp.entities.mentions.types import unknown_type
from claimtrace.records import Document, Paragraph


def _document(text: str, language: str) -> Document:
    paragraph = Paragraph(0, 0, len(text), language)
    return Document("doc_test", text, None, language, (language,), (paragraph,))


def test_outlet_street_and_phrase_words() -> None:
    assert unknown_type("Levant Wire", "en", role=False, strict=False) == "media_outlet"
    assert unknown_type("Ostsee Zeitung", "de", role=False, strict=True) == "media_outlet"
    assert unknown_type("Petersallee", "de", role=False, strict=True) == "other"
    assert unknown_type("Rue Lepic", "fr", role=False, strict=False) == "other"
    assert unknown_type("Albert Quay", "en", role=False, strict=False) == "other"
    assert unknown_type("Karl Krämer Verlag", "de", role=False, strict=True) == "other"
    assert unknown_type("Nine to Five", "de", role=False, strict=True) == "other"


def test_everyday_words_are_no_entities() -> None:
    assert unknown_type("Hilfe", "de", role=False, strict=True) is None
    assert unknown_type("Fairness", "de", role=False, strict=True) != "person"
    assert unknown_type("Speicher", "de", role=False, strict=True) is None
    assert unknown_type("chiraquien", "fr", role=False, strict=False) is None


def test_person_evidence() -> None:
    assert unknown_type("Anne Becker", "de", role=False, strict=True) == "person"
    assert unknown_type("Kowalczyk", "de", role=True, strict=True) == "person"
    assert unknown_type("Oliver", "de", role=True, strict=True) == "person"
    assert unknown_type("Tran Van Duc", "en", role=False, strict=False) == "person"


def test_analysed_text_keeps_people_and_drops_words() -> None:
    text = (
        "Die Reporterin Anne Becker schrieb über Fairness im Handel. Becker sagte, "
        "die Ostsee Zeitung habe zuerst berichtet."
    )
    analysis = analyse_document(_document(text, "de"))
    types = {a.name: a.type for a in analysis.actors}
    assert types.get("Anne Becker") == "person"
    assert types.get("Fairness") != "person"
    ids = {m.mention.text: m.actor_id for m in analysis.mentions}
    assert ids.get("Becker") == ids["Anne Becker"]


def test_curated_area_named_in_full_is_a_place_not_a_person() -> None:
    text = "Rebels moved from Jroud Arsal towards the border on Tuesday."
    analysis = analyse_document(_document(text, "en"))
    places = {p.name for p in analysis.places}
    assert "Jroud Arsal" in places
    assert "Jroud Arsal" not in {a.name for a in analysis.actors if a.type == "person"}


def test_body_and_company_evidence() -> None:
    assert unknown_type("Stanford Universität", "de", role=False, strict=False) == "other"
    assert unknown_type("Bill Gates Foundation", "en", role=False, strict=False) == "other"
    assert unknown_type("Katoen Natie", "es", role=False, strict=False) == "person"
    assert unknown_type("Katoen Natie", "es", role=False, strict=False, company=True) == "other"
    assert unknown_type("Katoen Natie", "es", role=False, strict=False, never_short=True) == (
        "other"
    )
    # a first name outweighs the company noun nearby ("the firm's founder, Anne Becker")
    assert unknown_type("Anne Becker", "en", role=False, strict=False, company=True) == "person"


def test_a_name_never_shortened_beside_a_company_noun_is_no_person() -> None:
    text = (
        "El acuerdo con Vandemoortele Natie otorga prioridad a la compañía belga. "
        "Los contenedores pasaron a Vandemoortele Natie en abril."
    )
    analysis = analyse_document(_document(text, "es"))
    types = {a.name: a.type for a in analysis.actors}
    assert types.get("Vandemoortele Natie") in (None, "other")


def test_no_person_without_evidence_of_one() -> None:
    # a first name alone, role words alone, a constituency named after a town
    assert unknown_type("Peta", "en", role=False, strict=False) is None
    assert unknown_type("Oliver", "de", role=False, strict=True) is None
    assert unknown_type("Education Officer", "en", role=False, strict=False) is None
    assert unknown_type("Milton Keynes North", "en", role=False, strict=False) == "other"
    assert unknown_type("Jane Hill", "en", role=False, strict=False) == "person"


def test_a_title_before_a_first_name_is_no_part_of_the_name() -> None:
    text = "Tanaiste Leo Varadkar said the rules would stay. CEO Adrian Cummins disagreed."
    analysis = analyse_document(_document(text, "en"))
    names = {a.name for a in analysis.actors if a.type == "person"}
    assert "Tanaiste Leo Varadkar" not in names and "CEO Adrian Cummins" not in names
    assert "Leo Varadkar" in names


def _actor_types(text: str, language: str) -> dict[str, tuple[str, str]]:
    analysis = analyse_document(_document(text, language))
    actors = {a.id: a for a in analysis.actors}
    return {
        m.mention.text: (actors[m.actor_id].name, actors[m.actor_id].type)
        for m in analysis.mentions
        if m.actor_id
    }


def test_everyday_words_of_the_texts_language_name_nobody() -> None:
    text = (
        "Además, la alcaldesa habló con los vecinos en Valparaíso. Ningún concejal asistió. "
        "Revisa tu techo antes de la lluvia. ¿Cuáles son los riesgos? Dijo que el Partido "
        "votará en contra."
    )
    found = _actor_types(text, "es")
    for word in ("Además", "Ningún", "Revisa", "Cuáles", "¿Cuáles", "Partido"):
        assert word not in found, word


def test_names_frequent_in_every_language_stay() -> None:
    from claimtrace.nlp.entities.scan.evidence import everyday_word

    assert everyday_word("Además", "es", initial=False)
    assert everyday_word("Regierung", "de", initial=False)
    assert everyday_word("Revisa", "es", initial=True)
    assert not everyday_word("Revisa", "es", initial=False)
    for name in ("Facebook", "Madrid", "Carlos"):
        assert not everyday_word(name, "es", initial=True), name
    assert not everyday_word("Merkel", "de", initial=True)


def test_a_name_of_everyday_words_with_a_role_is_no_person() -> None:
    assert unknown_type("Última Hora", "es", role=True, strict=False) == "other"
    assert unknown_type("Carlos Alvarado", "es", role=False, strict=False) == "person"
    assert unknown_type("Rafael Pérez Fernández", "es", role=True, strict=False) == "person"


def test_a_verb_after_a_name_is_not_part_of_it() -> None:
    text = "Fernández-Soto abogó por la calma en Quito, dijo Lucía Fernández-Soto."
    found = _actor_types(text, "es")
    assert "Fernández-Soto abogó" not in found
    assert found.get("Fernández-Soto") == ("Lucía Fernández-Soto", "person")


def test_two_surnames_and_a_first_name_are_the_full_names_person() -> None:
    text = (
        "La ministra Carmen Robles Ituarte visitó Cienfuegos. La funcionaria Robles "
        "Ituarte-, que llegó tarde, habló con Carmen."
    )
    found = _actor_types(text, "es")
    assert found.get("Robles Ituarte") == ("Carmen Robles Ituarte", "person")
    assert found.get("Carmen") == ("Carmen Robles Ituarte", "person")


def test_polish_first_names_in_case_forms_are_first_names() -> None:
    # genitives of Zbigniew and Piotr, whose surnames look like words ("wilka": wolf's)
    assert unknown_type("Zbigniewa Kowalika", "pl", role=False, strict=True) == "person"
    assert unknown_type("Piotra Wilka", "pl", role=False, strict=True) == "person"
    assert unknown_type("Rafałowi Nowakowi", "pl", role=False, strict=True) == "person"


def test_a_company_suffix_names_a_company() -> None:
    assert unknown_type("Mattilan Marjatila Oy", "pl", role=False, strict=True) == "other"
    assert unknown_type("Nordvik Trading AB", "en", role=False, strict=False) == "other"


def test_an_analysed_text_gives_a_predicative_role_and_cuts_it_from_the_name() -> None:
    text = "Überraschend wird die 41 Jahre alte Petra Lindner Bürgermeisterin der Stadt Fulda."
    analysis = analyse_document(_document(text, "de"))
    persons = {a.name: a for a in analysis.actors if a.type == "person"}
    assert "Petra Lindner" in persons
    assert not any("Bürgermeisterin" in name for name in persons)
    assert persons["Petra Lindner"].role is not None


def test_the_full_name_types_an_actor_named_first_by_its_surname() -> None:
    text = (
        "Jeden z polityków Kowalika wyłamał się.\n\n"
        "Swój sprzeciw podtrzymali politycy Zbigniewa Kowalika oraz Konfederacji."
    )
    paragraphs = (Paragraph(0, 0, 39, "pl"), Paragraph(1, 41, len(text), "pl"))
    document = Document("doc_test", text, None, "pl", ("pl",), paragraphs)
    types = {a.name: a.type for a in analyse_document(document).actors}
    assert types.get("Zbigniewa Kowalika") == "person"
