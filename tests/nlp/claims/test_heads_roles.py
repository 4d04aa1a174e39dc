"""The general causes of wrong claims fixed in the second pass, each on invented sentences:
which relation word heads a claim, who the parse makes subject and object, which names are
only modifiers, what a source names, hedges and questions, and times referred back to."""

from __future__ import annotations

import pytest

from claimtrace.nlp.claims import extract_claims
from claimtrace.nlp.claims.modality import modality_of
from claimtrace.nlp.claims.syntax import choose_relation
from claimtrace.records import Claim
from tests.nlp.claims.helpers import analysis, attribution, document

IS = ("Islamic State", "actor:islamic-state", None, "ORG")
HEZ = ("Hezbollah", "actor:hezbollah", None, "ORG")
HARBOR = ("Port Vale", None, "geonames:1", "GPE")
SYRIA = ("Syria", "actor:state-sy", "geonames:163843", "GPE")
LEBANON = ("Lebanon", "actor:state-lb", "geonames:272103", "GPE")


def _claim(text: str, mentions: list, language: str = "en", relation: str | None = None) -> Claim:
    doc = document(text, language)
    claims = extract_claims(doc, analysis(doc, mentions), [])
    found = [c for c in claims if relation is None or c.relation == relation]
    assert len(found) == 1, [(c.relation, c.verb, c.subjects, c.objects) for c in claims]
    return found[0]


# --- which relation word heads the claim ----------------------------------------------------


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
@pytest.mark.parametrize(
    ("language", "text", "relation"),
    [
        # the main verb, not the first lexicon verb (in a relative clause)
        ("en", "Fighters who had attacked the town later withdrew to the hills.", "withdraw"),
        ("fr", "Les combattants qui avaient attaqué la ville se sont retirés.", "withdraw"),
        ("es", "Los combatientes que habían atacado la ciudad se retiraron.", "withdraw"),
        # main clause over a "before" clause
        ("en", "The militia evacuated its positions before the army attacked.", "withdraw"),
        # a relation named by a gerund under a light verb
        ("en", "Other arrangements included trading fuel for grain.", "trade"),
        # the longer phrase at one position: a deal, not a strike
        ("en", "The militia hopes to survive by striking deals with the army.", "cooperate"),
        # German: the finite clause, not an attributive participle
        (
            "de",
            "Russland hat Verstärkung an die Front mit der von der Türkei unterstützten Miliz "
            "geschickt.",
            "deploy",
        ),
        # German: the main clause over a relative clause
        ("de", "Die Raketen, die die Miliz eingesetzt hat, stammen aus dem Iran.", None),
    ],
)
def test_the_head_relation_is_chosen(language: str, text: str, relation: str | None) -> None:
    found = choose_relation(text, language)
    if relation is None:  # "stammen aus" needs weapons: no relation word but the participle
        assert found is None or found.verb != "eingesetzt"
    else:
        assert found is not None and found.code == relation, found


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_an_attributive_participle_states_no_relation() -> None:
    assert choose_relation("The militia has been hostile to the armed opposition.", "en") is None
    assert choose_relation("Die unterstützten Milizen blieben in der Stadt.", "de") is None


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_no_break_spaces_and_acronyms_do_not_break_the_parse() -> None:
    text = (
        "arrangements\u00a0to evacuate some areas by Islamic State forces before\u00a0the "
        "army attacked"
    )
    found = choose_relation(text, "en")
    assert found is not None and found.code == "withdraw"
    # "150 IS fighters": IS is a name, not the verb "is"
    claim = _claim(
        "Hezbollah helicopters transported around 150 IS fighters to the village.",
        [HEZ, ("IS", "actor:islamic-state", None, "ORG")],
    )
    assert claim.relation == "transport"
    assert (claim.subjects, claim.objects) == (("actor:hezbollah",), ("actor:islamic-state",))


