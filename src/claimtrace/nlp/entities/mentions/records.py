"""Records of linked mentions: a mention with the actor and place it names."""

from __future__ import annotations

from dataclasses import dataclass

from claimtrace.nlp.entities.ner import Mention


@dataclass(frozen=True)
class LinkedMention:
    """A mention; ``actor_id`` is a table actor (``actor:...``) or an unknown name
    (``actor:x-...``), ``place_id`` a gazetteer place. A country name has both."""

    mention: Mention
    actor_id: str | None = None
    place_id: str | None = None


@dataclass(frozen=True)
class ActorRef:
    """An actor as the store keeps it. ``role`` is a person's function as the document
    states it ("spokesperson", "president", "commander"; canonical English keys from
    ``data/roles.json``) and ``affiliation`` the actor id of the body it is exercised for
    ("actor:us-led-coalition"), when the text puts one next to it."""

    id: str
    name: str
    type: str
    country: str | None = None
    parent: str | None = None
    role: str | None = None
    affiliation: str | None = None