# --- subjects and objects --------------------------------------------------------------------


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_a_relative_clause_inside_an_object_is_no_object() -> None:
    claim = _claim(
        "Hezbollah transported the Islamic State fighters to a village, which is controlled "
        "by the Free Legion.",
        [HEZ, IS, ("Free Legion", "actor:free-legion", None, "ORG")],
    )
    assert (claim.subjects, claim.objects) == (("actor:hezbollah",), ("actor:islamic-state",))


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_a_subject_that_names_no_actor_stays_empty() -> None:
    claim = _claim(
        "One of the commanders accused Hezbollah of shelling the market.",
        [HEZ],
        relation="accuse",
    )
    assert claim.subjects == () and claim.objects == ("actor:hezbollah",)


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_a_relative_pronoun_stands_for_its_antecedent() -> None:
    claim = _claim(
        "The Islamic State fighters, who had attacked Hezbollah near the river, later left.",
        [IS, HEZ],
        relation="attack",
    )
    assert (claim.subjects, claim.objects) == (("actor:islamic-state",), ("actor:hezbollah",))


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
@pytest.mark.parametrize(
    "text",
    [
        "The town was handed over twice between Hezbollah and Islamic State.",
        "The cooperation between Hezbollah and Islamic State has been documented.",
    ],
)
def test_between_makes_the_first_actor_the_subject(text: str) -> None:
    claim = _claim(text, [HEZ, IS])
    assert (claim.subjects, claim.objects) == (("actor:hezbollah",), ("actor:islamic-state",))


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_a_semicolon_ends_the_clause_of_the_roles() -> None:
    claim = _claim(
        "Islamic State fighters are being smuggled to Port Vale by Hezbollah; some accused "
        "the Free Legion of helping them.",
        [IS, HEZ, HARBOR, ("Free Legion", "actor:free-legion", None, "ORG")],
        relation="transport",
    )
    assert (claim.subjects, claim.objects) == (("actor:hezbollah",), ("actor:islamic-state",))


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Des combattants de l'État islamique ont été transportés par le Hezbollah."),
        ("es", "Combatientes del Estado Islámico fueron transportados por Hezbolá."),
    ],
)
def test_passive_agents_in_french_and_spanish(language: str, text: str) -> None:
    mentions = [
        ("État islamique", "actor:islamic-state", None, "ORG"),
        ("Estado Islámico", "actor:islamic-state", None, "ORG"),
        ("Hezbollah", "actor:hezbollah", None, "ORG"),
        ("Hezbolá", "actor:hezbollah", None, "ORG"),
    ]
    claim = _claim(text, mentions, language)
    assert claim.relation == "transport"
    assert (claim.subjects, claim.objects) == (("actor:hezbollah",), ("actor:islamic-state",))


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_an_actor_is_never_both_subject_and_object() -> None:
    claim = _claim(
        "Islamic State fighters attacked other Islamic State units near the river.", [IS]
    )
    assert claim.subjects == ("actor:islamic-state",) and claim.objects == ()


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_places_reached_through_a_locative_are_not_objects() -> None:
    claim = _claim(
        "Hezbollah transported Islamic State fighters from the region between Syria and "
        "Lebanon to Port Vale.",
        [HEZ, IS, SYRIA, LEBANON, HARBOR],
    )
    assert (claim.subjects, claim.objects) == (("actor:hezbollah",), ("actor:islamic-state",))


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_a_national_adjective_before_a_common_noun_names_no_actor() -> None:
    syrian = ("Syrian", "actor:state-sy", None, "NORP")
    claim = _claim("Hezbollah killed dozens of Syrian civilians near Port Vale.", [HEZ, syrian])
    assert (claim.subjects, claim.objects) == (("actor:hezbollah",), ())
    iranian = ("Iranian", "actor:state-ir", None, "NORP")
    claim = _claim("Iranian weapons reached Hezbollah last year.", [HEZ, iranian])
    assert claim.relation == "supply_weapons" and "actor:state-ir" in claim.subjects
    # "Iran-linked": half of a compound adjective, not the actor
    iran = ("Iran", "actor:state-ir", "geonames:130758", "GPE")
    claim = _claim(
        "The Iran-linked Hezbollah group concluded a deal with Islamic State.", [HEZ, IS, iran]
    )
    assert (claim.subjects, claim.objects) == (("actor:hezbollah",), ("actor:islamic-state",))


def test_a_german_noun_takes_its_genitive_as_subject() -> None:
    usa = ("USA", "actor:state-us", None, "GPE")
    claim = _claim(
        "Die Miliz hat den Rückzug der USA aus der Region genutzt, um sich neu aufzustellen.",
        [usa, ("Miliz", "actor:militia", None, "ORG")],
        "de",
        relation="withdraw",
    )
    assert claim.subjects == ("actor:state-us",)


# --- sources ---------------------------------------------------------------------------------


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_a_quote_mark_cue_is_shown_as_its_kind() -> None:
    doc = document("“Hezbollah attacked the convoy near Port Vale,” the minister said.", "en")
    att = attribution(
        doc, "“", "Hezbollah attacked the convoy near Port Vale", "the minister", "quote"
    )
    [claim] = extract_claims(doc, analysis(doc, [HEZ, HARBOR]), [att])
    assert claim.sources[0].cue == "quote" and claim.sources[0].kind == "quote"


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
@pytest.mark.parametrize(
    ("source", "actor"),
    [
        ("One businessman close to Hezbollah", None),  # a businessman, not Hezbollah
        ("It", None),
        ("They", None),
        ("The organisation", None),
        ("A third of the Hezbollah commanders", "actor:hezbollah"),  # a partitive
        ("Hezbollah, the Lebanese movement,", "actor:hezbollah"),
    ],
)
def test_a_source_is_named_by_its_head(source: str, actor: str | None) -> None:
    doc = document(f"{source} said that Islamic State attacked the garrison.", "en")
    att = attribution(doc, "said", "Islamic State attacked the garrison", source, "say")
    [claim] = extract_claims(doc, analysis(doc, [HEZ, IS]), [att])
    # a pronoun with no antecedent gives no link at all (no source named "It")
    assert (claim.sources[0].actor if claim.sources else None) == actor
    assert all(s.name.casefold() not in {"it", "they"} for s in claim.sources)


def test_a_german_national_adjective_is_no_source() -> None:
    doc = document("Die Miliz hat die Stadt angegriffen, berichten syrische Organisationen.", "de")
    att = attribution(
        doc, "berichten", "Die Miliz hat die Stadt angegriffen", "syrische Organisationen", "report"
    )
    mentions = [
        ("syrische", "actor:state-sy", None, "NORP"),
        ("Miliz", "actor:militia", None, "ORG"),
    ]
    [claim] = extract_claims(doc, analysis(doc, mentions), [att])
    assert claim.sources[0].actor is None


# --- modality --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kinds", "content", "language", "modality"),
    [
        (["confirm"], "deals the regime supposedly made with the militia", "en", "alleged"),
        (["claim"], "que la milice aurait attaqué la ville", "fr", "alleged"),
        (["say"], "whether the militia attacked the town?", "en", "questioned"),
        # "wenn" is as often "whenever" as "if": no speculation
        (
            [],
            "dass das Regime, wenn es ihm passt, mit der Miliz zusammen arbeitet",
            "de",
            "asserted",
        ),
    ],
)
def test_hedges_and_questions(kinds: list[str], content: str, language: str, modality: str) -> None:
    assert modality_of(kinds, content, language) == modality


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_an_unattributed_question_is_questioned() -> None:
    claim = _claim("Did Hezbollah secretly work with Islamic State near the border?", [HEZ, IS])
    assert claim.relation == "cooperate" and claim.modality == "questioned"
    claim = _claim(
        "There is evidence of collusion between Hezbollah and Islamic State – but why?", [HEZ, IS]
    )
    assert claim.modality == "asserted"


# --- time ------------------------------------------------------------------------------------


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_a_time_referred_back_to_is_taken_from_the_paragraph() -> None:
    text = (
        "On 3 May 2016 Islamic State attacked Port Vale. At the time, Hezbollah withdrew "
        "from the town. Hezbollah later attacked Islamic State."
    )
    doc = document(text, "en")
    claims = extract_claims(doc, analysis(doc, [IS, HEZ, HARBOR]), [])
    times = {c.text.split(",")[0].split(" ")[-1]: c.time for c in claims}
    assert [c.time for c in claims] == ["2016-05-03", "2016-05-03", None], times
